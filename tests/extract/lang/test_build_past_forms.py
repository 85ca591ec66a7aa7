"""The Dutch past-form builder (extract/lang/nl/build_past_forms.py) and the list it wrote."""
from __future__ import annotations

import importlib.util

import pytest

from extract import lang as resources

_spec = importlib.util.spec_from_file_location("build_past_forms", resources.LANG_DIR / "nl" / "build_past_forms.py")
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)

VERBS = {"proberen", "slagen", "lopen", "terugzien", "zien", "doen", "maken", "rechtmaken", "leven"}
OTHER = {"goed", "daad"} | {f for w in ("daad",) for f in builder.inflections(w)}


@pytest.mark.parametrize("form,lemma,past", [
    ("probeerde", "proberen", True), ("slaagden", "slagen", True), ("liep", "lopen", True),
    ("liepen", "lopen", True), ("loop", "lopen", False), ("loopt", "lopen", False),
    ("gelopen", "lopen", False), ("lopende", "lopen", False), ("terugziet", "terugzien", False),
    ("zie", "zien", False), ("leef", "leven", False), ("rechtgemaakte", "rechtmaken", False),
    ("daden", "doen", False),  # also the plural of "daad"
    ("goede", "goed", False),  # no verb
])
def test_which_forms_are_past(form, lemma, past):
    assert builder.is_past(form, lemma, VERBS, OTHER) is past


def test_noun_and_adjective_inflections():
    assert {"daden", "grote", "brieven", "ballen"} <= (builder.inflections("daad") | builder.inflections("groot")
                                                       | builder.inflections("brief") | builder.inflections("bal"))


def test_the_built_list_is_clean_and_holds_no_other_tense_cue():
    forms = resources.load("nl", "past_forms")
    assert len(forms) > 10_000 and len(set(forms)) == len(forms)
    assert all(f.isalpha() and f == f.lower() for f in forms)
    tense = resources.load("nl", "tense")
    other = {w for key in ("future", "present", "weak_future") for w in tense.get(key, [])}
    assert not other & set(forms)
    assert {"probeerde", "slaagden", "ondernam"} <= set(forms)
    assert not {"zou", "mag", "zal", "goede", "daden"} & set(forms)
