"""The online sources of ``friches:prepare_territory`` and ``friches:load_gpu`` against local servers on 127.0.0.1
answering in each service's documented format with real data (tests/opendata_servers.py): paging, the disk cache,
retries, time-outs, empty answers, null items, changed services and service errors, each named in the message."""

import json
import math
import sqlite3
import time
from pathlib import Path

import opendata_servers as od
import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.lines.append(warning)
        super().pushWarning(warning)


@pytest.fixture(scope="module")
def server():
    srv, base, services = od.start()
    yield base, services
    srv.shutdown()
    srv.server_close()


@pytest.fixture()
def services(server):
    base, services = server
    services.mode.clear()
    services.hits.clear()
    services.failures_left.clear()
    services.wfs_cap, services.cartofriches_page, services.slow_s = 1000, 500, 3.0
    services.datasets = []
    return services


def urls(base):
    return {"GEO_API_URL": f"{base}/geo", "CARTOFRICHES_URL": f"{base}/apidf", "WFS_URL": f"{base}/wfs",
            "OVERPASS_URL": f"{base}/overpass", "TRANSPORT_URL": f"{base}/transport", "GPU_URL": f"{base}/gpu"}


def prepare(context, base, tmp_dir, feedback=None, **params):
    from qgis import processing

    values = dict(urls(base), CACHE_FOLDER=str(tmp_dir / "cache"), TIMEOUT=5, RETRIES=1,
                  OUTPUT=str(tmp_dir / "prepared.gpkg"))
    values.update(params)
    return processing.run("friches:prepare_territory", values, context=context, feedback=feedback or Log())


def read_layer(path, name):
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(name)
    assert layer is not None, name
    return [(f.items(), shapely.from_wkb(bytes(f.GetGeometryRef().ExportToIsoWkb()))) for f in layer]


def contour_l93():
    with open(od.CONTOUR, encoding="utf-8") as fh:
        return od.transformer(4326, 2154)(shapely.geometry.shape(json.load(fh)["geometry"]))


def hits(services, name):
    return [(path, query) for service, path, query in services.hits if service == name]


def test_outlines_friches_and_roads_from_the_services(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    services.cartofriches_page = 3  # a few sites per page: the client follows the next links
    services.wfs_cap = 500  # pages of 500 roads although 5,000 are asked: STARTINDEX paging
    result = prepare(processing_context, base, tmp_dir, TERRITORY="13210", BUFFER_M=0, ONLINE=[0, 1, 2])
    out = tmp_dir / "prepared.gpkg"
    territory = contour_l93()

    (attrs, geom), = read_layer(out, "communes")
    assert attrs["code"] == "13210" and attrs["source"] == "API Découpage administratif (geo.api.gouv.fr)"
    assert geom.area == pytest.approx(territory.area, rel=1e-6)

    # friches: the sites whose outline (as the service serves it) meets the arrondissement
    to_l93 = od.transformer(4326, 2154)
    expected = {f["id"] for _x, _y, f in services.sites
                if to_l93(shapely.geometry.shape(f["geometry"])).intersects(territory)}
    assert {a["site_id"] for a, _g in read_layer(out, "friches")} == expected and len(expected) >= 4
    carto = hits(services, "apidf")
    x0, y0, x1, y1 = (float(v) for v in carto[0][1]["in_bbox"][0].split(","))
    in_box = [f for x, y, f in services.sites if x0 <= x <= x1 and y0 <= y <= y1]
    assert len(carto) == math.ceil(len(in_box) / 3) > 1  # every page, following the next links
    assert [q.get("page", ["1"])[0] for _p, q in carto] == [str(k + 1) for k in range(len(carto))]

    # roads: the real BD TOPO extract through the WFS, attributes as in the file, cut at the outline
    source = {a["cleabs"]: (a, g) for a, g in read_layer(od.BDTOPO, "troncon_de_route")}
    roads = {a["cleabs"]: (a, g) for a, g in read_layer(out, "routes")}
    meeting = {k for k, (_a, g) in source.items() if territory.intersects(g)
               and not territory.intersection(g).geom_type.endswith("Point")}
    assert set(roads) == meeting
    for key, (attrs, geom) in roads.items():
        assert attrs == source[key][0]
        assert geom.length == pytest.approx(territory.intersection(source[key][1]).length, abs=0.01)
    pages = {}
    for _p, q in hits(services, "wfs"):
        pages.setdefault(q["BBOX"][0], []).append(int(q["STARTINDEX"][0]))
    assert all(starts == list(range(0, 500 * len(starts), 500)) for starts in pages.values())
    assert max(len(starts) for starts in pages.values()) >= 3
    assert result["ROADS_KEPT"] == len(meeting)

    with sqlite3.connect(out) as db:
        sources = dict(db.execute("SELECT layer, source FROM prepare_report"))
    assert "Cartofriches" in sources["friches"] and "Géoplateforme" in sources["routes"]

    # the same request again: every answer from the disk cache, nothing sent
    services.hits.clear()
    feedback = Log()
    again = prepare(processing_context, base, tmp_dir, feedback, TERRITORY="13210", BUFFER_M=0, ONLINE=[0, 1, 2],
                    OUTPUT=str(tmp_dir / "again.gpkg"))
    assert services.hits == [] and again["ROADS_KEPT"] == result["ROADS_KEPT"]
    assert any(line.startswith("0 request(s) sent") for line in feedback.lines)


def test_epci_and_unknown_codes(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    prepare(processing_context, base, tmp_dir, TERRITORY="200054807", BUFFER_M=0, ONLINE=[0])
    paths = [p for p, _q in hits(services, "geo")]
    assert paths == ["/geo/epcis/200054807/communes"]
    (attrs, _geom), = read_layer(tmp_dir / "prepared.gpkg", "communes")
    assert attrs["code"] == "13210"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY="13210, 13299", ONLINE=[0])
    assert "(geo.api.gouv.fr) knows no commune with the INSEE code 13299" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY="200000000", ONLINE=[0])
    assert "no EPCI with the SIREN code 200000000" in str(err.value)
    services.mode["geo_epci"] = "empty"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY="200054807", ONLINE=[0], CACHE_DAYS=0)
    assert "lists no commune in the EPCI 200054807" in str(err.value)


