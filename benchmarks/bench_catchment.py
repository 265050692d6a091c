"""Benchmark ``friches:catchment`` against QGIS's ``native:serviceareafromlayer``, measured in the same run.

Five cases, each in a fresh QGIS process (standalone ``QgsApplication``, Processing initialised, the plugin's
provider added), both tools computing the same thing on the same layer object:

- ``bdtopo-car``: real IGN BD TOPO, Marseille 10e (tests/data/bdtopo, 2,936 roads), 30 sites (4 real friches
  of the Cartofriches sample in the arrondissement, 26 placed 3 m beside drivable roads), by car 5 and 10
  minutes: one-ways from ``sens_de_circulation``, speeds from ``vitesse_moyenne_vl`` (the native "fastest"
  strategy with the same fields; a speed of 0 closes a road for both);
- ``dept-car``: the département-size synthetic network (``synthetic.py``, 400 × 400 nodes, 306,427 lines), 100
  sites, by car 20 minutes (speeds from ``maxspeed``, one-ways from ``oneway``; footways have no maxspeed,
  which closes them for both);
- ``grid-walk``: a 125,000-line synthetic street grid (256 × 256 nodes), 150 sites, on foot 15 minutes;
- ``dept-walk``: the département-size network, 500 sites, on foot 15 minutes;
- ``helsinki-walk``: the Helsinki OpenStreetMap extract (tests/data/osm, walkable ways, UTM 35N), 50 sites,
  on foot 15 minutes; plus the first run of a fresh QGIS process for each tool, each in its own process.

On foot: 4.8 km/h, the native "shortest" strategy with 80 m per minute, both directions on every line. All:
topology tolerance 0 (ours: ``SNAP_TOLERANCE=0``), planar lengths (``ellipsoid NONE``). The native algorithm
only draws the reached lines; ours also draws the polygons.

Timing: both tools are first run once on another, tiny network (so that imports and Processing are warm,
but no cache of the measured network); then, ``--repeat`` times, ours on a cold session cache (it reads and
builds the graph) and native, and the ratio of the two in that round. Ours with the graph from the session
cache (a second run on the same network) is timed once more. Never extrapolated: every native time is a full
run on every site. Peak memory: the process's ``ru_maxrss`` after our runs, before native's first.

Agreement (per case, on the last round): the share of the length of the native reached lines (part by part)
inside our polygon of the same site and time; and the share of our polygons' area farther from any native
reached line than the width each polygon states (``max_dist_m``), from random points: should be 0.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_catchment.py [--cases ...] [--repeat 2]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely
from plugin_package import use_plugin_package

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
HELSINKI = ROOT / "tests" / "data" / "osm" / "Helsinki.osm.pbf"
BDTOPO = ROOT / "tests" / "data" / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
CARTOFRICHES = ROOT / "tests" / "data" / "cartofriches" / "friches_standard_sample_2025.csv"
WALK_M_PER_MIN = 80.0
CASES = ("bdtopo-car", "dept-car", "grid-walk", "dept-walk", "helsinki-walk")


def _package_path():
    """Make the plugin importable as ``friches_tierslieux`` (the repository root is the plugin folder)."""
    use_plugin_package()
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


def _timed(alg, params):
    """(result, wall s, CPU s) of one Processing run in a context with planar lengths."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("NONE")
    wall, cpu = time.perf_counter(), time.process_time()
    result = processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _shapely_geoms(layer, fields=()):
    wkbs, attrs = [], []
    for feature in layer.getFeatures():
        wkbs.append(bytes(feature.geometry().asWkb()))
        attrs.append(tuple(feature[f] for f in fields))
    return shapely.from_wkb(wkbs), attrs


# --- data ----------------------------------------------------------------------------------------


def _write_lines(path, layer_name, lines, attrs, epsg, field_types=None):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(layer_name, srs, ogr.wkbLineString)
    for name in attrs:
        layer.CreateField(ogr.FieldDefn(name, (field_types or {}).get(name, ogr.OFTString)))
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


def _write_points(path, layer_name, points, ids, epsg):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.Open(str(path), 1)
    layer = ds.CreateLayer(layer_name, srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("site_id", ogr.OFTString))
    defn = layer.GetLayerDefn()
    for site_id, (x, y) in zip(ids, points):
        feature = ogr.Feature(defn)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        feature.SetField("site_id", site_id)
        layer.CreateFeature(feature)
    ds = None


