"""The cost table: conversion works per m² by building state and use, demolition, depollution,
accessibility, energy, fees and rents, read from an editable JSON file.

Why a file and not code: costs vary by region, year and operator, and the planners who use the plugin
have their own ratios. Every value of the table carries its source and is marked indicative, so the file
is also the documentation of each figure (``resources/costs/README.md`` explains it). :func:`load_table`
checks everything and raises :class:`CostTableError` with the path of the faulty entry
(``conversion_eur_m2.dégradation moyenne.fablab.value: must be a number ≥ 0``) before any site is costed.

Pure Python (the standard library).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple

from ..cnig_friches import fold

COSTS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "costs"
DEFAULT_TABLE = COSTS_DIR / "default.json"

USES = ("coworking", "fablab", "mediation")
#: Building states of the CNIG friches standard (``bati_etat``) the table prices, "inconnu" included.
STATES = ("dégradation inexistante ou faible", "dégradation moyenne", "dégradation hétérogène",
          "dégradation très importante", "sans objet", "inconnu")
BUILDING_POLLUTIONS = ("amiante", "plomb", "autre")


class CostTableError(ValueError):
    """A cost table that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class Value:
    """One figure of the table, with its unit, sources and notes."""

    value: Optional[float]
    unit: str
    source: Tuple[str, ...]
    indicative: bool
    note_fr: str = ""
    note_en: str = ""

    def note(self, lang: str) -> str:
        return self.note_fr if lang == "fr" else self.note_en


@dataclass(frozen=True)
class CostTable:
    name: str
    version: str
    title_fr: str
    title_en: str
    warning_fr: str
    warning_en: str
    price_year: Optional[int]
    sources: Mapping[str, Mapping[str, str]]
    use_labels: Mapping[str, Tuple[str, str]]  # use -> (fr, en)
    max_floor_m2: Mapping[str, Value]
    new_build_floor_m2: Mapping[str, Value]
    rent_eur_m2_year: Mapping[str, Value]
    conversion: Mapping[str, Mapping[str, Value]]  # state -> use -> €/m²
    demolition_eur_m2: Value
    demolition_share: Mapping[str, Value]  # state -> share of the floor
    depollution_eur_m2: Value
    polluted_share: Value
    suspected_factor: Value
    building_pollution: Mapping[str, Value]
    energy_eur_m2: Value
    access_fixed: Value
    access_lift: Value
    lift_above_m2: Value
    studies_share: Value
    fees_share: Value
    unused_floor_eur_m2: Value
    path: str = ""

    def label(self, use: str, lang: str) -> str:
        fr, en = self.use_labels.get(use, (use, use))
        return fr if lang == "fr" else en

    def title(self, lang: str) -> str:
        return self.title_fr if lang == "fr" else self.title_en

    def warning(self, lang: str) -> str:
        return self.warning_fr if lang == "fr" else self.warning_en

    def source_text(self, ids) -> str:
        return "; ".join(self.sources[i]["title"] for i in ids if i in self.sources)


def state_key(value) -> str:
    """The table's state for a ``bati_etat`` value: the CNIG value (case and accents ignored), else
    "inconnu" (empty, "autre" or anything the table does not price)."""
    if value is None:
        return "inconnu"
    folded = fold(str(value))
    for state in STATES:
        if fold(state) == folded:
            return state
    return "inconnu"


def _value(data, path: str, allow_null: bool = False, sources=None) -> Value:
    if not isinstance(data, dict):
        raise CostTableError(f"{path}: expected an object with value, unit, source, indicative")
    if "value" not in data:
        raise CostTableError(f"{path}: the value is missing")
    number = data["value"]
    if number is None:
        if not allow_null:
            raise CostTableError(f"{path}.value: must be a number ≥ 0")
    elif isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0 or number != number:
        raise CostTableError(f"{path}.value: must be a number ≥ 0")
    source = data.get("source")
    if isinstance(source, str):
        source = [source]
    if not source or not isinstance(source, list):
        raise CostTableError(f"{path}.source: every value needs its source (a list of ids of 'sources')")
    if sources is not None:
        unknown = [s for s in source if s not in sources]
        if unknown:
            raise CostTableError(f"{path}.source: unknown source(s) {', '.join(map(str, unknown))}")
    if not isinstance(data.get("indicative"), bool):
        raise CostTableError(f"{path}.indicative: say true (an order of magnitude) or false (your own figure)")
    return Value(None if number is None else float(number), str(data.get("unit", "")), tuple(source),
                 bool(data["indicative"]), str(data.get("note_fr", "")), str(data.get("note_en", "")))


def _section(data, name: str):
    if name not in data or not isinstance(data[name], dict):
        raise CostTableError(f"{name}: missing section")
    return data[name]


