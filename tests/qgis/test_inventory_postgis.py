"""The team inventory in a real PostgreSQL/PostGIS server (a throw-away cluster started for the session,
see ``tests/pg_cluster.py``): creation, structure checks, credentials, history written by triggers for
edits of any client, and no lost update between two real connections (the plugin's, through QGIS, and an
independent psycopg2 connection of another role).

If the cluster cannot start these tests fail with the reason; they are never skipped.
"""

import csv
import re

import pytest
from inventory_helpers import (
    DEMO_CSV,
    GEOJSON,
    authcfg,
    csv_layer,
    demo_value,
    pg_uri,
    recording_feedback,
    run_import,
)
from qgis.core import QgsProcessingException

pytestmark = pytest.mark.timeout(300)

TECH_A, PASS_A = "tech_a", "mdp-a-1234"
TECH_B, PASS_B = "tech_b", "mdp-b-5678"


def demo_rows():
    with DEMO_CSV.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def admin(cluster, db):
    return cluster.connect(db)


def grant_team(cluster, db, schema="inventaire", table="friches"):
    """What the README tells the administrator to run for a second technician: edit the sites and their
    outlines, read the history and the value lists (the triggers write the history)."""
    conn = admin(cluster, db)
    cur = conn.cursor()
    cur.execute(f"GRANT USAGE ON SCHEMA {schema} TO {TECH_B}")
    cur.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.{table}, {schema}.{table}_emprises TO {TECH_B}")
    cur.execute(f"GRANT SELECT ON {schema}.{table}_history, {schema}.{table}_value_lists TO {TECH_B}")
    cur.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {TECH_B}")
    conn.close()


def rows(cluster, db, sql, params=None, user=None, password=None):
    conn = cluster.connect(db, user=user or "postgres", password=password)
    cur = conn.cursor()
    cur.execute(sql, params)
    out = cur.fetchall()
    conn.close()
    return out


# -- creation, credentials ------------------------------------------------------------------------------

def test_import_creates_the_team_inventory_with_history(plugin, processing_context, postgis_cluster, pg_database):
    cluster, db = postgis_cluster, pg_database
    auth = authcfg(TECH_A, PASS_A)
    inventory = pg_uri(cluster, db, auth=auth)
    feedback = recording_feedback()
    result = run_import(processing_context, feedback, csv_layer(), inventory)
    n = len(demo_rows())
    assert result["ADDED"] == n and result["UPDATED"] == 0

    # the tables, their constraints and indexes, as PostgreSQL itself describes them
    tables = {r[0] for r in rows(cluster, db, "SELECT tablename FROM pg_tables WHERE schemaname = 'inventaire'")}
    assert tables == {"friches", "friches_emprises", "friches_history", "friches_value_lists"}
    checks = dict(rows(cluster, db, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                    "WHERE conrelid = 'inventaire.friches'::regclass AND contype = 'c'"))
    assert "friche reconvertie" in checks["friches_site_statut_cnig"]
    assert "string_to_array" in checks["friches_bati_type_cnig"]
    indexes = " ".join(r[0] for r in rows(cluster, db,
                                          "SELECT indexdef FROM pg_indexes WHERE schemaname = 'inventaire'"))
    assert "USING gist (geom)" in indexes
    lists = rows(cluster, db, "SELECT value FROM inventaire.friches_value_lists WHERE field = 'site_statut' "
                              "ORDER BY position")
    assert [r[0] for r in lists][:4] == ["friche potentielle", "friche sans projet", "friche avec projet",
                                         "friche reconvertie"]
    # the sites, against the file read independently
    stored = dict(rows(cluster, db, "SELECT site_id, site_statut FROM inventaire.friches"))
    assert stored == {r["site_id"]: (r["site_statut"] or None) for r in demo_rows()}
    # the history: who (the database role of the authcfg), what, from which file
    history = rows(cluster, db, "SELECT DISTINCT changed_by, source FROM inventaire.friches_history")
    assert history == [(TECH_A, "import: friches_ingeville.csv")]
    created = rows(cluster, db, "SELECT count(*) FROM inventaire.friches_history WHERE field = '_site'")[0][0]
    assert created == n
    # the database refuses what the standard refuses
    conn = cluster.connect(db)
    with pytest.raises(Exception, match="friches_site_statut_cnig"):
        conn.cursor().execute("UPDATE inventaire.friches SET site_statut = 'en friche'")
    conn.close()

    # a second import of the same file changes nothing and writes no history
    before = rows(cluster, db, "SELECT count(*) FROM inventaire.friches_history")[0][0]
    again = run_import(processing_context, recording_feedback(), csv_layer(), inventory)
    assert again["ADDED"] == 0 and again["UPDATED"] == 0 and again["UNCHANGED"] == n
    assert rows(cluster, db, "SELECT count(*) FROM inventaire.friches_history")[0][0] == before
    # nothing says the password, the layer output has no credentials in clear
    assert PASS_A not in feedback.text and PASS_A not in str(result)
    assert f"authcfg={auth}" in result["INVENTORY_LAYER"]


