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


class Veto(StrEnum):
    """Guideline constraints (ANNOTATION.md section 4) that no weight of evidence overrides."""
    SOURCE = "a source of the news, not its subject"            # "volgens X", "according to X"
    SPEAKER_ABOUT_OTHERS = "the speaker of a quote about others"
    REPORTER = "the speaker of a reported clause"      # "X zei dat Apple vorig jaar ..."
    APPOSITION_OF_THING = "the date describes a thing"  # "..., de eerste deelname sinds 1986"
    SPEECH_TAG = "only named in a closing speech tag"  # "... eind dit jaar, Ancelotti believes."
    NAME_AS_MODIFIER = "the name only modifies a thing"  # "behind the Slepian home on Friday"
    REPORTED_PERSON = "only named in what was said then"  # "Castro declared Wednesday that Elian ..."
    HYPOTHETICAL = "the date of a comparison, not of an event"  # "praatte alsof hij morgen ... zou"
    RELATIVE_SPEAKS = "a relative or aide of the person spoke"  # "McKinnon's spokeswoman said Friday"
    GAPPED_CONJUNCT = "another conjunct's subject, with a date of its own"  # "A in 1974, B in 1999"


def veto(t, person: str, mine, segs, quote, text, sources, speech_verbs, local=(),
         determiners: frozenset[str] = frozenset(), hypothetical: tuple[str, ...] = (),
         bare_report: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
         speaking_relative=None, gapped=None) -> Veto | None:
    """The constraint that forbids linking `person` to the date `t`, if any. `mine`: the
    person's mentions in the date's sentence, `local` everybody's; `segs`: its clause
    segments; `quote`: the quote around the date; `hypothetical`: the words that open a
    comparison ("alsof", "as if"); `speaking_relative(m)`: does the mention only name whose
    relative or aide speaks (`possessor.possessor_of_speaker`)? `gapped`: the sentence's
    conjuncts with their subjects and dates (`conjuncts`)."""
    if hypothetical and _in_comparison(t, segs, text, hypothetical):
        return Veto.HYPOTHETICAL
    if not mine:
        return None
    if all(is_source(text, m, sources) for m in mine):
        return Veto.SOURCE
    if all(_modifier(text, m, determiners) for m in mine):
        return Veto.NAME_AS_MODIFIER
    if speaking_relative is not None and _relative_speaks(t, mine, speaking_relative):
        return Veto.RELATIVE_SPEAKS
    if _reports_without_that(t, mine, text, *bare_report, local=local):
        return Veto.REPORTER
    if gapped and _in_other_conjunct(t, mine, gapped):
        return Veto.GAPPED_CONJUNCT
    if quote is not None:
        mine = [m for m in mine if quote.start <= m.start_char < quote.end]
        if not mine:
            return Veto.SPEAKER_ABOUT_OTHERS if quote.speaker == person else None
    seg = clauses.at(segs, t.start_char)
    if seg is None:
        return None
    own = [clauses.at(segs, m.start_char) for m in mine]
    if seg.kind == "apposition" and _after_noun_phrase(seg, segs, text) \
            and not _after_mention(seg, segs, mine, text):
        return Veto.APPOSITION_OF_THING
    reported = seg.kind == "complement" or (seg.kind == "relative" and _in_complement(seg, segs))
    if reported and all(o is not None and o.kind == "main" and o.end <= seg.start for o in own):
        # "X zei dat Apple vorig jaar ...", "X sluit niet uit dat Y eind dit jaar ...": the
        # reported clause is about its own subject, not about who reports or believes it
        if any(_says(text, o, speech_verbs) for o in own) or _names_another(seg, segs, local, person):
            return Veto.REPORTER
    if quote is None and all(o is not None and o.kind == "main" and o.start >= seg.end
                             and is_speech_tag(text, o, mine, speech_verbs) for o in own):
        return Veto.SPEECH_TAG
    if seg.kind == "main" and _says(text, seg, speech_verbs) \
            and all(o is not None and o.start >= seg.end and _in_report(o, segs, seg) for o in own):
        # the date is when it was said; who is named in what was said is not its subject
        return Veto.REPORTED_PERSON
    return None


_NEXT_WORDS = re.compile(r"\s+(\w+)\s+(\w+)")


