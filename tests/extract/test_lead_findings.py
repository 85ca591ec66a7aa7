"""Findings of issue 10 whose fix lies outside the hardening area: strict xfails naming
the module, so that they turn into failures (to be un-marked) once the lead fixes them."""
import datetime as dt

import pytest

from extract import extract_articles
from extract.records import Article

TEXT = ("Gisteren won Ajax. Volgend jaar speelt Jan Jansen bij PSV. Over drie weken begint "
        "het seizoen. Op 3 mei 2022 tekende hij.")


@pytest.mark.xfail(strict=True, reason="extract/temporal: OverflowError ('date value out of "
                   "range') when a relative date ('gisteren', 'volgend jaar') of an article "
                   "published 0001-01-01 or 9999-12-31 falls off the calendar; it should "
                   "resolve what fits and leave the rest unresolved")
@pytest.mark.parametrize("published", [dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)])
def test_published_at_the_ends_of_the_calendar_keeps_the_article(published):
    tables = extract_articles([Article("a", TEXT, published, "nl")])
    assert tables.documents.doc_id.tolist() == ["a"]
    assert "2022-05-03" in tables.timexes["start"].tolist()


@pytest.mark.xfail(strict=True, reason="extract/pipeline.py: process_all reports a failed "
                   "article with Problem(article.origin, None, ...), so problems.csv says "
                   "file='x.jsonl:3', line='' instead of file='x.jsonl', line=3")
def test_a_failed_article_is_reported_at_its_file_and_line():
    tables = extract_articles([Article("a", TEXT, dt.datetime(1, 1, 1), "nl", origin="x.jsonl:3")])
    assert tables.problems[["file", "line"]].values.tolist() == [["x.jsonl", 3]]
