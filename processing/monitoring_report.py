"""``friches:monitoring_report``: the committee's follow-up report, A4 PDF, in French or English.

Page 1: key figures, the sites by status at the end of each period (stacked bars), the population within
reach of the open tiers-lieux (line). Page 2: a map of the sites whose status changed in the last period
and the table of those changes (who, when, from which source), continued on further pages when long.
Last page: the indicators of every period. The figures are those of ``friches:monitoring_indicators``
(same inputs, same computation in ``monitoring_io``); the layout is built in ``report_layout``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..compat import FLAG_NO_THREADING, make_field, set_rectangle_null
from ..core import history as hist
from ..core import monitoring as mon
from ..translation import ui_language
from . import report_layout as rl
from .base import FrichesAlgorithm
from .history_io import local_text, parse_value, shape
from .layout_export import pdf_export_settings
from .monitoring_io import add_monitoring_parameters, compute_indicators
from .sinks import write_file
from .styles import apply_style, style_path

#: Table rows per page: rows of about 5.4 mm at 6.5 pt under a header.
ROW_MM = 5.6
SHORT_STATUS = {
    "fr": {"friche potentielle": "potentielle", "friche sans projet": "sans projet",
           "friche avec projet": "avec projet", "friche reconvertie": "reconvertie"},
    "en": {"friche potentielle": "potential", "friche sans projet": "no project",
           "friche avec projet": "with a project", "friche reconvertie": "converted"},
}


def _where(location):
    """The inventory's name for the report: the file name of a GeoPackage, "schema"."table" for PostGIS."""
    return Path(location.path).name if location.path else location.display


def _cut(text, size):
    """``text`` shortened to ``size`` characters with an ellipsis (table cells keep one line)."""
    text = "" if text is None else str(text)
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


