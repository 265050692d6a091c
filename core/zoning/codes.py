"""CNIG PLU / carte communale codes: zone families and readable labels.

Why a module of its own: the overlay, the compatibility rules, the QML styles and the GPU loader must
agree on what a ``TYPEZONE`` means, whatever the spelling real data use (``auc``, ``AUS``, legacy
``Ah`` / ``Nh`` / ``Nd``, a carte communale's ``TYPESECT`` ``01`` / ``02`` / ``03`` / ``99``). Labels
of the coded lists (TYPEPSC, TYPEINF, DestinationType, FORMDOMI, DESTDOMI) are read from CSV files in
``resources/zoning`` so that a new revision of the standard means editing a table, not the code.

Zone families (the five shares ``u_pct`` … ``n_pct`` of the overlay):

====================  ========  ==============================================================
input                 family    zone_type written
====================  ========  ==============================================================
TYPEZONE U            u         U  (LIBELLE ``ZURNU``, a PLUi zone under the RNU: none, ``RNU``)
TYPEZONE AUc          auc       AUc
TYPEZONE AUs          aus       AUs
TYPEZONE AU (no c/s)  aus       AUs  (non-standard; read as the stricter AUs, reported)
TYPEZONE A, Ah        a         A  (``Ah`` is a legacy code, reported)
TYPEZONE N, Nh, Nd    n         N  (legacy codes removed in 2017, still in GPU data, reported)
TYPESECT 01           u         ZC   secteur ouvert à la construction
TYPESECT 02           u         ZCa  secteur réservé aux activités
TYPESECT 03           n         ZnC  secteur non ouvert à la construction (sauf exceptions)
TYPESECT 99, RNU      none      RNU  not covered by the document: no share
====================  ========  ==============================================================

A carte communale has no agricultural / natural distinction and no "à urbaniser" zone: its open
sectors count as ``u`` (ZC and ZCa, both constructible; ZCa keeps its own zone_type so that rules can
single it out) and its closed sector as ``n`` (ZnC, where building is the exception, like an N zone).
Values written in any case, or the CNIG friches spellings (``ZC``, ``Zc``, ``ZCa``, ``ZnC``, ``RNU``),
are accepted in either field; an unreadable TYPEZONE falls back on LIBELLE (``UA`` → U, ``1AU`` →
AUc, ``2AU`` → AUs, ``A…`` → A, ``N…`` → N), reported as such.

Pure Python: no Qt, no QGIS.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..cnig_friches import fold
from ..encoding import read_text

#: "05-02", "5.2", "05 02": a prescription code and its sub-code written in one field (no ambiguous
#: quantifiers: linear time even on a long run of spaces).
_COMBINED_CODE = re.compile(r"^(\d{1,2})(?:\s*[-_./]\s*|\s+)(\d{1,2})$")

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources" / "zoning"
PRESCRIPTION_LABELS_PATH = RESOURCES / "prescription_labels.csv"
DESTINATION_LABELS_PATH = RESOURCES / "destination_labels.csv"

#: The five zone families, in the order of the output fields u_pct, auc_pct, aus_pct, a_pct, n_pct.
FAMILIES = ("u", "auc", "aus", "a", "n")
#: The standard's TYPEZONE spelling of each family.
FAMILY_TYPES = {"u": "U", "auc": "AUc", "aus": "AUs", "a": "A", "n": "N"}
#: Zone type written for a zone that is not covered by the document (RNU, TYPESECT 99, ZURNU).
NOT_COVERED = "RNU"

# Notes explaining how a value was read (codes: the adapters translate them).
NOTE_CASE = "case"  # the right code written in another case (auc, AUS, n)
NOTE_LEGACY = "legacy"  # Ah, Nh, Nd
NOTE_AU = "au_unqualified"  # AU without c / s: read as AUs
NOTE_FROM_LIBELLE = "from_libelle"  # TYPEZONE / TYPESECT empty or unknown: LIBELLE used
NOTE_CC_TEXT = "cc_text"  # TYPESECT written as words ("constructible", "non constructible")
NOTE_NOT_COVERED = "not_covered"  # RNU, 99, ZURNU
NOTE_UNKNOWN = "unknown"  # nothing readable

_TYPEZONE = {
    "u": ("u", "U", ""),
    "auc": ("auc", "AUc", ""),
    "aus": ("aus", "AUs", ""),
    "a": ("a", "A", ""),
    "n": ("n", "N", ""),
    "ah": ("a", "A", NOTE_LEGACY),
    "nh": ("n", "N", NOTE_LEGACY),
    "nd": ("n", "N", NOTE_LEGACY),
    "au": ("aus", "AUs", NOTE_AU),
    "zc": ("u", "ZC", ""),
    "zca": ("u", "ZCa", ""),
    "znc": ("n", "ZnC", ""),
    "rnu": (None, NOT_COVERED, NOTE_NOT_COVERED),
    "zurnu": (None, NOT_COVERED, NOTE_NOT_COVERED),
    "99": (None, NOT_COVERED, NOTE_NOT_COVERED),
}

_TYPESECT = {
    "01": ("u", "ZC"),
    "02": ("u", "ZCa"),
    "03": ("n", "ZnC"),
    "99": (None, NOT_COVERED),
}


@dataclass(frozen=True)
class ZoneClass:
    """How one zone was read: its family (None when not covered), the zone type written in the
    output, a note code (empty when the value followed the standard) and the raw value."""

    family: Optional[str]
    zone_type: str
    note: str = ""
    raw: str = ""

    @property
    def covered(self) -> bool:
        return self.family is not None


def _clean(value) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("", "null", "none", "nan") else text


def _from_libelle(libelle: str) -> Optional[ZoneClass]:
    """Zone type guessed from a zone's short name (UA, 1AUh, 2AU, Nh, ZCa…), or None."""
    key = fold(libelle).replace(" ", "")
    if not key:
        return None
    if key.startswith("zurnu") or key == "rnu":
        return ZoneClass(None, NOT_COVERED, NOTE_NOT_COVERED, libelle)
    if key in ("zc", "zca", "znc"):
        family, zone_type, _ = _TYPEZONE[key]
        return ZoneClass(family, zone_type, NOTE_FROM_LIBELLE, libelle)
    m = re.match(r"^([0-9]?)au(.*)$", key)
    if m:
        digit, rest = m.groups()
        if digit == "1" or (not digit and rest[:1] == "c"):
            return ZoneClass("auc", "AUc", NOTE_FROM_LIBELLE, libelle)
        return ZoneClass("aus", "AUs", NOTE_FROM_LIBELLE, libelle)
    for prefix, family in (("u", "u"), ("a", "a"), ("n", "n")):
        if key.startswith(prefix):
            return ZoneClass(family, FAMILY_TYPES[family], NOTE_FROM_LIBELLE, libelle)
    return None


