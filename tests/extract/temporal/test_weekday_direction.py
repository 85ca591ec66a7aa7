"""Which week a bare weekday falls in: deadline prepositions, present-for-future ("Zondag gaat
de minister naar Parijs") and weak future cues of another clause (table-driven, per language).

Each row: (lang, text, published, expression, value). Mostly published on Wednesday 6 March 2019,
so the Monday/Tuesday before are 4/5 March and the coming Friday/Saturday 8/9 March; MON rows
on Monday 4 March, whose coming Sunday is 10 March.
"""
from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from extract.temporal import find_timexes

WED = "2019-03-06T10:00"   # a Wednesday
MON = "2019-03-04T10:00"   # a Monday

DEADLINES = [
    # "voor"/"before" a weekday: the coming one, unless a strong past cue governs the clause
    param("nl", "Het kabinet moet voor vrijdag beslissen.", WED, "voor vrijdag", "2019-03-08", id="nl-deadline-modal"),
    param("nl", "Voor zaterdag heeft de club zich ingeschreven.", WED, "Voor zaterdag", "2019-03-09",
          id="nl-deadline-present-perfect"),
    param("nl", "De minister zal voor maandag een besluit nemen.", WED, "voor maandag", "2019-03-11",
          id="nl-deadline-future"),
    param("nl", "Voor maandag had het kabinet al beslist.", WED, "Voor maandag", "2019-03-04",
          id="nl-deadline-past-perfect-is-past"),
    param("nl", "Voor dinsdag stond een overleg gepland.", WED, "Voor dinsdag", "2019-03-05",
          id="nl-deadline-simple-past-is-past"),
    # a present perfect ("is gepresenteerd") is a past tense before a deadline word too
    param("nl", "Het akkoord dat vlak voor Kerstmis is gepresenteerd, kost geld.", WED, "voor Kerstmis",
          "2018-12-25", id="nl-deadline-present-perfect-is-past"),
    param("nl", "Het akkoord moet voor Kerstmis klaar zijn.", WED, "voor Kerstmis", "2019-12-25",
          id="nl-deadline-modal-ahead"),
    param("en", "The board must decide before Friday.", WED, "Friday", "2019-03-08", id="en-deadline-modal"),
    param("en", "The board will decide before Saturday.", WED, "Saturday",
          "2019-03-09", id="en-deadline-future"),
    param("en", "The board had decided before Monday.", WED, "Monday", "2019-03-04",
          id="en-deadline-past-perfect-is-past"),
]

PRESENT_FOR_FUTURE = [
    # a scheduled event told in the present ("Zondag gaat de minister naar Parijs") lies ahead:
    # "gaat"/"gaan" are future cues with or without an infinitive. Published on Monday 4 March,
    # so the coming Sunday is 10 March (not yesterday, 3 March).
    param("nl", "Zondag gaat de minister naar Parijs.", MON, "Zondag", "2019-03-10", id="nl-gaat-scheduled-sunday"),
    param("nl", "De minister gaat zondag naar Parijs.", MON, "zondag", "2019-03-10", id="nl-gaat-after-verb-sunday"),
    param("nl", "Zondagavond gaan de ministers naar Brussel.", MON, "Zondagavond", "2019-03-10TEV",
          id="nl-gaan-scheduled-sunday-evening"),
    param("nl", "Zaterdag gaat de minister trainen.", WED, "Zaterdag", "2019-03-09", id="nl-gaat-infinitive-future"),
    param("nl", "Vrijdag gaat de winkel open.", WED, "Vrijdag", "2019-03-08", id="nl-gaat-present-ahead"),
    # English has no such path ("goes" is no cue); a guard that it stays ahead
    param("en", "The minister goes to Paris on Sunday.", MON, "Sunday", "2019-03-10", id="en-goes-scheduled-sunday"),
    # "komt voort uit" (stems from) is a present, not the future "komt": yesterday's raid
    param("nl", "De politieactie van maandag komt voort uit twee onderzoeken.", "2019-04-09T10:00", "maandag",
          "2019-04-08", id="nl-komt-voort-is-present"),
    param("nl", "Maandag komt de minister naar Utrecht.", "2019-04-09T10:00", "Maandag", "2019-04-15",
          id="nl-komt-is-still-future"),
    # a scheduled event in the English present simple lies ahead, whatever the speech tag says
    param("en", "The plant closes on Friday, he said.", WED, "Friday", "2019-03-08", id="en-closes-friday-he-said"),
    param("en", "The trial takes place on Saturday, officials said.", WED, "Saturday", "2019-03-09",
          id="en-takes-place-saturday"),
    param("en", "The plant closed on Friday, he said.", WED, "Friday", "2019-03-01", id="en-closed-friday-is-past"),
]

PASSIVE = [
    # after "be" a past form is the passive's participle, no past tense: "will" decides
    param("en", "Officials said several meetings will be held on Saturday.", WED, "Saturday", "2019-03-09",
          id="en-will-be-held-is-future"),
    param("en", "Officials said meetings will be held this weekend.", "2019-03-07T10:00", "this weekend",
          "2019-W10-WE", id="en-will-be-held-this-weekend"),
    param("en", "The meeting was held on Monday.", WED, "Monday", "2019-03-04", id="en-was-held-is-past"),
]