def test_a_service_that_does_not_answer_is_said_to_time_out(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    services.mode["geo"] = "slow"
    started = time.monotonic()
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY="13210", ONLINE=[0], TIMEOUT=1, RETRIES=1)
    elapsed = time.monotonic() - started
    message = str(err.value)
    assert "API Découpage administratif (geo.api.gouv.fr) did not answer within 1 s (2 attempt(s))" in message
    assert "HTTP 0" not in message and elapsed < 15
    assert len(hits(services, "geo")) == 2


def test_retries_then_success_and_a_service_down(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    services.mode["wfs"] = "429"  # the first request is asked to wait 1 s (Retry-After), then served
    result = prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(od.CONTOUR), BUFFER_M=0, ONLINE=[2])
    assert result["ROADS_KEPT"] > 2000
    first = hits(services, "wfs")
    assert first[0][1] == first[1][1]  # the same request sent twice
    services.mode["wfs"] = "down"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(od.CONTOUR), BUFFER_M=0, ONLINE=[2],
                CACHE_DAYS=0, OUTPUT=str(tmp_dir / "down.gpkg"))
    assert "IGN Géoplateforme WFS (data.geopf.fr) failed (HTTP 503)" in str(err.value)
    assert "after 2 attempt(s)" in str(err.value) and "503 Service Unavailable" in str(err.value)
    assert not (tmp_dir / "down.gpkg").exists()


def test_changed_or_refusing_services(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    services.mode["geo"] = "html"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY="13210", ONLINE=[0], CACHE_DAYS=0)
    assert "geo.api.gouv.fr) is not in its documented format" in str(err.value)
    assert "Site en maintenance" in str(err.value)
    services.mode.clear()
    services.mode["wfs_answer"] = "exception"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(od.CONTOUR), ONLINE=[2], CACHE_DAYS=0)
    assert "IGN Géoplateforme WFS" in str(err.value) and "unknown" in str(err.value)
    services.mode.clear()
    services.mode["wfs"] = "ignore_start"
    services.wfs_cap = 300  # a box has more roads than a page: the second page must differ from the first
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(od.CONTOUR), ONLINE=[2], CACHE_DAYS=0)
    assert "ignores STARTINDEX" in str(err.value)
    services.mode.clear()
    services.mode["apidf"] = "loop"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(od.CONTOUR), ONLINE=[1], CACHE_DAYS=0)
    assert "paging does not end" in str(err.value) and "Cartofriches" in str(err.value)


