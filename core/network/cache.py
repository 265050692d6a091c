"""Graphs built during the session, kept for the next run on the same network, within a memory budget.

Why: reading a département's roads and building the graph takes a second or two, and planners run several
analyses on one network in a row: other sites, other times, coverage gaps after the catchments, the full
analysis. The Processing adapter keys each graph by what it was made from (the layer's source and its
modification time or edit state, the subset and selection read, the CRS, the snapping tolerance, the schema,
the mode and the speeds: see ``processing/network_io.py``); a change to any of them is another key, so a
stale graph is never served. Least recently used graphs are dropped first when the total goes over the
budget (checked when a graph is added or looked up, with what each has built since: search lists, trees); a
graph larger than the whole budget is not kept.

Graphs of several modes on one network share its topology (``Network``) and attribute columns, counted
once. Thread-safe: Processing may run algorithms in background threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

#: Memory the cached graphs may take together (bytes): a département's graph takes 100 to 300 MB with its
#: search structures.
DEFAULT_BUDGET = 1_000_000_000


class SessionCache:
    """Values by key, least recently used dropped first beyond ``budget`` bytes.

    Each value has its own size and may share objects with other values (``shared``: (object, bytes)
    pairs, e.g. one road topology behind the graphs of several modes): a shared object counts once.
    """

    def __init__(self, budget: int = DEFAULT_BUDGET):
        self.budget = int(budget)
        self._entries = OrderedDict()  # key -> (value, own bytes, shared pairs)
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key):
        """The value of ``key`` (now the most recently used), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0]

    def find(self, predicate):
        """The most recently used value whose key satisfies ``predicate``, or None (not counted as a hit)."""
        with self._lock:
            for key in reversed(self._entries):
                if predicate(key):
                    return self._entries[key][0]
        return None

    def put(self, key, value, nbytes: int, shared=()):
        """Keep ``value`` under ``key``; older values go while the total exceeds the budget. Returns whether
        it was kept (not when it alone exceeds the budget)."""
        shared = tuple((obj, int(size)) for obj, size in shared)
        with self._lock:
            self._entries.pop(key, None)
            alone = int(nbytes) + sum(size for _obj, size in shared)
            if alone > self.budget:
                return False
            self._entries[key] = (value, int(nbytes), shared)
            while self._total() > self.budget and len(self._entries) > 1:
                self._entries.popitem(last=False)
            return True

    def trim(self) -> int:
        """Drop least recently used values while the total exceeds the budget (values grow after they are
        kept); returns how many went."""
        with self._lock:
            gone = 0
            while self._total() > self.budget and self._entries:
                self._entries.popitem(last=False)
                gone += 1
            return gone

    def discard(self, predicate) -> int:
        """Drop the values whose key satisfies ``predicate``; returns how many."""
        with self._lock:
            keys = [k for k in self._entries if predicate(k)]
            for k in keys:
                del self._entries[k]
            return len(keys)

    def clear(self):
        with self._lock:
            self._entries.clear()

    def _total(self) -> int:
        seen = {}
        total = 0
        for value, own, shared in self._entries.values():
            # a graph grows after it is kept (search lists, trees built on first use): its size now
            total += int(getattr(value, "nbytes", own))
            for obj, size in shared:
                seen[id(obj)] = size
        return total + sum(seen.values())

    @property
    def total_bytes(self) -> int:
        with self._lock:
            return self._total()

    def __len__(self):
        return len(self._entries)

    def keys(self):
        with self._lock:
            return list(self._entries)


#: The cache of built graphs for this QGIS session (one Python process).
GRAPHS = SessionCache()
