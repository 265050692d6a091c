"""How every algorithm writes its outputs: no feature lost, no write unchecked, nothing half written.

Why one mechanism: layers mixing points, lines, polygons and geometry collections are common (a GeoJSON
from a web map, a GeoPackage whose column is GEOMETRY), and an output has one geometry type. Left alone,
QGIS drops the features that do not fit (a memory layer refuses them, a shapefile stops) while the
algorithm counts them as written. Here each feature's geometry is fitted to the output's type (multi-part
promotion, parts of another type dropped from a collection, a polygon or a line reduced to its point on
surface for a point output); a feature that cannot be fitted is written without geometry; either way it
is reported by site and row (warning + the REPORT table). Every ``addFeature`` is checked and a failure
stops the algorithm with a message naming the site, the output and the reason.

Files and GeoPackage tables are written under a temporary name (the same file name in a ``~part-``
folder beside it, a ``_part_`` table) and take their final names once the algorithm has returned, so
that a crash, an error or a cancel never leaves a half output under the final name, and the user's
previous file stays whole until the new one is complete.
"""

from __future__ import annotations

import re
import uuid
from collections import OrderedDict
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPoint,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProperty,
    QgsWkbTypes,
)

from ..compat import (
    FLAG_ADVANCED,
    GEOMETRY_LINE,
    GEOMETRY_NULL,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTILINESTRING,
    WKB_MULTIPOINT,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
    WKB_POINT,
    make_field,
)
from ..core import files
from ..translation import tr

#: Name of the optional report output every algorithm writing sites has.
REPORT = "REPORT"
#: Features written between two checks of the cancel button.
CANCEL_EVERY = 64
#: Sites named in a warning before "…".
MAX_NAMED = 10

# What happened to a feature's geometry (stable values of the report's ``action`` field).
POINT_ON_SURFACE = "point_on_surface"
PARTS_DROPPED = "parts_dropped"
GEOMETRY_DROPPED = "geometry_dropped"

#: Destinations written in place (databases, memory): no temporary name.
_IN_PLACE_PREFIXES = ("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:", "odbc:")
#: ``ogr:dbname='<path>' table="<name>" ...`` as Processing writes a table into a GeoPackage (linear-time).
_OGR_TABLE = re.compile(r"^ogr:dbname='((?:[^'\\]|\\.)*)' table=\"([^\"]*)\"(.*)$", re.DOTALL)


# -- geometry ----------------------------------------------------------------------------------------------

def _kind(wkb_type):
    return QgsWkbTypes.geometryType(wkb_type)


def _atoms(geometry):
    """The single parts of ``geometry``: multi-parts and (nested) collections flattened, empties skipped."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return []
    if QgsWkbTypes.isMultiType(geometry.wkbType()):
        out = []
        for part in geometry.asGeometryCollection():
            out += _atoms(part)
        return out
    return [geometry]


def _point_on_surface(geometry):
    """A point inside a polygon, on a line, among points; the centroid or first vertex when GEOS fails."""
    for make in (geometry.pointOnSurface, geometry.centroid):
        try:
            point = make()
        except Exception:  # a geometry GEOS cannot read
            continue
        if point is not None and not point.isNull() and not point.isEmpty():
            return point
    vertex = geometry.vertexAt(0)
    return QgsGeometry(QgsPoint(vertex)) if not vertex.isEmpty() else None


def _match_dimensions(geometry, wkb_type):
    """Add or drop Z and M so that the geometry has the output's dimensions."""
    target_z, target_m = QgsWkbTypes.hasZ(wkb_type), QgsWkbTypes.hasM(wkb_type)
    has_z, has_m = QgsWkbTypes.hasZ(geometry.wkbType()), QgsWkbTypes.hasM(geometry.wkbType())
    if has_z == target_z and has_m == target_m:
        return geometry
    out = QgsGeometry(geometry)
    inner = out.get()
    if target_z and not has_z:
        inner.addZValue(0.0)
    elif has_z and not target_z:
        inner.dropZValue()
    if target_m and not has_m:
        inner.addMValue(0.0)
    elif has_m and not target_m:
        inner.dropMValue()
    return out


