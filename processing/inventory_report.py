"""The report of ``friches:import_inventory``: the translated sentence of every reason and action code of
``core.inventory``, the report table's fields, and the writing of the report and of ``import_notes``.

Why a module of its own: the core names each problem by a code with its parameters and never translates;
this is the one place where codes become sentences, shared by the report table, the log and the notes
kept on each imported site.
"""

from qgis.core import QgsFeature, QgsFields

from ..compat import WKB_NO_GEOMETRY, make_field
from ..core import inventory as inv
from ..translation import tr
from .sinks import OutputSink

#: Warnings pushed to the log one by one; the rest are counted (all are in the report).
MAX_LOGGED_WARNINGS = 50
#: Values quoted in the report are cut to this many characters (a 30 MB geometry stays in the source file).
REPORT_VALUE_CHARS = 1000


class _Blank(dict):
    """format_map helper: a missing parameter prints as nothing instead of raising."""

    def __missing__(self, key):
        return ""


def report_fields():
    fields = QgsFields()
    fields.append(make_field("row", "int"))
    fields.append(make_field("source_fid", "int64"))
    for name in ("site_id", "site_nom", "severity", "code", "field", "value", "reason", "action"):
        fields.append(make_field(name, "string"))
    return fields


def quoted(value):
    """A value as the report quotes it (None stays None)."""
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= REPORT_VALUE_CHARS else text[:REPORT_VALUE_CHARS] + "…"


def notes(row):
    """The ``import_notes`` of an imported site: the reasons of the issues marked as notes."""
    return "; ".join(reason_text(i) for i in row.issues if i.note)


def write_report(alg, parameters, context, lines, feedback):
    """Write ``lines`` ((SiteRow, Issue) pairs) into the REPORT sink of ``alg``; log the first warnings.
    Returns (destination id, number of warnings)."""
    fields = report_fields()
    logged = 0
    n_warnings = 0
    with OutputSink(alg, parameters, alg.REPORT, context, fields, WKB_NO_GEOMETRY, feedback=feedback) as sink:
        for row, issue in lines:
            _write_line(sink, fields, row, issue)
            if issue.severity == inv.WARNING:
                n_warnings += 1
            if issue.severity in (inv.WARNING, inv.ERROR):
                if logged < MAX_LOGGED_WARNINGS:
                    feedback.pushWarning(tr("Row {row} ({site}): {reason} → {action}").format(
                        row=row.row, site=row.site_id or row.site_nom or "-", reason=reason_text(issue),
                        action=action_text(issue.action)))
                logged += 1
    if logged > MAX_LOGGED_WARNINGS:
        feedback.pushWarning(tr("… and {n} more, see the report.").format(n=logged - MAX_LOGGED_WARNINGS))
    return sink.dest_id, n_warnings


def _write_line(sink, fields, row, issue):
    feat = QgsFeature(fields)
    fid = row.fid
    feat.setAttributes([
        row.row,
        int(fid) if isinstance(fid, int) else None,
        row.site_id,
        row.site_nom,
        issue.severity,
        issue.code,
        issue.field or None,
        quoted(issue.value),
        reason_text(issue),
        action_text(issue.action),
    ])
    sink.add(feat, row.row, row.site_id)


# -- messages ---------------------------------------------------------------------------------------------------


