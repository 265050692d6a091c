"""Reading a GTFS zip into typed, indexed tables.

Why this shape: the counts need only a few columns of stop_times.txt, the largest file by far (millions of
rows in a regional feed). They are read with pandas as categories (each distinct trip id, stop id or time
string is parsed once, not once per row), times become seconds after midnight of the service day
("25:10:00" -> 90600, later than 24:00 is legal), ids become row indices of stops / trips / routes, and
stop_times are sorted by trip and stop_sequence once, so every later step is array arithmetic.

Every defect that would make the counts wrong stops the reading with a :class:`GtfsError` naming the file
and the data row (1 = first row after the header): a missing required file or column, a time, number or
date that cannot be read, a stop_times row pointing to an unknown stop or trip, a trip pointing to an
unknown route, a trip whose first or last stop has no time, a duplicated id. Harmless oddities (a
parent_station that does not exist, a service id in no calendar) are kept in :attr:`Feed.warnings` as
``(code, params)``.

Pure Python: pandas, numpy and the standard library; no Qt, no QGIS.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from ..encoding import bom_encoding, utf16_without_bom
from ..progress import NullProgress, Progress
from . import GtfsError
from .modes import modes_of_route_types

REQUIRED_FILES = ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Rows of stop_times.txt read at a time (progress and cancel between chunks).
CHUNK_ROWS = 500_000

_TIME_RE = r"^(\d{1,3}):([0-5]?\d):([0-5]?\d)$"
#: What reading a damaged zip member raises: a bad local header or CRC (BadZipFile), corrupt deflate
#: data (zlib.error), a truncated archive (EOFError), an unsupported compression or an encrypted member
#: (NotImplementedError, RuntimeError).
DAMAGED_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)


def _reason(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__
_PANDAS_LINE_RE = re.compile(r"(line|row) (\d+)")


@dataclass
class StopTimes:
    """stop_times.txt as arrays sorted by trip then stop_sequence.

    ``trip`` and ``stop`` are row indices of :attr:`Feed.trips` and :attr:`Feed.stops`; ``time`` is the
    departure time in seconds (the arrival time where the departure is empty, interpolated between timed
    stops where both are empty); ``boarding`` is False at a trip's last stop, where pickup_type is 1 (no
    pickup) and on the first of two consecutive rows of a trip at the same stop (the vehicle leaves from
    the second); ``trip_start[t]:trip_start[t + 1]`` are the rows of trip ``t``.
    """

    trip: np.ndarray
    stop: np.ndarray
    time: np.ndarray
    boarding: np.ndarray
    trip_start: np.ndarray

    def __len__(self):
        return len(self.trip)


@dataclass
class Feed:
    """A GTFS feed, typed and indexed (see the module docstring)."""

    path: str
    #: stop_id, stop_name, lat, lon, location_type (0-4), parent (row index of parent_station or -1)
    stops: pd.DataFrame
    #: route_id, route_short_name, route_long_name, route_type, name (short, else long, else id), mode
    routes: pd.DataFrame
    #: trip_id, route (row index), service (index in ``services``), direction (0, 1 or -1), shape_id
    trips: pd.DataFrame
    stop_times: StopTimes
    #: every service id of trips.txt, calendar.txt and calendar_dates.txt
    services: pd.Index
    #: service (index), the seven weekday flags (bool), start and end (datetime64[D]); None if absent
    calendar: Optional[pd.DataFrame] = None
    #: service (index), date (datetime64[D]), exception_type (1 added, 2 removed); None if absent
    calendar_dates: Optional[pd.DataFrame] = None
    #: trip (row index), start, end, headway (seconds), exact_times (0 or 1); None if absent
    frequencies: Optional[pd.DataFrame] = None
    #: shape_id, lat, lon, sequence sorted; None unless asked for and present
    shapes: Optional[pd.DataFrame] = None
    #: feed_info.txt's feed_start_date / feed_end_date (datetime64[D] or None)
    feed_start: Optional[np.datetime64] = None
    feed_end: Optional[np.datetime64] = None
    warnings: List[Tuple[str, dict]] = field(default_factory=list)

    def __repr__(self):
        return (f"Feed({Path(self.path).name}: {len(self.stops)} stops, {len(self.routes)} routes, "
                f"{len(self.trips)} trips, {len(self.stop_times)} stop times)")


# --------------------------------------------------------------------------------------------------
# CSV reading
# --------------------------------------------------------------------------------------------------


class _Zip:
    """The members of a GTFS zip by base name (feeds are sometimes zipped inside a folder)."""

    def __init__(self, path):
        self.path = str(path)
        if not Path(self.path).is_file():
            raise GtfsError("file_not_found", Path(self.path).name, path=self.path)
        try:
            self.zf = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise GtfsError("not_a_zip", Path(self.path).name, path=self.path, reason=str(exc)) from exc
        self.members: Dict[str, zipfile.ZipInfo] = {}
        for info in self.zf.infolist():
            if info.is_dir():
                continue
            name = info.filename.rsplit("/", 1)[-1].lower()
            if name.endswith(".txt") and not name.startswith("."):
                # the shallowest wins when a name appears twice
                old = self.members.get(name)
                if old is None or old.filename.count("/") > info.filename.count("/"):
                    self.members[name] = info

    def has(self, name):
        return name in self.members

    def nested_archives(self) -> List[str]:
        """Names of zip files inside the zip (a feed zipped twice), when it holds no .txt at all."""
        if self.members:
            return []
        return [i.filename for i in self.zf.infolist() if i.filename.lower().endswith(".zip")]

    def size(self, name):
        return self.members[name].file_size

    def open(self, name):
        try:
            return self.zf.open(self.members[name])
        except DAMAGED_MEMBER_ERRORS as exc:
            raise GtfsError("damaged_member", name, reason=_reason(exc)) from exc

    def head(self, name, size=65536) -> bytes:
        """The first ``size`` bytes of a member (to recognise its encoding)."""
        with self.open(name) as raw:
            try:
                return raw.read(size)
            except DAMAGED_MEMBER_ERRORS as exc:
                raise GtfsError("damaged_member", name, reason=_reason(exc)) from exc

    def close(self):
        self.zf.close()


def _header(head: bytes, encoding: str) -> List[str]:
    """The header row of a member from its first bytes."""
    text = head.decode(encoding, errors="strict" if len(head) < 65536 else "ignore")
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.splitlines()[0] if text else ""
    return next(csv.reader(io.StringIO(first)), [])


def _member_encoding(head: bytes) -> str:
    """The Python codec of a member: its byte-order mark or UTF-16 without mark (see ``core.encoding``),
    else UTF-8 (the GTFS rule), with windows-1252 tried when the bytes are not UTF-8."""
    wide = bom_encoding(head) or utf16_without_bom(head)
    if wide:
        return {"UTF-16": "utf-16", "UTF-32": "utf-32", "UTF-8-SIG": "utf-8-sig"}.get(wide, wide.lower())
    return "utf-8-sig"


class _Factorizer:
    """Distinct values of a column read in chunks, in order of appearance, and the code of every row
    (a hash per chunk, no sort: what makes stop_times.txt fast to read and small in memory)."""

    def __init__(self):
        self.uniques = pd.Index([], dtype=object)
        self.codes = []

    def add(self, values: pd.Series) -> None:
        codes, uniques = pd.factorize(values, sort=False)
        pos = self.uniques.get_indexer(uniques)
        new = pos < 0
        if new.any():
            pos[new] = len(self.uniques) + np.arange(int(new.sum()))
            self.uniques = self.uniques.append(pd.Index(np.asarray(uniques, dtype=object)[new], dtype=object))
        self.codes.append(pos[codes].astype(np.int32))

    def result(self) -> pd.Categorical:
        codes = np.concatenate(self.codes) if self.codes else np.zeros(0, dtype=np.int32)
        return pd.Categorical.from_codes(codes, categories=self.uniques)


def read_table(
    zfeed: _Zip,
    name: str,
    columns: Dict[str, bool],
    categorical: bool = False,
    progress: Optional[Progress] = None,
    warnings: Optional[list] = None,
) -> pd.DataFrame:
    """Columns of ``name`` as strings (``columns``: name -> required). Missing optional columns are
    absent from the result; every value is a str ("" when empty), as categories when ``categorical``."""
    progress = progress or NullProgress()
    head = zfeed.head(name)
    encoding = _member_encoding(head)
    try:
        raw_header = _header(head, encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8-sig":
            raise GtfsError("bad_encoding", name, reason=encoding) from None
        encoding = "cp1252"
        raw_header = _header(head, encoding)
        if warnings is not None:
            warnings.append(("not_utf8", {"file": name}))
    stripped = [h.strip().lower() for h in raw_header]
    if not any(stripped):
        raise GtfsError("empty_file", name)
    usecols = []
    rename = {}
    for col, required in columns.items():
        if col in stripped:
            raw = raw_header[stripped.index(col)]
            usecols.append(raw)
            rename[raw] = col
        elif required:
            raise GtfsError("missing_column", name, column=col)
    if encoding not in ("utf-8-sig", "cp1252") and warnings is not None:
        warnings.append(("other_encoding", {"file": name, "encoding": encoding.upper()}))
    if not usecols:
        return pd.DataFrame()

    def _read(enc):
        """The chunks as DataFrames of str, or with ``categorical`` as (codes per column, uniques)."""
        factorizers = {c: _Factorizer() for c in usecols} if categorical else None
        with zfeed.open(name) as raw:
            stream = io.TextIOWrapper(raw, encoding=enc, newline="")
            reader = pd.read_csv(
                stream,
                usecols=usecols,
                dtype=str,
                na_filter=False,
                keep_default_na=False,
                chunksize=CHUNK_ROWS,
                skip_blank_lines=True,
                engine="c",
            )
            estimate = max(1, zfeed.size(name) // 40)  # ~40 bytes a row in stop_times.txt
            chunks = []
            done = 0
            for chunk in reader:
                progress.check()
                if categorical:
                    for c in usecols:
                        factorizers[c].add(chunk[c])
                else:
                    chunks.append(chunk)
                done += len(chunk)
                progress.set(min(0.95, done / estimate))
        if categorical:
            return {c: f.result() for c, f in factorizers.items()}
        return chunks

    try:
        try:
            chunks = _read(encoding)
        except UnicodeDecodeError:
            if encoding != "utf-8-sig":
                raise
            encoding = "cp1252"
            chunks = _read(encoding)
            if warnings is not None and ("not_utf8", {"file": name}) not in warnings:
                warnings.append(("not_utf8", {"file": name}))
    except pd.errors.ParserError as exc:
        match = _PANDAS_LINE_RE.search(str(exc))
        row = None
        if match:  # pandas counts file lines from 1 ("line") or from 0 ("row")
            row = int(match.group(2)) - 1 if match.group(1) == "line" else int(match.group(2))
        raise GtfsError("bad_csv", name, row, reason=str(exc).strip()) from exc
    except UnicodeDecodeError as exc:
        raise GtfsError("bad_encoding", name, reason=str(exc)) from exc
    except DAMAGED_MEMBER_ERRORS as exc:  # the member's data is damaged further on (CRC, deflate stream)
        raise GtfsError("damaged_member", name, reason=_reason(exc)) from exc
    except pd.errors.EmptyDataError:
        chunks = {c: _Factorizer().result() for c in usecols} if categorical else []
    if categorical:
        frame = pd.DataFrame(chunks)
    elif not chunks:
        frame = pd.DataFrame({c: pd.Series([], dtype=object) for c in usecols})
    elif len(chunks) == 1:
        frame = chunks[0]
    else:
        frame = pd.concat(chunks, ignore_index=True)
    frame = frame.rename(columns=rename)
    frame.index = pd.RangeIndex(len(frame))
    progress.set(1.0)
    return frame


# --------------------------------------------------------------------------------------------------
# Value parsing (vectorised, with the row of the first bad value)
# --------------------------------------------------------------------------------------------------


def _factorized(values: pd.Series):
    """(codes, distinct values as a str Series) of a categorical or string Series."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return np.asarray(values.cat.codes), pd.Series(np.asarray(values.cat.categories, dtype=object))
    codes, uniques = pd.factorize(values, sort=False)
    return codes, pd.Series(np.asarray(uniques, dtype=object))


