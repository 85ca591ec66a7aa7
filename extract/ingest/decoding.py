"""Bytes to text, trying the encodings news files are really saved in.

Written by hand rather than with charset-normalizer: that library decides one encoding
per file, while a UTF-8 file with one stray Windows byte must stay UTF-8 and have only
that byte repaired ("café" must not become "cafÃ©").
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

# A byte-order mark declares the encoding: no warning then.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
DECLARED = {"utf-8", "utf-8-sig", "utf-16", "utf-32"}
# Whole-file fallbacks when the bytes are not UTF-8 at all: cp1252 covers Windows-saved
# Western European text (curly quotes, euro sign); latin-1 never fails, so it is last.
FALLBACKS = ("cp1252", "latin-1")
SHOWN_PLACES = 5


class UnreadableFile(ValueError):
    """The bytes are not text in any encoding we try (empty, binary)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repaired_lines: tuple[int, ...] = field(default=())  # a line per byte read as cp1252

    @property
    def fell_back(self) -> bool:
        return self.encoding not in DECLARED

    @property
    def note(self) -> str:
        """What a reader should be told about this decoding ('' when nothing)."""
        if self.repaired_lines:
            n = len(self.repaired_lines)
            lines = sorted(set(self.repaired_lines))
            where = ", ".join(map(str, lines[:SHOWN_PLACES])) + (", ..." if len(lines) > SHOWN_PLACES else "")
            return (f"UTF-8 with {n} invalid byte{'s' if n != 1 else ''} (line "
                    f"{where}), read as cp1252")
        if self.encoding.startswith("utf-16-"):
            return f"no byte-order mark; read as {self.encoding.upper()}"
        return f"not UTF-8; read as {self.encoding}" if self.fell_back else ""


def _controls(head: bytes) -> int:
    return sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """Many NUL or other control bytes in the first 8 KB mean it is not text."""
    head = data[:8192]
    return _controls(head) > max(8, len(head) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte of the head is mostly NUL (ASCII-range UTF-16)."""
    head = data[:8192]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    share = lambda part: part.count(0) / max(1, len(part))
    if share(odd) > 0.3 and share(even) < 0.05:
        return "utf-16-le"
    if share(even) > 0.3 and share(odd) < 0.05:
        return "utf-16-be"
    return None


def _one_byte(byte: bytes) -> str:
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return byte.decode("latin-1")


def _utf8_repaired(data: bytes) -> Decoded | None:
    """UTF-8 with the few invalid bytes read as cp1252, or None when it is not UTF-8 at all
    (more invalid bytes than valid multi-byte characters: a whole cp1252/latin-1 file).

    Decoding restarts after each bad byte on a memoryview, so the work stays linear.
    """
    view, parts, bad, pos = memoryview(data), [], [], 0
    while True:
        try:
            parts.append(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as err:
            parts.append(codecs.utf_8_decode(view[pos:pos + err.start], "strict", True)[0])
            bad.append(pos + err.start)
            parts.append(_one_byte(data[pos + err.start:pos + err.start + 1]))
            pos += err.start + 1
    text = "".join(parts)
    if not bad:
        return Decoded(text, "utf-8")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - len(bad)
    if multibyte < len(bad):
        return None
    return Decoded(text, "utf-8", _line_numbers(data, bad))


def _line_numbers(data: bytes, positions: list[int]) -> tuple[int, ...]:
    """1-based line of each (ascending) byte position, in one pass."""
    lines, line, last = [], 1, 0
    for pos in positions:
        line += data.count(b"\n", last, pos)
        last = pos
        lines.append(line)
    return tuple(lines)


def decode(data: bytes) -> Decoded:
    """Decode `data`, raising UnreadableFile with the reason when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise UnreadableFile(f"starts with a {encoding} byte-order mark but is not "
                                     f"{encoding} (byte {err.start})") from None
    if not data.strip():
        raise UnreadableFile("the file is empty")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if not looks_binary(text[:8192].encode("utf-8", "replace")):
                return Decoded(text, utf16)
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise UnreadableFile("the file is binary, not text")
    repaired = _utf8_repaired(data)
    if repaired is not None:
        return repaired
    for encoding in FALLBACKS:
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("the file is not text in any known encoding")  # pragma: no cover