def _beside_roads(lines, open_mask, k, seed, offset=3.0, min_nodes=500):
    """``k`` points ``offset`` m beside the middle of random segments of the main connected network among
    the open lines."""
    from friches_tierslieux.core.network.graph import Graph, build_network
    from friches_tierslieux.core.network.rules import mode_rules

    chosen = [g for g, ok in zip(lines, open_mask) if ok]
    net = build_network(chosen, tolerance=0.0)
    graph = Graph(net, mode_rules({}, len(chosen), "generic", "walk"))
    main = np.nonzero(graph.main_segments(min_nodes))[0]
    rng = np.random.default_rng(seed)
    pick = rng.choice(main[net.seg_len[main] > 10], size=k, replace=False)
    a, b = net.node_xy[net.seg_u[pick]], net.node_xy[net.seg_v[pick]]
    d = (b - a) / np.hypot(*(b - a).T)[:, None]
    return (a + b) / 2 + offset * np.stack([-d[:, 1], d[:, 0]], axis=1)


def synthetic_data(n: int, n_sites: int) -> dict:
    import synthetic as synth

    path = OUT / f"synthetic_{n}.gpkg"
    if not path.exists():
        synth.write_gpkg(path, n, max(n_sites, 500))
    return {"gpkg": path, "network": "routes", "sites": "sites", "n_sites": n_sites}


def tiny_data() -> dict:
    return synthetic_data(12, 3) | {"n_sites": 3}


def helsinki_data(n_sites: int = 50) -> dict:
    """Walkable OSM ways of the Helsinki extract in EPSG:32635, and sites beside the main network."""
    path = OUT / "helsinki_walk.gpkg"
    if not path.exists():
        from friches_tierslieux.core.network.rules import OSM, mode_rules
        from osgeo import ogr, osr

        src = ogr.Open(str(HELSINKI))
        layer = src.GetLayerByName("lines")
        wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        utm.ImportFromEPSG(32635)
        for ref in (wgs84, utm):
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
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
        rules = mode_rules({"highway": highway, "other_tags": other}, len(geoms), OSM, "walk")
        walkable = rules.speed_kmh > 0
        lines = [g for g, ok in zip(geoms, walkable) if ok]
        _write_lines(path, "routes", lines, {"highway": [h for h, ok in zip(highway, walkable) if ok]}, 32635)
        points = _beside_roads(lines, [True] * len(lines), n_sites, 2026, min_nodes=1000)
        _write_points(path, "sites", points, [f"H{i:03d}" for i in range(n_sites)], 32635)
    return {"gpkg": path, "network": "routes", "sites": "sites", "n_sites": n_sites}


def marseille_friches():
    """(site ids, Lambert-93 points) of the Cartofriches sites inside the BD TOPO extract (Marseille 10e)."""
    import csv

    from osgeo import osr

    wgs84, l93 = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    l93.ImportFromEPSG(2154)
    for ref in (wgs84, l93):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, l93)
    ids, points = [], []
    with open(CARTOFRICHES, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["comm_insee"] != "13055" or not row["geompoint"].startswith("POINT"):
                continue
            lon, lat = (float(v) for v in row["geompoint"][7:-1].split())
            x, y, _z = transform.TransformPoint(lon, lat)
            if 894000 < x < 900000 and 6243000 < y < 6246600:  # inside the extract, away from its edges
                ids.append(row["site_id"])
                points.append((x, y))
    return ids, np.array(points)


def bdtopo_data(n_sites: int = 30) -> dict:
    """The BD TOPO extract copied into benchmarks/out, with 30 sites: the real friches inside it and others
    3 m beside drivable roads."""
    import shutil

    from friches_tierslieux.core.network.rules import BDTOPO as SCHEMA
    from friches_tierslieux.core.network.rules import mode_rules
    from osgeo import ogr

    path = OUT / "bdtopo_marseille10.gpkg"
    if not path.exists():
        shutil.copyfile(BDTOPO, path)
        ds = ogr.Open(str(path))
        layer = ds.GetLayer(0)
        geoms, attrs = [], {"nature": [], "sens_de_circulation": [], "vitesse_moyenne_vl": [],
                            "acces_vehicule_leger": [], "etat_de_l_objet": []}
        for feature in layer:
            geoms.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToIsoWkb())))
            for name in attrs:
                attrs[name].append(feature.GetField(name))
        ds = None
        drivable = mode_rules(attrs, len(geoms), SCHEMA, "car").speed_kmh > 0
        ids, points = marseille_friches()
        ids, points = ids[:4], points[:4]
        others = _beside_roads(geoms, drivable, n_sites - len(ids), 13, min_nodes=200)
        _write_points(path, "sites", np.concatenate([points, others]),
                      ids + [f"M{i:02d}" for i in range(len(others))], 2154)
    return {"gpkg": path, "network": "troncon_de_route", "sites": "sites", "n_sites": n_sites}


