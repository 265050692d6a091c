"""National text files read a batch of rows at a time: a friches file in the CNIG standard (Cartofriches
export) and the INSEE Filosofi grid published as CSV.

Why not GDAL's CSV driver: the geometry of a friches file is WKT written in either axis order (the
standard's own example writes ``POINT(49.25 3.98)``), in degrees or in Lambert-93, in ``geompoint`` or
``geomsurf`` or in coordinate columns; a Filosofi CSV has no geometry at all, only the cell's name
(``CRS3035RES200mN2029800E4252400``: south-west corner in ETRS89-LAEA). Rows are streamed with the csv
module (fields of any size, ``;`` or ``,``, UTF-8 or windows-1252) so a file of any size keeps a small
memory footprint.

Pure Python: numpy, pandas, shapely, the standard library. Coordinates are turned into Lambert-93 by a
function the caller passes (GDAL's, in the processing layer).
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from typing import Callable, Iterator, List, Optional, Sequence

import numpy as np

from .. import inventory as inv
from ..progress import NullProgress, Progress

#: Rows parsed and tested together (vectorised); the cancel is checked between batches (under a second).
BATCH_ROWS = 2_000
WKT_COLUMNS = ("geompoint", "geomsurf", "geom", "geometry", "the_geom", "wkt", "geometrie")
INSEE_COLUMNS = ("comm_insee", "code_insee", "insee", "insee_com", "depcom", "codgeo")
_CELL = re.compile(r"^CRS(\d+)RES(\d+)mN(\d+)E(\d+)$")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def sniff(path: str):
    """(encoding, delimiter, header) of a text table: UTF-8 (BOM or not) or windows-1252; the delimiter
    among ``;`` ``,`` tab ``|`` found most in the header line."""
    with open(path, "rb") as fh:
        head = fh.read(4 << 20)
    encoding = inv.detect_text_encoding(head)
    encoding = "utf-8-sig" if encoding.upper() == "UTF-8" else "cp1252"
    first = head.split(b"\n", 1)[0].decode(encoding, errors="replace").lstrip("\ufeff")
    delimiter = max((";", ",", "\t", "|"), key=first.count)
    header = next(csv.reader([first], delimiter=delimiter), [])
    return encoding, delimiter, [h.strip() for h in header]


def _rows(path: str, encoding: str, delimiter: str) -> Iterator[List[str]]:
    with open(path, encoding=encoding, errors="replace", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        next(reader, None)
        yield from reader


@dataclass
class FrichesFilter:
    """Counts of :func:`filter_friches`."""

    read: int = 0
    kept: int = 0
    outside: int = 0
    kept_by_code: int = 0
    no_location: int = 0
    unreadable: int = 0
    swapped: int = 0


def _column(header: Sequence[str], names: Sequence[str]) -> Optional[int]:
    lower = [h.lower() for h in header]
    for name in names:
        if name in lower:
            return lower.index(name)
    return None


def _geometries(texts: List[str]):
    """(shapely geometries, unreadable mask) of WKT texts (EWKT prefix dropped), None where empty."""
    import shapely

    geoms = np.empty(len(texts), dtype=object)
    bad = np.zeros(len(texts), dtype=bool)
    for i, text in enumerate(texts):
        if inv.is_missing(text):
            continue
        try:
            geoms[i] = inv.parse_wkt(text)
        except ValueError:
            bad[i] = True
    present = np.array([g is not None for g in geoms], dtype=bool)
    if present.any():
        geoms[present] = shapely.force_2d(geoms[present])
    return geoms, bad


def filter_friches(path: str, out_path: str, inside_l93: Callable, to_l93_from_degrees: Callable,
                   codes: Sequence[str] = (), progress: Progress = None) -> FrichesFilter:
    """Copy to ``out_path`` (same columns and delimiter, UTF-8) the rows of a CNIG / Cartofriches file
    located in the area: by their geometry (``geompoint``, else ``geomsurf``, else coordinate columns),
    tested with ``inside_l93(geoms_l93) -> bool array``; geometries in degrees go through
    ``to_l93_from_degrees(geoms)``, written latitude first they are swapped. A row without usable
    location is kept when its INSEE code is one of ``codes`` (the import will report it), else dropped
    and counted."""
    progress = progress or NullProgress()
    encoding, delimiter, header = sniff(path)
    wkt_cols = [i for i in (_column(header, (name,)) for name in WKT_COLUMNS) if i is not None]
    x_col = _column(header, inv.X_NAMES)
    y_col = _column(header, inv.Y_NAMES)
    code_col = _column(header, INSEE_COLUMNS)
    wanted = {c.upper() for c in codes}
    stats = FrichesFilter()
    import os

    size = max(1, os.path.getsize(path))
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header)
        batch: List[List[str]] = []
        done_bytes = 0

        def flush():
            geoms = _batch_geometries(batch, wkt_cols, x_col, y_col, stats)
            located = np.array([g is not None for g in geoms], dtype=bool)
            inside = np.zeros(len(batch), dtype=bool)
            if located.any():
                inside[located] = _inside(geoms[located], inside_l93, to_l93_from_degrees, stats)
            for i, row in enumerate(batch):
                if inside[i]:
                    writer.writerow(row)
                    stats.kept += 1
                elif located[i]:
                    stats.outside += 1
                else:
                    code = row[code_col].strip().upper() if code_col is not None and code_col < len(row) else ""
                    if len(code) == 4 and code.isdigit():
                        code = "0" + code
                    if code and code in wanted:
                        writer.writerow(row)
                        stats.kept += 1
                        stats.kept_by_code += 1
                    else:
                        stats.no_location += 1
            batch.clear()

        for row in _rows(path, encoding, delimiter):
            if not any(cell.strip() for cell in row):
                continue
            stats.read += 1
            done_bytes += sum(len(c) for c in row) + len(row)
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                flush()
                progress.check()
                progress.set(min(1.0, done_bytes / size))
        flush()
    progress.set(1.0)
    return stats


def _batch_geometries(batch, wkt_cols, x_col, y_col, stats):
    n = len(batch)
    geoms = np.empty(n, dtype=object)
    for col in wkt_cols:
        todo = [i for i in range(n) if geoms[i] is None]
        if not todo:
            break
        texts = [batch[i][col] if col < len(batch[i]) else "" for i in todo]
        found, bad = _geometries(texts)
        for k, i in enumerate(todo):
            if found[k] is not None:
                geoms[i] = found[k]
        stats.unreadable += int(bad.sum())
    if x_col is not None and y_col is not None:
        import shapely

        for i in range(n):
            if geoms[i] is None:
                x = inv.parse_float(batch[i][x_col] if x_col < len(batch[i]) else "")
                y = inv.parse_float(batch[i][y_col] if y_col < len(batch[i]) else "")
                if x is not None and y is not None and np.isfinite(x) and np.isfinite(y):
                    geoms[i] = shapely.Point(x, y)
    return geoms


def _inside(geoms, inside_l93, to_l93_from_degrees, stats) -> np.ndarray:
    import shapely

    bounds = shapely.bounds(geoms)
    finite = np.isfinite(bounds).all(axis=1)
    degrees = finite & (np.abs(bounds).max(axis=1) <= 180.0)
    out = np.zeros(len(geoms), dtype=bool)
    if degrees.any():
        idx = np.flatnonzero(degrees)
        sub = geoms[idx]
        for k, geom in enumerate(sub):
            if inv.latitude_first(geom):
                sub[k] = inv.swap_axes(geom)
                stats.swapped += 1
        out[idx] = inside_l93(to_l93_from_degrees(sub))
    metres = finite & ~degrees
    if metres.any():
        idx = np.flatnonzero(metres)
        out[idx] = inside_l93(geoms[idx])
    return out


# --------------------------------------------------------------------------------------------------
# Filosofi grid as CSV
# --------------------------------------------------------------------------------------------------


def cell_corners(ids) -> tuple:
    """(epsg, size, northing, easting) arrays of INSPIRE cell names ``CRS3035RES200mN…E…``; -1 where a
    name does not read."""
    import pandas as pd

    parts = pd.Series(list(ids), dtype=object).astype(str).str.extract(_CELL)
    ok = parts.notna().all(axis=1).to_numpy()
    out = [np.full(len(parts), -1, dtype=np.int64) for _ in range(4)]
    for k in range(4):
        out[k][ok] = parts[k][ok].astype(np.int64).to_numpy()
    return tuple(out)


def grid_types(header: Sequence[str]) -> List[str]:
    """Field kinds of a Filosofi table: identifiers and commune codes as text, ``i_est_*`` flags as
    integers, every count as a real (counts are spread and imputed, so not whole)."""
    kinds = []
    for name in header:
        lower = name.lower()
        if lower.startswith("idcar") or lower in ("lcog_geo", "groupe", "id"):
            kinds.append("string")
        elif lower.startswith("i_est"):
            kinds.append("int")
        else:
            kinds.append("double")
    return kinds


def read_grid(path: str, box=None, progress: Progress = None):
    """Batches ``(header, kinds, rows, epsg, size, northing, easting)`` of a Filosofi CSV, keeping the
    cells whose square meets ``box`` (minx, miny, maxx, maxy in the cells' own CRS, ETRS89-LAEA for
    metropolitan France) when given; rows are lists of typed values. Read with pandas in chunks (C
    parser). ValueError when there is no ``idcar_200m`` (or ``idcar_…``) column."""
    import os

    import pandas as pd

    progress = progress or NullProgress()
    encoding, delimiter, header = sniff(path)
    lower = [h.lower() for h in header]
    id_col = next((i for i, h in enumerate(lower) if h.startswith("idcar_200")), None)
    if id_col is None:
        id_col = next((i for i, h in enumerate(lower) if h.startswith("idcar")), None)
    if id_col is None:
        raise ValueError("no idcar column")
    kinds = grid_types(header)
    dtypes = {i: (str if k == "string" else float) for i, k in enumerate(kinds)}
    size = max(1, os.path.getsize(path))
    reader = pd.read_csv(path, sep=delimiter, encoding=encoding, header=0, names=list(range(len(header))),
                         dtype=dtypes, na_values=["", "NA", "NULL", "s", "ns"], keep_default_na=False,
                         chunksize=BATCH_ROWS * 10, engine="c", decimal=".")
    done = 0
    for chunk in reader:
        done += len(chunk)
        epsg, cell, north, east = cell_corners(chunk[id_col].fillna("").to_numpy())
        keep = epsg > 0
        if box is not None:
            minx, miny, maxx, maxy = box
            keep &= (east + cell >= minx) & (east <= maxx) & (north + cell >= miny) & (north <= maxy)
        if keep.any():
            sub = chunk[keep]
            rows = []
            for values in sub.itertuples(index=False, name=None):
                row = []
                for kind, value in zip(kinds, values):
                    if value is None or (isinstance(value, float) and value != value):
                        row.append(None)
                    elif kind == "int":
                        row.append(int(value))
                    else:
                        row.append(value)
                rows.append(row)
            yield header, kinds, rows, epsg[keep], cell[keep], north[keep], east[keep]
        progress.check()
        progress.set(min(0.99, done * 60.0 / size))  # about 60 bytes a row
    progress.set(1.0)
