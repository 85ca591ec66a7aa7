"""The fitted link model: a logistic regression over the candidate features, stored as data.

`extract/lang/<code>/linking_model.json` holds, per language:

    {"bias": float, "threshold": float, "weights": {feature: weight, ...},
     "trained_on": [...], "cross_validated": {...}}

It is written by `evaluation/fit_linker.py` from the dev gold sets and read here; the
engine holds no weights of its own. A language without the file uses the English one.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from extract import lang as resources

CONCEPT = "linking_model"


@dataclass(frozen=True)
class LinkModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def contributions(self, features: Mapping[str, float], top: int = 4) -> tuple[tuple[str, float], ...]:
        """The features that moved this pair's score most, strongest first: the 'why'."""
        parts = [(k, round(self.weights.get(k, 0.0) * v, 3)) for k, v in features.items()]
        parts = [p for p in parts if p[1]]
        return tuple(sorted(parts, key=lambda p: -abs(p[1]))[:top])

    @classmethod
    def from_data(cls, data: Mapping) -> LinkModel:
        return cls(MappingProxyType({str(k): float(v) for k, v in data["weights"].items()}),
                   float(data["bias"]), float(data["threshold"]))


@lru_cache(maxsize=None)
def for_language(lang: str) -> LinkModel:
    code = lang if resources.has(lang, CONCEPT) else "en"
    return LinkModel.from_data(resources.load(code, CONCEPT))
