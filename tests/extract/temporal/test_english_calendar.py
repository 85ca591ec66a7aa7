"""English dates a reader places on the calendar: (text, reference, expect, value, start, end, grain).

Reference times are moments in a conversation or a publication time; bare phrases resolve
forward. Holidays come from rules (extract/lang/en/holidays.json), including those of the
Hebrew, Islamic and Chinese calendars (extract/temporal/lunar.py).
"""
from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from extract.temporal import calendar as cal
from extract.temporal import find_timexes, lunar

REF = "2013-02-12T04:30"   # a Tuesday (Duckling's reference time)

CASES = [
    # --- holidays by rule, any case, with a year, a relative year or next/last
    param("black friday 2017", REF, "black friday 2017", "2017-11-24", "2017-11-24", "2017-11-24", "day"),
    param("black friday of this year", REF, "black friday of this year", "2013-11-29", "2013-11-29", "2013-11-29", "day"),
    param("MLK day of last year", REF, "MLK day of last year", "2012-01-16", "2012-01-16", "2012-01-16", "day"),
    param("next Martin Luther King's day", REF, "next Martin Luther King's day", "2014-01-20", "2014-01-20", "2014-01-20", "day"),
    param("boss's day 2016", REF, "boss's day 2016", "2016-10-17", "2016-10-17", "2016-10-17", "day"),
    param("boss's day 2021", REF, "boss's day 2021", "2021-10-15", "2021-10-15", "2021-10-15", "day"),
    param("saint patricks day", REF, "saint patricks day", "2013-03-17", "2013-03-17", "2013-03-17", "day"),
    param("trinity sunday", REF, "trinity sunday", "2013-05-26", "2013-05-26", "2013-05-26", "day"),
    param("King's Day 2014", REF, "King's Day 2014", "2014-04-26", "2014-04-26", "2014-04-26", "day"),
    # Easter-based periods and the Orthodox computus
    param("lent 2018", REF, "lent 2018", "2018-02-14/2018-03-31", "2018-02-14", "2018-03-31", "day"),
    param("orthodox easter 2018", REF, "orthodox easter 2018", "2018-04-08", "2018-04-08", "2018-04-08", "day"),
    param("clean monday 2018", REF, "clean monday 2018", "2018-02-19", "2018-02-19", "2018-02-19", "day"),
    param("great fast 2018", REF, "great fast 2018", "2018-02-19/2018-03-30", "2018-02-19", "2018-03-30", "day"),
    # Chinese, Hebrew (dated from the eve) and Islamic calendars
    param("chinese new year", REF, "chinese new year", "2014-01-31", "2014-01-31", "2014-01-31", "day"),
    param("last chinese new year", REF, "last chinese new year", "2013-02-10", "2013-02-10", "2013-02-10", "day"),
    param("yom kippur 2018", REF, "yom kippur 2018", "2018-09-18", "2018-09-18", "2018-09-18", "day"),
    param("passover 2018", REF, "passover 2018", "2018-03-30/2018-04-07", "2018-03-30", "2018-04-07", "day"),
    param("Chanukah 2018", REF, "Chanukah 2018", "2018-12-02/2018-12-09", "2018-12-02", "2018-12-09", "day"),
    param("yom haatzmaut 2018", REF, "yom haatzmaut 2018", "2018-04-18", "2018-04-18", "2018-04-18", "day"),
    param("tisha b'av 2018", REF, "tisha b'av 2018", "2018-07-21", "2018-07-21", "2018-07-21", "day"),
    param("purim", REF, "purim", "2013-02-23", "2013-02-23", "2013-02-23", "day"),
    param("Eid al-Fitr 2018", REF, "Eid al-Fitr 2018", "2018-06-15", "2018-06-15", "2018-06-15", "day"),
    param("Eid al-Adha 1980", REF, "Eid al-Adha 1980", "1980-10-19", "1980-10-19", "1980-10-19", "day"),
    param("Ramadan 2018", REF, "Ramadan 2018", "2018-05-16/2018-06-14", "2018-05-16", "2018-06-14", "day"),
    param("Jumu'atul-Wida 2018", REF, "Jumu'atul-Wida 2018", "2018-06-08", "2018-06-08", "2018-06-08", "day"),
    param("Islamic New Year 2018", REF, "Islamic New Year 2018", "2018-09-11", "2018-09-11", "2018-09-11", "day"),
    # days of the month by ordinal, with a weekday or a relative month
    param("the first of march", REF, "the first of march", "2013-03-01", "2013-03-01", "2013-03-01", "day"),
    param("march third 2015", REF, "march third 2015", "2015-03-03", "2015-03-03", "2015-03-03", "day"),
    param("The vote is on the 15th.", REF, "on the 15th", "2013-02-15", "2013-02-15", "2013-02-15", "day"),
    param("Tuesday the 19th", REF, "Tuesday the 19th", "2013-02-19", "2013-02-19", "2013-02-19", "day"),
    param("Thu 15th", REF, "Thu 15th", "2013-08-15", "2013-08-15", "2013-08-15", "day"),
    param("20th of the next month", REF, "20th of the next month", "2013-03-20", "2013-03-20", "2013-03-20", "day"),
    param("14april 2015", REF, "14april 2015", "2015-04-14", "2015-04-14", "2015-04-14", "day"),
    param("2015-3-3", REF, "2015-3-3", "2015-03-03", "2015-03-03", "2015-03-03", "day"),
    param("2/2013", REF, "2/2013", "2013-02", "2013-02-01", "2013-02-28", "month"),
    param("during March", REF, "during March", "2013-03", "2013-03-01", "2013-03-31", "month"),
    # weekdays: counted, of a relative week, after next; the nth weekday of a relative month
    param("4 tuesdays from now", REF, "4 tuesdays from now", "2013-03-12", "2013-03-12", "2013-03-12", "day"),
    param("2 thursdays ago", REF, "2 thursdays ago", "2013-01-31", "2013-01-31", "2013-01-31", "day"),
    param("wednesday of next week", REF, "wednesday of next week", "2013-02-20", "2013-02-20", "2013-02-20", "day"),
    param("last week's sunday", REF, "last week's sunday", "2013-02-10", "2013-02-10", "2013-02-10", "day"),
    param("friday after next", REF, "friday after next", "2013-02-22", "2013-02-22", "2013-02-22", "day"),
    param("the day after tomorrow", REF, "the day after tomorrow", "2013-02-14", "2013-02-14", "2013-02-14", "day"),
    param("the first Monday of this month", REF, "the first Monday of this month", "2013-02-04", "2013-02-04", "2013-02-04", "day"),
    param("second monday of last month", REF, "second monday of last month", "2013-01-14", "2013-01-14", "2013-01-14", "day"),
    # parts of weeks and months: a week starts Monday-Wednesday and ends Friday-Sunday
    param("beginning of next week", REF, "beginning of next week", "2013-W08", "2013-02-18", "2013-02-20", "week"),
    param("at the end of this week", REF, "the end of this week", "2013-W07", "2013-02-15", "2013-02-17", "week"),
    param("end of the following week", REF, "end of the following week", "2013-W08", "2013-02-22", "2013-02-24", "week"),
    param("at the beginning of coming week", REF, "the beginning of coming week", "2013-W08", "2013-02-18", "2013-02-20", "week"),
    param("at the end of month", REF, "at the end of month", "2013-02", "2013-02-21", "2013-02-28", "month"),
    # quarters, eras, ranges
    param("next qtr", REF, "next qtr", "2013-Q2", "2013-04-01", "2013-06-30", "quarter"),
    param("the 4th qtr of 2018", REF, "the 4th qtr of 2018", "2018-Q4", "2018-10-01", "2018-12-31", "quarter"),
    param("18q4", REF, "18q4", "2018-Q4", "2018-10-01", "2018-12-31", "quarter"),
    param("in 2014 A.D.", REF, "in 2014 A.D.", "2014", "2014-01-01", "2014-12-31", "year"),
    param("in 14 a.d.", REF, "in 14 a.d.", "0014", "0014-01-01", "0014-12-31", "year"),
    param("July 13 thru 15", REF, "July 13 thru 15", "2013-07-13/2013-07-15", "2013-07-13", "2013-07-15", "day"),
    # Hindu lunisolar feasts (tithis), solar sankrantis, lunar mansions, the Parsi calendar
    param("diwali 2019", REF, "diwali 2019", "2019-10-27", "2019-10-27", "2019-10-27", "day"),
    param("dhanteras 2019", REF, "dhanteras 2019", "2019-10-25", "2019-10-25", "2019-10-25", "day"),
    param("holi 2019", REF, "holi 2019", "2019-03-21", "2019-03-21", "2019-03-21", "day"),
    param("krishna janmashtami 2019", REF, "krishna janmashtami 2019", "2019-08-23", "2019-08-23", "2019-08-23", "day"),
    param("ugadi 2018", REF, "ugadi 2018", "2018-03-18", "2018-03-18", "2018-03-18", "day"),
    param("rakhi 2018", REF, "rakhi 2018", "2018-08-26", "2018-08-26", "2018-08-26", "day"),
    param("pongal 2018", REF, "pongal 2018", "2018-01-14", "2018-01-14", "2018-01-14", "day"),
    param("makar sankranti 2019", REF, "makar sankranti 2019", "2019-01-15", "2019-01-15", "2019-01-15", "day"),
    param("Vaisakhi 2018", REF, "Vaisakhi 2018", "2018-04-14", "2018-04-14", "2018-04-14", "day"),
    param("onam 2018", REF, "onam 2018", "2018-08-24", "2018-08-24", "2018-08-24", "day"),
    param("parsi new year 2022", REF, "parsi new year 2022", "2022-08-16", "2022-08-16", "2022-08-16", "day"),
    # holidays moved by an offset, or reached by one
    param("thanksgiving in 3 years", REF, "thanksgiving in 3 years", "2016-11-24", "2016-11-24", "2016-11-24", "day"),
    param("thanksgiving 3 months ago", REF, "thanksgiving 3 months ago", "2012-11-22", "2012-11-22", "2012-11-22", "day"),
    param("three days after Easter", REF, "three days after Easter", "2013-04-03", "2013-04-03", "2013-04-03", "day"),
    # counted from the end of a month or year; business abbreviations
    param("the second last week of October 2018", REF, "the second last week of October 2018", "2018-W42", "2018-10-15", "2018-10-21", "week"),
    param("the 3rd last week of 2018", REF, "the 3rd last week of 2018", "2018-W50", "2018-12-10", "2018-12-16", "week"),
    param("fifth last day of May", REF, "fifth last day of May", "2013-05-27", "2013-05-27", "2013-05-27", "day"),
    param("He died on the last day of October 2015.", REF, "the last day of October 2015", "2015-10-31", "2015-10-31", "2015-10-31", "day"),
    param("Invoices are due by EOM.", REF, "by EOM", "2013-02", "2013-02-21", "2013-02-28", "month"),
    # compact and listing forms
    param("Wed, Feb13", REF, "Wed, Feb13", "2013-02-13", "2013-02-13", "2013-02-13", "day"),
    param("Jul 18, Fri", REF, "Jul 18, Fri", "2014-07-18", "2014-07-18", "2014-07-18", "day"),
    param("2014-10", REF, "2014-10", "2014-10", "2014-10-01", "2014-10-31", "month"),
    param("at half past three pm", "2013-02-12T04:30", "at half past three pm", "2013-02-12T15:30", "2013-02-12", "2013-02-12", "time"),
    param("Talks resume the week of October 7.", REF, "the week of October 7", "2013-W41", "2013-10-07", "2013-10-13", "week"),
    param("Easter Sunday two thousand ten", REF, "Easter Sunday two thousand ten", "2010-04-04", "2010-04-04", "2010-04-04", "day"),
    # clock times after a part of the day, or with one
    param("The vote is tomorrow afternoon at 5.", REF, "tomorrow afternoon at 5", "2013-02-13T17:00", "2013-02-13", "2013-02-13", "time"),
    param("He will speak on Saturday night at 9.", REF, "Saturday night at 9", "2013-02-16T21:00", "2013-02-16", "2013-02-16", "time"),
    param("They met at 8 in the evening.", REF, "at 8 in the evening", "2013-02-12T20:00", "2013-02-12", "2013-02-12", "time"),
    param("March in a year", REF, "March in a year", "2014-03", "2014-03-01", "2014-03-31", "month"),
    param("He may in two weeks decide.", REF, "in two weeks", "2013-02-26", "2013-02-26", "2013-02-26", "day"),
    # a holiday in running news text
    param("Markets were closed on Thanksgiving.", "2022-11-28", "Thanksgiving", "2022-11-24", "2022-11-24", "2022-11-24", "day"),
    param("Shops expect crowds on Black Friday.", "2022-11-20", "Black Friday", "2022-11-25", "2022-11-25", "2022-11-25", "day"),
]


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


