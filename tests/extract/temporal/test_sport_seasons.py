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
