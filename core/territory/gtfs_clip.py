"""A GTFS feed cut down to the trips that serve an area, still a valid GTFS feed; several feeds merged.

What is kept, and why:
- the trips that call at one stop or more inside the area (a stop, platform or boarding area whose
  ``stop_lat`` / ``stop_lon`` lies inside), and none other;
- of each kept trip, its stop times from the last *timed* stop before it enters the area to the first
  timed stop after it leaves. So the kept stops are those inside plus, on each side, the stops up to the
  nearest timepoint: a trip's first and last stop times keep their times (GTFS requires them), the times
  interpolated between timepoints are the same as in the full feed, and the last stop inside is still a
  departure (a trip's last stop is an arrival only). Departures at every stop inside the area are those
  of the full feed;
- the stops those stop times use and their parent stations (and levels), and every row of the other
  files that refers only to what is kept: trips, routes, agencies, services (calendar, calendar_dates),
  frequencies, shapes, transfers, pathways, fare rules and attributes. Other files are copied as they are.
- several feeds are merged into one: every id gets the prefix ``f<k>_`` (k = 1, 2…) so that two networks
  never share a stop or trip id; ``feed_info.txt`` (one feed only) is left out of a merge.

Reading never loads a whole ``stop_times.txt``: a first pass reads two columns in chunks to find the
trips, a second keeps only their rows. Text is read as UTF-8 (with or without BOM) or windows-1252 and
written in UTF-8.

Pure Python: pandas, numpy, the standard library.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import numpy as np
import pandas as pd

from ..progress import NullProgress, Progress

CHUNK_ROWS = 500_000

#: Id columns of each file, and the id family each belongs to (for prefixing in a merge).
ID_COLUMNS = {
    "agency.txt": {"agency_id": "agency"},
    "stops.txt": {"stop_id": "stop", "parent_station": "stop", "zone_id": "zone", "level_id": "level"},
    "routes.txt": {"route_id": "route", "agency_id": "agency"},
    "trips.txt": {"trip_id": "trip", "route_id": "route", "service_id": "service", "shape_id": "shape",
                  "block_id": "block"},
    "stop_times.txt": {"trip_id": "trip", "stop_id": "stop"},
    "calendar.txt": {"service_id": "service"},
    "calendar_dates.txt": {"service_id": "service"},
    "frequencies.txt": {"trip_id": "trip"},
    "shapes.txt": {"shape_id": "shape"},
    "transfers.txt": {"from_stop_id": "stop", "to_stop_id": "stop", "from_route_id": "route",
                      "to_route_id": "route", "from_trip_id": "trip", "to_trip_id": "trip"},
    "pathways.txt": {"pathway_id": "pathway", "from_stop_id": "stop", "to_stop_id": "stop"},
    "levels.txt": {"level_id": "level"},
    "fare_attributes.txt": {"fare_id": "fare", "agency_id": "agency"},
    "fare_rules.txt": {"fare_id": "fare", "route_id": "route", "origin_id": "zone", "destination_id": "zone",
                       "contains_id": "zone"},
}
REQUIRED = ("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt")


class GtfsClipError(Exception):
    """A feed that cannot be cut: ``code`` (not_a_zip, missing_file, missing_column, bad_value), ``feed``
    (its file name), ``params``."""

    def __init__(self, code: str, feed: str, **params):
        super().__init__(code, feed, params)
        self.code = code
        self.feed = feed
        self.params = params


@dataclass
class FeedReport:
    name: str
    stops: int = 0
    stops_inside: int = 0
    stops_kept: int = 0
    trips: int = 0
    trips_kept: int = 0
    stop_times: int = 0
    stop_times_kept: int = 0
    routes_kept: int = 0


@dataclass
class ClipReport:
    feeds: List[FeedReport] = field(default_factory=list)
    merged: bool = False

    @property
    def trips_kept(self) -> int:
        return sum(f.trips_kept for f in self.feeds)

    @property
    def stops_kept(self) -> int:
        return sum(f.stops_kept for f in self.feeds)


class _Members:
    """Members of a GTFS zip by base name (feeds are sometimes zipped inside a folder)."""

    def __init__(self, path: str, name: str):
        try:
            self.zf = zipfile.ZipFile(path)
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise GtfsClipError("not_a_zip", name, reason=str(exc)) from exc
        self.name = name
        self.members: Dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            base = info.filename.rsplit("/", 1)[-1].lower()
            if info.is_dir() or not base.endswith(".txt") or base.startswith("."):
                continue
            old = self.members.get(base)
            if old is None or old.filename.count("/") > info.filename.count("/"):
                self.members[base] = info
        missing = [m for m in REQUIRED if m not in self.members]
        if missing:
            raise GtfsClipError("missing_file", name, file=missing[0])

    def encoding(self, member: str) -> str:
        with self.zf.open(self.members[member]) as fh:
            head = fh.read(1 << 20)
        try:
            head.decode("utf-8")
            return "utf-8-sig"
        except UnicodeDecodeError as exc:
            return "utf-8-sig" if exc.start >= len(head) - 3 else "cp1252"

    def read(self, member: str, usecols=None, chunksize=None):
        """All columns as str ('' when empty), names stripped and lower-cased."""
        encoding = self.encoding(member)
        raw = self.zf.open(self.members[member])
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        header_line = text.readline()
        header = [h.strip().lower() for h in next(csv.reader([header_line]), [])]
        if usecols is not None:
            for col in usecols:
                if col not in header:
                    raise GtfsClipError("missing_column", self.name, file=member, column=col)
        options = {"header": None, "names": header, "dtype": str, "keep_default_na": False, "na_filter": False,
                   "usecols": usecols, "skipinitialspace": True, "chunksize": chunksize, "engine": "c"}
        try:
            return pd.read_csv(text, **options)
        except (ValueError, pd.errors.ParserError) as exc:
            raise GtfsClipError("bad_value", self.name, file=member, reason=str(exc).splitlines()[0]) from exc

    def has(self, member: str) -> bool:
        return member in self.members

    def close(self):
        self.zf.close()


def _inside_stops(stops: pd.DataFrame, inside: Callable, name: str) -> np.ndarray:
    for col in ("stop_lat", "stop_lon"):
        if col not in stops.columns:
            raise GtfsClipError("missing_column", name, file="stops.txt", column=col)
    lat = pd.to_numeric(stops["stop_lat"].str.strip(), errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(stops["stop_lon"].str.strip(), errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    out = np.zeros(len(stops), dtype=bool)
    if ok.any():
        out[ok] = np.asarray(inside(lon[ok], lat[ok]), dtype=bool)
    return out


def _kept_spans(rows: pd.DataFrame, inside_ids: set, name: str) -> np.ndarray:
    """Mask of the stop times to keep: per trip, from the last timed row before its first row inside to
    the first timed row after its last row inside (see the module docstring)."""
    try:
        seq = rows["stop_sequence"].str.strip().astype(np.int64).to_numpy()
    except ValueError as exc:
        raise GtfsClipError("bad_value", name, file="stop_times.txt", reason=str(exc).splitlines()[0]) from exc
    order = np.lexsort((seq, rows["trip_id"].to_numpy()))
    trip = rows["trip_id"].to_numpy()[order]
    arr = rows["arrival_time"].str.strip().to_numpy()[order] if "arrival_time" in rows else np.full(len(rows), "")
    dep = rows["departure_time"].str.strip().to_numpy()[order] if "departure_time" in rows else np.full(len(rows), "")
    timed = (arr != "") | (dep != "")
    inside = rows["stop_id"].str.strip().isin(inside_ids).to_numpy()[order]
    n = len(trip)
    starts = np.flatnonzero(np.r_[True, trip[1:] != trip[:-1]]) if n else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], n]
    keep_sorted = np.zeros(n, dtype=bool)
    for a, b in zip(starts.tolist(), ends.tolist()):
        positions = np.flatnonzero(inside[a:b])
        if not len(positions):
            continue
        lo_in, hi_in = a + int(positions[0]), a + int(positions[-1])
        before = np.flatnonzero(timed[a:lo_in])
        lo = a + int(before[-1]) if len(before) else a
        after = np.flatnonzero(timed[hi_in + 1:b])
        hi = hi_in + 1 + int(after[0]) if len(after) else b - 1
        keep_sorted[lo:hi + 1] = True
    keep = np.zeros(n, dtype=bool)
    keep[order] = keep_sorted
    return keep


def _with_parents(stop_ids: set, stops: pd.DataFrame) -> set:
    if "parent_station" not in stops.columns:
        return set(stop_ids)
    parent = dict(zip(stops["stop_id"].str.strip(), stops["parent_station"].str.strip()))
    out = set(stop_ids)
    frontier = set(stop_ids)
    for _level in range(4):  # boarding area -> platform -> station: a few levels at most
        nxt = {parent.get(s, "") for s in frontier} - {""} - out
        if not nxt:
            break
        out |= nxt
        frontier = nxt
    return out


def _filter(df: pd.DataFrame, column: str, allowed: set, keep_empty: bool = False) -> pd.DataFrame:
    if column not in df.columns:
        return df
    values = df[column].str.strip()
    mask = values.isin(allowed)
    if keep_empty:
        mask |= values == ""
    return df[mask]


def clip_feed(path: str, name: str, inside: Callable, progress: Progress = None):
    """(tables {member: DataFrame}, FeedReport) of one feed cut to the trips serving the area.

    ``inside(lon, lat)`` -> bool array: whether points (WGS 84) lie in the area."""
    progress = progress or NullProgress()
    members = _Members(path, name)
    report = FeedReport(name)
    try:
        stops = members.read("stops.txt")
        if "stop_id" not in stops.columns:
            raise GtfsClipError("missing_column", name, file="stops.txt", column="stop_id")
        report.stops = len(stops)
        inside_mask = _inside_stops(stops, inside, name)
        inside_ids = set(stops["stop_id"].str.strip()[inside_mask])
        report.stops_inside = len(inside_ids)
        # pass 1: the trips calling inside
        trips_in = set()
        total_rows = 0
        for chunk in members.read("stop_times.txt", usecols=["trip_id", "stop_id"], chunksize=CHUNK_ROWS):
            progress.check()
            total_rows += len(chunk)
            hit = chunk["stop_id"].str.strip().isin(inside_ids)
            trips_in.update(chunk["trip_id"].str.strip()[hit].unique().tolist())
        progress.set(0.4)
        report.stop_times = total_rows
        # pass 2: their rows
        parts = []
        for chunk in members.read("stop_times.txt", chunksize=CHUNK_ROWS):
            progress.check()
            parts.append(chunk[chunk["trip_id"].str.strip().isin(trips_in)])
        progress.set(0.8)
        columns = list(parts[0].columns) if parts else []
        stop_times = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
        if "stop_sequence" not in stop_times.columns:
            raise GtfsClipError("missing_column", name, file="stop_times.txt", column="stop_sequence")
        stop_times = stop_times[_kept_spans(stop_times, inside_ids, name)] if len(stop_times) else stop_times
        report.stop_times_kept = len(stop_times)
        kept_trips = set(stop_times["trip_id"].str.strip()) if len(stop_times) else set()
        kept_stops = _with_parents(set(stop_times["stop_id"].str.strip()) if len(stop_times) else set(), stops)

        tables = {"stop_times.txt": stop_times}
        trips = members.read("trips.txt")
        report.trips = len(trips)
        trips = _filter(trips, "trip_id", kept_trips)
        report.trips_kept = len(trips)
        tables["trips.txt"] = trips
        routes = _filter(members.read("routes.txt"), "route_id", set(trips.get("route_id", pd.Series(dtype=str))
                                                                     .str.strip()))
        report.routes_kept = len(routes)
        tables["routes.txt"] = routes
        agency = members.read("agency.txt")
        with_ids = "agency_id" in routes.columns and "agency_id" in agency.columns
        if with_ids and (routes["agency_id"].str.strip() != "").all():
            agency = _filter(agency, "agency_id", set(routes["agency_id"].str.strip()))
        tables["agency.txt"] = agency
        stops = _filter(stops, "stop_id", kept_stops)
        report.stops_kept = len(stops)
        tables["stops.txt"] = stops
        services = set(trips["service_id"].str.strip()) if "service_id" in trips.columns else set()
        shapes = set(trips["shape_id"].str.strip()) - {""} if "shape_id" in trips.columns else set()
        levels = set(stops["level_id"].str.strip()) - {""} if "level_id" in stops.columns else set()
        for member, column, allowed in (("calendar.txt", "service_id", services),
                                        ("calendar_dates.txt", "service_id", services),
                                        ("frequencies.txt", "trip_id", kept_trips),
                                        ("shapes.txt", "shape_id", shapes),
                                        ("levels.txt", "level_id", levels)):
            if members.has(member):
                tables[member] = _filter(members.read(member), column, allowed)
        for member in ("transfers.txt", "pathways.txt"):
            if members.has(member):
                table = members.read(member)
                table = _filter(_filter(table, "from_stop_id", kept_stops), "to_stop_id", kept_stops)
                for col in ("from_trip_id", "to_trip_id"):
                    table = _filter(table, col, kept_trips, keep_empty=True)
                tables[member] = table
        if members.has("fare_rules.txt"):
            rules = _filter(members.read("fare_rules.txt"), "route_id", set(routes["route_id"].str.strip()),
                            keep_empty=True)
            tables["fare_rules.txt"] = rules
            if members.has("fare_attributes.txt"):
                tables["fare_attributes.txt"] = _filter(members.read("fare_attributes.txt"), "fare_id",
                                                        set(rules.get("fare_id", pd.Series(dtype=str)).str.strip()))
        for member in members.members:
            if member not in tables:
                tables[member] = members.read(member)
        progress.set(1.0)
        return tables, report
    finally:
        members.close()


def _prefixed(tables: Dict[str, pd.DataFrame], prefix: str) -> Dict[str, pd.DataFrame]:
    out = {}
    for member, df in tables.items():
        df = df.copy()
        for column in ID_COLUMNS.get(member, {}):
            if column in df.columns:
                values = df[column].str.strip()
                df[column] = np.where(values != "", prefix + values, "")
        out[member] = df
    agency = out.get("agency.txt")
    no_id = agency is not None and ("agency_id" not in agency.columns or (agency["agency_id"] == "").any())
    if no_id and len(agency) == 1:
        # one agency without id: give it one, and to the routes that leave it empty
        agency["agency_id"] = prefix + "agency"
        routes = out["routes.txt"]
        if "agency_id" not in routes.columns:
            routes["agency_id"] = prefix + "agency"
        else:
            routes.loc[routes["agency_id"] == "", "agency_id"] = prefix + "agency"
    return out


def _write(tables: Dict[str, pd.DataFrame], out_path: str) -> None:
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for member in sorted(tables):
            buffer = io.StringIO()
            tables[member].to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            zf.writestr(member, buffer.getvalue().encode("utf-8"))


def clip_feeds(paths: List[str], inside: Callable, out_path: str, names: Optional[List[str]] = None,
               progress: Progress = None) -> ClipReport:
    """Cut each feed to the area and write them as one feed to ``out_path`` (ids prefixed when several)."""
    progress = progress or NullProgress()
    names = names or [str(p).rsplit("/", 1)[-1] for p in paths]
    report = ClipReport(merged=len(paths) > 1)
    merged: Dict[str, list] = {}
    for k, (path, name) in enumerate(zip(paths, names)):
        tables, feed_report = clip_feed(path, name, inside, progress.part(k / len(paths), (k + 1) / len(paths)))
        report.feeds.append(feed_report)
        if len(paths) > 1:
            tables = _prefixed(tables, f"f{k + 1}_")
            tables.pop("feed_info.txt", None)
        for member, df in tables.items():
            merged.setdefault(member, []).append(df)
    out = {member: pd.concat(parts, ignore_index=True).fillna("") for member, parts in merged.items()}
    _write(out, out_path)
    return report