def fit_geometry(geometry, wkb_type):
    """``(geometry, action)``: ``geometry`` made of the output type ``wkb_type``. ``action`` is "" when
    nothing was lost (same type, multi-part promotion, curves segmentised, Z/M matched),
    ``POINT_ON_SURFACE`` when a line, polygon or collection became its point on surface,
    ``PARTS_DROPPED`` when parts of another type were removed from a collection (or all parts but the
    largest for a single-part output), ``GEOMETRY_DROPPED`` when nothing of the right type was left
    (the geometry returned is then empty: the feature is written without geometry)."""
    empty = QgsGeometry()
    if geometry is None or geometry.isNull():
        return empty, ""
    target = _kind(wkb_type)
    if target == GEOMETRY_NULL:
        return empty, ""
    if target not in (GEOMETRY_POINT, GEOMETRY_LINE, GEOMETRY_POLYGON):  # an output of any type
        return QgsGeometry(geometry), ""
    if geometry.isEmpty():
        return empty, ""
    geom = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(geom.wkbType()) and not QgsWkbTypes.isCurvedType(wkb_type):
        geom = QgsGeometry(geom.constGet().segmentize())
    atoms = _atoms(geom)
    same = [atom for atom in atoms if _kind(atom.wkbType()) == target]
    action = ""
    if len(same) < len(atoms):
        if same:
            action = PARTS_DROPPED
        elif target == GEOMETRY_POINT:
            point = _point_on_surface(geom)
            if point is None:
                return empty, GEOMETRY_DROPPED
            same, action = [point], POINT_ON_SURFACE
        else:
            return empty, GEOMETRY_DROPPED
    if not same:
        return empty, ""
    if QgsWkbTypes.isMultiType(wkb_type):
        out = QgsGeometry.collectGeometry(same)
        out.convertToMultiType()
    elif len(same) == 1:
        out = QgsGeometry(same[0])
    elif target == GEOMETRY_POINT:
        out = _point_on_surface(QgsGeometry.collectGeometry(same))
        action = action or POINT_ON_SURFACE
    else:
        measure = (lambda g: g.area()) if target == GEOMETRY_POLYGON else (lambda g: g.length())
        out = QgsGeometry(max(same, key=measure))
        action = PARTS_DROPPED
    return _match_dimensions(out, wkb_type), action


def site_sink_type(wkb_type, geometries=()):
    """The type of an output holding input features: the input's own, made multi-part when a line or
    polygon layer holds multi-part geometries (a layer declared Polygon may hold MultiPolygons); for an
    input of no single type (GEOMETRY column, GeometryCollection), the type its ``geometries`` share, or
    Point when they are mixed (every geometry has a point on its surface: no site is lost)."""
    kind = _kind(wkb_type)
    if kind == GEOMETRY_NULL:
        return WKB_NO_GEOMETRY
    if kind == GEOMETRY_POINT:
        return wkb_type
    if kind in (GEOMETRY_LINE, GEOMETRY_POLYGON):  # a GeometryCollection is of no kind
        if QgsWkbTypes.isMultiType(wkb_type):
            return wkb_type
        for geometry in geometries:
            if len([a for a in _atoms(geometry) if _kind(a.wkbType()) == kind]) > 1:
                return QgsWkbTypes.multiType(wkb_type)
        return wkb_type
    kinds = set()
    multi_points = False
    for geometry in geometries:
        atoms = _atoms(geometry)
        kinds.update(_kind(atom.wkbType()) for atom in atoms)
        multi_points = multi_points or len(atoms) > 1
    if kinds == {GEOMETRY_POLYGON}:
        out = WKB_MULTIPOLYGON
    elif kinds == {GEOMETRY_LINE}:
        out = WKB_MULTILINESTRING
    elif kinds == {GEOMETRY_POINT} and multi_points:
        out = WKB_MULTIPOINT
    else:
        out = WKB_POINT
    if QgsWkbTypes.hasZ(wkb_type):
        out = QgsWkbTypes.addZ(out)
    if QgsWkbTypes.hasM(wkb_type):
        out = QgsWkbTypes.addM(out)
    return out


