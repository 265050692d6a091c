"""The whole street network: major roads, local streets block by block, estates and sites, rural
roads, then noded and cleaned up into OSM-like edges.
"""

from __future__ import annotations

import shapely
from shapely.geometry import Point

from .geometry import canon, lines_of, orientation_deg, polys_of, resample, rng_for
from .layout import Design
from .local_streets import GRID_STYLES, estates_and_sites, grid_streets, local_tags
from .major_roads import major_roads
from .noding import close_gaps, finish_network, node_network
from .rural_roads import rural_roads
from .street_names import RESERVED_NAMES, NamePool
from .street_sources import Src
from .territory import COMMUNES, INSEE_INGEVILLE


def build_streets(d: Design):
    """The whole street network as noded edges (see module docstring, step 2)."""
    pools = {
        insee: NamePool(rng_for(f"names-{insee}"), RESERVED_NAMES if insee == INSEE_INGEVILLE else ())
        for insee in COMMUNES
    }
    names = pools[INSEE_INGEVILLE]
    srcs = major_roads(d)
    major_union = shapely.union_all([s.geom for s in srcs])

    # the industrial zone's own perimeter streets, where it does not border the railway or a radial
    for k, poly in enumerate(d.industrial):
        ring = poly.exterior.difference(d.railway.buffer(40)).difference(major_union.buffer(25))
        for piece in lines_of(ring, 60):
            srcs.append(Src(piece, "unclassified", name=("Rue de l'Industrie", "Rue des Fontaines")[k], maxspeed="50"))
    # the retail park on the bypass: a loop avenue around the big boxes, parking aisles added below
    zac_loop = resample(canon(d.commercial.buffer(-40, join_style="round")).exterior, 15.0)
    srcs.append(Src(zac_loop, "tertiary", name="Avenue du Moulin", maxspeed="50"))
    # the 1960s estate has its ring avenue
    ring = resample(canon(d.tilleuls.buffer(25, join_style="round")).exterior, 15.0)
    srcs.append(Src(ring, "tertiary", name="Avenue Salvador Allende", maxspeed="30"))
    major_union = shapely.union_all([s.geom for s in srcs])

    skeleton = shapely.union_all([major_union, d.river, d.railway, d.extent.exterior])
    faces = polys_of(shapely.polygonize(lines_of(skeleton)), 2000)
    faces.sort(key=lambda p: (round(p.centroid.x), round(p.centroid.y)))

    blocked = shapely.union_all(
        [d.river.buffer(24), d.railway.buffer(16), Point(0, 0).buffer(52)]
        + [s.buffer(8) for s in d.sites.values()]
        + [s.buffer(8) for s in d.reserved.values()]
        + [p.buffer(6) for p in d.parks.values()]
        + list(d.forests.values())
        + [d.commercial]
    )
    industrial = shapely.union_all(d.industrial)
    villages = shapely.union_all([v[2] for v in d.villages.values()])
    regions = (
        ("centre", d.centre.difference(blocked)),
        ("tilleuls", d.tilleuls.difference(blocked)),
        ("industrial", industrial.difference(blocked)),
        (
            "urban",
            d.envelope.difference(d.centre)
            .difference(industrial)
            .difference(d.tilleuls)
            .difference(d.commercial)
            .difference(blocked),
        ),
        ("village", villages.difference(blocked)),
    )
    local = []
    for k, face in enumerate(faces):
        face_angle = orientation_deg(face)
        for kind, region in regions:
            part = canon(face.intersection(region))
            if part.area < 6000:
                continue
            # draws of its own for each block: a block drawn otherwise leaves the next ones alone
            r = rng_for(f"streets-block-{k}-{kind}")
            style = kind
            if kind == "urban":
                style = "faubourg" if d.faubourg.contains(part.representative_point()) else "suburb"
            spacing, jitter, warp, drop = GRID_STYLES[style]
            angle = face_angle + (r.uniform(-14, 14) if style == "centre" else r.uniform(-5, 5))
            scale = r.uniform(0.85, 1.2)
            spacing = (spacing[0] * scale, spacing[1] * scale)
            runs = grid_streets(part, spacing, angle, jitter, warp, drop, r, major_union, blocked)
            pool = names
            if style == "village":
                pool = pools[next(i for i, v in d.villages.items() if v[2].intersects(part))]
            tags_of = {}  # one name per grid line: a street cut by a dropped block keeps its name
            for key, run in runs:
                if key not in tags_of:
                    tags_of[key] = local_tags(style, r, pool, run.length, run.distance(Point(0, 0)))
                local.append(Src(run, **tags_of[key]))
    srcs.extend(local)
    zac_inner = canon(d.commercial.buffer(-55))
    for _key, run in grid_streets(
        zac_inner, (170, 120), orientation_deg(d.commercial), 1.0, 0.0, 0.3, rng_for("streets-retail-park"),
        shapely.union_all([major_union, zac_loop]), d.river.buffer(30),
    ):
        srcs.append(Src(run, "service"))
    streets_union = shapely.union_all([s.geom for s in srcs])

    srcs.extend(estates_and_sites(d, names, pools, streets_union, blocked))
    streets_union = shapely.union_all([s.geom for s in srcs])
    srcs.extend(rural_roads(d, pools, streets_union))
    edges = node_network(srcs)
    edges = close_gaps(edges, srcs)
    return finish_network(edges, d)
