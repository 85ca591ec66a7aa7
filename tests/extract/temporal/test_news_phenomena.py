"""How news text places dates, per phenomenon and language (dateparser-style tables).

Each row: (lang, text, published, expression, value, first day, last day). The expression
is found by its text; rows name the phenomenon they pin down.
"""
from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from extract.temporal import find_timexes
from extract.temporal.join import is_interval

WED = "2019-03-06T10:00"   # a Wednesday
SUN = "2019-09-08T19:59"   # a Sunday
MON = "2000-04-03T09:00"   # a Monday

INHERITED_TENSE = [
    # a sentence without a cue takes the tense of its paragraph, then of the article
    param("nl", "Hoekstra ontmoette Le Maire en sprak met hem.\nVrijdag: overleg in Parijs.", WED,
          "Vrijdag", "2019-03-01", "2019-03-01", "2019-03-01", id="nl-verbless-line-in-a-past-report"),
    param("en", "The minister met his colleague and spoke of peace. Friday: talks in Paris.", WED,
          "Friday", "2019-03-01", "2019-03-01", "2019-03-01", id="en-verbless-sentence-in-a-past-report"),
    # a future cue still points forward
    param("nl", "Hoekstra ontmoette Le Maire. Vrijdag zal hij Parijs bezoeken.", WED,
          "Vrijdag", "2019-03-08", "2019-03-08", "2019-03-08", id="nl-future-cue-wins"),
    # a text with no cue at all (a bare phrase, an agenda line) resolves forward
    param("nl", "vrijdag", WED, "vrijdag", "2019-03-08", "2019-03-08", "2019-03-08", id="nl-bare-phrase-forward"),
    param("nl", "20-3", "2019-03-21T10:00", "20-3", "2020-03-20", "2020-03-20", "2020-03-20",
          id="nl-bare-day-forward"),
    # ... but in an article, without a cue, not almost a year ahead: a cited day is behind us
    param("nl", "Dank voor de toelichting (Meningen 20-3). Goed stuk.", "2019-03-21T10:00", "20-3",
          "2019-03-20", "2019-03-20", "2019-03-20", id="nl-cited-day-in-an-article"),
    param("en", "Thanks for the explanation (Opinion, March 20). A good piece.", "2019-03-21T10:00",
          "March 20", "2019-03-20", "2019-03-20", "2019-03-20", id="en-cited-day-in-an-article"),
    # the expression's own words are no evidence of the text's tense ("zat." is also 'sat')
    param("nl", "zat.", WED, "zat.", "2019-03-09", "2019-03-09", "2019-03-09", id="nl-abbreviation-is-no-cue"),
    # an object pronoun "het" is no article of a demonstrative ("het dit weekeinde" is none)
    param("nl", "We gaan het dit weekeinde zien.", "2019-05-10T10:00", "dit weekeinde", "2019-W19-WE",
          "2019-05-11", "2019-05-12", id="nl-het-before-a-demonstrative-is-the-object"),
    # "dit weekend" in a text that is past only by inheritance is the coming one
    param("nl", "Hij won vorig jaar. Dit weekeinde de start in Albstadt.", "2019-05-17T08:40",
          "Dit weekeinde", "2019-W20-WE", "2019-05-18", "2019-05-19", id="nl-this-weekend-inherits-no-past"),
]

TENSE_CUES = [
    # a present tense points nowhere in particular: the nearest such date
    param("nl", "De verkiezingsuitslag van 20 maart doet zich voelen in de Eerste Kamer.", "2019-04-10T10:00",
          "20 maart", "2019-03-20", "2019-03-20", "2019-03-20", id="nl-present-nearest-month-day"),
    param("nl", "De finale is zaterdag in Rotterdam.", "2019-05-16T10:00",
          "zaterdag", "2019-05-18", "2019-05-18", "2019-05-18", id="nl-present-nearest-weekday"),
    param("nl", "De finale is zaterdag in Rotterdam.", "2019-05-14T10:00",
          "zaterdag", "2019-05-18", "2019-05-18", "2019-05-18", id="nl-present-weekday-ahead"),
    param("nl", "Dat hij geen kleurloze speler is, is na woensdagavond wel duidelijk.", "2019-04-11T10:00",
          "na woensdagavond", "2019-04-10TEV", "2019-04-10", "2019-04-10", id="nl-present-weekday-yesterday"),
    param("nl", "Feyenoord is verwikkeld met AZ, dat de ineenstorting na de winterstop beantwoordde.",
          "2019-03-27T10:00", "na de winterstop", "2018-12-20/2019-01-10", "2018-12-20", "2019-01-10",
          id="nl-present-nearest-football-period"),
    # a present-tense verb form right next to the weekday (no listed cue) in a past-tense article
    param("nl", "Het Nederlands elftal voetbalt vrijdag tegen Duitsland. Oranje won elf duels en verloor er zestien.",
          "2019-09-04T13:34", "vrijdag", "2019-09-06", "2019-09-06", "2019-09-06", id="nl-adjacent-present-verb"),
    param("nl", "Vrijdag ontvangt Ajax PSV. Vorige week won Ajax en verloor PSV.", "2019-09-04T13:34",
          "Vrijdag", "2019-09-06", "2019-09-06", "2019-09-06", id="nl-adjacent-present-verb-after"),
    param("nl", "Ajax treft zaterdag AZ. Dinsdag maakt Ten Hag de selectie bekend. Vorig seizoen won Ajax.",
          "2019-10-02T10:00", "Dinsdag", "2019-10-08", "2019-10-08", "2019-10-08", id="nl-adjacent-verb-schedules"),
    param("nl", "De markt zaterdag was druk. Hij won.", "2019-09-04T13:34",
          "zaterdag", "2019-08-31", "2019-08-31", "2019-08-31", id="nl-adjacent-noun-is-no-verb"),
    # present auxiliary + past participle is a perfect: past
    param("nl", "Ajax is zaterdag kampioen geworden.", "2019-05-16T10:00",
          "zaterdag", "2019-05-11", "2019-05-11", "2019-05-11", id="nl-perfect-is-past"),
    # a separable verb in a subordinate clause: prefix + strong past form
    param("nl", "Johnson houdt zich aan de wet die het Lagerhuis woensdag aannam.", "2019-09-06T10:00",
          "woensdag", "2019-09-04", "2019-09-04", "2019-09-04", id="nl-separable-past"),
    # a multi-word cue ("is to") wins over its first word ("is")
    param("en", "Navigation Mixte is to resume trading in Paris Tuesday, sources said.", "1989-10-27T10:00",
          "Tuesday", "1989-10-31", "1989-10-31", "1989-10-31", id="en-phrase-before-word"),
    # a relative expression nearby ("komende maandag") tells the tense of a bare weekday
    param("nl", "Löw blikt vooruit op de duels van vrijdag met Oranje en komende maandag. Hij won in 2014.",
          "2019-09-04T10:00", "vrijdag", "2019-09-06", "2019-09-06", "2019-09-06", id="nl-sibling-relative-cue"),
    # "the plan" is a noun, no future cue; "plans to" is one
    param("en", "The thrift announced the plan Aug. 21.", "1989-10-27T10:00", "Aug. 21", "1989-08-21", "1989-08-21",
          "1989-08-21", id="en-plan-is-a-noun"),
    # weak past forms of common news verbs
    param("nl", "Vrijdag ontmoette minister Hoekstra zijn Franse ambtgenoot.", WED,
          "Vrijdag", "2019-03-01", "2019-03-01", "2019-03-01", id="nl-weak-past-verb"),
]

