"""A small, hand-made events table whose every row has a purpose in some test."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.data import prepare_events

ROOT = Path(__file__).resolve().parents[2]
XSS = '<img src=x onerror="alert(1)">'


def _event(event_id, person, start, end, *, grain="day", mod="", time_text="", label="",
           event_type="other", confidence=0.9, sentence="", sentence_start=0,
           time_start=None, source="Voetbalzone", title="Artikel", published="2022-05-03",
           url="https://example.org/a", fact_id=None, n_sources=1, doc_id=None):
    doc_id = doc_id or event_id.split("#")[0]
    if time_start is None and time_text and time_text in sentence:
        time_start = sentence_start + sentence.index(time_text)
    return {"event_id": event_id, "doc_id": doc_id, "person": person, "start": start,
            "end": end, "grain": grain, "value": start, "mod": mod, "type": "DATE",
            "time_text": time_text, "time_start_char": time_start,
            "time_end_char": None if time_start is None else time_start + len(time_text),
            "label": label, "event_type": event_type, "confidence": confidence,
            "link_rule": "named in clause", "sentence": sentence,
            "sentence_start": sentence_start, "published": published, "title": title,
            "source": source, "url": url, "fact_id": fact_id or event_id,
            "sources": source, "n_sources": n_sources}


def sample_events() -> pd.DataFrame:
    rows = [
        _event("a#1", "Carlo Ancelotti", "2022-05-28", "2022-05-28", time_text="28 mei",
               label="kan de Champions League winnen", event_type="tournament",
               sentence="Carlo Ancelotti kan op 28 mei geschiedenis schrijven.",
               sentence_start=100, fact_id="F-final", n_sources=2, confidence=0.95),
        _event("b#1", "Carlo Ancelotti", "2022-05-28", "2022-05-28", time_text="28 mei",
               label="finale in Parijs", event_type="tournament",
               sentence="Ancelotti speelt op 28 mei de finale.", source="NOS",
               title="Finale in Parijs", url="https://nos.example/finale", fact_id="F-final",
               n_sources=2, confidence=0.9),
        _event("a#2", "Carlo Ancelotti", "2024-05-01", "2024-08-31", grain="year", mod="MID",
               time_text="tot medio 2024", label="ligt vast in Madrid",
               event_type="contract", sentence="Ancelotti ligt tot medio 2024 vast.",
               confidence=0.8),
        _event("a#3", "Toni Kroos", "2022-05-04", "2022-05-04", time_text="woensdag",
               label="wisselde met Ancelotti", event_type="match",
               sentence="Kroos werd woensdag gewisseld.", confidence=0.6),
        _event("c#1", "Kylian Mbappé", "2022-06-30", "2022-06-30", time_text="30 juni",
               label="transfervrij naar Real", event_type="transfer",
               sentence="Mbappé vertrekt op 30 juni transfervrij.", source="NOS",
               title="Mbappé", url="javascript:alert(1)", confidence=0.4),
        _event("c#2", "Kylian Mbappé", "2018-08-01", "2019-06-30", grain="season",
               time_text="seizoen 2018/19", label="speelde bij PSG", event_type="match",
               sentence=f"In seizoen 2018/19 speelde Mbappé {XSS} bij PSG.", source="NOS",
               title=XSS, confidence=0.7),
        _event("d#1", "Karim Benzema", "2022-10-01", "2022-12-31", grain="year", mod="END",
               time_text="eind dit jaar", label="Ballon d'Or", event_type="award",
               sentence="Benzema wint eind dit jaar de Ballon d'Or.", source="AD",
               confidence=0.9),
    ]
    return prepare_events(pd.DataFrame(rows))


@pytest.fixture
def events() -> pd.DataFrame:
    return sample_events()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """A store of the two bundled seed articles, extracted once for the whole run."""
    from dashboard.corpus import create_store
    root = tmp_path_factory.mktemp("seed") / "store"
    create_store(root, (ROOT / "data" / "articles",))
    return root


@pytest.fixture(autouse=True)
def open_store(seed_store, monkeypatch, tmp_path):
    """Every app under test opens a copy of the seed store (never the user's `store/`);
    a test that writes to it changes only its own copy."""
    import shutil

    from dashboard.corpus import STORE_ENV
    root = tmp_path / "open-store"
    shutil.copytree(seed_store, root)
    monkeypatch.setenv(STORE_ENV, str(root))
    return root
