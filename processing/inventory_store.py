"""The inventory GeoPackage on the QGIS side: conversions between QGIS values and Python values, and the
creation, reading and in-place update of its two layers ``friches`` (points) and ``friches_emprises``
(polygons).

Why a module of its own: ``friches:import_inventory`` merges imports into the GeoPackage and the dock
panel edits the same file; both must create the layers with the same fields and read values the same
way. The merge *rule* (which value wins) lives in ``core.inventory.merge_site``; this module only applies
its decisions. It never deletes a feature and never touches a field it does not know (later algorithms
add their own per-site fields to ``friches``).
"""

import datetime
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..compat import WKB_MULTIPOLYGON, WKB_POINT
from ..core import cnig_friches
from ..core.inventory import StoredSite
from .inventory_schema import inventory_fields, polygon_fields

# --------------------------------------------------------------------------------------------------
# Values and geometries
# --------------------------------------------------------------------------------------------------


def py_value(value):
    """A QGIS attribute value as a plain Python value: NULL → None, QDate → ``datetime.date``,
    QDateTime → ``datetime.datetime``, QTime → ``"HH:MM:SS"``."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else py_value(value.value())
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return datetime.date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, QTime):
        return value.toString("HH:mm:ss") if value.isValid() else None
    return value


def qt_value(value):
    """A Python value as a QGIS attribute value (dates as QDate, None as NULL)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
    if isinstance(value, datetime.date):
        return QDate(value.year, value.month, value.day)
    return value


def to_shapely(geometry):
    """A QgsGeometry as a 2D shapely geometry (curves segmentised); None when null or empty."""
    import shapely

    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    geom = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(geom.wkbType()):
        geom = QgsGeometry(geom.constGet().segmentize())
    out = shapely.from_wkb(bytes(geom.asWkb()))
    out = shapely.force_2d(out)
    return None if out is None or out.is_empty else out


def to_qgs(geom):
    """A shapely geometry as a QgsGeometry (an empty QgsGeometry for None)."""
    import shapely

    out = QgsGeometry()
    if geom is not None:
        out.fromWkb(shapely.to_wkb(geom))
    return out


def shapely_transform(source_crs, dest_crs, transform_context):
    """A function shapely → shapely reprojecting from ``source_crs`` to ``dest_crs`` (identity when
    they are the same). Raises ``QgsCsException`` when a geometry cannot be transformed."""
    if not source_crs.isValid() or source_crs == dest_crs:
        return lambda geom: geom
    transform = QgsCoordinateTransform(source_crs, dest_crs, transform_context)

    def run(geom):
        qgs = to_qgs(geom)
        qgs.transform(transform)
        return to_shapely(qgs)

    return run


# --------------------------------------------------------------------------------------------------
# The GeoPackage
# --------------------------------------------------------------------------------------------------


def layer_uri(path, layer_name=cnig_friches.INVENTORY_LAYER):
    return f"{path}|layername={layer_name}"


def gpkg_layer_names(path):
    """Names of the vector layers of a GeoPackage ([] when the file does not exist)."""
    if not os.path.exists(path):
        return []
    from osgeo import ogr

    ds = ogr.Open(path)
    if ds is None:
        return []
    try:
        return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    finally:
        ds = None


class InventoryStoreError(Exception):
    """Creating, opening or writing the GeoPackage failed (the message names the file and layer)."""


