import os

import pandas as pd
import pytest

from extract.output import write_outputs
from extract.tables import (DOCUMENT_COLUMNS, EVENT_COLUMNS, PERSON_COLUMNS, PROBLEM_COLUMNS,
                            TIMEX_COLUMNS, Tables, frame)


def _tables():
    return Tables(*(frame([], cols) for cols in
                    (TIMEX_COLUMNS, EVENT_COLUMNS, PERSON_COLUMNS, DOCUMENT_COLUMNS, PROBLEM_COLUMNS)))


def test_writes_every_file_with_its_header(tmp_path):
    write_outputs(_tables(), tmp_path / "out")
    for name, cols in [("timexes", TIMEX_COLUMNS), ("events", EVENT_COLUMNS),
                       ("persons", PERSON_COLUMNS), ("problems", PROBLEM_COLUMNS)]:
        assert list(pd.read_csv(tmp_path / "out" / f"{name}.csv").columns) == cols


def test_a_failing_writer_leaves_earlier_outputs_untouched(tmp_path):
    out = tmp_path / "out"
    write_outputs(_tables(), out)
    before = (out / "events.csv").read_text()

    def broken(path):
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_outputs(_tables()._replace(events=frame([{"event_id": "new"}], EVENT_COLUMNS)),
                      out, {"extra.txt": broken})
    assert (out / "events.csv").read_text() == before
    assert [p for p in os.listdir(out) if p.startswith(".staging")] == []
