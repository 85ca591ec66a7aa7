"""Time per stage on one article of every shape that broke the pipeline (issue 10).

    python bench/robustness.py [--kb 25,100,1000] [--limit-seconds 60]

For each shape and size: document.build (temporal + persons), link_events, and the
tables (corroboration included), in CPU seconds, and the growth against the previous
size (linear = the size ratio). A stage that exceeds --limit-seconds is not run at the
larger sizes of that shape. Exits 1 when any stage grows more than 3x faster than the text.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract import document, pipeline  # noqa: E402
from extract.linking import link_events  # noqa: E402
from extract.records import Article  # noqa: E402
from tests.fuzz.test_pipeline_fuzz import shape  # noqa: E402

SHAPES = ["full stops", "no punctuation", "one huge quote", "one name repeated",
          "only digits", "only dates"]


def stages(text: str) -> dict[str, float]:
    article = Article("a", text, dt.datetime(2022, 5, 4), "nl")
    clock = time.process_time
    t0 = clock()
    doc = document.build(article)
    t1 = clock()
    events = link_events(doc)
    t2 = clock()
    pipeline.build_tables([pipeline.ArticleResult(article, doc.timexes, doc.mentions,
                                                  tuple(events))], [])
    return {"build": t1 - t0, "link": t2 - t1, "tables": clock() - t2}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", default="25,100,1000")
    ap.add_argument("--limit-seconds", type=float, default=60.0)
    args = ap.parse_args()
    sizes = [int(k) * 1000 for k in args.kb.split(",")]
    stages(shape("full stops", 2000))  # warm-up
    failed = False
    for name in SHAPES:
        previous = None
        for n in sizes:
            took = stages(shape(name, n))
            growth = ""
            if previous:
                ratio = n / previous[0]
                worst = max((took[s] / max(previous[1][s], 0.01), s) for s in took)
                growth = f"  growth x{worst[0]:.1f} ({worst[1]}) for x{ratio:.0f} text"
                failed |= worst[0] > 3 * ratio and took[worst[1]] > 1.0
            print(f"{name:18s} {n // 1000:5d} KB  " + "  ".join(f"{s} {t:7.2f}s" for s, t in took.items())
                  + growth, flush=True)
            previous = (n, took)
            if max(took.values()) > args.limit_seconds:
                print(f"{name:18s} stopped: over {args.limit_seconds:.0f}s", flush=True)
                break
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
