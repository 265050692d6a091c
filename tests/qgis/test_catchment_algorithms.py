"""``friches:catchment`` and ``friches:coverage_gaps`` through Processing: a hand-computed BD TOPO network,
the Ingeville demo territory, an INSEE-like grid in EPSG:3035, and a real OpenStreetMap extract (Helsinki)."""

from pathlib import Path

import numpy as np
import pytest
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
DEMO_GPKG = DEMO / "ingeville.gpkg"
DEMO_FRICHES = DEMO / "friches_ingeville.csv"
HELSINKI = ROOT / "tests" / "data" / "osm" / "Helsinki.osm.pbf"

needs_demo = pytest.mark.skipif(
    not (DEMO_GPKG.exists() and DEMO_FRICHES.exists()),
    reason="the Ingeville demo territory is not generated (demo/generate_ingeville.py)",
)


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, text):
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):
        self.infos.append(text)
        super().pushInfo(text)


def run(alg, context, feedback, **params):
    from qgis import processing

    params.setdefault("OUTPUT", "memory:")
    return processing.run(f"friches:{alg}", params, context=context, feedback=feedback)


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if (v is not None and hasattr(v, "isNull") and v.isNull()) else v
                             for v in f.attributes()]), geometry=f.geometry()) for f in layer.getFeatures()]


