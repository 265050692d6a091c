"""``friches:monitoring_indicators``: the follow-up figures of the inventory, per year or quarter.

Adapter only: the figures are computed by ``core.monitoring`` from the inventory's history (see
``monitoring_io``); this module writes them as a table, one row per period, and the status changes as a
second table (who changed which site, when).
"""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessingParameterFeatureSink,
)
from qgis.PyQt.QtCore import QDate

from ..compat import SOURCE_VECTOR, make_field
from ..core import monitoring as mon
from .base import FrichesAlgorithm
from .history_io import local_text
from .monitoring_io import add_monitoring_parameters, compute_indicators, status_label
from .sinks import write_rows


def _qdate(day):
    return QDate(day.year, day.month, day.day)


def indicator_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(make_field("period", "string"))
    fields.append(make_field("period_start", "date"))
    fields.append(make_field("period_end", "date"))
    fields.append(make_field("sites_n", "int"))
    fields.append(make_field("sites_ha", "double"))
    for key in mon.all_status_keys():
        fields.append(make_field(f"{key}_n", "int"))
        fields.append(make_field(f"{key}_ha", "double"))
    for name, kind in (("identified_n", "int"), ("status_changed_n", "int"), ("status_changes", "string"),
                       ("converted_n", "int"), ("to_project_n", "int"), ("median_days_to_project", "double"),
                       ("places_opened_n", "int"), ("places_on_friche_n", "int"), ("places_open_n", "int"),
                       ("pop_covered", "double"), ("pop_covered_pct", "double")):
        fields.append(make_field(name, kind))
    return fields


def change_fields() -> QgsFields:
    fields = QgsFields()
    for name in ("period", "site_id", "site_nom", "comm_nom", "statut_from", "statut_to", "changed_at",
                 "changed_by", "source"):
        fields.append(make_field(name, "string"))
    return fields


def indicator_values(ind, total_population):
    values = [ind.period.key, _qdate(ind.period.first_day), _qdate(ind.period.last_day), ind.sites,
              round(ind.area_m2 / 10000.0, 2)]
    for key in mon.all_status_keys():
        values += [ind.by_status[key], round(ind.area_by_status[key] / 10000.0, 2)]
    pct = None
    if ind.population is not None and total_population:
        pct = round(100.0 * ind.population / total_population, 1)
    values += [ind.identified, ind.status_changes, mon.transitions_text(ind.transitions) or None, ind.converted,
               ind.to_project, ind.median_days_to_project, ind.places_opened, ind.places_opened_on_friche,
               ind.places_open, round(ind.population) if ind.population is not None else None, pct]
    return values


class MonitoringIndicatorsAlgorithm(FrichesAlgorithm):
    OUTPUT = "OUTPUT"
    CHANGES = "CHANGES"

    ICON = "inventory.svg"

    def name(self):
        return "monitoring_indicators"

    def displayName(self):
        return self.tr("Follow-up indicators of the inventory")

    def group(self):
        return self.tr("Inventory")

    def groupId(self):
        return "inventory"

    def tags(self):
        return self.tr("monitoring,follow-up,indicators,history,PDCA,committee,suivi,indicateurs").split(",")

    def shortDescription(self):
        return self.tr("Per year or quarter: sites by status, identified, converted, status changes, places opened, "
                       "population within reach.")

    def help_text(self):
        return self.tr(
            "<p>One row per period (calendar year or quarter, local time), computed from the inventory's history "
            "(every change is recorded by the database's triggers):</p><ul>"
            "<li><b>sites_n, sites_ha, &lt;status&gt;_n, &lt;status&gt;_ha</b>: the sites and their area "
            "(site_surface) by site_statut at the end of the period, the inventory rebuilt at that moment as "
            "Inventory at a date does (status keys: potentielle, sans_projet, avec_projet, reconvertie, autre = "
            "inconnu, autre, sans objet or empty);</li>"
            "<li><b>identified_n</b>: sites present at the end of the period whose site_identif_date falls in "
            "it;</li>"
            "<li><b>status_changed_n, status_changes</b>: sites whose site_statut changed during the period (a "
            "site added with a status is not a change), and the changes as “from → to: count”;</li>"
            "<li><b>converted_n</b>: sites whose status became friche reconvertie in the period;</li>"
            "<li><b>to_project_n, median_days_to_project</b>: sites whose status became friche avec projet in the "
            "period, and the median number of days from their site_identif_date to that change;</li>"
            "<li><b>places_opened_n, places_on_friche_n, places_open_n</b>: tiers-lieux whose opening date falls "
            "in the period, those among them inside a site's outline or within {distance} m of its point (a "
            "former friche), and the places open at the end of the period (opened by then, or without a "
            "date);</li>"
            "<li><b>pop_covered, pop_covered_pct</b> (with a network and a population grid): the population "
            "within the travel time of the places open at the end of the period, as in Coverage gaps (honest "
            "catchments merged, population spread evenly over each cell), and its share of the grid's "
            "population.</li></ul>"
            "<p>The second output lists every status change: period, site, from, to, when (local time), who "
            "(the database role, or the operating-system user for a GeoPackage) and the source (the imported "
            "file, the panel's form, another edit).</p>"
        ).format(distance=int(mon.PLACE_ON_SITE_M))

    def initAlgorithm(self, config=None):
        add_monitoring_parameters(self)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Indicators per period"), SOURCE_VECTOR)
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.CHANGES, self.tr("Status changes"), SOURCE_VECTOR,
                                                  optional=True, createByDefault=True)
        self.addParameter(param)

    def processAlgorithm(self, parameters, context, feedback):
        result = compute_indicators(self, parameters, context, feedback)
        dest = write_rows(self, parameters, self.OUTPUT, context, indicator_fields(),
                          (indicator_values(ind, result.total_population) for ind in result.indicators), feedback,
                          required=True)
        results = {self.OUTPUT: dest}
        changes = ([change.period_key, change.site_id, change.site_nom, change.comm_nom, change.old, change.new,
                    local_text(change.changed_at), change.changed_by, change.source]
                   for ind in result.indicators for change in ind.changes)
        cdest = write_rows(self, parameters, self.CHANGES, context, change_fields(), changes, feedback)
        if cdest is not None:
            results[self.CHANGES] = cdest
        last = result.indicators[-1] if result.indicators else None
        if last is not None:
            feedback.pushInfo(self.tr(
                "{period}: {sites} site(s) ({area} ha); {counts}; {changed} status change(s), {converted} converted."
            ).format(period=last.period.key, sites=last.sites, area=round(last.area_m2 / 10000.0, 1),
                     counts=", ".join(f"{status_label(k)} {n}" for k, n in last.by_status.items() if n),
                     changed=last.status_changes, converted=last.converted))
        return results
