"""Reading a layer's geometries and a few attributes in bulk: GDAL's Python bindings for files, QGIS otherwise.

Why: reading a département's road network feature by feature through PyQGIS takes seconds (one Python call
per feature and per attribute: about 3 s for 300,000 lines); GDAL hands the same file over as columns of a few
thousand features (``GetArrowStreamAsNumPy``, GDAL 3.6+), decoded with numpy in a few tenths of a second.

Which way (``read_lines``):

- a layer of QGIS's ``ogr`` provider on a local file (GeoPackage, shapefile, FlatGeobuf, OSM PBF or XML,
  also through ``/vsigzip/``), without unsaved edits, read whole or through its subset string (an OGR
  attribute filter, as QGIS applies it), or only its selected features: GDAL, column by column with Arrow
  when the GDAL version has it, feature by feature with OGR otherwise (still without QGIS's per-feature
  cost); coordinates reprojected in bulk with the coordinate operation QGIS would use;
- anything else (memory layers, PostGIS, WFS, a feature limit or a filter expression set in the dialog, a
  subset string that is a full SQL query, curved geometries): the QGIS API, feature by feature.

Both give the same lines and values (checked by the tests, format by format). When GDAL's count of
features read disagrees with QGIS's, the QGIS API reads the layer instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..compat import SKIP_GEOMETRY_CHECKS
from ..core.progress import Canceled

#: Read files with GDAL when possible (tests and benchmarks turn it off to compare with the QGIS API).
USE_GDAL = True
#: GDAL's Arrow interface: None = when the GDAL version has it, False = OGR feature by feature.
USE_ARROW = None
#: Features per Arrow batch: a batch decodes in a few hundredths of a second, so a cancel is heard at once.
BATCH_FEATURES = 10_000
_VSI_PREFIX = re.compile(r"^/vsi[a-z0-9_]+/")


@dataclass
class OgrPlan:
    """A layer GDAL can read as QGIS would: the file, the layer, its attribute filter and selection."""

    path: str  # as GDAL opens it (``/vsigzip/`` and the like included)
    file: str  # the file on disk
    layer_name: Optional[str]
    layer_id: int
    subset: str
    fids: Optional[np.ndarray]  # selected feature ids, sorted; None: every feature (of the subset)
    crs: QgsCoordinateReferenceSystem
    expected: int  # features QGIS would return, -1 when it does not know (OSM)


@dataclass
class Batch:
    """Features read together: geometries as WKB (object array or fixed-width ``V`` array) and columns."""

    wkb: object
    columns: dict
    n: int


# --- which way ---------------------------------------------------------------------------------


def ogr_plan(alg, parameters, name, context) -> Optional[OgrPlan]:
    """How GDAL can read parameter ``name``'s layer with QGIS's semantics, or None when only QGIS can."""
    value = parameters.get(name)
    fids = None
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.featureLimit != -1 or getattr(value, "filterExpression", "")
    ):
        return None
    layer = _vector_layer(alg, parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.isModified():
        return None
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
        fids = np.sort(np.fromiter(layer.selectedFeatureIds(), dtype=np.int64))
    subset = layer.subsetString() or ""
    if subset.lstrip().lower().startswith("select"):
        return None  # a full SQL query: QGIS runs it itself
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or file_stamp(path) is None:
        return None
    gdal_path = f"{parts.get('vsiPrefix') or ''}{path}{parts.get('vsiSuffix') or ''}"
    layer_name = parts.get("layerName") or None
    layer_id = parts.get("layerId") or 0
    if QgsWkbTypes.isCurvedType(layer.wkbType()):
        return None  # QGIS segmentizes curves its own way
    expected = len(fids) if fids is not None else layer.featureCount()
    return OgrPlan(gdal_path, path, str(layer_name) if layer_name else None, int(layer_id), subset, fids,
                   layer.crs(), int(expected))


def _vector_layer(alg, parameters, name, context):
    """The vector layer behind a feature-source parameter (a layer, a path, or a source definition)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        layer = QgsProcessingUtils.mapLayerFromString(value.source.valueAsString(context.expressionContext())[0],
                                                      context)
        return layer if isinstance(layer, QgsVectorLayer) else None
    return alg.parameterAsVectorLayer(parameters, name, context)


def file_stamp(path: str):
    """(size, modification time in ns) of the file behind ``path`` (``/vsigzip/`` and the like stripped;
    for a GeoPackage, its write-ahead log too), or None when it is not a local file."""
    while _VSI_PREFIX.match(path):
        path = _VSI_PREFIX.sub("/", path, count=1)
    candidate = path
    while candidate and not os.path.isfile(candidate):  # /vsizip/archive.zip/inner.shp: the archive
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return None
        candidate = parent
    if not candidate:
        return None
    stamps = []
    for file in (candidate, candidate + "-wal"):
        if os.path.isfile(file):
            info = os.stat(file)
            stamps.append((info.st_size, info.st_mtime_ns))
    return tuple(stamps)


# --- GDAL ----------------------------------------------------------------------------------------


