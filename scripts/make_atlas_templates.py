"""Build the "Fiche friche" print layout templates (``resources/templates/fiche_friche_{fr,en}.qpt``).

One A4 landscape page per site, laid out once here for both languages so that the French and the
English templates never drift apart; the ``.qpt`` files are what ``friches:export_atlas`` loads (and
what a planner may open and restyle in the layout designer: the algorithm finds the items by their
ids, listed in ``processing/export_atlas.py``).

Every text is a label with ``[% %]`` expressions read from the atlas feature with
``attribute(@atlas_feature, 'field')``, which gives NULL (never an error) when a field is missing, so
a layer without zoning or transit fields still prints. The maps, the legend and the overview are
bound to their layers by ``export_atlas`` at export time.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_atlas_templates.py`` and commit the result.
"""

import os
from pathlib import Path

os.environ.setdefault("QT_HASH_SEED", "0")  # attributes in a stable order (item uuids still change)

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates"
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
FONT = "Arial"  # Arial on Windows and macOS; fontconfig substitutes a metric-compatible font on Linux

INK = "#1d2b36"
MUTED = "#5b6770"
HEADER = "#1f4e5f"
STRIPE = "#eef2f4"
#: bar colours of the three uses (same hues as the candidates' style)
USE_COLOURS = {"coworking": "#2b6cb0", "fablab": "#dd6b20", "mediation": "#2f855a"}

# Page grid (mm): A4 landscape, 10 mm margins, the main map on the left, a 121 mm column on the right.
PAGE_W, PAGE_H = 297.0, 210.0
MAP_X, MAP_Y, MAP_W, MAP_H = 10.0, 27.0, 150.0, 163.0
COL_X, COL_W = 166.0, 121.0
#: top and width of the legend (the locator map fills the rest of the column's bottom)
LEGEND_Y, LEGEND_W = 140.0, 64.0


def field(name):
    return f"attribute(@atlas_feature, '{name}')"


def thousands(expr, lang):
    """A whole number with the language's thousands separator (NULL stays NULL)."""
    return f"format_number({expr}, 0, '{lang}')"


