"""Uploads without Streamlit: names, limits, messages, ids and session storage."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import uploads
from extract.records import Problem

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "data" / "articles").glob("*.txt"))[0]

HOSTILE_NAMES = ["../../etc/passwd", "..\\..\\windows\\system32\\config", "/etc/shadow",
                 "..", ".", "", "....//....//x.txt", "a/../../b.csv", "\x00evil.txt",
                 "name\nwith\rbreaks.jsonl", "C:\\Users\\x\\a.html", "~/.ssh/id_rsa",
                 "%2e%2e%2fetc%2fpasswd", "x" * 500 + ".txt", ".bashrc"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_uploaded_names_never_leave_a_folder(name, tmp_path):
    safe = uploads.safe_upload_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and ".." not in safe
    assert len(safe) <= uploads.MAX_NAME_CHARS
    target = (tmp_path / safe).resolve()
    assert target.parent == tmp_path.resolve()


def test_safe_names_keep_what_a_user_recognises():
    assert uploads.safe_upload_name("../../etc/passwd") == "passwd"
    assert uploads.safe_upload_name("Wedstrijdverslag PSV–Ajax 2022.txt") == \
        "Wedstrijdverslag PSV_Ajax 2022.txt"
    assert uploads.safe_upload_name("C:\\Users\\x\\artikel.html") == "artikel.html"
    assert uploads.safe_upload_name("x" * 500 + ".jsonl").endswith(".jsonl")
    assert uploads.safe_upload_name("") == "upload"


def test_a_seed_shaped_text_file_is_read_with_its_date():
    articles, problems = uploads.read_uploaded_file(SEED.name, SEED.read_bytes())
    assert len(articles) == 1
    assert articles[0].published is not None
    assert not [p for p in problems if p.severity == "error"]


def test_a_hostile_name_is_reduced_before_it_is_used():
    articles, _ = uploads.read_uploaded_file("../../tmp/" + SEED.name, SEED.read_bytes())
    assert articles[0].source == SEED.name and "/" not in articles[0].doc_id


def test_jsonl_reports_each_bad_line_and_keeps_the_good_ones():
    data = (json.dumps({"text": "Op 3 mei 2022 tekende Frenkie de Jong bij Barcelona.",
                        "published": "2022-05-05", "lang": "nl"}) + "\nnot json\n"
            + json.dumps({"published": "2022-05-05"}) + "\n").encode()
    articles, problems = uploads.read_uploaded_file("batch.jsonl", data)
    assert len(articles) == 1
    assert {p.line for p in problems if p.severity == "error"} == {2, 3}


def test_files_that_cannot_be_read_become_problems_not_exceptions():
    cases = {
        "empty.txt": b"   \n",
        "plaatje.png": b"\x89PNG\r\n\x1a\n....",
        "binary.txt": bytes(range(256)) * 20,
        "columns.csv": b"a,b\n1,2\n",
        "nothing.html": b"<html><body></body></html>",
    }
    for name, data in cases.items():
        articles, problems = uploads.read_uploaded_file(name, data)
        assert articles == [], name
        assert problems and problems[0].severity == "error", name
        assert problems[0].file == name and problems[0].message, name


def test_a_file_over_the_limit_is_refused_with_its_size():
    articles, problems = uploads.read_uploaded_file("big.txt", b"x" * 2048, max_bytes=1024)
    assert articles == []
    assert "2.0 KB" in problems[0].message and "1.0 KB" in problems[0].message
    assert "split" in problems[0].message


def test_pasted_text_becomes_an_article_with_the_chosen_date_and_language():
    article, problems = uploads.pasted_article(
        "Ancelotti blijft\n\nGisteren verlengde Carlo Ancelotti zijn contract.",
        dt.date(2022, 5, 5), "nl")
    assert article is not None and problems == []
    assert article.published == dt.datetime(2022, 5, 5)
    assert article.lang == "nl" and article.title == "Ancelotti blijft"


def test_pasted_text_without_date_warns_and_without_text_is_refused():
    article, problems = uploads.pasted_article("Carlo Ancelotti won in 2022.", None, "en")
    assert article is not None and problems[0].severity == "warning"
    article, problems = uploads.pasted_article("  \n ", dt.date(2022, 5, 5), "nl")
    assert article is None and problems[0].severity == "error"
    article, problems = uploads.pasted_article("x" * (uploads.MAX_PASTE_CHARS + 1), None, "nl")
    assert article is None and "upload it as a file" in problems[0].message


def test_uploaded_ids_get_the_upload_prefix_in_articles_and_their_problems():
    articles, _ = uploads.read_uploaded_file(SEED.name, SEED.read_bytes())
    problem = Problem(SEED.name, 3, articles[0].doc_id, "warning", "odd date line")
    renamed, problems = uploads.prefixed(articles, [problem, Problem(SEED.name, 1, "", "error", "x")])
    assert renamed[0].doc_id == uploads.DOC_ID_PREFIX + articles[0].doc_id
    assert renamed[0].text == articles[0].text
    assert problems[0].doc_id == renamed[0].doc_id and problems[1].doc_id == ""


def test_a_stored_report_counts_failed_and_already_stored_articles():
    from types import SimpleNamespace
    report = uploads.FileReport("a.jsonl", 3)
    failed = Problem("a.jsonl", 2, "upload:y", "error", "extraction failed: OverflowError")
    out = uploads.stored_report(report, SimpleNamespace(skipped=1), [failed])
    assert out.summary == "a.jsonl: 2 articles read, 1 part could not be read, 1 warning"
    assert "already in the corpus" in out.warnings[0].message


def test_file_report_summary_says_what_happened():
    ok = uploads.FileReport("a.txt", 3)
    assert ok.summary == "a.txt: 3 articles read"
    mixed = uploads.FileReport("b.jsonl", 1, (Problem("b.jsonl", 2, "", "error", "bad"),
                                              Problem("b.jsonl", 3, "", "warning", "meh")))
    assert mixed.summary == "b.jsonl: 1 article read, 1 part could not be read, 1 warning"
    failed = uploads.FileReport("c.csv", 0, (Problem("c.csv", None, "", "error", "no text"),))
    assert failed.summary == "c.csv: nothing read: no text"


SAVED_PAGE = b"""<!doctype html><html lang="nl"><head><title>Ancelotti verlengt bij Real</title>
<meta property="article:published_time" content="2022-05-05T15:34:00+02:00">
<meta property="og:url" content="https://www.example.nl/artikel/1">
<script src="https://tracker.example/x.js"></script></head>
<body><nav>Menu Home Sport</nav><article><h1>Ancelotti verlengt bij Real</h1>
<p>Carlo Ancelotti heeft op woensdag 4 mei 2022 zijn contract bij Real Madrid verlengd tot
medio 2024. De Italiaanse trainer was tevreden na de gewonnen halve finale.</p>
<p>Op 28 mei speelt Real de finale van de Champions League tegen Liverpool in Parijs.</p>
</article><footer>Cookies en privacy</footer></body></html>"""


def test_a_saved_web_page_gives_its_article_text_date_and_link():
    articles, problems = uploads.read_uploaded_file("artikel.html", SAVED_PAGE)
    assert problems == []
    article = articles[0]
    assert article.published.date() == dt.date(2022, 5, 5)
    assert article.url == "https://www.example.nl/artikel/1" and article.lang == "nl"
    assert "28 mei" in article.text
    assert "Cookies" not in article.text and "Menu" not in article.text


def test_a_csv_with_text_and_published_columns_gives_one_article_per_row():
    data = ("text,published,title\n"
            '"Op 3 mei 2022 tekende Frenkie de Jong, zei hij.",2022-05-05,Eén\n'
            '"Virgil van Dijk speelde op 1 juni 2022.",2022-06-02,Twee\n').encode()
    articles, problems = uploads.read_uploaded_file("export.csv", data)
    assert [a.title for a in articles] == ["Eén", "Twee"]
    assert all(a.published is not None for a in articles) and problems == []


def test_pasted_text_in_an_unsupported_language_says_so():
    text = "习近平2023年5月3日在北京会见了法国总统马克龙。马克龙说，他将于2024年访问上海。"
    article, problems = uploads.pasted_article(text, dt.date(2023, 5, 4), None)
    assert article.lang == "zh"
    assert ["only en, nl are fully supported" in p.message for p in problems] == [True]
