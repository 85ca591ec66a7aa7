"""The store's read API on a generated store of 10,000,000 events.

    python bench/store.py [--events 10000000] [--batches 20]

Writes a store in the store's own layout (the events of `--batches` batches, generated
in DuckDB: persons on a Zipf-like curve, dates over 35 years, a few sources, labels and
sentences), then times what the dashboard will ask through `extract.store.Store`: open,
summary, counts under each filter, hidden-by counts, a page of events, events per person
and month, per person. Prints each query's median of 3 runs (after one warm-up) and the
peak RSS of this process against the store's size on disk.
Exit status 0 always: this reports, it does not gate.
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.store import EventQuery, Store, layout, views  # noqa: E402
from extract.store.columns import STORED, stored_select  # noqa: E402

SENTENCES = [
    # also the in-memory benchmark's (bench/dashboard.py): one in eight is about a final
    "{p} tekende op die dag een contract tot de zomer van het jaar erop bij de club.",
    "Volgens ingewijden maakte {p} de overstap na een lange onderhandeling met de directie.",
    "{p} raakte geblesseerd in de tweede helft en moest worden gewisseld door de trainer.",
    "In de finale scoorde {p} twee keer, waarmee de beker voor het eerst naar huis ging.",
    "{p} was destijds de jongste speler ooit die voor het nationale elftal debuteerde.",
    "The club confirmed that {p} will leave at the end of the season after six years.",
    "{p} said after the match that the team had deserved more than a draw that evening.",
    "Na afloop verklaarde {p} dat de ploeg nooit had opgegeven, ook niet bij achterstand.",
]
TYPES = ["match", "transfer", "contract", "appointment", "departure", "injury", "award",
         "tournament", "birth", "death", "statement", "other"]


def _event_sql(lo: int, hi: int) -> str:
    types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    sentences = "[" + ", ".join(views.quote(t) for t in SENTENCES) + "]"
    n_sentences = len(SENTENCES)
    return f"""
    WITH r AS (SELECT i, CAST(hash(i) % 9223372036854775807 AS BIGINT) AS h FROM range({lo}, {hi}) t(i)),
    e AS (SELECT i, h, 'Person ' || lpad(CAST(CAST(floor(pow(2000, (h % 100000) / 100000.0)) AS BIGINT) AS VARCHAR), 4, '0') AS person,
          DATE '1990-01-01' + CAST(h % 12775 AS INTEGER) AS d, (h >> 20) % 5 AS g FROM r)
    SELECT 'doc' || (i // 4) || '#' || (i % 4 + 1) AS event_id, 'doc' || (i // 4) AS doc_id, person,
      strftime(d, '%Y-%m-%d') AS start,
      strftime(d + CAST([0, 0, 6, 29, 364][g + 1] AS INTEGER), '%Y-%m-%d') AS "end",
      ['day', 'day', 'week', 'month', 'year'][g + 1] AS grain, strftime(d, '%Y-%m-%d') AS value,
      '' AS mod, 'DATE' AS type, strftime(d, '%d %B %Y') AS time_text, CAST(0 AS BIGINT) AS time_start_char,
      CAST(10 AS BIGINT) AS time_end_char,
      person || ' ' || {types}[(h >> 8) % 12 + 1] || ' bij club ' || (h >> 30) % 300 AS label,
      {types}[(h >> 8) % 12 + 1] AS event_type, round(((h >> 12) % 1000) / 1000.0, 3) AS confidence,
      'named in clause' AS link_rule,
      replace({sentences}[(h >> 24) % {n_sentences} + 1], '{{p}}', person) AS sentence,
      CAST(0 AS BIGINT) AS sentence_start, strftime(d, '%Y-%m-%d') AS published, 'Artikel ' || (i // 4) AS title,
      'Bron ' || (i // 4) % 12 AS source, 'https://example.org/' || (i // 4) AS url,
      'F' || (h % 5000000) AS fact_id, 'doc' || (i // 4) AS sources, CAST(1 + (h >> 40) % 3 AS BIGINT) AS n_sources,
      i // 4 AS _seq, i % 4 + 1 AS _row, person AS _raw_person, lower(person) AS _fold
    FROM e"""


def generate(root: Path, n_events: int, n_batches: int) -> None:
    con = duckdb.connect()
    batches = []
    per = n_events // n_batches
    for b in range(n_batches):
        folder = root / "batches" / f"b{b + 1:06d}.v1"
        folder.mkdir(parents=True)
        files = {}
        for table in layout.BATCH_TABLES:
            path = folder / f"{table}.parquet"
            sql = (f"SELECT {stored_select('events')} FROM ({_event_sql(b * per, (b + 1) * per)})"
                   if table == "events" else views.empty(STORED[table]))
            con.execute(f"COPY ({sql}) TO '{path}' (FORMAT parquet)")
            files[table] = path.relative_to(root).as_posix()
        batches.append(layout.Batch(f"b{b + 1:06d}", time.time(), per // 4, files))
    layout.write_manifest(root, layout.Manifest(version=1, next_seq=n_events // 4 + 1,
                                                next_batch=n_batches + 1, batches=tuple(batches)))


def timed(fn, runs: int = 3) -> tuple[float, object]:
    fn()
    times, out = [], None
    for _ in range(runs):
        began = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times), out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--batches", type=int, default=20)
    ap.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate:
        generate(args.generate, args.events, args.batches)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        root = Path(tmp) / "store"
        began = time.perf_counter()
        # in another process, so that this one's peak memory is the queries' alone
        subprocess.run([sys.executable, __file__, "--generate", str(root), "--events",
                        str(args.events), "--batches", str(args.batches)], check=True)
        size = sum(p.stat().st_size for p in root.rglob("*.parquet"))
        print(f"store: {args.events:,} events in {args.batches} batches, {size / 2**20:.0f} MiB "
              f"on disk, generated in {time.perf_counter() - began:.0f} s")
        t_open, store = timed(lambda: Store.open(root), runs=3)
        print(f"  {'open':38s} {t_open * 1000:8.1f} ms")
        top = store.options("person").value.iloc[0]
        queries = {
            "count, no filter": lambda: store.count(),
            "count, one person": lambda: store.count(EventQuery(persons=(top,))),
            "count, date range 2010-2012": lambda: store.count(EventQuery(
                date_from=dt.date(2010, 1, 1), date_to=dt.date(2012, 12, 31))),
            "count, type + source + confidence": lambda: store.count(EventQuery(
                event_types=("transfer",), sources=("Bron 3",), min_confidence=0.5)),
            "count, >= 2 sources": lambda: store.count(EventQuery(min_sources=2)),
            "count, text search 'club 17'": lambda: store.count(EventQuery(text='"club 17"')),
            "hidden_by, 4 filters": lambda: store.hidden_by(EventQuery(
                persons=(top,), event_types=("transfer",), min_confidence=0.5, min_sources=2)),
            "page of 500 events, one person": lambda: store.events(
                EventQuery(persons=(top,)), limit=500),
            "page of 500 events, date range": lambda: store.events(EventQuery(
                date_from=dt.date(2010, 1, 1), date_to=dt.date(2010, 3, 31)), limit=500),
            "per person and month, no filter": lambda: store.per_person_month(),
            "per person and month, type filter": lambda: store.per_person_month(
                EventQuery(event_types=("match", "transfer"))),
            "per person, no filter": lambda: store.per_person(),
            "summary": lambda: store.summary(),
        }
        for name, fn in queries.items():
            t, out = timed(fn)
            shown = f"{len(out)} rows" if hasattr(out, "columns") else (
                f"{out:,}" if isinstance(out, int) else "")
            print(f"  {name:38s} {t * 1000:8.1f} ms   {shown}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(f"  peak RSS of this process {peak / 2**20:.0f} MiB against {size / 2**20:.0f} MiB "
              f"of Parquet ({peak / size:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
