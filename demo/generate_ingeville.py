#!/usr/bin/env python3
"""Generate "Ingeville", the fictional demo territory of the plugin, deterministically.

Ingeville is a made-up town of about 30,000 inhabitants in the Loiret (Lambert-93, EPSG:2154), with
three small neighbouring communes. Everything here is invented: names, INSEE codes, people, buses.
The point is a territory that *looks* like a French town on a map and exercises every input of the
plugin with realistic quirks: a routable OSM-like street network, an INSEE Filosofi-like 200 m grid,
a GTFS feed with the pitfalls real feeds have, a PLU in the CNIG schema with a few invalid geometries
and legacy codes, and a CNIG friches CSV.

Run it with the project's venv (it needs numpy, shapely and GDAL's Python bindings)::

    .venv/bin/python demo/generate_ingeville.py [--out demo/ingeville]

The same command always writes the same files: every random draw comes from a generator seeded with
a fixed seed and the name of the layer it serves (so changing one layer leaves the others alone),
coordinates are rounded to the centimetre, and the zip and GeoPackage carry fixed dates.

How the town is built (each step is one function below, in this order):
1. ``design``: the town's skeleton in local metres around the town hall: river, railway and station,
   historic centre, faubourgs, built-up envelope, industrial and commercial zones, equipment sites,
   villages and hamlets, commune boundaries.
2. ``build_streets``: major roads first (radial routes, boulevards, bypass), then local streets filled
   into each block between major roads with a style that depends on the district (irregular grid in the
   centre, regular grids in the faubourgs, loops and cul-de-sacs in housing estates, large blocks in
   the industrial zone, farm tracks), then noded so that edges meet at shared end nodes.
3. ``build_zones`` (PLU ``ZONE_URBA``), ``build_population`` (Filosofi cells), ``build_friches``
   (CNIG CSV), ``build_prescriptions``, ``build_places`` (tiers-lieux and services), ``build_gtfs``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import heapq
import io
import json
import math
import random
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box
from shapely.ops import nearest_points, split
from shapely.strtree import STRtree

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "resources" / "cnig" / "friches_schema.json"
DEFAULT_OUT = Path(__file__).resolve().parent / "ingeville"

#: One seed for the whole territory; each layer derives its own generator from it and its name.
SEED = 20260901
#: Lambert-93 position of the town hall square (a 200 m grid corner), in the Loiret (about 2.47° E, 47.85° N).
X0, Y0 = 660_000.0, 6_750_000.0
#: Half-width of the square area the territory is drawn in (local metres).
EXTENT = 7000.0

INSEE_INGEVILLE = "45999"
# fmt: off
COMMUNES = {
    "45999": ("Ingeville", 30000.0),
    "45998": ("Montvallon", 2300.0),
    "45997": ("Saint-Aubin-les-Prés", 1600.0),
    "45996": ("Chaumont-la-Forêt", 950.0),
}
# fmt: on
#: Postcodes (fictional as well).
# fmt: off
POSTCODES = {"45999": "45990", "45998": "45991", "45997": "45992", "45996": "45993"}
# fmt: on
PLU_IDURBA = "45999_PLU_20190315"
PLU_DATVALID = "20190315"
SCOT_IDURBA = "200012345_SCOT_20180620"
SCOT_NAME = "SCOT du Pays d'Ingeville"


# ----------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------


def rng_for(tag: str) -> random.Random:
    """A generator of its own for each layer: string seeds are hashed with SHA-512 by ``random``, so
    the draws do not depend on PYTHONHASHSEED, and adding draws to one layer leaves the others alone."""
    return random.Random(f"ingeville-{SEED}-{tag}")


def np_rng_for(tag: str) -> np.random.RandomState:
    return np.random.RandomState(rng_for(tag).randrange(2**31))


def wobbly_ring(cx, cy, r0, harmonics, n=144) -> Polygon:
    """A closed, smooth, irregular shape: radius r0 plus a few sine harmonics (k, amplitude, phase)."""
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        r = r0 + sum(a * math.sin(k * t + ph) for k, a, ph in harmonics)
        pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
    return Polygon(pts)


def rect(cx, cy, w, h, angle_deg=0.0) -> Polygon:
    """A rotated rectangle (w along the angle, h across)."""
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        pts.append((cx + dx * ca - dy * sa, cy + dx * sa + dy * ca))
    return Polygon(pts)


def catmull_rom(points, step=20.0) -> LineString:
    """A smooth curve through control points (uniform Catmull-Rom), resampled about every ``step`` m."""
    pts = np.asarray(points, dtype=float)
    if len(pts) < 3:
        return resample(LineString(pts), step)
    ext = np.vstack([2 * pts[0] - pts[1], pts, 2 * pts[-1] - pts[-2]])
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        n = max(2, int(float(np.hypot(*(p2 - p1))) / step))
        t = (np.arange(n) / n)[:, None]
        out.append(
            0.5
            * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3)
        )
    out.append(pts[-1:])
    return LineString(np.vstack(out))


def resample(line: LineString, step: float) -> LineString:
    n = max(1, int(round(line.length / step)))
    pts = shapely.line_interpolate_point(line, np.linspace(0.0, 1.0, n + 1), normalized=True)
    return LineString(shapely.get_coordinates(pts))


def round_geom(geom, nd=2):
    """Coordinates rounded to the centimetre (stable text output, same bytes on every run)."""
    return shapely.transform(geom, lambda c: np.round(c, nd))


def to_l93(geom):
    """Local metres around the town hall -> Lambert-93, rounded to the centimetre."""
    return round_geom(shapely.transform(geom, lambda c: c + np.array([X0, Y0])))


def parts(geom):
    """The simple parts of any geometry (empty list for empty)."""
    if geom is None or geom.is_empty:
        return []
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out.extend(parts(g))
        return out
    return [geom]


def lines_of(geom, min_len=0.0):
    return [g for g in parts(geom) if g.geom_type == "LineString" and g.length > min_len]


def polys_of(geom, min_area=0.0):
    return [g for g in parts(geom) if g.geom_type == "Polygon" and g.area > min_area]


def orientation_deg(poly: Polygon) -> float:
    """Direction of the longest side of the shape's simplified outline: local streets run parallel
    to it, as streets in real districts follow the road they were opened from."""
    ring = list(poly.exterior.simplify(25).coords)
    best, ang = 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        d = math.hypot(x2 - x1, y2 - y1)
        if d > best:
            best, ang = d, math.degrees(math.atan2(y2 - y1, x2 - x1))
    return ang


# ----------------------------------------------------------------------------------------------
# 1. The skeleton of the territory
# ----------------------------------------------------------------------------------------------


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
    north_of_river = Polygon([*d.river.coords, (EXTENT + 200, EXTENT), (-EXTENT - 200, EXTENT)])
    d.faubourg = fb.intersection(north_of_river).union(
        fb.intersection(south).intersection(wobbly_ring(-60, -700, 620, [(2, 60, 0.5), (3, 30, 1.0)]))
    )
    env = wobbly_ring(0, 150, 1900, [(2, 380, -0.2), (3, 140, 1.0), (5, 90, 2.1), (7, 40, 0.3)], n=180)
    env_south = env.intersection(wobbly_ring(-80, -820, 780, [(2, 110, 0.3), (3, 60, 1.9)]))
    d.envelope = env.intersection(north_of_river).union(env_south.difference(north_of_river)).union(d.faubourg)
    d.envelope = shapely.make_valid(d.envelope.buffer(0))

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
    return d


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


# ----------------------------------------------------------------------------------------------
# 2. Street network
# ----------------------------------------------------------------------------------------------

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
MAXSPEED_BY_HIGHWAY = {
    "trunk": ("90", "110"),
    "primary": ("30", "50", "70", "80"),
    "secondary": ("30", "50", "70", "80"),
    "tertiary": ("30", "50", "70", "80"),
    "unclassified": ("30", "50", "70", "80"),
    "residential": ("20", "30", "50"),
    "living_street": ("20",),
    "service": ("20", "30"),
    "pedestrian": (),
    "track": (),
    "cycleway": (),
    "footway": (),
}
# fmt: on


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


# Street names, by theme. Real towns name their centre after trades and saints, their faubourgs after
# the Republic's great men and women, their housing estates after trees, flowers and birds.
# fmt: off
NAMES_CENTRE = [
    "des Orfèvres", "de la Boucherie", "des Cordeliers", "des Tisserands", "du Four", "des Halles", "de la Monnaie",
    "du Puits", "de l'Écu", "du Cygne", "du Grenier à Sel", "des Carmes", "des Bons Enfants", "Saint-Pierre",
    "Saint-Jacques", "Sainte-Anne", "Notre-Dame", "du Cloître", "de la Poterne", "de la Tour", "du Bourg",
    "aux Herbes", "des Prêcheurs", "du Change", "des Forges", "de la Pelleterie", "des Chapeliers", "des Minimes",
    "des Ursulines", "du Chapitre", "Pavée", "des Trois Maillets", "du Lion d'Or", "de la Croix Blanche",
    "Jeanne d'Arc", "du Cheval Blanc", "de l'Ange", "des Trois Rois", "de la Harpe", "du Dauphin",
    "de la Pomme de Pin", "du Petit Pont", "des Moulins", "du Marché aux Grains", "des Cloutiers", "des Potiers",
    "de la Cordonnerie", "du Pilori", "des Remparts", "de la Herse", "du Prieuré", "Saint-Éloi", "Saint-Nicolas",
    "Sainte-Catherine", "des Écoles", "du Collège", "de la Juridiction", "du Bailliage", "des Fossés",
    "de la Porte Dorée", "du Coq", "de l'Étape", "des Savetiers", "des Bouchers", "du Heaume",
    "de la Petite Boucherie", "des Corroyeurs", "de la Vieille Poste", "du Sabot", "de l'Éperon", "des Lombards",
]
# fmt: on
# fmt: off
NAMES_PEOPLE = [
    "Victor Hugo", "Pasteur", "Jules Ferry", "Voltaire", "Émile Zola", "Georges Clemenceau", "Léon Blum",
    "Marie Curie", "Anatole France", "Paul Bert", "Aristide Briand", "Roger Salengro", "Jean Zay", "Simone Veil",
    "Lucie Aubrac", "George Sand", "Alphonse Daudet", "Frédéric Mistral", "Albert Camus", "Colette", "Molière",
    "Racine", "La Fontaine", "Corneille", "Rabelais", "Condorcet", "Danton", "Lamartine", "Michelet",
    "Edmond Rostand", "Guy de Maupassant", "Antoine de Saint-Exupéry", "Pierre Brossolette", "Guy Môquet",
    "Gabriel Péri", "Jean Jaurès", "Louise Michel", "Olympe de Gouges", "Louis Aragon", "Paul Éluard",
    "Charles Péguy", "Honoré de Balzac", "Gustave Flaubert", "Stendhal", "Alexandre Dumas", "Jules Verne",
    "Arthur Rimbaud", "Paul Verlaine", "Charles Baudelaire", "Pierre Loti", "Romain Rolland", "Marcel Pagnol",
    "Jean Giono", "François Mauriac", "André Malraux", "Jean Monnet", "Robert Schuman", "Pierre Curie",
    "Paul Langevin", "Jean Macé", "Ferdinand Buisson", "Maximilien Robespierre", "Camille Desmoulins",
    "Auguste Blanqui", "Jean-Baptiste Clément", "Louis Braille", "Abbé Pierre", "Germaine Tillion", "Joséphine Baker",
    "Simone de Beauvoir", "Marguerite Yourcenar", "Jean Rostand", "Henri Barbusse", "Émile Combes",
    "Raymond Poincaré", "Jean Mermoz", "Hélène Boucher", "Maryse Bastié", "Roland Garros", "Jean Bart", "Surcouf",
    "Du Guesclin", "Bayard", "Lafayette", "Carnot", "Kléber", "Marceau", "Hoche", "Turenne", "Vauban", "Sully",
    "Colbert", "Mirabeau", "Diderot", "Montesquieu", "Rousseau", "Charles Perrault", "Jacques Cartier", "Champlain",
    "La Pérouse", "Dumont d'Urville", "Bougainville", "Paul Doumer", "Félix Faure", "Sadi Carnot", "Armand Fallières",
    "Émile Loubet", "Gaston Monnerville",
]
# fmt: on
# fmt: off
NAMES_NATURE = [
    "des Tilleuls", "des Acacias", "des Peupliers", "des Chênes", "des Érables", "des Platanes", "des Charmes",
    "des Saules", "des Bouleaux", "des Marronniers", "des Noyers", "des Ormes", "des Frênes", "des Aulnes",
    "des Sorbiers", "des Cerisiers", "des Pommiers", "des Noisetiers", "des Sureaux", "des Merisiers", "des Lilas",
    "des Roses", "des Violettes", "des Coquelicots", "des Bleuets", "des Iris", "des Glycines", "des Hortensias",
    "des Jonquilles", "des Primevères", "des Pervenches", "des Myosotis", "des Capucines", "des Églantines",
    "des Bruyères", "des Genêts", "des Jacinthes", "des Pâquerettes", "des Marguerites", "des Alouettes",
    "des Mésanges", "des Hirondelles", "des Fauvettes", "des Rossignols", "des Pinsons", "des Bergeronnettes",
    "des Rouges-Gorges", "des Martinets", "des Loriots", "des Chardonnerets", "des Tourterelles", "des Verdiers",
    "des Roitelets", "des Bouvreuils", "des Ramiers", "des Sittelles", "du Clos Fleuri", "des Prés", "des Vergers",
    "des Jardins", "des Sources", "du Ruisseau", "des Coteaux", "des Vignes", "des Champs", "du Bocage",
    "des Sablons", "des Perrières", "du Val", "de la Prairie", "des Hauts Champs", "du Grand Pré",
    "des Terres Blanches", "des Longues Raies", "de la Garenne", "des Bosquets", "des Haies", "des Tailles",
    "du Chaumoy", "des Ouches", "des Closeaux", "des Noues",
]
# fmt: on
# fmt: off
NAMES_INDUSTRY = [
    "de l'Industrie", "des Artisans", "Ampère", "Denis Papin", "Gustave Eiffel", "Louis Blériot", "Nicéphore Niépce",
    "Édouard Branly", "Joseph Cugnot", "des Frères Lumière", "Lavoisier", "Fresnel", "Becquerel", "Gay-Lussac",
    "Coulomb", "Léon Foucault", "François Arago", "Marcel Paul", "Joseph Fourier", "Jacquard", "Clément Ader",
    "des Métiers", "de l'Énergie", "du Commerce", "des Entrepreneurs", "Volta", "Galilée", "Newton", "Blaise Pascal",
    "Henri Poincaré",
]
# fmt: on
# fmt: off
NAMES_ARTS = [
    "Claude Monet", "Auguste Renoir", "Paul Cézanne", "Edgar Degas", "Édouard Manet", "Gustave Courbet",
    "Camille Corot", "Eugène Delacroix", "Henri Matisse", "Paul Gauguin", "Camille Pissarro", "Alfred Sisley",
    "Berthe Morisot", "Georges Seurat", "Henri Rousseau", "Jean-François Millet", "Auguste Rodin", "Camille Claudel",
    "Hector Berlioz", "Claude Debussy", "Maurice Ravel", "Georges Bizet", "Charles Gounod", "Jules Massenet",
    "Gabriel Fauré", "Érik Satie", "Frédéric Chopin", "Jacques Offenbach", "Francis Poulenc", "Camille Saint-Saëns",
    "César Franck", "Édith Piaf", "Georges Brassens", "Jacques Brel", "Charles Trenet", "Jean Ferrat", "Barbara",
    "Léo Ferré", "Boris Vian", "Jean Cocteau", "Jean Gabin", "Louis Jouvet", "Sarah Bernhardt", "Jean Vilar",
    "Gérard Philipe", "Jacques Tati", "Marcel Carné", "Jean Renoir", "Louis Lumière", "Georges Méliès",
    "Jean de La Bruyère", "Clément Marot", "Pierre de Ronsard", "Joachim du Bellay", "François Villon",
    "Charles d'Orléans", "Max Jacob", "Paul Valéry", "Stéphane Mallarmé", "Guillaume Apollinaire",
]
# fmt: on
# fmt: off
NAMES_PLACES = [
    "de Bretagne", "de Normandie", "de Picardie", "de Lorraine", "d'Alsace", "de Bourgogne", "du Berry", "du Poitou",
    "de Touraine", "de l'Anjou", "du Limousin", "d'Auvergne", "de Provence", "de Savoie", "du Dauphiné",
    "de Gascogne", "du Languedoc", "du Périgord", "de Champagne", "du Nivernais", "de la Beauce", "du Gâtinais",
    "de la Sologne", "du Morvan", "de la Loire", "du Loiret", "du Loing", "de la Seine", "du Cher", "de l'Indre",
    "de la Vienne", "de l'Yonne", "de la Marne", "du Rhône", "de la Garonne", "de la Dordogne", "du 8 Mai 1945",
    "du 11 Novembre 1918", "du 14 Juillet", "du 19 Mars 1962", "du 18 Juin 1940", "du 4 Septembre", "de la Paix",
    "de la Fraternité", "de l'Égalité", "de la Liberté", "de l'Europe", "des Droits de l'Homme",
    "des Anciens Combattants", "de la Résistance", "des Déportés", "de Verdun", "de Stalingrad", "de Bir-Hakeim",
    "d'Orléans", "de Gien", "de Montargis", "de Pithiviers", "de Sully", "de Briare", "de Beaugency", "de Meung",
    "de Chartres", "de Blois", "de Tours", "de Bourges", "de Nevers", "d'Auxerre", "de Sens", "de Fontainebleau",
    "des Tanneries", "de la Tuilerie", "de la Briqueterie", "de la Filature", "du Moulin à Vent", "de la Scierie",
    "de la Verrerie", "de la Forge Neuve", "du Pressoir", "de la Laiterie", "du Four à Chaux", "de la Distillerie",
]
# fmt: on
# fmt: off
NAMES_VILLAGE = [
    "Grande Rue", "Rue de l'Église", "Rue du Lavoir", "Rue de la Mairie", "Rue des Écoles", "Chemin du Moulin",
    "Rue du Stade", "Impasse du Pressoir", "Rue de la Forge", "Rue des Vignes", "Rue de la Fontaine", "Rue du Puits",
    "Rue du Château d'Eau", "Chemin des Prés", "Rue de la Croix", "Rue du Four à Pain", "Rue des Jardins",
    "Allée des Tilleuls", "Rue de la Poste", "Chemin de la Mare", "Rue du Presbytère", "Rue des Vergers",
    "Impasse des Granges", "Rue du Calvaire",
]
# fmt: on


class NamePool:
    """Hands out street names without repeats inside a commune (one pool per commune)."""

    def __init__(self, r: random.Random, reserved=()):
        self.r = r
        self.used = set(reserved)
        self.pools = {}
        for key, names in (
            ("centre", NAMES_CENTRE), ("people", NAMES_PEOPLE), ("nature", NAMES_NATURE),
            ("industry", NAMES_INDUSTRY), ("village", NAMES_VILLAGE), ("arts", NAMES_ARTS), ("places", NAMES_PLACES),
        ):
            names = list(names)
            r.shuffle(names)
            self.pools[key] = names
        self.counter = 0

    def take(self, theme: str, kind: str = "Rue") -> str:
        fallbacks = {
            "centre": "places", "people": "arts", "arts": "places", "places": "nature", "nature": "arts",
            "industry": "people", "village": "nature",
        }
        seen = set()
        while theme not in seen:
            seen.add(theme)
            pool = self.pools[theme]
            while pool:
                particle = pool.pop()
                if particle not in self.used:
                    self.used.add(particle)
                    if theme == "village":
                        return particle if kind == "Rue" else kind + particle[particle.index(" ") :]
                    return f"{kind} {particle}"
            theme = fallbacks[theme]
        self.counter += 1
        return f"{kind} du Clos {self.counter}"


# The radial roads: control points (local metres), class, ref, then names in the centre, in town,
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
RESERVED_NAMES = [
    "Nationale", "de Paris", "Gambetta", "de Montvallon", "du Château", "du Général de Gaulle", "du Pont",
    "des Tanneurs", "Jean Jaurès", "de la République", "Jean Moulin", "Voltaire", "de la Libération", "Carnot",
    "Victor Hugo", "Pasteur", "de la Gare", "du Moulin", "Sadi Carnot", "Rabelais", "Jules Ferry",
]
# fmt: on


@cache
def radial_line(key) -> LineString:
    return catmull_rom(RADIALS[key][0], step=15.0)


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


def de_name(place: str) -> str:
    """French "of" before a place name: Les Grèves -> des Grèves, La Brosse -> de la Brosse."""
    for art, rep in (("Les ", "des "), ("La ", "de la "), ("Le ", "du "), ("L'", "de l'")):
        if place.startswith(art):
            return rep + place[len(art) :]
    return ("d'" if place[0] in "AEIOUÉÈÂ" else "de ") + place


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
    loop_poly = body.buffer(-28, join_style="round").buffer(22, join_style="round")
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
    footprint = body.buffer(40).union(shapely.union_all([s.buffer(30) for s in stubs]))
    return loop, stubs, footprint


def build_streets(d: Design):
    """The whole street network as noded edges (see module docstring, step 2)."""
    r = rng_for("streets")
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
    zac_loop = resample(d.commercial.buffer(-40, join_style="round").exterior, 15.0)
    srcs.append(Src(zac_loop, "tertiary", name="Avenue du Moulin", maxspeed="50"))
    # the 1960s estate has its ring avenue
    ring = resample(d.tilleuls.buffer(25, join_style="round").exterior, 15.0)
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
    for face in faces:
        face_angle = orientation_deg(face)
        for kind, region in regions:
            part = face.intersection(region)
            if part.area < 6000:
                continue
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
    zac_inner = d.commercial.buffer(-55)
    for _key, run in grid_streets(
        zac_inner, (170, 120), orientation_deg(d.commercial), 1.0, 0.0, 0.3, r,
        shapely.union_all([major_union, zac_loop]), d.river.buffer(30),
    ):
        srcs.append(Src(run, "service"))
    streets_union = shapely.union_all([s.geom for s in srcs])

    srcs.extend(estates_and_sites(d, r, names, pools, streets_union, blocked))
    streets_union = shapely.union_all([s.geom for s in srcs])
    srcs.extend(rural_roads(d, r, pools, streets_union))
    edges = node_network(srcs)
    edges = close_gaps(edges, srcs)
    return finish_network(edges, d)


def estates_and_sites(d: Design, r, names, pools, streets_union, blocked) -> list:
    """Housing estates at the edge of town, access roads to schools, hospital and stadium, park paths,
    the footbridge over the tracks at the station and the green way along the river."""
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
        loop, stubs, footprint = estate(c, ang, 190, 120, r)
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
        inner = poly.buffer(-18)
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
        inner = poly.buffer(-20)
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


def rural_roads(d: Design, r: random.Random, pools, streets_union) -> list:
    """Departmental roads between villages, hamlets and their lanes, farms and their tracks, field and
    forest tracks."""
    out = []
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


# ---- noding and clean-up --------------------------------------------------------------------------


def node_key(c):
    return tuple(np.round(np.asarray(c[:2], dtype=float), 2).tolist())


def end_keys(edges):
    """Rounded start and end node of every edge (vectorised: the network has thousands of edges)."""
    geoms = np.array([e.geom for e in edges], dtype=object)
    first = np.round(shapely.get_coordinates(shapely.get_point(geoms, 0)), 2).tolist()
    last = np.round(shapely.get_coordinates(shapely.get_point(geoms, -1)), 2).tolist()
    return [tuple(x) for x in first], [tuple(x) for x in last]


def node_network(srcs: list) -> list:
    """Split every source line at every crossing (GEOS noding, snapped to a 1 cm grid) and give each
    piece the tags of the source it lies on (the higher class where two overlap), oriented like its
    source so that one-way tags keep their meaning."""
    geoms = np.array([s.geom for s in srcs], dtype=object)
    merged = shapely.union_all(geoms, grid_size=0.01)
    pieces = np.array([g for g in lines_of(merged) if g.length >= 0.02], dtype=object)
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


# ----------------------------------------------------------------------------------------------
# 3. PLU zoning (CNIG ZONE_URBA), prescriptions, SCOT, communes
# ----------------------------------------------------------------------------------------------

PLU_NOMFIC = "45999_reglement_20190315.pdf"
PLU_URLFIC = "https://data.geopf.fr/annexes/gpu/documents/DU_45999/5e1c0de7a9b3/45999_reglement_20190315.pdf"

#: LIBELLE -> TYPEZONE, LIBELONG, FORMDOMI, DESTDOMI (legacy 2-digit), DESTOUI, DESTCDT, DESTNON.
# fmt: off
ZONE_RULES = {
    "UA": (
        "U", "UA : centre ancien, bâti dense en ordre continu", "0101", "03", "21-22-31-32-34-35-36-41-43-44-46-53",
        "51-52", "11-12-33-54-55",
    ),
    "UB": (
        "U", "UB : faubourgs, tissu mixte de maisons de ville et de petits collectifs", "0103", "03",
        "21-22-31-32-34-36-41-43-45-46-53", "51-52", "11-12-33-55",
    ),
    "UBc": (
        "U", "UBc : quartier d'habitat collectif des Tilleuls", "0105", "01", "21-22-31-34-41-43-45-46", "32-53",
        "11-12-33-51-52-55",
    ),
    "UC": ("U", "UC : extensions pavillonnaires", "0107", "01", "21-22-41-43-45-46", "31-34-53", "11-12-33-51-52-55"),
    "UE": (
        "U", "UE : grands équipements publics et d'intérêt collectif", "0502", "05", "41-42-43-44-45-46", "21-22-53",
        "11-12-31-32-33-51-52",
    ),
    "UX": (
        "U", "UX : zone d'activités industrielles et artisanales des Fontaines", "0201", "02", "31-33-42-51-52-53",
        "21-34-55", "11-12-22-32-35-36-37",
    ),
    "UXc": ("U", "UXc : zone commerciale du Moulin", "0202", "02", "31-32-33-34-36-53", "52", "11-12-21-22-51"),
    "1AUh": (
        "AUc", "1AUh : zone à urbaniser à vocation d'habitat, ouverte sous conditions d'aménagement d'ensemble",
        "0107", "01", "21-22-41-46", "31-34-53", "11-12-33-51-52",
    ),
    "1AUx": (
        "AUc", "1AUx : extension de la zone d'activités des Fontaines", "0201", "02", "31-33-51-52-53", "34",
        "11-12-21-22",
    ),
    "2AU": (
        "AUs", "2AU : zone à urbaniser fermée, ouverture par modification ou révision du PLU", "0000", "00", "", "",
        "",
    ),
    "A": ("A", "A : zone agricole", "0701", "07", "11", "21-42", "12-22-31-32-33-34-35-36-37-51-52-53"),
    "Ah": (
        "A", "Ah : hameau en zone agricole, extension limitée des habitations existantes", "0104", "01", "11", "21",
        "12-22-31-32-33-51-52",
    ),
    "N": ("N", "N : zone naturelle et forestière", "0800", "08", "12", "42", "11-21-22-31-32-33-34-51-52-53"),
    "Nl": ("N", "Nl : parc urbain et espaces de loisirs", "0401", "04", "45", "46", "11-12-21-22-31-51-52"),
    "Nj": ("N", "Nj : jardins familiaux", "0401", "04", "", "42", "11-12-21-22-31-51-52"),
    # legacy code still found in GPU data: TYPEZONE "Nh" was removed from the standard in 2017
    "Nh": ("Nh", "Nh : hameau constructible en zone naturelle", "0104", "01", "", "21", "11-12-22-31-32-33-51-52"),
}
# fmt: on


def paint_partition(frame, layers, fallback_label, min_area=400.0):
    """A planar partition of ``frame``: each (label, geometry) takes what is left of the frame in turn,
    the last label takes the rest; slivers smaller than ``min_area`` join the neighbour they share
    the longest border with. Snapped to a 1 cm grid so that neighbours share their vertices."""
    left = frame
    pieces = []
    for label, geom in layers:
        got = shapely.intersection(geom, left, grid_size=0.01)
        left = shapely.difference(left, got, grid_size=0.01)
        pieces.extend((label, p) for p in polys_of(got))
    pieces.extend((fallback_label, p) for p in polys_of(left))
    big = [[lab, p] for lab, p in pieces if p.area >= min_area]
    for _lab, small in [(lab, p) for lab, p in pieces if p.area < min_area]:
        best, best_len = None, 0.0
        for k, (_blab, bp) in enumerate(big):
            shared = small.boundary.intersection(bp.boundary.buffer(0.02)).length
            if shared > best_len:
                best, best_len = k, shared
        if best is not None:
            merged = shapely.union(big[best][1], small, grid_size=0.01)
            if merged.geom_type == "Polygon":
                big[best][1] = merged
    return [(lab, p) for lab, p in big]


def build_zones(d: Design) -> list:
    """The PLU of Ingeville (approved 2019-03-15) as CNIG ZONE_URBA features, with what real GPU
    downloads contain: several features per LIBELLE, one legacy TYPEZONE "Nh", and two invalid
    polygons (a bow-tie and a spike), the rest forming a clean planar partition of the commune."""
    commune = d.communes[INSEE_INGEVILLE]
    in_commune = [(n, pt) for n, (pt, insee) in sorted(d.hamlets.items()) if insee == INSEE_INGEVILLE]
    layers = [
        ("UE", shapely.union_all([s.buffer(14) for _k, s in sorted(d.sites.items())])),
        ("UXc", d.commercial.buffer(12)),
        ("UX", shapely.union_all([p.buffer(8) for p in d.industrial] + [d.reserved["marchandises"].buffer(10)])),
        ("Nl", d.parks["parc_chateau"].buffer(8)),
        ("Nj", d.parks["jardins_familiaux"].buffer(8)),
        ("UA", d.centre.buffer(10)),
        ("UBc", d.tilleuls.buffer(45)),
        (
            "N",
            shapely.intersection(d.river.buffer(150), d.envelope.buffer(-10).union(d.centre))
            .buffer(0)
            .union(d.river.buffer(45)),
        ),
        ("UB", d.faubourg.union(d.reserved["duval"].buffer(20))),
        ("UC", d.envelope.union(shapely.union_all(d.estates))),
    ]
    layers += [(label, poly) for _k, (label, poly) in sorted(d.future.items())]
    for name, pt in in_commune:
        label = "Nh" if name in ("Les Grèves", "Villiers") else "Ah"
        layers.append((label, wobbly_ring(pt.x, pt.y, 170, [(2, 30, 0.5), (3, 15, 1.0)], n=40)))
    layers.append(("N", shapely.union_all([*d.forests.values(), d.river.buffer(160)])))
    zones = paint_partition(commune, layers, "A")
    zones.sort(key=lambda z: (list(ZONE_RULES).index(z[0]), round(z[1].centroid.x), round(z[1].centroid.y)))

    out = []
    symbol_of = {lab: f"ZONE_{ZONE_RULES[lab][0]}_{k + 1:03d}" for k, lab in enumerate(ZONE_RULES)}
    for n, (label, poly) in enumerate(zones, start=1):
        typezone, libelong, formdomi, destdomi, oui, cdt, non = ZONE_RULES[label]
        out.append(
            {
                "geom": to_l93(poly), "LIB_IDZONE": f"{PLU_IDURBA}_ZO{n:03d}", "LIBELLE": label, "LIBELONG": libelong,
                "TYPEZONE": typezone, "DESTDOMI": destdomi, "FORMDOMI": formdomi, "DESTOUI": oui, "DESTCDT": cdt,
                "DESTNON": non, "NOMFIC": PLU_NOMFIC, "URLFIC": PLU_URLFIC, "IDURBA": PLU_IDURBA,
                "DATVALID": "20220117" if label in ("1AUx", "UXc") else PLU_DATVALID, "SYMBOLE": symbol_of[label],
            }
        )
    corrupt_geometries(out)
    return out


def corrupt_geometries(zones: list) -> None:
    """Two defects seen in real GPU downloads, on purpose: a bow-tie (two vertices swapped) on the
    cemetery's UE zone and a zero-width spike on a 1AUh zone; plus a repeated vertex (valid)."""

    def ring_coords(g):
        return list(g.exterior.coords)[:-1]

    ue = [z for z in zones if z["LIBELLE"] == "UE"]
    target = min(ue, key=lambda z: z["geom"].area)
    cs = ring_coords(target["geom"])
    k = len(cs) // 3
    cs[k], cs[k + 1] = cs[k + 1], cs[k]
    target["geom"] = Polygon(cs)
    au = next(z for z in zones if z["LIBELLE"] == "1AUh")
    cs = ring_coords(au["geom"])
    k = len(cs) // 2
    (x1, y1), (x2, y2) = cs[k], cs[k + 1]
    ln = math.hypot(x2 - x1, y2 - y1)
    spike = (round(x1 - (y2 - y1) / ln * 18, 2), round(y1 + (x2 - x1) / ln * 18, 2))
    cs = cs[: k + 1] + [spike, cs[k]] + cs[k + 1 :]
    au["geom"] = Polygon(cs)
    ua = next(z for z in zones if z["LIBELLE"] == "UA")
    cs = ring_coords(ua["geom"])
    ua["geom"] = Polygon(cs[:5] + [cs[4]] + cs[5:])


