"""Small text scans on user data, written as loops so that they take linear time.

Why not regular expressions: searched over a long run of spaces or brackets, patterns such as
``\\s*\\([^)]*\\)`` or ``"((?:[^"\\\\]|\\\\.)*)"=>`` restart at every position and rescan the run, taking
time quadratic in the text (a label of 40,000 spaces: one second; a million: hours). The project's rule
is that every pattern applied to user data runs in linear time; these helpers are the cases that a plain
pattern could not express safely.

Pure Python, standard library only.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple


def without_parentheses(text: str) -> str:
    """``text`` without its parenthesised parts and the spaces before them: ``"Desserte (TC)"`` →
    ``"Desserte"``, ``"a (x) b"`` → ``"a b"`` (what ``re.sub(r"\\s*\\([^)]*\\)", "", text)`` gives). A ``(``
    never closed is kept."""
    text = str(text)
    out = []
    last = 0
    pos = 0
    while True:
        start = text.find("(", pos)
        if start < 0:
            break
        end = text.find(")", start + 1)
        if end < 0:  # no ")" after this "(": none after any later "(" either
            break
        cut = start
        while cut > last and text[cut - 1].isspace():
            cut -= 1
        out.append(text[last:cut])
        last = pos = end + 1
    out.append(text[last:])
    return "".join(out)


def parse_hstore(text) -> Dict[str, str]:
    """``"key"=>"value","key2"=>"value2"`` (GDAL's OSM ``other_tags``, PostgreSQL hstore) as a dict, in one
    pass; ``\\"`` and ``\\\\`` inside quotes are unescaped. Pairs that are cut or malformed are skipped."""
    text = str(text or "")
    out: Dict[str, str] = {}
    n = len(text)
    i = 0
    while i < n:
        key, i = _quoted(text, i)
        if key is None:
            i = text.find('"', i + 1) if i < n else n
            if i < 0:
                break
            continue
        if not text.startswith("=>", i):
            continue
        value, j = _quoted(text, i + 2)
        if value is None:
            i += 2
            continue
        out[key] = value
        i = j
    return out


def _quoted(text: str, i: int) -> Tuple[Optional[str], int]:
    """(unescaped content, position after the closing quote) of the quoted string at ``i``; (None, i) when
    there is no quote at ``i``, (None, len) when the quote never closes."""
    if i >= len(text) or text[i] != '"':
        return None, i
    chars = []
    k = i + 1
    n = len(text)
    while k < n:
        ch = text[k]
        if ch == "\\" and k + 1 < n:
            chars.append(text[k + 1])
            k += 2
            continue
        if ch == '"':
            return "".join(chars), k + 1
        chars.append(ch)
        k += 1
    return None, n


def strip_tags(text: str) -> str:
    """HTML/XML tags replaced by a space (``<p>Erreur</p>`` → `` Erreur ``): a tag ends at the first ``>``,
    a ``<`` never closed is kept."""
    text = str(text)
    out = []
    last = 0
    while True:
        start = text.find("<", last)
        if start < 0:
            break
        end = text.find(">", start + 1)
        if end < 0:
            break
        out.append(text[last:start])
        out.append(" ")
        last = end + 1
    out.append(text[last:])
    return "".join(out)
