"""Departures in a time window, per stop and per route.

The rules, in the order they are applied:

1. **Service day.** GTFS times count from "noon minus 12 h" of the service day and may exceed 24:00. A
   window on date D therefore also sees the trips of D-1 whose times run past 24:00 (shifted by -24 h:
   "25:10:00" on D-1 is 01:10 on D) and, when the window ends after 24:00, the trips of D+1.
2. **Active trips.** A trip counts on a day when its service runs that day (see ``calendar``).
3. **frequencies.txt.** A trip listed there is a template: its stop_times give only the offsets from its
   first stop, and it runs every ``headway_secs`` from ``start_time`` while the start is before
   ``end_time`` (the GTFS reference's example: every 30 min from 08:00 to 10:00 runs at 08:00, 08:30,
   09:00 and 09:30). ``exact_times`` 1 (schedule-based) and 0 or empty (frequency-based) are expanded
   the same way: the count of departures is the same, only the promise of punctuality differs. The
   template's own times are never counted as an extra trip.
4. **Departures.** A stop time is a departure when passengers can board: not at the trip's last stop
   (an arrival), not where pickup_type is 1, and only once when a trip lists the same stop on two
   consecutive rows (arrival and departure rows). Loop routes that call twice at a stop count twice.
5. **Window.** A departure at time t counts when ``start <= t < end`` (adjacent windows never count a
   departure twice).
6. **Locations.** Events are counted at the stop stop_times names (a platform, location_type 0). With
   station grouping, a platform with a parent station (location_type 1) counts at the station; a
   boarding area (4) counts at its platform (or its station). Stations without platforms, entrances
   (2) and generic nodes (3) are never output locations; stop_times rows pointing to entrances or nodes
   (invalid GTFS) are dropped with a warning.

Per location: departures, departures per hour, mean headway (the window's length divided by the number
of departures: the headway of a regular service with the same count), number of distinct routes, their
names and modes. Per location and route: departures per hour in the busier direction (direction_id),
the frequency PTAL uses.

Pure Python: numpy, pandas; no Qt, no QGIS.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..arrays import repeat_ranks
from ..progress import NullProgress, Progress
from .calendar import active_trips
from .feed import Feed
from .modes import mode_rank, oev_group

DAY = 86400
#: Expanded frequency rows processed at a time (bounds memory on large frequency-based feeds).
EXPAND_CHUNK = 4_000_000


@dataclass(frozen=True)
class Window:
    """A time window of the service day, in seconds after midnight (``end`` may exceed 24:00)."""

    start: int
    end: int

    @property
    def seconds(self) -> int:
        return max(0, int(self.end) - int(self.start))

    @property
    def hours(self) -> float:
        return self.seconds / 3600.0

    @property
    def minutes(self) -> float:
        return self.seconds / 60.0


@dataclass
class Events:
    """Departures in a window: one entry per vehicle leaving a stop.

    ``stop`` (stops row), ``trip`` (trips row), ``instance`` (a distinct vehicle journey: a trip on one
    service day, or one run of a frequency template), ``time`` (seconds after midnight of the analysed
    date), ``route`` (routes row), ``direction`` (0, 1 or -1 when the feed has no direction_id).
    """

    stop: np.ndarray
    trip: np.ndarray
    instance: np.ndarray
    time: np.ndarray
    route: np.ndarray
    direction: np.ndarray
    window: Window
    date: dt.date

    def __len__(self):
        return len(self.stop)

    def within(self, window: Window) -> Events:
        """The events of a narrower window."""
        keep = (self.time >= window.start) & (self.time < window.end)
        return Events(self.stop[keep], self.trip[keep], self.instance[keep], self.time[keep],
                      self.route[keep], self.direction[keep], window, self.date)


def _empty_events(window, date):
    z32 = np.zeros(0, dtype=np.int32)
    return Events(z32, z32, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), z32,
                  np.zeros(0, dtype=np.int8), window, date)


def departures(
    feed: Feed,
    date: dt.date,
    window: Window,
    previous_day: bool = True,
    boarding_only: bool = True,
    progress: Optional[Progress] = None,
) -> Events:
    """Every departure of ``date`` in ``window`` (rules 1-5 of the module docstring).

    ``previous_day=False`` ignores the trips of D-1 (and D+1) and ``boarding_only=False`` counts every
    stop time (arrivals at the last stop, no-pickup rows): both only to compare with tools that do so.
    """
    progress = progress or NullProgress()
    st = feed.stop_times
    n_trips = len(feed.trips)
    freq = feed.frequencies
    is_freq = np.zeros(n_trips, dtype=bool)
    if freq is not None and len(freq):
        is_freq[freq["trip"].to_numpy()] = True
    offsets = [0]
    if previous_day:
        offsets = [-1, 0] + ([1] if window.end > DAY else [])
    trip_route = feed.trips["route"].to_numpy()
    trip_dir = feed.trips["direction"].to_numpy()
    st_time = st.time.astype(np.int64)
    base_rows = st.boarding if boarding_only else np.ones(len(st), dtype=bool)

    parts = []
    freq_instance_base = 3 * n_trips
    for step, k in enumerate(offsets):
        progress.check()
        day = date + dt.timedelta(days=k)
        active = active_trips(feed, day)
        shift = k * DAY
        # scheduled trips
        sched = active & ~is_freq
        if sched.any():
            t = st_time + shift
            keep = base_rows & sched[st.trip] & (t >= window.start) & (t < window.end)
            rows = np.flatnonzero(keep)
            if len(rows):
                trips = st.trip[rows]
                parts.append((st.stop[rows], trips, (k + 1) * n_trips + trips.astype(np.int64), t[rows]))
        progress.set((step + 0.5) / len(offsets))
        # frequency-based trips
        if freq is not None and len(freq):
            f_active = active[freq["trip"].to_numpy()]
            if f_active.any():
                got, freq_instance_base = _expand_frequencies(
                    feed, freq[f_active], shift, window, base_rows, st_time, freq_instance_base, progress)
                parts.extend(got)
        progress.set((step + 1.0) / len(offsets))

    if not parts:
        return _empty_events(window, date)
    stop = np.concatenate([p[0] for p in parts]).astype(np.int32)
    trip = np.concatenate([p[1] for p in parts]).astype(np.int32)
    instance = np.concatenate([p[2] for p in parts]).astype(np.int64)
    time = np.concatenate([p[3] for p in parts]).astype(np.int64)
    return Events(stop, trip, instance, time, trip_route[trip].astype(np.int32),
                  trip_dir[trip].astype(np.int8), window, date)


def _expand_frequencies(feed, freq, shift, window, base_rows, st_time, instance_base, progress):
    """Runs of frequency templates that can have a departure in ``window`` (rule 3)."""
    st = feed.stop_times
    trip = freq["trip"].to_numpy().astype(np.int64)
    start = freq["start"].to_numpy().astype(np.int64)
    end = freq["end"].to_numpy().astype(np.int64)
    headway = freq["headway"].to_numpy().astype(np.int64)
    row0 = st.trip_start[trip]
    row1 = st.trip_start[trip + 1]
    has_rows = row1 > row0
    if not has_rows.any():  # templates without stop times (stop_times.txt may hold no row at all)
        return [], instance_base
    first_time = np.where(has_rows, st_time[np.minimum(row0, len(st_time) - 1)], 0)
    last_time = np.where(has_rows, st_time[np.clip(row1 - 1, 0, len(st_time) - 1)], 0)
    duration = np.maximum(last_time - first_time, 0)
    n_runs = (end - start + headway - 1) // headway
    # runs whose departures can fall in the window: start + j*h + shift + [0, duration] meets [ws, we)
    lo = np.clip(-((window.start - shift - duration - start) // -headway), 0, None)  # ceil(...)
    hi = np.minimum(n_runs, -((window.end - shift - start) // -headway))
    hi = np.where(has_rows, hi, 0)
    count = np.clip(hi - lo, 0, None)
    total_runs = int(count.sum())
    parts = []
    if total_runs == 0:
        return parts, instance_base
    which, rank = repeat_ranks(count)
    j = rank + lo[which]
    run_start = start[which] + j * headway[which] + shift
    run_id = instance_base + np.arange(total_runs, dtype=np.int64)
    run_trip = trip[which]
    n_rows = (row1 - row0)[which]
    # expand runs x template rows, in chunks of about EXPAND_CHUNK rows
    ends = np.cumsum(n_rows)
    begin = 0
    while begin < total_runs:
        progress.check()
        limit = (ends[begin - 1] if begin else 0) + EXPAND_CHUNK
        stop_at = int(np.searchsorted(ends, limit, side="right"))
        stop_at = max(stop_at, begin + 1)
        sl = slice(begin, stop_at)
        rows_per = n_rows[sl]
        runs, within = repeat_ranks(rows_per)
        runs = runs + begin
        rows = row0[which[runs]] + within
        t = run_start[runs] + (st_time[rows] - first_time[which[runs]])
        keep = base_rows[rows] & (t >= window.start) & (t < window.end)
        if keep.any():
            parts.append((st.stop[rows[keep]], run_trip[runs[keep]], run_id[runs[keep]], t[keep]))
        begin = stop_at
    return parts, instance_base + total_runs


# --------------------------------------------------------------------------------------------------
# Locations (rule 6)
# --------------------------------------------------------------------------------------------------


def location_of_stop(feed: Feed, group_stations: bool = True) -> np.ndarray:
    """For each stops row, the row of the location its departures count at (-1: never a location)."""
    stops = feed.stops
    ltype = stops["location_type"].to_numpy()
    parent = stops["parent"].to_numpy()
    n = len(stops)
    loc = np.arange(n, dtype=np.int64)
    loc[(ltype == 2) | (ltype == 3)] = -1
    # boarding areas count at their platform
    area = ltype == 4
    if area.any():
        p = parent[area]
        ok = (p >= 0)
        ok[ok] = ltype[p[ok]] == 0
        target = np.full(area.sum(), -1, dtype=np.int64)
        target[ok] = p[ok]
        loc[area] = target
    if group_stations:
        valid = loc >= 0
        platform = np.where(valid, loc, 0)
        p = parent[platform]
        to_station = valid & (ltype[platform] == 0) & (p >= 0)
        to_station[to_station] = ltype[p[to_station]] == 1
        loc = np.where(to_station, p, loc)
    return loc


def output_locations(feed: Feed, loc_of_stop: np.ndarray) -> np.ndarray:
    """Rows of stops listed in the output: the locations of every platform, and of every stop that
    stop_times uses (a station that has no platform and no departure is not listed)."""
    ltype = feed.stops["location_type"].to_numpy()
    used = np.zeros(len(ltype), dtype=bool)
    used[np.unique(feed.stop_times.stop)] = True
    candidates = loc_of_stop[(ltype == 0) | used]
    return np.unique(candidates[candidates >= 0])


def _natural_key(text):
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", str(text))]


def stop_summary(feed: Feed, events: Events, group_stations: bool = True) -> pd.DataFrame:
    """One row per output location (rule 6): stop_id, stop_name, lat, lon, departures,
    departures_per_hour, mean_headway_min (NaN without departures), routes, route_names, modes."""
    loc_of_stop = location_of_stop(feed, group_stations)
    locations = output_locations(feed, loc_of_stop)
    stops = feed.stops
    out = pd.DataFrame({
        "stop_id": stops["stop_id"].to_numpy()[locations],
        "stop_name": stops["stop_name"].to_numpy()[locations],
        "lat": stops["lat"].to_numpy()[locations],
        "lon": stops["lon"].to_numpy()[locations],
        "location_type": stops["location_type"].to_numpy()[locations],
    }, index=pd.Index(locations, name="loc"))
    # stations without coordinates of their own: the mean of their platforms
    missing = out["lat"].isna() | out["lon"].isna()
    if missing.any():
        plat = pd.DataFrame({"loc": loc_of_stop, "lat": stops["lat"], "lon": stops["lon"]})
        means = plat[plat["loc"] >= 0].groupby("loc")[["lat", "lon"]].mean()
        for col in ("lat", "lon"):
            out.loc[missing, col] = means[col].reindex(out.index[missing]).to_numpy()

    ev_loc = loc_of_stop[events.stop] if len(events) else np.zeros(0, dtype=np.int64)
    keep = ev_loc >= 0
    counts = np.bincount(ev_loc[keep], minlength=len(stops))
    deps = counts[locations]
    hours = events.window.hours
    out["departures"] = deps.astype(np.int64)
    out["departures_per_hour"] = deps / hours if hours > 0 else np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        headway = np.where(deps > 0, events.window.minutes / np.maximum(deps, 1), np.nan)
    out["mean_headway_min"] = headway

    pairs = pd.DataFrame({"loc": ev_loc[keep], "route": events.route[keep]}).drop_duplicates()
    routes = feed.routes
    pairs["name"] = routes["name"].to_numpy()[pairs["route"].to_numpy()]
    pairs["mode"] = routes["mode"].to_numpy()[pairs["route"].to_numpy()]
    out["routes"] = pairs.groupby("loc")["route"].nunique().reindex(out.index).fillna(0).astype(np.int64)
    names = pairs.groupby("loc")["name"].agg(lambda s: ", ".join(sorted(set(s), key=_natural_key)))
    modes = pairs.groupby("loc")["mode"].agg(lambda s: ", ".join(sorted(set(s), key=mode_rank)))
    out["route_names"] = names.reindex(out.index).fillna("").to_numpy()
    out["modes"] = modes.reindex(out.index).fillna("").to_numpy()
    return out


def route_frequencies(feed: Feed, events: Events, group_stations: bool = True) -> pd.DataFrame:
    """Departures per hour of each route at each location, in the route's busier direction.

    Columns: loc, route, mode, per_hour. Directions come from trips.txt's direction_id; a route without
    direction_id counts all its departures as one direction.
    """
    loc_of_stop = location_of_stop(feed, group_stations)
    if not len(events):
        return pd.DataFrame({"loc": [], "route": [], "mode": [], "per_hour": []})
    ev_loc = loc_of_stop[events.stop]
    keep = ev_loc >= 0
    frame = pd.DataFrame({"loc": ev_loc[keep], "route": events.route[keep], "direction": events.direction[keep]})
    per_dir = frame.groupby(["loc", "route", "direction"]).size()
    best = per_dir.groupby(level=[0, 1]).max().reset_index(name="departures")
    hours = events.window.hours
    best["per_hour"] = best["departures"] / hours if hours > 0 else 0.0
    best["mode"] = feed.routes["mode"].to_numpy()[best["route"].to_numpy()]
    return best[["loc", "route", "mode", "departures", "per_hour"]]


def stop_intervals(feed: Feed, events: Events, group_stations: bool = True) -> pd.DataFrame:
    """Per location, the ÖV-Güteklassen inputs: departures per direction (each route's busier
    direction, summed over routes), the mean interval in minutes over the window, and the best mode
    group (A rail/metro, B tram/funicular, C bus and others). Columns: loc, departures, interval_min,
    group."""
    freqs = route_frequencies(feed, events, group_stations)
    if not len(freqs):
        return pd.DataFrame({"loc": [], "departures": [], "interval_min": [], "group": []})
    freqs = freqs.assign(group=[oev_group(m) for m in freqs["mode"]])
    per_loc = freqs.groupby("loc").agg(departures=("departures", "sum"), group=("group", "min")).reset_index()
    with np.errstate(divide="ignore"):
        per_loc["interval_min"] = events.window.minutes / per_loc["departures"].to_numpy()
    return per_loc[["loc", "departures", "interval_min", "group"]]


def location_instances(feed: Feed, events: Events, group_stations: bool = True):
    """For each location, the distinct vehicle journeys leaving it: (locs, offsets, instances) where the
    journeys of ``locs[i]`` are ``instances[offsets[i]:offsets[i + 1]]``."""
    loc_of_stop = location_of_stop(feed, group_stations)
    if not len(events):
        return np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ev_loc = loc_of_stop[events.stop]
    keep = ev_loc >= 0
    pairs = np.unique(np.stack([ev_loc[keep], events.instance[keep]], axis=1), axis=0)
    locs, first = np.unique(pairs[:, 0], return_index=True)
    offsets = np.append(first, len(pairs)).astype(np.int64)
    return locs, offsets, pairs[:, 1]
