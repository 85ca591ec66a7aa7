"""Every bad input is reported with its file (and line), and the rest is still read."""
import json

from extract.ingest import read_paths, read_upload


def _messages(problems):
    return [str(p) for p in problems]


def test_malformed_json_line_is_reported_and_other_lines_read(tmp_path):
    path = tmp_path / "docs.jsonl"
    good = {"doc_id": "a", "text": "Op 3 mei won Ajax.", "published": "2022-05-04"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "doc_id": "b"}) + "\n")
    articles, problems = read_paths([path])
    assert [a.doc_id for a in articles] == ["a", "b"]
    assert len(problems) == 1
    assert problems[0].file == str(path) and problems[0].line == 2
    assert "malformed JSON" in problems[0].message


def test_line_without_text_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"doc_id": "x", "published": "2022-05-04"}\n')
    articles, problems = read_paths([path])
    assert articles == []
    assert (problems[0].line, problems[0].severity) == (1, "error")
    assert "text" in problems[0].message


def test_cp1252_file_is_read_with_a_warning(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Café “De Kroon” sluit\n\nMaandag, 2 mei 2022 om 10:00 • Redactie\n\nHet café sluit op 1 juni.".encode("cp1252"))
    articles, problems = read_paths([path])
    assert articles[0].title == "Café “De Kroon” sluit"
    assert any("cp1252" in m and str(path) in m for m in _messages(problems))


def test_empty_and_binary_files_are_errors_naming_the_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "ok.txt").write_text("Kop\n\nWoensdag, 4 mei 2022 om 10:00 • A\n\nTekst.")
    articles, problems = read_paths([tmp_path])
    assert [a.doc_id for a in articles] == ["ok"]
    messages = _messages(problems)
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("image.txt" in m and "binary" in m for m in messages)


def test_missing_publication_date_is_a_warning_and_the_article_is_kept(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"doc_id": "x", "text": "Gisteren won Ajax.", "published": "gisteren"}\n')
    articles, problems = read_paths([path])
    assert articles[0].published is None
    assert problems[0].severity == "warning" and "neither an ISO date" in problems[0].message


def test_missing_file_is_reported(tmp_path):
    articles, problems = read_paths([tmp_path / "nope.jsonl"])
    assert articles == [] and "no such file" in problems[0].message


def test_duplicate_doc_ids_are_renamed_not_dropped(tmp_path):
    path = tmp_path / "docs.jsonl"
    row = json.dumps({"doc_id": "a", "text": "Tekst.", "published": "2022-05-04"})
    path.write_text(row + "\n" + row + "\n")
    articles, problems = read_paths([path])
    assert [a.doc_id for a in articles] == ["a", "a~2"]
    assert "renamed" in problems[0].message


def test_upload_name_never_becomes_a_path():
    articles, problems = read_upload("../../etc/passwd.txt", b"")
    assert problems[0].file == "passwd.txt"
