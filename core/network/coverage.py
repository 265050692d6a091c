"""Where existing places do not reach, and how much a candidate site would add.

Method, for a travel time T:

1. the catchments (honest polygons, see ``isochrone``) of every existing place (tiers-lieux, France
   Services...) are merged into the covered area;
2. the uncovered population of each grid cell is its population times the share of its area outside
   the covered area (population spread evenly over the cell, see ``population``); the gap areas are the
   populated cells minus the covered area, merged where they touch, each with its uncovered population;
3. for a candidate site, the population it would newly cover is the population of its own catchment
   outside the covered area: the marginal gain over the existing places, each candidate on its own
   (candidates are not added to one another).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..progress import NullProgress, Progress
from .population import CellIndex, _present


@dataclass
class Gaps:
    """The uncovered part of the populated cells."""

    areas: np.ndarray  # gap areas: shapely polygons (populated cells minus the covered area)
    area_population: np.ndarray  # uncovered population of each gap area
    cell_uncovered: np.ndarray  # uncovered population per cell of the index
    total_population: float
    uncovered_population: float

    @property
    def covered_population(self) -> float:
        return self.total_population - self.uncovered_population


def covered_area(polygons):
    """The union of the catchments (None when there is none)."""
    polygons = np.asarray(polygons, dtype=object) if not isinstance(polygons, np.ndarray) else polygons
    ok = _present(polygons)
    if not ok.any():
        return None
    return shapely.union_all(polygons[ok])


def find_gaps(covered, index: CellIndex, progress: Progress = None) -> Gaps:
    """The populated cells of ``index`` outside ``covered`` (a geometry or None); see the module."""
    progress = progress or NullProgress()
    uncovered = index.values.copy()
    if covered is not None and not covered.is_empty:
        _pi, ci, share = index.shares(np.array([covered], dtype=object))
        covered_share = np.zeros(len(index.values))
        np.add.at(covered_share, ci, share)
        uncovered = index.values * (1.0 - np.clip(covered_share, 0.0, 1.0))
    progress.set(0.3)
    progress.check()
    populated = index.values > 0
    areas = np.zeros(0, dtype=object)
    area_population = np.zeros(0)
    if populated.any():
        land = shapely.union_all(index.cells[populated])
        progress.set(0.5)
        progress.check()
        gaps = land if covered is None or covered.is_empty else shapely.difference(land, covered)
        parts = shapely.get_parts(gaps)
        parts = parts[(shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 1e-6)]
        progress.set(0.8)
        if len(parts):
            areas = parts
            area_population = index.population(parts)
    progress.set(1.0)
    return Gaps(
        areas=areas,
        area_population=area_population,
        cell_uncovered=uncovered,
        total_population=float(index.values.sum()),
        uncovered_population=float(uncovered.sum()),
    )


def new_coverage(index: CellIndex, covered, candidate_polygons, progress: Progress = None) -> tuple:
    """(population inside each candidate's catchment, of which outside ``covered``); NaN without catchment."""
    progress = progress or NullProgress()
    candidate_polygons = np.asarray(candidate_polygons, dtype=object)
    total = index.population(candidate_polygons, progress.part(0.0, 0.5))
    if covered is None or covered.is_empty:
        return total, total.copy()
    present = _present(candidate_polygons)
    overlap = np.full(len(candidate_polygons), None, dtype=object)
    if present.any():
        shapely.prepare(covered)
        overlap[present] = shapely.intersection(candidate_polygons[present], covered)
    already = index.population(overlap, progress.part(0.5, 1.0))
    new = total - np.where(np.isnan(already), 0.0, already)
    new[~present] = np.nan
    return total, np.maximum(new, 0.0)