# --- the two tools -----------------------------------------------------------------------------


def _native_params(case, network, sites, minutes):
    params = {"INPUT": network, "START_POINTS": sites, "TOLERANCE": 0, "INCLUDE_BOUNDS": False,
              "OUTPUT_LINES": "memory:", "DEFAULT_DIRECTION": 2}
    if case["mode"] == "walk":
        params.update({"STRATEGY": 0, "TRAVEL_COST2": minutes * WALK_M_PER_MIN})
    else:
        params.update({"STRATEGY": 1, "TRAVEL_COST2": minutes / 60.0, "SPEED_FIELD": case["speed_field"],
                       "DEFAULT_SPEED": 50.0, "DIRECTION_FIELD": case["direction_field"],
                       "VALUE_FORWARD": case["forward"], "VALUE_BACKWARD": case["backward"],
                       "VALUE_BOTH": case["both"]})
    return params


def _ours_params(case, network, sites, minutes):
    return {"INPUT": sites, "SITE_ID_FIELD": "site_id", "NETWORK": network, "SCHEMA": 0,
            "MODE": {"walk": 0, "bike": 1, "car": 2}[case["mode"]], "TIMES": f"{minutes:g}", "SNAP_TOLERANCE": 0.0,
            "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"}


CASE_SETTINGS = {
    "bdtopo-car": {"data": bdtopo_data, "mode": "car", "minutes": (5, 10), "speed_field": "vitesse_moyenne_vl",
                   "direction_field": "sens_de_circulation", "forward": "Sens direct", "backward": "Sens inverse",
                   "both": "Double sens"},
    "dept-car": {"data": lambda: synthetic_data(400, 100), "mode": "car", "minutes": (20,), "speed_field": "maxspeed",
                 "direction_field": "oneway", "forward": "yes", "backward": "-1", "both": "no",
                 "agreement_sites": 20},
    "grid-walk": {"data": lambda: synthetic_data(256, 150), "mode": "walk", "minutes": (15,)},
    "dept-walk": {"data": lambda: synthetic_data(400, 500), "mode": "walk", "minutes": (15,)},
    "helsinki-walk": {"data": helsinki_data, "mode": "walk", "minutes": (15,)},
}


def _layers(data):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    network = QgsVectorLayer(f"{data['gpkg']}|layername={data['network']}", "network", "ogr")
    sites = QgsVectorLayer(f"{data['gpkg']}|layername={data['sites']}", "sites", "ogr")
    assert network.isValid() and sites.isValid(), data
    if sites.featureCount() > data["n_sites"]:
        sites = sites.materialize(QgsFeatureRequest().setLimit(data["n_sites"]))
    return network, sites


def agreement(native_lines, native_ids, ours, our_ids, widths, samples_per_site=2000, seed=1):
    """(share of native line length inside our polygons, share of our area farther from native lines than the
    polygon's stated width, sites left out): the second from random points in each polygon. Sites where the
    native tool reached no road are left out and counted: it ties a site to the nearest line of any kind,
    a footway closed to cars too, where ours goes to the nearest road usable in the mode."""
    rng = np.random.default_rng(seed)
    polygons = dict(zip(our_ids, zip(ours, widths)))
    inside = total = 0.0
    far = drawn = 0
    left_out = 0
    for line, site in zip(native_lines, native_ids):
        parts = shapely.get_parts(line)  # the native output draws each two-way edge once per direction
        parts = parts[shapely.length(parts) > 0]
        if site not in polygons or not len(parts):
            left_out += 1
            continue
        total += shapely.length(parts).sum()
        polygon, width = polygons[site]
        shapely.prepare(polygon)
        inside += shapely.length(shapely.intersection(parts, polygon)).sum()
        minx, miny, maxx, maxy = polygon.bounds
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(samples_per_site * 3, 2))
        xy = xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])][:samples_per_site]
        _pairs, distance = shapely.STRtree(parts).query_nearest(shapely.points(xy), return_distance=True,
                                                                all_matches=False)
        far += int(np.count_nonzero(distance > width + 1e-6))
        drawn += len(xy)
    return (inside / total if total else float("nan")), (far / drawn if drawn else float("nan")), left_out


