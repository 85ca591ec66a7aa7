"""Records to DataFrames: the only place where results become tables.

The column lists are the command line's contract (README documents each column).
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import pandas as pd

from extract.records import Article, Event, PersonMention, Problem, TimeMention

from extract.schema import (DOCUMENT_COLUMNS, EVENT_COLUMNS, FACT_COLUMNS,  # noqa: F401
                            PERSON_COLUMNS, PROBLEM_COLUMNS, TIMEX_COLUMNS)


class Tables(NamedTuple):
    """Everything one extraction run produces, one DataFrame per output file."""
    timexes: pd.DataFrame
    events: pd.DataFrame
    persons: pd.DataFrame
    documents: pd.DataFrame
    problems: pd.DataFrame


def iso(value) -> str:
    """ISO text of a date/datetime, '' for None (CSV cells stay plain strings)."""
    if value is None:
        return ""
    if hasattr(value, "hour") and not (value.hour or value.minute or value.second):
        return value.date().isoformat()
    return value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()


def timex_row(doc_id: str, t: TimeMention) -> dict:
    return {"doc_id": doc_id, "start_char": t.start_char, "end_char": t.end_char, "text": t.text,
            "type": t.type, "value": t.value, "mod": t.mod, "start": iso(t.start),
            "end": iso(t.end), "grain": t.grain, "rule": t.rule, "score": round(t.score, 3)}


MAX_SENTENCE_CHARS = 600
"""An event's `sentence` is at most this long: text without full stops is one 'sentence',
and copying a megabyte into each of its thousands of rows made the tables quadratic."""


def evidence(e: Event) -> tuple[str, int]:
    """The event's sentence and its offset, cut to a window around the date when long.

    The window starts and ends at spaces when it can, and `sentence_start` moves with it,
    so `sentence` is still `text[sentence_start:sentence_start + len(sentence)]`.
    """
    sentence, start = e.sentence or "", e.sentence_start
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence, start
    centre = (e.time.start_char + e.time.end_char) // 2 - start
    lo = max(0, min(len(sentence) - MAX_SENTENCE_CHARS, centre - MAX_SENTENCE_CHARS // 2))
    hi = lo + MAX_SENTENCE_CHARS
    space = sentence.find(" ", lo, lo + 40)
    lo = space + 1 if lo and 0 <= space < e.time.start_char - start else lo
    space = sentence.rfind(" ", hi - 40, hi)
    hi = space if hi < len(sentence) and space > e.time.end_char - start else hi
    return sentence[lo:hi], start + lo


def event_row(article: Article, n: int, e: Event) -> dict:
    t = e.time
    sentence, sentence_start = evidence(e)
    return {"event_id": f"{article.doc_id}#{n}", "doc_id": article.doc_id, "person": e.person,
            "start": iso(t.start), "end": iso(t.end), "grain": t.grain, "value": t.value,
            "mod": t.mod, "type": t.type, "time_text": t.text, "time_start_char": t.start_char,
            "time_end_char": t.end_char, "label": e.label, "event_type": e.event_type,
            "confidence": round(e.confidence, 3), "link_rule": e.link_rule,
            "sentence": sentence, "sentence_start": sentence_start,
            "published": iso(article.published), "title": article.title,
            "source": article.source, "url": article.url}


def person_rows(doc_id: str, mentions: list[PersonMention]) -> list[dict]:
    """Persons named in a document with how often they are mentioned (any kind)."""
    named = {m.person for m in mentions if m.kind == "name"}
    counts = Counter(m.person for m in mentions if m.person in named)
    return [{"doc_id": doc_id, "person": p, "mentions": n} for p, n in sorted(counts.items())]


def document_row(article: Article, n_timexes: int, n_events: int, n_persons: int) -> dict:
    return {"doc_id": article.doc_id, "title": article.title, "published": iso(article.published),
            "lang": article.lang, "source": article.source, "url": article.url,
            "author": article.author, "origin": article.origin, "n_chars": len(article.text),
            "n_timexes": n_timexes, "n_events": n_events, "n_persons": n_persons}


def problem_row(p: Problem) -> dict:
    return {"file": p.file, "line": p.line if p.line is not None else "", "doc_id": p.doc_id,
            "severity": p.severity, "message": p.message}


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly `columns` (extra keys kept after them), even when empty."""
    df = pd.DataFrame(rows)
    for column in columns:
        if column not in df.columns:
            df[column] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in columns]
    return df[columns + extra]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_column(column: pd.Series) -> pd.Series:
    """Text cells that a spreadsheet would run as a formula, prefixed with an apostrophe.

    Article text is untrusted: a cell such as `=HYPERLINK("http://x", "click")` would be
    live when the CSV is opened in Excel or LibreOffice (OWASP "CSV injection").
    Vectorised, since a million-row export must not loop in Python; categorical columns
    (the dashboard's sources and persons) become plain text first, because the prefixed
    values are new categories.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("object")
    text = column.astype("str")
    risky = text.str.startswith(FORMULA_START) & column.notna()
    if not risky.any():
        return column
    return column.where(~risky, "'" + text)


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with every text column passed through `neutralise_column` (one rule everywhere:
    the command line's CSV files and the dashboard's CSV export)."""
    out = df.copy()
    for name in out.columns:
        col = out[name]
        if (col.dtype == object or pd.api.types.is_string_dtype(col)
                or isinstance(col.dtype, pd.CategoricalDtype)):
            out[name] = neutralise_column(col)
    return out
