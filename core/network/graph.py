"""A road network as a directed graph with travel times per mode.

How the graph is built (``build_network``):

- every vertex of every line is a node, and every straight piece between two vertices is an edge
  (a "segment"), like QGIS's own network analysis: OpenStreetMap ways cross at shared interior vertices,
  so splitting the layer at intersections first is not needed; lines that cross without a shared vertex
  (bridges, tunnels) stay unconnected;
- vertices with the same coordinates are the same node; a dangling line end (a node used by one segment
  only) is moved onto the nearest other node within ``tolerance`` metres, which mends digitising gaps
  without merging the close vertices of a curve;
- zero-length segments are dropped.

Travel rules (``mode_rules``) come from the layer's attributes, read with one of three schemas:

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
``car`` (follows one-way streets, avoids footways, paths, steps, cycleways; speed from ``maxspeed`` or
``vitesse_moyenne_vl`` when set, otherwise from the road-class tables below; a speed given by the user
replaces them all). Travel times are free-flow: no congestion, no turn costs, no waiting at junctions.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..arrays import repeat_ranks
from ..text import parse_hstore
from . import NetworkError

# shapely is imported where the geometry is handled, so that the travel rules load without it

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


def _unique_rows(attributes: dict, n: int):
    """The distinct rows of the attribute columns (road attributes take few distinct values), and for
    each line the index of its row: the rules are then worked out once per distinct row."""
    keys = list(attributes)
    columns = [list(attributes[k]) for k in keys]
    seen = {}
    inverse = np.empty(n, dtype=np.int64)
    try:
        for i, row in enumerate(zip(*columns)) if columns else enumerate([()] * n):
            inverse[i] = seen.setdefault(row, len(seen))
    except TypeError:  # an unhashable value: no shortcut
        return attributes, n, np.arange(n)
    rows = list(seen)
    reduced = {k: [row[j] for row in rows] for j, k in enumerate(keys)}
    return reduced, len(rows), inverse


def mode_rules(attributes: dict, n: int, schema: str, mode: str, speed_kmh: Optional[float] = None,
               speed_field: Optional[str] = None) -> ModeRules:
    """Speed and direction of each of the ``n`` lines for ``mode``.

    ``attributes`` maps field names (any case) to sequences of ``n`` values. ``speed_kmh`` replaces every
    speed (closed roads stay closed); ``speed_field`` (generic schema) gives a speed per line, lines without
    a positive value taking the mode's default.
    """
    if mode not in MODES:
        raise NetworkError("unknown_mode", mode=mode)
    if schema not in SCHEMAS:
        raise NetworkError("unknown_schema", schema=schema)
    speed_kmh = float(speed_kmh) if speed_kmh else None
    if schema in (OSM, BDTOPO):
        rules = _osm_rules if schema == OSM else _bdtopo_rules
        reduced, n_unique, inverse = _unique_rows(attributes, n)
        speeds, direction, src = rules(reduced, n_unique, mode, speed_kmh)
        speeds, direction, src = speeds[inverse], direction[inverse], src[inverse]
        counts = np.bincount(src, minlength=4)
        return ModeRules(speeds, direction, {"field": int(counts[1]), "table": int(counts[2]), "user": int(counts[3])})
    default = speed_kmh or DEFAULT_SPEED_KMH[mode]
    speeds = np.full(n, default)
    sources = {"field": 0, "table": 0, "user": n if speed_kmh else 0}
    if speed_field and not speed_kmh:
        values = np.array([_number(v) for v in _column(attributes, (speed_field.lower(),), n)], dtype=float)
        ok = values == values
        speeds[ok] = values[ok]
        sources["field"] = int(ok.sum())
        sources["table"] = int((~ok).sum())
    elif not speed_kmh:
        sources["table"] = n
    return ModeRules(speeds, np.zeros(n, dtype=np.int8), sources)


# --- topology ------------------------------------------------------------------------------------


@dataclass
class Network:
    """The topology of a line layer: nodes (vertices) and straight segments between them."""

    node_xy: np.ndarray  # (N, 2) float64
    seg_u: np.ndarray  # (M,) int64, first node
    seg_v: np.ndarray  # (M,) int64, second node (in the line's digitised direction)
    seg_len: np.ndarray  # (M,) float64, metres
    seg_feature: np.ndarray  # (M,) int64, index of the source line
    n_features: int
    n_snapped: int = 0  # dangling ends moved within the tolerance

    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_segments(self) -> int:
        return len(self.seg_u)


def _node_ids(coords):
    """Same coordinates → same id; returns (ids per coordinate, unique coordinates)."""
    order = np.lexsort((coords[:, 1], coords[:, 0]))
    sorted_xy = coords[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = np.any(sorted_xy[1:] != sorted_xy[:-1], axis=1)
    ids_sorted = np.cumsum(new) - 1
    ids = np.empty(len(order), dtype=np.int64)
    ids[order] = ids_sorted
    return ids, sorted_xy[new]


def _snap_dangles(node_xy, seg_u, seg_v, seg_feature, tolerance):
    """Map each dangling node onto the nearest node of another line within ``tolerance``; (labels, count)."""
    n = len(node_xy)
    labels = np.arange(n)
    degree = np.bincount(seg_u, minlength=n) + np.bincount(seg_v, minlength=n)
    dangles = np.nonzero(degree == 1)[0]
    if len(dangles) == 0 or tolerance <= 0:
        return labels, 0
    origin = node_xy.min(axis=0)
    cells = np.floor((node_xy - origin) / tolerance).astype(np.int64) + 1
    width = int(cells[:, 1].max()) + 3
    keys = cells[:, 0] * width + cells[:, 1]
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    pairs_d, pairs_t = [], []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            target = keys[dangles] + dx * width + dy
            lo = np.searchsorted(sorted_keys, target, "left")
            hi = np.searchsorted(sorted_keys, target, "right")
            counts = hi - lo
            if counts.sum() == 0:
                continue
            rep, offsets = repeat_ranks(counts)
            pairs_d.append(dangles[rep])
            pairs_t.append(order[np.repeat(lo, counts) + offsets])
    if not pairs_d:
        return labels, 0
    d = np.concatenate(pairs_d)
    t = np.concatenate(pairs_t)
    dist = np.hypot(*(node_xy[d] - node_xy[t]).T)
    # never onto a vertex of its own line (the close vertices of a curve)
    n_feat = np.int64(seg_feature.max() + 1)
    own = np.unique(np.concatenate([seg_u * n_feat + seg_feature, seg_v * n_feat + seg_feature]))
    dangle_feature = np.full(n, -1, dtype=np.int64)
    dangle_feature[seg_u] = seg_feature
    dangle_feature[seg_v] = seg_feature
    probe = t * n_feat + dangle_feature[d]
    pos = np.minimum(np.searchsorted(own, probe), len(own) - 1)
    ok = (d != t) & (dist <= tolerance) & (own[pos] != probe)
    d, t, dist = d[ok], t[ok], dist[ok]
    if len(d) == 0:
        return labels, 0
    # nearest target per dangle
    order2 = np.lexsort((dist, d))
    d, t = d[order2], t[order2]
    first = np.ones(len(d), dtype=bool)
    first[1:] = d[1:] != d[:-1]
    d, t = d[first], t[first]
    # merge (d, t) pairs: propagate the smallest label through the pairs until stable
    for _ in range(64):
        before = labels.copy()
        low = np.minimum(labels[d], labels[t])
        np.minimum.at(labels, d, low)
        np.minimum.at(labels, t, low)
        labels = labels[labels]
        if np.array_equal(before, labels):
            break
    return labels, len(d)


def build_network(lines, tolerance: float = 0.5) -> Network:
    """The topology of ``lines`` (shapely LineStrings/MultiLineStrings, None for a missing geometry),
    in a projected CRS (metres). Line ``i`` of the input is ``seg_feature == i``."""
    import shapely

    geoms = np.asarray(lines, dtype=object) if not isinstance(lines, np.ndarray) else lines
    n_features = len(geoms)
    parts, part_feature = shapely.get_parts(geoms, return_index=True)
    if len(parts):
        keep = np.isin(shapely.get_type_id(parts), (1, 2))  # LineString, LinearRing
        parts, part_feature = parts[keep], part_feature[keep]
    if len(parts) == 0:
        raise NetworkError("no_lines")
    coords, coord_part = shapely.get_coordinates(parts, return_index=True)
    if len(coords) < 2:
        raise NetworkError("no_lines")
    ids, node_xy = _node_ids(coords)
    same = coord_part[1:] == coord_part[:-1]
    first = np.nonzero(same)[0]
    seg_u = ids[first]
    seg_v = ids[first + 1]
    seg_feature = part_feature[coord_part[first]].astype(np.int64)
    labels, n_snapped = _snap_dangles(node_xy, seg_u, seg_v, seg_feature, tolerance)
    if n_snapped:
        seg_u, seg_v = labels[seg_u], labels[seg_v]
        used = np.zeros(len(node_xy), dtype=bool)
        used[labels] = True
        remap = np.cumsum(used) - 1
        node_xy = node_xy[used]
        seg_u, seg_v = remap[seg_u], remap[seg_v]
    seg_len = np.hypot(*(node_xy[seg_v] - node_xy[seg_u]).T)
    keep = (seg_u != seg_v) & (seg_len > 0)
    return Network(
        node_xy=node_xy,
        seg_u=seg_u[keep].astype(np.int64),
        seg_v=seg_v[keep].astype(np.int64),
        seg_len=seg_len[keep],
        seg_feature=seg_feature[keep],
        n_features=n_features,
        n_snapped=int(n_snapped),
    )


# --- directed graph ----------------------------------------------------------------------------


class Graph:
    """The network with travel times for one mode, as a CSR adjacency of directed arcs.

    Arc ``k`` goes from ``arc_tail[k]`` to ``arc_head[k]`` in ``arc_time[k]`` seconds along segment
    ``arc_seg[k]``, in the segment's direction when ``arc_forward[k]``. Arcs leaving node ``n`` are
    ``indptr[n]:indptr[n + 1]``.
    """

    def __init__(self, network: Network, rules: ModeRules):
        self.network = network
        self.rules = rules
        speed_ms = rules.speed_kmh[network.seg_feature] / 3.6
        direction = rules.direction[network.seg_feature]
        with np.errstate(divide="ignore"):
            base = np.where(speed_ms > 0, network.seg_len / np.where(speed_ms > 0, speed_ms, 1.0), np.inf)
        self.time_forward = np.where(direction != BACKWARD, base, np.inf)
        self.time_backward = np.where(direction != FORWARD, base, np.inf)
        fwd = np.nonzero(np.isfinite(self.time_forward))[0]
        bwd = np.nonzero(np.isfinite(self.time_backward))[0]
        tail = np.concatenate([network.seg_u[fwd], network.seg_v[bwd]])
        head = np.concatenate([network.seg_v[fwd], network.seg_u[bwd]])
        time = np.concatenate([self.time_forward[fwd], self.time_backward[bwd]])
        seg = np.concatenate([fwd, bwd])
        forward = np.concatenate([np.ones(len(fwd), dtype=bool), np.zeros(len(bwd), dtype=bool)])
        order = np.argsort(tail, kind="stable")
        self.arc_tail = tail[order]
        self.arc_head = head[order]
        self.arc_time = time[order]
        self.arc_seg = seg[order]
        self.arc_forward = forward[order]
        self.indptr = np.zeros(network.n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.arc_tail, minlength=network.n_nodes), out=self.indptr[1:])
        #: segments usable in at least one direction
        self.usable = np.isfinite(self.time_forward) | np.isfinite(self.time_backward)
        self._lists = None
        self._tree = None
        self._components = None

    @property
    def n_arcs(self) -> int:
        return len(self.arc_head)

    def lists(self):
        """(indptr, heads, times) as Python lists: the fastest form for a pure-Python Dijkstra."""
        if self._lists is None:
            self._lists = (self.indptr.tolist(), self.arc_head.tolist(), self.arc_time.tolist())
        return self._lists

    def components(self) -> np.ndarray:
        """Connected component (ignoring directions) of each node, by label propagation with pointer jumping."""
        if self._components is None:
            u = self.network.seg_u[self.usable]
            v = self.network.seg_v[self.usable]
            labels = np.arange(self.network.n_nodes)
            while len(u):
                low = np.minimum(labels[u], labels[v])
                np.minimum.at(labels, labels[u], low)
                np.minimum.at(labels, labels[v], low)
                while True:  # pointer jumping: every node points to its root
                    jumped = labels[labels]
                    if np.array_equal(jumped, labels):
                        break
                    labels = jumped
                joined = labels[u] == labels[v]  # edges inside one component are done
                u, v = u[~joined], v[~joined]
            self._components = labels
        return self._components

    def main_segments(self, min_nodes: int) -> np.ndarray:
        """Usable segments in a connected piece of network of at least ``min_nodes`` nodes."""
        labels = self.components()
        on_road = np.zeros(self.network.n_nodes, dtype=bool)
        on_road[self.network.seg_u[self.usable]] = True
        on_road[self.network.seg_v[self.usable]] = True
        size = np.bincount(labels[on_road], minlength=self.network.n_nodes)
        return self.usable & (size[labels[self.network.seg_u]] >= min_nodes)

    def segment_tree(self, near=None, distance: float = 0.0):
        """(STRtree of the usable segments, their segment ids, their lines), the whole network's built once.

        ``near``: bounds (N, 4) of the places of interest: the tree then holds only the segments that may lie
        within ``distance`` of one of them (found on a grid of ``2 × distance`` cells, long segments always
        kept), a small part of a département-size network when tying a few hundred sites.
        """
        if near is None:
            if self._tree is None:
                self._tree = self._build_tree(np.nonzero(self.usable)[0])
            return self._tree
        near = np.asarray(near, dtype=float).reshape(-1, 4)
        xy = self.network.node_xy
        ids = np.nonzero(self.usable)[0]
        if not len(ids) or not len(near):
            return self._build_tree(ids[:0])
        a, b = xy[self.network.seg_u[ids]], xy[self.network.seg_v[ids]]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        cell = 2.0 * max(float(distance), 1.0)
        origin = lo.min(axis=0)
        shape = np.floor((hi.max(axis=0) - origin) / cell).astype(np.int64) + 1
        marked = np.zeros(shape, dtype=bool)
        first = np.clip(np.floor((near[:, :2] - distance - origin) / cell).astype(np.int64), 0, shape - 1)
        last = np.clip(np.floor((near[:, 2:] + distance - origin) / cell).astype(np.int64), 0, shape - 1)
        for (i0, j0), (i1, j1) in zip(first.tolist(), last.tolist()):
            marked[i0:i1 + 1, j0:j1 + 1] = True
        c0 = np.floor((lo - origin) / cell).astype(np.int64)
        c1 = np.floor((hi - origin) / cell).astype(np.int64)
        # a segment shorter than a cell spans at most 2 x 2 cells: keep it when one of them is marked
        keep = (c1 - c0).max(axis=1) > 1
        for cx in (c0[:, 0], c1[:, 0]):
            for cy in (c0[:, 1], c1[:, 1]):
                keep |= marked[cx, cy]
        return self._build_tree(ids[keep])

    def _build_tree(self, ids):
        import shapely

        xy = self.network.node_xy
        coords = np.stack([xy[self.network.seg_u[ids]], xy[self.network.seg_v[ids]]], axis=1).reshape(-1, 2, 2)
        lines = shapely.linestrings(coords) if len(ids) else np.zeros(0, dtype=object)
        return shapely.STRtree(lines), ids, lines
