"""Attach each resolved DATE/TIME expression to the persons the dated event is about.

    link_events(article, timexes, persons) -> list[Event]

Rules, tried in order for the clause segment that holds the date (see `clauses`):

    rule                         confidence   when
    named in clause              0.9          a person is named in the date's segment
    named in main clause         0.8          the date is in the main clause, the person in
                                              another main segment of the sentence
    relative clause antecedent   0.8          "Ancelotti, die tot medio 2024 vastligt"
    named in quote               0.8          a date inside a quote, a person named in it
    main clause of subordinate   0.6          a date in a "toen/nadat" clause without persons
    speaker about self           0.6          a date in a quote with "ik" and nobody named
A person reached through a pronoun caps the confidence at 0.7, through a description at 0.6
(so: named > pronoun > description). A date inside a "dat/that" clause never goes to the
speaker of the main clause; sources ("volgens X", "according to X") and speech tags
(", Ancelotti believes", ", aldus Rutte") are never subjects; a date about a club or
country alone gets no person.
"""
from __future__ import annotations

import bisect
import re

from extract import sentences as sentence_mod
from extract.linking import clauses, labels
from extract.persons import lexicon
from extract.persons import quotes as quote_mod
from extract.persons import _lang, sentences_of
from extract.records import Article, Event, PersonMention, TimeMention

__all__ = ["link_events", "CONFIDENCE"]

CONFIDENCE = {
    "named in clause": 0.9,
    "named in main clause": 0.8,
    "relative clause antecedent": 0.8,
    "named in quote": 0.8,
    "main clause of subordinate": 0.6,
    "speaker about self": 0.6,
}
KIND_CAP = {"name": 0.9, "pronoun": 0.7, "description": 0.6}


def link_events(article: Article, timexes: list[TimeMention],
                persons: list[PersonMention]) -> list[Event]:
    text = article.text or ""
    if not text or not timexes or not persons:
        return []  # a date about nobody named: no event
    lex = lexicon.get(_lang(article.lang))
    sents = sentences_of(text, lex.lang)
    qs = None  # found when a date first has a person near it
    first_person = {m.start_char for m in persons if m.kind == "pronoun" and m.rule.startswith("first person")}
    sources = frozenset(lex.clause.get("source_markers", ()))
    ordered = sorted(persons, key=lambda m: m.start_char)
    starts = [m.start_char for m in ordered]
    events: list[Event] = []
    seg_cache: dict[tuple[int, int], list] = {}
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not t.resolved:
            continue
        sent = sentence_mod.containing(sents, t.start_char)
        if sent is None or bisect.bisect_left(starts, sent.start) == bisect.bisect_left(starts, sent.end):
            continue  # nobody in the sentence: nobody in any part of it either
        lo, hi = clauses.narrow(text, sent.start, sent.end, t.start_char)
        if (lo, hi) != (sent.start, sent.end):
            sent = sentence_mod.Sentence(lo, hi, text[lo:hi])
        local = ordered[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
        if not local:
            continue
        if qs is None:
            qs = quote_mod.find(text, persons, lex.speech_verbs)
        segs = seg_cache.get((sent.start, sent.end))
        if segs is None:
            names = [(m.start_char, m.end_char) for m in local if m.kind == "name"]
            segs = seg_cache[(sent.start, sent.end)] = clauses.segments(text, sent.start, sent.end, lex, names)
        found = _who(t, sent, segs, local, qs, first_person, text, sources, lex.speech_verbs)
        if not found:
            continue
        label = labels.label(text, t, sent, segs, local, lex)
        etype = labels.event_type(text, t, sent, segs, lex)
        for person, rule, conf, ms in found:
            events.append(Event(article.doc_id, person, t, sent.text, sent.start, label, etype,
                                round(conf, 2), rule, tuple(ms)))
    return events


def _inside(m: PersonMention, start: int, end: int) -> bool:
    return start <= m.start_char < end


def _collect(mentions, rule):
    """[(person, rule, confidence, mentions)] with the best mention kind per person."""
    best: dict[str, list] = {}
    order = []
    for m in mentions:
        if m.person not in best:
            best[m.person] = []
            order.append(m.person)
        best[m.person].append(m)
    out = []
    for p in order:
        cap = max(KIND_CAP.get(m.kind, 0.6) for m in best[p])
        out.append((p, rule, min(CONFIDENCE[rule], cap), best[p]))
    return out


def _source(text: str, m: PersonMention, markers: frozenset[str]) -> bool:
    """'volgens (verslaggever) X', 'according to X': X is a source, not the subject."""
    before = text[max(0, m.start_char - 40):m.start_char]
    before = re.split(r"[.!?;:,\"“”]", before)[-1].lower().split()[-3:]
    return any(w in markers for w in before)


def _speech_tag(text: str, seg, mentions, speech_verbs: frozenset[str]) -> bool:
    """', Ancelotti believes.' / ', aldus Rutte': a segment that only says who spoke."""
    rest = text[seg.start:seg.end]
    for m in mentions:
        if seg.start <= m.start_char < seg.end:
            rest = rest.replace(m.text, " ")
    words = re.findall(r"\w+", rest.lower())
    return bool(words) and any(w in speech_verbs for w in words) and len(words) <= 3


def _who(t, sent, segs, persons, qs, first_person, text, sources=frozenset(), speech_verbs=frozenset()):
    in_sent = [m for m in persons if sent.start <= m.start_char < sent.end]
    if not in_sent:
        return []
    q = quote_mod.containing(qs, t.start_char)
    if q is not None:
        lo, hi = max(q.start, sent.start), min(q.end, sent.end)
        named = [m for m in in_sent if _inside(m, lo, hi) and m.person != q.speaker
                 and m.start_char not in first_person]
        if named:
            return _collect(named, "named in quote")
        if q.speaker and any(_inside(m, lo, hi) and m.start_char in first_person for m in in_sent):
            speaker = [m for m in in_sent if m.person == q.speaker and m.start_char in first_person]
            return _collect(speaker, "speaker about self")
        return []
    outside = [m for m in in_sent if quote_mod.containing(qs, m.start_char) is None
               and not _source(text, m, sources)]
    seg = clauses.at(segs, t.start_char)
    if seg is None:
        return []
    here = [m for m in outside if _inside(m, seg.start, seg.end)]
    if here:
        return _collect(here, "named in clause")
    if seg.kind == "complement":
        return []
    tags = [s for s in segs if s.kind == "main" and s is not seg and s.start > sent.start
            and _speech_tag(text, s, outside, speech_verbs)]
    main = [m for m in outside if any(s.kind == "main" and _inside(m, s.start, s.end) for s in segs)
            and not any(_inside(m, s.start, s.end) for s in tags)]
    if seg.kind == "main":
        return _collect(main, "named in main clause") if main else []
    if seg.kind == "relative":
        before = [m for m in outside if m.end_char <= seg.start]
        if before and seg.start - before[-1].end_char <= 3:
            return _collect([before[-1]], "relative clause antecedent")
        return []
    if seg.kind == "sub" and main:
        return _collect(main, "main clause of subordinate")
    return []
