"""Attach each resolved DATE/TIME expression to the persons the dated event is about.

    link_events(doc) -> list[Event]

A scored decision over candidate pairs: every resolved date of the article is paired with
every person it mentions (`features.candidates`), each pair gets the link model's
probability from its clause, sentence, discourse and quote evidence (`model`), and pairs
at or above the model's threshold become events. The probability is the event's
`confidence`; the clause rule that held (or "discourse") is its `link_rule`, and the
features that weighed most are its `evidence`.
"""
from __future__ import annotations

from extract.document import Document
from extract.linking import features as feature_mod
from extract.linking import labels
from extract.linking.model import LinkModel, for_language
from extract.linking.rules import LinkRule
from extract.persons import lexicon
from extract.records import Event

__all__ = ["link_events", "LinkRule"]


def link_events(doc: Document, model: LinkModel | None = None) -> list[Event]:
    model = model or for_language(doc.lang)
    lex = lexicon.get(doc.lang)
    events: list[Event] = []
    described: dict[int, tuple[str, str]] = {}
    for c in feature_mod.candidates(doc):
        if c.veto is not None:
            continue
        p = model.probability(c.features)
        if p < model.threshold:
            continue
        key = c.time.start_char
        if key not in described:
            local = list(doc.mentions_between(c.sentence.start, c.sentence.end))
            segs = list(c.segments)
            dates = doc.timexes_between(c.sentence.start, c.sentence.end)
            described[key] = (labels.label(doc.text, c.time, c.sentence, segs, local, lex, dates),
                              labels.event_type(doc.text, c.time, c.sentence, segs, lex))
        label, etype = described[key]
        events.append(Event(doc.article.doc_id, c.person, c.time, c.sentence.text,
                            c.sentence.start, label, etype, round(p, 2), c.rule.value,
                            c.mentions, model.contributions(c.features)))
    return events
