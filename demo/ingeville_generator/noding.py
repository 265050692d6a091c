"""Noding and clean-up of the street network: split at every crossing, close the small gaps, bridges,
roundabouts, one-way traps, merge chains into OSM-like ways, keep the connected network.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import nearest_points, split
from shapely.strtree import STRtree

from .geometry import lines_of, round_geom
from .layout import Design
from .street_sources import HIGHWAY_RANK, Src


def node_key(c):
    return tuple(np.round(np.asarray(c[:2], dtype=float), 2).tolist())


def end_keys(edges):
    """Rounded start and end node of every edge (vectorised: the network has thousands of edges)."""
    geoms = np.array([e.geom for e in edges], dtype=object)
    first = np.round(shapely.get_coordinates(shapely.get_point(geoms, 0)), 2).tolist()
    last = np.round(shapely.get_coordinates(shapely.get_point(geoms, -1)), 2).tolist()
    return [tuple(x) for x in first], [tuple(x) for x in last]


def noded_pieces(geoms) -> list:
    """The lines split at every crossing and at both ends of every line, on a 1 cm grid.

    GEOS nodes the lines (a union with a 1 cm grid), but versions differ in where they cut the
    result between two crossings: GEOS 3.11 cuts where an input line ends, 3.15 merges such pieces.
    So the union is taken apart into its segments and chained again here: a piece runs between two
    nodes that are a crossing, a dead end or the end of an input line, whatever GEOS did."""
    merged = shapely.union_all(geoms, grid_size=0.01)
    next_of = {}
    for line in lines_of(merged):
        cs = [tuple(c) for c in np.round(shapely.get_coordinates(line), 2).tolist()]
        for a, b in zip(cs, cs[1:]):
            if a != b:
                next_of.setdefault(a, set()).add(b)
                next_of.setdefault(b, set()).add(a)
    ends = np.round(shapely.get_coordinates(shapely.get_point(geoms, 0)), 2).tolist()
    ends += np.round(shapely.get_coordinates(shapely.get_point(geoms, -1)), 2).tolist()
    stops = {node for node, nbrs in next_of.items() if len(nbrs) != 2}
    stops |= {tuple(c) for c in ends} & set(next_of)
    seen = set()
    pieces = []

    def walk(start, nxt):
        chain = [start, nxt]
        seen.add(frozenset((start, nxt)))
        while chain[-1] not in stops and chain[-1] != start:
            prev, cur = chain[-2], chain[-1]
            step = next(n for n in sorted(next_of[cur]) if n != prev)
            seen.add(frozenset((cur, step)))
            chain.append(step)
        return LineString(chain)

    for node in sorted(stops):
        for nxt in sorted(next_of[node]):
            if frozenset((node, nxt)) not in seen:
                pieces.append(walk(node, nxt))
    for node in sorted(next_of):  # closed loops with no node on them
        for nxt in sorted(next_of[node]):
            if frozenset((node, nxt)) not in seen:
                pieces.append(walk(node, nxt))
    return pieces


def node_network(srcs: list) -> list:
    """Split every source line at every crossing (GEOS noding, snapped to a 1 cm grid) and give each
    piece the tags of the source it lies on (the higher class where two overlap), oriented like its
    source so that one-way tags keep their meaning."""
    geoms = np.array([s.geom for s in srcs], dtype=object)
    pieces = np.array([g for g in noded_pieces(geoms) if g.length >= 0.02], dtype=object)
    mids = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    tree = STRtree(geoms)
    qi, si = tree.query(mids, predicate="dwithin", distance=0.05)
    best = {}
    for q, k in zip(qi.tolist(), si.tolist()):
        key = (HIGHWAY_RANK[srcs[k].highway], k)
        if q not in best or key < best[q]:
            best[q] = key
    missing = [q for q in range(len(pieces)) if q not in best]
    if missing:
        qn, kn = tree.query_nearest(mids[missing])
        for q, k in zip(qn.tolist(), kn.tolist()):
            best.setdefault(missing[q], (0, k))
    src_idx = np.array([best[q][1] for q in range(len(pieces))])
    sg = geoms[src_idx]
    dpos = shapely.line_locate_point(sg, mids)
    a = shapely.get_coordinates(shapely.line_interpolate_point(sg, np.maximum(dpos - 0.5, 0)))
    b = shapely.get_coordinates(shapely.line_interpolate_point(sg, np.minimum(dpos + 0.5, shapely.length(sg))))
    half = shapely.length(pieces) / 2
    pa = shapely.get_coordinates(shapely.line_interpolate_point(pieces, np.maximum(half - 0.5, 0)))
    pb = shapely.get_coordinates(shapely.line_interpolate_point(pieces, half + 0.5))
    rev = ((b - a) * (pb - pa)).sum(axis=1) < 0
    pieces[rev] = shapely.reverse(pieces[rev])
    out = []
    for piece, k in zip(pieces, src_idx.tolist()):
        s = srcs[k]
        out.append(Src(piece, s.highway, s.name, s.ref, s.oneway, s.maxspeed, s.junction, s.bridge))
    return out


def incidence(edges):
    inc = {}
    firsts, lasts = end_keys(edges)
    for i, (f, l_) in enumerate(zip(firsts, lasts)):
        inc.setdefault(f, []).append(i)
        inc.setdefault(l_, []).append(i)
    return inc


def close_gaps(edges: list, srcs: list) -> list:
    """Streets that stop a few metres short of another street (cut by a buffer, a site...) are
    extended to meet it, as the streets of a real town do, then the network is noded again."""
    inc = incidence(edges)
    firsts, lasts = end_keys(edges)
    geoms = np.array([e.geom for e in edges], dtype=object)
    tree = STRtree(geoms)
    dangles = []
    for node in sorted(inc):
        ids = inc[node]
        if len(ids) != 1:
            continue
        e = edges[ids[0]]
        if e.highway in ("track", "footway", "cycleway") or e.geom.length < 20:
            continue
        cs = e.geom.coords
        inner = cs[1] if firsts[ids[0]] == node else cs[-2]
        dangles.append((node, ids[0], node[0] - inner[0], node[1] - inner[1]))
    if not dangles:
        return edges
    pts = shapely.points([dg[0] for dg in dangles])
    qi, ji = tree.query(pts, predicate="dwithin", distance=16)
    cands = {}
    for q, j in zip(qi.tolist(), ji.tolist()):
        cands.setdefault(q, []).append(j)
    ext = []
    for q, (node, eid, dx, dy) in enumerate(dangles):
        dn = math.hypot(dx, dy)
        if dn == 0:
            continue
        p = Point(node)
        best = None
        for j in cands.get(q, []):
            if j == eid:
                continue
            other = geoms[j]
            dist = other.distance(p)
            if dist < 0.5 or dist > 16:
                continue
            t = nearest_points(p, other)[1]
            vx, vy = t.x - p.x, t.y - p.y
            if (vx * dx + vy * dy) / (dist * dn) > 0.5 and (best is None or dist < best[0]):
                best = (dist, t, vx / dist, vy / dist)
        if best:
            dist, t, ux, uy = best
            e = edges[eid]
            ext.append(
                Src(
                    LineString([node, (t.x + ux * 1.5, t.y + uy * 1.5)]), e.highway, e.name, e.ref, e.oneway, e.maxspeed
                )
            )
    return node_network(srcs + ext) if ext else edges


def trim_dangles(edges: list, max_len=14.0, passes=2) -> list:
    """Drop the short stubs left where a street was drawn a few metres past the road it meets."""
    for _ in range(passes):
        inc = incidence(edges)
        firsts, lasts = end_keys(edges)
        lengths = shapely.length(np.array([e.geom for e in edges], dtype=object))
        edges = [
            e
            for i, e in enumerate(edges)
            if not (lengths[i] < max_len and (len(inc[firsts[i]]) == 1) != (len(inc[lasts[i]]) == 1))
        ]
    return edges


def split_bridges(edges: list, d: Design) -> list:
    """Where a road crosses the river (or a main road crosses the railway), the crossing becomes an
    edge of its own tagged bridge=yes, as in OSM."""
    river_zone = d.river.buffer(14)
    rail_zone = d.railway.buffer(9)
    out = []
    for e in edges:
        zone = None
        if e.geom.intersects(river_zone) and e.geom.crosses(d.river):
            zone = river_zone
        elif e.geom.crosses(d.railway) and HIGHWAY_RANK[e.highway] <= HIGHWAY_RANK["tertiary"]:
            zone = rail_zone
        if zone is None:
            out.append(e)
            continue
        for piece in lines_of(split(e.geom, zone.boundary)):
            inside = zone.contains(piece.interpolate(0.5, normalized=True))
            out.append(
                Src(piece, e.highway, e.name, e.ref, e.oneway, e.maxspeed, e.junction, "yes" if inside else e.bridge)
            )
    return out


def make_roundabouts(edges: list, centres: list) -> list:
    """Replace a few crossings by roundabouts (one-way anticlockwise rings, junction=roundabout):
    every French bypass has them, and they test the one-way handling of a router."""
    incident = incidence(edges)
    for node, radius, name in centres:
        circle = Point(node).buffer(radius, quad_segs=32)
        inc = incident[node]
        if len(inc) < 3 or any(edges[i].geom.length < radius + 10 for i in inc):
            continue
        entries = []
        classes = []
        for i in inc:
            e = edges[i]
            rest = max(lines_of(e.geom.difference(circle)), key=lambda g: g.length)
            starts_at_node = node_key(e.geom.coords[0]) == node
            cs = list(rest.coords)
            on_circle = cs[0] if starts_at_node else cs[-1]
            edges[i] = Src(rest, e.highway, e.name, e.ref, e.oneway, e.maxspeed, e.junction, e.bridge)
            entries.append((math.atan2(on_circle[1] - node[1], on_circle[0] - node[0]), on_circle))
            classes.append(e.highway)
        entries.sort()
        top = min(classes, key=lambda h: HIGHWAY_RANK[h])
        for k, (a0, p0) in enumerate(entries):
            a1, p1 = entries[(k + 1) % len(entries)]
            if a1 <= a0:
                a1 += 2 * math.pi
            steps = max(2, int((a1 - a0) / math.radians(12)))
            pts = (
                [p0]
                + [
                    (node[0] + radius * math.cos(t), node[1] + radius * math.sin(t))
                    for t in np.linspace(a0, a1, steps + 1)[1:-1]
                ]
                + [p1]
            )
            edges.append(Src(LineString(pts), top, name=name, oneway="yes", junction="roundabout"))
    return edges


def merge_chains(edges: list) -> list:
    """Join edges that meet end to end at a node no third edge touches and carry the same tags: OSM
    ways break at intersections and where tags change, not in between."""
    coords = [list(e.geom.coords) for e in edges]
    alive = [True] * len(edges)
    inc = incidence(edges)
    for node in sorted(inc):
        ids = [i for i in inc[node] if alive[i]]
        if len(ids) != 2 or ids[0] == ids[1]:
            continue
        a, b = ids
        if edges[a].tags() != edges[b].tags():
            continue
        ca, cb = coords[a], coords[b]
        a_end, b_start = node_key(ca[-1]) == node, node_key(cb[0]) == node
        oneway = edges[a].oneway in ("yes", "-1")
        if a_end and b_start:
            merged = ca + cb[1:]
        elif not a_end and not b_start:  # a starts here, b ends here
            merged = cb + ca[1:]
        elif oneway:
            continue
        elif a_end:  # both end here
            merged = ca + cb[::-1][1:]
        else:  # both start here
            merged = ca[::-1] + cb[1:]
        if node_key(merged[0]) == node_key(merged[-1]):
            continue
        coords[a] = merged
        alive[b] = False
        other_b = node_key(cb[-1]) if node_key(cb[0]) == node else node_key(cb[0])
        inc[other_b] = [a if i == b else i for i in inc[other_b]]
        inc[node] = []
    out = []
    for i, e in enumerate(edges):
        if alive[i]:
            out.append(Src(LineString(coords[i]), e.highway, e.name, e.ref, e.oneway, e.maxspeed, e.junction, e.bridge))
    return out


def components(edges: list) -> list:
    """Connected component label of each edge (union-find on end nodes)."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        a, b = find(node_key(e.geom.coords[0])), find(node_key(e.geom.coords[-1]))
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [find(node_key(e.geom.coords[0])) for e in edges]


