"""Local streets: the jittered grids that fill each block between major roads (a style per district),
the housing estates at the edge of town, access roads to the big sites, park paths, the footbridge
and the green way.
"""

from __future__ import annotations

import math
import random

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import nearest_points
from shapely.strtree import STRtree

from .geometry import canon, lines_of, parts, rect, resample, rng_for
from .layout import Design, rail_y, river_y
from .street_names import NamePool
from .street_sources import Src, connector
from .territory import INSEE_INGEVILLE


def grid_streets(part, spacing, angle, jitter, warp, drop, r: random.Random, roads, blocked) -> list:
    """Streets of a jittered, gently warped grid filling ``part`` (one block between major roads, in
    one district), as runs of lattice edges: one run becomes one named street.

    Why lattice edges and not lines clipped to the area: a street then ends at a junction, not at an
    arbitrary outline. An edge leaving the area is kept only when it meets a major road (``roads``),
    and is cut a few metres past it (the noding makes the junction, the stub is trimmed later).
    Edges are dropped at random so that blocks merge into irregular ones, and edges running along a
    major road (within 20 m at both ends) are dropped so that no street doubles it."""
    if part.is_empty:
        return []
    import shapely.affinity as aff

    c = part.centroid
    rot = aff.rotate(part, -angle, origin=c)
    minx, miny, maxx, maxy = rot.bounds
    sx, sy = spacing
    ox, oy = minx - r.uniform(0.2, 0.8) * sx, miny - r.uniform(0.2, 0.8) * sy
    nx, ny = int((maxx - ox) / sx) + 2, int((maxy - oy) / sy) + 2
    ph1, ph2 = r.uniform(0, 6.28), r.uniform(0, 6.28)
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    keys, pts = [], []
    for i in range(nx):
        for j in range(ny):
            x = ox + i * sx + r.uniform(-jitter, jitter) + warp * math.sin((oy + j * sy) / 430 + ph1)
            y = oy + j * sy + r.uniform(-jitter, jitter) + warp * math.sin((ox + i * sx) / 370 + ph2)
            dx, dy = x - c.x, y - c.y
            keys.append((i, j))
            pts.append((c.x + dx * ca - dy * sa, c.y + dx * sa + dy * ca))
    arr = np.array(pts)
    shapely.prepare(part)
    inside = dict(zip(keys, shapely.contains_xy(part, arr[:, 0], arr[:, 1]).tolist()))
    near = dict(zip(keys, (shapely.distance(shapely.points(arr), roads) < 20).tolist()))
    nodes = dict(zip(keys, pts))

    def edge(a, b):
        """Coordinates of the lattice edge a->b as kept, or None."""
        ia, ib = inside[a], inside[b]
        if not (ia or ib):
            return None
        seg = LineString([nodes[a], nodes[b]])
        if ia and ib:
            if (near[a] and near[b]) or r.random() < drop or seg.intersects(blocked):
                return None
            return [nodes[a], nodes[b]]
        inner, outer = (a, b) if ia else (b, a)
        seg = LineString([nodes[inner], nodes[outer]])
        hits = [seg.project(h) for h in parts(seg.intersection(roads)) if h.geom_type == "Point"]
        if not hits:
            return None
        t = min(hits)
        ux, uy = (nodes[outer][0] - nodes[inner][0]) / seg.length, (nodes[outer][1] - nodes[inner][1]) / seg.length
        end = (nodes[inner][0] + ux * (t + 7), nodes[inner][1] + uy * (t + 7))
        if LineString([nodes[inner], end]).intersects(blocked):
            return None
        return [nodes[a], end] if ia else [end, nodes[b]]

    runs = []
    lines = [(("row", j), [(i, j) for i in range(nx)]) for j in range(ny)]
    lines += [(("col", i), [(i, j) for j in range(ny)]) for i in range(nx)]
    for key, seq in lines:
        cur = []
        for a, b in zip(seq, seq[1:]):
            e = edge(a, b)
            if e is None:
                if len(cur) > 1:
                    runs.append((key, cur))
                cur = []
                continue
            if not cur:
                cur = list(e)
            else:
                cur.append(e[1])
            if not inside[b]:
                runs.append((key, cur))
                cur = []
        if len(cur) > 1:
            runs.append((key, cur))
    return [(key, LineString(run)) for key, run in runs if LineString(run).length > 20]



# fmt: off
GRID_STYLES = {
    "centre": ((52, 74), 9.0, 10.0, 0.2),
    "faubourg": ((100, 135), 4.0, 18.0, 0.12),
    "suburb": ((120, 165), 3.0, 30.0, 0.2),
    "tilleuls": ((175, 135), 2.0, 0.0, 0.15),
    "industrial": ((240, 170), 3.0, 0.0, 0.3),
    "village": ((95, 120), 8.0, 15.0, 0.28),
}
# fmt: on


