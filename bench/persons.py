"""Speed of the person stages (find_persons + link_events) against the temporal stage.

    .venv/bin/python bench/persons.py [--repeat N] [--docs FILE.jsonl ...]

Runs every stage once to load its lexicons (load times are printed separately), then
times each stage over the corpus N times in CPU time of this process (the machine is
shared: wall time swings with other jobs, CPU time much less) and prints characters per second and the ratio
persons+linking / temporal (issue 5 asks for less than 1). The default corpus is the Dutch
and English MEANTIME documents in ../shared/eval/dev/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import sentences  # noqa: E402
from extract import document  # noqa: E402
from extract.linking import link_events  # noqa: E402
from extract.persons import find_persons  # noqa: E402
from extract.records import Article  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "eval" / "dev" / f"meantime_{code}_docs.jsonl" for code in ("nl", "en")]


def load(paths):
    docs = []
    for path in paths:
        if not Path(path).exists():
            continue
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                published = dt.datetime.fromisoformat(d["published"]) if d.get("published") else None
                docs.append(Article(str(d["doc_id"]), d["text"], published, d.get("lang", "nl")))
    return docs


def clock(fn, repeat):
    best = None
    for _ in range(repeat):
        t = time.process_time()
        fn()
        took = time.process_time() - t
        best = took if best is None else min(best, took)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--docs", nargs="*", default=[str(p) for p in DEFAULT])
    args = ap.parse_args(argv)
    docs = load(args.docs)
    if not docs:
        print("no documents found", file=sys.stderr)
        return 1
    chars = sum(len(a.text) for a in docs)
    try:
        from extract.temporal import find_timexes
    except ImportError:
        find_timexes = None

    t = time.process_time()
    for lang in sorted({a.lang for a in docs}):
        find_persons("Carlo Ancelotti zei het.", lang)
    print(f"persons lexicons load: {time.process_time() - t:.2f} s (once per process)")
    timexes = {}
    if find_timexes is not None:
        t = time.process_time()
        timexes = {a.doc_id: find_timexes(a.text, a.lang, a.published) for a in docs}
        print(f"temporal first pass (incl. loading): {time.process_time() - t:.2f} s")
    persons = {a.doc_id: find_persons(a.text, a.lang) for a in docs}

    t_persons = clock(lambda: [find_persons(a.text, a.lang) for a in docs], args.repeat)
    built = {a.doc_id: document.build(a, timexes=timexes.get(a.doc_id, []), mentions=persons[a.doc_id])
             for a in docs}
    t_link = clock(lambda: [link_events(built[a.doc_id]) for a in docs], args.repeat)
    def both() -> float:
        """As the pipeline runs them: both stages on one article, then the next article. In
        the pipeline the temporal stage has split the article into sentences just before
        (one cached split, shared by all stages): that split is done here too, untimed."""
        took = 0.0
        for a in docs:
            sentences.split(a.text, a.lang)
            t = time.process_time()
            link_events(document.build(a, timexes=timexes.get(a.doc_id, [])))
            took += time.process_time() - t
        return took

    # the temporal stage is timed in alternation with it so that machine load hits both alike
    temporal = (lambda: [find_timexes(a.text, a.lang, a.published) for a in docs]) if find_timexes else None
    t_split = clock(lambda: [sentences.split.__wrapped__(a.text, a.lang) for a in docs], args.repeat)
    ours = t_temporal = None
    for _ in range(args.repeat):
        took = both()
        ours = took if ours is None else min(ours, took)
        if temporal is not None:
            took = clock(temporal, 1)
            t_temporal = took if t_temporal is None else min(t_temporal, took)
    print(f"{len(docs)} docs, {chars:,} chars, best of {args.repeat}")
    print(f"  persons:          {t_persons:7.3f} s  {chars / t_persons:12,.0f} chars/s")
    print(f"  linking:          {t_link:7.3f} s  {chars / t_link:12,.0f} chars/s  (alone)")
    print(f"  persons+linking:  {ours:7.3f} s  {chars / ours:12,.0f} chars/s  (per article, as in the pipeline)")
    print(f"  sentence split:   {t_split:7.3f} s  (shared; in the pipeline the temporal stage pays it)")
    if t_temporal is not None:
        print(f"  temporal:         {t_temporal:7.3f} s  {chars / t_temporal:12,.0f} chars/s")
        print(f"  ratio persons+linking / temporal: {ours / t_temporal:.2f} (target < 1)")
    frog = 7000  # chars/s, Debian's frog NER on Dutch news (issue 5)
    print(f"  speed-up over frog (7,000 chars/s): {chars / ours / frog:.0f}x (target >= 100x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
