"""Public-transport accessibility of points: TfL's PTAL, the Swiss ÖV-Güteklassen, departures nearby.

**PTAL** (Transport for London, "Assessing transport connectivity in London", 2015; parameters in
:data:`PTAL_DEFAULTS` and ``modes.PTAL_GROUPS``). For a point of interest (POI) and every route
reachable on foot (bus stops within 640 m, rail, metro and tram stops within 960 m):

- walk time WT = distance / 80 m/min;
- scheduled waiting time SWT = 0.5 x 60 / f, f = departures per hour of the route at the stop in the
  analysis window (08:15-09:15 by default), in the route's busier direction;
- average waiting time AWT = SWT + K, K = 2 min for buses, 0.75 min for rail, metro and tram;
- total access time TAT = WT + AWT; equivalent doorstep frequency EDF = 30 / TAT.

Each route counts once, at the stop where its EDF is best. Per mode: AI = EDF_max + 0.5 x (sum of the
other EDFs); the access index is the sum over modes; the PTAL band follows :data:`PTAL_BANDS`
(0, 1a, 1b, 2, 3, 4, 5, 6a, 6b), the index being rounded to two decimals first.

**ÖV-Güteklassen** (Swiss ARE method, classic classes A-D, stop categories from GOAT's configuration):
at each stop, the mean interval = window / departures per direction (each route's busier direction,
summed over routes; the ARE window is 06:00-20:00); the stop category (I best) follows the interval
and the best mode group at the stop (:data:`OEV_CATEGORY`); the class of a point is the best class
over the stops within 1000 m (:data:`OEV_CLASS`, distance bands <= 300, <= 500, <= 750, <= 1000 m).

**Departures nearby**: distinct vehicle journeys leaving from any stop within a radius (500 m: the
distance French parking rules use, Code de l'urbanisme L.151-35), per hour. A bus calling at three
stops near the point counts once.

Distances are given by the caller: straight-line from :func:`pairs_within`, or along a walking network
(``walk``). Pure Python: numpy, pandas, shapely; no Qt, no QGIS.
"""

from __future__ import annotations

from typing import Optional, Tuple

import numpy as np
import pandas as pd

from ..arrays import repeat_ranks
from .modes import PTAL_GROUPS, ptal_group

#: Walking speed (m/min) of PTAL.
PTAL_DEFAULTS = {"walk_m_per_min": 80.0}

#: Upper bounds of the PTAL bands (index rounded to 2 decimals; 0 means no service at all).
PTAL_BANDS = (
    (0.0, "0"),
    (2.5, "1a"),
    (5.0, "1b"),
    (10.0, "2"),
    (15.0, "3"),
    (20.0, "4"),
    (25.0, "5"),
    (40.0, "6a"),
    (np.inf, "6b"),
)
PTAL_LABELS = tuple(label for _limit, label in PTAL_BANDS)

#: ÖV stop categories (1 = I ... 7 = VII) by interval (minutes, upper bound excluded) and mode group.
OEV_INTERVALS = (5.0, 10.0, 20.0, 40.0, 60.0, 120.0)
OEV_CATEGORY = {
    "A": (1, 1, 2, 3, 4, 5),
    "B": (1, 2, 3, 4, 5, 6),
    "C": (2, 3, 4, 5, 6, 7),
}
#: ÖV class by stop category (row) and distance band (column): 1 = A ... 4 = D, 0 = none (classic ARE).
OEV_DISTANCES = (300.0, 500.0, 750.0, 1000.0)
OEV_CLASS = {
    1: (1, 1, 2, 3),
    2: (1, 2, 3, 4),
    3: (2, 3, 4, 0),
    4: (3, 4, 0, 0),
    5: (4, 0, 0, 0),
}
OEV_LETTERS = ("", "A", "B", "C", "D")
#: Largest distance any index looks at (ÖV: 1000 m; PTAL: 960 m).
MAX_RADIUS = max(max(OEV_DISTANCES), max(limit for limit, _k in PTAL_GROUPS.values()))


