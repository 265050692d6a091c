"""The rows of the layer given to ``friches:import_inventory``, read so that none is lost or garbled.

Why a module of its own: QGIS reads most inputs right, but not all the files planners get:
- a shapefile without ``.cpg`` or a CSV written in windows-1252 is read as UTF-8 ("Zone d'activit�s"):
  the layer is re-opened with the encoding its bytes show (or the one the user gives);
- a CSV in UTF-16 (Excel's "Unicode text") arrives as garbled rows, and a CSV with a line longer than
  10 MiB (a ``geomsurf`` of a million vertices) loses that row and the ones after it, through both the
  delimited-text provider and GDAL: such a file is read by ``core.delimited`` instead, row by row.
The algorithm then sees the same thing whatever the path: (feature id, {field: value}, geometry or None).
"""

import os
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional, Tuple

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery

from ..compat import SKIP_GEOMETRY_CHECKS, WKB_NO_GEOMETRY
from ..core import delimited
from ..core import encoding as enc
from ..core import inventory as inv
from ..translation import tr
from .inventory_store import py_value

#: File name endings read as delimited text.
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class InputRows:
    """What the import iterates: ``rows`` yields (feature id, {field name: Python value}, QgsGeometry or
    None); ``total`` is the number of rows (for progress), ``note`` says how the input was read."""

    rows: Iterator[Tuple[Any, dict, Any]]
    total: int
    names: List[str]
    note: str = ""
    keep_alive: Any = None  # a re-opened layer that must live while ``rows`` is iterated


def read_input(alg, parameters, context, source, encoding: str) -> InputRows:
    """The rows of the INPUT parameter of ``alg`` (see the module docstring)."""
    try:
        layer = alg.parameterAsVectorLayer(parameters, alg.INPUT, context)
    except Exception:  # a source that is not a layer of the project (a feature source of a model...)
        layer = None
    definition = parameters.get(alg.INPUT)
    selected_only = isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly
    own = _own_reading(layer, source, encoding, selected_only)
    if own is not None:
        return own
    reopened, note = _reopen_with_encoding(layer, encoding)
    if reopened is not None:
        request = QgsFeatureRequest()
        if selected_only:
            request.setFilterFids(layer.selectedFeatureIds())
        names = reopened.fields().names()
        return InputRows(_features(reopened.getFeatures(request), names), reopened.featureCount(), names, note,
                         reopened)
    names = source.fields().names()
    features = source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS)
    return InputRows(_features(features, names), source.featureCount(), names, note)


def _features(features, names) -> Iterator[Tuple[Any, dict, Any]]:
    for feat in features:
        attributes = {name: py_value(feat.attribute(i)) for i, name in enumerate(names)}
        yield feat.id(), attributes, (feat.geometry() if feat.hasGeometry() else None)


# -- our own CSV reading -------------------------------------------------------------------------------------


def _text_file_of(layer) -> Optional[Tuple[str, Optional[str], str]]:
    """(path, delimiter or None to guess, quote) when ``layer`` is a plain delimited text file without
    geometry that our reader can read the same way, else None."""
    provider = layer.providerType()
    if provider == "delimitedtext":
        url = QUrl(layer.source())
        query = QUrlQuery(url)
        kind = (query.queryItemValue("type") or "csv").lower()
        geometry_fields = any(query.hasQueryItem(k) for k in ("wktField", "xField", "yField"))
        if kind != "csv" or geometry_fields or (query.queryItemValue("skipLines") or "0") != "0":
            return None
        if (query.queryItemValue("useHeader") or "yes").lower().startswith("n"):
            return None
        delimiter = query.queryItemValue("delimiter") or ","
        delimiter = {"\\t": "\t", "tab": "\t"}.get(delimiter, delimiter)
        quote = query.queryItemValue("quote") or '"'
        if len(delimiter) != 1 or len(quote) != 1:
            return None
        return url.toLocalFile(), delimiter, quote
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path", "")
        if path.lower().endswith(TEXT_SUFFIXES):
            return path, None, '"'
    return None


