"""The plugin class: translator, Processing provider, menu, toolbar and dock panels.

Why this split: ``initProcessing()`` only registers the provider (what ``qgis_process`` needs, no
``iface``), ``initGui()`` adds what a desktop user sees, and ``unload()`` removes every piece of both,
so reloading the plugin leaves QGIS as it found it.
"""

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .dependencies import install_command, missing_requirements
from .translation import load_translator, tr, unload_translator

ICONS = Path(__file__).resolve().parent / "resources" / "icons"
MENU = "Friches && Tiers-Lieux"
LOG_TAG = "Friches & Tiers-Lieux"


class FrichesTiersLieuxPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = load_translator()
        self.actions = []
        self.toolbar = None
        self.inventory_dock = None
        self.inventory_action = None
        self.candidates_dock = None
        self.candidates_action = None

    # -- Processing (also called by qgis_process, without GUI) ------------------------------------
    def initProcessing(self):
        from .processing.provider import FrichesProvider

        if self.provider is None:
            provider = FrichesProvider()
            # The registry refuses (and deletes) a second provider with the same id, e.g. when another
            # copy of the plugin is loaded: keep no reference to a deleted object then.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # -- GUI ------------------------------------------------------------------------------------
    def initGui(self):
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("Friches & Tiers-Lieux"))
        self.toolbar.setObjectName("FrichesTiersLieuxToolbar")

        self.inventory_action = self._add_action(
            "inventory.svg", tr("Friches inventory"), self.toggle_inventory_dock,
            tr("Show or hide the friches inventory panel"), checkable=True,
        )
        self.candidates_action = self._add_action(
            "candidates.svg", tr("Candidates"), self.toggle_candidates_dock,
            tr("Show or hide the panel ranking the candidate sites for each use"), checkable=True,
        )
        self._add_action(
            "import.svg", tr("Import a friches inventory…"), self.open_import_dialog,
            tr("Import and validate an inventory in the CNIG friches standard"),
        )
        self._add_action(
            "processing.svg", tr("Friches & Tiers-Lieux algorithms"), self.open_toolbox,
            tr("Show the provider's algorithms in the Processing toolbox"), toolbar=False,
        )
        self._warn_missing_dependencies()

    def _add_action(self, icon, text, callback, tip, checkable=False, toolbar=True):
        action = QAction(QIcon(str(ICONS / icon)), text, self.iface.mainWindow())
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(tr(MENU), action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _warn_missing_dependencies(self):
        missing = missing_requirements()
        if not missing:
            return
        reqs = [req for req, _why in missing]
        message = tr("Missing Python packages ({missing}). Install them with: {command}").format(
            missing=", ".join(reqs), command=install_command(reqs)
        )
        QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Warning)
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.MessageLevel.Warning, 0)

    def toggle_inventory_dock(self, checked=None):
        if self.inventory_dock is None:
            from .ui.inventory_dock import InventoryDock

            self.inventory_dock = InventoryDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inventory_dock)
            self.inventory_dock.visibilityChanged.connect(self.inventory_action.setChecked)
        visible = (not self.inventory_dock.isVisible()) if checked is None else bool(checked)
        self.inventory_dock.setVisible(visible)
        if visible:
            self.inventory_dock.raise_()

    def toggle_candidates_dock(self, checked=None):
        if self.candidates_dock is None:
            from .ui.candidates_dock import CandidatesDock

            self.candidates_dock = CandidatesDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.candidates_dock)
            self.candidates_dock.visibilityChanged.connect(self.candidates_action.setChecked)
        visible = (not self.candidates_dock.isVisible()) if checked is None else bool(checked)
        self.candidates_dock.setVisible(visible)
        if visible:
            self.candidates_dock.raise_()

    def open_import_dialog(self):
        from qgis import processing

        processing.execAlgorithmDialog("friches:import_inventory", {})

    def open_toolbox(self):
        toolbox = self.iface.mainWindow().findChild(QAction, "mActionShowProcessingToolbox")
        if toolbox is not None and not toolbox.isChecked():
            toolbox.trigger()

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(tr(MENU), action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.inventory_dock is not None:
            self.iface.removeDockWidget(self.inventory_dock)
            self.inventory_dock.close_and_disconnect()
            self.inventory_dock.deleteLater()
            self.inventory_dock = None
        if self.candidates_dock is not None:
            self.iface.removeDockWidget(self.candidates_dock)
            self.candidates_dock.close_and_disconnect()
            self.candidates_dock.deleteLater()
            self.candidates_dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        unload_translator(self.translator)
        self.translator = None
