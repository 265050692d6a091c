"""The SQL of a team inventory in PostgreSQL/PostGIS: its tables, constraints, value lists and triggers.

Why generated from the CNIG schema: the columns, their types and the standard's coded values come from
``resources/cnig/friches_schema.json`` like everywhere else in the plugin, so the database refuses what
the standard refuses (a ``site_statut`` outside its list) and accepts what the import writes.

For an inventory table ``<schema>.<table>`` (``friches`` by default):

- ``<table>``: one row per site (``site_id`` unique and required), the CNIG attributes, the plugin's
  computed fields, ``version`` and the point; a CHECK per coded field (single values in the list,
  ``|``-lists made of listed values); a spatial index;
- ``<table>_emprises``: the site's outline (MultiPolygon), one per site, tied to the site by a foreign key
  (renaming or deleting a site follows);
- ``<table>_history``: one row per changed field, written only by the triggers (functions SECURITY
  DEFINER, so editors need no right on it but reading): site_id, field, old_value, new_value,
  changed_at, changed_by (``session_user``: the database role who made the change), source (the
  ``friches.source`` setting of the transaction, ``other`` when a client does not set it);
- ``<table>_value_lists``: the standard's lists (field, value, position), for forms and reports.

The standard's patterns (cadastral references, activity codes…) are not constraints: the import keeps a
value that does not follow them and reports it, and the database must accept what the import keeps.
"""

from __future__ import annotations

from ..core import cnig_friches
from ..core import history as hist
from .inventory_store import POLYGON_KINDS, VERSION_FIELD, inventory_kinds

PG_TYPES = {"string": "text", "int": "integer", "double": "double precision", "date": "date", "bool": "boolean"}
#: Kind of a column from ``format_type()``.
FORMAT_KINDS = {
    "text": "string", "character varying": "string", "character": "string", "name": "string",
    "integer": "int", "bigint": "int", "smallint": "int",
    "double precision": "double", "real": "double", "numeric": "double",
    "date": "date", "timestamp without time zone": "datetime", "timestamp with time zone": "datetime",
    "boolean": "bool",
}


def ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def literal(text) -> str:
    """An SQL string literal (E'…' so that backslashes mean the same whatever the server's settings)."""
    if text is None:
        return "NULL"
    text = str(text).replace("\x00", "")
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def kind_of(format_type: str) -> str:
    base = format_type.split("(", 1)[0].strip()
    if base == "geometry":
        return "geometry"
    return FORMAT_KINDS.get(base, base)


class Names:
    """Qualified names of an inventory's tables and triggers."""

    def __init__(self, schema: str, table: str, geometry: str = "geom"):
        self.schema, self.table, self.geometry = schema, table, geometry
        self.polygons = table + "_emprises"
        self.history = table + "_history"
        self.lists = table + "_value_lists"

    def q(self, table: str) -> str:
        return f"{ident(self.schema)}.{ident(table)}"

    @property
    def triggers(self) -> dict:
        """``{trigger name: table}`` the inventory needs."""
        return {self.table + "_version": self.table, self.table + "_history": self.table,
                self.polygons + "_history": self.polygons}


def _checks(names: Names) -> list:
    out = []
    for spec in cnig_friches.coded_fields():
        values = ", ".join(literal(v) for v in spec.allowed_values)
        column = ident(spec.name)
        cname = ident(f"{names.table}_{spec.name}_cnig")
        if spec.multi_values:
            out.append(f"CONSTRAINT {cname} CHECK ({column} IS NULL OR "
                       f"string_to_array({column}, '|') <@ ARRAY[{values}]::text[])")
        else:
            out.append(f"CONSTRAINT {cname} CHECK ({column} IS NULL OR {column} IN ({values}))")
    return out


