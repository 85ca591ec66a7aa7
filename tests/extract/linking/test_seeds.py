"""End to end on the two seed articles: the headline facts and corroboration."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[3] / "data" / "articles"


@pytest.fixture(scope="module")
def tables():
    pipeline = pytest.importorskip("extract.pipeline")
    from extract.ingest import read_paths
    paths = sorted(ARTICLES.glob("*.txt"))
    if not paths:
        pytest.skip("no seed articles in data/articles")
    articles, problems = read_paths(paths)
    _, out = pipeline.run(articles, problems)
    return out


def day(value):
    return dt.date.fromisoformat(str(value)[:10])


def facts(tables):
    return {(r.person, day(r.start), day(r.end)) for r in tables.events.itertuples()}


@pytest.mark.parametrize("person,lo,hi", [
    ("Carlo Ancelotti", "2022-05-28", "2022-05-28"),   # Champions League final
    ("Kylian Mbappé", "2022-06-30", "2022-06-30"),     # free transfer from PSG
    ("Carlo Ancelotti", "2026-01-01", "2026-12-31"),   # WK 2026 as national coach
    ("Carlo Ancelotti", "2024-05-01", "2024-08-31"),   # contract until mid-2024
])
def test_headline_facts(tables, person, lo, hi):
    lo, hi = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    hits = [(s, e) for p, s, e in facts(tables) if p == person
            and lo <= s + (e - s) / 2 <= hi and (e - s).days + 1 <= 1.5 * ((hi - lo).days + 1) + 1]
    assert hits, f"no event for {person} in {lo}..{hi}"


def test_speaker_is_not_the_subject(tables):
    # "Ancelotti sluit niet uit dat Benzema aan het eind van dit jaar in de prijzen valt"
    ev = tables.events
    end_of_year = ev[ev["time_text"].astype(str).str.contains("eind van dit jaar")]
    assert set(end_of_year["person"]) == {"Karim Benzema"}


def test_no_club_or_country_facts(tables):
    ev = tables.events
    assert not (ev["time_text"].astype(str) == "sinds 1986").any()
    assert set(ev["person"]) <= set(tables.persons["person"])


def test_every_event_has_label_type_confidence(tables):
    from extract.records import EVENT_TYPES
    ev = tables.events
    assert ev["label"].astype(str).str.len().gt(0).all()
    assert ev["event_type"].isin(EVENT_TYPES).all()
    assert ev["confidence"].between(0, 1).all()
    assert ev["n_sources"].ge(1).all()
