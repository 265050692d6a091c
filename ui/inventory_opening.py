"""Finding and opening the inventory's layers: a GeoPackage, or a team inventory kept in PostgreSQL/PostGIS.

Why a module of its own: the panel lists and edits; here the user picks an inventory — a GeoPackage file,
or one of QGIS's saved PostgreSQL connections with a schema and a table — whose tables are checked (or
created on first use, after asking), and the sites and outlines layers are added to the project, styled.
Layer sources carry no password: with an authentication configuration (authcfg) QGIS finds it itself; a
password stored in the saved connection is handed to QGIS's credential cache for the session only, never
to the project file.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateTransform,
    QgsCredentials,
    QgsDataSourceUri,
    QgsProject,
    QgsProviderRegistry,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from ..compat import GEOMETRY_POINT
from ..core import cnig_friches
from ..processing.inventory_location import (
    GPKG,
    POSTGIS,
    InventoryLocation,
    LocationError,
    saved_connection_uri,
)
from ..processing.inventory_merge import location_message
from ..processing.inventory_store import InventoryStoreError, error_message, open_inventory
from ..translation import tr

PLUGIN_DIR = Path(__file__).resolve().parent.parent
STYLES_DIR = PLUGIN_DIR / "resources" / "styles"
SETTINGS_LAST_DIR = "friches_tierslieux/inventory_dock/last_dir"


def is_point_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.geometryType() == GEOMETRY_POINT


def is_inventory_layer(layer) -> bool:
    """A point layer with the fields the panel needs (at least ``site_id`` and ``site_type``)."""
    if not is_point_layer(layer):
        return False
    names = layer.fields().names()
    return "site_id" in names and "site_type" in names


def find_inventory_layer(project=None):
    """The project's inventory layer: one named ``friches`` if any, else the first with CNIG fields."""
    project = project or QgsProject.instance()
    layers = [layer for layer in project.mapLayers().values() if is_inventory_layer(layer)]
    if not layers:
        return None
    tree_order = {layer.id(): i for i, layer in enumerate(project.layerTreeRoot().layerOrder())}
    layers.sort(key=lambda layer: (inventory_preference(layer), tree_order.get(layer.id(), 1e9)))
    return layers[0]


def inventory_preference(layer) -> int:
    """0 for the inventory itself (a ``friches`` table of a GeoPackage, or a layer named so, in any case),
    1 for other layers with the CNIG fields (analysis results that copy them)."""
    name = cnig_friches.INVENTORY_LAYER
    if layer_file(layer)[1] == name or layer.name().lower() == name:
        return 0
    return 1


def layer_file(layer) -> tuple:
    """``(path, layer name)`` of an OGR layer's source, ``("", "")`` for other providers."""
    if layer is None or layer.providerType() != "ogr":
        return "", ""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    return str(parts.get("path") or ""), str(parts.get("layerName") or "")


class PostgisInventoryDialog(QDialog):
    """Connection, schema and table of a PostGIS inventory. Widgets: ``connection_combo``, ``schema_combo``,
    ``table_edit``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("FrichesPostgisInventoryDialog")
        self.setWindowTitle(tr("Open a PostgreSQL inventory"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A team inventory in a PostGIS database: the sites, their outlines and the history of "
                          "every change. Its tables are created on first use."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.connection_combo = QgsProviderConnectionComboBox("postgres", self)
        self.connection_combo.setToolTip(tr("A saved PostgreSQL connection of QGIS (Data Source Manager)"))
        self.schema_combo = QgsDatabaseSchemaComboBox("postgres", self.connection_combo.currentConnection(), self)
        self.connection_combo.connectionChanged.connect(self.schema_combo.setConnectionName)
        self.table_edit = QLineEdit(cnig_friches.INVENTORY_LAYER, self)
        self.table_edit.setToolTip(tr("Name of the sites table; the outlines and the history go in <table>_emprises "
                                      "and <table>_history"))
        form.addRow(tr("Connection"), self.connection_combo)
        form.addRow(tr("Schema"), self.schema_combo)
        form.addRow(tr("Table"), self.table_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, 200)

    def choice(self):
        return (self.connection_combo.currentConnection(), self.schema_combo.currentSchema(),
                self.table_edit.text().strip())


def location_for(connection_name: str, schema: str, table: str) -> InventoryLocation:
    return InventoryLocation(POSTGIS, uri=saved_connection_uri(connection_name), schema=schema or "public",
                             table=table or cnig_friches.INVENTORY_LAYER, connection_name=connection_name)


def remember_credentials(location: InventoryLocation) -> None:
    """Let the layers of ``location`` (whose sources carry no password) connect in this session when the
    password comes from the saved connection: QGIS's credential cache gets it, the project never does."""
    database = location.database_uri()
    if location.kind == GPKG or not database.password():
        return
    realm = QgsDataSourceUri(location.layer_uri("points")).connectionInfo(False)
    QgsCredentials.instance().put(realm, database.username(), database.password())


