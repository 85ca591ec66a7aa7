"""Dated facts per person from news articles.

    >>> from extract import extract_paths
    >>> tables = extract_paths(["data/articles"])
    >>> tables.events[["person", "start", "end", "label"]]

The same tables the command line writes (`python -m extract INPUT --out DIR`).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from extract.records import Article, Problem
from extract.tables import Tables

__all__ = ["Tables", "extract_paths", "extract_articles"]


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
