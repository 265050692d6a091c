"""Compatibility of tiers-lieux uses with a site's zoning, from an editable rules table.

Why a table: what a PLU allows is a planner's judgement as much as a rule, and it varies between
territories. The default judgement ships as ``resources/zoning/compatibility_rules.csv`` (documented in
``resources/zoning/README.md``); a team edits a copy and passes it to ``friches:zoning_overlay``
(parameter RULES). This module reads the table, checks it, and evaluates it.

The table (a CSV; leading ``#`` lines are comments) has the columns
``priority, use, zone, condition, result, reason_fr, reason_en``:

- ``use``: ``coworking``, ``fablab``, ``mediation``, several joined by ``|``, or ``*``.
- ``zone``: zone families ``u``, ``auc``, ``aus``, ``a``, ``n``, ``none`` (not covered: RNU, outside
  the layer) and/or zone types (``ZC``, ``ZCa``, ``ZnC``, ``RNU``...) joined by ``|``, or ``*``.
- ``condition``: empty (always), or terms joined by ``&``, each optionally negated by ``!``:
  ``dest_oui:53|34``, ``dest_cdt:…``, ``dest_non:…`` (one of these DestinationType codes, or its parent
  destination, is allowed / conditional / forbidden by the zone's DESTOUI / DESTCDT / DESTNON; a code
  listed itself beats its parent destination, and a code listed in several fields counts as the
  strictest), ``dest_mixed:…`` (one code allowed or conditional and another forbidden),
  ``stecal`` (a STECAL, prescription 16-03, on the site), ``psc:05`` / ``psc:05-02`` / ``psc:05>=10``
  (a prescription of that code on the site, covering at least 10 % of it), ``inf:…`` (the same for
  informations), ``formdomi:01`` (FORMDOMI starts with 01), ``destdomi:01``.
- ``result``: ``compatible``, ``conditional``, ``incompatible`` or ``unknown``.
- ``reason_fr`` / ``reason_en``: the explanation written in the output, in the user's language, with
  placeholders ``{zone}`` (LIBELLE), ``{zone_type}``, ``{codes}`` (the codes that matched, with labels),
  ``{codes_allowed}``, ``{codes_forbidden}``, ``{psc}`` (label of the matched prescription), ``{share}``
  (its share of the site), ``{formdomi}``, ``{destdomi}`` (labels).

For each use, rules are tried by increasing priority (then file order): the first whose use, zone and
condition all match gives the result. The zone is the site's dominant zone; another zone covering at
least ``OTHER_ZONE_PCT`` of the site whose own result differs is reported beside it.

Pure Python: no Qt, no QGIS. Errors are :class:`RulesError` with a code and parameters.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from ..cnig_friches import fold
from ..encoding import read_text
from .codes import (
    FAMILIES,
    NOT_COVERED,
    RESOURCES,
    _read_table,
    describe_destinations,
    destination_label,
    normalise_code,
    parent_destination,
    prescription_label,
)
from .overlay import STATUS_NO_GEOMETRY, SiteZoning, format_pct

RULES_PATH = RESOURCES / "compatibility_rules.csv"

USES = ("coworking", "fablab", "mediation")
RESULTS = ("compatible", "conditional", "incompatible", "unknown")
COLUMNS = ("priority", "use", "zone", "condition", "result", "reason_fr", "reason_en")
#: Another zone covering at least this share of a site is evaluated too and reported when its result
#: differs from the dominant zone's.
OTHER_ZONE_PCT = 20.0

_TERM = re.compile(
    r"^(?P<neg>!?)\s*(?P<key>[a-z_]+)(?::(?P<arg>[0-9a-z|.\-]*?))?(?:\s*>=\s*(?P<pct>[0-9]+(?:\.[0-9]+)?))?$",
    re.IGNORECASE,
)
_DEST_KEYS = ("dest_oui", "dest_cdt", "dest_non", "dest_mixed")
_KEYS = (*_DEST_KEYS, "stecal", "psc", "inf", "formdomi", "destdomi", "always")


class RulesError(Exception):
    """The rules table cannot be used: ``code`` names the problem, ``params`` its details (path, line,
    column, value)."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Term:
    key: str
    codes: tuple = ()
    min_pct: Optional[float] = None
    negate: bool = False


@dataclass(frozen=True)
class Rule:
    priority: float
    uses: frozenset  # empty = any
    zones: frozenset  # folded tokens; empty = any
    terms: tuple
    result: str
    reason_fr: str
    reason_en: str
    line: int = 0
    order: int = 0


@dataclass
class ZoneContext:
    """What the rules look at: the zone, its destination codes, the site's prescriptions."""

    family: Optional[str]
    zone_type: str = ""
    zone: str = ""
    dest_oui: tuple = ()
    dest_cdt: tuple = ()
    dest_non: tuple = ()
    formdomi: str = ""
    destdomi: str = ""
    prescriptions: Sequence = ()  # (code, subcode, pct or None, label)
    informations: Sequence = ()


