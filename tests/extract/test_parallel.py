"""Extraction in a process pool or on a Dask cluster gives the tables of one job."""
from __future__ import annotations

import pytest

from extract import parallel
from extract.store import Store, ingest
from extract.store.rows import Item, content_hash

from tests.extract.store.corpora import MEANTIME, SEEDS


@pytest.fixture(scope="module")
def one_job(tmp_path_factory):
    store = tmp_path_factory.mktemp("one") / "store"
    ingest.add([SEEDS, MEANTIME], store, jobs=1, batch_size=40)
    return Store.open(store).tables()


def _same(a, b):
    for name in a._fields:
        assert getattr(a, name).to_csv(index=False) == getattr(b, name).to_csv(index=False), name


def test_a_process_pool_gives_the_tables_of_one_job(tmp_path, one_job):
    ticks = []
    ingest.add([SEEDS, MEANTIME], tmp_path / "s", jobs=2, batch_size=40, progress=ticks.append)
    _same(Store.open(tmp_path / "s").tables(), one_job)
    assert sum(ticks) == 102                 # the progress bar counts every article


@pytest.mark.slow
def test_a_dask_local_cluster_gives_the_tables_of_one_job(tmp_path, one_job):
    ingest.add([SEEDS, MEANTIME], tmp_path / "s", jobs=2, dask="local", batch_size=40)
    _same(Store.open(tmp_path / "s").tables(), one_job)


def test_parts_keep_every_worker_busy_and_the_item_order():
    items = tuple(Item(n, None, str(n)) for n in range(1000))
    parts = parallel.split(items, workers=2)
    assert [i for p in parts for i in p] == list(items)
    assert len(parts) >= 8 and max(map(len, parts)) <= 250


def test_content_hash_tells_articles_apart():
    from extract.records import Article
    a = Article("x", "tekst", None, "nl")
    assert content_hash(a) == content_hash(Article("x", "tekst", None, "nl"))
    assert content_hash(a) != content_hash(Article("x", "tekst.", None, "nl"))
    assert content_hash(a) != content_hash(Article("x", "tekst", None, "nl", source="NOS"))
