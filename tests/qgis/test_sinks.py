"""processing/sinks.py: how every algorithm writes its outputs (issue 12, "silently missing features" and
point 5).

- ``fit_geometry`` puts any geometry into an output of another type without losing the feature: checked
  against shapely (point on surface, areas of the polygons kept, parts counted).
- ``OutputSink`` writes files and GeoPackage tables under a temporary name: the final name appears only
  complete, an error or a cancel leaves the user's previous file (or table) as it was, and a failed write
  names the site, the output and the reason.
- A process killed with SIGKILL while writing never leaves a half file under the final name.
"""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def sinks(plugin):
    from friches_tierslieux.processing import sinks

    return sinks


@pytest.fixture()
def alg(plugin):
    """An algorithm whose OUTPUT parameter the sink is created for (outside a run: commits at once)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("friches:score_candidates")
    assert algorithm is not None
    return algorithm


def fields():
    from friches_tierslieux.compat import make_field
    from qgis.core import QgsFields

    out = QgsFields()
    out.append(make_field("site_id", "string", 20))
    out.append(make_field("n", "int"))
    return out


def feature(site_id, wkt, n=1):
    out = QgsFeature(fields())
    out.setAttributes([site_id, n])
    if wkt:
        out.setGeometry(QgsGeometry.fromWkt(wkt))
    return out


L93 = QgsCoordinateReferenceSystem("EPSG:2154")
SQUARE = "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"
TRIANGLE = "POLYGON((20 0, 30 0, 30 20, 20 0))"
LINE = "LINESTRING(0 0, 30 0, 30 40)"


# -- fitting geometries ------------------------------------------------------------------------------------

@pytest.mark.parametrize("wkt,target,action", [
    ("POINT(3 4)", "Point", ""),
    (SQUARE, "Point", "point_on_surface"),
    (LINE, "Point", "point_on_surface"),
    ("MULTIPOINT((1 1),(5 5),(9 1))", "Point", "point_on_surface"),
    (f"GEOMETRYCOLLECTION({LINE}, {TRIANGLE})", "Point", "point_on_surface"),
    (SQUARE, "MultiPolygon", ""),
    (f"MULTIPOLYGON(({SQUARE[8:-1]}),({TRIANGLE[8:-1]}))", "MultiPolygon", ""),
    (f"GEOMETRYCOLLECTION(POINT(50 50), {SQUARE}, {LINE}, {TRIANGLE})", "MultiPolygon", "parts_dropped"),
    (f"MULTIPOLYGON(({SQUARE[8:-1]}),({TRIANGLE[8:-1]}))", "Polygon", "parts_dropped"),
    ("POINT(3 4)", "MultiPolygon", "geometry_dropped"),
    (LINE, "MultiPolygon", "geometry_dropped"),
    (LINE, "MultiLineString", ""),
    ("POLYGON Z((0 0 5, 10 0 5, 10 10 5, 0 10 5, 0 0 5))", "MultiPolygon", ""),
    (SQUARE, "PointZ", "point_on_surface"),
    ("CURVEPOLYGON(CIRCULARSTRING(0 0, 10 10, 20 0, 10 -10, 0 0))", "MultiPolygon", ""),
])
def test_fit_geometry_against_shapely(sinks, wkt, target, action):
    wkb_type = QgsWkbTypes.parseType(target)
    source = QgsGeometry.fromWkt(wkt)
    assert not source.isNull(), wkt
    fitted, got = sinks.fit_geometry(source, wkb_type)
    assert got == action
    if action == "geometry_dropped":
        assert fitted.isNull()
        return
    assert QgsWkbTypes.flatType(fitted.wkbType()) == QgsWkbTypes.flatType(wkb_type)
    assert QgsWkbTypes.hasZ(fitted.wkbType()) == QgsWkbTypes.hasZ(wkb_type)
    reference = shapely.from_wkb(bytes(source.asWkb())) if "CURVE" not in wkt else None
    result = shapely.from_wkb(bytes(fitted.asWkb()))
    if QgsWkbTypes.geometryType(wkb_type) == QgsWkbTypes.geometryType(QgsWkbTypes.parseType("Point")):
        if action == "point_on_surface":
            # GEOS's point on surface of the whole geometry, as shapely computes it
            assert shapely.equals_exact(shapely.force_2d(result), shapely.point_on_surface(reference), 1e-9)
        else:
            assert shapely.equals(result, reference)
    elif action == "" and reference is not None:
        assert shapely.equals(shapely.force_2d(result), shapely.force_2d(reference))  # nothing lost
    elif action == "parts_dropped":
        polygons = [p for p in shapely.get_parts(reference) if p.geom_type in ("Polygon", "MultiPolygon")]
        kept = shapely.union_all(polygons)
        if QgsWkbTypes.isMultiType(wkb_type):
            assert result.area == pytest.approx(kept.area)  # every polygon part, no other
        else:
            assert result.area == pytest.approx(max(p.area for p in shapely.get_parts(kept)))  # the largest
    if "CURVE" in wkt:
        assert result.area == pytest.approx(3.14159 * 100, rel=0.01)  # the disc, segmentised


def test_site_sink_type(sinks):
    parse = QgsWkbTypes.parseType
    assert sinks.site_sink_type(parse("Point")) == parse("Point")
    assert sinks.site_sink_type(parse("Polygon"), [QgsGeometry.fromWkt(SQUARE)]) == parse("Polygon")
    multi = QgsGeometry.fromWkt(f"MULTIPOLYGON(({SQUARE[8:-1]}),({TRIANGLE[8:-1]}))")
    assert sinks.site_sink_type(parse("Polygon"), [multi]) == parse("MultiPolygon")
    assert sinks.site_sink_type(parse("PolygonZ"), [multi]) == parse("MultiPolygonZ")
    mixed = [QgsGeometry.fromWkt(w) for w in ("POINT(1 1)", SQUARE, LINE)]
    assert sinks.site_sink_type(parse("Unknown"), mixed) == parse("Point")  # every site keeps a place
    assert sinks.site_sink_type(parse("GeometryCollection"), [multi]) == parse("MultiPolygon")
    assert sinks.site_sink_type(parse("NoGeometry")) == parse("NoGeometry")


# -- writing outputs ---------------------------------------------------------------------------------------

def layer_of(path, name=None):
    layer = QgsVectorLayer(f"{path}|layername={name}" if name else str(path), "out", "ogr")
    assert layer.isValid(), path
    return layer


def digest(path):
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


def test_file_output_appears_complete_and_only_then(sinks, alg, tmp_dir):
    path = tmp_dir / "scores.gpkg"
    context = QgsProcessingContext()
    with sinks.OutputSink(alg, {"OUTPUT": str(path)}, "OUTPUT", context, fields(), QgsWkbTypes.parseType("Point"),
                          L93) as sink:
        for i in range(500):
            sink.add(feature(f"S{i}", f"POINT({i} 0)"), i, f"S{i}")
            assert not path.exists()  # nothing under the final name while writing
    assert sink.dest_id == str(path) and sink.written == 500
    assert sorted(p.name for p in tmp_dir.iterdir()) == ["scores.gpkg"]  # no temporary file left
    layer = layer_of(path)
    assert (layer.featureCount() == 500 and layer.name() == "scores") or layer.featureCount() == 500
    with sqlite3.connect(path) as db:  # the table has the file's name and its spatial index
        assert [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")] == ["scores"]
        assert db.execute("SELECT count(*) FROM rtree_scores_geom").fetchone()[0] == 500
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("name", ["previous.gpkg", "previous.shp", "previous.geojson", "previous.csv"])
def test_error_while_writing_keeps_the_previous_file(sinks, alg, tmp_dir, name):
    path = tmp_dir / name
    context = QgsProcessingContext()
    with sinks.OutputSink(alg, {"OUTPUT": str(path)}, "OUTPUT", context, fields(), QgsWkbTypes.parseType("Point"),
                          L93) as sink:
        sink.add(feature("A", "POINT(1 1)"))
    before = {p.name: digest(p) for p in tmp_dir.iterdir()}
    with pytest.raises(RuntimeError), sinks.OutputSink(alg, {"OUTPUT": str(path)}, "OUTPUT", context, fields(),
                                                       QgsWkbTypes.parseType("Point"), L93) as sink:
        for i in range(100):
            sink.add(feature(f"S{i}", f"POINT({i} 5)"))
        raise RuntimeError("the computation failed half way")
    assert {p.name: digest(p) for p in tmp_dir.iterdir()} == before


def test_cancel_while_writing(sinks, alg, tmp_dir):
    path = tmp_dir / "grid.gpkg"
    feedback = QgsProcessingFeedback()
    context = QgsProcessingContext()
    with pytest.raises(QgsProcessingException, match="Cancel|Annul"), sinks.OutputSink(
            alg, {"OUTPUT": str(path)}, "OUTPUT", context, fields(), QgsWkbTypes.parseType("Point"), L93,
            feedback) as sink:
        for i in range(10_000):
            if i == 1000:
                feedback.cancel()
            sink.add(feature(f"S{i}", f"POINT({i} 0)"))
    assert sink.written < 1000 + sinks.CANCEL_EVERY
    assert list(tmp_dir.iterdir()) == []


def test_shapefile_replaced_with_its_sidecars(sinks, alg, tmp_dir):
    path = tmp_dir / "sites.shp"
    context = QgsProcessingContext()
    for n in (3, 5):
        with sinks.OutputSink(alg, {"OUTPUT": str(path)}, "OUTPUT", context, fields(),
                              QgsWkbTypes.parseType("Point"), L93) as sink:
            for i in range(n):
                sink.add(feature(f"S{i}", f"POINT({i} 0)"))
        (tmp_dir / "sites.qix").write_bytes(b"old spatial index")  # made by QGIS for the previous file
        (tmp_dir / "sites.qml").write_text("<qgis/>")  # the user's style: kept
    layer = layer_of(path)
    assert layer.featureCount() == 5 and layer.crs().authid() == "EPSG:2154"
    names = sorted(p.name for p in tmp_dir.iterdir())
    assert "sites.qml" in names and not [n for n in names if "~part-" in n]


def test_table_in_a_geopackage(sinks, alg, tmp_dir):
    """A table of an existing GeoPackage (what full_analysis writes): the other tables are kept, the table is
    replaced only once complete, an error leaves the previous table."""
    path = tmp_dir / "results.gpkg"
    context = QgsProcessingContext()

    def write(table, n, fail=False):
        uri = f"ogr:dbname='{path}' table=\"{table}\" (geom)"
        with sinks.OutputSink(alg, {"OUTPUT": uri}, "OUTPUT", context, fields(), QgsWkbTypes.parseType("Polygon"),
                              L93) as sink:
            for i in range(n):
                sink.add(feature(f"S{i}", f"POLYGON(({i} 0, {i + 1} 0, {i + 1} 1, {i} 0))"))
                if fail and i == n // 2:
                    raise RuntimeError("failed half way")
        return sink.dest_id

    assert write("zones", 4).endswith("|layername=zones")
    write("sites", 7)
    with pytest.raises(RuntimeError):
        write("zones", 10, fail=True)
    write("sites", 9)
    with sqlite3.connect(path) as db:
        tables = sorted(r[0] for r in db.execute("SELECT table_name FROM gpkg_contents"))
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM rtree_sites_geom").fetchone()[0] == 9
    assert tables == ["sites", "zones"]
    assert layer_of(path, "zones").featureCount() == 4 and layer_of(path, "sites").featureCount() == 9


def test_mixed_geometries_written_and_reported(sinks, alg):
    report = sinks.WriteReport()
    context = QgsProcessingContext()
    rows = [("P", "POINT(1 1)"), ("L", LINE), ("S", SQUARE), ("C", f"GEOMETRYCOLLECTION(POINT(5 5), {SQUARE})"),
            ("M", "MULTIPOINT((1 1),(9 9))"), ("E", None)]
    with sinks.OutputSink(alg, {"OUTPUT": "TEMPORARY_OUTPUT"}, "OUTPUT", context, fields(),
                          QgsWkbTypes.parseType("Point"), L93, report=report) as sink:
        for k, (sid, wkt) in enumerate(rows):
            sink.add(feature(sid, wkt), k + 1, sid)
    layer = QgsProcessingUtils.mapLayerFromString(sink.dest_id, context)
    got = {f["site_id"]: f.geometry() for f in layer.getFeatures()}
    assert sorted(got) == sorted(sid for sid, _w in rows)  # every site written
    assert got["E"].isNull()
    assert got["C"].asWkt() == "Point (5 5)"
    assert {(e[1], e[2], e[4]) for e in report.entries} == {
        (2, "L", "point_on_surface"), (3, "S", "point_on_surface"), (4, "C", "parts_dropped"),
        (5, "M", "point_on_surface")}


def test_failed_write_names_the_site_field_and_output(sinks, alg):
    context = QgsProcessingContext()
    with pytest.raises(QgsProcessingException) as info, sinks.OutputSink(
            alg, {"OUTPUT": "TEMPORARY_OUTPUT"}, "OUTPUT", context, fields(), QgsWkbTypes.parseType("Point"),
            L93) as sink:
        sink.add(feature("45999_0001", "POINT(1 1)"), 1, "45999_0001")
        sink.add(feature("45999_0002", "POINT(1 1)", n="beaucoup"), 2, "45999_0002")
    message = str(info.value)
    assert "45999_0002" in message and "Scored sites" in message and "beaucoup" in message


# -- a process killed while it writes ------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {pkg!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry,
                           QgsProcessingContext, QgsRectangle, QgsWkbTypes)
    app = QgsApplication([], False)
    app.initQgis()
    from friches_tierslieux.compat import make_field
    from friches_tierslieux.processing.score_candidates import ScoreCandidatesAlgorithm
    from friches_tierslieux.processing.sinks import OutputSink
    from qgis.core import QgsFields
    alg = ScoreCandidatesAlgorithm()
    alg.initAlgorithm()
    fields = QgsFields()
    fields.append(make_field("cell_id", "int"))
    n = int(sys.argv[2])
    with OutputSink(alg, {{"OUTPUT": sys.argv[1]}}, "OUTPUT", QgsProcessingContext(), fields,
                    QgsWkbTypes.parseType("MultiPolygon"), QgsCoordinateReferenceSystem("EPSG:2154")) as sink:
        for i in range(n):
            f = QgsFeature(fields)
            f.setAttributes([i])
            f.setGeometry(QgsGeometry.fromRect(QgsRectangle(i, 0, i + 1, 1)))
            sink.add(f)
            if i == 2000:
                print("writing", flush=True)
    print("done", flush=True)
""")


