"""The programme's MILPs in a child process (core/costs/milp_process.py): the same programmes as HiGHS in
this process, and a cancel that stops a solve at once (scipy's milp itself cannot be interrupted)."""

import resource
import time

import numpy as np
import pytest
from friches_tierslieux.core.costs import programme as pg
from friches_tierslieux.core.costs.milp_process import MilpProcess, SolverError, python_executable
from friches_tierslieux.core.progress import Canceled, Progress


def problem(n, seed, objective="score"):
    """The instances of benchmarks/bench_programme.py, ``n`` sites over 10 years."""
    rng = np.random.default_rng(seed)
    acquisition = rng.lognormal(13, 0.8, n)
    works = rng.lognormal(13.5, 0.7, n)
    budgets = np.full(10, (acquisition.sum() + works.sum()) / 10 * 0.2)
    if objective == "score":
        return pg.Problem(acquisition, works, budgets, rng.uniform(30, 90, n))
    side = 30
    cells = np.stack(np.meshgrid(np.arange(side), np.arange(side)), -1).reshape(-1, 2)
    population = rng.gamma(1.0, 60, side * side)
    sites = rng.uniform(0, side, (n, 2))
    cover = [np.flatnonzero(np.hypot(*(cells - s).T) <= 3) for s in sites]
    return pg.Problem(acquisition, works, budgets, np.zeros(n), cover=cover, cell_population=population,
                      population_weight=1.0)


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def test_an_interpreter_is_found():
    assert python_executable() is not None


@pytest.mark.parametrize("objective,seed", [("score", 1), ("population", 2), ("score", 3)])
def test_same_programme_as_in_this_process(objective, seed):
    """Small instances proven optimal both ways: the same objective, a programme within the budgets."""
    p = problem(12, seed, objective)
    alone = pg.solve(p, time_limit=20)
    with MilpProcess() as solver:
        child = pg.solve(p, time_limit=20, solver=solver)
        explained = pg.explain(p, child, range(p.n), time_limit=5, max_examined=2, solver=solver)
    assert alone.status == child.status == pg.OPTIMAL
    assert child.objective == pytest.approx(alone.objective, rel=1e-9)
    assert not p.check(child.acq_year, child.works_year)
    assert explained.keys() == set(range(p.n))


def test_cancel_stops_the_solve_at_once():
    """A solve HiGHS would run for its 20 s time limit, canceled after 1.5 s: Canceled within 1 s of the
    request, the child killed (this process used no CPU waiting)."""
    p = problem(300, 15)
    requested = {}

    def canceled():
        if time.perf_counter() - started > 1.5:
            requested.setdefault("wall", time.perf_counter())
            requested.setdefault("cpu", cpu_seconds())
            return True
        return False

    started = time.perf_counter()
    solver = MilpProcess(Progress(None, canceled))
    with pytest.raises(Canceled), solver:
        pg.solve(p, time_limit=20, solver=solver)
    assert time.perf_counter() - requested["wall"] < 1.0
    assert cpu_seconds() - requested["cpu"] < 1.0
    assert solver._proc is None


def test_a_failing_child_is_reported():
    """A child that cannot solve (an argument scipy refuses) answers with the error, named."""
    with MilpProcess() as solver, pytest.raises(SolverError, match="Error"):
        from scipy.sparse import csr_matrix

        solver.milp(np.ones(3), np.ones(2), np.zeros(3), np.ones(3), csr_matrix(np.ones((1, 3))), np.zeros(1),
                    np.ones(1), {"time_limit": 1.0})
