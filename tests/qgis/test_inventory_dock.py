"""The "Friches inventory" dock panel and its edit form, on a synthetic inventory GeoPackage.

The GeoPackage is built here with the same fields as ``friches:import_inventory`` writes
(``processing.inventory_schema``): 12 friches in 3 communes, 5 of them with a polygon.
"""

import shutil

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

COMMUNES = {"76901": "Ingeville", "76902": "Bourg-sur-Lac", "76903": "Saint-Exemple"}

# site_id, site_nom, site_type, site_statut, insee, site_surface (m², None: unknown), has polygon
SITES = [
    ("76901_24-01.0001", "Ancienne filature", "friche industrielle", "friche sans projet", "76901", 42000.0, True),
    ("76901_24-01.0002", "Garage Martin", "friche commerciale", "friche avec projet", "76901", 1800.0, False),
    ("76901_24-01.0003", "Gare de marchandises", "friche ferroviaire", "friche sans projet", "76901", 65000.0, True),
    ("76901_24-01.0004", "Hôpital Saint-Roch", "friche hospitalière", "friche potentielle", "76901", 12500.0, True),
    ("76901_24-01.0005", "Supermarché fermé", "friche commerciale", "friche sans projet", "76901", 9000.0, False),
    ("76902_24-01.0001", "Caserne Lamy", "friche militaire", "friche avec projet", "76902", 88000.0, True),
    ("76902_24-01.0002", "Laiterie du lac", "friche agro-industrielle", "friche reconvertie", "76902", 7300.0,
     False),
    ("76902_24-01.0003", "Hôtel du Port", "friche loisir tourisme hôtellerie", "friche sans projet", "76902",
     950.0, False),
    ("76902_24-01.0004", "Carrière des Roches", "friche carrière ou mine", "inconnu", "76902", None, False),
    ("76903_24-01.0001", "École Jules Ferry", "friche enseignement", "friche avec projet", "76903", 5200.0, False),
    ("76903_24-01.0002", "Usine Delattre", "friche industrielle", "friche potentielle", "76903", 23000.0, True),
    ("76903_24-01.0003", "Maison Lefèvre", "friche d'habitat", "friche sans projet", "76903", 600.0, False),
]
X0, Y0 = 560000.0, 6930000.0


def _point(i):
    commune = int(SITES[i][4][-1])
    return QgsPointXY(X0 + commune * 5000 + (i % 5) * 700, Y0 + (i % 3) * 600)


def build_inventory(path):
    """Write the synthetic inventory (layers ``friches`` and ``friches_emprises``) to ``path``."""
    from friches_tierslieux.core.cnig_friches import INVENTORY_LAYER, POLYGON_LAYER
    from friches_tierslieux.processing.inventory_schema import inventory_fields, polygon_fields

    points = QgsVectorLayer("Point?crs=EPSG:2154", INVENTORY_LAYER, "memory")
    points.dataProvider().addAttributes(inventory_fields().toList())
    points.updateFields()
    polygons = QgsVectorLayer("MultiPolygon?crs=EPSG:2154", POLYGON_LAYER, "memory")
    polygons.dataProvider().addAttributes(polygon_fields().toList())
    polygons.updateFields()
    point_features, polygon_features = [], []
    for i, (site_id, nom, site_type, statut, insee, surface, has_polygon) in enumerate(SITES):
        feature = QgsFeature(points.fields())
        values = {
            "site_id": site_id,
            "site_nom": nom,
            "site_type": site_type,
            "site_statut": statut,
            "site_identif_date": QDate(2020, 3, 1 + i),
            "site_actu_date": QDate(2023, 6, 1),
            "comm_nom": COMMUNES[insee],
            "comm_insee": insee,
            "urba_zaer": "non",
            "source_nom": "Inventaire test",
            "site_reconv_annee": 2021 if statut == "friche reconvertie" else None,
            "bati_type": "industriel|commercial" if i % 4 == 0 else None,
            "unite_fonciere_surface": int(surface) if surface else None,
            "site_surface": surface,
            "surface_source": "polygone" if has_polygon else "unite_fonciere",
            "has_polygon": has_polygon,
        }
        for name, value in values.items():
            feature.setAttribute(name, value)
        point = _point(i)
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        point_features.append(feature)
        if has_polygon:
            side = (surface or 10000.0) ** 0.5
            poly = QgsFeature(polygons.fields())
            poly.setAttributes([site_id, nom, surface])
            rect = QgsGeometry.fromRect(
                QgsRectangle(point.x() - side / 2, point.y() - side / 2, point.x() + side / 2, point.y() + side / 2)
            )
            rect.convertToMultiType()
            poly.setGeometry(rect)
            polygon_features.append(poly)
    assert points.dataProvider().addFeatures(point_features)[0]
    assert polygons.dataProvider().addFeatures(polygon_features)[0]

    context = QgsCoordinateTransformContext()
    for layer, action in (
        (points, QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile),
        (polygons, QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer),
    ):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name()
        options.actionOnExistingFile = action
        error, message, *_rest = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), context, options)
        assert error == QgsVectorFileWriter.WriterError.NoError, message
    return path


