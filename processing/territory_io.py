"""Reading national files a piece at a time and writing the prepared territory's GeoPackage.

Why GDAL/OGR directly (QGIS ships it): a BD TOPO département (300,000 roads) or the Filosofi grid of
France (2.3 million cells) must never be loaded whole. OGR reads a file through its spatial index with a
filter on the area's bounding box (GeoPackage, shapefile with .qix) or streams it (CSV, OSM), and writes
the GeoPackage in one transaction with its spatial index built once at the end. Features are handled in
batches: geometries are reprojected to Lambert-93 by OGR, tested against the area with shapely (vectorised,
prepared polygon) and copied with their attributes untouched (same field names and types), lines cut at
the area's edge. Every feature read is counted as kept, cut or dropped (outside, no geometry, unreadable)
for the report.

Sources that are not plain files (a memory layer, PostGIS, a selection) are first extracted by QGIS
(``native:extractbyextent`` on the area's box) into a temporary GeoPackage, then read the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Dict, List, Optional

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingFeatureSourceDefinition, QgsProviderRegistry
from qgis.PyQt.QtCore import QUrl

from ..core.progress import Canceled, Progress
from ..translation import tr
from .base import core_progress

BATCH = 20_000
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")

# report statuses
WRITTEN = "written"
EMPTY = "empty"
MISSING = "missing"


@dataclass
class LayerCounts:
    """What became of one layer: features read (within the area's box), kept, cut at the edge, dropped."""

    layer: str
    source: str = ""
    status: str = WRITTEN
    read: int = 0
    kept: int = 0
    clipped: int = 0
    outside: int = 0
    no_geometry: int = 0
    invalid: int = 0
    note: str = ""

    def add_note(self, text: str) -> None:
        self.note = f"{self.note} {text}".strip() if self.note else text


REPORT_FIELDS = (("layer", "string"), ("status", "string"), ("source", "string"), ("features_read", "int"),
                 ("features_kept", "int"), ("features_clipped", "int"), ("dropped_outside", "int"),
                 ("dropped_no_geometry", "int"), ("dropped_unreadable", "int"), ("note", "string"))


def report_row(counts: LayerCounts) -> list:
    return [counts.layer, counts.status, counts.source, counts.read, counts.kept, counts.clipped, counts.outside,
            counts.no_geometry, counts.invalid, counts.note]


# --------------------------------------------------------------------------------------------------
# CRS
# --------------------------------------------------------------------------------------------------


def _srs(definition):
    from osgeo import osr

    srs = osr.SpatialReference()
    if isinstance(definition, int):
        srs.ImportFromEPSG(definition)
    else:
        srs.SetFromUserInput(str(definition))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def lambert93():
    return _srs(2154)


class Reprojector:
    """Coordinates and shapely geometries from one CRS to another (x, y order whatever the CRS says)."""

    def __init__(self, source, target):
        from osgeo import osr

        self.source = source if not isinstance(source, (int, str)) else _srs(source)
        self.target = target if not isinstance(target, (int, str)) else _srs(target)
        self.same = bool(self.source.IsSame(self.target))
        self.ct = None if self.same else osr.CoordinateTransformation(self.source, self.target)

    def xy(self, x, y):
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if self.same or not len(x):
            return x, y
        pts = np.asarray(self.ct.TransformPoints(np.column_stack([x, y])), dtype=float)
        return pts[:, 0], pts[:, 1]

    def _coords(self, coords):
        x, y = self.xy(coords[:, 0], coords[:, 1])
        out = coords.copy()
        out[:, 0], out[:, 1] = x, y
        return out

    def geoms(self, geoms):
        import shapely

        if self.same:
            return geoms
        return shapely.transform(np.asarray(geoms, dtype=object), self._coords)


# --------------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------------


@dataclass
class SourceRef:
    """A file to read: ``kind`` 'ogr' (any vector file GDAL opens) or 'csv' (text read by the plugin),
    its ``path``, the ``layer`` name in it (None: the first), and a ``label`` for the report."""

    kind: str
    path: str
    layer: Optional[str] = None
    label: str = ""


def _local_file(value: str) -> Optional[SourceRef]:
    parts = QgsProviderRegistry.instance().decodeUri("ogr", value)
    path = parts.get("path") or ""
    if not path or not os.path.exists(path):
        return None
    kind = "csv" if path.lower().endswith(CSV_EXTENSIONS) else "ogr"
    return SourceRef(kind, path, parts.get("layerName") or None, os.path.basename(path))


def resolve_source(alg, parameters, name, context, bbox_l93, folder, feedback) -> Optional[SourceRef]:
    """The file behind parameter ``name``, or a temporary GeoPackage QGIS extracts from a layer that is
    not a plain file (memory, database, selection); None when the parameter is empty."""
    value = parameters.get(name)
    if value is None or value == "":
        return None
    plain = not isinstance(value, QgsProcessingFeatureSourceDefinition) or not (
        value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""))
    if isinstance(value, str) and plain:
        found = _local_file(value)
        if found is not None and context.getMapLayer(value) is None:
            return found
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is not None and plain and not layer.subsetString() and not layer.isModified():
        provider = layer.providerType()
        if provider == "ogr":
            found = _local_file(layer.source())
            if found is not None:
                found.label = layer.name() or found.label
                return found
        if provider == "delimitedtext":
            path = QUrl(layer.source()).toLocalFile()
            if path and os.path.exists(path):
                return SourceRef("csv", path, None, layer.name() or os.path.basename(path))
    # anything else: QGIS extracts the features on the area's box into a temporary GeoPackage
    from qgis import processing

    out = os.path.join(folder, f"extract_{name.lower()}.gpkg")
    minx, miny, maxx, maxy = bbox_l93
    try:
        processing.run("native:extractbyextent", {
            "INPUT": value, "EXTENT": f"{minx},{maxx},{miny},{maxy} [EPSG:2154]", "CLIP": False, "OUTPUT": out,
        }, context=context, feedback=None, is_child_algorithm=True)
    except QgsProcessingException as exc:
        raise QgsProcessingException(tr("Could not read the layer given as {param}: {error}").format(
            param=name, error=str(exc))) from exc
    label = layer.name() if layer is not None else str(value)
    return SourceRef("ogr", out, None, label)


