"""Opening a team inventory kept in PostgreSQL/PostGIS from the inventory panel.

Why a module of its own: the panel only asks "which inventory"; here the user picks one of QGIS's saved
PostgreSQL connections, a schema and a table name, the tables are checked (or created on first use,
after asking) and the sites and outlines layers are added to the project. The layers' sources carry no
password: with an authentication configuration (authcfg) QGIS finds it itself; a password stored in the
saved connection is handed to QGIS's credential cache for the session only, never to the project file.
"""

from __future__ import annotations

from qgis.core import QgsCredentials, QgsDataSourceUri, QgsProject, QgsVectorLayer
from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from ..core import cnig_friches
from ..processing.inventory_location import GPKG, POSTGIS, InventoryLocation, saved_connection_uri
from ..processing.inventory_store import InventoryStoreError, error_message, open_inventory
from ..translation import tr


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