REPORTING = [
    # a reporting verb in the present beside a day reports what was said that day
    param("nl", "Een woordvoerder zegt dinsdag dat de minister niet kan reageren.", WED, "dinsdag", "2019-03-05",
          id="nl-zegt-dinsdag-is-yesterday"),
    param("nl", "De minister meldt maandag in een brief dat het plan doorgaat.", WED, "maandag", "2019-03-04",
          id="nl-meldt-maandag-is-past"),
    # a scheduled announcement in the present still lies ahead
    param("nl", "Vrijdag maakt de minister de plannen bekend.", WED, "Vrijdag", "2019-03-08",
          id="nl-maakt-bekend-vrijdag-ahead"),
]

ATTRIBUTIVE = [
    # "X van <weekday>" names an event whose verb is not the clause's: the nearer such day
    param("nl", "De stemming van dinsdag leidt tot uiteenlopende reacties.", WED, "dinsdag", "2019-03-05",
          id="nl-vote-of-tuesday-yesterday"),
    param("nl", "Volgens Het Parool van maandag is dat onjuist.", WED, "maandag", "2019-03-04", id="nl-paper-of-monday"),
    param("en", "Shares fell two percent from Monday's closing price.", WED, "Monday", "2019-03-04",
          id="en-monday-s-close-past"),
    param("en", "Saturday's match will be played in London.", WED, "Saturday", "2019-03-09",
          id="en-saturday-s-match-future"),
    param("nl", "De wedstrijd van zaterdag wordt uitgesteld.", WED, "zaterdag", "2019-03-09",
          id="nl-match-of-saturday-ahead"),
    # ... but a night "van maandag op dinsdag" follows the tense
    param("nl", "De weg wordt in de nacht van maandag op dinsdag afgesloten.", WED, "maandag", "2019-03-11",
          id="nl-night-of-monday-to-tuesday"),
]

OTHER_CLAUSE = [
    # a weak future cue ("om ... te" + infinitive) in another clause says nothing of the weekday's clause
    param("nl", "De minister sprak eerder met de pers.\nZe vertelt het dinsdagavond op televisie, om de onrust weg te nemen.",
          WED, "dinsdagavond", "2019-03-05TEV", id="nl-purpose-clause-no-future"),
    param("nl", "De minister sprak eerder met de pers.\nZe vertelt het maandag op televisie, om de onrust weg te nemen.",
          WED, "maandag", "2019-03-04", id="nl-purpose-clause-monday"),
    # in the weekday's own clause it still points forward
    param("nl", "Hij sprak eerder met de pers.\nZe hoopt zaterdag te winnen.", WED, "zaterdag", "2019-03-09",
          id="nl-own-clause-future"),
    # a wire report's "saying" opens the statement's own clause: its "will" is not the weekday's
    param("en", "The ambassadors issued a joint statement Friday saying the entry will consolidate security.",
          WED, "Friday", "2019-03-01", id="en-saying-opens-clause"),
    param("en", "The ambassadors will issue a statement Friday saying the entry consolidated security.",
          WED, "Friday", "2019-03-08", id="en-saying-own-clause-future"),
]

WEAK_PAST = [
    # any weak verb's past form is a past cue (nl/past_forms.txt, built from a lemma table),
    # not only the verbs a hand-kept list happens to hold
    param("nl", "Op dinsdagochtend probeerde ze haar fractie op één lijn te houden.", WED, "Op dinsdagochtend",
          "2019-03-05TMO", id="nl-probeerde"),
    param("nl", "Want later die dinsdag slaagden ze er niet in de meerderheid te vinden.", WED, "dinsdag",
          "2019-03-05", id="nl-slaagden"),
    param("nl", "In december slaagden Nederland en zijn medestanders erin de voorstellen af te zwakken.", WED,
          "In december", "2018-12", id="nl-month-slaagden"),
    # a present form, a plural noun and a modal are no past: the coming day or month
    param("nl", "Omdat de club het niet terugziet in Shells daden, ontvangt het bedrijf vrijdag een brief.", WED,
          "vrijdag", "2019-03-08", id="nl-terugziet-daden-no-past"),
    param("nl", "In september mag hij al beginnen aan een opleiding.", WED, "In september", "2019-09",
          id="nl-mag-no-past"),
    # English irregular pasts are listed one by one (the regular ones end in -ed)
    param("en", "On Friday the suspect fled the country.", WED, "Friday", "2019-03-01", id="en-fled"),
    param("en", "Police shot a man on Saturday.", WED, "Saturday", "2019-03-02", id="en-shot"),
]


@pytest.mark.parametrize("lang,text,published,expect,value",
                         DEADLINES + PRESENT_FOR_FUTURE + PASSIVE + REPORTING + ATTRIBUTIVE + OTHER_CLAUSE + WEAK_PAST)
def test_weekday_direction(lang, text, published, expect, value):
    mentions = find_timexes(text, lang, dt.datetime.fromisoformat(published))
    found = [m for m in mentions if m.text == expect]
    assert found, mentions
    assert found[0].value == value, found[0]
