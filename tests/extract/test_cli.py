"""The command line is the contract the scorer and the dashboard rely on."""
import json
import subprocess
import sys

import pandas as pd

from extract.cli import main
from extract.tables import EVENT_COLUMNS, FACT_COLUMNS, TIMEX_COLUMNS
from tests.conftest import ROOT, SAMPLE_ARTICLES


def test_seeds_give_all_tables_and_a_summary(tmp_path, capsys):
    assert main([str(SAMPLE_ARTICLES), "--out", str(tmp_path)]) == 0
    summary = capsys.readouterr().out
    assert "2 documents read" in summary and "0 problems" in summary
    timexes = pd.read_csv(tmp_path / "timexes.csv", keep_default_na=False)
    events = pd.read_csv(tmp_path / "events.csv", keep_default_na=False)
    assert list(timexes.columns)[:len(TIMEX_COLUMNS)] == TIMEX_COLUMNS
    assert list(events.columns) == EVENT_COLUMNS + FACT_COLUMNS
    assert {"Carlo Ancelotti", "Kylian Mbappé"} <= set(events.person)
    assert set(pd.read_csv(tmp_path / "documents.csv").doc_id) == {
        "000_2364bb4553849788", "002_611d023f96ef1a00"}


def test_bad_lines_are_reported_and_the_rest_processed(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "a", "text": "Op 3 mei 2022 tekende Jan Jansen bij Ajax.",
                               "published": "2022-05-04"}) + "\n{broken\n")
    assert main([str(src), "--out", str(tmp_path / "out")]) == 0
    assert f"{src}:2: error: malformed JSON" in capsys.readouterr().err
    problems = pd.read_csv(tmp_path / "out" / "problems.csv")
    assert problems.line.tolist() == [2]
    assert pd.read_csv(tmp_path / "out" / "documents.csv").doc_id.tolist() == ["a"]


def test_exit_code_is_nonzero_only_when_nothing_could_be_read(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert main([str(empty), "--out", str(tmp_path / "out")]) == 1
    assert "empty" in pd.read_csv(tmp_path / "out" / "problems.csv").message[0]


def test_relative_dates_stay_unresolved_without_publication_date(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "a", "lang": "nl",
                               "text": "Gisteren won Ajax. Op 3 mei 2022 verloor PSV."}) + "\n")
    main([str(src), "--out", str(tmp_path)])
    timexes = pd.read_csv(tmp_path / "timexes.csv", keep_default_na=False).set_index("text")
    assert timexes.loc["Gisteren", "start"] == ""
    assert "2022-05-03" in timexes.loc[timexes.index.str.contains("3 mei 2022"), "start"].tolist()


def test_timeml_output(tmp_path):
    main([str(SAMPLE_ARTICLES), "--out", str(tmp_path), "--format", "timeml", "--quiet"])
    tml = (tmp_path / "timeml" / "002_611d023f96ef1a00.tml").read_text()
    assert "<TIMEX3" in tml and 'value="2026"' in tml


def test_runs_as_module(tmp_path):
    done = subprocess.run([sys.executable, "-m", "extract", str(SAMPLE_ARTICLES), "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "events.csv").exists()
