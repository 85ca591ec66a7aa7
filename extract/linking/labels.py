"""Short readable labels and event types for dated facts.

Label, built from the words of the date's clause segment (see `clauses`):
- the dates go (this one and the sentence's others), with a preposition left dangling
  before one ("van later dit jaar", "tussen 2003 en 2018"), the connectors of a list of
  them ("in 1999, 2003 en 2005") and a time-zone word after one ("16:00 UTC"); a date
  that names an event keeps its name ("WK 2026" stays: the reader needs the event);
- pronouns and descriptions go; the subject at the start goes (names, role words, their
  organisation "van Buitenlandse Zaken", connectives), since the person column says who;
- a bare speech verb ("kondigde aan") gets the content of its "dat" clause after a colon;
- too short (a bare verb) in a main segment: the main clause, but a subordinate or relative
  clause keeps its own words ("die een jaar geleden overleed": "overleed"); longer than
  MAX_WORDS: cut, never after an article or preposition.
The event type is the first lexicon stem (`extract/lang/<code>/event_types.txt`, file order
= priority) found in the clause, then in the sentence; "other" when none fits.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract import lang as resources
from extract import sentences
from extract.linking.clauses import Segment, at
from extract.linking.spans import conjunct, cut_to, without_other_dated_clause
from extract.persons.coref import PronounForm
from extract.persons.lexicon import Lexicon
from extract.persons.tokens import is_cap, strip_possessive

MAX_WORDS = 9
_WORD = re.compile(r"[^\s]+")
_EDGE = " ,;:.!?\"“”„'‘’«»()[]-–—"


@lru_cache(maxsize=None)
def _calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (the temporal stage's resource files, read only)."""
    out = set()
    for concept in ("months", "weekdays", "month_abbreviations", "weekday_abbreviations"):
        if resources.has(lang, concept):
            data = resources.load(lang, concept)
            if isinstance(data, (dict, list)):
                out.update(str(k).lower() for k in data)
    return frozenset(out)


def _named_event(t, lex: Lexicon) -> bool:
    """'WK 2026', 'EK van 2024', 'Tour de France 2019': the date is part of a name."""
    zones = {z.lower() for z in lex.label_drop}
    calendar = _calendar_words(lex.lang)
    words = [w for w in re.findall(r"[^\W\d_]+", t.text) if w.lower() not in zones]
    return any((len(w) > 1 and w.isupper()) for w in words) or \
        any(is_cap(w) and w.lower() not in calendar for w in words[1:])


def _words(text: str, spans: list[tuple[int, int]], drop: list[tuple[int, int]]):
    """(start, end, word) of the words inside `spans` and outside `drop`."""
    out = []
    for s, e in spans:
        for m in _WORD.finditer(text, s, e):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in drop):
                # keep the part of a word outside a dropped span ("16:00," minus "16:00")
                inside = [(max(a, x), min(b, y)) for x, y in drop if x < b and a < y]
                rest = text[a:inside[0][0]] + text[inside[-1][1]:b]
                kept = rest.strip()
                if kept.strip(_EDGE) and strip_possessive(kept.rstrip(_EDGE)):
                    out.append((a, b, kept))  # ("Thursday night's": the date's own 's goes)
                continue
            out.append((a, b, m.group()))
    return out


@lru_cache(maxsize=None)
def _range_connectors(lang: str) -> frozenset[str]:
    """Words between the two dates of a range ("tot", "en", "-"): the temporal stage's file."""
    if not resources.has(lang, "range_connectors"):
        return frozenset()
    return frozenset(str(w).lower() for w in resources.load(lang, "range_connectors"))


def _without_date_glue(text, words, drop, lex):
    """The words without what only held the dropped dates together: a preposition right
    before one ("in 1999", "tussen 2003 en 2018") and a connector or comma between two
    ("1999, 2003 en 2005"), so that "won de titel in 1999, 2003 en 2005" reads "won de titel"."""
    preps = set(lex.clause.get("time_prepositions", []))
    glue = _range_connectors(lex.lang) | set(lex.clause.get("list_joiners", []))
    starts = sorted(x for x, _ in drop)
    ends = sorted(y for _, y in drop)

    def touches_next(b: int) -> bool:   # only blanks and commas up to a dropped date
        nxt = next((x for x in starts if x >= b), None)
        return nxt is not None and not text[b:nxt].strip(" ,")

    def touches_previous(a: int) -> bool:
        prev = next((y for y in reversed(ends) if y <= a), None)
        return prev is not None and not text[prev:a].strip(" ,")

    out = []
    for a, b, w in words:
        low = w.strip(_EDGE).lower()
        if touches_next(b) and (low in preps or (low in glue and touches_previous(a))):
            continue
        out.append((a, b, w))
    return out