PSC_COMMON = {"NOMFIC": PLU_NOMFIC, "URLFIC": PLU_URLFIC, "IDURBA": PLU_IDURBA, "DATVALID": PLU_DATVALID}


def psc(kind: str, n: int, libelle: str, txt: str, typepsc: str, stypepsc: str, geom, nature: str = "") -> dict:
    return {
        "geom": to_l93(geom), "LIB_IDPSC": f"{PLU_IDURBA}_{kind}{n:03d}", "LIBELLE": libelle, "TXT": txt,
        "TYPEPSC": typepsc, "STYPEPSC": stypepsc, "NATURE": nature, **PSC_COMMON,
        "SYMBOLE": f"PSC-{kind}_{typepsc}-{stypepsc}_{n:03d}",
    }


def build_prescriptions(d: Design, edges: list, zones: list):
    """Prescriptions of the PLU (CNIG PRESCRIPTION_SURF / _LIN / _PCT): classified woodland, reserved
    plots, OAP perimeters (one on the Duval manufacture), a STECAL in the farmland, the flood-prone
    strip of the Vernelle, protected shop frontages, protected buildings and trees."""
    commune = d.communes[INSEE_INGEVILLE]
    surf = []
    n = 0

    def add_s(*a, **k):
        nonlocal n
        n += 1
        surf.append(psc("S", n, *a, **k))

    for fname in ("Bois de la Garenne", "Bois des Fontaines"):
        add_s(f"Espace boisé classé à conserver : {fname}", "EBC", "01", "01", d.forests[fname].intersection(commune))
    add_s(
        "Espace boisé classé à conserver : boisement du parc du Château", "EBC", "01", "01",
        d.parks["parc_chateau"].buffer(-25).intersection(box(-700, -400, -500, 0)),
    )
    add_s(
        "Espace boisé classé à créer : écran paysager le long de la rocade", "EBC", "01", "02",
        shapely.intersection(rocade_line().buffer(45).difference(rocade_line().buffer(15)), box(-800, 2300, 900, 3000)),
    )
    add_s(
        "Secteur inconstructible pour raison de risque : champ d'expansion des crues de la Vernelle", "RI", "02",
        "01", d.river.buffer(140).intersection(commune).difference(d.centre.buffer(40)),
    )
    add_s(
        "Emplacement réservé n°1 : extension du groupe scolaire et création d'un parvis (bénéficiaire : commune)",
        "ER 1", "05", "02", d.sites["college"].buffer(30).difference(d.sites["college"].buffer(12)), nature="Commune",
    )
    add_s(
        "Emplacement réservé n°2 : programme de logements locatifs sociaux (100 % LLS)", "ER 2", "05", "05",
        rect(-300, 650, 80, 60, 15), nature="Commune",
    )
    add_s(
        "Emplacement réservé n°3 : création d'une voie de desserte du secteur de la Gare", "ER 3", "05", "01",
        LineString([(600, rail_y(600) - 40), (720, 780)]).buffer(8), nature="Commune",
    )
    add_s(
        "Emplacement réservé n°4 : aménagement d'un bassin de rétention des eaux pluviales", "ER 4", "05", "03",
        rect(2650, 1500, 90, 70, 13), nature="Communauté de communes",
    )
    duval_oap = shapely.union_all(
        [
            d.reserved["duval"].buffer(25), d.reserved["marchandises"].buffer(20),
            rect(200, rail_y(200) - 60, 200, 60, 13),
        ]
    )
    add_s("OAP n°1 : quartier de la Gare et ancienne manufacture Duval", "OAP 1", "18", "01", duval_oap.convex_hull)
    add_s("OAP n°2 : les Hauts de Beauregard", "OAP 2", "18", "01", d.future["1AUh_nord"][1].buffer(5))
    add_s("OAP n°3 : entrée de ville ouest", "OAP 3", "18", "01", d.future["1AUh_ouest"][1].buffer(5))
    add_s("OAP n°4 : reconversion de la caserne Saint-Martin", "OAP 4", "18", "01", d.reserved["caserne"].buffer(15))
    farm_in_a = [p for p, insee in d.farms if insee == INSEE_INGEVILLE]
    for k, p in enumerate(farm_in_a[:2], start=1):
        add_s(
            f"STECAL n°{k} : secteur de taille et de capacité d'accueil limitées (activité artisanale)",
            f"STECAL {k}", "16", "03", wobbly_ring(p.x + 40, p.y + 30, 70, [(2, 10, 0.3)], n=24),
        )

    lin = []
    m = 0
    centre_names = ("Rue Nationale", "Rue Gambetta", "Rue de la République", "Rue du Château", "Rue du Pont")
    centre_poly = d.centre
    for name in centre_names:
        pieces = [e.geom.intersection(centre_poly) for e in edges if e.name == name]
        merged = shapely.line_merge(shapely.union_all(pieces))
        for g in lines_of(merged, 40):
            m += 1
            lin.append(psc("L", m, f"Linéaire commercial protégé : {name}", "LC", "22", "03", g.offset_curve(6)))
    m += 1
    xs = np.arange(-1800, 1801, 20.0)
    lin.append(
        psc(
            "L", m, "Cheminement piéton et cycliste à conserver : voie verte de la Vernelle", "CH", "24", "01",
            LineString([(x, river_y(x) - 30 - 6 * math.sin(x / 90)) for x in xs]),
        )
    )
    for k, (a, b) in enumerate(
        (((-2400, 1200), (-2000, 1500)), ((1800, 2300), (2300, 2550)), ((-1900, -1900), (-1300, -2100)))
    ):
        m += 1
        lin.append(
            psc(
                "L", m, f"Haie bocagère à protéger n°{k + 1}", "HAIE", "07", "02",
                catmull_rom([a, ((a[0] + b[0]) / 2 + 40, (a[1] + b[1]) / 2 - 30), b], 20.0),
            )
        )

    pct = []
    points = (
        ("Église Saint-Étienne (XIIIe-XVe siècles)", "07", "01", (70, 10)),
        ("Cheminée de la manufacture Duval (1892)", "07", "01", (430, rail_y(430) - 110)),
        ("Chapelle de l'hôtel-Dieu", "07", "01", (-130, -285)),
        ("Porte du Martroi, vestige de l'enceinte", "07", "01", (-395, 60)),
        ("Lavoir de la Vernelle", "07", "01", (-900, river_y(-900) + 28)),
        ("Pavillon d'entrée de la caserne Saint-Martin", "07", "01", (-640, 140)),
        ("Halle aux grains", "07", "01", (-60, -110)),
        ("Tilleul de la Liberté (arbre remarquable)", "07", "02", (-20, 70)),
    )
    for k, (lib, t, st, xy) in enumerate(points, start=1):
        pct.append(psc("P", k, lib, "PAT" if st == "01" else "ARB", t, st, Point(xy)))
    return surf, lin, pct


