"""Bring your own articles: uploaded files and pasted text become events on the timeline.

All parsing is `extract.ingest` (the same reader the command line uses); this module adds
what only an upload needs:

* limits and messages - a per-file size limit checked here, whatever the server allows, and
  a Problem (never an exception) for a file that cannot be read;
* safe names - a browser sends any file name it likes ("../../etc/passwd"); the name is
  reduced to a bare file name before it is shown, used in doc ids or ever joined to a folder;
* separate ids - uploaded doc ids get an "upload:" prefix so they never collide with the
  corpus the dashboard already shows;
* session storage - uploaded articles and their Tables live in the caller's session state
  (a plain mapping, so this is testable without Streamlit); `uploaded_tables()` is what the
  timeline pages merge with the corpus.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

from extract.records import Article, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Per-file limit: ~1,000 news articles, which extraction handles in reasonable time."""
MAX_PASTE_CHARS = 200_000
MAX_SESSION_ARTICLES = 5_000
"""All uploads are re-extracted together (~20 ms an article): this keeps that under minutes."""
ACCEPTED_SUFFIXES = ("txt", "jsonl", "ndjson", "json", "csv", "tsv", "html", "htm")
LANGUAGES = {"nl": "Nederlands", "en": "English"}
DOC_ID_PREFIX = "upload:"
MAX_NAME_CHARS = 120

ARTICLES_KEY = "uploads.articles"
PROBLEMS_KEY = "uploads.problems"
TABLES_KEY = "uploads.tables"
REPORTS_KEY = "uploads.reports"
SEEN_KEY = "uploads.seen_file_ids"

Progress = Callable[[int, int, Article], None]


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


def merge_tables(first, second):
    """Two Tables as one (frames concatenated), e.g. a sample corpus plus the uploads."""
    import pandas as pd

    return type(first)(*(pd.concat([a, b], ignore_index=True) if len(b) else a
                         for a, b in zip(first, second)))


# --------------------------------------------------------------------------- session


def _state(state: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
    if state is not None:
        return state
    import streamlit as st
    return st.session_state


def uploaded_articles(state: MutableMapping[str, Any] | None = None) -> list[Article]:
    return list(_state(state).get(ARTICLES_KEY, []))


def uploaded_problems(state: MutableMapping[str, Any] | None = None) -> list[Problem]:
    """Every problem met while reading uploads, in upload order."""
    return list(_state(state).get(PROBLEMS_KEY, []))


def uploaded_tables(state: MutableMapping[str, Any] | None = None):
    """The Tables extracted from this session's uploads, or None when nothing was uploaded.

    The timeline pages concatenate `uploaded_tables().events` with the corpus events.
    Uploaded doc ids (and so event ids) start with "upload:".
    """
    return _state(state).get(TABLES_KEY)


def add_articles(articles: list[Article], problems: list[Problem],
                 state: MutableMapping[str, Any] | None = None,
                 progress: Progress | None = None, extractor: Callable | None = None):
    """Add articles to the session's uploads and re-extract all of them; returns Tables.

    All uploads are extracted together so that a fact reported by two uploaded articles is
    one fact with two sources, as it would be in the corpus. `extractor(articles,
    problems, progress)` defaults to `extract.extract_articles`; the page passes
    `dashboard.worker.extract_in_worker` so that extraction runs in another process.
    """
    from extract import extract_articles

    extract_articles = extractor or extract_articles
    store = _state(state)
    known = uploaded_articles(store)
    used = {a.doc_id for a in known}
    renamed, new_ids = [], {}
    for article in articles:
        new_ids[article.doc_id] = _unique(DOC_ID_PREFIX + article.doc_id, used)
        renamed.append(dataclasses.replace(article, doc_id=new_ids[article.doc_id]))
    problems = [dataclasses.replace(p, doc_id=new_ids[p.doc_id]) if p.doc_id in new_ids else p
                for p in problems]
    all_articles = known + renamed
    all_problems = uploaded_problems(store) + problems
    tables = extract_articles(all_articles, all_problems, progress)
    store[ARTICLES_KEY] = all_articles
    store[PROBLEMS_KEY] = all_problems
    store[TABLES_KEY] = tables
    return tables


def extraction_failures(tables, doc_ids: list[str]) -> list[Problem]:
    """Articles among `doc_ids` that were read but whose extraction failed (the pipeline
    reports each as an error naming its doc_id; read errors never have an article)."""
    rows = tables.problems
    failed = rows[(rows["severity"] == "error") & rows["doc_id"].isin(doc_ids)]
    return [Problem(str(r.file), None, str(r.doc_id), "error", str(r.message))
            for r in failed.itertuples()]


def with_failures(reports: list[FileReport], counts: list[int], doc_ids: list[str],
                  tables) -> list[FileReport]:
    """Each file's report with its articles whose extraction failed moved to its problems
    (a file of 11 articles of which one failed says 10 read, 1 could not be read)."""
    out, start = [], 0
    for report, n in zip(reports, counts):
        failures = extraction_failures(tables, doc_ids[start:start + n])
        start += n
        out.append(dataclasses.replace(report, n_articles=report.n_articles - len(failures),
                                       problems=report.problems + tuple(failures)))
    return out


def file_reports(state: MutableMapping[str, Any] | None = None) -> list[FileReport]:
    return list(_state(state).get(REPORTS_KEY, []))


def add_reports(reports: list[FileReport], state: MutableMapping[str, Any] | None = None) -> None:
    store = _state(state)
    store[REPORTS_KEY] = file_reports(store) + list(reports)


def over_session_limit(articles: list[Article], name: str,
                       state: MutableMapping[str, Any] | None = None
                       ) -> tuple[list[Article], list[Problem]]:
    """The articles that still fit in this session's limit, and a Problem for the rest."""
    room = max(0, MAX_SESSION_ARTICLES - len(uploaded_articles(state)))
    if len(articles) <= room:
        return articles, []
    return articles[:room], [Problem(
        name, None, "", "error",
        f"{len(articles) - room:,} articles not added: a session holds at most "
        f"{MAX_SESSION_ARTICLES:,} uploaded articles; for a larger corpus use the command "
        "line (python -m extract)")]


def clear_uploads(state: MutableMapping[str, Any] | None = None) -> None:
    store = _state(state)
    for key in (ARTICLES_KEY, PROBLEMS_KEY, TABLES_KEY, REPORTS_KEY):
        store.pop(key, None)


def _unique(doc_id: str, used: set[str]) -> str:
    candidate, n = doc_id, 2
    while candidate in used:
        candidate, n = f"{doc_id}~{n}", n + 1
    used.add(candidate)
    return candidate


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
