"""The street network as seen by a bus: a directed graph for routing the lines, and the registry of
stops shared by every line (names from landmarks, then from the streets they stand on).
"""

from __future__ import annotations

import heapq
import math

import numpy as np
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from .layout import Design, rail_y, river_y
from .noding import end_keys

BUS_CLASSES = {"trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "living_street", "service"}
# fmt: off
BUS_KMH_BY_LIMIT = {"20": 11, "30": 17, "50": 23, "70": 42, "80": 52, "90": 60, "110": 72}
# fmt: on
# fmt: off
BUS_KMH_DEFAULT = {
    "trunk": 65,
    "primary": 28,
    "secondary": 27,
    "tertiary": 23,
    "unclassified": 35,
    "residential": 17,
    "living_street": 10,
    "service": 12,
}
# fmt: on
# fmt: off
BUS_PENALTY = {"residential": 1.5, "living_street": 4.0, "service": 3.0, "unclassified": 1.2}
# fmt: on


class RoadGraph:
    """The street network as a directed graph for buses (one-way streets respected), with a plain
    Dijkstra: bus lines are drawn on the shortest reasonable path between their waypoints."""

    def __init__(self, edges: list):
        self.edges = edges
        firsts, lasts = end_keys(edges)
        self.ends = list(zip(firsts, lasts))
        self.adj = {}
        self.seconds = []
        for i, e in enumerate(edges):
            kmh = BUS_KMH_BY_LIMIT.get(e.maxspeed, BUS_KMH_DEFAULT.get(e.highway, 15))
            kmh = min(kmh, BUS_KMH_DEFAULT.get(e.highway, 15) * (2.5 if e.highway in ("primary", "secondary") else 1.6))
            secs = e.geom.length / (kmh / 3.6)
            self.seconds.append(secs)
            if e.highway not in BUS_CLASSES:
                continue
            cost = secs * BUS_PENALTY.get(e.highway, 1.0)
            a, b = firsts[i], lasts[i]
            if e.oneway != "-1":
                self.adj.setdefault(a, []).append((b, i, True, cost))
            if e.oneway not in ("yes",):
                self.adj.setdefault(b, []).append((a, i, False, cost))
        self.nodes = sorted(self.adj)
        self.node_pts = np.array(self.nodes)

    def nearest(self, xy) -> tuple:
        dd = np.hypot(self.node_pts[:, 0] - xy[0], self.node_pts[:, 1] - xy[1])
        return self.nodes[int(np.argmin(dd))]

    def route(self, a, b) -> list:
        dist = {a: 0.0}
        prev = {}
        heap = [(0.0, 0, a)]
        counter = 1
        while heap:
            cst, _k, u = heapq.heappop(heap)
            if u == b:
                break
            if cst > dist.get(u, math.inf):
                continue
            for v, i, fwd, c in self.adj.get(u, ()):
                nc = cst + c
                if nc < dist.get(v, math.inf) - 1e-9:
                    dist[v] = nc
                    prev[v] = (u, i, fwd)
                    heapq.heappush(heap, (nc, counter, v))
                    counter += 1
        if b not in prev and a != b:
            raise RuntimeError(f"no bus path from {a} to {b}")
        steps = []
        node = b
        while node != a:
            u, i, fwd = prev[node]
            steps.append((i, fwd))
            node = u
        return steps[::-1]

    def path(self, waypoints) -> tuple:
        """The path through the waypoints as (LineString, cumulative metres, cumulative seconds) at
        every vertex."""
        nodes = [self.nearest(w) for w in waypoints]
        coords, cum_m, cum_s = [], [], []
        m = s = 0.0
        for a, b in zip(nodes, nodes[1:]):
            for i, fwd in self.route(a, b):
                cs = list(self.edges[i].geom.coords)
                if not fwd:
                    cs = cs[::-1]
                seg_len = self.edges[i].geom.length
                acc = 0.0
                for k, c in enumerate(cs):
                    if k:
                        acc += math.hypot(c[0] - cs[k - 1][0], c[1] - cs[k - 1][1])
                    if coords and k == 0:
                        continue
                    coords.append(c)
                    cum_m.append(m + acc)
                    cum_s.append(s + self.seconds[i] * (acc / seg_len if seg_len else 0.0))
                m += seg_len
                s += self.seconds[i]
        return LineString(coords), np.array(cum_m), np.array(cum_s)


def short_street(name: str) -> str:
    """The way French stops are named after streets: "Rue de la Boucherie" -> "Boucherie"."""
    for kind in ("Rue ", "Allée ", "Impasse ", "Place "):
        if name.startswith(kind):
            rest = name[len(kind) :]
            for part in ("de la ", "de l'", "du ", "des ", "d'", "de "):
                if rest.startswith(part):
                    rest = rest[len(part) :]
                    break
            return rest[:1].upper() + rest[1:]
    return name


class StopRegistry:
    """Bus stops shared by every line: a line passing by an existing stop uses it."""

    def __init__(self, d: Design, edges: list):
        self.stops = []  # dicts: id, name, pt (local), code
        self.names = set()
        named = [e for e in edges if e.name and e.highway in BUS_CLASSES]
        self.named = named
        self.tree = STRtree([e.geom for e in named])
        hosp, lyc, iut = (d.sites[k].centroid for k in ("hopital", "lycee", "iut"))
        self.landmarks = [
            ("Hôtel de Ville", Point(0, 50)), ("Gare SNCF", Point(d.station.x - 60, rail_y(d.station.x - 60) - 46)),
            ("Centre Hospitalier", hosp), ("Lycée Jean Moulin", lyc), ("IUT", iut),
            ("Les Tilleuls", d.tilleuls.centroid), ("ZAC du Moulin", d.commercial.centroid),
            ("Manufacture", d.reserved["duval"].centroid), ("Caserne Saint-Martin", d.reserved["caserne"].centroid),
            ("Stade Léo Lagrange", d.sites["stade"].centroid), ("Cimetière", d.sites["cimetiere"].centroid),
            ("Collège Pasteur", d.sites["college"].centroid), ("Médiathèque", Point(-180, 130)),
            ("Saint-Jean", Point(20, -900)), ("Pont Neuf", Point(-8, river_y(-8))),
            ("Parc du Château", d.parks["parc_chateau"].centroid),
        ]
        for _insee, (vname, pt, _poly) in sorted(d.villages.items()):
            self.landmarks.append((f"{vname} Mairie", pt))
        for hname, (pt, _insee) in sorted(d.hamlets.items()):
            self.landmarks.append((hname, pt))

    def near(self, line: LineString, tol=12.0) -> list:
        return [(line.project(s["pt"]), s) for s in self.stops if line.distance(s["pt"]) < tol]

    def name_for(self, pt: Point) -> str:
        for lname, lpt in sorted(self.landmarks, key=lambda kv: kv[1].distance(pt)):
            if lpt.distance(pt) > 180:
                break
            if lname not in self.names:
                return lname
        ks = self.tree.query(pt.buffer(80))
        cands = sorted((self.named[int(k)].geom.distance(pt), self.named[int(k)].name) for k in ks)
        if cands:
            base = short_street(cands[0][1])
            if base not in self.names:
                return base
            for _dd, other in cands[1:]:
                if other != cands[0][1] and f"{base} - {short_street(other)}" not in self.names:
                    return f"{base} - {short_street(other)}"
        k = 2
        base = cands[0][1] if cands else "Arrêt"
        while f"{short_street(base)} {k}" in self.names:
            k += 1
        return f"{short_street(base)} {k}"

    def add(self, pt: Point, name=None) -> dict:
        name = name or self.name_for(pt)
        self.names.add(name)
        stop = {"id": f"ING:SP:{len(self.stops) + 1:04d}", "name": name, "pt": pt, "code": str(1001 + len(self.stops))}
        self.stops.append(stop)
        return stop

    def place(self, line: LineString, urban: Polygon, spacing=350.0, rural_spacing=1400.0, loop=False) -> list:
        """Stops along a path: existing ones it passes, the two ends, and new ones to fill the gaps
        (every ~350 m in town, only at villages and hamlets in the country)."""
        length = line.length
        chosen = sorted(((pos, s) for pos, s in self.near(line) if 0 <= pos <= length), key=lambda ps: ps[0])
        ends = [0.0] if loop else [0.0, length]
        for pos in ends:
            if not any(abs(p - pos) < 60 for p, _s in chosen):
                chosen.append((pos, self.add(line.interpolate(pos))))
        chosen.sort(key=lambda ps: ps[0])
        if loop:
            chosen.append((length, chosen[0][1]))
        out = []
        for (p0, s0), (p1, _s1) in zip(chosen, chosen[1:]):
            out.append((p0, s0))
            mid = line.interpolate((p0 + p1) / 2)
            step = spacing if urban.contains(mid) else rural_spacing
            n_new = int(round((p1 - p0) / step)) - 1
            for k in range(1, n_new + 1):
                pos = p0 + (p1 - p0) * k / (n_new + 1)
                pt = line.interpolate(pos)
                if not urban.contains(pt) and min(pt.distance(lpt) for _n, lpt in self.landmarks) > 300:
                    continue  # no stop in the middle of the fields
                out.append((pos, self.add(pt)))
        out.append(chosen[-1])
        return out
