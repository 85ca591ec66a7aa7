"""Typed results of the person recognizers: cues with points, rejections with a kind.

A candidate's explanation is its tuple of cues (what fired, on which word, how many
points) and at most one rejection; code decides on their kinds, never on their wording.
"""
from __future__ import annotations

from enum import Enum
from operator import itemgetter
from typing import NamedTuple

from extract.persons.tokens import Token, strip_possessive

ACCEPT = 2.0  # the evidence a candidate needs to be a person


class CueKind(Enum):
    """What a recognizer saw; the value is the label of the explanation."""
    FIRST_NAME = "first name"
    FIRST_NAME_CITY = "first name (also a city)"
    MULTI_WORD = "multi word"
    PARTICLE = "name particle inside"
    ROLE_BEFORE = "role before"
    NATIONALITY_BEFORE = "nationality before"
    RELATION_BEFORE = "relation before"
    SPEECH_BEFORE = "speech verb before"
    SPEECH_AFTER = "speech verb after"
    AGE = "age"
    AGE_BEFORE = "age before"
    APPOSITION = "apposition"
    AFFILIATION = "affiliation in brackets"
    INITIAL_SURNAME = "initial as surname"
    SURNAME_AGAIN = "surname alone elsewhere"
    DETERMINER = "determiner before"
    PLACE_PREP = "place preposition before"
    NOUN_PHRASE = "noun phrase with a determiner before"
    THING = "product word before"
    SENTENCE_START = "common word at sentence start"
    LISTED = "listed with a person"
    GOVERNS = "office or time of a person after"


# enough to outweigh a city name (a tuple: `in` compares by identity, no Enum hash)
STRONG = (CueKind.AGE, CueKind.AGE_BEFORE, CueKind.APPOSITION, CueKind.GOVERNS)


class Cue(NamedTuple):
    """One recognizer's finding (a tuple: built for most words of an article)."""
    kind: CueKind
    points: float
    word: str = ""  # the word that fired it, when there is one

    def __str__(self) -> str:
        label = f"{self.kind.value} ({self.word})" if self.word else self.kind.value
        return f"{label} {self.points:+g}"


_POINTS = itemgetter(1)  # Cue.points
_new = tuple.__new__     # a NamedTuple without its Python-level constructor


class Reject(Enum):
    """Why a capitalised run is no person: decides how later stages treat it."""
    ORGANISATION = "organisation"   # its surname is no evidence of a person elsewhere
    PLACE = "place"                 # breaks a list of persons
    METADATA = "metadata"           # byline, photo credit
    COMMON_WORD = "common word"     # a sentence-opening word also written in lower case
    CALENDAR = "calendar word"      # a month alone ("May"): a person only as a known surname
    NO_NAME = "no name word"        # only initials, particles or suffixes
    TITLE = "part of a title"       # "Cabinet" in "Cabinet Secretary Danny Naveh"


class Rejection(NamedTuple):
    kind: Reject
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.detail}" if self.detail else self.kind.value


class Candidate(NamedTuple):
    """A capitalised run with the evidence for and against its being a person (a tuple:
    an article has thousands; build one with `make`)."""
    tokens: tuple[Token, ...]
    cues: tuple[Cue, ...]
    rejected: Rejection | None
    role: str               # role class seen next to the name
    nationality: str
    start: int              # of the first token
    end: int                # of the last token (and its dot, for an initial)
    score: float            # the cues' points added up

    @classmethod
    def make(cls, tokens: tuple[Token, ...], cues: tuple[Cue, ...] = (), rejected: Rejection | None = None,
             role: str = "", nationality: str = "") -> Candidate:
        last = tokens[-1]
        end = last.end + 1 if last.dot and len(last.text) == 1 and last.text.isupper() else last.end  # name_end
        return _new(cls, (tokens, cues, rejected, role, nationality, tokens[0].start, end,
                          sum(map(_POINTS, cues)) if cues else 0.0))

    def text(self, source: str) -> str:
        return strip_possessive(source[self.start:self.end])

    def rejected_as(self, kind: Reject) -> bool:
        return self.rejected is not None and self.rejected.kind is kind

    @property
    def accepted(self) -> bool:
        return self.rejected is None and self.score >= ACCEPT

    @property
    def reasons(self) -> list[str]:
        return [str(c) for c in self.cues]

    def has(self, kinds: tuple[CueKind, ...]) -> bool:
        return any(c.kind in kinds for c in self.cues)

    def plus(self, cue: Cue) -> Candidate:
        return Candidate.make(self.tokens, self.cues + (cue,), self.rejected, self.role, self.nationality)
