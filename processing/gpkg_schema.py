"""The SQL of an inventory GeoPackage: names, literals, column types and the SQLite triggers that write the
history.

Why generated: the triggers follow every column of the sites table (the CNIG fields, the plugin's own,
and any a later version adds), one ``SELECT`` per column, which nobody should write by hand. They use core
SQL only, so that any client can edit the file (QGIS, GDAL, the sqlite3 shell with the spatial index
extension…): each change becomes rows of ``friches_history`` with source ``other`` and no author, and
raises the site's ``version``; the plugin stamps the rows of its own writes afterwards, in the same
transaction.
"""

from __future__ import annotations

import datetime as dt

from ..core import cnig_friches
from ..core import history as hist
from .inventory_store import VERSION_FIELD, scalar_literal

POINTS = cnig_friches.INVENTORY_LAYER
POLYGONS = cnig_friches.POLYGON_LAYER
HISTORY = POINTS + "_history"
HISTORY_COLUMNS = ("site_id", "field", "old_value", "new_value", "changed_at", "changed_by", "source")
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


def quote_ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def sql_literal(value, kind: str = "string") -> str:
    """A Python value as an SQLite literal of ``kind`` (dates as ISO text, booleans as 0/1)."""
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    scalar = scalar_literal(value, kind, "1", "0")
    if scalar is not None:
        return scalar
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()
    text = str(value).replace("\x00", "")
    return "'" + text.replace("'", "''") + "'"


def declared_kind(declared: str) -> str:
    """The kind of a column from its declared SQLite type (as GDAL writes them)."""
    t = (declared or "").upper()
    if t.startswith(("TEXT", "VARCHAR", "CHAR")):
        return "string"
    if t == "BOOLEAN":
        return "bool"
    if t in ("INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT", "BIGINT"):
        return "int"
    if t in ("REAL", "FLOAT", "DOUBLE"):
        return "double"
    if t == "DATE":
        return "date"
    if t == "DATETIME":
        return "datetime"
    return t.lower() or "blob"


# --------------------------------------------------------------------------------------------------
# Triggers
# --------------------------------------------------------------------------------------------------

def _history_insert(selects) -> str:
    cols = ", ".join(HISTORY_COLUMNS[:5]) + ", source"
    return f"INSERT INTO {quote_ident(HISTORY)} ({cols})\n" + "\nUNION ALL ".join(selects) + ";"


def _sel(site, field, old, new, where=None) -> str:
    text = f"SELECT {site}, '{field}', {old}, {new}, {NOW_SQL}, '{hist.SOURCE_OTHER}'"
    return text + (f" WHERE {where}" if where else "")


def point_trigger_sql(pk: str, geom: str, fields) -> dict:
    """``{trigger name: CREATE TRIGGER …}`` of the sites table (``fields``: columns to follow)."""
    t, g = quote_ident(POINTS), quote_ident(geom)
    sid_new, sid_old = 'NEW."site_id"', 'OLD."site_id"'
    ins = [_sel(sid_new, hist.SITE, "NULL", f"'{hist.PRESENT}'")]
    upd, dele = [], [_sel(sid_old, hist.SITE, f"'{hist.PRESENT}'", "NULL")]
    for name in fields:
        c = quote_ident(name)
        ins.append(_sel(sid_new, name, "NULL", f"CAST(NEW.{c} AS TEXT)", f"NEW.{c} IS NOT NULL"))
        upd.append(_sel(sid_new, name, f"CAST(OLD.{c} AS TEXT)", f"CAST(NEW.{c} AS TEXT)", f"OLD.{c} IS NOT NEW.{c}"))
        dele.append(_sel(sid_old, name, f"CAST(OLD.{c} AS TEXT)", "NULL", f"OLD.{c} IS NOT NULL"))
    ins.append(_sel(sid_new, hist.POINT_FIELD, "NULL", f"hex(NEW.{g})", f"NEW.{g} IS NOT NULL"))
    upd.append(_sel(sid_new, hist.POINT_FIELD, f"hex(OLD.{g})", f"hex(NEW.{g})", f"OLD.{g} IS NOT NEW.{g}"))
    dele.append(_sel(sid_old, hist.POINT_FIELD, f"hex(OLD.{g})", "NULL", f"OLD.{g} IS NOT NULL"))
    v, p = quote_ident(VERSION_FIELD), quote_ident(pk)
    bump = f"UPDATE {t} SET {v} = OLD.{v} + 1 WHERE {p} = NEW.{p} AND NEW.{v} IS OLD.{v};"
    return {
        f"{HISTORY}_insert": f"CREATE TRIGGER {quote_ident(HISTORY + '_insert')} AFTER INSERT ON {t}\nBEGIN\n"
                             f"{_history_insert(ins)}\nEND",
        f"{HISTORY}_update": f"CREATE TRIGGER {quote_ident(HISTORY + '_update')} AFTER UPDATE ON {t}\nBEGIN\n"
                             f"{_history_insert(upd)}\n{bump}\nEND",
        f"{HISTORY}_delete": f"CREATE TRIGGER {quote_ident(HISTORY + '_delete')} AFTER DELETE ON {t}\nBEGIN\n"
                             f"{_history_insert(dele)}\nEND",
    }


