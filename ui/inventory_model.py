"""Rows of the inventory panel: reading them from the layer, filtering them, and a Qt table model.

Why a module of its own: the filtering rules (statut, type, commune, surface, text search) are plain
Python functions over small row objects, so the tests can check them without any widget, and the dock
panel only wires widgets to :class:`FilterCriteria`. The Qt side is a read-only table model over those
rows plus a ``QSortFilterProxyModel`` that applies :func:`row_matches`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence

from qgis.core import NULL, QgsFeatureRequest
from qgis.PyQt.QtCore import QAbstractTableModel, QLocale, QModelIndex, QSortFilterProxyModel, Qt

from ..core.cnig_friches import fold
from ..translation import tr, user_locale
from .layer_table import FID_ROLE

#: Fields the panel cannot work without (table columns and filters).
ESSENTIAL_FIELDS = ("site_id", "site_nom", "site_type", "site_statut", "comm_nom", "comm_insee")
#: Field read for the surface column and filters (added by the import algorithm, m²).
SURFACE_FIELD = "site_surface"
#: Table columns, in order: (field, header). Headers are translated when the model is built.
COLUMNS = (
    ("site_id", "Identifier"),
    ("site_nom", "Name"),
    ("site_type", "Type"),
    ("site_statut", "Status"),
    ("comm_nom", "Municipality"),
    ("site_surface", "Area (ha)"),
)
SURFACE_COLUMN = 5

#: Key of the "(not filled)" entry in the statut/type/commune filters.
EMPTY = "\x00empty"
#: Role giving the raw value of a cell, used for sorting.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role giving the feature id of a row.

_PREFIX = "friche "
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def py_value(value):
    """A QGIS attribute as plain Python: NULL and invalid variants become None, text is stripped."""
    if value is None or value == NULL:
        return None
    try:
        if hasattr(value, "isNull") and not isinstance(value, str) and value.isNull():
            return None
    except TypeError:
        pass
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


@dataclass(frozen=True)
class FricheRow:
    """What the panel shows of one friche."""

    fid: int
    site_id: Optional[str] = None
    site_nom: Optional[str] = None
    site_type: Optional[str] = None
    site_statut: Optional[str] = None
    comm_nom: Optional[str] = None
    comm_insee: Optional[str] = None
    surface: Optional[float] = None  # m²

    @property
    def commune_key(self) -> str:
        """How the commune filter identifies the row's commune: its INSEE code, else its name."""
        return self.comm_insee or (fold(self.comm_nom) if self.comm_nom else EMPTY)


@dataclass
class FilterCriteria:
    """The panel's filters. ``None`` means "any"; :data:`EMPTY` matches rows where the field is empty.

    Surfaces are in m², bounds included; rows without a surface are left out as soon as a bound is set.
    ``text`` is searched (accents and case ignored) in the identifier, the name and the commune.
    """

    statut: Optional[str] = None
    site_type: Optional[str] = None
    commune: Optional[str] = None
    surface_min: Optional[float] = None
    surface_max: Optional[float] = None
    text: str = ""

    def is_empty(self) -> bool:
        return (
            self.statut is None
            and self.site_type is None
            and self.commune is None
            and self.surface_min is None
            and self.surface_max is None
            and not self.text.strip()
        )


def _coded_match(value: Optional[str], wanted: Optional[str]) -> bool:
    if wanted is None:
        return True
    if wanted == EMPTY:
        return not value
    return value == wanted


def row_matches(row: FricheRow, criteria: FilterCriteria) -> bool:
    """True when ``row`` passes every filter of ``criteria``."""
    if not _coded_match(row.site_statut, criteria.statut):
        return False
    if not _coded_match(row.site_type, criteria.site_type):
        return False
    if criteria.commune is not None and row.commune_key != criteria.commune:
        return False
    if criteria.surface_min is not None and (row.surface is None or row.surface < criteria.surface_min):
        return False
    if criteria.surface_max is not None and (row.surface is None or row.surface > criteria.surface_max):
        return False
    text = fold(criteria.text) if criteria.text else ""
    if text:
        haystack = " ".join(fold(v) for v in (row.site_id, row.site_nom, row.comm_nom, row.comm_insee) if v)
        if not all(word in haystack for word in text.split()):
            return False
    return True


def filter_rows(rows: Iterable[FricheRow], criteria: FilterCriteria) -> List[FricheRow]:
    return [row for row in rows if row_matches(row, criteria)]


def summarize(rows: Iterable[FricheRow]):
    """``(number of friches, total surface in m²)``; friches without surface count for 0 m²."""
    count = 0
    total = 0.0
    for row in rows:
        count += 1
        total += row.surface or 0.0
    return count, total


def value_counts(rows: Iterable[FricheRow], attribute: str) -> dict:
    """``{value: count}`` of one attribute; empty values are counted under :data:`EMPTY`."""
    out = {}
    for row in rows:
        key = getattr(row, attribute) or EMPTY
        out[key] = out.get(key, 0) + 1
    return out


def communes(rows: Iterable[FricheRow]) -> list:
    """``[(key, name, insee, count)]`` of the communes present, sorted by name."""
    found = {}
    for row in rows:
        key = row.commune_key
        name, insee, count = found.get(key, (row.comm_nom, row.comm_insee, 0))
        found[key] = (name or row.comm_nom, insee or row.comm_insee, count + 1)
    items = [(key, name, insee, count) for key, (name, insee, count) in found.items()]
    return sorted(items, key=lambda item: (item[0] == EMPTY, fold(item[1] or ""), item[2] or ""))


