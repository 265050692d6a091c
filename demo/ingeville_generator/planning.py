"""The PLU of Ingeville (CNIG ZONE_URBA and prescriptions), the SCOT perimeter and the communes."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from .geometry import canon, catmull_rom, lines_of, polys_of, rect, to_l93, wobbly_ring
from .layout import Design, rail_y, river_y, rocade_line
from .territory import COMMUNES, INSEE_INGEVILLE, PLU_DATVALID, PLU_IDURBA, SCOT_IDURBA, SCOT_NAME

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
    the longest border with.

    Built as the faces of the arrangement of every outline (noded on a 1 cm grid), each face going to
    the first layer whose geometry holds it, then the faces of a layer dissolved: neighbours share
    their borders exactly, with neither overlap nor gap. Clipping the layers one after the other on a
    snapping grid does not guarantee that (snapping bends an edge of one piece and not its neighbour's),
    and the arrangement is the same whatever order GEOS returns its faces in."""
    clipped = [shapely.intersection(geom, frame) for _label, geom in layers]
    for geom in clipped:
        shapely.prepare(geom)
    outlines = shapely.union_all([frame.boundary, *(g.boundary for g in clipped)], grid_size=0.01)
    faces_of = {}
    for face in polys_of(shapely.polygonize(lines_of(outlines))):
        pt = face.representative_point()
        if not frame.contains(pt):
            continue
        k = next((i for i, geom in enumerate(clipped) if geom.contains(pt)), len(layers))
        faces_of.setdefault(k, []).append(face)
    labels = [label for label, _geom in layers] + [fallback_label]
    pieces = []
    for k in sorted(faces_of):
        pieces.extend((labels[k], p) for p in polys_of(shapely.union_all(faces_of[k], grid_size=0.01)))
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
                big[best][1] = canon(merged)
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


def build_communes(d: Design) -> list:
    return [
        {"geom": to_l93(poly), "insee": insee, "nom": COMMUNES[insee][0]} for insee, poly in sorted(d.communes.items())
    ]


def build_scot(d: Design) -> list:
    """The SCOT perimeter (CNIG PERIMETRE_SCOT): one polygon over the four communes, the outline of
    their union (a union of polygons that only touch may leave slivers along their shared limits,
    depending on the last bits of the coordinates: the outline alone does not)."""
    union = shapely.union_all(list(d.communes.values()), grid_size=0.01)
    outline = Polygon(max(polys_of(union), key=lambda p: p.area).exterior)
    return [{"geom": to_l93(outline), "IDURBA": SCOT_IDURBA, "NOM": SCOT_NAME}]