@cache
def rocade_line() -> LineString:
    pts = []
    for a in np.linspace(math.radians(184), math.radians(-100), 260):
        rr = 2750 + 120 * math.sin(2 * a + 0.3) + 60 * math.sin(3 * a + 1.0)
        pts.append((rr * math.cos(a), rr * math.sin(a)))
    return LineString(pts)


def build_communes(d: Design) -> list:
    return [
        {"geom": to_l93(poly), "insee": insee, "nom": COMMUNES[insee][0]} for insee, poly in sorted(d.communes.items())
    ]


def build_scot(d: Design) -> list:
    """The SCOT perimeter (CNIG PERIMETRE_SCOT): one polygon over the four communes."""
    return [
        {
            "geom": to_l93(shapely.union_all(list(d.communes.values()), grid_size=0.01)), "IDURBA": SCOT_IDURBA,
            "NOM": SCOT_NAME,
        }
    ]


# ----------------------------------------------------------------------------------------------
# 4. Population: INSEE Filosofi-like 200 m grid
# ----------------------------------------------------------------------------------------------

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
    return [(kind, poly.difference(empty)) for kind, poly in fabric]


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


# ----------------------------------------------------------------------------------------------
# 5. Friches: the CNIG exchange CSV
# ----------------------------------------------------------------------------------------------