# --------------------------------------------------------------------------------------------------
# Point pairs
# --------------------------------------------------------------------------------------------------


def pairs_within(points: np.ndarray, targets: np.ndarray, radius: float) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (point, target) closer than ``radius`` (straight line): (point idx, target idx, metres)."""
    import shapely

    points = np.asarray(points, dtype=float).reshape(-1, 2)
    targets = np.asarray(targets, dtype=float).reshape(-1, 2)
    if not len(points) or not len(targets):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    tree = shapely.STRtree(shapely.points(targets))
    boxes = shapely.box(points[:, 0] - radius, points[:, 1] - radius, points[:, 0] + radius, points[:, 1] + radius)
    i, j = tree.query(boxes, predicate="intersects")
    d = np.hypot(points[i, 0] - targets[j, 0], points[i, 1] - targets[j, 1])
    keep = d <= radius
    return i[keep].astype(np.int64), j[keep].astype(np.int64), d[keep]


def nearest(points: np.ndarray, targets: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Index of the nearest target of each point and its straight-line distance (-1 / NaN if none)."""
    import shapely

    points = np.asarray(points, dtype=float).reshape(-1, 2)
    targets = np.asarray(targets, dtype=float).reshape(-1, 2)
    idx = np.full(len(points), -1, dtype=np.int64)
    dist = np.full(len(points), np.nan)
    if not len(points) or not len(targets):
        return idx, dist
    tree = shapely.STRtree(shapely.points(targets))
    (i, j) = tree.query_nearest(shapely.points(points), all_matches=False)
    idx[i] = j
    dist[i] = np.hypot(points[i, 0] - targets[j, 0], points[i, 1] - targets[j, 1])
    return idx, dist


# --------------------------------------------------------------------------------------------------
# PTAL
# --------------------------------------------------------------------------------------------------


def ptal_band(ai) -> np.ndarray:
    """PTAL band labels of access indices (see :data:`PTAL_BANDS`)."""
    ai = np.round(np.nan_to_num(np.asarray(ai, dtype=float), nan=0.0), 2)
    limits = np.array([limit for limit, _label in PTAL_BANDS])
    labels = np.array(PTAL_LABELS, dtype=object)
    return labels[np.searchsorted(limits, ai, side="left")]


def edf(distance_m, per_hour, group, walk_m_per_min: float = PTAL_DEFAULTS["walk_m_per_min"]) -> np.ndarray:
    """Equivalent doorstep frequency of routes (vectorised): 30 / (walk + 0.5 x 60 / f + K)."""
    distance_m = np.asarray(distance_m, dtype=float)
    per_hour = np.asarray(per_hour, dtype=float)
    group = np.asarray(group, dtype=object)
    k = np.array([PTAL_GROUPS[g][1] for g in group.tolist()], dtype=float) if len(group) else np.zeros(0)
    with np.errstate(divide="ignore"):
        swt = 0.5 * 60.0 / per_hour
    tat = distance_m / walk_m_per_min + swt + k
    return 30.0 / tat


