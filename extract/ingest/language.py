"""Which language an article is in: py3langid's model.

py3langid (BSD, the langid.py model shipped inside the package: no download) tells Dutch
from English from Chinese on a paragraph. On a sentence or two its confidence is low; then
the answer is the best-ranked language that has a resource folder (Dutch or English), as
a short text is far more likely one of those than anything else.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract import lang as resources

_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 5000
MIN_CONFIDENCE = 0.5  # below this, a short text: stop words decide


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # ISO 639-1 codes only: the model's three-letter regional varieties (wuu, yue, pcm)
    # would split one language's vote in two.
    ident.set_languages([code for code in ident.labels if len(code) == 2])
    return ident


def detect(text: str, default: str = "nl") -> str:
    """ISO 639-1 code of the language of `text` (its first 5,000 characters)."""
    sample = text[:SAMPLE_CHARS]
    if not _WORD.search(sample):
        return default
    ranking = _identifier().rank(sample)
    code, confidence = ranking[0]
    if confidence >= MIN_CONFIDENCE:
        return code
    supported = set(resources.languages())
    return next((c for c, _ in ranking if c in supported), default)
