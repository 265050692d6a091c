"""Benchmark of the multi-year programme (``core.costs.programme``) on 300 sites and 10 years.

What it measures, in one run, on deterministic synthetic instances (costs log-normal, about a third of
the sites affordable over the horizon):

1. **The exact programme** as ``friches:acquisition_programme`` runs it with its default time limit
   (20 s for the two solves, 8 s more for the explanations of the ten best left-out sites): wall time of
   the solve, of the explanations and of both, status and proven gap, for three objectives: the population
   newly covered on a 60 × 60 grid where catchments overlap (people counted once), the score (additive, a
   multi-year knapsack: the hardest to prove), and both weighted; and the population with carry-over.
2. **References measured in the same run**: HiGHS on the LP relaxation of the same model (the time of
   one linear solve, to read the MILP time as a ratio) and a greedy programme a planner could do by hand
   (the site with the best gain per euro first, at the earliest years its budgets allow) to show what the
   exact programme gains.

Each instance runs ``--repeat`` times (3 by default; the machine is shared, the median is reported).
Target (issue 15): the programme answers in under 30 s on 300 sites × 10 years.

    .venv/bin/python benchmarks/bench_programme.py [--repeat 3]

Not run by the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np
from plugin_package import use_plugin_package

ROOT = Path(__file__).resolve().parent.parent
N_SITES, N_YEARS = 300, 10
TIME_LIMIT = 20.0
EXPLAIN_SHARE = 0.4


def _import_core():
    use_plugin_package()
    from friches_tierslieux.core.costs import programme

    return programme


def instance(pg, objective: str, carry_over: bool = False, seed: int = 15):
    rng = np.random.default_rng(seed)
    side = 60  # 60 x 60 cells of 200 m: a 12 km territory
    cells = np.stack(np.meshgrid(np.arange(side), np.arange(side)), -1).reshape(-1, 2)
    population = rng.gamma(1.0, 60, side * side) * (rng.random(side * side) < 0.7)
    sites = rng.uniform(0, side, (N_SITES, 2))
    radius = rng.uniform(2, 4, N_SITES)  # catchments of 400 to 800 m
    cover = [np.flatnonzero(np.hypot(*(cells - s).T) <= r) for s, r in zip(sites, radius)]
    acquisition = rng.lognormal(13, 0.8, N_SITES)  # median 440 k€
    works = rng.lognormal(13.5, 0.7, N_SITES)  # median 730 k€
    budgets = np.full(N_YEARS, (acquisition.sum() + works.sum()) / N_YEARS * 0.2)
    scores = rng.uniform(30, 90, N_SITES)
    if objective == "population":
        return pg.Problem(acquisition, works, budgets, np.zeros(N_SITES), cover=cover, cell_population=population,
                          population_weight=1.0, carry_over=carry_over)
    if objective == "score":
        return pg.Problem(acquisition, works, budgets, scores, carry_over=carry_over)
    own = np.array([population[c].sum() for c in cover])
    return pg.Problem(acquisition, works, budgets, 0.5 * scores / 100, cover=cover, cell_population=population,
                      population_weight=0.5 / own.max(), carry_over=carry_over)


def lp_relaxation_seconds(pg, problem) -> float:
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix

    model = pg._build(problem)
    rows = model.rows
    indptr = np.cumsum([0] + [len(r[0]) for r in rows])
    matrix = csr_matrix((np.concatenate([r[1] for r in rows]), np.concatenate([r[0] for r in rows]), indptr),
                        shape=(len(rows), model.c.size))
    started = time.perf_counter()
    milp(model.c, integrality=np.zeros_like(model.integrality), bounds=Bounds(model.lower, model.upper),
         constraints=LinearConstraint(matrix, [r[2] for r in rows], [r[3] for r in rows]))
    return time.perf_counter() - started


def greedy(pg, problem):
    """Best marginal gain per euro first, each at the earliest (acquisition, works) years that fit."""
    n, years, d = problem.n, problem.years, problem.delay
    acq_year = -np.ones(n, dtype=int)
    works_year = -np.ones(n, dtype=int)
    open_sites = set(range(n))
    while open_sites:
        chosen = np.flatnonzero(works_year >= 0)
        base = problem.objective(chosen)
        best = None
        for i in open_sites:
            gain = problem.objective(np.r_[chosen, i]) - base
            ratio = gain / max(problem.acquisition[i] + problem.works[i], 1.0)
            if gain > 0 and (best is None or ratio > best[0]):
                best = (ratio, i)
        if best is None:
            break
        i = best[1]
        open_sites.discard(i)
        placed = False
        for t in range(d, years):
            for s in range(t - d, -1, -1):
                trial_a, trial_w = acq_year.copy(), works_year.copy()
                trial_a[i], trial_w[i] = s, t
                a, w = problem.spend(trial_a, trial_w)
                if problem.budget_ok(a + w):
                    acq_year, works_year, placed = trial_a, trial_w, True
                    break
            if placed:
                break
    return problem.objective(works_year >= 0)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    pg = _import_core()
    cases = (("population", False), ("score", False), ("both", False), ("population", True))
    print(f"{N_SITES} sites x {N_YEARS} years, time limit {TIME_LIMIT:g} s (+{EXPLAIN_SHARE:.0%} for the "
          f"explanations), {args.repeat} run(s) each; median of the runs")
    print("| objective | carry-over | solve | explanations | total | status | gap | nodes | LP relaxation | "
          "MILP / LP | exact vs greedy | sites |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for objective, carry in cases:
        problem = instance(pg, objective, carry)
        solves, explains, totals, lps = [], [], [], []
        result = None
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = pg.solve(problem, time_limit=TIME_LIMIT)
            solved = time.perf_counter()
            pg.explain(problem, result, range(problem.n), time_limit=min(5.0, TIME_LIMIT / 4),
                       total_time=TIME_LIMIT * EXPLAIN_SHARE)
            done = time.perf_counter()
            solves.append(solved - started)
            explains.append(done - solved)
            totals.append(done - started)
            lps.append(lp_relaxation_seconds(pg, problem))
        heuristic = greedy(pg, problem)
        gain = 100.0 * (result.objective - heuristic) / heuristic if heuristic > 0 else float("nan")
        print(f"| {objective} | {'yes' if carry else 'no'} | {statistics.median(solves):.1f} s | "
              f"{statistics.median(explains):.1f} s | {statistics.median(totals):.1f} s | {result.status} | "
              f"{100 * result.gap:.3f} % | {result.nodes} | {statistics.median(lps):.2f} s | "
              f"{statistics.median(solves) / statistics.median(lps):.0f}x | +{gain:.2f} % | "
              f"{int(result.selected.sum())} |", flush=True)


if __name__ == "__main__":
    main()
