"""A filter change scans the store once (`extract.store.selection`): the selection it
materialises answers like the filters themselves, and old selections do not pile up."""
from __future__ import annotations

import pytest

from extract.store import EventQuery, Store
from extract.store import selection
from extract.store.selection import literal
from tests.dashboard.conftest import sample_events
from tests.dashboard.stores import write_events_store


@pytest.fixture()
def store(tmp_path):
    return Store.open(write_events_store(sample_events(), tmp_path / "store"))


def ids(store: Store, chosen: selection.Selection) -> set[tuple]:
    rows = store.con.execute(f"SELECT _seq, _row FROM {chosen.table} WHERE {chosen.passing()}")
    return set(rows.fetchall())


def direct(store: Store, query: EventQuery) -> set[tuple]:
    where, params = query.where()
    rows = store.con.execute(f"SELECT _seq, _row FROM cur_events WHERE {where}", params)
    return set(rows.fetchall())


@pytest.mark.parametrize("query", [
    EventQuery(text="finale"),
    EventQuery(text="real", persons=("Kylian Mbappé",)),
    EventQuery(text="de", min_confidence=0.5, event_types=("match", "transfer")),
    EventQuery(persons=("Carlo Ancelotti", "Toni Kroos"), min_sources=2),
])
def test_a_selection_holds_exactly_the_events_that_pass(store, query):
    chosen = store.selection(query)
    assert chosen.materialised == ("text" in query.conditions())
    assert ids(store, chosen) == direct(store, query)


def test_the_same_filters_reuse_their_selection_and_old_ones_are_dropped(store):
    first = store.selection(EventQuery(text="finale"))
    assert store.cursor().selection(EventQuery(text="finale")) == first   # cursors share it
    for n in range(selection.KEPT):
        store.selection(EventQuery(text=f"term{n}"))
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert first.table not in tables and len(tables) == selection.KEPT


def test_a_refreshed_store_forgets_its_selections(store):
    first = store.selection(EventQuery(text="finale"))
    store.refresh()
    assert store.selection(EventQuery(text="finale")).table != first.table


def test_parameters_are_written_in_as_quoted_literals():
    assert literal("person IN (?, ?) AND confidence >= ?", ["O'Neil", "Kroos", 0.5]) == \
        "person IN ('O''Neil', 'Kroos') AND confidence >= 0.5"
    with pytest.raises(ValueError):
        literal("a = ? AND b = ?", [1])
