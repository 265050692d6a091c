"""The GTFS feed: town buses, a regional coach and the TER line, with the pitfalls real feeds have."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point

from .bus_network import RoadGraph, StopRegistry
from .geometry import douglas_peucker, rng_for
from .layout import Design, rail_y
from .territory import X0, Y0

FEED_START, FEED_END = dt.date(2026, 9, 1), dt.date(2027, 7, 4)
def gtfs_time(sec: float) -> str:
    sec = int(round(sec))
    return f"{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


def hm(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 3600 + int(m) * 60


def every(start: str, end: str, minutes: int) -> list:
    return list(range(hm(start), hm(end) + 1, minutes * 60))


def public_holidays() -> list:
    """French public holidays inside the feed's validity (Easter 2027 is on 28 March)."""
    easter = dt.date(2027, 3, 28)
    days = [
        dt.date(2026, 11, 1), dt.date(2026, 11, 11), dt.date(2026, 12, 25), dt.date(2027, 1, 1),
        easter + dt.timedelta(days=1), dt.date(2027, 5, 1), dt.date(2027, 5, 8), easter + dt.timedelta(days=39),
        easter + dt.timedelta(days=50),
    ]
    return sorted(days)


SCHOOL_HOLIDAYS = (  # zone B, approximated for this fictional feed
    (dt.date(2026, 10, 17), dt.date(2026, 11, 1)),
    (dt.date(2026, 12, 19), dt.date(2027, 1, 3)),
    (dt.date(2027, 2, 13), dt.date(2027, 2, 28)),
    (dt.date(2027, 4, 10), dt.date(2027, 4, 25)),
    (dt.date(2027, 5, 7), dt.date(2027, 5, 9)),
)


def wgs84_transform():
    from osgeo import osr

    osr.UseExceptions()
    src = osr.SpatialReference()
    src.ImportFromEPSG(2154)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)

    def lonlat(x, y):
        lon, lat, _z = ct.TransformPoint(X0 + x, Y0 + y)
        return f"{lat:.6f}", f"{lon:.6f}"

    return lonlat


