"""Export page: the current filtered view as chart images, offline HTML and data files.

Every file is made only when its button is clicked (deferred download data): a chart image
costs Chromium time and a CSV of a million events costs seconds, so nothing is built on a
rerun that nobody downloads; not even the full rows of the view are taken until then. The
chart is the timeline page's (`figures.timeline_figure` on `Explore.chart_events`). All
conversion lives in `dashboard.exports`.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import controls, exports, queries
from dashboard.figures import timeline_figure
from dashboard.state import jump_range

# TimelineJS draws one slide per event and becomes unusable beyond a few thousand.
# (A comment, not a docstring: Streamlit's "magic" would print a bare string on the page.)
TIMELINEJS_LIMIT = 2_000


def _file_stem(corpus_name: str) -> str:
    """'fact-timeline-<corpus>-<date>' with only filename-safe characters."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in corpus_name.lower())
    slug = "-".join(part for part in slug.split("-") if part)[:40]
    return f"fact-timeline-{slug}-{dt.date.today().isoformat()}" if slug else \
        f"fact-timeline-{dt.date.today().isoformat()}"


def _button(where, label: str, make, file_name: str, mime: str, *, disabled: bool = False,
            help: str | None = None) -> None:
    where.download_button(label, data=make, file_name=file_name, mime=mime,
                          key=f"export_{file_name.rsplit('.', 1)[-1]}_{label}",
                          on_click="ignore", disabled=disabled, help=help,
                          icon=":material/download:", width="stretch")


def _chart_downloads(fig, title: str, stem: str) -> None:
    st.subheader("Chart")
    chromium = exports.chromium_path()
    if chromium is None:
        st.warning("PNG, SVG and PDF need Chromium on the server and none was found "
                   f"(expected at {exports.DEFAULT_CHROMIUM}; `apt-get install chromium`). "
                   "The interactive HTML below works without it.")
    no_image = "Chromium is not installed on the server" if chromium is None else None
    png, svg, pdf, page = st.columns(4)
    _button(png, "PNG image", lambda: exports.figure_to_png(fig), f"{stem}.png", "image/png",
            disabled=chromium is None, help=no_image or "For slides and documents (2x scale)")
    _button(svg, "SVG vector", lambda: exports.figure_to_svg(fig), f"{stem}.svg",
            "image/svg+xml", disabled=chromium is None,
            help=no_image or "Vector image, editable in Inkscape or Illustrator")
    _button(pdf, "PDF", lambda: exports.figure_to_pdf(fig), f"{stem}.pdf", "application/pdf",
            disabled=chromium is None, help=no_image or "Vector image for reports")
    _button(page, "Interactive HTML", lambda: exports.figure_to_html(fig, title=title),
            f"{stem}.html", "text/html",
            help="Zoom and hover like here; opens offline, nothing loaded from the internet")


def _timelinejs(explore: controls.Explore, title: str, description: str) -> bytes:
    """The first TIMELINEJS_LIMIT dated events of the view as a TimelineJS file."""
    events = explore.events
    dated = events[events["start"].fillna("").astype("str") != ""].head(TIMELINEJS_LIMIT)
    return exports.timelinejs_to_bytes(
        exports.events_to_timelinejs(dated, title=title, description=description))


def _data_downloads(explore: controls.Explore, title: str, description: str,
                    stem: str) -> None:
    """CSV, JSON and TimelineJS; the rows are taken from the view only on a click."""
    st.subheader("Data")
    csv, json_, timeline = st.columns(3)
    _button(csv, "CSV", lambda: exports.events_to_csv(explore.events), f"{stem}.csv",
            "text/csv",
            help="One row per event; opens in Excel/LibreOffice (formulas neutralised)")
    _button(json_, "JSON", lambda: exports.events_to_json(explore.events), f"{stem}.json",
            "application/json", help="A list of event records with every column")
    _button(timeline, "TimelineJS JSON", lambda: _timelinejs(explore, title, description),
            f"{stem}.timelinejs.json", "application/json",
            help="Load in Knight Lab TimelineJS to publish the timeline as a story")
    if explore.outcome.truncated:
        st.caption(f"CSV and JSON hold the first {queries.ROWS_LIMIT:,} of "
                   f"{explore.outcome.count:,} events (by date); for all of them use "
                   f"`python -m extract export --store {explore.corpus.path} --out DIR`.")
    if explore.outcome.count > TIMELINEJS_LIMIT:
        st.caption(f"TimelineJS gets the first {TIMELINEJS_LIMIT:,} dated events (by date) "
                   "of this view; narrow the filters for a complete story.")


def main() -> None:
    explore = controls.current()
    st.title("Export")
    count, corpus = explore.outcome.count, explore.corpus.name
    st.caption(f"{count:,} of {explore.outcome.total:,} events from “{corpus}”: "
               "the sidebar's filters apply to every file on this page.")
    if not count:
        st.info("No events match the filters, so there is nothing to export. "
                "Clear a filter in the sidebar.")
        return
    title = f"Fact timeline: {corpus}"
    description = f"{count:,} dated facts per person, extracted from news articles."
    fig = timeline_figure(explore.chart_events, explore.lanes, title=title,
                          x_range=jump_range(explore.view), uirevision="export")
    stem = _file_stem(corpus)
    _chart_downloads(fig, title, stem)
    _data_downloads(explore, title, description, stem)
    with st.expander("Preview of the exported chart", expanded=False):
        st.plotly_chart(fig, theme=None, key="export_preview",
                        config={"displaylogo": False})


main()