def _first_row(codes: np.ndarray, bad_codes: np.ndarray) -> int:
    hit = np.flatnonzero(np.isin(codes, bad_codes))
    return int(hit[0]) + 1 if len(hit) else None


def parse_time_strings(strings) -> Tuple[np.ndarray, np.ndarray]:
    """Seconds after midnight of "HH:MM:SS" strings (hours may exceed 23, "H:MM:SS" accepted).

    Returns (float seconds with NaN where empty, bool mask of values that are not empty and not a time).
    The common "HH:MM:SS" form is parsed as bytes in numpy; other forms go through a regular expression.
    """
    s = pd.Series(strings, dtype=object).astype(str).str.strip()
    seconds = np.full(len(s), np.nan)
    empty = (s == "").to_numpy()
    done = empty.copy()
    eight = (s.str.len() == 8).to_numpy()
    if eight.any():
        try:
            raw = np.array(s[eight].tolist(), dtype="S8").view(np.uint8).reshape(-1, 8).astype(np.int64) - 48
        except UnicodeEncodeError:
            raw = None
        if raw is not None:
            digits = raw[:, [0, 1, 3, 4, 6, 7]]
            ok = ((digits >= 0) & (digits <= 9)).all(axis=1) & (raw[:, 2] == 10) & (raw[:, 5] == 10)  # ':' = 58
            ok &= (raw[:, 3] <= 5) & (raw[:, 6] <= 5)
            value = (raw[:, 0] * 10 + raw[:, 1]) * 3600 + (raw[:, 3] * 10 + raw[:, 4]) * 60 + raw[:, 6] * 10 + raw[:, 7]
            idx = np.flatnonzero(eight)
            seconds[idx[ok]] = value[ok]
            done[idx[ok]] = True
    rest = ~done
    ok_rest = np.zeros(len(s), dtype=bool)
    if rest.any():
        parts = s[rest].str.extract(_TIME_RE)
        ok = parts[0].notna().to_numpy()
        h = pd.to_numeric(parts[0], errors="coerce").to_numpy(dtype=float)
        m = pd.to_numeric(parts[1], errors="coerce").to_numpy(dtype=float)
        sec = pd.to_numeric(parts[2], errors="coerce").to_numpy(dtype=float)
        idx = np.flatnonzero(rest)
        seconds[idx[ok]] = (h * 3600 + m * 60 + sec)[ok]
        ok_rest[idx[ok]] = True
    bad = rest & ~ok_rest
    return seconds, bad


