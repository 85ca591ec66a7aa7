"""Persons named in an article, and the pronouns and descriptions that refer to them.

    find_persons(text, lang)         -> list[PersonMention], sorted by start_char
    merge_corpus_names(names_by_doc) -> {(doc_id, name in doc): corpus canonical name}

Pipeline: capitalised-sequence candidates scored by context cues (`recognize`, `cues`),
accepted alone or as members of a list of persons, alias merging to the fullest name
(`aliases`) and a scan for every later mention of a known name (`names`), then
descriptions and pronouns resolved by salience (`coref`). Mention scores:
names 1.0 (accepted by their own cues) or 0.9 (a short form of a name found elsewhere),
pronouns 0.7, descriptions 0.6.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from functools import lru_cache

from extract import lang as resources
from extract import sentences as sentence_mod
from extract.persons import aliases, coref, lexicon, names, pairs, quotes, recognize
from extract.persons.tokens import scan
from extract.records import PersonMention

__all__ = ["find_persons", "merge_corpus_names", "analyse"]

PRONOUN, DESCRIPTION = 0.7, 0.6  # name mention scores: see `names`
APPOSED_WITHIN = 80  # characters from an indefinite description to a name set off after it


def merge_corpus_names(names_by_doc: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    return aliases.merge_corpus(names_by_doc)


def find_persons(text: str, lang: str) -> list[PersonMention]:
    return analyse(text, lang)[0]


@lru_cache(maxsize=64)
def _lang(lang: str) -> str:
    code = (lang or "").lower()[:2]
    return code if code in resources.languages() and resources.has(code, "person_roles") else "en"


def analyse(text: str, lang: str, sentences=None, quote_spans=None):
    """(mentions, persons by name, quotes): everything linking needs from this stage.
    `sentences` and `quote_spans` (`quotes.spans`): the article's, when the caller has them."""
    if not text or not text.strip():
        return [], {}, []
    lex = lexicon.get(_lang(lang))
    sc = scan(text, _watch(lex.lang))
    toks, lower_words = sc.toks, sc.lower
    cands = recognize.candidates(text, toks, lex, lower_words, sc.starts, sc.caps)
    accepted = names.accept(cands, text, lex, sc)
    if not accepted:
        return [], {}, []  # nobody named: nobody to find again, no reference to resolve
    known = names.profiles(accepted, cands, text, lex)
    persons = known.persons
    mentions = names.mentions(cands, accepted, known, text, sc, lex)
    for c in accepted:
        name = known.canon.get(c.text(text))
        if name and name in persons and recognize.AGE.match(text, c.end):
            digits = "".join(ch for ch in text[c.end:c.end + 8] if ch.isdigit())
            coref.learn(persons[name], age=digits)

    if not mentions:
        return [], persons, []  # nobody named: no pronoun or description can mean anyone
    if sentences is None:
        sentences = sentence_mod.split(text, lex.lang)
    if quote_spans is None:
        quote_spans = quotes.spans(text)
    sent_starts = [s.start for s in sentences]
    mentions += _resolve_refs(text, toks, lex, sent_starts, mentions, persons, sc.hits, quote_spans)
    mentions += pairs.pair_mentions(text, toks, sc.hits, lex, [m for m in mentions if m.kind == "name"],
                                    sent_starts)
    mentions.sort(key=lambda m: (m.start_char, -m.end_char))
    qs = quotes.find(text, mentions, lex.speech_verbs, quote_spans, first_person_words(lex.lang))
    mentions = _pronouns(text, [toks[k] for k in sc.hits], lex, sent_starts, mentions, persons, qs)
    return mentions, persons, qs


@lru_cache(maxsize=16)
def first_person_words(lang: str) -> frozenset[str]:
    """'ik', 'mij', 'we', 'I', 'my' ...: the pronouns of the speaker (pronouns.txt, person 1)."""
    lex = lexicon.get(lang)
    return frozenset(w for w, f in lex.pronouns.items() if (form := coref.PronounForm.parse(f)) and form.person == 1)


@lru_cache(maxsize=16)
def _watch(lang: str) -> frozenset[str]:
    """Words whose positions the scan records: articles of descriptions, pronouns, the
    words of "the two presidents"."""
    lex = lexicon.get(lang)
    return frozenset(lex.clause.get("definite", ["de", "het", "the"])) | frozenset(lex.pronouns) \
        | frozenset(lex.clause.get("indefinite", ())) | lex.pair_words | lex.pair_pronouns


