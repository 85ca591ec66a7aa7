"""Articles given as records: JSON Lines, a JSON list or object, or CSV rows."""
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
# A news article is far below this; the csv module's default (128 KB) is not.
MAX_CSV_FIELD = 64 * 1024 * 1024
TOO_DEEP = "nested too deeply to be an article (JSON arrays or objects inside each other)"


@dataclass(frozen=True)
class Record:
    """One article record with the line (or row) it came from, or why it is unreadable."""
    line: int
    fields: dict
    error: str = ""
    json_syntax: bool = False  # the error is broken JSON syntax (not a wrong shape or depth)


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


def _loads(text: str):
    """json.loads, with Python's recursion limit on deep nesting turned into a ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(TOO_DEEP) from None


def json_lines(text: str) -> Iterator[Record]:
    """Records of one JSON document (an array of articles, or one article object however
    it is laid out) or of JSON Lines; a malformed line is an error record of its own.

    A text that is not one JSON document is JSON Lines when some line holds a complete
    JSON value; otherwise it is one broken document, reported once (a pretty-printed
    object with a typo is one error, not one per line)."""
    try:
        whole = _loads(text)
    except ValueError as err:
        per_line = list(_per_line(text))
        several = isinstance(err, json.JSONDecodeError) and err.msg == "Extra data"
        if several or any(not r.json_syntax for r in per_line):
            yield from per_line
        else:
            yield _document_error(text, err)
        return
    if isinstance(whole, list):
        for n, item in enumerate(whole, 1):
            yield _record(n, item)
    else:
        yield _record(text[:len(text) - len(text.lstrip())].count("\n") + 1, whole)


def _document_error(text: str, err: ValueError) -> Record:
    if isinstance(err, json.JSONDecodeError):
        return Record(err.lineno, {}, f"malformed JSON: {err.msg} (column {err.colno})")
    return Record(text[:len(text) - len(text.lstrip())].count("\n") + 1, {}, str(err))


def _per_line(text: str) -> Iterator[Record]:
    # "\n" only: str.splitlines would also split at U+2028 and others, valid inside JSON strings
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = _loads(line)
        except json.JSONDecodeError as err:
            yield Record(n, {}, f"malformed JSON ({err.msg} at column {err.colno})", True)
            continue
        except ValueError as err:
            yield Record(n, {}, str(err))
            continue
        yield _record(n, item)


def _record(n: int, item) -> Record:
    if not isinstance(item, dict):
        return Record(n, {}, f"expected a JSON object, got {type(item).__name__}")
    return Record(n, normalise_fields(item))


def _delimiter(text: str) -> str:
    """The separator of the header row: the most frequent of , ; and tab on the first line.

    csv.Sniffer guesses from the first 4 KB of records too, and article text full of
    semicolons made it split on ';' and lose every article; header names hold none.
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return max(",;\t", key=header.count)


def csv_rows(text: str) -> Iterator[Record]:
    """Records of a CSV text with a header row; line numbers count the header as 1, and a
    record spanning several lines (a quoted field with line breaks) is at its first line."""
    if csv.field_size_limit() < MAX_CSV_FIELD:
        csv.field_size_limit(MAX_CSV_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as err:
        yield Record(1, {}, f"malformed CSV header: {err}" if isinstance(err, csv.Error)
                     else "no header row")
        return
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield Record(first, {}, f"malformed CSV: {err}")
            if reader.line_num < first:  # nothing consumed: the rest cannot be read
                return
            continue
        if not row:
            continue
        yield Record(first, normalise_fields(dict(zip(header, row))))