# (site_nom, site_type, where, (width, depth) m, polygon drawn?, NAF code, activity label, owner)
# where: a hand-drawn site ("site:<key>"), a block of a district ("block:<district>"), a plot along a
# country road of a commune ("road:<insee>") or in a village ("village:<insee>").
# fmt: off
FRICHES = (
    (
        "Ancienne manufacture Duval", "friche industrielle", "site:duval", None, True, "C15.20Z",
        "Fabrication de chaussures", "SCI Duval Patrimoine",
    ),
    (
        "Ancien hôtel-Dieu", "friche hospitalière", "site:hotel_dieu", None, True, "Q86.10Z",
        "Activités hospitalières", "Centre hospitalier d'Ingeville",
    ),
    (
        "Ancienne caserne Saint-Martin", "friche militaire", "site:caserne", None, True, "O84.22Z", "Défense",
        "Commune d'Ingeville",
    ),
    (
        "Ancienne gare de marchandises", "friche ferroviaire", "site:marchandises", None, True, "H52.24B",
        "Manutention non portuaire", "SNCF Réseau",
    ),
    (
        "Ancienne halle de messagerie de la gare", "friche logistique", "block:station", (80, 45), True, "H52.29A",
        "Messagerie, fret express", "SNCF Réseau",
    ),
    (
        "Ancienne fonderie Mercier", "friche industrielle", "block:UX", (170, 110), True, "C24.51Z",
        "Fonderie de fonte", "",
    ),
    (
        "Ancienne usine de plasturgie Plastivern", "friche industrielle", "block:UX", (140, 95), True, "C22.29A",
        "Fabrication d'autres articles en matières plastiques", "",
    ),
    (
        "Anciens entrepôts Lambert et Fils", "friche logistique", "block:UX", (180, 80), True, "H52.10B",
        "Entreposage et stockage non frigorifique", "SARL Lambert et Fils",
    ),
    (
        "Ancienne imprimerie Gaubert", "friche industrielle", "block:UB", (60, 45), True, "C18.12Z",
        "Autre imprimerie (labeur)", "",
    ),
    (
        "Ancienne tannerie Roux", "friche industrielle", "block:river", (75, 45), True, "C15.11Z",
        "Apprêt et tannage des cuirs", "Commune d'Ingeville",
    ),
    (
        "Ancien dépôt pétrolier des Fontaines", "friche industrielle", "block:UX", (90, 70), True, "G46.71Z",
        "Commerce de gros de combustibles", "Société des Pétroles du Centre",
    ),
    (
        "Ancienne blanchisserie industrielle", "friche industrielle", "block:UX", (90, 60), False, "S96.01A",
        "Blanchisserie-teinturerie de gros", "",
    ),
    (
        "Ancienne sucrerie de Montvallon", "friche agro-industrielle", "road:45998", (220, 150), True, "C10.81Z",
        "Fabrication de sucre", "Coopérative agricole du Val de Vernelle",
    ),
    (
        "Ancienne laiterie coopérative", "friche agro-industrielle", "village:45998", (70, 50), False, "C10.51A",
        "Fabrication de lait liquide et de produits frais", "Coopérative agricole du Val de Vernelle",
    ),
    (
        "Ancien silo coopératif", "friche agro-industrielle", "road:45996", (60, 45), False, "G46.21Z",
        "Commerce de gros de céréales", "Coopérative agricole du Val de Vernelle",
    ),
    (
        "Ancien hypermarché du Moulin", "friche commerciale", "block:UXc", (160, 100), True, "G47.11F",
        "Hypermarchés", "SCI du Moulin",
    ),
    (
        "Ancien magasin de meubles", "friche commerciale", "block:UXc", (90, 60), True, "G47.59A",
        "Commerce de détail de meubles", "",
    ),
    (
        "Ancienne jardinerie", "friche commerciale", "block:UXc", (80, 55), True, "G47.76Z",
        "Commerce de détail de fleurs, plantes, graines", "",
    ),
    (
        "Ancienne concession automobile", "friche commerciale", "block:UX", (80, 60), True, "G45.11Z",
        "Commerce de voitures et de véhicules automobiles légers", "",
    ),
    (
        "Ancien garage du Centre", "friche commerciale", "block:UA", (35, 28), False, "G45.20A",
        "Entretien et réparation de véhicules automobiles légers", "",
    ),
    (
        "Ancien cinéma Le Rex", "friche loisir tourisme hôtellerie", "block:UA", (40, 30), True, "J59.14Z",
        "Projection de films cinématographiques", "Commune d'Ingeville",
    ),
    (
        "Ancien hôtel de la Gare", "friche loisir tourisme hôtellerie", "block:station", (30, 25), False, "I55.10Z",
        "Hôtels et hébergement similaire", "",
    ),
    (
        "Ancienne discothèque Le Saturne", "friche loisir tourisme hôtellerie", "road:45999", (60, 50), True,
        "S93.29Z", "Autres activités récréatives et de loisirs", "",
    ),
    (
        "Ancien camping municipal des Grèves", "friche loisir tourisme hôtellerie", "near:Les Grèves", (150, 90), True,
        "I55.30Z", "Terrains de camping et parcs pour caravanes", "Commune d'Ingeville",
    ),
    (
        "Ancienne école Jules Ferry", "friche enseignement", "block:UB", (70, 50), True, "P85.20Z",
        "Enseignement primaire", "Commune d'Ingeville",
    ),
    (
        "Ancien collège Pasteur", "friche enseignement", "block:UB", (110, 75), True, "P85.31Z",
        "Enseignement secondaire général", "Département du Loiret",
    ),
    (
        "Ancienne école de Saint-Aubin", "friche enseignement", "village:45997", (45, 35), False, "P85.20Z",
        "Enseignement primaire", "Commune de Saint-Aubin-les-Prés",
    ),
    (
        "Ancienne piscine municipale", "friche d'équipement public", "block:UC", (90, 60), True, "R93.11Z",
        "Gestion d'installations sportives", "Commune d'Ingeville",
    ),
    (
        "Ancienne gendarmerie", "friche d'équipement public", "block:UB", (70, 50), False, "O84.24Z",
        "Activités d'ordre public et de sécurité", "État",
    ),
    (
        "Ancienne trésorerie", "friche d'équipement public", "block:UA", (30, 25), False, "O84.11Z",
        "Administration publique générale", "État",
    ),
    (
        "Ancien bureau de poste de Montvallon", "friche d'équipement public", "village:45998", (30, 20), False,
        "H53.10Z", "Activités de poste", "Commune de Montvallon",
    ),
    (
        "Ancienne clinique du Parc", "friche hospitalière", "block:UC", (90, 70), True, "Q86.10Z",
        "Activités hospitalières", "SAS Clinique du Parc",
    ),
    (
        "Ancienne maternité", "friche hospitalière", "block:UB", (60, 50), True, "Q86.10Z", "Activités hospitalières",
        "Centre hospitalier d'Ingeville",
    ),
    (
        "Ancienne barre HLM des Tilleuls (démolie)", "friche d'habitat", "block:UBc", (120, 40), True, "", "",
        "SA HLM Val de Vernelle Habitat",
    ),
    ("Îlot dégradé rue des Tanneurs", "mixte - dominante habitat", "block:UA", (50, 35), True, "", "", ""),
    ("Îlot Gambetta", "mixte - autre", "block:UA", (45, 35), False, "", "", ""),
    (
        "Ancienne chapelle des Ursulines", "friche cultuelle", "block:UA", (30, 20), False, "S94.91Z",
        "Activités des organisations religieuses", "Association diocésaine d'Orléans",
    ),
    (
        "Ancienne carrière des Sablons", "friche carrière ou mine", "road:45997", (300, 200), True, "B08.12Z",
        "Exploitation de gravières et sablières", "",
    ),
    (
        "Ancienne sablière de la Vernelle", "friche carrière ou mine", "road:river", (200, 120), False, "B08.12Z",
        "Exploitation de gravières et sablières", "",
    ),
    (
        "Ancienne scierie de Chaumont", "friche industrielle", "near:Chaumont-la-Forêt", (90, 60), True, "C16.10A",
        "Sciage et rabotage du bois", "",
    ),
    (
        "Ancienne station-service de la route d'Orléans", "friche commerciale", "radial:W", (40, 30), False,
        "G47.30Z", "Commerce de détail de carburants", "",
    ),
    (
        "Ancien corps de ferme de Villiers", "autre", "near:Villiers", (60, 50), False, "A01.50Z",
        "Culture et élevage associés", "",
    ),
    (
        "Ancienne filature Delorme", "friche industrielle", "block:UB", (80, 60), True, "C13.10Z",
        "Préparation de fibres textiles et filature", "SCI Les Ateliers",
    ),
)
# fmt: on
#: The two friches the town is known for (README): the manufacture and the hôtel-Dieu.
# fmt: off
EMBLEMATIC = ("Ancienne manufacture Duval", "Ancien hôtel-Dieu")
# fmt: on


def district_regions(d: Design, zones: list) -> dict:
    """Where each kind of friche may be found: in the PLU zone of its kind, so that an industrial
    friche lies in the UX zone and a school in a residential one."""
    local = {}
    for z in zones:
        geom = shapely.make_valid(shapely.transform(z["geom"], lambda c: c - np.array([X0, Y0])))
        local.setdefault(z["LIBELLE"], []).append(geom)
    by = {lab: shapely.union_all(gs) for lab, gs in local.items()}
    near_station = Point(d.station.x, d.station.y).buffer(420)
    return {
        "UX": by["UX"], "UXc": by["UXc"], "UA": by["UA"], "UB": by["UB"], "UC": by["UC"], "UBc": by["UBc"],
        "station": near_station.intersection(shapely.union_all([by["UB"], by["UX"]])),
        "river": d.river.buffer(160).intersection(shapely.union_all([by["UB"], by["UC"], by["N"]])).intersection(
            d.envelope),
    }


def plot_in_block(block: Polygon, size, r: random.Random, region=None):
    """A plot of about ``size`` set back from the streets of a block, touching one side of it (and
    inside ``region``: blocks are faces of the street network and may straddle the railway)."""
    inner = block.buffer(-9, join_style="mitre")
    if region is not None:
        inner = max(polys_of(inner.intersection(region)), key=lambda g: g.area, default=Polygon())
    if inner.is_empty or inner.geom_type != "Polygon":
        return None
    w, h = size
    ang = orientation_deg(block)
    for _ in range(12):
        p = inner.exterior.interpolate(r.random(), normalized=True)
        c = inner.centroid
        dx, dy = c.x - p.x, c.y - p.y
        dd = math.hypot(dx, dy) or 1.0
        centre = (p.x + dx / dd * h / 2, p.y + dy / dd * h / 2)
        plot = inner.intersection(rect(centre[0], centre[1], w, h, ang))
        plot = max(polys_of(plot), key=lambda g: g.area, default=None)
        if plot is not None and plot.area > 0.55 * w * h:
            return plot.simplify(0.5)
    return None


def plot_along_road(road: LineString, size, r: random.Random):
    t = r.uniform(0.15, 0.85)
    p = road.interpolate(t, normalized=True)
    q = road.interpolate(min(1.0, t + 0.02), normalized=True)
    ang = math.atan2(q.y - p.y, q.x - p.x)
    side = r.choice([1, -1])
    w, h = size
    off = 14 + h / 2
    cx, cy = p.x - side * math.sin(ang) * off, p.y + side * math.cos(ang) * off
    return rect(cx, cy, w, h, math.degrees(ang))


