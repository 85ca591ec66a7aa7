import os
from pathlib import Path

import pandas as pd
import pytest

from extract.output import MANIFEST, OutputError, OutputFolder, write_outputs
from extract.tables import (DOCUMENT_COLUMNS, EVENT_COLUMNS, PERSON_COLUMNS, PROBLEM_COLUMNS,
                            TIMEX_COLUMNS, Tables, frame)


def _tables():
    return Tables(*(frame([], cols) for cols in
                    (TIMEX_COLUMNS, EVENT_COLUMNS, PERSON_COLUMNS, DOCUMENT_COLUMNS, PROBLEM_COLUMNS)))


def test_writes_every_file_with_its_header(tmp_path):
    write_outputs(_tables(), tmp_path / "out")
    for name, cols in [("timexes", TIMEX_COLUMNS), ("events", EVENT_COLUMNS),
                       ("persons", PERSON_COLUMNS), ("problems", PROBLEM_COLUMNS)]:
        assert list(pd.read_csv(tmp_path / "out" / f"{name}.csv").columns) == cols


def test_a_failing_writer_leaves_earlier_outputs_untouched(tmp_path):
    out = tmp_path / "out"
    write_outputs(_tables(), out)
    before = (out / "events.csv").read_text()

    def broken(path):
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_outputs(_tables()._replace(events=frame([{"event_id": "new"}], EVENT_COLUMNS)),
                      out, {"extra.txt": broken})
    assert (out / "events.csv").read_text() == before
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_a_rerun_leaves_no_file_of_the_previous_run(tmp_path):
    out = tmp_path / "out"
    write_outputs(_tables(), out, {"events.parquet": lambda p: p.write_text("old")})
    write_outputs(_tables(), out)
    assert not (out / "events.parquet").exists()
    assert sorted(os.listdir(out)) == sorted([MANIFEST, "timexes.csv", "events.csv",
                                              "persons.csv", "documents.csv", "problems.csv"])


def test_files_of_the_users_own_are_never_deleted(tmp_path):
    out = tmp_path / "out"
    write_outputs(_tables(), out, {"timeml": lambda p: (p.mkdir(), (p / "a.tml").write_text("x"))})
    (out / "timeml" / "my notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="did not write.*timeml/my notes.txt"):
        write_outputs(_tables(), out)
    assert (out / "timeml" / "my notes.txt").read_text() == "mine"


def test_a_folder_of_other_files_is_refused_and_untouched(tmp_path):
    (tmp_path / "thesis.tex").write_text("mine")
    with pytest.raises(OutputError, match="thesis.tex"):
        write_outputs(_tables(), tmp_path)
    assert os.listdir(tmp_path) == ["thesis.tex"]


def test_a_folder_where_an_output_file_is_a_folder_is_refused(tmp_path):
    (tmp_path / "out" / "events.csv").mkdir(parents=True)
    with pytest.raises(OutputError, match="events.csv"):
        OutputFolder(tmp_path / "out").__enter__()


def test_a_folder_from_before_manifests_is_recognised(tmp_path):
    out = tmp_path / "out"
    (out / "timeml").mkdir(parents=True)
    for name in ("events.csv", "timexes.csv", "events.parquet", "timeml/x.tml"):
        (out / name).write_text("old")
    write_outputs(_tables(), out)
    assert not (out / "timeml").exists() and (out / MANIFEST).exists()


def test_out_naming_a_file_is_refused(tmp_path):
    (tmp_path / "results").write_text("")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        OutputFolder(tmp_path / "results").__enter__()


def test_two_runs_into_one_folder_at_once_are_refused(tmp_path):
    with OutputFolder(tmp_path / "out"):
        with pytest.raises(OutputError, match="another run .* is writing to"):
            OutputFolder(tmp_path / "out").__enter__()
    with OutputFolder(tmp_path / "out"):  # free again afterwards
        pass
    assert os.listdir(tmp_path) == []


def test_stale_staging_of_a_killed_run_is_removed(tmp_path):
    stale = tmp_path / ".out.staging-99999"
    (stale / "timeml").mkdir(parents=True)
    write_outputs(_tables(), tmp_path / "out")
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_formulas_are_neutralised_in_the_csv_files(tmp_path):
    events = frame([{"event_id": "a#1", "label": '=HYPERLINK("http://x","y")', "source": "@NOS",
                     "confidence": -0.5}], EVENT_COLUMNS)
    write_outputs(_tables()._replace(events=events), tmp_path / "out")
    row = pd.read_csv(tmp_path / "out" / "events.csv").iloc[0]
    assert row.label == "'=HYPERLINK(\"http://x\",\"y\")" and row.source == "'@NOS"
    assert row.confidence == -0.5  # numbers are not text: left alone


def test_the_working_folder_is_never_the_output_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="the folder you are working in"):
        write_outputs(_tables(), Path("."))
    with pytest.raises(OutputError, match="the folder you are working in"):
        write_outputs(_tables(), tmp_path.parent)
    assert os.listdir(tmp_path) == []
