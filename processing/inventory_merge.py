"""Merging an import into the inventory (GeoPackage or PostGIS), for ``friches:import_inventory``.

Why apart from the import: reading and checking a file is one job (``import_inventory`` and its
helpers), writing into a shared, versioned, historised store is another. Here: open (or create) the
store, apply ``core.inventory.merge_site`` to every imported site, and write every decision in one
transaction stamped ``import: <file name>``; a site changed by someone else since it was read stops
the whole merge with a message naming the site, the author and the time.
"""

from __future__ import annotations

import os

from qgis.core import QgsProcessingException, QgsProviderRegistry

from ..core import history as hist
from ..core import inventory as inv
from ..translation import tr
from .inventory_location import LocationError, parse_location
from .inventory_schema import inventory_fields
from .inventory_store import InventoryStoreError, error_message, open_inventory, shapely_transform


def location_message(exc: LocationError) -> str:
    texts = {
        "empty": tr("No inventory given."),
        "no_postgres_provider": tr("This QGIS has no PostgreSQL provider."),
        "unknown_connection": tr("There is no saved PostgreSQL connection named “{name}” (known: {known})."),
        "no_table": tr("The PostgreSQL URI names no table: {text}"),
        "not_an_inventory": tr(
            "“{text}” is not an inventory: give a GeoPackage (.gpkg), a saved PostgreSQL connection with its "
            "schema and table (connection='…' schema=… table=…) or a PostgreSQL layer URI (dbname=… table=…)."),
    }
    return texts.get(exc.code, exc.code).format(**exc.params)


def resolve_location(text, context):
    """The ``InventoryLocation`` of a parameter value; a clear QgsProcessingException when it is none."""
    try:
        return parse_location(text, context.project() if context is not None else None)
    except LocationError as exc:
        raise QgsProcessingException(location_message(exc)) from None


def open_store(location, crs, transform_context, feedback, create=True):
    """The opened store; what was created or added is logged; errors become QgsProcessingException."""
    try:
        store = open_inventory(location, crs, transform_context, create=create)
    except InventoryStoreError as exc:
        raise QgsProcessingException(error_message(exc, location.display)) from None
    if store.created:
        feedback.pushInfo(tr("Created in {path}: {layers}").format(path=location.display,
                                                                  layers=", ".join(store.created)))
    if store.upgraded:
        feedback.pushInfo(tr("Added to the inventory {path}: {items}").format(
            path=location.display, items=", ".join(store.upgraded)))
    return store


def input_name(algorithm, parameters, name, context) -> str:
    """The file name of the imported layer (its layer name when it is not a file), for the history."""
    try:
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    except Exception:
        layer = None
    if layer is None:
        value = parameters.get(name)
        return os.path.basename(str(value)) if isinstance(value, str) else "?"
    path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path") or ""
    return os.path.basename(str(path)) if path else layer.name()


def merge_into_inventory(location, kept, target_crs, transform_context, feedback, source_name):
    """Merge the imported rows ``kept`` into the inventory at ``location``.

    Returns ``(counts, report lines)``: counts of add / update / unchanged / keep_stored decisions and the
    report lines of kept and updated sites."""
    store = open_store(location, target_crs, transform_context, feedback)
    try:
        store_crs = store.layer_crs
        to_store = shapely_transform(target_crs, store_crs, transform_context)
        names = inventory_fields().names()
        stored = store.read_sites(names)
        counts = {"add": 0, "update": 0, "unchanged": 0, "keep_stored": 0}
        decisions, lines = [], []
        for row in kept:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Import cancelled."))
            incoming = row
            if store_crs.isValid() and store_crs != target_crs:
                incoming = inv.SiteRow(row=row.row, fid=row.fid, values=row.values, point=to_store(row.point),
                                       polygon=to_store(row.polygon) if row.polygon is not None else None)
            record = stored.get(row.site_id)
            decision = inv.merge_site(record.site if record else None, incoming, names)
            counts[decision.action] += 1
            if decision.action in ("add", "update"):
                decisions.append((row.site_id, decision))
            if decision.action == "keep_stored":
                incoming_date = row.values.get("site_actu_date")
                lines.append((row, inv.Issue(
                    inv.INFO, "inventory_kept", "site_actu_date",
                    incoming_date.isoformat() if incoming_date else None, inv.INVENTORY_KEPT,
                    {"date": decision.stored_date.isoformat() if decision.stored_date else "",
                     "incoming": incoming_date.isoformat() if incoming_date else "-"})))
            elif decision.action == "update":
                lines.append((row, inv.Issue(inv.INFO, "inventory_updated", "", None, inv.INVENTORY_UPDATED,
                                             {"fields": ", ".join(decision.changed)})))
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Import cancelled."))
        try:
            store.apply(decisions, stored, hist.SOURCE_IMPORT_PREFIX + source_name)
        except InventoryStoreError as exc:
            raise QgsProcessingException(error_message(exc, location.display)) from None
        return counts, lines
    finally:
        store.close()
