"""Geometry and random helpers shared by every layer.

Every random draw comes from a generator seeded with the territory's seed and a tag, so that a layer
(or a unit inside one) draws the same numbers whatever the others do.
"""

from __future__ import annotations

import math
import random

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from .territory import SEED, X0, Y0


def rng_for(tag: str) -> random.Random:
    """A generator of its own for each layer: string seeds are hashed with SHA-512 by ``random``, so
    the draws do not depend on PYTHONHASHSEED, and adding draws to one layer leaves the others alone."""
    return random.Random(f"ingeville-{SEED}-{tag}")


def np_rng_for(tag: str) -> np.random.RandomState:
    return np.random.RandomState(rng_for(tag).randrange(2**31))


def wobbly_ring(cx, cy, r0, harmonics, n=144) -> Polygon:
    """A closed, smooth, irregular shape: radius r0 plus a few sine harmonics (k, amplitude, phase)."""
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        r = r0 + sum(a * math.sin(k * t + ph) for k, a, ph in harmonics)
        pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
    return Polygon(pts)


def rect(cx, cy, w, h, angle_deg=0.0) -> Polygon:
    """A rotated rectangle (w along the angle, h across)."""
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        pts.append((cx + dx * ca - dy * sa, cy + dx * sa + dy * ca))
    return Polygon(pts)


def catmull_rom(points, step=20.0) -> LineString:
    """A smooth curve through control points (uniform Catmull-Rom), resampled about every ``step`` m."""
    pts = np.asarray(points, dtype=float)
    if len(pts) < 3:
        return resample(LineString(pts), step)
    ext = np.vstack([2 * pts[0] - pts[1], pts, 2 * pts[-1] - pts[-2]])
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        n = max(2, int(float(np.hypot(*(p2 - p1))) / step))
        t = (np.arange(n) / n)[:, None]
        out.append(
            0.5
            * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3)
        )
    out.append(pts[-1:])
    return LineString(np.vstack(out))


def resample(line: LineString, step: float) -> LineString:
    n = max(1, int(round(line.length / step)))
    pts = shapely.line_interpolate_point(line, np.linspace(0.0, 1.0, n + 1), normalized=True)
    return LineString(shapely.get_coordinates(pts))


def round_geom(geom, nd=2):
    """Coordinates rounded to the centimetre (stable text output, same bytes on every run)."""
    return shapely.transform(geom, lambda c: np.round(c, nd))


def to_l93(geom):
    """Local metres around the town hall -> Lambert-93, canonical (see ``canon``: rounded to the
    centimetre, rings and parts in a fixed order), as every layer is written."""
    return canon(shapely.transform(geom, lambda c: c + np.array([X0, Y0])))


# ---- canonical GEOS results ------------------------------------------------------------------
#
# GEOS versions differ in the *form* of their results: where a ring starts and which way it turns,
# the order of the parts of a union, a split or a polygonize, and the last bits of computed
# coordinates. Fed into a random draw or a choice, such a difference changes the whole territory
# (a grid drawn from another corner, another face picked first, the next draws shifted). Every GEOS
# result that feeds a choice therefore goes through ``canon`` (or ``parts``, which returns canonical
# parts in a canonical order) first: coordinates on a 1 cm grid, rings starting at their lowest
# vertex in a fixed orientation, parts sorted. Lines keep their direction (a one-way street's
# direction is its meaning); ``forward`` orients a line whose direction means nothing.


def canon(geom):
    """``geom`` in a form independent of the GEOS version: coordinates rounded to the centimetre,
    repeated vertices removed, polygons normalised (ring start and orientation fixed), the parts of a
    collection sorted. Lines keep their direction. A polygon that rounding would make invalid is
    snapped by GEOS instead."""
    if geom is None or geom.is_empty:
        return geom
    if hasattr(geom, "geoms"):
        return type(geom)(parts(geom))
    out = shapely.remove_repeated_points(round_geom(geom))
    if geom.geom_type == "Polygon":
        out = shapely.normalize(out)
        if not out.is_valid and geom.is_valid:
            out = shapely.normalize(shapely.set_precision(geom, 0.01))
    return out


def forward(line: LineString) -> LineString:
    """A line whose direction means nothing, oriented the same way by every GEOS (first vertex the
    lowest)."""
    return shapely.normalize(line)


def sort_key(geom) -> tuple:
    """A total order of canonical geometries that depends neither on GEOS nor on a line's direction:
    the rounded coordinates of its normalised form."""
    return tuple(map(tuple, np.round(shapely.get_coordinates(shapely.normalize(geom)), 2).tolist()))


def parts(geom):
    """The simple parts of any geometry, canonical and sorted (see ``sort_key``), empty list for
    empty: the same list in the same order whatever order GEOS returned them in."""
    if geom is None or geom.is_empty:
        return []
    out, todo = [], [geom]
    while todo:
        g = todo.pop()
        if hasattr(g, "geoms"):
            todo.extend(g.geoms)
            continue
        g = canon(g)
        if hasattr(g, "geoms"):  # a polygon snapped by GEOS into several
            out.extend(g.geoms)
        elif not g.is_empty:
            out.append(g)
    return sorted(out, key=sort_key)


def lines_of(geom, min_len=0.0):
    return [g for g in parts(geom) if g.geom_type == "LineString" and g.length > min_len]


def polys_of(geom, min_area=0.0):
    return [g for g in parts(geom) if g.geom_type == "Polygon" and g.area > min_area]


def douglas_peucker(coords, tolerance: float) -> list:
    """The Douglas-Peucker simplification of a polyline (first and last vertices kept), in Python:
    GEOS 3.12 changed how its own simplifier treats the start of a ring."""
    pts = np.asarray(coords, dtype=float)
    keep = np.zeros(len(pts), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        (x1, y1), (x2, y2) = pts[i], pts[j]
        seg = math.hypot(x2 - x1, y2 - y1)
        mid = pts[i + 1 : j]
        if seg == 0:
            dist = np.hypot(mid[:, 0] - x1, mid[:, 1] - y1)
        else:
            dist = np.abs((x2 - x1) * (mid[:, 1] - y1) - (y2 - y1) * (mid[:, 0] - x1)) / seg
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            keep[i + 1 + k] = True
            stack += [(i, i + 1 + k), (i + 1 + k, j)]
    return [tuple(p) for p in pts[keep].tolist()]


def simplified_polygon(poly: Polygon, tolerance: float) -> Polygon:
    """``poly`` with its rings simplified by ``douglas_peucker`` from their canonical start: what
    GEOS's simplify does, the same on every version; ``poly`` itself when that would make it invalid."""
    poly = canon(poly)
    rings = [douglas_peucker(ring.coords, tolerance) for ring in (poly.exterior, *poly.interiors)]
    if any(len(ring) < 4 for ring in rings):
        return poly
    out = Polygon(rings[0], rings[1:])
    return canon(out) if out.is_valid else poly


def orientation_deg(poly: Polygon) -> float:
    """Direction of the longest side of the shape's simplified outline: local streets run parallel
    to it, as streets in real districts follow the road they were opened from. The outline is taken
    canonical (start and orientation) and simplified here, so that every GEOS gives the same angle."""
    ring = douglas_peucker(canon(poly).exterior.coords, 25.0)
    best, ang = 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        d = math.hypot(x2 - x1, y2 - y1)
        if d > best + 1e-6:
            best, ang = d, math.degrees(math.atan2(y2 - y1, x2 - x1))
    return ang
