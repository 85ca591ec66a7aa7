"""Builders for days of a month, months, years, decades and centuries."""
from __future__ import annotations

import datetime as dt

from extract.temporal import calendar as cal
from extract.temporal.resolve import (TIME_UNITS, Resolved, full_year, in_reference, integer, month_of, ordinal,
                                      nearest, period_result, pick_year, reference_holds, rel_of, safe_date,
                                      unresolved, with_mod)
from extract.temporal.tense import PAST


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
    if not weekday and (month, day) in ctx.known_days:  # "op 25 september 2014 ... vóór 25 september"
        return period_result(cal.day(ctx.known_days[(month, day)]))
    near = None if weekday else _near_known_day(ctx, month, day)
    if near is not None:  # "op 17 juli 2014 ... Die dag, 18 juli ... Na 19 juli"
        return period_result(cal.day(near))
    if reference_holds(ctx) and not weekday:  # "Het EK 2024 begint op 14 juni", "In 1991 ... op 9 mei"
        p = in_reference(lambda y: cal.day(d) if (d := safe_date(y, month, day)) else None, ctx.reference)
        return period_result(p) if p else None
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
    return period_result(cal.day(pick_year(candidates, today, ctx.direction, ctx.in_article)))


NEAR_KNOWN_DAYS = 14   # a yearless day this close to a day the text wrote with its year is in its year
FAR_FROM_NOW = 31      # ... unless it lies within a month of publication: then the present holds


def _near_known_day(ctx, month: int, day: int) -> dt.date | None:
    """The yearless day in the year of a nearby day the text wrote with its year, when the
    publication date is no nearer: a retelling names the next days without their year."""
    best = None
    for known in ctx.known_days.values():
        for y in (known.year - 1, known.year, known.year + 1):
            d = safe_date(y, month, day)
            if d is not None and abs((d - known).days) <= NEAR_KNOWN_DAYS \
                    and (best is None or abs((d - known).days) < abs((best[0] - best[1]).days)):
                best = (d, known)
    if best is None:
        return None
    if ctx.today is not None:
        now = nearest([d for y in (ctx.today.year - 1, ctx.today.year, ctx.today.year + 1)
                       if (d := safe_date(y, month, day))], ctx.today)
        if abs((now - ctx.today).days) <= FAR_FROM_NOW:
            return None
    return best[0]


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
    elif reference_holds(ctx):
        y = in_reference(lambda y: cal.month(y, month), ctx.reference).start.year
    else:
        firsts = [dt.date(y, month, 1) for y in (today.year - 1, today.year, today.year + 1)]
        this_month = dt.date(today.year, today.month, 1)
        y = pick_year(firsts, this_month, ctx.direction, ctx.in_article).year
    return period_result(with_mod(cal.month(y, month), mod))


def build_year(slots, ctx):
    lex = ctx.lex
    y = full_year(lex, slots["year"]) if slots.get("short") else int(slots["year"])  # "since '82"
    if slots.get("bc") or y < 1:
        return None
    mod = lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    if mod is None and slots.get("prep"):     # "rond 2030": the preposition says approximately
        mod = ctx.lex.tables.get("approx", {}).get(slots["prep"].lower())
    return period_result(with_mod(cal.year(y), mod))


SPAN_YEARS = {2: 50, 4: 120}   # a span of years at most this long, by the digits of its end ('1921-1989')


def build_year_span(slots, ctx):
    lex = ctx.lex
    y = full_year(lex, slots["year"])  # "seizoen 12/13"
    raw = slots["year2"]
    y2 = int(raw) if len(raw) == 4 else (y // 100) * 100 + int(raw)
    if len(raw) == 2 and y2 < y:
        y2 += 100
    if y2 <= y or y2 - y > SPAN_YEARS.get(len(raw), 50):
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
    mod = lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    return period_result(with_mod(cal.decade(first), mod))


def build_century(slots, ctx):
    n = ordinal(ctx.lex, slots.get("ordinal")) if slots.get("ordinal") else int(slots["cnum"])
    if n is None or not 1 <= n <= 21:
        return None
    mod = ctx.lex.lookup("mod", slots["mod"]) if slots.get("mod") else None
    return period_result(with_mod(cal.century((n - 1) * 100), mod))  # "eind van de 17de eeuw"


def _year_for_month(ctx, slots, month: int) -> int | None:
    if slots.get("year"):
        return int(slots["year"])
    if ctx.today is None:
        return None
    firsts = [dt.date(y, month, 1) for y in (ctx.today.year - 1, ctx.today.year, ctx.today.year + 1)]
    return pick_year(firsts, dt.date(ctx.today.year, ctx.today.month, 1), ctx.direction, ctx.in_article).year


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
