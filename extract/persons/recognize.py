"""Person-name recognizers: capitalised sequences, scored by context cues.

Each candidate is a run of capitalised words, with name particles (van, de, ten, 't, da,
dos ...), initials and suffixes (Jr.) inside it. Small recognizers then add evidence with a
reason each; a candidate is a person when its evidence reaches ACCEPT:

    first name   +2.0  first word is a known first name (gender-guesser dictionary)
    multi word   +0.5  two or more capitalised words
    particle     +1.5  a name particle between capitalised words ("Frenkie de Jong")
    role before  +2.0  a role or nationality noun just before ("trainer Erik ten Hag")
    apposition   +1.5  ", voorzitter van ..." just after
    speech       +1.5  a speech verb just before or after ("aldus X", "X zei")
    age          +2.5  "(67)" or ", 67," just after
    determiner   -2.5  "de/het/the" just before, without a role noun ("de Federal Reserve")
    place prep   -2.0  "in/uit/naar/at" just before ("in Santiago Bernabéu")
    org word     reject  a word of org_words (FC, League, Bank, Day ...) or a country name
Single words need more than a first name when they open a sentence; a word that also occurs
in lower case in the article is a common word there.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from extract.persons.lexicon import Lexicon, first_name_gender, fold, is_big_city, is_city
from extract.persons.tokens import Token, is_cap, is_initial, strip_possessive

ACCEPT = 2.0
MAX_RUN = 10  # words in one capitalised run; longer runs are headlines or lists of initials
_AGE = re.compile(r"\s*(?:\(\s*\d{1,3}\s*\)|,\s*\d{1,3}\s*,)")


@dataclass
class Candidate:
    tokens: list[Token]
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    rejected: str = ""
    role: str = ""          # role class seen next to the name
    nationality: str = ""
    start: int = field(init=False, repr=False)   # of the first token (tokens never change)
    end: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.start, self.end = self.tokens[0].start, self.tokens[-1].end

    def text(self, source: str) -> str:
        return strip_possessive(source[self.start:self.end])

    def add(self, points: float, reason: str) -> None:
        self.score += points
        self.reasons.append(f"{reason} {points:+g}")


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end:b.start]


def sequences(text: str, toks: list[Token], lex: Lexicon, caps: list[int] | None = None) -> list[list[Token]]:
    """Maximal runs of capitalised words with particles, initials and suffixes inside.
    `caps`: positions of the words that start with a capital, when the caller has them."""
    if caps is None:
        caps = [k for k, t in enumerate(toks) if t.text[:1].isupper()]
    runs, n, done = [], len(toks), 0
    for i in caps:
        if i < done or not is_cap(toks[i].text):
            continue
        run = [toks[i]]
        j = i + 1
        while j < n and len(run) < MAX_RUN:
            prev, tok = run[-1], toks[j]
            gap = text[prev.end:tok.start]
            if gap != " " or prev.dot:  # (one space after a plain word always joins)
                abbrev = is_initial(prev) or prev.text in lex.suffixes or prev.low in lex.abbrev_joiners
                if prev.dot and not abbrev:
                    break  # a sentence ended after the previous word
                if not (gap == " " or (gap == ". " and abbrev) or (gap == "" and prev.dot)):
                    break
            if is_cap(tok.text) or (tok.text + ".") in lex.suffixes or tok.text in lex.suffixes:
                run.append(tok)
                j += 1
                continue
            # particles count only when a capitalised word follows them
            k = j
            while k < n and k - j < 3 and toks[k].low in lex.particles and _gap(text, toks[k - 1], toks[k]) == " ":
                k += 1
            if k > j and k < n and _gap(text, toks[k - 1], toks[k]) == " " and is_cap(toks[k].text) \
                    and _particle_fits(text, run, toks, k, lex):
                run.extend(toks[j:k + 1])
                j = k + 1
                continue
            break
        runs.append(run)
        done = j
    return runs


def _particle_fits(text: str, run: list[Token], toks: list[Token], k: int, lex: Lexicon) -> bool:
    """'Erik ten Hag', 'Rafael van der Vaart' but not 'Jim Cramer van Mad Money' or
    'Frenkie de Jong van Barcelona': a particle opens the surname, which is one word."""
    if any(t.low in lex.particles for t in run):
        return False
    caps = [t for t in run if is_cap(t.text)]
    if len(caps) >= 2 and not first_name_gender(caps[-1].text):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and _gap(text, toks[k], nxt) == " " and is_cap(nxt.text):
        return False
    low = fold(toks[k].text)
    return low not in lex.org_words and not lex.is_country(toks[k].text) and not is_big_city(toks[k].text)


def _split(run: list[Token], lex: Lexicon) -> list[tuple[list[Token], str, str]]:
    """Split a run at role and nationality words: (part, role class, nationality) before it."""
    if len(run) == 1:  # most runs: the loop below, reduced to its first step
        tok = run[0]
        if lex.roles.get(tok.low) or lex.is_role(tok.text) or lex.demonym(tok.text):
            return []  # a role or nationality word alone
        return [(run, "", "")]
    parts, cur, role, nat = [], [], "", ""
    if len(run) >= 3 and run[0].initial and not first_name_gender(run[0].text) \
            and first_name_gender(run[1].text) and run[1].low not in lex.particles \
            and run[0].low not in lex.particles \
            and not lex.is_role(run[0].text) and not lex.demonym(run[0].text):
        run = run[1:]  # "Defensieanalisten Paul Nesbit": a sentence-opening noun before a full name
    for k, tok in enumerate(run):
        if cur and fold(cur[-1].text) in lex.org_words and first_name_gender(tok.text) \
                and k + 1 < len(run):
            parts.append((cur, role, nat))  # "Fort Pitt Capital Group Charlie Smith"
            cur, role, nat = [], "", ""
        r = lex.roles.get(tok.low) or (lex.is_role(tok.text) if not (cur and first_name_gender(cur[-1].text)) else None)
        d = lex.demonym(tok.text)
        if d and lex.is_adjective(tok.text):
            if cur:
                parts.append((cur, role, nat))
            cur, role, nat = [], role, ""
            continue
        if r or d:
            if cur and not (role and r):  # a word between two role words is part of a title
                parts.append((cur, role, nat))
            cur, role, nat = [], r or role, d or nat
            continue
        cur.append(tok)
    if cur:
        parts.append((cur, role, nat))
    return parts


def _trim(part: list[Token], lex: Lexicon) -> list[Token] | None:
    """Drop leading function words; None when the run is a title-like name ('De Telegraaf')."""
    if len(part) > 1 and not part[0].initial and part[0].low in lex.determiners:
        return None
    while part and (part[0].low in lex.function_words or part[0].low in lex.particles
                    or part[0].low in lex.pronouns):
        part = part[1:]
    while part and part[-1].low in lex.particles:
        part = part[:-1]
    return part


def is_cap_name_start(tok: Token, toks: list[Token], starts: list[int], text: str) -> bool:
    """Might a capitalised sentence opener still be a name? Only when a cue follows it
    directly: an age "(67)" or a comma apposition."""
    rest = text[tok.end:tok.end + 6]
    return bool(_AGE.match(rest)) or rest.startswith(",")


def _prev_words(toks: list[Token], idx: int, k: int, text: str) -> list[Token]:
    """Up to k tokens before toks[idx] in the same clause (no punctuation between)."""
    out = []
    j = idx - 1
    while j >= 0 and len(out) < k:
        gap = text[toks[j].end:toks[j + 1].start]
        if gap.strip() or toks[j].dot:
            break
        out.append(toks[j])
        j -= 1
    return out


def candidates(text: str, toks: list[Token], lex: Lexicon, lower_words: set[str],
               starts: list[int] | None = None, caps: list[int] | None = None) -> list[Candidate]:
    """`starts`: the start offsets of `toks`, when the caller has them."""
    if starts is None:
        starts = [t.start for t in toks]
    out = []
    skip = lex.function_words | lex.particles | lex.pronouns.keys()
    for run in sequences(text, toks, lex, caps):
        if len(run) == 1 and run[0].low in skip:
            continue  # "De", "Het", "Hij" opening a sentence
        for part, role, nat in _split(run, lex):
            trimmed = _trim(part, lex)
            if trimmed is None:
                cand = Candidate(part, rejected="organisation: article inside a name")
                out.append(cand)
                continue
            if not trimmed:
                continue
            if len(trimmed) == 1 and not (role or nat) and trimmed[0].initial \
                    and trimmed[0].low in lower_words and not is_cap_name_start(trimmed[0], toks, starts, text):
                out.append(Candidate(trimmed, rejected="common word opening a sentence"))
                continue  # "Daarnaast", "Fans": still seen by the alias scan
            cand = Candidate(trimmed, role=role, nationality=nat)
            if role or nat:
                cand.add(2.0, "role before" if role else "nationality before")
            _score(cand, text, toks, starts, lex, lower_words)
            out.append(cand)
    return out


@lru_cache(maxsize=50_000)
def _org_word(lang: str, word: str) -> bool:
    """Is the word, or a part of a hyphenated word, in the language's org_words?"""
    from extract.persons.lexicon import get
    org = get(lang).org_words
    low = fold(strip_possessive(word))
    return low in org or any(part in org for part in low.split("-"))


