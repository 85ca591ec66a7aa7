"""The per-article document: built once, answering offset lookups for every stage."""
from __future__ import annotations

import datetime as dt

from extract import document
from extract.records import Article

TEXT = ('Carlo Ancelotti won op 28 mei. Hij was blij. "Ik ben trots", zei Ancelotti.')


def test_build_runs_the_stages_once_and_bundles_them():
    doc = document.build(Article("x", TEXT, dt.datetime(2022, 5, 3), "nl"))
    assert [t.text for t in doc.timexes] == ["op 28 mei"]
    assert [s.text for s in doc.sentences][:2] == ["Carlo Ancelotti won op 28 mei.", "Hij was blij."]
    assert {m.person for m in doc.mentions} == {"Carlo Ancelotti"}
    assert [m.start_char for m in doc.mentions] == sorted(m.start_char for m in doc.mentions)
    quote = doc.quote_at(TEXT.index("trots"))
    assert quote is not None and quote.speaker == "Carlo Ancelotti"
    assert doc.quote_at(TEXT.index("blij")) is None


def test_offset_lookups():
    doc = document.build(Article("x", TEXT, dt.datetime(2022, 5, 3), "nl"))
    hij = TEXT.index("Hij")
    assert doc.sentence_index(hij) == 1 and doc.sentence_at(hij).text == "Hij was blij."
    assert [m.text for m in doc.mentions_between(0, hij)] == ["Carlo Ancelotti"]
    assert doc.mention_before(hij).text == "Carlo Ancelotti"
    assert doc.mention_before(0) is None
    first_person = [m for m in doc.mentions if m.text == "Ik"]
    assert first_person and first_person[0].speaker_self


def test_empty_article():
    doc = document.build(Article("x", "", None, "nl"))
    assert doc.timexes == () and doc.mentions == () and doc.quotes == ()


def test_a_name_inside_a_date_is_no_person():
    # a holiday named after someone names no one; the same name outside a date still counts
    text = "U.S. markets are closed on Monday for Martin Luther King Jr. Day, a national holiday."
    doc = document.build(Article("x", text, dt.datetime(2008, 1, 18), "en"))
    assert "Martin Luther King Jr. Day" in [t.text for t in doc.timexes]
    assert doc.mentions == ()
    text = "Jesse Jackson spoke on Monday. Markets closed for Martin Luther King Day, Jackson said."
    doc = document.build(Article("x", text, dt.datetime(2008, 1, 18), "en"))
    assert {m.person for m in doc.mentions} == {"Jesse Jackson"}


def test_a_first_person_quote_on_its_own_line_is_the_person_named_before_it():
    text = ('Charles Leclerc won.\nLeclerc speelt het spel keurig mee.\n"Ik verheug me op deze race. '
            'Vorig jaar kwalificeerde ik me hier voor het eerst."\nDaarna sprak Max Verstappen.')
    doc = document.build(Article("x", text, dt.datetime(2019, 6, 20), "nl"))
    quote = doc.quote_at(text.index("verheug"))
    assert quote is not None and quote.speaker == "Charles Leclerc"
    # a quote in the third person, or after a line naming two people, gets no speaker this way
    text = 'Charles Leclerc en Max Verstappen reden mee.\n"Het is lekker dicht bij huis, dat is mooi."\nDaarna regende het.'
    doc = document.build(Article("x", text, dt.datetime(2019, 6, 20), "nl"))
    assert doc.quote_at(text.index("lekker")).speaker == ""
