"""The read API the dashboard will use: filters as DuckDB SQL give the rows pandas would."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import parallel
from extract.store import EventQuery, Store, ingest

from tests.extract.store.corpora import MEANTIME, SEEDS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("q") / "store"
    ingest.add([SEEDS, MEANTIME], root, executor=parallel.Inline())
    return Store.open(root)


def _ids(df):
    return sorted(df.event_id)


def test_each_filter_keeps_what_it_says(store):
    ev = store.tables().events
    person = ev.person.value_counts().index[0]
    cases = [
        (EventQuery(persons=(person,)), ev.person == person),
        (EventQuery(event_types=("statement",)), ev.event_type == "statement"),
        (EventQuery(sources=(ev.source.iloc[0],)), ev.source == ev.source.iloc[0]),
        (EventQuery(min_confidence=0.6), ev.confidence >= 0.6),
        (EventQuery(min_sources=2), ev.n_sources >= 2),
        (EventQuery(date_from=dt.date(2010, 1, 1), date_to=dt.date(2012, 12, 31)),
         (ev.start != "") & (ev.start.str[:10] <= "2012-12-31")
         & (ev[["start", "end"]].max(axis=1).str[:10] >= "2010-01-01")),
    ]
    for query, mask in cases:
        assert _ids(store.events(query)) == _ids(ev[mask]), query
        assert store.count(query) == int(mask.sum())


def test_text_search_needs_every_term_in_label_or_sentence(store):
    ev = store.tables().events
    word = ev.sentence.iloc[0].split()[0].lower()
    hay = (ev.label + " | " + ev.sentence).str.lower()
    assert _ids(store.events(EventQuery(text=word))) == _ids(ev[hay.str.contains(word, regex=False)])
    assert store.count(EventQuery(text=f'{word} "no such phrase here"')) == 0


def test_hidden_by_counts_what_clearing_one_filter_brings_back(store):
    q = EventQuery(min_confidence=0.6, event_types=("statement",))
    hidden = store.hidden_by(q)
    both = store.count(q)
    assert hidden["confidence"] == store.count(EventQuery(event_types=("statement",))) - both
    assert hidden["event type"] == store.count(EventQuery(min_confidence=0.6)) - both


def test_aggregates_per_person_and_month(store):
    ev = store.tables().events
    months = store.per_person_month()
    assert months.events.sum() == (ev.start != "").sum()
    people = store.per_person()
    assert people.events.sum() == len(ev)
    assert store.options("person").events.sum() == len(ev)


def test_summary_and_article(store):
    s = store.summary()
    assert (s.articles, s.batches, s.stale) == (102, 1, 0)
    assert s.bytes > 0
    doc = store.tables().documents.doc_id.iloc[0]
    assert store.article(doc)["text"]


def test_stored_day_numbers_and_search_column_are_those_of_the_text_columns(store):
    import pandas as pd
    ev = store.sql("SELECT start, \"end\", label, sentence, _day0, _day1, _month, _search "
                   "FROM cur_events").df()
    start = pd.to_datetime(ev.start.str[:10], errors="coerce", format="%Y-%m-%d")
    end = pd.to_datetime(ev.end.str[:10], errors="coerce", format="%Y-%m-%d")
    day0 = (start - pd.Timestamp("1970-01-01")).dt.days
    day1 = (end - pd.Timestamp("1970-01-01")).dt.days
    day1 = day1.where(day1.notna() & (day1 >= day0), day0)
    assert ev._day0.astype("Float64").fillna(-1e9).tolist() == day0.fillna(-1e9).tolist()
    assert ev._day1.astype("Float64").fillna(-1e9).tolist() == day1.fillna(-1e9).tolist()
    month = start.dt.year * 12 + start.dt.month - 1
    assert ev._month.astype("Float64").fillna(-1).tolist() == month.fillna(-1).tolist()
    assert (ev._search == (ev.label + " | " + ev.sentence).str.lower()).all()


def test_search_ignores_case_of_the_terms(store):
    ev = store.tables().events
    word = ev.label.iloc[0].split()[0]
    assert store.count(EventQuery(text=word.upper())) == store.count(EventQuery(text=word.lower()))


def test_a_store_of_an_older_format_says_how_to_upgrade_it(tmp_path):
    import json

    from extract.store import StoreError
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1}))
    with pytest.raises(StoreError, match="format 1.*compact --store"):
        Store.open(tmp_path)
