"""Reading the geolocated DVF file (core/costs/dvf.py): one price per sale, nothing dropped silently.

Checked on real lines of the published file (tests/data/dvf/etalab_excerpt_2014_ain.csv), on the
synthetic Ingeville file in the same format, and on small files written here line by line, whose
expected prices are computed by hand from the lines.
"""

import csv
import gzip
import io
import statistics
import zipfile
from pathlib import Path

import pytest
from friches_tierslieux.core.costs import dvf

DATA = Path(__file__).resolve().parents[1] / "data" / "dvf"
ROOT = Path(__file__).resolve().parents[2]
PREMISES = "Local industriel. commercial ou assimilé"

#: Sale-level codes: every mutation is either a comparable or counted under one of these.
SALE_CODES = {"inconsistent_price", "inconsistent_date", "bad_date", "no_price", "nature_excluded", "out_of_period",
              "not_comparable", "duplicate_mutation", "no_surface", "absurd_price"}


def line(mid, date="2023-05-10", nature="Vente", price="300000", commune="45999", parcel="45999000AB0001",
         type_code="4", type_label=PREMISES, floor="500", culture=("S", "sols"), land="1200", lon="2.47",
         lat="47.85"):
    row = dict.fromkeys(dvf.DVF_COLUMNS, "")
    row.update({"id_mutation": mid, "date_mutation": date, "numero_disposition": "000001", "nature_mutation": nature,
                "valeur_fonciere": price, "code_commune": commune, "nom_commune": "Ingeville",
                "code_departement": commune[:2], "id_parcelle": parcel, "nombre_lots": "0",
                "code_type_local": type_code, "type_local": type_label, "surface_reelle_bati": floor,
                "code_nature_culture": culture[0], "nature_culture": culture[1], "surface_terrain": land,
                "longitude": lon, "latitude": lat})
    return row


def write(path, rows, sep=",", encoding="utf-8", decimal_comma=False, french_dates=False):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(dvf.DVF_COLUMNS)
    for row in rows:
        values = []
        for column in dvf.DVF_COLUMNS:
            value = row[column]
            if decimal_comma and column in ("valeur_fonciere", "longitude", "latitude", "surface_terrain"):
                value = value.replace(".", ",")
            if french_dates and column == "date_mutation" and value:
                y, m, d = value.split("-")
                value = f"{d}/{m}/{y}"
            values.append(value)
        writer.writerow(values)
    Path(path).write_bytes(buffer.getvalue().encode(encoding))
    return path


def accounted(data):
    """Every sale read is a comparable or in the report."""
    return data.mutations == len(data.sales) + sum(i.count for i in data.report if i.code in SALE_CODES)


def test_real_published_lines():
    data = dvf.read_dvf(DATA / "etalab_excerpt_2014_ain.csv", years=None)
    assert data.lines == 12 and data.mutations == 9
    assert data.encoding == "utf-8" and data.separator == ","
    assert len(data.sales) == 0  # no premises, no urban land: none is a comparable
    summary = {(i.code, i.value): i.count for i in data.report if i.count and i.line is None}
    assert summary[("not_comparable", "farmland or woods")] == 6
    assert summary[("not_comparable", "housing")] == 3
    assert accounted(data)


def test_one_sale_on_several_lines_is_counted_once(tmp_path):
    rows = [
        # a premises repeated for the two kinds of land of its parcel, and a second parcel of bare land
        line("2023-1", floor="500", culture=("S", "sols"), land="1200"),
        line("2023-1", floor="500", culture=("J", "jardins"), land="300"),
        line("2023-1", parcel="45999000AB0002", type_code="", type_label="", floor="", land="800"),
        # a land sale on two parcels
        line("2023-2", price="90000", parcel="45999000AB0003", type_code="", type_label="", floor="", land="1000"),
        line("2023-2", price="90000", parcel="45999000AB0004", type_code="", type_label="", floor="",
             culture=("AB", "terrains a bâtir"), land="500"),
    ]
    data = dvf.read_dvf(write(tmp_path / "a.csv", rows), years=None)
    sales = data.sales.set_index("id_mutation")
    assert list(sales.index) == ["2023-1", "2023-2"]
    premises = sales.loc["2023-1"]
    assert premises["kind"] == dvf.KIND_PREMISES and premises["lines"] == 3
    assert premises["floor_m2"] == 500  # not 1000: the same premises twice
    assert premises["land_m2"] == 1200 + 300 + 800
    assert premises["price_m2"] == pytest.approx(300000 / 500)
    land = sales.loc["2023-2"]
    assert land["kind"] == dvf.KIND_LAND and land["price_m2"] == pytest.approx(90000 / 1500)
    assert accounted(data)


