"""GTFS route types mapped to modes, and modes to the groups PTAL and the ÖV-Güteklassen use.

Why a module of its own: the same table decides the ``modes`` field of the stops, the walking limit and
reliability allowance of PTAL and the column of the ÖV-Güteklassen stop category, and a planner who asks
"why is this line counted as a bus?" should find the answer in one place.

Route types: the basic GTFS values 0-12 and Google's extended values (100-1700, "Extended GTFS Route
Types", the hierarchical vehicle types of the HVT / TPEG list), which many European feeds use
(e.g. 700 bus, 109 suburban railway, 900 tram, 1000 water transport). A value outside every range maps to
``other``.

Pure Python: no Qt, no QGIS.
"""

from __future__ import annotations

import numpy as np

#: Modes, in the order they are listed in the ``modes`` field.
MODES = (
    "rail",
    "metro",
    "monorail",
    "tram",
    "cable_tram",
    "funicular",
    "trolleybus",
    "bus",
    "coach",
    "ferry",
    "aerial_lift",
    "taxi",
    "air",
    "other",
)

#: Basic route types (GTFS reference, routes.txt).
BASIC = {
    0: "tram",
    1: "metro",
    2: "rail",
    3: "bus",
    4: "ferry",
    5: "cable_tram",
    6: "aerial_lift",
    7: "funicular",
    11: "trolleybus",
    12: "monorail",
}

#: Extended route types: exact values first, then hundreds (the family of the code).
EXTENDED_EXACT = {
    405: "monorail",  # Monorail (urban railway family)
    1501: "taxi",  # Communal taxi service (1500 family, kept explicit for clarity)
}
EXTENDED_FAMILY = {
    100: "rail",  # Railway service: high speed, long distance, regional, suburban (109), rack (116)...
    200: "coach",  # Coach service
    300: "rail",  # Suburban railway (older lists)
    400: "metro",  # Urban railway service: metro (401), underground (402)...
    500: "metro",  # Metro service
    600: "metro",  # Underground service
    700: "bus",  # Bus service: regional, express, night, school, rail replacement (714), demand (715)...
    800: "trolleybus",  # Trolleybus service
    900: "tram",  # Tram service
    1000: "ferry",  # Water transport service
    1100: "air",  # Air service
    1200: "ferry",  # Ferry service
    1300: "aerial_lift",  # Aerial lift / telecabin / chair lift
    1400: "funicular",  # Funicular service
    1500: "taxi",  # Taxi service
    1600: "other",  # Self drive
    1700: "other",  # Miscellaneous service (horse-drawn carriage...)
}

#: PTAL mode groups (TfL): walking limit in metres and reliability allowance K in minutes.
#: TfL counts bus, Underground/DLR, National Rail and tram as separate modes; bus-like services
#: (coach, trolleybus, ferry, aerial lift, taxi, others) take the bus parameters.
PTAL_GROUPS = {
    "bus": (640.0, 2.0),
    "tram": (960.0, 0.75),
    "metro": (960.0, 0.75),
    "rail": (960.0, 0.75),
}
PTAL_GROUP_OF_MODE = {
    "rail": "rail",
    "metro": "metro",
    "monorail": "metro",
    "tram": "tram",
    "cable_tram": "tram",
    "funicular": "tram",
}

#: ÖV-Güteklassen columns of the stop-category table: A = rail and metro, B = tram and funicular,
#: C = bus and the rest (GOAT's configuration of the ARE method, see resources and shared docs).
OEV_GROUP_OF_MODE = {
    "rail": "A",
    "metro": "A",
    "monorail": "A",
    "tram": "B",
    "cable_tram": "B",
    "funicular": "B",
}


def mode_of_route_type(route_type) -> str:
    """The mode of one GTFS ``route_type`` (int or None)."""
    if route_type is None:
        return "other"
    try:
        value = int(route_type)
    except (TypeError, ValueError):
        return "other"
    if value in BASIC:
        return BASIC[value]
    if value in EXTENDED_EXACT:
        return EXTENDED_EXACT[value]
    family = (value // 100) * 100
    if 100 <= value < 1800 and family in EXTENDED_FAMILY:
        return EXTENDED_FAMILY[family]
    return "other"


def modes_of_route_types(route_types) -> np.ndarray:
    """Vectorised :func:`mode_of_route_type` (an array of mode names, object dtype)."""
    values = np.asarray(route_types)
    return np.array([mode_of_route_type(v) for v in values.tolist()], dtype=object)


def ptal_group(mode: str) -> str:
    return PTAL_GROUP_OF_MODE.get(mode, "bus")


def oev_group(mode: str) -> str:
    return OEV_GROUP_OF_MODE.get(mode, "C")


def mode_rank(mode: str) -> int:
    """Position of ``mode`` in :data:`MODES` (to list modes in a stable order)."""
    try:
        return MODES.index(mode)
    except ValueError:
        return len(MODES)