def source_sink_type(source):
    """:func:`site_sink_type` of a QgsProcessingFeatureSource (its geometries are read only when its
    declared type does not say everything)."""
    from qgis.core import QgsFeatureRequest

    from ..compat import SKIP_GEOMETRY_CHECKS

    wkb_type = source.wkbType()
    if _kind(wkb_type) in (GEOMETRY_POINT, GEOMETRY_NULL) or (QgsWkbTypes.isMultiType(wkb_type) and _kind(
            wkb_type) in (GEOMETRY_LINE, GEOMETRY_POLYGON)):
        return site_sink_type(wkb_type)
    request = QgsFeatureRequest().setNoAttributes()
    geometries = (f.geometry() for f in source.getFeatures(request, SKIP_GEOMETRY_CHECKS))
    return site_sink_type(wkb_type, geometries)


def site_label(feature, field: str = "site_id"):
    """The feature's site identifier (``field``, any case) to name it in a report, None without one."""
    names = [name.lower() for name in feature.fields().names()]
    if field.lower() not in names:
        return None
    value = feature.attribute(names.index(field.lower()))
    if value is None or (hasattr(value, "isNull") and value.isNull()) or str(value) in ("", "NULL"):
        return None
    return str(value)


# -- the report --------------------------------------------------------------------------------------------

def action_text(action: str) -> str:
    return {
        POINT_ON_SURFACE: tr("written as its point on surface (another geometry type than the output's)"),
        PARTS_DROPPED: tr("parts of another geometry type left out (collection or multi-part geometry)"),
        GEOMETRY_DROPPED: tr("written without geometry: none of its parts is of the output's geometry type"),
    }.get(action, action)


class WriteReport:
    """What happened to the geometries written by one run: warnings, and the REPORT table when asked."""

    FIELDS = (("output", "string", 80), ("row", "int", 0), ("site_id", "string", 80),
              ("geometry_type", "string", 40), ("action", "string", 40), ("reason", "string", 254))

    def __init__(self, feedback=None):
        self.feedback = feedback
        self.entries = []

    def __len__(self):
        return len(self.entries)

    def add(self, output: str, row, site, geometry_type: str, action: str) -> None:
        self.entries.append((output, row, site, geometry_type, action))

    @staticmethod
    def _name(row, site):
        if site not in (None, ""):
            return str(site)
        return tr("row {row}").format(row=row) if row is not None else "?"

    def warn(self) -> None:
        """One warning per output and action, naming the first sites."""
        if self.feedback is None:
            return
        groups = OrderedDict()
        for output, row, site, _gtype, action in self.entries:
            groups.setdefault((output, action), []).append(self._name(row, site))
        for (output, action), names in groups.items():
            shown = ", ".join(names[:MAX_NAMED]) + ("…" if len(names) > MAX_NAMED else "")
            self.feedback.pushWarning(tr("{output}: {n} feature(s) {what}: {sites}.").format(
                output=output, n=len(names), what=action_text(action), sites=shown))

    def publish(self, alg, parameters, context, results) -> None:
        """Warn, and write the REPORT table when the algorithm has one, it is asked and there is
        something to say (its id goes into ``results``)."""
        if not self.entries:
            return
        self.warn()
        if alg.parameterDefinition(REPORT) is None or not parameters.get(REPORT):
            return
        fields = QgsFields()
        for name, kind, length in self.FIELDS:
            fields.append(make_field(name, kind, length))
        with OutputSink(alg, parameters, REPORT, context, fields, WKB_NO_GEOMETRY, feedback=self.feedback,
                        required=False) as sink:
            if not sink.active:
                return
            for output, row, site, gtype, action in self.entries:
                feature = QgsFeature(fields)
                feature.setAttributes([output, row, None if site in (None, "") else str(site), gtype, action,
                                       action_text(action)])
                sink.add(feature)
        results[REPORT] = sink.dest_id


