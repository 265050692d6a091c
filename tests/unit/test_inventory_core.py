"""core.inventory without QGIS: field matching, value checks, geometry, ids, duplicates, merge rule."""

import datetime as dt

import pytest
from friches_tierslieux.core import inventory as inv
from shapely.geometry import MultiPolygon, Point, Polygon, box

IDENTITY = {"layer": lambda g: g, "columns": lambda g: g}


def codes(row, severity=None):
    return [i.code for i in row.issues if severity is None or i.severity == severity]


def issue(row, code):
    hits = [i for i in row.issues if i.code == code]
    assert hits, f"no {code} in {row.issues}"
    return hits[0]


def base_row(**over):
    row = {
        "site_id": "12345_0001",
        "site_nom": "Ancienne filature",
        "site_type": "friche industrielle",
        "site_identif_date": "2020-01-15",
        "site_actu_date": "2024-03-01",
        "comm_nom": "Testville",
        "comm_insee": "12345",
        "urba_zaer": "non",
        "source_nom": "TEST",
        "geompoint": "POINT(770050 6905050)",
        "geomsurf": "",
    }
    row.update(over)
    return row


def run(rows, mapping=None, geographic=False, layer_geoms=None):
    """Import plain dict rows (all keys are source fields) through the whole core pipeline."""
    names = []
    for r in rows:
        names.extend(k for k in r if k not in names)
    imp = inv.InventoryImport(inv.match_fields(names, mapping))
    for n, r in enumerate(rows, start=1):
        imp.add_row(n, n - 1, r, (layer_geoms or {}).get(n))
    imp.orient(layer_geographic=geographic, columns_geographic=geographic)
    imp.reproject(IDENTITY)
    imp.finalise()
    assert len(imp.kept_rows()) + len(imp.rejected_rows()) == len(rows)
    for r in imp.rejected_rows():
        assert [i.severity for i in r.issues].count("error") == 1
    return imp


# -- field mapping and matching ------------------------------------------------------------------------


def test_parse_field_mapping():
    assert inv.parse_field_mapping("site_nom=NOM; Site_Type = TYPE\nlon=X") == {
        "site_nom": "NOM", "site_type": "TYPE", "x": "X"}
    assert inv.parse_field_mapping("") == {}
    assert inv.parse_field_mapping(None) == {}


@pytest.mark.parametrize(
    ("text", "code", "param"),
    [
        ("site_nom", "mapping_syntax", "site_nom"),
        ("site_nom=", "mapping_syntax", "site_nom="),
        ("nom_du_site=NOM", "mapping_unknown_target", "nom_du_site"),
        ("site_nom=A;site_nom=B", "mapping_duplicate_target", "site_nom"),
    ],
)
def test_parse_field_mapping_errors(text, code, param):
    with pytest.raises(inv.InventoryError) as err:
        inv.parse_field_mapping(text)
    assert err.value.code == code
    assert param in err.value.params.values()


def test_match_fields_names_aliases_and_mapping():
    names = ["SITEID", "SITENOM", "code_insee", "nom_commune", "Site_Type", "TYPE_LOCAL", "long", "lat", "autre"]
    match = inv.match_fields(names, {"bati_type": "type_local"})
    assert match.columns["site_id"] == "SITEID"
    assert match.columns["site_nom"] == "SITENOM"
    assert match.columns["comm_insee"] == "code_insee"
    assert match.columns["comm_nom"] == "nom_commune"
    assert match.columns["site_type"] == "Site_Type"
    assert match.columns["bati_type"] == "TYPE_LOCAL"  # case-insensitive source lookup
    assert (match.columns["x"], match.columns["y"]) == ("long", "lat")
    assert match.how["bati_type"] == "mapping"
    assert match.unmatched == ["autre"]


def test_match_fields_exact_name_beats_alias():
    match = inv.match_fields(["site_numero", "site_id"])
    assert match.columns["site_id"] == "site_id"
    assert "site_numero" in match.unmatched


def test_match_fields_missing_source():
    with pytest.raises(inv.InventoryError) as err:
        inv.match_fields(["NOM"], {"site_type": "TYPE"})
    assert err.value.code == "mapping_missing_source"
    assert err.value.params == {"target": "site_type", "source": "TYPE"}


def test_match_cartofriches_site_numero():
    assert inv.match_fields(["site_numero"]).columns["site_id"] == "site_numero"


