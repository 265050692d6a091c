"""The CNIG friches standard, read from the schema file shipped in resources.

Why a module of its own: the import algorithm, the validation and the dock panel's edit form must agree
on the same fields, coded values and patterns. They all read them from here, and this module reads them
from ``resources/cnig/friches_schema.json`` (CNIG, GT Friches, Etalab 2.0), so updating the standard
means replacing one file.

Pure Python: no Qt, no QGIS.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Optional

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "resources" / "cnig" / "friches_schema.json"
ALIASES_PATH = Path(__file__).resolve().parent.parent / "resources" / "cnig" / "field_aliases.json"

#: Separator of multi-valued fields in the standard.
MULTI_SEPARATOR = "|"

#: Fields the plugin adds to the standard's own, computed at import (never typed by hand).
#: ``site_surface`` is the site's area in m² (from the polygon when there is one, otherwise from
#: ``unite_fonciere_surface``), ``surface_source`` says which, ``import_notes`` keeps what the import
#: changed or doubted on the row (original values of replaced codes, swapped coordinates...).
EXTRA_FIELDS = ("site_surface", "surface_source", "has_polygon", "import_notes")

#: Geometry columns of the standard: they become the layer geometry, not attributes.
GEOMETRY_FIELDS = ("geompoint", "geomsurf")

#: Values every coded list accepts in the standard (codes 00 and 99 in the PDF).
CONVENTIONAL_VALUES = ("inconnu", "autre", "sans objet")

#: Name of the inventory layers inside the inventory GeoPackage.
INVENTORY_LAYER = "friches"
POLYGON_LAYER = "friches_emprises"


@dataclass(frozen=True)
class FieldSpec:
    """One field of the standard, as the schema describes it."""

    name: str
    type: str  # "string", "integer", "date"
    title: str = ""
    description: str = ""
    required: bool = False
    date_format: str = ""  # "%Y-%m-%d" or "%Y" for dates
    enum: tuple = ()
    pattern: str = ""
    multi_values: tuple = field(default=())  # allowed values of '|'-separated lists (bati_type...)

    @property
    def is_coded(self) -> bool:
        """True when the field takes values from a closed list (single or multi-valued)."""
        return bool(self.enum or self.multi_values)

    @property
    def allowed_values(self) -> tuple:
        return self.enum or self.multi_values


_MULTI_LIST_RE = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\(([^()]*)\)\)\+\$$")
#: The standard's other form of '|' list, ``(?:(?:^|\|)(ITEM|)\1+ITEM)+$``: a backreference meant to say
#: "items separated by |" (read on the schema file, never on user data).
_BACKREF_LIST_RE = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\((.*)\|\)\\1\+(.*)\)\+\$$")


def _multi_values_from_pattern(pattern: str) -> tuple:
    """Read the closed list out of a pattern such as ``(?:(?:^|\\|)(a|b|c))+$``."""
    m = _MULTI_LIST_RE.match(pattern or "")
    return tuple(m.group(1).split("|")) if m else ()


class PatternCheck:
    """A schema pattern as a linear-time check of user values (see ``core.linear_regex``).

    The standard writes its '|'-separated lists as one regular expression over the whole value, which
    Python's ``re`` matches by backtracking (time doubling with every item when the last one is wrong).
    Here a list pattern, in either of its two forms (``(?:(?:^|\\|)(a|b))+$`` and the backreference form
    ``(?:(?:^|\\|)(ITEM|)\\1+ITEM)+$``), is split on ``|`` and each item is matched alone against ITEM;
    every other pattern is compiled whole. The backreference form also matched a run of several ITEM
    written without separator ("A1aA1aB2b"); nobody means that, and it is not accepted here.
    """

    def __init__(self, pattern: str):
        from .linear_regex import compile_linear

        self.pattern = pattern
        item = None
        m = _BACKREF_LIST_RE.match(pattern)
        if m and m.group(1) == m.group(2):
            item = m.group(1)
        else:
            m = _MULTI_LIST_RE.match(pattern)
            if m:
                item = m.group(1)
        self.is_list = item is not None
        self._automaton = compile_linear(item if self.is_list else pattern)

    def matches(self, text: str) -> bool:
        text = str(text)
        if self.is_list:
            return all(self._automaton.fullmatch(part) for part in text.split(MULTI_SEPARATOR))
        return self._automaton.fullmatch(text)


@cache
def pattern_check(pattern: str) -> PatternCheck:
    """The compiled check of a schema pattern (cached); ``PatternError`` for a pattern that cannot be
    checked in linear time (a new construct in a future version of the schema)."""
    return PatternCheck(pattern)


def matches_pattern(spec: FieldSpec, value) -> bool:
    """True when ``value`` follows the pattern of ``spec`` (or when the field has none), in linear time."""
    if not spec.pattern:
        return True
    return pattern_check(spec.pattern).matches(str(value))


@cache
def load_schema(path: Optional[str] = None) -> dict:
    """The raw Frictionless schema as a dict."""
    with open(path or SCHEMA_PATH, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def fields() -> tuple:
    """Every field of the standard, in the schema's order, as :class:`FieldSpec`."""
    specs = []
    for raw in load_schema()["fields"]:
        cons = raw.get("constraints", {})
        pattern = cons.get("pattern", "")
        specs.append(
            FieldSpec(
                name=raw["name"],
                type=raw.get("type", "string"),
                title=raw.get("title", ""),
                description=raw.get("description", ""),
                required=bool(cons.get("required", False)),
                date_format=raw.get("format", "") if raw.get("type") == "date" else "",
                enum=tuple(cons.get("enum", ())),
                pattern=pattern,
                multi_values=_multi_values_from_pattern(pattern),
            )
        )
    return tuple(specs)


