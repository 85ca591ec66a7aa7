"""The temporal engine: finds dates, times, durations and periods in news text.

    find_timexes(text, lang, published) -> list[TimeMention]

Mentions come sorted by start_char and do not overlap, except that an interval with both
ends written ("tussen maart 2017 en april 2018", "13-15 juli") comes as its two ends, each
its own DATE or TIME mention, followed by a DURATION mention spanning both (see
`extract.temporal.join`). Language knowledge lives in `extract/lang/<code>/` (see
`extract.temporal.lexicon.REQUIRED_CONCEPTS`); this package holds no word of any language.
Languages without such a folder fall back to dateparser for absolute dates
(`extract.temporal.fallback`).

Resolution rules (ANNOTATION.md): relative expressions count from `published`; an
underspecified date ("28 mei", "woensdag", "in april") takes the direction of its
clause's tense, and a sentence without a tense cue takes the tense of its paragraph,
then of the article (news is mostly past: a bare "vrijdag" in a report is last Friday);
only a text without any cue resolves forward (see `extract.temporal.tense`); a weekday
equal to the publication's weekday is that day; anchored expressions ("daags na", "drie
jaar later") count from the most recent date established earlier in the text, or from
`published` when there is none. Without `published`, relative expressions come back
with start = end = None.
"""
from __future__ import annotations

import datetime as dt

from extract.records import TimeMention

__all__ = ["find_timexes"]


def find_timexes(text: str, lang: str, published: dt.datetime | None,
                 sentences=None) -> list[TimeMention]:
    """Every temporal expression in `text`, resolved against `published`. `sentences`: the
    article's sentence spans when the caller has split it already (the document has)."""
    from extract.temporal import engine, fallback
    if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
        published = dt.datetime.combine(published, dt.time())
    if published is not None and published.tzinfo is not None:
        published = published.replace(tzinfo=None)
    published = writing_time(published)
    code = (lang or "").lower().split("-")[0].split("_")[0]
    if fallback.has_engine(code):
        return engine.find(text or "", code, published, sentences)
    return fallback.find(text or "", code, published)


AFTER_MIDNIGHT = dt.timedelta(hours=1)
"""News stamped this soon after midnight was written the evening before."""


def writing_time(published: dt.datetime | None) -> dt.datetime | None:
    """The moment the article speaks from. A report stamped 00:14 was written the evening
    before (a late match report, a Sunday-night talk show): its "vanavond", "vorige week"
    and "zondag" count from that evening. A stamp of exactly midnight is a date without a
    time (TimeML's creation dates) and stays as it is."""
    if published is None:
        return None
    since = published - published.replace(hour=0, minute=0, second=0, microsecond=0)
    if dt.timedelta(0) < since < AFTER_MIDNIGHT:
        return published.replace(hour=23, minute=59, second=0, microsecond=0) - dt.timedelta(days=1)
    return published

