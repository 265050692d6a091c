"""``friches:full_analysis`` when an input is hostile or the user cancels: a clear message naming the step,
never a KeyError from a child result (issue 12: "an inventory with no usable geometry (KeyError
'OUTPUT_GRID')", "after a cancel during the catchment step (KeyError 'OUTPUT')")."""

import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
GPKG = DEMO / "ingeville.gpkg"

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="the Ingeville demo is not generated")


def demo(table):
    return f"{GPKG}|layername={table}"


class Log(QgsProcessingFeedback):
    """Records the log; cancels when a line starts with ``cancel_at``."""

    def __init__(self, cancel_at=None):
        super().__init__()
        self.lines = []
        self.cancel_at = cancel_at

    def pushInfo(self, text):
        self.lines.append(text)
        if self.cancel_at and text.startswith(self.cancel_at):
            self.cancel()


def run(tmp_dir, feedback=None, **params):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    base = {"NETWORK": demo("routes"), "POPULATION": demo("population_200m"), "GTFS": str(DEMO / "gtfs_ingeville.zip"),
            "ZONES": demo("zone_urba"), "PLACES": demo("tiers_lieux"), "OUTPUT_GPKG": str(tmp_dir / "results.gpkg"),
            "OUTPUT_PDF": str(tmp_dir / "atlas.pdf")}
    base.update(params)
    try:
        return processing.run("friches:full_analysis", base, context=context, feedback=feedback or Log())
    finally:
        context.temporaryLayerStore().removeAllMapLayers()


def clean(message):
    assert "Traceback" not in message and "KeyError" not in message, message
    return message


def test_inventory_without_any_usable_geometry(plugin, tmp_dir):
    csv = tmp_dir / "sans_geometrie.csv"
    csv.write_text("site_id;site_nom;comm_insee;geompoint\n45999_0001;Site A;45999;\n"
                   "45999_0002;Site B;45999;POINT (nan nan)\n45999_0003;Site C;45999;pas du WKT\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as info:
        run(tmp_dir, INVENTORY=str(csv))
    message = clean(str(info.value))
    assert "3 rows rejected" in message or "3 lignes rejetées" in message
    assert "import_report" in message
    with sqlite3.connect(tmp_dir / "results.gpkg") as db:  # the report the message points to is there
        assert db.execute("SELECT count(*) FROM import_report WHERE action = 'rejected'").fetchone()[0] >= 3
    assert not (tmp_dir / "atlas.pdf").exists()


def test_imported_inventory_without_geometry(plugin, tmp_dir):
    """An inventory already imported (site_id, surface_source) whose sites all lost their geometry."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=site_id:string&field=surface_source:string", "friches",
                           "memory")
    features = []
    for i in range(4):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"45999_000{i}", "unknown"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    with pytest.raises(QgsProcessingException) as info:
        run(tmp_dir, INVENTORY=layer)
    message = clean(str(info.value))
    assert "usable geometry" in message or "géométrie utilisable" in message
    assert "4" in message


def test_cancel_during_the_catchment_step(plugin, tmp_dir):
    log = Log(cancel_at="Step 2/")
    with pytest.raises(QgsProcessingException) as info:
        run(tmp_dir, log, INVENTORY=str(DEMO / "friches_ingeville.csv"))
    message = clean(str(info.value))
    assert "2/10" in message and ("Catchment" in message or "Zone de chalandise" in message or "Accessibilit" in
                                  message)
    assert "Cancel" in message or "Annul" in message
    with sqlite3.connect(tmp_dir / "results.gpkg") as db:  # step 1 complete, nothing of step 2
        tables = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
    assert "friches" in tables and not {"catchment_walk", "sites_catchment"} & tables
    assert not [t for t in tables if "_part_" in t]


def test_a_failing_step_is_named(plugin, tmp_dir):
    profile = tmp_dir / "profil.json"
    profile.write_text('{"name": "cassé", "uses": {"coworking": {"criteria": 12}}}', encoding="utf-8")
    with pytest.raises(QgsProcessingException) as info:
        run(tmp_dir, INVENTORY=str(DEMO / "friches_ingeville.csv"), PROFILE=str(profile))
    message = clean(str(info.value))
    assert "7/10" in message and ("Score candidates" in message or "Scorer" in message or "Score" in message)
