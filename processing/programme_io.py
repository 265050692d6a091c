"""Reading what ``friches:acquisition_programme`` needs: budgets by year, mandatory and excluded sites,
the sites' costs and gains, and the population cells each candidate would cover.

Why a module of its own: the algorithm's file keeps its parameters and the order of the steps; the
reading of each input, with its checks and messages, lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
from qgis.core import QgsProcessingException

from ..core.costs import programme as pg
from ..core.costs import programme_text as ptext
from ..core.costs.cost_table import USES
from ..core.costs.site_costs import SiteCost, site_cost
from ..core.scoring.covering import cells_in_polygons
from ..translation import tr
from . import costs_io as cio
from . import scoring_io as sio
from .programme_report import SiteRow, YearRow

_ID_SEPARATORS = re.compile("[;,\n]")
#: Objectives of the programme, in the order of the algorithm's OBJECTIVE options.
OBJECTIVES = ("population", "score", "both", "field")


def parse_ids(text) -> List[str]:
    """Identifiers separated by commas, semicolons or new lines (spaces around them ignored)."""
    if not text:
        return []
    return [part.strip() for part in _ID_SEPARATORS.split(str(text)) if part.strip()]


@dataclass
class Budgets:
    years: List[int]  # calendar years of the horizon
    amounts: np.ndarray  # budget of each year, €
    notes: List[str] = field(default_factory=list)  # translated warnings


def budgets_from_table(table, year_field: str, amount_field: str, start: Optional[int], count: int) -> Budgets:
    """The budgets of a table (one row per year); years of the horizon absent from the table get 0."""
    found: Dict[int, float] = {}
    notes = []
    for row in table.rows:
        year = cio.number(row.get(year_field))
        amount = cio.number(row.get(amount_field))
        if year is None or amount is None:
            notes.append(tr("A budget row without year or amount is ignored ({year}, {amount}).").format(
                year=row.get(year_field), amount=row.get(amount_field)))
            continue
        if amount < 0:
            raise QgsProcessingException(tr("The budget of {year} is negative ({amount}).").format(
                year=int(year), amount=amount))
        year = int(year)
        if year in found:
            raise QgsProcessingException(tr("The budget table gives the year {year} twice.").format(year=year))
        found[year] = amount
    if not found:
        raise QgsProcessingException(tr("The budget table has no usable row (fields {year} and {amount}).").format(
            year=year_field, amount=amount_field))
    first = start if start else min(found)
    if not count:
        count = max(found) - first + 1
    years = list(range(first, first + count))
    missing = [y for y in years if y not in found]
    if missing:
        notes.append(tr("No budget for {years} in the table: 0 € those years.").format(
            years=", ".join(map(str, missing))))
    outside = sorted(y for y in found if y not in years)
    if outside:
        notes.append(tr("Budget rows outside the horizon are ignored: {years}.").format(
            years=", ".join(map(str, outside))))
    return Budgets(years, np.array([found.get(y, 0.0) for y in years], dtype=float), notes)


def site_use(row: dict, names, choice: Optional[str]) -> Optional[str]:
    """The use programmed for a site: the one chosen, or the site's best use (``best_use``)."""
    if choice:
        return choice
    field_name = sio.find_field(names, "best_use")
    value = row.get(field_name) if field_name else None
    value = str(value).strip().lower() if value not in (None, "") else None
    return value if value in USES else None


def is_candidate(row: dict, names, use: Optional[str]) -> Optional[bool]:
    """``candidate_<use>`` of the site (None when the layer has no such field)."""
    if use is None:
        return False
    field_name = sio.find_field(names, f"candidate_{use}")
    if field_name is None:
        return None
    value = row.get(field_name)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "t", "yes", "y", "oui", "vrai")
    return bool(value)


def score_of(row: dict, names, use: Optional[str]) -> Optional[float]:
    """``score_<use>`` of the site, else its ``best_score``."""
    field_name = sio.find_field(names, f"score_{use}") if use else None
    if field_name is None:
        field_name = sio.find_field(names, "best_score")
    return cio.number(row.get(field_name)) if field_name else None


@dataclass
class SiteCosts:
    acquisition: Optional[float]
    works: Optional[float]
    revenue: Optional[float]
    detail: Optional[SiteCost] = None
    problem: str = ""  # translated reason when the cost cannot be used


