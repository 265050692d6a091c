"""Grid outlines (``core/network/grid_outline``): the disc filter against brute force, hand-computed
outlines on a straight street, exact nesting, the fallback to buffers for reaches too large for a grid."""

import numpy as np
import pytest
import shapely
import shapely.affinity
from friches_tierslieux.core.network.graph import Graph, build_network
from friches_tierslieux.core.network.grid_outline import UNREACHED, disc_minimum, disc_rows, polygonize
from friches_tierslieux.core.network.isochrone import OUTLINE_BUFFER, OUTLINE_GRID, catchments
from friches_tierslieux.core.network.resolution import cell_size
from friches_tierslieux.core.network.rules import GENERIC, mode_rules
from friches_tierslieux.core.network.search import attach_sites
from shapely.geometry import LineString, Point


def _walk_graph(lines):
    return Graph(build_network(lines), mode_rules({}, len(lines), GENERIC, "walk"))


@pytest.mark.parametrize("radius", [0.5, 1.0, 2.5, 3.59, 6.2])
def test_disc_minimum_matches_brute_force(radius):
    rng = np.random.default_rng(int(radius * 10))
    rows = disc_rows(radius)
    k = len(rows) // 2
    inner = np.full((23, 31), UNREACHED, dtype=np.uint8)
    seeds = rng.random(inner.shape) < 0.04
    inner[seeds] = rng.integers(0, 3, seeds.sum())
    seed = np.pad(inner, 2 * k, constant_values=UNREACHED)  # the padding the caller provides
    result = disc_minimum(seed, rows)
    expected = np.full_like(seed, UNREACHED)
    ys, xs = np.nonzero(seed != UNREACHED)
    for y, x in zip(ys, xs):
        for dy in range(-k, k + 1):
            for dx in range(-k, k + 1):
                if dx * dx + dy * dy <= radius**2 + 1e-9:
                    expected[y + dy, x + dx] = min(expected[y + dy, x + dx], seed[y, x])
    np.testing.assert_array_equal(result, expected)


def _cell_centres_inside(geom, shape, cell=1.0):
    ys, xs = np.mgrid[0:shape[0], 0:shape[1]]
    return shapely.contains_xy(geom, (xs.ravel() + 0.5) * cell, (ys.ravel() + 0.5) * cell).reshape(shape)


def test_polygonize_cuts_the_corners_of_the_cells():
    mask = np.zeros((4, 5), dtype=bool)
    mask[1:3, 1:4] = True  # a 3 x 2 block: an octagon
    mask[3, 4] = True  # a cell touching it by a corner only: a separate diamond
    geom = polygonize(mask, 100.0, 200.0, 10.0)
    assert geom.is_valid and shapely.get_num_geometries(geom) == 2
    # 6 cells less 4 corner triangles of 12.5 m², and a diamond of half a cell
    assert geom.area == pytest.approx(600.0 - 4 * 12.5 + 50.0)
    assert geom.bounds == (110.0, 210.0, 150.0, 240.0)
    steps = shapely.get_coordinates(geom) / 5.0
    assert np.abs(steps - np.round(steps)).max() < 1e-9  # vertices on the half-cell grid
    np.testing.assert_array_equal(_cell_centres_inside(shapely.affinity.translate(geom, -100, -200), mask.shape, 10.0),
                                  mask)


def test_pinched_cells_give_valid_polygons():
    # a loop of cells closed by a diagonal contact (its hole touches the outside at one corner), an
    # island in the hole, and two cells touching by a corner only
    mask = np.zeros((9, 9), dtype=bool)
    mask[1, 1:5] = mask[1:5, 1] = mask[4, 1:4] = mask[1:4, 4] = True
    mask[2, 2] = True
    mask[7, 6] = mask[8, 7] = True
    geom = polygonize(mask, 0.0, 0.0, 1.0)
    assert geom.is_valid
    np.testing.assert_array_equal(_cell_centres_inside(geom, mask.shape), mask)
    # every point within 0.8 cell of the centre of a cell of the mask, and the other way round
    ys, xs = np.nonzero(mask)
    centres = shapely.multipoints(np.stack([xs + 0.5, ys + 0.5], axis=1))
    rng = np.random.default_rng(3)
    pts = rng.uniform(0, 9, size=(4000, 2))
    inside = shapely.contains_xy(geom, pts[:, 0], pts[:, 1])
    assert shapely.distance(shapely.points(pts[inside]), centres).max() <= 0.8


def test_outlines_of_nested_cells_are_nested():
    rng = np.random.default_rng(11)
    for _ in range(20):
        small = rng.random((12, 12)) < 0.35
        large = small | (rng.random((12, 12)) < 0.3)
        a, b = polygonize(small, 0.0, 0.0, 1.0), polygonize(large, 0.0, 0.0, 1.0)
        assert a.is_valid and b.is_valid
        assert b.covers(a)
        # exactly the centres of the cells in, with shells, holes and islands
        np.testing.assert_array_equal(_cell_centres_inside(a, small.shape), small)
        np.testing.assert_array_equal(_cell_centres_inside(b, large.shape), large)


