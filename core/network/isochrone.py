"""Catchment polygons that never claim more than the network reaches ("honest" isochrones).

Method, for a site and a time budget T:

1. the reached pieces of the network: every segment leaving a node reached at time t <= T is followed
   for (T - t) / (segment time) of its length, so an edge crossing the budget is cut at the exact point
   it is reached, not dropped nor kept whole; the site's own segment is followed both ways from the
   point where the site meets it (only the allowed ways on one-way streets);
2. the pieces of consecutive segments of one source line are joined into a polyline, and the polygon
   is the union of the polylines widened by ``buffer_m`` (default 50 m) on each side: round joins along
   a line, flat ends where a piece stops (so the polygon stops exactly at a cut point along the road)
   and where two source lines meet. Every shape involved lies inside the discs of radius ``buffer_m``
   around the pieces (GEOS approximates arcs by inscribed chords);
3. optionally, small holes are filled: a hole is filled only when every point of it lies within
   ``MAX_DISTANCE_M - buffer_m`` of its edge (a city block surrounded by reached streets), never a park
   or a field that is wider. With the default width (50 m) there is nothing left to fill: blocks up to
   100 m across are covered by the widening itself.

Why 50 m by default: people live in the blocks, not on the streets. On a grid of 150 m blocks, a 25 m
width covers 56 % of the land actually within walking reach and a population count on the 200 m grid
falls by a third; 50 m covers almost every building along the reached streets while staying honest.

The guarantee, checked by the tests: **every point of a polygon lies within ``MAX_DISTANCE_M`` (50 m)
of a point of the network reached within the time** (within ``buffer_m`` when holes are not filled),
and every reached point of the network is inside the polygon. Unlike TIN interpolation (QNEAT3) or
concave hulls (openrouteservice), no area is claimed across rivers, railways or unreached gaps. Bands
come from one search and are nested: the polygon for 10 minutes contains the polygon for 5 minutes
(the grouping of pieces into polylines depends on the source lines only, never on the budget).

Speed: the pieces of a batch of sites are computed with numpy in one pass per band; the polylines of a
site are buffered in one GEOS call, or, where they crowd, buffered one by one and merged by a cascaded
union, which is then several times faster; shapely releases the GIL, so batches run in a few threads.
Buffering costs what the reached roads measure, and where they crowd (sidewalks drawn along every street, a
whole town reached by car) even the union is slow: the automatic outline keeps smooth buffers for short
reaches on plain networks (``SMOOTH_REACH_M``: a walk in a town, a few milliseconds per site) and draws the
others on a grid (``grid_outline``) whose band and cell grow with the length of road reached
(``resolution``), so that the cost follows the size of the map drawn. Each site is drawn one way for all its
bands, and each polygon states its guarantee.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

import numpy as np
import shapely

from ..arrays import repeat_ranks
from ..progress import NullProgress, Progress
from . import DEFAULT_BUFFER_M, MAX_DISTANCE_M, OUTLINE_AUTO, OUTLINE_BUFFER, OUTLINE_GRID
from .graph import Graph
from .resolution import SMOOTH_REACH_M, levels_for, resolution
from .search import Attachment, reach_searches

#: Segments per quarter circle of the buffer (inscribed approximation: never beyond the buffer distance).
QUAD_SEGS = 3


def _arc_ranges(indptr, nodes):
    """The arc ids leaving ``nodes`` and, for each arc, the position of its node in ``nodes``."""
    starts = indptr[nodes]
    owner, offsets = repeat_ranks(indptr[nodes + 1] - starts)
    return starts[owner] + offsets, owner


def points_along(graph: Graph, seg, t0, t1, count, midpoints: bool = False):
    """(piece of each point, xy (N, 2)): ``count[i]`` points along piece ``i`` (segment ``seg`` from fraction
    ``t0`` to ``t1``), evenly spaced from its start to its end included, or, with ``midpoints``, the
    middles of ``count[i]`` equal parts."""
    net = graph.network
    owner, rank = repeat_ranks(count)
    if midpoints:
        along = (rank + 0.5) / count[owner]
    else:
        along = rank / np.maximum(count - 1, 1)[owner]
    a = net.node_xy[net.seg_u[seg]]
    b = net.node_xy[net.seg_v[seg]]
    frac = t0[owner] + (t1 - t0)[owner] * along
    return owner, a[owner] + frac[:, None] * (b - a)[owner]


def _group(keys, space):
    """(distinct keys in increasing order, position of each key among them), for integer keys in
    ``[0, space)``: marked in a dense array when the key space is not much larger than the keys (a drive:
    a few sites reaching most of the network), else sorted."""
    if space <= max(4 * len(keys), 1 << 16) and space <= 100_000_000:
        mark = np.zeros(space, dtype=bool)
        mark[keys] = True
        distinct = np.flatnonzero(mark)
        position = np.empty(space, dtype=np.int64)
        position[distinct] = np.arange(len(distinct))
        return distinct, position[keys]
    return np.unique(keys, return_inverse=True)


def reached_pieces(graph: Graph, site_of_node, nodes, times, budget, start_site, start_seg, start_frac):
    """Reached pieces of the network within ``budget`` seconds, for many sites at once.

    ``site_of_node``/``nodes``/``times``: concatenated search results (site index, node, seconds).
    ``start_site``/``start_seg``/``start_frac``: each site's own segment and position on it.
    Returns (site index, segment, start and end as fractions of the segment from ``seg_u``) per piece.

    A segment is reached from ``seg_u`` over ``[0, along]`` and from ``seg_v`` over ``[1 - against, 1]`` (each
    at most once per site: a node is reached once), and around the site's start point on its own segment;
    overlapping intervals are merged so that no piece is drawn twice.
    """
    net = graph.network
    n_seg = np.int64(max(net.n_segments, 1))
    keep = times <= budget
    site_of_node, nodes, times = site_of_node[keep], nodes[keep], times[keep]
    arcs, owner = _arc_ranges(graph.indptr, nodes)
    extent = np.clip((budget - times[owner]) / graph.arc_time[arcs], 0.0, 1.0)
    forward = graph.arc_forward[arcs]
    keys = site_of_node[owner].astype(np.int64) * n_seg + graph.arc_seg[arcs]
    del owner
    n_sites = int(max(site_of_node.max(initial=-1), start_site.max(initial=-1))) + 1
    # each site's own segment: both allowed ways from the start point
    ok = start_seg >= 0
    s, f = start_seg[ok], start_frac[ok]
    with np.errstate(divide="ignore", invalid="ignore"):
        ahead = np.where(np.isfinite(graph.time_forward[s]), budget / graph.time_forward[s], 0.0)
        behind = np.where(np.isfinite(graph.time_backward[s]), budget / graph.time_backward[s], 0.0)
    start_keys = start_site[ok].astype(np.int64) * n_seg + s
    ukeys, inverse = _group(np.concatenate([keys, start_keys]), n_sites * n_seg)
    arc_key, start_key = inverse[: len(keys)], inverse[len(keys):]
    along = np.full(len(ukeys), -1.0)
    against = np.full(len(ukeys), -1.0)
    along[arc_key[forward]] = extent[forward]
    against[arc_key[~forward]] = extent[~forward]
    del keys, arc_key, extent, forward, inverse
    has_a, has_b = along >= 0, against >= 0
    joined = has_a & has_b & (along >= 1.0 - against)
    # intervals (key, lo, hi): [0, along], [1 - against, 1], or [0, 1] when they meet
    first = has_a & ~joined
    second = has_b & ~joined
    key = np.concatenate([np.flatnonzero(joined), np.flatnonzero(first), np.flatnonzero(second)])
    lo = np.concatenate([np.zeros(joined.sum()), np.zeros(first.sum()), 1.0 - against[second]])
    hi = np.concatenate([np.ones(joined.sum()), along[first], np.ones(second.sum())])
    if len(start_key):
        # the few segments holding a start point: merge [s0, s1] with their intervals
        on_start = np.zeros(len(ukeys), dtype=bool)
        on_start[start_key] = True
        rest = ~on_start[key]
        extra_key, extra_lo, extra_hi = _merge_start(
            key[~rest], lo[~rest], hi[~rest], start_key, np.maximum(0.0, f - behind), np.minimum(1.0, f + ahead)
        )
        key = np.concatenate([key[rest], extra_key])
        lo = np.concatenate([lo[rest], extra_lo])
        hi = np.concatenate([hi[rest], extra_hi])
    site = ukeys[key] // n_seg
    seg = ukeys[key] % n_seg
    return site, seg, lo, hi


def _merge_start(key, lo, hi, start_key, start_lo, start_hi):
    """Intervals of the start segments (a handful per batch) merged with the interval around each start."""
    key = np.concatenate([key, start_key])
    lo = np.concatenate([lo, start_lo])
    hi = np.concatenate([hi, start_hi])
    order = np.lexsort((lo, key))
    key, lo, hi = key[order].tolist(), lo[order].tolist(), hi[order].tolist()
    out_key, out_lo, out_hi = [], [], []
    for k, a, b in zip(key, lo, hi):
        if out_key and out_key[-1] == k and a <= out_hi[-1]:
            out_hi[-1] = max(out_hi[-1], b)
        else:
            out_key.append(k)
            out_lo.append(a)
            out_hi.append(b)
    return np.array(out_key, dtype=np.int64), np.array(out_lo), np.array(out_hi)


def piece_lines(graph: Graph, site, seg, t0, t1):
    """Reached pieces joined into one polyline per stretch of a source line: (site per line, lines).

    Pieces of consecutive segments of the same source line that touch are joined, so the buffer has
    round joins along a line; separate lines meet with flat ends. The grouping depends only on the
    source lines, never on the time budget, which keeps the bands nested.
    """
    net = graph.network
    keep = t1 - t0 > 1e-12
    site, seg, t0, t1 = site[keep], seg[keep], t0[keep], t1[keep]
    feature = net.seg_feature[seg]
    order = np.lexsort((t0, seg, site))
    site, seg, t0, t1, feature = site[order], seg[order], t0[order], t1[order], feature[order]
    touching = np.zeros(len(seg), dtype=bool)
    if len(seg) > 1:
        prev, cur = slice(0, -1), slice(1, None)
        touching[1:] = (
            (site[cur] == site[prev]) & (feature[cur] == feature[prev]) & (seg[cur] == seg[prev] + 1)
            & (t1[prev] >= 1.0) & (t0[cur] <= 0.0) & (net.seg_v[seg[prev]] == net.seg_u[seg[cur]])
        )
    group = np.cumsum(~touching) - 1
    a = net.node_xy[net.seg_u[seg]]
    b = net.node_xy[net.seg_v[seg]]
    start = a + t0[:, None] * (b - a)
    end = a + t1[:, None] * (b - a)
    # each line: the start of its first piece, then the end of every piece
    first = ~touching
    coords = np.concatenate([start[first], end])
    coord_group = np.concatenate([group[first], group])
    coord_rank = np.concatenate([np.zeros(first.sum()), np.arange(1, len(end) + 1)])
    order = np.lexsort((coord_rank, coord_group))
    lines = shapely.linestrings(coords[order], indices=coord_group[order])
    line_site = site[first]
    return line_site, lines


def fill_small_holes(polygons, max_width: float):
    """Fill the holes whose every point lies within ``max_width`` of the hole's edge (vectorised)."""
    polygons = np.asarray(polygons, dtype=object)
    out = polygons.copy()
    if max_width <= 0:
        return out
    present = np.array([g is not None for g in polygons], dtype=bool)
    if present.any():
        present[present] = ~shapely.is_empty(polygons[present])
    if not present.any():
        return out
    idx = np.nonzero(present)[0]
    has_holes = shapely.get_num_interior_rings(shapely.get_parts(polygons[idx]))
    if not np.any(has_holes):
        return out
    parts, part_owner = shapely.get_parts(polygons[idx], return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    is_shell = np.ones(len(rings), dtype=bool)
    is_shell[1:] = ring_part[1:] != ring_part[:-1]
    holes = np.nonzero(~is_shell)[0]
    if len(holes) == 0:
        return out
    hole_polys = shapely.polygons(rings[holes])
    # sure cases first: a point of a hole is never farther from the hole's edge than from the edge of its
    # bounding box (half the box's short side), nor than the radius of a disc of the hole's area
    bounds = shapely.bounds(hole_polys)
    short_side = np.minimum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    fill = (short_side <= 2 * max_width) | (shapely.area(hole_polys) <= np.pi * max_width**2)
    unsure = np.nonzero(~fill)[0]
    if len(unsure):
        # sure refusal: a disc wider than ``max_width`` fits inside the hole around its centroid
        centre = shapely.centroid(hole_polys[unsure])
        wide = shapely.contains_xy(hole_polys[unsure], *shapely.get_coordinates(centre).T) & (
            shapely.distance(centre, rings[holes][unsure]) > max_width
        )
        unsure = unsure[~wide]
    if len(unsure):
        # erode by slightly less than the width (the eroded outline is an approximation): a hole that
        # vanishes is at most ``max_width`` wide everywhere
        eroded = shapely.buffer(hole_polys[unsure], -(max_width - 0.5), quad_segs=8)
        fill[unsure] = shapely.is_empty(eroded)
    if not fill.any():
        return out
    keep_ring = np.ones(len(rings), dtype=bool)
    keep_ring[holes[fill]] = False
    new_parts = shapely.polygons(rings[keep_ring], indices=ring_part[keep_ring])
    new_polys = shapely.multipolygons(new_parts, indices=part_owner)
    for k, site in enumerate(idx):
        geom = new_polys[k]
        out[site] = shapely.get_geometry(geom, 0) if shapely.get_num_geometries(geom) == 1 else geom
    return out


#: Above this crowding (how many other reached lines lie, on average, within the buffer width of a reached
#: line: 2 × buffer × length of line per unit area, measured in 100 m cells and weighted by length), lines
#: are buffered one by one and merged (cascaded union) rather than buffered together: with sidewalks and
#: footways along every street (dense OpenStreetMap) or a whole town reached by car, the buffers overlap so
#: much that noding them all at once costs 2 to 10 times more; on a plain street network the single buffer
#: is twice as fast. Measured: a 150 m street grid gives 0.9 at 25 m and 1.9 at 50 m (single buffer faster),
#: central Helsinki on foot or a whole town by car 3.5 at 25 m and 7 at 50 m (union 8 to 10 times faster).
CROWDED = 3.0
CROWDING_CELL_M = 100.0
#: A batch of sites stops growing at this many reached nodes (its pieces, samples and polygons are held
#: together): 64 sites walking in a town, a few by car over a département.
BATCH_NODES = 400_000


def _crowding(graph: Graph, site, seg, t0, t1, n_sites, buffer_m):
    """Length-weighted mean of the local density of reached roads (per 100 m cell) × 2 × buffer, per site.

    The reached pieces are cut into parts of at most a quarter of a cell, each counted in the cell of its
    middle, so that a long straight road spreads over the cells it crosses.
    """
    net = graph.network
    length = net.seg_len[seg] * (t1 - t0)
    keep = length > 0
    if not keep.any():
        return np.zeros(n_sites)
    site, seg, t0, t1, length = site[keep], seg[keep], t0[keep], t1[keep], length[keep]
    parts = np.ceil(length / (CROWDING_CELL_M / 4)).astype(np.int64)
    owner, middles = points_along(graph, seg, t0, t1, parts, midpoints=True)
    cell = np.floor(middles / CROWDING_CELL_M).astype(np.int64)
    cell -= cell.min(axis=0)
    width = np.int64(cell[:, 1].max() + 1)
    key = site[owner].astype(np.int64) * (width * (cell[:, 0].max() + 1)) + cell[:, 0] * width + cell[:, 1]
    keys, inverse = np.unique(key, return_inverse=True)
    per_cell = np.bincount(inverse, weights=(length / parts)[owner])
    cell_site = site[owner][np.unique(inverse, return_index=True)[1]]
    total = np.bincount(cell_site, weights=per_cell, minlength=n_sites)
    squares = np.bincount(cell_site, weights=per_cell**2, minlength=n_sites)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(total > 0, squares / total, 0.0) / CROWDING_CELL_M**2
    return 2 * buffer_m * density


def _map(function, items, threads):
    """``function`` over ``items`` (array chunks), in threads: shapely releases the GIL."""
    if threads <= 1 or len(items) < 2:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(function, items))