def test_password_in_clear_never_reaches_outputs_or_logs(plugin, processing_context, postgis_cluster, pg_database):
    inventory = pg_uri(postgis_cluster, pg_database, user=TECH_A, password=PASS_A)
    feedback = recording_feedback()
    result = run_import(processing_context, feedback, str(GEOJSON), inventory)
    assert result["ADDED"] == 3
    assert PASS_A not in feedback.text
    assert all(PASS_A not in str(value) for value in result.values())
    from qgis.core import QgsApplication, QgsMessageLog  # noqa: F401  (the message log is checked below)

    # the message about a wrong password names no password either
    wrong = pg_uri(postgis_cluster, pg_database, user=TECH_A, password="not-the-password-42")
    with pytest.raises(QgsProcessingException) as info:
        run_import(processing_context, recording_feedback(), str(GEOJSON), wrong)
    assert "not-the-password-42" not in str(info.value)
    assert "password" in str(info.value).lower()


def test_saved_connection_schema_and_table(plugin, processing_context, postgis_cluster, pg_database, qgis_iface,
                                           tmp_dir):
    """A QGIS saved connection (credentials in an authcfg) written connection=… schema=… table=…, and the
    inventory panel opening it: layers without password, the project file without password."""
    from qgis.core import QgsProject, QgsProviderRegistry

    auth = authcfg(TECH_A, PASS_A, name="équipe sig")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    base = f"dbname='{pg_database}' host=127.0.0.1 port={postgis_cluster.port} authcfg={auth}"
    metadata.saveConnection(metadata.createConnection(base, {}), "Équipe SIG test")
    try:
        inventory = "connection='Équipe SIG test' schema=suivi table=inventaire_2026"
        result = run_import(processing_context, recording_feedback(), csv_layer(), inventory)
        assert result["ADDED"] == len(demo_rows())
        tables = {r[0] for r in rows(postgis_cluster, pg_database,
                                     "SELECT tablename FROM pg_tables WHERE schemaname = 'suivi'")}
        assert {"inventaire_2026", "inventaire_2026_emprises", "inventaire_2026_history"} <= tables

        from friches_tierslieux.ui.inventory_dock import InventoryDock

        qgis_iface.newProject()
        dock = InventoryDock(qgis_iface, qgis_iface.mainWindow())
        try:
            points = dock.open_postgis("Équipe SIG test", "suivi", "inventaire_2026", ask=False)
            assert points is not None and points.isValid()
            assert points.featureCount() == len(demo_rows())
            assert dock.model.rowCount() == len(demo_rows())
            project_file = tmp_dir / "team.qgs"
            assert QgsProject.instance().write(str(project_file))
            text = project_file.read_text(encoding="utf-8")
            assert "inventaire_2026" in text and PASS_A not in text
        finally:
            dock.close_and_disconnect()
            dock.deleteLater()
            QgsProject.instance().removeAllMapLayers()
    finally:
        metadata.deleteConnection("Équipe SIG test")


def test_existing_table_of_another_structure_is_reported_not_altered(plugin, processing_context, postgis_cluster,
                                                                     pg_database):
    conn = admin(postgis_cluster, pg_database)
    conn.cursor().execute("CREATE SCHEMA inventaire; CREATE TABLE inventaire.friches (fid serial PRIMARY KEY, "
                          "site_id integer, site_nom text, geom geometry(Point, 2154))")
    conn.close()
    definition = "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'inventaire' " \
                 "ORDER BY table_name, ordinal_position"
    before = rows(postgis_cluster, pg_database, definition)
    inventory = pg_uri(postgis_cluster, pg_database, user="postgres", password=postgis_cluster.password)
    with pytest.raises(QgsProcessingException) as info:
        run_import(processing_context, recording_feedback(), str(GEOJSON), inventory)
    message = str(info.value)
    assert "another structure" in message and "site_id" in message and "integer" in message
    assert postgis_cluster.password not in message
    assert rows(postgis_cluster, pg_database, definition) == before
    triggers = rows(postgis_cluster, pg_database, "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON "
                                                  "c.oid = t.tgrelid WHERE c.relname = 'friches' AND NOT tgisinternal")
    assert triggers[0][0] == 0


# -- history of edits made by any client ------------------------------------------------------------------

