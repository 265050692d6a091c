"""Where an inventory lives: a GeoPackage, or a table of a PostgreSQL/PostGIS database.

Why a module of its own: ``friches:import_inventory``, ``friches:inventory_at_date``, the monitoring
algorithms and the inventory panel all take "the inventory" as one value, written the way a QGIS user
already knows it:

- a GeoPackage path (``inventaire.gpkg``, optionally ``|layername=friches``);
- a QGIS saved PostgreSQL connection with a schema and a table:
  ``connection='Équipe SIG' schema=inventaire table=friches``;
- a QGIS PostgreSQL layer URI: ``dbname='sig' host=… port=5432 authcfg=… table="inventaire"."friches" (geom)``
  (a ``postgres:`` or ``postgis:`` prefix is accepted);
- or the id or name of a layer of the project that is one of the above.

Credentials come from QGIS: the authentication database (``authcfg``) or the saved connection. A
password written in clear in a URI is used to connect but never shown: :attr:`InventoryLocation.display`
and :meth:`InventoryLocation.layer_uri` never contain it, so neither the log, the outputs nor a project
that loads them does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from ..core import cnig_friches

GPKG = "gpkg"
POSTGIS = "postgis"
DEFAULT_GEOMETRY_COLUMN = "geom"
#: Suffixes of the companion tables of an inventory table ``<table>`` (GeoPackage and PostGIS alike).
POLYGON_SUFFIX = "_emprises"
HISTORY_SUFFIX = "_history"
VALUE_LISTS_SUFFIX = "_value_lists"



class LocationError(ValueError):
    """The text does not name an inventory. ``code`` and ``params`` make the translated message."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class InventoryLocation:
    """An inventory's place. For PostGIS, ``uri`` is a QgsDataSourceUri string of the database (with the
    credentials as given: authcfg, or a password kept only in memory) and schema/table name the
    sites table; the companion tables are ``<table>_emprises`` and ``<table>_history``."""

    kind: str
    path: str = ""
    uri: str = ""
    schema: str = ""
    table: str = cnig_friches.INVENTORY_LAYER
    geometry_column: str = DEFAULT_GEOMETRY_COLUMN
    connection_name: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def is_postgis(self) -> bool:
        return self.kind == POSTGIS

    @property
    def polygon_table(self) -> str:
        return cnig_friches.POLYGON_LAYER if self.kind == GPKG else self.table + POLYGON_SUFFIX

    @property
    def history_table(self) -> str:
        return (cnig_friches.INVENTORY_LAYER if self.kind == GPKG else self.table) + HISTORY_SUFFIX

    @property
    def display(self) -> str:
        """A name for messages and logs, never with a password."""
        if self.kind == GPKG:
            return self.path
        uri = QgsDataSourceUri(self.uri)
        where = self.connection_name or "{db}@{host}".format(
            db=uri.database() or uri.service(), host=uri.host() or "localhost")
        return f'{where}: "{self.schema}"."{self.table}"'

    def database_uri(self) -> QgsDataSourceUri:
        """The database's URI with its credentials (for connecting; never log it)."""
        return QgsDataSourceUri(self.uri)

    def layer_uri(self, which: str = "points") -> str:
        """The source of a QGIS layer of the inventory: ``points``, ``polygons`` or ``history``.

        For PostGIS: without any clear password (an ``authcfg`` is kept), so that a project loading
        it never stores one; QGIS asks for the password once per session when it is not in its
        authentication database."""
        if self.kind == GPKG:
            name = {"points": cnig_friches.INVENTORY_LAYER, "polygons": cnig_friches.POLYGON_LAYER,
                    "history": self.history_table}[which]
            return f"{self.path}|layername={name}"
        uri = QgsDataSourceUri(self.uri)
        uri.setPassword("")
        table = {"points": self.table, "polygons": self.polygon_table, "history": self.history_table}[which]
        geometry = "" if which == "history" else self.geometry_column
        uri.setDataSource(self.schema, table, geometry, "", "fid")
        return uri.uri(False)

    @property
    def provider(self) -> str:
        return "ogr" if self.kind == GPKG else "postgres"


def scan_pairs(text: str):
    """``[(key, value, start, end)]`` of the ``key=value`` pairs of ``text`` (values bare, '…' with \\'
    escapes, or "quoted" identifiers), with the span of each value. One pass over the text: no regular expression, whose
    backtracking would make a long hostile string quadratic."""
    out, i, n = [], 0, len(text)
    while i < n:
        if not (text[i].isalnum() or text[i] == "_"):
            i += 1
            continue
        start = i
        while i < n and (text[i].isalnum() or text[i] == "_"):
            i += 1
        key = text[start:i]
        j = i
        while j < n and text[j].isspace():
            j += 1
        if j >= n or text[j] != "=":
            continue
        j += 1
        while j < n and text[j].isspace():
            j += 1
        value_start = j
        if j < n and text[j] == "'":
            j, chars = j + 1, []
            while j < n and text[j] != "'":
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                chars.append(text[j])
                j += 1
            value, j = "".join(chars), min(j + 1, n)
        else:  # bare, or "quoted"."identifiers" (kept whole; a single "name" loses its quotes)
            while j < n and not text[j].isspace():
                j += 1
            value = text[value_start:j]
            if len(value) >= 2 and value[0] == value[-1] == '"' and value.count('"') == 2:
                value = value[1:-1]
        out.append((key.lower(), value, value_start, j))
        i = j
    return out