@pytest.fixture(scope="module")
def template_gpkg(qgis_app, tmp_path_factory):
    return build_inventory(tmp_path_factory.mktemp("inventory") / "template.gpkg")


@pytest.fixture()
def gpkg(template_gpkg, tmp_dir):
    """A fresh copy of the inventory for each test (tests edit it)."""
    path = tmp_dir / "inventaire.gpkg"
    shutil.copy(template_gpkg, path)
    return path


@pytest.fixture()
def project(qgis_iface, tmp_dir):
    qgis_iface.newProject()
    qgis_iface.messageBar().clear_messages()
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def dock(qgis_iface, project, gpkg):
    """The dock, opened on the copy of the inventory through its own "open GeoPackage" code path."""
    from friches_tierslieux.ui.inventory_dock import InventoryDock

    widget = InventoryDock(qgis_iface, qgis_iface.mainWindow())
    points = widget.open_geopackage(str(gpkg))
    assert points is not None
    widget.resize(380, 800)
    yield widget
    widget.close_and_disconnect()
    widget.deleteLater()


def process_events():
    from qgis.core import QgsApplication

    for _ in range(3):
        QgsApplication.processEvents()


def reopen(path):
    """The friches layer read again from the file (not from the project's layer or its edit buffer)."""
    layer = QgsVectorLayer(f"{path}|layername=friches", "check", "ogr")
    assert layer.isValid()
    return {f["site_id"]: f for f in layer.getFeatures()}


def shown_ids(widget):
    return sorted(row.site_id for row in widget.visible_rows())


def expected(predicate):
    """site_id, count and total area of the synthetic friches matching ``predicate`` (independent of the
    panel's code)."""
    rows = [s for s in SITES if predicate(s)]
    return sorted(s[0] for s in rows), len(rows), sum(s[5] or 0 for s in rows)


