"""Plain-text articles in the seeds' shape.

    [date YYYY-MM ]Headline
    <blank>
    Donderdag, 5 mei 2022 om 15:34 • Author • Laatste update: 15:49
    <blank>
    Body ...

The article's `text` is the headline, a blank line and the body: the byline is metadata
(publication time and author), and offsets refer to this text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.ingest.language import detect
from extract.ingest.published import parse_byline_date, parse_iso

_TAG = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s+[•|·]\s+")
_MAX_BYLINE_WORDS = 25


@dataclass(frozen=True)
class PlainArticle:
    title: str
    text: str
    published: dt.datetime | None
    author: str
    lang: str
    date_tag: str  # the `date YYYY-MM` tag, when present


def _split_lines(raw: str) -> list[str]:
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _byline(line: str, lang: str) -> tuple[dt.datetime | None, str] | None:
    """(published, author) when `line` is a byline, else None."""
    if len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    segments = [s.strip() for s in _SEGMENTS.split(line) if s.strip()]
    if not segments:
        return None
    published = parse_byline_date(segments[0], lang)
    if published is None:
        return None
    authors = [s for s in segments[1:] if not re.search(r"\d", s)]
    return published, authors[0] if authors else ""


def parse(raw: str, lang: str | None = None) -> PlainArticle:
    """Split a plain-text article into headline, byline and body."""
    lines = _split_lines(raw)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return PlainArticle("", "", None, "", lang or "nl", "")
    headline = lines[first].strip()
    tag = ""
    m = _TAG.match(headline)
    if m:
        tag, headline = m.group(1), headline[m.end():].strip()
    language = lang or detect(raw)
    rest = lines[first + 1:]
    published, author = None, ""
    nxt = next((i for i, line in enumerate(rest) if line.strip()), None)
    if nxt is not None:
        found = _byline(rest[nxt].strip(), language)
        if found:
            published, author = found
            rest = rest[nxt + 1:]
    if published is None and len(tag) == 10:
        published = parse_iso(tag)
    body = "\n".join(rest).strip()
    text = f"{headline}\n\n{body}" if body else headline
    return PlainArticle(headline, text, published, author, language, tag)
