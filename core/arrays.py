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
