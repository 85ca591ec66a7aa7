"""The sidebar: corpus, filters and view controls, kept in sync with the URL.

Rendered once per run by the router (`streamlit_app.py`), before the page, so the widgets
keep their values when the user switches pages. Pages read the result with `current()`.

The URL is read once per browser session (a shared link sets up the widgets) and written
on every run (the address bar always reproduces the current view).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd
import streamlit as st

from dashboard import corpus as store_corpus
from dashboard import data, queries
from dashboard.evidence import data_text
from dashboard.filters import FilterState
from dashboard.lanes import DETAIL_LIMIT, LANE_ORDERS, MAX_LANES, lane_order_from_stats
from dashboard.state import (STATE_KEYS, WINDOWS, ViewState, from_query_params,
                             to_query_params)

EXPLORE_KEY = "_ft_explore"
SEEDED_KEY = "_ft_seeded_from_url"
LINKED_CORPUS_KEY = "_ft_linked_corpus"      # the corpus a shared link was made on
K = {  # widget keys (tests set them through AppTest)
    "persons": "f_persons", "date_from": "f_from", "date_to": "f_to",
    "event_types": "f_types", "sources": "f_sources", "min_confidence": "f_conf",
    "min_sources": "f_nsrc", "text": "f_text", "lane_order": "v_order",
    "jump_to": "v_jump", "window": "v_window", "event": "v_event", "zoom": "v_zoom",
    "merge_facts": "v_merge",
}
DATE_LIMITS = (dt.date(1800, 1, 1), dt.date(2100, 12, 31))


@dataclass(frozen=True)
class Explore:
    """Everything a page needs about the current view."""
    corpus: store_corpus.OpenStore
    filters: FilterState
    view: ViewState
    outcome: queries.StoreView
    lanes: list[str]

    @property
    def store(self):
        return self.corpus.store

    @cached_property
    def events(self) -> pd.DataFrame:
        """The filtered events, with the extractor's columns only (made when first asked;
        at most `queries.ROWS_LIMIT`, see `outcome.truncated`)."""
        return data.public_columns(self.outcome.shown)

    @cached_property
    def chart_events(self) -> pd.DataFrame:
        """What the timeline draws: the events of the drawn lanes, or their counts per
        person and month when there are more than `lanes.DETAIL_LIMIT`."""
        return ask(self, "chart_rows", self.lanes[:MAX_LANES])


def _seed_from_url() -> None:
    """On a session's first run, put the URL's view into the widgets."""
    if st.session_state.get(SEEDED_KEY):
        return
    filters, view = from_query_params(st.query_params)
    values = {"persons": list(filters.persons), "date_from": filters.date_from,
              "date_to": filters.date_to, "event_types": list(filters.event_types),
              "sources": list(filters.sources), "min_confidence": filters.min_confidence,
              "min_sources": filters.min_sources, "text": filters.text,
              "lane_order": view.lane_order if view.lane_order in LANE_ORDERS else
              LANE_ORDERS[0], "jump_to": view.jump_to, "window": view.window,
              "event": view.event, "zoom": view.zoom, "merge_facts": view.merge_facts}
    st.session_state[LINKED_CORPUS_KEY] = view.corpus
    for name, value in values.items():
        st.session_state.setdefault(K[name], value)
    st.session_state[SEEDED_KEY] = True


def _state_from_widgets(corpus: str) -> tuple[FilterState, ViewState]:
    s = st.session_state
    return (FilterState(persons=tuple(s.get(K["persons"]) or ()),
                        date_from=s.get(K["date_from"]), date_to=s.get(K["date_to"]),
                        event_types=tuple(s.get(K["event_types"]) or ()),
                        sources=tuple(s.get(K["sources"]) or ()),
                        min_confidence=float(s.get(K["min_confidence"]) or 0.0),
                        min_sources=int(s.get(K["min_sources"]) or 1),
                        text=str(s.get(K["text"]) or "").strip()),
            ViewState(corpus=corpus,
                      lane_order=s.get(K["lane_order"]) or LANE_ORDERS[0],
                      jump_to=s.get(K["jump_to"]), window=s.get(K["window"]) or "3 months",
                      event=s.get(K["event"]) or "", zoom=s.get(K["zoom"]),
                      merge_facts=bool(s.get(K["merge_facts"], True))))


def _keep_known(key: str, options: list[str]) -> None:
    """Drop selections the corpus does not have (e.g. from a link to another corpus)."""
    chosen = st.session_state.get(key) or []
    known = set(options)
    if any(v not in known for v in chosen):
        st.session_state[key] = [v for v in chosen if v in known]


def _multiselect_with_counts(where, label: str, key: str, counts: pd.Series, help: str) -> None:
    options = list(counts.index)
    _keep_known(key, options)
    where.multiselect(label, options, key=key, help=help,
                   format_func=lambda v: f"{v} ({int(counts.get(v, 0)):,})",
                   placeholder="All — type to search")


def sync_url(filters: FilterState, view: ViewState) -> None:
    """Write the view to the address bar, leaving other pages' parameters alone."""
    wanted = {k: v if isinstance(v, list) else [v]
              for k, v in to_query_params(filters, view).items()}
    current = {k: v for k in STATE_KEYS if (v := st.query_params.get_all(k))}
    if current == wanted:
        return                         # nothing to send to the browser
    for key in STATE_KEYS:
        if key in current and key not in wanted:
            del st.query_params[key]
    for key, values in wanted.items():
        if current.get(key) != values:
            st.query_params[key] = values if len(values) > 1 else values[0]


