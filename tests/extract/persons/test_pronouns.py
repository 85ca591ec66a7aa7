"""Pronoun forms from `pronouns.txt`: first person plural in quotes, possessives that are
also verbs."""
from __future__ import annotations

import pytest

from extract.persons import find_persons
from extract.persons.coref import PronounForm


def refs(text, lang):
    return [(m.text, m.person, m.speaker_self) for m in find_persons(text, lang) if m.kind == "pronoun"]


CASES = [
    # "ze" is she beside a singular verb, before or after it
    ("Anna Smit was schrijfster. Ze overleed afgelopen vrijdag.", "nl", ("Ze", "Anna Smit", False)),
    ("Anna Smit won de rit. 'Mooi', zei ze.", "nl", ("ze", "Anna Smit", False)),
    # text, lang, (pronoun, person, speaker_self) expected among the references
    # a name after a preposition is no subject: "hij" goes back to the subject before it
    ("Martin van Geel bleef kopen. Van Geel had weinig geld. Vaak overtuigden ze niet, of het nu gaat om Bilal Basacikoglu "
     "of Sofyan Amrabat. Hij stelde in 2011 Ronald Koeman aan.", "nl", ("Hij", "Martin van Geel", False)),
    # ... but a possessive after one is still the subject's ("na zijn partij")
    ("Peter Jansen kreeg een waarschuwing. Na zijn partij tegen Mark de Vries testte hij "
     "positief. Afgelopen maand weigerde hij een schikking.", "nl", ("hij", "Peter Jansen", False)),
    ('Michel Streur sprak. "We gaan morgen kijken", zei Streur.', "nl", ("We", "Michel Streur", True)),
    ('Manny Diaz spoke. "We will be back tomorrow," Diaz said.', "en", ("We", "Manny Diaz", True)),
    ("Max van Weezel werd opgehaald op zijn 67e verjaardag.", "nl", ("zijn", "Max van Weezel", False)),
    ("Mathieu van der Poel won. Zijn EK ging vorig jaar mis.", "nl", ("Zijn", "Mathieu van der Poel", False)),
    ("Mathieu van der Poel won. Hij heeft z'n fiets terug.", "nl", ("z'n", "Mathieu van der Poel", False)),
    # a possessive in an opening phrase looks ahead to the subject after the comma
    ("Donald Spitz spoke. In his Sunday Mass at St. Patrick's, Cardinal John O'Connor called it wrong.",
     "en", ("his", "John O'Connor", False)),
    ("Mary Jones spoke. In her view, he was wrong.", "en", ("her", "Mary Jones", False)),
    # ... but not past a name that comes before it in its sentence
    ("Scott Ritter led his team on a tour of three sites, U.N. spokesman Alan Dacey said.",
     "en", ("his", "Scott Ritter", False)),
    # "Kim" before a hyphenated given name is a Korean family name, no woman's first name
    ("Kim Jong-un ontmoet Donald Trump. Trump wil een deal. Trump zei het. Volgens Zuid-Korea "
     "heeft Kim Jong-un sinds hij in 2012 aan de macht kwam veel uitgegeven.", "nl",
     ("hij", "Kim Jong-un", False)),
    # a first name of either gender takes the gender of a pronoun that can only be hers, so a
    # later "hij" beside a man is his, not the article's main person's
    ("Dominique Leroy wordt ceo van KPN. Zij komt van Proximus. Leroy is een tegenvaller voor topman "
     "Jan Kees de Jager. Hij werd in 2017 gepasseerd.", "nl", ("Hij", "Jan Kees de Jager", False)),
    ("Casey Smith became chief executive. She came from Proximus. Smith beat finance chief John Baker. "
     "He was passed over in 2017.", "en", ("He", "John Baker", False)),
]


@pytest.mark.parametrize("text,lang,expected", CASES)
def test_pronoun_references(text, lang, expected):
    assert expected in refs(text, lang)


@pytest.mark.parametrize("text", [
    "Mathieu van der Poel en Wout van Aert zijn de favorieten.",
    "Michel Streur sprak. We kijken wat de gevolgen van zijn voor ons speelschema.",
])
def test_zijn_as_a_verb_is_no_reference(text):
    assert [r for r in refs(text, "nl") if r[0] == "zijn"] == []


def test_we_outside_a_quote_means_nobody():
    assert refs("Mark Rutte sprak. We weten het niet.", "nl") == []


@pytest.mark.parametrize("features,expected", [
    ("m3", PronounForm("m", 3)), ("x1", PronounForm("x", 1)), ("m3v", PronounForm("m", 3, True)),
    ("m3vp", PronounForm("m", 3, True, True)),
    ("", None), (None, None), ("m", None),
])
def test_pronoun_features_parse(features, expected):
    assert PronounForm.parse(features) == expected


@pytest.mark.parametrize("text", [
    "Anna Smit en Piet Jansen kwamen. Ze overleden vrijdag.",     # a plural verb: they
    "Anna Smit en Piet Jansen kwamen. Toen waren ze weg.",
])
def test_ze_beside_a_plural_verb_is_they(text):
    assert not any(m.text.lower() == "ze" for m in find_persons(text, "nl"))