WEEKDAY_WITH_DATE = [
    # a weekday before an explicit date is that date, with the weekday's part of day
    param("nl", "Terug naar zaterdagavond 7 april 2018: AZ speelt thuis.", SUN,
          "zaterdagavond 7 april 2018", "2018-04-07TEV", "2018-04-07", "2018-04-07", id="nl-weekday-daypart-date"),
    param("nl", "Woensdagavond 10 april, tegen de klok van 22.30 uur.", "2019-04-11T10:00",
          "Woensdagavond 10 april", "2019-04-10TEV", "2019-04-10", "2019-04-10", id="nl-weekday-daypart-day-month"),
    param("en", "The Times said in an editorial on Saturday, April 25: the court erred.", "1998-04-24T10:00",
          "Saturday, April 25", "1998-04-25", "1998-04-25", "1998-04-25", id="en-weekday-comma-date-colon"),
]

CLOCK_WITH_DAY = [
    # a clock time before its day and part of day is one moment on that day, in that half
    param("nl", "Het toestel dat rond half elf dinsdagavond van de radar verdween, is gevonden.",
          "2019-04-11T09:00", "rond half elf dinsdagavond", "2019-04-09T22:30", "2019-04-09", "2019-04-09",
          id="nl-clock-before-weekday-evening"),
    param("nl", "Om tien over vijf gistermiddag ontplofte een explosief.", "2019-03-04T09:00",
          "Om tien over vijf gistermiddag", "2019-03-03T17:10", "2019-03-03", "2019-03-03",
          id="nl-clock-before-yesterday-afternoon"),
    # a morning part of day keeps the hour in the morning, whatever the hour alone suggests
    param("nl", "Maandagochtend om half negen vertrok hij.", "2019-04-11T09:00", "Maandagochtend om half negen",
          "2019-04-08T08:30", "2019-04-08", "2019-04-08", id="nl-monday-morning-half-nine"),
    # a past event's hour is not pushed past the publication time: it may be on an earlier day
    param("nl", "Om half negen was hij thuis.", "2019-04-11T09:00", "Om half negen", "2019-04-11T08:30",
          "2019-04-11", "2019-04-11", id="nl-past-half-nine-is-morning"),
    param("nl", "Om half negen begint de wedstrijd.", "2019-04-11T09:00", "Om half negen", "2019-04-11T20:30",
          "2019-04-11", "2019-04-11", id="nl-future-half-nine-is-evening"),
]

