"""Clause segments of a sentence, typed by the word that opens them.

A sentence is cut at commas, semicolons, colons, quote marks and complementizers
("dat", "that"). A segment opened by a relative pronoun is `relative` and ends at the next
comma; one opened by a subordinator is `sub`; a complementizer opens `complement`, which
runs to the end of the sentence or quote, or to a comma followed by a (finite-verb-like)
lower-case word; an article after a comma opens an `apposition`; everything else is `main`. Together the main
segments form the main clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import sentences as sentence_mod
from extract.persons.lexicon import Lexicon

_CUT = re.compile(r"(?<!\d)[,:.](?!\d)|[;()]|[\"“”„«»]|\s(?:[-–—_]|--)\s")
_FIRST_WORD = re.compile(r"\w+")


@lru_cache(maxsize=16)
def _complementizers(words: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: str            # main, relative, sub, complement, apposition


def segments(text: str, start: int, end: int, lex: Lexicon,
             names: list[tuple[int, int]] = ()) -> list[Segment]:
    """Segments of text[start:end]; a comma between two names ("Ancelotti, Toni Kroos en
    Marcelo") is a list, not a clause boundary."""
    ends = {e for _, e in names}
    starts = {s for s, _ in names}
    markers = lex.clause
    rel = set(markers.get("relatives", []))
    sub = set(markers.get("subordinators", []))
    comp = set(markers.get("complementizers", []))
    pieces, last = [], start
    for m in _CUT.finditer(text, start, end):
        if m.group() == "," and m.start() in ends and m.end() + 1 in starts:
            continue
        pieces.append((last, m.start()))
        last = m.end()
    pieces.append((last, end))
    # complementizers inside a piece start a new piece, and so do unambiguous relative
    # pronouns right after a content word ("de trainer die Real ... loodste")
    split = []
    word = _complementizers(tuple(sorted(comp)))
    relative = _complementizers(tuple(sorted(rel - comp)))
    closed = lex.function_words | lex.determiners
    for s, e in pieces:
        cuts = [m.start() for m in word.finditer(text, s, e)] if word else []
        if relative:
            cuts += [m.start() for m in relative.finditer(text, s, e)
                     if _after_content_word(text, s, m.start(), closed)]
        cuts = sorted(c for c in cuts if text[s:c].strip())
        bounds = [s, *cuts, e]
        split.extend((a, b) for a, b in zip(bounds, bounds[1:]))
    out: list[Segment] = []
    in_complement = False
    for s, e in split:
        while s < e and text[s].isspace():
            s += 1
        if s >= e:
            continue
        first = _FIRST_WORD.match(text, s, e)
        w = first.group().lower() if first else ""
        if w in comp and not (w in rel and out and text[out[-1].end:s].strip() == ","):
            in_complement = True
            kind = "complement"
        elif in_complement and not (w and w not in lex.function_words and w not in lex.determiners
                                    and w not in rel and w not in sub
                                    and text[s].islower() and text[s - 2:s].strip() == ","):
            kind = "relative" if w in rel else "complement"  # a relative clause nested in it
        else:
            in_complement = False
            kind = "relative" if w in rel else "sub" if w in sub else "main"
            if kind == "main" and w in lex.determiners and out and text[out[-1].end:s].strip() == ",":
                kind = "apposition"  # ", de eerste deelname sinds 1986": about a noun before
        out.append(Segment(s, e, kind))
    return out


MAX_INSERTED = 3  # segments between a subject and the rest of its clause


def resumed_head(text: str, segs: list[Segment], seg: Segment, lex: Lexicon) -> Segment | None:
    """The segment whose clause `seg` resumes after an insertion about the name that ends
    it ("Majoor Marco Kroon, in 2009 door koningin Beatrix onderscheiden ..., de
    Willemsorde, was zondag ..."): `seg` opens in lower case after a comma with no word of
    its own that opens a clause (a connective, a subject pronoun) and quotes nothing; the
    head is the main segment before the insertion, ending in a capitalised word and a comma."""
    i = segs.index(seg) if seg in segs else -1
    if seg.kind != "main" or i < 2 or text[segs[i - 1].end:seg.start].strip() != ",":
        return None
    body = text[seg.start:seg.end]
    first = body.split(maxsplit=1)[0] if body.strip() else ""
    if not first[:1].islower() or any(q in body for q in "'\"‘’“”„«»"):
        return None
    low = first.lower()
    pronoun = lex.pronouns.get(low)
    if low in _openers(lex) or (pronoun and "p" not in pronoun[2:]):
        return None
    return head_before(text, segs, i)


def head_before(text: str, segs: list[Segment], i: int) -> Segment | None:
    """The main segment before segs[i] and an insertion of up to MAX_INSERTED segments
    ending in a capitalised word and a comma (a name the insertion is about), if any."""
    for j in range(i - 2, max(-1, i - 2 - MAX_INSERTED), -1):
        head = segs[j]
        words = text[head.start:head.end].split()
        if head.kind == "main" and words and words[-1][:1].isupper() \
                and text[head.end:segs[j + 1].start].strip() == ",":
            return head
    return None


def _openers(lex: Lexicon) -> frozenset[str]:
    m = lex.clause
    return frozenset({*m.get("relatives", []), *m.get("subordinators", []), *m.get("complementizers", []),
                      *m.get("coordinators", [])})


def _after_content_word(text: str, start: int, at: int, closed: frozenset[str]) -> bool:
    """The word before `at` is a lower-case content word (a noun, in practice): "die" after
    it is a relative pronoun, not the demonstrative of "voor die datum"."""
    before = _LAST_WORD.search(text, start, at)
    return bool(before) and before.group(1).islower() and before.group(1) not in closed


_LAST_WORD = re.compile(r"(\w+)\s+$")
_STOP = re.compile(r"(?<=[a-zà-ÿ0-9)][.!?])[\"”’]?\s+")


def narrow(text: str, start: int, end: int, offset: int, lang: str) -> tuple[int, int]:
    """The part of a sentence around `offset` between full stops the sentence splitter kept
    (it only splits before a capital: "... tijdens de keynote. iCloud en iOS ..."); not at
    an initial or an abbreviation of the language ("On Sept. 2, police ...")."""
    lo, hi = start, end
    for m in _STOP.finditer(text, start, end):
        word = re.search(r"(\w+)[.!?]\W*$", text[max(start, m.start() - 12):m.end()])
        if word and len(word.group(1)) < 2:
            continue  # an initial
        dot = m.start() - 1
        if text[dot] == "." and sentence_mod.is_abbreviation(text, dot, lang):
            continue
        if m.end() <= offset:
            lo = m.end()
        elif m.start() >= offset:
            hi = m.start() + 1
            break
    return lo, hi


def at(segs: list[Segment], offset: int) -> Segment | None:
    for seg in segs:
        if seg.start <= offset < seg.end:
            return seg
    return None
