"""Corpus-wide name merging."""
from __future__ import annotations

from extract.persons import merge_corpus_names


def test_surname_alone_takes_the_one_full_name():
    out = merge_corpus_names({"a": ["Carlo Ancelotti"], "b": ["Ancelotti", "Kroos"]})
    assert out[("b", "Ancelotti")] == "Carlo Ancelotti"
    assert out[("b", "Kroos")] == "Kroos"


def test_two_people_with_one_surname_stay_apart():
    out = merge_corpus_names({"a": ["John Smith"], "b": ["Charlie Smith"], "c": ["Smith"]})
    assert out[("a", "John Smith")] == "John Smith"
    assert out[("b", "Charlie Smith")] == "Charlie Smith"
    assert out[("c", "Smith")] == "Smith"


def test_spelling_variants_meet_at_the_accented_form():
    out = merge_corpus_names({"a": ["Vinicius Junior"], "b": ["Vinícius Júnior"]})
    assert out[("a", "Vinicius Junior")] == out[("b", "Vinícius Júnior")] == "Vinícius Júnior"


def test_empty():
    assert merge_corpus_names({}) == {}
    assert merge_corpus_names({"a": []}) == {}
