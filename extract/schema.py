"""The one table schema: every table's columns, in order, with their types.

The in-memory tables (`extract.tables`), the corpus store (`extract.store`), its exports and
the dashboard all take their column names from here, so that a column added or renamed in
one place is added or renamed everywhere. README's "Output files" documents each column.

Types are logical: "string" (empty string for nothing, as the CSV files have always had),
"int" (64-bit), "float" (64-bit), "nullable int" (the problems' line: empty when a problem
concerns a whole file).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["string", "int", "float", "nullable int", "bool"]

_SQL = {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "nullable int": "BIGINT",
        "bool": "BOOLEAN"}
_PANDAS = {"string": "object", "int": "int64", "float": "float64", "nullable int": "Int64",
           "bool": "bool"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = "string"

    @property
    def sql_type(self) -> str:
        return _SQL[self.kind]

    @property
    def pandas_dtype(self) -> str:
        return _PANDAS[self.kind]


@dataclass(frozen=True)
class TableSchema:
    """A table's columns in output order."""
    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def __getitem__(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def __add__(self, more: tuple[Column, ...]) -> TableSchema:
        return TableSchema(self.name, self.columns + tuple(more))


def columns(spec: str) -> tuple[Column, ...]:
    """'a b:int c:float' -> columns; a name alone is a string column."""
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, {"": "string", "int": "int", "float": "float",
                                 "int?": "nullable int", "bool": "bool"}[kind]))
    return tuple(out)


TIMEXES = TableSchema("timexes", columns(
    "doc_id start_char:int end_char:int text type value mod start end grain rule score:float"))
_EVENT_FIELDS = columns(
    "event_id doc_id person start end grain value mod type time_text time_start_char:int "
    "time_end_char:int label event_type confidence:float link_rule sentence sentence_start:int "
    "published title source url")
_FACT_FIELDS = columns("fact_id sources n_sources:int")
EVENTS = TableSchema("events", _EVENT_FIELDS + _FACT_FIELDS)
PERSONS = TableSchema("persons", columns("doc_id person mentions:int"))
DOCUMENTS = TableSchema("documents", columns(
    "doc_id title published lang source url author origin n_chars:int n_timexes:int "
    "n_events:int n_persons:int"))
PROBLEMS = TableSchema("problems", columns("file line:int? doc_id severity message"))
ARTICLES = TableSchema("articles", columns(
    "doc_id content_hash extractor_version title published lang source url author origin text"))
"""The store's copy of each article: `published` is the exact ISO datetime (documents'
`published` is rounded to minutes), so that an article can be extracted again as it was."""

TABLES = (TIMEXES, EVENTS, PERSONS, DOCUMENTS, PROBLEMS)
"""The tables of every extraction (`extract.tables.Tables`), in its field order."""

TIMEX_COLUMNS = TIMEXES.names
EVENT_COLUMNS = [c.name for c in _EVENT_FIELDS]
FACT_COLUMNS = [c.name for c in _FACT_FIELDS]
PERSON_COLUMNS = PERSONS.names
DOCUMENT_COLUMNS = DOCUMENTS.names
PROBLEM_COLUMNS = PROBLEMS.names
ARTICLE_COLUMNS = ARTICLES.names