def field_spec(name: str) -> FieldSpec:
    for spec in fields():
        if spec.name == name:
            return spec
    raise KeyError(name)


def field_names() -> tuple:
    return tuple(spec.name for spec in fields())


def attribute_fields() -> tuple:
    """The standard's fields that are stored as attributes (all but the WKT geometry columns)."""
    return tuple(spec for spec in fields() if spec.name not in GEOMETRY_FIELDS)


def required_fields() -> tuple:
    return tuple(spec.name for spec in fields() if spec.required)


def coded_fields() -> tuple:
    return tuple(spec for spec in fields() if spec.is_coded)


def missing_values() -> tuple:
    return tuple(load_schema().get("missingValues", ["", "NA", "NaN", "N/A"]))


def schema_version() -> str:
    return str(load_schema().get("version", ""))


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and spaces normalised: the key used to match a
    typed value to the standard's list ("Friche Ferroviaire", "friche  ferroviaire", "FRICHE
    D’HABITAT" all match)."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("`", "'").lower()
    return re.sub(r"\s+", " ", text).strip()


@cache
def _folded_lookup(name: str) -> dict:
    return {fold(v): v for v in field_spec(name).allowed_values}


def canonical_value(name: str, value: str) -> Optional[str]:
    """The standard's spelling of ``value`` for coded field ``name``, or None when it is not in the
    list. Multi-valued fields are matched item by item and rejoined with ``|``."""
    spec = field_spec(name)
    lookup = _folded_lookup(name)
    if spec.multi_values:
        items = str(value).split(MULTI_SEPARATOR)
        out = []
        for item in items:
            hit = lookup.get(fold(item))
            if hit is None:
                return None
            out.append(hit)
        return MULTI_SEPARATOR.join(out)
    return lookup.get(fold(value))


@cache
def field_aliases() -> dict:
    """Known other names of each field (SHP short names, Cartofriches v1 names), folded to lower case:
    ``{"siteid": "site_id", "site_numero": "site_id", ...}``."""
    if not ALIASES_PATH.exists():
        return {}
    with open(ALIASES_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)
    out = {}
    for target, names in raw.get("aliases", {}).items():
        for alias in names:
            out[fold(alias)] = target
    return out
