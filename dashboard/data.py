"""The dashboard's tables: one corpus prepared for filtering, and synthetic events.

`prepare_events` is done once per corpus state (`dashboard.corpus.load` caches it with
`st.cache_resource`, one shared object, rather than `st.cache_data`, a fresh copy on every
rerun: copying a million-row table on each filter change would cost more than the whole
redraw budget); the frames are treated as read-only everywhere in the dashboard.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.filters import SEARCH_COLUMN, day_numbers, search_text
from extract import schema

EVENT_COLUMNS = list(schema.EVENTS.names)     # the one schema, defined in extract/
CATEGORY_COLUMNS = ("person", "event_type", "source")
TEXT_COLUMNS = [c.name for c in schema.EVENTS.columns if c.kind == "string"]


@dataclass(frozen=True)
class Corpus:
    """The tables the dashboard shows for one corpus."""
    name: str
    events: pd.DataFrame
    documents: pd.DataFrame
    problems: pd.DataFrame


def prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """Every expected column present, text as text, numbers as numbers, missing as ""/NaN.

    Done once per corpus so that filters and figures never need to guard against a
    missing column or a mixed-type cell.
    """
    out = events.copy()
    for column in EVENT_COLUMNS:
        if column not in out.columns:
            out[column] = pd.Series(dtype="object", index=out.index)
    for column in TEXT_COLUMNS:
        out[column] = out[column].fillna("").astype("str")
    out["confidence"] = pd.to_numeric(out["confidence"], errors="coerce").fillna(1.0)
    out["n_sources"] = pd.to_numeric(out["n_sources"], errors="coerce").fillna(1).astype(
        "int64")
    for column in ("time_start_char", "time_end_char", "sentence_start"):
        out[column] = pd.to_numeric(out[column], errors="coerce")
    out.loc[out["event_type"] == "", "event_type"] = "other"
    if out["fact_id"].eq("").all():
        out["fact_id"] = out["event_id"]
    # Derived columns (names start with "_"): computed once so that filters and charts
    # compare numbers instead of parsing text on every rerun.
    out[SEARCH_COLUMN] = search_text(out)
    out["_day0"], out["_day1"] = day_numbers(out)
    months = pd.to_datetime(out["start"].str.slice(0, 7), errors="coerce", format="%Y-%m")
    out["_month"] = (months.dt.year * 12 + months.dt.month - 1).fillna(-1).astype("int32")
    # Chronological once here, so every filtered view is already in date order.
    out = out.sort_values(["start", "person"], kind="stable").reset_index(drop=True)
    for column in CATEGORY_COLUMNS:     # few distinct values: compare codes, not strings
        out[column] = out[column].astype("category")
    return out


def public_columns(events: pd.DataFrame) -> pd.DataFrame:
    """The events without the dashboard's derived "_" columns (for exports and tables)."""
    return events[[c for c in events.columns if not str(c).startswith("_")]]


def corpus_from_tables(name: str, tables) -> Corpus:
    """A Corpus from the extractor's `Tables` (anything with .events/.documents/.problems)."""
    return Corpus(name=name, events=prepare_events(tables.events),
                  documents=getattr(tables, "documents", pd.DataFrame()),
                  problems=getattr(tables, "problems", pd.DataFrame()))


# --------------------------------------------------------------------------- synthetic

_TYPES = np.array(["match", "transfer", "contract", "appointment", "departure", "injury",
                   "award", "tournament", "birth", "death", "statement", "other"])
_GRAINS = np.array(["day", "day", "day", "day", "month", "year", "season", "half", "week"])
_SPAN_DAYS = {"day": 0, "month": 29, "year": 364, "season": 300, "half": 181, "week": 6}


def synthetic_events(n: int, *, n_persons: int = 200, n_sources: int = 12,
                     seed: int = 0) -> pd.DataFrame:
    """`n` plausible events (same columns as the extractor's) for speed tests and demos."""
    rng = np.random.default_rng(seed)
    persons = np.array([f"Person {i:03d}" for i in range(n_persons)])
    sources = np.array([f"Source {i}" for i in range(n_sources)])
    weights = 1 / np.arange(1, n_persons + 1)
    person = persons[rng.choice(n_persons, n, p=weights / weights.sum())]
    start = pd.Timestamp("1990-01-01") + pd.to_timedelta(rng.integers(0, 35 * 365, n), "D")
    grain = _GRAINS[rng.integers(0, len(_GRAINS), n)]
    span = pd.Series(grain).map(_SPAN_DAYS).to_numpy()
    end = start + pd.to_timedelta(span, "D")
    doc = rng.integers(0, max(1, n // 20), n)
    event_type = _TYPES[rng.integers(0, len(_TYPES), n)]
    source = sources[doc % n_sources]
    start_s = start.strftime("%Y-%m-%d")
    words = np.array(["won", "signed", "left", "joined", "scored", "was injured", "said"])
    verb = words[rng.integers(0, len(words), n)]
    sentence = pd.Series(person) + " " + verb + " on " + start_s + " at the club."
    return pd.DataFrame({
        "event_id": [f"syn{d}#{i}" for i, d in enumerate(doc)], "doc_id": "syn" + pd.Series(
            doc).astype("str"), "person": person, "start": start_s,
        "end": end.strftime("%Y-%m-%d"), "grain": grain, "value": start_s,
        "mod": np.where(grain == "day", "", "APPROX"), "type": "DATE", "time_text": start_s,
        "time_start_char": 0, "time_end_char": 10, "label": pd.Series(person) + " " + verb,
        "event_type": event_type, "confidence": rng.random(n).round(3), "link_rule": "synthetic",
        "sentence": sentence, "sentence_start": 0, "published": start_s,
        "title": "Article " + pd.Series(doc).astype("str"), "source": source,
        "url": "https://example.org/" + pd.Series(doc).astype("str"),
        "fact_id": "f" + pd.Series(rng.integers(0, max(1, n // 2), n)).astype("str"),
        "sources": source, "n_sources": rng.integers(1, 4, n),
    })