def add_report_parameter(alg) -> None:
    """The optional REPORT table: features whose geometry had to be changed to fit an output."""
    param = QgsProcessingParameterFeatureSink(
        REPORT, tr("Report of features written with another geometry"), SOURCE_VECTOR, optional=True,
        createByDefault=True)
    param.setHelp(tr("Written only when needed: one line per feature whose geometry could not be written as "
                     "read (a layer mixing points, lines and polygons), with its site, row and what was done."))
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)


def write_rows(alg, parameters, name, context, fields, rows, feedback=None, required: bool = False):
    """Write the table ``name`` (no geometry) of ``rows`` (attribute lists, in the order of ``fields``)
    through an :class:`OutputSink`; its id, or None when the optional output is not asked for."""
    if not required and not parameters.get(name):
        return None
    with OutputSink(alg, parameters, name, context, fields, WKB_NO_GEOMETRY, feedback=feedback,
                    required=required) as sink:
        if not sink.active:
            return None
        for k, values in enumerate(rows, start=1):
            feature = QgsFeature(fields)
            feature.setAttributes(list(values))
            sink.add(feature, k)
    return sink.dest_id


# -- the sink ----------------------------------------------------------------------------------------------

def _destination(value, context) -> str:
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        return value.valueAsString(context.expressionContext())
    return "" if value is None else str(value)


