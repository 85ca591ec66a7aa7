"""Join neighbouring mentions that a reader takes together, and split intervals into their ends.

- a weekday before an explicit date ("zaterdagavond 7 april 2018", "Monday, Oct. 26") is
  that date, with the weekday's part of day;
- a day and a clock time ("zaterdag om 14.30 uur") are one moment;
- a day or month followed by its year ("7 augustus vorig jaar", "in maart van dat jaar",
  "June last year") is that day or month of that year;
- an interval with both ends written ("tussen maart 2017 en april 2018", "13-15 juli",
  "from 2009 to 2011", "1921-1989") is reported as its two ends, each its own DATE or TIME
  mention as ANNOTATION.md asks, followed by the interval itself as a DURATION mention
  (TimeML's duration with a begin and an end point) that spans both ends, so that a
  timeline can draw the span. Only interval mentions overlap others, and each follows its ends.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.records import TimeMention
from extract.temporal import calendar as cal
from extract.temporal.days import daypart_span
from extract.temporal.lexicon import norm

INTERVAL = "DURATION"
_YEAR = re.compile(r"\d{4}|['’]\d\d\b")
SPLIT_GRAINS = ("day", "month", "year", "time")
DATE_KINDS = frozenset({"date", "date_numeric"})


@dataclass(frozen=True)
class Found:
    """A resolved mention with the pattern kind that made it and, for an interval written as
    one match ("13-15 juli"), the character offsets where its first end stops and its second starts."""
    mention: TimeMention
    kind: str
    split: tuple[int, int] | None = None


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


def is_interval(m: TimeMention) -> bool:
    return m.type == INTERVAL and m.start is not None and "/" in m.value


def _interval(a: TimeMention, b: TimeMention, text: str) -> TimeMention:
    return TimeMention(a.start_char, b.end_char, text[a.start_char:b.end_char], INTERVAL,
                       f"{a.value}/{b.value}", a.grain, a.start, b.end, a.mod, a.rule + "+range")


def _end_of(m: TimeMention, first: bool, lo: int, hi: int, text: str) -> TimeMention:
    """One end of an interval found as one match: the period of its grain at that end."""
    d = _day(m.start if first else m.end)
    p = cal.containing(d, m.grain if m.grain != "time" else "day")
    start, end = (p.start, p.end) if m.grain != "time" else ((m.start, m.start) if first else (m.end, m.end))
    value = m.value.split("/")[0 if first else 1] if "/" in m.value else p.value
    return TimeMention(lo, hi, text[lo:hi], m.type, value, m.grain, start, end,
                       m.mod if first else "", m.rule)


def split_interval(f: Found, text: str) -> list[TimeMention]:
    """'13-15 juli' as '13' (13 July), '15 juli' (15 July) and the interval; anything else as is."""
    m = f.mention
    if f.split is None or m.start is None or m.grain not in SPLIT_GRAINS or m.type not in ("DATE", "TIME"):
        return [m]
    if m.grain != "time" and cal.containing(_day(m.start), m.grain).end >= _day(m.end):
        return [m]  # one period after all ("2018/19" is a season, "2014-10" a month)
    first_end, second_start = f.split
    a = _end_of(m, True, m.start_char, first_end, text)
    b = _end_of(m, False, second_start, m.end_char, text)
    if m.grain != "time" and "/" not in m.value:
        a = TimeMention(a.start_char, a.end_char, a.text, a.type, cal.containing(a.start, m.grain).value,
                        a.grain, a.start, a.end, a.mod, a.rule)
    return [a, b, TimeMention(m.start_char, m.end_char, m.text, INTERVAL, f"{a.value}/{b.value}",
                              m.grain, a.start, b.end, m.mod, m.rule + "+range")]


def join(lex, text: str, found: list[Found]) -> list[TimeMention]:
    """Weekday + date, day + clock time, and date + range word + date, as described above."""
    merged: list[TimeMention] = []
    kinds: list[str] = []
    for f in found:
        first, *rest = split_interval(f, text)
        if len(merged) >= 3 and is_interval(merged[-1]) and not rest:
            dated = _interval_on_day(lex, merged[-3:], first, text)
            if dated is not None:  # "9:30 - 11:00 on Thursday"
                merged[-3:] = dated
                continue
        if merged and not is_interval(merged[-1]):
            prev = merged[-1]
            joined = _merge(lex, prev, kinds[-1], first, f.kind, text[prev.end_char:first.start_char], text)
            if joined is not None:
                merged[-1:] = joined[:-1]
                kinds[-1:] = [kinds[-1]] * (len(joined) - 1)
                first = joined[-1]
        merged += [first, *rest]
        kinds += [f.kind] * (1 + len(rest))
    return merged


def _merge(lex, a: TimeMention, a_kind: str, b: TimeMention, b_kind: str, gap: str,
           text: str) -> list[TimeMention] | None:
    if len(gap) > 12 or "\n" in gap:
        return None
    joiners = lex.joiners
    g = norm(gap.strip(" ,"))
    day_like = lambda m: m.grain == "day" and m.type in ("DATE", "TIME") and "/" not in m.value
    if not g and a_kind == "weekday" and b_kind in DATE_KINDS and day_like(b) and b.type == "DATE":
        return [_weekday_date(a, b, text)]
    if (not g or g in lex.settings.get("year_of", ())) and _yearless(a) and _one_year(b):
        return [_in_year(a, b, text)]  # "7 augustus vorig jaar", "in maart van dat jaar", "June last year"
    if g in joiners["clock"]:
        if day_like(a) and b.grain == "time" and b.type == "TIME":
            return [_with_clock(a, b, a, text)]
        if a.grain == "time" and a.type == "TIME" and day_like(b):  # "rond half elf dinsdagavond"
            return [_with_clock(a, b, b, text)]
    if not g:  # the range word may have been read as the second mention's preposition
        low = norm(b.text)
        g = max((w for w in joiners["range"] if low.startswith(w + " ")), key=len, default="")
    opener, closer = lex.settings.get("range_pair", ("", ""))
    if g == closer and opener not in norm(text[max(0, a.start_char - 10):b.start_char]).split():
        return None  # "2002 en 2005" is a list; "tussen 2002 en 2005" a range
    if g not in joiners["range"] or a.type != b.type or a.grain != b.grain or not a.start or not b.start:
        return None
    if a.grain in ("day", "month") and b.end < a.start and "-" not in a.value[:4] and b.value[:4] != a.value[:4]:
        a = _in_year_of(a, b)  # "tussen september en oktober 2007": the first end takes the year of the second
    if a.grain in ("day", "time", "month", "year") and b.end >= a.start:
        return [a, b, _interval(a, b, text)]
    return None


def _interval_on_day(lex, last: list[TimeMention], day: TimeMention, text: str) -> list[TimeMention] | None:
    """Clock-time ends and their interval, followed by the day they are on: all on that day."""
    a, b, interval = last
    gap = text[interval.end_char:day.start_char]
    if a.grain != "time" or b.grain != "time" or len(gap) > 12 or norm(gap.strip(" ,")) not in lex.joiners["clock"] \
            or day.grain != "day" or day.type != "DATE" or "/" in day.value or day.start is None:
        return None
    a = _on_day(a, day, a.start_char, a.end_char, text)
    b = _on_day(b, day, b.start_char, day.end_char, text)
    return [a, b, _interval(a, b, text)]


def _on_day(m: TimeMention, day: TimeMention, lo: int, hi: int, text: str) -> TimeMention:
    joined = _with_clock(day, m, day, text)
    return TimeMention(lo, hi, text[lo:hi], joined.type, joined.value, joined.grain, joined.start, joined.end,
                       joined.mod, joined.rule)


def _yearless(m: TimeMention) -> bool:
    return m.type == "DATE" and m.grain in ("day", "month") and m.start is not None and "/" not in m.value \
        and not _YEAR.search(m.text)


def _one_year(m: TimeMention) -> bool:
    return m.type == "DATE" and m.grain == "year" and m.start is not None and not m.mod \
        and m.start.year == m.end.year


def _in_year(a: TimeMention, b: TimeMention, text: str) -> TimeMention:
    """A day or month followed by the year it is in."""
    y = b.start.year
    try:
        start, end = a.start.replace(year=y), a.end.replace(year=y)
    except ValueError:
        start = end = None
    span = text[a.start_char:b.end_char]
    if start is None:
        return TimeMention(a.start_char, b.end_char, span, b.type, b.value, b.grain, b.start, b.end, b.mod, b.rule)
    return TimeMention(a.start_char, b.end_char, span, a.type, f"{y:04d}{a.value[4:]}", a.grain, start, end,
                       a.mod, a.rule + "+year")


def _weekday_date(a: TimeMention, b: TimeMention, text: str) -> TimeMention:
    """'zaterdagavond 7 april 2018': the date, in the weekday's part of the day.

    (The engine gave the date the weekday, so that a date without a year falls on it.)
    """
    part = a.value.partition("T")[2]
    span = text[a.start_char:b.end_char]
    if part and b.start is not None:
        first, last = daypart_span(_day(b.start), part)
        return TimeMention(a.start_char, b.end_char, span, "TIME", f"{b.value}T{part}", "day", first, last,
                           b.mod, b.rule + "+weekday")
    return TimeMention(a.start_char, b.end_char, span, b.type, b.value, b.grain, b.start, b.end, b.mod,
                       b.rule + "+weekday")


def _in_year_of(a: TimeMention, b: TimeMention) -> TimeMention:
    y = b.start.year if (a.start.month, a.start.day) <= (b.start.month, b.start.day) else b.start.year - 1
    try:
        start, end = a.start.replace(year=y), a.end.replace(year=y + (a.end.year - a.start.year))
    except ValueError:
        return a
    return TimeMention(a.start_char, a.end_char, a.text, a.type, f"{y:04d}{a.value[4:]}", a.grain,
                       start, end, a.mod, a.rule, a.score)


def _with_clock(first: TimeMention, second: TimeMention, day: TimeMention, text: str) -> TimeMention:
    clock_m = second if day is first else first
    hh, mm = (int(x) for x in clock_m.value.split("T", 1)[1][:5].split(":"))
    date_part, _, part = day.value.partition("T")
    if part in ("AF", "EV", "NI") and hh < 12:
        hh += 12  # "vanavond om 8 uur"
    elif part == "MO" and hh > 12:
        hh -= 12  # "maandagochtend om half negen", whatever the clock alone guessed
    moment = None
    if day.start is not None:
        moment = dt.datetime.combine(_day(day.start), dt.time(hh, mm))
    return TimeMention(first.start_char, second.end_char, text[first.start_char:second.end_char],
                       "TIME", f"{date_part}T{hh:02d}:{mm:02d}", "time", moment, moment, clock_m.mod,
                       clock_m.rule + "+" + day.rule.split(":", 1)[-1])
