"""Postal-like addresses for the friches, third places and services.

Why from the street network: an address must name a street that exists near the place, in the same
commune, as a geocoder would find it; in the country the nearest hamlet gives a "Lieu-dit".
"""

from __future__ import annotations

import random

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.strtree import STRtree

from .layout import Design
from .territory import COMMUNES, INSEE_INGEVILLE, POSTCODES


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
