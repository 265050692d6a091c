"""``friches:prepare_territory`` through Processing on the real extracts of tests/data, each result checked against
a computation made here with GDAL/OGR and shapely on the source files:

- Marseille 10e: the arrondissement's outline (tests/data/territory, drawn from the BD TOPO extract's own
  roads) with the real BD TOPO roads and the real national Cartofriches sample: the friches inside are the
  sample's rows whose point lies inside; the roads are the source's, attributes identical, cut at the edge;
- the two real PLU exports (Pezou, Trois Provinces) given together for a territory across both;
- a Filosofi grid given as CSV (cells rebuilt from their names);
- the Ingeville demo prepared then analysed by ``friches:full_analysis`` from the GeoPackage alone, with the
  same scores as an analysis given each layer explicitly;
- errors, missing sources in the report, cancel.
"""

import csv
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
DEMO = ROOT / "demo" / "ingeville"
CONTOUR = DATA / "territory" / "marseille10_contour.geojson"
BDTOPO = DATA / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
CARTOFRICHES = DATA / "cartofriches" / "friches_standard_sample_2025.csv"
PEZOU = DATA / "plu" / "41175_PLU_20140603"
TROIS_PROVINCES = DATA / "plu" / "241800432_PLUi_20200128"


class Log(QgsProcessingFeedback):
    def __init__(self, cancel_on=None):
        super().__init__()
        self.lines = []
        self.cancel_on = cancel_on

    def pushInfo(self, info):
        self.lines.append(info)
        if self.cancel_on and info.startswith(self.cancel_on):
            self.cancel()
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.lines.append(warning)
        super().pushWarning(warning)


def run(context, feedback=None, alg="friches:prepare_territory", **params):
    from qgis import processing

    return processing.run(alg, params, context=context, feedback=feedback or Log())


def transformer(src, dst):
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromEPSG(src)
    b.ImportFromEPSG(dst)
    a.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    b.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(a, b)
    return lambda geom: shapely.transform(geom, lambda c: np.asarray(ct.TransformPoints(c[:, :2]))[:, :2])


def contour_l93():
    with open(CONTOUR, encoding="utf-8") as fh:
        geometry = json.load(fh)["geometry"]
    return transformer(4326, 2154)(shapely.geometry.shape(geometry))


def read_layer(path, name):
    """{fid: (attributes dict, shapely geometry)} of a layer read with OGR."""
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(name)
    assert layer is not None, name
    out = {}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        out[feature.GetFID()] = (feature.items(), shapely.from_wkb(bytes(geometry.ExportToIsoWkb()))
                                 if geometry is not None else None)
    return out


def layer_srs(path, name):
    ds = ogr.Open(str(path))
    return ds.GetLayerByName(name).GetSpatialRef().GetAuthorityCode(None)


def report(path):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return {row["layer"]: dict(row) for row in db.execute("SELECT * FROM prepare_report")}


