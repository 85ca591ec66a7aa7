"""Short readable labels and event types for dated facts.

The label is the date's clause without the date itself and without leading connectives,
cut to MAX_WORDS words; when the clause is too short to say anything (a title fragment, a
bare verb) the sentence is used. The event type is the first lexicon stem
(`extract/lang/<code>/event_types.txt`, file order = priority) found in the clause, then in
the sentence; "other" when none fits.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.linking.clauses import Segment, at
from extract.persons.lexicon import Lexicon

MAX_WORDS = 9
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


def label(text: str, t, sent, segs: list[Segment], persons, lex: Lexicon) -> str:
    seg = at(segs, t.start_char)
    drop = [(t.start_char, t.end_char)]
    drop += [(m.start_char, m.end_char) for m in persons if m.kind != "name"]
    lead = set(lex.clause.get("relatives", [])) | set(lex.clause.get("subordinators", [])) \
        | set(lex.clause.get("complementizers", [])) | set(lex.clause.get("coordinators", []))
    for start, end in ([(seg.start, seg.end)] if seg else []) + [(sent.start, sent.end)]:
        words = _strip(text, drop, start, end, text).split()
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
