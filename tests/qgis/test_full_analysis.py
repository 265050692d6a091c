"""``friches:full_analysis`` on the Ingeville demo territory: the whole chain from the CNIG file to the atlas,
every output layer valid, a project of the outputs that opens, the steps in the log, and optional inputs
that skip their step instead of failing."""

import re
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
GPKG = DEMO / "ingeville.gpkg"


def demo(table):
    return f"{GPKG}|layername={table}"


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)


def tables(gpkg):
    with sqlite3.connect(gpkg) as db:
        return {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture()
def context(tmp_dir, processing_context):
    """The desktop-like context, its temporary layers released before the folder is removed.

    The context keeps the GeoPackage tables it read; left to its destructor at fixture teardown, closing
    a GeoPackage written in the same test segfaults under pytest on QGIS 3.22 (native algorithms alone
    do it too), while releasing them here is clean.
    """
    yield processing_context
    processing_context.temporaryLayerStore().removeAllMapLayers()


def run(context, feedback, **params):
    from qgis import processing

    return processing.run("friches:full_analysis", params, context=context, feedback=feedback)


def test_registered(plugin):
    from friches_tierslieux.compat import FLAG_NO_THREADING

    alg = QgsApplication.processingRegistry().algorithmById("friches:full_analysis")
    assert alg is not None and alg.groupId() == "products"
    assert alg.flags() & FLAG_NO_THREADING
    assert "<h3>" in alg.shortHelpString()


def test_whole_chain_from_the_cnig_file_to_the_atlas(plugin, tmp_dir, context):
    feedback = LogFeedback()
    gpkg, pdf = tmp_dir / "analysis.gpkg", tmp_dir / "atlas.pdf"
    started = time.time()
    result = run(
        context, feedback,
        INVENTORY=str(DEMO / "friches_ingeville.csv"), NETWORK=demo("routes"), POPULATION=demo("population_200m"),
        GTFS=str(DEMO / "gtfs_ingeville.zip"), ZONES=demo("zone_urba"), PRESCRIPTIONS=[demo("prescription_surf")],
        SCOT=demo("perimetre_scot"), PLACES=demo("tiers_lieux"), SERVICES=demo("services"),
        TERRITORY=demo("communes"), LANGUAGE=1, MAX_PAGES=3, OUTPUT_GPKG=str(gpkg), OUTPUT_PDF=str(pdf),
    )
    elapsed = time.time() - started
    assert elapsed < 120, elapsed

    # the steps, in order, in the log
    steps = [int(m.group(1)) for line in feedback.lines for m in [re.match(r"Step (\d+)/10: ", line)] if m]
    assert steps == list(range(1, 11))
    assert result["SKIPPED"] == ""

    # every step's output is a valid layer of the GeoPackage
    expected = {"friches", "friches_emprises", "import_report", "sites_catchment", "catchment_walk", "stops",
                "sites_transit", "ptal_grid", "zoning_sites", "zones", "coverage_gaps", "coverage_candidates",
                "covered_area", "sites_scored", "candidates", "selection", "selection_log"}
    assert expected <= tables(gpkg)
    for name in ("SITES_SCORED", "SELECTION", "CATCHMENT", "COVERAGE_GAPS", "STOPS", "PTAL_GRID", "ZONING_SITES",
                 "ZONES"):
        layer = QgsVectorLayer(result[name], name, "ogr")
        assert layer.isValid() and layer.featureCount() > 0, name
    scored = QgsVectorLayer(result["SITES_SCORED"], "scored", "ogr")
    assert scored.featureCount() == 43
    names = set(scored.fields().names())
    assert {"score_coworking", "score_fablab", "score_mediation", "rank", "explanation_fr", "ptal", "zone_libelle",
            "pop_15min"} <= names
    assert 0 < QgsVectorLayer(result["SELECTION"], "selection", "ogr").featureCount() <= 5

    # run from the QGIS window, the results load styled (post-processors of the layers to load)
    to_load = context.layersToLoadOnCompletion()
    assert len(to_load) == 8
    styled = {}
    for uri, details in to_load.items():
        layer = QgsVectorLayer(uri, "loaded", "ogr")
        details.postProcessor().postProcessLayer(layer, context, feedback)
        styled[uri.split("layername=")[1]] = (layer.name(), layer.renderer().type())
    assert styled["catchment_walk"] == ("Walking catchments", "graduatedSymbol")
    assert styled["ptal_grid"][1] == "categorizedSymbol" and styled["stops"][1] == "graduatedSymbol"
    assert styled["zones"][1] == "categorizedSymbol" and styled["sites_scored"][1] != "singleSymbol"

    # the atlas: the first 3 candidates
    candidates = sum(1 for f in scored.getFeatures()
                     if f["candidate_coworking"] or f["candidate_fablab"] or f["candidate_mediation"])
    assert candidates >= 3 and result["PAGES"] == 3 and pdf_pages(pdf) == 3

    # a project of every output opens with every layer valid
    project = QgsProject()
    for table in sorted(tables(gpkg)):
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        project.addMapLayer(layer)
    project.writeEntryBool("Paths", "/Absolute", False)
    assert project.write(str(tmp_dir / "analysis.qgz"))
    reopened = QgsProject()
    assert reopened.read(str(tmp_dir / "analysis.qgz"))
    layers = list(reopened.mapLayers().values())
    assert len(layers) == len(tables(gpkg)) and all(layer.isValid() for layer in layers)


def test_missing_optional_inputs_skip_their_steps(plugin, tmp_dir, context):
    feedback = LogFeedback()
    gpkg = tmp_dir / "small.gpkg"
    result = run(
        context, feedback,
        INVENTORY=str(DEMO / "friches_ingeville.csv"), SITE_FILTER="\"comm_insee\" = '45999'",
        NETWORK=demo("routes"), TIMES="5,10", OUTPUT_GPKG=str(gpkg), OUTPUT_PDF=None,
    )
    skipped = result["SKIPPED"]
    for step in (3, 4, 5, 6, 8, 10):
        assert f"step {step}:" in skipped, (step, skipped)
    assert result["STOPS"] is None and result["PTAL_GRID"] is None and result["ZONES"] is None
    assert any(line.startswith("Step 10/10") for line in feedback.lines)
    scored = QgsVectorLayer(result["SITES_SCORED"], "scored", "ogr")
    assert scored.isValid() and 0 < scored.featureCount() < 43
    assert all(f["comm_insee"] == "45999" for f in scored.getFeatures())
    catchment = QgsVectorLayer(result["CATCHMENT"], "catchment", "ogr")
    assert catchment.featureCount() == 2 * scored.featureCount()  # two bands per site, without population
    assert {"catchment_walk", "sites_catchment", "sites_scored"} <= tables(gpkg)
