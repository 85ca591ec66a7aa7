"""Event types per language: the first stem of `event_types.txt` in the date's clause."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import document
from extract.linking import link_events
from extract.records import Article, TimeMention

CASES = [
    # lang, text, date phrase, expected event type
    ("nl", "Max van Weezel is op 5 mei overleden.", "op 5 mei", "death"),
    ("nl", "Max van Weezel overleed op 5 mei.", "op 5 mei", "death"),
    ("nl", "Mark Rutte had op 5 mei overleg met de Kamer.", "op 5 mei", "other"),
    ("nl", "Marco Eijk werd op 5 mei doodgeschoten.", "op 5 mei", "death"),
    ("nl", "Marcel Goedhart werd rond 1992 doodziek van het voetbal.", "rond 1992", "other"),
    ("nl", "Kylian Mbappé tekent op 30 juni een contract bij Real.", "op 30 juni", "contract"),
    ("en", "Max Smith died on May 5.", "on May 5", "death"),
    ("en", "Max Smith signed a contract on May 5.", "on May 5", "contract"),
]


@pytest.mark.parametrize("lang,text,phrase,expected", CASES)
def test_event_type(lang, text, phrase, expected):
    d = dt.date(2022, 5, 5)
    s = text.index(phrase)
    t = TimeMention(s, s + len(phrase), phrase, "DATE", "2022-05-05", "day", d, d)
    events = link_events(document.build(Article("x", text, dt.datetime(2022, 5, 10), lang), timexes=[t]))
    assert events and {e.event_type for e in events} == {expected}
