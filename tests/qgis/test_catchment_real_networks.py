"""``friches:catchment`` on the real extracts, checked against QGIS's ``native:serviceareafromlayer`` on the same
roads: IGN BD TOPO (Marseille 10e, 3D lines, speed 0 on roads closed to cars, one-way motorway ramps) by car and
on foot, with the real Cartofriches friches of the arrondissement as sites; OpenStreetMap XML (Monaco, gzipped,
read through /vsigzip/, tags in ``other_tags``) on foot and by car.

Agreement as in the benchmark: the length of the native reached lines inside our polygon of the same site, and
no point of our polygons farther from a native reached line than the width each polygon states."""

import csv
import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely
from network_builders import Recorder, by_site, point_sites
from network_builders import run as _run
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
BDTOPO = ROOT / "tests" / "data" / "bdtopo" / "bdtopo_troncon_de_route_marseille10.gpkg"
MONACO = ROOT / "tests" / "data" / "osm" / "monaco.osm.gz"
CARTOFRICHES = ROOT / "tests" / "data" / "cartofriches" / "friches_standard_sample_2025.csv"


def _agreement(ours, native, min_share=0.99):
    """Every native reached line inside our polygon (``min_share`` of its length at least), and our polygon
    nowhere farther than its stated width from a native reached line (checked on its vertices and on random
    points inside)."""
    rng = np.random.default_rng(0)
    assert ours.keys() == native.keys() and ours
    for site, (polygon, width) in ours.items():
        lines = shapely.get_parts(native[site][0])
        lines = lines[shapely.length(lines) > 0]
        total = shapely.length(lines).sum()
        inside = shapely.length(shapely.intersection(lines, polygon)).sum()
        assert inside >= min_share * total, (site, inside / total)
        minx, miny, maxx, maxy = polygon.bounds
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(4000, 2))
        xy = xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])]
        points = np.concatenate([shapely.points(xy), shapely.points(shapely.get_coordinates(polygon))])
        assert shapely.distance(points, shapely.multilinestrings(lines)).max() <= width + 1.0, site


