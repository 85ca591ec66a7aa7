"""Timeline page: lanes per person, evidence for the clicked event, downloads."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import controls, exports, queries
from dashboard.evidence import data_text, evidence_html
from dashboard.figures import esc, legend_entries, legend_html, timeline_figure
from dashboard.filters import describe_hidden
from dashboard.state import view_range

CHART_KEY = "timeline_chart"
BIN_LIST_LIMIT = 200          # events listed for one aggregate marker
PLOTLY_CONFIG = {"displaylogo": False, "scrollZoom": True,
                 "modeBarButtonsToRemove": ["lasso2d"],
                 "toImageButtonOptions": {"filename": "fact-timeline"}}


def _dragged_period(selection) -> tuple[dt.date, dt.date] | None:
    """The period of a box dragged across the chart (at least two days), else None."""
    try:
        box = selection["selection"]["box"]
        first, last = sorted(pd.Timestamp(x).date() for x in box[0]["x"])
    except (KeyError, TypeError, IndexError, ValueError):
        return None
    return (first, last) if (last - first).days >= 2 else None


def _clicked_event(selection) -> str:
    """The event id (or aggregate bin) of the first clicked point, "" if none."""
    try:
        if selection["selection"]["box"]:
            return ""                  # a dragged box zooms; it does not open evidence
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
    """Draw the timeline; return the figure, the clicked event and a dragged period.

    Streamlit draws a new chart whenever the figure changes (any filter change), which
    loses a zoom made inside Plotly. A period dragged with the box-select tool is a
    selection Streamlit does report: it is kept in the session and the URL and applied as
    the axis range on every rerun. (Dragging stays Plotly's zoom by default, because in
    select mode Streamlit stops a click from selecting an event.)
    """
    view = explore.view
    x_range = view_range(view)
    fig = timeline_figure(explore.chart_events, explore.lanes, today=dt.date.today(),
                          x_range=x_range, uirevision=f"{explore.corpus.name}|{x_range}",
                          merge_facts=view.merge_facts)
    fig.update_layout(selectdirection="h")        # a box-select spans all lanes
    entries = legend_entries(fig)
    if entries:
        st.html(legend_html(entries))
        fig.update_layout(showlegend=False)
    chosen = st.plotly_chart(fig, key=CHART_KEY, on_select="rerun",
                             selection_mode=("points", "box"), theme=None,
                             config=PLOTLY_CONFIG, alt="Timeline with one lane per person")
    return fig, _clicked_event(chosen), _dragged_period(chosen)


def _zoom_bar(explore: controls.Explore) -> None:
    shown = view_range(explore.view)
    left, right = st.columns([5, 1], vertical_alignment="center")
    if shown:
        left.caption(f"Period shown: {shown[0]:%d %b %Y} – {shown[1]:%d %b %Y}. "
                     "Click an event for its evidence.")
        right.button("Reset zoom", on_click=controls.reset_view, key="reset_zoom",
                     icon=":material/zoom_out_map:", width="stretch")
    else:
        left.caption("Click an event to see its evidence. To zoom into a period and keep "
                     "it while you filter, pick the box-select tool (⬚, top right of the "
                     "chart) and drag across the period.")


def _evidence(explore: controls.Explore, event_id: str) -> None:
    if event_id.startswith("bin|"):
        _, person, period = event_id.split("|", 2)
        listed, n = queries.in_month(explore.store, explore.filters, person, period,
                                     BIN_LIST_LIMIT)
        st.markdown(f"**{n:,} events** for {data_text(person)} in {period}: pick one to see "
                    "its sentence, or narrow the filters to see them one by one on the chart.")
        listed = listed[["start", "label", "time_text", "title", "event_id"]]
        picked = st.dataframe(listed, hide_index=True, key="bin_events", on_select="rerun",
                              selection_mode="single-row")
        if not (picked and picked.selection.rows):
            return
        event_id = str(listed.iloc[picked.selection.rows[0]]["event_id"])
    event = controls.event_by_id(explore, event_id)
    if event is None:
        st.info("Click an event on the chart to see the sentence it was read from.")
        return
    if not controls.passes_filters(explore, event_id):
        st.caption("This event is hidden by the current filters.")
    st.html(evidence_html(event, queries.corroborating(explore.store, event)))


def file_title(explore: controls.Explore) -> str:
    """What a downloaded chart is about: persons (or corpus), filters, period, date made."""
    persons = explore.filters.persons
    who = ", ".join(persons[:3]) + (f" +{len(persons) - 3}" if len(persons) > 3 else "") \
        if persons else explore.corpus.name
    shown = f"{explore.outcome.count:,} of {explore.outcome.total:,} events"
    return f"{who} · {shown} · made {dt.date.today():%d %b %Y}"


def _downloads(fig, explore: controls.Explore) -> None:
    """Chart and data downloads; made only when clicked (a chart image takes a second)."""
    stamp = dt.date.today().isoformat()

    def for_file() -> go.Figure:
        """A titled copy without the app's select setting, made only on a click."""
        copy = go.Figure(fig).update_layout(selectdirection=None, showlegend=None)
        # Room above the legend (which can wrap to two rows) for the title.
        return copy.update_layout(title=dict(text=esc(file_title(explore)), x=0,
                                             xref="paper", y=0.995, yanchor="top"),
                                  margin=dict(t=(copy.layout.margin.t or 0) + 80))

    buttons = [
        ("PNG", lambda: exports.figure_to_png(for_file()), f"timeline-{stamp}.png",
         "image/png"),
        ("SVG", lambda: exports.figure_to_svg(for_file()), f"timeline-{stamp}.svg",
         "image/svg+xml"),
        ("HTML (offline)", lambda: exports.figure_to_html(for_file()),
         f"timeline-{stamp}.html", "text/html"),
        ("CSV", lambda: exports.events_to_csv(explore.events), f"events-{stamp}.csv",
         "text/csv"),
    ]
    no_images = (None if exports.chromium_path() else
                 "Chromium is not installed on the server (apt-get install chromium)")
    empty = "No events match the filters: nothing to download" if not explore.outcome.count else None
    if explore.outcome.truncated:
        st.caption(f"The CSV holds the first {queries.ROWS_LIMIT:,} of "
                   f"{explore.outcome.count:,} events (by date); for all of them use "
                   f"`python -m extract export --store {explore.corpus.path} --out DIR`.")
    columns = st.columns(len(buttons))
    for column, (label, make, name, mime) in zip(columns, buttons):
        is_image = label in ("PNG", "SVG")
        why_not = empty or (no_images if is_image else None)
        column.download_button(label, data=make, file_name=name, mime=mime,
                               key=f"download_{name.split('.')[-1]}", on_click="ignore",
                               icon=":material/download:", width="stretch",
                               disabled=bool(why_not), help=why_not)


def main() -> None:
    explore = controls.current()
    st.title("Timeline")
    st.caption(describe_hidden(explore.outcome))
    _zoom_bar(explore)
    fig, clicked, dragged = _chart(explore)
    if dragged and dragged != explore.view.zoom:
        controls.set_zoom(*dragged)
        st.rerun()                     # draw again with the period as the axis range
    event_id = explore.view.event
    if clicked and clicked != event_id:
        controls.select_event(clicked)   # remembered, and in the URL for a shared link
        event_id = clicked
    st.subheader("Evidence")
    _evidence(explore, event_id)
    st.subheader("Download this view")
    _downloads(fig, explore)


main()
