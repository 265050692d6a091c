"""Scores per use, reliability, exclusions and caps, candidates, best use and ranks.

The method, in short (details in ``resources/profiles/README.md``):

- each criterion of a use gives a value between 0 and 1 (``normalize``); a criterion without data for
  the site is left out (or takes the profile's ``missing`` value, still counted as without data);
- **score** = 100 × Σ wᵢ·vᵢ / Σ wᵢ over the criteria that have a value: a weighted mean, so a missing
  analysis neither rewards nor punishes a site, it lowers its reliability;
- **reliability** = Σ wᵢ of the criteria with data / Σ wᵢ of all the use's criteria (0–100 %);
- **rules** (hard constraints) then apply: ``exclude`` sets the use's score to 0 and bars it from being a
  candidate; ``cap`` limits the score (the lowest cap wins);
- **candidate** = not excluded, score ≥ threshold and reliability ≥ the profile's minimum;
- **best use** = the use with the highest score among the non-excluded ones (profile order on ties);
  sites are **ranked** by that best score, then reliability, then identifier.

Every step is monotone: a better value of a criterion never lowers a score, a rule never raises one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from . import USES
from .normalize import _missing, _number, category_key, normalize
from .profile import Profile

#: Version of the ``score_details`` JSON written with each site.
DETAILS_VERSION = 1


@dataclass
class UseScore:
    use: str
    score: float  # final, 0-100, after rules (0 when excluded)
    raw: float  # weighted mean before rules, 0-100 (0 when no criterion has data)
    values: Dict[str, Optional[float]]  # criterion id -> value in [0, 1] or None
    weights: Dict[str, float]
    parts: Dict[str, str] = field(default_factory=dict)  # criterion id -> deciding part
    reliability: float = 0.0  # 0-100
    cap: Optional[float] = None
    caps: List[str] = field(default_factory=list)  # rule ids that capped the score
    excluded: List[str] = field(default_factory=list)  # rule ids that excluded the use
    candidate: bool = False

    @property
    def is_excluded(self) -> bool:
        return bool(self.excluded)


@dataclass
class SiteScore:
    uses: Dict[str, UseScore]
    best_use: Optional[str]
    best_score: float
    reliability: float  # 0-100, over every use's weights


# -- rules ------------------------------------------------------------------------------------------------

def condition_holds(when: Mapping, facts: Mapping, use: str) -> bool:
    """Whether a rule condition holds for ``facts``; ``{use}`` in a fact name is the use being scored.

    A fact without data satisfies no operator but ``missing``: an unknown never triggers a rule.
    """
    if "any" in when:
        return any(condition_holds(c, facts, use) for c in when["any"])
    if "all" in when:
        return all(condition_holds(c, facts, use) for c in when["all"])
    name = str(when["fact"]).replace("{use}", use)
    value = facts.get(name)
    if "missing" in when:
        return _missing(value) == bool(when["missing"])
    if _missing(value):
        return False
    if "in" in when or "not_in" in when:
        listed = {category_key(v) for v in when.get("in", when.get("not_in", ()))}
        found = category_key(value) in listed
        return found if "in" in when else not found
    number = _number(value)
    if number is None:
        return False
    if "lte" in when:
        return number <= float(when["lte"])
    return number >= float(when["gte"])


def apply_rules(profile: Profile, use: str, facts: Mapping) -> Tuple[List[str], Optional[float], List[str]]:
    """``(excluding rule ids, cap or None, capping rule ids)`` of ``use`` for ``facts``."""
    excluded, caps, cap = [], [], None
    for rule in profile.rules_for(use):
        if not condition_holds(rule.when, facts, use):
            continue
        if rule.effect == "exclude":
            excluded.append(rule.id)
        else:
            caps.append(rule.id)
            cap = rule.cap if cap is None else min(cap, rule.cap)
    return excluded, cap, caps


# -- combining ----------------------------------------------------------------------------------------------

def combine(values: Mapping[str, Optional[float]], weights: Mapping[str, float], cap: Optional[float] = None,
            excluded: bool = False) -> Tuple[float, float, float]:
    """``(score, raw score, reliability)``, all 0-100, of criterion ``values`` with ``weights``.

    Criteria absent from ``weights`` weigh 0. A value of None (no data) is left out of the mean and of
    the reliability's numerator.
    """
    total = 0.0
    known = 0.0
    acc = 0.0
    for cid, weight in weights.items():
        weight = max(float(weight or 0.0), 0.0)
        total += weight
        value = values.get(cid)
        if value is None:
            continue
        known += weight
        acc += weight * float(value)
    raw = 100.0 * acc / known if known > 0 else 0.0
    reliability = 100.0 * known / total if total > 0 else 0.0
    score = raw
    if cap is not None:
        score = min(score, float(cap))
    if excluded:
        score = 0.0
    return score, raw, reliability


def criterion_values(profile: Profile, use: str, facts: Mapping) -> Tuple[Dict[str, Optional[float]], Dict[str, str]]:
    """Normalised value (None: no data) and deciding part of each criterion of ``use``."""
    values, parts = {}, {}
    for criterion in profile.use(use).criteria:
        value, part = normalize(criterion.normalize, facts)
        if value is None and criterion.missing is not None:
            # imputed for the mean, but still "no data" for the reliability: see score_use
            values[criterion.id] = None
            parts[criterion.id] = "__missing__"
            continue
        values[criterion.id] = value
        if part:
            parts[criterion.id] = part
    return values, parts


def _imputed(profile: Profile, use: str, values: Mapping, parts: Mapping) -> Dict[str, Optional[float]]:
    """Values with the profile's ``missing`` value put in for criteria without data that ask for it."""
    out = dict(values)
    for criterion in profile.use(use).criteria:
        if parts.get(criterion.id) == "__missing__":
            out[criterion.id] = criterion.missing
    return out