class MonitoringReportAlgorithm(FrichesAlgorithm):
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    BACKGROUND = "BACKGROUND"
    OUTPUT_PDF = "OUTPUT_PDF"
    PAGES = "PAGES"

    ICON = "inventory.svg"

    def name(self):
        return "monitoring_report"

    def displayName(self):
        return self.tr("Follow-up report of the inventory (PDF)")

    def group(self):
        return self.tr("Inventory")

    def groupId(self):
        return "inventory"

    def tags(self):
        return self.tr("monitoring,follow-up,report,committee,PDF,suivi,rapport,PDCA,charts").split(",")

    def flags(self):
        return super().flags() | FLAG_NO_THREADING  # layouts are not thread safe

    def shortDescription(self):
        return self.tr("An A4 follow-up report for the committee: indicators as charts, the sites whose status "
                       "changed on a map, and who changed them.")

    def help_text(self):
        return self.tr(
            "<p>An A4 PDF for the technical committee, in French or English, from the inventory's history:</p><ul>"
            "<li>page 1: key figures at the end of the last period, the sites by status at the end of each period "
            "(stacked bars), and the population within reach of the tiers-lieux open at the end of each period "
            "(a line, when a road network and a population grid are given);</li>"
            "<li>page 2: a map of the sites whose status changed during the last period (colour: the new status) "
            "and the table of those changes: site, municipality, former and new status, date, who, source "
            "(continued on the next pages when long);</li>"
            "<li>last page: the indicators of every period, as in Follow-up indicators of the inventory, whose "
            "help says how each figure is computed.</li></ul>"
            "<p>Charts are drawn with layout items (no picture, no extra library): the PDF keeps real, searchable "
            "text.</p>"
        )

    def initAlgorithm(self, config=None):
        add_monitoring_parameters(self)
        param = QgsProcessingParameterMultipleLayers(self.BACKGROUND, self.tr("Background layers of the map"),
                                                     optional=True)
        param.setHelp(self.tr("Drawn under the sites (municipalities, roads, rivers…), with their own style, or the "
                              "plugin's style of the same name for a layer read from a file."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(self.LANGUAGE, self.tr("Language of the report"),
                                           options=[self.tr("Language of QGIS"), "Français", "English"],
                                           defaultValue=0)
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TITLE, self.tr("Title"), optional=True)
        param.setHelp(self.tr("E.g. the territory: « Ingeville — suivi des friches ». Empty: a standard title."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("Report (PDF)"),
                                                                self.tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages")))

    # ------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        choice = self.parameterAsEnum(parameters, self.LANGUAGE, context)
        lang = ("fr", "en")[choice - 1] if choice else ui_language()
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        result = compute_indicators(self, parameters, context, feedback)
        if feedback.isCanceled():
            raise self.canceled()
        if not result.indicators:
            raise QgsProcessingException(self.tr("No period to report."))
        title = self.parameterAsString(parameters, self.TITLE, context) or rl.TEXT[lang]["title"]
        project = QgsProject()
        crs = result.history.crs
        project.setCrs(crs)
        self._keep = []  # layers must outlive the export
        layout = rl.new_layout(project, "friches_monitoring_report")
        self._page_one(rl.Page(layout, 0), result, lang, title)
        self._page_changes(layout, project, result, lang, parameters, context)
        self._page_indicators(layout, project, result, lang)
        feedback.pushInfo(self.tr("Writing {n} pages to {path}…").format(n=layout.pageCollection().pageCount(),
                                                                         path=pdf))
        if feedback.isCanceled():
            raise self.canceled()
        exporter = QgsLayoutExporter(layout)

        def export(partial):
            status = exporter.exportToPdf(str(partial), pdf_export_settings(150, georeference=False))
            if status != QgsLayoutExporter.ExportResult.Success:
                raise QgsProcessingException(self.tr("Could not write the report {path}: {error}").format(
                    path=pdf, error=exporter.errorMessage() or status))
            if feedback.isCanceled():
                raise self.canceled()

        write_file(self, pdf, export)
        return {self.OUTPUT_PDF: pdf, self.PAGES: layout.pageCollection().pageCount()}

    # -- page 1 ---------------------------------------------------------------------------------------
    def _page_one(self, page, result, lang, title):
        texts = rl.TEXT[lang]
        first, last = result.indicators[0].period, result.indicators[-1].period
        page.rect(0, 0, rl.PAGE_W, 30, rl.ACCENT)
        page.label(title, rl.MARGIN, 8, rl.PAGE_W - 2 * rl.MARGIN, 9, 17, bold=True, colour="#ffffff")
        page.label(texts["subtitle"].format(first=rl.period_label(first, lang), last=rl.period_label(last, lang),
                                            kind=texts[result.kind], where=_where(result.history.location),
                                            today=rl.today_text(lang)),
                   rl.MARGIN, 19, rl.PAGE_W - 2 * rl.MARGIN, 8, 7.5, colour="#dbe7f1")
        rl.key_figures(page, 36, result, lang, first)
        width = rl.PAGE_W - 2 * rl.MARGIN
        page.label(texts["chart_status"], rl.MARGIN, 70, width, 6, 11, bold=True)
        page.label(texts["chart_status_note"], rl.MARGIN, 76, width, 7, 7, colour=rl.GREY)
        rl.stacked_bars(page, rl.MARGIN, 86, width, 84, result.indicators, lang)
        mode = texts.get(result.mode, result.mode)
        minutes = rl.number(result.minutes, lang)
        page.label(texts["chart_population"].format(minutes=minutes, mode=mode), rl.MARGIN, 178, width, 6, 11,
                   bold=True)
        page.label(texts["chart_population_note"], rl.MARGIN, 184, width, 7, 7, colour=rl.GREY)
        rl.population_line(page, rl.MARGIN, 194, width, 58, result.indicators, result.total_population, lang)
        page.label(texts["method"].format(distance=int(mon.PLACE_ON_SITE_M)), rl.MARGIN, 259, width, 16, 6.5,
                   colour=rl.GREY)
        self._footer(page, lang)

    def _footer(self, page, lang):
        page.line([(rl.MARGIN, 283), (rl.PAGE_W - rl.MARGIN, 283)], rl.LIGHT, 0.2)
        page.label(rl.TEXT[lang]["footer"], rl.MARGIN, 285, rl.PAGE_W - 2 * rl.MARGIN, 5, 6.5, colour=rl.GREY,
                   align="right")

    # -- page 2: the changes of the last period ------------------------------------------------------------
    def _page_changes(self, layout, project, result, lang, parameters, context):
        texts = rl.TEXT[lang]
        last = result.indicators[-1]
        label = rl.period_label(last.period, lang)
        page = rl.add_page(layout)
        width = rl.PAGE_W - 2 * rl.MARGIN
        page.label(texts["changes_title"].format(period=label), rl.MARGIN, 12, width, 8, 14, bold=True,
                   colour=rl.ACCENT)
        changes = last.changes
        note = texts["changes_note"].format(n=len({c.site_id for c in changes}), period=label) if changes else \
            texts["changes_none"].format(period=label)
        page.label(note, rl.MARGIN, 21, width, 8, 7.5, colour=rl.GREY)
        state = hist.state_at(result.history.current, result.history.rows, last.period.end, parse_value)
        layers, extent, keys = self._map_layers(project, state, changes, result, last, parameters, context)
        rl.map_item(page, rl.MARGIN, 31, width, 118, result.history.crs, layers, extent)
        self._map_legend(page, 151, keys, bool(last.places_opened), lang)
        self._footer(page, lang)
        if not changes:
            return
        rows = []
        for change in sorted(changes, key=lambda c: c.changed_at):
            rows.append([_cut(change.site_nom or change.site_id, 34), change.site_id, _cut(change.comm_nom, 20),
                         self._short(change.old, lang), self._short(change.new, lang),
                         local_text(change.changed_at)[:10], _cut(change.changed_by or "–", 14),
                         _cut(rl.source_text(change.source, lang), 24)])
        self._tables(layout, project, page, 160, rows, texts["columns"], texts["changes_title"].format(period=label),
                     lang)

    @staticmethod
    def _short(status, lang):
        return SHORT_STATUS[lang].get(status, status or "–")

    def _map_layers(self, project, state, changes, result, last, parameters, context):
        crs = result.history.crs
        changed = {c.site_id: c.new for c in changes}
        others = QgsVectorLayer(f"Point?crs={crs.authid()}&field=site_nom:string", "others", "memory")
        moved = QgsVectorLayer(f"Point?crs={crs.authid()}&field=site_nom:string&field=statut:string", "changed",
                               "memory")
        extent = set_rectangle_null(QgsRectangle())
        other_features, moved_features = [], []
        for sid, site in state.items():
            point = shape(site.get(hist.POINT_FIELD))
            if point is None:
                continue
            geometry = QgsGeometry.fromWkt(point.wkt)
            extent.combineExtentWith(geometry.boundingBox())
            feature = QgsFeature(moved.fields() if sid in changed else others.fields())
            if sid in changed:
                feature.setAttributes([site.get("site_nom") or sid, mon.status_key(site.get("site_statut"))])
                moved_features.append(feature)
            else:
                feature.setAttributes([site.get("site_nom") or sid])
                other_features.append(feature)
            feature.setGeometry(geometry)
        others.dataProvider().addFeatures(other_features)
        moved.dataProvider().addFeatures(moved_features)
        others.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "#8d949e", "outline_color": "#ffffff", "outline_width": "0.2", "size": "2.4"})))
        keys = sorted({f["statut"] for f in moved_features}, key=lambda k: rl.STACK_ORDER.index(k))
        categories = [QgsRendererCategory(key, QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": rl.STATUS_COLOURS[key], "outline_color": "#ffffff", "outline_width": "0.4",
             "size": "4.2"}), key) for key in keys]
        moved.setRenderer(QgsCategorizedSymbolRenderer("statut", categories))
        self._label(moved, "site_nom", 7.0)
        layers = [moved, others]
        opened = [p for p in result.places if p.opened is not None
                  and last.period.first_day <= p.opened < last.period.next_day]
        if opened:
            places = QgsVectorLayer(f"Point?crs={crs.authid()}&field=name:string", "places", "memory")
            features = []
            for place in opened:
                feature = QgsFeature(places.fields())
                feature.setAttributes([place.name])
                feature.setGeometry(QgsGeometry.fromWkt(place.point.wkt))
                features.append(feature)
            places.dataProvider().addFeatures(features)
            places.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
                {"name": "star", "color": "#6a3d9a", "outline_color": "#ffffff", "outline_width": "0.3",
                 "size": "5.0"})))
            self._label(places, "name", 6.5)
            layers.insert(0, places)
        layers += self._background(parameters, context)
        for layer in layers:
            project.addMapLayer(layer, False)
            self._keep.append(layer)
        if extent.isEmpty() or extent.width() == 0:
            extent = QgsRectangle(extent.xMinimum() - 500, extent.yMinimum() - 500, extent.xMaximum() + 500,
                                  extent.yMaximum() + 500)
        extent.scale(1.08)
        return layers, extent, keys

    @staticmethod
    def _label(layer, field, size):
        settings = QgsPalLayerSettings()
        settings.fieldName = field
        text_format = rl.text_format(size)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        buffer.setColor(QColor("#ffffff"))
        text_format.setBuffer(buffer)
        settings.setFormat(text_format)
        settings.dist = 1.2
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)

    def _background(self, parameters, context):
        out = []
        for layer in self.parameterAsLayerList(parameters, self.BACKGROUND, context) or []:
            copy = layer.clone()
            if isinstance(copy, QgsVectorLayer) and (context.project() is None
                                                      or context.project().mapLayer(layer.id()) is None):
                name = layer.name().split("|")[0]
                source_name = (layer.source().split("layername=")[-1] if "layername=" in layer.source() else name)
                if style_path(source_name).exists():
                    apply_style(copy, source_name)
                copy.setLabelsEnabled(False)
            out.append(copy)
        return out

    def _map_legend(self, page, y, keys, places, lang):
        texts = rl.TEXT[lang]
        x = rl.MARGIN
        items = [(rl.STATUS_COLOURS[k], texts["status"][k], "circle") for k in keys]
        items.append(("#8d949e", texts["other_sites"], "circle"))
        if places:
            items.append(("#6a3d9a", texts["place"], "star"))
        for colour, text, kind in items:
            if kind == "star":
                page.label("★", x, y - 0.6, 4.0, 4.5, 10, colour=colour)
            else:
                page.rect(x, y + 0.5, 3.0, 3.0, colour, "#ffffff", 0.2, ellipse=True)
            width = 5.0 + len(text) * 1.45
            page.label(text, x + 4.2, y, width, 4.2, 7.0, valign="middle")
            x += width + 4.0

    # -- tables ----------------------------------------------------------------------------------------------
    def _tables(self, layout, project, page, y, rows, headings, heading, lang):
        """Tables of ``rows`` (lists of text) under ``headings``, starting on ``page`` at ``y``, further pages
        added as needed (one table and one small layer per page)."""
        start = 0
        while start < len(rows):
            available = 280.0 - y - 2.0
            count = max(1, int((available - 7.0) // ROW_MM))
            self._table(layout, project, page, y, rows[start:start + count], headings, available)
            start += count
            if start < len(rows):
                page = rl.add_page(layout)
                page.label(f"{heading} {rl.TEXT[lang]['continued']}", rl.MARGIN, 12, 180, 8, 12, bold=True,
                           colour=rl.ACCENT)
                self._footer(page, lang)
                y = 24.0
        return page

    def _table(self, layout, project, page, y, rows, headings, height):
        """An attribute table of ``rows`` whose columns are named by ``headings`` (field aliases: columns
        set one by one from Python crash QGIS 3.22)."""
        layer = QgsVectorLayer("None", "table", "memory")
        layer.dataProvider().addAttributes([make_field(f"c{i}", "string") for i in range(len(headings))])
        layer.updateFields()
        for i, heading in enumerate(headings):
            layer.setFieldAlias(i, heading)
        features = []
        for row in rows:
            feature = QgsFeature(layer.fields())
            feature.setAttributes(list(row))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        project.addMapLayer(layer, False)
        self._keep.append(layer)
        table = QgsLayoutItemAttributeTable(layout)
        layout.addMultiFrame(table)
        table.setVectorLayer(layer)
        table.setMaximumNumberOfFeatures(10000)
        table.setHeaderTextFormat(rl.text_format(6.5, bold=True))
        table.setContentTextFormat(rl.text_format(6.5))
        table.setCellMargin(1.1)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor(rl.LIGHT))
        table.setVerticalGrid(False)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        frame = QgsLayoutFrame(layout, table)
        frame.attemptResize(QgsLayoutSize(rl.PAGE_W - 2 * rl.MARGIN, height))
        frame.attemptMove(QgsLayoutPoint(rl.MARGIN, y), page=page.index)
        table.addFrame(frame)
        return table

    # -- last page: every period ---------------------------------------------------------------------------
    def _page_indicators(self, layout, project, result, lang):
        """The indicators, one row each, the periods as columns (eight per table; more tables below)."""
        texts = rl.TEXT[lang]
        page = rl.add_page(layout)
        page.label(texts["indicators_title"], rl.MARGIN, 12, 180, 8, 14, bold=True, colour=rl.ACCENT)
        self._footer(page, lang)
        labels = texts["indicator_rows"]
        y = 24.0
        for start in range(0, len(result.indicators), 8):
            chunk = result.indicators[start:start + 8]
            columns = [[] for _ in labels]
            for ind in chunk:
                months = None if ind.median_days_to_project is None else ind.median_days_to_project / 30.44
                population = "–"
                if ind.population is not None:
                    population = rl.number(ind.population, lang)
                    if result.total_population:
                        population += f" ({rl.number(100.0 * ind.population / result.total_population, lang)}\u00a0%)"
                values = [rl.number(ind.sites, lang), rl.number(ind.area_m2 / 10000.0, lang, 1),
                          *[rl.number(ind.by_status[k], lang) for k in mon.all_status_keys()],
                          rl.number(ind.identified, lang), rl.number(ind.status_changes, lang),
                          rl.number(ind.converted, lang), rl.number(months, lang, 1),
                          f"{rl.number(ind.places_opened, lang)} ({rl.number(ind.places_opened_on_friche, lang)})",
                          rl.number(ind.places_open, lang) if result.places else "–", population]
                for column, value in zip(columns, values):
                    column.append(value)
            rows = [[label, *values] for label, values in zip(labels, columns)]
            headings = [texts["indicator"], *[rl.period_label(ind.period, lang) for ind in chunk]]
            height = 8.0 + ROW_MM * len(rows)
            self._table(layout, project, page, y, rows, headings, height)
            y += height + 6.0
            if y > 240 and start + 8 < len(result.indicators):
                page = rl.add_page(layout)
                self._footer(page, lang)
                y = 20.0
        mode = texts.get(result.mode, result.mode)
        page.label(texts["definitions"].format(distance=int(mon.PLACE_ON_SITE_M),
                                               minutes=rl.number(result.minutes, lang), mode=mode),
                   rl.MARGIN, y + 2, rl.PAGE_W - 2 * rl.MARGIN, 30, 7, colour=rl.GREY)
