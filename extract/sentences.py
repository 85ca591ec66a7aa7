"""Sentence spans with character offsets.

Written by hand because the usual splitters either need model downloads (spaCy, Stanza)
or lose character offsets; news text needs only abbreviation-aware splitting on . ! ?,
line breaks and closing quotes. Abbreviations come from `extract/lang/<code>/abbreviations.txt`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lang as resources

_BOUNDARY = re.compile(r"""[.!?]+["'”’»)]*(?=\s+["'“‘«(]?[A-Z0-9À-Þ])|\n\s*\n|\n(?=\S)""")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    if not resources.has(lang, "abbreviations"):
        return frozenset()
    return frozenset(a.lower().rstrip(".") for a in resources.load(lang, "abbreviations"))


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lower().lstrip("(\"'“‘")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in abbreviations


def is_abbreviation(text: str, dot: int, lang: str) -> bool:
    """Does the full stop at `dot` end an abbreviation of the language ("Sept.", "U.N.")
    or an initial, rather than a sentence?"""
    return _is_abbreviation(text, dot, _abbreviations(lang))


def split(text: str, lang: str = "nl") -> tuple[Sentence, ...]:
    """Sentences of `text` as spans; whitespace between them belongs to none.

    Split once per article (`extract.document.build`) and handed to every stage.
    """
    abbreviations = _abbreviations(lang)
    spans, begin = [], 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start(), abbreviations):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(s, e, text[s:e]))
    return tuple(out)


def containing(sentences: tuple[Sentence, ...], offset: int) -> Sentence | None:
    """The sentence that holds `offset` (binary search; sentences are sorted)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None
