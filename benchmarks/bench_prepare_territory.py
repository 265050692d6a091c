"""Benchmark ``friches:prepare_territory`` on national-size synthetic files, against QGIS's own tools in the same run.

Inputs (``benchmarks/synthetic_territory.py``, built once into ``benchmarks/out/territory/``): 300,000 BD TOPO
``troncon_de_route`` (GeoPackage, 80 km x 80 km département), 2,000,000 Filosofi 200 m cells (GeoPackage,
EPSG:3035) and 20,000 friches in the CNIG / Cartofriches CSV format spread over France.

Cases:
- ``epci``: 25 communes of 4 km (400 km²) in the middle of the département, buffer 5 km: the size of an
  intercommunality;
- ``departement``: the whole département (the area then covers every road: the worst case for writing).

For each case, in a fresh process (so that peak memory, the process's VmHWM, is the run's own):
- ``ours``: ``friches:prepare_territory`` with ROADS, POPULATION and FRICHES (the friches imported);
- ``native``: what a user would chain in QGIS for the two large layers: ``native:clip`` of the roads by the
  area and ``native:extractbylocation`` of the cells meeting it (no friches import: QGIS has no equivalent),
  both written to a GeoPackage.
Both are repeated (``--repeat``, default 3); the best time is kept and the ratio native / ours reported.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_prepare_territory.py [--cases epci
departement] [--repeat 3] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic_territory  # noqa: E402

CHILD = r"""
import json, os, sys, time
sys.path.insert(0, {pkg!r})
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject
app = QgsApplication([], False)
app.initQgis()
sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
from friches_tierslieux.processing.provider import FrichesProvider
provider = FrichesProvider()
QgsApplication.processingRegistry().addProvider(provider)
from qgis import processing
paths, layer, which, out = {paths!r}, {layer!r}, {which!r}, {out!r}
context = QgsProcessingContext()
context.setProject(QgsProject.instance())
feedback = QgsProcessingFeedback()
territory = paths["communes"] + "|layername=" + layer
started = time.perf_counter()
if which == "ours":
    result = processing.run("friches:prepare_territory", {{
        "TERRITORY_LAYER": territory, "ROADS": paths["roads"], "POPULATION": paths["grid"],
        "FRICHES": paths["friches"], "OUTPUT": out}}, context=context, feedback=feedback)
    counts = {{"roads": result["ROADS_KEPT"], "cells": result["CELLS_KEPT"], "friches": result["FRICHES_KEPT"]}}
else:
    area = processing.run("native:buffer", {{"INPUT": territory, "DISTANCE": 5000, "DISSOLVE": True, "SEGMENTS": 8,
                                             "OUTPUT": "TEMPORARY_OUTPUT"}}, context=context)["OUTPUT"]
    roads = processing.run("native:clip", {{"INPUT": paths["roads"], "OVERLAY": area,
                                           "OUTPUT": "ogr:dbname='" + out + "' table=\"routes\" (geom)"}},
                           context=context)["OUTPUT"]
    cells = processing.run("native:extractbylocation", {{"INPUT": paths["grid"], "PREDICATE": [0],
                                                        "INTERSECT": area,
                                                        "OUTPUT": "ogr:dbname='" + out + "' table=\"cells\" (geom)"}},
                           context=context)["OUTPUT"]
    from qgis.core import QgsVectorLayer
    counts = {{"roads": QgsVectorLayer(roads, "r", "ogr").featureCount(),
              "cells": QgsVectorLayer(cells, "c", "ogr").featureCount()}}
elapsed = time.perf_counter() - started
peak = 0
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
print("RESULT " + json.dumps({{"seconds": elapsed, "peak_mb": peak, "counts": counts}}))
"""


def run_child(paths, layer, which, folder):
    out = os.path.join(folder, f"{which}_{layer}_{time.time_ns()}.gpkg")
    pkg = os.path.join(folder, "pkg")
    os.makedirs(pkg, exist_ok=True)
    link = os.path.join(pkg, "friches_tierslieux")
    if not os.path.exists(link):
        os.symlink(ROOT, link)
    code = CHILD.format(pkg=pkg, paths=paths, layer=layer, which=which, out=out)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=folder)
    line = next((text for text in proc.stdout.splitlines() if text.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"{which} {layer} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    os.remove(out)
    return json.loads(line[len("RESULT "):])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=["epci", "departement"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    paths = synthetic_territory.build()
    layers = {"epci": "communes", "departement": "departement"}
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench_territory_", dir=str(ROOT / "benchmarks" / "out")) as folder:
        for case in args.cases:
            runs = {"ours": [], "native": []}
            for _ in range(args.repeat):
                for which in ("ours", "native"):  # alternated, so that both see the same machine load
                    runs[which].append(run_child(paths, layers[case], which, folder))
            best = {w: min(r, key=lambda x: x["seconds"]) for w, r in runs.items()}
            results[case] = {
                "ours_s": round(best["ours"]["seconds"], 2), "native_s": round(best["native"]["seconds"], 2),
                "ratio_native_over_ours": round(best["native"]["seconds"] / best["ours"]["seconds"], 2),
                "ours_peak_mb": round(max(r["peak_mb"] for r in runs["ours"])),
                "native_peak_mb": round(max(r["peak_mb"] for r in runs["native"])),
                "ours_all_s": [round(r["seconds"], 2) for r in runs["ours"]],
                "native_all_s": [round(r["seconds"], 2) for r in runs["native"]],
                "counts_ours": best["ours"]["counts"], "counts_native": best["native"]["counts"],
            }
            print(case, json.dumps(results[case]), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
