"""Which encoding a text file written by someone else is in, and reading it.

Why one module: the GTFS reader, the CNIG import, the zoning rules table and the scoring profile all read
files that planners get from elsewhere: UTF-8 from most tools, windows-1252 from French Windows software,
UTF-16 from Excel's "Unicode text" and from PowerShell. Each used to try its own subset (UTF-8 then
windows-1252, or UTF-8 only) and fail on the others with a raw ``UnicodeDecodeError`` or a garbled table.

The order of the guesses: a byte-order mark (UTF-32, UTF-16, UTF-8), then UTF-16 without mark (text whose
every other byte is NUL), then UTF-8 when the bytes decode as UTF-8, else windows-1252 (ISO-8859-1 for the
five bytes windows-1252 leaves undefined). Names are Python codec names that QGIS (Qt) also knows.

Pure Python, standard library only.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Tuple

UTF8 = "UTF-8"
UTF8_SIG = "UTF-8-SIG"
WINDOWS_1252 = "windows-1252"
LATIN_1 = "ISO-8859-1"

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF8, UTF8_SIG),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
#: Bytes looked at to recognise UTF-16 written without a byte-order mark.
_UTF16_PROBE = 4096


def bom_encoding(head: bytes) -> str:
    """The encoding a byte-order mark at the start of ``head`` announces, or ''."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return ""


def utf16_without_bom(head: bytes) -> str:
    """"UTF-16LE" / "UTF-16BE" when ``head`` looks like UTF-16 text without a mark (mostly Latin text: a
    NUL byte at nearly every odd, or every even, position), else ''."""
    probe = head[:_UTF16_PROBE]
    pairs = len(probe) // 2
    if pairs < 2:
        return ""
    even_nul = probe[0:2 * pairs:2].count(0)
    odd_nul = probe[1:2 * pairs:2].count(0)
    if odd_nul >= 0.3 * pairs and even_nul <= 0.05 * pairs:
        return "UTF-16LE"
    if even_nul >= 0.3 * pairs and odd_nul <= 0.05 * pairs:
        return "UTF-16BE"
    return ""


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        # a multi-byte character cut by the end of a partial read is still UTF-8
        return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"


def _single_byte(data: bytes) -> str:
    try:
        data.decode("cp1252")
        return WINDOWS_1252
    except UnicodeDecodeError:
        return LATIN_1


def sniff_encoding(head: bytes) -> str:
    """The encoding of text whose first bytes are ``head`` (see the module docstring)."""
    return bom_encoding(head) or utf16_without_bom(head) or (UTF8 if _is_utf8(head) else _single_byte(head))


#: The five bytes windows-1252 leaves undefined (a file holding one is read as ISO-8859-1).
_UNDEFINED_1252 = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


def sniff_file_encoding(path, chunk_size: int = 1 << 20) -> str:
    """The encoding of the whole file at ``path``: its mark or UTF-16 from the first bytes, else UTF-8 only
    when every byte of the file decodes as UTF-8 (one non-UTF-8 byte after the first megabyte is enough
    to make it windows-1252). Read in chunks: memory stays small."""
    with open(path, "rb") as fh:
        head = fh.read(chunk_size)
        wide = bom_encoding(head) or utf16_without_bom(head)
        if wide:
            return wide
        decoder = codecs.getincrementaldecoder("utf-8")()
        utf8 = True
        undefined = False
        chunk = head
        while chunk:
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            undefined = undefined or any(b in chunk for b in _UNDEFINED_1252)
            chunk = fh.read(chunk_size)
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        return UTF8
    return LATIN_1 if undefined else WINDOWS_1252


def is_wide(encoding: str) -> bool:
    """True for the UTF-16 and UTF-32 encodings (which the usual CSV readers cannot take as bytes)."""
    return str(encoding).upper().replace("_", "-").startswith(("UTF-16", "UTF-32"))


def decode(data: bytes) -> Tuple[str, str]:
    """(text, encoding) of ``data``; a byte-order mark is removed."""
    encoding = sniff_encoding(data)
    codec = {"UTF-16": "utf-16", "UTF-32": "utf-32", UTF8_SIG: "utf-8-sig"}.get(encoding, encoding)
    try:
        return data.decode(codec), encoding
    except UnicodeDecodeError:  # a wide encoding guessed wrong, or a cut wide character
        fallback = UTF8 if _is_utf8(data) else _single_byte(data)
        return data.decode(fallback, errors="replace"), fallback


def read_text(path) -> Tuple[str, str]:
    """(text, encoding) of the file at ``path``. ``OSError`` when it cannot be read."""
    return decode(Path(path).read_bytes())
