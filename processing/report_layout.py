"""The follow-up report's print layout, built item by item: A4 portrait pages with key figures, charts,
a map of the sites whose status changed in the last period, and tables.

Why layout items and not a chart library: QGIS ships no chart library everywhere it runs (matplotlib is
not part of every QGIS installer), and a picture of a chart would leave a PDF without searchable text.
Bars are rectangle items, lines are polyline items, every number is a label: the charts stay vector,
their text stays text in the PDF ("always text" export), and the layout can be saved and edited in QGIS.

The texts follow the report's language (French or English), not QGIS's: a French committee may ask for
an English report. They are in :data:`TEXT`.
"""

from __future__ import annotations

import datetime as dt
import math

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPolyline,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLineSymbol,
    QgsPrintLayout,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPolygonF

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
FONT = "Arial"
INK, GREY, LIGHT = "#1f2933", "#6b7280", "#d9dde3"
ACCENT = "#234e70"
#: Status colours, as in the friches style (scripts/make_styles.py).
STATUS_COLOURS = {"potentielle": "#fdae61", "sans_projet": "#d7191c", "avec_projet": "#2c7bb6",
                  "reconvertie": "#1a9641", "autre": "#9e9e9e"}
#: Bottom of the stack first: the sites that moved forward sit on the axis.
STACK_ORDER = ("reconvertie", "avec_projet", "sans_projet", "potentielle", "autre")

