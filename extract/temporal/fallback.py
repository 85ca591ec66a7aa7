"""Languages without a resource folder: dateparser finds and places their dates.

`dateparser.search.search_dates` finds the expressions (absolute and relative, counted
from the publication date); `DateDataParser.get_date_data` says each one's grain (day,
month or year), which sets the period it covers. Slower than the engine and without its
tense and narrative reading, but the dates of a French or Chinese article are found.
"""
from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from extract import lang as resources
from extract.records import TimeMention

GRAINS = {"day", "week", "month", "year"}


@lru_cache(maxsize=None)
def has_engine(lang: str) -> bool:
    return lang in resources.languages() and resources.has(lang, "patterns")


def _period(d: dt.date, grain: str) -> tuple[str, dt.date, dt.date]:
    if grain == "year":
        return f"{d.year:04d}", d.replace(month=1, day=1), d.replace(month=12, day=31)
    if grain == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return f"{d.year:04d}-{d.month:02d}", d.replace(day=1), d.replace(day=last)
    if grain == "week":
        monday = d - dt.timedelta(days=d.weekday())
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + dt.timedelta(days=6)
    return d.isoformat(), d, d


def find(text: str, lang: str, published: dt.datetime | None) -> list[TimeMention]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates
    settings = {"RELATIVE_BASE": published} if published else {}
    languages = [lang] if lang else None
    try:
        found = search_dates(text, languages=languages, settings=settings) or []
    except (ValueError, OverflowError):  # an unknown language code, a date off the calendar
        return []
    parser = DateDataParser(languages=languages, settings={**settings, "RETURN_TIME_AS_PERIOD": True})
    out, cursor = [], 0
    for phrase, _ in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        data = parser.get_date_data(phrase)
        if data is None or data.date_obj is None:
            continue
        grain = data.period if data.period in GRAINS else "day"
        value, first, last = _period(data.date_obj.date(), grain)
        out.append(TimeMention(start, cursor, phrase, "DATE", value, grain, first, last,
                               rule=f"{lang}:dateparser"))
    return out