def select_event(event_id: str) -> None:
    """Open an event's evidence (and put it in the URL so a link shows it too)."""
    st.session_state[K["event"]] = event_id
    if event_id:
        st.query_params["event"] = event_id


def set_zoom(first: dt.date, last: dt.date) -> None:
    """Show this period on the chart until the user resets it (and say so in the URL)."""
    st.session_state[K["zoom"]] = (min(first, last), max(first, last))


def reset_view() -> None:
    """Back to the automatic range: no zoom, no jump."""
    st.session_state[K["zoom"]] = None
    st.session_state[K["jump_to"]] = None


def _clear_zoom() -> None:
    st.session_state[K["zoom"]] = None


FILTER_DEFAULTS = {"persons": [], "date_from": None, "date_to": None, "event_types": [],
                   "sources": [], "min_confidence": 0.0, "min_sources": 1, "text": ""}


def clear_filters() -> None:
    """Every filter back to showing everything (the view settings stay)."""
    for name, value in FILTER_DEFAULTS.items():
        st.session_state[K[name]] = value


def linked_elsewhere(linked: str, open_name: str) -> str | None:
    """What to tell a user whose link was made on another corpus than the one open here."""
    if not linked or linked == open_name:
        return None
    return (f"This link was made on the corpus “{linked}”, which is not open here: this "
            f"server shows “{open_name}”. Its filters are applied to “{open_name}”; open "
            f"“{linked}” with `make run STORE=path-to-{linked}` to see what was shared.")


def _corpus_line(sb, name: str, size: store_corpus.Size, path) -> None:
    """Which corpus is open and how big it is; a warning when a link named another."""
    sb.markdown(f"**Corpus: {data_text(name)}**")
    sb.caption(f"{size.articles:,} articles · {size.events:,} dated facts · "
               f"{size.persons:,} persons · stored in `{path}`")
    warning = linked_elsewhere(st.session_state.get(LINKED_CORPUS_KEY, ""), name)
    if warning:
        st.warning(warning, icon=":material/link_off:")


@st.cache_resource(max_entries=256, show_spinner=False)
def _counted(path: str, state: int, filters: FilterState) -> queries.Sidebar:
    """The sidebar's counts for one committed store state and one set of filters: a rerun
    that changes no filter (a click on an event, another page) asks DuckDB nothing."""
    return queries.sidebar(store_corpus.opened_store(path, state).cursor(), filters)


@st.cache_resource(max_entries=256, show_spinner=False)
def _answered(path: str, state: int, question: str, filters: FilterState, lanes: tuple):
    """A page's query (`queries.<question>`) for one store state, filters and lanes,
    answered once: frames shared read-only between reruns and sessions."""
    store = store_corpus.opened_store(path, state).cursor()
    return _QUESTIONS[question](store, filters, list(lanes))


_QUESTIONS = {
    "chart_rows": lambda store, filters, lanes: queries.chart_rows(store, filters, lanes,
                                                                   DETAIL_LIMIT),
    "person_summary": queries.person_summary,
}


