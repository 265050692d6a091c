"""Travel rules of a road network per mode, read from its attributes (OpenStreetMap, IGN BD TOPO, generic).

Three schemas:

- ``osm``: OpenStreetMap ``highway``, ``oneway``, ``maxspeed`` (and, when present, ``junction``,
  ``access``, ``foot``, ``bicycle``, ``motor_vehicle``, ``motorcar``, ``oneway:bicycle``, read from the
  columns or from GDAL's ``other_tags``). Lines without ``highway`` (rivers, railways...) are not roads.
- ``bdtopo``: IGN BD TOPO ``TRONCON_DE_ROUTE`` ``nature``, ``sens_de_circulation``,
  ``vitesse_moyenne_vl`` (and ``acces_vehicule_leger``, ``acces_pieton``, ``etat_de_l_objet`` when
  present);
- ``generic``: every line, both ways, at one speed (or a speed field).

Modes: ``walk`` (default 4.8 km/h, ignores one-way streets, avoids motorways, trunk roads, their ramps and
ferries); ``bike`` (default 15 km/h, follows one-way streets unless tagged ``oneway:bicycle=no``, avoids
motorways and trunk roads, walks the bike at 4.8 km/h on footways, pedestrian streets and steps);
``car`` (follows one-way streets, avoids footways, paths, steps, cycleways and roads closed to light
vehicles: ``acces_vehicule_leger`` "Physiquement impossible", ``vitesse_moyenne_vl`` = 0, ``access=no``;
speed from ``maxspeed`` or ``vitesse_moyenne_vl`` when set, otherwise from the road-class tables below; a
speed given by the user replaces them all). Travel times are free-flow: no congestion, no turn costs, no
waiting at junctions.

Why columns are dictionary-coded (``CodedColumn``): road attributes take few distinct values (a few
hundred rows of (highway, oneway, maxspeed) for a département), so the rules are worked out once per
distinct row in Python and spread to every line with numpy; a reader can code a column from a numpy
array without one Python call per line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..text import parse_hstore
from . import NetworkError

WALK, BIKE, CAR = "walk", "bike", "car"
MODES = (WALK, BIKE, CAR)
OSM, BDTOPO, GENERIC = "osm", "bdtopo", "generic"
SCHEMAS = (OSM, BDTOPO, GENERIC)

#: Default speeds (km/h) when the user gives none; car speeds come from the road tables.
DEFAULT_SPEED_KMH = {WALK: 4.8, BIKE: 15.0, CAR: 50.0}

#: Direction codes of a line: both ways, along its digitised direction only, against it only.
BOTH, FORWARD, BACKWARD = 0, 1, -1

# --- OpenStreetMap -----------------------------------------------------------------------------
#: ``highway`` values that are not usable roads for any mode.
OSM_NOT_ROADS = frozenset(
    {"construction", "proposed", "planned", "abandoned", "disused", "razed", "raceway", "bus_guideway",
     "platform", "rest_area", "services", "no", "escape", "emergency_bay"}
)
OSM_MOTORWAYS = frozenset({"motorway", "motorway_link", "trunk", "trunk_link"})
OSM_NOT_FOR_CARS = frozenset(
    {"footway", "pedestrian", "steps", "cycleway", "path", "bridleway", "corridor", "via_ferrata", "elevator",
     "ladder"}
)
#: Where a cyclist gets off and walks.
OSM_BIKE_WALKS = frozenset({"footway", "pedestrian", "steps", "corridor", "elevator"})
#: Car speed (km/h) per ``highway`` value when ``maxspeed`` is missing (French free-flow defaults).
OSM_CAR_SPEED_KMH = {
    "motorway": 110.0, "motorway_link": 60.0, "trunk": 90.0, "trunk_link": 50.0,
    "primary": 70.0, "primary_link": 50.0, "secondary": 60.0, "secondary_link": 45.0,
    "tertiary": 50.0, "tertiary_link": 40.0, "unclassified": 40.0, "residential": 30.0,
    "living_street": 15.0, "service": 20.0, "track": 15.0, "road": 30.0, "busway": 30.0,
}
OSM_CAR_DEFAULT_KMH = 30.0
#: ``maxspeed`` words (French implicit limits and a few common values).
OSM_MAXSPEED_WORDS = {
    "fr:urban": 50.0, "fr:rural": 80.0, "fr:zone30": 30.0, "fr:zone20": 20.0, "fr:motorway": 130.0,
    "fr:walk": 6.0, "walk": 6.0, "none": 130.0, "living_street": 20.0,
}
ONEWAY_FORWARD = frozenset({"yes", "true", "1"})
ONEWAY_BACKWARD = frozenset({"-1", "reverse"})
#: Access values that close a road to a mode (``private`` is kept: sites often lie on private roads).
ACCESS_CLOSED = frozenset({"no", "agricultural", "forestry", "use_sidepath"})
ACCESS_OPEN = frozenset({"yes", "designated", "permissive", "destination", "customers", "private", "delivery"})
OSM_TAGS = ("highway", "oneway", "maxspeed", "junction", "access", "foot", "bicycle", "motor_vehicle",
            "motorcar", "vehicle", "oneway:bicycle", "cycleway")

# --- IGN BD TOPO -------------------------------------------------------------------------------
#: ``nature`` values (accents and case ignored) and their mode rules.
BDTOPO_MOTORWAYS = frozenset({"type autoroutier", "autoroute", "quasi-autoroute", "bretelle"})
BDTOPO_FERRIES = frozenset({"bac ou liaison maritime", "bac auto", "bac pieton", "liaison maritime"})
BDTOPO_NOT_FOR_CARS = frozenset({"sentier", "escalier", "piste cyclable", "chemin pieton"})
BDTOPO_BIKE_WALKS = frozenset({"escalier"})
BDTOPO_CAR_SPEED_KMH = {
    "type autoroutier": 110.0, "autoroute": 110.0, "quasi-autoroute": 90.0, "route a 2 chaussees": 80.0,
    "route a 1 chaussee": 60.0, "bretelle": 50.0, "rond-point": 30.0, "route empierree": 20.0, "chemin": 15.0,
}
BDTOPO_CAR_DEFAULT_KMH = 40.0
BDTOPO_FIELDS = {
    "nature": ("nature",),
    "sens": ("sens_de_circulation", "sens"),
    "vitesse": ("vitesse_moyenne_vl", "vit_moy_vl"),
    "acces_vl": ("acces_vehicule_leger", "acces_vl"),
    "acces_pieton": ("acces_pieton",),
    "etat": ("etat_de_l_objet", "etat"),
}

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")


def _plain(value) -> str:
    """Lower case, no accents, stripped; '' for None/NULL/NaN."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    text = str(value).strip()
    if text.upper() == "NULL":
        return ""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _number(value) -> float:
    """A positive number from a value, NaN when there is none."""
    if value is None:
        return math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) if value == value and value > 0 else math.nan
    match = _NUMBER.search(str(value))
    if not match:
        return math.nan
    number = float(match.group(1).replace(",", "."))
    return number if number > 0 else math.nan


