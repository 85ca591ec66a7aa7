"""What the text has established so far: the dates that later expressions lean on.

Resolution runs in text order, and each resolved date is recorded here:

- anchored expressions ("een week later", "de dag erna", "dat jaar") count from the most
  recent date (`anchor`), the most recent single day (`anchor_day`), or for a year the most
  recent date whose year the text said (`anchor_year`);
- a clock time without its own day is on the day named in its sentence or the one before;
- a year written in a clause ("vorig jaar al op 25 juli", "Het EK 2024 begint op 14 juni")
  holds for the month-days and months of that clause without a year;
- a day written with its year ("op 25 september 2014") is that day again when the text
  repeats it without the year ("vóór 25 september");
- an article that retells an earlier period opens a sentence with a date of it ("In 1991
  werd...", "Dinsdagavond 3 maart 2009 ...", "Vorig seizoen won ..."): the bare month-days, months and clock
  times that follow ("op 9 mei", "in november", "om drie uur") fall in that period (`era`),
  and so do weekdays ("op zaterdag"), within its paragraph and a few sentences of its last
  date, unless the text returns to the present first: an expression counted from the
  publication date, or a date written near it;
- a report about a quarter or half year ("third-quarter net rose ...") compares it with
  the same period a year before: "a year ago", "een jaar eerder" in the next sentences are
  that period a year back (`frame`);
- relative words in speech reported with a year ("In 2015 zei hij dat hij volgend jaar ...")
  count from that year (`speech_time`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from extract.temporal import calendar as cal

ERA_GAP = 31          # days before publication: an older date opening a sentence starts a retelling
RECENT_DAYS = 8       # single days remembered for "die vrijdagavond"
ERA_SENTENCES = 3     # a retelling reaches this many sentences past its last date, within its paragraph
YEAR_GRAINS = frozenset({"year", "season", "quarter", "half", "decade", "century"})
SHORT_GRAINS = frozenset({"time", "day", "week", "weekend", "month"})
FRAME_GRAINS = frozenset({"month", "quarter", "half", "season", "year"})
NOW_KINDS = frozenset({"deictic", "relative_unit", "offset", "window"})  # counted from publication
REPORTED_KINDS = frozenset({"quarter", "half", "reported", "relative_unit"})  # kinds that can name a report's period
FRAME_SENTENCES = 6   # a reported period frames this many sentences past its last mention, within its paragraph or not


@dataclass(frozen=True)
class View:
    """What the text established, as one expression about to be resolved sees it."""
    anchor: cal.Period | None
    anchor_day: cal.Period | None
    anchor_year: cal.Period | None    # the most recent date whose year the text said ("dat jaar")
    day: dt.date | None               # the day of this sentence or the one before, else of the era
    reference: cal.Period | None      # the period bare month-days and months of this clause fall in
    said_year: tuple[cal.Period, tuple[int, int]] | None   # a year this sentence wrote, and where
    known_days: dict                  # (month, day) -> the date the text wrote with its year
    era_day: dt.date | None           # the day a retelling has reached (None: at the present)
    recent_days: tuple                # the last single days the text named, oldest first
    frame: cal.Period | None = None   # the quarter or half a results report is about


@dataclass
class Story:
    """The running record of one text's dates, updated as its expressions resolve in order."""
    published: dt.date | None
    anchor: cal.Period | None = None
    anchor_day: cal.Period | None = None
    anchor_year: cal.Period | None = None
    last_day: tuple[int, dt.date] | None = None        # (sentence key, day)
    year_here: tuple[int, cal.Period] | None = None    # (clause start, the period written with its year)
    year_said: tuple[int, cal.Period, tuple[int, int]] | None = None   # (sentence key, period, span)
    era: cal.Period | None = None
    era_paragraph: int = -1
    era_sentence: int = -1
    known_days: dict = field(default_factory=dict)
    recent_days: tuple = ()
    frame: tuple[int, cal.Period] | None = None        # (sentence index, the quarter or half reported on)

    def view(self, sent_key: int, previous_key: int, paragraph: int, sentence: int, clause: int) -> View:
        day = self.last_day[1] if self.last_day and self.last_day[0] in (sent_key, previous_key) else None
        era = self.era if self.era is not None and paragraph == self.era_paragraph \
            and sentence - self.era_sentence <= ERA_SENTENCES else None
        era_day = self.anchor_day.start if era is not None and self.anchor_day is not None \
            and era.start <= self.anchor_day.start <= era.end + dt.timedelta(days=ERA_GAP) else None
        reference = self.year_here[1] if self.year_here and self.year_here[0] == clause else era
        if reference is not None and reference.grain in SHORT_GRAINS:  # a day frames its year
            reference = cal.year(reference.start.year)
        said = self.year_said[1:] if self.year_said and self.year_said[0] == sent_key else None
        frame = self.frame[1] if self.frame and 0 <= sentence - self.frame[0] <= FRAME_SENTENCES else None
        return View(self.anchor, self.anchor_day, self.anchor_year, day or era_day, reference, said,
                    self.known_days, era_day, self.recent_days, frame)

    def record(self, kind: str, r, span: tuple[int, int], sent_key: int, clause: int, paragraph: int,
               sentence: int, opening: bool, written_year: bool, limit: bool, listed: bool,
               fitted: bool = False) -> None:
        """Note a resolved expression: `written_year` when its own text gives the year (`fitted`
        when its weekday does: "zaterdag 10 augustus"), `opening` when it is the time adverbial
        its sentence opens with ("In 1991 werd...", "Op 3 mei 2010 ...")."""
        if r.start is None or not r.anchors or r.type not in ("DATE", "TIME"):
            return
        first, last = _day(r.start), _day(r.end)
        period = cal.Period(r.value, r.grain, first, last)
        if first == last:
            self.last_day = (sent_key, first)
            self.anchor_day = period
            self.recent_days = (self.recent_days + (first,))[-RECENT_DAYS:]
        self.anchor = period
        if written_year or r.grain in YEAR_GRAINS or kind in NOW_KINDS or kind == "anchored":
            self.anchor_year = period  # a yearless "in maart" guessed its year: no antecedent of "dat jaar"
        if (written_year or fitted) and first == last:
            self.known_days[(first.month, first.day)] = first
        if kind in REPORTED_KINDS and r.grain in ("quarter", "half") and not listed and not limit:
            self.frame = (sentence, period)
        single_year = (last - first).days <= 366  # a year, or a season across two
        if listed:
            if self.year_here and self.year_here[0] == clause:
                self.year_here = None  # "2030 en 2050": a list of years frames nothing
        elif single_year and not limit and (written_year or r.grain == "year"):
            self.year_here = (clause, period)
            if written_year:
                self.year_said = (sent_key, period, span)
        self._update_era(kind, period, written_year and not limit and not listed,
                         opening, paragraph, sentence)

    def _update_era(self, kind: str, period: cal.Period, written: bool, opening: bool, paragraph: int,
                    sentence: int) -> None:
        if self.published is None:
            return
        old = period.end < self.published - dt.timedelta(days=ERA_GAP)
        going_on = self.era is not None and paragraph == self.era_paragraph
        relative_frame = kind in NOW_KINDS and opening and old and period.grain in FRAME_GRAINS  # "Vorig seizoen won..."
        if (written and old and (opening or going_on)) or relative_frame:
            self.era, self.era_paragraph, self.era_sentence = period, paragraph, sentence  # starts, or goes on
        elif going_on and self.era.start - dt.timedelta(days=ERA_GAP) <= period.start <= self.era.end + \
                dt.timedelta(days=366):
            self.era_sentence = sentence  # "Op zaterdag", "Twee dagen later": the retelling goes on
        elif self.era is not None and (kind in NOW_KINDS or (written and not old)):
            self.era = None  # back to the present


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


