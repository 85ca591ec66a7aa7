"""Articles given as records: JSON Lines, a JSON list, or CSV rows."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

# Column names people use for the same field, first one canonical.
FIELD_ALIASES = {
    "doc_id": ("doc_id", "id", "docid", "article_id"),
    "text": ("text", "body", "content", "article"),
    "published": ("published", "date", "published_at", "publication_date", "datetime", "dct"),
    "title": ("title", "headline"),
    "lang": ("lang", "language"),
    "source": ("source", "publisher", "sitename", "outlet"),
    "url": ("url", "link"),
    "author": ("author", "byline"),
}


@dataclass(frozen=True)
class Record:
    """One article record with the line (or row) it came from, or why it is unreadable."""
    line: int
    fields: dict
    error: str = ""


def normalise_fields(raw: dict) -> dict:
    """Map aliased keys (case-insensitive) to canonical field names."""
    lowered = {str(k).strip().lower(): v for k, v in raw.items()}
    out = {}
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if value not in (None, ""):
                out[name] = value
                break
    return out


def json_lines(text: str) -> Iterator[Record]:
    """Records of a JSON Lines text; a malformed line becomes an error record."""
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of articles is accepted too
        try:
            items = json.loads(text)
        except json.JSONDecodeError as err:
            yield Record(err.lineno, {}, f"malformed JSON: {err.msg}")
            return
        for n, item in enumerate(items, 1):
            yield _record(n, item)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield Record(n, {}, f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        yield _record(n, item)


def _record(n: int, item) -> Record:
    if not isinstance(item, dict):
        return Record(n, {}, f"expected a JSON object, got {type(item).__name__}")
    return Record(n, normalise_fields(item))


def csv_rows(text: str) -> Iterator[Record]:
    """Records of a CSV text with a header row; line numbers count the header as 1."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        for row in reader:
            yield Record(reader.line_num, normalise_fields(row))
    except csv.Error as err:
        yield Record(reader.line_num, {}, f"malformed CSV: {err}")
