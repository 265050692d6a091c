"""How fast every algorithm stops when the user cancels, in wall-clock time, against a native QGIS
algorithm canceled the same way in the same run.

The tests (tests/qgis/test_cancel.py) bound the CPU time after a cancel, which the load of other processes
does not inflate; this benchmark measures what a user waits: the wall time from the request to the end of
the run, for each algorithm (catchment and coverage gaps are measured by bench_catchment.py), at each stage
(the progress thresholds of the tests), repeated, on the inputs of tests/big_inputs.py. The reference is
``native:buffer`` on 200,000 polygons canceled at the same fractions of its progress: QGIS's own
algorithms check the cancel between features, the best a feature-by-feature loop can do. Each algorithm
runs in a fresh process (no state left by another).

Target: every wall latency under 1 s (issue 12, point 4).

    .venv/bin/python benchmarks/bench_cancel.py [--repeat 3] [--only zoning_overlay,score_candidates]

Not run by the test suite. Writes benchmarks/out/cancel.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from plugin_package import use_plugin_package

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    use_plugin_package()
    from friches_tierslieux.processing.provider import FrichesProvider

    provider = FrichesProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def cancel_once(alg_id, params, threshold):
    """(wall latency, CPU latency, message) of one run canceled at ``threshold`` %."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

    feedback = QgsProcessingFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    state = {}

    def watch():
        while "done" not in state:
            if feedback.progress() >= threshold:
                time.sleep(0.05)
                state["wall"], state["cpu"] = time.perf_counter(), cpu_seconds()
                feedback.cancel()
                return
            time.sleep(0.005)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    message = "finished"
    try:
        processing.run(alg_id, params, context=context, feedback=feedback)
    except QgsProcessingException as exc:
        message = str(exc).splitlines()[-1][:80]
    end_wall, end_cpu = time.perf_counter(), cpu_seconds()
    state["done"] = True
    thread.join()
    context.temporaryLayerStore().removeAllMapLayers()
    if "wall" not in state:
        return None, None, f"not canceled ({message})"
    return end_wall - state["wall"], end_cpu - state["cpu"], message


