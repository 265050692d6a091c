"""``friches:land_prices``, ``friches:site_costs`` and ``friches:acquisition_programme`` through Processing.

Sites are memory layers in Lambert-93 built here; the sales are the synthetic Ingeville DVF file in the
published format (tests/data/dvf). Prices are checked against an independent count (the sales projected
with GDAL's osr and filtered with numpy), costs against the core's own line-by-line rules, programmes
against a brute force written here, documents by reading them back (GDAL for the XLSX, pdftotext).
"""

import itertools
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
DVF = ROOT / "tests" / "data" / "dvf" / "dvf_ingeville.csv"


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):
        self.infos.append(info)

    def pushWarning(self, warning):
        self.warnings.append(warning)


def run(alg, feedback=None, **params):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(f"friches:{alg}", params, context=context, feedback=feedback or QgsProcessingFeedback())


def memory(kind, fields, rows):
    """A memory layer; ``rows``: (geometry or None, {field: value})."""
    spec = "&".join(f"field={name}:{typ}" for name, typ in fields)
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&{spec}", "sites", "memory")
    features = []
    for geom, values in rows:
        feature = QgsFeature(layer.fields())
        if geom is not None:
            feature.setGeometry(geom)
        for name, value in values.items():
            feature[name] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def null(value):
    """True for None and for QGIS's NULL (a null QVariant on QGIS 3.22)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def point(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


SITE_FIELDS = (("site_id", "string"), ("site_nom", "string"), ("comm_insee", "string"), ("bati_surface", "double"),
               ("site_surface", "double"), ("bati_etat", "string"), ("sol_pollution_existe", "string"),
               ("bati_pollution", "string"))
SITES = (
    ("centre", "Ancien garage", 660100, 6750300, "45999", 380, 900, "dégradation moyenne", "pollution peu probable",
     "plomb"),
    ("village", "Ancien silo", 655700, 6752500, "45996", 1030, 3080, "dégradation très importante",
     "pollution avérée", "amiante"),
    ("terrain", "Ancien camping", 659000, 6745600, "45997", None, 13500, "sans objet", "inconnu", "sans objet"),
    ("loin", "Site hors du fichier", 900000, 6300000, "13055", 500, 1000, "dégradation moyenne", "", ""),
)


def sites_layer():
    return memory("Point", SITE_FIELDS, [
        (point(x, y), dict(zip([f for f, _t in SITE_FIELDS], [sid, name, commune, floor, area, state, soil, bati])))
        for sid, name, x, y, commune, floor, area, state, soil, bati in SITES])


def projected_sales():
    from friches_tierslieux.core.costs import dvf
    from osgeo import osr

    data = dvf.read_dvf(DVF)
    wgs84, lambert = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lambert.ImportFromEPSG(2154)
    transform = osr.CoordinateTransformation(wgs84, lambert)
    xy = np.array([transform.TransformPoint(lon, lat)[:2] if np.isfinite(lon) else (np.nan, np.nan)
                   for lon, lat in zip(data.sales["lon"], data.sales["lat"])])
    return data, data.sales.assign(x=xy[:, 0], y=xy[:, 1])


def test_land_prices(plugin):
    feedback = Recorder()
    result = run("land_prices", feedback, INPUT=sites_layer(), DVF=str(DVF), OUTPUT="TEMPORARY_OUTPUT",
                 OUTPUT_SALES="TEMPORARY_OUTPUT", REPORT="TEMPORARY_OUTPUT")
    out = {f["site_id"]: f for f in result["OUTPUT"].getFeatures()}
    data, sales = projected_sales()
    # an independent count: radii 1, 2, 4, 8, 10 km until 5 sales
    for sid, _name, x, y, _commune, floor, area, *_rest in SITES:
        feature = out[sid]
        medians = {}
        for kind, prefix in (("premises", "premises"), ("land", "land")):
            pool = sales[sales["kind"] == kind]
            distance = np.hypot(pool["x"] - x, pool["y"] - y)
            radius = next((r for r in (1000, 2000, 4000, 8000, 10000) if (distance <= r).sum() >= 5), 10000)
            prices = pool["price_m2"][distance <= radius].to_numpy()
            if prices.size == 0:
                assert feature[f"{prefix}_sales"] == 0 and null(feature[f"{prefix}_price_m2_median"])
                continue
            assert feature[f"{prefix}_sales"] == prices.size
            assert feature[f"{prefix}_price_m2_median"] == pytest.approx(np.median(prices), abs=0.01)
            assert feature[f"{prefix}_price_m2_q1"] == pytest.approx(np.percentile(prices, 25), abs=0.01)
            assert feature[f"{prefix}_scope"] == f"radius {radius} m"
            medians[kind] = float(np.median(prices))
        if floor and "premises" in medians:
            expected = medians["premises"] * floor
        else:
            expected = medians["land"] * area if "land" in medians else None
        if expected is None:
            assert null(feature["price_estimate_eur"]) and feature["price_reliability"] == "none"
        else:
            assert feature["price_estimate_eur"] == pytest.approx(expected, abs=1)
    assert out["centre"]["price_reliability"] == "high" and out["centre"]["price_basis"] == "premises"
    assert out["village"]["price_reliability"] == "medium"  # few sales in the village: the area widened
    assert "zone élargie" in out["village"]["price_note_fr"] and "widened" in out["village"]["price_note_en"]
    assert out["terrain"]["price_basis"] == "land"
    assert null(out["loin"]["price_estimate_eur"]) and "no value is guessed" in out["loin"]["price_note_en"]
    assert result["ESTIMATED"] == 3 and result["SALES_USED"] == len(data.sales)
    located = [f for f in result["OUTPUT_SALES"].getFeatures() if f.hasGeometry()]
    assert result["OUTPUT_SALES"].featureCount() == len(data.sales)
    assert len(located) == int(np.isfinite(data.sales["lon"]).sum())
    report = list(result["REPORT"].getFeatures())
    assert len(report) == len(data.report)
    assert {f["code"] for f in report} >= {"duplicate_line", "duplicate_mutation", "no_price", "absurd_price",
                                           "no_coordinates", "not_comparable", "nature_excluded"}
    no_price = next(f for f in report if f["code"] == "no_price")
    assert no_price["line"] > 1 and no_price["id_mutation"] and no_price["reason"]
    assert any("Site hors du fichier" in w or "loin" in w for w in feedback.warnings)


def test_land_prices_bad_files(plugin, tmp_path):
    raw = tmp_path / "ValeursFoncieres-2023.txt"
    raw.write_text("No disposition|Date mutation|Nature mutation|Valeur fonciere\n000001|03/01/2023|Vente|1000,00\n",
                   encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="raw DGFiP file"):
        run("land_prices", INPUT=sites_layer(), DVF=str(raw), OUTPUT="TEMPORARY_OUTPUT")
    partial = tmp_path / "partial.csv"
    partial.write_text("id_mutation;date_mutation;valeur_fonciere\n1;2023-01-01;5\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="latitude"):
        run("land_prices", INPUT=sites_layer(), DVF=str(partial), OUTPUT="TEMPORARY_OUTPUT")
    # the file re-saved by a spreadsheet: semicolons, decimal commas, Windows-1252
    text = DVF.read_text(encoding="utf-8")
    lines = [line.split(",") for line in text.splitlines()]
    excel = tmp_path / "dvf_excel.csv"
    excel.write_bytes("\n".join(";".join(v.replace(".", ",") if k in (4, 38, 39) else v for k, v in enumerate(line))
                                for line in lines).encode("cp1252"))
    feedback = Recorder()
    result = run("land_prices", feedback, INPUT=sites_layer(), DVF=str(excel), OUTPUT="TEMPORARY_OUTPUT")
    reference = run("land_prices", INPUT=sites_layer(), DVF=str(DVF), OUTPUT="TEMPORARY_OUTPUT")
    def estimates(output):
        return [None if null(f["price_estimate_eur"]) else f["price_estimate_eur"] for f in output.getFeatures()]

    assert estimates(result["OUTPUT"]) == estimates(reference["OUTPUT"])
    assert any("windows-1252" in w for w in feedback.warnings)


def test_site_costs(plugin):
    from friches_tierslieux.core.costs.cost_table import load_table
    from friches_tierslieux.core.costs.site_costs import site_cost

    priced = run("land_prices", INPUT=sites_layer(), DVF=str(DVF), OUTPUT="TEMPORARY_OUTPUT")["OUTPUT"]
    result = run("site_costs", INPUT=priced, OUTPUT="TEMPORARY_OUTPUT", OUTPUT_LINES="TEMPORARY_OUTPUT")
    table = load_table()
    lines = list(result["OUTPUT_LINES"].getFeatures())
    for feature in result["OUTPUT"].getFeatures():
        facts = {name: None if null(feature[name]) else feature[name]
                 for name in ("bati_surface", "site_surface", "bati_etat", "sol_pollution_existe", "bati_pollution")}
        price = None if null(feature["price_estimate_eur"]) else feature["price_estimate_eur"]
        for use in ("coworking", "fablab", "mediation"):
            expected = site_cost(table, facts, use, price)
            assert feature[f"works_{use}_eur"] == pytest.approx(round(expected.works))
            mine = [f["amount_eur"] for f in lines if f["site_id"] == feature["site_id"] and f["use"] == use]
            if expected.total is None:
                assert null(feature[f"total_{use}_eur"])
                assert sum(mine) == pytest.approx(expected.works, abs=0.1)
            else:
                assert feature[f"total_{use}_eur"] == pytest.approx(round(expected.total))
                assert sum(mine) == pytest.approx(expected.total, abs=0.1)
    assert result["COSTED"] == 3
    assert all(f["source"] for f in lines if f["line"] != "acquisition")


# -- the programme -----------------------------------------------------------------------------------
PROGRAMME_FIELDS = (("site_id", "string"), ("site_nom", "string"), ("best_use", "string"),
                    ("score_mediation", "double"), ("score_coworking", "double"), ("best_score", "double"),
                    ("candidate_mediation", "boolean"), ("candidate_coworking", "boolean"), ("cost", "double"),
                    ("acq", "double"))
#: (id, name, use, score, candidate, total cost, part at acquisition) in k€
PROGRAMME = (
    ("A", "Ancien cinéma", "mediation", 80, True, 900, 400),
    ("B", "Ancienne école", "mediation", 72, True, 700, 300),
    ("C", "Ancienne poste", "coworking", 66, True, 500, 200),
    ("D", "Ancienne gare", "coworking", 64, True, 1200, 700),
    ("E", "Ancien hôtel-Dieu", "mediation", 70, True, 2600, 1800),
    ("F", "Ancienne usine", "coworking", 40, False, 300, 100),
)


def programme_layer():
    rows = []
    for k, (sid, name, use, score, candidate, cost, acq) in enumerate(PROGRAMME):
        rows.append((point(660000 + 500 * k, 6750000), {
            "site_id": sid, "site_nom": name, "best_use": use, f"score_{use}": score, "best_score": score,
            f"candidate_{use}": candidate, "cost": cost * 1000.0, "acq": acq * 1000.0}))
    return memory("Point", PROGRAMME_FIELDS, rows)


def budget_table(rows):
    return memory("None", (("year", "integer"), ("budget", "double")),
                  [(None, {"year": y, "budget": b}) for y, b in rows])


def brute_force(costs, gains, budgets, mandatory=()):
    """Best Σ gain over every schedule (site out, or acquired in s and converted in t > s)."""
    n, years = len(costs), len(budgets)
    options = [None] + [(s, t) for s in range(years) for t in range(s + 1, years)]
    best = None
    for combo in itertools.product(options, repeat=n):
        if any(combo[i] is None for i in mandatory):
            continue
        spend = [0.0] * years
        for (acq, works), option in zip(costs, combo):
            if option is not None:
                spend[option[0]] += acq
                spend[option[1]] += works
        if all(s <= b + 1e-6 for s, b in zip(spend, budgets)):
            value = sum(g for g, option in zip(gains, combo) if option is not None)
            best = value if best is None else max(best, value)
    return best


def test_programme_is_the_optimum(plugin):
    budgets = [(2026, 800000), (2027, 900000), (2028, 1000000), (2029, 700000)]
    feedback = Recorder()
    result = run("acquisition_programme", feedback, INPUT=programme_layer(), COST_FIELD="cost",
                 ACQUISITION_FIELD="acq", BUDGET_TABLE=budget_table(budgets), OBJECTIVE=1, LANGUAGE=2,
                 OUTPUT="TEMPORARY_OUTPUT", OUTPUT_YEARS="TEMPORARY_OUTPUT")
    candidates = [p for p in PROGRAMME if p[4]]
    costs = [(acq * 1000.0, (cost - acq) * 1000.0) for *_head, cost, acq in candidates]
    expected = brute_force(costs, [p[3] for p in candidates], [b for _y, b in budgets])
    assert result["OBJECTIVE_VALUE"] == pytest.approx(expected)
    assert result["STATUS"] == "optimal" and result["GAP_PCT"] == 0
    sites = {f["site_id"]: f for f in result["OUTPUT"].getFeatures()}
    chosen = [f for f in sites.values() if f["prog_status"] == "selected"]
    assert sum(f["best_score"] for f in chosen) == pytest.approx(expected)
    years = {f["year"]: f for f in result["OUTPUT_YEARS"].getFeatures()}
    assert sorted(years) == [2026, 2027, 2028, 2029]
    for f in chosen:
        assert 2026 <= f["acq_year"] < f["works_year"] <= 2029
        assert f["total_cost_eur"] == pytest.approx(f["acquisition_eur"] + f["works_eur"])
        assert f["cumulative_spend_eur"] == pytest.approx(years[f["works_year"]]["cumulative_spend_eur"])
        assert f["reason_en"].startswith("Acquired in")
    for year, budget in budgets:
        spent = sum(f["acquisition_eur"] for f in chosen if f["acq_year"] == year) + sum(
            f["works_eur"] for f in chosen if f["works_year"] == year)
        assert years[year]["spend_eur"] == pytest.approx(spent) and spent <= budget + 1e-6
    assert sites["F"]["reason_code"] == "not_candidate"
    assert sites["E"]["reason_code"] == "too_expensive" and "1,800,000" in sites["E"]["reason_en"]
    for f in sites.values():
        assert f["reason_fr"] and f["reason_en"]
    assert result["SELECTED"] == len(chosen)


def test_people_reached_by_two_sites_count_once(plugin):
    def square(x, y, size):
        return QgsGeometry.fromRect(__import__("qgis.core", fromlist=["QgsRectangle"]).QgsRectangle(
            x, y, x + size, y + size))

    sites = memory("Point", (("site_id", "string"), ("best_use", "string"), ("candidate_mediation", "boolean"),
                             ("cost", "double")),
                   [(point(100 + 300 * k, 100), {"site_id": sid, "best_use": "mediation", "candidate_mediation": True,
                                                 "cost": 100.0}) for k, sid in enumerate(("twin1", "twin2", "other"))])
    # the twins reach the same 200-person cell; "other" reaches 120 people; one cell is already served
    grid = memory("Polygon", (("ind", "double"),), [(square(0, 0, 200), {"ind": 200.0}),
                                                     (square(600, 0, 200), {"ind": 120.0}),
                                                     (square(1000, 0, 200), {"ind": 999.0})])
    catchments = memory("Polygon", (("site_id", "string"), ("minutes", "double")),
                        [(square(-50, -50, 300), {"site_id": "twin1", "minutes": 15.0}),
                         (square(-40, -40, 300), {"site_id": "twin2", "minutes": 15.0}),
                         (square(550, -50, 300), {"site_id": "other", "minutes": 15.0}),
                         (square(950, -50, 1000), {"site_id": "other", "minutes": 30.0})])
    served = memory("Polygon", (("minutes", "double"),), [(square(900, -100, 400), {"minutes": 15.0})])
    result = run("acquisition_programme", INPUT=sites, COST_FIELD="cost", BUDGET=200.0, START_YEAR=2026, YEARS=3,
                 CATCHMENTS=catchments, MINUTES=15, POPULATION=grid, EXISTING=served, OUTPUT="TEMPORARY_OUTPUT",
                 OUTPUT_YEARS="TEMPORARY_OUTPUT")
    assert result["POPULATION_COVERED"] == pytest.approx(320.0)  # not 520: the twins' people once
    rows = {f["site_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["other"]["prog_status"] == "selected"
    assert sorted(rows[t]["prog_status"] for t in ("twin1", "twin2")) == ["left_out", "selected"]
    twin_out = next(rows[t] for t in ("twin1", "twin2") if rows[t]["prog_status"] == "left_out")
    assert twin_out["reason_code"] == "covered_by_others" and twin_out["new_pop"] == 0
    assert sum(f["new_pop"] for f in result["OUTPUT_YEARS"].getFeatures()) == pytest.approx(320.0)


def test_a_plain_list_of_sites_with_their_costs(plugin):
    """No scores, no use: each site's own cost and a gain field are enough."""
    sites = memory("Point", (("site_id", "string"), ("cost", "double"), ("people", "double")),
                   [(point(1000 * k, 0), {"site_id": f"S{k}", "cost": cost, "people": people})
                    for k, (cost, people) in enumerate(((400.0, 50.0), (300.0, 45.0), (300.0, 40.0), (900.0, 99.0)))])
    result = run("acquisition_programme", INPUT=sites, COST_FIELD="cost", BUDGET=400.0, START_YEAR=2026, YEARS=3,
                 OBJECTIVE=3, OBJECTIVE_FIELD="people", OUTPUT="TEMPORARY_OUTPUT")
    rows = {f["site_id"]: f for f in result["OUTPUT"].getFeatures()}
    # 400 a year, everything paid the year of the works (no acquisition part): two of S0, S1, S2 fit in
    # years 2 and 3 (a site is acquired the year before, for 0); S3 is above any year's budget
    assert result["OBJECTIVE_VALUE"] == pytest.approx(brute_force(
        [(0.0, 400.0), (0.0, 300.0), (0.0, 300.0), (0.0, 900.0)], [50, 45, 40, 99], [400.0] * 3))
    assert rows["S3"]["reason_code"] == "too_expensive"
    with pytest.raises(QgsProcessingException, match="no best_use field"):
        run("acquisition_programme", INPUT=sites, BUDGET=400.0, OUTPUT="TEMPORARY_OUTPUT")