def test_straight_street_cut_at_the_budget():
    # a 1 km street, a site at its west end, 5 minutes on foot = 400 m, width 50 m, 10 m cells
    g = _walk_graph([LineString([(0, 0), (1000, 0)])])
    att = attach_sites(g, [Point(0, 5)], tolerance=50)
    poly = catchments(g, att, [300], outline=OUTLINE_GRID)[0, 0]
    # every reached point inside, nothing farther than 50 m from the reached piece [0, 400]
    reached = LineString([(0, 0), (400, 0)])
    assert poly.covers(reached)
    corners = shapely.points(shapely.get_coordinates(poly))
    assert shapely.distance(corners, reached).max() <= 50.0 + 1e-9
    # vertices on the 5 m half-grid; the outline keeps the grid's margin: 35 to 50 m beyond the cut point
    assert np.all(np.mod(shapely.get_coordinates(poly), 5.0) == 0.0)
    assert 435.0 <= poly.bounds[2] <= 450.0 and 30.0 <= poly.bounds[3] <= 50.0
    assert not poly.contains(Point(455, 0))


def test_narrow_width_uses_smaller_cells_and_keeps_the_road_inside():
    assert cell_size(50.0) == 10.0 and cell_size(20.0) == pytest.approx(20.0 / 4.85)
    g = _walk_graph([LineString([(0, 0), (300, 0), (300, 300)])])
    att = attach_sites(g, [Point(0, 0)], tolerance=50)
    poly = catchments(g, att, [300], buffer_m=12.0, fill_holes=False, outline=OUTLINE_GRID)[0, 0]
    reached = LineString([(0, 0), (300, 0), (300, 100)])
    assert poly.covers(reached)
    assert shapely.distance(shapely.points(shapely.get_coordinates(poly)), reached).max() <= 12.0 + 1e-9


def _dense_lines(n=30, spacing=12.0):
    """Parallel streets every 12 m (sidewalks beside every street) crossed every 100 m: crowded."""
    xs, ys = np.arange(0, 1001, 100.0), np.arange(n) * spacing
    lines = [LineString([(x, y) for x in xs]) for y in ys]  # a vertex at every crossing: connected
    lines += [LineString([(x, y) for y in ys]) for x in xs]
    return lines


def test_bands_are_exactly_nested_on_the_grid():
    g = _walk_graph(_dense_lines())
    att = attach_sites(g, shapely.points([[500.0, 170.0], [120.0, 40.0]]), 50)
    polys = catchments(g, att, [60, 120, 240], outline=OUTLINE_GRID)
    for i in range(2):
        for b in range(2):
            assert polys[i, b + 1].covers(polys[i, b])  # no tolerance: the cells are nested
            assert polys[i, b + 1].area > polys[i, b].area


def test_grid_polygons_on_a_crowded_network_are_valid():
    g = _walk_graph(_dense_lines())
    att = attach_sites(g, shapely.points([[500.0, 170.0], [120.0, 40.0], [900.0, 300.0]]), 50)
    polys = catchments(g, att, [60, 120, 240], outline=OUTLINE_GRID)
    assert shapely.is_valid(polys.ravel()).all()


def test_a_reach_too_large_for_a_grid_is_buffered(monkeypatch):
    from friches_tierslieux.core.network import grid_outline

    g = _walk_graph(_dense_lines())
    att = attach_sites(g, shapely.points([[500.0, 170.0], [120.0, 40.0]]), 50)
    reference = catchments(g, att, [60, 240], outline=OUTLINE_BUFFER)
    # the cells of each 4-minute reach (the extent of the reached roads, 10 m cells): 2,200 and 1,400
    bounds = shapely.bounds(reference[:, 1])
    cells = [((x1 - x0 - 100) / 10 + 1) * ((y1 - y0 - 100) / 10 + 1) for x0, y0, x1, y1 in bounds]
    monkeypatch.setattr(grid_outline, "MAX_CELLS", 1800)
    polys = catchments(g, att, [60, 240], outline=OUTLINE_GRID)
    # the large reach falls back to buffers (the same polygons as asked for), the other stays on the grid
    large = [i for i in range(2) if cells[i] > 1800]
    assert large == [0]
    for i in range(2):
        on_grid = np.all(np.mod(shapely.get_coordinates(polys[i, 1]), 5.0) == 0.0)
        assert on_grid == (i not in large)
        if i in large:
            assert polys[i, 1].equals_exact(reference[i, 1], 1e-6)
        assert polys[i, 1].covers(polys[i, 0])
