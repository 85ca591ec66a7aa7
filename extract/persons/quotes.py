"""Direct quotes and their speakers.

A date inside a quote belongs to the quote's subject; the speaker is only the subject when
the quote speaks about him or her ("ik"). Speakers are found after the closing quote in the
same sentence ('"...", aldus Ancelotti', '"...", gaf Kroos toe') or before the opening one
('Ancelotti: "..."').
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_WORDS = re.compile(r"\w+")
_PAIRS = {"“": "”", "„": "”", "«": "»", "‘": "’", "‚": "’",
          "``": "''", ",,": "''"}  # typewriter quotes: English wire copy, Dutch papers' ,,...


@dataclass(frozen=True)
class Quote:
    start: int          # offset of the first character inside the quote marks
    end: int
    speaker: str = ""   # canonical person, "" when unknown


_OPENERS = re.compile("``|,,(?=\\S)|[\"“„«‘‚]|(?:(?<=^)|(?<=[\\s(\\[]))'(?=[^\\W\\d_])(?![a-z](?:\\W|$))", re.M)
# a typewriter single quote opens speech at a word's start ("'Op de vorige klimaatmars ...',
# zegt ..."); not an elision before a one-letter lower-case word ('s ochtends, 't, 'n) or a
# year ('19); it closes at the first ' after a word that no letter follows ("zo'n" goes on)
_SINGLE_CLOSE = re.compile(r"(?<=\S)'(?![^\W_])")


def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(inner start, inner end) of every quoted stretch; found once per article."""
    out, i, n = [], 0, len(text)
    while i < n:
        m = _OPENERS.search(text, i)
        if m is None:
            break
        i, ch = m.start(), m.group()
        if ch == '"':
            j = text.find('"', i + 1)
            if j < 0:
                break
            out.append((i + 1, j))
            i = j + 1
            continue
        if ch == "'":
            j = _single_close(text, i + 1)
            if j < 0:
                i += 1
                continue
            out.append((i + 1, j))
            i = j + 1
            continue
        close = _PAIRS[ch]
        if ch in "‘‚" and i > 0 and text[i - 1].isalnum():
            i += 1
            continue
        j = i + 1
        while True:
            j = text.find(close, j)
            # an apostrophe inside a word ("zo’n") is not a closing quote
            if j < 0 or j + 1 >= n or not text[j + 1].isalnum():
                break
            j += 1
        if j < 0 or j - i > 3000:
            i += 1
            continue
        out.append((i + len(ch), j))
        i = j + len(close)
    return tuple(out)


def _single_close(text: str, start: int) -> int:
    """The ' that closes a single-quoted stretch opened before `start`, within its paragraph
    (-1: none, and the mark was an apostrophe)."""
    end = text.find("\n", start)
    m = _SINGLE_CLOSE.search(text, start, len(text) if end < 0 else end)
    return m.start() if m is not None and m.start() - start <= 3000 else -1


_STOP = re.compile(r"[.!?\n]")


def find(text: str, mentions: list, speech_verbs: frozenset[str] = frozenset(),
         quote_spans: tuple[tuple[int, int], ...] | None = None,
         first_person: frozenset[str] = frozenset()) -> list[Quote]:
    """Quotes with the speaker taken from mentions around them (names, descriptions and
    resolved third-person pronouns: '"...", zei hij')."""
    quotes = []
    own = set()  # quotes followed by their own speech verb: they never inherit a speaker
    usable = sorted((m for m in mentions if m.kind in ("name", "description")
                     or m.kind == "pronoun" and not m.speaker_self), key=lambda m: m.start_char)
    starts = [m.start_char for m in usable]
    all_spans = spans(text) if quote_spans is None else quote_spans
    span_starts = [a for a, _ in all_spans]

    def quoted(offset: int) -> bool:
        i = bisect.bisect_right(span_starts, offset) - 1
        return i >= 0 and all_spans[i][0] <= offset < all_spans[i][1]

    for s, e in all_spans:
        if e - s < 8:
            quotes.append(Quote(s, e))  # a scare-quoted word, not speech
            continue
        speaker = ""
        m_stop = _STOP.search(text, e + 1, e + 200)
        limit = min(m_stop.start() if m_stop else e + 200, e + 80)
        lo, hi = bisect.bisect_right(starts, e), bisect.bisect_left(starts, limit)
        after = [m for m in usable[lo:hi] if not quoted(m.start_char)]
        if speech_verbs and any(w.lower() in speech_verbs for w in _WORDS.findall(text, e, min(limit, e + 40))):
            own.add(s)
        if after:
            speaker = after[0].person
        else:
            window = max(0, s - 300)
            line_start = max(text.rfind(x, window, max(window, s - 1)) for x in ".!?\n")
            lo, hi = bisect.bisect_right(starts, line_start), bisect.bisect_left(starts, s - 1)
            before = usable[lo:hi]
            if before and text[:s - 1].rstrip().endswith((":", ",")):
                speaker = before[-1].person
        quotes.append(Quote(s, e, speaker))
    if first_person:
        quotes = [_introduced(q, text, mentions, own, first_person) for q in quotes]
    # a quote without its own speaker right after one with a speaker continues it
    out = []
    for q in quotes:
        if not q.speaker and q.start not in own and out and out[-1].speaker and q.start - out[-1].end < 400 \
                and "\n\n" not in text[out[-1].end:q.start]:
            q = Quote(q.start, q.end, out[-1].speaker)
        out.append(q)
    return out


def _introduced(q: Quote, text: str, mentions: list, own: set, first_person: frozenset[str]) -> Quote:
    """A quote that opens its own line and speaks in the first person, after a sentence
    naming one person ('Leclerc speelt het spel keurig mee.' then '"Ik verheug me ..."'):
    that person speaks."""
    if q.speaker or q.start in own or q.end - q.start < 8:
        return q
    line = text.rfind("\n", 0, q.start)
    if line < 0 or text[line:q.start].strip() not in ("", "\"", "“", "„", "'", "‘"):
        return q
    if not any(w.lower() in first_person for w in _WORDS.findall(text, q.start, q.end)):
        return q
    previous = text.rfind("\n", 0, max(0, line - 1)) + 1
    stop = max(text.rfind(x, previous, line - 1) for x in ".!?")
    named = {m.person for m in mentions if m.kind == "name" and max(previous, stop + 1) <= m.start_char < line}
    return Quote(q.start, q.end, next(iter(named))) if len(named) == 1 else q


def _inside(offset: int, quotes: list[Quote]) -> bool:
    return any(q.start <= offset < q.end for q in quotes)


def containing(quotes: list[Quote], offset: int) -> Quote | None:
    """The speech quote (8 characters or more) around `offset`; quotes are sorted and
    do not overlap."""
    i = bisect.bisect_right(quotes, offset, key=lambda q: q.start) - 1
    if i >= 0:
        q = quotes[i]
        if q.start <= offset < q.end and q.end - q.start >= 8:
            return q
    return None
