"""Person-name candidates: capitalised sequences, split at role words, scored by `cues`.

Each candidate is a run of capitalised words, with name particles (van, de, ten, 't, da,
dos ...), initials and suffixes (Jr.) inside it. Small recognizers (`cues`) then add typed
evidence (`evidence.Cue`); a candidate is a person when its evidence reaches ACCEPT:

    first name    +2.0  first word is a known first name (gender-guesser dictionary)
    multi word    +0.5  two or more capitalised words
    surname again +1.5  the last word stands alone elsewhere in the article
    initial       +1.0  a first name with an initial as surname ("Michael P.")
    particle      +1.5  a name particle between capitalised words ("Frenkie de Jong")
    role before   +2.0  a role, relation or nationality noun just before ("trainer Erik
                        ten Hag", "zijn dochter Natascha"), or an age ("de 52-jarige")
    office after  +2.0  "the Clinton administration"
    apposition    +1.5  ", voorzitter van ..." just after
    affiliation   +1.5  a party, club or nickname in brackets ("(GroenLinks)")
    speech        +1.0  a speech verb just before or after ("aldus X", "X zei")
    age           +2.5  "(67)" or ", 67," just after
    determiner    -2.5  "de/het/the" just before, without a role noun ("de Federal Reserve")
    place prep    -2.0  "in/uit/naar/at" just before ("in Santiago Bernabéu")
    product word  -2.5  "de nieuwe Volvo"
    org word      reject  a word of org_words (FC, League, Bank, Day ...) or a country name
Calendar words cut a run; the words of a title before its role word are no name. Single
words need more than a first name when they open a sentence; a word that also occurs in
lower case in the article is a common word there. Language knowledge: the concept files
of extract/lang/<code>/ read by `lexicon`.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from extract.persons.cues import AGE, Context, evaluate
from extract.persons.evidence import ACCEPT, Candidate, Reject, Rejection
from extract.persons.lexicon import Lexicon, first_name_gender, fold, is_big_city
from extract.persons.tokens import Token, is_cap, is_initial, strip_possessive

__all__ = ["ACCEPT", "AGE", "MAX_RUN", "Candidate", "candidates", "sequences"]

MAX_RUN = 10  # words in one capitalised run; longer runs are headlines or lists of initials


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end:b.start]


def sequences(text: str, toks: list[Token], lex: Lexicon, caps: list[int] | None = None) -> list[list[Token]]:
    """Maximal runs of capitalised words with particles, initials and suffixes inside.
    `caps`: positions of the words that start with a capital, when the caller has them."""
    if caps is None:
        caps = [k for k, t in enumerate(toks) if t.text[:1].isupper()]
    runs, n, done = [], len(toks), 0
    # surnames the article writes after a capitalised particle ("Van Veldhoven"): there
    # "staatssecretaris Stientje van Veldhoven" is one name, unlike "minister Grapperhaus
    # van Financiën"
    surnames = frozenset(fold(toks[i + 1].text) for i in caps if i + 1 < n
                         and toks[i].low in lex.particles and is_cap(toks[i + 1].text))
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
            if prev.dot and _opens_sentence(tok, lex):
                break  # "van Michael P. Die genoot": the initial closed the sentence
            if tok.low in lex.pronouns and tok.low not in lex.particles:
                break  # "David Attenborough Ik begrijp": a heading ran into its text
            if is_cap(tok.text) or (tok.text + ".") in lex.suffixes or tok.text in lex.suffixes \
                    or _particle_joined(tok.text, lex):
                run.append(tok)
                j += 1
                continue
            # particles count only when a capitalised word follows them
            k = j
            while k < n and k - j < 3 and toks[k].low in lex.particles and _gap(text, toks[k - 1], toks[k]) == " ":
                k += 1
            if k == j + 1 and toks[j].low in lex.paired_particles:
                break  # "Hamilton op Silverstone": "op" names only with another particle ("Op den Akker")
            if k > j and k < n and _gap(text, toks[k - 1], toks[k]) == " " and is_cap(toks[k].text) \
                    and _particle_fits(text, run, toks, k, lex, _after_role(text, toks, i, lex), surnames):
                run.extend(toks[j:k + 1])
                j = k + 1
                continue
            break
        cut = _signature_place(run, toks[j] if j < n else None, text, lex)
        if cut:
            run, j = run[:cut], i + cut + 1  # what follows the place is read afresh
        runs.append(run)
        done = j
    return runs


def _signature_place(run: list[Token], after: Token | None, text: str, lex: Lexicon) -> int:
    """A letter's signature runs into its place and the next letter's heading where a page
    lost its line breaks ("Fred Bos Winterswijk Zinvolle invulling", "Gerard Tuk Delft KLM
    en ..."): the position of a place after first name and surname, not after a particle
    ("Debbie van Leiden"), with a capitalised word after it; else 0."""
    if len(run) < 3 or not any(lex.is_place(t.text) for t in run[2:]):
        return 0
    first = next((k for k, t in enumerate(run) if first_name_gender(t.text)
                  and t.low not in lex.function_words and t.low not in lex.particles), None)
    if first is None:
        return 0
    for k in range(first + 2, len(run)):
        tok, surname = run[k], run[k - 1]
        if tok.low in lex.particles or surname.low in lex.particles or surname.dot \
                or first_name_gender(surname.text) or lex.is_role(surname.text) \
                or first_name_gender(tok.text) or not lex.is_place(tok.text):
            continue
        nxt = run[k + 1] if k + 1 < len(run) else after
        if nxt is not None and nxt.text[:1].isupper() and text[tok.end:nxt.start] == " ":
            return k
    return 0


def _particle_joined(word: str, lex: Lexicon) -> bool:
    """'al-Megrahi', 'el-Sayed': a particle joined to a surname by a hyphen, one word."""
    head, _, rest = word.partition("-")
    return bool(rest) and head.lower() in lex.particles and head.islower() and is_cap(rest)


def _after_role(text: str, toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Does a lower-case role noun stand right before toks[i] ("minister Grapperhaus")?"""
    prev = toks[i - 1] if i > 0 else None
    return prev is not None and prev.text.islower() and text[prev.end:toks[i].start] == " " \
        and bool(lex.is_role(prev.text))


def _opens_sentence(tok: Token, lex: Lexicon) -> bool:
    """A word that never goes on a name: a pronoun or function word ("Die", "He"), unless
    it may also be a particle ("De Vries")."""
    return tok.low in lex.pronouns or (tok.low in lex.function_words and tok.low not in lex.particles)


def _particle_fits(text: str, run: list[Token], toks: list[Token], k: int, lex: Lexicon,
                   after_role: bool = False, surnames: frozenset[str] = frozenset()) -> bool:
    """'Erik ten Hag', 'Rafael van der Vaart' but not 'Jim Cramer van Mad Money',
    'Frenkie de Jong van Barcelona' (a particle opens the surname, which is one word) or
    'minister Grapperhaus van Financiën' (a surname after a role, then its organisation)."""
    if any(t.low in lex.particles for t in run) and not all(t.low in lex.particles for t in run):
        return False  # (a run of particles alone opens a surname: "zei directeur Van der Sar")
    caps = [t for t in run if is_cap(t.text)]
    if len(caps) >= 2 and not first_name_gender(caps[-1].text):
        return False
    if after_role and len(caps) == 1 and not first_name_gender(caps[0].text) \
            and toks[k - 1].low in lex.clause.get("weak_particles", ()) \
            and fold(toks[k].text) not in surnames:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and _gap(text, toks[k], nxt) == " " and is_cap(nxt.text):
        return False
    word = toks[k].text
    if lex.demonym(word) or lex.is_demonym_plural(word) or lex.is_inhabitant(word) or (
            word.lower().endswith(lex.adjective_endings) and lex.adjective_endings
            and nxt is not None and nxt.text[:1].islower()):
        return False  # "Mochten de Britten", "van de Koerdische koepel": no surname
    low = fold(toks[k].text)
    # a city after a lone first name and "van" is a surname: "Anneke van Essen"
    city_surname = len(run) == 1 and bool(first_name_gender(run[0].text)) \
        and toks[k - 1].low in lex.clause.get("weak_particles", ()) and toks[k - 2] is run[0]
    return low not in lex.org_words and not lex.is_country(toks[k].text) \
        and (city_surname or not is_big_city(toks[k].text))


def _role_or_nationality(tok: Token, lex: Lexicon) -> bool:
    """A role or nationality word, which names no one alone ("Italiaans", the language too)."""
    return bool(lex.roles.get(tok.low) or lex.is_role(tok.text) or lex.demonym(tok.text)
                or lex.is_bare_adjective(tok.text) or lex.is_inhabitant(tok.text))


def _split(run: list[Token], lex: Lexicon, modifiers: list | None = None,
           lower: set[str] | frozenset[str] = frozenset()) -> list[tuple[list[Token], str, str]]:
    """Split a run at role and nationality words: (part, role class, nationality) before it.
    Words of a title before its role word ("Cabinet Secretary") go to `modifiers`.
    `lower`: words the article also writes in lower case (common words)."""
    modifiers = [] if modifiers is None else modifiers
    if len(run) == 1:  # most runs: the loop below, reduced to its first step
        tok = run[0]
        if _role_or_nationality(tok, lex):
            return []
        return [(run, "", "")]
    parts, cur, role, nat = [], [], "", ""
    if len(run) >= 3 and (run[0].initial or run[0].low in lower) and not first_name_gender(run[0].text) \
            and first_name_gender(run[1].text) and run[1].low not in lex.particles \
            and run[0].low not in lex.particles \
            and not lex.is_role(run[0].text) and not lex.demonym(run[0].text):
        run = run[1:]  # "Defensieanalisten Paul Nesbit", "(Secretary of) State Madeleine Albright"
    elif run[0].initial:
        # "Hebben de Catalanen", "Tegenstand Meerdere Kamerleden" (a heading run into its
        # sentence): the common words that open a sentence, written in lower case elsewhere
        while len(run) > 1 and run[0].low in lower and run[0].low not in lex.particles \
                and not first_name_gender(run[0].text):
            run = run[1:]
    if len(run) >= 2 and lex.is_relation(run[0].text) and first_name_gender(run[1].text) \
            and not first_name_gender(run[0].text):
        run = run[1:]  # "Dochter Natascha zag het", "Zoontje Archie": a relation opening the sentence
    # a capitalised finite verb opens a question or a heading's sentence ("DE ZORG Werd
    # Trump niet overmoedig?"): mid-sentence Dutch and English write verbs in lower case
    while len(run) > 1 and run[0].low in lex.verb_forms and run[0].low not in lex.particles \
            and not first_name_gender(run[0].text):
        run = run[1:]
    for k, tok in enumerate(run):
        if cur and fold(cur[-1].text) in lex.org_words and first_name_gender(tok.text) \
                and k + 1 < len(run):
            parts.append((cur, role, nat))  # "Fort Pitt Capital Group Charlie Smith"
            cur, role, nat = [], "", ""
        after_first_name = bool(cur) and first_name_gender(cur[-1].text)
        # a role word right after a lone first name or a particle is a surname ("Kees
        # Prins", "Tom Judge", "Gijs de Man")
        surname_slot = (after_first_name and len(cur) == 1) or (bool(cur) and cur[-1].low in lex.particles)
        r = None if surname_slot else \
            lex.roles.get(tok.low) or (lex.is_role(tok.text) if not after_first_name else None) \
            or (lex.is_role_plural(tok.text) if k == 0 and len(run) > 1 and run[1].text[:1].isupper()
                else None)  # "Onderwijsministers Van Engelshoven"; not "Journalisten van Nieuwsuur"
        if r and fold(tok.text) in lex.org_words:
            r = None  # "Agency for International Development": part of an organisation's name
        d = lex.demonym(tok.text)
        if (d and lex.is_adjective(tok.text)) or (lex.is_inhabitant(tok.text) and not (
                k + 1 == len(run) and first_name_gender(run[0].text))):
            # an adjective ("de Japanse", "De Amsterdamse burgemeester") closes what came before
            if cur:
                parts.append((cur, role, nat))
            cur, role, nat = [], role, ""
            continue
        if r or d:
            if cur and not (role and r):  # a word between two role words is part of a title
                if r and not first_name_gender(cur[0].text):
                    modifiers.append(cur)  # "Cabinet Secretary Danny Naveh": the role's own words
                else:
                    parts.append((cur, role, nat))
            cur, role, nat = [], r or role, d or nat
            continue
        cur.append(tok)
    if cur:
        parts.append((cur, role, nat))
    return parts


def _trim(part: list[Token], lex: Lexicon) -> list[Token] | None:
    """Drop leading function words; None when the run is a title-like name ('Het Parool').
    Inside a sentence a capitalised particle opens a surname ('zei Van Gaal', 'ambtgenoot
    Le Maire', 'aldus De Jong'): it stays, and the cues decide ('De Telegraaf' has none)."""
    if len(part) > 1 and not part[0].initial and part[0].text[:1].isupper() and part[0].low in lex.particles:
        k = 0
        while k < len(part) and part[k].low in lex.particles:
            k += 1
        if k < len(part):
            return part
    if len(part) > 1 and not part[0].initial and part[0].low in lex.determiners:
        return None
    while part and (part[0].low in lex.function_words or part[0].low in lex.particles
                    or part[0].low in lex.pronouns):
        part = part[1:]
    while part and (part[-1].low in lex.particles or len(part) > 1 and _opens_clause(part[-1], lex)):
        part = part[:-1]  # "Gerard Sanderink Het bedrijf": a heading ran into the next sentence
    return part


def _opens_clause(tok: Token, lex: Lexicon) -> bool:
    """An article or subordinator, never the end of a name ("Het", "Wanneer"); not an
    initial ("Bart van U.") nor a function word that is a surname too ("Noa Lang")."""
    return not tok.dot and (tok.low in lex.determiners or tok.low in lex.clause.get("subordinators", ()))


def is_cap_name_start(tok: Token, toks: list[Token], starts: list[int], text: str) -> bool:
    """Might a capitalised sentence opener still be a name? Only when a cue follows it
    directly: an age "(67)" or a comma apposition."""
    rest = text[tok.end:tok.end + 6]
    return bool(AGE.match(rest)) or rest.startswith(",")


_NUMBER_AFTER = re.compile(r"\.? ?\d")
_NUMBER_BEFORE = re.compile(r"\d\.? ?$")


def _without_dates(run: list[Token], text: str, lex: Lexicon) -> list[list[Token]]:
    """The run cut at calendar words, which are no part of a name ('said Thursday')."""
    out, cur = [], []
    for tok in run:
        low = strip_possessive(tok.low)
        by_number = bool(_NUMBER_AFTER.match(text, tok.end) or _NUMBER_BEFORE.search(text[max(0, tok.start - 3):tok.start]))
        if low in lex.date_words and lex.is_date_word(low, tok.dot, by_number):
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(tok)
    if cur:
        out.append(cur)
    return out


def _portfolio(run: list[Token], toks: list[Token], starts: list[int], lex: Lexicon) -> tuple[int, str]:
    """(how many words open `run` before its holder's name, the role's class): a role's
    portfolio ('minister van Financiën Wopke Hoekstra', 'Secretary of State Mike Pompeo') or
    a heading that ran into its sentence ('De Democraten Adam Schiff', no role); (0, '')
    when none. The name starts at a first name with a capitalised surname after it."""
    if len(run) < 3:
        return 0, ""
    i = bisect_left(starts, run[0].start)
    heading = run[0].initial and run[0].low in lex.determiners
    role = ""
    if not heading:
        if i < 2 or not toks[i - 1].text.islower() or toks[i - 1].low not in lex.clause.get("role_of", ()):
            return 0, ""
        role = lex.is_role(toks[i - 2].text)
        if not role:
            return 0, ""
    firsts = [k for k in range(1, len(run) - 1) if first_name_gender(run[k].text)]
    # the first of them that is no place ("New York Bill de Blasio"), else the last ("Adam")
    k = next((k for k in firsts if not lex.is_place(run[k].text) and not is_big_city(run[k].text)),
             firsts[-1] if firsts else 0)
    while k - 1 in firsts and not (k >= 2 and lex.is_place(f"{run[k - 2].text} {run[k - 1].text}")):
        k -= 1  # a double first name ("Jan Peter Balkenende"), not a place's last word
    if heading and (k < 2 or any(t.low in lex.function_words or t.low in lex.particles for t in run[1:k + 1])):
        return 0, ""  # "Het Anne Frank Huis", "De Piet Heintunnel": the article names a thing
    surname = next((t for t in run[k + 1:] if t.low not in lex.particles), None) if k else None
    return (k, role) if surname is not None and is_cap(surname.text) else (0, "")


def _part_start(part: tuple) -> int:
    return part[0][0].start


def _org_name_prefix(run: list[Token], text: str, lex: Lexicon) -> int:
    """How many words of the run open with a name of org_names.txt (0: none)."""
    if not lex.org_names or len(run) < 2:
        return 0
    for n in range(min(len(run), 4), 1, -1):
        if fold(strip_possessive(text[run[0].start:run[n - 1].end])) in lex.org_names:
            return n
    return 0


def _parts(text: str, toks: list[Token], lex: Lexicon, caps: list[int] | None,
           lower: set[str] | frozenset[str] = frozenset(), starts: list[int] | None = None) -> list[tuple]:
    """(tokens, role, nationality, rejection) of every run split at role words; the
    rejection says when a part is no name whatever its cues ('De Telegraaf')."""
    skip = lex.function_words | lex.particles | lex.pronouns.keys()
    out = []
    for whole in sequences(text, toks, lex, caps):
        if len(whole) == 1:  # most runs: the general path below, reduced
            tok = whole[0]
            if tok.low in skip:
                continue  # "De", "Het", "Hij" opening a sentence
            if tok.low not in lex.date_words:
                if not _role_or_nationality(tok, lex):
                    out.append(((tok,), "", "", None))
                continue
        runs = [whole] if lex.date_words.isdisjoint([t.low for t in whole]) else _without_dates(whole, text, lex)
        for run in runs:
            named = _org_name_prefix(run, text, lex)
            if named:  # "General Mills Inc.": a company, not "Mills" after the role "General"
                out.append((tuple(run[:named]), "", "", Rejection(Reject.ORGANISATION, "an organisation's name")))
                run = run[named:]
                if not run:
                    continue
            modifiers: list = []
            k, portfolio_role = _portfolio(run, toks, starts, lex) if starts is not None else (0, "")
            if k:
                out.append((tuple(run[:k]), "", "", Rejection(Reject.TITLE, "a role's portfolio")))
                run = run[k:]
            for part, role, nat in _split(run, lex, modifiers, lower):
                role = role or (portfolio_role if part[0] is run[0] else "")
                trimmed = _trim(part, lex)
                if trimmed is None:
                    out.append((tuple(part), "", "", Rejection(Reject.ORGANISATION, "article inside a name")))
                elif trimmed:
                    out.append((tuple(trimmed), role, nat, None))
            out.extend((tuple(m), "", "", Rejection(Reject.TITLE, "before its role word")) for m in modifiers)
            if modifiers:
                out.sort(key=_part_start)
    return out


def candidates(text: str, toks: list[Token], lex: Lexicon, lower_words: set[str],
               starts: list[int] | None = None, caps: list[int] | None = None) -> list[Candidate]:
    """Every capitalised run of the text, split at role words, scored. `starts`: the
    start offsets of `toks`, when the caller has them."""
    if starts is None:
        starts = [t.start for t in toks]
    parts = _parts(text, toks, lex, caps, lower_words, starts)
    # words standing alone somewhere (not as a common word opening a sentence): a later
    # mention by surname is how news text refers to a person it introduced in full
    alone = frozenset([strip_possessive(p[0].low) for p, _, _, rejected in parts
                       if len(p) == 1 and rejected is None and not (p[0].initial and p[0].low in lower_words)])
    ctx = Context(text, toks, starts, lex, lower_words, alone)
    out = []
    for part, role, nat, rejected in parts:
        if rejected is not None:
            out.append(Candidate.make(part, rejected=rejected))
        elif len(part) == 1 and not (role or nat) and part[0].initial \
                and part[0].low in lower_words and not is_cap_name_start(part[0], toks, starts, text):
            # "Daarnaast", "Fans": still seen by the alias scan
            out.append(Candidate.make(part, rejected=Rejection(Reject.COMMON_WORD, "opening a sentence")))
        else:
            out.append(evaluate(part, role, nat, ctx))
    return out
