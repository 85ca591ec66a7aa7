"""Does the dashboard stay interactive at scale? The in-memory path against the store's.

1. The in-memory path (the baseline): 1,000,000 synthetic events (the extractor's
   columns) held in pandas; one interaction = the sidebar's masks, option counts, view
   and lane order (`dashboard.filters`), then each page's figure and its JSON.
2. Opening a store the old way (everything read into memory: `corpus.read_corpus`),
   for `--store-events` sizes, each in a fresh process: time and peak memory.
3. The app's path: a generated store of `--store-query-events` (default 10,000,000)
   events, and the same interactions asked of DuckDB as the app asks them
   (`dashboard.queries`), in a fresh process whose peak memory is printed.
Also a PNG export twice: the first call starts Chromium, the second reuses it.

    .venv/bin/python bench/dashboard.py [--events 1000000] [--repeat 3] [--no-export]
        [--store-events N ...] [--store-query-events N]

Exit status 0 always: this reports, it does not gate (CI runs the tests, not the bench).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

# This file is itself called dashboard.py: drop its folder from the path so that
# `import dashboard` finds the package, not this script.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

BUDGET_S = 1.0
EVENT_TYPES = ("match", "transfer", "contract", "appointment", "departure", "injury",
               "award", "tournament", "birth", "death", "statement", "other")
GRAIN_DAYS = {"day": 0, "month": 30, "year": 364, "season": 91, "week": 6}
FIRST = ["Carlo", "Toni", "Luka", "Virgil", "Frenkie", "Lieke", "Vivianne", "Arne", "Erik",
         "Daley", "Memphis", "Sari", "Jill", "Ronald", "Louis", "Johan", "Marco", "Ruud"]
LAST = ["Ancelotti", "Kroos", "Modric", "van Dijk", "de Jong", "Martens", "Miedema", "Slot",
        "ten Hag", "Blind", "Depay", "van Veenendaal", "Roord", "Koeman", "van Gaal",
        "Cruijff", "van Basten", "Gullit", "Bergkamp", "Sneijder"]


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """n events shaped like `extract.Tables.events` (ISO date strings, str columns)."""
    rng = np.random.default_rng(seed)
    people = np.array([f"{f} {last}" for f in FIRST for last in LAST], dtype=object)  # 360
    person = people[rng.zipf(1.3, n) % len(people)]
    first_day = dt.date(1960, 1, 1).toordinal()
    span = dt.date(2025, 12, 31).toordinal() - first_day
    start_ord = first_day + rng.integers(0, span, n)
    grains = np.array(list(GRAIN_DAYS), dtype=object)
    grain = grains[rng.choice(len(grains), n, p=[0.55, 0.2, 0.15, 0.05, 0.05])]
    length = pd.Series(grain).map(GRAIN_DAYS).to_numpy()
    epoch = dt.date(1970, 1, 1).toordinal()
    start = pd.to_datetime(start_ord - epoch, unit="D")
    end = pd.to_datetime(start_ord + length - epoch, unit="D")
    doc = rng.integers(0, n // 20 + 1, n)
    sentences = _bench_store().SENTENCES   # the generated store's too: the same searches
    template = rng.integers(0, len(sentences), n)
    sentence = [sentences[t].format(p=p) for t, p in zip(template, person)]
    sources = np.array([f"bron{i}.nl" for i in range(40)] + ["bbc.co.uk", "nos.nl"], dtype=object)
    source = sources[rng.integers(0, len(sources), n)]
    doc_id = pd.Series(doc).astype(str)
    events = pd.DataFrame({
        "event_id": doc_id + "#" + pd.Series(np.arange(n) % 50).astype(str),
        "doc_id": doc_id,
        "person": person,
        "start": start.strftime("%Y-%m-%d"),
        "end": end.strftime("%Y-%m-%d"),
        "grain": grain,
        "value": start.strftime("%Y-%m-%d"),
        "mod": "",
        "type": "DATE",
        "time_text": start.strftime("%d-%m-%Y"),
        "time_start_char": rng.integers(0, 3000, n),
        "time_end_char": rng.integers(3000, 3020, n),
        "label": np.array(EVENT_TYPES, dtype=object)[rng.integers(0, len(EVENT_TYPES), n)],
        "event_type": np.array(EVENT_TYPES, dtype=object)[rng.integers(0, len(EVENT_TYPES), n)],
        "confidence": rng.uniform(0.3, 1.0, n).round(3),
        "link_rule": "named in clause",
        "sentence": sentence,
        "sentence_start": rng.integers(0, 3000, n),
        "published": "2022-05-05T15:34",
        "title": "Artikel " + doc_id,
        "source": source,
        "url": "https://" + pd.Series(source) + "/" + doc_id,
        "fact_id": "f" + pd.Series(np.arange(n)).astype(str),
        "sources": doc_id,
        "n_sources": rng.integers(1, 4, n),
    })
    return events


def sidebar_work(events: pd.DataFrame, state):
    """What `dashboard.controls.render_sidebar` computes on a filter change, minus widgets:
    the masks, the counts shown next to each option, the filtered view, the lane order."""
    from dashboard.figures import lane_order
    from dashboard.filters import filter_masks, option_counts, outcome

    masks = filter_masks(events, state)
    for column, name in (("person", "person"), ("event_type", "event type"),
                         ("source", "source")):
        option_counts(events, masks, column, name)
    result = outcome(events, masks)
    view = result.select(["person", "start"]) if hasattr(result, "select") else result.shown
    return result, lane_order(view, "most events", state.persons)


def timeline_page_work(events: pd.DataFrame, result, lanes):
    """What `dashboard/pages/timeline.py` computes: the rows to draw, then the figure."""
    from dashboard import figures

    if hasattr(figures, "rows_to_draw"):
        chart_events = figures.rows_to_draw(events, result.keep, lanes)
    else:
        chart_events = result.shown
    return figures.timeline_figure(chart_events, lanes)


def people_page_work(events: pd.DataFrame, result, lanes):
    """What `dashboard/pages/people.py` computes: the filtered rows, then the bar chart."""
    from dashboard import figures

    return figures.type_counts_figure(result.shown, lanes[:40])


def timed(fn, *args, repeat: int = 3, **kwargs):
    """(median seconds, last result) over `repeat` calls."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args, **kwargs)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def verdict(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms  {'under' if seconds < BUDGET_S else 'OVER'} 1 s"


