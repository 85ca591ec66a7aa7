"""Speed of the whole extractor on distinct news, against dateparser in the same run.

    python bench/pipeline.py [--docs PATH ...] [--warm 20] [--dateparser-seconds 60]

Honest by construction:
- every article is distinct (texts deduplicated) and processed once per timing;
- the lexicons are loaded, and the per-word caches warmed, on a disjoint warm-up set (the
  first --warm articles); the timed set is the rest, which those caches have never seen;
- dateparser's `search_dates(text, languages=[lang])` runs on the same timed articles.

Two comparisons per corpus:
  in process     CPU seconds of `process_article` for every timed article plus the corpus
                 steps (canonical names, fact grouping: `build_tables`), against dateparser's
                 CPU seconds on the same articles (a budget of --dateparser-seconds; its rate
                 is taken in characters per second, as article lengths differ);
  whole process  wall seconds of `python -m extract FILE --out DIR` (start-up, reading,
                 extraction, grouping, writing) against a process that imports dateparser
                 and searches the same file. Peak RSS of both processes is printed.
Targets (issue 9, per core, on distinct real news): in process >= 10x, whole process >= 8x
on 1,000+ articles. Chars/s by article-length quartile show whether time is linear in length.

Corpora by default: the bundled Dutch MEANTIME copy, the English MEANTIME documents beside
the project (../shared/eval/dev/meantime_en_docs.jsonl) and the seed articles. `--docs` takes
any JSONL of articles (doc_id, text, published, lang) or folder the command line reads.
Exit status 0 always: this reports, it does not gate.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import read_distinct  # noqa: E402
from extract.pipeline import build_tables, process_article  # noqa: E402
from extract.records import Article  # noqa: E402

BUNDLED = [ROOT / "data" / "meantime_nl" / "meantime_nl_docs.jsonl",
           ROOT.parent / "shared" / "eval" / "dev" / "meantime_en_docs.jsonl"]
# a child reports its own high-water RSS (VmHWM: reset by exec, unlike ru_maxrss of a fork)
PEAK = ("import atexit, sys\n"
        "atexit.register(lambda: print('VmHWM', [l.split()[1] for l in open('/proc/self/status')"
        " if l.startswith('VmHWM')][0], file=sys.stderr))\n")
OURS_PROCESS = PEAK + "import runpy; sys.argv = ['extract', *sys.argv[1:]]; runpy.run_module('extract', run_name='__main__')\n"
IN_PROCESS_TARGET, WHOLE_PROCESS_TARGET = 10.0, 8.0
DATEPARSER_PROCESS = PEAK + """
import json
from dateparser.search import search_dates
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    search_dates(d["text"], languages=[d["lang"]])
    n += 1
print(n)
"""


def in_process(timed: list[Article]) -> tuple[float, int]:
    began = time.process_time()
    results = [process_article(a) for a in timed]
    tables = build_tables(results, [])
    return time.process_time() - began, len(tables.events)


def dateparser_in_process(timed: list[Article], budget: float) -> tuple[int, int, float]:
    from dateparser.search import search_dates
    search_dates("3 mei 2022", languages=[timed[0].lang])  # its language data, loaded once
    n = chars = 0
    began = time.process_time()
    for a in timed:
        search_dates(a.text, languages=[a.lang])
        n, chars = n + 1, chars + len(a.text)
        if time.process_time() - began >= budget and n >= 10:
            break
    return n, chars, time.process_time() - began


def run_process(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of a child process that prints its VmHWM at exit."""
    began = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - began
    if done.returncode != 0:
        print(f"  (warning: the child exited {done.returncode}: {done.stderr[-300:]})")
    peaks = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("VmHWM")]
    return wall, int(peaks[-1]) / 1024 if peaks else float("nan")


def write_jsonl(articles: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"doc_id": a.doc_id, "text": a.text, "lang": a.lang, "title": a.title,
                                 "published": a.published.isoformat() if a.published else None},
                                ensure_ascii=False) + "\n")