def build_gtfs(d: Design, edges: list) -> dict:
    """A GTFS feed for the town's buses, a regional coach and the TER line, with what makes real feeds
    hard to read: a station with platforms and entrances, weekday / Saturday / Sunday services with
    holidays removed and a special day added, a headway-based line (frequencies.txt, exact_times 0
    and 1), a loop line, night trips after midnight written 24:40:00, drop-off-only last stops."""
    graph = RoadGraph(edges)
    reg = StopRegistry(d, edges)
    lonlat = wgs84_transform()
    urban = shapely.union_all([d.envelope.buffer(80), *[v[2].buffer(100) for v in d.villages.values()]])
    gare = (d.station.x - 60, rail_y(d.station.x - 60) - 46)
    centre = (0, 50)
    til = (d.tilleuls.centroid.x - 70, d.tilleuls.centroid.y + 215)
    sj = (40, -1250)
    zac = (2250, -150)
    hosp = tuple(d.sites["hopital"].centroid.coords[0])
    lyc = tuple(d.sites["lycee"].centroid.coords[0])
    aubin = tuple(d.villages["45997"][1].coords[0])
    chaumont = tuple(d.villages["45996"][1].coords[0])
    loop = [gare, (700, 450), (1100, -150), (400, -330), (-500, -330), (-1000, 250), (-600, 650), gare]
    # the hubs and termini first, on the graph node every line through them passes, so that they share them
    termini = {"Gare SNCF": gare, "Hôtel de Ville": centre, "Les Tilleuls": til, "Saint-Jean": sj,
               "ZAC du Moulin": zac, "Centre Hospitalier": hosp, "Lycée Jean Moulin": lyc,
               "Saint-Aubin-les-Prés Mairie": aubin, "Chaumont-la-Forêt Mairie": chaumont}
    for name, xy in termini.items():
        reg.add(Point(graph.nearest(xy)), name=name)
    lines = (
        (
            "L1", "INGEBUS", "1", "Les Tilleuls - Hôtel de Ville - Saint-Jean", 3, "E2001A", "FFFFFF",
            [(0, [til, centre, sj], False), (1, [sj, centre, til], False)],
        ),
        (
            "L2", "INGEBUS", "2", "Gare SNCF - Hôtel de Ville - ZAC du Moulin", 3, "0072BB", "FFFFFF",
            [(0, [gare, centre, zac], False), (1, [zac, centre, gare], False)],
        ),
        (
            "L3", "INGEBUS", "3", "Centre Hospitalier - Hôtel de Ville - Lycée Jean Moulin", 3, "2E8B57", "FFFFFF",
            [(0, [hosp, centre, lyc], False), (1, [lyc, centre, hosp], False)],
        ),
        ("L4", "INGEBUS", "4", "Boucle des Faubourgs", 3, "F39200", "000000", [(0, loop, True)]),
        (
            "L5", "INGEBUS", "5", "Gare SNCF - Saint-Aubin-les-Prés", 3, "8E44AD", "FFFFFF",
            [(0, [gare, centre, aubin], False), (1, [aubin, centre, gare], False)],
        ),
        (
            "N", "INGEBUS", "N", "Noctambus Gare SNCF - Saint-Jean - Les Tilleuls", 3, "222222", "FFD700",
            [(0, [gare, centre, sj, (-800, -760), (-1000, 60), til], False)],
        ),
        (
            "C12", "CARSVAL", "12", "Ingeville Gare - Chaumont-la-Forêt", 700, "7F8C8D", "FFFFFF",
            [(0, [gare, (-700, 700), chaumont], False), (1, [chaumont, (-700, 700), gare], False)],
        ),
    )
    patterns = {}
    for route_id, _ag, _sn, _ln, _rt, _c, _tc, pats in lines:
        for direction, wps, is_loop in pats:
            line, cum_m, cum_s = graph.path(wps)
            stops = reg.place(line, urban, loop=is_loop)
            offsets = []
            for k, (pos, stop) in enumerate(stops):
                t = float(np.interp(pos, cum_m, cum_s)) * 1.1 + 20 * max(0, k - 1)
                dwell = (
                    60
                    if stop["name"] == "Hôtel de Ville" and 0 < k < len(stops) - 1 and route_id in ("L2", "L3")
                    else 0
                )
                offsets.append((t, t + dwell, pos))
            patterns[(route_id, direction)] = (line, stops, offsets)

    # the rail line: a parent station with two platforms and two entrances, a halt, two towns off the map
    rail_far = LineString([(x, rail_y(x)) for x in np.arange(-15000, 16001, 100.0)])
    st = d.station
    rail_stops = {
        "valcourt": {"id": "ING:RAIL:VALCOURT", "name": "Valcourt", "pt": Point(-15000, rail_y(-15000))},
        "ingeville": {"id": "ING:SA:GARE", "name": "Gare d'Ingeville", "pt": Point(st.x, rail_y(st.x))},
        "montvallon": {"id": "ING:SA:MONTVALLON", "name": "Halte de Montvallon", "pt": Point(4650, rail_y(4650))},
        "bellegarde": {
            "id": "ING:RAIL:BELLEGARDE", "name": "Bellegarde-sur-Vernelle", "pt": Point(16000, rail_y(16000)),
        },
    }
    platforms = {0: "ING:GARE:V1", 1: "ING:GARE:V2"}
    rail_order = ["valcourt", "ingeville", "montvallon", "bellegarde"]

    # ---- stops.txt
    stops_rows = [
        [
            "stop_id", "stop_code", "stop_name", "stop_desc", "stop_lat", "stop_lon", "zone_id", "stop_url",
            "location_type", "parent_station", "wheelchair_boarding", "platform_code",
        ]
    ]
    wr = rng_for("gtfs-stops")
    for s in reg.stops:
        lat, lon = lonlat(s["pt"].x, s["pt"].y)
        stops_rows.append(
            [s["id"], s["code"], s["name"], "", lat, lon, "", "", "0", "", str(wr.choice([1, 1, 1, 2, 0])), ""]
        )
    rail_rows = [
        ("ING:SA:GARE", "Gare d'Ingeville", (st.x, rail_y(st.x) - 12), "1", "", "1", ""),
        ("ING:GARE:V1", "Gare d'Ingeville - Voie 1", (st.x + 25, rail_y(st.x + 25) - 6), "0", "ING:SA:GARE", "1", "1"),
        ("ING:GARE:V2", "Gare d'Ingeville - Voie 2", (st.x + 25, rail_y(st.x + 25) + 6), "0", "ING:SA:GARE", "1", "2"),
        (
            "ING:GARE:E1", "Gare d'Ingeville - Entrée parvis", (st.x - 20, rail_y(st.x - 20) - 30), "2",
            "ING:SA:GARE", "1", "",
        ),
        (
            "ING:GARE:E2", "Gare d'Ingeville - Accès passerelle nord", (st.x - 60, rail_y(st.x - 60) + 28), "2",
            "ING:SA:GARE", "2", "",
        ),
        ("ING:SA:MONTVALLON", "Halte de Montvallon", (4650, rail_y(4650) - 10), "1", "", "0", ""),
        ("ING:MONTVALLON:Q", "Halte de Montvallon - Quai", (4650, rail_y(4650) - 5), "0", "ING:SA:MONTVALLON", "0", ""),
        ("ING:RAIL:VALCOURT", "Valcourt", (-15000, rail_y(-15000)), "0", "", "1", ""),
        ("ING:RAIL:BELLEGARDE", "Bellegarde-sur-Vernelle", (16000, rail_y(16000)), "0", "", "1", ""),
    ]
    for sid, name, (x, y), ltype, parent, wch, plat in rail_rows:
        lat, lon = lonlat(x, y)
        stops_rows.append([sid, "", name, "", lat, lon, "", "", ltype, parent, wch, plat])

    # ---- calendar
    cal_rows = [
        [
            "service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date",
            "end_date",
        ]
    ]
    services = {"SEM": "1111100", "SAM": "0000010", "DIM": "0000001", "SCO": "1111100", "NUIT": "0000110"}
    for sid, days in services.items():
        cal_rows.append([sid, *days, FEED_START.strftime("%Y%m%d"), FEED_END.strftime("%Y%m%d")])
    cd_rows = [["service_id", "date", "exception_type"]]
    exceptions = []
    for day in public_holidays():
        if day.weekday() < 5:
            exceptions += [("SEM", day, 2), ("SCO", day, 2), ("DIM", day, 1)]
        elif day.weekday() == 5:
            exceptions += [("SAM", day, 2), ("DIM", day, 1)]
    for start, end in SCHOOL_HOLIDAYS:
        day = start
        while day <= end:
            if day.weekday() < 5 and ("SCO", day, 2) not in exceptions:
                exceptions.append(("SCO", day, 2))
            day += dt.timedelta(days=1)
    # special days: night buses for the Fête de la musique and New Year's Eve, none on Christmas night,
    # Saturday service on the Sunday of the Christmas market
    exceptions += [
        ("NUIT", dt.date(2027, 6, 21), 1), ("NUIT", dt.date(2026, 12, 31), 1), ("NUIT", dt.date(2026, 12, 25), 2),
        ("SAM", dt.date(2026, 12, 20), 1), ("DIM", dt.date(2026, 12, 20), 2),
    ]
    for sid, day, kind in sorted(exceptions, key=lambda e: (e[1], e[0])):
        cd_rows.append([sid, day.strftime("%Y%m%d"), str(kind)])

    # ---- timetables
    timetable = {
        # (route, direction): {service: departures (seconds) or ("freq", [(start, end, headway, exact)])}
        ("L1", 0): {
            "SEM": (
                "freq",
                [
                    ("06:00", "07:00", 1200, 0), ("07:00", "09:00", 600, 0), ("09:00", "16:30", 900, 0),
                    ("16:30", "19:00", 600, 0), ("19:00", "21:00", 1800, 0),
                ],
            ),
            "SAM": ("freq", [("08:00", "20:00", 1200, 1)]),
            "DIM": every("09:30", "18:30", 60),
        },
        ("L1", 1): {
            "SEM": (
                "freq",
                [
                    ("06:10", "07:10", 1200, 0), ("07:10", "09:10", 600, 0), ("09:10", "16:40", 900, 0),
                    ("16:40", "19:10", 600, 0), ("19:10", "21:10", 1800, 0),
                ],
            ),
            "SAM": ("freq", [("08:10", "20:10", 1200, 1)]),
            "DIM": every("10:00", "19:00", 60),
        },
        ("L2", 0): {
            "SEM": every("06:30", "20:30", 20), "SAM": every("08:00", "19:30", 30),
            "DIM": every("10:00", "18:00", 60),
        },
        ("L2", 1): {
            "SEM": every("06:40", "20:40", 20), "SAM": every("08:15", "19:45", 30),
            "DIM": every("10:30", "18:30", 60),
        },
        ("L3", 0): {"SEM": every("06:45", "19:45", 30), "SAM": every("08:15", "18:15", 60)},
        ("L3", 1): {"SEM": every("07:00", "20:00", 30), "SAM": every("08:45", "18:45", 60)},
        ("L4", 0): {"SEM": every("07:00", "19:00", 40), "SAM": every("09:00", "17:00", 60)},
        ("L5", 0): {
            "SCO": [hm(t) for t in ("12:10", "16:35", "17:10", "18:05")], "SEM": [hm("10:15"), hm("14:15")],
            "SAM": [hm("09:15"), hm("13:15")],
        },
        ("L5", 1): {
            "SCO": [hm(t) for t in ("06:55", "07:20", "07:45", "13:00")], "SEM": [hm("11:05"), hm("15:05")],
            "SAM": [hm("10:05"), hm("17:05")],
        },
        ("N", 0): {"NUIT": [hm(t) for t in ("22:40", "23:40", "24:40", "25:40")]},
        ("C12", 0): {
            "SEM": [hm(t) for t in ("06:20", "08:10", "12:15", "16:40", "17:45", "18:50")],
            "SAM": [hm(t) for t in ("08:10", "12:15", "17:45")],
        },
        ("C12", 1): {
            "SEM": [hm(t) for t in ("06:50", "07:35", "09:00", "13:10", "17:30", "19:25")],
            "SAM": [hm(t) for t in ("09:00", "13:10", "18:30")], "DIM": [hm("18:30")],
        },
    }
    routes_rows = [
        [
            "route_id", "agency_id", "route_short_name", "route_long_name", "route_desc", "route_type", "route_color",
            "route_text_color",
        ]
    ]
    trips_rows = [
        [
            "route_id", "service_id", "trip_id", "trip_headsign", "direction_id", "block_id", "shape_id",
            "wheelchair_accessible", "bikes_allowed",
        ]
    ]
    st_rows = [
        [
            "trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "stop_headsign", "pickup_type",
            "drop_off_type", "shape_dist_traveled", "timepoint",
        ]
    ]
    freq_rows = [["trip_id", "start_time", "end_time", "headway_secs", "exact_times"]]
    shape_rows = [["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence", "shape_dist_traveled"]]

    def add_stop_times(trip_id, seq_stops, start):
        """One trip's rows: times to the minute, no pick-up at the last stop, no drop-off at the first."""
        last = -1
        n = len(seq_stops)
        for k, (stop_id, arr_off, dep_off, dist) in enumerate(seq_stops):
            arr = max(last, int((start + arr_off) // 60 * 60))
            dep = max(arr, int((start + dep_off) // 60 * 60))
            last = dep
            st_rows.append(
                [
                    trip_id, gtfs_time(arr), gtfs_time(dep), stop_id, str(k + 1), "", "1" if k == n - 1 else "0",
                    "1" if k == 0 else "0", f"{dist:.1f}", "1",
                ]
            )

    for route_id, agency, short, long_name, rtype, color, tcolor, pats in lines:
        routes_rows.append([route_id, agency, short, long_name, "", str(rtype), color, tcolor])
        for direction, _wps, _loop in pats:
            line, stops, offsets = patterns[(route_id, direction)]
            shape_id = f"SH_{route_id}_{direction}"
            cs = douglas_peucker(line.coords, 1.5)
            acc = 0.0
            for k, (x, y) in enumerate(cs):
                if k:
                    acc += math.hypot(x - cs[k - 1][0], y - cs[k - 1][1])
                lat, lon = lonlat(x, y)
                shape_rows.append([shape_id, lat, lon, str(k + 1), f"{acc:.1f}"])
            seq = [(s["id"], a, b, pos) for (pos, s), (a, b, _p) in zip(stops, offsets)]
            headsign = stops[-1][1]["name"] if route_id != "L4" else "Boucle des Faubourgs"
            for service, deps in timetable[(route_id, direction)].items():
                if isinstance(deps, tuple):  # headway-based: one template trip, its windows in frequencies.txt
                    trip_id = f"{route_id}-{service}-{direction}-F"
                    trips_rows.append([route_id, service, trip_id, headsign, str(direction), "", shape_id, "1", "1"])
                    windows = deps[1]
                    add_stop_times(trip_id, seq, hm(windows[0][0]))
                    for start, end, headway, exact in windows:
                        freq_rows.append([trip_id, f"{start}:00", f"{end}:00", str(headway), str(exact)])
                    continue
                for dep in deps:
                    trip_id = f"{route_id}-{service}-{direction}-{gtfs_time(dep)[:5].replace(':', '')}"
                    trips_rows.append(
                        [
                            route_id, service, trip_id, headsign, str(direction), "", shape_id, "1",
                            "1" if rtype != 700 else "0",
                        ]
                    )
                    add_stop_times(trip_id, seq, dep)

    # ---- TER
    routes_rows.append(
        [
            "TER", "RAILREG", "TER", "Valcourt - Ingeville - Montvallon - Bellegarde-sur-Vernelle",
            "Ligne régionale (fictive)", "2", "1D4E89", "FFFFFF",
        ]
    )
    positions = {k: rail_far.project(v["pt"]) for k, v in rail_stops.items()}
    rail_sched = {
        0: {
            "SEM": [*every("05:42", "21:42", 60), hm("07:12"), hm("17:12")], "SAM": every("07:42", "19:42", 120),
            "DIM": [hm(t) for t in ("08:42", "10:42", "13:42", "16:42", "18:42", "20:42")],
        },
        1: {
            "SEM": [*every("05:55", "21:55", 60), hm("06:25"), hm("18:25")], "SAM": every("06:55", "20:55", 120),
            "DIM": [hm(t) for t in ("07:55", "10:55", "14:55", "17:55", "19:55", "21:55")],
        },
    }
    for direction in (0, 1):
        order = rail_order if direction == 0 else rail_order[::-1]
        shape_id = f"SH_TER_{direction}"
        x_from, x_to = (-15000, 16000) if direction == 0 else (16000, -15000)
        xs = np.linspace(x_from, x_to, 156)
        acc = 0.0
        for k, x in enumerate(xs):
            if k:
                acc += math.hypot(x - xs[k - 1], rail_y(x) - rail_y(xs[k - 1]))
            lat, lon = lonlat(x, rail_y(x))
            shape_rows.append([shape_id, lat, lon, str(k + 1), f"{acc:.1f}"])
        start_pos = positions[order[0]]
        seq = []
        t = 0.0
        prev = start_pos
        for k, key in enumerate(order):
            dist = abs(positions[key] - start_pos)
            t += abs(positions[key] - prev) / (95 / 3.6)
            prev = positions[key]
            sid = rail_stops[key]["id"]
            if key == "ingeville":
                sid = platforms[direction]
            elif key == "montvallon":
                sid = "ING:MONTVALLON:Q"
            dwell = 120 if key == "ingeville" else (60 if 0 < k < 3 else 0)
            seq.append((sid, t, t + dwell, dist))
            t += dwell
        headsign = rail_stops[order[-1]]["name"]
        for service, deps in rail_sched[direction].items():
            for dep in sorted(deps):
                trip_id = f"TER-{service}-{direction}-{gtfs_time(dep)[:5].replace(':', '')}"
                trips_rows.append(["TER", service, trip_id, headsign, str(direction), "", shape_id, "1", "1"])
                add_stop_times(trip_id, seq, dep)

    agency_rows = [
        ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone"],
        ["INGEBUS", "Ingébus (réseau fictif)", "https://example.org/ingebus", "Europe/Paris", "fr", ""],
        ["CARSVAL", "Cars du Val de Vernelle (fictif)", "https://example.org/carsval", "Europe/Paris", "fr", ""],
        ["RAILREG", "Rail régional Val de Vernelle (fictif)", "https://example.org/rail", "Europe/Paris", "fr", ""],
    ]
    feed_rows = [
        [
            "feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date",
            "feed_version", "feed_contact_email",
        ],
        [
            "Friches & Tiers-Lieux, territoire de démonstration Ingeville (fictif)", "https://example.org/ingeville",
            "fr", FEED_START.strftime("%Y%m%d"), FEED_END.strftime("%Y%m%d"), "2026.09-demo", "demo@example.org",
        ],
    ]
    return {
        "agency.txt": agency_rows, "stops.txt": stops_rows, "routes.txt": routes_rows, "trips.txt": trips_rows,
        "stop_times.txt": st_rows, "calendar.txt": cal_rows, "calendar_dates.txt": cd_rows,
        "frequencies.txt": freq_rows, "shapes.txt": shape_rows, "feed_info.txt": feed_rows,
    }