class InventoryStore:
    """The two layers of an inventory GeoPackage, created when missing.

    ``open()`` creates the file and/or the missing layers (in ``crs``) and adds the inventory fields a
    layer lacks (an inventory made by an older version); an existing layer keeps its own CRS, fields
    and features.
    """

    def __init__(self, path, crs, transform_context=None):
        self.path = str(path)
        self.crs = crs
        self.transform_context = transform_context or QgsCoordinateTransformContext()
        self.points = None
        self.polygons = None
        self.created = []  # names of the layers created by open()
        self.added_fields = []

    # -- creation ---------------------------------------------------------------------------------------
    def open(self):
        existing = gpkg_layer_names(self.path)
        for name, fields, wkb in (
            (cnig_friches.INVENTORY_LAYER, inventory_fields(), WKB_POINT),
            (cnig_friches.POLYGON_LAYER, polygon_fields(), WKB_MULTIPOLYGON),
        ):
            if name not in existing:
                self._create_layer(name, fields, wkb, file_exists=os.path.exists(self.path))
                self.created.append(name)
        self.points = self._load(cnig_friches.INVENTORY_LAYER)
        self.polygons = self._load(cnig_friches.POLYGON_LAYER)
        self._add_missing_fields(self.points, inventory_fields())
        self._add_missing_fields(self.polygons, polygon_fields())
        return self

    def _create_layer(self, name, fields, wkb, file_exists):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (
            QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            if file_exists
            else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        )
        folder = os.path.dirname(os.path.abspath(self.path))
        if folder and not os.path.isdir(folder):
            os.makedirs(folder, exist_ok=True)
        writer = QgsVectorFileWriter.create(self.path, fields, wkb, self.crs, self.transform_context, options)
        message = writer.errorMessage() if writer is not None else ""
        del writer  # closes the file
        if name not in gpkg_layer_names(self.path):
            raise InventoryStoreError(f"{self.path} ({name}): {message}")

    def _load(self, name):
        layer = QgsVectorLayer(layer_uri(self.path, name), name, "ogr")
        if not layer.isValid():
            raise InventoryStoreError(f"{self.path} ({name})")
        return layer

    def _add_missing_fields(self, layer, wanted):
        have = set(layer.fields().names())
        missing = [wanted.at(i) for i in range(wanted.count()) if wanted.at(i).name() not in have]
        if missing:
            if not layer.dataProvider().addAttributes(missing):
                raise InventoryStoreError(f"{self.path} ({layer.name()}): " + "; ".join(layer.dataProvider().errors()))
            layer.updateFields()
            self.added_fields.extend(f"{layer.name()}.{f.name()}" for f in missing)

    @property
    def layer_crs(self):
        return self.points.crs() if self.points is not None else QgsCoordinateReferenceSystem()

    # -- reading ----------------------------------------------------------------------------------------
    def read_sites(self, field_names=None):
        """``{site_id: (StoredSite, point fid, polygon fid or None)}``; the first feature wins when an
        id is stored twice."""
        names = [n for n in (field_names or inventory_fields().names()) if n in self.points.fields().names()]
        idx = {n: self.points.fields().indexOf(n) for n in names}
        out = {}
        for feat in self.points.getFeatures(QgsFeatureRequest()):
            sid = py_value(feat.attribute("site_id"))
            if sid in (None, "") or sid in out:
                continue
            values = {n: py_value(feat.attribute(i)) for n, i in idx.items()}
            out[sid] = [StoredSite(values, to_shapely(feat.geometry()), None), feat.id(), None]
        for feat in self.polygons.getFeatures(QgsFeatureRequest()):
            sid = py_value(feat.attribute("site_id"))
            if sid in out and out[sid][2] is None:
                out[sid][0].polygon = to_shapely(feat.geometry())
                out[sid][2] = feat.id()
        return {k: tuple(v) for k, v in out.items()}

    # -- writing ----------------------------------------------------------------------------------------
    def apply(self, decisions, stored):
        """Write merge decisions ``[(site_id, MergeDecision)]`` (``add`` / ``update``; others are
        ignored). ``stored`` is what :meth:`read_sites` returned. Never deletes a feature."""
        pt_fields = self.points.fields()
        pg_fields = self.polygons.fields()
        new_points, new_polygons = [], []
        attr_changes, geom_changes = {}, {}
        pg_attr_changes, pg_geom_changes = {}, {}
        for sid, decision in decisions:
            if decision.action == "add":
                feat = QgsFeature(pt_fields)
                for name, value in decision.values.items():
                    i = pt_fields.indexOf(name)
                    if i >= 0:
                        feat.setAttribute(i, qt_value(value))
                feat.setGeometry(to_qgs(decision.point))
                new_points.append(feat)
                if decision.polygon is not None:
                    new_polygons.append(self._polygon_feature(pg_fields, decision.values, decision.polygon))
            elif decision.action == "update":
                _site, pt_fid, pg_fid = stored[sid]
                changes = {}
                for name in decision.changed:
                    i = pt_fields.indexOf(name)
                    if i >= 0:
                        changes[i] = qt_value(decision.values.get(name))
                if changes:
                    attr_changes[pt_fid] = changes
                if decision.point is not None:
                    geom_changes[pt_fid] = to_qgs(decision.point)
                if pg_fid is None:
                    if decision.polygon is not None:
                        new_polygons.append(self._polygon_feature(pg_fields, decision.values, decision.polygon))
                else:
                    if decision.polygon is not None:
                        pg_geom_changes[pg_fid] = to_qgs(decision.polygon)
                    pg_changes = {}
                    for name in ("site_nom", "site_surface"):
                        i = pg_fields.indexOf(name)
                        if i >= 0 and name in decision.changed:
                            pg_changes[i] = qt_value(decision.values.get(name))
                    if pg_changes:
                        pg_attr_changes[pg_fid] = pg_changes
        self._commit(self.points, new_points, attr_changes, geom_changes)
        self._commit(self.polygons, new_polygons, pg_attr_changes, pg_geom_changes)

    @staticmethod
    def _polygon_feature(fields, values, polygon):
        feat = QgsFeature(fields)
        for name in ("site_id", "site_nom", "site_surface"):
            i = fields.indexOf(name)
            if i >= 0:
                feat.setAttribute(i, qt_value(values.get(name)))
        feat.setGeometry(to_qgs(polygon))
        return feat

    def _commit(self, layer, new, attr_changes, geom_changes):
        provider = layer.dataProvider()
        ok = True
        if attr_changes:
            ok = provider.changeAttributeValues(attr_changes) and ok
        if geom_changes:
            ok = provider.changeGeometryValues(geom_changes) and ok
        if new:
            ok = provider.addFeatures(new)[0] and ok
        if not ok:
            raise InventoryStoreError(f"{self.path} ({layer.name()}): " + "; ".join(provider.errors()))
        if attr_changes or geom_changes or new:
            layer.updateExtents()
