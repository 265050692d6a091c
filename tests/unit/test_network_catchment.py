"""Sites tied to the network, bounded searches and honest polygons, on hand-built networks.

Hand-computed answers: a cut edge, a one-way street, an unreachable site, a site between two roads;
then the guarantee on a perturbed grid, checked against an independent search (scipy.sparse.csgraph).
"""

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.network.graph import Graph, build_network
from friches_tierslieux.core.network.isochrone import (
    DEFAULT_BUFFER_M,
    MAX_DISTANCE_M,
    OUTLINE_BUFFER,
    catchments,
    fill_small_holes,
)
from friches_tierslieux.core.network.rules import GENERIC, OSM, mode_rules
from friches_tierslieux.core.network.search import NOT_CONNECTED, TIED, attach_sites, bounded_search
from friches_tierslieux.core.progress import Canceled, Progress
from shapely.geometry import LineString, Point, Polygon

WALK_MS = 4.8 / 3.6  # 80 m per minute


def _graph(lines, mode="walk", **attrs):
    n = len(lines)
    if attrs:
        columns = {k: v if isinstance(v, list) else [v] * n for k, v in attrs.items()}
        return Graph(build_network(lines), mode_rules(columns, n, OSM, mode))
    return Graph(build_network(lines), mode_rules({}, n, GENERIC, mode))


def test_cut_edge_reaches_exactly_the_cut_point():
    # a straight 1 km street; a site at its west end; 5 minutes on foot = 400 m
    g = _graph([LineString([(0, 0), (1000, 0)])])
    att = attach_sites(g, [Point(0, 10)], tolerance=50)
    assert att.status.tolist() == [TIED] and att.distance[0] == pytest.approx(10)
    polys = catchments(g, att, [300], buffer_m=25, fill_holes=False, outline=OUTLINE_BUFFER)
    minx, miny, maxx, maxy = polys[0, 0].bounds
    # the edge is cut at 400 m, not dropped nor kept whole; 25 m either side
    assert maxx == pytest.approx(400, abs=1e-6)
    assert miny == pytest.approx(-25, abs=1e-6) and maxy == pytest.approx(25, abs=1e-6)
    assert minx >= -25 - 1e-6
    assert polys[0, 0].contains(Point(399, 0)) and not polys[0, 0].contains(Point(401, 0))


def test_cut_edges_on_a_junction():
    # T junction: site mid-way on a 200 m street, a 300 m side street from its east end
    lines = [LineString([(0, 0), (200, 0)]), LineString([(200, 0), (200, 300)])]
    g = _graph(lines)
    att = attach_sites(g, [Point(100, -5)], tolerance=50)
    assert att.frac[0] == pytest.approx(0.5)
    nodes, times = bounded_search(g, att.sources(g, 0), 180)
    reached = dict(zip(nodes.tolist(), times.tolist()))
    xy = g.network.node_xy
    east = int(np.nonzero((xy == (200, 0)).all(axis=1))[0][0])
    assert reached[east] == pytest.approx(100 / WALK_MS)
    # 3 minutes = 240 m: 100 m to the junction, then 140 m up the side street; 100 m west to the end
    poly = catchments(g, att, [180], buffer_m=20, fill_holes=False, outline=OUTLINE_BUFFER)[0, 0]
    assert poly.bounds[3] == pytest.approx(140, abs=1e-6)
    assert poly.contains(Point(200, 139)) and not poly.contains(Point(200, 141))
    assert poly.contains(Point(1, 0))


