"""The columns the store keeps per table: the schema's, then its own ("_" names).

    STAGED[table]   what a worker writes for one part of a batch (`rows.write_part`)
    STORED[table]   what a committed batch holds: STAGED plus DERIVED columns
    DERIVED         SQL for columns computed once at commit, so that readers filter on
                    numbers and one lower-case column instead of parsing text per query

No extractor import here: the dashboard reads these names without loading the pipeline.
"""
from __future__ import annotations

from extract import schema

STAGED = {
    "articles": schema.ARTICLES + schema.columns("_seq:int"),
    "timexes": schema.TIMEXES + schema.columns("_seq:int _row:int"),
    "events": schema.EVENTS + schema.columns("_seq:int _row:int _raw_person _fold"),
    "persons": schema.TableSchema("persons", schema.columns(
        "doc_id _raw_person person mentions:int _named:bool _surname _seq:int")),
    "documents": schema.DOCUMENTS + schema.columns("_seq:int"),
    "problems": schema.PROBLEMS + schema.columns("_batch:int _stage _seq:int _row:int"),
}

_DAY = "date_diff('day', DATE '1970-01-01', try_cast(left({c}, 10) AS DATE))"
_DAY0 = _DAY.format(c="start")
_END = '"end"'
DERIVED: dict[str, dict[str, str]] = {
    "articles": {"_batch": "CAST($batch AS BIGINT)"},     # the batch that added it
    "events": {
        # first and last day the date can mean, as days since 1970 (NULL: undated); an
        # end that is missing or before the start counts as the start
        "_day0": _DAY0,
        "_day1": f"CASE WHEN {_DAY0} IS NULL THEN NULL ELSE "
                 f"greatest({_DAY0}, coalesce({_DAY.format(c=_END)}, {_DAY0})) END",
        # month of the start as year * 12 + month - 1 (the overview chart's bins)
        "_month": f"CAST(year(try_cast(left(start, 10) AS DATE)) * 12 "
                  f"+ month(try_cast(left(start, 10) AS DATE)) - 1 AS BIGINT)",
        # what free-text search looks in: label and sentence (the date as written is in it)
        "_search": "lower(label || ' | ' || sentence)",
    },
}
_DERIVED_KINDS = {"_batch": "int", "_day0": "int?", "_day1": "int?", "_month": "int?",
                  "_search": ""}

STORED = {table: cols + schema.columns(" ".join(
    f"{name}:{_DERIVED_KINDS[name]}".rstrip(":") for name in DERIVED.get(table, {})))
    for table, cols in STAGED.items()}


def stored_select(table: str, batch: int = 0) -> str:
    """The SELECT list writing `table`'s staged rows as stored rows (derived computed)."""
    derived = DERIVED.get(table, {})
    return ", ".join(f'"{c}"' if c not in derived else
                     f'{derived[c].replace("$batch", str(int(batch)))} AS "{c}"'
                     for c in STORED[table].names)