_KINDS = {1: "point", 4: "point", 2: "line", 5: "line", 3: "polygon", 6: "polygon"}  # flat OGR types


def geometry_kind(layer) -> Optional[str]:
    from osgeo import ogr

    return _KINDS.get(ogr.GT_Flatten(layer.GetGeomType()))


def open_layer(ref: SourceRef, open_options=(), expect: Optional[str] = None):
    """(dataset, layer) of ``ref``; without a layer name, the first layer of the ``expect``ed geometry kind
    (an OpenStreetMap file's ``lines`` for roads, not its ``points``). QgsProcessingException naming the
    file when GDAL cannot open it."""
    from osgeo import gdal

    try:
        dataset = gdal.OpenEx(ref.path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=list(open_options))
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise QgsProcessingException(tr("GDAL cannot open {path} as a vector file.").format(path=ref.path))
    if ref.layer:
        layer = dataset.GetLayerByName(ref.layer)
    else:
        layers = [dataset.GetLayer(i) for i in range(dataset.GetLayerCount())]
        matching = [lyr for lyr in layers if expect is not None and geometry_kind(lyr) == expect]
        layer = matching[0] if matching else (layers[0] if layers else None)
    if layer is None:
        raise QgsProcessingException(tr("{path} has no layer {layer}.").format(path=ref.path, layer=ref.layer or 0))
    return dataset, layer