#: Texts of each language. Expressions are built by the functions below from the same field names.
TEXTS = {
    "fr": {
        "layout": "Fiche friche",
        "kicker": "Fiche friche",
        "title_default": "Friches & tiers-lieux",
        "rank": "Rang",
        "key_figures": "Chiffres clés",
        "scores": "Adéquation par usage (score sur 100)",
        "why": "Pourquoi ce site ?",
        "legend": "Légende",
        "locator": "Situation dans le territoire",
        "rows": ("Commune", "Type", "Statut", "Surface", "Zone dominante", "Desserte TC",
                 "Arrêt le plus proche", "Habitants à pied", "Sélection (maillage)", "Fiabilité du score"),
        "uses": {"coworking": "Coworking", "fablab": "Fablab", "mediation": "Médiation num."},
        "uses_long": {"coworking": "coworking", "fablab": "fablab", "mediation": "médiation numérique"},
        "candidate": "candidat",
        "best_use": "meilleur usage",
        "built": "bâti",
        "selected": "retenu, étape {step} : +{pop} habitants non desservis",
        "not_selected": "non retenu",
        "outside": "hors zonage",
        "class": "classe ÖV",
        "no_data": "—",
        "sources": "Sources : inventaire CNIG friches, INSEE Filosofi 200 m, GTFS, PLU (CNIG) — "
                   "édité le [% format_date(now(), 'dd/MM/yyyy') %] avec le plugin QGIS Friches & Tiers-Lieux",
        "page": "Page [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]",
        "explanation_field": "explanation_fr",
        "types": {},
        "statuses": {},
        "reliability": {"high": "haute", "medium": "moyenne", "low": "faible"},
        "percent": "\u00a0% des critères renseignés",
    },
    "en": {
        "layout": "Site sheet",
        "kicker": "Brownfield site sheet",
        "title_default": "Brownfields & third places",
        "rank": "Rank",
        "key_figures": "Key figures",
        "scores": "Suitability by use (score out of 100)",
        "why": "Why this site?",
        "legend": "Legend",
        "locator": "Location in the territory",
        "rows": ("Municipality", "Type", "Status", "Area", "Main zone", "Public transport",
                 "Nearest stop", "Residents on foot", "Coverage selection", "Score reliability"),
        "uses": {"coworking": "Coworking", "fablab": "Fablab", "mediation": "Digital inclusion"},
        "uses_long": {"coworking": "coworking", "fablab": "fablab", "mediation": "digital inclusion"},
        "candidate": "candidate",
        "best_use": "best use",
        "built": "built",
        "selected": "selected, step {step}: +{pop} residents not served",
        "not_selected": "not selected",
        "outside": "outside the zoning",
        "class": "ÖV class",
        "no_data": "—",
        "sources": "Sources: CNIG brownfield inventory, INSEE Filosofi 200 m grid, GTFS, local plans (CNIG) — "
                   "printed on [% format_date(now(), 'yyyy-MM-dd') %] with the Friches & Tiers-Lieux QGIS plugin",
        "page": "Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]",
        "explanation_field": "explanation_en",
        "types": {
            "friche industrielle": "industrial", "friche commerciale": "commercial", "friche hospitalière": "hospital",
            "friche agro-industrielle": "agro-industrial", "friche carrière ou mine": "quarry or mine",
            "friche militaire": "military", "friche d'habitat": "housing",
            "friche d'équipement public": "public facility",
            "friche portuaire": "port", "friche aéroportuaire": "airport", "friche ferroviaire": "railway",
            "friche logistique": "logistics", "friche loisir tourisme hôtellerie": "leisure, tourism, hotel",
            "friche enseignement": "education", "friche cultuelle": "religious", "mixte - dominante habitat":
            "mixed, mainly housing", "mixte - autre": "mixed", "inconnu": "unknown", "autre": "other",
            "sans objet": "not applicable",
        },
        "statuses": {
            "inconnu": "unknown", "autre": "other", "sans objet": "not applicable",
            "friche sans projet": "no project",
            "friche avec projet": "project under way",
            "friche reconvertie": "redeveloped",
            "friche potentielle": "potential brownfield",
        },
        "reliability": {"haute": "high", "moyenne": "medium", "faible": "low"},
        "percent": "% of the criteria with data",
    },
}


def _case(expr, mapping):
    """``CASE WHEN expr = k THEN v ... ELSE expr END`` (identity when the mapping is empty)."""
    if not mapping:
        return expr
    whens = " ".join(f"WHEN {expr} = '{_q(k)}' THEN '{_q(v)}'" for k, v in mapping.items())
    return f"CASE {whens} ELSE {expr} END"


def _q(text):
    return text.replace("'", "''")


