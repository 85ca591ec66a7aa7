"""Persons named in an article, and the pronouns and descriptions that refer to them.

    find_persons(text, lang)         -> list[PersonMention], sorted by start_char
    merge_corpus_names(names_by_doc) -> {(doc_id, name in doc): corpus canonical name}

Pipeline: capitalised-sequence candidates scored by context cues (`recognize`), in-article
alias merging to the fullest name (`aliases`), a scan for every later mention of a known
name, then descriptions and pronouns resolved by salience (`coref`). Mention scores:
names 1.0 (accepted by their own cues) or 0.9 (a short form of a name found elsewhere),
pronouns 0.7, descriptions 0.6.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from functools import lru_cache
from operator import attrgetter

from extract import lang as resources
from extract import sentences as sentence_mod
from extract.persons import aliases, coref, lexicon, quotes, recognize
from extract.persons.tokens import scan
from extract.records import PersonMention

__all__ = ["find_persons", "merge_corpus_names", "analyse"]

NAME, ALIAS, PRONOUN, DESCRIPTION = 1.0, 0.9, 0.7, 0.6


def merge_corpus_names(names_by_doc: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    return aliases.merge_corpus(names_by_doc)


def find_persons(text: str, lang: str) -> list[PersonMention]:
    return analyse(text, lang)[0]


@lru_cache(maxsize=64)
def _lang(lang: str) -> str:
    code = (lang or "").lower()[:2]
    return code if code in resources.languages() and resources.has(code, "person_roles") else "en"


def _accept(cands, text, lex):
    """Candidates with enough evidence, plus unknown words listed with accepted persons
    ("Kroos, Casemiro en Luka Modric"). A single comma is an apposition, not a list."""
    accepted = [c for c in cands if not c.rejected and c.score >= recognize.ACCEPT]
    ordered = sorted(cands, key=attrgetter("start"))
    # the text between two neighbours: "," or "and" when they stand in a list, else ""
    kinds = {**dict.fromkeys(lex.clause.get("coordinators", []), "and"), "&": "and", ",": ","}
    longest = max(map(len, kinds))  # (lower() never shortens: longer gaps are no link)
    gaps = [text[a.end:b.start].strip() for a, b in zip(ordered, ordered[1:])]
    links = [kinds.get(g.lower(), "") if len(g) <= longest else "" for g in gaps]
    lists, cur = [], [0] if ordered else []
    for i, kind in enumerate(links):
        if kind:
            cur.append(i + 1)
        else:
            lists.append(cur)
            cur = [i + 1]
    if cur:
        lists.append(cur)
    ok = set(map(id, accepted))
    for members in lists:
        if len(members) < 2 or "and" not in {links[i] for i in members[:-1]}:
            continue
        group = [ordered[i] for i in members]
        if not any(id(c) in ok for c in group) or any(c.rejected.startswith("place") for c in group):
            continue
        for c in group:
            if id(c) in ok or c.rejected or c.score < 0 or (c.tokens[0].initial and c.score < 0.5):
                continue
            c.add(recognize.ACCEPT, "listed with a person")
            accepted.append(c)
            ok.add(id(c))
    return accepted


def analyse(text: str, lang: str):
    """(mentions, persons by name, quotes): everything linking needs from this stage."""
    if not text or not text.strip():
        return [], {}, []
    lex = lexicon.get(_lang(lang))
    sc = scan(text, _watch(lex.lang))
    toks, lower_words = sc.toks, sc.lower
    cands = recognize.candidates(text, toks, lex, lower_words, sc.starts, sc.caps)
    accepted = _accept(cands, text, lex)
    if not accepted:
        return [], {}, []  # nobody named: nobody to find again, no reference to resolve
    surfaces = [c.text(text) for c in sorted(accepted, key=lambda c: c.start)]
    canon = aliases.canonical_names(surfaces, lex.particles)

    persons: dict[str, coref.Person] = {}
    for c in accepted:
        name = canon.get(c.text(text))
        if not name:
            continue
        p = persons.setdefault(name, coref.Person(name, gender=lexicon.first_name_gender(name.split()[0]) or ""))
        coref.learn(p, role=c.role, nationality=c.nationality)

    forms: dict[tuple, set[str]] = defaultdict(set)
    for name in persons:
        for f in aliases.short_forms(name, lex.particles):
            forms[f].add(name)
    for s, name in canon.items():
        forms[aliases.key(s)].add(name)
    # a surname that also names an organisation in this article ("Ford Motor Company") is
    # no evidence of the person on its own
    for c in cands:
        if c.rejected.startswith("organisation"):
            k = aliases.key(c.tokens[0].text)
            if len(forms.get(k, ())) and all(len(aliases.key(n)) > 1 for n in forms[k]):
                forms.pop(k, None)

    reasons = {c.start: c for c in accepted}
    mentions: list[PersonMention] = []
    last_seen: dict[str, int] = {}
    for c in sorted(cands, key=attrgetter("start")):
        if c.rejected.startswith("organisation"):
            continue
        i, toks_c = 0, list(c.tokens)
        k = bisect.bisect_left(sc.starts, toks_c[0].start)
        while k > 0 and toks[k - 1].low in lex.particles and toks[k - 1].end + 1 == toks_c[0].start:
            k -= 1
            toks_c.insert(0, toks[k])  # "De Jong" at a sentence start lost its particle
        while i < len(toks_c):
            hit = None
            for j in range(min(len(toks_c), i + recognize.MAX_RUN), i, -1):
                k = aliases.key(text[toks_c[i].start:toks_c[j - 1].end].replace("’s", "").replace("'s", ""))
                if k in forms:
                    hit = (j, forms[k])
                    break
            if hit is None:
                i += 1
                continue
            j, names = hit
            name = _pick(names, toks_c[i].start, last_seen)
            s, e = toks_c[i].start, toks_c[j - 1].end
            surface = text[s:e]
            for tail in ("'s", "’s"):
                if surface.endswith(tail):
                    e -= len(tail)
                    surface = surface[:-len(tail)]
            own = reasons.get(s)
            score = NAME if own is not None and j == len(toks_c) and i == 0 else ALIAS
            rule = "; ".join(own.reasons) if own is not None and score == NAME else "short form of a known name"
            mentions.append(PersonMention(s, e, surface, name, "name", rule, score))
            last_seen[name] = s
            i = j

    for c in accepted:
        name = canon.get(c.text(text))
        if name and name in persons and recognize._AGE.match(text, c.end):
            digits = "".join(ch for ch in text[c.end:c.end + 8] if ch.isdigit())
            coref.learn(persons[name], age=digits)

    if not mentions:
        return [], persons, []  # nobody named: no pronoun or description can mean anyone
    sent_starts = [s.start for s in sentences_of(text, lex.lang)]
    mentions += _resolve_refs(text, toks, lex, sent_starts, mentions, persons, sc.hits)
    mentions.sort(key=lambda m: (m.start_char, -m.end_char))
    qs = quotes.find(text, mentions, lex.speech_verbs)
    mentions = _pronouns(text, [toks[k] for k in sc.hits], lex, sent_starts, mentions, persons, qs)
    return mentions, persons, qs


@lru_cache(maxsize=16)
def _watch(lang: str) -> frozenset[str]:
    """Words whose positions the scan records: articles of descriptions, pronouns."""
    lex = lexicon.get(lang)
    return frozenset(lex.clause.get("definite", ["de", "het", "the"])) | frozenset(lex.pronouns)


@lru_cache(maxsize=4)
def sentences_of(text: str, lang: str):
    """Sentence spans, shared by the person and linking stages of one article."""
    return sentence_mod.split(text, lang)


def _pick(names: set[str], at: int, last_seen: dict[str, int]) -> str:
    if len(names) == 1:
        return next(iter(names))
    before = [(last_seen[n], n) for n in names if n in last_seen and last_seen[n] < at]
    return max(before)[1] if before else sorted(names, key=len, reverse=True)[0]


def _sent_index(starts: list[int], offset: int) -> int:
    """The sentence holding `offset` (or the one before the gap it is in), by its start."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


