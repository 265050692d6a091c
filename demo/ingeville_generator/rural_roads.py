"""Roads in the country: departmental roads between villages, lanes to hamlets, farm tracks, field
tracks and forest rides.
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry import LineString, Point

from .geometry import catmull_rom, lines_of, parts, rng_for
from .layout import RADIALS, Design, radial_line, river_side, same_side
from .street_names import de_name
from .street_sources import Src, classify_along, connector

#: Departmental and communal roads between villages and hamlets (control points, class, ref, name).
# fmt: off
RURAL_ROADS = (
    (
        [(-4330, 2480), (-4650, 1300), (-4900, 200), (-5300, -900), (-5700, -2300), (-6300, -3900), (-7100, -5200)],
        "tertiary", "D 103",
    ),
    ([(-1650, -4500), (800, -5200), (2200, -4600), (3600, -3300), (5200, -2600), (7100, -2300)], "tertiary", "D 117"),
    ([(4700, 1650), (4750, 3000), (4600, 4400), (4300, 5600), (4000, 7100)], "tertiary", "D 140"),
    ([(-2600, 5200), (-1500, 5300), (-560, 5150), (1000, 5450), (2500, 5150), (4600, 4400)], "tertiary", "D 126"),
    ([(-1650, -4500), (-3000, -3900), (-4300, -3500), (-5700, -2300)], "unclassified", ""),
    ([(2550, -1850), (3400, -2300), (3600, -3300)], "unclassified", ""),
    ([(1150, 2950), (1900, 3700), (2300, 4900), (2450, 5400)], "unclassified", ""),
)
# fmt: on


def rural_roads(d: Design, pools, streets_union) -> list:
    """Departmental roads between villages, hamlets and their lanes, farms and their tracks, field and
    forest tracks. Each road, hamlet, lane, try at a farm or a track and forest draws from a generator
    of its own: one that goes the other way leaves the others alone."""
    out = []
    r = rng_for("rural-roads")
    village_zone = {insee: v[2].buffer(40) for insee, v in sorted(d.villages.items())}
    for geom in village_zone.values():
        shapely.prepare(geom)
    for pts, hw, ref in RURAL_ROADS:
        line = catmull_rom(pts, 20.0)
        speed = "80" if hw == "tertiary" else r.choice(["", "70"])

        def classify(x, y, speed=speed):
            p = Point(x, y)
            for insee, zone in village_zone.items():
                if zone.contains(p):
                    return (insee, "50")
            return ("", speed)

        for piece, (insee, sp) in classify_along(line, classify):
            name = pools[insee].take("village") if insee else ""
            out.append(Src(piece, hw, name=name, ref=ref, maxspeed=sp))
    settlements = [(name, pt, insee) for name, (pt, insee) in sorted(d.hamlets.items())]
    settlements += [(v[0], v[1], insee) for insee, v in sorted(d.villages.items())]
    village_names = {v[0] for v in d.villages.values()}
    obstacles = shapely.union_all([d.envelope, *d.forests.values()])
    shapely.prepare(obstacles)
    new = []
    rural_lines = shapely.union_all([s.geom for s in out])
    banks = {side: same_side(streets_union, side) for side in (1, -1)}
    linked = set()
    for pts, _hw, _ref in RURAL_ROADS:  # settlements already joined by a departmental road
        on_road = [n for n, pt, _i in settlements for q in pts if pt.distance(Point(q)) < 1]
        linked.update(tuple(sorted(pair)) for pair in zip(on_road, on_road[1:]))
    for name, pt, _insee in settlements:
        if name in village_names:
            continue
        r = rng_for(f"hamlet-{name}")
        a = r.uniform(0, 180)
        for da, ln in ((0, r.uniform(160, 240)), (90 + r.uniform(-20, 20), r.uniform(90, 150))):
            aa = math.radians(a + da)
            line = LineString(
                [
                    (pt.x - ln / 2 * math.cos(aa), pt.y - ln / 2 * math.sin(aa)),
                    (pt.x + ln / 2 * math.cos(aa), pt.y + ln / 2 * math.sin(aa)),
                ]
            )
            out.append(Src(line, "residential", name=name, maxspeed="50"))
        side = river_side(pt.x, pt.y)
        target = banks[side].difference(pt.buffer(300))
        acc = None if rural_lines.distance(pt) < 5 else connector(pt, target, wiggle=90, r=r)
        if acc is not None:
            out.append(Src(acc, "unclassified", name="Route " + de_name(name), maxspeed=r.choice(["", "70", "80"])))
            new.append(acc)
    # a mesh of lanes between settlements on the same bank (2 nearest each), as the old roads were
    for name, pt, _insee in settlements:
        side = river_side(pt.x, pt.y)
        others = sorted(
            (pt.distance(o[1]), o[0], o[1]) for o in settlements if o[0] != name and river_side(o[1].x, o[1].y) == side
        )
        for dist, oname, opt in others[:2]:
            pair = tuple(sorted((name, oname)))
            if pair in linked or dist > 4200:
                continue
            linked.add(pair)
            r = rng_for(f"lane-{pair[0]}-{pair[1]}")
            mid = (
                (pt.x + opt.x) / 2 + r.uniform(-0.12, 0.12) * dist,
                (pt.y + opt.y) / 2 + r.uniform(-0.12, 0.12) * dist,
            )
            lane = catmull_rom([(pt.x, pt.y), mid, (opt.x, opt.y)], 20.0)
            core = lane.difference(pt.buffer(250)).difference(opt.buffer(250))
            if core.is_empty or core.intersects(obstacles) or (lane.crosses(d.railway) and dist > 3000):
                continue
            both_villages = name in village_names and oname in village_names
            if both_villages:
                out.append(Src(lane, "tertiary", ref=f"D {100 + len(linked)}", maxspeed="80"))
            else:
                out.append(
                    Src(
                        lane, "unclassified" if dist < 2600 else "track", name="Chemin " + de_name(oname),
                        maxspeed="" if dist >= 2600 else r.choice(["", "70"]),
                    )
                )
            new.append(lane)
    all_streets = shapely.union_all([streets_union, *new, *[s.geom for s in out]])

    # isolated farms, each with its track or drive
    communes = shapely.union_all(list(d.communes.values()))
    keep_out = shapely.union_all(
        [
            d.envelope.buffer(350), *[v[2].buffer(350) for v in d.villages.values()],
            *[f.buffer(60) for f in d.forests.values()], d.river.buffer(160), *[e.buffer(80) for e in d.estates],
            *[f[1].buffer(80) for f in d.future.values()],
        ]
    )
    minx, miny, maxx, maxy = communes.bounds
    placed = [s[1] for s in settlements]
    inner = communes.buffer(-100)
    shapely.prepare(inner)
    all_banks = {side: same_side(all_streets, side) for side in (1, -1)}
    shapely.prepare(keep_out)
    tries = 0
    while len(d.farms) < 30 and tries < 3000:
        tries += 1
        r = rng_for(f"farm-try-{tries}")
        p = Point(r.uniform(minx, maxx), r.uniform(miny, maxy))
        if not inner.contains(p) or keep_out.contains(p):
            continue
        if any(p.distance(q) < 650 for q in placed):
            continue
        dist = p.distance(all_streets)
        if dist < 90 or dist > 1100:
            continue
        acc = connector(p, all_banks[river_side(p.x, p.y)])
        if acc is None or acc.crosses(d.railway) or any(acc.intersects(f) for f in d.forests.values()):
            continue
        placed.append(p)
        insee = next(i for i, c in d.communes.items() if c.contains(p))
        d.farms.append((p, insee))
        out.append(Src(acc, "track" if acc.length > 280 else "service"))

    # field tracks opening from the lanes and roads into the fields
    rural_srcs = [s for s in out if s.highway in ("unclassified", "track")]
    no_track = shapely.union_all(
        [
            d.envelope.buffer(120), *[v[2].buffer(150) for v in d.villages.values()], d.river.buffer(40),
            d.railway.buffer(20),
        ]
    )
    n_tracks, tries = 0, 0
    bases = rural_srcs + [Src(radial_line(k), "") for k in sorted(RADIALS)]
    shapely.prepare(no_track)
    while n_tracks < 40 and tries < 800:
        tries += 1
        r = rng_for(f"field-track-try-{tries}")
        base = r.choice(bases)
        t = r.uniform(0.05, 0.95)
        p = base.geom.interpolate(t, normalized=True)
        q = base.geom.interpolate(min(1.0, t + 0.01), normalized=True)
        if no_track.contains(p) or not communes.contains(p):
            continue
        ang = math.atan2(q.y - p.y, q.x - p.x) + r.choice([1, -1]) * (math.pi / 2 + r.uniform(-0.35, 0.35))
        ln = r.uniform(350, 950)
        line = LineString(
            [(p.x - 4 * math.cos(ang), p.y - 4 * math.sin(ang)), (p.x + ln * math.cos(ang), p.y + ln * math.sin(ang))]
        )
        hits = [
            line.project(h)
            for h in parts(line.intersection(all_streets))
            if h.geom_type == "Point" and h.distance(p) > 12
        ]
        hits += [line.project(h.centroid) for h in parts(line.intersection(no_track))]
        if hits:
            cut = min(hits) + 6
            if cut < 150:
                continue
            line = LineString([line.coords[0], line.interpolate(min(cut, line.length)).coords[0]])
        if line.intersects(no_track) or not communes.contains(line):
            continue
        out.append(Src(line, "track"))
        n_tracks += 1

    # forest rides
    for fname, forest in sorted(d.forests.items()):
        c = forest.centroid
        r = rng_for(f"forest-rides-{fname}")
        a0 = r.uniform(0, 180)
        span = math.sqrt(forest.area / math.pi) * 2.4
        for k, da in enumerate((0, 75 + r.uniform(-10, 10))):
            aa = math.radians(a0 + da)
            ride = LineString(
                [
                    (c.x - span / 2 * math.cos(aa), c.y - span / 2 * math.sin(aa)),
                    (c.x + span / 2 * math.cos(aa), c.y + span / 2 * math.sin(aa)),
                ]
            )
            ride = ride.intersection(forest.buffer(10)).difference(d.river.buffer(30))
            for piece in lines_of(ride, 100):
                out.append(
                    Src(piece, "track", name=("Route forestière " + de_name(fname.split(" ", 2)[-1])) if k == 0 else "")
                )
    return out