def conjuncts(text: str, local, dates, coordinators: frozenset[str]) -> list[tuple[int, int]]:
    """The parallel conjuncts of a gapped list ("Tom Okker was derde in 1974, Richard
    Krajicek vierde in 1999 en Betty Stöve vijfde in 1977"): the sentence cut before each
    name that follows a comma or a coordinator, kept only when there are two or more
    conjuncts and every one opens with a name and holds a date of its own; else none."""
    names = [m for m in local if m.kind == "name"]
    if len(names) < 2 or len(dates) < 2:
        return []
    cuts = []
    for m in names[1:]:
        before = text[max(0, m.start_char - 6):m.start_char]
        word = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
        if before.rstrip().endswith(",") or (word in coordinators and before.endswith(" ")):
            cuts.append(m.start_char)
    if not cuts:
        return []
    start = names[0].start_char
    ends = [_before_joiner(text, c, coordinators) for c in cuts]
    spans = list(zip([start, *cuts], [*ends, max(d.end_char for d in dates) + 1]))
    for a, b in spans:
        if not any(a <= d.start_char < b for d in dates):
            return []
    if any(d.start_char < start for d in dates):
        return []
    return spans


def _before_joiner(text: str, at: int, coordinators: frozenset[str]) -> int:
    """Where the comma or coordinator before the name at `at` begins."""
    head = text[:at].rstrip()
    if head.endswith(","):
        return len(head) - 1
    word = head.rsplit(None, 1)[-1]
    if word.lower() in coordinators:
        head = head[:len(head) - len(word)].rstrip()
        return len(head) - 1 if head.endswith(",") else len(head)
    return len(head)


def _in_other_conjunct(t, mine, spans) -> bool:
    """Every mention of the person opens a conjunct other than the date's."""
    own = next((sp for sp in spans if sp[0] <= t.start_char < sp[1]), None)
    if own is None:
        return False
    return all(m.start_char != own[0] and any(m.start_char == sp[0] for sp in spans) for m in mine)


def _reports_without_that(t, mine, text: str, verbs: frozenset[str], openers: frozenset[str],
                          local=()) -> bool:
    """'Mr. Lego said the company foresees ... throughout the 1990s', 'Yuri Gremitskikh
    said special ambassador Mikhail Sytenko left Tuesday': the speaker, named before a
    reporting verb that a clause of its own subject follows without "that" (an article,
    or another person named within a few words), and the date in that clause after its
    subject; not 'Smith said Thursday ...' nor 'Smith said he will ...' (a pronoun of the
    speaker is a mention of his after the verb)."""
    if not verbs:
        return False
    last = max(mine, key=lambda m: m.start_char)
    nxt = _NEXT_WORDS.match(text, last.end_char)
    if nxt is None or nxt.group(1).lower() not in verbs:
        return False
    if any(m.start_char > last.end_char for m in mine):
        return False
    if nxt.group(2).lower() in openers:
        return nxt.end(1) < t.start_char
    subject = next((m for m in local if m.person != last.person and m.kind == "name"
                    and nxt.end(1) < m.start_char <= nxt.end(1) + _SUBJECT_WITHIN), None)
    return subject is not None and subject.end_char <= t.start_char \
        and not _DIGIT_OR_BREAK.search(text, nxt.end(1), subject.start_char) \
        and not _BREAK.search(text, subject.end_char, t.start_char)


_SUBJECT_WITHIN = 30   # characters from the reporting verb to the reported clause's subject
_DIGIT_OR_BREAK = re.compile(r"[\d,;:]")
_BREAK = re.compile(r"[,;:()]")   # "..., in an interview on Tuesday": the saying's date


def _relative_speaks(t, mine, speaking_relative) -> bool:
    """Every mention names whose relative or aide speaks, or stands after the date in what
    they said ("Kopp's stepmother ... said Thursday he should come forward")."""
    first = next((m for m in mine if speaking_relative(m)), None)
    if first is None:
        return False
    return all(m.start_char > max(t.end_char, first.end_char) or speaking_relative(m) for m in mine)


