"""What a reader expects on the calendar, per language: (text, reference, value, start, end, grain).

`expect` names the mention by its text when the sentence holds more than one.
"""
from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from extract.temporal import find_timexes

THU = "2022-05-05T15:34"   # a Thursday
TUE = "2022-05-03T14:38"   # a Tuesday

CASES = [
    # --- Dutch: absolute and partial dates
    param("nl", "Ancelotti kan op 28 mei geschiedenis schrijven.", THU, "op 28 mei", "2022-05-28", "2022-05-28", "2022-05-28", "day"),
    param("nl", "Hij tekende op 30 juni 2019.", THU, "op 30 juni 2019", "2019-06-30", "2019-06-30", "2019-06-30", "day"),
    param("nl", "Het contract van 10-04-2019 verliep.", THU, "10-04-2019", "2019-04-10", "2019-04-10", "2019-04-10", "day"),
    param("nl", "Hij speelde in april een sterke wedstrijd.", THU, "in april", "2022-04", "2022-04-01", "2022-04-30", "month"),
    param("nl", "In 2026 wordt het WK gespeeld.", THU, "In 2026", "2026", "2026-01-01", "2026-12-31", "year"),
    param("nl", "Canada deed sinds 1986 niet meer mee.", THU, "sinds 1986", "1986", "1986-01-01", "1986-12-31", "year"),
    param("nl", "Hij kijkt naar het WK 2026.", THU, "WK 2026", "2026", "2026-01-01", "2026-12-31", "year"),
    param("nl", "Muziek uit de jaren negentig.", THU, "uit de jaren negentig", "199", "1990-01-01", "1999-12-31", "decade"),
    param("nl", "In de twintigste eeuw veranderde alles.", THU, "In de twintigste eeuw", "19", "1900-01-01", "1999-12-31", "century"),
    # past tense points back, future tense forward; a month-day past today in past tense is this year's
    param("nl", "Ajax won op 28 april van PSV.", THU, "op 28 april", "2022-04-28", "2022-04-28", "2022-04-28", "day"),
    param("nl", "Ajax speelt op 28 augustus tegen PSV.", THU, "op 28 augustus", "2022-08-28", "2022-08-28", "2022-08-28", "day"),
    # a (reporting) tense cue yields to the nearest date when its direction lands too far away
    param("nl", "De club zei dat de finale op 10 juni is.", THU, "op 10 juni", "2022-06-10", "2022-06-10", "2022-06-10", "day"),
    # an explicit year earlier in the sentence holds for a day without one
    param("nl", "Het EK 2024 in Duitsland begint op 14 juni.", THU, "op 14 juni", "2024-06-14", "2024-06-14", "2024-06-14", "day"),
    # --- weekdays and parts of days follow tense
    param("nl", "Woensdagavond kreeg de coach hulp.", THU, "Woensdagavond", "2022-05-04TEV", "2022-05-04", "2022-05-04", "day"),
    param("nl", "Zaterdagmiddag speelt Ajax thuis.", THU, "Zaterdagmiddag", "2022-05-07TAF", "2022-05-07", "2022-05-07", "day"),
    param("nl", "Vanavond maakt de trainer zijn selectie bekend.", THU, "Vanavond", "2022-05-05TEV", "2022-05-05", "2022-05-05", "day"),
    param("nl", "De beurzen zijn donderdag gesloten.", THU, "donderdag", "2022-05-05", "2022-05-05", "2022-05-05", "day"),
    # --- relative expressions with number words
    param("nl", "Drie jaar geleden werd hij kampioen.", THU, "Drie jaar geleden", "2019-05", "2019-05-01", "2019-05-31", "month"),
    param("nl", "Over twee weken begint het seizoen.", THU, "Over twee weken", "2022-05-19", "2022-05-19", "2022-05-19", "day"),
    param("nl", "Eergisteren viel het besluit.", THU, "Eergisteren", "2022-05-03", "2022-05-03", "2022-05-03", "day"),
    param("nl", "Vorige week tekende hij.", THU, "Vorige week", "2022-W17", "2022-04-25", "2022-05-01", "week"),
    param("nl", "Volgend seizoen speelt hij in Spanje.", THU, "Volgend seizoen", "2022/2023", "2022-07-01", "2023-06-30", "season"),
    # in July and early August the season has formally begun but not kicked off: "komend
    # seizoen" in a transfer story is that one; after kick-off it is the season after
    param("nl", "Hij speelt komend seizoen bij PEC Zwolle.", "2019-07-09T10:00", "komend seizoen", "2019/2020",
          "2019-07-01", "2020-06-30", "season"),
    param("nl", "Hij speelt volgend seizoen bij PEC Zwolle.", "2019-08-20T10:00", "volgend seizoen", "2020/2021",
          "2020-07-01", "2021-06-30", "season"),
    param("en", "He will join Chelsea next season.", "2019-07-15T10:00", "next season", "2019/2020",
          "2019-07-01", "2020-06-30", "season"),
    param("nl", "Real werd afgelopen weekeinde kampioen.", TUE, "afgelopen weekeinde", "2022-W17-WE", "2022-04-30", "2022-05-01", "weekend"),
    # --- anchored to the last date the text established
    param("nl", "Woensdagavond won Real. Daags na de comeback sprak hij.", THU, "Daags na", "2022-05-05", "2022-05-05", "2022-05-05", "day"),
    param("nl", "Op 3 mei 2010 opende de zaak. Een dag later sloot hij.", THU, "Een dag later", "2010-05-04", "2010-05-04", "2010-05-04", "day"),
    param("nl", "In 2010 wordt het getest en drie jaar later in gebruik genomen.", THU, "drie jaar later", "2013", "2013-01-01", "2013-12-31", "year"),
    # --- fuzzy parts and limits
    param("nl", "Hij ligt tot medio 2024 vast.", TUE, "tot medio 2024", "2024", "2024-05-01", "2024-08-31", "year"),
    param("nl", "Het WK van later dit jaar komt te vroeg.", TUE, "later dit jaar", "2022", "2022-05-04", "2022-12-31", "year"),
    param("nl", "Begin 2023 stopt hij.", TUE, "Begin 2023", "2023", "2023-01-01", "2023-03-31", "year"),
    param("nl", "Eind mei is de finale.", TUE, "Eind mei", "2022-05", "2022-05-21", "2022-05-31", "month"),
    param("nl", "Half mei is de finale.", TUE, "Half mei", "2022-05", "2022-05-11", "2022-05-20", "month"),
    param("nl", "Eerder deze maand won hij.", TUE, "Eerder deze maand", "2022-05", "2022-05-01", "2022-05-02", "month"),
    # --- ranges
    param("nl", "Het toernooi duurt van 1 tot en met 3 juni.", TUE, "van 1 tot en met 3 juni", "2022-06-01/2022-06-03", "2022-06-01", "2022-06-03", "day"),
    param("nl", "Tussen 2019 en 2021 speelde hij in Italië.", TUE, "Tussen 2019", "2019", "2019-01-01", "2019-12-31", "year"),
    param("nl", "Tussen 2019 en 2021 speelde hij in Italië.", TUE, "2021", "2021", "2021-01-01", "2021-12-31", "year"),
    # --- seasons, quarters, holidays
    param("nl", "Hij speelde in seizoen 2018/19 bij Ajax.", TUE, "in seizoen 2018/19", "2018/2019", "2018-07-01", "2019-06-30", "season"),
    param("nl", "Deze zomer vertrekt hij.", TUE, "Deze zomer", "2022-SU", "2022-06-01", "2022-08-31", "season"),
    # "dit najaar" in April: the clause's tense picks the autumn, not the nearest one
    param("nl", "Dit najaar komt er een tentoonstelling.", "2019-04-04T10:00", "Dit najaar", "2019-FA",
          "2019-09-01", "2019-11-30", "season"),
    param("nl", "Het kabinet trok vervolgens deze zomer 28 miljoen euro uit.", "2019-04-03T10:00", "deze zomer",
          "2018-SU", "2018-06-01", "2018-08-31", "season"),
    # an infinitive that looks like a plural past ("zetten") is no past tense
    param("nl", "Deze zomer beslissen de lidstaten of Albanië die stap mag zetten.", "2019-04-08T10:00",
          "Deze zomer", "2019-SU", "2019-06-01", "2019-08-31", "season"),
    param("nl", "De winst steeg in het eerste kwartaal van 2022.", TUE, "in het eerste kwartaal van 2022", "2022-Q1", "2022-01-01", "2022-03-31", "quarter"),
    param("nl", "Met Pinksteren 2022 was het feest.", TUE, "Pinksteren 2022", "2022-06-05", "2022-06-05", "2022-06-05", "day"),
    param("nl", "Op Hemelvaartsdag 2023 speelt Ajax.", TUE, "Op Hemelvaartsdag 2023", "2023-05-18", "2023-05-18", "2023-05-18", "day"),
    # --- clock times joined to their day
    param("nl", "De wedstrijd begint om 20.45 uur.", THU, "om 20.45 uur", "2022-05-05T20:45", "2022-05-05", "2022-05-05", "time"),
    param("nl", "Zaterdag om 14.30 uur speelt Ajax.", THU, "Zaterdag om 14.30 uur", "2022-05-07T14:30", "2022-05-07", "2022-05-07", "time"),
    # --- durations are not dates
    param("nl", "Hij wil nog tien jaar trainen.", THU, "tien jaar", "P10Y", None, None, "year"),
    # --- English
    param("en", "The deal was signed on March 3rd, 2012.", THU, "March 3rd, 2012", "2012-03-03", "2012-03-03", "2012-03-03", "day"),
    param("en", "The vote is on 3/22/2013.", THU, "3/22/2013", "2013-03-22", "2013-03-22", "2013-03-22", "day"),
    param("en", "He was injured on Friday night.", THU, "Friday night", "2022-04-29TNI", "2022-04-29", "2022-04-29", "day"),
    param("en", "Two years ago he won the title.", THU, "Two years ago", "2020-05", "2020-05-01", "2020-05-31", "month"),
    param("en", "Sales will rise later this year.", TUE, "later this year", "2022", "2022-05-04", "2022-12-31", "year"),
    param("en", "Prices fell in early December.", "2023-01-10", "early December", "2022-12", "2022-12-01", "2022-12-10", "month"),
    param("en", "It opened in the spring of 2012.", THU, "the spring of 2012", "2012-SP", "2012-03-01", "2012-05-31", "season"),
    param("en", "Profit rose in the third quarter.", "1989-10-26", "the third quarter", "1989-Q3", "1989-07-01", "1989-09-30", "quarter"),
    param("en", "The plane landed at 3 p.m.", THU, "at 3 p.m.", "2022-05-05T15:00", "2022-05-05", "2022-05-05", "time"),
    param("en", "Stocks fell on Monday. The next day they rose.", THU, "The next day", "2022-05-03", "2022-05-03", "2022-05-03", "day"),
    param("en", "Thanksgiving 2017 fell on a Thursday.", THU, "Thanksgiving 2017", "2017-11-23", "2017-11-23", "2017-11-23", "day"),
]


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


