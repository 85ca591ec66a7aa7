"""The link model files: well-formed, naming only features the code produces, and used."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import document
from extract import lang as resources
from extract.linking import features, link_events
from extract.linking.model import CONCEPT, LinkModel, for_language
from extract.records import Article, TimeMention

LANGS = [code for code in resources.languages() if resources.has(code, CONCEPT)]


@pytest.mark.parametrize("lang", LANGS)
def test_model_file_names_only_known_features(lang):
    data = resources.load(lang, CONCEPT)
    known = set(features.feature_names())
    assert set(data["weights"]) <= known, set(data["weights"]) - known
    assert 0 < data["threshold"] < 1
    assert data["cross_validated"], "the file says how well it did on held-out documents"


@pytest.mark.parametrize("lang", [c for c in resources.languages() if resources.has(c, "prepositions")])
def test_preposition_classes_are_the_ones_features_know(lang):
    classes = set(resources.load(lang, "prepositions").values())
    assert classes <= set(features.PREPOSITION_CLASSES)


def _candidates(text, phrase, lang="nl"):
    d = dt.date(2022, 5, 28)
    s = text.index(phrase)
    t = TimeMention(s, s + len(phrase), phrase, "DATE", "2022-05-28", "day", d, d)
    return features.candidates(document.build(Article("x", text, dt.datetime(2022, 5, 3), lang), timexes=[t]))


def test_every_produced_feature_is_declared():
    text = ('Carlo Ancelotti won. Volgens Fabrizio Romano tekent Kylian Mbappé op 28 mei, met '
            'Toni Kroos en Marcelo. "Ik ben blij", zei hij. De Italiaan sprak in mei over Benzema\'s contract.')
    produced = {k for phrase in ("op 28 mei", "in mei") for c in _candidates(text, phrase) for k in c.features}
    assert produced and produced <= set(features.feature_names())


def test_candidates_pair_a_date_with_nearby_persons_only():
    far = "Jan de Vries won. " + "Het regende. " * 40 + "Kees Bakker speelde op 28 mei."
    people = {c.person for c in _candidates(far, "op 28 mei")}
    # the headline person counts as a leading person of the article; nobody else is far
    assert people == {"Kees Bakker", "Jan de Vries"}


def test_probability_and_explanation():
    model = LinkModel({"a": 2.0, "b": -1.0}, 0.0, 0.5)
    assert model.probability({}) == 0.5
    assert model.probability({"a": 1.0}) > 0.85 > model.probability({"b": 1.0})
    assert model.contributions({"a": 1.0, "b": 1.0, "c": 1.0}) == (("a", 2.0), ("b", -1.0))


def test_a_stronger_model_threshold_links_less():
    text = "Carlo Ancelotti was blij. Op 28 mei won het team de finale."
    d = dt.date(2022, 5, 28)
    s = text.index("Op 28 mei")
    t = TimeMention(s, s + 9, "Op 28 mei", "DATE", "2022-05-28", "day", d, d)
    doc = document.build(Article("x", text, dt.datetime(2022, 5, 3), "nl"), timexes=[t])
    base = for_language("nl")
    never = LinkModel(base.weights, base.bias, 1.0)
    always = LinkModel(base.weights, base.bias, 0.0)
    assert link_events(doc, never) == []
    assert [e.person for e in link_events(doc, always)] == ["Carlo Ancelotti"]
