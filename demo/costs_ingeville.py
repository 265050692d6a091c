"""Ingeville's costs inputs: a small synthetic DVF file in the published format of the geolocated DVF
(Etalab), and the town's multi-year investment budget.

**Fictional sales**: the demo territory is invented, so are its sales. The file has the 40 columns of
the files Etalab publishes on data.gouv.fr (https://github.com/datagouv/dvf, README-CSV), their
conventions and their quirks, so that ``friches:land_prices`` runs on it as on a real département file:

- one line per parcel and per premises of a sale, ``valeur_fonciere`` repeated on every line of the
  sale (``id_mutation`` groups them), a premises repeated for each kind of land of its parcel;
- sales of industrial and commercial premises (*Local industriel. commercial ou assimilé*, the
  comparables of a friche with buildings), of building land (*sols*, *terrains a bâtir*), houses and
  flats, farmland, garages (*Dépendance*), exchanges and sales off-plan;
- what real files contain and the reader must report: parcels without coordinates, a line written twice,
  the same sale listed twice under two identifiers (two files merged), a sale without price, a
  symbolic 1 € sale, a warehouse sold with a house.

Prices per m² fall with the distance from each town hall and carry a log-normal noise; the villages have
few sales, so that the estimate must widen its area there (and says so).

Deterministic: ``random.Random`` seeded per commune and kind of sale, coordinates rounded to 1e-6°, fixed
dates. Reads the communes and town halls of the territory GeoPackage (``communes``, ``services``).

The budget (``budget_ingeville.csv``, columns ``year`` and ``budget``) is the town's plan pluriannuel
d'investissement for friches and third places, 2026-2031: 9 M€ over six years, more in the middle of
the municipal term, the money not spent in a year carried over (as with autorisations de programme).

    .venv/bin/python demo/costs_ingeville.py --territory demo/ingeville/ingeville.gpkg --out out/data
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import random
from pathlib import Path

#: The 40 columns of the published file, in order.
COLUMNS = (
    "id_mutation", "date_mutation", "numero_disposition", "nature_mutation", "valeur_fonciere",
    "adresse_numero", "adresse_suffixe", "adresse_nom_voie", "adresse_code_voie", "code_postal",
    "code_commune", "nom_commune", "code_departement", "ancien_code_commune", "ancien_nom_commune",
    "id_parcelle", "ancien_id_parcelle", "numero_volume", "lot1_numero", "lot1_surface_carrez",
    "lot2_numero", "lot2_surface_carrez", "lot3_numero", "lot3_surface_carrez", "lot4_numero",
    "lot4_surface_carrez", "lot5_numero", "lot5_surface_carrez", "nombre_lots", "code_type_local",
    "type_local", "surface_reelle_bati", "nombre_pieces_principales", "code_nature_culture", "nature_culture",
    "code_nature_culture_speciale", "nature_culture_speciale", "surface_terrain", "longitude", "latitude",
)
SEED = 20250615
FIRST_DAY = dt.date(2020, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
PREMISES = "Local industriel. commercial ou assimilé"
POSTCODES = {"45999": "45990", "45998": "45991", "45997": "45992", "45996": "45993"}
#: (premises sales, land sales, houses and flats, farmland) per commune: the villages have few.
SALES = {"45999": (46, 34, 70, 6), "45998": (7, 8, 16, 6), "45997": (2, 3, 8, 8), "45996": (1, 2, 6, 8)}
#: Price per m² at the town hall and 3 km away: premises (per m² of floor), land (per m² of land).
PRICE_PREMISES = {"45999": (1100.0, 450.0), "45998": (650.0, 380.0), "45997": (520.0, 320.0), "45996": (480.0, 300.0)}
PRICE_LAND = {"45999": (140.0, 45.0), "45998": (70.0, 35.0), "45997": (55.0, 28.0), "45996": (50.0, 25.0)}
STREETS = ("RUE DE LA GARE", "AV DE LA REPUBLIQUE", "RUE DES TANNEURS", "BD GAMBETTA", "RUE DU MOULIN",
           "RUE DE L INDUSTRIE", "RTE DE MONTVALLON", "RUE PASTEUR", "ZI DES FONTAINES", "RUE DES ECOLES",
           "GRANDE RUE", "RUE DE LA FORGE", "CHE DES VIGNES", "ALL DES TILLEULS", "RUE VICTOR HUGO")
LIEUX_DITS = ("LES GRANDS CHAMPS", "LA CROIX BLANCHE", "LE PRE AUX DAMES", "LES SABLONS", "LE BOIS JOLI")


def read_territory(gpkg: Path):
    """{insee: (name, polygon as shapely, town hall (x, y))} in Lambert-93, from the territory GeoPackage."""
    import shapely
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    if source is None:
        raise SystemExit(f"cannot open {gpkg}")
    communes = {}
    for feature in source.GetLayerByName("communes"):
        communes[feature["insee"]] = (feature["nom"], shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())))
    halls = {}
    for feature in source.GetLayerByName("services"):
        if feature["kind"] == "mairie":
            point = feature.GetGeometryRef()
            halls[feature["insee"]] = (point.GetX(), point.GetY())
    source = None
    return {insee: (name, polygon, halls.get(insee) or polygon.centroid.coords[0])
            for insee, (name, polygon) in sorted(communes.items())}


def to_wgs84(points):
    from osgeo import osr

    lambert, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(lambert, wgs84)
    return [transform.TransformPoint(x, y)[:2] for x, y in points]


class Writer:
    """Builds the sales of one commune as lines of the published file."""

    def __init__(self, insee, name, polygon, hall, rng):
        self.insee, self.name, self.polygon, self.hall, self.rng = insee, name, polygon, hall, rng
        self.rows = []
        self.parcel = 0

    def point(self, spread):
        """A point of the commune, around its town hall (normal, ``spread`` metres), inside its outline."""
        import shapely

        for _ in range(200):
            x = self.hall[0] + self.rng.gauss(0, spread)
            y = self.hall[1] + self.rng.gauss(0, spread)
            if self.polygon.contains(shapely.Point(x, y)):
                return x, y
        return self.hall

    def price(self, table, x, y):
        near, far = table[self.insee]
        distance = math.hypot(x - self.hall[0], y - self.hall[1])
        base = near + (far - near) * min(distance / 3000.0, 1.5)
        return max(base, far * 0.6) * math.exp(self.rng.gauss(0, 0.3))

    def date(self):
        return FIRST_DAY + dt.timedelta(days=self.rng.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def next_parcel(self):
        self.parcel += 1
        section = "ABCDEFGHKL"[self.parcel % 10] + "BCDEHKLMNP"[(self.parcel // 10) % 10]
        return f"{self.insee}000{section}{self.parcel % 10000:04d}"

    def line(self, mid, date, nature, price, x, y, parcel, street=None, type_code="", type_label="", floor="",
             rooms="", culture=("S", "sols"), land=""):
        number = str(self.rng.randint(1, 120)) if street else ""
        street = street or self.rng.choice(LIEUX_DITS)
        code_voie = f"{self.rng.randint(10, 999):04d}" if number else f"B{self.rng.randint(1, 99):03d}"
        return {
            "id_mutation": mid, "date_mutation": date.isoformat(), "numero_disposition": "000001",
            "nature_mutation": nature, "valeur_fonciere": _money(price), "adresse_numero": number,
            "adresse_nom_voie": street, "adresse_code_voie": code_voie, "code_postal": POSTCODES.get(self.insee, ""),
            "code_commune": self.insee, "nom_commune": self.name, "code_departement": self.insee[:2],
            "id_parcelle": parcel, "nombre_lots": "0", "code_type_local": type_code, "type_local": type_label,
            "surface_reelle_bati": floor, "nombre_pieces_principales": rooms, "code_nature_culture": culture[0],
            "nature_culture": culture[1], "surface_terrain": land, "x": x, "y": y,
        }


def _money(value):
    return f"{value:.2f}".rstrip("0").rstrip(".") if value else ""


def generate(territory: Path):
    """The lines of the file (dicts with Lambert-93 x, y), before coordinates and special cases."""
    communes = read_territory(territory)
    rows = []
    sequence = {year: 100000 for year in range(FIRST_DAY.year, LAST_DAY.year + 1)}

    def new_id(date):
        sequence[date.year] += random.Random(f"{SEED}-id-{date.isoformat()}").randint(3, 40)
        return f"{date.year}-{sequence[date.year]}"

    for insee, (name, polygon, hall) in communes.items():
        n_premises, n_land, n_housing, n_farm = SALES.get(insee, (2, 2, 4, 4))
        rng = random.Random(f"{SEED}-premises-{insee}")
        w = Writer(insee, name, polygon, hall, rng)
        for _ in range(n_premises):
            x, y = w.point(1400 if insee == "45999" else 700)
            floor = round(math.exp(rng.gauss(math.log(450), 0.9)))
            floor = min(max(floor, 60), 6000)
            land = round(floor * rng.uniform(1.1, 3.0))
            date = w.date()
            mid = new_id(date)
            price = round(w.price(PRICE_PREMISES, x, y) * floor, -2)
            parcel = w.next_parcel()
            street = rng.choice(STREETS)
            w.rows.append(w.line(mid, date, "Vente", price, x, y, parcel, street, "4", PREMISES, str(floor), "0",
                                 ("S", "sols"), str(land)))
            shape = rng.random()
            if shape < 0.25:  # the same premises again for the garden of its parcel (DVF repeats it)
                w.rows.append(w.line(mid, date, "Vente", price, x, y, parcel, street, "4", PREMISES, str(floor),
                                     "0", ("J", "jardins"), str(round(land * 0.2))))
            elif shape < 0.45:  # a second parcel of bare land in the same sale
                w.rows.append(w.line(mid, date, "Vente", price, x + 15, y + 10, w.next_parcel(), None, "", "",
                                     "", "", ("S", "sols"), str(round(land * 0.5))))
            elif shape < 0.55:  # with a garage
                w.rows.append(w.line(mid, date, "Vente", price, x, y, parcel, street, "3", "Dépendance", "", "0",
                                     ("S", "sols"), str(land)))
        rng = random.Random(f"{SEED}-land-{insee}")
        w.rng = rng
        for _ in range(n_land):
            x, y = w.point(1800 if insee == "45999" else 900)
            land = round(math.exp(rng.gauss(math.log(1500), 0.8)))
            land = min(max(land, 200), 20000)
            date = w.date()
            building_land = rng.random() < 0.4
            nature = "Vente terrain à bâtir" if building_land else "Vente"
            culture = ("AB", "terrains a bâtir") if building_land else ("S", "sols")
            price = round(w.price(PRICE_LAND, x, y) * land, -2)
            w.rows.append(w.line(new_id(date), date, nature, price, x, y, w.next_parcel(), None, culture=culture,
                                 land=str(land)))
        rng = random.Random(f"{SEED}-housing-{insee}")
        w.rng = rng
        for _ in range(n_housing):
            x, y = w.point(1200)
            date = w.date()
            flat = insee == "45999" and rng.random() < 0.4
            floor = rng.randint(35, 90) if flat else rng.randint(70, 180)
            price = round(floor * rng.uniform(1500, 2600), -2)
            mid = new_id(date)
            parcel = w.next_parcel()
            street = rng.choice(STREETS)
            if flat:
                w.rows.append(w.line(mid, date, "Vente", price, x, y, parcel, street, "2", "Appartement", str(floor),
                                     str(max(1, floor // 22)), ("", ""), ""))
            else:
                land = rng.randint(250, 1500)
                w.rows.append(w.line(mid, date, "Vente", price, x, y, parcel, street, "1", "Maison", str(floor),
                                     str(max(2, floor // 25)), ("S", "sols"), str(land)))
        rng = random.Random(f"{SEED}-farm-{insee}")
        w.rng = rng
        for _ in range(n_farm):
            x, y = w.point(2500)
            land = rng.randint(3000, 60000)
            date = w.date()
            culture = rng.choice((("T", "terres"), ("P", "prés"), ("BT", "taillis simples")))
            w.rows.append(w.line(new_id(date), date, "Vente", round(land * rng.uniform(0.3, 0.8)), x, y,
                                 w.next_parcel(), None, culture=culture, land=str(land)))
        rows.extend(w.rows)
    rows.sort(key=lambda r: (r["date_mutation"], int(r["id_mutation"].split("-")[1])))
    _special_cases(rows, communes)
    return rows


def _special_cases(rows, communes):
    """What real files contain: reported by the reader, never used silently."""
    rng = random.Random(f"{SEED}-quirks")
    name, polygon, hall = communes["45999"]
    w = Writer("45999", name, polygon, hall, rng)
    premises = [r for r in rows if r["code_type_local"] == "4" and r["code_commune"] == "45999"]
    # parcels that could not be located (longitude and latitude empty), as Etalab publishes them
    for row in premises[3:6]:
        for other in rows:
            if other["id_mutation"] == row["id_mutation"]:
                other["x"] = other["y"] = None
    # the same line written twice
    rows.insert(rows.index(premises[8]) + 1, dict(premises[8]))
    # the same sale under another identifier (the file of another vintage merged in)
    copy = [dict(r) for r in rows if r["id_mutation"] == premises[12]["id_mutation"]]
    for r in copy:
        r["id_mutation"] = r["id_mutation"].split("-")[0] + "-9" + r["id_mutation"].split("-")[1]
    rows.extend(copy)
    date = dt.date(2023, 6, 14)
    x, y = w.point(800)
    # no price, a symbolic euro, an exchange, a sale off-plan, a warehouse sold with a house
    rows.append(w.line("2023-990001", date, "Vente", 0, x, y, w.next_parcel(), "RUE DE LA GARE", "4", PREMISES, "320",
                       "0", ("S", "sols"), "700"))
    rows.append(w.line("2023-990002", date, "Vente", 1, x + 40, y, w.next_parcel(), "RUE DE LA GARE", "4", PREMISES,
                       "900", "0", ("S", "sols"), "2100"))
    rows.append(w.line("2023-990003", date, "Echange", 150000, x, y + 40, w.next_parcel(), None, culture=("S", "sols"),
                       land="2500"))
    rows.append(w.line("2023-990004", date, "Vente en l'état futur d'achèvement", 210000, x + 60, y + 20,
                       w.next_parcel(), "RUE PASTEUR", "2", "Appartement", "64", "3", ("", ""), ""))
    mixed = w.next_parcel()
    for type_code, label, floor in (("4", PREMISES, "600"), ("1", "Maison", "110")):
        rows.append(w.line("2023-990005", date, "Vente", 480000, x - 50, y, mixed, "RUE DU MOULIN", type_code, label,
                           floor, "0" if type_code == "4" else "4", ("S", "sols"), "1800"))


def write_csv(rows, path: Path):
    lonlat = to_wgs84([(r["x"], r["y"]) if r["x"] is not None else (0.0, 0.0) for r in rows])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row, (lon, lat) in zip(rows, lonlat):
        located = row["x"] is not None
        values = {**row, "longitude": f"{lon:.6f}" if located else "", "latitude": f"{lat:.6f}" if located else ""}
        writer.writerow([values.get(c, "") for c in COLUMNS])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


#: The budget of each year (€), 2026-2031.
BUDGET = ((2026, 1200000), (2027, 1500000), (2028, 1800000), (2029, 1800000), (2030, 1500000), (2031, 1200000))
#: The emblematic site the town has decided to convert whatever happens (mandatory in the programme).
MANDATORY = ("45999_0002",)  # Ancien hôtel-Dieu


def write_budget(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("year,budget\n" + "".join(f"{year},{amount}\n" for year, amount in BUDGET), encoding="utf-8")
    return path


def write_all(territory: Path, out: Path):
    """``dvf_ingeville.csv`` and ``budget_ingeville.csv`` in the folder ``out``."""
    return (write_csv(generate(territory), out / "dvf_ingeville.csv"), write_budget(out / "budget_ingeville.csv"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent
    parser.add_argument("--territory", default=str(root / "ingeville" / "ingeville.gpkg"))
    parser.add_argument("--out", default=str(root.parent / "out" / "data"))
    args = parser.parse_args(argv)
    for path in write_all(Path(args.territory), Path(args.out)):
        print(f"{path}: {max(1, path.stat().st_size // 1024)} kB")


if __name__ == "__main__":
    main()
