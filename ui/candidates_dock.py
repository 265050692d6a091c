"""The *Candidates* dock panel: ranked sites per use, live weights, zoom and select, CSV / XLSX export.

Why this shape: the panel works on any layer written by ``friches:score_candidates`` (the score fields and
``score_details``); moving a weight slider re-ranks at once from the stored per-criterion values
(``candidates_model.rank_rows`` → ``core.scoring``), without re-running any analysis and without
editing the layer. Every signal connected to the project or to a layer is recorded and disconnected by
:meth:`close_and_disconnect`, which the plugin calls on unload.
"""

from __future__ import annotations

import contextlib
from functools import partial
from pathlib import Path
from typing import Dict, Optional

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
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsMapLayerComboBox, QgsScrollArea
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..compat import LAYER_FILTER_VECTOR, set_rectangle_null
from ..core.scoring import USES
from ..translation import tr
from .candidates_model import (
    CANDIDATE_COLUMN,
    EXPLANATION_COLUMN,
    NAME_COLUMN,
    RANK_COLUMN,
    RELIABILITY_COLUMN,
    SCORE_COLUMN,
    CandidatesFilterProxy,
    CandidatesTableModel,
    count_text,
    criterion_ids,
    export_table,
    is_scored_layer,
    layer_profile,
    rank_rows,
    read_rows,
    short_label,
    stored_weights,
    ui_lang,
    use_labels,
    write_csv,
    write_xlsx,
)
from .layer_table import LayerTableSelection, point_box, theme_icon

SETTINGS_LAST_DIR = "friches_tierslieux/candidates_dock/last_dir"
#: Side of the box shown around a point site, in metres.
#: A slider's value is the weight × this (weights 0 to 10 with one decimal).
SLIDER_SCALE = 10


def find_scored_layer(project=None):
    """The project's scored layer: the first in the layer tree that has the score fields."""
    project = project or QgsProject.instance()
    order = project.layerTreeRoot().layerOrder()
    for layer in order:
        if isinstance(layer, QgsVectorLayer) and layer.isValid() and is_scored_layer(layer):
            return layer
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and layer.isValid() and is_scored_layer(layer):
            return layer
    return None


