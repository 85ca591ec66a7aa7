"""Scan a text with a language's patterns, choose non-overlapping matches, resolve them.

1. every pattern runs over the text once (compiled regexes without nested quantifiers,
   so time is linear in the text's length);
2. matches that the language's negatives rule out (scores, quantities, short words that
   are dates only elsewhere) are dropped;
3. the longest matches win, earlier patterns break ties;
4. matches are resolved in text order, in the tense of their clause (`extract.temporal.tense`)
   and against what the text established before them (`extract.temporal.narrative`: the
   most recent date for "de volgende dag", the year of the clause, a retold period);
5. neighbours that a reader takes together are joined, and intervals split into their ends
   (see `extract.temporal.join`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from bisect import bisect_left

from extract import sentences as sentence_splitter
from extract.records import TimeMention
from extract.temporal import clock, dates, days, dispatch, football, offsets, periods, resolve, sport
from extract.temporal.join import Found, join
from extract.temporal.narrative import Story, speech_time
from extract.temporal.lexicon import lexicon, norm
from extract.temporal.tense import FUTURE, PAST, UNKNOWN, Reading, TenseReader

BUILDERS = {name[len("build_"):]: fn for module in (dates, days, offsets, periods)
            for name, fn in vars(module).items() if name.startswith("build_")}
BUILDERS["clock"] = clock.build_clock
BUILDERS["football_period"] = football.build_football_period
# kinds whose value depends on the tense of their sentence (with a year, some do not)
UNDERSPECIFIED = frozenset({"date", "date_numeric", "date_short", "day_range", "month", "weekday", "holiday",
                            "season", "quarter", "nth_in_month", "relative_unit", "offset", "football_period",
                            "month_day", "clock"})
DATE_KINDS = frozenset({"date", "date_numeric"})
LIMIT_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
ABSOLUTE_WITH_YEAR = frozenset({"date", "date_numeric", "day_range", "month", "holiday", "season", "quarter",
                                "nth_in_month", "football_period"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+|[€$£¥]|[^\W\d_]+\$)[\s.]*$")
_WORD_AFTER = re.compile(r"^[\s-]*([^\W\d_]+|%)")
_WORDS = re.compile(r"\w+")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[ \t]+$")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 30])
    return m.group(1).lower() if m else ""


def _attributive(lex, text: str, start: int, end: int) -> bool:
    """A weekday that names an event of a noun ("de stemming van dinsdag", "Monday's close")
    rather than the time of the clause's verb."""
    tense = lex.tense
    suffixes = tuple(tense.get("attributive_suffixes", ()))
    if suffixes and text.startswith(suffixes, end):
        return True
    return _word_before(text, start) in tense.get("attributive_prepositions", ()) \
        and _word_after(text, end) not in tense.get("attributive_range_words", ())


