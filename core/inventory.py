"""Reading a friches inventory into the CNIG standard: field matching, value checks, geometry, ids,
duplicates and the merge rule of the inventory GeoPackage.

Why a module of its own: ``friches:import_inventory`` and the dock panel both need the same rules (what
is a valid code, which value wins when a site is imported again), and a planner who questions a result
should find every rule here, in plain Python, apart from the QGIS plumbing. The Processing algorithm only
turns QGIS features into plain dicts and shapely geometries, calls this module and writes what it returns.

Nothing is translated here: every problem is an :class:`Issue` with a machine-readable ``code`` and its
``params``; the QGIS side turns them into translated sentences for the report and the log.

Pure Python: the standard library and shapely; no Qt, no QGIS.

Overview of an import (see :class:`InventoryImport`)::

    imp = InventoryImport(match_fields(source_field_names, parse_field_mapping("site_nom=NOM")))
    for each input feature: imp.add_row(row, fid, {source field: value}, layer_geometry_or_None)
    imp.columns_look_like_degrees()          # guess the CRS of WKT / coordinate columns
    imp.orient(layer_geographic=..., columns_geographic=...)   # latitude-first WKT swapped
    imp.reproject({"layer": f, "columns": g})  # the caller's transforms, shapely -> shapely
    imp.finalise()                            # validity, point, surfaces, site_id, duplicates
    imp.rows                                  # SiteRow: values, point, polygon, issues, rejected
"""

from __future__ import annotations

import ast
import datetime as _dt
import hashlib
import math
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from . import cnig_friches as cnig
from .progress import NullProgress, Progress

# --------------------------------------------------------------------------------------------------
# Constants (documented in the algorithm's help)
# --------------------------------------------------------------------------------------------------

#: Severity of a report line: the row is rejected / kept but changed or doubtful / for information.
ERROR, WARNING, INFO = "error", "warning", "info"

#: Machine-readable actions (translated by the algorithm).
KEPT = "kept"
REJECTED = "rejected"
REPLACED_INCONNU = "replaced_inconnu"
SET_INCONNU = "set_inconnu"
SET_NULL = "set_null"
FILLED = "filled"
NORMALISED = "normalised"
REPAIRED = "repaired"
SWAPPED = "swapped"
IGNORED = "ignored"
POINT_ONLY = "point_only"
GENERATED = "generated"
INVENTORY_KEPT = "inventory_kept"
INVENTORY_UPDATED = "inventory_updated"

#: Targets of the field mapping besides the CNIG fields: coordinate columns and Cartofriches' surface.
COORD_TARGETS = ("x", "y")
EXTRA_SOURCE_TARGETS = ("site_surface",)

#: Column names recognised as coordinates, in order of preference (compared case-insensitively).
X_NAMES = ("x", "lon", "long", "lng", "longitude")
Y_NAMES = ("y", "lat", "latitude")

#: Required fields that take the conventional value "inconnu" when empty (the standard lists it).
FILL_INCONNU = ("site_type", "urba_zaer")

#: A point farther than this from its own polygon is not trusted (metres, in the target CRS).
POINT_NEAR_POLYGON_M = 50.0
#: Two representative points closer than this are flagged as a possible duplicate (metres).
DUPLICATE_DISTANCE_M = 1.0
#: Two polygons sharing more than this share of the smaller one are flagged as a possible duplicate.
DUPLICATE_OVERLAP = 0.5

#: Integer fields are written as 32-bit integers (the inventory's and the shapefile's type): a value
#: outside this range (a surface typed with 23 digits) is reported and set to NULL, not written.
INTEGER_RANGE = (-(2**31), 2**31 - 1)

#: Placeholder INSEE code for generated ids when ``comm_insee`` is missing.
UNKNOWN_INSEE = "00000"
#: Marker of generated ids: ``<comm_insee>_FTL<8 hex digits>``.
GENERATED_ID_MARK = "FTL"

#: Bounding boxes (lon_min, lat_min, lon_max, lat_max) of France's territories, in degrees, used to
#: recognise WKT written latitude first (the standard's own example writes ``POINT(49.25 3.98)``).
FRANCE_BOXES = (
    (-5.8, 41.0, 10.0, 51.6),  # metropolitan France and Corsica
    (-63.2, 14.3, -60.7, 18.2),  # Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
    (-54.7, 2.0, -51.5, 6.0),  # Guyane
    (55.1, -21.5, 56.0, -20.8),  # La Réunion
    (44.9, -13.1, 45.4, -12.5),  # Mayotte
    (-56.6, 46.7, -56.0, 47.2),  # Saint-Pierre-et-Miquelon
)

#: Legacy zone types still found in data (sparte ``standardize_zonage_type``): unambiguous parents.
LEGACY_ZONE_TYPES = {"ah": "A", "nh": "N", "nd": "N"}

_INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_SITE_ID_RE = re.compile(r"^(\d{5}|2[AB]\d{3})_\S+$", re.IGNORECASE)

#: One item of the patterned lists, with how to fix its case.
_ITEM_PATTERNS = {
    "activite_code": (re.compile(r"^[A-Z]\d\d\.\d\d[A-Z]$", re.IGNORECASE), str.upper),
    "proprio_type": (re.compile(r"^[A-Z]\d[a-z]$", re.IGNORECASE), lambda s: s[0].upper() + s[1] + s[2].lower()),
    "unite_fonciere_refcad": (re.compile(r"^[0-9A-B]{2}\d{6}[0-9A-Z]{2}\d{4}$", re.IGNORECASE), str.upper),
}


# --------------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------------