#: Open options that make GDAL's CSV driver read points from coordinate or WKT columns (BPE: LAMBERT_X /
#: LAMBERT_Y; tiers-lieux files: longitude / latitude).
CSV_POINT_OPTIONS = ("X_POSSIBLE_NAMES=lambert_x,x,longitude,lon,long,lng",
                     "Y_POSSIBLE_NAMES=lambert_y,y,latitude,lat",
                     "GEOM_POSSIBLE_NAMES=geom,geometry,wkt,the_geom,geompoint", "KEEP_GEOM_COLUMNS=YES",
                     "AUTODETECT_TYPE=YES")


def utf8_copy(path: str, folder: str) -> str:
    """``path`` itself when it is UTF-8, else a UTF-8 copy in ``folder`` (a windows-1252 BPE file), streamed."""
    from ..core.territory.text_sources import sniff

    encoding, _delimiter, _header = sniff(path)
    if encoding == "utf-8-sig":
        return path
    out = os.path.join(folder, "utf8_" + os.path.basename(path))
    with open(path, encoding=encoding, errors="replace", newline="") as src, \
            open(out, "w", encoding="utf-8", newline="") as dst:
        for line in src:
            dst.write(line)
    return out


def guess_srs(layer):
    """The layer's CRS, or a guess for files without one (CSV): degrees -> WGS 84, metres -> Lambert-93.
    Returns (srs, note)."""
    srs = layer.GetSpatialRef()
    if srs is not None:
        srs = srs.Clone()
        from osgeo import osr

        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs, ""
    largest = 0.0
    for k, feature in enumerate(layer):  # the first features tell degrees from metres
        geometry = feature.GetGeometryRef()
        if geometry is not None and not geometry.IsEmpty():
            minx, maxx, miny, maxy = geometry.GetEnvelope()
            largest = max(largest, abs(minx), abs(maxx), abs(miny), abs(maxy))
        if k >= 1000:
            break
    layer.ResetReading()
    if largest <= 180.0:
        return _srs(4326), tr("No CRS declared: coordinates read as longitude / latitude (WGS 84).")
    return lambert93(), tr("No CRS declared: coordinates read as Lambert-93 (EPSG:2154).")


# --------------------------------------------------------------------------------------------------
# The GeoPackage being written
# --------------------------------------------------------------------------------------------------

_OGR_KINDS = {"string": "OFTString", "int": "OFTInteger", "int64": "OFTInteger64", "double": "OFTReal",
              "bool": "OFTInteger", "date": "OFTDate", "binary": "OFTBinary"}