def test_cartofriches_empty_answer_and_null_items(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    services.mode["apidf"] = "empty"
    result = prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(od.CONTOUR), ONLINE=[1], CACHE_DAYS=0)
    assert result["FRICHES_KEPT"] == 0
    with sqlite3.connect(tmp_dir / "prepared.gpkg") as db:
        status, read = db.execute("SELECT status, features_read FROM prepare_report WHERE layer='friches'").fetchone()
    assert (status, read) == ("empty", 0)
    services.mode["apidf"] = "null"
    feedback = Log()
    result = prepare(processing_context, base, tmp_dir, feedback, TERRITORY_LAYER=str(od.CONTOUR), BUFFER_M=0,
                     ONLINE=[1], CACHE_DAYS=0)
    assert result["FRICHES_KEPT"] >= 4
    assert any("1 item(s) of the answer are not features" in line for line in feedback.lines)


def test_overpass_roads_of_beausoleil(plugin, processing_context, server, services, tmp_dir):
    """Real OpenStreetMap ways (Monaco extract) for a territory around Beausoleil (Alpes-Maritimes)."""
    base, _ = server
    area = shapely.box(7.418, 43.737, 7.428, 43.745)
    territory = tmp_dir / "beausoleil.geojson"
    territory.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"insee": "06012", "nom": "Beausoleil (part)"},
         "geometry": json.loads(shapely.to_geojson(area))}]}))
    result = prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(territory), BUFFER_M=0, ONLINE=[3])
    area_l93 = od.transformer(4326, 2154)(area)
    expected = {way_id for way_id, geom, _tags in services.ways
                if not area_l93.intersection(od.transformer(4326, 2154)(geom)).is_empty
                and not area_l93.intersection(od.transformer(4326, 2154)(geom)).geom_type.endswith("Point")}
    roads = read_layer(tmp_dir / "prepared.gpkg", "routes")
    assert {a["osm_id"] for a, _g in roads} == expected and result["ROADS_KEPT"] == len(expected) > 50
    by_id = {way_id: tags for way_id, _g, tags in services.ways}
    for attrs, _geom in roads:
        assert attrs["highway"] == by_id[attrs["osm_id"]]["highway"]
        assert attrs["oneway"] == by_id[attrs["osm_id"]].get("oneway")
    post = hits(services, "overpass")[0][1]["data"][0]
    assert post.startswith("[out:json][timeout:") and 'way["highway"](43.7' in post
    services.mode["overpass_answer"] = "remark"
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(territory), ONLINE=[3], CACHE_DAYS=0)
    assert "Overpass API (OpenStreetMap) could not answer" in str(err.value) and "timed out" in str(err.value)


def test_gtfs_feeds_listed_by_transport_data_gouv(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    gtfs = {"format": "GTFS", "url": f"{base}/transport/resources/1/download", "is_available": True}
    services.datasets = [
        {"id": "local", "title": "Réseau d'Ingeville", "type": "public-transit", "resources": [gtfs],
         "covered_area": [{"type": "commune", "insee": "45999", "nom": "Ingeville"}]},
        {"id": "regional", "title": "Car régional", "type": "public-transit", "resources": [gtfs],
         "covered_area": [{"type": "region", "insee": "24", "nom": "Centre-Val de Loire"}]},
        {"id": "elsewhere", "title": "Ailleurs", "type": "public-transit", "resources": [gtfs],
         "covered_area": [{"type": "commune", "insee": "13210", "nom": "Marseille 10e"}]},
    ]
    communes = f"{DEMO / 'ingeville.gpkg'}|layername=communes"
    feedback = Log()
    result = prepare(processing_context, base, tmp_dir, feedback, TERRITORY_LAYER=communes, ONLINE=[4],
                     OUTPUT_GTFS=str(tmp_dir / "clipped.zip"))
    downloads = [p for p, _q in hits(services, "transport") if p.startswith("/transport/resources")]
    assert downloads == ["/transport/resources/1/download"]  # the local network only
    assert any("Car régional" in line and "regional" in line for line in feedback.lines)
    assert result["TRIPS_KEPT"] > 0 and (tmp_dir / "clipped.zip").exists()
    # the same feed as clipping the file directly to the prepared area
    from friches_tierslieux.core.territory import gtfs_clip

    (_attrs, area), = read_layer(tmp_dir / "prepared.gpkg", "territory_area")
    to_l93 = od.transformer(4326, 2154)
    direct = gtfs_clip.clip_feeds([str(od.DEMO_GTFS)], lambda lon, lat: shapely.intersects_xy(
        area, *zip(*[to_l93(shapely.Point(x, y)).coords[0] for x, y in zip(lon, lat)])), str(tmp_dir / "direct.zip"))
    assert result["TRIPS_KEPT"] == direct.trips_kept
    # with the regional dataset asked by id, both feeds are merged
    result = prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=communes, ONLINE=[4],
                     TRANSPORT_DATASETS="regional", OUTPUT=str(tmp_dir / "two.gpkg"))
    assert result["TRIPS_KEPT"] == 2 * direct.trips_kept
    services.datasets[0]["resources"] = [dict(gtfs, url=f"{base}/transport/resources/broken")]
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=communes, ONLINE=[4], CACHE_DAYS=0)
    assert "is not a zip file" in str(err.value) and "Réseau d'Ingeville" in str(err.value)
    # a territory drawn by hand has no INSEE code: transport.data.gouv.fr cannot be asked
    drawn = tmp_dir / "drawn.geojson"
    drawn.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                     "geometry": json.loads(shapely.to_geojson(shapely.box(2.4, 47.8, 2.5, 47.9)))}]}))
    with pytest.raises(QgsProcessingException) as err:
        prepare(processing_context, base, tmp_dir, TERRITORY_LAYER=str(drawn), ONLINE=[4])
    assert "INSEE codes" in str(err.value)


