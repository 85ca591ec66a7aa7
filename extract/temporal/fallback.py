"""Languages without a resource folder: dateparser reads isolated absolute dates.

Only a cheap pre-scan (numeric dates and four-digit years) is done here; dateparser
normalises what that scan finds. Relative expressions are left alone.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from extract import lang as resources
from extract.records import TimeMention

_NUMERIC = re.compile(r"(?<![\w.,/-])(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})(?![\w]|[./-]\d)")
_YEAR = re.compile(r"(?<![\w.,/-])(?:1[89]|20)\d\d(?![\w]|[.,/-]\d)")


@lru_cache(maxsize=None)
def has_engine(lang: str) -> bool:
    return lang in resources.languages() and resources.has(lang, "patterns")


def find(text: str, lang: str, published: dt.datetime | None) -> list[TimeMention]:
    import dateparser
    out = []
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    for m in _NUMERIC.finditer(text):
        parsed = dateparser.parse(m.group(0), languages=[lang] if lang else None, settings=settings)
        if parsed:
            d = parsed.date()
            out.append(TimeMention(m.start(), m.end(), m.group(0), "DATE", d.isoformat(), "day",
                                   d, d, rule=f"{lang}:dateparser"))
    taken = [(t.start_char, t.end_char) for t in out]
    for m in _YEAR.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        y = int(m.group(0))
        out.append(TimeMention(m.start(), m.end(), m.group(0), "DATE", str(y), "year",
                               dt.date(y, 1, 1), dt.date(y, 12, 31), rule=f"{lang}:year"))
    return sorted(out, key=lambda t: t.start_char)