def build_friches(d: Design, edges: list, zones: list) -> list:
    """42 friches in the CNIG standard v1.0.6, every field in the schema's order, placed where such
    sites are in a real town, with the standard's coded values varied the way real inventories are
    (and a third of them without polygon, some without surface, so the import has work to do)."""
    r = rng_for("friches")
    edge_geoms = [e.geom for e in edges]
    edge_tree = STRtree(edge_geoms)
    blocks = [b for b in polys_of(shapely.polygonize(edge_geoms)) if 1500 < b.area < 150000]
    blocks.sort(key=lambda b: (round(b.centroid.x), round(b.centroid.y)))
    regions = district_regions(d, zones)
    taken = [shapely.union_all([*d.sites.values()]).buffer(5)]
    forbid = shapely.union_all(
        [*d.sites.values(), *d.parks.values(), d.river.buffer(30), d.railway.buffer(20), Point(0, 0).buffer(60)]
    )
    reserved_union = shapely.union_all(list(d.reserved.values()))

    def free(poly):
        if poly is None or not poly.is_valid or poly.intersects(forbid):
            return False
        if any(poly.intersects(t) for t in taken):
            return False
        return len(edge_tree.query(poly, predicate="intersects")) == 0

    placed = []
    for spec in FRICHES:
        name, _stype, where, size, _drawn = spec[:5]
        kind, _, arg = where.partition(":")
        poly = None
        if kind == "site":
            poly = d.reserved[arg].buffer(-3, join_style="mitre")
        elif kind == "block":
            region = regions[arg]
            cands = [
                b for b in blocks if region.contains(b.representative_point()) and not b.intersects(reserved_union)
            ]
            for _ in range(80):
                plot = plot_in_block(r.choice(cands), size, r, region)
                if free(plot):
                    poly = plot
                    break
        else:
            if kind == "village":
                area = d.villages[arg][2].buffer(120)
                roads = [g for g in edge_geoms if g.intersects(area) and g.length > 60]
            elif kind == "near":
                places = {n: (pt, i) for n, (pt, i) in d.hamlets.items()}
                places.update({v[0]: (v[1], i) for i, v in d.villages.items()})
                pt, insee = places[arg]
                area = pt.buffer(700).difference(d.envelope.buffer(100)).intersection(d.communes[insee])
                roads = [e.geom for e in edges if e.highway in ("tertiary", "unclassified", "secondary", "primary",
                                                                 "residential") and e.geom.intersects(area)]
            elif kind == "radial":
                area = d.communes[INSEE_INGEVILLE].difference(d.envelope.buffer(300))
                line = radial_line(arg)
                roads = [e.geom for e in edges if e.highway == RADIALS[arg][1] and e.geom.distance(line) < 1
                         and area.contains(e.geom.interpolate(0.5, normalized=True))]
            else:
                commune = d.communes[INSEE_INGEVILLE if arg == "river" else arg]
                limit = commune.difference(d.envelope.buffer(150))
                if arg == "river":
                    limit = limit.intersection(d.river.buffer(400))
                area = limit
                roads = [
                    e.geom
                    for e in edges
                    if e.highway in ("tertiary", "unclassified", "secondary", "primary")
                    and limit.contains(e.geom.interpolate(0.5, normalized=True))
                    and e.geom.length > 120
                ]
            for _ in range(200):
                plot = plot_along_road(r.choice(roads), size, r)
                if free(plot) and area.contains(plot):
                    poly = plot
                    break
        if poly is None:
            raise RuntimeError(f"no room for friche {name!r}")
        taken.append(poly.buffer(15))
        placed.append((spec, poly))
    rows = friche_rows(d, placed, zones, r)
    addresses = Addresser(d, edges, rng_for("friche-addresses"))
    known = {
        "Ancienne manufacture Duval": "12 Avenue de la Gare", "Ancien hôtel-Dieu": "3 Rue du Pont",
        "Ancienne caserne Saint-Martin": "45 Avenue Jean Moulin", "Ancienne gare de marchandises": "Place de la Gare",
    }
    for row, (_spec, poly) in zip(rows, placed):
        known_address = known.get(row["site_nom"])
        row["site_adresse"] = known_address or addresses.address(poly.representative_point(), with_town=False)
    return rows


def road_name(ref: str) -> str:
    """How an address names a numbered road: "D 2060" -> "Route départementale 2060"."""
    kind, _, num = ref.partition(" ")
    return {"D": "Route départementale ", "N": "Route nationale "}.get(kind, "Route ") + num


class Addresser:
    """Postal-like addresses from the nearest named street of the same commune ("12 Rue Victor Hugo"),
    or the nearest hamlet ("Lieu-dit Les Grèves") in the country."""

    def __init__(self, d: Design, edges: list, r: random.Random):
        self.d = d
        self.r = r
        self.streets = {}
        usable = [e for e in edges if (e.name or e.ref) and e.highway not in ("trunk", "footway", "cycleway", "track")]
        mids = shapely.line_interpolate_point(np.array([e.geom for e in usable], dtype=object), 0.5, normalized=True)
        for insee, poly in sorted(d.communes.items()):
            inside = shapely.contains(poly, mids)
            named = [(e.name or road_name(e.ref), e.geom) for e, ok in zip(usable, inside) if ok]
            self.streets[insee] = (named, STRtree([g for _n, g in named]))
        self.places = {}
        for name, (pt, insee) in sorted(d.hamlets.items()):
            self.places.setdefault(insee, []).append((name, pt))
        for insee, (vname, pt, _poly) in sorted(d.villages.items()):
            self.places.setdefault(insee, []).append((vname, pt))

    def commune(self, pt: Point) -> str:
        return next((i for i, c in sorted(self.d.communes.items()) if c.contains(pt)), INSEE_INGEVILLE)

    def address(self, pt: Point, with_town=True) -> str:
        insee = self.commune(pt)
        named, tree = self.streets[insee]
        name, geom = named[int(tree.query_nearest(pt)[0])]
        if geom.distance(pt) > 250 and self.places.get(insee):
            text = "Lieu-dit " + min(self.places[insee], key=lambda kv: kv[1].distance(pt))[0]
        else:
            text = f"{self.r.randint(1, 120)} {name}"
        if with_town:
            text += f", {POSTCODES[insee]} {COMMUNES[insee][0]}"
        return text


def schema_field_names() -> list:
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        return [f["name"] for f in json.load(fh)["fields"]]


def wkt_point(x, y) -> str:
    return f"POINT({x:.2f} {y:.2f})"


def wkt_polygon(poly: Polygon) -> str:
    return "POLYGON((" + ", ".join(f"{x:.2f} {y:.2f}" for x, y in poly.exterior.coords) + "))"


def rand_date(r: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=r.randint(0, max(0, (end - start).days)))


#: Fichiers fonciers owner categories (catpro3-like codes) used here, by kind of owner.
# fmt: off
OWNER_CODES = {
    "commune": "P4a",
    "etat": "P1a",
    "departement": "P3a",
    "hopital": "P6a",
    "hlm": "P5a",
    "sncf": "F7a",
    "private": "F6c",
    "coop": "F2a",
    "person": "X1a",
    "religious": "F8a",
}
# fmt: on


def owner_kind(owner: str) -> str:
    o = owner.lower()
    for key, kind in (
        ("commune", "commune"), ("état", "etat"), ("département", "departement"), ("centre hospitalier", "hopital"),
        ("hlm", "hlm"), ("sncf", "sncf"), ("coopérative", "coop"), ("diocésaine", "religious"),
    ):
        if key in o:
            return kind
    return "private" if owner else "person"


