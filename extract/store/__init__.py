"""A corpus store: one folder of Parquet tables that grows, queried with DuckDB.

    store = Store.open("corpus/")
    store.summary()                                   # sizes, batches, stale articles
    store.events(EventQuery(persons=("Carlo Ancelotti",)), limit=500)
    store.per_person_month(EventQuery(date_from=dt.date(2022, 1, 1)))
    store.tables()                                    # everything as `extract.Tables`

Writing goes through `extract.store.ingest` (add, reextract, remove); the layout and its
atomicity are described in `extract.store.layout`. A `Store` reads the manifest once when
opened: it sees one committed state, whatever a writer does meanwhile (`refresh()` moves
it to the newest).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from extract import schema
from extract.store import layout, rows, views
from extract.store.layout import StoreError
from extract.store.query import FILTERS, EventQuery, search_terms
from extract.store.selection import Selection, Selections
from extract.tables import Tables

__all__ = ["Store", "StoreError", "EventQuery", "Summary", "FILTERS", "search_terms"]

_EVENT_COLS = ", ".join(f'"{c}"' for c in schema.EVENTS.names)


@dataclass(frozen=True)
class Summary:
    articles: int
    events: int
    timexes: int
    persons: int          # distinct canonical persons
    problems: int
    batches: int
    stale: int            # articles an earlier extractor version wrote
    bytes: int            # on disk, the files the manifest names
    corrections: int      # events whose person or fact group changed after their batch


class Store:
    def __init__(self, root: Path, manifest: layout.Manifest, threads: int | None = None) -> None:
        self.root, self.manifest, self._threads = root, manifest, threads
        self.con = views.connect(root, manifest, threads)
        self.selections = Selections()

    @classmethod
    def open(cls, root: str | Path, threads: int | None = None) -> Store:
        root = Path(root)
        return cls(root, layout.read_manifest(root), threads)

    def refresh(self) -> Store:
        self.manifest = layout.read_manifest(self.root)
        views.define(self.con, self.root, self.manifest)
        self.selections.clear(self.con)
        return self

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Store:
        """This store on a cursor of its own: one DuckDB connection is not used by two
        threads at once, and its cursors share the views (a server's sessions)."""
        other = object.__new__(Store)
        other.root, other.manifest, other._threads = self.root, self.manifest, self._threads
        other.con = self.con.cursor()
        other.selections = self.selections
        return other

    def selection(self, query: EventQuery) -> Selection:
        """The rows `query`'s page questions need, scanned once (`selection`)."""
        return self.selections.get(self.con, query)

    def sql(self, query: str, params: list | None = None) -> duckdb.DuckDBPyRelation:
        """Any DuckDB query over the views (`cur_events`, `persons`, `documents`, ...)."""
        return self.con.sql(query, params=params)

    def _scalar(self, query: str, params=None):
        return self.con.execute(query, params or []).fetchone()[0]

    # ------------------------------------------------------------------ sizes
    def count_stale(self) -> int:
        return self._scalar("SELECT count(*) FROM base_articles WHERE extractor_version <> ?",
                            [rows.extractor_version()])

    def summary(self) -> Summary:
        size = sum((self.root / f).stat().st_size for f in self.manifest.files())
        count = lambda view: self._scalar(f"SELECT count(*) FROM {view}")  # noqa: E731
        return Summary(count("base_articles"), count("base_events"), count("base_timexes"),
                       self._scalar("SELECT count(DISTINCT person) FROM persons"),
                       count("base_problems"), len(self.manifest.batches), self.count_stale(),
                       size, count("ov_events"))

    def batches(self) -> pd.DataFrame:
        return pd.DataFrame([{"batch": b.id, "articles": b.n_articles, "created": b.created,
                              "note": b.note} for b in self.manifest.batches])

    # ------------------------------------------------------------------ events
    def count(self, query: EventQuery = EventQuery()) -> int:
        where, params = query.where()
        return self._scalar(f"SELECT count(*) FROM cur_events WHERE {where}", params)

    def events(self, query: EventQuery = EventQuery(), columns: list[str] | None = None,
               limit: int | None = None, offset: int = 0,
               order: str = "start, person, _seq, _row") -> pd.DataFrame:
        """The events that pass, in date order (only `columns`, at most `limit`)."""
        where, params = query.where()
        cols = ", ".join(f'"{c}"' for c in columns) if columns else _EVENT_COLS
        tail = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        return self.con.execute(f"SELECT {cols} FROM cur_events WHERE {where} ORDER BY {order}"
                                + tail, params).df()

    def hidden_by(self, query: EventQuery) -> dict[str, int]:
        """Per filter: events that pass every other filter but not this one (one scan)."""
        conds = query.conditions()
        if not conds:
            return {}
        parts, params = [], []
        for name in conds:
            where, p = query.where(skip=name)
            parts.append(f"count(*) FILTER (WHERE ({where}) AND NOT ({conds[name][0]}))")
            params += p + conds[name][1]
        row = self.con.execute(f"SELECT {', '.join(parts)} FROM cur_events", params).fetchone()
        return dict(zip(conds, row))

    def per_person_month(self, query: EventQuery = EventQuery()) -> pd.DataFrame:
        """Events per person and month of their start ("YYYY-MM"), for the overview chart."""
        where, params = query.where()
        return self.con.execute(
            "SELECT person, left(start, 7) AS month, count(*) AS events FROM cur_events "
            f"WHERE {where} AND start <> '' GROUP BY ALL ORDER BY person, month", params).df()

    def per_person(self, query: EventQuery = EventQuery()) -> pd.DataFrame:
        """Per person: events, first and last dated day, number of articles."""
        where, params = query.where()
        return self.con.execute(
            "SELECT person, count(*) AS events, min(nullif(start, '')) AS first, "
            "max(nullif(\"end\", '')) AS last, count(DISTINCT doc_id) AS articles "
            f"FROM cur_events WHERE {where} GROUP BY person ORDER BY events DESC, person",
            params).df()

    def options(self, column: str, query: EventQuery = EventQuery()) -> pd.DataFrame:
        """Distinct values of person/event_type/source with their event counts."""
        if column not in ("person", "event_type", "source"):
            raise ValueError(f"no options for column {column!r}")
        where, params = query.where()
        return self.con.execute(f"SELECT {column} AS value, count(*) AS events FROM cur_events "
                                f"WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1", params).df()

    def sources_of(self, fact_id: str) -> pd.DataFrame:
        """Every event of one fact (the evidence view's "also reported by")."""
        return self.con.execute(f"SELECT {_EVENT_COLS} FROM cur_events WHERE fact_id = ? "
                                "ORDER BY _seq, _row", [fact_id]).df()

    def article(self, doc_id: str) -> dict | None:
        df = self.con.execute("SELECT * EXCLUDE (_seq, _batch) FROM base_articles WHERE doc_id = ?",
                              [doc_id]).df()
        return None if df.empty else df.iloc[0].to_dict()

    # ------------------------------------------------------------------ whole tables
    def tables(self) -> Tables:
        """The five tables in the order `python -m extract INPUT --out DIR` writes them."""
        def frame(sql: str, table: schema.TableSchema) -> pd.DataFrame:
            df = self.con.execute(sql).df()
            return df.astype({c.name: c.pandas_dtype for c in table.columns})
        cols = lambda t: ", ".join(f'"{c}"' for c in t.names)  # noqa: E731
        return Tables(
            timexes=frame(f"SELECT {cols(schema.TIMEXES)} FROM base_timexes ORDER BY _seq, _row",
                          schema.TIMEXES),
            events=frame(f"SELECT {_EVENT_COLS} FROM cur_events ORDER BY _seq, _row", schema.EVENTS),
            persons=frame(f"SELECT {cols(schema.PERSONS)} FROM persons ORDER BY _seq, person",
                          schema.PERSONS),
            documents=frame(f"SELECT {cols(schema.DOCUMENTS)} FROM documents ORDER BY _seq",
                            schema.DOCUMENTS),
            problems=frame(f"SELECT {cols(schema.PROBLEMS)} FROM base_problems "
                           "ORDER BY _batch, _stage = 'extract', _seq, _row", schema.PROBLEMS))