def local_tags(kind: str, r: random.Random, names: NamePool, length: float, centre_dist: float) -> dict:
    """OSM tags of one local street, by district: zone 30, one-way and pedestrian streets in the old
    town, 30 or 50 km/h in the faubourgs, unclassified roads in the industrial zone."""
    if kind == "centre":
        if centre_dist < 170 and r.random() < 0.55:
            return {"highway": "pedestrian", "name": names.take("centre")}
        hw = "living_street" if r.random() < 0.1 else "residential"
        oneway = "no"
        if r.random() < 0.5:
            oneway = "yes" if r.random() < 0.7 else "-1"
        return {
            "highway": hw, "name": names.take("centre"), "oneway": oneway,
            "maxspeed": "20" if hw == "living_street" else "30",
        }
    if kind == "faubourg":
        oneway = "yes" if r.random() < 0.12 else "no"
        kind_name = "Avenue" if length > 650 and r.random() < 0.5 else "Rue"
        theme = "people" if r.random() < 0.65 else "places"
        return {
            "highway": "residential", "name": names.take(theme, kind_name), "oneway": oneway,
            "maxspeed": "30" if r.random() < 0.7 else "50",
        }
    if kind == "suburb":
        theme = r.choice(["people", "nature", "arts", "places"])
        return {
            "highway": "residential", "name": names.take(theme, "Rue" if length > 250 else "Allée"),
            "maxspeed": "30" if r.random() < 0.55 else "50",
        }
    if kind == "tilleuls":
        return {
            "highway": "residential", "name": names.take("nature", "Rue" if length > 300 else "Allée"),
            "maxspeed": "30",
        }
    if kind == "industrial":
        return {"highway": "unclassified", "name": names.take("industry"), "maxspeed": "50"}
    if kind == "village":
        return {"highway": "residential", "name": names.take("village"), "maxspeed": "30" if r.random() < 0.5 else "50"}
    raise ValueError(kind)


def estate(center, angle, w, h, r: random.Random):
    """A housing estate (lotissement): a loop street with a few cul-de-sacs, the way French estates
    of the 1970s-2000s were drawn. Returns (loop, stubs, footprint)."""
    body = rect(center[0], center[1], w, h, angle)
    loop_poly = canon(body.buffer(-28, join_style="round").buffer(22, join_style="round"))
    loop = resample(loop_poly.exterior, 12.0)
    stubs = []
    if w > 250:  # a middle street across the loop
        a = math.radians(angle)
        off = r.uniform(-0.15, 0.15) * w
        mx, my = center[0] + off * math.cos(a), center[1] + off * math.sin(a)
        vx, vy = -math.sin(a), math.cos(a)
        stubs.append(LineString([(mx - vx * (h / 2), my - vy * (h / 2)), (mx + vx * (h / 2), my + vy * (h / 2))]))
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux
    for side in r.sample([(1, 0), (-1, 0), (0, 1), (0, -1)], r.randint(1, 3)):
        if side[0]:
            base = (center[0] + side[0] * (w / 2 - 32) * ux, center[1] + side[0] * (w / 2 - 32) * uy)
            direction = (side[0] * ux, side[0] * uy)
        else:
            base = (center[0] + side[1] * (h / 2 - 32) * vx, center[1] + side[1] * (h / 2 - 32) * vy)
            direction = (side[1] * vx, side[1] * vy)
        start = nearest_points(Point(base), loop)[1]
        ln = r.uniform(40, 75)
        stubs.append(
            LineString(
                [
                    (start.x - direction[0] * 3, start.y - direction[1] * 3),
                    (start.x + direction[0] * ln, start.y + direction[1] * ln),
                ]
            )
        )
    footprint = canon(body.buffer(40).union(shapely.union_all([s.buffer(30) for s in stubs])))
    return loop, stubs, footprint


