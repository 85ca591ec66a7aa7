"""'The two presidents', 'beide ministers': a plural role noun after a pair word
(`pair_words.txt`) means two persons the text named in the last few sentences: of
those, the two it has named most.

Each gets a description mention over the same words, so a date in that clause is theirs:
"Kuchma ... Yeltsin ... The two presidents on Friday signed the plan".
"""
from __future__ import annotations

import bisect

from extract.persons.lexicon import Lexicon
from extract.persons.tokens import Token
from extract.records import PersonMention

LOOK_BACK = 4      # sentences back in which the two persons must have been named
SCORE = 0.6        # as a description's


def pair_mentions(text: str, toks: list[Token], hits: list[int], lex: Lexicon,
                  names: list[PersonMention], sent_starts: list[int]) -> list[PersonMention]:
    """Two description mentions for each pair phrase whose two persons are clear; `hits`:
    the positions of the scan's watched words, pair words among them."""
    if not (lex.pair_words or lex.pair_pronouns) or not names:
        return []
    names = sorted(names, key=lambda m: m.start_char)
    starts = [m.start_char for m in names]
    out = []
    for i in hits:
        tok = toks[i]
        if tok.low in lex.pair_pronouns:   # "Beiden kregen ...": the pronoun itself
            for person in _last_two(names[:bisect.bisect_left(starts, tok.start)], sent_starts, tok.start):
                out.append(PersonMention(tok.start, tok.end, tok.text, person, "pronoun",
                                         "pair pronoun: the two persons last named", SCORE))
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or tok.low not in lex.pair_words or text[tok.end:nxt.start] != " " \
                or lex.is_role_plural(nxt.text) is None:
            continue
        start = toks[i - 1].start if i and toks[i - 1].low in lex.determiners \
            and text[toks[i - 1].end:tok.start] == " " else tok.start
        two = _last_two(names[:bisect.bisect_left(starts, start)], sent_starts, start)
        for person in two:
            out.append(PersonMention(start, nxt.end, text[start:nxt.end], person, "description",
                                     "plural description: the two persons last named", SCORE))
    return out


def _last_two(before: list[PersonMention], sent_starts: list[int], at: int) -> list[str]:
    """Of the persons named in the last LOOK_BACK sentences, the two the text has named
    most so far (the story's two), the more recent first on a tie."""
    here = bisect.bisect_right(sent_starts, at) - 1
    recent: dict[str, int] = {}
    for k, m in enumerate(before):
        if here - (bisect.bisect_right(sent_starts, m.start_char) - 1) <= LOOK_BACK:
            recent[m.person] = k
    if len(recent) < 2:
        return []
    counts: dict[str, int] = {}
    for m in before:
        counts[m.person] = counts.get(m.person, 0) + 1
    ranked = sorted(recent, key=lambda p: (-counts[p], -recent[p]))
    return ranked[:2]
