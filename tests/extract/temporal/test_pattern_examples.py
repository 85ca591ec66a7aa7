"""Every pattern's own examples (patterns.json) run through the whole engine."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import lang as resources
from extract.temporal import find_timexes

CASES = [
    pytest.param(lang, spec["name"], example[0], example[1], example[2], tuple(example[3:5]),
                 id=f"{lang}:{spec['name']}:{example[0]}")
    for lang in resources.languages() if resources.has(lang, "patterns")
    for spec in resources.load(lang, "patterns")
    for example in spec.get("examples", [])
]


@pytest.mark.parametrize("lang,pattern,text,published,value,bounds", CASES)
def test_pattern_example(lang, pattern, text, published, value, bounds):
    mentions = find_timexes(text, lang, dt.datetime.fromisoformat(published))
    if value is None:
        assert mentions == [], f"{text!r} is not a date, got {mentions}"
        return
    hits = [m for m in mentions if m.value == value]
    assert hits, f"{text!r}: want {value}, got {[(m.text, m.value) for m in mentions]}"
    if bounds:
        first, last = (dt.date.fromisoformat(b) for b in bounds)
        got = hits[-1]
        assert (_day(got.start), _day(got.end)) == (first, last)


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d