def run_case(name: str, repeat: int) -> dict:
    from friches_tierslieux.core.network.cache import GRAPHS

    settings = CASE_SETTINGS[name]
    OUT.mkdir(parents=True, exist_ok=True)
    data = settings["data"]()
    tiny = tiny_data()
    app, _provider = _start_qgis()
    network, sites = _layers(data)
    tiny_network, tiny_sites = _layers(tiny)
    report = {"case": name, "lines": network.featureCount(), "sites": sites.featureCount(), "mode": settings["mode"],
              "repeat": repeat, "runs": []}
    # warm-up, untimed, on another network: imports and Processing, no cache of the measured network
    for minutes in settings["minutes"]:
        _timed("friches:catchment", _ours_params(settings, tiny_network, tiny_sites, minutes))
        _timed("native:serviceareafromlayer", _native_params(settings, tiny_network, tiny_sites, minutes))
    GRAPHS.clear()
    for minutes in settings["minutes"]:
        for round_ in range(repeat):
            GRAPHS.clear()
            ours, wall, cpu = _timed("friches:catchment", _ours_params(settings, network, sites, minutes))
            if "rss_ours_mb" not in report:
                report["rss_ours_mb"] = _rss_mb()
            native, n_wall, n_cpu = _timed("native:serviceareafromlayer",
                                          _native_params(settings, network, sites, minutes))
            report["runs"].append({"minutes": minutes, "round": round_, "ours_s": wall, "ours_cpu_s": cpu,
                                   "native_s": n_wall, "native_cpu_s": n_cpu, "ratio": n_wall / wall,
                                   "cpu_ratio": n_cpu / cpu})
            print(f"[{name}] {minutes} min round {round_}: ours {wall:.2f} s (CPU {cpu:.2f}), native {n_wall:.2f} s"
                  f" (CPU {n_cpu:.2f}) -> {n_wall / wall:.1f}x", flush=True)
        _cached, c_wall, c_cpu = _timed("friches:catchment", _ours_params(settings, network, sites, minutes))
        report["runs"][-1]["ours_cached_s"] = c_wall
        print(f"[{name}] {minutes} min, ours again with the graph from the session cache: {c_wall:.2f} s", flush=True)
        ours_geoms, ours_attrs = _shapely_geoms(ours["OUTPUT"], ("site_id", "max_dist_m"))
        native_geoms, native_attrs = _shapely_geoms(native["OUTPUT_LINES"], ("site_id",))
        limit = settings.get("agreement_sites")
        native_ids = [a[0] for a in native_attrs]
        if limit:
            keep = set(sorted(set(native_ids))[:limit])
            pick = [i for i, s in enumerate(native_ids) if s in keep]
            native_geoms, native_ids = native_geoms[pick], [native_ids[i] for i in pick]
        share, excess, left_out = agreement(native_geoms, native_ids, ours_geoms, [a[0] for a in ours_attrs],
                                            [a[1] for a in ours_attrs])
        widths = sorted({a[1] for a in ours_attrs})
        compared = len(set(native_ids)) - left_out
        report["runs"][-1].update({"agreement": share, "beyond_width": excess, "agreement_sites": compared,
                                   "native_reached_nothing": left_out, "widths_m": widths})
        print(f"[{name}] {minutes} min: {100 * share:.2f} % of the native reached length inside our polygons "
              f"({compared} sites; {left_out} where native reached no road), {100 * excess:.3f} % of our area "
              f"beyond the stated width {widths} m", flush=True)
    report["rss_end_mb"] = _rss_mb()
    del app  # QGIS 3.22 may crash in exitQgis(): the process ends with os._exit() once the result is written
    return report


