"""A speed change must not change a single output: compare the tables before and after.

    python bench/same_outputs.py --save DIR      # before the change: extract and keep
    python bench/same_outputs.py --check DIR     # after it: extract again and compare

Extracts the bundled corpora (the seed articles, the Dutch MEANTIME copy, and the English
MEANTIME documents beside the project when present) plus any `--docs`, and compares
timexes, events, persons and documents cell by cell. Exits 1 on any difference, naming
the table and the first differing row.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import extract_paths  # noqa: E402

BUNDLED = [ROOT / "data" / "articles", ROOT / "data" / "meantime_nl",
           ROOT.parent / "shared" / "eval" / "dev" / "meantime_en_docs.jsonl"]
TABLES = ("timexes", "events", "persons", "documents")


def extract(paths: list[Path]) -> dict[str, pd.DataFrame]:
    tables = extract_paths([p for p in paths if p.exists()])
    return {name: getattr(tables, name).astype(str) for name in TABLES}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="DIR")
    mode.add_argument("--check", type=Path, metavar="DIR")
    ap.add_argument("--docs", type=Path, action="append", default=[], help="more corpora")
    args = ap.parse_args(argv)
    now = extract(BUNDLED + args.docs)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, frame in now.items():
            frame.to_parquet(args.save / f"{name}.parquet", index=False)
        print(f"saved {', '.join(f'{len(f)} {n}' for n, f in now.items())} to {args.save}")
        return 0
    same = True
    for name, frame in now.items():
        before = pd.read_parquet(args.check / f"{name}.parquet")
        if before.shape != frame.shape or not before.equals(frame):
            same = False
            diff = next((i for i in range(min(len(before), len(frame)))
                         if not before.iloc[i].equals(frame.iloc[i])), min(len(before), len(frame)))
            print(f"{name}: DIFFERENT ({len(before)} rows before, {len(frame)} now; first at row {diff})")
        else:
            print(f"{name}: identical ({len(frame)} rows)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
