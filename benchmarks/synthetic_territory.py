"""Deterministic national-size inputs for ``friches:prepare_territory``, in the published schemas.

- ``troncon_de_route.gpkg``: 300,000 IGN BD TOPO v3 ``troncon_de_route`` (3D lines, Lambert-93, the
  fields and types of the real Marseille extract in tests/data/bdtopo) over an 80 km x 80 km département;
- ``carreaux_200m_met.gpkg``: 2,000,000 INSEE Filosofi 200 m cells (EPSG:3035 squares named
  ``CRS3035RES200mN…E…`` by their south-west corner, the 2019/2021 lower-case columns), a 1,415 x 1,415
  block of cells around the département;
- ``friches_cnig.csv``: 20,000 friches in the CNIG standard as Cartofriches exports it (``;``, the 50
  columns of the real sample, ``POINT (lon lat)``, dates ``dd/mm/yyyy``, ``NA``), spread over metropolitan
  France with one in twenty in the département, one in ten with a ``geomsurf`` polygon;
- ``communes.gpkg``: the territory, 25 communes of 4 km x 4 km in the middle of the département (layer
  ``communes``) and, for the worst case, the whole département (layer ``departement``).

The files are written through CSV + ``gdal.VectorTranslate`` (C speed, spatial index built), once, into
``benchmarks/out/territory/`` (``--rebuild`` to redo).

Usage: ``.venv/bin/python benchmarks/synthetic_territory.py [--out DIR] [--roads N] [--cells N]
[--friches N] [--rebuild]``
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "territory"
REAL_ROADS = ROOT / "tests" / "data" / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
REAL_FRICHES = ROOT / "tests" / "data" / "cartofriches" / "friches_standard_sample_2025.csv"

#: South-west corner of the synthetic département (Lambert-93, in the Rhône valley) and its side.
DEP_X0, DEP_Y0, DEP_SIDE = 820_000.0, 6_480_000.0, 80_000.0
NATURES = ("Route à 1 chaussée", "Chemin", "Sentier", "Route à 2 chaussées", "Rond-point", "Bretelle", "Escalier")
NATURE_P = (0.55, 0.2, 0.1, 0.06, 0.04, 0.03, 0.02)


def _transform(src: int, dst: int):
    from osgeo import osr

    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromEPSG(src)
    b.ImportFromEPSG(dst)
    for s in (a, b):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(a, b)

    def run(x, y):
        pts = np.asarray(ct.TransformPoints(np.column_stack([x, y]).tolist()))
        return pts[:, 0], pts[:, 1]

    return run


def _translate(csv_path: Path, out: Path, layer: str, srs: str, geometry_type: str, wkt_column="wkt"):
    from osgeo import gdal

    gdal.UseExceptions()
    if out.exists():
        out.unlink()
    gdal.VectorTranslate(
        str(out), str(csv_path), format="GPKG", layerName=layer, dstSRS=srs, srcSRS=srs,
        geometryType=geometry_type,
        options=["-oo", f"GEOM_POSSIBLE_NAMES={wkt_column}", "-oo", "KEEP_GEOM_COLUMNS=NO",
                 "-lco", "SPATIAL_INDEX=YES", "-gt", "65536"])
    csv_path.unlink()
    csvt = csv_path.with_suffix(".csvt")
    if csvt.exists():
        csvt.unlink()


def road_fields():
    """[(name, OGR type name)] of the real BD TOPO extract."""
    from osgeo import ogr

    ds = ogr.Open(str(REAL_ROADS))
    defn = ds.GetLayer(0).GetLayerDefn()
    return [(defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetTypeName()) for i in range(defn.GetFieldCount())]


def make_roads(path: Path, n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    fields = road_fields()
    x = DEP_X0 + rng.uniform(0, DEP_SIDE, n)
    y = DEP_Y0 + rng.uniform(0, DEP_SIDE, n)
    nvert = rng.integers(2, 7, n)
    angle = rng.uniform(0, 2 * np.pi, n)
    step = rng.uniform(20, 60, n)
    nature = rng.choice(len(NATURES), n, p=NATURE_P)
    csv_path = path.with_suffix(".csv")
    types = {"String": "String", "Integer64": "Integer64", "Real": "Real", "Integer": "Integer"}
    with open(csv_path.with_suffix(".csvt"), "w") as fh:
        fh.write(",".join(["WKT"] + [f'"{types.get(t, "String")}"' for _n, t in fields]) + "\n")
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["wkt"] + [name for name, _t in fields])
        for i in range(n):
            k = int(nvert[i])
            turn = np.cumsum(rng.normal(0, 0.3, k))
            xs = x[i] + np.cumsum(np.r_[0, step[i] * np.cos(angle[i] + turn[:-1])])
            ys = y[i] + np.cumsum(np.r_[0, step[i] * np.sin(angle[i] + turn[:-1])])
            zs = 150 + rng.uniform(0, 5, k)
            wkt = "LINESTRING Z (" + ",".join(f"{a:.1f} {b:.1f} {c:.1f}" for a, b, c in zip(xs, ys, zs)) + ")"
            nat = NATURES[nature[i]]
            values = {
                "cleabs": f"TRONROUT{i:016d}", "nature": nat, "importance": str(1 + i % 6),
                "fictif": 0, "position_par_rapport_au_sol": "0", "etat_de_l_objet": "En service",
                "sens_de_circulation": ("Double sens", "Sens direct", "Sans objet")[i % 3],
                "vitesse_moyenne_vl": 0 if nat in ("Sentier", "Escalier") else (30, 50, 80)[i % 3],
                "acces_vehicule_leger": "Libre" if nat not in ("Sentier", "Escalier") else "Physiquement impossible",
                "acces_pieton": "Libre", "nom_collaboratif_gauche": f"Rue {i % 5000}",
                "insee_commune_gauche": f"{38000 + i % 400:05d}", "insee_commune_droite": f"{38000 + i % 400:05d}",
                "nombre_de_voies": 2.0, "largeur_de_chaussee": 5.5, "urbain": i % 2, "itineraire_vert": 0,
                "precision_planimetrique": 1.5, "precision_altimetrique": 1.0,
            }
            writer.writerow([wkt] + [values.get(name, "") for name, _t in fields])
    _translate(csv_path, path, "troncon_de_route", "EPSG:2154", "LINESTRING25D")


FILOSOFI_COLUMNS = ("idcar_200m", "idcar_1km", "idcar_nat", "i_est_200", "i_est_1km", "lcog_geo", "ind", "men",
                    "men_pauv", "men_1ind", "men_5ind", "men_prop", "men_fmp", "ind_snv", "men_surf", "men_coll",
                    "men_mais", "log_av45", "log_45_70", "log_70_90", "log_ap90", "log_inc", "log_soc", "ind_0_3",
                    "ind_4_5", "ind_6_10", "ind_11_17", "ind_18_24", "ind_25_39", "ind_40_54", "ind_55_64",
                    "ind_65_79", "ind_80p", "ind_inc")


def make_grid(path: Path, n_cells: int, seed: int = 2):
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_cells)))
    to3035 = _transform(2154, 3035)
    cx, cy = to3035(np.array([DEP_X0 + DEP_SIDE / 2]), np.array([DEP_Y0 + DEP_SIDE / 2]))
    e0 = int(cx[0] // 200 * 200 - side // 2 * 200)
    n0 = int(cy[0] // 200 * 200 - side // 2 * 200)
    csv_path = path.with_suffix(".csv")
    types = ["String", "String", "String", "Integer", "Integer", "String"] + ["Real"] * (len(FILOSOFI_COLUMNS) - 6)
    with open(csv_path.with_suffix(".csvt"), "w") as fh:
        fh.write(",".join(["WKT"] + [f'"{t}"' for t in types]) + "\n")
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["wkt", *FILOSOFI_COLUMNS])
        done = 0
        for row in range(side):
            count = min(side, n_cells - done)
            if count <= 0:
                break
            e = e0 + 200 * np.arange(count)
            nn = n0 + 200 * row
            ind = np.round(rng.gamma(1.2, 8.0, count), 1)
            for k in range(count):
                x0, y0 = int(e[k]), nn
                wkt = f"POLYGON (({x0} {y0},{x0 + 200} {y0},{x0 + 200} {y0 + 200},{x0} {y0 + 200},{x0} {y0}))"
                i = float(ind[k])
                values = [f"CRS3035RES200mN{y0}E{x0}", f"CRS3035RES1000mN{y0 // 1000 * 1000}E{x0 // 1000 * 1000}",
                          f"CRS3035RES200mN{y0}E{x0}", int(i < 11), 0, "38185"]
                shares = np.linspace(0.01, 0.3, len(FILOSOFI_COLUMNS) - 8)
                values += [i, round(i / 2.3, 1)] + [round(i * f, 1) for f in shares]
                writer.writerow([wkt, *values])
            done += count
    _translate(csv_path, path, "carreaux_200m_met", "EPSG:3035", "POLYGON")


def make_friches(path: Path, n: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    with open(REAL_FRICHES, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        header = next(reader)
        templates = [row for _i, row in zip(range(200), reader)]
    to4326 = _transform(2154, 4326)
    local = rng.random(n) < 0.05
    lon = rng.uniform(-1.5, 7.0, n)
    lat = rng.uniform(43.5, 50.5, n)
    lx, ly = to4326(DEP_X0 + rng.uniform(0, DEP_SIDE, n), DEP_Y0 + rng.uniform(0, DEP_SIDE, n))
    lon = np.where(local, lx, lon)
    lat = np.where(local, ly, lat)
    col = {name: i for i, name in enumerate(header)}
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        for i in range(n):
            row = list(templates[i % len(templates)])
            insee = "38185" if local[i] else f"{1000 + i % 90000:05d}"
            row[col["site_id"]] = f"{insee}_{100000 + i}"
            row[col["site_nom"]] = f"Friche synthétique {i}"
            row[col["comm_insee"]] = insee
            row[col["geompoint"]] = f"POINT ({lon[i]:.6f} {lat[i]:.6f})"
            if i % 10 == 0:
                d = 0.001
                row[col["geomsurf"]] = "MULTIPOLYGON ((({a} {b},{c} {b},{c} {e},{a} {e},{a} {b})))".format(
                    a=f"{lon[i] - d:.6f}", b=f"{lat[i] - d:.6f}", c=f"{lon[i] + d:.6f}", e=f"{lat[i] + d:.6f}")
            else:
                row[col["geomsurf"]] = "NA"
            writer.writerow(row)


def make_communes(path: Path):
    from osgeo import ogr, osr

    if path.exists():
        path.unlink()
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = ds.CreateLayer("communes", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("insee_com", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    cx, cy = DEP_X0 + DEP_SIDE / 2, DEP_Y0 + DEP_SIDE / 2
    for i in range(5):
        for j in range(5):
            x0, y0 = cx - 10_000 + 4000 * i, cy - 10_000 + 4000 * j
            feat = ogr.Feature(layer.GetLayerDefn())
            feat.SetField("insee_com", f"38{100 + 5 * i + j:03d}")
            feat.SetField("nom", f"Commune {5 * i + j + 1}")
            feat.SetGeometry(ogr.CreateGeometryFromWkt(
                f"MULTIPOLYGON ((({x0} {y0},{x0 + 4000} {y0},{x0 + 4000} {y0 + 4000},{x0} {y0 + 4000},{x0} {y0})))"))
            layer.CreateFeature(feat)
    whole = ds.CreateLayer("departement", srs, ogr.wkbMultiPolygon)
    whole.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    feat = ogr.Feature(whole.GetLayerDefn())
    feat.SetField("nom", "Département synthétique")
    m = 5000.0  # the area with a 5 km buffer is then the whole département
    x0, y0, x1, y1 = DEP_X0 + m, DEP_Y0 + m, DEP_X0 + DEP_SIDE - m, DEP_Y0 + DEP_SIDE - m
    feat.SetGeometry(ogr.CreateGeometryFromWkt(
        f"MULTIPOLYGON ((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"))
    whole.CreateFeature(feat)
    ds = None


def build(out: Path = OUT, roads: int = 300_000, cells: int = 2_000_000, friches: int = 20_000,
          rebuild: bool = False) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    paths = {"roads": out / "troncon_de_route.gpkg", "grid": out / "carreaux_200m_met.gpkg",
             "friches": out / "friches_cnig.csv", "communes": out / "communes.gpkg"}
    makers = {"roads": lambda p: make_roads(p, roads), "grid": lambda p: make_grid(p, cells),
              "friches": lambda p: make_friches(p, friches), "communes": make_communes}
    for key, path in paths.items():
        if rebuild or not path.exists():
            print(f"building {path} ...", flush=True)
            makers[key](path)
    return {k: str(v) for k, v in paths.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--roads", type=int, default=300_000)
    parser.add_argument("--cells", type=int, default=2_000_000)
    parser.add_argument("--friches", type=int, default=20_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    for key, path in build(Path(args.out), args.roads, args.cells, args.friches, args.rebuild).items():
        print(key, path, f"{os.path.getsize(path) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
