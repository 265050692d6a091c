"""Build the QML styles of the candidate outputs (resources/styles) with the QGIS API.

Why a script: the same reason as ``make_styles.py`` (readable choices, QML written by QGIS itself).

- ``candidates`` / ``candidates_polygons`` (friches:score_candidates): graduated on ``best_score`` with a
  red-to-green ramp whose breaks are the profile's reading grid (40, 50, 60 = candidate threshold, 70,
  80); excluded sites and sites without any use in grey; candidates drawn larger; labels "name\\nscore".
- ``selected_sites`` / ``selected_sites_polygons`` (friches:select_sites): a numbered marker (the step)
  and the marginal gain in the label.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_scoring_styles.py`` and commit the QML.
"""

from pathlib import Path

from qgis.core import (
    QgsCentroidFillSymbolLayer,
    QgsFillSymbol,
    QgsFontMarkerSymbolLayer,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor
from style_helpers import labels, write_styles

OUT = Path(__file__).resolve().parent.parent / "resources" / "styles"

#: (lower, upper, colour, label) of best_score; 0 is an excluded site or one with no use.
SCORE_CLASSES = (
    (0.0, 0.5, "#9e9e9e", "Exclu ou sans usage"),
    (0.5, 40.0, "#d7191c", "Moins de 40 : faible"),
    (40.0, 50.0, "#fdae61", "40 à 50 : moyen"),
    (50.0, 60.0, "#fee08b", "50 à 60 : à étudier"),
    (60.0, 70.0, "#a6d96a", "60 à 70 : candidat"),
    (70.0, 80.0, "#1a9641", "70 à 80 : bon candidat"),
    (80.0, 100.0, "#00512b", "80 et plus : excellent candidat"),
)
CANDIDATE = '"candidate_coworking" OR "candidate_fablab" OR "candidate_mediation"'
LABEL = "coalesce(\"site_nom\", \"site_id\") || '\\n' || coalesce(to_string(round(\"best_score\")), '–')"
FIELDS = ("field=site_id:string&field=site_nom:string&field=best_score:double&field=candidate_coworking:boolean"
          "&field=candidate_fablab:boolean&field=candidate_mediation:boolean")




def score_marker(colour):
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": colour, "outline_color": "#ffffff", "outline_width": "0.5", "size": "3.6"})
    size = QgsProperty.fromExpression(f"CASE WHEN {CANDIDATE} THEN 5.2 ELSE 3.4 END")
    symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.Property.PropertySize, size)
    return symbol


def score_fill(colour):
    fill = QColor(colour)
    fill.setAlpha(170)
    symbol = QgsFillSymbol.createSimple({"color": fill.name(QColor.NameFormat.HexArgb), "outline_color": "#37474f",
                                         "outline_width": "0.3"})
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.Property.PropertyStrokeWidth,
        QgsProperty.fromExpression(f"CASE WHEN {CANDIDATE} THEN 0.8 ELSE 0.3 END"))
    return symbol


def candidates(kind):
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&{FIELDS}", "candidates", "memory")
    make = score_marker if kind == "Point" else score_fill
    ranges = [QgsRendererRange(low, high, make(colour), label) for low, high, colour, label in SCORE_CLASSES]
    renderer = QgsGraduatedSymbolRenderer("best_score", ranges)
    renderer.setClassAttribute("coalesce(\"best_score\", 0)")
    layer.setRenderer(renderer)
    layer.setLabeling(labels(LABEL, max_scale=30000))
    layer.setLabelsEnabled(True)
    return layer


def step_marker(size="6.0"):
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#283593", "outline_color": "#ffffff", "outline_width": "0.6", "size": size})
    number = QgsFontMarkerSymbolLayer("Sans Serif", "1", 3.4, QColor("#ffffff"))
    number.setDataDefinedProperty(QgsSymbolLayer.Property.PropertyCharacter, QgsProperty.fromField("step"))
    symbol.appendSymbolLayer(number)
    return symbol


def selected(kind):
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&field=step:integer&field=site_nom:string&field=marginal_pop:double",
                           "selected_sites", "memory")
    if kind == "Point":
        symbol = step_marker()
    else:
        symbol = QgsFillSymbol.createSimple(
            {"color": "40,53,147,60", "outline_color": "#283593", "outline_width": "0.8"})
        centroid = QgsCentroidFillSymbolLayer()
        centroid.setSubSymbol(step_marker())
        centroid.setPointOnSurface(True)
        symbol.appendSymbolLayer(centroid)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(labels(
        "coalesce(\"site_nom\", '') || '\\n+' || format_number(\"marginal_pop\", 0) || ' hab.'", size=8.5,
        max_scale=60000, colour="#1a237e"))
    layer.setLabelsEnabled(True)
    return layer


def main():
    write_styles(lambda: {
        "candidates.qml": candidates("Point"),
        "candidates_polygons.qml": candidates("MultiPolygon"),
        "selected_sites.qml": selected("Point"),
        "selected_sites_polygons.qml": selected("MultiPolygon"),
    })

if __name__ == "__main__":
    main()