def cases():
    """{algorithm: (inputs builder, thresholds)}; a builder takes the work folder and returns a function
    making the parameters of one run (inputs of the tests, built once, outputs in fresh folders)."""
    import big_inputs as big
    from qgis.core import QgsVectorLayer

    def out(work, name):
        return str(Path(tempfile.mkdtemp(dir=work)) / name)

    def communes():
        return QgsVectorLayer(f"{big.DEMO_GPKG}|layername=communes").extent()

    def feed(work):
        path = work / "feed.zip"
        if not path.exists():
            big.synthetic_feed(path, 2_000_000)
        return path

    def buffer(work):
        polygons = big.random_squares(200_000, QgsVectorLayer(str(big.PLUI_ZONES)).extent(), size=20)
        return lambda: {"INPUT": polygons, "DISTANCE": 5, "OUTPUT": out(work, "buffer.gpkg")}

    def import_inventory(work):
        csv = big.big_inventory_csv(work / "inventory.csv", 20_000)
        return lambda: {"INPUT": str(csv), "OUTPUT": out(work, "sites.gpkg"), "OUTPUT_POLYGONS": out(work, "p.gpkg"),
                        "REPORT": out(work, "report.gpkg")}

    def transit_service(work):
        path = feed(work)
        return lambda: {"GTFS": str(path), "DATE": "2025-03-04", "OUTPUT": out(work, "stops.gpkg")}

    def transit_coverage(work):
        path, points = feed(work), big.random_sites(2000, communes())
        return lambda: {"INPUT": points, "GTFS": str(path), "DATE": "2025-03-04", "GRID_CELL": 50,
                        "EXTENT": "4.6,5.1,45.57,45.93 [EPSG:4326]", "OUTPUT": out(work, "sites.gpkg"),
                        "OUTPUT_GRID": out(work, "grid.gpkg")}

    def zoning_overlay(work):
        squares = big.random_squares(5000, QgsVectorLayer(str(big.PLUI_ZONES)).extent())
        return lambda: {"INPUT": squares, "ZONES": str(big.PLUI_ZONES), "OUTPUT": out(work, "zoning.gpkg"),
                        "OUTPUT_ZONES": out(work, "zones.gpkg")}

    def score_candidates(work):
        points = big.random_sites(20_000, communes())
        return lambda: {"INPUT": points, "SERVICES": f"{big.DEMO_GPKG}|layername=services",
                        "PLACES": f"{big.DEMO_GPKG}|layername=tiers_lieux", "OUTPUT": out(work, "scores.gpkg")}

    def select_sites(work):
        candidates, catchments, population = big.covering_inputs(2000, 50)
        return lambda: {"INPUT": candidates, "CATCHMENTS": catchments, "POPULATION": population, "K": 0,
                        "PRIORITY_FIELD": "best_score", "OUTPUT": out(work, "selection.gpkg"),
                        "OUTPUT_LOG": out(work, "log.gpkg")}

    def export_atlas(work):
        pages = big.random_sites(300, communes())
        return lambda: {"INPUT": pages, "LANGUAGE": 1, "DPI": 60, "TERRITORY": f"{big.DEMO_GPKG}|layername=communes",
                        "OUTPUT_PDF": out(work, "atlas.pdf")}

    def full_analysis(work):
        def demo(table):
            return f"{big.DEMO_GPKG}|layername={table}"

        return lambda: {"INVENTORY": str(big.DEMO / "friches_ingeville.csv"), "NETWORK": demo("routes"),
                        "POPULATION": demo("population_200m"), "GTFS": str(big.DEMO / "gtfs_ingeville.zip"),
                        "ZONES": demo("zone_urba"), "PLACES": demo("tiers_lieux"),
                        "OUTPUT_GPKG": out(work, "results.gpkg"), "OUTPUT_PDF": out(work, "atlas.pdf")}

    def land_prices(work):
        dvf = big.big_dvf_csv(work / "dvf.csv", 300)
        points = big.random_sites(3000, communes())
        return lambda: {"INPUT": points, "DVF": str(dvf), "OUTPUT": out(work, "prices.gpkg"),
                        "OUTPUT_SALES": out(work, "sales.gpkg"), "REPORT": out(work, "report.gpkg")}

    def site_costs(work):
        points = big.random_sites(20_000, communes())
        return lambda: {"INPUT": points, "OUTPUT": out(work, "costs.gpkg"), "OUTPUT_LINES": out(work, "lines.gpkg")}

    def acquisition_programme(work):
        layer, budget = big.programme_sites(300, 10_000)
        return lambda: {"INPUT": layer, "COST_FIELD": "cost", "ACQUISITION_FIELD": "acq", "OBJECTIVE": 3,
                        "OBJECTIVE_FIELD": "score", "BUDGET": budget, "START_YEAR": 2026, "YEARS": 10,
                        "TIME_LIMIT": 20, "OUTPUT": out(work, "programme.gpkg"), "OUTPUT_PDF": out(work, "p.pdf")}

    def inventory(work):
        from qgis import processing

        gpkg = work / "inventory.gpkg"
        if not gpkg.exists():
            csv = big.big_inventory_csv(work / "inventory_5000.csv", 5000)
            processing.run("friches:import_inventory", {"INPUT": str(csv), "INVENTORY": str(gpkg),
                                                        "OUTPUT": "memory:", "REPORT": "memory:"})
        return gpkg

    def inventory_at_date(work):
        gpkg = inventory(work)
        return lambda: {"INVENTORY": str(gpkg), "DATE": "2030-01-01", "OUTPUT": out(work, "at.gpkg"),
                        "OUTPUT_POLYGONS": out(work, "outlines.gpkg")}

    def monitoring_indicators(work):
        gpkg = inventory(work)
        return lambda: {"INVENTORY": str(gpkg), "PERIOD": 1, "START": "2015-01-01", "END": "2026-12-31",
                        "OUTPUT": out(work, "indicators.gpkg"), "CHANGES": out(work, "changes.gpkg")}

    def prepare_territory(work):
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import synthetic_territory

        files = synthetic_territory.build(work / "territory", roads=60_000, cells=300_000, friches=20_000)
        return lambda: {"TERRITORY_LAYER": f"{files['communes']}|layername=departement", "ROADS": files["roads"],
                        "POPULATION": files["grid"], "FRICHES": files["friches"],
                        "OUTPUT": out(work, "territory.gpkg")}

    return {
        "native:buffer": (buffer, [5, 30, 60, 90]),
        "friches:land_prices": (land_prices, [0, 17, 30, 45, 60, 91, 94]),
        "friches:site_costs": (site_costs, [0, 30, 72, 90]),
        "friches:acquisition_programme": (acquisition_programme, [0, 20, 61, 86, 92]),
        "friches:inventory_at_date": (inventory_at_date, [0, 41, 80]),
        "friches:monitoring_indicators": (monitoring_indicators, [0, 10, 60]),
        "friches:prepare_territory": (prepare_territory, [6, 40, 62, 90]),
        "friches:import_inventory": (import_inventory, [3, 45, 51, 62, 85]),
        "friches:transit_service": (transit_service, [1, 12, 21]),
        "friches:transit_coverage": (transit_coverage, [5, 13, 40, 92, 97]),
        "friches:zoning_overlay": (zoning_overlay, [3, 46, 55, 62]),
        "friches:score_candidates": (score_candidates, [5, 40, 65, 80, 95]),
        "friches:select_sites": (select_sites, [10, 30, 60, 81, 90]),
        "friches:export_atlas": (export_atlas, [5, 40, 80]),
        "friches:full_analysis": (full_analysis, [25, 45, 65, 75, 92]),
    }


