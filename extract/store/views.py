"""DuckDB views over one manifest's files: what every reader and writer queries.

    base_<table>   the batches' files as written
    ov_events      corrections of earlier batches' events (canonical person, fact group)
    ov_names       corrections of earlier batches' canonical names
    cur_events     base_events with the corrections: the store's events
    cur_persons    base_persons with the corrections
    persons        one row per (document, canonical person), as the persons table
    documents      the documents table, n_persons counted from `persons`

Filters on a view are pushed by DuckDB into the Parquet scans; nothing is loaded whole.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from extract import schema
from extract.store.layout import BATCH_TABLES, Manifest
from extract.store.columns import STORED

OV_EVENTS = schema.TableSchema("ov_events", schema.columns(
    "event_id doc_id person _fold fact_id sources n_sources:int"))
OV_NAMES = schema.TableSchema("ov_names", schema.columns("doc_id _raw_person person"))
DERIVED = ("person", "_fold", "fact_id", "sources", "n_sources")


def quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def empty(table: schema.TableSchema) -> str:
    cols = ", ".join(f"CAST(NULL AS {c.sql_type}) AS \"{c.name}\"" for c in table.columns)
    return f"SELECT {cols} LIMIT 0"


def scan(files: list[str | Path], table: schema.TableSchema) -> str:
    """SQL reading `files` (all of `table`'s shape), or an empty typed relation."""
    if not files:
        return empty(table)
    return f"SELECT * FROM read_parquet([{', '.join(quote(f) for f in files)}])"


def connect(root: Path, manifest: Manifest, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"threads": threads} if threads else {})
    define(con, root, manifest)
    return con


def define(con: duckdb.DuckDBPyConnection, root: Path, manifest: Manifest) -> None:
    for table in BATCH_TABLES:
        files = [root / f for f in manifest.table_files(table)]
        con.execute(f"CREATE OR REPLACE VIEW base_{table} AS {scan(files, STORED[table])}")
    for name, table in (("events", OV_EVENTS), ("names", OV_NAMES)):
        path = manifest.overrides.get(name)
        con.execute(f"CREATE OR REPLACE VIEW ov_{name} AS "
                    f"{scan([root / path] if path else [], table)}")
    if manifest.overrides.get("events"):
        fixed = ", ".join(f"CASE WHEN o.event_id IS NULL THEN e.{c} ELSE o.{c} END AS {c}"
                          for c in DERIVED)
        con.execute("CREATE OR REPLACE VIEW cur_events AS SELECT e.* REPLACE "
                    f"({fixed}) FROM base_events e LEFT JOIN ov_events o "
                    "ON e.event_id = o.event_id")
    else:
        con.execute("CREATE OR REPLACE VIEW cur_events AS SELECT * FROM base_events")
    if manifest.overrides.get("names"):
        con.execute("CREATE OR REPLACE VIEW cur_persons AS SELECT p.* REPLACE "
                    "(coalesce(o.person, p.person) AS person) FROM base_persons p "
                    "LEFT JOIN ov_names o ON p.doc_id = o.doc_id "
                    "AND p._raw_person = o._raw_person")
    else:
        con.execute("CREATE OR REPLACE VIEW cur_persons AS SELECT * FROM base_persons")
    con.execute("CREATE OR REPLACE VIEW persons AS SELECT doc_id, person, "
                "CAST(sum(mentions) AS BIGINT) AS mentions, min(_seq) AS _seq "
                "FROM cur_persons GROUP BY doc_id, person HAVING bool_or(_named)")
    con.execute("CREATE OR REPLACE VIEW documents AS SELECT d.* REPLACE "
                "(coalesce(n.n, 0) AS n_persons) FROM base_documents d LEFT JOIN "
                "(SELECT doc_id, count(*) AS n FROM persons GROUP BY doc_id) n "
                "ON d.doc_id = n.doc_id")