def select_data(combo, key):
    index = combo.findData(key)
    assert index >= 0, (key, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def ha_text(m2):
    from friches_tierslieux.ui.inventory_model import format_hectares

    return format_hectares(m2)


# -- pure filtering ------------------------------------------------------------------------------------

def test_filter_functions_are_pure(qgis_app):
    from friches_tierslieux.ui.inventory_model import EMPTY, FilterCriteria, FricheRow, filter_rows, summarize

    rows = [
        FricheRow(1, "A", "Usine Éclair", "friche industrielle", "friche sans projet", "Ingeville", "76901", 5000.0),
        FricheRow(2, "B", "Gare", "friche ferroviaire", None, "Bourg", "76902", None),
        FricheRow(3, "C", "Garage", "friche commerciale", "friche avec projet", "Ingeville", "76901", 20000.0),
    ]
    assert [r.fid for r in filter_rows(rows, FilterCriteria(statut=EMPTY))] == [2]
    assert [r.fid for r in filter_rows(rows, FilterCriteria(commune="76901"))] == [1, 3]
    assert [r.fid for r in filter_rows(rows, FilterCriteria(surface_min=5000.0))] == [1, 3]
    assert [r.fid for r in filter_rows(rows, FilterCriteria(surface_max=10000.0))] == [1]
    assert [r.fid for r in filter_rows(rows, FilterCriteria(text="usine eclair"))] == [1]
    assert [r.fid for r in filter_rows(rows, FilterCriteria(text="ingeville gar"))] == [3]
    assert summarize(rows) == (3, 25000.0)


# -- the panel -------------------------------------------------------------------------------------------

def test_dock_lists_the_inventory(dock, project):
    from friches_tierslieux.ui.inventory_model import summary_text

    assert dock.objectName() == "FrichesInventoryDock"
    assert dock.layer is not None and dock.layer.name() == "friches"
    assert dock.layer_combo.currentLayer() is dock.layer
    assert {layer.name() for layer in project.mapLayers().values()} == {"friches", "friches_emprises"}
    assert dock.model.rowCount() == len(SITES) == dock.proxy.rowCount()
    assert not dock.message_label.isVisibleTo(dock)
    total = sum(s[5] or 0 for s in SITES)
    assert dock.summary() == (len(SITES), pytest.approx(total))
    assert dock.count_label.text() == summary_text(len(SITES), total, len(SITES))
    assert ha_text(total) in dock.count_label.text()
    # every standard statut is offered, with its count
    from friches_tierslieux.core.cnig_friches import field_spec

    for value in field_spec("site_statut").allowed_values:
        assert dock.statut_combo.findData(value) > 0
    # communes present in the layer, "name (insee)"
    labels = [dock.commune_combo.itemText(i) for i in range(dock.commune_combo.count())]
    assert any(label.startswith("Ingeville (76901)") for label in labels)
    assert dock.commune_combo.count() == 1 + len(COMMUNES)


@pytest.mark.parametrize(
    ("setup", "predicate"),
    [
        (lambda d: select_data(d.statut_combo, "friche sans projet"), lambda s: s[3] == "friche sans projet"),
        (lambda d: select_data(d.type_combo, "friche commerciale"), lambda s: s[2] == "friche commerciale"),
        (lambda d: select_data(d.commune_combo, "76902"), lambda s: s[4] == "76902"),
        (lambda d: d.surface_min_spin.setValue(1.0), lambda s: s[5] is not None and s[5] >= 10000),
        (lambda d: d.surface_max_spin.setValue(0.5), lambda s: s[5] is not None and s[5] <= 5000),
        (
            lambda d: (d.surface_min_spin.setValue(0.5), d.surface_max_spin.setValue(5.0)),
            lambda s: s[5] is not None and 5000 <= s[5] <= 50000,
        ),
        (
            lambda d: (select_data(d.statut_combo, "friche sans projet"), select_data(d.commune_combo, "76901")),
            lambda s: s[3] == "friche sans projet" and s[4] == "76901",
        ),
        (lambda d: d.search_edit.setText("hopital"), lambda s: s[1] == "Hôpital Saint-Roch"),
    ],
)
def test_filters_give_the_right_rows_and_totals(dock, setup, predicate):
    setup(dock)
    ids, count, total = expected(predicate)
    assert shown_ids(dock) == ids
    assert dock.proxy.rowCount() == count
    assert dock.summary() == (count, pytest.approx(total))
    text = dock.count_label.text()
    assert text.startswith(f"{count} of {len(SITES)}") or (count == len(SITES))
    assert ha_text(total) in text
    # independent check on the layer itself
    layer_total = sum((f["site_surface"] or 0) for f in dock.layer.getFeatures() if f["site_id"] in ids)
    assert layer_total == pytest.approx(total)
    dock.reset_filters()
    assert dock.proxy.rowCount() == len(SITES)


def test_surface_column_sorts_numerically(dock):
    from friches_tierslieux.ui.inventory_model import SURFACE_COLUMN
    from qgis.PyQt.QtCore import Qt

    dock.table.sortByColumn(SURFACE_COLUMN, Qt.SortOrder.DescendingOrder)
    first = dock.proxy.index(0, 0).data()
    assert first == "76902_24-01.0001"  # 8.8 ha, the largest
    assert dock.proxy.index(0, SURFACE_COLUMN).data() == ha_text(88000.0)


def test_columns_can_be_hidden_and_stay_hidden(dock, qgis_iface):
    from friches_tierslieux.ui.inventory_dock import SETTINGS_HIDDEN_COLUMNS, InventoryDock
    from friches_tierslieux.ui.inventory_model import SURFACE_COLUMN
    from qgis.core import QgsSettings

    try:
        dock.set_column_visible(SURFACE_COLUMN - 1, False)
        assert dock.table.isColumnHidden(SURFACE_COLUMN - 1)
        other = InventoryDock(qgis_iface, qgis_iface.mainWindow())
        assert other.table.isColumnHidden(SURFACE_COLUMN - 1)
        assert not other.table.isColumnHidden(SURFACE_COLUMN)
        other.close_and_disconnect()
        other.deleteLater()
    finally:
        QgsSettings().remove(SETTINGS_HIDDEN_COLUMNS)


def test_row_click_selects_and_zooms(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    layer = dock.layer
    target = next(f for f in layer.getFeatures() if f["site_id"] == "76901_24-01.0002")  # no polygon
    far = canvas.extent()
    far.setXMinimum(0)
    far.setXMaximum(100)
    canvas.setExtent(far)
    dock.select_fids([target.id()])
    assert layer.selectedFeatureIds() == [target.id()]
    extent = canvas.extent()
    point = target.geometry().asPoint()
    assert extent.contains(point)
    assert min(extent.width(), extent.height()) < 1000  # the ~300 m box, not the whole inventory

    # a friche with a polygon: the map shows the whole polygon
    with_polygon = next(f for f in layer.getFeatures() if f["site_id"] == "76902_24-01.0001")
    polygon_layer = dock.polygon_layer()
    assert polygon_layer is not None and polygon_layer.name() == "friches_emprises"
    polygon = next(p for p in polygon_layer.getFeatures() if p["site_id"] == "76902_24-01.0001")
    dock.select_fids([with_polygon.id()])
    assert layer.selectedFeatureIds() == [with_polygon.id()]
    assert canvas.extent().contains(polygon.geometry().boundingBox())

    # selecting on the map selects the row
    layer.selectByIds([target.id()])
    assert dock.selected_fids() == [target.id()]
    assert dock.edit_button.isEnabled()


def test_table_follows_layer_changes_and_keeps_selection(dock):
    layer = dock.layer
    target = next(f for f in layer.getFeatures() if f["site_id"] == "76903_24-01.0003")
    dock.select_fids([target.id()])
    layer.startEditing()
    layer.changeAttributeValue(target.id(), layer.fields().indexOf("site_nom"), "Maison Lefèvre (rénovée)")
    process_events()
    row = dock.model.row_of_fid(target.id())
    assert dock.model.row_at(row).site_nom == "Maison Lefèvre (rénovée)"
    assert dock.selected_fids() == [target.id()]
    layer.rollBack()
    process_events()
    assert dock.model.row_at(dock.model.row_of_fid(target.id())).site_nom == "Maison Lefèvre"


def test_missing_fields_are_named(qgis_iface, project):
    from friches_tierslieux.ui.inventory_dock import InventoryDock

    other = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=site_id:string&field=site_type:string&field=comm_nom:string", "points", "memory"
    )
    project.addMapLayer(other)
    widget = InventoryDock(qgis_iface, qgis_iface.mainWindow(), layer=other)
    try:
        assert widget.layer is other
        text = widget.message_label.text()
        assert widget.message_label.isVisibleTo(widget)
        for name in ("site_nom", "site_statut", "comm_insee"):
            assert name in text
        assert "comm_nom" not in text.split("lacks")[1].split("of the CNIG")[0]
        assert widget.model.rowCount() == 0
        assert not widget.edit_button.isEnabled()
    finally:
        widget.close_and_disconnect()
        widget.deleteLater()


def test_no_layer_then_layer_added(qgis_iface, project, gpkg):
    from friches_tierslieux.ui.inventory_dock import InventoryDock

    widget = InventoryDock(qgis_iface, qgis_iface.mainWindow())
    try:
        assert widget.layer is None
        assert widget.message_label.isVisibleTo(widget)
        layer = QgsVectorLayer(f"{gpkg}|layername=friches", "friches", "ogr")
        project.addMapLayer(layer)
        assert widget.layer is layer
        assert widget.model.rowCount() == len(SITES)
        project.removeMapLayer(layer.id())
        process_events()
        assert widget.layer is None
        assert widget.model.rowCount() == 0
    finally:
        widget.close_and_disconnect()
        widget.deleteLater()


def test_close_and_disconnect_leaves_no_connection(qgis_iface, project, gpkg):
    from friches_tierslieux.ui.inventory_dock import InventoryDock

    widget = InventoryDock(qgis_iface, qgis_iface.mainWindow())
    layer = widget.open_geopackage(str(gpkg))
    assert widget._layer_connections and widget._project_connections
    widget.close_and_disconnect()
    assert not widget._layer_connections and not widget._project_connections
    # project and layer changes no longer reach the (closed) dock
    layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("site_nom"), "x")
    layer.rollBack()
    project.removeAllMapLayers()
    process_events()
    assert widget.layer is None
    widget.deleteLater()


