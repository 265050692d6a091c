"""Walking distances from sites to stops along a line network (a bounded Dijkstra per site).

The network is undirected (pedestrians walk both ways): a node at every vertex of every line, vertices
closer than ``snap`` metres merged, an edge between consecutive vertices weighted by its length. Lines
that cross without a shared vertex are not connected (as in QGIS's network analysis). Sites and stops
are tied to the nearest point of the nearest segment; the straight connector from the point to the
network counts in the distance.

From each site the search stops once every stop within ``limit`` is settled and the nearest stop is
known, or at ``max_search`` metres: a site whose nearest stop is farther away along the network (or in
another, unconnected part of it) gets no network distance and the caller falls back to the straight
line, saying so.

Pure Python: numpy, shapely, heapq; no Qt, no QGIS. (The catchment module ``core.network`` builds
directed, mode-aware graphs for isochrones; this one only needs undirected walking distances to a few
hundred stops and keeps no dependency on it.)
"""

from __future__ import annotations

import heapq
from typing import List, Sequence, Tuple

import numpy as np

from ..progress import NullProgress, Progress
from . import GtfsError


class WalkNetwork:
    """An undirected graph built from line coordinates (see the module docstring)."""

    def __init__(self, lines: Sequence[np.ndarray], snap: float = 0.01):
        import shapely

        coords = [np.asarray(line, dtype=float)[:, :2] for line in lines if line is not None and len(line) >= 2]
        if not coords:
            raise GtfsError("empty_network", "")
        sizes = np.array([len(c) for c in coords])
        allxy = np.concatenate(coords)
        keys = np.round(allxy / snap).astype(np.int64)
        _uniq, node_of_vertex = np.unique(keys, axis=0, return_inverse=True)
        node_of_vertex = node_of_vertex.reshape(-1)
        n_nodes = int(node_of_vertex.max()) + 1
        node_xy = np.zeros((n_nodes, 2))
        node_xy[node_of_vertex] = allxy
        ends = np.cumsum(sizes)
        is_seg = np.ones(len(allxy), dtype=bool)
        is_seg[ends - 1] = False  # the last vertex of a line starts no segment
        a = node_of_vertex[:-1][is_seg[:-1]]
        b = node_of_vertex[1:][is_seg[:-1]]
        length = np.hypot(*(node_xy[b] - node_xy[a]).T)
        keep = a != b
        self.seg_a, self.seg_b, self.seg_len = a[keep], b[keep], length[keep]
        self.node_xy = node_xy
        self.n_nodes = n_nodes
        adjacency: List[list] = [[] for _ in range(n_nodes)]
        for u, v, w in zip(self.seg_a.tolist(), self.seg_b.tolist(), self.seg_len.tolist()):
            adjacency[u].append((v, w))
            adjacency[v].append((u, w))
        self.adjacency = adjacency
        self._segments = shapely.linestrings(
            np.stack([node_xy[self.seg_a], node_xy[self.seg_b]], axis=1)
        )
        self._tree = shapely.STRtree(self._segments)

    def __len__(self):
        return self.n_nodes

    def snap_points(self, points: np.ndarray):
        """(segment, fraction along it from seg_a, connector length) of each point."""
        import shapely

        points = np.asarray(points, dtype=float).reshape(-1, 2)
        geoms = shapely.points(points)
        i, j = self._tree.query_nearest(geoms, all_matches=False)
        seg = np.full(len(points), -1, dtype=np.int64)
        seg[i] = j
        pa = self.node_xy[self.seg_a[seg]]
        pb = self.node_xy[self.seg_b[seg]]
        d = pb - pa
        ll = np.maximum((d ** 2).sum(axis=1), 1e-12)
        t = np.clip(((points - pa) * d).sum(axis=1) / ll, 0.0, 1.0)
        foot = pa + d * t[:, None]
        conn = np.hypot(*(points - foot).T)
        return seg, t, conn

    def distances(
        self,
        origins: np.ndarray,
        targets: np.ndarray,
        limit: float,
        max_search: float = 10000.0,
        progress: Progress = None,
    ):
        """Walking distances from each origin to the targets.

        Returns, per origin, ``(target indices within limit, their distances, nearest target or -1,
        its distance or NaN)``.
        """
        progress = progress or NullProgress()
        o_seg, o_t, o_conn = self.snap_points(origins)
        t_seg, t_t, t_conn = self.snap_points(targets)
        attach: dict = {}
        seg_len = self.seg_len
        for j, (s, t, c) in enumerate(zip(t_seg.tolist(), t_t.tolist(), t_conn.tolist())):
            length = seg_len[s]
            attach.setdefault(int(self.seg_a[s]), []).append((j, c + t * length))
            attach.setdefault(int(self.seg_b[s]), []).append((j, c + (1.0 - t) * length))
        by_segment: dict = {}
        for j, s in enumerate(t_seg.tolist()):
            by_segment.setdefault(s, []).append(j)
        results = []
        n = len(o_seg)
        for i in range(n):
            if i % 20 == 0:
                progress.check()
                progress.set(i / max(n, 1))
            results.append(self._one(int(o_seg[i]), float(o_t[i]), float(o_conn[i]), t_t, t_conn, attach,
                                     by_segment, limit, max_search))
        progress.set(1.0)
        return results

    def _one(self, seg, t, conn, t_t, t_conn, attach, by_segment, limit, max_search):
        length = float(self.seg_len[seg])
        best: dict = {}
        for j in by_segment.get(seg, ()):  # same segment: straight along it
            best[j] = conn + abs(t - t_t[j]) * length + t_conn[j]
        dist = {}
        heap = [(conn + t * length, int(self.seg_a[seg])), (conn + (1.0 - t) * length, int(self.seg_b[seg]))]
        heapq.heapify(heap)
        adjacency = self.adjacency
        nearest_d = min(best.values()) if best else np.inf
        while heap:
            d, u = heapq.heappop(heap)
            if u in dist:
                continue
            if d > max_search or (d > limit and d >= nearest_d):
                break
            dist[u] = d
            for j, extra in attach.get(u, ()):
                cand = d + extra
                if cand < best.get(j, np.inf):
                    best[j] = cand
                    if cand < nearest_d:
                        nearest_d = cand
            for v, w in adjacency[u]:
                if v not in dist:
                    heapq.heappush(heap, (d + w, v))
        if not best:
            return np.zeros(0, dtype=np.int64), np.zeros(0), -1, np.nan
        idx = np.fromiter(best.keys(), dtype=np.int64, count=len(best))
        val = np.fromiter(best.values(), dtype=float, count=len(best))
        k = int(np.argmin(val))
        near_j, near_d = int(idx[k]), float(val[k])
        if near_d > max_search:
            near_j, near_d = -1, np.nan
        within = val <= limit
        return idx[within], val[within], near_j, near_d


def pairs_from_results(results) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Flatten :meth:`WalkNetwork.distances` results into (origin, target, distance) arrays."""
    pts, tgs, ds = [], [], []
    for i, (idx, val, _nj, _nd) in enumerate(results):
        pts.append(np.full(len(idx), i, dtype=np.int64))
        tgs.append(idx)
        ds.append(val)
    if not pts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return np.concatenate(pts), np.concatenate(tgs), np.concatenate(ds)