def ask(explore: Explore, question: queries.Question, lanes: list[str] = ()):
    """`queries.<question>` for the current view, cached per store state and filters."""
    return _answered(str(explore.corpus.path), explore.corpus.state, question,
                     explore.filters, tuple(lanes))


def _sidebar(corpus: store_corpus.OpenStore, filters: FilterState) -> queries.Sidebar:
    seen = _counted(str(corpus.path), corpus.state, filters)
    return replace(seen, view=replace(seen.view, store=corpus.store))   # this run's cursor


def render_sidebar() -> Explore:
    """Draw the corpus, filter and view controls; return the filtered view."""
    _seed_from_url()
    sb = st.sidebar
    corpus = store_corpus.open_store()
    store = corpus.store
    _corpus_line(sb, corpus.name, corpus.size, corpus.path)

    filters, view = _state_from_widgets(corpus.name)
    seen = _sidebar(corpus, filters)
    sb.subheader("Filters")
    _multiselect_with_counts(sb, "Persons", K["persons"], seen.options["person"],
                             "Events per person under the other filters")
    # One box a row: two side by side in the sidebar cut a date to "2007 - 0".
    sb.date_input("From", key=K["date_from"], value=None, min_value=DATE_LIMITS[0],
                  max_value=DATE_LIMITS[1], format="YYYY-MM-DD")
    sb.date_input("To", key=K["date_to"], value=None, min_value=DATE_LIMITS[0],
                  max_value=DATE_LIMITS[1], format="YYYY-MM-DD")
    _multiselect_with_counts(sb, "Event types", K["event_types"],
                             seen.options["event_type"],
                             "Kind of fact, as the extractor classified it")
    _multiselect_with_counts(sb, "Sources", K["sources"],
                             seen.options["source"],
                             "Publication the article came from")
    sb.slider("Minimum confidence", 0.0, 1.0, step=0.05, key=K["min_confidence"])
    max_sources = corpus.size.max_sources
    if int(st.session_state.get(K["min_sources"]) or 1) > max(2, max_sources):
        st.session_state[K["min_sources"]] = max(2, max_sources)
    sb.slider("Minimum number of sources", 1, max(2, max_sources), step=1,
              key=K["min_sources"], help="Facts reported by at least this many articles")
    sb.text_input("Search labels and sentences", key=K["text"],
                  placeholder='e.g. finale  or  "halve finale"')
    sb.button("Clear all filters", key="f_clear", on_click=clear_filters,
              disabled=filters == FilterState(), width="stretch",
              help="Show every event of the corpus again")

    with sb.expander("View", expanded=view.jump_to is not None):
        st.selectbox("Lane order", LANE_ORDERS, key=K["lane_order"],
                     help="'as selected' follows the order of the Persons filter")
        st.date_input("Jump to date", key=K["jump_to"], value=None,
                      min_value=DATE_LIMITS[0], max_value=DATE_LIMITS[1],
                      format="YYYY-MM-DD", on_change=_clear_zoom)
        st.selectbox("Window around it", list(WINDOWS), key=K["window"],
                     on_change=_clear_zoom)
        st.checkbox("One marker per fact", key=K["merge_facts"],
                    help="A fact that several articles report is drawn once; its "
                         "evidence lists every article")

    shown_filters = filters
    filters, view = _state_from_widgets(corpus.name)
    if filters != shown_filters:       # a widget dropped an unknown value: count again
        seen = _sidebar(corpus, filters)
    lanes = lane_order_from_stats(seen.stats, view.lane_order, filters.persons)
    sync_url(filters, view)
    explore = Explore(corpus=corpus, filters=filters, view=view, outcome=seen.view, lanes=lanes)
    st.session_state[EXPLORE_KEY] = explore
    return explore


def current() -> Explore:
    """The view the sidebar computed in this run (renders the sidebar if it has not)."""
    explore = st.session_state.get(EXPLORE_KEY)
    return explore if explore is not None else render_sidebar()


def event_by_id(explore: Explore, event_id: str) -> pd.Series | None:
    """The event (whatever the filters), or None when the corpus has no such id."""
    return queries.event(explore.store, event_id)


def passes_filters(explore: Explore, event_id: str) -> bool:
    """Whether the event is in the current (filtered) view."""
    return queries.passes(explore.store, explore.filters, event_id)
