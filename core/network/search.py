"""Sites tied to the network, and bounded travel-time searches from them.

Tying a site to the network (``attach_sites``): the site goes to the nearest point of the nearest road
usable in the mode, if that road lies within ``tolerance`` metres; that point splits its segment into a
virtual start node, so the search starts mid-edge (a site between two roads attaches to the nearer one).
The distance between the site and the road is reported, not counted as travel time. A polygon site
(a friche's outline) also starts from every network node inside it. A site farther than the tolerance is
"not connected": its distance to the nearest usable road is reported so the user can see why.

Searching (``reach_searches``): Dijkstra from several sources at once (the virtual node's two ends, the
nodes inside a polygon), stopped at the largest time budget, so each search only touches the part of the
network reachable in that time. Short searches (a walk) run with a binary heap in Python on the graph as
Python lists (indexing lists is several times faster than indexing numpy arrays from Python); long ones (a
drive) in scipy's compiled Dijkstra when scipy is installed, several sites per call.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from heapq import heapify, heappop, heappush
from typing import Optional

import numpy as np
import shapely

from . import DEFAULT_TOLERANCE_M, NO_GEOMETRY, NOT_CONNECTED, TIED  # noqa: F401 (re-exported)
from .graph import Graph

#: A site goes to the nearest road of a connected piece of network of at least this many nodes when one
#: lies within the tolerance: OpenStreetMap has many small fragments (a footway in a courtyard, a platform)
#: where a site would get a tiny catchment; only when no larger piece is near does it go to a fragment.
MIN_PIECE_NODES = 50


@dataclass
class Attachment:
    """Where each site meets the network."""

    status: np.ndarray  # (S,) object: TIED, NOT_CONNECTED, NO_GEOMETRY
    seg: np.ndarray  # (S,) int64 segment id, -1 when not tied
    frac: np.ndarray  # (S,) position on the segment, 0 at seg_u, 1 at seg_v
    point: np.ndarray  # (S, 2) the point on the road (NaN when not tied)
    distance: np.ndarray  # (S,) metres between the site and the nearest usable road (inf: no usable road)
    inner_nodes: list = field(default_factory=list)  # per site, nodes inside a polygon site
    isolated: np.ndarray = None  # (S,) True when tied to a piece of network smaller than MIN_PIECE_NODES

    @property
    def tied(self) -> np.ndarray:
        return self.status == TIED

    def __len__(self):
        return len(self.status)

    def sources(self, graph: Graph, i: int) -> list:
        """(time in seconds, node) starting entries of site ``i``'s search."""
        out = []
        s = int(self.seg[i])
        if s >= 0:
            f = float(self.frac[i])
            tb = graph.time_backward[s]
            tf = graph.time_forward[s]
            if np.isfinite(tb):
                out.append((f * float(tb), int(graph.network.seg_u[s])))
            if np.isfinite(tf):
                out.append(((1.0 - f) * float(tf), int(graph.network.seg_v[s])))
        if self.inner_nodes and len(self.inner_nodes[i]):
            out.extend((0.0, int(n)) for n in self.inner_nodes[i])
        return out


def _nearest(tree, geoms):
    """(position of the nearest line or -1, distance) for each geometry."""
    near = np.full(len(geoms), -1, dtype=np.int64)
    dist = np.full(len(geoms), np.inf)
    if len(tree) == 0 or len(geoms) == 0:
        return near, dist
    (site_pos, line_pos), found = tree.query_nearest(geoms, return_distance=True, all_matches=False)
    near[site_pos] = line_pos
    dist[site_pos] = found
    return near, dist


def _nearest_main(tree, seg_ids, lines, geoms, near_all, dist_all, main, tolerance):
    """(position in ``tree`` of the nearest segment of the main network within ``tolerance``, or -1;
    its distance, inf when none). Most sites' nearest segment is on the main network already; the others
    look among the segments within the tolerance, so one tree serves both questions."""
    near = near_all.copy()
    dist = dist_all.copy()
    off = (near_all < 0) | ~main[seg_ids[np.maximum(near_all, 0)]]
    if not off.any():
        return near, dist
    ask = np.nonzero(off)[0]
    near[ask] = -1
    dist[ask] = np.inf
    site_pos, line_pos = tree.query(geoms[ask], predicate="dwithin", distance=tolerance)
    on_main = main[seg_ids[line_pos]]
    site_pos, line_pos = site_pos[on_main], line_pos[on_main]
    if len(site_pos):
        d = shapely.distance(geoms[ask][site_pos], lines[line_pos])
        order = np.lexsort((line_pos, d, site_pos))  # per site: the nearest (lowest position on ties)
        first = order[np.r_[True, site_pos[order][1:] != site_pos[order][:-1]]]
        near[ask[site_pos[first]]] = line_pos[first]
        dist[ask[site_pos[first]]] = d[first]
    return near, dist