def parse_time(text: str) -> int:
    """One "HH:MM[:SS]" string in seconds (for parameters); ValueError when it is not a time."""
    value = str(text).strip()
    if re.match(r"^\d{1,3}:[0-5]?\d$", value):
        value += ":00"
    seconds, bad = parse_time_strings([value])
    if bad[0] or np.isnan(seconds[0]):
        raise ValueError(f"not a time: {text!r}")
    return int(seconds[0])


def format_time(seconds) -> str:
    """Seconds as "HH:MM:SS" (hours may exceed 23)."""
    seconds = int(round(float(seconds)))
    return f"{seconds // 3600:02d}:{(seconds % 3600) // 60:02d}:{seconds % 60:02d}"


def _times(values: pd.Series, name: str, column: str, required: bool = False) -> np.ndarray:
    codes, uniques = _factorized(values)
    seconds, bad = parse_time_strings(uniques)
    if bad.any():
        row = _first_row(codes, np.flatnonzero(bad))
        raise GtfsError("bad_time", name, row, column=column, value=str(values.iloc[row - 1]))
    if required and np.isnan(seconds).any():
        row = _first_row(codes, np.flatnonzero(np.isnan(seconds)))
        raise GtfsError("missing_value", name, row, column=column)
    out = seconds[codes] if len(codes) else np.zeros(0)
    return out


