"""Property tests: any text, no crash; mentions are sorted and point at their text."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import document
from extract.linking import link_events
from extract.persons import find_persons
from extract.records import Article, TimeMention

PIECES = ["Carlo Ancelotti", "Ancelotti", "hij", "Hij", "de Italiaanse coach", "van der", "'t",
          "Real Madrid", "zei", "aldus", "\"", "“", "”", "‘", "’", ",", ".", "\n", "(67)", "dat",
          "die", "De", "Jr.", "M.", "ÉÀ", "ß", "İ", "\u0301", "\u200b", "🙂", "中文", "Ω", " "]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from(["nl", "en", "xx", ""]))
def test_find_persons_on_any_text(text, lang):
    ms = find_persons(text, lang)
    assert [m.start_char for m in ms] == sorted(m.start_char for m in ms)
    for m in ms:
        assert text[m.start_char:m.end_char] == m.text
        assert m.person and m.kind in ("name", "pronoun", "description")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, spans=st.lists(st.tuples(st.integers(0, 300), st.integers(0, 30)), max_size=5))
def test_link_events_on_any_text(text, spans):
    d = dt.date(2022, 5, 28)
    tms = [TimeMention(s, min(len(text), s + n), text[s:s + n], "DATE", "2022-05-28", "day", d, d)
           for s, n in spans if s < len(text)]
    events = link_events(document.build(Article("x", text, None, "nl"), timexes=tms))
    for e in events:
        assert 0 <= e.confidence <= 1 and e.label is not None


def test_time_grows_linearly_with_length():
    import time
    from pathlib import Path
    seed = sorted((Path(__file__).resolve().parents[3] / "data" / "articles").glob("*.txt"))
    base = seed[0].read_text(encoding="utf-8") if seed else "Carlo Ancelotti zei dat hij op 28 mei speelt. " * 50
    d = dt.date(2022, 5, 28)

    def run(text):
        tms = [TimeMention(i, i + 5, text[i:i + 5], "DATE", "x", "day", d, d) for i in range(0, len(text), 3000)]
        doc = document.build(Article("x", text, None, "nl"), timexes=tms)
        t = time.process_time()
        link_events(doc)
        return time.process_time() - t

    run(base)  # lexicons
    small, large = run(base * 4), run(base * 32)
    assert large < 20 * small + 1.0


def test_pathological_runs_stay_fast():
    import time
    for junk in ("A. " * 20000, "Van de " * 20000, '"' * 20000, "Hij zei dat hij " * 10000):
        t = time.process_time()
        assert [m for m in find_persons(junk, "nl") if m.kind == "name"] == []
        assert time.process_time() - t < 5