def test_plugin_unload_disconnects_the_dock(plugin, project, gpkg):
    plugin.toggle_inventory_dock(True)
    widget = plugin.inventory_dock
    assert widget is not None and widget.objectName() == "FrichesInventoryDock"
    widget.open_geopackage(str(gpkg))
    plugin.toggle_inventory_dock(False)
    plugin.inventory_dock = None  # what unload does after close_and_disconnect()
    widget.close_and_disconnect()
    assert not widget._project_connections and not widget._layer_connections
    widget.deleteLater()


# -- the edit form ----------------------------------------------------------------------------------------

def _fid(layer, site_id):
    return next(f.id() for f in layer.getFeatures() if f["site_id"] == site_id)


def test_form_shows_the_standard(dock):
    from friches_tierslieux.core.cnig_friches import field_spec
    from qgis.PyQt.QtWidgets import QComboBox

    form = dock.create_form(_fid(dock.layer, "76901_24-01.0001"))
    statut = form.widget("site_statut")
    assert isinstance(statut, QComboBox)
    assert [statut.itemData(i) for i in range(statut.count())] == [None, *field_spec("site_statut").enum]
    assert statut.currentData() == "friche sans projet"
    site_type = form.widget("site_type")  # required: no empty entry
    assert site_type.itemData(0) == field_spec("site_type").enum[0]
    assert form.editors["bati_type"].value() == "industriel|commercial"
    assert form.editors["site_identif_date"].value() == QDate(2020, 3, 1)
    assert form.editors["site_reconv_annee"].value() is None
    assert form.editors["unite_fonciere_surface"].value() == 42000
    assert "Site *" not in form.sections  # sections are titled, fields carry the *
    assert {"Site", "Municipality", "Buildings", "Pollution", "Planning", "Source"} <= set(form.sections)
    assert "site_statut" in statut.toolTip()
    assert form.changes() == {}
    form.reject()