def _connectives(markers: dict) -> set[str]:
    """The words that open a clause: relatives, subordinators, complementizers, coordinators."""
    return {*markers.get("relatives", []), *markers.get("subordinators", []),
            *markers.get("complementizers", []), *markers.get("coordinators", [])}


def _predicate(words, k: int, verb_final: bool) -> bool:
    """In a verb-final clause a role word not followed by a name is the predicate ("die in
    2010 burgemeester werd"), not the subject's title ("nadat minister De Vries aftrad")."""
    nxt = words[k + 1][2] if k + 1 < len(words) else ""
    return verb_final and not nxt[:1].isupper()


def _clean(text, t, spans, drop, names, lex, subject: bool = True, proper=None,
           verb_final: bool = False) -> list[str]:
    """The words of `spans` that say what happened: without the dates, the subject's names,
    roles and connectives. `verb_final`: a subordinate or relative clause, where a role word
    is the predicate unless a name follows it ("sinds Klaver partijleider is")."""
    markers = lex.clause
    lead = _connectives(markers)
    role_of = set(markers.get("role_of", []))
    joiners = {*markers.get("coordinators", []), *markers.get("list_joiners", [])}
    zones = {z.lower() for z in lex.label_drop}
    words = _without_date_glue(text, _words(text, spans, drop), drop, lex)
    words = [w for w in words if not (w[0] >= t.end_char and w[2].strip(_EDGE).lower() in zones
                                      and not text[t.end_char:w[0]].strip(" ,"))]
    # the subject at the start: names, role words, connectives, "van <Organisatie>"
    k = 0
    # "Apple Computer CEO en medeoprichter Steve Jobs gaf ...": organisation, roles and name
    j = 0
    while subject and j < len(words):
        w = words[j][2].strip(_EDGE)
        if w[:1].isupper() or (lex.is_role(w) and not _predicate(words, j, verb_final)) or w.lower() in lead \
                or w.lower() in lex.particles:
            j += 1
            continue
        break
    if 0 < j < len(words) and any(s <= words[i][0] < e for i in range(j) for s, e in names):
        k = j
    while subject and k < len(words):
        w = words[k][2].strip(_EDGE)
        low = w.lower()
        if low in role_of and k > 0 and k + 1 < len(words) and words[k + 1][2][:1].isupper():
            k += 1
            while k < len(words) and words[k][2][:1].isupper():
                k += 1
            continue
        nxt = words[k + 1][2].strip(_EDGE) if k + 1 < len(words) else ""
        article = low in lex.determiners and (lex.is_role(nxt) or lex.demonym(nxt))
        # "de Jong", "woordvoerder van het ministerie", not "hij de wereldtitel"
        particle = low in lex.particles and (nxt[:1].isupper() or nxt.lower() in lex.determiners)
        named = any(s <= words[k][0] < e for s, e in names)
        # "U.S. Secretary", "defense secretary William Cohen": a word that qualifies the role
        modifier = bool(nxt) and lex.is_role(nxt) is not None and (w[:1].isupper() or (
            k > 0 and words[k - 1][2].strip(_EDGE).lower() in joiners
            and k + 2 < len(words) and any(s <= words[k + 2][0] < e for s, e in names)))
        if named or low in lead or particle or article or (lex.is_role(w) and not _predicate(words, k, verb_final)) \
                or lex.demonym(w) or modifier or not w:
            k += 1
            continue
        break
    words = words[k:] if k < len(words) else words
    if subject and names:
        words = _drop_named_phrases(words, names, lex, proper)
    out = [w[2] for w in words]
    while out and out[0].strip(_EDGE).lower() in lead | {""}:
        out = out[1:]
    return out


