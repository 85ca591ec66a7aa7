"""The same input gives the same tables in every process, whatever Python's hash seed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = {
    "doc_id": "twins", "lang": "nl", "published": "2019-03-01",
    # "Holleeder" before either full name: two equally long candidates for the short form
    "text": ("Holleeder zwijgt vandaag\n\nHolleeder zei dat hij in 2003 geld kreeg. Astrid Holleeder "
             "getuigt tegen haar broer Willem Holleeder. Sonja Holleeder en Willem Holleeder spraken in mei."),
}


def run(tmp_path: Path, seed: str) -> str:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    out = tmp_path / f"out-{seed}"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "extract", str(src), "--out", str(out), "--quiet"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return "".join((out / f"{name}.csv").read_text(encoding="utf-8") for name in ("events", "persons"))


def test_tables_do_not_depend_on_the_hash_seed(tmp_path):
    first = run(tmp_path, "1")
    assert first and all(run(tmp_path, seed) == first for seed in ("2", "3", "4"))