def friche_rows(d: Design, placed: list, zones: list, r: random.Random) -> list:
    """The CNIG attributes of each placed friche (one dict per CSV row)."""
    fields = schema_field_names()
    zone_geoms = [(shapely.make_valid(z["geom"]), z) for z in zones]
    counters = {}
    rows = []
    no_polygon_surface = {
        "Ancienne gare de marchandises", "Ancienne fonderie Mercier", "Ancienne jardinerie",
        "Ancienne clinique du Parc", "Ancienne discothèque Le Saturne", "Ancienne scierie de Chaumont",
    }
    for spec, poly in placed:
        name, stype, where, _size, drawn, naf, activity, owner = spec
        c = poly.centroid if poly.contains(poly.centroid) else poly.representative_point()
        insee = next(i for i, cp in sorted(d.communes.items()) if cp.contains(c))
        counters[insee] = counters.get(insee, 0) + 1
        site_id = f"{insee}_{counters[insee]:04d}"
        comm_nom = COMMUNES[insee][0]
        g93 = to_l93(poly)
        p93 = to_l93(c)
        row = dict.fromkeys(fields, "")
        row.update(
            site_id=site_id, site_nom=name, site_type=stype, comm_nom=comm_nom, comm_insee=insee,
            geompoint=wkt_point(p93.x, p93.y),
        )
        if drawn:
            row["geomsurf"] = wkt_polygon(g93)
        area = int(round(poly.area))

        # dates: identified, then updated; activity ended before it was identified
        ident = rand_date(r, dt.date(2012, 1, 1), dt.date(2024, 6, 30))
        row["site_identif_date"] = ident.isoformat()
        row["site_actu_date"] = rand_date(r, ident, dt.date(2026, 6, 30)).isoformat()
        end_year = r.randint(1978, min(ident.year, 2021))
        row["activite_fin_annee"] = str(end_year)
        if naf:
            row["activite_code"] = naf
            row["activite_libelle"] = activity
            if name == "Ancienne manufacture Duval":
                row["activite_code"] = naf + "|C15.12Z"
                row["activite_libelle"] = activity + "|Fabrication d'articles de voyage et de maroquinerie"
        old = r.randint(1860, 1965) if "Ancienne" in name or "Ancien" in name else r.randint(1950, 1990)
        row["local_ancien_annee"] = str(old)
        row["local_recent_annee"] = str(r.randint(old, max(old, end_year - 1)))
        if r.random() < 0.6:
            row["site_url"] = f"https://example.org/ingeville/friches/{site_id}"
            if r.random() < 0.2:
                row["site_url"] += f"|https://example.org/cartofriches/?site={site_id}"
        if r.random() < 0.12:
            row["site_ademe_url"] = f"https://example.org/ademe/diagnostic-{site_id}.pdf"

        # status and occupation
        statut = r.choice(
            ["friche sans projet"] * 5 + ["friche potentielle"] * 2 + ["friche avec projet"] * 2 + ["inconnu"]
        )
        if name in (
            "Ancienne manufacture Duval", "Ancienne caserne Saint-Martin", "Ancien collège Pasteur",
            "Ancien hôtel-Dieu",
        ):
            statut = "friche avec projet"
        if name == "Ancienne filature Delorme":
            statut = "friche reconvertie"
            row["site_reconv_annee"] = "2021"
            row["site_reconv_type"] = "bureau"
        if name == "Ancienne carrière des Sablons":
            statut = "friche reconvertie"
            row["site_reconv_annee"] = "2023"
            row["site_reconv_type"] = "panneaux photovoltaïques"
        row["site_statut"] = statut
        if statut == "friche avec projet":
            row["site_projet_url"] = (
                f"https://example.org/ingeville/projets/{site_id}" if r.random() < 0.7 else "urbanisme@example.org"
            )
        occupation = r.choice(
            ["totalement inoccupé"] * 6
            + ["partiellement inoccupé"] * 2
            + ["occupation illicite supposée", "occupation illicite avérée", "inconnu", ""]
        )
        if name == "Ancienne gare de marchandises":
            occupation = "occupation transitoire ou temporaire"  # the La Halle 23 third place
        if statut == "friche reconvertie":
            occupation = "sans objet"
        row["site_occupation"] = occupation
        securite = r.choice([
            "interdictions ou limitations d'accès au site",
            "évacuation des produits dangereux et déchets présents sur le site",
            "existence d'une attestation de mise en sécurité", "inconnu", "", "",
        ])
        row["site_securite"] = "interdictions ou limitations d'accès au site" if name in EMBLEMATIC else securite

        # buildings
        no_building = stype in ("friche carrière ou mine",) or "camping" in name or "démolie" in name
        if no_building:
            row.update(
                bati_type="sans objet", bati_nombre="0", bati_vacance="sans objet", bati_etat="sans objet",
                bati_patrimoine="aucun", bati_pollution="sans objet", local_ancien_annee="", local_recent_annee="",
            )
        else:
            btype = {
                "friche industrielle": "industriel", "friche commerciale": "commercial",
                "friche logistique": "industriel", "friche d'habitat": "résidentiel",
                "mixte - dominante habitat": "résidentiel|commercial",
                "mixte - autre": "commercial|secteur tertiaire", "friche agro-industrielle": "industriel",
            }.get(stype, "secteur tertiaire")
            if stype == "friche industrielle" and r.random() < 0.3:
                btype += "|secteur tertiaire"
            row["bati_type"] = btype
            row["bati_nombre"] = str(r.randint(1, 3) if area < 5000 else r.randint(2, 12))
            row["bati_surface"] = str(
                int(round(area * r.uniform(0.25, 0.7) * (2 if stype.startswith("mixte") else 1), -1))
            )
            row["bati_pollution"] = (
                "amiante" if old >= 1945 and r.random() < 0.5 else r.choice(["inconnu", "plomb", ""])
            )
            row["bati_vacance"] = r.choice(["vacant"] * 4 + ["partiellement occupé", "inconnu"])
            if occupation == "occupation transitoire ou temporaire":
                row["bati_vacance"] = "partiellement occupé"
            row["bati_etat"] = r.choice(
                [
                    "dégradation inexistante ou faible", "dégradation moyenne", "dégradation moyenne",
                    "dégradation très importante", "dégradation hétérogène", "inconnu",
                ]
            )
            row["bati_patrimoine"] = r.choice(["aucun"] * 4 + ["inconnu"])
        if name in ("Ancienne manufacture Duval", "Ancienne caserne Saint-Martin", "Ancienne gare de marchandises"):
            row["bati_patrimoine"] = "présence d'un bâtiment d'intérêt"
        if name == "Ancien hôtel-Dieu":
            row.update(
                bati_patrimoine="présence d'un bâtiment classé", bati_etat="dégradation hétérogène",
                local_ancien_annee="1688", local_recent_annee="1974", activite_fin_annee="2009",
            )

        # owner
        kind = owner_kind(owner)
        if owner:
            row["proprio_personne"] = "personne morale"
            row["proprio_nom"] = owner
            row["proprio_type"] = OWNER_CODES[kind]
            if r.random() < 0.15:
                row["proprio_personne"] = "personne physique|personne morale"
                row["proprio_type"] += "|X1a"
        else:
            row["proprio_personne"] = r.choice(["personne physique", "personne physique", "inconnu"])
            row["proprio_type"] = "X1a" if row["proprio_personne"] == "personne physique" else ""

        # soil pollution
        heavy = ("fonderie", "pétrolier", "tannerie", "station-service", "Duval", "plasturgie", "gare de marchandises")
        light = ("imprimerie", "blanchisserie", "garage", "concession", "entrepôts", "scierie", "sucrerie", "filature")
        if any(k in name for k in heavy):
            pol = "pollution avérée"
        elif any(k in name for k in light):
            pol = r.choice(["pollution supposée", "pollution supposée", "inconnu"])
        elif stype in ("friche enseignement", "friche d'équipement public", "friche cultuelle"):
            pol = r.choice(["pollution peu probable", "pollution inexistante", ""])
        else:
            pol = r.choice(["pollution peu probable", "inconnu", "", "pollution supposée"])
        if name == "Ancienne filature Delorme":
            pol = "pollution traitée"
        row["sol_pollution_existe"] = pol
        if pol in ("pollution avérée", "pollution traitée", "pollution supposée"):
            row["sol_pollution_origine"] = r.choice(
                ["pollution due au fonctionnement de l'installation"] * 3
                + [
                    "dépôt de déchets, stockages de produits",
                    "origine accidentelle (transport, transbordement, manipulation,...)",
                ]
            )
            row["sol_pollution_annee"] = (
                str(r.randint(max(end_year, 1995), ident.year)) if pol != "pollution supposée" else ""
            )
        if pol == "pollution avérée":
            row["sol_pollution_commentaire"] = r.choice(
                [
                    "Hydrocarbures et métaux lourds dans les remblais", "Chrome et solvants chlorés dans les sols",
                    "Hydrocarbures (HCT C10-C40) au droit des anciennes cuves",
                ]
            )
            row["sol_depollution_fiche"] = f"https://example.org/infosols/{site_id}"

        # land: the unité foncière (often a bit larger than the friche), cadastral parcels
        if drawn and name in no_polygon_surface:
            row["unite_fonciere_surface"] = ""  # left for the import to compute from the polygon
        elif not drawn and r.random() < 0.15:
            row["unite_fonciere_surface"] = ""
        else:
            row["unite_fonciere_surface"] = str(int(round(area * r.uniform(1.0, 1.18), -1)))
        n_par = r.randint(0, 4)
        section = (
            r.choice(["AB", "AC", "AH", "BK", "ZA", "ZD"]) if insee == INSEE_INGEVILLE else r.choice(["0A", "0B", "ZC"])
        )
        row["unite_fonciere_refcad"] = "|".join(f"{insee}000{section}{r.randint(1, 1800):04d}" for _ in range(n_par))

        # planning
        zaer = r.choice(["non", "non", "non", "inconnu"])
        if stype == "friche carrière ou mine" or "pétrolier" in name or "sucrerie" in name:
            zaer = "oui"
        row["urba_zaer"] = zaer
        if insee == INSEE_INGEVILLE:
            pt93 = Point(p93.x, p93.y)
            zone = next((z for geom, z in zone_geoms if geom.contains(pt93)), None)
            if zone is not None and r.random() < 0.9:
                tz = zone["TYPEZONE"]
                row["urba_zone_type"] = {"Nh": "N"}.get(tz, tz)
                row["urba_zone_lib"] = zone["LIBELLE"]
                row["urba_zone_formdomi"] = zone["FORMDOMI"]
                row["urba_doc_type"] = "PLU"
            else:
                row["urba_zone_type"] = r.choice(["inconnu", ""])
        elif insee == "45998":
            in_village = d.villages[insee][2].buffer(150).contains(c)
            row.update(
                urba_zone_type="Zc" if in_village else "ZnC", urba_zone_lib="ZC" if in_village else "ZnC",
                urba_doc_type="CC",
            )
        elif insee == "45997":
            row.update(urba_zone_type="RNU", urba_zone_lib="RNU", urba_doc_type="RNU")
        else:
            row.update(urba_zone_type="inconnu", urba_doc_type="PLUI")

        rail_km = int(round(c.distance(d.railway) / 1000))
        if r.random() < 0.8:
            row["desserte_distance"] = f"0|{rail_km}|{r.choice([31, 32, 34])}"
        if "gare" in name.lower() or name == "Ancienne manufacture Duval":
            row["desserte_commentaire"] = "Embranchement ferroviaire désaffecté en limite de site"
        elif where == "block:UX":
            row["desserte_commentaire"] = "Accès poids lourds par la rue de l'Industrie et la rocade"

        src = r.choice(["Inventaire communal"] * 4 + ["CASIAS", "Observatoire local", "Fonds Friches", "Cartofriches"])
        if pol == "pollution avérée" and r.random() < 0.5:
            src = "BASOL"
        row["source_nom"] = src
        row["source_producteur"] = {
            "Inventaire communal": "Ville d'Ingeville", "CASIAS": "BRGM (donnée fictive)",
            "BASOL": "DREAL (donnée fictive)", "Observatoire local": "CC du Pays d'Ingeville",
            "Fonds Friches": "Appel à projets Fonds Friches (fictif)", "Cartofriches": "Cerema (donnée fictive)",
        }[src]
        if r.random() < 0.5:
            row["source_url"] = "https://example.org/ingeville/inventaire-friches"
            row["source_contact"] = "urbanisme@example.org"
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------
# 6. Third places and public services
# ----------------------------------------------------------------------------------------------


def build_places(d: Design, edges: list):
    """Existing third places (``tiers_lieux``) and public service points (``services``), where they
    are in a town like this one: the town hall on the square, France Services in the 1960s estate,
    the IUT next to the hospital, a third place in the old goods shed."""
    addr = Addresser(d, edges, rng_for("place-addresses"))
    st = d.station
    til = d.tilleuls.centroid
    marchandises = d.reserved["marchandises"].centroid
    villages = {insee: v[1] for insee, v in d.villages.items()}
    tiers = (
        ("Le Quai, espace de coworking", "coworking", (st.x - 70, rail_y(st.x - 70) - 75), 2019),
        ("Coworking du Martroi", "coworking", (95, -120), 2023),
        ("FabLab des Fontaines", "fablab", (1050, 1540), 2016),
        ("La Halle 23", "tiers-lieu mixte", (marchandises.x, marchandises.y), 2022),
        ("Point numérique des Tilleuls", "médiation numérique", (til.x + 120, til.y - 60), 2021),
        ("La Grange connectée", "tiers-lieu mixte", (villages["45998"].x + 60, villages["45998"].y - 45), 2020),
    )
    tiers_out = []
    for name, kind, xy, year in tiers:
        pt = Point(xy)
        insee = next(i for i, c in sorted(d.communes.items()) if c.contains(pt))
        tiers_out.append(
            {
                "geom": to_l93(pt), "name": name, "kind": kind, "address": addr.address(pt),
                "commune": COMMUNES[insee][0], "insee": insee, "opening_year": year,
            }
        )
    services = [
        ("Hôtel de ville d'Ingeville", "mairie", "A129", (0, 62)),
        ("France Services d'Ingeville", "France Services", "A128", (til.x - 60, til.y + 40)),
        ("Médiathèque Jacques Prévert", "médiathèque", "F307", (-180, 130)),
        ("Médiathèque de Saint-Jean (annexe)", "médiathèque", "F307", (60, -900)),
        ("Espace public numérique de la Maison des solidarités", "EPN", "", (700, -330)),
        ("Lycée Jean Moulin", "lycée", "C301", tuple(d.sites["lycee"].centroid.coords[0])),
        ("Lycée professionnel Denis Papin", "lycée", "C302", (1150, 720)),
        (
            "IUT d'Ingeville (antenne universitaire)", "université", "C502",
            tuple(d.sites["iut"].centroid.coords[0]),
        ),
    ]
    for insee, pt in sorted(villages.items()):
        services.append((f"Mairie de {COMMUNES[insee][0]}", "mairie", "A129", (pt.x + 25, pt.y + 20)))
    services.append(
        (
            "France Services de Montvallon", "France Services", "A128",
            (villages["45998"].x - 40, villages["45998"].y + 30),
        )
    )
    services_out = []
    for name, kind, typequ, xy in services:
        pt = Point(xy)
        insee = next(i for i, c in sorted(d.communes.items()) if c.contains(pt))
        services_out.append(
            {
                "geom": to_l93(pt), "name": name, "kind": kind, "typequ": typequ, "address": addr.address(pt),
                "commune": COMMUNES[insee][0], "insee": insee,
            }
        )
        if kind == "mairie" and insee == INSEE_INGEVILLE:  # the town hall is on its square
            services_out[-1]["address"] = "1 Place de l'Hôtel de Ville, 45990 Ingeville"
    return tiers_out, services_out


# ----------------------------------------------------------------------------------------------
# 7. Public transport: a GTFS feed
# ----------------------------------------------------------------------------------------------

FEED_START, FEED_END = dt.date(2026, 9, 1), dt.date(2027, 7, 4)
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


def gtfs_time(sec: float) -> str:
    sec = int(round(sec))
    return f"{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


def hm(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 3600 + int(m) * 60


def every(start: str, end: str, minutes: int) -> list:
    return list(range(hm(start), hm(end) + 1, minutes * 60))


def public_holidays() -> list:
    """French public holidays inside the feed's validity (Easter 2027 is on 28 March)."""
    easter = dt.date(2027, 3, 28)
    days = [
        dt.date(2026, 11, 1), dt.date(2026, 11, 11), dt.date(2026, 12, 25), dt.date(2027, 1, 1),
        easter + dt.timedelta(days=1), dt.date(2027, 5, 1), dt.date(2027, 5, 8), easter + dt.timedelta(days=39),
        easter + dt.timedelta(days=50),
    ]
    return sorted(days)


SCHOOL_HOLIDAYS = (  # zone B, approximated for this fictional feed
    (dt.date(2026, 10, 17), dt.date(2026, 11, 1)),
    (dt.date(2026, 12, 19), dt.date(2027, 1, 3)),
    (dt.date(2027, 2, 13), dt.date(2027, 2, 28)),
    (dt.date(2027, 4, 10), dt.date(2027, 4, 25)),
    (dt.date(2027, 5, 7), dt.date(2027, 5, 9)),
)


def wgs84_transform():
    from osgeo import osr

    src = osr.SpatialReference()
    src.ImportFromEPSG(2154)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)

    def lonlat(x, y):
        lon, lat, _z = ct.TransformPoint(X0 + x, Y0 + y)
        return f"{lat:.6f}", f"{lon:.6f}"

    return lonlat


