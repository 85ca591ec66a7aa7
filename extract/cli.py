"""Command line: `python -m extract INPUT [INPUT ...] --out DIR`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract import pipeline
from extract.ingest import read_paths
from extract.output import write_outputs


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated facts per person from news articles.",
        epilog="Inputs: plain-text articles (headline, byline, body), folders of them, "
               "JSON Lines (doc_id, text, published, title, lang, source, url), CSV with "
               "text/published columns, saved HTML pages.")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="file or folder of articles")
    ap.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    ap.add_argument("--format", action="append", choices=["csv", "timeml", "parquet"],
                    default=[], help="extra outputs besides the CSV files (repeatable): "
                    "timeml writes DIR/timeml/<doc_id>.tml, parquet writes DIR/<table>.parquet")
    ap.add_argument("--quiet", action="store_true", help="print only the summary line")
    return ap


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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    articles, problems = read_paths(args.inputs)
    results, tables = pipeline.run(articles, problems)
    extra = {}
    if "timeml" in args.format:
        extra["timeml"] = _timeml_writer(results)
    if "parquet" in args.format:
        extra.update(_parquet_writers(tables))
    write_outputs(tables, args.out, extra)
    if not args.quiet:
        for row in tables.problems.itertuples():
            where = f"{row.file}:{row.line}" if row.line != "" else row.file
            print(f"{where}: {row.severity}: {row.message}", file=sys.stderr)
    print(f"extract: {len(results)} documents read, {len(tables.timexes)} temporal expressions, "
          f"{len(tables.events)} events, {len(tables.problems)} problems -> {args.out}")
    return 0 if results else 1
