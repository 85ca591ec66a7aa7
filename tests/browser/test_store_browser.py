"""The corpus store in a real Chromium: an upload is written to the store, so a new
server process on the same store (a restart) still shows it."""
from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import serve
from tests.browser.test_timeline_browser import LOAD_TIMEOUT_MS, lane_labels

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = ("Churchill in het Lagerhuis\n\n6 juni 1944\n\nOp 6 juni 1944 sprak Winston "
           "Churchill het Lagerhuis toe over de landing in Normandië.\n")


def _timeline_lanes(browser, url: str) -> list[str]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector(".js-plotly-plot .ytick text", timeout=LOAD_TIMEOUT_MS)
        return lane_labels(page)
    finally:
        context.close()


def test_an_upload_survives_a_server_restart(browser, seed_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    upload = tmp_path / "churchill.txt"
    upload.write_text(ARTICLE, encoding="utf-8")
    log = tmp_path / "streamlit.log"
    with serve(store, log) as url:
        assert "Winston Churchill" not in _timeline_lanes(browser, url)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{url}/upload")
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
        page.get_by_text("churchill.txt: 1 article read").wait_for(timeout=120_000)
        context.close()
    with serve(store, log) as url:                     # a new server process
        assert "Winston Churchill" in _timeline_lanes(browser, url)
