"""The major roads drawn first: radial routes named by the part of town they cross, the boulevards on
the line of the old walls, the town-hall square, the bypass and the station avenue.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from .geometry import catmull_rom, resample
from .layout import RADIALS, Design, radial_line, rail_y, rocade_line
from .street_sources import Src, classify_along


def major_roads(d: Design) -> list:
    """Radial routes, the boulevards around the old town, the town-hall square, the bypass."""
    srcs = []
    agglo = d.envelope.buffer(60)
    village_zone = {insee: v[2].buffer(40) for insee, v in d.villages.items()}
    for geom in (agglo, d.centre, *village_zone.values()):
        shapely.prepare(geom)
    for key, (_pts, highway, ref, centre_name, town_name, village_names) in RADIALS.items():
        line = radial_line(key)

        def classify(x, y, town_name=town_name, centre_name=centre_name, village_names=village_names):
            p = Point(x, y)
            if d.centre.contains(p):
                return (centre_name, "30")
            if agglo.contains(p):
                return (town_name, "50")
            for insee, vname in village_names.items():
                if village_zone[insee].contains(p):
                    return (vname, "50")
            return ("", "80")

        for piece, (name, speed) in classify_along(line, classify):
            srcs.append(Src(piece, highway, name=name, ref=ref, maxspeed=speed))

    # the boulevards on the line of the old walls, in four arcs
    ring = resample(d.centre.exterior, 15.0)
    boulevards = (
        ("Boulevard Gambetta", 0, 90), ("Boulevard Carnot", 90, 180), ("Boulevard Victor Hugo", 180, 270),
        ("Boulevard Pasteur", 270, 360),
    )

    def bd_classify(x, y):
        ang = math.degrees(math.atan2(y + 20, x)) % 360
        for name, a0, a1 in boulevards:
            if a0 <= ang < a1:
                return (name,)
        return (boulevards[-1][0],)

    for piece, (name,) in classify_along(ring, bd_classify):
        srcs.append(Src(piece, "tertiary", name=name, maxspeed="30"))

    # the town-hall square, driven round anticlockwise
    square = Polygon([(46 * math.cos(t), 46 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 25)[:-1]])
    srcs.append(
        Src(
            LineString(list(square.exterior.coords)), "living_street", name="Place de l'Hôtel de Ville", oneway="yes",
            maxspeed="20",
        )
    )

    # the bypass (rocade), a 3/4 ring through the fields, with its 110 km/h northern section
    rocade = rocade_line()

    def rc_classify(x, y):
        ang = math.degrees(math.atan2(y, x))
        name = "Rocade Nord" if ang > 20 or ang < -170 else "Rocade Est"
        speed = "110" if 55 < ang < 150 else "90"
        return (name, speed)

    for piece, (name, speed) in classify_along(rocade, rc_classify):
        srcs.append(Src(piece, "trunk", name=name, ref="N 760", maxspeed=speed))

    # the station: its avenue and square
    st = d.station
    srcs.append(
        Src(
            catmull_rom([(26, 36), (120, 420), (175, 760), (st.x - 15, rail_y(st.x - 15) - 38)], 15.0), "tertiary",
            name="Avenue de la Gare", maxspeed="30",
        )
    )
    srcs.append(
        Src(
            LineString([(20, rail_y(20) - 46), (120, rail_y(120) - 46), (250, rail_y(250) - 46)]), "residential",
            name="Place de la Gare", maxspeed="20",
        )
    )
    return srcs
