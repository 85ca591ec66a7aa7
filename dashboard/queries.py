"""What the dashboard asks of the open store, as DuckDB queries: never a full load.

Each function takes a `Store` and the user's `EventQuery` and returns a small DataFrame
or Series in the shape the pure dashboard functions (`filters`, `lanes`, `summary`,
`figures`) already use, so that the same figures come out whether the events are held in
memory (tests, benchmarks) or stay in Parquet behind DuckDB (the app). Rows are fetched
only up to what is drawn or listed; counts and aggregates are computed in DuckDB.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import pandas as pd

from dashboard.data import prepare_events
from extract import schema
from extract.store import EventQuery, Store

Question = Literal["chart_rows", "person_summary"]
"""The page queries `controls.ask` caches per store state, filters and lanes."""
ORDER = "start, person, _seq, _row"
"""The table order: by date, then person, then as written (what `prepare_events` sorts)."""
ROWS_LIMIT = 200_000
"""Most rows a page takes into memory (a download, a list): beyond it, the page says so."""
_PUBLIC = [c for c in schema.EVENTS.names]
CHART_COLUMNS = ["event_id", "person", "start", "end", "grain", "mod", "time_text", "label",
                 "event_type", "confidence", "fact_id", "n_sources", "sentence", "published",
                 "title", "source"]
"""What the timeline reads of each event it draws (positions, markers, hover): at 10M
events every further wide column costs a scan of its own (`bench/dashboard.py`)."""


def _events(store: Store, where: str, params: list, limit: int | None = None,
            columns: list[str] | None = None, prepared: bool | None = None) -> pd.DataFrame:
    """The events that pass, in table order: `columns` as stored, or (prepared) every
    public column, those not fetched left empty by `prepare_events`."""
    cols = ", ".join(f'"{c}"' for c in (columns or _PUBLIC))
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    frame = store.con.execute(f"SELECT {cols} FROM cur_events WHERE {where} ORDER BY {ORDER}"
                              + tail, params).df()
    return prepare_events(frame) if (prepared if prepared is not None else not columns) else frame


@dataclass(frozen=True)
class StoreView:
    """The events that pass the filters, counted in DuckDB; rows fetched when asked.

    The same questions as `filters.FilterOutcome` (count, total, hidden_only_by, head,
    select, shown), so pages do not care where the events are.
    """
    store: Store
    query: EventQuery
    total: int
    count: int
    hidden_only_by: dict[str, int] = field(default_factory=dict)

    @property
    def hidden(self) -> int:
        return self.total - self.count

    @property
    def truncated(self) -> bool:
        """More events pass than `shown` holds."""
        return self.count > ROWS_LIMIT

    def head(self, n: int, columns: list[str] | None = None) -> pd.DataFrame:
        """The first `n` events that pass, in table order."""
        where, params = self.query.where()
        picked = _events(self.store, where, params, limit=n)
        return picked if columns is None else picked[[c for c in columns if c in picked]]

    def select(self, columns: list[str]) -> pd.DataFrame:
        """Only these columns of the events that pass (at most ROWS_LIMIT rows)."""
        where, params = self.query.where()
        return _events(self.store, where, params, limit=ROWS_LIMIT, columns=columns)

    @cached_property
    def shown(self) -> pd.DataFrame:
        """The events that pass, prepared (at most ROWS_LIMIT: see `truncated`)."""
        return self.head(ROWS_LIMIT)


OPTION_FILTERS = {"person": "person", "event_type": "event type", "source": "source"}
"""The sidebar's option lists: column -> the filter that column's options set."""


@dataclass(frozen=True)
class Sidebar:
    """Everything the sidebar shows, from one scan of the events (`sidebar`)."""
    view: StoreView
    options: dict[str, pd.Series]     # column -> events per value under the other filters
    stats: pd.DataFrame               # per person: events, first, last (for lane order)


def sidebar(store: Store, query: EventQuery) -> Sidebar:
    """Option counts, the view's counts, what each filter alone hides and the per-person
    lane figures, from the query's selection (one scan of the store, `Store.selection`):
    grouping sets give every count at once."""
    chosen = store.selection(query)
    if not chosen.filtered:
        return _unfiltered_sidebar(store, query)
    if chosen.materialised and len(chosen.names) == 1:
        return _one_filter_sidebar(store, query, chosen)
    names = chosen.names

    def passing(skip: str | None = None) -> str:
        kept = [f"c{i}" for i, name in enumerate(names) if name != skip]
        return " AND ".join(kept) or "true"
    flags = "".join(f", {chosen.flag(name)} AS c{i}" for i, name in enumerate(names))
    hidden = [f"count(*) FILTER (WHERE {passing(name)} AND NOT c{i}) AS h{i}"
              for i, name in enumerate(names)]
    per_option = [f"count(*) FILTER (WHERE {passing(f)}) AS n_{c}"
                  for c, f in OPTION_FILTERS.items()]
    frame = store.con.execute(
        f"WITH f AS (SELECT person, event_type, source, start{flags} FROM {chosen.table}) "
        "SELECT person, event_type, source, GROUPING(person) AS g_person, "
        "GROUPING(event_type) AS g_event_type, GROUPING(source) AS g_source, "
        f"{', '.join(per_option)}, count(*) FILTER (WHERE {passing()}) AS n, "
        f"min(nullif(start, '')) FILTER (WHERE {passing()}) AS first, "
        f"max(nullif(start, '')) FILTER (WHERE {passing()}) AS last"
        f"{''.join(', ' + h for h in hidden)} FROM f "
        "GROUP BY GROUPING SETS ((person), (event_type), (source), ())").df()
    everything = frame[frame["g_person"].eq(1) & frame["g_event_type"].eq(1)
                       & frame["g_source"].eq(1)]
    count = int(everything["n"].sum()) if len(everything) else 0
    hidden_by = {name: int(everything[f"h{i}"].sum()) for i, name in enumerate(names)}
    unfiltered = _everything(store)
    options = {column: _every_option(_options(frame[frame[f"g_{column}"].eq(0)], column),
                                     unfiltered.options[column])
               for column in OPTION_FILTERS}
    people = frame[frame["g_person"].eq(0) & frame["person"].fillna("").ne("")]
    stats = people[["person", "n", "first", "last"]].rename(columns={"n": "events"})
    return Sidebar(StoreView(store, query, unfiltered.view.total, count, hidden_by), options,
                   stats.reset_index(drop=True))


def _everything(store: Store) -> Sidebar:
    """The unfiltered sidebar, asked once per store state."""
    return store.selections.remembered("sidebar", lambda: _unfiltered_sidebar(store, EventQuery()))


def _every_option(counted: pd.Series, every: pd.Series) -> pd.Series:
    """Every value of the store as an option, with 0 where the selection has none (a
    value the other filters hide stays choosable), in `_options` order."""
    missing = every.index.difference(counted.index)
    if missing.empty:
        return counted
    return _in_option_order(pd.concat([counted, pd.Series(0, index=missing, dtype="int64")]))


def _one_filter_sidebar(store: Store, query: EventQuery, chosen) -> Sidebar:
    """One filter: its own options count every event (no other filter restricts them),
    the other options and the lanes count the selection, which holds only passing rows."""
    (name,) = chosen.names
    unfiltered = _everything(store)
    picked = _unfiltered_sidebar(store, query, chosen.table)
    count = picked.view.total
    options = {column: unfiltered.options[column] if OPTION_FILTERS[column] == name
               else _every_option(picked.options[column], unfiltered.options[column])
               for column in OPTION_FILTERS}
    total = unfiltered.view.total
    return Sidebar(StoreView(store, query, total, count, {name: total - count}), options,
                   picked.stats)


def _unfiltered_sidebar(store: Store, query: EventQuery, table: str = "cur_events"
                        ) -> Sidebar:
    """The sidebar of every row of `table` (no filter restricts: how the app opens): plain
    counts per option and per person, without per-filter flags."""
    frame = store.con.execute(
        "SELECT 'person' AS col, person AS value, count(*) AS n, min(nullif(start, '')) AS first, "
        f"max(nullif(start, '')) AS last FROM {table} GROUP BY person UNION ALL "
        f"SELECT 'event_type', event_type, count(*), NULL, NULL FROM {table} GROUP BY event_type "
        f"UNION ALL SELECT 'source', source, count(*), NULL, NULL FROM {table} GROUP BY source"
    ).df()
    by_person = frame[frame["col"].eq("person")]
    total = int(by_person["n"].sum()) if len(by_person) else 0
    options = {column: _options(frame[frame["col"].eq(column)].rename(
        columns={"value": column, "n": f"n_{column}"}), column) for column in OPTION_FILTERS}
    people = by_person[by_person["value"].fillna("").ne("")]
    stats = people.rename(columns={"value": "person", "n": "events"})[
        ["person", "events", "first", "last"]]
    return Sidebar(StoreView(store, query, total, total, {}), options, stats.reset_index(drop=True))


def _options(rows: pd.DataFrame, column: str) -> pd.Series:
    rows = rows[rows[column].fillna("").ne("")]
    if rows.empty:
        return pd.Series(dtype="int64")
    return _in_option_order(pd.Series(rows[f"n_{column}"].to_numpy(dtype="int64"),
                                      index=rows[column].astype("str").to_numpy()))


def _in_option_order(counts: pd.Series) -> pd.Series:
    """Most events first, then by name regardless of case (as `filters.option_counts`)."""
    frame = pd.DataFrame({"value": counts.index, "n": counts.to_numpy(dtype="int64")})
    frame["key"] = frame["value"].str.casefold()
    frame = frame.sort_values(["n", "key"], ascending=[False, True], kind="stable")
    return pd.Series(frame["n"].to_numpy(dtype="int64"), index=frame["value"].to_numpy())


def max_sources(store: Store) -> int:
    return int(store.con.execute("SELECT coalesce(max(n_sources), 1) FROM cur_events")
               .fetchone()[0])


def chart_rows(store: Store, query: EventQuery, lanes: list[str], detail_limit: int
               ) -> pd.DataFrame:
    """What the timeline draws for `lanes`: the events when there are at most
    `detail_limit`, else counts per person and month (`person`, `_month`, `n`)."""
    if not lanes:
        return prepare_events(pd.DataFrame(columns=_PUBLIC))
    chosen = store.selection(query)
    in_lanes = f"person IN ({', '.join('?' for _ in lanes)})"
    where, params = f"({chosen.passing()}) AND {in_lanes}", list(lanes)
    counts = store.con.execute(
        f"SELECT person, coalesce(_month, -1) AS _month, count(*) AS n FROM {chosen.table} "
        f"WHERE {where} GROUP BY ALL", params).df()
    if counts["n"].sum() > detail_limit:
        return counts
    if chosen.materialised:     # the wide columns stay in Parquet: fetch the few drawn
        where = f"{in_lanes} AND (_seq, _row) IN (SELECT (_seq, _row) FROM {chosen.table} WHERE {where})"
        params = params + params
    return _events(store, where, params, columns=CHART_COLUMNS, prepared=True)


def event(store: Store, event_id: str) -> pd.Series | None:
    """One event by id (whatever the filters), prepared, or None."""
    if not event_id:
        return None
    found = _events(store, "event_id = ?", [event_id], limit=1)
    return None if found.empty else found.iloc[0]


def passes(store: Store, query: EventQuery, event_id: str) -> bool:
    where, params = query.where()
    return bool(store.con.execute(f"SELECT count(*) FROM cur_events WHERE event_id = ? AND "
                                  f"({where})", [event_id] + params).fetchone()[0])


def corroborating(store: Store, event: pd.Series | dict) -> pd.DataFrame:
    """Other articles' events that report the same fact (`evidence.corroborating`)."""
    fact = str(event.get("fact_id") or "")
    if not fact:
        return _events(store, "false", [])
    same = _events(store, "fact_id = ? AND event_id <> ?", [fact, str(event.get("event_id"))])
    return same.drop_duplicates("doc_id")


