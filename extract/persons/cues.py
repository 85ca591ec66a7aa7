"""Context cues for and against a capitalised run being a person (see `recognize`).

`evaluate` runs the recognizers in order: hard rejections first (organisation words,
metadata lines, countries, cities), then the cues that add or take points. Every cue
is typed (`evidence.CueKind`) and names the word that fired it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from extract.persons.evidence import STRONG, Candidate, Cue, CueKind as K, Reject, Rejection
from extract.persons.lexicon import Lexicon, first_name_gender, fold, get, is_big_city, is_city
from extract.persons.tokens import Token, is_cap, is_initial, name_end, strip_possessive

# cues without a word, built once (a NamedTuple's constructor is Python code)
_MULTI, _PARTICLE, _AGE, _OPENER, _NOUN_PHRASE = (Cue(K.MULTI_WORD, 0.5), Cue(K.PARTICLE, 1.5), Cue(K.AGE, 2.5),
                                                  Cue(K.SENTENCE_START, -1.0), Cue(K.NOUN_PHRASE, -2.0))
_FIRST = {(False, 2.0): Cue(K.FIRST_NAME, 2.0), (False, 1.5): Cue(K.FIRST_NAME, 1.5),
          (True, 2.0): Cue(K.FIRST_NAME_CITY, 1.5), (True, 1.5): Cue(K.FIRST_NAME_CITY, 1.0)}
AGE = re.compile(r"\s*(?:\(\s*\d{1,3}\s*\)|,\s*\d{1,3}\s*,(?!\d))")  # not ", 3,000 Britons"


@dataclass(frozen=True, slots=True)
class Context:
    """One article as the recognizers see it."""
    text: str
    toks: list[Token]
    starts: list[int]       # start offsets of `toks`, for bisect
    lex: Lexicon
    lower: set[str]         # words written in lower case somewhere in the article
    alone: frozenset[str] = frozenset()  # capitalised words standing alone somewhere (lower case)

    def index(self, tok: Token) -> int:
        return bisect_left(self.starts, tok.start)


HEAD = 5  # letters of the shortest org word that heads a compound ("Vondelingprijs")


@lru_cache(maxsize=50_000)
def org_word(lang: str, word: str) -> bool:
    """Is the word, a part of a hyphenated word, or the head of a compound ("Ajaxstadion",
    "Vondelingprijs") in the language's org_words?"""
    org = get(lang).org_words
    low = fold(strip_possessive(word))
    if low in org or any(part in org for part in low.split("-")):
        return True
    return any(low[i:] in org for i in range(3, len(low) - HEAD + 1))


def prev_words(toks: list[Token], idx: int, k: int, text: str) -> list[Token]:
    """Up to k tokens before toks[idx] in the same clause (no punctuation between)."""
    out = []
    j = idx - 1
    while j >= 0 and len(out) < k:
        gap = text[toks[j].end:toks[j + 1].start]
        if gap.strip() or toks[j].dot:
            break
        out.append(toks[j])
        j -= 1
    return out


