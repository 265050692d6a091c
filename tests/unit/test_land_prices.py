"""Comparable sales around a site (core/costs/land_prices.py): area widened step by step, median and
quartiles against the standard library's statistics, no estimate without sales."""

import math
import random
import statistics
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from friches_tierslieux.core.costs import KIND_LAND, KIND_PREMISES
from friches_tierslieux.core.costs import land_prices as lp

DATA = Path(__file__).resolve().parents[1] / "data" / "dvf"


def sales_frame(rows):
    """rows: (kind, x, y, commune, price_m2)."""
    return pd.DataFrame([{"id_mutation": f"m{k}", "kind": kind, "x": x, "y": y, "code_commune": commune,
                          "price_m2": price} for k, (kind, x, y, commune, price) in enumerate(rows)])


def test_quartiles_are_the_inclusive_quantiles():
    rng = random.Random(3)
    for n in range(1, 40):
        values = [rng.uniform(10, 2000) for _ in range(n)]
        q1, median, q3 = lp.quartiles(values)
        assert median == pytest.approx(statistics.median(values))
        if n >= 2:
            expected = statistics.quantiles(values, n=4, method="inclusive")
            assert (q1, q3) == pytest.approx((expected[0], expected[2]))


def test_widening_steps():
    assert lp.widening_steps(1000, 10000) == [("radius", 1000.0), ("radius", 2000.0), ("radius", 4000.0),
                                              ("radius", 8000.0), ("radius", 10000.0)]
    assert lp.widening_steps(500, 500, commune_first=True) == [("commune", 0.0), ("radius", 500.0)]


def test_the_area_widens_until_there_are_enough_sales():
    rng = random.Random(11)
    rows = []
    for distance, price in ((300, 500), (800, 700), (1500, 900), (1700, 650), (1900, 800), (3500, 2000)):
        angle = rng.uniform(0, 2 * math.pi)
        rows.append((KIND_PREMISES, distance * math.cos(angle), distance * math.sin(angle), "45999", price))
    sales = sales_frame(rows)
    steps = lp.widening_steps(1000, 10000)
    est = lp.comparables(0.0, 0.0, "45999", sales, KIND_PREMISES, steps, 5)
    assert est.sales == 5 and est.scope == "radius" and est.radius_m == 2000 and est.widened
    assert est.reliability == lp.MEDIUM
    assert est.median == pytest.approx(statistics.median([500, 700, 900, 650, 800]))
    # enough in the first area: high
    est = lp.comparables(0.0, 0.0, "45999", sales, KIND_PREMISES, steps, 2)
    assert (est.sales, est.radius_m, est.reliability, est.widened) == (2, 1000, lp.HIGH, False)
    # too few even at the largest radius: the largest area, low reliability, still an estimate
    est = lp.comparables(0.0, 0.0, "45999", sales, KIND_PREMISES, steps, 10)
    assert (est.sales, est.radius_m, est.reliability) == (6, 10000, lp.LOW)
    # nothing of that kind: no data
    est = lp.comparables(0.0, 0.0, "45999", sales, KIND_LAND, steps, 5)
    assert est.sales == 0 and est.median is None and est.reliability == lp.NONE


def test_commune_first_uses_the_sales_without_coordinates():
    sales = sales_frame([(KIND_LAND, np.nan, np.nan, "45998", 40), (KIND_LAND, np.nan, np.nan, "45998", 60),
                         (KIND_LAND, 100, 0, "45999", 500)])
    steps = lp.widening_steps(1000, 2000, commune_first=True)
    est = lp.comparables(0.0, 0.0, "45998", sales, KIND_LAND, steps, 2)
    assert est.scope == "commune" and est.sales == 2 and est.median == pytest.approx(50)
    # around the site only: the sales without coordinates cannot count
    est = lp.comparables(0.0, 0.0, "45998", sales, KIND_LAND, lp.widening_steps(1000, 2000), 2)
    assert est.sales == 1 and est.median == 500 and est.reliability == lp.LOW


