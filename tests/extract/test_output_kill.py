"""SIGINT and SIGKILL at every step of writing the output folder: readers see either the
previous run's complete files or the new run's, never a mix; the next run cleans up.

Each case forks the test process (the extractor is already loaded, so a case costs
milliseconds) and sends the signal from inside `extract.output._step`, the single seam
every change on disk goes through.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from pathlib import Path

import pytest

from extract import cli, output

ARTICLE = "Op 3 mei 2022 tekende Jan Jansen bij Ajax. Trainer Erik ten Hag vertrok in 2022."


def _inputs(tmp: Path) -> tuple[Path, Path]:
    old, new = tmp / "old.jsonl", tmp / "new.jsonl"
    old.write_text(json.dumps({"doc_id": "old", "text": ARTICLE, "published": "2022-05-04"}) + "\n")
    new.write_text("".join(json.dumps({"doc_id": f"new{n}", "text": ARTICLE,
                                       "published": "2023-01-0%d" % n}) + "\n" for n in (1, 2)))
    return old, new


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _count_steps(argv: list[str], monkeypatch) -> int:
    labels = []
    real = output._step
    monkeypatch.setattr(output, "_step", lambda label, *a: (labels.append(label), real(label, *a))[1])
    assert cli.main(argv) == 0
    monkeypatch.setattr(output, "_step", real)
    return len(labels)


def _child(argv, kill_at, sig, stderr_path, no_exchange):
    sys.stderr = open(stderr_path, "w")
    os.dup2(sys.stderr.fileno(), 2)
    seen = [0]
    real = output._step

    def step(label, *args):
        if seen[0] == kill_at:
            os.kill(os.getpid(), sig)
        seen[0] += 1
        return real(label, *args)

    output._step = step
    if no_exchange:
        output._exchange = lambda a, b: False
    code = cli.main(argv)
    sys.stderr.flush()
    os._exit(code)


def _run_killed(argv, kill_at, sig, stderr_path, no_exchange=False) -> int:
    proc = multiprocessing.get_context("fork").Process(
        target=_child, args=(argv, kill_at, sig, stderr_path, no_exchange))
    proc.start()
    proc.join(60)
    return proc.exitcode


@pytest.fixture
def runs(tmp_path, monkeypatch):
    """The previous run's folder, the new run's argv, both complete snapshots, step count."""
    old_in, new_in = _inputs(tmp_path)
    ref_old, ref_new = tmp_path / "ref_old", tmp_path / "ref_new"
    old_argv = [str(old_in), "--format", "timeml", "--quiet", "--out"]
    new_argv = [str(new_in), "--format", "parquet", "--quiet", "--out"]
    assert cli.main(old_argv + [str(ref_old)]) == 0
    n_steps = _count_steps(new_argv + [str(ref_new)], monkeypatch)
    return old_argv, new_argv, _snapshot(ref_old), _snapshot(ref_new), n_steps


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_a_signal_at_any_step_leaves_old_or_new_results_whole(tmp_path, runs, sig):
    old_argv, new_argv, old, new, n_steps = runs
    assert n_steps >= 10
    for kill_at in range(n_steps):
        out = tmp_path / f"out{kill_at}"
        assert cli.main(old_argv + [str(out)]) == 0
        err = tmp_path / f"err{kill_at}"
        code = _run_killed(new_argv + [str(out)], kill_at, sig, err)
        state = _snapshot(out)
        assert state in (old, new), f"mixed output after {sig.name} at step {kill_at}"
        if sig == signal.SIGINT:
            assert code == cli.EXIT_INTERRUPTED
            said = err.read_text().strip().splitlines()
            assert len(said) == 1 and said[0].startswith("extract: interrupted"), said
            assert ("written completely" in said[0]) == (state == new)
            assert _leftovers(out) == []
        else:
            assert code == -signal.SIGKILL
        assert cli.main(new_argv + [str(out)]) == 0  # the next run cleans up after a kill
        assert _snapshot(out) == new and _leftovers(out) == []


def test_without_an_atomic_exchange_the_next_run_repairs_the_folder(tmp_path, runs):
    old_argv, new_argv, old, new, n_steps = runs
    for kill_at in range(n_steps + 1):
        out = tmp_path / f"out{kill_at}"
        assert cli.main(old_argv + [str(out)]) == 0
        _run_killed(new_argv + [str(out)], kill_at, signal.SIGKILL, tmp_path / "err", True)
        # a run that reads nothing puts the previous folder back, and touches nothing else
        assert cli.main(["/nonexistent.jsonl", "--quiet", "--out", str(out)]) == 1
        assert _snapshot(out) in (old, new) and _leftovers(out) == []


def test_interrupt_during_extraction_keeps_the_previous_results(tmp_path, runs, monkeypatch):
    old_argv, new_argv, old, _, _ = runs
    out = tmp_path / "out"
    assert cli.main(old_argv + [str(out)]) == 0
    from extract import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "run", interrupted)
    assert cli.main(new_argv + [str(out)]) == cli.EXIT_INTERRUPTED
    assert _snapshot(out) == old and _leftovers(out) == []