def metadata_line(text: str, start: int, lex: Lexicon) -> str:
    """'byline' or 'photo credit' when the name stands in such a line, else ''."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    short = line_end - line_start < 100
    if short and text[line_start:start].strip().lower() in lex.clause.get("byline_markers", ()):
        return "byline"
    head = text[max(line_start, start - 60):start]
    if ":" not in head:
        return ""  # every credit has its colon
    head = head.lower()
    for marker in lex.clause.get("credit_markers", ()):
        k = head.rfind(marker)
        if k >= 0 and ":" in head[k:k + len(marker) + 2]:
            return "photo credit"
    return ""


def _cue_nearby(start: int, end: int, last: Token, ctx: Context) -> bool:
    """Any cue at all around a lone unknown word: comma or bracket, speech verb, role."""
    text, toks, lex = ctx.text, ctx.toks, ctx.lex
    tail = text[end:end + 3]
    if tail[:1] in ",(" or tail[:2] == " (":
        return True
    i1 = ctx.index(last)
    if i1 + 1 < len(toks) and toks[i1 + 1].low in lex.speech_verbs:
        return True
    for k, tok in enumerate(prev_words(toks, bisect_left(ctx.starts, start), 4, text)):
        if tok.low in lex.speech_verbs or lex.is_role(tok.text) or lex.demonym(tok.text):
            return True
        if k == 0 and (lex.is_relation(tok.text) or lex.is_role_plural(tok.text)):
            return True
    return False


def _signature(tokens: tuple[Token, ...], text: str) -> bool:
    """A full name closing the text, or its headline, after a sentence, with no stop of its
    own: the author's signature ('... net ervoor. Yvonne Hofs', a column's headline
    'SS-uitkering is een belediging. Theodor Holman')."""
    if len(tokens) < 2 or not tokens[0].initial:
        return False
    end = name_end(tokens[-1])
    if not text[end:].strip():
        return True
    first_line = text.find("\n")
    return 0 <= end <= first_line and not text[end:first_line].strip() \
        and text[:tokens[0].start].rstrip()[-1:] in ".!?"


def _governs(end: int, ctx: Context) -> bool:
    """Is the name followed by a noun of a person's office or time ("administration")?"""
    rest = ctx.text[end:end + 16]
    return rest[:1] == " " and rest[1:].split(" ", 1)[0].rstrip(".,;:") in ctx.lex.governed


def _hard_rejection(tokens: tuple[Token, ...], ctx: Context) -> Rejection | None:
    for t in tokens:
        if org_word(ctx.lex.lang, t.text):
            return Rejection(Reject.ORGANISATION, f"organisation word {t.text!r}")
    if any(c.isdigit() for t in tokens for c in t.text):
        return Rejection(Reject.ORGANISATION, "a name with digits")  # "Leisure2B", "D66"
    if len(tokens) > 1 and ctx.lex.org_names:
        name = strip_possessive(ctx.text[tokens[0].start:name_end(tokens[-1])])
        if fold(name) in ctx.lex.org_names:
            return Rejection(Reject.ORGANISATION, f"an organisation's name {name!r}")
    meta = metadata_line(ctx.text, tokens[0].start, ctx.lex) or ("signature" if _signature(tokens, ctx.text) else "")
    return Rejection(Reject.METADATA, meta) if meta else None


def _name_words(tokens: tuple[Token, ...], lex: Lexicon) -> list[Token]:
    """The tokens that are words of the name: no particles, initials or suffixes."""
    if len(tokens) == 1 and not tokens[0].dot and tokens[0].low not in lex.particles:
        return list(tokens) if tokens[0].text not in lex.suffixes else []  # most candidates
    return [t for t in tokens if t.low not in lex.particles and not is_initial(t)
            and t.text not in lex.suffixes and (t.text + ".") not in lex.suffixes]


def _surname_again(words: list[Token], gender: bool, ctx: Context) -> bool:
    """'Hirving Lozano ... Lozano': news names a person in full once, then by surname.
    Not 'Ford Falcon ... Ford', 'Cuban Americans ... Cuban', 'Late Monday ... Monday':
    an unknown first word must not stand alone, be written in lower case or open a sentence."""
    if strip_possessive(words[-1].low) not in ctx.alone or ctx.lex.is_place(strip_possessive(words[-1].text)):
        return False
    first = words[0]
    return gender or not (first.initial or first.low in ctx.lower or strip_possessive(first.low) in ctx.alone)


