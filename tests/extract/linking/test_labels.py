"""Labels read on their own: no gap where the date was, no leftovers, no leading connective."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from extract import document
from extract.linking import link_events
from extract.records import Article, TimeMention


def label_of(text, phrase, lang="nl", kind="DATE"):
    d = dt.date(2022, 5, 28)
    s = text.index(phrase)
    t = TimeMention(s, s + len(phrase), phrase, kind, "2022-05-28", "day", d, d)
    events = link_events(document.build(Article("d", text, dt.datetime(2022, 5, 3), lang), timexes=[t]))
    assert events, "no event linked"
    return events[0].label


CASES = [
    # text, date phrase, words the label must contain, words it must not contain
    ("Kylian Mbappé lijkt PSG op 30 juni transfervrij in te ruilen voor Real.", "op 30 juni",
     ["transfervrij", "Real"], ["30 juni", "Mbappé"]),
    ("Ancelotti kijkt naar WK 2026 en is enthousiast over een specifiek land. Carlo Ancelotti zei het.",
     "WK 2026", ["WK 2026"], []),
    ("In de optiek van Carlo Ancelotti komt het WK in Qatar van later dit jaar sowieso te vroeg.",
     "later dit jaar", ["WK in Qatar", "te vroeg"], ["van sowieso"]),
    ("De Amerikaanse president Barack Obama presenteerde vandaag om 16:00 UTC een reorganisatieplan.",
     "vandaag om 16:00", ["presenteerde", "reorganisatieplan"], ["UTC", "Obama"]),
    ("Steve Jobs kondigde vandaag aan dat de nieuwe iMac in juli verschijnt.", "vandaag",
     ["kondigde aan", "iMac"], []),
    ("Premier Dick Schoof en minister Caspar Veldkamp van Buitenlandse Zaken reisden woensdag naar "
     "Brussel.", "woensdag", ["reisden naar Brussel"], ["Buitenlandse Zaken"]),
    ("Woensdagavond kreeg de Italiaanse coach Carlo Ancelotti hulp van een aantal routiniers.",
     "Woensdagavond", ["kreeg hulp"], []),
    ("Sinds 2019 speelt Xavi Simons in het buitenland.", "Sinds 2019", ["speelt", "buitenland"], []),
    # in a verb-final clause a role word is the predicate: the date's own event
    ("Sinds Jesse Klaver in mei 2015 partijleider is, volgt de ene overwinning op de andere.",
     "in mei 2015", ["partijleider is"], ["overwinning"]),
    ("Hij sprak met Piet Jansen, die in 2010 burgemeester werd.", "in 2010", ["burgemeester werd"], ["sprak"]),
    ("Alan Greenspan said on Monday that growth would slow.", "on Monday", ["said", "growth"], []),
    # the date's own clause, a relative one without a comma before it
    ("Het WK van 2026 lijkt een optie voor Carlo Ancelotti, de trainer die Real afgelopen weekeinde naar "
     "de Spaanse titel loodste.", "afgelopen weekeinde", ["naar de Spaanse titel loodste"], ["WK", "optie"]),
    # a short relative or subordinate clause is still the date's own: not the main clause
    ("De media speuren naar nieuws over hoofdverdachte Bernard Graumann, die zichzelf vorige week "
     "vergiftigde.", "vorige week", ["zichzelf vergiftigde"], ["media", "speuren"]),
    ("De raad sprak erover nadat Wopke Hoekstra dinsdag de aandelenkoop bekendmaakte.", "dinsdag",
     ["aandelenkoop bekendmaakte"], ["raad", "sprak"]),
    # an inverted subject that lists persons goes whole: no "hebben en Kim"
    ("Vandaag hebben Donald Trump en Kim Jong-un toch een tweede date in Hanoi.", "Vandaag",
     ["hebben toch een tweede date"], ["en Kim", "Jong-un"]),
    # ... but a date that opens its segment itself ("die avond") makes no relative clause
    ("Nigel de Jong scoorde die avond de 1-1.", "die avond", ["scoorde"], []),
    # a main clause goes on after a relative clause or apposition about its subject
    ("In 2015 klapte kandidaat Joseph Roche, die de laatste honderd had gehaald, uit de school.",
     "In 2015", ["klapte uit de school"], ["Roche", "kandidaat", "honderd"]),
    ("Op 6 april ging de Bondsraad, het ledenparlement van de bond, akkoord met de benoeming van "
     "Sandra Molenaar.", "Op 6 april", ["akkoord met de benoeming"], ["ledenparlement"]),
    # ... not after one about an object, nor into a quote
    ("Rector Anton Pijpers zette vrijdag een docent op non-actief, die had geschreven, 'waar ben je?'", "vrijdag",
     ["non-actief"], ["waar ben"]),
]


EN_CASES = [
    # a fronted phrase set off by a comma introduces the clause that says what happened
    ("In his Sunday Mass at St. Patrick's Cathedral, Cardinal John O'Connor called the murder wrong.",
     "Sunday", ["called the murder wrong"], ["Mass", "O'Connor"]),
    # an abbreviation's full stop does not end the clause; a nation before a role is the title's
    ("Doctors were killed, most recently last October when Dr. Barnett Slepian was gunned down.",
     "last October", ["gunned down"], []),
    ("U.S. Secretary of State Madeleine Albright headed Wednesday to East Africa.", "Wednesday",
     ["headed to East Africa"], ["Secretary", "Albright"]),
    ("Madeleine Albright and Sandy Berger came. Albright, Berger and defense secretary William Cohen "
     "announced plans on Friday.", "on Friday",
     ["announced plans"], ["defense", "Cohen"]),
    # ... but a verb before a role and a name stays: it is the event
    ("In early 1997, President Boris Yeltsin told President Bill Clinton he could live with it.",
     "In early 1997", ["told"], []),
    # wire copy's dateline and dashes (" _ ", " -- ") set a stretch off like a dash
    ("WASHINGTON _ Lawrence Wechsler made statements on Friday about the case.", "on Friday",
     ["made statements"], ["WASHINGTON"]),
    ("Elian's grandmother Raquel Rodriguez said she and tens of thousands of women -- hundreds visibly "
     "pregnant -- marched on Monday to the U.S. mission.", "on Monday", ["marched"], ["pregnant"]),
]


@pytest.mark.parametrize("text,phrase,must,must_not", EN_CASES)
def test_english_label(text, phrase, must, must_not):
    label = label_of(text, phrase, "en")
    assert all(w in label for w in must) and not any(w in label for w in must_not), label


@pytest.mark.parametrize("text,phrase,must,must_not", CASES)
def test_label(text, phrase, must, must_not):
    lang = "en" if " said " in text else "nl"
    label = label_of(text, phrase, lang)
    for word in must:
        assert word in label, label
    for word in must_not:
        assert word not in label, label
    words = label.replace("…", "").split()
    assert words and words[0].lower() not in {"en", "maar", "dat", "die", "and", "but", "that", "van", "of"}
    assert words[-1].lower() not in {"de", "het", "een", "van", "the", "a", "of", "en", "and"}
    assert not re.search(r"\s[,.;:]", label) and len(words) <= 12


def test_pronouns_inside_the_clause_stay():
    label = label_of("Loris Karius speelde. Wat als hij op 26 mei 2018 de wedstrijd van zijn leven had "
                     "gekeept?", "op 26 mei 2018")
    assert "van zijn leven" in label


def labels_by_date(text, lang="nl"):
    events = link_events(document.build(Article("d", text, dt.datetime(2019, 5, 1), lang)))
    return {e.time.text: e.label for e in events}


@pytest.mark.parametrize("text,lang,expected", [
    # every date of the sentence leaves each label, with its preposition and the list's glue
    ("Raymond van Barneveld won in 1999, 2003 en 2005 de wereldtitel bij de BDO.", "nl",
     {"in 1999": "won de wereldtitel bij de BDO", "2003": "won de wereldtitel bij de BDO",
      "2005": "won de wereldtitel bij de BDO"}),
    ("Herman Van Holsbeeck was tussen 2003 en 2018 de algemeen manager van Anderlecht.", "nl",
     {"tussen 2003": "was de algemeen manager van Anderlecht",
      "2018": "was de algemeen manager van Anderlecht"}),
    ("Andy Murray won the tournament in 2010, 2011 and 2016.", "en",
     {"in 2010": "won the tournament", "2011": "won the tournament", "2016": "won the tournament"}),
])
def test_the_other_dates_of_the_sentence_leave_the_label(text, lang, expected):
    assert labels_by_date(text, lang) == expected


def test_a_description_after_a_copula_stays_in_the_label():
    # "de algemeen manager" is read as a description (of the trainer), but after "was" it
    # says what Van Holsbeeck was: no inverted subject, which holds a name ("kreeg de
    # Italiaanse coach Carlo Ancelotti hulp")
    text = ("Trainer Dejan Veljkovic werd ontslagen. "
            "Herman Van Holsbeeck was tussen 2003 en 2018 de algemeen manager van Anderlecht.")
    assert labels_by_date(text)["2018"] == "was de algemeen manager van Anderlecht"


def test_an_inverted_description_that_is_the_subject_leaves_the_label():
    # no copula: "de Italiaanse coach" is who got help (the seeds' sentence)
    text = ("Trainer Carlo Ancelotti van Real Madrid is blij. "
            "Woensdagavond kreeg de Italiaanse coach hulp van een aantal routiniers.")
    assert labels_by_date(text)["Woensdagavond"] == "kreeg hulp van een aantal routiniers"


def test_a_possessive_dates_s_leaves_with_the_date():
    labels = labels_by_date("Senator Charles Schumer raised the issue in Saturday night's debate "
                            "with Alfonse D'Amato.", "en")
    label = labels["Saturday night"]
    assert "'s" not in label and not re.search(r"(^|\s)s(\s|$)", label), label
    assert "debate" in label


@pytest.mark.parametrize("text,lang,expected", [
    # a gapped list: each conjunct its own event; a conjunct without a verb takes the list's
    ("Kiki Bertens won. Tom Okker was derde in 1974, Richard Krajicek vierde in 1999 en Betty "
     "Stöve vijfde in 1977.", "nl",
     {"Tom Okker": "was derde", "Richard Krajicek": "vierde", "Betty Stöve": "vijfde"}),
    ("Serena Williams won. Pete Sampras won the title in 1993, Andre Agassi in 1994 and Boris "
     "Becker in 1996.", "en",
     {"Pete Sampras": "won the title", "Andre Agassi": "won the title", "Boris Becker": "won the title"}),
])
def test_a_gapped_list_labels_each_conjunct_apart(text, lang, expected):
    events = link_events(document.build(Article("d", text, dt.datetime(2019, 5, 17), lang)))
    assert {e.person: e.label for e in events if e.person in expected} == expected


@pytest.mark.parametrize("text,lang,expected", [
    # two dated clauses joined by "en"/"and": each date is labelled with its own clause
    ("Kiki Bertens is fit. Gisteren won ze in Rome twee wedstrijden en vandaag treft ze Naomi Osaka.",
     "nl", {"Gisteren": "won in Rome twee wedstrijden", "vandaag": "treft ze Naomi Osaka"}),
    ("Gerard Sanderink startte eind jaren zeventig zijn eerste ict-bedrijf en begon in 1992 de "
     "Sanderink Groep.", "nl", {"eind jaren zeventig": "startte zijn eerste ict-bedrijf",
                                "in 1992": "begon de Sanderink Groep"}),
])
def test_a_coordinated_clause_of_another_date_leaves_the_label(text, lang, expected):
    events = link_events(document.build(Article("d", text, dt.datetime(2019, 5, 17), lang)))
    labels = {e.time.text: e.label for e in events}
    assert {k: labels.get(k) for k in expected} == expected