def test_one_way_street_for_car_but_not_for_walking():
    # one-way street digitised west to east, 36 km/h = 10 m/s; the site in the middle
    street = [LineString([(0, 0), (1000, 0)])]
    car = _graph(street, "car", highway="residential", oneway="yes", maxspeed="36")
    walk = _graph(street, "walk", highway="residential", oneway="yes", maxspeed="36")
    site = [Point(500, 0)]
    car_poly = catchments(car, attach_sites(car, site, 100), [30], buffer_m=10, fill_holes=False,
                          outline=OUTLINE_BUFFER)[0, 0]
    # 30 s by car: 300 m eastwards only
    assert car_poly.bounds[0] == pytest.approx(500, abs=1e-6)
    assert car_poly.bounds[2] == pytest.approx(800, abs=1e-6)
    walk_poly = catchments(walk, attach_sites(walk, site, 100), [120], buffer_m=10, fill_holes=False,
                           outline=OUTLINE_BUFFER)[0, 0]
    # 2 minutes on foot: 160 m both ways
    assert walk_poly.bounds[0] == pytest.approx(340, abs=1e-6)
    assert walk_poly.bounds[2] == pytest.approx(660, abs=1e-6)
    # against the one-way street, a car starting at the east end reaches nothing beyond its start
    g = car
    att = attach_sites(g, [Point(1000, 0)], 100)
    nodes, _times = bounded_search(g, att.sources(g, 0), 600)
    assert len(nodes) == 1


def test_unreachable_site_is_reported_with_its_distance():
    g = _graph([LineString([(0, 0), (1000, 0)])])
    att = attach_sites(g, [Point(500, 412), Point(500, 100), None], tolerance=300)
    assert att.status.tolist() == [NOT_CONNECTED, TIED, "no_geometry"]
    assert att.distance[0] == pytest.approx(412)
    polys = catchments(g, att, [300, 600])
    assert polys[0].tolist() == [None, None]
    assert polys[2].tolist() == [None, None]
    assert all(p is not None and not p.is_empty for p in polys[1])


def test_site_between_two_roads_attaches_to_the_nearest():
    lines = [LineString([(0, 0), (1000, 0)]), LineString([(0, 100), (1000, 100)])]
    g = _graph(lines)
    att = attach_sites(g, [Point(300, 30), Point(600, 70)], tolerance=300)
    assert att.point[0].tolist() == [300, 0] and att.distance[0] == pytest.approx(30)
    assert att.point[1].tolist() == [600, 100] and att.distance[1] == pytest.approx(30)
    polys = catchments(g, att, [120], buffer_m=10, fill_holes=False, outline=OUTLINE_BUFFER)
    # the two roads are not connected: each catchment stays on its own road
    assert polys[0, 0].bounds[3] == pytest.approx(10) and polys[1, 0].bounds[1] == pytest.approx(90)


def test_site_prefers_the_main_network_to_a_small_fragment():
    main = [LineString([(x, 0), (x + 10, 0)]) for x in range(0, 600, 10)]
    fragment = [LineString([(100, 20), (110, 20)])]
    g = _graph(main + fragment)
    att = attach_sites(g, [Point(105, 18)], tolerance=100)
    assert att.distance[0] == pytest.approx(18) and not att.isolated[0]
    alone = attach_sites(_graph(fragment), [Point(105, 18)], tolerance=100)
    assert alone.isolated[0] and alone.distance[0] == pytest.approx(2)


def test_polygon_site_starts_from_nodes_inside():
    lines = [LineString([(0, 0), (500, 0)]), LineString([(500, 0), (1000, 0)])]
    g = _graph(lines)
    site = Polygon([(450, -50), (550, -50), (550, 50), (450, 50)])
    att = attach_sites(g, [site], tolerance=100)
    node = int(np.nonzero((g.network.node_xy == (500, 0)).all(axis=1))[0][0])
    assert node in att.inner_nodes[0].tolist()
    nodes, times = bounded_search(g, att.sources(g, 0), 60)
    assert dict(zip(nodes.tolist(), times.tolist()))[node] == 0.0


