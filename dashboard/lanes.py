"""Where each event goes on the timeline: lane order, rows inside a lane, what to draw.

Pure pandas/numpy, no Plotly: `figures` turns these positions into traces. Split out so
that the layout rules (stacking, merging repeated reports, which rows a large view needs)
are tested on their own.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

DETAIL_LIMIT = 3000          # more filtered events than this: aggregate
MAX_LANES = 40               # more persons than this: the rest are summarised in a note
MAX_ROWS_PER_LANE = 6        # stacking depth inside a lane before markers may overlap
LANE_ORDERS = ("most events", "name", "earliest event", "latest event", "as selected")
DAY = pd.Timedelta(days=1)


def lane_order(events: pd.DataFrame, how: str = "most events",
               selected: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Persons in lane order (top to bottom), from the events themselves."""
    if events.empty:
        return []
    person = events["person"].astype("str")
    starts = events["start"].fillna("").astype("str").where(lambda s: s != "")
    stats = pd.DataFrame({"person": person, "start": starts}).groupby("person").agg(
        events=("person", "size"), first=("start", "min"), last=("start", "max"))
    return lane_order_from_stats(stats.reset_index(), how, selected)


def lane_order_from_stats(stats: pd.DataFrame, how: str = "most events",
                          selected: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Lane order from per-person `events`, `first` and `last` (dated start; None when
    the person has no dated event), as `queries.sidebar` gives them.

    "as selected" follows the order in which the user picked persons in the filter, which
    makes the lanes freely reorderable; unpicked persons follow by number of events.
    """
    stats = stats[stats["events"] > 0]
    if stats.empty:
        return []
    counts = dict(zip(stats["person"].astype("str"), stats["events"].astype(int)))
    by_count = sorted(counts, key=lambda p: (-counts[p], p.casefold()))
    if how == "name":
        return sorted(counts, key=str.casefold)
    if how in ("earliest event", "latest event"):
        column = "first" if how == "earliest event" else "last"
        when = {p: d for p, d in zip(stats["person"].astype("str"), stats[column])
                if isinstance(d, str) and d}
        ordered = sorted(when, key=lambda p: (when[p], p.casefold()))
        undated = [p for p in by_count if p not in when]
        return (ordered if how == "earliest event" else ordered[::-1]) + undated
    if how == "as selected":
        first = [p for p in selected if p in counts]
        return first + [p for p in by_count if p not in first]
    return by_count


AGGREGATE_COLUMNS = ["person", "start", "_month"]
"""All that the aggregated (large) timeline reads; `_month` is optional."""


def rows_to_draw(events: pd.DataFrame, keep: np.ndarray | None, lanes: list[str],
                 detail_limit: int = DETAIL_LIMIT, max_lanes: int = MAX_LANES
                 ) -> pd.DataFrame:
    """The part of the table `timeline_figure` needs: rows in the drawn lanes that pass
    the filters (`keep`), and for a large view only the columns the aggregate reads.

    Copying all columns of half a million rows would take longer than drawing them.
    """
    wanted = events["person"].isin(lanes[:max_lanes]).to_numpy(dtype=bool)
    if keep is not None:
        wanted = wanted & keep
    if wanted.sum() <= detail_limit:
        return events[wanted]
    narrow = events[[c for c in AGGREGATE_COLUMNS if c in events.columns]]
    return narrow if wanted.all() else narrow[wanted]


def event_positions(events: pd.DataFrame) -> pd.DataFrame:
    """Start, exclusive end and shape of each event on the time axis.

    `is_period`: covers more than one day, drawn as a bar. `is_approximate`: a modifier
    (APPROX, MID, BEFORE ...) makes even a single day uncertain.
    """
    start = pd.to_datetime(events["start"].fillna("").astype("str").str.slice(0, 10),
                           errors="coerce", format="%Y-%m-%d")
    end = pd.to_datetime(events["end"].fillna("").astype("str").str.slice(0, 10),
                         errors="coerce", format="%Y-%m-%d")
    end = end.where(end.notna() & (end >= start), start) + DAY
    mods = events["mod"].fillna("").astype("str") if "mod" in events else ""
    out = pd.DataFrame({"t0": start, "t1": end}, index=events.index)
    out["is_period"] = (out["t1"] - out["t0"]) > DAY
    out["is_approximate"] = out["is_period"] | (mods != "")
    return out


def pack_rows(t0: np.ndarray, t1: np.ndarray, min_width: float,
              max_rows: int = MAX_ROWS_PER_LANE) -> np.ndarray:
    """Row per interval so that intervals on one row do not overlap (greedy, by start).

    Markers get `min_width` so that two events a few days apart on a long axis do not
    sit on top of each other. When all rows are taken the row that frees up first is
    reused, so a lane never grows beyond `max_rows`.
    """
    order = np.argsort(t0, kind="stable")
    rows = np.zeros(len(t0), dtype=int)
    row_end: list[float] = []
    for i in order:
        lo, hi = t0[i], max(t1[i], t0[i] + min_width)
        for r, busy_until in enumerate(row_end):
            if busy_until <= lo:
                rows[i], row_end[r] = r, hi
                break
        else:
            if len(row_end) < max_rows:
                rows[i] = len(row_end)
                row_end.append(hi)
            else:
                r = int(np.argmin(row_end))
                rows[i], row_end[r] = r, max(row_end[r], hi)
    return rows


def one_marker_per_fact(events: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """One event per (fact, person): the most confident report. Also how many were merged."""
    if "fact_id" not in events.columns or events.empty:
        return events, 0
    best = events.sort_values("confidence", ascending=False, kind="stable") \
        if "confidence" in events.columns else events
    kept = best.drop_duplicates(["fact_id", "person"]).sort_index()
    return kept, len(events) - len(kept)