def friches_inside(area):
    """site_id of the Cartofriches sample rows whose point lies in ``area`` (Lambert-93)."""
    to_l93 = transformer(4326, 2154)
    out = set()
    with open(CARTOFRICHES, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            text = row["geompoint"]
            if text.startswith("POINT ("):
                lon, lat = (float(v) for v in text[7:-1].split())
                if area.intersects(to_l93(shapely.Point(lon, lat))):
                    out.add(row["site_id"])
    return out


def test_registered(plugin):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("friches:prepare_territory")
    assert alg is not None and "<h3>" in alg.shortHelpString()
    assert alg.parameterDefinition("BUFFER_M").defaultValue() == 5000.0
    assert alg.parameterDefinition("ONLINE").defaultValue() == []
    assert alg.groupId() == "territory"


def test_marseille_10e_real_roads_and_friches(plugin, processing_context, tmp_dir):
    out = tmp_dir / "marseille10.gpkg"
    result = run(processing_context, TERRITORY_LAYER=str(CONTOUR), BUFFER_M=0, ROADS=str(BDTOPO),
                 FRICHES=str(CARTOFRICHES), OUTPUT=str(out))
    territory = contour_l93()

    # the friches: exactly the sample's rows inside the arrondissement, imported in the CNIG standard
    expected = friches_inside(territory)
    assert {"13055_15388", "13055_2502", "13055_2503"} <= expected  # SEVIA, the Huilerie, Sud Fer
    friches = read_layer(out, "friches")
    assert {attrs["site_id"] for attrs, _g in friches.values()} == expected
    assert result["FRICHES_KEPT"] == len(expected)
    assert all(territory.intersects(g) for _a, g in friches.values())
    assert layer_srs(out, "friches") == "2154"

    # the roads: every source road meeting the outline, attributes identical, geometry cut at the outline
    source = {attrs["cleabs"]: (attrs, geom) for attrs, geom in read_layer(BDTOPO, "troncon_de_route").values()}
    prepared = {attrs["cleabs"]: (attrs, geom) for attrs, geom in read_layer(out, "routes").values()}
    meeting = {k for k, (_a, g) in source.items() if territory.intersects(g)
               and not territory.intersection(g).geom_type.endswith("Point")}
    assert set(prepared) == meeting and len(meeting) < len(source)
    cut = 0
    for key, (attrs, geom) in prepared.items():
        assert attrs == source[key][0]  # every attribute, its type and value
        original = source[key][1]
        assert geom.geom_type == "MultiLineString" and shapely.has_z(geom)
        if territory.contains_properly(original):
            assert shapely.equals(shapely.force_2d(geom), shapely.force_2d(original))
        else:
            cut += 1
            assert geom.length == pytest.approx(territory.intersection(original).length, abs=0.01)
    assert cut > 20 and result["ROADS_KEPT"] == len(meeting)

    rows = report(out)
    assert rows["routes"]["features_kept"] == len(meeting) and rows["routes"]["features_clipped"] == cut
    assert rows["routes"]["features_read"] == rows["routes"]["features_kept"] + rows["routes"]["dropped_outside"]
    assert rows["friches"]["features_read"] == 2594 and rows["friches"]["features_kept"] == len(expected)
    assert rows["friches"]["dropped_outside"] == 2594 - len(expected)
    for layer in ("population_200m", "tiers_lieux", "services", "zone_urba", "gtfs_feed"):
        assert rows[layer]["status"] == "missing" and rows[layer]["note"]
    area = read_layer(out, "territory_area")
    assert len(area) == 1 and next(iter(area.values()))[1].area == pytest.approx(territory.area, rel=1e-6)


def test_marseille_default_buffer_takes_the_surroundings(plugin, processing_context, tmp_dir):
    out = tmp_dir / "marseille10_5km.gpkg"
    result = run(processing_context, TERRITORY_LAYER=str(CONTOUR), ROADS=str(BDTOPO), FRICHES=str(CARTOFRICHES),
                 OUTPUT=str(out))
    area = contour_l93().buffer(5000)
    assert result["ROADS_KEPT"] == 2936  # the whole extract lies within 5 km
    expected = friches_inside(area)
    assert len(expected) > len(friches_inside(contour_l93()))
    assert {attrs["site_id"] for attrs, _g in read_layer(out, "friches").values()} == expected
    assert "friches_emprises" in result["LAYERS"] and "import_report" in result["LAYERS"]


def test_the_two_real_plu_together(plugin, processing_context, tmp_dir):
    """A territory of two pieces, one in Pezou (Loir-et-Cher) and one in the Trois Provinces (Cher): the zones
    meeting each piece from both documents in one zone_urba layer (fields of CNIG 2014 and 2017 together)."""
    pieces = []
    plu_files = []
    for folder, stem in ((PEZOU, "ZONE_URBA"), (TROIS_PROVINCES, "241800432_ZONE_URBA_20200128")):
        zones = read_layer(folder / f"{stem}.shp", stem)
        geoms = [g for _a, g in zones.values()]
        centre = shapely.union_all(geoms).centroid
        pieces.append(shapely.box(centre.x - 800, centre.y - 800, centre.x + 800, centre.y + 800))
        plu_files += sorted(str(p) for p in folder.glob("*.shp"))
    territory_path = tmp_dir / "two_pieces.geojson"
    territory_path.write_text(json.dumps({"type": "FeatureCollection", "crs": {
        "type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}, "features": [
        {"type": "Feature", "properties": {"nom": f"piece {i}"}, "geometry": json.loads(shapely.to_geojson(p))}
        for i, p in enumerate(pieces)]}))
    out = tmp_dir / "plu.gpkg"
    run(processing_context, TERRITORY_LAYER=str(territory_path), BUFFER_M=0, PLU=plu_files, OUTPUT=str(out))
    area = shapely.union_all(pieces)
    for role, stems in (("zone_urba", ("ZONE_URBA", "241800432_ZONE_URBA_20200128")),
                        ("prescription_lin", ("PRESCRIPTION_LIN", "241800432_PRESCRIPTION_LIN_20200128")),
                        ("prescription_pct", ("PRESCRIPTION_PCT", "241800432_PRESCRIPTION_PCT_20200128"))):
        expected = []
        for folder, stem in zip((PEZOU, TROIS_PROVINCES), stems):
            expected += [attrs for attrs, g in read_layer(folder / f"{stem}.shp", stem).values()
                         if g is not None and area.intersects(g)]
        got = [attrs for attrs, _g in read_layer(out, role).values()]
        assert len(got) == len(expected) > 0, role
        # the same records, whatever fields each document has (Pezou's CNIG 2014 has no STYPEPSC)
        key = lambda a: json.dumps({k.upper(): v for k, v in a.items() if v is not None}, sort_keys=True)  # noqa: E731
        assert sorted(map(key, got)) == sorted(map(key, expected)), role
        assert layer_srs(out, role) == "2154"
    idurba = {attrs.get("IDURBA") for attrs, _g in read_layer(out, "zone_urba").values()}
    assert "241800432_PLUI_20200128" in idurba and len(idurba) == 2
    rows = report(out)
    assert rows["zone_urba"]["features_kept"] + rows["zone_urba"]["dropped_outside"] == \
        rows["zone_urba"]["features_read"]


def test_filosofi_grid_as_csv(plugin, processing_context, tmp_dir):
    """Cells named CRS3035RES200mN…E… around the arrondissement: those meeting it come back as 200 m squares."""
    territory = contour_l93()
    to_laea = transformer(2154, 3035)
    minx, miny, maxx, maxy = to_laea(territory).bounds
    rows, expected = [], 0
    back = transformer(3035, 2154)
    for n in range(int(miny // 200 - 3) * 200, int(maxy // 200 + 3) * 200, 200):
        for e in range(int(minx // 200 - 3) * 200, int(maxx // 200 + 3) * 200, 200):
            rows.append(f"CRS3035RES200mN{n}E{e};13210;{(n + e) % 97}.5;{(n // 200) % 7}\n")
            expected += territory.intersects(back(shapely.box(e, n, e + 200, n + 200)))
    grid = tmp_dir / "Filosofi2021_carreaux_200m.csv"
    grid.write_text("idcar_200m;lcog_geo;Ind;men\n" + "".join(rows))
    out = tmp_dir / "grid.gpkg"
    result = run(processing_context, TERRITORY_LAYER=str(CONTOUR), BUFFER_M=0, POPULATION=str(grid), OUTPUT=str(out))
    cells = read_layer(out, "population_200m")
    assert result["CELLS_KEPT"] == len(cells) == expected
    attrs, geom = next(iter(cells.values()))
    assert set(attrs) == {"idcar_200m", "lcog_geo", "ind", "men"}  # lower case, as the analysis reads them
    assert geom.area == pytest.approx(40_000, rel=0.01)  # a 200 m square, reprojected
    row = report(out)["population_200m"]
    # read = the cells within the area's box (as a spatial index gives them), each kept or dropped
    assert row["features_read"] == row["features_kept"] + row["dropped_outside"] < len(rows)


def test_demo_prepared_then_analysed_from_the_geopackage_alone(plugin, processing_context, tmp_dir):
    gpkg = DEMO / "ingeville.gpkg"

    def demo(table):
        return f"{gpkg}|layername={table}"

    out = tmp_dir / "ingeville_prepared.gpkg"
    gtfs_zip = tmp_dir / "gtfs_clipped.zip"
    result = run(processing_context, TERRITORY_LAYER=demo("communes"), ROADS=demo("routes"),
                 POPULATION=demo("population_200m"), FRICHES=str(DEMO / "friches_ingeville.csv"),
                 GTFS=[str(DEMO / "gtfs_ingeville.zip")], PLACES=demo("tiers_lieux"), SERVICES=demo("services"),
                 PLU=[demo("zone_urba"), demo("prescription_surf")], OUTPUT=str(out), OUTPUT_GTFS=str(gtfs_zip))
    assert result["FRICHES_KEPT"] == 43 and result["TRIPS_KEPT"] > 0 and gtfs_zip.exists()
    for layer in ("communes", "routes", "population_200m", "friches", "friches_emprises", "tiers_lieux", "services",
                  "zone_urba", "prescription_surf", "gtfs_feed", "prepare_report"):
        assert layer in result["LAYERS"], layer
    with sqlite3.connect(out) as db:
        blob = db.execute("SELECT zip FROM gtfs_feed").fetchone()[0]
    assert blob == gtfs_zip.read_bytes()
    # run from the QGIS window, the prepared layers load with the plugin's styles
    to_load = {uri.split("layername=")[1]: details for uri, details in
               processing_context.layersToLoadOnCompletion().items() if str(out) in uri}
    assert {"communes", "routes", "population_200m", "friches", "tiers_lieux", "zone_urba"} <= set(to_load)
    assert "prepare_report" not in to_load and "gtfs_feed" not in to_load
    for table, renderer in (("population_200m", "graduatedSymbol"), ("friches", "categorizedSymbol"),
                            ("routes", "RuleRenderer")):  # the demo's roads are OpenStreetMap's
        layer = QgsVectorLayer(f"{out}|layername={table}", table, "ogr")
        to_load[table].postProcessor().postProcessLayer(layer, processing_context, Log())
        assert layer.renderer().type() == renderer, table

    analysis = run(processing_context, alg="friches:full_analysis", PREPARED=str(out),
                   OUTPUT_GPKG=str(tmp_dir / "from_prepared.gpkg"), OUTPUT_PDF=None)
    assert analysis["SKIPPED"] == "step 10: no PDF file asked: atlas skipped."
    explicit = run(processing_context, alg="friches:full_analysis", INVENTORY=f"{out}|layername=friches",
                   INVENTORY_POLYGONS=f"{out}|layername=friches_emprises", NETWORK=f"{out}|layername=routes",
                   POPULATION=f"{out}|layername=population_200m", GTFS=str(gtfs_zip),
                   ZONES=f"{out}|layername=zone_urba", PRESCRIPTIONS=[f"{out}|layername=prescription_surf"],
                   PLACES=f"{out}|layername=tiers_lieux", SERVICES=f"{out}|layername=services",
                   TERRITORY=f"{out}|layername=communes", OUTPUT_GPKG=str(tmp_dir / "explicit.gpkg"), OUTPUT_PDF=None)

    def scores(path):
        with sqlite3.connect(path) as db:
            return sorted(db.execute("SELECT site_id, score_coworking, score_fablab, score_mediation, ptal, "
                                     "zone_libelle, pop_15min FROM sites_scored"))

    assert scores(tmp_dir / "from_prepared.gpkg") == scores(tmp_dir / "explicit.gpkg")
    assert len(scores(tmp_dir / "from_prepared.gpkg")) == 43
    assert explicit["SKIPPED"] == analysis["SKIPPED"]


def test_errors_are_named(plugin, processing_context, tmp_dir):
    out = str(tmp_dir / "x.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, OUTPUT=out)
    assert "territory" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, TERRITORY="Marseille", COMMUNES=str(CONTOUR), OUTPUT=out)
    assert "'Marseille'" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, TERRITORY="13210", OUTPUT=out)
    assert "communes layer" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, TERRITORY_LAYER=str(CONTOUR), ROADS=str(BDTOPO), ONLINE=[2], OUTPUT=out)
    assert "not both" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, TERRITORY="13210, 13299", COMMUNES=str(CONTOUR), OUTPUT=out)
    assert "13299" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, TERRITORY_LAYER=str(CONTOUR), PLU=[str(BDTOPO)], OUTPUT=out)
    assert "ZONE_URBA" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, alg="friches:full_analysis", OUTPUT_GPKG=str(tmp_dir / "r.gpkg"))
    assert "prepared territory" in str(err.value)
    assert not Path(out).exists()


