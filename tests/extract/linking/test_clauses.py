"""The date's sentence as the linker reads it: narrowed at kept full stops, not at abbreviations;
its clauses, and the clause an insertion interrupts."""
from __future__ import annotations

import pytest
from pytest import param

from extract.linking import clauses


@pytest.mark.parametrize("lang,text,date,kept", [
    # an abbreviation's full stop ends no sentence: the person after it stays in the date's
    param("en", "On Sept. 2, police searched for a suspect identified as Abdallah Fadhul.", "2,",
          "Abdallah Fadhul", id="en-sept"),
    param("en", "He met U.N. Secretary-General Kofi Annan on Monday.", "Monday", "Kofi Annan", id="en-u-n"),
    param("en", "Rescued on Nov. 25 by fishermen, Elian has become the subject of a battle.", "25",
          "Elian", id="en-nov"),
    param("nl", "De zaak van mr. Jansen diende op 3 mei.", "3 mei", "Jansen", id="nl-mr"),
    # ... but a kept full stop before a lower-case sentence still cuts
    param("nl", "Hij sprak tijdens de keynote. iCloud kwam op 3 mei.", "3 mei", None, id="nl-lowercase-sentence"),
])
def test_narrow_keeps_abbreviations_inside(lang, text, date, kept):
    lo, hi = clauses.narrow(text, 0, len(text), text.index(date), lang)
    if kept is None:
        assert text[lo:hi].startswith("iCloud")
    else:
        assert kept in text[lo:hi]


@pytest.mark.parametrize("lang,text,date,subjects", [
    # a clause resumed after an insertion about the name before it: that name is its subject
    param("nl", "Majoor Marco Kroon, in 2009 door koningin Beatrix onderscheiden met de hoogste orde, "
          "de Willemsorde, was zondag aan het wildplassen.", "zondag", ["Marco Kroon"], id="nl-participle"),
    param("nl", "John Howard, de Australische premier, en Ian MacDonald, minister van industrie, "
          "kondigden vandaag aan dat Ford steun krijgt.", "vandaag", ["Ian MacDonald", "John Howard"],
          id="nl-coordinated"),
    # not when the segment after the comma opens a clause of its own
    param("nl", "Gisteren sprak Mark Rutte, de premier, en daarna ging het kabinet zondag weg.", "zondag", [],
          id="nl-connective"),
])
def test_a_resumed_clause_belongs_to_the_name_before_the_insertion(lang, text, date, subjects):
    from extract.linking.rules import LinkRule, clause_links
    from extract.persons import find_persons, lexicon
    from extract.records import TimeMention
    from extract.sentences import Sentence
    lex = lexicon.get(lang)
    s = text.index(date)
    t = TimeMention(s, s + len(date), date, "DATE", "2019-03-03", "day")
    persons = find_persons(text, lang)
    names = [(m.start_char, m.end_char) for m in persons if m.kind == "name"]
    segs = clauses.segments(text, 0, len(text), lex, names)
    got = clause_links(t, Sentence(0, len(text), text), segs, persons, [], text, lex=lex)
    assert sorted(p for p, (rule, _) in got.items() if rule == LinkRule.NAMED_IN_CLAUSE) == subjects