def parse_maxspeed(value) -> float:
    """``maxspeed`` in km/h ("50", "30 mph", "FR:urban", "50;30" → first), NaN when unknown."""
    text = _plain(value)
    if not text:
        return math.nan
    text = text.split(";")[0].strip()
    if text in OSM_MAXSPEED_WORDS:
        return OSM_MAXSPEED_WORDS[text]
    number = _number(text)
    if number == number and "mph" in text:
        number *= 1.609344
    return number


def _find(fields, names):
    """The actual name of the first of ``names`` among ``fields`` (case-insensitive), or None."""
    lower = {f.lower(): f for f in fields}
    for name in names:
        if name in lower:
            return lower[name]
    return None


def detect_schema(field_names) -> str:
    """``osm`` when there is a ``highway`` field, ``bdtopo`` for ``nature`` with a BD TOPO direction or
    speed field, otherwise ``generic``."""
    names = {f.lower() for f in field_names}
    if "highway" in names:
        return OSM
    if "nature" in names and names & {"sens_de_circulation", "vitesse_moyenne_vl", "sens", "vit_moy_vl"}:
        return BDTOPO
    return GENERIC


def schema_fields(schema: str, field_names) -> list:
    """The attribute names a schema reads, among ``field_names`` (so a reader fetches only those)."""
    if schema == OSM:
        wanted = [*OSM_TAGS, "other_tags"]
    elif schema == BDTOPO:
        wanted = [name for names in BDTOPO_FIELDS.values() for name in names]
    else:
        wanted = []
    lower = {f.lower(): f for f in field_names}
    return [lower[w] for w in wanted if w in lower]


