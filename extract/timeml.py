"""TimeML output: a document's text with its temporal expressions as TIMEX3 tags.

    to_timeml(text, timexes, doc_id, published) -> str

The document creation time is a TIMEX3 with functionInDocument="CREATION_TIME" (tid t0)
inside <DCT>; each mention becomes <TIMEX3 tid="tN" type=... value=... [mod=...]>
around its span. An interval that the temporal stage reports after its two ends
(`extract.temporal.join`) becomes TimeML's non-consuming DURATION, an empty TIMEX3 with
beginPoint and endPoint after the second end. Text and attribute values are XML-escaped;
other mentions that overlap an earlier one are left out so that the tags always nest properly.
"""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from extract.records import TimeMention
from extract.temporal.join import is_interval


def _day(d):
    return d.date() if isinstance(d, dt.datetime) else d


def _dct_value(published) -> str:
    if published is None:
        return ""
    if isinstance(published, dt.datetime):
        if published.time() == dt.time(0, 0):
            return published.date().isoformat()
        return published.strftime("%Y-%m-%dT%H:%M")
    return published.isoformat()


def to_timeml(text: str, timexes: list[TimeMention], doc_id: str, published) -> str:
    """The TimeML document (an XML string) for one article."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    parts.append(f"<DOCID>{escape(str(doc_id))}</DOCID>\n")
    dct = _dct_value(published)
    if dct:
        parts.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
                     f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n')
    parts.append("<TEXT>")
    pos, n = 0, 0
    tids: dict[tuple[int, int], int] = {}
    closing = {}  # span of an interval's second end -> (span of its first end, the interval)
    for i, t in enumerate(timexes):
        if is_interval(t) and i >= 2:
            a, b = timexes[i - 2], timexes[i - 1]
            closing[(b.start_char, b.end_char)] = ((a.start_char, a.end_char), t)
    for t in sorted((t for t in timexes if not is_interval(t)), key=lambda m: (m.start_char, -m.end_char)):
        if t.start_char < pos or t.end_char > len(text) or t.end_char <= t.start_char:
            continue
        n += 1
        span = (t.start_char, t.end_char)
        tids[span] = n
        attrs = f'tid="t{n}" type={quoteattr(t.type)} value={quoteattr(t.value)}'
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        parts.append(escape(text[pos:t.start_char]))
        parts.append(f"<TIMEX3 {attrs}>{escape(text[t.start_char:t.end_char])}</TIMEX3>")
        pos = t.end_char
        first, interval = closing.get(span, (None, None))
        if interval is not None and first in tids and interval.start is not None:
            n += 1
            days = (_day(interval.end) - _day(interval.start)).days + 1
            parts.append(f'<TIMEX3 tid="t{n}" type="DURATION" value="P{days}D" beginPoint="t{tids[first]}" '
                         f'endPoint="t{tids[span]}"/>')
    parts.append(escape(text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)
