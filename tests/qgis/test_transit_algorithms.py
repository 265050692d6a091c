"""``friches:transit_service`` and ``friches:transit_coverage`` through Processing: outputs, hand-computed
values, walking network, grid, translated errors naming the file and the row, the demo feed."""

from pathlib import Path

import pytest
from gtfs_builders import STOP_TIMES, replace_line, write_feed
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]

DATA = ROOT / "tests" / "data" / "gtfs"
DEMO = ROOT / "demo" / "ingeville"
DEMO_GTFS = DEMO / "gtfs_ingeville.zip"
DEMO_FRICHES = DEMO / "friches_ingeville.csv"


def run(alg, context, feedback, **params):
    from qgis import processing

    return processing.run(f"friches:{alg}", params, context=context, feedback=feedback)


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if (v is not None and hasattr(v, "isNull") and v.isNull()) else v
                             for v in f.attributes()])) for f in layer.getFeatures()]


@pytest.fixture()
def base_feed(tmp_dir):
    return str(write_feed(tmp_dir / "base.zip"))


def lambert(lon, lat):
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    p = transform.transform(QgsPointXY(lon, lat))
    return p.x(), p.y()


def memory_layer(kind, features, fields="field=site_id:string"):
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&{fields}", "layer", "memory")
    feats = []
    for attrs, wkt in features:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    assert layer.featureCount() == len(features)
    return layer


def test_algorithms_are_registered(plugin):
    from qgis.core import QgsApplication

    for name in ("transit_service", "transit_coverage"):
        alg = QgsApplication.processingRegistry().algorithmById(f"friches:{name}")
        assert alg is not None and alg.groupId() == "transit"
        assert "<h3>" in alg.shortHelpString()