@dataclass
class Issue:
    """One problem found on a row, or one decision taken about it.

    ``code`` names the reason (``unknown_code``, ``bad_date``...), ``params`` its details; ``action``
    says what the import did. ``note`` marks the issues also written to the row's ``import_notes``.
    """

    severity: str
    code: str
    field: str = ""
    value: Any = None
    action: str = KEPT
    params: Dict[str, Any] = dc_field(default_factory=dict)
    note: bool = False


class InventoryError(Exception):
    """A problem that stops the import (bad field mapping...), with a code and params to translate."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


# --------------------------------------------------------------------------------------------------
# Field matching
# --------------------------------------------------------------------------------------------------


def mapping_targets() -> tuple:
    """Every name the field mapping accepts on its left side."""
    return cnig.field_names() + COORD_TARGETS + EXTRA_SOURCE_TARGETS


def parse_field_mapping(text: Optional[str]) -> Dict[str, str]:
    """``"site_nom=NOM;site_type=TYPE"`` → ``{"site_nom": "NOM", "site_type": "TYPE"}``.

    Entries are separated by ``;`` or new lines. Targets are CNIG field names (case-insensitive), or
    ``x`` / ``y`` (``lon`` / ``lat`` accepted) for coordinate columns. Raises :class:`InventoryError`
    (``mapping_syntax``, ``mapping_unknown_target``, ``mapping_duplicate_target``).
    """
    out: Dict[str, str] = {}
    if not text:
        return out
    targets = {t.lower(): t for t in mapping_targets()}
    targets.update({"lon": "x", "longitude": "x", "lat": "y", "latitude": "y"})
    for entry in re.split(r"[;\n]+", str(text)):
        entry = entry.strip()
        if not entry:
            continue
        if "=" not in entry:
            raise InventoryError("mapping_syntax", entry=entry)
        target, source = (part.strip() for part in entry.split("=", 1))
        if not target or not source:
            raise InventoryError("mapping_syntax", entry=entry)
        key = targets.get(target.lower())
        if key is None:
            raise InventoryError("mapping_unknown_target", target=target)
        if key in out:
            raise InventoryError("mapping_duplicate_target", target=key)
        out[key] = source
    return out


@dataclass
class FieldMatch:
    """Which source field feeds each target (CNIG field, ``x``/``y``, ``site_surface``)."""

    columns: Dict[str, str]
    unmatched: List[str] = dc_field(default_factory=list)
    how: Dict[str, str] = dc_field(default_factory=dict)  # target -> "mapping" | "name" | "alias" | "coordinates"

    def source(self, target: str) -> Optional[str]:
        return self.columns.get(target)

    @property
    def has_geometry_columns(self) -> bool:
        wkt = any(t in self.columns for t in ("geompoint", "geomsurf"))
        return wkt or ("x" in self.columns and "y" in self.columns)


def match_fields(source_names: Iterable[str], mapping: Optional[Dict[str, str]] = None) -> FieldMatch:
    """Match the input's fields to the standard: the explicit mapping first, then exact CNIG names
    (case-insensitive), then the known aliases (SHP short names, Cartofriches names), then coordinate
    columns. A source field feeds one target only. Raises ``mapping_missing_source`` when a mapped
    source field does not exist."""
    names = list(source_names)
    by_lower: Dict[str, List[str]] = {}
    for name in names:
        by_lower.setdefault(name.lower(), []).append(name)
    used = set()
    columns: Dict[str, str] = {}
    how: Dict[str, str] = {}

    for target, source in (mapping or {}).items():
        if source in names:
            hit = source
        elif len(by_lower.get(source.lower(), [])) == 1:
            hit = by_lower[source.lower()][0]
        else:
            raise InventoryError("mapping_missing_source", target=target, source=source)
        columns[target] = hit
        how[target] = "mapping"
        used.add(hit)

    targets = cnig.field_names() + EXTRA_SOURCE_TARGETS
    for target in targets:
        if target in columns:
            continue
        for name in by_lower.get(target.lower(), []):
            if name not in used:
                columns[target] = name
                how[target] = "name"
                used.add(name)
                break

    aliases = cnig.field_aliases()
    for name in names:
        if name in used:
            continue
        target = aliases.get(cnig.fold(name))
        if target and target not in columns:
            columns[target] = name
            how[target] = "alias"
            used.add(name)

    if "x" not in columns or "y" not in columns:
        free = [n for n in names if n not in used]
        xs = [n for cand in X_NAMES for n in free if n.lower() == cand]
        ys = [n for cand in Y_NAMES for n in free if n.lower() == cand]
        if "x" not in columns and xs and ("y" in columns or ys):
            columns["x"] = xs[0]
            how["x"] = "coordinates"
            used.add(xs[0])
        if "y" not in columns and ys and "x" in columns:
            columns["y"] = ys[0]
            how["y"] = "coordinates"
            used.add(ys[0])

    unmatched = [n for n in names if n not in used]
    return FieldMatch(columns=columns, unmatched=unmatched, how=how)


# --------------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------------


def is_missing(value: Any) -> bool:
    """True for None, NaN and the standard's missing values ("", "NA", "NaN", "N/A")."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        text = value.strip()
        return text == "" or text in cnig.missing_values()
    return False


