"""Catchment outlines drawn on a fine grid: the fast way where reached roads crowd.

Buffering the reached roads (``isochrone``) gives smooth outlines, but where roads crowd (sidewalks drawn
beside every street in OpenStreetMap, a whole town reached by car) GEOS spends most of its time merging
buffers that overlap many times. Here the same reached pieces are drawn on a grid of ``cell`` metres
(10 m by default) instead, for all the bands of a site at once:

1. the reached pieces of each band are sampled every ``cell / 2`` metres, ends included, plus the point
   where the site meets the road; each sample marks its grid cell with its band, the shortest band
   winning: the *seed* cells;
2. a cell belongs to band ``b`` when the centre of a seed cell of band ``b`` or shorter lies within ``R`` of
   its centre (a minimum filter over a disc, made of sliding minima along rows, in numpy);
3. the cells of each band become one polygon (GDAL's polygonizer, 4-connected cells), whose corners are
   then cut at 45° through the middles of the cell sides (the outline marching squares would draw
   through the cell centres): no staircase, and no two parts touching at a corner.

The guarantee is the same as for buffers. A point ``p`` of the polygon lies within ``0.8 cell`` of the
centre of a cell of the band (``cell / √2`` inside a cell, ``0.79 cell`` in a corner added at 45°), which
is within ``R`` of a seed cell's centre, itself within ``cell / √2`` of the reached sample in it:
``|p − sample| ≤ R + 1.51 cell``. With ``R = width − 1.51 cell``, **no point of a polygon is farther than
``width`` from a reached point of the network**. Conversely every reached point lies within ``cell / 4``
of a sample, so the centres of its cell and of the 8 around lie within ``3.08 cell`` of a seed cell's
centre: when ``R`` is at least that (``cell ≤ width / 4.6``: the cell is reduced for narrow widths),
they are all in the band and no cut corner comes near the point. Bands are nested exactly: a cell of a
band is a cell of every longer band, and cutting corners keeps that order.

The outline is on average a little inside the buffer of the same width (the grid keeps a margin for its
own resolution): about 40 m from the reached roads instead of 50 m with the default width.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

#: Default grid resolution (metres).
DEFAULT_CELL_M = 10.0
#: The cell never exceeds the width divided by this (so that every reached point stays inside).
WIDTH_PER_CELL = 4.6
#: Farthest distance, in cells, from a point of the outline to the centre of a cell of the band.
OUTLINE_MARGIN_CELLS = 0.8
#: Above this many cells for one site the grid is coarsened (within the limit above) to bound memory.
MAX_CELLS = 12_000_000
UNREACHED = np.uint8(255)


def cell_size(width: float, cell: float = DEFAULT_CELL_M) -> float:
    """The grid resolution used for ``width``: ``cell``, reduced so that reached roads stay inside."""
    return min(cell, width / WIDTH_PER_CELL)


def disc_rows(radius_cells: float):
    """(row offset, half-width in cells) of the disc of cell centres within ``radius_cells`` of a centre."""
    k = int(math.floor(radius_cells + 1e-9))
    rows = []
    for dy in range(-k, k + 1):
        rows.append((dy, int(math.floor(math.sqrt(max(0.0, radius_cells**2 - dy * dy)) + 1e-9))))
    return rows


def _row_minima(grid, widths):
    """For each half-width ``w``: the minimum of ``grid`` over columns ``j - w .. j + w``. The first and
    last ``w`` columns are left unreached: ``grid`` must have ``2 w`` unreached columns on each side."""
    n = grid.shape[1]
    runs = {1: grid}  # runs[s][:, j] = min of grid[:, j : j + s]
    s = 1
    top = 2 * max(widths) + 1
    while s * 2 <= top:
        prev = runs[s]
        nxt = prev.copy()
        np.minimum(prev[:, : n - s], prev[:, s:], out=nxt[:, : n - s])
        runs[s * 2] = nxt
        s *= 2
    out = {}
    for w in widths:
        length = 2 * w + 1
        p = 1 << (length.bit_length() - 1)  # largest power of two within the window
        run = runs[p]
        res = np.full_like(grid, UNREACHED)
        # window [j - w, j + w] = [j - w, j - w + p) ∪ [j + w - p + 1, j + w]
        res[:, w: n - w] = np.minimum(run[:, : n - 2 * w], run[:, length - p: n - 2 * w + length - p])
        out[w] = res
    return out


def disc_minimum(seed, rows):
    """Minimum of ``seed`` over the disc ``rows`` around every cell (``seed`` padded by twice the disc's
    radius on each side)."""
    minima = _row_minima(seed, sorted({w for _, w in rows}))
    out = np.full_like(seed, UNREACHED)
    ny = seed.shape[0]
    for dy, w in rows:
        rows_min = minima[w]
        if dy >= 0:
            np.minimum(out[: ny - dy], rows_min[dy:], out=out[: ny - dy])
        else:
            np.minimum(out[-dy:], rows_min[: ny + dy], out=out[-dy:])
    return out


def sample_pieces(graph, site, seg, t0, t1, step):
    """(site, xy) of points every ``step`` metres or less along each piece, both ends included."""
    net = graph.network
    a = net.node_xy[net.seg_u[seg]]
    b = net.node_xy[net.seg_v[seg]]
    length = net.seg_len[seg] * (t1 - t0)
    count = np.ceil(length / step).astype(np.int64) + 1
    owner = np.repeat(np.arange(len(seg)), count)
    rank = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    frac = t0[owner] + (t1 - t0)[owner] * rank / np.maximum(count - 1, 1)[owner]
    return site[owner], a[owner] + frac[:, None] * (b - a)[owner]


def polygonize(mask, x0: float, y0: float, cell: float):
    """The cells of ``mask`` (rows going north from ``y0``) as one polygon or multipolygon (GDAL)."""
    from osgeo import gdal, ogr

    ny, nx = mask.shape
    raster = gdal.GetDriverByName("MEM").Create("", nx, ny, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((x0, cell, 0.0, y0 + ny * cell, 0.0, -cell))
    band = raster.GetRasterBand(1)
    band.WriteArray(np.ascontiguousarray(mask[::-1]).view(np.uint8))
    store = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = store.CreateLayer("cells", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0, [], callback=None)
    parts = [shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())) for feature in layer]
    if not parts:
        return None
    return cut_corners(shapely.multipolygons(parts), cell)


def _ring_neighbours(ring):
    """Index of the previous and next vertex of each vertex, cyclically within its ring."""
    n = len(ring)
    change = ring[1:] != ring[:-1]
    first = np.concatenate(([True], change))
    last = np.concatenate((change, [True]))
    start = np.maximum.accumulate(np.where(first, np.arange(n), 0))
    end = np.minimum.accumulate(np.where(last, np.arange(n), n)[::-1])[::-1]
    prev = np.where(first, end, np.arange(n) - 1)
    nxt = np.where(last, start, np.arange(n) + 1)
    return prev, nxt


def cut_corners(geom, cell: float):
    """The grid outline ``geom`` with every corner cut at 45° through the middles of the two cell sides
    meeting there (convex corners lose a triangle, concave ones gain one; at most ``0.79 cell`` from the
    centre of a cell of the outline). Where two cells meet only by a corner, the two passes of the
    outline through it are cut apart (or, closing a hole, joined), so the result is always valid."""
    parts = shapely.get_parts(geom)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    open_ = np.concatenate((ring[1:] == ring[:-1], [False]))  # drop each ring's closing point
    xy, ring = xy[open_], ring[open_]
    prev, nxt = _ring_neighbours(ring)
    back = xy[prev] - xy
    ahead = xy[nxt] - xy
    corner = np.abs(back[:, 0] * ahead[:, 1] - back[:, 1] * ahead[:, 0]) > 1e-9 * cell * cell
    xy, ring = xy[corner], ring[corner]  # the corners only (GDAL may keep points along straight sides)
    prev, nxt = _ring_neighbours(ring)
    half = cell / 2.0
    back = xy[prev] - xy
    ahead = xy[nxt] - xy
    before = xy + half * back / np.hypot(back[:, 0], back[:, 1])[:, None]
    after = xy + half * ahead / np.hypot(ahead[:, 0], ahead[:, 1])[:, None]
    cut = np.stack([before, after], axis=1).reshape(-1, 2)
    cut_ring = np.repeat(ring, 2)
    # a side one cell long: the point after a corner is the point before the next one
    prev_cut, _ = _ring_neighbours(cut_ring)
    keep = np.any(np.abs(cut - cut[prev_cut]) > 1e-9 * cell, axis=1)
    cut, cut_ring = cut[keep], cut_ring[keep]
    new_rings = shapely.linearrings(cut, indices=cut_ring)  # closed by shapely
    polygons = shapely.polygons(new_rings, indices=ring_part[np.unique(cut_ring)])
    return polygons[0] if len(polygons) == 1 else shapely.multipolygons(polygons)


def _site_polygons(samples, n_bands, width, cell):
    """Polygons of one site's bands from its samples: a list of (band, xy) with xy (N, 2)."""
    lo = np.min([xy.min(axis=0) for _, xy in samples if len(xy)], axis=0)
    hi = np.max([xy.max(axis=0) for _, xy in samples if len(xy)], axis=0)
    span = (hi - lo) / cell
    cells = (span[0] + 1) * (span[1] + 1)
    if cells > MAX_CELLS:  # a very large reach: coarser grid, within the limit that keeps roads inside
        cell = min(cell_size(width, math.inf), cell * math.sqrt(cells / MAX_CELLS))
    radius = (width - cell * (OUTLINE_MARGIN_CELLS + math.sqrt(0.5))) / cell
    rows = disc_rows(radius)
    k = 2 * (len(rows) // 2)  # twice the disc's radius in cells: see ``_row_minima``
    first = np.floor(lo / cell).astype(np.int64) - k
    last = np.floor(hi / cell).astype(np.int64) + k
    nx, ny = (last - first + 1).tolist()
    seed = np.full((ny, nx), UNREACHED, dtype=np.uint8)
    for band, xy in sorted(samples, key=lambda item: -item[0]):  # shortest band written last: it wins
        ij = np.floor(xy / cell).astype(np.int64) - first
        seed[ij[:, 1], ij[:, 0]] = band
    reach = disc_minimum(seed, rows)
    x0, y0 = first * cell
    out = []
    for band in range(n_bands):
        mask = reach <= band
        rows_in = np.nonzero(mask.any(axis=1))[0]
        if not len(rows_in):
            out.append(None)
            continue
        cols_in = np.nonzero(mask.any(axis=0))[0]
        r0, r1, c0, c1 = rows_in[0], rows_in[-1] + 1, cols_in[0], cols_in[-1] + 1
        # a shorter band covers a fraction of the grid: only its own extent is polygonized
        out.append(polygonize(mask[r0:r1, c0:c1], float(x0 + c0 * cell), float(y0 + r0 * cell), cell))
    return out


def grid_polygons(graph, pieces_per_band, n_sites, start_points, width, cell=DEFAULT_CELL_M, threads=1):
    """Polygons (n_sites, n_bands) from the reached pieces of each band (``reached_pieces`` results,
    shortest band first); every site has at least the cells around its start point."""
    cell = cell_size(width, cell)
    n_bands = len(pieces_per_band)
    per_band = []
    for site, seg, t0, t1 in pieces_per_band:
        keep = t1 - t0 > 1e-12
        s, xy = sample_pieces(graph, site[keep], seg[keep], t0[keep], t1[keep], cell / 2)
        order = np.argsort(s, kind="stable")
        s, xy = s[order], xy[order]
        per_band.append((xy, np.searchsorted(s, np.arange(n_sites + 1))))
    points = np.asarray(start_points, dtype=float)

    def draw(sites):
        result = []
        for i in sites:
            samples = [(0, points[i: i + 1])]
            for band, (xy, bounds) in enumerate(per_band):
                samples.append((band, xy[bounds[i]: bounds[i + 1]]))
            result.append(_site_polygons(samples, n_bands, width, cell))
        return result

    chunks = [c for c in np.array_split(np.arange(n_sites), max(1, min(n_sites, threads * 4))) if len(c)]
    if threads > 1 and len(chunks) > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            drawn = list(pool.map(draw, chunks))
    else:
        drawn = [draw(c) for c in chunks]
    out = np.full((n_sites, n_bands), None, dtype=object)
    for chunk, polys in zip(chunks, drawn):
        for i, bands in zip(chunk, polys):
            out[i, :] = bands
    return out