def row_values(lang):
    """The expressions of the key figures, in the order of TEXTS[lang]['rows']."""
    t = TEXTS[lang]
    nd = t["no_data"]
    surface = f"coalesce({field('site_surface')}, {field('unite_fonciere_surface')})"
    area = (
        f"CASE WHEN {surface} IS NULL THEN '{nd}' "
        f"WHEN {surface} >= 10000 THEN format_number({surface} / 10000, 2, '{lang}') || ' ha' "
        f"ELSE {thousands(surface, lang)} || ' m²' END"
        f" || if({field('bati_surface')} > 0, "
        f"' · {t['built']} ' || {thousands(field('bati_surface'), lang)} || ' m²', '')"
    )
    # "UB (U) — faubourgs, tissu mixte…": the long label without its "UB : " prefix, cut at 34 characters
    long_label = (f"regexp_replace({field('zone_libelong')}, "
                  f"'^\\\\s*' || {field('zone_libelle')} || '\\\\s*[:–-]\\\\s*', '')")
    zone = (
        f"CASE WHEN {field('zoning_status')} = 'outside' THEN '{t['outside']}' "
        f"WHEN {field('zone_libelle')} IS NOT NULL THEN {field('zone_libelle')} "
        f"|| if({field('zone_type')} IS NOT NULL AND {field('zone_type')} <> {field('zone_libelle')}, "
        f"' (' || {field('zone_type')} || ')', '') "
        f"|| if({field('zone_libelong')} IS NOT NULL, ' — ' || if(length({long_label}) > 34, "
        f"left({long_label}, 33) || '…', {long_label}), '') "
        f"ELSE coalesce({field('urba_zone_lib')}, '{nd}') END"
    )
    ptal = (
        f"CASE WHEN {field('ptal')} IS NULL THEN '{nd}' ELSE 'PTAL ' || {field('ptal')} "
        f"|| if({field('oev_class')} IS NOT NULL, ' · {t['class']} ' || {field('oev_class')}, '') "
        f"|| if({field('dep_500m_h')} IS NOT NULL, ' · ' || format_number({field('dep_500m_h')}, 0, '{lang}') "
        f"|| ' dép./h', '') END"
    )
    if lang == "en":
        ptal = ptal.replace("dép./h", "dep./h")
    stop = (
        f"CASE WHEN {field('nearest_stop')} IS NULL THEN '{nd}' ELSE {field('nearest_stop')} "
        f"|| if({field('nearest_stop_m')} IS NOT NULL, "
        f"', ' || {thousands(field('nearest_stop_m'), lang)} || ' m', '') END"
    )
    population = (
        "coalesce(array_to_string(array_filter(array_foreach(array(5, 10, 15, 20, 30, 45, 60), "
        "if(attribute(@atlas_feature, 'pop_' || @element || 'min') IS NULL, NULL, "
        "@element || ' min : ' || "
        f"format_number(attribute(@atlas_feature, 'pop_' || @element || 'min'), 0, '{lang}'))), "
        f"@element IS NOT NULL), ' · '), '{nd}')"
    )
    if lang == "en":
        population = population.replace("' min : '", "' min: '")
    statut = _case(field("site_statut"), t["statuses"])
    # joined from Select sites by full_analysis (selection_step, selection_marginal_pop)
    step, gain = field("selection_step"), field("selection_marginal_pop")
    selected = "'" + _q(t["selected"]).replace("{step}", f"' || {step} || '").replace(
        "{pop}", f"' || {thousands(gain, lang)} || '") + "'"
    selection = (
        f"CASE WHEN NOT array_contains(map_akeys(attributes(@atlas_feature)), 'selection_step') THEN '{nd}' "
        f"WHEN {step} IS NULL THEN '{t['not_selected']}' ELSE {selected} END"
    )
    # a percentage (Score candidates) or a word (older layers)
    reliability = (
        f"CASE WHEN regexp_match(to_string({field('reliability')}), '^[0-9]+([.,][0-9]+)?$') "
        f"THEN to_string({field('reliability')}) || '{t['percent']}' "
        f"ELSE {_case(field('reliability'), t['reliability'])} END"
    )
    commune = (
        f"coalesce({field('comm_nom')}, '{nd}') || if({field('comm_insee')} IS NOT NULL, "
        f"' (' || {field('comm_insee')} || ')', '')"
    )
    return (
        commune,
        f"coalesce({_case(field('site_type'), t['types'])}, '{nd}')",
        f"coalesce({statut}, '{nd}')",
        area,
        zone,
        ptal,
        stop,
        population,
        selection,
        f"coalesce({reliability}, '{nd}')",
    )


def use_label(lang):
    uses = TEXTS[lang]["uses_long"]
    return _case(f"lower({field('best_use')})", uses)


def text_format(size, bold=False, colour=INK):
    fmt = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(QColor(colour))
    return fmt


def add_label(layout, item_id, text, x, y, w, h, size=8.0, bold=False, colour=INK,
              halign=Qt.AlignmentFlag.AlignLeft, valign=Qt.AlignmentFlag.AlignVCenter):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setFontColor(QColor(colour))
    label.setHAlign(halign)
    label.setVAlign(valign)
    label.setMarginX(1.0)
    label.setMarginY(0.0)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(w, h, MM))
    return label


def add_rect(layout, item_id, x, y, w, h, fill, outline=None, width=0.0):
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setId(item_id)
    props = {"color": fill, "style": "solid"}
    if outline:
        props.update({"outline_color": outline, "outline_width": str(width), "outline_width_unit": "MM"})
    else:
        props.update({"outline_style": "no"})
    shape.setSymbol(QgsFillSymbol.createSimple(props))
    layout.addLayoutItem(shape)
    shape.attemptMove(QgsLayoutPoint(x, y, MM))
    shape.attemptResize(QgsLayoutSize(w, h, MM))
    return shape


