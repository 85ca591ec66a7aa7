"""Which events to see, as DuckDB SQL: what the dashboard asks, never a full load.

`EventQuery` is the one definition of the filters (the dashboard's sidebar state is an
`EventQuery`): persons, date range, event types, sources, minimum confidence, minimum
number of sources, free text. `where` turns each into a SQL condition with parameters over
the stored columns, numbers where it can (`extract.store.columns.DERIVED`): the date
filter keeps an event whose first..last day (`_day0`, `_day1`) overlaps the range; free
text must find every term (a "quoted phrase" is one term) in the lower-case `_search`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

FilterName = Literal["person", "date", "event type", "source", "confidence", "sources", "text"]
FILTERS: tuple[FilterName, ...] = ("person", "date", "event type", "source", "confidence",
                                   "sources", "text")
"""The filters in the order the sidebar shows them."""
EPOCH = dt.date(1970, 1, 1)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01, as the stored `_day0`/`_day1`."""
    return (day - EPOCH).days


def search_terms(text: str) -> list[str]:
    """Whitespace-separated terms; a quoted "exact phrase" stays one term."""
    terms: list[str] = []
    for i, chunk in enumerate(str(text or "").split('"')):
        if i % 2:                     # inside quotes
            if chunk.strip():
                terms.append(chunk.strip())
        else:
            terms.extend(chunk.split())
    return terms


@dataclass(frozen=True)
class EventQuery:
    """What the user asked to see. Empty tuples and defaults mean "no restriction"."""
    persons: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_confidence: float = 0.0
    min_sources: int = 1
    text: str = ""

    def with_changes(self, **changes) -> EventQuery:
        return replace(self, **changes)

    @property
    def is_default(self) -> bool:
        return self == EventQuery()

    def conditions(self) -> dict[FilterName, tuple[str, list]]:
        """filter name -> (SQL condition, parameters), for the filters that restrict."""
        out: dict[FilterName, tuple[str, list]] = {}
        if self.persons:
            out["person"] = (f"person IN ({_marks(self.persons)})", list(self.persons))
        if self.date_from or self.date_to:
            parts, params = ["_day0 IS NOT NULL"], []
            if self.date_to:
                parts.append("_day0 <= ?")
                params.append(day_number(self.date_to))
            if self.date_from:
                parts.append("_day1 >= ?")
                params.append(day_number(self.date_from))
            out["date"] = (" AND ".join(parts), params)
        if self.event_types:
            out["event type"] = (f"event_type IN ({_marks(self.event_types)})",
                                 list(self.event_types))
        if self.sources:
            out["source"] = (f"source IN ({_marks(self.sources)})", list(self.sources))
        if self.min_confidence > 0:
            # the slider's steps are binary fractions of 0.05: a hair of tolerance
            out["confidence"] = ("confidence >= ?", [float(self.min_confidence) - 1e-9])
        if self.min_sources > 1:
            out["sources"] = ("n_sources >= ?", [int(self.min_sources)])
        terms = search_terms(self.text)
        if terms:
            out["text"] = (" AND ".join(["contains(_search, lower(?))"] * len(terms)), terms)
        return out

    def where(self, skip: str | None = None) -> tuple[str, list]:
        """One WHERE clause (without the keyword; "true" when nothing restricts)."""
        conds = [(c, p) for name, (c, p) in self.conditions().items() if name != skip]
        if not conds:
            return "true", []
        return " AND ".join(f"({c})" for c, _ in conds), [x for _, p in conds for x in p]


def _marks(values) -> str:
    return ", ".join("?" for _ in values)
