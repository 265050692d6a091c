"""Property-based tests of the algorithms' inputs through Processing (issue 12, point 3): hypothesis builds
layers, CSV files and parameter values, runs the algorithm with ``processing.run`` and checks the
invariants of ``fuzz_support.case``: the run ends within its bound, and the only exception reaching the
user is a ``QgsProcessingException`` whose message is a sentence (never a Python traceback). Per family:

- ``layers_import``: memory layers of every geometry type (empty, null and invalid geometries, Z and M,
  multi-parts, collections), any CRS or none, CNIG fields of the wrong type, duplicated or null ids, fed
  to ``friches:import_inventory``: imported + rejected = input rows;
- ``csv_import``: CNIG CSV files in any delimiter and encoding, loaded as QGIS loads them (delimited text
  and GDAL): imported + rejected = the rows Python's csv module reads (a row of only empty values may
  count as a blank line);
- ``layers_transit``: the same layers as sites of ``friches:transit_coverage`` on a small GTFS feed;
- ``params_transit``: times, dates and options of ``friches:transit_service``;
- ``params_import``: field mappings, CRS and encodings of ``friches:import_inventory``.
"""

from __future__ import annotations

import csv
import io

import pytest
from fuzz_support import case, examples
from gtfs_builders import write_feed
from hypothesis import given
from hypothesis import strategies as st
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QVariant

# -- running -------------------------------------------------------------------------------------------------


def run(alg, **params):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        return processing.run(f"friches:{alg}", params, context=context, feedback=QgsProcessingFeedback())
    finally:
        context.temporaryLayerStore().removeAllMapLayers()


@pytest.fixture(scope="module")
def feed(plugin, tmp_path_factory):
    return str(write_feed(tmp_path_factory.mktemp("gtfs") / "feed.zip"))


# -- strategies: layers --------------------------------------------------------------------------------------

#: Lambert-93 around Paris, and the same place in degrees.
L93 = (652000.0, 6862000.0)
DEG = (2.35, 48.85)
GEOMETRY_TYPES = ["Point", "MultiPoint", "LineString", "Polygon", "MultiPolygon", "PointZ", "PointM", "PolygonZM",
                  "MultiPolygonZ", "None"]
CRS = ["", "EPSG:4326", "EPSG:2154", "EPSG:3857", "EPSG:27572", "EPSG:32631"]
FIELD_TYPES = {"int": QVariant.Int, "double": QVariant.Double, "string": QVariant.String, "date": QVariant.Date,
               "bool": QVariant.Bool, "int64": QVariant.LongLong}
FIELD_NAMES = ["site_id", "site_nom", "SITEID", "site_type", "comm_insee", "bati_surface", "site_actu_date",
               "site_identif_date", "proprio_type", "geompoint", "x", "y", "nom", "site_numero"]


def _coord(draw, degrees):
    x0, y0 = DEG if degrees else L93
    scale = 0.01 if degrees else 1000.0
    special = draw(st.sampled_from([None, None, None, None, 0.0, 1e300, -1e300, 1e15]))
    if special is not None:
        return special, special
    return (x0 + draw(st.floats(-1, 1)) * scale, y0 + draw(st.floats(-1, 1)) * scale)


def _geometry(draw, kind, degrees):
    choice = draw(st.sampled_from(["valid", "valid", "valid", "null", "empty", "invalid", "other"]))
    if choice == "null" or kind == "None":
        return None
    base = kind.rstrip("ZM") if kind not in ("PointM",) else "Point"
    dims = "ZM" if kind.endswith("ZM") else ("Z" if kind.endswith("Z") else ("M" if kind.endswith("M") else ""))
    extra = {"": "", "Z": " 10", "M": " 5", "ZM": " 10 5"}[dims]
    tag = f" {dims}" if dims else ""
    if choice == "empty":
        return f"{base}{tag} EMPTY"
    if choice == "other":
        return draw(st.sampled_from(["LINESTRING (0 0, 1 1)", "POINT (1 2)", "GEOMETRYCOLLECTION (POINT (1 2))",
                                     "POLYGON ((0 0, 1 0, 1 1, 0 0))"]))
    (x, y) = _coord(draw, degrees)
    d = 0.001 if degrees else 50.0
    if base == "Point":
        return f"POINT{tag} ({x} {y}{extra})"
    if base == "MultiPoint":
        return f"MULTIPOINT{tag} (({x} {y}{extra}), ({x + d} {y}{extra}))"
    if base == "LineString":
        return f"LINESTRING{tag} ({x} {y}{extra}, {x + d} {y + d}{extra})"
    ring = [(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)]
    if choice == "invalid":  # bow-tie
        ring = [(x, y), (x + d, y + d), (x + d, y), (x, y + d), (x, y)]
    text = "(" + ", ".join(f"{a} {b}{extra}" for a, b in ring) + ")"
    return f"POLYGON{tag} ({text})" if base == "Polygon" else f"MULTIPOLYGON{tag} (({text}))"


