"""The "Friches inventory" dock panel: list, filter, locate and edit the friches of an inventory layer.

Why this shape: the panel works on any point layer that has the CNIG friches fields (the ``friches`` layer
written by ``friches:import_inventory``), follows the project (layers added, removed, edited elsewhere),
and leaves every decision about rows to ``inventory_model`` (pure filtering functions) and about saving
to ``friche_form`` (validation and edit buffer), so both can be tested without the panel. Every signal
connected to the project or to a layer is recorded and disconnected by :meth:`close_and_disconnect`,
which the plugin calls on unload.
"""

from __future__ import annotations

import contextlib
from functools import partial
from typing import Optional

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsDoubleSpinBox, QgsFilterLineEdit, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import GEOMETRY_POLYGON, LAYER_FILTER_POINT, set_rectangle_null
from ..core import cnig_friches
from ..translation import tr
from .friche_form import FricheForm
from .inventory_model import (
    COLUMNS,
    EMPTY,
    ESSENTIAL_FIELDS,
    FID_ROLE,
    SURFACE_COLUMN,
    SURFACE_FIELD,
    FilterCriteria,
    InventoryFilterProxy,
    InventoryTableModel,
    column_headers,
    communes,
    missing_fields,
    py_value,
    read_rows,
    summarize,
    summary_text,
    ui_locale,
    value_counts,
)
from .inventory_opening import (
    InventoryOpening,
    find_inventory_layer,
    inventory_preference,
    is_inventory_layer,
    layer_file,
)
from .layer_table import LayerTableSelection, point_box, theme_icon
from .site_saving import last_history_id, prepare_layer, stamp_qgis_edits

SETTINGS_HIDDEN_COLUMNS = "friches_tierslieux/inventory_dock/hidden_columns"
#: Side of the box shown around a friche that has no polygon, in metres.



