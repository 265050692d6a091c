"""Population as area-weighted shares of cells, and coverage gaps, against plain shapely intersections."""

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.network.coverage import covered_area, find_gaps, new_coverage
from friches_tierslieux.core.network.population import CellIndex, grid_areas, population_in
from shapely.geometry import Point, Polygon, box


def _grid(nx=10, ny=8, size=200.0, x0=600_000.0, y0=6_600_000.0, seed=1):
    rng = np.random.default_rng(seed)
    xx, yy = np.meshgrid(np.arange(nx) * size + x0, np.arange(ny) * size + y0, indexing="ij")
    cells = shapely.box(xx.ravel(), yy.ravel(), xx.ravel() + size, yy.ravel() + size)
    return cells, np.round(rng.gamma(1.5, 50.0, len(cells)), 1)


def _blobs(k=25, seed=2, centre=(601_000.0, 6_600_800.0)):
    rng = np.random.default_rng(seed)
    polys = []
    for _ in range(k):
        c = rng.uniform(-700, 700, 2) + centre
        discs = shapely.buffer(shapely.points(rng.uniform(-300, 300, (15, 2)) + c), rng.uniform(10, 150, 15))
        blob = shapely.union_all(discs)
        polys.append(blob.difference(Point(c).buffer(60)))  # with a hole
    return np.array([*polys, None], dtype=object)


def _reference(polys, cells, values):
    area = shapely.area(cells)
    return np.array([
        np.nan if p is None else float(np.sum(values * shapely.area(shapely.intersection(cells, p)) / area))
        for p in polys
    ])


def test_hand_computed_shares():
    cells = [box(0, 0, 200, 200), box(200, 0, 400, 200)]
    # a polygon covering a quarter of the first cell and half of the second
    poly = Polygon([(100, 0), (400, 0), (400, 100), (100, 100)])
    pop = population_in([poly], cells, [120.0, 80.0])
    assert pop[0] == pytest.approx(0.25 * 120 + 0.5 * 80)


def test_grid_method_matches_intersections():
    cells, values = _grid()
    polys = _blobs()
    index = CellIndex(cells, values)
    assert index.is_grid
    ours = index.population(polys)
    reference = _reference(polys, cells, values)
    assert np.isnan(ours[-1]) and np.isnan(reference[-1])
    np.testing.assert_allclose(ours[:-1], reference[:-1], rtol=1e-9, atol=1e-6)
    assert reference[:-1].max() > 100


@pytest.mark.parametrize("reverse", [False, True], ids=["as-drawn", "reversed-rings"])
def test_grid_areas_are_exact_for_multipolygons_with_holes(reverse):
    poly = shapely.MultiPolygon([
        Polygon([(10, 10), (390, 10), (390, 390), (10, 390)], [[(150, 150), (250, 150), (250, 250), (150, 250)]]),
        Polygon([(450, 50), (550, 120), (470, 180)]),
    ])
    if reverse:  # clockwise shells and counter-clockwise holes (e.g. a shapefile read as is)
        poly = shapely.reverse(poly)
    owner, col, row, area = grid_areas(np.array([poly], dtype=object), 0.0, 0.0, 200.0, 200.0)
    for i, j, a in zip(col, row, area):
        assert a == pytest.approx(box(i * 200, j * 200, (i + 1) * 200, (j + 1) * 200).intersection(poly).area)
    assert area.sum() == pytest.approx(poly.area)


def test_irregular_cells_use_intersections():
    cells, values = _grid(6, 6)
    # jitter one corner of every cell: no longer a regular grid
    coords = shapely.get_coordinates(cells).reshape(len(cells), 5, 2)
    coords[:, 2] += 7.0
    coords[:, 4] = coords[:, 0]
    warped = shapely.polygons(coords)
    index = CellIndex(warped, values)
    assert not index.is_grid
    polys = _blobs(8, seed=4, centre=(600_600.0, 6_600_600.0))
    np.testing.assert_allclose(index.population(polys)[:-1], _reference(polys, warped, values)[:-1], rtol=1e-9)


def test_coverage_gaps_and_new_coverage():
    cells = np.array([box(0, 0, 200, 200), box(200, 0, 400, 200), box(400, 0, 600, 200)], dtype=object)
    values = np.array([100.0, 50.0, 0.0])
    index = CellIndex(cells, values)
    # existing places cover the first cell and half of the second
    existing = [box(-50, -50, 300, 250)]
    covered = covered_area(existing)
    gaps = find_gaps(covered, index)
    assert gaps.total_population == 150
    assert gaps.uncovered_population == pytest.approx(25)
    assert gaps.covered_population == pytest.approx(125)
    # the gap area: the populated cells minus the covered area (the empty third cell is no gap)
    assert len(gaps.areas) == 1 and gaps.areas[0].equals(box(300, 0, 400, 200))
    assert gaps.area_population[0] == pytest.approx(25)
    # a candidate covering the second cell entirely adds its uncovered half; one elsewhere adds nothing new
    candidates = np.array([box(200, 0, 400, 200), box(0, 0, 100, 200), None], dtype=object)
    total, new = new_coverage(index, covered, candidates)
    assert total[:2].tolist() == pytest.approx([50, 50])
    assert new[:2].tolist() == pytest.approx([25, 0])
    assert np.isnan(new[2])


def test_gaps_without_any_catchment():
    cells, values = _grid(3, 3)
    gaps = find_gaps(covered_area([None]), CellIndex(cells, values))
    assert gaps.uncovered_population == pytest.approx(values.sum())
    assert gaps.area_population.sum() == pytest.approx(values.sum())