def attach_sites(graph: Graph, sites, tolerance: float, min_piece_nodes: int = MIN_PIECE_NODES) -> Attachment:
    """Tie each of ``sites`` (shapely geometries in the network's CRS; None or empty allowed)."""
    geoms = np.asarray(sites, dtype=object) if not isinstance(sites, np.ndarray) else sites
    n = len(geoms)
    status = np.full(n, NO_GEOMETRY, dtype=object)
    seg = np.full(n, -1, dtype=np.int64)
    frac = np.zeros(n)
    point = np.full((n, 2), np.nan)
    distance = np.full(n, np.nan)
    inner = [np.zeros(0, dtype=np.int64) for _ in range(n)]
    valid = np.array([g is not None for g in geoms], dtype=bool)
    if valid.any():
        valid[valid] = ~shapely.is_empty(geoms[valid])
    idx = np.nonzero(valid)[0]
    isolated = np.zeros(n, dtype=bool)
    if len(idx) == 0:
        return Attachment(status, seg, frac, point, distance, inner, isolated)
    if not graph.usable.any():
        status[idx] = NOT_CONNECTED
        distance[idx] = np.inf
        return Attachment(status, seg, frac, point, distance, inner, isolated)
    # the segments near the sites only; the whole network for a site with none within the tolerance
    tree, seg_ids, lines = graph.segment_tree(near=shapely.bounds(geoms[idx]), distance=tolerance)
    near_all, dist_all = _nearest(tree, geoms[idx])
    far = ~(dist_all <= tolerance)
    if far.any():
        full_tree = graph.segment_tree()[0]
        dist_all[far] = _nearest(full_tree, geoms[idx[far]])[1]
    near_main, dist_main = _nearest_main(tree, seg_ids, lines, geoms[idx], near_all, dist_all,
                                         graph.main_segments(min_piece_nodes), tolerance)
    use_main = dist_main <= tolerance
    chosen = np.where(use_main, seg_ids[np.maximum(near_main, 0)], seg_ids[np.maximum(near_all, 0)])
    near_dist = np.where(use_main, dist_main, dist_all)
    distance[idx] = near_dist
    ok = near_dist <= tolerance
    status[idx] = np.where(ok, TIED, NOT_CONNECTED)
    isolated[idx] = ok & ~use_main
    tied_idx = idx[ok]
    if len(tied_idx):
        segs = chosen[ok]
        xy = graph.network.node_xy
        lines_hit = shapely.linestrings(
            np.stack([xy[graph.network.seg_u[segs]], xy[graph.network.seg_v[segs]]], axis=1).reshape(-1, 2, 2)
        )
        shortest = shapely.shortest_line(geoms[tied_idx], lines_hit)
        on_road = shapely.get_coordinates(shortest).reshape(-1, 2, 2)[:, 1, :]
        a = xy[graph.network.seg_u[segs]]
        b = xy[graph.network.seg_v[segs]]
        ab = b - a
        t = np.einsum("ij,ij->i", on_road - a, ab) / np.einsum("ij,ij->i", ab, ab)
        seg[tied_idx] = segs
        frac[tied_idx] = np.clip(t, 0.0, 1.0)
        point[tied_idx] = a + frac[tied_idx][:, None] * ab
    # polygon sites also start from the network nodes inside them
    polygonal = np.isin(shapely.get_type_id(geoms[idx]), (3, 6))
    poly_idx = idx[polygonal & ok]
    if len(poly_idx):
        out_degree = np.diff(graph.indptr)
        start_nodes = np.nonzero(out_degree > 0)[0]
        node_tree = shapely.STRtree(shapely.points(graph.network.node_xy[start_nodes]))
        pairs = node_tree.query(geoms[poly_idx], predicate="intersects")
        for k, site in enumerate(poly_idx):
            inner[site] = start_nodes[pairs[1][pairs[0] == k]]
    return Attachment(status, seg, frac, point, distance, inner, isolated)


def bounded_search(graph: Graph, sources, budget: float, max_nodes: Optional[int] = None):
    """Dijkstra from ``sources`` ((seconds, node) pairs) up to ``budget`` seconds.

    Returns (nodes, times): every node reached within the budget and its travel time in seconds; None when
    more than ``max_nodes`` nodes are settled (the caller then searches another way).
    """
    indptr, heads, times = graph.lists()
    best = {}
    heap = []
    for t, node in sources:
        if t <= budget and t < best.get(node, np.inf):
            best[node] = t
            heap.append((t, node))
    heapify(heap)
    inf = float("inf")
    get = best.get
    settled = 0
    limit = max_nodes if max_nodes is not None else inf
    while heap:
        d, node = heappop(heap)
        if d > best[node]:
            continue
        settled += 1
        if settled > limit:
            return None
        for k in range(indptr[node], indptr[node + 1]):
            nd = d + times[k]
            if nd <= budget:
                head = heads[k]
                if nd < get(head, inf):
                    best[head] = nd
                    heappush(heap, (nd, head))
    if not best:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    nodes = np.fromiter(best.keys(), dtype=np.int64, count=len(best))
    values = np.fromiter(best.values(), dtype=float, count=len(best))
    return nodes, values


