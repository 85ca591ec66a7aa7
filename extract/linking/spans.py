"""Which stretch of a date's sentence its label reads, when the sentence holds other
dated events: a gapped list's conjunct ("Tom Okker was derde in 1974, Richard Krajicek
vierde in 1999"), or the clause left of a coordinated clause of another date ("Gisteren
won ze twee wedstrijden en vandaag treft ze Osaka"). Spans are (start, end) offsets."""
from __future__ import annotations

import re

from extract.linking.rules import conjuncts
from extract.persons.lexicon import Lexicon


def conjunct(text, t, persons, dates, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The date's conjunct of a gapped list ("Tom Okker was derde in 1974, Richard
    Krajicek vierde in 1999") and the list's first one, whose verb the others leave out."""
    dated = [d for d in {t, *dates} if d.type in ("DATE", "TIME")]
    parts = conjuncts(text, persons, sorted(dated, key=lambda d: d.start_char),
                      frozenset(lex.clause.get("coordinators", ())))
    own = next(((a, b) for a, b in parts if a <= t.start_char < b), None)
    return (own, parts[0]) if own else None


_JOINT = re.compile(r",|\b(\w+)\b")


def without_other_dated_clause(text, t, span, dates, lex: Lexicon) -> tuple[int, int]:
    """`span` without a coordinated clause of another date ("Gisteren won ze twee
    wedstrijden en vandaag treft ze Osaka": "vandaag" is "treft ze Osaka"), cut at the
    comma or coordinator between the two dates; not a list of dates ("In 2014, 2016 en
    2018 lukte dat"), where no clause stands between them."""
    joiners = set(lex.clause.get("coordinators", ()))
    start, end = span
    for d in dates:
        if d is t or d.type not in ("DATE", "TIME") or not start <= d.start_char < end:
            continue
        lo, hi = (d.end_char, t.start_char) if d.start_char < t.start_char else (t.end_char, d.start_char)
        if lo >= hi:
            continue
        cuts = [(m.start(), m.end()) for m in _JOINT.finditer(text, lo, hi)
                if m.group() == "," or (m.group(1) or "").lower() in joiners]
        if not cuts:
            continue
        a, b = cuts[-1]
        if _clause_words(text, lo, a, dates, joiners) < 2:
            continue  # only dates and joiners between: one list of dates
        if d.start_char < t.start_char:
            start = max(start, b)
        else:
            end = min(end, a)
    return start, end


_LETTERS = re.compile(r"[^\W\d_]+")


def _clause_words(text: str, lo: int, hi: int, dates, joiners: set) -> int:
    """Words of text[lo:hi] outside every date, other than joiners."""
    inside = [(d.start_char, d.end_char) for d in dates]
    return sum(1 for m in _LETTERS.finditer(text, lo, hi)
               if m.group().lower() not in joiners and not any(a <= m.start() < b for a, b in inside))


def cut_to(spans, part):
    """`spans` trimmed to `part` (or `part` itself when none overlaps it)."""
    return [(max(a, part[0]), min(b, part[1])) for a, b in spans if a < part[1] and b > part[0]] or [part]
