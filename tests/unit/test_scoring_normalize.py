"""core.scoring.normalize and the normalisation of every criterion of the shipped profile, without QGIS."""

import math

import pytest
from friches_tierslieux.core.scoring import USES
from friches_tierslieux.core.scoring.normalize import SpecError, check_spec, normalize, piecewise, resolve
from friches_tierslieux.core.scoring.profile import default_profile


@pytest.fixture(scope="module")
def profile():
    return default_profile()


def value(profile, use, criterion, **facts):
    spec = profile.use(use).criterion(criterion).normalize
    return normalize(spec, facts)[0]


# -- the building blocks ------------------------------------------------------------------------------------

def test_piecewise_interpolates_and_is_flat_outside():
    points = [[300, 1], [800, 0]]
    assert piecewise(0, points) == 1.0
    assert piecewise(300, points) == 1.0
    assert piecewise(550, points) == pytest.approx(0.5)
    assert piecewise(800, points) == 0.0
    assert piecewise(5000, points) == 0.0
    trapeze = [[0, 0], [100, 0.2], [400, 1], [2500, 1], [6000, 0.5]]
    assert piecewise(250, trapeze) == pytest.approx(0.6)
    assert piecewise(1000, trapeze) == 1.0
    assert piecewise(4250, trapeze) == pytest.approx(0.75)
    assert piecewise(10 ** 6, trapeze) == 0.5


def test_linear_reads_numbers_in_any_form_and_missing_is_none():
    spec = {"type": "linear", "fact": "d", "points": [[0, 0], [10, 1]]}
    assert normalize(spec, {"d": 5})[0] == 0.5
    assert normalize(spec, {"d": "5"})[0] == 0.5
    assert normalize(spec, {"d": "2,5"})[0] == 0.25
    for missing in ({}, {"d": None}, {"d": float("nan")}, {"d": ""}, {"d": "abc"}):
        assert normalize(spec, missing)[0] is None


def test_categorical_ignores_case_accents_and_spaces():
    spec = resolve({"type": "categorical", "fact": "x", "map": {"Pollution avérée": 0, "pollution traitée": 0.9,
                                                               "unknown": None}}, "coworking")
    assert normalize(spec, {"x": "POLLUTION AVEREE"})[0] == 0.0
    assert normalize(spec, {"x": "  pollution   traitée "})[0] == 0.9
    assert normalize(spec, {"x": "unknown"})[0] is None  # listed as null: no data
    assert normalize(spec, {"x": "autre chose"})[0] is None  # not listed, default null
    with_default = dict(spec, default=0.5)
    assert normalize(with_default, {"x": "autre chose"})[0] == 0.5
    numbers = resolve({"type": "categorical", "fact": "p", "map": {"2": 0.6, "true": 1}}, "fablab")
    assert normalize(numbers, {"p": 2})[0] == 0.6
    assert normalize(numbers, {"p": 2.0})[0] == 0.6
    assert normalize(numbers, {"p": True})[0] == 1.0


def test_max_min_parts_factor_and_deciding_part():
    spec = {"type": "max", "parts": [
        {"id": "a", "type": "linear", "fact": "a", "points": [[0, 0], [1, 1]]},
        {"id": "b", "type": "min", "factor": 0.8, "parts": [
            {"type": "linear", "fact": "b1", "points": [[0, 0], [1, 1]]},
            {"type": "linear", "fact": "b2", "points": [[0, 0], [1, 1]]}]}]}
    assert normalize(spec, {"a": 0.3, "b1": 1, "b2": 1}) == (pytest.approx(0.8), "b")
    assert normalize(spec, {"a": 0.9, "b1": 1, "b2": 1}) == (pytest.approx(0.9), "a")
    assert normalize(spec, {"a": 0.3, "b1": 1, "b2": 0.25}) == (pytest.approx(0.3), "a")
    assert normalize(spec, {"b1": 1, "b2": 0.5}) == (pytest.approx(0.4), "b")  # a missing: b alone
    assert normalize(spec, {"b1": 1}) == (pytest.approx(0.8), "b")  # min over the parts with data
    assert normalize(spec, {}) == (None, None)
    assert normalize(spec, {"a": 0.5, "b1": 1, "b2": 0.625}) == (pytest.approx(0.5), "a")  # tie: first part