def _text(value: Any) -> str:
    """A value as text: integral floats lose their ``.0`` (a numeric column read as double)."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%Y", "%Y%m%d")


#: Values quoted in the report and in ``import_notes`` are cut to this many characters.
QUOTED_VALUE_CHARS = 120


def _short_value(value: Any) -> str:
    """A value as quoted in the report: cut with "…" beyond :data:`QUOTED_VALUE_CHARS` characters."""
    text = str(value)
    return text if len(text) <= QUOTED_VALUE_CHARS else text[:QUOTED_VALUE_CHARS] + "…"


def parse_date(value: Any) -> Optional[_dt.date]:
    """A date from a date, a datetime or a string: ``YYYY-MM-DD``, ``DD/MM/YYYY`` (day first, the
    French way), ``YYYY/MM/DD``, ``DD-MM-YYYY``, ``DD.MM.YYYY``, ``YYYYMMDD`` or an ISO date-time
    (``2019-06-23T10:00:00Z``). None when it cannot be read."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = _text(value)
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}", text)
    if m:
        text = m.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_year(value: Any) -> Optional[int]:
    """A year (``%Y`` fields) from an integer, ``"1989"``, ``1989.0`` or a full date."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        year = value.year
        return year if 1000 <= year <= 2200 else None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        year = int(value)
    else:
        text = _text(value)
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
        else:
            date = parse_date(text)
            if date is None:
                return None
            year = date.year
    return year if 1000 <= year <= 2200 else None


def parse_integer(value: Any) -> Tuple[Optional[int], bool]:
    """(integer, rounded) from an int, a float or a string with spaces or a decimal comma."""
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int):
        return value, False
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None, False
        return int(round(value)), not value.is_integer()
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None, False
    if math.isnan(number) or math.isinf(number):
        return None, False
    return int(round(number)), not number.is_integer()


def parse_float(value: Any) -> Optional[float]:
    """A float from a number or a string with a decimal comma; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return None if math.isnan(number) or math.isinf(number) else number


def _unlist(text: str) -> str:
    """Undo list serialisations: ``"['a', 'b']"`` → ``a|b``; a string split into characters
    ``"['{','F','6','c','}']"`` → ``{F6c}`` → ``F6c``; a PostgreSQL array ``{a,b}`` → ``a|b``."""
    s = text.strip()
    if s.startswith("[") and s.endswith("]"):
        try:
            items = ast.literal_eval(s)
        except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):  # not a list literal
            items = None
        if isinstance(items, (list, tuple)):
            items = [str(i).strip() for i in items if str(i).strip()]
            if len(items) > 1 and all(len(i) == 1 for i in items):
                s = "".join(items)
            else:
                s = cnig.MULTI_SEPARATOR.join(items)
    if s.startswith("{") and s.endswith("}"):
        s = cnig.MULTI_SEPARATOR.join(p.strip().strip('"').strip() for p in s[1:-1].split(",") if p.strip())
    return s


def repair_patterned(name: str, text: str) -> str:
    """The unambiguous repair of a patterned value (never checked here: the caller checks the result).

    Cartofriches list strings, PostgreSQL arrays and split characters are undone; list items separated
    by ``,`` or ``;`` become ``|`` lists for code fields; spaces around ``|`` go; codes get the case the
    pattern expects; several URLs separated by spaces or ``;`` become a ``|`` list (``site_url``)."""
    s = text.strip()
    if name in _ITEM_PATTERNS:
        s = _unlist(s)
        items = [p.strip() for p in re.split(r"[|,;]", s) if p.strip()]
        regex, fix = _ITEM_PATTERNS[name]
        items = [fix(i) if regex.match(i) else i for i in items]
        return cnig.MULTI_SEPARATOR.join(items)
    if name == "site_url":
        parts = [p for p in re.split(r"[|;\s]+", s) if p]
        return cnig.MULTI_SEPARATOR.join(parts)
    if name == "desserte_distance":
        return _tidy_list(s)
    return s


def _pattern_ok(spec, text: str) -> bool:
    return cnig.matches_pattern(spec, text)


def _tidy_list(text: str) -> str:
    """Spaces around the ``|`` of a list removed (``a | b`` → ``a|b``): split and stripped, not a regular
    expression (``\\s*\\|\\s*`` searched over a long run of spaces takes quadratic time)."""
    parts = text.split(cnig.MULTI_SEPARATOR)
    if len(parts) == 1:
        return text
    last = len(parts) - 1
    return cnig.MULTI_SEPARATOR.join(
        (p.rstrip() if k == 0 else p.lstrip() if k == last else p.strip()) for k, p in enumerate(parts))


