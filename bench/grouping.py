"""Fact grouping (`extract.corroborate.group_facts`) on a generated million events.

    .venv/bin/python bench/grouping.py [--events 1000000]

Issue 9: grouping must be near-linear in the number of events (blocking by person and a
sweep over sorted dates), shown on 1,000,000 events with time and memory. The events are
generated: persons drawn by Zipf's law from 100,000 names (the most reported person has
8% of all events, as a dominant figure of a news archive might), dates over twenty years with news's mix of grains (day, month, year, season),
labels from a vocabulary of 2,000 words, 30% of events repeated by a second source. The
run is timed at a tenth and at the full size: the ratio of the two times against the
ratio of sizes says how far from linear it is. Memory: peak Python allocations
(tracemalloc) of the full run. Exit status 0 always: this reports, it does not gate.
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.corroborate import group_facts  # noqa: E402

GRAINS = {"day": (0.65, 1), "month": (0.15, 30), "season": (0.05, 91), "year": (0.15, 365)}


def events(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    persons = np.array([f"Person {i} Achternaam{i % 997}" for i in range(100_000)])
    rank = 1.0 / np.arange(1, len(persons) + 1)  # Zipf: the k-th person has 1/k of the first's
    who = persons[rng.choice(len(persons), n, p=rank / rank.sum())]
    start = pd.Timestamp("2005-01-01") + pd.to_timedelta(rng.integers(0, 20 * 365, n), unit="D")
    names, weights = zip(*((g, w) for g, (w, _) in GRAINS.items()))
    grain = rng.choice(names, n, p=np.array(weights) / sum(weights))
    width = np.array([GRAINS[g][1] for g in grain])
    end = start + pd.to_timedelta(width - 1, unit="D")
    vocabulary = np.array([f"woord{i}" for i in range(2000)])
    label = [" ".join(ws) for ws in vocabulary[rng.integers(0, 2000, (n, 5))]]
    etype = rng.choice(["match", "transfer", "contract", "other", "statement"], n)
    doc = rng.integers(0, n // 8 + 1, n).astype(str)
    frame = pd.DataFrame({"person": who, "start": start.strftime("%Y-%m-%d"),
                          "end": end.strftime("%Y-%m-%d"), "event_type": etype, "label": label,
                          "doc_id": doc, "source": "bench"})
    repeat = frame.sample(frac=0.3, random_state=seed).assign(doc_id=lambda f: f["doc_id"] + "b")
    return pd.concat([frame, repeat], ignore_index=True).head(n)


def timed(frame: pd.DataFrame) -> tuple[float, int]:
    began = time.process_time()
    out = group_facts(frame)
    return time.process_time() - began, out["fact_id"].nunique()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    args = ap.parse_args(argv)
    small, full = events(args.events // 10), events(args.events)
    t_small, facts_small = timed(small)
    print(f"{len(small):>9,} events: {t_small:7.2f} CPU s, {facts_small:,} facts")
    t_full, facts_full = timed(full)
    print(f"{len(full):>9,} events: {t_full:7.2f} CPU s, {facts_full:,} facts")
    tracemalloc.start()
    timed(small)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory: peak {peak / 1e6:,.0f} MB of Python allocations for {len(small):,} events "
          f"(tracemalloc, timed apart: it slows the run)")
    print(f"growth: {t_full / t_small:.1f}x the time for {len(full) / len(small):.0f}x the events "
          f"(linear = {len(full) / len(small):.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
