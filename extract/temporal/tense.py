"""Which way a sentence points in time, from the tense cues of the language's tense.json.

The direction of an expression is the tense of the nearest strong cue (an auxiliary or a
finite verb form) in its clause (the stretch between commas, colons, brackets or quotes);
then the nearest weak cue (a past participle, "te" + infinitive) in the clause; then the
same two steps over the whole sentence; then the tense that dominates the whole text
(news reports are mostly in the past tense); with no cue at all the direction is 0.

Documented default: an expression in a text without tense cues resolves FORWARD
(the next such day, month or holiday on or after the publication date), as Duckling
does for a phrase uttered at its reference time. News headlines and agenda lines without
a verb usually announce what comes.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from extract import sentences as sentence_spans

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”„]|\s[-–]\s")

PAST, UNKNOWN, FUTURE = -1, 0, 1


_WORD = re.compile(r"[^\W\d_]+")


def _cues(lex, sentence: str, offset: int) -> tuple[list, list]:
    """(strong, weak) cues of a sentence as (offset, sign), read word by word."""
    strong, weak = [], []
    words = [(m.start(), m.group(0).lower()) for m in _WORD.finditer(sentence)]
    for i, (pos, w) in enumerate(words):
        hit = lex.cue_words.get(w)
        if hit is None:
            for rest, is_weak, sign in lex.cue_phrases.get(w, ()):
                if tuple(x for _, x in words[i + 1:i + 1 + len(rest)]) == rest:
                    hit = (is_weak, sign)
                    break
        if hit is not None:
            (weak if hit[0] else strong).append((offset + pos, hit[1]))
    taken = {pos for pos, _ in strong} | {pos for pos, _ in weak}
    for rx, sign in lex.cue_patterns:
        weak.extend((offset + m.start(), sign) for m in rx.finditer(sentence) if offset + m.start() not in taken)
    return strong, weak


class TenseReader:
    """Caches the cues of each sentence of one text."""

    def __init__(self, lex, text: str, sentences):
        self.lex = lex
        self.text = text
        self.sentences = sentences
        self._cache: dict[int, tuple[list, list]] = {}
        self._document: int | None = None
        self._starts = [s.start for s in sentences]

    def sentence_of(self, offset: int):
        return sentence_spans.containing(self.sentences, offset)

    def previous_start(self, sentence_start: int) -> int:
        """Start offset of the sentence before the one starting at sentence_start (or -2)."""
        i = bisect_left(self._starts, sentence_start)
        return self._starts[i - 1] if i > 0 else -2

    def direction(self, start: int, end: int) -> int:
        sent = self.sentence_of(start)
        if sent is None:
            return UNKNOWN
        cues = self._cache.get(sent.start)
        if cues is None:
            cues = _cues(self.lex, sent.text, sent.start)
            self._cache[sent.start] = cues
        lo, hi = self._clause(sent, start)
        for bounds in ((lo, hi), (sent.start, sent.end)):
            for group in cues:
                best, best_dist = UNKNOWN, None
                for pos, sign in group:
                    if start <= pos < end or not bounds[0] <= pos < bounds[1]:
                        continue  # a word of the expression itself, or another clause
                    # the governing verb usually precedes a time adverbial: cues after it count 1.5x
                    dist = start - pos if pos < start else 1.5 * (pos - end)
                    if best_dist is None or dist < best_dist:
                        best, best_dist = sign, dist
                if best_dist is not None:
                    return best
        return self.document_tense()

    def document_tense(self) -> int:
        """The tense that dominates the whole text (2:1 and at least 3 cues), else UNKNOWN."""
        if self._document is None:
            past = future = 0
            cue_words = self.lex.cue_words
            for w in _WORD.findall(self.text.lower()):
                hit = cue_words.get(w)
                if hit is not None and not hit[0]:
                    past += hit[1] == PAST
                    future += hit[1] == FUTURE
            if past >= 3 and past >= 2 * future:
                self._document = PAST
            elif future >= 3 and future >= 2 * past:
                self._document = FUTURE
            else:
                self._document = UNKNOWN
        return self._document

    def _clause(self, sent, offset: int) -> tuple[int, int]:
        lo, hi = sent.start, sent.end
        for m in (self.lex.clause_break or _CLAUSE_BREAK).finditer(sent.text):
            pos = sent.start + m.start()
            if pos < offset:
                lo = pos
            else:
                hi = pos
                break
        return lo, hi
