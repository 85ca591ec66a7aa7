"""Linking dates to persons with hand-made TimeMentions (the temporal stage is not needed)."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import document
from extract.linking import LinkRule, link_events
from extract.records import EVENT_TYPES, Article, TimeMention


def tm(text, phrase, start, end=None, kind="DATE", occurrence=1):
    pos = -1
    for _ in range(occurrence):
        pos = text.index(phrase, pos + 1)
    return TimeMention(pos, pos + len(phrase), phrase, kind, str(start), "day",
                       start, end or start)


def link(text, phrase, lang="nl", occurrence=1):
    d = dt.date(2022, 5, 28)
    art = Article("doc", text, dt.datetime(2022, 5, 3), lang)
    events = link_events(document.build(art, timexes=[tm(text, phrase, d, occurrence=occurrence)]))
    return sorted((e.person, e.link_rule) for e in events), events


CASES = [
    # (text, date phrase, expected persons)
    ("Carlo Ancelotti kan op 28 mei geschiedenis schrijven.", "op 28 mei", ["Carlo Ancelotti"]),
    ("Kylian Mbappé lijkt PSG op 30 juni transfervrij in te ruilen voor Real.", "op 30 juni",
     ["Kylian Mbappé"]),
    ("Carlo Ancelotti won. Ancelotti sluit niet uit dat Karim Benzema aan het eind van dit jaar "
     "de Ballon d'Or wint.", "aan het eind van dit jaar", ["Karim Benzema"]),
    ("Carlo Ancelotti won. In de optiek van Ancelotti, die tot medio 2024 vastligt in Madrid, "
     "komt het te vroeg.", "tot medio 2024", ["Carlo Ancelotti"]),
    ("Vorige week speelden Toni Kroos en Marcelo samen.", "Vorige week", ["Marcelo", "Toni Kroos"]),
    ("Op 28 mei speelt Real Madrid de finale tegen Liverpool.", "Op 28 mei", []),
    ("Canada doet sinds 1986 weer mee, zei Carlo Ancelotti. Canada plaatste zich in 1986.",
     "in 1986", []),
    ("Steve Jobs zei dat Apple vorig jaar veel Macs verkocht.", "vorig jaar", []),
    ("Sergei Ignatiev, voorzitter van de Centrale Bank, kondigde woensdag aan dat de banken steun "
     "krijgen.", "woensdag", ["Sergei Ignatiev"]),
    ("Alan Greenspan said on Monday that growth would slow.", "on Monday", ["Alan Greenspan"]),
    ("The Federal Reserve cut rates on Friday.", "on Friday", []),
    ("Volgens verslaggever Xander van der Wulp speelt het al sinds 2022.", "sinds 2022", []),
    ("Pieter Omtzigt, die in augustus een partij oprichtte, wil premier worden.", "in augustus",
     ["Pieter Omtzigt"]),
    ("Koning Willem-Alexander ontving Mark Rutte woensdag op het paleis.", "woensdag",
     ["Mark Rutte", "Willem-Alexander"]),
]


EN = [
    ("Carlo Ancelotti was happy. The 62-year-old Italian led Real to the title last weekend.",
     "last weekend", ["Carlo Ancelotti"]),
    ("Kylian Mbappé is set to leave PSG. Karim Benzema could win the Ballon d'Or at the end of "
     "this year, Carlo Ancelotti believes.", "at the end of this year", ["Karim Benzema"]),
    ("Carlo Ancelotti spoke. Kylian Mbappé will leave on June 30, according to Fabrizio Romano.",
     "on June 30", ["Kylian Mbappé"]),
    ("Karim Benzema, who scored against City on Wednesday, is fit.", "on Wednesday", ["Karim Benzema"]),
    ("The Italian company Fiat will appoint board members on Monday. Carlo Ancelotti agreed.",
     "on Monday", []),
]


@pytest.mark.parametrize("text,phrase,expected", EN)
def test_who_the_date_is_about_english(text, phrase, expected):
    got, _ = link(text, phrase, "en")
    assert sorted({p for p, _ in got}) == expected


@pytest.mark.parametrize("text,phrase,expected", CASES)
def test_who_the_date_is_about(text, phrase, expected):
    lang = "en" if " said " in text or text.startswith("The ") else "nl"
    got, _ = link(text, phrase, lang)
    assert sorted({p for p, _ in got}) == expected


def test_description_and_pronoun_links_have_lower_confidence():
    text = ("Carlo Ancelotti was blij. Woensdagavond kreeg de Italiaanse coach hulp. "
            "Hij won op 28 mei de finale.")
    _, ev1 = link(text, "Woensdagavond")
    _, ev2 = link(text, "op 28 mei")
    assert [e.person for e in ev1] == ["Carlo Ancelotti"] == [e.person for e in ev2]
    named, ev3 = link("Carlo Ancelotti won op 28 mei de finale.", "op 28 mei")
    assert named == [("Carlo Ancelotti", "named in clause")]
    assert ev3[0].confidence > ev2[0].confidence and ev3[0].confidence > ev1[0].confidence


def test_quote_about_somebody_else_goes_to_that_person():
    text = ('Carlo Ancelotti sprak over Karim Benzema. "Ik geloof dat Benzema eind dit jaar de '
            'Ballon d\'Or wint", aldus Ancelotti.')
    got, _ = link(text, "eind dit jaar")
    assert [p for p, _ in got] == ["Karim Benzema"]


def test_quote_about_the_speaker_goes_to_the_speaker():
    text = 'Harry Reid sprak. "Ik zie er morgen tegenop", zei Reid.'
    got, _ = link(text, "morgen")
    assert got == [("Harry Reid", "speaker about self")]


@pytest.mark.parametrize("word", ["transfervrij", "TRANSFERVRIJ", "tranſfervrij", "Transfervrij-deal"])
def test_event_type_stems_match_ignoring_case_as_regexes_do(word):
    # stems are tried as plain substrings first; "ſ" (long s) matches "s" ignoring case
    _, events = link(f"Kylian Mbappé lijkt PSG op 30 juni {word} in te ruilen voor Real.", "op 30 juni")
    assert events[0].event_type == "transfer"


def test_events_carry_label_type_and_sentence():
    text = "Kylian Mbappé lijkt PSG op 30 juni transfervrij in te ruilen voor Real."
    _, events = link(text, "op 30 juni")
    e = events[0]
    assert e.event_type == "transfer" and e.event_type in EVENT_TYPES
    assert "transfervrij" in e.label and "30 juni" not in e.label
    assert e.sentence == text and e.sentence_start == 0
    assert e.link_rule == LinkRule.NAMED_IN_CLAUSE and 0.5 < e.confidence <= 1
    assert e.evidence and all(isinstance(w, float) for _, w in e.evidence)


def test_unresolved_durations_and_empty_input_give_nothing():
    text = "Carlo Ancelotti traint nog tien jaar."
    art = Article("doc", text, None, "nl")
    dur = TimeMention(text.index("tien jaar"), text.index("tien jaar") + 9, "tien jaar", "DURATION", "P10Y", "year")
    assert link_events(document.build(art, timexes=[dur])) == []
    assert link_events(document.build(Article("e", "", None, "nl"), timexes=[])) == []


@pytest.mark.parametrize("text,lang,phrase", [
    ("Elian Gonzalez was found. In Havana, Elian Gonzalez's father joined President Fidel Castro on Thursday.", "en", "on Thursday"),
    ("Donderdag sprak de vader van Kevin de Bruijn met de pers.", "nl", "Donderdag"),
])
def test_a_relatives_possessor_is_marked(text, lang, phrase):
    """'Elian's father joined Castro on Thursday': the date is the father's; the feature
    that tells the model so fires for the possessor only."""
    from extract.linking.features import candidates
    art = Article("doc", text, dt.datetime(2000, 2, 10), lang)
    doc = document.build(art, timexes=[tm(text, phrase, dt.date(2000, 2, 10))])
    marked = {c.person for c in candidates(doc) if c.features.get("possessor")}
    assert marked and all(("Elian" in p or "Bruijn" in p) for p in marked), marked
