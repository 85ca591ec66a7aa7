"""Merging the ways one person is named, within an article and across a corpus."""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from extract.persons.lexicon import first_name_gender, fold


@lru_cache(maxsize=50_000)
def key(name: str) -> tuple[str, ...]:
    return tuple(w for w in fold(name).replace("-", " ").replace(".", " ").split() if w)


def _accents(name: str) -> int:
    return sum(1 for c in name if ord(c) > 127)


def _covers(short: tuple, long: tuple, particles: frozenset[str]) -> bool:
    """Is `short` a way of naming the person `long`? (surname, surname with particles,
    first and last name without the middle ones)."""
    if not short or len(short) >= len(long):
        return short == long
    if long[-len(short):] == short:
        cut = len(long) - len(short)
        # a surname loses its particle only in the full name: "de Jong", not "Jong"
        return not all(w in particles for w in short) and not (cut > 0 and long[cut - 1] in particles
                                                               and len(short) == 1)
    core = [w for w in long if w not in particles]
    if len(short) == 1 and len(core) >= 2 and short[0] == core[0]:
        return True  # the first name alone: "Steve" for Steve Jobs
    if long[:len(short)] == short and len(core) > len(short) and all(map(first_name_gender, short)):
        return True  # a double first name alone: "Jan-Willem" for Jan-Willem de Feijter
    return len(short) >= 2 and short[0] == long[0] and short[-1] == long[-1] or \
        (len(short) == 1 and len(core) >= 2 and short[0] == core[-1])


def canonical_names(surfaces: list[str], particles: frozenset[str]) -> dict[str, str]:
    """surface -> canonical (fullest) name, for names accepted as persons in one article.

    A short form shared by two full names ("Smith" with John and Charlie Smith) is left out:
    the caller resolves it to the nearest preceding full name.
    """
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for s in surfaces:
        by_key[key(s)].append(s)
    counts = Counter(surfaces)
    keys = sorted(by_key, key=lambda k: (-len(k), min(surfaces.index(s) for s in by_key[k])))
    canon: dict[tuple, str] = {}
    out: dict[str, str] = {}
    for k in keys:
        if not k:
            continue
        owners = [c for c in canon if c != k and _covers(k, c, particles)]
        if len(owners) == 1:
            target = canon[owners[0]]
        elif owners:
            continue
        else:
            forms = by_key[k]
            target = max(forms, key=lambda f: (_accents(f), counts[f], -surfaces.index(f)))
            canon[k] = target
        for s in by_key[k]:
            out[s] = target
    return out


def short_forms(name: str, particles: frozenset[str]) -> list[tuple[str, ...]]:
    """Keys by which a later mention may name this person: full, surname (with particles)."""
    k = key(name)
    forms = [k]
    core = [i for i, w in enumerate(k) if w not in particles]
    if len(core) >= 2:
        last = core[-1]
        first_particle = last
        while first_particle > 0 and k[first_particle - 1] in particles:
            first_particle -= 1
        forms.append(k[first_particle:])  # "de jong", never "jong" alone ("Jong PSV")
        if len(core) > 2:
            forms.append((k[core[0]], k[last]))
    return forms


def merge_corpus(names_by_doc: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    """(doc_id, name) -> corpus canonical name. A lone surname takes the one full name the
    corpus has for it, when that full name is named in at least as many documents as the
    bare surname (an archive of 1990 articles on "President Bush" and one 1998 article on
    "Jeb Bush" keeps the two apart); spelling variants that fold alike take the
    best-accented form."""
    all_names = Counter(n for names in names_by_doc.values() for n in names)
    docs_of: Counter = Counter(key(n) for names in names_by_doc.values() for n in set(names))
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for n in all_names:
        by_key[key(n)].append(n)
    best = {k: max(v, key=lambda f: (_accents(f), all_names[f], f)) for k, v in by_key.items()}
    by_surname: dict[str, set[tuple]] = defaultdict(set)
    for k in best:
        if len(k) >= 2:
            by_surname[k[-1]].add(k)
    out = {}
    for doc, names in names_by_doc.items():
        for n in names:
            k = key(n)
            target = best.get(k, n)
            if len(k) == 1 and len(by_surname.get(k[0], ())) == 1:
                full = next(iter(by_surname[k[0]]))
                if docs_of[full] >= docs_of[k]:
                    target = best[full]
            out[(doc, n)] = target
    return out
