"""Publication dates: ISO or RSS strings from structured input, bylines from plain text."""
from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?")


def parse_iso(value) -> dt.datetime | None:
    """A datetime from an ISO date or datetime string; None when it is not one.

    Time zones are dropped (kept as local wall time): news dates are read as printed.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not _ISO.fullmatch(text):
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def parse_published(value) -> dt.datetime | None:
    """A structured 'published' field: an ISO date or datetime, or an RSS/e-mail date
    ("Tue, 11 Apr 2019 13:48:55 +0200", RFC 2822, read by the standard library), as
    feeds and their exports give it. None when it is neither."""
    found = parse_iso(value)
    if found is not None or value is None:
        return found
    text = str(value).strip()
    if not re.search(r"\d{4}", text):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.replace(tzinfo=None) if parsed else None


def parse_byline_date(text: str, lang: str | None) -> dt.datetime | None:
    """The date and time of a byline segment such as 'Donderdag, 5 mei 2022 om 15:34'.

    Our own temporal engine reads it first (it is loaded anyway and knows the language's
    weekday, month and clock forms); dateparser, strong on isolated absolute date strings
    in many languages, is the fallback for languages without a resource folder.
    """
    if not re.search(r"\d", text):
        return None
    return _engine_date(text, lang) or _dateparser_date(text, lang)


_ABSOLUTE_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")


def _engine_date(text: str, lang: str | None) -> dt.datetime | None:
    from extract import lang as resources
    from extract.temporal import find_timexes

    if not lang or lang not in resources.languages():
        return None
    for mention in find_timexes(text, lang, None):
        m = _ABSOLUTE_DAY.match(mention.value)
        if m:
            y, mo, d, h, mi = (int(x) if x else 0 for x in m.groups())
            return dt.datetime(y, mo, d, h, mi)
    return None


def _dateparser_date(text: str, lang: str | None) -> dt.datetime | None:
    import dateparser  # imported lazily: loading its language data costs seconds

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        return dateparser.parse(text, languages=[lang] if lang else None, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