class OutputSink:
    """A Processing feature sink that fits geometries, checks writes, honours cancel and writes files and
    GeoPackage tables under a temporary name renamed on success (removed on failure). Use it as a
    context manager; ``dest_id`` is the output's final id (for the results and the styles)."""

    def __init__(self, alg, parameters, name, context, fields, wkb_type, crs=None, feedback=None, report=None,
                 label: str = "", required: bool = True):
        self.alg, self.name, self.context = alg, name, context
        self.feedback = feedback
        self._own_report = report is None  # no report given: its warnings are pushed on closing
        self.report = report if report is not None else WriteReport(feedback)
        self.wkb_type = wkb_type
        definition = alg.parameterDefinition(name)
        self.label = label or (definition.description() if definition is not None else name)
        self.written = 0
        self._file = None  # (temporary path, final path)
        self._table = None  # (GeoPackage, temporary table, final table)
        self.sink = None
        self.dest_id = None
        redirected = self._redirect(parameters, context)
        # a GeoPackage's spatial index is built when the writer closes, which takes seconds for a large
        # output: built only once the output is complete (a canceled run ends at once)
        self._index = ((self._file is not None and self._file[1].suffix.lower() == ".gpkg")
                       or self._table is not None) and _kind(wkb_type) != GEOMETRY_NULL
        layer_options = ["SPATIAL_INDEX=NO"] if self._index else []
        sink, dest_id = alg.parameterAsSink(redirected, name, context, fields, wkb_type,
                                            crs if crs is not None else QgsCoordinateReferenceSystem(),
                                            createOptions={"layerOptions": layer_options} if layer_options else {},
                                            layerOptions=layer_options)
        if sink is None:
            self._cleanup()
            if required:
                raise QgsProcessingException(alg.invalidSinkError(parameters, name))
            return
        self.sink = sink
        self.dest_id = self._final_id(dest_id)
        if self.dest_id != dest_id:
            layers = context.layersToLoadOnCompletion()
            if dest_id in layers:
                layers[self.dest_id] = layers.pop(dest_id)
                context.setLayersToLoadOnCompletion(layers)

    @property
    def active(self) -> bool:
        return self.sink is not None

    # -- where it writes --------------------------------------------------------------------------------
    def _redirect(self, parameters, context):
        value = parameters.get(self.name)
        dest = _destination(value, context)
        if not dest or dest == "TEMPORARY_OUTPUT" or dest.lower().startswith(_IN_PLACE_PREFIXES):
            return parameters
        match = _OGR_TABLE.match(dest)
        if match:
            path = match.group(1).replace("\\'", "'").replace("\\\\", "\\")
            if not path.lower().endswith(".gpkg"):
                return parameters
            temporary = f"{match.group(2)}_part_{uuid.uuid4().hex[:8]}"
            self._table = (path, temporary, match.group(2))
            new = f"ogr:dbname='{match.group(1)}' table=\"{temporary}\"{match.group(3)}"
        elif dest.lower().startswith("ogr:") or "|" in dest or "?" in dest:
            return parameters
        else:
            final = Path(dest)
            if not final.suffix:
                return parameters  # Processing adds the default extension itself: let it
            # the same name in a temporary folder beside it: the layer inside keeps the name the final
            # file gives it, and the rename stays on one file system
            temporary = files.temporary_folder(final) / final.name
            self._file = (temporary, final)
            new = str(temporary)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            copy = QgsProcessingOutputLayerDefinition(value)
            copy.sink = QgsProperty.fromValue(new)
            new = copy
        return {**parameters, self.name: new}

    def _final_id(self, dest_id):
        if self._file is not None:
            return str(self._file[1])
        if self._table is not None:
            path, temporary, final = self._table
            return str(dest_id).replace(f"layername={temporary}", f"layername={final}")
        return dest_id

    # -- writing ----------------------------------------------------------------------------------------
    def add(self, feature, row=None, site=None) -> None:
        """Write ``feature`` (its geometry fitted to the output; a change reported as ``row`` / ``site``);
        QgsProcessingException naming the site when the write fails or the user cancels."""
        error = self.try_add(feature, row, site)
        if error is not None:
            what = tr("site {site}").format(site=site) if site not in (None, "") else (
                tr("row {row}").format(row=row) if row is not None else tr("a feature"))
            raise QgsProcessingException(tr("Could not write {what} into the output '{output}': {error}").format(
                what=what, output=self.label, error=error))

    def try_add(self, feature, row=None, site=None):
        """:meth:`add` for a caller that reports a refused feature itself and goes on (the importer rejects
        that row): the provider's reason when the write fails, else None. A cancel still raises."""
        if feature.hasGeometry():
            original = feature.geometry()
            fitted, action = fit_geometry(original, self.wkb_type)
            if action:
                self.report.add(self.label, row, site, QgsWkbTypes.displayString(original.wkbType()), action)
            if action or fitted.wkbType() != original.wkbType():
                feature = QgsFeature(feature)
                feature.setGeometry(fitted)
        if not self.sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            return self.sink.lastError() or tr("the data provider refused it")
        self.written += 1
        if self.feedback is not None and self.written % CANCEL_EVERY == 0 and self.feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled: the output '{output}' was not written.").format(
                output=self.label))
        return None

    # -- ending -----------------------------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.close()
        else:
            self.abort()
        return False

    def _release(self):
        sink, self.sink = self.sink, None
        if sink is not None and hasattr(sink, "finalize"):  # QGIS >= 3.42 finalises before deletion
            sink.finalize()
        del sink

    def close(self) -> None:
        """Complete the output: the temporary file or table takes the final name when the algorithm
        returns (at once outside an algorithm's run)."""
        self._release()
        if self._own_report:
            self.report.warn()
        if self._file is not None:
            temporary, final = self._file
            self._file = None
            if self._index and temporary.exists():
                create_spatial_index(temporary, final.stem)
            if temporary.exists():
                commit, discard = (lambda: commit_file(temporary, final)), (lambda: _remove_file(temporary))
            else:
                _remove_file(temporary)
                commit = discard = None
        elif self._table is not None:
            path, temporary, final = self._table
            self._table = None
            if self._index:
                create_spatial_index(path, temporary)
            commit, discard = (lambda: rename_table(path, temporary, final)), (lambda: drop_table(path, temporary))
        else:
            commit = discard = None
        if commit is not None and not self.alg.defer_commit(commit, discard):
            commit()

    def abort(self) -> None:
        """Drop what was written: the final name keeps what it had."""
        self._release()
        self._cleanup()

    def _cleanup(self):
        if self._file is not None:
            _remove_file(self._file[0])
            self._file = None
        if self._table is not None:
            path, temporary, _final = self._table
            self._table = None
            drop_table(path, temporary)


