"""Writing the GeoPackage, the CSV and the GTFS zip so that their bytes depend on their content only."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import shapely
from shapely.geometry import MultiLineString, MultiPolygon

from .population import FILOSOFI_FIELDS

#: Fixed date written into the GeoPackage and the zip, so that runs do not differ by their timestamps.
FILE_DATE = (2026, 9, 1, 0, 0, 0)


def write_csv_rows(path: Path, header: list, rows: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row[h] for h in header])


def write_gtfs_zip(path: Path, feed: dict) -> None:
    """The feed as a zip whose bytes only depend on its content (fixed dates and order)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, rows in feed.items():
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\r\n").writerows(rows)
            info = zipfile.ZipInfo(name, date_time=FILE_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue().encode("utf-8"), compresslevel=9)


GPKG_LAYERS = {
    # name: (geometry type, [(field, type, width)], description)
    "routes": (
        "LineString",
        [
            ("id", "int", 0), ("highway", "str", 20), ("name", "str", 80), ("ref", "str", 12), ("oneway", "str", 3),
            ("maxspeed", "str", 4), ("junction", "str", 12), ("bridge", "str", 3),
        ],
        "Street network, OSM-like tags, noded at every junction (fictional)",
    ),
    "population_200m": (
        "Polygon",
        [
            ("idcar_200m", "str", 40), ("idcar_1km", "str", 40), ("idcar_nat", "str", 40), ("i_est_200", "int", 0),
            ("i_est_1km", "int", 0), ("lcog_geo", "str", 40),
        ]
        + [(f, "real", 0) for f in FILOSOFI_FIELDS[6:]],
        "INSEE Filosofi-like 200 m grid, cells on a Lambert-93 grid (fictional)",
    ),
    "zone_urba": (
        "MultiPolygon",
        [
            ("LIB_IDZONE", "str", 40), ("LIBELLE", "str", 12), ("LIBELONG", "str", 254), ("TYPEZONE", "str", 3),
            ("DESTDOMI", "str", 2), ("FORMDOMI", "str", 4), ("DESTOUI", "str", 120), ("DESTCDT", "str", 120),
            ("DESTNON", "str", 120), ("NOMFIC", "str", 80), ("URLFIC", "str", 254), ("IDURBA", "str", 30),
            ("DATVALID", "str", 8), ("SYMBOLE", "str", 20),
        ],
        "PLU of Ingeville, CNIG ZONE_URBA (fictional)",
    ),
    "prescription_surf": ("MultiPolygon", None, "PLU prescriptions, CNIG PRESCRIPTION_SURF (fictional)"),
    "prescription_lin": ("MultiLineString", None, "PLU prescriptions, CNIG PRESCRIPTION_LIN (fictional)"),
    "prescription_pct": ("Point", None, "PLU prescriptions, CNIG PRESCRIPTION_PCT (fictional)"),
    "perimetre_scot": (
        "MultiPolygon", [("IDURBA", "str", 30), ("NOM", "str", 254)],
        "SCOT perimeter, CNIG PERIMETRE_SCOT (fictional)",
    ),
    "communes": ("MultiPolygon", [("insee", "str", 5), ("nom", "str", 80)], "Communes (fictional)"),
    "tiers_lieux": (
        "Point",
        [
            ("name", "str", 120), ("kind", "str", 40), ("address", "str", 160), ("commune", "str", 80),
            ("insee", "str", 5), ("opening_year", "int", 0),
        ],
        "Existing third places (fictional)",
    ),
    "services": (
        "Point",
        [
            ("name", "str", 120), ("kind", "str", 40), ("typequ", "str", 4), ("address", "str", 160),
            ("commune", "str", 80), ("insee", "str", 5),
        ],
        "Public service points (fictional)",
    ),
    "cours_eau": ("LineString", [("nom", "str", 80)], "River (fictional)"),
    "bois": ("Polygon", [("nom", "str", 80)], "Woods and forests (fictional)"),
    "voie_ferree": ("LineString", [("nom", "str", 80)], "Railway (fictional)"),
}
# fmt: off
PSC_FIELDS = [
    ("LIB_IDPSC", "str", 40), ("LIBELLE", "str", 254), ("TXT", "str", 10), ("TYPEPSC", "str", 2),
    ("STYPEPSC", "str", 2), ("NATURE", "str", 50), ("NOMFIC", "str", 80), ("URLFIC", "str", 254),
    ("IDURBA", "str", 30), ("DATVALID", "str", 8), ("SYMBOLE", "str", 30),
]
# fmt: on


def as_multi(geom, kind: str):
    if kind == "MultiPolygon" and geom.geom_type == "Polygon":
        return MultiPolygon([geom])
    if kind == "MultiLineString" and geom.geom_type == "LineString":
        return MultiLineString([geom])
    return geom


def write_gpkg(path: Path, layers: dict) -> None:
    """Every layer but the friches and the GTFS in one GeoPackage, EPSG:2154, written with GDAL."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2026-09-01T00:00:00.000Z")
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    types = {"str": ogr.OFTString, "int": ogr.OFTInteger, "real": ogr.OFTReal}
    gtypes = {
        "Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon,
        "MultiPolygon": ogr.wkbMultiPolygon, "MultiLineString": ogr.wkbMultiLineString,
    }
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, features in layers.items():
        gtype, fields, description = GPKG_LAYERS[name]
        fields = fields or PSC_FIELDS
        lyr = ds.CreateLayer(
            name, srs, gtypes[gtype], options=["GEOMETRY_NAME=geom", "FID=fid", f"DESCRIPTION={description}"]
        )
        for fname, ftype, width in fields:
            fd = ogr.FieldDefn(fname, types[ftype])
            if width:
                fd.SetWidth(width)
            lyr.CreateField(fd)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for props in features:
            feat = ogr.Feature(defn)
            for fname, _ftype, _w in fields:
                value = props.get(fname, "")
                if value is not None and value != "":
                    feat.SetField(fname, value)
            geom = as_multi(props["geom"], gtype)
            feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
            lyr.CreateFeature(feat)
        lyr.CommitTransaction()
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)