def test_what_is_not_a_comparable(tmp_path):
    rows = [
        line("1", nature="Echange"), line("2", nature="Expropriation"),
        line("3", nature="Vente en l'état futur d'achèvement", type_code="2", type_label="Appartement", floor="60"),
        line("4", type_code="1", type_label="Maison", floor="120"),  # a house
        line("5"), line("5", type_code="1", type_label="Maison", floor="90"),  # a warehouse with a house
        line("6", type_code="3", type_label="Dépendance", floor=""),  # a garage alone
        line("7", type_code="", type_label="", floor="", culture=("T", "terres"), land="20000", price="15000"),
        line("8", nature="Vente terrain à bâtir", type_code="", type_label="", floor="", culture=("AB", "terrains a "
                                                                                                 "bâtir")),
        line("9", nature="Adjudication"),
        line("10"), line("10", type_code="3", type_label="Dépendance", floor="", parcel="45999000AB0009"),
    ]
    data = dvf.read_dvf(write(tmp_path / "b.csv", rows), years=None)
    assert sorted(data.sales["id_mutation"]) == ["10", "8", "9"]
    assert dict(zip(data.sales["id_mutation"], data.sales["kind"]))["8"] == dvf.KIND_LAND
    summary = {(i.code, i.value): i.count for i in data.report if i.line is None}
    assert summary[("nature_excluded", "Echange")] == 1
    assert summary[("nature_excluded", "Expropriation")] == 1
    assert summary[("nature_excluded", "Vente en l'état futur d'achèvement")] == 1
    assert summary[("not_comparable", "housing")] == 1
    assert summary[("not_comparable", "premises + housing")] == 1
    assert summary[("not_comparable", "dependance")] == 1
    assert summary[("not_comparable", "farmland or woods")] == 1
    assert accounted(data)
    # the kinds of transfer kept can be changed
    data = dvf.read_dvf(tmp_path / "b.csv", natures=("Vente", "Echange"), years=None)
    assert "1" in set(data.sales["id_mutation"]) and "9" not in set(data.sales["id_mutation"])


def test_duplicates_prices_and_coordinates_are_reported(tmp_path):
    rows = [
        line("1"), line("1"),  # the same line twice
        line("2", parcel="45999000AB0002"), line("2-bis", parcel="45999000AB0002"),  # one sale under two ids
        line("3", price=""), line("4", price="0"),  # no price
        line("5", price="1"),  # symbolic euro: 0.002 €/m²
        line("6", price="90000000", floor="100"),  # 900,000 €/m²
        line("7", lon="", lat=""),  # not located: kept for its commune
        line("8", lon="247", lat="47.85"),  # impossible coordinates
        line("9", price="300000"), line("9", price="310000", parcel="45999000AB0019"),  # two prices in one sale
        line("10", floor="0"),  # premises without floor area
        line("11", date="31/31/2023"),
        line("", price="5"),  # no identifier
    ]
    for k, row in enumerate(rows[4:], start=10):  # each sale on its own parcel (same parcel, date, price = same sale)
        if row["id_parcelle"] == "45999000AB0001":
            row["id_parcelle"] = f"45999000AC{k:04d}"
    data = dvf.read_dvf(write(tmp_path / "c.csv", rows), years=None)
    assert sorted(data.sales["id_mutation"]) == ["1", "2", "7", "8"]
    codes = {}
    for item in data.report:
        codes.setdefault(item.code, []).append(item)
    assert [i.line for i in codes["duplicate_line"]] == [3]
    assert codes["duplicate_mutation"][0].id_mutation == "2-bis" and codes["duplicate_mutation"][0].value == "2"
    assert sorted(i.id_mutation for i in codes["no_price"]) == ["3", "4"]
    assert sorted(i.id_mutation for i in codes["absurd_price"]) == ["5", "6"]
    assert [i.id_mutation for i in codes["no_coordinates"]] == ["7", "8"]
    assert codes["no_coordinates"][0].action == dvf.KEPT
    assert [i.id_mutation for i in codes["bad_coordinates"]] == ["8"]
    assert [i.id_mutation for i in codes["inconsistent_price"]] == ["9"]
    assert [i.id_mutation for i in codes["no_surface"]] == ["10"]
    assert [i.id_mutation for i in codes["bad_date"]] == ["11"]
    assert [i.line for i in codes["missing_id"]] == [16]  # header, then 15 lines
    located = data.sales.set_index("id_mutation")
    assert located.loc["7", "lon"] != located.loc["7", "lon"]  # NaN: only its commune
    assert accounted(data)
    # the bounds of a plausible price are parameters
    data = dvf.read_dvf(tmp_path / "c.csv", years=None, price_bounds={dvf.KIND_PREMISES: (0.001, 1e7)})
    assert {"5", "6"} <= set(data.sales["id_mutation"])