def create_sql(names: Names, srid: int, postgis_schema: str = "public") -> list:
    """Statements creating an inventory (to run in one transaction)."""
    n = names
    kinds = inventory_kinds()
    g = ident(n.geometry)
    columns = ["fid bigserial PRIMARY KEY", "site_id text NOT NULL"]
    columns += [f"{ident(name)} {PG_TYPES[kind]}" for name, kind in kinds.items() if name != "site_id"]
    columns += [f"{ident(VERSION_FIELD)} integer NOT NULL DEFAULT 1", f"{g} geometry(Point, {int(srid)}) NOT NULL",
                f"CONSTRAINT {ident(n.table + '_site_id_key')} UNIQUE (site_id)"]
    columns += _checks(n)
    pcolumns = ["fid bigserial PRIMARY KEY",
                f"site_id text NOT NULL REFERENCES {n.q(n.table)} (site_id) ON UPDATE CASCADE ON DELETE CASCADE"]
    pcolumns += [f"{ident(name)} {PG_TYPES[kind]}" for name, kind in POLYGON_KINDS.items() if name != "site_id"]
    pcolumns += [f"{g} geometry(MultiPolygon, {int(srid)}) NOT NULL",
                 f"CONSTRAINT {ident(n.polygons + '_site_id_key')} UNIQUE (site_id)"]
    lists = []
    for spec in cnig_friches.coded_fields():
        for position, value in enumerate(spec.allowed_values, start=1):
            lists.append(f"({literal(spec.name)}, {literal(value)}, {position})")
    version_in_schema = cnig_friches.schema_version()
    sql = [
        f"CREATE SCHEMA IF NOT EXISTS {ident(n.schema)}",
        f"CREATE TABLE {n.q(n.table)} (\n  " + ",\n  ".join(columns) + "\n)",
        f"CREATE INDEX {ident(n.table + '_geom_idx')} ON {n.q(n.table)} USING gist ({g})",
        f"CREATE TABLE {n.q(n.polygons)} (\n  " + ",\n  ".join(pcolumns) + "\n)",
        f"CREATE INDEX {ident(n.polygons + '_geom_idx')} ON {n.q(n.polygons)} USING gist ({g})",
        f"CREATE TABLE {n.q(n.history)} (\n  id bigserial PRIMARY KEY,\n  site_id text NOT NULL,\n"
        f"  field text NOT NULL,\n  old_value text,\n  new_value text,\n"
        f"  changed_at timestamptz NOT NULL DEFAULT now(),\n  changed_by text NOT NULL DEFAULT session_user,\n"
        f"  source text NOT NULL DEFAULT {literal(hist.SOURCE_OTHER)}\n)",
        f"CREATE INDEX {ident(n.history + '_site_idx')} ON {n.q(n.history)} (site_id, id)",
        f"CREATE INDEX {ident(n.history + '_time_idx')} ON {n.q(n.history)} (changed_at)",
        f"CREATE TABLE {n.q(n.lists)} (field text NOT NULL, value text NOT NULL, position integer NOT NULL, "
        f"PRIMARY KEY (field, value))",
        f"INSERT INTO {n.q(n.lists)} (field, value, position) VALUES " + ", ".join(lists),
        f"REVOKE ALL ON {n.q(n.history)} FROM PUBLIC",
        *trigger_sql(n, postgis_schema),
        f"COMMENT ON TABLE {n.q(n.table)} IS "
        + literal(f"Friches inventory, CNIG friches standard {version_in_schema} (QGIS plugin Friches & "
                  f"Tiers-Lieux). History of every change in {n.history}."),
        f"COMMENT ON TABLE {n.q(n.history)} IS "
        + literal("One row per changed field, written by triggers; source: 'import: <file>', 'form' or 'other'."),
    ]
    return sql


def trigger_sql(n: Names, postgis_schema: str) -> list:
    g = ident(n.geometry)
    path = f"pg_catalog, {ident(postgis_schema)}, pg_temp"
    source = (f"coalesce(nullif(current_setting('friches.source', true), ''), {literal(hist.SOURCE_OTHER)})")
    drop = f"- 'fid' - {literal(VERSION_FIELD)} - {literal(n.geometry)}"
    history = n.q(n.history)
    into = f"INSERT INTO {history} (site_id, field, old_value, new_value, source)"
    return [
        f"""CREATE FUNCTION {n.q(n.table + '_version')}() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.{ident(VERSION_FIELD)} IS NOT DISTINCT FROM OLD.{ident(VERSION_FIELD)} THEN
    NEW.{ident(VERSION_FIELD)} := OLD.{ident(VERSION_FIELD)} + 1;
  END IF;
  RETURN NEW;
END $f$""",
        f"CREATE TRIGGER {ident(n.table + '_version')} BEFORE UPDATE ON {n.q(n.table)} "
        f"FOR EACH ROW EXECUTE FUNCTION {n.q(n.table + '_version')}()",
        f"""CREATE FUNCTION {n.q(n.table + '_history')}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {path} AS $f$
DECLARE
  src text := {source};
  o jsonb := '{{}}'::jsonb;
  n jsonb := '{{}}'::jsonb;
  og text;
  ng text;
  sid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o := to_jsonb(OLD) {drop};
    og := encode(ST_AsBinary(OLD.{g}), 'hex');
    sid := OLD.site_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    n := to_jsonb(NEW) {drop};
    ng := encode(ST_AsBinary(NEW.{g}), 'hex');
    sid := NEW.site_id;
  END IF;
  IF TG_OP = 'INSERT' THEN
    {into} VALUES (sid, '{hist.SITE}', NULL, '{hist.PRESENT}', src);
  ELSIF TG_OP = 'DELETE' THEN
    {into} VALUES (sid, '{hist.SITE}', '{hist.PRESENT}', NULL, src);
  END IF;
  {into}
    SELECT sid, k, o ->> k, n ->> k, src
    FROM (SELECT DISTINCT jsonb_object_keys(o || n) AS k) AS keys
    WHERE nullif(o -> k, 'null'::jsonb) IS DISTINCT FROM nullif(n -> k, 'null'::jsonb)
    ORDER BY k;
  IF og IS DISTINCT FROM ng THEN
    {into} VALUES (sid, '{hist.POINT_FIELD}', og, ng, src);
  END IF;
  RETURN NULL;
END $f$""",
        f"CREATE TRIGGER {ident(n.table + '_history')} AFTER INSERT OR UPDATE OR DELETE ON {n.q(n.table)} "
        f"FOR EACH ROW EXECUTE FUNCTION {n.q(n.table + '_history')}()",
        f"""CREATE FUNCTION {n.q(n.polygons + '_history')}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {path} AS $f$
DECLARE
  src text := {source};
  og text;
  ng text;
  sid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN og := encode(ST_AsBinary(OLD.{g}), 'hex'); sid := OLD.site_id; END IF;
  IF TG_OP <> 'DELETE' THEN ng := encode(ST_AsBinary(NEW.{g}), 'hex'); sid := NEW.site_id; END IF;
  IF og IS DISTINCT FROM ng THEN
    {into} VALUES (sid, '{hist.POLYGON_FIELD}', og, ng, src);
    UPDATE {n.q(n.table)} SET {ident(VERSION_FIELD)} = {ident(VERSION_FIELD)} + 1 WHERE site_id = sid;
  END IF;
  RETURN NULL;
END $f$""",
        f"CREATE TRIGGER {ident(n.polygons + '_history')} AFTER INSERT OR UPDATE OR DELETE ON {n.q(n.polygons)} "
        f"FOR EACH ROW EXECUTE FUNCTION {n.q(n.polygons + '_history')}()",
    ]


