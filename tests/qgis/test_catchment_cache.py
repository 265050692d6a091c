"""The session cache of built graphs through Processing: a second run on the same network skips reading and
building (other sites, other times, coverage gaps after the catchments, another mode on the same topology);
a change to the file or unsaved edits invalidate it; its memory stays within its budget."""

import os
import shutil
import time
from pathlib import Path

import pytest
import shapely
from network_builders import Recorder, point_sites
from network_builders import run as run_processing
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
BDTOPO = ROOT / "tests" / "data" / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
CACHED = "taken from this session's cache"


@pytest.fixture()
def graphs():
    from friches_tierslieux.core.network.cache import GRAPHS

    GRAPHS.clear()
    yield GRAPHS
    GRAPHS.clear()


@pytest.fixture()
def roads(tmp_dir):
    path = tmp_dir / "roads.gpkg"
    shutil.copyfile(BDTOPO, path)
    return path


SITES = {"A": (896000, 6244500), "B": (895420, 6245075)}
OTHER_SITES = {"C": (897500, 6243800)}


def _run(alg, feedback=None, **params):
    params.setdefault("OUTPUT", "memory:")
    feedback = feedback or Recorder()
    return run_processing(f"friches:{alg}", params, feedback), feedback


def _polygons(result):
    return {(f["site_id"], f["minutes"]): shapely.from_wkb(bytes(f.geometry().asWkb()))
            for f in result["OUTPUT"].getFeatures()}


def test_second_runs_take_the_graph_from_the_cache(plugin, graphs, roads):
    network = f"{roads}|layername=troncon_de_route"
    first, fb1 = _run("catchment", INPUT=point_sites(SITES), NETWORK=network, MODE=2, TIMES="5", OUTPUT_SITES="memory:")
    assert not fb1.said(CACHED) and len(graphs) == 1
    # other sites, other times: the graph of the first run
    hits = graphs.hits
    second, fb2 = _run("catchment", INPUT=point_sites(OTHER_SITES), NETWORK=network, MODE=2, TIMES="3,6",
                       OUTPUT_SITES="memory:")
    assert fb2.said(CACHED) and len(graphs) == 1 and graphs.hits == hits + 1
    # same answers as a run that builds its own graph
    graphs.clear()
    rebuilt, fb3 = _run("catchment", INPUT=point_sites(OTHER_SITES), NETWORK=network, MODE=2, TIMES="3,6",
                        OUTPUT_SITES="memory:")
    assert not fb3.said(CACHED)
    assert _polygons(second).keys() == _polygons(rebuilt).keys()
    for key, polygon in _polygons(second).items():
        assert polygon.equals_exact(_polygons(rebuilt)[key], 1e-9)
    # another mode: the topology and attributes are reused, only the rules are new
    _walk, fb4 = _run("catchment", INPUT=point_sites(SITES), NETWORK=network, MODE=0, TIMES="5", OUTPUT_SITES="memory:")
    assert any("built for another mode" in text for text in fb4.infos) and len(graphs) == 2
    walk_graph, car_graph = (graphs.get(k) for k in sorted(graphs.keys(), key=lambda k: k[2], reverse=True))
    assert walk_graph.network is car_graph.network
    # coverage gaps after the catchments: the walking graph again
    grid = QgsVectorLayer("Polygon?crs=EPSG:2154&field=ind:double", "grid", "memory")
    cells = []
    for i in range(30):
        for j in range(20):
            cell = QgsFeature(grid.fields())
            cell.setAttributes([10.0])
            x, y = 894000 + 200 * i, 6243000 + 200 * j
            cell.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 200} {y},{x + 200} {y + 200},{x} {y + 200},"
                                                 f"{x} {y}))"))
            cells.append(cell)
    grid.dataProvider().addFeatures(cells)
    _gaps, fb5 = _run("coverage_gaps", INPUT=point_sites(SITES), NETWORK=network, MODE=0, TIME=5, POPULATION=grid,
                      POPULATION_FIELD="ind")
    assert fb5.said(CACHED)


