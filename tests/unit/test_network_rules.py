"""Travel rules from dictionary-coded columns (``core/network/rules``): the same answers as from plain lists,
and the access rules of bike and car on OpenStreetMap and BD TOPO, counted by hand."""

import numpy as np
import pytest
from friches_tierslieux.core.network.rules import (
    BACKWARD,
    BDTOPO,
    BOTH,
    FORWARD,
    GENERIC,
    OSM,
    CodedColumn,
    code_array,
    code_values,
    concat_coded,
    mode_rules,
    required_field,
)


def test_code_array_reads_gdal_columns():
    text = np.array([b"Route \xc3\xa0 1 chauss\xc3\xa9e", b"Sentier", b"Route \xc3\xa0 1 chauss\xc3\xa9e"])
    assert code_array(text).decoded() == ["Route à 1 chaussée", "Sentier", "Route à 1 chaussée"]
    masked = np.ma.masked_array(np.array([b"yes", b"", b"-1"]), mask=[False, True, False])
    assert code_array(masked).decoded() == ["yes", None, "-1"]
    speeds = np.ma.masked_array(np.array([30, 0, 50]), mask=[False, False, True])
    assert code_array(speeds).decoded() == [30, 0, None]
    assert code_array(np.array([1.5, np.nan, 1.5])).decoded() == [1.5, None, 1.5]
    column = code_array(np.array([b"b", b"a", b"b", b"c"]))
    assert len(column.values) == 3 and column.codes.dtype == np.int32


def test_code_values_and_concat():
    a = code_values(["x", None, "y", "x"])
    b = code_values(["y", "z"])
    assert concat_coded([a, b]).decoded() == ["x", None, "y", "x", "y", "z"]
    assert code_values([{"unhashable": 1}, None]).decoded() == ["{'unhashable': 1}", None]


@pytest.mark.parametrize("mode", ["walk", "bike", "car"])
def test_coded_columns_give_the_rules_of_plain_lists(mode):
    rng = np.random.default_rng(3)
    n = 500
    highway = rng.choice(["residential", "primary", "footway", "motorway", "steps", None], n).tolist()
    oneway = rng.choice(["yes", "-1", None, "no"], n).tolist()
    maxspeed = rng.choice(["30", "50", "FR:urban", None], n).tolist()
    other = rng.choice(['"oneway:bicycle"=>"no"', '"access"=>"no"', None, '"motor_vehicle"=>"no"'], n).tolist()
    plain = {"highway": highway, "oneway": oneway, "maxspeed": maxspeed, "other_tags": other}
    coded = {k: code_values(v) for k, v in plain.items()}
    a, b = mode_rules(plain, n, OSM, mode), mode_rules(coded, n, OSM, mode)
    np.testing.assert_array_equal(a.speed_kmh, b.speed_kmh)
    np.testing.assert_array_equal(a.direction, b.direction)
    assert a.speed_source_counts == b.speed_source_counts and a.mode == b.mode == mode


def test_required_fields_name_what_is_missing():
    assert required_field(OSM, ["name", "ref"]) == "highway"
    assert required_field(OSM, ["other_tags"]) is None  # GDAL's OSM layers may hold highway there
    assert required_field(BDTOPO, ["sens_de_circulation"]) == "nature"
    assert required_field(BDTOPO, ["NATURE"]) is None
    assert required_field(GENERIC, []) is None


