"""Input that lost articles before: each is now read, or named in a problem, never both lost."""
import csv
import datetime as dt
import json
import os
import socket

import pytest

from extract.ingest import read_paths, read_upload
from extract.ingest.language import detect

ARTICLE = {"doc_id": "ok", "text": "Op 3 mei 2022 tekende Jan Jansen bij Ajax.", "published": "2022-05-04"}
DEPTH = 100_000


def _line(**fields) -> str:
    return json.dumps({**ARTICLE, **fields}, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("deep", ["[" * DEPTH + "]" * DEPTH, '{"a":' * DEPTH + "1" + "}" * DEPTH])
def test_deeply_nested_json_costs_only_its_own_line(tmp_path, deep):
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "mixed.jsonl").write_text(_line(doc_id="a") + deep + "\n" + _line(doc_id="b"))
    (tmp_path / "good.jsonl").write_text(_line(doc_id="c"))
    articles, problems = read_paths([tmp_path])
    assert [a.doc_id for a in articles] == ["c", "a", "b"]
    where = {(os.path.basename(p.file), p.line) for p in problems if "nested too deeply" in p.message}
    assert where == {("deep.json", 1), ("mixed.jsonl", 2)}


def test_deeply_nested_upload_keeps_its_valid_lines():
    deep = "[" * DEPTH + "]" * DEPTH
    articles, problems = read_upload("x.jsonl", (_line(doc_id="a") + deep + "\n").encode())
    assert [a.doc_id for a in articles] == ["a"]
    assert [(p.line, "nested too deeply" in p.message) for p in problems] == [(2, True)]


def _csv(rows) -> str:
    import io
    out = io.StringIO()
    writer = csv.DictWriter(out, ["doc_id", "text", "published"])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_a_csv_field_over_128_kb_is_read_with_the_rest(tmp_path):
    rows = [{"doc_id": str(n), "text": f"Artikel {n}. Op 3 mei won Ajax.", "published": "2022-05-04"}
            for n in range(7)]
    rows[2]["text"] = "Lang artikel. " * 20_000  # 280 KB
    path = tmp_path / "big.csv"
    path.write_text(_csv(rows))
    articles, problems = read_paths([path])
    assert [a.doc_id for a in articles] == [str(n) for n in range(7)] and problems == []


def test_multi_line_csv_records_are_reported_at_their_first_line(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(_csv([{"doc_id": "a", "text": "Regel een.\nRegel twee.\nRegel drie.", "published": "2022-05-04"},
                          {"doc_id": "b", "text": "", "published": "2022-05-04"}]))
    articles, problems = read_paths([path])
    assert [a.doc_id for a in articles] == ["a"]
    assert [(p.line, p.doc_id) for p in problems] == [(5, "b")]


def test_a_stray_latin1_byte_repairs_only_that_byte(tmp_path):
    path = tmp_path / "a.txt"
    good = "Café Jürgen sluit\n\nMaandag, 2 mei 2022 om 10:00 • Redactie\n\n".encode()
    path.write_bytes(good + b"Het caf\xe9 sluit op 1 juni.\n")
    [article], problems = read_paths([path])
    assert article.title == "Café Jürgen sluit" and "Het café sluit" in article.text
    assert [str(p) for p in problems] == [
        f"{path}: warning: UTF-8 with 1 invalid byte (line 5), read as cp1252"]


@pytest.mark.parametrize("encoding, warning", [("utf-16", None), ("utf-16-le", "UTF-16-LE"),
                                               ("utf-16-be", "UTF-16-BE")])
def test_utf16_with_or_without_byte_order_mark(tmp_path, encoding, warning):
    path = tmp_path / "a.jsonl"
    path.write_bytes(_line(title="Café").encode(encoding))
    [article], problems = read_paths([path])
    assert article.title == "Café"
    assert [p.message for p in problems] == ([f"no byte-order mark; read as {warning}"] if warning else [])


def test_nul_bytes_never_reach_the_output(tmp_path):
    from extract.cli import main
    path = tmp_path / "a.jsonl"
    text = ARTICLE["text"].replace("Jan", "J\x00an")
    path.write_text(_line(text=text, title="T\x00itel"))
    [article], problems = read_paths([path])
    assert "\x00" not in article.text + article.title and len(article.text) == len(text)
    assert [(p.line, "3 control characters" in p.message) for p in problems] == [(1, True)], problems
    assert main([str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    for csv_file in (tmp_path / "out").glob("*.csv"):
        assert b"\x00" not in csv_file.read_bytes()


def test_a_pretty_printed_json_object_is_one_article(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(ARTICLE, indent=2))
    articles, problems = read_paths([path])
    assert [a.doc_id for a in articles] == ["ok"] and problems == []


def test_a_broken_pretty_printed_object_is_one_clear_error(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(ARTICLE, indent=2)[:-3])
    articles, problems = read_paths([path])
    assert articles == [] and len(problems) == 1 and "malformed JSON" in problems[0].message


def test_a_link_out_of_the_folder_is_reported_not_read(tmp_path):
    secret, folder = tmp_path / "secret.txt", tmp_path / "in"
    folder.mkdir()
    secret.write_text("Geheim\n\nroot:x:0:0")
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "ok.txt").write_text("Kop\n\nWoensdag, 4 mei 2022 om 10:00 • A\n\nTekst.")
    (folder / "same.txt").symlink_to(folder / "ok.txt")  # inside: read once, as ok.txt
    articles, problems = read_paths([folder])
    assert [a.doc_id for a in articles] == ["ok"]
    assert [(p.file, "out of the folder" in p.message) for p in problems] == [
        (str(folder / "shadow.txt"), True)]


@pytest.mark.timeout(20)
def test_fifos_and_sockets_are_skipped_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.jsonl"))
    (tmp_path / "ok.txt").write_text("Kop\n\nWoensdag, 4 mei 2022 om 10:00 • A\n\nTekst.")
    try:
        articles, problems = read_paths([tmp_path])
        named, named_problems = read_paths([tmp_path / "pipe.txt"])
    finally:
        sock.close()
    assert [a.doc_id for a in articles] == ["ok"]
    assert sorted((os.path.basename(p.file), p.message.split(",")[0]) for p in problems) == [
        ("pipe.txt", "a FIFO (named pipe)"), ("s.jsonl", "a socket")]
    assert named == [] and "FIFO" in named_problems[0].message


def test_chinese_is_detected_and_said_to_be_unsupported():
    text = "习近平2023年5月3日在北京会见了法国总统马克龙。马克龙说，他将于2024年访问上海。"
    assert detect(text) == "zh"
    [article], problems = read_upload("zh.jsonl", _line(text=text).encode())
    assert article.lang == "zh"
    assert "only en, nl are fully supported" in problems[0].message


def test_chinese_dates_through_the_dateparser_fallback():
    from extract import extract_articles
    from extract.records import Article
    text = "习近平2023年5月3日在北京会见了法国总统马克龙。"
    tables = extract_articles([Article("zh", text, dt.datetime(2023, 5, 4), "zh")])
    assert "2023-05-03" in tables.timexes["value"].tolist()