NARRATIVE = [
    # a retold period opens a sentence: the bare dates that follow fall in it
    param("nl", "In 1991 werd er minder gescoord. Alleen had PSV op 9 mei al 29 wedstrijden gespeeld.",
          "2019-04-13T07:23", "op 9 mei", "1991-05-09", "1991-05-09", "1991-05-09", id="nl-retold-year"),
    # a season recap: yearless months fall in the season
    param("nl", "In het seizoen 2012/13 won hij de titel. In november scoorde hij drie keer, op 2 mei nog eens.",
          "2019-06-01T10:00", "In november", "2012-11", "2012-11-01", "2012-11-30", id="nl-season-recap-november"),
    param("nl", "In het seizoen 2012/13 won hij de titel. In november scoorde hij drie keer, op 2 mei nog eens.",
          "2019-06-01T10:00", "op 2 mei", "2013-05-02", "2013-05-02", "2013-05-02", id="nl-season-recap-may"),
    # a relative period that opens a sentence frames the yearless dates after it as well
    param("nl", "Ajax treft zaterdag AZ. Vorig seizoen won Ajax beide duels. Op 12 mei werd AZ verslagen, in "
                "december speelden beide ploegen gelijk.", "2019-10-02T10:00", "in december", "2018-12",
          "2018-12-01", "2018-12-31", id="nl-last-season-frames"),
    # ... but a year in passing, after the subject, starts no retelling
    param("nl", "Hij werd in 1990 geboren. Op 12 mei speelde hij zijn laatste wedstrijd.", "2019-06-01T10:00",
          "Op 12 mei", "2019-05-12", "2019-05-12", "2019-05-12", id="nl-year-in-passing"),
    param("en", "That 1978 resolution calls for a withdrawal. On Friday, Netanyahu said he had no qualms.",
          "1998-03-01T14:11", "Friday", "1998-02-27", "1998-02-27", "1998-02-27", id="en-year-as-modifier"),
    # a year said in words earlier in the clause holds for a yearless date
    param("nl", "Een avontuur dat vorig jaar al op 25 juli begon, tegen Sturm Graz.", "2019-04-16T22:54",
          "op 25 juli", "2018-07-25", "2018-07-25", "2018-07-25", id="nl-relative-year-in-clause"),
    # a list of (limit) years frames nothing: never 2050 for "op 28 mei"
    param("nl", "De wet die de doelen voor 2030 en 2050 vastlegt is ingepland op 28 mei.", "2019-04-10T10:00",
          "op 28 mei", "2019-05-28", "2019-05-28", "2019-05-28", id="nl-no-year-from-a-list"),
    # a day written with its year is that day again when repeated without it
    param("nl", "Het overleg van 25 september 2014 is nooit genoemd. Het was in de week van 25 september.", "2019-06-08T12:07",
          "25 september", "2014-09-25", "2014-09-25", "2014-09-25", id="nl-repeated-day"),
    param("nl", "Hij wordt verdacht op 7 augustus vorig jaar Pronk te hebben gedood. Hij werd op 7 augustus gezien.",
          "2019-06-26T20:20", "op 7 augustus", "2018-08-07", "2018-08-07", "2018-08-07", id="nl-repeated-day-year-in-words"),
    # a day or month followed by its year
    param("nl", "Hij zei dat eind vorig jaar. Hij had in maart van dat jaar de diagnose gekregen.", "2019-04-11T14:30",
          "in maart van dat jaar", "2018-03", "2018-03-01", "2018-03-31", id="nl-month-of-that-year"),
    param("en", "But in June last year, the leadership had a falling out.", "1998-02-19T08:02",
          "in June last year", "1997-06", "1997-06-01", "1997-06-30", id="en-month-last-year"),
    # parts of the day the story is at, and clock times on it
    param("nl", "Alkmaar staat zaterdag 10 augustus in het teken van wielrennen. De wedstrijd is die middag zwaar. "
                "Rond half vijf wint Pieters.", SUN, "die middag", "2019-08-10TAF", "2019-08-10", "2019-08-10",
          id="nl-that-afternoon"),
    param("nl", "Alkmaar staat zaterdag 10 augustus in het teken van wielrennen. De wedstrijd is die middag zwaar. "
                "Rond half vijf wint Pieters.", SUN, "Rond half vijf", "2019-08-10T16:30", "2019-08-10", "2019-08-10",
          id="nl-clock-on-the-story-day"),
    param("en", "Stocks fell on Monday. That evening the minister resigned.", "2022-05-05T15:34",
          "That evening", "2022-05-02TEV", "2022-05-02", "2022-05-02", id="en-that-evening"),
]

PERIODS = [
    # with an article, "afgelopen"/"komende" and "past"/"coming" count from today, both ways
    param("nl", "Het komende jaar wordt zwaar.", WED, "Het komende jaar", "2019-03-06/2020-03-06",
          "2019-03-06", "2020-03-06", id="nl-the-coming-year-rolls"),
    param("nl", "Komend jaar wordt zwaar.", WED, "Komend jaar", "2020", "2020-01-01", "2020-12-31",
          id="nl-next-year-is-the-calendar-year"),
    param("en", "It had become routine over the past decade.", "1998-10-25T10:00", "the past decade",
          "1988-10-25/1998-10-25", "1988-10-25", "1998-10-25", id="en-the-past-decade-rolls"),
    # fuzzy parts of decades
    param("nl", "Dat gebeurde begin jaren zeventig.", WED, "begin jaren zeventig", "197", "1970-01-01", "1973-12-31",
          id="nl-early-decade"),
    param("nl", "Halverwege de jaren tachtig kwam de omslag.", WED, "Halverwege de jaren tachtig", "198",
          "1983-01-01", "1986-12-31", id="nl-mid-decade"),
    param("en", "The group held power in the late 1970s.", "1998-02-19T08:02", "the late 1970s", "197",
          "1976-01-01", "1979-12-31", id="en-late-decade"),
    # an offset with a modifier is still a point in time
    param("en", "He was kidnapped almost two years ago.", "1998-02-19T08:02", "almost two years ago", "1996-02",
          "1996-02-01", "1996-02-29", id="en-almost-years-ago"),
    param("nl", "Hij vertrok bijna drie jaar geleden.", "2022-05-03T10:00", "bijna drie jaar geleden", "2019-05",
          "2019-05-01", "2019-05-31", id="nl-almost-years-ago"),
    # "het afgelopen jaar" / "the past year": the twelve months up to today; "afgelopen jaar" the calendar year
    param("nl", "Oranje speelde het afgelopen jaar driemaal tegen Duitsland.", "2019-09-04T13:34", "het afgelopen jaar",
          "2018-09-04/2019-09-04", "2018-09-04", "2019-09-04", id="nl-the-past-year-rolling"),
    param("nl", "Afgelopen jaar won hij de Tour.", "2019-09-04T13:34", "Afgelopen jaar", "2018", "2018-01-01",
          "2018-12-31", id="nl-last-year-calendar"),
    param("en", "In the past year, the index lost three quarters of its value.", "2008-10-27T10:00", "the past year",
          "2007-10-27/2008-10-27", "2007-10-27", "2008-10-27", id="en-the-past-year-rolling"),
    # a US week begins on Sunday: "last week" said on a Sunday is the week that ends today
    param("en", "Last week, Hezbollah fighters killed three soldiers.", "1998-03-01T14:11", "Last week", "1998-W09",
          "1998-02-23", "1998-03-01", id="en-last-week-on-sunday"),
    param("en", "Last week, Hezbollah fighters killed three soldiers.", "1998-03-03T14:11", "Last week", "1998-W09",
          "1998-02-23", "1998-03-01", id="en-last-week-on-tuesday"),
    param("nl", "Vorige week maakte hij drie goals.", "2019-04-21T20:00", "Vorige week", "2019-W15", "2019-04-08",
          "2019-04-14", id="nl-iso-week-on-sunday"),
    # scheduled: "set to", "planned to"
    param("en", "The peace process is set to resume Monday in Belfast, he said.", "1998-03-22T14:57", "Monday",
          "1998-03-23", "1998-03-23", "1998-03-23", id="en-set-to"),
]

