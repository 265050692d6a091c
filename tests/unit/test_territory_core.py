"""core.territory: the area around a territory, the CNIG / Cartofriches file filtered to it (on the real
Cartofriches sample, checked against a direct computation with GDAL's transformation), the Filosofi CSV cells."""

import csv
from pathlib import Path

import numpy as np
import pytest
import shapely
from friches_tierslieux.core import territory
from friches_tierslieux.core.progress import Canceled, Progress
from friches_tierslieux.core.territory import text_sources
from friches_tierslieux.core.territory.area import Inside, build_area
from osgeo import osr

CARTOFRICHES = Path(__file__).resolve().parents[1] / "data" / "cartofriches" / "friches_standard_sample_2025.csv"


def to_l93():
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.ImportFromEPSG(2154)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)

    def coords(c):
        out = np.asarray(ct.TransformPoints(c[:, :2]), dtype=float)[:, :2]
        return out

    return lambda geoms: shapely.transform(np.asarray(geoms, dtype=object), coords)


def test_area_is_the_union_grown_by_the_buffer():
    a = shapely.box(0, 0, 1000, 1000)
    b = shapely.box(1000, 0, 2000, 1000)
    bowtie = shapely.Polygon([(3000, 0), (4000, 1000), (4000, 0), (3000, 1000)])  # invalid, repaired
    area = build_area([a, b, None, bowtie], 500)
    assert area.territory.area == pytest.approx(2_000_000 + 500_000)
    assert area.area.contains(shapely.Point(-499, 500)) and not area.area.contains(shapely.Point(-501, 500))
    assert build_area([a], 0).area.equals(a)
    with pytest.raises(ValueError):
        build_area([shapely.LineString([(0, 0), (1, 1)])], 10)
    inside = Inside(area.area)
    assert inside.points([100, -600, 2100], [500, 500, 500]).tolist() == [True, False, True]
    lines = np.array([shapely.LineString([(100, 100), (200, 200)]), shapely.LineString([(-1000, 500), (100, 500)]),
                      shapely.LineString([(-2000, 0), (-1000, 0)]), None], dtype=object)
    hit, within = inside.classify(lines)
    assert hit.tolist() == [True, True, False, False] and within.tolist() == [True, False, False, False]
    assert inside.clip(lines[1:2])[0].length == pytest.approx(600)


def test_plu_roles_from_file_names():
    assert territory.plu_role("241800432_PRESCRIPTION_SURF_20200128") == "prescription_surf"
    assert territory.plu_role("ZONE_URBA") == "zone_urba"
    assert territory.plu_role("41175_info-pct_2014") == "info_pct"
    assert territory.plu_role("routes") is None


