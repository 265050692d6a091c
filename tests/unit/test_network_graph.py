"""Network topology and travel rules: hand-built lines, answers counted by hand."""

import math

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.network import NetworkError
from friches_tierslieux.core.network.graph import Graph, build_network
from friches_tierslieux.core.network.rules import (
    BACKWARD,
    BDTOPO,
    BOTH,
    FORWARD,
    GENERIC,
    OSM,
    detect_schema,
    mode_rules,
    parse_hstore,
    parse_maxspeed,
    schema_fields,
)
from shapely.geometry import LineString, MultiLineString


def test_every_vertex_is_a_node_and_shared_vertices_connect():
    # an OSM-like way crossing another at a shared interior vertex, not split at the intersection
    lines = [LineString([(0, 0), (100, 0), (200, 0)]), LineString([(100, -100), (100, 0), (100, 100)])]
    net = build_network(lines)
    assert net.n_nodes == 5
    assert net.n_segments == 4
    assert sorted(net.seg_len.tolist()) == [100.0] * 4
    assert net.seg_feature.tolist() == [0, 0, 1, 1]
    # the crossing vertex (100, 0) has degree 4
    centre = int(np.nonzero((net.node_xy == (100, 0)).all(axis=1))[0][0])
    assert np.count_nonzero(net.seg_u == centre) + np.count_nonzero(net.seg_v == centre) == 4


def test_lines_crossing_without_a_vertex_stay_apart():
    # a bridge: no shared vertex, no connection
    net = build_network([LineString([(0, 0), (200, 0)]), LineString([(100, -100), (100, 100)])])
    assert net.n_nodes == 4 and net.n_segments == 2


def test_dangling_end_snapped_within_tolerance_only():
    lines = [LineString([(0, 0), (100, 0), (200, 0)]), LineString([(100, 0.3), (100, 100)])]
    snapped = build_network(lines, tolerance=0.5)
    assert snapped.n_snapped == 1
    assert snapped.n_nodes == 4  # (100, 0.3) merged into (100, 0)
    apart = build_network(lines, tolerance=0.1)
    assert apart.n_snapped == 0 and apart.n_nodes == 5
    # the close interior vertices of a curve are never merged
    curve = [LineString([(0, 0), (0.2, 0.1), (0.4, 0.0), (10, 0)])]
    assert build_network(curve, tolerance=0.5).n_segments == 3


def test_multilines_zero_length_and_missing_geometries():
    lines = [MultiLineString([[(0, 0), (10, 0)], [(10, 0), (10, 10)]]), None, LineString([(5, 5), (5, 5), (6, 5)])]
    net = build_network(lines)
    assert net.n_features == 3
    assert net.n_segments == 3  # the zero-length piece is dropped
    assert set(net.seg_feature.tolist()) == {0, 2}
    with pytest.raises(NetworkError) as error:
        build_network([None])
    assert error.value.code == "no_lines"


def test_schema_detection_and_fields():
    assert detect_schema(["osm_id", "name", "highway", "other_tags"]) == OSM
    assert detect_schema(["ID", "NATURE", "SENS_DE_CIRCULATION", "VITESSE_MOYENNE_VL"]) == BDTOPO
    assert detect_schema(["nature", "name"]) == GENERIC
    assert schema_fields(OSM, ["Highway", "other_tags", "name"]) == ["Highway", "other_tags"]


def test_parse_osm_values():
    assert parse_maxspeed("50") == 50
    assert parse_maxspeed("FR:urban") == 50
    assert parse_maxspeed("FR:zone30") == 30
    assert parse_maxspeed("30 mph") == pytest.approx(48.28, abs=0.01)
    assert parse_maxspeed("50;30") == 50
    assert math.isnan(parse_maxspeed("signals"))
    assert math.isnan(parse_maxspeed(None))
    assert parse_hstore('"oneway"=>"yes","maxspeed"=>"30","name:fr"=>"a \\"b\\""') == {
        "oneway": "yes", "maxspeed": "30", "name:fr": 'a "b"'
    }


def _osm(highway, oneway=None, maxspeed=None, other=None):
    n = len(highway)
    return {"highway": highway, "oneway": oneway or [None] * n, "maxspeed": maxspeed or [None] * n,
            "other_tags": other or [None] * n}