def costs_from_table(table, row: dict, names, use: str, price_field: Optional[str]) -> SiteCosts:
    facts = {name: row.get(sio.find_field(names, name)) for name in
             ("bati_surface", "site_surface", "bati_etat", "sol_pollution_existe", "bati_pollution")}
    price = cio.number(row.get(price_field)) if price_field else None
    cost = site_cost(table, facts, use, price)
    return SiteCosts(cost.acquisition, cost.works, cost.revenue, cost)


def costs_from_field(row: dict, total_field: str, acquisition_field: Optional[str]) -> SiteCosts:
    total = cio.number(row.get(total_field))
    if total is None:
        return SiteCosts(None, None, None)
    if total < 0:
        return SiteCosts(None, None, None, problem=tr("negative cost"))
    acquisition = cio.number(row.get(acquisition_field)) if acquisition_field else 0.0
    if acquisition is None:
        return SiteCosts(None, None, None)
    if acquisition > total:
        return SiteCosts(None, None, None, problem=tr("acquisition above the total cost"))
    return SiteCosts(acquisition, total - acquisition, None)


@dataclass
class Coverage:
    cover: List[np.ndarray]  # cells of each site (indices into population)
    population: np.ndarray  # people of each cell not served by existing places (0 when served)
    band: Optional[float]
    total: float  # people of the grid
    uncovered: float  # people not served by existing places
    without: List[str]  # sites without catchment


def read_coverage(alg, parameters, context, feedback, keys: List[str], catchments_name, catchment_id_name,
                  minutes_name, population_name, population_field_name, existing_name) -> Optional[Coverage]:
    """Which population cells each site would cover (cells by their representative point, as
    ``friches:select_sites``), the cells inside the existing places' catchments counting 0."""
    import shapely

    catchments = alg.parameterAsSource(parameters, catchments_name, context)
    grid = alg.parameterAsSource(parameters, population_name, context)
    if catchments is None or grid is None:
        return None
    pop_field = cio.field_choice(alg, parameters, population_field_name, context, grid.fields().names(), "ind")
    if pop_field is None:
        raise QgsProcessingException(tr("The population grid has no population field (ind)."))
    crs = grid.sourceCrs()
    cells = sio.read_table(grid, context, crs, [pop_field], feedback=feedback)
    catch = sio.read_table(catchments, context, crs, feedback=feedback)
    if cells is None or catch is None:
        raise QgsProcessingException(tr("Canceled."))
    id_field = cio.field_choice(alg, parameters, catchment_id_name, context, catch.names, "site_id")
    if id_field is None:
        raise QgsProcessingException(tr("The catchments have no site identifier field (site_id)."))
    minutes_field = sio.find_field(catch.names, "minutes")
    wanted = alg.parameterAsDouble(parameters, minutes_name, context)
    band = None
    if minutes_field is not None:
        bands = sorted({m for m in (cio.number(r.get(minutes_field)) for r in catch.rows) if m is not None})
        if bands:
            if wanted and wanted > 0:
                if wanted not in bands:
                    raise QgsProcessingException(
                        tr("The catchments have no {minutes} min band (bands: {bands}).").format(
                            minutes=f"{wanted:g}", bands=", ".join(f"{b:g}" for b in bands)))
                band = wanted
            else:
                band = bands[-1]
            feedback.pushInfo(tr("Catchments of {minutes} min are used.").format(minutes=f"{band:g}"))
    polygons: Dict[str, list] = {}
    for geom, row in zip(catch.geoms, catch.rows):
        if geom is None or (band is not None and cio.number(row.get(minutes_field)) != band):
            continue
        key = sio.site_key(row.get(id_field))
        if key is not None:
            polygons.setdefault(key, []).append(geom)
    points = [None if g is None else g.point_on_surface() for g in cells.geoms]
    population = np.array([cio.number(r.get(pop_field)) or 0.0 for r in cells.rows], dtype=float)
    population = np.where(population > 0, population, 0.0)
    merged = [shapely.union_all(polygons[k]) if k in polygons else None for k in keys]
    cover = cells_in_polygons(merged, points)
    served = np.zeros(len(points), dtype=bool)
    existing = alg.parameterAsSource(parameters, existing_name, context)
    if existing is not None:
        table = sio.read_table(existing, context, crs, feedback=feedback)
        if table is None:
            raise QgsProcessingException(tr("Canceled."))
        ex_minutes = sio.find_field(table.names, "minutes")
        geoms = [g for g, r in zip(table.geoms, table.rows) if g is not None and (
            ex_minutes is None or band is None or cio.number(r.get(ex_minutes)) == band)]
        if not geoms:
            geoms = [g for g in table.geoms if g is not None]
        if geoms:
            served[cells_in_polygons([shapely.union_all(geoms)], points)[0]] = True
    uncovered_population = np.where(served, 0.0, population)
    without = [k for k in keys if k not in polygons]
    return Coverage(cover, uncovered_population, band, float(population.sum()), float(uncovered_population.sum()),
                    without)