def _buffer_lines(lines, line_site, n_sites, buffer_m, quad_segs, threads, crowded):
    """One flat-capped, round-joined buffer per site of its lines (None for a site without lines).

    ``crowded``: per site, merge one buffer per line (True) or buffer all lines at once (False). The two
    give the same area up to GEOS's rounding (a few m² on a town), so all the bands of a site must use the
    same one to stay nested.
    """
    out = np.full(n_sites, None, dtype=object)
    if len(lines) == 0:
        return out
    chunk_count = max(1, threads * 2)

    def buffer(chunk):
        return shapely.buffer(chunk, buffer_m, quad_segs=quad_segs, cap_style="flat")

    plain = ~crowded[line_site]
    if plain.any():
        present, dense = np.unique(line_site[plain], return_inverse=True)
        multi = shapely.multilinestrings(lines[plain], indices=dense)
        chunks = np.array_split(np.arange(len(multi)), min(chunk_count, len(multi)))
        for chunk, polys in zip(chunks, _map(lambda c: buffer(multi[c]), chunks, threads)):
            out[present[chunk]] = polys
    if crowded.any():
        sites = np.nonzero(crowded)[0]
        pick = crowded[line_site]
        owner = line_site[pick]
        chunks = np.array_split(sites, min(chunk_count, len(sites)))

        def union(chunk):
            result = []
            for site in chunk:
                result.append(shapely.union_all(buffer(lines[pick][owner == site])))
            return result

        for chunk, polys in zip(chunks, _map(union, chunks, threads)):
            for site, poly in zip(chunk, polys):
                out[site] = poly
    return out


