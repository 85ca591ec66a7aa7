"""Small corpora for the store's tests: the bundled samples and crafted Dutch articles
whose facts need the whole corpus (a surname alone, one fact in two articles)."""
from __future__ import annotations

import json
from pathlib import Path


ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "data" / "articles"
MEANTIME = ROOT / "data" / "meantime_nl"

CRAFTED = {
    "a1": ("Ancelotti tekent bij Real Madrid", "Trainer Carlo Ancelotti heeft op 3 mei 2022 "
           "een contract getekend bij Real Madrid. Ancelotti was blij.", "Marca"),
    "a2": ("Real Madrid strikt trainer", "Ancelotti heeft op 3 mei 2022 een contract getekend "
           "bij Real Madrid, meldt de club.", "AS"),
    "a3": ("Ajax wint", "Trainer Erik ten Hag won zondag 8 mei 2022 de titel met Ajax. Ten Hag "
           "vertrekt in juli naar Manchester United.", "NOS"),
    "a4": ("Ten Hag naar United", "Erik ten Hag vertrekt in juli 2022 naar Manchester United, "
           "zei de trainer dinsdag.", "AD"),
}


def write_jsonl(path: Path, ids, **changes) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id in ids:
            title, body, source = CRAFTED[doc_id]
            record = {"doc_id": doc_id, "title": title, "text": f"{title}\n\n{body}",
                      "published": "2022-05-10", "lang": "nl", "source": source,
                      **changes.get(doc_id, {})}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def assert_same_tables(got, want) -> None:
    """Every table equal, cell for cell, as the CSV files show them."""
    for name in want._fields:
        a = getattr(got, name).to_csv(index=False)
        b = getattr(want, name).to_csv(index=False)
        assert a == b, f"{name} differs"
