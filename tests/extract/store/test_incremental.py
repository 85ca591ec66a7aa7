"""The store's tables are the tables of one run over the same articles, however the
corpus came together: several adds, batches, removals, re-extraction."""
from __future__ import annotations

from dataclasses import replace

import pytest

from extract import parallel, pipeline
from extract.ingest import read_paths
from extract.store import Store, StoreError, ingest
from extract.store import rows as store_rows

from tests.extract.store.corpora import MEANTIME, SEEDS, assert_same_tables, write_jsonl


def _run(paths):
    articles, problems = read_paths(paths)
    return pipeline.run(articles, problems)[1]


def _add(paths, store, **kw):
    return ingest.add(paths, store, executor=parallel.Inline(), **kw)


def test_one_add_gives_the_tables_of_one_run(tmp_path):
    _add([SEEDS, MEANTIME], tmp_path / "s", batch_size=30)
    assert_same_tables(Store.open(tmp_path / "s").tables(), _run([SEEDS, MEANTIME]))


def test_a_surname_alone_takes_the_full_name_a_later_article_brings(tmp_path, crafted):
    store = tmp_path / "s"
    for doc in ("a2", "a3", "a1", "a4"):          # 'Ancelotti' alone comes first
        _add([crafted[doc]], store)
    tables = Store.open(store).tables()
    a2 = tables.events[tables.events.doc_id == "a2"]
    assert list(a2.person) == ["Carlo Ancelotti"]
    assert list(a2.n_sources) == [2]
    assert_same_tables(tables, _run([crafted[d] for d in ("a2", "a3", "a1", "a4")]))


def test_removing_a_source_regroups_its_facts(tmp_path, crafted):
    store = tmp_path / "s"
    _add([crafted[d] for d in ("a1", "a2", "a3", "a4")], store)
    ingest.remove(store, source="Marca")               # a1: the full name goes with it
    tables = Store.open(store).tables()
    assert "a1" not in set(tables.documents.doc_id)
    assert_same_tables(tables, _run([crafted[d] for d in ("a2", "a3", "a4")]))


def test_removing_a_batch(tmp_path, crafted):
    store = tmp_path / "s"
    _add([crafted["a1"], crafted["a2"]], store)
    _add([crafted["a3"]], store)
    batch = Store.open(store).manifest.batches[-1].id
    ingest.remove(store, batch=batch)
    assert_same_tables(Store.open(store).tables(), _run([crafted["a1"], crafted["a2"]]))
    with pytest.raises(StoreError, match="no batch"):
        ingest.remove(store, batch="b999999")


def test_an_article_already_there_is_skipped(tmp_path, crafted):
    store = tmp_path / "s"
    _add([crafted["a1"]], store)
    run = _add([crafted["a1"], crafted["a2"]], store)
    assert (run.added, run.skipped) == (1, 1)
    assert_same_tables(Store.open(store).tables(), _run([crafted["a1"], crafted["a2"]]))


def test_a_changed_article_replaces_its_stored_version(tmp_path, crafted):
    store = tmp_path / "s"
    _add([crafted["a1"], crafted["a3"]], store)
    write_jsonl(crafted["a3"], ["a3"], a3={"text": "Ajax wint\n\nErik ten Hag won op 8 mei "
                                                   "2022 de titel."})
    run = _add([crafted["a3"]], store)
    assert any("changed since it was stored" in p.message for p in run.problems)
    tables = Store.open(store).tables()
    assert tables.documents.doc_id.tolist() == ["a1", "a3"]
    assert tables.events[tables.events.doc_id == "a3"].start.tolist() == ["2022-05-08"]


def test_another_article_with_a_taken_id_is_stored_under_a_new_id(tmp_path, crafted):
    store = tmp_path / "s"
    _add([crafted["a1"]], store)
    other = write_jsonl(tmp_path / "other.jsonl", ["a2"], a2={"doc_id": "a1"})
    run = _add([other], store)
    assert any("stored as a1~2" in p.message for p in run.problems)
    assert Store.open(store).tables().documents.doc_id.tolist() == ["a1", "a1~2"]
    assert _add([other], store).skipped == 1           # and it is that article next time


def test_reextract_redoes_only_what_an_older_extractor_wrote(tmp_path, crafted, monkeypatch):
    store = tmp_path / "s"
    real = pipeline.process_article
    monkeypatch.setattr(store_rows, "extractor_version", lambda: "old")
    monkeypatch.setattr(pipeline, "process_article", lambda a: replace(real(a), events=()))
    _add([crafted["a1"], crafted["a2"]], store)
    assert Store.open(store).summary().events == 0
    monkeypatch.setattr(pipeline, "process_article", real)
    monkeypatch.setattr(store_rows, "extractor_version", lambda: "new")
    _add([crafted["a3"]], store)                       # already by the new extractor
    assert Store.open(store).count_stale() == 2
    run = ingest.reextract(store, executor=parallel.Inline())
    assert run.added == 2
    assert Store.open(store).count_stale() == 0
    assert_same_tables(Store.open(store).tables(),
                       _run([crafted["a1"], crafted["a2"], crafted["a3"]]))
    assert ingest.reextract(store, executor=parallel.Inline()).added == 0
