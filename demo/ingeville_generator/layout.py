"""The skeleton of the territory: river, railway, districts, sites, villages, communes, and the lines
the main roads follow. Hand-placed because a town is not noise.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from .geometry import canon, catmull_rom, lines_of, rect, rng_for, wobbly_ring
from .territory import EXTENT


@dataclass
class Design:
    """Every shape the layers are derived from, in local metres (origin: the town hall square)."""

    river: LineString = None
    railway: LineString = None
    station: Point = None
    centre: Polygon = None  # historic centre, inside the boulevards
    faubourg: Polygon = None  # 19th-century districts (UB)
    envelope: Polygon = None  # built-up limit of the town (UB + UC)
    tilleuls: Polygon = None  # 1960s social housing estate (UBc)
    industrial: list = field(default_factory=list)  # ZI des Fontaines
    commercial: Polygon = None  # ZAC du Moulin, big boxes on the bypass
    sites: dict = field(default_factory=dict)  # equipment sites (hospital, schools, stadium...)
    reserved: dict = field(default_factory=dict)  # the big friches drawn by hand (no streets inside)
    parks: dict = field(default_factory=dict)
    forests: dict = field(default_factory=dict)
    villages: dict = field(default_factory=dict)  # insee -> (name, centre Point, Polygon)
    hamlets: dict = field(default_factory=dict)  # name -> (Point, insee)
    communes: dict = field(default_factory=dict)  # insee -> Polygon
    extent: Polygon = None
    estates: list = field(default_factory=list)  # housing estates (lotissements), filled by build_streets
    farms: list = field(default_factory=list)  # isolated farms (Point, insee), filled by build_streets
    future: dict = field(default_factory=dict)  # 1AU / 2AU areas


def river_y(x):
    """The Vernelle flows west to east just south of the centre, with gentle meanders."""
    return -590 - 0.06 * x + 170 * math.sin(x / 850 + 0.45) + 70 * math.sin(x / 330 + 1.1) - 75 * math.sin(0.45)


def rail_y(x):
    return 900 + 0.23 * x + 40 * math.sin(x / 2500)


def design() -> Design:
    """Lay out the town: where the river runs, where the station is, which districts go where.

    Why hand-placed: a town is not noise. The historic centre sits on the north bank of the river at a
    bridge, the 19th-century station is at the edge of the old town with its goods yard, the industrial
    zone follows the railway, the 1960s estate is across the tracks, the bypass and its retail park
    come last, villages sit on the radial roads."""
    d = Design()
    r = rng_for("design")
    d.extent = box(-EXTENT, -EXTENT, EXTENT, EXTENT)
    xs = np.arange(-EXTENT - 200, EXTENT + 201, 40.0)
    d.river = LineString([(x, river_y(x)) for x in xs])
    d.railway = LineString([(x, rail_y(x)) for x in xs])
    d.station = Point(200.0, rail_y(200.0) - 2.0)

    d.centre = wobbly_ring(0, -20, 410, [(2, 35, 0.4), (3, 25, 1.3), (5, 12, 2.0)], n=96)
    fb = wobbly_ring(80, 60, 1050, [(2, 110, 0.9), (3, 70, 0.2), (4, 40, 2.2)], n=120)
    # south of the river the faubourg Saint-Jean is smaller: a bridgehead district
    south = box(-EXTENT, -EXTENT, EXTENT, EXTENT).intersection(
        Polygon([(-1200, -2000), (1000, -2000), (900, -600), (-1100, -600)])
    )
    # Each district is what lies north of the river plus its own bridgehead south of it, written as
    # one difference (no union of two pieces that only touch along the river: a union of pieces that
    # touch depends on the last bits of their shared edge, so on the GEOS version).
    fb_south = south.intersection(wobbly_ring(-60, -700, 620, [(2, 60, 0.5), (3, 30, 1.0)]))
    d.faubourg = shapely.difference(fb, bank(-1).difference(fb_south), grid_size=0.01)
    env = wobbly_ring(0, 150, 1900, [(2, 380, -0.2), (3, 140, 1.0), (5, 90, 2.1), (7, 40, 0.3)], n=180)
    env_south = wobbly_ring(-80, -820, 780, [(2, 110, 0.3), (3, 60, 1.9)])
    d.envelope = shapely.union(
        shapely.difference(env, bank(-1).difference(env_south), grid_size=0.01), d.faubourg, grid_size=0.01
    )

    d.tilleuls = rect(-820, 1330, 560, 380, 18)
    # ZI des Fontaines: between the railway and the Montvallon road, plus a strip north of the tracks
    ne_road = radial_line("NE").offset_curve(14).intersection(box(760, -EXTENT, 2550, EXTENT))
    road_side = max(lines_of(ne_road), key=lambda g: g.length)
    xs_i = np.arange(760, 2551, 30.0)
    d.industrial = [
        Polygon([(x, rail_y(x) - 22) for x in xs_i] + list(road_side.coords)[::-1]),
        Polygon(
            [(x, rail_y(x) + 22) for x in np.arange(1350, 2501, 30.0)]
            + [(2450, rail_y(2450) + 330), (1450, rail_y(1450) + 300)]
        ),
    ]
    d.commercial = Polygon([(1880, -520), (2520, -640), (2560, -140), (1920, -40)])

    d.sites = {
        "hopital": rect(460, 1470, 270, 200, 13), "iut": rect(980, 1620, 210, 150, 13),
        "lycee": rect(-1380, 420, 230, 170, -5), "college": rect(760, -180, 150, 110, -12),
        "stade": rect(-1250, -330, 260, 170, -4), "cimetiere": rect(880, 380, 170, 140, 30),
    }
    d.reserved = {
        "duval": Polygon(
            [(265, rail_y(265) - 30), (590, rail_y(590) - 30), (590, rail_y(590) - 200), (300, rail_y(300) - 215)]
        ),
        "marchandises": Polygon(
            [(300, rail_y(300) + 22), (820, rail_y(820) + 22), (800, rail_y(800) + 95), (320, rail_y(320) + 85)]
        ),
        "hotel_dieu": rect(-150, -300, 125, 90, -8),
        "caserne": rect(-640, 235, 230, 175, 4),
    }
    d.parks = {"parc_chateau": rect(-520, -250, 240, 150, -10), "jardins_familiaux": rect(1400, -470, 220, 90, -6)}
    d.forests = {
        "Bois de la Garenne": wobbly_ring(1700, -2350, 650, [(2, 120, 0.1), (3, 80, 1.2), (5, 40, 0.7)], n=90),
        "Bois des Fontaines": wobbly_ring(-1900, 2700, 500, [(2, 90, 1.1), (3, 60, 0.2)], n=90),
        "Forêt de Chaumont": wobbly_ring(-5200, 4300, 1300, [(2, 200, 0.5), (3, 120, 1.9)], n=120),
        "Bois des Aulnes": wobbly_ring(4300, -4300, 900, [(2, 150, 2.5), (3, 90, 0.4)], n=90),
    }
    d.future = {
        "1AUh_ouest": ("1AUh", rect(-2150, 560, 380, 300, 5)), "1AUh_nord": ("1AUh", rect(1500, 2150, 360, 260, 20)),
        "1AUx": ("1AUx", rect(2850, 1750, 420, 300, 13)), "2AU": ("2AU", rect(-1050, 2200, 480, 330, 10)),
    }
    d.villages = {
        "45998": ("Montvallon", Point(4700, 1650), wobbly_ring(4700, 1650, 330, [(2, 50, 0.3), (3, 30, 1.0)], n=60)),
        "45997": (
            "Saint-Aubin-les-Prés", Point(-1650, -4500),
            wobbly_ring(-1650, -4500, 290, [(2, 40, 1.3), (3, 25, 0.2)], n=60),
        ),
        "45996": (
            "Chaumont-la-Forêt", Point(-4330, 2480),
            wobbly_ring(-4330, 2480, 240, [(2, 35, 0.7), (3, 20, 2.0)], n=60),
        ),
    }
    d.hamlets = {
        "Les Grèves": (Point(-2350, -1450), "45999"), "Villiers": (Point(-2650, 1950), "45999"),
        "La Brosse": (Point(1150, 2950), "45999"), "Le Moulin Neuf": (Point(2550, -1850), "45999"),
        "Les Bordes": (Point(3600, -3300), "45997"), "La Motte": (Point(-5300, -900), "45996"),
        "Bois-Joly": (Point(800, -5200), "45997"), "Les Aulnaies": (Point(4600, 4400), "45998"),
        "Le Chêne-Rond": (Point(-2600, 5200), "45996"), "La Houssaye": (Point(6000, -600), "45998"),
    }
    d.communes = commune_boundaries(r)
    canonical_design(d)
    return d


def canonical_design(d: Design) -> None:
    """Every area of the design in canonical form (see ``geometry.canon``): what is derived from them
    (street grids drawn from a ring's first vertex, plots, sorted faces) is then the same whatever
    GEOS made them."""
    for name in ("centre", "faubourg", "envelope", "tilleuls", "commercial"):
        setattr(d, name, canon(getattr(d, name)))
    d.industrial = [canon(p) for p in d.industrial]
    for shapes in (d.sites, d.reserved, d.parks, d.forests, d.communes):
        for key, poly in shapes.items():
            shapes[key] = canon(poly)
    d.future = {key: (label, canon(poly)) for key, (label, poly) in d.future.items()}
    d.villages = {insee: (name, pt, canon(poly)) for insee, (name, pt, poly) in d.villages.items()}


def commune_boundaries(r: random.Random) -> dict:
    """Ingeville in the middle (about 34 km²) and three neighbours sharing the ring around it, cut by
    wavy limits (real limits follow old paths and brooks, never straight rays)."""
    ing = wobbly_ring(0, 0, 3300, [(2, 260, 0.5), (3, 170, 1.7), (5, 110, 0.3), (8, 45, 1.1), (13, 20, 2.4)], n=240)
    outer = wobbly_ring(0, 0, 6550, [(2, 300, 1.2), (3, 220, 0.1), (5, 140, 2.2), (9, 60, 0.8), (14, 25, 1.5)], n=300)
    ring = outer.difference(ing)
    cuts = []
    for ang in (68.0, 205.0, 318.0):
        a = math.radians(ang)
        pts = []
        for rr in np.linspace(2500, 7600, 120):
            wob = 220 * math.sin(rr / 900 + ang) + 60 * math.sin(rr / 330 + 2 * ang)
            aa = a + wob / rr
            pts.append((rr * math.cos(aa), rr * math.sin(aa)))
        cuts.append(LineString(pts))
    # Polygonise the ring's outline with the three cuts (shapely 2.0, the version matching QGIS 3.22's
    # GEOS, cannot split a polygon by several lines at once) and keep the faces inside the ring.
    from shapely.ops import polygonize, unary_union

    faces = polygonize(unary_union([ring.boundary, *cuts]))
    pieces = [f for f in faces if f.area > 1e5 and ring.contains(f.representative_point())]
    out = {"45999": ing}
    targets = {"45998": Point(4700, 1650), "45997": Point(-1650, -4500), "45996": Point(-4330, 2480)}
    for insee, pt in targets.items():
        out[insee] = next(p for p in pieces if p.contains(pt))
    return out

# in the villages they cross. They start at the town-hall square and run to the edge of the map.
# fmt: off
RADIALS = {
    "N": (
        [(-22, 37), (-120, 420), (-250, 1000), (-350, 1800), (-430, 2600), (-520, 4000), (-600, 5500), (-700, 7250)],
        "primary", "D 921", "Rue Nationale", "Avenue de Paris", {},
    ),
    "NE": (
        [
            (34, 28), (280, 330), (800, 700), (1600, 1000), (2600, 1300), (3700, 1550), (4700, 1650), (5600, 1900),
            (7250, 2400),
        ],
        "secondary", "D 952", "Rue Gambetta", "Avenue de Montvallon", {"45998": "Grande Rue"},
    ),
    "E": (
        [(44, -6), (430, -60), (1000, -170), (1800, -300), (2600, -420), (3800, -760), (5200, -980), (7250, -1250)],
        "primary", "D 2060", "Rue du Château", "Avenue du Général de Gaulle", {},
    ),
    "S": (
        [
            (0, -45), (-15, -300), (-8, -640), (40, -1000), (60, -1800), (-300, -3000), (-1000, -4000),
            (-1650, -4500), (-2200, -5200), (-2900, -7250),
        ],
        "secondary", "D 44", "Rue du Pont", "Faubourg Saint-Jean", {"45997": "Rue Principale"},
    ),
    "SW": (
        [
            (-30, -32), (-300, -250), (-650, -600), (-1100, -930), (-2000, -1380), (-3500, -2000), (-5200, -2500),
            (-7250, -3000),
        ],
        "tertiary", "", "Rue des Tanneurs", "Avenue Jean Jaurès", {},
    ),
    "W": (
        [(-44, 4), (-430, 30), (-1000, 60), (-1800, 20), (-2800, 100), (-4500, 200), (-7250, 300)], "primary",
        "D 2060", "Rue de la République", "Avenue Jean Moulin", {},
    ),
    "NW": (
        [
            (-33, 30), (-300, 300), (-700, 700), (-1300, 1050), (-2400, 1780), (-3400, 2200), (-4330, 2480),
            (-5500, 3100), (-7250, 3900),
        ],
        "secondary", "D 88", "Rue Voltaire", "Avenue de la Libération", {"45996": "Rue du Bourg"},
    ),
}
# fmt: on
# fmt: off
@cache
def radial_line(key) -> LineString:
    return catmull_rom(RADIALS[key][0], step=15.0)


@cache
def rocade_line() -> LineString:
    pts = []
    for a in np.linspace(math.radians(184), math.radians(-100), 260):
        rr = 2750 + 120 * math.sin(2 * a + 0.3) + 60 * math.sin(3 * a + 1.0)
        pts.append((rr * math.cos(a), rr * math.sin(a)))
    return LineString(pts)

def river_side(x, y) -> int:
    return 1 if y > river_y(x) else -1


@cache
def bank(side: int) -> Polygon:
    """The land on one bank of the river (1: north, -1: south)."""
    xs = np.arange(-EXTENT - 200, EXTENT + 201, 40.0)
    far = EXTENT + 2000 if side > 0 else -EXTENT - 2000
    return Polygon([*[(x, river_y(x)) for x in xs], (EXTENT + 200, far), (-EXTENT - 200, far)])


def same_side(geom, side: int):
    """The part of ``geom`` on one bank of the river (rural roads do not get a bridge of their own)."""
    return geom.intersection(bank(side))
