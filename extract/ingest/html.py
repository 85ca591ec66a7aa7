"""Saved HTML pages: trafilatura finds the article body and its metadata."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlArticle:
    title: str
    text: str
    published: str
    author: str
    source: str
    url: str


def parse(html: str) -> HtmlArticle | None:
    """The main article of a page, or None when the page holds no article text."""
    import trafilatura  # lazy: heavy import, only needed for HTML input

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    body = (get("text") or "").strip()
    if not body:
        return None
    title = (get("title") or "").strip()
    return HtmlArticle(title=title, text=f"{title}\n\n{body}" if title else body,
                       published=get("date") or "", author=get("author") or "",
                       source=get("sitename") or "", url=get("url") or "")
