"""From scored candidates to the persons of an article and every mention of their names.

    accept(cands, text, lex)                      -> accepted candidates
    profiles(accepted, cands, text, lex)          -> Names (canonical names, persons, forms)
    mentions(cands, accepted, names, text, sc, lex) -> name mentions in text order
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

from extract.persons import aliases, coref, lexicon
from extract.persons.cues import org_word
from extract.persons.evidence import ACCEPT, Candidate, Cue, CueKind, Reject
from extract.persons.lexicon import Lexicon
from extract.persons.tokens import Scan, name_end
from extract.records import PersonMention

_WORD_BEFORE = re.compile(r"(\w[\w-]*)\s+$")
NAME, ALIAS = 1.0, 0.9  # mention scores: accepted by its own cues / a form of a known name
MAX_FORM = 10           # words in one name form


def _list_links(ordered: list[Candidate], text: str, lex: Lexicon) -> list[str]:
    """Between each two neighbours: "and" or "," when they stand in a list, else "".
    Only the list joiners link ("en", "of"): "Juventus maar Ziyech" lists no one."""
    kinds = {**dict.fromkeys(lex.clause.get("list_joiners", []), "and"), "&": "and", ",": ","}
    longest = max(map(len, kinds))  # (lower() never shortens: longer gaps are no link)
    gaps = [text[a.end:b.start].strip() for a, b in zip(ordered, ordered[1:])]
    return [kinds.get(g.lower(), "") if len(g) <= longest else "" for g in gaps]


def _lists(links: list[str], n: int) -> list[list[int]]:
    """Positions of the candidates grouped into maximal linked runs."""
    lists, cur = [], [0] if n else []
    for i, kind in enumerate(links):
        if kind:
            cur.append(i + 1)
        else:
            lists.append(cur)
            cur = [i + 1]
    if cur:
        lists.append(cur)
    return lists


def _may_join(c: Candidate) -> bool:
    """Can a list make this candidate a person? Not when something speaks against it."""
    return not c.rejected and c.score >= 0 and not (c.tokens[0].initial and c.score < 0.5)


def _known_forms(accepted, text: str, lex: Lexicon) -> set[tuple[str, ...]]:
    """Keys by which the accepted names may be mentioned again (full name, surname)."""
    out = set()
    for c in accepted:
        out.update(aliases.short_forms(c.text(text), lex.particles))
    return out


def accept(cands: list[Candidate], text: str, lex: Lexicon, sc: Scan | None = None) -> list[Candidate]:
    """Candidates with enough evidence, plus unknown words listed with persons: accepted
    ones or known names of the article ("Kroos, Casemiro en Luka Modric"; "Rutte, Buma,
    Asscher en Segers" after "premier Rutte"). A single comma is an apposition, not a list."""
    ordered = sorted(cands, key=attrgetter("start"))
    links = _list_links(ordered, text, lex)
    companies = _organisation_stems(ordered, text, lex)
    out = {id(c): c for c in ordered if c.accepted and aliases.key(c.text(text)) not in companies}
    known: set | None = None  # the name forms of `out`, built when a list first needs them

    def named(c: Candidate) -> bool:
        toks = _with_particles(c, sc, lex) if sc is not None else c.tokens
        return aliases.key(text[toks[0].start:c.end]) in known

    for members in _lists(links, len(ordered)):
        # a list ends at its last "and": "Health and Human Services, Satcher said" is none
        ands = [k for k, i in enumerate(members[:-1]) if links[i] == "and"]
        if not ands or not out:
            continue
        group = [ordered[i] for i in members[:ands[-1] + 2]]
        if any(c.rejected_as(Reject.PLACE) for c in group):
            continue
        if not any(id(c) in out for c in group):
            known = _known_forms(out.values(), text, lex) if known is None else known
            if not any(map(named, group)):
                continue
        for c in group:
            if id(c) not in out and _may_join(c):
                out[id(c)] = c.plus(Cue(CueKind.LISTED, ACCEPT))
    return list(out.values())


def _organisation_stems(cands: list[Candidate], text: str, lex: Lexicon) -> set[tuple[str, ...]]:
    """The names of organisations the article writes with their org word once ("Milton Roy
    Corp.", "Polly Peck International Inc."): the same words without it are that
    organisation again, not a person ("Milton Roy shares rose"); and a name it introduces
    with an organisation noun ("het Chinese techbedrijf Huawei"), whole, even one word."""
    out = set()
    for c in cands:
        if not c.rejected_as(Reject.ORGANISATION):
            continue
        before = _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
        if before and before.group(1).islower() and lex.is_org_noun(before.group(1)):
            out.add(aliases.key(c.text(text)))
        words = list(c.tokens)
        while len(words) > 2 and org_word(lex.lang, words[-1].text):
            words.pop()  # two words at the least: "Ford" alone may still be a person's name
            out.add(aliases.key(text[words[0].start:words[-1].end]))
    return out


@dataclass(frozen=True)
class Names:
    canon: dict[str, str]                     # accepted surface -> canonical name
    persons: dict[str, coref.Person]          # canonical name -> profile
    forms: dict[tuple[str, ...], set[str]]    # name key -> the persons it may mean
    first_names: dict[tuple[str, ...], str] = field(default_factory=dict)  # "lieke" -> Lieke Martens


def _first_names(persons, forms, lex: Lexicon) -> dict[tuple[str, ...], str]:
    """The first name of each full name that no other person of the article shares: news
    goes on by first name in features and sports ("Lieke is voor ons belangrijk")."""
    by_first: dict[tuple, set[str]] = defaultdict(set)
    for name in persons:
        words = name.split()
        # a first name that is also a state or country ("Virginia", "Georgia") alone means it
        if len(words) >= 2 and lexicon.first_name_gender(words[0]) and not lexicon.is_state(words[0]) \
                and not lex.is_country(words[0]):
            by_first[aliases.key(words[0])].add(name)
    return {k: next(iter(v)) for k, v in by_first.items() if len(v) == 1 and k not in forms}


def _genitive_of_another(surface: str, others: set[str]) -> bool:
    """'Richard Nixons', 'Charles Leclercs Ferrari': another accepted name with a genitive
    "s" (and what it owns), not a person of its own."""
    words = surface.split()
    for k in range(2, len(words) + 1):  # a full name: "Hendriks" alone may be a surname of its own
        head = " ".join(words[:k])
        if len(head) > 4 and head.endswith("s") and head[:-1] in others:
            return True
    return False


def _shared_surnames(ordered: list[Candidate], text: str, lex: Lexicon) -> list[str]:
    """'Annemarie en Richard Cools', 'Frank and Ronald de Boer': a lone first name joined
    to a first name and surname shares that surname (a couple, siblings)."""
    joiners = set(lex.clause.get("list_joiners", ()))
    out = []
    for a, b in zip(ordered, ordered[1:]):
        if len(a.tokens) != 1 or len(b.tokens) < 2 or not lexicon.first_name_gender(a.tokens[0].text) \
                or not lexicon.first_name_gender(b.tokens[0].text) \
                or lexicon.first_name_gender(b.tokens[1].text) and b.tokens[1].low not in lex.particles:
            continue
        if text[a.end:b.start].strip().lower() in joiners:
            out.append(f"{a.tokens[0].text} {text[b.tokens[1].start:b.end]}")
    return out


def _gender(name: str) -> str:
    """The gender of the name's first word, unless the name is written family name first
    with a hyphenated given name ("Kim Jong-un", "Moon Jae-in"): "Kim" is no woman's name there."""
    words = name.split()
    if len(words) >= 2 and "-" in words[1] and words[1].split("-", 1)[1][:1].islower():
        return ""
    return lexicon.first_name_gender(words[0]) or ""


def profiles(accepted: list[Candidate], cands: list[Candidate], text: str, lex: Lexicon) -> Names:
    ordered = sorted(accepted, key=attrgetter("start"))
    surfaces = [c.text(text) for c in ordered] + _shared_surnames(ordered, text, lex)
    known = set(surfaces)
    surfaces = [s for s in surfaces if not _genitive_of_another(s, known - {s})]
    canon = aliases.canonical_names(surfaces, lex.particles)
    persons: dict[str, coref.Person] = {}
    for c in accepted:
        name = canon.get(c.text(text))
        if not name:
            continue
        p = persons.setdefault(name, coref.Person(name, gender=_gender(name)))
        coref.learn(p, role=c.role, nationality=c.nationality)
        for cue in c.cues:
            if cue.kind is CueKind.ROLE_BEFORE and cue.word:
                coref.learn(p, noun=cue.word)
    forms: dict[tuple, set[str]] = defaultdict(set)
    for name in persons:
        for f in aliases.short_forms(name, lex.particles):
            forms[f].add(name)
    for s, name in canon.items():
        forms[aliases.key(s)].add(name)
    # a surname that also names an organisation in this article ("Ford Motor Company") is
    # no evidence of the person on its own
    for c in cands:
        if c.rejected_as(Reject.ORGANISATION):
            k = aliases.key(c.tokens[0].text)
            if len(forms.get(k, ())) and all(len(aliases.key(n)) > 1 for n in forms[k]):
                forms.pop(k, None)
    return Names(canon, persons, dict(forms), _first_names(persons, forms, lex))


def _pick(names: set[str], at: int, last_seen: dict[str, int]) -> str:
    """Of the persons a form may mean, the one named last before `at`, else the longest."""
    if len(names) == 1:
        return next(iter(names))
    before = [(last_seen[n], n) for n in names if n in last_seen and last_seen[n] < at]
    # the longest, and of equally long ones the first in order: never the set's hash order
    return max(before)[1] if before else min(names, key=lambda n: (-len(n), n))


def _with_particles(c: Candidate, sc: Scan, lex: Lexicon) -> list:
    """The candidate's tokens, with the particles before it that its run lost
    ("De Jong" at a sentence start)."""
    toks, toks_c = sc.toks, list(c.tokens)
    k = bisect.bisect_left(sc.starts, toks_c[0].start)
    while k > 0 and toks[k - 1].low in lex.particles and toks[k - 1].end + 1 == toks_c[0].start:
        k -= 1
        toks_c.insert(0, toks[k])
    return toks_c


def _form_at(toks_c: list, i: int, text: str, forms: dict) -> tuple[int, set[str], int] | None:
    """The longest known name form starting at toks_c[i]: (end position, its persons, the
    letters of a genitive "s" after it). Dutch writes the genitive without an apostrophe
    after most names ("Van Loons plannen", "Ruttes kabinet"): a known form plus "s"."""
    for j in range(min(len(toks_c), i + MAX_FORM), i, -1):
        written = text[toks_c[i].start:toks_c[j - 1].end].replace("’s", "").replace("'s", "")
        k = aliases.key(written)
        if k in forms:
            return j, forms[k], 0
        if len(k[-1]) > 3 and k[-1].endswith("s") and text[toks_c[j - 1].end - 1:toks_c[j - 1].end] == "s":
            bare = k[:-1] + (k[-1][:-1],)
            if bare in forms:
                return j, forms[bare], 1
    return None


def mentions(cands: list[Candidate], accepted: list[Candidate], names: Names, text: str,
             sc: Scan, lex: Lexicon) -> list[PersonMention]:
    """Every stretch of a capitalised run that is a known name form, in text order."""
    own_cands = {c.start: c for c in accepted}
    out: list[PersonMention] = []
    last_seen: dict[str, int] = {}
    for c in sorted(cands, key=attrgetter("start")):
        if c.rejected_as(Reject.ORGANISATION):
            continue
        toks_c = _with_particles(c, sc, lex)
        i = 0
        while i < len(toks_c):
            hit = _form_at(toks_c, i, text, names.forms)
            if hit is None and len(toks_c) == 1 and aliases.key(toks_c[0].text) in names.first_names:
                hit = 1, {names.first_names[aliases.key(toks_c[0].text)]}, 0  # a first name alone
            if hit is None:
                i += 1
                continue
            j, who, genitive = hit
            name = _pick(who, toks_c[i].start, last_seen)
            s, e = toks_c[i].start, name_end(toks_c[j - 1]) - genitive
            surface = text[s:e]
            for tail in ("'s", "’s"):
                if surface.endswith(tail):
                    e -= len(tail)
                    surface = surface[:-len(tail)]
            own = own_cands.get(s)
            whole = own is not None and j == len(toks_c) and i == 0
            rule = "; ".join(own.reasons) if whole else "short form of a known name"
            out.append(PersonMention(s, e, surface, name, "name", rule, NAME if whole else ALIAS))
            last_seen[name] = s
            i = j
    return out