def test_osm_rules_per_mode():
    attrs = _osm(
        ["motorway", "footway", "residential", "residential", "residential", "primary", "steps", None, "construction"],
        oneway=[None, None, "yes", "-1", "true", "1", None, None, None],
        maxspeed=["130", None, "30", None, "FR:zone30", "70", None, None, None],
    )
    n = len(attrs["highway"])
    walk = mode_rules(attrs, n, OSM, "walk")
    assert walk.speed_kmh.tolist() == [0, 4.8, 4.8, 4.8, 4.8, 4.8, 4.8, 0, 0]
    assert (walk.direction == BOTH).all()  # walking ignores one-way streets
    car = mode_rules(attrs, n, OSM, "car")
    assert car.speed_kmh.tolist() == [130, 0, 30, 30, 30, 70, 0, 0, 0]  # residential without maxspeed: 30 (table)
    assert car.direction.tolist() == [FORWARD, BOTH, FORWARD, BACKWARD, FORWARD, FORWARD, BOTH, BOTH, BOTH]
    assert car.speed_source_counts == {"field": 4, "table": 1, "user": 0}
    bike = mode_rules(attrs, n, OSM, "bike")
    assert bike.speed_kmh.tolist() == [0, 4.8, 15, 15, 15, 15, 4.8, 0, 0]
    user = mode_rules(attrs, n, OSM, "car", speed_kmh=20)
    assert user.speed_kmh.tolist() == [20, 0, 20, 20, 20, 20, 0, 0, 0]


def test_osm_tags_from_other_tags_and_access():
    attrs = _osm(
        ["residential", "residential", "service", "residential", "tertiary"],
        other=['"oneway"=>"yes","maxspeed"=>"20"', '"junction"=>"roundabout"', '"access"=>"no"',
               '"oneway"=>"yes","oneway:bicycle"=>"no"', '"motor_vehicle"=>"no"'],
    )
    car = mode_rules(attrs, 5, OSM, "car")
    assert car.speed_kmh.tolist() == [20, 30, 0, 30, 0]
    assert car.direction.tolist()[:2] == [FORWARD, FORWARD]  # roundabouts are one-way
    walk = mode_rules(attrs, 5, OSM, "walk")
    assert walk.speed_kmh.tolist() == [4.8, 4.8, 0, 4.8, 4.8]
    bike = mode_rules(attrs, 5, OSM, "bike")
    assert bike.direction.tolist()[3] == BOTH  # contraflow for bikes


def test_bdtopo_rules():
    attrs = {
        "NATURE": ["Type autoroutier", "Route à 1 chaussée", "Route à 1 chaussée", "Sentier", "Chemin",
                   "Bac ou liaison maritime", "Route à 2 chaussées"],
        "SENS_DE_CIRCULATION": ["Sens direct", "Sens inverse", "Double sens", "Sans objet", "Double sens",
                                "Double sens", "Double sens"],
        "VITESSE_MOYENNE_VL": [110, 40, None, 0, 0, 10, None],
    }
    walk = mode_rules(attrs, 7, BDTOPO, "walk")
    assert walk.speed_kmh.tolist() == [0, 4.8, 4.8, 4.8, 4.8, 0, 4.8]
    assert (walk.direction == BOTH).all()
    car = mode_rules(attrs, 7, BDTOPO, "car")
    assert car.speed_kmh.tolist() == [110, 40, 60, 0, 0, 0, 80]  # 60 / 80: class table when no speed
    assert car.direction.tolist()[:3] == [FORWARD, BACKWARD, BOTH]


def test_generic_rules_and_errors():
    attrs = {"v": [30, None, "abc"]}
    rules = mode_rules(attrs, 3, GENERIC, "car", speed_field="v")
    assert rules.speed_kmh.tolist() == [30, 50, 50]
    assert mode_rules({}, 2, GENERIC, "walk").speed_kmh.tolist() == [4.8, 4.8]
    with pytest.raises(NetworkError):
        mode_rules({}, 1, GENERIC, "plane")


def test_graph_arcs_follow_one_way_streets():
    lines = [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (200, 0)])]
    net = build_network(lines)
    car = Graph(net, mode_rules(_osm(["residential"] * 2, oneway=["yes", None], maxspeed=["36", "36"]), 2, OSM, "car"))
    assert car.n_arcs == 3
    assert car.time_forward.tolist() == [10.0, 10.0]
    assert car.time_backward[0] == np.inf and car.time_backward[1] == 10.0
    walk = Graph(net, mode_rules(_osm(["residential"] * 2, oneway=["yes", None]), 2, OSM, "walk"))
    assert walk.n_arcs == 4
    assert walk.time_forward[0] == pytest.approx(100 / (4.8 / 3.6))
    # CSR: arcs leaving each node
    for node in range(net.n_nodes):
        assert (walk.arc_tail[walk.indptr[node]:walk.indptr[node + 1]] == node).all()


def test_components():
    lines = [LineString([(0, 0), (10, 0), (20, 0)]), LineString([(100, 100), (110, 100)])]
    g = Graph(build_network(lines), mode_rules({}, 2, GENERIC, "walk"))
    labels = g.components()
    assert len(set(labels.tolist())) == 2
    assert g.main_segments(3).tolist() == [True, True, False]
    assert shapely.get_num_geometries(g.segment_tree()[2]).sum() == 3
