"""``friches:zoning_overlay`` and ``friches:load_gpu`` through Processing.

Zoning: hand-built layers in Lambert-93 with every defect real exports have (an invalid bow-tie zone, a
multi-part zone, legacy Nh / ah codes, lower-case field names, zones in EPSG:4326, a latin-1 shapefile
without .cpg, missing required fields); shares are checked against the test's own shapely computation.
GPU: a local http.server on 127.0.0.1 answering in the documented API Carto format, with 12,000 zones
(three pages of at most 5,000), a cache that makes the second run offline, and a closed port.
"""

import json
import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from shapely.geometry import MultiPolygon, Polygon, box

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
X0, Y0 = 660_000.0, 6_750_000.0
FAMILIES = ("u", "auc", "aus", "a", "n")
FAMILY_OF = {"U": "u", "AUC": "auc", "AUS": "aus", "A": "a", "AH": "a", "N": "n", "NH": "n", "ND": "n"}


def at(geom):
    """A local-metre shape moved to Lambert-93 around Ingeville."""
    return shapely.affinity.translate(geom, X0, Y0)


# zones: (LIBELLE, TYPEZONE, geometry, LIBELONG, DESTOUI, DESTNON)
ZONES = [
    ("UA", "U", box(0, 0, 100, 200), "Zone urbaine centrale", "20-30-40-53", "51"),
    ("1AUc", "AUc", box(100, 0, 180, 120), "Zone à urbaniser ouverte", "", ""),
    ("2AU", "AUs", box(100, 120, 180, 200), "Zone à urbaniser fermée", "", ""),
    ("A", "A", MultiPolygon([box(180, 0, 240, 200), box(260, 0, 300, 200)]), "Zone agricole", "", ""),
    ("Nh", "Nh", box(240, 0, 260, 200), "Hameau (code ancien)", "", ""),
    ("Nbt", "N", Polygon([(300, 0), (400, 200), (400, 0), (300, 200), (300, 0)]), "Bow-tie", "", ""),
]
SITES = [
    ("S1", box(50, 50, 150, 150)),  # UA 50, 1AUc 35, 2AU 15
    ("S2", box(200, 50, 300, 150)),  # A 80 (two parts), Nh 20
    ("S3", box(300, 50, 400, 150)),  # in the bow-tie: repaired into two triangles, half covered
    ("S4", box(5000, 5000, 5100, 5100)),  # outside
]


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.messages = []

    def pushInfo(self, info):
        self.messages.append(("info", info))
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.messages.append(("warning", warning))
        super().pushWarning(warning)

    def reportError(self, error, fatal_error=False):
        self.messages.append(("error", error))
        super().reportError(error, fatal_error)

    def text(self):
        return "\n".join(m for _k, m in self.messages)


