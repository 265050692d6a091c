"""A purchase price for each site from the comparable sales around it (DVF).

Why comparables and not a model: a planner must be able to check the figure by hand ("the 7 sales of
industrial premises within 2 km over five years, median 610 €/m²"), and DVF is thin for friches:
a few sales of premises or land per commune and year. So the method is the appraisers' *méthode par
comparaison* reduced to what the open data allows:

1. the comparable sales of the site's kind (premises for a site with buildings, land otherwise; see
   ``dvf.py``) in a first area: within ``radius`` metres of the site, or the site's commune;
2. too few sales (fewer than ``min_sales``): the area widens step by step (the radius doubles up to the
   largest radius) and the result says which area was used;
3. the price per m² is the median of the sales' prices per m², with the first and third quartiles as
   the range (numpy's linear interpolation, as ``statistics.quantiles(method="inclusive")``);
4. the estimate is the median price × the site's floor area (premises) or land area (land), the range
   the quartiles × the same area;
5. no sale in the largest area: no estimate (no data), never a guess.

The reliability says how the estimate was obtained: ``high`` (enough sales in the first area),
``medium`` (after widening), ``low`` (fewer than ``min_sales`` sales even in the largest area), ``none``.

Pure Python (numpy; the sales come as a pandas DataFrame from ``dvf.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from . import KIND_LAND, KIND_PREMISES, KINDS
from .formatting import money

HIGH, MEDIUM, LOW, NONE = "high", "medium", "low", "none"
#: Order of the reliabilities, best first.
RELIABILITIES = (HIGH, MEDIUM, LOW, NONE)
SCOPE_RADIUS = "radius"
SCOPE_COMMUNE = "commune"


def widening_steps(radius_m: float, max_radius_m: float, commune_first: bool = False) -> List[Tuple[str, float]]:
    """The areas tried in order: ``("commune", 0)`` first when asked, then radii doubling from
    ``radius_m`` up to ``max_radius_m`` (the largest always tried)."""
    steps: List[Tuple[str, float]] = [(SCOPE_COMMUNE, 0.0)] if commune_first else []
    radius = float(radius_m)
    largest = max(float(max_radius_m), radius)
    while radius < largest:
        steps.append((SCOPE_RADIUS, radius))
        radius *= 2.0
    steps.append((SCOPE_RADIUS, largest))
    return steps


@dataclass
class KindEstimate:
    """Comparable sales of one kind for one site."""

    kind: str
    sales: int = 0
    q1: Optional[float] = None
    median: Optional[float] = None
    q3: Optional[float] = None
    scope: Optional[str] = None  # "radius" or "commune"; None without any sale
    radius_m: Optional[float] = None
    step: Optional[int] = None  # index of the area used in the steps
    reliability: str = NONE
    ids: Tuple[str, ...] = ()  # the mutations used

    @property
    def widened(self) -> bool:
        return bool(self.step)


def quartiles(values) -> Tuple[float, float, float]:
    q1, median, q3 = np.percentile(np.asarray(values, dtype=float), [25, 50, 75])
    return float(q1), float(median), float(q3)


def comparables(x: float, y: float, commune: str, sales, kind: str,
                steps: Sequence[Tuple[str, float]], min_sales: int) -> KindEstimate:
    """The comparable sales of ``kind`` for a site at (x, y) in commune ``commune``.

    ``sales`` has columns ``kind``, ``x``, ``y`` (metres, the sites' CRS; NaN when not located),
    ``code_commune``, ``price_m2`` and ``id_mutation``. A site without position is only matched by
    commune; a sale without position only counts in its commune's area.
    """
    pool = sales[sales["kind"] == kind]
    result = KindEstimate(kind)
    if pool.empty:
        return result
    px, py = pool["x"].to_numpy(float), pool["y"].to_numpy(float)
    distance = np.hypot(px - x, py - y) if np.isfinite(x) and np.isfinite(y) else np.full(len(pool), np.nan)
    in_commune = (pool["code_commune"] == commune).to_numpy() if commune else np.zeros(len(pool), dtype=bool)
    chosen = None
    for index, (scope, radius) in enumerate(steps):
        mask = in_commune if scope == SCOPE_COMMUNE else (distance <= radius)
        count = int(np.count_nonzero(mask))
        if count:
            chosen = (index, scope, radius, mask)
        if count >= min_sales:
            break
    if chosen is None:
        return result
    index, scope, radius, mask = chosen
    prices = pool["price_m2"].to_numpy(float)[mask]
    result.sales = int(prices.size)
    result.q1, result.median, result.q3 = quartiles(prices)
    result.scope = scope
    result.radius_m = float(radius) if scope == SCOPE_RADIUS else None
    result.step = index
    if result.sales < min_sales:
        result.reliability = LOW
    else:
        result.reliability = HIGH if index == 0 else MEDIUM
    result.ids = tuple(pool["id_mutation"].to_numpy()[mask])
    return result


@dataclass
class SiteEstimate:
    """The purchase price estimate of one site."""

    premises: KindEstimate
    land: KindEstimate
    floor_m2: Optional[float]
    land_m2: Optional[float]
    basis: Optional[str] = None  # "premises", "land" or None
    estimate: Optional[float] = None  # €
    low: Optional[float] = None
    high: Optional[float] = None

    @property
    def reliability(self) -> str:
        if self.basis is None:
            return NONE
        return (self.premises if self.basis == KIND_PREMISES else self.land).reliability

    @property
    def used(self) -> Optional[KindEstimate]:
        if self.basis is None:
            return None
        return self.premises if self.basis == KIND_PREMISES else self.land

    def area_estimate(self, kind: str) -> Tuple[Optional[float], Optional[float], Optional[float]]:
        """(estimate, low, high) in € of ``kind`` on the site's floor area (premises) or land area."""
        est = self.premises if kind == KIND_PREMISES else self.land
        area = self.floor_m2 if kind == KIND_PREMISES else self.land_m2
        if est.median is None or not area or area <= 0:
            return None, None, None
        return est.median * area, est.q1 * area, est.q3 * area


def estimate_site(x: float, y: float, commune: str, floor_m2: Optional[float], land_m2: Optional[float],
                  sales, steps: Sequence[Tuple[str, float]], min_sales: int) -> SiteEstimate:
    """Premises and land comparables of a site, and the estimate: premises × floor area when the site
    has buildings and premises sales exist, else land × land area, else none."""
    site = SiteEstimate(comparables(x, y, commune, sales, KIND_PREMISES, steps, min_sales),
                        comparables(x, y, commune, sales, KIND_LAND, steps, min_sales),
                        floor_m2 if floor_m2 and floor_m2 > 0 else None,
                        land_m2 if land_m2 and land_m2 > 0 else None)
    for kind in (KIND_PREMISES, KIND_LAND):
        value, low, high = site.area_estimate(kind)
        if value is not None:
            site.basis, site.estimate, site.low, site.high = kind, value, low, high
            break
    return site


def estimate_sites(sites, sales, steps: Sequence[Tuple[str, float]], min_sales: int,
                   progress=None) -> List[SiteEstimate]:
    """:func:`estimate_site` for every row of ``sites`` (columns x, y, commune, floor_m2, land_m2)."""
    out = []
    total = max(len(sites), 1)
    for i, row in enumerate(sites.itertuples(index=False)):
        if progress is not None:
            progress.check()
            progress.set(i / total)
        out.append(estimate_site(float(row.x), float(row.y), str(row.commune or ""), _number(row.floor_m2),
                                 _number(row.land_m2), sales, steps, min_sales))
    return out


_KIND_WORDS = {KIND_PREMISES: ("Locaux d'activité", "Industrial and commercial premises"),
               KIND_LAND: ("Terrains", "Land")}
_RELIABILITY_WORDS = {HIGH: ("élevée", "high"), MEDIUM: ("moyenne", "medium"), LOW: ("faible", "low"),
                      NONE: ("aucune", "none")}


def scope_text(estimate: KindEstimate, commune: str, lang: str) -> str:
    """« dans un rayon de 2 000 m » / "in the commune 45999"."""
    if estimate.scope == SCOPE_COMMUNE:
        return f"dans la commune {commune}" if lang == "fr" else f"in the commune {commune}"
    radius = money(estimate.radius_m, lang, "m")
    return f"dans un rayon de {radius}" if lang == "fr" else f"within {radius}"


def describe(site: SiteEstimate, steps: Sequence[Tuple[str, float]], min_sales: int, commune: str,
             lang: str) -> str:
    """The sentence of the estimate in French or English: which sales, which area, how widened, the
    median and quartiles, the area they multiply and the reliability; or why there is none."""
    fr = lang == "fr"
    parts = []
    for kind in (KIND_PREMISES, KIND_LAND):
        est = site.premises if kind == KIND_PREMISES else site.land
        word = _KIND_WORDS[kind][0 if fr else 1]
        if est.sales == 0:
            last = steps[-1]
            area = (f"dans un rayon de {money(last[1], lang, 'm')}" if fr else f"within {money(last[1], lang, 'm')}")
            parts.append(f"{word} : aucune vente comparable {area}" if fr else f"{word}: no comparable sale {area}")
            continue
        where = scope_text(est, commune, lang)
        first = steps[0]
        widened = ""
        if est.widened:
            start = (f"la commune {commune}" if first[0] == SCOPE_COMMUNE else money(first[1], lang, "m")) if fr else (
                f"the commune {commune}" if first[0] == SCOPE_COMMUNE else money(first[1], lang, "m"))
            widened = f" (zone élargie depuis {start})" if fr else f" (area widened from {start})"
        few = ""
        if est.sales < min_sales:
            few = (f", moins de {min_sales} ventes même dans la plus grande zone" if fr else
                   f", fewer than {min_sales} sales even in the largest area")
        unit = "€/m²"
        quartiles_text = (f"quartiles {money(est.q1, lang, '')}–{money(est.q3, lang, unit)}")
        if fr:
            parts.append(f"{word} : {est.sales} vente(s) {where}{widened}{few}, médiane "
                         f"{money(est.median, lang, unit)} ({quartiles_text})")
        else:
            parts.append(f"{word}: {est.sales} sale(s) {where}{widened}{few}, median "
                         f"{money(est.median, lang, unit)} ({quartiles_text})")
    if site.basis is None:
        if fr:
            tail = "pas d'estimation (aucune vente comparable, ou pas de surface connue) : aucune valeur n'est devinée"
        else:
            tail = "no estimate (no comparable sale, or no known area): no value is guessed"
    else:
        area = site.floor_m2 if site.basis == KIND_PREMISES else site.land_m2
        est = site.used
        what = ("m² de plancher" if site.basis == KIND_PREMISES else "m² de terrain") if fr else (
            "m² of floor" if site.basis == KIND_PREMISES else "m² of land")
        reliability = _RELIABILITY_WORDS[est.reliability][0 if fr else 1]
        if fr:
            tail = (f"estimation {money(est.median, lang, '€/m²')} × {money(area, lang, what)} = "
                    f"{money(site.estimate, lang)} (de {money(site.low, lang)} à {money(site.high, lang)}), "
                    f"fiabilité {reliability}")
        else:
            tail = (f"estimate {money(est.median, lang, '€/m²')} × {money(area, lang, what)} = "
                    f"{money(site.estimate, lang)} ({money(site.low, lang)} to {money(site.high, lang)}), "
                    f"reliability {reliability}")
        if site.basis == KIND_LAND and site.floor_m2:
            tail += (" ; pas de vente de locaux : valeur du terrain seul" if fr else
                     "; no sale of premises: value of the land alone")
    return (" ; " if fr else "; ").join(parts) + ". " + tail[0].upper() + tail[1:] + "."


def _number(value) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None


__all__ = [
    "HIGH",
    "KINDS",
    "KIND_LAND",
    "KIND_PREMISES",
    "LOW",
    "MEDIUM",
    "NONE",
    "KindEstimate",
    "SiteEstimate",
    "comparables",
    "describe",
    "estimate_site",
    "estimate_sites",
    "money",
    "quartiles",
    "widening_steps",
]
