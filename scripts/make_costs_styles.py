"""Build the QML styles of the cost and programme outputs (resources/styles) with the QGIS API.

Why a script: the same reason as ``make_styles.py`` (readable choices, QML written by QGIS itself).

- ``land_prices`` / ``land_prices_polygons`` (friches:land_prices): coloured by the reliability of the
  estimate (high, medium = area widened, low = too few sales, none), labelled "name\\nestimate k€";
- ``dvf_sales`` (the comparable sales): premises as purple squares, land as ochre circles;
- ``site_costs`` / ``site_costs_polygons`` (friches:site_costs): graduated on the acquisition;
- ``programme_sites`` / ``programme_sites_polygons`` (friches:acquisition_programme): the sites of the
  programme numbered in their opening order, labelled "name\\nacquisition → works", the others in grey.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_costs_styles.py`` and commit the QML.
"""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCentroidFillSymbolLayer,
    QgsFillSymbol,
    QgsFontMarkerSymbolLayer,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor
from style_helpers import labels, write_styles

RELIABILITY = (
    ("high", "#1a9641", "Fiabilité élevée"),
    ("medium", "#a6d96a", "Fiabilité moyenne (zone élargie)"),
    ("low", "#fdae61", "Fiabilité faible (peu de ventes)"),
    ("none", "#9e9e9e", "Pas d'estimation"),
)
ACQUISITION = (
    (0, 250000, "#fff5eb", "moins de 250 k€"),
    (250000, 500000, "#fdd0a2", "250 à 500 k€"),
    (500000, 1000000, "#fd8d3c", "500 k€ à 1 M€"),
    (1000000, 2500000, "#d94801", "1 à 2,5 M€"),
    (2500000, 1e12, "#7f2704", "plus de 2,5 M€"),
)


def marker(colour, size="3.6", shape="circle"):
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#ffffff",
                                         "outline_width": "0.5", "size": size})


def fill(colour, alpha=170, outline="#37474f", width="0.3"):
    c = QColor(colour)
    c.setAlpha(alpha)
    return QgsFillSymbol.createSimple({"color": c.name(QColor.NameFormat.HexArgb), "outline_color": outline,
                                       "outline_width": width})


def land_prices(kind):
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&field=site_nom:string&field=price_estimate_eur:double"
                           "&field=price_reliability:string", "land_prices", "memory")
    make = marker if kind == "Point" else fill
    categories = [QgsRendererCategory(value, make(colour), label) for value, colour, label in RELIABILITY]
    renderer = QgsCategorizedSymbolRenderer("coalesce(\"price_reliability\", 'none')", categories)
    layer.setRenderer(renderer)
    layer.setLabeling(labels("coalesce(\"site_nom\", '') || '\\n' || coalesce(format_number(\"price_estimate_eur\" "
                             "/ 1000, 0) || ' k€', '–')", max_scale=30000))
    layer.setLabelsEnabled(True)
    return layer


def dvf_sales():
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=kind:string&field=price_m2:double", "dvf_sales", "memory")
    categories = [QgsRendererCategory("premises", marker("#6a51a3", "2.4", "square"), "Vente de locaux d'activité"),
                  QgsRendererCategory("land", marker("#d8a31a", "2.2"), "Vente de terrain")]
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    layer.setLabeling(labels("format_number(\"price_m2\", 0) || ' €/m²'", size=7, max_scale=15000,
                             colour="#4a4a4a"))
    layer.setLabelsEnabled(True)
    return layer


def site_costs(kind):
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&field=site_nom:string&field=acquisition_eur:double",
                           "site_costs", "memory")
    make = marker if kind == "Point" else fill
    ranges = [QgsRendererRange(low, high, make(colour), label) for low, high, colour, label in ACQUISITION]
    layer.setRenderer(QgsGraduatedSymbolRenderer("acquisition_eur", ranges))
    layer.setLabeling(labels("coalesce(\"site_nom\", '')", max_scale=30000))
    layer.setLabelsEnabled(True)
    return layer


def order_marker(size="6.0"):
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#1a9641", "outline_color": "#ffffff", "outline_width": "0.6", "size": size})
    number = QgsFontMarkerSymbolLayer("Sans Serif", "1", 3.4, QColor("#ffffff"))
    number.setDataDefinedProperty(QgsSymbolLayer.Property.PropertyCharacter, QgsProperty.fromField("prog_order"))
    symbol.appendSymbolLayer(number)
    return symbol


def programme(kind):
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&field=site_nom:string&field=prog_status:string"
                           "&field=prog_order:integer&field=acq_year:integer&field=works_year:integer",
                           "programme_sites", "memory")
    if kind == "Point":
        chosen = order_marker()
        other = marker("#9e9e9e", "2.6")
    else:
        chosen = fill("#1a9641", 90, "#0b6b2b", "0.8")
        centroid = QgsCentroidFillSymbolLayer()
        centroid.setSubSymbol(order_marker())
        centroid.setPointOnSurface(True)
        chosen.appendSymbolLayer(centroid)
        other = fill("#9e9e9e", 80, "#757575", "0.3")
    root = QgsRuleBasedRenderer.Rule(None)
    for symbol, expression, label in ((chosen, "\"prog_status\" = 'selected'", "Programmé (ordre d'ouverture)"),
                                      (other, "ELSE", "Écarté")):
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression if expression != "ELSE" else "", label)
        if expression == "ELSE":
            rule.setIsElse(True)
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setLabeling(labels(
        "CASE WHEN \"prog_status\" = 'selected' THEN coalesce(\"site_nom\", '') || '\\n' || \"acq_year\" || ' → ' "
        "|| \"works_year\" END", size=8.5, max_scale=60000, colour="#0b4f22"))
    layer.setLabelsEnabled(True)
    return layer


def main():
    write_styles(lambda: {
        "land_prices.qml": land_prices("Point"),
        "land_prices_polygons.qml": land_prices("MultiPolygon"),
        "dvf_sales.qml": dvf_sales(),
        "site_costs.qml": site_costs("Point"),
        "site_costs_polygons.qml": site_costs("MultiPolygon"),
        "programme_sites.qml": programme("Point"),
        "programme_sites_polygons.qml": programme("MultiPolygon"),
    })


if __name__ == "__main__":
    main()
