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
    """Local metres around the town hall -> Lambert-93, rounded to the centimetre."""
    return round_geom(shapely.transform(geom, lambda c: c + np.array([X0, Y0])))


def parts(geom):
    """The simple parts of any geometry (empty list for empty)."""
    if geom is None or geom.is_empty:
        return []
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out.extend(parts(g))
        return out
    return [geom]


def lines_of(geom, min_len=0.0):
    return [g for g in parts(geom) if g.geom_type == "LineString" and g.length > min_len]


def polys_of(geom, min_area=0.0):
    return [g for g in parts(geom) if g.geom_type == "Polygon" and g.area > min_area]


def orientation_deg(poly: Polygon) -> float:
    """Direction of the longest side of the shape's simplified outline: local streets run parallel
    to it, as streets in real districts follow the road they were opened from."""
    ring = list(poly.exterior.simplify(25).coords)
    best, ang = 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        d = math.hypot(x2 - x1, y2 - y1)
        if d > best:
            best, ang = d, math.degrees(math.atan2(y2 - y1, x2 - x1))
    return ang
