"""The app asks DuckDB (dashboard.queries) what the pure pandas functions compute in
memory: on the same events, both must give the same counts, options, lanes and rows."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import queries
from dashboard.filters import (FilterState, filter_masks, option_counts, outcome,
                               run_filters)
from dashboard.lanes import LANE_ORDERS, lane_order, lane_order_from_stats
from dashboard.summary import person_summary
from extract.store import Store
from tests.dashboard.conftest import sample_events
from tests.dashboard.stores import write_events_store

STATES = [
    FilterState(),
    FilterState(persons=("Carlo Ancelotti", "Toni Kroos")),
    FilterState(date_from=dt.date(2022, 5, 1), date_to=dt.date(2022, 6, 30)),
    FilterState(event_types=("tournament", "transfer"), min_confidence=0.5),
    FilterState(sources=("NOS",), text="mbappé"),
    FilterState(min_sources=2),
    FilterState(text='"de finale"'),
    FilterState(persons=("Kylian Mbappé",), date_from=dt.date(2020, 1, 1), text="real"),
]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    events = sample_events()
    root = write_events_store(events, tmp_path_factory.mktemp("q") / "store")
    return events, Store.open(root)


@pytest.mark.parametrize("state", STATES, ids=range(len(STATES)))
def test_the_sidebar_from_one_scan_matches_the_in_memory_filters(both, state):
    events, store = both
    masks = filter_masks(events, state)
    expected = outcome(events, masks)
    seen = queries.sidebar(store, state)
    assert (seen.view.total, seen.view.count) == (expected.total, expected.count)
    assert seen.view.hidden_only_by == expected.hidden_only_by
    for column, name in queries.OPTION_FILTERS.items():
        pd.testing.assert_series_equal(seen.options[column], option_counts(
            events, masks, column, name), check_names=False, check_index_type=False)
    for how in LANE_ORDERS:
        assert lane_order_from_stats(seen.stats, how, state.persons) == lane_order(
            expected.select(["person", "start"]), how, state.persons)


@pytest.mark.parametrize("state", STATES, ids=range(len(STATES)))
def test_rows_and_summaries_from_the_store_match(both, state):
    events, store = both
    expected = run_filters(events, state)
    seen = queries.sidebar(store, state).view
    assert list(seen.shown["event_id"]) == list(expected.shown["event_id"])
    lanes = lane_order(expected.select(["person", "start"]))
    mine = queries.person_summary(store, state, lanes)
    theirs = person_summary(expected.shown, lanes)
    pd.testing.assert_frame_equal(mine[theirs.columns], theirs, check_dtype=False)


def test_a_large_view_is_drawn_from_counts_per_person_and_month(both):
    events, store = both
    rows = queries.chart_rows(store, FilterState(), ["Carlo Ancelotti", "Kylian Mbappé"], 2)
    assert set(rows.columns) == {"person", "_month", "n"}
    assert rows["n"].sum() == 5                       # 3 + 2 events counted, not fetched
    few = queries.chart_rows(store, FilterState(), ["Toni Kroos"], 2)
    assert list(few["event_id"]) == ["a#3"]


def test_evidence_lookups(both):
    _, store = both
    event = queries.event(store, "a#1")
    assert event["person"] == "Carlo Ancelotti" and queries.event(store, "nope") is None
    assert list(queries.corroborating(store, event)["event_id"]) == ["b#1"]
    assert queries.passes(store, FilterState(persons=("Carlo Ancelotti",)), "a#1")
    assert not queries.passes(store, FilterState(persons=("Toni Kroos",)), "a#1")
    listed, n = queries.in_month(store, FilterState(), "Carlo Ancelotti", "2022-05", 10)
    assert n == 2 and set(listed["event_id"]) == {"a#1", "b#1"}


def test_the_summary_breaks_ties_on_first_and_last_day_as_in_memory(tmp_path):
    """Several events on a person's first or last day (the People page's first and last
    event): the store's answer picks the same one as the in-memory summary, by end date,
    then table order; an undated event is neither."""
    events = sample_events()
    one = events[events["person"] == "Carlo Ancelotti"].iloc[0]
    extra = []
    for n, (start, end) in enumerate([("1990-01-01", "1990-12-31"), ("1990-01-01", ""),
                                      ("1990-01-01", "1990-01-31"), ("2099-06-01", ""),
                                      ("2099-01-01", "2099-06-01"), ("", "")]):
        extra.append(one.copy())
        extra[-1]["event_id"], extra[-1]["label"] = f"tie#{n}", f"tie {n}"
        extra[-1]["start"], extra[-1]["end"] = start, end
    events = pd.concat([events, pd.DataFrame(extra)], ignore_index=True)
    store = Store.open(write_events_store(events, tmp_path / "store"))
    state = FilterState()
    expected = run_filters(events, state)
    lanes = lane_order(expected.select(["person", "start"]))
    mine = queries.person_summary(store, state, lanes)
    theirs = person_summary(expected.shown, lanes)
    pd.testing.assert_frame_equal(mine[theirs.columns], theirs, check_dtype=False)
    row = mine.set_index("person").loc["Carlo Ancelotti"]
    assert (row["first date"], row["last date"]) == ("1990-01-01", "2099-06-01")
    assert (row["first event"], row["last event"]) == ("tie 1", "tie 3")
