"""One article as every stage after reading sees it: built once, handed to each stage.

The temporal and person stages each fill their part (timexes; mentions, person profiles
and quotes); the linker and the labeller only read. Lookups by offset (which sentence,
which quote, which mentions) are answered here by bisection instead of by module-level
caches that stages re-query.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from extract import sentences as sentence_mod
from extract.persons import analyse, first_person_words, lexicon
from extract.persons import _lang as person_language
from extract.persons.coref import Person
from extract.persons import quotes as quote_mod
from extract.persons.quotes import Quote
from extract.records import Article, PersonMention, TimeMention
from extract.sentences import Sentence
from extract.temporal import find_timexes


@dataclass(frozen=True)
class Document:
    """An article with its sentences, dates, person mentions, profiles and quotes."""
    article: Article
    lang: str                                  # the resource language the stages used
    sentences: tuple[Sentence, ...]
    timexes: tuple[TimeMention, ...]
    mentions: tuple[PersonMention, ...]        # sorted by start_char
    quotes: tuple[Quote, ...] = ()
    profiles: Mapping[str, Person] = field(default_factory=lambda: MappingProxyType({}))
    _mention_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _timexes_by_start: tuple[TimeMention, ...] = field(default=(), repr=False, compare=False)
    _timex_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_mention_starts", tuple(m.start_char for m in self.mentions))
        object.__setattr__(self, "_sentence_starts", tuple(s.start for s in self.sentences))
        by_start = tuple(sorted(self.timexes, key=lambda t: (t.start_char, t.end_char)))
        object.__setattr__(self, "_timexes_by_start", by_start)
        object.__setattr__(self, "_timex_starts", tuple(t.start_char for t in by_start))

    @property
    def text(self) -> str:
        return self.article.text or ""

    def sentence_index(self, offset: int) -> int:
        """The sentence holding `offset`, or the one before the gap it falls in."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence | None:
        return sentence_mod.containing(self.sentences, offset)

    def mentions_between(self, start: int, end: int) -> tuple[PersonMention, ...]:
        """Mentions that start inside [start, end)."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        return self.mentions[lo:hi]

    def timexes_between(self, start: int, end: int) -> tuple[TimeMention, ...]:
        """Temporal expressions that start inside [start, end), in text order."""
        lo = bisect.bisect_left(self._timex_starts, start)
        hi = bisect.bisect_left(self._timex_starts, end)
        return self._timexes_by_start[lo:hi]

    def mention_before(self, offset: int) -> PersonMention | None:
        """The last mention that starts before `offset`."""
        i = bisect.bisect_left(self._mention_starts, offset) - 1
        return self.mentions[i] if i >= 0 else None

    def quote_at(self, offset: int) -> Quote | None:
        """The speech quote (8 characters or more) around `offset`."""
        from extract.persons.quotes import containing
        return containing(list(self.quotes), offset)


def build(article: Article, timexes: list[TimeMention] | None = None,
          mentions: list[PersonMention] | None = None) -> Document:
    """Run the temporal and person stages on `article` (or take their results as given,
    for tests that hand-make dates) and bundle them with the article's sentences."""
    text = article.text or ""
    lang = person_language(article.lang)
    sentences = sentence_mod.split(text, lexicon.get(lang).lang)
    quote_spans = quote_mod.spans(text)
    if timexes is None:
        timexes = find_timexes(text, article.lang, article.published, sentences)
    found, profiles, _ = analyse(text, article.lang, sentences, quote_spans)
    if mentions is None:
        mentions = _outside_dates(found, timexes)
    ordered = tuple(sorted(mentions, key=lambda m: (m.start_char, -m.end_char)))
    # speakers from every mention, resolved pronouns included ('"...", zei hij')
    quotes = quote_mod.find(text, list(ordered), lexicon.get(lang).speech_verbs, quote_spans,
                            first_person_words(lang)) if ordered else []
    return Document(article, lang, sentences, tuple(timexes), ordered, tuple(quotes),
                    MappingProxyType(dict(profiles)))


def _outside_dates(mentions: list[PersonMention], timexes) -> list[PersonMention]:
    """The mentions that are no part of a longer date expression ("Martin Luther King Day",
    a holiday, names no one), and no person is left whose every name mention was one."""
    spans = [(t.start_char, t.end_char) for t in timexes if t.type in ("DATE", "TIME")]
    inside = {id(m) for m in mentions if m.kind == "name" and any(
        a <= m.start_char and m.end_char <= b and (b - a) > (m.end_char - m.start_char) for a, b in spans)}
    if not inside:
        return mentions
    named = {m.person for m in mentions if m.kind == "name" and id(m) not in inside}
    return [m for m in mentions if id(m) not in inside and m.person in named]