def test_friches_file_filtered_to_marseille(tmp_path):
    """The real national sample: the rows whose point lies within 3 km of the Vieux-Port, compared with the
    same test made directly on the file."""
    transform = to_l93()
    centre = transform([shapely.Point(5.3698, 43.2965)])[0]
    area = centre.buffer(3000)
    inside = Inside(area)
    out = tmp_path / "kept.csv"
    stats = text_sources.filter_friches(str(CARTOFRICHES), str(out), lambda g: inside.classify(g)[0], transform,
                                        codes=["13055"])
    with open(CARTOFRICHES, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    expected = set()
    for row in rows:
        text = row["geompoint"]
        if text.startswith("POINT ("):
            lon, lat = (float(v) for v in text[7:-1].split())
            if area.contains(transform([shapely.Point(lon, lat)])[0]):
                expected.add(row["site_id"])
    with open(out, encoding="utf-8", newline="") as fh:
        kept_rows = list(csv.DictReader(fh, delimiter=";"))
    kept = {r["site_id"] for r in kept_rows}
    no_point = {r["site_id"] for r in rows if r["comm_insee"] == "13055" and not r["geompoint"].startswith("POINT (")}
    assert expected and kept == expected | no_point
    assert stats.read == len(rows) == 2594 and stats.kept == len(kept_rows)
    assert stats.kept + stats.outside + stats.no_location == stats.read
    assert stats.kept_by_code == len(no_point)
    # columns and values unchanged (the long Grenoble lists are not in Marseille; a Marseille row is)
    original = next(r for r in rows if r["site_id"] in expected)
    assert next(r for r in kept_rows if r["site_id"] == original["site_id"]) == original


def test_friches_latitude_first_metres_and_unreadable(tmp_path):
    source = tmp_path / "f.csv"
    source.write_text(
        "site_id,comm_insee,geompoint,geomsurf,x,y\n"
        "a,13055,POINT(43.2965 5.3698),,,\n"  # latitude first, as the standard's own example
        "b,13055,POINT(892000 6247000),,,\n"  # Lambert-93
        "c,13055,POINT(5.3698,,,\n"  # cut short: unreadable, kept by its INSEE code
        "d,75056,,,2.35,48.85\n"  # coordinate columns, in Paris: outside
        "e,75056,,,,\n", encoding="cp1252")  # nothing: dropped
    transform = to_l93()
    area = transform([shapely.Point(5.3698, 43.2965)])[0].buffer(10_000)
    inside = Inside(area)
    out = tmp_path / "k.csv"
    stats = text_sources.filter_friches(str(source), str(out), lambda g: inside.classify(g)[0], transform,
                                        codes=["13055"])
    with open(out, encoding="utf-8") as fh:
        kept = [r["site_id"] for r in csv.DictReader(fh)]
    assert kept == ["a", "b", "c"]
    assert (stats.swapped, stats.unreadable, stats.kept_by_code, stats.outside, stats.no_location) == (1, 1, 1, 1, 1)
    with pytest.raises(Canceled):
        big = tmp_path / "big.csv"
        big.write_text("site_id,geompoint\n" + "".join(f"{i},POINT(5 43)\n" for i in range(50_000)))
        text_sources.filter_friches(str(big), str(out), lambda g: inside.classify(g)[0], transform,
                                    progress=Progress(None, lambda: True))


def test_filosofi_csv_cells(tmp_path):
    ids = ["CRS3035RES200mN2029800E4252400", "CRS3035RES200mN2030000E4252400", "bad", ""]
    epsg, size, north, east = text_sources.cell_corners(ids)
    assert epsg.tolist() == [3035, 3035, -1, -1] and size.tolist()[:2] == [200, 200]
    assert north.tolist()[:2] == [2029800, 2030000] and east[0] == 4252400
    source = tmp_path / "grid.csv"
    source.write_text("idcar_200m;idcar_1km;i_est_200;lcog_geo;ind;men\n"
                      "CRS3035RES200mN2029800E4252400;CRS3035RES1000mN2029000E4252000;1;13210;12.5;5\n"
                      "CRS3035RES200mN2030000E4252400;CRS3035RES1000mN2030000E4252000;0;13210;NA;8\n"
                      "CRS3035RES200mN2090000E4252400;CRS3035RES1000mN2090000E4252000;0;13210;3;1\n")
    batches = list(text_sources.read_grid(str(source), box=(4252000, 2029000, 4253000, 2031000)))
    assert len(batches) == 1
    header, kinds, rows, epsg, size, north, east = batches[0]
    assert header[0] == "idcar_200m" and kinds == ["string", "string", "int", "string", "double", "double"]
    assert rows == [["CRS3035RES200mN2029800E4252400", "CRS3035RES1000mN2029000E4252000", 1, "13210", 12.5, 5.0],
                    ["CRS3035RES200mN2030000E4252400", "CRS3035RES1000mN2030000E4252000", 0, "13210", None, 8.0]]
    with pytest.raises(ValueError):
        bad = tmp_path / "nogrid.csv"
        bad.write_text("a;b\n1;2\n")
        list(text_sources.read_grid(str(bad)))
