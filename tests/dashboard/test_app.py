"""The Streamlit app as a user drives it (AppTest): filters, URL state, evidence, downloads.

Most tests load the small hand-made corpus from conftest.py as if it had been uploaded, so
every expectation is exact; one test runs the real sample articles end to end.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import controls, exports
from dashboard.corpus import STORE_ENV
from tests.dashboard.stores import write_events_store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
TEST_CORPUS = "Test corpus"


def open_app(events: pd.DataFrame | None = None, query: dict | None = None, *,
             merge_facts: bool = False) -> AppTest:
    """The app as a browser opening it: optionally with a corpus loaded and a URL.

    Unless `merge_facts`, every report is its own marker, so that tests can name each
    event that a filter keeps (the app's default merges reports of one fact).
    """
    at = AppTest.from_file(APP, default_timeout=120)
    if not merge_facts:
        at.query_params["merge"] = "0"
    if events is not None:   # the autouse fixture restores the seed store afterwards
        root = write_events_store(events, Path(tempfile.mkdtemp()) / "store", TEST_CORPUS)
        os.environ[STORE_ENV] = str(root)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def no_errors(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def figure(at: AppTest, n: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[n].proto.spec)


def lanes(at: AppTest) -> list[str]:
    """Persons with a lane on the timeline, top to bottom."""
    ticks = figure(at)["layout"]["yaxis"].get("ticktext", [])
    return [re.sub(r"<[^>]+>| \(\d+\)$", "", t) for t in ticks]


def event_ids(at: AppTest) -> set[str]:
    return {i for trace in figure(at)["data"] for i in trace.get("customdata", [])}


def caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Showing"))


@pytest.fixture
def fetch_download(monkeypatch):
    """Bytes behind a download button, as the browser would get them on a click."""
    managers: list[MediaFileManager] = []

    class RecordingManager(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingManager)

    def fetch(button) -> bytes:
        manager, proto = managers[-1], button.proto
        url = manager.execute_deferred(proto.deferred_file_id) if proto.deferred_file_id \
            else proto.url
        return manager.read_file(url.rsplit("/", 1)[-1].split("?")[0]).content

    return fetch


# --------------------------------------------------------------------------- explore


def test_sample_articles_open_on_a_timeline_with_a_lane_per_person():
    at = no_errors(open_app())
    assert "Carlo Ancelotti" in lanes(at)
    assert lanes(at)[0] == "Carlo Ancelotti"   # most events first
    assert caption(at).startswith("Showing ")


def test_person_filter_leaves_only_that_persons_lane(events):
    at = open_app(events)
    at.multiselect(key="f_persons").set_value(["Kylian Mbappé"]).run()
    no_errors(at)
    assert lanes(at) == ["Kylian Mbappé"]
    assert event_ids(at) == {"c#1", "c#2"}
    assert caption(at) == ("Showing 2 of 7 events; the filters hide 5. Clearing only the "
                           "Persons filter would show 5 more.")


def test_person_options_show_event_counts(events):
    at = open_app(events)
    persons = at.multiselect(key="f_persons")
    assert persons.options[0] == "Carlo Ancelotti (3)"
    assert "Toni Kroos (1)" in persons.options


def test_date_range_filter(events):
    at = open_app(events)
    at.date_input(key="f_from").set_value(dt.date(2022, 5, 1))
    at.date_input(key="f_to").set_value(dt.date(2022, 5, 31)).run()
    assert event_ids(no_errors(at)) == {"a#1", "b#1", "a#3"}


def test_event_type_filter(events):
    at = open_app(events)
    at.multiselect(key="f_types").set_value(["award"]).run()
    assert lanes(no_errors(at)) == ["Karim Benzema"]


def test_source_filter(events):
    at = open_app(events)
    at.multiselect(key="f_sources").set_value(["NOS"]).run()
    assert event_ids(no_errors(at)) == {"b#1", "c#1", "c#2"}


def test_minimum_confidence_filter(events):
    at = open_app(events)
    at.slider(key="f_conf").set_value(0.9).run()
    assert event_ids(no_errors(at)) == {"a#1", "b#1", "d#1"}


def test_minimum_sources_filter(events):
    at = open_app(events)
    at.slider(key="f_nsrc").set_value(2).run()
    assert event_ids(no_errors(at)) == {"a#1", "b#1"}


def test_free_text_search(events):
    at = open_app(events)
    at.text_input(key="f_text").set_value("ballon").run()
    assert event_ids(no_errors(at)) == {"d#1"}


def test_nothing_matching_says_so_instead_of_failing(events):
    at = open_app(events)
    at.text_input(key="f_text").set_value("no such words").run()
    assert "No events match" in json.dumps(figure(no_errors(at))["layout"]["annotations"])
    assert caption(at).startswith("Showing 0 of 7")


def test_lane_order_as_selected(events):
    at = open_app(events)
    at.selectbox(key="v_order").set_value("as selected")
    at.multiselect(key="f_persons").set_value(["Toni Kroos", "Carlo Ancelotti"]).run()
    assert lanes(no_errors(at)) == ["Toni Kroos", "Carlo Ancelotti"]


def test_jump_to_date_sets_the_view_and_a_new_zoom_revision(events):
    at = open_app(events)
    before = figure(at)["layout"]["uirevision"]
    at.date_input(key="v_jump").set_value(dt.date(2022, 5, 28))
    at.selectbox(key="v_window").set_value("2 weeks").run()
    layout = figure(no_errors(at))["layout"]
    assert layout["xaxis"]["range"] == ["2022-05-21", "2022-06-04"]
    assert layout["uirevision"] != before
    # Another filter change keeps the revision, so a zoom the user made stays.
    at.slider(key="f_conf").set_value(0.5).run()
    assert figure(at)["layout"]["uirevision"] == layout["uirevision"]


# --------------------------------------------------------------------------- URL state


def test_the_url_sets_up_the_filters(events):
    at = no_errors(open_app(events, {"person": ["Carlo Ancelotti", "Toni Kroos"],
                                     "conf": "0.7", "q": "mei", "order": "name"}))
    assert at.multiselect(key="f_persons").value == ["Carlo Ancelotti", "Toni Kroos"]
    assert at.slider(key="f_conf").value == 0.7
    assert event_ids(at) == {"a#1", "b#1"}


def test_changing_a_filter_updates_the_url(events):
    at = open_app(events)
    assert not any(k in at.query_params for k in ("person", "type", "from"))
    at.multiselect(key="f_persons").set_value(["Toni Kroos"])
    at.date_input(key="f_from").set_value(dt.date(2020, 1, 1))
    at.multiselect(key="f_types").set_value(["match"]).run()
    assert at.query_params["person"] == "Toni Kroos"
    assert at.query_params["from"] == "2020-01-01"
    assert at.query_params["type"] == "match"
    # ... and that URL, opened fresh, reproduces the view.
    again = open_app(events, dict(at.query_params))
    assert event_ids(again) == event_ids(at) == {"a#3"}


def test_a_link_to_an_unknown_person_is_ignored_not_an_error(events):
    at = no_errors(open_app(events, {"person": ["Nobody"], "from": "garbage"}))
    assert at.multiselect(key="f_persons").value == []
    assert len(event_ids(at)) == 7


# --------------------------------------------------------------------------- evidence


def test_evidence_of_a_linked_event_shows_sentence_source_and_corroboration(events):
    at = no_errors(open_app(events, {"event": "a#1"}))
    [panel] = [h.proto.body for h in at.get("html") if "ft-evidence" in h.proto.body]
    assert re.search(r'<mark class="ft-date"[^>]*>28 mei</mark>', panel)
    assert re.search(r'<mark class="ft-person"[^>]*>Carlo Ancelotti</mark>', panel)
    assert "Also reported by 1 other article" in panel and "Finale in Parijs" in panel


def test_evidence_says_when_the_event_is_filtered_out(events):
    at = no_errors(open_app(events, {"event": "a#1", "person": "Toni Kroos"}))
    assert any("hidden by the current filters" in c.value for c in at.caption)
    at = no_errors(open_app(events, {"event": "a#1"}))
    assert not any("hidden by the current filters" in c.value for c in at.caption)


def test_evidence_never_renders_article_html(events):
    at = no_errors(open_app(events, {"event": "c#2"}))
    [panel] = [h.proto.body for h in at.get("html") if "ft-evidence" in h.proto.body]
    assert "<img" not in panel and "&lt;img" in panel


# --------------------------------------------------------------------------- other pages


def test_table_page_lists_the_filtered_events_with_safe_links(events):
    at = open_app(events)
    at.multiselect(key="f_persons").set_value(["Kylian Mbappé"]).run()
    at.switch_page("dashboard/pages/table.py").run()
    [table] = no_errors(at).dataframe
    assert list(table.value["event_id"]) == ["c#2", "c#1"]          # chronological
    assert "javascript:" not in "".join(table.value["url"])
    assert at.multiselect(key="f_persons").value == ["Kylian Mbappé"]  # kept across pages


def test_people_page_summarises_each_person(events):
    at = open_app(events)
    at.switch_page("dashboard/pages/people.py").run()
    summary = no_errors(at).dataframe[0].value.set_index("person")
    assert summary.loc["Carlo Ancelotti", "events"] == 3
    assert summary.loc["Carlo Ancelotti", "first date"] == "2022-05-28"


def test_the_sidebar_names_the_open_corpus_and_its_size(events):
    at = no_errors(open_app(events))
    assert any(m.value == f"**Corpus: {TEST_CORPUS}**" for m in at.sidebar.markdown)
    assert any(c.value.startswith("5 articles · 7 dated facts · 4 persons")
               for c in at.sidebar.caption)
    assert at.query_params["corpus"] == TEST_CORPUS          # a shared link names it


def test_a_link_made_on_another_corpus_says_so_instead_of_pretending(events):
    at = no_errors(open_app(events, {"corpus": "Newsroom archive", "person": "Toni Kroos"}))
    [warning] = at.warning
    assert "“Newsroom archive”, which is not open here" in warning.value
    assert f"this server shows “{TEST_CORPUS}”" in warning.value
    assert lanes(at) == ["Toni Kroos"]                       # its filters still apply
    at2 = no_errors(open_app(events, {"corpus": TEST_CORPUS}))
    assert not at2.warning


def test_articles_added_by_another_process_appear_on_the_next_rerun(open_store):
    from extract.store import ingest
    at = no_errors(open_app())
    assert "Winston Churchill" not in lanes(at)
    extra = Path(tempfile.mkdtemp()) / "extra.txt"
    extra.write_text("Churchill\n\n6 juni 1944\n\nOp 6 juni 1944 sprak Winston Churchill "
                     "het Lagerhuis toe.\n", encoding="utf-8")
    ingest.add([extra], open_store, jobs=1)                 # as `python -m extract add` does
    at.run()
    assert "Winston Churchill" in lanes(no_errors(at))


# --------------------------------------------------------------------------- downloads


def test_downloads_offer_png_svg_html_and_csv(events, fetch_download):
    at = open_app(events)
    at.multiselect(key="f_persons").set_value(["Toni Kroos"]).run()
    buttons = {b.label: b for b in no_errors(at).get("download_button")}
    assert {"PNG", "SVG", "HTML (offline)", "CSV"} <= set(buttons)

    rows = pd.read_csv(io.BytesIO(fetch_download(buttons["CSV"])))
    assert list(rows["event_id"]) == ["a#3"]                  # only the filtered events

    page = fetch_download(buttons["HTML (offline)"]).decode()
    assert "Toni Kroos" in page and "Carlo Ancelotti" not in page
    assert re.search(r"Toni Kroos (·|\\u00b7) 1 of 7 events", page)   # says what it shows
    assert not re.search(r'<script[^>]+src=["\']https?:', page)   # plotly.js inlined


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(exports.chromium_path() is None, reason="/usr/bin/chromium is missing")
def test_chart_images_download_as_png_and_svg(events, fetch_download):
    at = open_app(events)
    buttons = {b.label: b for b in no_errors(at).get("download_button")}
    assert fetch_download(buttons["PNG"]).startswith(b"\x89PNG")
    svg = fetch_download(buttons["SVG"]).decode()
    assert svg.lstrip().startswith("<svg") and "Carlo Ancelotti" in svg


def test_picking_a_table_row_shows_its_evidence(events):
    at = open_app(events)
    at.multiselect(key="f_persons").set_value(["Kylian Mbappé"]).run()
    at.switch_page("dashboard/pages/table.py").run()
    at.session_state["events_table"] = {"selection": {"rows": [0], "columns": [],
                                                      "cells": []}}
    at.run()
    [panel] = [h.proto.body for h in no_errors(at).get("html") if "ft-evidence" in h.proto.body]
    assert "seizoen 2018/19" in panel and "&lt;img" in panel     # c#2, the earliest row
    assert at.query_params["event"] == "c#2"


def test_many_events_chart_counts_and_a_clicked_count_lists_its_events():
    from dashboard.data import prepare_events, synthetic_events
    from dashboard.lanes import DETAIL_LIMIT
    events = prepare_events(synthetic_events(DETAIL_LIMIT + 1000, n_persons=3, seed=5))
    month = events.loc[events["person"] == "Person 000", "start"].iloc[0][:7]
    at = no_errors(open_app(events, {"event": f"bin|Person 000|{month}"}))
    assert figure(at)["data"][0]["type"] == "scattergl"
    listed = at.dataframe[0].value
    expected = events[(events["person"] == "Person 000") & events["start"].str.startswith(month)]
    assert sorted(listed["event_id"]) == sorted(expected["event_id"])
    at.session_state["bin_events"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert any("ft-evidence" in h.proto.body for h in no_errors(at).get("html"))


def test_one_marker_per_fact_can_be_switched_off(events):
    at = open_app(events, merge_facts=True)
    assert "b#1" not in event_ids(at)                  # merged into a#1 (same fact)
    at.checkbox(key="v_merge").uncheck().run()
    assert {"a#1", "b#1"} <= event_ids(no_errors(at))
    assert at.query_params["merge"] == "0"


@pytest.mark.slow
def test_with_a_million_events_every_filter_works_and_counts_match_pandas():
    """The app's DuckDB answers against the in-memory filters on the same million events
    (the time of a filter change is measured by bench/dashboard.py, not here)."""
    from dashboard.data import prepare_events, synthetic_events
    from dashboard.filters import run_filters
    events = prepare_events(synthetic_events(1_000_000, seed=3))
    at = open_app(events, merge_facts=True)
    changes = [("f_conf", 0.5), ("f_types", ["match"]), ("f_text", "scored"),
               ("f_from", dt.date(2010, 1, 1)), ("f_persons", ["Person 003"])]
    for key, value in changes:
        widget = at.multiselect(key=key) if isinstance(value, list) else \
            at.date_input(key=key) if isinstance(value, dt.date) else \
            at.slider(key=key) if isinstance(value, float) else at.text_input(key=key)
        widget.set_value(value).run()
        no_errors(at)
    state = at.session_state[controls.EXPLORE_KEY].filters
    expected = run_filters(events, state)
    assert caption(at).startswith(f"Showing {expected.count:,} of 1,000,000 events")
    assert lanes(at) == ["Person 003"]


def test_without_chromium_image_downloads_are_disabled_with_the_reason(events, monkeypatch):
    from dashboard import exports
    monkeypatch.setattr(exports, "chromium_path", lambda: None)
    at = open_app(events)
    buttons = {b.label: b for b in no_errors(at).get("download_button")}
    assert buttons["PNG"].disabled and buttons["SVG"].disabled
    assert "Chromium" in buttons["PNG"].help
    assert not buttons["CSV"].disabled and not buttons["HTML (offline)"].disabled


def test_clear_all_filters_shows_everything_again(events):
    at = open_app(events)
    at.multiselect(key="f_persons").set_value(["Kylian Mbappé"]).run()
    at.text_input(key="f_text").set_value("finale").run()
    assert not at.button(key="f_clear").proto.disabled
    at.button(key="f_clear").click().run()
    no_errors(at)
    assert caption(at) == "Showing 7 of 7 events."
    assert at.button(key="f_clear").proto.disabled


def test_downloads_are_disabled_with_a_reason_on_an_empty_view(events):
    at = open_app(events)
    at.text_input(key="f_text").set_value("nothing matches this").run()
    no_errors(at)
    buttons = at.get("download_button")
    assert buttons and all(b.proto.disabled for b in buttons)
    assert all("No events match" in b.proto.help for b in buttons)


def test_the_store_is_named_on_the_command_line_or_by_the_environment(tmp_path):
    from dashboard.corpus import DEFAULT_STORE, store_path
    assert store_path(["--store", str(tmp_path / "a")], {}) == tmp_path / "a"
    assert store_path([], {STORE_ENV: str(tmp_path / "b")}) == tmp_path / "b"
    assert store_path(["--store", str(tmp_path / "a")], {STORE_ENV: "x"}) == tmp_path / "a"
    assert store_path(["-q", "tests"], {}) == DEFAULT_STORE


def test_a_new_store_named_on_the_command_line_opens_empty_and_says_how_to_fill_it(tmp_path):
    os.environ[STORE_ENV] = str(tmp_path / "newsroom")
    at = no_errors(open_app())
    assert any(m.value == "**Corpus: newsroom**" for m in at.sidebar.markdown)
    assert any(c.value.startswith("0 articles") for c in at.sidebar.caption)
    at.switch_page("dashboard/pages/upload.py").run()
    assert any("python -m extract add FOLDER --store" in i.value for i in no_errors(at).info)


def test_a_named_store_keeps_its_name(tmp_path):
    from dashboard.corpus import create_store
    from extract.store import Store
    create_store(tmp_path / "s", name="Samples and your articles")
    assert Store.open(tmp_path / "s").manifest.name == "Samples and your articles"


def test_a_spawned_worker_process_does_not_run_the_app(tmp_path):
    """multiprocessing's spawn re-imports the parent's main script as "__mp_main__": a
    Dask worker started after an AppTest ran the app, opened the default store and raced
    its sibling for the store's lock (the worker died, the Dask run failed)."""
    import runpy
    os.environ[STORE_ENV] = str(tmp_path / "must-not-exist")
    runpy.run_path(APP, run_name="__mp_main__")
    assert not (tmp_path / "must-not-exist").exists()


def test_a_rerun_that_changes_no_filter_asks_the_store_nothing_again(events, monkeypatch):
    from dashboard import queries
    calls = []
    real = queries.sidebar
    monkeypatch.setattr(queries, "sidebar", lambda *a: calls.append(1) or real(*a))
    at = no_errors(open_app(events))
    first = len(calls)
    at.run()                                    # e.g. a click on an event
    at.switch_page("dashboard/pages/people.py").run()
    assert len(calls) == first == 1
    at.multiselect(key="f_persons").set_value(["Toni Kroos"]).run()
    assert len(calls) == 2                      # a new filter is asked once
