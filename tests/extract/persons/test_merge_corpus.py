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


def test_a_full_name_in_fewer_documents_does_not_absorb_a_common_surname():
    """Twenty 1990 articles on "President Bush" and one 1998 article on "Jeb Bush": the
    bare "Bush" is not Jeb Bush (found on TempEval-3, where every Bush became Jeb)."""
    docs = {f"d{i}": ["Bush"] for i in range(20)} | {"jeb": ["Jeb Bush"]}
    out = merge_corpus_names(docs)
    assert out[("d0", "Bush")] == "Bush"
    assert out[("jeb", "Jeb Bush")] == "Jeb Bush"


def test_a_full_name_as_widespread_as_the_surname_still_absorbs_it():
    docs = {"a": ["Carlo Ancelotti"], "b": ["Carlo Ancelotti"], "c": ["Ancelotti"], "d": ["Ancelotti"]}
    assert merge_corpus_names(docs)[("c", "Ancelotti")] == "Carlo Ancelotti"
