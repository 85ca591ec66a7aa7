"""Scan a text with a language's patterns, choose non-overlapping matches, resolve them.

1. every pattern runs over the text once (compiled regexes without nested quantifiers,
   so time is linear in the text's length);
2. matches that the language's negatives rule out (scores, quantities, short words that
   are dates only elsewhere) are dropped;
3. the longest matches win, earlier patterns break ties;
4. matches are resolved in text order, so that anchored expressions ("de volgende dag")
   see the most recent date the text established;
5. neighbours that a reader takes together are joined, and intervals split into their ends
   (see `extract.temporal.join`).
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from extract import sentences as sentence_splitter
from extract.records import TimeMention
from extract.temporal import calendar as cal
from extract.temporal import clock, dates, days, dispatch, football, offsets, periods, resolve
from extract.temporal.join import Found, join
from extract.temporal.lexicon import lexicon, norm
from extract.temporal.tense import FUTURE, PAST, UNKNOWN, Reading, TenseReader

BUILDERS = {name[len("build_"):]: fn for module in (dates, days, offsets, periods)
            for name, fn in vars(module).items() if name.startswith("build_")}
BUILDERS["clock"] = clock.build_clock
BUILDERS["football_period"] = football.build_football_period
# kinds whose value depends on the tense of their sentence (with a year, some do not)
UNDERSPECIFIED = frozenset({"date", "date_numeric", "date_short", "day_range", "month", "weekday", "holiday",
                            "season", "quarter", "nth_in_month", "relative_unit", "offset", "football_period",
                            "month_day"})
ABSOLUTE_WITH_YEAR = frozenset({"date", "date_numeric", "day_range", "month", "holiday", "season", "quarter",
                                "nth_in_month", "football_period"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+|[€$£¥]|[^\W\d_]+\$)[\s.]*$")
_WORD_AFTER = re.compile(r"^[\s-]*([^\W\d_]+|%)")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[ \t]+$")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 30])
    return m.group(1).lower() if m else ""


def _standalone(text: str, start: int, end: int) -> bool:
    """The match is a whole line (a calendar entry, a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def plausible(lex, kind: str, m: re.Match, slots: dict, text: str) -> bool:
    start, end = m.span()
    neg = lex.negatives
    if kind == "date_short" and not slots.get("prep") and (
            slots["sep"] == "." or (len(slots["day"]) == 1 and len(slots["month"]) == 1)):
        return False  # "3-1" is a score; "1.5" a number
    if end - start <= lex.longest_ambiguous and norm(m.group(0)).rstrip(".") in lex.ambiguous:
        after = text[end:end + 4].lstrip()
        if not (lex.context_prefix.search(text, max(0, start - 20), start)
                or after[:1].isdigit() or _standalone(text, start, end)):
            return False
    if kind in ("year",) and not slots.get("mod") and not slots.get("event"):
        if _word_after(text, end) in neg.get("quantity_after", ()):
            return False
        if not slots.get("prep") and _word_before(text, start) in neg.get("quantity_before", ()):
            return False
        if not slots.get("prep") and text[max(0, start - 1):start] in "$€£¥#" and start > 0:
            return False
        if not slots.get("prep") and lex.settings.get("acronym_before_year_is_name") and \
                _ACRONYM_BEFORE.search(text, max(0, start - 12), start):
            return False  # "Pay ABC 2000": a product or account name, not a year
    if kind == "date_short":
        day, month = slots["day"], slots["month"]
        a, b = int(day), int(month)
        if lex.settings.get("date_order") == "MDY" and a <= 12:
            a, b = b, a
        if not (1 <= a <= 31 and 1 <= b <= 12):
            return False
        if not slots.get("prep"):
            if _word_before(text, start) in neg.get("score_before", ()) or \
                    _word_after(text, end) in neg.get("score_after", ()):
                return False
    if kind in ("date", "date_numeric", "day_range"):
        if slots.get("day", "1").isdigit() and not 1 <= int(slots.get("day", "1")) <= 31:
            return False
    if kind == "clock":
        if not clock.plausible_clock(slots, lex) and _standalone(text, start, end) \
                and clock.clock_parts(slots, lex) is not None and 0 < (resolve.integer(lex, slots.get("hour"), "hour") or 1) < 24:
            slots["standalone"] = "1"  # an agenda line "15 uur" or "kwart over 3": a clock time
        return clock.plausible_clock(slots, lex)
    if kind in ("duration", "offset", "window", "anchored_offset"):
        if _word_after(text, end) in neg.get("duration_blockers", ()):
            return False
    if kind == "offset" and norm(slots.get("dir", "")) in neg.get("weak_offset_words", ()):
        before = norm(text[max(0, start - 40):start])
        if any(w in before for w in neg.get("offset_blockers", ())) or \
                _word_after(text, end) in neg.get("offset_blockers", ()):
            return False  # "voor het eerst in vier jaar", "in twee jaar tijd": a span of time
    return True


def _candidates(lex, text: str):
    """Every plausible match, trying patterns only at the words they can start with."""
    found = []
    for key, offsets in dispatch.index(text, lex.vocabulary).items():
        patterns, gate = lex.patterns_at(key)
        for pos in offsets:
            if gate is not None and gate(text, pos) is None:
                continue
            for p in patterns:
                m = p.regex.match(text, pos)
                if m is None or m.end() <= pos:
                    continue
                _keep(lex, p, m, text, found)
                for earlier in dispatch.extend_left(text, pos):
                    longer = p.regex.match(text, earlier)
                    if longer is not None and longer.end() >= m.end():
                        _keep(lex, p, longer, text, found)
    for p in lex.patterns:
        if p.starts is None:  # a pattern whose start could not be read: scan it everywhere
            for m in p.regex.finditer(text):
                if m.end() > m.start():
                    _keep(lex, p, m, text, found)
    return found


def _keep(lex, p, m, text: str, found: list) -> None:
    slots = {**p.defaults, **{k: v for k, v in m.groupdict().items() if v is not None}}
    if plausible(lex, p.kind, m, slots, text):
        found.append((m.start(), m.end(), p, slots, _split_at(m)))


def _split_at(m: re.Match) -> tuple[int, int] | None:
    """Where the first end of an interval written as one match stops and the second starts."""
    groups = m.groupdict()
    for first, second in (("day", "day2"), ("year", "year2")):
        if groups.get(first) is not None and groups.get(second) is not None:
            return m.end(first), m.start(second)
    return None


def _select(candidates):
    """Longest first, then pattern order; keep those that overlap nothing kept."""
    kept_starts, kept = [], []
    for c in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2].index, c[0])):
        s, e = c[0], c[1]
        i = bisect_left(kept_starts, s)
        if i > 0 and kept[i - 1][1] > s:
            continue
        if i < len(kept) and kept[i][0] < e:
            continue
        kept_starts.insert(i, s)
        kept.insert(i, c)
    return kept