@dataclass
class ModeRules:
    """Per line (feature): speed in km/h (0 = closed to the mode) and direction code."""

    speed_kmh: np.ndarray
    direction: np.ndarray
    #: how many lines got their speed from a field, from the class table, from the user
    speed_source_counts: dict = field(default_factory=dict)
    mode: str = WALK

    @property
    def n_open(self) -> int:
        return int(np.count_nonzero(self.speed_kmh > 0))


def _column(attributes, names, n):
    key = _find(attributes.keys(), names)
    if key is None:
        return [None] * n
    return list(attributes[key])


def _osm_columns(attributes, n):
    cols = {tag: _column(attributes, (tag,), n) for tag in OSM_TAGS}
    other = _column(attributes, ("other_tags",), n)
    if any(v for v in other):
        for i, text in enumerate(other):
            if not text:
                continue
            tags = parse_hstore(text)
            for tag in OSM_TAGS:
                if cols[tag][i] in (None, "") and tag in tags:
                    cols[tag][i] = tags[tag]
    return cols


def _oneway_code(oneway, highway, junction) -> int:
    if oneway in ONEWAY_FORWARD:
        return FORWARD
    if oneway in ONEWAY_BACKWARD:
        return BACKWARD
    if oneway in ("no", "false", "0"):
        return BOTH
    if junction in ("roundabout",) or highway == "motorway":
        return FORWARD  # implied one-way (OSM convention)
    return BOTH


def _osm_rules(attributes, n, mode, speed_kmh):
    cols = _osm_columns(attributes, n)
    speeds = np.zeros(n)
    direction = np.zeros(n, dtype=np.int8)
    src = np.zeros(n, dtype=np.int8)  # 1 speed field, 2 class table or mode default, 3 user
    walk_speed = DEFAULT_SPEED_KMH[WALK]
    mode_tags = {WALK: ("foot",), BIKE: ("bicycle",), CAR: ("motorcar", "motor_vehicle", "vehicle")}[mode]
    for i in range(n):
        highway = _plain(cols["highway"][i])
        if not highway or highway in OSM_NOT_ROADS:
            continue
        access = _plain(cols["access"][i])
        specific = ""
        for tag in mode_tags:
            specific = _plain(cols[tag][i])
            if specific:
                break
        if specific in ACCESS_CLOSED or (access in ACCESS_CLOSED and specific not in ACCESS_OPEN):
            continue
        oneway = _plain(cols["oneway"][i])
        junction = _plain(cols["junction"][i])
        if mode == WALK:
            if highway in OSM_MOTORWAYS and specific not in ACCESS_OPEN:
                continue
            speeds[i] = speed_kmh or walk_speed
            src[i] = 3 if speed_kmh else 2
        elif mode == BIKE:
            if highway in OSM_MOTORWAYS and specific not in ACCESS_OPEN:
                continue
            if highway in OSM_BIKE_WALKS and specific not in ACCESS_OPEN:
                speeds[i] = walk_speed
            else:
                speeds[i] = speed_kmh or DEFAULT_SPEED_KMH[BIKE]
            src[i] = 3 if speed_kmh else 2
            contraflow = _plain(cols["oneway:bicycle"][i]) == "no" or _plain(cols["cycleway"][i]).startswith("opposite")
            direction[i] = BOTH if contraflow else _oneway_code(oneway, highway, junction)
        else:
            if highway in OSM_NOT_FOR_CARS and specific not in ACCESS_OPEN:
                continue
            if speed_kmh:
                speeds[i] = speed_kmh
                src[i] = 3
            else:
                value = parse_maxspeed(cols["maxspeed"][i])
                if value == value:
                    speeds[i] = value
                    src[i] = 1
                else:
                    speeds[i] = OSM_CAR_SPEED_KMH.get(highway, OSM_CAR_DEFAULT_KMH)
                    src[i] = 2
            direction[i] = _oneway_code(oneway, highway, junction)
    return speeds, direction, src


def _bdtopo_direction(value) -> int:
    text = _plain(value)
    if "inverse" in text:
        return BACKWARD
    if "direct" in text:
        return FORWARD
    return BOTH


