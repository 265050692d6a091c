"""``friches:import_inventory`` through Processing: every input format, every defect reported, nothing lost,
reprojection and surfaces checked independently (pyproj / shapely), stable ids, merge into a GeoPackage.

Every test checks that each input row is either an imported site or exactly one ``error`` line of the
report (``count(OUTPUT) + count(rejected) == count(input)``).
"""

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
import shapely
from friches_tierslieux.core import inventory as inv
from import_helpers import (
    action,
    assert_nothing_lost,
    csv_table,
    lines,
    report,
    rows_of,
    run_import,
    sites,
    to_l93,
)
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QDate
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
IMPORT = DATA / "import"
STANDARD_CSV = DATA / "cnig" / "fichier-valide.csv"
BAD_CSV = IMPORT / "bad_rows.csv"
LONLAT_CSV = IMPORT / "lonlat.csv"
GEOJSON = IMPORT / "sites_cartofriches.geojson"
INGEVILLE_CSV = ROOT / "demo" / "ingeville" / "friches_ingeville.csv"


# -- the standard's own example ----------------------------------------------------------------------------


@pytest.mark.parametrize("loader", ["delimitedtext", "ogr"])
def test_standard_example(plugin, processing_context, feedback, loader):
    if loader == "delimitedtext":
        source = csv_table(STANDARD_CSV)
    else:
        source = QgsVectorLayer(str(STANDARD_CSV), "standard", "ogr")
        assert source.isValid()
    result = run_import(processing_context, feedback, source)
    assert_nothing_lost(result, 1)
    assert result["IMPORTED"] == 1
    site = sites(result)["12083_22-12.0017"]

    # geompoint written "POINT(49.2527 3.9815)": read as lon 3.9815, lat 49.2527
    expected = to_l93(shapely.Point(3.9815, 49.2527))
    assert site["_geom"].distance(expected) < 0.01
    swap = lines(result, "lat_first")
    assert len(swap) == 1 and swap[0]["severity"] == "warning" and swap[0]["field"] == "geompoint"
    assert swap[0]["action"] == action(inv.SWAPPED)

    # geomsurf cut short with "...": reported, row kept as a point
    bad = lines(result, "bad_wkt")
    assert len(bad) == 1 and bad[0]["field"] == "geomsurf" and bad[0]["severity"] == "warning"
    assert bad[0]["action"] == action(inv.POINT_ONLY)
    assert "..." in bad[0]["value"]
    assert result["OUTPUT_POLYGONS"].featureCount() == 0

    assert site["has_polygon"] is False
    assert (site["site_surface"], site["surface_source"]) == (16750.0, "declared")
    assert site["site_identif_date"] == dt.date(2003, 5, 18)
    assert site["site_reconv_annee"] == 2022
    assert site["comm_insee"] == "12083"
    assert site["site_nom"] == "Centre médical thermal"
    assert site["unite_fonciere_refcad"].count("|") == 4
    assert "geompoint" in site["import_notes"] and "geomsurf" in site["import_notes"]
    assert result["OUTPUT"].crs().authid() == "EPSG:2154"


# -- a file of defects ---------------------------------------------------------------------------------------


