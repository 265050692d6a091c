"""Build the QML styles of the catchment outputs with the QGIS API (pattern: ``make_styles.py``).

- ``catchment_bands.qml``: catchments graduated on ``minutes``, from dark (the shortest times, near the
  site) to light (the longest), semi-transparent, drawn largest first so that every band stays visible;
- ``coverage_gaps.qml``: gap areas graduated on their uncovered ``population``, reds.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_catchment_styles.py`` and commit the result.
"""

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

OUT = Path(__file__).resolve().parent.parent / "resources" / "styles"

#: (lower, upper minutes, colour, label): dark near the site, light far from it.
BANDS = (
    (0, 5, "#08306b", "≤ 5 min"),
    (5, 10, "#2171b5", "5 – 10 min"),
    (10, 15, "#4292c6", "10 – 15 min"),
    (15, 20, "#6baed6", "15 – 20 min"),
    (20, 30, "#9ecae1", "20 – 30 min"),
    (30, 45, "#c6dbef", "30 – 45 min"),
    (45, 60, "#deebf7", "45 – 60 min"),
    (60, 1440, "#f7fbff", "> 60 min"),
)

#: (lower, upper people, colour, label)
GAPS = (
    (0, 50, "#fee5d9", "< 50 hab."),
    (50, 200, "#fcae91", "50 – 200 hab."),
    (200, 1000, "#fb6a4a", "200 – 1 000 hab."),
    (1000, 5000, "#de2d26", "1 000 – 5 000 hab."),
    (5000, 10_000_000, "#a50f15", "5 000 hab. et plus"),
)


def _fill(colour, alpha, outline_alpha=200, width="0.26"):
    c = QColor(colour)
    outline = c.darker(130)
    return QgsFillSymbol.createSimple({
        "color": f"{c.red()},{c.green()},{c.blue()},{alpha}",
        "outline_color": f"{outline.red()},{outline.green()},{outline.blue()},{outline_alpha}",
        "outline_width": width,
        "style": "solid",
    })


def catchment_bands():
    uri = "MultiPolygon?crs=EPSG:2154&field=minutes:double&field=site_id:string"
    layer = QgsVectorLayer(uri, "catchments", "memory")
    ranges = [QgsRendererRange(low, high, _fill(colour, 110), label) for low, high, colour, label in BANDS]
    renderer = QgsGraduatedSymbolRenderer("minutes", ranges)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('"minutes"', False)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    return layer


def coverage_gaps():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=population:double", "coverage_gaps", "memory")
    ranges = [QgsRendererRange(low, high, _fill(colour, 160, 230, "0.3"), label) for low, high, colour, label in GAPS]
    layer.setRenderer(QgsGraduatedSymbolRenderer("population", ranges))
    return layer


def main():
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    for file_name, layer in (("catchment_bands.qml", catchment_bands()), ("coverage_gaps.qml", coverage_gaps())):
        message, ok = layer.saveNamedStyle(str(OUT / file_name))
        print(file_name, "ok" if ok else message)
    app.exitQgis()


if __name__ == "__main__":
    main()
