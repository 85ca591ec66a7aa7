"""Names that are also places, and places named after people (sentences written for these
tests, not dev data). Strict xfail marks a known miss: a fix makes it fail until the marker
is removed, so the fix is noticed and kept."""
import pytest

from extract.persons import find_persons


def _names(text, lang="nl"):
    return {m.person for m in find_persons(text, lang) if m.kind == "name"}


def test_a_first_name_that_is_also_a_big_city_still_names_a_person():
    text = "Feyenoord heeft Santiago Giménez vastgelegd tot de zomer van 2027. Giménez tekende dinsdag."
    assert "Santiago Giménez" in _names(text)


@pytest.mark.parametrize("lang, text, place", [
    ("nl", "De toestellen gaan vanaf London Heathrow vliegen.", "London Heathrow"),
    ("nl", "Fans in Santiago Bernabéu legden het gesprek vast.", "Santiago Bernabéu"),
])
def test_a_place_after_a_place_preposition_is_not_a_person(lang, text, place):
    assert place not in _names(text, lang)


@pytest.mark.xfail(strict=True, reason="'out of' is not read as a place preposition, and a "
                   "first name that is also a city ('London') gives a person")
def test_english_airport_after_out_of():
    assert "London Heathrow" not in _names("It will fly out of London Heathrow.", "en")


@pytest.mark.xfail(strict=True, reason="a club whose first word is a first name ('Cruz Azul') "
                   "passes as a person; needs a club lexicon or 'speelde bij X' cues")
def test_club_after_played_for_is_not_a_person():
    assert "Cruz Azul" not in _names("De 21-jarige Mexicaan speelde vorig seizoen nog bij Cruz Azul.")


@pytest.mark.parametrize("text", [
    "Kellogg lost share to rival General Mills Inc. this year. General Mills' share is 27%.",
    "An analyst with Dean Witter Reynolds Inc. said so on Friday.",
    "Kopp purports to be a devout Roman Catholic.",
])
def test_a_known_name_that_opens_a_run_is_no_person(text):
    # org_names.txt: checked before a role word splits the run ("General" + "Mills")
    assert find_persons(text, "en") == []
