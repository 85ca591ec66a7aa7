import datetime as dt
import re
import time

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.data import prepare_events, synthetic_events
from dashboard.figures import hover_texts, timeline_figure, type_counts_figure
from dashboard.lanes import DETAIL_LIMIT, lane_order, rows_to_draw
from dashboard.filters import FilterState, run_filters

XSS = '<img src=x onerror="alert(1)">'


def traces_with(fig, event_id):
    return [t for t in fig.data if t.customdata is not None and event_id in list(t.customdata)]


def persons_on_chart(fig) -> set[str]:
    """Lane labels of the figure, without markup and counts."""
    return {re.sub(r"<[^>]+>| \(\d+\)$", "", t) for t in fig.layout.yaxis.ticktext}


def test_one_lane_per_person_sorted_by_number_of_events(events):
    fig = timeline_figure(events)
    labels = list(fig.layout.yaxis.ticktext)
    assert labels[0] == "<b>Carlo Ancelotti</b> (3)"
    assert persons_on_chart(fig) == set(events["person"])
    assert len(labels) == 4


def test_exact_date_is_a_marker_and_a_vague_period_a_bar_over_its_range(events):
    fig = timeline_figure(events)
    [exact] = traces_with(fig, "c#1")
    assert isinstance(exact, go.Scatter) and exact.marker.symbol == "circle"
    [season] = traces_with(fig, "c#2")
    assert isinstance(season, go.Bar) and season.orientation == "h"
    i = list(season.customdata).index("c#2")
    assert season.base[i] == "2018-08-01"
    # The bar runs to the end of the last day: 2018-08-01 .. 2019-06-30 inclusive.
    assert season.x[i] == pytest.approx((pd.Timestamp("2019-07-01")
                                         - pd.Timestamp("2018-08-01")).total_seconds() * 1000)
    # Uncertainty is visible: hatched and translucent, not a solid block.
    assert season.marker.pattern.shape == "/" and "rgba" in season.marker.color


def test_single_day_with_a_modifier_is_an_open_marker():
    events = prepare_events(pd.DataFrame([{
        "event_id": "x#1", "person": "A", "start": "2022-05-04", "end": "2022-05-04",
        "mod": "APPROX", "event_type": "match"}]))
    [trace] = timeline_figure(events).data
    assert trace.marker.symbol == "circle-open"


def test_a_fact_reported_twice_is_one_marker_unless_asked_otherwise(events):
    merged = timeline_figure(events)
    ids = {i for t in merged.data for i in t.customdata}
    assert "a#1" in ids and "b#1" not in ids            # a#1 is the more confident report
    assert any("1 repeated report merged" in (a.text or "") for a in merged.layout.annotations)
    separate = timeline_figure(events, merge_facts=False)
    assert {"a#1", "b#1"} <= {i for t in separate.data for i in t.customdata}


def test_overlapping_events_in_a_lane_go_to_separate_rows(events):
    fig = timeline_figure(events, merge_facts=False)
    y_of = {}
    for trace in fig.data:
        for event_id, y in zip(trace.customdata, trace.y):
            y_of[event_id] = y
    # a#1 and b#1 are the same day for the same person: stacked, not on top of each other.
    assert y_of["a#1"] != y_of["b#1"]


def test_hover_has_label_date_as_written_and_read_person_source_and_sentence(events):
    fig = timeline_figure(events)
    [trace] = traces_with(fig, "a#2")
    hover = trace.hovertext[list(trace.customdata).index("a#2")]
    for part in ("ligt vast in Madrid", "Carlo Ancelotti", "“tot medio 2024”",
                 "2024-05-01 – 2024-08-31", "year, MID", "Artikel", "Voetbalzone",
                 "2022-05-03", "Ancelotti ligt tot medio 2024 vast."):
        assert part in hover, part


def test_hover_text_from_articles_is_escaped(events):
    fig = timeline_figure(events)
    [trace] = traces_with(fig, "c#2")
    hover = trace.hovertext[list(trace.customdata).index("c#2")]
    assert "<img" not in hover and "&lt;img" in hover


def test_person_names_in_lane_labels_are_escaped():
    events = prepare_events(pd.DataFrame([{"event_id": "x#1", "person": "<b>Evil</b>",
                                           "start": "2022-01-01", "end": "2022-01-01"}]))
    assert timeline_figure(events).layout.yaxis.ticktext[0] == \
        "<b>&lt;b&gt;Evil&lt;/b&gt;</b> (1)"


