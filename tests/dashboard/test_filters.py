import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data import prepare_events, synthetic_events
from dashboard.filters import (FilterState, describe_hidden, filter_masks, option_counts,
                               run_filters, search_terms)


def ids(outcome):
    return set(outcome.shown["event_id"])


def test_no_filter_shows_everything(events):
    outcome = run_filters(events, FilterState())
    assert len(outcome.shown) == len(events) and outcome.hidden == 0


def test_person_filter_keeps_only_chosen_persons(events):
    outcome = run_filters(events, FilterState(persons=("Toni Kroos", "Karim Benzema")))
    assert set(outcome.shown["person"]) == {"Toni Kroos", "Karim Benzema"}
    assert outcome.hidden_only_by == {"person": len(events) - 2}


def test_date_range_keeps_periods_that_overlap_it(events):
    # "seizoen 2018/19" (2018-08-01..2019-06-30) overlaps January 2019 although it
    # neither starts nor ends in it; the exact dates of 2022 do not.
    outcome = run_filters(events, FilterState(date_from=dt.date(2019, 1, 1),
                                              date_to=dt.date(2019, 1, 31)))
    assert ids(outcome) == {"c#2"}


def test_open_ended_date_range(events):
    after = run_filters(events, FilterState(date_from=dt.date(2023, 1, 1)))
    assert ids(after) == {"a#2"}
    before = run_filters(events, FilterState(date_to=dt.date(2022, 5, 4)))
    assert ids(before) == {"a#3", "c#2"}


def test_event_type_filter(events):
    assert ids(run_filters(events, FilterState(event_types=("match",)))) == {"a#3", "c#2"}


def test_source_filter(events):
    assert ids(run_filters(events, FilterState(sources=("AD",)))) == {"d#1"}


def test_minimum_confidence_is_inclusive(events):
    assert ids(run_filters(events, FilterState(min_confidence=0.9))) == {"a#1", "b#1", "d#1"}


def test_minimum_number_of_sources(events):
    assert ids(run_filters(events, FilterState(min_sources=2))) == {"a#1", "b#1"}


def test_text_search_ignores_case_and_looks_in_label_and_sentence(events):
    assert ids(run_filters(events, FilterState(text="PSG"))) == {"c#2"}       # label
    assert ids(run_filters(events, FilterState(text="gewisseld"))) == {"a#3"}  # sentence
    assert ids(run_filters(events, FilterState(text="madrid medio"))) == {"a#2"}  # all terms
    assert ids(run_filters(events, FilterState(text='"medio 2024"'))) == {"a#2"}
    assert ids(run_filters(events, FilterState(text='"2024 medio"'))) == set()


def test_text_search_treats_regex_characters_literally(events):
    assert ids(run_filters(events, FilterState(text="d'Or"))) == {"d#1"}
    assert ids(run_filters(events, FilterState(text=".*"))) == set()


def test_filters_combine_and_count_what_each_one_alone_hides(events):
    state = FilterState(persons=("Carlo Ancelotti",), min_confidence=0.9)
    outcome = run_filters(events, state)
    assert ids(outcome) == {"a#1", "b#1"}
    # Clearing the person filter would bring back Benzema's 0.9 event; clearing the
    # confidence filter would bring back Ancelotti's 0.8 contract.
    assert outcome.hidden_only_by == {"person": 1, "confidence": 1}
    assert describe_hidden(outcome) == (
        "Showing 2 of 7 events; the filters hide 5. Clearing only the Persons filter would "
        "show 1 more; only the minimum confidence would show 1 more.")


def test_no_filter_says_just_what_is_shown(events):
    assert describe_hidden(run_filters(events, FilterState())) == "Showing 7 of 7 events."


def test_option_counts_show_what_picking_an_option_would_give(events):
    state = FilterState(persons=("Carlo Ancelotti",), event_types=("contract",))
    masks = filter_masks(events, state)
    persons = option_counts(events, masks, "person", "person")
    # Counts ignore the person filter itself, but respect the event type filter.
    assert persons.to_dict() == {"Carlo Ancelotti": 1, "Karim Benzema": 0,
                                 "Kylian Mbappé": 0, "Toni Kroos": 0}
    types = option_counts(events, masks, "event_type", "event type")
    assert types.index[0] == "tournament" and types["tournament"] == 2
    assert types["match"] == 0


def test_search_terms_keep_quoted_phrases_together():
    assert search_terms('finale "halve finale"  Real') == ["finale", "halve finale", "Real"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # read-only fixture
@given(persons=st.lists(st.sampled_from(["Carlo Ancelotti", "Toni Kroos", "Kylian Mbappé",
                                         "Nobody"]), max_size=3),
       confidence=st.floats(0, 1), min_sources=st.integers(1, 3),
       text=st.sampled_from(["", "mei", "Ancelotti", "zzz"]))
def test_every_shown_event_passes_every_filter(events, persons, confidence, min_sources,
                                               text):
    state = FilterState(persons=tuple(persons), min_confidence=confidence,
                        min_sources=min_sources, text=text)
    outcome = run_filters(events, state)
    for _, row in outcome.shown.iterrows():
        assert not persons or row["person"] in persons
        assert row["confidence"] >= confidence - 1e-9
        assert row["n_sources"] >= min_sources
        assert not text or text.lower() in (row["label"] + row["sentence"]).lower()
    assert outcome.hidden + len(outcome.shown) == len(events)


@pytest.mark.slow
def test_a_million_events_filter_well_under_a_second():
    events = prepare_events(synthetic_events(1_000_000, seed=1))
    state = FilterState(persons=("Person 001", "Person 002"), date_from=dt.date(2000, 1, 1),
                        event_types=("match", "transfer"), min_confidence=0.3, text="club")
    timings = []
    for _ in range(2):         # best of two: the first call also warms up imports
        started = time.perf_counter()
        masks = filter_masks(events, state)
        outcome = run_filters(events, state)
        for column, name in (("person", "person"), ("event_type", "event type"),
                             ("source", "source")):
            option_counts(events, masks, column, name)
        timings.append(time.perf_counter() - started)
    assert 0 < outcome.count < len(events)
    assert min(timings) < 1.0, f"filtering 1M events took {timings}"


def test_head_gives_the_first_passing_events_without_filtering_all(events):
    outcome = run_filters(events, FilterState(persons=("Carlo Ancelotti",)))
    assert list(outcome.head(2, ["event_id"])["event_id"]) == list(
        outcome.shown["event_id"][:2])
    assert len(run_filters(events, FilterState()).head(3)) == 3
