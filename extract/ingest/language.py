"""Which language an article is in, from stop-word counts in each language folder.

A stop-word vote is enough for news articles of a few hundred words, needs no model,
and grows with the resource folders (adding a language folder adds a candidate).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract import lang as resources

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _stopwords() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in resources.load(code, "stopwords"))
            for code in resources.languages() if resources.has(code, "stopwords")}


def detect(text: str, default: str = "nl") -> str:
    """The language whose stop words occur most often in the first 5,000 characters."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    scores = {code: sum(w in stop for w in words) for code, stop in _stopwords().items()}
    best = max(scores, key=scores.get, default=default)
    return best if scores.get(best) else default
