"""Plotly figures for the timeline: pure functions, events DataFrame in, figure out.

The timeline has one lane per person. An event with an exact date is a marker; a period
or a vague date ("medio 2024", "seizoen 2018/19", "later dit jaar") is a translucent,
hatched bar over the whole range it may cover, so that it never reads as a precise point.
Events that would overlap inside a lane are stacked on extra rows of that lane.

Above `DETAIL_LIMIT` events a single marker per event is neither readable nor fast, so
the figure switches to counts per person and month (or year) drawn with WebGL.
"""
from __future__ import annotations

import datetime as dt
import html
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

# Layout rules live in `lanes`; their names stay importable from here too.
from dashboard.lanes import (AGGREGATE_COLUMNS, DETAIL_LIMIT, LANE_ORDERS,  # noqa: F401
                             MAX_LANES, event_positions, lane_order, one_marker_per_fact,
                             pack_rows, rows_to_draw)

ROW_HEIGHT_PX = 26

EVENT_TYPE_COLORS = {
    "match": "#1f77b4", "transfer": "#ff7f0e", "contract": "#2ca02c",
    "appointment": "#9467bd", "departure": "#8c564b", "injury": "#d62728",
    "award": "#e6ab02", "tournament": "#17becf", "birth": "#e377c2", "death": "#444444",
    "statement": "#bcbd22", "other": "#9aa5b1",
}
FALLBACK_COLOR = "#9aa5b1"
TEMPLATE = "plotly_white"


def color_for(event_type: str) -> str:
    return EVENT_TYPE_COLORS.get(event_type, FALLBACK_COLOR)