@lru_cache(maxsize=4096)
def classify_typezone(typezone, libelle=None) -> ZoneClass:
    """A ZONE_URBA zone's family and type from TYPEZONE (any case, legacy codes), LIBELLE as a
    fallback. LIBELLE ``ZURNU`` marks a PLUi zone under the RNU (TYPEZONE ``U``): not covered."""
    raw = _clean(typezone)
    label = _clean(libelle)
    if fold(label).replace(" ", "") == "zurnu":
        return ZoneClass(None, NOT_COVERED, NOTE_NOT_COVERED, raw)
    hit = _TYPEZONE.get(fold(raw).replace(" ", ""))
    if hit is not None:
        family, zone_type, note = hit
        if not note and raw != zone_type:
            note = NOTE_CASE
        return ZoneClass(family, zone_type, note, raw)
    guessed = _from_libelle(label) or _from_libelle(raw)
    if guessed is not None:
        return ZoneClass(guessed.family, guessed.zone_type, guessed.note, raw)
    return ZoneClass(None, "", NOTE_UNKNOWN, raw)


@lru_cache(maxsize=4096)
def classify_sector(typesect, libelle=None) -> ZoneClass:
    """A carte communale sector's family and type from TYPESECT (01, 1, "01.0", or words), LIBELLE
    (ZC, ZCa, ZnC, RNU) as a fallback."""
    raw = _clean(typesect)
    key = fold(raw)
    digits = re.sub(r"\.0+$", "", key)
    if digits.isdigit():
        hit = _TYPESECT.get(digits.zfill(2))
        if hit is not None:
            family, zone_type = hit
            return ZoneClass(family, zone_type, NOTE_NOT_COVERED if family is None else "", raw)
    if key and not key.isdigit():
        if "activit" in key:
            return ZoneClass("u", "ZCa", NOTE_CC_TEXT, raw)
        if "non couvert" in key:
            return ZoneClass(None, NOT_COVERED, NOTE_NOT_COVERED, raw)
        if re.search(r"\b(non|inconstructible|interdit)", key):
            return ZoneClass("n", "ZnC", NOTE_CC_TEXT, raw)
        if "constructible" in key or "ouvert" in key:
            return ZoneClass("u", "ZC", NOTE_CC_TEXT, raw)
        hit = _TYPEZONE.get(key.replace(" ", ""))
        if hit is not None and hit[1] in ("ZC", "ZCa", "ZnC", NOT_COVERED):
            return ZoneClass(hit[0], hit[1], NOTE_CASE if raw != hit[1] else "", raw)
    label = _clean(libelle)
    lkey = fold(label).replace(" ", "")
    hit = _TYPEZONE.get(lkey)
    if hit is not None and hit[1] in ("ZC", "ZCa", "ZnC", NOT_COVERED):
        note = NOTE_NOT_COVERED if hit[0] is None else NOTE_FROM_LIBELLE
        return ZoneClass(hit[0], hit[1], note, raw)
    return ZoneClass(None, "", NOTE_UNKNOWN, raw)


