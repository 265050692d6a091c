"""The territory's outline and the area around it, and the tests "is this inside the area?".

Why a buffer: a site near the edge of the territory reaches, on foot or by bike, roads and inhabitants
beyond it; cutting the network at the boundary would shrink its catchment. The default 5 km covers a
15-minute bike ride; every layer is cut to the territory grown by that width.

Pure Python: shapely and numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Area:
    """``territory``: the union of the outlines; ``area``: it grown by ``buffer_m`` (both shapely, in the
    projected CRS of the outlines)."""

    territory: object
    area: object
    buffer_m: float

    @property
    def bounds(self):
        return self.area.bounds


def build_area(outlines, buffer_m: float) -> Area:
    """The union of ``outlines`` (shapely polygons in metres) and the area around it. Invalid outlines are
    repaired; ValueError when nothing polygonal is left."""
    import shapely

    geoms = [g for g in outlines if g is not None and not g.is_empty]
    if not geoms:
        raise ValueError("no outline")
    geoms = [g if g.is_valid else shapely.make_valid(g) for g in geoms]
    union = shapely.union_all(np.array(geoms, dtype=object))
    polygons = [p for p in shapely.get_parts(union) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not polygons:
        raise ValueError("no polygon")
    territory = shapely.union_all(np.array(polygons, dtype=object))
    area = territory.buffer(float(buffer_m), quad_segs=8) if buffer_m > 0 else territory
    return Area(territory, area, float(buffer_m))


class Inside:
    """Fast tests against a prepared polygon: which geometries intersect it, which lie within it."""

    def __init__(self, polygon):
        import shapely

        self.polygon = polygon
        shapely.prepare(self.polygon)
        self.minx, self.miny, self.maxx, self.maxy = polygon.bounds

    def points(self, x, y) -> np.ndarray:
        """Mask of the points (x, y arrays) inside or on the boundary."""
        import shapely

        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        out = (x >= self.minx) & (x <= self.maxx) & (y >= self.miny) & (y <= self.maxy)
        idx = np.flatnonzero(out)
        if len(idx):
            out[idx] = shapely.intersects_xy(self.polygon, x[idx], y[idx])
        return out

    def classify(self, geoms):
        """(intersects, within) masks of an array of shapely geometries (None counts as neither)."""
        import shapely

        geoms = np.asarray(geoms, dtype=object)
        present = np.array([g is not None for g in geoms], dtype=bool) if len(geoms) else np.zeros(0, dtype=bool)
        hit = np.zeros(len(geoms), dtype=bool)
        within = np.zeros(len(geoms), dtype=bool)
        if present.any():
            sub = geoms[present]
            hit[present] = shapely.intersects(self.polygon, sub)
            within[present] = shapely.contains_properly(self.polygon, sub)
        return hit, within

    def clip(self, geoms):
        """The parts of ``geoms`` inside the polygon (the same dimension kept: lines stay lines)."""
        import shapely

        out = shapely.intersection(np.asarray(geoms, dtype=object), self.polygon)
        return out
