"""Helpers of the team-inventory tests: processing runs with a feedback that keeps every line, QGIS
authentication configurations, PostgreSQL URIs, and reading a GeoPackage inventory with plain sqlite3
(independently of the plugin's own reader)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_CSV = ROOT / "demo" / "ingeville" / "friches_ingeville.csv"
GEOJSON = ROOT / "tests" / "data" / "import" / "sites_cartofriches.geojson"
MASTER_PASSWORD = "friches-tests-master"


def recording_feedback():
    """A QgsProcessingFeedback that keeps every text it is given (to check that no password leaks)."""
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):
            self.lines.append(info)

        def pushWarning(self, warning):
            self.lines.append(warning)

        def reportError(self, error, fatalError=False):  # noqa: N803
            self.lines.append(error)

        def pushCommandInfo(self, info):
            self.lines.append(info)

        def pushDebugInfo(self, info):
            self.lines.append(info)

        def pushConsoleInfo(self, info):
            self.lines.append(info)

        def setProgressText(self, text):
            self.lines.append(text)

        @property
        def text(self):
            return "\n".join(self.lines)

    return Recording()


def csv_layer(path=DEMO_CSV):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), Path(path).stem, "ogr")
    assert layer.isValid(), path
    return layer


def run_import(context, feedback, source, inventory, **params):
    from qgis import processing

    parameters = {"INPUT": source, "INVENTORY": inventory, "OUTPUT": "memory:", "OUTPUT_POLYGONS": "memory:",
                  "REPORT": "memory:"}
    parameters.update(params)
    return processing.run("friches:import_inventory", parameters, context=context, feedback=feedback)


def authcfg(user, password, name=None):
    """The id of a QGIS authentication configuration (Basic: user and password), master password set."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(MASTER_PASSWORD, True):
        # a test profile left with another master password: start its authentication database afresh
        manager.eraseAuthenticationDatabase(False)
        assert manager.setMasterPassword(MASTER_PASSWORD, True)
    config = QgsAuthMethodConfig()
    config.setName(name or f"friches-{user}")
    config.setMethod("Basic")
    config.setConfig("username", user)
    config.setConfig("password", password)
    ok, config = manager.storeAuthenticationConfig(config)
    assert ok
    return config.id()


def pg_uri(cluster, dbname, table='"inventaire"."friches" (geom)', user=None, password=None, auth=None):
    """A QGIS PostgreSQL layer URI of the test cluster: with an authcfg, or user and password in clear."""
    parts = [f"dbname='{dbname}' host=127.0.0.1 port={cluster.port}"]
    if auth:
        parts.append(f"authcfg={auth}")
    else:
        parts.append(f"user='{user}' password='{password}'")
    parts.append(f"table={table}")
    return " ".join(parts)


def gpkg_rows(path, sql, params=()):
    with sqlite3.connect(str(path)) as db:
        rows = db.execute(sql, params).fetchall()
    db.close()
    return rows


def gpkg_state(path):
    """The inventory GeoPackage as plain data: sites (every column but the geometry blobs, which are
    compared as bytes), outlines and history without timestamps. Two equal states hold the same content."""
    with sqlite3.connect(str(path)) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out = {}
        for table, order in (("friches", "site_id"), ("friches_emprises", "site_id"),
                             ("friches_history", "fid")):
            if table not in tables:
                out[table] = None
                continue
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")') if r[1] != "changed_at"]
            cols = ", ".join(f'"{c}"' for c in columns)
            out[table] = db.execute(f'SELECT {cols} FROM "{table}" ORDER BY "{order}"').fetchall()
    db.close()
    return out


def demo_value(site_id, field):
    """A value of the demo's CNIG file (the tests read it rather than copy it: the demo is regenerated)."""
    import csv

    with DEMO_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["site_id"] == site_id:
                return row[field] or None
    raise KeyError(site_id)