# -- values ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-06-23", dt.date(2019, 6, 23)),
        ("23/06/2019", dt.date(2019, 6, 23)),
        ("2019/06/23", dt.date(2019, 6, 23)),
        ("23.06.2019", dt.date(2019, 6, 23)),
        ("2019-06-23T10:00:00Z", dt.date(2019, 6, 23)),
        ("2019-06-23 10:00:00", dt.date(2019, 6, 23)),
        (dt.datetime(2019, 6, 23, 8, 0), dt.date(2019, 6, 23)),
        (dt.date(2019, 6, 23), dt.date(2019, 6, 23)),
        ("32/13/2020", None),
        ("hier", None),
    ],
)
def test_parse_date(text, expected):
    assert inv.parse_date(text) == expected


def test_parse_year_and_integer():
    assert inv.parse_year("1989") == 1989
    assert inv.parse_year(1989.0) == 1989
    assert inv.parse_year("1989-05-01") == 1989
    assert inv.parse_year("vers 1990") is None
    assert inv.parse_integer("2 400") == (2400, False)
    assert inv.parse_integer("2400,6") == (2401, True)
    assert inv.parse_integer("beaucoup") == (None, False)


def test_coded_values_normalised_or_replaced():
    imp = run([base_row(site_type="FRICHE D’HABITAT", bati_type="Industriel | commercial", urba_zaer="Non",
                        site_statut="friche garage")])
    row = imp.rows[0]
    assert row.values["site_type"] == "friche d'habitat"
    assert row.values["bati_type"] == "industriel|commercial"
    assert row.values["urba_zaer"] == "non"
    assert row.values["site_statut"] == "inconnu"
    unknown = issue(row, "unknown_code")
    assert (unknown.severity, unknown.field, unknown.value, unknown.action) == (
        "warning", "site_statut", "friche garage", inv.REPLACED_INCONNU)
    assert unknown.note
    assert issue(row, "normalised_code").severity == "info"


def test_legacy_zone_type():
    row = run([base_row(urba_zone_type="Nh")]).rows[0]
    assert row.values["urba_zone_type"] == "N"
    assert "legacy_code" in codes(row)


def test_pattern_repairs():
    row = run([base_row(
        unite_fonciere_refcad="['49353000AC0628', '49353000ac0629']",
        proprio_type="['{','F','6','c','}']",
        activite_code="B05.10Z, v89.04z",
        desserte_distance="2 | 6 | 46",
    )]).rows[0]
    assert row.values["unite_fonciere_refcad"] == "49353000AC0628|49353000AC0629"
    assert row.values["proprio_type"] == "F6c"
    assert row.values["activite_code"] == "B05.10Z|V89.04Z"
    assert row.values["desserte_distance"] == "2|6|46"
    assert codes(row, "warning") == []
    assert codes(row).count("repaired_format") == 4


def test_bad_pattern_kept_as_typed():
    row = run([base_row(desserte_distance="2|6", site_url="www.friche.fr")]).rows[0]
    assert row.values["desserte_distance"] == "2|6"
    assert row.values["site_url"] == "www.friche.fr"
    bad = [i for i in row.issues if i.code == "bad_pattern"]
    assert {i.field for i in bad} == {"desserte_distance", "site_url"}
    assert all(i.action == inv.KEPT and i.severity == "warning" for i in bad)


def test_dates_checked():
    row = run([base_row(site_identif_date="32/13/2020", local_ancien_annee="vers 1900")]).rows[0]
    assert row.values["site_identif_date"] is None
    assert issue(row, "bad_date").action == inv.SET_NULL
    assert "missing_required" not in codes(row)  # the bad date says it already
    assert issue(row, "bad_year").field == "local_ancien_annee"
    row = run([base_row(site_identif_date="01/05/2020", site_actu_date="2019-01-01")]).rows[0]
    assert row.values["site_identif_date"] == dt.date(2020, 5, 1)
    assert issue(row, "actu_before_identif").severity == "warning"


def test_required_fields():
    row = run([base_row(site_nom="", site_type="NA", urba_zaer=None, comm_insee="", source_nom=" ")]).rows[0]
    assert not row.rejected
    assert row.values["site_type"] == "inconnu"
    assert row.values["urba_zaer"] == "inconnu"
    assert row.values["comm_insee"] == "12345"  # from site_id
    missing = {i.field: i for i in row.issues if i.code == "missing_required"}
    assert set(missing) == {"site_nom", "site_type", "urba_zaer", "source_nom"}
    assert missing["site_type"].action == inv.SET_INCONNU
    assert missing["site_nom"].action == inv.KEPT
    assert issue(row, "insee_from_site_id").params["new"] == "12345"


