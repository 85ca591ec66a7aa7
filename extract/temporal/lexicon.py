"""A language's temporal knowledge, loaded from `extract/lang/<code>/` and compiled once.

Patterns (patterns.json) are regular expressions that name resources in braces:
`{months}` becomes an alternation of every entry of months.txt (longest first, escaped).
Named groups carry the parts of an expression; `GROUP_CONCEPTS` says which resources
translate a group's text into a number or code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract import lang as resources
from extract.temporal import dispatch
from extract.temporal.tense import FUTURE, PAST, PRESENT

# Concepts every language folder must provide for the temporal engine.
REQUIRED_CONCEPTS = (
    "months", "month_abbreviations", "weekdays", "weekday_abbreviations", "day_parts",
    "deictic_days", "deictic_day_parts", "numbers", "ordinals", "ordinal_suffixes", "units",
    "units_plural", "unit_qualifiers", "relative", "modifiers", "sub_relative", "approx",
    "offset_prefix", "offset_suffix", "anchor_suffix", "anchored_phrases", "seasons",
    "decade_words", "named_events", "holidays", "clock_words", "clock_dayparts", "time_zones",
    "span_prefixes", "year_prepositions", "football_season_words", "duration_modifiers",
    "range_connectors", "clock_joiners", "limits", "tense", "negatives",
    "patterns", "settings",
)

# Concepts a language may provide; patterns that name one need it.
OPTIONAL_CONCEPTS = ("football_periods", "relative_postfix", "limit_prepositions", "speech_verbs", "demonstratives",
                     "anchored_relatives")

# group name (without trailing digits) -> concepts that give its meaning
GROUP_CONCEPTS = {
    "month": ("months", "month_abbreviations"),
    "weekday": ("weekdays", "weekday_abbreviations"),
    "daypart": ("day_parts",),
    "dayword": ("deictic_days",),
    "daypartword": ("deictic_day_parts",),
    "num": ("numbers",),
    "minutes": ("numbers",),
    "minbefore": ("numbers",),
    "halfhour": ("numbers",),
    "hour": ("numbers",),
    "ordinal": ("ordinals",),
    "unit": ("units", "units_plural"),
    "rel": ("relative",),
    "weekrel": ("relative",),
    "yearrel": ("relative",),
    "mod": ("modifiers",),
    "subrel": ("sub_relative",),
    "dir": ("offset_prefix", "offset_suffix", "anchor_suffix"),
    "anchor": ("anchored_phrases",),
    "season": ("seasons",),
    "decadeword": ("decade_words",),
    "holiday": ("holidays",),
    "clockword": ("clock_words",),
    "ampm": ("clock_dayparts",),
    "tz": ("time_zones",),
    "durmod": ("duration_modifiers",),
    "fperiod": ("football_periods",),
    "relpost": ("relative_postfix",),
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def norm(text: str) -> str:
    """Lookup key of a matched word: lower case, single spaces, typographic quotes folded."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def _entries(data) -> list[str]:
    if isinstance(data, dict):
        return [k for k in data if not k.startswith("_")]
    if isinstance(data, list):
        return [x for x in data if isinstance(x, str)]
    return []


def _alternation(words: list[str]) -> str:
    """One regex for a word list, written as a trie so that a failing position costs one test.

    Python's `re` tries every branch of "januari|juni|juli|..." in turn; "j(?:anuari|u(?:ni|li))"
    fails on the first character. Spaces match any whitespace; quotes any typographic quote.
    """
    trie: dict = {}
    for w in set(norm(x) for x in words if x.strip()):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!x)x"
    return "(?:" + _trie_regex(trie) + ")"


