"""Speed and memory of the temporal stage against dateparser's search_dates, in one run.

    python bench/temporal.py [--docs PATH] [--mb 2] [--sample-seconds 20]

Both run on the same articles: the documents of --docs (default: the Dutch MEANTIME
articles), repeated until the corpus holds at least --mb megabytes of text. Our engine
processes the whole corpus; dateparser is slow, so it is timed on a sample: the distinct
articles in order until --sample-seconds of CPU have passed or all were read once (a
repeated text would be served from dateparser's caches and flatter it). Peak memory
is measured with tracemalloc while streaming corpora of two sizes through our engine:
it must not grow with the corpus. Exits 1 when ours is less than 20x faster.

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
from itertools import cycle, islice
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


def corpus(docs: list[dict], megabytes: float):
    """Articles from `docs`, repeated, until `megabytes` of text have been yielded."""
    need, total = megabytes * 1_000_000, 0
    for d in cycle(docs):
        if total >= need:
            return
        total += len(d["text"].encode("utf-8"))
        yield d


def time_ours(docs, megabytes):
    count = size = mentions = 0
    began, wall = time.process_time(), time.perf_counter()
    for d in corpus(docs, megabytes):
        mentions += len(find_timexes(d["text"], d["lang"], d["published"]))
        count += 1
        size += len(d["text"].encode("utf-8"))
    return count, size, mentions, time.process_time() - began, time.perf_counter() - wall


def time_dateparser(docs, megabytes, seconds):
    from dateparser.search import search_dates
    search_dates("3 mei 2022", languages=[docs[0]["lang"]])  # load its language data first
    count, began, wall = 0, time.process_time(), time.perf_counter()
    for d in docs:  # distinct articles only: a repeated text would hit dateparser's caches
        search_dates(d["text"], languages=[d["lang"]])
        count += 1
        if time.process_time() - began >= seconds and count >= min(len(docs), 10):
            break
    return count, time.process_time() - began, time.perf_counter() - wall


def peak_memory(docs, megabytes) -> float:
    tracemalloc.start()
    for d in corpus(docs, megabytes):
        find_timexes(d["text"], d["lang"], d["published"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in megabytes of text")
    ap.add_argument("--sample-seconds", type=float, default=30.0, help="CPU budget for dateparser")
    args = ap.parse_args(argv)
    docs = load(args.docs)
    for d in docs:  # compile the patterns and their gates once, as a long-running process has
        find_timexes(d["text"], d["lang"], d["published"])

    n, size, mentions, ours_s, ours_wall = time_ours(docs, args.mb)
    ours_rate = n / ours_s
    print(f"corpus: {len(docs)} distinct articles from {args.docs.name}, repeated to {n} articles, "
          f"{size / 1e6:.2f} MB of text")
    print(f"ours:       {n} articles in {ours_s:.2f} CPU s ({ours_wall:.2f} s wall) = {ours_rate:,.0f} "
          f"articles/s ({size / 1e6 / ours_s:.2f} MB/s, {mentions} mentions)")
    dp_n, dp_s, dp_wall = time_dateparser(docs, args.mb, args.sample_seconds)
    dp_rate = dp_n / dp_s
    print(f"dateparser: search_dates(languages=[lang]) on a sample: the first {dp_n} distinct articles "
          f"in {dp_s:.2f} CPU s ({dp_wall:.2f} s wall) = {dp_rate:,.1f} articles/s")
    ratio = ours_rate / dp_rate
    print(f"ratio:      ours is {ratio:.1f}x faster (target >= {TARGET_RATIO:.0f}x)")
    small, large = args.mb / 4, args.mb
    peak_small, peak_large = peak_memory(docs, small), peak_memory(docs, large)
    print(f"memory:     peak {peak_small:.2f} MB over {small:.2f} MB of text, "
          f"{peak_large:.2f} MB over {large:.2f} MB (tracemalloc; flat = independent of corpus size)")
    ok = ratio >= TARGET_RATIO and peak_large <= 1.5 * peak_small + 1
    print("result:     " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