def _role_before(before: list[Token], lex: Lexicon) -> tuple[str, Cue] | None:
    """'trainer Erik ten Hag', 'Ajax-trainer X', 'de ministers Wiebes (en Ollongren)',
    'zijn dochter Natascha' (a relation: no role class), not 'trainer van Ajax X'."""
    role_of = lex.clause.get("role_of", ())
    for k, tok in enumerate(before):
        if k == 0 and (tok.text.islower() or len(before) == 1) and lex.is_relation(tok.text):
            return "", Cue(K.RELATION_BEFORE, 2.0, tok.text)
        cls = lex.is_role(tok.text) or (lex.is_role_plural(tok.text) if k == 0 else None)
        if cls and k > 0 and any(b.low in role_of for b in before[:k]):
            return None  # "trainer van Ajax": the organisation of the role, not its holder
        if cls and all(b.low in lex.particles or not is_cap(b.text) or lex.is_place(b.text)
                       for b in before[:k]):
            return cls, Cue(K.ROLE_BEFORE, 2.0, tok.text)
        if tok.low in lex.function_words and tok.low not in lex.particles or tok.low in lex.speech_verbs:
            return None  # "the panel that issued X": a clause lies between role and name
        if k == 0 and tok.low in lex.determiners:
            return None  # "de spits bezorgde de Amsterdammers": the name opens its own phrase
    return None


def _apposition(i1: int, end: int, ctx: Context) -> tuple[str, Cue] | None:
    """', voorzitter van ...' just after the name."""
    text, toks, lex = ctx.text, ctx.toks, ctx.lex
    if not text.startswith(",", end):
        return None
    for j, tok in enumerate(toks[i1 + 1:i1 + 5], i1 + 1):
        if lex.is_role(tok.text) and not is_cap(tok.text) or lex.roles.get(tok.low):
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and text[tok.end:nxt.start] == " " and is_cap(nxt.text) \
                    and first_name_gender(nxt.text) is not None:
                return None  # "In New York, Cardinal John O'Connor": the role opens the next name
            return lex.is_role(tok.text) or "", Cue(K.APPOSITION, 1.5, tok.text)
        if text[toks[i1].end:tok.start].count(",") > 1:
            return None
        if is_cap(tok.text) and strip_possessive(tok.text) == tok.text and not lex.demonym(tok.text):
            return None  # "Operation Desert Shield, Stealth fighter planes": another name
    return None


_BRACKET = re.compile(r" ?\(([^()\n]{1,40})\)")
_ACRONYM = re.compile(r" ?\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)")


def _own_acronym(words: list[Token], end: int, ctx: Context) -> str:
    """The bracketed acronym just after a name of two or more words whose initials it spells
    in order ("Samenwerkende Universiteiten (VSNU)", "Openbaar Ministerie (OM)"): the
    name is an organisation's. A party after a person's name spells other letters
    ("Mark Rutte (VVD)")."""
    m = _ACRONYM.match(ctx.text, end)
    if not m or len(words) < 2:
        return ""
    letters = iter(c for c in m.group(1) if c.isupper())
    initials = [w.text[:1] for w in words]
    return m.group(1) if all(any(c == i for c in letters) for i in initials) else ""
_QUOTES = "'\"‘’“”`"


def _affiliation(words: list[Token], end: int, ctx: Context) -> Cue | None:
    """'Kathalijne Buitenweg (GroenLinks)', 'Danique Kerkdijk (Bristol City)', 'Alex Gillis
    ('Aleki')': a party, club or nickname in brackets. Not an organisation's own acronym
    ('Onderzoeksraad voor Veiligheid (OVV)') nor a place ('Bayern München (Duitsland)')."""
    if not ctx.text.startswith(("(", " ("), end):
        return None
    m = _BRACKET.match(ctx.text, end)
    if not m:
        return None
    inside = m.group(1).strip()
    if inside[:1] in _QUOTES:
        return Cue(K.AFFILIATION, 1.5, inside)
    head = inside.split()[0].rstrip(",;:") if inside.split() else ""
    if not head[:1].isupper():
        return None
    if ctx.lex.is_place(inside) and not any(org_word(ctx.lex.lang, w) for w in inside.split()):
        return None  # a place, not a club named after it ("Bristol City")
    if sum(c.isupper() for c in head) >= 2 and head[:1] == words[0].text[:1]:
        return None  # most likely the name's own acronym ("FvD", "OVV")
    if not (is_cap(head) or head.isupper()):
        return None
    return Cue(K.AFFILIATION, 1.5, inside)


