"""Edit form of one friche: every CNIG attribute, with the standard's value lists, saved to the layer.

Why built in code from the schema: the form, the import and the validation must follow the same standard;
the fields, coded values, patterns and descriptions all come from ``core.cnig_friches``. Nothing is
written until every required field is filled and every typed value matches its pattern; only the
attributes the user changed are written (plus ``site_actu_date``, the standard's "date of last update",
set to today), through the layer's edit buffer so QGIS's undo stack and edit mode keep working. When the
layer was already in edit mode, the changes stay in the buffer for the user to save; otherwise they are
committed, and if the commit fails they are kept in the buffer (the layer stays in edit mode) and the
user is told why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import Qgis, QgsMessageLog
from qgis.gui import QgsCheckableComboBox, QgsCollapsibleGroupBox, QgsDateEdit, QgsScrollArea, QgsSpinBox
from qgis.PyQt.QtCore import QDate, QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import cnig_friches
from ..translation import tr
from .inventory_model import format_m2, py_value, ui_locale

LOG_TAG = "Friches & Tiers-Lieux"

#: Sections of the form: (field name prefix, section title). Titles are translated when shown.
SECTIONS = (
    ("site_", "Site"),
    ("activite_", "Activity"),
    ("comm_", "Municipality"),
    ("bati_", "Buildings"),
    ("local_", "Buildings"),
    ("proprio_", "Ownership"),
    ("sol_", "Pollution"),
    ("unite_fonciere_", "Land unit"),
    ("urba_", "Planning"),
    ("desserte_", "Access to networks"),
    ("source_", "Source"),
)
#: Free-text fields edited in a multi-line box.
LONG_TEXT_FIELDS = ("sol_pollution_commentaire", "desserte_commentaire", "activite_libelle")
#: Integer fields holding an area in m².
AREA_FIELDS = ("bati_surface", "unite_fonciere_surface")
#: The standard's "date of last update", set to today on every save.
UPDATE_DATE_FIELD = "site_actu_date"
#: The identifier links the point to its polygon: shown read-only once set.
ID_FIELD = "site_id"
#: Plugin fields computed at import, shown read-only.
COMPUTED_FIELDS = ("site_surface", "surface_source", "import_notes")

YEAR_MIN, YEAR_MAX = 1000, 2100
INT_MAX = 2_000_000_000


def section_of(name: str) -> str:
    for prefix, title in SECTIONS:
        if name.startswith(prefix):
            return title
    return "Other"


def field_label(spec) -> str:
    """The form label of a field: the standard's title, capitalised, with ``*`` when required."""
    title = spec.title or spec.name
    title = title[:1].upper() + title[1:]
    return f"{title} *" if spec.required else title


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


# -- validation (pure) ------------------------------------------------------------------------------

@dataclass
class Problem:
    field: str
    message: str

    def text(self) -> str:
        return f"{self.field}: {self.message}"


def validate_values(values: Dict[str, object], changed=None) -> List[Problem]:
    """Check the form's values against the standard.

    Required fields must be filled; typed values must be in their list and match their pattern. Values the
    user did not change (not in ``changed``, when given) are only checked for presence, so a legacy value
    does not block editing another field.
    """
    problems = []
    for name, value in values.items():
        try:
            spec = cnig_friches.field_spec(name)
        except KeyError:
            continue
        if is_empty(value):
            if spec.required:
                problems.append(Problem(name, tr("required, please fill it in")))
            continue
        if changed is not None and name not in changed:
            continue
        if spec.enum and str(value) not in spec.enum:
            problems.append(Problem(name, tr("“{value}” is not a value of the standard").format(value=value)))
        elif spec.multi_values:
            bad = [v for v in str(value).split(cnig_friches.MULTI_SEPARATOR) if v not in spec.multi_values]
            if bad:
                problems.append(
                    Problem(name, tr("“{value}” is not a value of the standard").format(value=", ".join(bad)))
                )
        elif spec.pattern and isinstance(value, str) and not cnig_friches.matches_pattern(spec, value.strip()):
            problems.append(Problem(name, tr("“{value}” does not have the expected form").format(value=value)))
        elif is_year(spec) and not (YEAR_MIN <= int(value) <= YEAR_MAX):
            problems.append(Problem(name, tr("{value} is not a valid year").format(value=value)))
    return problems