def test_insee_zero_padded():
    row = run([base_row(comm_insee=1053, site_id="01053_0001")]).rows[0]
    assert row.values["comm_insee"] == "01053"
    assert "zero_padded" in codes(row)


# -- geometry --------------------------------------------------------------------------------------------


def test_standard_example_latitude_first_and_truncated_polygon():
    row = run([base_row(geompoint="POINT(49.2527 3.9815)",
                        geomsurf="POLYGON((49.33 3.95, 49.38 3.89, 49.42 3.96, ...))")], geographic=True).rows[0]
    assert not row.rejected
    assert (row.point.x, row.point.y) == (3.9815, 49.2527)
    assert row.polygon is None
    swap = issue(row, "lat_first")
    assert (swap.severity, swap.field, swap.action) == ("warning", "geompoint", inv.SWAPPED)
    bad = issue(row, "bad_wkt")
    assert (bad.field, bad.action) == ("geomsurf", inv.POINT_ONLY)
    assert row.values["has_polygon"] is False


def test_lat_first_only_in_geographic_crs():
    assert inv.latitude_first(Point(49.25, 3.98))
    assert not inv.latitude_first(Point(3.98, 49.25))
    assert not inv.latitude_first(Point(55.45, -20.9))  # Réunion, right way round
    assert inv.latitude_first(Point(-20.9, 55.45))
    row = run([base_row()], geographic=False).rows[0]
    assert "lat_first" not in codes(row)


def test_check_location():
    imp = run([base_row(geompoint="POINT(3.98 49.25)"), base_row(site_id="1_b", geompoint="POINT(-73.98 40.75)")])
    assert imp.check_location(lambda g: g) == 1
    assert "outside_france" not in codes(imp.rows[0])
    assert issue(imp.rows[1], "outside_france").params == {"lon": -73.98, "lat": 40.75}


def test_reprojection_failure_rejects_the_row():
    imp = inv.InventoryImport(inv.match_fields(["site_nom", "geompoint"]))
    imp.add_row(1, 0, {"site_nom": "A", "geompoint": "POINT(1 1)"})

    def fails(_geom):
        raise RuntimeError("out of the CRS's domain")

    imp.reproject({"layer": fails, "columns": fails})
    imp.finalise()
    err = issue(imp.rows[0], "reprojection_failed")
    assert imp.rows[0].rejected and err.params["error"] == "out of the CRS's domain"


def test_columns_crs_guess():
    imp = inv.InventoryImport(inv.match_fields(["geompoint"]))
    imp.add_row(1, 0, {"geompoint": "POINT(3.9 49.2)"})
    assert imp.columns_look_like_degrees() is True
    imp.add_row(2, 1, {"geompoint": "POINT(770000 6905000)"})
    assert imp.columns_look_like_degrees() is False
    empty = inv.InventoryImport(inv.match_fields(["site_nom"]))
    empty.add_row(1, 0, {"site_nom": "x"})
    assert empty.columns_look_like_degrees() is None


def test_no_geometry_rejected():
    imp = run([base_row(geompoint="", geomsurf=""), base_row(site_id="12345_0002", geompoint="LINESTRING(0 0,1 1)")])
    for row in imp.rows:
        assert row.rejected
        err = next(i for i in row.issues if i.severity == "error")
        assert (err.code, err.action) == ("no_geometry", inv.REJECTED)
    assert "unsupported_geometry" in codes(imp.rows[1])


def test_coordinates_columns():
    row = run([{"site_nom": "A", "x": "770000,5", "y": "6905000"}]).rows[0]
    assert (row.point.x, row.point.y) == (770000.5, 6905000.0)
    row = run([{"site_nom": "A", "lon": "abc", "lat": "49"}]).rows[0]
    assert row.rejected
    assert "bad_coordinates" in codes(row)


@pytest.mark.parametrize("wkt", ["MULTIPOINT((0 0),(10 0))", "GEOMETRYCOLLECTION(POINT(0 0),POINT(10 0))"])
def test_several_points_give_their_centroid(wkt):
    row = run([base_row(geompoint=wkt)]).rows[0]
    assert (row.point.x, row.point.y) == (5, 0)
    assert "multipoint" in codes(row)


def test_invalid_polygon_repaired_and_point_on_surface():
    bowtie = "POLYGON((0 0,100 100,100 0,0 100,0 0))"
    row = run([base_row(geompoint="", geomsurf=bowtie)]).rows[0]
    assert isinstance(row.polygon, MultiPolygon) and row.polygon.is_valid
    assert row.polygon.area == pytest.approx(5000)
    assert issue(row, "invalid_polygon").action == inv.REPAIRED
    assert row.polygon.contains(row.point) or row.polygon.touches(row.point)
    assert row.point_from == "polygon"