def translucent(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def esc(value: object) -> str:
    """Plotly renders a subset of HTML in hover and tick text: escape untrusted text."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=False)


def _wrap(text: str, width: int = 80, limit: int = 320) -> str:
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return "<br>".join(esc(line) for line in textwrap.wrap(text, width)) if text else ""


def hover_texts(events: pd.DataFrame) -> list[str]:
    """Hover for each event: label, person, date as written and as read, source, sentence."""
    texts = []
    for row in events.itertuples(index=False):
        get = row._asdict().get
        start, end = str(get("start") or ""), str(get("end") or "")
        resolved = start if not end or end == start else f"{start} – {end}"
        qualifiers = ", ".join(x for x in (str(get("grain") or ""), str(get("mod") or "")) if x)
        source = ", ".join(x for x in (esc(get("source")), esc(str(get("published") or "")[:10]))
                           if x)
        lines = [f"<b>{esc(get('label')) or '(no label)'}</b>",
                 f"{esc(get('person'))} · {esc(get('event_type'))}",
                 f"Written: “{esc(get('time_text'))}”",
                 f"Read as: {esc(resolved) or 'no calendar date'}"
                 + (f" ({esc(qualifiers)})" if qualifiers else ""),
                 f"Source: {esc(get('title'))}" + (f" ({source})" if source else "")]
        n_sources = get("n_sources")
        if n_sources is not None and not pd.isna(n_sources) and int(n_sources) > 1:
            lines.append(f"Reported by {int(n_sources)} sources")
        sentence = _wrap(get("sentence") or "")
        if sentence:
            lines.append(f"<i>{sentence}</i>")
        texts.append("<br>".join(lines))
    return texts


def _near(day: dt.date, data_range: tuple[dt.date, dt.date], margin: float = 0.25) -> bool:
    """Whether `day` lies within the data's range widened by `margin` of its length.

    A "today" line far from every event would squeeze all of them into a corner of an
    axis stretched to reach it, so it is drawn only when it is close by.
    """
    lo, hi = data_range
    slack = dt.timedelta(days=max(30, (hi - lo).days * margin))
    return lo - slack <= day <= hi + slack


def _base_layout(fig: go.Figure, *, height: int, title: str, uirevision: str,
                 x_range: tuple[dt.date, dt.date] | None, today: dt.date | None,
                 data_range: tuple[dt.date, dt.date] | None = None) -> None:
    fig.update_layout(
        template=TEMPLATE, height=height, uirevision=uirevision, hovermode="closest",
        margin=dict(l=10, r=10, t=70 if title else 40, b=40), clickmode="event+select",
        dragmode="zoom", barmode="overlay", bargap=0,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0,
                    title_text=""),
        hoverlabel=dict(align="left", bgcolor="white", font_size=12),
        title=dict(text=esc(title), x=0, y=0.99, yanchor="top") if title else None,
    )
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#e5e5e5", zeroline=False,
                     rangeslider=dict(visible=False))
    if x_range is not None:
        fig.update_xaxes(range=[x_range[0].isoformat(), x_range[1].isoformat()],
                         autorange=False)
    # With a fixed x range the line cannot stretch the axis; with autorange it could.
    if today is not None and (x_range or data_range is None or _near(today, data_range)):
        fig.add_shape(type="line", x0=today.isoformat(), x1=today.isoformat(), xref="x",
                      y0=0, y1=1, yref="paper", line=dict(color="#d62728", width=1.5,
                                                          dash="dot"))
        fig.add_annotation(x=today.isoformat(), y=1, xref="x", yref="paper", text="today",
                           showarrow=False, yanchor="bottom", font=dict(color="#d62728"))
    elif today is not None:
        later = today > data_range[1]
        fig.add_annotation(x=1 if later else 0, y=1, xref="paper", yref="paper",
                           xanchor="right" if later else "left", yanchor="bottom",
                           showarrow=False, font=dict(color="#d62728", size=11),
                           text=f"today ({today.isoformat()}) →" if later
                           else f"← today ({today.isoformat()})")


def empty_figure(message: str, title: str = "") -> go.Figure:
    fig = go.Figure()
    _base_layout(fig, height=260, title=title, uirevision="timeline", x_range=None,
                 today=None)
    # No axes: Plotly's default date range (Mar-Nov 2000) would read as data.
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(text=esc(message), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font=dict(size=15, color="#666"))
    return fig


def timeline_figure(events: pd.DataFrame, lanes: list[str] | None = None, *,
                    title: str = "", today: dt.date | None = None,
                    x_range: tuple[dt.date, dt.date] | None = None,
                    uirevision: str = "timeline", detail_limit: int = DETAIL_LIMIT,
                    max_lanes: int = MAX_LANES, merge_facts: bool = True) -> go.Figure:
    """The timeline of `events`: one lane per person in `lanes` order (default: by count).

    `x_range` fixes the visible period; `uirevision` lets Plotly keep a zoom made inside
    the chart while the chart itself is kept. With `merge_facts`, a fact that several
    articles report is one marker (its hover says how many sources), not a pile of them.
    """
    if events.empty:
        return empty_figure("No events match the filters.", title)
    lanes = list(lanes) if lanes is not None else lane_order(events)
    n_hidden = len(lanes) - max_lanes
    present = set(pd.Series(events["person"].unique()).astype("str"))
    lanes = [p for p in lanes[:max_lanes] if p in present]
    in_lanes = events["person"].isin(lanes).to_numpy(dtype=bool)
    if COUNT_COLUMN in events.columns or in_lanes.sum() > detail_limit:
        narrow = events[[c for c in AGGREGATE_COLUMNS + [COUNT_COLUMN] if c in events.columns]]
        fig = aggregate_figure(narrow if in_lanes.all() else narrow[in_lanes], lanes,
                               title=title, today=today, x_range=x_range,
                               uirevision=uirevision)
    else:
        subset = events if in_lanes.all() else events[in_lanes]
        counts = subset["person"].astype("str").value_counts()   # events, before merging
        subset, merged = one_marker_per_fact(subset) if merge_facts else (subset, 0)
        fig = _detail_figure(subset, lanes, title=title, today=today, x_range=x_range,
                             uirevision=uirevision, merged=merged, lane_counts=counts)
    if n_hidden > 0:
        fig.add_annotation(text=f"+ {n_hidden} more persons not shown: pick persons in "
                           "the filter", x=0, y=0, xref="paper", yref="paper", yshift=-52,
                           showarrow=False, xanchor="left", font=dict(size=11, color="#666"))
    return fig


def _detail_figure(events: pd.DataFrame, lanes: list[str], *, title: str,
                   today: dt.date | None, x_range, uirevision: str,
                   merged: int = 0, lane_counts: pd.Series | None = None) -> go.Figure:
    pos = event_positions(events)
    dated = pos["t0"].notna()
    undated = int((~dated).sum())
    ev, pos = events[dated], pos[dated]
    fig = go.Figure()
    if ev.empty:
        return empty_figure("None of these events has a calendar date.", title)

    t0 = pos["t0"].astype("datetime64[ms]").astype("int64").to_numpy().astype(float)
    t1 = pos["t1"].astype("datetime64[ms]").astype("int64").to_numpy().astype(float)
    span = max(t1.max() - t0.min(), 86_400_000.0)
    person = ev["person"].astype("str").to_numpy()
    y = np.zeros(len(ev))
    tickvals, ticktext, bands = [], [], []
    offset = 0.0
    counts = lane_counts if lane_counts is not None else ev["person"].astype("str").value_counts()
    for lane in lanes:
        idx = np.flatnonzero(person == lane)
        rows = pack_rows(t0[idx], t1[idx], min_width=span / 90)
        y[idx] = offset + rows
        n_rows = int(rows.max()) + 1 if len(rows) else 1
        tickvals.append(offset + (n_rows - 1) / 2)
        ticktext.append(f"<b>{esc(lane)}</b> ({int(counts.get(lane, 0))})")
        bands.append((offset - 0.5, offset + n_rows - 0.5))
        offset += n_rows

    hover = np.array(hover_texts(ev), dtype=object)
    event_ids = ev["event_id"].astype("str").to_numpy()
    types = ev["event_type"].fillna("other").astype("str").to_numpy()
    is_period = pos["is_period"].to_numpy()
    is_approx = pos["is_approximate"].to_numpy()
    start_iso = pos["t0"].dt.strftime("%Y-%m-%d").to_numpy()
    for event_type in sorted(set(types), key=lambda t: list(EVENT_TYPE_COLORS).index(t)
                             if t in EVENT_TYPE_COLORS else 99):
        color = color_for(event_type)
        shown_in_legend = False
        bars = (types == event_type) & is_period
        if bars.any():
            fig.add_trace(go.Bar(
                orientation="h", base=start_iso[bars], x=(t1 - t0)[bars], y=y[bars],
                width=0.62, name=event_type, legendgroup=event_type, showlegend=True,
                customdata=event_ids[bars], hovertext=hover[bars],
                hovertemplate="%{hovertext}<extra></extra>",
                # Translucent, hatched fill with a solid outline: "somewhere in here".
                marker=dict(color=translucent(color, 0.22), line=dict(color=color, width=1.5),
                            pattern=dict(shape="/", fgcolor=color, fillmode="overlay",
                                         size=8, solidity=0.3)),
            ))
            shown_in_legend = True
        for approximate, symbol in ((False, "circle"), (True, "circle-open")):
            points = (types == event_type) & ~is_period & (is_approx == approximate)
            if not points.any():
                continue
            fig.add_trace(go.Scatter(
                mode="markers", x=start_iso[points], y=y[points], name=event_type,
                legendgroup=event_type, showlegend=not shown_in_legend,
                customdata=event_ids[points], hovertext=hover[points],
                hovertemplate="%{hovertext}<extra></extra>",
                marker=dict(symbol=symbol, size=12, color=color,
                            line=dict(width=2 if approximate else 1,
                                      color=color if approximate else "white")),
            ))
            shown_in_legend = True

    height = int(min(2400, max(300, 150 + ROW_HEIGHT_PX * offset)))
    data_range = (pos["t0"].min().date(), pos["t1"].max().date())
    _base_layout(fig, height=height, title=title, uirevision=uirevision, x_range=x_range,
                 today=today, data_range=data_range)
    for i, (lo, hi) in enumerate(bands):
        if i % 2 == 0:
            fig.add_shape(type="rect", xref="paper", x0=0, x1=1, yref="y", y0=lo, y1=hi,
                          fillcolor="rgba(0,0,0,0.04)", line_width=0, layer="below")
    fig.update_yaxes(tickmode="array", tickvals=tickvals, ticktext=ticktext,
                     range=[offset - 0.5, -0.5], showgrid=False, zeroline=False,
                     fixedrange=True, automargin=True)
    legend_note = "● exact date   ○ approximate date   ▨ period or vague date (whole range)"
    if merged:
        legend_note += f"   · {merged} repeated report{'s' if merged != 1 else ''} merged"
    if undated:
        legend_note += f"   · {undated} event{'s' if undated != 1 else ''} without a date"
    fig.add_annotation(text=legend_note, x=1, y=0, xref="paper", yref="paper",
                       yshift=-34, xanchor="right", showarrow=False,
                       font=dict(size=11, color="#555"))
    return fig


COUNT_COLUMN = "n"
"""In a frame given to the timeline: events already counted per person and `_month`."""


def aggregate_figure(events: pd.DataFrame, lanes: list[str], *, title: str = "",
                     today: dt.date | None = None, x_range=None,
                     uirevision: str = "timeline") -> go.Figure:
    """Events counted per person and month (year for spans over 40 years), WebGL markers.

    Uses only string slicing and one group-by, so it stays fast for a million events.
    """
    if "_month" in events.columns:
        month = events["_month"].to_numpy()
    else:
        parsed = pd.to_datetime(events["start"].fillna("").astype("str").str.slice(0, 7),
                                errors="coerce", format="%Y-%m")
        month = (parsed.dt.year * 12 + parsed.dt.month - 1).fillna(-1).to_numpy(dtype=int)
    dated = month >= 0
    if not dated.any():
        return empty_figure("None of these events has a calendar date.", title)
    month = month[dated]
    by_year = (month.max() - month.min()) > 40 * 12
    bins = month // 12 if by_year else month
    persons = events["person"] if dated.all() else events["person"][dated]
    frame = pd.DataFrame({"person": persons.array, "bin": bins})   # .array: no copy
    if COUNT_COLUMN in events.columns:      # already counted per person and month (DuckDB)
        weights = events[COUNT_COLUMN].to_numpy()
        frame["n"] = weights[dated] if not dated.all() else weights
        counts = frame.groupby(["person", "bin"], observed=True)["n"].sum().reset_index()
    else:
        counts = frame.groupby(["person", "bin"], observed=True).size().reset_index(name="n")
    n_events = int(counts["n"].sum())
    counts["person"] = counts["person"].astype("str")
    counts = counts[counts["person"].isin(lanes) & (counts["n"] > 0)]
    year, month_of_year = counts["bin"] // (1 if by_year else 12), counts["bin"] % 12 + 1
    label = year.map("{:04d}".format) if by_year else (
        year.map("{:04d}".format) + "-" + month_of_year.map("{:02d}".format))
    counts = counts.assign(label=label)
    x = counts["label"] + ("-07-01" if by_year else "-15")
    size = 6 + 22 * np.sqrt(counts["n"] / counts["n"].max())
    unit = "year" if by_year else "month"
    fig = go.Figure(go.Scattergl(
        mode="markers", x=x, y=counts["person"].map(esc), name=f"events per {unit}",
        customdata=("bin|" + counts["person"] + "|" + counts["label"]).to_numpy(),
        hovertext=(counts["person"].map(esc) + "<br>" + counts["label"] + ": "
                   + counts["n"].astype("str") + " events"),
        hovertemplate="%{hovertext}<extra></extra>",
        marker=dict(size=size, color=counts["n"], colorscale="Blues", cmin=0,
                    line=dict(width=0.5, color="#1f4e79"), showscale=True,
                    colorbar=dict(title=dict(text="events"), thickness=12)),
    ))
    height = int(min(2400, max(300, 150 + 30 * len(lanes))))
    first, last = int(month.min()), int(month.max())
    data_range = (dt.date(first // 12, first % 12 + 1, 1), dt.date(last // 12, last % 12 + 1, 28))
    _base_layout(fig, height=height, title=title, uirevision=uirevision, x_range=x_range,
                 today=today, data_range=data_range)
    fig.update_yaxes(type="category", categoryorder="array",
                     categoryarray=[esc(p) for p in lanes], autorange="reversed",
                     fixedrange=True, automargin=True)
    fig.add_annotation(text=f"{n_events:,} events counted per person and {unit}: "
                       "narrow the filters to see single events", x=1, y=0, xref="paper",
                       yref="paper", yshift=-34, xanchor="right", showarrow=False,
                       font=dict(size=11, color="#555"))
    return fig


def type_counts_figure(events: pd.DataFrame, lanes: list[str]) -> go.Figure:
    """Stacked bars: number of events per person, split by event type."""
    if events.empty:
        return empty_figure("No events match the filters.")
    return type_bars_figure(_type_table(events), lanes)


def _type_table(events: pd.DataFrame) -> pd.DataFrame:
    # Group the (often categorical) columns directly: converting a million rows to str first
    # cost 0.4 s of the 1 s budget per redraw.
    types = events["event_type"]
    if isinstance(types.dtype, pd.CategoricalDtype):
        types = types.cat.add_categories(["other"]) if "other" not in types.cat.categories else types
    table = (events.groupby([events["person"], types.fillna("other").rename("event_type")],
                            observed=True).size().unstack(fill_value=0))
    table.index = table.index.astype("str")
    return table


def type_bars_figure(table: pd.DataFrame, lanes: list[str]) -> go.Figure:
    """Stacked bars from events per person (rows) and type (columns), lanes' order."""
    if table.empty:
        return empty_figure("No events match the filters.")
    table = table.reindex([p for p in lanes if p in table.index])
    fig = go.Figure()
    for event_type in table.columns:
        fig.add_trace(go.Bar(orientation="h", y=[esc(p) for p in table.index],
                             x=table[event_type], name=event_type,
                             marker_color=color_for(event_type),
                             hovertemplate=f"%{{y}}: %{{x}} {event_type}<extra></extra>"))
    fig.update_layout(template=TEMPLATE, barmode="stack", height=max(260, 80 + 24 * len(table)),
                      margin=dict(l=10, r=10, t=30, b=30),
                      legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(**count_ticks(int(table.sum(axis=1).max()) if len(table) else 0))
    return fig


def count_ticks(largest: int) -> dict:
    """Axis settings for counts: whole numbers only (Plotly puts 0.2, 0.4 ... on an axis
    up to 1 or 2), starting at zero."""
    settings = dict(rangemode="tozero", tickformat=",d", title_text="events")
    if largest <= 10:
        settings["dtick"] = 1
    return settings


def legend_entries(fig: go.Figure) -> list[tuple[str, str]]:
    """(event type, colour) of each legend entry of a timeline figure, in trace order."""
    seen, entries = set(), []
    for trace in fig.data:
        name = getattr(trace, "legendgroup", None) or trace.name
        if not name or name in seen or trace.showlegend is False:
            continue
        if not isinstance(getattr(trace.marker, "color", None), str):
            continue  # a colour scale (counts per month), not an event type
        seen.add(name)
        entries.append((str(name), color_for(str(name))))
    return entries


def legend_html(entries: list[tuple[str, str]]) -> str:
    """The legend as a line of coloured chips above the chart.

    On screen the legend is drawn outside the Plotly figure: Plotly keeps a hover box
    inside the figure, so a box for the top lane covered a legend drawn in the figure's
    top margin. Exported files keep Plotly's own legend (they have no hover problem).
    """
    chips = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:11px;height:11px;border-radius:50%;background:{html.escape(color)};'
        f'display:inline-block;margin-right:5px"></span>{esc(name)}</span>'
        for name, color in entries)
    return f'<div class="ft-legend" style="font-size:13px;color:#333">{chips}</div>'
