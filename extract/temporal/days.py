"""Builders for weekdays, deictic days (today, tomorrow) and relative units (next week)."""
from __future__ import annotations

import datetime as dt

from extract.temporal import calendar as cal
from extract.temporal.lexicon import norm
from extract.temporal.resolve import (DURATION_CODES, TIME_UNITS, Resolved, integer, period_result, rel_of, unresolved,
                                      upcoming, with_mod)
from extract.temporal.tense import FUTURE, PAST, PRESENT, UNKNOWN


DAY_PART_HOURS = {"MO": (6, 12), "MI": (12, 13), "AF": (12, 18), "EV": (18, 24), "NI": (21, 24)}


def daypart_span(d: dt.date, daypart: str) -> tuple[dt.datetime, dt.datetime]:
    """First and last minute of a part of day: TIME mentions carry their clock in start/end."""
    first, last = DAY_PART_HOURS.get(daypart, (0, 24))
    return (dt.datetime.combine(d, dt.time(first)),
            dt.datetime.combine(d, dt.time(last - 1, 59)))


def with_daypart(p: cal.Period, daypart: str | None) -> Resolved:
    if daypart:
        first, last = daypart_span(p.start, daypart)
        return Resolved("TIME", f"{p.value}T{daypart}", "day", first, last)
    return period_result(p)


def build_weekday(slots, ctx):
    lex = ctx.lex
    wd = integer(lex, slots.get("weekday"), "weekday")
    if wd is None:
        return None
    daypart = lex.lookup("daypart", slots["daypart"]) if slots.get("daypart") else None
    if ctx.today is None:
        return unresolved(f"XXXX-WXX-{wd}" + (f"T{daypart}" if daypart else ""), "day",
                          "TIME" if daypart else "DATE")
    today = ctx.today
    weekrel = rel_of(lex, slots.get("weekrel") or slots.get("weekrel2"), "weekrel")
    rel = rel_of(lex, slots.get("rel"))
    count = integer(lex, slots.get("num")) if slots.get("num") else None
    sign = int(lex.lookup("dir", slots.get("dir", "")) or 0) if count else 0
    if count is not None and sign != 0 and 0 < count <= 520:
        if sign > 0:
            first = today + ((wd - today.isoweekday()) % 7 or 7) * cal.DAY
        else:
            first = today - ((today.isoweekday() - wd) % 7 or 7) * cal.DAY
        d = first + sign * 7 * (count - 1) * cal.DAY
    elif weekrel is not None:
        monday = cal.week(today + 7 * weekrel * cal.DAY).start
        d = monday + (wd - 1) * cal.DAY
    elif rel is not None and rel != 0:
        if norm(slots.get("rel", "")) in lex.tables.get("anchored_relatives", ()) and ctx.anchor_day is not None:
            today = ctx.anchor_day.start  # "the previous Friday": the one before the story's day
        step = (wd - today.isoweekday()) % 7
        if rel < 0:
            back = (today.isoweekday() - wd) % 7 or 7
            d = today - back * cal.DAY
        else:
            d = today + (step or 7) * cal.DAY
    elif rel == 0:
        d = cal.week(today).start + (wd - 1) * cal.DAY
    elif slots.get("that") and (named := [d for d in ctx.recent_days if d.isoweekday() == wd]):
        d = named[-1]  # "die vrijdagavond": the Friday the text named last
    elif ctx.era_day is not None:  # a retelling moves forward from the day it has reached
        d = ctx.era_day + ((wd - ctx.era_day.isoweekday()) % 7) * cal.DAY
    elif wd == today.isoweekday():
        d = today
    else:
        back = today - ((today.isoweekday() - wd) % 7) * cal.DAY
        ahead = today + ((wd - today.isoweekday()) % 7) * cal.DAY
        if slots.get("attributive") and ctx.direction in (PRESENT, UNKNOWN):
            # "de stemming van dinsdag leidt tot reacties": the day names an event, which a
            # present verb does not place; the nearer of the two, the past one on a tie
            d = back if (today - back) <= (ahead - today) else ahead
        elif ctx.direction == PRESENT:  # "De finale is zaterdag": ahead, unless it was yesterday
            d = back if (today - back).days <= PRESENT_BACK_DAYS else ahead
        else:
            d = back if ctx.direction == PAST else ahead
    return with_daypart(cal.day(d), daypart)


def build_recurring(slots, ctx):
    """'elke vrijdag', 'every week': a recurrence (TimeML SET), on no one day of the calendar."""
    lex = ctx.lex
    if slots.get("weekday"):
        wd = integer(lex, slots["weekday"], "weekday")
        if wd is None:
            return None
        daypart = lex.lookup("daypart", slots["daypart"]) if slots.get("daypart") else None
        return Resolved("SET", f"XXXX-WXX-{wd}" + (f"T{daypart}" if daypart else ""), "day",
                        anchors=False)  # "elke vrijdagavond": XXXX-WXX-5TEV
    unit = lex.lookup("unit", slots.get("unit", ""))
    if unit not in ("day", "week", "month", "year"):
        return None
    return Resolved("SET", f"P1{DURATION_CODES[unit]}", unit, anchors=False)


