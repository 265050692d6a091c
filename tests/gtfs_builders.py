"""Small hand-built GTFS feeds for the transit tests, written into zip files.

``write_feed(path, files)`` zips ``{"stops.txt": "csv text", ...}``; ``base_files()`` is a tiny network
whose every number the tests compute by hand:

Stops (location_type): station S (1) with platforms P1, P2 (0) and entrance E (2); stops A, B, C (0).
Routes: R1 bus (3), R2 tram (extended 900), R3 bus (extended 700).
Services: WK Monday-Friday 2025-01-01..2025-12-31, removed on 2025-05-01 (calendar_dates type 2);
HOL added on 2025-05-01 only (type 1).
Trips (times at each stop):
- T1 R1 WK dir 0: A 08:00, P1 08:10, B 08:20 (last stop: an arrival)
- T2 R1 WK dir 1: B 08:30, P1 08:40 (pickup_type 1), A 08:50
- T3 R2 WK dir 0: P2 08:05, C 08:15
- T4 R3 HOL dir 0: A 09:00, C 09:30
- N1 R1 WK dir 0: A 24:30, P1 25:10, B 25:30 (runs after midnight)
- F1 R2 WK dir 0 (frequencies.txt template): A 00:00, P1 00:05, B 00:10;
  07:00-08:00 every 10 min (exact_times 0) and 08:00-09:00 every 15 min (exact_times 1)
"""

import textwrap
import zipfile
from pathlib import Path

STOPS = """\
stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station
S,Gare,48.0000,2.0000,1,
P1,Gare quai 1,48.0001,2.0001,0,S
P2,Gare quai 2,48.0001,1.9999,0,S
E,Gare entrée,48.0002,2.0000,2,S
A,Mairie,48.0100,2.0100,0,
B,Écoles,48.0200,2.0200,,
C,Zone d'activités,47.9900,1.9900,0,
"""

ROUTES = """\
route_id,route_short_name,route_long_name,route_type
R1,1,Mairie - Écoles,3
R2,T,Tram,900
R3,N,Navette,700
"""

CALENDAR = """\
service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
WK,1,1,1,1,1,0,0,20250101,20251231
"""

CALENDAR_DATES = """\
service_id,date,exception_type
WK,20250501,2
HOL,20250501,1
"""

TRIPS = """\
route_id,service_id,trip_id,direction_id,shape_id
R1,WK,T1,0,
R1,WK,T2,1,
R2,WK,T3,0,
R3,HOL,T4,0,
R1,WK,N1,0,
R2,WK,F1,0,
"""

STOP_TIMES = """\
trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type
T1,08:00:00,08:00:00,A,1,0
T1,08:10:00,08:10:00,P1,2,0
T1,08:20:00,08:20:00,B,3,0
T2,08:30:00,08:30:00,B,1,
T2,08:40:00,08:40:00,P1,2,1
T2,08:50:00,08:50:00,A,3,0
T3,08:05:00,08:05:00,P2,1,0
T3,08:15:00,08:15:00,C,2,0
T4,09:00:00,09:00:00,A,1,0
T4,09:30:00,09:30:00,C,2,0
N1,24:30:00,24:30:00,A,1,0
N1,25:10:00,25:10:00,P1,2,0
N1,25:30:00,25:30:00,B,3,0
F1,00:00:00,00:00:00,A,1,0
F1,00:05:00,00:05:00,P1,2,0
F1,00:10:00,00:10:00,B,3,0
"""

FREQUENCIES = """\
trip_id,start_time,end_time,headway_secs,exact_times
F1,07:00:00,08:00:00,600,0
F1,08:00:00,09:00:00,900,1
"""

AGENCY = """\
agency_id,agency_name,agency_url,agency_timezone
AG,Ingeville Transports,https://example.org,Europe/Paris
"""


def base_files():
    return {
        "agency.txt": AGENCY,
        "stops.txt": STOPS,
        "routes.txt": ROUTES,
        "calendar.txt": CALENDAR,
        "calendar_dates.txt": CALENDAR_DATES,
        "trips.txt": TRIPS,
        "stop_times.txt": STOP_TIMES,
        "frequencies.txt": FREQUENCIES,
    }


def write_feed(path, files=None, **overrides):
    """Zip ``files`` (default :func:`base_files`) updated with ``overrides`` (file stem -> text, or
    None to leave the file out), e.g. ``write_feed(p, calendar=None)``."""
    files = dict(base_files() if files is None else files)
    for stem, text in overrides.items():
        name = stem if stem.endswith(".txt") else f"{stem}.txt"
        if text is None:
            files.pop(name, None)
        else:
            files[name] = text
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, textwrap.dedent(text))
    return path


def replace_line(text, old, new):
    assert old in text, old
    return text.replace(old, new)