def _cataphor(text, tok, form, following, sent_starts, persons, before=None) -> str | None:
    """The subject a possessive in a sentence's opening phrase looks ahead to ("In his
    Sunday Mass at St. Patrick's, Cardinal John O'Connor called ..."): the name right after
    the first comma, when no comma and no mention (`before`: the last one) comes before the
    pronoun in its sentence ("Scott Ritter led his team ..., spokesman Alan Dacey said")."""
    if not following or following[0].kind != "name":
        return None
    start = sent_starts[_sent_index(sent_starts, tok.start)]
    if before is not None and before.start_char >= start:
        return None
    comma = text.find(",", tok.end)
    nxt = following[0]
    if "," in text[start:tok.start] or comma < 0 or comma > nxt.start_char \
            or nxt.start_char - comma > 40 or _sent_index(sent_starts, nxt.start_char) != \
            _sent_index(sent_starts, tok.start):
        return None
    if len(text[comma + 1:nxt.start_char].split()) > 3:
        return None
    p = persons.get(nxt.person)
    if p is not None and form.gender in ("m", "f") and p.gender and p.gender not in (form.gender, "x"):
        return None
    return nxt.person


def _learn_gender(persons, who: str, gender: str, hist, sent: int, exclude: set[str]) -> None:
    """A first name of either gender ("Dominique") takes the gender of a pronoun that can
    only mean that person ("Dominique Leroy wordt ceo. Zij ..."), so that a later "hij"
    next to a man is his."""
    p = persons.get(who)
    if p is None or gender not in ("m", "f") or p.gender not in ("", "x"):
        return
    if coref.salient(persons, hist.items, sent, exclude | {who}, gender=gender) is None:
        p.gender = gender


