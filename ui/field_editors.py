"""The editing widgets of the friche form, one per kind of CNIG field, with a uniform ``value()`` /
``set_value()``: coded values in the standard's lists, ``|``-lists as check boxes, dates, years and areas.

Why apart from the form: the form is about loading, validating and saving a site; these widgets are about
showing one value of the standard the right way. The small value helpers (empty, same value, dates, whole
numbers) serve both.
"""

from __future__ import annotations

from typing import Optional

from qgis.gui import QgsCheckableComboBox, QgsDateEdit, QgsSpinBox
from qgis.PyQt.QtCore import QDate, QLocale, Qt
from qgis.PyQt.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from ..core import cnig_friches
from ..translation import tr
from .inventory_model import ui_locale

#: Free-text fields edited in a multi-line box.
LONG_TEXT_FIELDS = ("sol_pollution_commentaire", "desserte_commentaire", "activite_libelle")
#: Integer fields holding an area in m².
AREA_FIELDS = ("bati_surface", "unite_fonciere_surface")
YEAR_MIN, YEAR_MAX = 1000, 2100
INT_MAX = 2_000_000_000


def is_year(spec) -> bool:
    return spec.type == "date" and spec.date_format == "%Y"


def is_full_date(spec) -> bool:
    return spec.type == "date" and not is_year(spec)


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, QDate) and (value.isNull() or not value.isValid())
    )