TEXT = {
    "fr": {
        "title": "Suivi de l'inventaire des friches",
        "subtitle": "Comité technique · indicateurs {first} – {last} ({kind}) · inventaire {where} · édité le {today}",
        "year": "par année", "quarter": "par trimestre",
        "quarter_label": "{year} T{quarter}",
        "status": {"potentielle": "Friche potentielle", "sans_projet": "Friche sans projet",
                   "avec_projet": "Friche avec projet", "reconvertie": "Friche reconvertie",
                   "autre": "Statut inconnu ou autre"},
        "kf_sites": "sites dans l'inventaire ({area} ha) fin {period}",
        "kf_project": "friches avec projet fin {period}",
        "kf_converted": "sites reconvertis depuis {first}",
        "kf_places": "tiers-lieux ouverts sur d'anciennes friches depuis {first}",
        "kf_population": "habitants à moins de {minutes} min {mode} d'un tiers-lieu fin {period} ({pct}\u00a0%)",
        "kf_population_none": "population desservie non calculée (réseau et carroyage non fournis)",
        "chart_status": "Sites par statut à la fin de chaque période",
        "chart_status_note": "Nombre de sites de l'inventaire tel qu'il était à la fin de la période (reconstitué "
                             "à partir de l'historique), par statut ; le total est indiqué au-dessus de chaque barre.",
        "chart_population": "Population à moins de {minutes} min {mode} des tiers-lieux ouverts",
        "chart_population_note": "Habitants du carroyage dans les zones atteintes par le réseau depuis les tiers-lieux "
                                 "ouverts à la fin de chaque période (part de la population du carroyage).",
        "no_population": "Non calculé : donnez le réseau routier et le carroyage de population pour suivre la "
                         "population desservie par les tiers-lieux.",
        "method": "Méthode. Chaque modification de l'inventaire est enregistrée par la base (champ modifié, ancienne "
                  "et nouvelle valeur, date, auteur, origine). Les chiffres d'une période décrivent l'inventaire à sa "
                  "fin ; un changement de statut compte dans la période où il a été enregistré. Un tiers-lieu est sur "
                  "une ancienne friche s'il est dans son emprise ou à moins de {distance} m de son point.",
        "changes_title": "Changements de statut en {period}",
        "changes_none": "Aucun changement de statut enregistré en {period}.",
        "changes_note": "{n} site(s) ont changé de statut en {period} (couleur : nouveau statut ; en gris, les autres "
                        "sites de l'inventaire ; étoile : tiers-lieu ouvert pendant la période).",
        "place": "Tiers-lieu ouvert",
        "other_sites": "Autres sites",
        "columns": ("Site", "Identifiant", "Commune", "Ancien statut", "Nouveau statut", "Date", "Par", "Origine"),
        "source_form": "formulaire", "source_other": "autre modification", "source_import": "import {file}",
        "indicators_title": "Indicateurs par période",
        "indicator": "Indicateur",
        "indicator_rows": ("Sites de l'inventaire en fin de période", "Surface des sites (ha)", "Friches potentielles",
                           "Friches sans projet", "Friches avec projet", "Friches reconverties",
                           "Statut inconnu ou autre", "Sites nouvellement identifiés", "Sites ayant changé de statut",
                           "Sites reconvertis", "Délai médian identification → projet (mois)",
                           "Tiers-lieux ouverts (dont sur une ancienne friche)",
                           "Tiers-lieux ouverts en fin de période",
                           "Population à portée des tiers-lieux (part)"),
        "definitions": "Définitions. Les sites et surfaces décrivent l'inventaire reconstitué à la fin de la "
                       "période. Nouvellement identifiés : date d'identification (site_identif_date) dans la période. "
                       "Changement de statut : modification de site_statut enregistrée dans la période sur un site "
                       "existant. Reconvertis : statut devenu « friche reconvertie ». Délai médian : entre la date "
                       "d'identification et le passage à « friche avec projet », pour les sites passés « avec "
                       "projet » dans la période. Tiers-lieux : date d'ouverture dans la période ; sur une ancienne "
                       "friche s'ils sont dans son emprise ou à moins de {distance} m de son point. Population : "
                       "habitants du carroyage à moins de {minutes} min {mode} des tiers-lieux ouverts.",
        "footer": "Friches & Tiers-Lieux · suivi de l'inventaire · page [% @layout_page %] / [% @layout_numpages %]",
        "walk": "à pied", "bike": "à vélo", "car": "en voiture",
        "continued": "(suite)",
    },
    "en": {
        "title": "Follow-up of the friches inventory",
        "subtitle": "Technical committee · indicators {first} – {last} ({kind}) · inventory {where} · issued {today}",
        "year": "by year", "quarter": "by quarter",
        "quarter_label": "{year} Q{quarter}",
        "status": {"potentielle": "Potential friche", "sans_projet": "Friche without project",
                   "avec_projet": "Friche with a project", "reconvertie": "Converted friche",
                   "autre": "Unknown or other status"},
        "kf_sites": "sites in the inventory ({area} ha) at the end of {period}",
        "kf_project": "friches with a project at the end of {period}",
        "kf_converted": "sites converted since {first}",
        "kf_places": "tiers-lieux opened on former friches since {first}",
        "kf_population": "people within {minutes} min {mode} of a tiers-lieu at the end of {period} ({pct}\u00a0%)",
        "kf_population_none": "population within reach not computed (no network or population grid given)",
        "chart_status": "Sites by status at the end of each period",
        "chart_status_note": "Sites of the inventory as it stood at the end of the period (rebuilt from the history), "
                             "by status; the total is written above each bar.",
        "chart_population": "Population within {minutes} min {mode} of the open tiers-lieux",
        "chart_population_note": "People of the population grid in the areas reached on the network from the "
                                 "tiers-lieux open at the end of each period (share of the grid's population).",
        "no_population": "Not computed: give the road network and the population grid to follow the population "
                         "within reach of the tiers-lieux.",
        "method": "Method. Every change of the inventory is recorded by the database (field, old and new value, "
                  "date, author, source). The figures of a period describe the inventory at its end; a status change "
                  "counts in the period when it was recorded. A tiers-lieu is on a former friche when it lies in the "
                  "site's outline or within {distance} m of its point.",
        "changes_title": "Status changes in {period}",
        "changes_none": "No status change recorded in {period}.",
        "changes_note": "{n} site(s) changed status in {period} (colour: new status; grey: the other sites of the "
                        "inventory; star: tiers-lieu opened in the period).",
        "place": "Tiers-lieu opened",
        "other_sites": "Other sites",
        "columns": ("Site", "Identifier", "Municipality", "Former status", "New status", "Date", "By", "Source"),
        "source_form": "form", "source_other": "other edit", "source_import": "import {file}",
        "indicators_title": "Indicators per period",
        "indicator": "Indicator",
        "indicator_rows": ("Sites in the inventory at the end of the period", "Area of the sites (ha)",
                           "Potential friches", "Friches without project", "Friches with a project",
                           "Converted friches", "Unknown or other status", "Sites newly identified",
                           "Sites whose status changed", "Sites converted",
                           "Median time from identification to project (months)",
                           "Tiers-lieux opened (of which on a former friche)", "Tiers-lieux open at the end",
                           "Population within reach of the tiers-lieux (share)"),
        "definitions": "Definitions. Sites and areas describe the inventory rebuilt at the end of the period. Newly "
                       "identified: identification date (site_identif_date) in the period. Status change: a change of "
                       "site_statut recorded in the period on a site that existed before. Converted: the status "
                       "became “friche reconvertie”. Median time: from the identification date to the change to "
                       "“friche avec projet”, for the sites that changed so in the period. Tiers-lieux: opening date "
                       "in the period; on a former friche when inside its outline or within {distance} m of its "
                       "point. Population: people of the grid within {minutes} min {mode} of the open tiers-lieux.",
        "footer": "Friches & Tiers-Lieux · inventory follow-up · page [% @layout_page %] / [% @layout_numpages %]",
        "walk": "on foot", "bike": "by bike", "car": "by car",
        "continued": "(continued)",
    },
}


