"""Plain sentences, in French and in English, saying why a site scores what it scores.

« Coworking 82/100 : arrêt Gare à 350 m, PTAL 4 (24 départs/h à moins de 500 m), 12 400 habitants à
15 min à pied ; point faible : 120 m² de bâti »

Why built from the profile's phrases: each criterion carries its own sentence fragments (with the facts
to quote), so a criterion added to an edited profile explains itself too. The strengths are the
criteria that add the most to the score (value ≥ ``strength_min``, by weight × value), the weak points
those that cost the most (value ≤ ``weakness_max``, by weight × (1 − value)); blocking rules (exclusion,
cap) are always named. Numbers follow each language's conventions: a no-break space between thousands
and before units in French ("12 400 habitants", "350 m", "1,2 km"), commas in English ("12,400").
"""

from __future__ import annotations

import math
import re
from typing import List, Mapping, Optional, Sequence

from ..text import without_parentheses
from .profile import Criterion, Profile
from .score import SiteScore, UseScore

NBSP = "\u00a0"
#: Strengths and weak points quoted at most.
MAX_STRENGTHS = 3
MAX_WEAKNESSES = 2
#: Below this reliability (%) the sentence says which criteria had no data.
LOW_RELIABILITY = 70.0
MAX_MISSING_NAMED = 3

_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?\}")

#: English wording of CNIG coded values quoted in sentences (French: the value itself).
CNIG_EN = {
    "friche potentielle": "potential brownfield",
    "friche sans projet": "brownfield without a project",
    "friche avec projet": "brownfield with a project",
    "friche reconvertie": "reconverted brownfield",
    "dégradation inexistante ou faible": "little or no decay",
    "dégradation moyenne": "moderate decay",
    "dégradation très importante": "severe decay",
    "dégradation hétérogène": "uneven decay",
    "amiante": "asbestos",
    "plomb": "lead",
    "pollution inexistante": "no pollution",
    "pollution traitée": "pollution treated",
    "pollution peu probable": "pollution unlikely",
    "pollution supposée": "suspected pollution",
    "pollution avérée": "proven pollution",
    "sans objet": "not applicable",
    "autre": "other",
    "inconnu": "unknown",
}
#: Field-specific wording (field, value) -> (fr, en), before CNIG_EN.
FIELD_VALUES = {
    ("bati_pollution", "sans objet"): ("aucune", "none"),
    ("bati_pollution", "autre"): ("autre pollution", "other pollution"),
    ("bati_etat", "sans objet"): ("pas de bâti", "no building"),
}
COMPAT = {
    "compatible": ("compatible", "compatible"),
    "conditional": ("admis sous conditions", "allowed under conditions"),
    "incompatible": ("incompatible", "incompatible"),
    "unknown": ("inconnue", "unknown"),
}
OWNER = {"public": ("public", "public"), "mixed": ("public et privé", "public and private"),
         "private": ("privé", "private")}
MODE = {"walk": ("à pied", "on foot"), "bike": ("à vélo", "by bike"), "car": ("en voiture", "by car")}


class _Missing(Exception):
    pass


# -- numbers ----------------------------------------------------------------------------------------------

def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """``12 400`` / ``12,400``; ``1,5`` / ``1.5`` (no-break space between French thousands)."""
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)
    return text


def _round_to(value: float, step: float) -> float:
    return math.floor(value / step + 0.5) * step


def format_distance(metres: float, lang: str) -> str:
    """"85 m", "240 m" (10 m steps from 100 m), "1,2 km" / "1.2 km", "14 km"."""
    metres = max(float(metres), 0.0)
    if metres < 100:
        text = format_number(_round_to(metres, 5), lang)
        return f"{text}{NBSP}m"
    if metres < 995:
        return f"{format_number(_round_to(metres, 10), lang)}{NBSP}m"
    km = metres / 1000.0
    if km < 9.95:
        return f"{format_number(km, lang, 1)}{NBSP}km"
    return f"{format_number(_round_to(km, 1), lang)}{NBSP}km"


def format_population(value: float, lang: str) -> str:
    """Rounded as a planner would quote it: to 100 from 1,000, to 10 from 100."""
    value = max(float(value), 0.0)
    if value >= 1000:
        value = _round_to(value, 100)
    elif value >= 100:
        value = _round_to(value, 10)
    return format_number(round(value), lang)