def test_programme_documents(plugin, tmp_path):
    from osgeo import ogr

    budgets = budget_table([(2026, 800000), (2027, 900000), (2028, 1000000), (2029, 700000)])
    paths = {lang: {kind: tmp_path / f"programme_{lang}.{kind}" for kind in ("xlsx", "pdf", "png")}
             for lang in ("fr", "en")}
    for lang, code in (("fr", 1), ("en", 2)):
        run("acquisition_programme", INPUT=programme_layer(), COST_FIELD="cost", ACQUISITION_FIELD="acq",
            BUDGET_TABLE=budgets, OBJECTIVE=1, LANGUAGE=code, TITLE="Ingeville", OUTPUT="TEMPORARY_OUTPUT",
            OUTPUT_XLSX=str(paths[lang]["xlsx"]), OUTPUT_PDF=str(paths[lang]["pdf"]),
            OUTPUT_PNG=str(paths[lang]["png"]))
    workbook = ogr.Open(str(paths["fr"]["xlsx"]))
    assert [workbook.GetLayer(i).GetName() for i in range(workbook.GetLayerCount())] == [
        "Programme", "Années", "À propos"]
    sheet = workbook.GetLayerByName("Programme")
    headers = [sheet.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(sheet.GetLayerDefn().GetFieldCount())]
    assert "Année d'acquisition" in headers and "Raison" in headers
    rows = list(sheet)
    assert len(rows) == len(PROGRAMME)
    chosen = [r for r in rows if r.GetField("Statut") == "retenu"]
    assert [r.GetField("Ordre") for r in chosen] == list(range(1, len(chosen) + 1))
    assert workbook.GetLayerByName("Années").GetFeatureCount() == 4
    workbook = None
    english = ogr.Open(str(paths["en"]["xlsx"]))
    assert english.GetLayerByName("Years") is not None
    english = None
    if shutil.which("pdftotext"):
        text_fr = subprocess.run(["pdftotext", "-layout", str(paths["fr"]["pdf"]), "-"], capture_output=True,
                                 text=True, check=True).stdout
        text_en = subprocess.run(["pdftotext", "-layout", str(paths["en"]["pdf"]), "-"], capture_output=True,
                                 text=True, check=True).stdout
        for words in ("Programme pluriannuel", "Ingeville", "Dépenses et habitants couverts par année", "2026", "2029",
                      "Sites programmés", "Sites écartés et pourquoi", "Ancien cinéma", "Trop cher pour le budget"):
            assert words in text_fr, words
        for words in ("Multi-year programme", "Spend and people covered per year", "Sites left out and why",
                      "Too expensive for the budget", "Indicative costs"):
            assert words in text_en, words
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(paths["fr"]["png"]))
    assert image.width() > 1000 and image.height() > 700