def _numbers(values: pd.Series, name: str, column: str, default=None, integer=True) -> np.ndarray:
    """Numbers of a column; empty -> ``default`` (an error when None)."""
    codes, uniques = _factorized(values)
    text = uniques.astype(str).str.strip()
    nums = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
    empty = (text == "").to_numpy()
    bad = np.isnan(nums) & ~empty
    if integer:
        bad |= ~np.isnan(nums) & (nums != np.round(nums))
    if bad.any():
        row = _first_row(codes, np.flatnonzero(bad))
        raise GtfsError("bad_number", name, row, column=column, value=str(values.iloc[row - 1]))
    if empty.any():
        if default is None:
            row = _first_row(codes, np.flatnonzero(empty))
            raise GtfsError("missing_value", name, row, column=column)
        nums[empty] = default
    return nums[codes] if len(codes) else np.zeros(0)


def _dates(values: pd.Series, name: str, column: str) -> np.ndarray:
    codes, uniques = _factorized(values)
    text = uniques.astype(str).str.strip()
    parsed = pd.to_datetime(text, format="%Y%m%d", errors="coerce")
    bad = parsed.isna().to_numpy()
    if bad.any():
        row = _first_row(codes, np.flatnonzero(bad))
        raise GtfsError("bad_date", name, row, column=column, value=str(values.iloc[row - 1]))
    days = parsed.to_numpy().astype("datetime64[D]")
    return days[codes] if len(codes) else np.zeros(0, dtype="datetime64[D]")