def memory_layer(kind, features, fields, crs="EPSG:2154"):
    layer = QgsVectorLayer(f"{kind}?crs={crs}&{fields}", "layer", "memory")
    feats = []
    for attrs, wkt in features:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def demo_layer(name):
    layer = QgsVectorLayer(f"{DEMO_GPKG}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def friches_layer(geometry="geompoint"):
    uri = f"file://{DEMO_FRICHES}?delimiter=,&wktField={geometry}&crs=EPSG:2154&detectTypes=no"
    layer = QgsVectorLayer(uri, "friches", "delimitedtext")
    assert layer.isValid() and layer.featureCount() > 0
    return layer


def test_algorithms_are_registered(plugin):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for name in ("catchment", "coverage_gaps"):
        alg = registry.algorithmById(f"friches:{name}")
        assert alg is not None, name
        assert alg.groupId() == "catchment" and alg.group() == "Catchment"
        assert "50 m" in alg.shortHelpString()
        # metres shown without six decimals; the outline is an advanced choice, automatic by default
        for param, decimals in (("TOLERANCE", 0), ("SNAP_TOLERANCE", 1), ("BUFFER", 0)):
            assert alg.parameterDefinition(param).metadata()["widget_wrapper"]["decimals"] == decimals
        outline = alg.parameterDefinition("OUTLINE")
        assert outline.defaultValue() == 0 and len(outline.options()) == 3


def test_bdtopo_network_one_way_and_cut_edge(plugin, processing_context):
    # BD TOPO schema, detected: a 1 km one-way section (Sens direct, 36 km/h = 10 m/s) and a footpath
    network = memory_layer(
        "LineString",
        [(["Route à 1 chaussée", "Sens direct", 36], "LINESTRING(0 0, 1000 0)"),
         (["Sentier", "Sans objet", 0], "LINESTRING(1000 0, 1000 500)")],
        "field=nature:string&field=sens_de_circulation:string&field=vitesse_moyenne_vl:integer",
    )
    sites = memory_layer(
        "Point",
        [(["A", "Mid street"], "POINT(500 20)"), (["B", "Far away"], "POINT(500 900)")],
        "field=site_id:string&field=name:string",
    )
    feedback = RecordingFeedback()
    result = run("catchment", processing_context, feedback, INPUT=sites, NETWORK=network, MODE=2, TIMES="0.5",
                 BUFFER=10, FILL_HOLES=False, OUTLINE=1, OUTPUT_SITES="memory:")
    assert any("BD TOPO" in text for text in feedback.infos)
    (catch,) = rows(result["OUTPUT"])
    box = catch["geometry"].boundingBox()
    # 30 s by car from x = 500, eastwards only, cut at x = 800; the path is closed to cars
    assert box.xMinimum() == pytest.approx(500, abs=1e-6) and box.xMaximum() == pytest.approx(800, abs=1e-6)
    assert catch["site_id"] == "A" and catch["minutes"] == 0.5 and catch["mode"] == "car"
    assert catch["population"] is None
    # the far site is reported by name, kept in the sites output, never silently dropped
    assert result["NOT_CONNECTED"] == 1
    assert any("Far away" in w and "900 m" in w for w in feedback.warnings)
    sites_out = {r["site_id"]: r for r in rows(result["OUTPUT_SITES"])}
    assert set(sites_out) == {"A", "B"}
    assert sites_out["B"]["network_status"] == "not connected: 900 m from the nearest road"
    assert sites_out["B"]["pop_0_5min"] is None and sites_out["A"]["network_dist_m"] == pytest.approx(20)
    # on foot, both ways along the street and up the footpath: 4.8 km/h for 10 min = 800 m
    walk = run("catchment", processing_context, RecordingFeedback(), INPUT=sites, NETWORK=network, MODE=0,
               TIMES="10", BUFFER=10, FILL_HOLES=False, OUTLINE=1, OUTPUT_SITES="memory:")
    box = rows(walk["OUTPUT"])[0]["geometry"].boundingBox()
    assert box.xMinimum() == pytest.approx(0 - 0, abs=1e-6)  # 500 m west: the whole street
    assert box.yMaximum() == pytest.approx(300, abs=1e-6)  # 500 m east, then 300 m up the path


def test_bad_times_are_refused(plugin, processing_context):
    from qgis.core import QgsProcessingException

    network = memory_layer("LineString", [([1], "LINESTRING(0 0, 100 0)")], "field=id:integer")
    sites = memory_layer("Point", [(["A"], "POINT(0 0)")], "field=site_id:string")
    with pytest.raises(QgsProcessingException, match="minutes"):
        run("catchment", processing_context, QgsProcessingFeedback(), INPUT=sites, NETWORK=network, TIMES="5,abc",
            OUTPUT_SITES="memory:")


def _insee_like_grid_3035(extent_2154, people_per_cell=100.0):
    """A 200 m grid in EPSG:3035 (like Filosofi) covering an extent given in Lambert-93."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsCoordinateReferenceSystem("EPSG:3035"), QgsProject.instance())
    box = transform.transformBoundingBox(extent_2154)
    x0, y0 = int(box.xMinimum() // 200) * 200, int(box.yMinimum() // 200) * 200
    features = []
    x = x0
    while x < box.xMaximum():
        y = y0
        while y < box.yMaximum():
            wkt = f"POLYGON(({x} {y},{x + 200} {y},{x + 200} {y + 200},{x} {y + 200},{x} {y}))"
            features.append(([people_per_cell], wkt))
            y += 200
        x += 200
    return memory_layer("Polygon", features, "field=ind:double", crs="EPSG:3035")


@needs_demo
@pytest.mark.parametrize("outline", [0, 1], ids=["automatic", "smooth"])
def test_demo_territory_catchments(plugin, processing_context, outline):
    routes = demo_layer("routes")
    population = demo_layer("population_200m")
    friches = friches_layer()
    feedback = RecordingFeedback()
    result = run("catchment", processing_context, feedback, INPUT=friches, SITE_ID_FIELD="site_id",
                 NETWORK=routes, MODE=0, TIMES="5,10,15", POPULATION=population, POPULATION_FIELD="ind",
                 OUTLINE=outline, OUTPUT_SITES="memory:")
    # on foot in a small town the automatic outline is the smooth buffers (short reaches on plain streets)
    assert any("smooth buffers" in text for text in feedback.infos)
    assert not any("m grid" in text for text in feedback.infos)
    assert any("OpenStreetMap" in text for text in feedback.infos)
    sites = rows(result["OUTPUT_SITES"])
    assert len(sites) == friches.featureCount()
    total = sum(f["ind"] for f in population.getFeatures())
    connected = [s for s in sites if s["network_status"].startswith("connected")]
    assert len(connected) >= 0.8 * len(sites)
    for site in connected:
        assert 0 <= site["pop_5min"] <= site["pop_10min"] <= site["pop_15min"] <= total + 1e-6
    assert max(s["pop_15min"] for s in connected) > 1000  # the town centre
    for site in sites:
        if not site["network_status"].startswith("connected"):
            assert site["pop_15min"] is None
            assert any(site["site_nom"] in w for w in feedback.warnings)
    catchments = rows(result["OUTPUT"])
    assert len(catchments) == 3 * len(connected)
    # largest band written first, bands nested, population matches the sites output
    assert catchments[0]["minutes"] == 15 and catchments[-1]["minutes"] == 5
    by_site = {}
    for c in catchments:
        by_site.setdefault(c["site_id"], {})[c["minutes"]] = c
    pops = {s["site_id"]: s for s in connected}
    for site_id, bands in by_site.items():
        assert bands[15]["geometry"].buffer(0.01, 2).contains(bands[5]["geometry"])
        assert bands[10]["population"] == pytest.approx(pops[site_id]["pop_10min"], abs=0.1)
        assert bands[5]["area_ha"] < bands[15]["area_ha"]
    # population against QGIS's own intersections, cell by cell, for the three largest catchments
    cells = [(f.geometry(), f["ind"]) for f in population.getFeatures()]
    transform = QgsCoordinateTransform(result["OUTPUT"].crs(), population.crs(), QgsProject.instance())
    largest = sorted((c for c in catchments if c["minutes"] == 15), key=lambda c: -c["population"])[:3]
    for c in largest:
        polygon = QgsGeometry(c["geometry"])
        polygon.transform(transform)
        expected = sum(ind * cell.intersection(polygon).area() / cell.area()
                       for cell, ind in cells if cell.intersects(polygon))
        assert c["population"] == pytest.approx(expected, abs=0.051)  # the field keeps one decimal


@needs_demo
def test_demo_polygon_sites_and_insee_grid_in_3035(plugin, processing_context):
    routes = demo_layer("routes")
    friches = friches_layer("geomsurf")
    grid = _insee_like_grid_3035(routes.extent())
    result = run("catchment", processing_context, RecordingFeedback(), INPUT=friches, NETWORK=routes, MODE=1,
                 TIMES="5", POPULATION=grid, POPULATION_FIELD="ind", OUTPUT_SITES="memory:")
    catchments = rows(result["OUTPUT"])
    assert catchments
    for c in catchments:
        # 100 people per 4 ha cell, spread evenly: population = 25 per hectare (EPSG:3035 is equal-area;
        # Lambert-93 areas differ by well under 1 %)
        assert c["population"] == pytest.approx(25 * c["area_ha"], rel=0.01)


@needs_demo
def test_demo_coverage_gaps(plugin, processing_context):
    routes = demo_layer("routes")
    population = demo_layer("population_200m")
    services = demo_layer("services")
    friches = friches_layer()
    feedback = RecordingFeedback()
    result = run("coverage_gaps", processing_context, feedback, INPUT=services, CANDIDATES=friches,
                 CANDIDATE_ID_FIELD="site_id", NETWORK=routes, MODE=0, TIME=10, POPULATION=population,
                 POPULATION_FIELD="ind", OUTPUT_CANDIDATES="memory:", OUTPUT_COVERED="memory:")
    total = sum(f["ind"] for f in population.getFeatures())
    assert result["TOTAL_POPULATION"] == pytest.approx(total)
    assert result["COVERED_POPULATION"] + result["UNCOVERED_POPULATION"] == pytest.approx(total)
    assert 0 < result["COVERED_PCT"] < 100
    gaps = rows(result["OUTPUT"])
    assert sum(g["population"] for g in gaps) == pytest.approx(result["UNCOVERED_POPULATION"], rel=1e-3, abs=1)
    assert [g["gap_id"] for g in gaps] == list(range(1, len(gaps) + 1))
    covered = rows(result["OUTPUT_COVERED"])[0]["geometry"]
    for gap in gaps[:20]:
        assert gap["geometry"].intersection(covered).area() < 1.0
    candidates = rows(result["OUTPUT_CANDIDATES"])
    assert len(candidates) == friches.featureCount()
    ranked = [c for c in candidates if c["new_pop_rank"] is not None]
    for c in ranked:
        assert 0 <= c["new_pop_10min"] <= c["pop_10min"] + 1e-6
        assert c["new_pop_10min"] <= result["UNCOVERED_POPULATION"] + 1e-6
    best = min(ranked, key=lambda c: c["new_pop_rank"])
    assert best["new_pop_10min"] == max(c["new_pop_10min"] for c in ranked)


@pytest.mark.skipif(not HELSINKI.exists(), reason="tests/data/osm/Helsinki.osm.pbf is missing")
def test_helsinki_osm_pbf_walk(plugin, processing_context):
    network = QgsVectorLayer(f"{HELSINKI}|layername=lines", "lines", "ogr")
    assert network.isValid()
    sites = memory_layer(
        "Point",
        [(["H1", "Rautatientori"], "POINT(24.9440 60.1710)"), (["H2", "Kamppi"], "POINT(24.9380 60.1690)"),
         (["H3", "Espoo, off the extract"], "POINT(24.70 60.20)")],
        "field=site_id:string&field=name:string", crs="EPSG:4326",
    )
    feedback = RecordingFeedback()
    result = run("catchment", processing_context, feedback, INPUT=sites, NETWORK=network, MODE=0, TIMES="5,10",
                 OUTPUT_SITES="memory:")
    # a geographic network is analysed in a projected CRS, and the user is told so
    assert any("EPSG:32635" in text for text in feedback.infos)
    assert result["OUTPUT"].crs().authid() == "EPSG:32635"
    catchments = rows(result["OUTPUT"])
    assert sorted({c["site_id"] for c in catchments}) == ["H1", "H2"]
    for c in catchments:
        # 10 minutes at 80 m/min: at most a disc of 800 m + 50 m; a dense city centre fills much of it
        assert 5 < c["area_ha"] < 3.1416 * 0.85**2 * 100
    assert any("Espoo" in w for w in feedback.warnings)
    status = {r["site_id"]: r["network_status"] for r in rows(result["OUTPUT_SITES"])}
    assert status["H3"].startswith("not connected") and status["H1"].startswith("connected")
    # sidewalks beside every street: the automatic outline is the 10 m grid; the smooth buffers cover
    # nearly the same ground, a little wider (50 m from the roads everywhere instead of 36 to 50 m, but
    # with flat ends where a road is cut at the time limit, where the grid keeps a round margin)
    assert any("10 m grid" in text for text in feedback.infos)
    smooth_feedback = RecordingFeedback()
    smooth = run("catchment", processing_context, smooth_feedback, INPUT=sites, NETWORK=network, MODE=0,
                 TIMES="5,10", OUTLINE=1, OUTPUT_SITES="memory:")
    assert not any("10 m grid" in text for text in smooth_feedback.infos)
    grid = {(f["site_id"], f["minutes"]): shapely.from_wkb(bytes(f.geometry().asWkb()))
            for f in result["OUTPUT"].getFeatures()}
    buffered = {(f["site_id"], f["minutes"]): shapely.from_wkb(bytes(f.geometry().asWkb()))
                for f in smooth["OUTPUT"].getFeatures()}
    assert grid.keys() == buffered.keys()
    for key, polygon in grid.items():
        steps = shapely.get_coordinates(polygon) / 5.0
        assert np.abs(steps - np.round(steps)).max() < 1e-6  # on the 10 m grid, corners cut at mid-sides
        assert polygon.intersection(buffered[key]).area > 0.9 * polygon.area
        assert 0.8 * buffered[key].area < polygon.area < 1.1 * buffered[key].area


def test_cancel_stops_both_algorithms(plugin, processing_context):
    network = memory_layer("LineString", [([1], "LINESTRING(0 0, 1000 0)")], "field=id:integer")
    sites = memory_layer("Point", [(["A"], "POINT(10 0)")], "field=site_id:string")
    grid = memory_layer("Polygon", [([10.0], "POLYGON((0 0,200 0,200 200,0 200,0 0))")], "field=ind:double")
    for alg, params in (
        ("catchment", {"OUTPUT_SITES": "memory:"}),
        ("coverage_gaps", {"POPULATION": grid, "TIME": 5}),
    ):
        feedback = QgsProcessingFeedback()
        feedback.cancel()
        # a canceled run ends with an error, never with an empty result a chain would take for a finished one
        with pytest.raises(QgsProcessingException, match="anceled"):
            run(alg, processing_context, feedback, INPUT=sites, NETWORK=network, **params)
