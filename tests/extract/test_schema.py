"""The one schema: the command line's column contract, and the tables built from it."""
from extract import extract_paths, schema
from extract.tables import Tables


def test_output_columns_are_the_documented_contract():
    assert schema.TIMEX_COLUMNS == ["doc_id", "start_char", "end_char", "text", "type", "value",
                                    "mod", "start", "end", "grain", "rule", "score"]
    assert schema.EVENTS.names[-3:] == ["fact_id", "sources", "n_sources"]
    assert schema.EVENT_COLUMNS + schema.FACT_COLUMNS == schema.EVENTS.names
    assert schema.PROBLEM_COLUMNS == ["file", "line", "doc_id", "severity", "message"]


def test_every_extraction_table_has_exactly_the_schema_columns():
    tables = extract_paths(["data/articles"])
    for table_schema, name in zip(schema.TABLES, Tables._fields):
        assert table_schema.name == name
        assert list(getattr(tables, name).columns) == table_schema.names


def test_kinds_map_to_sql_and_pandas_types():
    assert schema.EVENTS["n_sources"].sql_type == "BIGINT"
    assert schema.EVENTS["confidence"].pandas_dtype == "float64"
    assert schema.PROBLEMS["line"].pandas_dtype == "Int64"
