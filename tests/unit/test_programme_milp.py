"""The multi-year programme solved as a MILP (core/costs/programme.py) against brute force.

The brute force below is written independently of the module: it enumerates every schedule of every
site (left out, or acquired in year s and converted in year t ≥ s + delay), keeps those within the
budgets, the mandatory and the excluded sites, computes the objective from the sites' gains and the
union of the cells they cover, and returns the best objective and, among the best, the earliest opening
(Σ ω_i × works year, ω_i = 1 + own gain / largest own gain).
"""

import itertools
import random

import numpy as np
import pytest
from friches_tierslieux.core.costs import programme as pg


def brute_force(acq, works, budgets, gain, mandatory, excluded, delay, carry, cover, pop, weight):
    n, years = len(acq), len(budgets)
    options = [(-1, -1)] + [(s, t) for s in range(years) for t in range(years) if t >= s + delay]
    combos = np.array(list(itertools.product(range(len(options)), repeat=n)), dtype=np.int64).reshape(-1, n)
    opt_acq = np.array([o[0] for o in options])
    opt_works = np.array([o[1] for o in options])
    a_year, w_year = opt_acq[combos], opt_works[combos]
    chosen = w_year >= 0
    ok = np.ones(len(combos), bool)
    ok &= np.all(chosen[:, mandatory], axis=1) if mandatory.any() else True
    ok &= ~np.any(chosen[:, excluded], axis=1) if excluded.any() else True
    spend = np.zeros((len(combos), years))
    for y in range(years):
        spend[:, y] = ((a_year == y) * acq).sum(axis=1) + ((w_year == y) * works).sum(axis=1)
    if carry:
        ok &= np.all(np.cumsum(spend, axis=1) <= np.cumsum(budgets) + 1e-9, axis=1)
    else:
        ok &= np.all(spend <= budgets + 1e-9, axis=1)
    if not ok.any():
        return None

    def value(mask_bits):
        sites = [i for i in range(n) if mask_bits >> i & 1]
        total = sum(gain[i] for i in sites)
        if cover is not None and weight:
            cells = set()
            for i in sites:
                cells.update(int(c) for c in cover[i])
            total += weight * sum(pop[c] for c in cells)
        return total

    subset_value = np.array([value(bits) for bits in range(2 ** n)])
    bits = (chosen * (1 << np.arange(n))).sum(axis=1)
    values = np.where(ok, subset_value[bits], -np.inf)
    best = values.max()
    own = np.array([value(1 << i) for i in range(n)])
    top = max(own.max(), 0.0)
    omega = 1.0 + (np.maximum(own, 0.0) / top if top > 0 else 0.0)
    timing = np.where(chosen, w_year * omega, 0.0).sum(axis=1)
    best_rows = values >= best - 1e-9
    return best, timing[best_rows].min()


def random_instance(rng):
    n = rng.randint(1, 6)
    years = rng.randint(1, 4)
    delay = rng.choice([0, 1, 1, 1, 2])
    acq = np.array([rng.randint(0, 50) for _ in range(n)], float)
    works = np.array([rng.randint(0, 70) for _ in range(n)], float)
    budgets = np.array([rng.randint(0, 110) for _ in range(years)], float)
    gain = np.array([rng.randint(-3, 25) for _ in range(n)], float)
    mandatory = np.array([rng.random() < 0.12 for _ in range(n)])
    excluded = np.array([rng.random() < 0.1 and not mandatory[i] for i in range(n)])
    carry = rng.random() < 0.4
    cover = pop = None
    weight = 0.0
    if rng.random() < 0.6:
        cells = rng.randint(3, 10)
        pop = np.array([rng.randint(0, 40) for _ in range(cells)], float)
        cover = [np.array(sorted(rng.sample(range(cells), rng.randint(0, cells))), dtype=int) for _ in range(n)]
        weight = rng.choice([1.0, 0.5, 0.25])
        if rng.random() < 0.5:
            gain = np.zeros(n)  # the population alone, as OBJECTIVE=population
    return {"acq": acq, "works": works, "budgets": budgets, "gain": gain, "mandatory": mandatory,
            "excluded": excluded, "delay": delay, "carry": carry, "cover": cover, "pop": pop, "weight": weight}


