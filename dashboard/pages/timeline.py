"""Timeline page: lanes per person, evidence for the clicked event, downloads."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import controls
from dashboard.evidence import corroborating, evidence_html
from dashboard.figures import timeline_figure
from dashboard.filters import describe_hidden
from dashboard.state import jump_range

CHART_KEY = "timeline_chart"
PLOTLY_CONFIG = {"displaylogo": False, "scrollZoom": True,
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                 "toImageButtonOptions": {"filename": "fact-timeline"}}


def _clicked_event(selection) -> str:
    """The event id (or aggregate bin) of the first clicked point, "" if none."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return ""
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, list):
            custom = custom[0] if custom else None
        if custom:
            return str(custom)
    return ""


def _chart(explore: controls.Explore):
    view = explore.view
    x_range = jump_range(view)
    # Plotly keeps the user's zoom while `uirevision` stays the same; it changes only
    # when the user jumps to a date or switches corpus, which should move the view.
    revision = f"{explore.corpus.name}|{view.jump_to}|{view.window if view.jump_to else ''}"
    fig = timeline_figure(explore.chart_events, explore.lanes, today=dt.date.today(),
                          x_range=x_range, uirevision=revision)
    chosen = st.plotly_chart(fig, key=CHART_KEY, on_select="rerun", selection_mode="points",
                             theme=None, config=PLOTLY_CONFIG,
                             alt="Timeline with one lane per person")
    return fig, _clicked_event(chosen)


def _evidence(explore: controls.Explore, event_id: str) -> None:
    events = explore.corpus.events
    if event_id.startswith("bin|"):
        _, person, period = event_id.split("|", 2)
        shown = explore.events
        in_bin = shown[(shown["person"] == person) & shown["start"].str.startswith(period)]
        st.markdown(f"**{len(in_bin):,} events** for this person in {period}; "
                    "narrow the filters to see them one by one on the chart.")
        st.dataframe(in_bin[["start", "label", "time_text", "title"]].head(200),
                     hide_index=True)
        return
    event = controls.event_by_id(events, event_id)
    if event is None:
        st.info("Click an event on the chart to see the sentence it was read from.")
        return
    st.html(evidence_html(event, corroborating(events, event)))


def _downloads(fig, explore: controls.Explore) -> None:
    """Chart and data downloads; made only when clicked (a chart image takes a second)."""
    try:
        from dashboard import exports
    except ImportError:            # the export module is another page's; keep the chart
        st.caption("Downloads are not available in this installation.")
        return
    stamp = dt.date.today().isoformat()
    buttons = [
        ("PNG", lambda: exports.figure_to_png(fig), f"timeline-{stamp}.png", "image/png"),
        ("SVG", lambda: exports.figure_to_svg(fig), f"timeline-{stamp}.svg", "image/svg+xml"),
        ("HTML (offline)", lambda: exports.figure_to_html(fig), f"timeline-{stamp}.html",
         "text/html"),
        ("CSV", lambda: exports.events_to_csv(explore.events), f"events-{stamp}.csv",
         "text/csv"),
    ]
    columns = st.columns(len(buttons))
    for column, (label, make, name, mime) in zip(columns, buttons):
        column.download_button(label, data=make, file_name=name, mime=mime,
                               key=f"download_{name.split('.')[-1]}", on_click="ignore",
                               icon=":material/download:", width="stretch")


def main() -> None:
    explore = controls.current()
    st.title("Timeline")
    st.caption(describe_hidden(explore.outcome))
    fig, clicked = _chart(explore)
    event_id = explore.view.event
    if clicked and clicked != event_id:
        controls.select_event(clicked)   # remembered, and in the URL for a shared link
        event_id = clicked
    st.subheader("Evidence")
    _evidence(explore, event_id)
    st.subheader("Download this view")
    _downloads(fig, explore)


main()
