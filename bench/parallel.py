"""Extraction that scales: process pool and Dask against one job, and memory on big input.

    python bench/parallel.py [--articles 3000] [--memory-gb 0.1 1.0] [--skip-dask]

Every figure is a whole `python -m extract add` run into a new store, as a user runs it,
over DISTINCT articles (the 1,434 DPG articles of ../main/.eval/dpg_docs.jsonl when that
file is there, topped up with distinct synthetic ones; see bench/synthetic.py):
  one job      --jobs 1 in the command's own process (the baseline)
  pool         --jobs N (all cores): the speed-up against one job (target >= 1.8x)
  dask         --dask local with N workers: the cost per million articles, measured here
               (worker core-seconds, wall) and projected for a cluster of W workers
  memory       peak resident memory of the whole process tree (main + workers, sampled)
               for synthetic inputs of each --memory-gb size: flat means ~ the same peak.
Exit status 0 always: this reports, it does not gate.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402

DPG = ROOT.parent / "main" / ".eval" / "dpg_docs.jsonl"
SEED_ENV = {"PYTHONHASHSEED": "6640"}


def corpus(path: Path, n: int) -> tuple[int, str]:
    """`n` distinct articles: DPG first (when present), then synthetic."""
    seen, lines = set(), []
    if DPG.exists():
        for line in DPG.open(encoding="utf-8"):
            d = json.loads(line)
            if d.get("text") and d["text"] not in seen:
                seen.add(d["text"])
                lines.append(line if line.endswith("\n") else line + "\n")
    lines = lines[:n]
    k = 0
    while len(lines) < n:
        lines.append(json.dumps(synthetic.article(k, seed=7), ensure_ascii=False) + "\n")
        k += 1
    path.write_text("".join(lines), encoding="utf-8")
    dpg = min(n, len(seen))
    return n, f"{dpg} DPG + {n - dpg} synthetic"


def run_add(inp: Path, store: Path, *extra: str) -> dict:
    """Wall seconds, CPU seconds of the tree and its peak RSS for one `add` run."""
    cmd = [sys.executable, "-m", "extract", "add", str(inp), "--store", str(store), "--quiet", *extra]
    began = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT, env={**os.environ, **SEED_ENV},
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak, cpu = 0, {}
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
            for p in tree:
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - began
    out, err = proc.communicate()
    if proc.returncode:
        print(err.decode()[-2000:], file=sys.stderr)
    return {"wall": wall, "cpu": sum(cpu.values()), "peak": peak, "out": out.decode().strip()}


def speed(tmp: Path, n: int, skip_dask: bool) -> None:
    inp = tmp / "speed.jsonl"
    n, what = corpus(inp, n)
    jobs = len(os.sched_getaffinity(0))
    print(f"speed: {n} distinct articles ({what}), {jobs} cores")
    one = run_add(inp, tmp / "s1", "--jobs", "1")
    pool = run_add(inp, tmp / "s2", "--jobs", str(jobs))
    print(f"  one job     {one['wall']:7.1f} s wall  {n / one['wall']:7.0f} articles/s")
    print(f"  pool x{jobs}     {pool['wall']:7.1f} s wall  {n / pool['wall']:7.0f} articles/s   "
          f"speed-up {one['wall'] / pool['wall']:.2f}x (target >= 1.8x)")
    if skip_dask:
        return
    dask = run_add(inp, tmp / "s3", "--dask", "local", "--jobs", str(jobs))
    per_m_wall = dask["wall"] / n * 1e6
    core_s = dask["cpu"] / n * 1e6
    print(f"  dask local  {dask['wall']:7.1f} s wall  {n / dask['wall']:7.0f} articles/s   "
          f"({jobs} workers; {dask['cpu']:.0f} core-seconds in the process tree)")
    print(f"  dask cost per million articles, measured here: {per_m_wall / 3600:.2f} h wall on "
          f"{jobs} workers, {core_s / 3600:.1f} core-hours")
    for workers in (16, 64, 256):
        print(f"    projected on {workers:3d} workers (one core each, same speed per core): "
              f"{core_s / workers / 60:6.1f} min wall per million, {core_s / 3600:.1f} core-hours "
              "(+ the client's commits, measured in the one-job run)")


def memory(tmp: Path, sizes: list[float]) -> None:
    jobs = len(os.sched_getaffinity(0))
    peaks = []
    for gb in sizes:
        inp = tmp / f"mem-{gb}.jsonl"
        began = time.perf_counter()
        n = synthetic.write_jsonl(inp, target_bytes=int(gb * 2**30), seed=11)
        made = time.perf_counter() - began
        r = run_add(inp, tmp / f"m-{gb}", "--jobs", str(jobs))
        peaks.append(r["peak"])
        print(f"memory: {gb:.2f} GiB input ({n} synthetic articles, written in {made:.0f} s): "
              f"peak RSS of main + {jobs} workers {r['peak'] / 2**20:.0f} MiB, "
              f"{r['wall']:.0f} s wall, {n / r['wall']:.0f} articles/s")
        inp.unlink()
    if len(peaks) > 1:
        print(f"  peak at {sizes[-1]} GiB / peak at {sizes[0]} GiB = {peaks[-1] / peaks[0]:.2f} "
              "(flat: ~1)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--memory-gb", type=float, nargs="*", default=[0.1, 1.0])
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as tmp:
        if not args.skip_speed:
            speed(Path(tmp), args.articles, args.skip_dask)
        if args.memory_gb:
            memory(Path(tmp), args.memory_gb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
