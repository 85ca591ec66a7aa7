import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dashboard.filters import FilterState
from dashboard.state import (ViewState, from_query_params, jump_range, to_query_params,
                             view_range)

names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)


@given(persons=st.lists(names, max_size=4, unique=True),
       date_from=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2000, 1, 1)),
       date_to=st.none() | st.dates(dt.date(2000, 1, 2), dt.date(2100, 1, 1)),
       types=st.lists(st.sampled_from(["match", "transfer", "award"]), unique=True),
       sources=st.lists(names, max_size=3, unique=True),
       confidence=st.sampled_from([0.0, 0.05, 0.5, 0.95, 1.0]),
       min_sources=st.integers(1, 9), text=st.text(max_size=20).map(str.strip),
       order=st.sampled_from(["most events", "name", "as selected"]),
       jump=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
       event=st.text(max_size=10),
       merge=st.booleans(),
       zoom=st.none() | st.tuples(st.dates(dt.date(1990, 1, 1), dt.date(2000, 1, 1)),
                                  st.dates(dt.date(2000, 1, 2), dt.date(2030, 1, 1))))
def test_a_link_reproduces_the_view(persons, date_from, date_to, types, sources, confidence,
                                    min_sources, text, order, jump, event, zoom, merge):
    filters = FilterState(persons=tuple(persons), date_from=date_from, date_to=date_to,
                          event_types=tuple(types), sources=tuple(sources),
                          min_confidence=confidence, min_sources=min_sources, text=text)
    view = ViewState(corpus="All samples", lane_order=order, jump_to=jump,
                     window="1 year", event=event, zoom=zoom, merge_facts=merge)
    params = to_query_params(filters, view)
    back_filters, back_view = from_query_params(params)
    assert back_filters == filters
    assert back_view == (view if jump else view.with_changes(window="3 months"))


def test_defaults_write_nothing():
    assert to_query_params(FilterState(), ViewState()) == {}


def test_persons_are_repeated_keys_in_selection_order():
    params = to_query_params(FilterState(persons=("Toni Kroos", "Carlo Ancelotti")))
    assert params == {"person": ["Toni Kroos", "Carlo Ancelotti"]}


def test_broken_values_fall_back_to_defaults():
    filters, view = from_query_params({"from": "2022-13-45", "conf": "lots", "nsrc": "-3",
                                       "window": "forever", "jump": "soon"})
    assert filters == FilterState(min_sources=1)
    assert view == ViewState()


def test_out_of_range_confidence_is_clamped_and_swapped_dates_are_fixed():
    filters, _ = from_query_params({"conf": "7", "from": "2024-01-01", "to": "2020-01-01"})
    assert filters.min_confidence == 1.0
    assert (filters.date_from, filters.date_to) == (dt.date(2020, 1, 1), dt.date(2024, 1, 1))


def test_zoom_wins_over_the_jump_window_and_bad_zooms_are_dropped():
    view = ViewState(jump_to=dt.date(2022, 5, 28), zoom=(dt.date(2020, 1, 1),
                                                         dt.date(2021, 1, 1)))
    assert view_range(view) == (dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    assert view_range(view.with_changes(zoom=None)) == jump_range(view)
    assert from_query_params({"zoom": "2021-01-01..2020-01-01"})[1].zoom == (
        dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    for broken in ("2020-01-01", "2020-01-01..", "x..y", "2020-01-01..2020-01-01"):
        assert from_query_params({"zoom": broken})[1].zoom is None


def test_jump_range_centres_the_window_on_the_date():
    view = ViewState(jump_to=dt.date(2022, 5, 28), window="2 weeks")
    assert jump_range(view) == (dt.date(2022, 5, 21), dt.date(2022, 6, 4))
    assert jump_range(ViewState()) is None
