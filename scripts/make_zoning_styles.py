"""Build the QML styles of the zoning layers (resources/styles) with the QGIS API.

Why a script: the same reason as ``make_styles.py`` (readable choices, QML written by QGIS itself). The
colours follow the CNIG symbolisation of PLU (cnigfr/DDU-SG5-SYMBOLISATION, "préconisations",
small-scale zone fills): U #e60000, AUc #ff6565, AUs #feccbe, A #ffff00, N #56aa02, filled at 40 %
transparency with a #343434 0.8 pt outline; prescriptions: EBC green circles #268c00 with a #56aa02
outline, emplacement réservé cross-hatched #e600a9 (logement social #8f21aa), STECAL #f57a7a, OAP
#ff5500 (hatched, dashed outline here so that the zone below stays readable), patrimoine #730000,
continuités écologiques #004da8.

The styles match the layers as they come (ZONE_URBA, PRESCRIPTION_*, INFO_*, PERIMETRE_SCOT from a CNIG
export or the GPU): field names are looked up by QGIS whatever their case, and coded values are read
whatever their case or padding (``auc``, ``5`` for ``05``). ``zoning_zones`` and ``zoning_sites*``
style the outputs of ``friches:zoning_overlay``.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_zoning_styles.py`` and commit the QML.
"""

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPointPatternFillSymbolLayer,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSimpleLineSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor
from style_helpers import labels, write_styles

OUT = Path(__file__).resolve().parent.parent / "resources" / "styles"

OUTLINE = "#343434"
OUTLINE_MM = "0.28"  # 0.8 pt
ALPHA = 153  # 40 % transparency

#: (family code of zoning_overlay, zone type, label, CNIG fill colour)
ZONES = (
    ("u", "U", "U – zone urbaine", "#e60000"),
    ("auc", "AUc", "AUc – zone à urbaniser", "#ff6565"),
    ("aus", "AUs", "AUs – zone à urbaniser bloquée", "#feccbe"),
    ("a", "A", "A – zone agricole", "#ffff00"),
    ("n", "N", "N – zone naturelle et forestière", "#56aa02"),
)
#: The zone type of a ZONE_URBA feature, whatever the case, legacy codes folded in (as core.zoning.codes).
TYPEZONE_EXPRESSION = (
    "CASE "
    "WHEN upper(trim(\"LIBELLE\")) LIKE 'ZURNU%' THEN 'RNU' "
    "WHEN upper(trim(\"TYPEZONE\")) = 'U' THEN 'U' "
    "WHEN upper(trim(\"TYPEZONE\")) = 'AUC' THEN 'AUc' "
    "WHEN upper(trim(\"TYPEZONE\")) IN ('AUS', 'AU') THEN 'AUs' "
    "WHEN upper(trim(\"TYPEZONE\")) IN ('A', 'AH') THEN 'A' "
    "WHEN upper(trim(\"TYPEZONE\")) IN ('N', 'NH', 'ND') THEN 'N' "
    "ELSE 'autre' END"
)
#: The carte communale sector type, read from TYPESECT (01, 1, 02…) or LIBELLE (ZC, ZCa, ZnC).
TYPESECT_EXPRESSION = (
    "CASE "
    "WHEN to_int(\"TYPESECT\") = 1 OR upper(trim(\"LIBELLE\")) = 'ZC' THEN 'ZC' "
    "WHEN to_int(\"TYPESECT\") = 2 OR upper(trim(\"LIBELLE\")) = 'ZCA' THEN 'ZCa' "
    "WHEN to_int(\"TYPESECT\") = 3 OR upper(trim(\"LIBELLE\")) = 'ZNC' THEN 'ZnC' "
    "ELSE 'autre' END"
)
COMPAT = (
    ("compatible", "#1a9641", "Compatible"),
    ("conditional", "#fdae61", "Sous conditions"),
    ("incompatible", "#d7191c", "Incompatible"),
    ("unknown", "#9e9e9e", "Inconnu (hors zonage)"),
)


def code(field, value):
    """Expression true when the CNIG code field equals ``value`` ("05"), written "5", 5 or "05"."""
    return f"lpad(to_string(\"{field}\"), 2, '0') = '{value}'"


def full_code(kind, typ, sub=None):
    field, sub_field = ("TYPEPSC", "STYPEPSC") if kind == "psc" else ("TYPEINF", "STYPEINF")
    expression = code(field, typ)
    if sub is not None:
        expression += f" AND {code(sub_field, sub)}"
    return expression