def _bdtopo_rules(attributes, n, mode, speed_kmh):
    cols = {key: _column(attributes, names, n) for key, names in BDTOPO_FIELDS.items()}
    speeds = np.zeros(n)
    direction = np.zeros(n, dtype=np.int8)
    src = np.zeros(n, dtype=np.int8)  # 1 speed field, 2 class table or mode default, 3 user
    has_speed_field = _find(attributes.keys(), BDTOPO_FIELDS["vitesse"]) is not None
    for i in range(n):
        nature = _plain(cols["nature"][i])
        etat = _plain(cols["etat"][i])
        if nature in BDTOPO_FERRIES or (etat and etat != "en service"):
            continue
        if mode in (WALK, BIKE):
            if nature in BDTOPO_MOTORWAYS:
                continue
            pedestrians = _plain(cols["acces_pieton"][i])
            if mode == WALK and ("impossible" in pedestrians or "interdit" in pedestrians):
                continue
            if mode == WALK:
                speeds[i] = speed_kmh or DEFAULT_SPEED_KMH[WALK]
            else:
                bike_speed = speed_kmh or DEFAULT_SPEED_KMH[BIKE]
                speeds[i] = DEFAULT_SPEED_KMH[WALK] if nature in BDTOPO_BIKE_WALKS else bike_speed
                direction[i] = _bdtopo_direction(cols["sens"][i])
            src[i] = 3 if speed_kmh else 2
            continue
        if nature in BDTOPO_NOT_FOR_CARS or "impossible" in _plain(cols["acces_vl"][i]):
            continue
        raw = cols["vitesse"][i]
        value = _number(raw)
        if has_speed_field and raw is not None and _plain(raw) != "" and value != value:
            continue  # vitesse_moyenne_vl = 0: not drivable
        if speed_kmh:
            speeds[i] = speed_kmh
            src[i] = 3
        elif value == value:
            speeds[i] = value
            src[i] = 1
        else:
            speeds[i] = BDTOPO_CAR_SPEED_KMH.get(nature, BDTOPO_CAR_DEFAULT_KMH)
            src[i] = 2
        direction[i] = _bdtopo_direction(cols["sens"][i])
    return speeds, direction, src


def required_field(schema: str, field_names):
    """The field a schema cannot do without when ``field_names`` lacks it (``highway`` for OpenStreetMap,
    unless GDAL's ``other_tags`` may hold it; ``nature`` for BD TOPO), else None."""
    names = {f.lower() for f in field_names}
    if schema == OSM and not names & {"highway", "other_tags"}:
        return "highway"
    if schema == BDTOPO and "nature" not in names:
        return "nature"
    return None


# --- dictionary-coded columns --------------------------------------------------------------------


@dataclass
class CodedColumn:
    """A column as ``values[codes[i]]`` for line ``i``: the distinct values once, an integer per line.

    ``values`` holds plain Python values (str, int, float) or None for a missing one.
    """

    codes: np.ndarray
    values: list

    def __len__(self):
        return len(self.codes)

    def decoded(self) -> list:
        """The value of every line (a list: for tests and small layers)."""
        values = self.values
        return [values[c] for c in self.codes.tolist()]

    @property
    def nbytes(self) -> int:
        return int(self.codes.nbytes) + 64 * len(self.values)

    def take(self, index) -> CodedColumn:
        return CodedColumn(self.codes[index], self.values)


def code_values(values) -> CodedColumn:
    """A ``CodedColumn`` of a sequence of Python values (None for missing; unhashable values as text)."""
    if isinstance(values, CodedColumn):
        return values
    seen = {}
    codes = np.empty(len(values), dtype=np.int32)
    for i, value in enumerate(values):
        try:
            codes[i] = seen.setdefault(value, len(seen))
        except TypeError:
            codes[i] = seen.setdefault(str(value), len(seen))
    return CodedColumn(codes, list(seen))


def code_array(array) -> CodedColumn:
    """A ``CodedColumn`` of a numpy array (masked entries are missing, byte strings are UTF-8 text), coded
    with numpy: one Python call per distinct value, not per line."""
    mask = np.ma.getmaskarray(array) if isinstance(array, np.ma.MaskedArray) else None
    data = np.ma.getdata(array)
    if data.dtype.kind == "O":
        return code_values([None if (mask is not None and m) else v for v, m in
                            zip(data.tolist(), mask.tolist() if mask is not None else [False] * len(data))])
    if data.dtype.kind == "f":
        missing = np.isnan(data)
        mask = missing if mask is None else (mask | missing)
    if mask is not None and mask.any():
        uniques, codes = np.unique(data[~mask], return_inverse=True)
        full = np.full(len(data), len(uniques), dtype=np.int32)
        full[~mask] = codes
        values = [*_plain_values(uniques), None]
        return CodedColumn(full, values)
    uniques, codes = np.unique(data, return_inverse=True)
    return CodedColumn(codes.astype(np.int32), _plain_values(uniques))


