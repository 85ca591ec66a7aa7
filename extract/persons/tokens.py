"""Word tokens with offsets, and the shapes the recognizers test them for."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, repeat
from operator import add, is_not, itemgetter
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


_new_token = tuple.__new__  # Token(*fields) without the Python-level __new__ of a NamedTuple


def scan(text: str, watch: frozenset[str] = frozenset()) -> Scan:
    # Built column by column with map/zip/compress, which loop in C: a Python loop per
    # word (tens of thousands per article) was a third of the person stage's time.
    matches = list(_WORD.finditer(text))
    if "_" in text:
        matches = [m for m in matches if m.group(1)[0] != "_"]
    words = list(map(re.Match.group, matches, repeat(1)))
    starts = list(map(re.Match.start, matches))
    lows = list(map(str.lower, words))
    opening = set(map(re.Match.end, _OPENING.finditer(text)))
    columns = zip(starts, map(add, starts, map(len, words)), words,
                  map(is_not, map(re.Match.group, matches, repeat(2)), repeat(None)),
                  map(opening.__contains__, starts), lows)
    toks = list(map(_new_token, repeat(Token), columns))
    firsts = list(map(itemgetter(0), words))
    positions = range(len(words))
    return Scan(toks,
                dict(zip(starts, positions)),
                list(compress(positions, map(str.isupper, firsts))),
                set(compress(lows, map(str.islower, firsts))),
                list(compress(positions, map(watch.__contains__, lows))))


def tokenize(text: str) -> list[Token]:
    return scan(text).toks


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
    return tok.dot and len(tok.text) == 1 and tok.text.isupper()


def strip_possessive(word: str) -> str:
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word
