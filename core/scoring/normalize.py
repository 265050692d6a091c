"""Normalisation of a site's facts into values between 0 (unfavourable) and 1 (favourable).

Why piecewise-linear functions and lookup tables: a planner can read and edit them in the profile
("300 m → 1, 800 m → 0"), they are monotone by construction when the points are, and they need no
statistics of the other sites, so a site's value never changes because another site was added.

A specification is a dict:

- ``{"type": "linear", "fact": "nearest_stop_m", "points": [[300, 1], [800, 0]]}``: linear
  interpolation between points (x increasing); constant before the first and after the last point.
- ``{"type": "categorical", "fact": "ptal", "map": {"0": 0, "1a": 0.2, ...}, "default": null}``: the
  value of the fact looked up case- and accent-insensitively; a value not in the map gives ``default``
  (null: the criterion has no data for the site).
- ``{"type": "max", "parts": [spec, ...]}`` / ``{"type": "min", ...}``: the best (worst) of the parts
  that have data. Each part may carry an ``"id"`` (reported as the part that decided) and a
  ``"factor"`` multiplying its value.

Any spec may carry a ``"factor"``. A fact that is None (or NaN) means "no data".
"""

from __future__ import annotations

import math
from typing import Any, Mapping, Optional, Tuple

from ..cnig_friches import fold

TYPES = ("linear", "categorical", "max", "min")


class SpecError(ValueError):
    """A normalisation spec that cannot be used; the message names the offending part."""


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def piecewise(x: float, points) -> float:
    """Linear interpolation through ``points`` [(x, y), ...] with x increasing; flat outside."""
    if x <= points[0][0]:
        return float(points[0][1])
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x <= x1:
            if x1 == x0:
                return float(y1)
            return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
    return float(points[-1][1])


def _number(value) -> Optional[float]:
    if _missing(value):
        return None
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def category_key(value) -> str:
    """How a categorical fact is compared with the keys of a map: folded text, booleans as true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fold(str(value))


def normalize(spec: Mapping[str, Any], facts: Mapping[str, Any]) -> Tuple[Optional[float], Optional[str]]:
    """``(value in [0, 1] or None, id of the deciding part or None)`` of ``spec`` for ``facts``."""
    kind = spec["type"]
    part = spec.get("id")
    if kind == "linear":
        x = _number(facts.get(spec["fact"]))
        value = None if x is None else piecewise(x, spec["points"])
    elif kind == "categorical":
        raw = facts.get(spec["fact"])
        if _missing(raw):
            value = None
        else:
            folded = spec.get("_folded")
            if folded is None:
                folded = {category_key(k): v for k, v in spec["map"].items()}
            value = folded.get(category_key(raw), spec.get("default"))
            value = None if value is None else float(value)
    elif kind in ("max", "min"):
        results = [normalize(sub, facts) for sub in spec["parts"]]
        results = [(v, p) for v, p in results if v is not None]
        if not results:
            value = None
        else:
            best = results[0]  # the first part wins ties
            for item in results[1:]:
                if (item[0] > best[0]) if kind == "max" else (item[0] < best[0]):
                    best = item
            value, part = best[0], best[1] or part
    else:  # pragma: no cover - check_spec refuses it
        raise SpecError(f"unknown normalisation type {kind!r}")
    if value is not None:
        value = value * float(spec.get("factor", 1.0))
        value = min(1.0, max(0.0, value))
    return value, part


def spec_facts(spec: Mapping[str, Any]) -> list:
    """The fact names a spec reads, in order, without repeats."""
    out = []
    if spec.get("type") in ("max", "min"):
        for sub in spec.get("parts", ()):
            for name in spec_facts(sub):
                if name not in out:
                    out.append(name)
    elif "fact" in spec:
        out.append(spec["fact"])
    return out


def resolve(spec: Mapping[str, Any], use: str) -> dict:
    """A copy of ``spec`` with ``{use}`` replaced in fact names and categorical keys pre-folded."""
    out = dict(spec)
    if "fact" in out:
        out["fact"] = str(out["fact"]).replace("{use}", use)
    if out.get("type") in ("max", "min"):
        out["parts"] = [resolve(sub, use) for sub in out.get("parts", ())]
    if out.get("type") == "categorical":
        out["_folded"] = {category_key(k): v for k, v in out.get("map", {}).items()}
    return out


def check_spec(spec, where: str) -> None:
    """Raise :class:`SpecError` naming ``where`` when ``spec`` is not a usable normalisation."""
    if not isinstance(spec, Mapping):
        raise SpecError(f"{where}: a normalisation must be an object with a 'type'")
    kind = spec.get("type")
    if kind not in TYPES:
        raise SpecError(f"{where}.type: {kind!r} is not one of {', '.join(TYPES)}")
    factor = spec.get("factor", 1.0)
    if not isinstance(factor, (int, float)) or isinstance(factor, bool) or not 0 <= factor <= 1:
        raise SpecError(f"{where}.factor: must be a number between 0 and 1")
    if kind in ("linear", "categorical"):
        fact = spec.get("fact")
        if not isinstance(fact, str) or not fact.strip():
            raise SpecError(f"{where}.fact: the name of a fact is required")
    if kind == "linear":
        points = spec.get("points")
        if not isinstance(points, (list, tuple)) or len(points) < 2:
            raise SpecError(f"{where}.points: at least two [x, y] points are required")
        previous = None
        for i, point in enumerate(points):
            if (not isinstance(point, (list, tuple)) or len(point) != 2
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in point)):
                raise SpecError(f"{where}.points[{i}]: must be [x, y] numbers")
            if not 0 <= point[1] <= 1:
                raise SpecError(f"{where}.points[{i}]: y must be between 0 and 1")
            if previous is not None and point[0] < previous:
                raise SpecError(f"{where}.points[{i}]: x values must increase")
            previous = point[0]
    elif kind == "categorical":
        mapping = spec.get("map")
        if not isinstance(mapping, Mapping) or not mapping:
            raise SpecError(f"{where}.map: a non-empty object {{value: score}} is required")
        for key, value in mapping.items():
            if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)
                                      or not 0 <= value <= 1):
                raise SpecError(f"{where}.map[{key!r}]: must be a number between 0 and 1 (or null)")
        default = spec.get("default")
        if default is not None and (not isinstance(default, (int, float)) or not 0 <= default <= 1):
            raise SpecError(f"{where}.default: must be a number between 0 and 1 or null")
    else:
        parts = spec.get("parts")
        if not isinstance(parts, (list, tuple)) or not parts:
            raise SpecError(f"{where}.parts: a non-empty list of normalisations is required")
        for i, sub in enumerate(parts):
            check_spec(sub, f"{where}.parts[{i}]")