def test_bad_rows_reported_none_lost(plugin, processing_context, feedback):
    source = csv_table(BAD_CSV)
    result = run_import(processing_context, feedback, source)
    assert_nothing_lost(result, 14)
    out = sites(result)

    def one(code, row, severity):
        hits = lines(result, code, row)
        assert len(hits) == 1, (code, row, report(result))
        assert hits[0]["severity"] == severity
        return hits[0]

    # rejected: no geometry (row 2, row 14: a line), duplicate id (row 4)
    one("no_geometry", 2, "error")
    hit = one("duplicate_site_id", 4, "error")
    assert "12345_0001" in hit["reason"] and "1" in hit["reason"].replace("12345_0001", "")
    one("no_geometry", 14, "error")
    one("unsupported_geometry", 14, "warning")
    assert result["REJECTED"] == 3 and result["IMPORTED"] == 11
    assert out["12345_0001"]["site_nom"] == "Ancienne filature"  # the first one wins

    # unknown site_type → inconnu, original kept in notes
    hit = one("unknown_code", 3, "warning")
    assert (hit["field"], hit["value"], hit["action"]) == ("site_type", "friche garage", action(inv.REPLACED_INCONNU))
    assert out["12345_0003"]["site_type"] == "inconnu"
    assert "friche garage" in out["12345_0003"]["import_notes"]

    # duplicate location (0.5 m from row 1)
    hit = one("possible_duplicate", 5, "warning")
    assert "12345_0001" in hit["reason"]

    # impossible date
    hit = one("bad_date", 6, "warning")
    assert (hit["field"], hit["value"], hit["action"]) == ("site_identif_date", "32/13/2020", action(inv.SET_NULL))
    assert out["12345_0006"]["site_identif_date"] is None

    # truncated geomsurf, valid geompoint → kept as point
    hit = one("bad_wkt", 7, "warning")
    assert hit["action"] == action(inv.POINT_ONLY)
    assert out["12345_0007"]["has_polygon"] is False
    assert out["12345_0007"]["_geom"].equals(shapely.Point(774050, 6905050))

    # empty required fields
    missing = {r["field"]: r for r in lines(result, "missing_required", 8)}
    assert set(missing) == {"site_nom", "site_type", "urba_zaer"}
    assert out["12345_0008"]["site_type"] == "inconnu" and out["12345_0008"]["urba_zaer"] == "inconnu"
    assert out["12345_0008"]["site_nom"] is None

    # patterns: Cartofriches list string repaired; desserte_distance kept as typed
    assert one("repaired_format", 9, "info")["field"] == "unite_fonciere_refcad"
    assert out["12345_0009"]["unite_fonciere_refcad"] == "12345000AB0012"
    hit = one("bad_pattern", 9, "warning")
    assert (hit["field"], hit["value"]) == ("desserte_distance", "2|6")
    assert out["12345_0009"]["desserte_distance"] == "2|6"

    # missing site_id → generated
    generated = one("generated_id", 10, "info")
    new_id = next(sid for sid, s in out.items() if s["site_nom"] == "Ancienne laiterie")
    assert re.fullmatch(r"12345_FTL[0-9a-f]{8}", new_id)
    assert new_id in generated["reason"]

    # self-intersecting polygon repaired; point on surface
    one("invalid_polygon", 11, "warning")
    bowtie = out["12345_0011"]
    assert bowtie["has_polygon"] is True and bowtie["site_surface"] == pytest.approx(5000.0)
    assert bowtie["unite_fonciere_surface"] == 5000

    # actualised before identified
    one("actu_before_identif", 12, "warning")

    # free spelling normalised (info only), ISO datetime and day-first dates read
    assert {r["code"] for r in lines(result, row=13)} == {"normalised_code"}
    s13 = out["12345_0013"]
    assert s13["site_type"] == "friche ferroviaire"
    assert (s13["bati_type"], s13["urba_zaer"]) == ("industriel|commercial", "non")
    assert s13["site_identif_date"] == dt.date(2021, 3, 15) and s13["site_actu_date"] == dt.date(2024, 3, 1)

    # surfaces from the polygon
    first = out["12345_0001"]
    assert (first["site_surface"], first["surface_source"], first["has_polygon"]) == (10000.0, "geometry", True)
    assert out["12345_0005"]["surface_source"] == "unknown"
    assert result["OUTPUT_POLYGONS"].featureCount() == 3  # rows 1, 3, 11

    # report format
    rep = report(result)
    assert set(result["REPORT"].fields().names()) == {
        "row", "source_fid", "site_id", "site_nom", "severity", "code", "field", "value", "reason", "action"}
    assert [r["row"] for r in rep] == sorted(r["row"] for r in rep)
    assert all(r["source_fid"] is not None for r in rep)


def test_stable_site_id_across_runs(plugin, processing_context, feedback):
    ids = []
    for _ in range(2):
        result = run_import(processing_context, feedback, csv_table(BAD_CSV))
        ids.append(sorted(sites(result)))
        assert_nothing_lost(result, 14)
    assert ids[0] == ids[1]
    assert any(sid.startswith("12345_FTL") for sid in ids[0])


# -- coordinates columns, GeoJSON, GeoPackage ------------------------------------------------------------------