def test_a_changed_file_is_read_again(plugin, graphs, roads):
    from osgeo import ogr

    network = f"{roads}|layername=troncon_de_route"
    _run("catchment", INPUT=point_sites(SITES), NETWORK=network, MODE=2, TIMES="5", OUTPUT_SITES="memory:")
    before = os.stat(roads).st_mtime_ns
    time.sleep(0.01)
    # another program closes every road to cars (speed 0), the file changes on disk
    ds = ogr.Open(str(roads), 1)
    ds.ExecuteSQL("UPDATE troncon_de_route SET vitesse_moyenne_vl = 0")
    ds = None
    assert os.stat(roads).st_mtime_ns != before or os.path.exists(f"{roads}-wal")
    with pytest.raises(QgsProcessingException, match="No line of the network"):
        _run("catchment", INPUT=point_sites(SITES), NETWORK=network, MODE=2, TIMES="5", OUTPUT_SITES="memory:")


def test_unsaved_edits_are_never_cached(plugin, graphs, roads):
    layer = QgsVectorLayer(f"{roads}|layername=troncon_de_route", "roads", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        sites = point_sites({"A": SITES["A"]})
        first, _fb = _run("catchment", INPUT=sites, NETWORK=layer.id(), MODE=2, TIMES="5", OUTPUT_SITES="memory:")
        # the site's road and every road within 600 m deleted in the edit buffer, not saved
        site = QgsGeometry.fromWkt("POINT (896000 6244500)")
        near = [f.id() for f in layer.getFeatures() if f.geometry().distance(site) < 600]
        layer.startEditing()
        layer.deleteFeatures(near)
        edited, fb = _run("catchment", INPUT=sites, NETWORK=layer.id(), MODE=2, TIMES="5", OUTPUT_SITES="memory:")
        assert not fb.said(CACHED) and len(graphs) == 1  # read through QGIS, not kept
        sites_out = {f["site_id"]: f for f in edited["OUTPUT_SITES"].getFeatures()}
        assert sites_out["A"]["network_dist_m"] > 590
        layer.rollBack()
        # edits undone: the file's own roads again (from the cache, or read again where the edit session left
        # a GeoPackage write-ahead log behind: a change of the file's date is never taken for no change)
        again, _fb = _run("catchment", INPUT=sites, NETWORK=layer.id(), MODE=2, TIMES="5", OUTPUT_SITES="memory:")
        assert _polygons(again)[("A", 5.0)].equals_exact(_polygons(first)[("A", 5.0)], 1e-9)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_memory_stays_within_the_budget(plugin, graphs, roads, tmp_dir, monkeypatch):
    network = f"{roads}|layername=troncon_de_route"
    _run("catchment", INPUT=point_sites(SITES), NETWORK=network, MODE=2, TIMES="5", OUTPUT_SITES="memory:")
    one = graphs.total_bytes
    assert one > 0
    # room for one graph and a half: the second network's graph pushes the first out
    monkeypatch.setattr(graphs, "budget", int(one * 1.5))
    copy = tmp_dir / "roads_copy.gpkg"
    shutil.copyfile(roads, copy)
    for _ in range(2):  # the second run finds the first network's graph over the budget with the new one grown
        _run("catchment", INPUT=point_sites(SITES), NETWORK=f"{copy}|layername=troncon_de_route", MODE=2,
             TIMES="5", OUTPUT_SITES="memory:")
    assert len(graphs) == 1 and graphs.total_bytes <= graphs.budget
    assert graphs.keys()[0][0][1].endswith("roads_copy.gpkg")
    # a budget smaller than one graph: never served from the cache (dropped once it has grown in its run)
    monkeypatch.setattr(graphs, "budget", one // 2)
    graphs.clear()
    for _ in range(2):
        _result, feedback = _run("catchment", INPUT=point_sites(SITES), NETWORK=network, MODE=2, TIMES="5",
                                 OUTPUT_SITES="memory:")
        assert not feedback.said(CACHED)
    graphs.trim()
    assert len(graphs) == 0