def test_osm_bike_and_car_access_rules_by_hand():
    # one line per rule; expected speed (km/h) and direction worked out from the tags
    rows = [
        # highway, oneway, maxspeed, other_tags -> bike (speed, direction), car (speed, direction)
        ("motorway", None, "130", None, (0, BOTH), (130, FORWARD)),  # motorways: no bikes, one-way implied
        ("trunk", None, None, None, (0, BOTH), (90, BOTH)),  # trunk roads: no bikes
        ("residential", "yes", "30", '"oneway:bicycle"=>"no"', (15, BOTH), (30, FORWARD)),  # contraflow
        ("residential", "yes", "30", '"cycleway"=>"opposite_lane"', (15, BOTH), (30, FORWARD)),
        ("residential", "-1", None, None, (15, BACKWARD), (30, BACKWARD)),
        ("residential", None, None, '"access"=>"no","bicycle"=>"yes"', (15, BOTH), (0, BOTH)),
        ("tertiary", None, "50", '"motor_vehicle"=>"no"', (15, BOTH), (0, BOTH)),
        ("footway", None, None, None, (4.8, BOTH), (0, BOTH)),  # the cyclist walks; no cars
        ("cycleway", None, None, None, (15, BOTH), (0, BOTH)),
        ("steps", None, None, None, (4.8, BOTH), (0, BOTH)),
        ("primary", None, None, '"junction"=>"roundabout"', (15, FORWARD), (70, FORWARD)),
        ("service", None, None, '"access"=>"private"', (15, BOTH), (20, BOTH)),  # private kept (sites)
        ("construction", None, None, None, (0, BOTH), (0, BOTH)),
    ]
    attrs = {"highway": [r[0] for r in rows], "oneway": [r[1] for r in rows], "maxspeed": [r[2] for r in rows],
             "other_tags": [r[3] for r in rows]}
    n = len(rows)
    bike, car = mode_rules(attrs, n, OSM, "bike"), mode_rules(attrs, n, OSM, "car")
    assert list(zip(bike.speed_kmh.tolist(), bike.direction.tolist())) == [r[4] for r in rows]
    assert list(zip(car.speed_kmh.tolist(), car.direction.tolist())) == [r[5] for r in rows]


def test_bdtopo_bike_and_car_access_rules_by_hand():
    rows = [
        # nature, sens, vitesse, acces_vehicule_leger, etat -> bike, car
        ("Type autoroutier", "Sens direct", 105, "A péage", "En service", (0, BOTH), (105, FORWARD)),
        ("Bretelle", "Sens inverse", 45, "Libre", "En service", (0, BOTH), (45, BACKWARD)),
        ("Route à 1 chaussée", "Sens inverse", 30, "Libre", "En service", (15, BACKWARD), (30, BACKWARD)),
        ("Route à 1 chaussée", "Double sens", 0, "Physiquement impossible", "En service", (15, BOTH), (0, BOTH)),
        ("Route à 1 chaussée", "Double sens", 0, "Restreint aux ayants droit", "En service", (15, BOTH), (0, BOTH)),
        ("Route à 1 chaussée", "Double sens", 40, "Physiquement impossible", "En service", (15, BOTH), (0, BOTH)),
        ("Route empierrée", "Double sens", None, "Libre", "En service", (15, BOTH), (20, BOTH)),  # class table
        ("Escalier", "Sans objet", 0, "Physiquement impossible", "En service", (4.8, BOTH), (0, BOTH)),
        ("Sentier", "Sans objet", 0, "Physiquement impossible", "En service", (15, BOTH), (0, BOTH)),
        ("Route à 1 chaussée", "Double sens", 50, "Libre", "En construction", (0, BOTH), (0, BOTH)),
        ("Bac ou liaison maritime", "Double sens", 10, "Libre", "En service", (0, BOTH), (0, BOTH)),
    ]
    attrs = {"nature": [r[0] for r in rows], "sens_de_circulation": [r[1] for r in rows],
             "vitesse_moyenne_vl": [r[2] for r in rows], "acces_vehicule_leger": [r[3] for r in rows],
             "etat_de_l_objet": [r[4] for r in rows]}
    coded = {k: code_values(v) for k, v in attrs.items()}
    n = len(rows)
    for columns in (attrs, coded):
        bike, car = mode_rules(columns, n, BDTOPO, "bike"), mode_rules(columns, n, BDTOPO, "car")
        assert list(zip(bike.speed_kmh.tolist(), bike.direction.tolist())) == [r[5] for r in rows]
        assert list(zip(car.speed_kmh.tolist(), car.direction.tolist())) == [r[6] for r in rows]


def test_many_distinct_rows_fall_back_to_row_by_row():
    # more distinct values than fit in one 63-bit key: rows compared as rows
    n = 3000
    columns = {f"f{i}": CodedColumn(np.arange(n, dtype=np.int32) % (1000 + i), [None] * (1000 + i))
               for i in range(8)}
    columns["highway"] = code_values(["residential"] * n)
    rules = mode_rules(columns, n, OSM, "walk")
    assert (rules.speed_kmh == 4.8).all()