class ValueChecker:
    """Checks and normalises the attribute values of one row against the standard."""

    def __init__(self):
        self.specs = {spec.name: spec for spec in cnig.attribute_fields()}

    def normalise(self, raw: Dict[str, Any], issues: List[Issue]) -> Dict[str, Any]:
        """Values of one row, keyed by CNIG name, in the standard's types: text, ``int``,
        ``datetime.date`` (full dates) or ``int`` (years). Problems are appended to ``issues``."""
        out: Dict[str, Any] = {}
        for name, spec in self.specs.items():
            value = raw.get(name)
            if is_missing(value):
                out[name] = None
                continue
            out[name] = self._one(spec, value, issues)
        self._cross_checks(out, issues)
        self._required(out, issues)
        return out

    # -- one value ---------------------------------------------------------------------------------
    def _one(self, spec, value, issues):
        name = spec.name
        if spec.type == "date" and spec.date_format == "%Y":
            year = parse_year(value)
            if year is None:
                issues.append(Issue(WARNING, "bad_year", name, value, SET_NULL, note=True))
            return year
        if spec.type == "date":
            date = parse_date(value)
            if date is None:
                issues.append(Issue(WARNING, "bad_date", name, value, SET_NULL, note=True))
            return date
        if spec.type == "integer":
            number, rounded = parse_integer(value)
            if number is None:
                issues.append(Issue(WARNING, "bad_integer", name, value, SET_NULL, note=True))
            elif not INTEGER_RANGE[0] <= number <= INTEGER_RANGE[1]:
                issues.append(Issue(WARNING, "integer_out_of_range", name, _short_value(value), SET_NULL,
                                    {"min": INTEGER_RANGE[0], "max": INTEGER_RANGE[1]}, note=True))
                return None
            elif rounded:
                issues.append(Issue(INFO, "rounded", name, value, NORMALISED, {"new": number}))
            return number
        text = _text(value)
        if name == "comm_insee":
            return self._insee(text, value, issues)
        if name == "urba_zone_formdomi" and re.fullmatch(r"\d{3}", text):
            issues.append(Issue(INFO, "zero_padded", name, value, NORMALISED, {"new": "0" + text}))
            return "0" + text
        if name == "proprio_nom" and text.startswith("[") and text.endswith("]"):
            fixed = _unlist(text)
            if fixed != text:
                issues.append(Issue(INFO, "repaired_format", name, value, REPAIRED, {"new": fixed}, note=True))
            return fixed
        if spec.is_coded:
            return self._coded(spec, text, value, issues)
        if spec.pattern:
            return self._patterned(spec, text, value, issues)
        return text

    def _insee(self, text, value, issues):
        if re.fullmatch(r"\d{4}", text):
            issues.append(Issue(INFO, "zero_padded", "comm_insee", value, NORMALISED, {"new": "0" + text}, note=True))
            return "0" + text
        if _INSEE_RE.match(text):
            return text.upper()
        issues.append(Issue(WARNING, "bad_insee", "comm_insee", value, KEPT, note=True))
        return text

    def _coded(self, spec, text, value, issues):
        name = spec.name
        if name == "urba_zone_type" and cnig.fold(text) in LEGACY_ZONE_TYPES:
            new = LEGACY_ZONE_TYPES[cnig.fold(text)]
            issues.append(Issue(INFO, "legacy_code", name, value, NORMALISED, {"new": new}, note=True))
            return new
        candidate = text
        if spec.multi_values:
            candidate = _tidy_list(_unlist(text))
        canon = cnig.canonical_value(name, candidate)
        if canon is None:
            issues.append(Issue(WARNING, "unknown_code", name, value, REPLACED_INCONNU, note=True))
            return "inconnu"
        if canon != text:
            issues.append(Issue(INFO, "normalised_code", name, value, NORMALISED, {"new": canon}))
        return canon

    def _patterned(self, spec, text, value, issues):
        name = spec.name
        if _pattern_ok(spec, text):
            return text
        fixed = repair_patterned(name, text)
        if fixed != text and fixed and _pattern_ok(spec, fixed):
            issues.append(Issue(INFO, "repaired_format", name, value, REPAIRED, {"new": fixed}, note=True))
            return fixed
        issues.append(Issue(WARNING, "bad_pattern", name, value, KEPT, note=True))
        return text

    # -- whole row ---------------------------------------------------------------------------------
    def _cross_checks(self, out, issues):
        identif, actu = out.get("site_identif_date"), out.get("site_actu_date")
        if identif and actu and actu < identif:
            issues.append(
                Issue(WARNING, "actu_before_identif", "site_actu_date", actu.isoformat(), KEPT,
                      {"actu": actu.isoformat(), "identif": identif.isoformat()}, note=True)
            )

    def _required(self, out, issues):
        already = {i.field for i in issues if i.severity == WARNING}  # e.g. an unreadable date set to NULL
        for name in cnig.required_fields():
            if name in cnig.GEOMETRY_FIELDS or name == "site_id" or out.get(name) not in (None, ""):
                continue
            if name in already:
                continue
            if name in FILL_INCONNU:
                out[name] = "inconnu"
                issues.append(Issue(WARNING, "missing_required", name, None, SET_INCONNU, {"new": "inconnu"},
                                    note=True))
            elif name == "comm_insee" and out.get("site_id") and _SITE_ID_RE.match(str(out["site_id"])):
                out[name] = str(out["site_id"])[:5].upper()
                issues.append(Issue(WARNING, "insee_from_site_id", name, None, FILLED, {"new": out[name]}, note=True))
            else:
                issues.append(Issue(WARNING, "missing_required", name, None, KEPT, note=True))


# --------------------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------------------


def _shapely():
    import shapely  # late import: dependencies.py reports a missing shapely

    return shapely


def parse_wkt(text: Any):
    """A 2D shapely geometry from WKT or EWKT (``SRID=2154;POINT(...)``); None when empty.
    Raises ``ValueError`` with GEOS's message when the text is not WKT (e.g. cut short with ``...``)."""
    if is_missing(text):
        return None
    shapely = _shapely()
    s = str(text).strip()
    s = re.sub(r"^SRID=\d+;", "", s, flags=re.IGNORECASE)
    try:
        geom = shapely.from_wkt(s)
    except Exception as exc:  # shapely.errors.GEOSException
        raise ValueError(str(exc).splitlines()[0] if str(exc) else "invalid WKT") from exc
    if geom is None or geom.is_empty:
        return None
    return shapely.force_2d(geom)


def has_finite_coordinates(geom) -> bool:
    """False when a coordinate is NaN or infinite ("POINT (2.35 nan)", "1e400"): such a geometry would be
    a point at infinity, and GEOS fails on it in every later operation."""
    import numpy as np

    return bool(np.isfinite(_shapely().get_coordinates(geom)).all())


def geometry_kind(geom) -> str:
    """'point', 'polygon' or 'other'."""
    t = geom.geom_type
    if t in ("Point", "MultiPoint"):
        return "point"
    if t in ("Polygon", "MultiPolygon"):
        return "polygon"
    if t == "GeometryCollection":
        kinds = {geometry_kind(g) for g in geom.geoms}
        return kinds.pop() if len(kinds) == 1 else "other"
    return "other"


def _in_france(x: float, y: float) -> bool:
    return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in FRANCE_BOXES)


def _probe_point(geom) -> Tuple[float, float]:
    minx, miny, maxx, maxy = geom.bounds
    return (minx + maxx) / 2.0, (miny + maxy) / 2.0