def test_kill_while_writing_never_leaves_a_half_file(plugin, tmp_dir):
    """SIGKILL at random moments of a large write: the final name holds the previous complete file or the
    new complete one, never a part (the temporary folder may stay behind, under another name)."""
    script = tmp_dir / "writer.py"
    script.write_text(WRITER.format(pkg=str(ROOT / ".pytest_pkg")))
    path = tmp_dir / "out" / "grid.gpkg"
    path.parent.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # the previous complete file: 10 cells
    subprocess.run([sys.executable, str(script), str(path), "10"], check=True, env=env, capture_output=True,
                   timeout=120)
    assert layer_of(path).featureCount() == 10
    previous = digest(path)
    outcomes = []
    for delay in (0.0, 0.2, 0.5, 1.0, 2.0):
        process = subprocess.Popen([sys.executable, str(script), str(path), "300000"], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert process.stdout.readline().strip() == "writing"
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        process.stdout.close()
        if digest(path) == previous:
            outcomes.append("previous")
        else:  # a new file under the final name can only be the complete one
            with sqlite3.connect(path) as db:
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert layer_of(path).featureCount() == 300000
            outcomes.append("new")
    assert "previous" in outcomes
    # and a run left alone completes
    subprocess.run([sys.executable, str(script), str(path), "1000"], check=True, env=env, capture_output=True,
                   timeout=120)
    assert layer_of(path).featureCount() == 1000
