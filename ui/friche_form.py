"""Edit form of one friche: every CNIG attribute, with the standard's value lists, saved to the layer.

Why built in code from the schema: the form, the import and the validation must follow the same standard;
the fields, coded values, patterns and descriptions all come from ``core.cnig_friches``. Nothing is
written until every required field is filled and every typed value matches its pattern; only the
attributes the user changed are written (plus ``site_actu_date``, the standard's "date of last update",
set to today).

Where they are written: for an inventory GeoPackage or PostGIS table (a layer with a ``version``), in one
transaction of the inventory store (``site_saving``): the site's history records the change with source
``form``, and the save is refused when someone else changed the site since the form read it; the form
then names who and when and offers to reload the site, keeping the user's changes to the fields the other
author did not touch. When the layer is already in edit mode (the user's own session), or for any other
layer, they go through the layer's edit buffer so QGIS's undo stack and edit mode keep working: in the
user's session they stay in the buffer for the user to save; otherwise they are committed, and if the
commit fails they are kept in the buffer (the layer stays in edit mode) and the user is told why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import Qgis, QgsMessageLog
from qgis.gui import QgsCollapsibleGroupBox, QgsScrollArea
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import cnig_friches
from ..translation import tr
from .field_editors import (
    YEAR_MAX,
    YEAR_MIN,
    FieldEditor,
    as_int,
    is_empty,
    is_year,
    make_editor,
    same_value,
)
from .inventory_model import format_m2, py_value
from .site_saving import InventoryStoreError, VersionConflict, error_message, merge_reloaded, save_site, store_location

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
#: The standard's "date of last update", set to today on every save.
UPDATE_DATE_FIELD = "site_actu_date"
#: The identifier links the point to its polygon: shown read-only once set.
ID_FIELD = "site_id"
#: Plugin fields computed at import, shown read-only.
COMPUTED_FIELDS = ("site_surface", "surface_source", "import_notes")



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
        #: The site's version when the form read it (None: not a versioned inventory).
        self.version: Optional[int] = None
        self.location = store_location(layer)
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
        self.reload_button = self.button_box.addButton(tr("Reload the site"), QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.setToolTip(tr("Read the site again from the inventory, with the other author's changes; "
                                         "your changes to other fields are kept"))
        self.reload_button.hide()
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.button_box.clicked.connect(self._on_button)
        layout.addWidget(self.button_box)

    def _label(self, text, tip, parent):
        label = QLabel(text, parent)
        label.setToolTip(tip)
        label.setWordWrap(True)
        label.setMinimumWidth(150)
        label.setMaximumWidth(230)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        return label

    def _on_button(self, button: QAbstractButton):
        if button is self.reload_button:
            self.reload_site()

    def _load(self):
        names = self.layer.fields().names()
        self.version = as_int(py_value(self.feature["version"])) if "version" in names else None
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
        if (changes and self.location is not None and self.version is not None and not user_was_editing
                and not self._owns_edit_session):
            self._save_to_store(changes)
            return
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

    # -- the inventory store -----------------------------------------------------------------------------
    def _save_to_store(self, changes) -> None:
        site_id = py_value(self.feature[ID_FIELD])
        try:
            version = save_site(self.location, site_id, changes, self.version)
        except VersionConflict as exc:
            message = error_message(exc, self.location.display)
            self.last_result = SaveResult(ok=False, errors=[message])
            self.show_error("<b>{}</b><br>{}".format(
                _html(message), _html(tr("Click “Reload the site” to see the other change; your changes to "
                                         "the fields the other author did not touch are kept."))))
            self.reload_button.show()
            return
        except InventoryStoreError as exc:
            message = error_message(exc, self.location.display)
            self.last_result = SaveResult(ok=False, errors=[message])
            self.show_error(f"<b>{_html(tr('The changes could not be saved.'))}</b><br>{_html(message)}")
            QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Critical)
            if self.message_bar is not None:
                self.message_bar.pushMessage(LOG_TAG, message, Qgis.MessageLevel.Critical, 0)
            return
        self.version = version
        self._reload_layer()
        self.last_result = SaveResult(ok=True, committed=True)
        self.original.update({k: v for k, v in changes.items() if k != UPDATE_DATE_FIELD})
        super().accept()

    def _reload_layer(self) -> None:
        """Re-read the layer from the inventory (its selection kept: reloading clears it)."""
        selected = self.layer.selectedFeatureIds()
        self.layer.reload()
        if selected:
            self.layer.selectByIds(selected)

    def reload_site(self) -> None:
        """Read the site again (after a conflict): the other author's values, then the user's changes to
        the fields the other author did not change; the fields both changed are named."""
        mine = self.changes()
        before = dict(self.original)
        self._reload_layer()
        feature = self.layer.getFeature(self.fid)
        if not feature.isValid():
            self.show_error(_html(tr("The site is no longer in the inventory: it was deleted.")))
            self.reload_button.hide()
            return
        self.feature = feature
        self._load()
        keep, both = merge_reloaded(mine, before, self.original, same_value)
        for name, value in keep.items():
            self.editors[name].set_value(value)
        self.reload_button.hide()
        text = tr("Site reloaded with the other author's changes. Your changes are kept, not saved yet: click "
                  "Save.")
        if both:
            text += " " + tr("Fields you both changed now show the other author's value: {fields}.").format(
                fields=", ".join(self._title(name) for name in both))
        self.error_label.setStyleSheet(
            "QLabel { color: #3b4654; background: #eef3f8; border: 1px solid #c5d3e2; border-radius: 3px;"
            " padding: 6px; }")
        self.error_label.setText(_html(text))
        self.error_label.show()

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