@dataclass
class Verdict:
    use: str
    result: str
    reason_fr: str
    reason_en: str
    rule: Optional[Rule] = None
    others: list = field(default_factory=list)  # (zone label, pct, result, reason_fr, reason_en)

    def reason(self, lang: str = "fr") -> str:
        return self.reason_fr if str(lang).lower().startswith("fr") else self.reason_en


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------


def _parse_term(text: str, line: int) -> Term:
    m = _TERM.match(text.strip())
    if not m:
        raise RulesError("bad_condition", line=line, value=text)
    key = m.group("key").lower()
    if key not in _KEYS:
        raise RulesError("unknown_condition", line=line, value=key)
    arg = (m.group("arg") or "").strip()
    pct = float(m.group("pct")) if m.group("pct") else None
    codes = ()
    if key in _DEST_KEYS:
        codes = tuple(normalise_code(c) for c in arg.split("|") if c.strip())
        if not codes:
            raise RulesError("missing_codes", line=line, value=text)
    elif key in ("psc", "inf", "formdomi", "destdomi"):
        if not arg:
            raise RulesError("missing_codes", line=line, value=text)
        codes = tuple(c.strip() for c in arg.split("|") if c.strip())
    elif key == "stecal":
        key, codes = "psc", ("16-03",)
    return Term(key, codes, pct, bool(m.group("neg")))


def parse_condition(text: str, line: int = 0) -> tuple:
    text = (text or "").strip()
    if not text or fold(text) == "always":
        return ()
    return tuple(_parse_term(part, line) for part in text.split("&") if part.strip())


def _tokens(text: str) -> frozenset:
    text = (text or "").strip()
    if not text or text == "*":
        return frozenset()
    return frozenset(fold(t).replace(" ", "") for t in text.split("|") if t.strip())


def read_rules(path: Optional[str] = None) -> tuple:
    """The rules of a table, sorted by priority then file order. Raises :class:`RulesError`."""
    path = str(path or RULES_PATH)
    if not Path(path).exists():
        raise RulesError("missing_file", path=path)
    try:
        rows = _read_table(path)
        text, _encoding = read_text(path)
    except (OSError, csv.Error, KeyError) as exc:
        raise RulesError("unreadable", path=path, error=str(exc)) from exc
    if not rows:
        raise RulesError("empty", path=path)
    missing = [c for c in COLUMNS if c not in rows[0]]
    if missing:
        raise RulesError("missing_columns", path=path, columns=", ".join(missing))
    # line numbers: count the comment lines skipped before the header
    skipped = 0
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            skipped += 1
        else:
            break
    rules = []
    for k, row in enumerate(rows):
        line = skipped + 2 + k
        if not any(row.values()):
            continue
        try:
            priority = float(row["priority"])
        except ValueError as exc:
            raise RulesError("bad_priority", path=path, line=line, value=row["priority"]) from exc
        result = fold(row["result"])
        if result not in RESULTS:
            raise RulesError("bad_result", path=path, line=line, value=row["result"])
        uses = _tokens(row["use"])
        unknown = [u for u in uses if u not in USES]
        if unknown:
            raise RulesError("bad_use", path=path, line=line, value=", ".join(sorted(unknown)))
        try:
            terms = parse_condition(row["condition"], line)
        except RulesError as exc:
            exc.params.setdefault("path", path)
            raise
        rules.append(Rule(priority, uses, _tokens(row["zone"]), terms, result,
                          row["reason_fr"], row["reason_en"] or row["reason_fr"], line, k))
    rules.sort(key=lambda r: (r.priority, r.order))
    return tuple(rules)


@lru_cache(maxsize=8)
def default_rules() -> tuple:
    return read_rules(str(RULES_PATH))


# --------------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------------


def destination_status(code: str, oui: Sequence[str], cdt: Sequence[str], non: Sequence[str]) -> Optional[str]:
    """"non", "cdt", "oui" or None for a DestinationType code: the code itself if listed (the strictest
    field when listed twice), else its parent destination (``53`` → ``50``)."""
    code = normalise_code(code)
    for candidate in dict.fromkeys((code, parent_destination(code))):
        if candidate in non:
            return "non"
        if candidate in cdt:
            return "cdt"
        if candidate in oui:
            return "oui"
    return None


def _code_matches(pattern: str, code: str, subcode: str) -> bool:
    pattern = pattern.strip()
    if "-" in pattern:
        p_code, p_sub = pattern.split("-", 1)
        return normalise_code(p_code) == code and normalise_code(p_sub) == subcode
    return normalise_code(pattern) == code


