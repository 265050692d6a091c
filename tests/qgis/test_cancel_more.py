"""Cancel of the algorithms added with the costs, the monitoring and the prepared territory (issue 12,
point 4): each is canceled at every stage (reading, computing, writing) on inputs big enough to run
several seconds, and must stop with "Canceled" within 1 s of CPU time, leaving no output file and an
existing one unchanged (tests/cancel_check.py).

The acquisition programme's solver (HiGHS through scipy.optimize.milp) cannot be interrupted from
Python: its solves run in a child process (core/costs/milp_process.py) that a cancel kills; the test
cancels it in the middle of a solve that would run for its whole 20 s time limit, and checks that the
child process is gone.
"""

import os
import sys
import threading
import time
from pathlib import Path

import pytest
from big_inputs import DEMO_GPKG, ROOT, big_dvf_csv, big_inventory_csv, programme_sites, random_sites
from cancel_check import CPU_BOUND_S, HANG_BOUND_S, CancelAt, cpu_seconds, previous_output, run_and_cancel
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer


def ingeville_extent():
    return QgsVectorLayer(f"{DEMO_GPKG}|layername=communes").extent()


# -- land prices and costs --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dvf(tmp_path_factory):
    """82,000 DVF lines around Ingeville: about 3 s to read, 10 s to estimate 3,000 sites."""
    return big_dvf_csv(tmp_path_factory.mktemp("dvf") / "dvf_45.csv", 300)


@pytest.mark.parametrize("threshold", [0, 17, 30, 45, 60, 91, 94])
def test_land_prices(plugin, dvf, tmp_path, threshold):
    """Stages: reading the lines (0), their values (17), one row per sale (30), the sites and the sales
    put in their CRS (45), the estimates (60), writing the sites (91) and the sales (94)."""
    sites = random_sites(3000, ingeville_extent())
    previous_output(tmp_path, "prices.gpkg")
    run_and_cancel("land_prices", {"INPUT": sites, "DVF": str(dvf), "OUTPUT": str(tmp_path / "prices.gpkg"),
                                   "OUTPUT_SALES": str(tmp_path / "sales.gpkg"),
                                   "REPORT": str(tmp_path / "report.gpkg")}, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [0, 30, 72, 90])
def test_site_costs(plugin, tmp_path, threshold):
    """Stages: reading the sites (0), costing them (30), writing the sites (72) and the cost lines (90)."""
    sites = random_sites(20_000, ingeville_extent())  # about 10 s
    previous_output(tmp_path, "costs.gpkg")
    run_and_cancel("site_costs", {"INPUT": sites, "OUTPUT": str(tmp_path / "costs.gpkg"),
                                  "OUTPUT_LINES": str(tmp_path / "lines.gpkg")}, tmp_path, threshold)


# -- the programme -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def programme():
    """300 sites HiGHS cannot prove optimal within 20 s (the hard case of benchmarks/bench_programme.py)
    and 10,000 sites without a cost (read and written, never solved)."""
    return programme_sites(300, 10_000)


def programme_params(layer, budget, folder):
    return {"INPUT": layer, "COST_FIELD": "cost", "ACQUISITION_FIELD": "acq", "OBJECTIVE": 3,
            "OBJECTIVE_FIELD": "score", "BUDGET": budget, "START_YEAR": 2026, "YEARS": 10, "TIME_LIMIT": 20,
            "OUTPUT": str(folder / "programme.gpkg"), "OUTPUT_YEARS": str(folder / "years.gpkg"),
            "OUTPUT_XLSX": str(folder / "programme.xlsx"), "OUTPUT_PDF": str(folder / "programme.pdf")}