def read_objective(alg, parameters, context, feedback, sites, names, uses, keys, active):
    """(gain per site, population weight, coverage or None, unit (fr, en), label (fr, en))."""
    kind = OBJECTIVES[alg.parameterAsEnum(parameters, alg.OBJECTIVE, context)]
    n = len(keys)
    gains = np.zeros(n)
    coverage = None
    if kind in ("population", "both"):
        coverage = read_coverage(alg, parameters, context, feedback, keys, alg.CATCHMENTS,
                                     alg.CATCHMENT_ID_FIELD, alg.MINUTES, alg.POPULATION, alg.POPULATION_FIELD,
                                     alg.EXISTING)
        if coverage is not None:
            lacking = [k for k in coverage.without if keys.index(k) in active]
            if lacking:
                feedback.pushWarning(tr("{n} site(s) have no catchment: they reach nobody in the objective "
                                             "({ids}).").format(n=len(lacking), ids=sio.quote_list(lacking)))
            feedback.pushInfo(tr("{uncovered} of {total} people are not served by existing places.").format(
                uncovered=round(coverage.uncovered), total=round(coverage.total)))
            own_pop = np.array([coverage.population[c].sum() if c.size else 0.0 for c in coverage.cover])
        else:
            field_name = cio.field_choice(alg, parameters, alg.POPULATION_SITE_FIELD, context, names,
                                          "new_pop_15min")
            if field_name is None:
                raise QgsProcessingException(tr(
                    "The population objective needs the catchments and the population grid, or a population field "
                    "of the sites (new_pop_15min of Coverage gaps)."))
            feedback.pushWarning(tr("Population from the field {field}: people reached by two sites count "
                                         "twice (give the catchments and the grid to count them once).").format(
                field=field_name))
            own_pop = np.array([max(cio.number(r.get(field_name)) or 0.0, 0.0) for r in sites.rows])
    if kind == "population":
        unit = ("habitants", "people")
        label = ("maximiser les habitants nouvellement couverts", "maximise the people newly covered")
        if coverage is not None:
            return gains, 1.0, coverage, unit, label
        return own_pop, 0.0, None, unit, label
    if kind in ("score", "both"):
        scores = np.array([score_of(r, names, u) or 0.0 for r, u in zip(sites.rows, uses)])
        if not any(score_of(r, names, u) is not None for r, u in zip(sites.rows, uses)):
            raise QgsProcessingException(tr("The sites have no score field (score_<use> or best_score): run "
                                                 "Score candidate sites first."))
        if kind == "score":
            return scores, 0.0, None, ("points de score", "score points"), (
                "maximiser la somme des scores des sites programmés", "maximise the sum of the scores")
        w = alg.parameterAsDouble(parameters, alg.POPULATION_WEIGHT, context)
        reference = float(own_pop[active].max()) if active and own_pop[active].max() > 0 else 1.0
        label = (f"maximiser {w:g} × habitants / {reference:.0f} + {1 - w:g} × score / 100",
                 f"maximise {w:g} × people / {reference:.0f} + {1 - w:g} × score / 100")
        if coverage is not None:
            return (1 - w) * scores / 100.0, w / reference, coverage, ("points", "points"), label
        return (1 - w) * scores / 100.0 + w * own_pop / reference, 0.0, None, ("points", "points"), label
    field_name = cio.field_choice(alg, parameters, alg.OBJECTIVE_FIELD, context, names, None)
    if field_name is None:
        raise QgsProcessingException(tr("Choose the objective field."))
    values = np.array([cio.number(r.get(field_name)) or 0.0 for r in sites.rows])
    return values, 0.0, None, (field_name, field_name), (f"maximiser la somme de {field_name}",
                                                          f"maximise the sum of {field_name}")


