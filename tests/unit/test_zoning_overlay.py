"""core.zoning.overlay without QGIS: area shares checked against an independent computation (plain
shapely intersection areas per family, one site and one zone at a time), dominant zone, point sites,
prescriptions, SCOT."""

import random

import pytest
from friches_tierslieux.core.zoning import codes
from friches_tierslieux.core.zoning import overlay as ov
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union


def zone(geom, typezone, libelle, **kw):
    c = codes.classify_typezone(typezone, libelle)
    return ov.Zone(geom, c.family, c.zone_type, libelle=libelle, **kw)


def expected_shares(site, zones):
    """The test's own computation: intersection area per family / total intersection area."""
    per_family = dict.fromkeys(codes.FAMILIES, 0.0)
    for z in zones:
        if z.family is None:
            continue
        per_family[z.family] += site.intersection(z.geometry).area
    total = sum(per_family.values())
    return {f: 100.0 * a / total for f, a in per_family.items()} if total else {}


# A 300 x 200 m block cut into five zones (a planar graph), one of them multi-part.
ZONES = [
    zone(box(0, 0, 100, 200), "U", "UA"),
    zone(box(100, 0, 180, 120), "AUc", "1AUc"),
    zone(box(100, 120, 180, 200), "AUs", "2AU"),
    zone(MultiPolygon([box(180, 0, 240, 200), box(260, 0, 300, 200)]), "A", "A"),
    zone(box(240, 0, 260, 200), "Nh", "Nh"),
]


def test_shares_match_an_independent_computation_on_hand_built_zones():
    rng = random.Random(42)
    sites = [box(50, 50, 150, 150), Polygon([(90, 10), (250, 30), (270, 190), (120, 170)]), box(10, 10, 40, 40)]
    for _ in range(40):
        x, y = rng.uniform(-20, 280), rng.uniform(-20, 180)
        sites.append(Point(x, y).buffer(rng.uniform(5, 60), quad_segs=16))
    results = ov.overlay_sites(sites, ZONES)
    for site, res in zip(sites, results):
        expect = expected_shares(site, ZONES)
        if not expect:
            assert res.status == ov.STATUS_OUTSIDE
            continue
        for family in codes.FAMILIES:
            assert res.shares[family] == pytest.approx(expect[family], abs=0.1), family  # one rounding unit
        assert sum(res.shares.values()) == pytest.approx(100.0, abs=1e-9)
        zoned = site.intersection(unary_union([z.geometry for z in ZONES])).area / site.area * 100
        assert res.zoned_pct == pytest.approx(zoned, abs=0.051)
        assert res.status == (ov.STATUS_COVERED if zoned >= ov.COVERED_PCT else ov.STATUS_PARTIAL)


def test_dominant_zone_and_zone_list():
    site = box(50, 50, 150, 150)  # 50 % UA, 35 % 1AUc, 15 % 2AU
    res = ov.overlay_sites([site], ZONES)[0]
    assert res.shares == {"u": 50.0, "auc": 35.0, "aus": 15.0, "a": 0.0, "n": 0.0}
    assert res.dominant.libelle == "UA" and res.dominant.zone_type == "U"
    assert ov.format_zones(res.zones) == "UA (50 %), 1AUc (35 %), 2AU (15 %)"


def test_legacy_codes_count_in_their_family_and_multi_part_zones_count_once():
    site = box(200, 50, 300, 150)  # 40 + 40 in the two parts of A, 20 in Nh
    res = ov.overlay_sites([site], ZONES)[0]
    assert res.shares["a"] == 80.0 and res.shares["n"] == 20.0
    assert [z.libelle for z in res.zones] == ["A", "Nh"]  # one entry for the multi-part zone
    assert res.zones[1].zone_type == "N"


def test_partial_coverage_and_outside():
    res = ov.overlay_sites([box(-50, 0, 50, 100), box(1000, 1000, 1100, 1100)], ZONES)
    assert res[0].status == ov.STATUS_PARTIAL
    assert res[0].zoned_pct == 50.0 and res[0].shares["u"] == 100.0
    assert res[1].status == ov.STATUS_OUTSIDE and res[1].shares == {} and res[1].dominant is None


def test_rnu_part_is_listed_but_not_shared():
    zones = [zone(box(0, 0, 100, 100), "U", "UB"), zone(box(100, 0, 200, 100), "U", "ZURNU")]
    res = ov.overlay_sites([box(50, 0, 150, 100)], zones)[0]
    assert res.shares["u"] == 100.0 and res.zoned_pct == 50.0 and res.status == ov.STATUS_PARTIAL
    assert [(z.libelle, z.family, round(z.pct)) for z in res.zones] == [("UB", "u", 100), ("ZURNU", None, 50)]


def test_overlapping_zones_still_sum_to_100():
    zones = [zone(box(0, 0, 100, 100), "U", "UA"), zone(box(50, 0, 150, 100), "N", "N")]
    res = ov.overlay_sites([box(0, 0, 150, 100)], zones)[0]
    assert sum(res.shares.values()) == pytest.approx(100.0)
    assert res.shares["u"] == 50.0 and res.zoned_pct == 100.0