PAGES = {"timeline page": timeline_page_work, "people page": people_page_work}


def filter_changes(top: str, rare: str) -> dict:
    """The filter changes every run times: label -> FilterState."""
    from dashboard.filters import FilterState
    return {
        "no filter (everything)": FilterState(),
        f"one busy person ({top})": FilterState(persons=(top,)),
        f"one rare person ({rare})": FilterState(persons=(rare,)),
        "date range 2010-2015": FilterState(date_from=dt.date(2010, 1, 1),
                                            date_to=dt.date(2015, 12, 31)),
        "event type transfer + confidence>=0.8": FilterState(event_types=("transfer",),
                                                             min_confidence=0.8),
        "text search 'finale'": FilterState(text="finale"),
        "all filters at once": FilterState(persons=(top, rare), date_from=dt.date(2000, 1, 1),
                                           date_to=dt.date(2020, 12, 31),
                                           event_types=("transfer", "match"),
                                           min_confidence=0.5, min_sources=2, text="de"),
    }


def run_changes(data, changes: dict, sidebar, pages: dict, repeat: int) -> tuple[float, str]:
    """Time each change: `sidebar(data, state)` -> (result, lanes), then each page's
    `work(data, state, result, lanes)` -> figure and its JSON. The worst total."""
    worst, worst_label = 0.0, ""
    for label, state in changes.items():
        sidebar_s, (result, lanes) = timed(sidebar, data, state, repeat=repeat)
        print(f"  {label}: {result.count:,} events shown")
        print(f"    {'sidebar':28s} {verdict(sidebar_s)}")
        for page, work in pages.items():
            page_s, fig = timed(work, data, state, result, lanes, repeat=repeat)
            json_s, payload = timed(fig.to_json, repeat=repeat)
            total = sidebar_s + page_s + json_s
            if total > worst:
                worst, worst_label = total, f"{label}, {page}"
            print(f"    {page + ' figure':28s} {verdict(page_s)}   + json {json_s * 1000:6.1f} ms "
                  f"({len(payload) / 1e6:.1f} MB)   = total {verdict(total)}")
    return worst, worst_label


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-export", action="store_true", help="skip the PNG export timing")
    parser.add_argument("--store-events", type=int, nargs="*", default=[100_000, 1_000_000],
                        metavar="N", help="also time opening generated stores of N events "
                        "as the app does (none: skip)")
    parser.add_argument("--store-query-events", type=int, default=10_000_000, metavar="N",
                        help="time filter changes on a generated store of N events, the "
                        "way the app asks DuckDB (0: skip)")
    parser.add_argument("--read-store", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--query-store", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_store:
        return read_store(args.read_store)
    if args.query_store:
        return query_store(args.query_store, args.repeat)

    from dashboard.data import prepare_events

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
          "(other work on the machine slows every figure below)")
    started = time.perf_counter()
    raw = synthetic_events(args.events)
    print(f"generated {len(raw):,} synthetic events in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    events = prepare_events(raw)   # what the app does once per corpus (cached)
    del raw
    print(f"prepared them as the app does once per corpus (data.prepare_events) in "
          f"{time.perf_counter() - started:.1f} s "
          f"({events.memory_usage(deep=True).sum() / 2**20:,.0f} MiB)")

    counts = events["person"].value_counts()
    changes = filter_changes(counts.index[0], counts.index[-1])
    print(f"\nserver-side cost of one interaction, median of {args.repeat} "
          f"(budget {BUDGET_S:.0f} s; sidebar = masks, option counts, view, lane order; "
          "page = its figure; json = Streamlit serialising the figure):")
    pages = {page: (lambda work: lambda data, state, result, lanes: work(data, result, lanes))(w)
             for page, w in PAGES.items()}
    worst, worst_label = run_changes(events, changes, sidebar_work, pages, args.repeat)
    print(f"\nworst sidebar+page+json: {worst:.3f} s ({worst_label}) -> "
          f"{'UNDER' if worst < BUDGET_S else 'OVER'} the {BUDGET_S:.0f} s budget")

    if not args.no_export:
        export_timings(events)
    if args.store_events:
        store_timings(args.store_events)
    if args.store_query_events:
        store_query_timings(args.store_query_events, args.repeat)
    return 0


def _bench_store():
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_store", _HERE / "store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def store_query_timings(n: int, repeat: int) -> None:
    """The app's path: filters, counts and the chart's rows asked of DuckDB over a store
    of n events (generated), in a fresh process whose peak memory is printed."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        started = time.perf_counter()
        _bench_store().generate(root, n, max(1, n // 500_000))
        on_disk = sum(f.stat().st_size for f in root.rglob("*.parquet")) / 2**20
        print(f"\nthe app's path, DuckDB over a store of {n:,} events ({on_disk:,.0f} MiB on "
              f"disk, generated in {time.perf_counter() - started:.0f} s), median of {repeat}:")
        subprocess.run([sys.executable, __file__, "--query-store", str(root),
                        "--repeat", str(repeat)], check=True)


def store_sidebar_work(store, query):
    """What `controls.render_sidebar` asks the store on a filter change. The store forgets
    its selections first: each timed call scans the Parquet files as a change to filters
    never asked before does (the pages after it read the selection it made, as in the app).
    It keeps the unfiltered counts, which the app asks once, when it opens the store."""
    from dashboard import queries
    from dashboard.lanes import lane_order_from_stats
    store.selections.clear(store.con, answers=False)
    seen = queries.sidebar(store, query)
    return seen.view, lane_order_from_stats(seen.stats, "most events", query.persons)


def store_timeline_work(store, query, lanes):
    from dashboard import figures, queries
    from dashboard.lanes import DETAIL_LIMIT, MAX_LANES
    return figures.timeline_figure(
        queries.chart_rows(store, query, lanes[:MAX_LANES], DETAIL_LIMIT), lanes)


def store_people_work(store, query, lanes):
    """What the People page asks: the summary, whose type columns give the type bars."""
    from dashboard import figures, queries
    from dashboard.summary import type_table
    return figures.type_bars_figure(type_table(queries.person_summary(store, query, lanes)),
                                    lanes[:40])


def query_store(root: str, repeat: int) -> int:
    """(In a fresh process) each filter change of `main`, asked as the app asks."""
    import resource

    from extract.store import Store
    store = Store.open(root)
    people = store.per_person()
    changes = filter_changes(people["person"].iloc[0], people["person"].iloc[-1])
    pages = {"timeline page": lambda st, q, result, lanes: store_timeline_work(st, q, lanes),
             "people page": lambda st, q, result, lanes: store_people_work(st, q, lanes)}
    worst, worst_label = run_changes(store, changes, store_sidebar_work, pages, repeat)
    held = store.con.execute("SELECT sum(estimated_size) FROM duckdb_tables()").fetchone()[0]
    print(f"  selections held in DuckDB at the end: {int(held or 0) / 2**20:,.0f} MiB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  worst sidebar+page+json: {worst:.3f} s ({worst_label}) -> "
          f"{'UNDER' if worst < BUDGET_S else 'OVER'} the {BUDGET_S:.0f} s budget; "
          f"peak memory of this process {peak:,.0f} MiB")
    return 0


def read_store(root: str) -> int:
    """(In a fresh process) what the app does when it opens a store: every table read and
    prepared in memory (`dashboard.corpus.read_corpus`); time and peak memory."""
    import resource

    from dashboard.corpus import read_corpus
    started = time.perf_counter()
    corpus, size = read_corpus(root)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.2f} {peak:.0f} {size.events}")
    return 0


def store_timings(sizes: list[int]) -> None:
    """Opening a store of n events in the dashboard, each in a fresh process, against the
    store's size on disk: the app holds the store's events in memory (DuckDB reads the
    Parquet, pandas holds the view), so memory grows with the store."""
    import importlib.util
    import subprocess
    import tempfile

    spec = importlib.util.spec_from_file_location("bench_store", _HERE / "store.py")
    bench_store = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_store)
    print("\nopening a corpus store in the dashboard (fresh process each; "
          "dashboard.corpus.read_corpus):")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "store"
            bench_store.generate(root, n, max(1, n // 500_000))
            on_disk = sum(f.stat().st_size for f in root.rglob("*.parquet")) / 2**20
            out = subprocess.run([sys.executable, __file__, "--read-store", str(root)],
                                 capture_output=True, text=True, check=True).stdout.split()
            seconds, peak, events = float(out[0]), float(out[1]), int(out[2])
            print(f"  {events:>11,} events: open {seconds:6.2f} s, peak memory {peak:7,.0f} MiB "
                  f"(store on disk {on_disk:,.0f} MiB)")


def export_timings(events: pd.DataFrame) -> None:
    """Exports of the Export page: PNG first vs later call (persistent Chromium), data files."""
    from dashboard import exports

    print("\nexports (one call each unless noted):")
    for name, export in (("CSV", exports.events_to_csv), ("JSON", exports.events_to_json)):
        seconds, data = timed(export, events, repeat=1)
        print(f"  {name} of all {len(events):,} events: {seconds:.1f} s ({len(data) / 1e6:,.0f} MB)")
    if exports.chromium_path() is None:
        print("  PNG export: skipped, no Chromium installed")
        return
    from dashboard.figures import timeline_figure as build

    sample = events[events["person"].isin(events["person"].unique()[:6])].head(40)
    figures = {
        f"detail timeline, {len(sample)} events": build(sample, list(sample["person"].unique())),
        "detail timeline, 2,000 events": build(events.head(2_000),
                                               list(events.head(2_000)["person"].unique())),
        f"aggregated timeline, {len(events):,} events": build(
            events, list(events["person"].value_counts().index)),
    }
    exports.shutdown_renderer()
    for n, (label, fig) in enumerate(figures.items()):
        if n == 0:
            first, _ = timed(exports.figure_to_png, fig, repeat=1)
            print(f"  PNG {label}: first call {first:.2f} s (starts Chromium)")
        later, _ = timed(exports.figure_to_png, fig, repeat=3)
        print(f"  PNG {label}: later calls {later:.3f} s median "
              f"({'under' if later < BUDGET_S else 'OVER'} 1 s)")
    exports.shutdown_renderer()


if __name__ == "__main__":
    raise SystemExit(main())