class GeoPackageWriter:
    """One GeoPackage written layer after layer (a new file; the caller renames it when complete)."""

    def __init__(self, path: str):
        from osgeo import ogr

        if os.path.exists(path):
            os.remove(path)
        self.path = path
        self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        if self.ds is None:
            raise QgsProcessingException(tr("Could not create the GeoPackage {path}.").format(path=path))
        self.l93 = lambert93()
        self._unindexed = []

    def close(self):
        """Build the spatial indexes of the layers written since the last close, then close the file. The
        layers are written without one (GDAL would build it when the dataset is released, also when a
        failed or canceled run drops the file: a second of CPU for a département's cells)."""
        if self.ds is not None:
            for name in self._unindexed:
                layer = self.ds.GetLayerByName(name)
                if layer is not None and layer.GetGeometryColumn():
                    result = self.ds.ExecuteSQL(f"SELECT CreateSpatialIndex('{name}', '{layer.GetGeometryColumn()}')")
                    if result is not None:
                        self.ds.ReleaseResultSet(result)
        self._unindexed = []
        self.ds = None

    def reopen(self):
        from osgeo import ogr

        if self.ds is None:
            self.ds = ogr.Open(self.path, 1)

    def has(self, name: str) -> bool:
        self.reopen()
        return self.ds.GetLayerByName(name) is not None

    def _create(self, name, geometry_type, field_defns, srs=None):
        self.reopen()
        if self.ds.GetLayerByName(name) is not None:
            self.ds.DeleteLayer(name)
        layer = self.ds.CreateLayer(name, srs if srs is not None else self.l93, geometry_type,
                                    options=["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom"])
        if name not in self._unindexed:
            self._unindexed.append(name)
        for defn in field_defns:
            layer.CreateField(defn)
        # the table made now, outside the transaction the features are written in: GDAL defers it otherwise,
        # and a canceled copy rolls the table back while GDAL still means to add its triggers on closing
        layer.SyncToDisk()
        return layer

    @staticmethod
    def field_defn(name: str, kind: str):
        from osgeo import ogr

        defn = ogr.FieldDefn(name, getattr(ogr, _OGR_KINDS[kind]))
        if kind == "bool":
            defn.SetSubType(ogr.OFSTBoolean)
        return defn

    def write_table(self, name: str, fields, rows) -> int:
        """A table without geometry: ``fields`` [(name, kind)], ``rows`` lists of values."""
        from osgeo import ogr

        layer = self._create(name, ogr.wkbNone, [self.field_defn(n, k) for n, k in fields])
        defn = layer.GetLayerDefn()
        count = 0
        self.ds.StartTransaction()
        for row in rows:
            feature = ogr.Feature(defn)
            for i, ((_name, kind), value) in enumerate(zip(fields, row)):
                if value is None:
                    continue
                if kind == "binary":
                    feature.SetFieldBinaryFromHexString(i, bytes(value).hex())
                else:
                    feature.SetField(i, value)
            layer.CreateFeature(feature)
            count += 1
        self.ds.CommitTransaction()
        return count

    # -- copying a file --------------------------------------------------------------------------------
    def copy(self, ref: SourceRef, name: str, inside, clip: bool, progress: Progress, counts: LayerCounts,
             lower_case: bool = False, open_options=(), expect=None, only_with=None) -> LayerCounts:
        """Copy the features of ``ref`` that meet the area into layer ``name``: reprojected to Lambert-93,
        attributes as they are (field names lower-cased when ``lower_case``), lines or polygons cut at the
        area's edge when ``clip`` (else whole). ``expect``: 'line', 'polygon' or 'point' to refuse a file
        of another geometry type; ``only_with``: a field that must be set for a feature to be read, when the
        source has it (``highway`` of an OpenStreetMap file: its other lines are rivers, railways, walls).
        Raises Canceled."""
        from osgeo import ogr

        dataset, layer = open_layer(ref, open_options, expect)
        source_srs, note = guess_srs(layer)
        if note:
            counts.add_note(note)
        to_l93 = Reprojector(source_srs, self.l93)
        back = Reprojector(self.l93, source_srs)
        # the area's box in the source CRS (edges densified so that the box contains the curved image)
        box = densified_box(inside.polygon, back)
        layer.SetSpatialFilterRect(*box)
        defn = layer.GetLayerDefn()
        if only_with and defn.GetFieldIndex(only_with) >= 0:
            layer.SetAttributeFilter(f'"{only_with}" IS NOT NULL')
            counts.add_note(tr("Only the lines with a {field} value (an OpenStreetMap file also holds rivers, "
                               "railways, walls).").format(field=only_with))
        geom_type = layer.GetGeomType()
        kind = geometry_kind(layer)
        if expect is not None and kind is not None and kind != expect:
            words = {"point": tr("points"), "line": tr("lines"), "polygon": tr("polygons")}
            raise QgsProcessingException(tr("{source} holds {kind} where {expected} were expected.").format(
                source=ref.label or ref.path, kind=words[kind], expected=words[expect]))
        out_type = geom_type if kind == "point" or kind is None else ogr.GT_GetCollection(geom_type)
        if kind is None:
            out_type = ogr.wkbUnknown
        source_defn = layer.GetLayerDefn()
        defns = []
        for i in range(source_defn.GetFieldCount()):
            original = source_defn.GetFieldDefn(i)
            defns.append(copy_field(original, original.GetName().lower() if lower_case else None))
        out_layer = self._create(name, out_type, defns)
        out_defn = out_layer.GetLayerDefn()
        field_map = list(range(source_defn.GetFieldCount()))
        total = layer.GetFeatureCount(0)
        writer = _BatchWriter(self.ds, out_layer, out_defn, field_map, out_type, kind, inside, clip, counts)
        self.ds.StartTransaction()
        try:
            for feature in layer:
                counts.read += 1
                geometry = feature.GetGeometryRef()
                if geometry is None or geometry.IsEmpty():
                    counts.no_geometry += 1
                    continue
                if not to_l93.same:
                    try:  # GDAL raises or returns an error code, as its exception mode says
                        failed = geometry.Transform(to_l93.ct) != 0
                    except RuntimeError:
                        failed = True
                    if failed:
                        counts.invalid += 1
                        continue
                writer.add(feature, geometry)
                if writer.full():
                    writer.flush()
                    if progress.canceled:
                        raise Canceled()
                    if total and total > 0:
                        progress.set(counts.read / total)
            writer.flush()
            self.ds.CommitTransaction()
        except BaseException:
            self.ds.RollbackTransaction()
            raise
        finally:
            layer.SetSpatialFilter(None)
            layer.SetAttributeFilter(None)
            dataset = None  # noqa: F841
        progress.set(1.0)
        counts.status = WRITTEN if counts.kept else EMPTY
        return counts

    # -- writing features made in Python ------------------------------------------------------------------
    def write_features(self, name: str, kind: str, fields, rows, geoms_l93, inside, clip: bool,
                       counts: LayerCounts, dimension_z: bool = False) -> LayerCounts:
        """Layer ``name`` from Python rows: ``fields`` [(name, kind)], ``rows`` lists of values and
        ``geoms_l93`` shapely geometries in Lambert-93 (None when missing), kept when they meet the area."""
        import shapely
        from osgeo import ogr

        base = {"point": ogr.wkbPoint, "line": ogr.wkbMultiLineString, "polygon": ogr.wkbMultiPolygon}[kind]
        out_type = ogr.GT_SetZ(base) if dimension_z else base
        out_layer = self._create(name, out_type, [self.field_defn(n, k) for n, k in fields])
        defn = out_layer.GetLayerDefn()
        geoms = np.asarray(geoms_l93, dtype=object)
        present = np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)
        counts.read += len(geoms)
        counts.no_geometry += int((~present).sum())
        hit, within = inside.classify(np.where(present, geoms, None))
        counts.outside += int((present & ~hit).sum())
        final = geoms.copy()
        cut = np.flatnonzero(hit & ~within) if clip and kind != "point" else np.zeros(0, dtype=int)
        if len(cut):
            final[cut] = _same_dimension(inside.clip(geoms[cut]), kind)
            counts.clipped += int(sum(1 for g in final[cut] if g is not None))
        self.ds.StartTransaction()
        for i in np.flatnonzero(hit):
            geom = final[i]
            if geom is None:
                counts.outside += 1
                continue
            feature = ogr.Feature(defn)
            for j, value in enumerate(rows[i]):
                if value is not None:
                    feature.SetField(j, value)
            ogr_geom = ogr.CreateGeometryFromWkb(shapely.to_wkb(geom))
            if kind != "point":
                ogr_geom = ogr.ForceTo(ogr_geom, out_type)
            feature.SetGeometryDirectly(ogr_geom)
            out_layer.CreateFeature(feature)
            counts.kept += 1
        self.ds.CommitTransaction()
        counts.status = WRITTEN if counts.kept else EMPTY
        return counts


