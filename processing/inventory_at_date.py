"""``friches:inventory_at_date``: the inventory as it stood at a past moment, rebuilt from its history.

Adapter only: the method is ``core.history.state_at`` (the current sites, every change recorded after
the moment undone, the latest first); this module reads the store and writes the sites and outlines.
"""

from __future__ import annotations

import contextlib

from qgis.core import (
    QgsFeature,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
)

from ..compat import DATETIME_DATETIME, SOURCE_POINT, SOURCE_POLYGON, WKB_MULTIPOLYGON, WKB_POINT, make_field
from ..core import history as hist
from ..core.progress import Canceled
from .base import FrichesAlgorithm, core_progress
from .history_io import (
    INVENTORY,
    add_inventory_parameter,
    local_text,
    moment_from_parameter,
    parse_value,
    read_inventory_history,
    shape,
)
from .inventory_schema import inventory_fields, polygon_fields
from .inventory_store import qt_value, to_qgs
from .sinks import OutputSink
from .styles import style_on_completion


class InventoryAtDateAlgorithm(FrichesAlgorithm):
    DATE = "DATE"
    OUTPUT = "OUTPUT"
    OUTPUT_POLYGONS = "OUTPUT_POLYGONS"
    SITES = "SITES"

    ICON = "inventory.svg"

    def name(self):
        return "inventory_at_date"

    def displayName(self):
        return self.tr("Inventory at a date")

    def group(self):
        return self.tr("Inventory")

    def groupId(self):
        return "inventory"

    def tags(self):
        return self.tr("history,date,past,inventory,friches,monitoring,time").split(",")

    def shortDescription(self):
        return self.tr("The friches inventory as it stood at a past date, rebuilt from its history.")

    def help_text(self):
        return self.tr(
            "<p>The sites of the inventory as they stood at the given moment: every field, the point and the "
            "outline.</p>"
            "<p><b>Method.</b> The inventory keeps one history row per changed field (written by the database's "
            "own triggers, whoever made the change). Starting from the sites as they are now, every change "
            "recorded after the moment is undone, the latest first: a site added after the moment is left out, a "
            "site deleted after it comes back with the values it had, a renamed site takes its old identifier. A "
            "date without a time means the end of that day (local time).</p>"
            "<p><b>Limits.</b> The history begins when the inventory was created (or, for an older GeoPackage, "
            "when the plugin first opened it): for an earlier moment, the sites present then are shown as they "
            "were when the history began, and the log says so.</p>"
            "<p>Each site also gets last_change_at (local time) and last_changed_by: the last change it had "
            "before the moment.</p>"
        )

    def initAlgorithm(self, config=None):
        add_inventory_parameter(self)
        param = QgsProcessingParameterDateTime(self.DATE, self.tr("Date (and time)"),
                                               type=DATETIME_DATETIME)
        param.setHelp(self.tr("The moment to look at; a date alone means the end of that day."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites at the date"), SOURCE_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_POLYGONS, self.tr("Site outlines at the date"), SOURCE_POLYGON, optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.SITES, self.tr("Sites at the date")))

    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        moment = moment_from_parameter(self, parameters, self.DATE, context)
        data = read_inventory_history(self, parameters, context, feedback, INVENTORY)
        start = hist.history_start(data.rows)
        if start is None or moment < start:
            feedback.pushWarning(self.tr(
                "The history begins on {start}, after {moment}: the sites present then are shown as they were "
                "when the history began.").format(start=local_text(start) if start else "-",
                                                   moment=local_text(moment)))
        try:
            state = hist.state_at(data.current, data.rows, moment, parse_value, core_progress(feedback, 5, 30))
        except Canceled:
            raise self.canceled() from None
        last = {}
        for row in data.rows:
            if row.changed_at <= moment:
                last[row.site_id] = row
        feedback.setProgress(40)
        fields = inventory_fields()
        fields.append(make_field("last_change_at", "string"))
        fields.append(make_field("last_changed_by", "string"))
        names = inventory_fields().names()
        written = 0
        with contextlib.ExitStack() as stack:
            sink = stack.enter_context(OutputSink(self, parameters, self.OUTPUT, context, fields, WKB_POINT, data.crs,
                                                  feedback))
            poly_sink = stack.enter_context(OutputSink(self, parameters, self.OUTPUT_POLYGONS, context,
                                                       polygon_fields(), WKB_MULTIPOLYGON, data.crs, feedback,
                                                       required=False))
            for k, sid in enumerate(sorted(state)):
                if feedback.isCanceled():
                    raise self.canceled()
                site = state[sid]
                point = shape(site.get(hist.POINT_FIELD))
                if point is None:
                    feedback.pushWarning(self.tr("Site {site} had no point at that date: left out.").format(site=sid))
                    continue
                feature = QgsFeature(fields)
                change = last.get(sid)
                feature.setAttributes([qt_value(site.get(name)) for name in names] + [
                    local_text(change.changed_at) if change else None, change.changed_by if change else None])
                feature.setGeometry(to_qgs(point))
                sink.add(feature, k + 1, sid)
                written += 1
                outline = shape(site.get(hist.POLYGON_FIELD))
                if poly_sink.active and outline is not None:
                    polygon = QgsFeature(polygon_fields())
                    polygon.setAttributes([sid, site.get("site_nom"), qt_value(site.get("site_surface"))])
                    polygon.setGeometry(to_qgs(outline))
                    poly_sink.add(polygon, k + 1, sid)
                feedback.setProgress(60.0 + 40.0 * (k + 1) / max(1, len(state)))
        dest, poly_dest = sink.dest_id, poly_sink.dest_id
        feedback.pushInfo(self.tr("{n} site(s) in the inventory at {moment} ({now} now).").format(
            n=written, moment=local_text(moment), now=len(data.current)))
        style_on_completion(context, dest, "friches")
        results = {self.OUTPUT: dest, self.SITES: written}
        if poly_dest is not None:
            results[self.OUTPUT_POLYGONS] = poly_dest
            style_on_completion(context, poly_dest, "friches_emprises")
        return results
