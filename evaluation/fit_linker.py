"""Refit the link model from the dev gold sets, with document-level cross-validation.

    python -m evaluation.fit_linker            # cross-validate, then fit on all and write
    python -m evaluation.fit_linker --cv-only  # the held-out figures only

Pairs from `nl_news` and `en_news_gold.jsonl` (features are language-independent, so the
two sets help each other; each language's own pairs weigh more in its model). Folds hold
whole documents out; the decision threshold is chosen inside each training part by an
inner grouped cross-validation, so no held-out document influences its own figures. The
facts figures are the shared scorer's, on the output the command line would write.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from evaluation import devsets, linker_data
from extract import lang as resources
from extract.linking import link_events
from extract.linking.features import feature_names
from extract.linking.model import CONCEPT, LinkModel
from extract.output import write_outputs
from extract.pipeline import ArticleResult, build_tables

FOLDS = 5
REPEATS = 8
C = 0.5
OWN_LANGUAGE_WEIGHT = 1.0
OTHER_LANGUAGE_WEIGHT = 0.5
INNER_FOLDS = 3
INNER_SPLITS = 3
THRESHOLDS = np.round(np.arange(0.2, 0.75, 0.025), 3)


def _matrix(examples, vectorizer=None):
    dicts = [e.candidate.features for e in examples]
    if vectorizer is None:
        vectorizer = DictVectorizer(sparse=False).fit([{k: 1.0 for k in feature_names()}])
    return vectorizer, vectorizer.transform(dicts), np.array([e.label for e in examples], dtype=int)


def _fit(examples, lang: str | None, vectorizer) -> LogisticRegression:
    _, X, y = _matrix(examples, vectorizer)
    weights = np.array([OWN_LANGUAGE_WEIGHT if lang is None or e.lang == lang else OTHER_LANGUAGE_WEIGHT
                        for e in examples])
    return LogisticRegression(C=C, max_iter=2000).fit(X, y, sample_weight=weights)


def _best_threshold(examples, lang, vectorizer) -> float:
    """The threshold with the best pair F1 on inner held-out predictions, averaged over
    INNER_SPLITS shuffled grouped splits and smoothed over neighbouring thresholds: one
    split's F1 curve is jagged, and its peak moved the stored threshold by 0.05 when two
    training pairs changed."""
    groups = sorted({e.doc_id for e in examples})
    mine = np.array([lang is None or e.lang == lang for e in examples])
    y = np.array([e.label for e in examples])
    curves = []
    for seed in range(INNER_SPLITS):
        probs = np.zeros(len(examples))
        for held in folds(groups, INNER_FOLDS, seed):
            held = set(held)
            test = [i for i, e in enumerate(examples) if e.doc_id in held]
            model = _fit([e for e in examples if e.doc_id not in held], lang, vectorizer)
            _, X, _ = _matrix([examples[i] for i in test], vectorizer)
            probs[test] = model.predict_proba(X)[:, 1]
        curves.append([_pair_f1(probs >= th, mine, y) for th in THRESHOLDS])
    mean = np.mean(curves, axis=0)
    smooth = np.convolve(np.pad(mean, 1, mode="edge"), np.ones(3) / 3, mode="valid")
    return float(THRESHOLDS[int(np.argmax(smooth))])


def _pair_f1(pred, mine, y) -> float:
    pred = pred & mine
    tp = (pred & (y == 1)).sum()
    return 2 * tp / (pred.sum() + (y[mine] == 1).sum()) if pred.sum() else 0.0


def to_model(clf: LogisticRegression, vectorizer, threshold: float) -> LinkModel:
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, clf.coef_[0])
               if abs(w) >= 1e-4}
    return LinkModel(weights, round(float(clf.intercept_[0]), 4), threshold)


def fit_model(examples, lang) -> LinkModel:
    vectorizer, _, _ = _matrix(examples[:1])
    clf = _fit(examples, lang, vectorizer)
    return to_model(clf, vectorizer, _best_threshold(examples, lang, vectorizer))


def score_documents(golds: list[linker_data.GoldDocument], models: dict[str, LinkModel]) -> dict:
    """The scorer's figures for these documents, each linked by `models[doc_id]`."""
    results = []
    for g in golds:
        events = link_events(g.doc, models[g.gold["doc_id"]])
        results.append(ArticleResult(g.doc.article, g.doc.timexes, g.doc.mentions, tuple(events)))
    with tempfile.TemporaryDirectory() as out:
        write_outputs(build_tables(results, []), Path(out))
        figures, _ = devsets.scorer().score_gold([g.gold for g in golds], out)
    return figures


def folds(ids: list[str], k: int, seed: int) -> list[list[str]]:
    """`ids` shuffled by `seed` and dealt into k folds of whole documents."""
    order = list(ids)
    np.random.default_rng(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(golds, repeats: int = REPEATS) -> dict[str, dict]:
    """Held-out figures per training set: each document linked by a model that never saw it,
    over `repeats` different fold splits; the figures are their means (one split's figures
    swing by a few points with where a handful of documents fall)."""
    examples_of = {g.gold["doc_id"]: g.examples for g in golds}
    lang_of = {g.gold["doc_id"]: g.doc.lang for g in golds}
    sets = {name: {d["doc_id"] for d in devsets.gold_docs(name)} for name in devsets.TRAINING_SETS}
    runs: dict[str, list[dict]] = {name: [] for name in sets}
    for seed in range(repeats):
        models = {}
        for test in folds(list(examples_of), FOLDS, seed):
            held = set(test)
            train_examples = [e for d, ex in examples_of.items() if d not in held for e in ex]
            for lang in sorted({lang_of[d] for d in test}):
                model = fit_model(train_examples, lang)
                models.update({d: model for d in test if lang_of[d] == lang})
        for name, wanted in sets.items():
            runs[name].append(score_documents([g for g in golds if g.gold["doc_id"] in wanted], models))
    return {name: _mean(figures) for name, figures in runs.items()}


def _mean(runs: list[dict]) -> dict:
    out = {}
    for part in ("timex", "value", "facts", "persons"):
        keys = [k for k, v in runs[0].get(part, {}).items() if isinstance(v, (int, float))]
        out[part] = {k: float(np.mean([r[part][k] for r in runs])) for k in keys}
    out["facts"]["f1_sd"] = float(np.std([r["facts"]["f1"] for r in runs]))
    return out


def _summary(figures: dict) -> dict:
    keep = ("precision", "recall", "f1")
    return {part: {k: round(figures[part][k], 3) for k in keep} for part in ("facts",)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true", help="print held-out figures, write nothing")
    args = parser.parse_args(argv)
    golds = linker_data.load()
    cv = cross_validate(golds)
    for name, figures in cv.items():
        f = figures["facts"]
        print(f"cross-validated ({FOLDS} folds by document, {REPEATS} splits) {name}: facts "
              f"P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} (sd {f['f1_sd']:.3f})")
    if args.cv_only:
        return 0
    examples = [e for g in golds for e in g.examples]
    for lang in ("nl", "en"):
        model = fit_model(examples, lang)
        path = resources.LANG_DIR / lang / f"{CONCEPT}.json"
        data = {"bias": model.bias, "threshold": model.threshold,
                "weights": dict(sorted(model.weights.items())),
                "trained_on": [f"{n}: {len(devsets.gold_docs(n))} documents" for n in devsets.TRAINING_SETS],
                "cross_validated": {n: _summary(f) for n, f in cv.items()},
                "refit_with": "python -m evaluation.fit_linker"}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(path)
        print(f"wrote {path.relative_to(devsets.ROOT)} ({len(model.weights)} weights, threshold {model.threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