# --------------------------------------------------------------------------------------------------
# Codes and labels
# --------------------------------------------------------------------------------------------------


def normalise_code(value, width: int = 2) -> str:
    """A CNIG code as the standard writes it: ``1``, ``1.0``, ``"01"`` → ``"01"`` (width 2);
    ``"101"`` → ``"0101"`` (width 4). Empty for None / NULL / blank; other text is kept stripped."""
    text = _clean(value)
    if not text:
        return ""
    text = re.sub(r"\.0+$", "", text)
    return text.zfill(width) if text.isdigit() else text


def split_code(typ, styp=None) -> tuple:
    """(code, subcode) of a prescription / information: ``("5", "2")`` → ``("05", "02")``; a combined
    ``"05-02"`` in the type field is split; a missing sub-code is ``"00"`` (the generic one)."""
    code = normalise_code(typ)
    sub = normalise_code(styp)
    if not sub:
        m = _COMBINED_CODE.match(code)
        if m:
            code, sub = m.group(1).zfill(2), m.group(2).zfill(2)
    return code, sub or "00"


def _read_table(path) -> list:
    """Rows (dicts) of a CSV whose leading ``#`` lines are comments, in UTF-8 or windows-1252 (a table
    edited in a French spreadsheet) or UTF-16 with its mark (see ``core.encoding``)."""
    text, _encoding = read_text(path)
    lines = [line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("#")]
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]


@cache
def prescription_labels(path: Optional[str] = None) -> dict:
    """``{(table, code, subcode): (label, short)}`` with table ``PSC`` or ``INF``."""
    out = {}
    for row in _read_table(path or PRESCRIPTION_LABELS_PATH):
        key = (row["table"].upper(), normalise_code(row["code"]), normalise_code(row.get("subcode")) or "00")
        out[key] = (row["label"], row.get("short") or row["label"])
    return out


def prescription_label(table: str, code, subcode=None, short: bool = True, path: Optional[str] = None) -> str:
    """Readable French label of a prescription (table ``PSC``) or information (``INF``) code.

    A sub-code missing from the table takes its code's generic label (sub-code 00); a code missing
    altogether reads ``prescription 12-34`` / ``information 12-34``."""
    code, sub = split_code(code, subcode)
    labels = prescription_labels(path)
    table = table.upper()
    hit = labels.get((table, code, sub)) or labels.get((table, code, "00"))
    if hit is None:
        word = "prescription" if table == "PSC" else "information"
        return f"{word} {code}-{sub}" if code else word
    return hit[1] if short else hit[0]


@cache
def destination_labels(path: Optional[str] = None) -> dict:
    """``{(table, code): label}`` with table DEST, FORMDOMI, DESTDOMI or TYPESECT."""
    out = {}
    for row in _read_table(path or DESTINATION_LABELS_PATH):
        table = row["table"].upper()
        width = 4 if table == "FORMDOMI" else 2
        out[(table, normalise_code(row["code"], width))] = row["label"]
    return out


def destination_label(code, table: str = "DEST") -> str:
    """Label of a DestinationType (DEST), FORMDOMI, DESTDOMI or TYPESECT code ('' when unknown)."""
    table = table.upper()
    return destination_labels().get((table, normalise_code(code, 4 if table == "FORMDOMI" else 2)), "")


def parse_destinations(value) -> tuple:
    """The DestinationType codes of a DESTOUI / DESTCDT / DESTNON value: ``"32-34-41"`` →
    ``("32", "34", "41")``. Separators ``-``, ``;``, ``,``, ``|``, ``/`` and spaces are accepted;
    tokens that are not 1- or 2-digit codes are ignored. Sorted, without duplicates."""
    text = _clean(value)
    if not text:
        return ()
    codes = set()
    for token in re.split(r"[-;,|/\s]+", text):
        token = re.sub(r"\.0+$", "", token.strip())
        if token.isdigit() and 1 <= len(token) <= 2:
            codes.add(token.zfill(2))
    return tuple(sorted(codes))


def parent_destination(code: str) -> str:
    """The destination a sub-destination belongs to: ``"53"`` → ``"50"`` (itself for ``"50"``, ``"99"``)."""
    code = normalise_code(code)
    if len(code) == 2 and code.isdigit() and code != "99":
        return code[0] + "0"
    return code


def describe_destinations(codes: Iterable[str]) -> str:
    """``"53 (bureau), 34 (activités de services…)"``: codes with their labels, for reasons."""
    parts = []
    for code in codes:
        label = destination_label(code)
        parts.append(f"{code} ({label})" if label else code)
    return ", ".join(parts)