def band_polygons(graph: Graph, site, seg, t0, t1, n_sites, start_points, buffer_m=DEFAULT_BUFFER_M,
                  quad_segs=QUAD_SEGS, threads=1, crowded=None):
    """One polygon per site from its reached pieces (``reached_pieces``): see the module's method.

    Sites without any piece of positive length get the disc of ``buffer_m`` around their start point.
    Returns (polygons, per site whether its lines crowd: the value to pass for the other bands).
    """
    if crowded is None:
        crowded = _crowding(graph, site, seg, t0, t1, n_sites, buffer_m) > CROWDED
    line_site, lines = piece_lines(graph, site, seg, t0, t1)
    out = _buffer_lines(lines, line_site, n_sites, buffer_m, quad_segs, threads, crowded)
    missing = np.array([g is None or g.is_empty for g in out], dtype=bool)
    if missing.any():
        out[missing] = shapely.buffer(shapely.points(start_points[missing]), buffer_m, quad_segs=quad_segs)
    return out, crowded


def _holes_inside(outer, inner, present):
    """Per site, whether a hole of its larger band has a point inside its smaller band.

    GEOS's buffer of many flat-capped lines meeting at a square can leave small holes (a few m², tens of
    metres inside the band) that the buffer of a shorter time's lines does not have: the smaller band then
    sticks into the larger one's hole. A real hole (land nobody reaches in the longer time) never lies in
    the smaller band, so testing one point of each hole, against the prepared smaller band, finds the
    sites that need the union at a fraction of its cost."""
    out = np.zeros(len(outer), dtype=bool)
    for k in np.flatnonzero(present):
        rings = [ring for part in shapely.get_parts(outer[k]) for ring in part.interiors]
        if rings:
            points = shapely.point_on_surface(shapely.polygons(rings))
            shapely.prepare(inner[k])
            out[k] = bool(shapely.contains(inner[k], points).any())
    return out