def test_resolve_puts_the_use_in_fact_names():
    spec = resolve({"type": "linear", "fact": "place_m_{use}", "points": [[0, 0], [1, 1]]}, "fablab")
    assert spec["fact"] == "place_m_fablab"


@pytest.mark.parametrize("spec, message", [
    ({"type": "spline"}, "type"),
    ({"type": "linear", "fact": "x", "points": [[0, 1]]}, "at least two"),
    ({"type": "linear", "fact": "x", "points": [[5, 1], [1, 0]]}, "increase"),
    ({"type": "linear", "fact": "x", "points": [[0, 1], [1, 2]]}, "between 0 and 1"),
    ({"type": "linear", "fact": "", "points": [[0, 1], [1, 0]]}, "fact"),
    ({"type": "categorical", "fact": "x", "map": {}}, "non-empty"),
    ({"type": "categorical", "fact": "x", "map": {"a": 3}}, "between 0 and 1"),
    ({"type": "max", "parts": []}, "non-empty"),
    ({"type": "max", "parts": [{"type": "linear", "fact": "x", "points": [[1, 0], [0, 1]]}]}, "parts[0].points[1]"),
    ({"type": "linear", "fact": "x", "points": [[0, 1], [1, 0]], "factor": 2}, "factor"),
])
def test_check_spec_names_the_problem(spec, message):
    with pytest.raises(SpecError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_spec(spec, "c")


# -- each criterion of the shipped profile -------------------------------------------------------------------

def test_every_criterion_stays_between_0_and_1_and_none_without_facts(profile):
    for use in USES:
        for criterion in profile.use(use).criteria:
            assert normalize(criterion.normalize, {})[0] is None, (use, criterion.id)
            for x in (-1e9, -1, 0, 1, 50, 299.9, 300, 500, 1000, 1e4, 1e6, 1e12):
                facts = {name: x for name in criterion.facts}
                v = normalize(criterion.normalize, facts)[0]
                assert v is None or 0.0 <= v <= 1.0, (use, criterion.id, x)


def test_transit_stop(profile):
    for use in ("coworking", "mediation"):
        assert value(profile, use, "transit_stop", nearest_stop_m=120) == 1.0
        assert value(profile, use, "transit_stop", nearest_stop_m=300) == 1.0
        assert value(profile, use, "transit_stop", nearest_stop_m=500) == pytest.approx(0.6)  # the French 500 m
        assert value(profile, use, "transit_stop", nearest_stop_m=800) == 0.0
        assert value(profile, use, "transit_stop", nearest_stop_m=2500) == 0.0
    assert value(profile, "fablab", "transit_stop", nearest_stop_m=800) == pytest.approx(0.5)


def test_transit_level_ptal_bands_increase(profile):
    bands = ["0", "1a", "1b", "2", "3", "4", "5", "6a", "6b"]
    values = [value(profile, "coworking", "transit_level", ptal=b) for b in bands]
    assert values == sorted(values) and values[0] == 0.0 and values[-1] == 1.0
    assert value(profile, "coworking", "transit_level", ptal="2") == 0.6
    assert value(profile, "coworking", "transit_level", ptal="1A") == 0.2


def test_access_car_is_the_better_of_transit_and_car_with_parking(profile):
    def access(**facts):
        return normalize(profile.use("coworking").criterion("access_car").normalize, facts)

    assert access(ptal="4", pop_car=0, free_land_m2=0) == (pytest.approx(0.9), "transit")
    assert access(ptal="0", pop_car=20000, free_land_m2=1000) == (pytest.approx(0.8), "car")
    assert access(ptal="0", pop_car=20000, free_land_m2=0) == (pytest.approx(0.0), "transit")  # no room to park
    assert access(ptal="1a", pop_car=10000, free_land_m2=625) == (pytest.approx(0.4), "car")
    assert access(ptal="2") == (pytest.approx(0.6), "transit")  # no car analysis: transit only


def test_population(profile):
    assert value(profile, "coworking", "population_walk", pop_walk=0) == 0.0
    assert value(profile, "coworking", "population_walk", pop_walk=7500) == pytest.approx(0.5)
    assert value(profile, "coworking", "population_walk", pop_walk=15000) == 1.0
    assert value(profile, "coworking", "population_walk", pop_walk=40000) == 1.0
    assert value(profile, "mediation", "population_walk", pop_walk=10000) == 1.0
    assert value(profile, "mediation", "new_population", new_pop=2500) == pytest.approx(0.5)


def test_zoning_compatibility(profile):
    for use in USES:
        assert value(profile, use, "zoning", **{f"compat_{use}": "compatible"}) == 1.0
        assert value(profile, use, "zoning", **{f"compat_{use}": "conditional"}) == 0.5
        assert value(profile, use, "zoning", **{f"compat_{use}": "incompatible"}) == 0.0
        assert value(profile, use, "zoning", **{f"compat_{use}": "unknown"}) is None
        other = next(u for u in USES if u != use)
        assert value(profile, use, "zoning", **{f"compat_{other}": "compatible"}) is None  # each use its own verdict


def test_surfaces(profile):
    built = {use: profile.use(use).criterion("built_surface") for use in USES}
    assert value(profile, "coworking", "built_surface", bati_surface=50) == pytest.approx(0.1)
    assert value(profile, "coworking", "built_surface", bati_surface=1000) == 1.0
    assert value(profile, "coworking", "built_surface", bati_surface=30000) == 0.2
    assert value(profile, "fablab", "built_surface", bati_surface=300) == 1.0
    assert value(profile, "mediation", "built_surface", bati_surface=100) == 1.0
    assert value(profile, "mediation", "built_surface", bati_surface=0) == 0.0
    assert all(c.facts == ["bati_surface"] for c in built.values())
    assert value(profile, "coworking", "site_surface", site_surface=50000) == pytest.approx(0.4)
    assert value(profile, "fablab", "site_surface", site_surface=3000) == 1.0


def test_categorical_inventory_criteria(profile):
    assert value(profile, "coworking", "soil_pollution", sol_pollution_existe="pollution avérée") == 0.0
    assert value(profile, "coworking", "soil_pollution", sol_pollution_existe="pollution traitée") == 0.9
    assert value(profile, "coworking", "soil_pollution", sol_pollution_existe="inconnu") is None
    assert value(profile, "coworking", "building_state", bati_etat="dégradation inexistante ou faible") == 1.0
    assert value(profile, "coworking", "building_state", bati_etat="sans objet") == 0.0
    assert value(profile, "coworking", "building_pollution", bati_pollution="amiante") == 0.3
    assert value(profile, "coworking", "project_status", site_statut="friche sans projet") == 1.0
    assert value(profile, "mediation", "public_owner", owner="public") == 1.0
    assert value(profile, "mediation", "public_owner", owner="private") == 0.3


def test_distances_to_places_centre_qpv_schools(profile):
    assert value(profile, "coworking", "same_kind", place_m_coworking=200) == 0.0
    assert value(profile, "coworking", "same_kind", place_m_coworking=900) == pytest.approx(0.5)
    assert value(profile, "coworking", "same_kind", place_m_coworking=100000) == 1.0
    assert value(profile, "coworking", "same_kind", place_m_fablab=100000) is None
    assert value(profile, "mediation", "qpv", qpv_m=0) == 1.0
    assert value(profile, "mediation", "qpv", qpv_m=300) == 0.5
    assert value(profile, "mediation", "qpv", qpv_m=2000) == 0.0
    assert value(profile, "coworking", "centre", centre_m=1000) == pytest.approx(2 / 3)
    assert value(profile, "fablab", "schools", school_m=1750) == pytest.approx(0.5)
    assert value(profile, "coworking", "services", services_500m=3) == 1.0
    assert not math.isnan(value(profile, "coworking", "services", services_500m=1))
