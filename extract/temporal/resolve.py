"""From the parts of a match (slots) to a place on the calendar: the shared records and helpers.

Each pattern kind has a builder `build_<kind>(slots, ctx)` returning a `Resolved` or None
(None: the match is not a temporal expression after all). The builders live by what they
build: `dates` (days of a month, months, years, decades), `days` (weekdays, deictic days,
relative units), `offsets` (counted from now or from an anchor, durations) and `periods`
(seasons, quarters, halves, holidays); the engine collects them from those modules.
Underspecified expressions follow `ctx.direction` (see `extract.temporal.tense`): PAST
picks the latest such date on or before the publication date, FUTURE and UNKNOWN the
earliest on or after it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extract.temporal import calendar as cal
from extract.temporal.tense import FUTURE, PAST, PRESENT, UNKNOWN

TIME_UNITS = {"second": 1, "minute": 60, "hour": 3600, "quarterhour": 900}
DURATION_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
                  "weekend": "W", "month": "M", "quarter": "Q", "half": "M", "year": "Y",
                  "fseason": "Y", "season": "M", "decade": "DE", "century": "CE"}
DURATION_FACTOR = {"half": 6, "season": 3}


@dataclass
class Resolved:
    type: str
    value: str
    grain: str
    start: dt.date | None = None
    end: dt.date | None = None
    mod: str = ""
    anchors: bool = True      # may later expressions be anchored to it?


@dataclass
class Context:
    lex: object
    published: dt.datetime | None
    direction: int
    anchor: cal.Period | None = None
    day: dt.date | None = None             # the day this sentence (or the one before, or a retelling) is on
    prefix: str = ""
    anchor_day: cal.Period | None = None
    reference: cal.Period | None = None    # the period yearless dates fall in (see extract.temporal.narrative)
    inherited: bool = False                # direction taken from the paragraph or article, no cue nearby
    known_days: dict = field(default_factory=dict)   # (month, day) -> date the text wrote with its year
    era_day: dt.date | None = None         # the day a retelling has reached
    anchor_year: cal.Period | None = None  # the most recent date whose year the text said
    recent_days: tuple = ()                # the last single days the text named
    in_article: bool = False               # the text has more than one sentence (no bare phrase)
    calendar_seasons: bool = False         # its seasons are calendar years (see extract.temporal.sport)
    frame: cal.Period | None = None        # the quarter or half a results report is about (narrative.Story)

    @property
    def today(self) -> dt.date | None:
        return self.published.date() if self.published else None


def period_result(p: cal.Period, type_: str = "DATE") -> Resolved:
    return Resolved(type_, p.value, p.grain, p.start, p.end, p.mod)


def unresolved(value: str, grain: str, type_: str = "DATE", mod: str = "") -> Resolved:
    return Resolved(type_, value, grain, None, None, mod, anchors=False)


# ----------------------------------------------------------------- slot values

def number(lex, text: str | None, group: str = "num") -> float | None:
    if text is None:
        return None
    t = text.strip()
    if t.replace(",", "", 1).replace(".", "", 1).isdigit():
        return float(t.replace(",", "."))
    value = lex.lookup(group, t)
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def integer(lex, text, group="num") -> int | None:
    v = number(lex, text, group)
    return int(v) if v is not None and v == int(v) else None


def ordinal(lex, text: str | None) -> int | None:
    if text is None:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits and text[0].isdigit():
        return int(digits)
    v = lex.lookup("ordinal", text)
    return int(v) if v not in (None, "") else None


def month_of(lex, text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        m = int(text)
        return m if 1 <= m <= 12 else None
    v = lex.lookup("month", text)
    return int(v) if v else None


def full_year(lex, text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        pivot = int(lex.settings.get("two_digit_year_pivot", 50))
        y += 2000 if y < pivot else 1900
    return y


def rel_of(lex, text: str | None, group: str = "rel") -> int | None:
    if text is None:
        return None
    v = lex.lookup(group, text)
    if v in (None, ""):
        return None
    return int(v.rstrip("~"))


def upcoming(lex, text: str | None) -> bool:
    """'komende week' / 'the coming week' (1~), 'het afgelopen jaar' / 'the past year' (-1~): the days
    ahead or behind rather than the next or last calendar unit."""
    v = lex.lookup("rel", text) if text else None
    return bool(v and v.endswith("~"))


# ----------------------------------------------------------------- direction helpers

TENSE_WINDOW = {PAST: 240, FUTURE: 300}  # days: beyond this a tense cue yields to the nearest date


def pick_year(candidates: list[dt.date], today: dt.date, direction: int,
              in_article: bool = False) -> dt.date:
    """Of one calendar day in neighbouring years, the one the direction points to.

    A tense cue wins when its date lies within TENSE_WINDOW days of `today`; the cue may
    belong to a reporting verb ("said ... will pay on Nov. 20"), so a date further away
    yields to the nearest candidate. No cue: forward; in an article (not a bare phrase)
    only as far as a future cue reaches, beyond it the nearest ("(AD, 20-3)" the day after
    is this March's, not next year's). A present tense points nowhere: the nearest ("De
    uitslag van 20 maart doet zich voelen", said in April, is this March's).
    """
    candidates = sorted(candidates)
    if direction == PRESENT:
        return nearest(candidates, today)
    if direction == PAST:
        before = [d for d in candidates if d <= today]
        pick = before[-1] if before else candidates[0]
    else:
        after = [d for d in candidates if d >= today]
        pick = after[0] if after else candidates[-1]
    window = TENSE_WINDOW[FUTURE] if direction == UNKNOWN and in_article else TENSE_WINDOW.get(direction)
    if window is not None and abs((pick - today).days) > window:
        pick = nearest(candidates, today)
    return pick


def nearest(candidates: list[dt.date], today: dt.date) -> dt.date:
    """The candidate closest to today; of two equally close, the later one."""
    return min(candidates, key=lambda d: (abs((d - today).days), -d.toordinal()))


def reference_holds(ctx: Context) -> bool:
    """Does the period the text is in (`ctx.reference`) still frame a yearless date here?
    Not when the reference lies in the past and the date's own clause points ahead ("In
    2017 ... Dit jaar heeft het festival edities gepland op 9 juni en 14 augustus")."""
    ref = ctx.reference
    if ref is None:
        return False
    return not (ctx.direction == FUTURE and not ctx.inherited and ctx.today is not None
                and ref.end < ctx.today)


def in_reference(make, ref: cal.Period) -> cal.Period | None:
    """Of the instances of a yearless date or month (`make(year)`), the one in the reference
    period, else the nearest to it: 'op 9 mei' in a text about 1991, 'in november' in season 2012/13."""
    options = [p for y in range(ref.start.year - 1, ref.end.year + 2) if (p := make(y)) is not None]
    if not options:
        return None
    def gap(p: cal.Period) -> int:
        return max((ref.start - p.end).days, (p.start - ref.end).days, 0)
    return min(options, key=lambda p: (gap(p), -p.start.toordinal()))


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def with_mod(p: cal.Period, mod: str | None) -> cal.Period:
    return cal.part(p, mod) if mod else p