def _fill_holes(polygons, width_m, level=0):
    """(polygons with their small holes filled, per polygon whether a hole was filled): holes whose every
    point lies within ``MAX_DISTANCE_M × 2^level`` of a reached road, i.e. within that minus the band of
    the hole's edge."""
    filled = fill_small_holes(polygons, max(0.0, MAX_DISTANCE_M * 2**level - width_m))
    return filled, np.array([a is not b for a, b in zip(polygons, filled)], dtype=bool)


def default_threads() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _reach_lengths(graph: Graph, pieces, n_sites):
    """Metres of road reached by each site in ``pieces`` (one band's ``reached_pieces``)."""
    site, seg, t0, t1 = pieces
    return np.bincount(site, weights=graph.network.seg_len[seg] * (t1 - t0), minlength=n_sites)


def _site_subset(pieces, keep):
    """The pieces of the sites where ``keep`` (per site) is True, sites renumbered among them."""
    local = np.cumsum(keep) - 1
    site, seg, t0, t1 = pieces
    mine = keep[site]
    return local[site[mine]], seg[mine], t0[mine], t1[mine]


def _draw_batch(graph, pieces, points, drawings, fill_holes, quad_segs, threads, progress):
    """Polygons (sites, bands) of a batch; ``drawings`` gives each site's ``Resolution``."""
    from .grid_outline import grid_polygons  # it imports this module

    n_sites, n_bands = len(points), len(pieces)
    out = np.full((n_sites, n_bands), None, dtype=object)
    buffered = np.array([d.outline == OUTLINE_BUFFER for d in drawings], dtype=bool)
    for drawing in sorted({d for d in drawings if d.outline == OUTLINE_GRID}, key=lambda d: d.level):
        keep = np.array([d == drawing for d in drawings], dtype=bool)
        idx = np.flatnonzero(keep)
        drawn, too_large = grid_polygons(graph, [_site_subset(p, keep) for p in pieces], len(idx), points[idx],
                                         drawing.width_m, drawing.cell_m, threads, progress)
        out[idx] = drawn
        buffered[idx[too_large]] = True  # too large for a grid in memory: buffered at the same width
    widths = {float(d.width_m) for d in np.asarray(drawings, dtype=object)[buffered]}
    for width in sorted(widths):
        keep = buffered & np.array([d.width_m == width for d in drawings], dtype=bool)
        idx = np.flatnonzero(keep)
        crowded = None
        for b in reversed(range(n_bands)):  # largest first: it decides how each site is buffered
            progress.check()
            out[idx, b], crowded = band_polygons(graph, *_site_subset(pieces[b], keep), len(idx), points[idx],
                                                 width, quad_segs, threads, crowded)
    filled = np.zeros((n_sites, n_bands), dtype=bool)
    if fill_holes:
        for level in sorted({d.level for d in drawings}):
            idx = np.flatnonzero(np.array([d.level == level for d in drawings], dtype=bool))
            width = drawings[idx[0]].width_m
            for b in range(n_bands):
                out[idx, b], filled[idx, b] = _fill_holes(out[idx, b], width, level)
    # Nested bands whatever the hole filling did: a hole filled for a short time can stay open for a
    # longer one (it merged with a larger gap). Adding the shorter band keeps the guarantee, since
    # everything reached within a shorter time is reached within a longer one. Without any filled hole
    # the bands are nested already (the pieces of a shorter time are parts of those of a longer one; on the
    # grid exactly), except where GEOS's buffer of the longer time's lines left a spurious hole the shorter
    # band covers; the union, the costliest step on a large network, is skipped everywhere else.
    for b in range(1, n_bands):
        inner, outer = out[:, b - 1], out[:, b]
        present = np.array([g is not None for g in inner]) & np.array([g is not None for g in outer])
        present &= filled[:, :b].any(axis=1) | _holes_inside(outer, inner, present & buffered)
        if present.any():
            out[present, b] = shapely.union(outer[present], inner[present])
            filled[present, b] = True  # changed: the next band must contain it too
    return out