def _plain_values(uniques) -> list:
    if uniques.dtype.kind == "S":
        return [v.decode("utf-8", "replace") for v in uniques.tolist()]
    return uniques.tolist()


def concat_coded(parts) -> CodedColumn:
    """One ``CodedColumn`` from several (the batches of a reader), values merged."""
    parts = list(parts)
    if len(parts) == 1:
        return parts[0]
    seen = {}
    codes = []
    for part in parts:
        remap = np.array([seen.setdefault(v, len(seen)) for v in part.values], dtype=np.int32)
        codes.append(remap[part.codes] if len(remap) else part.codes)
    return CodedColumn(np.concatenate(codes) if codes else np.zeros(0, dtype=np.int32), list(seen))


def _distinct_rows(attributes: dict, n: int):
    """(the distinct rows as an attribute dict of lists, their count, the row of each line)."""
    keys = list(attributes)
    columns = [code_values(attributes[k]) if not isinstance(attributes[k], CodedColumn) else attributes[k]
               for k in keys]
    for key, column in zip(keys, columns):
        if len(column) != n:
            raise ValueError(f"column {key} has {len(column)} values for {n} lines")
    if not columns:
        return {}, min(n, 1), np.zeros(n, dtype=np.int64)
    # one integer per line from the codes (mixed radix while it fits in 63 bits, else row by row)
    key = np.zeros(n, dtype=np.int64)
    radix = 1
    fits = True
    for column in columns:
        size = max(1, len(column.values))
        if radix * size >= 2**62:
            fits = False
            break
        key += column.codes.astype(np.int64) * radix
        radix *= size
    if fits:
        row_keys, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    else:
        stacked = np.stack([c.codes for c in columns], axis=1)
        _rows, first, inverse = np.unique(stacked, axis=0, return_index=True, return_inverse=True)
    reduced = {k: [c.values[code] for code in c.codes[first].tolist()] for k, c in zip(keys, columns)}
    return reduced, len(first), inverse.reshape(-1)


def mode_rules(attributes: dict, n: int, schema: str, mode: str, speed_kmh: Optional[float] = None,
               speed_field: Optional[str] = None) -> ModeRules:
    """Speed and direction of each of the ``n`` lines for ``mode``.

    ``attributes`` maps field names (any case) to sequences of ``n`` values or ``CodedColumn``. ``speed_kmh``
    replaces every speed (closed roads stay closed); ``speed_field`` (generic schema) gives a speed per line,
    lines without a positive value taking the mode's default.
    """
    if mode not in MODES:
        raise NetworkError("unknown_mode", mode=mode)
    if schema not in SCHEMAS:
        raise NetworkError("unknown_schema", schema=schema)
    speed_kmh = float(speed_kmh) if speed_kmh else None
    if schema in (OSM, BDTOPO):
        rules = _osm_rules if schema == OSM else _bdtopo_rules
        reduced, n_distinct, inverse = _distinct_rows(attributes, n)
        speeds, direction, src = rules(reduced, n_distinct, mode, speed_kmh)
        speeds, direction, src = speeds[inverse], direction[inverse], src[inverse]
        counts = np.bincount(src, minlength=4)
        sources = {"field": int(counts[1]), "table": int(counts[2]), "user": int(counts[3])}
        return ModeRules(speeds, direction, sources, mode)
    default = speed_kmh or DEFAULT_SPEED_KMH[mode]
    speeds = np.full(n, default)
    sources = {"field": 0, "table": 0, "user": n if speed_kmh else 0}
    key = _find(attributes.keys(), (speed_field.lower(),)) if speed_field else None
    if key is not None and not speed_kmh:
        column = code_values(attributes[key])
        per_value = np.array([_number(v) for v in column.values] or [math.nan], dtype=float)
        values = per_value[column.codes] if n else np.zeros(0)
        ok = values == values
        speeds[ok] = values[ok]
        sources["field"] = int(ok.sum())
        sources["table"] = int((~ok).sum())
    elif not speed_kmh:
        sources["table"] = n
    return ModeRules(speeds, np.zeros(n, dtype=np.int8), sources, mode)
