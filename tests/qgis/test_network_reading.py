"""Reading the road network in bulk (``processing/ogr_read.py``, ``network_build.read_lines``): GDAL's Arrow
columns, OGR feature by feature and the QGIS API give the same lines and values, format by format (GeoPackage,
shapefile, FlatGeobuf, OSM PBF, gzipped OSM XML), with a subset string, a selection, a reprojection, unsaved
edits; and ``friches:catchment`` draws the same polygons whichever way the network was read."""

import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely
from network_builders import point_sites
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
BDTOPO = ROOT / "tests" / "data" / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
HELSINKI = ROOT / "tests" / "data" / "osm" / "Helsinki.osm.pbf"
MONACO = ROOT / "tests" / "data" / "osm" / "monaco.osm.gz"
L93 = QgsCoordinateReferenceSystem("EPSG:2154")


@pytest.fixture()
def readers(monkeypatch):
    """Switch the reading way: ("arrow" | "ogr" | "qgis")."""
    from friches_tierslieux.core.network.cache import GRAPHS
    from friches_tierslieux.processing import ogr_read

    def use(way):
        GRAPHS.clear()
        monkeypatch.setattr(ogr_read, "USE_GDAL", way != "qgis")
        monkeypatch.setattr(ogr_read, "USE_ARROW", {"arrow": True, "ogr": False, "qgis": None}[way])

    yield use
    GRAPHS.clear()


@pytest.fixture()
def network_files(tmp_dir):
    """The real BD TOPO extract as GeoPackage, shapefile and FlatGeobuf (copies in a temporary folder)."""
    from osgeo import gdal

    gpkg = tmp_dir / "roads.gpkg"
    shutil.copyfile(BDTOPO, gpkg)
    shp = tmp_dir / "roads.shp"
    fgb = tmp_dir / "roads.fgb"
    fields = ["nature", "sens_de_circulation", "vitesse_moyenne_vl", "acces_vehicule_leger", "etat_de_l_objet"]
    gdal.VectorTranslate(str(shp), str(gpkg), format="ESRI Shapefile", selectFields=fields,
                         layerCreationOptions=["ENCODING=UTF-8"])
    gdal.VectorTranslate(str(fgb), str(gpkg), format="FlatGeobuf")
    return {"gpkg": f"{gpkg}|layername=troncon_de_route", "shp": str(shp), "fgb": str(fgb)}


def _read(layer_or_value, context, crs=L93, wanted=None):
    from friches_tierslieux.core.network.rules import BDTOPO as SCHEMA
    from friches_tierslieux.core.network.rules import OSM, detect_schema, schema_fields
    from friches_tierslieux.processing.network_build import read_lines

    alg = QgsApplication.processingRegistry().algorithmById("friches:catchment")
    parameters = {"NETWORK": layer_or_value}
    source = alg.parameterAsSource(parameters, "NETWORK", context)
    names = source.fields().names()
    if wanted is None:
        schema = detect_schema(names)
        wanted = schema_fields(schema if schema in (OSM, SCHEMA) else OSM, names) or names[:3]
    lines, columns, how = read_lines(alg, parameters, "NETWORK", source, crs, wanted, context,
                                     QgsProcessingFeedback())
    return lines, {k: c.decoded() for k, c in columns.items()}, how


def _assert_same(a, b, atol=0.0):
    (lines_a, cols_a, _), (lines_b, cols_b, _) = a, b
    np.testing.assert_array_equal(lines_a.offsets, lines_b.offsets)
    np.testing.assert_array_equal(lines_a.part_feature, lines_b.part_feature)
    assert lines_a.n_features == lines_b.n_features
    np.testing.assert_allclose(lines_a.xy, lines_b.xy, rtol=0, atol=atol)
    assert cols_a.keys() == cols_b.keys()
    for name in cols_a:
        assert cols_a[name] == cols_b[name], name


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "fgb"])
def test_files_read_the_same_three_ways(plugin, processing_context, network_files, readers, fmt):
    results = {}
    for way in ("arrow", "ogr", "qgis"):
        readers(way)
        results[way] = _read(network_files[fmt], processing_context)
    assert results["arrow"][2] == "gdal-arrow" and results["ogr"][2] == "gdal" and results["qgis"][2] == "qgis"
    assert results["qgis"][0].n_features == 2936
    _assert_same(results["arrow"], results["qgis"])
    _assert_same(results["ogr"], results["qgis"])
    values = results["arrow"][1]
    if "nature" in values:  # accents decoded the same way (UTF-8)
        assert "Route à 1 chaussée" in values["nature"]


@pytest.mark.parametrize("path,n_lines", [(f"{HELSINKI}|layername=lines", None),
                                         (f"/vsigzip/{MONACO}|layername=lines", 913)],
                         ids=["osm-pbf", "osm-xml-gz"])
