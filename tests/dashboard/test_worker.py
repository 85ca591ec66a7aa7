"""Uploads are extracted in another process, so that no session holds the server."""
from __future__ import annotations

import datetime as dt
import os
import signal

import pandas as pd
import pytest

from dashboard import uploads, worker
from extract import extract_articles
from extract.records import Article
from extract.tables import PROBLEM_COLUMNS, frame

ARTICLES = [Article(f"a{n}", "Op 3 mei 2022 tekende Jan Jansen bij Ajax.", dt.datetime(2022, 5, 4), "nl",
                    title=f"Artikel {n}") for n in range(3)]


def test_extraction_runs_in_another_process_with_the_same_result():
    pids, seen = set(), []
    tables = worker.extract_in_worker(ARTICLES, [], lambda d, t, title: seen.append((d, t, title)),
                                      on_pid=pids.add)
    assert pids and os.getpid() not in pids
    assert seen == [(1, 3, "Artikel 0"), (2, 3, "Artikel 1"), (3, 3, "Artikel 2")]
    expected = extract_articles(ARTICLES)
    pd.testing.assert_frame_equal(tables.events, expected.events)


def test_a_worker_that_dies_is_a_clear_error_not_a_hang():
    def kill(pid):
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(worker.WorkerFailed, match="stopped|could not be reached"):
        worker.extract_in_worker(ARTICLES * 50, [], on_pid=kill)


def test_articles_are_added_to_a_store_in_the_worker_as_one_named_batch(tmp_path):
    from extract.store import Store
    seen = []
    run = worker.add_in_worker(ARTICLES, [], tmp_path / "store", "three.jsonl",
                               progress=lambda d, t, _: seen.append((d, t)))
    assert run.added == 3 and seen[-1] == (3, 3)
    store = Store.open(tmp_path / "store")
    assert [b.note for b in store.manifest.batches] == ["three.jsonl"]
    assert set(store.tables().events["doc_id"]) == {"a0", "a1", "a2"}
    worker.remove_in_worker(tmp_path / "store", batch=store.manifest.batches[0].id)
    assert Store.open(tmp_path / "store").summary().articles == 0


def test_the_progress_bar_moves_inside_one_long_article(monkeypatch):
    clock = [0.0]
    meter = uploads.ProgressMeter([Article("a", "x" * 100, None, "nl"), Article("b", "x" * 300, None, "nl")])
    meter._clock = lambda: clock[0]
    meter.done(0)
    values = []
    for _ in range(4):
        clock[0] += 5
        values.append(meter.tick()[0])
    assert values == sorted(values) and 0 < values[0] and values[-1] < 0.25
    assert meter.tick()[1].startswith("Extracting article 1 of 2 (20 s)")
    assert meter.done(1)[0] == 0.25 and meter.done(2)[0] == 1.0