@pytest.mark.parametrize("lang,text,reference,expect,value,start,end,grain", CASES)
def test_reads_the_calendar_like_a_reader(lang, text, reference, expect, value, start, end, grain):
    mentions = find_timexes(text, lang, dt.datetime.fromisoformat(reference))
    found = [m for m in mentions if m.text == expect]
    assert found, f"{expect!r} not found in {[(m.text, m.value) for m in mentions]}"
    m = found[0]
    assert m.value == value
    assert str(_day(m.start)) if start else m.start is None
    if start:
        assert (_day(m.start), _day(m.end)) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert m.grain == grain
    assert m.rule.startswith(lang + ":")


NEVER_DATES = [
    param("nl", "Real won met 3-1 van Manchester City."),
    param("nl", "De 62-jarige trainer en de 19-jarige spits."),
    param("nl", "Ze zijn 26 keer uitgeschakeld, voor de vierde keer."),
    param("nl", "Hij kocht het huis voor 2010 euro."),
    param("nl", "De spits met rugnummer 10 scoorde 2 keer."),
    param("nl", "Hij doet het zo. Do je best."),
    param("nl", "Een 2-1 overwinning na een 0-1 achterstand."),
    param("en", "Real won 3-1 and the 62-year-old coach smiled."),
    param("en", "He may go, and the price was $17.50 a share."),
    param("en", "They sold 2,000 shares and 1500 people came."),
]


