"""Helpers of the ``friches:import_inventory`` tests: load a CSV, run the import, read its outputs, and the
invariant every test checks (each input row is an imported site or exactly one ``error`` line)."""

import datetime as dt

import shapely
from friches_tierslieux.core import inventory as inv
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QDate
from shapely.ops import transform as shapely_transform


def csv_table(path, delimiter=",", encoding=None):
    """A CSV loaded by QGIS as a table without geometry (delimited text provider)."""
    uri = f"{path.as_uri()}?delimiter={delimiter}&geomType=none"
    if encoding:
        uri += f"&encoding={encoding}"
    layer = QgsVectorLayer(uri, path.stem, "delimitedtext")
    assert layer.isValid(), uri
    return layer


def action(code):
    """The report's (translated) text of an action code: the tests also pass under a French locale."""
    from friches_tierslieux.processing.inventory_report import action_text

    return action_text(code)


def run_import(context, feedback, source, **params):
    from qgis import processing

    parameters = {"INPUT": source, "OUTPUT": "memory:", "OUTPUT_POLYGONS": "memory:", "REPORT": "memory:"}
    parameters.update(params)
    return processing.run("friches:import_inventory", parameters, context=context, feedback=feedback)


def rows_of(layer):
    names = layer.fields().names()
    out = []
    for feat in layer.getFeatures():
        row = {}
        for name, value in zip(names, feat.attributes()):
            if isinstance(value, QDate):
                value = dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
            elif value is not None and hasattr(value, "isNull") and value.isNull():
                value = None
            row[name] = value
        row["_geom"] = shapely.from_wkb(bytes(feat.geometry().asWkb())) if feat.hasGeometry() else None
        out.append(row)
    return out


def sites(result):
    return {r["site_id"]: r for r in rows_of(result["OUTPUT"])}


def report(result):
    return rows_of(result["REPORT"])


def lines(result, code=None, row=None, severity=None):
    return [
        r for r in report(result)
        if (code is None or r["code"] == code) and (row is None or r["row"] == row)
        and (severity is None or r["severity"] == severity)
    ]


def assert_nothing_lost(result, n_input):
    out = result["OUTPUT"].featureCount()
    errors = lines(result, severity="error")
    assert out + len(errors) == n_input
    assert len({e["row"] for e in errors}) == len(errors), "one error line per rejected row"
    assert all(e["action"] == action(inv.REJECTED) for e in errors)
    assert result["IMPORTED"] == out
    assert result["REJECTED"] == len(errors)
    assert result["WARNINGS"] == len(lines(result, severity="warning"))


def to_l93(geom):
    from pyproj import Transformer

    t = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
    return shapely_transform(t.transform, geom)