def test_edits_of_any_client_are_in_the_history(plugin, processing_context, postgis_cluster, pg_database):
    cluster, db = postgis_cluster, pg_database
    run_import(processing_context, recording_feedback(), csv_layer(), pg_uri(cluster, db, auth=authcfg(TECH_A, PASS_A)))
    grant_team(cluster, db)
    conn = cluster.connect(db, user=TECH_B, password=PASS_B)
    cur = conn.cursor()
    cur.execute("UPDATE inventaire.friches SET site_statut = 'friche reconvertie', bati_nombre = 3 "
                "WHERE site_id = '45999_0004'")
    cur.execute("UPDATE inventaire.friches_emprises SET geom = ST_Multi(ST_Buffer(ST_Centroid(geom), 20)) "
                "WHERE site_id = '45999_0001'")
    cur.execute("DELETE FROM inventaire.friches WHERE site_id = '45999_0013'")
    cur.execute("SELECT has_table_privilege('inventaire.friches_history', 'INSERT')")
    assert cur.fetchone()[0] is False  # the history is written by the triggers only
    conn.close()

    history = rows(cluster, db, "SELECT site_id, field, old_value, new_value, changed_by, source "
                                "FROM inventaire.friches_history WHERE changed_by = %s ORDER BY id", (TECH_B,))
    changed = {(r[0], r[1]): r for r in history}
    statut = changed[("45999_0004", "site_statut")]
    assert statut[2:] == (demo_value("45999_0004", "site_statut"), "friche reconvertie", TECH_B, "other")
    assert changed[("45999_0004", "bati_nombre")][3] == "3"
    emprise = changed[("45999_0001", "emprise")]
    assert emprise[2] and emprise[3] and emprise[2] != emprise[3]
    # the deleted site: its existence and every field it had, its outline too
    deleted = [r for r in history if r[0] == "45999_0013"]
    assert ("45999_0013", "_site", "present", None, TECH_B, "other") in deleted
    assert any(r[1] == "site_nom" and r[2] == demo_value("45999_0013", "site_nom") and r[3] is None for r in deleted)
    assert any(r[1] == "emprise" and r[3] is None for r in deleted)
    # versions went up where something changed
    versions = dict(rows(cluster, db, "SELECT site_id, version FROM inventaire.friches WHERE site_id IN "
                                      "('45999_0004', '45999_0001', '45999_0002')"))
    assert versions["45999_0004"] > versions["45999_0002"] and versions["45999_0001"] > versions["45999_0002"]


# -- no lost update: two real connections ---------------------------------------------------------------

def _store(cluster, db, auth):
    from friches_tierslieux.processing.inventory_location import parse_location
    from friches_tierslieux.processing.inventory_store import open_inventory

    return open_inventory(parse_location(pg_uri(cluster, db, auth=auth)), create=False)


def test_two_connections_no_lost_update(plugin, processing_context, postgis_cluster, pg_database):
    from friches_tierslieux.core import inventory as inv
    from friches_tierslieux.processing.inventory_store import InventoryStoreError, VersionConflict, error_message

    cluster, db = postgis_cluster, pg_database
    auth = authcfg(TECH_A, PASS_A)
    run_import(processing_context, recording_feedback(), csv_layer(), pg_uri(cluster, db, auth=auth))
    grant_team(cluster, db)
    store = _store(cluster, db, auth)
    read = store.read_sites()  # technician A reads the inventory…

    other = cluster.connect(db, user=TECH_B, password=PASS_B, autocommit=False)  # …technician B, at once
    cur = other.cursor()
    cur.execute("UPDATE inventaire.friches SET site_nom = 'Manufacture Duval (B)' WHERE site_id = '45999_0001'")
    other.commit()
    b_time = rows(cluster, db, "SELECT max(changed_at) FROM inventaire.friches_history")[0][0]

    # A merges over the site B changed: refused, nothing written, the message names B and the time
    history_before = rows(cluster, db, "SELECT count(*) FROM inventaire.friches_history")[0][0]
    values = dict(read["45999_0001"].site.values, site_statut="friche reconvertie")
    decision = inv.MergeDecision("update", values, ["site_statut"])
    values2 = dict(read["45999_0002"].site.values, site_statut="friche reconvertie")
    decision2 = inv.MergeDecision("update", values2, ["site_statut"])
    with pytest.raises(VersionConflict) as info:
        store.apply([("45999_0002", decision2), ("45999_0001", decision)], read, "import: test.csv")
    assert info.value.site_id == "45999_0001" and info.value.changed_by == TECH_B
    assert abs((info.value.changed_at - b_time).total_seconds()) < 1e-3
    message = error_message(info.value, store.where)
    assert "45999_0001" in message and TECH_B in message and b_time.astimezone().strftime("%H:%M") in message
    assert rows(cluster, db, "SELECT count(*) FROM inventaire.friches_history")[0][0] == history_before
    statuts = dict(rows(cluster, db, "SELECT site_id, site_statut FROM inventaire.friches WHERE site_id IN "
                                     "('45999_0001', '45999_0002')"))
    assert statuts == {sid: demo_value(sid, "site_statut") for sid in ("45999_0001", "45999_0002")}  # neither written

    # B is editing a site right now (its row locked, not committed): A waits, then gives up cleanly
    cur.execute("UPDATE inventaire.friches SET site_adresse = 'en cours' WHERE site_id = '45999_0003'")
    store.lock_timeout_ms = 300
    version3 = read["45999_0003"].version
    with pytest.raises(InventoryStoreError) as locked:
        store.save_site("45999_0003", {"site_statut": "friche reconvertie"}, version3)
    assert locked.value.code == "locked"
    other.commit()
    # once B committed, A's stale version is refused; after reloading, A's change goes through
    with pytest.raises(VersionConflict):
        store.save_site("45999_0003", {"site_statut": "friche reconvertie"}, version3)
    fresh = store.read_sites()["45999_0003"].version
    new_version = store.save_site("45999_0003", {"site_statut": "friche reconvertie"}, fresh)
    assert new_version == fresh + 1
    final = rows(cluster, db, "SELECT site_statut, site_adresse FROM inventaire.friches WHERE site_id = '45999_0003'")
    assert final == [("friche reconvertie", "en cours")]  # both changes kept
    sources = rows(cluster, db, "SELECT changed_by, source FROM inventaire.friches_history WHERE site_id = "
                                "'45999_0003' AND field IN ('site_statut', 'site_adresse') AND source NOT LIKE "
                                "'import:%%' ORDER BY id")
    assert sources == [(TECH_B, "other"), (TECH_A, "form")]
    other.close()


