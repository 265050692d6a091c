"""Source lines of the street network before noding: their OSM tags, the rank of the highway classes,
and two tools every kind of road uses (cutting a line where its tags change, a connector to the
nearest street).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.geometry import LineString, Point
from shapely.ops import nearest_points

from .geometry import catmull_rom

#: Rank of OSM highway classes: where two source lines overlap, the higher class wins.
# fmt: off
HIGHWAY_RANK = {
    "trunk": 0,
    "primary": 1,
    "secondary": 2,
    "tertiary": 3,
    "unclassified": 4,
    "residential": 5,
    "living_street": 6,
    "service": 7,
    "pedestrian": 8,
    "track": 9,
    "cycleway": 10,
    "footway": 11,
}
# fmt: on

#: Speed limits (km/h, text as in OSM) each class may carry; empty means untagged, as often in OSM.
# fmt: off
@dataclass
class Src:
    """One source line of the street network, with its OSM-style tags, before noding."""

    geom: LineString
    highway: str
    name: str = ""
    ref: str = ""
    oneway: str = "no"
    maxspeed: str = ""
    junction: str = ""
    bridge: str = ""

    def tags(self):
        return (self.highway, self.name, self.ref, self.oneway, self.maxspeed, self.junction, self.bridge)
def classify_along(line: LineString, classify) -> list:
    """Cut a line where its tags change: ``classify(x, y)`` gives the tags of each short segment,
    and consecutive segments with the same tags become one source line."""
    coords = list(line.coords)
    out, cur, cur_tags = [], [coords[0]], None
    for a, b in zip(coords, coords[1:]):
        tags = classify((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        if cur_tags is not None and tags != cur_tags:
            out.append((LineString(cur), cur_tags))
            cur = [a]
        cur.append(b)
        cur_tags = tags
    out.append((LineString(cur), cur_tags))
    return out


def connector(start, target_geom, overshoot=6.0, wiggle=0.0, r=None) -> LineString | None:
    """A road from ``start`` to the nearest point of ``target_geom``, slightly past it so that the
    noding makes a junction (the short overshoot is trimmed afterwards as a dangle)."""
    p = Point(start)
    if target_geom is None or target_geom.is_empty:
        return None
    q = nearest_points(p, target_geom)[1]
    dx, dy = q.x - p.x, q.y - p.y
    dd = math.hypot(dx, dy)
    if dd < 1:
        return None
    end = (q.x + dx / dd * overshoot, q.y + dy / dd * overshoot)
    if wiggle and r is not None and dd > 150:
        mx, my = (p.x + q.x) / 2, (p.y + q.y) / 2
        off = r.uniform(-wiggle, wiggle)
        mid = (mx - dy / dd * off, my + dx / dd * off)
        return catmull_rom([(p.x, p.y), mid, (q.x, q.y), end], 15.0)
    return LineString([(p.x, p.y), end])
