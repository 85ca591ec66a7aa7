"""Builders for spans counted from now or from an anchor date, and for durations."""
from __future__ import annotations

import datetime as dt

from extract.temporal import calendar as cal
from extract.temporal.days import with_daypart
from extract.temporal.lexicon import norm
from extract.temporal.resolve import (DURATION_CODES, DURATION_FACTOR, TIME_UNITS, Resolved, integer,
                                      number, period_result, rel_of, unresolved)
from extract.temporal.tense import PAST, PRESENT


_TENSE_NAMES = {PAST: "past", PRESENT: "present"}  # as negatives.json's weak_offset_tenses names them


def _shift_result(base: dt.datetime, unit: str, n: float, has_time: bool) -> Resolved | None:
    if unit in TIME_UNITS:
        if not has_time:
            return Resolved("DURATION", duration_value(unit, abs(n)), "time", anchors=False)  # a length, no sign
        t = base + dt.timedelta(seconds=TIME_UNITS[unit] * n)
        return Resolved("TIME", t.strftime("%Y-%m-%dT%H:%M"), "time", t, t)
    whole = int(n)
    if whole != n and unit == "week":
        return period_result(cal.day(base.date() + round(n * 7) * cal.DAY))  # "anderhalve week terug": ~10 days
    if whole != n:
        if unit != "year" or n * 12 != int(n * 12):
            return None
        # "een half jaar geleden", "anderhalf jaar": whole months
        d = cal.shift_date(base.date(), "month", int(n * 12))
        return period_result(cal.month(d.year, d.month))
    if unit == "half":  # "een halfjaar geleden": six months back, that month (not a calendar half)
        d = cal.shift_date(base.date(), "month", 6 * whole)
        return period_result(cal.month(d.year, d.month))
    d = cal.shift_date(base.date(), unit, whole)
    if unit in ("day", "week", "month"):
        return period_result(cal.day(d))
    if unit == "year":
        return period_result(cal.month(d.year, d.month))
    if unit in ("decade", "century"):
        return period_result(cal.year(d.year))
    return period_result(cal.containing(d, unit))


def build_offset(slots, ctx):
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit", ""))
    n = number(lex, slots.get("num"))
    sign = int(lex.lookup("dir", slots.get("dir", "")) or 0)
    if unit is None or n is None or sign == 0:
        return None
    if ctx.published is None:
        return unresolved("FUTURE_REF" if sign > 0 else "PAST_REF", "day")
    if _TENSE_NAMES.get(ctx.direction) in lex.negatives.get("weak_offset_tenses", ()) \
            and norm(slots.get("dir", "")) in lex.negatives.get("weak_offset_words", ()):
        # "de eerste winst in vier jaar", "he built it in ten years": in a past-tense clause
        # "in" measures, it does not point ahead
        return Resolved("DURATION", duration_value(unit, n), unit if unit in ("day", "week", "month", "quarter", "year") else "day", anchors=False)
    compared = _year_over_year(ctx, unit, sign * n)
    if compared is not None:
        return compared
    has_time = ctx.published.time() != dt.time(0, 0)
    first = _shift_result(ctx.published, unit, sign * n, has_time)
    if first is None:
        return None
    n2 = number(lex, slots.get("num2"))
    if n2 is not None and n2 > n and unit not in TIME_UNITS:
        end = cal.shift_date(ctx.today, unit, int(sign * n2))
        lo, hi = sorted((cal.shift_date(ctx.today, unit, int(sign * n)), end))
        grain = unit if unit in ("year", "month", "week", "day") else first.grain
        value = str(lo.year) if grain == "year" else first.value
        return Resolved("DATE", value, grain, lo, hi, "APPROX")
    if slots.get("approx"):
        first.mod = "APPROX"
    return first


def build_anchored_offset(slots, ctx):
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit", ""))
    n = integer(lex, slots.get("num"))
    sign = int(lex.lookup("dir", slots.get("dir", "")) or 0)
    if slots.get("dirbefore") or slots.get("dirafter"):  # "een dag voor de aankondiging"
        sign = -1 if slots.get("dirbefore") else 1
    if unit == "hour" and n is not None and n >= 24 and n % 24 == 0:
        unit, n = "day", n // 24  # "24 uur later", "48 hours later": the next day, the one after
    if unit is None or n is None or sign == 0 or unit in TIME_UNITS:
        return None
    compared = _year_over_year(ctx, unit, sign * n)
    if compared is not None:
        return compared
    if _anchor_for(ctx, sign * n, unit) is None and ctx.today is not None:
        return None  # "negen maanden na hun eerste ontmoeting": the event has no date in the text
    return _from_anchor(ctx, sign * n, unit)


def _year_over_year(ctx, unit: str, n: float) -> Resolved | None:
    """"Net rose to $5 million from $3 million a year ago": in a report on a quarter or half
    year, whole years back are the same period then (1988-Q3), not the month of publication."""
    frame = ctx.frame
    if frame is None or unit != "year" or n >= 0 or n != int(n):
        return None
    return period_result(cal.same_part(frame, frame.start.year + int(n)))