def _in_comparison(t, segs, text: str, openers: tuple[str, ...]) -> bool:
    """Is the date in a clause opened by "alsof" / "as if" ("praatte alsof hij morgen zijn
    kliniek weer zou openen")? Such a date places nothing that happened or will."""
    seg = clauses.at(segs, t.start_char)
    start = seg.start if seg is not None else max(0, t.start_char - 60)
    before = " " + re.sub(r"\s+", " ", text[start:t.start_char].lower()) + " "
    return any(f" {w} " in before for w in openers)


def _in_report(seg, segs, main) -> bool:
    """`seg` lies in the reported clause that follows the main clause `main`: a complement
    opens after `main` and no main clause comes between."""
    for between in segs[segs.index(main) + 1:segs.index(seg) + 1]:
        if between.kind == "complement":
            return True
        if between.kind == "main":
            return False
    return False


_WORD_BEFORE = re.compile(r"(\w+)\s$")
_WORD_AFTER = re.compile(r"\s([a-z]\w*)")


def _modifier(text: str, m, determiners: frozenset[str]) -> bool:
    """A name between an article and a common noun: it says which thing ("the Slepian
    home", "a Castro supporter", "the Clinton administration"), it does no part in it."""
    if m.kind != "name" or not determiners:
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start_char - 12), m.start_char)
    after = _WORD_AFTER.match(text, m.end_char, m.end_char + 30)
    return before is not None and before.group(1).lower() in determiners and after is not None


def _in_complement(seg, segs) -> bool:
    """A relative clause inside a reported one ("zegt dat de fabriek, die sinds 1960 auto's
    bouwt, sluit"): a complement opens before it, and no main clause comes between."""
    for before in reversed(segs[:segs.index(seg)]):
        if before.kind == "complement":
            return True
        if before.kind == "main":
            return False
    return False


def _after_noun_phrase(seg, segs, text: str) -> bool:
    """Not an opening adverbial ('Meantime, the ...', 'In addition, the ...'): what comes
    before the apposition is a clause of its own."""
    k = segs.index(seg)
    return k > 0 and len(re.findall(r"\w+", text[segs[k - 1].start:segs[k - 1].end])) >= 3


def _after_mention(seg, segs, mine, text: str) -> bool:
    """The apposition follows one of the person's mentions: it describes the person."""
    k = segs.index(seg)
    if k == 0:
        return False
    before = segs[k - 1].end
    return any(not text[m.end_char:before].strip(" ,)(0123456789") for m in mine if m.end_char <= before)


def _names_another(seg, segs, local, person: str) -> bool:
    """Somebody else is named in the complement clause that holds `seg` (and its run-on)."""
    k = segs.index(seg)
    end = k
    while end + 1 < len(segs) and segs[end + 1].kind in ("complement", "relative"):
        end += 1
    lo, hi = seg.start, segs[end].end
    return any(lo <= m.start_char < hi and m.person != person and m.kind == "name" for m in local)


def _resumed_subjects(text: str, segs, seg, mentions, lex) -> list[PersonMention]:
    """The names that end the segments a resumed clause continues ("John Howard, de
    Australische premier, en Ian MacDonald, minister ..., kondigden vandaag aan"): the
    head's, and the one before each head that a coordinator opens."""
    coordinators = set(lex.clause.get("coordinators", []))
    out = []
    head = clauses.resumed_head(text, segs, seg, lex)
    while head is not None:
        ending = [m for m in mentions if head.start <= m.start_char and m.end_char <= head.end
                  and not text[m.end_char:head.end].strip(" .'’s")]
        if not ending:
            break
        out.append(ending[-1])
        first = text[head.start:head.end].split(maxsplit=1)[0].lower()
        head = clauses.head_before(text, segs, segs.index(head)) if first in coordinators else None
    return out


def _says(text: str, seg, speech_verbs: frozenset[str]) -> bool:
    return any(w in speech_verbs for w in re.findall(r"\w+", text[seg.start:seg.end].lower()))


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
                 speech_verbs=frozenset(), lex=None) -> dict[str, tuple[LinkRule, list[PersonMention]]]:
    """{person: (rule, mentions)} for the persons the clause rules give the date `t`.
    `lex`: the persons lexicon, to read a clause resumed after an insertion."""
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
    subject = _resumed_subjects(text, list(segs), seg, outside, lex) if lex is not None else []
    if subject:  # the names the insertions were about are the resumed clause's subjects
        return _group(subject, LinkRule.NAMED_IN_CLAUSE)
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