def measure(alg_id, repeat):
    """Every threshold of ``alg_id``, ``repeat`` times, in this process."""
    _app, _provider = start_qgis()  # both kept alive while measuring
    work = OUT / "cancel_inputs"
    work.mkdir(parents=True, exist_ok=True)
    build, thresholds = cases()[alg_id]
    params = build(work)
    rows = []
    for threshold in thresholds:
        for _ in range(repeat):
            wall, cpu, message = cancel_once(alg_id, params(), threshold)
            rows.append({"threshold": threshold, "wall": wall, "cpu": cpu, "message": message})
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated parts of algorithm ids")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:  # one algorithm, in a fresh process
        print(json.dumps(measure(args.worker, args.repeat)))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    results = {}
    for alg_id in ALGORITHMS:
        if only and not any(o in alg_id for o in only):
            continue
        done = subprocess.run([sys.executable, __file__, "--worker", alg_id, "--repeat", str(args.repeat)],
                              capture_output=True, text=True, check=True)
        rows = json.loads(done.stdout.strip().splitlines()[-1])
        walls = [r["wall"] for r in rows if r["wall"] is not None]
        cpus = [r["cpu"] for r in rows if r["cpu"] is not None]
        results[alg_id] = {"runs": rows, "wall_median": statistics.median(walls) if walls else None,
                           "wall_max": max(walls) if walls else None, "cpu_max": max(cpus) if cpus else None,
                           "canceled": len(walls), "of": len(rows)}
        if walls:
            print(f"{alg_id:26s} canceled {len(walls):2d}/{len(rows):2d}  wall median {statistics.median(walls):.3f} s"
                  f"  max {max(walls):.3f} s  CPU max {max(cpus):.3f} s", flush=True)
        else:
            print(f"{alg_id:26s} never canceled: inputs too small", flush=True)
        shutil.rmtree(OUT / "cancel_inputs", ignore_errors=True)
    (OUT / "cancel.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    late = {k: round(v["wall_max"], 3) for k, v in results.items() if k.startswith("friches:")
            and v["wall_max"] is not None and v["wall_max"] >= 1.0}
    missed = [k for k, v in results.items() if v["canceled"] < v["of"]]
    if missed:
        print(f"runs that ended before their cancel (inputs too small on this machine): {missed}")
    print("every algorithm of the plugin stopped within 1 s" if not late else f"over 1 s: {late}")


#: The algorithms measured, the reference first.
ALGORITHMS = ("native:buffer", "friches:import_inventory", "friches:transit_service", "friches:transit_coverage",
              "friches:zoning_overlay", "friches:score_candidates", "friches:select_sites", "friches:export_atlas",
              "friches:full_analysis", "friches:land_prices", "friches:site_costs", "friches:acquisition_programme",
              "friches:inventory_at_date", "friches:monitoring_indicators", "friches:prepare_territory")


if __name__ == "__main__":
    main()