class _History:
    """Mentions so far, in text order: (sentence, person, first person of its sentence)."""

    def __init__(self, sent_starts):
        self.sent_starts, self.items, self.first = sent_starts, [], set()
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, m) -> None:
        s = _sent_index(self.sent_starts, m.start_char)
        self.items.append((s, m.person, s not in self.first))
        self.first.add(s)
        self.counts[m.person] += 1


def _covered(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _resolve_refs(text, toks, lex, sent_starts, names, persons, hits=None):
    out = []
    spans = quotes.spans(text)
    names = sorted(names, key=lambda m: m.start_char)
    name_spans = [(m.start_char, m.end_char) for m in names]
    name_starts = [m.start_char for m in names]
    name_sents = [_sent_index(sent_starts, m.start_char) for m in names]
    by_sent, sent_names = defaultdict(set), defaultdict(list)
    for m, si in zip(names, name_sents):
        by_sent[si].add(m.person)
        sent_names[si].append(m)
    spans_by_end = sorted(spans, key=lambda sp: sp[1])
    span_ends = [e for _, e in spans_by_end]
    hist, k = _History(sent_starts), 0
    for d in coref.descriptions(text, toks, lex, hits):
        if _covered(name_spans, d.start):
            continue
        while k < len(names) and names[k].start_char < d.start:
            hist.add(names[k])
            k += 1
        s = _sent_index(sent_starts, d.start)
        prev = names[k - 1] if k else None
        if prev is not None and text[prev.end_char:d.start].strip() == ",":
            who = prev.person  # an apposition: "Steve Jobs, de CEO van Apple"
            coref.learn(persons[who], role=d.role, nationality=d.nationality, age=d.age)
            m = PersonMention(d.start, d.end, d.text, who, "description",
                              "description in apposition to a name", DESCRIPTION)
            out.append(m)
            hist.add(m)
            continue
        exclude = set(by_sent.get(s, ()))
        # the speaker after a quote is nobody the quote talks about
        q = bisect.bisect_right(span_ends, d.start) - 1
        while q >= 0 and d.start - span_ends[q] < 60:
            qs, qe = spans_by_end[q]
            lo, hi = bisect.bisect_left(name_starts, qs), bisect.bisect_left(name_starts, qe)
            inside = {m.person for m in names[lo:hi]}
            outside = {m.person for m in sent_names.get(s, ()) if not qs <= m.start_char < qe}
            exclude = (exclude | inside) - outside
            q -= 1
        who = coref.salient(persons, hist.items, s, exclude, counts=hist.counts, role=d.role, nationality=d.nationality,
                            age=d.age, strict=not (d.modified or d.nationality or d.age))
        if who:
            coref.learn(persons[who], role=d.role, nationality=d.nationality, age=d.age)
            m = PersonMention(d.start, d.end, d.text, who, "description",
                              f"description (role={d.role or '-'}, nationality={d.nationality or '-'})",
                              DESCRIPTION)
            out.append(m)
            hist.add(m)
    return out


def _pronouns(text, toks, lex, sent_starts, mentions, persons, qs):
    mentions = sorted(mentions, key=lambda m: m.start_char)
    spans = [(m.start_char, m.end_char) for m in mentions]
    out = list(mentions)
    hist, k = _History(sent_starts), 0
    for tok in toks:
        form = coref.PronounForm.parse(lex.pronouns.get(tok.low))
        if form is None or _covered(spans, tok.start) \
                or form.also_verb and not coref.possessive_position(text, tok, lex.lang):
            continue
        while k < len(mentions) and mentions[k].start_char < tok.start:
            hist.add(mentions[k])
            k += 1
        q = quotes.containing(qs, tok.start)
        if form.person == 1:
            if q is not None and q.speaker:
                out.append(coref.pronoun_mention(tok, q.speaker, "first person in a quote: the speaker", PRONOUN,
                                                 speaker_self=True))
            continue
        exclude = {q.speaker} if q is not None and q.speaker else set()
        who = coref.salient(persons, hist.items, _sent_index(sent_starts, tok.start), exclude,
                            gender=form.gender, counts=hist.counts)
        if who:
            m = coref.pronoun_mention(tok, who, "pronoun: most salient person", PRONOUN)
            out.append(m)
            hist.add(m)
    out.sort(key=lambda m: (m.start_char, -m.end_char))
    return out