def catchments(graph: Graph, attachment: Attachment, budgets, buffer_m: float = DEFAULT_BUFFER_M,
               fill_holes: bool = True, quad_segs: int = QUAD_SEGS, batch: int = 64, threads: Optional[int] = None,
               progress: Optional[Progress] = None, outline: str = OUTLINE_AUTO, drawings: Optional[list] = None,
               use_scipy: Optional[bool] = None):
    """Polygons per site and band: an object array (S, B) of shapely polygons (None: site not tied).

    ``budgets``: travel times in seconds, in increasing order. ``outline``: ``OUTLINE_AUTO`` draws each site
    with smooth buffers when its reach is short (``SMOOTH_REACH_M``) and its roads do not crowd, else on the
    grid at the level its reach calls for (``resolution``); ``OUTLINE_GRID`` on the finest grid and
    ``OUTLINE_BUFFER`` as smooth buffers, at ``buffer_m`` whatever the reach. When ``drawings`` is a list, it
    receives each site's ``Resolution`` (None for a site not tied). Raises ``Canceled``.
    """
    progress = progress or NullProgress()
    budgets = sorted(float(b) for b in budgets)
    threads = threads or default_threads()
    n = len(attachment)
    out = np.full((n, len(budgets)), None, dtype=object)
    per_site = [None] * n
    tied = np.nonzero(attachment.tied)[0]
    mode = graph.rules.mode
    searches = reach_searches(graph, attachment, tied, budgets[-1], use_scipy)
    done = 0
    while done < len(tied):
        progress.check()
        # a batch: up to ``batch`` sites, fewer when their reach is large (by car), to bound memory
        site_nodes, all_nodes, all_times, sites = [], [], [], []
        reached = 0
        while len(sites) < batch and done + len(sites) < len(tied) and reached < BATCH_NODES:
            site, nodes, times = next(searches)
            site_nodes.append(np.full(len(nodes), len(sites), dtype=np.int64))
            all_nodes.append(nodes)
            all_times.append(times)
            sites.append(site)
            reached += len(nodes)
            progress.check()
        sites = np.array(sites, dtype=np.int64)
        progress.set((done + 0.3 * len(sites)) / len(tied))
        site_of_node = np.concatenate(site_nodes)
        nodes = np.concatenate(all_nodes)
        times = np.concatenate(all_times)
        local = np.arange(len(sites))
        pieces = [
            reached_pieces(graph, site_of_node, nodes, times, budget, local, attachment.seg[sites],
                           attachment.frac[sites])
            for budget in budgets
        ]
        del site_of_node, nodes, times
        if outline == OUTLINE_AUTO:
            reach = _reach_lengths(graph, pieces[-1], len(sites))
            smooth = reach <= SMOOTH_REACH_M.get(mode, 0.0)
            if smooth.any():
                short = _site_subset(pieces[-1], smooth)
                smooth[smooth] = ~(_crowding(graph, *short, int(smooth.sum()), buffer_m) > CROWDED)
            drawing = [resolution(OUTLINE_BUFFER, buffer_m) if s else resolution(OUTLINE_GRID, buffer_m, int(level))
                       for s, level in zip(smooth, levels_for(reach, mode))]
        else:
            drawing = [resolution(outline, buffer_m)] * len(sites)
        out[sites, :] = _draw_batch(graph, pieces, attachment.point[sites], drawing, fill_holes, quad_segs,
                                    threads, progress)
        for site, d in zip(sites.tolist(), drawing):
            per_site[site] = d
        done += len(sites)
        progress.set(done / len(tied))
    progress.set(1.0)
    if drawings is not None:
        drawings.extend(per_site)
    return out