def build_gtfs(d: Design, edges: list) -> dict:
    """A GTFS feed for the town's buses, a regional coach and the TER line, with what makes real feeds
    hard to read: a station with platforms and entrances, weekday / Saturday / Sunday services with
    holidays removed and a special day added, a headway-based line (frequencies.txt, exact_times 0
    and 1), a loop line, night trips after midnight written 24:40:00, drop-off-only last stops."""
    graph = RoadGraph(edges)
    reg = StopRegistry(d, edges)
    lonlat = wgs84_transform()
    urban = shapely.union_all([d.envelope.buffer(80), *[v[2].buffer(100) for v in d.villages.values()]])
    gare = (d.station.x - 60, rail_y(d.station.x - 60) - 46)
    centre = (0, 50)
    til = (d.tilleuls.centroid.x - 70, d.tilleuls.centroid.y + 215)
    sj = (40, -1250)
    zac = (2250, -150)
    hosp = tuple(d.sites["hopital"].centroid.coords[0])
    lyc = tuple(d.sites["lycee"].centroid.coords[0])
    aubin = tuple(d.villages["45997"][1].coords[0])
    chaumont = tuple(d.villages["45996"][1].coords[0])
    loop = [gare, (700, 450), (1100, -150), (400, -330), (-500, -330), (-1000, 250), (-600, 650), gare]
    # the hubs and termini first, on the graph node every line through them passes, so that they share them
    termini = {"Gare SNCF": gare, "Hôtel de Ville": centre, "Les Tilleuls": til, "Saint-Jean": sj,
               "ZAC du Moulin": zac, "Centre Hospitalier": hosp, "Lycée Jean Moulin": lyc,
               "Saint-Aubin-les-Prés Mairie": aubin, "Chaumont-la-Forêt Mairie": chaumont}
    for name, xy in termini.items():
        reg.add(Point(graph.nearest(xy)), name=name)
    lines = (
        (
            "L1", "INGEBUS", "1", "Les Tilleuls - Hôtel de Ville - Saint-Jean", 3, "E2001A", "FFFFFF",
            [(0, [til, centre, sj], False), (1, [sj, centre, til], False)],
        ),
        (
            "L2", "INGEBUS", "2", "Gare SNCF - Hôtel de Ville - ZAC du Moulin", 3, "0072BB", "FFFFFF",
            [(0, [gare, centre, zac], False), (1, [zac, centre, gare], False)],
        ),
        (
            "L3", "INGEBUS", "3", "Centre Hospitalier - Hôtel de Ville - Lycée Jean Moulin", 3, "2E8B57", "FFFFFF",
            [(0, [hosp, centre, lyc], False), (1, [lyc, centre, hosp], False)],
        ),
        ("L4", "INGEBUS", "4", "Boucle des Faubourgs", 3, "F39200", "000000", [(0, loop, True)]),
        (
            "L5", "INGEBUS", "5", "Gare SNCF - Saint-Aubin-les-Prés", 3, "8E44AD", "FFFFFF",
            [(0, [gare, centre, aubin], False), (1, [aubin, centre, gare], False)],
        ),
        (
            "N", "INGEBUS", "N", "Noctambus Gare SNCF - Saint-Jean - Les Tilleuls", 3, "222222", "FFD700",
            [(0, [gare, centre, sj, (-800, -760), (-1000, 60), til], False)],
        ),
        (
            "C12", "CARSVAL", "12", "Ingeville Gare - Chaumont-la-Forêt", 700, "7F8C8D", "FFFFFF",
            [(0, [gare, (-700, 700), chaumont], False), (1, [chaumont, (-700, 700), gare], False)],
        ),
    )
    patterns = {}
    for route_id, _ag, _sn, _ln, _rt, _c, _tc, pats in lines:
        for direction, wps, is_loop in pats:
            line, cum_m, cum_s = graph.path(wps)
            stops = reg.place(line, urban, loop=is_loop)
            offsets = []
            for k, (pos, stop) in enumerate(stops):
                t = float(np.interp(pos, cum_m, cum_s)) * 1.1 + 20 * max(0, k - 1)
                dwell = (
                    60
                    if stop["name"] == "Hôtel de Ville" and 0 < k < len(stops) - 1 and route_id in ("L2", "L3")
                    else 0
                )
                offsets.append((t, t + dwell, pos))
            patterns[(route_id, direction)] = (line, stops, offsets)

    # the rail line: a parent station with two platforms and two entrances, a halt, two towns off the map
    rail_far = LineString([(x, rail_y(x)) for x in np.arange(-15000, 16001, 100.0)])
    st = d.station
    rail_stops = {
        "valcourt": {"id": "ING:RAIL:VALCOURT", "name": "Valcourt", "pt": Point(-15000, rail_y(-15000))},
        "ingeville": {"id": "ING:SA:GARE", "name": "Gare d'Ingeville", "pt": Point(st.x, rail_y(st.x))},
        "montvallon": {"id": "ING:SA:MONTVALLON", "name": "Halte de Montvallon", "pt": Point(4650, rail_y(4650))},
        "bellegarde": {
            "id": "ING:RAIL:BELLEGARDE", "name": "Bellegarde-sur-Vernelle", "pt": Point(16000, rail_y(16000)),
        },
    }
    platforms = {0: "ING:GARE:V1", 1: "ING:GARE:V2"}
    rail_order = ["valcourt", "ingeville", "montvallon", "bellegarde"]

    # ---- stops.txt
    stops_rows = [
        [
            "stop_id", "stop_code", "stop_name", "stop_desc", "stop_lat", "stop_lon", "zone_id", "stop_url",
            "location_type", "parent_station", "wheelchair_boarding", "platform_code",
        ]
    ]
    wr = rng_for("gtfs-stops")
    for s in reg.stops:
        lat, lon = lonlat(s["pt"].x, s["pt"].y)
        stops_rows.append(
            [s["id"], s["code"], s["name"], "", lat, lon, "", "", "0", "", str(wr.choice([1, 1, 1, 2, 0])), ""]
        )
    rail_rows = [
        ("ING:SA:GARE", "Gare d'Ingeville", (st.x, rail_y(st.x) - 12), "1", "", "1", ""),
        ("ING:GARE:V1", "Gare d'Ingeville - Voie 1", (st.x + 25, rail_y(st.x + 25) - 6), "0", "ING:SA:GARE", "1", "1"),
        ("ING:GARE:V2", "Gare d'Ingeville - Voie 2", (st.x + 25, rail_y(st.x + 25) + 6), "0", "ING:SA:GARE", "1", "2"),
        (
            "ING:GARE:E1", "Gare d'Ingeville - Entrée parvis", (st.x - 20, rail_y(st.x - 20) - 30), "2",
            "ING:SA:GARE", "1", "",
        ),
        (
            "ING:GARE:E2", "Gare d'Ingeville - Accès passerelle nord", (st.x - 60, rail_y(st.x - 60) + 28), "2",
            "ING:SA:GARE", "2", "",
        ),
        ("ING:SA:MONTVALLON", "Halte de Montvallon", (4650, rail_y(4650) - 10), "1", "", "0", ""),
        ("ING:MONTVALLON:Q", "Halte de Montvallon - Quai", (4650, rail_y(4650) - 5), "0", "ING:SA:MONTVALLON", "0", ""),
        ("ING:RAIL:VALCOURT", "Valcourt", (-15000, rail_y(-15000)), "0", "", "1", ""),
        ("ING:RAIL:BELLEGARDE", "Bellegarde-sur-Vernelle", (16000, rail_y(16000)), "0", "", "1", ""),
    ]
    for sid, name, (x, y), ltype, parent, wch, plat in rail_rows:
        lat, lon = lonlat(x, y)
        stops_rows.append([sid, "", name, "", lat, lon, "", "", ltype, parent, wch, plat])

    # ---- calendar
    cal_rows = [
        [
            "service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date",
            "end_date",
        ]
    ]
    services = {"SEM": "1111100", "SAM": "0000010", "DIM": "0000001", "SCO": "1111100", "NUIT": "0000110"}
    for sid, days in services.items():
        cal_rows.append([sid, *days, FEED_START.strftime("%Y%m%d"), FEED_END.strftime("%Y%m%d")])
    cd_rows = [["service_id", "date", "exception_type"]]
    exceptions = []
    for day in public_holidays():
        if day.weekday() < 5:
            exceptions += [("SEM", day, 2), ("SCO", day, 2), ("DIM", day, 1)]
        elif day.weekday() == 5:
            exceptions += [("SAM", day, 2), ("DIM", day, 1)]
    for start, end in SCHOOL_HOLIDAYS:
        day = start
        while day <= end:
            if day.weekday() < 5 and ("SCO", day, 2) not in exceptions:
                exceptions.append(("SCO", day, 2))
            day += dt.timedelta(days=1)
    # special days: night buses for the Fête de la musique and New Year's Eve, none on Christmas night,
    # Saturday service on the Sunday of the Christmas market
    exceptions += [
        ("NUIT", dt.date(2027, 6, 21), 1), ("NUIT", dt.date(2026, 12, 31), 1), ("NUIT", dt.date(2026, 12, 25), 2),
        ("SAM", dt.date(2026, 12, 20), 1), ("DIM", dt.date(2026, 12, 20), 2),
    ]
    for sid, day, kind in sorted(exceptions, key=lambda e: (e[1], e[0])):
        cd_rows.append([sid, day.strftime("%Y%m%d"), str(kind)])

    # ---- timetables
    timetable = {
        # (route, direction): {service: departures (seconds) or ("freq", [(start, end, headway, exact)])}
        ("L1", 0): {
            "SEM": (
                "freq",
                [
                    ("06:00", "07:00", 1200, 0), ("07:00", "09:00", 600, 0), ("09:00", "16:30", 900, 0),
                    ("16:30", "19:00", 600, 0), ("19:00", "21:00", 1800, 0),
                ],
            ),
            "SAM": ("freq", [("08:00", "20:00", 1200, 1)]),
            "DIM": every("09:30", "18:30", 60),
        },
        ("L1", 1): {
            "SEM": (
                "freq",
                [
                    ("06:10", "07:10", 1200, 0), ("07:10", "09:10", 600, 0), ("09:10", "16:40", 900, 0),
                    ("16:40", "19:10", 600, 0), ("19:10", "21:10", 1800, 0),
                ],
            ),
            "SAM": ("freq", [("08:10", "20:10", 1200, 1)]),
            "DIM": every("10:00", "19:00", 60),
        },
        ("L2", 0): {
            "SEM": every("06:30", "20:30", 20), "SAM": every("08:00", "19:30", 30),
            "DIM": every("10:00", "18:00", 60),
        },
        ("L2", 1): {
            "SEM": every("06:40", "20:40", 20), "SAM": every("08:15", "19:45", 30),
            "DIM": every("10:30", "18:30", 60),
        },
        ("L3", 0): {"SEM": every("06:45", "19:45", 30), "SAM": every("08:15", "18:15", 60)},
        ("L3", 1): {"SEM": every("07:00", "20:00", 30), "SAM": every("08:45", "18:45", 60)},
        ("L4", 0): {"SEM": every("07:00", "19:00", 40), "SAM": every("09:00", "17:00", 60)},
        ("L5", 0): {
            "SCO": [hm(t) for t in ("12:10", "16:35", "17:10", "18:05")], "SEM": [hm("10:15"), hm("14:15")],
            "SAM": [hm("09:15"), hm("13:15")],
        },
        ("L5", 1): {
            "SCO": [hm(t) for t in ("06:55", "07:20", "07:45", "13:00")], "SEM": [hm("11:05"), hm("15:05")],
            "SAM": [hm("10:05"), hm("17:05")],
        },
        ("N", 0): {"NUIT": [hm(t) for t in ("22:40", "23:40", "24:40", "25:40")]},
        ("C12", 0): {
            "SEM": [hm(t) for t in ("06:20", "08:10", "12:15", "16:40", "17:45", "18:50")],
            "SAM": [hm(t) for t in ("08:10", "12:15", "17:45")],
        },
        ("C12", 1): {
            "SEM": [hm(t) for t in ("06:50", "07:35", "09:00", "13:10", "17:30", "19:25")],
            "SAM": [hm(t) for t in ("09:00", "13:10", "18:30")], "DIM": [hm("18:30")],
        },
    }
    routes_rows = [
        [
            "route_id", "agency_id", "route_short_name", "route_long_name", "route_desc", "route_type", "route_color",
            "route_text_color",
        ]
    ]
    trips_rows = [
        [
            "route_id", "service_id", "trip_id", "trip_headsign", "direction_id", "block_id", "shape_id",
            "wheelchair_accessible", "bikes_allowed",
        ]
    ]
    st_rows = [
        [
            "trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "stop_headsign", "pickup_type",
            "drop_off_type", "shape_dist_traveled", "timepoint",
        ]
    ]
    freq_rows = [["trip_id", "start_time", "end_time", "headway_secs", "exact_times"]]
    shape_rows = [["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence", "shape_dist_traveled"]]

    def add_stop_times(trip_id, seq_stops, start):
        """One trip's rows: times to the minute, no pick-up at the last stop, no drop-off at the first."""
        last = -1
        n = len(seq_stops)
        for k, (stop_id, arr_off, dep_off, dist) in enumerate(seq_stops):
            arr = max(last, int((start + arr_off) // 60 * 60))
            dep = max(arr, int((start + dep_off) // 60 * 60))
            last = dep
            st_rows.append(
                [
                    trip_id, gtfs_time(arr), gtfs_time(dep), stop_id, str(k + 1), "", "1" if k == n - 1 else "0",
                    "1" if k == 0 else "0", f"{dist:.1f}", "1",
                ]
            )

    for route_id, agency, short, long_name, rtype, color, tcolor, pats in lines:
        routes_rows.append([route_id, agency, short, long_name, "", str(rtype), color, tcolor])
        for direction, _wps, _loop in pats:
            line, stops, offsets = patterns[(route_id, direction)]
            shape_id = f"SH_{route_id}_{direction}"
            simple = line.simplify(1.5)
            acc = 0.0
            cs = list(simple.coords)
            for k, (x, y) in enumerate(cs):
                if k:
                    acc += math.hypot(x - cs[k - 1][0], y - cs[k - 1][1])
                lat, lon = lonlat(x, y)
                shape_rows.append([shape_id, lat, lon, str(k + 1), f"{acc:.1f}"])
            seq = [(s["id"], a, b, pos) for (pos, s), (a, b, _p) in zip(stops, offsets)]
            headsign = stops[-1][1]["name"] if route_id != "L4" else "Boucle des Faubourgs"
            for service, deps in timetable[(route_id, direction)].items():
                if isinstance(deps, tuple):  # headway-based: one template trip, its windows in frequencies.txt
                    trip_id = f"{route_id}-{service}-{direction}-F"
                    trips_rows.append([route_id, service, trip_id, headsign, str(direction), "", shape_id, "1", "1"])
                    windows = deps[1]
                    add_stop_times(trip_id, seq, hm(windows[0][0]))
                    for start, end, headway, exact in windows:
                        freq_rows.append([trip_id, f"{start}:00", f"{end}:00", str(headway), str(exact)])
                    continue
                for dep in deps:
                    trip_id = f"{route_id}-{service}-{direction}-{gtfs_time(dep)[:5].replace(':', '')}"
                    trips_rows.append(
                        [
                            route_id, service, trip_id, headsign, str(direction), "", shape_id, "1",
                            "1" if rtype != 700 else "0",
                        ]
                    )
                    add_stop_times(trip_id, seq, dep)

    # ---- TER
    routes_rows.append(
        [
            "TER", "RAILREG", "TER", "Valcourt - Ingeville - Montvallon - Bellegarde-sur-Vernelle",
            "Ligne régionale (fictive)", "2", "1D4E89", "FFFFFF",
        ]
    )
    positions = {k: rail_far.project(v["pt"]) for k, v in rail_stops.items()}
    rail_sched = {
        0: {
            "SEM": [*every("05:42", "21:42", 60), hm("07:12"), hm("17:12")], "SAM": every("07:42", "19:42", 120),
            "DIM": [hm(t) for t in ("08:42", "10:42", "13:42", "16:42", "18:42", "20:42")],
        },
        1: {
            "SEM": [*every("05:55", "21:55", 60), hm("06:25"), hm("18:25")], "SAM": every("06:55", "20:55", 120),
            "DIM": [hm(t) for t in ("07:55", "10:55", "14:55", "17:55", "19:55", "21:55")],
        },
    }
    for direction in (0, 1):
        order = rail_order if direction == 0 else rail_order[::-1]
        shape_id = f"SH_TER_{direction}"
        x_from, x_to = (-15000, 16000) if direction == 0 else (16000, -15000)
        xs = np.linspace(x_from, x_to, 156)
        acc = 0.0
        for k, x in enumerate(xs):
            if k:
                acc += math.hypot(x - xs[k - 1], rail_y(x) - rail_y(xs[k - 1]))
            lat, lon = lonlat(x, rail_y(x))
            shape_rows.append([shape_id, lat, lon, str(k + 1), f"{acc:.1f}"])
        start_pos = positions[order[0]]
        seq = []
        t = 0.0
        prev = start_pos
        for k, key in enumerate(order):
            dist = abs(positions[key] - start_pos)
            t += abs(positions[key] - prev) / (95 / 3.6)
            prev = positions[key]
            sid = rail_stops[key]["id"]
            if key == "ingeville":
                sid = platforms[direction]
            elif key == "montvallon":
                sid = "ING:MONTVALLON:Q"
            dwell = 120 if key == "ingeville" else (60 if 0 < k < 3 else 0)
            seq.append((sid, t, t + dwell, dist))
            t += dwell
        headsign = rail_stops[order[-1]]["name"]
        for service, deps in rail_sched[direction].items():
            for dep in sorted(deps):
                trip_id = f"TER-{service}-{direction}-{gtfs_time(dep)[:5].replace(':', '')}"
                trips_rows.append(["TER", service, trip_id, headsign, str(direction), "", shape_id, "1", "1"])
                add_stop_times(trip_id, seq, dep)

    agency_rows = [
        ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone"],
        ["INGEBUS", "Ingébus (réseau fictif)", "https://example.org/ingebus", "Europe/Paris", "fr", ""],
        ["CARSVAL", "Cars du Val de Vernelle (fictif)", "https://example.org/carsval", "Europe/Paris", "fr", ""],
        ["RAILREG", "Rail régional Val de Vernelle (fictif)", "https://example.org/rail", "Europe/Paris", "fr", ""],
    ]
    feed_rows = [
        [
            "feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date",
            "feed_version", "feed_contact_email",
        ],
        [
            "Friches & Tiers-Lieux, territoire de démonstration Ingeville (fictif)", "https://example.org/ingeville",
            "fr", FEED_START.strftime("%Y%m%d"), FEED_END.strftime("%Y%m%d"), "2026.09-demo", "demo@example.org",
        ],
    ]
    return {
        "agency.txt": agency_rows, "stops.txt": stops_rows, "routes.txt": routes_rows, "trips.txt": trips_rows,
        "stop_times.txt": st_rows, "calendar.txt": cal_rows, "calendar_dates.txt": cd_rows,
        "frequencies.txt": freq_rows, "shapes.txt": shape_rows, "feed_info.txt": feed_rows,
    }


# ----------------------------------------------------------------------------------------------
# 8. Writers
# ----------------------------------------------------------------------------------------------

#: Fixed date written into the GeoPackage and the zip, so that runs do not differ by their timestamps.
FILE_DATE = (2026, 9, 1, 0, 0, 0)


def write_csv_rows(path: Path, header: list, rows: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row[h] for h in header])


def write_gtfs_zip(path: Path, feed: dict) -> None:
    """The feed as a zip whose bytes only depend on its content (fixed dates and order)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, rows in feed.items():
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\r\n").writerows(rows)
            info = zipfile.ZipInfo(name, date_time=FILE_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue().encode("utf-8"), compresslevel=9)


GPKG_LAYERS = {
    # name: (geometry type, [(field, type, width)], description)
    "routes": (
        "LineString",
        [
            ("id", "int", 0), ("highway", "str", 20), ("name", "str", 80), ("ref", "str", 12), ("oneway", "str", 3),
            ("maxspeed", "str", 4), ("junction", "str", 12), ("bridge", "str", 3),
        ],
        "Street network, OSM-like tags, noded at every junction (fictional)",
    ),
    "population_200m": (
        "Polygon",
        [
            ("idcar_200m", "str", 40), ("idcar_1km", "str", 40), ("idcar_nat", "str", 40), ("i_est_200", "int", 0),
            ("i_est_1km", "int", 0), ("lcog_geo", "str", 40),
        ]
        + [(f, "real", 0) for f in FILOSOFI_FIELDS[6:]],
        "INSEE Filosofi-like 200 m grid, cells on a Lambert-93 grid (fictional)",
    ),
    "zone_urba": (
        "MultiPolygon",
        [
            ("LIB_IDZONE", "str", 40), ("LIBELLE", "str", 12), ("LIBELONG", "str", 254), ("TYPEZONE", "str", 3),
            ("DESTDOMI", "str", 2), ("FORMDOMI", "str", 4), ("DESTOUI", "str", 120), ("DESTCDT", "str", 120),
            ("DESTNON", "str", 120), ("NOMFIC", "str", 80), ("URLFIC", "str", 254), ("IDURBA", "str", 30),
            ("DATVALID", "str", 8), ("SYMBOLE", "str", 20),
        ],
        "PLU of Ingeville, CNIG ZONE_URBA (fictional)",
    ),
    "prescription_surf": ("MultiPolygon", None, "PLU prescriptions, CNIG PRESCRIPTION_SURF (fictional)"),
    "prescription_lin": ("MultiLineString", None, "PLU prescriptions, CNIG PRESCRIPTION_LIN (fictional)"),
    "prescription_pct": ("Point", None, "PLU prescriptions, CNIG PRESCRIPTION_PCT (fictional)"),
    "perimetre_scot": (
        "MultiPolygon", [("IDURBA", "str", 30), ("NOM", "str", 254)],
        "SCOT perimeter, CNIG PERIMETRE_SCOT (fictional)",
    ),
    "communes": ("MultiPolygon", [("insee", "str", 5), ("nom", "str", 80)], "Communes (fictional)"),
    "tiers_lieux": (
        "Point",
        [
            ("name", "str", 120), ("kind", "str", 40), ("address", "str", 160), ("commune", "str", 80),
            ("insee", "str", 5), ("opening_year", "int", 0),
        ],
        "Existing third places (fictional)",
    ),
    "services": (
        "Point",
        [
            ("name", "str", 120), ("kind", "str", 40), ("typequ", "str", 4), ("address", "str", 160),
            ("commune", "str", 80), ("insee", "str", 5),
        ],
        "Public service points (fictional)",
    ),
    "cours_eau": ("LineString", [("nom", "str", 80)], "River (fictional)"),
    "bois": ("Polygon", [("nom", "str", 80)], "Woods and forests (fictional)"),
    "voie_ferree": ("LineString", [("nom", "str", 80)], "Railway (fictional)"),
}
# fmt: off
PSC_FIELDS = [
    ("LIB_IDPSC", "str", 40), ("LIBELLE", "str", 254), ("TXT", "str", 10), ("TYPEPSC", "str", 2),
    ("STYPEPSC", "str", 2), ("NATURE", "str", 50), ("NOMFIC", "str", 80), ("URLFIC", "str", 254),
    ("IDURBA", "str", 30), ("DATVALID", "str", 8), ("SYMBOLE", "str", 30),
]
# fmt: on


def as_multi(geom, kind: str):
    if kind == "MultiPolygon" and geom.geom_type == "Polygon":
        return MultiPolygon([geom])
    if kind == "MultiLineString" and geom.geom_type == "LineString":
        return MultiLineString([geom])
    return geom


def write_gpkg(path: Path, layers: dict) -> None:
    """Every layer but the friches and the GTFS in one GeoPackage, EPSG:2154, written with GDAL."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2026-09-01T00:00:00.000Z")
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    types = {"str": ogr.OFTString, "int": ogr.OFTInteger, "real": ogr.OFTReal}
    gtypes = {
        "Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon,
        "MultiPolygon": ogr.wkbMultiPolygon, "MultiLineString": ogr.wkbMultiLineString,
    }
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, features in layers.items():
        gtype, fields, description = GPKG_LAYERS[name]
        fields = fields or PSC_FIELDS
        lyr = ds.CreateLayer(
            name, srs, gtypes[gtype], options=["GEOMETRY_NAME=geom", "FID=fid", f"DESCRIPTION={description}"]
        )
        for fname, ftype, width in fields:
            fd = ogr.FieldDefn(fname, types[ftype])
            if width:
                fd.SetWidth(width)
            lyr.CreateField(fd)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for props in features:
            feat = ogr.Feature(defn)
            for fname, _ftype, _w in fields:
                value = props.get(fname, "")
                if value is not None and value != "":
                    feat.SetField(fname, value)
            geom = as_multi(props["geom"], gtype)
            feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
            lyr.CreateFeature(feat)
        lyr.CommitTransaction()
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------


def generate(out: Path, verbose=True) -> dict:
    """Build every layer and write them into ``out``; returns the counts (also printed)."""
    out.mkdir(parents=True, exist_ok=True)

    def say(msg):
        if verbose:
            print(msg, flush=True)

    d = design()
    edges = build_streets(d)
    say(f"streets: {len(edges)} edges")
    zones = build_zones(d)
    surf, lin, pct = build_prescriptions(d, edges, zones)
    population = build_population(d, edges)
    friches = build_friches(d, edges, zones)
    tiers, services = build_places(d, edges)
    feed = build_gtfs(d, edges)

    routes = []
    for k, e in enumerate(edges, start=1):
        routes.append(
            {
                "geom": to_l93(e.geom), "id": k, "highway": e.highway, "name": e.name, "ref": e.ref,
                "oneway": e.oneway, "maxspeed": e.maxspeed, "junction": e.junction, "bridge": e.bridge,
            }
        )
    xs = np.arange(-EXTENT, EXTENT + 1, 40.0)
    layers = {
        "routes": routes,
        "population_200m": population,
        "zone_urba": zones,
        "prescription_surf": surf,
        "prescription_lin": lin,
        "prescription_pct": pct,
        "perimetre_scot": build_scot(d),
        "communes": build_communes(d),
        "tiers_lieux": tiers,
        "services": services,
        "cours_eau": [{"geom": to_l93(LineString([(x, river_y(x)) for x in xs])), "nom": "La Vernelle"}],
        "bois": [{"geom": to_l93(poly), "nom": name} for name, poly in sorted(d.forests.items())],
        "voie_ferree": [
            {
                "geom": to_l93(LineString([(x, rail_y(x)) for x in xs])),
                "nom": "Ligne de Valcourt à Bellegarde-sur-Vernelle",
            }
        ],
    }
    write_gpkg(out / "ingeville.gpkg", layers)
    write_csv_rows(out / "friches_ingeville.csv", schema_field_names(), friches)
    write_gtfs_zip(out / "gtfs_ingeville.zip", feed)
    counts = {
        "edges": len(edges),
        "cells": len(population),
        "population_ingeville": round(
            sum(
                c["ind"]
                for c in population
                if INSEE_INGEVILLE in [c["lcog_geo"][i : i + 5] for i in range(0, len(c["lcog_geo"]), 5)]
            )
        ),
        "population_total": round(sum(c["ind"] for c in population)),
        "zones": len(zones),
        "friches": len(friches),
        "stops": len(feed["stops.txt"]) - 1,
        "trips": len(feed["trips.txt"]) - 1,
        "stop_times": len(feed["stop_times.txt"]) - 1,
    }
    say(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Generate the Ingeville demo territory (deterministic).")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: demo/ingeville)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    generate(Path(args.out), verbose=not args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
