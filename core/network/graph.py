"""A road network as a directed graph with travel times per mode.

How the graph is built (``build_network``):

- every vertex of every line is a node, and every straight piece between two vertices is an edge
  (a "segment"), like QGIS's own network analysis: OpenStreetMap ways cross at shared interior vertices,
  so splitting the layer at intersections first is not needed; lines that cross without a shared vertex
  (bridges, tunnels) stay unconnected;
- vertices with the same coordinates are the same node; a dangling line end (a node used by one segment
  only) is moved onto the nearest other node within ``tolerance`` metres, which mends digitising gaps
  without merging the close vertices of a curve;
- zero-length segments are dropped.

The travel rules of each line (speed per mode, one-way streets) come from ``rules``; ``Graph`` turns them
into directed arcs with travel times in seconds. Everything is numpy: a département's 600,000 segments
take about a second, reported in steps (``progress``) so that a user can stop between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..arrays import repeat_ranks
from ..progress import NullProgress, Progress
from . import NetworkError
from .lines import LineArrays, from_shapely
from .rules import BACKWARD, FORWARD, ModeRules

# shapely is imported where the geometry is handled, so that the travel rules load without it


# --- topology ------------------------------------------------------------------------------------


@dataclass
class Network:
    """The topology of a line layer: nodes (vertices) and straight segments between them."""

    node_xy: np.ndarray  # (N, 2) float64
    seg_u: np.ndarray  # (M,) int64, first node
    seg_v: np.ndarray  # (M,) int64, second node (in the line's digitised direction)
    seg_len: np.ndarray  # (M,) float64, metres
    seg_feature: np.ndarray  # (M,) int64, index of the source line
    n_features: int
    n_snapped: int = 0  # dangling ends moved within the tolerance
    #: the lines' attribute columns read with them (name -> ``CodedColumn``), for the rules of any mode
    attributes: dict = field(default_factory=dict)

    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_segments(self) -> int:
        return len(self.seg_u)

    @property
    def nbytes(self) -> int:
        return sum(int(a.nbytes) for a in (self.node_xy, self.seg_u, self.seg_v, self.seg_len, self.seg_feature))


def _node_ids(coords):
    """Same coordinates → same id; returns (ids per coordinate, unique coordinates sorted by x then y).

    The coordinates are viewed as complex numbers, which numpy sorts by real then imaginary part: one sort
    instead of two."""
    as_complex = np.ascontiguousarray(coords, dtype=np.float64).view(np.complex128).reshape(-1)
    unique, ids = np.unique(as_complex, return_inverse=True)
    return ids.astype(np.int64).reshape(-1), np.stack([unique.real, unique.imag], axis=1)


def _snap_dangles(node_xy, seg_u, seg_v, seg_feature, tolerance):
    """Map each dangling node onto the nearest node of another line within ``tolerance``; (labels, count)."""
    n = len(node_xy)
    labels = np.arange(n)
    degree = np.bincount(seg_u, minlength=n) + np.bincount(seg_v, minlength=n)
    dangles = np.nonzero(degree == 1)[0]
    if len(dangles) == 0 or tolerance <= 0:
        return labels, 0
    origin = node_xy.min(axis=0)
    cells = np.floor((node_xy - origin) / tolerance).astype(np.int64) + 1
    width = int(cells[:, 1].max()) + 3
    keys = cells[:, 0] * width + cells[:, 1]
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    pairs_d, pairs_t = [], []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            target = keys[dangles] + dx * width + dy
            lo = np.searchsorted(sorted_keys, target, "left")
            hi = np.searchsorted(sorted_keys, target, "right")
            counts = hi - lo
            if counts.sum() == 0:
                continue
            rep, offsets = repeat_ranks(counts)
            pairs_d.append(dangles[rep])
            pairs_t.append(order[np.repeat(lo, counts) + offsets])
    if not pairs_d:
        return labels, 0
    d = np.concatenate(pairs_d)
    t = np.concatenate(pairs_t)
    dist = np.hypot(*(node_xy[d] - node_xy[t]).T)
    # never onto a vertex of its own line (the close vertices of a curve)
    n_feat = np.int64(seg_feature.max() + 1)
    own = np.unique(np.concatenate([seg_u * n_feat + seg_feature, seg_v * n_feat + seg_feature]))
    dangle_feature = np.full(n, -1, dtype=np.int64)
    dangle_feature[seg_u] = seg_feature
    dangle_feature[seg_v] = seg_feature
    probe = t * n_feat + dangle_feature[d]
    pos = np.minimum(np.searchsorted(own, probe), len(own) - 1)
    ok = (d != t) & (dist <= tolerance) & (own[pos] != probe)
    d, t, dist = d[ok], t[ok], dist[ok]
    if len(d) == 0:
        return labels, 0
    # nearest target per dangle
    order2 = np.lexsort((dist, d))
    d, t = d[order2], t[order2]
    first = np.ones(len(d), dtype=bool)
    first[1:] = d[1:] != d[:-1]
    d, t = d[first], t[first]
    # merge (d, t) pairs: propagate the smallest label through the pairs until stable
    for _ in range(64):
        before = labels.copy()
        low = np.minimum(labels[d], labels[t])
        np.minimum.at(labels, d, low)
        np.minimum.at(labels, t, low)
        labels = labels[labels]
        if np.array_equal(before, labels):
            break
    return labels, len(d)


def build_network(lines, tolerance: float = 0.5, progress: Optional[Progress] = None) -> Network:
    """The topology of ``lines`` in a projected CRS (metres): a ``LineArrays`` or shapely LineStrings /
    MultiLineStrings (None for a missing geometry). Line ``i`` of the input is ``seg_feature == i``.
    Raises ``Canceled`` between its steps when ``progress`` says so."""
    progress = progress or NullProgress()
    if not isinstance(lines, LineArrays):
        lines = from_shapely(lines)
    coords = lines.xy
    if lines.n_parts == 0 or len(coords) < 2:
        raise NetworkError("no_lines")
    progress.check()
    ids, node_xy = _node_ids(coords)
    progress.set(0.4)
    progress.check()
    counts = np.diff(lines.offsets)
    coord_part = np.repeat(np.arange(lines.n_parts), counts)
    first = np.flatnonzero(coord_part[1:] == coord_part[:-1])
    seg_u = ids[first]
    seg_v = ids[first + 1]
    seg_feature = lines.part_feature[coord_part[first]].astype(np.int64)
    del coord_part, first, ids
    progress.set(0.5)
    progress.check()
    labels, n_snapped = _snap_dangles(node_xy, seg_u, seg_v, seg_feature, tolerance)
    progress.set(0.8)
    progress.check()
    if n_snapped:
        seg_u, seg_v = labels[seg_u], labels[seg_v]
        used = np.zeros(len(node_xy), dtype=bool)
        used[labels] = True
        remap = np.cumsum(used) - 1
        node_xy = node_xy[used]
        seg_u, seg_v = remap[seg_u], remap[seg_v]
    seg_len = np.hypot(*(node_xy[seg_v] - node_xy[seg_u]).T)
    keep = (seg_u != seg_v) & (seg_len > 0)
    progress.set(1.0)
    return Network(
        node_xy=node_xy,
        seg_u=seg_u[keep].astype(np.int64),
        seg_v=seg_v[keep].astype(np.int64),
        seg_len=seg_len[keep],
        seg_feature=seg_feature[keep],
        n_features=lines.n_features,
        n_snapped=int(n_snapped),
    )


# --- directed graph ----------------------------------------------------------------------------


class Graph:
    """The network with travel times for one mode, as a CSR adjacency of directed arcs.

    Arc ``k`` goes from ``arc_tail[k]`` to ``arc_head[k]`` in ``arc_time[k]`` seconds along segment
    ``arc_seg[k]``, in the segment's direction when ``arc_forward[k]``. Arcs leaving node ``n`` are
    ``indptr[n]:indptr[n + 1]``.
    """

    def __init__(self, network: Network, rules: ModeRules):
        self.network = network
        self.rules = rules
        speed_ms = rules.speed_kmh[network.seg_feature] / 3.6
        direction = rules.direction[network.seg_feature]
        with np.errstate(divide="ignore"):
            base = np.where(speed_ms > 0, network.seg_len / np.where(speed_ms > 0, speed_ms, 1.0), np.inf)
        self.time_forward = np.where(direction != BACKWARD, base, np.inf)
        self.time_backward = np.where(direction != FORWARD, base, np.inf)
        fwd = np.nonzero(np.isfinite(self.time_forward))[0]
        bwd = np.nonzero(np.isfinite(self.time_backward))[0]
        tail = np.concatenate([network.seg_u[fwd], network.seg_v[bwd]])
        head = np.concatenate([network.seg_v[fwd], network.seg_u[bwd]])
        time = np.concatenate([self.time_forward[fwd], self.time_backward[bwd]])
        seg = np.concatenate([fwd, bwd])
        forward = np.concatenate([np.ones(len(fwd), dtype=bool), np.zeros(len(bwd), dtype=bool)])
        order = np.argsort(tail, kind="stable")
        self.arc_tail = tail[order]
        self.arc_head = head[order]
        self.arc_time = time[order]
        self.arc_seg = seg[order]
        self.arc_forward = forward[order]
        self.indptr = np.zeros(network.n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.arc_tail, minlength=network.n_nodes), out=self.indptr[1:])
        #: segments usable in at least one direction
        self.usable = np.isfinite(self.time_forward) | np.isfinite(self.time_backward)
        self._lists = None
        self._matrix = None
        self._tree = None
        self._components = None

    @property
    def n_arcs(self) -> int:
        return len(self.arc_head)

    def lists(self):
        """(indptr, heads, times) as Python lists: the fastest form for a pure-Python Dijkstra."""
        if self._lists is None:
            self._lists = (self.indptr.tolist(), self.arc_head.tolist(), self.arc_time.tolist())
        return self._lists

    def search_matrix(self):
        """(indptr, heads as int32, times) of a CSR matrix for scipy's Dijkstra: the arcs of ``indptr``
        with parallel arcs (two lines between the same nodes) reduced to the fastest."""
        if self._matrix is None:
            n = np.int64(max(self.network.n_nodes, 1))
            key = self.arc_tail * n + self.arc_head
            order = np.lexsort((self.arc_time, key))
            first = np.ones(len(order), dtype=bool)
            first[1:] = key[order][1:] != key[order][:-1]
            keep = np.sort(order[first])  # still grouped by tail
            indptr = np.zeros(self.network.n_nodes + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.arc_tail[keep], minlength=self.network.n_nodes), out=indptr[1:])
            self._matrix = (indptr, self.arc_head[keep].astype(np.int32), self.arc_time[keep])
        return self._matrix

    @property
    def nbytes(self) -> int:
        """Memory held by the graph's own arrays and caches (its network not included)."""
        arrays = (self.time_forward, self.time_backward, self.arc_tail, self.arc_head, self.arc_time,
                  self.arc_seg, self.arc_forward, self.indptr, self.usable)
        total = sum(int(a.nbytes) for a in arrays)
        if self._lists is not None:  # Python ints and floats: about 32 bytes each plus the list slot
            total += 40 * (len(self._lists[0]) + 2 * len(self._lists[1]))
        if self._matrix is not None:
            total += sum(int(a.nbytes) for a in self._matrix)
        if self._components is not None:
            total += int(self._components.nbytes)
        if self._tree is not None:
            total += 200 * len(self._tree[1])
        return total

    def components(self) -> np.ndarray:
        """Connected component (ignoring directions) of each node, by label propagation with pointer jumping."""
        if self._components is None:
            u = self.network.seg_u[self.usable]
            v = self.network.seg_v[self.usable]
            labels = np.arange(self.network.n_nodes)
            while len(u):
                low = np.minimum(labels[u], labels[v])
                np.minimum.at(labels, labels[u], low)
                np.minimum.at(labels, labels[v], low)
                while True:  # pointer jumping: every node points to its root
                    jumped = labels[labels]
                    if np.array_equal(jumped, labels):
                        break
                    labels = jumped
                joined = labels[u] == labels[v]  # edges inside one component are done
                u, v = u[~joined], v[~joined]
            self._components = labels
        return self._components

    def main_segments(self, min_nodes: int) -> np.ndarray:
        """Usable segments in a connected piece of network of at least ``min_nodes`` nodes."""
        labels = self.components()
        on_road = np.zeros(self.network.n_nodes, dtype=bool)
        on_road[self.network.seg_u[self.usable]] = True
        on_road[self.network.seg_v[self.usable]] = True
        size = np.bincount(labels[on_road], minlength=self.network.n_nodes)
        return self.usable & (size[labels[self.network.seg_u]] >= min_nodes)

    def segment_tree(self, near=None, distance: float = 0.0):
        """(STRtree of the usable segments, their segment ids, their lines), the whole network's built once.

        ``near``: bounds (N, 4) of the places of interest: the tree then holds only the segments that may lie
        within ``distance`` of one of them (found on a grid of ``2 × distance`` cells, long segments always
        kept), a small part of a département-size network when tying a few hundred sites.
        """
        if near is None:
            if self._tree is None:
                self._tree = self._build_tree(np.nonzero(self.usable)[0])
            return self._tree
        near = np.asarray(near, dtype=float).reshape(-1, 4)
        xy = self.network.node_xy
        ids = np.nonzero(self.usable)[0]
        if not len(ids) or not len(near):
            return self._build_tree(ids[:0])
        a, b = xy[self.network.seg_u[ids]], xy[self.network.seg_v[ids]]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        cell = 2.0 * max(float(distance), 1.0)
        origin = lo.min(axis=0)
        shape = np.floor((hi.max(axis=0) - origin) / cell).astype(np.int64) + 1
        marked = np.zeros(shape, dtype=bool)
        first = np.clip(np.floor((near[:, :2] - distance - origin) / cell).astype(np.int64), 0, shape - 1)
        last = np.clip(np.floor((near[:, 2:] + distance - origin) / cell).astype(np.int64), 0, shape - 1)
        for (i0, j0), (i1, j1) in zip(first.tolist(), last.tolist()):
            marked[i0:i1 + 1, j0:j1 + 1] = True
        c0 = np.floor((lo - origin) / cell).astype(np.int64)
        c1 = np.floor((hi - origin) / cell).astype(np.int64)
        # a segment shorter than a cell spans at most 2 x 2 cells: keep it when one of them is marked
        keep = (c1 - c0).max(axis=1) > 1
        for cx in (c0[:, 0], c1[:, 0]):
            for cy in (c0[:, 1], c1[:, 1]):
                keep |= marked[cx, cy]
        return self._build_tree(ids[keep])

    def _build_tree(self, ids):
        import shapely

        xy = self.network.node_xy
        coords = np.stack([xy[self.network.seg_u[ids]], xy[self.network.seg_v[ids]]], axis=1).reshape(-1, 2, 2)
        lines = shapely.linestrings(coords) if len(ids) else np.zeros(0, dtype=object)
        return shapely.STRtree(lines), ids, lines