def zone_fill(colour):
    fill = QColor(colour)
    fill.setAlpha(ALPHA)
    return QgsFillSymbol.createSimple({
        "color": f"{fill.red()},{fill.green()},{fill.blue()},{fill.alpha()}",
        "outline_color": OUTLINE, "outline_width": OUTLINE_MM, "outline_style": "solid",
    })


def outline_only(colour, width="0.5", style="solid"):
    return QgsFillSymbol.createSimple({"color": "0,0,0,0", "style": "no", "outline_color": colour,
                                       "outline_width": width, "outline_style": style})


def hatch(symbol, colour, angle, distance=1.8, width=0.28):
    line = QgsLinePatternFillSymbolLayer()
    line.setLineAngle(angle)
    line.setDistance(distance)
    sub = QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width), "capstyle": "flat"})
    line.setSubSymbol(sub)
    symbol.appendSymbolLayer(line)
    return symbol


def dots(symbol, colour, shape="circle", size=1.0, distance=3.0, outline=None):
    pattern = QgsPointPatternFillSymbolLayer()
    pattern.setDistanceX(distance)
    pattern.setDistanceY(distance)
    props = {"name": shape, "color": colour, "size": str(size),
             "outline_style": "no" if outline is None else "solid"}
    if outline is not None:
        props["outline_color"] = outline
    pattern.setSubSymbol(QgsMarkerSymbol.createSimple(props))
    symbol.appendSymbolLayer(pattern)
    return symbol


def memory(kind, fields, name):
    return QgsVectorLayer(f"{kind}?crs=EPSG:2154&" + "&".join(f"field={f}:string" for f in fields), name, "memory")


# -- zones ---------------------------------------------------------------------------------------------------


def zone_urba():
    layer = memory("MultiPolygon", ["LIBELLE", "TYPEZONE"], "zone_urba")
    categories = [QgsRendererCategory(zone_type, zone_fill(colour), label) for _f, zone_type, label, colour in ZONES]
    categories.append(QgsRendererCategory("RNU", outline_only("#7f7f7f", OUTLINE_MM, "dash"),
                                          "Hors document (RNU)"))
    categories.append(QgsRendererCategory("autre", zone_fill("#bdbdbd"), "Type non reconnu"))
    layer.setRenderer(QgsCategorizedSymbolRenderer(TYPEZONE_EXPRESSION, categories))
    layer.setLabeling(labels('"LIBELLE"', size=8, max_scale=25000, colour="#343434"))
    layer.setLabelsEnabled(True)
    return layer


