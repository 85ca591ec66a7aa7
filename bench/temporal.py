"""Speed and memory of the temporal stage against dateparser's search_dates, in one run.

    python bench/temporal.py [--docs PATH] [--warm 20] [--sample-seconds 30]

Both run on the same distinct articles of --docs (default: the Dutch MEANTIME articles),
each once: the first --warm articles load the patterns and warm the caches and are not
timed; the rest are timed. dateparser is slow, so it reads the same timed articles in
order until --sample-seconds of CPU have passed; rates are compared in characters per
second, as article lengths differ. Peak memory (tracemalloc) over the first half and over
all timed articles shows whether it grows with the corpus. Exits 1 below 20x.

Rates are CPU seconds of this process (time.process_time), for both engines, so that other
work on a shared machine does not tilt the ratio; wall-clock seconds are printed as well.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.temporal import find_timexes  # noqa: E402

DEFAULT_DOCS = ROOT / "data" / "meantime_nl" / "meantime_nl_docs.jsonl"
TARGET_RATIO = 20.0


def load(path: Path) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                published = d.get("published")
                docs.append({"text": d["text"], "lang": (d.get("lang") or "nl").lower(),
                             "published": dt.datetime.fromisoformat(published) if published else None})
    return docs


def distinct(docs: list[dict]) -> list[dict]:
    seen, out = set(), []
    for d in docs:
        if d["text"] not in seen:
            seen.add(d["text"])
            out.append(d)
    return out


def time_ours(docs):
    count = size = mentions = 0
    began, wall = time.process_time(), time.perf_counter()
    for d in docs:
        mentions += len(find_timexes(d["text"], d["lang"], d["published"]))
        count += 1
        size += len(d["text"])
    return count, size, mentions, time.process_time() - began, time.perf_counter() - wall


def time_dateparser(docs, seconds):
    from dateparser.search import search_dates
    search_dates("3 mei 2022", languages=[docs[0]["lang"]])  # load its language data first
    count = size = 0
    began, wall = time.process_time(), time.perf_counter()
    for d in docs:  # distinct articles only: a repeated text would hit dateparser's caches
        search_dates(d["text"], languages=[d["lang"]])
        count, size = count + 1, size + len(d["text"])
        if time.process_time() - began >= seconds and count >= min(len(docs), 10):
            break
    return count, size, time.process_time() - began, time.perf_counter() - wall


def peak_memory(docs) -> float:
    tracemalloc.start()
    for d in docs:
        find_timexes(d["text"], d["lang"], d["published"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    ap.add_argument("--warm", type=int, default=20, help="articles that warm the caches, not timed")
    ap.add_argument("--sample-seconds", type=float, default=30.0, help="CPU budget for dateparser")
    args = ap.parse_args(argv)
    docs = distinct(load(args.docs))
    warm, timed = docs[:args.warm], docs[args.warm:]
    for d in warm:  # compile the patterns and their gates once, as a long-running process has
        find_timexes(d["text"], d["lang"], d["published"])
    n, size, mentions, ours_s, ours_wall = time_ours(timed)
    ours_rate = size / ours_s
    print(f"corpus:     {n} distinct articles timed from {args.docs.name} ({size / 1e6:.2f} M chars), "
          f"{len(warm)} others warmed the caches")
    print(f"ours:       {ours_s:.2f} CPU s ({ours_wall:.2f} s wall) = {n / ours_s:,.0f} articles/s, "
          f"{ours_rate:,.0f} chars/s, {mentions} mentions")
    dp_n, dp_size, dp_s, dp_wall = time_dateparser(timed, args.sample_seconds)
    dp_rate = dp_size / dp_s
    print(f"dateparser: search_dates(languages=[lang]) on the first {dp_n} of the same articles in "
          f"{dp_s:.2f} CPU s ({dp_wall:.2f} s wall) = {dp_n / dp_s:,.1f} articles/s, {dp_rate:,.0f} chars/s")
    ratio = ours_rate / dp_rate
    print(f"ratio:      ours is {ratio:.1f}x faster in chars/s (target >= {TARGET_RATIO:.0f}x)")
    half = timed[:len(timed) // 2]
    peak_small, peak_large = peak_memory(half), peak_memory(timed)
    print(f"memory:     peak {peak_small:.2f} MB over {len(half)} articles, {peak_large:.2f} MB over "
          f"{len(timed)} (tracemalloc; flat = independent of corpus size)")
    ok = ratio >= TARGET_RATIO and peak_large <= 1.5 * peak_small + 1
    print("result:     " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
