"""The Ingeville demo territory (``demo/generate_ingeville.py``, output in ``demo/ingeville/``).

Checks the committed files as the plugin will read them: the street network is routable, the 200 m
grid adds up to a town of 30,000 people denser in its centre, the GTFS feed has the features the
transit algorithms must cope with, the PLU zoning looks like a GPU download (legacy code and a couple
of broken polygons), the friches CSV validates against the CNIG schema, and the generator writes the
same territory again on any GEOS version (within stated tolerances). Pure Python: GDAL/OGR, shapely, csv
and zipfile, no QGIS.
"""

import csv
import io
import math
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

shapely = pytest.importorskip("shapely")
ogr = pytest.importorskip("osgeo.ogr")
osr = pytest.importorskip("osgeo.osr")
ogr.UseExceptions()
osr.UseExceptions()

from friches_tierslieux.core import cnig_friches  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ingeville"
GENERATOR = ROOT / "demo" / "generate_ingeville.py"
GPKG = DEMO / "ingeville.gpkg"
FRICHES_CSV = DEMO / "friches_ingeville.csv"
GTFS_ZIP = DEMO / "gtfs_ingeville.zip"
INSEE = "45999"
LAYERS = (
    "routes",
    "population_200m",
    "zone_urba",
    "prescription_surf",
    "prescription_lin",
    "prescription_pct",
    "perimetre_scot",
    "communes",
    "tiers_lieux",
    "services",
)

OSM_HIGHWAYS = {
    "motorway",
    "motorway_link",
    "trunk",
    "trunk_link",
    "primary",
    "primary_link",
    "secondary",
    "secondary_link",
    "tertiary",
    "tertiary_link",
    "unclassified",
    "residential",
    "living_street",
    "service",
    "pedestrian",
    "track",
    "footway",
    "cycleway",
    "path",
    "steps",
}
#: Speed limits a French road of each class may carry (km/h); classes not listed carry none.
MAXSPEED_OK = {
    "motorway": {"90", "110", "130"},
    "trunk": {"70", "90", "110"},
    "primary": {"30", "50", "70", "80", "90"},
    "secondary": {"30", "50", "70", "80", "90"},
    "tertiary": {"30", "50", "70", "80", "90"},
    "unclassified": {"30", "50", "70", "80"},
    "residential": {"20", "30", "50"},
    "living_street": {"20"},
    "service": {"10", "20", "30"},
}


def codes(lcog_geo: str) -> list:
    return [lcog_geo[i : i + 5] for i in range(0, len(lcog_geo), 5)]


@cache
def layer(name: str, path: str = str(GPKG)) -> tuple:
    """(attributes, shapely geometry) of every feature of a GeoPackage layer."""
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(name)
    assert lyr is not None, f"layer {name} missing"
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    out = []
    for feat in lyr:
        geom = feat.GetGeometryRef()
        out.append(({n: feat.GetField(n) for n in names}, shapely.from_wkb(bytes(geom.ExportToWkb()))))
    return tuple(out)


