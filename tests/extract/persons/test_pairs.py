"""A plural role after a pair word means the story's two persons of the last sentences."""
from __future__ import annotations

import pytest

from extract.persons import find_persons


def meant(text, lang, phrase):
    return sorted(m.person for m in find_persons(text, lang) if m.text == phrase)


@pytest.mark.parametrize("text,lang,phrase,persons", [
    ("President Leonid Kuchma met President Boris Yeltsin in Moscow. The two presidents on "
     "Friday signed the plan.", "en", "The two presidents", ["Boris Yeltsin", "Leonid Kuchma"]),
    ("Premier Mark Rutte sprak met bondskanselier Angela Merkel. De twee regeringsleiders "
     "spraken vrijdag af dat het doorgaat.", "nl", "De twee regeringsleiders",
     ["Angela Merkel", "Mark Rutte"]),
    # of three, the two the story names most
    ("Mark Rutte belde Angela Merkel. Rutte en Merkel spraken. Ook Emmanuel Macron belde. "
     "Beide regeringsleiders waren het eens.", "nl", "Beide regeringsleiders",
     ["Angela Merkel", "Mark Rutte"]),
])
def test_the_two_persons(text, lang, phrase, persons):
    assert meant(text, lang, phrase) == persons


def test_beiden_means_the_two_persons_named_last():
    text = ("De piramide is van Chien Chung Pei, de zoon van architect Leo Mingh Pei. Beiden kregen "
            "begin jaren tachtig carte blanche.")
    assert meant(text, "nl", "Beiden") == ["Chien Chung Pei", "Leo Mingh Pei"]


def test_one_person_named_makes_no_pair():
    assert meant("President Boris Yeltsin came. The two presidents met.", "en", "The two presidents") == []
