"""One part of a batch: articles extracted and written as Parquet, in any process.

    write_part(items, folder, version) -> PartSummary

This is the function a pool or Dask worker runs: it needs nothing from the store but the
folder to write to, so a worker anywhere that mounts the store can run it. Rows are the
pipeline's own (`extract.tables` row builders) plus the store's bookkeeping columns (names
starting with "_"); what needs the whole corpus (canonical names, fact groups) is left for
the commit (`extract.store.corpus`).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract import pipeline
from extract.persons.aliases import key as name_key
from extract.store.columns import STAGED
from extract.records import Article
from extract.tables import document_row, event_row, problem_row, timex_row

ROOT = Path(__file__).resolve().parent.parent
_NOT_EXTRACTION = ("store/", "parallel.py", "__main__.py", "cli.py", "output.py", "timeml.py")

_ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(),
          "nullable int": pa.int64(), "bool": pa.bool_()}


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the extractor's code and language data: any change makes articles stale."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if (not path.is_file() or "__pycache__" in rel or rel.startswith(_NOT_EXTRACTION)
                or path.suffix in (".pyc",)):
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def exact_published(article: Article) -> str:
    return article.published.isoformat() if article.published else ""


def content_hash(article: Article) -> str:
    """Identity of an article's content: id, text and every field extraction reads."""
    a = article
    fields = [a.doc_id, a.text, exact_published(a), a.lang, a.title, a.source, a.url, a.author]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:32]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name, _ARROW[c.kind]) for c in STAGED[table].columns])


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    """Staged rows of `table` (the columns a part holds) as an Arrow table."""
    names = STAGED[table].names
    return pa.Table.from_pydict({n: [r[n] for r in rows] for n in names}, arrow_schema(table))


@dataclass(frozen=True)
class Item:
    """An article on its way into the store, with its place in the corpus order."""
    seq: int
    article: Article
    content_hash: str


@dataclass(frozen=True)
class PartSummary:
    folder: str
    n_articles: int
    n_failed: int
    n_events: int


def _person_rows(seq: int, doc: str, result) -> list[dict]:
    counts = Counter(m.person for m in result.persons)
    named = {m.person for m in result.persons if m.kind == "name"}
    return [{"doc_id": doc, "_raw_person": p, "person": p, "mentions": n, "_named": p in named,
             "_surname": (name_key(p) or ("",))[-1], "_seq": seq}
            for p, n in sorted(counts.items())]


def item_rows(item: Item, version: str) -> dict[str, list[dict]]:
    """Every stored row of one article (its extraction failing is a problem row)."""
    a, seq = item.article, item.seq
    out = {name: [] for name in STAGED}
    out["articles"].append({"doc_id": a.doc_id, "content_hash": item.content_hash,
                            "extractor_version": version, "title": a.title,
                            "published": exact_published(a), "lang": a.lang,
                            "source": a.source, "url": a.url, "author": a.author,
                            "origin": a.origin, "text": a.text, "_seq": seq})
    results, failures = pipeline.process_all([a])
    for p in failures:
        out["problems"].append({**problem_row(p), "line": p.line, "_batch": 0,
                                "_stage": "extract", "_seq": seq, "_row": 0})
    for r in results:
        out["timexes"] += [{**timex_row(a.doc_id, t), "_seq": seq, "_row": n}
                           for n, t in enumerate(r.timexes)]
        out["events"] += [{**event_row(a, n, e), "fact_id": "", "sources": "", "n_sources": 0,
                           "_seq": seq, "_row": n, "_raw_person": e.person, "_fold": ""}
                          for n, e in enumerate(r.events, 1)]
        out["persons"] += _person_rows(seq, a.doc_id, r)
        out["documents"].append({**document_row(a, len(r.timexes), len(r.events), 0),
                                 "_seq": seq})
    return out


def write_part(items: list[Item], folder: str, version: str) -> PartSummary:
    """Extract `items` and write one Parquet file per table into `folder`."""
    rows = {name: [] for name in STAGED}
    for item in items:
        for name, more in item_rows(item, version).items():
            rows[name] += more
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name in STAGED:
        pq.write_table(arrow_table(name, rows[name]), target / f"{name}.parquet")
    return PartSummary(folder, len(items), len(rows["problems"]), len(rows["events"]))