def test_form_conflict_names_the_other_author_and_reloads(plugin, processing_context, postgis_cluster,
                                                          pg_database, qgis_iface):
    from friches_tierslieux.ui.inventory_dock import InventoryDock
    from qgis.core import QgsProject, QgsProviderRegistry

    cluster, db = postgis_cluster, pg_database
    auth = authcfg(TECH_A, PASS_A)
    run_import(processing_context, recording_feedback(), csv_layer(), pg_uri(cluster, db, auth=auth))
    grant_team(cluster, db)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    base = f"dbname='{db}' host=127.0.0.1 port={cluster.port} authcfg={auth}"
    metadata.saveConnection(metadata.createConnection(base, {}), "form test")
    qgis_iface.newProject()
    dock = InventoryDock(qgis_iface, qgis_iface.mainWindow())
    try:
        layer = dock.open_postgis("form test", "inventaire", "friches", ask=False)
        fid = next(f.id() for f in layer.getFeatures() if f["site_id"] == "45999_0006")
        form = dock.create_form(fid)
        assert form.location is not None and form.version is not None
        form.widget("site_adresse").setText("2 rue de la Fonderie")
        form.editors["site_statut"].set_value("friche reconvertie")

        conn = cluster.connect(db, user=TECH_B, password=PASS_B)
        theirs = "friche avec projet" if demo_value("45999_0006", "site_statut") != "friche avec projet" else \
            "friche potentielle"
        conn.cursor().execute(f"UPDATE inventaire.friches SET site_statut = '{theirs}', "
                              "bati_etat = 'dégradation moyenne' WHERE site_id = '45999_0006'")
        conn.close()

        form.accept()
        assert form.result() != form.DialogCode.Accepted
        text = form.error_label.text()
        assert "45999_0006" in text and TECH_B in text
        assert form.reload_button.isVisibleTo(form)
        form.reload_site()
        # B's values are shown; A's change to a field B did not touch is kept; the field both changed is named
        assert form.editors["bati_etat"].value() == "dégradation moyenne"
        assert form.editors["site_statut"].value() == theirs
        assert form.widget("site_adresse").text() == "2 rue de la Fonderie"
        assert re.search("Status|statut", form.error_label.text(), re.IGNORECASE)
        form.accept()
        assert form.result() == form.DialogCode.Accepted, form.error_label.text()
        saved = rows(cluster, db, "SELECT site_statut, bati_etat, site_adresse FROM inventaire.friches "
                                  "WHERE site_id = '45999_0006'")
        assert saved == [(theirs, "dégradation moyenne", "2 rue de la Fonderie")]
        last = rows(cluster, db, "SELECT changed_by, source FROM inventaire.friches_history WHERE site_id = "
                                 "'45999_0006' AND field = 'site_adresse' ORDER BY id DESC LIMIT 1")
        assert last == [(TECH_A, "form")]
    finally:
        dock.close_and_disconnect()
        dock.deleteLater()
        QgsProject.instance().removeAllMapLayers()
        metadata.deleteConnection("form test")