def format_area(m2: float, lang: str) -> str:
    """"120 m²", "4 580 m²", "5,2 ha" from 10,000 m²."""
    m2 = max(float(m2), 0.0)
    if m2 >= 10000:
        return f"{format_number(m2 / 10000.0, lang, 1)}{NBSP}ha"
    if m2 >= 1000:
        m2 = _round_to(m2, 10)
    return f"{format_number(round(m2), lang)}{NBSP}m²"


def _value_text(field: str, value, spec: Optional[str], lang: str) -> str:
    en = lang != "fr"
    if spec == "m":
        return format_distance(value, lang)
    if spec == "pop":
        return format_population(value, lang)
    if spec == "m2":
        return format_area(value, lang)
    if spec == "int":
        return format_number(round(float(value)), lang)
    if spec == "pct":
        return f"{format_number(round(float(value)), lang)}{NBSP if lang == 'fr' else ''}%"
    if spec == "compat":
        pair = COMPAT.get(str(value))
        return pair[en] if pair else str(value)
    if spec == "owner":
        pair = OWNER.get(str(value))
        return pair[en] if pair else str(value)
    if spec == "mode":
        pair = MODE.get(str(value))
        return pair[en] if pair else str(value)
    if spec == "cnig":
        pair = FIELD_VALUES.get((field, str(value)))
        if pair:
            return pair[en]
        return CNIG_EN.get(str(value), str(value)) if en else str(value)
    if isinstance(value, float):
        return format_number(value, lang, 0 if value.is_integer() else 1)
    return str(value)


def fill(template: str, facts: Mapping, lang: str) -> str:
    """``template`` with ``{fact}`` / ``{fact:spec}`` replaced; raises _Missing when a fact has no data.

    Specs: ``m`` (distance), ``pop`` (population), ``m2`` (area), ``int``, ``pct``, ``compat``,
    ``owner``, ``mode``, ``cnig`` (a CNIG coded value, in English when ``lang`` is "en").
    """
    def replace(match):
        name, spec = match.group(1), match.group(2)
        value = facts.get(name)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise _Missing(name)
        if isinstance(value, str) and not value.strip():
            raise _Missing(name)
        try:
            return _value_text(name, value, spec, lang)
        except (TypeError, ValueError) as exc:
            raise _Missing(name) from exc

    return _PLACEHOLDER.sub(replace, template)


def first_filled(templates: Sequence[str], facts: Mapping, lang: str) -> Optional[str]:
    """The first template whose facts all have data, filled ("" is a deliberate silence); None if none."""
    for template in templates:
        try:
            return fill(template, facts, lang)
        except _Missing:
            continue
    return None


# -- sentences --------------------------------------------------------------------------------------------

def _phrase(criterion: Criterion, kind: str, part: Optional[str], facts: Mapping, lang: str) -> str:
    text = first_filled(criterion.phrases(kind, lang, part), facts, lang)
    if text is None:
        label = criterion.label(lang)
        label = label[:1].lower() + label[1:]
        if lang == "fr":
            text = f"{label} favorable" if kind == "good" else f"{label} défavorable"
        else:
            text = f"{label}: good" if kind == "good" else f"{label}: poor"
    return text


def _rule_text(profile: Profile, rule_id: str, facts: Mapping, lang: str) -> str:
    rule = profile.rule(rule_id)
    if rule is None:
        return rule_id
    filled = first_filled(rule.texts(lang), facts, lang)
    return filled if filled is not None else rule.label(lang)


def strengths_and_weaknesses(profile: Profile, result: UseScore):
    """``([criterion ids], [criterion ids])``: the main strengths and weak points, most important first."""
    use = profile.use(result.use)
    order = {c.id: i for i, c in enumerate(use.criteria)}
    good, bad = [], []
    for cid, value in result.values.items():
        weight = float(result.weights.get(cid, 0.0) or 0.0)
        if value is None or weight <= 0 or use.criterion(cid) is None:
            continue
        if value >= profile.strength_min:
            good.append((-weight * value, order.get(cid, 999), cid))
        elif value <= profile.weakness_max:
            bad.append((-weight * (1.0 - value), order.get(cid, 999), cid))
    return [c for *_k, c in sorted(good)], [c for *_k, c in sorted(bad)]


def _typography(text: str, lang: str) -> str:
    """No-break spaces between a number and its unit, and in French before « : » and « ; » (the profile's
    phrases are typed with plain spaces)."""
    text = re.sub(r"(\d) (m|km|m²|ha|min|h|%)(?![\w²])", "\\1" + NBSP + "\\2", text)
    if lang != "fr":
        return text
    return re.sub(r" ([:;])", NBSP + r"\1", text)


