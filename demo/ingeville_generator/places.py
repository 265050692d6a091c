"""Third places (``tiers_lieux``) and public service points (``services``)."""

from __future__ import annotations

from shapely.geometry import Point

from .addresses import Addresser
from .geometry import rng_for, to_l93
from .layout import Design, rail_y
from .territory import COMMUNES, INSEE_INGEVILLE


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
