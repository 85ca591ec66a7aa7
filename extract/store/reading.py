"""Reading inputs in bounded batches, so that memory does not grow with the corpus.

`extract.ingest.read_paths` reads everything before it returns. Here the same reader
(`extract.ingest.Reader`: formats, problems, unique doc_ids) is fed one file at a time, and
a large JSON Lines file in chunks of whole lines; each chunk is preceded by as many empty
lines as came before it, which the reader skips while counting, so that problems and
default doc_ids name the file's real line numbers.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.ingest import JSON_SUFFIXES, KNOWN_SUFFIXES, Reader
from extract.records import Article, Problem

CHUNK_BYTES = 16 * 2**20


def _files(path: Path, reader: Reader) -> Iterator[Path]:
    """The files `Reader.read_path` would read for `path`, in the same order."""
    if not path.is_dir():
        yield path
        return
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                   and p.suffix.lower() in KNOWN_SUFFIXES)
    if not files:
        reader.problem(str(path), None, "", "error", "the folder holds no article files")
    yield from files


def _is_json_lines(path: Path) -> bool:
    if path.suffix.lower() not in JSON_SUFFIXES or path.stat().st_size <= CHUNK_BYTES:
        return False
    with open(path, "rb") as fh:
        head = fh.read(4096).lstrip()
    return not head.startswith(b"[")    # a JSON array is one document: read it whole


def _line_chunks(path: Path) -> Iterator[bytes]:
    """Whole lines, about CHUNK_BYTES at a time, each padded to its first line number."""
    lines_before = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(CHUNK_BYTES)
            if not chunk:
                return
            chunk += fh.readline()
            yield b"\n" * lines_before + chunk
            lines_before += chunk.count(b"\n")


def _read(reader: Reader, path: Path) -> Iterator[None]:
    """Feed `path` to the reader, yielding after each part read."""
    if not _is_json_lines(path):
        reader.read_path(path)
        yield
        return
    for chunk in _line_chunks(path):
        if chunk.strip():
            reader.read_bytes(str(path), chunk)
            yield


def batches(paths: Iterable[str | Path], size: int) -> Iterator[tuple[list[Article], list[Problem]]]:
    """(articles, problems) about `size` articles at a time, in reading order."""
    reader = Reader()
    for path in map(Path, paths):
        for file in _files(path, reader):
            for _ in _read(reader, file):
                while len(reader.articles) >= size:
                    yield reader.articles[:size], reader.problems
                    del reader.articles[:size]
                    reader.problems = []
    if reader.articles or reader.problems:
        yield reader.articles, reader.problems


def estimate_articles(paths: Iterable[str | Path]) -> int:
    """About how many articles the inputs hold (lines of record files, else files): for
    the progress bar's ETA, counted without parsing."""
    total = 0
    for path in map(Path, paths):
        files = [path] if not path.is_dir() else [
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES]
        for f in files:
            if not f.exists():
                continue
            if f.suffix.lower() in JSON_SUFFIXES | {".csv", ".tsv"}:
                with open(f, "rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(2**22), b""))
            else:
                total += 1
    return total