def _scipy_dijkstra():
    try:
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra
    except ImportError:  # scipy is optional: QGIS ships it on Debian and OSGeo4W, not everywhere
        return None
    return csr_matrix, dijkstra


def _scipy_searches(graph: Graph, attachment: Attachment, sites, budget: float):
    """[(nodes, times)] of each site, from one call of scipy's Dijkstra (compiled) on the graph with one
    extra node per site whose arcs lead to the site's starting nodes at their starting times."""
    csr_matrix, dijkstra = _scipy_dijkstra()
    indptr, indices, data = graph.search_matrix()
    n = graph.network.n_nodes
    heads, costs, counts = [], [], []
    for site in sites:
        start = {}
        for t, node in attachment.sources(graph, site):
            if t <= budget and t < start.get(node, np.inf):
                start[node] = t
        heads.extend(start)
        costs.extend(start.values())
        counts.append(len(start))
    k = len(counts)
    full_indptr = np.concatenate([indptr, indptr[-1] + np.cumsum(counts, dtype=np.int64)])
    matrix = csr_matrix(
        (np.concatenate([data, np.asarray(costs, dtype=float)]),
         np.concatenate([indices, np.asarray(heads, dtype=indices.dtype)]), full_indptr),
        shape=(n + k, n + k),
    )
    dist = dijkstra(matrix, directed=True, indices=np.arange(n, n + k), limit=budget)
    out = []
    for row in range(k):
        times = dist[row, :n]
        nodes = np.flatnonzero(times <= budget)
        out.append((nodes.astype(np.int64), times[nodes]))
    return out


#: A search settling more nodes than this (a drive) makes the following searches run in scipy's compiled
#: Dijkstra, which pays about a millisecond per site for every 100,000 nodes of the graph but goes four to
#: five times faster per node reached than the heap in Python (measured: a 20-minute drive reaching 78,000
#: nodes of a 466,000-node graph, 60 against 220 ms; a 15-minute walk reaching 400 nodes, 6 against 1 ms).
SCIPY_FROM_NODES = 3_000
#: Sites searched in one call of scipy's Dijkstra: calls of about this many seconds (cancel stays prompt),
#: with at most this many bytes for its dense result (sites × nodes).
SCIPY_CALL_S = 0.2
SCIPY_RESULT_BYTES = 64_000_000


def reach_searches(graph: Graph, attachment: Attachment, sites, budget: float, use_scipy: Optional[bool] = None):
    """Yield (site, nodes, times) for each of ``sites`` in order: the nodes reached within ``budget`` seconds.

    The heap in Python serves short searches; once a search settles more than ``SCIPY_FROM_NODES`` nodes,
    the following ones run through scipy (when installed) in calls of several sites sized to last about
    ``SCIPY_CALL_S``. ``use_scipy`` forces one way (tests). Both give the same nodes and times.
    """
    sites = [int(s) for s in sites]
    # scipy is imported only when a search proves long (a walk never pays for importing it)
    scipy_now = bool(use_scipy) and _scipy_dijkstra() is not None
    probe = None if use_scipy is False else SCIPY_FROM_NODES
    per_site_s = None
    memory_rows = max(1, SCIPY_RESULT_BYTES // (8 * max(1, graph.network.n_nodes)))
    k = 0
    while k < len(sites):
        if not scipy_now:
            found = bounded_search(graph, attachment.sources(graph, sites[k]), budget, probe)
            if found is not None:
                yield (sites[k], *found)
                k += 1
                continue
            if _scipy_dijkstra() is None:  # no scipy here: the heap, without a limit
                probe = None
                continue
            scipy_now = True  # a long search: this one and the next through scipy
        rows = 1 if per_site_s is None else int(SCIPY_CALL_S / max(per_site_s, 1e-6))
        chunk = sites[k:k + max(1, min(rows, memory_rows, 64))]
        started = time.perf_counter()
        found = _scipy_searches(graph, attachment, chunk, budget)
        per_site_s = (time.perf_counter() - started) / len(chunk)
        for site, (nodes, times) in zip(chunk, found):
            yield site, nodes, times
        k += len(chunk)
