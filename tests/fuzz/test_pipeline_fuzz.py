"""Property tests over the whole pipeline: random articles and publication dates never
raise, every article is in documents.csv or named in problems.csv, and the time an
article takes grows linearly with its length, whatever its shape."""
from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_articles
from extract.records import Article

VOCABULARY = ["Carlo Ancelotti", "Jan Jansen", "hij", "zei", "op", "3 mei 2022", "gisteren",
              "volgend jaar", "morgen", "over drie weken", "in 2024", "medio 2025", "Ajax",
              "de trainer", "yesterday", "next Sunday", "he said", ".", ",", '"', "“", "”",
              "(67)", "\n\n", "12:30", "seizoen 2018/19", "café", "习近平"]
articles_text = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6)),
                         min_size=1, max_size=60).map(" ".join)
published = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1, 1, 1),
                                              max_value=dt.datetime(9999, 12, 31)))


@settings(max_examples=int(os.environ.get("FACT_TIMELINE_FUZZ_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(articles_text, published, st.sampled_from(["nl", "en", "zh", "de"])),
                min_size=1, max_size=4))
def test_every_article_is_in_the_output_or_named_in_a_problem(drawn):
    articles = [Article(f"d{n}", text, when, lang) for n, (text, when, lang) in enumerate(drawn)]
    tables = extract_articles(articles)
    documents = set(tables.documents.doc_id)
    named = set(tables.problems.doc_id)
    assert all(a.doc_id in documents or a.doc_id in named for a in articles)


WORDS = "Carlo Ancelotti zei op 3 mei 2022 dat Jan Jansen morgen bij Ajax tekent "


def shape(name: str, n: int) -> str:
    """An article of about n characters in one of the shapes that broke the pipeline."""
    text = {
        "full stops": (WORDS.strip() + ". ") * (n // len(WORDS) + 1),
        "no punctuation": WORDS * (n // len(WORDS) + 1),
        "one huge quote": '"' + WORDS * (n // len(WORDS) + 1),
        "one name repeated": "Jan Jansen " * (n // 11 + 1),
        "only digits": "1234567890 " * (n // 11 + 1),
        "only dates": "3 mei 2022 " * (n // 11 + 1),
    }[name]
    return text[:n] + ('", zei Jan Jansen.' if name == "one huge quote" else "")


def seconds(text: str) -> float:
    start = time.process_time()
    tables = extract_articles([Article("a", text, dt.datetime(2022, 5, 4), "nl")])
    assert tables.documents.doc_id.tolist() == ["a"]
    return time.process_time() - start


SHAPES = ["full stops", "one name repeated", "only digits", "only dates", "no punctuation",
          "one huge quote"]


@pytest.mark.slow
@pytest.mark.parametrize("name", SHAPES)
def test_time_is_linear_in_the_article_length(name):
    """8x the text may cost 8x the time, with room for noise, never 64x."""
    small_n, large_n = 16_000, 128_000
    seconds(shape(name, 2_000))  # warm caches (lexicons, regexes)
    small = seconds(shape(name, small_n))
    large = seconds(shape(name, large_n))
    assert large < 20 * max(small, 0.02), f"{small_n:,} chars {small:.2f}s, {large_n:,} chars {large:.2f}s"
