"""Candidate (date, person) pairs of gold articles with their gold answer.

A system date is aligned to a gold expression as the scorer aligns them (the first unused
system expression that overlaps a required gold item). The pair is positive when the gold
item lists a person the scorer would take the candidate's person for. Dates that overlap
only optional items are left out (the scorer neither rewards nor punishes them); dates
that overlap no gold item are negatives.
"""
from __future__ import annotations

from dataclasses import dataclass

from extract import document
from extract.document import Document
from extract.linking.features import Candidate, candidates
from evaluation import devsets


@dataclass(frozen=True)
class Example:
    doc_id: str
    lang: str
    candidate: Candidate
    label: bool


@dataclass(frozen=True)
class GoldDocument:
    gold: dict
    doc: Document
    examples: tuple[Example, ...]


def _aligned(gold: dict, doc: Document) -> tuple[dict[int, dict], set[int]]:
    """({system timex index: required gold item}, indexes overlapping optional items only)."""
    items = devsets.scorer().gold_items(gold)
    required = [it for it in items if it.get("required")]
    used: dict[int, dict] = {}
    for it in required:
        for k, t in enumerate(doc.timexes):
            if k not in used and t.start_char < it["end_char"] and it["start_char"] < t.end_char:
                used[k] = it
                break
    optional = {k for k, t in enumerate(doc.timexes) if k not in used and any(
        t.start_char < it["end_char"] and it["start_char"] < t.end_char for it in items)}
    return used, optional


def _system_names(gold: dict, doc: Document) -> dict[str, set[str]]:
    """{gold name: the system persons that are it}: the scorer's rule (same folded name, an
    alias, or the same last name), narrowed to full-name matches where there are any, so
    that "Lazaro Gonzalez" is not taken for "Elian Gonzalez"."""
    score = devsets.scorer()
    system = {m.person for m in doc.mentions}
    out = {}
    for g in gold.get("persons", []):
        forms = [score.fold(f) for f in [g["name"], *g.get("aliases", [])]]
        full = {p for p in system if score.fold(p) in forms}
        out[g["name"]] = full or {p for p in system if score.same_person(p, g)}
    return out


def label_document(gold: dict, doc: Document) -> GoldDocument:
    names_of = _system_names(gold, doc)
    used, optional = _aligned(gold, doc)
    position = {id(t): k for k, t in enumerate(doc.timexes)}
    examples = []
    for c in candidates(doc):
        k = position[id(c.time)]
        if k in optional or c.veto is not None:
            continue  # neither rewarded nor punished; decided by the guideline, not the model
        item = used.get(k)
        label = any(c.person in names_of.get(n, ()) for n in (item.get("persons", []) if item else []))
        examples.append(Example(gold["doc_id"], doc.lang, c, label))
    return GoldDocument(gold, doc, tuple(examples))


def load(names=devsets.TRAINING_SETS) -> list[GoldDocument]:
    out = []
    for name in names:
        if not devsets.available(name):
            raise SystemExit(f"evaluation: {name} is missing: {devsets.REBUILD_HINT}"
                             if name == "nl_news" else f"evaluation: {devsets.GOLD_SETS[name]} is missing")
        golds = devsets.gold_docs(name)
        for gold, article in zip(golds, devsets.articles(golds)):
            out.append(label_document(gold, document.build(article)))
    return out