def test_form_saves_to_the_geopackage(dock, gpkg):
    layer = dock.layer
    fid = _fid(layer, "76901_24-01.0003")
    dock.select_fids([fid])
    form = dock.create_form(fid)
    select_data(form.widget("site_statut"), "friche avec projet")
    form.widget("site_adresse").setText("12 rue de la Gare")
    form.editors["site_reconv_annee"].set_value(2027)
    form.editors["bati_type"].set_value("industriel|secteur tertiaire")
    form.accept()
    assert form.result() == form.DialogCode.Accepted, form.error_label.text()
    assert form.last_result.committed
    assert not layer.isEditable()

    saved = reopen(gpkg)["76901_24-01.0003"]
    assert saved["site_statut"] == "friche avec projet"
    assert saved["site_adresse"] == "12 rue de la Gare"
    assert saved["site_reconv_annee"] == 2027
    assert saved["bati_type"] == "industriel|secteur tertiaire"
    assert saved["site_actu_date"] == QDate.currentDate()
    untouched = reopen(gpkg)["76901_24-01.0001"]
    assert untouched["site_actu_date"] == QDate(2023, 6, 1)
    # the table follows, and the row stays selected
    process_events()
    assert dock.model.row_at(dock.model.row_of_fid(fid)).site_statut == "friche avec projet"
    assert dock.selected_fids() == [fid]


def test_form_clears_optional_values(dock, gpkg):
    fid = _fid(dock.layer, "76902_24-01.0002")
    form = dock.create_form(fid)
    assert form.editors["site_reconv_annee"].value() == 2021
    form.widget("site_reconv_annee").clear()
    select_data(form.widget("site_statut"), None)
    form.accept()
    assert form.result() == form.DialogCode.Accepted, form.error_label.text()
    from friches_tierslieux.ui.inventory_model import py_value

    saved = reopen(gpkg)["76902_24-01.0002"]
    assert py_value(saved["site_reconv_annee"]) is None
    assert py_value(saved["site_statut"]) is None


@pytest.mark.parametrize(
    ("field", "bad_value", "expected_text"),
    [
        ("site_nom", "", "site_nom"),
        ("site_url", "pas une url", "site_url"),
        ("desserte_distance", "2|6", "desserte_distance"),
        ("unite_fonciere_refcad", "ZZ123", "unite_fonciere_refcad"),
    ],
)
def test_form_refuses_invalid_input(dock, gpkg, field, bad_value, expected_text):
    layer = dock.layer
    fid = _fid(layer, "76901_24-01.0004")
    before = reopen(gpkg)["76901_24-01.0004"].attributes()
    form = dock.create_form(fid)
    select_data(form.widget("site_statut"), "friche reconvertie")  # a valid change alongside
    form.widget(field).setText(bad_value)
    form.accept()
    assert form.result() != form.DialogCode.Accepted
    assert form.error_label.isVisibleTo(form)
    assert expected_text in form.error_label.text()
    assert not layer.isEditable()
    assert reopen(gpkg)["76901_24-01.0004"].attributes() == before
    form.reject()


