"""Seasons by sport: football runs July-June, Formula 1, cycling and tennis by calendar year."""
from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from extract.temporal import find_timexes

PUBLISHED = dt.datetime(2019, 6, 9, 21, 0)


@pytest.mark.parametrize("lang,text,expression,value", [
    param("nl", "In Canada is ook de zevende Formule 1-race van dit seizoen gewonnen door Mercedes.",
          "dit seizoen", "2019", id="nl-formula-one"),
    param("nl", "De renner won al drie etappes dit seizoen, het peloton keek toe.", "dit seizoen", "2019",
          id="nl-cycling"),
    param("nl", "Ajax werd dit seizoen kampioen van de Eredivisie.", "dit seizoen", "2018/2019", id="nl-football"),
    param("en", "It was his third Grand Prix win this season in Formula One.", "this season", "2019",
          id="en-formula-one"),
    # a sports ticker: the words near the season decide, not the article's majority
    param("nl", "Tennisster Kiki Bertens won. De tennisster is blij. Tennis is haar leven. Zij speelt nog lang "
                "door, zegt haar coach, en daarna gaat ze op vakantie naar Spanje met haar familie.\n"
                "12.32 uur: Iker Casillas maakt dit seizoen deel uit van de staf van FC Porto. De Spaanse "
                "doelman is hersteld.", "dit seizoen", "2018/2019",
          id="nl-ticker-football-item"),
])
def test_season_follows_the_sport(lang, text, expression, value):
    found = {m.text: m.value for m in find_timexes(text, lang, PUBLISHED)}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("lang,text,dates", [
    # a match report writes scores: its "11-10" and "op 13-12" are scores like its "24-23"
    param("nl", "De ploeg ging rusten met een voorsprong: 11-10. Na de pauze kwam Aalsmeer snel op "
                "13-12. Het werd 24-23.", [], id="nl-handball-scores"),
    # ... but a weekday before one names a day
    param("nl", "Zaterdag 11-5 won Ajax met 2-0 van Utrecht.", ["Zaterdag", "11-5"], id="nl-weekday-names-the-day"),
    # a letters page without scores cites a day as "20-3"
    param("nl", "Dank voor de toelichting (Meningen 20-3). Goed stuk.", ["20-3"], id="nl-cited-day"),
])
def test_a_text_that_writes_scores_has_no_hyphenated_days(lang, text, dates):
    assert [m.text for m in find_timexes(text, lang, PUBLISHED)] == dates
