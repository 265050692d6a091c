"""Access rules of bike and car through ``friches:catchment``, on OpenStreetMap and BD TOPO networks read from a
GeoPackage (GDAL) and from a memory layer (QGIS): motorways, ``oneway:bicycle=no``, ``access=no`` with
``bicycle=yes``, ``acces_vehicule_leger`` "Physiquement impossible" with ``vitesse_moyenne_vl`` 0, one-way
``Sens inverse``. Every expected reach is worked out by hand in the comments (smooth outline, 10 m band,
no hole filled: the polygon's bounding box is the reached stretch widened by 10 m, cut flat where a road is
cut at the time limit)."""

import pytest
from network_builders import point_sites, run
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

GROUP = 10_000.0  # groups of roads 10 km apart: separate networks, each with its own site


def _network(kind, rows, tmp_dir, fields):
    """``rows``: (wkt, values). A GeoPackage written with OGR, or a memory layer."""
    if kind == "memory":
        spec = "&".join(f"field={name}:{'integer' if isinstance(rows[0][1][i], int) else 'string'}"
                        for i, name in enumerate(fields))
        layer = QgsVectorLayer(f"LineString?crs=EPSG:2154&{spec}", "roads", "memory")
        features = []
        for wkt, values in rows:
            feature = QgsFeature(layer.fields())
            feature.setAttributes(list(values))
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        return layer
    from osgeo import ogr, osr

    path = tmp_dir / "roads.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    for i, name in enumerate(fields):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger if isinstance(rows[0][1][i], int) else ogr.OFTString))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for name, value in zip(fields, values):
            if value is not None:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
    ds = None
    return f"{path}|layername=roads"


def _line(y, x0, x1):
    return f"LINESTRING ({x0} {y}, {x1} {y})"


def _reach(network, sites, mode, minutes):
    """{site: (xmin, xmax) of its catchment's bounding box, or None when not connected}."""
    from friches_tierslieux.core.network.cache import GRAPHS

    GRAPHS.clear()
    result = run("friches:catchment", {
        "INPUT": point_sites(sites), "NETWORK": network, "MODE": {"bike": 1, "car": 2}[mode],
        "TIMES": f"{minutes:g}", "TOLERANCE": 300, "BUFFER": 10, "FILL_HOLES": False, "OUTLINE": 1,
        "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"})
    out = dict.fromkeys(sites)
    for feature in result["OUTPUT"].getFeatures():
        box = feature.geometry().boundingBox()
        out[feature["site_id"]] = (round(box.xMinimum(), 3), round(box.xMaximum(), 3))
    return out


OSM_FIELDS = ("highway", "oneway", "maxspeed", "other_tags")


def _osm_rows():
    y1, y2, y3 = 0.0, GROUP, 2 * GROUP
    return [
        # group 1: a street, a motorway (one-way by definition), a street
        (_line(y1, 0, 1000), ("residential", None, "36", None)),
        (_line(y1, 1000, 2000), ("motorway", None, "108", None)),
        (_line(y1, 2000, 3000), ("residential", None, "36", None)),
        # group 2: a one-way street open both ways to bikes
        (_line(y2, 0, 1000), ("residential", "yes", "36", '"oneway:bicycle"=>"no"')),
        # group 3: a street closed to traffic but open to bikes
        (_line(y3, 0, 1000), ("residential", None, "36", '"access"=>"no","bicycle"=>"yes"')),
    ]


OSM_SITES = {"motorway": (0, 5), "contraflow": (500, GROUP + 5), "closed": (0, 2 * GROUP + 5)}