def parse_pairs(text: str) -> dict:
    return {key: value for key, value, _start, _end in scan_pairs(text)}


def _split_table(text: str):
    """``schema.table`` or ``"schema"."table"`` → (schema, table); a bare name is in ``public``."""
    text = text.strip()
    quoted = re.fullmatch(r'"([^"]+)"\."([^"]+)"', text)
    if quoted:
        return quoted.group(1), quoted.group(2)
    if "." in text:
        schema, table = text.split(".", 1)
        return schema.strip('"'), table.strip('"')
    return "public", text.strip('"')


def saved_connection_uri(name: str) -> str:
    """The URI of QGIS's saved PostgreSQL connection ``name`` (with its authcfg or stored credentials)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        raise LocationError("no_postgres_provider")
    try:
        connection = metadata.findConnection(name)
    except Exception:  # QgsProviderConnectionException on some versions
        connection = None
    if connection is None:
        known = sorted(metadata.connections().keys())
        raise LocationError("unknown_connection", name=name, known=", ".join(known) or "-")
    return connection.uri()


def parse_location(text: str, project=None) -> InventoryLocation:
    """The inventory named by ``text`` (see the module). Raises :class:`LocationError`."""
    text = (text or "").strip()
    if not text:
        raise LocationError("empty")
    if project is not None:
        layer = project.mapLayer(text) or next(iter(project.mapLayersByName(text)), None)
        if layer is not None:
            return location_of_layer(layer)
    lowered = text.lower()
    for prefix in ("postgres:", "postgis:", "pg:"):
        if lowered.startswith(prefix) and "://" not in lowered[:len(prefix) + 3]:
            text = text[len(prefix):].strip()
            lowered = text.lower()
            break
    pairs = parse_pairs(text) if "=" in text else {}
    if "connection" in pairs:
        name = pairs["connection"]
        table_text = pairs.get("table") or cnig_friches.INVENTORY_LAYER
        schema, table = _split_table(table_text) if "schema" not in pairs else (pairs["schema"], table_text)
        return InventoryLocation(
            POSTGIS, uri=saved_connection_uri(name), schema=schema, table=table,
            geometry_column=pairs.get("geometry") or DEFAULT_GEOMETRY_COLUMN, connection_name=name,
        )
    if "table" in pairs and ({"dbname", "service", "host"} & set(pairs)):
        uri = QgsDataSourceUri(text)
        if not uri.table():
            raise LocationError("no_table", text=strip_password(text))
        schema = uri.schema() or "public"
        table = uri.table()
        geometry = uri.geometryColumn() or DEFAULT_GEOMETRY_COLUMN
        database = QgsDataSourceUri(uri.connectionInfo(False))  # authcfg kept, never expanded
        if uri.authConfigId():
            database.setAuthConfigId(uri.authConfigId())
        return InventoryLocation(POSTGIS, uri=database.uri(False), schema=schema, table=table,
                                 geometry_column=geometry)
    path = text.split("|", 1)[0]
    if path.lower().endswith(".gpkg"):
        return InventoryLocation(GPKG, path=path)
    raise LocationError("not_an_inventory", text=strip_password(text))


def location_of_layer(layer) -> InventoryLocation:
    """The inventory a project layer belongs to (its ``friches`` table or one of its companions)."""
    provider = layer.providerType()
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = str(parts.get("path") or "")
        if path.lower().endswith(".gpkg"):
            return InventoryLocation(GPKG, path=path)
    elif provider == "postgres":
        uri = QgsDataSourceUri(layer.source())
        table = uri.table()
        for suffix in (POLYGON_SUFFIX, HISTORY_SUFFIX):
            if table.endswith(suffix):
                table = table[: -len(suffix)]
        database = QgsDataSourceUri(uri.connectionInfo(False))  # authcfg kept, never expanded
        if uri.authConfigId():
            database.setAuthConfigId(uri.authConfigId())
        return InventoryLocation(POSTGIS, uri=database.uri(False), schema=uri.schema() or "public", table=table,
                                 geometry_column=uri.geometryColumn() or DEFAULT_GEOMETRY_COLUMN)
    raise LocationError("not_an_inventory", text=layer.name())


def strip_password(text: Optional[str]) -> str:
    """``text`` with any ``password=…`` value masked (for messages and logs)."""
    text = text or ""
    out, last = [], 0
    for key, _value, start, end in scan_pairs(text):
        if key == "password":
            out.append(text[last:start])
            out.append("***")
            last = end
    out.append(text[last:])
    return "".join(out)


def reads_inventory(layer, location: InventoryLocation) -> bool:
    """True when the project layer ``layer`` shows a table of the inventory at ``location``."""
    import os

    try:
        other = location_of_layer(layer)
    except LocationError:
        return False
    if other.kind != location.kind:
        return False
    if location.kind == GPKG:
        return os.path.normcase(os.path.abspath(other.path)) == os.path.normcase(os.path.abspath(location.path))
    mine, theirs = QgsDataSourceUri(location.uri), QgsDataSourceUri(other.uri)
    return ((mine.host(), mine.port(), mine.database(), mine.service(), location.schema, location.table)
            == (theirs.host(), theirs.port(), theirs.database(), theirs.service(), other.schema, other.table))
