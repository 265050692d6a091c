"""How finely a catchment is drawn, chosen from how much road it reaches, and what each choice guarantees.

Why: the cost of drawing a catchment should follow the map that is drawn, not the kilometres of road
reached. A 15-minute walk reaches 20 to 40 km of streets and is drawn on a 10 m grid with a 50 m band in a
few milliseconds; a 20-minute drive over a département reaches thousands of kilometres of roads spread
over 400 km², where a 10 m grid holds 4 million cells and buffering every road takes seconds and gigabytes
per site, for detail no map at that scale shows.

Levels. Level 0 is the finest: the band the user chose around the reached roads (``width``, 50 m by default)
on a grid of ``cell = min(10 m, width / 4.85)``. Each level above doubles both the band and the cell, so a
grid of the same number of cells covers four times the area:

======  ==================  =================  =====================================================
level   band (default)      grid cell          drawn for a site reaching (automatic choice)
======  ==================  =================  =====================================================
0       50 m                10 m               up to ``FINE_REACH_M`` of roads (walk 200 km, bike
                                               100 km, car 30 km: a walk of half an hour or more)
1       100 m               20 m               up to 4 × that (a town by bike, a district by car)
2       200 m               40 m               up to 16 × that (a town by car)
3       400 m               80 m               beyond (a département by car)
======  ==================  =================  =====================================================

The automatic choice takes, for each site, the smallest level whose reach limit covers the length of road
the site reaches in its longest time (``FINE_REACH_M × 4^level``), and never goes above the mode's
``MAX_LEVEL``: the band stays about what the mode covers in one minute (100 m on foot, 200 m by bike,
400 m by car), a stretch that is small against the time asked for. Walking keeps the finest band longest:
the last 50 m to a door are part of a walk, not of a drive. Every band of one site is drawn at the same
level, so that they stay nested.

The automatic outline draws a site with smooth buffers instead (level 0, the band chosen) when it reaches
less than ``SMOOTH_REACH_M`` of road (on foot 100 km, by bike 40 km, never by car) and its roads do not
crowd: buffering that little takes a few tens of milliseconds at most, and the outline is the finest.

The guarantee of a polygon at level ``k`` is the guarantee of its band ``width × 2^k``: **no point of the
polygon is farther than the band from a road reached in time** (``2^k × 50 m`` when small holes are
filled: see ``isochrone``), and every road reached in time lies inside. The catchment output states it for
each polygon (``max_dist_m``). The user can always ask for the finest drawing instead: smooth buffers, or
the 10 m grid, at the band they chose, whatever the reach.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import MAX_DISTANCE_M, OUTLINE_BUFFER, OUTLINE_GRID

#: Default grid resolution (metres) at the finest level.
DEFAULT_CELL_M = 10.0
#: The cell never exceeds the band divided by this (so that every reached road stays inside; see
#: ``grid_outline``).
WIDTH_PER_CELL = 4.85
#: Reached road length per site (metres) drawn at the finest level; each level above draws four times more.
#: A 15-minute walk reaches 20 to 100 km of streets and sidewalks, a 5-minute drive in Marseille 46 to 90 km.
FINE_REACH_M = {"walk": 200_000.0, "bike": 100_000.0, "car": 30_000.0}
#: A site reaching at most this length of road (on foot: a 15 to 20-minute walk in a town), where the roads do
#: not crowd, is drawn with smooth buffers by the automatic outline: at that size they take a few tens of
#: milliseconds at most; longer or crowded reaches go to the grid, and drives always (a 5-minute drive in
#: Marseille reaches 46 to 90 km of roads, whose buffers took 0.3 to 0.4 s per site).
SMOOTH_REACH_M = {"walk": 100_000.0, "bike": 40_000.0, "car": 0.0}
#: Coarsest level per mode: a band of about one minute of travel (100 m on foot, 200 m by bike, 400 m by car).
MAX_LEVEL = {"walk": 1, "bike": 2, "car": 3}


def cell_size(width: float, cell: float = DEFAULT_CELL_M) -> float:
    """The grid resolution used for a band of ``width``: ``cell``, reduced so that reached roads stay inside."""
    return min(cell, width / WIDTH_PER_CELL)


@dataclass(frozen=True)
class Resolution:
    """How one site's polygons are drawn: ``outline`` (grid or buffer), the band around the reached roads,
    the grid cell (0 for buffers), and the level it came from."""

    outline: str
    width_m: float
    cell_m: float
    level: int = 0

    def max_distance(self, fill_holes: bool) -> float:
        """Farthest a point of a polygon may lie from a road reached in time (the stated guarantee)."""
        if fill_holes:
            return max(self.width_m, MAX_DISTANCE_M * 2**self.level)
        return self.width_m


def level_for(reach_m: float, mode: str) -> int:
    """The automatic level for a site reaching ``reach_m`` metres of road in ``mode`` (see the module)."""
    limit = FINE_REACH_M.get(mode, FINE_REACH_M["walk"])
    top = MAX_LEVEL.get(mode, 0)
    level = 0
    while level < top and reach_m > limit * 4**level:
        level += 1
    return level


def levels_for(reach_m, mode: str) -> np.ndarray:
    """``level_for`` of each site."""
    return np.array([level_for(float(r), mode) for r in np.asarray(reach_m, dtype=float)], dtype=np.int64)


def resolution(outline: str, width: float, level: int = 0, cell: float = DEFAULT_CELL_M) -> Resolution:
    """The drawing of ``outline`` for a band of ``width`` at ``level`` (buffers are always level 0)."""
    if outline == OUTLINE_BUFFER:
        return Resolution(OUTLINE_BUFFER, float(width), 0.0, 0)
    scale = 2.0**level
    return Resolution(OUTLINE_GRID, float(width) * scale, cell_size(width, cell) * scale, int(level))
