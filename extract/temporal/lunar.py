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
- HINDU, HINDUEVE, HINDUNIGHT (tithis of the amanta lunar month), SANKRANTI (the Sun
  entering a sidereal sign), NAKSHATRA (a lunar mansion in a solar month) and PARSI (the
  Shahenshahi calendar): see the section below.

New moons from Meeus, Astronomical Algorithms ch. 49 (minutes of accuracy); Sun and Moon
longitudes from chapters 25 and 47 (main terms, about 0.01 degree). Results are cached.
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


@lru_cache(maxsize=4096)
def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The day of Gregorian `year` that is day `day` of month `month` of `calendar`."""
    fn = CALENDARS.get(calendar)
    if fn is None or not (1 <= month <= 13 and 1 <= day <= 30) or not 2 <= year <= 9998:
        return None
    try:
        return fn(year, month, day)
    except (ValueError, OverflowError):
        return None


# ----------------------------------------------------------------- Hindu (sidereal, Lahiri)
#
# HINDU:M-T is tithi T (1-15 waxing, 16-30 waning, 30 = new moon) of the amanta lunar month
# M (1 = Chaitra ... 12 = Phalguna; a month is named after the sidereal sign the Sun is in
# at the new moon that begins it, Pisces giving Chaitra; the first of two months in one sign
# is a leap month and holds no feasts). The day is the Indian civil day whose observance
# moment falls in that tithi: sunrise (06:30 IST) for HINDU, evening (19:30) for HINDUEVE,
# midnight for HINDUNIGHT. SANKRANTI:S-1 is the day the Sun enters sidereal sign S
# (1 = Aries), the next day when that happens after sunset. NAKSHATRA:S-N is the first day
# of the solar month S whose sunrise sees the Moon in lunar mansion N (1-27).
# PARSI:M-D: the Shahenshahi Zoroastrian calendar (twelve 30-day months and five extra
# days: 365 days a year, so 1 Farvardin moves a day earlier after each leap day).

_IST = 5.5
_OBSERVANCE_IST = {"HINDU": 6.5, "HINDUEVE": 19.5, "HINDUNIGHT": 23.9}
_MOON_TERMS = (  # D, M, M', F, coefficient (1e-6 degree), Meeus table 47.A
    (0, 0, 1, 0, 6288774), (2, 0, -1, 0, 1274027), (2, 0, 0, 0, 658314), (0, 0, 2, 0, 213618),
    (0, 1, 0, 0, -185116), (0, 0, 0, 2, -114332), (2, 0, -2, 0, 58793), (2, -1, -1, 0, 57066),
    (2, 0, 1, 0, 53322), (2, -1, 0, 0, 45758), (0, 1, -1, 0, -40923), (1, 0, 0, 0, -34720),
    (0, 1, 1, 0, -30383), (2, 0, 0, -2, 15327), (0, 0, 1, 2, -12528), (0, 0, 1, -2, 10980),
    (4, 0, -1, 0, 10675), (0, 0, 3, 0, 10034), (4, 0, -2, 0, 8548), (2, 1, -1, 0, -7888),
    (2, 1, 0, 0, -6766), (1, 0, -1, 0, -5163), (1, 1, 0, 0, 4987), (2, -1, 1, 0, 4036),
    (2, 0, 2, 0, 3994), (4, 0, 0, 0, 3861), (2, 0, -3, 0, 3665), (0, 1, -2, 0, -2689),
    (2, 0, -1, 2, -2602), (2, -1, -2, 0, 2390), (1, 0, 1, 0, -2348), (2, -2, 0, 0, 2236),
    (0, 1, 2, 0, -2120), (0, 2, 0, 0, -2069), (2, -2, -1, 0, 2048), (2, 0, 1, -2, -1773),
    (2, 0, 0, 2, -1595), (4, -1, -1, 0, 1215), (0, 0, 2, 2, -1110), (3, 0, -1, 0, -892),
    (2, 1, 1, 0, -810), (4, -1, -2, 0, 759), (0, 2, -1, 0, -713), (2, 2, -1, 0, -700),
    (2, 1, -2, 0, 691), (2, -1, 0, -2, 596), (4, 0, 1, 0, 549), (0, 0, 4, 0, 537),
    (4, -1, 0, 0, 520), (1, 0, -2, 0, -487),
)


def sun_longitude(jd: float) -> float:
    """Apparent tropical longitude of the Sun in degrees (Meeus ch. 25, ~0.01 degree)."""
    t = (jd - 2451545.0) / 36525
    m = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    c = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m) + (0.019993 - 0.000101 * t) * math.sin(2 * m)
         + 0.000289 * math.sin(3 * m))
    omega = math.radians(125.04 - 1934.136 * t)
    return (280.46646 + 36000.76983 * t + 0.0003032 * t * t + c - 0.00569 - 0.00478 * math.sin(omega)) % 360


def moon_longitude(jd: float) -> float:
    """Tropical longitude of the Moon in degrees (Meeus ch. 47, main terms, ~0.01 degree)."""
    t = (jd - 2451545.0) / 36525
    lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t * t
    d = math.radians(297.8501921 + 445267.1114034 * t - 0.0018819 * t * t)
    m = math.radians(357.5291092 + 35999.0502909 * t - 0.0001536 * t * t)
    mp = math.radians(134.9633964 + 477198.8675055 * t + 0.0087414 * t * t)
    f = math.radians(93.272095 + 483202.0175233 * t - 0.0036539 * t * t)
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    total = 0.0
    for cd, cm, cmp, cf, coef in _MOON_TERMS:
        total += coef * e ** abs(cm) * math.sin(cd * d + cm * m + cmp * mp + cf * f)
    a1 = math.radians(119.75 + 131.849 * t)
    a2 = math.radians(53.09 + 479264.29 * t)
    total += 3958 * math.sin(a1) + 1962 * math.sin(math.radians(lp) - f) + 318 * math.sin(a2)
    return (lp + total / 1e6) % 360


def ayanamsa(jd: float) -> float:
    """Lahiri ayanamsa in degrees (linear precession; ~0.01 degree over two centuries)."""
    return 23.853 + 0.0139667 * (jd - 2451545.0) / 365.25


def tithi(jd: float) -> int:
    return int(((moon_longitude(jd) - sun_longitude(jd)) % 360) // 12) + 1


def _sign(jd: float) -> int:
    """Sidereal sign of the Sun, 0 = Aries."""
    return int(((sun_longitude(jd) - ayanamsa(jd)) % 360) // 30)


def _jd_at(d: dt.date, ist_hours: float) -> float:
    return d.toordinal() + _JD_ORDINAL + (ist_hours - _IST) / 24


def _hindu(year: int, month: int, tith: int, observe: float) -> dt.date | None:
    if not 1 <= tith <= 30:
        return None
    k0 = _lunation_near(dt.date(year, 1, 1)) - 2
    for k in range(k0, k0 + 16):
        nm, nxt = new_moon(k), new_moon(k + 1)
        sign = _sign(nm)
        if (sign + 1) % 12 + 1 != month or _sign(nxt) == sign:
            continue  # another month, or a leap month
        first = local_time(nm, _IST).date()
        for i in range(0 if tith < 16 else 12, 32):
            d = first + i * DAY
            t = tithi(_jd_at(d, observe))
            if t == tith or (t == tith % 30 + 1 and tithi(_jd_at(d - DAY, observe)) == (tith - 2) % 30 + 1):
                if d.year == year:
                    return d  # the tithi at the observance moment, or a tithi that no such moment sees
                break
    return None


def _sankranti(year: int, sign: int, day: int) -> dt.date | None:
    target = (sign - 1) * 30.0
    jd = dt.date(year, 1, 1).toordinal() + _JD_ORDINAL
    step = 1.0
    prev = (sun_longitude(jd) - ayanamsa(jd) - target) % 360
    for _ in range(400):
        cur = (sun_longitude(jd + step) - ayanamsa(jd + step) - target) % 360
        if cur < prev:  # crossed the sign's first degree
            lo, hi = jd, jd + step
            for _ in range(30):
                mid = (lo + hi) / 2
                if (sun_longitude(mid) - ayanamsa(mid) - target) % 360 < 180:
                    hi = mid
                else:
                    lo = mid
            moment = local_time(hi, _IST)
            d = moment.date() + (DAY if moment.hour + moment.minute / 60 >= 18 else dt.timedelta(0))
            return d + (day - 1) * DAY if d.year == year else None
        prev = cur
        jd += step
    return None


def _nakshatra(year: int, sign: int, mansion: int) -> dt.date | None:
    first = _sankranti(year, sign, 1)
    if first is None or not 1 <= mansion <= 27:
        return None
    for i in range(0, 32):
        d = first + i * DAY
        jd = _jd_at(d, _OBSERVANCE_IST["HINDU"] + 2.4)  # the mansion of the first six nazhika after sunrise
        if _sign(jd) != sign - 1:
            if i > 1:
                break
            continue
        if int(((moon_longitude(jd) - ayanamsa(jd)) % 360) // (360 / 27)) + 1 == mansion:
            return d
    return None


_PARSI_NEW_YEAR_2018 = dt.date(2018, 8, 17)


def _parsi(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    for y in (year, year + 1):
        d = _PARSI_NEW_YEAR_2018 + (365 * (y - 2018) + 30 * (month - 1) + day - 1) * DAY
        if d.year == year:
            return d
    return None


CALENDARS.update({
    "NAKSHATRA": lambda y, m, d: _nakshatra(y, m, d) if 1 <= m <= 12 else None,
    "PARSI": _parsi,
    "HINDU": lambda y, m, d: _hindu(y, m, d, _OBSERVANCE_IST["HINDU"]),
    "HINDUEVE": lambda y, m, d: _hindu(y, m, d, _OBSERVANCE_IST["HINDUEVE"]),
    "HINDUNIGHT": lambda y, m, d: _hindu(y, m, d, _OBSERVANCE_IST["HINDUNIGHT"]),
    "SANKRANTI": lambda y, m, d: _sankranti(y, m, d) if 1 <= m <= 12 else None,
})
