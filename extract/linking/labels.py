"""Short readable labels and event types for dated facts.

The label is the date's clause without the date itself (acronyms in it stay: "WK 2026"
gives "WK"), without a subject name that opens it and without leading connectives, cut to
MAX_WORDS words; when the clause is too short to say anything (a title fragment, a
bare verb) the sentence is used. The event type is the first lexicon stem
(`extract/lang/<code>/event_types.txt`, file order = priority) found in the clause, then in
the sentence; "other" when none fits.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.linking.clauses import Segment, at
from extract.persons.lexicon import Lexicon

MAX_WORDS = 10
_SPACE = re.compile(r"\s+")
_EDGE = " ,;:.!?\"“”„'‘’«»()-–—"


def _strip(text: str, spans: list[tuple[int, int]], start: int, end: int, source: str) -> str:
    keep, pos = [], start
    for s, e in sorted(spans):
        if e <= start or s >= end:
            continue
        keep.append(source[pos:max(pos, s)])
        pos = max(pos, e)
    keep.append(source[pos:end])
    return _SPACE.sub(" ", " ".join(keep)).strip(_EDGE)


def _kept_from_time(t) -> str:
    """Acronyms inside a time expression name the event ("WK 2026" -> "WK")."""
    return " ".join(w for w in re.findall(r"\w+", t.text) if len(w) > 1 and w.isupper() and w.isalpha())


def label(text: str, t, sent, segs: list[Segment], persons, lex: Lexicon) -> str:
    seg = at(segs, t.start_char)
    drop = [(m.start_char, m.end_char) for m in persons if m.kind != "name"]
    names = [(m.start_char, m.end_char) for m in persons if m.kind == "name"]
    lead = set(lex.clause.get("relatives", [])) | set(lex.clause.get("subordinators", [])) \
        | set(lex.clause.get("complementizers", [])) | set(lex.clause.get("coordinators", []))
    kept = _kept_from_time(t)
    for start, end in ([(seg.start, seg.end)] if seg else []) + [(sent.start, sent.end)]:
        # the subject's name opens the clause: the person column already says who
        while True:
            head = text[start:end]
            skip = len(head) - len(head.lstrip(_EDGE))
            first = [e for s, e in names if s == start + skip]
            if not first:
                break
            start = first[0]
        source = text[:t.start_char] + (" " + kept + " " if kept else "") + text[t.end_char:]
        shift = len(source) - len(text)
        cut = [(a, b) if b <= t.start_char else (a + shift, b + shift) for a, b in drop]
        words = _strip(source, cut, start, end + shift if end > t.start_char else end, source).split()
        while words and words[0].lower().strip(_EDGE) in lead:
            words = words[1:]
        if len(words) >= 3:
            out = " ".join(words[:MAX_WORDS]).strip(_EDGE)
            return out + (" …" if len(words) > MAX_WORDS else "")
    return _SPACE.sub(" ", sent.text).strip()[:80]


@lru_cache(maxsize=None)
def _patterns(lang: str, items: tuple) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"(?<!\w)" + re.escape(stem.lower()), re.I), kind) for stem, kind in items]


def event_type(text: str, t, sent, segs: list[Segment], lex: Lexicon) -> str:
    seg = at(segs, t.start_char)
    pats = _patterns(lex.lang, tuple(lex.event_types))
    for start, end in ([(seg.start, seg.end)] if seg else []) + [(sent.start, sent.end)]:
        chunk = text[start:end].lower()
        for pat, kind in pats:
            if pat.search(chunk):
                return kind
    return "other"
