"""The inputs of the follow-up algorithms (``friches:monitoring_indicators`` and ``friches:monitoring_report``)
and the computation they share: periods, places and their opening dates, the population within reach.

Why shared: the report draws exactly the figures of the indicators table; both declare the same
parameters here and call :func:`compute_indicators`, which reads the inventory and its history
(``history_io``) and hands everything to ``core.monitoring.compute``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QDate

from ..compat import DATETIME_DATE, FLAG_OPTIONAL, NUMBER_DOUBLE, SOURCE_POINT, SOURCE_POLYGON, parameter_as_fields
from ..core import monitoring as mon
from ..core.progress import Canceled
from ..translation import tr
from . import network_io as nio
from .base import show_decimals
from .history_io import add_inventory_parameter, day_start_utc, local_day, parse_value, read_inventory_history, shape
from .inventory_store import py_value
from .network_build import build_graph

PERIOD = "PERIOD"
START = "START"
END = "END"
PLACES = "PLACES"
PLACES_DATE_FIELD = "PLACES_DATE_FIELD"
TIME = "TIME"
PERIOD_KINDS = ("year", "quarter")
#: Field names tried, in order, when PLACES_DATE_FIELD is not set.
DATE_FIELD_GUESSES = ("opening_date", "date_ouverture", "ouverture", "opening_year", "annee_ouverture", "opened")


def add_monitoring_parameters(alg):
    add_inventory_parameter(alg)
    param = QgsProcessingParameterEnum(PERIOD, tr("Period"), options=[tr("Year"), tr("Quarter")], defaultValue=0)
    param.setHelp(tr("Calendar years or quarters (local time)."))
    alg.addParameter(param)
    param = QgsProcessingParameterDateTime(START, tr("From (date)"), type=DATETIME_DATE)
    param.setHelp(tr("The first period is the one holding this date."))
    alg.addParameter(param)
    param = QgsProcessingParameterDateTime(END, tr("To (date)"), type=DATETIME_DATE, optional=True)
    param.setHelp(tr("The last period is the one holding this date; empty: today."))
    alg.addParameter(param)
    param = QgsProcessingParameterFeatureSource(PLACES, tr("Existing tiers-lieux (with an opening date)"),
                                                [SOURCE_POINT, SOURCE_POLYGON], optional=True)
    param.setHelp(tr(
        "Places open or opened (coworking, fablab, médiation numérique…): counted by opening date, on a former "
        "friche when inside a site's outline or within {distance} m of its point; their catchments give the "
        "population within reach when a network and a population grid are given."
    ).format(distance=int(mon.PLACE_ON_SITE_M)))
    alg.addParameter(param)
    param = QgsProcessingParameterField(PLACES_DATE_FIELD, tr("Opening date field"), parentLayerParameterName=PLACES,
                                        optional=True)
    param.setHelp(tr(
        "A date, a date-time, or a year (1 January). Empty: the first of opening_date, date_ouverture, "
        "opening_year… A place without a date counts as open all along."
    ))
    alg.addParameter(param)
    nio.add_network_parameters(alg)
    network = alg.parameterDefinition(nio.NETWORK)
    network.setFlags(network.flags() | FLAG_OPTIONAL)
    network.setHelp(tr("Optional: with a population grid, the population within reach of the places open at the "
                       "end of each period is computed on this network.") + " " + network.help())
    nio.add_population_parameters(alg, optional=True)
    param = QgsProcessingParameterNumber(TIME, tr("Travel time to a place (minutes)"), type=NUMBER_DOUBLE,
                                         minValue=0.5, maxValue=24 * 60, defaultValue=15.0)
    alg.addParameter(show_decimals(param, 1))


@dataclass
class Monitoring:
    history: object  # history_io.InventoryHistory
    periods: list
    indicators: list  # core.monitoring.PeriodIndicators
    places: list
    total_population: float = None
    minutes: float = 15.0
    mode: str = "walk"

    @property
    def kind(self):
        return "quarter" if self.periods and self.periods[0].quarter else "year"


def _date(alg, parameters, name, context):
    if parameters.get(name) in (None, ""):
        return None
    value = alg.parameterAsDateTime(parameters, name, context)
    if value is None or not value.isValid():
        raise QgsProcessingException(tr("The date is not valid: {value}").format(value=parameters.get(name)))
    day = value.date()
    return dt.date(day.year(), day.month(), day.day())


def read_places(alg, parameters, context, crs, feedback):
    """([core.monitoring.Place] in ``crs``, the source) — ([], None) without PLACES."""
    source = alg.parameterAsSource(parameters, PLACES, context)
    if source is None:
        return [], None
    names = source.fields().names()
    chosen = parameter_as_fields(alg, parameters, PLACES_DATE_FIELD, context)
    field = chosen[0] if chosen else next((n for n in DATE_FIELD_GUESSES if n in names), None)
    if field is None:
        feedback.pushWarning(tr("The places have no opening date field ({fields}): they count as open all along.")
                             .format(fields=", ".join(DATE_FIELD_GUESSES[:3])))
    features, geoms, _ids, labels = nio.read_sites(source, crs, context)
    places = []
    for feature, geom, label in zip(features, geoms, labels):
        if geom is None:
            feedback.pushWarning(tr("Place {name} has no geometry: left out.").format(name=label))
            continue
        value = py_value(feature[field]) if field else None
        if isinstance(value, QDate):
            value = dt.date(value.year(), value.month(), value.day())
        opened = mon.opening_day(value)
        if field and value not in (None, "") and opened is None:
            feedback.pushWarning(tr("Place {name}: '{value}' is not a date: it counts as open all along.").format(
                name=label, value=value))
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        places.append(mon.Place(point, label, opened))
    feedback.pushInfo(tr("{n} place(s), opening dates from the field {field}.").format(n=len(places),
                                                                                      field=field or "-"))
    return places, source


def coverage_function(alg, parameters, context, feedback, places, places_crs):
    """``(population(indices) -> float, total population)`` or ``(None, None)`` without network or grid."""
    network_source = alg.parameterAsSource(parameters, nio.NETWORK, context)
    if network_source is None or alg.parameterAsSource(parameters, nio.POPULATION, context) is None or not places:
        return None, None
    from ..core.network.coverage import covered_area
    from ..core.network.search import attach_sites

    settings = nio.NetworkSettings(alg, parameters, context)
    minutes = alg.parameterAsDouble(parameters, TIME, context)
    crs = nio.analysis_crs(network_source, places_crs, context, feedback)
    try:
        graph = build_graph(alg, parameters, network_source, crs, settings, context, feedback)
        geoms = np.array([p.point for p in places], dtype=object)
        if crs != places_crs:
            geoms = nio.transform_shapely(geoms, places_crs, crs, context)
        attachment = attach_sites(graph, geoms, settings.tolerance)
        nio.warn_not_connected(feedback, attachment, [p.name for p in places], settings, tr("Place"))
        polygons = nio.draw_catchments(graph, attachment, [minutes * 60.0], settings, feedback)[0][:, 0]
        read = nio.read_population(alg, parameters, context, feedback, crs)
    except Canceled:
        raise QgsProcessingException(tr("Canceled.")) from None
    if read is None:
        return None, None
    index, cells_crs = read
    if cells_crs != crs:
        polygons = nio.transform_shapely(polygons, crs, cells_crs, context)

    def population(indices):
        covered = covered_area(polygons[list(indices)]) if indices else None
        if covered is None or covered.is_empty:
            return 0.0
        return float(index.population(np.array([covered], dtype=object))[0])

    return population, index.total


def compute_indicators(alg, parameters, context, feedback) -> Monitoring:
    alg.require_dependencies()
    kind = PERIOD_KINDS[alg.parameterAsEnum(parameters, PERIOD, context)]
    start = _date(alg, parameters, START, context)
    if start is None:
        raise QgsProcessingException(tr("Give the first date of the follow-up (From)."))
    end = _date(alg, parameters, END, context) or dt.date.today()
    if end < start:
        raise QgsProcessingException(tr("The end date {end} is before the start date {start}.").format(
            end=end.isoformat(), start=start.isoformat()))
    periods = mon.calendar_periods(start, end, kind, day_start_utc)
    if len(periods) > 400:
        raise QgsProcessingException(tr("{n} periods: choose a shorter span or years.").format(n=len(periods)))
    data = read_inventory_history(alg, parameters, context, feedback)
    places, _source = read_places(alg, parameters, context, data.crs, feedback)
    population, total = coverage_function(alg, parameters, context, feedback, places, data.crs)
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled."))
    progress = nio.core_progress(feedback)
    try:
        indicators = mon.compute(periods, data.current, data.rows, parse_value, shape, places, population,
                                 local_day, progress)
    except Canceled:
        raise QgsProcessingException(tr("Canceled.")) from None
    settings_mode = nio.MODE_CHOICES[alg.parameterAsEnum(parameters, nio.MODE, context)]
    return Monitoring(data, periods, indicators, places, total, alg.parameterAsDouble(parameters, TIME, context),
                      settings_mode)


def status_label(key: str, lang: str = "") -> str:
    """A status key (core.monitoring) in words: French when ``lang`` is fr, English when en, else tr()."""
    french = {"potentielle": "friche potentielle", "sans_projet": "friche sans projet",
              "avec_projet": "friche avec projet", "reconvertie": "friche reconvertie", "autre": "autre ou inconnu"}
    english = {"potentielle": "potential", "sans_projet": "no project", "avec_projet": "with a project",
               "reconvertie": "converted", "autre": "other or unknown"}
    if lang == "fr":
        return french[key]
    if lang == "en":
        return english[key]
    return {"potentielle": tr("potential"), "sans_projet": tr("no project"), "avec_projet": tr("with a project"),
            "reconvertie": tr("converted"), "autre": tr("other or unknown")}[key]
