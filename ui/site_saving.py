"""Saving one friche from the panel's form into its inventory (GeoPackage or PostGIS), and preparing an
inventory layer for the panel.

Why apart from the form: the form is widgets; this is the contract with the store. A save is one
transaction through ``processing.inventory_store`` (the site, its outline's copied fields and the history
rows, stamped ``form``), accepted only when the site's version is still the one the form read; otherwise
the store raises ``VersionConflict`` naming who changed it and when, and :func:`merge_reloaded` tells the
form what to do with the user's pending changes once the site is reloaded.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from qgis.core import QgsDataSourceUri

from ..core import cnig_friches
from ..core import history as hist
from ..processing.inventory_location import LocationError, location_of_layer
from ..processing.inventory_store import (
    VERSION_FIELD,
    InventoryStoreError,
    VersionConflict,
    error_message,
    open_inventory,
    py_value,
)

__all__ = ["InventoryStoreError", "VersionConflict", "error_message", "merge_reloaded", "prepare_layer",
           "save_site", "store_location"]


def _inventory_table(layer):
    """The location when ``layer`` is the sites table of an inventory (GeoPackage layer ``friches`` or a
    PostGIS table), else None."""
    if layer is None or layer.providerType() not in ("ogr", "postgres"):
        return None
    try:
        location = location_of_layer(layer)
    except LocationError:
        return None
    if location.kind == "gpkg":
        from qgis.core import QgsProviderRegistry

        name = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName") or ""
        if name and name != cnig_friches.INVENTORY_LAYER:
            return None
    elif QgsDataSourceUri(layer.source()).table() != location.table:
        return None
    return location


def store_location(layer):
    """The inventory store behind ``layer`` (a GeoPackage or PostGIS inventory with versions), or None
    for any other layer (a memory layer, a shapefile with the CNIG fields…), which is edited through
    QGIS's edit buffer as before."""
    if layer is None or VERSION_FIELD not in layer.fields().names():
        return None
    return _inventory_table(layer)


def prepare_layer(layer) -> Tuple[Optional[str], bool]:
    """Open the inventory behind ``layer`` once (a GeoPackage made by an older version gets its history
    and version numbers; a PostGIS table is checked). Returns ``(message or None, is_error)``."""
    location = _inventory_table(layer)
    if location is None:
        return None, False
    try:
        store = open_inventory(location, create=False)
    except InventoryStoreError as exc:
        if exc.code == "not_found":
            return None, False
        return error_message(exc, location.display), True
    store.close()
    if store.upgraded:
        layer.reload()
        from ..translation import tr

        return tr("History and version numbers added to the inventory {path}: every change is now recorded."
                  ).format(path=location.display), False
    return None, False


def save_site(location, site_id: str, changes: Dict[str, object], version: int) -> int:
    """Write ``changes`` (form values: QDate, int, str…) to ``site_id`` if its version is still
    ``version``; returns the new version. Raises ``VersionConflict`` / ``InventoryStoreError``."""
    values = {name: py_value(value) for name, value in changes.items()}
    store = open_inventory(location, create=False)
    try:
        return store.save_site(site_id, values, int(version), source=hist.SOURCE_FORM)
    finally:
        store.close()


def merge_reloaded(mine: Dict[str, object], before: Dict[str, object], after: Dict[str, object], same) -> Tuple[
        Dict[str, object], list]:
    """The user's pending changes ``mine`` to re-apply on the reloaded site, and the fields that the
    other author changed too (``before`` → ``after``), where the other author's value is kept."""
    both = [name for name in mine if not same(before.get(name), after.get(name))]
    keep = {name: value for name, value in mine.items() if name not in both}
    return keep, both


def last_history_id(layer) -> Optional[int]:
    """The last history row id of the GeoPackage inventory behind ``layer`` (None for PostGIS: there the
    database role says who changed what)."""
    location = _inventory_table(layer)
    if location is None or location.kind != "gpkg":
        return None
    import sqlite3

    try:
        with sqlite3.connect(f"file:{location.path}?mode=ro", uri=True, timeout=5) as db:
            value = db.execute(f'SELECT COALESCE(MAX(fid), 0) FROM "{location.history_table}"').fetchone()[0]
        db.close()
        return int(value)
    except sqlite3.Error:
        return None


def stamp_qgis_edits(layer, since: Optional[int]) -> int:
    """Name the operating-system user on the history rows that a commit of QGIS's edit buffer just wrote
    into a GeoPackage (SQLite has no users: its triggers leave changed_by empty). Returns the rows named."""
    location = _inventory_table(layer)
    if since is None or location is None or location.kind != "gpkg":
        return 0
    import sqlite3

    from ..processing.inventory_store import os_user

    try:
        with sqlite3.connect(location.path, timeout=5) as db:
            cursor = db.execute(f'UPDATE "{location.history_table}" SET changed_by = ? '
                                f"WHERE fid > ? AND changed_by IS NULL", (os_user(), int(since)))
            count = cursor.rowcount
        db.close()
        return count
    except sqlite3.Error:
        return 0