def test_point_kept_near_polygon_replaced_when_far():
    square = "POLYGON((0 0,100 0,100 100,0 100,0 0))"
    near = run([base_row(geompoint="POINT(130 50)", geomsurf=square)]).rows[0]
    assert (near.point.x, near.point.y) == (130, 50)
    far = run([base_row(geompoint="POINT(500 50)", geomsurf=square)]).rows[0]
    assert far.polygon.contains(far.point)
    assert issue(far, "point_far_from_polygon").params["distance"] == 400


def test_layer_geometry_used_first():
    poly = box(0, 0, 200, 100)
    row = run([base_row(geompoint="POINT(50 50)", geomsurf="")], layer_geoms={1: poly}).rows[0]
    assert row.polygon.area == pytest.approx(20000)
    assert (row.point.x, row.point.y) == (50, 50)


# -- surfaces ----------------------------------------------------------------------------------------------


def test_surfaces():
    imp = run([
        base_row(site_id="1_a", geomsurf="POLYGON((0 0,100 0,100 50,0 50,0 0))", geompoint=""),
        base_row(site_id="1_b", geompoint="POINT(1000 1000)", unite_fonciere_surface="16750"),
        base_row(site_id="1_c", geompoint="POINT(2000 2000)"),
        base_row(site_id="1_d", geompoint="POINT(3000 3000)", site_surface="1234.5"),
        base_row(site_id="1_e", geomsurf="POLYGON((0 500,10 500,10 510,0 510,0 500))", unite_fonciere_surface="999"),
    ])
    a, b, c, d, e = (r.values for r in imp.rows)
    assert (a["site_surface"], a["surface_source"], a["has_polygon"]) == (5000.0, "geometry", True)
    assert a["unite_fonciere_surface"] == 5000
    assert "uf_surface_from_polygon" in codes(imp.rows[0])
    assert (b["site_surface"], b["surface_source"], b["has_polygon"]) == (16750.0, "declared", False)
    assert (c["site_surface"], c["surface_source"]) == (None, "unknown")
    assert (d["site_surface"], d["surface_source"]) == (1234.5, "declared")
    assert (e["site_surface"], e["unite_fonciere_surface"]) == (100.0, 999)


# -- ids and duplicates --------------------------------------------------------------------------------------


def test_generated_id_is_stable():
    rows = [base_row(site_id="", site_nom="Ancienne Laiterie", geompoint="POINT(777000.2 6905000.3)")]
    first = run(rows).rows[0].values["site_id"]
    assert first == run(rows).rows[0].values["site_id"]
    assert first.startswith("12345_FTL") and len(first) == len("12345_FTL") + 8
    # folding: case and accents do not change the id, moving 10 m does
    same = run([base_row(site_id="", site_nom="ancienne laiterie", geompoint="POINT(777000.4 6905000.1)")])
    assert same.rows[0].values["site_id"] == first
    moved = run([base_row(site_id="", site_nom="Ancienne Laiterie", geompoint="POINT(777010 6905000)")])
    assert moved.rows[0].values["site_id"] != first
    assert inv.stable_site_id("x", None, 0, 0).startswith("00000_FTL")


def test_duplicate_site_id_rejected():
    imp = run([base_row(), base_row(geompoint="POINT(772000 6905000)"), base_row(geompoint="POINT(0 0)")])
    assert not imp.rows[0].rejected
    for row in imp.rows[1:]:
        err = issue(row, "duplicate_site_id")
        assert err.params == {"site_id": "12345_0001", "first_row": 1}


def test_duplicate_location_flagged():
    imp = run([
        base_row(),
        base_row(site_id="12345_0002", geompoint="POINT(770050.4 6905050.3)"),
        base_row(site_id="12345_0003", geompoint="POINT(770053 6905050)"),
    ])
    dup = issue(imp.rows[1], "possible_duplicate")
    assert dup.params["other_id"] == "12345_0001" and dup.params["other_row"] == 1
    assert "possible_duplicate" not in codes(imp.rows[0]) + codes(imp.rows[2])


