"""The friches: the sites of the CNIG exchange CSV and where they lie.

Each friche is placed where such a site is in a real town: factories in the industrial zone, big
boxes in the retail park, schools and clinics in residential blocks, a sugar factory along a country
road. Their attributes come from ``friche_attributes``.
"""

from __future__ import annotations

import math
import random

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from .addresses import Addresser
from .friche_attributes import friche_rows
from .geometry import canon, orientation_deg, polys_of, rect, rng_for, simplified_polygon
from .layout import RADIALS, Design, radial_line
from .territory import INSEE_INGEVILLE, X0, Y0

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


def district_regions(d: Design, zones: list) -> dict:
    """Where each kind of friche may be found: in the PLU zone of its kind, so that an industrial
    friche lies in the UX zone and a school in a residential one."""
    local = {}
    for z in zones:
        geom = shapely.make_valid(shapely.transform(z["geom"], lambda c: c - np.array([X0, Y0])))
        local.setdefault(z["LIBELLE"], []).append(geom)
    by = {lab: canon(shapely.union_all(gs)) for lab, gs in local.items()}
    near_station = Point(d.station.x, d.station.y).buffer(420)
    regions = {
        "UX": by["UX"], "UXc": by["UXc"], "UA": by["UA"], "UB": by["UB"], "UC": by["UC"], "UBc": by["UBc"],
        "station": near_station.intersection(shapely.union_all([by["UB"], by["UX"]])),
        "river": d.river.buffer(160).intersection(shapely.union_all([by["UB"], by["UC"], by["N"]])).intersection(
            d.envelope),
    }
    return {key: canon(region) for key, region in regions.items()}


def plot_in_block(block: Polygon, size, r: random.Random, region=None):
    """A plot of about ``size`` set back from the streets of a block, touching one side of it (and
    inside ``region``: blocks are faces of the street network and may straddle the railway)."""
    inner = canon(block.buffer(-9, join_style="mitre"))
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
            return simplified_polygon(plot, 0.5)
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
    (and a third of them without polygon, some without surface, so the import has work to do).

    Each friche is placed with draws of its own (and given its attributes with others), so that a
    friche placed otherwise moves no other one."""
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
        r = rng_for(f"friche-place-{name}")
        poly = None
        if kind == "site":
            poly = canon(d.reserved[arg].buffer(-3, join_style="mitre"))
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
    rows = friche_rows(d, placed, zones)
    addresses = Addresser(d, edges, rng_for("friche-addresses"))
    known = {
        "Ancienne manufacture Duval": "12 Avenue de la Gare", "Ancien hôtel-Dieu": "3 Rue du Pont",
        "Ancienne caserne Saint-Martin": "45 Avenue Jean Moulin", "Ancienne gare de marchandises": "Place de la Gare",
    }
    for row, (_spec, poly) in zip(rows, placed):
        known_address = known.get(row["site_nom"])
        row["site_adresse"] = known_address or addresses.address(poly.representative_point(), with_town=False)
    return rows
