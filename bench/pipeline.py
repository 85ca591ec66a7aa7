"""End-to-end speed: the whole extraction pipeline against dateparser's search_dates alone.

    python bench/pipeline.py [--docs PATH] [--mb 2] [--sample-seconds 30]

Issue 5 asks that temporal tagging, persons and linking together stay at least 10x faster
than dateparser's `search_dates(languages=[lang])` on the same articles. Both are measured
in this run, in CPU seconds of this process (see bench/temporal.py for the corpus and the
sampling of dateparser). Exits 1 below the target.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporal import DEFAULT_DOCS, corpus, load, time_dateparser  # noqa: E402

from extract.pipeline import process_article  # noqa: E402
from extract.records import Article  # noqa: E402

TARGET_RATIO = 10.0


def articles(docs: list[dict]) -> list[Article]:
    return [Article(doc_id=str(n), text=d["text"], published=d["published"], lang=d["lang"])
            for n, d in enumerate(docs)]


def time_pipeline(docs: list[Article], megabytes: float):
    count = events = 0
    began, wall = time.process_time(), time.perf_counter()
    for article in corpus_of_articles(docs, megabytes):
        events += len(process_article(article).events)
        count += 1
    return count, events, time.process_time() - began, time.perf_counter() - wall


def corpus_of_articles(docs: list[Article], megabytes: float):
    by_text = {a.text: a for a in docs}
    for d in corpus([{"text": a.text} for a in docs], megabytes):
        yield by_text[d["text"]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--sample-seconds", type=float, default=30.0)
    args = ap.parse_args(argv)
    docs = load(args.docs)
    items = articles(docs)
    load_began = time.perf_counter()
    for article in items:  # load lexicons and compile patterns once, as a long-running process has
        process_article(article)
    print(f"warm-up:    every stage once over {len(items)} articles in {time.perf_counter() - load_began:.2f} s wall")
    n, events, cpu, wall = time_pipeline(items, args.mb)
    ours = n / cpu
    print(f"pipeline:   {n} articles ({args.mb:.1f} MB) in {cpu:.2f} CPU s ({wall:.2f} s wall) = "
          f"{ours:,.0f} articles/s, {events} events")
    dp_n, dp_s, dp_wall = time_dateparser(docs, args.mb, args.sample_seconds)
    baseline = dp_n / dp_s
    print(f"dateparser: search_dates on {dp_n} distinct articles in {dp_s:.2f} CPU s "
          f"({dp_wall:.2f} s wall) = {baseline:,.1f} articles/s")
    ratio = ours / baseline
    ok = ratio >= TARGET_RATIO
    print(f"ratio:      the whole pipeline is {ratio:.1f}x faster than dateparser's search alone "
          f"(target >= {TARGET_RATIO:.0f}x)")
    print("result:     " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