def test_osm_files_reprojected_the_same(plugin, processing_context, readers, path, n_lines):
    layer = QgsVectorLayer(path, "lines", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4326"
    utm = QgsCoordinateReferenceSystem("EPSG:32635" if "Helsinki" in path else "EPSG:2154")
    results = {}
    for way in ("arrow", "qgis"):
        readers(way)
        results[way] = _read(layer, processing_context, utm)
    assert results["arrow"][2] == "gdal-arrow"
    _assert_same(results["arrow"], results["qgis"], atol=1e-6)  # GDAL's transform with QGIS's operation
    if n_lines:
        assert results["arrow"][0].n_features == n_lines
    assert "highway" in results["arrow"][1] and "other_tags" in results["arrow"][1]


def test_subset_string_selection_and_edits(plugin, processing_context, network_files, readers):
    layer = QgsVectorLayer(network_files["gpkg"], "roads", "ogr")
    layer.setSubsetString("\"nature\" = 'Route à 2 chaussées'")
    assert layer.featureCount() == 85
    results = {}
    for way in ("arrow", "qgis"):
        readers(way)
        results[way] = _read(layer, processing_context)
    assert results["arrow"][2] == "gdal-arrow" and results["arrow"][0].n_features == 85
    _assert_same(results["arrow"], results["qgis"])
    assert set(results["arrow"][1]["nature"]) == {"Route à 2 chaussées"}
    # the selected features only, in a layer of the project (as the dialog's "selected features only")
    layer.setSubsetString("")
    QgsProject.instance().addMapLayer(layer)
    try:
        ids = [f.id() for f in layer.getFeatures()][::7]
        layer.selectByIds(ids)
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        for way in ("arrow", "qgis"):
            readers(way)
            results[way] = _read(selected, processing_context)
        assert results["arrow"][2] == "gdal-arrow" and results["arrow"][0].n_features == len(ids)
        _assert_same(results["arrow"], results["qgis"])
        # unsaved edits are in QGIS's edit buffer only: read through QGIS, the edit seen
        layer.removeSelection()
        first = next(layer.getFeatures())
        layer.startEditing()
        layer.changeGeometry(first.id(), QgsGeometry.fromWkt("LINESTRING (895000 6245000, 895100 6245000)"))
        readers("arrow")
        lines, _columns, how = _read(layer, processing_context)
        assert how == "qgis"
        assert lines.xy[:2].tolist() == [[895000.0, 6245000.0], [895100.0, 6245000.0]]
        layer.rollBack()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_memory_layers_are_read_by_qgis(plugin, processing_context, readers):
    layer = QgsVectorLayer("LineString?crs=EPSG:2154&field=highway:string", "roads", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["residential"])
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING (0 0, 100 0, 100 50)"))
    layer.dataProvider().addFeatures([feature])
    readers("arrow")
    lines, columns, how = _read(layer, processing_context)
    assert how == "qgis" and lines.xy.tolist() == [[0, 0], [100, 0], [100, 50]]
    assert columns["highway"] == ["residential"]


@pytest.mark.parametrize("fmt", ["gpkg", "fgb"])
def test_catchments_are_the_same_whichever_way_the_network_is_read(plugin, processing_context, network_files,
                                                                   readers, fmt):
    from qgis import processing

    sites = point_sites({"A": (896000, 6244500), "B": (895420, 6245075), "C": (897500, 6243800)})
    polygons = {}
    for way in ("arrow", "qgis"):
        readers(way)
        result = processing.run("friches:catchment", {
            "INPUT": sites, "NETWORK": network_files[fmt], "MODE": 2, "TIMES": "3,6", "OUTPUT": "memory:",
            "OUTPUT_SITES": "memory:"}, context=processing_context, feedback=QgsProcessingFeedback())
        polygons[way] = {(f["site_id"], f["minutes"]): shapely.from_wkb(bytes(f.geometry().asWkb()))
                         for f in result["OUTPUT"].getFeatures()}
    assert polygons["arrow"].keys() == polygons["qgis"].keys() and len(polygons["arrow"]) == 6
    for key, polygon in polygons["arrow"].items():
        assert polygon.equals_exact(polygons["qgis"][key], 1e-9), key


def test_a_missing_schema_field_is_named(plugin, processing_context, tmp_dir):
    from osgeo import ogr, osr
    from qgis import processing
    from qgis.core import QgsProcessingException

    path = tmp_dir / "no_highway.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for i in range(3):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING ({i * 100} 0, {i * 100 + 100} 0)"))
        feature.SetField("name", "Rue")
        layer.CreateFeature(feature)
    ds = None
    sites = QgsVectorLayer("Point?crs=EPSG:2154&field=site_id:string", "sites", "memory")
    site = QgsFeature(sites.fields())
    site.setAttributes(["A"])
    site.setGeometry(QgsGeometry.fromWkt("POINT (50 5)"))
    sites.dataProvider().addFeatures([site])
    for schema, field in ((1, "highway"), (2, "nature")):
        with pytest.raises(QgsProcessingException, match=f"no field '{field}'"):
            processing.run("friches:catchment", {
                "INPUT": sites, "NETWORK": f"{path}|layername=roads", "SCHEMA": schema, "TIMES": "5",
                "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"}, context=processing_context,
                feedback=QgsProcessingFeedback())
    # the generic schema needs no field: every line, both ways
    result = processing.run("friches:catchment", {
        "INPUT": sites, "NETWORK": f"{path}|layername=roads", "SCHEMA": 3, "TIMES": "1", "OUTPUT": "memory:",
        "OUTPUT_SITES": "memory:"}, context=processing_context, feedback=QgsProcessingFeedback())
    assert result["OUTPUT"].featureCount() == 1
