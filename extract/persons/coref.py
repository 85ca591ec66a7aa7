"""Pronouns and descriptions resolved to the most salient fitting person.

Salience of a person for a reference in sentence s (higher wins):
    -1.0 per sentence between the person's last mention and s
    +1.0 when that mention was the first person named in its sentence (the likely subject)
    +1.5 when the description's role class matches the person's known role, -3 when it clashes
    a person whose known nationality differs from the description's is not a candidate
A bare description ("de eigenaar", no adjective, nationality or age) only means a person
already known in that role. Descriptions never mean a person named in their own sentence; a third-person pronoun inside a
quote never means the quote's speaker; "ik" inside a quote is the speaker.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.persons.lexicon import Lexicon, get
from extract.persons.tokens import Token, is_cap
from extract.records import PersonMention

WINDOW = 4  # sentences a reference may look back
PROMINENCE = 0.5  # per log of the person's mentions so far: whom the article is about
_AGE_WORD = re.compile(r"(\d{1,3})-")


@dataclass(frozen=True)
class PronounForm:
    """A pronoun's features as `pronouns.txt` gives them: gender (m, f, x), person (1, 3),
    `v` for a form that is also a verb ("zijn": his / to be), which counts only where a
    possessive can stand, `p` for a possessive, `a` for a form that is also plural ("ze":
    she / they), which counts only beside a singular verb."""
    gender: str
    person: int
    also_verb: bool = False
    possessive: bool = False
    plural_too: bool = False

    @classmethod
    @lru_cache(maxsize=64)
    def parse(cls, features: str | None) -> PronounForm | None:
        if not features or len(features) < 2 or not features[1].isdigit():
            return None
        return cls(features[0], int(features[1]), "v" in features[2:], "p" in features[2:], "a" in features[2:])


_LAST_WORD = re.compile(r"(\w+)[\s(]*$")


def possessive_position(text: str, tok: Token, lang: str) -> bool:
    """'op zijn 67e verjaardag', 'Zijn EK ging mis': after a preposition or opening a
    sentence, a form that is also a verb is the possessive."""
    after = _NEXT_WORD.match(text, tok.end, tok.end + 30)
    if not after or after.group(1).lower() in _closed_words(lang):
        return False  # "de gevolgen van zijn voor ons": the verb, at a clause end
    if tok.initial:
        return True
    before = _LAST_WORD.search(text, max(0, tok.start - 30), tok.start)
    return bool(before) and before.group(1).lower() in _prepositions(lang)


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")
_PREVIOUS_WORD = re.compile(r"(\w+)[ \t]+$")


def beside_singular_verb(text: str, tok: Token, lex: Lexicon) -> bool:
    """A finite verb in the singular right after the pronoun or right before it ("Ze
    overleed", "zei ze"): the clause_markers' singular verbs and endings, or a known past
    form without a plural ending."""
    singular = set(lex.clause.get("singular_verbs", ()))
    endings = tuple(lex.clause.get("singular_verb_endings", ()))
    plural = tuple(lex.clause.get("plural_verb_endings", ()))
    after = _NEXT_WORD.match(text, tok.end, tok.end + 30)
    before = _PREVIOUS_WORD.search(text, max(0, tok.start - 30), tok.start)
    for m in (after, before):
        if m is None:
            continue
        w = m.group(1).lower()
        if w in singular or (w in lex.verb_forms and not w.endswith(plural)):
            return True
        if m is after and endings and w.endswith(endings) and len(w) > 3 and w not in lex.function_words:
            return True
    return False


@lru_cache(maxsize=None)
def _closed_words(lang: str) -> frozenset[str]:
    lex = get(lang)
    return lex.function_words | lex.determiners | _prepositions(lang)


@lru_cache(maxsize=None)
def _prepositions(lang: str) -> frozenset[str]:
    from extract import lang as resources
    return frozenset(k.lower() for k in resources.load(lang, "prepositions")) \
        if resources.has(lang, "prepositions") else frozenset()


NATIONALITY_KNOWN = 3.0   # a description's nationality that the text gave a person before


@dataclass
class Person:
    name: str
    gender: str = ""              # m, f or "" (unknown)
    role: str = ""
    nationality: str = ""
    age: str = ""
    roles: set = field(default_factory=set)
    role_nouns: set = field(default_factory=set)   # the very words: "minister", "kamerlid"


@dataclass(frozen=True)
class Description:
    start: int
    end: int
    text: str
    role: str
    nationality: str
    age: str
    modified: bool = False   # words before the head ("de ervaren coach", "de VVD-leider")
    definite: bool = True    # "a Pentagon spokesman" introduces someone: never an earlier person
    gender: str = ""         # "f" when the head says so ("de zangeres")


def descriptions(text: str, toks: list[Token], lex: Lexicon, at: list[int] | None = None,
                 indefinite_at=None) -> list[Description]:
    """'de Italiaanse coach', 'de Fransman', 'de 62-jarige trainer', 'De ervaren Real-coach',
    'a Pentagon spokesman'. `at`: positions of candidate articles, when the caller has them;
    `indefinite_at(tok)`: where an indefinite one can mean somebody (all places if None)."""
    definite = set(lex.clause.get("definite", ["de", "het", "the"]))
    indefinite = set(lex.clause.get("indefinite", ()))
    out = []
    n = len(toks)
    for i in (range(n) if at is None else at):
        tok = toks[i]
        if tok.low not in definite and (tok.low not in indefinite
                                        or indefinite_at is not None and not indefinite_at(tok)):
            continue
        nat, age = "", ""
        for j in range(i + 1, min(i + 5, n)):
            t = toks[j]
            if text[toks[j - 1].end:t.start] != " ":
                break
            d, role, noun_too, age_word, adverb, stop = _word(lex.lang, t.text)
            if role or (noun_too and _is_noun_demonym(t.text, toks, j, lex, j > i + 1)):
                nxt = toks[j + 1] if j + 1 < n else None
                if nxt is not None and text[t.end:nxt.start] == " " and is_cap(nxt.text) and not nxt.initial \
                        and (nxt.low not in lex.function_words or nxt.low in lex.particles):
                    break  # an apposition before a name: "de Franse aanvaller Kylian Mbappé", "de coach De Boer"
                out.append(Description(tok.start, t.end, text[tok.start:t.end], role or "",
                                       d or nat, age, j > i + 1 or "-" in t.text, tok.low in definite,
                                       lex.role_gender(t.text)))
                break
            if d:
                nat = d
                continue
            if age_word:
                age = age_word
                continue
            if adverb:
                continue  # "De inmiddels 62-jarige trainer"
            if stop and _modifies_role(t, toks, j, text, lex):
                continue  # "De Peruaanse middenvelder", "The Pentagon spokesman": a modifier
            if stop:
                break
    return out


def _modifies_role(t: Token, toks: list[Token], j: int, text: str, lex: Lexicon) -> bool:
    """A capitalised word the lexicon does not know, right before a role noun: a nationality,
    city or organisation that modifies the role, not the start of a name."""
    if not t.text[:1].isupper() or t.low in lex.function_words or t.low in lex.pronouns:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and text[t.end:nxt.start] == " " and not is_cap(nxt.text) \
        and lex.is_role(nxt.text) is not None


@lru_cache(maxsize=20_000)
def _word(lang: str, word: str) -> tuple[str | None, str | None, bool, str, bool, bool]:
    """What a word after an article says for a description, in context-free parts:
    (nationality, role class, nationality noun, age, adverb, ends the phrase)."""
    lex = get(lang)
    low = word.lower()
    d = lex.demonym(word) if word[:1].isupper() else None
    role = lex.is_role(word) if not is_cap(word) or "-" in word else None
    if role is None and d is None and low in lex.roles:
        role = lex.roles[low]
    age = _AGE_WORD.match(word)
    return (d, role, bool(d and lex.is_noun_too(word)), age.group(1) if age else "",
            low in lex.clause.get("description_adverbs", ()),
            is_cap(word) or low in lex.function_words or low in lex.pronouns)


def _is_noun_demonym(word: str, toks: list[Token], j: int, lex: Lexicon, modified: bool = False) -> bool:
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None:
        return True
    if lex.is_adjective(word):
        if nxt.text[:1].isupper() or lex.is_role(nxt.text):
            return False  # "the Brazilian Bovespa", "the Italian coach": it modifies what follows
        # "the Italian company" or "the Italian said"? Only an age or adjective before it
        # ("the 62-year-old Italian led") or a function word after it settles it
        return modified or nxt.start - toks[j].end > 1 or nxt.low in lex.function_words \
            or nxt.low in lex.speech_verbs
    return True  # a noun-only word ("Fransman", "Frenchman")


def salient(persons: dict[str, Person], history: list[tuple[int, str, bool]], sent: int,
            exclude: set[str], role: str = "", nationality: str = "", gender: str = "",
            age: str = "", strict: bool = False, counts: dict[str, int] | None = None,
            opens_sentence: bool = False, noun: str = "") -> str | None:
    """The best candidate among persons mentioned in the last WINDOW sentences. `strict`
    (a bare "de eigenaar"): only a person already known in that role qualifies, or, when
    the description opens its sentence ("De middenvelder maakte..."), the one person
    mentioned in this sentence and the one before, if the text never gave their role.
    `noun`: the description's own role word; a person the text gave that very word ("De
    minister" after "minister Dekker") beats one of the same class under another word
    ("SP-Kamerlid Van Nispen"), which gets no bonus for the class."""
    best, best_score = None, None
    seen = set()
    for s_idx, name, subject in reversed(history):
        if sent - s_idx > WINDOW:
            break  # the history is in text order
        if name in seen or name in exclude:
            continue
        seen.add(name)
        p = persons.get(name)
        if p is None:
            continue
        if nationality and p.nationality and p.nationality != nationality:
            continue
        if gender and p.gender and gender != "x" and p.gender not in (gender, "x"):
            continue
        if age and p.age and p.age != age:
            continue
        if strict and (role in ("", "any") or role not in p.roles) and not (
                opens_sentence and role not in ("", "any") and not p.roles - {"any"}
                and _sole_recent(history, sent, exclude) == name):
            continue
        score = -1.0 * (sent - s_idx) + (1.0 if subject else 0.0)
        if counts:
            score += PROMINENCE * math.log1p(counts.get(name, 0))
        if role and role != "any" and p.roles - {"any"}:
            if noun and p.role_nouns and role in p.roles:
                score += 3.0 if noun in p.role_nouns else 0.0
            else:
                score += 1.5 if role in p.roles else -3.0
        if nationality and p.nationality == nationality:
            score += NATIONALITY_KNOWN  # "De Rus" after "De 23-jarige Rus" named Medvedev: him
        if best_score is None or score > best_score:
            best, best_score = name, score
    return best


def _sole_recent(history: list[tuple[int, str, bool]], sent: int, exclude: set[str]) -> str | None:
    """The one person mentioned in this sentence and the one before, if only one is."""
    names = set()
    for s_idx, name, _ in reversed(history):
        if sent - s_idx > 1:
            break
        if name not in exclude:
            names.add(name)
    return next(iter(names)) if len(names) == 1 else None


def role_noun(word: str) -> str:
    """The role word as `Person.role_nouns` keeps it: lower case, a compound's head
    ("SP-Kamerlid": "kamerlid", "oud-minister": "minister")."""
    return word.lower().rsplit("-", 1)[-1]


def learn(p: Person, role: str = "", nationality: str = "", age: str = "", gender: str = "",
          noun: str = "") -> None:
    if noun:
        p.role_nouns.add(role_noun(noun))
    if gender and p.gender in ("", "x"):
        p.gender = gender   # "de zangeres Lady Gaga": her first name gave none
    if role:
        p.roles.add(role)
    if nationality and not p.nationality:
        p.nationality = nationality
    if age and not p.age:
        p.age = age


def pronoun_mention(tok: Token, person: str, rule: str, score: float,
                    speaker_self: bool = False) -> PersonMention:
    return PersonMention(tok.start, tok.end, tok.text, person, kind="pronoun", rule=rule, score=score,
                         speaker_self=speaker_self)
