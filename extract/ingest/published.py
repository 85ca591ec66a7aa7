"""Publication dates: ISO strings from structured input, bylines from plain text."""
from __future__ import annotations

import datetime as dt
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


def parse_byline_date(text: str, lang: str | None) -> dt.datetime | None:
    """The date and time of a byline segment such as 'Donderdag, 5 mei 2022 om 15:34'.

    dateparser is strong on isolated absolute date strings in many languages, which is
    exactly a byline; the recogniser for running text is our own temporal engine.
    """
    import dateparser  # imported lazily: it costs ~0.3 s and only plain text needs it

    if not re.search(r"\d", text):
        return None
    languages = [lang] if lang else None
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "STRICT_PARSING": False, "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        found = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        found = None
    return found