def _value(draw, kind):
    if draw(st.integers(0, 5)) == 0:
        return None
    if kind in ("int", "int64"):
        return draw(st.integers(-(2**31), 2**31 - 1))
    if kind == "double":
        return draw(st.floats(allow_nan=True, allow_infinity=True))
    if kind == "date":
        return QDate(draw(st.integers(1, 9999)), draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    if kind == "bool":
        return draw(st.booleans())
    return draw(st.one_of(st.text(max_size=20), st.sampled_from(
        ["75056_1", "75056_1", "", "friche industrielle", "3013", "G1a|NULL", "POINT (2.35 48.85)", "NA",
         "99999999999999999999999", "2021-02-31", "05/03/2021"])))


@st.composite
def layers(draw):
    kind = draw(st.sampled_from(GEOMETRY_TYPES))
    crs = draw(st.sampled_from(CRS))
    degrees = crs in ("EPSG:4326",) or (crs == "" and draw(st.booleans()))
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=6, unique_by=str.lower))
    kinds = [draw(st.sampled_from(sorted(FIELD_TYPES))) for _ in names]
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        rows.append((_geometry(draw, kind, degrees), [_value(draw, k) for k in kinds]))
    return kind, crs, list(zip(names, kinds)), rows


def build_layer(spec):
    kind, crs, fields, rows = spec
    uri = kind if kind != "None" else "None"
    if crs:
        uri += f"?crs={crs}"
    layer = QgsVectorLayer(uri, "fuzz", "memory")
    assert layer.isValid(), uri
    qfields = QgsFields()
    for name, ftype in fields:
        qfields.append(QgsField(name, FIELD_TYPES[ftype]))
    layer.dataProvider().addAttributes(qfields.toList())
    layer.updateFields()
    features = []
    for wkt, values in rows:
        feat = QgsFeature(layer.fields())
        feat.setAttributes(values)
        if wkt is not None:
            feat.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feat)
    layer.dataProvider().addFeatures(features)
    return layer


def check_nothing_lost(result, n_rows, n_blank=0):
    """imported + rejected = input rows; rows of only empty values (``n_blank`` of them) may count as
    blank lines (QGIS's delimited-text provider skips them, GDAL does not)."""
    assert n_rows - n_blank <= result["IMPORTED"] + result["REJECTED"] <= n_rows
    assert result["OUTPUT"].featureCount() == result["IMPORTED"]
    errors = [f for f in result["REPORT"].getFeatures() if f["severity"] == "error"]
    assert len(errors) == result["REJECTED"]


@examples(25)
@given(layers())
def test_fuzz_layers_import(plugin, spec):
    layer = build_layer(spec)
    n_rows = layer.featureCount()
    with case("layers_import", bound_s=60, expected=(QgsProcessingException,)):
        result = run("import_inventory", INPUT=layer, OUTPUT="memory:", OUTPUT_POLYGONS="memory:",
                     REPORT="memory:")
        check_nothing_lost(result, n_rows)


@examples(15)
@given(layers())
def test_fuzz_layers_transit(feed, spec):
    layer = build_layer(spec)
    with case("layers_transit", bound_s=60, expected=(QgsProcessingException,)):
        result = run("transit_coverage", INPUT=layer, GTFS=feed, DATE="2025-03-04", GRID_CELL=0,
                     OUTPUT="memory:")
        assert result["OUTPUT"].featureCount() <= layer.featureCount()


# -- CSV files as QGIS loads them -----------------------------------------------------------------------------

CELLS = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABC0123456789éèàçô«»’€'-_/.,;:|()\"\t\n", max_size=25),
    st.sampled_from(["POINT (2.35 48.85)", "POINT (652000 6862000)", "POINT (2.35 nan)", "POINT (inf 1)",
                     "POLYGON ((2.35 48.85, 2.36 48.86, 2.36 48.85, 2.35 48.86, 2.35 48.85))", "NA", "",
                     "1 234,5", "99999999999999999999999", "05/03/2021", "G1a|NULL", "75056_1", "3013"]))
CSV_NAMES = ["site_id", "site_nom", "site_type", "comm_insee", "bati_surface", "site_actu_date", "proprio_type",
             "geompoint", "geomsurf"]


