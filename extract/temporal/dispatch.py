"""Where a pattern can begin, so that it is tried only at those words.

Scanning every pattern over every character position costs ~0.1 us per position and
pattern; a news article has far fewer words that can open a temporal expression. The
first tokens of a pattern are read from its parsed regex (before the `{concept}`
alternations are expanded): a literal word, a concept (any of its entries' first words),
or a digit. The text is indexed once by the first four letters of each word; a pattern
runs `match()` only at the words whose key it can start with. Optional leading words
are no start: a match found at the word after them is retried from up to three words
before it, so the longest match still wins.
"""
from __future__ import annotations

import re
import re._constants as C  # noqa: N812 - the stdlib's own name
import re._parser as sre_parse
from collections import defaultdict

DIGIT = "#"
DIGITS = frozenset("0123456789")
PREFIX = ">"   # a key that stands for every word key beginning with the rest
MARK_BASE = 0xE000  # private-use code points stand for {concept} placeholders
_QUOTES = {"’": "'", "‘": "'"}


class Anywhere(Exception):
    """The pattern may start with any character: scan it everywhere."""


def key(s: str) -> str | None:
    s = s.lower()
    if not s:
        return None
    c = _QUOTES.get(s[0], s[0])
    if c.isdigit():
        return DIGIT  # expanded to the ten digit keys of `index` by `start_keys`
    if c.isalpha():
        n = 0
        while n < len(s) and n < 4 and s[n].isalpha():
            n += 1
        return s[:n]
    return c


def vocabulary(keys: set[str]) -> re.Pattern:
    """A regex for the word starts whose key is one of `keys`; group 1 is the word's key text.

    Keys shorter than four letters must be whole words; PREFIX keys take any word they begin.
    """
    trie: dict = {}
    for k in keys:
        if k[0] == PREFIX:
            word, tail = k[1:], ""
        elif k[0].isalpha():
            word, tail = k, "" if len(k) >= 4 else r"(?![^\W\d_])"
        else:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault("", set()).add(tail)
    signs = "".join(re.escape(k) for k in keys if len(k) == 1 and not k.isalnum() and k != PREFIX)
    never = r"(?!x)(x)"  # keeps the group count at three
    words = rf"(?={_trie(trie)})([^\W\d_]{{1,4}})" if trie else never
    digits = r"(\d)" if keys & DIGITS else never
    quotes = f"([{signs}’‘])" if signs else never
    # case-sensitive: `index` reads the lower-cased text, which is much faster to scan
    return re.compile(f"(?<!\\w)(?:{words}|{digits})|{quotes}")


def _trie(node: dict) -> str:
    ends = node.get("", set())
    branches = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch != ""]
    if "" in ends:
        branches.append("")  # a stem or a four-letter key: nothing more is needed
    elif ends:
        branches.append(next(iter(ends)))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def index(text: str, vocab: re.Pattern) -> dict[str, list[int]]:
    """Start offsets of the words of a text that some pattern can start with, by key."""
    out: dict[str, list[int]] = defaultdict(list)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for m in vocab.finditer(lowered):
        word, digit, sign = m.groups()
        out[word or digit or _QUOTES.get(sign, sign)].append(m.start())
    return out


