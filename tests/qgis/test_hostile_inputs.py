"""Regression tests of issue 12, point 2, through Processing on real files built here: each case the outside
campaign found ending in a raw traceback, in lost rows or in a bare "Could not write feature" now ends in
the expected result or in a ``QgsProcessingException`` that names the file, field or row.

Independent checks: the CSV rows are counted with Python's ``csv`` module, the huge polygon's area with
shapely on the WKT written, the UTF-16 import against the UTF-8 import of the same rows.
"""

import csv
import json
import math
import time
import zipfile
from pathlib import Path

import pytest
import shapely
from gtfs_builders import base_files, write_feed
from import_helpers import assert_nothing_lost, csv_table, lines, run_import, sites
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "cartofriches" / "friches_standard_sample_2025.csv"
HEADER = "site_id;site_nom;site_type;comm_insee;bati_surface;geompoint;geomsurf\n"


def run(alg, context, feedback, **params):
    from qgis import processing

    return processing.run(f"friches:{alg}", params, context=context, feedback=feedback)


def layers_of(path, delimiter=";"):
    """The file as QGIS opens it: the delimited-text table and GDAL's CSV layer."""
    return {"delimitedtext": csv_table(path, delimiter=delimiter),
            "ogr": QgsVectorLayer(str(path), path.stem, "ogr")}


def finite(layer):
    for feat in layer.getFeatures():
        geom = shapely.from_wkb(bytes(feat.geometry().asWkb()))
        if not all(math.isfinite(c) for c in shapely.get_coordinates(geom).ravel()):
            return False
    return True


# -- GTFS -----------------------------------------------------------------------------------------------------


def test_header_only_stop_times_with_frequencies(plugin, processing_context, feedback, tmp_dir):
    path = write_feed(tmp_dir / "f.zip", stop_times="trip_id,arrival_time,departure_time,stop_id,stop_sequence\n")
    result = run("transit_service", processing_context, feedback, GTFS=str(path), DATE="2025-03-04",
                 OUTPUT="memory:")
    assert result["DEPARTURES"] == 0 and result["OUTPUT"].featureCount() == result["STOPS"]


def test_utf16_stops_read_like_utf8(plugin, processing_context, feedback, tmp_dir):
    reference = run("transit_service", processing_context, feedback, GTFS=str(write_feed(tmp_dir / "ref.zip")),
                    DATE="2025-03-04", OUTPUT="memory:")
    path = tmp_dir / "u16.zip"
    import textwrap

    with zipfile.ZipFile(path, "w") as zf:
        for name, text in base_files().items():
            text = textwrap.dedent(text)
            zf.writestr(name, text.encode("utf-16") if name == "stops.txt" else text.encode("utf-8"))
    result = run("transit_service", processing_context, feedback, GTFS=str(path), DATE="2025-03-04",
                 OUTPUT="memory:")

    def table(res):
        return sorted((f["stop_id"], f["stop_name"], f["departures"]) for f in res["OUTPUT"].getFeatures())

    assert table(result) == table(reference)
    assert any(name == "Écoles" for _i, name, _d in table(result))


def test_damaged_zip_member_is_named(plugin, processing_context, feedback, tmp_dir):
    path = write_feed(tmp_dir / "damaged.zip")
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo("stops.txt").header_offset
    data = bytearray(path.read_bytes())
    data[offset:offset + 4] = b"XXXX"
    path.write_bytes(bytes(data))
    with pytest.raises(QgsProcessingException) as info:
        run("transit_service", processing_context, feedback, GTFS=str(path), OUTPUT="memory:")
    assert "stops.txt" in str(info.value) and "zip" in str(info.value)


# -- CNIG CSV -------------------------------------------------------------------------------------------------


