"""Evidence for one event, as HTML built only from escaped article text.

Article text is untrusted: every piece of it goes through `html.escape` before it is
wrapped in the few tags this module writes itself (`<mark>`, `<a>`, `<li>` ...). Links
are kept only when they are plain http(s) URLs, so a `javascript:` URL in an article's
metadata can never become a clickable link.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlparse

import pandas as pd

DATE_CLASS = "ft-date"
PERSON_CLASS = "ft-person"
_MARK_STYLE = {DATE_CLASS: "background:#ffe08a;padding:0 2px;border-radius:3px",
               PERSON_CLASS: "background:#b9e3ff;padding:0 2px;border-radius:3px"}
_QUOTE_STYLE = "margin:.4em 0;padding:.4em .8em;border-left:4px solid #bbb"


def data_text(text: str) -> str:
    """Text from the data (a name, a problem quoting a file) shown as text in Markdown:
    no formatting, no links, no images fetched from elsewhere."""
    for ch in "\\`*_{}[]()#+-.!<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def mark(text: str, css: str) -> str:
    """`text` (already escaped) in a highlighted <mark>; inline style survives sanitisers."""
    return f'<mark class="{css}" style="{_MARK_STYLE[css]}">{text}</mark>'


def safe_url(url: object) -> str:
    """The URL if it is an absolute http(s) URL, else "" (never javascript:, data: ...)."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    try:
        parsed = urlparse(url)
    except ValueError:
        return ""
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return url
    return ""


def _as_int(value: object) -> int | None:
    try:
        if value is None or pd.isna(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def date_span(sentence: str, time_text: str, time_start: object, sentence_start: object
              ) -> tuple[int, int] | None:
    """Where the date as written sits in the sentence.

    The offsets point into the article text; they are trusted only if the sentence at
    that place really says `time_text`. Otherwise the first occurrence is used.
    """
    time_text = time_text or ""
    start, base = _as_int(time_start), _as_int(sentence_start)
    if start is not None and base is not None and time_text:
        local = start - base
        if 0 <= local and sentence[local:local + len(time_text)] == time_text:
            return local, local + len(time_text)
    if time_text:
        found = sentence.find(time_text)
        if found >= 0:
            return found, found + len(time_text)
    return None


def person_spans(sentence: str, person: str) -> list[tuple[int, int]]:
    """Where the person is named: the full name, else any of its name parts (>= 3 letters).

    Articles often write only the surname ("Ancelotti") after the first mention.
    """
    if not person:
        return []
    full = [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(person)}\b", sentence)]
    if full:
        return full
    parts = [p for p in re.split(r"\s+", person) if len(p) >= 3]
    spans = []
    for part in parts:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(part)}\b", sentence)]
    return sorted(spans)


def highlight(sentence: str, spans: list[tuple[int, int, str]]) -> str:
    """Escaped sentence with `<mark class=...>` around the given (start, end, class) spans.

    Overlapping spans are resolved first come, first served (the date is passed first).
    """
    chosen: list[tuple[int, int, str]] = []
    for start, end, css in spans:
        if 0 <= start < end <= len(sentence) and all(end <= s or start >= e
                                                      for s, e, _ in chosen):
            chosen.append((start, end, css))
    out, pos = [], 0
    for start, end, css in sorted(chosen):
        out.append(html.escape(sentence[pos:start]))
        out.append(mark(html.escape(sentence[start:end]), css))
        pos = end
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def highlighted_sentence(event: pd.Series | dict) -> str:
    """The event's sentence, escaped, with the date and the person marked."""
    sentence = str(event.get("sentence") or "")
    spans: list[tuple[int, int, str]] = []
    where = date_span(sentence, str(event.get("time_text") or ""),
                      event.get("time_start_char"), event.get("sentence_start"))
    if where:
        spans.append((*where, DATE_CLASS))
    spans += [(s, e, PERSON_CLASS) for s, e in person_spans(sentence, str(event.get("person")
                                                                          or ""))]
    return highlight(sentence, spans)


def cell_text(value: object) -> str:
    """A table cell as display text: '' for missing values (None, NaN, NA)."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def article_line(row: pd.Series | dict) -> str:
    """Title (linked when the URL is safe), source and publication date, all escaped."""
    title = html.escape(cell_text(row.get("title")) or "(untitled article)")
    url = safe_url(row.get("url"))
    if url:
        title = (f'<a href="{html.escape(url, quote=True)}" target="_blank" '
                 f'rel="noopener noreferrer nofollow">{title}</a>')
    meta = " · ".join(html.escape(x) for x in (cell_text(row.get("source")),
                                              cell_text(row.get("published"))[:10]) if x)
    return f"{title}" + (f" <small>({meta})</small>" if meta else "")


def resolvedcell_text(event: pd.Series | dict) -> str:
    """The calendar reading of the date, e.g. "2024-01-01 – 2024-12-31 (half, MID)"."""
    start, end = cell_text(event.get("start")), cell_text(event.get("end"))
    when = start if not end or end == start else f"{start} – {end}"
    extra = ", ".join(x for x in (cell_text(event.get("grain")), cell_text(event.get("mod"))) if x)
    return (when or "no calendar date") + (f" ({extra})" if extra else "")


def corroborating(events: pd.DataFrame, event: pd.Series | dict) -> pd.DataFrame:
    """Other articles' events that report the same fact (same `fact_id`)."""
    fact = cell_text(event.get("fact_id"))
    if not fact or "fact_id" not in events.columns:
        return events.iloc[0:0]
    same = events[(events["fact_id"] == fact) & (events["event_id"] != event.get("event_id"))]
    return same.drop_duplicates("doc_id")


def evidence_html(event: pd.Series | dict, others: pd.DataFrame | None = None) -> str:
    """The whole evidence panel for one event: what, when, where it was read, who else."""
    label = html.escape(cell_text(event.get("label")) or "(no label)")
    person = html.escape(cell_text(event.get("person")))
    written = html.escape(cell_text(event.get("time_text")))
    parts = ['<div class="ft-evidence">',
             f"<h4 style='margin:0'>{label}</h4>",
             f"<div>{mark(person, PERSON_CLASS)} · "
             f"{html.escape(cell_text(event.get('event_type')))} · "
             f"written {mark(written, DATE_CLASS)}, "
             f"read as {html.escape(resolvedcell_text(event))}</div>",
             f'<blockquote style="{_QUOTE_STYLE}">{highlighted_sentence(event)}</blockquote>',
             f"<div>Source: {article_line(event)}</div>"]
    if others is not None and len(others):
        items = "".join(f"<li>{article_line(row)}</li>" for _, row in others.iterrows())
        parts.append(f"<div>Also reported by {len(others)} other article"
                     f"{'s' if len(others) != 1 else ''}:<ul>{items}</ul></div>")
    else:
        parts.append("<div><small>No other article reports this fact.</small></div>")
    parts.append("</div>")
    return "".join(parts)