def test_duplicate_overlap_flagged():
    imp = run([
        base_row(site_id="1_a", geompoint="", geomsurf="POLYGON((0 0,100 0,100 100,0 100,0 0))"),
        base_row(site_id="1_b", geompoint="", geomsurf="POLYGON((30 0,130 0,130 100,30 100,30 0))"),
        base_row(site_id="1_c", geompoint="", geomsurf="POLYGON((90 0,190 0,190 100,90 100,90 0))"),
    ])
    dup = issue(imp.rows[1], "possible_duplicate")
    assert dup.params["how"] == "overlap" and dup.params["overlap_pct"] == 70.0
    # 1_c overlaps 1_b by 40 % only
    assert "possible_duplicate" not in codes(imp.rows[2])


# -- merge rule ----------------------------------------------------------------------------------------------

NAMES = ["site_id", "site_nom", "site_type", "comm_nom", "site_actu_date", "site_surface", "surface_source",
         "has_polygon"]


def incoming(**values):
    v = {"site_id": "1_a", "site_nom": "Filature", "site_type": "friche industrielle", "comm_nom": "Testville",
         "site_actu_date": dt.date(2024, 3, 1), "site_surface": 100.0, "surface_source": "declared",
         "has_polygon": False}
    v.update(values)
    return inv.SiteRow(row=1, fid=0, values=v, point=Point(0, 0))


def stored(**values):
    v = dict(incoming().values)
    v.update(values)
    return inv.StoredSite(values=v, point=Point(0, 0))


def test_merge_add_unchanged_update():
    assert inv.merge_site(None, incoming(), NAMES).action == "add"
    assert inv.merge_site(stored(), incoming(), NAMES).action == "unchanged"
    d = inv.merge_site(stored(site_actu_date=dt.date(2024, 1, 1)), incoming(site_nom="Grande filature"), NAMES)
    assert d.action == "update"
    assert d.values["site_nom"] == "Grande filature"
    assert set(d.changed) == {"site_nom", "site_actu_date"}


def test_merge_keeps_newer_local_edit():
    d = inv.merge_site(stored(site_actu_date=dt.date.today(), site_nom="Edited"), incoming(site_nom="Old"), NAMES)
    assert d.action == "keep_stored"
    assert d.values["site_nom"] == "Edited"
    assert d.stored_date == dt.date.today()
    # an incoming row without date never overwrites a dated stored row
    assert inv.merge_site(stored(), incoming(site_actu_date=None), NAMES).action == "keep_stored"


def test_merge_never_blanks():
    d = inv.merge_site(stored(site_actu_date=dt.date(2020, 1, 1)),
                       incoming(comm_nom=None, site_type="inconnu", site_nom=""), NAMES)
    assert d.values["comm_nom"] == "Testville"
    assert d.values["site_type"] == "friche industrielle"
    assert d.values["site_nom"] == "Filature"
    assert d.changed == ["site_actu_date"]


def test_merge_keeps_stored_polygon_when_incoming_has_none():
    polygon = MultiPolygon([Polygon([(0, 0), (10, 0), (10, 10), (0, 0)])])
    s = stored(site_actu_date=dt.date(2020, 1, 1), has_polygon=True, site_surface=50.0, surface_source="geometry")
    s.polygon = polygon
    d = inv.merge_site(s, incoming(), NAMES)
    assert d.polygon is None
    assert (d.values["has_polygon"], d.values["site_surface"], d.values["surface_source"]) == (True, 50.0, "geometry")


def test_same_value():
    assert inv.same_value(None, "")
    assert inv.same_value(1, 1.0000000001)
    assert inv.same_value(dt.date(2020, 1, 1), "2020-01-01")
    assert not inv.same_value("a", None)


# -- encodings -----------------------------------------------------------------------------------------------


def test_detect_text_encoding():
    assert inv.detect_text_encoding("Hôpital".encode()) == "UTF-8"
    assert inv.detect_text_encoding("Hôpital".encode("cp1252")) == "windows-1252"
    assert inv.detect_text_encoding(b"plain ascii") == "UTF-8"
    assert inv.detect_text_encoding("é".encode()[:1]) == "UTF-8"  # cut by a partial read


def test_detect_dbf_encoding(tmp_path):
    header = bytearray(32)
    header[8:10] = (33).to_bytes(2, "little")
    header[29] = 0
    dbf = tmp_path / "t.dbf"
    dbf.write_bytes(bytes(header) + b"\x0d" + " Hôpital".encode("latin-1"))
    assert inv.detect_dbf_encoding(str(dbf)) == "windows-1252"
    assert not inv.dbf_declares_encoding(str(dbf))
    (tmp_path / "t.cpg").write_text("UTF-8")
    assert inv.dbf_declares_encoding(str(dbf))