def _own_reading(layer, source, encoding: str, selected_only: bool) -> Optional[InputRows]:
    """Rows read by ``core.delimited`` when QGIS would garble or lose some (UTF-16, very long lines)."""
    if layer is None or selected_only or layer.subsetString() or source.wkbType() != WKB_NO_GEOMETRY:
        return None
    found = _text_file_of(layer)
    if found is None or not found[0] or not os.path.isfile(found[0]):
        return None
    path, delimiter, quote = found
    file_encoding = encoding or enc.sniff_file_encoding(path)
    long_line = delimited.longest_line(path) > delimited.PROVIDER_LINE_LIMIT
    if not (enc.is_wide(file_encoding) or long_line):
        return None
    try:
        table = delimited.DelimitedFile(path, file_encoding, delimiter, quote)
        names = table.header()
        total = table.count()
    except delimited.DelimitedError as exc:
        raise QgsProcessingException(delimited_error_text(path, exc)) from exc
    why = tr("a line longer than QGIS reads") if long_line else tr("encoding {encoding}").format(
        encoding=table.encoding)
    note = tr("{path} read row by row by the plugin ({why}).").format(path=path, why=why)
    return InputRows(_records(table, path), total, names, note)


def _records(table, path) -> Iterator[Tuple[Any, dict, Any]]:
    try:
        for record, values in table.rows():
            yield record, values, None
    except delimited.DelimitedError as exc:
        raise QgsProcessingException(delimited_error_text(path, exc)) from exc


def delimited_error_text(path, exc) -> str:
    if exc.line:
        return tr("{path}, line {line}: the file cannot be read as CSV ({reason}).").format(
            path=path, line=exc.line, reason=exc.reason)
    return tr("{path}: the file cannot be read as CSV ({reason}).").format(path=path, reason=exc.reason)


# -- re-opening with the right encoding -----------------------------------------------------------------------


def _reopen_with_encoding(layer, encoding):
    """(re-opened layer or None, log note). A file whose encoding QGIS got wrong (shapefile without .cpg,
    CSV in windows-1252 or UTF-16) is re-opened with the right one, or the one given."""
    if layer is None:
        return None, ""
    provider = layer.providerType()
    if provider == "ogr":
        path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path", "")
        lower = path.lower()
        current = layer.dataProvider().encoding() or "UTF-8"
        if lower.endswith((".shp", ".dbf")):
            dbf = path[:-4] + (".dbf" if os.path.exists(path[:-4] + ".dbf") else ".DBF")
            if not os.path.exists(dbf):
                return None, ""
            if inv.dbf_declares_encoding(dbf):
                if not encoding:
                    return None, ""
            elif not encoding:
                detected = inv.detect_dbf_encoding(dbf)
                if detected == "UTF-8" or current.upper().replace("_", "-") != "UTF-8":
                    return None, ""
                encoding = detected
        elif lower.endswith(TEXT_SUFFIXES):
            if not encoding:
                encoding = _sniff(path, current)
                if not encoding:
                    return None, ""
        elif not encoding:
            return None, ""
        if encoding.upper() == current.upper():
            return None, ""
        reopened = QgsVectorLayer(layer.source(), layer.name(), "ogr")
        reopened.setProviderEncoding(encoding)
    elif provider == "delimitedtext":
        url = QUrl(layer.source())
        query = QUrlQuery(url)
        current = query.queryItemValue("encoding") or "UTF-8"
        if not encoding:
            encoding = _sniff(url.toLocalFile(), current)
            if not encoding:
                return None, ""
        if encoding.upper() == current.upper():
            return None, ""
        query.removeAllQueryItems("encoding")
        query.addQueryItem("encoding", encoding)
        url.setQuery(query)
        reopened = QgsVectorLayer(url.toString(), layer.name(), "delimitedtext")
    else:
        return None, ""
    if layer.subsetString():
        reopened.setSubsetString(layer.subsetString())
    if not reopened.isValid():
        raise QgsProcessingException(
            tr("Could not re-open {source} with the encoding {encoding}.").format(
                source=layer.source(), encoding=encoding))
    return reopened, tr("Input read with the encoding {encoding}.").format(encoding=encoding)


def _sniff(path, current):
    """An encoding to use instead of UTF-8 when the file's bytes are not UTF-8 (else '')."""
    if current.upper().replace("_", "-") != "UTF-8" or not path or not os.path.exists(path):
        return ""
    detected = enc.sniff_file_encoding(path)
    return "" if detected in (enc.UTF8, enc.UTF8_SIG) else detected