def _grid_network(n=12, spacing=100.0, seed=3):
    rng = np.random.default_rng(seed)
    xy = np.stack(np.meshgrid(np.arange(n), np.arange(n), indexing="ij"), axis=-1).reshape(-1, 2) * spacing
    xy = xy + rng.uniform(-20, 20, size=xy.shape)
    ids = np.arange(n * n).reshape(n, n)
    a = np.concatenate([ids[:-1, :].ravel(), ids[:, :-1].ravel()])
    b = np.concatenate([ids[1:, :].ravel(), ids[:, 1:].ravel()])
    keep = rng.random(len(a)) > 0.1
    a, b = a[keep], b[keep]
    mid = (xy[a] + xy[b]) / 2 + rng.uniform(-8, 8, size=(len(a), 2))
    lines = list(shapely.linestrings(np.stack([xy[a], mid, xy[b]], axis=1)))
    oneway = [("yes" if r < 0.2 else "-1" if r < 0.3 else None) for r in rng.random(len(lines))]
    return lines, oneway


def _reference_pieces(g, site_xy, budget):
    """Reached pieces computed independently: scipy's Dijkstra on a graph with the site's split edge."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    net = g.network
    n = net.n_nodes
    # the site's projection, found by brute force on every usable segment
    a = net.node_xy[net.seg_u]
    b = net.node_xy[net.seg_v]
    ab = b - a
    t = np.clip(np.einsum("ij,ij->i", site_xy - a, ab) / np.einsum("ij,ij->i", ab, ab), 0, 1)
    dist = np.hypot(*(a + t[:, None] * ab - site_xy).T)
    dist[~g.usable] = np.inf
    s = int(np.argmin(dist))
    f = t[s]
    rows, cols, weights = [], [], []
    for k in range(net.n_segments):
        if k == s:
            continue
        if np.isfinite(g.time_forward[k]):
            rows.append(net.seg_u[k]), cols.append(net.seg_v[k]), weights.append(g.time_forward[k])
        if np.isfinite(g.time_backward[k]):
            rows.append(net.seg_v[k]), cols.append(net.seg_u[k]), weights.append(g.time_backward[k])
    virtual = n  # the site's point splits its segment
    if np.isfinite(g.time_forward[s]):
        rows += [net.seg_u[s], virtual]
        cols += [virtual, net.seg_v[s]]
        weights += [f * g.time_forward[s], (1 - f) * g.time_forward[s]]
    if np.isfinite(g.time_backward[s]):
        rows += [net.seg_v[s], virtual]
        cols += [virtual, net.seg_u[s]]
        weights += [(1 - f) * g.time_backward[s], f * g.time_backward[s]]
    matrix = csr_matrix((np.array(weights) + 1e-12, (rows, cols)), shape=(n + 1, n + 1))
    times = dijkstra(matrix, indices=virtual, limit=budget + 1e-9)
    p = a[s] + f * ab[s]
    pieces = []
    for k in range(net.n_segments):
        u, v = net.seg_u[k], net.seg_v[k]
        pu, pv = net.node_xy[u], net.node_xy[v]
        if k == s:
            starts = [(p, pv, g.time_forward[k] * (1 - f)), (p, pu, g.time_backward[k] * f)]
            ends = [(pv, pu, g.time_backward[k], times[v]), (pu, pv, g.time_forward[k], times[u])]
        else:
            starts = []
            ends = [(pu, pv, g.time_forward[k], times[u]), (pv, pu, g.time_backward[k], times[v])]
        for origin, target, time in starts:
            if np.isfinite(time) and time > 0:
                frac = min(1.0, budget / time)
                pieces.append(LineString([origin, origin + frac * (target - origin)]))
        for origin, target, time, t0 in ends:
            if np.isfinite(time) and t0 <= budget:
                frac = min(1.0, (budget - t0) / time)
                if frac > 0:
                    pieces.append(LineString([origin, origin + frac * (target - origin)]))
    return shapely.union_all(pieces), times[:n]


@pytest.mark.parametrize("outline,crowded", [("buffer", 0.0), ("buffer", 1e9), ("grid", 0.0)],
                         ids=["buffer-each-line-and-merge", "buffer-all-at-once", "grid"])
@pytest.mark.parametrize("mode", ["walk", "car"])
def test_guarantee_against_an_independent_search(mode, outline, crowded, monkeypatch):
    from friches_tierslieux.core.network import isochrone

    monkeypatch.setattr(isochrone, "CROWDED", crowded)
    lines, oneway = _grid_network()
    attrs = {"highway": ["residential"] * len(lines), "oneway": oneway, "maxspeed": ["20"] * len(lines)}
    g = Graph(build_network(lines), mode_rules(attrs, len(lines), OSM, mode))
    rng = np.random.default_rng(5)
    sites = rng.uniform(200, 900, size=(4, 2))
    budgets = [240, 480] if mode == "walk" else [60, 120]
    att = attach_sites(g, shapely.points(sites), 200)
    for width, fill, limit in ((25, False, 25.0), (25, True, MAX_DISTANCE_M), (DEFAULT_BUFFER_M, True, 50.0)):
        polys = catchments(g, att, budgets, buffer_m=width, fill_holes=fill, outline=outline)
        for i, site in enumerate(sites):
            nodes, times = bounded_search(g, att.sources(g, i), budgets[-1])
            for b, budget in enumerate(budgets):
                reference, ref_times = _reference_pieces(g, site, budget)
                if b == len(budgets) - 1:
                    # same travel times as scipy for every node reached within the budget
                    within = np.isfinite(ref_times)
                    assert set(nodes.tolist()) == set(np.nonzero(within)[0].tolist())
                    np.testing.assert_allclose(times, ref_times[nodes], rtol=1e-9, atol=1e-6)
                poly = polys[i, b]
                # every reached piece of network is inside the polygon...
                assert poly.buffer(1e-6).covers(reference)
                # ...and no point of the polygon is farther than the limit from a reached piece
                samples = _sample_points(poly, 400, rng)
                assert shapely.distance(samples, reference).max() <= limit + 1e-6
                vertices = shapely.points(shapely.get_coordinates(poly))
                assert shapely.distance(vertices, reference).max() <= limit + 1e-6


def _sample_points(poly, k, rng):
    minx, miny, maxx, maxy = poly.bounds
    xy = rng.uniform((minx, miny), (maxx, maxy), size=(k * 4, 2))
    inside = shapely.contains_xy(poly, xy[:, 0], xy[:, 1])
    return shapely.points(xy[inside][:k])


@pytest.mark.parametrize("width", [30.0, DEFAULT_BUFFER_M], ids=["holes-filled", "nothing-to-fill"])
def test_bands_are_nested(width):
    lines, oneway = _grid_network(seed=8)
    g = _graph(lines, "car", highway="residential", oneway=oneway, maxspeed="30")
    att = attach_sites(g, shapely.points(np.array([[500.0, 500.0], [300.0, 800.0], [800.0, 200.0]])), 200)
    polys = catchments(g, att, [20, 45, 90, 150], buffer_m=width)
    for i in range(3):
        for b in range(3):
            assert polys[i, b + 1].buffer(1e-6).covers(polys[i, b]), (i, b)
            assert polys[i, b + 1].area > polys[i, b].area


def test_small_holes_are_filled_and_large_ones_kept():
    outer = Polygon([(0, 0), (1000, 0), (1000, 1000), (0, 1000)],
                    [[(100, 100), (140, 100), (140, 400), (100, 400)],  # 40 m wide: within 2 x 25 m
                     [(300, 300), (700, 300), (700, 700), (300, 700)]])  # 400 m wide
    filled = fill_small_holes(np.array([outer, None], dtype=object), 25)
    assert len(filled[0].interiors) == 1 and filled[0].interiors[0].bounds == (300, 300, 700, 700)
    assert filled[1] is None


def test_cancel_stops_the_computation():
    lines, _ = _grid_network()
    g = _graph(lines)
    att = attach_sites(g, shapely.points(np.full((10, 2), 500.0)), 200)
    with pytest.raises(Canceled):
        catchments(g, att, [300], progress=Progress(None, lambda: True))
