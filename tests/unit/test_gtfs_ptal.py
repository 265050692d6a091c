"""PTAL, ÖV-Güteklassen, departures nearby and walking distances, on hand-computed examples."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from friches_tierslieux.core.gtfs import ptal, service
from friches_tierslieux.core.gtfs.feed import read_feed
from friches_tierslieux.core.gtfs.service import Window
from friches_tierslieux.core.gtfs.walk import WalkNetwork, pairs_from_results
from gtfs_builders import write_feed


def _rf(rows):
    return pd.DataFrame(rows, columns=["loc", "route", "mode", "per_hour"])


def test_worked_example_bus_and_rail_at_several_distances():
    # shared/docs/transit.md §2a: bus A 320 m 12/h, bus B 480 m 6/h, rail C 800 m 4/h
    #   EDF_A = 30 / (4.00 + 2.50 + 2) = 3.529; EDF_B = 30 / (6 + 5 + 2) = 2.308; EDF_C = 30 / (10 + 7.5 + 0.75)
    #   AI_bus = 3.529 + 0.5 x 2.308 = 4.683; AI_rail = 1.644; AI = 6.327 -> PTAL 2
    rf = _rf([(0, 0, "bus", 12.0), (1, 1, "bus", 6.0), (2, 2, "rail", 4.0)])
    ai, modes = ptal.access_index(np.array([0, 0, 0]), np.array([0, 1, 2]), np.array([320.0, 480.0, 800.0]), 1, rf,
                                  by_mode=True)
    assert ai[0] == pytest.approx(30 / 8.5 + 0.5 * 30 / 13 + 30 / 18.25)
    assert round(ai[0], 3) == 6.327
    assert ptal.ptal_band(ai).tolist() == ["2"]
    per = dict(zip(modes["group"], modes["ai"]))
    assert per["bus"] == pytest.approx(4.683, abs=1e-3) and per["rail"] == pytest.approx(1.644, abs=1e-3)


def test_walk_limits_reliability_and_each_route_once():
    rf = _rf([
        (0, 0, "bus", 12.0),  # bus at 700 m: beyond 640 m, ignored
        (1, 1, "metro", 20.0),  # metro at 900 m: within 960 m
        (2, 2, "tram", 10.0),  # tram line 2 at two stops: counted once, at the best one (300 m)
        (3, 2, "tram", 10.0),
        (4, 3, "tram", 10.0),
    ])
    pp = np.array([0, 0, 0, 0, 0])
    loc = np.array([0, 1, 2, 3, 4])
    dist = np.array([700.0, 900.0, 300.0, 600.0, 960.0])
    ai = ptal.access_index(pp, loc, dist, 1, rf)
    metro = 30 / (900 / 80 + 1.5 + 0.75)
    tram_best = 30 / (300 / 80 + 3 + 0.75)
    tram_other = 30 / (960 / 80 + 3 + 0.75)
    assert ai[0] == pytest.approx(metro + tram_best + 0.5 * tram_other)
    # the Dutch implementation's bug (dropping K and halving) would give something else
    assert ai[0] != pytest.approx(0.5 * 60 / (900 / 80 + 1.5) + 0.5 * 60 / (300 / 80 + 3) + 0.25 * 60 / (12 + 3))


def test_ptal_bands_boundaries():
    ai = [0, 0.001, 0.01, 2.5, 2.504, 2.51, 5.0, 5.01, 10, 10.01, 15, 20, 20.01, 25, 25.01, 40, 40.01, 80]
    assert ptal.ptal_band(ai).tolist() == [
        "0", "0", "1a", "1a", "1a", "1b", "1b", "2", "2", "3", "3", "4", "5", "5", "6a", "6a", "6b", "6b"]
    assert [ptal.ptal_rank(b) for b in ("0", "1a", "6b", "x")] == [0, 1, 8, 0]


def test_no_reachable_service_gives_zero():
    ai = ptal.access_index(np.array([], dtype=int), np.array([], dtype=int), np.array([]), 3, _rf([]))
    assert ai.tolist() == [0, 0, 0]
    assert ptal.ptal_band(ai).tolist() == ["0", "0", "0"]


def test_ptal_end_to_end_from_a_feed(tmp_path):
    # route A: 12 buses/h towards the centre (dir 0) and 10 back (dir 1) -> f = 12 at the stop pair
    # route B: 6 buses/h; route C: rail 4 trains/h. Stops placed in a projected frame at the worked
    # example's distances from the point (0, 0); the result must be the worked example's AI.
    stops = "stop_id,stop_name,stop_lat,stop_lon\nSA0,A,48,2\nSA1,A,48,2\nSB,B,48,2\nSC,C,48,2\nEND,End,48,2\n"
    routes = "route_id,route_short_name,route_type\nA,A,3\nB,B,3\nC,C,2\n"
    trips = ["route_id,service_id,trip_id,direction_id"]
    times = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]

    def add(route, stop, direction, per_hour):
        for k in range(per_hour):
            tid = f"{route}{direction}_{k}"
            t = 8 * 3600 + 15 * 60 + k * 3600 // per_hour
            trips.append(f"{route},WK,{tid},{direction}")
            times.append(f"{tid},{_hms(t)},{_hms(t)},{stop},1")
            times.append(f"{tid},{_hms(t + 600)},{_hms(t + 600)},END,2")

    add("A", "SA0", 0, 12)
    add("A", "SA1", 1, 10)
    add("B", "SB", 0, 6)
    add("C", "SC", 0, 4)
    path = write_feed(tmp_path / "ptal.zip", stops=stops, routes=routes, trips="\n".join(trips) + "\n",
                      stop_times="\n".join(times) + "\n", frequencies=None, calendar_dates=None)
    feed = read_feed(path)
    events = service.departures(feed, dt.date(2025, 3, 4), Window(8 * 3600 + 900, 9 * 3600 + 900))
    rf = service.route_frequencies(feed, events)
    sid = feed.stops["stop_id"].tolist()
    loc = np.array([sid.index(s) for s in ("SA0", "SA1", "SB", "SC")])
    ai = ptal.access_index(np.zeros(4, dtype=int), loc, np.array([320.0, 330.0, 480.0, 800.0]), 1, rf)
    assert round(ai[0], 3) == 6.327 and ptal.ptal_band(ai)[0] == "2"


def _hms(t):
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"


def test_oev_categories_and_classes():
    # intervals 4 (rail, A), 8 (tram, B), 12 (bus, C), 45 (bus, C), 45 (rail, A), 130 (rail, A)
    cats = ptal.oev_stop_category([4, 8, 12, 45, 45, 130, 5.0], ["A", "B", "C", "C", "A", "A", "A"])
    assert cats.tolist() == [1, 2, 4, 6, 4, 0, 1]
    loc_category = {0: 1, 1: 2, 2: 4, 3: 6}
    pp = np.array([0, 1, 2, 3, 3, 4, 5])
    loc = np.array([0, 1, 2, 0, 2, 3, 0])
    dist = np.array([800.0, 300.0, 300.0, 1000.0, 301.0, 100.0, 1001.0])
    got = ptal.oev_classes(pp, loc, dist, 7, loc_category)
    # p0: cat I at 800 m -> C; p1: cat II at 300 m -> A; p2: cat IV at 300 m -> C;
    # p3: best of (cat I at 1000 m -> C, cat IV at 301 m -> D) = C; p4: cat VI -> none; p5: 1001 m -> none
    assert got.tolist() == ["C", "A", "C", "C", "", "", ""]


def test_distinct_departures_count_a_vehicle_once():
    # locations 10 and 11 near point 0 share journey 7; point 1 sees only location 11
    locs = np.array([10, 11, 12])
    offsets = np.array([0, 2, 5, 6])
    instances = np.array([5, 7, 7, 8, 9, 7])
    got = ptal.distinct_departures(np.array([0, 0, 1, 2]), np.array([10, 11, 11, 99]), 3, locs, offsets, instances)
    assert got.tolist() == [4, 3, 0]
    # chunking does not change the answer
    got = ptal.distinct_departures(np.array([0, 0, 1, 2]), np.array([10, 11, 11, 99]), 3, locs, offsets, instances,
                                   chunk=1)
    assert got.tolist() == [4, 3, 0]


def test_pairs_within_and_nearest():
    points = np.array([[0.0, 0.0], [1000.0, 0.0]])
    targets = np.array([[300.0, 400.0], [0.0, 960.0], [5000.0, 0.0]])
    i, j, d = ptal.pairs_within(points, targets, 960.0)
    assert sorted(zip(i.tolist(), j.tolist(), np.round(d, 3).tolist())) == [
        (0, 0, 500.0), (0, 1, 960.0), (1, 0, round(float(np.hypot(700, 400)), 3))]
    idx, dist = ptal.nearest(points, targets)
    assert idx.tolist() == [0, 0] and dist[0] == pytest.approx(500.0)
    idx, dist = ptal.nearest(points, np.zeros((0, 2)))
    assert idx.tolist() == [-1, -1] and np.isnan(dist).all()


def test_summarize_points_gives_every_index():
    rf = _rf([(0, 0, "bus", 12.0)])
    instances = (np.array([0]), np.array([0, 12]), np.arange(12))
    out = ptal.summarize_points(2, np.array([0]), np.array([0]), np.array([100.0]), rf, {0: 3}, instances, 1.0)
    # 30 / (100 / 80 + 2.5 + 2) = 5.217 -> PTAL 2
    assert out["ptal_ai"].tolist() == [5.22, 0.0] and out["ptal"].tolist() == ["2", "0"]
    assert out["oev_class"].tolist() == ["B", ""]
    assert out["dep_500m_h"].tolist() == [12.0, 0.0]


def test_walk_network_distances_along_streets():
    # an L-shaped street: (0,0)-(100,0)-(100,100), and a separate piece far away
    lines = [np.array([[0, 0], [100, 0]]), np.array([[100, 0], [100, 100]]), np.array([[500, 500], [600, 500]])]
    net = WalkNetwork(lines)
    assert len(net) == 5
    origins = np.array([[0.0, 10.0], [550.0, 510.0]])
    targets = np.array([[110.0, 90.0], [50.0, -5.0], [2000.0, 2000.0]])
    res = net.distances(origins, targets, limit=1000.0)
    idx, val, near_j, near_d = res[0]
    got = dict(zip(idx.tolist(), val.tolist()))
    # origin: 10 m to the street at (0,0); target 1 on the same segment: 10 + 50 + 5
    assert got[1] == pytest.approx(65.0)
    # target 0: 10 + 100 + 90 + 10
    assert got[0] == pytest.approx(210.0)
    assert (near_j, near_d) == (1, pytest.approx(65.0))
    # target 2 snaps to the far piece, which the origin cannot reach
    assert 2 not in got
    # the far origin reaches only target 2's piece: (2000,2000) snaps to (600,500): 50 + 10 + connector
    idx, val, near_j, near_d = res[1]
    assert near_j == 2 and near_d == pytest.approx(10 + 50 + np.hypot(1400, 1500))
    assert len(idx) == 0  # beyond the limit
    pi, pj, pd_ = pairs_from_results(res)
    assert sorted(zip(pi.tolist(), pj.tolist())) == [(0, 0), (0, 1)]
