"""The corpus steps kept right as the store changes, without redoing every article.

    update(con) -> Changes

Before: the views of the committed store (`extract.store.views`), the new batch's staged
rows (`s_events`, `s_persons`) and the documents leaving the store (`removed`).
After: temp tables `n_persons` and `n_events` (the new rows with canonical persons and
fact groups), `next_ov_events` and `next_ov_names` (corrections of earlier batches).

Canonical names (`extract.persons.merge_corpus_names`): a name's canonical form depends
only on the names sharing its surname key, so only the surnames the change touches are
recomputed, over every name in the store with those surnames.

Fact groups (`extract.corroborate.group_facts`): facts are connected groups of events of
one person whose dates overlap. A new (or renamed) event can only join groups that hold
an event of its person overlapping its dates; a removed one can only split its own group.
Those groups, with the new events, are regrouped in corpus order (`_seq`, `_row`): the
same fact_id, sources and n_sources as grouping the whole corpus at once.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import duckdb
import pandas as pd

from extract.corroborate import _fold as fold_person, group_facts
from extract.persons import merge_corpus_names

LO = "try_cast(left({t}.start, 10) AS DATE)"
HI = "coalesce(try_cast(left({t}.\"end\", 10) AS DATE), " + LO + ")"


def _lo(t: str) -> str:
    return f"least({LO.format(t=t)}, {HI.format(t=t)})"


def _hi(t: str) -> str:
    return f"greatest({LO.format(t=t)}, {HI.format(t=t)})"


@dataclass(frozen=True)
class Changes:
    renamed: int       # earlier (document, name) pairs whose canonical name changed
    regrouped: int     # events whose fact group was recomputed


def _canonical_names(con: duckdb.DuckDBPyConnection) -> int:
    con.execute("""CREATE OR REPLACE TEMP TABLE touched_surnames AS
        SELECT DISTINCT _surname FROM s_persons UNION
        SELECT DISTINCT _surname FROM cur_persons WHERE doc_id IN (SELECT doc_id FROM removed)""")
    pairs = con.execute("""
        SELECT doc_id, _raw_person, person AS old, false AS new FROM cur_persons
          WHERE _surname IN (SELECT _surname FROM touched_surnames)
            AND doc_id NOT IN (SELECT doc_id FROM removed)
        UNION ALL SELECT doc_id, _raw_person, NULL, true FROM s_persons""").fetchall()
    names_by_doc: dict[str, set[str]] = defaultdict(set)
    for doc, raw, _, _ in pairs:
        names_by_doc[doc].add(raw)
    canonical = merge_corpus_names({d: sorted(n) for d, n in names_by_doc.items()})
    frame = pd.DataFrame([(d, r, canonical.get((d, r), r), o, n) for d, r, o, n in pairs],
                         columns=["doc_id", "_raw_person", "person", "old", "new"])
    con.register("canon_frame", frame)
    con.execute("CREATE OR REPLACE TEMP TABLE canon AS SELECT * FROM canon_frame")
    con.unregister("canon_frame")
    con.execute("""CREATE OR REPLACE TEMP TABLE n_persons AS
        SELECT s.* REPLACE (c.person AS person) FROM s_persons s JOIN canon c
          ON c.new AND c.doc_id = s.doc_id AND c._raw_person = s._raw_person""")
    con.execute("""CREATE OR REPLACE TEMP TABLE changed AS
        SELECT doc_id, _raw_person, person FROM canon WHERE NOT new AND person <> old""")
    return con.execute("SELECT count(*) FROM changed").fetchone()[0]


def _add_folds(con: duckdb.DuckDBPyConnection, table: str) -> None:
    persons = [p for (p,) in con.execute(f"SELECT DISTINCT person FROM {table}").fetchall()]
    folds = pd.DataFrame({"person": persons, "fold": [fold_person(p) for p in persons]})
    con.register("fold_frame", folds)
    con.execute(f"UPDATE {table} SET _fold = f.fold FROM fold_frame f WHERE {table}.person = f.person")
    con.unregister("fold_frame")


def _events_to_group(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""CREATE OR REPLACE TEMP TABLE n_events AS
        SELECT s.* REPLACE (coalesce(c.person, s._raw_person) AS person) FROM s_events s
        LEFT JOIN canon c ON c.new AND c.doc_id = s.doc_id AND c._raw_person = s._raw_person""")
    _add_folds(con, "n_events")
    con.execute("""CREATE OR REPLACE TEMP TABLE r_events AS
        SELECT e.* REPLACE (c.person AS person), e.fact_id AS old_fact FROM cur_events e
        JOIN changed c ON e.doc_id = c.doc_id AND e._raw_person = c._raw_person
        WHERE e.doc_id NOT IN (SELECT doc_id FROM removed)""")
    _add_folds(con, "r_events")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE touch AS
        SELECT _fold, {_lo('n')} AS lo, {_hi('n')} AS hi FROM n_events n UNION ALL
        SELECT _fold, {_lo('r')}, {_hi('r')} FROM r_events r""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE seeds AS
        SELECT fact_id FROM cur_events WHERE doc_id IN (SELECT doc_id FROM removed)
        UNION SELECT old_fact FROM r_events
        UNION SELECT o.fact_id FROM cur_events o JOIN touch t ON o._fold = t._fold
          AND {_lo('o')} <= t.hi AND {_hi('o')} >= t.lo
          WHERE o.doc_id NOT IN (SELECT doc_id FROM removed)""")


_GROUP_COLUMNS = "event_id, doc_id, person, _fold, start, \"end\", event_type, label, source, _seq, _row"


def _regroup(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.execute(f"""
        SELECT {_GROUP_COLUMNS}, false AS new FROM cur_events
          WHERE fact_id IN (SELECT fact_id FROM seeds)
            AND doc_id NOT IN (SELECT doc_id FROM removed)
            AND event_id NOT IN (SELECT event_id FROM r_events)
        UNION ALL SELECT {_GROUP_COLUMNS}, false FROM r_events
        UNION ALL SELECT {_GROUP_COLUMNS}, true FROM n_events
        ORDER BY _seq, _row""").df()
    grouped = group_facts(rows.reset_index(drop=True))
    out = grouped[["event_id", "doc_id", "person", "_fold", "fact_id", "sources",
                   "n_sources", "new"]]
    con.register("grouped_frame", out)
    con.execute("CREATE OR REPLACE TEMP TABLE grouped AS SELECT * FROM grouped_frame")
    con.unregister("grouped_frame")
    return len(out)


def _next_overrides(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""UPDATE n_events SET fact_id = g.fact_id, sources = g.sources,
        n_sources = g.n_sources FROM grouped g WHERE g.new AND n_events.event_id = g.event_id""")
    # corrections: earlier events whose current values differ from what their batch holds
    con.execute("""CREATE OR REPLACE TEMP TABLE next_ov_events AS
        SELECT * FROM ov_events WHERE doc_id NOT IN (SELECT doc_id FROM removed)
          AND event_id NOT IN (SELECT event_id FROM grouped WHERE NOT new)
        UNION ALL
        SELECT g.event_id, g.doc_id, g.person, g._fold, g.fact_id, g.sources, g.n_sources
          FROM grouped g JOIN base_events b ON g.event_id = b.event_id AND g.doc_id = b.doc_id
          WHERE NOT g.new AND b.doc_id NOT IN (SELECT doc_id FROM removed)
            AND (g.person, g.fact_id, g.sources, g.n_sources)
                IS DISTINCT FROM (b.person, b.fact_id, b.sources, b.n_sources)""")
    con.execute("""CREATE OR REPLACE TEMP TABLE next_ov_names AS
        SELECT o.* FROM ov_names o WHERE doc_id NOT IN (SELECT doc_id FROM removed)
          AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.doc_id = o.doc_id
                          AND c._raw_person = o._raw_person)
        UNION ALL
        SELECT c.doc_id, c._raw_person, c.person FROM changed c JOIN base_persons b
          ON b.doc_id = c.doc_id AND b._raw_person = c._raw_person
          WHERE c.person <> b.person""")


def update(con: duckdb.DuckDBPyConnection) -> Changes:
    renamed = _canonical_names(con)
    _events_to_group(con)
    regrouped = _regroup(con)
    _next_overrides(con)
    return Changes(renamed, regrouped)