def zoning_zones():
    layer = memory("MultiPolygon", ["LIBELLE", "zone_family", "zone_type"], "zoning_zones")
    categories = [QgsRendererCategory(family, zone_fill(colour), label) for family, _t, label, colour in ZONES]
    categories.append(QgsRendererCategory(None, outline_only("#7f7f7f", OUTLINE_MM, "dash"),
                                          "Hors document (RNU) ou type non reconnu"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("zone_family", categories))
    layer.setLabeling(labels('"LIBELLE"', size=8, max_scale=25000, colour="#343434"))
    layer.setLabelsEnabled(True)
    return layer


def secteur_cc():
    layer = memory("MultiPolygon", ["LIBELLE", "TYPESECT"], "secteur_cc")
    categories = [
        QgsRendererCategory("ZC", zone_fill("#e60000"), "ZC – secteur ouvert à la construction"),
        QgsRendererCategory("ZCa", zone_fill("#ff6565"), "ZCa – secteur réservé aux activités"),
        QgsRendererCategory("ZnC", zone_fill("#56aa02"), "ZnC – secteur non ouvert à la construction"),
        QgsRendererCategory("autre", outline_only("#7f7f7f", OUTLINE_MM, "dash"), "Non couvert (99) ou autre"),
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer(TYPESECT_EXPRESSION, categories))
    layer.setLabeling(labels('"LIBELLE"', size=8, max_scale=25000, colour="#343434"))
    layer.setLabelsEnabled(True)
    return layer


# -- prescriptions -------------------------------------------------------------------------------------------


def rule_renderer(rules, else_symbol, else_label):
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, symbol in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    other = QgsRuleBasedRenderer.Rule(else_symbol, 0, 0, "ELSE", else_label)
    other.setIsElse(True)
    root.appendChild(other)
    return QgsRuleBasedRenderer(root)


def prescription_surf():
    layer = memory("MultiPolygon", ["TYPEPSC", "STYPEPSC", "TXT"], "prescription_surf")
    ebc = dots(outline_only("#56aa02", OUTLINE_MM), "#268c00", size=0.55, distance=1.8)
    er = hatch(hatch(outline_only("#e600a9", OUTLINE_MM), "#e600a9", 45), "#e600a9", 135)
    er_social = hatch(hatch(outline_only("#8f21aa", OUTLINE_MM), "#8f21aa", 45), "#8f21aa", 135)
    waiting = dots(outline_only("#ff5500", OUTLINE_MM), "#ff5500", shape="cross", size=2.0, distance=4.2)
    stecal = dots(outline_only("#f57a7a", "0.5"), "#f57a7a", shape="triangle", size=1.6, distance=5.0)
    equip = dots(outline_only("#e6c300", OUTLINE_MM), "#e6c300", shape="triangle", size=1.6, distance=5.0)
    oap = hatch(outline_only("#ff5500", "0.5", "dash"), "#ff5500", 90, distance=3.2, width=0.2)
    risk = hatch(outline_only("#6e6e6e", OUTLINE_MM), "#6e6e6e", 45, distance=4.5)
    forbid = hatch(outline_only("#df73e1", OUTLINE_MM), "#df73e1", 45, distance=4.5)
    special = hatch(outline_only("#ffa77f", OUTLINE_MM), "#ffa77f", 45, distance=4.5)
    heritage = outline_only("#730000", "0.4")
    tvb = outline_only("#004da8", "0.35")
    rules = [
        ("Espace boisé classé (01)", full_code("psc", "01"), ebc),
        ("Emplacement réservé logement social (05-05)", full_code("psc", "05", "05"), er_social),
        ("Périmètre d'attente de projet (05-07)", full_code("psc", "05", "07"), waiting),
        ("Emplacement réservé (05)", full_code("psc", "05"), er),
        ("STECAL (16-03)", full_code("psc", "16", "03"), stecal),
        ("Équipements, bâtiments en zone A / N (16)", full_code("psc", "16"), equip),
        ("OAP (18)", full_code("psc", "18"), oap),
        ("Interdiction de construire, risques (02-01)", full_code("psc", "02", "01"), forbid),
        ("Constructibilité sous conditions (02-02)", full_code("psc", "02", "02"), special),
        ("Limitation de la constructibilité (02)", full_code("psc", "02"), risk),
        ("Patrimoine, paysage protégé (07)", full_code("psc", "07"), heritage),
        ("Continuité écologique (25)", full_code("psc", "25"), tvb),
    ]
    layer.setRenderer(rule_renderer(rules, outline_only("#616161", "0.3", "dash"), "Autre prescription"))
    layer.setLabeling(labels('"TXT"', size=7, max_scale=10000, colour="#424242"))
    layer.setLabelsEnabled(True)
    return layer


def marker_line(colour, shape="circle", size=1.4, interval=2.1, base=None, base_width="0.3"):
    symbol = QgsLineSymbol.createSimple({"line_color": base or colour, "line_width": base_width,
                                         "line_style": "solid" if base is not None else "no"})
    marker = QgsMarkerLineSymbolLayer()
    marker.setInterval(interval)
    marker.setSubSymbol(QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "size": str(size),
                                                      "outline_style": "no"}))
    symbol.appendSymbolLayer(marker)
    if base is None:
        symbol.deleteSymbolLayer(0)
    return symbol


def prescription_lin():
    layer = memory("MultiLineString", ["TYPEPSC", "STYPEPSC", "TXT"], "prescription_lin")
    rules = [
        ("Espace boisé classé (01)", full_code("psc", "01"), marker_line("#268c00", size=1.6, interval=2.1)),
        ("Emplacement réservé (05)", full_code("psc", "05"),
         marker_line("#e600a9", shape="diamond", size=1.4, interval=2.5, base="#e600a9", base_width="0.2")),
        ("Patrimoine, paysage protégé (07)", full_code("psc", "07"),
         QgsLineSymbol.createSimple({"line_color": "#730000", "line_width": "0.45"})),
        ("Linéaire commercial (22)", full_code("psc", "22"),
         marker_line("#828282", shape="cross2", size=1.4, interval=2.8, base="#828282", base_width="0.3")),
        ("Voie, chemin à conserver ou créer (24)", full_code("psc", "24"),
         QgsLineSymbol.createSimple({"line_color": "#000000", "line_width": "0.35", "line_style": "dash"})),
        ("Continuité écologique (25)", full_code("psc", "25"),
         QgsLineSymbol.createSimple({"line_color": "#004da8", "line_width": "0.45"})),
    ]
    layer.setRenderer(rule_renderer(rules, QgsLineSymbol.createSimple(
        {"line_color": "#616161", "line_width": "0.3", "line_style": "dash"}), "Autre prescription"))
    return layer


