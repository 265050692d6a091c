"""What ``land_prices``, ``site_costs`` and ``acquisition_programme`` share: the translated messages of
the DVF reader, its report table, output fields, progress, and the site facts the costs read.

Why a module of its own: the core (``core/costs``) returns codes and numbers; the three algorithms turn
them into the same sentences and tables, so each sentence is written (and translated) once.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

from qgis.core import QgsFeature, QgsFields
from qgis.PyQt.QtCore import QDate

from ..compat import (
    make_field,
    parameter_as_fields,
)
from ..core.costs import KIND_LAND, KIND_PREMISES
from ..translation import tr
from . import scoring_io as sio
from .sinks import OutputSink, site_label, source_sink_type, write_rows


def number(value) -> Optional[float]:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def rounded(value, digits: int):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value):
        return None
    return round(value, digits) if digits else float(round(value))


def qdate(value):
    if value is None or value != value:
        return None
    return QDate(value.year, value.month, value.day)


def field_choice(alg, parameters, name, context, names: Sequence[str], default: Optional[str]):
    """The field chosen for parameter ``name`` (any case), else ``default`` when the layer has it."""
    chosen = parameter_as_fields(alg, parameters, name, context)
    wanted = chosen[0] if chosen else default
    return sio.find_field(names, wanted) if wanted else None


def output_fields(source_fields, added):
    """(the source's fields without those named in ``added`` + the added ones, indices of those kept)."""
    names = {name for name, _kind, _length in added}
    fields = QgsFields()
    kept = []
    for i, field in enumerate(source_fields):
        if field.name() not in names:
            fields.append(field)
            kept.append(i)
    for name, kind, length in added:
        fields.append(make_field(name, kind, length))
    return fields, kept


def write_sites(alg, parameters, name, context, source, fids, added, values_of, feedback=None):
    """Write ``source``'s features with the ``added`` fields (replacing input fields of the same name):
    ``values_of(i)`` gives the added values of the i-th feature read (``fids[i]``). Returns the sink's id.
    Through the shared writer: every geometry fitted to the output, every write checked, a cancel raises
    and leaves no output."""
    fields, kept = output_fields(source.fields(), added)
    position = {fid: i for i, fid in enumerate(fids)}
    with OutputSink(alg, parameters, name, context, fields, source_sink_type(source), source.sourceCrs(),
                    feedback) as sink:
        for n, feature in enumerate(source.getFeatures()):
            if feedback is not None and n % 200 == 0 and feedback.isCanceled():
                raise alg.canceled()
            i = position.get(feature.id())
            if i is None:
                continue
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            attrs = feature.attributes()
            out.setAttributes([attrs[k] for k in kept] + list(values_of(i)))
            sink.add(out, n + 1, site_label(feature))
    return sink.dest_id


def scope_label(estimate, commune: str) -> Optional[str]:
    """The area of the comparable sales as a short value: "radius 2000 m", "commune 45999"."""
    if estimate.scope is None:
        return None
    if estimate.scope == "commune":
        return f"commune {commune}"
    return f"radius {estimate.radius_m:g} m"


# -- DVF messages ------------------------------------------------------------------------------------
def dvf_error_text(exc) -> str:
    """The translated message of a ``core.costs.dvf.DvfError``."""
    params = exc.params
    path = params.get("path", "")
    if exc.code == "not_found":
        return tr("The DVF file {path} does not exist.").format(path=path)
    if exc.code == "empty_file":
        return tr("The DVF file {path} is empty.").format(path=path)
    if exc.code == "no_lines":
        return tr("The DVF file {path} has a header but no sale.").format(path=path)
    if exc.code == "no_csv_in_zip":
        return tr("The zip file {path} holds no CSV file.").format(path=path)
    if exc.code == "raw_dgfip":
        return tr("{path} is the raw DGFiP file (ValeursFoncieres, columns 'Valeur fonciere', 'No disposition'): it "
                  "has no coordinates. Use the geolocated DVF published by Etalab (files.data.gouv.fr/geo-dvf, one "
                  "file per département).").format(path=path)
    if exc.code == "missing_columns":
        return tr("{path} is not a geolocated DVF file: the columns {columns} are missing (columns found: "
                  "{found}…).").format(path=path, columns=", ".join(params.get("columns", [])),
                                       found=", ".join(params.get("found", [])))
    return tr("The DVF file {path} cannot be read ({code}).").format(path=path, code=exc.code)


def dvf_reason(code: str) -> str:
    return {
        "bad_line": tr("unreadable line (wrong number of columns)"),
        "missing_id": tr("line without id_mutation"),
        "duplicate_line": tr("line written twice: counted once"),
        "bad_coordinates": tr("impossible coordinates: the line counts as not located"),
        "inconsistent_price": tr("lines of the same sale with different prices"),
        "inconsistent_date": tr("lines of the same sale with different dates"),
        "bad_date": tr("unreadable date"),
        "no_price": tr("no price (valeur_fonciere empty or zero)"),
        "nature_excluded": tr("kind of transfer not kept"),
        "out_of_period": tr("sale outside the period"),
        "not_comparable": tr("not a comparable for a friche"),
        "duplicate_mutation": tr("the same sale already listed under another id_mutation"),
        "no_surface": tr("no floor or land area: no price per m²"),
        "absurd_price": tr("absurd price per m² (outside the plausible bounds)"),
        "no_coordinates": tr("no coordinates: used only for its commune"),
    }.get(code, code)


def dvf_action(action: str) -> str:
    return {"rejected": tr("rejected"), "ignored": tr("ignored"), "kept": tr("kept")}.get(action, action)


def report_dvf_reading(feedback, data) -> None:
    """What was read, and a warning per kind of problem (the report table lists them one by one)."""
    feedback.pushInfo(tr("{lines} line(s), {mutations} sale(s) read (encoding {encoding}, separator '{sep}').").format(
        lines=data.lines, mutations=data.mutations, encoding=data.encoding, sep=data.separator))
    if data.encoding not in ("utf-8", "utf-8-sig"):
        feedback.pushWarning(tr("The file is not in UTF-8 as published: it was read as {encoding}. Check the "
                                "accents of the names in the report.").format(encoding=data.encoding))
    if data.separator != ",":
        feedback.pushInfo(tr("The file uses '{sep}' as separator (re-saved by a spreadsheet?).").format(
            sep=data.separator))
    if data.start_date and data.reference_date:
        feedback.pushInfo(tr("Period: {start} to {end}.").format(start=data.start_date.isoformat(),
                                                                 end=data.reference_date.isoformat()))
    by_kind = data.sales["kind"].value_counts().to_dict() if len(data.sales) else {}
    feedback.pushInfo(tr("Comparable sales: {premises} of premises, {land} of land.").format(
        premises=by_kind.get(KIND_PREMISES, 0), land=by_kind.get(KIND_LAND, 0)))
    counts = data.counts()
    for code in ("bad_line", "missing_id", "duplicate_line", "duplicate_mutation", "inconsistent_price",
                 "inconsistent_date", "bad_date", "no_price", "absurd_price", "no_surface", "bad_coordinates",
                 "no_coordinates"):
        if counts.get(code):
            feedback.pushWarning(tr("{n} × {reason} (see the report).").format(n=counts[code], reason=dvf_reason(code)))
    for code in ("nature_excluded", "out_of_period", "not_comparable"):
        if counts.get(code):
            feedback.pushInfo(tr("{n} sale(s): {reason}.").format(n=counts[code], reason=dvf_reason(code)))
    if not len(data.sales):
        feedback.pushWarning(tr("No comparable sale in the file: no site can be estimated."))


REPORT_FIELDS = (("line", "int", 0), ("id_mutation", "string", 40), ("field", "string", 60), ("value", "string", 254),
                 ("reason", "string", 254), ("action", "string", 40), ("count", "int", 0), ("code", "string", 40))


def write_dvf_report(alg, parameters, name, context, items, feedback=None):
    """The report table (no geometry): one row per line or sale left out, summaries with their count."""
    fields = QgsFields()
    for field_name, kind, length in REPORT_FIELDS:
        fields.append(make_field(field_name, kind, length))
    rows = ([item.line, item.id_mutation, item.field, item.value[:254], dvf_reason(item.code),
             dvf_action(item.action), item.count, item.code] for item in items)
    return write_rows(alg, parameters, name, context, fields, rows, feedback)
