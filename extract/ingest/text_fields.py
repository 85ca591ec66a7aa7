"""Control characters (NUL and the like) in article fields become spaces.

They come from broken exports and UTF-16 read as bytes; raw in a CSV they break readers.
A space keeps every character offset, so the text still matches what was given.
"""
from __future__ import annotations

import dataclasses
import re

from extract.records import Article

CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
FIELDS = ("text", "title", "source", "url", "author")


def without_controls(article: Article) -> tuple[Article, int]:
    """The article with control characters replaced, and how many there were."""
    changes, count = {}, 0
    for name in FIELDS:
        value = getattr(article, name)
        cleaned, n = CONTROL.subn(" ", value)
        if n:
            changes[name], count = cleaned, count + n
    return (dataclasses.replace(article, **changes) if changes else article), count
