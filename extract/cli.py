"""Command line: `python -m extract INPUT [INPUT ...] --out DIR`."""
from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from extract.output import OutputError, OutputFolder

EXIT_NOTHING_READ, EXIT_BAD_OUTPUT, EXIT_INTERRUPTED = 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated facts per person from news articles.",
        epilog="Inputs: plain-text articles (headline, byline, body), folders of them, "
               "JSON Lines (doc_id, text, published, title, lang, source, url), CSV with "
               "text/published columns, saved HTML pages.")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="file or folder of articles")
    ap.add_argument("--out", required=True, type=Path, metavar="DIR",
                    help="output folder: new, empty, or written by an earlier run (it is "
                    "replaced as a whole)")
    ap.add_argument("--format", action="append", choices=["csv", "timeml", "parquet"],
                    default=[], help="extra outputs besides the CSV files (repeatable): "
                    "timeml writes DIR/timeml/<doc_id>.tml, parquet writes DIR/<table>.parquet")
    ap.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                    help="processes extracting at once (default: every core); the results "
                    "are the same for any N")
    ap.add_argument("--dask", metavar="ADDRESS", default=None,
                    help="extract on a Dask cluster: a scheduler address (tcp://host:8786) "
                    "or 'local' for a local cluster of --jobs workers")
    ap.add_argument("--quiet", action="store_true", help="print only the summary line")
    return ap


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1, else a message saying so."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def progress_bar(total: int, quiet: bool):
    """Articles done, articles/s and the time left, on standard error (only on a terminal).
    Without tqdm's monitor thread: the pool's workers are forked while the bar is up."""
    from tqdm import tqdm
    tqdm.monitor_interval = 0
    return tqdm(total=total, unit="art", desc="extract", file=sys.stderr, dynamic_ncols=True,
                disable=True if quiet else None, smoothing=0.1)


def _extract(args, articles, problems):
    """pipeline.run, over `--jobs` processes or a Dask cluster when asked (same tables)."""
    from extract import parallel, pipeline

    jobs = args.jobs or parallel.default_jobs()
    with progress_bar(len(articles), args.quiet) as bar:
        if args.dask is None and (jobs == 1 or len(articles) < parallel.SMALL_INPUT):
            return pipeline.run(articles, problems, lambda *_: bar.update(1))
        results, failures = parallel.extract_articles(articles, jobs, args.dask, bar.update)
    return results, pipeline.build_tables(results, [*problems, *failures])


def _timeml_writer(results):
    from extract.timeml import to_timeml

    def write(folder: Path) -> None:
        folder.mkdir()
        for r in results:
            a = r.article
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in a.doc_id)
            (folder / f"{safe}.tml").write_text(
                to_timeml(a.text, list(r.timexes), a.doc_id, a.published), encoding="utf-8")
    return write


def _parquet_writers(tables) -> dict:
    return {f"{name}.parquet": (lambda path, df=getattr(tables, name): df.to_parquet(path, index=False))
            for name in ("timexes", "events", "persons", "documents")}


def _report(problems, quiet: bool) -> None:
    if quiet:
        return
    for p in problems:
        print(p, file=sys.stderr)


def _terminate(signum, frame):
    """SIGTERM ends a run as Ctrl-C does: staging removed, one line said."""
    raise KeyboardInterrupt


def _run(args, folder: OutputFolder) -> int:
    from extract.ingest import read_paths

    articles, problems = read_paths(args.inputs)
    if not articles:
        _report(problems, args.quiet)
        print(f"extract: no article could be read ({len(problems)} problems); "
              f"{args.out} left as it was")
        return EXIT_NOTHING_READ
    results, tables = _extract(args, articles, problems)
    extra = {}
    if "timeml" in args.format:
        extra["timeml"] = _timeml_writer(results)
    if "parquet" in args.format:
        extra.update(_parquet_writers(tables))
    folder.commit(tables, extra)
    if not args.quiet:
        for row in tables.problems.itertuples():
            where = f"{row.file}:{row.line}" if row.line != "" else row.file
            print(f"{where}: {row.severity}: {row.message}", file=sys.stderr)
    print(f"extract: {len(results)} documents read, {len(tables.timexes)} temporal expressions, "
          f"{len(tables.events)} events, {len(tables.problems)} problems -> {args.out}")
    return 0 if results else EXIT_NOTHING_READ


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if on_main_thread else None
    folder = None
    try:
        with OutputFolder(args.out) as folder:
            return _run(args, folder)
    except OutputError as err:
        print(f"extract: {err}", file=sys.stderr)
        return EXIT_BAD_OUTPUT
    except KeyboardInterrupt:
        kept = ("the new results were written completely" if folder and folder.switched
                else "the previous results (if any) were kept unchanged")
        print(f"extract: interrupted; {args.out}: {kept}", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)
