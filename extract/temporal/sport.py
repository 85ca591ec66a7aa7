"""What an article's sport says about its dates: which calendar its seasons follow, and
whether it writes scores (then "11-10" is one, not a day).

A football season runs 1 July-30 June (ANNOTATION.md); Formula 1, cycling, tennis and golf
count their seasons by calendar year. An article whose words name such a sport more often
than football reads "dit seizoen", "vorig seizoen" as a calendar year; the words near the
phrase come first. The words are the language's `season_sports` resource (word, then
`calendar` or `football`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract import lang as resources

CALENDAR, FOOTBALL = "calendar", "football"


@lru_cache(maxsize=None)
def _cues(lang: str) -> tuple[re.Pattern, dict[str, str]] | None:
    if not resources.has(lang, "season_sports"):
        return None
    kinds = {str(k).lower(): str(v) for k, v in resources.load(lang, "season_sports").items()}
    words = sorted(kinds, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE), kinds


NEAR = 150  # characters around a season phrase whose sports words decide first


class Seasons:
    """The season calendar of one article's season phrases; its words are counted once."""

    def __init__(self, lang: str, text: str):
        self.cues, self.text = _cues(lang), text
        self._whole: dict[str, int] | None = None

    def calendar(self, start: int, end: int) -> bool:
        """Does the season phrase at start..end follow the calendar year (a Formula 1 or
        cycling report)? The sports words near it decide (a sports ticker mixes tennis and
        football items), else those of the whole article."""
        if self.cues is None:
            return False
        near = _counts(self.cues, self.text, max(0, start - NEAR), end + NEAR)
        if near[CALENDAR] != near[FOOTBALL]:
            return near[CALENDAR] > near[FOOTBALL]
        if self._whole is None:
            self._whole = _counts(self.cues, self.text, 0, len(self.text))
        return self._whole[CALENDAR] > self._whole[FOOTBALL]


def _counts(cues, text: str, lo: int, hi: int) -> dict[str, int]:
    pattern, kinds = cues
    counts = {CALENDAR: 0, FOOTBALL: 0}
    for m in pattern.finditer(text, lo, hi):
        counts[kinds[m.group(1).lower()]] += 1
    return counts


_PAIR = re.compile(r"(?<![\w.,/-])(\d{1,3})-(\d{1,3})(?![\w/-]|[.,]\d)")


def writes_scores(text: str) -> bool:
    """Does the article write scores ("2-0", "24-23"): a number pair no day and month
    could be? Then its "11-10" is a score too, where a letters page's "(AD 20-3)" is a
    date."""
    return any(not (1 <= int(a) <= 31 and 1 <= int(b) <= 12) for a, b in _PAIR.findall(text))