# -- saving -------------------------------------------------------------------------------------------

@dataclass
class SaveResult:
    ok: bool
    committed: bool = False
    errors: List[str] = field(default_factory=list)


def to_layer_value(layer_field, value):
    """``value`` as the layer's field expects it (dates as text when the field is text)."""
    if is_empty(value):
        return None
    if isinstance(value, QDate) and not layer_field.isDateOrTime():
        return value.toString("yyyy-MM-dd")
    if isinstance(value, int) and not layer_field.isNumeric() and not layer_field.isDateOrTime():
        return str(value)
    return value


def save_changes(layer, fid: int, changes: Dict[str, object], commit: bool) -> SaveResult:
    """Write ``changes`` ({field: value}) to feature ``fid`` through the edit buffer.

    Starts editing when needed; commits when ``commit``. On a failed commit nothing is rolled back: the
    changes stay in the edit buffer and the layer in edit mode, and the provider's errors are returned.
    """
    if not changes:
        return SaveResult(ok=True)
    if not layer.isEditable() and not layer.startEditing():
        return SaveResult(ok=False, errors=[tr("The layer cannot be edited.")])
    fields = layer.fields()
    feature = layer.getFeature(fid)
    new_values, old_values = {}, {}
    for name, value in changes.items():
        index = fields.indexOf(name)
        if index < 0:
            continue
        new_values[index] = to_layer_value(fields.at(index), value)
        old_values[index] = feature.attribute(index)
    site_id = py_value(feature[ID_FIELD]) if ID_FIELD in fields.names() else None
    layer.beginEditCommand(tr("Edit friche {site_id}").format(site_id=site_id or fid))
    if not layer.changeAttributeValues(fid, new_values, old_values):
        layer.destroyEditCommand()
        return SaveResult(ok=False, errors=[tr("The new values could not be written to the layer.")])
    layer.endEditCommand()
    if not commit:
        return SaveResult(ok=True)
    if layer.commitChanges():
        return SaveResult(ok=True, committed=True)
    return SaveResult(ok=False, errors=list(layer.commitErrors()) or [tr("Unknown error.")])


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


# -- the dialog -----------------------------------------------------------------------------------------