def _metadata_line(text: str, start: int, lex: Lexicon) -> str:
    """'byline' or 'photo credit' when the name stands in such a line, else ''."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    short = line_end - line_start < 100
    if short and text[line_start:start].strip().lower() in lex.clause.get("byline_markers", ()):
        return "byline"
    head = text[max(line_start, start - 60):start]
    if ":" not in head:
        return ""  # every credit has its colon
    head = head.lower()
    for marker in lex.clause.get("credit_markers", ()):
        k = head.rfind(marker)
        if k >= 0 and ":" in head[k:k + len(marker) + 2]:
            return "photo credit"
    return ""


def _cue_nearby(c: Candidate, text: str, toks: list[Token], starts: list[int], lex: Lexicon) -> bool:
    tail = text[c.end:c.end + 3]
    if tail[:1] in ",(" or tail[:2] == " (":
        return True
    i1 = bisect_left(starts, c.tokens[-1].start)
    if i1 + 1 < len(toks) and toks[i1 + 1].low in lex.speech_verbs:
        return True
    for tok in _prev_words(toks, bisect_left(starts, c.start), 4, text):
        if tok.low in lex.speech_verbs or lex.is_role(tok.text) or lex.demonym(tok.text):
            return True
    return False


def _score(c: Candidate, text: str, toks: list[Token], starts: list[int], lex: Lexicon,
           lower_words: set[str]) -> None:
    for t in c.tokens:
        if _org_word(lex.lang, t.text):
            c.rejected = f"organisation word {t.text!r}"
            return
    meta = _metadata_line(text, c.start, lex)
    if meta:
        c.rejected = f"metadata: {meta}"
        return
    words = [t for t in c.tokens if t.low not in lex.particles and not is_initial(t)
             and t.text not in lex.suffixes and (t.text + ".") not in lex.suffixes]
    if not words:
        c.rejected = "no name word"
        return
    first = words[0]
    gender = first_name_gender(first.text) if first.low not in lex.function_words else None
    if gender and lex.is_country(first.text):
        gender = None
    city_first = bool(gender) and is_big_city(first.text)
    name = c.text(text)
    if lex.is_country(name) or any(lex.is_country(w.text) for w in words):
        c.rejected = "place: country name"
        return
    if len(words) == 1 and not gender and not (c.role or c.nationality) \
            and not _cue_nearby(c, text, toks, starts, lex):
        # one unknown word without any cue stays at 0: only a list with persons or a
        # known full name elsewhere makes it a person
        if is_city(name):
            c.rejected = "place: city name"
        return
    if gender and not (len(words) == 1 and first.initial and first.low in lower_words):
        # A first name that is also a big city ("Santiago", "Paris", "Victoria") counts
        # for less: "Santiago Giménez" is a person, "London Heathrow" is not; context decides.
        weight = 2.0 if len(words) > 1 else 1.5
        c.add(weight - 0.5 if city_first else weight, "first name (also a city)" if city_first else "first name")
    if len(words) >= 2:
        c.add(0.5, "multi word")
    inner = [t.low for t in c.tokens[1:-1] if t.low in lex.particles]
    # a bare "van" after an unknown word is as often "Longhorn van Microsoft" as a surname
    if inner and (gender or not set(inner) <= set(lex.clause.get("weak_particles", ()))):
        c.add(1.5, "name particle inside")
    i0 = bisect_left(starts, c.start)
    before = _prev_words(toks, i0, 4, text)
    if not (c.role or c.nationality):
        for k, tok in enumerate(before):
            cls = lex.is_role(tok.text)
            if cls and k > 0 and any(b.low in lex.clause.get("role_of", ()) for b in before[:k]):
                break  # "trainer van Ajax": the organisation of the role, not its holder
            if cls and all(b.low in lex.particles or not is_cap(b.text) or lex.is_place(b.text)
                           for b in before[:k]):
                c.role = cls
                c.add(2.0, f"role before ({tok.text})")
                break
    if before and before[0].low in lex.speech_verbs:
        c.add(1.0, f"speech verb before ({before[0].text})")
    i1 = bisect_left(starts, c.tokens[-1].start)
    after = toks[i1 + 1] if i1 + 1 < len(toks) else None
    if after is not None and not text[c.end:after.start].strip() and after.low in lex.speech_verbs:
        c.add(1.0, f"speech verb after ({after.text})")
    if after is not None and text[c.end:after.start] == " " and after.text.islower() \
            and after.low in lex.org_words:
        c.rejected = f"organisation: modifies {after.text!r}"  # "Kennedy airport", "Bovespa index"
        return
    if _AGE.match(text, c.end):
        c.add(2.5, "age")
    tail = text[c.end:c.end + 60]
    if tail.startswith(","):
        for tok in toks[i1 + 1:i1 + 5]:
            if lex.is_role(tok.text) and not is_cap(tok.text) or lex.roles.get(tok.low):
                c.role = c.role or lex.is_role(tok.text) or ""
                c.add(1.5, f"apposition ({tok.text})")
                break
            if text[toks[i1].end:tok.start].count(",") > 1:
                break
    if before and not (c.role or c.nationality):
        if before[0].low in lex.determiners:
            c.add(-2.5, f"determiner before ({before[0].text})")
        elif before[0].low in lex.location_preps:
            c.add(-2.0, f"place preposition before ({before[0].text})")
        elif any(b.low in lex.determiners for b in before[1:3]) and \
                all(b.text.islower() and b.low not in lex.function_words for b in before[:1]):
            c.add(-2.0, "noun phrase with a determiner before")
    if len(words) == 1 and first.initial and first.low in lower_words:
        c.add(-1.0, "common word at sentence start")
    strong = c.role or c.nationality or any(r.startswith(("age", "apposition")) for r in c.reasons)
    if not strong and (is_city(name) or (len(words) > 1 and not gender
                                         and any(is_city(w.text) for w in words[1:]))):
        c.rejected = "place: city name"
    if text[c.start - 1:c.start] in "\"“‘'" and text[c.end:c.end + 1] in "\"”’'" and c.start > 0:
        c.rejected = "organisation: a quoted title"
