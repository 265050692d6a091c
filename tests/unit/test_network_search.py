"""Bounded searches (``core/network/search``): scipy's compiled Dijkstra and the heap in Python find the same
nodes at the same times, and the automatic switch between them; checked on perturbed grids with one-way
streets, parallel lines, polygon sites and unreachable sites."""

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.network import search
from friches_tierslieux.core.network.graph import Graph, build_network
from friches_tierslieux.core.network.rules import OSM, mode_rules
from friches_tierslieux.core.network.search import attach_sites, bounded_search, reach_searches
from shapely.geometry import LineString, Polygon

pytest.importorskip("scipy")


def _grid(n=14, seed=2, mode="car"):
    rng = np.random.default_rng(seed)
    xy = np.stack(np.meshgrid(np.arange(n), np.arange(n), indexing="ij"), axis=-1).reshape(-1, 2) * 100.0
    xy += rng.uniform(-20, 20, size=xy.shape)
    ids = np.arange(n * n).reshape(n, n)
    a = np.concatenate([ids[:-1, :].ravel(), ids[:, :-1].ravel()])
    b = np.concatenate([ids[1:, :].ravel(), ids[:, 1:].ravel()])
    lines = list(shapely.linestrings(np.stack([xy[a], (xy[a] + xy[b]) / 2, xy[b]], axis=1)))
    lines += [LineString([xy[a[k]], xy[b[k]]]) for k in range(0, len(a), 7)]  # parallel lines, straight
    oneway = [("yes" if r < 0.2 else "-1" if r < 0.3 else None) for r in rng.random(len(lines))]
    speeds = [str(v) for v in rng.choice([20, 30, 50], len(lines))]
    attrs = {"highway": ["residential"] * len(lines), "oneway": oneway, "maxspeed": speeds}
    return Graph(build_network(lines), mode_rules(attrs, len(lines), OSM, mode))


def _sites(graph):
    sites = list(shapely.points(np.random.default_rng(9).uniform(50, 1250, size=(12, 2))))
    sites.append(Polygon([(400, 400), (700, 400), (700, 700), (400, 700)]))  # starts from the nodes inside
    sites.append(shapely.Point(50_000, 50_000))  # not tied: never searched
    return attach_sites(graph, sites, 300)


@pytest.mark.parametrize("budget", [20.0, 90.0, 400.0])
def test_scipy_and_heap_find_the_same_nodes_and_times(budget):
    graph = _grid()
    att = _sites(graph)
    tied = np.flatnonzero(att.tied)
    assert len(tied) == 13
    heap = list(reach_searches(graph, att, tied, budget, use_scipy=False))
    fast = list(reach_searches(graph, att, tied, budget, use_scipy=True))
    assert [s for s, *_ in heap] == [s for s, *_ in fast] == tied.tolist()
    for (_s, nodes_a, times_a), (_t, nodes_b, times_b) in zip(heap, fast):
        order_a, order_b = np.argsort(nodes_a), np.argsort(nodes_b)
        np.testing.assert_array_equal(nodes_a[order_a], nodes_b[order_b])
        np.testing.assert_allclose(times_a[order_a], times_b[order_b], rtol=1e-12, atol=1e-9)
        assert (times_b <= budget).all()


def test_long_searches_switch_to_scipy(monkeypatch):
    graph = _grid()
    att = _sites(graph)
    tied = np.flatnonzero(att.tied)
    calls = []
    original = search._scipy_searches

    def counting(graph, attachment, sites, budget):
        calls.append(list(sites))
        return original(graph, attachment, sites, budget)

    monkeypatch.setattr(search, "_scipy_searches", counting)
    # short searches stay in the heap
    monkeypatch.setattr(search, "SCIPY_FROM_NODES", 10_000)
    short = list(reach_searches(graph, att, tied, 60.0))
    assert calls == []
    # a search settling more nodes than the limit is redone in scipy, and so are the following ones
    monkeypatch.setattr(search, "SCIPY_FROM_NODES", 20)
    reached = list(reach_searches(graph, att, tied, 60.0))
    assert calls and calls[0][0] == tied[0] and sum(len(c) for c in calls) == len(tied)
    for (_s, a, ta), (_t, b, tb) in zip(short, reached):
        assert set(a.tolist()) == set(b.tolist())
        np.testing.assert_allclose(np.sort(ta), np.sort(tb), atol=1e-9)


def test_bounded_search_stops_past_its_node_limit():
    graph = _grid()
    att = _sites(graph)
    sources = att.sources(graph, 0)
    assert bounded_search(graph, sources, 400.0, max_nodes=5) is None
    nodes, _times = bounded_search(graph, sources, 400.0, max_nodes=None)
    assert len(nodes) > 5


def test_parallel_lines_keep_the_fastest():
    # two lines between the same nodes: 100 m at 10 m/s and a 300 m detour at 36 km/h
    lines = [LineString([(0, 0), (100, 0)]), LineString([(0, 0), (50, 100), (100, 0)]),
             LineString([(100, 0), (900, 0)])]
    attrs = {"highway": ["residential"] * 3, "maxspeed": ["36", "36", "36"]}
    graph = Graph(build_network(lines), mode_rules(attrs, 3, OSM, "car"))
    att = attach_sites(graph, [shapely.Point(0, 0)], 10)
    (_s, nodes, times), = reach_searches(graph, att, [0], 50.0, use_scipy=True)
    end = int(np.flatnonzero((graph.network.node_xy == (100, 0)).all(axis=1))[0])
    assert dict(zip(nodes.tolist(), times.tolist()))[end] == pytest.approx(10.0)