def _short(label: str) -> str:
    """A criterion label inside a sentence: lower-case start, no parenthesis ("quartier prioritaire")."""
    label = without_parentheses(label).strip()
    return label[:1].lower() + label[1:]


def _join(items: List[str], lang: str) -> str:
    return ", ".join(items)


def explain_use(profile: Profile, result: UseScore, facts: Mapping, lang: str = "fr") -> str:
    """One sentence on one use: score, main strengths, weak points, blocking rules, missing data."""
    use = profile.use(result.use)
    label = use.label(lang)
    colon = f"{NBSP}: " if lang == "fr" else ": "
    semicolon = f"{NBSP}; " if lang == "fr" else "; "
    if result.excluded:
        reasons = _join([_rule_text(profile, r, facts, lang) for r in result.excluded], lang)
        word = "usage exclu" if lang == "fr" else "use excluded"
        return _typography(f"{label}{colon}{word} ({reasons})", lang)
    header = f"{label} {format_number(round(result.score), lang)}/100"
    if result.caps:
        reasons = _join([_rule_text(profile, r, facts, lang) for r in result.caps], lang)
        word = "plafonné" if lang == "fr" else "capped"
        header += f" ({word}{colon}{reasons})"
    good_ids, bad_ids = strengths_and_weaknesses(profile, result)
    good = []
    for cid in good_ids:
        text = _phrase(use.criterion(cid), "good", result.parts.get(cid), facts, lang)
        if text and text not in good:
            good.append(text)
        if len(good) == MAX_STRENGTHS:
            break
    bad = []
    for cid in bad_ids:
        text = _phrase(use.criterion(cid), "bad", result.parts.get(cid), facts, lang)
        if text and text not in bad and text not in good:
            bad.append(text)
        if len(bad) == MAX_WEAKNESSES:
            break
    if good:
        body = _join(good, lang)
    elif not any(v is not None for v in result.values.values()):
        body = "aucune donnée pour noter ce site" if lang == "fr" else "no data to score this site"
    else:
        body = "aucun point fort marqué" if lang == "fr" else "no marked strength"
    text = f"{header}{colon}{body}"
    if bad:
        if lang == "fr":
            lead = "point faible" if len(bad) == 1 else "points faibles"
        else:
            lead = "weak point" if len(bad) == 1 else "weak points"
        text += f"{semicolon}{lead}{colon}{_join(bad, lang)}"
    if result.reliability < LOW_RELIABILITY and any(v is not None for v in result.values.values()):
        missing = [
            (-float(result.weights.get(c.id, 0.0) or 0.0), i, c.label(lang))
            for i, c in enumerate(use.criteria)
            if result.values.get(c.id) is None and float(result.weights.get(c.id, 0.0) or 0.0) > 0
        ]
        names = [_short(name) for *_k, name in sorted(missing)[:MAX_MISSING_NAMED]]
        more = "…" if len(missing) > MAX_MISSING_NAMED else ""
        rel = _value_text("", result.reliability, "pct", lang)
        if lang == "fr":
            text += f"{semicolon}fiabilité {rel} (sans données{colon}{', '.join(names)}{more})"
        else:
            text += f"{semicolon}reliability {rel} (no data: {', '.join(names)}{more})"
    return _typography(text, lang)


def explain_site(profile: Profile, site: SiteScore, facts: Mapping, lang: str = "fr") -> str:
    """The sentence of the site's best use, or why no use is retained."""
    if site.best_use is not None:
        return explain_use(profile, site.uses[site.best_use], facts, lang)
    colon = f"{NBSP}: " if lang == "fr" else ": "
    lead = "Aucun usage retenu" if lang == "fr" else "No use retained"
    reasons = []
    for result in site.uses.values():
        for rule_id in result.excluded:
            text = _rule_text(profile, rule_id, facts, lang)
            if text not in reasons:
                reasons.append(text)
    if not reasons:
        known = any(v is not None for r in site.uses.values() for v in r.values.values())
        if known:
            reasons = ["aucun critère favorable" if lang == "fr" else "no favourable criterion"]
        else:
            reasons = ["aucune donnée pour noter ce site" if lang == "fr" else "no data to score this site"]
    return _typography(f"{lead}{colon}{', '.join(reasons)}", lang)
