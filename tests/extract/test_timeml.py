"""TimeML output: well-formed XML whose TIMEX3 tags give back the text and the mentions."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.records import TimeMention
from extract.temporal import find_timexes
from extract.timeml import to_timeml


def _text_of(element) -> str:
    return "".join(element.itertext())


def test_timex3_tags_carry_type_value_and_mod():
    text = 'Ancelotti ligt "tot medio 2024" vast & speelde woensdagavond <goed>.'
    published = dt.datetime(2022, 5, 5, 15, 34)
    mentions = find_timexes(text, "nl", published)
    root = ET.fromstring(to_timeml(text, mentions, "seed-002", published))
    dct = root.find("DCT/TIMEX3")
    assert dct.get("functionInDocument") == "CREATION_TIME" and dct.get("value") == "2022-05-05T15:34"
    body = root.find("TEXT")
    assert _text_of(body) == text
    tags = body.findall("TIMEX3")
    assert [(t.text, t.get("type"), t.get("value"), t.get("mod")) for t in tags] == [
        ("tot medio 2024", "DATE", "2024", "MID"),
        ("woensdagavond", "TIME", "2022-05-04TEV", None),
    ]
    assert [t.get("tid") for t in tags] == ["t1", "t2"]


def test_overlapping_mentions_never_break_nesting():
    text = "op 28 mei 2022"
    a = TimeMention(0, 14, text, "DATE", "2022-05-28", "day")
    b = TimeMention(3, 9, text[3:9], "DATE", "XXXX-05-28", "day")
    root = ET.fromstring(to_timeml(text, [a, b], "d", None))
    assert root.find("DCT") is None
    assert [t.text for t in root.iter("TIMEX3")] == ["op 28 mei 2022"]


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200), published=st.one_of(st.none(), st.datetimes(
    min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2050, 1, 1))))
def test_any_text_gives_well_formed_xml(text, published):
    # XML 1.0 cannot carry control characters; the extractor's input never holds them
    text = "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                                          and ord(ch) not in (0xFFFE, 0xFFFF)))
    text = text.replace("\r", "")
    mentions = find_timexes(text, "nl", published)
    root = ET.fromstring(to_timeml(text, mentions, "x", published))
    assert _text_of(root.find("TEXT")) == text


def test_an_interval_is_its_two_ends_and_a_non_consuming_duration():
    text = "Hij speelde er tussen juli 2016 en december 2016."
    published = dt.datetime(2019, 7, 11)
    root = ET.fromstring(to_timeml(text, find_timexes(text, "nl", published), "x", published))
    tags = root.find("TEXT").findall("TIMEX3")
    assert [(t.text, t.get("value")) for t in tags[:2]] == [("juli 2016", "2016-07"), ("december 2016", "2016-12")]
    interval = tags[2]
    assert interval.text is None and interval.get("type") == "DURATION"
    assert (interval.get("beginPoint"), interval.get("endPoint")) == (tags[0].get("tid"), tags[1].get("tid"))
    assert _text_of(root.find("TEXT")) == text
