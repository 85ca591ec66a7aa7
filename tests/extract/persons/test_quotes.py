"""Quoted stretches in every way news writes them, and their speakers."""
from __future__ import annotations

import pytest

from extract.persons import find_persons, quotes

CASES = [
    ('Hij zei: "ja, morgen".', ["ja, morgen"]),
    ("„Dat klopt”, zei Rutte.", ["Dat klopt"]),
    ("‘Wij winnen’, aldus Koeman.", ["Wij winnen"]),
    ("«Nous gagnons», dit-il.", ["Nous gagnons"]),
    (",,Alleen als er toestemming is'', zei May.", ["Alleen als er toestemming is"]),   # Dutch papers
    ("``We are back,'' Adams said Sunday.", ["We are back,"]),                          # English wire
    ("Het kost 3,5 miljoen en zo’n 2,,3 procent.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quote_spans(text, expected):
    assert [text[a:b] for a, b in quotes.spans(text)] == expected


def test_typewriter_quotes_have_their_speaker():
    text = "Theresa May sprak in het parlement. ,,Alleen als er toestemming is, stappen we uit'', zei May."
    mentions = find_persons(text, "nl")
    qs = quotes.find(text, mentions)
    assert [q.speaker for q in qs if q.end - q.start >= 8] == ["Theresa May"]