def structure_sql(n: Names) -> str:
    """One query listing the columns of the inventory's tables and their triggers."""
    tables = ", ".join(literal(t) for t in (n.table, n.polygons, n.history))
    return (
        "SELECT 'column', c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod) "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace s ON s.oid = c.relnamespace "
        f"WHERE s.nspname = {literal(n.schema)} AND c.relname IN ({tables}) AND a.attnum > 0 AND NOT a.attisdropped "
        "UNION ALL SELECT 'trigger', c.relname::text, t.tgname::text, '' FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace s ON s.oid = c.relnamespace "
        f"WHERE s.nspname = {literal(n.schema)} AND c.relname IN ({tables}) AND NOT t.tgisinternal "
        "UNION ALL SELECT 'postgis', e.extversion::text, s.nspname::text, '' FROM pg_extension e "
        "JOIN pg_namespace s ON s.oid = e.extnamespace WHERE e.extname = 'postgis' "
        "UNION ALL SELECT 'srid', f_table_name::text, srid::text, type::text FROM geometry_columns "
        f"WHERE f_table_schema = {literal(n.schema)} AND f_table_name IN ({tables}) "
        f"AND f_geometry_column = {literal(n.geometry)}"
    )


def structure_problems(n: Names, rows) -> list:
    """[(code, params)] of what differs from an inventory (empty: the tables are one)."""
    columns, triggers = {}, set()
    for kind, table, name, type_text in rows:
        if kind == "column":
            columns.setdefault(table, {})[name] = type_text
        elif kind == "trigger":
            triggers.add(name)
    problems = []
    wanted = {
        n.table: {**inventory_kinds(), VERSION_FIELD: "int", n.geometry: "geometry"},
        n.polygons: {**POLYGON_KINDS, n.geometry: "geometry"},
        n.history: {"id": "int", "site_id": "string", "field": "string", "old_value": "string",
                    "new_value": "string", "changed_at": "datetime", "changed_by": "string", "source": "string"},
    }
    from .inventory_store import COMPATIBLE

    for table, fields in wanted.items():
        if table not in columns:
            problems.append(("missing_table", {"table": f"{n.schema}.{table}"}))
            continue
        have = columns[table]
        for name, kind in fields.items():
            if name not in have:
                problems.append(("missing_column", {"table": table, "field": name}))
                continue
            found = kind_of(have[name])
            ok = found == kind if kind in ("geometry", "datetime") else found in COMPATIBLE.get(kind, {kind})
            if not ok:
                problems.append(("column_type", {"table": table, "field": name, "found": have[name],
                                                 "expected": PG_TYPES.get(kind, kind)}))
    for trigger in n.triggers:
        if trigger not in triggers:
            problems.append(("missing_trigger", {"trigger": trigger}))
    return problems
