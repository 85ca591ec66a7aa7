"""Build past_forms.txt: the Dutch finite past-tense verb forms, from spaCy's lemma tables.

    python extract/lang/nl/build_past_forms.py WHEEL_OR_DATA_DIR

WHEEL_OR_DATA_DIR: the spacy-lookups-data wheel (`pip download spacy-lookups-data
--no-deps`) or its unpacked `spacy_lookups_data/data` folder. Why: the tense reader needs
to know that "probeerde" and "slaagden" are past tense, and a hand-kept list never holds
all of the language's weak verbs, while a suffix rule ("-de", "-te") takes "goede",
"tweede" and "kosten" for verbs. The lemma tables say which forms belong to a verb and
which are also nouns or adjectives (those are left out). Kept: forms of a verb lemma that
are neither its infinitive, stem, stem + t/d/e, a present participle, a participle with
"ge" (after a prefix too: "rechtgemaakte") nor a comparative; what remains is the weak
past ("probeerde", "slaagden"), the strong past ("ondernam", "kreeg") and prefixed strong
participles that double as past plurals ("besloten"). The data's licence is spaCy's (MIT).
"""
from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zipfile
from pathlib import Path

VOWELS = "aeiou"
# forms the stem rules cannot tell from a past: the conditional ("zou vrijdag komen" is a
# future seen from the past) and the irregular presents of modals
NOT_PAST = {"zou", "zouden", "mag", "zal"}
TABLES = ("nl_lemma_lookup", "nl_lemma_index", "nl_lemma_exc")
OUT = Path(__file__).with_name("past_forms.txt")


def _tables(source: Path) -> dict[str, dict]:
    out = {}
    for name in TABLES:
        if source.is_dir():
            raw = (source / f"{name}.json.gz").read_bytes()
        else:
            with zipfile.ZipFile(source) as wheel:
                raw = wheel.read(f"spacy_lookups_data/data/{name}.json.gz")
        out[name] = json.load(gzip.open(io.BytesIO(raw)))
    return out


def stems(lemma: str) -> set[str]:
    """Every spelling the present stem of `lemma` may take: lopen -> lop, loop; leven ->
    leef; zeggen -> zeg; zien -> zie; gaan -> ga."""
    out = {lemma[:-2] if lemma.endswith("en") else lemma, lemma[:-1] if lemma.endswith("n") else lemma}
    out |= {x[:-1] for x in set(out) if len(x) > 1 and x[-1] == x[-2] and x[-1] not in VOWELS}
    out |= {x[:-1] + b for x in set(out) for a, b in (("v", "f"), ("z", "s")) if x.endswith(a)}
    out |= {x[:-1] + x[-2] + x[-1] for x in set(out)
            if len(x) >= 3 and x[-1] not in VOWELS and x[-2] in VOWELS and x[-3] not in VOWELS}
    out |= {x[:-1] for x in set(out) if len(x) > 2 and x[-1] == x[-2] and x[-1] in VOWELS}
    return out


def inflections(word: str) -> set[str]:
    """Plural and inflected spellings of a noun or adjective: daad -> daden, groot -> grote,
    brief -> brieven, bal -> ballen, kost -> kosten. A verb form spelled like one of them
    ("daden", "reden") is left out: the tense reader cannot tell which is meant."""
    bases = {word}
    if len(word) >= 3 and word[-1] not in VOWELS and word[-2] == word[-3] and word[-2] in VOWELS:
        bases.add(word[:-2] + word[-1])  # an open syllable writes one vowel: daad -> dad-
    if len(word) >= 2 and word[-1] not in VOWELS and word[-2] in VOWELS and (len(word) < 3 or word[-3] not in VOWELS):
        bases.add(word + word[-1])  # a short vowel doubles the consonant: bal -> ball-
    bases |= {b[:-1] + v for b in set(bases) for f, v in (("f", "v"), ("s", "z")) if b.endswith(f)}
    return {b + ending for b in bases for ending in ("en", "e", "n", "s")}


def is_past(form: str, lemma: str, verbs: set[str], other: set[str]) -> bool:
    if lemma not in verbs or form == lemma or not form.isalpha() or form != form.lower() or len(form) < 3:
        return False
    if form in other or (form.startswith("ge") and not lemma.startswith("ge")):
        return False
    if re.search(r"(end|ende|enden|ends|ere|er|st|je|jes|eert|eren|nt)$", form) or form in NOT_PAST:
        return False  # present participles, comparatives, diminutives, "-eert" presents
    for i in range(1, len(form) - 3):
        if form[i:i + 2] == "ge" and lemma.startswith(form[:i]) and not lemma.startswith(form[:i + 2]):
            return False  # a participle after a separable prefix
    return not any(form in (x, x + "t", x + "d", x + "e", x + "s") for x in stems(lemma))


def build(source: Path) -> list[str]:
    t = _tables(source)
    index, exceptions = t["nl_lemma_index"], t["nl_lemma_exc"]
    verbs = set(index["verb"])
    other = {w for pos, words in index.items() if pos != "verb" for w in words}
    other |= {w for pos, table in exceptions.items() if pos != "verb" for w in table}
    verbs |= {lemma for lemmas in exceptions["verb"].values() for lemma in lemmas}
    other |= {form for pos in ("noun", "adj") for w in index[pos] for form in inflections(w)}
    pairs = list(t["nl_lemma_lookup"].items())
    pairs += [(f, lemma) for f, lemmas in exceptions["verb"].items() for lemma in lemmas]
    return sorted({f for f, lemma in pairs if is_past(f, lemma, verbs, other)})


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.exit(__doc__)
    forms = build(Path(argv[0]))
    head = ("# Dutch finite past-tense verb forms (strong tense cues), built from spaCy's lemma\n"
            "# tables by build_past_forms.py beside this file; do not edit by hand, add to\n"
            "# tense.json's past list instead.\n")
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(head + "\n".join(forms) + "\n", encoding="utf-8")
    tmp.replace(OUT)
    print(f"{len(forms)} forms -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
