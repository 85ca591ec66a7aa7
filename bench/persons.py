"""Where an article's time goes: temporal, persons and linking stages, on distinct articles.

    .venv/bin/python bench/persons.py [--docs FILE.jsonl ...] [--warm 20]

Every article is distinct and processed once: the first --warm articles load the lexicons
and warm the per-word caches and are not timed. Each stage is timed per article in CPU
seconds of this process, in the pipeline's order (temporal, persons, then linking over the
document built from both). Prints characters per second per stage, each stage's share,
and the two ratios the issues watch: persons + linking against temporal, and the linker's
share against the temporal stage's (issue 11: the linker stays below it). Default corpus:
the Dutch and English MEANTIME documents (the bundled Dutch copy, ../shared for English).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import read_distinct  # noqa: E402
from extract import document  # noqa: E402
from extract.linking import link_events  # noqa: E402
from extract.persons import analyse  # noqa: E402
from extract.temporal import find_timexes  # noqa: E402

DEFAULT = [ROOT / "data" / "meantime_nl" / "meantime_nl_docs.jsonl",
           ROOT.parent / "shared" / "eval" / "dev" / "meantime_en_docs.jsonl"]


def stages(article, took: dict[str, float]) -> None:
    t = time.process_time()
    timexes = find_timexes(article.text, article.lang, article.published)
    took["temporal"] += time.process_time() - t
    t = time.process_time()
    mentions = analyse(article.text, article.lang)[0]
    took["persons"] += time.process_time() - t
    doc = document.build(article, timexes=timexes, mentions=mentions)  # (repeats the person stage)
    t = time.process_time()
    link_events(doc)
    took["linking"] += time.process_time() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", nargs="*", default=[str(p) for p in DEFAULT])
    ap.add_argument("--warm", type=int, default=20)
    args = ap.parse_args(argv)
    docs = read_distinct(args.docs)
    if len(docs) <= args.warm:
        print("too few distinct documents", file=sys.stderr)
        return 1
    warm, timed = docs[:args.warm], docs[args.warm:]
    began = time.process_time()
    for a in warm:
        stages(a, {"temporal": 0.0, "persons": 0.0, "linking": 0.0})
    print(f"lexicons and warm-up on {len(warm)} articles: {time.process_time() - began:.2f} CPU s")
    took = {"temporal": 0.0, "persons": 0.0, "linking": 0.0}
    for a in timed:
        stages(a, took)
    chars, total = sum(len(a.text) for a in timed), sum(took.values())
    print(f"{len(timed)} distinct articles, {chars:,} chars, each once")
    for name, seconds in took.items():
        print(f"  {name:<9} {seconds:7.3f} CPU s  {chars / seconds:12,.0f} chars/s  {seconds / total:5.1%}")
    print(f"  persons+linking / temporal: {(took['persons'] + took['linking']) / took['temporal']:.2f}")
    print(f"  linking / temporal: {took['linking'] / took['temporal']:.2f} (issue 11: below 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