def test_codes_found_in_a_communes_layer(plugin, processing_context, tmp_dir):
    """TERRITORY as codes with the outlines taken from a communes layer (its INSEE field): here the contour file,
    whose 'code' field holds 13210."""
    out = tmp_dir / "codes.gpkg"
    run(processing_context, TERRITORY="13210", COMMUNES=str(CONTOUR), BUFFER_M=100, ROADS=str(BDTOPO),
        OUTPUT=str(out))
    communes = read_layer(out, "communes")
    (attrs, geom), = communes.values()
    assert attrs["code"] == "13210" and attrs["nom"] == "Marseille 10e Arrondissement"
    assert geom.area == pytest.approx(contour_l93().area, rel=1e-6)


def test_cancel_leaves_no_file(plugin, processing_context, tmp_dir):
    out = tmp_dir / "canceled.gpkg"
    feedback = Log(cancel_on="Step 3/7")
    with pytest.raises(QgsProcessingException):
        run(processing_context, feedback, TERRITORY_LAYER=str(CONTOUR), ROADS=str(BDTOPO),
            POPULATION=f"{DEMO / 'ingeville.gpkg'}|layername=population_200m", FRICHES=str(CARTOFRICHES),
            OUTPUT=str(out))
    assert not out.exists()
    assert not list(tmp_dir.glob("friches_territory_*"))  # the working folder is removed too


