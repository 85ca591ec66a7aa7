"""Held-out link errors are counted by where the person stands and whom the gold names."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("sklearn")
from evaluation.cv_errors import Scored, kind, place  # noqa: E402
from evaluation.linker_data import Example  # noqa: E402


def _m(kind_: str, person: str = "A"):
    return SimpleNamespace(kind=kind_, person=person)


def _scored(mentions, label: bool, p: float) -> Scored:
    return Scored(Example("d", "nl", SimpleNamespace(mentions=tuple(mentions)), label), p, 0.5)


def test_place_tells_named_reference_and_out_of_sentence_apart():
    assert place(SimpleNamespace(mentions=(_m("pronoun"), _m("name"))), [_m("name")]) == "in:name"
    assert place(SimpleNamespace(mentions=(_m("description"),)), [_m("description")]) == "in:reference"
    assert place(SimpleNamespace(mentions=()), []) == "out:empty"
    assert place(SimpleNamespace(mentions=()), [_m("pronoun", "B"), _m("name", "B")]) == "out:others"
    assert place(SimpleNamespace(mentions=()), [_m("pronoun", "B")]) == "out:references"


def test_false_positives_say_whether_the_date_is_anybody_s():
    fp = _scored([_m("name")], False, 0.9)
    assert fp.outcome == "FP"
    assert kind(fp, [_m("name")], date_has_gold=False) == "FP:in:name:nobody"
    assert kind(fp, [_m("name")], date_has_gold=True) == "FP:in:name:other"
    assert kind(_scored([], True, 0.1), [], True) == "FN:out:empty"
    assert kind(_scored([_m("name")], True, 0.5), [_m("name")], True) == "TP:in:name"
