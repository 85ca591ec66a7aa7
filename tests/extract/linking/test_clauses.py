"""The date's sentence as the linker reads it: narrowed at kept full stops, not at abbreviations."""
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