@pytest.mark.parametrize("lang,text", NEVER_DATES)
def test_never_a_date(lang, text):
    mentions = find_timexes(text, lang, dt.datetime(2022, 5, 5))
    assert [m for m in mentions if m.type in ("DATE", "TIME")] == []


def test_without_publication_date_relative_stays_unresolved_and_absolute_resolves():
    mentions = {m.text: m for m in find_timexes("Gisteren, op 3 mei 2022, en vorige week.", "nl", None)}
    assert mentions["Gisteren"].start is None and mentions["vorige week"].start is None
    assert mentions["op 3 mei 2022"].start == dt.date(2022, 5, 3)


def test_mentions_are_sorted_and_do_not_overlap():
    text = "Op 28 mei 2022 om 20.45 uur, daags na 27 mei, en tot medio 2024 en vorige week dinsdag."
    mentions = find_timexes(text, "nl", dt.datetime(2022, 5, 5))
    starts = [m.start_char for m in mentions]
    assert starts == sorted(starts)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end_char <= b.start_char


def test_unknown_language_falls_back_to_dateparser():
    text = "Le 10/04/2019 et en 2026. Hier, en mai 2021."
    mentions = find_timexes(text, "fr", dt.datetime(2022, 5, 5))
    got = [(m.text, m.value, m.grain) for m in mentions]
    assert ("10/04/2019", "2019-04-10", "day") in got and ("2026", "2026", "year") in got
    assert ("Hier", "2022-05-04", "day") in got and ("en mai 2021", "2021-05", "month") in got
    assert all(text[m.start_char:m.end_char] == m.text and m.rule == "fr:dateparser" for m in mentions)
