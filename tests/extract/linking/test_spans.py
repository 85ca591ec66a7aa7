"""The stretch of a date's sentence its label reads (`extract.linking.spans`)."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import document
from extract.linking.spans import conjunct, cut_to, without_other_dated_clause
from extract.persons import lexicon
from extract.records import Article


def _doc(text, lang="nl"):
    return document.build(Article("d", text, dt.datetime(2019, 5, 17), lang))


@pytest.mark.parametrize("text,date,expected", [
    ("Gisteren won ze in Rome twee wedstrijden en vandaag treft ze Naomi Osaka.", "vandaag",
     "vandaag treft ze Naomi Osaka."),
    ("Gisteren won ze in Rome twee wedstrijden en vandaag treft ze Naomi Osaka.", "Gisteren",
     "Gisteren won ze in Rome twee wedstrijden"),
    # a list of dates is one clause
    ("In 2014, 2016 en 2018 lukte dat de aanvaller.", "2018", "In 2014, 2016 en 2018 lukte dat de aanvaller."),
])
def test_a_coordinated_clause_of_another_date_is_cut_off(text, date, expected):
    doc = _doc(text)
    t = next(x for x in doc.timexes if x.text == date)
    lo, hi = without_other_dated_clause(text, t, (0, len(text)), doc.timexes, lexicon.get("nl"))
    assert text[lo:hi].strip(" ,") == expected.strip(" ,")


def test_a_gapped_lists_conjunct_and_its_first():
    text = "Kiki Bertens won. Tom Okker was derde in 1974, Richard Krajicek vierde in 1999."
    doc = _doc(text)
    s = doc.sentences[1]
    t = next(x for x in doc.timexes if x.text == "in 1999")
    own, first = conjunct(text, t, list(doc.mentions_between(s.start, s.end)),
                          doc.timexes_between(s.start, s.end), lexicon.get("nl"))
    assert text[own[0]:own[1]].startswith("Richard Krajicek vierde in 1999")
    assert text[first[0]:first[1]] == "Tom Okker was derde in 1974"


def test_cut_to_keeps_the_overlap_or_the_part():
    assert cut_to([(0, 10), (20, 30)], (5, 25)) == [(5, 10), (20, 25)]
    assert cut_to([(0, 3)], (5, 9)) == [(5, 9)]