def test_form_keeps_user_edit_session(dock, gpkg):
    layer = dock.layer
    fid = _fid(layer, "76903_24-01.0001")
    layer.startEditing()
    form = dock.create_form(fid)
    select_data(form.widget("site_statut"), "friche reconvertie")
    form.accept()
    assert form.result() == form.DialogCode.Accepted
    assert layer.isEditable()  # still in the user's edit session, not committed
    assert layer.getFeature(fid)["site_statut"] == "friche reconvertie"
    assert reopen(gpkg)["76903_24-01.0001"]["site_statut"] == "friche avec projet"
    assert layer.undoStack().count() == 1  # one undoable step for the whole form
    layer.rollBack()


def test_failed_save_keeps_the_form_open(dock, gpkg, qgis_iface, monkeypatch):
    """The GeoPackage is being written by another program (its write lock held): nothing is saved, the
    form stays open with the user's values and says why; once the other writer is done, Save works."""
    import sqlite3

    from friches_tierslieux.processing import inventory_gpkg
    from qgis.core import Qgis

    monkeypatch.setattr(inventory_gpkg, "BUSY_TIMEOUT_MS", 200)
    layer = dock.layer
    fid = _fid(layer, "76903_24-01.0002")
    form = dock.create_form(fid)
    assert form.location is not None and form.version is not None  # saved through the inventory store
    select_data(form.widget("site_statut"), "friche avec projet")
    other = sqlite3.connect(str(gpkg), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the file
    try:
        form.accept()
        assert form.result() != form.DialogCode.Accepted
        assert "someone else" in form.error_label.text() or "locked" in form.error_label.text()
        assert form.editors["site_statut"].value() == "friche avec projet"  # the user's value is kept
        messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        assert messages
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert reopen(gpkg)["76903_24-01.0002"]["site_statut"] == "friche potentielle"
    form.accept()
    assert form.result() == form.DialogCode.Accepted, form.error_label.text()
    assert reopen(gpkg)["76903_24-01.0002"]["site_statut"] == "friche avec projet"


def test_failed_commit_keeps_the_edits(dock, gpkg, qgis_iface, tmp_dir):
    """A layer that is not an inventory store (a GeoJSON file with the CNIG fields) is edited through the
    layer's edit buffer: a failed commit keeps the edits in the buffer."""
    from qgis.core import Qgis, QgsCoordinateTransformContext

    points = QgsVectorLayer(f"{gpkg}|layername=friches", "friches", "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GeoJSON"
    shp = tmp_dir / "friches_copy.geojson"
    error, message, *_rest = QgsVectorFileWriter.writeAsVectorFormatV3(
        points, str(shp), QgsCoordinateTransformContext(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    layer = QgsVectorLayer(str(shp), "friches_copy", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock.set_layer(layer)
    fid = _fid(layer, "76903_24-01.0002")
    form = dock.create_form(fid)
    assert form.location is None
    select_data(form.widget("site_statut"), "friche avec projet")
    layer.commitChanges = lambda *args: False
    layer.commitErrors = lambda: ["ERROR: disk full (simulated)"]
    try:
        form.accept()
        assert form.result() != form.DialogCode.Accepted
        assert "disk full" in form.error_label.text()
        assert layer.isEditable()
        assert layer.getFeature(fid)["site_statut"] == "friche avec projet"  # kept in the edit buffer
        messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        assert any("disk full" in m for m in messages)
    finally:
        del layer.commitChanges
        del layer.commitErrors
    # retry: the form owns the edit session it started, so it commits now
    form.accept()
    assert form.result() == form.DialogCode.Accepted, form.error_label.text()
    assert not layer.isEditable()
    check = QgsVectorLayer(str(shp), "check", "ogr")
    assert {f["site_id"]: f["site_statut"] for f in check.getFeatures()}["76903_24-01.0002"] == "friche avec projet"


def test_inventory_layer_is_preferred_over_analysis_results(qgis_app):
    """A project of results holds many layers with site_id and site_type: the panel opens the inventory."""
    from friches_tierslieux.ui.inventory_dock import find_inventory_layer
    from qgis.core import QgsProject, QgsVectorLayer

    project = QgsProject()
    fields = "field=site_id:string&field=site_type:string"
    selection = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", "Sites retenus (maillage)", "memory")
    inventory = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", "Friches", "memory")
    project.addMapLayers([selection, inventory])
    assert find_inventory_layer(project) is inventory
