"""Guideline constraints (ANNOTATION.md section 4) that no weight of evidence overrides."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import document
from extract.linking import features
from extract.linking.rules import Veto
from extract.records import Article, TimeMention


def vetoes(text, phrase, lang):
    d = dt.date(2022, 5, 28)
    s = text.index(phrase)
    t = TimeMention(s, s + len(phrase), phrase, "DATE", "2022-05-28", "day", d, d)
    doc = document.build(Article("x", text, dt.datetime(2022, 5, 3), lang), timexes=[t])
    return {c.person: c.veto for c in features.candidates(doc)}


CASES = [
    # text, date, lang, person, the veto (None: allowed)
    ("Volgens Xander van der Wulp tekent Kylian Mbappé op 28 mei.", "op 28 mei", "nl",
     "Xander van der Wulp", Veto.SOURCE),
    ("Kylian Mbappé will leave on June 30, according to Fabrizio Romano.", "on June 30", "en",
     "Fabrizio Romano", Veto.SOURCE),
    ('Carlo Ancelotti sprak. "Karim Benzema wint eind dit jaar de prijs", zei Ancelotti.',
     "eind dit jaar", "nl", "Carlo Ancelotti", Veto.SPEAKER_ABOUT_OTHERS),
    ('Harry Reid sprak. "Ik zie er morgen tegenop", zei Reid.', "morgen", "nl", "Harry Reid", None),
    ("Steve Jobs zei dat Apple vorig jaar veel Macs verkocht.", "vorig jaar", "nl",
     "Steve Jobs", Veto.REPORTER),
    ("Carlo Ancelotti sluit niet uit dat Karim Benzema eind dit jaar wint.", "eind dit jaar",
     "nl", "Carlo Ancelotti", Veto.REPORTER),
    ("Carlo Ancelotti zei dat hij eind dit jaar stopt.", "eind dit jaar", "nl", "Carlo Ancelotti", None),
    # a relative clause inside the reported one is about its antecedent, not the reporter
    ("Jan Jansen zegt dat de fabriek, die sinds 1960 auto's bouwt, sluit.", "sinds 1960", "nl",
     "Jan Jansen", Veto.REPORTER),
    ("Jan Jansen, die sinds 1960 auto's bouwt, zegt dat hij stopt.", "sinds 1960", "nl", "Jan Jansen", None),
    # a reported clause without "that" whose subject is another person named right after the verb
    ("Yuri Gremitskikh said special ambassador Mikhail Sytenko left Tuesday for talks.", "Tuesday",
     "en", "Yuri Gremitskikh", Veto.REPORTER),
    ("Yuri Gremitskikh said Mikhail Sytenko was wrong, in an interview on Tuesday.", "on Tuesday",
     "en", "Yuri Gremitskikh", None),
    ("Yuri Gremitskikh said Tuesday Mikhail Sytenko was wrong.", "Tuesday", "en", "Yuri Gremitskikh", None),
    # "has reported that" reports
    ("Chief executive Alan Mulally has reported that Ford will rename the car for the 2008 model year.",
     "2008", "en", "Alan Mulally", Veto.REPORTER),
    ("Karim Benzema could win the Ballon d'Or at the end of this year, Carlo Ancelotti believes.",
     "at the end of this year", "en", "Carlo Ancelotti", Veto.SPEECH_TAG),
    ("Carlo Ancelotti wees op de plaatsing van Canada voor het WK, de eerste deelname sinds 1986.",
     "sinds 1986", "nl", "Carlo Ancelotti", Veto.APPOSITION_OF_THING),
    ("Op het feest sprak Mark Rutte, de premier sinds 2010.", "sinds 2010", "nl", "Mark Rutte", None),
    # a name between an article and a noun says which thing; it does no part in it
    ("Dr. Barnett Slepian was shot dead. Investigators found a rifle behind the Slepian home on Friday.",
     "on Friday", "en", "Barnett Slepian", Veto.NAME_AS_MODIFIER),
    ("Bill Clinton spoke. The country joined in 1999, led by the Clinton administration.", "in 1999",
     "en", "Bill Clinton", Veto.NAME_AS_MODIFIER),
    ("Recep Tayyip Erdogan won. Bij het referendum in 2017 lukt het Erdogan niet te winnen.",
     "in 2017", "nl", "Recep Tayyip Erdogan", None),
    ("The Senate heard Bill Clinton on Friday.", "on Friday", "en", "Bill Clinton", None),
    # the day something was said is not the day of those named in what was said
    ("Fidel Castro spoke. Castro declared Wednesday that Elian Gonzalez will go home.", "Wednesday",
     "en", "Elian Gonzalez", Veto.REPORTED_PERSON),
    ("Heiko Maas zei gisteren dat Duitsland oppositieleider Juan Guaidó steunt.", "gisteren", "nl",
     "Juan Guaidó", Veto.REPORTED_PERSON),
    ("Heiko Maas zei gisteren dat Duitsland oppositieleider Juan Guaidó steunt.", "gisteren", "nl",
     "Heiko Maas", None),
    # an English report without "that": the clause has its own subject
    ("Paul Lego spoke. Mr. Lego said the company foresees growth throughout the 1990s.",
     "the 1990s", "en", "Paul Lego", Veto.REPORTER),
    ("Paul Lego spoke. Mr. Lego said Thursday he will leave.", "Thursday", "en", "Paul Lego", None),
    # a date in a comparison places nothing
    ("Klaus Ross was vrolijk. Gisteren praatte Ross alsof hij morgen zijn kliniek weer opende.",
     "morgen", "nl", "Klaus Ross", Veto.HYPOTHETICAL),
    ("Mary Jones smiled as if she had won the title on Sunday.", "on Sunday", "en", "Mary Jones",
     Veto.HYPOTHETICAL),
    ("Klaus Ross was vrolijk. Gisteren praatte Ross alsof hij morgen zijn kliniek weer opende.",
     "Gisteren", "nl", "Klaus Ross", None),
    # a relative or aide of the person named speaks: the day is theirs
    ("Don McKinnon flew home. McKinnon's spokeswoman said Friday that talks went on.", "Friday", "en",
     "Don McKinnon", Veto.RELATIVE_SPEAKS),
    ("James Kopp fled. Kopp's stepmother, who married Kopp's father in 1970, said Thursday he "
     "should come forward.", "Thursday", "en", "James Kopp", Veto.RELATIVE_SPEAKS),
    ("Michael P. zweeg. De advocaat van Michael P. zei dinsdag dat hij in beroep gaat.", "dinsdag",
     "nl", "Michael P.", Veto.RELATIVE_SPEAKS),
    ("Michael P. zweeg. De advocaat van Michael P. stierf dinsdag.", "dinsdag", "nl", "Michael P.", None),
    ("Danny Rose, speler van Tottenham, zei vorige maand dat hij klaar is.", "vorige maand", "nl",
     "Danny Rose", None),
]


@pytest.mark.parametrize("text,phrase,lang,person,expected", CASES)
def test_vetoes(text, phrase, lang, person, expected):
    assert vetoes(text, phrase, lang)[person] == expected


GAPPED = [
    # a gapped list: each conjunct's name and date belong together, never across conjuncts
    ("Kiki Bertens won. Tom Okker was derde in 1974, Richard Krajicek vierde in 1999 en Betty "
     "Stöve vijfde in 1977.", "nl",
     {("in 1974", "Tom Okker"): None, ("in 1974", "Richard Krajicek"): Veto.GAPPED_CONJUNCT,
      ("in 1999", "Richard Krajicek"): None, ("in 1977", "Tom Okker"): Veto.GAPPED_CONJUNCT}),
    ("He met the presidents, George W. Bush in 2003 and Barack Obama in 2009.", "en",
     {("in 2003", "George W. Bush"): None, ("in 2003", "Barack Obama"): Veto.GAPPED_CONJUNCT,
      ("in 2009", "George W. Bush"): Veto.GAPPED_CONJUNCT}),
    # not a gapped list: one date, or names listed without dates of their own
    ("Ancelotti, Toni Kroos en Marcelo spraken in 2022 en in 2023 met elkaar.", "nl",
     {("in 2022", "Toni Kroos"): None, ("in 2023", "Marcelo"): None}),
]


@pytest.mark.parametrize("text,lang,expected", GAPPED)
def test_a_gapped_list_keeps_each_date_with_its_own_name(text, lang, expected):
    doc = document.build(Article("x", text, dt.datetime(2019, 5, 17), lang))
    found = {(c.time.text, c.person): c.veto for c in features.candidates(doc)}
    assert {k: found.get(k, "missing") for k in expected} == expected
