"""A deterministic département-size synthetic road network, sites and 200 m population grid.

Why: the catchment benchmark needs a network of the size planners run (a French département has a few
hundred thousand road sections) without shipping or downloading one. A perturbed grid is the simplest
network with realistic degrees, lengths and road classes: 150 m blocks, jittered nodes, a bend vertex in
the middle of each street, a few streets missing, primary/secondary/residential classes, some one-way
streets and footways, OSM attributes (highway, oneway, maxspeed, name). Lambert-93 coordinates.

Usage: ``.venv/bin/python benchmarks/synthetic.py OUT.gpkg [--n 400]`` writes layers ``routes``,
``sites`` and ``population_200m``.
"""

from __future__ import annotations

import argparse

import numpy as np
import shapely

X0, Y0 = 600_000.0, 6_600_000.0


def make_network(n: int = 400, spacing: float = 150.0, seed: int = 42):
    """(lines as an array of shapely LineStrings, attributes dict of lists)."""
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    nodes = np.stack([gx.ravel(), gy.ravel()], axis=1).astype(float) * spacing
    nodes += rng.uniform(-0.25 * spacing, 0.25 * spacing, size=nodes.shape)
    nodes += (X0, Y0)
    ids = np.arange(n * n).reshape(n, n)
    a = np.concatenate([ids[:-1, :].ravel(), ids[:, :-1].ravel()])
    b = np.concatenate([ids[1:, :].ravel(), ids[:, 1:].ravel()])
    line_index = np.concatenate([gy[:-1, :].ravel(), gx[:, :-1].ravel()])  # row/column of the street
    horizontal = np.concatenate([np.ones((n - 1) * n, bool), np.zeros(n * (n - 1), bool)])
    keep = rng.random(len(a)) > 0.04
    a, b, line_index, horizontal = a[keep], b[keep], line_index[keep], horizontal[keep]
    pa, pb = nodes[a], nodes[b]
    mid = (pa + pb) / 2
    d = pb - pa
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1) / np.hypot(d[:, 0], d[:, 1])[:, None]
    mid += normal * rng.uniform(-0.07 * spacing, 0.07 * spacing, size=(len(a), 1))
    coords = np.stack([pa, mid, pb], axis=1).round(2)
    lines = shapely.linestrings(coords)
    m = len(a)
    highway = np.full(m, "residential", dtype=object)
    maxspeed = np.full(m, "30", dtype=object)
    secondary = line_index % 5 == 0
    primary = line_index % 20 == 0
    highway[secondary] = "secondary"
    maxspeed[secondary] = "50"
    highway[primary] = "primary"
    maxspeed[primary] = "70"
    residential = highway == "residential"
    draw = rng.random(m)
    oneway = np.full(m, None, dtype=object)
    oneway[residential & (draw < 0.08)] = "yes"
    oneway[residential & (draw >= 0.08) & (draw < 0.10)] = "-1"
    foot = residential & (draw > 0.97)
    highway[foot] = "footway"
    maxspeed[foot] = None
    oneway[foot] = None
    names = np.array([f"{'Rue' if h else 'Avenue'} {i}" for h, i in zip(horizontal, line_index)], dtype=object)
    attrs = {"highway": list(highway), "oneway": list(oneway), "maxspeed": list(maxspeed), "name": list(names)}
    return lines, attrs


def make_sites(k: int = 500, n: int = 400, spacing: float = 150.0, seed: int = 7):
    """``k`` points spread over the network (each within about 60 m of a street)."""
    rng = np.random.default_rng(seed)
    span = (n - 1) * spacing
    xy = rng.uniform(0.02 * span, 0.98 * span, size=(k, 2)) + np.array([X0, Y0])
    return shapely.points(xy)


def make_population(n: int = 400, spacing: float = 150.0, cell: float = 200.0, seed: int = 11):
    """(200 m square cells aligned on multiples of 200 m, population per cell)."""
    rng = np.random.default_rng(seed)
    span = (n - 1) * spacing
    x = np.arange(np.floor(X0 / cell) * cell, X0 + span, cell)
    y = np.arange(np.floor(Y0 / cell) * cell, Y0 + span, cell)
    xx, yy = np.meshgrid(x, y, indexing="ij")
    xx, yy = xx.ravel(), yy.ravel()
    cells = shapely.box(xx, yy, xx + cell, yy + cell)
    ind = np.round(rng.gamma(1.2, 40.0, size=len(cells)), 1)
    return cells, ind


def write_gpkg(path, n: int = 400, sites: int = 500):
    from osgeo import ogr, osr

    lines, attrs = make_network(n)
    points = make_sites(sites, n)
    cells, ind = make_population(n)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    layer = ds.CreateLayer("routes", srs, ogr.wkbLineString)
    for name in ("highway", "oneway", "maxspeed", "name"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    wkbs = shapely.to_wkb(lines)
    for i, wkb in enumerate(wkbs):
        feat = ogr.Feature(defn)
        feat.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        for name in ("highway", "oneway", "maxspeed", "name"):
            value = attrs[name][i]
            if value is not None:
                feat.SetField(name, value)
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    layer = ds.CreateLayer("sites", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("site_id", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for i, wkb in enumerate(shapely.to_wkb(points)):
        feat = ogr.Feature(defn)
        feat.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        feat.SetField("site_id", f"S{i:04d}")
        feat.SetField("name", f"Site {i}")
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    layer = ds.CreateLayer("population_200m", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ind", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for wkb, value in zip(shapely.to_wkb(cells), ind):
        feat = ogr.Feature(defn)
        feat.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        feat.SetField("ind", float(value))
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None
    return len(lines), len(points), len(cells)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=400, help="grid size (n x n nodes; 400 gives about 306,000 edges)")
    parser.add_argument("--sites", type=int, default=500)
    args = parser.parse_args()
    print(write_gpkg(args.out, args.n, args.sites))
