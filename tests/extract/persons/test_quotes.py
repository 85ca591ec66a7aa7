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
    # DPG papers quote with the typewriter apostrophe
    ("'Op de vorige klimaatmars kwamen er zevenduizend', zegt Pelle Berting.",
     ["Op de vorige klimaatmars kwamen er zevenduizend"]),
    ("Zij: 'Zo'n dag vergeet je niet.' Daarna ging ze.", ["Zo'n dag vergeet je niet."]),
    ("Het is 's ochtends, 't regent in 's-Hertogenbosch, zomer '19.", []),   # elisions, no speech
    ("De spelers' kleedkamer en Kees' fiets.", []),                           # possessives
    ("'Eerste alinea.\nTweede zonder sluiting", []),                          # a quote ends in its paragraph
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quote_spans(text, expected):
    assert [text[a:b] for a, b in quotes.spans(text)] == expected


def test_typewriter_quotes_have_their_speaker():
    text = "Theresa May sprak in het parlement. ,,Alleen als er toestemming is, stappen we uit'', zei May."
    mentions = find_persons(text, "nl")
    qs = quotes.find(text, mentions)
    assert [q.speaker for q in qs if q.end - q.start >= 8] == ["Theresa May"]


def test_single_quoted_speech_has_its_speaker():
    text = "Pelle Berting werkt bij Greenpeace. 'Ik loop zondag weer mee', zegt Berting."
    mentions = find_persons(text, "nl")
    qs = quotes.find(text, mentions)
    assert [q.speaker for q in qs] == ["Pelle Berting"]