ANCHORED = [
    # half a year is six months, that month: not a calendar half
    param("nl", "Een halfjaar geleden kocht hij een huis.", "2019-06-05T10:00", "Een halfjaar geleden", "2018-12",
          "2018-12-01", "2018-12-31", id="nl-half-year-ago"),
    param("nl", "Hij kocht in september 2018 de aandelen. Een halfjaar eerder kocht hij een huis.", "2019-06-05T10:00",
          "Een halfjaar eerder", "2018-03", "2018-03-01", "2018-03-31", id="nl-half-year-before-anchor"),
    param("en", "Half a year ago he bought a house.", "2019-06-05T10:00", "Half a year ago", "2018-12",
          "2018-12-01", "2018-12-31", id="en-half-a-year-ago"),
    # "in deze eeuw": the century so far
    param("nl", "Het is de warmste zomer in deze eeuw.", "2019-06-01T10:00", "in deze eeuw", "20", "2000-01-01",
          "2019-06-01", id="nl-this-century-so-far"),
    # short-form football seasons
    param("nl", "Hij speelde in seizoen 12/13 bij Ajax.", "2019-06-01T10:00", "in seizoen 12/13", "2012/2013",
          "2012-07-01", "2013-06-30", id="nl-short-season"),
    # a holiday with an offset
    param("nl", "De dag na Hemelvaart speelde Ajax.", "2019-06-01T10:00", "De dag na Hemelvaart", "2019-05-31",
          "2019-05-31", "2019-05-31", id="nl-day-after-holiday"),
    # "later that year": the rest of the year after the date it refers to
    param("en", "He fled in June 1998 and returned to Cuba later that year.", "2000-01-28T10:00", "later that year",
          "1998", "1998-07-01", "1998-12-31", id="en-later-that-year"),
    # relative words in speech dated by a year next to its verb count from that year
    param("nl", "In 2015 zei hij dat hij volgend jaar zou stoppen.", "2019-06-01T10:00", "volgend jaar", "2016",
          "2016-01-01", "2016-12-31", id="nl-next-year-in-dated-speech"),
    param("nl", "De resultaten van 1988 waren goed, zei hij, maar dit jaar wordt het minder.", "2019-06-01T10:00",
          "dit jaar", "2019", "2019-01-01", "2019-12-31", id="nl-this-year-is-now"),
    # ... but not a year a report is merely about ("In 2005 meldde Ford..., vorig jaar")
    param("nl", "In 2005 meldde Ford een verlies en onlangs werd een daling in vergelijking tot vorig jaar gemeld.",
          "2006-08-19T10:00", "tot vorig jaar", "2005", "2005-01-01", "2005-12-31", id="nl-dated-report-no-speech"),
    # a year frames the yearless dates of its own clause only
    param("nl", "Het bedrag dat vorig jaar werd berekend, wordt in maart formeel gemeld.", "2006-01-27T10:00",
          "in maart", "2006-03", "2006-03-01", "2006-03-31", id="nl-year-frames-its-clause"),
    # "in één dag" in a present-tense clause measures, it does not point ahead
    param("nl", "Het is de ergste daling in één dag sinds 2001.", "2007-02-27T10:00", "in één dag", "P1D", "None",
          "None", id="nl-in-one-day-present"),
    # "die vrijdagavond": the Friday the text named; not the relative pronoun "die"
    param("nl", "Ajax speelt op vrijdag 26 april. „Die vrijdagavond spelen geeft problemen.", "2019-04-17T17:14",
          "vrijdagavond", "2019-04-26TEV", "2019-04-26", "2019-04-26", id="nl-that-friday"),
    param("nl", "Ajax speelt op vrijdag 26 april. Solskjaer, die zaterdag won, lachte.", "2019-04-17T17:14",
          "zaterdag", "2019-04-13", "2019-04-13", "2019-04-13", id="nl-relative-pronoun-die"),
    # a day whose year its weekday fixed is that day again when repeated
    param("nl", "Alkmaar staat zaterdag 10 augustus in het teken van wielrennen. Na het instorten van het dak op "
                "10 augustus stellen we vragen.", SUN, "op 10 augustus", "2019-08-10", "2019-08-10", "2019-08-10",
          id="nl-repeated-day-fitted-by-weekday"),
    # seasons: "dat seizoen", the middle of it, whole seasons back, "deze zomer" just gone
    param("nl", "Hij kwam in seizoen 2018/19. Halverwege dat seizoen keerde hij terug.", SUN,
          "Halverwege dat seizoen", "2018/2019", "2018-10-30", "2019-03-01", id="nl-mid-that-season"),
    param("nl", "Ajax won de afgelopen drie jaargangen niets.", "2019-04-16T10:00", "de afgelopen drie jaargangen",
          "P3Y", "2015-07-01", "2018-06-30", id="nl-past-three-seasons"),
    param("nl", "Hij was deze zomer nog topscorer.", "2019-09-04T13:34", "deze zomer", "2019-SU", "2019-06-01",
          "2019-08-31", id="nl-this-summer-just-gone"),
    param("nl", "Hij scoorde in dit kalenderjaar al tien keer.", "2019-04-16T10:00", "in dit kalenderjaar", "2019",
          "2019-01-01", "2019-12-31", id="nl-calendar-year"),
    param("nl", "Grapperhaus reageerde op de uitzending van gisteren.", "2019-06-08T12:07", "gisteren", "2019-06-07",
          "2019-06-07", "2019-06-07", id="nl-van-gisteren"),
    # a fraction of a week back
    param("nl", "Hij tekende anderhalve week terug een contract.", "2019-08-26T10:00", "anderhalve week terug",
          "2019-08-16", "2019-08-16", "2019-08-16", id="nl-week-and-a-half-back"),
    # the participle of a separable verb ("uitgebracht") is a past tense: "in 5 jaar" measures
    param("nl", "Apple houdt een patroon aan want er zijn vier versies uitgebracht in 5 jaar.", "2005-05-07T10:00",
          "in 5 jaar", "P5Y", "None", "None", id="nl-separable-participle"),
    # a year with an apostrophe
    param("en", "Nikkei at lowest level since '82.", "2008-10-27T10:00", "since '82", "1982", "1982-01-01",
          "1982-12-31", id="en-apostrophe-year"),
    # the preposition of a clock time governs the day after it
    param("en", "INS extended its deadline until 9 a.m. EST Tuesday.", "2000-04-03T10:00", "until 9 a.m. EST Tuesday",
          "2000-04-04T09:00", "2000-04-04", "2000-04-04", id="en-until-clock-day"),
]