def latitude_first(geom) -> bool:
    """True when a geometry in degrees is in none of France's territories as written, but is in one
    with its axes swapped: it was written ``lat lon`` (like the standard's ``POINT(49.25 3.98)``)."""
    x, y = _probe_point(geom)
    return not _in_france(x, y) and _in_france(y, x)


def swap_axes(geom):
    shapely = _shapely()
    return shapely.transform(geom, lambda coords: coords[:, ::-1])


def looks_like_degrees(geoms: Iterable) -> Optional[bool]:
    """True when every coordinate fits in ±180 (degrees), False when some don't (metres), None when
    there is no geometry to judge."""
    seen = False
    for geom in geoms:
        if geom is None or geom.is_empty:
            continue
        seen = True
        minx, miny, maxx, maxy = geom.bounds
        if max(abs(minx), abs(miny), abs(maxx), abs(maxy)) > 180.0:
            return False
    return True if seen else None


def as_multipolygon(geom):
    """Polygonal parts of ``geom`` as a MultiPolygon (None when there are none)."""
    shapely = _shapely()
    from shapely.geometry import MultiPolygon, Polygon

    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    if isinstance(geom, MultiPolygon):
        return geom
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, (Polygon, MultiPolygon))]
    polys = []
    for part in parts:
        polys.extend(part.geoms if isinstance(part, MultiPolygon) else [part])
    polys = [p for p in polys if not p.is_empty and p.area > 0]
    return MultiPolygon(polys) if polys else None


def repair_polygon(geom):
    """(valid MultiPolygon or None, reason or None): ``make_valid`` keeping the polygonal parts. A polygon
    GEOS cannot even repair gives (None, GEOS's message)."""
    shapely = _shapely()
    if geom is None:
        return None, None
    try:
        if geom.is_valid:
            return as_multipolygon(geom), None
        reason = shapely.is_valid_reason(geom)
        return as_multipolygon(shapely.make_valid(geom)), reason
    except shapely.errors.GEOSException as exc:
        return None, str(exc).splitlines()[0] if str(exc) else "GEOS error"


# --------------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------------


@dataclass
class SiteRow:
    """One input row on its way into the inventory.

    ``point`` / ``polygon`` are shapely geometries; until :meth:`InventoryImport.reproject` they are in
    their source CRS, named by ``point_crs`` / ``polygon_crs`` ("layer" or "columns").
    """

    row: int
    fid: Any
    values: Dict[str, Any] = dc_field(default_factory=dict)
    point: Any = None
    polygon: Any = None
    point_crs: str = ""
    polygon_crs: str = ""
    point_from: str = ""  # which source gave the point: "geometry", "geompoint", "x/y", "polygon"
    polygon_from: str = ""  # "geometry" (the layer's) or "geomsurf"
    issues: List[Issue] = dc_field(default_factory=list)
    rejected: bool = False
    declared_surface: Optional[float] = None

    @property
    def site_id(self) -> Optional[str]:
        return self.values.get("site_id")

    @property
    def site_nom(self) -> Optional[str]:
        return self.values.get("site_nom")

    def reject(self, code: str, field_name: str = "", value: Any = None, **params) -> None:
        """Reject the row: exactly one error issue per rejected row."""
        if self.rejected:
            return
        self.rejected = True
        self.issues.append(Issue(ERROR, code, field_name, value, REJECTED, params))

    def add(self, issue: Issue) -> None:
        self.issues.append(issue)

    def warnings(self) -> List[Issue]:
        return [i for i in self.issues if i.severity == WARNING]


def stable_site_id(site_nom: Optional[str], insee: Optional[str], x: float, y: float) -> str:
    """``<comm_insee>_FTL<8 hex>`` from the folded name, the commune and the point rounded to 1 m:
    the same site imported again gets the same id."""
    insee = (insee or UNKNOWN_INSEE).strip() or UNKNOWN_INSEE
    key = "|".join((cnig.fold(site_nom or ""), insee, str(int(round(x))), str(int(round(y)))))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{insee}_{GENERATED_ID_MARK}{digest}"


