"""Coordinate reference systems: one clear message, never PROJ's text per row, never a silent default
(issue 12, "weak messages").

- A layer without CRS is named once, with the CRS its coordinates are read in and what to do, and the
  results are those of the same layer with its CRS set (the assumption is the right one for these data).
- A TARGET_CRS QGIS does not know (EPSG:999999) or in degrees is refused, naming the value and the
  parameter, instead of being replaced by Lambert-93.
- A row whose coordinates cannot be reprojected is rejected with its coordinates and the CRS named.
"""

import csv
import re
from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
GPKG = DEMO / "ingeville.gpkg"
#: What PROJ or GDAL write when a transform fails: never shown to a planner.
RAW = re.compile(r"\bPROJ\b|proj_|Fallback transform|forward transform of|inverse transform")

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="the Ingeville demo is not generated")


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, text):
        self.warnings.append(text)

    def pushInfo(self, text):
        self.infos.append(text)

    def reportError(self, text, fatal=False):
        self.warnings.append(text)


def run(context, alg, feedback=None, **params):
    from qgis import processing

    return processing.run(f"friches:{alg}", params, context=context, feedback=feedback or Log())


def layer(result, name, context):
    value = result[name]
    return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, context)


@pytest.fixture(scope="module")
def friches(tmp_path_factory):
    """The demo friches as a shapefile in Lambert-93 with its .prj, and the same without."""
    folder = tmp_path_factory.mktemp("crs")
    with open(DEMO / "friches_ingeville.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with_crs, without = folder / "friches.shp", folder / "sans_crs.shp"
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    for path, srs in ((with_crs, lambert), (without, None)):
        dataset = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        out = dataset.CreateLayer(path.stem, srs, ogr.wkbPoint, ["ENCODING=UTF-8"])
        for name in ("site_id", "site_nom", "comm_insee"):
            out.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        for row in rows:
            feature = ogr.Feature(out.GetLayerDefn())
            for name in ("site_id", "site_nom", "comm_insee"):
                feature.SetField(name, row[name])
            feature.SetGeometry(ogr.CreateGeometryFromWkt(row["geompoint"]))
            out.CreateFeature(feature)
        dataset = out = None
    assert QgsVectorLayer(str(with_crs)).crs().authid() == "EPSG:2154"
    assert not QgsVectorLayer(str(without)).crs().isValid()
    assert QgsVectorLayer(str(without)).featureCount() == 43
    return with_crs, without


def named_once(log, name):
    about = [w for w in log.warnings if name in w and ("CRS" in w or "SCR" in w)]
    assert len(about) == 1, log.warnings
    assert not [w for w in log.warnings if RAW.search(w)], log.warnings
    return about[0]


FIELDS = {
    "zoning_overlay": ["u_pct", "auc_pct", "aus_pct", "a_pct", "n_pct", "zone_libelle", "psc_codes"],
    "transit_coverage": ["nearest_stop_id", "nearest_stop_m", "dep_500m_h", "ptal"],
    "score_candidates": ["score_coworking", "score_fablab", "score_mediation", "rank"],
}


@pytest.mark.parametrize("alg", sorted(FIELDS))
def test_layer_without_crs_is_named_once_and_read_right(plugin, processing_context, friches, alg):
    with_crs, without = friches
    extra = {
        "zoning_overlay": {"ZONES": f"{GPKG}|layername=zone_urba",
                           "PRESCRIPTIONS": [f"{GPKG}|layername=prescription_surf"]},
        "transit_coverage": {"GTFS": str(DEMO / "gtfs_ingeville.zip"), "GRID_CELL": 0},
        "score_candidates": {"SERVICES": f"{GPKG}|layername=services", "PLACES": f"{GPKG}|layername=tiers_lieux"},
    }[alg]
    log = Log()
    plain = run(processing_context, alg, INPUT=str(with_crs), OUTPUT="TEMPORARY_OUTPUT", **extra)
    blind = run(processing_context, alg, log, INPUT=str(without), OUTPUT="TEMPORARY_OUTPUT", **extra)
    message = named_once(log, "sans_crs")
    assert "EPSG:2154" in message
    a = {f["site_id"]: f for f in layer(plain, "OUTPUT", processing_context).getFeatures()}
    b = {f["site_id"]: f for f in layer(blind, "OUTPUT", processing_context).getFeatures()}
    assert len(a) == len(b) == 43
    for site_id, feature in a.items():
        assert [feature[f] for f in FIELDS[alg]] == [b[site_id][f] for f in FIELDS[alg]], site_id


def test_import_of_a_layer_without_crs(plugin, processing_context, friches):
    _with_crs, without = friches
    log = Log()
    result = run(processing_context, "import_inventory", log, INPUT=str(without), OUTPUT="TEMPORARY_OUTPUT",
                 REPORT="TEMPORARY_OUTPUT")
    assert result["IMPORTED"] == 43
    assert "EPSG:2154" in named_once(log, "sans_crs")


@pytest.mark.parametrize("value", ["EPSG:999999", "EPSG:4326"])
def test_target_crs_refused_not_replaced(plugin, processing_context, value):
    with pytest.raises(QgsProcessingException) as info:
        run(processing_context, "import_inventory", INPUT=str(DEMO / "friches_ingeville.csv"), TARGET_CRS=value,
            OUTPUT="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    message = str(info.value)
    assert value in message and "EPSG:2154" in message
    assert "Inventory CRS" in message or "SCR de l'inventaire" in message


def test_coordinates_that_cannot_be_reprojected(plugin, processing_context):
    sites = QgsVectorLayer("Point?crs=EPSG:4326&field=site_id:string&field=site_nom:string", "lonlat", "memory")
    rows = [("75056_0001", "Paris", (2.35, 48.85)), ("75056_0002", "Nulle part", (1e9, 95.0)),
            ("75056_0003", "Au-delà du pôle", (2.3, 91.0))]
    features = []
    for sid, name, (x, y) in rows:
        feature = QgsFeature(sites.fields())
        feature.setAttributes([sid, name])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    sites.dataProvider().addFeatures(features)
    result = run(processing_context, "import_inventory", INPUT=sites, OUTPUT="TEMPORARY_OUTPUT",
                 REPORT="TEMPORARY_OUTPUT")
    assert result["IMPORTED"] == 1 and result["REJECTED"] == 2
    reasons = {f["site_id"]: f["reason"] for f in layer(result, "REPORT", processing_context).getFeatures()
               if f["code"] == "reprojection_failed"}
    assert set(reasons) == {"75056_0002", "75056_0003"}
    for reason in reasons.values():
        assert not RAW.search(reason), reason
        assert "EPSG:4326" in reason
    assert "1e+09" in reasons["75056_0002"] and "95" in reasons["75056_0002"]