def prune_stubs(edges: list, max_len=55.0) -> list:
    """Short residential dead ends left inside blocks by the random grid are not streets anyone would
    build: drop them (the longer ones stay, as cul-de-sacs)."""
    inc = incidence(edges)
    firsts, lasts = end_keys(edges)
    keep = []
    for i, e in enumerate(edges):
        dead = (len(inc[firsts[i]]) == 1) != (len(inc[lasts[i]]) == 1)
        if (
            dead
            and e.highway in ("residential", "unclassified", "living_street", "pedestrian")
            and e.geom.length < max_len
        ):
            continue
        keep.append(e)
    return keep


def contract_short(edges: list, min_len=1.0) -> list:
    """Edges shorter than a metre (two crossings almost at the same place) are contracted into one
    node: a router should not see a 30 cm street."""
    while True:
        firsts, lasts = end_keys(edges)
        lengths = shapely.length(np.array([e.geom for e in edges], dtype=object))
        short = [i for i in range(len(edges)) if lengths[i] < min_len and firsts[i] != lasts[i]]
        if not short:
            return edges
        i = short[0]
        a, b = firsts[i], lasts[i]
        out = []
        for j, e in enumerate(edges):
            if j == i:
                continue
            if b in (firsts[j], lasts[j]):
                cs = list(e.geom.coords)
                if firsts[j] == b:
                    cs[0] = a
                if lasts[j] == b:
                    cs[-1] = a
                cs = [c for k, c in enumerate(cs) if k == 0 or c != cs[k - 1]]
                if len(cs) < 2:
                    continue
                e = Src(LineString(cs), e.highway, e.name, e.ref, e.oneway, e.maxspeed, e.junction, e.bridge)
            out.append(e)
        edges = out


