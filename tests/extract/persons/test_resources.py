"""Integrity of the person resource files of every language folder: well-formed entries, no
duplicates, no calendar words, one concept per file."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from extract import lang as resources

LANGS = [code for code in resources.languages() if resources.has(code, "person_roles")]
# word lists the person stage reads (compared case-insensitively) ...
WORD_LISTS = ["person_roles", "org_words", "function_words", "relation_nouns", "age_words",
              "plural_endings", "name_particles", "determiners", "location_preps", "speech_verbs",
              "thing_modifiers", "paired_particles", "person_governed", "org_nouns", "org_word_verbs",
              "inhabitant_suffixes", "member_suffixes", "pair_words", "pair_pronouns", "adjective_endings",
              "female_roles"]
# ... and lists whose case matters ("Jr." and "jr." are both suffixes)
CASED_LISTS = ["name_suffixes", "name_joiners", "demonyms", "org_names"]
ROLE_CLASSES = {"any", "artist", "athlete", "cleric", "coach", "employee", "executive", "expert",
                "journalist", "judge", "lawyer", "military", "player", "police", "politician",
                "referee", "royal", "spokesperson", "suspect", "victim"}
DEMONYM = re.compile(r"^[A-Z]{2}( adj| both| bare)?$")


def entries(code: str, concept: str) -> list[str]:
    data = resources.load(code, concept)
    assert isinstance(data, (list, dict)), f"{code}/{concept} is neither a list nor a mapping"
    return list(data)


def calendar(code: str, short: bool) -> set[str]:
    """Month and weekday names; with `short` also their abbreviations ("zo", "di" are also
    function words and particles, which the temporal stage knows)."""
    concepts = ("months", "weekdays") + (("month_abbreviations", "weekday_abbreviations") if short else ())
    return {w.lower() for c in concepts if resources.has(code, c) for w in resources.load(code, c)}


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("concept", WORD_LISTS + CASED_LISTS)
def test_entries_are_well_formed_and_unique(code, concept):
    if not resources.has(code, concept):
        pytest.skip(f"{code} has no {concept} (English is used)")
    words = entries(code, concept)
    assert words, f"{code}/{concept} is empty"
    for w in words:
        assert w == w.strip() and w and "\t" not in w, f"{code}/{concept}: {w!r}"
    keys = [w.lower() for w in words] if concept in WORD_LISTS else words
    dup = [w for w, n in Counter(keys).items() if n > 1]
    assert not dup, f"{code}/{concept} lists twice: {dup}"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("concept", ["person_roles", "org_words", "relation_nouns", "function_words", "person_governed",
                                     "demonyms", "name_particles"])
def test_no_calendar_word(code, concept):
    if not resources.has(code, concept):
        pytest.skip(f"{code} has no {concept}")
    short = concept in ("person_roles", "org_words", "relation_nouns", "demonyms")
    clash = {w for w in entries(code, concept) if w.lower() in calendar(code, short)}
    assert not clash, f"{code}/{concept} holds calendar words of the temporal resources: {clash}"


@pytest.mark.parametrize("code", LANGS)
def test_role_classes_are_known(code):
    roles = resources.load(code, "person_roles")
    assert isinstance(roles, dict)
    assert set(roles.values()) <= ROLE_CLASSES, set(roles.values()) - ROLE_CLASSES


@pytest.mark.parametrize("code", LANGS)
def test_female_roles_are_roles(code):
    roles = {w.lower() for w in resources.load(code, "person_roles")}
    loose = {w for w in entries(code, "female_roles") if w.lower() not in roles}
    assert not loose, f"{code}/female_roles.txt holds words person_roles.txt lacks: {loose}"


@pytest.mark.parametrize("code", LANGS)
def test_demonyms_give_a_country_code(code):
    demonyms = resources.load(code, "demonyms")
    bad = {w: v for w, v in demonyms.items() if not DEMONYM.match(v)}
    assert not bad, bad


@pytest.mark.parametrize("code", LANGS)
def test_relation_nouns_are_no_roles(code):
    if not resources.has(code, "relation_nouns"):
        pytest.skip(f"{code} has no relation_nouns")
    roles = {w.lower() for w in resources.load(code, "person_roles")}
    both = {w for w in entries(code, "relation_nouns") if w.lower() in roles}
    assert not both, f"one concept per file: {both} are in person_roles and relation_nouns"


@pytest.mark.parametrize("code", LANGS)
def test_age_words_make_an_age(code):
    from extract.persons.lexicon import get
    lex = get(code)
    for suffix in lex.age_suffixes:
        assert lex.is_age_word(f"52-{suffix}")
    assert not lex.is_age_word("3-1")


@pytest.mark.parametrize("code", LANGS)
def test_org_word_verbs_are_org_words(code):
    if not resources.has(code, "org_word_verbs"):
        pytest.skip(f"{code} has no org_word_verbs")
    org = {w.lower() for w in entries(code, "org_words")}
    stray = {w for w in entries(code, "org_word_verbs") if w.lower() not in org}
    assert not stray, f"{code}/org_word_verbs lists words that are no org words: {stray}"
