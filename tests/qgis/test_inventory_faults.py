"""Faults during a write: a process killed with SIGKILL in the middle of a merge or a form save, a database
connection lost in the middle of an import. The inventory must stay whole: the GeoPackage opens, passes
``PRAGMA integrity_check`` and holds either the state before or the state after, never a mix; the PostGIS
tables keep the state before (or the whole import, when the kill came after the commit).

The writer is a separate process (``tests/inventory_worker.py``) that says when its write transaction
starts (``APPLY``) and ends (``APPLIED``); the kills are aimed at random moments inside that span.
"""

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from inventory_helpers import DEMO_CSV, authcfg, csv_layer, gpkg_state, pg_uri, recording_feedback, run_import
from qgis.core import QgsProcessingException

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "inventory_worker.py"
#: New sites in the big import: enough for a write transaction of a good fraction of a second.
NEW_SITES = 1200
KILLS = 8

pytestmark = pytest.mark.timeout(600)


def big_import(path: Path):
    """The demo's 43 sites, each with a later status and update date (43 updates), plus NEW_SITES new
    sites (copies under new ids): one merge = updates and additions in one transaction."""
    with DEMO_CSV.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        names, rows = reader.fieldnames, list(reader)
    out = []
    for row in rows:
        changed = dict(row)
        changed["site_statut"] = "friche reconvertie" if row["site_statut"] != "friche reconvertie" else \
            "friche avec projet"
        changed["site_actu_date"] = "2026-11-30"
        out.append(changed)
    for i in range(NEW_SITES):
        copy = dict(rows[i % len(rows)])
        copy["site_id"] = f"{copy['comm_insee']}_K{i:05d}"
        copy["site_nom"] = f"{copy['site_nom']} (lot {i})"
        out.append(copy)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=names)
        writer.writeheader()
        writer.writerows(out)
    return path


def start_worker(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, str(WORKER), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))


def wait_for(process, word, timeout=120):
    """The time printed on the worker's line starting with ``word`` (None when it ended before)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            return None
        if line.startswith(word + " "):
            return float(line.split()[1])
    raise AssertionError(f"the worker did not say {word} within {timeout} s")


def integrity(path):
    with sqlite3.connect(str(path)) as db:
        result = db.execute("PRAGMA integrity_check").fetchall()
    db.close()
    return result


@pytest.fixture(scope="module")
def gpkg_before_after(qgis_app, qgis_processing, tmp_path_factory, plugin):
    """(template GeoPackage = state before, state after, the big import's file, duration of its write)."""
    from qgis.core import QgsProcessingContext, QgsProject

    folder = tmp_path_factory.mktemp("faults")
    template = folder / "template.gpkg"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    run_import(context, recording_feedback(), csv_layer(), str(template))
    source = big_import(folder / "big.csv")
    reference = folder / "reference.gpkg"
    shutil.copy(template, reference)
    worker = start_worker("import", source, reference)
    start = wait_for(worker, "APPLY")
    end = wait_for(worker, "APPLIED")
    out, err = worker.communicate(timeout=120)
    assert worker.returncode == 0 and "DONE" in out, err[-2000:]
    before, after = gpkg_state(template), gpkg_state(reference)
    assert len(after["friches"]) == len(before["friches"]) + NEW_SITES
    assert before["friches"] != after["friches"]
    return template, before, after, source, end - start


def test_kill_9_during_geopackage_merge_leaves_before_or_after(gpkg_before_after, tmp_dir):
    template, before, after, source, duration = gpkg_before_after
    assert duration > 0.05, duration  # a span the kills can aim at
    rng = random.Random(14)
    outcomes = []
    for trial in range(KILLS):
        target = tmp_dir / f"trial{trial}.gpkg"
        shutil.copy(template, target)
        worker = start_worker("import", source, target)
        started = wait_for(worker, "APPLY")
        assert started is not None, worker.stderr.read()[-2000:]
        time.sleep(rng.uniform(0.0, duration * 1.1))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=60)
        hot_journal = Path(str(target) + "-journal").exists() or Path(str(target) + "-wal").exists()
        assert integrity(target) == [("ok",)]
        state = gpkg_state(target)  # opening rolled a hot journal back
        assert state in (before, after), f"trial {trial}: a mix of before and after"
        outcomes.append(("before" if state == before else "after", hot_journal))
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(f"{target}|layername=friches", "check", "ogr")
        assert layer.isValid() and layer.featureCount() in (len(before["friches"]), len(after["friches"]))
        del layer
    # the kills did land inside write transactions (a hot journal left behind), and each left a whole state
    assert any(journal for _state, journal in outcomes), outcomes
    assert any(state == "before" for state, _journal in outcomes), outcomes


