"""Word tokens with offsets, and the shapes the recognizers test them for."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter, truth
from typing import NamedTuple

# split() with these groups gives [gap, word, "." or "", gap, word, ...]: offsets are the
# running sum of the pieces' lengths, so no match object per word is needed
_WORD = re.compile(r"('t\b|\d+-\w+(?:-\w+)*|\w+(?:[-'’&]\w+)*)(\.?)", re.UNICODE)
_QUOTE_OPEN = "\"“„«‘‚"


class Token(NamedTuple):
    """A word; a tuple because articles have tens of thousands of them."""
    start: int
    end: int
    text: str          # without a trailing dot
    dot: bool          # a dot followed the word
    initial: bool      # first word of a sentence, a line, a quote or after a colon
    low: str = ""      # the word in lower case


# where a sentence, line, quote or list item may start: after . ! ? : and line breaks (and
# a closing quote after them), past spaces, opening quotes and brackets; and at the start
# of the text, past the same
_OPENING = re.compile(r"[.!?:\n\r…•|][\"”»’]?[ \t\"“„«‘‚'(\[]*")
_LEAD = re.compile(r"[ \t\"“„«‘‚'(\[]*")


class Scan(NamedTuple):
    """Everything the recognizers need from one pass over the words of a text."""
    toks: list[Token]
    starts: list[int]          # start offsets in order: bisect finds a word's position
    caps: list[int]            # positions of words that start with a capital
    lower: set[str]            # words written in lower case somewhere in the text
    hits: list[int]            # positions of words (lower-cased) in the watch set


_new_token = tuple.__new__  # Token(*fields) without the Python-level __new__ of a NamedTuple


def scan(text: str, watch: frozenset[str] = frozenset()) -> Scan:
    # Built column by column with split/map/zip/compress, which loop in C: a Python loop
    # per word (tens of thousands per article) was a third of the person stage's time.
    pieces = _WORD.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    words, dots = pieces[1::3], pieces[2::3]
    starts, ends = offsets[1::3][:len(words)], offsets[2::3]  # (offsets also has the text's end)
    if "_" in text:
        keep = [w[0] != "_" for w in words]
        words, dots, starts, ends = (list(compress(col, keep)) for col in (words, dots, starts, ends))
    lows = list(map(str.lower, words))
    lead = _LEAD.match(text).end()
    opening = {lead, *map(re.Match.end, _OPENING.finditer(text, lead))}
    columns = zip(starts, ends, words, map(truth, dots), map(opening.__contains__, starts), lows)
    toks = list(map(_new_token, repeat(Token), columns))
    firsts = list(map(itemgetter(0), words))
    positions = range(len(words))
    return Scan(toks,
                starts,
                list(compress(positions, map(str.isupper, firsts))),
                set(compress(lows, map(str.islower, firsts))),
                list(compress(positions, map(watch.__contains__, lows))))


def tokenize(text: str) -> list[Token]:
    return scan(text).toks


_PARTS = re.compile(r"[-'’]")


@lru_cache(maxsize=200_000)
def is_cap(word: str) -> bool:
    """A capitalised name-like word: 'Ancelotti', 'Jean-Claude', 'McNab', not 'CEO',
    'Real-coach' or a brand joined by an ampersand ('M&S', 'H&M')."""
    if not word[:1].isupper() or "&" in word:
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


_POSSESSIVE = frozenset(("'s", "’s"))


def name_end(tok: Token) -> int:
    """Where a name ending in `tok` ends: after the dot of an initial ("Michael P.")."""
    return tok.end + 1 if tok.dot and len(tok.text) == 1 and tok.text.isupper() else tok.end


def strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in _POSSESSIVE else word
