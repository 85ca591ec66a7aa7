"""`python -m extract add | reextract | export | remove | info ... --store DIR`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.cli import positive_int
from extract.store import Store, StoreError, ingest
from extract.store.ingest import DEFAULT_BATCH

COMMANDS = ("add", "reextract", "export", "remove", "info")


def _writer_options(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                    help="processes extracting at once (default: every core)")
    ap.add_argument("--dask", metavar="ADDRESS", default=None,
                    help="extract on a Dask cluster: a scheduler address (tcp://host:8786) "
                         "or 'local' for a local cluster of --jobs workers")
    ap.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH, metavar="N",
                    help=f"articles committed together (default {DEFAULT_BATCH})")
    ap.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                    help="wait this long for another writer to finish (default: stop at once)")
    ap.add_argument("--quiet", action="store_true", help="no progress bar, no problem lines")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m extract",
                                 description="A corpus store of extracted facts that grows.")
    sub = ap.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="read files and folders into the store (created when new)")
    add.add_argument("inputs", nargs="+", metavar="PATH")
    re_ = sub.add_parser("reextract", help="extract again what an older extractor wrote")
    exp = sub.add_parser("export", help="write the command line's output files from the store")
    exp.add_argument("--out", required=True, type=Path, metavar="DIR")
    exp.add_argument("--format", action="append", choices=["csv", "timeml", "parquet"],
                     default=[], help="extra outputs besides the CSV files (repeatable)")
    rm = sub.add_parser("remove", help="take a batch or a source out of the store")
    what = rm.add_mutually_exclusive_group(required=True)
    what.add_argument("--batch", metavar="ID")
    what.add_argument("--source", metavar="NAME")
    rm.add_argument("--wait", type=float, default=0.0, metavar="SECONDS")
    info = sub.add_parser("info", help="sizes and batches of the store")
    for p in (add, re_, exp, rm, info):
        p.add_argument("--store", required=True, type=Path, metavar="DIR")
    _writer_options(add)
    _writer_options(re_)
    return ap


def _bar(args, total: int | None):
    from tqdm import tqdm
    return tqdm(total=total, unit="art", desc="extract", file=sys.stderr, dynamic_ncols=True,
                disable=True if args.quiet else None, smoothing=0.1)


def _report(args, run) -> None:
    if not args.quiet:
        for p in run.problems:
            print(p, file=sys.stderr)


def _commit_line(bar):
    def show(c):
        bar.write(f"batch {c.batch or '-'}: {c.n_articles} articles, {c.n_events} events, "
                  f"{c.skipped} skipped, {c.replaced} replaced; {c.changes.renamed} names and "
                  f"{c.changes.regrouped} fact rows revisited", file=sys.stderr) \
            if c.batch and not bar.disable else None
        return c
    return show


def _add(args) -> int:
    from extract.store.reading import estimate_articles
    with _bar(args, estimate_articles(args.inputs)) as bar:
        run = ingest.add(args.inputs, args.store, jobs=args.jobs, dask=args.dask,
                         batch_size=args.batch_size, wait=args.wait, progress=bar.update,
                         on_commit=_commit_line(bar))
    _report(args, run)
    s = Store.open(args.store).summary()
    print(f"extract add: {run.added} articles added, {run.skipped} already there, "
          f"{run.events} events, {len(run.problems)} problems -> {args.store} "
          f"({s.articles} articles, {s.events} events)")
    return 0 if run.added or run.skipped else 1


def _reextract(args) -> int:
    stale = ingest.count_stale(args.store)
    with _bar(args, stale) as bar:
        run = ingest.reextract(args.store, jobs=args.jobs, dask=args.dask,
                               batch_size=args.batch_size, wait=args.wait, progress=bar.update,
                               on_commit=_commit_line(bar))
    _report(args, run)
    print(f"extract reextract: {run.added} stale articles extracted again, "
          f"{run.events} events -> {args.store}")
    return 0


def _export(args) -> int:
    from extract.store.export import export
    _, tables = export(args.store, args.out, args.format)
    print(f"extract export: {len(tables.documents)} documents, {len(tables.timexes)} temporal "
          f"expressions, {len(tables.events)} events, {len(tables.problems)} problems "
          f"-> {args.out}")
    return 0


def _remove(args) -> int:
    c = ingest.remove(args.store, batch=args.batch, source=args.source, wait=args.wait)
    print(f"extract remove: {c.replaced} articles removed from {args.store}")
    return 0


def _info(args) -> int:
    store = Store.open(args.store)
    s = store.summary()
    print(f"{args.store}: {s.articles} articles ({s.stale} stale), {s.events} events, "
          f"{s.timexes} temporal expressions, {s.persons} persons, {s.problems} problems, "
          f"{s.batches} batches, {s.bytes / 2**20:.1f} MiB, {s.corrections} corrections")
    for b in store.manifest.batches:
        print(f"  {b.id}: {b.n_articles} articles {b.note}")
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"add": _add, "reextract": _reextract, "export": _export, "remove": _remove,
                "info": _info}[args.command](args)
    except StoreError as err:
        print(f"extract {args.command}: {err}", file=sys.stderr)
        return 2