def programme_rows(problem, result, explanations, active, pre_reason, keys, site_names, uses, costs, budgets,
                   people, unit, table, mandatory):
    """The rows of the sites and of the years; ``people``: "cells" (population counted once), "field"
    (the additive population field is the gain) or None (no population in the objective)."""
    order = pg.opening_order(problem, result)
    gains_order, people_order = pg.gains_in_order(problem, order)
    if people == "field":
        people_order = gains_order
    rank = {j: k for k, j in enumerate(order)}
    own = problem.own_gain()
    acq_spend, works_spend = problem.spend(result.acq_year, result.works_year)
    cumulative_by_year = np.cumsum(acq_spend + works_spend)
    years = budgets.years
    rows = {}

    def label(use):
        if use is None:
            return ("–", "–")
        return (table.label(use, "fr"), table.label(use, "en")) if table else {
            "coworking": ("Coworking", "Coworking"), "fablab": ("Fablab", "Fablab"),
            "mediation": ("Médiation numérique", "Digital inclusion")}[use]

    position = {i: j for j, i in enumerate(active)}
    for i, key in enumerate(keys):
        c = costs[i]
        total = None if c.acquisition is None or c.works is None else c.acquisition + c.works
        j = position.get(i)
        common = {"acq_cost": c.acquisition, "works_cost": c.works, "total": total, "unit": unit,
                  "use": label(uses[i])[0], "budget_max": float(budgets.amounts.max()),
                  "budget_total": float(budgets.amounts.sum()), "carry_over": problem.carry_over}
        if j is None:
            code = pre_reason[i]
            texts = [ptext.reason_text(code, lang, **{**common, "use": label(uses[i])[k]})
                     for k, lang in enumerate(("fr", "en"))]
            rows[i] = SiteRow(key, site_names[i], uses[i] or "", label(uses[i]), "left_out", None, None,
                                     None, c.acquisition, c.works, total, None, c.revenue, None, None, None,
                                     bool(mandatory[i]), code, *texts)
            continue
        e = explanations[j]
        chosen = bool(result.selected[j])
        acq_year = years[result.acq_year[j]] if chosen else None
        works_year = years[result.works_year[j]] if chosen else None
        displaced = [site_names[active[d]] or keys[active[d]] for d in e.displaced]
        texts = [ptext.reason_text(e.code, lang, acq=acq_year, works=works_year, marginal=e.marginal, loss=e.loss,
                                   exact=e.exact, displaced=displaced, **{**common, "use": label(uses[i])[k]})
                 for k, lang in enumerate(("fr", "en"))]
        new_pop = None
        if people == "cells":
            new_pop = float(people_order[rank[j]]) if chosen else float(
                problem.population(np.r_[np.flatnonzero(result.selected), j]) - problem.population(result.selected))
        elif people == "field":
            new_pop = float(own[j])
        rows[i] = SiteRow(
            key, site_names[i], uses[i] or "", label(uses[i]), "selected" if chosen else "left_out",
            rank[j] + 1 if chosen else None, acq_year, works_year, c.acquisition, c.works, total,
            float(cumulative_by_year[result.works_year[j]]) if chosen else None, c.revenue, float(own[j]),
            float(gains_order[rank[j]]) if chosen else e.marginal, new_pop, bool(mandatory[i]), e.code, *texts)
    year_rows = []
    opened_pop = np.zeros(len(years))
    gain_year = np.zeros(len(years))
    revenue_from = np.zeros(len(years) + 1)
    for j in order:
        t = result.works_year[j]
        opened_pop[t] += people_order[rank[j]]
        gain_year[t] += gains_order[rank[j]]
        revenue = costs[active[j]].revenue
        if revenue:
            revenue_from[t + 1] += revenue
    revenue_running = np.cumsum(revenue_from)[: len(years)]
    budget_cum = np.cumsum(budgets.amounts)
    spend = acq_spend + works_spend
    for t, year in enumerate(years):
        available = (budget_cum[t] - (cumulative_by_year[t - 1] if t else 0.0)) if problem.carry_over else \
            budgets.amounts[t]
        year_rows.append(YearRow(
            year, float(budgets.amounts[t]), float(available), float(acq_spend[t]), float(works_spend[t]),
            float(spend[t]), float(available - spend[t]), float(cumulative_by_year[t]),
            int(np.sum(result.acq_year == t)), int(np.sum(result.works_year == t)),
            float(opened_pop[t]) if people else None,
            float(opened_pop[: t + 1].sum()) if people else None, float(gain_year[t]),
            float(revenue_running[t]) if table else None))
    return rows, year_rows
