"""From the parts of a match (slots) to a place on the calendar.

Each pattern kind has a builder `build_<kind>(slots, ctx)` returning a `Resolved` or None
(None: the match is not a temporal expression after all). Underspecified expressions
follow `ctx.direction` (see `extract.temporal.tense`): PAST picks the latest such date on
or before the publication date, FUTURE and UNKNOWN the earliest on or after it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extract.temporal import calendar as cal
from extract.temporal.lexicon import norm
from extract.temporal.tense import FUTURE, PAST, UNKNOWN

TIME_UNITS = {"second": 1, "minute": 60, "hour": 3600, "quarterhour": 900}
DURATION_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
                  "weekend": "W", "month": "M", "quarter": "Q", "half": "M", "year": "Y",
                  "fseason": "Y", "season": "M", "decade": "DE", "century": "CE"}
DURATION_FACTOR = {"half": 6, "season": 3}


@dataclass
class Resolved:
    type: str
    value: str
    grain: str
    start: dt.date | None = None
    end: dt.date | None = None
    mod: str = ""
    anchors: bool = True      # may later expressions be anchored to it?


@dataclass
class Context:
    lex: object
    published: dt.datetime | None
    direction: int
    anchor: cal.Period | None
    day_in_sentence: dt.date | None
    prefix: str = ""
    anchor_day: cal.Period | None = None
    sentence_year: int | None = None   # an explicit year earlier in the same sentence

    @property
    def today(self) -> dt.date | None:
        return self.published.date() if self.published else None


def period_result(p: cal.Period, type_: str = "DATE") -> Resolved:
    return Resolved(type_, p.value, p.grain, p.start, p.end, p.mod)


def unresolved(value: str, grain: str, type_: str = "DATE", mod: str = "") -> Resolved:
    return Resolved(type_, value, grain, None, None, mod, anchors=False)


# ----------------------------------------------------------------- slot values

def number(lex, text: str | None, group: str = "num") -> float | None:
    if text is None:
        return None
    t = text.strip()
    if t.replace(",", "", 1).replace(".", "", 1).isdigit():
        return float(t.replace(",", "."))
    value = lex.lookup(group, t)
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def integer(lex, text, group="num") -> int | None:
    v = number(lex, text, group)
    return int(v) if v is not None and v == int(v) else None


def ordinal(lex, text: str | None) -> int | None:
    if text is None:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits and text[0].isdigit():
        return int(digits)
    v = lex.lookup("ordinal", text)
    return int(v) if v not in (None, "") else None


def month_of(lex, text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        m = int(text)
        return m if 1 <= m <= 12 else None
    v = lex.lookup("month", text)
    return int(v) if v else None


def full_year(lex, text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        pivot = int(lex.settings.get("two_digit_year_pivot", 50))
        y += 2000 if y < pivot else 1900
    return y


def rel_of(lex, text: str | None, group: str = "rel") -> int | None:
    if text is None:
        return None
    v = lex.lookup(group, text)
    if v in (None, ""):
        return None
    return int(v.rstrip("~"))


def upcoming(lex, text: str | None) -> bool:
    """'komende week' / 'the coming week': the days ahead rather than the next calendar unit."""
    v = lex.lookup("rel", text) if text else None
    return bool(v and v.endswith("~"))


# ----------------------------------------------------------------- direction helpers

TENSE_WINDOW = {PAST: 240, FUTURE: 300}  # days: beyond this a tense cue yields to the nearest date


def pick_year(candidates: list[dt.date], today: dt.date, direction: int) -> dt.date:
    """Of one calendar day in neighbouring years, the one the direction points to.

    A tense cue wins when its date lies within TENSE_WINDOW days of `today`; the cue may
    belong to a reporting verb ("said ... will pay on Nov. 20"), so a date further away
    yields to the nearest candidate. No cue: forward.
    """
    candidates = sorted(candidates)
    if direction == PAST:
        before = [d for d in candidates if d <= today]
        pick = before[-1] if before else candidates[0]
    else:
        after = [d for d in candidates if d >= today]
        pick = after[0] if after else candidates[-1]
    if direction != UNKNOWN and abs((pick - today).days) > TENSE_WINDOW[direction]:
        pick = min(candidates, key=lambda d: abs((d - today).days))
    return pick


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def with_mod(p: cal.Period, mod: str | None) -> cal.Period:
    return cal.part(p, mod) if mod else p


# ----------------------------------------------------------------- builders: dates

def _day_month(lex, slots, ctx, day: int, month: int) -> Resolved | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    named = slots.get("weekday") or slots.get("weekday2")
    weekday = integer(lex, named, "weekday") if named else None
    if slots.get("year"):
        d = safe_date(full_year(lex, slots["year"]), month, day)
        return period_result(cal.day(d)) if d else None
    if slots.get("yearrel") and ctx.today is not None:
        d = safe_date(ctx.today.year + (rel_of(lex, slots["yearrel"], "yearrel") or 0), month, day)
        return period_result(cal.day(d)) if d else None
    if ctx.sentence_year and not weekday:  # "Het EK 2024 begint op 14 juni"
        d = safe_date(ctx.sentence_year, month, day)
        return period_result(cal.day(d)) if d else None
    if ctx.today is None:
        if safe_date(2000, month, day) is None:
            return None
        return unresolved(f"XXXX-{month:02d}-{day:02d}", "day")
    today = ctx.today
    candidates = [d for y in (today.year - 1, today.year, today.year + 1)
                  if (d := safe_date(y, month, day)) is not None]
    if not candidates:
        return None
    if weekday:
        fitting = [d for d in candidates if d.isoweekday() == weekday]
        if fitting:
            return period_result(cal.day(min(fitting, key=lambda d: abs((d - today).days))))
    return period_result(cal.day(pick_year(candidates, today, ctx.direction)))


def build_date(slots, ctx):
    lex = ctx.lex
    month = month_of(lex, slots.get("month"))
    day = int(slots["day"]) if slots.get("day", "").isdigit() else ordinal(lex, slots.get("ordinal"))
    if month is None or day is None:
        return None
    return _day_month(lex, slots, ctx, day, month)


def build_week_of(slots, ctx):
    """'the week of October 7': the (ISO) week that holds the day."""
    if slots.get("day2"):
        slots = {**slots, "day": slots["day2"], "month": slots.get("month2")}
    r = build_date(slots, ctx)
    if r is None or r.start is None:
        return r
    return period_result(cal.week(r.start))


def build_month_day(slots, ctx):
    """A day of the month without its month: "on the 15th", "Tuesday the 19th", "the 20th of next month"."""
    lex = ctx.lex
    raw = slots.get("day") or slots.get("day2") or ""
    day = int(raw) if raw.isdigit() else ordinal(lex, slots.get("ordinal"))
    if day is None or not 1 <= day <= 31:
        return None
    wd = integer(lex, slots.get("weekday"), "weekday") if slots.get("weekday") else None
    if ctx.today is None:
        return unresolved(f"XXXX-XX-{day:02d}", "day")
    today = ctx.today
    rel = rel_of(lex, slots.get("rel")) if slots.get("rel") else None
    if rel is not None:
        y, m = cal.add_months(today.year, today.month, rel)
        d = safe_date(y, m, day)
        return period_result(cal.day(d)) if d and (wd is None or d.isoweekday() == wd) else None
    step = -1 if ctx.direction == PAST else 1
    for n in range(0, 12 * 28 * step, step):  # weekday and day meet within 28 years
        y, m = cal.add_months(today.year, today.month, n)
        d = safe_date(y, m, day)
        if d is None or (wd is not None and d.isoweekday() != wd):
            continue
        if (d >= today) if step > 0 else (d <= today):
            return period_result(cal.day(d))
    return None


def build_date_numeric(slots, ctx):
    lex = ctx.lex
    a, b = int(slots["day"]), int(slots["month"])
    if lex.settings.get("date_order") == "MDY" and a <= 12:
        a, b = b, a
    return _day_month(lex, slots, ctx, a, b)


build_date_short = build_date_numeric


def _year_reached(slots, ctx) -> str | None:
    """'in 3 years', '2 years ago' after a month or holiday: the year so reached (None: no offset)."""
    k = "" if slots.get("num") else "2"
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit" + k, ""))
    n = integer(lex, slots.get("num" + k))
    sign = int(lex.lookup("dir", slots.get("dir" + k, "")) or 0)
    if unit is None or unit in TIME_UNITS or n is None or sign == 0 or ctx.today is None:
        return None
    return str(cal.shift_date(ctx.today, unit, sign * n).year)


def build_month(slots, ctx):
    lex = ctx.lex
    month = month_of(lex, slots.get("month"))
    if month is None:
        return None
    if slots.get("num") or slots.get("num2"):  # "March in a year"
        year = _year_reached(slots, ctx)
        if year is None:
            return None
        slots = {**slots, "year": year}
    mod = lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    if slots.get("year"):
        return period_result(with_mod(cal.month(full_year(lex, slots["year"]), month), mod))
    if ctx.today is None:
        return unresolved(f"XXXX-{month:02d}", "month", mod=mod or "")
    today = ctx.today
    yearrel = rel_of(lex, slots.get("yearrel"), "yearrel")
    rel = rel_of(lex, slots.get("rel"))
    if yearrel is not None:
        y = today.year + yearrel
    elif rel is not None and rel != 0:
        if rel < 0:
            y = today.year if month < today.month else today.year - 1
        else:
            y = today.year if month > today.month else today.year + 1
    elif rel == 0:
        y = today.year
    elif ctx.sentence_year:
        y = ctx.sentence_year
    else:
        firsts = [dt.date(y, month, 1) for y in (today.year - 1, today.year, today.year + 1)]
        this_month = dt.date(today.year, today.month, 1)
        y = pick_year(firsts, this_month, ctx.direction).year
    return period_result(with_mod(cal.month(y, month), mod))


def build_year(slots, ctx):
    lex = ctx.lex
    y = int(slots["year"])
    if slots.get("bc") or y < 1:
        return None
    mod = lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    return period_result(with_mod(cal.year(y), mod))


def build_year_span(slots, ctx):
    lex = ctx.lex
    y = int(slots["year"])
    raw = slots["year2"]
    y2 = int(raw) if len(raw) == 4 else (y // 100) * 100 + int(raw)
    if len(raw) == 2 and y2 < y:
        y2 += 100
    if y2 <= y or y2 - y > 50:
        if len(raw) == 2 and 1 <= int(raw) <= 12:  # "2014-10": no span of years, a month
            return period_result(cal.month(y, int(raw)))
        return None
    if y2 == y + 1 and (slots.get("fs") or slots.get("sep") == "/"):
        return period_result(cal.fseason(y))
    return period_result(cal.years(y, y2))


def build_years_range(slots, ctx):
    y, y2 = int(slots["year"]), int(slots["year2"])
    if y2 <= y:
        return None
    return period_result(cal.years(y, y2))


def build_day_range(slots, ctx):
    first = build_date(slots, ctx)
    if first is None or first.start is None:
        return first
    d2 = safe_date(first.start.year, first.start.month, int(slots["day2"]))
    if d2 is None or d2 < first.start:
        return None
    return Resolved("DATE", f"{first.value}/{d2.isoformat()}", "day", first.start, d2)


def build_decade(slots, ctx):
    lex = ctx.lex
    if slots.get("decadefull"):
        first = int(slots["decadefull"])
    else:
        tens = integer(lex, slots.get("decadeword"), "decadeword") if slots.get("decadeword") else int(slots["decade"])
        if tens is None:
            return None
        first = 1900 + tens
    return period_result(cal.decade(first))


def build_century(slots, ctx):
    n = ordinal(ctx.lex, slots.get("ordinal")) if slots.get("ordinal") else int(slots["cnum"])
    if n is None or not 1 <= n <= 21:
        return None
    return period_result(cal.century((n - 1) * 100))


def _year_for_month(ctx, slots, month: int) -> int | None:
    if slots.get("year"):
        return int(slots["year"])
    if ctx.today is None:
        return None
    firsts = [dt.date(y, month, 1) for y in (ctx.today.year - 1, ctx.today.year, ctx.today.year + 1)]
    return pick_year(firsts, dt.date(ctx.today.year, ctx.today.month, 1), ctx.direction).year


def build_nth_in_month(slots, ctx):
    lex = ctx.lex
    n = ordinal(lex, slots.get("ordinal"))
    month = month_of(lex, slots.get("month"))
    if month is None and slots.get("unit2") and ctx.today is not None:  # "of this month", "of the month"
        rel = rel_of(lex, slots["rel"]) if slots.get("rel") else 0
        if rel is None:
            return None
        y, month = cal.add_months(ctx.today.year, ctx.today.month, rel)
        slots = {**slots, "year": str(y)}
    if n is None or month is None or n == 0:
        return None
    y = _year_for_month(ctx, slots, month)
    if y is None:
        return unresolved(f"XXXX-{month:02d}", "month")
    if slots.get("weekday"):
        wd = integer(lex, slots["weekday"], "weekday")
        d = cal.nth_weekday(y, month, wd, n)
        return period_result(cal.day(d)) if d.month == month else None
    unit = lex.lookup("unit", slots.get("unit", ""))
    if unit == "day":
        last = cal.last_day(y, month)
        dd = last if n < 0 else n
        return period_result(cal.day(dt.date(y, month, dd))) if dd <= last else None
    if unit in ("week", "weekend"):
        first_monday = cal.nth_weekday(y, month, 1, 1)
        last_sunday = cal.nth_weekday(y, month, 7, -1)
        monday = first_monday + (n - 1) * 7 * cal.DAY if n > 0 else last_sunday - 6 * cal.DAY - (-n - 1) * 7 * cal.DAY
        p = cal.week(monday) if unit == "week" else cal.weekend(monday)
        return period_result(p) if p.start.month == month or p.end.month == month else None
    return None


def build_nth_last(slots, ctx):
    """'the second last week of October 2018', 'the 5th last day of May', 'the third last week of 2018'."""
    lex = ctx.lex
    n = int(slots["cnum"]) if slots.get("cnum") else ordinal(lex, slots.get("ordinal"))
    unit = lex.lookup("unit", slots.get("unit", ""))
    if n is None or n < 1 or unit not in ("day", "week"):
        return None
    month = month_of(lex, slots.get("month"))
    if month is not None:
        y = _year_for_month(ctx, slots, month)
        if y is None:
            return unresolved(f"XXXX-{month:02d}", "month")
        last = dt.date(y, month, cal.last_day(y, month))
    elif slots.get("year2"):
        y, month = int(slots["year2"]), 12
        last = dt.date(y, 12, 31)
    else:
        return None
    if unit == "day":
        d = last - (n - 1) * cal.DAY
        return period_result(cal.day(d)) if d.month == month else None
    last_sunday = last - ((last.isoweekday() - 7) % 7) * cal.DAY
    p = cal.week(last_sunday - 6 * cal.DAY - 7 * (n - 1) * cal.DAY)
    return period_result(p) if p.end.year == y and (p.end.month == month or p.start.month == month) else None


# ----------------------------------------------------------------- builders: days

DAY_PART_HOURS = {"MO": (6, 12), "MI": (12, 13), "AF": (12, 18), "EV": (18, 24), "NI": (21, 24)}


def daypart_span(d: dt.date, daypart: str) -> tuple[dt.datetime, dt.datetime]:
    """First and last minute of a part of day: TIME mentions carry their clock in start/end."""
    first, last = DAY_PART_HOURS.get(daypart, (0, 24))
    return (dt.datetime.combine(d, dt.time(first)),
            dt.datetime.combine(d, dt.time(last - 1, 59)))


def _with_daypart(p: cal.Period, daypart: str | None) -> Resolved:
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
        step = (wd - today.isoweekday()) % 7
        if rel < 0:
            back = (today.isoweekday() - wd) % 7 or 7
            d = today - back * cal.DAY
        else:
            d = today + (step or 7) * cal.DAY
    elif rel == 0:
        d = cal.week(today).start + (wd - 1) * cal.DAY
    elif wd == today.isoweekday():
        d = today
    elif ctx.direction == PAST:
        d = today - ((today.isoweekday() - wd) % 7) * cal.DAY
    else:
        d = today + ((wd - today.isoweekday()) % 7) * cal.DAY
    return _with_daypart(cal.day(d), daypart)


def build_deictic(slots, ctx):
    lex = ctx.lex
    daypart = lex.lookup("daypart", slots["daypart"]) if slots.get("daypart") else None
    if slots.get("daypartword"):
        raw = lex.lookup("daypartword", slots["daypartword"]) or "0"
        offset, _, daypart = raw.partition(" ")
        offset = int(offset)
    elif slots.get("dayword"):
        offset = int(lex.lookup("dayword", slots["dayword"]) or 0)
    else:
        offset = rel_of(lex, slots.get("rel0") or slots.get("rel")) or 0
    if ctx.today is None:
        return unresolved("PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF"),
                          "day", "TIME" if daypart else "DATE")
    return _with_daypart(cal.day(ctx.today + offset * cal.DAY), daypart or None)


def build_relative_unit(slots, ctx):
    lex = ctx.lex
    unit = lex.lookup("unit", slots.get("unit", ""))
    if unit is None or unit in TIME_UNITS:
        return None
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
    elif unit == "weekend":
        if rel == 0 and ctx.direction == PAST and today.isoweekday() < 6:
            rel = -1  # "werd dit weekend bekend", said on a Monday: the one just past
        if rel < 0:
            p = cal.weekend(today if today.isoweekday() == 7 else today - 7 * cal.DAY)
        elif rel > 0:
            p = cal.weekend(today if today.isoweekday() <= 5 else today + 7 * cal.DAY)
        else:
            p = cal.weekend(today)
    elif unit == "day":
        p = cal.day(today + rel * cal.DAY)
    else:
        p = cal.containing(cal.shift_date(today, unit, rel), unit)
    if subrel == "AFTER":
        p = cal.Period(p.value, p.grain, max(p.start, today + cal.DAY), p.end, "AFTER")
    elif subrel == "BEFORE":
        p = cal.Period(p.value, p.grain, p.start, min(p.end, today - cal.DAY), "BEFORE")
    if p.end < p.start:
        return None
    return period_result(with_mod(p, mod))


def _shift_result(base: dt.datetime, unit: str, n: float, has_time: bool) -> Resolved | None:
    if unit in TIME_UNITS:
        if not has_time:
            return Resolved("DURATION", duration_value(unit, n), "time", anchors=False)
        t = base + dt.timedelta(seconds=TIME_UNITS[unit] * n)
        return Resolved("TIME", t.strftime("%Y-%m-%dT%H:%M"), "time", t, t)
    whole = int(n)
    if whole != n:
        if unit != "year" or n * 12 != int(n * 12):
            return None
        # "een half jaar geleden", "anderhalf jaar": whole months
        d = cal.shift_date(base.date(), "month", int(n * 12))
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
    if ctx.direction == PAST and norm(slots.get("dir", "")) in lex.negatives.get("weak_offset_words", ()):
        # "de eerste winst in vier jaar": in a past-tense clause "in" measures, it does not point ahead
        return Resolved("DURATION", duration_value(unit, n), unit if unit in ("day", "week", "month", "quarter", "year") else "day", anchors=False)
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
    if unit is None or n is None or sign == 0 or unit in TIME_UNITS:
        return None
    return _from_anchor(ctx, sign * n, unit)


def _from_anchor(ctx, n: int, unit: str) -> Resolved | None:
    anchor = ctx.anchor_day if unit in ("day", "week") and ctx.anchor_day else ctx.anchor
    if anchor is None:
        if ctx.today is None:
            return unresolved("PAST_REF" if n < 0 else "FUTURE_REF", "day")
        anchor = cal.day(ctx.today)
    if unit == "any":
        return period_result(cal.Period(anchor.value, anchor.grain, anchor.start, anchor.end))
    base = anchor.start
    if unit == "day" and anchor.grain not in ("day", "time"):
        if n == 0:
            return period_result(anchor)
        return None
    d = cal.shift_date(base, unit, n)
    return period_result(cal.containing(d, unit))


def build_anchored(slots, ctx):
    raw = ctx.lex.lookup("anchor", slots.get("anchor", ""))
    if not raw:
        return None
    n, _, unit = raw.partition(" ")
    r = _from_anchor(ctx, int(n), unit)
    mod = ctx.lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    if r is None or not mod or r.start is None:
        return r
    return period_result(cal.part(cal.Period(r.value, r.grain, r.start, r.end), mod))  # "end of the following week"


# ----------------------------------------------------------------- builders: periods

def _season_instance(code: str, today: dt.date, rel: int | None, direction: int) -> cal.Period:
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
    if rel == 0 or direction != PAST:
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
    return period_result(with_mod(_season_instance(code, ctx.today, rel, ctx.direction), mod))


def _year_of(slots, ctx) -> int | None:
    if slots.get("year"):
        return full_year(ctx.lex, slots["year"])
    if ctx.today is None:
        return None
    rel = rel_of(ctx.lex, slots.get("yearrel"), "yearrel") if slots.get("yearrel") else 0
    return ctx.today.year + (rel or 0)


def build_quarter(slots, ctx):
    q = int(slots["qnum"]) if slots.get("qnum") else ordinal(ctx.lex, slots.get("ordinal"))
    if q is None or not 1 <= q <= 4:
        return None
    y = _year_of(slots, ctx)
    if y is None:
        return unresolved(f"XXXX-Q{q}", "quarter")
    p = cal.quarter(y, q)
    if not slots.get("year") and not slots.get("yearrel") and ctx.direction == PAST and p.start > ctx.today:
        p = cal.quarter(y - 1, q)
    return period_result(p)


def build_half(slots, ctx):
    h = ordinal(ctx.lex, slots.get("ordinal"))
    if h not in (1, 2):
        return None
    y = _year_of(slots, ctx)
    if y is None:
        return unresolved(f"XXXX-H{h}", "half")
    return period_result(cal.half(y, h))


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
    return period_result(starts[pick_year(list(starts), today, ctx.direction)])


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
    if ctx.today is None or unit in TIME_UNITS or unit not in ("day", "week", "month", "quarter", "year"):
        return unresolved(value, "day", "DURATION")
    today = ctx.today
    if rel < 0:
        last = cal.containing(today, unit).start - cal.DAY
        first = cal.containing(cal.shift_date(today, unit, -n), unit).start
    else:
        first = cal.containing(today, unit).end + cal.DAY
        last = cal.containing(cal.shift_date(today, unit, n), unit).end
    grain = unit if unit in ("day", "week", "month", "quarter", "year") else "day"
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
