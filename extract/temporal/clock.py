"""Clock times: hour and minute from the slots of a clock pattern, joined to their day.

The day is the nearest day-level date earlier in the same or the previous sentence, else
the publication date. An hour without a part of day ("om drie uur", "om half negen") is read
as the next such hour after the publication time when that time is known and the clause is
not in the past tense; otherwise as an afternoon hour for 1-7 (news rarely reports 3 a.m.
without saying so) and a morning hour for 8-11: "Om half negen vertrok hij", published at
nine, is 08:30, not 20:30 (a past event may be on an earlier day, so the publication time
says nothing of its half of the day).
"""
from __future__ import annotations

import datetime as dt

from extract.temporal.resolve import Resolved, integer
from extract.temporal.tense import PAST


def _hour(lex, text: str | None) -> int | None:
    if text is None:
        return None
    return integer(lex, text, "hour")


def clock_parts(slots, lex) -> tuple[int, int, bool] | None:
    """(hour, minute, explicit) or None; explicit = the text fixes am/pm or uses 24h digits."""
    if slots.get("clockword"):
        raw = lex.lookup("clockword", slots["clockword"])
        if not raw:
            return None
        h, m = (int(x) for x in raw.split(":"))
        return h, m, True
    if slots.get("halfhour"):
        h = _hour(lex, slots["halfhour"])
        if h is None or not 1 <= h <= 12:
            return None
        minute = 30
        if slots.get("minbefore"):
            before = integer(lex, slots["minbefore"])
            if before is None or not 0 < before < 30:
                return None
            minute -= before
        return (h - 1) % 12, minute, False
    if slots.get("pastto"):
        h = _hour(lex, slots.get("hour"))
        text = slots.get("minutes", "")
        mins = 15 if not text[:1].isdigit() and lex.lookup("num", text) is None else integer(lex, text)
        if h is None or mins is None or not 0 < mins < 60 or not 0 <= h <= 24:
            return None
        pastto = slots["pastto"].lower()
        past = pastto in lex.settings.get("clock_past_words", [])
        if past:
            return h % 24, mins, h > 12
        total = (h * 60 - mins) % (24 * 60)
        return total // 60, total % 60, h > 12
    h = _hour(lex, slots.get("hour"))
    if h is None or not 0 <= h <= 24:
        return None
    minute = int(slots["minute"]) if slots.get("minute") else 0
    if minute > 59:
        return None
    explicit = bool(slots.get("minute")) and slots["hour"][:1].isdigit() or h > 12 or h == 0
    return h % 24, minute, explicit


def plausible_clock(slots, lex) -> bool:
    parts = clock_parts(slots, lex)
    if parts is None:
        return False
    qualified = any(slots.get(k) for k in ("approx", "prep", "ampm", "tz", "standalone"))
    if slots.get("sep") == "." and not (slots.get("ampm") or slots.get("tz")):
        return False  # "2.50" is a number unless a clock word says otherwise
    if slots.get("clockword"):
        return qualified
    if slots.get("pastto"):
        return qualified or slots.get("minword") or not slots.get("minutes", "")[:1].isdigit() and \
            lex.lookup("num", slots.get("minutes", "")) is None
    if slots.get("halfhour"):
        return True
    if slots.get("minute"):
        return True
    return qualified


def build_clock(slots, ctx):
    lex = ctx.lex
    parts = clock_parts(slots, lex)
    if parts is None or not plausible_clock(slots, lex):
        return None
    h, m, explicit = parts
    ampm = lex.lookup("ampm", slots["ampm"]) if slots.get("ampm") else None
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    elif ampm is None and not explicit and 1 <= h <= 12:
        pub = ctx.published
        if pub is not None and pub.time() != dt.time(0, 0) and ctx.direction != PAST:
            if (h, m) < (pub.hour, pub.minute) and h < 12:
                h += 12
        elif h <= 7:
            h += 12
    day = ctx.day or ctx.today
    if day is not None and h == 0 and not slots.get("pastto") and slots.get("hour") \
            and _hour(lex, slots["hour"]) == 24:
        day += dt.timedelta(days=1)  # "tot 24.00 uur": the end of that day, the next one's start
    mod = "APPROX" if slots.get("approx") else ""
    if day is None:
        return Resolved("TIME", f"XXXX-XX-XXT{h:02d}:{m:02d}", "time", None, None, mod, anchors=False)
    moment = dt.datetime.combine(day, dt.time(h, m))
    return Resolved("TIME", f"{day.isoformat()}T{h:02d}:{m:02d}", "time", moment, moment, mod)