def test_lonlat_csv_reprojected(plugin, processing_context, feedback):
    source = csv_table(LONLAT_CSV, delimiter=";")
    result = run_import(processing_context, feedback, source)
    assert_nothing_lost(result, 3)
    assert lines(result, "no_geometry", 3, "error")
    out = sites(result)
    with open(LONLAT_CSV, encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter=";"):
            if not rec["lon"]:
                continue
            lon, lat = float(rec["lon"].replace(",", ".")), float(rec["lat"].replace(",", "."))
            expected = to_l93(shapely.Point(lon, lat))
            assert out[rec["site_id"]]["_geom"].distance(expected) < 0.01
            assert out[rec["site_id"]]["comm_insee"] == "51454"  # alias code_insee
    # a known point: Reims Halle Sernam is near (776 500, 6 905 000) in Lambert-93
    sernam = out["51454_0001"]["_geom"]
    assert 770000 < sernam.x < 780000 and 6900000 < sernam.y < 6910000


def test_lonlat_csv_with_point_geometry(plugin, processing_context, feedback):
    uri = f"{LONLAT_CSV.as_uri()}?delimiter=;&xField=lon&yField=lat&decimalPoint=,&crs=EPSG:4326"
    source = QgsVectorLayer(uri, "lonlat", "delimitedtext")
    assert source.isValid()
    result = run_import(processing_context, feedback, source)
    assert_nothing_lost(result, source.featureCount())
    expected = to_l93(shapely.Point(4.0247, 49.2583))
    assert sites(result)["51454_0001"]["_geom"].distance(expected) < 0.01