def test_transit_service_counts_departures(plugin, processing_context, feedback, base_feed):
    result = run("transit_service", processing_context, feedback, GTFS=base_feed, DATE="2025-03-04",
                 OUTPUT="memory:", OUTPUT_ROUTES="memory:")
    assert result["SERVICE_DATE"] == "2025-03-04"
    layer = result["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4326"
    assert layer.fields().names() == ["stop_id", "stop_name", "departures", "departures_per_hour",
                                      "mean_headway_min", "routes", "route_names", "modes"]
    by_id = {r["stop_id"]: r for r in rows(layer)}
    assert {k: v["departures"] for k, v in by_id.items()} == {"S": 12, "A": 11, "B": 1, "C": 0}
    assert by_id["S"]["mean_headway_min"] == pytest.approx(60.0)
    assert by_id["C"]["mean_headway_min"] is None
    assert by_id["A"]["modes"] == "tram, bus" and by_id["A"]["route_names"] == "1, T"
    assert result["DEPARTURES"] == 24 and result["STOPS"] == 4
    from friches_tierslieux.processing.styles import apply_style

    assert apply_style(layer, "transit_stops") and layer.renderer().classAttribute() == "departures_per_hour"
    routes = {r["route_id"]: r for r in rows(result["OUTPUT_ROUTES"])}
    assert set(routes) == {"R1", "R2"}  # R3 runs only on 1 May
    assert routes["R1"]["geometry_from"] == "stops" and routes["R2"]["mode"] == "tram"
    assert routes["R2"]["departures"] == 11  # F1's 10 runs + T3 (distinct journeys)


def test_transit_service_default_date_and_ungrouped(plugin, processing_context, feedback):
    result = run("transit_service", processing_context, feedback, GTFS=str(DATA / "nyc_subway_gtfs.zip"),
                 GROUP_STATIONS=False, OUTPUT="memory:")
    assert result["SERVICE_DATE"] == "2024-12-17"
    ids = [r["stop_id"] for r in rows(result["OUTPUT"])]
    assert all(i.endswith(("N", "S")) for i in ids)  # platforms, no station
    grouped = run("transit_service", processing_context, feedback, GTFS=str(DATA / "nyc_subway_gtfs.zip"),
                  OUTPUT="memory:")
    assert grouped["DEPARTURES"] == result["DEPARTURES"] and grouped["STOPS"] < result["STOPS"]


@pytest.mark.parametrize(
    "overrides, words",
    [
        ({"stop_times": replace_line(STOP_TIMES, "T2,08:30:00,08:30:00,B,1,", "T2,08:3x:00,08:30:00,B,1,")},
         ["stop_times.txt", "row 4", "line 5", "08:3x:00", "arrival_time"]),
        ({"stops": None}, ["stops.txt"]),
        ({"stop_times": replace_line(STOP_TIMES, "T3,08:05:00,08:05:00,P2", "T3,08:05:00,08:05:00,ZZ")},
         ["stop_times.txt", "row 7", "ZZ", "stops.txt"]),
    ],
)
def test_malformed_feed_names_file_and_row(plugin, processing_context, feedback, tmp_dir, overrides, words):
    path = write_feed(tmp_dir / "bad.zip", **overrides)
    for alg, extra in (("transit_service", {}), ("transit_coverage", {"INPUT": memory_layer("Point", [])})):
        with pytest.raises(QgsProcessingException) as info:
            run(alg, processing_context, feedback, GTFS=str(path), OUTPUT="memory:", **extra)
        for word in words:
            assert word in str(info.value), (alg, str(info.value))


def test_bad_parameters_are_refused(plugin, processing_context, feedback, base_feed):
    with pytest.raises(QgsProcessingException):
        run("transit_service", processing_context, feedback, GTFS=base_feed, START_TIME="9h", OUTPUT="memory:")
    with pytest.raises(QgsProcessingException):
        run("transit_service", processing_context, feedback, GTFS=base_feed, START_TIME="10:00", END_TIME="09:00",
            OUTPUT="memory:")
    with pytest.raises(QgsProcessingException):
        run("transit_service", processing_context, feedback, GTFS=base_feed, DATE="March 4", OUTPUT="memory:")


def _sites():
    ax, ay = lambert(2.01, 48.01)  # stop A (Mairie)
    near = ("near", f"POINT({ax + 100} {ay})")
    far = ("far", f"POLYGON(({ax + 20000} {ay}, {ax + 20100} {ay}, {ax + 20100} {ay + 100}, {ax + 20000} {ay + 100}, "
                  f"{ax + 20000} {ay}))")
    return (ax, ay), [([near[0]], near[1]), ([far[0]], far[1])]


def test_transit_coverage_hand_computed(plugin, processing_context, feedback, base_feed):
    (_ax, _ay), features = _sites()
    sites = memory_layer("Point", [features[0]])
    result = run("transit_coverage", processing_context, feedback, INPUT=sites, GTFS=base_feed, DATE="2025-03-04",
                 PEAK_START="08:00", PEAK_END="09:00", DAY_START="07:00", DAY_END="09:00", GRID_CELL=100,
                 OUTPUT="memory:", OUTPUT_GRID="memory:")
    (site,) = rows(result["OUTPUT"])
    assert site["site_id"] == "near"
    assert (site["nearest_stop"], site["nearest_stop_id"]) == ("Mairie", "A")
    assert site["nearest_stop_m"] == pytest.approx(100.0, abs=0.2)
    assert site["nearest_stop_method"] == "straight line"
    # peak 08:00-09:00 at A: bus R1 1/h (T1), tram R2 4/h (F1 at 08:00, 08:15, 08:30, 08:45)
    # EDF bus = 30 / (100/80 + 30 + 2) = 0.902; tram = 30 / (1.25 + 7.5 + 0.75) = 3.158; AI 4.06 -> 1b
    assert site["ptal_ai"] == pytest.approx(30 / 33.25 + 30 / 9.5, abs=0.01)
    assert site["ptal"] == "1b"
    assert site["dep_500m_h"] == pytest.approx(5.0)  # 5 distinct journeys leave A in the hour
    # 07:00-09:00 at A: 11 departures in direction 0 -> interval 10.9 min, tram (B) -> category III -> B
    assert site["oev_class"] == "B"
    grid = result["OUTPUT_GRID"]
    assert grid.featureCount() == result["GRID_CELLS"] == 21 * 21  # 100 m site extent + 1 km each side
    assert grid.crs().authid() == "EPSG:2154"
    bands = {r["ptal"] for r in rows(grid)}
    assert "0" in bands and "1b" in bands
    # the cell holding the site: its centre is 50 m or less from the site, so about the same values
    (cell,) = [f for f in grid.getFeatures() if f.geometry().contains(QgsGeometry.fromWkt(features[0][1]))]
    assert cell["dep_500m_h"] == pytest.approx(5.0) and cell["ptal"] == "1b" and cell["oev_class"] == "B"
    # cells near the station S (T1, F1 and T3 leave its platforms): 6 journeys
    assert max(r["dep_500m_h"] for r in rows(grid)) == pytest.approx(6.0)
    # the grid's style: the PTAL bands in colour
    from friches_tierslieux.processing.styles import apply_style

    assert apply_style(grid, "ptal_grid")
    assert [c.value() for c in grid.renderer().categories()] == ["0", "1a", "1b", "2", "3", "4", "5", "6a", "6b"]


def test_transit_coverage_with_network_and_polygon_fallback(plugin, processing_context, feedback, base_feed):
    (ax, ay), features = _sites()
    sites = memory_layer("Polygon", [([s], f"POLYGON(({x - 5} {y - 5}, {x + 5} {y - 5}, {x + 5} {y + 5}, {x - 5} "
                                            f"{y + 5}, {x - 5} {y - 5}))") for s, (x, y) in
                                     (("near", (ax + 100, ay)), ("far", (ax + 20000, ay)))])
    street = memory_layer("LineString", [([1], f"LINESTRING({ax - 200} {ay + 30}, {ax + 200} {ay + 30})")],
                          fields="field=id:integer")
    result = run("transit_coverage", processing_context, feedback, INPUT=sites, GTFS=base_feed, DATE="2025-03-04",
                 PEAK_START="08:00", PEAK_END="09:00", NETWORK=street, GRID_CELL=0, OUTPUT="memory:",
                 OUTPUT_GRID="memory:")
    got = {r["site_id"]: r for r in rows(result["OUTPUT"])}
    near, far = got["near"], got["far"]
    # along the street: 30 m to it, 100 m along, 30 m to the stop
    assert near["nearest_stop_method"] == "network"
    assert near["nearest_stop_m"] == pytest.approx(160.0, abs=0.5)
    assert near["ptal_ai"] == pytest.approx(30 / (2 + 32) + 30 / (2 + 8.25), abs=0.01)
    assert far["nearest_stop_method"] == "straight line"  # beyond the network search: straight line
    assert far["ptal"] == "0" and far["oev_class"] is None and far["dep_500m_h"] == 0
    assert result["GRID_CELLS"] == 0 and "OUTPUT_GRID" not in result
    assert result["OUTPUT"].wkbType() == sites.wkbType()


@pytest.mark.skipif(not DEMO_GTFS.exists(), reason="demo feed not generated (python demo/generate_ingeville.py)")
def test_demo_territory(plugin, processing_context, feedback):
    service = run("transit_service", processing_context, feedback, GTFS=str(DEMO_GTFS), OUTPUT="memory:")
    assert service["DEPARTURES"] > 0
    stops = rows(service["OUTPUT"])
    assert any(r["departures"] > 0 for r in stops)
    if DEMO_FRICHES.exists():
        uri = f"{DEMO_FRICHES.as_uri()}?delimiter=,&wktField=geompoint&crs=EPSG:2154"
        sites = QgsVectorLayer(uri, "friches", "delimitedtext")
        if not sites.isValid() or sites.featureCount() == 0:
            pytest.skip("demo friches CSV not readable as WKT points")
    else:
        sites = QgsVectorLayer("Point?crs=EPSG:4326&field=site_id:string", "sites", "memory")
        feats = []
        for i, stop in enumerate(service["OUTPUT"].getFeatures()):
            if i == 5:
                break
            f = QgsFeature(sites.fields())
            f.setAttributes([f"S{i}"])
            f.setGeometry(stop.geometry())
            feats.append(f)
        sites.dataProvider().addFeatures(feats)
    result = run("transit_coverage", processing_context, feedback, INPUT=sites, GTFS=str(DEMO_GTFS),
                 GRID_CELL=200, OUTPUT="memory:", OUTPUT_GRID="memory:")
    out = rows(result["OUTPUT"])
    assert len(out) == sites.featureCount()
    assert result["SERVICE_DATE"] == service["SERVICE_DATE"]
    assert any(r["ptal"] not in (None, "0") for r in rows(result["OUTPUT_GRID"]))


def test_cancel_stops_both_algorithms(plugin, processing_context, base_feed):
    from qgis.core import QgsProcessingFeedback

    (_ax, _ay), features = _sites()
    for alg, extra in (("transit_service", {}), ("transit_coverage", {"INPUT": memory_layer("Point", features[:1])})):
        feedback = QgsProcessingFeedback()
        feedback.cancel()
        with pytest.raises(QgsProcessingException):
            run(alg, processing_context, feedback, GTFS=base_feed, OUTPUT="memory:", **extra)
        # canceled while running, at the first progress report
        feedback = QgsProcessingFeedback()
        feedback.progressChanged.connect(lambda _value, fb=feedback: fb.cancel())
        with pytest.raises(QgsProcessingException) as info:
            run(alg, processing_context, feedback, GTFS=base_feed, OUTPUT="memory:", **extra)
        assert "Cancel" in str(info.value) or "Annul" in str(info.value)
