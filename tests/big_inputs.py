"""Inputs large enough for an algorithm to run several seconds, built in memory or in a temporary folder.

Used by the cancel tests (tests/qgis/test_cancel.py) and benchmarks/bench_cancel.py: a cancel is only
tested honestly on a run that would otherwise go on for a while, at each of its stages. Everything is
deterministic (seeded) and derived from data of the repository (the Ingeville demo, the real PLUi extract
of tests/data/plu, the synthetic GTFS generator of benchmarks/bench_transit.py).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "ingeville"
DEMO_GPKG = DEMO / "ingeville.gpkg"
PLUI_ZONES = ROOT / "tests" / "data" / "plu" / "241800432_PLUi_20200128" / "241800432_ZONE_URBA_20200128.shp"


def memory_layer(kind: str, fields, features, crs: str = "EPSG:2154", name: str = "layer"):
    """A memory layer of ``kind`` (Point, Polygon...) with string/double ``fields`` [(name, type)] and
    ``features`` [(QgsGeometry, [values])]."""
    from qgis.core import QgsFeature, QgsVectorLayer

    spec = "&".join(f"field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(f"{kind}?crs={crs}&{spec}", name, "memory")
    out = []
    for geometry, values in features:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(geometry)
        out.append(feature)
    ok, _ = layer.dataProvider().addFeatures(out)
    assert ok and layer.featureCount() == len(out)
    return layer


def random_squares(n: int, extent, size: float = 60.0, seed: int = 1):
    """``n`` square polygon sites of ``size`` metres, site_id S0..S<n-1>, uniformly in ``extent``."""
    from qgis.core import QgsGeometry, QgsRectangle

    rng = np.random.default_rng(seed)
    xs = rng.uniform(extent.xMinimum(), extent.xMaximum() - size, n)
    ys = rng.uniform(extent.yMinimum(), extent.yMaximum() - size, n)
    return memory_layer("Polygon", [("site_id", "string")],
                        [(QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size)), [f"S{i}"])
                         for i, (x, y) in enumerate(zip(xs, ys))], name="sites")


def random_sites(n: int, extent, seed: int = 1):
    """``n`` point sites with a few inventory fields (site_id, site_nom, bati_surface, site_surface)."""
    from qgis.core import QgsGeometry, QgsPointXY

    rng = np.random.default_rng(seed)
    xs = rng.uniform(extent.xMinimum(), extent.xMaximum(), n)
    ys = rng.uniform(extent.yMinimum(), extent.yMaximum(), n)
    fields = [("site_id", "string"), ("site_nom", "string"), ("bati_surface", "double"), ("site_surface", "double")]
    return memory_layer("Point", fields, [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [f"S{i}", f"Site {i}", 500.0,
                                                                                       3000.0])
                                          for i, (x, y) in enumerate(zip(xs, ys))], name="sites")


def covering_inputs(n_candidates: int, size_km: float, cell: float = 200.0, radius: float = 1500.0, seed: int = 2):
    """(candidates, their 15 min catchments, a population grid) for friches:select_sites: candidates at
    random over a square of ``size_km``, each catchment a disc of ``radius``, cells of ``cell`` metres
    with a Poisson(20) population."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

    rng = np.random.default_rng(seed)
    x0, y0, width = 600000.0, 6700000.0, size_km * 1000.0
    xs, ys = rng.uniform(x0, x0 + width, n_candidates), rng.uniform(y0, y0 + width, n_candidates)
    scores = rng.uniform(0, 100, n_candidates)
    candidates = memory_layer("Point", [("site_id", "string"), ("best_score", "double")],
                              [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [f"C{i:05d}", float(s)])
                               for i, (x, y, s) in enumerate(zip(xs, ys, scores))], name="candidates")
    catchments = memory_layer("Polygon", [("site_id", "string"), ("minutes", "double")],
                              [(QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(radius, 8), [f"C{i:05d}", 15.0])
                               for i, (x, y) in enumerate(zip(xs, ys))], name="catchments")
    n = int(width // cell)
    people = rng.poisson(20, n * n)
    cells = []
    for k in range(n * n):
        i, j = divmod(k, n)
        cells.append((QgsGeometry.fromRect(QgsRectangle(x0 + i * cell, y0 + j * cell, x0 + (i + 1) * cell,
                                                        y0 + (j + 1) * cell)), [float(people[k])]))
    population = memory_layer("Polygon", [("ind", "double")], cells, name="population")
    return candidates, catchments, population


def big_inventory_csv(path: Path, n: int) -> Path:
    """A CNIG friches CSV of ``n`` rows: the 43 Ingeville friches repeated, each copy with its own
    site_id and moved by 20 km steps (no two sites at the same place: the duplicate search stays linear)."""
    import shapely
    from shapely import affinity

    with open(DEMO / "friches_ingeville.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        for k in range(n):
            row = dict(rows[k % len(rows)])
            copy = k // len(rows)
            dx, dy = (copy % 40) * 20000.0, (copy // 40) * 20000.0
            row["site_id"] = f"{row['site_id']}_{k}"
            for column in ("geompoint", "geomsurf"):
                if row.get(column):
                    moved = affinity.translate(shapely.from_wkt(row[column]), dx, dy)
                    row[column] = shapely.to_wkt(moved, rounding_precision=2)
            writer.writerow(row)
    return path


def synthetic_feed(path: Path, stop_times: int) -> Path:
    """The regional synthetic GTFS feed of benchmarks/bench_transit.py with about ``stop_times`` rows
    (weekday 2025-03-04 has service; stops around Lyon, 4.6-5.1 E, 45.57-45.93 N)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_transit import make_synthetic_feed
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    make_synthetic_feed(Path(path), stop_times)
    return Path(path)


def big_dvf_csv(path: Path, copies: int) -> Path:
    """A geolocated DVF file (Etalab's columns) of ``copies`` times the Ingeville sample of tests/data/dvf:
    each copy with its own id_mutation, prices and coordinates slightly moved (seeded), so that no sale is a
    duplicate of another and every comparable lies around Ingeville."""
    rng = np.random.default_rng(3)
    with open(ROOT / "tests" / "data" / "dvf" / "dvf_ingeville.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        for copy in range(copies):
            factor = float(rng.uniform(0.8, 1.25))
            dx, dy = rng.uniform(-0.02, 0.02, 2)
            for row in rows:
                row = dict(row)
                row["id_mutation"] = f"{row['id_mutation']}-{copy}"
                if row["valeur_fonciere"]:
                    row["valeur_fonciere"] = f"{float(row['valeur_fonciere']) * factor:.0f}"
                if row["longitude"] and row["latitude"]:
                    row["longitude"] = f"{float(row['longitude']) + dx:.6f}"
                    row["latitude"] = f"{float(row['latitude']) + dy:.6f}"
                writer.writerow(row)
    return path


def programme_sites(n: int, fillers: int = 0, seed: int = 15):
    """``n`` sites to programme (site_id P<k>, cost and acq in €, score), costs log-normal as in
    benchmarks/bench_programme.py (about a third affordable over ten years of the returned budget: a
    multi-year knapsack HiGHS takes its whole time limit to prove), and ``fillers`` sites without a cost
    (read, reported and written, never in the solver). Returns (layer, yearly budget)."""
    from qgis.core import QgsGeometry, QgsPointXY

    rng = np.random.default_rng(seed)
    acquisition = rng.lognormal(13, 0.8, n)
    works = rng.lognormal(13.5, 0.7, n)
    scores = rng.uniform(30, 90, n)
    budget = float((acquisition.sum() + works.sum()) / 10 * 0.2)
    features = [(QgsGeometry.fromPointXY(QgsPointXY(600000.0 + 100 * k, 6700000.0)),
                 [f"P{k}", float(acquisition[k] + works[k]), float(acquisition[k]), float(scores[k])])
                for k in range(n)]
    features += [(QgsGeometry.fromPointXY(QgsPointXY(600000.0 + 10 * k, 6710000.0)), [f"F{k}", None, None, 50.0])
                 for k in range(fillers)]
    fields = [("site_id", "string"), ("cost", "double"), ("acq", "double"), ("score", "double")]
    return memory_layer("Point", fields, features, name="programme"), budget
