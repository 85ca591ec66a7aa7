"""Distinct synthetic Dutch news articles for benchmarks (no two texts alike).

Each article names a few persons from a large generated pool, with roles, dated events
and relative dates, so that every stage of the extractor has work and per-text caches
cannot answer for it.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

FIRST = ["Jan", "Piet", "Kees", "Anna", "Sanne", "Lotte", "Daan", "Sem", "Emma", "Julia",
         "Bram", "Thijs", "Fleur", "Noor", "Ruben", "Lars", "Eva", "Tess", "Mila", "Finn"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer"]
ROLES = ["trainer", "minister", "burgemeester", "directeur", "woordvoerder", "aanvoerder"]
CLUBS = ["Ajax", "PSV", "Feyenoord", "AZ", "FC Utrecht", "Vitesse", "FC Twente"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
TEMPLATES = [
    "{role} {name} heeft op {d} {m} {y} een contract getekend bij {club}.",
    "{name} ({age}) vertrekt in {m} naar {club}, zei de {role} {day}.",
    "Volgens {name2} won {name} {day} de wedstrijd tegen {club}.",
    "{name} raakte op {d} {m} geblesseerd en mist de rest van het seizoen.",
    "De {role} {name} werd in {y} benoemd en treedt eind {m} af.",
    "'We zijn blij', aldus {name}, die sinds {y} bij {club} speelt.",
    "{name} kondigde {day}avond aan dat hij medio {y2} stopt.",
    "Het bestuur van {club} sprak {day} met {name} over de toekomst.",
]


HEADS = ["Ber", "Kla", "Mo", "Ste", "Vel", "Dor", "Han", "Wes", "Lui", "Gro", "Ha", "Ten"]
TAILS = ["kens", "man", "ink", "stra", "ema", "hof", "ers", "sen", "veld", "dijk", "kamp"]
FILLER = [
    "De supporters reageerden verdeeld op het nieuws.",
    "Het stadion was uitverkocht en de sfeer was goed.",
    "De club wil nog geen details over de afspraken geven.",
    "Ook in de gemeenteraad werd over de plannen gesproken.",
    "Het onderzoek naar de gang van zaken loopt nog.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(HEADS)}{rng.choice(HEADS).lower()}{rng.choice(TAILS)}"


def article(n: int, seed: int = 0) -> dict:
    rng = random.Random(seed * 1_000_003 + n)
    persons = [_person(rng) for _ in range(3)]
    year = rng.randrange(2005, 2024)
    sentences = []
    for _ in range(rng.randrange(4, 9)):
        name, name2 = rng.sample(persons, 2)
        sentences.append(rng.choice(TEMPLATES).format(
            role=rng.choice(ROLES), name=name, name2=name2, club=rng.choice(CLUBS),
            d=rng.randrange(1, 29), m=rng.choice(MONTHS), y=rng.randrange(1990, year + 1),
            y2=year + rng.randrange(1, 4), age=rng.randrange(18, 70), day=rng.choice(DAYS)))
        sentences[-1] = sentences[-1][0].upper() + sentences[-1][1:]
        sentences += [f"{f[:-1]}, meldt bron {rng.randrange(10**6)}." for f in rng.sample(FILLER, 3)]
    title = f"{persons[0]} en {rng.choice(CLUBS)}: nieuws {n}"
    body = " ".join(sentences)
    return {"doc_id": f"syn-{seed}-{n}", "title": title, "text": f"{title}\n\n{body}",
            "published": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            "lang": "nl", "source": f"Bron {n % 7}"}


def write_jsonl(path: Path, n: int = 0, *, target_bytes: int = 0, seed: int = 0) -> int:
    """Write `n` articles (or as many as fill `target_bytes`); returns the count."""
    count = size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while (n and count < n) or (target_bytes and size < target_bytes):
            line = json.dumps(article(count, seed), ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode())
            count += 1
    return count