def _reading(lex, start: int, end: int, reader: TenseReader, prefix: str) -> Reading:
    tense = lex.tense
    if prefix:
        word = norm(prefix)
        if word in tense.get("past_prepositions", ()):
            return Reading(PAST, False)
        if word in tense.get("future_prepositions", ()):
            return Reading(FUTURE, False)
    return reader.reading(start, end)


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


def _mention(start, end, text, r: resolve.Resolved, rule: str) -> TimeMention:
    return TimeMention(start_char=start, end_char=end, text=text[start:end], type=r.type,
                       value=r.value, grain=r.grain, start=r.start, end=r.end, mod=r.mod,
                       rule=rule)


def find(text: str, lang: str, published: dt.datetime | None) -> list[TimeMention]:
    lex = lexicon(lang)
    chosen = _select(_candidates(lex, text))
    if not chosen:
        return []
    sents = sentence_splitter.split(text, lang)
    reader = TenseReader(lex, text, sents)
    anchor: cal.Period | None = None
    anchor_day: cal.Period | None = None
    sentence_year: tuple[int, int] | None = None
    day_in_sentence: tuple[int, dt.date] | None = None
    out: list[Found] = []
    for start, end, pattern, slots, split in chosen:
        span_start = start
        pm = lex.span_prefix.search(text, max(0, start - 20), start)
        prefix = ""
        if pm and (not out or out[-1].mention.end_char <= pm.start()):
            prefix = text[pm.start():start].strip()
            span_start = pm.start()
        limit = ""
        lm = lex.limit_prefix.search(text, max(0, span_start - 25), span_start)
        if lm and (not out or out[-1].mention.end_char <= lm.start()):
            limit = lex.tables["limits"].get(norm(lm.group(1)), "")
            span_start = lm.start()
        sent = reader.sentence_of(start)
        sent_key = sent.start if sent else -1
        near = (sent_key, reader.previous_start(sent_key))
        same_sentence_day = day_in_sentence[1] if day_in_sentence and day_in_sentence[0] in near else None
        reading = Reading(UNKNOWN, False)
        if pattern.kind in UNDERSPECIFIED and not (slots.get("year") and pattern.kind in ABSOLUTE_WITH_YEAR):
            cm = lex.context_prefix.search(text, max(0, span_start - 20), span_start)
            reading = _reading(lex, start, end, reader, cm.group(1) if cm else prefix)
            if slots.get("relpost"):  # "zaterdag jl.", "3 september a.s."
                reading = Reading(PAST if int(lex.lookup("relpost", slots["relpost"]) or 0) < 0 else FUTURE, False)
        ctx = resolve.Context(lex, published, reading.direction,
                              anchor, same_sentence_day, prefix, anchor_day,
                              sentence_year[1] if sentence_year and sentence_year[0] == sent_key else None,
                              reading.inherited)
        r = BUILDERS[pattern.kind](slots, ctx)
        if r is None:
            continue
        if limit and not r.mod:
            r.mod = limit
        if r.start is not None and slots.get("year", "").isdigit() and len(slots["year"]) == 4:
            sentence_year = (sent_key, int(slots["year"]))
        if r.start is not None and r.anchors and r.type in ("DATE", "TIME"):
            first, last = _day(r.start), _day(r.end)
            anchor = cal.Period(r.value, r.grain, first, last)
            if first == last:
                day_in_sentence = (sent_key, first)
                anchor_day = anchor
        out.append(Found(_mention(span_start, end, text, r, f"{lang}:{pattern.name}"), pattern.kind, split))
    return join(lex, text, out)