def combine_use(values: Mapping, weights: Mapping, imputed: Mapping, cap, excluded) -> Tuple[float, float, float]:
    """Like :func:`combine`, but with imputed values in the mean and not in the reliability."""
    score, raw, _rel = combine(imputed, weights, cap, excluded)
    _s, _r, reliability = combine(values, weights)
    return score, raw, reliability


def is_candidate(score: float, reliability: float, excluded: bool, threshold: float, min_reliability: float) -> bool:
    return (not excluded) and score >= threshold - 1e-9 and reliability >= min_reliability - 1e-9


def score_use(profile: Profile, use: str, facts: Mapping, weights: Optional[Mapping[str, float]] = None,
              threshold: Optional[float] = None) -> UseScore:
    """The score of ``use`` for a site described by ``facts`` (weights: the profile's unless given)."""
    weights = dict(profile.use(use).weights() if weights is None else weights)
    values, parts = criterion_values(profile, use, facts)
    imputed = _imputed(profile, use, values, parts)
    parts = {k: v for k, v in parts.items() if v != "__missing__"}
    excluded, cap, caps = apply_rules(profile, use, facts)
    score, raw, reliability = combine_use(values, weights, imputed, cap, bool(excluded))
    threshold = profile.candidate_threshold if threshold is None else threshold
    candidate = is_candidate(score, reliability, bool(excluded), threshold, profile.candidate_min_reliability)
    return UseScore(use, score, raw, values, weights, parts, reliability, cap, caps, excluded, candidate)


def best_of(uses: Mapping[str, UseScore], order: Sequence[str] = USES) -> Tuple[Optional[str], float]:
    """The best non-excluded use and its score (None, 0 when every use is excluded or scores 0)."""
    best, best_score = None, 0.0
    for use in order:
        result = uses.get(use)
        if result is None or result.is_excluded:
            continue
        if result.score > best_score + 1e-9:
            best, best_score = use, result.score
    return best, best_score


def site_reliability(uses: Mapping[str, UseScore]) -> float:
    """Share (0-100) of all the uses' weights whose criteria have data."""
    total = known = 0.0
    for result in uses.values():
        for cid, weight in result.weights.items():
            weight = max(float(weight or 0.0), 0.0)
            total += weight
            if result.values.get(cid) is not None:
                known += weight
    return 100.0 * known / total if total > 0 else 0.0


