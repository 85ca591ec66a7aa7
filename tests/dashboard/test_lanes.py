import numpy as np
import pandas as pd

from dashboard.data import prepare_events
from dashboard.figures import timeline_figure
from dashboard.lanes import event_positions, lane_order, one_marker_per_fact, pack_rows


def test_lanes_are_reorderable(events):
    assert lane_order(events, "name")[0] == "Carlo Ancelotti"
    assert lane_order(events, "earliest event")[0] == "Kylian Mbappé"
    assert lane_order(events, "latest event")[0] == "Carlo Ancelotti"
    chosen = lane_order(events, "as selected", ("Toni Kroos", "Karim Benzema"))
    assert chosen[:2] == ["Toni Kroos", "Karim Benzema"] and len(chosen) == 4
    fig = timeline_figure(events, chosen)
    assert fig.layout.yaxis.ticktext[0].startswith("<b>Toni Kroos</b>")


def test_pack_rows_never_puts_overlapping_intervals_on_one_row():
    rng = np.random.default_rng(3)
    t0 = rng.integers(0, 1000, 200).astype(float)
    t1 = t0 + rng.integers(1, 100, 200)
    rows = pack_rows(t0, t1, min_width=1, max_rows=1000)
    for r in set(rows):
        on_row = sorted(zip(t0[rows == r], t1[rows == r]))
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(on_row, on_row[1:]))


def test_event_positions_handle_missing_and_reversed_dates():
    events = prepare_events(pd.DataFrame([
        {"event_id": "1", "person": "A", "start": "", "end": ""},
        {"event_id": "2", "person": "A", "start": "2022-05-04T18:00", "end": "2022-05-04T23:59"},
        {"event_id": "3", "person": "A", "start": "2022-05-10", "end": "2022-05-01"}]))
    pos = event_positions(events).set_index(events["event_id"])
    assert pd.isna(pos.loc["1", "t0"])
    assert not pos.loc["2", "is_period"]
    assert pos.loc["3", "t1"] == pd.Timestamp("2022-05-11")


def test_one_marker_per_fact_keeps_the_most_confident_report(events):
    kept, merged = one_marker_per_fact(events)
    assert merged == 1 and "a#1" in set(kept["event_id"]) and "b#1" not in set(kept["event_id"])
    assert list(kept.index) == sorted(kept.index)          # still in date order
