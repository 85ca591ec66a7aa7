"""Where the dev gold sets are, the shared scorer as a module, and articles read from gold."""
from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from extract.ingest import read_paths
from extract.records import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FACT_TIMELINE_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "eval" / "dev"
NL_NEWS = ROOT / ".eval" / "nl_news_dev.jsonl"
REBUILD_HINT = ("nl_news texts are not rebuilt: fetch github:wijnandb/leestmeer and "
                "github:dpgmedia/partisan-news2019, then run python3 "
                f"{DEV / 'nl_news' / 'rebuild.py'} LEESTMEER_GIT PARTISAN_GIT {NL_NEWS}")

GOLD_SETS = {
    "seeds": DEV / "seeds_gold.jsonl",
    "meantime_nl": DEV / "meantime_nl_gold.jsonl",
    "en_news": DEV / "en_news_gold.jsonl",
    "nl_news": NL_NEWS,
}
# the sets the link model is fitted on (and cross-validated over, by document)
TRAINING_SETS = ("nl_news", "en_news")


@lru_cache(maxsize=None)
def scorer():
    """../shared/eval/score.py as a module: the one definition of every figure."""
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        raise SystemExit(f"evaluation: the scorer is missing ({path}); set FACT_TIMELINE_SHARED")
    spec = importlib.util.spec_from_file_location("fact_timeline_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def available(name: str) -> bool:
    return GOLD_SETS[name].exists()


def gold_docs(name: str) -> list[dict]:
    return scorer().read_jsonl(GOLD_SETS[name])


def articles(docs: list[dict]) -> list[Article]:
    """The articles exactly as the scorer hands them to the command line."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "input.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(scorer().input_doc(d), ensure_ascii=False) + "\n")
        found, problems = read_paths([path])
    if problems:
        raise SystemExit("evaluation: gold articles could not be read:\n" +
                         "\n".join(map(str, problems)))
    return found
