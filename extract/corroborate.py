"""One timeline fact per real-world fact, however many articles report it.

    group_facts(events) -> events + fact_id, sources, n_sources

Two event rows are the same fact when they concern the same person (names compared without
case and accents), their date ranges overlap with widths within a factor of 3 of each other
(28 May is not the same fact as "2022"), and they say the same kind of thing: the same
event_type other than "other", or labels sharing at least a third of their words. Facts are
the connected groups of that relation; `sources` lists the distinct documents (doc_id, or
the source when there is no doc_id) joined by ";", and `n_sources` counts them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import pandas as pd

MIN_LABEL_OVERLAP = 1 / 3
MAX_WIDTH_RATIO = 3.0
MAX_NEIGHBOURS = 64


def _fold(text) -> str:
    text = str(text or "")
    if text.isascii():  # most names and labels: nothing to strip
        return text.lower().strip()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def _words(label) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", _fold(label)) if len(w) > 2)


def _day(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    try:
        stamp = pd.Timestamp(str(value)[:10])
    except (ValueError, TypeError):
        return None
    return None if pd.isna(stamp) else stamp


def _same(a: dict, b: dict) -> bool:
    if a["d0"] is None or b["d0"] is None:
        return False
    if a["d0"] > b["d1"] or b["d0"] > a["d1"]:
        return False
    wa = a["d1"] - a["d0"] + 1
    wb = b["d1"] - b["d0"] + 1
    if max(wa, wb) > MAX_WIDTH_RATIO * min(wa, wb):
        return False
    if a["type"] == b["type"] and a["type"] not in ("", "other"):
        return True
    wa_, wb_ = a["words"], b["words"]
    if not wa_ or not wb_:
        return (a["d0"], a["d1"]) == (b["d0"], b["d1"])
    return len(wa_ & wb_) / min(len(wa_), len(wb_)) >= MIN_LABEL_OVERLAP


class _Groups:
    """Union-find over row numbers."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(j)] = self.find(i)


def _rows(out: pd.DataFrame) -> list[dict]:
    get = lambda col: out[col] if col in out.columns else pd.Series([""] * len(out), index=out.index)
    days: dict = {}
    day = lambda v: days[v] if v in days else days.setdefault(v, _day(v))
    rows = []
    for idx, person, start, end, etype, label, doc, source in zip(
            out.index, get("person"), get("start"), get("end"), get("event_type"), get("label"),
            get("doc_id"), get("source")):
        lo, hi = day(start), day(end)
        if lo is not None and hi is None:
            hi = lo
        if lo is not None and hi < lo:
            lo, hi = hi, lo
        doc_key = str(doc) if doc is not None and str(doc) not in ("", "nan") else str(source or "")
        d0, d1 = (lo.toordinal(), hi.toordinal()) if lo is not None else (None, None)
        rows.append({"idx": idx, "person": _fold(person), "lo": lo, "hi": hi, "d0": d0, "d1": d1,
                     "type": str(etype or ""), "words": _words(label), "doc": doc_key})
    return rows


def _join_same(rows: list[dict], groups: _Groups) -> None:
    """Join every pair of rows that `_same` relates, in time linear in the rows.

    Rows with equal person, dates, type and label words are the same fact outright, so
    only one representative of each such key is compared; a representative is compared
    with at most MAX_NEIGHBOURS later ones that start inside its range (one article that
    repeats a name and a date thousands of times costs no more than a normal one).
    """
    representative: dict[tuple, int] = {}
    by_person: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r["lo"] is None:
            continue  # an undated row is no fact to share
        key = (r["person"], r["lo"], r["hi"], r["type"], r["words"])
        if key in representative:
            groups.join(representative[key], i)
            continue
        representative[key] = i
        by_person.setdefault(r["person"], []).append(i)
    for members in by_person.values():
        members.sort(key=lambda i: (rows[i]["d0"], rows[i]["d1"]))
        for pos, i in enumerate(members):
            end = rows[i]["d1"]
            for j in members[pos + 1:pos + 1 + MAX_NEIGHBOURS]:
                if rows[j]["d0"] > end:
                    break
                if _same(rows[i], rows[j]):
                    groups.join(i, j)


def group_facts(events: pd.DataFrame) -> pd.DataFrame:
    out = events.copy()
    if out.empty:
        for col, dtype in (("fact_id", "object"), ("sources", "object"), ("n_sources", "int64")):
            out[col] = pd.Series(dtype=dtype)
        return out
    rows = _rows(out)
    groups = _Groups(len(rows))
    _join_same(rows, groups)
    members_of: dict[int, list[int]] = {}
    for i in range(len(rows)):
        members_of.setdefault(groups.find(i), []).append(i)
    fact_id, sources, n_sources = {}, {}, {}
    for members in members_of.values():
        first = min(members, key=lambda i: (str(rows[i]["lo"]), rows[i]["doc"], i))
        r = rows[first]
        key = f"{r['person']}|{r['lo']}|{r['hi']}|{r['type']}|{r['doc']}"
        fid = "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        docs = sorted({rows[i]["doc"] for i in members if rows[i]["doc"]})
        for i in members:
            fact_id[rows[i]["idx"]] = fid
            sources[rows[i]["idx"]] = ";".join(docs)
            n_sources[rows[i]["idx"]] = len(docs)
    out["fact_id"] = pd.Series(fact_id)
    out["sources"] = pd.Series(sources)
    out["n_sources"] = pd.Series(n_sources).astype("int64")
    return out
