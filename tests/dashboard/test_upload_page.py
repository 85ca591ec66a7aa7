"""The 'Your articles' page under AppTest: uploads and pasted text go into the open store
(and stay there), bad files are reported per file, batches and sources can be removed."""
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


def stored_events(store: Path):
    """The events the store holds now, as any later session would read them."""
    from extract.store import Store
    return Store.open(store).tables().events


def uploaded(events):
    return events[events["doc_id"].str.startswith("upload:")]


def test_a_good_file_goes_into_the_store_and_stays_after_a_reload(upload_page, open_store):
    at = upload_page
    before = len(stored_events(open_store))
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    assert not at.exception, at.exception
    assert f"{SEED.name}: 1 article read" in messages(at)
    events = stored_events(open_store)
    assert len(uploaded(events)) > 0 and len(events) > before
    # A new browser session (a reload, or after a server restart) sees the same corpus.
    fresh = AppTest.from_file(APP, default_timeout=180).run()
    assert not fresh.exception, fresh.exception
    explore = fresh.session_state[controls.EXPLORE_KEY]
    assert set(uploaded(events)["event_id"]) <= set(explore.events["event_id"])
    assert any(c.value.startswith("3 articles") for c in fresh.sidebar.caption)


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


def test_the_same_upload_is_not_extracted_twice_on_rerun(upload_page, open_store):
    at = upload_page
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    at.run()
    assert uploaded(stored_events(open_store))["doc_id"].nunique() == 1


def test_uploading_the_same_file_again_keeps_one_copy_and_says_so(upload_page, open_store):
    at = upload_page
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    n = len(stored_events(open_store))
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    assert len(stored_events(open_store)) == n
    assert any("already in the corpus" in e.value for e in at.markdown)


def test_pasted_article_with_date_and_language(upload_page, open_store):
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
    events = uploaded(stored_events(open_store))
    assert "Carlo Ancelotti" in set(events["person"])
    assert set(events["start"]) >= {"2022-05-03"}


def test_pasting_nothing_says_so(upload_page):
    at = upload_page
    at.button(key="paste_submit").click()
    at.run()
    assert not at.exception, at.exception
    assert "pasted text: nothing read: there is no text to read" in messages(at)


def test_an_upload_can_be_removed_again_as_a_batch(upload_page, open_store):
    at = upload_page
    at.file_uploader(key="upload_files").upload(SEED.name, SEED.read_bytes(), "text/plain")
    at.run()
    batches = at.selectbox(key="upload_batch")
    assert SEED.name in batches.options[0]          # newest first, called by its file
    from extract.store import Store
    batches.set_value(Store.open(open_store).manifest.batches[-1].id).run()
    at.button(key="upload_remove_batch").click()
    at.run()
    assert not at.exception, at.exception
    assert uploaded(stored_events(open_store)).empty
    explore = at.session_state[controls.EXPLORE_KEY]
    assert not explore.events["doc_id"].str.startswith("upload:").any()


def test_a_source_can_be_removed_with_all_its_articles(upload_page, open_store):
    at = upload_page
    source = at.selectbox(key="upload_source").value
    at.button(key="upload_remove_source").click()
    at.run()
    assert not at.exception, at.exception
    events = stored_events(open_store)
    assert source not in set(events["source"]) and len(events) > 0


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
