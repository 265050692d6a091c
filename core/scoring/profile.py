"""The scoring profile: criteria, thresholds, weights and rules, read from an editable JSON file.

Why a file and not code: the choices (which criteria count, where "close to a stop" ends, how much
population matters against the building) are planning judgements that a team must be able to read,
discuss and change without touching Python. Every criterion and rule carries its rationale (French and
English) and its source, so the profile is also the method's documentation. The shipped profile is
``resources/profiles/default.json``; ``resources/profiles/README.md`` explains it.

:func:`load_profile` checks everything and raises :class:`ProfileError` with the path of the faulty
entry (``uses.coworking.criteria[2].normalize.points[1]: x values must increase``), so a typo in an
edited copy is reported before any site is scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple

from ..encoding import read_text
from . import USES
from .normalize import SpecError, check_spec, resolve, spec_facts

PROFILES_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "profiles"
DEFAULT_PROFILE = PROFILES_DIR / "default.json"

#: What a rule does to a use when its condition holds.
EFFECTS = ("exclude", "cap")
#: Operators of a rule condition on one fact.
OPERATORS = ("in", "not_in", "lte", "gte", "missing")
#: Conditions nested ("any" / "all") deeper than this are refused (a profile is read by people).
MAX_CONDITION_DEPTH = 20
#: The ``inputs`` a profile may set: key -> ("field", a layer field name) or ("metres", a positive number).
INPUTS = {
    "pop_walk_field": "field",
    "pop_car_field": "field",
    "new_pop_field": "field",
    "services_radius_m": "metres",
}
#: Largest ``services_radius_m`` (m): beyond, "services nearby" means nothing for a site.
MAX_SERVICES_RADIUS_M = 50_000.0


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class Criterion:
    id: str
    label_fr: str
    label_en: str
    weight: float
    normalize: dict
    missing: Optional[float] = None  # value used when the facts are missing (None: skipped)
    rationale_fr: str = ""
    rationale_en: str = ""
    source: str = ""
    good_fr: Tuple[str, ...] = ()
    good_en: Tuple[str, ...] = ()
    bad_fr: Tuple[str, ...] = ()
    bad_en: Tuple[str, ...] = ()
    parts_text: Mapping[str, dict] = field(default_factory=dict)  # part id -> {good_fr: [...], ...}

    @property
    def facts(self) -> list:
        return spec_facts(self.normalize)

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    def rationale(self, lang: str) -> str:
        return self.rationale_fr if lang == "fr" else self.rationale_en

    def phrases(self, kind: str, lang: str, part: Optional[str] = None) -> Tuple[str, ...]:
        """Templates of a strength (``kind`` "good") or weak point ("bad"), those of ``part`` first."""
        key = f"{kind}_{lang}"
        if part and part in self.parts_text and key in self.parts_text[part]:
            return tuple(self.parts_text[part][key])
        return tuple(getattr(self, key))


@dataclass(frozen=True)
class Use:
    id: str
    label_fr: str
    label_en: str
    criteria: Tuple[Criterion, ...]

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    def criterion(self, criterion_id: str) -> Optional[Criterion]:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        return None

    def weights(self) -> Dict[str, float]:
        return {c.id: c.weight for c in self.criteria}


@dataclass(frozen=True)
class Rule:
    id: str
    uses: Tuple[str, ...]
    when: dict
    effect: str  # "exclude" or "cap"
    cap: Optional[float] = None
    label_fr: str = ""
    label_en: str = ""
    rationale_fr: str = ""
    rationale_en: str = ""
    source: str = ""
    text_fr: Tuple[str, ...] = ()  # sentence templates quoting facts, the label when none fills
    text_en: Tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    def texts(self, lang: str) -> Tuple[str, ...]:
        return (*(self.text_fr if lang == "fr" else self.text_en), self.label(lang))


@dataclass(frozen=True)
class Profile:
    name: str
    version: str
    title_fr: str
    title_en: str
    candidate_threshold: float
    candidate_min_reliability: float  # percent
    strength_min: float
    weakness_max: float
    uses: Mapping[str, Use]
    rules: Tuple[Rule, ...]
    place_kinds: Mapping[str, Tuple[str, ...]]
    service_kinds: Mapping[str, Tuple[str, ...]]
    inputs: Mapping[str, object]
    path: str = ""

    def use(self, use_id: str) -> Use:
        return self.uses[use_id]

    def rule(self, rule_id: str) -> Optional[Rule]:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    def rules_for(self, use_id: str) -> Tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if use_id in rule.uses)

    def input(self, key: str, default=None):
        return self.inputs.get(key, default)


# -- reading ----------------------------------------------------------------------------------------------

def _text(data: Mapping, key: str, where: str, required: bool = True) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ProfileError(f"{where}.{key}: must be text")
    if required and not value.strip():
        raise ProfileError(f"{where}.{key}: is required")
    return value


def _texts(data: Mapping, key: str, where: str) -> Tuple[str, ...]:
    value = data.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}.{key}: must be a text or a list of texts")
    return tuple(value)


def _number(data: Mapping, key: str, where: str, low: float, high: float, default=None) -> float:
    value = data.get(key, default)
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ProfileError(f"{where}.{key}: must be a number between {low:g} and {high:g}")
    if not low <= value <= high:
        raise ProfileError(f"{where}.{key}: must be a number between {low:g} and {high:g}")
    return float(value)


def _criterion(data, use: str, where: str) -> Criterion:
    if not isinstance(data, Mapping):
        raise ProfileError(f"{where}: a criterion must be an object")
    cid = _text(data, "id", where)
    try:
        check_spec(data.get("normalize"), f"{where}.normalize")
    except SpecError as exc:
        raise ProfileError(str(exc)) from exc
    missing = data.get("missing", "skip")
    if missing == "skip" or missing is None:
        missing_value = None
    elif isinstance(missing, Mapping) and "value" in missing:
        missing_value = _number(missing, "value", f"{where}.missing", 0.0, 1.0)
    else:
        raise ProfileError(f"{where}.missing: must be \"skip\" or {{\"value\": a number between 0 and 1}}")
    parts_text = {}
    parts_data = data.get("parts_text") or {}
    if not isinstance(parts_data, Mapping):
        raise ProfileError(f"{where}.parts_text: must be an object {{part: phrases}}")
    for part_id, texts in parts_data.items():
        if not isinstance(texts, Mapping):
            raise ProfileError(f"{where}.parts_text.{part_id}: must be an object of phrases")
        parts_text[part_id] = {k: _texts(texts, k, f"{where}.parts_text.{part_id}") for k in texts}
    return Criterion(
        id=cid,
        label_fr=_text(data, "label_fr", where),
        label_en=_text(data, "label_en", where),
        weight=_number(data, "weight", where, 0.0, 100.0),
        normalize=resolve(data["normalize"], use),
        missing=missing_value,
        rationale_fr=_text(data, "rationale_fr", where),
        rationale_en=_text(data, "rationale_en", where),
        source=_text(data, "source", where),
        good_fr=tuple(t.replace("{use}", use) for t in _texts(data, "good_fr", where)),
        good_en=tuple(t.replace("{use}", use) for t in _texts(data, "good_en", where)),
        bad_fr=tuple(t.replace("{use}", use) for t in _texts(data, "bad_fr", where)),
        bad_en=tuple(t.replace("{use}", use) for t in _texts(data, "bad_en", where)),
        parts_text=parts_text,
    )


def check_condition(when, where: str, depth: int = 0) -> None:
    """Raise :class:`ProfileError` when a rule condition is malformed."""
    if not isinstance(when, Mapping) or not when:
        raise ProfileError(f"{where}: a condition must be an object")
    if "any" in when or "all" in when:
        key = "any" if "any" in when else "all"
        if depth >= MAX_CONDITION_DEPTH:
            raise ProfileError(f"{where}.{key}: conditions nested more than {MAX_CONDITION_DEPTH} deep")
        items = when[key]
        if not isinstance(items, (list, tuple)) or not items:
            raise ProfileError(f"{where}.{key}: must be a non-empty list of conditions")
        for i, item in enumerate(items):
            check_condition(item, f"{where}.{key}[{i}]", depth + 1)
        return
    if not isinstance(when.get("fact"), str):
        raise ProfileError(f"{where}.fact: the name of a fact is required")
    operators = [op for op in OPERATORS if op in when]
    if len(operators) != 1:
        raise ProfileError(f"{where}: exactly one of {', '.join(OPERATORS)} is required")
    op = operators[0]
    if op in ("in", "not_in") and not isinstance(when[op], (list, tuple)):
        raise ProfileError(f"{where}.{op}: must be a list of values")
    if op in ("lte", "gte") and (isinstance(when[op], bool) or not isinstance(when[op], (int, float))):
        raise ProfileError(f"{where}.{op}: must be a number")


def _rule(data, where: str) -> Rule:
    if not isinstance(data, Mapping):
        raise ProfileError(f"{where}: a rule must be an object")
    rid = _text(data, "id", where)
    uses = _texts(data, "uses", where)
    unknown = [u for u in uses if u not in USES]
    if not uses or unknown:
        raise ProfileError(f"{where}.uses: must list uses among {', '.join(USES)}")
    effect = data.get("effect")
    if effect not in EFFECTS:
        raise ProfileError(f"{where}.effect: must be one of {', '.join(EFFECTS)}")
    cap = _number(data, "cap", where, 0.0, 100.0) if effect == "cap" else None
    check_condition(data.get("when"), f"{where}.when")
    return Rule(
        id=rid, uses=uses, when=dict(data["when"]), effect=effect, cap=cap,
        label_fr=_text(data, "label_fr", where), label_en=_text(data, "label_en", where),
        rationale_fr=_text(data, "rationale_fr", where), rationale_en=_text(data, "rationale_en", where),
        source=_text(data, "source", where),
        text_fr=_texts(data, "text_fr", where), text_en=_texts(data, "text_en", where),
    )


def _kinds(data, where: str) -> Dict[str, Tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ProfileError(f"{where}: must be an object {{name: [keywords]}}")
    return {key: _texts(data, key, where) for key in data}


def _inputs(data) -> Dict[str, object]:
    """The ``inputs`` object, every value checked against :data:`INPUTS` (an unknown key is a typo)."""
    if not isinstance(data, Mapping):
        raise ProfileError("inputs: must be an object")
    out = {}
    for key, value in data.items():
        kind = INPUTS.get(key)
        if kind is None:
            raise ProfileError(f"inputs.{key}: unknown input (known: {', '.join(INPUTS)})")
        if kind == "field":
            if not isinstance(value, str) or not value.strip():
                raise ProfileError(f"inputs.{key}: must be the name of a field (text)")
            out[key] = value.strip()
        else:
            out[key] = _number(data, key, "inputs", 1.0, MAX_SERVICES_RADIUS_M)
    return out


def profile_from_dict(data, path: str = "") -> Profile:
    """Check ``data`` (the parsed JSON) and build the :class:`Profile`."""
    if not isinstance(data, Mapping):
        raise ProfileError("the profile must be a JSON object")
    uses_data = data.get("uses")
    if not isinstance(uses_data, Mapping):
        raise ProfileError("uses: an object with the uses coworking, fablab and mediation is required")
    missing_uses = [u for u in USES if u not in uses_data]
    if missing_uses:
        raise ProfileError(f"uses: the use(s) {', '.join(missing_uses)} are missing")
    uses = {}
    for use_id in USES:
        where = f"uses.{use_id}"
        use_data = uses_data[use_id]
        if not isinstance(use_data, Mapping):
            raise ProfileError(f"{where}: must be an object")
        criteria_data = use_data.get("criteria")
        if not isinstance(criteria_data, (list, tuple)) or not criteria_data:
            raise ProfileError(f"{where}.criteria: a non-empty list of criteria is required")
        criteria = tuple(_criterion(c, use_id, f"{where}.criteria[{i}]") for i, c in enumerate(criteria_data))
        ids = [c.id for c in criteria]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ProfileError(f"{where}.criteria: duplicate id(s) {', '.join(duplicates)}")
        if sum(c.weight for c in criteria) <= 0:
            raise ProfileError(f"{where}.criteria: at least one weight must be above 0")
        uses[use_id] = Use(use_id, _text(use_data, "label_fr", where), _text(use_data, "label_en", where), criteria)
    rules_data = data.get("rules", [])
    if not isinstance(rules_data, (list, tuple)):
        raise ProfileError("rules: must be a list")
    rules = tuple(_rule(r, f"rules[{i}]") for i, r in enumerate(rules_data))
    rule_ids = [r.id for r in rules]
    duplicates = sorted({i for i in rule_ids if rule_ids.count(i) > 1})
    if duplicates:
        raise ProfileError(f"rules: duplicate id(s) {', '.join(duplicates)}")
    explain = data.get("explanations", {}) or {}
    if not isinstance(explain, Mapping):
        raise ProfileError("explanations: must be an object")
    inputs = _inputs(data.get("inputs", {}) or {})
    return Profile(
        name=_text(data, "name", "profile"),
        version=str(data.get("version", "")),
        title_fr=_text(data, "title_fr", "profile", required=False),
        title_en=_text(data, "title_en", "profile", required=False),
        candidate_threshold=_number(data, "candidate_threshold", "profile", 0.0, 100.0, 60.0),
        candidate_min_reliability=_number(data, "candidate_min_reliability", "profile", 0.0, 100.0, 0.0),
        strength_min=_number(explain, "strength_min", "explanations", 0.0, 1.0, 0.6),
        weakness_max=_number(explain, "weakness_max", "explanations", 0.0, 1.0, 0.5),
        uses=uses,
        rules=rules,
        place_kinds=_kinds(data.get("place_kinds"), "place_kinds"),
        service_kinds=_kinds(data.get("service_kinds"), "service_kinds"),
        inputs=dict(inputs),
        path=path,
    )


def load_profile(path=None) -> Profile:
    """The profile of ``path`` (the shipped default when None or empty), checked."""
    path = Path(path) if path else DEFAULT_PROFILE
    try:
        text, _encoding = read_text(path)  # UTF-8, else windows-1252 (or UTF-16 with its mark)
    except OSError as exc:
        raise ProfileError(f"cannot read the profile {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError as exc:  # thousands of nested brackets
        raise ProfileError(f"{path.name}: not a profile (brackets nested too deeply)") from exc
    try:
        return profile_from_dict(data, str(path))
    except ProfileError as exc:
        raise ProfileError(f"{path.name}: {exc}") from exc
    except RecursionError as exc:
        raise ProfileError(f"{path.name}: not a profile (conditions nested too deeply)") from exc


def default_profile() -> Profile:
    return load_profile(None)