def marseille_friches():
    """The Cartofriches sites of Marseille inside the BD TOPO extract, in Lambert-93."""
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    sites = {}
    with open(CARTOFRICHES, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["comm_insee"] != "13055" or not row["geompoint"].startswith("POINT"):
                continue
            lon, lat = (float(v) for v in row["geompoint"][7:-1].split())
            point = transform.transform(QgsPointXY(lon, lat))
            if 894000 < point.x() < 900000 and 6243000 < point.y() < 6246600:
                sites[row["site_id"]] = (point.x(), point.y())
    return sites


@pytest.fixture()
def bdtopo(tmp_dir):
    from friches_tierslieux.core.network.cache import GRAPHS

    GRAPHS.clear()
    path = tmp_dir / "bdtopo.gpkg"
    shutil.copyfile(BDTOPO, path)
    return f"{path}|layername=troncon_de_route"


def test_bdtopo_by_car_against_native(plugin, bdtopo):
    friches = marseille_friches()
    assert len(friches) == 4  # a fifth friche of the sample lies on the extract's northern edge
    # two more sites 2 m beside drivable roads (native ties a site to the nearest line of any kind, a path too)
    sites = point_sites({**friches, "west": (894677.3, 6245302.8), "east": (898404.5, 6244273.5)})
    feedback = Recorder()
    ours = _run("friches:catchment", {"INPUT": sites, "NETWORK": bdtopo, "MODE": 2, "TIMES": "3",
                                      "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"}, feedback)
    # quirks: the BD TOPO schema found; the 820 roads with vitesse_moyenne_vl = 0 closed to cars
    assert any("BD TOPO" in text and "2116 usable by car" in text for text in feedback.infos), feedback.infos
    assert not feedback.warnings
    native = _run("native:serviceareafromlayer", {
        "INPUT": bdtopo, "START_POINTS": sites, "STRATEGY": 1, "TRAVEL_COST2": 3 / 60.0, "SPEED_FIELD":
        "vitesse_moyenne_vl", "DEFAULT_SPEED": 50.0, "DIRECTION_FIELD": "sens_de_circulation",
        "VALUE_FORWARD": "Sens direct", "VALUE_BACKWARD": "Sens inverse", "VALUE_BOTH": "Double sens",
        "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})
    ours_polygons = by_site(ours["OUTPUT"], "max_dist_m")
    _agreement(ours_polygons, by_site(native["OUTPUT_LINES"]))
    # the output is 2D (the extract's lines are 3D), in Lambert-93
    assert ours["OUTPUT"].crs().authid() == "EPSG:2154"
    assert not any(shapely.has_z(p) for p, _w in ours_polygons.values())


def test_bdtopo_on_foot_against_native(plugin, bdtopo):
    # walking: every road but motorways, their ramps and roads under construction, both ways, 80 m a minute;
    # native gets the same roads through the same subset string
    layer = QgsVectorLayer(bdtopo, "roads", "ogr")
    layer.setSubsetString("nature NOT IN ('Type autoroutier', 'Bretelle') AND etat_de_l_objet = 'En service'")
    sites = point_sites(marseille_friches())
    ours = _run("friches:catchment", {"INPUT": sites, "NETWORK": layer, "MODE": 0, "TIMES": "6",
                                      "SNAP_TOLERANCE": 0.0, "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"})
    native = _run("native:serviceareafromlayer", {
        "INPUT": layer, "START_POINTS": sites, "STRATEGY": 0, "TRAVEL_COST2": 6 * 80.0, "DEFAULT_DIRECTION": 2,
        "TOLERANCE": 0, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})
    _agreement(by_site(ours["OUTPUT"], "max_dist_m"), by_site(native["OUTPUT_LINES"]))


def _monaco():
    layer = QgsVectorLayer(f"/vsigzip/{MONACO}|layername=lines", "lines", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4326"
    return layer


def _reprojected(layer):
    return _run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": "EPSG:2154", "OUTPUT": "memory:"})["OUTPUT"]


MONACO_SITES = {"casino": (7.4275, 43.7395), "port": (7.4215, 43.7350), "fontvieille": (7.4180, 43.7285)}


def test_monaco_osm_xml_on_foot_against_native(plugin):
    from friches_tierslieux.core.network.cache import GRAPHS

    GRAPHS.clear()
    # walkable ways: every highway but motorways, trunks and what is not a road (both tools the same lines)
    walkable = ("highway IS NOT NULL AND highway NOT IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', "
                "'construction', 'proposed') AND (other_tags IS NULL OR (other_tags NOT LIKE '%\"access\"=>\"no\"%' "
                "AND other_tags NOT LIKE '%\"foot\"=>\"no\"%'))")
    layer = _monaco()
    layer.setSubsetString(walkable)
    sites = point_sites(MONACO_SITES, "EPSG:4326")
    feedback = Recorder()
    ours = _run("friches:catchment", {"INPUT": sites, "NETWORK": layer, "MODE": 0, "TIMES": "5",
                                      "SNAP_TOLERANCE": 0.0, "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"}, feedback)
    # quirks: gzipped OSM XML read by GDAL through /vsigzip/, analysed in Lambert-93 (Monaco is in its area)
    assert any("GDAL" in text for text in feedback.infos) and any("EPSG:2154" in text for text in feedback.infos)
    projected = _reprojected(layer)
    native = _run("native:serviceareafromlayer", {
        "INPUT": projected, "START_POINTS": _reprojected(sites), "STRATEGY": 0, "TRAVEL_COST2": 5 * 80.0,
        "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})
    _agreement(by_site(ours["OUTPUT"], "max_dist_m"), by_site(native["OUTPUT_LINES"]))


def test_monaco_osm_xml_by_car_follows_one_way_streets_from_other_tags(plugin):
    from friches_tierslieux.core.network.cache import GRAPHS

    GRAPHS.clear()
    drivable = ("highway IN ('primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'unclassified', "
                "'residential', 'service', 'road') AND (other_tags IS NULL OR ("
                "other_tags NOT LIKE '%\"access\"=>\"no\"%' AND other_tags NOT LIKE '%\"motor_vehicle\"=>\"no\"%'))")
    layer = _monaco()
    layer.setSubsetString(drivable)
    sites = point_sites(MONACO_SITES, "EPSG:4326")
    # every road at 30 km/h: only the one-way streets (GDAL puts "oneway" in other_tags) shape the reach
    ours = _run("friches:catchment", {"INPUT": sites, "NETWORK": layer, "MODE": 2, "SPEED_KMH": 30, "TIMES": "2",
                                      "SNAP_TOLERANCE": 0.0, "OUTPUT": "memory:", "OUTPUT_SITES": "memory:"})
    # native: the same roads with the direction read from other_tags by an expression (roundabouts one-way)
    direction = ("CASE WHEN other_tags LIKE '%\"oneway\"=>\"yes\"%' OR other_tags LIKE '%\"junction\"=>\"roundabout\"%'"
                 " THEN 'F' WHEN other_tags LIKE '%\"oneway\"=>\"-1\"%' THEN 'B' ELSE 'X' END")
    projected = _run("native:fieldcalculator", {"INPUT": _reprojected(layer), "FIELD_NAME": "dir", "FIELD_TYPE": 2,
                                                "FIELD_LENGTH": 2, "FORMULA": direction, "OUTPUT": "memory:"})["OUTPUT"]
    assert {f["dir"] for f in projected.getFeatures()} == {"F", "B", "X"} or \
        {f["dir"] for f in projected.getFeatures()} == {"F", "X"}
    native = _run("native:serviceareafromlayer", {
        "INPUT": projected, "START_POINTS": _reprojected(sites), "STRATEGY": 1, "TRAVEL_COST2": 2 / 60.0,
        "DEFAULT_SPEED": 30.0, "DIRECTION_FIELD": "dir", "VALUE_FORWARD": "F", "VALUE_BACKWARD": "B",
        "VALUE_BOTH": "X", "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "INCLUDE_BOUNDS": False,
        "OUTPUT_LINES": "memory:"})
    ours_polygons = by_site(ours["OUTPUT"], "max_dist_m")
    _agreement(ours_polygons, by_site(native["OUTPUT_LINES"]))
    # and the one-way streets matter: the same drive ignoring them reaches more
    both_ways = _run("native:serviceareafromlayer", {
        "INPUT": projected, "START_POINTS": _reprojected(sites), "STRATEGY": 1, "TRAVEL_COST2": 2 / 60.0,
        "DEFAULT_SPEED": 30.0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "INCLUDE_BOUNDS": False,
        "OUTPUT_LINES": "memory:"})
    more = by_site(both_ways["OUTPUT_LINES"])
    assert sum(shapely.length(g) for g, in more.values()) > 1.1 * sum(
        shapely.length(g) for g, in by_site(native["OUTPUT_LINES"]).values())
