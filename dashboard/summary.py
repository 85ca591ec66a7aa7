"""Per-person summary and the events table view: pure DataFrame-in, DataFrame-out."""
from __future__ import annotations

import pandas as pd

from dashboard.evidence import safe_url

TABLE_COLUMNS = ["start", "end", "person", "label", "event_type", "time_text", "confidence",
                 "n_sources", "source", "published", "title", "url", "sentence", "event_id"]


SUMMARY_COLUMNS = ["person", "event_type", "start", "end", "label", "source"]


def person_summary(events: pd.DataFrame, lanes: list[str] | None = None) -> pd.DataFrame:
    """One row per person: number of events, first and last dated event, events by type.

    Rows follow `lanes` (the timeline's lane order) when given, else most events first.
    """
    type_columns = sorted(events["event_type"].astype("str").unique()) if len(events) else []
    columns = SUMMARY_FIXED + type_columns
    if events.empty:
        return pd.DataFrame(columns=columns)
    ev = events.assign(person=events["person"].astype("str"),
                       start=events["start"].fillna("").astype("str"),
                       end=events["end"].fillna("").astype("str"))
    dated = ev[ev["start"] != ""].sort_values(["start", "end"], kind="stable")
    first = dated.groupby("person").head(1).set_index("person")
    last = dated.assign(last_day=dated["end"].where(dated["end"] != "", dated["start"]))
    last = last.sort_values("last_day", kind="stable").groupby("person").tail(1).set_index(
        "person")
    by_type = ev.groupby(["person", "event_type"]).size().unstack(fill_value=0)
    out = pd.DataFrame({"events": ev.groupby("person").size()})
    out["first date"] = first["start"]
    out["first event"] = first["label"]
    out["last date"] = last["last_day"]
    out["last event"] = last["label"]
    out["sources"] = ev.groupby("person")["source"].nunique()
    out = out.join(by_type).fillna({c: 0 for c in by_type.columns})
    order = lanes if lanes is not None else list(out.sort_values(
        "events", ascending=False, kind="stable").index)
    out = out.reindex([p for p in order if p in out.index])
    out = out.rename_axis("person").reset_index()
    for column in ("first date", "first event", "last date", "last event"):
        out[column] = out[column].fillna("")
    return out[columns].astype({c: "int64" for c in type_columns + ["events", "sources"]})


SUMMARY_FIXED = ["person", "events", "first date", "first event", "last date", "last event",
                 "sources"]
"""The summary's columns before its per-type counts (`person_summary`)."""


def type_table(summary: pd.DataFrame) -> pd.DataFrame:
    """Events per person (rows) and type (columns) as the summary counts them: the type
    bars need no second count of the events."""
    if summary.empty:
        return pd.DataFrame()
    types = [c for c in summary.columns if c not in SUMMARY_FIXED]
    return summary.set_index("person")[types]


def table_view(events: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The events as the table shows them: chronological, useful columns first.

    Unsafe links (anything but http/https) are blanked so the table never offers a
    `javascript:` link from an article's metadata.
    """
    columns = [c for c in TABLE_COLUMNS if c in events.columns]
    view = events[columns]
    if "start" in view and not view["start"].is_monotonic_increasing:
        view = view.sort_values(["start", "person"], kind="stable")
    if limit is not None:
        view = view.head(limit)
    if "url" in view:
        view = view.assign(url=view["url"].map(safe_url))
    return view.reset_index(drop=True)