def test_other_encodings_separators_and_compressions_give_the_same_sales(tmp_path):
    rows = [line("1", price="300000.50", lon="2.471234", lat="47.851234"),
            line("2", price="125000", type_code="", type_label="", floor="", land="2500.5"),
            line("3", date="2022-11-30", type_label="Local industriel. commercial ou assimilé")]
    reference = dvf.read_dvf(write(tmp_path / "utf8.csv", rows), years=None).sales
    variants = {
        "cp1252": write(tmp_path / "excel.csv", rows, sep=";", encoding="cp1252", decimal_comma=True,
                        french_dates=True),
        "bom": tmp_path / "bom.csv",
        "double": tmp_path / "double.csv",
        "gzip": tmp_path / "dep.csv.gz",
        "zip": tmp_path / "dep.zip",
    }
    utf8 = (tmp_path / "utf8.csv").read_bytes()
    variants["bom"].write_bytes(b"\xef\xbb\xbf" + utf8)
    # a UTF-8 file opened as Windows-1252 and saved as UTF-8 again: « DÃ©pendance »
    variants["double"].write_bytes(utf8.decode("cp1252", errors="replace").encode("utf-8"))
    variants["gzip"].write_bytes(gzip.compress(utf8))
    with zipfile.ZipFile(variants["zip"], "w") as archive:
        archive.writestr("45.csv", utf8)
    expected_encoding = {"cp1252": "windows-1252", "bom": "utf-8-sig", "double": "utf-8 (double)", "gzip": "utf-8",
                         "zip": "utf-8"}
    for name, path in variants.items():
        data = dvf.read_dvf(path, years=None)
        assert data.encoding == expected_encoding[name], name
        assert list(data.sales["id_mutation"]) == list(reference["id_mutation"]), name
        for column in ("price_eur", "floor_m2", "land_m2", "price_m2", "lon", "lat"):
            assert list(data.sales[column]) == pytest.approx(list(reference[column]), nan_ok=True), (name, column)
    assert dvf.read_dvf(variants["cp1252"], years=None).separator == ";"


def test_files_that_are_not_geolocated_dvf(tmp_path):
    raw = tmp_path / "ValeursFoncieres-2023.txt"
    raw.write_text("Identifiant de document|Reference document|1 Articles CGI|No disposition|Date mutation|"
                   "Nature mutation|Valeur fonciere|No voie\n|||000001|03/01/2023|Vente|1000,00|12\n",
                   encoding="utf-8")
    with pytest.raises(dvf.DvfError) as err:
        dvf.read_dvf(raw)
    assert err.value.code == "raw_dgfip"
    partial = tmp_path / "partial.csv"
    partial.write_text("id_mutation,date_mutation,valeur_fonciere\n1,2023-01-01,5\n", encoding="utf-8")
    with pytest.raises(dvf.DvfError) as err:
        dvf.read_dvf(partial)
    assert err.value.code == "missing_columns" and "latitude" in err.value.params["columns"]
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(dvf.DvfError) as err:
        dvf.read_dvf(empty)
    assert err.value.code == "empty_file"
    with pytest.raises(dvf.DvfError) as err:
        dvf.read_dvf(tmp_path / "missing.csv")
    assert err.value.code == "not_found"


def test_period_counts_back_from_the_latest_sale(tmp_path):
    rows = [line(str(k), date=f"{2015 + k}-06-01", parcel=f"45999000AB{k:04d}") for k in range(10)]
    data = dvf.read_dvf(write(tmp_path / "d.csv", rows), years=5)
    assert str(data.reference_date) == "2024-06-01"
    assert sorted(data.sales["date"].dt.year) == [2020, 2021, 2022, 2023, 2024]
    old = [i for i in data.report if i.code == "out_of_period"]
    assert sorted(int(i.value) for i in old) == [2015, 2016, 2017, 2018, 2019]
    assert accounted(data)


def test_synthetic_ingeville_file(tmp_path):
    data = dvf.read_dvf(DATA / "dvf_ingeville.csv")
    counts = data.counts()
    for code in ("duplicate_line", "duplicate_mutation", "no_price", "absurd_price", "no_coordinates",
                 "nature_excluded", "not_comparable"):
        assert counts.get(code), code
    assert accounted(data)
    # medians by commune and kind, against the lines read with the csv module alone
    prices = {}
    seen = set()
    with open(DATA / "dvf_ingeville.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            special = row["id_mutation"].split("-")[1].startswith("9")  # the quirks: duplicates, no price...
            if (row["type_local"] == PREMISES and row["nature_mutation"] == "Vente" and not special
                    and row["valeur_fonciere"] not in ("", "0", "1") and row["id_mutation"] not in seen):
                seen.add(row["id_mutation"])
                prices.setdefault(row["code_commune"], []).append(
                    float(row["valeur_fonciere"]) / float(row["surface_reelle_bati"]))
    premises = data.sales[data.sales["kind"] == dvf.KIND_PREMISES]
    for commune, values in prices.items():
        mine = premises[premises["code_commune"] == commune]["price_m2"]
        assert statistics.median(values) == pytest.approx(mine.median()), commune


def test_the_demo_generator_is_deterministic(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("costs_ingeville", ROOT / "demo" / "costs_ingeville.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = module.write_csv(module.generate(ROOT / "demo" / "ingeville" / "ingeville.gpkg"), tmp_path / "dvf.csv")
    assert out.read_bytes() == (DATA / "dvf_ingeville.csv").read_bytes()
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == dvf.DVF_COLUMNS and len(header) == 40
