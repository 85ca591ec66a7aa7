"""The clause rules: which persons a date's own clause names, as a typed cue.

These rules were the whole linker once; now they are the strongest evidence the scored
linker (`extract.linking.features`) weighs, beside discourse, quotes and salience.

    rule                         when
    named in clause              a person is named in the date's segment
    named in main clause         the date is in the main clause, the person in another
                                 main segment of the sentence
    relative clause antecedent   "Ancelotti, die tot medio 2024 vastligt"
    named in quote               a date inside a quote, a person named in it
    main clause of subordinate   a date in a "toen/nadat" clause without persons of its own
    speaker about self           a date in a quote with "ik" and nobody named
A date inside a "dat/that" clause never goes to the speaker of the main clause; sources
("volgens X", "according to X") and speech tags (", Ancelotti believes", ", aldus Rutte")
are never subjects.
"""
from __future__ import annotations

import re
from enum import StrEnum

from extract.linking import clauses
from extract.persons import quotes as quote_mod
from extract.records import PersonMention


class LinkRule(StrEnum):
    NAMED_IN_CLAUSE = "named in clause"
    NAMED_IN_MAIN_CLAUSE = "named in main clause"
    RELATIVE_ANTECEDENT = "relative clause antecedent"
    NAMED_IN_QUOTE = "named in quote"
    MAIN_OF_SUBORDINATE = "main clause of subordinate"
    SPEAKER_ABOUT_SELF = "speaker about self"
    DISCOURSE = "discourse"          # no clause rule: reached through the text around it


def _inside(m: PersonMention, start: int, end: int) -> bool:
    return start <= m.start_char < end


def is_source(text: str, m: PersonMention, markers: frozenset[str]) -> bool:
    """'volgens (verslaggever) X', 'according to X': X is a source, not the subject."""
    before = text[max(0, m.start_char - 40):m.start_char]
    before = re.split(r"[.!?;:,\"“”]", before)[-1].lower().split()[-3:]
    return any(w in markers for w in before)


def is_speech_tag(text: str, seg, mentions, speech_verbs: frozenset[str]) -> bool:
    """', Ancelotti believes.' / ', aldus Rutte': a segment that only says who spoke."""
    rest = text[seg.start:seg.end]
    for m in mentions:
        if seg.start <= m.start_char < seg.end:
            rest = rest.replace(m.text, " ")
    words = re.findall(r"\w+", rest.lower())
    return bool(words) and any(w in speech_verbs for w in words) and len(words) <= 3


def _group(mentions, rule: LinkRule) -> dict[str, tuple[LinkRule, list[PersonMention]]]:
    out: dict[str, tuple[LinkRule, list[PersonMention]]] = {}
    for m in mentions:
        out.setdefault(m.person, (rule, []))[1].append(m)
    return out


def clause_links(t, sent, segs, persons, quotes, text, sources=frozenset(),
                 speech_verbs=frozenset()) -> dict[str, tuple[LinkRule, list[PersonMention]]]:
    """{person: (rule, mentions)} for the persons the clause rules give the date `t`."""
    in_sent = [m for m in persons if sent.start <= m.start_char < sent.end]
    if not in_sent:
        return {}
    q = quote_mod.containing(quotes, t.start_char)
    if q is not None:
        lo, hi = max(q.start, sent.start), min(q.end, sent.end)
        named = [m for m in in_sent if _inside(m, lo, hi) and m.person != q.speaker
                 and not m.speaker_self]
        if named:
            return _group(named, LinkRule.NAMED_IN_QUOTE)
        if q.speaker and any(_inside(m, lo, hi) and m.speaker_self for m in in_sent):
            speaker = [m for m in in_sent if m.person == q.speaker and m.speaker_self]
            return _group(speaker, LinkRule.SPEAKER_ABOUT_SELF)
        return {}
    outside = [m for m in in_sent if quote_mod.containing(quotes, m.start_char) is None
               and not is_source(text, m, sources)]
    seg = clauses.at(segs, t.start_char)
    if seg is None:
        return {}
    here = [m for m in outside if _inside(m, seg.start, seg.end)]
    if here:
        return _group(here, LinkRule.NAMED_IN_CLAUSE)
    if seg.kind == "complement":
        return {}
    tags = [s for s in segs if s.kind == "main" and s is not seg and s.start > sent.start
            and is_speech_tag(text, s, outside, speech_verbs)]
    main = [m for m in outside if any(s.kind == "main" and _inside(m, s.start, s.end) for s in segs)
            and not any(_inside(m, s.start, s.end) for s in tags)]
    if seg.kind == "main":
        return _group(main, LinkRule.NAMED_IN_MAIN_CLAUSE) if main else {}
    if seg.kind == "relative":
        before = [m for m in outside if m.end_char <= seg.start]
        if before and seg.start - before[-1].end_char <= 3:
            return _group([before[-1]], LinkRule.RELATIVE_ANTECEDENT)
        return {}
    if seg.kind == "sub" and main:
        return _group(main, LinkRule.MAIN_OF_SUBORDINATE)
    return {}