@st.composite
def csv_specs(draw):
    # two columns at least: a one-column record of an empty value is a blank line to QGIS and GDAL
    names = draw(st.lists(st.sampled_from(CSV_NAMES), min_size=2, max_size=7, unique=True))
    if "geompoint" not in names and draw(st.booleans()):
        names.append("geompoint")
    records = draw(st.lists(st.fixed_dictionaries({n: CELLS for n in names}), max_size=5))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    loader = draw(st.sampled_from(["delimitedtext", "ogr"]))
    return names, records, delimiter, encoding, loader


@examples(25)
@given(csv_specs())
def test_fuzz_csv_import(plugin, tmp_path_factory, spec):
    names, records, delimiter, encoding, loader = spec
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(records)
    path = tmp_path_factory.mktemp("csv") / "input.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    if loader == "delimitedtext":
        code = {"\t": "%5Ct"}.get(delimiter, delimiter)
        layer = QgsVectorLayer(f"{path.as_uri()}?delimiter={code}&geomType=none", "fuzz", "delimitedtext")
    else:
        layer = QgsVectorLayer(str(path), "fuzz", "ogr")
    if not layer.isValid():  # GDAL opens no UTF-16 CSV at all: QGIS shows it invalid, nothing to import
        assert loader == "ogr" and encoding == "utf-16"
        return
    with case("csv_import", bound_s=60, expected=(QgsProcessingException,)):
        result = run("import_inventory", INPUT=layer, OUTPUT="memory:", OUTPUT_POLYGONS="memory:", REPORT="memory:")
        blank = sum(1 for r in records if not any(v.strip() for v in r.values()))
        check_nothing_lost(result, len(records), blank)


# -- parameters -----------------------------------------------------------------------------------------------

TIMES = st.one_of(st.sampled_from(["07:00", "7:0", "19:00", "25:30", "24:00", "00:00", "99:99", "", "-1:00",
                                   "07:00:00", "abc", "12h", "23:59"]),
                  st.text(alphabet="0123456789:h -", max_size=8))
DATES = st.one_of(st.sampled_from(["2025-03-04", "2025-02-30", "1900-01-01", "9999-12-31", "", "04/03/2025",
                                   "20250304", "demain"]), st.text(alphabet="0123456789-/", max_size=10))


@examples(20)
@given(TIMES, TIMES, DATES, st.booleans())
def test_fuzz_params_transit(feed, start, end, date, group):
    with case("params_transit", bound_s=60, expected=(QgsProcessingException,)):
        result = run("transit_service", GTFS=feed, START_TIME=start, END_TIME=end, DATE=date, GROUP_STATIONS=group,
                     OUTPUT="memory:")
        assert result["DEPARTURES"] >= 0


MAPPINGS = st.one_of(st.sampled_from(["", "site_nom=nom", "site_nom=", "=nom", "x=lon;y=lat", "site_nom=nom;"
                                      "site_nom=nom", "inconnu=nom", "geompoint=site_nom", ";;;", "a" * 5000]),
                     st.text(alphabet="abcdefghijklmnopqrstuvwxyz_=;\n ", max_size=40))


@examples(20)
@given(MAPPINGS, st.sampled_from(["", "EPSG:4326", "EPSG:2154", "EPSG:999999", "EPSG:3857", "nonsense"]),
       st.sampled_from(["", "EPSG:2154", "EPSG:4326", "EPSG:999999", "EPSG:2972"]),
       st.sampled_from(["", "UTF-8", "windows-1252", "klingon", "UTF-16", "latin1"]))
def test_fuzz_params_import(plugin, mapping, source_crs, target_crs, encoding):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=site_id:string&field=nom:string", "sites", "memory")
    feat = QgsFeature(layer.fields())
    feat.setAttributes(["75056_1", "Café"])
    feat.setGeometry(QgsGeometry.fromWkt("POINT (2.35 48.85)"))
    layer.dataProvider().addFeatures([feat])
    params = {"INPUT": layer, "FIELD_MAPPING": mapping, "ENCODING": encoding, "OUTPUT": "memory:",
              "OUTPUT_POLYGONS": "memory:", "REPORT": "memory:"}
    if source_crs:
        params["SOURCE_CRS"] = QgsCoordinateReferenceSystem(source_crs)
    if target_crs:
        params["TARGET_CRS"] = QgsCoordinateReferenceSystem(target_crs)
    with case("params_import", bound_s=60, expected=(QgsProcessingException,)):
        result = run("import_inventory", **params)
        check_nothing_lost(result, 1)
