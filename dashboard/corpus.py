"""The corpus the dashboard shows: one store folder (`extract.store`), kept on disk.

    streamlit run streamlit_app.py -- --store PATH     (or FACT_TIMELINE_STORE=PATH)

Without either, the default store `store/` beside the app, created on first use and
seeded with the bundled sample articles. A store named on the command line that does not
exist yet is created empty: the user fills it from the "Your articles" page or with
`python -m extract add PATH --store DIR`. Everything added is on disk, so it survives a
reload and a server restart; any process may add to the store meanwhile (its writer lock
keeps writes one at a time) and the next rerun shows what was committed.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.data import Corpus, corpus_from_tables

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = ROOT / "store"
DEFAULT_NAME = "Samples and your articles"
SAMPLES = (ROOT / "data" / "articles", ROOT / "data" / "meantime_nl")
STORE_ENV = "FACT_TIMELINE_STORE"


@dataclass(frozen=True)
class Size:
    """How big the open corpus is (the sidebar's line)."""
    articles: int
    events: int
    persons: int
    batches: int
    max_sources: int = 1     # the most articles any fact has (the sources slider's end)


def store_path(argv: list[str] | None = None, env: dict | None = None) -> Path:
    """The store to open: `--store PATH` after the script's `--`, else the environment,
    else the default store."""
    argv = sys.argv[1:] if argv is None else argv
    env = os.environ if env is None else env
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store", type=Path)
    known, _ = parser.parse_known_args(argv)
    if known.store:
        return known.store.expanduser().resolve()
    if env.get(STORE_ENV):
        return Path(env[STORE_ENV]).expanduser().resolve()
    return DEFAULT_STORE


def is_store(path: Path) -> bool:
    from extract.store.layout import MANIFEST
    return (path / MANIFEST).is_file()


def create_store(path: Path, seed: tuple[Path, ...] = (), name: str = "") -> None:
    """A new store at `path` called `name` (default: the folder's name), holding the
    articles of `seed` (one batch)."""
    from dataclasses import replace

    from extract.store import ingest, layout
    from extract.store.writer import Writer
    with Writer.open(path) as writer:            # the empty store: manifest, no batch
        if name:
            layout.write_manifest(path, replace(writer.manifest, name=name))
    if seed:
        ingest.add([p for p in seed if p.exists()], path, jobs=1, note="bundled samples")


@st.cache_resource(show_spinner="Creating the corpus store (first run: extracting the "
                                "bundled sample articles)…")
def ensure_store(path: str) -> str:
    """Open or create the store once per server; its corpus name."""
    root = Path(path)
    if not is_store(root):
        if root == DEFAULT_STORE:
            create_store(root, SAMPLES, DEFAULT_NAME)
        else:
            create_store(root)
    from extract.store import layout
    return layout.read_manifest(root).name


def version(path: str) -> int:
    """The committed state of the store now (cheap: reads the manifest)."""
    from extract.store import layout
    return layout.read_manifest(Path(path)).version


def read_corpus(path: str | Path) -> tuple[Corpus, Size]:
    """The whole store in memory, prepared: the dashboard's path before it queried the
    store (`bench/dashboard.py` measures it as the baseline)."""
    from extract.store import Store
    store = Store.open(path)
    try:
        summary, tables = store.summary(), store.tables()
    finally:
        store.close()
    corpus = corpus_from_tables(store.manifest.name, tables)
    return corpus, Size(summary.articles, summary.events, summary.persons, summary.batches)


@dataclass(frozen=True)
class OpenStore:
    """The corpus this run shows: its name, folder, size, and a DuckDB cursor on it."""
    name: str
    path: Path
    size: Size
    store: object          # extract.store.Store (imported late: it loads the extractor)
    state: int = 0         # the committed state (manifest version) it shows


@st.cache_resource(max_entries=2, show_spinner=False)
def _opened(path: str, state: int):
    """The store at committed state `state` (its views defined once) and its size.

    Keyed by the state, so a batch committed by an upload or by `python -m extract add`
    appears on the next rerun.
    """
    from extract.store import Store
    from dashboard.queries import max_sources
    store = Store.open(path)
    s = store.summary()
    return store, Size(s.articles, s.events, s.persons, s.batches, max_sources(store))


def opened_store(path: str, state: int):
    """The shared Store of that committed state (use a `.cursor()` of it per thread)."""
    return _opened(path, state)[0]


def open_store() -> OpenStore:
    """The open store for this rerun (created on first use)."""
    path = store_path()
    ensure_store(str(path))
    state = version(str(path))
    store, size = _opened(str(path), state)
    return OpenStore(store.manifest.name, path, size, store.cursor(), state)


def batches(path: Path) -> pd.DataFrame:
    """The store's batches, newest first: id, articles, when added, what (file name)."""
    from extract.store import Store
    store = Store.open(path)
    try:
        table = store.batches()
    finally:
        store.close()
    if table.empty:
        return table
    table["created"] = pd.to_datetime(table["created"], unit="s").dt.strftime("%Y-%m-%d %H:%M")
    return table.iloc[::-1].reset_index(drop=True)


def extraction_failures(path: Path, batch_id: str) -> list:
    """Articles of a committed batch whose extraction failed (each an error Problem)."""
    from extract.records import Problem
    from extract.store import Store
    if not batch_id:
        return []
    store = Store.open(path)
    try:
        rows = store.sql(
            "SELECT file, doc_id, message FROM base_problems WHERE _stage = 'extract' AND "
            "severity = 'error' AND doc_id IN (SELECT doc_id FROM base_articles "
            "WHERE _batch = ?)", [int(batch_id.lstrip("b"))]).fetchall()
    finally:
        store.close()
    return [Problem(str(f), None, str(d), "error", str(m)) for f, d, m in rows]


def sources(opened: OpenStore) -> list[str]:
    """The sources of the corpus's articles, most articles first."""
    rows = opened.store.con.execute(
        "SELECT source FROM documents WHERE coalesce(source, '') <> '' GROUP BY source "
        "ORDER BY count(*) DESC, source").fetchall()
    return [r[0] for r in rows]
