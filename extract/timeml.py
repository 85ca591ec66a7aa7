"""TimeML output: a document's text with its temporal expressions as TIMEX3 tags.

    to_timeml(text, timexes, doc_id, published) -> str

The document creation time is a TIMEX3 with functionInDocument="CREATION_TIME" (tid t0)
inside <DCT>; each mention becomes <TIMEX3 tid="tN" type=... value=... [mod=...]>
around its span. Text and attribute values are XML-escaped; mentions that overlap an
earlier one are left out so that the tags always nest properly.
"""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from extract.records import TimeMention


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
    for t in sorted(timexes, key=lambda m: (m.start_char, -m.end_char)):
        if t.start_char < pos or t.end_char > len(text) or t.end_char <= t.start_char:
            continue
        n += 1
        attrs = f'tid="t{n}" type={quoteattr(t.type)} value={quoteattr(t.value)}'
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        parts.append(escape(text[pos:t.start_char]))
        parts.append(f"<TIMEX3 {attrs}>{escape(text[t.start_char:t.end_char])}</TIMEX3>")
        pos = t.end_char
    parts.append(escape(text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)