def _anchor_for(ctx, n: int, unit: str) -> cal.Period | None:
    anchor = ctx.anchor_day if unit in ("day", "week") and ctx.anchor_day else ctx.anchor
    if unit == "year" and n == 0 and ctx.anchor_year is not None:
        anchor = ctx.anchor_year  # "dat jaar": the year the text last said, not one it guessed
    return anchor


def _from_anchor(ctx, n: int, unit: str) -> Resolved | None:
    anchor = _anchor_for(ctx, n, unit)
    if anchor is None:
        if ctx.today is None:
            return unresolved("PAST_REF" if n < 0 else "FUTURE_REF", "day")
        anchor = cal.day(ctx.today)
    if unit == "any":
        return period_result(cal.Period(anchor.value, anchor.grain, anchor.start, anchor.end))
    base = anchor.start
    if unit == "day" and anchor.grain not in ("day", "time"):
        if anchor.start <= cal.shift_date(base, unit, n) <= anchor.end:
            return period_result(anchor)  # "een dag later" after "vorig jaar": somewhere in that year
        return None
    if unit == "half":  # "een halfjaar eerder": six months before the anchor, that month
        d = cal.shift_date(base, "month", 6 * n)
        return period_result(cal.month(d.year, d.month))
    if unit == "fseason" and anchor.grain == "season":
        # "dat seizoen" after "vorige zomer": the one that summer opens (its middle, not its
        # first of June); after "in 2013" still the one running at the year's start
        base = anchor.start + (anchor.end - anchor.start) / 2
    d = cal.shift_date(base, unit, n)
    return period_result(cal.containing(d, unit))


def build_anchored(slots, ctx):
    raw = ctx.lex.lookup("anchor", slots.get("anchor", ""))
    if not raw:
        return None
    n, unit, *daypart = raw.split(" ")
    r = _from_anchor(ctx, int(n), unit)
    if r is not None and daypart and r.grain == "day" and r.start is not None:  # "die avond"
        return with_daypart(cal.day(r.start), daypart[0])
    if r is not None and r.start is not None and slots.get("subrel"):
        return _after_or_before(ctx, r, int(n), unit, ctx.lex.lookup("subrel", slots["subrel"]))
    mod = ctx.lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    if r is None or not mod or r.start is None:
        return r
    return period_result(cal.part(cal.Period(r.value, r.grain, r.start, r.end), mod))  # "end of the following week"


def _after_or_before(ctx, r: Resolved, n: int, unit: str, subrel: str | None) -> Resolved | None:
    """'later that year': the rest of the period after the date it refers to ('eerder die week': before it)."""
    point = _anchor_for(ctx, n, unit)
    if point is None or subrel not in ("AFTER", "BEFORE"):
        return r
    start, end = (max(r.start, point.end + cal.DAY), r.end) if subrel == "AFTER" else (r.start, min(r.end, point.start - cal.DAY))
    if end < start:
        return r
    return Resolved(r.type, r.value, r.grain, start, end, subrel)


WINDOW_UNITS = frozenset({"day", "week", "month", "quarter", "year", "fseason"})


def build_window(slots, ctx):
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit", ""))
    n = integer(lex, slots.get("num"))
    rel = rel_of(lex, slots.get("rel"))
    if unit is None or n is None or rel is None or rel == 0 or n <= 0:
        return None
    value = duration_value(unit, n)
    pub = ctx.published
    if pub is not None and unit in TIME_UNITS and pub.time() != dt.time(0, 0):
        step = dt.timedelta(seconds=TIME_UNITS[unit])
        floor = pub - dt.timedelta(seconds=(pub - dt.datetime.combine(pub.date(), dt.time())).total_seconds() % step.total_seconds())
        if rel < 0:
            first, last = floor - n * step, pub
        else:
            first = floor + step
            last = first + n * step
        return Resolved("DURATION", value, "time", first, last, anchors=False)
    if ctx.today is None or unit in TIME_UNITS or unit not in WINDOW_UNITS:
        return unresolved(value, "day", "DURATION")
    today = ctx.today
    if rel < 0:
        last = cal.containing(today, unit).start - cal.DAY
        first = cal.containing(cal.shift_date(today, unit, -n), unit).start
    else:
        first = cal.containing(today, unit).end + cal.DAY
        last = cal.containing(cal.shift_date(today, unit, n), unit).end
    grain = {"fseason": "season"}.get(unit, unit)  # "de afgelopen drie jaargangen": whole football seasons
    return Resolved("DURATION", value, grain, first, last, anchors=False)


def duration_value(unit: str, n: float) -> str:
    code = DURATION_CODES.get(unit, "D")
    n = n * DURATION_FACTOR.get(unit, 1)
    if unit == "quarterhour":
        return f"PT{int(n * 15)}M"
    amount = f"{n:g}".replace(".", ",") if n != int(n) else str(int(n))
    if unit in TIME_UNITS:
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def build_duration(slots, ctx):
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit", ""))
    n = number(lex, slots.get("num"))
    if unit is None or n is None or n <= 0:
        return None
    mod = lex.lookup("durmod", slots["durmod"]) if slots.get("durmod") else ""
    grain = unit if unit in ("day", "week", "month", "quarter", "year", "decade", "century") else (
        "time" if unit in TIME_UNITS else "year")
    return Resolved("DURATION", duration_value(unit, n), grain, None, None, mod or "", anchors=False)
