"""Line geometries decoded from WKB with numpy (``core/network/lines``), checked against shapely's own reading."""

import struct

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.network import lines as line_arrays


def _reference(geoms):
    """What shapely reads: the coordinates of every LineString part, in order, with their line."""
    xy, offsets, owner = [], [0], []
    for i, geom in enumerate(geoms):
        if geom is None:
            continue
        for part in shapely.get_parts(geom):
            if shapely.get_type_id(part) in (1, 2) and shapely.get_num_coordinates(part) >= 2:
                coords = shapely.get_coordinates(part)
                xy.append(coords)
                offsets.append(offsets[-1] + len(coords))
                owner.append(i)
    return np.concatenate(xy) if xy else np.zeros((0, 2)), np.array(offsets), np.array(owner)


def _same(arrays, geoms):
    xy, offsets, owner = _reference(geoms)
    np.testing.assert_array_equal(arrays.xy, xy)
    np.testing.assert_array_equal(arrays.offsets, offsets)
    np.testing.assert_array_equal(arrays.part_feature, owner)
    assert arrays.n_features == len(geoms)


def _linestring_m(coords):
    """ISO WKB of a LineString M (shapely 2.0 cannot write M)."""
    body = b"".join(struct.pack("<3d", *c) for c in coords)
    return struct.pack("<BII", 1, 2002, len(coords)) + body


def _linestring_zm_ewkb(coords):
    """EWKB (PostGIS flags) of a LineString ZM."""
    body = b"".join(struct.pack("<4d", *c) for c in coords)
    return struct.pack("<BII", 1, 0xC0000002, len(coords)) + body


def test_every_kind_of_line_is_read_like_shapely():
    wkts = ["LINESTRING (0 0, 1 1, 2 0.5)", "LINESTRING Z (10 10 3, 11 12 4)",
            "MULTILINESTRING ((5 5, 6 6), (7 7, 8 8, 9 9))", None, "LINESTRING EMPTY", "POINT (1 1)",
            "GEOMETRYCOLLECTION (LINESTRING (1 2, 3 4), POINT (0 0))", "LINESTRING (-1.5 2.25, 1e6 -3e5)"]
    geoms = [None if w is None else shapely.from_wkt(w) for w in wkts]
    wkbs = [None if g is None else shapely.to_wkb(g, flavor="iso", output_dimension=3) for g in geoms]
    _same(line_arrays.from_wkb(wkbs), geoms)
    # big-endian records go through shapely, in line order with the others
    big = [None if g is None else shapely.to_wkb(g, byte_order=0) for g in geoms]
    mixed = [b if i % 2 else w for i, (w, b) in enumerate(zip(wkbs, big))]
    _same(line_arrays.from_wkb(mixed), geoms)


def test_measures_are_dropped():
    m = _linestring_m([(0, 0, 7), (3, 4, 8), (6, 0, 9)])
    zm = _linestring_zm_ewkb([(1, 2, 3, 4), (5, 6, 7, 8)])
    arrays = line_arrays.from_wkb([m, zm])
    np.testing.assert_array_equal(arrays.xy, [[0, 0], [3, 4], [6, 0], [1, 2], [5, 6]])
    np.testing.assert_array_equal(arrays.offsets, [0, 3, 5])


def test_gdal_arrow_arrays_fixed_width_and_masked():
    geoms = [shapely.linestrings([(i, 0), (i, 1), (i + 0.5, 2)]) for i in range(5)]
    wkbs = [shapely.to_wkb(g) for g in geoms]
    fixed = np.array(wkbs, dtype=f"V{len(wkbs[0])}")  # GDAL returns this when every record has one size
    _same(line_arrays.from_wkb(fixed), geoms)
    masked = np.ma.masked_array(fixed, mask=[False, True, False, False, True])
    _same(line_arrays.from_wkb(masked), [g if not m else None for g, m in zip(geoms, masked.mask)])
    objects = np.array([*wkbs, None], dtype=object)
    _same(line_arrays.from_wkb(objects), [*geoms, None])


def test_batches_concatenate_with_line_numbers_running_on():
    rng = np.random.default_rng(4)
    geoms = [shapely.linestrings(rng.uniform(0, 100, (int(k), 2))) for k in rng.integers(2, 6, 40)]
    geoms[7] = shapely.multilinestrings([[(0, 0), (1, 1)], [(2, 2), (3, 3)]])
    geoms[12] = None
    pieces = [line_arrays.from_wkb([None if g is None else shapely.to_wkb(g) for g in geoms[a:b]])
              for a, b in ((0, 10), (10, 11), (11, 40))]
    _same(line_arrays.concat(pieces), geoms)
    assert line_arrays.from_wkb([]).n_parts == 0


def test_from_shapely_matches_from_wkb():
    geoms = np.array([shapely.from_wkt("LINESTRING (0 0, 5 5)"), None,
                      shapely.from_wkt("MULTILINESTRING ((1 1, 2 2), (3 3, 4 4))")], dtype=object)
    a = line_arrays.from_shapely(geoms)
    b = line_arrays.from_wkb([None if g is None else shapely.to_wkb(g) for g in geoms])
    for name in ("xy", "offsets", "part_feature"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


@pytest.mark.parametrize("n", [1, 1000])
def test_speed_path_gives_exact_doubles(n):
    rng = np.random.default_rng(n)
    coords = rng.uniform(-1e7, 1e7, size=(n, 3, 2))
    geoms = list(shapely.linestrings(coords))
    arrays = line_arrays.from_wkb([shapely.to_wkb(g) for g in geoms])
    np.testing.assert_array_equal(arrays.xy, coords.reshape(-1, 2))  # bit for bit