DRIVABLE = {"trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "living_street", "service"}


def strong_components(n_nodes: int, arcs: list) -> list:
    """Strongly connected component label of each node (iterative Kosaraju)."""
    fwd = [[] for _ in range(n_nodes)]
    bwd = [[] for _ in range(n_nodes)]
    for a, b in arcs:
        fwd[a].append(b)
        bwd[b].append(a)
    seen = [False] * n_nodes
    order = []
    for s0 in range(n_nodes):
        if seen[s0]:
            continue
        seen[s0] = True
        stack = [(s0, 0)]
        while stack:
            u, k = stack.pop()
            if k < len(fwd[u]):
                stack.append((u, k + 1))
                v = fwd[u][k]
                if not seen[v]:
                    seen[v] = True
                    stack.append((v, 0))
            else:
                order.append(u)
    label = [-1] * n_nodes
    for s0 in reversed(order):
        if label[s0] != -1:
            continue
        label[s0] = s0
        stack = [s0]
        while stack:
            u = stack.pop()
            for v in bwd[u]:
                if label[v] == -1:
                    label[v] = s0
                    stack.append(v)
    return label


def fix_one_way_traps(edges: list) -> list:
    """A car must be able to leave every street it can enter: one-way streets that lead into a dead
    end (or out of one) become two-way, and pedestrian streets that are the only way to reach a street
    become living streets, until the drivable network is strongly connected."""
    for _ in range(6):
        firsts, lasts = end_keys(edges)
        ids = {}
        for k in firsts + lasts:
            ids.setdefault(k, len(ids))
        arcs = []
        for i, e in enumerate(edges):
            if e.highway not in DRIVABLE:
                continue
            a, b = ids[firsts[i]], ids[lasts[i]]
            if e.oneway != "-1":
                arcs.append((a, b))
            if e.oneway != "yes":
                arcs.append((b, a))
        label = strong_components(len(ids), arcs)
        counts = {}
        for i, e in enumerate(edges):
            if e.highway in DRIVABLE:
                counts[label[ids[firsts[i]]]] = counts.get(label[ids[firsts[i]]], 0) + 1
        main = max(sorted(counts), key=lambda k: counts[k])
        changed = False
        for i, e in enumerate(edges):
            out_a, out_b = label[ids[firsts[i]]] != main, label[ids[lasts[i]]] != main
            if not (out_a or out_b):
                continue
            if e.highway in DRIVABLE and e.oneway != "no" and e.junction != "roundabout":
                edges[i] = Src(e.geom, e.highway, e.name, e.ref, "no", e.maxspeed, e.junction, e.bridge)
                changed = True
            elif e.highway == "pedestrian":
                edges[i] = Src(e.geom, "living_street", e.name, e.ref, "no", "20", e.junction, e.bridge)
                changed = True
        if not changed:
            return edges
    return edges


def finish_network(edges: list, d: Design) -> list:
    """Trim, bridges, roundabouts, merge, keep the connected network, round and sort."""
    edges = trim_dangles(edges)
    edges = prune_stubs(edges)
    edges = split_bridges(edges, d)
    inc = incidence(edges)
    centres = []
    for node in sorted(inc):
        hws = {edges[i].highway for i in inc[node]}
        if "trunk" in hws and len(inc[node]) >= 3 and hws & {"primary", "secondary", "tertiary"}:
            centres.append((node, 30.0, ""))
    for target, name in (
        ((430, -60), "Rond-point de la Porte de Gien"), ((-430, 30), "Rond-point de la Porte d'Orléans"),
    ):
        node = min(inc, key=lambda n: math.hypot(n[0] - target[0], n[1] - target[1]))
        if math.hypot(node[0] - target[0], node[1] - target[1]) < 40:
            centres.append((node, 16.0, name))
    edges = make_roundabouts(edges, centres)
    edges = contract_short(edges)
    edges = fix_one_way_traps(edges)
    edges = merge_chains(edges)
    labels = components(edges)
    counts = {}
    for lab in labels:
        counts[lab] = counts.get(lab, 0) + 1
    main = max(sorted(counts), key=lambda k: counts[k])
    edges = [e for e, lab in zip(edges, labels) if lab == main]
    out = []
    for e in edges:
        g = round_geom(e.geom)
        cs = [c for k, c in enumerate(g.coords) if k == 0 or c != g.coords[k - 1]]
        if len(cs) < 2 or LineString(cs).length < 0.05:
            continue
        out.append(Src(LineString(cs), e.highway, e.name, e.ref, e.oneway, e.maxspeed, e.junction, e.bridge))
    out.sort(key=lambda e: (e.geom.coords[0], e.geom.coords[-1], e.geom.length))
    return out