def memory_layer(kind, fields, rows, crs="EPSG:2154", name="layer"):
    layer = QgsVectorLayer(f"{kind}?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(f, QVariant.String) for f in fields])
    layer.updateFields()
    feats = []
    for geom, values in rows:
        feat = QgsFeature(layer.fields())
        feat.setAttributes(list(values))
        if geom is not None:
            feat.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    return layer


def zones_layer(field_case=str.upper, typezone=lambda t: t, crs="EPSG:2154", zones=ZONES):
    fields = [field_case(f) for f in ("LIBELLE", "TYPEZONE", "LIBELONG", "DESTOUI", "DESTNON", "IDURBA")]
    rows = [(at(g), (lib, typezone(tz), longname, oui, non, "45999_PLU_20190315"))
            for lib, tz, g, longname, oui, non in zones]
    layer = memory_layer("MultiPolygon", fields, rows, name="zone_urba")
    if crs != "EPSG:2154":
        layer = reproject(layer, crs)
    return layer


def reproject(layer, crs):
    out = QgsVectorLayer(f"MultiPolygon?crs={crs}", layer.name(), "memory")
    out.dataProvider().addAttributes(layer.fields().toList())
    out.updateFields()
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    feats = []
    for feat in layer.getFeatures():
        geom = QgsGeometry(feat.geometry())
        geom.transform(transform)
        new = QgsFeature(out.fields())
        new.setAttributes(feat.attributes())
        new.setGeometry(geom)
        feats.append(new)
    out.dataProvider().addFeatures(feats)
    return out


def sites_layer(sites=SITES, kind="Polygon"):
    return memory_layer(kind, ["site_id", "site_nom"], [(at(g), (sid, f"Site {sid}")) for sid, g in sites],
                        name="sites")


def run(context, feedback, alg="friches:zoning_overlay", **params):
    from qgis import processing

    base = {"OUTPUT": "memory:", "OUTPUT_ZONES": "memory:"} if alg == "friches:zoning_overlay" else {}
    base.update(params)
    return processing.run(alg, base, context=context, feedback=feedback)


def rows_by_site(layer):
    names = layer.fields().names()
    out = {}
    for feat in layer.getFeatures():
        row = {}
        for name, value in zip(names, feat.attributes()):
            if value is not None and hasattr(value, "isNull") and value.isNull():
                value = None
            row[name] = value
        out[row["site_id"]] = row
    return out


def expected(site, zones=ZONES):
    """The test's own computation: per family, the area of site ∩ zone (zones repaired with
    shapely.make_valid), over the total."""
    areas = dict.fromkeys(FAMILIES, 0.0)
    union = []
    for _lib, tz, geom, *_ in zones:
        geom = shapely.make_valid(at(geom))
        union.append(geom)
        areas[FAMILY_OF[tz.upper()]] += at(site).intersection(geom).area
    total = sum(areas.values())
    zoned = at(site).intersection(shapely.union_all(union)).area / at(site).area * 100
    return {f: 100 * a / total for f, a in areas.items()} if total else {}, zoned


def assert_shares(row, site):
    shares, zoned = expected(site)
    for family in FAMILIES:
        assert row[f"{family}_pct"] == pytest.approx(shares[family], abs=0.1), (row["site_id"], family)
    assert sum(row[f"{f}_pct"] for f in FAMILIES) == pytest.approx(100.0, abs=1e-6)
    assert row["zoned_pct"] == pytest.approx(zoned, abs=0.1)


# -- zoning overlay ------------------------------------------------------------------------------------------


def test_shares_repairs_and_multipart(plugin, processing_context):
    feedback = Recorder()
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer())
    rows = rows_by_site(result["OUTPUT"])
    for sid, geom in SITES[:3]:
        assert_shares(rows[sid], geom)
    s1 = rows["S1"]
    assert (s1["zone_libelle"], s1["zone_type"], s1["zone_family"]) == ("UA", "U", "u")
    assert s1["zone_libelong"] == "Zone urbaine centrale"
    assert s1["zones"] == "UA (50 %), 1AUc (35 %), 2AU (15 %)"
    assert s1["zoning_status"] == "covered"
    s2 = rows["S2"]
    assert (s2["a_pct"], s2["n_pct"]) == (80.0, 20.0) and s2["zones"] == "A (80 %), Nh (20 %)"
    s3 = rows["S3"]
    assert s3["zoning_status"] == "partial" and s3["zone_libelle"] == "Nbt" and s3["n_pct"] == 100.0
    s4 = rows["S4"]
    assert s4["zoning_status"] == "outside" and s4["u_pct"] is None and s4["compat_coworking"] == "unknown"
    # the bow-tie was read although the context stops on invalid geometries, and repaired
    assert result["REPAIRED"] == 1 and result["ZONES_READ"] == 6 and result["OUTSIDE"] == 1
    log = feedback.text()
    assert "1 invalid zone geometry(ies) repaired" in log
    assert "1 multi-part zone(s)" in log
    assert "legacy TYPEZONE" in log and "Nh (1)" in log
    # the output zones: repaired, normalised
    zones = {f["LIBELLE"]: f for f in result["OUTPUT_ZONES"].getFeatures()}
    assert zones["Nh"]["zone_family"] == "n" and zones["Nh"]["zone_type"] == "N"
    assert zones["Nbt"]["geom_repaired"] is True and zones["Nbt"].geometry().isGeosValid()
    assert zones["UA"]["geom_repaired"] is False
    # sites keep their fields and geometry
    assert s1["site_nom"] == "Site S1" and result["OUTPUT"].featureCount() == 4