def _standalone(text: str, start: int, end: int) -> bool:
    """The match is a whole line (a calendar entry, a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def plausible(lex, kind: str, m: re.Match, slots: dict, text: str, scores=None) -> bool:
    """Is the match a date here? `scores()`: `sport.writes_scores(text)`, answered once per text."""
    start, end = m.span()
    neg = lex.negatives
    if kind == "date_short" and not slots.get("prep") and (
            slots["sep"] == "." or (len(slots["day"]) == 1 and len(slots["month"]) == 1)):
        return False  # "3-1" is a score; "1.5" a number
    if neg.get("capitalised_only") and not _standalone(text, start, end) \
            and not any(c.isdigit() for c in m.group(0)) and any(
            (w := slots.get(g) or "")[:1].islower() and norm(w).rstrip(".") in neg["capitalised_only"]
            for g in ("month", "weekday")):
        return False  # "this may have": English writes its months and weekdays capitalised
    if end - start <= lex.longest_ambiguous and norm(m.group(0)).rstrip(".") in lex.ambiguous:
        after = text[end:end + 4].lstrip()
        if not (lex.context_prefix.search(text, max(0, start - 20), start)
                or after[:1].isdigit() or _standalone(text, start, end)):
            return False
    if kind in ("year", "year_span") and not slots.get("mod") and not slots.get("event") and not slots.get("fs"):
        if _word_after(text, end) in neg.get("quantity_after", ()):
            return False
        if not slots.get("prep") and _word_after(text, end) in neg.get("count_nouns_after", ()):
            return False  # "some 2002 women"; "in 2002 women won" is a year
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
        if slots["sep"] == "-" and lex.lookup("weekday", _word_before(text, start)) is None \
                and (scores() if scores is not None else sport.writes_scores(text)):
            return False  # "11-10", "op 13-12" in a match report: a score like its "2-0";
            # not "zaterdag 11-5", which a weekday names a day
    if kind in ("date", "date_numeric", "day_range"):
        if slots.get("day", "1").isdigit() and not 1 <= int(slots.get("day", "1")) <= 31:
            return False
    if kind in ("weekday", "deictic") and lex.settings.get("calendar_words_lowercase") and _capitalised_inside(m, text):
        return False  # "Met het Oog op Morgen", "WNL op Zondag": Dutch writes these words in lower case
    if kind == "clock":
        if norm(slots.get("hour", "")) in neg.get("vague_numbers", ()):
            return False  # "na een paar uur": an amount of time, no hour of the clock
        if not clock.plausible_clock(slots, lex) and _standalone(text, start, end) \
                and clock.clock_parts(slots, lex) is not None and 0 < (resolve.integer(lex, slots.get("hour"), "hour") or 1) < 24:
            slots["standalone"] = "1"  # an agenda line "15 uur" or "kwart over 3": a clock time
        return clock.plausible_clock(slots, lex)
    if kind in ("duration", "offset", "window", "anchored_offset"):
        if _word_after(text, end) in neg.get("duration_blockers", ()):
            return False
    if kind == "offset" and norm(slots.get("dir", "")) in neg.get("weak_offset_words", ()):
        before = norm(text[max(0, start - 40):start])
        after = _word_after(text, end)
        if any(w in before for w in neg.get("offset_blockers", ())) or after in neg.get("offset_blockers", ()) \
                or after in neg.get("offset_followers", ()):
            return False  # "voor het eerst in vier jaar", "in twee jaar tijd": a span of time
    return True


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"'“”‘’„«»(\[\n-])\s*$")
CALENDAR_GROUPS = ("weekday", "dayword", "daypartword")


def _capitalised_inside(m: re.Match, text: str) -> bool:
    """The match's calendar word starts with a capital but no sentence, line or quote starts there."""
    for group in CALENDAR_GROUPS:
        if m.groupdict().get(group):
            pos = m.start(group)
            return text[pos].isupper() and not _SENTENCE_OPENING.search(text, max(0, pos - 4), pos)
    return False


def _candidates(lex, text: str):
    """Every plausible match, trying patterns only at the words they can start with."""
    found = []
    scores = _Once(lambda: sport.writes_scores(text))
    for key, offsets in dispatch.index(text, lex.vocabulary).items():
        patterns, gate = lex.patterns_at(key)
        for pos in offsets:
            if gate is not None and gate(text, pos) is None:
                continue
            for p in patterns:
                m = p.regex.match(text, pos)
                if m is None or m.end() <= pos:
                    continue
                _keep(lex, p, m, text, found, scores)
                for earlier in dispatch.extend_left(text, pos):
                    longer = p.regex.match(text, earlier)
                    if longer is not None and longer.end() >= m.end():
                        _keep(lex, p, longer, text, found, scores)
    for p in lex.patterns:
        if p.starts is None:  # a pattern whose start could not be read: scan it everywhere
            for m in p.regex.finditer(text):
                if m.end() > m.start():
                    _keep(lex, p, m, text, found, scores)
    return found


class _Once:
    """A question about the text, asked when first needed and answered once."""

    def __init__(self, ask):
        self.ask, self.answer = ask, None

    def __call__(self):
        if self.answer is None:
            self.answer = self.ask()
        return self.answer


def _keep(lex, p, m, text: str, found: list, scores=None) -> None:
    slots = {**p.defaults, **{k: v for k, v in m.groupdict().items() if v is not None}}
    if plausible(lex, p.kind, m, slots, text, scores):
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
        if word in tense.get("deadline_prepositions", ()):  # "voor zondag": ahead, unless told in the past tense
            strong = reader.strong_direction(start, end)
            return Reading(PAST if strong == PAST else FUTURE, False)
    return reader.reading(start, end)


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


def _mention(start, end, text, r: resolve.Resolved, rule: str) -> TimeMention:
    return TimeMention(start_char=start, end_char=end, text=text[start:end], type=r.type,
                       value=r.value, grain=r.grain, start=r.start, end=r.end, mod=r.mod,
                       rule=rule)