class InventoryImport:
    """The import of one input, row by row then as a whole (see the module docstring)."""

    def __init__(self, match: FieldMatch):
        self.match = match
        self.checker = ValueChecker()
        self.rows: List[SiteRow] = []

    # -- pass 1: read --------------------------------------------------------------------------------
    def add_row(self, row: int, fid: Any, attributes: Dict[str, Any], layer_geometry=None,
                layer_crs: str = "layer") -> SiteRow:
        """Read one input row: ``attributes`` keyed by source field name, ``layer_geometry`` a shapely
        geometry in the layer's CRS (or None). ``layer_crs="columns"`` when the layer has no CRS of its
        own: its geometry is then read like the WKT columns (guessed or given CRS)."""
        r = SiteRow(row=row, fid=fid)
        raw = {target: attributes.get(source) for target, source in self.match.columns.items()}
        r.values = self.checker.normalise(raw, r.issues)
        if "site_surface" in raw and not is_missing(raw["site_surface"]):
            r.declared_surface = parse_float(raw["site_surface"])
        self._read_geometry(r, raw, layer_geometry, layer_crs)
        if r.point is None and r.polygon is None:
            r.reject("no_geometry")
        self.rows.append(r)
        return r

    def _read_geometry(self, r: SiteRow, raw: Dict[str, Any], layer_geometry, layer_crs: str) -> None:
        if layer_geometry is not None and not layer_geometry.is_empty:
            self._take(r, layer_geometry, layer_crs, "geometry")
        for name in ("geomsurf", "geompoint"):
            if is_missing(raw.get(name)):
                continue
            try:
                geom = parse_wkt(raw[name])
            except ValueError as exc:
                text = str(raw[name])
                action = POINT_ONLY if name == "geomsurf" else IGNORED
                r.add(Issue(WARNING, "bad_wkt", name, text[:120], action, {"error": str(exc)}, note=True))
                continue
            if geom is not None:
                self._take(r, geom, "columns", name)
        if r.point is None and "x" in raw and "y" in raw and not (is_missing(raw["x"]) and is_missing(raw["y"])):
            x = parse_float(raw["x"]) if not is_missing(raw["x"]) else None
            y = parse_float(raw["y"]) if not is_missing(raw["y"]) else None
            if x is None or y is None:
                r.add(Issue(WARNING, "bad_coordinates", "x/y", f"{raw['x']} {raw['y']}", IGNORED, note=True))
            else:
                from shapely.geometry import Point

                r.point, r.point_crs, r.point_from = Point(x, y), "columns", "x/y"
        # the note "row kept as a point only" only makes sense when the row is indeed kept
        if r.polygon is not None or r.point is None:
            for issue in r.issues:
                if issue.code == "bad_wkt" and issue.action == POINT_ONLY:
                    issue.action = IGNORED

    def _take(self, r: SiteRow, geom, crs_tag: str, source: str) -> None:
        if not has_finite_coordinates(geom):
            r.add(Issue(WARNING, "non_finite_coordinates", source, _short_value(geom.wkt), IGNORED, note=True))
            return
        kind = geometry_kind(geom)
        if kind == "polygon":
            if r.polygon is None:
                r.polygon, r.polygon_crs, r.polygon_from = geom, crs_tag, source
        elif kind == "point":
            if r.point is None:
                if geom.geom_type != "Point":  # MultiPoint, or a collection of points
                    parts = list(geom.geoms)
                    if len(parts) > 1:
                        r.add(Issue(INFO, "multipoint", source, geom.wkt[:120], NORMALISED))
                    geom = geom.centroid if len(parts) > 1 else parts[0]
                r.point, r.point_crs, r.point_from = geom, crs_tag, source
        else:
            r.add(Issue(WARNING, "unsupported_geometry", source, geom.geom_type, IGNORED, {"type": geom.geom_type},
                        note=True))

    # -- pass 2: CRS of the columns and axis order ------------------------------------------------------
    def columns_look_like_degrees(self) -> Optional[bool]:
        """Guess for WKT / coordinate columns: True (degrees), False (metres), None (no such geometry)."""
        geoms = []
        for r in self.rows:
            if r.point_crs == "columns":
                geoms.append(r.point)
            if r.polygon_crs == "columns":
                geoms.append(r.polygon)
        return looks_like_degrees(geoms)

    def orient(self, layer_geographic: bool = False, columns_geographic: bool = False) -> int:
        """Swap geometries written latitude first in a geographic CRS. Returns the number of rows swapped."""
        geographic = {"layer": layer_geographic, "columns": columns_geographic}
        swapped_rows = 0
        for r in self.rows:
            if r.rejected:
                continue
            swapped = False
            for attr, tag_attr in (("point", "point_crs"), ("polygon", "polygon_crs")):
                geom = getattr(r, attr)
                if geom is None or not geographic.get(getattr(r, tag_attr)):
                    continue
                if latitude_first(geom):
                    setattr(r, attr, swap_axes(geom))
                    src = r.point_from if attr == "point" else r.polygon_from
                    x, y = _probe_point(geom)
                    r.add(Issue(WARNING, "lat_first", src, geom.wkt[:120], SWAPPED,
                                {"lat": round(x, 6), "lon": round(y, 6)}, note=True))
                    swapped = True
            swapped_rows += swapped
        return swapped_rows

    # -- pass 3: reprojection (the caller's transforms) ---------------------------------------------------
    def reproject(self, transforms: Dict[str, Callable], progress: Optional[Progress] = None) -> None:
        """Apply ``transforms[tag](geom)`` to each geometry (tag "layer" or "columns"); a transform that
        raises rejects the row (``reprojection_failed``). ``progress`` is checked for a cancel."""
        progress = progress or NullProgress()
        for k, r in enumerate(self.rows):
            if k % 256 == 0:
                progress.check()
            if r.rejected:
                continue
            try:
                if r.point is not None:
                    r.point = transforms[r.point_crs](r.point)
                if r.polygon is not None:
                    r.polygon = transforms[r.polygon_crs](r.polygon)
            except Exception as exc:  # the caller's transform error (QgsCsException...)
                r.reject("reprojection_failed", error=str(exc) or type(exc).__name__)
                continue
            for geom in (r.point, r.polygon):
                if geom is not None and not has_finite_coordinates(geom):
                    r.reject("reprojection_failed", error="coordinates out of the CRS's range")
                    break

    # -- pass 4: geometry, surfaces, ids, duplicates ------------------------------------------------------
    def finalise(self, progress: Optional[Progress] = None) -> None:
        """Geometry, surfaces, ids and duplicates; ``progress`` is checked for a cancel (:class:`Canceled`)."""
        progress = progress or NullProgress()
        for k, r in enumerate(self.rows):
            if k % 256 == 0:
                progress.check()
            if not r.rejected:
                self._final_geometry(r)
            if not r.rejected:  # a polygon that could not be repaired may leave the row without geometry
                self._surfaces(r)
                self._site_id(r)
        self._duplicate_ids()
        self._duplicate_locations(progress)

    def _final_geometry(self, r: SiteRow) -> None:
        if r.polygon is not None:
            fixed, reason = repair_polygon(r.polygon)
            if reason is not None:
                if fixed is None:
                    r.add(Issue(WARNING, "polygon_unrepairable", r.polygon_from, reason, IGNORED,
                                {"reason": reason}, note=True))
                else:
                    r.add(Issue(WARNING, "invalid_polygon", r.polygon_from, reason, REPAIRED, {"reason": reason},
                                note=True))
            r.polygon = fixed
        if r.point is not None and r.polygon is not None:
            distance = float(r.point.distance(r.polygon))
            if not distance <= POINT_NEAR_POLYGON_M:  # NaN included
                r.add(Issue(WARNING, "point_far_from_polygon", r.point_from, r.point.wkt[:120], REPAIRED,
                            {"distance": round(distance, 1)}, note=True))
                r.point, r.point_from = r.polygon.point_on_surface(), "polygon"
        elif r.point is None and r.polygon is not None:
            r.point, r.point_from = r.polygon.point_on_surface(), "polygon"
        if r.point is None:
            r.reject("no_geometry")

    def _surfaces(self, r: SiteRow) -> None:
        v = r.values
        v["has_polygon"] = r.polygon is not None
        if r.polygon is not None:
            area = float(r.polygon.area)
            v["site_surface"] = round(area, 2)
            v["surface_source"] = "geometry"
            if v.get("unite_fonciere_surface") is None:
                v["unite_fonciere_surface"] = int(round(area))
                r.add(Issue(INFO, "uf_surface_from_polygon", "unite_fonciere_surface", None, FILLED,
                            {"new": int(round(area))}, note=True))
        elif v.get("unite_fonciere_surface") is not None:
            v["site_surface"] = float(v["unite_fonciere_surface"])
            v["surface_source"] = "declared"
        elif r.declared_surface is not None:
            v["site_surface"] = float(r.declared_surface)
            v["surface_source"] = "declared"
        else:
            v["site_surface"] = None
            v["surface_source"] = "unknown"

    def _site_id(self, r: SiteRow) -> None:
        v = r.values
        site_id = v.get("site_id")
        if site_id not in (None, ""):
            v["site_id"] = str(site_id).strip()
            if not _SITE_ID_RE.match(v["site_id"]):
                r.add(Issue(INFO, "site_id_format", "site_id", v["site_id"], KEPT))
            return
        insee = v.get("comm_insee") if v.get("comm_insee") and _INSEE_RE.match(str(v["comm_insee"])) else None
        new = stable_site_id(v.get("site_nom"), insee, r.point.x, r.point.y)
        v["site_id"] = new
        r.add(Issue(INFO, "generated_id", "site_id", None, GENERATED, {"new": new, "insee": insee or UNKNOWN_INSEE},
                    note=True))

    def _duplicate_ids(self) -> None:
        first: Dict[str, SiteRow] = {}
        for r in self.rows:
            if r.rejected:
                continue
            sid = r.values["site_id"]
            if sid in first:
                r.reject("duplicate_site_id", "site_id", sid, site_id=sid, first_row=first[sid].row)
            else:
                first[sid] = r

    def _duplicate_locations(self, progress: Progress) -> None:
        shapely = _shapely()
        kept = [r for r in self.rows if not r.rejected]
        if len(kept) < 2:
            return
        flagged = set()
        points = [r.point for r in kept]  # finite: checked when read and after reprojection
        tree = shapely.STRtree(points)
        pairs = tree.query(points, predicate="dwithin", distance=DUPLICATE_DISTANCE_M)
        progress.check()
        for n, (i, j) in enumerate(sorted(zip(pairs[0].tolist(), pairs[1].tolist()), key=lambda p: (max(p), min(p)))):
            if n % 4096 == 0:
                progress.check()
            a, b = min(i, j), max(i, j)
            if a == b or b in flagged:
                continue
            flagged.add(b)
            kept[b].add(Issue(WARNING, "possible_duplicate", "geometry", None, KEPT,
                              {"other_id": kept[a].site_id, "other_row": kept[a].row, "how": "location",
                               "distance": round(kept[a].point.distance(kept[b].point), 2)}, note=True))
        with_poly = [(k, r) for k, r in enumerate(kept) if r.polygon is not None]
        if len(with_poly) < 2:
            return
        polys = [r.polygon for _k, r in with_poly]
        tree = shapely.STRtree(polys)
        pairs = tree.query(polys, predicate="intersects")
        progress.check()
        for n, (i, j) in enumerate(sorted(zip(pairs[0].tolist(), pairs[1].tolist()), key=lambda p: (max(p), min(p)))):
            if n % 1024 == 0:
                progress.check()
            a, b = min(i, j), max(i, j)
            ka, ra = with_poly[a]
            kb, rb = with_poly[b]
            if a == b or kb in flagged:
                continue
            smaller = min(ra.polygon.area, rb.polygon.area)
            if not smaller > 0:
                continue
            try:
                share = ra.polygon.intersection(rb.polygon).area / smaller
            except shapely.errors.GEOSException:  # a topology GEOS cannot intersect: no overlap judged
                continue
            if share > DUPLICATE_OVERLAP:
                flagged.add(kb)
                rb.add(Issue(WARNING, "possible_duplicate", "geomsurf", None, KEPT,
                             {"other_id": ra.site_id, "other_row": ra.row, "how": "overlap",
                              "overlap_pct": round(100 * share, 1)}, note=True))

    def check_location(self, to_degrees: Callable) -> int:
        """Flag kept sites whose point, reprojected to longitude/latitude by ``to_degrees`` (the caller's
        transform), lies in none of France's territories: a wrong or guessed source CRS shows here.
        Returns the number of sites flagged."""
        flagged = 0
        for r in self.kept_rows():
            try:
                p = to_degrees(r.point)
            except Exception:  # the caller's transform error: nothing to judge
                continue
            if p is None or p.is_empty or _in_france(p.x, p.y):
                continue
            r.add(Issue(WARNING, "outside_france", r.point_from, None, KEPT,
                        {"lon": round(p.x, 5), "lat": round(p.y, 5)}, note=True))
            flagged += 1
        return flagged

    # -- summary ----------------------------------------------------------------------------------------
    def kept_rows(self) -> List[SiteRow]:
        return [r for r in self.rows if not r.rejected]

    def rejected_rows(self) -> List[SiteRow]:
        return [r for r in self.rows if r.rejected]

    def issues(self) -> List[Tuple[SiteRow, Issue]]:
        return [(r, i) for r in self.rows for i in r.issues]