def access_index(
    pair_point: np.ndarray,
    pair_loc: np.ndarray,
    pair_dist: np.ndarray,
    n_points: int,
    route_freq: pd.DataFrame,
    walk_m_per_min: float = PTAL_DEFAULTS["walk_m_per_min"],
    by_mode: bool = False,
):
    """PTAL access index of ``n_points`` points.

    ``pair_*``: the (point, location, walking distance in m) pairs within reach (at least up to 960 m);
    ``route_freq``: ``service.route_frequencies`` of the analysis window (loc, route, mode, per_hour).
    Returns the index per point (0 without service), and with ``by_mode`` also a DataFrame of the index
    per point and PTAL mode group.
    """
    ai = np.zeros(n_points)
    empty_modes = pd.DataFrame({"point": [], "group": [], "ai": []})
    if not len(pair_point) or not len(route_freq):
        return (ai, empty_modes) if by_mode else ai
    rf = route_freq[route_freq["per_hour"] > 0].sort_values("loc", kind="mergesort")
    rf_loc = rf["loc"].to_numpy().astype(np.int64)
    groups = np.array([ptal_group(m) for m in rf["mode"].tolist()], dtype=object)
    limits = np.array([PTAL_GROUPS[g][0] for g in groups.tolist()], dtype=float)
    if not len(rf):
        return (ai, empty_modes) if by_mode else ai
    # pairs x routes of their location
    starts = np.searchsorted(rf_loc, pair_loc, side="left")
    ends = np.searchsorted(rf_loc, pair_loc, side="right")
    counts = ends - starts
    rep_pair, rank = repeat_ranks(counts)
    rows = starts[rep_pair] + rank
    dist = pair_dist[rep_pair]
    reach = dist <= limits[rows]
    rep_pair, rows, dist = rep_pair[reach], rows[reach], dist[reach]
    if not len(rows):
        return (ai, empty_modes) if by_mode else ai
    values = edf(dist, rf["per_hour"].to_numpy()[rows], groups[rows], walk_m_per_min)
    frame = pd.DataFrame({
        "point": pair_point[rep_pair],
        "route": rf["route"].to_numpy()[rows],
        "group": groups[rows],
        "edf": values,
    })
    # each route once, at its best stop
    best = frame.groupby(["point", "route", "group"], sort=False)["edf"].max().reset_index()
    per_mode = best.groupby(["point", "group"])["edf"].agg(["max", "sum"]).reset_index()
    per_mode["ai"] = per_mode["max"] + 0.5 * (per_mode["sum"] - per_mode["max"])
    total = per_mode.groupby("point")["ai"].sum()
    ai[total.index.to_numpy().astype(np.int64)] = total.to_numpy()
    if by_mode:
        return ai, per_mode[["point", "group", "ai"]]
    return ai


# --------------------------------------------------------------------------------------------------
# ÖV-Güteklassen
# --------------------------------------------------------------------------------------------------


def oev_stop_category(interval_min, group) -> np.ndarray:
    """Stop category 1 (I) ... 7 (VII) from mean interval (minutes) and mode group; 0 = none."""
    interval_min = np.asarray(interval_min, dtype=float)
    group = np.asarray(group, dtype=object)
    band = np.searchsorted(np.array(OEV_INTERVALS), interval_min, side="right")  # 0: < 5 min
    out = np.zeros(len(interval_min), dtype=np.int64)
    for g, cats in OEV_CATEGORY.items():
        sel = (group == g) & (band < len(OEV_INTERVALS))
        out[sel] = np.array(cats)[band[sel]]
    return out


def oev_classes(pair_point, pair_loc, pair_dist, n_points: int, loc_category: dict) -> np.ndarray:
    """ÖV class letter ("A"-"D", "" when none) of ``n_points`` points from the stop categories of the
    locations (``loc_category``: location -> category) and the (point, location, distance) pairs."""
    best = np.zeros(n_points, dtype=np.int64)  # 0 = none, else 1 (A) .. 4 (D)
    if len(pair_point):
        cat = np.array([loc_category.get(int(loc), 0) for loc in pair_loc.tolist()], dtype=np.int64)
        band = np.searchsorted(np.array(OEV_DISTANCES), pair_dist, side="left")  # <= 300 -> 0
        table = np.zeros((8, len(OEV_DISTANCES) + 1), dtype=np.int64)
        for c, row in OEV_CLASS.items():
            table[c, : len(row)] = row
        cls = table[np.clip(cat, 0, 7), np.clip(band, 0, len(OEV_DISTANCES))]
        cls = np.where(cls == 0, 99, cls)
        fill = np.full(n_points, 99, dtype=np.int64)
        np.minimum.at(fill, pair_point, cls)
        best = np.where(fill == 99, 0, fill)
    return np.array(OEV_LETTERS, dtype=object)[best]


