"""Reading a delimited text file (CSV) row by row, whatever the length of its lines or its encoding.

Why a reader of our own: QGIS's delimited-text provider cuts a line at 10 MiB and GDAL's CSV driver
refuses it ("Maximum number of characters allowed reached"), so a CNIG CSV whose ``geomsurf`` holds a
polygon of a million vertices (a 30 MB line) came out as 0 or 1 feature, and the other rows of the file
vanished with it; neither reads UTF-16, which Excel writes as "Unicode text". Python's ``csv`` module
reads both, once its field size limit (128 KiB by default) is raised. The import uses this reader only
for those files; the others go through QGIS as before.

Pure Python, standard library only.
"""

from __future__ import annotations

import codecs
import csv
import sys
import threading
from contextlib import contextmanager
from typing import Dict, Iterator, List, Optional, Tuple

from .encoding import UTF8_SIG, sniff_file_encoding

#: A line longer than this many bytes is past what QGIS's delimited-text provider (10 MiB of characters)
#: and GDAL's CSV driver (10 million characters) read whole.
PROVIDER_LINE_LIMIT = 8_000_000
#: Largest field this reader accepts (characters).
MAX_FIELD_CHARS = min(sys.maxsize, 2**31 - 1)
#: Delimiters recognised when the caller gives none, in order of preference on a tie.
DELIMITERS = (";", ",", "\t", "|")
#: Bytes read at a time when scanning a file.
_CHUNK = 1 << 20

_FIELD_LIMIT_LOCK = threading.Lock()


class DelimitedError(ValueError):
    """A file that cannot be read as delimited text: ``code`` ("unreadable", "bad_csv"), the 1-based
    ``line`` of the file when known, and the reader's ``reason``."""

    def __init__(self, code: str, line: Optional[int] = None, reason: str = ""):
        super().__init__(code, line, reason)
        self.code = code
        self.line = line
        self.reason = reason


def longest_line(path: str) -> int:
    """Length in bytes of the longest line of the file (read in chunks: memory stays small)."""
    longest = 0
    current = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            start = 0
            while True:
                end = chunk.find(b"\n", start)
                if end < 0:
                    current += len(chunk) - start
                    break
                longest = max(longest, current + end - start)
                current = 0
                start = end + 1
    return max(longest, current)


def sniff_delimiter(header: str) -> str:
    """The most frequent of :data:`DELIMITERS` in a header line (``,`` when none appears)."""
    counts = [(header.count(d), -k, d) for k, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] > 0 else ","


@contextmanager
def _large_fields():
    """Python's ``csv`` field size limit raised for the time of a read (it is global to the process)."""
    with _FIELD_LIMIT_LOCK:
        previous = csv.field_size_limit()
        csv.field_size_limit(max(previous, MAX_FIELD_CHARS))
    try:
        yield
    finally:
        with _FIELD_LIMIT_LOCK:
            csv.field_size_limit(previous)


def _codec(encoding: str) -> str:
    """A Python codec for ``encoding``; UTF-16/32 with a mark and UTF-8 with a mark are read by the codecs
    that remove the mark."""
    name = {"UTF-16": "utf-16", "UTF-32": "utf-32", UTF8_SIG: "utf-8-sig", "UTF-8": "utf-8-sig"}.get(
        encoding.upper(), encoding)
    codecs.lookup(name)  # LookupError for an unknown encoding
    return name


def unique_names(names: List[str]) -> List[str]:
    """Header names made unique and non-empty (``field_3`` for an empty third name, ``name_2`` for a
    repeated one), as QGIS names them."""
    out, seen = [], set()
    for k, raw in enumerate(names, start=1):
        name = raw.strip() or f"field_{k}"
        base, n = name, 1
        while name in seen:
            n += 1
            name = f"{base}_{n}"
        seen.add(name)
        out.append(name)
    return out


class DelimitedFile:
    """A delimited text file with a header line, read row by row (see the module docstring).

    ``encoding`` None: recognised from the bytes (``core.encoding``); ``delimiter`` None: the most
    frequent of ``; , tab |`` in the header line. ``names`` are the header's names (made unique).
    """

    def __init__(self, path: str, encoding: Optional[str] = None, delimiter: Optional[str] = None,
                 quotechar: str = '"'):
        self.path = str(path)
        try:
            self.encoding = encoding or sniff_file_encoding(self.path)
        except OSError as exc:
            raise DelimitedError("unreadable", reason=exc.strerror or str(exc)) from exc
        try:
            self._codec = _codec(self.encoding)
        except LookupError as exc:
            raise DelimitedError("unreadable", reason=str(exc)) from exc
        self.quotechar = quotechar or '"'
        first = self._first_line()
        self.delimiter = delimiter or sniff_delimiter(first)
        self.names: List[str] = []

    def _open(self):
        return open(self.path, encoding=self._codec, newline="", errors="strict")

    def _first_line(self) -> str:
        try:
            with self._open() as fh:
                return fh.readline(1 << 16)
        except (UnicodeDecodeError, OSError) as exc:
            raise DelimitedError("unreadable", 1, str(exc)) from exc

    def rows(self) -> Iterator[Tuple[int, Dict[str, Optional[str]]]]:
        """(record number from 1, {name: value}) for each data row; a row shorter than the header has
        None for the missing values, the values of a longer row beyond the header are dropped."""
        with _large_fields(), self._open() as fh:
            reader = csv.reader(fh, delimiter=self.delimiter, quotechar=self.quotechar, doublequote=True,
                                strict=False)
            try:
                header = next(reader, None)
                if header is None:
                    return
                self.names = unique_names(header)
                width = len(self.names)
                record = 0
                for values in reader:
                    if not values or (len(values) == 1 and not values[0].strip() and width > 1):
                        continue  # blank line
                    record += 1
                    if len(values) < width:
                        values = values + [None] * (width - len(values))
                    yield record, dict(zip(self.names, values))
            except csv.Error as exc:
                raise DelimitedError("bad_csv", reader.line_num, str(exc)) from exc
            except UnicodeDecodeError as exc:
                raise DelimitedError("unreadable", reader.line_num + 1, str(exc)) from exc

    def header(self) -> List[str]:
        """The header's names (made unique), read without the data rows."""
        with _large_fields(), self._open() as fh:
            try:
                first = next(csv.reader(fh, delimiter=self.delimiter, quotechar=self.quotechar), [])
            except (csv.Error, UnicodeDecodeError) as exc:
                raise DelimitedError("bad_csv", 1, str(exc)) from exc
        return unique_names(first)

    def count(self) -> int:
        """Number of data rows (a full read: for progress)."""
        return sum(1 for _ in self.rows())