def test_compatibility_fields(plugin, processing_context, feedback):
    stecal = memory_layer("MultiPolygon", ["TYPEPSC", "STYPEPSC", "LIBELLE", "TXT"],
                          [(at(box(190, 40, 310, 160)), ("16", "03", "STECAL du hameau", "St1"))], name="psc_surf")
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer(), PRESCRIPTIONS=[stecal])
    rows = rows_by_site(result["OUTPUT"])
    s1 = rows["S1"]
    # UA: DESTOUI 20-30-40-53, DESTNON 51
    assert s1["compat_coworking"] == "compatible" and "DESTOUI" in s1["compat_coworking_why"]
    assert s1["compat_fablab"] == "conditional"  # 31 allowed through 30, 51 forbidden
    assert "51 (industrie)" in s1["compat_fablab_why"]
    assert s1["compat_mediation"] == "compatible"
    s2 = rows["S2"]  # A with a STECAL
    assert {s2[f"compat_{u}"] for u in ("coworking", "fablab", "mediation")} == {"conditional"}
    assert "STECAL" in s2["compat_coworking_why"]
    assert s2["prescriptions"] == "STECAL « St1 » (16-03, 100 %)" and s2["psc_codes"] == "16-03"
    s3 = rows["S3"]  # N (bow-tie), partly under the STECAL
    assert s3["compat_coworking"] == "conditional"
    assert s3["prescriptions"].startswith("STECAL « St1 » (16-03, 10 %)")


def test_prescriptions_informations_and_scot(plugin, processing_context, feedback):
    surf = memory_layer("MultiPolygon", ["TYPEPSC", "STYPEPSC", "LIBELLE", "TXT"], [
        (at(box(50, 50, 90, 150)), ("01", "01", "EBC", "")),
        (at(box(90, 0, 110, 200)), ("5", "2", "Emplacement réservé n°12", "ER 12")),
    ], name="prescription_surf")
    lines = memory_layer("MultiLineString", ["typepsc", "stypepsc"], [
        (at(shapely.LineString([(60, -10), (60, 300)])), ("22", "03")),
    ], name="prescription_lin")
    points = memory_layer("Point", ["TYPEPSC", "STYPEPSC"], [(at(shapely.Point(120, 60)), ("07", "01"))],
                          name="prescription_pct")
    info = memory_layer("MultiPolygon", ["TYPEINF", "STYPEINF"], [(at(box(-10, -10, 500, 500)), ("04", "01"))],
                        name="info_surf")
    scot = memory_layer("MultiPolygon", ["IDURBA", "nom"], [(at(box(-100, -100, 1000, 1000)),
                                                             ("200012345_SCOT_20180620", "SCOT du Pays Test"))])
    point_sites = sites_layer([("P1", shapely.Point(125, 60)), ("P2", shapely.Point(250, 100))], kind="Point")
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer(),
                 PRESCRIPTIONS=[surf, lines, points], INFORMATIONS=[info], SCOT=scot)
    s1 = rows_by_site(result["OUTPUT"])["S1"]
    assert s1["prescriptions"] == (
        "espace boisé classé (01-01, 40 %) ; emplacement réservé (ouvrage public) « ER 12 » (05-02, 20 %) ; "
        "patrimoine bâti protégé (07-01) ; linéaire commercial protégé (22-03)")
    assert s1["psc_codes"] == "01-01;05-02;07-01;22-03"
    assert s1["informations"] == "droit de préemption urbain renforcé (04-01, 100 %)" and s1["inf_codes"] == "04-01"
    assert s1["scot_nom"] == "SCOT du Pays Test"
    assert s1["compat_coworking"] == "conditional" and "20 %" in s1["compat_coworking_why"]  # the ER
    # point sites: the zone containing them, prescriptions within the search distance
    result = run(processing_context, feedback, INPUT=point_sites, ZONES=zones_layer(),
                 PRESCRIPTIONS=[surf, lines, points], SCOT=scot, NEAR_DISTANCE=10)
    rows = rows_by_site(result["OUTPUT"])
    p1 = rows["P1"]
    assert (p1["zone_libelle"], p1["auc_pct"], p1["zoned_pct"]) == ("1AUc", 100.0, 100.0)
    assert p1["prescriptions"] == "patrimoine bâti protégé (07-01, nearby)" or \
        p1["prescriptions"] == "patrimoine bâti protégé (07-01, à proximité)"
    assert rows["P2"]["zone_type"] == "N" and rows["P2"]["zones"] == "Nh (100 %)"
    assert rows["P2"]["scot_nom"] == "SCOT du Pays Test"