def _reasons():
    return {
        "no_geometry": tr(
            "No usable geometry: no layer geometry, no valid geompoint / geomsurf WKT, no coordinates"),
        "duplicate_site_id": tr("site_id {site_id} is already used by input row {first_row}"),
        "reprojection_failed": tr("The geometry could not be reprojected: {error}"),
        "unknown_code": tr("{field}: '{value}' is not in the standard's list of values"),
        "normalised_code": tr("{field}: '{value}' written with the standard's spelling '{new}'"),
        "legacy_code": tr("{field}: legacy code '{value}' replaced by '{new}'"),
        "bad_pattern": tr("{field}: '{value}' does not follow the standard's format"),
        "repaired_format": tr("{field}: '{value}' rewritten as '{new}' (the standard's format)"),
        "bad_date": tr("{field}: '{value}' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"),
        "bad_year": tr("{field}: '{value}' is not a year"),
        "bad_integer": tr("{field}: '{value}' is not a whole number"),
        "integer_out_of_range": tr("{field}: {value} is outside the range of whole numbers ({min} to {max})"),
        "non_finite_coordinates": tr(
            "{field}: a coordinate is not a finite number (NaN or infinite): the geometry is ignored"),
        "write_failed": tr("The site could not be written to {output}: {error}"),
        "rounded": tr("{field}: '{value}' rounded to {new}"),
        "zero_padded": tr("{field}: '{value}' completed with a leading zero: '{new}'"),
        "bad_insee": tr("comm_insee: '{value}' is not a 5-character INSEE code"),
        "actu_before_identif": tr(
            "site_actu_date ({actu}) is earlier than site_identif_date ({identif})"),
        "missing_required": tr("{field} is required by the standard but empty"),
        "insee_from_site_id": tr("comm_insee was empty: taken from site_id ('{new}')"),
        "bad_wkt": tr("{field} is not valid WKT ({error})"),
        "unsupported_geometry": tr("{field}: a {type} geometry is neither a point nor a polygon"),
        "multipoint": tr("{field}: several points, their centroid is used"),
        "bad_coordinates": tr("Coordinates '{value}' are not numbers"),
        "lat_first": tr(
            "{field} was written latitude first ({lat} {lon}): axes swapped to longitude, latitude"),
        "outside_france": tr("The site (longitude {lon}, latitude {lat}) is outside France: check the CRS"),
        "invalid_polygon": tr("The polygon was invalid ({reason})"),
        "polygon_unrepairable": tr("The polygon is invalid and could not be repaired ({reason})"),
        "point_far_from_polygon": tr(
            "The point is {distance} m from the site's polygon: the polygon's point on surface is used"),
        "uf_surface_from_polygon": tr(
            "unite_fonciere_surface was empty: set to the polygon's area ({new} m²)"),
        "site_id_format": tr("site_id '{value}' does not follow the standard's <INSEE>_<id> form"),
        "generated_id": tr("No site_id: '{new}' generated from the name, the commune and the location"),
        "possible_duplicate_location": tr(
            "Possible duplicate of {other_id} (input row {other_row}): points {distance} m apart"),
        "possible_duplicate_overlap": tr(
            "Possible duplicate of {other_id} (input row {other_row}): polygons overlap by {overlap_pct} %"),
        "inventory_kept": tr(
            "The inventory's version was kept: edited on {date}, after this row's site_actu_date ({incoming})"),
        "inventory_updated": tr("Inventory updated: {fields}"),
    }


def reason_text(issue):
    code = issue.code
    if code == "possible_duplicate":
        overlap = issue.params.get("how") == "overlap"
        code = "possible_duplicate_overlap" if overlap else "possible_duplicate_location"
    template = _reasons().get(code, code)
    params = _Blank(issue.params)
    params.setdefault("field", issue.field)
    params.setdefault("value", "" if issue.value is None else quoted(issue.value))
    return template.format_map(params)


def action_text(action):
    return {
        inv.KEPT: tr("kept"),
        inv.REJECTED: tr("rejected"),
        inv.REPLACED_INCONNU: tr("value replaced by 'inconnu'"),
        inv.SET_INCONNU: tr("set to 'inconnu'"),
        inv.SET_NULL: tr("value set to NULL"),
        inv.FILLED: tr("value filled in"),
        inv.NORMALISED: tr("value normalised"),
        inv.REPAIRED: tr("repaired"),
        inv.SWAPPED: tr("coordinates swapped"),
        inv.IGNORED: tr("ignored"),
        inv.POINT_ONLY: tr("row kept with its point only"),
        inv.GENERATED: tr("id generated"),
        inv.INVENTORY_KEPT: tr("inventory not changed"),
        inv.INVENTORY_UPDATED: tr("inventory updated"),
    }.get(action, action)


def error_text(exc):
    messages = {
        "mapping_syntax": tr("Field mapping: '{entry}' is not of the form cnig_field=source_field"),
        "mapping_unknown_target": tr(
            "Field mapping: '{target}' is not a field of the CNIG friches standard (nor x / y)"),
        "mapping_duplicate_target": tr("Field mapping: '{target}' is mapped twice"),
        "mapping_missing_source": tr(
            "Field mapping: the input has no field '{source}' (mapped to {target})"),
    }
    return messages.get(exc.code, exc.code).format_map(_Blank(exc.params))