@cache
def gtfs() -> dict:
    with zipfile.ZipFile(GTFS_ZIP) as zf:
        return {name: list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8-sig")))) for name in zf.namelist()}


@cache
def friches() -> tuple:
    return read_friches(FRICHES_CSV)


def read_friches(path: Path) -> tuple:
    """(header, rows) of a friches CSV."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return tuple(reader.fieldnames), tuple(reader)


def seconds(t: str) -> int:
    h, m, s = (int(v) for v in t.split(":"))
    return h * 3600 + m * 60 + s


# ---- files --------------------------------------------------------------------------------------


def test_files_exist_and_stay_small():
    for path in (GPKG, FRICHES_CSV, GTFS_ZIP, DEMO.parent / "README.md", GENERATOR):
        assert path.exists(), path
    total = sum(p.stat().st_size for p in DEMO.iterdir() if p.is_file())
    assert total < 4 * 1024 * 1024, f"demo output is {total} bytes"


def test_geopackage_layers_are_in_lambert_93():
    ds = ogr.Open(str(GPKG))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert set(LAYERS) <= names
    for name in LAYERS:
        srs = ds.GetLayerByName(name).GetSpatialRef()
        assert srs.GetAuthorityCode(None) == "2154", name
        assert len(layer(name)) > 0, name
    communes = {a["insee"]: a["nom"] for a, _g in layer("communes")}
    assert communes[INSEE] == "Ingeville" and len(communes) >= 3


# ---- population ---------------------------------------------------------------------------------


def town_hall():
    return next(g for a, g in layer("services") if a["kind"] == "mairie" and a["insee"] == INSEE)


def test_population_adds_up_to_a_town_of_30000():
    cells = layer("population_200m")
    total = sum(a["ind"] for a, _g in cells if INSEE in codes(a["lcog_geo"]))
    assert abs(total - 30_000) <= 0.05 * 30_000, total
    for a, g in cells:
        assert a["ind"] > 0
        minx, miny, maxx, maxy = g.bounds
        assert (maxx - minx, maxy - miny) == (200, 200) and minx % 200 == 0 and miny % 200 == 0
        assert a["idcar_200m"] == f"CRS2154RES200mN{int(miny)}E{int(minx)}"
        assert a["idcar_1km"] == f"CRS2154RES1000mN{int(miny) // 1000 * 1000}E{int(minx) // 1000 * 1000}"
        assert a["i_est_200"] in (0, 1)
        assert all(len(c) == 5 for c in codes(a["lcog_geo"]))
    fields = set(cells[0][0])
    assert {"men", "men_pauv", "ind_snv", "men_coll", "log_soc", "ind_0_3", "ind_80p", "ind_inc"} <= fields


def test_population_is_denser_in_the_centre():
    centre = town_hall()
    inner, outer = [], []
    for a, g in layer("population_200m"):
        dist = g.centroid.distance(centre)
        if dist < 1000:
            inner.append(a["ind"])
        elif 2000 <= dist < 3500:
            outer.append(a["ind"])
    assert inner and outer
    assert sum(inner) / len(inner) > 5 * sum(outer) / len(outer)


# ---- streets ------------------------------------------------------------------------------------


def test_street_network_is_one_connected_graph():
    edges = layer("routes")
    assert 1500 <= len(edges) <= 6000
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ends = []
    for _a, g in edges:
        assert g.geom_type == "LineString" and g.length > 0
        a = tuple(round(v, 2) for v in g.coords[0])
        b = tuple(round(v, 2) for v in g.coords[-1])
        ends.append(a)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    sizes = {}
    for a in ends:
        sizes[find(a)] = sizes.get(find(a), 0) + 1
    assert max(sizes.values()) > 0.95 * len(edges)
    # split at intersections: no two edges cross in their interiors (bridges aside, none here)
    geoms = [g for _a, g in edges]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="crosses")
    assert len(left) == 0, f"{len(left) // 2} crossings without a node"


def test_street_tags_are_osm_like():
    edges = layer("routes")
    highways = {a["highway"] for a, _g in edges}
    assert highways <= OSM_HIGHWAYS
    assert {
        "trunk",
        "primary",
        "secondary",
        "tertiary",
        "residential",
        "pedestrian",
        "service",
        "track",
        "footway",
        "cycleway",
    } <= highways
    assert {a["oneway"] for a, _g in edges} == {"yes", "no", "-1"}
    for a, _g in edges:
        speed = a["maxspeed"] or ""
        if speed:
            assert speed in MAXSPEED_OK.get(a["highway"], set()), (a["highway"], speed)
    named = [a for a, _g in edges if a["highway"] == "residential"]
    assert sum(1 for a in named if a["name"]) > 0.9 * len(named)
    names = {a["name"] or "" for a, _g in edges}
    assert any(n.startswith("Rue ") for n in names) and any(n.startswith("Avenue ") for n in names)
    assert any(n.startswith("Boulevard ") for n in names)
    assert any(a["junction"] == "roundabout" for a, _g in edges)


# ---- GTFS ---------------------------------------------------------------------------------------


def test_gtfs_has_the_required_files_and_pitfalls():
    feed = gtfs()
    for name in (
        "agency.txt",
        "stops.txt",
        "routes.txt",
        "trips.txt",
        "stop_times.txt",
        "calendar.txt",
        "calendar_dates.txt",
        "frequencies.txt",
        "feed_info.txt",
    ):
        assert feed.get(name), name
    stops = {s["stop_id"]: s for s in feed["stops.txt"]}
    stations = [s for s in stops.values() if s["location_type"] == "1"]
    assert stations
    station = stations[0]["stop_id"]
    children = [s for s in stops.values() if s["parent_station"] == station]
    assert sum(1 for s in children if s["location_type"] == "0") >= 2
    assert any(s["location_type"] == "2" for s in children)
    route_types = {r["route_type"] for r in feed["routes.txt"]}
    assert {"2", "3"} <= route_types and any(int(t) >= 100 for t in route_types)
    assert 4 <= sum(1 for r in feed["routes.txt"] if r["route_type"] == "3") <= 8
    assert {c["exception_type"] for c in feed["calendar_dates.txt"]} == {"1", "2"}
    assert {f["exact_times"] for f in feed["frequencies.txt"]} == {"0", "1"}
    times = [seconds(st["departure_time"]) for st in feed["stop_times.txt"]]
    assert max(times) > 24 * 3600
    assert any(st["pickup_type"] == "1" for st in feed["stop_times.txt"])
    services = {c["service_id"] for c in feed["calendar.txt"]}
    assert {t["service_id"] for t in feed["trips.txt"]} <= services | {
        c["service_id"] for c in feed["calendar_dates.txt"]
    }
    cal = feed["calendar.txt"][0]
    assert cal["start_date"] <= "20260901" and cal["end_date"] >= "20270704"


def test_gtfs_trips_are_consistent():
    feed = gtfs()
    stops = {s["stop_id"]: s for s in feed["stops.txt"]}
    trips = {t["trip_id"] for t in feed["trips.txt"]}
    by_trip = {}
    for st in feed["stop_times.txt"]:
        assert st["trip_id"] in trips
        assert stops[st["stop_id"]]["location_type"] in ("", "0")
        by_trip.setdefault(st["trip_id"], []).append(st)
    assert set(by_trip) == trips
    for rows in by_trip.values():
        rows.sort(key=lambda st: int(st["stop_sequence"]))
        last = -1
        for st in rows:
            arr, dep = seconds(st["arrival_time"]), seconds(st["departure_time"])
            assert last <= arr <= dep
            last = dep
        assert seconds(rows[-1]["arrival_time"]) > seconds(rows[0]["departure_time"])
    frequency_trips = {f["trip_id"] for f in feed["frequencies.txt"]}
    assert frequency_trips <= trips


def test_bus_stops_lie_on_the_street_network():
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(2154)
    ct = osr.CoordinateTransformation(src, dst)
    streets = shapely.union_all([g for _a, g in layer("routes")])
    bus_stops = {st["stop_id"] for st in gtfs()["stop_times.txt"] if st["trip_id"].split("-")[0] != "TER"}
    stops = [s for s in gtfs()["stops.txt"] if s["stop_id"] in bus_stops]
    assert len(stops) >= 30
    for s in stops:
        x, y, _z = ct.TransformPoint(float(s["stop_lon"]), float(s["stop_lat"]))
        assert streets.distance(shapely.Point(x, y)) < 5, s["stop_name"]


# ---- planning -----------------------------------------------------------------------------------


def test_zone_urba_is_a_gpu_like_partition():
    zones = layer("zone_urba")
    types = {a["TYPEZONE"] for a, _g in zones}
    assert {"U", "AUc", "AUs", "A", "N"} <= types
    assert types - {"U", "AUc", "AUs", "A", "N"}, "a legacy TYPEZONE (Nh, Ah...) is expected"
    invalid = [a for a, g in zones if not g.is_valid]
    assert 1 <= len(invalid) <= 3
    for a, _g in zones:
        assert a["IDURBA"] == "45999_PLU_20190315" and re.fullmatch(r"\d{4}", a["FORMDOMI"])
        assert len(a["DESTDOMI"]) == 2 and a["LIBELLE"] and a["NOMFIC"]
        for key in ("DESTOUI", "DESTCDT", "DESTNON"):
            assert re.fullmatch(r"(\d{2}(-\d{2})*)?", a[key] or ""), a[key]
    commune = next(g for a, g in layer("communes") if a["insee"] == INSEE)
    valid = [g for _a, g in zones if g.is_valid]
    area = sum(g.area for g in valid) + sum(shapely.make_valid(g).area for _a, g in zones if not g.is_valid)
    assert abs(area - commune.area) < 0.005 * commune.area
    tree = shapely.STRtree(valid)
    left, right = tree.query(valid, predicate="intersects")
    overlap = sum(valid[i].intersection(valid[j]).area for i, j in zip(left, right) if i < j)
    assert overlap < 1.0


def test_prescriptions_and_scot():
    surf = {(a["TYPEPSC"], a["STYPEPSC"]) for a, _g in layer("prescription_surf")}
    assert {("01", "01"), ("05", "02"), ("05", "05"), ("18", "01"), ("16", "03")} <= surf
    assert ("22", "03") in {(a["TYPEPSC"], a["STYPEPSC"]) for a, _g in layer("prescription_lin")}
    assert ("07", "01") in {(a["TYPEPSC"], a["STYPEPSC"]) for a, _g in layer("prescription_pct")}
    stecal = [g for a, g in layer("prescription_surf") if (a["TYPEPSC"], a["STYPEPSC"]) == ("16", "03")]
    farm_zones = [g for a, g in layer("zone_urba") if a["TYPEZONE"] in ("A", "N") and g.is_valid]
    assert all(any(z.contains(s.centroid) for z in farm_zones) for s in stecal)
    scot = layer("perimetre_scot")
    assert len(scot) == 1 and re.fullmatch(r"\d{9}_SCOT_\d{8}", scot[0][0]["IDURBA"]) and scot[0][0]["NOM"]
    for _a, g in layer("communes"):
        assert scot[0][1].buffer(1).contains(g)


# ---- friches ------------------------------------------------------------------------------------


def test_friches_csv_follows_the_cnig_schema():
    header, rows = friches()
    assert list(header) == list(cnig_friches.field_names())
    assert 30 <= len(rows) <= 60
    assert len({r["site_id"] for r in rows}) == len(rows)
    for row in rows:
        for name in cnig_friches.required_fields():
            assert row[name], (row["site_id"], name)
        assert re.fullmatch(r"\d{5}_\d{4}", row["site_id"]) and row["site_id"].startswith(row["comm_insee"])
        assert row["site_identif_date"] <= row["site_actu_date"]
        for spec in cnig_friches.fields():
            value = row[spec.name]
            if not value:
                continue
            if spec.is_coded:
                assert cnig_friches.canonical_value(spec.name, value) == value, (spec.name, value)
            if spec.pattern:
                assert re.fullmatch(spec.pattern, value), (spec.name, value)
            if spec.type == "integer":
                assert re.fullmatch(r"\d+", value), (spec.name, value)
            if spec.date_format == "%Y":
                assert re.fullmatch(r"\d{4}", value), (spec.name, value)
    assert len({r["comm_insee"] for r in rows}) >= 3
    with_polygon = [r for r in rows if r["geomsurf"]]
    assert 0.55 * len(rows) <= len(with_polygon) <= 0.8 * len(rows)
    assert any(not r["unite_fonciere_surface"] for r in with_polygon)
    names = " ".join(r["site_nom"] for r in rows)
    assert "manufacture Duval" in names and "hôtel-Dieu" in names
    for field, values in (("site_statut", 3), ("site_type", 12), ("sol_pollution_existe", 4), ("urba_zaer", 3)):
        assert len({r[field] for r in rows if r[field]}) >= values, field


def test_friches_geometries():
    _header, rows = friches()
    communes = {a["insee"]: g for a, g in layer("communes")}
    polygons = []
    for row in rows:
        point = shapely.from_wkt(row["geompoint"])
        assert 100_000 < point.x < 1_300_000 and 6_000_000 < point.y < 7_200_000, "x y order in Lambert-93"
        assert communes[row["comm_insee"]].contains(point), row["site_id"]
        if row["geomsurf"]:
            poly = shapely.from_wkt(row["geomsurf"])
            assert poly.geom_type == "Polygon" and poly.is_valid, row["site_id"]
            assert poly.contains(point), row["site_id"]
            polygons.append(poly)
    tree = shapely.STRtree(polygons)
    left, right = tree.query(polygons, predicate="intersects")
    assert all(i == j for i, j in zip(left, right)), "friches must not overlap"
    duval = next(shapely.from_wkt(r["geomsurf"]) for r in rows if "Duval" in r["site_nom"])
    oap = [g for a, g in layer("prescription_surf") if a["TYPEPSC"] == "18"]
    assert any(g.contains(duval) for g in oap)


# ---- regeneration -------------------------------------------------------------------------------
#
# The committed files were generated on Debian 12 (shapely 2.0, GEOS 3.11); Debian 13 (GEOS 3.13) and
# unstable (GEOS 3.15) regenerate the same territory: same features in the same order, same names, ids,
# codes and tags, byte-identical GTFS feed (demo/README.md). What another GEOS may still change is the
# last bits of a computed coordinate or area, so the regeneration is compared with these tolerances:

#: Largest distance (m) between a regenerated geometry and the committed one.
HAUSDORFF_TOLERANCE_M = 0.5
#: Friche surfaces computed from a polygon's area (m², rounded to 10 m²): within 2 % or 10 m².
AREA_FIELDS = ("unite_fonciere_surface", "bati_surface")
#: Columns of the friches CSV holding geometries (WKT).
WKT_FIELDS = ("geompoint", "geomsurf")
#: What names a feature of each layer in a difference report.
FEATURE_LABEL = {"routes": "id", "population_200m": "idcar_200m", "zone_urba": "LIB_IDZONE",
                 "prescription_surf": "LIB_IDPSC", "prescription_lin": "LIB_IDPSC", "prescription_pct": "LIB_IDPSC",
                 "perimetre_scot": "IDURBA", "communes": "insee", "tiers_lieux": "name", "services": "name",
                 "cours_eau": "nom", "voie_ferree": "nom", "bois": "nom"}


def counts_agree(a: float, b: float) -> bool:
    """Filosofi counts and sums share out areas: within 0.1 % (0.2 for counts below 200)."""
    return abs(a - b) <= max(0.2, 1e-3 * max(abs(a), abs(b)))


def areas_agree(a: str, b: str) -> bool:
    return a == b or (a != "" and b != "" and abs(int(a) - int(b)) <= max(10, 0.02 * int(a)))


def hausdorff_m(a, b) -> float:
    """Hausdorff distance (m) between two geometries' outlines (a polygon's boundary, a line, a point),
    measured at points every 2 m along each: GEOS's own Hausdorff measures vertices only, and warns
    on some valid inputs."""

    def outline(g):
        return shapely.boundary(g) if g.geom_type.endswith("Polygon") else g

    def farthest(p, q):
        pts = shapely.points(shapely.get_coordinates(shapely.segmentize(outline(p), 2.0)))
        return float(shapely.distance(pts, outline(q)).max())

    if a.is_empty or b.is_empty:
        return 0.0 if a.is_empty and b.is_empty else math.inf
    return max(farthest(a, b), farthest(b, a))


def layer_differences(name: str, committed: tuple, regenerated: tuple) -> list:
    """What differs between two versions of a layer, feature by feature, field by field."""
    if len(committed) != len(regenerated):
        return [f"{name}: {len(regenerated)} features regenerated, {len(committed)} committed"]
    out = []
    for k, ((a, ga), (b, gb)) in enumerate(zip(committed, regenerated), start=1):
        label = f"{name} #{k} ({a.get(FEATURE_LABEL.get(name), '')})"
        for field, va in a.items():
            vb = b.get(field)
            if isinstance(va, float) and isinstance(vb, float):
                if not counts_agree(va, vb):
                    out.append(f"{label} {field}: {vb} regenerated, {va} committed")
            elif va != vb:
                out.append(f"{label} {field}: {vb!r} regenerated, {va!r} committed")
        moved = hausdorff_m(ga, gb)
        if not moved <= HAUSDORFF_TOLERANCE_M:
            out.append(f"{label}: geometry {moved:.3f} m from the committed one")
    return out


def friches_differences(committed: tuple, regenerated: tuple) -> list:
    (header_a, rows_a), (header_b, rows_b) = committed, regenerated
    if header_a != header_b or len(rows_a) != len(rows_b):
        return [f"friches CSV: {len(rows_b)} rows of {len(header_b)} columns regenerated, "
                f"{len(rows_a)} of {len(header_a)} committed"]
    out = []
    for a, b in zip(rows_a, rows_b):
        for field in header_a:
            va, vb = a[field], b[field]
            if va == vb:
                continue
            if field in WKT_FIELDS and va and vb:
                moved = hausdorff_m(shapely.from_wkt(va), shapely.from_wkt(vb))
                if moved <= HAUSDORFF_TOLERANCE_M:
                    continue
                vb = f"{moved:.3f} m away"
            elif field in AREA_FIELDS and areas_agree(va, vb):
                continue
            out.append(f"friche {a['site_id']} {field}: {vb!r} regenerated, {va!r} committed")
    return out


def test_hausdorff_measure_sees_a_moved_vertex():
    """The tolerance check itself: a polygon with one vertex moved 0.6 m is out, 0.3 m is in."""
    square = shapely.Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])
    for shift, inside in ((0.3, True), (0.6, False)):
        moved = shapely.Polygon([(0, 0), (100, 0), (100 + shift, 50), (100, 100), (0, 100)])
        assert (hausdorff_m(square, moved) <= HAUSDORFF_TOLERANCE_M) is inside
        assert abs(hausdorff_m(square, moved) - shift) < 1e-9
    line = shapely.LineString([(0, 0), (50, 0)])
    assert hausdorff_m(line, shapely.LineString([(0, 0), (50.4, 0)])) == pytest.approx(0.4)


def test_regeneration_matches_the_committed_files(tmp_path):
    """Regenerating gives the committed territory: every layer feature by feature (attributes equal,
    counts within 0.1 %, geometries within 0.5 m), the friches CSV row by row (surfaces within 2 %),
    the GTFS zip byte for byte."""
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path), "--quiet"], check=True, timeout=180)
    problems = []
    if (tmp_path / GTFS_ZIP.name).read_bytes() != GTFS_ZIP.read_bytes():
        with zipfile.ZipFile(GTFS_ZIP) as committed, zipfile.ZipFile(tmp_path / GTFS_ZIP.name) as regenerated:
            files = sorted(set(committed.namelist()) | set(regenerated.namelist()))
            differ = [f for f in files if f not in committed.namelist() or f not in regenerated.namelist()
                      or committed.read(f) != regenerated.read(f)]
        problems.append(f"GTFS zip: other bytes ({', '.join(differ) or 'zip entries only'})")
    ds = ogr.Open(str(GPKG))
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    for name in names:
        problems += layer_differences(name, layer(name), layer(name, str(tmp_path / GPKG.name)))
    problems += friches_differences(read_friches(FRICHES_CSV), read_friches(tmp_path / FRICHES_CSV.name))
    assert not problems, f"{len(problems)} differences, the first ones:\n" + "\n".join(problems[:30])