class InventoryDock(InventoryOpening, LayerTableSelection, QgsDockWidget):
    """Dock panel listing the friches of an inventory layer.

    Widgets exposed for tests and scripting: ``layer_combo``, ``open_button``, ``message_label``,
    ``filter_group``, ``search_edit``, ``statut_combo``, ``type_combo``, ``commune_combo``,
    ``surface_min_spin``, ``surface_max_spin`` (hectares), ``reset_button``, ``count_label``, ``table``,
    ``model``, ``proxy``, ``edit_button``, ``zoom_button``.
    """

    def __init__(self, iface, parent=None, layer=None):
        super().__init__(tr("Friches inventory"), parent)
        self.setObjectName("FrichesInventoryDock")
        self.iface = iface
        self.layer: Optional[QgsVectorLayer] = None
        self._project_connections: list = []
        self._layer_connections: list = []
        self._own_polygon_layers: dict = {}  # gpkg path -> polygon layer opened outside the project
        self._syncing_selection = False
        self._adding_layers = False
        self._disconnected = False
        self.last_form: Optional[FricheForm] = None

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self._build_ui()

        project = QgsProject.instance()
        self._connect(self._project_connections, project.layersAdded, self._on_layers_added)
        self._connect(self._project_connections, project.layersWillBeRemoved, self._on_layers_will_be_removed)
        self.layer_combo.layerChanged.connect(self._on_combo_layer_changed)

        initial = layer if layer is not None else find_inventory_layer(project)
        if initial is not None:
            self.layer_combo.setLayer(initial)
        self.set_layer(self.layer_combo.currentLayer())

    # -- UI -----------------------------------------------------------------------------------------
    def _build_ui(self):
        main = QWidget(self)
        main.setObjectName("FrichesInventoryPanel")
        main.setMinimumSize(300, 420)
        layout = QVBoxLayout(main)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        # layer row
        layer_row = QHBoxLayout()
        layer_row.setSpacing(4)
        layer_label = QLabel(tr("Layer"), main)
        self.layer_combo = QgsMapLayerComboBox(main)
        self.layer_combo.setFilters(LAYER_FILTER_POINT)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setMinimumContentsLength(10)
        self.layer_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.layer_combo.setToolTip(tr("Point layer of the friches inventory (CNIG friches fields)"))
        layer_label.setBuddy(self.layer_combo)
        self.open_button = QToolButton(main)
        self.open_button.setIcon(theme_icon("mActionFileOpen.svg"))
        self.open_button.setToolTip(tr("Open an inventory GeoPackage and add its layers to the project (the arrow: "
                                       "a team inventory in PostgreSQL)"))
        self.open_button.setAutoRaise(True)
        self.open_button.clicked.connect(self.open_geopackage)
        open_menu = QMenu(self.open_button)
        open_menu.addAction(theme_icon("mActionFileOpen.svg"), tr("Open an inventory GeoPackage…"),
                            self.open_geopackage)
        open_menu.addAction(theme_icon("mIconPostgis.svg"), tr("Open a PostgreSQL inventory…"), self.open_postgis)
        self.open_button.setMenu(open_menu)
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        layer_row.addWidget(layer_label)
        layer_row.addWidget(self.layer_combo, 1)
        layer_row.addWidget(self.open_button)
        layout.addLayout(layer_row)

        self.message_label = QLabel(main)
        self.message_label.setObjectName("inventoryMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        # filters
        self.filter_group = QgsCollapsibleGroupBox(tr("Filters"), main)
        self.filter_group.setObjectName("inventoryFilters")
        self.filter_group.setSettingGroup("friches_tierslieux_inventory_filters")
        form = QFormLayout(self.filter_group)
        form.setContentsMargins(6, 6, 6, 6)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.search_edit = QgsFilterLineEdit(self.filter_group)
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Name, identifier, municipality…"))
        form.addRow(tr("Search"), self.search_edit)

        self.statut_combo = self._filter_combo(tr("Status of the site (site_statut)"))
        form.addRow(tr("Status"), self.statut_combo)
        self.type_combo = self._filter_combo(tr("Type of site (site_type)"))
        form.addRow(tr("Type"), self.type_combo)
        self.commune_combo = self._filter_combo(tr("Municipality (comm_nom, comm_insee)"))
        form.addRow(tr("Municipality"), self.commune_combo)

        surface_row = QHBoxLayout()
        surface_row.setSpacing(4)
        self.surface_min_spin = self._surface_spin(tr("Smallest area shown, in hectares (site_surface)"),
                                                   tr("min"))
        self.surface_max_spin = self._surface_spin(tr("Largest area shown, in hectares (site_surface)"),
                                                   tr("max"))
        dash = QLabel("–", self.filter_group)
        surface_row.addWidget(self.surface_min_spin, 1)
        surface_row.addWidget(dash)
        surface_row.addWidget(self.surface_max_spin, 1)
        form.addRow(tr("Area (ha)"), surface_row)

        self.reset_button = QPushButton(tr("Reset filters"), self.filter_group)
        self.reset_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.reset_button.clicked.connect(self.reset_filters)
        form.addRow("", self.reset_button)
        layout.addWidget(self.filter_group)

        self.count_label = QLabel(main)
        self.count_label.setObjectName("inventoryCount")
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        layout.addWidget(self.count_label)

        # table
        self.model = InventoryTableModel(main)
        self.proxy = InventoryFilterProxy(main)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(main)
        self.table.setObjectName("inventoryTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._restore_hidden_columns()
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.setMinimumHeight(120)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        layout.addWidget(self.table, 1)

        # buttons
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.zoom_button = QPushButton(theme_icon("mActionZoomToSelected.svg"), tr("Zoom to list"), main)
        self.zoom_button.setToolTip(tr("Zoom the map to the friches listed (or to the selected ones)"))
        self.zoom_button.clicked.connect(self.zoom_to_list)
        self.edit_button = QPushButton(theme_icon("mActionEditTable.svg"), tr("Edit…"), main)
        self.edit_button.setToolTip(tr("Edit the attributes of the selected friche (or double-click a row)"))
        self.edit_button.clicked.connect(self.edit_selected)
        buttons.addWidget(self.zoom_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout.addLayout(buttons)

        self.setWidget(main)

        self.search_edit.textChanged.connect(self.apply_filters)
        for combo in (self.statut_combo, self.type_combo, self.commune_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        for spin in (self.surface_min_spin, self.surface_max_spin):
            spin.valueChanged.connect(self.apply_filters)

    def _filter_combo(self, tip):
        combo = QComboBox(self.filter_group)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setToolTip(tip)
        combo.addItem(tr("All"), None)
        return combo

    def _surface_spin(self, tip, empty_text):
        spin = QgsDoubleSpinBox(self.filter_group)
        spin.setDecimals(2)
        spin.setRange(0.0, 1_000_000.0)
        spin.setSingleStep(0.5)
        spin.setClearValue(0.0, empty_text)
        spin.setShowClearButton(True)
        spin.lineEdit().setPlaceholderText(empty_text)  # what a cleared box shows (QGIS empties the text)
        spin.setToolTip(tip)
        spin.setKeyboardTracking(False)
        spin.setMinimumWidth(70)
        spin.clear()
        return spin

    # -- columns ------------------------------------------------------------------------------------------
    def _show_header_menu(self, pos):
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        visible = [c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)]
        for column, title in enumerate(column_headers()):
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(column in visible)
            action.setEnabled(not (column in visible and len(visible) == 1))  # keep one column
            action.toggled.connect(partial(self.set_column_visible, column))
        menu.exec(header.mapToGlobal(pos))

    def set_column_visible(self, column, visible):
        self.table.setColumnHidden(column, not visible)
        hidden = [COLUMNS[c][0] for c in range(len(COLUMNS)) if self.table.isColumnHidden(c)]
        QgsSettings().setValue(SETTINGS_HIDDEN_COLUMNS, ",".join(hidden))

    def _restore_hidden_columns(self):
        hidden = str(QgsSettings().value(SETTINGS_HIDDEN_COLUMNS, "") or "").split(",")
        for column, (name, _header) in enumerate(COLUMNS):
            self.table.setColumnHidden(column, name in hidden and column != 0)

    # -- connections ------------------------------------------------------------------------------
    def close_and_disconnect(self):
        """Disconnect from the project and the layers (plugin unload); the dock can then be deleted."""
        self._disconnected = True
        self._refresh_timer.stop()
        self._disconnect_all(self._project_connections)
        self._disconnect_all(self._layer_connections)
        with contextlib.suppress(TypeError, RuntimeError):
            self.layer_combo.layerChanged.disconnect(self._on_combo_layer_changed)
        if self.last_form is not None and not sip.isdeleted(self.last_form):
            self.last_form.reject()
            self.last_form.deleteLater()
        self.last_form = None
        self._drop_own_polygon_layers()
        self.layer = None
        self.model.set_rows([])
        self.close()

    def _drop_own_polygon_layers(self):
        for layer in self._own_polygon_layers.values():
            if layer is not None and not sip.isdeleted(layer):
                layer.deleteLater()
        self._own_polygon_layers = {}

    # -- layer ----------------------------------------------------------------------------------------
    def _on_combo_layer_changed(self, layer):
        if layer is not self.layer:
            self.set_layer(layer)

    def set_layer(self, layer):
        """Show the friches of ``layer`` (None: no layer)."""
        if layer is not None and sip.isdeleted(layer):
            layer = None
        if layer is not self.layer:
            self._disconnect_all(self._layer_connections)
            self._drop_own_polygon_layers()
            self.layer = layer
            if layer is not None:
                store = self._layer_connections
                for signal in (
                    layer.attributeValueChanged,
                    layer.featureAdded,
                    layer.featuresDeleted,
                    layer.afterCommitChanges,
                    layer.afterRollBack,
                    layer.updatedFields,
                    layer.subsetStringChanged,
                    layer.dataChanged,
                ):
                    self._connect(store, signal, self.schedule_refresh)
                self._connect(store, layer.selectionChanged, self._on_layer_selection_changed)
                self._connect(store, layer.editingStarted, self._update_buttons)
                self._connect(store, layer.editingStopped, self._update_buttons)
                self._connect(store, layer.beforeCommitChanges, self._before_commit)
                self._connect(store, layer.afterCommitChanges, self._after_commit)
                self._prepare_store(layer)
            if self.layer_combo.currentLayer() is not layer:
                self.layer_combo.blockSignals(True)
                self.layer_combo.setLayer(layer)
                self.layer_combo.blockSignals(False)
        self.refresh(resize_columns=True)

    def _prepare_store(self, layer):
        """Open the inventory behind ``layer`` once: an older GeoPackage gets its history and versions, a
        PostGIS table of another structure is reported (see ``site_saving.prepare_layer``)."""
        self.store_problem = None
        if not is_inventory_layer(layer):
            return
        note, is_error = prepare_layer(layer)
        if note and is_error:
            self.store_problem = note
        if note and self.iface is not None:
            level = Qgis.MessageLevel.Warning if is_error else Qgis.MessageLevel.Info
            self.iface.messageBar().pushMessage(tr("Friches inventory"), note, level, 8)

    def _before_commit(self, *args):
        self._history_mark = last_history_id(self.layer) if self.layer is not None else None

    def _after_commit(self, *args):
        """Edits saved from QGIS's edit buffer: name the user on their history rows (GeoPackage)."""
        if self.layer is not None:
            stamp_qgis_edits(self.layer, getattr(self, "_history_mark", None))
        self._history_mark = None

    def schedule_refresh(self, *args):
        """Reload the rows soon (several layer signals in a row give one reload)."""
        if not self._disconnected:
            self._refresh_timer.start()

    def _on_layers_added(self, layers):
        if self._adding_layers:
            return
        if self.layer is not None and not missing_fields(self.layer.fields().names(), ESSENTIAL_FIELDS):
            return
        candidates = [layer for layer in layers if is_inventory_layer(layer)]
        if candidates:
            candidates.sort(key=inventory_preference)
            self.set_layer(candidates[0])

    def _on_layers_will_be_removed(self, layer_ids):
        own = self.layer
        if own is not None and not sip.isdeleted(own) and own.id() in layer_ids:
            self._disconnect_all(self._layer_connections)
            self.layer = None
            QTimer.singleShot(0, self._after_layer_removed)

    def _after_layer_removed(self):
        if self._disconnected:
            return
        layer = self.layer_combo.currentLayer()
        if layer is None:
            layer = find_inventory_layer()
        self.set_layer(layer)

    # -- rows ---------------------------------------------------------------------------------------
    def refresh(self, resize_columns=False):
        """Reload the rows from the layer, keeping filters and selected friches."""
        if self._disconnected:
            return
        self._refresh_timer.stop()
        layer = self.layer
        selected = self.selected_fids()
        rows = []
        problem = None
        if layer is None:
            problem = tr("Choose the point layer of a friches inventory, or open an inventory GeoPackage "
                         "with the folder button.")
        else:
            names = layer.fields().names()
            missing = missing_fields(names, ESSENTIAL_FIELDS)
            if missing:
                problem = tr("The layer “{layer}” is not a friches inventory: it lacks the field(s) {fields} "
                             "of the CNIG friches standard. Import the file with “Import a friches inventory…” "
                             "or choose another layer.").format(layer=layer.name(), fields=", ".join(missing))
            else:
                rows = read_rows(layer)
        if problem:
            self._show_message(problem, error=layer is not None)
        elif getattr(self, "store_problem", None):
            self._show_message(self.store_problem, error=True)
        else:
            self._show_optional_fields_note()
        self._syncing_selection = True
        try:
            self.model.set_rows(rows)
            self._fill_filter_combos(rows)
            self.apply_filters()
            self._select_rows(selected or (layer.selectedFeatureIds() if rows else []))
        finally:
            self._syncing_selection = False
        if problem:
            self.count_label.clear()
        if resize_columns:
            self._resize_columns()
        self.filter_group.setEnabled(bool(rows) or problem is None)
        self.table.setEnabled(problem is None)
        self._update_buttons()

    def _show_message(self, text, error=False):
        if error:
            style = "color: #8a1c1c; background: #fdecea; border: 1px solid #e6a5a0;"
        else:
            style = "color: #3b4654; background: #eef3f8; border: 1px solid #c5d3e2;"
        self.message_label.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; padding: 5px; }}")
        self.message_label.setText(text)
        self.message_label.show()

    def _show_optional_fields_note(self):
        names = self.layer.fields().names()
        wanted = [spec.name for spec in cnig_friches.attribute_fields()] + [SURFACE_FIELD]
        missing = missing_fields(names, wanted)
        if not missing:
            self.message_label.hide()
            self.message_label.clear()
            return
        shown = ", ".join(missing[:6]) + ("…" if len(missing) > 6 else "")
        self._show_message(
            tr("{n} field(s) of the CNIG standard are missing from this layer ({fields}): the list and the "
               "form show the others.").format(n=len(missing), fields=shown)
        )

    def _fill_filter_combos(self, rows):
        statut_counts = value_counts(rows, "site_statut")
        type_counts = value_counts(rows, "site_type")
        self._fill_coded_combo(self.statut_combo, cnig_friches.field_spec("site_statut").allowed_values,
                               statut_counts)
        self._fill_coded_combo(self.type_combo, cnig_friches.field_spec("site_type").allowed_values, type_counts)
        items = []
        for key, name, insee, count in communes(rows):
            if key == EMPTY:
                label = tr("(not filled)")
            else:
                label = f"{name} ({insee})" if name and insee else (name or insee)
            items.append((f"{label} · {count}", key, count))
        self._set_combo_items(self.commune_combo, items)

    def _fill_coded_combo(self, combo, allowed, counts):
        items = [(f"{value} · {counts.get(value, 0)}", value, counts.get(value, 0)) for value in allowed]
        for value in sorted(v for v in counts if v not in allowed and v != EMPTY):
            items.append((tr("{value} (not in the standard) · {n}").format(value=value, n=counts[value]), value,
                          counts[value]))
        if counts.get(EMPTY):
            items.append((tr("(not filled) · {n}").format(n=counts[EMPTY]), EMPTY, counts[EMPTY]))
        self._set_combo_items(combo, items)

    def _set_combo_items(self, combo, items):
        """Replace ``combo``'s entries by "All" + ``items`` [(label, key, count)], keeping the chosen key."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("All"), None)
        grey = QBrush(combo.palette().color(combo.palette().ColorGroup.Disabled, combo.palette().ColorRole.Text))
        for label, key, count in items:
            combo.addItem(label, key)
            if not count:
                combo.setItemData(combo.count() - 1, grey, Qt.ItemDataRole.ForegroundRole)
        index = combo.findData(current) if current is not None else 0
        if index < 0 and current is not None:  # keep a filter on a value that no row has any more
            combo.addItem(f"{current} · 0", current)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _resize_columns(self):
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            limit = 220 if column == 1 else 160
            if header.sectionSize(column) > limit:
                header.resizeSection(column, limit)
        if header.sectionSize(SURFACE_COLUMN) < 64:
            header.resizeSection(SURFACE_COLUMN, 64)

    # -- filters -------------------------------------------------------------------------------------
    def criteria(self) -> FilterCriteria:
        """The filters as set in the widgets (surfaces converted from ha to m²)."""
        smin = self.surface_min_spin.value()
        smax = self.surface_max_spin.value()
        return FilterCriteria(
            statut=self.statut_combo.currentData(),
            site_type=self.type_combo.currentData(),
            commune=self.commune_combo.currentData(),
            surface_min=smin * 10000.0 if smin > 0 else None,
            surface_max=smax * 10000.0 if smax > 0 else None,
            text=self.search_edit.text() or "",
        )

    def apply_filters(self, *args):
        self.proxy.set_criteria(self.criteria())
        self._update_count()
        self._update_buttons()

    def reset_filters(self):
        widgets = (self.search_edit, self.statut_combo, self.type_combo, self.commune_combo,
                   self.surface_min_spin, self.surface_max_spin)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.statut_combo, self.type_combo, self.commune_combo):
            combo.setCurrentIndex(0)
        self.surface_min_spin.setValue(0.0)  # 0 = no bound, shown as "min" / "max"
        self.surface_max_spin.setValue(0.0)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filters()

    def visible_rows(self):
        return self.proxy.visible_rows()

    def summary(self):
        """``(number of friches listed, their total area in m²)``."""
        return summarize(self.visible_rows())

    def _update_count(self):
        count, total_m2 = self.summary()
        self.count_label.setText(summary_text(count, total_m2, self.model.rowCount(), ui_locale()))

    # -- selection -----------------------------------------------------------------------------------
    def _on_table_selection_changed(self, *args):
        self._update_buttons()
        self._push_selection_to_layer()

    def _on_layer_selection_changed(self, *args):
        self._pull_selection_from_layer()
        self._update_buttons()

    def _update_buttons(self, *args):
        layer = self.layer
        usable = layer is not None and self.table.isEnabled() and self.model.rowCount() > 0
        editable = usable and not layer.readOnly() and layer.supportsEditing()
        self.edit_button.setEnabled(bool(editable and len(self.selected_fids()) == 1))
        self.zoom_button.setEnabled(bool(usable and self.proxy.rowCount() > 0))

    # -- zoom ------------------------------------------------------------------------------------------
    def polygon_layer(self):
        """The polygon layer of the inventory (``friches_emprises``, matched by ``site_id``), or None.

        A project layer from the same GeoPackage first, then any project polygon layer named
        ``friches_emprises``, then the GeoPackage's own table opened without adding it to the project.
        """
        if self.layer is None:
            return None
        path, _name = layer_file(self.layer)
        candidates = []
        for layer in QgsProject.instance().mapLayers().values():
            if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
                continue
            if layer.geometryType() != GEOMETRY_POLYGON or "site_id" not in layer.fields().names():
                continue
            other_path, other_name = layer_file(layer)
            same_file = bool(path) and other_path == path and other_name == cnig_friches.POLYGON_LAYER
            named = layer.name() == cnig_friches.POLYGON_LAYER
            if same_file or (named and not path):
                candidates.append((not same_file, layer))
        if candidates:
            candidates.sort(key=lambda item: item[0])
            return candidates[0][1]
        if not path or not path.lower().endswith(".gpkg"):
            return None
        if path not in self._own_polygon_layers:
            layer = QgsVectorLayer(f"{path}|layername={cnig_friches.POLYGON_LAYER}", cnig_friches.POLYGON_LAYER,
                                   "ogr")
            self._own_polygon_layers[path] = layer if layer.isValid() else None
        return self._own_polygon_layers[path]

    def feature_extent(self, fids) -> QgsRectangle:
        """The extent, in the map canvas CRS, showing friches ``fids`` (polygons, else a box per point)."""
        canvas = self.iface.mapCanvas()
        dest_crs = canvas.mapSettings().destinationCrs()
        project = QgsProject.instance()
        extent = QgsRectangle()
        set_rectangle_null(extent)
        request = QgsFeatureRequest().setFilterFids(list(fids))
        request.setSubsetOfAttributes(["site_id"], self.layer.fields())
        points = {}
        for feature in self.layer.getFeatures(request):
            site_id = py_value(feature["site_id"])
            points[feature.id()] = (str(site_id) if site_id is not None else None, feature.geometry())
        site_ids = {sid for sid, _geom in points.values() if sid}
        polygons = {}
        polygon_layer = self.polygon_layer() if site_ids else None
        if polygon_layer is not None:
            to_canvas = QgsCoordinateTransform(polygon_layer.crs(), dest_crs, project)
            quoted = ", ".join("'" + sid.replace("'", "''") + "'" for sid in site_ids)
            poly_request = QgsFeatureRequest().setFilterExpression(f'"site_id" IN ({quoted})')
            for feature in polygon_layer.getFeatures(poly_request):
                if feature.hasGeometry():
                    box = to_canvas.transformBoundingBox(feature.geometry().boundingBox())
                    sid = str(feature["site_id"])
                    if sid in polygons:
                        polygons[sid].combineExtentWith(box)
                    else:
                        polygons[sid] = box
        to_canvas = QgsCoordinateTransform(self.layer.crs(), dest_crs, project)
        for sid, geometry in points.values():
            if sid in polygons:
                extent.combineExtentWith(polygons[sid])
            elif geometry is not None and not geometry.isEmpty():
                point = to_canvas.transform(QgsPointXY(geometry.boundingBox().center()))
                extent.combineExtentWith(point_box(point, dest_crs))
        return extent

    def zoom_to_list(self):
        fids = self.selected_fids() or [row.fid for row in self.visible_rows()]
        self.zoom_to_fids(fids)

    # -- editing ----------------------------------------------------------------------------------------
    def _on_double_clicked(self, index):
        if index.isValid() and self.edit_button.isEnabled():
            self.edit_fid(index.data(FID_ROLE))

    def create_form(self, fid) -> FricheForm:
        """The edit form of feature ``fid`` (not shown); accepting it saves the changes."""
        message_bar = self.iface.messageBar() if self.iface is not None else None
        form = FricheForm(self.layer, fid, self, message_bar=message_bar)
        self.last_form = form
        return form

    def edit_fid(self, fid) -> bool:
        form = self.create_form(fid)
        try:
            accepted = form.exec() == form.DialogCode.Accepted
        finally:
            self.last_form = None
            form.deleteLater()
        if accepted:
            self.refresh()
            result = form.last_result
            if result is not None and result.ok and not result.committed and self.iface is not None:
                self.iface.messageBar().pushMessage(
                    tr("Friches inventory"),
                    tr("Changes kept in the layer's edit buffer: save the layer's edits to write them."),
                    Qgis.MessageLevel.Info, 5,
                )
        return accepted

    def edit_selected(self):
        fids = self.selected_fids()
        if len(fids) == 1:
            self.edit_fid(fids[0])