def quartiles(timed: list[Article]) -> str:
    """Chars/s per quarter of the articles by length: flat when time is linear in length."""
    ordered = sorted(timed, key=lambda a: len(a.text))
    k = max(1, len(ordered) // 4)
    parts = []
    for i in range(0, len(ordered), k):
        group = ordered[i:i + k]
        began = time.process_time()
        for a in group:
            process_article(a)
        took = max(time.process_time() - began, 1e-9)
        parts.append(f"{sum(len(a.text) for a in group) / len(group):,.0f} chars: "
                     f"{sum(len(a.text) for a in group) / took:,.0f}/s")
    return "; ".join(parts)


def bench(path: Path, warm: int, budget: float) -> None:
    articles = read_distinct([path])
    if len(articles) <= warm:
        warm = max(1, len(articles) // 5)
    warm_set, timed = articles[:warm], articles[warm:]
    if not timed:
        print(f"== {path.name}: too few distinct articles")
        return
    # the warm-up builds its tables too: pandas, imported when tables are first built, is
    # start-up (timed apart), as dateparser's language data is loaded before its timing
    build_tables([process_article(a) for a in warm_set], [])
    chars = sum(len(a.text) for a in timed)
    print(f"== {path.name}: {len(timed)} distinct articles timed ({chars / 1e6:.2f} M chars), "
          f"{len(warm_set)} others warmed the caches")
    cpu, events = in_process(timed)
    ours = chars / cpu
    print(f"  in process   ours        {cpu:7.2f} CPU s  {len(timed) / cpu:8,.0f} articles/s  "
          f"{ours:10,.0f} chars/s  ({events} events)")
    n, dp_chars, dp_cpu = dateparser_in_process(timed, budget)
    theirs = dp_chars / dp_cpu
    print(f"               dateparser  {dp_cpu:7.2f} CPU s  {n / dp_cpu:8,.1f} articles/s  "
          f"{theirs:10,.0f} chars/s  (first {n} of the same articles)")
    ratio = ours / theirs
    print(f"               ratio {ratio:5.1f}x  (target >= {IN_PROCESS_TARGET:.0f}x: "
          f"{'PASS' if ratio >= IN_PROCESS_TARGET else 'FAIL'})")
    print(f"  by length    {quartiles(timed)}")
    with tempfile.TemporaryDirectory() as work:
        src = Path(work) / "timed.jsonl"
        write_jsonl(timed, src)
        wall, rss = run_process([sys.executable, "-c", OURS_PROCESS, str(src), "--out",
                                 str(Path(work) / "out"), "--quiet"])
        dp_wall, dp_rss = run_process([sys.executable, "-c", DATEPARSER_PROCESS, str(src)])
    ratio = dp_wall / wall
    print(f"  whole process ours {wall:6.2f} s wall, peak {rss:5.0f} MB; dateparser {dp_wall:6.2f} s, "
          f"peak {dp_rss:5.0f} MB; ratio {ratio:4.1f}x (target >= {WHOLE_PROCESS_TARGET:.0f}x on 1,000+ "
          f"articles: {'PASS' if ratio >= WHOLE_PROCESS_TARGET else 'FAIL'}"
          f"{'' if len(timed) >= 1000 else ', fewer articles here'})")


def start_up() -> None:
    """Import and lexicon loading for one article, as a fresh process (warm disk caches)."""
    code = PEAK + ("from extract.pipeline import process_article; from extract.records import Article;"
            "import datetime as dt; process_article(Article('x', 'Carlo Ancelotti won op 28 mei.', "
            "dt.datetime(2022, 5, 3), 'nl'))")
    run_process([sys.executable, "-c", code])  # the first run fills the disk and lexicon caches
    wall, rss = run_process([sys.executable, "-c", code])
    print(f"== start-up: import + lexicons + one article {wall:.2f} s wall (target < 0.6 s warm: "
          f"{'PASS' if wall < 0.6 else 'FAIL'}), peak {rss:.0f} MB")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, action="append", help="a corpus (repeatable); default: bundled")
    ap.add_argument("--warm", type=int, default=20, help="articles that warm the caches, not timed")
    ap.add_argument("--dateparser-seconds", type=float, default=60.0, help="CPU budget for dateparser")
    args = ap.parse_args(argv)
    start_up()
    for path in args.docs or [p for p in BUNDLED if p.exists()]:
        bench(path, args.warm, args.dateparser_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
