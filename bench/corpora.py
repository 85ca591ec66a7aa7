"""Benchmark corpora: every article distinct, so that no per-text cache flatters a timing."""
from __future__ import annotations

from pathlib import Path

from extract.ingest import read_paths
from extract.records import Article


def distinct(articles: list[Article]) -> list[Article]:
    """The articles in order, each text once (and none empty)."""
    seen, out = set(), []
    for a in articles:
        if a.text and a.text not in seen:
            seen.add(a.text)
            out.append(a)
    return out


def read_distinct(paths) -> list[Article]:
    """Distinct articles of the paths that exist (files or folders the command line reads)."""
    articles, _ = read_paths([p for p in paths if Path(p).exists()])
    return distinct(articles)
