"""Findings of issue 10 in the temporal stage and the pipeline: an article published at the
calendar's ends keeps what fits; a failed article is reported at its file and line."""
import datetime as dt

import pytest

from extract import extract_articles
from extract.records import Article

TEXT = ("Gisteren won Ajax. Volgend jaar speelt Jan Jansen bij PSV. Over drie weken begint "
        "het seizoen. Op 3 mei 2022 tekende hij.")


@pytest.mark.parametrize("published", [dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)])
def test_published_at_the_ends_of_the_calendar_keeps_the_article(published):
    tables = extract_articles([Article("a", TEXT, published, "nl")])
    assert tables.documents.doc_id.tolist() == ["a"]
    assert "2022-05-03" in tables.timexes["start"].tolist()
    # what falls off the calendar is found but not placed: "Volgend jaar" of 9999, "Gisteren" of 0001
    assert tables.timexes["start"].eq("").sum() >= 1 and len(tables.timexes) == 4


def test_a_failed_article_is_reported_at_its_file_and_line(monkeypatch):
    from extract import pipeline

    def broken(article):
        raise RuntimeError("a stage failed")
    monkeypatch.setattr(pipeline, "process_article", broken)
    tables = extract_articles([Article("a", TEXT, dt.datetime(2022, 5, 4), "nl", origin="x.jsonl:3")])
    assert tables.problems[["file", "line"]].values.tolist() == [["x.jsonl", 3]]


def test_extracting_one_article_needs_no_pandas():
    """Start-up (issue 9): a process that only extracts, such as a pool worker, must not pay
    for importing pandas; the tables at the edge import it when they are built."""
    import subprocess
    import sys
    code = ("import sys, datetime as dt; from extract.pipeline import process_article; "
            "from extract.records import Article; "
            "r = process_article(Article('x', 'Carlo Ancelotti won op 28 mei.', dt.datetime(2022, 5, 3), 'nl')); "
            "assert r.events and 'pandas' not in sys.modules, sorted(m for m in sys.modules if 'pandas' in m)[:3]")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
