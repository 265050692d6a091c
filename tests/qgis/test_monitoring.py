"""Looking back in time through Processing: ``friches:inventory_at_date`` against the real states of the file
at each moment, ``friches:monitoring_indicators`` on four replayed years of Ingeville against independent
computations (SQL over the history table, QGIS geometry, ``friches:coverage_gaps``), and the
``friches:monitoring_report`` PDF (real text, French and English, every page rendered)."""

import datetime as dt
import importlib.util
import shutil
import sqlite3
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
import shapely
from inventory_helpers import csv_layer, recording_feedback, run_import
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
UTC = dt.timezone.utc

pytestmark = pytest.mark.timeout(600)


def run(name, context, **params):
    from qgis import processing

    return processing.run(f"friches:{name}", params, context=context, feedback=recording_feedback())


def demo_history_module():
    spec = importlib.util.spec_from_file_location("ingeville_history", ROOT / "demo" / "ingeville_history.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def replayed(plugin, tmp_path_factory):
    """The demo territory with four replayed years of its inventory and the two places opened."""
    path = tmp_path_factory.mktemp("replay") / "ingeville.gpkg"
    shutil.copy(DEMO / "ingeville.gpkg", path)
    module = demo_history_module()
    assert module.replay(path, DEMO / "friches_ingeville.csv", log=lambda *a: None) > 1000
    assert module.add_places(path, log=lambda *a: None) == 2
    return path


def sites_of(layer):
    out = {}
    for feature in layer.getFeatures():
        values = {name: feature[name] for name in ("site_nom", "site_statut", "bati_nombre", "site_surface")}
        values = {k: (None if v is None or (hasattr(v, "isNull") and v.isNull()) else v) for k, v in values.items()}
        out[feature["site_id"]] = (values, shapely.from_wkb(bytes(feature.geometry().asWkb())))
    return out


def file_state(path):
    """The sites of a GeoPackage read with OGR, independently of the history."""
    layer = QgsVectorLayer(f"{path}|layername=friches", "state", "ogr")
    assert layer.isValid()
    return sites_of(layer)


def test_inventory_at_date_gives_the_real_states(plugin, processing_context, tmp_dir):
    """A scripted year of edits (import, form saves, an outline redrawn, a deletion, a rename, an addition),
    each stamped at a known moment; a copy of the file is kept after each. The inventory rebuilt at any moment
    between two edits is exactly the copy made then."""
    from friches_tierslieux.core.inventory import MergeDecision
    from friches_tierslieux.processing.inventory_location import parse_location
    from friches_tierslieux.processing.inventory_store import open_inventory

    path = tmp_dir / "inventaire.gpkg"
    run_import(processing_context, recording_feedback(), csv_layer(), str(path))
    # the import happened on 2023-01-10: its rows are dated so, as an inventory started then would be
    with sqlite3.connect(str(path)) as db:
        db.execute("UPDATE friches_history SET changed_at = '2023-01-10T09:00:00.000Z'")
    db.close()
    store = open_inventory(parse_location(str(path)), create=False)
    snapshots = [(dt.datetime(2023, 1, 10, 9, tzinfo=UTC), tmp_dir / "s0.gpkg")]
    shutil.copy(path, snapshots[0][1])

    def step(moment, action):
        action()
        copy = tmp_dir / f"s{len(snapshots)}.gpkg"
        shutil.copy(path, copy)
        snapshots.append((moment, copy))

    t1 = dt.datetime(2023, 6, 1, 14, tzinfo=UTC)
    step(t1, lambda: store.save_site("45999_0005", {"site_statut": "friche avec projet", "bati_nombre": 4},
                                     store.read_sites()["45999_0005"].version, by="c.martin", at=t1))
    t2 = dt.datetime(2023, 9, 15, 8, tzinfo=UTC)

    def redraw():
        record = store.read_sites()["45999_0001"]
        values = dict(record.site.values, site_surface=99999.0)
        polygon = shapely.box(*record.site.polygon.bounds).buffer(-10)
        decision = MergeDecision("update", values, ["site_surface", "polygon"], None, polygon)
        store.apply([("45999_0001", decision)], {"45999_0001": record}, "import: test.csv", by="a.durand", at=t2)
    step(t2, redraw)
    t3 = dt.datetime(2024, 2, 1, 16, tzinfo=UTC)
    step(t3, lambda: store.execute(["DELETE FROM friches_emprises WHERE site_id = '45999_0013'",
                                    "DELETE FROM friches WHERE site_id = '45999_0013'"], "other", by="x", at=t3))
    t4 = dt.datetime(2024, 5, 5, 10, tzinfo=UTC)
    step(t4, lambda: store.execute(["UPDATE friches SET site_id = '45999_0914' WHERE site_id = '45999_0014'",
                                    "UPDATE friches_emprises SET site_id = '45999_0914' WHERE site_id = '45999_0014'"],
                                   "other", by="x", at=t4))
    t5 = dt.datetime(2024, 7, 1, 9, tzinfo=UTC)

    def add():
        values = dict(store.read_sites()["45999_0002"].site.values, site_id="45999_0999", site_nom="Nouveau site")
        store.apply([("45999_0999", MergeDecision("add", values, list(values), shapely.Point(661000, 6751000)))],
                    {}, "form", by="s.benali", at=t5)
    step(t5, add)
    store.close()

    moments = [dt.datetime(2022, 12, 31, 12, tzinfo=UTC)] + [moment + dt.timedelta(hours=1)
                                                              for moment, _copy in snapshots]
    for k, moment in enumerate(moments):
        local = moment.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")
        result = run("inventory_at_date", processing_context, INVENTORY=str(path), DATE=local, OUTPUT="memory:",
                     OUTPUT_POLYGONS="memory:")
        rebuilt = sites_of(result["OUTPUT"])
        if k == 0:
            assert rebuilt == {}  # before the inventory began
            continue
        real = file_state(snapshots[k - 1][1])
        assert rebuilt.keys() == real.keys(), moment
        for sid, (values, point) in real.items():
            assert rebuilt[sid][0] == values, (moment, sid)
            assert rebuilt[sid][1].equals_exact(point, 1e-6), (moment, sid)
        outlines = {f["site_id"]: f.geometry() for f in result["OUTPUT_POLYGONS"].getFeatures()}
        real_outlines = {f["site_id"]: f.geometry() for f in QgsVectorLayer(
            f"{snapshots[k - 1][1]}|layername=friches_emprises", "e", "ogr").getFeatures()}
        assert outlines.keys() == real_outlines.keys()
        assert all(outlines[s].equals(real_outlines[s]) for s in outlines)
    # a date alone means the end of that day: the save of 2023-06-01 (14:00 UTC) is in
    day = run("inventory_at_date", processing_context, INVENTORY=str(path), DATE="2023-06-01", OUTPUT="memory:")
    assert {f["site_id"]: f["site_statut"] for f in day["OUTPUT"].getFeatures()}["45999_0005"] == \
        "friche avec projet"


def test_inventory_at_date_in_postgis(plugin, processing_context, postgis_cluster, pg_database):
    from inventory_helpers import authcfg, pg_uri

    inventory = pg_uri(postgis_cluster, pg_database, auth=authcfg("tech_a", "mdp-a-1234"))
    run_import(processing_context, recording_feedback(), csv_layer(), inventory)
    time.sleep(1.1)
    after_import = dt.datetime.now().replace(microsecond=0)
    time.sleep(1.1)
    conn = postgis_cluster.connect(pg_database)
    conn.cursor().execute("UPDATE inventaire.friches SET site_statut = 'friche reconvertie' WHERE site_id = "
                          "'45999_0008'; DELETE FROM inventaire.friches WHERE site_id = '45999_0009'")
    conn.close()
    then = run("inventory_at_date", processing_context, INVENTORY=inventory, DATE=after_import.isoformat(),
               OUTPUT="memory:", OUTPUT_POLYGONS="memory:")
    statuses = {f["site_id"]: f["site_statut"] for f in then["OUTPUT"].getFeatures()}
    assert len(statuses) == 43 and statuses["45999_0008"] == "friche sans projet" and "45999_0009" in statuses
    now = run("inventory_at_date", processing_context, INVENTORY=inventory,
              DATE=(dt.datetime.now() + dt.timedelta(minutes=1)).isoformat(timespec="seconds"), OUTPUT="memory:")
    statuses = {f["site_id"]: f["site_statut"] for f in now["OUTPUT"].getFeatures()}
    assert len(statuses) == 42 and statuses["45999_0008"] == "friche reconvertie"
    assert then["OUTPUT_POLYGONS"].featureCount() > 20


# -- indicators ------------------------------------------------------------------------------------------

def year_end_utc(year):
    """The instant the year ends in local time, as the history stores instants."""
    return dt.datetime(year + 1, 1, 1).astimezone().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def sql_status_at(path, moment):
    """{site_id: status} of the sites present at ``moment``, by SQL over the history table alone."""
    query = """
        WITH last AS (
          SELECT site_id, field, new_value,
                 ROW_NUMBER() OVER (PARTITION BY site_id, field ORDER BY changed_at DESC, fid DESC) AS n
          FROM friches_history WHERE changed_at <= ? AND field IN ('_site', 'site_statut'))
        SELECT e.site_id, s.new_value FROM last e LEFT JOIN last s
          ON s.site_id = e.site_id AND s.field = 'site_statut' AND s.n = 1
        WHERE e.field = '_site' AND e.n = 1 AND e.new_value = 'present'"""
    with sqlite3.connect(str(path)) as db:
        rows = dict(db.execute(query, (moment,)).fetchall())
    db.close()
    return rows


def sql_changes(path, start, end):
    query = """SELECT h.site_id, h.old_value, h.new_value FROM friches_history h
               WHERE h.field = 'site_statut' AND h.changed_at > ? AND h.changed_at <= ?
               AND h.old_value IS NOT NULL AND h.new_value IS NOT NULL"""
    with sqlite3.connect(str(path)) as db:
        rows = db.execute(query, (start, end)).fetchall()
    db.close()
    return rows


def test_indicators_match_independent_computations(plugin, processing_context, replayed):
    g = replayed
    result = run("monitoring_indicators", processing_context, INVENTORY=str(g), PERIOD=0, START="2022-01-01",
                 END="2026-06-30", PLACES=f"{g}|layername=tiers_lieux", NETWORK=f"{g}|layername=routes",
                 POPULATION=f"{g}|layername=population_200m", OUTPUT="memory:", CHANGES="memory:")
    table = {f["period"]: f for f in result["OUTPUT"].getFeatures()}
    assert list(table) == ["2022", "2023", "2024", "2025", "2026"]
    places = QgsVectorLayer(f"{g}|layername=tiers_lieux", "places", "ogr")
    sites_points = {f["site_id"]: f.geometry() for f in QgsVectorLayer(f"{g}|layername=friches", "f", "ogr")
                    .getFeatures()}
    outlines = {f["site_id"]: f.geometry() for f in QgsVectorLayer(f"{g}|layername=friches_emprises", "e", "ogr")
                .getFeatures()}
    keys = {"friche potentielle": "potentielle", "friche sans projet": "sans_projet",
            "friche avec projet": "avec_projet", "friche reconvertie": "reconvertie"}
    for year in range(2022, 2027):
        row = table[str(year)]
        status = sql_status_at(g, year_end_utc(year))
        assert row["sites_n"] == len(status), year
        for value, key in keys.items():
            assert row[f"{key}_n"] == sum(1 for s in status.values() if s == value), (year, key)
        assert row["autre_n"] == sum(1 for s in status.values() if s not in keys)
        changes = sql_changes(g, year_end_utc(year - 1), year_end_utc(year))
        assert row["status_changed_n"] == len({c[0] for c in changes}), year
        assert row["converted_n"] == len({c[0] for c in changes if c[2] == "friche reconvertie"}), year
        # places opened this year, and on a site (inside its outline, or within 50 m of its point)
        opened = [f for f in places.getFeatures() if f["opening_date"] and f["opening_date"].year() == year]
        on_site = [f for f in opened if any(
            (sid in outlines and outlines[sid].intersects(f.geometry()))
            or point.distance(f.geometry()) <= 50.0 for sid, point in sites_points.items())]
        assert row["places_opened_n"] == len(opened) and row["places_on_friche_n"] == len(on_site), year
    assert sum(table[str(y)]["places_on_friche_n"] for y in range(2022, 2027)) == 3  # La Halle 23 + the two added
    # the population within reach at the end of 2023: the same as friches:coverage_gaps on the places open then
    open_2023 = QgsVectorLayer(f"{g}|layername=tiers_lieux", "open", "ogr")
    open_2023.setSubsetString("opening_date <= '2023-12-31'")
    gaps = run("coverage_gaps", processing_context, INPUT=open_2023, NETWORK=f"{g}|layername=routes",
               POPULATION=f"{g}|layername=population_200m", POPULATION_FIELD="ind", TIME=15, OUTPUT="memory:")
    assert abs(table["2023"]["pop_covered"] - gaps["COVERED_POPULATION"]) <= 1.0
    assert table["2023"]["pop_covered_pct"] == pytest.approx(gaps["COVERED_PCT"], abs=0.06)
    # the changes table: one line per status change of the history
    lines = list(result["CHANGES"].getFeatures())
    assert len(lines) == len(sql_changes(g, year_end_utc(2021), year_end_utc(2026)))
    assert {line["changed_by"] for line in lines} <= {"a.durand", "c.martin", "s.benali"}


def test_quarters_and_years_agree(plugin, processing_context, replayed):
    common = {"INVENTORY": str(replayed), "START": "2024-01-01", "END": "2024-12-31", "OUTPUT": "memory:",
              "CHANGES": "memory:"}
    yearly = run("monitoring_indicators", processing_context, PERIOD=0, **common)
    quarterly = run("monitoring_indicators", processing_context, PERIOD=1, **common)
    year = next(yearly["OUTPUT"].getFeatures())
    quarters = list(quarterly["OUTPUT"].getFeatures())
    assert [q["period"] for q in quarters] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    # every status change falls in exactly one quarter of its year (a site may change in two quarters)
    year_changes = sorted((f["site_id"], f["changed_at"]) for f in yearly["CHANGES"].getFeatures())
    quarter_changes = sorted((f["site_id"], f["changed_at"]) for f in quarterly["CHANGES"].getFeatures())
    assert quarter_changes == year_changes and year_changes
    assert max(q["status_changed_n"] for q in quarters) <= year["status_changed_n"] <= sum(
        q["status_changed_n"] for q in quarters)
    assert quarters[-1]["sites_n"] == year["sites_n"]


# -- the report --------------------------------------------------------------------------------------------

def pdf_text(path):
    """The PDF's text as pdftotext finds it, ligatures (ﬁ) and no-break spaces made plain."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)


def pdf_pages(path, tmp_dir):
    prefix = tmp_dir / path.stem
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(prefix)], check=True)
    return sorted(tmp_dir.glob(f"{path.stem}-*.png"))


@pytest.mark.parametrize(("language", "words"), [
    (1, ["suivi de l'inventaire", "Sites par statut à la fin de chaque période", "Changements de statut en 2026",
         "Indicateurs par période", "Population à moins de 15 min à pied"]),
    (2, ["Sites by status at the end of each period", "Status changes in 2026", "Indicators per period",
         "Population within 15 min on foot"]),
])
def test_report_pdf_has_real_text_and_every_page_renders(plugin, processing_context, replayed, tmp_dir, language,
                                                         words):
    from qgis.PyQt.QtGui import QImage

    g = replayed
    # the status changes of 2026, as the indicators give them: each site and its author are in the report
    changes = run("monitoring_indicators", processing_context, INVENTORY=str(g), PERIOD=0, START="2026-01-01",
                  END="2026-06-30", OUTPUT="memory:", CHANGES="memory:")["CHANGES"]
    words = words + [w for f in changes.getFeatures() for w in (f["site_id"], f["changed_by"])]
    assert len(words) > 6
    pdf = tmp_dir / f"suivi_{language}.pdf"
    result = run("monitoring_report", processing_context, INVENTORY=str(g), PERIOD=0, START="2022-01-01",
                 END="2026-06-30", PLACES=f"{g}|layername=tiers_lieux", NETWORK=f"{g}|layername=routes",
                 POPULATION=f"{g}|layername=population_200m",
                 BACKGROUND=[f"{g}|layername=communes", f"{g}|layername=cours_eau"], LANGUAGE=language,
                 TITLE="Ingeville", OUTPUT_PDF=str(pdf))
    assert result["PAGES"] == 3 and pdf.exists()
    text = pdf_text(pdf)
    for word in words:
        assert word in text, word
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(fonts.strip().splitlines()) > 2  # fonts embedded: the text is text, not outlines
    pages = pdf_pages(pdf, tmp_dir)
    assert len(pages) == 3
    for page in pages:
        image = QImage(str(page))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 5, page  # something is drawn


def test_report_without_network_says_so(plugin, processing_context, replayed, tmp_dir):
    pdf = tmp_dir / "sans_reseau.pdf"
    run("monitoring_report", processing_context, INVENTORY=str(replayed), PERIOD=1, START="2025-01-01",
        END="2026-06-30", LANGUAGE=1, OUTPUT_PDF=str(pdf))
    text = pdf_text(pdf)
    assert "Non calculé" in text and "2026 T2" in text and "2025 T1" in text


def test_inventory_parameter_accepts_every_form(plugin):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for name in ("import_inventory", "inventory_at_date", "monitoring_indicators", "monitoring_report"):
        parameter = registry.algorithmById(f"friches:{name}").parameterDefinition("INVENTORY")
        for value in ("inventaire.gpkg", "connection='Équipe SIG' schema=inventaire table=friches",
                      "dbname='sig' host=db port=5432 authcfg=abc1234 table=\"inventaire\".\"friches\" (geom)"):
            assert parameter.checkValueIsAcceptable(value), (name, value)


def test_parse_location_forms(plugin):
    from friches_tierslieux.processing.inventory_location import LocationError, parse_location, strip_password

    uri = parse_location("postgres:dbname='sig' host=db user='u' password='s3cret' table=\"inv\".\"sites\" (the_geom)")
    assert (uri.schema, uri.table, uri.geometry_column) == ("inv", "sites", "the_geom")
    assert "s3cret" not in uri.display and "s3cret" not in uri.layer_uri("polygons")
    assert "sites_emprises" in uri.layer_uri("polygons") and uri.history_table == "sites_history"
    assert parse_location("/data/inventaire.gpkg|layername=friches").path == "/data/inventaire.gpkg"
    with pytest.raises(LocationError) as info:
        parse_location("connection='nobody has this one' table=friches")
    assert info.value.code == "unknown_connection"
    with pytest.raises(LocationError):
        parse_location("inventaire.shp")
    assert strip_password("host=x password='a b' user=y") == "host=x password=*** user=y"