ANNIVERSARY_NL = ("Vandaag is het tien jaar geleden dat het archief instortte.\n"
                  "Dinsdagavond 3 maart 2009 stortte het archief in. Om drie uur 's middags hoorden buren een knal. "
                  "Op zaterdag werden de eerste slachtoffers gevonden. Twee dagen later kwam de burgemeester. "
                  "In november begon de sloop.\nDe stad herdenkt de ramp vandaag met een stille tocht.")
ANNIVERSARY_EN = ("Ten years ago today, the archive collapsed.\n"
                  "On Tuesday evening, March 3, 2009, the archive fell in. At three in the afternoon neighbours heard "
                  "a bang. On Saturday the first victims were found. Two days later the mayor came. In November the "
                  "demolition began.\nThe city remembers the disaster today with a silent march.")
RETOLD_DAYS_NL = ("De Boeing werd op 17 juli 2014 boven Oekraïne neergehaald.\nCampagne\n"
                  "Die dag, 18 juli, verstuurden de trollen 40.931 tweets. Na 19 juli hield het op.")
RETOLD_DAYS_EN = ("The Boeing was shot down over Ukraine on July 17, 2014.\nCampaign\n"
                  "On July 18, the trolls sent 40,931 tweets. After July 19 it stopped.")

RETELLING = [
    # an anniversary retells its period: the bare dates that follow fall in it, until the text is back at today
    param("nl", ANNIVERSARY_NL, "2019-03-03T10:00", "Om drie uur 's middags", "2009-03-03T15:00", "2009-03-03",
          "2009-03-03", id="nl-retold-clock"),
    param("nl", ANNIVERSARY_NL, "2019-03-03T10:00", "Op zaterdag", "2009-03-07", "2009-03-07", "2009-03-07",
          id="nl-retold-weekday"),
    param("nl", ANNIVERSARY_NL, "2019-03-03T10:00", "Twee dagen later", "2009-03-09", "2009-03-09", "2009-03-09",
          id="nl-retold-two-days-later"),
    param("nl", ANNIVERSARY_NL, "2019-03-03T10:00", "In november", "2009-11", "2009-11-01", "2009-11-30",
          id="nl-retold-month"),
    param("nl", ANNIVERSARY_NL, "2019-03-03T10:00", "vandaag", "2019-03-03", "2019-03-03", "2019-03-03",
          id="nl-back-to-today"),
    param("en", ANNIVERSARY_EN, "2019-03-03T10:00", "Tuesday evening, March 3, 2009", "2009-03-03TEV", "2009-03-03",
          "2009-03-03", id="en-retold-opening"),
    param("en", ANNIVERSARY_EN, "2019-03-03T10:00", "Saturday", "2009-03-07", "2009-03-07", "2009-03-07",
          id="en-retold-weekday"),
    param("en", ANNIVERSARY_EN, "2019-03-03T10:00", "Two days later", "2009-03-09", "2009-03-09", "2009-03-09",
          id="en-retold-two-days-later"),
    param("en", ANNIVERSARY_EN, "2019-03-03T10:00", "In November", "2009-11", "2009-11-01", "2009-11-30",
          id="en-retold-month"),
    # the days after a day written with its year, named without it, are in its year
    param("nl", RETOLD_DAYS_NL, "2019-05-13T06:00", "18 juli", "2014-07-18", "2014-07-18", "2014-07-18",
          id="nl-next-day-without-year"),
    param("nl", RETOLD_DAYS_NL, "2019-05-13T06:00", "Na 19 juli", "2014-07-19", "2014-07-19", "2014-07-19",
          id="nl-day-after-without-year"),
    param("en", RETOLD_DAYS_EN, "2019-05-13T06:00", "July 18", "2014-07-18", "2014-07-18", "2014-07-18",
          id="en-next-day-without-year"),
    # a future cue in the date's own clause leaves a past retelling
    param("nl", "In 2017 gold het festival nog als experiment. Dit jaar staan edities gepland op 9 juni "
          "en 14 augustus.", "2019-03-27T10:00", "op 9 juni", "2019-06-09", "2019-06-09", "2019-06-09",
          id="nl-future-cue-leaves-the-retold-year"),
    param("en", "In 2017 he won the title. On June 9 he will defend it.", "2019-03-27T10:00", "June 9",
          "2019-06-09", "2019-06-09", "2019-06-09", id="en-future-cue-leaves-the-retold-year"),
    param("nl", "In 1991 werd hij kampioen. Op 9 mei won hij de finale.", "2019-03-27T10:00", "Op 9 mei",
          "1991-05-09", "1991-05-09", "1991-05-09", id="nl-past-retelling-holds"),
    # ... unless publication is nearer: "op 15 mei" two days after publication is this May's
    param("nl", RETOLD_DAYS_NL + " Op 15 mei herdenken de nabestaanden de ramp.", "2019-05-13T06:00",
          "Op 15 mei", "2019-05-15", "2019-05-15", "2019-05-15", id="nl-near-publication-stays"),
]