def in_month(store: Store, query: EventQuery, person: str, month: str, limit: int
             ) -> tuple[pd.DataFrame, int]:
    """The events of one aggregate marker (a person, a "YYYY-MM" or "YYYY" period):
    the first `limit` and how many there are."""
    where, params = query.with_changes(persons=(person,)).where()
    where, params = f"({where}) AND starts_with(start, ?)", params + [month]
    n = store.con.execute(f"SELECT count(*) FROM cur_events WHERE {where}", params).fetchone()[0]
    return _events(store, where, params, limit=limit), int(n)


def person_summary(store: Store, query: EventQuery, lanes: list[str]) -> pd.DataFrame:
    """`summary.person_summary` computed in DuckDB: per person the events, the first and
    last dated event, the number of sources and the events per type.

    Three light scans, not one heavy one (`bench/dashboard.py`): counts and days per person
    and type; distinct sources per person; the events on each person's first and last day,
    among which the labels are chosen. One scan choosing labels with arg_min over a struct
    of four columns compared a struct per event: 1.8 s at 10M events, now under 1 s."""
    chosen = store.selection(query)
    where, table = chosen.passing(), chosen.table
    by_type = store.con.execute(_BY_TYPE_SQL.format(table=table, where=where)).df()
    if by_type.empty:
        return pd.DataFrame(columns=["person", "events", "first date", "first event",
                                     "last date", "last event", "sources"])
    types = by_type.pivot(index="person", columns="event_type", values="n").fillna(0)
    types = types[sorted(types.columns)].astype("int64")
    grouped = by_type.groupby("person")
    base = pd.DataFrame({"events": grouped["n"].sum(), "first_day": grouped["first_day"].min(),
                         "last_day": grouped["last_day"].max()})
    sources = store.con.execute(f"SELECT person, count(DISTINCT source) AS sources FROM {table} "
                                f"WHERE {where} GROUP BY person").df().set_index("person")["sources"]
    first, last = _first_and_last(store, table, where, base, chosen.materialised)
    out = base[["events"]].copy()
    out["first date"] = base["first_day"]
    out["first event"] = first
    out["last date"] = base["last_day"]
    out["last event"] = last
    out["sources"] = sources
    out = out.join(types).fillna({c: 0 for c in types.columns})
    out = out.reindex([p for p in lanes if p in out.index]).rename_axis("person").reset_index()
    for column in ("first date", "first event", "last date", "last event"):
        out[column] = out[column].fillna("")
    return out.astype({c: "int64" for c in list(types.columns) + ["events", "sources"]})