def _context_against(before: list[Token], lex: Lexicon, full_name: bool) -> Cue | None:
    """A determiner, place preposition or determiner noun phrase just before: "de krant
    Trouw", "de Italiaanse sportkrant La Gazzetta". A full name with a known first name
    there is a person described ("de geschorste Nicolás Tagliafico", "de momenteel
    geblesseerde Carel Eiting") or the object of a verb ("het team verkocht Hirving
    Lozano"), unless a product word precedes it ("de geheel nieuwe Holden Commodore")."""
    if not before:
        return None
    if before[0].low in lex.determiners:
        return Cue(K.DETERMINER, -2.5, before[0].text)
    if before[0].low in lex.location_preps:
        return Cue(K.PLACE_PREP, -2.0, before[0].text)
    if before[0].low in lex.thing_modifiers:
        return Cue(K.THING, -2.5, before[0].text)
    if not full_name and any(b.low in lex.determiners for b in before[1:3]) and \
            before[0].text.islower() and before[0].low not in lex.function_words:
        return _NOUN_PHRASE
    return None


def evaluate(tokens: tuple[Token, ...], role: str, nat: str, ctx: Context) -> Candidate:
    """The candidate for `tokens` (found after `role`/`nat` words in its run), scored."""
    cues: list[Cue] = []
    if role or nat:
        cues.append(Cue(K.ROLE_BEFORE if role else K.NATIONALITY_BEFORE, 2.0))
    rejected, role = _weigh(tokens, role, nat, ctx, cues)
    return Candidate.make(tokens, tuple(cues), rejected, role, nat)