def score_site(profile: Profile, facts: Mapping, weights: Optional[Mapping[str, Mapping[str, float]]] = None,
               threshold: Optional[float] = None) -> SiteScore:
    """Every use's score of one site; ``weights`` maps a use to its criterion weights (profile's by default)."""
    weights = weights or {}
    uses = {use: score_use(profile, use, facts, weights.get(use), threshold) for use in USES}
    best, best_score = best_of(uses)
    return SiteScore(uses, best, best_score, site_reliability(uses))


# -- ranking ------------------------------------------------------------------------------------------------

def rank_order(scores: Sequence[float], reliabilities: Sequence[float], ids: Sequence[str]) -> List[int]:
    """Indices sorted best first: score descending, then reliability descending, then identifier."""
    def key(i):
        score = scores[i] if scores[i] is not None and not math.isnan(scores[i]) else -1.0
        rel = reliabilities[i] if reliabilities[i] is not None else -1.0
        # rounded so that scores recomputed from the stored details rank exactly as the originals
        return (-round(score, 3), -round(rel, 3), str(ids[i]))

    return sorted(range(len(scores)), key=key)


def ranks(scores: Sequence[float], reliabilities: Sequence[float], ids: Sequence[str]) -> List[int]:
    """Rank (1 = best) of each item, with :func:`rank_order`'s ordering (no ties: every rank is unique)."""
    out = [0] * len(scores)
    for position, i in enumerate(rank_order(scores, reliabilities, ids), start=1):
        out[i] = position
    return out


# -- details (what the dock needs to re-rank without the analyses) -------------------------------------------

def _round(value, digits=4):
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return round(value, digits)
    return value


def to_details(site: SiteScore, facts: Mapping, threshold: float, min_reliability: float) -> dict:
    """The JSON-ready record of a site's scoring: facts, values, weights, rules and the threshold."""
    uses = {}
    for use, result in site.uses.items():
        entry = {
            "c": {cid: _round(v, 6) for cid, v in result.values.items()},
            "w": {cid: _round(w) for cid, w in result.weights.items()},
        }
        if result.parts:
            entry["p"] = dict(result.parts)
        if result.cap is not None:
            entry["cap"] = result.cap
            entry["caps"] = list(result.caps)
        if result.excluded:
            entry["excl"] = list(result.excluded)
        uses[use] = entry
    clean_facts = {k: _round(v, 2) for k, v in facts.items() if v is not None and not isinstance(v, (bytes,))}
    return {"v": DETAILS_VERSION, "t": threshold, "r": min_reliability, "f": clean_facts, "u": uses}


def details_json(details: Mapping) -> str:
    return json.dumps(details, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def parse_details(text) -> Optional[dict]:
    """The details record of a ``score_details`` value, or None when empty or unreadable."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), dict):
        return None
    return data


def rescore(details: Mapping, use: str, weights: Optional[Mapping[str, float]] = None,
            missing: Optional[Mapping[str, float]] = None) -> Optional[UseScore]:
    """The score of ``use`` recomputed from a details record with new ``weights`` (no analysis re-run).

    ``missing`` gives the imputed value of criteria without data (the profile's ``missing``), if any.
    """
    entry = (details.get("u") or {}).get(use)
    if entry is None:
        return None
    values = {cid: (None if v is None else float(v)) for cid, v in (entry.get("c") or {}).items()}
    stored = {cid: float(w or 0.0) for cid, w in (entry.get("w") or {}).items()}
    if weights is None:
        weights = stored
    else:
        weights = {cid: float(weights.get(cid, stored.get(cid, 0.0))) for cid in values}
    imputed = dict(values)
    for cid, value in (missing or {}).items():
        if imputed.get(cid) is None and value is not None:
            imputed[cid] = float(value)
    cap = entry.get("cap")
    excluded = list(entry.get("excl") or [])
    score, raw, reliability = combine_use(values, weights, imputed, cap, bool(excluded))
    threshold = float(details.get("t", 60.0))
    min_reliability = float(details.get("r", 0.0))
    candidate = is_candidate(score, reliability, bool(excluded), threshold, min_reliability)
    return UseScore(use, score, raw, values, dict(weights), dict(entry.get("p") or {}), reliability, cap,
                    list(entry.get("caps") or []), excluded, candidate)
