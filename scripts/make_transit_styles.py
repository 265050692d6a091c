"""Build the QML styles of the transit outputs (resources/styles/ptal_grid.qml, transit_stops.qml).

Why a script: as for ``make_styles.py``, the colours and classes are chosen here in readable code and
QGIS writes the QML. Run it with the Python that has QGIS and commit the result::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_transit_styles.py

PTAL colours: the ramp TfL's WebCAT maps use, from dark blue (band 0, no service) through light blue,
green and yellow to red and dark red (band 6b, excellent). The exact WebCAT RGB values are not
published with the method; these are chosen to follow that ramp and to stay distinguishable for the
common colour-vision deficiencies at the bands' extremes.
"""

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "styles"

#: PTAL band, colour, legend label (in French, as the other shipped styles: the users' language).
PTAL_COLOURS = (
    ("0", "#0a1f5c", "0 (aucune desserte à distance de marche)"),
    ("1a", "#1f4e9c", "1a (très faible)"),
    ("1b", "#3d8fd1", "1b (très faible)"),
    ("2", "#5ec3c8", "2 (faible)"),
    ("3", "#84c56b", "3 (moyenne)"),
    ("4", "#f2e33a", "4 (bonne)"),
    ("5", "#f7a32c", "5 (très bonne)"),
    ("6a", "#e3342f", "6a (excellente)"),
    ("6b", "#8b1117", "6b (excellente)"),
)

#: Departures per hour classes of the stops: (low, high, colour, size mm, label).
STOP_CLASSES = (
    (0.0, 0.0, "#bdbdbd", 1.6, "aucun départ dans la période"),
    (0.0, 2.0, "#fee5d9", 2.0, "jusqu'à 2 départs / h"),
    (2.0, 4.0, "#fcae91", 2.6, "2 à 4 / h (toutes les 15-30 min)"),
    (4.0, 8.0, "#fb6a4a", 3.2, "4 à 8 / h (toutes les 7-15 min)"),
    (8.0, 15.0, "#de2d26", 3.9, "8 à 15 / h (toutes les 4-7 min)"),
    (15.0, 100000.0, "#a50f15", 4.8, "15 / h et plus"),
)


def ptal_grid():
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=ptal:string&field=ptal_ai:double", "ptal_grid", "memory")
    categories = []
    for value, colour, label in PTAL_COLOURS:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("ptal", categories))
    layer.setOpacity(0.6)
    return layer


#: Swiss ÖV-Güteklassen (ARE): from A (very good service) to D (basic), the usual purple-to-pink ramp.
OEV_COLOURS = (
    ("A", "#7a0177", "A : très bonne desserte"),
    ("B", "#c51b8a", "B : bonne desserte"),
    ("C", "#f768a1", "C : desserte moyenne"),
    ("D", "#fbb4b9", "D : desserte de base"),
)


def oev_grid():
    """The grid's ÖV classes (cells without a class stay transparent)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=oev_class:string", "oev_grid", "memory")
    categories = []
    for value, colour, label in OEV_COLOURS:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("oev_class", categories))
    layer.setOpacity(0.6)
    return layer


def transit_stops():
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=stop_name:string&field=departures_per_hour:double", "transit_stops", "memory")
    ranges = []
    for low, high, colour, size, label in STOP_CLASSES:
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": colour, "outline_color": "#424242", "outline_width": "0.25", "size": str(size)})
        ranges.append(QgsRendererRange(low, high, symbol, label))
    renderer = QgsGraduatedSymbolRenderer("departures_per_hour", ranges)
    layer.setRenderer(renderer)

    settings = QgsPalLayerSettings()
    settings.fieldName = "stop_name"
    text = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setPointSizeF(7.5)
    text.setFont(font)
    text.setSize(7.5)
    text.setColor(QColor("#212121"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.scaleVisibility = True
    settings.maximumScale = 0
    settings.minimumScale = 15000
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def main():
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    styles = {"ptal_grid.qml": ptal_grid(), "oev_grid.qml": oev_grid(), "transit_stops.qml": transit_stops()}
    for file_name, layer in styles.items():
        message, ok = layer.saveNamedStyle(str(OUT / file_name))
        print(file_name, "ok" if ok else message)
    app.exitQgis()


if __name__ == "__main__":
    main()