def test_kill_9_during_form_save_leaves_before_or_after(gpkg_before_after, tmp_dir):
    template, before, _after, _source, _duration = gpkg_before_after
    rng = random.Random(41)
    for trial in range(3):
        target = tmp_dir / f"save{trial}.gpkg"
        shutil.copy(template, target)
        worker = start_worker("save", target, "45999_0005", "site_statut", "friche avec projet")
        assert wait_for(worker, "APPLY") is not None
        time.sleep(rng.uniform(0.0, 0.03))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=60)
        assert integrity(target) == [("ok",)]
        state = gpkg_state(target)
        if state != before:  # the save went through whole: the site, its version and its history row
            assert len(state["friches_history"]) == len(before["friches_history"]) + 1
            with sqlite3.connect(str(target)) as db:
                saved = db.execute("SELECT site_statut FROM friches WHERE site_id = '45999_0005'").fetchone()
            db.close()
            assert saved == ("friche avec projet",)


# -- PostGIS -----------------------------------------------------------------------------------------------

SLOW_TRIGGER = """
CREATE FUNCTION public.test_slow_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_sleep(0.003); RETURN NULL; END $$;
CREATE TRIGGER test_slow_row AFTER INSERT OR UPDATE ON inventaire.friches FOR EACH ROW
EXECUTE FUNCTION public.test_slow_row();
"""

TERMINATOR = """
import sys, time, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
cur = conn.cursor()
deadline = time.time() + 120
killed = set()
while time.time() < deadline and len(killed) < 2:
    cur.execute("SELECT pid FROM pg_stat_activity WHERE usename = 'tech_a' AND state = 'active' "
                "AND query LIKE '%friches.source%'")
    found = [pid for (pid,) in cur.fetchall() if pid not in killed]
    if found:
        time.sleep(0.3)  # well inside the merge
        cur.execute("SELECT pg_terminate_backend(%s)", (found[0],))
        killed.add(found[0])
        print("KILLED", flush=True)
    time.sleep(0.02)
"""


def pg_counts(cluster, db):
    conn = cluster.connect(db)
    cur = conn.cursor()
    cur.execute("SELECT count(*), sum(version), count(*) FILTER (WHERE site_statut = 'friche reconvertie') "
                "FROM inventaire.friches")
    sites = cur.fetchone()
    cur.execute("SELECT count(*) FROM inventaire.friches_history")
    history = cur.fetchone()[0]
    cur.execute("SELECT count(*) FROM inventaire.friches_emprises")
    polygons = cur.fetchone()[0]
    conn.close()
    return (*sites, history, polygons)


def test_connection_lost_mid_import_leaves_postgis_as_it_was(plugin, processing_context, postgis_cluster,
                                                             pg_database, tmp_dir):
    cluster, db = postgis_cluster, pg_database
    inventory = pg_uri(cluster, db, auth=authcfg("tech_a", "mdp-a-1234"))
    run_import(processing_context, recording_feedback(), csv_layer(), inventory)
    conn = cluster.connect(db)
    conn.cursor().execute(SLOW_TRIGGER)
    conn.close()
    before = pg_counts(cluster, db)
    source = big_import(tmp_dir / "big.csv")
    terminator = subprocess.Popen([sys.executable, "-c", TERMINATOR, cluster.dsn(db)], stdout=subprocess.PIPE,
                                  text=True)
    with pytest.raises(QgsProcessingException) as info:
        run_import(processing_context, recording_feedback(), csv_layer(source), inventory)
    # QGIS retries a query once on a new connection when its connection is lost: both are cut
    assert terminator.communicate(timeout=60)[0].split() == ["KILLED", "KILLED"]
    message = str(info.value)
    assert "connection" in message and "nothing was saved" in message
    assert pg_counts(cluster, db) == before  # one transaction: nothing of the merge is left
    # the next import works (QGIS's connection pool reconnects) and writes the whole merge
    conn = cluster.connect(db)
    conn.cursor().execute("DROP TRIGGER test_slow_row ON inventaire.friches")
    conn.close()
    result = run_import(processing_context, recording_feedback(), csv_layer(source), inventory)
    assert result["ADDED"] == NEW_SITES and result["UPDATED"] == 43
    assert pg_counts(cluster, db)[0] == before[0] + NEW_SITES


def test_kill_9_of_the_client_mid_merge_postgis(plugin, processing_context, postgis_cluster, pg_database, tmp_dir):
    cluster, db = postgis_cluster, pg_database
    run_import(processing_context, recording_feedback(), csv_layer(),
               pg_uri(cluster, db, auth=authcfg("tech_a", "mdp-a-1234")))
    conn = cluster.connect(db)
    conn.cursor().execute(SLOW_TRIGGER)
    conn.close()
    before = pg_counts(cluster, db)
    source = big_import(tmp_dir / "big.csv")
    worker = start_worker("import", source, pg_uri(cluster, db, user="tech_a", password="mdp-a-1234"))
    assert wait_for(worker, "APPLY") is not None, worker.stderr.read()[-2000:]
    time.sleep(0.5)  # the merge is running in the server (about 4 s with the slow trigger)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    admin = cluster.connect(db)
    cur = admin.cursor()
    deadline = time.time() + 60  # the server notices the dead client and ends its transaction
    while time.time() < deadline:
        cur.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = 'tech_a' AND state <> 'idle'")
        if cur.fetchone()[0] == 0:
            break
        time.sleep(0.1)
    admin.close()
    after = pg_counts(cluster, db)
    assert after == before, (before, after)  # the server undid the unfinished transaction