SEASONS_OF_A_YEAR = [
    # a demonstrative season with its year, and the school summer holiday, are that season
    param("nl", "Het gebeurde in die zomer van 2016.", WED, "in die zomer van 2016", "2016-SU", "2016-06-01",
          "2016-08-31", id="nl-that-summer-of-a-year"),
    param("nl", "Ze ging na de zomervakantie van 2016 naar school.", WED, "na de zomervakantie van 2016",
          "2016-SU", "2016-06-01", "2016-08-31", id="nl-summer-holiday-of-a-year"),
]

COMPOUND_NUMBERS = [
    # Dutch writes 21-99 as one word: unit + "en" (or "ën") + tens
    param("nl", "Achtentwintig jaar geleden won hij de titel.", WED, "Achtentwintig jaar geleden", "1991-03",
          "1991-03-01", "1991-03-31", id="nl-compound-number-offset"),
]

RESULTS_REPORTS = [
    # a report on a quarter or half compares it with the same period a year before
    param("en", "Citadel posted a third-quarter net loss of $2.3 million, versus net income of $5.3 million a year earlier.",
          "1989-11-02T10:00", "a year earlier", "1988-Q3", "1988-07-01", "1988-09-30", id="en-year-earlier-is-that-quarter"),
    param("en", "Crossland reported a third-quarter loss. It had net income of $27.1 million a year ago.",
          "1989-10-26T10:00", "a year ago", "1988-Q3", "1988-07-01", "1988-09-30", id="en-year-ago-is-that-quarter"),
    param("nl", "De winst steeg in het tweede kwartaal naar 40 miljoen euro, tegen 35 miljoen een jaar eerder.",
          "2019-08-01T10:00", "een jaar eerder", "2018-Q2", "2018-04-01", "2018-06-30", id="nl-year-earlier-is-that-quarter"),
    param("en", "Net income rose in the first half of 1989 from $3 million a year ago.",
          "1989-08-01T10:00", "a year ago", "1988-H1", "1988-01-01", "1988-06-30", id="en-year-ago-is-that-half"),
    # without a reported period, "a year ago" counts from publication
    param("en", "He was fired a year ago.", "1989-10-26T10:00", "a year ago", "1988-10", "1988-10-01", "1988-10-31",
          id="en-year-ago-without-a-report"),
    # the period's own comparison does not become the next one's period ("1987-Q3")
    param("en", "Net rose in the third quarter from a year ago. Loans were $6 million, against $9 million a year ago.",
          "1989-11-02T10:00", "a year ago", "1988-Q3", "1988-07-01", "1988-09-30", id="en-comparison-frames-nothing"),
    # the report's period named again, and the same period a year before
    param("en", "Unisys posted a third-quarter loss. Revenue rose 3.7% in the quarter.", "1989-10-26T10:00",
          "the quarter", "1989-Q3", "1989-07-01", "1989-09-30", id="en-the-quarter-is-the-reported-one"),
    param("en", "Unisys posted a third-quarter loss. Revenue was $2.27 billion in the year-earlier quarter.",
          "1989-10-26T10:00", "the year-earlier quarter", "1988-Q3", "1988-07-01", "1988-09-30",
          id="en-year-earlier-quarter"),
    # a written year that names no period of the report frames nothing
    param("en", "It had a gain in the 1988 period. The dividend is up from 4 pence a year earlier.",
          "1989-10-26T10:00", "the 1988 period", "1988", "1988-01-01", "1988-12-31", id="en-year-period-no-frame"),
]

HOURS_LATER = [
    # whole days written in hours count from the story's day like days ("24 uur later")
    param("nl", "Verhagen werd op 3 maart geopereerd. Hij stond 24 uur later alweer te opereren.", WED,
          "24 uur later", "2019-03-04", "2019-03-04", "2019-03-04", id="nl-24-hours-later"),
    param("en", "Smith was shot on March 3. 48 hours later he was home.", WED,
          "48 hours later", "2019-03-05", "2019-03-05", "2019-03-05", id="en-48-hours-later"),
]

ANCHORED_WEEKDAYS = [
    # "the previous Friday" counts from the day the story is on, "last Friday" from publication
    param("en", "Stocks fell on Friday, Oct. 27. The index was down 4.5% from the previous Friday.", "1989-10-30T10:00",
          "previous Friday", "1989-10-20", "1989-10-20", "1989-10-20", id="en-previous-weekday-from-the-story-day"),
    param("en", "The index was down 4.5% from the previous Friday.", "1989-10-30T10:00",
          "previous Friday", "1989-10-27", "1989-10-27", "1989-10-27", id="en-previous-weekday-without-a-story-day"),
    param("en", "Stocks fell on Friday, Oct. 27. They had risen last Friday.", "1989-10-30T10:00",
          "last Friday", "1989-10-27", "1989-10-27", "1989-10-27", id="en-last-weekday-from-publication"),
]


