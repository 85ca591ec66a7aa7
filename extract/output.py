"""Writing an output folder atomically.

Every file is first written into a hidden staging folder next to the outputs and then
moved into place with os.replace, so a crash or a full disk never leaves a half-written
CSV that looks complete.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from extract.tables import Tables

CSV_FILES = ("timexes", "events", "persons", "documents", "problems")


def write_outputs(tables: Tables, out: Path, extra: dict[str, Callable[[Path], None]] = None) -> list[Path]:
    """Write the five CSV files (and any `extra` writers, name -> writer(path)) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    written = []
    try:
        for name in CSV_FILES:
            getattr(tables, name).to_csv(staging / f"{name}.csv", index=False)
        for name, writer in (extra or {}).items():
            writer(staging / name)
        for item in sorted(staging.iterdir()):
            target = out / item.name
            if target.is_dir() and item.is_dir():
                shutil.rmtree(target)
            os.replace(item, target)
            written.append(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