def point(shape, colour, size="2.6", outline="#ffffff", fill=True):
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour if fill else "0,0,0,0", "size": size,
                                         "outline_color": outline if fill else colour, "outline_width": "0.3"})


def prescription_pct():
    layer = memory("Point", ["TYPEPSC", "STYPEPSC", "TXT"], "prescription_pct")
    rules = [
        ("Espace boisé classé, arbre (01)", full_code("psc", "01"), point("circle", "#268c00")),
        ("Emplacement réservé (05)", full_code("psc", "05"), point("square", "#e600a9", fill=False)),
        ("Patrimoine, élément protégé (07)", full_code("psc", "07"), point("diamond", "#730000")),
        ("STECAL (16-03)", full_code("psc", "16", "03"), point("triangle", "#f57a7a")),
        ("Bâtiment pouvant changer de destination (16)", full_code("psc", "16"), point("triangle", "#e6c300")),
        ("Diversité commerciale (22)", full_code("psc", "22"), point("cross2", "#828282", outline="#828282")),
    ]
    layer.setRenderer(rule_renderer(rules, point("circle", "#616161", "2.0"), "Autre prescription"))
    return layer


def info_layers():
    surf = memory("MultiPolygon", ["TYPEINF", "STYPEINF", "TXT"], "info_surf")
    rules = [
        ("Droit de préemption urbain (04)", full_code("inf", "04"), outline_only("#0070c0", "0.45", "dash")),
        ("ZAC (02)", full_code("inf", "02"), outline_only("#7030a0", "0.45", "dash")),
        ("Secteur d'information sur les sols (38)", full_code("inf", "38"),
         hatch(outline_only("#8c510a", "0.35"), "#8c510a", 135, distance=3.5, width=0.2)),
        ("Sursis à statuer (12)", full_code("inf", "12"), outline_only("#c00000", "0.5", "dash")),
    ]
    surf.setRenderer(rule_renderer(rules, outline_only("#5b9bd5", "0.3", "dot"), "Autre information"))
    lin = memory("MultiLineString", ["TYPEINF", "STYPEINF"], "info_lin")
    lin.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {"line_color": "#0070c0", "line_width": "0.35", "line_style": "dash"})))
    pct = memory("Point", ["TYPEINF", "STYPEINF"], "info_pct")
    pct.setRenderer(QgsSingleSymbolRenderer(point("circle", "#0070c0", "2.2")))
    return surf, lin, pct


def perimetre_scot():
    layer = memory("MultiPolygon", ["IDURBA", "NOM"], "perimetre_scot")
    symbol = outline_only("#5e35b1", "1.0", "dash")
    inner = QgsSimpleLineSymbolLayer(QColor(94, 53, 177, 60), 3.0)
    inner.setOffset(-1.5)
    symbol.appendSymbolLayer(inner)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(labels('"NOM"', size=10, max_scale=250000, colour="#5e35b1"))
    layer.setLabelsEnabled(True)
    return layer


# -- sites ---------------------------------------------------------------------------------------------------


def zoning_sites(polygons=False):
    kind = "MultiPolygon" if polygons else "Point"
    layer = memory(kind, ["site_id", "compat_coworking"], "zoning_sites")
    categories = []
    for value, colour, label in COMPAT:
        if polygons:
            fill = QColor(colour)
            fill.setAlpha(110)
            symbol = QgsFillSymbol.createSimple({
                "color": f"{fill.red()},{fill.green()},{fill.blue()},{fill.alpha()}", "outline_color": colour,
                "outline_width": "0.6"})
        else:
            symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#ffffff",
                                                   "outline_width": "0.4", "size": "4.0"})
        categories.append(QgsRendererCategory(value, symbol, f"Coworking : {label}"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("compat_coworking", categories))
    return layer


def main():
    def build():
        info_surf, info_lin, info_pct = info_layers()
        return {
            "zone_urba.qml": zone_urba(),
            "zoning_zones.qml": zoning_zones(),
            "secteur_cc.qml": secteur_cc(),
            "prescription_surf.qml": prescription_surf(),
            "prescription_lin.qml": prescription_lin(),
            "prescription_pct.qml": prescription_pct(),
            "info_surf.qml": info_surf,
            "info_lin.qml": info_lin,
            "info_pct.qml": info_pct,
            "perimetre_scot.qml": perimetre_scot(),
            "zoning_sites.qml": zoning_sites(),
            "zoning_sites_polygons.qml": zoning_sites(polygons=True),
        }

    write_styles(build)

if __name__ == "__main__":
    main()
