"""What the dock panels share: a table of a layer's features kept in step with the layer's selection,
and zooming the map to the features picked in it.

Why a mixin: the inventory and candidates panels list different rows but select, scroll and zoom the same
way; one implementation keeps both behaving alike. A panel using it has ``table`` (a QTableView on
``proxy``), ``model`` (with ``row_of_fid``), ``layer``, ``iface``, ``_syncing_selection`` and its own
``feature_extent(fids)``.
"""

import contextlib
import math
from typing import List

from qgis.core import QgsApplication, QgsRectangle, QgsUnitTypes
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt
from qgis.PyQt.QtGui import QIcon

from ..compat import DISTANCE_METERS

#: Role holding the feature id in both panels' models.
FID_ROLE = Qt.ItemDataRole.UserRole + 2
#: Side of the box shown around a point feature, in metres.
POINT_ZOOM_SIZE = 300.0


def point_box(point, crs, size: float = POINT_ZOOM_SIZE) -> QgsRectangle:
    """A square of ``size`` metres around ``point`` in ``crs`` (degrees converted for geographic CRSs)."""
    half = size / 2.0
    if crs.isValid() and crs.isGeographic():
        dy = half / 111_320.0
        dx = dy / max(math.cos(math.radians(point.y())), 0.01)
    else:
        factor = 1.0
        if crs.isValid():
            factor = QgsUnitTypes.fromUnitToUnitFactor(DISTANCE_METERS, crs.mapUnits())
        dx = dy = half * factor
    return QgsRectangle(point.x() - dx, point.y() - dy, point.x() + dx, point.y() + dy)


def theme_icon(name: str) -> QIcon:
    """An icon of QGIS's current theme (``mActionZoomToSelected.svg``...), empty when it has none."""
    icon = QgsApplication.getThemeIcon(f"/{name}")
    return icon if icon is not None else QIcon()


class LayerTableSelection:
    """Table rows ↔ layer selection, zoom to features, and the signal connections a panel must undo."""

    @staticmethod
    def _connect(store, signal, slot):
        """Connect and remember, so that ``_disconnect_all(store)`` undoes it on unload."""
        signal.connect(slot)
        store.append((signal, slot))

    @staticmethod
    def _disconnect_all(store):
        while store:
            signal, slot = store.pop()
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)

    def selected_fids(self) -> List[int]:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return [index.data(FID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def _select_rows(self, fids):
        selection = QItemSelection()
        for fid in fids:
            source_row = self.model.row_of_fid(fid)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            self.table.scrollTo(selection.indexes()[0])

    def select_fids(self, fids):
        """Select the rows of features ``fids`` as a click would: selects them on the layer and zooms."""
        self._select_rows(fids)

    def _push_selection_to_layer(self):
        """The table's selection becomes the layer's, and the map zooms to it."""
        if self._syncing_selection or self.layer is None:
            return
        fids = self.selected_fids()
        self._syncing_selection = True
        try:
            self.layer.selectByIds(fids)
        finally:
            self._syncing_selection = False
        if fids:
            self.zoom_to_fids(fids, flash=True)

    def _pull_selection_from_layer(self):
        """The layer's selection (made on the map) becomes the table's."""
        if self._syncing_selection or self.layer is None:
            return
        self._syncing_selection = True
        try:
            self._select_rows(self.layer.selectedFeatureIds())
        finally:
            self._syncing_selection = False

    def zoom_to_fids(self, fids, flash=False):
        if self.layer is None or not fids or self.iface is None:
            return
        extent = self.feature_extent(fids)
        if extent.isNull() or extent.width() <= 0 or extent.height() <= 0:
            return
        extent.scale(1.15)  # a margin around polygons (and around the box of a point)
        canvas = self.iface.mapCanvas()
        canvas.setExtent(extent)
        canvas.refresh()
        if flash:
            with contextlib.suppress(AttributeError, TypeError):
                canvas.flashFeatureIds(self.layer, list(fids))