def _check_cartofriches_polygons(result):
    assert_nothing_lost(result, 3)
    out = sites(result)
    assert set(out) == {"51454_CF001", "51454_CF002", "51454_CF003"}
    with open(GEOJSON, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    for feat in features:
        sid = feat["properties"]["site_numero"]
        expected = shapely.make_valid(to_l93(shape(feat["geometry"])))
        assert out[sid]["site_surface"] == pytest.approx(expected.area, rel=1e-6, abs=0.01)
        assert out[sid]["surface_source"] == "geometry"
        assert out[sid]["comm_nom"] == "Reims" and out[sid]["source_nom"] == "Cartofriches"
    assert out["51454_CF001"]["unite_fonciere_refcad"] == "51454000AB0012|51454000AB0013"
    assert out["51454_CF003"]["site_type"] == "friche militaire"
    assert lines(result, "invalid_polygon", 2, "warning")
    assert result["OUTPUT_POLYGONS"].featureCount() == 3
    polygons = {r["site_id"]: r for r in rows_of(result["OUTPUT_POLYGONS"])}
    assert polygons["51454_CF003"]["_geom"].geom_type == "MultiPolygon"
    assert len(polygons["51454_CF003"]["_geom"].geoms) == 2
    for sid, poly in polygons.items():
        assert poly["_geom"].is_valid
        assert poly["_geom"].contains(out[sid]["_geom"])
    assert "Entrepôt en nœud papillon" in {s["site_nom"] for s in out.values()}


def test_geojson_polygons(plugin, processing_context, feedback):
    # the context aborts on invalid geometries, like the desktop: the import must still repair the bowtie
    result = run_import(processing_context, feedback, str(GEOJSON))
    _check_cartofriches_polygons(result)


def test_geopackage_input(plugin, processing_context, feedback, tmp_dir):
    from osgeo import gdal

    gpkg = tmp_dir / "cartofriches.gpkg"
    gdal.VectorTranslate(str(gpkg), str(GEOJSON), format="GPKG", layerName="sites")
    result = run_import(processing_context, feedback, f"{gpkg}|layername=sites")
    _check_cartofriches_polygons(result)


# -- latin-1 shapefile and CSV ----------------------------------------------------------------------------------

LATIN1_SITES = [
    ("76901_0001", "Hôpital Saint-Éloi", "friche hospitalière", "Évreux-la-Forêt"),
    ("76901_0002", "Médiathèque Françoise Sagan", "friche d'équipement public", "Évreux-la-Forêt"),
]


def _latin1_shapefile(folder, keep_cpg):
    from osgeo import gdal, ogr, osr

    path = folder / "friches_latin1.shp"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    # QGIS turns GDAL's shapefile recoding off (SHAPE_ENCODING=""): turn it on while writing
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", "ISO-8859-1")
    try:
        ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        layer = ds.CreateLayer("friches_latin1", srs, ogr.wkbPolygon, options=["ENCODING=ISO-8859-1"])
        keys = ("SITEID", "SITENOM", "SITETYPE", "COMMNOM", "COMMINSEE")
        for name in keys:
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        for i, (sid, nom, typ, commune) in enumerate(LATIN1_SITES):
            feat = ogr.Feature(layer.GetLayerDefn())
            for key, value in zip(keys, (sid, nom, typ, commune, "76901")):
                feat.SetField(key, value)
            x = 560000 + 1000 * i
            feat.SetGeometry(ogr.CreateGeometryFromWkt(
                f"POLYGON(({x} 6930000,{x + 80} 6930000,{x + 80} 6930050,{x} 6930050,{x} 6930000))"))
            layer.CreateFeature(feat)
        ds = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    assert "é".encode("latin-1") in (folder / "friches_latin1.dbf").read_bytes()
    if not keep_cpg:
        (folder / "friches_latin1.cpg").unlink()
    return path


@pytest.mark.parametrize(("keep_cpg", "encoding"), [(True, ""), (False, ""), (False, "ISO-8859-1")])
def test_latin1_shapefile_accents(plugin, processing_context, feedback, tmp_dir, keep_cpg, encoding):
    path = _latin1_shapefile(tmp_dir, keep_cpg)
    layer = QgsVectorLayer(str(path), "friches_latin1", "ogr")
    assert layer.isValid()
    if not keep_cpg:  # what QGIS alone shows: replacement characters
        assert any("\ufffd" in (f["SITENOM"] or "") for f in layer.getFeatures())
    params = {"ENCODING": encoding} if encoding else {}
    result = run_import(processing_context, feedback, layer, **params)
    assert_nothing_lost(result, 2)
    out = sites(result)
    for sid, nom, typ, commune in LATIN1_SITES:
        assert out[sid]["site_nom"] == nom
        assert out[sid]["site_type"] == typ
        assert out[sid]["comm_nom"] == commune
        assert out[sid]["site_surface"] == pytest.approx(4000.0)
    assert not lines(result, "unknown_code")


@pytest.mark.parametrize("loader", ["delimitedtext", "ogr"])
def test_latin1_csv(plugin, processing_context, feedback, tmp_dir, loader):
    path = tmp_dir / "latin1.csv"
    text = LONLAT_CSV.read_text(encoding="utf-8").replace("Halle Sernam", "Halle Sernam – Gare (ancienne)")
    path.write_bytes(text.replace("Ancienne brasserie", "Brasserie Bénédictine").encode("cp1252"))
    source = csv_table(path, delimiter=";") if loader == "delimitedtext" else str(path)
    result = run_import(processing_context, feedback, source)
    assert_nothing_lost(result, 3)
    names = {s["site_nom"] for s in sites(result).values()}
    assert names == {"Halle Sernam – Gare (ancienne)", "Brasserie Bénédictine"}


# -- field mapping, custom WKT column, parameters -----------------------------------------------------------------


def test_field_mapping_and_custom_wkt_column(plugin, processing_context, feedback, tmp_dir):
    path = tmp_dir / "custom.csv"
    path.write_text(
        "IDENT,NOM,TYPE,COMMINSEE,WKT_EMPRISE\n"
        '12345_A,Halle,friche commerciale,12345,"POLYGON((0 0,100 0,100 20,0 20,0 0))"\n'
        "12345_B,Dépôt,friche logistique,12345,\n",
        encoding="utf-8",
    )
    result = run_import(
        processing_context, feedback, csv_table(path),
        FIELD_MAPPING="site_id=IDENT;site_nom=nom;site_type=TYPE;geomsurf=WKT_EMPRISE",
        SOURCE_CRS="EPSG:2154",
    )
    assert_nothing_lost(result, 2)
    out = sites(result)
    assert out["12345_A"]["site_nom"] == "Halle" and out["12345_A"]["site_surface"] == pytest.approx(2000)
    assert lines(result, "no_geometry", 2, "error")


@pytest.mark.parametrize(
    ("mapping", "words"),
    [("nom_du_site=NOM", ["nom_du_site"]), ("site_nom=LIBELLE", ["LIBELLE", "site_nom"]), ("site_nom", ["site_nom"])],
)
def test_field_mapping_errors_name_the_field(plugin, processing_context, feedback, mapping, words):
    with pytest.raises(QgsProcessingException) as err:
        run_import(processing_context, feedback, csv_table(BAD_CSV), FIELD_MAPPING=mapping)
    for word in words:
        assert word in str(err.value)


def test_wrong_source_crs_flagged(plugin, processing_context, feedback):
    # Lambert-93 coordinates declared as Web Mercator land far from France: every site is flagged
    result = run_import(processing_context, feedback, csv_table(BAD_CSV), SOURCE_CRS="EPSG:3857")
    assert_nothing_lost(result, 14)
    assert len(lines(result, "outside_france")) == result["IMPORTED"]
    plain = run_import(processing_context, feedback, csv_table(BAD_CSV))
    assert_nothing_lost(plain, 14)
    assert not lines(plain, "outside_france")


def test_geographic_target_refused(plugin, processing_context, feedback):
    with pytest.raises(QgsProcessingException) as err:
        run_import(processing_context, feedback, csv_table(STANDARD_CSV), TARGET_CRS="EPSG:4326")
    assert "EPSG:4326" in str(err.value) and "EPSG:2154" in str(err.value)


def test_other_target_crs(plugin, processing_context, feedback):
    result = run_import(processing_context, feedback, csv_table(LONLAT_CSV, delimiter=";"), TARGET_CRS="EPSG:3857")
    assert_nothing_lost(result, 3)
    assert result["OUTPUT"].crs().authid() == "EPSG:3857"
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(4.0247, 49.2583)
    assert sites(result)["51454_0001"]["_geom"].distance(shapely.Point(x, y)) < 0.01


def test_help_and_parameters(plugin):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("friches:import_inventory")
    names = [p.name() for p in alg.parameterDefinitions()]
    for name in ("INPUT", "FIELD_MAPPING", "TARGET_CRS", "SOURCE_CRS", "ENCODING", "INVENTORY", "OUTPUT",
                 "OUTPUT_POLYGONS", "REPORT"):
        assert name in names
    assert all(p.help() for p in alg.parameterDefinitions())
    outputs = {o.name() for o in alg.outputDefinitions()}
    assert {"IMPORTED", "REJECTED", "WARNINGS", "ADDED", "UPDATED", "UNCHANGED"} <= outputs
    text = alg.shortHelpString()
    assert "site_actu_date" in text and "cnig_field=source_field" in text


# -- merge into an inventory GeoPackage ----------------------------------------------------------------------------


def _gpkg_sites(path, layer="friches"):
    gpkg = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert gpkg.isValid()
    return {r["site_id"]: r for r in rows_of(gpkg)}


def _edit_in_gpkg(path, site_id, **values):
    """What the dock panel does: edit the friches layer directly and set site_actu_date."""
    layer = QgsVectorLayer(f"{path}|layername=friches", "friches", "ogr")
    feat = next(f for f in layer.getFeatures() if f["site_id"] == site_id)
    changes = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            value = QDate(value.year, value.month, value.day)
        changes[layer.fields().indexOf(name)] = value
    assert layer.dataProvider().changeAttributeValues({feat.id(): changes})


def test_merge_into_inventory(plugin, processing_context, feedback, tmp_dir):
    gpkg = tmp_dir / "inventaire.gpkg"

    # 1. a new file: everything added
    first = run_import(processing_context, feedback, csv_table(BAD_CSV), INVENTORY=str(gpkg))
    assert_nothing_lost(first, 14)
    assert (first["ADDED"], first["UPDATED"], first["UNCHANGED"]) == (11, 0, 0)
    assert first["INVENTORY"] == str(gpkg)
    assert first["INVENTORY_LAYER"] == f"{gpkg}|layername=friches"
    stored = _gpkg_sites(gpkg)
    assert len(stored) == 11
    assert len(_gpkg_sites(gpkg, "friches_emprises")) == 3
    assert stored["12345_0001"]["site_identif_date"] == dt.date(2020, 1, 15)

    # 2. the same file again: nothing changes
    again = run_import(processing_context, feedback, csv_table(BAD_CSV), INVENTORY=str(gpkg))
    assert_nothing_lost(again, 14)
    assert (again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 11)

    # 3. edits made in the dock panel today; another site edited long ago
    today = dt.date.today()
    _edit_in_gpkg(gpkg, "12345_0001", site_nom="Filature (vue sur place)", site_actu_date=today)
    _edit_in_gpkg(gpkg, "12345_0003", site_actu_date=dt.date(2021, 1, 1), comm_nom="Testville-le-Haut")

    # 4. a newer extract: 0001 (older than the local edit), 0003 (newer, with empty fields), a new site
    newer = tmp_dir / "newer.csv"
    newer.write_text(
        "site_id,site_nom,site_type,site_identif_date,site_actu_date,comm_nom,comm_insee,urba_zaer,source_nom,"
        "geompoint,geomsurf\n"
        "12345_0001,Filature rénovée,friche industrielle,2020-01-15,2024-06-01,Testville,12345,non,TEST,"
        "POINT(770050 6905050),\n"
        "12345_0003,Garage Renault (démoli),,2020-01-15,2025-01-01,,12345,non,TEST,POINT(771025 6905025),\n"
        "12345_0099,Nouvelle friche,friche commerciale,2025-01-01,2025-01-01,Testville,12345,non,TEST,"
        "POINT(790000 6905000),\n",
        encoding="utf-8",
    )
    merged = run_import(processing_context, feedback, csv_table(newer), INVENTORY=str(gpkg))
    assert_nothing_lost(merged, 3)
    assert (merged["ADDED"], merged["UPDATED"], merged["UNCHANGED"]) == (1, 1, 1)
    after = _gpkg_sites(gpkg)

    # never delete: the 9 sites absent from the newer extract are untouched
    assert len(after) == 12
    for sid, before in stored.items():
        if sid not in ("12345_0001", "12345_0003"):
            assert after[sid]["site_nom"] == before["site_nom"]
            assert after[sid]["site_actu_date"] == before["site_actu_date"]

    # the local edit wins over an older incoming row, and is reported
    assert after["12345_0001"]["site_nom"] == "Filature (vue sur place)"
    assert after["12345_0001"]["site_actu_date"] == today
    kept = lines(merged, "inventory_kept", 1)
    assert len(kept) == 1 and today.isoformat() in kept[0]["reason"]

    # the newer incoming row updates, but its empty values never blank stored ones
    s3 = after["12345_0003"]
    assert s3["site_nom"] == "Garage Renault (démoli)"
    assert s3["site_actu_date"] == dt.date(2025, 1, 1)
    assert s3["comm_nom"] == "Testville-le-Haut"
    assert s3["site_type"] == "inconnu"  # was already 'inconnu' (unknown 'friche garage' in the first import)
    assert s3["has_polygon"] is True  # its polygon stays: the newer row has none
    assert s3["site_surface"] == pytest.approx(2500.0)
    assert lines(merged, "inventory_updated", 2)

    # the new site is added
    assert after["12345_0099"]["site_nom"] == "Nouvelle friche"
    assert len(_gpkg_sites(gpkg, "friches_emprises")) == 3


def test_merge_adds_missing_layer_to_existing_gpkg(plugin, processing_context, feedback, tmp_dir):
    from osgeo import gdal

    gpkg = tmp_dir / "projet.gpkg"
    gdal.VectorTranslate(str(gpkg), str(GEOJSON), format="GPKG", layerName="autre_couche")
    result = run_import(processing_context, feedback, str(GEOJSON), INVENTORY=str(gpkg))
    assert_nothing_lost(result, 3)
    assert result["ADDED"] == 3
    from friches_tierslieux.processing.inventory_store import gpkg_layer_names

    assert set(gpkg_layer_names(str(gpkg))) == {"autre_couche", "friches", "friches_emprises", "friches_history"}
    assert len(_gpkg_sites(gpkg)) == 3


# -- the Ingeville demo ------------------------------------------------------------------------------------------


def test_ingeville_demo_csv(plugin, processing_context, feedback):
    if not INGEVILLE_CSV.exists():
        pytest.skip(f"{INGEVILLE_CSV.relative_to(ROOT)} not generated yet (demo/generate_ingeville.py)")
    source = csv_table(INGEVILLE_CSV)
    n = source.featureCount()
    assert n > 0
    result = run_import(processing_context, feedback, source)
    assert_nothing_lost(result, n)
    assert result["REJECTED"] == 0, lines(result, severity="error")
    assert result["IMPORTED"] == n
    assert result["OUTPUT"].crs().authid() == "EPSG:2154"
