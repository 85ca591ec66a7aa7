"""Candidate (date, person) pairs of one article, each with the evidence for the link.

Every resolved DATE/TIME expression is paired with every person the article mentions.
The features are language-independent (the words they rest on come from the language's
resource files through the clause segmenter, the quote finder and coreference), so the
Dutch and English dev sets can train one model. Groups:

- clause: the rule that fired (`rules.clause_links`), the person in the date's own segment,
  another person there instead;
- sentence: mention kinds in the sentence, nearest person, first person (subject), only
  person, distance in words, mention before or after the date;
- discourse: the sentence names nobody and the person was the last one mentioned, how many
  sentences back, in the same paragraph, the article's most mentioned person, the headline;
- quotes and speech: the date inside a quote, the person its speaker, named inside it,
  "ik" of the speaker; the person a source ("volgens X") or a speech tag.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from extract import lang as resources
from extract.document import Document
from extract.linking import clauses
from extract.linking.possessor import possessor, possessor_of_speaker
from extract.linking.rules import (LinkRule, Veto, clause_links, conjuncts, is_source, is_speech_tag,
                                   veto)
from extract.persons import lexicon
from extract.records import PersonMention, TimeMention
from extract.sentences import Sentence

_WORDS = re.compile(r"\w+")
SEGMENT_KINDS = ("main", "relative", "sub", "complement", "apposition")
PREPOSITION_CLASSES = ("with", "of", "to", "by", "other")
MAX_SENTENCE = 1200                 # characters a date's sentence may span (see _bounded)
WINDOW_CHARS = 6000                 # characters around it in which its persons are sought
WINDOW_BACK, WINDOW_AHEAD = 20, 3   # sentences around a date in which its persons are sought
GRAINS = ("time", "day", "week", "weekend", "month", "season", "quarter", "half", "year",
          "decade", "century")


def feature_names() -> tuple[str, ...]:
    """Every feature `features` can produce: the model file may name no other."""
    names = [f"rule:{r.value}" for r in LinkRule if r is not LinkRule.DISCOURSE]
    names += ["rule:none", "clause:here", "clause:other_named", "clause:other_here",
              "sent:name", "sent:pronoun", "sent:description", "sent:any", "sent:only",
              "sent:nearest", "sent:first", "sent:before_date", "sent:others",
              "sent:list", "sent:paren", "sent:empty_here",
              "words:<=3", "words:<=8", "words:<=20", "words:>20",
              "prev:0", "prev:1", "prev:2", "prev:3-5", "prev:far", "prev:never",
              "empty:prev:1", "empty:prev:2", "empty:prev:3-5", "empty:recent", "empty:recent_subject",
              "others:recent", "next:1", "paragraph:same", "salience:top", "salience:share",
              "salience:log_mentions", "title", "title:only",
              "quote:date_in", "quote:speaker", "quote:speaker_self", "quote:named_in",
              "quote:person_in_other", "source", "speech_tag",
              "seg:initial", "after_date", "genitive", "speech_adjacent", "possessor"]
    names += [f"prep:{c}" for c in PREPOSITION_CLASSES]
    names += [f"seg:date:{k}" for k in SEGMENT_KINDS] + [f"seg:person:{k}" for k in SEGMENT_KINDS]
    names += [f"rel:{a}>{b}" for a in SEGMENT_KINDS for b in SEGMENT_KINDS]
    names += [f"grain:{g}" for g in GRAINS] + ["type:TIME"]
    return tuple(names)


@dataclass(frozen=True)
class Candidate:
    """One possible fact: the date, the person, the evidence, and the mentions behind it."""
    time: TimeMention
    person: str
    features: dict[str, float]
    rule: LinkRule
    veto: Veto | None                       # a guideline constraint that forbids the link
    mentions: tuple[PersonMention, ...]     # the person's mentions in the date's sentence
    sentence: Sentence                      # the date's sentence (narrowed at kept full stops)
    segments: tuple[clauses.Segment, ...]


@dataclass(frozen=True)
class _PersonIndex:
    """Where each person is mentioned: offsets and sentence numbers, in text order."""
    starts: dict[str, list[int]]
    sentence_of: dict[str, list[int]]
    counts: Counter
    title: frozenset[str]

    @classmethod
    def of(cls, doc: Document) -> _PersonIndex:
        starts, sents = defaultdict(list), defaultdict(list)
        for m in doc.mentions:
            starts[m.person].append(m.start_char)
            sents[m.person].append(doc.sentence_index(m.start_char))
        title_end = doc.sentences[0].end if doc.sentences else 0
        title = frozenset(m.person for m in doc.mentions if m.start_char < title_end)
        counts = Counter({p: len(v) for p, v in starts.items()})
        return cls(dict(starts), dict(sents), counts, title)

    def last_before(self, person: str, offset: int) -> int | None:
        starts = self.starts.get(person, [])
        i = bisect.bisect_left(starts, offset) - 1
        return starts[i] if i >= 0 else None

    def sentence_before(self, person: str, offset: int) -> int | None:
        starts = self.starts.get(person, [])
        i = bisect.bisect_left(starts, offset) - 1
        return self.sentence_of[person][i] if i >= 0 else None

    def sentence_after(self, person: str, offset: int) -> int | None:
        starts = self.starts.get(person, [])
        i = bisect.bisect_right(starts, offset)
        return self.sentence_of[person][i] if i < len(starts) else None


def candidates(doc: Document) -> list[Candidate]:
    """Every (resolved DATE/TIME, person) pair of the article with its features."""
    text = doc.text
    if not text or not doc.timexes or not doc.mentions:
        return []
    lex = lexicon.get(doc.lang)
    index = _PersonIndex.of(doc)
    top = max(index.counts.values())
    leaders = index.title | {p for p, n in index.counts.items() if n == top}
    prepositions = _prepositions(doc.lang)
    total = sum(index.counts.values())
    paragraphs = [m.start() for m in re.finditer(r"\n", text)]
    sources = frozenset(lex.clause.get("source_markers", ()))
    # articles before a name that only modifies a noun ("the Slepian home"); not Dutch
    # "het", which is also a subject ("lukt het Erdogan niet")
    modifier_articles = frozenset(lex.clause.get("name_modifier_articles", ()))
    hypothetical = tuple(lex.clause.get("hypothetical_openers", ()))
    # "X said the company ...": a reported clause without "that" (English)
    bare_report = (frozenset(lex.clause.get("bare_report_verbs", ())),
                   frozenset(lex.clause.get("name_modifier_articles", ())))
    coordinators = frozenset(lex.clause.get("coordinators", ()))
    quotes = list(doc.quotes)
    out: list[Candidate] = []
    for t in doc.timexes:
        if t.type not in ("DATE", "TIME") or not t.resolved:
            continue
        full = doc.sentence_at(t.start_char)
        if full is None:
            continue
        full = _bounded(text, full, t)
        lo, hi = clauses.narrow(text, full.start, full.end, t.start_char, doc.lang)
        sent = full if (lo, hi) == (full.start, full.end) else Sentence(lo, hi, text[lo:hi])
        local = list(doc.mentions_between(sent.start, sent.end))
        names = [(m.start_char, m.end_char) for m in local if m.kind == "name"]
        segs = tuple(clauses.segments(text, sent.start, sent.end, lex, names))
        links = clause_links(t, sent, segs, local, quotes, text, sources, lex.speech_verbs, lex)
        dates = [d for d in doc.timexes_between(sent.start, sent.end) if d.type in ("DATE", "TIME")]
        gapped = conjuncts(text, local, dates, coordinators)
        def speaking_relative(m, sent=sent):
            return possessor_of_speaker(text, m, sent.start, sent.end, prepositions, doc.lang, lex.speech_verbs)

        context = _DateContext.of(doc, t, sent, segs, local, quotes, index, paragraphs,
                                  sources, lex.speech_verbs, prepositions)
        for person in _nearby(doc, index, full, leaders):
            rule, _ = links.get(person, (None, None))
            feats = context.features(person, rule)
            feats["salience:top"] = float(index.counts[person] == top)
            feats["salience:share"] = index.counts[person] / total
            feats["salience:log_mentions"] = math.log1p(index.counts[person]) / 3
            if person in index.title:
                feats["title"] = 1.0
                feats["title:only"] = float(len(index.title) == 1)
            mine = tuple(m for m in local if m.person == person)
            forbidden = veto(t, person, mine, list(segs), context.quote, text, sources,
                             lex.speech_verbs, local, modifier_articles, hypothetical,
                             bare_report, speaking_relative, gapped)
            out.append(Candidate(t, person, feats, rule or LinkRule.DISCOURSE, forbidden, mine,
                                 sent, segs))
    return out


def _bounded(text: str, sentence: Sentence, t: TimeMention) -> Sentence:
    """The date's sentence, or in a "sentence" longer than MAX_SENTENCE (a text without full
    stops, one long quote) the stretch of it around the date, cut at spaces: what a reader
    takes for the date's sentence, and work per date bounded whatever the text's shape."""
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return sentence
    lo = max(sentence.start, t.start_char - MAX_SENTENCE // 2)
    hi = min(sentence.end, t.end_char + MAX_SENTENCE // 2)
    if lo > sentence.start:
        space = text.find(" ", lo, t.start_char)
        lo = space + 1 if space >= 0 else lo
    if hi < sentence.end:
        space = text.rfind(" ", t.end_char, hi)
        hi = space if space >= 0 else hi
    return Sentence(lo, hi, text[lo:hi])


def _nearby(doc: Document, index: _PersonIndex, sentence: Sentence, leaders: frozenset) -> list[str]:
    """Persons mentioned from WINDOW_BACK sentences before the date's to WINDOW_AHEAD after
    (and at most WINDOW_CHARS away), and the article's leading persons: a date further from
    anybody is not about them, and the work per date stays bounded."""
    k = doc.sentence_index(sentence.start)
    lo = max(doc.sentences[max(0, k - WINDOW_BACK)].start, sentence.start - WINDOW_CHARS)
    hi = min(doc.sentences[min(len(doc.sentences) - 1, k + WINDOW_AHEAD)].end, sentence.end + WINDOW_CHARS)
    return sorted({m.person for m in doc.mentions_between(lo, hi)} | leaders)


@lru_cache(maxsize=None)
def _prepositions(lang: str) -> dict[str, str]:
    return {k.lower(): v for k, v in resources.load(lang, "prepositions").items()} \
        if resources.has(lang, "prepositions") else {}


@dataclass(frozen=True)
class _DateContext:
    """What the features of one date need, computed once for all persons."""
    doc: Document
    time: TimeMention
    sentence: Sentence
    segments: tuple
    local: list
    quote: object
    index: _PersonIndex
    paragraph_start: int
    sentence_no: int
    recent: str | None           # the last person mentioned before the date's sentence
    recent_subject: str | None   # the first person of the last sentence that named anyone
    sources: frozenset
    speech_verbs: frozenset
    prepositions: dict

    @classmethod
    def of(cls, doc, t, sent, segs, local, quotes, index, paragraphs, sources, speech_verbs,
           prepositions):
        from extract.persons.quotes import containing
        i = bisect.bisect_left(paragraphs, t.start_char) - 1
        paragraph_start = paragraphs[i] if i >= 0 else 0
        last = doc.mention_before(sent.start)
        recent = last.person if last else None
        recent_subject = None
        if last is not None:
            that = doc.sentences[doc.sentence_index(last.start_char)]
            recent_subject = doc.mentions_between(that.start, that.end)[0].person
        return cls(doc, t, sent, segs, local, containing(quotes, t.start_char), index,
                   paragraph_start, doc.sentence_index(t.start_char), recent, recent_subject,
                   sources, speech_verbs, prepositions)

    def features(self, person: str, rule: LinkRule | None) -> dict[str, float]:
        f: dict[str, float] = {f"rule:{rule.value}" if rule else "rule:none": 1.0}
        t, text = self.time, self.doc.text
        f[f"grain:{t.grain}"] = 1.0
        if t.type == "TIME":
            f["type:TIME"] = 1.0
        seg = clauses.at(list(self.segments), t.start_char)
        if seg is not None:
            f[f"seg:date:{seg.kind}"] = 1.0
        mine = [m for m in self.local if m.person == person]
        others = {m.person for m in self.local if m.person != person}
        if seg is not None:
            here = [m for m in self.local if seg.start <= m.start_char < seg.end]
            if any(m.person == person for m in here):
                f["clause:here"] = 1.0
            if any(m.person != person and m.kind == "name" for m in here):
                f["clause:other_named"] = 1.0
            if any(m.person != person for m in here):
                f["clause:other_here"] = 1.0
        if others:
            f["sent:others"] = min(len(others), 3) / 3
        self._quote_features(f, person, mine)
        if mine:
            self._sentence_features(f, person, mine, seg)
        else:
            self._discourse_features(f, person, bool(others))
        return f

    def _quote_features(self, f, person, mine) -> None:
        q = self.quote
        if q is None:
            return
        f["quote:date_in"] = 1.0
        if q.speaker == person:
            f["quote:speaker"] = 1.0
            if any(m.speaker_self and q.start <= m.start_char < q.end for m in mine):
                f["quote:speaker_self"] = 1.0
        if any(q.start <= m.start_char < q.end and not m.speaker_self for m in mine):
            f["quote:named_in"] = 1.0
        elif mine:
            f["quote:person_in_other"] = 1.0

    def _sentence_features(self, f, person, mine, seg) -> None:
        t, text = self.time, self.doc.text
        f["sent:any"] = 1.0
        for m in mine:
            f[f"sent:{m.kind}"] = 1.0
        nearest = min(self.local, key=lambda m: _gap(m, t))
        if nearest.person == person:
            f["sent:nearest"] = 1.0
        if self.local[0].person == person:
            f["sent:first"] = 1.0
        if len({m.person for m in self.local}) == 1:
            f["sent:only"] = 1.0
        closest = min(mine, key=lambda m: _gap(m, t))
        if closest.end_char <= t.start_char:
            f["sent:before_date"] = 1.0
        lo, hi = sorted((closest.end_char, t.start_char)) if closest.end_char <= t.start_char \
            else sorted((t.end_char, closest.start_char))
        words = len(_WORDS.findall(text, lo, hi))
        f["words:<=3" if words <= 3 else "words:<=8" if words <= 8 else
          "words:<=20" if words <= 20 else "words:>20"] = 1.0
        if any(is_source(text, m, self.sources) for m in mine):
            f["source"] = 1.0
        segs = list(self.segments)
        mseg = clauses.at(segs, closest.start_char)
        if mseg is not None:
            f[f"seg:person:{mseg.kind}"] = 1.0
            if seg is not None and mseg is not seg:
                f[f"rel:{seg.kind}>{mseg.kind}"] = 1.0  # the date's clause, the person's
            if mseg.kind == "main" and mseg is not seg and is_speech_tag(text, mseg, self.local, self.speech_verbs):
                f["speech_tag"] = 1.0
        if _listed(text, closest, self.local):
            f["sent:list"] = 1.0
        self._position_features(f, closest, mseg, seg)
        if text.rfind("(", self.sentence.start, closest.start_char) > text.rfind(")", self.sentence.start, closest.start_char):
            f["sent:paren"] = 1.0

    def _position_features(self, f, m, mseg, seg) -> None:
        """Where the mention stands in its clause: first (the likely subject), right after a
        fronted date ("Woensdag voegde hij toe"), after a preposition, as a genitive."""
        t, text = self.time, self.doc.text
        if mseg is not None and len(_WORDS.findall(text, mseg.start, m.start_char)) <= 2:
            f["seg:initial"] = 1.0
        if seg is not None and t.end_char <= m.start_char \
                and len(_WORDS.findall(text, seg.start, t.start_char)) <= 1 \
                and len(_WORDS.findall(text, t.end_char, m.start_char)) <= 2:
            f["after_date"] = 1.0
        before = _WORDS.findall(text, max(self.sentence.start, m.start_char - 25), m.start_char)
        if before and before[-1].lower() in self.prepositions:
            f[f"prep:{self.prepositions[before[-1].lower()]}"] = 1.0
        if text.startswith(("'s", "’s", "' ", "’ "), m.end_char):
            f["genitive"] = 1.0
        after = _WORDS.findall(text, m.end_char, min(self.sentence.end, m.end_char + 40))[:3]
        if possessor(before, after, self.prepositions, lexicon.get(self.doc.lang)):
            f["possessor"] = 1.0
        near = before[-2:] + after[:2]
        if any(w.lower() in self.speech_verbs for w in near):
            f["speech_adjacent"] = 1.0

    def _discourse_features(self, f, person, others: bool) -> None:
        t = self.time
        prev = self.index.sentence_before(person, self.sentence.start)
        if prev is None:
            f["prev:never"] = 1.0
        else:
            back = self.sentence_no - prev
            key = "prev:0" if back <= 0 else "prev:1" if back == 1 else "prev:2" if back == 2 \
                else "prev:3-5" if back <= 5 else "prev:far"
            f[key] = 1.0
            if not others and key in ("prev:1", "prev:2", "prev:3-5"):
                f[f"empty:{key}"] = 1.0
            last = self.index.last_before(person, self.sentence.start)
            if last is not None and last >= self.paragraph_start:
                f["paragraph:same"] = 1.0
        nxt = self.index.sentence_after(person, t.end_char)
        if nxt is not None and nxt - self.sentence_no == 1:
            f["next:1"] = 1.0
        if not others:
            f["sent:empty_here"] = 1.0
            if self.recent == person:
                f["empty:recent"] = 1.0
            if self.recent_subject == person:
                f["empty:recent_subject"] = 1.0
        elif self.recent == person:
            f["others:recent"] = 1.0


def _gap(m: PersonMention, t: TimeMention) -> int:
    if m.end_char <= t.start_char:
        return t.start_char - m.end_char
    return max(0, m.start_char - t.end_char)


def _listed(text: str, m: PersonMention, local: list[PersonMention]) -> bool:
    """The mention stands in a list with another person's ("Kroos en Marcelo", "X, Y")."""
    for other in local:
        if other.person == m.person:
            continue
        a, b = (other, m) if other.end_char <= m.start_char else (m, other)
        gap = text[a.end_char:b.start_char].strip()
        if b.start_char >= a.end_char and len(gap) <= 4 and len(_WORDS.findall(gap)) <= 1:
            return True
    return False
