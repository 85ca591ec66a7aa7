"""Calendar arithmetic and TIMEX3 values: periods as (value, grain, first day, last day).

Conventions (from shared/spec/ANNOTATION.md):
- weeks are ISO weeks (Monday-Sunday); a weekend is Saturday-Sunday;
- seasons are meteorological (winter = December of year Y to February of Y+1, value Y-WI);
- a football season runs 1 July to 30 June; its value is "Y/Y+1";
- parts of periods: a year's START = January-March, MID = May-August, END = October-December;
  a month's START = days 1-10, MID = 11-20, END = 21-last; a week's START = Monday-Wednesday,
  END = Friday-Sunday; other periods are cut in thirds.
"""
from __future__ import annotations

import datetime as dt
from calendar import monthrange
import re
from dataclasses import dataclass, replace

DAY = dt.timedelta(days=1)
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    value: str
    grain: str
    start: dt.date
    end: dt.date
    mod: str = ""


def last_day(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift_date(d: dt.date, unit: str, n: int) -> dt.date:
    """`d` moved by n units, clamping the day of month."""
    if unit in ("day",):
        return d + n * DAY
    if unit in ("week", "weekend"):
        return d + 7 * n * DAY
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "fseason": 12,
              "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    y, m = add_months(d.year, d.month, months * n)
    if not 1 <= y <= 9999:
        raise OverflowError(f"{d} moved by {n} {unit} falls off the calendar")
    return dt.date(y, m, min(d.day, last_day(y, m)))


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), "day", d, d)


def month(year: int, mon: int) -> Period:
    return Period(f"{year:04d}-{mon:02d}", "month", dt.date(year, mon, 1),
                  dt.date(year, mon, last_day(year, mon)))


