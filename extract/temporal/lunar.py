"""Dates of other calendars on the Gregorian calendar, for holiday rules "CAL:M-D".

- HEBREW: the arithmetic Hebrew calendar (exact; Reingold & Dershowitz). Months count
  from Nisan = 1 (Tishri = 7, Adar = 12, Adar II = 13); month 12 means Adar II in a
  leap year, where Adar's feasts (Purim) fall.
- HIJRI: the Islamic calendar as Saudi Arabia's Umm al-Qura calendar reckons it: a month
  begins the day after the new moon when the conjunction falls before sunset in Mecca,
  else a day later. Real calendars can differ by a day (sighting), as they differ among
  countries.
- CHINESE: the Chinese New Year (month 1, day D): the new moon in Beijing between 21
  January and 20 February; later months are not supported (leap months).

New moons from Meeus, Astronomical Algorithms ch. 49 (minutes of accuracy).
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

DAY = dt.timedelta(days=1)
_J2000_NEW_MOON = 2451550.09766    # JDE of the new moon of 6 January 2000 (lunation k = 0)
_SYNODIC = 29.530588861
_JD_ORDINAL = 1721424.5            # Julian day of 0001-01-01 00:00 minus its ordinal 1


def new_moon(k: int) -> float:
    """Julian day (UT, ~minutes) of lunation k (k = 0: 6 January 2000)."""
    t = k / 1236.85
    jde = (_J2000_NEW_MOON + _SYNODIC * k + 0.00015437 * t * t - 0.00000015 * t ** 3
           + 0.00000000073 * t ** 4)
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    r = math.radians
    m = r(2.5534 + 29.1053567 * k - 0.0000014 * t * t - 0.00000011 * t ** 3)
    mp = r(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3 - 0.000000058 * t ** 4)
    f = r(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3 + 0.000000011 * t ** 4)
    om = r(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t ** 3)
    sin = math.sin
    jde += (-0.4072 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
            + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
            - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
            - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
            - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
            + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
            + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
            - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp))
    return jde - 70 / 86400  # TT to UT (about a minute in this era)


def local_time(jd: float, utc_hours: float) -> dt.datetime:
    """The moment of a Julian day in a zone `utc_hours` ahead of UTC."""
    days = jd - _JD_ORDINAL + utc_hours / 24
    whole = math.floor(days)
    return dt.datetime.fromordinal(whole) + dt.timedelta(days=days - whole)


def _lunation_near(d: dt.date) -> int:
    return round((d.toordinal() + _JD_ORDINAL - _J2000_NEW_MOON) / _SYNODIC)


# ----------------------------------------------------------------- Hebrew

_HEBREW_EPOCH = -1373427  # fixed day (date.toordinal) of 1 Tishri AM 1


def _hebrew_leap(y: int) -> bool:
    return (7 * y + 1) % 19 < 7


@lru_cache(maxsize=512)
def _elapsed(y: int) -> int:
    months = (235 * y - 234) // 19
    parts = 12084 + 13753 * months
    day = 29 * months + parts // 25920
    return day + 1 if (3 * (day + 1)) % 7 < 3 else day


def _new_year(y: int) -> int:
    ny0, ny1, ny2 = _elapsed(y - 1), _elapsed(y), _elapsed(y + 1)
    correction = 2 if ny2 - ny1 == 356 else 1 if ny1 - ny0 == 382 else 0
    return _HEBREW_EPOCH + ny1 + correction


def _month_length(m: int, y: int) -> int:
    days = _new_year(y + 1) - _new_year(y)
    if m in (2, 4, 6, 10, 13) or (m == 12 and not _hebrew_leap(y)):
        return 29
    if m == 8 and days % 10 != 5:
        return 29
    if m == 9 and days % 10 == 3:
        return 29
    return 30


def hebrew_to_fixed(y: int, m: int, d: int) -> int:
    last = 13 if _hebrew_leap(y) else 12
    fixed = _new_year(y) + d - 1
    if m < 7:
        fixed += sum(_month_length(mm, y) for mm in range(7, last + 1))
        fixed += sum(_month_length(mm, y) for mm in range(1, m))
    else:
        fixed += sum(_month_length(mm, y) for mm in range(7, m))
    return fixed


def _hebrew(year: int, month: int, day: int) -> dt.date | None:
    for hy in (year + 3760, year + 3761):
        m = 13 if month == 12 and _hebrew_leap(hy) else month
        d = dt.date.fromordinal(hebrew_to_fixed(hy, m, day))
        if d.year == year:
            return d
    return None


# ----------------------------------------------------------------- Hijri

_SHAWWAL_1420 = (1420 - 1) * 12 + 9   # months since the Hijra of the month lunation 0 begins
_MECCA_UTC = 3
_MECCA_SUNSET = 18.25                 # local hours, a yearly average


def _hijri_month_start(h_year: int, month: int) -> dt.date:
    k = (h_year - 1) * 12 + (month - 1) - _SHAWWAL_1420
    moment = local_time(new_moon(k), _MECCA_UTC)
    hours = moment.hour + moment.minute / 60
    return moment.date() + (DAY if hours < _MECCA_SUNSET else 2 * DAY)


def _hijri(year: int, month: int, day: int) -> dt.date | None:
    k0 = _lunation_near(dt.date(year, 1, 1))
    first = (k0 + _SHAWWAL_1420) // 12 + 1
    for hy in (first - 1, first, first + 1):
        d = _hijri_month_start(hy, month) + (day - 1) * DAY
        if d.year == year:
            return d
    return None


# ----------------------------------------------------------------- Chinese

_BEIJING_UTC = 8


def _chinese(year: int, month: int, day: int) -> dt.date | None:
    if month != 1:
        return None
    k = _lunation_near(dt.date(year, 2, 5))
    for kk in (k - 1, k, k + 1):
        d = local_time(new_moon(kk), _BEIJING_UTC).date()
        if dt.date(year, 1, 21) <= d <= dt.date(year, 2, 20):
            return d + (day - 1) * DAY
    return None


CALENDARS = {"HEBREW": _hebrew, "HIJRI": _hijri, "CHINESE": _chinese}


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The day of Gregorian `year` that is day `day` of month `month` of `calendar`."""
    fn = CALENDARS.get(calendar)
    if fn is None or not (1 <= month <= 13 and 1 <= day <= 30) or not 2 <= year <= 9998:
        return None
    try:
        return fn(year, month, day)
    except (ValueError, OverflowError):
        return None