def _char(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['’‘]"
    return re.escape(ch)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [_char(ch) + _trie_regex(child) if child else _char(ch)
                for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


@dataclass
class Pattern:
    name: str
    kind: str
    regex: re.Pattern
    examples: list
    index: int
    defaults: dict = field(default_factory=dict)
    starts: frozenset | None = None   # word keys a match can begin with (None: anywhere)


SETTINGS = {
    "date_order": "DMY or MDY: how a numeric date is read",
    "two_digit_year_pivot": "a two-digit year below it is 20xx, else 19xx",
    "clock_past_words": "words of 'tien over drie', 'ten past three'",
    "range_pair": "the two words of 'tussen ... en', 'between ... and'",
    "year_of": "the word of 'de zomer van 2018'",
    "articles": "the language's articles",
    "calendar_words_lowercase": "weekdays and months are written in lower case (a capital is a name)",
    "acronym_before_year_is_name": "'Pay ABC 2000' names a product, not a year",
    "sunday_starts_week": "weeks of the language's calendar start on Sunday",
    "bare_past_week_rolls": "'afgelopen week' without its article is the seven days up to today",
    "previous_season_is_last_years": "'vorige zomer' during or just after the summer is the year before",
    "monday_past_this_week_is_last": "'deze week' in the past tense, printed on a Monday, is the week before",
}
"""Every key a language's settings.json may hold, and what it switches (an integrity test
holds the files to it: a misspelt key would silently do nothing)."""


@dataclass
class Lexicon:
    lang: str
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    settings: dict = field(default_factory=dict)
    negatives: dict = field(default_factory=dict)
    ambiguous: frozenset = frozenset()
    longest_ambiguous: int = 0
    span_prefix: re.Pattern | None = None
    context_prefix: re.Pattern | None = None
    limit_prefix: re.Pattern | None = None
    clause_break: re.Pattern | None = None
    cue_words: dict = field(default_factory=dict)     # word -> (weak?, sign)
    cue_phrases: dict = field(default_factory=dict)   # first word -> [(rest, weak?, sign)]
    cue_patterns: list = field(default_factory=list)  # [(fullmatch regex, sign)], weak
    separable_prefixes: tuple = ()                    # "aan" in "aannam": prefix + strong past form
    word_cues: dict = field(default_factory=dict)     # cue_words and every separable past form
    adjacent_present: re.Pattern | None = None        # a present-tense verb form next to an expression
    adjacent_present_stop: frozenset = frozenset()    # words of that shape that are no verbs
    adjacent_reporting: frozenset = frozenset()       # "zegt" in "zegt dinsdag": a report of a past day
    participle_auxiliaries: frozenset = frozenset()   # "be" in "will be held": a participle follows
    tense: dict = field(default_factory=dict)
    joiners: dict = field(default_factory=dict)
    vocabulary: re.Pattern | None = None   # the words any pattern can start at
    _by_key: dict = field(default_factory=dict)
    _gates: dict = field(default_factory=dict)

    def patterns_at(self, key: str) -> tuple[tuple, object]:
        """Patterns that can start at a word with this key, and one gate regex's `match` for
        all of them (None for a single pattern): a position the gate rejects is skipped."""
        hit = self._by_key.get(key)
        if hit is None:
            pats = tuple(p for p in self.patterns if p.starts is not None and (
                key in p.starts or any(k[0] == dispatch.PREFIX and key.startswith(k[1:]) for k in p.starts)))
            ids = frozenset(p.index for p in pats)
            gate = self._gates.get(ids)
            if gate is None and len(pats) > 1:
                gate = re.compile("|".join(f"(?:{_ungrouped(p.regex.pattern)})" for p in pats), re.IGNORECASE).match
                self._gates[ids] = gate
            hit = self._by_key[key] = (pats, gate)
        return hit

    def lookup(self, group: str, text: str):
        """Meaning of a group's text from its resources (None when unknown)."""
        key = norm(text).rstrip(".") if not text.endswith("..") else norm(text)
        base = group.rstrip("0123456789")
        for concept in GROUP_CONCEPTS.get(base, ()):
            table = self.tables.get(concept, {})
            if key in table:
                return table[key]
            if key + "." in table:
                return table[key + "."]
        return None


def _table(lang: str, concept: str) -> dict[str, str]:
    data = resources.load(lang, concept)
    if isinstance(data, dict):
        return {norm(k): v for k, v in data.items() if not k.startswith("_")}
    return {norm(k): "" for k in _entries(data)}


def _ungrouped(regex: str) -> str:
    """The regex without named groups, so that many can share one alternation (a looser gate)."""
    return re.sub(r"\(\?P=\w+\)", ".", re.sub(r"\(\?P<\w+>", "(?:", regex))


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled temporal knowledge of a language (cached)."""
    lex = Lexicon(lang=lang)
    for concept in REQUIRED_CONCEPTS + OPTIONAL_CONCEPTS:
        if concept in ("patterns", "tense", "negatives", "settings"):
            continue
        if concept in OPTIONAL_CONCEPTS and not resources.has(lang, concept):
            continue
        lex.tables[concept] = _table(lang, concept)
    alternations = {c: _alternation(list(t)) for c, t in lex.tables.items()}
    lex.settings = resources.load(lang, "settings")
    lex.negatives = {k: [norm(x) for x in v] for k, v in resources.load(lang, "negatives").items()
                     if isinstance(v, list)}
    lex.ambiguous = frozenset(lex.negatives.get("ambiguous", []))
    lex.longest_ambiguous = max((len(w) + 1 for w in lex.ambiguous), default=0)

    def expand(regex: str) -> str:
        return _PLACEHOLDER.sub(lambda m: alternations[m.group(1)], regex)

    names = sorted(lex.tables)
    first_words = {c: {w for w in t} for c, t in lex.tables.items()}
    for i, spec in enumerate(resources.load(lang, "patterns")):
        compiled = re.compile(expand(spec["regex"]), re.IGNORECASE)
        starts = dispatch.start_keys(dispatch.with_markers(spec["regex"], names), names, first_words)
        lex.patterns.append(Pattern(spec["name"], spec["kind"], compiled, spec.get("examples", []), i,
                                    spec.get("defaults", {}),
                                    frozenset(starts) if starts is not None else None))
    lex.vocabulary = dispatch.vocabulary(set().union(*(p.starts for p in lex.patterns if p.starts)))
    prefixes = alternations["span_prefixes"]
    lex.span_prefix = re.compile(r"(?:^|(?<=\W))" + prefixes + r"\s+$", re.IGNORECASE)
    lex.limit_prefix = re.compile(r"(?:^|(?<=\W))(" + alternations["limits"] + r")\s+$", re.IGNORECASE)
    tense = resources.load(lang, "tense")
    context_words = (list(lex.tables["span_prefixes"]) + list(lex.tables["year_prepositions"])
                     + tense.get("past_prepositions", []) + tense.get("future_prepositions", [])
                     + tense.get("deadline_prepositions", []))
    lex.context_prefix = re.compile(r"(?:^|(?<=\W))(" + _alternation(context_words) + r")\s+$", re.IGNORECASE)
    for label, sign in (("past", PAST), ("future", FUTURE), ("present", PRESENT)):
        for weak, listed in ((False, tense.get(label, [])), (True, tense.get(f"weak_{label}", []))):
            for cue in listed:
                first, *rest = norm(cue).split(" ")
                if rest:
                    lex.cue_phrases.setdefault(first, []).append((tuple(rest), weak, sign))
                else:
                    lex.cue_words.setdefault(first, (weak, sign))
        rx = tense.get(f"weak_{label}_regex")
        if rx:
            lex.cue_patterns.append((re.compile(rf"\b(?:{rx})\b", re.IGNORECASE), sign))
    lex.separable_prefixes = tuple(norm(x) for x in tense.get("separable_prefixes", []))
    lex.participle_auxiliaries = frozenset(norm(x) for x in tense.get("participle_auxiliaries", []))
    lex.word_cues = _word_cues(lex.cue_words, lex.separable_prefixes)
    if resources.has(lang, "past_forms"):  # generated from a lemma table: prefixed forms included
        for form in resources.load(lang, "past_forms"):
            lex.word_cues.setdefault(norm(form), (False, PAST))
    if tense.get("adjacent_present_regex"):
        lex.adjacent_present = re.compile(tense["adjacent_present_regex"])
        lex.adjacent_present_stop = frozenset(norm(x) for x in tense.get("adjacent_present_stop", []))
    lex.adjacent_reporting = frozenset(norm(x) for x in tense.get("adjacent_reporting", []))
    words = tense.get("clause_words", [])
    lex.clause_break = re.compile(r"[,;:()\[\]\"“”„]|\s[-–]\s" + (r"|\b" + _alternation(words) + r"\b" if words else ""),
                                  re.IGNORECASE)
    lex.tense = {k: ([norm(x) for x in v] if isinstance(v, list) else v) for k, v in tense.items()}
    lex.joiners = {"clock": frozenset(lex.tables["clock_joiners"]) | {""},
                   "range": frozenset(lex.tables["range_connectors"])}
    return lex


def _word_cues(cue_words: dict, prefixes: tuple) -> dict:
    """Each single-word cue, plus each separable prefix joined to a strong past form
    ("aan" + "nam": "aannam", how a subordinate clause writes it): the tense reader then
    answers every word of an article with one lookup."""
    table = {}
    for word, hit in cue_words.items():
        if not hit[0] and hit[1] == PAST and len(word) > 2:
            for prefix in prefixes:
                table.setdefault(prefix + word, hit)
    table.update(cue_words)
    return table