def find(text: str, lang: str, published: dt.datetime | None, sentences=None) -> list[TimeMention]:
    lex = lexicon(lang)
    chosen = _select(_candidates(lex, text))
    if not chosen:
        return []
    reader = TenseReader(lex, text, sentences if sentences is not None else sentence_splitter.split(text, lang))
    story = Story(published.date() if published else None)
    seasons = sport.Seasons(lang, text)
    out: list[Found] = []
    previous: Neighbour | None = None
    for start, end, pattern, slots, split in chosen:
        span_start, prefix, limit = _prefixes(lex, text, start, out[-1].mention.end_char if out else 0)
        near = _with_neighbour(lex, text, start, pattern.kind, slots, span_start, prefix, previous)
        slots = near.slots
        if pattern.kind == "weekday" and _attributive(lex, text, start, end):
            slots = {**slots, "attributive": "1"}  # "de stemming van dinsdag": the nearest one
        previous = Neighbour(end, pattern.kind, slots, span_start, prefix)
        sent = reader.sentence_of(start)
        where = Where(sent.start if sent else -1, sent.start if sent else 0, text.rfind("\n", 0, start),
                      reader.index_of(sent.start) if sent else 0, reader.clause_start(sent, start) if sent else -1)
        seen = story.view(where.sentence, reader.previous_start(where.sentence), where.paragraph, where.index,
                          where.clause)
        reading = Reading(UNKNOWN, False)
        if pattern.kind in UNDERSPECIFIED and not (slots.get("year") and pattern.kind in ABSOLUTE_WITH_YEAR):
            cm = lex.context_prefix.search(text, max(0, near.context_start - 20), near.context_start)
            reading = _reading(lex, start, end, reader, cm.group(1) if cm else near.context_word)
            if slots.get("relpost"):  # "zaterdag jl.", "3 september a.s."
                reading = Reading(PAST if int(lex.lookup("relpost", slots["relpost"]) or 0) < 0 else FUTURE, False)
            elif slots.get("attributive"):  # a verb next to it is not its own
                reading = reader.reading(start, end, adjacent=False)
        now = speech_time(lex, text, start, pattern.kind, slots, seen, published)
        ctx = resolve.Context(lex, now, reading.direction, anchor=seen.anchor, day=seen.day, prefix=prefix,
                              anchor_day=seen.anchor_day, reference=seen.reference, inherited=reading.inherited,
                              known_days=seen.known_days, era_day=seen.era_day,
                              anchor_year=seen.anchor_year, recent_days=seen.recent_days,
                              in_article=len(reader.sentences) > 1, frame=seen.frame,
                              calendar_seasons=pattern.kind == "relative_unit" and seasons.calendar(start, end))
        r = _build(pattern.kind, slots, ctx)
        if r is None:
            continue
        if limit and not r.mod:
            r.mod = limit
        try:
            _record(lex, text, story, pattern.kind, slots, r, where, (span_start, end), near.group_start,
                    prefix, limit, out[-1] if out else None)
        except OverflowError:
            pass  # at the calendar's ends the story cannot hold this date; the date itself stands
        out.append(Found(_mention(span_start, end, text, r, f"{lang}:{pattern.name}"), pattern.kind, split))
    return join(lex, text, out)


def _build(kind: str, slots: dict, ctx) -> resolve.Resolved | None:
    """The builder's reading; one that falls off the calendar (a relative date of an
    article published in the year 1 or 9999) is kept as found but unresolved."""
    try:
        return BUILDERS[kind](slots, ctx)
    except OverflowError:
        return resolve.Resolved("DATE", "XXXX-XX-XX", "day", anchors=False)


@dataclass(frozen=True)
class Neighbour:
    """The candidate resolved just before: a weekday before a date, a clock time before its day."""
    end: int
    kind: str
    slots: dict
    span_start: int
    prefix: str


@dataclass(frozen=True)
class Where:
    """Where an expression stands: its sentence (key and start), paragraph, sentence index and clause."""
    sentence: int
    sentence_start: int
    paragraph: int
    index: int
    clause: int


@dataclass(frozen=True)
class Near:
    """An expression as the candidate before it completes it."""
    slots: dict
    context_start: int    # where the words that give its tense context end
    context_word: str     # its preposition, or the one of the clock time before it
    group_start: int      # where the expression starts with the weekday before it


def _with_neighbour(lex, text: str, start: int, kind: str, slots: dict, span_start: int, prefix: str,
                    previous: Neighbour | None) -> Near:
    adjacent = previous is not None and not text[previous.end:start].strip(" ,")
    if kind == "weekday" and _after_demonstrative(lex, text, start):
        slots = {**slots, "that": "1"}  # "die vrijdagavond": the Friday the text named
    if adjacent and previous.kind == "weekday" and kind in DATE_KINDS and not slots.get("weekday"):
        slots = {**slots, "weekday": previous.slots["weekday"]}  # "zaterdag 7 april": the 7 April on a Saturday
        return Near(slots, span_start, prefix, previous.span_start)
    if adjacent and previous.kind == "clock":  # "until 9 a.m. Tuesday": the clock's preposition governs the day
        return Near(slots, previous.span_start, previous.prefix or previous.slots.get("prep", ""), span_start)
    return Near(slots, span_start, prefix, span_start)