@pytest.mark.parametrize("text", ["Revenue rose in the quarter.", "The year-ago results were restated.",
                                  "He had been ill for the period."])
def test_a_reported_period_needs_a_report(text):
    assert find_timexes(text, "en", dt.datetime(1989, 10, 26)) == []

AFTER_MIDNIGHT = [
    # stamped just after midnight, written the evening before
    param("nl", "Ik ben dankbaar dat Nederland vanavond zo massaal in actie is gekomen.", "2019-05-16T00:07",
          "vanavond", "2019-05-15TEV", "2019-05-15", "2019-05-15", id="nl-after-midnight-tonight"),
    param("nl", "Vorige week maakte hij drie goals.", "2019-04-22T00:14", "Vorige week", "2019-W15",
          "2019-04-08", "2019-04-14", id="nl-after-midnight-last-week"),
    # a creation date without a time (TimeML) is that day
    param("en", "Tonight the market closed higher.", "1998-02-13T00:00", "Tonight", "1998-02-13TNI",
          "1998-02-13", "1998-02-13", id="en-date-only-stays"),
]

ROLLING_WEEK = [
    # "afgelopen week" is the seven days up to today; "vorige week" the calendar week before
    param("nl", "Met de brexitwet van afgelopen week zette de oppositie hem klem.", "2019-09-06T13:07",
          "afgelopen week", "2019-08-30/2019-09-06", "2019-08-30", "2019-09-06", id="nl-past-week-on-a-friday"),
    param("nl", "Vorige week was het rustig.", "2019-09-06T13:07", "Vorige week", "2019-W35",
          "2019-08-26", "2019-09-01", id="nl-last-week-on-a-friday"),
    # "deze week" in the past tense, printed on a Monday: the week just past
    param("nl", "Buma verwijst naar de rol die Hoekstra deze week speelde.", "2019-03-04T10:00", "deze week",
          "2019-W09", "2019-02-25", "2019-03-03", id="nl-this-week-past-on-a-monday"),
    param("nl", "Buma verwijst naar de rol die Hoekstra deze week speelde.", "2019-03-06T10:00", "deze week",
          "2019-W10", "2019-03-04", "2019-03-10", id="nl-this-week-past-on-a-wednesday"),
    # English "past week" without an article is last week (Duckling's reading)
    param("en", "Stocks fell past week.", "2019-09-06T13:07", "past week", "2019-W35",
          "2019-08-26", "2019-09-01", id="en-bare-past-week-is-last-week"),
]

PREVIOUS_SEASON = [
    # Dutch "vorige zomer" just after the summer is the one before; "afgelopen zomer" this one
    param("nl", "Vorige zomer verhuurde Ajax hem.", "2019-09-03T06:21", "Vorige zomer", "2018-SU",
          "2018-06-01", "2018-08-31", id="nl-previous-summer-in-september"),
    param("nl", "Afgelopen zomer was warm.", "2019-09-03T06:21", "Afgelopen zomer", "2019-SU",
          "2019-06-01", "2019-08-31", id="nl-past-summer-in-september"),
    param("nl", "Vorige winter was koud.", "2019-09-03T06:21", "Vorige winter", "2018-WI",
          "2018-12-01", "2019-02-28", id="nl-previous-winter-in-september"),
    # "dat seizoen" after a summer is the football season that summer opens
    param("nl", "Afgelopen zomer verhuurde Ajax hem aan Groningen. Halverwege dat seizoen keert hij terug.",
          "2019-09-03T06:21", "Halverwege dat seizoen", "2019/2020", "2019-10-31", "2020-02-29",
          id="nl-that-season-after-a-summer"),
]

INTERVAL_ENDS = [
    # each end of an interval is its own expression (ANNOTATION.md, intervals with both ends written)
    param("nl", "Hij speelde er tussen juli 2016 en december 2016.", WED, "juli 2016", "2016-07", "2016-07-01", "2016-07-31",
          id="nl-between-months-first"),
    param("nl", "Hij speelde er tussen juli 2016 en december 2016.", WED, "december 2016", "2016-12", "2016-12-01", "2016-12-31",
          id="nl-between-months-second"),
    param("nl", "Het toernooi was 13-15 juli.", WED, "13", "2018-07-13", "2018-07-13", "2018-07-13", id="nl-day-range-first"),
    param("nl", "Het toernooi was 13-15 juli.", WED, "15 juli", "2018-07-15", "2018-07-15", "2018-07-15", id="nl-day-range-second"),
    param("en", "It will receive aircraft from 2009 to 2011.", "2007-06-09T10:00", "from 2009", "2009", "2009-01-01", "2009-12-31",
          id="en-from-to-years-first"),
    param("en", "It will receive aircraft from 2009 to 2011.", "2007-06-09T10:00", "2011", "2011", "2011-01-01", "2011-12-31",
          id="en-from-to-years-second"),
    param("nl", "Hij leefde 1921-1989.", WED, "1989", "1989", "1989-01-01", "1989-12-31", id="nl-life-span-second"),
    param("en", "They meet from 9:30 - 11:00 on Thursday.", "2013-02-12T04:30", "11:00 on Thursday", "2013-02-14T11:00",
          "2013-02-14", "2013-02-14", id="en-clock-range-on-a-day"),
    # a clock range writes its clock word once, after the second end; 24.00 ends the day
    param("nl", "Wanneer: woensdag 27 maart, 20.30 tot 24.00 uur.", WED, "woensdag 27 maart, 20.30",
          "2019-03-27T20:30", "2019-03-27", "2019-03-27", id="nl-clock-range-first-on-a-day"),
    param("nl", "Wanneer: woensdag 27 maart, 20.30 tot 24.00 uur.", WED, "tot 24.00 uur",
          "2019-03-28T00:00", "2019-03-28", "2019-03-28", id="nl-clock-24-ends-the-day"),
    param("nl", "De winkel is open van 9.00 tot 17.00 uur.", WED, "van 9.00", "2019-03-06T09:00",
          "2019-03-06", "2019-03-06", id="nl-clock-range-first"),
]


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