@pytest.mark.parametrize("kind", ["gpkg", "memory"])
def test_osm_bike_and_car(plugin, tmp_dir, kind):
    network = _network(kind, _osm_rows(), tmp_dir, OSM_FIELDS)
    bike = _reach(network, OSM_SITES, "bike", 6)
    # bike, 15 km/h = 250 m a minute, 6 minutes = 1.5 km from x = 0 (the site meets the street at its end):
    # stops where the motorway starts, x = 1000 (lines meet with flat ends); contraflow: 500 m both ways on the
    # one-way street, the whole street; the street closed to traffic but open to bikes: all of it in 4 min
    assert bike["motorway"] == (0.0, 1000.0)
    assert bike["contraflow"] == (0.0, 1000.0)
    assert bike["closed"] == (0.0, 1000.0)
    car = _reach(network, OSM_SITES, "car", 2.5)
    # car, 36 km/h = 10 m/s: 100 s to the motorway, 1,000 m at 108 km/h (30 m/s) in 33.3 s, then 16.7 s at
    # 10 m/s: 166.7 m along the last street, x = 2166.7; the one-way street eastwards only: 150 s would go
    # beyond its end, so x from 500 to 1000; the street closed to traffic: not connected (no road within 300 m)
    assert car["motorway"][1] == pytest.approx(2166.667, abs=0.01)
    assert car["contraflow"] == (500.0, 1000.0)
    assert car["closed"] is None


BDTOPO_FIELDS = ("nature", "sens_de_circulation", "vitesse_moyenne_vl", "acces_vehicule_leger")


def _bdtopo_rows():
    y1, y2, y3 = 0.0, GROUP, 2 * GROUP
    return [
        # group 1: a road, a motorway section (Sens direct, 108 km/h), a road
        (_line(y1, 0, 1000), ("Route à 1 chaussée", "Double sens", 36, "Libre")),
        (_line(y1, 1000, 2000), ("Type autoroutier", "Sens direct", 108, "A péage")),
        (_line(y1, 2000, 3000), ("Route à 1 chaussée", "Double sens", 36, "Libre")),
        # group 2: a road closed to light vehicles (speed 0), then an open road
        (_line(y2, 0, 1000), ("Route à 1 chaussée", "Double sens", 0, "Physiquement impossible")),
        (_line(y2, 1000, 2000), ("Route à 1 chaussée", "Double sens", 36, "Libre")),
        # group 3: one way, against the digitised direction
        (_line(y3, 0, 1000), ("Route à 1 chaussée", "Sens inverse", 36, "Libre")),
    ]


BDTOPO_SITES = {"motorway": (0, 5), "closed": (800, GROUP + 5), "inverse": (500, 2 * GROUP + 5)}


@pytest.mark.parametrize("kind", ["gpkg", "memory"])
def test_bdtopo_bike_and_car(plugin, tmp_dir, kind):
    network = _network(kind, _bdtopo_rows(), tmp_dir, BDTOPO_FIELDS)
    car = _reach(network, BDTOPO_SITES, "car", 2.5)
    # car: 100 s to the motorway, 33.3 s on it, 16.7 s at 10 m/s: x = 2166.7 (as OpenStreetMap above); the
    # closed road is not for cars: the site goes to the open road 200 m away, x = 1000, and 150 s at 10 m/s
    # would go beyond its end (x = 2000); the one-way road only westwards: from 500 down to x = 0
    assert car["motorway"][1] == pytest.approx(2166.667, abs=0.01)
    assert car["closed"] == (1000.0, 2000.0)
    assert car["inverse"] == (0.0, 500.0)
    bike = _reach(network, BDTOPO_SITES, "bike", 1)
    # bike, 250 m a minute: no motorway (stops at x = 1000 after 4 min; in 1 min, 250 m); the road closed to
    # cars is open to bikes: 250 m both ways from x = 800; the one-way road westwards only
    assert bike["motorway"] == (0.0, 250.0)
    assert bike["closed"] == (550.0, 1050.0)
    assert bike["inverse"] == (250.0, 500.0)
    stopped = _reach(network, BDTOPO_SITES, "bike", 6)
    assert stopped["motorway"] == (0.0, 1000.0)  # 1.5 km of riding, but the motorway is not for bikes