class FricheForm(QDialog):
    """Edit the CNIG attributes of feature ``fid`` of ``layer``.

    ``accept()`` validates, then writes (see :func:`save_changes`); on problems the dialog stays open and
    :attr:`error_label` names the fields. ``message_bar`` (QGIS's, optional) also receives commit errors.
    """

    def __init__(self, layer, fid: int, parent=None, message_bar=None):
        super().__init__(parent)
        self.setObjectName("FrichesFricheForm")
        self.layer = layer
        self.fid = fid
        self.message_bar = message_bar
        self.editors: Dict[str, FieldEditor] = {}
        self.labels: Dict[str, QLabel] = {}
        self.sections: Dict[str, QgsCollapsibleGroupBox] = {}
        self.original: Dict[str, object] = {}
        self.last_result: Optional[SaveResult] = None
        #: True once this form started the layer's edit session (then it also commits, even on a retry).
        self._owns_edit_session = False
        self.feature = layer.getFeature(fid)
        self._build()
        self._load()

    # -- building ---------------------------------------------------------------------------------
    def _build(self):
        site_name = py_value(self.feature["site_nom"]) if "site_nom" in self.layer.fields().names() else None
        site_id = py_value(self.feature[ID_FIELD]) if ID_FIELD in self.layer.fields().names() else None
        self.setWindowTitle(tr("Edit friche – {name}").format(name=site_name or site_id or self.fid))
        self.setMinimumSize(460, 420)
        self.resize(640, 760)

        layout = QVBoxLayout(self)
        header = QLabel(self)
        header.setObjectName("formHeader")
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setWordWrap(True)
        header.setText(
            "<b>{}</b><br><span>{}</span>".format(
                _html(site_name or tr("(unnamed friche)")),
                _html(
                    tr("Identifier {site_id} · fields marked * are required; the update date is set to today "
                       "when you save").format(site_id=site_id or "—")
                ),
            )
        )
        layout.addWidget(header)
        self.header_label = header

        scroll = QgsScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 6, 0)
        self.scroll_area = scroll

        layer_fields = self.layer.fields()
        names = layer_fields.names()
        forms: Dict[str, QFormLayout] = {}
        for spec in cnig_friches.attribute_fields():
            if spec.name not in names:
                continue
            title = section_of(spec.name)
            if title not in forms:
                box = QgsCollapsibleGroupBox(section_title(title), content)
                box.setObjectName(f"section_{title.lower().replace(' ', '_')}")
                form = _form_layout(box)
                forms[title] = form
                self.sections[title] = box
                content_layout.addWidget(box)
            editor = make_editor(spec, layer_fields.field(spec.name), content)
            self.editors[spec.name] = editor
            label = self._label(field_label(spec), editor.widget.toolTip(), content)
            label.setBuddy(editor.widget)
            self.labels[spec.name] = label
            forms[title].addRow(label, editor.widget)

        computed = [name for name in COMPUTED_FIELDS if name in names]
        if computed:
            box = QgsCollapsibleGroupBox(tr("Computed at import"), content)
            box.setObjectName("section_computed")
            form = _form_layout(box)
            self.computed_labels = {}
            for name in computed:
                value_label = QLabel(content)
                value_label.setWordWrap(True)
                value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.computed_labels[name] = value_label
                form.addRow(self._label(computed_title(name), name, content), value_label)
            self.sections["Computed at import"] = box
            content_layout.addWidget(box)
        content_layout.addStretch(1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("formErrors")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setStyleSheet(
            "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a5a0; border-radius: 3px;"
            " padding: 6px; }"
        )
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

    def _label(self, text, tip, parent):
        label = QLabel(text, parent)
        label.setToolTip(tip)
        label.setWordWrap(True)
        label.setMinimumWidth(150)
        label.setMaximumWidth(230)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        return label

    def _load(self):
        for name, editor in self.editors.items():
            value = py_value(self.feature[name])
            editor.set_value(value)
            # What the form considers the original: the value as the editor shows it, so that an untouched
            # field never counts as changed (e.g. a year stored as text).
            self.original[name] = editor.value()
        if ID_FIELD in self.editors and not is_empty(self.original.get(ID_FIELD)):
            self.editors[ID_FIELD].set_read_only(True)
            self.editors[ID_FIELD].widget.setToolTip(
                self.editors[ID_FIELD].widget.toolTip()
                + "<br>"
                + tr("The identifier links the point to its polygon; it cannot be changed here.")
            )
        if UPDATE_DATE_FIELD in self.editors:
            editor = self.editors[UPDATE_DATE_FIELD]
            editor.set_read_only(True)
            editor.widget.setToolTip(editor.widget.toolTip() + "<br>" + tr("Set to today when you save."))
        for name, label in getattr(self, "computed_labels", {}).items():
            value = py_value(self.feature[name])
            if name == "site_surface" and value is not None:
                label.setText(format_m2(float(value)))
            else:
                label.setText("" if value is None else str(value))

    # -- values -----------------------------------------------------------------------------------------
    def widget(self, name: str):
        """The editing widget of field ``name`` (for tests and scripting)."""
        return self.editors[name].widget

    def values(self) -> Dict[str, object]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def changes(self) -> Dict[str, object]:
        """{field: new value} of what the user changed."""
        return {
            name: value
            for name, value in self.values().items()
            if not same_value(value, self.original.get(name)) and name != UPDATE_DATE_FIELD
        }

    def validate(self) -> List[Problem]:
        return validate_values(self.values(), changed=set(self.changes()))

    # -- accept ----------------------------------------------------------------------------------------
    def show_problems(self, problems: List[Problem]) -> None:
        wrong = {problem.field for problem in problems}
        for name, label in self.labels.items():
            label.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }" if name in wrong else "")
        lines = []
        for problem in problems:
            spec_title = self._title(problem.field)
            lines.append(f"• <b>{_html(spec_title)}</b> ({_html(problem.field)}): {_html(problem.message)}")
        self.show_error(tr("Please correct these fields:") + "<br>" + "<br>".join(lines))
        first = self.editors.get(problems[0].field) if problems else None
        if first is not None:
            for box in self.sections.values():
                if box.isAncestorOf(first.widget):
                    box.setCollapsed(False)
            self.scroll_area.ensureWidgetVisible(first.widget)
            first.widget.setFocus()

    def show_error(self, html: str) -> None:
        self.error_label.setText(html)
        self.error_label.show()

    def _title(self, name):
        try:
            return field_label(cnig_friches.field_spec(name)).rstrip(" *")
        except KeyError:
            return name

    def accept(self):
        problems = self.validate()
        if problems:
            self.show_problems(problems)
            return
        changes = self.changes()
        if not changes and not self._owns_edit_session:
            super().accept()
            return
        if changes and UPDATE_DATE_FIELD in self.layer.fields().names():
            changes[UPDATE_DATE_FIELD] = QDate.currentDate()
        user_was_editing = self.layer.isEditable() and not self._owns_edit_session
        if not self.layer.isEditable():
            self._owns_edit_session = True
        if changes:
            result = save_changes(self.layer, self.fid, changes, commit=not user_was_editing)
        else:  # a retry after a failed commit: only the commit is left to do
            ok = self.layer.commitChanges()
            result = SaveResult(ok=ok, committed=ok, errors=[] if ok else list(self.layer.commitErrors()))
        self.last_result = result
        if result.ok:
            if result.committed:
                self._owns_edit_session = False
            self.original.update({k: v for k, v in changes.items() if k != UPDATE_DATE_FIELD})
            super().accept()
            return
        self._report_failure(result)

    def _report_failure(self, result: SaveResult) -> None:
        details = "<br>".join(_html(e) for e in result.errors)
        kept = self.layer.isEditable()
        message = tr("The changes could not be saved to the file.")
        if kept:
            message += " " + tr(
                "They are kept in the layer's edit buffer (the layer stays in edit mode): "
                "fix the problem and click Save again, or save or discard the layer's edits in QGIS."
            )
        self.show_error(f"<b>{_html(message)}</b><br>{details}")
        plain = message + " " + " ".join(result.errors)
        QgsMessageLog.logMessage(plain, LOG_TAG, Qgis.MessageLevel.Critical)
        if self.message_bar is not None:
            self.message_bar.pushMessage(LOG_TAG, plain, Qgis.MessageLevel.Critical, 0)


def section_title(title: str) -> str:
    """The translated title of a section (literal ``tr()`` calls so that pylupdate finds them)."""
    return {
        "Site": tr("Site"),
        "Activity": tr("Activity"),
        "Municipality": tr("Municipality"),
        "Buildings": tr("Buildings"),
        "Ownership": tr("Ownership"),
        "Pollution": tr("Pollution"),
        "Land unit": tr("Land unit"),
        "Planning": tr("Planning"),
        "Access to networks": tr("Access to networks"),
        "Source": tr("Source"),
        "Other": tr("Other"),
    }.get(title, title)


def computed_title(name: str) -> str:
    return {
        "site_surface": tr("Site area"),
        "surface_source": tr("Area source"),
        "import_notes": tr("Import notes"),
    }.get(name, name)


def _form_layout(box) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setContentsMargins(8, 8, 8, 8)
    form.setVerticalSpacing(6)
    return form


def _html(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
