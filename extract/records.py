"""Typed result records shared by every stage of the extractor.

Records are frozen dataclasses so that stages cannot mutate each other's results; they
become DataFrames only at the edge (`extract.tables`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GRAINS = ("time", "day", "week", "weekend", "month", "season", "quarter", "half",
          "year", "decade", "century")
EVENT_TYPES = ("match", "transfer", "contract", "appointment", "departure", "injury",
               "award", "tournament", "birth", "death", "statement", "other")


@dataclass(frozen=True)
class Article:
    """One news article as the extractor sees it.

    `text` is the exact string all character offsets refer to. For plain-text articles it
    is the headline, a blank line and the body (the byline is metadata, not text).
    """
    doc_id: str
    text: str
    published: dt.datetime | None
    lang: str
    title: str = ""
    source: str = ""
    url: str = ""
    author: str = ""
    origin: str = ""          # file (and line) the article was read from: "x.jsonl:3"

    @property
    def origin_file(self) -> str:
        return split_origin(self.origin)[0]

    @property
    def origin_line(self) -> int | None:
        return split_origin(self.origin)[1]


def split_origin(origin: str) -> tuple[str, int | None]:
    """'x.jsonl:3' -> ('x.jsonl', 3); a plain file name has no line."""
    head, sep, tail = origin.rpartition(":")
    return (head, int(tail)) if sep and tail.isdigit() else (origin, None)


Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input: reported, never silently dropped."""
    file: str
    line: int | None
    doc_id: str
    severity: Severity        # "error": not processed; "warning": processed with limits
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class TimeMention:
    """A temporal expression found in a text, with its place on the calendar.

    `start`/`end` are the inclusive first and last day; both are None when the expression
    cannot be placed (a duration, a set, or a relative date without a publication date).
    """
    start_char: int
    end_char: int
    text: str
    type: str                 # one of TIMEX_TYPES
    value: str                # TIMEX3 value: 2022-05-28, 2022-W17-WE, 2022-05-04TEV, P3Y ...
    grain: str                # one of GRAINS
    start: dt.date | None = None
    end: dt.date | None = None
    mod: str = ""             # TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX ...
    rule: str = ""            # which rule matched, e.g. "nl/day_month_year"
    score: float = 1.0

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None


MentionKind = Literal["name", "pronoun", "description"]


@dataclass(frozen=True)
class PersonMention:
    """A stretch of text that refers to a person, resolved to the canonical full name.

    `speaker_self`: a first-person pronoun inside a quote ("ik", "we"), which means the
    quote's speaker; the linker treats it apart from third-person references.
    """
    start_char: int
    end_char: int
    text: str
    person: str               # canonical full name, e.g. "Carlo Ancelotti"
    kind: MentionKind = "name"
    rule: str = ""            # why the mention was accepted or resolved, for people
    score: float = 1.0
    speaker_self: bool = False


@dataclass(frozen=True)
class Event:
    """A dated fact about one person: the link between a TimeMention and a person."""
    doc_id: str
    person: str
    time: TimeMention
    sentence: str
    sentence_start: int
    label: str
    event_type: str = "other"  # one of EVENT_TYPES
    confidence: float = 1.0
    link_rule: str = ""        # the clause rule that held ("named in clause") or "discourse"
    person_mentions: tuple[PersonMention, ...] = field(default=())
    evidence: tuple[tuple[str, float], ...] = field(default=())  # (feature, weight) that decided
