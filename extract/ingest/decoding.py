"""Bytes to text, trying the encodings news files are really saved in."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

# Order matters: UTF-8 is strict and rarely decodes non-UTF-8 text by accident; cp1252
# covers Windows-saved Western European text (curly quotes, euro sign); latin-1 never fails,
# so it is last and flagged.
FALLBACKS = ("utf-8", "cp1252", "latin-1")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


class UnreadableFile(ValueError):
    """The bytes are not text in any encoding we try (empty, binary)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str

    @property
    def fell_back(self) -> bool:
        return self.encoding not in {"utf-8", "utf-8-sig"}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def decode(data: bytes) -> Decoded:
    """Decode `data`, raising UnreadableFile with the reason when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding), encoding)
    if not data.strip():
        raise UnreadableFile("the file is empty")
    if looks_binary(data):
        raise UnreadableFile("the file is binary, not text")
    for encoding in FALLBACKS:
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("the file is not text in any known encoding")  # pragma: no cover