def test_today_marker_and_jump_range(events):
    fig = timeline_figure(events, today=dt.date(2023, 3, 1),
                          x_range=(dt.date(2022, 5, 1), dt.date(2022, 6, 1)),
                          uirevision="jump-2022-05-15")
    assert any(s.type == "line" and s.x0 == "2023-03-01" for s in fig.layout.shapes)
    assert any(a.text == "today" for a in fig.layout.annotations)
    assert list(fig.layout.xaxis.range) == ["2022-05-01", "2022-06-01"]
    assert fig.layout.uirevision == "jump-2022-05-15"


def test_today_far_from_the_events_does_not_squeeze_the_axis(events):
    fig = timeline_figure(events, today=dt.date(2090, 1, 1))
    assert not any(s.type == "line" for s in fig.layout.shapes)
    assert any(a.text == "today (2090-01-01) →" for a in fig.layout.annotations)


def test_no_events_gives_a_message_not_an_error(events):
    fig = timeline_figure(events.iloc[0:0])
    assert "No events" in fig.layout.annotations[0].text


def test_many_events_are_aggregated_with_webgl():
    events = prepare_events(synthetic_events(DETAIL_LIMIT + 500, n_persons=5))
    fig = timeline_figure(events)
    assert len(fig.data) == 1 and isinstance(fig.data[0], go.Scattergl)
    counted = sum(int(h.rsplit(": ", 1)[1].split()[0]) for h in fig.data[0].hovertext)
    assert counted == len(events)


def test_lanes_beyond_the_limit_are_summarised(events):
    fig = timeline_figure(events, max_lanes=2)
    assert len(fig.layout.yaxis.ticktext) == 2
    assert any("+ 2 more persons" in (a.text or "") for a in fig.layout.annotations)


def test_type_counts_figure_stacks_event_types_per_person(events):
    fig = type_counts_figure(events, lane_order(events))
    totals = {}
    for trace in fig.data:
        for person, n in zip(trace.y, trace.x):
            totals[person] = totals.get(person, 0) + n
    assert totals["Carlo Ancelotti"] == 3 and totals["Kylian Mbappé"] == 2


@pytest.mark.slow
def test_a_million_events_filter_and_draw_within_a_second():
    events = prepare_events(synthetic_events(1_000_000, seed=2))
    for state in (FilterState(), FilterState(min_confidence=0.5, event_types=("match",)),
                  FilterState(date_from=dt.date(2005, 1, 1), text="club"),
                  FilterState(persons=("Person 150",), date_from=dt.date(2005, 1, 1))):
        timings = []
        for _ in range(2):     # best of two: the first call also warms up imports
            started = time.perf_counter()
            outcome = run_filters(events, state)
            lanes = lane_order(outcome.select(["person", "start"]))
            fig = timeline_figure(rows_to_draw(events, outcome.keep, lanes), lanes,
                                  today=dt.date(2026, 1, 1))
            fig.to_json()
            timings.append(time.perf_counter() - started)
        assert min(timings) < 1.0, f"{state}: {timings}"
    assert isinstance(fig.data[0], (go.Scatter, go.Bar))   # one person: single events


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list("<>&\"' /=abc") + ["<script>", "<br>", "<b>"]),
                max_size=30).map("".join))
def test_hover_text_never_carries_markup_from_the_article(text):
    events = pd.DataFrame([{"label": text, "person": text, "event_type": "match",
                            "time_text": text, "start": "2022-01-01", "end": "2022-01-01",
                            "grain": "day", "mod": "", "title": text, "source": text,
                            "published": "2022-01-02", "n_sources": 1, "sentence": text}])
    [hover] = hover_texts(events)
    assert not re.search(r"<(?!/?(b|i|br)>)", hover)


def test_an_empty_view_draws_no_axis_that_reads_as_data(events):
    fig = timeline_figure(events.iloc[0:0])
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert "No events match" in fig.layout.annotations[0].text


def test_the_people_chart_counts_in_whole_numbers(events):
    fig = type_counts_figure(events, lane_order(events))
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tickformat == ",d"


def test_the_on_screen_legend_names_each_type_once_and_escapes_it(events):
    from dashboard.figures import legend_entries, legend_html
    fig = timeline_figure(events)
    names = [n for n, _ in legend_entries(fig)]
    assert len(names) == len(set(names)) and set(names) == set(events["event_type"].astype(str))
    html_ = legend_html([(XSS, "#123456")])
    assert "<img" not in html_ and "&lt;img" in html_