def copy_field(original, name=None):
    """A new OGR field definition like ``original`` (type, sub-type, width, precision), renamed."""
    from osgeo import ogr

    defn = ogr.FieldDefn(name or original.GetName(), original.GetType())
    defn.SetSubType(original.GetSubType())
    defn.SetWidth(original.GetWidth())
    defn.SetPrecision(original.GetPrecision())
    return defn


def densified_box(polygon, reproject: Reprojector):
    import shapely

    if reproject.same:
        return polygon.bounds
    ring = shapely.segmentize(shapely.envelope(polygon).exterior, max(1.0, polygon.length / 400.0))
    coords = np.asarray(ring.coords)
    x, y = reproject.xy(coords[:, 0], coords[:, 1])
    dx, dy = (x.max() - x.min()) * 0.01, (y.max() - y.min()) * 0.01
    return x.min() - dx, y.min() - dy, x.max() + dx, y.max() + dy


def _same_dimension(geoms, kind):
    """Only the parts of the layer's dimension (a line cut at the edge may also touch it at a point)."""
    import shapely

    wanted = {"line": ("LineString", "MultiLineString"), "polygon": ("Polygon", "MultiPolygon")}[kind]
    out = np.empty(len(geoms), dtype=object)
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            out[i] = None
        elif geom.geom_type in wanted:
            out[i] = geom
        else:
            parts = [p for p in shapely.get_parts(geom) if p.geom_type in wanted and not p.is_empty]
            out[i] = shapely.union_all(parts) if parts else None
    return out