@pytest.mark.parametrize("text,reference,expect,value,start,end,grain", CASES)
def test_english_calendar(text, reference, expect, value, start, end, grain):
    mentions = find_timexes(text, "en", dt.datetime.fromisoformat(reference))
    found = [m for m in mentions if m.text == expect]
    assert found, f"{expect!r} not found in {[(m.text, m.value) for m in mentions]}"
    m = found[0]
    assert (m.value, str(_day(m.start)), str(_day(m.end)), m.grain) == (value, start, end, grain)


NOT_DATES = [
    "He lent me his car.",
    "The boss said the day was long.",
    "Rome was founded in 753 BC.",
    "They ran 14 ad campaigns.",
    "Senators may second the motion.",
    "The office is on the 3rd floor.",
    "Stocks march higher.",
    "Rakhi Sawant arrived.",
    "Pongal is a rice dish.",
    "They opened a great fast food chain.",
    "The town held a spring festival.",
    "The BOM cost rose.",
    "Pay ABC 2000",
    "Shares rose 2 in the morning session.",
    # a lower-case month or weekday name in running text is the common word
    "Steve Jobs believes that this may have a large impact.",
    "Protesters would march on the capital and not sat idle.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_timexes(text, "en", dt.datetime(2013, 2, 12)) == []


def test_a_lower_case_month_with_its_day_number_is_still_a_date():
    assert [(m.text, m.value) for m in find_timexes("The talks on may 5 failed.", "en",
                                                    dt.datetime(2013, 2, 12))] == [("may 5", "2013-05-05")]


@pytest.mark.parametrize("rule,year,first,last", [
    ("11/4/4+1", 2019, "2019-11-29", "2019-11-29"),            # the day after the 4th Thursday
    ("10-16|SAT:-1|SUN:1", 2016, "2016-10-17", "2016-10-17"),  # a Sunday moves to Monday
    ("O+0", 2021, "2021-05-02", "2021-05-02"),
    ("E-46..E-1", 2024, "2024-02-14", "2024-03-30"),
    ("HEBREW:7-1", 2023, "2023-09-16", "2023-09-16"),          # Rosh Hashanah 5784
    ("HEBREW:12-14", 2024, "2024-03-24", "2024-03-24"),        # Purim in a leap year: Adar II
    ("HIJRI:10-1", 2023, "2023-04-21", "2023-04-21"),          # Eid al-Fitr 1444
    ("CHINESE:1-1", 2024, "2024-02-10", "2024-02-10"),
    ("CHINESE:1-1", 2020, "2020-01-25", "2020-01-25"),
    ("HINDUEVE:7-30", 2023, "2023-11-12", "2023-11-12"),        # Diwali
    ("HINDU:6-4", 2023, "2023-09-19", "2023-09-19"),            # Ganesh Chaturthi
    ("HINDUEVE:12-15+1", 2024, "2024-03-25", "2024-03-25"),     # Holi
    ("SANKRANTI:10-1", 2024, "2024-01-15", "2024-01-15"),       # Makar Sankranti
])
def test_holiday_rules(rule, year, first, last):
    span = cal.holiday_span(rule, year)
    assert (str(span[0]), str(span[1])) == (first, last)


def test_lunar_calendars_give_a_day_in_every_year():
    for year in range(1900, 2101):
        for calendar, month, day in (("HEBREW", 7, 10), ("HIJRI", 9, 1), ("CHINESE", 1, 1)):
            d = lunar.to_gregorian(calendar, year, month, day)
            assert d is None or d.year == year
        assert lunar.to_gregorian("CHINESE", year, 1, 1) is not None