def first_run(tool: str) -> dict:
    """The very first run of ``tool`` in a fresh QGIS process on Helsinki (imports included)."""
    settings = CASE_SETTINGS["helsinki-walk"]
    data = helsinki_data()
    started = time.perf_counter()
    app, _provider = _start_qgis()
    ready = time.perf_counter() - started
    network, sites = _layers(data)
    params = (_ours_params if tool == "ours" else _native_params)(settings, network, sites, 15)
    alg = "friches:catchment" if tool == "ours" else "native:serviceareafromlayer"
    _result, wall, cpu = _timed(alg, params)
    out = {"tool": tool, "first_run_s": wall, "first_run_cpu_s": cpu, "qgis_start_s": ready,
           "pandas_imported": "pandas" in sys.modules}
    del app
    return out


def _subprocess(args) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        target = handle.name
    command = [sys.executable, str(Path(__file__).resolve()), *args, "--result", target]
    subprocess.run(command, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        return json.loads(Path(target).read_text(encoding="utf-8"))
    finally:
        os.unlink(target)


def machine() -> dict:
    from osgeo import gdal

    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "gdal": gdal.__version__, "numpy": np.__version__, "shapely": shapely.__version__}
    try:
        import scipy

        info["scipy"] = scipy.__version__
    except ImportError:
        info["scipy"] = None
    try:
        model = [line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
        info["cpu"] = model[0].split(":", 1)[1].strip() if model else platform.processor()
        mem = [line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")]
        info["memory_gb"] = round(int(mem[0].split()[1]) / 1024**2, 1) if mem else None
        info["load_average"] = os.getloadavg()
    except OSError:
        pass
    try:
        from qgis.core import Qgis

        info["qgis"] = Qgis.QGIS_VERSION
    except ImportError:
        pass
    return info


def _join(values, fmt="{:.2f}"):
    return ", ".join(fmt.format(v) for v in values)


def summarise(report: dict) -> str:
    lines = []
    for minutes in sorted({r["minutes"] for r in report["runs"]}):
        runs = [r for r in report["runs"] if r["minutes"] == minutes]
        ratios = [r["ratio"] for r in runs]
        last = runs[-1]
        lines.append(
            f"{report['case']}, {minutes} min, {report['sites']} sites, {report['lines']:,} lines: ours "
            f"{_join(r['ours_s'] for r in runs)} s, native {_join(r['native_s'] for r in runs)} s"
            f" -> {_join(ratios, '{:.1f}x')} (median {np.median(ratios):.1f}x; CPU "
            f"{_join([r['cpu_ratio'] for r in runs], '{:.1f}x')}); cached "
            f"{last['ours_cached_s']:.2f} s; agreement {100 * last['agreement']:.2f} % ({last['agreement_sites']} "
            f"sites, {last['native_reached_nothing']} left out), beyond width "
            f"{100 * last['beyond_width']:.3f} %; widths {last['widths_m']} m; peak RSS after ours "
            f"{report['rss_ours_mb']:.0f} MB"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES), choices=CASES)
    parser.add_argument("--repeat", type=int, default=2, help="rounds of (ours, native) per case and time")
    parser.add_argument("--first-runs", type=int, default=3, help="fresh processes per tool on Helsinki")
    parser.add_argument("--json", default=str(OUT / "bench_catchment.json"))
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--first-run", choices=("ours", "native"), help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _package_path()
    if args.case or args.first_run:  # one measurement in this (fresh) process
        result = run_case(args.case, args.repeat) if args.case else first_run(args.first_run)
        Path(args.result).write_text(json.dumps(result), encoding="utf-8")
        sys.stdout.flush()
        os._exit(0)
    reports = {"machine": machine(), "cases": [], "first_runs": []}
    print(json.dumps(reports["machine"]), flush=True)
    for name in args.cases:
        report = _subprocess(["--case", name, "--repeat", str(args.repeat)])
        reports["cases"].append(report)
        print(summarise(report), flush=True)
        if name == "helsinki-walk":
            for _ in range(args.first_runs):
                for tool in ("ours", "native"):
                    reports["first_runs"].append(_subprocess(["--first-run", tool]))
            for tool in ("ours", "native"):
                times = [r["first_run_s"] for r in reports["first_runs"] if r["tool"] == tool]
                print(f"helsinki-walk, first run in a fresh QGIS process, {tool}: {_join(times)} s", flush=True)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(reports, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