def _strip(values: pd.Series) -> pd.Series:
    return values.astype(str).str.strip()


def _unique_ids(ids: pd.Series, name: str, column: str) -> pd.Index:
    index = pd.Index(ids)
    if not index.is_unique:
        dup = index.duplicated()
        row = int(np.flatnonzero(dup)[0]) + 1
        raise GtfsError("duplicate_id", name, row, column=column, value=str(ids.iloc[row - 1]))
    return index


def _reject(bad: np.ndarray, name: str, column: str, values: pd.Series) -> None:
    """Raise ``bad_value`` for the first row where ``bad`` is True."""
    if bad.any():
        row = int(np.flatnonzero(bad)[0]) + 1
        raise GtfsError("bad_value", name, row, column=column, value=str(values.iloc[row - 1]))


def _lookup(index: pd.Index, values: pd.Series, name: str, column: str, code: str) -> np.ndarray:
    """Row indices in ``index`` of ``values`` (categorical or str), or an error naming the first unknown."""
    codes, uniques = _factorized(values)
    uniques = uniques.astype(str).str.strip()
    found = index.get_indexer(uniques)
    if (found < 0).any():
        row = _first_row(codes, np.flatnonzero(found < 0))
        raise GtfsError(code, name, row, column=column, value=str(values.iloc[row - 1]).strip())
    return found[codes] if len(codes) else np.zeros(0, dtype=np.int64)


# --------------------------------------------------------------------------------------------------
# The feed
# --------------------------------------------------------------------------------------------------


def read_feed(path, progress: Progress = None, with_shapes: bool = False) -> Feed:
    """Read the GTFS zip at ``path`` (see the module docstring). ``progress`` reports 0-1 and cancels
    with :class:`~..progress.Canceled`."""
    progress = progress or NullProgress()
    zfeed = _Zip(path)
    try:
        return _read(zfeed, progress, with_shapes)
    finally:
        zfeed.close()