def number(value, lang, decimals=0) -> str:
    """A number with the language's separators (12 345,6 in French, 12,345.6 in English)."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10^k) giving about ``ticks`` ticks up to ``maximum``."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(1.0, factor * power) if maximum >= 5 else factor * power
    return 10 * power


def text_format(size, bold=False, italic=False, colour=INK) -> QgsTextFormat:
    """The report's text format: its font at ``size`` points."""
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    out = QgsTextFormat()
    out.setFont(font)
    out.setSize(size)
    out.setColor(QColor(colour))
    return out


class Page:
    """Adds items to one page of the layout (coordinates in mm from the page's top left corner)."""

    def __init__(self, layout, index):
        self.layout = layout
        self.index = index

    def _place(self, item, x, y, w, h):
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(w, h))
        item.attemptMove(QgsLayoutPoint(x, y), page=self.index)
        return item

    def label(self, text, x, y, w, h, size=8.0, bold=False, colour=INK, align="left", valign="top",
              italic=False):
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        text_format_ = text_format(size, bold, italic, colour)
        if hasattr(item, "setTextFormat"):  # QGIS 3.24+
            item.setTextFormat(text_format_)
        else:
            item.setFont(text_format_.font())
            item.setFontColor(QColor(colour))
        item.setHAlign({"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
                        "right": Qt.AlignmentFlag.AlignRight}[align])
        item.setVAlign({"top": Qt.AlignmentFlag.AlignTop, "middle": Qt.AlignmentFlag.AlignVCenter,
                        "bottom": Qt.AlignmentFlag.AlignBottom}[valign])
        item.setMarginX(0.0)
        item.setMarginY(0.0)
        return self._place(item, x, y, w, h)

    def rect(self, x, y, w, h, fill, stroke=None, stroke_width=0.0, ellipse=False):
        item = QgsLayoutItemShape(self.layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Ellipse if ellipse else QgsLayoutItemShape.Shape.Rectangle)
        item.setSymbol(QgsFillSymbol.createSimple({
            "color": fill, "outline_color": stroke or fill, "outline_width": str(stroke_width),
            "outline_style": "solid" if stroke else "no"}))
        return self._place(item, x, y, w, h)

    def line(self, points, colour=LIGHT, width=0.2, dash=False):
        origin = self.layout.pageCollection().pagePositionToLayoutPosition(self.index, QgsLayoutPoint(0, 0))
        polygon = QPolygonF([QPointF(origin.x() + x, origin.y() + y) for x, y in points])
        item = QgsLayoutItemPolyline(polygon, self.layout)
        item.setSymbol(QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width),
                                                   "line_style": "dash" if dash else "solid",
                                                   "capstyle": "round", "joinstyle": "round"}))
        self.layout.addLayoutItem(item)
        return item


