"""Population inside polygons, as the area-weighted share of each grid cell.

The population of a cell is assumed to be spread evenly over the cell: a polygon covering 30 % of a
cell of 120 inhabitants counts 36. This is the usual reading of the INSEE Filosofi 200 m grid
(``ind``, individuals per cell); any polygon layer with a count field works the same way (IRIS,
buildings with inhabitants, other grids).

Two ways to compute the shares, with the same result:

- regular grid (every cell an axis-aligned square or rectangle of one size, on one origin — the INSEE
  grid in its own CRS, any grid made in QGIS): exact areas of each polygon in every cell it touches by
  Green's theorem along the polygon's edges split at the grid lines, vectorised with numpy; cost is
  linear in the number of polygon vertices, whatever their complexity;
- any other cells: an STRtree query of (polygon, cell) pairs, cells entirely inside counted whole, the
  others cut with a GEOS intersection.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

from ..arrays import repeat_ranks, ring_signed_areas
from ..progress import NullProgress, Progress


def _present(geoms) -> np.ndarray:
    ok = np.array([g is not None for g in geoms], dtype=bool)
    if ok.any():
        ok[ok] = ~shapely.is_empty(geoms[ok])
    return ok


def _regular_grid(cells):
    """(x0, y0, width, height, i, j) when ``cells`` are axis-aligned rectangles of one grid, else None."""
    if len(cells) == 0:
        return None
    simple = (shapely.get_type_id(cells) == 3) & (shapely.get_num_coordinates(cells) == 5)
    if not simple.all():
        return None
    bounds = shapely.bounds(cells)
    width = bounds[:, 2] - bounds[:, 0]
    height = bounds[:, 3] - bounds[:, 1]
    w, h = float(np.median(width)), float(np.median(height))
    if w <= 0 or h <= 0:
        return None
    tol = 1e-6 * max(w, h)
    if np.abs(width - w).max() > tol or np.abs(height - h).max() > tol:
        return None
    if np.abs(shapely.area(cells) - width * height).max() > 1e-6 * w * h:
        return None  # not rectangles
    x0, y0 = float(bounds[:, 0].min()), float(bounds[:, 1].min())
    fi = (bounds[:, 0] - x0) / w
    fj = (bounds[:, 1] - y0) / h
    i, j = np.rint(fi), np.rint(fj)
    if np.abs(fi - i).max() * w > tol * 10 or np.abs(fj - j).max() * h > tol * 10:
        return None
    return x0, y0, w, h, i.astype(np.int64), j.astype(np.int64)


def _ranges(starts, counts):
    """Concatenation of ``arange(s, s + c)`` for each start/count."""
    owner, offsets = repeat_ranks(counts)
    return np.asarray(starts)[owner] + offsets


def _ring_orientation_factors(coords, ring_of_coord, ring_part):
    """Per ring, +1 when it already runs the way Green's theorem below expects (exterior rings
    counter-clockwise, holes clockwise) and -1 when it must be read backwards.

    Vectorised over all rings (shoelace formula): reading a ring backwards only flips the sign of its
    edges' contributions, so no geometry is rebuilt. ``shapely.orient_polygons`` (shapely 2.1) would do
    the same work, but the plugin runs on shapely 2.0, whose wheels match the GEOS that QGIS 3.22 loads,
    and ``shapely.geometry.polygon.orient`` there is a Python loop over rings (seconds per 1,000 polygons).
    """
    n_rings = len(ring_part)
    signed = ring_signed_areas(coords, ring_of_coord, n_rings)
    is_shell = np.ones(n_rings, dtype=bool)
    is_shell[1:] = ring_part[1:] != ring_part[:-1]
    wanted = np.where(is_shell, 1.0, -1.0)
    return np.where(signed * wanted < 0, -1.0, 1.0)


def grid_areas(polygons, x0: float, y0: float, w: float, h: float):
    """Area of each polygon in each grid cell it overlaps: (polygon index, i, j, area in CRS units²).

    Exact (up to rounding) for any valid polygons with holes. For a counter-clockwise boundary, the area
    of the polygon in column i below height Y is ``-∮ min(y, Y) dx`` along the boundary pieces inside
    the column (Green's theorem; the column's walls add nothing since dx = 0 along them), so each edge,
    split where it crosses grid lines, adds ``-(ȳ - Y_j) dx`` to its own cell and ``-h dx`` to every
    cell below it in the same column (a running sum per column).
    """
    polygons = np.asarray(polygons, dtype=object)
    present = np.nonzero(_present(polygons))[0]
    empty = (np.zeros(0, dtype=np.int64),) * 3 + (np.zeros(0),)
    if len(present) == 0:
        return empty
    parts, part_owner = shapely.get_parts(polygons[present], return_index=True)
    parts_ok = shapely.get_type_id(parts) == 3
    parts, part_owner = parts[parts_ok], part_owner[parts_ok]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring_of_coord = shapely.get_coordinates(rings, return_index=True)
    if len(coords) < 2:
        return empty
    u = (coords[:, 0] - x0) / w
    v = (coords[:, 1] - y0) / h
    owner = part_owner[ring_part[ring_of_coord]]
    edge = np.nonzero(ring_of_coord[1:] == ring_of_coord[:-1])[0]
    u0, v0, u1, v1 = u[edge], v[edge], u[edge + 1], v[edge + 1]
    edge_owner = owner[edge]
    edge_factor = _ring_orientation_factors(coords, ring_of_coord, ring_part)[ring_of_coord[edge]]
    n_edges = len(edge)
    # split parameters: 0, 1 and every crossing of an integer grid line
    ts = [np.zeros(n_edges), np.ones(n_edges)]
    ids = [np.arange(n_edges), np.arange(n_edges)]
    for a, b in ((u0, u1), (v0, v1)):
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        first = np.floor(lo) + 1
        count = np.maximum(0, np.ceil(hi) - first).astype(np.int64)
        if count.sum():
            which = np.repeat(np.arange(n_edges), count)
            k = _ranges(first.astype(np.int64), count).astype(float)
            with np.errstate(divide="ignore", invalid="ignore"):
                t = (k - a[which]) / (b[which] - a[which])
            ts.append(t)
            ids.append(which)
    ts = np.concatenate(ts)
    ids = np.concatenate(ids)
    order = np.lexsort((ts, ids))
    ts, ids = ts[order], ids[order]
    same = ids[1:] == ids[:-1]
    ta, tb, e = ts[:-1][same], ts[1:][same], ids[:-1][same]
    du = (u1 - u0)[e]
    dv = (v1 - v0)[e]
    ua, ub = u0[e] + ta * du, u0[e] + tb * du
    va, vb = v0[e] + ta * dv, v0[e] + tb * dv
    mid_u, mid_v = (ua + ub) / 2, (va + vb) / 2
    col = np.floor(mid_u).astype(np.int64)
    row = np.floor(mid_v).astype(np.int64)
    dx = (ub - ua) * edge_factor[e]  # as if every ring ran the expected way
    own = edge_owner[e]
    keep = dx != 0
    col, row, dx, own, mid_v = col[keep], row[keep], dx[keep], own[keep], mid_v[keep]
    in_cell = -(mid_v - row) * dx
    # group by (polygon, column): rows from the lowest to the highest piece
    group_key = own * np.int64(1 << 31) + (col - col.min())
    groups, group_of = np.unique(group_key, return_inverse=True)
    row_min = np.full(len(groups), np.iinfo(np.int64).max)
    row_max = np.full(len(groups), np.iinfo(np.int64).min)
    np.minimum.at(row_min, group_of, row)
    np.maximum.at(row_max, group_of, row)
    length = row_max - row_min + 1
    offset = np.cumsum(length) - length
    slot = offset[group_of] + (row - row_min[group_of])
    total = int(length.sum())
    cell = np.zeros(total)
    below = np.zeros(total)
    np.add.at(cell, slot, in_cell)
    np.add.at(below, slot, -dx)
    # area added to a cell by the pieces above it in its column: exclusive suffix sum per group
    suffix = np.cumsum(below[::-1])[::-1]  # inclusive, over the whole array
    group_end = offset + length  # exclusive end of each group
    after_group = np.append(suffix, 0.0)[group_end]
    slot_group = np.repeat(np.arange(len(groups)), length)
    above = suffix - below - after_group[slot_group]
    area = (cell + above) * (w * h)
    slot_row = row_min[slot_group] + (np.arange(total) - offset[slot_group])
    slot_col = (groups % np.int64(1 << 31))[slot_group] + col.min()
    slot_owner = present[(groups // np.int64(1 << 31))[slot_group]]
    ok = area > 1e-9 * w * h
    return slot_owner[ok], slot_col[ok], slot_row[ok], area[ok]


class CellIndex:
    """Grid cells with a value each, indexed once for many polygon queries."""

    def __init__(self, cells, values):
        cells = np.asarray(cells, dtype=object) if not isinstance(cells, np.ndarray) else cells
        values = np.asarray(values, dtype=float)
        values = np.where(np.isfinite(values), values, 0.0)
        ok = _present(cells)
        ok[ok] = shapely.area(cells[ok]) > 0
        self.source_index = np.nonzero(ok)[0]
        self.cells = cells[ok]
        self.values = values[ok]
        self.area = shapely.area(self.cells)
        self.bounds = shapely.bounds(self.cells)
        self.grid = _regular_grid(self.cells)
        self._tree = None
        if self.grid is not None:
            x0, y0, w, h, i, j = self.grid
            self._keys = i * np.int64(1 << 31) + j
            self._order = np.argsort(self._keys, kind="stable")
            self._sorted_keys = self._keys[self._order]
            if len(self._sorted_keys) > 1 and np.any(self._sorted_keys[1:] == self._sorted_keys[:-1]):
                self.grid = None  # two features on one cell: use the general method

    @property
    def is_grid(self) -> bool:
        return self.grid is not None

    @property
    def tree(self):
        if self._tree is None:
            self._tree = shapely.STRtree(self.cells)
        return self._tree

    @property
    def total(self) -> float:
        return float(self.values.sum())

    def _grid_shares(self, polygons):
        x0, y0, w, h, _i, _j = self.grid
        owner, col, row, area = grid_areas(polygons, x0, y0, w, h)
        keys = col * np.int64(1 << 31) + row
        pos = np.searchsorted(self._sorted_keys, keys)
        pos = np.minimum(pos, len(self._sorted_keys) - 1)
        found = self._sorted_keys[pos] == keys
        owner, pos, area = owner[found], pos[found], area[found]
        return owner, self._order[pos], np.clip(area / (w * h), 0.0, 1.0)

    def shares(self, polygons, progress: Progress = None, chunk: int = 256, threads: int = 0):
        """(polygon index, cell index, share of the cell's area inside the polygon) for every overlap.

        Chunks of polygons run in ``threads`` threads (default: up to 4, one per core): numpy and GEOS
        release the GIL on their large operations.
        """
        progress = progress or NullProgress()
        polygons = np.asarray(polygons, dtype=object) if not isinstance(polygons, np.ndarray) else polygons
        present = np.nonzero(_present(polygons))[0]
        threads = threads or max(1, min(4, os.cpu_count() or 1))
        chunks = [present[start:start + chunk] for start in range(0, len(present), chunk)]

        def one(idx):
            progress.check()
            polys = polygons[idx]
            if self.is_grid:
                pi, ci, share = self._grid_shares(polys)
            else:
                pi, ci, share = self._overlay_shares(polys)
            return idx[pi], ci, share

        out_p, out_c, out_s = [], [], []
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for k, (pi, ci, share) in enumerate(pool.map(one, chunks)):
                out_p.append(pi)
                out_c.append(ci)
                out_s.append(share)
                progress.set(min(1.0, (k + 1) / len(chunks)))
        if not out_p:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(out_p), np.concatenate(out_c), np.concatenate(out_s)

    def _overlay_shares(self, polys):
        shapely.prepare(polys)
        pi, ci = self.tree.query(polys, predicate="intersects")
        share = np.zeros(len(pi))
        if len(pi):
            inside = shapely.contains(polys[pi], self.cells[ci])
            share[inside] = 1.0
            cut = np.nonzero(~inside)[0]
            if len(cut):
                part = shapely.intersection(polys[pi[cut]], self.cells[ci[cut]])
                share[cut] = shapely.area(part) / self.area[ci[cut]]
        return pi, ci, np.clip(share, 0.0, 1.0)

    def population(self, polygons, progress: Progress = None) -> np.ndarray:
        """Population inside each polygon (NaN for a missing polygon)."""
        polygons = np.asarray(polygons, dtype=object) if not isinstance(polygons, np.ndarray) else polygons
        pi, ci, share = self.shares(polygons, progress)
        result = np.bincount(pi, weights=self.values[ci] * share, minlength=len(polygons)).astype(float)
        result[~_present(polygons)] = np.nan
        return result


def population_in(polygons, cells, values, progress: Progress = None) -> np.ndarray:
    """Population of ``cells`` (``values`` per cell, spread evenly) inside each of ``polygons``."""
    return CellIndex(cells, values).population(polygons, progress)
