"""The inventory store: one interface over the two places an inventory can live, a GeoPackage
(``inventory_gpkg``) or PostgreSQL/PostGIS tables (``inventory_postgis``), plus the conversions between
QGIS values and Python values that every algorithm uses.

Why one interface: ``friches:import_inventory`` merges imports, the inventory panel's form saves one
site, ``friches:inventory_at_date`` and the monitoring algorithms read the history; all of them must
behave the same on both back-ends:

- **one transaction** per write (a merge, a form save): the sites, their polygons and the history rows
  are all written or none is (a process killed or a connection lost in the middle leaves the state
  before);
- **history of every change**, written by triggers of the database itself (SQLite triggers in the
  GeoPackage, PL/pgSQL triggers in PostGIS), so that edits made by any client are kept: one row per
  changed field with site_id, field, old and new value, changed_at (UTC), changed_by (the database
  role, else the operating-system user) and source (``import: <file>``, ``form``, ``other``);
- **a version number per site**, raised by the triggers on every change: a write is refused with
  :class:`VersionConflict` (naming the site, the other author and the time) when a site changed since
  it was read, so that two technicians never overwrite each other's work.

The merge *rule* (which value wins) lives in ``core.inventory.merge_site``; the stores only apply its
decisions. They never delete a site and never touch a field they do not know.
"""

import datetime
import getpass
import os
from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..core import cnig_friches
from ..core import history as hist
from ..translation import tr
from .inventory_schema import EXTRA_KINDS, field_kind

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



# --------------------------------------------------------------------------------------------------
# Fields of the inventory
# --------------------------------------------------------------------------------------------------

#: Columns the stores add to the sites table (never CNIG attributes).
VERSION_FIELD = "version"
#: Kinds of values: string, int, double, date, bool (as ``compat.make_field`` names them).
KINDS = ("string", "int", "double", "date", "bool")


def inventory_kinds() -> dict:
    """``{field: kind}`` of the sites table: every CNIG attribute, then the plugin's extra fields."""
    out = {spec.name: field_kind(spec) for spec in cnig_friches.attribute_fields()}
    out.update({name: EXTRA_KINDS[name] for name in cnig_friches.EXTRA_FIELDS})
    return out


POLYGON_KINDS = {"site_id": "string", "site_nom": "string", "site_surface": "double"}

#: Which stored kinds can hold the values of an expected kind without loss (a text site_id in an
#: INTEGER column is written as 0: the case that must never happen silently).
COMPATIBLE = {
    "string": {"string"},
    "int": {"int", "double", "string"},
    "double": {"double", "string"},
    "date": {"date", "datetime", "string"},
    "bool": {"bool", "int", "string"},
}


def incompatible_fields(stored_kinds: dict, wanted: dict) -> list:
    """[(field, stored kind, expected kind)] for the fields whose column would damage the values."""
    bad = []
    for name, kind in wanted.items():
        have = stored_kinds.get(name)
        if have is not None and have not in COMPATIBLE[kind]:
            bad.append((name, have, kind))
    return bad


def typed_value(value, kind):
    """A stored value as the plugin's Python type for ``kind`` (dates as ``datetime.date``)."""
    value = py_value(value)
    if value is None or value == "":
        return None if value is None or kind != "string" else value
    try:
        if kind == "date":
            if isinstance(value, datetime.datetime):
                return value.date()
            if isinstance(value, datetime.date):
                return value
            return datetime.date.fromisoformat(str(value).replace("/", "-")[:10])
        if kind == "int":
            return int(value) if not isinstance(value, str) else int(float(value))
        if kind == "double":
            return float(value)
        if kind == "bool":
            return hist.value_from_text(str(value), "bool") if isinstance(value, str) else bool(value)
    except (TypeError, ValueError):
        return value
    return value


