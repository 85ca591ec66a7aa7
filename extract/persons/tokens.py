"""Word tokens with offsets, and the shapes the recognizers test them for."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"('t\b|\d+-\w+(?:-\w+)*|\w+(?:[-'’]\w+)*)(\.)?", re.UNICODE)
_QUOTE_OPEN = "\"“„«‘‚"


class Token(NamedTuple):
    """A word; a tuple because articles have tens of thousands of them."""
    start: int
    end: int
    text: str          # without a trailing dot
    dot: bool          # a dot followed the word
    initial: bool      # first word of a sentence, a line, a quote or after a colon
    low: str = ""      # the word in lower case


# where a sentence, line, quote or list item may start: after . ! ? : and line breaks,
# past spaces, opening quotes and brackets
_OPENING = re.compile(r"(?:^|[.!?:\n\r…•|][\"”»’]?|[\"”»’](?<=[.!?][\"”»’]))[ \t\"“„«‘‚'(\[]*", re.M)


class Scan(NamedTuple):
    """Everything the recognizers need from one pass over the words of a text."""
    toks: list[Token]
    index: dict[int, int]      # start offset -> position in toks
    caps: list[int]            # positions of words that start with a capital
    lower: set[str]            # words written in lower case somewhere in the text
    hits: list[int]            # positions of words (lower-cased) in the watch set


def scan(text: str, watch: frozenset[str] = frozenset()) -> Scan:
    starts = {m.end() for m in _OPENING.finditer(text)}
    toks, index, caps, lower, hits = [], {}, [], set(), []
    append, make = toks.append, Token._make
    k = 0
    for m in _WORD.finditer(text):
        word, dot = m.groups()
        first = word[0]
        if first == "_":
            continue
        s, low = m.start(), word.lower()
        if first.isupper():
            caps.append(k)
        elif first.islower():
            lower.add(low)
        if low in watch:
            hits.append(k)
        index[s] = k
        append(make((s, s + len(word), word, dot is not None, s in starts, low)))
        k += 1
    return Scan(toks, index, caps, lower, hits)


def tokenize(text: str) -> list[Token]:
    starts = {m.end() for m in _OPENING.finditer(text)}
    out = []
    append, make = out.append, Token._make
    for m in _WORD.finditer(text):
        word = m.group(1)
        if word[0] == "_":
            continue
        s = m.start()
        append(make((s, s + len(word), word, m.group(2) is not None, s in starts, word.lower())))
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
