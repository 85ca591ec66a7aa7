"""Descriptions ("de Peruaanse middenvelder") resolved to the person they refer to."""
from __future__ import annotations

import pytest

from extract.persons import find_persons


def descriptions(text, lang):
    return [(m.text, m.person) for m in find_persons(text, lang) if m.kind == "description"]


@pytest.mark.parametrize("text,lang,expected", [
    # a nationality (or city, club) adjective the demonym list does not know, before a role
    ("Renato Tapia wil blijven. De Peruaanse middenvelder heeft een contract tot medio 2020.",
     "nl", ("De Peruaanse middenvelder", "Renato Tapia")),
    ("Kenneth Bacon spoke first. The Pentagon spokesman said on Thursday that troops stay.",
     "en", ("The Pentagon spokesman", "Kenneth Bacon")),
])
def test_capitalised_modifier_before_a_role(text, lang, expected):
    assert expected in descriptions(text, lang)


def test_a_capitalised_word_before_a_name_is_no_description():
    text = "De Franse aanvaller Kylian Mbappé tekende. De Franse krant schreef erover."
    assert ("De Franse krant", "Kylian Mbappé") not in descriptions(text, "nl")