def scalar_literal(value, kind: str, true: str, false: str):
    """The SQL text of NULL, a boolean (``true`` / ``false``, as the database spells them), a whole number or
    a finite real; None when ``value`` is none of these (text, dates: each database quotes them its way)."""
    if value is None:
        return "NULL"
    if kind == "bool" or isinstance(value, bool):
        return true if value else false
    if kind == "int" and not isinstance(value, str):
        return str(int(value))
    if kind == "double" and not isinstance(value, str):
        value = float(value)
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else "NULL"
    return None


def os_user() -> str:
    """The operating-system user: who changed a GeoPackage (SQLite has no roles)."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


# --------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------


class InventoryStoreError(Exception):
    """Creating, opening or writing the inventory failed. ``code`` and ``params`` give the translated
    message (:func:`error_message`); ``str()`` is a plain English summary for logs of tests."""

    def __init__(self, code: str, **params):
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


class VersionConflict(InventoryStoreError):
    """A site changed (or was deleted, or added) by someone else since it was read: nothing written."""

    def __init__(self, site_id, changed_by=None, changed_at=None, what="changed"):
        super().__init__("conflict", site_id=site_id, changed_by=changed_by, changed_at=changed_at, what=what)
        self.site_id = site_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.what = what  # changed, deleted, added


def local_time_text(moment) -> str:
    """A UTC moment as local date and time for messages (``2024-03-01 14:05``)."""
    moment = hist.parse_timestamp(moment) if moment is not None else None
    if moment is None:
        return "?"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def error_message(exc: InventoryStoreError, where: str = "") -> str:
    """The translated text of a store error, naming the inventory ``where`` (never a password)."""
    p = dict(exc.params)
    if exc.code == "conflict":
        who = p.get("changed_by") or tr("someone else")
        when = local_time_text(p.get("changed_at"))
        if p.get("what") == "deleted":
            text = tr("Site {site} was deleted by {who} on {when} since you read it: nothing was saved.")
        elif p.get("what") == "added":
            text = tr("Site {site} was added by {who} on {when} since you read the inventory: nothing was saved.")
        else:
            text = tr("Site {site} was changed by {who} on {when} since you read it: nothing was saved, so that "
                      "neither change is lost. Reload the site (or run the import again) and redo your change.")
        return text.format(site=p.get("site_id"), who=who, when=when)
    templates = {
        "structure": tr("The inventory {where} exists with another structure; the plugin does not alter it. "
                        "{details}. Choose another table (or GeoPackage), or convert these columns yourself."),
        "locked": tr("The inventory {where} is being written by someone else right now (a site is locked): "
                     "nothing was saved. Try again in a moment."),
        "connection_lost": tr("The connection to the database was lost while writing the inventory {where}: "
                              "the database undid the whole transaction, nothing was saved ({error})."),
        "connection_failed": tr("Could not connect to the database of the inventory {where}: {error}"),
        "sql": tr("The database refused the change to the inventory {where}: {error}"),
        "open_failed": tr("Could not open or create the inventory {where}: {error}"),
        "write_failed": tr("Could not write the inventory {where}: nothing was saved ({error})."),
        "not_found": tr("The inventory {where} does not exist."),
        "no_site": tr("Site {site} is not in the inventory {where}."),
    }
    template = templates.get(exc.code, "{where}: {error}")
    p.setdefault("site", p.get("site_id", ""))
    p["where"] = where or p.get("where", "")
    if exc.code == "structure":
        p["details"] = structure_details(p.get("problems", []))
    return template.format_map(_Blank(p))


class _Blank(dict):
    """format_map helper: a missing parameter prints as nothing instead of raising."""

    def __missing__(self, key):
        return ""


def structure_details(problems) -> str:
    """Human text of structure problems [(code, params)] (translated)."""
    texts = []
    for code, params in problems:
        if code == "column_type":
            texts.append(tr("column {table}.{field} is {found}, the inventory needs {expected}").format(**params))
        elif code == "missing_column":
            texts.append(tr("column {table}.{field} is missing").format(**params))
        elif code == "missing_table":
            texts.append(tr("table {table} is missing").format(**params))
        elif code == "missing_trigger":
            texts.append(tr("the history trigger {trigger} is missing").format(**params))
        elif code == "table_exists":
            texts.append(tr("a table {table} already exists").format(**params))
        else:
            texts.append(f"{code} {params}")
    if len(texts) > 8:
        texts = [*texts[:8], tr("and {n} more").format(n=len(texts) - 8)]
    return "; ".join(texts)


# --------------------------------------------------------------------------------------------------
# The store interface
# --------------------------------------------------------------------------------------------------


@dataclass
class StoredRecord:
    """A site as stored: its values and geometries (``StoredSite``), its version and row ids."""

    site: object  # core.inventory.StoredSite
    version: int
    point_fid: Optional[int] = None
    polygon_fid: Optional[int] = None

    def __getitem__(self, i):  # (StoredSite, point fid, polygon fid), as read_sites() used to give
        return (self.site, self.point_fid, self.polygon_fid)[i]


#: Rows read between two calls of :attr:`InventoryStore.read_check`.
READ_CHECK_EVERY = 2000


class InventoryStore:
    """What both back-ends offer. ``open()`` creates what is missing (a new inventory) or checks what
    exists; afterwards :attr:`layer_crs` is the CRS of the stored geometries."""

    def __init__(self, location, crs=None, transform_context=None):
        self.location = location
        self.crs = crs if crs is not None else QgsCoordinateReferenceSystem("EPSG:2154")
        self.transform_context = transform_context
        self.created = []  # tables created by open()
        self.upgraded = []  # what open() added to an existing inventory (GeoPackage only)
        self.layer_crs = QgsCoordinateReferenceSystem()
        #: called every few thousand rows read; may raise (a cancel: ``core.progress.Canceled``)
        self.read_check = None

    def _check_reading(self) -> None:
        if self.read_check is not None:
            self.read_check()

    @property
    def where(self) -> str:
        return self.location.display

    def open(self, create: bool = True):
        raise NotImplementedError

    def read_sites(self, field_names=None) -> dict:
        """``{site_id: StoredRecord}``."""
        raise NotImplementedError

    def apply(self, decisions, stored, source: str) -> None:
        """Write merge decisions ``[(site_id, MergeDecision)]`` (``add`` / ``update``) in one transaction,
        refusing with :class:`VersionConflict` when a site changed since ``stored`` was read."""
        raise NotImplementedError

    def save_site(self, site_id: str, changes: dict, expected_version: int, source: str = hist.SOURCE_FORM) -> int:
        """Write ``changes`` ({field: Python value}) to one site in one transaction, if its version is
        still ``expected_version``; returns the new version."""
        raise NotImplementedError

    def read_history(self) -> list:
        """Every history row (``core.history.HistoryRow``), oldest first."""
        raise NotImplementedError

    def read_current(self) -> dict:
        """``{site_id: {field: value}}`` with the geometries as hex WKB under ``geom`` and ``emprise``
        (the state that ``core.history.state_at`` starts from)."""
        records = self.read_sites()
        out = {}
        for k, (sid, record) in enumerate(records.items()):
            if k % READ_CHECK_EVERY == 0:
                self._check_reading()
            values = dict(record.site.values)
            values[hist.POINT_FIELD] = _hex(record.site.point)
            values[hist.POLYGON_FIELD] = _hex(record.site.polygon)
            out[sid] = values
        return out

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _hex(geom):
    if geom is None:
        return None
    import shapely

    return shapely.to_wkb(geom, hex=True, output_dimension=2)


def open_inventory(location, crs=None, transform_context=None, create=True) -> InventoryStore:
    """The store of ``location`` (an ``InventoryLocation``), opened: created when missing and
    ``create``, else checked. Raises :class:`InventoryStoreError`."""
    if location.is_postgis:
        from .inventory_postgis import PostgisInventory

        store = PostgisInventory(location, crs, transform_context)
    else:
        from .inventory_gpkg import GpkgInventory

        store = GpkgInventory(location, crs, transform_context)
    return store.open(create=create)