def make_problem(inst):
    return pg.Problem(inst["acq"], inst["works"], inst["budgets"], inst["gain"], inst["mandatory"],
                      inst["excluded"], delay=inst["delay"], carry_over=inst["carry"], cover=inst["cover"],
                      cell_population=inst["pop"], population_weight=inst["weight"])


def test_milp_equals_brute_force_on_random_instances():
    rng = random.Random(20250615)
    checked = infeasible = with_cells = 0
    for _ in range(400):
        inst = random_instance(rng)
        problem = make_problem(inst)
        expected = brute_force(**inst)
        result = pg.solve(problem, time_limit=30)
        if expected is None:
            assert result.status == pg.INFEASIBLE, inst
            infeasible += 1
            continue
        best, earliest = expected
        assert result.status == pg.OPTIMAL, inst
        assert result.gap <= 1e-9
        assert problem.check(result.acq_year, result.works_year) == [], inst
        assert result.objective == pytest.approx(best, abs=1e-6), inst
        assert problem.objective(result.selected) == pytest.approx(best, abs=1e-6)
        omega = pg.timing_weights(problem)
        timing = float(sum(omega[i] * result.works_year[i] for i in range(problem.n) if result.works_year[i] >= 0))
        assert timing == pytest.approx(earliest, abs=1e-6), inst
        checked += 1
        with_cells += inst["cover"] is not None
    # the sample covers the cases that matter
    assert checked > 300 and infeasible > 5 and with_cells > 150


def test_overlapping_sites_are_not_counted_twice():
    # two sites covering the same 100 people, a third covering 60 others; budget for two sites
    cover = [np.array([0]), np.array([0]), np.array([1])]
    problem = pg.Problem([10, 10, 10], [10, 10, 10], [20, 20, 0], [0, 0, 0], cover=cover,
                         cell_population=np.array([100.0, 60.0]), population_weight=1.0)
    result = pg.solve(problem)
    assert result.objective == pytest.approx(160.0)
    assert result.selected[2] and result.selected[:2].sum() == 1
    # an additive objective would have chosen the two big sites (200 people counted for 100)
    additive = pg.Problem([10, 10, 10], [10, 10, 10], [20, 20, 0], [100, 100, 60])
    assert set(np.flatnonzero(pg.solve(additive).selected)) == {0, 1}


def test_works_start_the_year_after_acquisition():
    # one site, budget only in year 0: it cannot be acquired and converted in the same year
    problem = pg.Problem([5], [5], [100, 0, 0], [1])
    assert not pg.solve(problem).selected[0]
    ok, why = pg.fits_alone(problem, 0)
    assert not ok and why == pg.PHASING
    # a delay of 0 allows it
    assert pg.solve(pg.Problem([5], [5], [100, 0, 0], [1], delay=0)).selected[0]
    # with money in year 1 too, acquisition in year 0 and works in year 1
    result = pg.solve(pg.Problem([5], [5], [5, 5, 0], [1]))
    assert (result.acq_year[0], result.works_year[0]) == (0, 1)


def test_carry_over_moves_unspent_money():
    problem = pg.Problem([10], [30], [20, 20, 0], [1])
    assert not pg.solve(problem).selected[0]
    assert pg.fits_alone(problem, 0) == (False, pg.TOO_EXPENSIVE)
    carried = pg.Problem([10], [30], [20, 20, 0], [1], carry_over=True)
    result = pg.solve(carried)
    assert result.selected[0] and result.works_year[0] == 1


def test_places_open_as_early_as_possible_and_acquisitions_as_late():
    # budget for everything from year 1: the optimum is all three; the second solve opens them early
    problem = pg.Problem([1, 1, 1], [1, 1, 1], [3, 3, 3, 3, 3], [5, 3, 1])
    result = pg.solve(problem)
    assert result.selected.all()
    assert list(result.works_year) == [1, 1, 1]
    assert list(result.acq_year) == [0, 0, 0]
    # acquisitions wait for their works when money allows: works in year 3 at the earliest
    late = pg.Problem([1], [50], [10, 10, 10, 50], [1])
    result = pg.solve(late)
    assert (result.acq_year[0], result.works_year[0]) == (2, 3)


