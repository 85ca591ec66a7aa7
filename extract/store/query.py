"""Filters over the store's events as DuckDB SQL: what the dashboard asks, never a full load.

`EventQuery` holds the same filters as the dashboard's `FilterState` (persons, date range,
event types, sources, minimum confidence, minimum number of sources, free text); `where`
turns each into a SQL condition with parameters, so DuckDB pushes them into the Parquet
scans. The date filter keeps an event whose [start, end] overlaps the range; free text
must find every term (a "quoted phrase" is one term) in the label or the sentence.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FILTERS = ("person", "date", "event type", "source", "confidence", "sources", "text")


def search_terms(text: str) -> list[str]:
    """Lower-case terms; words inside double quotes stay together."""
    terms = []
    for i, chunk in enumerate(str(text or "").split('"')):
        if i % 2:
            terms += [chunk.strip().lower()] if chunk.strip() else []
        else:
            terms += chunk.lower().split()
    return terms


@dataclass(frozen=True)
class EventQuery:
    """Which events to see. Empty tuples and defaults mean "no restriction"."""
    persons: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_confidence: float = 0.0
    min_sources: int = 1
    text: str = ""

    def conditions(self) -> dict[str, tuple[str, list]]:
        """filter name -> (SQL condition, parameters), for the filters that restrict."""
        out: dict[str, tuple[str, list]] = {}
        if self.persons:
            out["person"] = (f"person IN ({_marks(self.persons)})", list(self.persons))
        if self.date_from or self.date_to:
            parts, params = ["start <> ''"], []
            if self.date_to:
                parts.append("left(start, 10) <= ?")
                params.append(self.date_to.isoformat())
            if self.date_from:
                parts.append("left(CASE WHEN \"end\" >= start THEN \"end\" ELSE start END, 10) >= ?")
                params.append(self.date_from.isoformat())
            out["date"] = (" AND ".join(parts), params)
        if self.event_types:
            out["event type"] = (f"event_type IN ({_marks(self.event_types)})", list(self.event_types))
        if self.sources:
            out["source"] = (f"source IN ({_marks(self.sources)})", list(self.sources))
        if self.min_confidence > 0:
            out["confidence"] = ("confidence >= ?", [float(self.min_confidence)])
        if self.min_sources > 1:
            out["sources"] = ("n_sources >= ?", [int(self.min_sources)])
        terms = search_terms(self.text)
        if terms:
            out["text"] = (" AND ".join(["contains(lower(label || ' | ' || sentence), ?)"] * len(terms)),
                           terms)
        return out

    def where(self, skip: str | None = None) -> tuple[str, list]:
        """One WHERE clause (without the keyword; "true" when nothing restricts)."""
        conds = [(c, p) for name, (c, p) in self.conditions().items() if name != skip]
        if not conds:
            return "true", []
        return " AND ".join(f"({c})" for c, _ in conds), [x for _, p in conds for x in p]


def _marks(values) -> str:
    return ", ".join("?" for _ in values)