# --------------------------------------------------------------------------------------------------
# Merge into an existing inventory
# --------------------------------------------------------------------------------------------------

#: Fields the import computes from the geometry: kept from the inventory when the incoming row has no
#: polygon but the stored site has one.
POLYGON_DERIVED = ("site_surface", "surface_source", "has_polygon")


@dataclass
class StoredSite:
    """A site already in the inventory GeoPackage (values as Python types, shapely geometries)."""

    values: Dict[str, Any]
    point: Any = None
    polygon: Any = None


@dataclass
class MergeDecision:
    """What to do with one incoming site: ``add``, ``update``, ``unchanged`` or ``keep_stored``
    (the inventory's row was edited later than the incoming one)."""

    action: str
    values: Dict[str, Any]
    changed: List[str] = dc_field(default_factory=list)
    point: Any = None  # geometry to write, None = keep the stored one
    polygon: Any = None
    stored_date: Optional[_dt.date] = None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def same_value(a: Any, b: Any) -> bool:
    """Equality as the inventory sees it: None == "", numbers with a small tolerance, dates by day."""
    if _blank(a) and _blank(b):
        return True
    if _blank(a) or _blank(b):
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)), abs(float(b)))
    if isinstance(a, (_dt.date, _dt.datetime)) or isinstance(b, (_dt.date, _dt.datetime)):
        return parse_date(a) == parse_date(b)
    return str(a) == str(b)