def _read(zfeed: _Zip, progress: Progress, with_shapes: bool) -> Feed:
    warnings: list = []
    nested = zfeed.nested_archives()
    if nested:
        raise GtfsError("nested_zip", Path(zfeed.path).name, inner=", ".join(nested[:3]))
    for name in REQUIRED_FILES:
        if not zfeed.has(name):
            raise GtfsError("missing_file", name)
    if not zfeed.has("calendar.txt") and not zfeed.has("calendar_dates.txt"):
        raise GtfsError("missing_file", "calendar.txt", alternative="calendar_dates.txt")

    # stops ---------------------------------------------------------------------------------------------
    name = "stops.txt"
    raw = read_table(zfeed, name, {"stop_id": True, "stop_name": False, "stop_lat": True, "stop_lon": True,
                                   "location_type": False, "parent_station": False}, warnings=warnings)
    stop_ids = _unique_ids(_strip(raw["stop_id"]), name, "stop_id")
    location = np.zeros(len(raw))
    if "location_type" in raw:
        location = _numbers(raw["location_type"], name, "location_type", default=0)
        _reject((location < 0) | (location > 4), name, "location_type", raw["location_type"])
    lat = _numbers(raw["stop_lat"], name, "stop_lat", default=np.nan, integer=False)
    lon = _numbers(raw["stop_lon"], name, "stop_lon", default=np.nan, integer=False)
    needs_xy = location <= 2  # generic nodes and boarding areas may have no coordinates
    missing = needs_xy & (np.isnan(lat) | np.isnan(lon))
    if missing.any():
        row = int(np.flatnonzero(missing)[0]) + 1
        raise GtfsError("missing_value", name, row, column="stop_lat" if np.isnan(lat[row - 1]) else "stop_lon")
    out_of_range = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    if out_of_range.any():
        row = int(np.flatnonzero(out_of_range)[0]) + 1
        raise GtfsError("bad_coordinates", name, row, lat=lat[row - 1], lon=lon[row - 1])
    parent = np.full(len(raw), -1, dtype=np.int64)
    if "parent_station" in raw:
        parents = _strip(raw["parent_station"])
        has_parent = (parents != "").to_numpy()
        found = stop_ids.get_indexer(parents[has_parent])
        if (found < 0).any():
            first = int(np.flatnonzero(has_parent)[np.flatnonzero(found < 0)[0]]) + 1
            warnings.append(("unknown_parent", {"file": name, "row": first, "count": int((found < 0).sum()),
                                                 "value": parents.iloc[first - 1]}))
        parent[has_parent] = found
    stops = pd.DataFrame({
        "stop_id": np.asarray(stop_ids, dtype=object),
        "stop_name": _strip(raw["stop_name"]).to_numpy() if "stop_name" in raw else "",
        "lat": lat,
        "lon": lon,
        "location_type": location.astype(np.int8),
        "parent": parent,
    })
    progress.set(0.03)
    progress.check()

    # routes ------------------------------------------------------------------------------------------
    name = "routes.txt"
    raw = read_table(zfeed, name, {"route_id": True, "route_short_name": False, "route_long_name": False,
                                   "route_type": True}, warnings=warnings)
    route_ids = _unique_ids(_strip(raw["route_id"]), name, "route_id")
    route_type = _numbers(raw["route_type"], name, "route_type").astype(np.int64)
    short = _strip(raw["route_short_name"]) if "route_short_name" in raw else pd.Series([""] * len(raw))
    long_ = _strip(raw["route_long_name"]) if "route_long_name" in raw else pd.Series([""] * len(raw))
    display = short.where(short != "", long_)
    display = display.where(display != "", pd.Series(np.asarray(route_ids, dtype=object)))
    routes = pd.DataFrame({
        "route_id": np.asarray(route_ids, dtype=object),
        "route_short_name": short.to_numpy(),
        "route_long_name": long_.to_numpy(),
        "route_type": route_type,
        "name": display.to_numpy(),
        "mode": modes_of_route_types(route_type),
    })
    progress.set(0.05)

    # calendar ----------------------------------------------------------------------------------------
    calendar = None
    cal_service = pd.Series([], dtype=object)
    if zfeed.has("calendar.txt"):
        name = "calendar.txt"
        spec = {"service_id": True, **{d: True for d in WEEKDAYS}, "start_date": True, "end_date": True}
        raw = read_table(zfeed, name, spec, warnings=warnings)
        cal_service = _strip(raw["service_id"])
        calendar = pd.DataFrame({d: _numbers(raw[d], name, d) == 1 for d in WEEKDAYS})
        calendar["start"] = _dates(raw["start_date"], name, "start_date")
        calendar["end"] = _dates(raw["end_date"], name, "end_date")
    dates_service = pd.Series([], dtype=object)
    calendar_dates = None
    if zfeed.has("calendar_dates.txt"):
        name = "calendar_dates.txt"
        raw = read_table(zfeed, name, {"service_id": True, "date": True, "exception_type": True},
                         warnings=warnings)
        dates_service = _strip(raw["service_id"])
        exc = _numbers(raw["exception_type"], name, "exception_type")
        _reject((exc != 1) & (exc != 2), name, "exception_type", raw["exception_type"])
        calendar_dates = pd.DataFrame({"date": _dates(raw["date"], name, "date"),
                                       "exception_type": exc.astype(np.int8)})
    progress.set(0.07)

    # trips -------------------------------------------------------------------------------------------
    name = "trips.txt"
    raw = read_table(zfeed, name, {"route_id": True, "service_id": True, "trip_id": True, "direction_id": False,
                                   "shape_id": False}, warnings=warnings)
    trip_ids = _unique_ids(_strip(raw["trip_id"]), name, "trip_id")
    trip_route = _lookup(route_ids, raw["route_id"], name, "route_id", "unknown_route")
    trip_service = _strip(raw["service_id"])
    services = pd.Index(pd.unique(pd.concat([cal_service, dates_service, trip_service], ignore_index=True)))
    direction = (_numbers(raw["direction_id"], name, "direction_id", default=-1)
                 if "direction_id" in raw else np.full(len(raw), -1.0))
    trips = pd.DataFrame({
        "trip_id": np.asarray(trip_ids, dtype=object),
        "route": trip_route.astype(np.int32),
        "service": services.get_indexer(trip_service).astype(np.int32),
        "direction": direction.astype(np.int8),
        "shape_id": _strip(raw["shape_id"]).to_numpy() if "shape_id" in raw else "",
    })
    if calendar is not None:
        calendar.insert(0, "service", services.get_indexer(cal_service).astype(np.int32))
    if calendar_dates is not None:
        calendar_dates.insert(0, "service", services.get_indexer(dates_service).astype(np.int32))
    known = set()
    if calendar is not None:
        known.update(calendar["service"].tolist())
    if calendar_dates is not None:
        known.update(calendar_dates["service"].tolist())
    orphan = ~np.isin(trips["service"].to_numpy(), np.fromiter(known, dtype=np.int64, count=len(known)))
    if orphan.any():
        first = int(np.flatnonzero(orphan)[0]) + 1
        warnings.append(("unknown_service", {"file": name, "row": first, "count": int(orphan.sum()),
                                              "value": trip_service.iloc[first - 1]}))
    progress.set(0.09)
    progress.check()

    # stop_times --------------------------------------------------------------------------------------
    stop_times = _read_stop_times(zfeed, stop_ids, trip_ids, progress.part(0.09, 0.9), warnings)

    # frequencies -------------------------------------------------------------------------------------
    frequencies = None
    if zfeed.has("frequencies.txt"):
        name = "frequencies.txt"
        raw = read_table(zfeed, name, {"trip_id": True, "start_time": True, "end_time": True,
                                       "headway_secs": True, "exact_times": False}, warnings=warnings)
        if len(raw):
            trip = _lookup(trip_ids, raw["trip_id"], name, "trip_id", "unknown_trip")
            start = _times(raw["start_time"], name, "start_time", required=True)
            end = _times(raw["end_time"], name, "end_time", required=True)
            headway = _numbers(raw["headway_secs"], name, "headway_secs")
            exact = (_numbers(raw["exact_times"], name, "exact_times", default=0)
                     if "exact_times" in raw else np.zeros(len(raw)))
            _reject(headway <= 0, name, "headway_secs", raw["headway_secs"])
            bad = end <= start
            if bad.any():
                row = int(np.flatnonzero(bad)[0]) + 1
                raise GtfsError("bad_period", name, row, start=format_time(start[row - 1]),
                                end=format_time(end[row - 1]))
            if "exact_times" in raw:
                _reject((exact != 0) & (exact != 1), name, "exact_times", raw["exact_times"])
            frequencies = pd.DataFrame({
                "trip": trip.astype(np.int32),
                "start": start.astype(np.int64),
                "end": end.astype(np.int64),
                "headway": headway.astype(np.int64),
                "exact_times": exact.astype(np.int8),
            })
    progress.set(0.93)

    # shapes, feed_info -------------------------------------------------------------------------------
    shapes = None
    if with_shapes and zfeed.has("shapes.txt"):
        name = "shapes.txt"
        raw = read_table(zfeed, name, {"shape_id": True, "shape_pt_lat": True, "shape_pt_lon": True,
                                       "shape_pt_sequence": True}, categorical=True, warnings=warnings)
        shapes = pd.DataFrame({
            "shape_id": _strip(raw["shape_id"]).to_numpy(),
            "lat": _numbers(raw["shape_pt_lat"], name, "shape_pt_lat", integer=False),
            "lon": _numbers(raw["shape_pt_lon"], name, "shape_pt_lon", integer=False),
            "sequence": _numbers(raw["shape_pt_sequence"], name, "shape_pt_sequence"),
        }).sort_values(["shape_id", "sequence"], kind="mergesort").reset_index(drop=True)
    feed_start = feed_end = None
    if zfeed.has("feed_info.txt"):
        try:
            raw = read_table(zfeed, "feed_info.txt", {"feed_start_date": False, "feed_end_date": False})
        except GtfsError:
            raw = pd.DataFrame()
        for col in ("feed_start_date", "feed_end_date"):
            if col in raw and len(raw) and str(raw[col].iloc[0]).strip():
                try:
                    value = _dates(raw[col].iloc[:1], "feed_info.txt", col)[0]
                except GtfsError:
                    continue
                if col == "feed_start_date":
                    feed_start = value
                else:
                    feed_end = value
    progress.set(1.0)
    return Feed(
        path=zfeed.path, stops=stops, routes=routes, trips=trips, stop_times=stop_times, services=services,
        calendar=calendar, calendar_dates=calendar_dates, frequencies=frequencies, shapes=shapes,
        feed_start=feed_start, feed_end=feed_end, warnings=warnings,
    )