def _check(lang, text, published, expect, value, first, last):
    mentions = [m for m in find_timexes(text, lang, dt.datetime.fromisoformat(published)) if not is_interval(m)]
    found = [m for m in mentions if m.text == expect]
    assert found, f"{expect!r} not found in {[(m.text, m.value) for m in mentions]}"
    m = found[0]
    assert (m.value, str(_day(m.start)), str(_day(m.end))) == (value, first, last)


@pytest.mark.parametrize("lang,text,published,expect,value,first,last",
                         INHERITED_TENSE + TENSE_CUES + WEEKDAY_WITH_DATE + CLOCK_WITH_DAY + NARRATIVE + RETELLING + PERIODS + ANCHORED + INTERVAL_ENDS
                         + SEASONS_OF_A_YEAR + COMPOUND_NUMBERS + RESULTS_REPORTS + ANCHORED_WEEKDAYS + HOURS_LATER
                         + AFTER_MIDNIGHT + ROLLING_WEEK + PREVIOUS_SEASON)
def test_news_reading(lang, text, published, expect, value, first, last):
    _check(lang, text, published, expect, value, first, last)


@pytest.mark.parametrize("lang,text", [
    # Dutch writes weekdays and deictic days in lower case: capitalised inside a sentence they are names
    param("nl", "Bij de NOS presenteerde hij Met het Oog op Morgen.", id="nl-title-op-morgen"),
    param("nl", "Buma noemt in WNL op Zondag zijn minister premierskandidaat.", id="nl-title-op-zondag"),
])
def test_names_are_no_dates(lang, text):
    assert find_timexes(text, lang, dt.datetime(2019, 4, 11)) == []


@pytest.mark.parametrize("lang,text,published,span,first,last", [
    param("nl", "Hij speelde er tussen juli 2016 en december 2016.", WED, "juli 2016 en december 2016",
          "2016-07-01", "2016-12-31", id="nl-months"),
    param("nl", "Het toernooi was 13-15 juli.", WED, "13-15 juli", "2018-07-13", "2018-07-15", id="nl-days"),
    param("en", "between 2014 and 2016", "2007-06-09T10:00", "between 2014 and 2016", "2014-01-01", "2016-12-31", id="en-years"),
])
def test_interval_follows_its_ends(lang, text, published, span, first, last):
    mentions = find_timexes(text, lang, dt.datetime.fromisoformat(published))
    intervals = [(i, m) for i, m in enumerate(mentions) if is_interval(m)]
    assert len(intervals) == 1, mentions
    i, interval = intervals[0]
    assert interval.text == span and (str(_day(interval.start)), str(_day(interval.end))) == (first, last)
    a, b = mentions[i - 2], mentions[i - 1]
    assert (a.start_char, b.end_char) == (interval.start_char, interval.end_char)
    assert interval.type == "DURATION" and a.type in ("DATE", "TIME") and b.type == a.type


@pytest.mark.parametrize("lang,text,expect,mod", [
    param("nl", "Pioniers gaan rond 2030 naar Mars.", "rond 2030", "APPROX", id="nl-around-a-year"),
    param("nl", "Omstreeks 1900 stond hier een molen.", "Omstreeks 1900", "APPROX", id="nl-about-a-year"),
    param("nl", "Hij woont er sinds 1986.", "sinds 1986", "", id="nl-since-is-no-approximation"),
])
def test_a_preposition_that_approximates_gives_the_mod(lang, text, expect, mod):
    found = {t.text: t for t in find_timexes(text, lang, dt.datetime(2019, 2, 12))}
    assert found[expect].mod == mod and found[expect].value == expect.split()[-1]


@pytest.mark.parametrize("lang,text,phrase", [
    param("nl", "Negen maanden na hun eerste ontmoeting zijn Donald Trump en Kim Jong-un in Hanoi.",
          "Negen maanden na", id="nl-event-without-a-date"),
    param("en", "Ten days before the shooting, a jogger saw his car.", "Ten days before",
          id="en-event-without-a-date"),
])
def test_an_offset_from_an_undated_event_gets_no_date(lang, text, phrase):
    """Counted from the publication date it would be a wrong day; the text gives no other."""
    assert phrase not in {t.text for t in find_timexes(text, lang, dt.datetime(2019, 2, 27))}


def test_an_offset_from_an_event_counts_from_the_last_date():
    found = {t.text: t.value for t in find_timexes(
        "Op 10 maart stortte het toestel neer. Vijf dagen na de crash werd hij gevonden.", "nl",
        dt.datetime(2019, 3, 20))}
    assert found["Vijf dagen na"] == "2019-03-15"


@pytest.mark.parametrize("text,expect", [
    ("Bij Aventus merkten ze op woensdag 20 februari dat er iets mis was. Op die bewuste woensdag "
     "kwam er een eerste melding binnen.", "2019-02-20"),
    ("Het drama vond plaats op 27 juli 2016. Een dag voor die dramatische woensdag kreeg hij een "
     "nieuwe voorraad.", "2016-07-27"),
])
def test_that_weekday_with_an_adjective_is_the_one_the_text_named(text, expect):
    found = [t for t in find_timexes(text, "nl", dt.datetime(2019, 3, 30)) if t.text == "woensdag"]
    assert [t.value for t in found] == [expect]
