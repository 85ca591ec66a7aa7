"""Random and adversarial text never crashes the engine, and time grows linearly with length."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.temporal import find_timexes
from extract.temporal.join import is_interval

PUBLISHED = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1900, 1, 1),
                                              max_value=dt.datetime(2099, 12, 31)))
DATE_ALPHABET = "0123456789-/.: ,'’–\n" + "ajnmeidgzvrstuohkwlpfcbxyAJMDWZVO"
WORDS = ["mei", "zo", "do", "vorige", "week", "over", "twee", "jaar", "geleden", "om", "uur", "daags",
         "na", "eind", "medio", "tot", "en", "tussen", "seizoen", "kwart", "half", "voor", "last",
         "next", "May", "the", "end", "of", "ago", "at", "p.m.", "2022", "28", "3-1", "12.30", "1/2"]
SENTENCE = st.lists(st.one_of(st.sampled_from(WORDS), st.text(DATE_ALPHABET, max_size=6)),
                    max_size=40).map(" ".join)


def check(text: str, lang: str, published) -> None:
    mentions = find_timexes(text, lang, published)
    last_end = 0
    for i, m in enumerate(mentions):
        assert 0 <= m.start_char < m.end_char <= len(text)
        assert text[m.start_char:m.end_char] == m.text
        if is_interval(m):  # follows its two ends and spans them
            a, b = mentions[i - 2], mentions[i - 1]
            assert (m.start_char, m.end_char) == (a.start_char, b.end_char)
            continue
        assert m.start_char >= last_end, "mentions overlap or are unsorted"
        last_end = m.end_char
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        if m.start is not None:
            assert m.end is not None and m.start <= m.end
        assert m.rule.startswith(lang + ":")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), lang=st.sampled_from(["nl", "en", "de"]), published=PUBLISHED)
def test_any_text_is_safe(text, lang, published):
    check(text, lang, published)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SENTENCE, lang=st.sampled_from(["nl", "en"]), published=PUBLISHED)
def test_date_like_text_is_safe(text, lang, published):
    check(text, lang, published)


def _seconds(text: str) -> float:
    began = time.perf_counter()
    find_timexes(text, "nl", dt.datetime(2022, 5, 5))
    return time.perf_counter() - began


@pytest.mark.parametrize("unit", ["1-2-3-4-5-6-7-8-9-0-", "12-12-12-", "2022/23/", "1.1.1.", "-- ", "3-1 "])
def test_one_megabyte_of_digits_and_dashes_finishes_in_seconds(unit):
    # catastrophic backtracking would take hours; a loaded CI machine may take a few seconds
    text = unit * (1_000_000 // len(unit))
    assert _seconds(text) < 20


def test_time_is_linear_in_length():
    chunk = "Op 28 mei 2022 om 20.45 uur won Ajax met 3-1; daags na 12-12 en 1-2-3 tot medio 2024. "
    small = _seconds(chunk * 500)
    large = _seconds(chunk * 4000)
    assert large < 8 * small * 2.5 + 0.5  # 8x the text, allowing noise: not quadratic
