"""Catchment outlines drawn on a grid: a cost that follows the size of the map drawn.

Buffering the reached roads (``isochrone``) gives smooth outlines, but its cost grows with the kilometres
of road reached, and where roads crowd (sidewalks drawn beside every street in OpenStreetMap, a whole town
reached by car) GEOS spends most of its time merging buffers that overlap many times. Here the same reached
pieces are drawn on a grid of ``cell`` metres instead (10 m at the finest level, coarser for long reaches:
see ``resolution``), for all the bands of a site at once:

1. the reached pieces of each band are sampled every ``cell`` metres at most, ends included, plus the
   point where the site meets the road; each sample marks its grid cell with its band, the shortest band
   winning: the *seed* cells;
2. a cell belongs to band ``b`` when the centre of a seed cell of band ``b`` or shorter lies within ``R`` of
   its centre (a minimum filter over a disc, made of sliding minima along rows, in numpy);
3. the cells of each band become one polygon whose corners are cut at 45° through the middles of the
   cell sides (marching squares through the cell centres, in numpy): no staircase, and no two parts
   touching at a corner.

The guarantee is the same as for buffers. A point ``p`` of the polygon lies within ``0.8 cell`` of the
centre of a cell of the band (``cell / √2`` inside a cell, ``0.79 cell`` in a corner added at 45°), which
is within ``R`` of a seed cell's centre, itself within ``cell / √2`` of the reached sample in it:
``|p − sample| ≤ R + 1.51 cell``. With ``R = width − 1.51 cell``, **no point of a polygon is farther than
``width`` from a reached point of the network**. Conversely every reached point lies within ``cell / 2``
of a sample, so the centres of its cell and of the 8 around lie within ``(2√2 + 1/2) cell = 3.33 cell``
of a seed cell's centre: when ``R`` is at least that (``cell ≤ width / 4.85``: the cell is reduced for
narrow widths), they are all in the band and no cut corner comes near the point. Bands are nested
exactly: a cell of a band is a cell of every longer band, and cutting corners keeps that order.

The outline is on average a little inside the buffer of the same width (the grid keeps a margin for its
own resolution): about 40 m from the reached roads instead of 50 m with the default width.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

from ..arrays import ring_signed_areas
from ..progress import NullProgress
from .isochrone import points_along
from .resolution import cell_size

#: Farthest distance, in cells, from a point of the outline to the centre of a cell of the band.
OUTLINE_MARGIN_CELLS = 0.8
#: Above this many cells for one site (a reach 70 km wide at 10 m) the grid is coarsened within the limit
#: ``resolution.WIDTH_PER_CELL``, then given up for buffers: drawing takes about ``BYTES_PER_CELL`` bytes
#: per cell (the grid and its filter, and the outline's segments, many where roads are dense).
MAX_CELLS = 50_000_000
BYTES_PER_CELL = 25
#: Pieces sampled at once when marking the seed cells (bounds the samples' memory).
SAMPLE_CHUNK = 20_000
#: Memory the grids drawn at the same time may take together: fewer threads for very large reaches.
MEMORY_BUDGET = 1_000_000_000
UNREACHED = np.uint8(255)


def disc_rows(radius_cells: float):
    """(row offset, half-width in cells) of the disc of cell centres within ``radius_cells`` of a centre."""
    k = int(math.floor(radius_cells + 1e-9))
    rows = []
    for dy in range(-k, k + 1):
        rows.append((dy, int(math.floor(math.sqrt(max(0.0, radius_cells**2 - dy * dy)) + 1e-9))))
    return rows


def _row_minima(grid, widths):
    """For each half-width ``w`` (increasing), yield (w, minimum of ``grid`` over columns ``j - w .. j + w``).

    The first and last ``w`` columns are left unreached: ``grid`` must have ``2 w`` unreached columns on each
    side. One result at a time, built from minima over runs of a power of two that double as needed, so
    a large grid costs a few copies of itself, not one per width.
    """
    n = grid.shape[1]
    run, s = grid, 1  # run[:, j] = min of grid[:, j : j + s]
    for w in sorted(widths):
        length = 2 * w + 1
        while s * 2 <= length:
            longer = run.copy()
            np.minimum(run[:, : n - s], run[:, s:], out=longer[:, : n - s])
            run, s = longer, s * 2
        res = np.full_like(grid, UNREACHED)
        # window [j - w, j + w] = [j - w, j - w + s) ∪ [j + w - s + 1, j + w]
        np.minimum(run[:, : n - 2 * w], run[:, length - s: n - 2 * w + length - s], out=res[:, w: n - w])
        yield w, res


def disc_minimum(seed, rows):
    """Minimum of ``seed`` over the disc ``rows`` around every cell (``seed`` padded by twice the disc's
    radius on each side)."""
    out = np.full_like(seed, UNREACHED)
    ny = seed.shape[0]
    for w, rows_min in _row_minima(seed, {w for _, w in rows}):
        for dy in (dy for dy, width in rows if width == w):
            if dy >= 0:
                np.minimum(out[: ny - dy], rows_min[dy:], out=out[: ny - dy])
            else:
                np.minimum(out[-dy:], rows_min[: ny + dy], out=out[-dy:])
    return out


def sample_pieces(graph, seg, t0, t1, step):
    """Points along each piece (segment ``seg`` from fraction ``t0`` to ``t1``): both ends, and for a piece
    longer than ``step`` the middles of its ``ceil(length / step)`` equal parts, so that consecutive points
    are never more than ``step`` apart: (N, 2). Pieces shorter than a cell (most, on a coarse grid) cost
    their two ends only."""
    net = graph.network
    a = net.node_xy[net.seg_u[seg]]
    d = net.node_xy[net.seg_v[seg]] - a
    ends = [a + t0[:, None] * d, a + t1[:, None] * d]
    length = net.seg_len[seg] * (t1 - t0)
    long = length > step
    if long.any():
        count = np.ceil(length[long] / step).astype(np.int64)
        ends.append(points_along(graph, seg[long], t0[long], t1[long], count, midpoints=True)[1])
    return np.concatenate(ends)


# Marching squares on the cell centres. Corner code bits: 1 = cell to the south-west of the corner,
# 2 = south-east, 4 = north-east, 8 = north-west. Middles of the cell sides around a corner: S, E, N, W.
# Segments run with the cells of the mask on their left (shells counter-clockwise, holes clockwise).
_S, _E, _N, _W = 0, 1, 2, 3
_SEGMENTS = {
    1: [(_S, _W)], 2: [(_E, _S)], 4: [(_N, _E)], 8: [(_W, _N)],
    3: [(_E, _W)], 6: [(_N, _S)], 12: [(_W, _E)], 9: [(_S, _N)],
    7: [(_N, _W)], 11: [(_E, _N)], 13: [(_S, _E)], 14: [(_W, _S)],
    5: [(_S, _W), (_N, _E)], 10: [(_E, _S), (_W, _N)],  # two cells meeting by a corner: kept apart
}
_TABLE = np.full((16, 2, 2), -1, dtype=np.int8)
for _code, _segments in _SEGMENTS.items():
    for _k, _pair in enumerate(_segments):
        _TABLE[_code, _k] = _pair


def _ring_neighbours(ring):
    """Index of the previous and next vertex of each vertex, cyclically within its ring (``ring`` sorted)."""
    n = len(ring)
    change = ring[1:] != ring[:-1]
    first = np.concatenate(([True], change))
    last = np.concatenate((change, [True]))
    start = np.maximum.accumulate(np.where(first, np.arange(n), 0))
    end = np.minimum.accumulate(np.where(last, np.arange(n), n)[::-1])[::-1]
    return np.where(first, end, np.arange(n) - 1), np.where(last, start, np.arange(n) + 1)


def _cycles(nxt):
    """(cycle label, position along the cycle) of each element of the permutation ``nxt``, by pointer
    jumping: the label is the smallest element of the cycle, the position counts from it."""
    n = len(nxt)
    rounds = max(1, int(np.ceil(np.log2(max(n, 2)))))
    index = np.arange(n, dtype=nxt.dtype)
    label = index.copy()
    step = nxt
    for _ in range(rounds):
        np.minimum(label, label[step], out=label)
        step = step[step]
    del step
    head = label == index
    back = np.empty_like(nxt)
    back[nxt] = index
    back[head] = index[head]  # each cycle cut before its smallest element
    rank = (~head).astype(nxt.dtype)
    for _ in range(rounds):
        rank += rank[back]
        back = back[back]
    return label, rank


def polygonize(mask, x0: float, y0: float, cell: float):
    """The cells of ``mask`` (rows going north from ``y0``) as a polygon or multipolygon, corners cut at 45°
    through the middles of the cell sides; None for an empty mask.

    Marching squares on the cell centres, in numpy: each grid corner with cells in and out around it gives
    one segment between the middles of two of its sides (two where cells meet only by the corner: they are
    kept apart, so parts never touch). Every such middle starts one segment and ends one, so the rings are
    the cycles of "the segment starting where this one ends". Counter-clockwise rings are shells; each
    clockwise ring (a hole) goes to the smallest shell around it.
    """
    ny, nx = mask.shape
    padded = np.zeros((ny + 2, nx + 2), dtype=np.uint8)
    padded[1:-1, 1:-1] = mask
    code = padded[1:, :-1] << 3
    code |= padded[1:, 1:] << 2
    code |= padded[:-1, 1:] << 1
    code |= padded[:-1, :-1]
    j, i = np.nonzero((code - np.uint8(1)) < 14)  # neither all out (0, wraps to 255) nor all in (15)
    if not len(i):
        return None
    # 32-bit indices: a grid holds at most MAX_CELLS cells, and outlines can have millions of segments
    j, i = j.astype(np.int32), i.astype(np.int32)
    pairs = _TABLE[code[j, i]]
    del padded, code
    two = pairs[:, 1, 0] >= 0
    i = np.concatenate([i, i[two]])
    j = np.concatenate([j, j[two]])
    start = np.concatenate([pairs[:, 0, 0], pairs[two, 1, 0]])
    end = np.concatenate([pairs[:, 0, 1], pairs[two, 1, 1]])
    # ``code[j, i]`` is the corner at column line i + 1 and row line j + 1 of the padded grid (line k runs
    # along the west or south side of padded column or row k). Sides are numbered vertical first (padded
    # row, column line), then horizontal (row line, padded column).
    n_vertical = (ny + 2) * (nx + 3)

    def side(pos, i, j):
        vertical = (pos == _S) | (pos == _N)
        row = np.where(pos == _S, j, j + 1)
        col = np.where(pos == _W, i, i + 1)
        return np.where(vertical, row * (nx + 3) + col, n_vertical + row * (nx + 2) + col).astype(np.int32)

    a, b = side(start, i, j), side(end, i, j)
    del i, j, start, end, pairs, two
    by_start = np.argsort(a).astype(np.int32)
    label, rank = _cycles(by_start[np.searchsorted(a[by_start], b)].astype(np.int32))
    del b, by_start
    order = np.lexsort((rank, label))
    ids, ring = a[order], np.unique(label[order], return_inverse=True)[1]
    del a, label, rank, order
    vertical = ids < n_vertical
    local = np.where(vertical, ids, ids - n_vertical)
    width = np.where(vertical, nx + 3, nx + 2)
    row, col = local // width, local % width
    xy = np.empty((len(ids), 2))
    xy[:, 0] = x0 + (col - np.where(vertical, 1.0, 0.5)) * cell
    xy[:, 1] = y0 + (row - np.where(vertical, 0.5, 1.0)) * cell
    # keep the corners of the outline only
    prev, nxt = _ring_neighbours(ring)
    back, ahead = xy[prev] - xy, xy[nxt] - xy
    turn = np.abs(back[:, 0] * ahead[:, 1] - back[:, 1] * ahead[:, 0]) > 1e-9 * cell * cell
    xy, ring = xy[turn], ring[turn]
    # shells (counter-clockwise) and holes, by the shoelace formula
    signed = ring_signed_areas(xy, ring)
    rings = shapely.linearrings(xy, indices=ring)
    shell = signed > 0
    owner = np.full(len(rings), -1, dtype=np.int64)
    shells = np.flatnonzero(shell)
    owner[shells] = shells
    holes = np.flatnonzero(~shell)
    if len(holes):
        if len(shells) == 1:
            owner[holes] = shells[0]
        else:
            shell_polys = shapely.polygons(rings[shells])
            first = np.searchsorted(ring, holes)
            hole_pos, shell_pos = shapely.STRtree(shell_polys).query(
                shapely.points(xy[first]), predicate="within"
            )
            smallest = np.lexsort((signed[shells][shell_pos], hole_pos))
            keep = np.concatenate(([True], hole_pos[smallest][1:] != hole_pos[smallest][:-1]))
            owner[holes[hole_pos[smallest][keep]]] = shells[shell_pos[smallest][keep]]
    ok = owner >= 0
    index = np.flatnonzero(ok)
    sort = np.lexsort((~shell[index], owner[index]))  # per shell: the shell ring, then its holes
    polygons = shapely.polygons(rings[index][sort], indices=np.unique(owner[index][sort], return_inverse=True)[1])
    return polygons[0] if len(polygons) == 1 else shapely.multipolygons(polygons)


def _site_polygons(graph, point, bands, n_bands, width, cell, lo, hi):
    """Polygons of one site's bands: ``point`` where the site meets the road, ``bands`` the (seg, t0, t1)
    pieces of each band, shortest first, all within the box ``lo``-``hi``. None when the reach is too large
    for a grid in memory."""
    point = np.asarray(point, dtype=float).reshape(1, 2)
    step = cell  # the samples' spacing, kept if the grid is coarsened below
    span = (hi - lo) / cell
    cells = (span[0] + 1) * (span[1] + 1)
    if cells > MAX_CELLS:  # a very large reach: coarser grid, within the limit that keeps roads inside
        coarser = min(cell_size(width, math.inf), cell * math.sqrt(cells / MAX_CELLS))
        span = (hi - lo) / coarser
        if (span[0] + 1) * (span[1] + 1) > MAX_CELLS:
            return None  # too large for a grid in memory: the caller buffers this site's roads instead
        cell = coarser
    radius = (width - cell * (OUTLINE_MARGIN_CELLS + math.sqrt(0.5))) / cell
    rows = disc_rows(radius)
    k = 2 * (len(rows) // 2)  # twice the disc's radius in cells: see ``_row_minima``
    first = np.floor(lo / cell).astype(np.int64) - k
    last = np.floor(hi / cell).astype(np.int64) + k
    nx, ny = (last - first + 1).tolist()
    seed = np.full((ny, nx), UNREACHED, dtype=np.uint8)

    def mark(xy, band):
        ij = np.floor(xy / cell).astype(np.int64) - first
        seed[ij[:, 1], ij[:, 0]] = band

    for band in reversed(range(len(bands))):  # shortest band written last: it wins
        seg, t0, t1 = bands[band]
        for k in range(0, len(seg), SAMPLE_CHUNK):  # in chunks: a car's reach has millions of samples
            part = slice(k, k + SAMPLE_CHUNK)
            mark(sample_pieces(graph, seg[part], t0[part], t1[part], step), band)
    mark(point, 0)
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


def _site_boxes(graph, pieces, points):
    """(lo, hi) (S, 2) of each site: the start point and the segments of its pieces (sorted by site), whole
    segments: a box a little larger than the reach, found without cutting any piece."""
    site, seg, _t0, _t1, bounds = pieces
    lo, hi = points.copy(), points.copy()
    has = np.diff(bounds) > 0
    if has.any():
        net = graph.network
        a, b = net.node_xy[net.seg_u[seg]], net.node_xy[net.seg_v[seg]]
        starts = bounds[:-1][has]
        lo[has] = np.minimum(lo[has], np.minimum.reduceat(np.minimum(a, b), starts, axis=0))
        hi[has] = np.maximum(hi[has], np.maximum.reduceat(np.maximum(a, b), starts, axis=0))
    return lo, hi


def grid_polygons(graph, pieces_per_band, n_sites, start_points, width, cell, threads=1, progress=None):
    """(polygons (n_sites, n_bands), per site whether its reach was too large for a grid in memory) from
    the reached pieces of each band (``reached_pieces`` results, shortest band first), drawn with a band of
    ``width`` on a grid of ``cell`` (reduced to ``width / 4.85`` if larger); every other site has at least the
    cells around its start point. Each site's pieces are sampled only when it is drawn. Memory:
    ``BYTES_PER_CELL`` per cell of the grids drawn at once, one per thread, within ``MEMORY_BUDGET`` (fewer
    threads for reaches tens of km wide). ``progress`` is asked between sites (raises ``Canceled``)."""
    progress = progress or NullProgress()
    cell = cell_size(width, cell)
    n_bands = len(pieces_per_band)
    per_band = []
    for site, seg, t0, t1 in pieces_per_band:
        keep = t1 - t0 > 1e-12
        site, seg, t0, t1 = site[keep], seg[keep], t0[keep], t1[keep]
        order = np.argsort(site, kind="stable")
        site, seg, t0, t1 = site[order], seg[order], t0[order], t1[order]
        per_band.append((site, seg, t0, t1, np.searchsorted(site, np.arange(n_sites + 1))))
    points = np.asarray(start_points, dtype=float).reshape(-1, 2)
    lo, hi = _site_boxes(graph, per_band[-1], points)
    largest = int(min(MAX_CELLS, np.max(np.prod((hi - lo) / cell + 1, axis=1), initial=1)))
    threads = min(threads, max(1, MEMORY_BUDGET // (BYTES_PER_CELL * largest)))

    def draw(sites):
        result = []
        for i in sites:
            progress.check()
            bands = []
            for _site, seg, t0, t1, bounds in per_band:
                mine = slice(bounds[i], bounds[i + 1])
                bands.append((seg[mine], t0[mine], t1[mine]))
            result.append(_site_polygons(graph, points[i], bands, n_bands, width, cell, lo[i], hi[i]))
        return result

    chunks = [c for c in np.array_split(np.arange(n_sites), max(1, min(n_sites, threads * 4))) if len(c)]
    if threads > 1 and len(chunks) > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            drawn = list(pool.map(draw, chunks))
    else:
        drawn = [draw(c) for c in chunks]
    out = np.full((n_sites, n_bands), None, dtype=object)
    too_large = np.zeros(n_sites, dtype=bool)
    for chunk, polys in zip(chunks, drawn):
        for i, bands in zip(chunk, polys):
            if bands is None:
                too_large[i] = True
            else:
                out[i, :] = bands
    return out, too_large
