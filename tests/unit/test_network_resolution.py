"""Resolution of the drawing (``core/network/resolution``): the levels chosen from the reach and the mode,
worked out by hand, and the guarantee of each level checked on the polygons actually drawn."""

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.network import OUTLINE_AUTO, OUTLINE_BUFFER, OUTLINE_GRID
from friches_tierslieux.core.network.graph import Graph, build_network
from friches_tierslieux.core.network.isochrone import catchments
from friches_tierslieux.core.network.resolution import Resolution, level_for, resolution
from friches_tierslieux.core.network.rules import OSM, mode_rules
from friches_tierslieux.core.network.search import attach_sites


@pytest.mark.parametrize("mode,reach_km,level", [
    ("walk", 150, 0), ("walk", 200, 0), ("walk", 201, 1), ("walk", 50_000, 1),  # on foot: at most 100 m
    ("bike", 100, 0), ("bike", 101, 1), ("bike", 400, 1), ("bike", 401, 2), ("bike", 50_000, 2),
    ("car", 30, 0), ("car", 31, 1), ("car", 120, 1), ("car", 121, 2), ("car", 480, 2), ("car", 481, 3),
    ("car", 50_000, 3),  # by car: at most 400 m
])
def test_levels_by_hand(mode, reach_km, level):
    assert level_for(reach_km * 1000.0, mode) == level


def test_each_level_doubles_band_and_cell():
    assert resolution(OUTLINE_GRID, 50.0, 0) == Resolution(OUTLINE_GRID, 50.0, 10.0, 0)
    assert resolution(OUTLINE_GRID, 50.0, 2) == Resolution(OUTLINE_GRID, 200.0, 40.0, 2)
    narrow = resolution(OUTLINE_GRID, 20.0, 1)  # a narrow band keeps roads inside with smaller cells
    assert narrow.width_m == 40.0 and narrow.cell_m == pytest.approx(2 * 20.0 / 4.85)
    assert resolution(OUTLINE_BUFFER, 30.0, 3) == Resolution(OUTLINE_BUFFER, 30.0, 0.0, 0)
    # the stated guarantee: the band, or 50 m x 2^level where small holes are filled
    assert resolution(OUTLINE_GRID, 25.0, 1).max_distance(fill_holes=True) == 100.0
    assert resolution(OUTLINE_GRID, 25.0, 1).max_distance(fill_holes=False) == 50.0
    assert resolution(OUTLINE_GRID, 50.0, 3).max_distance(fill_holes=True) == 400.0


def _town(n=41, spacing=100.0):
    """A 4 km square town: streets every 100 m both ways (2 x 41 x 40 x 100 m = 328 km of streets),
    maxspeed 36 km/h, and one street lined with a sidewalk so the grid is not perfectly regular."""
    xs = np.arange(n) * spacing
    lines = [shapely.linestrings(np.stack([xs, np.full(n, y)], axis=1)) for y in xs]
    lines += [shapely.linestrings(np.stack([np.full(n, x), xs], axis=1)) for x in xs]
    attrs = {"highway": ["residential"] * len(lines), "maxspeed": ["36"] * len(lines)}
    return lines, attrs


def _graph(mode):
    lines, attrs = _town()
    return Graph(build_network(lines), mode_rules(attrs, len(lines), OSM, mode)), lines


def test_a_drive_over_the_whole_town_is_drawn_coarser_with_its_guarantee():
    graph, lines = _graph("car")
    att = attach_sites(graph, [shapely.Point(2000, 2010), shapely.Point(150, 40)], 100)
    drawings = []
    # 36 km/h = 10 m/s; 15 minutes reach every street (at most 8 km of driving): 328 km each
    polys = catchments(graph, att, [120, 900], drawings=drawings)
    assert [d.level for d in drawings] == [2, 2] and drawings[0].width_m == 200.0 and drawings[0].cell_m == 40.0
    network = shapely.union_all(lines)
    for i in range(2):
        big = polys[i, 1]
        assert big.buffer(1e-6).covers(network)  # every reached road inside
        vertices = shapely.points(shapely.get_coordinates(big))
        assert shapely.distance(vertices, network).max() <= 200.0 + 1e-6  # no point beyond the band
        assert big.buffer(1e-6).covers(polys[i, 0])  # bands nested at the coarser level too
    # the same reach at the finest level: same roads, a narrower band, many more vertices to draw
    fine = catchments(graph, att, [120, 900], outline=OUTLINE_GRID)
    for i in range(2):
        assert shapely.distance(shapely.points(shapely.get_coordinates(fine[i, 1])), network).max() <= 50.0 + 1e-6
        assert shapely.get_num_coordinates(fine[i, 1]) > 3 * shapely.get_num_coordinates(polys[i, 1])