def _eval_term(term: Term, ctx: ZoneContext, params: dict) -> bool:
    key = term.key
    if key == "always":
        return True
    if key in _DEST_KEYS:
        status = {c: destination_status(c, ctx.dest_oui, ctx.dest_cdt, ctx.dest_non) for c in term.codes}
        allowed = [c for c, s in status.items() if s in ("oui", "cdt")]
        forbidden = [c for c, s in status.items() if s == "non"]
        if key == "dest_mixed":
            hit = bool(allowed and forbidden)
            matched = allowed + forbidden
        else:
            wanted = {"dest_oui": "oui", "dest_cdt": "cdt", "dest_non": "non"}[key]
            matched = [c for c, s in status.items() if s == wanted]
            hit = bool(matched)
        if hit:
            params["codes"] = describe_destinations(matched)
            params["codes_allowed"] = describe_destinations(allowed)
            params["codes_forbidden"] = describe_destinations(forbidden)
        return hit
    if key in ("psc", "inf"):
        items = ctx.prescriptions if key == "psc" else ctx.informations
        best = None
        for code, subcode, pct, label in items:
            if not any(_code_matches(p, code, subcode) for p in term.codes):
                continue
            if term.min_pct is not None and (pct is None or pct < term.min_pct):
                continue
            if best is None or (pct or 0) > (best[2] or 0):
                best = (code, subcode, pct, label)
        if best is not None:
            params["psc"] = best[3]
            params["share"] = format_pct(best[2]) if best[2] is not None else ""
        return best is not None
    if key == "formdomi":
        value = normalise_code(ctx.formdomi, 4)
        return bool(value) and any(value.startswith(p) for p in term.codes)
    if key == "destdomi":
        value = normalise_code(ctx.destdomi)
        return bool(value) and any(value == normalise_code(p) for p in term.codes)
    return False


def _zone_matches(rule: Rule, ctx: ZoneContext) -> bool:
    if not rule.zones:
        return True
    family = ctx.family or "none"
    zone_type = fold(ctx.zone_type or (NOT_COVERED if ctx.family is None else "")).replace(" ", "")
    return family in rule.zones or (bool(zone_type) and zone_type in rule.zones)


class _Blank(dict):
    def __missing__(self, key):
        return ""


def evaluate(rules: Sequence[Rule], use: str, ctx: ZoneContext) -> Verdict:
    """The first rule matching ``use`` and ``ctx`` (result ``unknown`` when none does)."""
    for rule in rules:
        if rule.uses and use not in rule.uses:
            continue
        if not _zone_matches(rule, ctx):
            continue
        params = _Blank(
            zone=ctx.zone or ctx.zone_type,
            zone_type=ctx.zone_type,
            formdomi=destination_label(ctx.formdomi, "FORMDOMI") or ctx.formdomi,
            destdomi=destination_label(ctx.destdomi, "DESTDOMI") or ctx.destdomi,
        )
        ok = True
        for term in rule.terms:
            if _eval_term(term, ctx, params) == term.negate:
                ok = False
                break
        if ok:
            return Verdict(use, rule.result, _fill(rule.reason_fr, params), _fill(rule.reason_en, params), rule)
    return Verdict(use, "unknown", "Aucune règle de la table ne s'applique.", "No rule of the table applies.")


def _fill(template: str, params: dict) -> str:
    try:
        return template.format_map(params)
    except (ValueError, IndexError):  # a stray brace in a hand-edited reason: keep the text as it is
        return template


def context_for(zone_share, site: SiteZoning) -> ZoneContext:
    """The rules' view of one zone of a site (None zone = the site is not covered)."""
    psc = [(h.code, h.subcode, h.pct, prescription_label(h.table, h.code, h.subcode)) for h in site.prescriptions]
    inf = [(h.code, h.subcode, h.pct, prescription_label(h.table, h.code, h.subcode)) for h in site.informations]
    if zone_share is None:
        return ZoneContext(None, NOT_COVERED, "", prescriptions=psc, informations=inf)
    zone = zone_share.zone
    return ZoneContext(
        family=zone.family,
        zone_type=zone.zone_type,
        zone=zone_share.libelle,
        dest_oui=zone.dest_oui,
        dest_cdt=zone.dest_cdt,
        dest_non=zone.dest_non,
        formdomi=zone.formdomi,
        destdomi=zone.destdomi,
        prescriptions=psc,
        informations=inf,
    )


def evaluate_site(rules: Sequence[Rule], site: SiteZoning, uses: Sequence[str] = USES,
                  other_zone_pct: float = OTHER_ZONE_PCT) -> dict:
    """``{use: Verdict}`` for a site (empty for a site without geometry). The dominant zone decides;
    other zones covering at least ``other_zone_pct`` of the site whose result differs are listed in
    ``Verdict.others``."""
    if site.status == STATUS_NO_GEOMETRY:
        return {}
    dominant = site.dominant
    ctx = context_for(dominant, site)
    others = [z for z in site.zones
              if dominant is not None and z is not dominant and z.family in FAMILIES and z.pct >= other_zone_pct]
    out = {}
    for use in uses:
        verdict = evaluate(rules, use, ctx)
        for share in others:
            other = evaluate(rules, use, context_for(share, site))
            if other.result != verdict.result:
                verdict.others.append((share.libelle, share.pct, other.result, other.reason_fr, other.reason_en))
        out[use] = verdict
    return out
