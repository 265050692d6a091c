"""The programme as a planner reads it: an XLSX workbook and a "Programme pluriannuel" PDF (a chart per
year of the spend and the population covered, the yearly table, the sites chosen and those left out).

Why QPainter and GDAL: the PDF is drawn with QPainter on a ``QPdfWriter`` (text stays text, so the PDF
is searchable and ``pdftotext`` reads it on every QGIS version; a print layout would need a chart item
that QGIS 3.22 lacks), the same drawing gives the PNG of the README; the workbook is written by GDAL's
XLSX driver, which every QGIS ships (no new dependency). Texts follow the language chosen for the
documents (French or English), not the interface's, like the atlas sheets.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from qgis.PyQt.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from ..core.costs.formatting import money

#: Reasons of the sites left out, in the order the documents list them.
LEFT_OUT_ORDER = ("mandatory_first", "budget", "tie", "covered_by_others", "not_examined", "too_expensive", "phasing",
                  "no_gain", "excluded", "no_cost", "not_candidate", "no_use")


@dataclass
class SiteRow:
    site_id: str
    name: str
    use: str
    use_label: Tuple[str, str]
    status: str  # "selected" or "left_out"
    order: Optional[int]
    acq_year: Optional[int]
    works_year: Optional[int]
    acquisition: Optional[float]
    works: Optional[float]
    total: Optional[float]
    cumulative: Optional[float]
    revenue: Optional[float]
    gain: Optional[float]
    marginal: Optional[float]
    new_pop: Optional[float]
    mandatory: bool
    reason_code: str
    reason_fr: str
    reason_en: str

    def reason(self, lang):
        return self.reason_fr if lang == "fr" else self.reason_en


@dataclass
class YearRow:
    year: int
    budget: float
    available: float
    acquisitions: float
    works: float
    spend: float
    unspent: float
    cumulative: float
    acquired: int
    opened: int
    new_pop: Optional[float]
    cumulative_pop: Optional[float]
    gain: float
    revenue: Optional[float]


@dataclass
class ProgrammeReport:
    title: str
    sites: List[SiteRow]
    years: List[YearRow]
    objective: Tuple[str, str]  # what is maximised (fr, en)
    unit: Tuple[str, str]
    status: Tuple[str, str]  # sentence of the solver status (fr, en)
    objective_value: float
    population: Optional[float]  # people newly covered by the programme (None without population)
    uncovered: Optional[float]  # people not served before
    costs: Tuple[str, str]  # where the costs come from
    warning: Tuple[str, str]  # the cost table's warning
    carry_over: bool
    delay: int
    sources: List[str] = field(default_factory=list)

    @property
    def chosen(self) -> List[SiteRow]:
        return sorted((s for s in self.sites if s.status == "selected"), key=lambda s: s.order or 0)

    @property
    def left_out(self) -> List[SiteRow]:
        """Sites left out, the candidates first (by reason, then by own gain), those that were no candidate
        or had no cost last."""
        order = {code: k for k, code in enumerate(LEFT_OUT_ORDER)}
        rows = [s for s in self.sites if s.status != "selected"]
        return sorted(rows, key=lambda s: (order.get(s.reason_code, len(order)), -(s.gain or 0.0), s.site_id))


def _t(lang, fr, en):
    return fr if lang == "fr" else en


def _num(value, lang, digits=0):
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _meur(value, lang):
    """A sum in millions of euros, 2 decimals: « 1,25 M€ »."""
    if value is None:
        return "–"
    return f"{_num(value / 1e6, lang, 2)}\u00a0M€"


# --------------------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------------------
def _site_columns(lang):
    return (
        (_t(lang, "Ordre", "Order"), "int", lambda s: s.order),
        (_t(lang, "Site", "Site"), "str", lambda s: s.site_id),
        (_t(lang, "Nom", "Name"), "str", lambda s: s.name),
        (_t(lang, "Usage", "Use"), "str", lambda s: s.use_label[0 if lang == "fr" else 1]),
        (_t(lang, "Statut", "Status"), "str", lambda s: _t(lang, "retenu", "chosen") if s.status == "selected" else
         _t(lang, "écarté", "left out")),
        (_t(lang, "Imposé", "Mandatory"), "str", lambda s: _t(lang, "oui", "yes") if s.mandatory else ""),
        (_t(lang, "Année d'acquisition", "Acquisition year"), "int", lambda s: s.acq_year),
        (_t(lang, "Année des travaux", "Works year"), "int", lambda s: s.works_year),
        (_t(lang, "Acquisition (€)", "Acquisition (€)"), "real", lambda s: s.acquisition),
        (_t(lang, "Travaux (€)", "Works (€)"), "real", lambda s: s.works),
        (_t(lang, "Coût total (€)", "Total cost (€)"), "real", lambda s: s.total),
        (_t(lang, "Dépense cumulée (€)", "Cumulative spend (€)"), "real", lambda s: s.cumulative),
        (_t(lang, "Recette annuelle (€)", "Yearly revenue (€)"), "real", lambda s: s.revenue),
        (_t(lang, "Gain propre", "Own gain"), "real", lambda s: s.gain),
        (_t(lang, "Gain marginal", "Marginal gain"), "real", lambda s: s.marginal),
        (_t(lang, "Habitants nouvellement couverts", "People newly covered"), "real", lambda s: s.new_pop),
        (_t(lang, "Raison", "Reason"), "str", lambda s: s.reason(lang)),
    )


def _year_columns(lang):
    return (
        (_t(lang, "Année", "Year"), "int", lambda y: y.year),
        (_t(lang, "Budget (€)", "Budget (€)"), "real", lambda y: y.budget),
        (_t(lang, "Disponible (€)", "Available (€)"), "real", lambda y: y.available),
        (_t(lang, "Acquisitions (€)", "Acquisitions (€)"), "real", lambda y: y.acquisitions),
        (_t(lang, "Travaux (€)", "Works (€)"), "real", lambda y: y.works),
        (_t(lang, "Dépense (€)", "Spend (€)"), "real", lambda y: y.spend),
        (_t(lang, "Non dépensé (€)", "Unspent (€)"), "real", lambda y: y.unspent),
        (_t(lang, "Dépense cumulée (€)", "Cumulative spend (€)"), "real", lambda y: y.cumulative),
        (_t(lang, "Sites acquis", "Sites acquired"), "int", lambda y: y.acquired),
        (_t(lang, "Lieux ouverts", "Places opened"), "int", lambda y: y.opened),
        (_t(lang, "Habitants nouvellement couverts", "People newly covered"), "real", lambda y: y.new_pop),
        (_t(lang, "Habitants couverts (cumul)", "People covered (cumulative)"), "real", lambda y: y.cumulative_pop),
        (_t(lang, "Gain de l'année", "Gain of the year"), "real", lambda y: y.gain),
        (_t(lang, "Recettes de l'année (€)", "Revenue of the year (€)"), "real", lambda y: y.revenue),
    )


def write_xlsx(report: ProgrammeReport, path, lang: str) -> str:
    """The workbook: sheets Programme, Years (Années) and About (À propos)."""
    from osgeo import ogr

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    driver = ogr.GetDriverByName("XLSX")
    if driver is None:
        raise RuntimeError("GDAL has no XLSX driver")
    source = driver.CreateDataSource(str(path))
    if source is None:
        raise RuntimeError(f"cannot create {path}")
    kinds = {"int": ogr.OFTInteger, "real": ogr.OFTReal, "str": ogr.OFTString}

    def sheet(name, columns, rows):
        layer = source.CreateLayer(name, geom_type=ogr.wkbNone)
        for title, kind, _get in columns:
            layer.CreateField(ogr.FieldDefn(title, kinds[kind]))
        definition = layer.GetLayerDefn()
        for row in rows:
            feature = ogr.Feature(definition)
            for k, (_title, kind, get) in enumerate(columns):
                value = get(row)
                if value is None or (isinstance(value, float) and not math.isfinite(value)):
                    continue
                feature.SetField(k, int(value) if kind == "int" else (round(float(value), 2) if kind == "real"
                                                                       else str(value)))
            layer.CreateFeature(feature)

    sheet("Programme", _site_columns(lang), report.chosen + report.left_out)
    sheet(_t(lang, "Années", "Years"), _year_columns(lang), report.years)
    about = [
        (_t(lang, "Titre", "Title"), report.title),
        (_t(lang, "Objectif", "Objective"), report.objective[0 if lang == "fr" else 1]),
        (_t(lang, "Valeur de l'objectif", "Objective value"), _num(report.objective_value, lang, 1)),
        (_t(lang, "Résolution", "Solution"), report.status[0 if lang == "fr" else 1]),
        (_t(lang, "Coûts", "Costs"), report.costs[0 if lang == "fr" else 1]),
        (_t(lang, "Avertissement", "Warning"), report.warning[0 if lang == "fr" else 1]),
        (_t(lang, "Report des crédits non dépensés", "Unspent budget carried over"),
         _t(lang, "oui", "yes") if report.carry_over else _t(lang, "non", "no")),
        (_t(lang, "Délai acquisition → travaux (ans)", "Delay acquisition → works (years)"), str(report.delay)),
        (_t(lang, "Produit le", "Made on"), _dt.date.today().isoformat()),
    ] + [(_t(lang, "Source", "Source"), s) for s in report.sources]
    sheet(_t(lang, "À propos", "About"), ((_t(lang, "Rubrique", "Item"), "str", lambda r: r[0]),
                                           (_t(lang, "Valeur", "Value"), "str", lambda r: r[1])), about)
    source = None
    return str(path)


# --------------------------------------------------------------------------------------------------
# PDF and PNG
# --------------------------------------------------------------------------------------------------
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MARGIN = 12.0
COLOURS = {"acq": "#e08214", "works": "#2c7fb8", "budget": "#525252", "pop": "#1a9641", "grid": "#d9d9d9",
           "text": "#212121", "muted": "#616161", "head": "#eeeeee", "left": "#fbe9e7"}


def _flag_value(flag) -> int:
    """The integer of a Qt flag: ``int()`` on Qt5's flags, ``.value`` on Qt6's enums (which do not mix
    AlignmentFlag and TextFlag with ``|``)."""
    value = getattr(flag, "value", flag)
    return int(value)


class _Canvas:
    """A painter on a page measured in millimetres."""

    def __init__(self, painter: QPainter, dpi: float):
        self.p = painter
        self.k = dpi / 25.4  # device pixels per mm

    def font(self, size_pt: float, bold=False):
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPixelSize(max(1, int(round(size_pt * 0.3528 * self.k))))
        font.setBold(bold)
        self.p.setFont(font)
        return font

    def rect(self, x, y, w, h):
        return QRectF(x * self.k, y * self.k, w * self.k, h * self.k)

    def text(self, x, y, w, h, text, size=8.0, bold=False, colour="text", align=None, wrap=False):
        self.font(size, bold)
        self.p.setPen(QPen(QColor(COLOURS.get(colour, colour))))
        if align is None:
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        flags = _flag_value(align)
        if wrap:
            flags |= _flag_value(Qt.TextFlag.TextWordWrap)
        self.p.drawText(self.rect(x, y, w, h), flags, text)

    def text_height(self, text, w, size=8.0) -> float:
        metrics = QFontMetricsF(self.font(size))
        bound = metrics.boundingRect(QRectF(0, 0, w * self.k, 10000), _flag_value(Qt.TextFlag.TextWordWrap), text)
        return bound.height() / self.k

    def fill(self, x, y, w, h, colour, outline=None, width=0.2):
        self.p.setBrush(QBrush(QColor(COLOURS.get(colour, colour))))
        self.p.setPen(QPen(QColor(COLOURS.get(outline, outline)), width * self.k) if outline else
                      QPen(Qt.PenStyle.NoPen))
        self.p.drawRect(self.rect(x, y, w, h))

    def line(self, x1, y1, x2, y2, colour="grid", width=0.2, dash=False):
        pen = QPen(QColor(COLOURS.get(colour, colour)), width * self.k)
        if dash:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(x1 * self.k, y1 * self.k), QPointF(x2 * self.k, y2 * self.k))

    def dot(self, x, y, r, colour):
        self.p.setBrush(QBrush(QColor(COLOURS[colour])))
        self.p.setPen(QPen(QColor("#ffffff"), 0.3 * self.k))
        self.p.drawEllipse(QPointF(x * self.k, y * self.k), r * self.k, r * self.k)


def _nice_step(top: float, ticks: int = 5) -> float:
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def _header(c: _Canvas, report: ProgrammeReport, lang: str, page: int, pages: int):
    c.text(MARGIN, 8, PAGE_W - 2 * MARGIN, 9, _t(lang, "Programme pluriannuel", "Multi-year programme"), 17, True)
    c.text(MARGIN, 16.5, PAGE_W - 2 * MARGIN, 6, _t(
        lang, "Acquisition et reconversion des friches en tiers-lieux", "Acquiring and converting friches into "
        "third places") + (f" — {report.title}" if report.title else ""), 10, colour="muted")
    c.line(MARGIN, 24, PAGE_W - MARGIN, 24, "budget", 0.3)
    footer = _t(lang, "Coûts indicatifs : ", "Indicative costs: ") + report.costs[0 if lang == "fr" else 1]
    c.text(MARGIN, PAGE_H - 10, PAGE_W - 2 * MARGIN - 40, 6, footer, 6.5, colour="muted")
    c.text(PAGE_W - MARGIN - 40, PAGE_H - 10, 40, 6, f"{_dt.date.today().isoformat()} — {page}/{pages}", 6.5,
           colour="muted", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _key_figures(c: _Canvas, report: ProgrammeReport, lang: str, y: float) -> float:
    chosen = report.chosen
    spend = sum(r.spend for r in report.years)
    budget = sum(r.budget for r in report.years)
    first, last = (report.years[0].year, report.years[-1].year) if report.years else ("", "")
    figures = [
        (str(len(chosen)), _t(lang, "sites programmés", "sites in the programme")),
        (_meur(spend, lang), _t(lang, f"dépensés sur {_meur(budget, lang)} ({first}–{last})",
                                f"spent of {_meur(budget, lang)} ({first}–{last})")),
    ]
    if report.population is not None:
        figures.append((_num(report.population, lang), _t(lang, "habitants nouvellement couverts",
                                                          "people newly covered")))
    else:
        figures.append((_num(report.objective_value, lang, 1), report.unit[0 if lang == "fr" else 1]))
    width = (PAGE_W - 2 * MARGIN) / (len(figures) + 1.3)
    for k, (value, label) in enumerate(figures):
        x = MARGIN + k * width
        c.text(x, y, width - 4, 8, value, 15, True, "pop" if k == 2 else "text")
        c.text(x, y + 8, width - 4, 5, label, 7.5, colour="muted")
    x = MARGIN + len(figures) * width
    c.text(x, y, PAGE_W - MARGIN - x, 13, report.status[0 if lang == "fr" else 1] + ". " +
           _t(lang, "Objectif : ", "Objective: ") + report.objective[0 if lang == "fr" else 1] + ".", 7.5,
           colour="muted", wrap=True)
    return y + 15


def _chart(c: _Canvas, report: ProgrammeReport, lang: str, x0: float, y0: float, w: float, h: float):
    years = report.years
    if not years:
        return
    c.text(x0, y0, w, 6, _t(lang, "Dépenses et habitants couverts par année", "Spend and people covered per year"),
           10, True)
    y0 += 8
    h -= 8
    left, right, bottom = 20.0, 20.0 if report.population is not None else 4.0, 12.0
    px, py, pw, ph = x0 + left, y0 + 4, w - left - right, h - bottom - 4
    top = max(max(r.budget for r in years), max(r.spend for r in years), 1.0)
    if report.carry_over:
        top = max(top, max(r.available for r in years))
    step = _nice_step(top)
    top = step * math.ceil(top / step)
    pop_top = max((r.cumulative_pop or 0.0) for r in years) if report.population is not None else 0.0
    pop_step = _nice_step(pop_top, 4) if pop_top > 0 else 1.0
    pop_top = pop_step * math.ceil(pop_top / pop_step) if pop_top > 0 else 1.0
    ticks = int(round(top / step))
    for k in range(ticks + 1):
        y = py + ph - ph * k / ticks
        c.line(px, y, px + pw, y, "grid", 0.15)
        c.text(x0, y - 2.5, left - 2, 5, _meur(step * k, lang), 6.5, colour="muted",
               align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if report.population is not None:
        c.line(px + pw, py, px + pw, py + ph, "pop", 0.3)
        for k in range(int(round(pop_top / pop_step)) + 1):
            y = py + ph - ph * (k * pop_step) / pop_top
            c.line(px + pw, y, px + pw + 1.2, y, "pop", 0.3)
            c.text(px + pw + 2, y - 2.5, right - 2, 5, _num(k * pop_step, lang), 6.5, colour="pop")
    slot = pw / len(years)
    bar = min(slot * 0.55, 18.0)
    points = []
    for k, row in enumerate(years):
        cx = px + slot * (k + 0.5)
        base = py + ph
        h_acq = ph * row.acquisitions / top
        h_works = ph * row.works / top
        c.fill(cx - bar / 2, base - h_acq, bar, h_acq, "acq")
        c.fill(cx - bar / 2, base - h_acq - h_works, bar, h_works, "works")
        yb = base - ph * row.budget / top
        c.line(cx - bar / 2 - 2, yb, cx + bar / 2 + 2, yb, "budget", 0.6)
        if report.carry_over and row.available > row.budget + 0.5:
            ya = base - ph * row.available / top
            c.line(cx - bar / 2 - 2, ya, cx + bar / 2 + 2, ya, "budget", 0.4, dash=True)
        label = f"{row.year}"
        c.text(cx - slot / 2, base + 1, slot, 5, label, 7.5, True,
               align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        opened = _t(lang, f"{row.opened} ouvert(s)", f"{row.opened} opened") if row.opened else ""
        c.text(cx - slot / 2, base + 5.5, slot, 4, opened, 6, colour="muted",
               align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        if report.population is not None:
            points.append((cx, py + ph - ph * (row.cumulative_pop or 0.0) / pop_top, row))
    for (xa, ya, _r), (xb, yb, _s) in zip(points, points[1:]):
        c.line(xa, ya, xb, yb, "pop", 0.7)
    for xp, yp, row in points:
        c.dot(xp, yp, 1.2, "pop")
        if row.new_pop:
            label = "+" + _num(row.new_pop, lang)
            width = QFontMetricsF(c.font(6.5, True)).horizontalAdvance(label) / c.k + 1.6
            c.fill(xp - width / 2, yp - 6.6, width, 4.0, "#ffffff")
            c.text(xp - 12, yp - 6.5, 24, 4, label, 6.5, True, "pop",
                   align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
    # legend, on the title's line
    ly = y0 - 8
    lx = x0 + w - (185 if report.carry_over else 150)
    items = [("acq", _t(lang, "Acquisitions", "Acquisitions")), ("works", _t(lang, "Travaux", "Works")),
             ("budget", _t(lang, "Budget de l'année", "Budget of the year"))]
    if report.carry_over:
        items.append(("available", _t(lang, "Disponible avec le report", "Available with carry-over")))
    if report.population is not None:
        items.append(("pop", _t(lang, "Habitants couverts (cumul)", "People covered (cumulative)")))
    for colour, label in items:
        if colour == "budget":
            c.line(lx, ly + 2.5, lx + 5, ly + 2.5, "budget", 0.6)
        elif colour == "available":
            c.line(lx, ly + 2.5, lx + 5, ly + 2.5, "budget", 0.4, dash=True)
        elif colour == "pop":
            c.line(lx, ly + 2.5, lx + 5, ly + 2.5, "pop", 0.7)
            c.dot(lx + 2.5, ly + 2.5, 1.0, "pop")
        else:
            c.fill(lx, ly + 0.8, 5, 3.4, colour)
        c.text(lx + 6, ly, 40, 5, label, 7)
        lx += 7 + QFontMetricsF(c.font(7)).horizontalAdvance(label) / c.k + 3


def _table(c: _Canvas, x: float, y: float, columns, rows, lang, bottom: float, size=7.0, shade=None):
    """Draw ``rows`` under a header; returns (y after, rows not drawn)."""
    widths = [col[1] for col in columns]
    head_h = max(6.0, max(c.text_height(title, width - 2, size) + 1.5 for (title, width, _a, _g) in columns))
    c.fill(x, y, sum(widths), head_h, "head")
    cx = x
    for (title, width, align, _get) in columns:
        c.text(cx + 1, y, width - 2, head_h, title, size, True, align=align | Qt.AlignmentFlag.AlignVCenter,
               wrap=True)
        cx += width
    y += head_h
    for n, row in enumerate(rows):
        texts = [get(row) for (_t1, _w, _a, get) in columns]
        height = max(4.6, max(c.text_height(t, w - 2, size) + 1.2 for t, (_t2, w, _a, _g) in zip(texts, columns)))
        if y + height > bottom:
            return y, rows[n:]
        if shade is not None and shade(row):
            c.fill(x, y, sum(widths), height, "left")
        cx = x
        for text, (_title, width, align, _get) in zip(texts, columns):
            c.text(cx + 1, y, width - 2, height, text, size, align=align | Qt.AlignmentFlag.AlignVCenter, wrap=True)
            cx += width
        c.line(x, y + height, x + sum(widths), y + height, "grid", 0.1)
        y += height
    return y, []


def _year_table_columns(report, lang):
    r, left = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
    cols = [
        (_t(lang, "Année", "Year"), 14, left, lambda y: str(y.year)),
        (_t(lang, "Budget", "Budget"), 24, r, lambda y: money(y.budget, lang)),
    ]
    if report.carry_over:
        cols.append((_t(lang, "Disponible (report)", "Available (carry-over)"), 26, r,
                     lambda y: money(y.available, lang)))
    cols += [
        (_t(lang, "Acquisitions", "Acquisitions"), 25, r, lambda y: money(y.acquisitions, lang)),
        (_t(lang, "Travaux", "Works"), 25, r, lambda y: money(y.works, lang)),
        (_t(lang, "Dépense", "Spend"), 25, r, lambda y: money(y.spend, lang)),
        (_t(lang, "Non dépensé", "Unspent"), 24, r, lambda y: money(y.unspent, lang)),
        (_t(lang, "Cumul", "Cumulative"), 26, r, lambda y: money(y.cumulative, lang)),
        (_t(lang, "Acquis", "Acquired"), 14, r, lambda y: str(y.acquired)),
        (_t(lang, "Ouverts", "Opened"), 14, r, lambda y: str(y.opened)),
    ]
    if report.population is not None:
        cols += [(_t(lang, "Nouveaux habitants", "New people"), 24, r, lambda y: _num(y.new_pop, lang)),
                 (_t(lang, "Habitants (cumul)", "People (cumul.)"), 24, r, lambda y: _num(y.cumulative_pop, lang))]
    else:
        cols += [(_t(lang, "Gain", "Gain"), 24, r, lambda y: _num(y.gain, lang, 1))]
    return cols


def _site_table_columns(report, lang):
    r, left = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
    gain_title = _t(lang, "Nouveaux habitants", "New people") if report.population is not None else _t(
        lang, "Gain", "Gain")
    return [
        ("#", 7, r, lambda s: str(s.order or "")),
        (_t(lang, "Site", "Site"), 62, left, lambda s: (f"{s.name} ({s.site_id})" if s.name else s.site_id) + (
            _t(lang, " — imposé", " — mandatory") if s.mandatory else "")),
        (_t(lang, "Usage", "Use"), 24, left, lambda s: s.use_label[0 if lang == "fr" else 1]),
        (_t(lang, "Acquis.", "Acquired"), 14, r, lambda s: str(s.acq_year or "")),
        (_t(lang, "Travaux", "Works"), 14, r, lambda s: str(s.works_year or "")),
        (_t(lang, "Acquisition", "Acquisition"), 25, r, lambda s: money(s.acquisition, lang)),
        (_t(lang, "Travaux (€)", "Works (€)"), 25, r, lambda s: money(s.works, lang)),
        (_t(lang, "Total", "Total"), 25, r, lambda s: money(s.total, lang)),
        (_t(lang, "Cumul", "Cumulative"), 25, r, lambda s: money(s.cumulative, lang)),
        (gain_title, 24, r, lambda s: _num(s.new_pop if report.population is not None else s.marginal, lang)),
        (_t(lang, "Recette/an", "Revenue/yr"), 28, r, lambda s: money(s.revenue, lang)),
    ]


def _left_out_columns(lang):
    left, r = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    return [
        (_t(lang, "Site", "Site"), 70, left, lambda s: f"{s.name} ({s.site_id})" if s.name else s.site_id),
        (_t(lang, "Usage", "Use"), 24, left, lambda s: s.use_label[0 if lang == "fr" else 1] if s.use else "–"),
        (_t(lang, "Coût total", "Total cost"), 26, r, lambda s: money(s.total, lang)),
        (_t(lang, "Pourquoi il n'est pas retenu", "Why it is left out"), 153, left, lambda s: s.reason(lang)),
    ]


def _pages(c: _Canvas, report: ProgrammeReport, lang: str, new_page, only_first=False, total=0, check=None):
    """Draw every page (``total`` pages, for the footer); ``new_page()`` starts the next one; ``check()``,
    called before each page, may raise to stop (a cancel); returns the number of pages drawn."""
    bottom = PAGE_H - 13
    plan = []  # list of callables drawing a page body, filled as tables overflow

    def first(cv):
        y = _key_figures(cv, report, lang, 27)
        _chart(cv, report, lang, MARGIN, y + 1, PAGE_W - 2 * MARGIN, 88)
        y_table = y + 92
        _table(cv, MARGIN, y_table, _year_table_columns(report, lang), report.years, lang, bottom, 7.0)

    plan.append(first)
    if not only_first:
        rows = report.chosen

        def sites_page(remaining, left_rows):
            def draw(cv):
                y = 28.0
                rest = remaining
                if rest:
                    cv.text(MARGIN, y, 200, 6, _t(lang, "Sites programmés, par ordre d'ouverture",
                                                  "Sites of the programme, in order of opening"), 10, True)
                    y += 7
                    y, rest = _table(cv, MARGIN, y, _site_table_columns(report, lang), rest, lang, bottom, 7.0)
                    y += 4
                left = left_rows
                if not rest and left and y + 20 < bottom:
                    cv.text(MARGIN, y, 250, 6, _t(lang, "Sites écartés et pourquoi", "Sites left out and why"), 10,
                            True)
                    y += 7
                    y, left = _table(cv, MARGIN, y, _left_out_columns(lang), left, lang, bottom, 6.8)
                if rest or left:
                    plan.append(sites_page(rest, left))
            return draw

        plan.append(sites_page(rows, report.left_out))
    k = 0
    while k < len(plan):
        if check is not None:
            check()
        if k:
            new_page()
        _header(c, report, lang, k + 1, total)
        plan[k](c)
        k += 1
    return len(plan)


def _paint(device, dpi, report, lang, new_page, only_first=False, check=None):
    total = 1
    if not only_first:  # count the pages first (the footer says "page k/n")
        scratch = QImage(10, 10, QImage.Format.Format_ARGB32)
        dry = QPainter(scratch)
        try:
            total = _pages(_Canvas(dry, dpi), report, lang, lambda: None, check=check)
        finally:
            dry.end()
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    try:
        _pages(_Canvas(painter, dpi), report, lang, lambda: new_page(painter), only_first, total, check)
    finally:
        painter.end()
    return total


def write_pdf(report: ProgrammeReport, path, lang: str, dpi: int = 300, check=None) -> int:
    """The "Programme pluriannuel" PDF (A4 landscape); returns the number of pages. ``check()`` is called
    before each page and may raise (a cancel)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(_t(lang, "Programme pluriannuel", "Multi-year programme") + (f" — {report.title}" if report.title
                                                                                 else ""))
    writer.setCreator("Friches & Tiers-Lieux (QGIS)")
    return _paint(writer, dpi, report, lang, lambda painter: writer.newPage(), check=check)


def write_png(report: ProgrammeReport, path, lang: str, dpi: int = 110) -> str:
    """Page 1 (key figures, chart, yearly table) as a PNG."""
    size = QSizeF(PAGE_W / 25.4 * dpi, PAGE_H / 25.4 * dpi)
    image = QImage(int(size.width()), int(size.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    _paint(image, dpi, report, lang, lambda painter: None, only_first=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    return str(path)


__all__ = ["ProgrammeReport", "SiteRow", "YearRow", "write_pdf", "write_png", "write_xlsx"]
