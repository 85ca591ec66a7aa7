"""When "in" + an amount of time measures a span and when it points ahead (table-driven,
per language): in a past-tense clause it is the time something took ("he built it in ten
years", "de eerste winst in vier jaar"); with a future cue it is a date ahead. Dutch also
measures in the present ("is de eerste winst in vier jaar"); English present points ahead.

Each row: (lang, text, expression, type, value), published on Thursday 28 March 2019.
"""
from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from extract.temporal import find_timexes

PUBLISHED = dt.datetime(2019, 3, 28)

ROWS = [
    param("en", "He built the company in ten years.", "in ten years", "DURATION", "P10Y", id="en-past-span"),
    param("en", "It was their first win in four years.", "in four years", "DURATION", "P4Y",
          id="en-first-in-years"),
    # after a superlative "in" measures back, whatever the tense: "the lowest level in five years"
    param("en", "Japan may be entering its deepest recession in a decade.", "a decade", "DURATION", "P1DE",
          id="en-superlative-in-a-decade"),
    param("en", "Prices are at their highest level in five years.", "five years", "DURATION", "P5Y",
          id="en-superlative-present"),
    # a relative word after it makes the offset a noun phrase: "in een jaar waarin ..."
    param("nl", "Zeker in een jaar waarin gevoelige gebeurtenissen worden herdacht.", "in een jaar", "DURATION",
          "P1Y", id="nl-a-year-in-which"),
    param("en", "It happened in a year when prices fell.", "a year", "DURATION", "P1Y", id="en-a-year-when"),
    param("en", "In five years the plant will close.", "In five years", "DATE", "2024-03", id="en-future-ahead"),
    param("en", "The plant closes in five years.", "in five years", "DATE", "2024-03", id="en-present-ahead"),
    param("nl", "Het is de eerste winst in vier jaar.", "in vier jaar", "DURATION", "P4Y", id="nl-present-span"),
    param("nl", "Hij verloor in tien jaar drie keer.", "in tien jaar", "DURATION", "P10Y", id="nl-past-span"),
    param("nl", "In vijf jaar wil het kabinet de uitstoot halveren.", "In vijf jaar", "DATE", "2024-03",
          id="nl-future-ahead"),
]


@pytest.mark.parametrize("lang,text,expression,kind,value", ROWS)
def test_in_an_amount_of_time(lang, text, expression, kind, value):
    found = {m.text: (m.type, m.value) for m in find_timexes(text, lang, PUBLISHED)}
    assert found.get(expression) == (kind, value), found