def write_file(alg, final, write):
    """Call ``write(temporary path)`` for a file output (PDF, XLSX, PNG...): the file is written under a
    temporary name beside ``final`` and takes its final name when the algorithm returns (at once outside a
    run); on error or cancel it is removed and ``final`` is left as it was. Returns what ``write`` returns."""
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = files.temporary_sibling(final)
    try:
        result = write(temporary)
    except BaseException:
        files.remove(temporary)
        raise
    if not alg.defer_commit(lambda: commit_file(temporary, final), lambda: files.remove(temporary)):
        commit_file(temporary, final)
    return result


def _remove_file(temporary: Path) -> None:
    """Remove a temporary output (and its temporary folder, when it has one of its own)."""
    files.remove(temporary)
    if files.is_temporary(temporary.parent):
        files.remove_folder(temporary.parent)


def commit_file(temporary, final) -> None:
    """:func:`core.files.commit` with a message a user can act on when the final file is locked; the
    temporary folder of ``temporary`` (when it has one) is removed."""
    temporary = Path(temporary)
    try:
        files.commit(temporary, final)
        if files.is_temporary(temporary.parent):
            files.remove_folder(temporary.parent)
    except OSError as exc:
        _remove_file(temporary)
        raise QgsProcessingException(tr(
            "Could not replace {path} ({error}): it may be open in QGIS or another program. Close it (or remove its "
            "layers from the project) and run again.").format(path=final, error=exc.strerror or exc)) from exc


# -- GeoPackage tables -------------------------------------------------------------------------------------

def _open_gpkg(path):
    from osgeo import gdal

    if not Path(path).exists():
        return None
    return gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)


def create_spatial_index(path, table) -> None:
    """Build the spatial index of ``table`` in the GeoPackage ``path`` (written without one)."""
    dataset = _open_gpkg(path)
    if dataset is None:
        return
    try:
        layer = dataset.GetLayerByName(table)
        if layer is None or not layer.GetGeometryColumn():
            return
        result = dataset.ExecuteSQL(f"SELECT CreateSpatialIndex('{table}', '{layer.GetGeometryColumn()}')")
        if result is not None:
            dataset.ReleaseResultSet(result)
    finally:
        dataset = None


def drop_table(path, table) -> None:
    """Delete ``table`` from the GeoPackage ``path`` when it is there."""
    dataset = _open_gpkg(path)
    if dataset is None:
        return
    try:
        for i in range(dataset.GetLayerCount()):
            if dataset.GetLayerByIndex(i).GetName() == table:
                dataset.DeleteLayer(i)
                break
    finally:
        dataset = None


def rename_table(path, temporary, final) -> None:
    """Replace table ``final`` of the GeoPackage ``path`` by the complete table ``temporary``."""
    dataset = _open_gpkg(path)
    if dataset is None:
        raise QgsProcessingException(tr("Could not open {path} to complete the table {table}.").format(
            path=path, table=final))
    try:
        for i in range(dataset.GetLayerCount()):
            if dataset.GetLayerByIndex(i).GetName() == final:
                dataset.DeleteLayer(i)
                break
        layer = dataset.GetLayerByName(temporary)
        if layer is None:
            raise QgsProcessingException(tr("The table {table} of {path} was not written.").format(
                path=path, table=final))
        if hasattr(layer, "Rename"):  # GDAL >= 3.5
            ok = layer.Rename(final) == 0
        else:
            dataset.ExecuteSQL(f'ALTER TABLE "{temporary}" RENAME TO "{final}"')
            ok = dataset.GetLayerByName(final) is not None
        if not ok:
            raise QgsProcessingException(tr("Could not name the table {table} in {path}.").format(
                path=path, table=final))
    finally:
        dataset = None