def test_point_sites_take_the_zone_containing_them():
    sites = [Point(120, 60), Point(250, 100), Point(-10, -10), None, LineString([(10, 10), (20, 20)])]
    res = ov.overlay_sites(sites, ZONES)
    assert res[0].is_point and res[0].shares["auc"] == 100.0 and res[0].dominant.libelle == "1AUc"
    assert res[0].zoned_pct == 100.0 and res[0].status == ov.STATUS_COVERED
    assert res[1].shares["n"] == 100.0 and res[1].zones[0].zone_type == "N"
    assert res[2].status == ov.STATUS_OUTSIDE
    assert res[3].status == ov.STATUS_NO_GEOMETRY
    assert res[4].shares["u"] == 100.0


def test_round_shares_sum_exactly():
    got = ov.round_shares({"u": 1.0, "auc": 1.0, "aus": 1.0})
    assert sum(got.values()) == pytest.approx(100.0) and sorted(got.values()) == [33.3, 33.3, 33.4]


def test_prescriptions_on_polygon_and_point_sites():
    ebc = ov.Overlay.make(box(0, 0, 40, 200), "PSC", "01", "01", txt="EBC")
    er = ov.Overlay.make(box(90, 0, 110, 200), "PSC", "05", "02", txt="ER 12")
    stecal = ov.Overlay.make(box(240, 0, 260, 200), "PSC", "16", "03")
    sliver = ov.Overlay.make(box(149.99, 0, 300, 200), "PSC", "18", "00")
    line = ov.Overlay.make(LineString([(60, -5), (60, 300)]), "PSC", "22", "03")
    point = ov.Overlay.make(Point(255, 20), "PSC", "16", "01")
    info = ov.Overlay.make(box(0, 0, 300, 200), "INF", "04", "01")
    psc = [ebc, er, stecal, sliver, line, point]
    site = box(0, 50, 100, 150)  # EBC 40 %, ER 10 %, the line crosses it
    res = ov.overlay_sites([site, Point(250, 100), Point(262, 25)], ZONES, psc, [info], near_m=10)
    hits = {h.full_code: h for h in res[0].prescriptions}
    assert set(hits) == {"01-01", "05-02", "22-03"}
    assert hits["01-01"].pct == pytest.approx(40.0) and hits["05-02"].pct == pytest.approx(10.0)
    assert hits["22-03"].pct is None
    assert ov.hit_codes(res[0].prescriptions) == "01-01;05-02;22-03"
    text = ov.format_hits(res[0].prescriptions)
    assert text.startswith("espace boisé classé « EBC » (01-01, 40 %) ; emplacement réservé (ouvrage public) « ER 12 »")
    # point inside the STECAL: 100 %; the 16-01 point 80 m away is not near enough
    hits = {h.full_code: h for h in res[1].prescriptions}
    assert hits["16-03"].pct == 100.0 and "16-01" not in hits
    # point 2 m from the STECAL and 7 m from the listed building: both listed as nearby
    hits = {h.full_code: h for h in res[2].prescriptions}
    assert hits["16-03"].pct is None and hits["16-03"].near and "16-01" in hits
    assert "à proximité" in ov.format_hits(res[2].prescriptions)
    assert [h.full_code for h in res[0].informations] == ["04-01"] and res[0].informations[0].pct == 100.0


def test_scot_names():
    scots = [ov.Scot(box(0, 0, 150, 200), "SCOT Ouest"), ov.Scot(box(150, 0, 300, 200), "SCOT Est")]
    res = ov.overlay_sites([box(100, 0, 160, 10), Point(200, 10), Point(500, 500)], ZONES, scots=scots)
    assert res[0].scot_names == ["SCOT Ouest", "SCOT Est"]
    assert res[1].scot_names == ["SCOT Est"]
    assert res[2].scot_names == []


def test_many_sites_are_vectorised():
    rng = random.Random(1)
    zones = [zone(box(x, y, x + 50, y + 50), rng.choice(["U", "AUc", "A", "N"]), f"Z{x}_{y}")
             for x in range(0, 2000, 50) for y in range(0, 2000, 50)]
    sites = [Point(rng.uniform(0, 2000), rng.uniform(0, 2000)).buffer(40) for _ in range(1000)]
    res = ov.overlay_sites(sites, zones)
    assert all(abs(sum(r.shares.values()) - 100) < 1e-9 for r in res if r.shares)
    for site, r in list(zip(sites, res))[:50]:
        expect = expected_shares(site, zones)
        for family in codes.FAMILIES:
            assert r.shares[family] == pytest.approx(expect[family], abs=0.1)


def test_prescriptions_without_zones():
    er = ov.Overlay.make(box(0, 0, 50, 100), "PSC", "05", "01")
    res = ov.overlay_sites([box(0, 0, 100, 100)], [], [er])[0]
    assert res.status == ov.STATUS_OUTSIDE and res.zoned_pct == 0.0
    assert res.prescriptions[0].pct == pytest.approx(50.0)
