"""Corpus stores for the dashboard's tests: a hand-made events table written as a store.

The dashboard reads only stores; a test that needs exact events (conftest's seven, or a
generated million) writes them here as one committed batch in the store's own layout
(`extract.store.columns`), so the app under test takes the same path as with extracted
articles: manifest, Parquet, DuckDB views, `Store.tables()`.
"""
from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pandas as pd

from extract.store import layout
from extract.store.columns import STORED, stored_select
from extract.store.views import empty, quote


def write_events_store(events: pd.DataFrame, root: Path, name: str = "Test corpus") -> Path:
    """`events` (the extractor's columns) as the only batch of a new store at `root`."""
    folder = root / "batches" / "b000001.v1"
    folder.mkdir(parents=True)
    public = events[[c for c in events.columns if not str(c).startswith("_")]].copy()
    for column in ("person", "event_type", "source"):
        public[column] = public[column].astype("str")
    docs = list(dict.fromkeys(public["doc_id"]))
    seq = {d: i + 1 for i, d in enumerate(docs)}
    public["_seq"] = public["doc_id"].map(seq).astype("int64")
    public["_row"] = public.groupby("doc_id").cumcount().astype("int64") + 1
    public["_raw_person"] = public["person"]
    public["_fold"] = public["person"].str.lower()
    con = duckdb.connect()
    con.register("staged_events", public)
    files = {}
    for table in layout.BATCH_TABLES:
        path = folder / f"{table}.parquet"
        source = {"events": "staged_events", "documents": "staged_documents",
                  "persons": "staged_persons", "articles": "staged_articles"}.get(table)
        if table == "documents":
            con.execute(_documents_sql())
        elif table == "persons":
            con.execute("CREATE TEMP VIEW staged_persons AS SELECT doc_id, person AS _raw_person, "
                        "person, CAST(count(*) AS BIGINT) AS mentions, true AS _named, "
                        "'' AS _surname, min(_seq) AS _seq FROM staged_events GROUP BY ALL")
        elif table == "articles":
            con.execute("CREATE TEMP VIEW staged_articles AS SELECT DISTINCT doc_id, '' AS "
                        "content_hash, 'test' AS extractor_version, title, published, 'nl' AS "
                        "lang, source, url, '' AS author, '' AS origin, '' AS text, _seq "
                        "FROM staged_events")
        select = (f"SELECT {stored_select(table, 1)} FROM {source}" if source
                  else empty(STORED[table]))
        con.execute(f"COPY ({select}) TO {quote(path)} (FORMAT parquet)")
        files[table] = str(path.relative_to(root))
    con.close()
    manifest = layout.Manifest(name=name, version=1, next_seq=len(docs) + 1, next_batch=2,
                               batches=(layout.Batch("b000001", time.time(), len(docs), files,
                                                     "test events"),))
    layout.write_manifest(root, manifest)
    return root


def _documents_sql() -> str:
    return ("CREATE TEMP VIEW staged_documents AS SELECT doc_id, first(title) AS title, "
            "first(published) AS published, 'nl' AS lang, first(source) AS source, "
            "first(url) AS url, '' AS author, '' AS origin, CAST(0 AS BIGINT) AS n_chars, "
            "CAST(count(DISTINCT time_text) AS BIGINT) AS n_timexes, "
            "CAST(count(*) AS BIGINT) AS n_events, "
            "CAST(count(DISTINCT person) AS BIGINT) AS n_persons, min(_seq) AS _seq "
            "FROM staged_events GROUP BY doc_id")