def test_openstreetmap_file_gives_its_roads_only(plugin, processing_context, tmp_dir):
    """An OpenStreetMap extract (.osm.pbf): its lines layer is read (not its points), and only the ways with a
    highway tag (not the railways, rivers or walls), cut at the area."""
    osm = DATA / "osm" / "Helsinki.osm.pbf"
    area = shapely.box(24.940, 60.167, 24.948, 60.173)
    territory = tmp_dir / "kamppi.geojson"
    territory.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": json.loads(shapely.to_geojson(area))}]}))
    out = tmp_dir / "osm.gpkg"
    result = run(processing_context, TERRITORY_LAYER=str(territory), BUFFER_M=0, ROADS=str(osm), OUTPUT=str(out))
    area_l93 = transformer(4326, 2154)(area)
    expected, others = set(), 0
    for attrs, geom in read_layer(osm, "lines").values():
        cut = area_l93.intersection(transformer(4326, 2154)(geom))
        if cut.is_empty or cut.geom_type.endswith("Point"):
            continue
        if attrs["highway"]:
            expected.add(attrs["osm_id"])
        else:
            others += 1
    roads = read_layer(out, "routes")
    assert {a["osm_id"] for a, _g in roads.values()} == expected and result["ROADS_KEPT"] == len(expected) > 100
    assert others > 0  # there were other lines in the area, left out
    assert all(a["highway"] for a, _g in roads.values())
    assert "highway" in report(out)["routes"]["note"]


