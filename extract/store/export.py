"""`python -m extract export`: the store's tables as the command line's output folder.

The files are the ones `python -m extract INPUT --out DIR` writes for the same articles
(CSV always, TimeML and Parquet on request), through the same atomic writer.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract.output import write_outputs
from extract.records import TimeMention
from extract.store import Store


def _when(value) -> dt.date | dt.datetime | None:
    """A stored ISO start or end back as the date (or datetime) the timex had."""
    if not value:
        return None
    return dt.datetime.fromisoformat(value) if "T" in str(value) else dt.date.fromisoformat(str(value))


def _timeml_writer(store: Store):
    """TimeML files streamed article by article (articles and timexes read side by side)."""
    from extract.timeml import to_timeml

    def timexes_by_seq():
        cur = store.con.cursor()
        cur.execute("SELECT _seq, start_char, end_char, text, type, value, grain, start, \"end\", "
                    "mod, rule, score FROM base_timexes ORDER BY _seq, _row")
        while rows := cur.fetchmany(10_000):
            yield from rows

    def write(folder: Path) -> None:
        folder.mkdir()
        cur = store.con.cursor()
        cur.execute("SELECT doc_id, text, published, _seq FROM base_articles a WHERE EXISTS "
                    "(SELECT 1 FROM base_documents d WHERE d.doc_id = a.doc_id) ORDER BY _seq")
        timexes, pending = timexes_by_seq(), None
        while batch := cur.fetchmany(500):
            for doc_id, text, published, seq in batch:
                mine = []
                pending = pending or next(timexes, None)
                while pending and pending[0] <= seq:
                    if pending[0] == seq:
                        s, e, t, ty, v, g, lo, hi, m, r, sc = pending[1:]
                        mine.append(TimeMention(s, e, t, ty, v, g, _when(lo), _when(hi), m, r, sc))
                    pending = next(timexes, None)
                safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)
                when = dt.datetime.fromisoformat(published) if published else None
                (folder / f"{safe}.tml").write_text(to_timeml(text, mine, doc_id, when),
                                                    encoding="utf-8")
    return write


def export(store_dir: Path, out: Path, formats: list[str]) -> tuple[Store, object]:
    store = Store.open(store_dir)
    tables = store.tables()
    extra = {}
    if "timeml" in formats:
        extra["timeml"] = _timeml_writer(store)
    if "parquet" in formats:
        for name in ("timexes", "events", "persons", "documents"):
            extra[f"{name}.parquet"] = (lambda path, df=getattr(tables, name):
                                        df.to_parquet(path, index=False))
    write_outputs(tables, Path(out), extra)
    return store, tables
