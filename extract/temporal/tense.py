"""Which way a sentence points in time, from the tense cues of the language's tense.json
(and, where the language has one, its generated list of finite past forms, past_forms.txt).

The direction of an expression is the tense of the nearest strong cue (an auxiliary or a
finite verb form, or a present-tense form, which points forward only weakly) in its clause (the stretch between commas, colons, brackets or quotes);
then the nearest weak cue (a past participle, "te" + infinitive) in the clause; then the
same two steps over the whole sentence. A sentence without a cue takes the tense of its
paragraph (a headline or a verbless line continues the text around it), then the tense
that dominates the whole article: news reports are mostly in the past tense, so "Vrijdag
ontmoette..." and a verbless "Vrijdag: de minister..." in a report both mean last Friday.

Only a text without any tense cue (a bare phrase, an agenda line) has direction 0, which
the builders resolve FORWARD (the next such day, month or holiday on or after the
publication date), as Duckling does for a phrase uttered at its reference time.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from extract import sentences as sentence_spans

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”„]|\s[-–]\s")

PAST, UNKNOWN, FUTURE = -1, 0, 1
PRESENT = 2   # a present-tense verb: forward, but a date far ahead yields to the nearest (resolve.pick_year)
STRENGTH = (1.0, 0.5)   # weight of (strong, weak) cues when a paragraph or article is summed up
DOMINANCE = 1.5         # one tense dominates when it outweighs the other this many times


@dataclass(frozen=True)
class Reading:
    """A direction and whether it was inherited from the paragraph or article (no cue nearby)."""
    direction: int
    inherited: bool


def _dominant(past: float, future: float) -> int:
    if past > 0 and past >= DOMINANCE * future:
        return PAST
    if future > 0 and future >= DOMINANCE * past:
        return FUTURE
    return UNKNOWN


_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
_FIRST_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _cues(lex, sentence: str, offset: int) -> tuple[list, list]:
    """(strong, weak) cues of a sentence as (offset, sign), read word by word."""
    strong, weak = [], []
    phrases, table, auxiliaries = lex.cue_phrases, lex.word_cues, lex.participle_auxiliaries
    previous = ""
    for m in _WORD.finditer(sentence):
        w = m.group(0).lower()
        hit = _phrase(phrases[w], sentence, m.end()) if w in phrases else None
        if hit is None:
            hit = table.get(w)
        if hit is not None and not (hit[1] == PAST and previous in auxiliaries):
            (weak if hit[0] else strong).append((offset + m.start(), hit[1]))  # "will be held": no past
        previous = w
    taken = {pos for pos, _ in strong} | {pos for pos, _ in weak}
    for rx, sign in lex.cue_patterns:
        weak.extend((offset + m.start(), sign) for m in rx.finditer(sentence) if offset + m.start() not in taken)
    return strong, weak


def _phrase(candidates, sentence: str, end: int):
    """(weak?, sign) of the first phrase ("is to") whose rest follows the word ending at `end`."""
    longest = max(len(rest) for rest, _, _ in candidates)
    following = []
    for m in _WORD.finditer(sentence, end):
        following.append(m.group(0).lower())
        if len(following) == longest:
            break
    for rest, is_weak, sign in candidates:
        if tuple(following[:len(rest)]) == rest:
            return is_weak, sign
    return None


def _prefixes_of(word: str, prefixes: tuple[str, ...]) -> list[str]:
    """The prefixes (in their file order) that `word` starts with: one set lookup per prefix
    length instead of a startswith per prefix, as this runs for most words of an article."""
    by_length = _by_length(prefixes)
    found = {word[:n] for n in by_length if word[:n] in by_length[n]}
    return [p for p in prefixes if p in found] if found else []


@lru_cache(maxsize=16)
def _by_length(prefixes: tuple[str, ...]) -> dict[int, frozenset[str]]:
    out: dict[int, set[str]] = {}
    for p in prefixes:
        out.setdefault(len(p), set()).add(p)
    return {n: frozenset(ps) for n, ps in out.items()}


class TenseReader:
    """Caches the cues of each sentence of one text."""

    def __init__(self, lex, text: str, sentences):
        self.lex = lex
        self.text = text
        self.sentences = sentences
        self._cache: dict[int, tuple[list, list]] = {}
        self._breaks: dict[int, list[int]] = {}
        self._document: tuple[float, float] | None = None
        self._starts = [s.start for s in sentences]

    def sentence_of(self, offset: int):
        return sentence_spans.containing(self.sentences, offset)

    def index_of(self, sentence_start: int) -> int:
        """Position of the sentence starting at sentence_start among the text's sentences."""
        return bisect_left(self._starts, sentence_start)

    def previous_start(self, sentence_start: int) -> int:
        """Start offset of the sentence before the one starting at sentence_start (or -2)."""
        i = bisect_left(self._starts, sentence_start)
        return self._starts[i - 1] if i > 0 else -2

    def _sentence_cues(self, sent) -> tuple[list, list]:
        cues = self._cache.get(sent.start)
        if cues is None:
            cues = _cues(self.lex, sent.text, sent.start)
            self._cache[sent.start] = cues
        return cues

    def direction(self, start: int, end: int) -> int:
        return self.reading(start, end).direction

    def reading(self, start: int, end: int, adjacent: bool = True) -> Reading:
        """The tense of the clause or sentence around start..end, else the one it inherits.
        `adjacent=False`: a present verb right next to the expression does not count, as for
        a day that names an event of a noun ("de stemming van dinsdag leidt tot ...")."""
        sent = self.sentence_of(start)
        found = self._in_sentence(sent, start, end, adjacent=adjacent) if sent is not None else UNKNOWN
        if found != UNKNOWN:
            return Reading(found, False)
        inherited = (self.paragraph_tense(sent) if sent is not None else UNKNOWN) or self.document_tense(start, end)
        return Reading(inherited, True)

    def strong_direction(self, start: int, end: int) -> int:
        """The tense of the nearest strong cue (a finite verb form, an auxiliary) of the clause,
        then of the sentence, around start..end; UNKNOWN when there is none. Weak cues (a
        perfect's auxiliary or participle, "te" + infinitive) do not count."""
        sent = self.sentence_of(start)
        return self._in_sentence(sent, start, end, strong_only=True) if sent is not None else UNKNOWN

    def _in_sentence(self, sent, start: int, end: int, strong_only: bool = False, adjacent: bool = True) -> int:
        cues = all_cues = self._sentence_cues(sent)
        lo, hi = self._clause(sent, start)
        if strong_only:
            cues = (cues[0], [])
        elif adjacent and (verb := self._adjacent_verb(start, end, lo, hi, cues)) is not None:
            cues = (cues[0], cues[1] + [verb])
        for bounds in ((lo, hi), (sent.start, sent.end)):
            for weak, group in enumerate(cues):
                best, best_dist = UNKNOWN, None
                for pos, sign in group:
                    if start <= pos < end or not bounds[0] <= pos < bounds[1]:
                        continue  # a word of the expression itself, or another clause
                    if weak and sign == FUTURE and not lo <= pos < hi:
                        continue  # "..., om de druk weg te nemen": ahead of its own clause's event, not of today
                    # the governing verb usually precedes a time adverbial: cues after it count 1.5x
                    dist = start - pos if pos < start else 1.5 * (pos - end)
                    if best_dist is None or dist < best_dist:
                        best, best_dist = sign, dist
                if best_dist is not None:
                    # (the participle of a perfect is a weak cue: it counts here even when
                    # only strong cues decide, "dat vlak voor Kerstmis is gepresenteerd")
                    return PAST if best == PRESENT and self._perfect(all_cues, bounds, start, end) else best
        return UNKNOWN

    def _adjacent_verb(self, start: int, end: int, lo: int, hi: int, cues) -> tuple[int, int] | None:
        """A present-tense verb form right next to the expression ("voetbalt vrijdag", "Vrijdag
        ontvangt Ajax"), as the language's adjacent_present_regex shapes it: a weak cue of a
        scheduled event, pointing forward (a stative "is" stays a present: the nearest)."""
        rx = self.lex.adjacent_present
        if rx is None:
            return None
        taken = {pos for group in cues for pos, _ in group}
        before = _LAST_WORD.search(self.text, max(lo, start - 30), start)
        after = _FIRST_WORD.match(self.text, end, min(hi, end + 30))
        for m in (before, after):
            word = m.group(1).lower() if m is not None else ""
            if word in self.lex.adjacent_reporting:
                return m.start(1), PAST  # "Een woordvoerder zegt dinsdag dat ...": what was said then
            if word and m.start(1) not in taken and rx.fullmatch(word) and word not in self.lex.adjacent_present_stop \
                    and not any(word.startswith(p + "ge") for p in _prefixes_of(word, self.lex.separable_prefixes)):  # "uitgebracht"
                return m.start(1), FUTURE  # Dutch states a scheduled event in the present tense
        return None

    @staticmethod
    def _perfect(cues, bounds: tuple[int, int], start: int, end: int) -> bool:
        """A present auxiliary with a past participle in its clause ("is ... geworden") is a past tense."""
        return any(sign == PAST and bounds[0] <= pos < bounds[1] and not start <= pos < end
                   for pos, sign in cues[1])

    def _weight(self, sentences) -> tuple[float, float]:
        """(past, future) weight of the cues of some sentences: strong cues 1, weak ones 1/2."""
        past = future = 0.0
        for sent in sentences:
            for group, w in zip(self._sentence_cues(sent), STRENGTH):
                for _, sign in group:
                    past += w * (sign == PAST)
                    future += w * (sign == FUTURE)
        return past, future

    def paragraph_tense(self, sent) -> int:
        """The tense that dominates the other sentences of the paragraph (the text between line breaks)."""
        i = bisect_left(self._starts, sent.start)
        lo = self.text.rfind("\n", 0, sent.start) + 1
        hi = self.text.find("\n", sent.end)
        hi = len(self.text) if hi < 0 else hi
        near = []
        for j in range(i - 1, -1, -1):
            if self.sentences[j].start < lo:
                break
            near.append(self.sentences[j])
        for j in range(i + 1, len(self.sentences)):
            if self.sentences[j].start >= hi:
                break
            near.append(self.sentences[j])
        return _dominant(*self._weight(near))

    def document_tense(self, start: int = 0, end: int = 0) -> int:
        """The tense that dominates the whole text, else UNKNOWN (no cue at all, or a tie).

        Cues inside start..end do not count: in a bare phrase ("zat.", "last Friday") the
        expression's own words are no evidence of the text around it.
        """
        if self._document is None:
            self._document = self._weight(self.sentences)
        past, future = self._document
        sent = self.sentence_of(start) if end > start else None
        if sent is not None:
            for group, w in zip(self._sentence_cues(sent), STRENGTH):
                for pos, sign in group:
                    if start <= pos < end:
                        past -= w * (sign == PAST)
                        future -= w * (sign == FUTURE)
        return _dominant(past, future)

    def clause_start(self, sent, offset: int) -> int:
        """Where the clause around offset starts (the stretch between commas, clause words, quotes)."""
        return self._clause(sent, offset)[0]

    def _clause(self, sent, offset: int) -> tuple[int, int]:
        """(last clause break before offset, first one at or after it), or the sentence's
        ends: by bisection over the sentence's breaks, found once (a sentence may be a whole
        article without full stops)."""
        breaks = self._breaks.get(sent.start)
        if breaks is None:
            rx = self.lex.clause_break or _CLAUSE_BREAK
            breaks = self._breaks[sent.start] = [sent.start + m.start() for m in rx.finditer(sent.text)]
        i = bisect_left(breaks, offset)
        return (breaks[i - 1] if i > 0 else sent.start), (breaks[i] if i < len(breaks) else sent.end)
