"""Line geometries as flat numpy arrays (coordinates, part offsets, owner line), read from WKB in bulk.

Why: the graph needs only the vertices of each line part, in order. Making a shapely object per road and
asking it for its coordinates costs about a microsecond per line twice over; decoding the WKB that GDAL
or QGIS hands over directly with numpy costs a fraction of that, since nearly every road is a plain
little-endian LineString (2D or with Z or M). Anything else (multi-lines, big-endian, curves,
collections) goes through shapely, line by line, so every geometry shapely reads is read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..arrays import repeat_ranks

#: WKB type codes of a LineString with their number of values per vertex (ISO and EWKB Z/M flags).
_LINESTRING_DIMS = {2: 2, 1002: 3, 2002: 3, 3002: 4, 0x80000002: 3, 0x40000002: 3, 0xC0000002: 4}


@dataclass
class LineArrays:
    """Line parts of ``n_features`` lines: part ``p`` is ``xy[offsets[p]:offsets[p + 1]]`` and belongs to line
    ``part_feature[p]``. Lines without geometry have no part."""

    xy: np.ndarray  # (C, 2) float64
    offsets: np.ndarray  # (P + 1,) int64
    part_feature: np.ndarray  # (P,) int64
    n_features: int

    @property
    def n_parts(self) -> int:
        return len(self.part_feature)

    @property
    def nbytes(self) -> int:
        return int(self.xy.nbytes + self.offsets.nbytes + self.part_feature.nbytes)


def _from_shapely(geoms, feature_ids, n_features) -> LineArrays:
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    present = np.array([g is not None for g in geoms], dtype=bool)
    geoms, feature_ids = geoms[present], np.asarray(feature_ids, dtype=np.int64)[present]
    if len(geoms):
        parts, owner = shapely.get_parts(geoms, return_index=True)
        keep = np.isin(shapely.get_type_id(parts), (1, 2))  # LineString, LinearRing
        parts, owner = parts[keep], owner[keep]
    else:
        parts, owner = geoms, np.zeros(0, dtype=np.int64)
    if len(parts):
        xy, coord_part = shapely.get_coordinates(parts, return_index=True)
        counts = np.bincount(coord_part, minlength=len(parts))
    else:
        xy, counts = np.zeros((0, 2)), np.zeros(0, dtype=np.int64)
    offsets = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return LineArrays(xy, offsets, feature_ids[owner].astype(np.int64), n_features)


def from_shapely(geoms) -> LineArrays:
    """The line parts of an array of shapely geometries (None for a missing one; non-line parts ignored)."""
    geoms = np.asarray(geoms, dtype=object) if not isinstance(geoms, np.ndarray) else geoms
    return _from_shapely(geoms, np.arange(len(geoms)), len(geoms))


def concat(pieces) -> LineArrays:
    """One ``LineArrays`` from consecutive pieces (the batches of a reader): features numbered on."""
    pieces = list(pieces)
    if len(pieces) == 1:
        return pieces[0]
    xy, offsets, owner = [], [np.zeros(1, dtype=np.int64)], []
    n_coords = n_features = 0
    for piece in pieces:
        xy.append(piece.xy)
        offsets.append(piece.offsets[1:] + n_coords)
        owner.append(piece.part_feature + n_features)
        n_coords += len(piece.xy)
        n_features += piece.n_features
    return LineArrays(
        np.concatenate(xy) if xy else np.zeros((0, 2)),
        np.concatenate(offsets),
        np.concatenate(owner) if owner else np.zeros(0, dtype=np.int64),
        n_features,
    )


def from_wkb(wkbs) -> LineArrays:
    """The line parts of WKB geometries: a sequence of byte strings (None or empty for a missing geometry),
    or a numpy array of them as GDAL's Arrow reader returns (objects, or fixed-width ``V`` items when every
    geometry has the same size; masked entries are missing).

    Little-endian LineStrings are decoded with numpy (the coordinates gathered from one buffer); every
    other geometry through shapely. Z and M values are dropped.
    """
    buffer, starts, lengths = _wkb_buffer(wkbs)
    n = len(starts)
    if n == 0:
        return LineArrays(np.zeros((0, 2)), np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64), 0)
    simple = lengths >= 9
    head = starts[simple]
    # byte order 1 (little endian) and a LineString type code
    ok = buffer[head] == 1
    code = _uint32(buffer, head + 1)
    dims = np.zeros(len(head), dtype=np.int64)
    for value, size in _LINESTRING_DIMS.items():
        dims[code == value] = size
    ok &= dims > 0
    points = _uint32(buffer, head + 5).astype(np.int64)
    ok &= lengths[simple] == 9 + points * dims * 8
    index = np.flatnonzero(simple)
    fast = index[ok]
    fast_points, fast_dims, fast_head = points[ok], dims[ok], head[ok]
    # coordinates of the fast lines: x at 9 + 8 * dims * k, y 8 bytes further, for each vertex k
    owner, rank = repeat_ranks(fast_points)
    x_at = fast_head[owner] + 9 + 8 * fast_dims[owner] * rank
    xy = np.empty((len(x_at), 2))
    xy[:, 0] = _values_at(buffer, x_at, "<f8")
    xy[:, 1] = _values_at(buffer, x_at + 8, "<f8")
    offsets = np.zeros(len(fast) + 1, dtype=np.int64)
    np.cumsum(fast_points, out=offsets[1:])
    parts = LineArrays(xy, offsets, fast.astype(np.int64), n)
    slow = np.setdiff1d(np.flatnonzero(lengths > 0), fast)
    if not len(slow):
        return _drop_empty(parts)
    import shapely

    records = [buffer[a: a + b].tobytes() for a, b in zip(starts[slow].tolist(), lengths[slow].tolist())]
    geoms = shapely.from_wkb(records, on_invalid="ignore")
    other = _from_shapely(geoms, slow, n)
    return _drop_empty(_merge_by_feature(parts, other))


def _wkb_buffer(wkbs):
    """(one uint8 buffer, start and length of each record in it; length 0 for a missing geometry)."""
    if isinstance(wkbs, np.ndarray) and wkbs.dtype.kind == "V":
        mask = np.ma.getmaskarray(wkbs) if isinstance(wkbs, np.ma.MaskedArray) else None
        size = wkbs.dtype.itemsize
        buffer = np.ascontiguousarray(np.ma.getdata(wkbs)).view(np.uint8).reshape(-1)
        starts = np.arange(len(wkbs), dtype=np.int64) * size
        lengths = np.full(len(wkbs), size, dtype=np.int64)
        if mask is not None:
            lengths[mask] = 0
        return buffer, starts, lengths
    if isinstance(wkbs, np.ma.MaskedArray):
        wkbs = [None if m else w for w, m in zip(np.ma.getdata(wkbs).tolist(), np.ma.getmaskarray(wkbs).tolist())]
    elif isinstance(wkbs, np.ndarray):
        wkbs = wkbs.tolist()
    else:
        wkbs = list(wkbs)
    n = len(wkbs)
    lengths = np.fromiter((len(w) if w else 0 for w in wkbs), dtype=np.int64, count=n)
    buffer = np.frombuffer(b"".join(w for w in wkbs if w), dtype=np.uint8)
    starts = np.zeros(n, dtype=np.int64)
    if n:
        np.cumsum(lengths[:-1], out=starts[1:])
    return buffer, starts, lengths


def _uint32(buffer, at):
    return _values_at(buffer, at, "<u4")


def _values_at(buffer, at, dtype):
    """The numbers of ``dtype`` starting at byte offsets ``at`` of ``buffer`` (any alignment): read through
    one view of the buffer per alignment, without copying the buffer or indexing every byte."""
    size = np.dtype(dtype).itemsize
    out = np.empty(len(at), dtype=dtype)
    shift = at % size
    for s in np.unique(shift).tolist():
        pick = shift == s
        count = (len(buffer) - s) // size
        out[pick] = buffer[s: s + size * count].view(dtype)[(at[pick] - s) // size]
    return out


def _merge_by_feature(a: LineArrays, b: LineArrays) -> LineArrays:
    """The parts of ``a`` and ``b`` in line order (parts of one line keep their order)."""
    owner = np.concatenate([a.part_feature, b.part_feature])
    order = np.argsort(owner, kind="stable")
    counts = np.concatenate([np.diff(a.offsets), np.diff(b.offsets)])
    first = np.concatenate([a.offsets[:-1], b.offsets[:-1] + len(a.xy)])
    xy_all = np.concatenate([a.xy, b.xy])
    part, rank = repeat_ranks(counts[order])
    xy = xy_all[first[order][part] + rank]
    offsets = np.zeros(len(order) + 1, dtype=np.int64)
    np.cumsum(counts[order], out=offsets[1:])
    return LineArrays(xy, offsets, owner[order], a.n_features)


def _drop_empty(lines: LineArrays) -> LineArrays:
    """Without parts of fewer than two vertices (empty lines)."""
    counts = np.diff(lines.offsets)
    keep = counts >= 2
    if keep.all():
        return lines
    part, rank = repeat_ranks(counts[keep])
    xy = lines.xy[lines.offsets[:-1][keep][part] + rank]
    offsets = np.zeros(int(keep.sum()) + 1, dtype=np.int64)
    np.cumsum(counts[keep], out=offsets[1:])
    return LineArrays(xy, offsets, lines.part_feature[keep], lines.n_features)
