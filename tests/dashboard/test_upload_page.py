"""The 'Your articles' page under AppTest: good and bad uploads, pasting, the timeline."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import controls, uploads

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
UPLOAD_PAGE = "dashboard/pages/upload.py"
SEED = sorted((ROOT / "data" / "articles").glob("*.txt"))[0]


@pytest.fixture
def upload_page():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page(UPLOAD_PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def messages(at: AppTest) -> list[str]:
    """The alert texts as a user reads them (Markdown escapes removed)."""
    return [unescape(e.value) for kind in (at.success, at.warning, at.error) for e in kind]


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def corpus_options(at: AppTest) -> list[str]:
    return list(at.selectbox(key=controls.K["corpus"]).options)


def test_a_good_file_is_extracted_and_becomes_a_corpus(upload_page):
    at = upload_page
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    assert not at.exception, at.exception
    assert f"{SEED.name}: 1 article read" in messages(at)
    tables = uploads.uploaded_tables(at.session_state)
    assert tables is not None and len(tables.events) > 0
    n_events = len(tables.events)
    assert any(f"Your **1** article gave **{n_events}** dated facts" in m.value
               for m in at.markdown)
    assert any("Your articles" == o for o in corpus_options(at))
    assert any(o.startswith("Your articles + ") for o in corpus_options(at))


def test_bad_files_are_listed_per_file_with_the_reason(upload_page):
    at = upload_page
    good_line = json.dumps({"text": "Op 3 mei 2022 tekende Frenkie de Jong bij Barcelona.",
                            "published": "2022-05-05", "lang": "nl"})
    uploader = at.file_uploader(key="upload_files")
    uploader.upload("batch.jsonl", (good_line + "\n{broken\n").encode(), "application/json")
    uploader.upload("columns.csv", b"a,b\n1,2\n", "text/csv")
    uploader.upload("binary.txt", bytes(range(256)) * 10, "text/plain")
    uploader.upload("../../etc/passwd.txt", b"", "text/plain")
    at.run()
    assert not at.exception, at.exception
    shown = messages(at)
    assert "batch.jsonl: 1 article read, 1 part could not be read" in shown
    assert any(m.startswith("columns.csv: nothing read: no 'text' field") for m in shown)
    assert any(m.startswith("binary.txt: nothing read:") for m in shown)
    assert "passwd.txt: nothing read: the file is empty" in shown
    assert not any("etc" in m for m in shown)
    expanders = [e.label for e in at.expander]
    assert "Problems in batch.jsonl (1)" in expanders


def test_a_file_over_the_limit_is_refused_clearly(monkeypatch, upload_page):
    at = upload_page
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1024)
    at.run()  # the uploader is redrawn with the new limit (a new widget)
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    assert not at.exception, at.exception
    refused = [m for m in messages(at) if m.startswith(SEED.name)]
    assert refused and "allowed per file" in refused[0] and "split it" in refused[0]
    assert uploads.uploaded_tables(at.session_state) is None


def test_the_same_upload_is_not_extracted_twice_on_rerun(upload_page):
    at = upload_page
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    at.run()
    assert len(uploads.uploaded_articles(at.session_state)) == 1


def test_pasted_article_with_date_and_language(upload_page):
    at = upload_page
    at.text_area(key="paste_text").set_value(
        "Ancelotti blijft\n\nCarlo Ancelotti verlengde op 3 mei 2022 zijn contract bij Real "
        "Madrid tot de zomer van 2026.")
    at.date_input(key="paste_date").set_value(dt.date(2022, 5, 5))
    at.selectbox(key="paste_lang").set_value("nl")
    at.button(key="paste_submit").click()
    at.run()
    assert not at.exception, at.exception
    assert "pasted text: 1 article read" in messages(at)
    events = uploads.uploaded_tables(at.session_state).events
    assert "Carlo Ancelotti" in set(events["person"])
    assert events["doc_id"].str.startswith("upload:").all()


def test_pasting_nothing_says_so(upload_page):
    at = upload_page
    at.button(key="paste_submit").click()
    at.run()
    assert not at.exception, at.exception
    assert "pasted text: nothing read: there is no text to read" in messages(at)


def test_show_on_timeline_then_remove(upload_page):
    at = upload_page
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    at.button(key="upload_show").click()
    at.run()
    assert not at.exception, at.exception
    assert at.session_state[controls.K["corpus"]] == "Your articles"
    explore = at.session_state[controls.EXPLORE_KEY]
    assert explore.events["doc_id"].str.startswith("upload:").all()
    assert [t.value for t in at.title] == ["Timeline"]

    at.switch_page(UPLOAD_PAGE)
    at.run()
    at.button(key="upload_clear").click()
    at.run()
    assert not at.exception, at.exception
    assert uploads.uploaded_tables(at.session_state) is None
    assert not any(o.startswith("Your articles") for o in corpus_options(at))


def test_text_quoted_from_a_file_cannot_inject_markdown(upload_page):
    at = upload_page
    hostile = json.dumps({"text": "Op 3 mei 2022 tekende Frenkie de Jong bij Barcelona.",
                          "published": "![x](https://tracker.example/p.png)"})
    at.file_uploader(key="upload_files").upload("hostile.jsonl", hostile.encode(),
                                                "application/json")
    at.run()
    assert not at.exception, at.exception
    rendered = [e.value for e in at.warning] + [e.value for e in at.markdown]
    assert any("tracker.example" in unescape(r) for r in rendered)  # reported...
    assert not any("](https://" in r for r in rendered)  # ...as text, not as an image


def test_a_session_holds_a_bounded_number_of_articles(monkeypatch, upload_page):
    at = upload_page
    monkeypatch.setattr(uploads, "MAX_SESSION_ARTICLES", 2)
    lines = [json.dumps({"text": f"Op {day} mei 2022 tekende Frenkie de Jong bij Barcelona.",
                         "published": "2022-05-30", "lang": "nl"}) for day in (1, 2, 3)]
    at.file_uploader(key="upload_files").upload("three.jsonl", "\n".join(lines).encode(),
                                                "application/json")
    at.run()
    assert not at.exception, at.exception
    assert len(uploads.uploaded_articles(at.session_state)) == 2
    assert "three.jsonl: 2 articles read, 1 part could not be read" in messages(at)
    problems = [m.value for m in at.markdown if "not added" in m.value]
    assert problems and "command line" in unescape(problems[0])


def test_the_merged_corpus_holds_the_sample_and_the_uploads(upload_page):
    at = upload_page
    sample_docs = set(at.session_state[controls.EXPLORE_KEY].events["doc_id"])
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    merged = next(o for o in corpus_options(at) if o.startswith("Your articles + "))
    at.selectbox(key=controls.K["corpus"]).set_value(merged)
    at.run()
    assert not at.exception, at.exception
    docs = set(at.session_state[controls.EXPLORE_KEY].events["doc_id"])
    assert sample_docs <= docs
    assert any(d.startswith("upload:") for d in docs)
