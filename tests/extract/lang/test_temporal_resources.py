"""Every language that the temporal engine serves has every concept it needs, and they load."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from extract import lang as resources
from extract.temporal import calendar as cal
from extract.temporal.lexicon import GROUP_CONCEPTS, REQUIRED_CONCEPTS, SETTINGS, lexicon

TEMPORAL_LANGUAGES = [code for code in resources.languages() if resources.has(code, "patterns")]


def test_dutch_and_english_are_served():
    assert {"nl", "en"} <= set(TEMPORAL_LANGUAGES)


@pytest.mark.parametrize("lang", TEMPORAL_LANGUAGES)
def test_settings_hold_only_known_keys(lang):
    """A misspelt switch in settings.json would silently do nothing."""
    if not resources.has(lang, "settings"):
        pytest.skip(f"{lang} has no settings")
    unknown = set(resources.load(lang, "settings")) - set(SETTINGS)
    assert not unknown, f"{lang}/settings.json: keys no code reads: {sorted(unknown)}"


@pytest.mark.parametrize("lang", TEMPORAL_LANGUAGES)
def test_every_required_concept_exists_and_loads(lang):
    missing = [c for c in REQUIRED_CONCEPTS if not resources.has(lang, c)]
    assert not missing, f"{lang} lacks {missing}"
    for concept in REQUIRED_CONCEPTS:
        resources.load(lang, concept)


@pytest.mark.parametrize("lang", TEMPORAL_LANGUAGES)
def test_core_word_lists_are_complete(lang):
    lex = lexicon(lang)
    assert sorted(set(int(v) for v in lex.tables["months"].values())) == list(range(1, 13))
    assert sorted(set(int(v) for v in lex.tables["weekdays"].values())) == list(range(1, 8))
    assert set(lex.tables["seasons"].values()) == {"SP", "SU", "FA", "WI"}
    assert {"START", "MID", "END"} <= set(lex.tables["modifiers"].values())
    numbers = {float(v) for v in lex.tables["numbers"].values()}
    assert set(range(1, 13)) <= numbers
    assert {-1, 0, 1} <= {int(v.rstrip("~")) for v in lex.tables["relative"].values()}


@pytest.mark.parametrize("lang", TEMPORAL_LANGUAGES)
def test_mapping_values_parse(lang):
    lex = lexicon(lang)
    units = set(lex.tables["units"].values()) | set(lex.tables["units_plural"].values())
    known_units = {"second", "minute", "quarterhour", "hour", "day", "week", "weekend", "fortnight",
                   "month", "quarter", "half", "year", "fseason", "decade", "century"}
    assert units <= known_units
    for raw in lex.tables["anchored_phrases"].values():
        n, unit, *daypart = raw.split(" ")  # "0 day EV": that evening
        int(n)
        assert unit in known_units | {"any"}
        assert daypart in ([], ["MO"], ["MI"], ["AF"], ["EV"], ["NI"]) and (not daypart or unit == "day")
    for raw in lex.tables["deictic_day_parts"].values():
        offset, part = raw.split(" ")
        int(offset)
        assert part in set(lex.tables["day_parts"].values())
    for raw in lex.tables["clock_words"].values():
        h, m = raw.split(":")
        assert 0 <= int(h) < 24 and 0 <= int(m) < 60


@pytest.mark.parametrize("lang", TEMPORAL_LANGUAGES)
def test_every_holiday_rule_gives_a_day_in_each_year(lang):
    for name, rule in resources.load(lang, "holidays").items():
        if name.startswith("_"):
            continue
        for year in (1990, 2013, 2024):
            assert isinstance(cal.holiday(rule, year), dt.date), (name, rule, year)


@pytest.mark.parametrize("lang", TEMPORAL_LANGUAGES)
def test_patterns_name_known_resources_and_groups(lang):
    specs = resources.load(lang, "patterns")
    names = [s["name"] for s in specs]
    assert len(names) == len(set(names)), "pattern names must be unique"
    for spec in specs:
        for placeholder in re.findall(r"\{([a-z_]+)\}", spec["regex"]):
            assert resources.has(lang, placeholder), (spec["name"], placeholder)
        assert spec.get("examples"), f"{spec['name']} has no examples"
    lex = lexicon(lang)
    for p in lex.patterns:
        for group in p.regex.groupindex:
            base = group.rstrip("0123456789")
            assert base in GROUP_CONCEPTS or base in KNOWN_PLAIN_GROUPS, (p.name, group)


KNOWN_PLAIN_GROUPS = {"day", "year", "hour", "minute", "sep", "prep", "approx", "art", "fs", "event",
                      "decade", "decadefull", "cnum", "qnum", "rel0", "minword", "pastto", "yc", "yt",
                      "yo", "ythousand", "mod", "daypartword", "dirbefore", "dirafter", "def", "last", "lastyear"}


def test_the_code_reads_only_documented_settings():
    """Each `settings.get("...")` in the package names a key of `SETTINGS`, so a switch is
    documented where the files are checked."""
    from pathlib import Path
    import extract
    root = Path(extract.__file__).parent
    read = {m.group(1) for f in root.rglob("*.py")
            for m in re.finditer(r"settings(?:\.get\(|\[)\"(\w+)\"", f.read_text(encoding="utf-8"))}
    assert read and read <= set(SETTINGS), sorted(read - set(SETTINGS))
