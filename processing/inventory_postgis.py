"""The inventory in PostgreSQL/PostGIS, through QGIS's own database connections.

Why QGIS's connection API (``QgsAbstractDatabaseProviderConnection.executeSql``) and not psycopg2: it is
there wherever QGIS reads PostGIS layers (psycopg2 is not shipped by every QGIS installer), it resolves
the credentials the way QGIS layers do (``authcfg`` from the authentication database, a saved
connection's settings) and it never asks the plugin to hold a password.

Why every write is one SQL text: ``executeSql`` may take any connection of QGIS's pool for each call,
so a transaction cannot span calls. PostgreSQL runs the statements of one query text as one implicit
transaction: the version check (rows locked ``FOR UPDATE``, a ``PL/pgSQL`` block that raises when a
site changed since it was read), the writes and the triggers' history rows all commit together or not
at all, also when the connection is lost in the middle (the server undoes an unfinished transaction).
No explicit ``BEGIN`` is sent: an error would leave the pooled connection inside an aborted
transaction for the next user.
"""

from __future__ import annotations

import json

from qgis.core import QgsCoordinateReferenceSystem, QgsProviderRegistry

from ..core import history as hist
from ..core.inventory import StoredSite
from . import postgis_schema as ddl
from .inventory_store import (
    POLYGON_KINDS,
    READ_CHECK_EVERY,
    VERSION_FIELD,
    InventoryStore,
    InventoryStoreError,
    StoredRecord,
    VersionConflict,
    inventory_kinds,
    py_value,
    scalar_literal,
    typed_value,
)

CONFLICT_MARK = "FRICHES_CONFLICT"
#: How long a write waits for a site locked by another transaction before giving up (ms).
LOCK_TIMEOUT_MS = 10000
#: Rows per INSERT statement.
BATCH = 500


def pg_literal(value, kind: str = "string") -> str:
    """A Python value as a PostgreSQL literal of ``kind``."""
    scalar = scalar_literal(value, kind, "TRUE", "FALSE")
    if scalar is not None:
        return scalar
    if kind == "date":
        text = value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)
        return ddl.literal(text) + "::date"
    return ddl.literal(value)


def parse_error(text: str):
    """(code, detail) from the text of a QGIS SQL error (the query itself is left out)."""
    text = str(text)
    for mark in ("[ERROR:", "[FATAL:", "[PANIC:"):
        if mark in text:
            detail = text[text.rfind(mark) + 1:].rstrip("]\n ").strip()
            break
    else:
        detail = text[-400:].strip()
    lowered = detail.lower()
    if CONFLICT_MARK in detail:
        return "conflict", detail[detail.index(CONFLICT_MARK) + len(CONFLICT_MARK):].strip()
    if "lock timeout" in lowered or "could not obtain lock" in lowered:
        return "locked", detail
    lost = ("server closed the connection", "terminating connection", "connection to server",
            "no connection to the server", "could not receive data", "connection not open",
            "administrator command", "could not send data")
    if any(word in lowered for word in lost) or "returned 7 [" in text or text.rstrip().endswith("[]"):
        return "connection_lost", detail
    return "sql", detail