def test_services_from_a_bpe_like_csv(plugin, processing_context, tmp_dir):
    """A BPE-like table: ';', windows-1252, coordinates in LAMBERT_X / LAMBERT_Y columns."""
    territory = contour_l93()
    minx, miny, maxx, maxy = territory.bounds
    rows, expected = [], set()
    for i, (x, y) in enumerate(np.column_stack([np.linspace(minx - 500, maxx + 500, 40),
                                                np.linspace(miny - 500, maxy + 500, 40)])):
        rows.append(f"F30{i:02d};Médiathèque n°{i};13210;{x:.1f};{y:.1f}\n")
        if territory.intersects(shapely.Point(round(x, 1), round(y, 1))):
            expected.add(f"Médiathèque n°{i}")
    bpe = tmp_dir / "bpe24.csv"
    bpe.write_bytes(("TYPEQU;NOMRS;DEPCOM;LAMBERT_X;LAMBERT_Y\n" + "".join(rows)).encode("cp1252"))
    out = tmp_dir / "services.gpkg"
    run(processing_context, TERRITORY_LAYER=str(CONTOUR), BUFFER_M=0, SERVICES=str(bpe), OUTPUT=str(out))
    services = read_layer(out, "services")
    assert {a["NOMRS"] for a, _g in services.values()} == expected and 0 < len(expected) < 40
    assert all(territory.intersects(g) for _a, g in services.values())
