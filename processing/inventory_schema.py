"""QGIS fields of the inventory layers, derived from the CNIG schema in ``core.cnig_friches``.

Why: the import algorithm writes these layers and the dock panel edits them; both must build exactly the
same fields. Types follow the standard: integers stay integers, full dates become QGIS dates (so the
form shows a calendar), years (``%Y`` dates) become integers, everything else is text.
"""

from qgis.core import QgsFields

from ..compat import make_field
from ..core import cnig_friches

#: QGIS kind of each extra field the plugin adds (see ``cnig_friches.EXTRA_FIELDS``).
EXTRA_KINDS = {
    "site_surface": "double",
    "surface_source": "string",
    "has_polygon": "bool",
    "import_notes": "string",
}


def field_kind(spec) -> str:
    """The ``compat.make_field`` kind for a CNIG field spec."""
    if spec.type == "integer":
        return "int"
    if spec.type == "date":
        return "date" if spec.date_format == "%Y-%m-%d" else "int"
    return "string"


def inventory_fields() -> QgsFields:
    """Fields of the ``friches`` point layer: every CNIG attribute, then the plugin's extra fields."""
    out = QgsFields()
    for spec in cnig_friches.attribute_fields():
        out.append(make_field(spec.name, field_kind(spec), comment=spec.title))
    for name in cnig_friches.EXTRA_FIELDS:
        out.append(make_field(name, EXTRA_KINDS[name]))
    return out


def polygon_fields() -> QgsFields:
    """Fields of the ``friches_emprises`` polygon layer (geometry of the sites that have one)."""
    out = QgsFields()
    out.append(make_field("site_id", "string"))
    out.append(make_field("site_nom", "string"))
    out.append(make_field("site_surface", "double"))
    return out