def _same_geometry(a, b, tolerance: float = 1e-3) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return a.equals_exact(b, tolerance)
    except Exception:
        return False


def merge_site(stored: Optional[StoredSite], incoming: SiteRow, field_names: Iterable[str]) -> MergeDecision:
    """The merge rule of the inventory, for one site (matched on ``site_id``):

    - not in the inventory → ``add``;
    - the inventory's ``site_actu_date`` is later than the incoming one → ``keep_stored`` (never
      overwrite an edit made in the dock panel, which sets ``site_actu_date`` to today); a missing
      incoming date counts as older than any stored date;
    - otherwise (incoming date ≥ stored date) → ``update``: every incoming non-empty value replaces the
      stored one; an empty incoming value never blanks a stored value, and an incoming ``inconnu`` never
      replaces a known coded value; the polygon (and the surfaces derived from it) is replaced only by
      an incoming polygon. ``unchanged`` when nothing differs.
    """
    names = list(field_names)
    inc = incoming.values
    if stored is None:
        return MergeDecision("add", {n: inc.get(n) for n in names}, list(names), incoming.point, incoming.polygon)

    stored_date = parse_date(stored.values.get("site_actu_date")) if not _blank(
        stored.values.get("site_actu_date")) else None
    incoming_date = inc.get("site_actu_date")
    if stored_date is not None and (incoming_date is None or incoming_date < stored_date):
        return MergeDecision("keep_stored", dict(stored.values), [], None, None, stored_date)

    coded = {spec.name for spec in cnig.coded_fields()}
    keep_polygon = incoming.polygon is None and (stored.polygon is not None or bool(stored.values.get("has_polygon")))
    merged = dict(stored.values)
    changed = []
    for name in names:
        new = inc.get(name)
        old = stored.values.get(name)
        if _blank(new):
            continue
        if name in coded and new == "inconnu" and not _blank(old):
            continue
        if keep_polygon and name in POLYGON_DERIVED:
            continue
        if not same_value(old, new):
            merged[name] = new
            changed.append(name)
    point = None
    if incoming.point is not None and not _same_geometry(stored.point, incoming.point):
        point = incoming.point
        changed.append("geometry")
    polygon = None
    if incoming.polygon is not None and not _same_geometry(stored.polygon, incoming.polygon):
        polygon = incoming.polygon
        changed.append("polygon")
    action = "update" if changed else "unchanged"
    return MergeDecision(action, merged, changed, point, polygon, stored_date)


# --------------------------------------------------------------------------------------------------
# Encoding of the input file
# --------------------------------------------------------------------------------------------------


def detect_text_encoding(data: bytes) -> str:
    """"UTF-8" when ``data`` decodes as UTF-8 (or is plain ASCII), else "windows-1252" (the superset
    of latin-1 that French Windows software writes)."""
    try:
        data.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut by the end of a partial read is still UTF-8
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "UTF-8"
        return "windows-1252"


def detect_dbf_encoding(path: str, max_bytes: int = 20_000_000) -> str:
    """Encoding of a shapefile's ``.dbf`` that declares none (no ``.cpg``, no language driver id),
    guessed from its records (the binary header is skipped)."""
    with open(path, "rb") as fh:
        head = fh.read(32)
        if len(head) < 32:
            return "UTF-8"
        header_length = int.from_bytes(head[8:10], "little")
        fh.seek(header_length)
        data = fh.read(max_bytes)
    return detect_text_encoding(data)


def dbf_declares_encoding(dbf_path: str) -> bool:
    """True when the shapefile declares its encoding: a ``.cpg`` next to it, or a language driver id
    (byte 29 of the ``.dbf`` header) that GDAL reads."""
    import os

    base = os.path.splitext(dbf_path)[0]
    if any(os.path.exists(base + ext) for ext in (".cpg", ".CPG")):
        return True
    try:
        with open(dbf_path, "rb") as fh:
            head = fh.read(32)
    except OSError:
        return True
    return len(head) >= 30 and head[29] != 0
