"""The token scan is built column by column for speed; it must equal the plain per-word loop."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.persons.tokens import Token, scan

_WORD = re.compile(r"('t\b|\d+-\w+(?:-\w+)*|\w+(?:[-'’&]\w+)*)(\.)?")
_OPENING = re.compile(r"(?:^|[.!?:\n\r…•|][\"”»’]?|[\"”»’](?<=[.!?][\"”»’]))[ \t\"“„«‘‚'(\[]*", re.M)


def reference(text, watch):
    """The scan as one loop per word (the definition the fast scan must keep)."""
    starts = {m.end() for m in _OPENING.finditer(text)}
    toks, caps, lower, hits = [], [], set(), []
    for m in _WORD.finditer(text):
        word, dot = m.groups()
        if word[0] == "_":
            continue
        s, low = m.start(), word.lower()
        if word[0].isupper():
            caps.append(len(toks))
        elif word[0].islower():
            lower.add(low)
        if low in watch:
            hits.append(len(toks))
        toks.append(Token(s, s + len(word), word, dot is not None, s in starts, low))
    return toks, [t.start for t in toks], caps, lower, hits


PIECES = ["Carlo", "de", "Jong", "'t", "62-jarige", "O'Neill", "zo’n", "M&S", "&", "_x", "a_b", "J.", "Jr.", "...",
          ".\"", "”", "“", "‘", "’", "«", "(", "[", ":", "!", "?", "…", "•", "|", "\n", "\r\n", "\t",
          "  ", "İ", "ß", "Σ", "ſ", "中文", "3.5", "1-0", ",", "_"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60).map("".join)
WATCH = frozenset({"de", "het", "the", "hij", "zij"})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_scan_equals_the_per_word_loop(text):
    sc = scan(text, WATCH)
    assert (sc.toks, sc.starts, sc.caps, sc.lower, sc.hits) == reference(text, WATCH)
    assert all(type(t) is Token and type(t.dot) is bool for t in sc.toks)


def test_scan_of_a_news_opening():
    sc = scan(' "Hij zei het." De _x van Ajax.', WATCH)
    assert [(t.text, t.initial, t.dot) for t in sc.toks] == [
        ("Hij", True, False), ("zei", False, False), ("het", False, True), ("De", True, False),
        ("van", False, False), ("Ajax", False, True)]