def _weigh(tokens: tuple[Token, ...], role: str, nat: str, ctx: Context,
           cues: list[Cue]) -> tuple[Rejection | None, str]:
    """Adds the cues that fire to `cues`: (the rejection, if any; the role class)."""
    text, toks, lex = ctx.text, ctx.toks, ctx.lex
    rejected = _hard_rejection(tokens, ctx)
    if rejected:
        return rejected, role
    words = _name_words(tokens, lex)
    if not words:
        return Rejection(Reject.NO_NAME), role
    start, end = tokens[0].start, name_end(tokens[-1])
    initial_last = len(tokens) >= 2 and is_initial(tokens[-1]) and not is_initial(tokens[-2])
    first = words[0]
    gender = first_name_gender(first.text) \
        if first.low not in lex.function_words and tokens[0].low not in lex.particles else None
    if gender and lex.is_country(first.text):
        gender = None
    city_first = bool(gender) and is_big_city(first.text)
    name = strip_possessive(text[start:end])
    if lex.is_country(name) or (len(words) > 1 and any(lex.is_country(strip_possessive(w.text)) for w in words)):
        return Rejection(Reject.PLACE, "country name"), role
    if len(words) == 1 and first.low in lex.months:
        return Rejection(Reject.CALENDAR, first.text), role
    if len(words) == 1 and not gender and not (role or nat or initial_last) \
            and not _cue_nearby(start, end, tokens[-1], ctx) and not _governs(end, ctx):
        # one unknown word without any cue stays at 0: only a list with persons or a
        # known full name elsewhere makes it a person
        return (Rejection(Reject.PLACE, "city name") if is_city(name) else None), role
    lone_opener = len(words) == 1 and first.initial and first.low in ctx.lower
    if gender and not lone_opener:
        # A first name that is also a big city ("Santiago", "Paris", "Victoria") counts
        # for less: "Santiago Giménez" is a person, "London Heathrow" is not; context decides.
        weight = 2.0 if len(words) > 1 else 1.5
        cues.append(_FIRST[city_first, weight])
    if len(words) >= 2:
        cues.append(_MULTI)
        if _surname_again(words, bool(gender), ctx):
            cues.append(Cue(K.SURNAME_AGAIN, 1.5, words[-1].text))
    if initial_last:  # "Michael P.", "Bart van U.": how Dutch news names suspects
        cues.append(Cue(K.INITIAL_SURNAME, 1.0, tokens[-1].text + "."))
        if len(words) == 1 and tokens[-1].low in ctx.alone:
            # "Yago R. ... vertelde R. dat": the initial alone is how the article goes on
            cues.append(Cue(K.SURNAME_AGAIN, 1.5, tokens[-1].text + "."))
    inner = [t.low for t in tokens[1:-1] if t.low in lex.particles]
    # a bare "van" after an unknown word is as often "Longhorn van Microsoft" as a surname
    if inner and (gender or not set(inner) <= set(lex.clause.get("weak_particles", ()))):
        cues.append(_PARTICLE)
    i0 = bisect_left(ctx.starts, start)
    before = prev_words(toks, i0, 4, text)
    if not (role or nat):
        found = _role_before(before, lex)
        if found:
            role, cue = found
            cues.append(cue)
    if not (role or nat) and before and before[0].text.islower() and lex.is_org_noun(before[0].text):
        return Rejection(Reject.ORGANISATION, f"named after {before[0].text!r}"), role
    # the words before belong to an age or to the noun after the name: no penalty for them
    shielded = bool(before) and before[0].low[:1].isdigit() and lex.is_age_word(before[0].low)
    if shielded:  # "de 52-jarige Mick van der L."
        cues.append(Cue(K.AGE_BEFORE, 2.0, before[0].text))
    if before and before[0].low in lex.speech_verbs:
        cues.append(Cue(K.SPEECH_BEFORE, 1.0, before[0].text))
    i1 = ctx.index(tokens[-1])
    after = toks[i1 + 1] if i1 + 1 < len(toks) else None
    if after is not None and not text[end:after.start].strip() and after.low in lex.speech_verbs:
        cues.append(Cue(K.SPEECH_AFTER, 1.0, after.text))
    if after is not None and text[end:after.start] == " " and after.text.islower():
        if after.low in lex.org_words and after.low not in lex.org_word_verbs:  # "Kennedy airport"
            return Rejection(Reject.ORGANISATION, f"modifies {after.text!r}"), role
        if after.low in lex.governed and "-" not in words[-1].text:  # "the Clinton administration"
            # ("the" is the noun's; "the Clinton-Gore administration" names two)
            cues.append(Cue(K.GOVERNS, 2.0, after.text))
            shielded = True
    bracket_or_comma = text.startswith(("(", ",", " (", " ,"), end)
    if bracket_or_comma and AGE.match(text, end):
        cues.append(_AGE)
    elif bracket_or_comma:
        acronym = _own_acronym(words, end, ctx)
        if acronym:
            return Rejection(Reject.ORGANISATION, f"its own acronym {acronym!r}"), role
        found = _affiliation(words, end, ctx)
        if found:
            cues.append(found)
    found = _apposition(i1, end, ctx) if bracket_or_comma else None
    if found:
        role, cue = role or found[0], found[1]
        cues.append(cue)
    if not (role or nat or shielded):
        against = _context_against(before, lex, bool(gender) and len(words) > 1)
        if against:
            cues.append(against)
    if lone_opener:
        cues.append(_OPENER)
    if start > 0 and text[start - 1:start] in "\"“‘'" and text[end:end + 1] in "\"”’'":
        return Rejection(Reject.ORGANISATION, "a quoted title"), role
    strong = role or nat or any(c.kind in STRONG for c in cues)
    if not strong and (is_city(name) or (len(words) > 1 and not gender
                                         and any(is_city(w.text) for w in words[1:]))):
        return Rejection(Reject.PLACE, "city name"), role
    return None, role
