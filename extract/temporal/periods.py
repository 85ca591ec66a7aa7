"""Builders for seasons, quarters, halves, holidays and spoken years."""
from __future__ import annotations

import datetime as dt

from extract.temporal import calendar as cal
from extract.temporal.dates import _year_reached
from extract.temporal.offsets import _shift_result
from extract.temporal.resolve import (upcoming, TIME_UNITS, full_year, integer, ordinal, period_result, pick_year, rel_of,
                                      unresolved, with_mod)
from extract.temporal.tense import FUTURE, PAST, PRESENT


JUST_ENDED = dt.timedelta(days=31)
"""A season this recently over is still the one of "deze zomer"."""


def _season_instance(code: str, today: dt.date, rel: int | None, direction: int,
                     inherited: bool = False) -> cal.Period:
    cur_y, cur_code = cal.season_containing(today)
    this = cal.season(today.year if code != "WI" or today.month == 12 else today.year - 1, code)
    if code == "WI" and today.month >= 3:
        this = cal.season(today.year, "WI")  # the coming winter of this year
    if rel is not None and rel != 0:
        if rel < 0:
            p = this if this.end < today else cal.season(int(this.value[:4]) - 1, code)
        else:
            p = this if this.start > today else cal.season(int(this.value[:4]) + 1, code)
        return p
    if this.start <= today <= this.end:
        return this
    if (rel == 0 and (inherited or direction not in (PAST, FUTURE))) or direction == PRESENT:
        # "deze zomer" without a tense: in September the one just gone, in May the coming one;
        # the clause's own tense decides first ("Dit najaar komt er een tentoonstelling",
        # said in April), not one inherited from the paragraph
        y = int(this.value[:4])
        options = [cal.season(y + k, code) for k in (-1, 0, 1)]
        return min(options, key=lambda p: (max((p.start - today).days, (today - p.end).days), -p.start.toordinal()))
    if direction != PAST:
        return this if this.start > today else cal.season(int(this.value[:4]) + 1, code)
    return this if this.end < today else cal.season(int(this.value[:4]) - 1, code)


def build_season(slots, ctx):
    lex = ctx.lex
    code = lex.lookup("season", slots.get("season", ""))
    if not code:
        return None
    mod = lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    if slots.get("year"):
        return period_result(with_mod(cal.season(int(slots["year"]), code), mod))
    if ctx.today is None:
        return unresolved(f"XXXX-{code}", "season")
    if slots.get("yearrel"):  # "vorig jaar zomer": the season that starts in that year
        y = ctx.today.year + (rel_of(lex, slots["yearrel"], "yearrel") or 0)
        return period_result(with_mod(cal.season(y, code), mod))
    rel = rel_of(lex, slots.get("rel")) if slots.get("rel") else None
    if rel == -1 and lex.settings.get("previous_season_is_last_years") and not upcoming(lex, slots.get("rel")):
        # Dutch "vorige zomer" said during the summer or just after it is the one before:
        # that summer itself is still "deze" or "afgelopen zomer" (English "last spring" in
        # October is that year's spring: the setting is off there)
        current = _season_instance(code, ctx.today, -1, PAST)
        if current.end >= ctx.today - JUST_ENDED:
            return period_result(with_mod(cal.season(int(current.value[:4]) - 1, code), mod))
    return period_result(with_mod(_season_instance(code, ctx.today, rel, ctx.direction, ctx.inherited), mod))


def _year_of(slots, ctx) -> int | None:
    if slots.get("year"):
        return full_year(ctx.lex, slots["year"])
    if ctx.today is None:
        return None
    rel = rel_of(ctx.lex, slots.get("yearrel"), "yearrel") if slots.get("yearrel") else 0
    return ctx.today.year + (rel or 0)


def build_quarter(slots, ctx):
    q = int(slots["qnum"]) if slots.get("qnum") else ordinal(ctx.lex, slots.get("ordinal"))
    q = 4 if q == -1 else q  # "het laatste kwartaal van 2018", "the final quarter"
    if q is None or not 1 <= q <= 4:
        return None
    y = _year_of(slots, ctx)
    if y is None:
        return unresolved(f"XXXX-Q{q}", "quarter")
    p = cal.quarter(y, q)
    if not slots.get("year") and not slots.get("yearrel") and ctx.direction == PAST and p.start > ctx.today:
        p = cal.quarter(y - 1, q)
    return period_result(p)


def build_reported(slots, ctx):
    """"the quarter", "the latest quarter", "the 1988 period": the quarter or half a results
    report is about (`Context.frame`), in the year written if any; no date without a report."""
    year = full_year(ctx.lex, slots["year"]) if slots.get("year") else None
    if ctx.frame is None:
        return period_result(cal.year(year)) if year else None  # "the 1988 period": in 1988
    return period_result(cal.same_part(ctx.frame, year or ctx.frame.start.year))


def build_reported_ago(slots, ctx):
    """"the year-ago quarter", "year-earlier profit", "dezelfde periode vorig jaar": the
    reported period a year before; without a report, "... last year" is last year."""
    if ctx.frame is None:
        last_year = slots.get("lastyear") or slots.get("lastyear2")
        return period_result(cal.year(ctx.today.year - 1)) if last_year and ctx.today else None
    return period_result(cal.same_part(ctx.frame, ctx.frame.start.year - 1))


