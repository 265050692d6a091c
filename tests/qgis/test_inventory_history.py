"""History and versions of an inventory GeoPackage: every change recorded by SQLite triggers, whoever
makes it (the plugin's import and form, QGIS's own editing, GDAL SQL), deletions included; no lost
update between two processes of two operating-system users; a GeoPackage whose columns would damage the
values is refused, untouched.

The history is read back with plain sqlite3, independently of the plugin's reader.
"""

import hashlib
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from inventory_helpers import GEOJSON, csv_layer, demo_value, gpkg_rows, recording_feedback, run_import
from qgis.core import QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "inventory_worker.py"


def history(path, where="1", params=()):
    return gpkg_rows(path, "SELECT site_id, field, old_value, new_value, changed_by, source FROM friches_history "
                           f"WHERE {where} ORDER BY fid", params)


def version(path, site_id):
    return gpkg_rows(path, "SELECT version FROM friches WHERE site_id = ?", (site_id,))[0][0]


@pytest.fixture()
def inventory(plugin, processing_context, tmp_dir):
    path = tmp_dir / "inventaire.gpkg"
    result = run_import(processing_context, recording_feedback(), csv_layer(), str(path))
    assert result["ADDED"] == 43
    return path


def test_import_creates_history_and_versions(inventory):
    from friches_tierslieux.processing.inventory_store import os_user

    tables = {r[0] for r in gpkg_rows(inventory, "SELECT table_name FROM gpkg_contents")}
    assert {"friches", "friches_emprises", "friches_history"} <= tables
    rows = history(inventory)
    assert {(r[4], r[5]) for r in rows} == {(os_user(), "import: friches_ingeville.csv")}
    assert sum(1 for r in rows if r[1] == "_site" and r[3] == "present") == 43
    duval = {r[1]: r[3] for r in rows if r[0] == "45999_0001"}
    assert duval["site_nom"] == "Ancienne manufacture Duval" and duval["site_statut"] == "friche avec projet"
    assert duval["geom"].startswith("4750")  # the GeoPackage's own geometry blob, in hex
    assert duval["emprise"].startswith("4750")
    # sites with an outline: the outline's insertion raised their version once
    assert version(inventory, "45999_0001") == 2 and version(inventory, "45999_0012") == 1


def test_edits_of_any_client_are_recorded(inventory, dock_factory):
    from friches_tierslieux.processing.inventory_store import os_user

    before = len(history(inventory))
    # 1. QGIS's own editing (the layer's edit buffer), with the panel open on the layer
    dock = dock_factory(inventory)
    layer = dock.layer
    fid = next(f.id() for f in layer.getFeatures() if f["site_id"] == "45999_0007")
    assert layer.startEditing()
    old = demo_value("45999_0007", "site_statut")
    new = "friche reconvertie" if old != "friche reconvertie" else "friche avec projet"
    assert layer.changeAttributeValue(fid, layer.fields().indexOf("site_statut"), new)
    assert layer.commitChanges()
    qgis_rows = history(inventory, "fid > ?", (before,))
    assert qgis_rows == [("45999_0007", "site_statut", old, new, os_user(), "other")]
    # 2. GDAL SQL from another program
    from osgeo import gdal

    ds = gdal.OpenEx(str(inventory), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("UPDATE friches SET bati_nombre = 7 WHERE site_id = '45999_0008'")
    ds = None
    gdal_rows = history(inventory, "site_id = '45999_0008' AND field = 'bati_nombre' AND source = 'other'")
    assert gdal_rows and gdal_rows[-1][3] == "7" and gdal_rows[-1][4] is None  # SQLite cannot say who
    # 3. a deletion in QGIS: the site's existence and every value it had
    fid = next(f.id() for f in layer.getFeatures() if f["site_id"] == "45999_0014")
    assert layer.startEditing() and layer.deleteFeature(fid) and layer.commitChanges()
    deleted = history(inventory, "site_id = '45999_0014' AND source = 'other'")
    assert ("45999_0014", "_site", "present", None, os_user(), "other") in deleted
    assert ("45999_0014", "site_nom", demo_value("45999_0014", "site_nom"), None, os_user(), "other") in deleted
    assert any(r[1] == "geom" and r[2] and r[3] is None for r in deleted)
    # versions went up with each change
    assert version(inventory, "45999_0007") == 3 and version(inventory, "45999_0008") == 3


@pytest.fixture()
def dock_factory(qgis_iface):
    from friches_tierslieux.ui.inventory_dock import InventoryDock
    from qgis.core import QgsProject

    docks = []

    def make(path):
        qgis_iface.newProject()
        dock = InventoryDock(qgis_iface, qgis_iface.mainWindow())
        assert dock.open_geopackage(str(path)) is not None
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.close_and_disconnect()
        dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def _other_user():
    """A second operating-system user for the second process: ``nobody`` when the tests run as root (as in
    the CI) and ``nobody`` can run this Python (a checkout under /root, mode 700, is out of its reach); else
    None, and the second process runs as this user under another login name."""
    if os.geteuid() != 0:
        return None
    entry = pwd.getpwnam("nobody")
    try:
        probe = subprocess.run([sys.executable, "-c", "import sys; open(sys.argv[1]).close()", str(WORKER)],
                               capture_output=True, user=entry.pw_uid, group=entry.pw_gid, extra_groups=[])
    except PermissionError:  # this Python itself is out of its reach
        return None
    return entry if probe.returncode == 0 else None


#: login name of the second process when it cannot be another OS user: getpass, which the store asks for the
#: author of a GeoPackage change, reads it from LOGNAME
OTHER_LOGIN = "tech_b"


def _save_as_other_user(path, site_id, field, value):
    entry = _other_user()
    kwargs = {}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(path.parent),
               QGIS_CUSTOM_CONFIG_PATH=str(path.parent / "other_config"))
    if entry is not None:
        os.chmod(path.parent, 0o777)
        os.chmod(path, 0o666)
        kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    else:
        env.update(LOGNAME=OTHER_LOGIN, USER=OTHER_LOGIN, LNAME=OTHER_LOGIN, USERNAME=OTHER_LOGIN)
    done = subprocess.run([sys.executable, str(WORKER), "save", str(path), site_id, field, value],
                          capture_output=True, text=True, timeout=300, env=env, cwd=str(path.parent), **kwargs)
    assert done.returncode == 0 and "DONE" in done.stdout, done.stderr[-2000:]
    return entry.pw_name if entry is not None else OTHER_LOGIN


