import datetime as dt
import json

import pytest

from extract.ingest import read_paths, read_upload
from extract.ingest.language import detect


def test_jsonl_fields_and_offsets_refer_to_text_as_given(tmp_path):
    text = "  Ajax wint\n\nOp 3 mei won Ajax.  "
    row = {"doc_id": "d1", "text": text, "published": "2022-05-04T10:15",
           "title": "Ajax", "lang": "nl", "source": "NOS", "url": "https://example.org/a"}
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(row) + "\n")
    [article], problems = read_paths([path])
    assert problems == []
    assert article.text == text
    assert article.published == dt.datetime(2022, 5, 4, 10, 15)
    assert (article.title, article.source, article.url) == ("Ajax", "NOS", "https://example.org/a")


@pytest.mark.parametrize("published, expected", [
    ("2022-05-04", dt.datetime(2022, 5, 4)),
    ("2022-05-04T10:15:00Z", dt.datetime(2022, 5, 4, 10, 15)),
    ("2022-05-04T10:15:00+02:00", dt.datetime(2022, 5, 4, 10, 15)),
    # RSS feeds and their exports (RFC 2822), read as printed like ISO ones
    ("Wed, 04 May 2022 10:15:00 +0200", dt.datetime(2022, 5, 4, 10, 15)),
    ("4 May 2022 10:15:00 GMT", dt.datetime(2022, 5, 4, 10, 15)),
])
def test_iso_publication_dates(tmp_path, published, expected):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"doc_id": "x", "text": "Tekst.", "published": published}) + "\n")
    [article], _ = read_paths([path])
    assert article.published == expected


def test_language_is_detected_when_absent(tmp_path):
    path = tmp_path / "d.jsonl"
    rows = [{"doc_id": "nl", "text": "De trainer zei dat hij niet met de club verder wil.", "published": "2022-05-04"},
            {"doc_id": "en", "text": "The coach said that he will not stay with the club.", "published": "2022-05-04"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    articles, _ = read_paths([path])
    assert {a.doc_id: a.lang for a in articles} == {"nl": "nl", "en": "en"}


def test_csv_with_text_and_published_columns(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text('title,published,text\nAjax wint,2022-05-04,"Op 3 mei won Ajax, zei de trainer."\n'
                    'Leeg,2022-05-04,\n')
    articles, problems = read_paths([path])
    assert [a.title for a in articles] == ["Ajax wint"]
    assert articles[0].text == "Op 3 mei won Ajax, zei de trainer."
    assert problems[0].line == 3 and "text" in problems[0].message


def test_html_page_via_trafilatura():
    body = " ".join(["Carlo Ancelotti verlengde op 3 mei zijn contract bij Real Madrid."] * 6)
    html = f"""<html><head><title>Ancelotti verlengt</title>
    <meta property="article:published_time" content="2022-05-04T10:00:00"></head>
    <body><nav>Menu Home Sport</nav><article><h1>Ancelotti verlengt</h1><p>{body}</p></article></body></html>"""
    [article], problems = read_upload("page.html", html.encode())
    assert "Ancelotti verlengde op 3 mei" in article.text
    assert article.published == dt.datetime(2022, 5, 4)
    assert "Menu Home" not in article.text


def test_detect_defaults_to_dutch_without_evidence():
    assert detect("12345") == "nl"


def test_an_unreadable_publication_date_is_reported_with_both_forms(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"doc_id": "x", "text": "Tekst.", "published": "Tue,"}) + "\n")
    [article], [problem] = read_paths([path])
    assert article.published is None
    assert (problem.line, problem.severity) == (1, "warning")
    assert "neither an ISO date" in problem.message and "RSS date" in problem.message
    assert "'Tue,'" in problem.message