def year(y: int) -> Period:
    return Period(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def week(d: dt.date) -> Period:
    iso = d.isocalendar()
    monday = d - (iso.weekday - 1) * DAY
    return Period(f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + 6 * DAY)


def weekend(d: dt.date) -> Period:
    """The weekend of the ISO week containing d."""
    w = week(d)
    return Period(w.value + "-WE", "weekend", w.start + 5 * DAY, w.end)


def quarter(y: int, q: int) -> Period:
    first = 3 * q - 2
    return Period(f"{y:04d}-Q{q}", "quarter", dt.date(y, first, 1),
                  dt.date(y, first + 2, last_day(y, first + 2)))


def same_part(p: Period, year: int) -> Period:
    """The quarter or half `p` is, in another year (2019-Q3 in 2018: 2018-Q3)."""
    part = int(p.value[-1])
    return quarter(year, part) if p.grain == "quarter" else half(year, part)


def half(y: int, h: int) -> Period:
    first = 1 if h == 1 else 7
    return Period(f"{y:04d}-H{h}", "half", dt.date(y, first, 1),
                  dt.date(y, first + 5, last_day(y, first + 5)))


def season(y: int, code: str) -> Period:
    first = SEASON_MONTHS[code]
    ey, em = add_months(y, first, 2)
    return Period(f"{y:04d}-{code}", "season", dt.date(y, first, 1), dt.date(ey, em, last_day(ey, em)))


def season_containing(d: dt.date) -> tuple[int, str]:
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, {3: "SP", 6: "SU", 9: "FA"}[(d.month - 3) // 3 * 3 + 3]


def fseason(first_year: int) -> Period:
    """The football season that starts in July of first_year."""
    return Period(f"{first_year:04d}/{first_year + 1:04d}", "season",
                  dt.date(first_year, 7, 1), dt.date(first_year + 1, 6, 30))


def fseason_containing(d: dt.date) -> int:
    return d.year if d.month >= 7 else d.year - 1


FSEASON_KICKOFF_DAY = 15   # of August: leagues start in August, before then the season is still to come


def before_kickoff(d: dt.date) -> bool:
    """Is d in the summer weeks between a season's formal start (1 July) and its first
    matches? Then "komend seizoen", "next season" is the one that has just begun."""
    return d.month == 7 or (d.month == 8 and d.day < FSEASON_KICKOFF_DAY)


def decade(first_year: int) -> Period:
    return Period(f"{first_year // 10:03d}", "decade", dt.date(first_year, 1, 1),
                  dt.date(first_year + 9, 12, 31))


def century(first_year: int) -> Period:
    """first_year is the century's 00 year: 1900 for "the 20th century" (value 19)."""
    return Period(f"{first_year // 100:02d}", "century", dt.date(max(first_year, 1), 1, 1),
                  dt.date(first_year + 99, 12, 31))


def years(first: int, last: int) -> Period:
    return Period(f"{first:04d}", "year", dt.date(first, 1, 1), dt.date(last, 12, 31))


def containing(d: dt.date, unit: str) -> Period:
    """The period of kind `unit` that contains day d."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "season":
        return season(*season_containing(d))
    if unit == "fseason":
        return fseason(fseason_containing(d))
    if unit == "decade":
        return decade(d.year // 10 * 10)
    if unit == "century":
        return century(d.year // 100 * 100)
    return year(d.year)


def part(p: Period, mod: str) -> Period:
    """The START, MID or END part of a period, keeping its value and adding the mod."""
    if mod not in ("START", "MID", "END"):
        return replace(p, mod=mod)
    if p.grain == "year":
        y = p.start.year
        spans = {"START": ((y, 1, 1), (y, 3, 31)), "MID": ((y, 5, 1), (y, 8, 31)),
                 "END": ((y, 10, 1), (y, 12, 31))}
        a, b = spans[mod]
        return replace(p, start=dt.date(*a), end=dt.date(*b), mod=mod)
    if p.grain == "month":
        y, m = p.start.year, p.start.month
        a, b = {"START": (1, 10), "MID": (11, 20), "END": (21, last_day(y, m))}[mod]
        return replace(p, start=dt.date(y, m, a), end=dt.date(y, m, b), mod=mod)
    if p.grain == "decade":  # "begin jaren zeventig" 1970-73, "halverwege" 1973-76, "the late 1970s" 1976-79
        y = p.start.year
        a, b = {"START": (0, 3), "MID": (3, 6), "END": (6, 9)}[mod]
        return replace(p, start=dt.date(y + a, 1, 1), end=dt.date(y + b, 12, 31), mod=mod)
    total = (p.end - p.start).days + 1
    third = max(total // 3, 1) if p.grain != "week" else 3  # a week's start: Mon-Wed, end: Fri-Sun
    if mod == "START":
        return replace(p, end=p.start + (third - 1) * DAY, mod=mod)
    if mod == "END":
        return replace(p, start=p.end - (third - 1) * DAY, mod=mod)
    return replace(p, start=p.start + third * DAY, end=p.end - third * DAY, mod=mod)


def easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    mon = (h + l - 7 * m + 114) // 31
    dd = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(y, mon, dd)


def nth_weekday(y: int, mon: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday (1=Monday) of a month."""
    if n > 0:
        first = dt.date(y, mon, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + (offset + 7 * (n - 1)) * DAY
    last = dt.date(y, mon, last_day(y, mon))
    return last - ((last.isoweekday() - weekday) % 7) * DAY


def orthodox_easter(y: int) -> dt.date:
    """Easter Sunday of the Eastern churches (Julian computus, as a Gregorian date)."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    mon = (d + e + 114) // 31
    dd = (d + e + 114) % 31 + 1
    return dt.date(y, mon, dd) + (y // 100 - y // 400 - 2) * DAY


_WEEKDAY_CODES = {"MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6, "SUN": 7}
_RULE = re.compile(r"(?:(?P<easter>[EO])(?P<eoff>[+-]\d+)|(?P<nmon>\d\d)/(?P<wd>\d)/(?P<n>-?\d)(?P<noff>[+-]\d+)?"
                   r"|(?P<mon>\d\d)-(?P<dd>\d\d)|(?P<cal>[A-Z]+):(?P<lmon>\d\d?)-(?P<lday>\d\d?)(?P<loff>[+-]\d+)?)"
                   r"(?P<shifts>(?:\|[A-Z]{3}:[+-]?\d+)*)(?:~(?P<post>[+-]\d+))?$")


def _holiday_day(alt: str, y: int) -> dt.date | None:
    m = _RULE.match(alt.strip())
    if m is None:
        return None
    try:
        if m["easter"]:
            d = (easter(y) if m["easter"] == "E" else orthodox_easter(y)) + int(m["eoff"]) * DAY
        elif m["nmon"]:
            d = nth_weekday(y, int(m["nmon"]), int(m["wd"]), int(m["n"])) + int(m["noff"] or 0) * DAY
        elif m["cal"]:
            from extract.temporal import lunar
            d = lunar.to_gregorian(m["cal"], y, int(m["lmon"]), int(m["lday"]))
            if d is None:
                return None
            d += int(m["loff"] or 0) * DAY
        else:
            d = dt.date(y, int(m["mon"]), int(m["dd"]))
    except ValueError:
        return None
    for code, shift in re.findall(r"\|([A-Z]{3}):([+-]?\d+)", m["shifts"]):
        if d.isoweekday() == _WEEKDAY_CODES.get(code):
            d += int(shift) * DAY
            break
    return d + int(m["post"] or 0) * DAY


def _holiday_rule(rule: str, y: int) -> str | None:
    """The alternative of a rule that applies in year y."""
    for alt in rule.split(";"):
        alt = alt.strip()
        if ">=" in alt:
            alt, since = alt.split(">=")
            if y < int(since):
                continue
        elif "<" in alt:
            alt, before = alt.split("<")
            if y >= int(before):
                continue
        return alt
    return None


def holiday_span(rule: str, y: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of a holiday in year y (the same day for one-day holidays)."""
    alt = _holiday_rule(rule, y)
    if alt is None:
        return None
    first, _, last = alt.partition("..")
    a = _holiday_day(first, y)
    if a is None:
        return None
    b = _holiday_day(last, y) if last else a
    if b is None or b < a:
        return None
    return a, b


def holiday(rule: str, y: int) -> dt.date | None:
    """Evaluate a holiday rule for year y (its first day).

    Rules: "MM-DD" fixed; "E+N"/"E-N" days from (Western) Easter Sunday, "O+N" from
    Orthodox Easter; "MM/W/N" the N-th ISO weekday W of month MM (N = -1: the last),
    optionally "+D" days after it ("11/4/4+1": the day after the fourth Thursday);
    "CAL:M-D" day D of month M of another calendar (`extract.temporal.lunar`: HEBREW,
    HIJRI, CHINESE), optionally "+D"; "|SUN:-1" moves a date falling on that weekday
    (SAT, SUN, ...) by that many days (several may follow each other), and a final "~-1"
    moves the result after those shifts ("dated from its eve"); "A..B" a holiday
    lasting from rule A to rule B; "RULE<YYYY" only before that year, "RULE>=YYYY" from
    it, alternatives separated by ";".
    """
    span = holiday_span(rule, y)
    return span[0] if span else None
