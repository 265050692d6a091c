"""The CNIG attributes of each placed friche: one dict per row of the exchange CSV.

Values vary the way real inventories do (statuses, owners, pollution, dates, multi-valued fields,
fields left empty), drawn from the friches' own generator in the order of the sites.
"""

from __future__ import annotations

import datetime as dt
import json
import random

import shapely
from shapely.geometry import Point, Polygon

from .geometry import rng_for, to_l93
from .layout import Design
from .territory import COMMUNES, INSEE_INGEVILLE, SCHEMA_PATH

#: The two friches the town is known for (README): the manufacture and the hôtel-Dieu.
# fmt: off
EMBLEMATIC = ("Ancienne manufacture Duval", "Ancien hôtel-Dieu")
# fmt: on
#: Facts set by hand instead of drawn, so that the best candidates of the demo's analysis (``make demo``)
#: are at least half a point apart: drawn, the maternité scored 0.015 point below the trésorerie and the
#: gendarmerie 0.03 above the îlot rue des Tanneurs, and such a near-tie would let the last digits of an
#: analysis decide the top of the ranking. Checked by tests/qgis/test_demo_run.py; set after the draws,
#: so that the other friches and facts stay as drawn.
HAND_SET_FACTS = {
    "Ancienne maternité": {"bati_etat": "dégradation moyenne"},
    "Ancienne gendarmerie": {"bati_etat": "dégradation moyenne"},
}

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


def friche_rows(d: Design, placed: list, zones: list) -> list:
    """The CNIG attributes of each placed friche (one dict per CSV row), each drawn from a generator of
    its own."""
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
        r = rng_for(f"friche-attributes-{name}")
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
        row.update(HAND_SET_FACTS.get(name, {}))
        rows.append(row)
    return rows