_LAST_DAY = "CASE WHEN \"end\" <> '' THEN \"end\" ELSE start END"
_BY_TYPE_SQL = (
    "SELECT person, coalesce(nullif(event_type, ''), 'other') AS event_type, count(*) AS n, "
    f"min(nullif(start, '')) AS first_day, max({_LAST_DAY}) FILTER (WHERE start <> '') AS last_day "
    "FROM {table} WHERE {where} GROUP BY ALL")
_KEYS = ["person", "start", "end", "_seq", "_row"]


def _first_and_last(store: Store, table: str, where: str, base: pd.DataFrame,
                    materialised: bool = False):
    """The labels of each person's first and last dated event, ties as in memory: by date,
    then end, then table order. Only the events on those days are fetched; from a
    materialised selection, which holds no labels, their labels by key afterwards."""
    days = pd.concat([base["first_day"], base["last_day"]]).dropna()
    if days.empty:
        return pd.Series(dtype=object), pd.Series(dtype=object)
    label = "" if materialised else ", label"
    ends = store.con.execute(
        f"SELECT e.* FROM (SELECT person, start, \"end\", _seq, _row{label} FROM {table} "
        f"WHERE {where}) e JOIN (SELECT DISTINCT * FROM (SELECT unnest(?::VARCHAR[]) AS person, "
        "unnest(?::VARCHAR[]) AS day)) d ON e.person = d.person AND (e.start = d.day OR e.\"end\" = d.day)",
        [list(days.index), list(days)]).df().drop_duplicates(_KEYS)
    ends = ends[ends["start"] != ""]
    if materialised and not ends.empty:
        labels = store.con.execute(
            "SELECT person, start, \"end\", _seq, _row, label FROM cur_events WHERE _seq = ANY(?::BIGINT[])",
            [sorted(set(ends["_seq"].tolist()))]).df().drop_duplicates(_KEYS)
        ends = ends.merge(labels, on=_KEYS, how="left")
    elif materialised:
        ends = ends.assign(label=pd.Series(dtype=object))
    ends = ends.assign(last_day=ends["end"].where(ends["end"] != "", ends["start"])).join(
        base[["first_day", "last_day"]].rename(columns={"last_day": "last_day_max"}), on="person")
    first = ends[ends["start"] == ends["first_day"]].sort_values(_KEYS).groupby("person").head(1)
    last = ends[ends["last_day"] == ends["last_day_max"]].sort_values(
        ["person", "last_day", "start", "end", "_seq", "_row"]).groupby("person").tail(1)
    return first.set_index("person")["label"], last.set_index("person")["label"]


def type_counts(store: Store, query: EventQuery) -> pd.DataFrame:
    """Events per person (rows) and event type (columns, sorted)."""
    chosen = store.selection(query)
    long = store.con.execute(
        f"SELECT person, coalesce(nullif(event_type, ''), 'other') AS event_type, count(*) AS n "
        f"FROM {chosen.table} WHERE {chosen.passing()} GROUP BY ALL").df()
    if long.empty:
        return pd.DataFrame()
    table = long.pivot(index="person", columns="event_type", values="n").fillna(0)
    return table[sorted(table.columns)].astype("int64")
