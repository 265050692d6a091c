"""Follow-up indicators of an inventory over time (the "Check" of the committee's plan-do-check-act loop).

Why here: each figure of the follow-up report is a method a committee may question; they are computed
from the inventory's history (``core.history``) by plain functions, tested without QGIS:

- **sites and area by status at the end of a period**: the inventory rebuilt at that moment
  (``history.state_at``), counted by ``site_statut``; the area is ``site_surface`` (m², shown in ha);
- **sites newly identified**: sites present at the end of the period whose ``site_identif_date`` falls
  in the period;
- **status changes**: every change of ``site_statut`` recorded in the period on a site that existed
  before it (a site added with a status is not a change), as "from → to" counts;
- **sites converted**: sites whose status became ``friche reconvertie`` in the period;
- **median time from identification to project**: for the sites whose status became ``friche avec
  projet`` in the period, the median number of days from ``site_identif_date`` to that change;
- **tiers-lieux opened, and opened on a former friche**: places whose opening date falls in the period,
  and among them those inside a site's outline or within :data:`PLACE_ON_SITE_M` of its point (sites of
  the inventory at the end of the period, whatever their status);
- **places open and population within reach at the end of the period** (when a network is given): the
  places opened on or before the period's last day (or with no date) and the population inside the
  union of their catchments, given by the caller.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

from . import history as hist

#: A place counts as opened on a site when it lies inside the outline or this close to the point (m).
PLACE_ON_SITE_M = 50.0

#: Status keys of the indicators (field-name friendly), in report order.
STATUS_KEYS = (
    ("friche potentielle", "potentielle"),
    ("friche sans projet", "sans_projet"),
    ("friche avec projet", "avec_projet"),
    ("friche reconvertie", "reconvertie"),
)
OTHER_STATUS = "autre"  # inconnu, autre, sans objet, empty
CONVERTED = "friche reconvertie"
PROJECT = "friche avec projet"


def status_key(value) -> str:
    for status, key in STATUS_KEYS:
        if value == status:
            return key
    return OTHER_STATUS


def all_status_keys() -> List[str]:
    return [key for _status, key in STATUS_KEYS] + [OTHER_STATUS]


# --------------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """A calendar year or quarter: days ``first_day`` (included) to ``next_day`` (excluded), and the same
    bounds as UTC instants (``start`` excluded, ``end`` included: a change at midnight belongs to the
    period that ends then)."""

    year: int
    quarter: Optional[int]
    first_day: dt.date
    next_day: dt.date
    start: dt.datetime
    end: dt.datetime

    @property
    def key(self) -> str:
        return f"{self.year}" if self.quarter is None else f"{self.year}-Q{self.quarter}"

    @property
    def last_day(self) -> dt.date:
        return self.next_day - dt.timedelta(days=1)


def calendar_periods(start: dt.date, end: dt.date, kind: str,
                     to_utc: Callable[[dt.date], dt.datetime]) -> List[Period]:
    """The years (``kind`` "year") or quarters ("quarter") from the one holding ``start`` to the one holding
    ``end``. ``to_utc(day)`` is the UTC instant when ``day`` begins in the user's time zone."""
    if end < start:
        start, end = end, start
    out = []
    if kind == "year":
        for year in range(start.year, end.year + 1):
            first, nxt = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
            out.append(Period(year, None, first, nxt, to_utc(first), to_utc(nxt)))
        return out
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while (year, quarter) <= (end.year, (end.month - 1) // 3 + 1):
        first = dt.date(year, 3 * quarter - 2, 1)
        nxt = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
        out.append(Period(year, quarter, first, nxt, to_utc(first), to_utc(nxt)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return out


# --------------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """An existing tiers-lieu: its point (shapely, in the inventory's CRS), name and opening day."""

    point: object
    name: str = ""
    opened: Optional[dt.date] = None


def opening_day(value) -> Optional[dt.date]:
    """An opening date from a date, a date-time, a year (as a number or text: 1 January) or ISO text."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        year = int(value)
        return dt.date(year, 1, 1) if 1000 <= year <= 9999 else None
    text = str(value).strip()
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 1, 1)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def site_of_place(place: Place, sites: Dict[str, dict], points: Dict[str, object], outlines: Dict[str, object]):
    """The site_id of the site ``place`` lies on (inside its outline, or near its point), else None."""
    best, best_distance = None, None
    for sid in sites:
        outline = outlines.get(sid)
        if outline is not None and outline.intersects(place.point):
            return sid
        point = points.get(sid)
        if point is not None:
            distance = point.distance(place.point)
            if distance <= PLACE_ON_SITE_M and (best_distance is None or distance < best_distance):
                best, best_distance = sid, distance
    return best


# --------------------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------------------

@dataclass
class PeriodIndicators:
    period: Period
    sites: int = 0
    area_m2: float = 0.0
    by_status: Dict[str, int] = field(default_factory=dict)
    area_by_status: Dict[str, float] = field(default_factory=dict)
    identified: int = 0
    status_changes: int = 0
    transitions: Dict[tuple, int] = field(default_factory=dict)  # (from key, to key) -> count
    converted: int = 0
    to_project: int = 0
    median_days_to_project: Optional[float] = None
    places_opened: int = 0
    places_opened_on_friche: int = 0
    places_open: int = 0
    population: Optional[float] = None
    changes: list = field(default_factory=list)  # StatusChange of the period


@dataclass(frozen=True)
class StatusChange:
    period_key: str
    site_id: str
    site_nom: Optional[str]
    comm_nom: Optional[str]
    old: Optional[str]
    new: Optional[str]
    changed_at: dt.datetime
    changed_by: Optional[str]
    source: Optional[str]


def compute(periods: Sequence[Period], current: Dict[str, dict], rows: Sequence[hist.HistoryRow],
            parse: Callable[[str, Optional[str]], object], geometry: Callable[[Optional[str]], object],
            places: Sequence[Place] = (), population: Optional[Callable[[List[int]], float]] = None,
            local_day: Callable[[dt.datetime], dt.date] = lambda moment: moment.date(),
            progress=None) -> List[PeriodIndicators]:
    """The indicators of every period (see the module). ``parse(field, text)`` types history values,
    ``geometry(hex)`` makes a shapely geometry, ``population(indices of open places)`` gives the population
    within reach of those places (None: not computed), ``local_day`` turns a UTC instant into the user's day.
    """
    rows = hist.sort_rows(rows)
    out = []
    cache = {}
    for k, period in enumerate(periods):
        if progress is not None:
            progress.set(k / max(1, len(periods)))
            progress.check()
        state = hist.state_at(current, rows, period.end, parse)
        ind = PeriodIndicators(period)
        ind.by_status = {key: 0 for key in all_status_keys()}
        ind.area_by_status = {key: 0.0 for key in all_status_keys()}
        for site in state.values():
            key = status_key(site.get("site_statut"))
            area = float(site.get("site_surface") or 0.0)
            ind.sites += 1
            ind.area_m2 += area
            ind.by_status[key] += 1
            ind.area_by_status[key] += area
            identified = site.get("site_identif_date")
            if isinstance(identified, dt.date) and period.first_day <= identified < period.next_day:
                ind.identified += 1
        changes = [c for c in hist.field_changes(rows, "site_statut", period.start, period.end)
                   if (c.old_value or None) != (c.new_value or None)]
        changed_sites, converted, project_days = set(), set(), []
        for change in changes:
            changed_sites.add(change.site_id)
            pair = (status_key(change.old_value), status_key(change.new_value))
            ind.transitions[pair] = ind.transitions.get(pair, 0) + 1
            site = state.get(change.site_id) or current.get(change.site_id) or {}
            ind.changes.append(StatusChange(period.key, change.site_id, site.get("site_nom"), site.get("comm_nom"),
                                            change.old_value, change.new_value, change.changed_at,
                                            change.changed_by, change.source))
            if change.new_value == CONVERTED:
                converted.add(change.site_id)
            if change.new_value == PROJECT:
                identified = site.get("site_identif_date")
                if isinstance(identified, dt.date):
                    project_days.append((local_day(change.changed_at) - identified).days)
        ind.status_changes = len(changed_sites)
        ind.converted = len(converted)
        ind.to_project = len(project_days)
        ind.median_days_to_project = float(statistics.median(project_days)) if project_days else None

        if places:
            points = {sid: geometry(site.get(hist.POINT_FIELD)) for sid, site in state.items()}
            outlines = {sid: geometry(site.get(hist.POLYGON_FIELD)) for sid, site in state.items()}
            open_now = []
            for i, place in enumerate(places):
                if place.opened is None or place.opened < period.next_day:
                    open_now.append(i)
                if place.opened is not None and period.first_day <= place.opened < period.next_day:
                    ind.places_opened += 1
                    if site_of_place(place, state, points, outlines) is not None:
                        ind.places_opened_on_friche += 1
            ind.places_open = len(open_now)
            if population is not None:
                key = tuple(open_now)
                if key not in cache:
                    cache[key] = population(list(open_now))
                ind.population = cache[key]
        out.append(ind)
    return out


def transitions_text(transitions: Dict[tuple, int], label: Callable[[str], str] = lambda key: key) -> str:
    """"sans projet → avec projet: 3; …", most frequent first."""
    items = sorted(transitions.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{label(a)} → {label(b)}: {n}" for (a, b), n in items)
