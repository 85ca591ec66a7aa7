"""The command line over a store: add a folder, export it: the files the old command writes."""
from __future__ import annotations

import filecmp

from tests.extract.store.corpora import MEANTIME, SEEDS
from tests.extract.store.test_atomic import _cli, _done


def test_add_then_export_writes_the_files_of_the_old_command(tmp_path):
    store, a, b = tmp_path / "store", tmp_path / "a", tmp_path / "b"
    code, out, _ = _done(_cli("add", SEEDS, MEANTIME, "--store", store, "--batch-size", "25"))
    assert code == 0 and "102 articles added" in out
    assert _done(_cli("export", "--store", store, "--out", a, "--format", "timeml",
                      "--format", "parquet"))[0] == 0
    assert _done(_cli(SEEDS, MEANTIME, "--out", b, "--format", "timeml",
                      "--format", "parquet"))[0] == 0
    for name in ("timexes", "events", "persons", "documents", "problems"):
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes(), name
    cmp = filecmp.dircmp(a / "timeml", b / "timeml")
    assert not cmp.left_only and not cmp.right_only and not cmp.diff_files
    assert sorted(p.name for p in a.glob("*.parquet")) == sorted(p.name for p in b.glob("*.parquet"))


def test_a_folder_named_like_a_command_is_still_an_input(tmp_path, monkeypatch):
    (tmp_path / "add").mkdir()
    (tmp_path / "add" / "x.txt").write_text((SEEDS / "000_2364bb4553849788.txt").read_text())
    monkeypatch.chdir(tmp_path)
    from extract.__main__ import main
    assert main(["add", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "events.csv").exists()


def test_store_errors_name_the_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    code, _, err = _done(_cli("add", SEEDS, "--store", tmp_path))
    assert code == 2 and "holds other files and no store" in err
    code, _, err = _done(_cli("export", "--store", tmp_path / "none", "--out", tmp_path / "o"))
    assert code == 2 and "no store here" in err