def _record(lex, text: str, story: Story, kind: str, slots: dict, r, where: Where, span: tuple[int, int],
            group_start: int, prefix: str, limit: str, before: Found | None) -> None:
    listed = before is not None and before.kind != "weekday" and before.mention.grain == r.grain \
        and _listed(lex, text[before.mention.end_char:span[0]])  # "2030 en 2050"; not "Tuesday, March 3"
    opening = _opens(lex, text, where.sentence_start, group_start) and (
        r.grain != "year" or bool(prefix or slots.get("prep")))  # "That 1978 resolution" is no time frame
    story.record(kind, r, span, where.sentence, where.clause, where.paragraph, where.index, opening,
                 _written_year(slots), _is_limit(lex, limit, prefix or slots.get("prep", ""), r), listed,
                 kind in DATE_KINDS and bool(slots.get("weekday")))


def _prefixes(lex, text: str, start: int, taken: int) -> tuple[int, str, str]:
    """Where the mention starts once its preposition ("op", "sinds") and limit word ("tot") are
    included, the preposition, and the limit's modifier; words of the mention before are not taken."""
    span_start, prefix, limit = start, "", ""
    pm = lex.span_prefix.search(text, max(0, start - 20), start)
    if pm and taken <= pm.start():
        prefix = text[pm.start():start].strip()
        span_start = pm.start()
    lm = lex.limit_prefix.search(text, max(0, span_start - 25), span_start)
    if lm and taken <= lm.start():
        limit = lex.tables["limits"].get(norm(lm.group(1)), "")
        span_start = lm.start()
    return span_start, prefix, limit


OPENING_WORDS = 1   # a sentence opens with a time adverbial after at most this many words ("But in", "En op")


def _opens(lex, text: str, sentence_start: int, start: int) -> bool:
    """Few words stand before the expression in its sentence, prepositions and articles aside."""
    skip = set(lex.settings.get("articles", ())) | set(lex.tables["span_prefixes"])
    words = 0
    for m in _WORDS.finditer(text, sentence_start, start):  # stops early: a sentence may be long
        words += norm(m.group()) not in skip
        if words > OPENING_WORDS:
            return False
    return True


def _is_limit(lex, limit: str, preposition: str, r) -> bool:
    """'tot 2025', 'voor 2030', 'sinds 1986': an open limit, not the time frame of the sentence."""
    return bool(limit) or r.mod in LIMIT_MODS or norm(preposition) in lex.tables.get("limit_prepositions", {})


_CLAUSE_OPENING = re.compile(r"(?:^|[.!?\"'“”‘„«(:])\s*$")


def _after_demonstrative(lex, text: str, start: int, adjective: bool = True) -> bool:
    """'Die vrijdagavond', 'op die zaterdag', 'die dramatische woensdag' (one adjective
    between); not the relative pronoun of 'Solskjaer, die zaterdag won'."""
    words = lex.tables.get("demonstratives", {})
    spans = [m.span() for m in _WORDS.finditer(text, max(0, start - 40), start)]
    if adjective and spans and text[spans[-1][0]:spans[-1][1]].islower() \
            and norm(text[spans[-1][0]:spans[-1][1]]) not in words \
            and _after_demonstrative(lex, text, spans[-1][0], adjective=False):
        return True
    for n in (2, 1):  # "that same", "die"
        if len(spans) >= n and norm(text[spans[-n][0]:start].strip()) in words:
            before = spans[-n - 1] if len(spans) > n else None
            if before is None or _CLAUSE_OPENING.search(text, before[1], spans[-n][0]):
                return True
            return norm(text[before[0]:before[1]]) in lex.tables["span_prefixes"]
    return False


def _written_year(slots: dict) -> bool:
    """The expression says its year: in digits ("2014") or in words ("vorig jaar")."""
    return (slots.get("year", "").isdigit() and len(slots["year"]) == 4) or bool(slots.get("yearrel"))


def _listed(lex, gap: str) -> bool:
    """The mention continues a list or range ("2030 en 2050", "2009 to 2011"): no year of reference."""
    g = norm(gap.strip())
    return len(gap) <= 6 and (g in lex.joiners["range"] or g == ",")
