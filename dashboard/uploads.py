"""Bring your own articles: uploaded files and pasted text become events on the timeline.

All parsing is `extract.ingest` (the same reader the command line uses); this module adds
what only an upload needs:

* limits and messages - a per-file size limit checked here, whatever the server allows, and
  a Problem (never an exception) for a file that cannot be read;
* safe names - a browser sends any file name it likes ("../../etc/passwd"); the name is
  reduced to a bare file name before it is shown, used in doc ids or ever joined to a folder;
* separate ids - uploaded doc ids get an "upload:" prefix so they never collide with the
  corpus the dashboard already shows;
* reports - what each file gave, kept in the caller's session state (a plain mapping, so
  this is testable without Streamlit); the articles and their facts go into the open
  store (`dashboard.worker.add_in_worker`), where they stay.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from extract.records import Article, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Per-file limit: ~1,000 news articles, which extraction handles in reasonable time."""
MAX_PASTE_CHARS = 200_000
ACCEPTED_SUFFIXES = ("txt", "jsonl", "ndjson", "json", "csv", "tsv", "html", "htm")
LANGUAGES = {"nl": "Nederlands", "en": "English"}
DOC_ID_PREFIX = "upload:"
MAX_NAME_CHARS = 120

REPORTS_KEY = "uploads.reports"
SEEN_KEY = "uploads.seen_file_ids"

# --------------------------------------------------------------------------- names


def safe_upload_name(name: str) -> str:
    """A bare, harmless file name for whatever name the browser sent.

    Directory parts (either slash), control characters, leading dots and characters
    outside letters, digits, '.', '-', '_' and ' ' are dropped, so the result joined to
    any folder stays inside it. The suffix survives because it picks the file format.
    """
    name = unicodedata.normalize("NFC", str(name))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .")
    name = re.sub(r"\.{2,}", ".", name)
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        keep = suffix[:10] if dot else ""
        name = (stem if dot else name)[: MAX_NAME_CHARS - len(keep) - 1] + (dot + keep if keep else "")
    return name or "upload"


def human_size(n_bytes: int) -> str:
    """'2.5 MB' style sizes for messages."""
    size = float(n_bytes)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


# --------------------------------------------------------------------------- reading


def read_uploaded_file(name: str, data: bytes, max_bytes: int | None = None
                       ) -> tuple[list[Article], list[Problem]]:
    """Articles and problems from one uploaded file; never raises for bad input."""
    from extract.ingest import read_upload

    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    safe = safe_upload_name(name)
    suffix = Path(safe).suffix.lower().lstrip(".")
    if len(data) > max_bytes:
        return [], [Problem(safe, None, "", "error",
                            f"the file is {human_size(len(data))}, more than the "
                            f"{human_size(max_bytes)} allowed per file; split it into "
                            "smaller files")]
    if not data.strip():
        return [], [Problem(safe, None, "", "error", "the file is empty")]
    if suffix not in ACCEPTED_SUFFIXES:
        kind = f"'.{suffix}' files are" if suffix else "a file without an extension is"
        return [], [Problem(safe, None, "", "error",
                            f"{kind} not read; use one of "
                            + ", ".join("." + s for s in ACCEPTED_SUFFIXES))]
    try:
        return read_upload(safe, data)
    except Exception as err:  # noqa: BLE001 - a reader bug must not take the page down
        return [], [Problem(safe, None, "", "error",
                            f"the file could not be read ({type(err).__name__}: {err})")]


def pasted_article(text: str, published: dt.date | None, lang: str | None,
                   title: str = "") -> tuple[Article | None, list[Problem]]:
    """One article from pasted text with the date and language the user chose."""
    from extract.ingest import article_from_text

    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return None, [Problem("pasted text", None, "", "error", "there is no text to read")]
    if len(text) > MAX_PASTE_CHARS:
        return None, [Problem("pasted text", None, "", "error",
                              f"the text has {len(text):,} characters, more than the "
                              f"{MAX_PASTE_CHARS:,} allowed; upload it as a file instead")]
    if lang is not None and lang not in LANGUAGES:
        lang = None
    when = dt.datetime.combine(published, dt.time()) if published else None
    title = title.strip() or text.split("\n", 1)[0][:120]
    article = article_from_text(text, when, lang, title=title, doc_id="pasted")
    problems = []
    if article.lang not in LANGUAGES:
        from extract.ingest import unsupported_language
        problems.append(Problem("pasted text", None, "pasted", "warning",
                                unsupported_language(article.lang)))
    if when is None:
        problems.append(Problem("pasted text", None, "pasted", "warning",
                                "no publication date given: relative dates such as "
                                "'gisteren' or 'next Sunday' stay unresolved"))
    return article, problems


