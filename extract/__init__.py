"""Dated facts per person from news articles.

    >>> from extract import extract_paths
    >>> tables = extract_paths(["data/articles"])
    >>> tables.events[["person", "start", "end", "label"]]

The same tables the command line writes (`python -m extract INPUT --out DIR`).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from typing import TYPE_CHECKING

from extract.records import Article, Problem

if TYPE_CHECKING:
    from extract.tables import Tables

__all__ = ["Tables", "extract_paths", "extract_articles"]


def __getattr__(name: str):
    """`extract.Tables` on first use: importing the package stays free of pandas, so that
    `python -m extract` can answer Ctrl-C during its imports with one line."""
    if name == "Tables":
        from extract.tables import Tables
        return Tables
    raise AttributeError(name)


def extract_articles(articles: list[Article], problems: Iterable[Problem] = (),
                     progress=None) -> Tables:
    """Tables for articles already read; `problems` from reading are carried along."""
    from extract import pipeline
    return pipeline.run(list(articles), list(problems), progress)[1]


def extract_paths(paths: Iterable[str | Path], progress=None) -> Tables:
    """Tables for files and folders of articles (plain text, JSONL, CSV, HTML)."""
    from extract.ingest import read_paths
    articles, problems = read_paths(paths)
    return extract_articles(articles, problems, progress)
