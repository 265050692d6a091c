"""Reading an inventory and its history for the algorithms that look back in time
(``friches:inventory_at_date``, ``friches:monitoring_indicators``, ``friches:monitoring_report``).

Why shared: the three take the same INVENTORY parameter (a GeoPackage, a saved PostgreSQL connection with
schema and table, a PostgreSQL layer URI or a project layer of one of them), read the current sites and
the history rows the same way, and convert between the user's local days and the history's UTC instants
the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qgis.core import QgsProcessingException, QgsProcessingParameterFile
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from ..compat import FILE_BEHAVIOR_FILE
from ..core import history as hist
from ..core.progress import Canceled
from ..translation import tr
from .inventory_merge import open_store, resolve_location
from .inventory_store import InventoryStoreError, error_message, inventory_kinds

INVENTORY = "INVENTORY"


def add_inventory_parameter(alg, name=INVENTORY):
    param = QgsProcessingParameterFile(
        name, tr("Inventory (GeoPackage or PostGIS table)"), behavior=FILE_BEHAVIOR_FILE,
        fileFilter=tr("GeoPackage (*.gpkg);;All files (*)"),
    )
    param.setHelp(tr(
        "The inventory with its history: a .gpkg written by Import a friches inventory, a saved PostgreSQL "
        "connection with schema and table (connection='Équipe SIG' schema=inventaire table=friches), a PostgreSQL "
        "layer URI (dbname=… host=… authcfg=… table=\"inventaire\".\"friches\" (geom)) or the name of a project "
        "layer showing one of them."
    ))
    alg.addParameter(param)
    return param


@dataclass
class InventoryHistory:
    location: object
    crs: object  # QgsCoordinateReferenceSystem of the stored geometries
    current: dict  # {site_id: {field: value, "geom": hex, "emprise": hex}}
    rows: list  # core.history.HistoryRow, oldest first


def read_inventory_history(alg, parameters, context, feedback, name=INVENTORY) -> InventoryHistory:
    text = (alg.parameterAsString(parameters, name, context) or "").strip()
    location = resolve_location(text, context)
    store = open_store(location, None, context.transformContext(), feedback, create=False)

    def check():
        if feedback.isCanceled():
            raise Canceled()

    store.read_check = check  # a large history takes seconds to read: a cancel stops it
    try:
        current = store.read_current()
        feedback.setProgress(2)
        rows = store.read_history()
    except InventoryStoreError as exc:
        raise QgsProcessingException(error_message(exc, location.display)) from None
    except Canceled:
        raise QgsProcessingException(tr("Canceled.")) from None
    finally:
        store.close()
    feedback.pushInfo(tr("Inventory {where}: {sites} site(s) now, {rows} history row(s).").format(
        where=location.display, sites=len(current), rows=len(rows)))
    start = hist.history_start(rows)
    if start is not None:
        feedback.pushInfo(tr("The history begins on {date}.").format(date=local_text(start)))
    return InventoryHistory(location, store.layer_crs, current, rows)


_KINDS = None


def parse_value(field_name: str, text):
    """A history text back in its field's type (geometries stay hex)."""
    global _KINDS
    if _KINDS is None:
        _KINDS = inventory_kinds()
    if field_name in hist.GEOMETRY_FIELDS:
        return text
    try:
        return hist.value_from_text(text, _KINDS.get(field_name, "string"))
    except (TypeError, ValueError):
        return text


def shape(hex_text):
    """A shapely geometry from hex WKB or a GeoPackage blob in hex (None when empty)."""
    wkb = hist.wkb_from_hex(hex_text) if hex_text else None
    if wkb is None:
        return None
    import shapely

    geom = shapely.from_wkb(wkb)
    return None if geom is None or geom.is_empty else shapely.force_2d(geom)


# -- local days and UTC instants -------------------------------------------------------------------

def day_start_utc(day: dt.date) -> dt.datetime:
    """The UTC instant when ``day`` begins in the user's time zone (QGIS's local time)."""
    local = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0), Qt.TimeSpec.LocalTime)
    utc = local.toUTC()
    d, t = utc.date(), utc.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=dt.timezone.utc)


def local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def local_text(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def moment_from_parameter(alg, parameters, name, context) -> dt.datetime:
    """The UTC instant of a date or date-time parameter; a date alone means the end of that day (the
    inventory as it stood that evening)."""
    raw = parameters.get(name)
    value = alg.parameterAsDateTime(parameters, name, context)
    if value is None or not value.isValid():
        raise QgsProcessingException(tr("The date is not valid: {value}").format(value=raw))
    day = value.date()
    date_only = isinstance(raw, QDate) or (isinstance(raw, str) and len(raw.strip()) <= 10)
    if date_only:
        following = dt.date(day.year(), day.month(), day.day()) + dt.timedelta(days=1)
        return day_start_utc(following) - dt.timedelta(microseconds=1)
    utc = value.toUTC()
    d, t = utc.date(), utc.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec() * 1000,
                       tzinfo=dt.timezone.utc)
