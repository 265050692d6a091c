"""What converting one site into one use would cost: acquisition, works line by line, total, and the
yearly revenue, from the site's inventory fields and the cost table.

Why lines and not one figure: a committee questions the total ("why 2.4 M€ for the hôtel-Dieu?"); the
answer is the list of lines (1,420 m² converted at 900 €/m², 15 % of the floor demolished, asbestos on
the floor touched, a lift…), each with its quantity, rate and the table's source.

The rules (rates from ``resources/costs/default.json`` or the user's copy):

- building state = ``bati_etat`` (CNIG); empty, ``inconnu`` or ``autre``: the table's "inconnu" line;
- with a building (``bati_surface`` > 0, state not "sans objet"): a share of the floor is demolished
  (by state); of the rest, at most the use's ``max_floor_m2`` is converted at the state × use rate and
  gets the energy renovation; the floor kept but not converted costs ``unused_floor_eur_m2``; asbestos or
  lead (``bati_pollution``) is removed from the floor demolished or converted;
- without a building: a new building of the use's ``new_build_floor_m2`` at the "sans objet" rate;
- soil (``sol_pollution_existe``): *pollution avérée*: the polluted share of the site's area × the
  remediation rate; *pollution supposée*: the same × the suspected factor; other values: nothing;
  unknown: nothing, and the site says so;
- public access: the fixed amount, and a lift above ``lift_above_floor_m2`` converted;
- studies and design: a share of all the works above;
- acquisition: the purchase price (``friches:land_prices``) + the acquisition fees; none: unknown (never
  guessed), so the total is unknown too;
- revenue per year: rent per m² of the use × the floor converted (unknown when the table has none).

Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ..cnig_friches import fold
from .cost_table import CostTable, state_key

#: Notes a cost can carry (translated by the caller).
UNKNOWN_STATE = "unknown_state"
UNKNOWN_SOIL = "unknown_soil"
UNKNOWN_BUILDING_POLLUTION = "unknown_building_pollution"
NO_SITE_AREA = "no_site_area"  # proven or suspected pollution, but no site area to price it
NEW_BUILD = "new_build"
NO_PRICE = "no_price"
NO_RENT = "no_rent"


@dataclass
class CostLine:
    code: str  # conversion, demolition, energy, asbestos…, depollution, access, lift, studies, unused, acquisition…
    quantity: float
    unit: str
    rate: float
    amount: float
    source: Tuple[str, ...] = ()


@dataclass
class SiteCost:
    use: str
    state: str
    converted_m2: float
    acquisition: Optional[float]  # € with fees; None when the price is unknown
    works: float
    revenue: Optional[float]  # € per year; None when the table has no rent for the use
    lines: List[CostLine] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)

    @property
    def total(self) -> Optional[float]:
        return None if self.acquisition is None else self.acquisition + self.works

    def line(self, code: str) -> float:
        return sum(line.amount for line in self.lines if line.code == code)


def _number(value) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None


def _pollution(value) -> Optional[str]:
    text = fold(value) if value not in (None, "") else ""
    return text or None


def site_cost(table: CostTable, facts: dict, use: str, price: Optional[float]) -> SiteCost:
    """The cost of converting the site described by ``facts`` (CNIG fields ``bati_surface``,
    ``site_surface``, ``bati_etat``, ``sol_pollution_existe``, ``bati_pollution``) into ``use``, bought at
    ``price`` € (None: unknown)."""
    if use not in table.conversion["inconnu"]:
        raise ValueError(f"unknown use {use!r}")
    notes: List[str] = []
    lines: List[CostLine] = []

    def add(code, quantity, unit, value, scale=1.0):
        rate = (value.value or 0.0) * scale
        if quantity and rate:
            lines.append(CostLine(code, float(quantity), unit, rate, float(quantity) * rate, value.source))

    raw_state = facts.get("bati_etat")
    state = state_key(raw_state)
    floor = _number(facts.get("bati_surface")) or 0.0
    site_area = _number(facts.get("site_surface"))
    if state == "inconnu" or (state == "sans objet" and floor > 0):
        notes.append(UNKNOWN_STATE)
        if state == "sans objet":  # a floor area with "no building": the state is not known
            state = "inconnu"
    if floor <= 0 or state == "sans objet":
        state = "sans objet"
        converted = table.new_build_floor_m2[use].value or 0.0
        notes.append(NEW_BUILD)
        add("new_building", converted, "m²", table.conversion[state][use])
        touched = 0.0
    else:
        demolished = floor * (table.demolition_share[state].value or 0.0)
        remaining = floor - demolished
        converted = min(remaining, table.max_floor_m2[use].value or 0.0)
        unused = remaining - converted
        add("demolition", demolished, "m²", table.demolition_eur_m2)
        add("conversion", converted, "m²", table.conversion[state][use])
        add("energy", converted, "m²", table.energy_eur_m2)
        add("unused_floor", unused, "m²", table.unused_floor_eur_m2)
        touched = demolished + converted
    building_pollution = _pollution(facts.get("bati_pollution"))
    if touched > 0:
        if building_pollution in table.building_pollution:
            add(building_pollution, touched, "m²", table.building_pollution[building_pollution])
        elif building_pollution in (None, "inconnu"):
            notes.append(UNKNOWN_BUILDING_POLLUTION)
    soil = _pollution(facts.get("sol_pollution_existe"))
    if soil in ("pollution averee", "pollution supposee"):
        factor = 1.0 if soil == "pollution averee" else (table.suspected_factor.value or 0.0)
        if site_area and site_area > 0:
            area = site_area * (table.polluted_share.value or 0.0)
            add("depollution" if factor == 1.0 else "depollution_suspected", area, "m²", table.depollution_eur_m2,
                factor)
        else:
            notes.append(NO_SITE_AREA)
    elif soil in (None, "inconnu", "autre"):
        notes.append(UNKNOWN_SOIL)
    add("access", 1, "", table.access_fixed)
    if converted > (table.lift_above_m2.value or 0.0):
        add("lift", 1, "", table.access_lift)
    works_before_studies = sum(line.amount for line in lines)
    add("studies", works_before_studies, "€", table.studies_share)
    works = sum(line.amount for line in lines)
    acquisition = None
    if price is not None and price >= 0:
        fees = price * (table.fees_share.value or 0.0)
        lines.insert(0, CostLine("acquisition", 1, "", price, price, ()))
        if fees:
            lines.insert(1, CostLine("acquisition_fees", price, "€", table.fees_share.value, fees,
                                     table.fees_share.source))
        acquisition = price + fees
    else:
        notes.append(NO_PRICE)
    rent = table.rent_eur_m2_year[use].value
    revenue = None if rent is None else rent * converted
    if rent is None:
        notes.append(NO_RENT)
    return SiteCost(use, state, converted, acquisition, works, revenue, lines, notes)