def polygon_trigger_sql(geom: str) -> dict:
    """Triggers of the polygons table: the outline's changes, which also raise the site's version."""
    t, g, pts = quote_ident(POLYGONS), quote_ident(geom), quote_ident(POINTS)
    v = quote_ident(VERSION_FIELD)
    name = POLYGONS + "_history"
    field = hist.POLYGON_FIELD
    bump_new = f'UPDATE {pts} SET {v} = {v} + 1 WHERE "site_id" = NEW."site_id";'
    bump_old = f'UPDATE {pts} SET {v} = {v} + 1 WHERE "site_id" = OLD."site_id";'
    ins = _history_insert([_sel('NEW."site_id"', field, "NULL", f"hex(NEW.{g})", f"NEW.{g} IS NOT NULL")])
    upd = _history_insert([_sel('NEW."site_id"', field, f"hex(OLD.{g})", f"hex(NEW.{g})")])
    dele = _history_insert([_sel('OLD."site_id"', field, f"hex(OLD.{g})", "NULL", f"OLD.{g} IS NOT NULL")])
    return {
        f"{name}_insert": f"CREATE TRIGGER {quote_ident(name + '_insert')} AFTER INSERT ON {t}\nBEGIN\n"
                          f"{ins}\n{bump_new}\nEND",
        f"{name}_update": f"CREATE TRIGGER {quote_ident(name + '_update')} AFTER UPDATE OF {g} ON {t}\n"
                          f"WHEN OLD.{g} IS NOT NEW.{g}\nBEGIN\n{upd}\n{bump_new}\nEND",
        f"{name}_delete": f"CREATE TRIGGER {quote_ident(name + '_delete')} AFTER DELETE ON {t}\nBEGIN\n"
                          f"{dele}\n{bump_old}\nEND",
    }


def ogr_field(name, kind, default=None):
    from osgeo import ogr

    ogr_type = {"string": ogr.OFTString, "int": ogr.OFTInteger, "double": ogr.OFTReal, "date": ogr.OFTDate,
                "bool": ogr.OFTInteger}[kind]
    field = ogr.FieldDefn(name, ogr_type)
    if kind == "bool":
        field.SetSubType(ogr.OFSTBoolean)
    if default is not None:
        field.SetDefault(default)
        field.SetNullable(False)
    return field


def add_column_sql(table, name, kind):
    decl = {"string": "TEXT", "int": "INTEGER", "double": "REAL", "date": "DATE", "bool": "BOOLEAN"}[kind]
    extra = " NOT NULL DEFAULT 1" if name == VERSION_FIELD else ""
    return f"ALTER TABLE {quote_ident(table)} ADD COLUMN {quote_ident(name)} {decl}{extra}"
