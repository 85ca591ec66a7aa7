"""The extraction pipeline: articles in, Tables out.

Stages per article: temporal expressions, person mentions, the links between them.
Then two corpus steps: one canonical name per person across articles, and one fact per
event reported by several articles. A stage that fails on one article becomes a Problem
for that article; the others are still processed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from typing import TYPE_CHECKING

from extract import document
from extract.linking import link_events
from extract.persons import merge_corpus_names
from extract.records import Article, Event, PersonMention, Problem, TimeMention

if TYPE_CHECKING:
    from extract.tables import Tables

Progress = Callable[[int, int, Article], None]


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    timexes: tuple[TimeMention, ...]
    persons: tuple[PersonMention, ...]
    events: tuple[Event, ...]


def process_article(article: Article) -> ArticleResult:
    """All three stages on one article, over one document object built once."""
    doc = document.build(article)
    events = link_events(doc)
    return ArticleResult(article, doc.timexes, doc.mentions, tuple(events))


def process_all(articles: Iterable[Article], progress: Progress | None = None,
                total: int = 0) -> tuple[list[ArticleResult], list[Problem]]:
    results, problems = [], []
    for n, article in enumerate(articles, 1):
        try:
            results.append(process_article(article))
        except Exception as err:  # one bad article must not stop the corpus
            problems.append(Problem(article.origin_file or article.doc_id, article.origin_line, article.doc_id,
                                    "error", f"extraction failed: {type(err).__name__}: {err}"))
        if progress:
            progress(n, total, article)
    return results, problems


def _canonical_names(results: list[ArticleResult]) -> dict[tuple[str, str], str]:
    names_by_doc = {r.article.doc_id: sorted({m.person for m in r.persons}) for r in results}
    return merge_corpus_names(names_by_doc)


def _rename(mention, name: str):
    from dataclasses import replace
    return mention if mention.person == name else replace(mention, person=name)


def build_tables(results: list[ArticleResult], problems: list[Problem]) -> Tables:
    """Corpus steps, then one DataFrame per output.

    pandas is imported here, at the edge, not with the module: the article stage needs
    none of it, and a process that only extracts (a pool worker, a library caller of
    `process_article`) is spared its 0.26 s import."""
    from extract.corroborate import group_facts
    from extract.tables import (DOCUMENT_COLUMNS, EVENT_COLUMNS, FACT_COLUMNS, PERSON_COLUMNS,
                                PROBLEM_COLUMNS, TIMEX_COLUMNS, Tables, document_row, event_row,
                                frame, person_rows, problem_row, timex_row)
    canonical = _canonical_names(results)
    timex_rows, event_rows, person_rows_, document_rows = [], [], [], []
    for r in results:
        doc = r.article.doc_id
        persons = [_rename(m, canonical.get((doc, m.person), m.person)) for m in r.persons]
        events = [_rename(e, canonical.get((doc, e.person), e.person)) for e in r.events]
        timex_rows += [timex_row(doc, t) for t in r.timexes]
        event_rows += [event_row(r.article, n, e) for n, e in enumerate(events, 1)]
        people = person_rows(doc, persons)
        person_rows_ += people
        document_rows.append(document_row(r.article, len(r.timexes), len(events), len(people)))
    events_df = group_facts(frame(event_rows, EVENT_COLUMNS))
    return Tables(timexes=frame(timex_rows, TIMEX_COLUMNS),
                  events=frame(events_df.to_dict("records"), EVENT_COLUMNS + FACT_COLUMNS),
                  persons=frame(person_rows_, PERSON_COLUMNS),
                  documents=frame(document_rows, DOCUMENT_COLUMNS),
                  problems=frame([problem_row(p) for p in problems], PROBLEM_COLUMNS))


def run(articles: list[Article], problems: list[Problem] = (),
        progress: Progress | None = None) -> tuple[list[ArticleResult], Tables]:
    results, failures = process_all(articles, progress, len(articles))
    return results, build_tables(results, [*problems, *failures])