# --------------------------------------------------------------------------------------------------
# Departures nearby
# --------------------------------------------------------------------------------------------------


def distinct_departures(
    pair_point,
    pair_loc,
    n_points: int,
    locs: np.ndarray,
    offsets: np.ndarray,
    instances: np.ndarray,
    chunk: int = 5_000_000,
) -> np.ndarray:
    """Number of distinct vehicle journeys leaving from the locations paired with each point
    (``locs``/``offsets``/``instances`` from ``service.location_instances``)."""
    out = np.zeros(n_points, dtype=np.int64)
    if not len(pair_point) or not len(locs):
        return out
    pos = np.searchsorted(locs, pair_loc)
    pos_ok = (pos < len(locs))
    pos_ok[pos_ok] = locs[pos[pos_ok]] == pair_loc[pos_ok]
    pp, pos = np.asarray(pair_point)[pos_ok], pos[pos_ok]
    if not len(pp):
        return out
    order = np.argsort(pp, kind="mergesort")
    pp, pos = pp[order], pos[order]
    sizes = offsets[pos + 1] - offsets[pos]
    cum = np.cumsum(sizes)
    begin = 0
    n_pairs = len(pp)
    max_instance = int(instances.max()) + 1 if len(instances) else 1
    while begin < n_pairs:
        limit = (cum[begin - 1] if begin else 0) + chunk
        end = max(int(np.searchsorted(cum, limit, side="right")), begin + 1)
        # never split one point's pairs over two chunks
        if end < n_pairs:
            end = int(np.searchsorted(pp, pp[end - 1], side="right"))
        s = sizes[begin:end]
        rep, within = repeat_ranks(s)
        rep = rep + begin
        inst = instances[offsets[pos[rep]] + within]
        key = np.unique(pp[rep].astype(np.int64) * max_instance + inst)
        pts = key // max_instance
        np.add.at(out, pts, 1)
        begin = end
    return out


def oev_category_of_locations(intervals: pd.DataFrame) -> dict:
    """location -> stop category (``intervals`` from ``service.stop_intervals``)."""
    if not len(intervals):
        return {}
    cats = oev_stop_category(intervals["interval_min"].to_numpy(), intervals["group"].to_numpy())
    return {int(loc): int(c) for loc, c in zip(intervals["loc"].to_numpy().tolist(), cats.tolist()) if c}


def summarize_points(
    n_points: int,
    pair_point: np.ndarray,
    pair_loc: np.ndarray,
    pair_dist: np.ndarray,
    route_freq_peak: pd.DataFrame,
    loc_category: dict,
    instances_peak: Tuple[np.ndarray, np.ndarray, np.ndarray],
    peak_hours: float,
    radius_departures: float = 500.0,
    walk_m_per_min: float = PTAL_DEFAULTS["walk_m_per_min"],
) -> pd.DataFrame:
    """ptal_ai, ptal, oev_class and dep_500m_h of points from their (point, location, distance) pairs."""
    ai = access_index(pair_point, pair_loc, pair_dist, n_points, route_freq_peak, walk_m_per_min)
    near = pair_dist <= radius_departures
    locs, offsets, inst = instances_peak
    dep = distinct_departures(pair_point[near], pair_loc[near], n_points, locs, offsets, inst)
    dep_h = dep / peak_hours if peak_hours > 0 else np.full(n_points, np.nan)
    return pd.DataFrame({
        "ptal_ai": np.round(ai, 2),
        "ptal": ptal_band(ai),
        "oev_class": oev_classes(pair_point, pair_loc, pair_dist, n_points, loc_category),
        "dep_500m_h": dep_h,
    })


def ptal_rank(label: Optional[str]) -> int:
    """0 for band "0" ... 8 for "6b" (to sort or colour)."""
    try:
        return PTAL_LABELS.index(label)
    except ValueError:
        return 0