def missing_fields(field_names: Sequence[str], wanted: Sequence[str]) -> list:
    names = set(field_names)
    return [name for name in wanted if name not in names]


def read_rows(layer) -> List[FricheRow]:
    """One :class:`FricheRow` per feature of ``layer`` (edit buffer included), without geometries."""
    names = layer.fields().names()
    wanted = [name for name in (*ESSENTIAL_FIELDS, SURFACE_FIELD) if name in names]
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(wanted, layer.fields())
    rows = []
    for feature in layer.getFeatures(request):
        values = {name: py_value(feature[name]) for name in wanted}
        surface = values.pop(SURFACE_FIELD, None)
        try:
            surface = float(surface) if surface is not None else None
        except (TypeError, ValueError):
            surface = None
        strings = {k: (str(v) if v is not None else None) for k, v in values.items()}
        rows.append(FricheRow(fid=feature.id(), surface=surface, **strings))
    return rows


# -- formatting --------------------------------------------------------------------------------

def ui_locale() -> QLocale:
    """The locale numbers are shown in: QGIS's own (French decimal comma when QGIS runs in French)."""
    return QLocale(user_locale())


def format_hectares(m2: Optional[float], locale: Optional[QLocale] = None, decimals: int = 2) -> str:
    if m2 is None:
        return ""
    locale = locale or ui_locale()
    return locale.toString(m2 / 10000.0, "f", decimals)


def format_m2(m2: Optional[float], locale: Optional[QLocale] = None) -> str:
    if m2 is None:
        return ""
    locale = locale or ui_locale()
    return tr("{value} m²").format(value=locale.toString(float(round(m2)), "f", 0))


def summary_text(shown: int, shown_m2: float, total: int, locale: Optional[QLocale] = None) -> str:
    """The panel's count label: "12 friches · total 34.50 ha" or "5 of 12 friches · total 3.20 ha"."""
    locale = locale or ui_locale()
    ha = format_hectares(shown_m2, locale)
    if shown == total:
        if shown == 1:
            return tr("1 friche · total {ha} ha").format(ha=ha)
        return tr("{n} friches · total {ha} ha").format(n=locale.toString(shown), ha=ha)
    return tr("{n} of {total} friches · total {ha} ha").format(
        n=locale.toString(shown), total=locale.toString(total), ha=ha
    )


def short_label(value: Optional[str]) -> str:
    """A coded value without its leading "friche " (the column header already says it), for the table."""
    if not value:
        return ""
    if value.startswith(_PREFIX) and len(value) > len(_PREFIX):
        return value[len(_PREFIX):]
    return value


def column_headers() -> list:
    """Translated headers of :data:`COLUMNS` (literal ``tr()`` calls so that pylupdate finds them)."""
    return [tr("Identifier"), tr("Name"), tr("Type"), tr("Status"), tr("Municipality"), tr("Area (ha)")]


# -- Qt models -----------------------------------------------------------------------------------

class InventoryTableModel(QAbstractTableModel):
    """Read-only table of :class:`FricheRow`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: List[FricheRow] = []
        self._locale = ui_locale()
        self._headers = column_headers()

    # data access
    def set_rows(self, rows: Sequence[FricheRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._locale = ui_locale()
        self.endResetModel()

    def rows(self) -> List[FricheRow]:
        return list(self._rows)

    def row_at(self, row: int) -> FricheRow:
        return self._rows[row]

    def row_of_fid(self, fid: int) -> int:
        for i, row in enumerate(self._rows):
            if row.fid == fid:
                return i
        return -1

    # Qt API
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{field} · right-click to show or hide columns").format(field=COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == SURFACE_COLUMN:
            return ALIGN_RIGHT
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        field = COLUMNS[column][0]
        if role == FID_ROLE:
            return row.fid
        if column == SURFACE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return format_hectares(row.surface, self._locale)
            if role == SORT_ROLE:
                return row.surface if row.surface is not None else -1.0
            if role == Qt.ItemDataRole.ToolTipRole:
                return format_m2(row.surface, self._locale) or tr("Unknown area")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGN_RIGHT
            return None
        value = getattr(row, field)
        if role == Qt.ItemDataRole.DisplayRole:
            if field in ("site_type", "site_statut"):
                return short_label(value)
            return value or ""
        if role == SORT_ROLE:
            return fold(value) if value else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "comm_nom" and row.comm_insee:
                return f"{value or ''} ({row.comm_insee})"
            return value or None
        return None


class InventoryFilterProxy(QSortFilterProxyModel):
    """Applies :class:`FilterCriteria` to an :class:`InventoryTableModel` and sorts on raw values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._criteria = FilterCriteria()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def criteria(self) -> FilterCriteria:
        return self._criteria

    def set_criteria(self, criteria: FilterCriteria) -> None:
        self._criteria = criteria
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        model = self.sourceModel()
        if model is None:
            return False
        return row_matches(model.row_at(source_row), self._criteria)

    def visible_rows(self) -> List[FricheRow]:
        model = self.sourceModel()
        return [model.row_at(self.mapToSource(self.index(i, 0)).row()) for i in range(self.rowCount())]