def test_nan_point_and_infinite_polygon_rows_are_reported(plugin, processing_context, feedback, tmp_dir):
    path = tmp_dir / "nan.csv"
    path.write_text(HEADER + "\n".join([
        "75056_1;NaN point;friche industrielle;75056;;POINT (2.35 nan);NA",
        "75056_2;Bon site;friche industrielle;75056;;POINT (2.3522 48.8566);NA",
        "75056_3;Sommet infini;friche industrielle;75056;;POINT (2.36 48.86);"
        "POLYGON ((2.35 48.85, 2.36 48.85, inf 48.86, 2.35 48.85))",
        "75056_4;Point infini;friche industrielle;75056;;POINT (inf 48.85);NA",
    ]) + "\n", encoding="utf-8")
    for loader, layer in layers_of(path).items():
        result = run_import(processing_context, feedback, layer)
        assert_nothing_lost(result, 4)
        kept = sites(result)
        assert set(kept) == {"75056_2", "75056_3"}, loader  # 75056_3 keeps its point, its polygon is reported
        assert kept["75056_3"]["has_polygon"] is False
        flagged = {(line["site_id"], line["field"]) for line in lines(result, "non_finite_coordinates")}
        assert flagged == {("75056_1", "geompoint"), ("75056_3", "geomsurf"), ("75056_4", "geompoint")}
        assert {line["row"] for line in lines(result, severity="error")} == {1, 4}
        assert finite(result["OUTPUT"]), "no point at infinity"


def test_integer_overflow_is_reported_for_its_row_and_field(plugin, processing_context, feedback, tmp_dir):
    path = tmp_dir / "overflow.csv"
    path.write_text(HEADER + "\n".join([
        "75056_1;Petit;friche industrielle;75056;1200;POINT (2.35 48.85);NA",
        "75056_2;Énorme;friche industrielle;75056;99999999999999999999999;POINT (2.36 48.86);NA",
        "75056_3;Moyen;friche industrielle;75056;2147483647;POINT (2.37 48.87);NA",
    ]) + "\n", encoding="utf-8")
    for output in ("memory:", str(tmp_dir / "overflow_out.gpkg")):
        result = run_import(processing_context, feedback, csv_table(path, delimiter=";"), OUTPUT=output)
        out = result["OUTPUT"] if not isinstance(result["OUTPUT"], str) else QgsVectorLayer(result["OUTPUT"])
        assert out.featureCount() == 3 and result["REJECTED"] == 0
        values = {f["site_id"]: f["bati_surface"] for f in out.getFeatures()}
        assert values["75056_1"] == 1200 and values["75056_3"] == 2147483647
        assert values["75056_2"] is None or (hasattr(values["75056_2"], "isNull") and values["75056_2"].isNull())
        over = lines(result, "integer_out_of_range")
        # the delimited-text provider types the column as real: the value is quoted as it read it (1e+23)
        assert [(x["row"], x["field"], float(x["value"])) for x in over] == [(2, "bati_surface", 1e23)]


def test_a_30_mb_row_is_imported_and_the_others_kept(plugin, processing_context, feedback, tmp_dir):
    n = 1_000_000
    ring = [(2.35 + 0.001 * math.cos(2 * math.pi * k / n), 48.85 + 0.001 * math.sin(2 * math.pi * k / n))
            for k in range(n)]
    wkt = "POLYGON ((" + ", ".join(f"{x:.12f} {y:.12f}" for x, y in ring) + f", {ring[0][0]:.12f} {ring[0][1]:.12f}))"
    path = tmp_dir / "huge.csv"
    path.write_text(HEADER + "\n".join([
        "75056_1;Avant;friche industrielle;75056;;POINT (2.30 48.84);NA",
        f"75056_2;Immense;friche industrielle;75056;;POINT (2.35 48.85);{wkt}",
        "75056_3;Après;friche industrielle;75056;;POINT (2.40 48.86);NA",
    ]) + "\n", encoding="utf-8")
    assert path.stat().st_size > 30_000_000
    with open(path, encoding="utf-8", newline="") as fh:
        csv.field_size_limit(2**31 - 1)
        assert len(list(csv.DictReader(fh, delimiter=";"))) == 3
        csv.field_size_limit(131072)
    from pyproj import Transformer

    to_l93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
    expected_area = shapely.Polygon([to_l93.transform(x, y) for x, y in ring]).area
    for loader, layer in layers_of(path).items():
        start = time.perf_counter()
        result = run_import(processing_context, feedback, layer)
        assert time.perf_counter() - start < 300, loader
        assert_nothing_lost(result, 3)
        assert set(sites(result)) == {"75056_1", "75056_2", "75056_3"}, loader
        big = sites(result)["75056_2"]
        assert big["has_polygon"] is True
        assert big["site_surface"] == pytest.approx(expected_area, rel=1e-6)
        assert result["OUTPUT_POLYGONS"].featureCount() == 1


