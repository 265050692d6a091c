"""The inventory in a GeoPackage: layers ``friches`` (points) and ``friches_emprises`` (polygons), the
``friches_history`` table and the SQLite triggers that fill it.

Why SQL through GDAL rather than QGIS's layer API: one write of the plugin (a merge, a form save) must be
one SQLite transaction over the sites, their polygons and their history, and QGIS's data provider commits
each call on its own. GDAL's GeoPackage connection gives the transaction and keeps the GeoPackage's own
triggers (spatial index) working; the plugin writes plain SQL through it, so it controls every value.

The triggers (core SQL only, so that any client can edit the file: QGIS, GDAL, the sqlite3 shell with the
spatial index extension...) record every change as rows of ``friches_history`` with source ``other`` and
no author, and raise the site's ``version``. Within its own transaction the plugin then stamps the rows
it caused with their source (``import: <file>`` or ``form``) and the operating-system user. A brand-new
inventory file is built under a temporary name and renamed, so a process killed while creating it
leaves no half-made file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import uuid

from qgis.core import QgsCoordinateReferenceSystem

from ..core import history as hist
from ..core.inventory import StoredSite
from .gpkg_schema import (
    HISTORY,
    HISTORY_COLUMNS,
    POINTS,
    POLYGONS,
    add_column_sql,
    declared_kind,
    ogr_field,
    point_trigger_sql,
    polygon_trigger_sql,
    quote_ident,
    sql_literal,
)
from .inventory_store import (
    POLYGON_KINDS,
    READ_CHECK_EVERY,
    VERSION_FIELD,
    InventoryStore,
    InventoryStoreError,
    StoredRecord,
    VersionConflict,
    incompatible_fields,
    inventory_kinds,
    os_user,
    typed_value,
)

#: Rows per INSERT statement.
BATCH = 200
#: How long a write waits for another writer of the file (ms).
BUSY_TIMEOUT_MS = 10000


class GpkgInventory(InventoryStore):
    """An inventory GeoPackage. ``open()`` creates the file or its missing layers, the history table and
    the triggers, and adds missing inventory fields (an inventory made by an older version); it refuses
    a file whose columns would damage the values (a text site_id stored in an INTEGER column)."""

    def __init__(self, location, crs=None, transform_context=None):
        super().__init__(location, crs, transform_context)
        self.path = location.path
        self._ds = None
        self.pk = "fid"
        self.geom = "geom"
        self.polygon_pk = "fid"
        self.polygon_geom = "geom"
        self.srs_id = 0

    # -- low level ---------------------------------------------------------------------------------------
    def _dataset(self):
        from osgeo import gdal

        if self._ds is None:
            gdal.PushErrorHandler("CPLQuietErrorHandler")
            try:
                self._ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_UPDATE)
                error = gdal.GetLastErrorMsg()
            finally:
                gdal.PopErrorHandler()
            if self._ds is None:
                raise InventoryStoreError("open_failed", error=error or self.path)
            self._exec(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return self._ds

    def close(self):
        self._ds = None

    def _run(self, sql: str, code: str):
        """(result layer or None) of one statement through GDAL's connection; an SQLite error raises
        :class:`InventoryStoreError` with ``code`` (``locked`` when another writer holds the file)."""
        from osgeo import gdal

        gdal.ErrorReset()
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            result = self._ds.ExecuteSQL(sql)
            error = gdal.GetLastErrorMsg() if gdal.GetLastErrorType() >= gdal.CE_Failure else ""
        except RuntimeError as exc:  # GDAL's bindings raise instead when exceptions are on (GDAL 3.10 + QGIS 3.40)
            result, error = None, str(exc)
        finally:
            gdal.PopErrorHandler()
        if error:
            if result is not None:
                self._ds.ReleaseResultSet(result)
            raise InventoryStoreError("locked" if "locked" in error or "busy" in error else code, error=error)
        return result

    def _tx(self, action: str):
        """StartTransaction / CommitTransaction / RollbackTransaction, whether GDAL's bindings return error
        codes or raise (exceptions are on in some processes: a script calling gdal.UseExceptions())."""
        from osgeo import gdal

        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            code = getattr(self._dataset(), action)()
            error = "" if code == 0 else (gdal.GetLastErrorMsg() or action)
        except RuntimeError as exc:
            error = str(exc)
        finally:
            gdal.PopErrorHandler()
        if error and action != "RollbackTransaction":
            locked = "locked" in error or "busy" in error
            raise InventoryStoreError("locked" if locked else "write_failed", error=error)

    def _exec(self, sql: str):
        """Run one statement; raises on an SQLite error."""
        result = self._run(sql, "write_failed")
        if result is not None:
            self._ds.ReleaseResultSet(result)

    def _query(self, sql: str) -> list:
        """Rows of a SELECT through GDAL's connection (inside the current transaction)."""
        result = self._run(sql, "write_failed")
        if result is None:
            return []
        try:
            return [[feat.GetField(i) for i in range(feat.GetFieldCount())] for feat in result]
        finally:
            self._ds.ReleaseResultSet(result)

    def _read_db(self):
        """A read-only sqlite3 connection (reading needs none of GDAL's SQL functions)."""
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)

    # -- opening -------------------------------------------------------------------------------------------
    def open(self, create: bool = True):
        if not os.path.exists(self.path):
            if not create:
                raise InventoryStoreError("not_found")
            self._create_file()
            self.created = [POINTS, POLYGONS, HISTORY]
        self._inspect(create)
        return self

    def _create_file(self):
        """Build a new inventory under a temporary name, then rename it: never a half-made file."""
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, f".{os.path.basename(self.path)}.{uuid.uuid4().hex[:8]}.tmp.gpkg")
        from osgeo import ogr

        driver = ogr.GetDriverByName("GPKG")
        ds = driver.CreateDataSource(temporary)
        if ds is None:
            raise InventoryStoreError("open_failed", error=temporary)
        try:
            self._ds = ds
            self._add_layers(ds, [POINTS, POLYGONS, HISTORY])
            self._ds = None
            ds = None
            final = GpkgInventory(self.location, self.crs, self.transform_context)
            final.path = temporary
            final._inspect(create=True)
            final.close()
            os.replace(temporary, self.path)
        except Exception:
            self._ds = None
            ds = None
            if os.path.exists(temporary):
                os.remove(temporary)
            raise

    def _spatial_ref(self):
        from osgeo import osr

        srs = osr.SpatialReference()
        if srs.SetFromUserInput(self.crs.authid() or self.crs.toWkt()) != 0:
            srs.ImportFromEPSG(2154)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def _add_layers(self, ds, names):
        from osgeo import ogr

        kinds = {POINTS: inventory_kinds(), POLYGONS: POLYGON_KINDS, HISTORY: None}
        for name in names:
            if name == HISTORY:
                layer = ds.CreateLayer(name, None, ogr.wkbNone, ["FID=fid"])
                if layer is None:
                    raise InventoryStoreError("open_failed", error=name)
                for col in HISTORY_COLUMNS:
                    layer.CreateField(ogr.FieldDefn(col, ogr.OFTDateTime if col == "changed_at" else ogr.OFTString))
                continue
            wkb = ogr.wkbPoint if name == POINTS else ogr.wkbMultiPolygon
            layer = ds.CreateLayer(name, self._spatial_ref(), wkb, ["FID=fid", "GEOMETRY_NAME=geom"])
            if layer is None:
                raise InventoryStoreError("open_failed", error=name)
            for field, kind in kinds[name].items():
                layer.CreateField(ogr_field(field, kind))
            if name == POINTS:
                layer.CreateField(ogr_field(VERSION_FIELD, "int", default="1"))

    def _inspect(self, create: bool):
        """Check the structure; add what an older inventory lacks, in one transaction."""
        with self._read_db() as db:
            tables = {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}
            columns = {t: [(r[1], r[2], r[5]) for r in db.execute(f"PRAGMA table_info({quote_ident(t)})")]
                       for t in tables & {POINTS, POLYGONS, HISTORY}}
            geoms = dict(db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
            srs = {r[0]: r[1] for r in db.execute("SELECT table_name, srs_id FROM gpkg_geometry_columns")}
            triggers = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
            srs_rows = {r[0]: (r[1], r[2]) for r in db.execute(
                "SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys")}
        db.close()
        problems = []
        wanted = {POINTS: inventory_kinds(), POLYGONS: POLYGON_KINDS}
        for table, kinds in wanted.items():
            if table not in columns:
                continue
            stored = {name: declared_kind(decl) for name, decl, _pk in columns[table]}
            for name, found, expected in incompatible_fields(stored, kinds):
                problems.append(("column_type", {"table": table, "field": name, "found": found, "expected": expected}))
            if table == POINTS and VERSION_FIELD in stored and stored[VERSION_FIELD] != "int":
                problems.append(("column_type", {"table": table, "field": VERSION_FIELD,
                                                 "found": stored[VERSION_FIELD], "expected": "int"}))
        if problems:
            raise InventoryStoreError("structure", problems=problems)
        missing_layers = [name for name in (POINTS, POLYGONS, HISTORY) if name not in columns]
        if POINTS in missing_layers and not create:
            raise InventoryStoreError("not_found")
        if missing_layers:
            self._add_layers(self._dataset(), missing_layers)
            self.close()  # GDAL creates the tables when the dataset is closed
            self.created.extend(n for n in missing_layers if n not in self.created)
            with self._read_db() as db:
                columns.update({t: [(r[1], r[2], r[5]) for r in db.execute(f"PRAGMA table_info({quote_ident(t)})")]
                                for t in missing_layers})
                geoms = dict(db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
                srs = {r[0]: r[1] for r in db.execute("SELECT table_name, srs_id FROM gpkg_geometry_columns")}
                srs_rows = {r[0]: (r[1], r[2]) for r in db.execute(
                    "SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys")}
            db.close()
        self.pk = next((n for n, _d, pk in columns[POINTS] if pk), "fid")
        self.polygon_pk = next((n for n, _d, pk in columns[POLYGONS] if pk), "fid")
        self.geom = geoms.get(POINTS, "geom")
        self.polygon_geom = geoms.get(POLYGONS, "geom")
        self.srs_id = srs.get(POINTS, 0)
        org, code = srs_rows.get(self.srs_id, ("", None))
        self.layer_crs = QgsCoordinateReferenceSystem(f"{org}:{code}") if org and code else self.crs

        # what an older inventory lacks: fields, the version, the history columns, the triggers
        statements = []
        for table, kinds in ((POINTS, {**inventory_kinds(), VERSION_FIELD: "int"}), (POLYGONS, POLYGON_KINDS)):
            have = {name for name, _d, _pk in columns[table]}
            for name, kind in kinds.items():
                if name not in have:
                    statements.append(add_column_sql(table, name, kind))
                    self.upgraded.append(f"{table}.{name}")
        have_history = {name for name, _d, _pk in columns[HISTORY]}
        for col in HISTORY_COLUMNS:
            if col not in have_history:
                decl = "DATETIME" if col == "changed_at" else "TEXT"
                statements.append(f"ALTER TABLE {quote_ident(HISTORY)} ADD COLUMN {quote_ident(col)} {decl}")
        followed = [n for n, _d, pk in columns[POINTS] if not pk and n not in (self.geom, VERSION_FIELD)]
        followed += [n for n in inventory_kinds() if n not in followed]
        wanted_triggers = {**point_trigger_sql(self.pk, self.geom, followed),
                           **polygon_trigger_sql(self.polygon_geom)}
        for name, sql in wanted_triggers.items():
            if triggers.get(name) != sql:
                if name in triggers:
                    statements.append(f"DROP TRIGGER {quote_ident(name)}")
                statements.append(sql)
                if name.endswith("_insert"):
                    self.upgraded.append(name.rsplit("_", 1)[0])
        if statements:
            self._transaction(statements)

    def _transaction(self, statements, queries_after=None):
        self._tx("StartTransaction")
        try:
            for sql in statements:
                self._exec(sql)
            self._tx("CommitTransaction")
        except Exception:
            self._tx("RollbackTransaction")
            raise

    # -- reading -----------------------------------------------------------------------------------------
    def read_sites(self, field_names=None) -> dict:
        kinds = inventory_kinds()
        with self._read_db() as db:
            present = {r[1] for r in db.execute(f"PRAGMA table_info({quote_ident(POINTS)})")}
            names = [n for n in (field_names or list(kinds)) if n in present and n != "site_id"]
            cols = ", ".join(quote_ident(n) for n in [self.pk, "site_id", VERSION_FIELD, *names, self.geom])
            out = {}
            query = f"SELECT {cols} FROM {quote_ident(POINTS)} ORDER BY {quote_ident(self.pk)}"
            for k, row in enumerate(db.execute(query)):
                if k % READ_CHECK_EVERY == 0:
                    self._check_reading()
                fid, sid, version, *values, blob = row
                if sid in (None, "") or sid in out:
                    continue
                site_values = {"site_id": sid}
                site_values.update({n: typed_value(v, kinds.get(n, "string")) for n, v in zip(names, values)})
                out[sid] = StoredRecord(StoredSite(site_values, _shape(blob), None), int(version or 1), fid, None)
            pk, g = quote_ident(self.polygon_pk), quote_ident(self.polygon_geom)
            query = f'SELECT {pk}, "site_id", {g} FROM {quote_ident(POLYGONS)} ORDER BY {pk}'
            for k, (fid, sid, blob) in enumerate(db.execute(query)):
                if k % READ_CHECK_EVERY == 0:
                    self._check_reading()
                record = out.get(sid)
                if record is not None and record.polygon_fid is None:
                    record.site.polygon = _shape(blob)
                    record.polygon_fid = fid
        db.close()
        return out

    def read_history(self) -> list:
        out = []
        with self._read_db() as db:
            cursor = db.execute(
                f"SELECT fid, site_id, field, old_value, new_value, changed_at, changed_by, source "
                f"FROM {quote_ident(HISTORY)} ORDER BY fid")
            while True:
                self._check_reading()
                rows = cursor.fetchmany(READ_CHECK_EVERY)
                if not rows:
                    break
                out += [hist.HistoryRow(int(r[0]), r[1], r[2], r[3], r[4], hist.parse_timestamp(r[5]), r[6], r[7])
                        for r in rows if r[5] is not None]
        db.close()
        return out

    # -- writing -----------------------------------------------------------------------------------------
    def _begin(self):
        """Start a write transaction holding the write lock; returns the last history row id."""
        self._tx("StartTransaction")
        try:
            # a write first: SQLite takes the write lock now, so nobody writes between the check and us
            self._exec(f"UPDATE {quote_ident(HISTORY)} SET source = source WHERE 0")
            return int(self._query(f"SELECT COALESCE(MAX(fid), 0) FROM {quote_ident(HISTORY)}")[0][0] or 0)
        except Exception:
            self._tx("RollbackTransaction")
            raise

    def _finish(self, last_history_id, source, by=None, at=None):
        stamp = [f"source = {sql_literal(source)}", f"changed_by = {sql_literal(by or os_user())}"]
        if at is not None:
            at = at.astimezone(dt.timezone.utc) if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)
            text = at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"
            stamp.append("changed_at = " + sql_literal(text))
        self._exec(f"UPDATE {quote_ident(HISTORY)} SET {', '.join(stamp)} WHERE fid > {int(last_history_id)}")
        self._tx("CommitTransaction")

    def _conflict(self, site_id, what):
        rows = self._query(
            f"SELECT changed_by, CAST(changed_at AS TEXT) FROM {quote_ident(HISTORY)} "
            f"WHERE site_id = {sql_literal(site_id)} ORDER BY fid DESC LIMIT 1")
        by, at = (rows[0] if rows else (None, None))
        return VersionConflict(site_id, by, hist.parse_timestamp(at) if at else None, what)

    def _check_versions(self, expected: dict):
        """Raise :class:`VersionConflict` unless every site of ``expected`` ({site_id: version or None for a
        site that must not exist}) is as it was read."""
        ids = list(expected)
        current = {}
        for start in range(0, len(ids), 500):
            chunk = ", ".join(sql_literal(s) for s in ids[start:start + 500])
            query = (f"SELECT site_id, {quote_ident(VERSION_FIELD)} FROM {quote_ident(POINTS)} "
                     f"WHERE site_id IN ({chunk})")
            for sid, version in self._query(query):
                current[sid] = int(version) if version is not None else 1
        for sid in ids:
            want, have = expected[sid], current.get(sid)
            if want is None and have is not None:
                raise self._conflict(sid, "added")
            if want is not None and have is None:
                raise self._conflict(sid, "deleted")
            if want is not None and have != want:
                raise self._conflict(sid, "changed")

    def apply(self, decisions, stored, source, by=None, at=None):
        if not decisions:
            return
        from ..core.history import gpkg_blob

        kinds = inventory_kinds()
        last = self._begin()
        try:
            expected = {}
            for sid, decision in decisions:
                record = stored.get(sid)
                expected[sid] = record.version if (decision.action == "update" and record is not None) else None
            self._check_versions(expected)
            names = list(kinds)
            adds, polygon_adds, statements = [], [], []
            for sid, decision in decisions:
                if decision.action == "add":
                    values = [sql_literal(decision.values.get(n), kinds[n]) for n in names]
                    values.append(_blob_literal(decision.point, self.srs_id, gpkg_blob))
                    adds.append("(" + ", ".join(values) + ")")
                    if decision.polygon is not None:
                        polygon_adds.append(self._polygon_values(decision.values, decision.polygon, gpkg_blob))
                elif decision.action == "update":
                    statements.extend(self._update_statements(sid, decision, stored[sid], kinds, gpkg_blob,
                                                              polygon_adds))
            cols = ", ".join(quote_ident(n) for n in [*names, self.geom])
            for start in range(0, len(adds), BATCH):
                self._exec(f"INSERT INTO {quote_ident(POINTS)} ({cols}) VALUES " + ", ".join(adds[start:start + BATCH]))
            for sql in statements:
                self._exec(sql)
            pcols = ", ".join(quote_ident(n) for n in [*POLYGON_KINDS, self.polygon_geom])
            for start in range(0, len(polygon_adds), BATCH):
                self._exec(f"INSERT INTO {quote_ident(POLYGONS)} ({pcols}) VALUES "
                           + ", ".join(polygon_adds[start:start + BATCH]))
            self._finish(last, source, by, at)
        except Exception:
            self._tx("RollbackTransaction")
            raise

    def _polygon_values(self, values, polygon, gpkg_blob):
        row = [sql_literal(values.get(n), k) for n, k in POLYGON_KINDS.items()]
        row.append(_blob_literal(_multi(polygon), self.srs_id, gpkg_blob))
        return "(" + ", ".join(row) + ")"

    def _update_statements(self, sid, decision, record, kinds, gpkg_blob, polygon_adds):
        sets = [f"{quote_ident(n)} = {sql_literal(decision.values.get(n), kinds[n])}"
                for n in decision.changed if n in kinds and n != "site_id"]
        if decision.point is not None:
            sets.append(f"{quote_ident(self.geom)} = {_blob_literal(decision.point, self.srs_id, gpkg_blob)}")
        out = []
        if sets:
            out.append(f"UPDATE {quote_ident(POINTS)} SET {', '.join(sets)} WHERE {quote_ident(self.pk)} = "
                       f"{int(record.point_fid)}")
        if record.polygon_fid is None:
            if decision.polygon is not None:
                polygon_adds.append(self._polygon_values(decision.values, decision.polygon, gpkg_blob))
            return out
        psets = [f"{quote_ident(n)} = {sql_literal(decision.values.get(n), POLYGON_KINDS[n])}"
                 for n in ("site_nom", "site_surface") if n in decision.changed]
        if decision.polygon is not None:
            psets.append(f"{quote_ident(self.polygon_geom)} = "
                         f"{_blob_literal(_multi(decision.polygon), self.srs_id, gpkg_blob)}")
        if psets:
            out.append(f"UPDATE {quote_ident(POLYGONS)} SET {', '.join(psets)} WHERE {quote_ident(self.polygon_pk)} = "
                       f"{int(record.polygon_fid)}")
        return out

    def save_site(self, site_id, changes, expected_version, source=hist.SOURCE_FORM, by=None, at=None):
        kinds = inventory_kinds()
        last = self._begin()
        try:
            self._check_versions({site_id: int(expected_version)})
            sets = [f"{quote_ident(n)} = {sql_literal(v, kinds.get(n, 'string'))}"
                    for n, v in changes.items() if n != "site_id"]
            if sets:
                self._exec(f"UPDATE {quote_ident(POINTS)} SET {', '.join(sets)} WHERE site_id = {sql_literal(site_id)}")
            psets = [f"{quote_ident(n)} = {sql_literal(changes[n], POLYGON_KINDS[n])}"
                     for n in ("site_nom", "site_surface") if n in changes]
            if psets:
                self._exec(f"UPDATE {quote_ident(POLYGONS)} SET {', '.join(psets)} "
                           f"WHERE site_id = {sql_literal(site_id)}")
            version = self._query(f"SELECT {quote_ident(VERSION_FIELD)} FROM {quote_ident(POINTS)} "
                                  f"WHERE site_id = {sql_literal(site_id)}")[0][0]
            self._finish(last, source, by, at)
            return int(version)
        except Exception:
            self._tx("RollbackTransaction")
            raise

    def execute(self, statements, source, by=None, at=None):
        """Run SQL ``statements`` in one transaction stamped with ``source`` (for scripts replaying a
        history, e.g. the demo; the triggers record what they change)."""
        last = self._begin()
        try:
            for sql in statements:
                self._exec(sql)
            self._finish(last, source, by, at)
        except Exception:
            self._tx("RollbackTransaction")
            raise


def _multi(polygon):
    import shapely

    if polygon is not None and polygon.geom_type == "Polygon":
        return shapely.MultiPolygon([polygon])
    return polygon


def _blob_literal(geom, srs_id, gpkg_blob):
    if geom is None or geom.is_empty:
        return "NULL"
    import shapely

    return sql_literal(gpkg_blob(shapely.to_wkb(geom, output_dimension=2, byte_order=1), srs_id))


def _shape(blob):
    if blob is None:
        return None
    import shapely

    wkb = hist.wkb_from_hex(bytes(blob).hex())
    if wkb is None:
        return None
    try:
        geom = shapely.from_wkb(wkb)
    except Exception:  # a blob GEOS cannot read: the site keeps no geometry rather than stopping
        return None
    return None if geom is None or geom.is_empty else shapely.force_2d(geom)