def new_layout(project, name):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    return layout


def add_page(layout) -> Page:
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.pageCollection().addPage(page)
    return Page(layout, layout.pageCollection().pageCount() - 1)


def period_label(period, lang):
    if period.quarter is None:
        return str(period.year)
    return TEXT[lang]["quarter_label"].format(year=period.year, quarter=period.quarter)


# --------------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------------

def stacked_bars(page, x, y, w, h, indicators, lang):
    """Sites by status per period, stacked, with the axis, the totals and a legend below."""
    texts = TEXT[lang]
    totals = [ind.sites for ind in indicators]
    step = nice_step(max(totals) if totals else 1)
    top = step * math.ceil((max(totals) if totals else 1) / step) or step
    axis_w = 9.0
    plot_x, plot_w, plot_h = x + axis_w, w - axis_w, h - 9.0
    small = 6.5 if len(indicators) > 8 else 7.5
    tick = 0.0
    while tick <= top + 1e-9:
        ty = y + plot_h * (1 - tick / top)
        page.line([(plot_x, ty), (plot_x + plot_w, ty)], LIGHT if tick else GREY, 0.15 if tick else 0.25)
        page.label(number(tick, lang), x, ty - 2.0, axis_w - 1.5, 4.0, 6.5, colour=GREY, align="right",
                   valign="middle")
        tick += step
    slot = plot_w / max(1, len(indicators))
    bar = min(18.0, slot * 0.62)
    for i, ind in enumerate(indicators):
        bx = plot_x + slot * i + (slot - bar) / 2
        base = y + plot_h
        for key in STACK_ORDER:
            count = ind.by_status.get(key, 0)
            if not count:
                continue
            height = plot_h * count / top
            page.rect(bx, base - height, bar, height, STATUS_COLOURS[key], "#ffffff", 0.15)
            if height >= 3.6 and bar >= 7:
                page.label(str(count), bx, base - height, bar, height, 6.0, colour="#ffffff", align="center",
                           valign="middle", bold=True)
            base -= height
        page.label(number(ind.sites, lang), bx - 4, base - 4.6, bar + 8, 4.0, 7.0, bold=True, align="center",
                   valign="bottom")
        page.label(period_label(ind.period, lang), plot_x + slot * i, y + plot_h + 1.2, slot, 4.5, small,
                   colour=INK, align="center")
    legend_y = y + h - 2.5
    lx = plot_x
    for key in reversed(STACK_ORDER):
        page.rect(lx, legend_y + 0.6, 3.0, 3.0, STATUS_COLOURS[key])
        label = texts["status"][key]
        width = 4.6 + len(label) * 1.45
        page.label(label, lx + 4.0, legend_y, width, 4.2, 7.0, valign="middle")
        lx += width + 3.0