class CandidatesDock(LayerTableSelection, QgsDockWidget):
    """Dock panel ranking the scored sites for one use, with one weight slider per criterion.

    Widgets exposed for tests and scripting: ``layer_combo``, ``use_combo``, ``candidates_only_check``,
    ``message_label``, ``count_label``, ``table``, ``model``, ``proxy``, ``weights_group``, ``sliders``
    (criterion id → QSlider), ``share_labels``, ``reset_button``, ``csv_button``, ``xlsx_button``.
    """

    def __init__(self, iface, parent=None, layer=None):
        super().__init__(tr("Candidates"), parent)
        self.setObjectName("FrichesCandidatesDock")
        self.iface = iface
        self.layer: Optional[QgsVectorLayer] = None
        self.profile = None
        self.rows = []
        self.weights: Dict[str, Dict[str, float]] = {}  # use -> criterion -> weight (as the sliders say)
        self.sliders: Dict[str, QSlider] = {}
        self.share_labels: Dict[str, QLabel] = {}
        self._project_connections: list = []
        self._layer_connections: list = []
        self._syncing_selection = False
        self._disconnected = False
        self._building_sliders = False

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._rerank_timer = QTimer(self)
        self._rerank_timer.setSingleShot(True)
        self._rerank_timer.setInterval(30)
        self._rerank_timer.timeout.connect(self.rerank)

        self._build_ui()

        project = QgsProject.instance()
        self._connect(self._project_connections, project.layersAdded, self._on_layers_added)
        self._connect(self._project_connections, project.layersWillBeRemoved, self._on_layers_will_be_removed)
        self._update_excepted_layers()
        self.layer_combo.layerChanged.connect(self._on_combo_layer_changed)
        initial = layer if layer is not None else find_scored_layer(project)
        if initial is not None:
            self.layer_combo.setLayer(initial)
        self.set_layer(self.layer_combo.currentLayer())

    # -- UI -----------------------------------------------------------------------------------------
    def _build_ui(self):
        main = QWidget(self)
        main.setObjectName("FrichesCandidatesPanel")
        main.setMinimumSize(320, 460)
        layout = QVBoxLayout(main)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        top = QGridLayout()
        top.setHorizontalSpacing(6)
        top.setVerticalSpacing(4)
        layer_label = QLabel(tr("Layer"), main)
        self.layer_combo = QgsMapLayerComboBox(main)
        self.layer_combo.setFilters(LAYER_FILTER_VECTOR)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setMinimumContentsLength(10)
        self.layer_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.layer_combo.setToolTip(tr("A layer written by “Score candidate sites” (score_* fields)"))
        layer_label.setBuddy(self.layer_combo)
        top.addWidget(layer_label, 0, 0)
        top.addWidget(self.layer_combo, 0, 1, 1, 2)

        use_label = QLabel(tr("Use"), main)
        self.use_combo = QComboBox(main)
        self.use_combo.setObjectName("candidatesUse")
        for use, label in use_labels().items():
            self.use_combo.addItem(label, use)
        self.use_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.use_combo.setMinimumContentsLength(9)
        self.use_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.use_combo.setToolTip(tr("The use the sites are ranked for"))
        use_label.setBuddy(self.use_combo)
        self.candidates_only_check = QCheckBox(tr("Candidates only"), main)
        self.candidates_only_check.setToolTip(tr("Hide the sites that are not candidates for this use"))
        self.candidates_only_check.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        top.addWidget(use_label, 1, 0)
        top.addWidget(self.use_combo, 1, 1, 1, 2)
        top.addWidget(self.candidates_only_check, 2, 1, 1, 2)
        top.setColumnStretch(1, 1)
        layout.addLayout(top)

        self.message_label = QLabel(main)
        self.message_label.setObjectName("candidatesMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.count_label = QLabel(main)
        self.count_label.setObjectName("candidatesCount")
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        layout.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Vertical, main)
        splitter.setChildrenCollapsible(False)

        self.model = CandidatesTableModel(main)
        self.proxy = CandidatesFilterProxy(main)
        self.proxy.setSourceModel(self.model)
        table_box = QWidget(splitter)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(4)
        self.table = QTableView(table_box)
        self.table.setObjectName("candidatesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.table.sortByColumn(RANK_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setMinimumHeight(140)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        table_layout.addWidget(self.table, 1)
        self.detail_label = QLabel(table_box)
        self.detail_label.setObjectName("candidatesDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.detail_label.setStyleSheet("QLabel { background: palette(base); border: 1px solid palette(mid); "
                                        "border-radius: 3px; padding: 4px; }")
        table_layout.addWidget(self.detail_label)

        self.weights_group = QgsCollapsibleGroupBox(tr("Weights"), splitter)
        self.weights_group.setObjectName("candidatesWeights")
        self.weights_group.setSettingGroup("friches_tierslieux_candidates_weights")
        group_layout = QVBoxLayout(self.weights_group)
        group_layout.setContentsMargins(6, 6, 6, 6)
        group_layout.setSpacing(4)
        self.weights_group.setToolTip(tr("Move a slider to re-rank at once (share of the total weight on the "
                                         "right). Hover a criterion for its rationale and source."))
        self.weights_scroll = QgsScrollArea(self.weights_group)
        self.weights_scroll.setMinimumHeight(120)
        self.weights_scroll.setWidgetResizable(True)
        self.weights_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.weights_widget = QWidget(self.weights_scroll)
        self.weights_grid = QGridLayout(self.weights_widget)
        self.weights_grid.setContentsMargins(0, 0, 4, 0)
        self.weights_grid.setHorizontalSpacing(6)
        self.weights_grid.setVerticalSpacing(2)
        self.weights_scroll.setWidget(self.weights_widget)
        group_layout.addWidget(self.weights_scroll, 1)
        self.reset_button = QPushButton(tr("Reset weights"), self.weights_group)
        self.reset_button.setToolTip(tr("Back to the weights the layer was scored with"))
        self.reset_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.reset_button.clicked.connect(self.reset_weights)
        group_layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter.addWidget(table_box)
        splitter.addWidget(self.weights_group)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.zoom_button = QPushButton(theme_icon("mActionZoomToSelected.svg"), tr("Zoom to list"), main)
        self.zoom_button.setToolTip(tr("Zoom the map to the sites listed (or to the selected ones)"))
        self.zoom_button.clicked.connect(self.zoom_to_list)
        self.csv_button = QPushButton(theme_icon("mActionFileSave.svg"), tr("CSV…"), main)
        self.csv_button.setToolTip(tr("Export the ranking shown (this use, these weights) to a CSV file"))
        self.csv_button.clicked.connect(lambda: self.export_dialog("csv"))
        self.xlsx_button = QPushButton(theme_icon("mActionFileSave.svg"), tr("XLSX…"), main)
        self.xlsx_button.setToolTip(tr("Export the ranking shown and the weights to a spreadsheet (XLSX)"))
        self.xlsx_button.clicked.connect(lambda: self.export_dialog("xlsx"))
        buttons.addWidget(self.zoom_button)
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.xlsx_button)
        layout.addLayout(buttons)

        self.setWidget(main)
        self.use_combo.currentIndexChanged.connect(self._on_use_changed)
        self.candidates_only_check.toggled.connect(self._on_candidates_only)

    # -- connections --------------------------------------------------------------------------------
    def close_and_disconnect(self):
        """Disconnect from the project and the layers (plugin unload); the dock can then be deleted."""
        self._disconnected = True
        self._refresh_timer.stop()
        self._rerank_timer.stop()
        self._disconnect_all(self._project_connections)
        self._disconnect_all(self._layer_connections)
        with contextlib.suppress(TypeError, RuntimeError):
            self.layer_combo.layerChanged.disconnect(self._on_combo_layer_changed)
        self.layer = None
        self.rows = []
        self.model.set_rows([])
        self.close()

    # -- layer --------------------------------------------------------------------------------------
    def _update_excepted_layers(self, *args):
        project = QgsProject.instance()
        excepted = [layer for layer in project.mapLayers().values()
                    if not isinstance(layer, QgsVectorLayer) or not is_scored_layer(layer)]
        current = self.layer_combo.currentLayer()
        self.layer_combo.blockSignals(True)
        self.layer_combo.setExceptedLayerList(excepted)
        if current is not None and current not in excepted:
            self.layer_combo.setLayer(current)
        self.layer_combo.blockSignals(False)

    def _on_combo_layer_changed(self, layer):
        if layer is not self.layer:
            self.set_layer(layer)

    def set_layer(self, layer):
        """Rank the sites of ``layer`` (None: no layer)."""
        if layer is not None and sip.isdeleted(layer):
            layer = None
        if layer is not self.layer:
            self._disconnect_all(self._layer_connections)
            self.layer = layer
            self.weights = {}
            if layer is not None:
                store = self._layer_connections
                for signal in (layer.attributeValueChanged, layer.featureAdded, layer.featuresDeleted,
                               layer.afterCommitChanges, layer.afterRollBack, layer.updatedFields,
                               layer.subsetStringChanged, layer.dataChanged):
                    self._connect(store, signal, self.schedule_refresh)
                self._connect(store, layer.selectionChanged, self._on_layer_selection_changed)
            if self.layer_combo.currentLayer() is not layer:
                self.layer_combo.blockSignals(True)
                self.layer_combo.setLayer(layer)
                self.layer_combo.blockSignals(False)
        self.refresh(resize_columns=True)

    def schedule_refresh(self, *args):
        if not self._disconnected:
            self._refresh_timer.start()

    def _on_layers_added(self, layers):
        self._update_excepted_layers()
        if self.layer is not None:
            return
        for layer in layers:
            if isinstance(layer, QgsVectorLayer) and is_scored_layer(layer):
                self.set_layer(layer)
                return

    def _on_layers_will_be_removed(self, layer_ids):
        own = self.layer
        if own is not None and not sip.isdeleted(own) and own.id() in layer_ids:
            self._disconnect_all(self._layer_connections)
            self.layer = None
        QTimer.singleShot(0, self._after_layers_removed)

    def _after_layers_removed(self):
        if self._disconnected:
            return
        self._update_excepted_layers()
        if self.layer is None:
            self.set_layer(self.layer_combo.currentLayer() or find_scored_layer())

    # -- data ---------------------------------------------------------------------------------------
    @property
    def use(self) -> str:
        return self.use_combo.currentData() or USES[0]

    def refresh(self, resize_columns=False):
        """Reload the rows from the layer and rebuild the sliders, keeping weights already moved."""
        if self._disconnected:
            return
        self._refresh_timer.stop()
        layer = self.layer
        problem = None
        self.rows = []
        if layer is None:
            problem = tr("Choose a layer written by “Score candidate sites” (Processing, group Candidates).")
        elif not is_scored_layer(layer):
            problem = tr("The layer “{layer}” has no score fields (score_coworking, score_fablab, "
                         "score_mediation): run “Score candidate sites” on it first.").format(layer=layer.name())
        else:
            self.rows = read_rows(layer)
            self.profile = layer_profile(layer)
            if not any(row.details for row in self.rows):
                problem = tr("The layer “{layer}” has no score_details: its scores are shown as they are, "
                             "weights cannot change them.").format(layer=layer.name())
        if problem:
            self._show_message(problem, error=layer is not None and not self.rows)
        else:
            self.message_label.hide()
        self._build_sliders()
        self.rerank(resize_columns=resize_columns)
        has_details = any(row.details for row in self.rows)
        self.weights_group.setEnabled(has_details)
        self.table.setEnabled(bool(self.rows))
        for button in (self.csv_button, self.xlsx_button, self.zoom_button):
            button.setEnabled(bool(self.rows))

    def _show_message(self, text, error=False):
        if error:
            style = "color: #8a1c1c; background: #fdecea; border: 1px solid #e6a5a0;"
        else:
            style = "color: #3b4654; background: #eef3f8; border: 1px solid #c5d3e2;"
        self.message_label.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; padding: 5px; }}")
        self.message_label.setText(text)
        self.message_label.show()

    def current_weights(self) -> Dict[str, float]:
        """The weights of the current use, as the sliders say."""
        return dict(self.weights.get(self.use, {}))

    def _build_sliders(self):
        self._building_sliders = True
        try:
            while self.weights_grid.count():
                item = self.weights_grid.takeAt(0)
                widget = item.widget()
                if widget is not None:
                    widget.setParent(None)
                    widget.deleteLater()
            self.sliders = {}
            self.share_labels = {}
            if not self.rows or self.profile is None:
                return
            use = self.use
            if use not in self.weights:
                self.weights[use] = stored_weights(self.rows, use, self.profile)
            lang = ui_lang()
            profile_use = self.profile.use(use)
            for row_index, cid in enumerate(criterion_ids(self.rows, use, self.profile)):
                criterion = profile_use.criterion(cid)
                label = QLabel(short_label(criterion.label(lang)) if criterion else cid, self.weights_widget)
                label.setWordWrap(True)
                label.setMinimumWidth(110)
                tip = cid
                if criterion is not None:
                    tip = (f"<p><b>{criterion.label(lang)}</b> ({cid})</p><p>{criterion.rationale(lang)}</p>"
                           f"<p><i>{criterion.source}</i></p>")
                label.setToolTip(tip)
                slider = QSlider(Qt.Orientation.Horizontal, self.weights_widget)
                slider.setObjectName(f"weight_{cid}")
                slider.setRange(0, 100)
                slider.setSingleStep(1)
                slider.setPageStep(5)
                slider.setValue(int(round(self.weights[use].get(cid, 0.0) * SLIDER_SCALE)))
                slider.setMinimumWidth(90)
                slider.setToolTip(tip)
                slider.valueChanged.connect(partial(self._on_slider, cid))
                share = QLabel(self.weights_widget)
                share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                share.setMinimumWidth(share.fontMetrics().horizontalAdvance("100 %") + 4)
                self.weights_grid.addWidget(label, row_index, 0)
                self.weights_grid.addWidget(slider, row_index, 1)
                self.weights_grid.addWidget(share, row_index, 2)
                self.sliders[cid] = slider
                self.share_labels[cid] = share
            self.weights_grid.setColumnStretch(0, 3)
            self.weights_grid.setColumnStretch(1, 4)
            self.weights_grid.setRowStretch(len(self.sliders), 1)
            self._update_shares()
        finally:
            self._building_sliders = False

    def _update_shares(self):
        weights = self.weights.get(self.use, {})
        total = sum(max(w, 0.0) for w in weights.values())
        for cid, label in self.share_labels.items():
            share = 100.0 * weights.get(cid, 0.0) / total if total > 0 else 0.0
            label.setText(f"{share:.0f}\u00a0%")
            label.setToolTip(tr("Weight {weight} of {total}").format(
                weight=f"{weights.get(cid, 0.0):g}", total=f"{total:g}"))

    def _on_slider(self, cid, value):
        if self._building_sliders:
            return
        self.weights.setdefault(self.use, {})[cid] = value / SLIDER_SCALE
        self._update_shares()
        self._rerank_timer.start()

    def set_weight(self, criterion_id: str, weight: float):
        """Set one criterion's weight as the slider would (re-ranks at once)."""
        slider = self.sliders.get(criterion_id)
        if slider is None:
            raise KeyError(criterion_id)
        slider.setValue(int(round(weight * SLIDER_SCALE)))
        self.rerank()

    def reset_weights(self):
        if not self.rows or self.profile is None:
            return
        self.weights[self.use] = stored_weights(self.rows, self.use, self.profile)
        self._building_sliders = True
        try:
            for cid, slider in self.sliders.items():
                slider.setValue(int(round(self.weights[self.use].get(cid, 0.0) * SLIDER_SCALE)))
        finally:
            self._building_sliders = False
        self._update_shares()
        self.rerank()

    def _on_use_changed(self, *args):
        self._build_sliders()
        self.rerank(resize_columns=False)

    def _on_candidates_only(self, checked):
        self.proxy.set_candidates_only(checked)
        self._update_count()
        self._update_detail()

    def rerank(self, resize_columns=False):
        """Rank the rows for the current use with the sliders' weights (no analysis re-run)."""
        if self._disconnected:
            return
        self._rerank_timer.stop()
        selected = self.selected_fids()
        if self.rows and self.profile is not None:
            weights = self.weights.get(self.use) if any(row.details for row in self.rows) else None
            ranked = rank_rows(self.rows, self.use, weights, self.profile, ui_lang())
        else:
            ranked = []
        self._syncing_selection = True
        try:
            self.model.set_rows(ranked)
            self.table.sortByColumn(self.table.horizontalHeader().sortIndicatorSection(),
                                    self.table.horizontalHeader().sortIndicatorOrder())
            self._select_rows(selected)
        finally:
            self._syncing_selection = False
        if resize_columns:
            self._resize_columns()
        self._update_count()
        self._update_detail()

    def _update_detail(self):
        """The whole sentence of the selected site (the first listed when none is selected)."""
        fids = self.selected_fids()
        listed = self.ranked_rows()
        ranked = None
        if fids:
            index = self.model.row_of_fid(fids[0])
            ranked = self.model.row_at(index) if index >= 0 else None
        elif listed:
            ranked = listed[0]
        if ranked is None:
            self.detail_label.clear()
            self.detail_label.hide()
            return
        text = ranked.explanation or tr("No explanation stored for this site.")
        title = f"#{ranked.rank} {ranked.row.label}".replace("&", "&amp;").replace("<", "&lt;")
        body = text.replace("&", "&amp;").replace("<", "&lt;")
        self.detail_label.setText(f"<b>{title}</b><br>{body}")
        self.detail_label.show()

    def ranked_rows(self):
        """The rows as listed (filter and sort of the table applied)."""
        return self.proxy.visible_rows()

    def _threshold(self):
        for row in self.rows:
            if row.details and "t" in row.details:
                return float(row.details["t"])
        return None

    def _update_count(self):
        if not self.rows:
            self.count_label.clear()
            return
        self.count_label.setText(count_text(self.model.rows(), self._threshold()))

    def _resize_columns(self):
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        pad = 18
        widths = {
            RANK_COLUMN: metrics.horizontalAdvance("000") + pad + 12,  # room for the sort arrow
            SCORE_COLUMN: max(metrics.horizontalAdvance(tr("Score")), metrics.horizontalAdvance("100")) + pad + 4,
            CANDIDATE_COLUMN: metrics.horizontalAdvance("\u2713") + pad + 6,
            RELIABILITY_COLUMN: max(metrics.horizontalAdvance(tr("Data")),
                                    metrics.horizontalAdvance("100\u00a0%")) + pad,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.table.resizeColumnToContents(NAME_COLUMN)
        if header.sectionSize(NAME_COLUMN) > 190:
            header.resizeSection(NAME_COLUMN, 190)
        header.resizeSection(EXPLANATION_COLUMN, 400)

    # -- selection and zoom -------------------------------------------------------------------------
    def _on_table_selection_changed(self, *args):
        self._update_detail()
        self._push_selection_to_layer()

    def _on_layer_selection_changed(self, *args):
        self._pull_selection_from_layer()

    def feature_extent(self, fids) -> QgsRectangle:
        """The extent, in the map canvas CRS, showing sites ``fids`` (their geometry, a box around points)."""
        canvas = self.iface.mapCanvas()
        dest_crs = canvas.mapSettings().destinationCrs()
        transform = QgsCoordinateTransform(self.layer.crs(), dest_crs, QgsProject.instance())
        extent = QgsRectangle()
        set_rectangle_null(extent)
        request = QgsFeatureRequest().setFilterFids(list(fids)).setNoAttributes()
        for feature in self.layer.getFeatures(request):
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                continue
            box = transform.transformBoundingBox(geometry.boundingBox())
            if box.width() <= 0 or box.height() <= 0:
                box = point_box(QgsPointXY(box.center()), dest_crs)
            extent.combineExtentWith(box)
        return extent

    def zoom_to_list(self):
        fids = self.selected_fids() or [r.row.fid for r in self.ranked_rows()]
        self.zoom_to_fids(fids)

    # -- export -------------------------------------------------------------------------------------
    def export_dialog(self, kind: str):
        """Ask for a file (the dialog confirms any overwrite) and export the ranking shown to it."""
        settings = QgsSettings()
        start_dir = settings.value(SETTINGS_LAST_DIR, "") or str(Path.home())
        name = f"candidats_{self.use}.{kind}"
        if kind == "csv":
            filters = tr("CSV files (*.csv)")
        else:
            filters = tr("Excel workbooks (*.xlsx)")
        path, _filter = QFileDialog.getSaveFileName(self, tr("Export the ranking"), str(Path(start_dir) / name),
                                                    filters)
        if not path:
            return None
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
            # the dialog confirmed the name typed, not this one: ask before replacing an existing file
            if Path(path).exists() and not self._confirm_replace(path):
                return None
        settings.setValue(SETTINGS_LAST_DIR, str(Path(path).parent))
        return self.export(path, kind)

    def _confirm_replace(self, path) -> bool:
        answer = QMessageBox.question(
            self, tr("Export the ranking"),
            tr("{file} already exists. Replace it?").format(file=Path(path).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def export(self, path, kind: Optional[str] = None) -> Optional[str]:
        """Write the ranking as listed (use, weights, filter) to ``path``; returns the path, None on error.

        Called with the path the save dialog returned (which asked before replacing a file)."""
        kind = kind or Path(str(path)).suffix.lstrip(".").lower()
        ranked = self.ranked_rows()
        criteria = criterion_ids(self.rows, self.use, self.profile) if self.profile is not None else []
        header, rows = export_table(ranked, self.use, criteria)
        error = None
        try:
            if kind == "xlsx":
                error = write_xlsx(path, header, rows, self.current_weights(), sheet=self.use)
            else:
                write_csv(path, header, rows)
        except OSError as exc:
            error = exc.strerror or str(exc)
        bar = self.iface.messageBar() if self.iface is not None else None
        if error:
            if bar is not None:
                bar.pushMessage(tr("Candidates"), tr("The export to {file} failed: {error}").format(
                    file=Path(str(path)).name, error=error), Qgis.MessageLevel.Critical, 0)
            return None
        if bar is not None:
            bar.pushMessage(tr("Candidates"), tr("{n} site(s) exported to {file}").format(
                n=len(rows), file=Path(str(path)).name), Qgis.MessageLevel.Success, 5)
        return str(path)