def _drop_named_phrases(words, names, lex, proper=None):
    """'In de optiek van Ancelotti komt ...' -> 'komt ...'; 'kreeg de Italiaanse coach
    Ancelotti hulp' -> 'kreeg hulp': a fronted phrase ending in a name, an inverted subject.
    `proper`: the spans of names as written. After a copula a description without a name
    is what the subject is, not the subject: it stays ("was de algemeen manager van
    Anderlecht")."""
    proper = names if proper is None else proper

    def is_name(w):
        return any(s <= w[0] < e for s, e in names)

    def is_proper(w):
        return any(s <= w[0] < e for s, e in proper)
    hits = [i for i, w in enumerate(words[:7]) if is_name(w)]
    if hits and words[0][2].lower() in lex.function_words and hits[0] > 0 \
            and words[hits[0] - 1][2].lower() in lex.function_words:
        last = hits[0]
        while last + 1 < len(words) and is_name(words[last + 1]):
            last += 1
        if last + 1 < len(words):
            return _drop_named_phrases(words[last + 1:], names, lex, proper)
    # an inverted subject right after the verb, with its article and role words
    j = 1
    while j < len(words) and not is_name(words[j]) and (
            words[j][2].lower() in lex.determiners or lex.is_role(words[j][2]) or lex.demonym(words[j][2])
            or j + 1 < len(words) and lex.is_role(words[j + 1][2])
            and (words[j][2].islower() or not is_name(words[j]))):
        j += 1
    if j < len(words) and is_name(words[j]) and j <= 4:
        end = j
        joiners = set(lex.clause.get("list_joiners", ()))
        while end < len(words) and (is_name(words[end]) or words[end][2].strip(",").lower() in joiners
                                    and end + 1 < len(words) and is_name(words[end + 1])):
            end += 1  # "hebben Trump en Kim toch een date": the whole listed subject goes
        predicate = words[0][2].lower() in lex.clause.get("copulas", ()) \
            and not any(map(is_proper, words[j:end]))
        if end < len(words) and not predicate:
            return [words[0], *words[end:]]
    return words


def _joined_at_abbreviations(text: str, segs: list[Segment], lex: Lexicon,
                             dates: list[tuple[int, int]]) -> list[Segment]:
    """Segments that the full stop of an abbreviation or initial cut ("when Dr. | Barnett
    Slepian was gunned down", "Buffalo, N.Y."), joined again: a label reads on past it. Not
    the stop of a date's abbreviation ("Nov. 3"): the date leaves the label anyway. (The
    link model keeps the cut segments it was fitted on.)"""
    out: list[Segment] = []
    for s in segs:
        dot = out[-1].end if out else -1
        if out and text[dot:s.start].strip() == "." and sentences.is_abbreviation(text, dot, lex.lang) \
                and not any(a <= dot < b for a, b in dates):
            out[-1] = Segment(out[-1].start, s.end, out[-1].kind)
        else:
            out.append(s)
    return out


def _after_fronted_phrase(text: str, segs: list[Segment], seg: Segment | None, sent,
                          lex: Lexicon) -> Segment | None:
    """The clause a fronted phrase holding the date introduces ("In his Sunday Mass at St.
    Patrick's, Cardinal O'Connor called the murder wrong"): the main segment after the comma
    that closes an opening phrase begun by one of the language's `fronted_phrase_openers`
    (English sets off such phrases with a comma; Dutch puts the verb right after them)."""
    openers = set(lex.clause.get("fronted_phrase_openers", ()))
    if seg is None or not openers or seg.kind != "main" or text[sent.start:seg.start].strip(" \"'“‘(") \
            or not text[seg.start:seg.end].split() \
            or text[seg.start:seg.end].split()[0].lower() not in openers:
        return None
    later = [s for s in segs if s.start > seg.start]
    if not later or later[0].kind != "main" or text[seg.end:later[0].start].strip() != ",":
        return None
    return later[0]


def _resumed(text: str, segs: list[Segment], seg: Segment, lex: Lexicon) -> list[tuple[int, int]]:
    """The rest of a main clause after a relative clause or apposition about the name that
    ends it ("klapte Joseph Roche, die ... had geschopt, uit de school"): the segment after
    that insertion, set off by commas, when it opens in lower case with no connective or
    subject pronoun of its own and quotes nothing."""
    later = [s for s in segs if s.start > seg.start]
    if seg.kind != "main" or len(later) < 2 or later[0].kind not in ("relative", "apposition") \
            or later[1].kind != "main":
        return []
    inserted, rest = later[0], later[1]
    words = text[seg.start:seg.end].split()
    if not words or not words[-1][:1].isupper() or text[seg.end:inserted.start].strip() != "," \
            or text[inserted.end:rest.start].strip() != ",":
        return []
    body = text[rest.start:rest.end]
    first = body.split(maxsplit=1)[0] if body.strip() else ""
    connective = _connectives(lex.clause)
    pronoun = PronounForm.parse(lex.pronouns.get(first.lower()))
    if not first[:1].islower() or first.lower() in connective or (pronoun and not pronoun.possessive) \
            or any(q in body for q in "'\"‘’“”„«»"):
        return []
    return [(rest.start, rest.end)]


def _possessive(m, lex: Lexicon) -> bool:
    form = PronounForm.parse(lex.pronouns.get(m.text.lower())) if m.kind == "pronoun" else None
    return bool(form and form.possessive)


