"""Cancel is honoured by every algorithm at every stage, and leaves no output behind (issue 12, point 4).

Each long algorithm runs on inputs big enough to take several seconds (tests/big_inputs.py) and is
canceled at each of its stages (reading, computing, writing) by tests/cancel_check.py, which checks the
CPU time after the request (< 1 s), the hang bound and that no output file is left or changed. The
algorithms added with the costs, the monitoring and the prepared territory are in test_cancel_more.py.

Catchment and coverage gaps are tested with the network work (issue 13).
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from big_inputs import (
    DEMO,
    DEMO_GPKG,
    PLUI_ZONES,
    big_inventory_csv,
    covering_inputs,
    random_sites,
    random_squares,
    synthetic_feed,
)
from cancel_check import (
    CPU_BOUND_S,
    HANG_BOUND_S,
    CancelAt,
    cpu_seconds,
    previous_output,
    run_and_cancel,
)
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cancel")


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """A regional GTFS feed of 2 million stop_times (about 2 s to analyse, 15 s for the 50 m grid)."""
    return synthetic_feed(tmp_path_factory.mktemp("feed") / "regional.zip", 2_000_000)


@pytest.mark.parametrize("threshold", [3, 45, 51, 62, 85])
def test_import_inventory(plugin, tmp_path, threshold):
    csv = big_inventory_csv(tmp_path / "inventory.csv", 20_000)  # about 6 s
    out = tmp_path / "out"
    out.mkdir()
    previous_output(out, "sites.gpkg")
    run_and_cancel("import_inventory", {"INPUT": str(csv), "OUTPUT": str(out / "sites.gpkg"),
                                        "OUTPUT_POLYGONS": str(out / "polygons.gpkg"),
                                        "REPORT": str(out / "report.gpkg")}, out, threshold)


def test_repeated_cancels_of_one_file(plugin, tmp_path):
    """Seven imports of the same CSV canceled while reading it: each ends at once. QGIS allows four
    connections per file; a canceled run that kept its feature iterator alive (in the frames of the
    exception Processing keeps) made the fifth wait forever."""
    csv = big_inventory_csv(tmp_path / "inventory.csv", 20_000)
    out = tmp_path / "out"
    out.mkdir()
    for _ in range(7):
        run_and_cancel("import_inventory", {"INPUT": str(csv), "OUTPUT": "TEMPORARY_OUTPUT",
                                            "REPORT": "TEMPORARY_OUTPUT"}, out, 3)


@pytest.mark.parametrize("threshold", [1, 12, 21])
def test_transit_service(plugin, feed, tmp_path, threshold):
    previous_output(tmp_path, "stops.gpkg")
    run_and_cancel("transit_service", {"GTFS": str(feed), "DATE": "2025-03-04",
                                       "OUTPUT": str(tmp_path / "stops.gpkg")}, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [5, 13, 40, 92, 97])
def test_transit_coverage(plugin, feed, tmp_path, threshold):
    sites = random_sites(2000, QgsVectorLayer(f"{DEMO_GPKG}|layername=communes").extent())
    params = {"INPUT": sites, "GTFS": str(feed), "DATE": "2025-03-04", "GRID_CELL": 50,
              "EXTENT": "4.6,5.1,45.57,45.93 [EPSG:4326]", "OUTPUT": str(tmp_path / "sites.gpkg"),
              "OUTPUT_GRID": str(tmp_path / "grid.gpkg")}
    run_and_cancel("transit_coverage", params, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [3, 46, 55, 62])
def test_zoning_overlay(plugin, tmp_path, threshold):
    zones = QgsVectorLayer(str(PLUI_ZONES), "zones", "ogr")
    sites = random_squares(5000, zones.extent())  # about 6 s on the real PLUi
    previous_output(tmp_path, "zoning.gpkg")
    run_and_cancel("zoning_overlay", {"INPUT": sites, "ZONES": str(PLUI_ZONES),
                                      "OUTPUT": str(tmp_path / "zoning.gpkg"),
                                      "OUTPUT_ZONES": str(tmp_path / "zones.gpkg")}, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [5, 40, 65, 80, 95])
def test_score_candidates(plugin, tmp_path, threshold):
    sites = random_sites(20_000, QgsVectorLayer(f"{DEMO_GPKG}|layername=communes").extent())  # about 8 s
    params = {"INPUT": sites, "SERVICES": f"{DEMO_GPKG}|layername=services",
              "PLACES": f"{DEMO_GPKG}|layername=tiers_lieux", "OUTPUT": str(tmp_path / "scores.gpkg")}
    run_and_cancel("score_candidates", params, tmp_path, threshold)


@pytest.fixture(scope="module")
def covering():
    return covering_inputs(2000, 50)  # about 10 s with K = 0 (every useful site) and the log


@pytest.mark.parametrize("threshold", [10, 30, 60, 81, 90])
def test_select_sites(plugin, covering, tmp_path, threshold):
    candidates, catchments, population = covering
    params = {"INPUT": candidates, "CATCHMENTS": catchments, "POPULATION": population, "K": 0,
              "PRIORITY_FIELD": "best_score", "OUTPUT": str(tmp_path / "selection.gpkg"),
              "OUTPUT_LOG": str(tmp_path / "log.gpkg")}
    run_and_cancel("select_sites", params, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [5, 40, 80])
def test_export_atlas(plugin, tmp_path, threshold):
    sites = random_sites(300, QgsVectorLayer(f"{DEMO_GPKG}|layername=communes").extent())
    previous_output(tmp_path, "atlas.pdf")
    params = {"INPUT": sites, "LANGUAGE": 1, "DPI": 60, "TERRITORY": f"{DEMO_GPKG}|layername=communes",
              "BACKGROUND": [f"{DEMO_GPKG}|layername=routes"], "OUTPUT_PDF": str(tmp_path / "atlas.pdf"),
              "PNG_FOLDER": str(tmp_path / "pages")}
    run_and_cancel("export_atlas", params, tmp_path, threshold)
    assert not (tmp_path / "pages").exists() or not any((tmp_path / "pages").iterdir())


class SlowGpu(BaseHTTPRequestHandler):
    """An API Carto GPU answering zone-urba in pages of 100 zones, each page after ``delay`` seconds."""

    delay = 0.05

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path.strip("/").split("/")[0] == "hang":
            time.sleep(30)
        time.sleep(type(self).delay)
        start = int(query.get("_start", ["0"])[0])
        total = 100_000
        features = [{"type": "Feature", "properties": {"gid": i, "libelle": "UA", "typezone": "U"},
                     "geometry": {"type": "Polygon", "coordinates": [[[2.4, 47.8], [2.41, 47.8], [2.41, 47.81],
                                                                      [2.4, 47.8]]]}}
                    for i in range(start, min(total, start + 100))]
        body = json.dumps({"type": "FeatureCollection", "features": features, "totalFeatures": total,
                           "numberMatched": total, "numberReturned": len(features)}).encode("utf-8")
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up: what a cancel does
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def slow_gpu():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowGpu)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("mode,delay", [("paging", 1.5), ("hang", 1.0)])
def test_load_gpu(plugin, slow_gpu, tmp_path, mode, delay):
    """Cancel while pages come one after the other, and while the server does not answer."""
    from qgis import processing

    cache = tmp_path / "gpu.gpkg"
    # a cache the user already has: the canceled download must leave it whole
    processing.run("native:fixgeometries", {"INPUT": f"{DEMO_GPKG}|layername=zone_urba",
                                            "OUTPUT": f"ogr:dbname='{cache}' table=\"zone_urba\" (geom)"})
    base = slow_gpu if mode == "paging" else f"{slow_gpu}/hang"
    params = {"EXTENT": "2.40,2.41,47.80,47.81 [EPSG:4326]", "LAYERS": [0], "BASE_URL": base, "PAGE_SIZE": 100,
              "REFRESH": True, "OUTPUT": str(cache)}
    run_and_cancel("load_gpu", params, tmp_path, delay=delay)


@pytest.mark.parametrize("threshold", [25, 45, 65, 75, 92])
def test_full_analysis(plugin, tmp_path, threshold):
    """The chain stops at the step running when the user cancels, naming it, and the GeoPackage of the
    results keeps only complete tables (those of the steps before)."""
    def demo(table):
        return f"{DEMO_GPKG}|layername={table}"

    params = {"INVENTORY": str(DEMO / "friches_ingeville.csv"), "NETWORK": demo("routes"),
              "POPULATION": demo("population_200m"), "GTFS": str(DEMO / "gtfs_ingeville.zip"),
              "ZONES": demo("zone_urba"), "PLACES": demo("tiers_lieux"), "SERVICES": demo("services"),
              "TERRITORY": demo("communes"), "OUTPUT_GPKG": str(tmp_path / "results.gpkg"),
              "OUTPUT_PDF": str(tmp_path / "atlas.pdf")}
    error, _wall, _cpu = run_and_cancel_chain(params, tmp_path, threshold)
    assert "step" in str(error) or "étape" in str(error)


def run_and_cancel_chain(params, folder, threshold):
    """Like :func:`run_and_cancel` for the chain, whose GeoPackage keeps the tables of the finished steps:
    no table is half written (no temporary table left) and no atlas is left."""
    import sqlite3

    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    error = None
    with CancelAt(feedback, threshold) as cancel:
        try:
            processing.run("friches:full_analysis", params, context=context, feedback=feedback)
        except QgsProcessingException as exc:
            error = exc
        end_wall, end_cpu = time.perf_counter(), cpu_seconds()
    context.temporaryLayerStore().removeAllMapLayers()
    assert cancel.wall is not None and error is not None, f"the chain was not canceled at {threshold} %"
    wall, cpu = end_wall - cancel.wall, end_cpu - cancel.cpu
    assert wall < HANG_BOUND_S and cpu < CPU_BOUND_S, (threshold, wall, cpu, str(error))
    assert not (folder / "atlas.pdf").exists()
    assert not [p for p in folder.iterdir() if "~part-" in p.name]
    gpkg = folder / "results.gpkg"
    if gpkg.exists():
        with sqlite3.connect(gpkg) as db:
            tables = [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")]
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not [t for t in tables if "_part_" in t], tables
    return error, wall, cpu