def test_mandatory_and_excluded_sites():
    problem = pg.Problem([10, 10], [10, 10], [10, 10, 0], [1, 50], mandatory=[True, False])
    result = pg.solve(problem)
    assert result.selected[0] and not result.selected[1]
    explained = pg.explain(problem, result, [0, 1])
    assert explained[0].code == pg.MANDATORY
    assert explained[1].code == pg.MANDATORY_FIRST
    problem = pg.Problem([10, 10], [10, 10], [10, 10, 0], [1, 50], excluded=[False, True])
    result = pg.solve(problem)
    assert result.selected[0] and not result.selected[1]
    assert pg.explain(problem, result, [1])[1].code == pg.EXCLUDED
    # a mandatory site that cannot fit: infeasible
    impossible = pg.Problem([100], [10], [10, 10], [1], mandatory=[True])
    assert pg.solve(impossible).status == pg.INFEASIBLE
    assert pg.fits_alone(impossible, 0) == (False, pg.TOO_EXPENSIVE)


def test_explanations_of_left_out_sites():
    cover = [np.array([0, 1]), np.array([0, 1]), np.array([2]), np.array([3])]
    pop = np.array([50.0, 50.0, 70.0, 0.0])
    # budget 20 a year over 3 years: two sites (each 10 + 10)
    problem = pg.Problem([10, 10, 10, 10], [10, 10, 10, 200], [20, 20, 20], [0, 0, 0, 0], cover=cover,
                         cell_population=pop, population_weight=1.0)
    result = pg.solve(problem)
    assert result.objective == pytest.approx(170.0)
    why = pg.explain(problem, result, range(4))
    chosen = set(np.flatnonzero(result.selected))
    twin = ({0, 1} - chosen).pop()
    assert why[twin].code == pg.COVERED  # its people are reached by its twin
    assert why[3].code == pg.TOO_EXPENSIVE
    # a better site exists for the budget: the loss is measured
    problem = pg.Problem([10, 10], [10, 10], [10, 10, 0], [30, 20])
    result = pg.solve(problem)
    why = pg.explain(problem, result, [0, 1])
    assert why[0].code == pg.SELECTED and why[1].code == pg.BUDGET
    assert why[1].loss == pytest.approx(10.0) and why[1].displaced == (0,)
    # equal sites: the one left out is a tie
    problem = pg.Problem([10, 10], [10, 10], [10, 10, 0], [20, 20])
    result = pg.solve(problem)
    why = pg.explain(problem, result, [0, 1])
    assert sorted(e.code for e in why.values()) == [pg.SELECTED, pg.TIE]


def test_gains_in_order_sum_to_the_objective():
    rng = random.Random(7)
    for _ in range(30):
        inst = random_instance(rng)
        problem = make_problem(inst)
        result = pg.solve(problem)
        if result.status != pg.OPTIMAL:
            continue
        order = pg.opening_order(problem, result)
        gains, people = pg.gains_in_order(problem, order)
        assert gains.sum() == pytest.approx(result.objective, abs=1e-6)
        assert people.sum() == pytest.approx(problem.population(result.selected), abs=1e-6)


def test_bad_problems_are_refused():
    with pytest.raises(ValueError):
        pg.Problem([-1], [1], [1], [1])
    with pytest.raises(ValueError):
        pg.Problem([np.nan], [1], [1], [1])
    with pytest.raises(ValueError):
        pg.Problem([1, 2], [1], [1], [1])


def test_explanations_stay_within_their_time():
    problem = pg.Problem([10, 10, 10], [10, 10, 10], [10, 10, 0], [30, 20, 10])
    result = pg.solve(problem)
    why = pg.explain(problem, result, range(3), total_time=0.0)
    assert why[0].code == pg.SELECTED
    assert why[1].code == why[2].code == pg.NOT_EXAMINED
    why = pg.explain(problem, result, range(3), max_examined=1)
    assert why[1].code == pg.BUDGET and why[2].code == pg.NOT_EXAMINED