def table_from_dict(data: dict, path: str = "") -> CostTable:
    if not isinstance(data, dict):
        raise CostTableError("the cost table must be a JSON object")
    sources = _section(data, "sources")
    for sid, source in sources.items():
        if not isinstance(source, dict) or not source.get("title"):
            raise CostTableError(f"sources.{sid}: needs a title")

    def value(item, where, allow_null=False):
        return _value(item, where, allow_null, sources)

    uses = _section(data, "uses")
    labels, max_floor, new_floor, rent = {}, {}, {}, {}
    for use in USES:
        if use not in uses:
            raise CostTableError(f"uses.{use}: missing")
        entry = uses[use]
        labels[use] = (str(entry.get("label_fr", use)), str(entry.get("label_en", use)))
        max_floor[use] = value(entry.get("max_floor_m2"), f"uses.{use}.max_floor_m2")
        new_floor[use] = value(entry.get("new_build_floor_m2"), f"uses.{use}.new_build_floor_m2")
        rent[use] = value(entry.get("rent_eur_m2_year"), f"uses.{use}.rent_eur_m2_year", allow_null=True)
    conversion_data = _section(data, "conversion_eur_m2")
    conversion = {}
    for state in STATES:
        if state not in conversion_data:
            raise CostTableError(f"conversion_eur_m2.{state}: missing")
        conversion[state] = {use: value(conversion_data[state].get(use), f"conversion_eur_m2.{state}.{use}")
                             for use in USES}
    demolition = _section(data, "demolition")
    shares = demolition.get("share_of_floor") or {}
    share = {}
    for state in STATES:
        share[state] = value(shares.get(state), f"demolition.share_of_floor.{state}")
        if share[state].value > 1:
            raise CostTableError(f"demolition.share_of_floor.{state}.value: a share between 0 and 1")
    depollution = _section(data, "depollution")
    pollution = _section(data, "building_pollution_eur_m2")
    access = _section(data, "public_access")
    table = CostTable(
        name=str(data.get("name", "")), version=str(data.get("version", "")),
        title_fr=str(data.get("title_fr", "")), title_en=str(data.get("title_en", "")),
        warning_fr=str(data.get("warning_fr", "")), warning_en=str(data.get("warning_en", "")),
        price_year=data.get("price_year"), sources=sources, use_labels=labels, max_floor_m2=max_floor,
        new_build_floor_m2=new_floor, rent_eur_m2_year=rent, conversion=conversion,
        demolition_eur_m2=value(demolition.get("eur_m2"), "demolition.eur_m2"), demolition_share=share,
        depollution_eur_m2=value(depollution.get("eur_m2"), "depollution.eur_m2"),
        polluted_share=value(depollution.get("polluted_share_of_site"), "depollution.polluted_share_of_site"),
        suspected_factor=value(depollution.get("suspected_factor"), "depollution.suspected_factor"),
        building_pollution={k: value(pollution.get(k), f"building_pollution_eur_m2.{k}") for k in BUILDING_POLLUTIONS},
        energy_eur_m2=value(data.get("energy_eur_m2"), "energy_eur_m2"),
        access_fixed=value(access.get("fixed_eur"), "public_access.fixed_eur"),
        access_lift=value(access.get("lift_eur"), "public_access.lift_eur"),
        lift_above_m2=value(access.get("lift_above_floor_m2"), "public_access.lift_above_floor_m2"),
        studies_share=value(data.get("studies_share_of_works"), "studies_share_of_works"),
        fees_share=value(data.get("acquisition_fees_share"), "acquisition_fees_share"),
        unused_floor_eur_m2=value(data.get("unused_floor_eur_m2"), "unused_floor_eur_m2"),
        path=path,
    )
    for name, item in (("depollution.polluted_share_of_site", table.polluted_share),
                       ("depollution.suspected_factor", table.suspected_factor)):
        if item.value > 1:
            raise CostTableError(f"{name}.value: a share between 0 and 1")
    return table


def load_table(path=None) -> CostTable:
    """The cost table of ``path`` (the shipped default when None or empty), checked."""
    path = Path(path) if path else DEFAULT_TABLE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CostTableError(f"cannot read the cost table {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CostTableError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    try:
        return table_from_dict(data, str(path))
    except CostTableError as exc:
        raise CostTableError(f"{path.name}: {exc}") from exc


def all_values(table: CostTable) -> Dict[str, Value]:
    """Every figure of the table by its path (for the documentation and the tests)."""
    out: Dict[str, Value] = {}
    for use in USES:
        out[f"uses.{use}.max_floor_m2"] = table.max_floor_m2[use]
        out[f"uses.{use}.new_build_floor_m2"] = table.new_build_floor_m2[use]
        out[f"uses.{use}.rent_eur_m2_year"] = table.rent_eur_m2_year[use]
    for state in STATES:
        for use in USES:
            out[f"conversion_eur_m2.{state}.{use}"] = table.conversion[state][use]
        out[f"demolition.share_of_floor.{state}"] = table.demolition_share[state]
    for kind in BUILDING_POLLUTIONS:
        out[f"building_pollution_eur_m2.{kind}"] = table.building_pollution[kind]
    out.update({
        "demolition.eur_m2": table.demolition_eur_m2, "depollution.eur_m2": table.depollution_eur_m2,
        "depollution.polluted_share_of_site": table.polluted_share,
        "depollution.suspected_factor": table.suspected_factor, "energy_eur_m2": table.energy_eur_m2,
        "public_access.fixed_eur": table.access_fixed, "public_access.lift_eur": table.access_lift,
        "public_access.lift_above_floor_m2": table.lift_above_m2, "studies_share_of_works": table.studies_share,
        "acquisition_fees_share": table.fees_share, "unused_floor_eur_m2": table.unused_floor_eur_m2,
    })
    return out