def add_map(layout, item_id, x, y, w, h):
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#8a969e"))
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    item.setBackgroundColor(QColor("#f2efe9"))
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))
    # an extent of the item's proportions (Lambert-93, central France): setExtent resizes an item to the
    # extent's proportions and zoomToExtent needs a current extent
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    item.setExtent(QgsRectangle(650000, 6700000, 650000 + w * 100, 6700000 + h * 100))
    return item


def build(lang: str, project: QgsProject) -> QgsPrintLayout:
    t = TEXTS[lang]
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(t["layout"])
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    QgsExpressionContextUtils.setLayoutVariable(layout, "friches_title", t["title_default"])
    QgsExpressionContextUtils.setLayoutVariable(layout, "friches_language", lang)

    # Header: site name, kicker line, document title and rank.
    add_rect(layout, "header_band", 0, 0, PAGE_W, 22, HEADER)
    add_label(layout, "title", f"[% coalesce({field('site_nom')}, {field('site_id')}) %]",
              10, 3.0, 205, 10, size=18, bold=True, colour="#ffffff")
    add_label(layout, "subtitle",
              f"{t['kicker']} · [% {field('site_id')} %] · [% coalesce({field('comm_nom')}, '') %]",
              10, 13.5, 205, 6, size=9.5, colour="#d6e4ea")
    add_label(layout, "doc_title", "[% @friches_title %]", 215, 3.5, 72, 6, size=9, colour="#d6e4ea",
              halign=Qt.AlignmentFlag.AlignRight)
    add_label(layout, "rank",
              f"[% if({field('rank')} IS NULL, '', '{t['rank']} ' || {field('rank')} "
              f"|| if({use_label(lang)} IS NULL, '', ' · {t['best_use']} : ' || {use_label(lang)})) %]"
              .replace(" : ", ": " if lang == "en" else " : "),
              165, 11.5, 122, 8, size=11, bold=True, colour="#ffffff", halign=Qt.AlignmentFlag.AlignRight)

    # Main map, its scale bar and north arrow.
    main = add_map(layout, "main_map", MAP_X, MAP_Y, MAP_W, MAP_H)
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(0.08)
    scale = QgsLayoutItemScaleBar(layout)
    scale.setId("scale_bar")
    scale.setLinkedMap(main)
    scale.setStyle("Single Box")
    scale.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceMeters)
    scale.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
    scale.setUnitLabel("m")
    scale.setNumberOfSegments(2)
    scale.setNumberOfSegmentsLeft(0)
    scale.setUnitsPerSegment(250)
    scale.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scale.setMinimumBarWidth(20)
    scale.setMaximumBarWidth(40)
    scale.setHeight(1.5)
    scale.setTextFormat(text_format(7))
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255, 220))
    scale.setFrameEnabled(False)
    layout.addLayoutItem(scale)
    scale.attemptMove(QgsLayoutPoint(MAP_X + 2, MAP_Y + MAP_H - 11, MM))
    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    north.setPicturePath(str(Path(QgsApplication.pkgDataPath()) / "svg" / "arrows" / "NorthArrow_02.svg"))
    north.setLinkedMap(main)
    north.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(north)
    north.attemptMove(QgsLayoutPoint(MAP_X + MAP_W - 11, MAP_Y + 2, MM))
    north.attemptResize(QgsLayoutSize(9, 11, MM))

    # Key figures: one stripe, one name and one value label per row.
    y = 27.0
    add_label(layout, "key_figures_title", t["key_figures"], COL_X, y, COL_W, 6, size=11, bold=True, colour=HEADER)
    y += 7.0
    row_h = 5.0
    for i, (name, expr) in enumerate(zip(t["rows"], row_values(lang))):
        if i % 2 == 0:
            add_rect(layout, f"key_stripe_{i}", COL_X, y, COL_W, row_h, STRIPE)
        add_label(layout, f"key_name_{i}", name, COL_X, y, 34, row_h, size=7.5, colour=MUTED)
        add_label(layout, f"key_value_{i}", f"[% {expr} %]", COL_X + 34, y, COL_W - 34, row_h, size=7.5, bold=True)
        y += row_h

    # Score bars: the bar's width is the score (data-defined), the value and the candidate flag next to it.
    y += 3.5
    add_label(layout, "scores_title", t["scores"], COL_X, y, COL_W, 6, size=11, bold=True, colour=HEADER)
    y += 7.0
    bar_x, bar_w, bar_h, pitch = COL_X + 30, 56.0, 4.2, 6.6
    for use, colour in USE_COLOURS.items():
        score = f"coalesce({field('score_' + use)}, 0)"
        add_label(layout, f"score_name_{use}", t["uses"][use], COL_X, y, 30, bar_h + 1, size=8, bold=True)
        add_rect(layout, f"score_track_{use}", bar_x, y + 0.5, bar_w, bar_h, "#e3e8eb")
        bar = add_rect(layout, f"score_bar_{use}", bar_x, y + 0.5, bar_w, bar_h, colour)
        bar.dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.ItemWidth,
            QgsProperty.fromExpression(f"max(0.01, {bar_w} * min(100, max(0, {score})) / 100)"),
        )
        add_label(
            layout, f"score_value_{use}",
            f"[% if({field('score_' + use)} IS NULL, '{t['no_data']}', "
            f"format_number({field('score_' + use)}, 0, '{lang}')) %]"
            f"[% if({field('candidate_' + use)}, '  ● {t['candidate']}', '') %]",
            bar_x + bar_w + 1.5, y, COL_W - 30 - bar_w - 1.5, bar_h + 1, size=8, bold=True, colour=colour,
        )
        y += pitch

    # Explanation.
    y += 2.0
    add_label(layout, "explanation_title", t["why"], COL_X, y, COL_W, 6, size=11, bold=True, colour=HEADER)
    y += 6.5
    add_label(layout, "explanation", f"[% coalesce({field(t['explanation_field'])}, '') %]",
              COL_X, y, COL_W, LEGEND_Y - 1.5 - y, size=7.5, valign=Qt.AlignmentFlag.AlignTop)

    # Legend and locator map, side by side at the bottom of the column.
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(t["legend"])
    legend.setLinkedMap(main)
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(False)
    legend.setColumnCount(2)
    legend.setSplitLayer(False)
    legend.setEqualColumnWidth(False)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3)
    legend.setBoxSpace(1.0)
    legend.setBackgroundEnabled(False)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 8, True), (QgsLegendStyle.Style.Group, 7, True),
                              (QgsLegendStyle.Style.Subgroup, 6.5, True), (QgsLegendStyle.Style.SymbolLabel, 6, False)):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 1.2)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 0.6)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Top, 0.6)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(COL_X, LEGEND_Y, MM))
    legend.attemptResize(QgsLayoutSize(LEGEND_W, MAP_Y + MAP_H - LEGEND_Y, MM))

    loc_x, loc_w = COL_X + LEGEND_W + 2, COL_W - LEGEND_W - 2
    add_label(layout, "locator_title", t["locator"], loc_x, LEGEND_Y, loc_w, 4.5, size=7, bold=True, colour=HEADER)
    locator = add_map(layout, "locator_map", loc_x, LEGEND_Y + 5, loc_w, MAP_Y + MAP_H - LEGEND_Y - 5)
    locator.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, MM))

    # Footer.
    add_rect(layout, "footer_rule", 10, 193.5, PAGE_W - 20, 0.3, "#b8c2c8")
    add_label(layout, "sources", t["sources"], 10, 195, 230, 6, size=6.5, colour=MUTED)
    add_label(layout, "page_number", t["page"], 240, 195, 47, 6, size=8, bold=True, colour=MUTED,
              halign=Qt.AlignmentFlag.AlignRight)

    atlas = layout.atlas()
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setFilenameExpression("'fiche_' || lpad(to_string(@atlas_featurenumber), 3, '0')")
    return layout


def main():
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    project = QgsProject()
    for lang in ("fr", "en"):
        layout = build(lang, project)
        path = OUT / f"fiche_friche_{lang}.qpt"
        ok = layout.saveAsTemplate(str(path), QgsReadWriteContext())
        print(path.name, "ok" if ok else "FAILED")
    app.exitQgis()


if __name__ == "__main__":
    main()
