"""Benchmark of ``friches:import_inventory`` on the real Cartofriches sample (2,594 sites of all France).

What it measures, in one run, repeated (median of ``--repeat`` runs each):

1. **The whole import** of tests/data/cartofriches/friches_standard_sample_2025.csv through Processing, as
   a planner runs it (delimited-text table, every check, reprojection to Lambert-93, report), against the
   **reference**: QGIS's own tools doing only the mechanical part of the same job on the same file in the
   same process, the delimited-text provider reading ``geompoint`` as WKT points then
   ``native:reprojectlayer`` to EPSG:2154 into memory. Target: the import under 10 s (issue 12), and its
   ratio to the reference (the price of the checks).
2. **The hostile row**: the Grenoble site 38185_28419 lists 32 owner types ending in ``NULL``. Python's
   ``re`` with the CNIG schema's own pattern for that list takes time doubling with every item (the
   import never ended); the linear-time check of ``core.cnig_friches`` answers at once. Both are timed
   on the same lists of 16 to 26 items ending in ``NULL`` (``re`` in a child process killed after
   ``--re-timeout`` seconds).

Run: ``.venv/bin/python benchmarks/bench_import_cartofriches.py`` (not run by the test suite).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from plugin_package import use_plugin_package

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "cartofriches" / "friches_standard_sample_2025.csv"
TARGET_S = 10.0
OWNER_PATTERN_FIELD = "proprio_type"


def _plugin():
    use_plugin_package()
    import friches_tierslieux

    return friches_tierslieux


def _start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    _plugin()
    from friches_tierslieux.processing.provider import FrichesProvider

    provider = FrichesProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def _run(alg, params):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    start = time.perf_counter()
    result = processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())
    took = time.perf_counter() - start
    context.temporaryLayerStore().removeAllMapLayers()
    return result, took


def time_import():
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{SAMPLE.as_uri()}?delimiter=;&geomType=none", "cartofriches", "delimitedtext")
    result, took = _run("friches:import_inventory", {
        "INPUT": layer, "OUTPUT": "memory:", "OUTPUT_POLYGONS": "memory:", "REPORT": "memory:"})
    return took, int(result["IMPORTED"]), int(result["REJECTED"])


def time_reference():
    from qgis.core import QgsVectorLayer

    uri = f"{SAMPLE.as_uri()}?delimiter=;&wktField=geompoint&crs=EPSG:4326"
    start = time.perf_counter()
    layer = QgsVectorLayer(uri, "cartofriches_points", "delimitedtext")
    result, _took = _run("native:reprojectlayer", {
        "INPUT": layer, "TARGET_CRS": "EPSG:2154", "OUTPUT": "memory:"})
    took = time.perf_counter() - start
    return took, int(result["OUTPUT"].featureCount()) if not isinstance(result["OUTPUT"], str) else -1


def _owner_list(n_items):
    codes = ("E1a", "E2b", "F1a", "G1a", "G2c", "M1a", "P1b", "P5a", "R1a", "X1a", "Z1a", "Z4a")
    return "|".join(codes[k % len(codes)] for k in range(n_items - 1)) + "|NULL"


def _re_child(n_items):
    """Run in a child process: seconds Python's re takes on the schema's own pattern."""
    import json
    import re

    schema = json.loads((ROOT / "resources" / "cnig" / "friches_schema.json").read_text(encoding="utf-8"))
    pattern = next(f["constraints"]["pattern"] for f in schema["fields"] if f["name"] == OWNER_PATTERN_FIELD)
    start = time.perf_counter()
    re.fullmatch(pattern, _owner_list(n_items))
    print(time.perf_counter() - start)


def time_pattern_re(n_items, timeout):
    try:
        out = subprocess.run([sys.executable, __file__, "--re-child", str(n_items)], capture_output=True,
                             text=True, timeout=timeout, check=True)
        return float(out.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        return None


def time_pattern_linear(n_items):
    _plugin()
    from friches_tierslieux.core import cnig_friches as cnig

    spec = cnig.field_spec(OWNER_PATTERN_FIELD)
    text = _owner_list(n_items)
    start = time.perf_counter()
    for _ in range(100):
        cnig.matches_pattern(spec, text)
    return (time.perf_counter() - start) / 100


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--re-timeout", type=float, default=30.0)
    parser.add_argument("--re-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.re_child:
        _re_child(args.re_child)
        return 0

    print(f"Sample: {SAMPLE.relative_to(ROOT)}")
    app, _provider = _start_qgis()
    ours, reference = [], []
    for k in range(args.repeat):  # interleaved, so that a busy machine slows both alike
        took, imported, rejected = time_import()
        ours.append(took)
        ref_took, ref_count = time_reference()
        reference.append(ref_took)
        print(f"  run {k + 1}: import {took:.2f} s ({imported} imported, {rejected} rejected); "
              f"reference {ref_took:.2f} s ({ref_count} points)")
    med, ref_med = statistics.median(ours), statistics.median(reference)
    print(f"friches:import_inventory: median {med:.2f} s (target < {TARGET_S:.0f} s: "
          f"{'OK' if med < TARGET_S else 'MISSED'}); reference (delimited text WKT + native:reprojectlayer) "
          f"median {ref_med:.2f} s; ratio {med / ref_med:.1f}")

    print("Owner-type list ending in NULL (the Grenoble row's defect), seconds per check:")
    print("  items   re (schema pattern)   linear check")
    for n_items in (16, 20, 22, 24, 26):
        slow = time_pattern_re(n_items, args.re_timeout)
        fast = time_pattern_linear(n_items)
        slow_text = f"{slow:10.3f}" if slow is not None else f"  > {args.re_timeout:.0f} (killed)"
        print(f"  {n_items:5d}   {slow_text:>19}   {fast * 1000:9.3f} ms")
    app.exitQgis()
    return 0 if med < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
