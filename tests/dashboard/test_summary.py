import pandas as pd

from dashboard.data import EVENT_COLUMNS, prepare_events, synthetic_events
from dashboard.lanes import lane_order
from dashboard.summary import person_summary, table_view, type_table


def test_person_summary_has_first_and_last_event_and_counts_by_type(events):
    summary = person_summary(events, lane_order(events)).set_index("person")
    carlo = summary.loc["Carlo Ancelotti"]
    assert carlo["events"] == 3
    assert (carlo["first date"], carlo["last date"]) == ("2022-05-28", "2024-08-31")
    assert carlo["last event"] == "ligt vast in Madrid"
    assert (carlo["tournament"], carlo["contract"], carlo["match"]) == (2, 1, 0)
    assert carlo["sources"] == 2
    assert summary.loc["Kylian Mbappé", "first date"] == "2018-08-01"
    assert list(summary.index)[0] == "Carlo Ancelotti"


def test_type_table_is_the_summarys_counts_per_type(events):
    table = type_table(person_summary(events, lane_order(events)))
    by_type = events.groupby(["person", "event_type"], observed=True).size().unstack(fill_value=0)
    assert list(table.columns) == sorted(by_type.columns)
    for person in by_type.index:
        assert table.loc[person].to_dict() == by_type.loc[person, table.columns].to_dict()
    assert type_table(person_summary(events.iloc[0:0])).empty


def test_person_summary_of_nothing_is_an_empty_table(events):
    assert person_summary(events.iloc[0:0]).empty


def test_table_is_chronological_and_blanks_unsafe_links(events):
    table = table_view(events)
    assert list(table["start"]) == sorted(table["start"])
    links = dict(zip(table["event_id"], table["url"]))
    assert links["c#1"] == "" and links["b#1"] == "https://nos.example/finale"


def test_table_limit_keeps_the_earliest_events():
    events = prepare_events(synthetic_events(500))
    table = table_view(events, limit=10)
    assert len(table) == 10 and table["start"].max() <= events["start"].sort_values().iloc[9]


def test_prepare_events_fills_every_missing_column():
    prepared = prepare_events(pd.DataFrame([{"event_id": "1", "person": "A"}]))
    assert set(EVENT_COLUMNS) <= set(prepared.columns)
    assert prepared.loc[0, "event_type"] == "other" and prepared.loc[0, "n_sources"] == 1
    assert prepared.loc[0, "fact_id"] == "1"