def test_zones_in_another_crs_and_lowercase_fields(plugin, processing_context, feedback):
    reference = rows_by_site(run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer())["OUTPUT"])
    zones = zones_layer(field_case=str.lower, typezone=str.lower, crs="EPSG:4326")
    assert zones.crs().authid() == "EPSG:4326" and "typezone" in zones.fields().names()
    feedback = Recorder()
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones)
    rows = rows_by_site(result["OUTPUT"])
    assert "reprojected from EPSG:4326 to EPSG:2154" in feedback.text()
    assert "another case" in feedback.text()
    for sid, geom in SITES[:3]:
        for family in FAMILIES:
            assert rows[sid][f"{family}_pct"] == pytest.approx(reference[sid][f"{family}_pct"], abs=0.1)
        assert_shares(rows[sid], geom)
    assert rows["S1"]["zone_type"] == "U" and rows["S2"]["zones"] == "A (80 %), Nh (20 %)"
    assert result["OUTPUT_ZONES"].crs().authid() == "EPSG:2154"
    # sites in degrees: measured in Lambert-93 anyway
    sites_4326 = reproject(sites_layer(), "EPSG:4326")
    rows = rows_by_site(run(processing_context, feedback, INPUT=sites_4326, ZONES=zones_layer())["OUTPUT"])
    assert_shares(rows["S1"], SITES[0][1])


def test_latin1_shapefile(plugin, processing_context, tmp_dir):
    path = tmp_dir / "zone_urba.shp"
    layer = zones_layer()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "ISO-8859-1"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    # as exported by older software: no .cpg, no language id in the .dbf header
    for cpg in tmp_dir.glob("zone_urba.cpg"):
        cpg.unlink()
    dbf = tmp_dir / "zone_urba.dbf"
    raw = bytearray(dbf.read_bytes())
    raw[29] = 0
    dbf.write_bytes(bytes(raw))
    assert "à urbaniser".encode("latin-1") in raw
    shp = QgsVectorLayer(str(path), "zone_urba", "ogr")
    garbled = {f["LIBELLE"]: f["LIBELONG"] for f in shp.getFeatures()}["1AUc"]
    assert garbled != "Zone à urbaniser ouverte"  # what QGIS reads on its own
    feedback = Recorder()
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=str(path))
    rows = rows_by_site(result["OUTPUT"])
    point = sites_layer([("P", shapely.Point(150, 60))], kind="Point")
    prow = rows_by_site(run(processing_context, feedback, INPUT=point, ZONES=str(path))["OUTPUT"])["P"]
    assert prow["zone_libelong"] == "Zone à urbaniser ouverte"
    assert "read as windows-1252" in feedback.text()
    assert_shares(rows["S1"], SITES[0][1])
    zones = {f["LIBELLE"]: f["LIBELONG"] for f in result["OUTPUT_ZONES"].getFeatures()}
    assert zones["2AU"] == "Zone à urbaniser fermée"


def test_missing_required_fields_are_named(plugin, processing_context, feedback):
    no_type = memory_layer("MultiPolygon", ["LIBELLE", "NOM"], [(at(box(0, 0, 10, 10)), ("UA", "x"))])
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, feedback, INPUT=sites_layer(), ZONES=no_type)
    assert "TYPEZONE" in str(err.value) and "LIBELLE, NOM" in str(err.value)
    no_label = memory_layer("MultiPolygon", ["typezone"], [(at(box(0, 0, 10, 10)), ("U",))])
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, feedback, INPUT=sites_layer(), ZONES=no_label)
    assert "LIBELLE" in str(err.value)
    bad_psc = memory_layer("MultiPolygon", ["LIBELLE"], [(at(box(0, 0, 10, 10)), ("EBC",))], name="my_psc")
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer(), PRESCRIPTIONS=[bad_psc])
    assert "TYPEPSC" in str(err.value) and "my_psc" in str(err.value)