def with_markers(regex: str, names: list[str]) -> str:
    """The regex with each {concept} replaced by one private-use character."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: "\\" + "u%04x" % (MARK_BASE + names.index(m.group(1))), regex)


def start_keys(marked_regex: str, names: list[str], first_words: dict[str, set[str]]) -> set[str] | None:
    """Keys a match can start with, or None when it may start anywhere.

    A literal that may continue into more letters ("d" of "d(?:eze|it)") gives a PREFIX key.
    """
    try:
        tokens, nullable = _first(sre_parse.parse(marked_regex, re.IGNORECASE).data)
    except Anywhere:
        return None
    if nullable:
        return None
    keys: set[str] = set()
    for kind, value in tokens:
        if kind == "concept":
            keys |= {key(w) for w in first_words[names[value]]}
        elif kind == "digit":
            keys |= DIGITS
        elif kind == "prefix":
            keys.add(PREFIX + value.lower())
        else:
            keys.add(key(value))
    keys.discard(None)
    if DIGIT in keys:
        keys.discard(DIGIT)
        keys |= DIGITS
    return keys


_WORD_START = re.compile(r"(?<!\w)\w|['’‘€$£¥]")


def extend_left(text: str, pos: int, limit: int = 3, reach: int = 40) -> list[int]:
    """Offsets of up to `limit` words before `pos`, nearest first, within `reach` characters."""
    found = [m.start() for m in _WORD_START.finditer(text, max(0, pos - reach), pos)]
    return found[::-1][:limit]


def positions(keys: frozenset, words: dict[str, list[int]]) -> list[int]:
    """Offsets of the words that a pattern with these start keys can begin at."""
    found: list[int] = []
    for k in keys:
        if k[0] == PREFIX:
            stem = k[1:]
            for wk, offsets in words.items():
                if wk.startswith(stem):
                    found.extend(offsets)
        else:
            offsets = words.get(k)
            if offsets:
                found.extend(offsets)
    return found


def _first(items) -> tuple[set, bool]:
    tokens: set = set()
    i = 0
    while i < len(items):
        op, arg = items[i]
        if op is C.LITERAL:
            if arg >= MARK_BASE:
                tokens.add(("concept", arg - MARK_BASE))
                return tokens, False
            run = ""
            while i < len(items) and items[i][0] is C.LITERAL and items[i][1] < MARK_BASE:
                run += chr(items[i][1])
                i += 1
            whole = len(run) >= 4 or not run[-1].isalpha() or i >= len(items) or _ends_word(items[i])
            if not whole and items[i][0] is C.BRANCH:
                # the parser factors "deze|dit" into "d(?:eze|it)": put the words back together
                try:
                    rest, nullable = _one(*items[i])
                except Anywhere:
                    rest, nullable = set(), True
                if rest and not nullable and all(kind in ("word", "prefix") for kind, _ in rest):
                    return tokens | {(kind, run + r) for kind, r in rest}, False
            tokens.add(("word" if whole else "prefix", run))
            return tokens, False
        t, nullable = _one(op, arg)
        if not nullable:
            return tokens | t, False
        # an optional lead ("de", "het", "om") is not a start: the match is found at the
        # word after it, and `extend_left` then tries the words before
        i += 1
    return tokens, True


def _ends_word(item) -> bool:
    """Whether a literal run is a whole word: what follows cannot be a letter."""
    op, arg = item
    if op in (C.AT, C.ASSERT_NOT, C.ASSERT):
        return True
    if op is C.IN:
        return all(o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT) or
                   o is C.LITERAL and not chr(a).isalpha() for o, a in arg)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        sub = arg[2].data if hasattr(arg[2], "data") else arg[2]
        return arg[0] > 0 and bool(sub) and _ends_word(sub[0])
    if op is C.LITERAL:
        return not chr(arg).isalpha()
    return False


def _one(op, arg) -> tuple[set, bool]:
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True
    if op is C.IN:
        return _charset(arg), False
    if op is C.BRANCH:
        tokens, nullable = set(), False
        for branch in arg[1]:
            t, n = _first(branch.data if hasattr(branch, "data") else branch)
            tokens |= t
            nullable |= n
        return tokens, nullable
    if op is C.SUBPATTERN:
        sub = arg[3]
        return _first(sub.data if hasattr(sub, "data") else sub)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, sub = arg
        t, n = _first(sub.data if hasattr(sub, "data") else sub)
        return t, n or lo == 0
    if op is C.ATOMIC_GROUP:
        return _first(arg.data if hasattr(arg, "data") else arg)
    raise Anywhere(op)


def _charset(items) -> set:
    tokens = set()
    for op, arg in items:
        if op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            tokens.add(("digit", None))
        elif op is C.RANGE and "0" <= chr(arg[0]) and chr(arg[1]) <= "9":
            tokens.add(("digit", None))
        elif op is C.LITERAL:
            ch = chr(arg)
            tokens.add(("digit", None) if ch.isdigit() else ("word", ch))
        else:
            raise Anywhere(op)
    return tokens
