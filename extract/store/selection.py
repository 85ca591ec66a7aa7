"""The events one `EventQuery` needs, read from Parquet once per filter change.

Every question a dashboard page asks of a filtered view (the sidebar's counts, the
timeline's rows, the per-person summary) would otherwise scan the store's files again,
and a free-text filter scans its widest column each time: at 10,000,000 events that is
about 0.4 s per question (`bench/dashboard.py`). One scan instead copies the rows those
questions need into a table of the store's in-memory DuckDB catalog (shared by all
cursors of one `Store`): the narrow columns below and one flag per active filter. With
two or more filters it also keeps the rows that fail exactly one of them, because the
sidebar counts what each filter alone hides and the options under the other filters.

The wide columns (sentence, title, label, event_id) stay in Parquet: a page that draws single events
fetches them by `event_id` for at most a few thousand rows.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import duckdb

from extract.store.query import EventQuery, FilterName

COLUMNS = ("person", "event_type", "source", "start", "end", "_seq", "_row", "_month")
"""What the page questions read of each selected event. Not its id or label, which are
wide and unique: copying them cost more than the text search itself (1.25M rows of a 10M
store, `bench/dashboard.py`); a page fetches them by (_seq, _row) for the few it shows."""
KEPT = 8
"""Selections kept per store state (the last filter changes); older ones are dropped."""


@dataclass(frozen=True)
class Selection:
    """Where a filtered view's rows are, and per filter (`names`, in order) the SQL
    that is true when a row passes it: a flag column of a materialised `table`, or the
    filter's own condition over `cur_events` (parameters written in as literals)."""
    table: str
    names: tuple[FilterName, ...]
    tests: tuple[str, ...]

    @property
    def filtered(self) -> bool:
        return bool(self.names)

    @property
    def materialised(self) -> bool:
        return self.table != "cur_events"

    def passing(self, skip: FilterName | None = None) -> str:
        """SQL: the row passes every filter (but `skip`)."""
        kept = [f"({test})" for name, test in zip(self.names, self.tests) if name != skip]
        return " AND ".join(kept) or "true"

    def flag(self, name: FilterName) -> str:
        return f"({self.tests[self.names.index(name)]})"


UNFILTERED = Selection("cur_events", (), ())
MATERIALISED: frozenset[FilterName] = frozenset({"text"})
"""Filters worth a materialised selection: free text reads the widest column at every
question; the others are numbers or short dictionary strings that DuckDB filters inside
the Parquet scan faster than it could copy the rows they keep."""


class Selections:
    """The selections made on one store connection, newest last; made under a lock so
    that two sessions asking the same filters scan once."""

    def __init__(self) -> None:
        self._made: OrderedDict[EventQuery, Selection] = OrderedDict()
        self._lock = threading.Lock()
        self._serial = 0
        self._answers: dict = {}

    def remembered(self, key, make):
        """`make()` once per store state: answers about the whole store (the unfiltered
        counts every filtered sidebar starts from)."""
        with self._lock:
            if key not in self._answers:
                self._answers[key] = make()
            return self._answers[key]

    def get(self, con: duckdb.DuckDBPyConnection, query: EventQuery) -> Selection:
        conds = query.conditions()
        if not conds:
            return UNFILTERED
        if not MATERIALISED & set(conds):
            return Selection("cur_events", tuple(conds),
                             tuple(f"coalesce(({literal(sql, p)}), false)"
                                   for sql, p in conds.values()))
        with self._lock:
            if query in self._made:
                self._made.move_to_end(query)
                return self._made[query]
            self._serial += 1
            made = _materialise(con, f"_selected_{self._serial}", conds)
            self._made[query] = made
            while len(self._made) > KEPT:
                _, old = self._made.popitem(last=False)
                con.execute(f"DROP TABLE IF EXISTS {old.table}")
            return made

    def clear(self, con: duckdb.DuckDBPyConnection, answers: bool = True) -> None:
        """Forget every selection and (`answers`) every remembered answer: the views now
        show another committed state."""
        with self._lock:
            for made in self._made.values():
                con.execute(f"DROP TABLE IF EXISTS {made.table}")
            self._made.clear()
            if answers:
                self._answers.clear()


def _materialise(con: duckdb.DuckDBPyConnection, table: str,
                 conds: dict[FilterName, tuple[str, list]]) -> Selection:
    names = tuple(conds)
    flags = [f"coalesce(({sql}), false) AS c{i}" for i, (sql, _) in enumerate(conds.values())]
    params = [x for _, p in conds.values() for x in p]
    cols = ", ".join(f'"{c}"' for c in COLUMNS)
    if len(names) == 1:          # only passing rows; the condition reaches the Parquet scan
        sql, params = next(iter(conds.values()))
        con.execute(f"CREATE TABLE {table} AS SELECT {cols}, true AS c0 FROM cur_events "
                    f"WHERE coalesce(({sql}), false)", params)
        return Selection(table, names, ("c0",))
    failing = " + ".join(f"CAST(NOT c{i} AS INTEGER)" for i in range(len(names)))
    con.execute(f"CREATE TABLE {table} AS SELECT * FROM (SELECT {cols}, {', '.join(flags)} "
                f"FROM cur_events) WHERE {failing} <= 1", params)
    return Selection(table, names, tuple(f"c{i}" for i in range(len(names))))


def literal(sql: str, params: list) -> str:
    """`sql` with each `?` replaced by its parameter written as a SQL literal (a
    condition a `Selection` carries must stand without parameters)."""
    parts = sql.split("?")
    if len(parts) != len(params) + 1:
        raise ValueError(f"{len(params)} parameters for {len(parts) - 1} marks in {sql!r}")
    out = [parts[0]]
    for value, rest in zip(params, parts[1:]):
        out.append(_literal(value) + rest)
    return "".join(out)


def _literal(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"no SQL literal for {value!r}")
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value) if isinstance(value, float) else str(value)
