"""Filters over the events table: one frozen `FilterState`, vectorised masks.

Every filter is a boolean mask computed with whole-column pandas operations (no Python
loop over rows), so that re-filtering a million events stays well under a second. Keeping
the masks separate also answers "what is this filter hiding?" without filtering twice.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from extract.store.query import FILTERS, EventQuery, search_terms  # noqa: F401 (re-exported)

FilterState = EventQuery
"""What the user asked to see: the store's one filter definition (`extract.store.query`),
applied here as pandas masks and there as DuckDB SQL."""
FILTER_NAMES = FILTERS
"""Names of the filters in the order the sidebar shows them."""


@dataclass(frozen=True)
class FilterOutcome:
    """The events that pass, and how many each filter alone keeps out of view.

    `hidden_only_by[name]` counts events that pass every other filter but fail `name`:
    the number that would come back if the user cleared that one filter.

    The filtered table itself (`shown`) is made only when asked for: at a million events,
    copying every column of the rows that pass costs more than all the filtering, and a
    chart that only counts events per month needs two columns (`select`).
    """
    events: pd.DataFrame
    keep: np.ndarray | None            # None: every event passes
    hidden_only_by: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.events)

    @cached_property
    def count(self) -> int:
        return self.total if self.keep is None else int(self.keep.sum())

    @property
    def hidden(self) -> int:
        return self.total - self.count

    @cached_property
    def shown(self) -> pd.DataFrame:
        return self.events if self.keep is None else self.events[self.keep]

    def head(self, n: int, columns: list[str] | None = None) -> pd.DataFrame:
        """The first `n` events that pass (in table order), without filtering them all."""
        rows = np.arange(min(n, self.total)) if self.keep is None else \
            np.flatnonzero(self.keep)[:n]
        picked = self.events.iloc[rows]
        return picked if columns is None else picked[columns]

    def select(self, columns: list[str]) -> pd.DataFrame:
        """Only these columns of the events that pass (cheap, for large views)."""
        narrow = self.events[columns]
        return narrow if self.keep is None else narrow[self.keep]


def _text_column(events: pd.DataFrame, column: str) -> pd.Series:
    if column not in events.columns:
        return pd.Series("", index=events.index, dtype="str")
    return events[column].fillna("").astype("str")


SEARCH_COLUMN = "_search"
"""Optional precomputed lower-case "label | sentence" (see `search_text`): 3x faster search."""
DAY_COLUMNS = ("_day0", "_day1")
"""Optional precomputed first/last day as day numbers (see `day_numbers`): fast date filter."""


def search_text(events: pd.DataFrame) -> pd.Series:
    """What free-text search looks in: label and sentence (the date as written is in it)."""
    return (_text_column(events, "label") + " | " + _text_column(events, "sentence")).str.lower()


def _contains_all_terms(events: pd.DataFrame, terms: list[str]) -> np.ndarray:
    """Every term occurs, ignoring case, in the label or the sentence."""
    hay = events[SEARCH_COLUMN] if SEARCH_COLUMN in events.columns else search_text(events)
    mask = np.ones(len(events), dtype=bool)
    for term in terms:
        mask &= hay.str.contains(term.lower(), case=True, regex=False).to_numpy(dtype=bool)
    return mask


def _numeric(events: pd.DataFrame, column: str, default: float) -> np.ndarray:
    return pd.to_numeric(events[column], errors="coerce").fillna(default).to_numpy()


def filter_masks(events: pd.DataFrame, state: FilterState) -> dict[str, np.ndarray]:
    """One boolean mask per *active* filter (inactive filters are left out)."""
    masks: dict[str, np.ndarray] = {}
    if state.persons:
        masks["person"] = events["person"].isin(state.persons).to_numpy(dtype=bool)
    if state.date_from is not None or state.date_to is not None:
        # An event is kept when its period overlaps the chosen range at all: a season
        # that ends inside the range counts. Undated events are left out.
        if all(c in events.columns for c in DAY_COLUMNS):
            first, last = events["_day0"].to_numpy(), events["_day1"].to_numpy()
        else:
            first, last = day_numbers(events)
        keep = ~np.isnan(first)
        if state.date_to is not None:
            keep &= first <= _day_number(state.date_to)
        if state.date_from is not None:
            keep &= last >= _day_number(state.date_from)
        masks["date"] = keep
    if state.event_types:
        masks["event type"] = events["event_type"].isin(state.event_types).to_numpy(dtype=bool)
    if state.sources:
        masks["source"] = events["source"].isin(state.sources).to_numpy(dtype=bool)
    if state.min_confidence > 0:
        masks["confidence"] = _numeric(events, "confidence", 0.0) >= state.min_confidence - 1e-9
    if state.min_sources > 1:
        masks["sources"] = _numeric(events, "n_sources", 1) >= state.min_sources
    terms = search_terms(state.text)
    if terms:
        masks["text"] = _contains_all_terms(events, terms)
    return masks


_EPOCH = dt.date(1970, 1, 1)


def _day_number(day: dt.date) -> float:
    return float((day - _EPOCH).days)


def day_numbers(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """First and last day of each event as days since 1970 (NaN when undated).

    A missing or earlier-than-start end counts as the start day.
    """
    def days(column: str) -> np.ndarray:
        text = events[column].fillna("").astype("str").str.slice(0, 10)
        parsed = pd.to_datetime(text, errors="coerce", format="%Y-%m-%d")
        return ((parsed - pd.Timestamp(_EPOCH)) / pd.Timedelta(days=1)).to_numpy(
            dtype=float, na_value=np.nan)
    first, last = days("start"), days("end")
    last = np.where(np.isnan(last) | (last < first), first, last)
    return first, last


def _all_true(n: int) -> np.ndarray:
    return np.ones(n, dtype=bool)


def combine(masks: dict[str, np.ndarray], n: int, skip: str | None = None) -> np.ndarray:
    """AND of the masks, optionally leaving one filter out."""
    out = _all_true(n)
    for name, mask in masks.items():
        if name != skip:
            out &= mask
    return out


def outcome(events: pd.DataFrame, masks: dict[str, np.ndarray]) -> FilterOutcome:
    """The filtered events and, per filter, what only that filter hides."""
    n = len(events)
    keep = combine(masks, n)
    hidden = {name: int((combine(masks, n, skip=name) & ~mask).sum())
              for name, mask in masks.items()}
    return FilterOutcome(events=events, keep=keep if masks else None, hidden_only_by=hidden)


def run_filters(events: pd.DataFrame, state: FilterState) -> FilterOutcome:
    return outcome(events, filter_masks(events, state))


def apply_filters(events: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    return run_filters(events, state).shown


def option_counts(events: pd.DataFrame, masks: dict[str, np.ndarray], column: str,
                  filter_name: str) -> pd.Series:
    """Events per value of `column` under every filter except `filter_name` (its own).

    This is what a multi-select shows next to each option: picking the option would show
    that many events. Every value of the column is listed, with 0 where the other filters
    hide all its events. Sorted by count (descending), then by value.
    """
    if column not in events.columns or not len(events):
        return pd.Series(dtype="int64")
    values = events[column]
    others = combine(masks, len(events), skip=filter_name)
    counts = (values if others.all() else values[others]).value_counts()
    counts = counts.reindex(values.unique(), fill_value=0)
    counts.index = counts.index.astype("str")
    counts = counts[counts.index != ""]
    order = sorted(counts.index, key=lambda v: (-int(counts[v]), v.casefold()))
    return counts.reindex(order).astype("int64")


FILTER_WORDS = {"person": "the Persons filter", "date": "the date range",
                "event type": "the Event types filter", "source": "the Sources filter",
                "confidence": "the minimum confidence", "sources": "the minimum number of sources",
                "text": "the search"}


def describe_hidden(outcome: FilterOutcome) -> str:
    """What is shown, and what clearing a single filter would bring back, in plain words:
    'Showing 2 of 7 events; the filters hide 5. Clearing only the search would show 3 more.'"""
    line = f"Showing {outcome.count:,} of {outcome.total:,} events"
    if not outcome.hidden:
        return line + "."
    line += f"; the filters hide {outcome.hidden:,}."
    parts = [f"{FILTER_WORDS.get(name, name)} would show {count:,} more"
             for name, count in outcome.hidden_only_by.items() if count]
    if parts:
        line += " Clearing only " + "; only ".join(parts) + "."
    return line