SPEECH_KINDS = frozenset({"relative_unit", "offset"})
SPEECH_REACH = 12   # characters: a speech verb this close to a year is dated by it ("zei in 2015", "In 2015 zei")
FINER = {"time": 0, "day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 3, "year": 4}
_WORDS = re.compile(r"\w+")
_SPEECH_MARKS = re.compile(r"[:\"'“”‘’„«»]")


def speech_time(lex, text: str, start: int, kind: str, slots: dict, seen: View, published):
    """'In 2015 zei hij dat hij volgend jaar zou stoppen', 'Hij zei in 2015: "volgend jaar..."':
    relative words in reported speech that a nearby year dates count from that year."""
    if published is None or kind not in SPEECH_KINDS or seen.said_year is None:
        return published
    reference, span = seen.said_year
    if span[1] > start:
        return published
    if reference.end >= dt.date(published.year, 1, 1) or "/" in reference.value:
        return published
    rel = lex.lookup("rel", slots["rel"]) if slots.get("rel") else None
    if kind == "relative_unit" and (rel is None or int(rel.rstrip("~")) == 0):
        return published  # "dit jaar" next to another year is that year's subject, not its speech time
    unit = lex.lookup("unit", slots.get("unit", "")) or "day"
    if FINER.get(reference.grain, 9) > FINER.get(unit, 4):
        return published  # "in 2015 ... vorige week": the week is not known
    verbs = lex.tables.get("speech_verbs", {})
    near = _WORDS.findall(text, max(0, span[0] - SPEECH_REACH), span[0]) + \
        _WORDS.findall(text, span[1], min(start, span[1] + SPEECH_REACH))
    between = text[span[1]:start]
    openers = lex.tense.get("reported_speech", ())
    reported = _SPEECH_MARKS.search(between) or any(w.lower() in openers for w in _WORDS.findall(between))
    if not reported or not any(w.lower() in verbs for w in near):
        return published
    return dt.datetime.combine(reference.start, dt.time())