def test_carte_communale(plugin, processing_context, feedback):
    sectors = memory_layer("MultiPolygon", ["libelle", "typesect"], [
        (at(box(0, 0, 100, 200)), ("ZC", "01")),
        (at(box(100, 0, 180, 200)), ("ZCa", "2")),
        (at(box(180, 0, 400, 200)), ("ZnC", "03")),
    ], name="secteur_cc")
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=sectors)
    rows = rows_by_site(result["OUTPUT"])
    assert rows["S1"]["u_pct"] == 100.0 and rows["S1"]["zones"] == "ZC (50 %), ZCa (50 %)"
    assert rows["S1"]["zone_type"] in ("ZC", "ZCa")
    assert rows["S2"]["n_pct"] == 100.0 and rows["S2"]["zone_type"] == "ZnC"
    assert rows["S2"]["compat_coworking"] == "conditional"
    assert "changement de destination" in rows["S2"]["compat_coworking_why"] or \
        "changing the use" in rows["S2"]["compat_coworking_why"]


def test_rules_table_parameter(plugin, processing_context, feedback, tmp_dir):
    rules = tmp_dir / "rules.csv"
    rules.write_text("priority,use,zone,condition,result,reason_fr,reason_en\n"
                     "1,*,*,,incompatible,Non ({zone}),No ({zone})\n", encoding="utf-8")
    result = run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer(), RULES=str(rules))
    s1 = rows_by_site(result["OUTPUT"])["S1"]
    assert s1["compat_fablab"] == "incompatible" and s1["compat_fablab_why"] in ("Non (UA)", "No (UA)")
    rules.write_text("priority,use,zone,condition,result,reason_fr,reason_en\n1,*,*,,perhaps,a,b\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, feedback, INPUT=sites_layer(), ZONES=zones_layer(), RULES=str(rules))
    assert "line 2" in str(err.value) and "perhaps" in str(err.value)


# -- GPU: a local server in the documented format --------------------------------------------------------------

N_ZONES = 12_000
TYPES = ("U", "AUc", "AUs", "A", "N", "Nh")


def zone_feature(i):
    x = 2.40 + (i % 120) * 0.001
    y = 47.80 + (i // 120) * 0.001
    ring = [[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]
    return {"type": "Feature", "id": f"zone_urba.{i}", "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
            "properties": {"gid": i, "partition": "DU_45999", "libelle": f"Z{i}", "libelong": "Zone d'activités",
                           "typezone": TYPES[i % len(TYPES)], "destdomi": "01", "insee": "45999",
                           "idurba": "45999_PLU_20190315", "datappro": "20190315", "datvalid": "20190315",
                           "bbox": [x, y, x + 0.001, y + 0.001]}}


SMALL = {
    "prescription-surf": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [
        [[2.40, 47.80], [2.41, 47.80], [2.41, 47.81], [2.40, 47.80]]]},
        "properties": {"gid": 1, "libelle": "EBC", "txt": "", "typepsc": "01", "stypepsc": "01"}}],
    "prescription-lin": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[2.4, 47.8],
                                                                                              [2.5, 47.9]]},
                          "properties": {"gid": 2, "libelle": "Linéaire", "typepsc": "22", "stypepsc": "03"}}],
    "prescription-pct": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.45, 47.85]},
                          "properties": {"gid": 3, "libelle": "Bâti", "typepsc": "07", "stypepsc": "01"}}],
    "info-surf": [{"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[
        [[2.40, 47.80], [2.52, 47.80], [2.52, 47.90], [2.40, 47.80]]]]},
        "properties": {"gid": 4, "libelle": "DPU", "typeinf": "04", "stypeinf": "01"}}],
}