def build_deictic(slots, ctx):
    lex = ctx.lex
    daypart = lex.lookup("daypart", slots["daypart"]) if slots.get("daypart") else None
    if slots.get("daypartword"):
        raw = lex.lookup("daypartword", slots["daypartword"]) or "0"
        offset, _, daypart = raw.partition(" ")
        offset = int(offset)
    elif slots.get("dayword") or slots.get("dayword2"):  # dayword2: "van gisteren"
        offset = int(lex.lookup("dayword", slots.get("dayword") or slots["dayword2"]) or 0)
    else:
        offset = rel_of(lex, slots.get("rel0") or slots.get("rel")) or 0
    if ctx.today is None:
        return unresolved("PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF"),
                          "day", "TIME" if daypart else "DATE")
    return with_daypart(cal.day(ctx.today + offset * cal.DAY), daypart or None)


PRESENT_BACK_DAYS = 1   # a weekday in a present-tense clause lies ahead unless it is this close behind
ROLLING_UNITS = frozenset({"week", "month", "half", "year", "decade"})


def _week_day(lex, today: dt.date) -> dt.date:
    """Where today sits among weeks. Where a week begins on Sunday (US English), a Sunday
    belongs to the week ahead: 'last week' said on a Sunday is the seven days that end today.
    Values stay ISO weeks; on the other six days both kinds of week hold the same days but one."""
    if lex.settings.get("sunday_starts_week") and today.isoweekday() == 7:
        return today + cal.DAY
    return today


def build_relative_unit(slots, ctx):
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit", ""))
    if unit is None or unit in TIME_UNITS:
        return None
    if unit == "fseason" and ctx.calendar_seasons:
        unit = "year"  # "dit seizoen" in a Formula 1 report: the calendar year
    rel = rel_of(lex, slots.get("rel")) if slots.get("rel") else 0
    if slots.get("art") and not slots.get("rel"):
        rel = -1 if ctx.direction == PAST else 1  # "the weekend": the one the tense points to
    if rel is None:
        return None
    mod = lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    subrel = lex.lookup("subrel", slots["subrel"]) if slots.get("subrel") else None
    if ctx.today is None:
        ref = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}.get(max(-1, min(1, rel)))
        return unresolved(ref, "year" if unit not in cal.__dict__ else unit)
    today = ctx.today
    if unit == "week" and rel == 1 and upcoming(lex, slots.get("rel")) and not mod:
        p = cal.week(today + 3 * cal.DAY)
        p = cal.Period(p.value, "week", today, today + 6 * cal.DAY)
    elif unit == "week" and rel == 0 and not mod and ctx.direction == PAST and not ctx.inherited \
            and today.isoweekday() == 1 and lex.settings.get("monday_past_this_week_is_last"):
        # "de rol die hij deze week speelde", printed on a Monday: the week just past, as
        # "dit weekend" then is (Dutch; TE3's English "this week" stays the current one)
        p = cal.week(today - 7 * cal.DAY)
    elif unit == "weekend":
        if rel == 0 and ctx.direction == PAST and not ctx.inherited and today.isoweekday() < 6:
            rel = -1  # "werd dit weekend bekend", said on a Monday: the one just past
        if rel < 0:
            p = cal.weekend(today if today.isoweekday() == 7 else today - 7 * cal.DAY)
        elif rel > 0:
            p = cal.weekend(today if today.isoweekday() <= 5 else today + 7 * cal.DAY)
        else:
            p = cal.weekend(today)
    elif unit == "day":
        p = cal.day(today + rel * cal.DAY)
    elif rel in (-1, 1) and unit in ROLLING_UNITS and upcoming(lex, slots.get("rel")) and (
            slots.get("def") or (unit == "week" and rel == -1 and lex.settings.get("bare_past_week_rolls"))):
        # "het afgelopen jaar", "in the past decade": the twelve months (ten years) up to
        # today, not last calendar year; "het komende jaar": the twelve months from today;
        # Dutch "afgelopen week" even without its article: the seven days up to today (on a
        # Friday, the days of this week), where "vorige week" is the calendar week before
        # (English "past week" without one is last week, as Duckling reads it)
        other = cal.shift_date(today, unit if unit != "half" else "month", rel * (1 if unit != "half" else 6))
        start, end = sorted((other, today))
        p = cal.Period(f"{start.isoformat()}/{end.isoformat()}", unit, start, end)
    else:
        if unit == "fseason" and rel == 1 and cal.before_kickoff(today):
            rel = 0  # "komend seizoen" in July: the season about to kick off
        p = cal.containing(cal.shift_date(_week_day(lex, today) if unit == "week" else today, unit, rel), unit)
    if rel == 0 and unit in ("decade", "century") and ctx.direction != FUTURE and not subrel:
        p = cal.Period(p.value, p.grain, p.start, today)  # "in deze eeuw": so far
    if unit == "day":
        subrel = None  # "later op de dag", "earlier in the day": that day itself
    if subrel == "AFTER":
        p = cal.Period(p.value, p.grain, max(p.start, today + cal.DAY), p.end, "AFTER")
    elif subrel == "BEFORE":
        p = cal.Period(p.value, p.grain, p.start, min(p.end, today - cal.DAY), "BEFORE")
    if p.end < p.start:
        return None
    return period_result(with_mod(p, mod))
