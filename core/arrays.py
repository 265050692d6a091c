"""Small numpy idioms the analysis modules share."""

from __future__ import annotations

import numpy as np


def repeat_ranks(counts):
    """(owner, rank) of every copy when item ``i`` is repeated ``counts[i]`` times: the flattened
    ``[(i, k) for i, c in enumerate(counts) for k in range(c)]``, without a Python loop. The building block
    of "for each segment, its sample points", "for each node, its arcs", "for each run, its rows"."""
    counts = np.asarray(counts, dtype=np.int64)
    owner = np.repeat(np.arange(len(counts)), counts)
    rank = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, rank


def ring_signed_areas(xy, ring, n_rings=None):
    """Signed area of each ring, counter-clockwise positive, from its vertices in order: ``xy`` (N, 2) and
    ``ring`` (N,) the ring of each vertex, sorted. A ring may repeat its first vertex at the end or not:
    the shoelace sum runs on coordinates relative to each ring's first vertex (exact in projected CRSs),
    where the closing edge back to that vertex adds nothing."""
    ring = np.asarray(ring)
    n_rings = int(ring.max()) + 1 if n_rings is None and len(ring) else (n_rings or 0)
    rel = xy - xy[np.searchsorted(ring, ring)]
    same = ring[1:] == ring[:-1]
    cross = (rel[:-1, 0] * rel[1:, 1] - rel[1:, 0] * rel[:-1, 1])[same]
    return np.bincount(ring[:-1][same], weights=cross, minlength=n_rings) / 2
