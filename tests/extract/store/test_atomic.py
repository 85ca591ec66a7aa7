"""A killed writer leaves the store as it was or with whole batches; a rerun completes it;
a second writer is told who holds the store."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from extract.store import Store, layout

from tests.extract.store.corpora import MEANTIME, ROOT, SEEDS


def _cli(*args, env=None, **kw) -> subprocess.Popen:
    """`python -m extract ARGS`; one job in the process itself."""
    args = [*map(str, args), *(["--jobs", "1"] if args[0] == "add" and "--jobs" not in args else [])]
    return subprocess.Popen([sys.executable, "-m", "extract", *args], cwd=ROOT,
                            env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def _done(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=240)
    return proc.returncode, out, err


def assert_consistent(store: Path) -> Store:
    """Every file the manifest names is there and whole; counts agree with the batches."""
    s = Store.open(store)
    for f in s.manifest.files():
        assert (store / f).is_file(), f
    tables = s.tables()                         # reads every named Parquet file
    assert len(set(tables.documents.doc_id)) == len(tables.documents)
    assert s.summary().articles == sum(b.n_articles for b in s.manifest.batches)
    assert set(tables.events.doc_id) <= set(tables.documents.doc_id)
    return s


def _csvs(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.csv"))}


def test_sigkill_mid_add_then_rerun_completes(tmp_path):
    store = tmp_path / "store"
    proc = _cli("add", SEEDS, MEANTIME, "--store", store, "--jobs", "1", "--batch-size", "10",
                "--quiet")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:       # kill once some batches are committed
        m = store / layout.MANIFEST
        if m.exists() and len(json.loads(m.read_text())["batches"]) >= 2:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    s = assert_consistent(store)
    assert 0 < s.summary().articles < 102 and s.summary().articles % 10 == 0
    code, out, _ = _done(_cli("add", SEEDS, MEANTIME, "--store", store, "--quiet"))
    assert code == 0, out
    assert "already there" in out
    assert_consistent(store)
    clean = tmp_path / "clean"
    assert _done(_cli("add", SEEDS, MEANTIME, "--store", clean, "--quiet"))[0] == 0
    for folder, src in (("a", store), ("b", clean)):
        assert _done(_cli("export", "--store", src, "--out", tmp_path / folder))[0] == 0
    assert _csvs(tmp_path / "a") == _csvs(tmp_path / "b")


def test_killed_just_before_the_commit_leaves_the_store_as_it_was(tmp_path):
    store = tmp_path / "store"
    assert _done(_cli("add", SEEDS, "--store", store, "--quiet"))[0] == 0
    before = (store / layout.MANIFEST).read_text()
    code, _, _ = _done(_cli("add", MEANTIME, "--store", store, "--quiet",
                            env={"FACT_TIMELINE_CRASH_AT": "before-manifest"}))
    assert code == -signal.SIGKILL
    assert (store / layout.MANIFEST).read_text() == before
    assert assert_consistent(store).summary().articles == 2
    assert list((store / "staging").iterdir())          # the dead run's leftovers...
    code, out, _ = _done(_cli("add", MEANTIME, "--store", store, "--quiet"))
    assert code == 0 and "100 articles added" in out
    assert not (store / "staging").exists()             # ...are gone after the next run
    named = {Path(f).parent.name for f in Store.open(store).manifest.files()}
    assert {p.name for p in (store / "batches").iterdir()} == named
    assert assert_consistent(store).summary().articles == 102


def test_a_second_writer_stops_with_a_clear_message(tmp_path):
    store = tmp_path / "store"
    assert _done(_cli("add", SEEDS, "--store", store, "--quiet"))[0] == 0
    with layout.WriterLock(store):
        code, _, err = _done(_cli("add", MEANTIME, "--store", store, "--quiet",
                                  "--wait", "0.5"))
    assert code == 2
    assert "being written by process" in err and "--wait" in err
    assert Store.open(store).summary().articles == 2


def test_a_reader_keeps_its_snapshot_while_a_writer_commits(tmp_path):
    store = tmp_path / "store"
    assert _done(_cli("add", SEEDS, "--store", store, "--quiet"))[0] == 0
    reader = Store.open(store)
    assert _done(_cli("add", MEANTIME, "--store", store, "--quiet"))[0] == 0
    assert reader.summary().articles == 2               # its manifest, its files
    assert reader.refresh().summary().articles == 102