def _sent_index(starts: list[int], offset: int) -> int:
    """The sentence holding `offset` (or the one before the gap it is in), by its start."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


class _History:
    """Mentions so far, in text order: (sentence, person, subject). The subject is the
    first person of its sentence, unless a preposition governs that mention ("of het nu
    gaat om Bilal Basacikoglu, ...", "Tegen David Goffin sloeg hij"): then the sentence
    has none, and a later pronoun looks to the subject before it."""

    def __init__(self, sent_starts, text: str = "", prepositions: frozenset[str] = frozenset()):
        self.sent_starts, self.items, self.first = sent_starts, [], set()
        self.text, self.prepositions = text, prepositions
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, m) -> None:
        s = _sent_index(self.sent_starts, m.start_char)
        self.items.append((s, m.person, s not in self.first and not self._governed(m)))
        self.first.add(s)
        self.counts[m.person] += 1

    def _governed(self, m) -> bool:
        """A name right after a preposition ("tegen Hari"); not a possessive pronoun, whose
        noun the preposition governs ("na zijn partij": his, the subject's, match)."""
        if not self.prepositions or m.kind != "name":
            return False
        before = self.text[max(0, m.start_char - 20):m.start_char].split()
        return bool(before) and before[-1].lower() in self.prepositions


def _covered(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _resolve_refs(text, toks, lex, sent_starts, names, persons, hits=None, spans=()):
    out = []
    names = sorted(names, key=lambda m: m.start_char)
    name_spans = [(m.start_char, m.end_char) for m in names]
    name_starts = [m.start_char for m in names]
    name_sents = [_sent_index(sent_starts, m.start_char) for m in names]
    by_sent, sent_names = defaultdict(set), defaultdict(list)
    for m, si in zip(names, name_sents):
        by_sent[si].add(m.person)
        sent_names[si].append(m)
    first_sent: dict[str, int] = {}
    for m, si in zip(names, name_sents):
        first_sent.setdefault(m.person, si)
    spans_by_end = sorted(spans, key=lambda sp: sp[1])
    span_ends = [e for _, e in spans_by_end]
    hist, k = _History(sent_starts, text, lex.prepositions), 0
    ends = {m.end_char for m in names}
    first_name = names[0].start_char if names else len(text)

    def indefinite_at(tok):
        """Before anyone is named ("An American leader of ..."), after a name ("X, a nurse
        who"), or before one ("een topman van Boeing, Michael Sears,")."""
        if tok.start < first_name or tok.start - 2 in ends or tok.start - 1 in ends:
            return True
        nxt = bisect.bisect_left(name_starts, tok.start)
        return nxt < len(name_starts) and name_starts[nxt] - tok.start <= APPOSED_WITHIN

    for d in coref.descriptions(text, toks, lex, hits, indefinite_at):
        if _covered(name_spans, d.start):
            continue
        while k < len(names) and names[k].start_char < d.start:
            hist.add(names[k])
            k += 1
        s = _sent_index(sent_starts, d.start)
        prev = names[k - 1] if k else None
        if prev is not None and text[prev.end_char:d.start].strip() == ",":
            who = prev.person  # an apposition: "Steve Jobs, de CEO van Apple"
            coref.learn(persons[who], role=d.role, nationality=d.nationality, age=d.age, gender=d.gender,
                        noun=_head(d))
            m = PersonMention(d.start, d.end, d.text, who, "description",
                              "description in apposition to a name", DESCRIPTION)
            out.append(m)
            hist.add(m)
            continue
        after = _apposed_name(text, d, sent_names.get(s, ()))
        if after is not None:  # "de burgemeester van Warschau, Rafal Trzaskowski, zette"
            coref.learn(persons[after.person], role=d.role, nationality=d.nationality, age=d.age,
                        gender=d.gender, noun=_head(d))
            m = PersonMention(d.start, d.end, d.text, after.person, "description",
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
                            age=d.age, gender=d.gender, noun=coref.role_noun(_head(d)),
                            strict=not (d.modified or d.nationality or d.age),
                            opens_sentence=not text[sent_starts[s]:d.start].strip(" \"'„“”‘’")) if d.definite else None
        rule = f"description (role={d.role or '-'}, nationality={d.nationality or '-'})"
        if who is None and d.role:
            who = _identified_next(d, sent_names.get(s + 1, ()), first_sent, s + 1, persons, lede=k == 0)
            rule = "description of the person the next sentence names"
        if who:
            coref.learn(persons[who], role=d.role, nationality=d.nationality, age=d.age, gender=d.gender,
                        noun=_head(d))
            m = PersonMention(d.start, d.end, d.text, who, "description", rule, DESCRIPTION)
            out.append(m)
            hist.add(m)
    return out


def _head(d) -> str:
    """A description's last word, its role noun when it has one ("de Italiaanse coach")."""
    return d.text.rsplit(None, 1)[-1] if d.role else ""


def _apposed_name(text, d, names_here):
    """The name set off by a comma right after the description and its complement ("de
    burgemeester van Warschau, Rafal Trzaskowski,"), closed by a comma or a bracket."""
    for m in names_here:
        if m.start_char < d.end or m.kind != "name":
            continue
        between = text[d.end:m.start_char]
        if between.endswith(", ") and between.count(",") == 1 and len(between.split()) <= 5 \
                and text[m.end_char:m.end_char + 1] in (",", "("):
            return m
        return None
    return None


def _identified_next(d, next_names, first_sent, nxt, persons, lede: bool) -> str | None:
    """Who a description no earlier person fits introduces, when the next sentence names
    them for the first time (news's delayed identification): a person of the same role
    class ("De premier zei ... Premier Mark Rutte"; "een politicus" is often nobody named),
    or, for the article's opening description, the person the next sentence opens with
    ("The top commander of a resistance force said ... Gen. Nhek Bunchhay, a loyalist")."""
    new = [m for m in next_names if first_sent.get(m.person) == nxt and m.kind == "name"]
    for m in new:
        p = persons.get(m.person)
        if p is not None and d.definite and d.role != "any" and d.role in p.roles:
            return m.person
    if lede and new and new[0] is next_names[0]:
        p = persons.get(new[0].person)
        if p is not None and (not p.roles - {"any"} or d.role in p.roles):
            return new[0].person
    return None


def _pronouns(text, toks, lex, sent_starts, mentions, persons, qs):
    mentions = sorted(mentions, key=lambda m: m.start_char)
    spans = [(m.start_char, m.end_char) for m in mentions]
    out = list(mentions)
    hist, k = _History(sent_starts, text, lex.prepositions), 0
    for tok in toks:
        form = coref.PronounForm.parse(lex.pronouns.get(tok.low))
        if form is None or _covered(spans, tok.start) \
                or form.also_verb and not coref.possessive_position(text, tok, lex.lang) \
                or form.plural_too and not coref.beside_singular_verb(text, tok, lex):
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
        ahead = _cataphor(text, tok, form, mentions[k:k + 1], sent_starts, persons, mentions[k - 1] if k else None) \
            if form.possessive and q is None else None
        if ahead:
            m = coref.pronoun_mention(tok, ahead, "possessive before its subject", PRONOUN)
            out.append(m)
            continue
        sent = _sent_index(sent_starts, tok.start)
        who = coref.salient(persons, hist.items, sent, exclude, gender=form.gender, counts=hist.counts)
        if who:
            _learn_gender(persons, who, form.gender, hist, sent, exclude)
            m = coref.pronoun_mention(tok, who, "pronoun: most salient person", PRONOUN)
            out.append(m)
            hist.add(m)
    out.sort(key=lambda m: (m.start_char, -m.end_char))
    return out
