"""Route lines for a map: one MultiLineString per route running on a date.

Geometry from shapes.txt (the distinct shapes of the route's trips that run on the date) when the feed
has it, otherwise straight lines through the stops of each distinct stop pattern. Each line carries the
route's number of departures in the analysed window, counted as distinct vehicle journeys (a bus leaving
five stops in the window is one departure).

Pure Python: numpy, pandas, shapely; no Qt, no QGIS.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .calendar import active_trips
from .feed import Feed
from .service import Events


def route_lines(feed: Feed, date, events: Events) -> pd.DataFrame:
    """Columns: route_id, name, long_name, mode, route_type, departures, wkb (EPSG:4326 lon/lat),
    geometry_from ("shapes" or "stops")."""
    import shapely

    active = active_trips(feed, date)
    trips = feed.trips
    st = feed.stop_times
    routes = feed.routes
    active_idx = np.flatnonzero(active)
    run_routes = np.unique(trips["route"].to_numpy()[active_idx])
    deps = pd.Series(events.instance, dtype=np.int64).groupby(events.route).nunique() if len(events) else pd.Series(
        dtype=np.int64)

    shape_lines = {}
    if feed.shapes is not None and len(feed.shapes):
        shp = feed.shapes
        ids = shp["shape_id"].to_numpy()
        starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
        ends = np.r_[starts[1:], len(ids)]
        lon = shp["lon"].to_numpy()
        lat = shp["lat"].to_numpy()
        for a, b in zip(starts.tolist(), ends.tolist()):
            if b - a >= 2:
                shape_lines[ids[a]] = np.column_stack([lon[a:b], lat[a:b]])

    stop_lon = feed.stops["lon"].to_numpy()
    stop_lat = feed.stops["lat"].to_numpy()
    trip_route = trips["route"].to_numpy()
    trip_shape = trips["shape_id"].to_numpy() if "shape_id" in trips else np.array([""] * len(trips))
    rows = []
    for r in run_routes.tolist():
        r_trips = active_idx[trip_route[active_idx] == r]
        source = "shapes"
        shapes_used = {trip_shape[t] for t in r_trips.tolist()} if len(shape_lines) else set()
        parts = [shape_lines[s] for s in sorted(shapes_used) if s in shape_lines]
        if not parts:
            source = "stops"
            patterns = set()
            for t in r_trips.tolist():
                stops = tuple(st.stop[st.trip_start[t]:st.trip_start[t + 1]].tolist())
                if len(stops) >= 2 and stops not in patterns:
                    patterns.add(stops)
            for pattern in sorted(patterns):
                idx = np.array(pattern)
                xy = np.column_stack([stop_lon[idx], stop_lat[idx]])
                xy = xy[~np.isnan(xy).any(axis=1)]
                if len(xy) >= 2:
                    parts.append(xy)
        if not parts:
            continue
        geom = shapely.multilinestrings([shapely.linestrings(p) for p in parts])
        rows.append({
            "route_id": routes["route_id"].iat[r],
            "name": routes["name"].iat[r],
            "long_name": routes["route_long_name"].iat[r],
            "mode": routes["mode"].iat[r],
            "route_type": int(routes["route_type"].iat[r]),
            "departures": int(deps.get(r, 0)),
            "wkb": shapely.to_wkb(geom),
            "geometry_from": source,
        })
    return pd.DataFrame(rows, columns=["route_id", "name", "long_name", "mode", "route_type", "departures", "wkb",
                                       "geometry_from"])
