"""A name that only says whose relative or aide took part ("Elian's father", "McKinnon's
spokeswoman", "de advocaat van Michael P."): the possessed person acts, not the one named."""
from __future__ import annotations

import re

from extract.persons import lexicon
from extract.records import PersonMention

_WORDS = re.compile(r"\w+")


def possessor(before: list[str], after: list[str], prepositions: dict, lex) -> bool:
    """Do the words around a mention make it the possessor of a person noun? `before` and
    `after`: the words up to and from the mention. A relative counts after the name or
    before "of" ("the mother of Elian"); a role only after a genitive or before "of"
    ("Danny Rose, speler van Tottenham" is an apposition)."""
    genitive = after[:1] == ["s"]  # "'s" splits into "s"
    rest = after[1:] if genitive else after
    if any(_relation(w, lex) or genitive and _role_noun(w, lex) for w in rest[:2]):
        return True
    if len(before) >= 2 and prepositions.get(before[-1].lower()) == "of":
        return _relation(before[-2], lex) or _role_noun(before[-2], lex)
    return len(before) >= 3 and prepositions.get(before[-2].lower()) == "of" and _relation(before[-3], lex)


def possessor_of_speaker(text: str, m: PersonMention, start: int, end: int, prepositions: dict,
                         lang: str, speech_verbs: frozenset[str]) -> bool:
    """"McKinnon's spokeswoman said Friday", "een vriend van X zei": the mention names
    whose relative or aide speaks, and the speech verb follows the possessed noun within a
    few words (a clause between them is skipped: "Kopp's stepmother, who married ...,
    said")."""
    if m.kind != "name":
        return False
    before = _WORDS.findall(text, max(start, m.start_char - 25), m.start_char)
    after = _WORDS.findall(text, m.end_char, min(end, m.end_char + 40))[:3]
    if not possessor(before, after, prepositions, lexicon.get(lang)):
        return False
    tail = text[m.end_char:end]
    if tail[:1] == ",":
        return False
    tail = re.sub(r",[^,]*,", " ", tail, count=1)  # a relative clause or apposition
    return any(w in speech_verbs for w in _WORDS.findall(tail.lower())[:5])


def _relation(word: str, lex) -> bool:
    if lex.is_relation(word):
        return True
    low = word.lower()
    return any(low.endswith(e) and lex.is_relation(low[:-len(e)]) for e in lex.plural_endings)


def _role_noun(word: str, lex) -> bool:
    """'spokeswoman', 'advocaat', 'aides': a lower-case role noun, one person or several."""
    return word.islower() and bool(lex.is_role(word) or lex.is_role_plural(word))