def population_line(page, x, y, w, h, indicators, total, lang):
    values = [ind.population for ind in indicators]
    if not any(v is not None for v in values):
        page.rect(x, y, w, h, "#f4f6f8", LIGHT, 0.2)
        page.label(TEXT[lang]["no_population"], x + 6, y, w - 12, h, 8.5, colour=GREY, align="center",
                   valign="middle", italic=True)
        return
    top_value = max(v or 0 for v in values)
    step = nice_step(top_value)
    top = step * math.ceil(top_value / step * 1.12) or step
    axis_w = 14.0
    plot_x, plot_w, plot_h = x + axis_w, w - axis_w, h - 7.0
    tick = 0.0
    while tick <= top + 1e-9:
        ty = y + plot_h * (1 - tick / top)
        page.line([(plot_x, ty), (plot_x + plot_w, ty)], LIGHT if tick else GREY, 0.15 if tick else 0.25)
        page.label(number(tick, lang), x, ty - 2.0, axis_w - 1.5, 4.0, 6.5, colour=GREY, align="right",
                   valign="middle")
        tick += step
    slot = plot_w / max(1, len(indicators))
    points = []
    for i, (ind, value) in enumerate(zip(indicators, values)):
        cx = plot_x + slot * (i + 0.5)
        page.label(period_label(ind.period, lang), plot_x + slot * i, y + plot_h + 1.2, slot, 4.5,
                   6.5 if len(indicators) > 8 else 7.5, align="center")
        if value is None:
            continue
        cy = y + plot_h * (1 - value / top)
        points.append((cx, cy))
        pct = f" ({number(100.0 * value / total, lang, 0)}\u00a0%)" if total else ""
        page.label(number(value, lang) + pct, cx - slot / 2, cy - 6.2, slot, 4.0, 6.5, bold=True, align="center",
                   valign="bottom", colour=ACCENT)
    if len(points) > 1:
        page.line(points, ACCENT, 0.7)
    for cx, cy in points:
        page.rect(cx - 1.2, cy - 1.2, 2.4, 2.4, ACCENT, "#ffffff", 0.3, ellipse=True)


def key_figures(page, y, monitoring, lang, first_period):
    texts = TEXT[lang]
    last = monitoring.indicators[-1]
    period = period_label(last.period, lang)
    first = period_label(first_period, lang)
    mode = texts.get(monitoring.mode, monitoring.mode)
    figures = [
        (number(last.sites, lang), texts["kf_sites"].format(area=number(last.area_m2 / 10000.0, lang, 1),
                                                            period=period), ACCENT),
        (number(last.by_status.get("avec_projet", 0), lang), texts["kf_project"].format(period=period),
         STATUS_COLOURS["avec_projet"]),
        (number(sum(ind.converted for ind in monitoring.indicators), lang),
         texts["kf_converted"].format(first=first), STATUS_COLOURS["reconvertie"]),
        (number(sum(ind.places_opened_on_friche for ind in monitoring.indicators), lang),
         texts["kf_places"].format(first=first), "#6a3d9a"),
    ]
    if last.population is not None:
        pct = number(100.0 * last.population / monitoring.total_population, lang) if monitoring.total_population \
            else "–"
        figures.append((number(last.population, lang), texts["kf_population"].format(
            minutes=number(monitoring.minutes, lang), mode=mode, period=period, pct=pct), ACCENT))
    else:
        figures.append(("–", texts["kf_population_none"], GREY))
    gap = 2.5
    width = (PAGE_W - 2 * MARGIN - gap * (len(figures) - 1)) / len(figures)
    for i, (value, caption, colour) in enumerate(figures):
        bx = MARGIN + i * (width + gap)
        page.rect(bx, y, width, 27.0, "#f4f6f8", None)
        page.rect(bx, y, 1.2, 27.0, colour)
        page.label(value, bx + 3.5, y + 2.0, width - 5, 8.5, 17.0, bold=True, colour=colour)
        page.label(caption, bx + 3.5, y + 11.5, width - 5, 15.0, 6.8, colour=INK)


def source_text(source, lang):
    texts = TEXT[lang]
    if not source or source == "other":
        return texts["source_other"]
    if source == "form":
        return texts["source_form"]
    if source.startswith("import: "):
        return texts["source_import"].format(file=source[len("import: "):])
    return source


def today_text(lang):
    today = dt.date.today()
    return today.strftime("%d/%m/%Y") if lang == "fr" else today.isoformat()


def map_item(page, x, y, w, h, crs, layers, extent):
    item = QgsLayoutItemMap(page.layout)
    page._place(item, x, y, w, h)
    item.setCrs(crs)
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    from .export_atlas import fit_extent

    fit_extent(item, extent)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor(LIGHT))
    return item
