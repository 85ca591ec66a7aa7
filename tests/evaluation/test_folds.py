"""Cross-validation holds whole documents out: every document in exactly one fold."""
from __future__ import annotations

import pytest

pytest.importorskip("sklearn")
from evaluation.fit_linker import folds  # noqa: E402


def test_folds_deal_each_document_to_one_fold():
    ids = [f"doc{i}" for i in range(37)]
    for seed in range(3):
        parts = folds(ids, 5, seed)
        assert len(parts) == 5 and sorted(d for p in parts for d in p) == sorted(ids)
        assert max(map(len, parts)) - min(map(len, parts)) <= 1


def test_splits_differ_by_seed_and_repeat_for_the_same_seed():
    ids = [f"doc{i}" for i in range(20)]
    assert folds(ids, 5, 0) == folds(ids, 5, 0) != folds(ids, 5, 1)