class _BatchWriter:
    """Features collected by batch, tested against the area at once, then written."""

    def __init__(self, ds, out_layer, out_defn, field_map, out_type, kind, inside, clip, counts):
        self.ds, self.out_layer, self.out_defn = ds, out_layer, out_defn
        self.field_map, self.out_type, self.kind = field_map, out_type, kind
        self.inside, self.clip, self.counts = inside, clip and kind in ("line", "polygon"), counts
        self.features: List = []
        self.wkbs: List[bytes] = []

    def add(self, feature, geometry):
        self.features.append(feature)
        self.wkbs.append(bytes(geometry.ExportToIsoWkb()))

    def full(self) -> bool:
        return len(self.features) >= BATCH

    def flush(self):
        import shapely
        from osgeo import ogr

        if not self.features:
            return
        geoms = shapely.from_wkb(np.array(self.wkbs, dtype=object), on_invalid="ignore")
        counts = self.counts
        unreadable = np.array([g is None for g in geoms], dtype=bool)
        counts.invalid += int(unreadable.sum())
        hit, within = self.inside.classify(geoms)
        counts.outside += int((~hit & ~unreadable).sum())
        cut: Dict[int, Optional[bytes]] = {}
        if self.clip:
            idx = np.flatnonzero(hit & ~within)
            if len(idx):
                pieces = _same_dimension(self.inside.clip(geoms[idx]), self.kind)
                for i, piece in zip(idx.tolist(), pieces):
                    cut[i] = None if piece is None else shapely.to_wkb(piece, output_dimension=3)
        multi = self.kind in ("line", "polygon")
        for i in np.flatnonzero(hit).tolist():
            feature = self.features[i]
            out = ogr.Feature(self.out_defn)
            out.SetFromWithMap(feature, 1, self.field_map)
            if i in cut:
                if cut[i] is None:  # touches the area only at a point
                    counts.outside += 1
                    continue
                geometry = ogr.CreateGeometryFromWkb(cut[i])
                counts.clipped += 1
            else:
                geometry = feature.GetGeometryRef().Clone()
            if multi:
                geometry = ogr.ForceTo(geometry, self.out_type)
            out.SetGeometryDirectly(geometry)
            self.out_layer.CreateFeature(out)
            counts.kept += 1
        self.features.clear()
        self.wkbs.clear()


def field_names(path: str, layer_name: str) -> List[str]:
    """Field names of a layer of a GeoPackage ([] when there is no such layer)."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(layer_name) if dataset is not None else None
    if layer is None:
        return []
    defn = layer.GetLayerDefn()
    return [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]


def progress_of(feedback, start: float, end: float) -> Progress:
    """A core Progress reporting into ``feedback`` between the fractions ``start`` and ``end`` of the run."""
    return core_progress(feedback, 100.0 * start, 100.0 * end)