def build_half(slots, ctx):
    h = ordinal(ctx.lex, slots.get("ordinal"))
    h = 2 if h == -1 else h
    if h not in (1, 2):
        return None
    y = _year_of(slots, ctx)
    if y is None:
        return unresolved(f"XXXX-H{h}", "half")
    return period_result(cal.half(y, h))


def build_year_months(slots, ctx):
    """"de eerste drie maanden van het jaar", "the first two months of 2009": months from the
    year's start (or, with `last`, up to its end); without a number the year's start or end."""
    y = _year_of(slots, ctx)
    if y is None:
        return None
    last = bool(slots.get("last"))
    if not slots.get("num"):
        return period_result(cal.part(cal.year(y), "END" if last else "START"))
    n = integer(ctx.lex, slots["num"])
    if n is None or not 1 <= n <= 11:
        return None
    if n == 3:
        return period_result(cal.quarter(y, 4 if last else 1))
    if n == 6:
        return period_result(cal.half(y, 2 if last else 1))
    first = cal.month(y, 13 - n if last else 1)
    final = cal.month(y, 12 if last else n)
    return period_result(cal.Period(str(y), "month", first.start, final.end, "END" if last else "START"))


def _holiday_period(rule: str, y: int) -> cal.Period | None:
    span = cal.holiday_span(rule, y)
    if span is None:
        return None
    first, last = span
    if first == last:
        return cal.day(first)
    return cal.Period(f"{first.isoformat()}/{last.isoformat()}", "day", first, last)


def build_holiday(slots, ctx):
    r = _holiday(slots, ctx)
    if r is None or r.start is None or not slots.get("num3"):
        return r
    lex = ctx.lex  # "three days after Easter": moved from the holiday
    unit = lex.lookup("unit", slots.get("unit3", ""))
    n = integer(lex, slots["num3"])
    sign = int(lex.lookup("dir", slots.get("dir3", "")) or 0)
    if slots.get("dirbefore") or slots.get("dirafter"):  # "de dag na Hemelvaart"
        sign = -1 if slots.get("dirbefore") else 1
    if unit is None or unit in TIME_UNITS or n is None or sign == 0:
        return None
    return _shift_result(dt.datetime.combine(_first_day(r.start), dt.time()), unit, sign * n, False)


def _first_day(d):
    return d.date() if isinstance(d, dt.datetime) else d


def _holiday(slots, ctx):
    lex = ctx.lex
    rule = lex.lookup("holiday", slots.get("holiday", ""))
    if not rule:
        return None
    if ctx.today is not None and (slots.get("num") or slots.get("num2")):
        # "thanksgiving in 3 years", "christmas two years ago": the holiday of the year so reached
        year = _year_reached(slots, ctx)
        if year is None:
            return None
        slots = {**slots, "year": year}
    if slots.get("yc") or slots.get("ythousand"):  # "Easter Sunday two thousand ten"
        spoken = build_spoken_year(slots, ctx)
        if spoken is None:
            return None
        slots = {**slots, "year": str(spoken.start.year)}
    if slots.get("year") or (slots.get("yearrel") and ctx.today is not None):
        y = int(slots["year"]) if slots.get("year") else ctx.today.year + (rel_of(lex, slots["yearrel"], "yearrel") or 0)
        p = _holiday_period(rule, y)
        return period_result(p) if p else None
    if ctx.today is None:
        return unresolved("XXXX-XX-XX", "day")
    today = ctx.today
    options = [p for y in (today.year - 1, today.year, today.year + 1) if (p := _holiday_period(rule, y))]
    if not options:
        return None
    rel = rel_of(lex, slots.get("rel")) if slots.get("rel") else None
    if rel is not None and rel < 0:
        before = [p for p in options if p.start < today]
        return period_result(before[-1]) if before else None
    if rel is not None and rel > 0:
        after = [p for p in options if p.start > today]
        return period_result(after[0]) if after else None
    current = [p for p in options if p.start <= today <= p.end]
    if current:
        return period_result(current[0])
    starts = {p.start: p for p in options}
    return period_result(starts[pick_year(list(starts), today, ctx.direction, ctx.in_article)])


def build_spoken_year(slots, ctx):
    """'nineteen ninety-four', 'the year two thousand' (transcribed broadcasts)."""
    lex = ctx.lex
    if slots.get("ythousand"):
        rest = integer(lex, slots.get("yo2")) if slots.get("yo2") else 0
        if rest is None or rest >= 100:
            return None
        return period_result(cal.year(2000 + rest))
    century_ = integer(lex, slots.get("yc"))
    tens = integer(lex, slots.get("yt"))
    ones = integer(lex, slots.get("yo")) if slots.get("yo") else 0
    if century_ is None or tens is None or ones is None or not 10 <= tens <= 90 or tens % 10 and ones:
        return None
    return period_result(cal.year(century_ * 100 + tens + ones))
