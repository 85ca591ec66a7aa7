"""Per-language resource files: the only place that holds words of a language.

Layout (HeidelTime / spaCy style): `extract/lang/<code>/<concept>.<ext>`, one concept a
file. Adding a language means adding a folder. Two formats:

- `.txt`: one entry a line; `#` starts a comment; blank lines are ignored.
  A line `word<TAB>value` (or `word = value`) makes the file a mapping.
- `.json`: any JSON value, for structured concepts (patterns with examples).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent


class MissingResource(LookupError):
    """A language lacks a concept file that a stage needs."""


def languages() -> list[str]:
    """Codes of every language that has a resource folder."""
    return sorted(p.name for p in LANG_DIR.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")))


def concepts(lang: str) -> list[str]:
    """Concept names (file stems) a language folder provides."""
    folder = LANG_DIR / lang
    return sorted(p.stem for p in folder.iterdir() if p.suffix in {".txt", ".json"})


def _path(lang: str, concept: str) -> Path:
    for suffix in (".json", ".txt"):
        path = LANG_DIR / lang / f"{concept}{suffix}"
        if path.exists():
            return path
    raise MissingResource(f"language {lang!r} has no resource {concept!r} in {LANG_DIR / lang}")


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("\\#") else raw.strip()[1:]
        if line:
            out.append(line)
    return out


def _split_pair(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        key, value = line.split("\t", 1)
    elif " = " in line:
        key, value = line.split(" = ", 1)
    else:
        return None
    return key.strip(), value.strip()


@lru_cache(maxsize=None)
def load(lang: str, concept: str):
    """The concept's data: a list (plain .txt), a dict (.txt of pairs) or JSON data."""
    path = _path(lang, concept)
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    lines = _lines(path)
    if lines and _split_pair(lines[0]) is not None:  # (a long word list: one test, not one a line)
        pairs = [_split_pair(line) for line in lines]
        if all(pairs):
            return dict(pairs)
    return lines


def has(lang: str, concept: str) -> bool:
    try:
        _path(lang, concept)
        return True
    except MissingResource:
        return False
