"""Property tests over ingestion: whatever the bytes, no exception escapes, and every
article given is either read (with its text intact) or named in a problem."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.ingest import read_upload
from extract.ingest.text_fields import CONTROL

# FACT_TIMELINE_FUZZ_EXAMPLES=2000 for a deeper local run; CI runs the default.
EXAMPLES = int(os.environ.get("FACT_TIMELINE_FUZZ_EXAMPLES", 60))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = ["txt", "jsonl", "json", "csv", "tsv", "html", "md", "", "bin"]
WORDS = ["Ajax", "won", "op", "3 mei 2022", "gisteren", "Jan Jansen", "zei", "“quote”", "café",
         "Jürgen", "€", ";", ",", "\t", '"', "'", "\n", "\r\n", "\u2028", "=SUM(A1)", "{", "[",
         "习近平", "\x00", "\x1b", "\ufeff", "🙂", "-", "@NOS"]

texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), min_size=1, max_size=30).map(" ".join)
published = st.one_of(
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)).map(dt.datetime.isoformat),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.text(max_size=12), st.none())


@st.composite
def articles(draw):
    n = draw(st.integers(1, 6))
    return [{"doc_id": f"d{k}", "text": draw(texts), "published": draw(published),
             "title": draw(st.text(max_size=10))} for k in range(n)]


def _accounted(given: list[dict], found, problems) -> None:
    read = {a.doc_id: a for a in found}
    named = {p.doc_id for p in problems} | {p.line for p in problems if p.line}
    whole_file = any(p.severity == "error" and not p.line and not p.doc_id for p in problems)
    for k, doc in enumerate(given):
        if doc["doc_id"] in read:
            continue
        assert whole_file or doc["doc_id"] in named or (k + 1) in named or (k + 2) in named, \
            f"{doc['doc_id']} neither read nor named in a problem: {problems}"
    assert all(a.text.strip() for a in found)
    assert all("\x00" not in a.text + a.title for a in found)


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(data, suffix):
    found, problems = read_upload(f"f.{suffix}", data)
    assert found or problems


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding in ("cp1252", "latin-1") else "strict")


@SETTINGS
@given(articles(), st.sampled_from(ENCODINGS), st.sampled_from(["jsonl", "array", "pretty"]))
def test_json_in_any_encoding_and_layout(given_articles, encoding, layout):
    if layout == "jsonl":
        text = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in given_articles)
    else:
        text = json.dumps(given_articles, ensure_ascii=False, indent=2 if layout == "pretty" else None)
    found, problems = read_upload("a.json" if layout != "jsonl" else "a.jsonl", _encode(text, encoding))
    _accounted(given_articles, found, problems)
    if encoding.startswith("utf"):
        by_id = {a.doc_id: a for a in found}
        for doc in given_articles:
            if doc["doc_id"] in by_id and doc["text"].strip():
                assert len(by_id[doc["doc_id"]].text) == len(doc["text"])


@SETTINGS
@given(articles(), st.sampled_from(["utf-8", "utf-16", "cp1252"]),
       st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
       st.sampled_from([",", ";", "\t"]))
def test_csv_with_any_quoting_and_separator(given_articles, encoding, quoting, delimiter):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, ["doc_id", "text", "published", "title"], quoting=quoting,
                            delimiter=delimiter)
    writer.writeheader()
    writer.writerows({**a, "published": a["published"] or ""} for a in given_articles)
    found, problems = read_upload("a.csv", _encode(out.getvalue(), encoding))
    _accounted(given_articles, found, problems)
    if encoding == "utf-8":
        by_id = {a.doc_id: a for a in found}
        for doc in given_articles:
            if doc["doc_id"] in by_id:
                assert by_id[doc["doc_id"]].text == CONTROL.sub(" ", doc["text"]) or "\r" in doc["text"]


def _nested(depth: int, kind: str) -> str:
    return ("[" * depth + "]" * depth) if kind == "list" else ('{"a":' * depth + "0" + "}" * depth)


@SETTINGS
@given(st.lists(st.one_of(st.builds(_nested, st.integers(1, 50_000), st.sampled_from(["list", "dict"])),
                          st.just("good")), min_size=1, max_size=5))
def test_json_of_any_shape_and_depth(lines):
    good = {"text": "Op 3 mei 2022 won Ajax.", "published": "2022-05-04"}
    body = "".join((json.dumps({**good, "doc_id": f"g{n}"}) if line == "good" else line) + "\n"
                   for n, line in enumerate(lines, 1))
    found, problems = read_upload("a.jsonl", body.encode())
    assert sorted(a.doc_id for a in found) == sorted(f"g{n}" for n, line in enumerate(lines, 1) if line == "good")
    assert len(problems) >= len(lines) - len(found) or len(lines) == 1