def _open(plan: OgrPlan):
    from osgeo import gdal

    dataset = gdal.OpenEx(plan.path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None, None
    layer = dataset.GetLayerByName(plan.layer_name) if plan.layer_name else dataset.GetLayer(plan.layer_id)
    return dataset, layer


def ogr_batches(plan: OgrPlan, wanted, feedback=None, use_arrow: Optional[bool] = None):
    """Yield the ``Batch``es of the layer (its subset and selection applied), or raise ``LookupError`` when
    GDAL cannot read it as QGIS does, ``Canceled`` when the user stops. ``use_arrow``: force (True) or refuse
    (False) the Arrow interface."""
    from osgeo import ogr

    dataset, layer = _open(plan)
    if layer is None:
        raise LookupError("layer")
    definition = layer.GetLayerDefn()
    if definition.GetGeomFieldCount() != 1 or ogr.GT_IsNonLinear(layer.GetGeomType()):
        raise LookupError("geometry")
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if any(w not in fields for w in wanted):
        raise LookupError("fields")
    if plan.subset and layer.SetAttributeFilter(plan.subset) != 0:
        raise LookupError("subset")
    # the FID is always read: it selects features, and GDAL 3.6's Arrow reader returns empty geometries
    # when every attribute field is ignored without it
    layer.SetIgnoredFields([f for f in fields if f not in wanted])
    arrow = hasattr(layer, "GetArrowStreamAsNumPy") if use_arrow is None else use_arrow
    try:
        if arrow:
            yield from _arrow_batches(layer, wanted, plan.fids, feedback)
        else:
            yield from _feature_batches(layer, wanted, plan.fids, feedback)
    finally:
        layer.SetIgnoredFields([])
        layer.SetAttributeFilter(None)
        del layer, dataset


def _arrow_batches(layer, wanted, fids, feedback):
    stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", f"MAX_FEATURES_IN_BATCH={BATCH_FEATURES}"])
    if stream is None:
        raise LookupError("arrow")
    geometry = layer.GetGeometryColumn() or "wkb_geometry"
    fid_name = layer.GetFIDColumn() or "OGC_FID"
    for batch in stream:
        if feedback is not None and feedback.isCanceled():
            raise Canceled()
        if geometry not in batch:
            raise LookupError("arrow geometry")
        wkb = batch[geometry]
        columns = {w: batch[w] for w in wanted}
        n = len(wkb)
        if fids is not None:
            pick = np.isin(np.asarray(batch[fid_name], dtype=np.int64), fids)
            wkb = wkb[pick]
            columns = {w: c[pick] for w, c in columns.items()}
            n = int(pick.sum())
        yield Batch(wkb, columns, n)


def _feature_batches(layer, wanted, fids, feedback):
    """The same batches from OGR feature by feature (GDAL before 3.6)."""
    layer.ResetReading()
    wkbs, values = [], {w: [] for w in wanted}
    index = [layer.GetLayerDefn().GetFieldIndex(w) for w in wanted]
    selected = set(fids.tolist()) if fids is not None else None
    for feature in layer:
        if selected is not None and feature.GetFID() not in selected:
            continue
        geometry = feature.GetGeometryRef()
        wkbs.append(bytes(geometry.ExportToIsoWkb()) if geometry is not None else None)
        for w, i in zip(wanted, index):
            values[w].append(feature.GetField(i) if feature.IsFieldSetAndNotNull(i) else None)
        if len(wkbs) == BATCH_FEATURES:
            if feedback is not None and feedback.isCanceled():
                raise Canceled()
            yield Batch(wkbs, values, len(wkbs))
            wkbs, values = [], {w: [] for w in wanted}
    if wkbs:
        yield Batch(wkbs, values, len(wkbs))


def transform_xy(xy, source_crs, dest_crs, context):
    """Coordinates (N, 2) from ``source_crs`` to ``dest_crs`` in one call of GDAL's transformer, with the
    coordinate operation QGIS's transform context would use."""
    from osgeo import osr

    if source_crs == dest_crs or not len(xy):
        return xy
    operation = QgsCoordinateTransform(source_crs, dest_crs, context.transformContext()).coordinateOperation()

    def srs(crs):
        ref = osr.SpatialReference()
        ref.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019))
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return ref

    options = osr.CoordinateTransformationOptions()
    if operation:
        options.SetOperation(operation)
    transform = osr.CoordinateTransformation(srs(source_crs), srs(dest_crs), options)
    out = np.array(transform.TransformPoints(np.ascontiguousarray(xy, dtype=float)), dtype=float)
    return out[:, :2]


# --- QGIS ----------------------------------------------------------------------------------------


def wkb_of(geometry):
    """A QGIS geometry as WKB (curves segmentized), None when it is missing or empty."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return bytes(geometry.asWkb())


def qgis_batches(source, crs, context, wanted, feedback=None, check_validity=True, progress=None):
    """Yield ``Batch``es (WKB list, value lists) of a Processing feature source read through the QGIS API,
    in ``crs``; ``progress(fraction)`` is told how far it got. Raises ``Canceled`` when the user stops."""
    request = QgsFeatureRequest()
    names = source.fields().names()
    request.setSubsetOfAttributes([names.index(n) for n in wanted])
    if crs is not None and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    total = source.featureCount()
    iterator = source.getFeatures(request) if check_validity else source.getFeatures(request, SKIP_GEOMETRY_CHECKS)
    curved = QgsWkbTypes.isCurvedType(source.wkbType())
    positions = [names.index(n) for n in wanted]
    wkbs, values, done = [], {w: [] for w in wanted}, 0
    for feature in iterator:
        wkbs.append(wkb_of(feature.geometry()) if curved else feature.geometry().asWkb().data())
        if positions:
            attrs = feature.attributes()
            for w, pos in zip(wanted, positions):
                value = attrs[pos]
                values[w].append(None if isinstance(value, QVariant) else value)  # NULL stays a QVariant
        if len(wkbs) == BATCH_FEATURES // 4:
            done += len(wkbs)
            if feedback is not None and feedback.isCanceled():
                raise Canceled()
            if progress is not None and total and total > 0:
                progress(done / total)
            yield Batch(wkbs, values, len(wkbs))
            wkbs, values = [], {w: [] for w in wanted}
    if wkbs:
        if progress is not None:
            progress(1.0)
        yield Batch(wkbs, values, len(wkbs))
