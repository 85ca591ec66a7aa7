"""Rows of the output tables."""
import datetime as dt

from extract.records import Article, Event, TimeMention
from extract.tables import MAX_SENTENCE_CHARS, event_row


def test_a_long_sentence_is_cut_to_a_window_around_its_date():
    text = "woord " * 20_000 + "op 3 mei 2022 tekende Jan Jansen " + "woord " * 20_000
    start = text.index("3 mei 2022")
    time = TimeMention(start, start + 10, "3 mei 2022", "DATE", "2022-05-03", "day")
    event = Event("a", "Jan Jansen", time, text, 0, "tekende")
    row = event_row(Article("a", text, dt.datetime(2022, 5, 4), "nl"), 1, event)
    assert len(row["sentence"]) <= MAX_SENTENCE_CHARS and "3 mei 2022" in row["sentence"]
    s = row["sentence_start"]
    assert text[s:s + len(row["sentence"])] == row["sentence"]
    assert row["sentence"].startswith("woord") and row["sentence"].endswith("woord")