def label(text: str, t, sent, segs: list[Segment], persons, lex: Lexicon, dates=()) -> str:
    # every mention is stripped as the clause's subject (at its start, or inverted right
    # after the verb); inside the clause pronouns and descriptions stay ("de wedstrijd van
    # zijn leven"), as the sentence would read wrong without them. `dates`: the sentence's
    # other dates, which leave the label too (each event shows its own date beside it)
    drop = sorted((d.start_char, d.end_char) for d in (t, *dates)
                  if d.type in ("DATE", "TIME") and sent.start <= d.start_char < sent.end
                  and not _named_event(d, lex))
    names = [(m.start_char, m.end_char) for m in persons if not _possessive(m, lex)]
    proper = [(m.start_char, m.end_char) for m in persons if m.kind == "name"]
    segs = _joined_at_abbreviations(text, segs, lex, drop)
    seg = at(segs, t.start_char)
    seg = _after_fronted_phrase(text, segs, seg, sent, lex) or seg
    own = [(seg.start, seg.end), *_resumed(text, segs, seg, lex)] if seg \
        else [(sent.start, sent.end)]
    gapped = conjunct(text, t, persons, dates, lex)
    if gapped:  # the other conjuncts are other people's events
        own = cut_to(own, gapped[0])
        def bare(part):
            return all(any(a <= w[0] < b for a, b in names) for w in _words(text, [part], drop))
        if bare(gapped[0]):
            # "Andre Agassi in 1994": the verb is the list's, up to its first conjunct's end,
            # or before the list ("bezocht de presidenten, George W. Bush in 2003 en ...")
            own = [(sent.start, gapped[1][0] if bare(gapped[1]) else gapped[1][1])]
    elif len(own) == 1:
        own = [without_other_dated_clause(text, t, own[0], dates, lex)]
    out = _clean(text, t, own, drop, names, lex, proper=proper,
                 verb_final=seg is not None and seg.kind in ("relative", "sub"))
    # a short subordinate or relative clause is still the date's own ("die een jaar geleden
    # overleed": "overleed"); the main clause around it is another event
    # (not when the opening word is the date's own: "die avond", "Sinds afgelopen zondag")
    own_short = len(out) >= 2 and seg is not None and seg.kind in ("relative", "sub") \
        and bool(text[seg.start:t.start_char].strip())
    rest = [s for s in segs if seg is not None and s.start > seg.start]
    comp = [s for s in rest if s.kind == "complement"]
    if len(out) <= 2 and comp and seg.kind == "main":
        # a bare speech verb: say what was said ("kondigde aan: de Lion release van OS X")
        extra = _clean(text, t, [(comp[0].start, sent.end)], drop, [], lex, subject=False)
        out = out + [":"] + extra if out else extra
    elif len(out) < 3 and not own_short:
        mains = [(s.start, s.end) for s in segs if s.kind == "main"] or [(sent.start, sent.end)]
        out = _clean(text, t, cut_to(mains, gapped[0]) if gapped else mains, drop, names, lex, proper=proper)
    if len(out) < 2 and not own_short and not gapped:
        out = [w[2] for w in _words(text, [(sent.start, sent.end)], drop)]
    cut = len(out) > MAX_WORDS
    out = out[:MAX_WORDS]
    dangling = lex.determiners | lex.particles | set(lex.clause.get("relatives", [])) \
        | set(lex.clause.get("coordinators", []))
    while len(out) > 2 and out[-1].strip(_EDGE).lower() in dangling:
        out = out[:-1]  # no label ends on "de", "van", "die"
    result = " ".join(out).replace(" :", ":")
    result = re.sub(r"\s+([,.;:!?)])", r"\1", result).strip(_EDGE + " ")
    result = re.sub(r"[\"“”„«»]", "", result)
    return (result + (" …" if cut else "")) or text[sent.start:sent.end].strip()[:80]


@lru_cache(maxsize=None)
def _patterns(lang: str, items: tuple) -> list[tuple[str, re.Pattern, str]]:
    """[(stem if ASCII else "", its pattern, kind)] in priority order."""
    stems = [stem.lower() for stem, _ in items]
    return [(stem if stem.isascii() else "", re.compile(r"(?<!\w)" + re.escape(stem), re.I), kind)
            for stem, (_, kind) in zip(stems, items)]


def event_type(text: str, t, sent, segs: list[Segment], lex: Lexicon) -> str:
    seg = at(segs, t.start_char)
    pats = _patterns(lex.lang, tuple(lex.event_types))
    for start, end in ([(seg.start, seg.end)] if seg else []) + [(sent.start, sent.end)]:
        chunk = text[start:end].lower()
        # in lower-case text an ASCII stem matches (ignoring case) only itself, or with "ı"
        # or "ſ" for i and s: without those, a stem that is no substring cannot match
        plain = "ı" not in chunk and "ſ" not in chunk
        for stem, pat, kind in pats:
            if plain and stem and stem not in chunk:
                continue
            if pat.search(chunk):
                return kind
    return "other"
