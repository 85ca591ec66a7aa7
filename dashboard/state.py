"""The current view as URL query parameters, so that a link reproduces it.

Only what differs from the defaults is written, which keeps shared links short. Reading
is forgiving: a hand-edited or truncated link falls back to defaults for what it cannot
parse instead of breaking the page.

    ?corpus=...&person=Carlo+Ancelotti&person=Toni+Kroos&from=2022-01-01&to=2022-12-31
     &type=match&source=Voetbalzone&conf=0.5&nsrc=2&q=finale&order=name
     &jump=2022-05-28&window=3+months&event=doc%231&zoom=2022-05-01..2022-06-30&merge=0
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from dashboard.filters import FilterState

WINDOWS = {"2 weeks": 14, "3 months": 91, "1 year": 365, "5 years": 1826}
DEFAULT_WINDOW = "3 months"


@dataclass(frozen=True)
class ViewState:
    """How the filtered events are shown: corpus, lane order, where the chart looks."""
    corpus: str = ""
    lane_order: str = "most events"
    jump_to: dt.date | None = None
    window: str = DEFAULT_WINDOW
    event: str = ""                    # the event whose evidence is open
    zoom: tuple[dt.date, dt.date] | None = None   # period dragged on the chart
    merge_facts: bool = True           # one marker for a fact several articles report

    def with_changes(self, **changes) -> ViewState:
        return replace(self, **changes)


def jump_range(view: ViewState) -> tuple[dt.date, dt.date] | None:
    """The chart's x range for "jump to a date": the window centred on that date."""
    if view.jump_to is None:
        return None
    half = dt.timedelta(days=WINDOWS.get(view.window, WINDOWS[DEFAULT_WINDOW]) // 2)
    return view.jump_to - half, view.jump_to + half


def view_range(view: ViewState) -> tuple[dt.date, dt.date] | None:
    """The chart's x range: the zoomed period, else the jump window, else automatic."""
    return view.zoom or jump_range(view)


def _zoom(text: str) -> tuple[dt.date, dt.date] | None:
    first, _, last = text.partition("..")
    lo, hi = _date(first), _date(last)
    return (min(lo, hi), max(lo, hi)) if lo and hi and lo != hi else None


def _values(params: Mapping, key: str) -> list[str]:
    """Every value of a repeated key, from st.query_params or a plain dict."""
    if hasattr(params, "get_all"):
        values = params.get_all(key)
    else:
        value = params.get(key)
        values = [] if value is None else value if isinstance(value, list) else [value]
    return [str(v) for v in values if str(v) != ""]


def _one(params: Mapping, key: str) -> str:
    values = _values(params, key)
    return values[-1] if values else ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _float(text: str, default: float, lo: float, hi: float) -> float:
    try:
        return min(hi, max(lo, float(text)))
    except ValueError:
        return default


def _int(text: str, default: int, lo: int) -> int:
    try:
        return max(lo, int(text))
    except ValueError:
        return default


def from_query_params(params: Mapping) -> tuple[FilterState, ViewState]:
    """Filters and view from the URL; anything missing or unreadable keeps its default."""
    filters = FilterState(
        persons=tuple(dict.fromkeys(_values(params, "person"))),
        date_from=_date(_one(params, "from")),
        date_to=_date(_one(params, "to")),
        event_types=tuple(dict.fromkeys(_values(params, "type"))),
        sources=tuple(dict.fromkeys(_values(params, "source"))),
        min_confidence=_float(_one(params, "conf"), 0.0, 0.0, 1.0),
        min_sources=_int(_one(params, "nsrc"), 1, 1),
        text=_one(params, "q"),
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters = filters.with_changes(date_from=filters.date_to, date_to=filters.date_from)
    window = _one(params, "window")
    view = ViewState(
        corpus=_one(params, "corpus"),
        lane_order=_one(params, "order") or ViewState.lane_order,
        jump_to=_date(_one(params, "jump")),
        window=window if window in WINDOWS else DEFAULT_WINDOW,
        event=_one(params, "event"),
        zoom=_zoom(_one(params, "zoom")),
        merge_facts=_one(params, "merge") != "0",
    )
    return filters, view


def to_query_params(filters: FilterState, view: ViewState = ViewState()
                    ) -> dict[str, str | list[str]]:
    """Query parameters for what differs from the defaults (lists for repeated keys)."""
    out: dict[str, str | list[str]] = {}
    default_filters, default_view = FilterState(), ViewState()
    if view.corpus:
        out["corpus"] = view.corpus
    if filters.persons:
        out["person"] = list(filters.persons)
    if filters.date_from:
        out["from"] = filters.date_from.isoformat()
    if filters.date_to:
        out["to"] = filters.date_to.isoformat()
    if filters.event_types:
        out["type"] = list(filters.event_types)
    if filters.sources:
        out["source"] = list(filters.sources)
    if filters.min_confidence != default_filters.min_confidence:
        out["conf"] = f"{filters.min_confidence:g}"
    if filters.min_sources != default_filters.min_sources:
        out["nsrc"] = str(filters.min_sources)
    if filters.text:
        out["q"] = filters.text
    if view.lane_order != default_view.lane_order:
        out["order"] = view.lane_order
    if view.jump_to:
        out["jump"] = view.jump_to.isoformat()
        if view.window != default_view.window:
            out["window"] = view.window
    if view.event:
        out["event"] = view.event
    if view.zoom:
        out["zoom"] = f"{view.zoom[0].isoformat()}..{view.zoom[1].isoformat()}"
    if not view.merge_facts:
        out["merge"] = "0"
    return out


STATE_KEYS = ("corpus", "person", "from", "to", "type", "source", "conf", "nsrc", "q",
              "order", "jump", "window", "event", "zoom", "merge")
"""Every query parameter this module owns; other pages may add their own."""

assert {f.name for f in fields(FilterState)} == {
    "persons", "date_from", "date_to", "event_types", "sources", "min_confidence",
    "min_sources", "text"}, "a new filter needs a query parameter here"
