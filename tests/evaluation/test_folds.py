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


def _examples(n_docs: int, seed: int):
    """Pairs whose one feature separates true from false links with some overlap."""
    import random
    from types import SimpleNamespace
    from evaluation.linker_data import Example
    rng = random.Random(seed)
    out = []
    for d in range(n_docs):
        for k in range(12):
            label = k % 3 == 0
            score = rng.gauss(1.0 if label else -1.0, 1.0)
            cand = SimpleNamespace(features={"clause:here": score})
            out.append(Example(f"doc{d}", "nl", cand, label))
    return out


def test_the_threshold_is_chosen_on_held_out_documents_whatever_their_order():
    from evaluation import fit_linker
    examples = _examples(40, 0)
    vectorizer, _, _ = fit_linker._matrix(examples[:1])
    chosen = fit_linker._best_threshold(examples, "nl", vectorizer)
    assert chosen == fit_linker._best_threshold(examples[::-1], "nl", vectorizer)
    # a third of the pairs are true and the classes overlap: F1 peaks below 0.5
    assert chosen in fit_linker.THRESHOLDS and 0.2 <= chosen <= 0.5