def same_value(a, b) -> bool:
    if is_empty(a) and is_empty(b):
        return True
    if is_empty(a) or is_empty(b):
        return False
    if isinstance(a, QDate) or isinstance(b, QDate):
        return as_date(a) == as_date(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return str(a).strip() == str(b).strip()


def as_date(value) -> Optional[QDate]:
    """A QDate from a QDate, a QDateTime or an ISO text; None when empty or unreadable."""
    if value is None:
        return None
    if isinstance(value, QDate):
        return value if value.isValid() else None
    if hasattr(value, "date") and callable(value.date):  # QDateTime
        date = value.date()
        return date if date.isValid() else None
    date = QDate.fromString(str(value).strip()[:10], "yyyy-MM-dd")
    return date if date.isValid() else None


def as_int(value) -> Optional[int]:
    if is_empty(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        try:
            return int(float(str(value).replace(",", ".")))
        except ValueError:
            return None



# -- editors ------------------------------------------------------------------------------------------

class NullableSpinBox(QgsSpinBox):
    """An integer spin box whose minimum means "not filled" (shown as a dash, cleared by its button)."""

    def __init__(self, minimum: int, maximum: int, start: int, nullable: bool = True, parent=None):
        super().__init__(parent)
        self._nullable = nullable
        self._start = start
        self.setRange(minimum - 1 if nullable else minimum, maximum)
        if nullable:
            self.setClearValue(minimum - 1, "—")
            self.setShowClearButton(True)
        else:
            self.setShowClearButton(False)

    def stepBy(self, steps):
        if self._nullable and self.value() == self.minimum():
            self.setValue(self._start)
            return
        super().stepBy(steps)

    def get_value(self) -> Optional[int]:
        if self._nullable and self.value() == self.minimum():
            return None
        return self.value()

    def set_value(self, value) -> None:
        value = as_int(value)
        self.setValue(self.minimum() if value is None else value)


class FieldEditor:
    """One field's widget, with a uniform ``value()`` / ``set_value()``."""

    def __init__(self, spec, layer_field=None, parent=None):
        self.spec = spec
        self.name = spec.name
        self.layer_field = layer_field
        self.widget = self._create(parent)
        tip = f"<b>{spec.name}</b>"
        if spec.description:
            tip += f"<br>{spec.description}"
        if spec.required:
            tip += "<br><i>{}</i>".format(tr("Required by the standard."))
        self.widget.setToolTip(tip)
        self.widget.setObjectName(f"edit_{spec.name}")

    # overridden below
    def _create(self, parent):
        raise NotImplementedError

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)


class TextEditor(FieldEditor):
    def _create(self, parent):
        widget = QLineEdit(parent)
        widget.setClearButtonEnabled(True)
        if self.spec.pattern and self.spec.name.endswith("url"):
            widget.setPlaceholderText("https://…")
        return widget

    def value(self):
        text = self.widget.text().strip()
        return text or None

    def set_value(self, value) -> None:
        self.widget.setText("" if is_empty(value) else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)
        self.widget.setClearButtonEnabled(not read_only)
        # a read-only line edit looks editable by default: give it the window's background
        self.widget.setStyleSheet("QLineEdit { background: palette(window); }" if read_only else "")


class LongTextEditor(FieldEditor):
    def _create(self, parent):
        widget = QPlainTextEdit(parent)
        widget.setTabChangesFocus(True)
        widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 3 + 14)
        return widget

    def value(self):
        text = self.widget.toPlainText().strip()
        return text or None

    def set_value(self, value) -> None:
        self.widget.setPlainText("" if is_empty(value) else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class ChoiceEditor(FieldEditor):
    """A coded single-valued field: the standard's list (and an empty entry when not required)."""

    def _create(self, parent):
        widget = QComboBox(parent)
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(12)
        if not self.spec.required:
            widget.addItem("", None)
        for value in self.spec.enum:
            widget.addItem(value, value)
        return widget

    def value(self):
        return self.widget.currentData()

    def set_value(self, value) -> None:
        if is_empty(value):
            index = self.widget.findData(None)
            self.widget.setCurrentIndex(index if index >= 0 else -1)
            return
        value = str(value)
        index = self.widget.findData(value)
        if index < 0:  # a value outside the standard: kept as it is, flagged
            self.widget.addItem(tr("{value} (not in the standard)").format(value=value), value)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(index)


class MultiChoiceEditor(FieldEditor):
    """A coded multi-valued field (``a|b``): a list of check boxes in a combo box."""

    def _create(self, parent):
        widget = QgsCheckableComboBox(parent)
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(12)
        widget.setSeparator(" | ")
        widget.setDefaultText(tr("(none)"))
        for value in self.spec.multi_values:
            widget.addItemWithCheckState(value, Qt.CheckState.Unchecked, value)
        return widget

    def value(self):
        checked = set(self.widget.checkedItemsData())
        ordered = [self.widget.itemData(i) for i in range(self.widget.count()) if self.widget.itemData(i) in checked]
        return cnig_friches.MULTI_SEPARATOR.join(ordered) or None

    def set_value(self, value) -> None:
        items = [] if is_empty(value) else [v.strip() for v in str(value).split(cnig_friches.MULTI_SEPARATOR)]
        for item in items:
            if item and self.widget.findData(item) < 0:
                self.widget.addItemWithCheckState(
                    tr("{value} (not in the standard)").format(value=item), Qt.CheckState.Unchecked, item
                )
        for i in range(self.widget.count()):
            state = Qt.CheckState.Checked if self.widget.itemData(i) in items else Qt.CheckState.Unchecked
            self.widget.setItemCheckState(i, state)


class DateEditor(FieldEditor):
    def _create(self, parent):
        widget = QgsDateEdit(parent)
        widget.setCalendarPopup(True)
        french = ui_locale().language() == QLocale.Language.French
        widget.setDisplayFormat("dd/MM/yyyy" if french else "yyyy-MM-dd")
        # Null allowed even for required dates: a missing one stays visibly empty and validation asks for it.
        widget.setAllowNull(True)
        widget.setNullRepresentation(tr("not filled"))
        return widget

    def value(self):
        if self.widget.isNull():
            return None
        date = self.widget.date()
        return date if date.isValid() else None

    def set_value(self, value) -> None:
        date = as_date(value)
        if date is None:
            self.widget.clear()
        else:
            self.widget.setDate(date)

    def set_read_only(self, read_only: bool) -> None:
        # greyed out (not just read-only, which looks editable): the value is set automatically
        self.widget.setEnabled(not read_only)


class IntEditor(FieldEditor):
    def _create(self, parent):
        if is_year(self.spec):
            widget = NullableSpinBox(YEAR_MIN, YEAR_MAX, QDate.currentDate().year(), not self.spec.required, parent)
        else:
            widget = NullableSpinBox(0, INT_MAX, 0, not self.spec.required, parent)
            widget.setGroupSeparatorShown(True)
            if self.spec.name in AREA_FIELDS:
                widget.setSuffix(" m²")
        return widget

    def value(self):
        return self.widget.get_value()

    def set_value(self, value) -> None:
        self.widget.set_value(value)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)
        self.widget.setShowClearButton(not read_only and self.widget._nullable)


def make_editor(spec, layer_field=None, parent=None) -> FieldEditor:
    if spec.multi_values:
        cls = MultiChoiceEditor
    elif spec.enum:
        cls = ChoiceEditor
    elif is_full_date(spec):
        cls = DateEditor
    elif is_year(spec) or spec.type == "integer":
        cls = IntEditor
    elif spec.name in LONG_TEXT_FIELDS:
        cls = LongTextEditor
    else:
        cls = TextEditor
    return cls(spec, layer_field, parent)
