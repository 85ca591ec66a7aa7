"""The Export page under AppTest: every download button produces the file it promises.

Downloads are deferred (made on click), so the tests record the callables Streamlit
registers and run them, exactly as the server does when a browser clicks the button.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import controls, exports

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
EXPORT_PAGE = "dashboard/pages/export.py"


class RecordingMediaFileManager(MediaFileManager):
    """Keeps every deferred download callable by id, so a test can 'click' it."""
    deferred: dict[str, tuple] = {}

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = super().add_deferred(data_callable, mimetype, coordinates, file_name,
                                       **kwargs)
        RecordingMediaFileManager.deferred[file_id] = (data_callable, mimetype, file_name)
        return file_id


@pytest.fixture
def export_page(monkeypatch):
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager",
                        RecordingMediaFileManager)
    RecordingMediaFileManager.deferred.clear()
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page(EXPORT_PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def downloads(at: AppTest) -> dict[str, tuple[bytes, str, str]]:
    """label -> (file bytes, mime type, file name) for every enabled download button."""
    out = {}
    for button in at.get("download_button"):
        if button.proto.disabled:
            continue
        make, mime, name = RecordingMediaFileManager.deferred[button.proto.deferred_file_id]
        data = make()
        out[button.label] = (data.encode() if isinstance(data, str) else data, mime, name)
    return out


def shown_events(at: AppTest) -> pd.DataFrame:
    return at.session_state[controls.EXPLORE_KEY].events


def test_every_data_download_matches_the_current_view(export_page):
    files = downloads(export_page)
    shown = shown_events(export_page)
    assert len(shown) > 0

    data, mime, name = files["CSV"]
    assert mime == "text/csv" and name.endswith(".csv")
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    assert sorted(table["event_id"]) == sorted(shown["event_id"])
    assert "search_text" not in table.columns  # the dashboard's internal column stays home

    data, mime, name = files["JSON"]
    assert mime == "application/json" and name.endswith(".json")
    assert sorted(r["event_id"] for r in json.loads(data)) == sorted(shown["event_id"])

    data, mime, name = files["TimelineJS JSON"]
    timeline = json.loads(data)
    assert name.endswith(".timelinejs.json")
    assert timeline["title"]["text"]["headline"].startswith("Fact timeline")
    dated = shown[shown["start"] != ""]
    assert len(timeline["events"]) == len(dated)
    assert {e["group"] for e in timeline["events"]} == set(dated["person"])

    data, mime, name = files["Interactive HTML"]
    assert mime == "text/html" and name.endswith(".html")
    assert b"Plotly.newPlot" in data and not re.search(rb"<script[^>]+src=", data)


@pytest.mark.browser
@pytest.mark.skipif(exports.chromium_path() is None, reason="/usr/bin/chromium is missing")
def test_chart_image_downloads_are_real_images(export_page):
    files = downloads(export_page)
    assert files["PNG image"][0].startswith(b"\x89PNG\r\n\x1a\n")
    assert files["PNG image"][1] == "image/png"
    assert b"<svg" in files["SVG vector"][0][:300]
    assert files["PDF"][0].startswith(b"%PDF")


def test_filters_in_the_sidebar_apply_to_the_files(export_page):
    at = export_page
    everyone = shown_events(at)
    person = everyone["person"].value_counts().index[-1]
    at.multiselect(key=controls.K["persons"]).set_value([person])
    at.run()
    assert not at.exception, at.exception
    table = pd.read_csv(io.BytesIO(downloads(at)["CSV"][0]), encoding="utf-8-sig", dtype=str)
    assert set(table["person"]) == {person}
    assert len(table) == int((everyone["person"] == person).sum()) < len(everyone)


def test_no_matching_events_means_no_downloads_and_a_hint(export_page):
    at = export_page
    at.text_input(key=controls.K["text"]).set_value("zzz-no-such-text-zzz")
    at.run()
    assert not at.exception, at.exception
    assert len(at.get("download_button")) == 0
    assert any("nothing to export" in info.value for info in at.info)


def test_without_chromium_images_are_disabled_with_a_reason(monkeypatch, export_page):
    at = export_page
    monkeypatch.setattr(exports, "chromium_path", lambda: None)
    at.run()
    assert not at.exception, at.exception
    disabled = {b.label for b in at.get("download_button") if b.proto.disabled}
    assert disabled == {"PNG image", "SVG vector", "PDF"}
    assert any("Chromium" in w.value for w in at.warning)
    assert "CSV" in downloads(at)  # the data still downloads
