"""Word tokens with offsets, and the shapes the recognizers test them for."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"('t\b|\d+-\w+|\w+(?:[-'’]\w+)*)(\.)?", re.UNICODE)
_QUOTE_OPEN = "\"“„«‘‚"


class Token(NamedTuple):
    """A word; a tuple because articles have tens of thousands of them."""
    start: int
    end: int
    text: str          # without a trailing dot
    dot: bool          # a dot followed the word
    initial: bool      # first word of a sentence, a line, a quote or after a colon
    low: str = ""      # the word in lower case


def _is_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _QUOTE_OPEN or text[i] in "'(["):
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r…•|" or text[i] in "”\"»’" and i > 0 and text[i - 1] in ".!?"


def tokenize(text: str) -> list[Token]:
    out = []
    append = out.append
    for m in _WORD.finditer(text):
        word, dot = m.group(1), m.group(2) is not None
        if word[0] == "_":
            continue
        s = m.start()
        # only a capitalised word needs to know whether it opens a sentence
        initial = word[0].isupper() and _is_sentence_start(text, s)
        append(Token(s, s + len(word), word, dot, initial, word.lower()))
    return out


_PARTS = re.compile(r"[-'’]")


@lru_cache(maxsize=200_000)
def is_cap(word: str) -> bool:
    """A capitalised name-like word: 'Ancelotti', 'Jean-Claude', 'McNab', not 'CEO' or 'Real-coach'."""
    if not word[:1].isupper():
        return False
    parts = _PARTS.split(word)
    if not parts or not parts[0]:
        return False
    first = parts[0]
    if not first[0].isupper() or not first[0].isalpha():
        return False
    if len(first) > 1 and first.isupper():
        return False  # an acronym, or an all-caps headline
    for part in parts[1:]:
        if part and part[0].islower() and part not in ("s",):
            if len(part) > 2:
                return False  # a compound with a common noun: Real-coach, Apple-evenement
    return any(c.islower() for c in word) or len(word) == 1


def is_initial(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isupper() and tok.dot


def strip_possessive(word: str) -> str:
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word