def estates_and_sites(d: Design, names, pools, streets_union, blocked) -> list:
    """Housing estates at the edge of town, access roads to schools, hospital and stadium, park paths,
    the footbridge over the tracks at the station and the green way along the river.

    Each try at placing an estate draws from a generator of its own, so that a try that goes the
    other way (a predicate on the edge) changes that estate and not every one after it."""
    out = []
    commune = d.communes[INSEE_INGEVILLE]
    no_go = shapely.union_all(
        [blocked, d.envelope.buffer(15), *[f[1].buffer(20) for f in d.future.values()], d.commercial.buffer(60)]
    )
    shapely.prepare(no_go)
    street_tree = STRtree(lines_of(streets_union))
    inside = commune.buffer(-150)
    shapely.prepare(inside)
    edge = d.envelope.exterior
    taken = []
    tries = 0
    while len(taken) < 12 and tries < 600:
        tries += 1
        r = rng_for(f"estate-try-{tries}")
        t = r.random()
        p = edge.interpolate(t, normalized=True)
        q = edge.interpolate((t + 0.002) % 1.0, normalized=True)
        tang = math.degrees(math.atan2(q.y - p.y, q.x - p.x))
        nx, ny = p.x, p.y
        norm = math.hypot(nx, ny)
        w, h = r.uniform(200, 330), r.uniform(130, 190)
        off = h / 2 + 40 + r.uniform(20, 45)
        c = (p.x + nx / norm * off, p.y + ny / norm * off)
        if no_go.contains(Point(c)) or not inside.contains(Point(c)):
            continue
        loop, stubs, footprint = estate(c, tang + r.uniform(-8, 8), w, h, r)
        if not inside.contains(footprint) or footprint.intersects(no_go):
            continue
        if len(street_tree.query(footprint, predicate="dwithin", distance=12)):
            continue
        if any(footprint.intersects(t_) for t_ in taken):
            continue
        access_from = nearest_points(loop, streets_union)[0]
        acc = connector(access_from, streets_union.difference(footprint))
        if acc is None or acc.length > 260 or acc.crosses(d.river) or acc.crosses(d.railway):
            continue
        taken.append(footprint.buffer(60))
        d.estates.append(footprint)
        theme_kind = r.choice(["Allée", "Rue"])
        out.append(Src(loop, "residential", name=names.take("nature", theme_kind), maxspeed="30"))
        for s in stubs:
            out.append(Src(s, "residential", name=names.take("nature", "Impasse"), maxspeed="30"))
        out.append(Src(acc, "residential", name=names.take("people", "Rue"), maxspeed="30"))
    for insee, (_vname, centre, poly) in d.villages.items():
        ang = math.degrees(math.atan2(centre.y, centre.x)) + 90
        c = (centre.x + 330 * math.cos(math.radians(ang)), centre.y + 330 * math.sin(math.radians(ang)))
        loop, stubs, footprint = estate(c, ang, 190, 120, rng_for(f"estate-village-{insee}"))
        acc = connector(nearest_points(loop, poly)[0], streets_union.intersection(poly.buffer(300)))
        if acc is None or footprint.intersects(streets_union):
            continue
        d.estates.append(footprint)
        out.append(Src(loop, "residential", name=pools[insee].take("nature", "Allée"), maxspeed="30"))
        out.extend(Src(s, "residential", name=pools[insee].take("nature", "Impasse"), maxspeed="30") for s in stubs)
        out.append(Src(acc, "residential", name=pools[insee].take("village"), maxspeed="50"))

    # access roads of the equipment sites and the big hand-drawn friches
    access_names = {
        "hopital": "Allée du Centre Hospitalier", "iut": "Allée de l'IUT", "lycee": "Allée du Lycée", "college": "",
        "stade": "Allée des Sports", "cimetiere": "", "duval": "", "marchandises": "", "hotel_dieu": "",
        "caserne": "Cour du Quartier Saint-Martin",
    }
    for key, poly in list(d.sites.items()) + list(d.reserved.items()):
        inner = canon(poly.buffer(-18))
        start = inner.centroid
        acc = connector(start, streets_union.difference(poly.buffer(12)))
        if acc is None:
            continue
        hw = "service"
        out.append(Src(acc, hw, name=access_names.get(key, "")))
        if key in ("hopital", "caserne", "duval"):
            out.append(Src(LineString(list(inner.exterior.coords)), "service", name=access_names.get(key, "")))
    # park paths
    for key, poly in d.parks.items():
        inner = canon(poly.buffer(-20))
        out.append(Src(LineString(list(inner.exterior.coords)), "footway"))
        for pt in (inner.exterior.interpolate(0.1, normalized=True), inner.exterior.interpolate(0.6, normalized=True)):
            acc = connector(pt, streets_union.difference(poly))
            if acc is not None and acc.length < 120:
                out.append(Src(acc, "footway"))
        if key == "parc_chateau":
            out.append(
                Src(
                    LineString(
                        [
                            inner.exterior.interpolate(0.25, normalized=True),
                            inner.exterior.interpolate(0.75, normalized=True),
                        ]
                    ),
                    "footway",
                )
            )
    # the footbridge over the tracks, from the station square to the north side
    st = d.station
    north = streets_union.intersection(
        Polygon(
            [(-400, rail_y(-400) + 30), (700, rail_y(700) + 30), (700, rail_y(700) + 600), (-400, rail_y(-400) + 600)]
        )
    )
    foot_end = (st.x - 60, rail_y(st.x - 60) + 30)
    out.append(
        Src(
            LineString([(st.x - 60, rail_y(st.x - 60) - 52), foot_end]), "footway", name="Passerelle de la Gare",
            bridge="yes",
        )
    )
    acc = connector(foot_end, north)
    if acc is not None and acc.length < 250:
        out.append(Src(acc, "footway"))
    # the green way along the south bank of the Vernelle
    xs = np.arange(-2600, 2401, 20.0)
    green = LineString([(x, river_y(x) - 30 - 6 * math.sin(x / 90)) for x in xs]).difference(
        shapely.union_all([p.buffer(5) for p in d.sites.values()])
    )
    for piece in lines_of(green, 50):
        out.append(Src(piece, "cycleway", name="Voie verte de la Vernelle"))
    return out
