"""Population: an INSEE Filosofi-like grid of 200 m cells, residents spread over the residential fabric
and the streets, with household, income, dwelling and age profiles by district.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import box
from shapely.strtree import STRtree

from .geometry import canon, np_rng_for, round_geom
from .layout import Design
from .territory import COMMUNES, INSEE_INGEVILLE, X0, Y0

#: Relative density of residents per m² of each kind of fabric (scaled to the commune totals).
# fmt: off
DENSITY = {"UA": 1.0, "UBc": 1.35, "UB": 0.55, "UC": 0.24, "estate": 0.27, "village": 0.2, "hamlet": 0.07}
# fmt: on

#: Household and dwelling profile of each fabric: persons per household, shares of households
#: (one person, 5+ persons, owners, single parents, poor, in flats), mean standard of living (EUR),
#: floor area per household (m²), dwellings by period (<1945, 45-70, 70-90, >=1990, unknown), social
#: housing share, and the age pyramid (0-3, 4-5, 6-10, 11-17, 18-24, 25-39, 40-54, 55-64, 65-79, 80+).
# fmt: off
PROFILES = {
    "UA": (
        1.75, 0.52, 0.03, 0.38, 0.11, 0.19, 0.86, 19800, 62, (0.62, 0.12, 0.12, 0.12, 0.02), 0.09,
        (0.035, 0.02, 0.045, 0.06, 0.12, 0.22, 0.16, 0.12, 0.13, 0.07),
    ),
    "UBc": (
        2.45, 0.33, 0.12, 0.08, 0.22, 0.36, 0.97, 13600, 66, (0.0, 0.78, 0.17, 0.05, 0.0), 0.88,
        (0.07, 0.04, 0.08, 0.11, 0.11, 0.21, 0.17, 0.1, 0.08, 0.03),
    ),
    "UB": (
        2.05, 0.4, 0.05, 0.52, 0.1, 0.13, 0.45, 21500, 78, (0.38, 0.3, 0.18, 0.12, 0.02), 0.12,
        (0.045, 0.025, 0.055, 0.075, 0.09, 0.2, 0.19, 0.12, 0.13, 0.07),
    ),
    "UC": (
        2.35, 0.22, 0.07, 0.82, 0.07, 0.06, 0.07, 25200, 104, (0.05, 0.18, 0.42, 0.33, 0.02), 0.04,
        (0.035, 0.025, 0.06, 0.09, 0.07, 0.15, 0.21, 0.15, 0.16, 0.05),
    ),
    "estate": (
        2.6, 0.14, 0.09, 0.86, 0.07, 0.04, 0.02, 26100, 112, (0.0, 0.0, 0.25, 0.73, 0.02), 0.05,
        (0.05, 0.035, 0.08, 0.11, 0.06, 0.2, 0.23, 0.12, 0.09, 0.025),
    ),
    "village": (
        2.4, 0.24, 0.07, 0.78, 0.06, 0.08, 0.06, 23400, 108, (0.35, 0.15, 0.25, 0.23, 0.02), 0.03,
        (0.04, 0.025, 0.065, 0.09, 0.06, 0.15, 0.21, 0.15, 0.16, 0.05),
    ),
    "hamlet": (
        2.5, 0.2, 0.08, 0.85, 0.04, 0.09, 0.0, 22800, 125, (0.55, 0.1, 0.17, 0.16, 0.02), 0.0,
        (0.03, 0.022, 0.06, 0.09, 0.06, 0.14, 0.21, 0.16, 0.17, 0.058),
    ),
}
# fmt: on
# fmt: off
AGE_FIELDS = (
    "ind_0_3", "ind_4_5", "ind_6_10", "ind_11_17", "ind_18_24", "ind_25_39", "ind_40_54", "ind_55_64", "ind_65_79",
    "ind_80p",
)
# fmt: on
FILOSOFI_FIELDS = (
    "idcar_200m", "idcar_1km", "idcar_nat", "i_est_200", "i_est_1km", "lcog_geo", "ind", "men", "men_pauv",
    "men_1ind", "men_5ind", "men_prop", "men_fmp", "ind_snv", "men_surf", "men_coll", "men_mais", "log_av45",
    "log_45_70", "log_70_90", "log_ap90", "log_inc", "log_soc", *AGE_FIELDS, "ind_inc",
)


def residential_fabric(d: Design) -> list:
    """Where people live, by kind of fabric, without the places nobody lives in (equipment sites,
    friches, parks, the industrial and retail zones, the river and railway banks)."""
    empty = shapely.union_all(
        [
            *d.sites.values(), *[p.buffer(5) for p in d.reserved.values()], *d.parks.values(), *d.industrial,
            d.commercial.buffer(30), d.river.buffer(35), d.railway.buffer(25), *d.forests.values(),
        ]
    )
    hamlets = shapely.union_all([pt.buffer(160) for pt, _i in d.hamlets.values()])
    villages = shapely.union_all([v[2] for v in d.villages.values()])
    fabric = [
        ("UA", d.centre), ("UBc", d.tilleuls.buffer(30)),
        ("UB", d.faubourg.difference(d.centre).difference(d.tilleuls.buffer(30))),
        ("UC", d.envelope.difference(d.faubourg).difference(d.tilleuls.buffer(30))),
        ("estate", shapely.union_all(d.estates).difference(villages.buffer(50))),
        ("village", villages.union(shapely.union_all(d.estates).intersection(villages.buffer(50)))),
        ("hamlet", hamlets),
    ]
    return [(kind, canon(poly.difference(empty))) for kind, poly in fabric]


def build_population(d: Design, edges: list) -> list:
    """Filosofi-style 200 m cells (EPSG:2154 here, see README): residents spread over the residential
    fabric in proportion to its density and to the length of streets in the cell (no street, no
    houses), with some noise, then scaled to each commune's total. Only inhabited cells are kept."""
    r = np_rng_for("population")
    fabric = residential_fabric(d)
    communes = d.communes
    union = shapely.union_all(list(communes.values()))
    minx, miny, maxx, maxy = (math.floor(v / 200) * 200 for v in union.bounds)
    xs = np.arange(minx, maxx + 200, 200.0)
    ys = np.arange(miny, maxy + 200, 200.0)
    gx, gy = np.meshgrid(xs, ys)
    cells = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + 200, gy.ravel() + 200)
    street_kinds = {"residential", "living_street", "pedestrian", "tertiary", "secondary", "primary", "unclassified"}
    streets = shapely.union_all([e.geom for e in edges if e.highway in street_kinds])
    street_len = shapely.length(shapely.intersection(cells, streets))
    weights = {}
    for kind, poly in fabric:
        area = shapely.area(shapely.intersection(cells, poly))
        weights[kind] = area * DENSITY[kind]
    total_w = sum(weights.values())
    street_factor = np.clip(0.15 + street_len / 550.0, 0.0, 1.3)
    noise = r.lognormal(0.0, 0.22, size=len(cells))
    raw = total_w * street_factor * noise
    # isolated farms, and houses scattered along the country roads: a household or two per cell
    farm_pop = np.zeros(len(cells))
    tree = STRtree(cells)
    for p, _insee in d.farms:
        idx = int(tree.query(p, predicate="intersects")[0])
        farm_pop[idx] += r.uniform(2.0, 7.0)
    built = shapely.union_all(
        [d.envelope.buffer(100), *[v[2].buffer(100) for v in d.villages.values()], *d.forests.values()]
    )
    country = shapely.union_all(
        [e.geom for e in edges if e.highway in ("primary", "secondary", "tertiary", "unclassified")]
    )
    along = shapely.length(shapely.intersection(cells, country.difference(built)))
    scattered = (along > 50) & (r.uniform(size=len(cells)) < 0.16)
    farm_pop[scattered] += r.uniform(1.5, 6.0, size=int(scattered.sum()))

    # communes each cell touches (lcog_geo): codes concatenated in increasing order
    inter = {insee: shapely.area(shapely.intersection(cells, poly)) for insee, poly in communes.items()}
    codes = sorted(communes)
    lcog = []
    main_commune = []
    for k in range(len(cells)):
        present = [c for c in codes if inter[c][k] > 1.0]
        lcog.append("".join(present))
        main_commune.append(max(codes, key=lambda c: inter[c][k]) if present else "")
    lcog = np.array(lcog, dtype=object)
    main_commune = np.array(main_commune, dtype=object)
    inhabited = (raw > 0) | (farm_pop > 0)
    # scale: Ingeville first (every cell touching it), then the neighbours on their own cells
    pop = np.zeros(len(cells))
    ing = np.array([INSEE_INGEVILLE in [c[i : i + 5] for i in range(0, len(c), 5)] for c in lcog])
    for insee, (_name, target) in COMMUNES.items():
        sel = ing if insee == INSEE_INGEVILLE else (~ing) & (main_commune == insee)
        sel = sel & inhabited
        base = raw[sel].sum()
        farms = farm_pop[sel].sum()
        pop[sel] = raw[sel] * (target - farms) / base + farm_pop[sel]
    keep = np.nonzero(pop >= 1.0)[0]

    mix = {kind: weights[kind] for kind, _p in fabric}
    out = []
    for k in keep.tolist():
        x0, y0 = float(gx.ravel()[k]), float(gy.ravel()[k])
        ws = np.array([mix[kind][k] for kind, _p in fabric])
        if ws.sum() <= 0:
            ws = np.zeros(len(fabric))
            ws[-1] = 1.0  # farms: rural profile
        ws = ws / ws.sum()
        prof = [PROFILES[kind] for kind, _p in fabric]

        def avg(i, prof=prof, ws=ws):
            return float(sum(w * p[i] for w, p in zip(ws, prof)))

        ind = float(pop[k])
        hh = avg(0)
        men = ind / hh
        jitter = lambda v: v * float(r.uniform(0.9, 1.1))  # noqa: E731
        periods = [sum(w * p[9][j] for w, p in zip(ws, prof)) for j in range(5)]
        ages = [sum(w * p[11][j] for w, p in zip(ws, prof)) for j in range(10)]
        ages = np.array(ages) * r.uniform(0.85, 1.15, size=10)
        ages = ages / ages.sum()
        n_log = men * 1.0
        coll = min(1.0, jitter(avg(6)))
        east, north = int(X0 + x0), int(Y0 + y0)
        e1, n1 = east // 1000 * 1000, north // 1000 * 1000
        rec = {
            "idcar_200m": f"CRS2154RES200mN{north}E{east}", "idcar_1km": f"CRS2154RES1000mN{n1}E{e1}",
            "lcog_geo": lcog[k], "ind": ind, "men": men, "men_pauv": men * min(1.0, jitter(avg(5))),
            "men_1ind": men * min(1.0, jitter(avg(1))), "men_5ind": men * min(1.0, jitter(avg(2))),
            "men_prop": men * min(1.0, jitter(avg(3))), "men_fmp": men * min(1.0, jitter(avg(4))),
            "ind_snv": ind * jitter(avg(7)), "men_surf": men * jitter(avg(8)), "men_coll": men * coll,
            "men_mais": men * (1.0 - coll), "log_av45": n_log * periods[0], "log_45_70": n_log * periods[1],
            "log_70_90": n_log * periods[2], "log_ap90": n_log * periods[3], "log_inc": n_log * periods[4],
            "log_soc": n_log * min(1.0, jitter(avg(10))), **{f: ind * float(a) for f, a in zip(AGE_FIELDS, ages)},
            "ind_inc": 0.0,
        }
        rec = {key: (round(v, 1) if isinstance(v, float) else v) for key, v in rec.items()}
        rec["i_est_200"] = 1 if rec["men"] < 11 else 0
        rec["geom"] = round_geom(box(X0 + x0, Y0 + y0, X0 + x0 + 200, Y0 + y0 + 200))
        out.append(rec)
    # the 1 km flags and the "natural level" cell (the 1 km cell stands for it when imputed)
    men_1km = {}
    for rec in out:
        men_1km[rec["idcar_1km"]] = men_1km.get(rec["idcar_1km"], 0.0) + rec["men"]
    for rec in out:
        rec["i_est_1km"] = 1 if men_1km[rec["idcar_1km"]] < 11 else 0
        rec["idcar_nat"] = rec["idcar_1km"] if rec["i_est_200"] else rec["idcar_200m"]
    out.sort(key=lambda rec: rec["idcar_200m"])
    return out
