"""Shared settings and bookkeeping of the property-based suite (tests/unit/test_fuzz_parsers.py,
tests/qgis/test_fuzz_algorithms.py).

Two hypothesis profiles:
- ``bounded`` (the default, what ``make test`` runs): derandomized, so every run tries the same cases, and
  few enough of them that the whole suite stays within a minute or two;
- ``campaign`` (``FRICHES_FUZZ=campaign``, what ``make fuzz`` runs): random cases, ``FRICHES_FUZZ_SCALE``
  times more of them (20 by default).

Every case goes through :func:`case`, which checks the invariants shared by all families (it ends within
its bound; the only exception is the expected one, with a message and no Python traceback in it) and
counts it by family and outcome. With ``FRICHES_FUZZ_REPORT=path`` the counts are written there as JSON at
exit, for scripts/fuzz_campaign.py to turn into docs/reliability.md.
"""

from __future__ import annotations

import atexit
import json
import os
import time
from collections import defaultdict
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

CAMPAIGN = os.environ.get("FRICHES_FUZZ", "") == "campaign"
SCALE = int(os.environ.get("FRICHES_FUZZ_SCALE", "20")) if CAMPAIGN else 1
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture,
           HealthCheck.filter_too_much, HealthCheck.large_base_example]

settings.register_profile("bounded", derandomize=True, deadline=None, database=None, print_blob=True,
                          suppress_health_check=_HEALTH)
settings.register_profile("campaign", derandomize=False, deadline=None, database=None, print_blob=True,
                          suppress_health_check=_HEALTH)
settings.load_profile("campaign" if CAMPAIGN else "bounded")

#: Words of a raw Python error that must never reach the user.
TRACEBACK_MARKS = ("Traceback (most recent call last)",)

COUNTS = defaultdict(lambda: {"cases": 0, "ran": 0, "refused": 0, "failures": 0, "slowest_s": 0.0})


def examples(n: int) -> settings:
    """Hypothesis settings for ``n`` cases in ``make test`` (``n * SCALE`` in the campaign)."""
    return settings(max_examples=max(1, n * SCALE))


class Outcome:
    """What a case ended in: ``ran`` (it produced a result) or ``refused`` (the expected error)."""

    def __init__(self):
        self.refused = None

    def refuse(self, exc: BaseException) -> None:
        self.refused = exc


@contextmanager
def case(family: str, bound_s: float, expected=()):
    """One case of ``family``: ``expected`` exceptions count as a clear refusal (their message must be
    text without a Python traceback); anything else, or a case longer than ``bound_s``, is a failure."""
    counts = COUNTS[family]
    counts["cases"] += 1
    outcome = Outcome()
    start = time.perf_counter()
    try:
        yield outcome
    except expected as exc:
        message = str(exc)
        if not message.strip() or any(mark in message for mark in TRACEBACK_MARKS):
            counts["failures"] += 1
            raise AssertionError(f"{family}: unclear message {message[:300]!r}") from exc
        outcome.refuse(exc)
    except BaseException:
        counts["failures"] += 1
        raise
    took = time.perf_counter() - start
    counts["slowest_s"] = max(counts["slowest_s"], took)
    if took > bound_s:
        counts["failures"] += 1
        raise AssertionError(f"{family}: a case took {took:.1f} s (bound {bound_s} s)")
    counts["refused" if outcome.refused is not None else "ran"] += 1


def _write_report():
    path = os.environ.get("FRICHES_FUZZ_REPORT")
    if not path or not COUNTS:
        return
    old = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            old = json.load(fh)
    for family, counts in COUNTS.items():
        merged = old.setdefault(family, {"cases": 0, "ran": 0, "refused": 0, "failures": 0, "slowest_s": 0.0})
        for key in ("cases", "ran", "refused", "failures"):
            merged[key] += counts[key]
        merged["slowest_s"] = max(merged["slowest_s"], counts["slowest_s"])
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(old, fh, indent=1, sort_keys=True)


atexit.register(_write_report)