def test_bad_programmes(plugin):
    base = {"INPUT": programme_layer(), "COST_FIELD": "cost", "ACQUISITION_FIELD": "acq", "OBJECTIVE": 1,
            "START_YEAR": 2026, "YEARS": 4, "OUTPUT": "TEMPORARY_OUTPUT"}
    # a budget that fits nothing: an empty programme, and every site says why
    feedback = Recorder()
    result = run("acquisition_programme", feedback, **{**base, "BUDGET": 50000.0})
    assert result["SELECTED"] == 0
    assert any("fits no site" in w and "Ancienne poste" not in w and "C" in w for w in feedback.warnings)
    codes = {f["site_id"]: f["reason_code"] for f in result["OUTPUT"].getFeatures()}
    assert codes == {"A": "too_expensive", "B": "too_expensive", "C": "too_expensive", "D": "too_expensive",
                     "E": "too_expensive", "F": "not_candidate"}
    # a mandatory site above the budget
    with pytest.raises(QgsProcessingException, match="mandatory site E is above the budget"):
        run("acquisition_programme", **{**base, "BUDGET": 1000000.0, "MANDATORY": "E"})
    # mandatory sites that fit alone but not together
    with pytest.raises(QgsProcessingException, match="do not fit together"):
        run("acquisition_programme", **{**base, "BUDGET": 700000.0, "YEARS": 2, "MANDATORY": "A; B"})
    # a mandatory site that cannot be phased in one year
    with pytest.raises(QgsProcessingException, match="cannot be phased"):
        run("acquisition_programme", **{**base, "BUDGET": 5000000.0, "YEARS": 1, "MANDATORY": "C"})
    with pytest.raises(QgsProcessingException, match="Unknown site identifier"):
        run("acquisition_programme", **{**base, "BUDGET": 1000000.0, "MANDATORY": "A, Z9"})
    with pytest.raises(QgsProcessingException, match="both mandatory and excluded"):
        run("acquisition_programme", **{**base, "BUDGET": 1000000.0, "MANDATORY": "A", "EXCLUDED": "A"})
    with pytest.raises(QgsProcessingException, match="either a budget per year or a table"):
        run("acquisition_programme", **{**base, "BUDGET": 1000000.0,
                                        "BUDGET_TABLE": budget_table([(2026, 1.0)])})
    with pytest.raises(QgsProcessingException, match="Give a budget"):
        run("acquisition_programme", **base)
    with pytest.raises(QgsProcessingException, match="twice"):
        run("acquisition_programme", **{**base, "BUDGET_TABLE": budget_table([(2026, 1.0), (2026, 2.0)])})
    with pytest.raises(QgsProcessingException, match="all 0"):
        run("acquisition_programme", **{**base, "BUDGET": 0.0})
    # a mandatory site comes first and pushes out better ones; the reason says so. Two years of 600 k€: C
    # (200 then 300 k€) leaves 400 then 300 k€, too little for A (400 then 500) or B (300 then 400), which
    # would each fit alone
    result = run("acquisition_programme", **{**base, "BUDGET": 600000.0, "YEARS": 2, "MANDATORY": "C"})
    rows = {f["site_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["C"]["prog_status"] == "selected" and rows["C"]["mandatory"]
    assert rows["C"]["reason_code"] == "mandatory" and rows["C"]["reason_en"].startswith("Mandatory site")
    assert rows["A"]["reason_code"] == "mandatory_first" and rows["B"]["reason_code"] == "mandatory_first"
    assert "without the mandatory sites" in rows["A"]["reason_en"]
    # without it, A is chosen: the better site
    result = run("acquisition_programme", **{**base, "BUDGET": 600000.0, "YEARS": 2})
    chosen = [f["site_id"] for f in result["OUTPUT"].getFeatures() if f["prog_status"] == "selected"]
    assert chosen == ["A"]
    # with the cost table, a site without a price cannot be costed
    with pytest.raises(QgsProcessingException, match="no purchase price field"):
        run("acquisition_programme", INPUT=programme_layer(), BUDGET=1000000.0, OUTPUT="TEMPORARY_OUTPUT")