class GpuHandler(BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        mode, endpoint = parts[0], parts[-1]
        type(self).hits.append((endpoint, query))
        if mode == "down":
            return self.reply(500, {"code": 500, "message": "Erreur interne du serveur GPU"})
        if endpoint == "municipality":
            if query.get("insee") == ["45999"]:
                feature = {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[
                    [2.40, 47.80], [2.52, 47.80], [2.52, 47.90], [2.40, 47.90], [2.40, 47.80]]]]},
                    "properties": {"gid": 1, "insee": "45999", "name": "Ingeville", "is_rnu": False}}
                return self.reply(200, {"type": "FeatureCollection", "features": [feature], "totalFeatures": 1})
            return self.reply(200, {"type": "FeatureCollection", "features": [], "totalFeatures": 0})
        try:
            geom = json.loads(query["geom"][0])
            assert geom["type"] == "Polygon" and all(-180 <= x <= 180 and -90 <= y <= 90
                                                    for x, y in geom["coordinates"][0])
        except (KeyError, ValueError, AssertionError, TypeError):
            return self.reply(400, {"code": 400, "message": {"geom": {"msg": "Géométrie GeoJSON invalide"}}})
        limit = min(int(query.get("_limit", ["5000"])[0]), 5000)
        start = int(query.get("_start", ["0"])[0])
        if endpoint == "zone-urba":
            features = [zone_feature(i) for i in range(start, min(N_ZONES, start + limit))]
            total = N_ZONES
        else:
            everything = SMALL.get(endpoint, [])
            features, total = everything[start:start + limit], len(everything)
        return self.reply(200, {"type": "FeatureCollection", "features": features, "totalFeatures": total,
                                "numberMatched": total, "numberReturned": len(features),
                                "timeStamp": "2026-01-01T00:00:00Z"})

    def reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def gpu_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), GpuHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def sites_near_ingeville():
    """Two point sites in Lambert-93 whose extent falls on the fake GPU data."""
    wgs84_to_l93 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                          QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    rows = []
    for sid, (lon, lat) in (("G1", (2.4105, 47.8105)), ("G2", (2.4555, 47.8405))):
        point = wgs84_to_l93.transform(lon, lat)
        rows.append((shapely.Point(point.x(), point.y()), (sid, sid)))
    return memory_layer("Point", ["site_id", "site_nom"], rows, name="sites")


def gpkg_count(path, layer):
    lyr = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert lyr.isValid(), layer
    return lyr.featureCount()


def test_load_gpu_pages_caches_and_feeds_the_overlay(plugin, processing_context, gpu_server, tmp_dir):
    GpuHandler.hits.clear()
    path = str(tmp_dir / "gpu.gpkg")
    feedback = Recorder()
    sites = sites_near_ingeville()
    params = {"INPUT": sites, "OUTPUT": path, "BASE_URL": gpu_server + "/api/gpu", "TILE_SIZE": 1.0}
    result = run(processing_context, feedback, alg="friches:load_gpu", **params)
    zone_hits = [q for e, q in GpuHandler.hits if e == "zone-urba"]
    assert [q["_start"] for q in zone_hits] == [["0"], ["5000"], ["10000"]]
    assert all(q["_limit"] == ["5000"] for q in zone_hits)
    assert gpkg_count(path, "zone_urba") == N_ZONES
    assert result["FEATURES"] == N_ZONES + 4 and result["REQUESTS"] == 3 + 7
    assert gpkg_count(path, "prescription_surf") == 1 and gpkg_count(path, "secteur_cc") == 0
    zone_layer = QgsVectorLayer(result["ZONE_URBA"], "zone_urba", "ogr")
    assert zone_layer.crs().authid() == "EPSG:4326"
    assert {"typezone", "libelle", "gid", "bbox"} <= set(zone_layer.fields().names())
    first = next(zone_layer.getFeatures())
    assert first["libelong"] == "Zone d'activités" and first["gid"] == 0
    cache = {f["layer"]: f for f in QgsVectorLayer(f"{path}|layername=_cache", "c", "ogr").getFeatures()}
    assert set(cache) == {"zone_urba", "secteur_cc", "prescription_surf", "prescription_lin", "prescription_pct",
                          "info_surf", "info_lin", "info_pct"}
    assert cache["zone_urba"]["features"] == N_ZONES

    # same request again: everything from the cache, no HTTP request at all
    GpuHandler.hits.clear()
    again = run(processing_context, feedback, alg="friches:load_gpu", **params)
    assert GpuHandler.hits == [] and again["REQUESTS"] == 0 and again["FROM_CACHE"] == 8
    assert gpkg_count(path, "zone_urba") == N_ZONES
    # REFRESH downloads again (one layer, a smaller page size)
    again = run(processing_context, feedback, alg="friches:load_gpu", REFRESH=True, LAYERS=[0], PAGE_SIZE=2500,
                **params)
    assert again["REQUESTS"] == 5 and gpkg_count(path, "zone_urba") == N_ZONES

    # the downloaded zones (WGS 84, lower-case fields, legacy Nh) feed the overlay of the Lambert-93 sites
    zones = QgsVectorLayer(result["ZONE_URBA"], "zone_urba", "ogr")
    points = QgsVectorLayer(f"{path}|layername=prescription_pct", "prescription_pct", "ogr")
    result = run(processing_context, feedback, INPUT=sites, ZONES=zones, PRESCRIPTIONS=[points])
    rows = rows_by_site(result["OUTPUT"])
    assert rows["G1"]["zoning_status"] == "covered" and rows["G1"]["zones"].endswith("(100 %)")
    assert rows["G1"]["zone_libelle"] == "Z1210"  # row 10 (of 120 zones), column 10
    assert rows["G1"]["zone_type"] == {"Nh": "N"}.get(TYPES[1210 % 6], TYPES[1210 % 6])


