"""The multi-year programme (plan pluriannuel d'investissement): which friches to acquire and convert in
which year, within each year's budget, to serve the most people (or the best scores).

Why an exact mixed-integer programme and not a ranking: with a yearly budget, the best sites are not
simply the best-ranked ones that fit. A cheap site may free the money for two others; a site bought
this year can only open next year; two sites covering the same neighbourhood add little together. A
greedy rule gets these wrong without saying so, so the programme is solved exactly, with HiGHS (the
solver scipy ships, ``scipy.optimize.milp``), and reports the proven gap when a time limit stops it.

The model (sites i, years t = 0 … T−1, delay d ≥ 0, usually 1 year):

- ``a[i,s]`` = 1 when site i is acquired in year s (s ≤ T−1−d), ``w[i,t]`` = 1 when its conversion works
  are paid in year t (t ≥ d); ``x[i]`` = Σ_s a[i,s] = Σ_t w[i,t] ≤ 1: a site is in the programme when it
  is both acquired and converted within the horizon;
- phasing: works at the earliest d years after the acquisition, written for every t as
  Σ_{t' ≤ t} w[i,t'] ≤ Σ_{s ≤ t−d} a[i,s] (the tight form of "works year ≥ acquisition year + d");
- budget of each year: Σ_i A_i a[i,t] + W_i w[i,t] ≤ B_t (acquisition cost A_i, works cost W_i); with
  carry-over, the money not spent moves to the next year: the same sums cumulated over years 0 … t;
- mandatory sites x[i] = 1, excluded sites x[i] = 0;
- objective: maximise Σ_i g_i x[i] + λ Σ_c P_c y_c with y_c ≤ Σ_{i covers c} x[i], 0 ≤ y_c ≤ 1: an
  additive gain per site (a score, a population field, any number) and the population of the cells
  newly covered, each counted once however many sites reach it (cells with the same covering sites are
  merged first).

Then, among the programmes reaching that optimum (within 1e-6 relative), a second solve opens the places
the earliest: it minimises Σ_i ω_i × works year, ω_i = 1 + (the site's own gain / the largest own gain), so
that every place opens as soon as the budget allows and the biggest first. Last, each acquisition moves
as late as its works and the budgets allow (money committed no earlier than needed; the works years and
the objective do not change). When the time limit stopped the first solve, the second is not run: the
places found move earlier one at a time while the budgets allow (``open_early``).

Pure Python: numpy, scipy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

OPTIMAL = "optimal"
TIME_LIMIT = "time_limit"  # stopped by the time limit with a programme (gap > 0 possible)
INFEASIBLE = "infeasible"  # the mandatory sites cannot fit
NO_SOLUTION = "no_solution"  # stopped before any programme was found
HEURISTIC = "heuristic"  # the timing of a programme stopped by the time limit: places moved earlier one by one

#: Relative tolerance on the objective when it is fixed for the second solve and in comparisons.
OBJECTIVE_TOLERANCE = 1e-6
#: Absolute tolerance on budgets, in the budgets' unit (€): a rounding cent never makes a site fit.
BUDGET_TOLERANCE = 1e-6


@dataclass
class Problem:
    """A programme to choose. Costs and budgets in the same unit (€); gains in any unit."""

    acquisition: np.ndarray  # (n,) cost paid in the acquisition year
    works: np.ndarray  # (n,) cost paid in the works year
    budgets: np.ndarray  # (T,) budget of each year
    gain: np.ndarray  # (n,) additive gain of each site
    mandatory: Optional[np.ndarray] = None  # (n,) bool
    excluded: Optional[np.ndarray] = None  # (n,) bool
    delay: int = 1  # years between acquisition and works (works at the earliest in year s + delay)
    carry_over: bool = False  # unspent budget moves to the next year
    cover: Optional[Sequence[np.ndarray]] = None  # cells covered by each site (indices into cell_population)
    cell_population: Optional[np.ndarray] = None  # people of each cell not served by existing places
    population_weight: float = 0.0  # λ: weight of the people newly covered in the objective

    def __post_init__(self):
        self.acquisition = np.asarray(self.acquisition, dtype=float)
        self.works = np.asarray(self.works, dtype=float)
        self.budgets = np.asarray(self.budgets, dtype=float)
        self.gain = np.asarray(self.gain, dtype=float)
        n = self.acquisition.size
        self.mandatory = np.zeros(n, bool) if self.mandatory is None else np.asarray(self.mandatory, bool)
        self.excluded = np.zeros(n, bool) if self.excluded is None else np.asarray(self.excluded, bool)
        if not (self.works.size == self.gain.size == self.mandatory.size == self.excluded.size == n):
            raise ValueError("acquisition, works, gain, mandatory and excluded must have one value per site")
        if np.any(~np.isfinite(self.acquisition)) or np.any(~np.isfinite(self.works)):
            raise ValueError("every cost must be a finite number")
        if np.any(self.acquisition < 0) or np.any(self.works < 0) or np.any(self.budgets < 0):
            raise ValueError("costs and budgets cannot be negative")
        if self.delay < 0:
            raise ValueError("the delay between acquisition and works cannot be negative")
        if self.cover is not None:
            self.cover = [np.unique(np.asarray(c, dtype=np.int64)) for c in self.cover]
            self.cell_population = np.asarray(self.cell_population, dtype=float)
            if len(self.cover) != n:
                raise ValueError("cover must list the cells of every site")

    @property
    def n(self) -> int:
        return int(self.acquisition.size)

    @property
    def years(self) -> int:
        return int(self.budgets.size)

    @property
    def uses_cells(self) -> bool:
        return self.cover is not None and self.population_weight != 0

    def population(self, selected) -> float:
        """People of the cells covered by the ``selected`` sites (bool mask or indices), each once."""
        if self.cover is None:
            return 0.0
        idx = np.flatnonzero(selected) if np.asarray(selected).dtype == bool else np.asarray(selected, int)
        if idx.size == 0:
            return 0.0
        cells = np.unique(np.concatenate([self.cover[i] for i in idx]))
        return float(self.cell_population[cells].sum()) if cells.size else 0.0

    def objective(self, selected) -> float:
        """Σ gain + λ × population of the ``selected`` sites (bool mask or indices)."""
        mask = np.zeros(self.n, bool)
        mask[np.flatnonzero(selected) if np.asarray(selected).dtype == bool else np.asarray(selected, int)] = True
        value = float(self.gain[mask].sum())
        if self.uses_cells:
            value += self.population_weight * self.population(mask)
        return value

    def own_gain(self) -> np.ndarray:
        """The objective of each site alone."""
        return np.array([self.objective([i]) for i in range(self.n)], dtype=float)

    def spend(self, acq_year: np.ndarray, works_year: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """(acquisition spend, works spend) per year of a schedule (-1: not in the programme)."""
        acq = np.zeros(self.years)
        works = np.zeros(self.years)
        for i in range(self.n):
            if acq_year[i] >= 0:
                acq[acq_year[i]] += self.acquisition[i]
            if works_year[i] >= 0:
                works[works_year[i]] += self.works[i]
        return acq, works

    def budget_ok(self, spend: np.ndarray) -> bool:
        limit = np.cumsum(self.budgets) if self.carry_over else self.budgets
        used = np.cumsum(spend) if self.carry_over else spend
        return bool(np.all(used <= limit + BUDGET_TOLERANCE * np.maximum(1.0, limit)))

    def check(self, acq_year: np.ndarray, works_year: np.ndarray) -> List[str]:
        """What a schedule breaks (empty when it is a valid programme): for the tests and as a guard."""
        problems = []
        for i in range(self.n):
            a, w = int(acq_year[i]), int(works_year[i])
            if (a < 0) != (w < 0):
                problems.append(f"site {i}: acquired without works or the reverse")
            if a >= 0 and (w < a + self.delay or a < 0 or w >= self.years):
                problems.append(f"site {i}: works in year {w} after acquisition in year {a}")
            if self.mandatory[i] and a < 0:
                problems.append(f"site {i}: mandatory but left out")
            if self.excluded[i] and a >= 0:
                problems.append(f"site {i}: excluded but chosen")
        acq, works = self.spend(acq_year, works_year)
        if not self.budget_ok(acq + works):
            problems.append("a year's budget is exceeded")
        return problems


@dataclass
class Result:
    status: str
    acq_year: np.ndarray  # (n,) year index, -1 when not in the programme
    works_year: np.ndarray
    objective: float  # of the programme found
    bound: float  # best proven bound (objective can be at most this)
    gap: float  # relative gap (0 when proven optimal)
    seconds: float
    nodes: int = 0
    timing: Optional[float] = None  # Σ ω_i × works year of the programme (second solve)
    timing_status: str = ""  # status of the second solve ("" when not run)
    message: str = ""

    @property
    def selected(self) -> np.ndarray:
        return self.works_year >= 0


# --------------------------------------------------------------------------------------------------
# model
# --------------------------------------------------------------------------------------------------
@dataclass
class _Model:
    c: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    integrality: np.ndarray
    rows: list  # (indices, values, lo, hi) per row
    a_index: np.ndarray  # (n, A) variable index of a[i, s]
    w_index: np.ndarray  # (n, A) variable index of w[i, t]
    x_index: np.ndarray  # (n,)
    cost_scale: float
    gain_scale: float
    gain_coeffs: Dict[int, float] = field(default_factory=dict)  # objective coefficients (scaled), by variable


def _cell_groups(problem: Problem):
    """Cells with the same covering sites merged: (population of each group, sites of each group)."""
    owners: Dict[int, list] = {}
    for i, cells in enumerate(problem.cover):
        if problem.excluded[i]:
            continue
        for c in cells:
            if problem.cell_population[c] > 0:
                owners.setdefault(int(c), []).append(i)
    groups: Dict[tuple, float] = {}
    for c, sites in owners.items():
        k = tuple(sites)
        groups[k] = groups.get(k, 0.0) + float(problem.cell_population[c])
    keys = sorted(groups)
    return np.array([groups[k] for k in keys], dtype=float), keys


def _build(problem: Problem, forced: Optional[np.ndarray] = None) -> Optional[_Model]:
    """The MILP of ``problem`` (None when no site can be both acquired and converted in the horizon)."""
    n, years, d = problem.n, problem.years, problem.delay
    slots = years - d  # acquisition years 0..slots-1, works years d..years-1
    if slots <= 0 or n == 0:
        return None
    mandatory = problem.mandatory if forced is None else (problem.mandatory | forced)
    cost_scale = float(max(problem.budgets.max(initial=0.0), problem.acquisition.max(initial=0.0),
                           problem.works.max(initial=0.0), 1.0))
    a_index = np.arange(n * slots).reshape(n, slots)
    w_index = n * slots + np.arange(n * slots).reshape(n, slots)
    x_index = 2 * n * slots + np.arange(n)
    n_vars = 2 * n * slots + n
    groups_pop, groups = (np.zeros(0), [])
    if problem.uses_cells:
        groups_pop, groups = _cell_groups(problem)
    y_index = n_vars + np.arange(len(groups))
    n_vars += len(groups)

    gains = problem.gain.copy()
    pop_coeff = problem.population_weight * groups_pop
    gain_scale = float(max(np.abs(gains).max(initial=0.0), np.abs(pop_coeff).max(initial=0.0), 1e-12))
    c = np.zeros(n_vars)
    c[x_index] = -gains / gain_scale
    c[y_index] = -pop_coeff / gain_scale
    lower = np.zeros(n_vars)
    upper = np.ones(n_vars)
    integrality = np.zeros(n_vars)
    integrality[: 2 * n * slots + n] = 1  # a, w and x binary (x: for the cuts on the knapsacks below)
    lower[x_index] = mandatory.astype(float)
    upper[x_index] = (~problem.excluded).astype(float)
    rows = []
    for i in range(n):
        rows.append((np.r_[a_index[i], x_index[i]], np.r_[np.ones(slots), -1.0], 0.0, 0.0))
        rows.append((np.r_[w_index[i], x_index[i]], np.r_[np.ones(slots), -1.0], 0.0, 0.0))
        # works by year t (index k: t = k + d) need an acquisition by year t - d (index k)
        for k in range(slots):
            rows.append((np.r_[w_index[i, : k + 1], a_index[i, : k + 1]],
                         np.r_[np.ones(k + 1), -np.ones(k + 1)], -np.inf, 0.0))
    acq = problem.acquisition / cost_scale
    works = problem.works / cost_scale
    budgets = problem.budgets / cost_scale
    for t in range(years):
        years_in = range(t + 1) if problem.carry_over else (t,)
        idx, val = [], []
        for u in years_in:
            if u < slots:
                idx.append(a_index[:, u])
                val.append(acq)
            if u >= d:
                idx.append(w_index[:, u - d])
                val.append(works)
        limit = budgets[: t + 1].sum() if problem.carry_over else budgets[t]
        if idx:
            rows.append((np.concatenate(idx), np.concatenate(val), -np.inf, limit))
    # implied knapsacks on x (acquisitions fit in the acquisition years, works in the works years unless
    # money carries over from earlier years, both in the whole budget): redundant for the model, they give
    # HiGHS the knapsack structure for its cover cuts
    rows.append((x_index, acq, -np.inf, budgets[:slots].sum()))
    if not problem.carry_over:
        rows.append((x_index, works, -np.inf, budgets[d:].sum()))
    rows.append((x_index, acq + works, -np.inf, budgets.sum()))
    for g, sites in enumerate(groups):
        rows.append((np.r_[y_index[g], x_index[list(sites)]], np.r_[1.0, -np.ones(len(sites))], -np.inf, 0.0))
    model = _Model(c, lower, upper, integrality, rows, a_index, w_index, x_index, cost_scale, gain_scale)
    return model


def _solve(model: _Model, time_limit: float, extra_rows=(), objective=None, solver=None):
    """HiGHS on the model; an "infeasible" answer is checked again without presolve: the HiGHS of scipy
    1.10 (Debian 12) can wrongly find a model infeasible after presolve (seen on the second solve, whose
    first solve's programme is feasible by construction)."""
    started = time.perf_counter()
    res = _solve_once(model, time_limit, extra_rows, objective, presolve=True, solver=solver)
    if res.status == 2:
        remaining = time_limit - (time.perf_counter() - started)
        res = _solve_once(model, max(remaining, 0.05), extra_rows, objective, presolve=False, solver=solver)
    return res


def _solve_once(model: _Model, time_limit: float, extra_rows, objective, presolve: bool, solver=None):
    """One HiGHS solve; through ``solver`` (a :class:`~core.costs.milp_process.MilpProcess`, which a
    cancel stops) when given, else in this process."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix

    rows = list(model.rows) + list(extra_rows)
    indptr = np.cumsum([0] + [len(r[0]) for r in rows])
    indices = np.concatenate([r[0] for r in rows]).astype(np.int64)
    data = np.concatenate([r[1] for r in rows]).astype(float)
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), model.c.size))
    lo = np.array([r[2] for r in rows], dtype=float)
    hi = np.array([r[3] for r in rows], dtype=float)
    options = {"time_limit": max(float(time_limit), 0.05), "mip_rel_gap": 0.0, "disp": False, "presolve": presolve}
    if solver is not None:
        return solver.milp(model.c if objective is None else objective, model.integrality, model.lower, model.upper,
                           matrix, lo, hi, options)
    return milp(model.c if objective is None else objective, integrality=model.integrality,
                bounds=Bounds(model.lower, model.upper), constraints=LinearConstraint(matrix, lo, hi), options=options)


def _schedule(problem: Problem, model: _Model, x: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    n = problem.n
    acq_year = -np.ones(n, dtype=int)
    works_year = -np.ones(n, dtype=int)
    for i in range(n):
        a = x[model.a_index[i]]
        w = x[model.w_index[i]]
        if a.max(initial=0) > 0.5 and w.max(initial=0) > 0.5:
            acq_year[i] = int(np.argmax(a))
            works_year[i] = int(np.argmax(w)) + problem.delay
    return acq_year, works_year


def timing_weights(problem: Problem) -> np.ndarray:
    """ω_i = 1 + own gain / largest own gain (1 when no site gains anything)."""
    own = np.maximum(problem.own_gain(), 0.0)
    top = own.max(initial=0.0)
    return 1.0 + own / top if top > 0 else np.ones(problem.n)


def open_early(problem: Problem, acq_year: np.ndarray, works_year: np.ndarray, omega: np.ndarray):
    """Each place opened earlier when the budgets allow, one site at a time (largest ω first, then index),
    until no site moves: the timing when the second solve could not run to the end."""
    acq_year, works_year = acq_year.copy(), works_year.copy()
    order = sorted(np.flatnonzero(works_year >= 0), key=lambda i: (-omega[i], i))
    moved = True
    while moved:
        moved = False
        for i in order:
            done = False
            for t in range(problem.delay, int(works_year[i])):
                for s in range(t - problem.delay, -1, -1):
                    trial_a, trial_w = acq_year.copy(), works_year.copy()
                    trial_a[i], trial_w[i] = s, t
                    acq, works = problem.spend(trial_a, trial_w)
                    if problem.budget_ok(acq + works):
                        acq_year, works_year, moved, done = trial_a, trial_w, True, True
                        break
                if done:
                    break
    return acq_year, works_year


def acquire_late(problem: Problem, acq_year: np.ndarray, works_year: np.ndarray) -> np.ndarray:
    """Each acquisition moved as late as its works and the budgets allow (sites by works year, then
    index); works years, costs per site and the objective do not change."""
    acq_year = acq_year.copy()
    order = sorted(np.flatnonzero(works_year >= 0), key=lambda i: (works_year[i], i))
    for i in order:
        for year in range(int(works_year[i]) - problem.delay, int(acq_year[i]), -1):
            trial = acq_year.copy()
            trial[i] = year
            acq, works = problem.spend(trial, works_year)
            if problem.budget_ok(acq + works):
                acq_year = trial
                break
    return acq_year


#: Share of the time limit the first solve may use when the second one is asked (the second gets the rest).
FIRST_SOLVE_SHARE = 0.75


def solve(problem: Problem, time_limit: float = 25.0, forced: Optional[np.ndarray] = None,
          earliest: bool = True, solver=None) -> Result:
    """The optimal programme of ``problem`` (see the module's docstring); ``forced``: sites that must be
    in the programme on top of the mandatory ones (used to explain why a site was left out);
    ``earliest``: run the second solve (places open as early as possible).

    ``time_limit`` (seconds) bounds both solves together: the first may use 75 % of it, the second what
    remains. When the first is stopped, the programme is the best found and ``gap`` says how far from the
    optimum it can be at most (``bound``); the second then only keeps that objective. ``solver``: a
    :class:`~core.costs.milp_process.MilpProcess` whose child process runs the MILPs (a cancel stops it
    and raises :class:`~core.progress.Canceled`); None solves in this process."""
    started = time.perf_counter()
    n = problem.n
    empty = -np.ones(n, dtype=int)
    model = _build(problem, forced)
    mandatory = problem.mandatory if forced is None else (problem.mandatory | forced)
    if model is None:
        status = INFEASIBLE if mandatory.any() else OPTIMAL
        return Result(status, empty, empty.copy(), 0.0, 0.0, 0.0, time.perf_counter() - started,
                      message="no year for both acquisition and works")
    res = _solve(model, time_limit * (FIRST_SOLVE_SHARE if earliest else 1.0), solver=solver)
    seconds = time.perf_counter() - started
    if res.x is None:
        status = INFEASIBLE if res.status == 2 else NO_SOLUTION
        return Result(status, empty, empty.copy(), 0.0, np.inf, np.inf, seconds, int(res.get("mip_node_count") or 0),
                      message=str(res.message))
    acq_year, works_year = _schedule(problem, model, res.x)
    value = problem.objective(works_year >= 0)
    bound = -float(res.get("mip_dual_bound", res.fun)) * model.gain_scale
    gap = float(res.get("mip_gap") or 0.0)
    status = OPTIMAL if res.status == 0 else TIME_LIMIT
    result = Result(status, acq_year, works_year, value, max(bound, value), gap, seconds,
                    int(res.get("mip_node_count") or 0), message=str(res.message))
    if earliest and n:
        remaining = time_limit - (time.perf_counter() - started)
        omega = timing_weights(problem)
        timing_c = np.zeros(model.c.size)
        for i in range(n):
            timing_c[model.w_index[i]] = omega[i] * (np.arange(model.w_index.shape[1]) + problem.delay)
        current = float(sum(omega[i] * works_year[i] for i in range(n) if works_year[i] >= 0))
        if remaining > 0.05:
            if status == OPTIMAL:  # any programme as good as the optimum
                coeff_idx = np.flatnonzero(model.c)
                tolerance = OBJECTIVE_TOLERANCE * max(1.0, abs(value)) / model.gain_scale
                extra = [(coeff_idx, -model.c[coeff_idx], value / model.gain_scale - tolerance, np.inf)]
                second = _solve(model, remaining, extra_rows=extra, objective=timing_c, solver=solver)
            else:  # stopped by the time limit: the places found open earlier where the budgets allow
                second = None
            if second is None:
                result.timing_status = HEURISTIC
            else:
                result.timing_status = OPTIMAL if second.status == 0 else (TIME_LIMIT if second.x is not None else
                                                                             NO_SOLUTION)
            if second is not None and second.x is not None:
                acq2, works2 = _schedule(problem, model, second.x)
                value2 = problem.objective(works2 >= 0)
                timing2 = float(sum(omega[i] * works2[i] for i in range(n) if works2[i] >= 0))
                if value2 >= value - OBJECTIVE_TOLERANCE * max(1.0, abs(value)) and timing2 <= current + 1e-9:
                    acq_year, works_year, current = acq2, works2, timing2
                    result.objective = value2
        else:
            result.timing_status = TIME_LIMIT
        if result.timing_status != OPTIMAL:
            acq_year, works_year = open_early(problem, acq_year, works_year, omega)
            current = float(sum(omega[i] * works_year[i] for i in range(n) if works_year[i] >= 0))
        result.timing = current
    result.acq_year = acquire_late(problem, acq_year, works_year)
    result.works_year = works_year
    result.seconds = time.perf_counter() - started
    return result


# --------------------------------------------------------------------------------------------------
# explanations
# --------------------------------------------------------------------------------------------------
SELECTED = "selected"
MANDATORY = "mandatory"
EXCLUDED = "excluded"
TOO_EXPENSIVE = "too_expensive"  # the site alone cannot fit any year's budget (or the whole budget)
PHASING = "phasing"  # each cost fits some year, but not in an order the horizon and the delay allow
NO_GAIN = "no_gain"  # the site adds nothing to the objective
COVERED = "covered_by_others"  # the people it reaches are already reached by the programme's sites
MANDATORY_FIRST = "mandatory_first"  # it would fit without the mandatory sites, not with them
BUDGET = "budget"  # it fits, but the budget brings more elsewhere (loss when forced in)
TIE = "tie"  # forcing it in gives an equally good programme: left out by the tie rule
NOT_EXAMINED = "not_examined"  # left out; not examined one by one (beyond the explained candidates)


def fits_alone(problem: Problem, i: int) -> Tuple[bool, str]:
    """(True, "") when site ``i`` alone has a valid schedule, else (False, TOO_EXPENSIVE or PHASING)."""
    a, w, d, years = problem.acquisition[i], problem.works[i], problem.delay, problem.years
    budgets = problem.budgets
    limit = np.cumsum(budgets) if problem.carry_over else budgets
    tol = BUDGET_TOLERANCE * np.maximum(1.0, limit)
    for s in range(years - d):
        for t in range(s + d, years):
            if problem.carry_over:
                ok = a <= limit[s] + tol[s] and a + w <= limit[t] + tol[t]
            elif s == t:
                ok = a + w <= limit[s] + tol[s]
            else:
                ok = a <= limit[s] + tol[s] and w <= limit[t] + tol[t]
            if ok:
                return True, ""
    if years - d <= 0:
        return False, PHASING
    if problem.carry_over:
        too = a + w > limit[-1] + tol[-1]
    else:
        top = budgets.max(initial=0.0) * (1 + BUDGET_TOLERANCE) + BUDGET_TOLERANCE
        too = a > top or w > top or (d == 0 and a + w > top and years == 1)
    return False, (TOO_EXPENSIVE if too else PHASING)


@dataclass
class Explanation:
    code: str
    loss: Optional[float] = None  # objective lost when the site is forced in (BUDGET)
    displaced: Tuple[int, ...] = ()  # sites of the programme that forcing it in would remove
    marginal: Optional[float] = None  # what the site would add to the programme as it is
    exact: bool = True  # False when the forced solve was stopped by its time limit (loss approximate)


def explain(problem: Problem, result: Result, candidates: Sequence[int], time_limit: float = 5.0,
            max_examined: int = 10, progress=None, total_time: Optional[float] = None,
            solver=None) -> Dict[int, Explanation]:
    """Why each site of ``candidates`` is in or out of the programme ``result``.

    Left-out sites are examined in order of their own gain (best first); the first ``max_examined`` that
    fit alone are forced into the programme one at a time (a MILP each, ``time_limit`` seconds, and all
    of them within ``total_time`` seconds when given) to tell the budget from the mandatory sites and to
    measure the loss; the others get NOT_EXAMINED. ``solver``: where the MILPs run (see :func:`solve`).
    """
    started = time.perf_counter()
    out: Dict[int, Explanation] = {}
    selected = result.selected
    base = problem.objective(selected)
    own = problem.own_gain()
    examined = 0
    order = sorted(candidates, key=lambda i: (-own[i], i))
    for count, i in enumerate(order):
        if progress is not None:
            progress.check()
            progress.set(count / max(len(order), 1))
        if selected[i]:
            marginal = base - problem.objective(selected & (np.arange(problem.n) != i))
            out[i] = Explanation(MANDATORY if problem.mandatory[i] else SELECTED, marginal=marginal)
            continue
        if problem.excluded[i]:
            out[i] = Explanation(EXCLUDED)
            continue
        ok, why = fits_alone(problem, i)
        with_i = selected.copy()
        with_i[i] = True
        marginal = problem.objective(with_i) - base
        if not ok:
            out[i] = Explanation(why, marginal=marginal)
            continue
        tol = OBJECTIVE_TOLERANCE * max(1.0, abs(base))
        if own[i] <= tol:
            out[i] = Explanation(NO_GAIN, marginal=marginal)
            continue
        if marginal <= tol:
            out[i] = Explanation(COVERED, marginal=marginal)
            continue
        left = None if total_time is None else total_time - (time.perf_counter() - started)
        if examined >= max_examined or (left is not None and left < 0.2):
            out[i] = Explanation(NOT_EXAMINED, marginal=marginal)
            continue
        examined += 1
        forced = np.zeros(problem.n, bool)
        forced[i] = True
        limit = time_limit if left is None else min(time_limit, left)
        trial = solve(problem, time_limit=limit, forced=forced, earliest=False, solver=solver)
        if trial.status in (INFEASIBLE, NO_SOLUTION):
            code = MANDATORY_FIRST if problem.mandatory.any() else BUDGET
            out[i] = Explanation(code, marginal=marginal)
            continue
        loss = base - trial.objective
        exact = trial.status == OPTIMAL and result.status == OPTIMAL
        if loss <= tol:
            out[i] = Explanation(TIE, loss=0.0, marginal=marginal, exact=exact)
        else:
            displaced = tuple(int(j) for j in np.flatnonzero(selected & ~trial.selected))
            out[i] = Explanation(BUDGET, loss=loss, displaced=displaced, marginal=marginal, exact=exact)
    return out


def opening_order(problem: Problem, result: Result) -> List[int]:
    """Sites of the programme by works year, acquisition year, own gain (largest first), index."""
    own = problem.own_gain()
    chosen = np.flatnonzero(result.selected)
    return sorted((int(i) for i in chosen), key=lambda i: (result.works_year[i], result.acq_year[i], -own[i], i))


def gains_in_order(problem: Problem, order: Sequence[int]) -> Tuple[np.ndarray, np.ndarray]:
    """(objective added, people added) by each site of ``order`` given those before it: the
    contributions sum to the programme's objective and population."""
    gains, people = [], []
    chosen: List[int] = []
    value = pop = 0.0
    for i in order:
        chosen.append(i)
        new_value = problem.objective(chosen)
        new_pop = problem.population(chosen) if problem.cover is not None else 0.0
        gains.append(new_value - value)
        people.append(new_pop - pop)
        value, pop = new_value, new_pop
    return np.asarray(gains, dtype=float), np.asarray(people, dtype=float)
