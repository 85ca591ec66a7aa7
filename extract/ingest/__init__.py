"""Reading articles from files, folders and uploads, reporting every problem.

Bad input never stops the run: each unreadable file, line or article becomes a Problem
naming the file (and line) and the reason, and everything else is still read.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from extract import lang as resources
from extract.ingest import html, plaintext, structured, text_fields, walk
from extract.ingest.decoding import UnreadableFile, decode
from extract.ingest.language import detect
from extract.ingest.published import parse_published
from extract.records import Article, Problem

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

NO_DATE = ("no publication date found: absolute dates are kept, relative ones "
           "are reported unresolved")


def unsupported_language(lang: str) -> str:
    supported = ", ".join(sorted(resources.languages()))
    return (f"the article is in {lang!r}; only {supported} are fully supported: in other "
            "languages dates are found by dateparser (without reading tense or narrative "
            "time), and persons and links may be wrong")


class Reader:
    """Collects articles and problems while reading inputs; keeps doc_ids unique."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.problems: list[Problem] = []
        self._ids: set[str] = set()

    # ------------------------------------------------------------------ entry points
    def read_path(self, path: Path) -> None:
        """A file or a folder the user named (a link they name themselves is followed)."""
        if path.is_dir():
            self._read_folder(path)
        elif not path.exists():
            self.problem(str(path), None, "", "error", "no such file or folder")
        else:
            self._read_file(path, follow=True)

    def _read_folder(self, root: Path) -> None:
        files, seen = [], set()
        for found in walk.article_files(root, KNOWN_SUFFIXES):
            if found.problem:
                self.problem(str(found.path), None, "", found.severity, found.problem)
            elif found.real not in seen:
                seen.add(found.real)
                files.append(found)
        if not files and not any(p.file.startswith(str(root)) for p in self.problems):
            self.problem(str(root), None, "", "error", "the folder holds no article files")
        for found in files:
            self._read_file(found.path, follow=False, real=found.real)

    def _read_file(self, path: Path, follow: bool, real: Path | None = None) -> None:
        try:
            data = walk.read_regular(real or path, follow)
        except walk.NotRegular as err:
            self.problem(str(path), None, "", "error", str(err))
            return
        except OSError as err:
            self.problem(str(path), None, "", "error",
                         f"cannot read the file: {err.strerror or err}")
            return
        self.read_bytes(str(path), data)

    def read_bytes(self, name: str, data: bytes) -> None:
        """One file's articles; whatever goes wrong inside, a Problem names the file."""
        before = len(self.articles)
        try:
            self._read_bytes(name, data)
        except Exception as err:  # noqa: BLE001 - one file must never stop the others
            kept = len(self.articles) - before
            self.problem(name, None, "", "error",
                         f"reading stopped ({type(err).__name__}: {err}); "
                         f"{kept} article{'s' if kept != 1 else ''} before that were kept")

    def _read_bytes(self, name: str, data: bytes) -> None:
        suffix = Path(name).suffix.lower()
        try:
            decoded = decode(data)
        except UnreadableFile as err:
            self.problem(name, None, "", "error", str(err))
            return
        if decoded.note:
            self.problem(name, None, "", "warning", decoded.note)
        text = decoded.text
        if suffix in JSON_SUFFIXES or (suffix not in KNOWN_SUFFIXES and text.lstrip()[:1] in "{["):
            self._read_records(name, structured.json_lines(text))
        elif suffix in CSV_SUFFIXES:
            self._read_records(name, structured.csv_rows(text))
        elif suffix in HTML_SUFFIXES:
            self._read_html(name, text)
        else:
            self._read_plain(name, text)

    # ------------------------------------------------------------------ formats
    def _read_plain(self, name: str, text: str) -> None:
        parsed = plaintext.parse(text)
        if not parsed.text.strip():
            self.problem(name, None, "", "error", "the file holds no article text")
            return
        doc_id = self.unique_id(Path(name).stem or "article", name)
        if parsed.published is None:
            self.problem(name, None, doc_id, "warning", NO_DATE)
        self.add(Article(doc_id=doc_id, text=parsed.text, published=parsed.published,
                         lang=parsed.lang, title=parsed.title, author=parsed.author,
                         source=Path(name).name, origin=name), name)

    def _read_html(self, name: str, text: str) -> None:
        parsed = html.parse(text)
        if parsed is None:
            self.problem(name, None, "", "error", "no article text found in the HTML page")
            return
        doc_id = self.unique_id(Path(name).stem or "page", name)
        published = parse_published(parsed.published)
        if published is None:
            self.problem(name, None, doc_id, "warning", NO_DATE)
        self.add(Article(doc_id=doc_id, text=parsed.text, published=published,
                         lang=detect(parsed.text), title=parsed.title, author=parsed.author,
                         source=parsed.source or Path(name).name, url=parsed.url, origin=name),
                 name)

    def _read_records(self, name: str, records: Iterable[structured.Record]) -> None:
        seen_any = False
        for record in records:
            seen_any = True
            if record.error:
                self.problem(name, record.line, "", "error", record.error)
                continue
            try:
                self._add_record(name, record)
            except RecursionError:
                self.problem(name, record.line, "", "error", structured.TOO_DEEP)
        if not seen_any:
            self.problem(name, None, "", "error", "the file holds no articles")

    def _add_record(self, name: str, record: structured.Record) -> None:
        fields, line = record.fields, record.line
        text = fields.get("text")
        raw_id = str(fields.get("doc_id") or f"{Path(name).stem}-{line}")
        if not isinstance(text, str) or not text.strip():
            self.problem(name, line, raw_id, "error", "no 'text' field with article text")
            return
        doc_id = self.unique_id(raw_id, name, line)
        published = parse_published(fields.get("published"))
        if published is None:
            given = fields.get("published")
            reason = (f"'published' is neither an ISO date (2019-04-11) nor an RSS date "
                      f"(Thu, 11 Apr 2019 13:48:55 +0200): {given!r}") if given else "no 'published' field"
            self.problem(name, line, doc_id, "warning", f"{reason}; {NO_DATE}")
        lang = str(fields.get("lang") or "").lower() or detect(text)
        self.add(Article(doc_id=doc_id, text=text, published=published, lang=lang,
                         title=str(fields.get("title") or ""), source=str(fields.get("source") or ""),
                         url=str(fields.get("url") or ""), author=str(fields.get("author") or ""),
                         origin=f"{name}:{line}"), name, line)

    # ------------------------------------------------------------------ bookkeeping
    def unique_id(self, doc_id: str, name: str, line: int | None = None) -> str:
        if doc_id not in self._ids:
            return doc_id
        n = 2
        while f"{doc_id}~{n}" in self._ids:
            n += 1
        self.problem(name, line, doc_id, "warning",
                     f"doc_id {doc_id!r} was used before; renamed to {doc_id}~{n}")
        return f"{doc_id}~{n}"

    def add(self, article: Article, name: str = "", line: int | None = None) -> None:
        article, replaced = text_fields.without_controls(article)
        if not article.text.strip():
            self.problem(name or article.origin, line, article.doc_id, "error",
                         "no article text (only control characters)")
            return
        if replaced:
            self.problem(name or article.origin, line, article.doc_id, "warning",
                         f"{replaced} control character{'s' if replaced != 1 else ''} (NUL and "
                         "the like) replaced by spaces; offsets are unchanged")
        if article.lang not in resources.languages():
            self.problem(name or article.origin, line, article.doc_id, "warning",
                         unsupported_language(article.lang))
        self._ids.add(article.doc_id)
        self.articles.append(article)

    def problem(self, file: str, line: int | None, doc_id: str, severity: str, message: str) -> None:
        self.problems.append(Problem(file, line, doc_id, severity, message))


def read_paths(paths: Iterable[str | Path]) -> tuple[list[Article], list[Problem]]:
    """Articles and problems from files and folders (plain text, JSONL, CSV, HTML).

    Inside a folder, symbolic links are followed only to files inside that folder; FIFOs,
    sockets and devices are never opened. Each is reported."""
    reader = Reader()
    for path in paths:
        reader.read_path(Path(path))
    return reader.articles, reader.problems


def read_upload(filename: str, data: bytes) -> tuple[list[Article], list[Problem]]:
    """Articles and problems from an uploaded file's bytes; the name picks the format."""
    reader = Reader()
    reader.read_bytes(Path(filename).name, data)
    return reader.articles, reader.problems


def article_from_text(text: str, published: dt.datetime | None, lang: str | None = None,
                      title: str = "", doc_id: str = "pasted") -> Article:
    """An article pasted by a user: the text as given, with an explicit date."""
    return Article(doc_id=doc_id, text=text, published=published,
                   lang=lang or detect(text), title=title, origin="pasted text")
