"""Breaks and windows of a football season: 'de winterstop', 'de komende transferperiode'.

The days come from the language's football_periods resource: a first and last day,
July-December in the season's first year, January-June in its second.
"""
from __future__ import annotations

import datetime as dt

from extract.temporal import calendar as cal
from extract.temporal.resolve import Resolved, rel_of, unresolved
from extract.temporal.tense import PAST, PRESENT


def build_football_period(slots, ctx) -> Resolved | None:
    """'de winterstop', 'de komende transferperiode', 'de winterstop van 2018/19'."""
    lex = ctx.lex
    raw = lex.lookup("fperiod", slots.get("fperiod", ""))
    if not raw:
        return None
    (m1, d1), (m2, d2) = (tuple(int(x) for x in part.split("-")) for part in raw.split())

    def instance(first_year: int) -> Resolved:
        a = dt.date(first_year if m1 >= 7 else first_year + 1, m1, d1)
        b = dt.date(first_year if m2 >= 7 else first_year + 1, m2, d2)
        return Resolved("DATE", f"{a.isoformat()}/{b.isoformat()}", "season", a, b)

    if slots.get("year"):
        return instance(int(slots["year"]))
    if ctx.today is None:
        return unresolved("XXXX", "season")
    season = cal.fseason_containing(ctx.today)
    rel = rel_of(lex, slots.get("rel")) if slots.get("rel") else None
    options = [instance(season + k) for k in (-1, 0, 1)]
    if rel is not None and rel < 0:
        before = [o for o in options if o.end < ctx.today]
        return before[-1]
    if rel is not None and rel > 0:
        return next(o for o in options if o.start > ctx.today)
    if ctx.direction == PAST:
        before = [o for o in options if o.start <= ctx.today]
        return before[-1]
    if ctx.direction == PRESENT:  # "dat ... na de winterstop ... is": the nearest
        return min(options, key=lambda o: (_gap(o, ctx.today), -o.start.toordinal()))
    return next(o for o in options if o.end >= ctx.today)


def _gap(r: Resolved, today) -> int:
    return max((r.start - today).days, (today - r.end).days, 0)
