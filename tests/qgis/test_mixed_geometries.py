"""Layers mixing points, lines, polygons and geometry collections: no algorithm loses a site (issue 12,
"silently missing features": the outside campaign saw catchment write 2 sites of 4, score_candidates 17 of
43 while saying 43, select_sites 3 of 5).

The 43 Ingeville friches are written with five kinds of geometry in turn (point, polygon, line, collection
of a point and a polygon, two-part multipolygon) into the two kinds of mixed layers users meet: a GeoJSON
(QGIS declares it of the type of its first feature, Point) and a GeoPackage whose column is GEOMETRY (no
type). Every algorithm writing the sites must write all of them, each geometry fitted to the output's
type as shapely computes it (point on surface of the whole geometry, the point of a point-and-polygon
collection), and list the changed ones by site_id in its REPORT table.
"""

import csv
from pathlib import Path

import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
GPKG = DEMO / "ingeville.gpkg"

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="the Ingeville demo is not generated")


def demo(table):
    return f"{GPKG}|layername={table}"


def mixed_geometries():
    """[(site_id, site_nom, shapely geometry, expected point for a point output, expected report action)]."""
    with open(DEMO / "friches_ingeville.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for k, row in enumerate(rows):
        point = shapely.from_wkt(row["geompoint"])
        polygon = shapely.from_wkt(row["geomsurf"]) if row["geomsurf"] else point.buffer(40)
        kind = k % 5
        if kind == 0:
            geom, action = point, ""
        elif kind == 1:
            geom, action = polygon, "point_on_surface"
        elif kind == 2:
            geom, action = shapely.LineString([(point.x, point.y), (point.x + 60, point.y + 30)]), "point_on_surface"
        elif kind == 3:
            geom, action = shapely.GeometryCollection([shapely.Point(point.x + 5, point.y + 5), polygon]), \
                "parts_dropped"
        else:
            geom = shapely.MultiPolygon([polygon, shapely.box(point.x + 500, point.y, point.x + 540, point.y + 40)])
            action = "point_on_surface"
        expected = shapely.Point(point.x + 5, point.y + 5) if kind == 3 else shapely.point_on_surface(geom)
        out.append((row["site_id"], row["site_nom"], geom, expected, action))
    return out


def write_mixed(path, driver, sites, cost=None):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = dataset.CreateLayer("sites", srs, ogr.wkbUnknown)
    for name in ("site_id", "site_nom"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    if cost is not None:
        layer.CreateField(ogr.FieldDefn("cost", ogr.OFTReal))
    for site_id, site_nom, geom, _expected, _action in sites:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("site_id", site_id)
        feature.SetField("site_nom", site_nom)
        if cost is not None:
            feature.SetField("cost", cost)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
        layer.CreateFeature(feature)
    dataset = None
    return path


@pytest.fixture(scope="module")
def sites():
    return mixed_geometries()


@pytest.fixture(scope="module", params=["GeoJSON", "GPKG"])
def mixed_layer(request, sites, tmp_path_factory):
    suffix = ".geojson" if request.param == "GeoJSON" else ".gpkg"
    path = write_mixed(tmp_path_factory.mktemp("mixed") / f"sites{suffix}", request.param, sites)
    layer = QgsVectorLayer(str(path), "sites", "ogr")
    assert layer.isValid() and layer.featureCount() == len(sites)
    del layer
    return str(path)  # a path, not a layer object: each run's context opens (and closes) its own


@pytest.fixture()
def context(processing_context):
    yield processing_context


def run(context, alg, **params):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    return processing.run(f"friches:{alg}", params, context=context, feedback=QgsProcessingFeedback())


def output(result, name, context):
    value = result[name]
    return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, context)


def check_sites(layer, sites, report, output_label=None):
    """Every site written, at the point shapely expects; every change in the report by site_id."""
    by_id = {f["site_id"]: f for f in layer.getFeatures()}
    chosen = {s[0] for s in sites}
    assert set(by_id) == chosen
    for site_id, _nom, _geom, expected, _action in sites:
        got = shapely.from_wkb(bytes(by_id[site_id].geometry().asWkb()))
        assert got.geom_type == "Point"
        assert got.distance(expected) < 1e-6, site_id
    lines = {(f["site_id"], f["action"]) for f in report.getFeatures()
             if output_label is None or f["output"] == output_label}
    assert lines == {(s[0], s[4]) for s in sites if s[4]}


def test_score_candidates_writes_every_site(plugin, context, mixed_layer, sites):
    result = run(context, "score_candidates", INPUT=mixed_layer, SERVICES=demo("services"), PLACES=demo("tiers_lieux"),
                 OUTPUT="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    scored = output(result, "OUTPUT", context)
    assert result["SITES"] == len(sites) == scored.featureCount() == 43
    check_sites(scored, sites, output(result, "REPORT", context))


def test_zoning_overlay_writes_every_site(plugin, context, mixed_layer, sites):
    result = run(context, "zoning_overlay", INPUT=mixed_layer, ZONES=demo("zone_urba"), OUTPUT="TEMPORARY_OUTPUT",
                 OUTPUT_ZONES="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    assert result["SITES"] == 43
    check_sites(output(result, "OUTPUT", context), sites, output(result, "REPORT", context), "Sites with zoning")


def test_transit_coverage_writes_every_site(plugin, context, mixed_layer, sites):
    result = run(context, "transit_coverage", INPUT=mixed_layer, GTFS=str(DEMO / "gtfs_ingeville.zip"),
                 GRID_CELL=0, OUTPUT="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    layer = output(result, "OUTPUT", context)
    check_sites(layer, sites, output(result, "REPORT", context))
    assert all(f["ptal"] is not None for f in layer.getFeatures())  # each measured from its point on surface


def test_catchment_writes_every_site(plugin, context, tmp_path, sites):
    chosen = sites[:4]  # a point, a polygon, a line and a collection: the campaign got 2 of these 4
    layer = QgsVectorLayer(str(write_mixed(tmp_path / "four.gpkg", "GPKG", chosen)), "four", "ogr")
    result = run(context, "catchment", INPUT=layer, NETWORK=demo("routes"), TIMES="5", OUTPUT="TEMPORARY_OUTPUT",
                 OUTPUT_SITES="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    check_sites(output(result, "OUTPUT_SITES", context), chosen, output(result, "REPORT", context))


def test_select_sites_writes_every_chosen_site(plugin, context, tmp_path, sites):
    """Five mixed candidates, each with its own catchment: the five are chosen, the five are written."""
    chosen = sites[5:10]
    candidates = QgsVectorLayer(str(write_mixed(tmp_path / "five.gpkg", "GPKG", chosen)), "five", "ogr")
    catchments = QgsVectorLayer("Polygon?crs=EPSG:2154&field=site_id:string&field=minutes:double", "c", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    features = []
    for site_id, _nom, _geom, expected, _action in chosen:
        feature = QgsFeature(catchments.fields())
        feature.setAttributes([site_id, 15.0])
        feature.setGeometry(QgsGeometry.fromWkt(expected.buffer(800).wkt))
        features.append(feature)
    catchments.dataProvider().addFeatures(features)
    result = run(context, "select_sites", INPUT=candidates, CATCHMENTS=catchments, POPULATION=demo("population_200m"),
                 K=5, OUTPUT="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    selection = output(result, "OUTPUT", context)
    assert result["SELECTED"] == selection.featureCount()
    winners = [s for s in chosen if s[0] in {f["site_id"] for f in selection.getFeatures()}]
    assert len(winners) == result["SELECTED"] >= 4
    check_sites(selection, winners, output(result, "REPORT", context))


def test_export_atlas_prints_every_site(plugin, context, tmp_path, mixed_layer):
    pdf = tmp_path / "atlas.pdf"
    result = run(context, "export_atlas", INPUT=mixed_layer, LANGUAGE=1, DPI=50, FILTER_EXPRESSION="",
                 MAX_PAGES=0, OUTPUT_PDF=str(pdf))
    assert result["PAGES"] == 43 and pdf.exists()


def test_full_analysis_report_warns_once_per_output(plugin, tmp_path, mixed_layer):
    """Warnings name the sites (the first ten, then …), once per output and kind of change."""
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):
            self.warnings.append(text)

    log = Log()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("friches:score_candidates", {"INPUT": mixed_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
                   context=context, feedback=log)
    changed = [w for w in log.warnings if "Scored sites" in w or "Sites notés" in w]
    assert len(changed) == 2  # point on surface, parts dropped
    assert any("…" in w for w in changed)  # 26 sites named by their first ten


def check_points(layer, sites):
    """Every site written, at the point shapely expects (the algorithms without a REPORT table of
    geometries warn instead)."""
    by_id = {f["site_id"]: f for f in layer.getFeatures()}
    assert set(by_id) == {s[0] for s in sites}
    for site_id, _nom, _geom, expected, _action in sites:
        got = shapely.from_wkb(bytes(by_id[site_id].geometry().asWkb()))
        assert got.geom_type == "Point" and got.distance(expected) < 1e-6, site_id


class Warnings:
    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Log(QgsProcessingFeedback):
            def pushWarning(inner, text):  # noqa: N805
                self.lines.append(text)

        self.lines = []
        self.feedback = Log()


def test_costs_and_programme_write_every_site(plugin, context, mixed_layer, sites, tmp_path):
    """The algorithms added with the costs write the sites through the same writer: all 43, each changed
    geometry named in a warning."""
    from qgis import processing

    log = Warnings()
    costed = processing.run("friches:site_costs", {"INPUT": mixed_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
                            context=context, feedback=log.feedback)
    check_points(output(costed, "OUTPUT", context), sites)
    changed = [s[0] for s in sites if s[4]]
    assert any(changed[0] in line and "point on surface" in line for line in log.lines), log.lines
    # a plain list of sites with their own costs (the same for all)
    layer = str(write_mixed(tmp_path / "costed.gpkg", "GPKG", sites, cost=100000.0))
    programme = processing.run("friches:acquisition_programme", {
        "INPUT": layer, "COST_FIELD": "cost", "OBJECTIVE": 3, "OBJECTIVE_FIELD": "cost", "BUDGET": 1_000_000,
        "START_YEAR": 2026, "YEARS": 3, "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=log.feedback)
    check_points(output(programme, "OUTPUT", context), sites)