@dataclasses.dataclass(frozen=True)
class FileReport:
    """What became of one uploaded file (or pasted text), for the per-file list."""
    name: str
    n_articles: int
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def summary(self) -> str:
        """One line such as 'matches.jsonl: 12 articles read, 1 line skipped'."""
        if not self.n_articles:
            reason = self.errors[0].message if self.errors else "no articles found"
            return f"{self.name}: nothing read: {reason}"
        parts = [f"{self.n_articles} article{'s' if self.n_articles != 1 else ''} read"]
        if self.errors:
            parts.append(f"{len(self.errors)} part{'s' if len(self.errors) != 1 else ''} "
                         "could not be read")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}")
        return f"{self.name}: " + ", ".join(parts)


def prefixed(articles: list[Article], problems: list[Problem]
             ) -> tuple[list[Article], list[Problem]]:
    """Uploaded doc ids with the "upload:" prefix, so that they never take the id of an
    article the corpus already has (the store gives a clashing id a "~2" suffix too)."""
    ids = {a.doc_id: DOC_ID_PREFIX + a.doc_id for a in articles}
    return ([dataclasses.replace(a, doc_id=ids[a.doc_id]) for a in articles],
            [dataclasses.replace(p, doc_id=ids[p.doc_id]) if p.doc_id in ids else p
             for p in problems])


def stored_report(report: FileReport, run, failures: list[Problem]) -> FileReport:
    """A file's report after its articles went into the store: articles whose extraction
    failed move to its problems, articles the corpus already held are said so."""
    problems = report.problems + tuple(failures)
    if run.skipped:
        problems += (Problem(report.name, None, "", "warning",
                             f"{run.skipped:,} of its articles were already in the corpus "
                             "(same text and date): kept once"),)
    return dataclasses.replace(report, n_articles=report.n_articles - len(failures),
                               problems=problems)


def file_reports(state: MutableMapping[str, Any] | None = None) -> list[FileReport]:
    """What this browser session's uploads gave (the articles themselves are in the store)."""
    return list(_state(state).get(REPORTS_KEY, []))


def add_reports(reports: list[FileReport], state: MutableMapping[str, Any] | None = None) -> None:
    store = _state(state)
    store[REPORTS_KEY] = file_reports(store) + list(reports)


def _state(state: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
    if state is not None:
        return state
    import streamlit as st
    return st.session_state


class ProgressMeter:
    """Progress bar values for an extraction: the share of characters done (one long
    article weighs what it costs), and the seconds passing while an article is extracted."""

    def __init__(self, articles: list[Article]) -> None:
        import time

        self._clock = time.monotonic
        self._sizes = [max(1, len(a.text)) for a in articles]
        self._total = sum(self._sizes)
        self._done, self._chars, self._since = 0, 0, self._clock()

    def _text(self) -> str:
        seconds = int(self._clock() - self._since)
        n = len(self._sizes)
        current = min(self._done + 1, n)
        return f"Extracting article {current:,} of {n:,} ({seconds} s)"

    def done(self, done: int, title: str = "") -> tuple[float, str]:
        self._done = done
        self._chars = sum(self._sizes[:done])
        self._since = self._clock()
        return self._chars / self._total, self._text()

    def tick(self) -> tuple[float, str]:
        """Inside an article: creep towards its end (never reaching it) as time passes."""
        if self._done >= len(self._sizes):
            return 1.0, "Grouping facts across articles…"
        size = self._sizes[self._done]
        elapsed = self._clock() - self._since
        inside = size * (1 - 1 / (1 + elapsed / 5))  # half-way after 5 s, 90 % after 45 s
        return (self._chars + inside) / self._total, self._text()
