"""Local stand-ins for the French open-data services, on 127.0.0.1, answering in each service's documented
format (see core/opendata and core/zoning/gpu_api for the documentation followed) with real data:

- ``/geo``: API Découpage administratif: ``/communes/{code}`` (a Feature; 404 "Not Found" when unknown) and
  ``/epcis/{siren}/communes`` (a FeatureCollection), from tests/data/territory/marseille10_contour.geojson;
- ``/apidf``: Cerema API Données foncières ``/cartofriches/geofriches/?in_bbox=…&page_size=…&page=…``: the real
  Cartofriches sample's sites in the box (CNIG properties, MultiPolygon outlines of 30 m around the point as
  the sample has no outline), Django REST framework paging (``count``, absolute ``next``, ``previous``);
- ``/wfs``: Géoplateforme WFS 2.0.0 GetFeature of BDTOPO_V3:troncon_de_route, the real BD TOPO extract in
  the BBOX (EPSG:2154), sorted by cleabs, paged with COUNT / STARTINDEX (the server caps pages at
  ``wfs_cap``), ``numberMatched`` / ``numberReturned``; an OWS ExceptionReport for another type name;
- ``/overpass``: Overpass API ``POST data=…`` with ``way["highway"](s,w,n,e);out geom;``: the real
  OpenStreetMap ways of tests/data/osm/monaco.osm.gz (Monaco, Beausoleil, Cap-d'Ail) in the box;
- ``/transport``: transport.data.gouv.fr ``/datasets`` and the GTFS download of each resource;
- ``/gpu``: API Carto GPU ``/{endpoint}?geom=…&_limit=…&_start=…``, the real Pezou PLU in WGS 84.

``Services.mode`` switches a service into a failure: ``{"geo": "slow"}`` sleeps longer than the client's
time-out, ``"down"`` answers 503 (or 500), ``"429"`` asks to retry once (Retry-After), ``"html"`` answers a
maintenance page, ``"null"`` puts a null in the features array, ``"empty"`` answers no feature,
``"remark"`` gives the Overpass runtime error, ``"loop"`` makes paging never end. ``hits`` records the
requests (service, path, query).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
CONTOUR = DATA / "territory" / "marseille10_contour.geojson"
BDTOPO = DATA / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
CARTOFRICHES = DATA / "cartofriches" / "friches_standard_sample_2025.csv"
MONACO = DATA / "osm" / "monaco.osm.gz"
PEZOU_ZONES = DATA / "plu" / "41175_PLU_20140603" / "ZONE_URBA.shp"
DEMO_GTFS = ROOT.parent / "demo" / "ingeville" / "gtfs_ingeville.zip"


def transformer(src, dst):
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromEPSG(src)
    if isinstance(dst, int):
        b.ImportFromEPSG(dst)
    else:
        b = dst
    for s in (a, b):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(a, b)
    return lambda geom: shapely.transform(geom, lambda c: np.asarray(ct.TransformPoints(c[:, :2]))[:, :2])


def _contour():
    with open(CONTOUR, encoding="utf-8") as fh:
        return json.load(fh)


def _cartofriches_sites():
    import csv

    sites = []
    to_l93, to_wgs = transformer(4326, 2154), transformer(2154, 4326)
    with open(CARTOFRICHES, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            text = row["geompoint"]
            if not text.startswith("POINT ("):
                continue
            lon, lat = (float(v) for v in text[7:-1].split())
            outline = to_wgs(to_l93(shapely.Point(lon, lat)).buffer(30, quad_segs=2))
            props = {k: (None if v in ("", "NA") else v) for k, v in row.items() if k not in ("geompoint", "geomsurf")}
            rings = json.loads(shapely.to_geojson(outline))["coordinates"]
            sites.append((lon, lat, {"type": "Feature", "id": row["site_id"], "properties": props,
                                     "geometry": {"type": "MultiPolygon", "coordinates": [rings]}}))
    return sites


def _roads():
    ds = ogr.Open(str(BDTOPO))
    out = []
    for feature in ds.GetLayer(0):
        geom = feature.GetGeometryRef()
        out.append((shapely.from_wkb(bytes(geom.ExportToIsoWkb())), feature.items()))
    out.sort(key=lambda r: r[1]["cleabs"])
    return out


def _osm_ways():
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the extract's unclosed multipolygon rings are no roads
    try:
        ds = ogr.Open(f"/vsigzip/{MONACO}")
        layer = ds.GetLayerByName("lines")
        features = []
        for feature in layer:  # not list(layer): the OSM driver's feature count is -1
            features.append(feature)
    finally:
        gdal.PopErrorHandler()
    ways = []
    for feature in features:
        if not feature.GetField("highway"):
            continue
        tags = {"highway": feature.GetField("highway")}
        if feature.GetField("name"):
            tags["name"] = feature.GetField("name")
        other = feature.GetField("other_tags") or ""
        for item in other.split('","'):
            if "=>" in item:
                k, v = item.strip('"').split('"=>"', 1)
                tags[k] = v
        geom = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToIsoWkb()))
        ways.append((int(feature.GetField("osm_id")), geom, tags))
    return ways


def _pezou_zones():
    ds = ogr.Open(str(PEZOU_ZONES))
    layer = ds.GetLayer(0)
    to_wgs = transformer(2154, 4326)
    zones = []
    for i, feature in enumerate(layer):
        geom = to_wgs(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToIsoWkb())))
        props = {k.lower(): v for k, v in feature.items().items()}
        props["gid"] = i + 1
        zones.append({"type": "Feature", "id": f"zone_urba.{i + 1}", "properties": props,
                      "geometry": json.loads(shapely.to_geojson(geom))})
    return zones


class Services:
    """The data, the failure modes and the record of requests shared by every handler thread."""

    def __init__(self):
        self.mode = {}
        self.hits = []
        self.wfs_cap = 1000
        self.cartofriches_page = 500
        self.slow_s = 3.0
        self.failures_left = {}
        self.contour = _contour()
        self.sites = _cartofriches_sites()
        self.roads = _roads()
        self.ways = _osm_ways()
        self.zones = _pezou_zones()
        self.gtfs = DEMO_GTFS.read_bytes()
        self.datasets = []

    def fail_once(self, service):
        """True the first time only (for "429" / "down_once" modes)."""
        left = self.failures_left.get(service, 1)
        self.failures_left[service] = left - 1
        return left > 0


class Handler(BaseHTTPRequestHandler):
    services: Services = None

    # -- plumbing ---------------------------------------------------------------------------------------------
    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json; charset=utf-8", headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (time-out)
            self.wfile.write(data)

    def base(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def common_failures(self, service):
        """Answer the failure of ``service``'s mode, or return False to answer normally."""
        mode = self.services.mode.get(service)
        if mode == "slow":
            time.sleep(self.services.slow_s)
            self.reply(200, {"type": "FeatureCollection", "features": []})
            return True
        if mode == "down":
            self.reply(503, b"<html><head><title>503 Service Unavailable</title></head></html>", "text/html")
            return True
        if mode == "429" and self.services.fail_once(service):
            self.reply(429, {"detail": "Too many requests"}, headers=(("Retry-After", "1"),))
            return True
        if mode == "html":
            self.reply(200, b"<html><body><h1>Site en maintenance</h1></body></html>", "text/html")
            return True
        return False

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        service = url.path.strip("/").split("/")[0]
        self.services.hits.append((service, url.path, query))
        if self.common_failures(service):
            return
        getattr(self, f"get_{service}")(url, query)

    def do_POST(self):
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        service = url.path.strip("/").split("/")[0]
        self.services.hits.append((service, url.path, form))
        if self.common_failures(service):
            return
        getattr(self, f"post_{service}")(url, form)

    # -- API Découpage administratif --------------------------------------------------------------------------
    def get_geo(self, url, query):
        parts = url.path.strip("/").split("/")
        assert query.get("format") == ["geojson"] and query.get("geometry") == ["contour"], query
        feature = self.services.contour
        if parts[1] == "communes":
            if parts[2] != feature["properties"]["code"]:
                return self.reply(404, b"Not Found", "text/plain")
            return self.reply(200, feature)
        if parts[1] == "epcis" and parts[3] == "communes":
            if parts[2] == "200054807":
                mode = self.services.mode.get("geo_epci")
                features = [] if mode == "empty" else [feature]
                return self.reply(200, {"type": "FeatureCollection", "features": features})
            return self.reply(404, b"Not Found", "text/plain")
        return self.reply(400, {"code": 400, "message": "Bad request"})

    # -- Cartofriches -----------------------------------------------------------------------------------------
    def get_apidf(self, url, query):
        if "in_bbox" not in query:
            return self.reply(400, {"detail": "Au moins un paramètre de localisation est requis"})
        minx, miny, maxx, maxy = (float(v) for v in query["in_bbox"][0].split(","))
        if maxx - minx > 1.0 or maxy - miny > 1.0:
            return self.reply(400, {"detail": "L'emprise ne doit pas excéder 1.0° x 1.0°"})
        size = min(int(query.get("page_size", ["100"])[0]), self.services.cartofriches_page)
        page = int(query.get("page", ["1"])[0])
        mode = self.services.mode.get("apidf")
        found = [] if mode == "empty" else [f for lon, lat, f in self.services.sites
                                             if minx <= lon <= maxx and miny <= lat <= maxy]
        items = found[(page - 1) * size: page * size]
        if mode == "null" and page == 1:
            items = [None, *items]
        more = page * size < len(found)
        link = f"{self.base()}{url.path}?in_bbox={query['in_bbox'][0]}&page={page + 1}&page_size={size}"
        if mode == "loop":
            more, link = True, f"{self.base()}{url.path}?in_bbox={query['in_bbox'][0]}&page=1&page_size={size}"
        self.reply(200, {"type": "FeatureCollection", "count": len(found), "next": link if more else None,
                         "previous": None, "features": items})

    # -- WFS --------------------------------------------------------------------------------------------------
    def get_wfs(self, url, query):
        q = {k.upper(): v[0] for k, v in query.items()}
        if q.get("TYPENAMES") != "BDTOPO_V3:troncon_de_route" or self.services.mode.get("wfs_answer") == "exception":
            body = ('<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"'
                    ' version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="typeName">'
                    f'<ows:ExceptionText>Feature type {q.get("TYPENAMES")} unknown</ows:ExceptionText></ows:Exception>'
                    '</ows:ExceptionReport>')
            status = 200 if self.services.mode.get("wfs_answer") == "exception" else 400
            return self.reply(status, body.encode("utf-8"), "text/xml")
        assert q["SRSNAME"] == "EPSG:2154" and q["OUTPUTFORMAT"] == "application/json" and q["VERSION"] == "2.0.0"
        box = [float(v) for v in q["BBOX"].split(",")[:4]]
        rect = shapely.box(*box)
        matched = [r for r in self.services.roads if r[0].intersects(rect)]
        count = min(int(q.get("COUNT", "5000")), self.services.wfs_cap)
        start = int(q.get("STARTINDEX", "0"))
        if self.services.mode.get("wfs") == "ignore_start":
            start = 0
        page = matched[start:start + count]
        features = [{"type": "Feature", "id": f"troncon_de_route.{start + i}", "geometry_name": "geometrie",
                     "properties": props, "geometry": json.loads(shapely.to_geojson(geom))}
                    for i, (geom, props) in enumerate(page)]
        self.reply(200, {"type": "FeatureCollection", "features": features, "totalFeatures": len(matched),
                         "numberMatched": len(matched), "numberReturned": len(features),
                         "timeStamp": "2026-01-01T00:00:00Z",
                         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}})

    # -- Overpass ---------------------------------------------------------------------------------------------
    def post_overpass(self, url, form):
        text = form.get("data", [""])[0]
        head = '[out:json][timeout:'
        if not text.startswith(head) or 'way["highway"](' not in text or not text.endswith("out geom;"):
            return self.reply(400, b"<html><body><p>Error: line 1: parse error</p></body></html>", "text/html")
        inside = text.split('way["highway"](', 1)[1].split(")", 1)[0]
        south, west, north, east = (float(v) for v in inside.split(","))
        rect = shapely.box(west, south, east, north)
        elements = [{"type": "way", "id": way_id, "bounds": dict(zip(("minlon", "minlat", "maxlon", "maxlat"),
                                                                   geom.bounds)),
                     "geometry": [{"lat": y, "lon": x} for x, y in geom.coords], "tags": tags}
                    for way_id, geom, tags in self.services.ways if geom.intersects(rect)]
        answer = {"version": 0.6, "generator": "Overpass API 0.7.62", "osm3s": {
            "timestamp_osm_base": "2026-01-01T00:00:00Z",
            "copyright": "The data included in this document is from www.openstreetmap.org. The data is made "
                         "available under ODbL."}, "elements": elements}
        if self.services.mode.get("overpass_answer") == "remark":
            answer["elements"] = elements[:3]
            answer["remark"] = 'runtime error: Query timed out in "query" at line 1 after 25 seconds.'
        self.reply(200, answer)

    # -- transport.data.gouv.fr -------------------------------------------------------------------------------
    def get_transport(self, url, query):
        parts = url.path.strip("/").split("/")
        if parts[1] == "datasets":
            return self.reply(200, self.services.datasets)
        if parts[1] == "resources":
            if parts[2] == "broken":
                return self.reply(200, b"<html>Not a zip</html>", "text/html")
            return self.reply(200, self.services.gtfs, "application/zip")
        return self.reply(404, {"errors": "not found"})

    # -- API Carto GPU ----------------------------------------------------------------------------------------
    def get_gpu(self, url, query):
        endpoint = url.path.strip("/").split("/")[-1]
        if endpoint == "municipality":
            return self.reply(200, {"type": "FeatureCollection", "features": [], "totalFeatures": 0})
        geom = shapely.geometry.shape(json.loads(query["geom"][0]))
        limit = min(int(query.get("_limit", ["5000"])[0]), 5000)
        start = int(query.get("_start", ["0"])[0])
        found = [z for z in self.services.zones if endpoint == "zone-urba"
                 and shapely.geometry.shape(z["geometry"]).intersects(geom)]
        page = found[start:start + limit]
        if self.services.mode.get("gpu_answer") == "null":
            page = [None, *page]
        self.reply(200, {"type": "FeatureCollection", "features": page, "totalFeatures": len(found),
                         "numberMatched": len(found), "numberReturned": len(page)})


def start():
    """(server, base URL, services) of a new server on a free port of 127.0.0.1."""
    services = Services()
    handler = type("BoundHandler", (Handler,), {"services": services})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}", services


def gtfs_zip_bytes(path):
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def gunzip(path):
    with gzip.open(path) as fh:
        return fh.read()