def test_load_gpu_by_insee(plugin, processing_context, gpu_server, tmp_dir):
    GpuHandler.hits.clear()
    path = str(tmp_dir / "insee.gpkg")
    result = run(processing_context, Recorder(), alg="friches:load_gpu", INSEE="45999", LAYERS=[2, 5],
                 OUTPUT=path, BASE_URL=gpu_server + "/api/gpu")
    endpoints = [e for e, _q in GpuHandler.hits]
    assert endpoints[0] == "municipality" and "insee" not in GpuHandler.hits[1][1]
    assert set(endpoints[1:]) == {"prescription-surf", "info-surf"}
    assert gpkg_count(path, "prescription_surf") == 1 and gpkg_count(path, "info_surf") == 1
    assert "ZONE_URBA" not in result or not result["ZONE_URBA"]
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, Recorder(), alg="friches:load_gpu", INSEE="45000", LAYERS=[0],
            OUTPUT=str(tmp_dir / "x.gpkg"), BASE_URL=gpu_server + "/api/gpu")
    assert "45000" in str(err.value)


def test_load_gpu_errors(plugin, processing_context, gpu_server, tmp_dir):
    sites = sites_near_ingeville()
    # offline: nothing listens on that port
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, Recorder(), alg="friches:load_gpu", INPUT=sites, LAYERS=[0],
            OUTPUT=str(tmp_dir / "off.gpkg"), BASE_URL=f"http://127.0.0.1:{port}/api/gpu")
    message = str(err.value)
    assert "Could not reach" in message and f"127.0.0.1:{port}/api/gpu/zone-urba" in message
    assert "proxy" in message
    # the service fails: the status and the URL are named
    with pytest.raises(QgsProcessingException) as err:
        run(processing_context, Recorder(), alg="friches:load_gpu", INPUT=sites, LAYERS=[0],
            OUTPUT=str(tmp_dir / "down.gpkg"), BASE_URL=gpu_server + "/down/gpu")
    assert "HTTP 500" in str(err.value) and "/down/gpu/zone-urba" in str(err.value)
    assert "Erreur interne" in str(err.value)
    # no extent at all
    with pytest.raises(QgsProcessingException):
        run(processing_context, Recorder(), alg="friches:load_gpu", LAYERS=[0], OUTPUT=str(tmp_dir / "none.gpkg"),
            BASE_URL=gpu_server + "/api/gpu")


# -- the demo territory ---------------------------------------------------------------------------------------


@pytest.mark.skipif(not (DEMO / "ingeville.gpkg").exists() or not (DEMO / "friches_ingeville.csv").exists(),
                    reason="the Ingeville demo (demo/ingeville/ingeville.gpkg, friches_ingeville.csv) is not generated "
                           "yet: run demo/generate_ingeville.py")