class PostgisInventory(InventoryStore):
    def __init__(self, location, crs=None, transform_context=None):
        super().__init__(location, crs, transform_context)
        self.names = ddl.Names(location.schema, location.table, location.geometry_column)
        self.srid = 0
        self.lock_timeout_ms = LOCK_TIMEOUT_MS
        self._connection = None

    # -- connection ----------------------------------------------------------------------------------------
    def connection(self):
        if self._connection is None:
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            if metadata is None:
                raise InventoryStoreError("connection_failed", error="QGIS has no PostgreSQL provider")
            try:
                self._connection = metadata.createConnection(self.location.database_uri().uri(False), {})
            except Exception as exc:  # QgsProviderConnectionException
                raise InventoryStoreError("connection_failed", error=_safe(exc)) from None
        return self._connection

    def sql(self, text: str) -> list:
        """Rows of ``text`` (every value as Python, NULL as None); raises :class:`InventoryStoreError`."""
        try:
            rows = self.connection().executeSql(text)
        except Exception as exc:  # QgsProviderConnectionException (QgsException on 3.22)
            code, detail = parse_error(_safe(exc))
            if code == "conflict":
                raise self._conflict_from(detail) from None
            if code == "sql" and ("could not connect" in detail.lower() or "password" in detail.lower()):
                code = "connection_failed"
            raise InventoryStoreError(code, error=detail) from None
        return [[py_value(v) for v in row] for row in rows]

    @staticmethod
    def _conflict_from(detail: str) -> VersionConflict:
        try:
            info = json.loads(detail[detail.index("{"): detail.rindex("}") + 1])
        except ValueError:
            info = {}
        return VersionConflict(info.get("site_id"), info.get("changed_by"),
                               hist.parse_timestamp(info.get("changed_at")) if info.get("changed_at") else None,
                               info.get("what") or "changed")

    # -- opening ----------------------------------------------------------------------------------------
    def open(self, create: bool = True):
        n = self.names
        rows = self.sql(ddl.structure_sql(n))
        postgis = [r for r in rows if r[0] == "postgis"]
        if not postgis:
            raise InventoryStoreError("structure", problems=[("missing_table", {"table": "postgis (extension)"})])
        postgis_schema = postgis[0][2]
        tables = {r[1] for r in rows if r[0] == "column"}
        if not tables:
            if not create:
                raise InventoryStoreError("not_found")
            srid = self.crs.postgisSrid() if self.crs.isValid() else 2154
            self.sql(";\n".join(ddl.create_sql(n, srid, postgis_schema)))
            self.created = [n.table, n.polygons, n.history, n.lists]
            rows = self.sql(ddl.structure_sql(n))
        problems = ddl.structure_problems(n, [r for r in rows if r[0] in ("column", "trigger")])
        if problems:
            raise InventoryStoreError("structure", problems=problems)
        srids = {r[1]: int(r[2]) for r in rows if r[0] == "srid"}
        self.srid = srids.get(n.table, 0)
        self.layer_crs = QgsCoordinateReferenceSystem(f"EPSG:{self.srid}") if self.srid else self.crs
        return self

    # -- reading ----------------------------------------------------------------------------------------
    def read_sites(self, field_names=None) -> dict:
        n = self.names
        kinds = inventory_kinds()
        names = [f for f in (field_names or list(kinds)) if f in kinds and f != "site_id"]
        g = ddl.ident(n.geometry)
        cols = ", ".join(f"s.{ddl.ident(f)}::text" for f in names)
        rows = self.sql(
            f"SELECT s.fid, s.site_id, s.{ddl.ident(VERSION_FIELD)}, encode(ST_AsBinary(s.{g}), 'hex'), p.fid, "
            f"encode(ST_AsBinary(p.{g}), 'hex'){', ' + cols if cols else ''} FROM {n.q(n.table)} s "
            f"LEFT JOIN {n.q(n.polygons)} p ON p.site_id = s.site_id ORDER BY s.fid")
        out = {}
        for k, (fid, sid, version, point, pfid, polygon, *values) in enumerate(rows):
            if k % READ_CHECK_EVERY == 0:
                self._check_reading()
            site_values = {"site_id": sid}
            site_values.update({f: typed_value(v, kinds[f]) for f, v in zip(names, values)})
            site = StoredSite(site_values, _shape(point), _shape(polygon))
            out[sid] = StoredRecord(site, int(version), int(fid), int(pfid) if pfid is not None else None)
        return out

    def read_history(self) -> list:
        n = self.names
        rows = self.sql(
            "SELECT id, site_id, field, old_value, new_value, "
            "to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), changed_by, source "
            f"FROM {n.q(n.history)} ORDER BY id")
        out = []
        for k in range(0, len(rows), READ_CHECK_EVERY):
            self._check_reading()
            out += [hist.HistoryRow(int(r[0]), r[1], r[2], r[3], r[4], hist.parse_timestamp(r[5]), r[6], r[7])
                    for r in rows[k:k + READ_CHECK_EVERY]]
        return out

    # -- writing ----------------------------------------------------------------------------------------
    def _prologue(self, source: str, expected: dict) -> list:
        """Statements opening a write: lock timeout, source, and the check that every site of ``expected``
        ({site_id: version, or None for a site that must not exist}) is as read (rows locked)."""
        n = self.names
        out = [f"SET LOCAL lock_timeout = {int(self.lock_timeout_ms)}",
               f"SELECT set_config('friches.source', {ddl.literal(source)}, true)",
               # PostgreSQL 14+: a client that died (QGIS killed) ends its transaction within a second
               "SELECT set_config('client_connection_check_interval', '1000', true) "
               "WHERE current_setting('server_version_num')::integer >= 140000"]
        if not expected:
            return out
        ids = "ARRAY[" + ", ".join(ddl.literal(s) for s in expected) + "]::text[]"
        values = ", ".join(f"({ddl.literal(s)}, {int(v) if v is not None else 'NULL'}::integer)"
                           for s, v in expected.items())
        history = n.q(n.history)
        out.append(f"""DO $friches$
DECLARE r record; h record;
BEGIN
  PERFORM 1 FROM {n.q(n.table)} WHERE site_id = ANY({ids}) ORDER BY site_id FOR UPDATE;
  FOR r IN SELECT e.site_id, e.version AS expected, s.{ddl.ident(VERSION_FIELD)} AS current
           FROM (VALUES {values}) AS e(site_id, version) LEFT JOIN {n.q(n.table)} s ON s.site_id = e.site_id
           WHERE s.{ddl.ident(VERSION_FIELD)} IS DISTINCT FROM e.version ORDER BY e.site_id LIMIT 1 LOOP
    SELECT changed_by, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at INTO h
      FROM {history} WHERE site_id = r.site_id ORDER BY id DESC LIMIT 1;
    RAISE EXCEPTION '{CONFLICT_MARK} %', json_build_object('site_id', r.site_id, 'changed_by', h.changed_by,
      'changed_at', h.at, 'what', CASE WHEN r.expected IS NULL THEN 'added' WHEN r.current IS NULL THEN 'deleted'
      ELSE 'changed' END)::text;
  END LOOP;
END $friches$""")
        return out

    def _geometry(self, geom, multi=False) -> str:
        if geom is None or geom.is_empty:
            return "NULL"
        import shapely

        if multi and geom.geom_type == "Polygon":
            geom = shapely.MultiPolygon([geom])
        wkb = shapely.to_wkb(geom, hex=True, output_dimension=2)
        return f"ST_SetSRID(ST_GeomFromWKB(decode('{wkb}', 'hex')), {int(self.srid)})"

    def apply(self, decisions, stored, source):
        if not decisions:
            return
        n = self.names
        kinds = inventory_kinds()
        expected = {}
        for sid, decision in decisions:
            record = stored.get(sid)
            expected[sid] = record.version if (decision.action == "update" and record is not None) else None
        prologue = self._prologue(source, expected)
        statements = []
        names = list(kinds)
        adds, polygon_adds = [], []
        g = ddl.ident(n.geometry)
        for sid, decision in decisions:
            if decision.action == "add":
                row = [pg_literal(decision.values.get(f), kinds[f]) for f in names]
                adds.append("(" + ", ".join([*row, self._geometry(decision.point)]) + ")")
                if decision.polygon is not None:
                    polygon_adds.append(self._polygon_row(decision.values, decision.polygon))
            elif decision.action == "update":
                sets = [f"{ddl.ident(f)} = {pg_literal(decision.values.get(f), kinds[f])}"
                        for f in decision.changed if f in kinds and f != "site_id"]
                if decision.point is not None:
                    sets.append(f"{g} = {self._geometry(decision.point)}")
                if sets:
                    statements.append(f"UPDATE {n.q(n.table)} SET {', '.join(sets)} WHERE site_id = {ddl.literal(sid)}")
                record = stored[sid]
                if record.polygon_fid is None:
                    if decision.polygon is not None:
                        polygon_adds.append(self._polygon_row(decision.values, decision.polygon))
                    continue
                psets = [f"{ddl.ident(f)} = {pg_literal(decision.values.get(f), POLYGON_KINDS[f])}"
                         for f in ("site_nom", "site_surface") if f in decision.changed]
                if decision.polygon is not None:
                    psets.append(f"{g} = {self._geometry(decision.polygon, multi=True)}")
                if psets:
                    statements.append(f"UPDATE {n.q(n.polygons)} SET {', '.join(psets)} "
                                      f"WHERE site_id = {ddl.literal(sid)}")
        cols = ", ".join(ddl.ident(f) for f in [*names, n.geometry])
        inserts = [f"INSERT INTO {n.q(n.table)} ({cols}) VALUES " + ", ".join(adds[i:i + BATCH])
                   for i in range(0, len(adds), BATCH)]
        pcols = ", ".join(ddl.ident(f) for f in [*POLYGON_KINDS, n.geometry])
        polygon_inserts = [f"INSERT INTO {n.q(n.polygons)} ({pcols}) VALUES " + ", ".join(polygon_adds[i:i + BATCH])
                           for i in range(0, len(polygon_adds), BATCH)]
        # new sites first (the outlines refer to them), then updates, then new outlines
        self.sql(";\n".join(prologue + inserts + statements + polygon_inserts))

    def _polygon_row(self, values, polygon) -> str:
        row = [pg_literal(values.get(f), k) for f, k in POLYGON_KINDS.items()]
        return "(" + ", ".join([*row, self._geometry(polygon, multi=True)]) + ")"

    def save_site(self, site_id, changes, expected_version, source=hist.SOURCE_FORM):
        n = self.names
        kinds = inventory_kinds()
        statements = self._prologue(source, {site_id: int(expected_version)})
        sets = [f"{ddl.ident(f)} = {pg_literal(v, kinds.get(f, 'string'))}" for f, v in changes.items()
                if f != "site_id"]
        if sets:
            statements.append(f"UPDATE {n.q(n.table)} SET {', '.join(sets)} WHERE site_id = {ddl.literal(site_id)}")
        psets = [f"{ddl.ident(f)} = {pg_literal(changes[f], POLYGON_KINDS[f])}" for f in ("site_nom", "site_surface")
                 if f in changes]
        if psets:
            statements.append(f"UPDATE {n.q(n.polygons)} SET {', '.join(psets)} WHERE site_id = {ddl.literal(site_id)}")
        statements.append(f"SELECT {ddl.ident(VERSION_FIELD)} FROM {n.q(n.table)} "
                          f"WHERE site_id = {ddl.literal(site_id)}")
        rows = self.sql(";\n".join(statements))
        return int(rows[0][0]) if rows else int(expected_version)


def _safe(exc) -> str:
    """An exception's text with any password masked (QGIS may quote the connection string)."""
    from .inventory_location import strip_password

    return strip_password(str(exc))


def _shape(hex_text):
    if not hex_text:
        return None
    import shapely

    geom = shapely.from_wkb(bytes.fromhex(hex_text))
    return None if geom is None or geom.is_empty else shapely.force_2d(geom)