def test_utf16_csv_through_the_delimited_text_provider(plugin, processing_context, feedback, tmp_dir):
    with open(SAMPLE, encoding="utf-8", newline="") as fh:
        head = [next(fh) for _ in range(44)]  # the header and 43 single-line rows
    utf8 = tmp_dir / "sample_utf8.csv"
    utf8.write_text("".join(head), encoding="utf-8")
    utf16 = tmp_dir / "sample_utf16.csv"
    utf16.write_bytes("".join(head).encode("utf-16"))
    reference = run_import(processing_context, feedback, csv_table(utf8, delimiter=";"))
    assert reference["IMPORTED"] == 43
    with_type_detection = QgsVectorLayer(f"{utf16.as_uri()}?delimiter=;", "t", "delimitedtext")
    for layer in (csv_table(utf16, delimiter=";"), with_type_detection):
        result = run_import(processing_context, feedback, layer)
        assert_nothing_lost(result, 43)
        got, want = sites(result), sites(reference)
        assert set(got) == set(want)
        for site_id, row in want.items():
            assert got[site_id]["site_nom"] == row["site_nom"]
            assert got[site_id]["_geom"].distance(row["_geom"]) < 0.01
        assert any("é" in (r["site_nom"] or "") for r in got.values())


# -- scoring profile and zoning rules -------------------------------------------------------------------------


def sites_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=site_id:string&field=site_nom:string", "sites", "memory")
    feat = QgsFeature(layer.fields())
    feat.setAttributes(["45999_0001", "Site"])
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(652000, 6862000)))
    layer.dataProvider().addFeatures([feat])
    return layer


@pytest.mark.parametrize(("content", "words"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("services_radius_m", "inputs.services_radius_m: must be a number"),
])
def test_profile_errors_are_messages(plugin, processing_context, feedback, tmp_dir, content, words):
    from friches_tierslieux.core.scoring.profile import DEFAULT_PROFILE

    path = tmp_dir / "profile.json"
    if content == "services_radius_m":
        data = json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))
        data["inputs"]["services_radius_m"] = "500 m"
        content = json.dumps(data)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QgsProcessingException) as info:
        run("score_candidates", processing_context, feedback, INPUT=sites_layer(), PROFILE=str(path),
            OUTPUT="memory:")
    assert words in str(info.value) and "profile" in str(info.value)


def test_latin1_profile_scores_like_the_utf8_one(plugin, processing_context, feedback, tmp_dir):
    from friches_tierslieux.core.scoring.profile import DEFAULT_PROFILE

    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    latin1 = tmp_dir / "latin1.json"
    latin1.write_bytes(text.encode("cp1252", errors="strict"))
    ours = run("score_candidates", processing_context, feedback, INPUT=sites_layer(), PROFILE=str(latin1),
               OUTPUT="memory:")
    reference = run("score_candidates", processing_context, feedback, INPUT=sites_layer(), OUTPUT="memory:")

    def table(res):
        return [f.attributes() for f in res["OUTPUT"].getFeatures()]

    names = ours["OUTPUT"].fields().names()
    for a, b in zip(table(ours), table(reference)):
        differ = {n: (x, y) for n, x, y in zip(names, a, b) if x != y}
        assert list(differ) == ["score_profile"]  # the path of the profile used, nothing else


def test_a_service_date_at_the_end_of_the_calendar(plugin, processing_context, feedback, tmp_dir):
    """Found by the property-based campaign: 9999-12-31 overflowed when the day after was looked at."""
    path = write_feed(tmp_dir / "feed.zip")
    with pytest.raises(QgsProcessingException, match="9999-12-31"):
        run("transit_service", processing_context, feedback, GTFS=str(path), DATE="9999-12-31", OUTPUT="memory:")