def open_store_asking(parent, location, ask=True):
    """The opened store of ``location``; its tables are created after asking (``ask``) when missing.
    Returns ``(store or None, error message or None)``."""
    try:
        return open_inventory(location, create=False), None
    except InventoryStoreError as exc:
        if exc.code != "not_found":
            return None, error_message(exc, location.display)
    if ask:
        answer = QMessageBox.question(
            parent, tr("Open a PostgreSQL inventory"),
            tr("{where} has no inventory yet. Create its tables (sites, outlines, history, value lists of the "
               "CNIG standard)?").format(where=location.display))
        if answer != QMessageBox.StandardButton.Yes:
            return None, None
    try:
        return open_inventory(location, create=True), None
    except InventoryStoreError as exc:
        return None, error_message(exc, location.display)


def inventory_layers(location: InventoryLocation):
    """The sites and outlines layers of an opened inventory (not yet in a project)."""
    remember_credentials(location)
    points = QgsVectorLayer(location.layer_uri("points"), location.table, location.provider)
    polygons = QgsVectorLayer(location.layer_uri("polygons"), location.polygon_table, location.provider)
    return points, polygons


def add_to_project(layers, group_name: str):
    project = QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, group_name)
    for layer in layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    return group


class InventoryOpening:
    """The panel's "open" actions (mixed into ``InventoryDock``, which provides ``iface``, ``set_layer``,
    ``_show_message`` and ``_adding_layers``)."""

    # -- opening a GeoPackage ------------------------------------------------------------------------------
    def open_geopackage(self, path=None):
        """Add the ``friches`` and ``friches_emprises`` layers of an inventory GeoPackage to the project and
        show them. Without ``path``, asks for the file. Returns the point layer, or None."""
        if not path:
            settings = QgsSettings()
            start = settings.value(SETTINGS_LAST_DIR, "") or str(Path.home())
            path, _filter = QFileDialog.getOpenFileName(
                self, tr("Open a friches inventory"), start, tr("GeoPackage (*.gpkg)")
            )
            if not path:
                return None
            settings.setValue(SETTINGS_LAST_DIR, str(Path(path).parent))
        path = str(path)
        project = QgsProject.instance()
        for layer in project.mapLayers().values():  # already loaded: just show it
            if layer_file(layer) == (path, cnig_friches.INVENTORY_LAYER) and is_point_layer(layer):
                self.set_layer(layer)
                return layer
        points = QgsVectorLayer(f"{path}|layername={cnig_friches.INVENTORY_LAYER}", cnig_friches.INVENTORY_LAYER,
                                "ogr")
        if not points.isValid() or not is_point_layer(points):
            self._show_message(
                tr("“{file}” has no “{layer}” point layer: is it an inventory GeoPackage written by "
                   "“Import a friches inventory…”?").format(file=Path(path).name, layer=cnig_friches.INVENTORY_LAYER),
                error=True,
            )
            return None
        polygons = QgsVectorLayer(f"{path}|layername={cnig_friches.POLYGON_LAYER}", cnig_friches.POLYGON_LAYER,
                                  "ogr")
        self._show_inventory(points, polygons, Path(path).stem)
        return points

    def open_postgis(self, connection_name=None, schema=None, table=None, ask=True):
        """Add the layers of a team inventory in PostgreSQL (a saved QGIS connection, a schema and a table)
        to the project and show them; its tables are created on first use (after asking when ``ask``).
        Without a connection name, asks for all three. Returns the sites layer, or None."""
        if not connection_name:
            dialog = PostgisInventoryDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            connection_name, schema, table = dialog.choice()
            if not connection_name:
                return None
        try:
            location = location_for(connection_name, schema, table)
        except LocationError as exc:
            self._show_message(location_message(exc), error=True)
            return None
        store, error = open_store_asking(self, location, ask)
        if store is None:
            if error:
                self._show_message(error, error=True)
            return None
        store.close()
        points, polygons = inventory_layers(location)
        if not points.isValid():
            self._show_message(tr("QGIS could not open the table {where}.").format(where=location.display), error=True)
            return None
        self._show_inventory(points, polygons, f"{location.schema}.{location.table}")
        return points

    def _show_inventory(self, points, polygons, group_name):
        """Style the sites and outlines layers, add them to the project in a group, show them in the panel and
        zoom to them."""
        project = QgsProject.instance()
        layers = [points] + ([polygons] if polygons.isValid() else [])
        for layer, style_name in zip(layers, (cnig_friches.INVENTORY_LAYER, cnig_friches.POLYGON_LAYER)):
            style = STYLES_DIR / f"{style_name}.qml"
            if style.exists():
                layer.loadNamedStyle(str(style))
        self._adding_layers = True  # no automatic switch in _on_layers_added: set_layer below decides
        try:
            add_to_project(layers, group_name)
        finally:
            self._adding_layers = False
        self.set_layer(points)
        canvas = self.iface.mapCanvas()
        extent = QgsCoordinateTransform(points.crs(), canvas.mapSettings().destinationCrs(), project)
        box = extent.transformBoundingBox(points.extent())
        if not box.isEmpty():
            box.scale(1.1)
            canvas.setExtent(box)
            canvas.refresh()