def _read_stop_times(zfeed: _Zip, stop_ids: pd.Index, trip_ids: pd.Index, progress: Progress, warnings) -> StopTimes:
    name = "stop_times.txt"
    spec = {"trip_id": True, "stop_id": True, "stop_sequence": True, "arrival_time": False,
            "departure_time": False, "pickup_type": False}
    raw = read_table(zfeed, name, spec, categorical=True, progress=progress.part(0.0, 0.7), warnings=warnings)
    if "arrival_time" not in raw and "departure_time" not in raw:
        raise GtfsError("missing_column", name, column="departure_time")
    n = len(raw)
    trip = _lookup(trip_ids, raw["trip_id"], name, "trip_id", "unknown_trip").astype(np.int32)
    stop = _lookup(stop_ids, raw["stop_id"], name, "stop_id", "unknown_stop").astype(np.int32)
    progress.set(0.75)
    progress.check()
    seq = _numbers(raw["stop_sequence"], name, "stop_sequence")
    dep = _times(raw["departure_time"], name, "departure_time") if "departure_time" in raw else np.full(n, np.nan)
    if "arrival_time" in raw:
        arr = _times(raw["arrival_time"], name, "arrival_time")
        time = np.where(np.isnan(dep), arr, dep)
    else:
        time = dep
    pickup = (_numbers(raw["pickup_type"], name, "pickup_type", default=0)
              if "pickup_type" in raw else np.zeros(n))
    del raw
    progress.set(0.85)
    progress.check()

    order = np.lexsort((seq, trip))
    trip = trip[order]
    stop = stop[order]
    time = time[order]
    pickup = pickup[order]
    n_trips = len(trip_ids)
    trip_start = np.searchsorted(trip, np.arange(n_trips + 1)).astype(np.int64)
    first = np.zeros(n, dtype=bool)
    last = np.zeros(n, dtype=bool)
    if n:
        change = np.flatnonzero(trip[1:] != trip[:-1]) + 1
        first[0] = True
        first[change] = True
        last[-1] = True
        last[change - 1] = True

    # times: the ends of every trip must be timed; interpolate the others linearly by row
    missing = np.isnan(time)
    if missing.any():
        bad = missing & (first | last)
        if bad.any():
            row = int(order[np.flatnonzero(bad)[0]]) + 1
            raise GtfsError("missing_time", name, row, trip_id=str(trip_ids[trip[np.flatnonzero(bad)[0]]]))
        pos = np.arange(n)
        known = ~missing
        prev_idx = np.maximum.accumulate(np.where(known, pos, 0))
        next_idx = np.minimum.accumulate(np.where(known, pos, n - 1)[::-1])[::-1]
        span = np.maximum(next_idx - prev_idx, 1)
        frac = (pos - prev_idx) / span
        time = np.where(missing, time[prev_idx] + (time[next_idx] - time[prev_idx]) * frac, time)
        warnings.append(("interpolated_times", {"file": name, "count": int(missing.sum())}))

    boarding = ~last & (pickup != 1)
    if n > 1:
        same_stop_next = np.zeros(n, dtype=bool)
        same_stop_next[:-1] = (stop[1:] == stop[:-1]) & (trip[1:] == trip[:-1])
        boarding &= ~same_stop_next
    progress.set(1.0)
    return StopTimes(
        trip=trip,
        stop=stop,
        time=np.round(time).astype(np.int32),
        boarding=boarding,
        trip_start=trip_start,
    )