def solver_children():
    """Process ids of this test process's solver children alive (core/costs/milp_child.py), read from /proc
    (only its own: another test run on the machine has solver children too)."""
    out = []
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = status.read_bytes().split(b"\0")
            parent = int((status.parent / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == os.getpid() and any(part.endswith(b"milp_child.py") for part in command):
            out.append(int(status.parent.name))
    return out


@pytest.mark.parametrize("threshold", [0, 20, 61, 86, 92])
def test_acquisition_programme(plugin, programme, tmp_path, threshold):
    """Stages: reading the sites (0), the solve (20: HiGHS would run 15 s), the explanations (61: one
    MILP per left-out site), writing the sites (86) and the documents (92: XLSX, PDF page by page)."""
    layer, budget = programme
    previous_output(tmp_path, "programme.pdf")
    before = set(solver_children())
    run_and_cancel("acquisition_programme", programme_params(layer, budget, tmp_path), tmp_path, threshold)
    assert set(solver_children()) <= before  # the child solving when the user canceled is gone


def test_programme_solver_child_stops_with_the_cancel(plugin, programme, tmp_path):
    """In the middle of the solve: the child's CPU stops too (the solve is not left running behind)."""
    from qgis import processing

    layer, budget = programme
    feedback = QgsProcessingFeedback()
    seen, stop = set(), threading.Event()

    def watch():
        while not stop.is_set():
            seen.update(solver_children())
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    with CancelAt(feedback, delay=3.0) as cancel:
        with pytest.raises(QgsProcessingException, match="anceled"):
            processing.run("friches:acquisition_programme", programme_params(layer, budget, tmp_path),
                           feedback=feedback)
        end_wall, end_cpu = time.perf_counter(), cpu_seconds()
    stop.set()
    watcher.join()
    assert end_wall - cancel.wall < HANG_BOUND_S and end_cpu - cancel.cpu < CPU_BOUND_S
    assert seen, "the solves did not run in a child process"
    assert not seen & set(solver_children()), "the solver child still runs after the cancel"
    assert not list(tmp_path.iterdir())


# -- inventory at a date, monitoring ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def inventory(plugin, tmp_path_factory):
    """An inventory GeoPackage of 5,000 sites imported with their history (every field of every site)."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("inventory")
    csv = big_inventory_csv(folder / "inventory.csv", 5000)
    gpkg = folder / "inventory.gpkg"
    processing.run("friches:import_inventory", {"INPUT": str(csv), "INVENTORY": str(gpkg), "OUTPUT": "memory:",
                                                "REPORT": "memory:"})
    return gpkg


@pytest.mark.parametrize("threshold", [0, 41, 80])
def test_inventory_at_date(plugin, inventory, tmp_path, threshold):
    """Stages: reading the sites and their history (0), writing the sites (41) and the outlines (80)."""
    previous_output(tmp_path, "at_date.gpkg")
    run_and_cancel("inventory_at_date", {"INVENTORY": str(inventory), "DATE": "2030-01-01",
                                         "OUTPUT": str(tmp_path / "at_date.gpkg"),
                                         "OUTPUT_POLYGONS": str(tmp_path / "outlines.gpkg")}, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [0, 10, 60])
def test_monitoring_indicators(plugin, inventory, tmp_path, threshold):
    """Stages: reading the history (0), the indicators of the first quarters (10) and the last ones (60)."""
    previous_output(tmp_path, "indicators.gpkg")
    run_and_cancel("monitoring_indicators", {"INVENTORY": str(inventory), "PERIOD": 1, "START": "2015-01-01",
                                             "END": "2026-12-31", "OUTPUT": str(tmp_path / "indicators.gpkg"),
                                             "CHANGES": str(tmp_path / "changes.gpkg")}, tmp_path, threshold)


@pytest.mark.parametrize("threshold", [0, 50])
def test_monitoring_report(plugin, inventory, tmp_path, threshold):
    """Stages: reading the history (0), the indicators (50); the PDF of a canceled run is never written."""
    previous_output(tmp_path, "report.pdf")
    run_and_cancel("monitoring_report", {"INVENTORY": str(inventory), "PERIOD": 1, "START": "2015-01-01",
                                         "END": "2026-12-31", "OUTPUT_PDF": str(tmp_path / "report.pdf")},
                   tmp_path, threshold)


# -- prepared territory ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def territory_files(tmp_path_factory):
    """The synthetic département of benchmarks/synthetic_territory.py at a test's size: 60,000 roads,
    300,000 Filosofi cells, 20,000 friches (a few seconds per step)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import synthetic_territory
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return synthetic_territory.build(tmp_path_factory.mktemp("territory"), roads=60_000, cells=300_000,
                                     friches=20_000)


@pytest.fixture
def gdal_exceptions():
    """GDAL's bindings raising instead of returning error codes (as in QGIS 3.40's process or after a script
    called ``gdal.UseExceptions()``). Turned off again in the reverse order, and only where turned on here:
    GDAL refuses to turn off a module's exceptions above another's in its stack of error handlers."""
    from osgeo import gdal, ogr

    turned_on = [module for module in (gdal, ogr) if not module.GetUseExceptions()]
    for module in turned_on:
        module.UseExceptions()
    yield
    for module in reversed(turned_on):
        module.DontUseExceptions()


@pytest.mark.parametrize("threshold", [6, 40, 62, 90])
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")  # no GDAL error left on closing
def test_prepare_territory(plugin, territory_files, tmp_path, threshold, gdal_exceptions):
    """Stages: the roads (6), the population cells (40), the friches (62), the report and the GeoPackage
    (90)."""
    previous_output(tmp_path, "territory.gpkg")
    run_and_cancel("prepare_territory", {
        "TERRITORY_LAYER": f"{territory_files['communes']}|layername=departement", "ROADS": territory_files["roads"],
        "POPULATION": territory_files["grid"], "FRICHES": territory_files["friches"],
        "OUTPUT": str(tmp_path / "territory.gpkg")}, tmp_path, threshold)