def test_demo_ingeville(plugin, processing_context):
    from qgis import processing

    gpkg = DEMO / "ingeville.gpkg"
    csv_uri = f"{(DEMO / 'friches_ingeville.csv').as_uri()}?delimiter=,&geomType=none"
    table = QgsVectorLayer(csv_uri, "friches", "delimitedtext")
    assert table.isValid()
    imported = processing.run("friches:import_inventory", {
        "INPUT": table, "OUTPUT": "memory:", "OUTPUT_POLYGONS": "memory:", "REPORT": "memory:"},
        context=processing_context, feedback=QgsProcessingFeedback())
    # layers opened here (not paths for Processing to open): in QGIS 3.22 a GeoPackage layer loaded by the
    # context next to a Python-owned layer of the same file crashes when the context is deleted
    layers = {name: QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in
              ("zone_urba", "prescription_surf", "prescription_lin", "prescription_pct", "perimetre_scot")}
    assert all(lyr.isValid() for lyr in layers.values())
    layer = layers.get
    for sites in (imported["OUTPUT_POLYGONS"], imported["OUTPUT"]):
        feedback = Recorder()
        result = run(processing_context, feedback, INPUT=sites, ZONES=layer("zone_urba"),
                     PRESCRIPTIONS=[layer("prescription_surf"), layer("prescription_lin"), layer("prescription_pct")],
                     SCOT=layer("perimetre_scot"))
        rows = rows_by_site(result["OUTPUT"])
        assert rows and len(rows) == sites.featureCount()
        assert result["REPAIRED"] >= 2  # the demo's invalid zones
        assert "legacy TYPEZONE" in feedback.text()
        for row in rows.values():
            assert row["zoning_status"] in ("covered", "partial", "outside")
            if row["zoning_status"] != "outside":
                assert sum(row[f"{f}_pct"] for f in FAMILIES) == pytest.approx(100.0, abs=1e-6)
                assert row["zone_libelle"] and row["zone_type"] in ("U", "AUc", "AUs", "A", "N")
                assert row["scot_nom"] == "SCOT du Pays d'Ingeville"
                for use in ("coworking", "fablab", "mediation"):
                    assert row[f"compat_{use}"] in ("compatible", "conditional", "incompatible", "unknown")
                    assert row[f"compat_{use}_why"]
        covered = [r for r in rows.values() if r["zoning_status"] != "outside"]
        assert len(covered) >= 0.8 * len(rows)
        assert any(r["prescriptions"] for r in rows.values())


def test_styles_exist_and_load(plugin):
    from friches_tierslieux.processing.styles import apply_style, style_path

    for name, kind in (("zone_urba", "MultiPolygon"), ("zoning_zones", "MultiPolygon"),
                       ("secteur_cc", "MultiPolygon"), ("prescription_surf", "MultiPolygon"),
                       ("prescription_lin", "MultiLineString"), ("prescription_pct", "Point"),
                       ("info_surf", "MultiPolygon"), ("info_lin", "MultiLineString"), ("info_pct", "Point"),
                       ("perimetre_scot", "MultiPolygon"), ("zoning_sites", "Point"),
                       ("zoning_sites_polygons", "MultiPolygon")):
        assert style_path(name).exists(), name
        layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&field=TYPEZONE:string", name, "memory")
        assert apply_style(layer, name), name
    # the zone style colours every family, whatever the case of the field and of its values
    layer = zones_layer(field_case=str.lower, typezone=str.lower)
    apply_style(layer, "zone_urba")
    renderer = layer.renderer()
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils, QgsRenderContext

    context = QgsRenderContext()
    context.setExpressionContext(QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer)))
    renderer.startRender(context, layer.fields())
    try:
        for feat in layer.getFeatures():
            context.expressionContext().setFeature(feat)  # as the map renderer does before each feature
            symbol = renderer.symbolForFeature(feat, context)
            assert symbol is not None, feat["libelle"]
            expected_colour = {"UA": "#e60000", "1AUc": "#ff6565", "2AU": "#feccbe", "A": "#ffff00",
                               "Nh": "#56aa02", "Nbt": "#56aa02"}[feat["libelle"]]
            assert symbol.color().name() == expected_colour, feat["libelle"]
    finally:
        renderer.stopRender(context)
    assert os.path.getsize(style_path("zone_urba")) > 1000


def test_sites_without_the_id_field_and_a_previous_output(plugin, processing_context, feedback):
    sites = memory_layer("Polygon", ["code", "u_pct"], [(at(box(50, 50, 150, 150)), ("A1", "stale"))])
    result = run(processing_context, feedback, INPUT=sites, ZONES=zones_layer())
    layer = result["OUTPUT"]
    names = layer.fields().names()
    assert names.count("u_pct") == 1 and names[:1] == ["code"]  # the stale field is replaced, not doubled
    row = next(layer.getFeatures())
    assert row["code"] == "A1" and row["u_pct"] == 50.0
    # running on its own output replaces every zoning field
    again = run(processing_context, feedback, INPUT=layer, ZONES=zones_layer())
    assert again["OUTPUT"].fields().names() == names
