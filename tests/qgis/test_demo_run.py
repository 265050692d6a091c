"""`make demo`'s runner, end to end in a temporary folder: territory, inventory, styled project.

Runs in a subprocess (its own QgsApplication), as `make demo` does.
"""

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _count(gpkg, table):
    with sqlite3.connect(gpkg) as db:
        return db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def test_demo_builds_territory_inventory_and_project(tmp_dir, qgis_app):
    out = tmp_dir / "out"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=str(tmp_dir))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    gpkg = out / "ingeville.gpkg"
    csv_rows = sum(1 for _ in (ROOT / "demo" / "ingeville" / "friches_ingeville.csv").open(encoding="utf-8")) - 1
    assert _count(gpkg, "friches") == csv_rows
    assert _count(gpkg, "friches_emprises") > 0
    assert _count(gpkg, "routes") > 1000

    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(out / "ingeville.qgz"))
    layers = list(project.mapLayers().values())
    assert len(layers) >= 10
    invalid = [layer.name() for layer in layers if not layer.isValid()]
    assert not invalid
    friches = project.mapLayersByName("Friches")[0]
    assert friches.renderer().type() == "categorizedSymbol"
    assert friches.featureCount() == csv_rows
    assert (out / "ingeville_overview.png").stat().st_size > 50_000

    # A second run keeps the inventory (merge, nothing added or lost) and the edits made in between.
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QDate

    layer = QgsVectorLayer(f"{gpkg}|layername=friches", "friches", "ogr")
    first = min(layer.getFeatures(), key=lambda f: f["site_id"])
    fields = layer.fields()
    edited = "friche reconvertie" if first["site_statut"] != "friche reconvertie" else "friche avec projet"
    assert layer.dataProvider().changeAttributeValues({first.id(): {
        fields.indexOf("site_statut"): edited,
        fields.indexOf("site_actu_date"): QDate(2099, 1, 1),
    }})
    del layer
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--out", str(out)],
                           capture_output=True, text=True, timeout=600, cwd=str(tmp_dir))
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert _count(gpkg, "friches") == csv_rows
    with sqlite3.connect(gpkg) as db:
        query = "SELECT site_statut FROM friches WHERE site_id=(SELECT MIN(site_id) FROM friches)"
        statut = db.execute(query).fetchone()[0]
    assert statut == edited