def test_plu_through_the_gpu_loader(plugin, processing_context, server, services, tmp_dir):
    base, _ = server
    zones = [(z["properties"], shapely.geometry.shape(z["geometry"])) for z in services.zones]
    centre = shapely.union_all([g for _p, g in zones]).centroid
    piece = shapely.box(centre.x - 0.005, centre.y - 0.005, centre.x + 0.005, centre.y + 0.005)
    territory = tmp_dir / "pezou.geojson"
    territory.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"insee": "41175"}, "geometry": json.loads(shapely.to_geojson(piece))}]}))
    services.mode["gpu_answer"] = "null"  # a null item in the features array: left out, said, no crash
    feedback = Log()
    prepare(processing_context, base, tmp_dir, feedback, TERRITORY_LAYER=str(territory), BUFFER_M=0, ONLINE=[5])
    got = read_layer(tmp_dir / "prepared.gpkg", "zone_urba")
    area_l93 = od.transformer(4326, 2154)(piece)
    expected = {p["gid"] for p, g in zones if od.transformer(4326, 2154)(g).intersects(area_l93)}
    assert {a["gid"] for a, _g in got} == expected and expected
    assert any("are not features (null or not an object)" in line for line in feedback.lines)


# -- friches:load_gpu, the two cases of issue 12 -------------------------------------------------------------


def test_load_gpu_null_feature_and_time_out(plugin, processing_context, server, services, tmp_dir):
    from qgis import processing

    base, _ = server
    minx, miny, maxx, maxy = shapely.union_all([shapely.geometry.shape(z["geometry"]) for z in services.zones]).bounds
    params = {"EXTENT": f"{minx},{maxx},{miny},{maxy} [EPSG:4326]", "LAYERS": [0], "BASE_URL": f"{base}/gpu",
              "OUTPUT": str(tmp_dir / "gpu.gpkg")}
    services.mode["gpu_answer"] = "null"
    feedback = Log()
    result = processing.run("friches:load_gpu", params, context=processing_context, feedback=feedback)
    assert result["FEATURES"] == len(services.zones) == 118  # the null is left out, every zone written
    assert any("1 item(s) of the features array" in line for line in feedback.lines)

    services.mode.clear()
    services.mode["gpu"] = "slow"  # the GPU does not answer in time
    started = time.monotonic()
    with pytest.raises(QgsProcessingException) as err:
        processing.run("friches:load_gpu", dict(params, TIMEOUT=1, RETRIES=0, REFRESH=True),
                       context=processing_context, feedback=Log())
    message = str(err.value)
    assert "API Carto GPU (apicarto.ign.fr) did not answer within 1 s (1 attempt(s))" in message
    assert "HTTP 0" not in message and "FeatureCollection" not in message
    assert time.monotonic() - started < 10
    assert f"{base}/gpu/zone-urba?" in message  # the request is named