def test_two_processes_no_lost_update(inventory, dock_factory):
    """The panel's form of one user and a second process of another user edit the same site: the later save
    is refused, naming the other user and the time, and nothing is lost after reloading."""
    from friches_tierslieux.processing.inventory_store import os_user

    dock = dock_factory(inventory)
    layer = dock.layer
    fid = next(f.id() for f in layer.getFeatures() if f["site_id"] == "45999_0009")
    form = dock.create_form(fid)
    old_status = demo_value("45999_0009", "site_statut")
    new_status = "friche reconvertie" if old_status != "friche reconvertie" else "friche sans projet"
    form.editors["site_statut"].set_value(new_status)
    form.widget("site_adresse").setText("3 rue de l'Imprimerie")

    other = _save_as_other_user(inventory, "45999_0009", "site_occupation", "occupation illicite avérée")
    assert other != os_user()
    written = history(inventory, "site_id = '45999_0009' AND field = 'site_occupation'")[-1]
    assert written[3:] == ("occupation illicite avérée", other, "form")

    form.accept()
    assert form.result() != form.DialogCode.Accepted
    assert other in form.error_label.text() and "45999_0009" in form.error_label.text()
    assert gpkg_rows(inventory, "SELECT site_statut FROM friches WHERE site_id = '45999_0009'") == [(old_status,)]
    form.reload_site()
    assert form.editors["site_occupation"].value() == "occupation illicite avérée"
    form.accept()
    assert form.result() == form.DialogCode.Accepted, form.error_label.text()
    saved = gpkg_rows(inventory, "SELECT site_statut, site_adresse, site_occupation FROM friches "
                                 "WHERE site_id = '45999_0009'")
    assert saved == [(new_status, "3 rue de l'Imprimerie", "occupation illicite avérée")]


def test_merge_refused_when_a_site_changed_since_it_was_read(inventory):
    from friches_tierslieux.core import inventory as inv
    from friches_tierslieux.processing.inventory_location import parse_location
    from friches_tierslieux.processing.inventory_store import VersionConflict, open_inventory

    store = open_inventory(parse_location(str(inventory)), create=False)
    read = store.read_sites()
    _save_as_other_user(inventory, "45999_0010", "site_statut", "friche sans projet")
    before = len(history(inventory))
    updates = []
    for sid in ("45999_0002", "45999_0010"):
        values = dict(read[sid].site.values, bati_nombre=(read[sid].site.values.get("bati_nombre") or 0) + 100)
        updates.append((sid, inv.MergeDecision("update", values, ["bati_nombre"])))
    new = inv.MergeDecision("add", {"site_id": "45999_0999", "site_nom": "Nouveau"}, ["site_id", "site_nom"],
                            read["45999_0002"].site.point)
    with pytest.raises(VersionConflict) as info:
        store.apply([*updates, ("45999_0999", new)], read, "import: test.csv")
    store.close()
    assert info.value.site_id == "45999_0010"
    assert len(history(inventory)) == before  # nothing of the merge: not the update of 45999_0002, not the add
    assert gpkg_rows(inventory, "SELECT count(*) FROM friches WHERE site_id = '45999_0999'") == [(0,)]
    stored = read["45999_0002"].site.values.get("bati_nombre")
    assert gpkg_rows(inventory, "SELECT bati_nombre FROM friches WHERE site_id = '45999_0002'") == [(stored,)]


def test_integer_site_id_is_refused_and_left_untouched(plugin, processing_context, tmp_dir):
    """An inventory GeoPackage whose site_id column is INTEGER: merging into it used to write every site with
    site_id 0. It is refused with a message naming the column, and the file is left as it was."""
    from osgeo import gdal, ogr, osr

    path = tmp_dir / "ancien.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = ds.CreateLayer("friches", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("site_id", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("site_nom", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("site_id", 12)
    feature.SetField("site_nom", "Ancien site")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (660000 6750000)"))
    layer.CreateFeature(feature)
    ds = None
    gdal.ErrorReset()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    copy = tmp_dir / "copy.gpkg"
    shutil.copy(path, copy)
    with pytest.raises(QgsProcessingException) as info:
        run_import(processing_context, recording_feedback(), str(GEOJSON), str(path))
    message = str(info.value)
    assert "site_id" in message and "int" in message.lower() and "friches" in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    check = QgsVectorLayer(f"{path}|layername=friches", "check", "ogr")
    assert [f["site_id"] for f in check.getFeatures()] == [12]