def test_a_walk_stays_at_the_finest_level_and_forced_outlines_too():
    graph, _lines = _graph("walk")
    att = attach_sites(graph, [shapely.Point(2000, 2010)], 100)
    drawings = []
    catchments(graph, att, [900], drawings=drawings)  # 15 minutes on foot: 1.2 km, about 60 km of streets
    assert drawings == [Resolution(OUTLINE_BUFFER, 50.0, 0.0, 0)]  # short and plain: smooth buffers
    drawings = []
    catchments(graph, att, [1500], drawings=drawings)  # 25 minutes, 2 km: about 160 km, the finest grid
    assert drawings == [Resolution(OUTLINE_GRID, 50.0, 10.0, 0)]
    drawings = []
    catchments(graph, att, [3600], drawings=drawings)  # an hour, the whole town (328 km): 100 m at most on foot
    assert drawings == [Resolution(OUTLINE_GRID, 100.0, 20.0, 1)]
    car, _ = _graph("car")
    att = attach_sites(car, [shapely.Point(2000, 2010)], 100)
    for outline, expected in ((OUTLINE_GRID, Resolution(OUTLINE_GRID, 50.0, 10.0, 0)),
                              (OUTLINE_BUFFER, Resolution(OUTLINE_BUFFER, 50.0, 0.0, 0))):
        drawings = []
        catchments(car, att, [900], outline=outline, drawings=drawings)
        assert drawings == [expected]
    drawings = []
    catchments(car, att, [900], outline=OUTLINE_AUTO, drawings=drawings)
    assert drawings[0].level == 2


def test_sites_of_one_run_get_their_own_level():
    # a village road of 2 km, far from the town: its site reaches 2 km of road, the other the whole town
    lines, attrs = _town()
    lines.append(shapely.linestrings([[20_000, 0], [20_000, 1000], [22_000, 1000]]))
    for values in attrs.values():
        values.append(values[0])
    graph = Graph(build_network(lines), mode_rules(attrs, len(lines), OSM, "car"))
    att = attach_sites(graph, [shapely.Point(20_010, 500), shapely.Point(2000, 2010)], 100)
    drawings = []
    polys = catchments(graph, att, [60, 900], drawings=drawings)
    assert [d.level for d in drawings] == [0, 2]  # the longest band decides, site by site
    village = shapely.linestrings([[20_000, 0], [20_000, 1000], [22_000, 1000]])
    assert shapely.distance(shapely.points(shapely.get_coordinates(polys[0, 1])), village).max() <= 50.0 + 1e-6


def test_short_reaches_on_plain_networks_are_smooth_buffers():
    graph, _lines = _graph("walk")
    att = attach_sites(graph, [shapely.Point(2000, 2010)], 100)
    drawings = []
    # 5 minutes on foot, 400 m: about 6 km of streets in a diamond, streets 100 m apart (not crowded)
    catchments(graph, att, [300], drawings=drawings)
    assert drawings == [Resolution(OUTLINE_BUFFER, 50.0, 0.0, 0)]
    # sidewalks every 12 m: as short a walk, but the roads crowd: the grid
    xs = np.arange(0, 1001, 100.0)
    ys = np.arange(30) * 12.0
    lines = [shapely.linestrings(np.stack([xs, np.full(len(xs), y)], axis=1)) for y in ys]
    lines += [shapely.linestrings(np.stack([np.full(len(ys), x), ys], axis=1)) for x in xs]
    dense = Graph(build_network(lines), mode_rules({"highway": ["footway"] * len(lines)}, len(lines), OSM, "walk"))
    drawings = []
    catchments(dense, attach_sites(dense, [shapely.Point(500, 170)], 50), [240], drawings=drawings)
    assert drawings == [Resolution(OUTLINE_GRID, 50.0, 10.0, 0)]