def test_estimate_of_a_site():
    sales = sales_frame([(KIND_PREMISES, 10, 0, "1", p) for p in (400, 500, 600)] +
                        [(KIND_LAND, 0, 10, "1", p) for p in (50, 70)])
    steps = lp.widening_steps(1000, 1000)
    site = lp.estimate_site(0, 0, "1", 1000, 5000, sales, steps, 2)
    assert site.basis == KIND_PREMISES
    assert site.estimate == pytest.approx(500 * 1000)
    assert (site.low, site.high) == pytest.approx((450 * 1000, 550 * 1000))
    assert site.area_estimate(KIND_LAND)[0] == pytest.approx(60 * 5000)
    # no building: the land
    site = lp.estimate_site(0, 0, "1", None, 5000, sales, steps, 2)
    assert site.basis == KIND_LAND and site.estimate == pytest.approx(60 * 5000)
    # a building but no sale of premises: the land alone, and the note says so
    land_only = sales[sales["kind"] == KIND_LAND]
    site = lp.estimate_site(0, 0, "1", 800, 5000, land_only, steps, 2)
    assert site.basis == KIND_LAND
    assert "valeur du terrain seul" in lp.describe(site, steps, 2, "1", "fr")
    assert "value of the land alone" in lp.describe(site, steps, 2, "1", "en")
    # no sale at all, or no area: no estimate, never a guess
    site = lp.estimate_site(0, 0, "1", 800, 5000, sales.iloc[0:0], steps, 2)
    assert site.basis is None and site.estimate is None and site.reliability == lp.NONE
    assert "aucune valeur n'est devinée" in lp.describe(site, steps, 2, "1", "fr")
    site = lp.estimate_site(0, 0, "1", None, None, sales, steps, 2)
    assert site.basis is None


def test_sentences_name_the_area_and_the_widening():
    sales = sales_frame([(KIND_PREMISES, 1500, 0, "1", 600), (KIND_PREMISES, 1600, 0, "1", 800)])
    steps = lp.widening_steps(1000, 4000)
    site = lp.estimate_site(0, 0, "1", 1000, None, sales, steps, 2)
    fr = lp.describe(site, steps, 2, "1", "fr")
    en = lp.describe(site, steps, 2, "1", "en")
    assert "2 vente(s) dans un rayon de 2\u202f000\u00a0m (zone élargie depuis 1\u202f000\u00a0m)" in fr
    assert "médiane 700\u00a0€/m²" in fr and "fiabilité moyenne" in fr
    assert "2 sale(s) within 2,000\u00a0m (area widened from 1,000\u00a0m)" in en
    assert "= 700,000\u00a0€" in en


def test_estimates_on_the_demo_file_against_an_independent_count():
    from friches_tierslieux.core.costs import dvf
    from osgeo import osr

    data = dvf.read_dvf(DATA / "dvf_ingeville.csv")
    wgs84, lambert = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lambert.ImportFromEPSG(2154)
    transform = osr.CoordinateTransformation(wgs84, lambert)
    xy = [transform.TransformPoint(lon, lat)[:2] if np.isfinite(lon) else (np.nan, np.nan)
          for lon, lat in zip(data.sales["lon"], data.sales["lat"])]
    sales = data.sales.assign(x=[p[0] for p in xy], y=[p[1] for p in xy])
    steps = lp.widening_steps(1000, 10000)
    for x, y in ((660100, 6750300), (655700, 6752500), (664700, 6751600), (659000, 6745600)):
        site = lp.estimate_site(x, y, "", 1000, 3000, sales, steps, 5)
        for kind, est in ((KIND_PREMISES, site.premises), (KIND_LAND, site.land)):
            pool = sales[sales["kind"] == kind]
            distance = np.hypot(pool["x"] - x, pool["y"] - y)
            radius = next(r for _s, r in steps if (distance <= r).sum() >= 5)
            prices = sorted(pool["price_m2"][distance <= radius])
            assert est.radius_m == radius and est.sales == len(prices)
            assert est.median == pytest.approx(statistics.median(prices))
