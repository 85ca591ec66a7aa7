"""Held-out link errors by kind: where the cross-validated linker goes wrong.

    python -m evaluation.cv_errors             # counts per kind, one split of 5 folds
    python -m evaluation.cv_errors --list FP:in:name:nobody   # and the pairs of one kind

Each candidate pair is scored by a model fitted without its document (the folds of
`evaluation.fit_linker`, split 0) and counted by where its person stands:

    in:name         the person is named in the date's sentence
    in:reference    only a pronoun or description of the person is there
    out:empty       nobody is mentioned in the date's sentence
    out:others      others are named there, not the person
    out:references  only pronouns or descriptions of others are there

A false positive is `nobody` when the gold links the date to no one (a date about a club,
a thing, a schedule), `other` when it links the date to somebody else. Pair counts, not the
scorer's facts: a fact found through any of its pairs counts once there.
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Literal

from evaluation import fit_linker, linker_data

Outcome = Literal["TP", "FP", "FN", "TN"]


@dataclass(frozen=True)
class Scored:
    """One held-out pair: the example, its probability, the threshold of its model."""
    example: linker_data.Example
    probability: float
    threshold: float

    @property
    def outcome(self) -> Outcome:
        predicted = self.probability >= self.threshold
        if predicted:
            return "TP" if self.example.label else "FP"
        return "FN" if self.example.label else "TN"


def place(candidate, local) -> str:
    """Where the candidate's person stands in the date's sentence (see the module doc);
    `local`: every mention in that sentence."""
    if candidate.mentions:
        return "in:name" if any(m.kind == "name" for m in candidate.mentions) else "in:reference"
    if not local:
        return "out:empty"
    return "out:others" if any(m.kind == "name" for m in local) else "out:references"


def kind(scored: Scored, local, date_has_gold: bool) -> str:
    """'FP:in:name:nobody', 'FN:out:empty', ...: outcome, place, and for a false positive
    whether the gold gives the date to anybody."""
    out = f"{scored.outcome}:{place(scored.example.candidate, local)}"
    if scored.outcome == "FP":
        out += ":other" if date_has_gold else ":nobody"
    return out


def held_out(golds, seed: int = 0) -> list[Scored]:
    """Every pair scored by the model of the fold that held its document out."""
    examples_of = {g.gold["doc_id"]: g.examples for g in golds}
    lang_of = {g.gold["doc_id"]: g.doc.lang for g in golds}
    out = []
    for test in fit_linker.folds(list(examples_of), fit_linker.FOLDS, seed):
        held = set(test)
        train = [e for d, ex in examples_of.items() if d not in held for e in ex]
        for lang in sorted({lang_of[d] for d in test}):
            model = fit_linker.fit_model(train, lang)
            out += [Scored(e, model.probability(e.candidate.features), model.threshold)
                    for d in test if lang_of[d] == lang for e in examples_of[d]]
    return out


def marked(doc, candidate) -> str:
    """The date's sentence with the date in [[ ]]."""
    s, t, text = candidate.sentence, candidate.time, doc.text
    return (text[s.start:t.start_char] + "[[" + text[t.start_char:t.end_char] + "]]"
            + text[t.end_char:s.end]).replace("\n", " ")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", metavar="KIND", help="print the pairs of this kind (a prefix)")
    parser.add_argument("--seed", type=int, default=0, help="which fold split")
    args = parser.parse_args(argv)
    golds = linker_data.load()
    doc_of = {g.gold["doc_id"]: g.doc for g in golds}
    scored = held_out(golds, args.seed)
    gold_dates = defaultdict(bool)
    for s in scored:
        gold_dates[s.example.doc_id, s.example.candidate.time.start_char] |= s.example.label
    counts: Counter = Counter()
    for s in scored:
        e = s.example
        doc = doc_of[e.doc_id]
        local = doc.mentions_between(e.candidate.sentence.start, e.candidate.sentence.end)
        k = kind(s, local, gold_dates[e.doc_id, e.candidate.time.start_char])
        counts[k] += 1
        if args.list and k.startswith(args.list):
            print(f"{k} {e.doc_id} {e.candidate.person!r} p={s.probability:.2f} "
                  f"th={s.threshold} rule={e.candidate.rule.value}\n    {marked(doc, e.candidate)[:300]}")
    for k in sorted(counts):
        print(f"{k:28s} {counts[k]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
