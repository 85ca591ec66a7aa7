"""The command line is the contract the scorer and the dashboard rely on."""
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

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


def test_exit_code_is_nonzero_only_when_nothing_could_be_read(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert main([str(empty), "--out", str(tmp_path / "out")]) == 1
    said = capsys.readouterr()
    assert f"{empty}: error: the file is empty" in said.err and "left as it was" in said.out
    assert not (tmp_path / "out").exists()


def test_a_mistyped_input_leaves_good_results_untouched(tmp_path):
    out = tmp_path / "out"
    assert main([str(SAMPLE_ARTICLES), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main([str(tmp_path / "artciles"), "--out", str(out)]) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_output_location_is_checked_before_extracting(tmp_path, capsys, monkeypatch):
    from extract import pipeline
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: pytest.fail("extracted anyway"))
    (tmp_path / "file").write_text("")
    (tmp_path / "dir" / "events.csv").mkdir(parents=True)
    assert main([str(SAMPLE_ARTICLES), "--out", str(tmp_path / "file")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert main([str(SAMPLE_ARTICLES), "--out", str(tmp_path / "dir")]) == 2
    err = capsys.readouterr().err
    assert "did not write (events.csv)" in err and "Traceback" not in err


@pytest.mark.parametrize("delay, signum", [(0.3, "SIGINT"), (3.0, "SIGINT"), (3.0, "SIGTERM")])
def test_ctrl_c_says_in_one_line_what_was_kept(tmp_path, delay, signum):
    """A real SIGINT to a running command line: one line, no traceback."""
    import signal
    import time
    out, src = tmp_path / "out", tmp_path / "many.jsonl"
    text = (SAMPLE_ARTICLES / "000_2364bb4553849788.txt").read_text(encoding="utf-8")
    src.write_text("".join(json.dumps({"doc_id": str(n), "text": text, "published": "2022-05-05"})
                           + "\n" for n in range(400)))
    proc = subprocess.Popen([sys.executable, "-m", "extract", str(src), "--out", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)  # inside imports or extraction
    proc.send_signal(getattr(signal, signum))
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the signal arrived")
    assert proc.returncode == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("extract: interrupted"), err
    assert "kept unchanged" in lines[0]
    assert not out.exists() and os.listdir(tmp_path) == ["many.jsonl"]


def test_relative_dates_stay_unresolved_without_publication_date(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "a", "lang": "nl",
                               "text": "Gisteren won Ajax. Op 3 mei 2022 verloor PSV."}) + "\n")
    main([str(src), "--out", str(tmp_path / "out")])
    timexes = pd.read_csv(tmp_path / "out" / "timexes.csv", keep_default_na=False).set_index("text")
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


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def one_job_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("one") / "out"
    argv = [str(SAMPLE_ARTICLES), str(ROOT / "data" / "meantime_nl"), "--quiet",
            "--format", "timeml", "--format", "parquet", "--out", str(out)]
    assert main(argv + ["--jobs", "1"]) == 0
    return argv[:-1], _files(out)


def test_jobs_write_the_files_of_one_job(tmp_path, one_job_files):
    argv, expected = one_job_files
    assert main(argv + [str(tmp_path / "out"), "--jobs", "2"]) == 0
    assert _files(tmp_path / "out") == expected


def test_an_article_failing_in_a_worker_is_the_problem_row_of_one_job(tmp_path, monkeypatch):
    from extract import pipeline
    real = pipeline.process_article

    def flaky(article):      # forked workers inherit the patch
        if article.doc_id.endswith("7"):
            raise ValueError("boom")
        return real(article)
    monkeypatch.setattr(pipeline, "process_article", flaky)
    argv = [str(SAMPLE_ARTICLES), str(ROOT / "data" / "meantime_nl"), "--quiet", "--out"]
    assert main(argv + [str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert main(argv + [str(tmp_path / "two"), "--jobs", "2"]) == 0
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    problems = pd.read_csv(tmp_path / "two" / "problems.csv")
    assert len(problems) and problems.message.str.contains("boom").all()


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(tmp_path, capsys, value):
    with pytest.raises(SystemExit) as exit_:
        main([str(SAMPLE_ARTICLES), "--out", str(tmp_path / "out"), "--jobs", value])
    assert exit_.value.code == 2
    assert "--jobs" in capsys.readouterr().err and not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_dask_local_cluster_writes_the_files_of_one_job(tmp_path, one_job_files):
    argv, expected = one_job_files
    assert main(argv + [str(tmp_path / "out"), "--jobs", "2", "--dask", "local"]) == 0
    assert _files(tmp_path / "out") == expected
