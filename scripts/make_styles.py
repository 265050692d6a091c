"""Build the QML styles shipped in resources/styles with the QGIS API.

Why a script: QML files are verbose XML; writing them by hand drifts from what QGIS itself writes.
This builds each renderer in code, where the choices (colours, classes, label scales) are readable,
and saves the QML that the algorithms and the demo project load. Run it with the system Python that
has QGIS (``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_styles.py``) and commit the result.
"""

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from style_helpers import labels, write_styles

OUT = Path(__file__).resolve().parent.parent / "resources" / "styles"

STATUT_COLOURS = (
    ("friche sans projet", "#d7191c", "Friche sans projet"),
    ("friche potentielle", "#fdae61", "Friche potentielle"),
    ("friche avec projet", "#2c7bb6", "Friche avec projet"),
    ("friche reconvertie", "#1a9641", "Friche reconvertie"),
    ("", "#9e9e9e", "Statut inconnu ou autre"),
)




def friches_points():
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=site_statut:string&field=site_nom:string", "friches", "memory")
    categories = []
    for value, colour, label in STATUT_COLOURS:
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "diamond", "color": colour, "outline_color": "#ffffff", "outline_width": "0.4", "size": "4.2"}
        )
        categories.append(QgsRendererCategory(value if value else None, symbol, label))
    renderer = QgsCategorizedSymbolRenderer("site_statut", categories)
    layer.setRenderer(renderer)
    layer.setLabeling(labels('"site_nom"', size=8, max_scale=30000))
    layer.setLabelsEnabled(True)
    return layer


def friches_polygons():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=site_id:string", "friches_emprises", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"color": "230,85,13,60", "outline_color": "#a63603", "outline_width": "0.5", "style": "solid"}
    )
    hatch = QgsFillSymbol.createSimple({"color": "#a63603", "style": "b_diagonal", "outline_style": "no"})
    symbol.appendSymbolLayer(hatch.symbolLayer(0).clone())
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


ROAD_CLASSES = (
    # (label, expression, colour, width mm, casing colour)
    ("Autoroute, voie rapide", "\"highway\" IN ('motorway','motorway_link','trunk','trunk_link')", "#e8927c", 1.6),
    ("Route principale", "\"highway\" IN ('primary','primary_link')", "#fcd6a4", 1.3),
    ("Route secondaire", "\"highway\" IN ('secondary','secondary_link')", "#f7fabf", 1.1),
    ("Route tertiaire", "\"highway\" IN ('tertiary','tertiary_link')", "#ffffff", 0.95),
    ("Rue résidentielle", "\"highway\" IN ('residential','unclassified','living_street')", "#ffffff", 0.7),
    ("Voie piétonne", "\"highway\" IN ('pedestrian','footway','path','steps')", "#fa8072", 0.35),
    ("Piste cyclable", "\"highway\" = 'cycleway'", "#3f51b5", 0.35),
    ("Voie de desserte, chemin", "\"highway\" IN ('service','track')", "#ffffff", 0.4),
)


def roads():
    layer = QgsVectorLayer("LineString?crs=EPSG:2154&field=highway:string&field=name:string", "routes", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, colour, width in ROAD_CLASSES:
        dashed = "pedestrian" in expression or "cycleway" in expression
        if dashed:
            symbol = QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width), "line_style": "dash"})
        else:
            symbol = QgsLineSymbol.createSimple(
                {"line_color": "#8a8a8a", "line_width": str(width + 0.3), "capstyle": "round", "joinstyle": "round"}
            )
            inner = QgsLineSymbol.createSimple(
                {"line_color": colour, "line_width": str(width), "capstyle": "round", "joinstyle": "round"}
            )
            symbol.appendSymbolLayer(inner.symbolLayer(0).clone())
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    from qgis.core import QgsPalLayerSettings as Pal

    layer.setLabeling(
        labels('"name"', size=7, max_scale=12000, colour="#424242", placement=Pal.Placement.Curved)
    )
    layer.setLabelsEnabled(True)
    return layer


def population():
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=ind:double", "population_200m", "memory")
    breaks = (
        (0, 10, "#fff5eb"), (10, 50, "#fdd0a2"), (50, 150, "#fd8d3c"), (150, 400, "#d94801"), (400, 100000, "#7f2704")
    )
    ranges = []
    for low, high, colour in breaks:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})
        label = f"{low} – {high} hab." if high < 100000 else f"{low} hab. et plus"
        ranges.append(QgsRendererRange(low, high, symbol, label))
    renderer = QgsGraduatedSymbolRenderer("ind", ranges)
    layer.setRenderer(renderer)
    layer.setOpacity(0.65)
    return layer


def communes():
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "communes", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#6a3d9a", "outline_width": "0.7", "outline_style": "dash"}
    )
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(labels('"nom"', size=11, max_scale=200000, colour="#6a3d9a"))
    layer.setLabelsEnabled(True)
    return layer


def places(kind_field, colours, name):
    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&field={kind_field}:string&field=name:string", name, "memory")
    categories = []
    for value, (shape, colour) in colours.items():
        symbol = QgsMarkerSymbol.createSimple(
            {"name": shape, "color": colour, "outline_color": "#ffffff", "outline_width": "0.4", "size": "3.6"}
        )
        categories.append(QgsRendererCategory(value, symbol, value))
    layer.setRenderer(QgsCategorizedSymbolRenderer(kind_field, categories))
    layer.setLabeling(labels('"name"', size=7.5, max_scale=20000, colour="#37474f"))
    layer.setLabelsEnabled(True)
    return layer


def context_layers():
    """Rivers, railway and woods: quiet background layers so the analysis layers stand out."""
    from qgis.core import QgsSingleSymbolRenderer

    river = QgsVectorLayer("LineString?crs=EPSG:2154&field=nom:string", "cours_eau", "memory")
    river.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {"line_color": "#6fa8dc", "line_width": "1.6", "capstyle": "round"})))
    river.setLabeling(labels('"nom"', size=8, max_scale=50000, colour="#1f5f99",
                              placement=QgsPalLayerSettings.Placement.Curved))
    river.setLabelsEnabled(True)
    rail = QgsVectorLayer("LineString?crs=EPSG:2154&field=nom:string", "voie_ferree", "memory")
    sleepers = QgsLineSymbol.createSimple({"line_color": "#555555", "line_width": "0.8"})
    dash = QgsLineSymbol.createSimple({"line_color": "#ffffff", "line_width": "0.4", "line_style": "dash"})
    sleepers.appendSymbolLayer(dash.symbolLayer(0).clone())
    rail.setRenderer(QgsSingleSymbolRenderer(sleepers))
    woods = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "bois", "memory")
    woods.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#c7e3b5", "outline_color": "#9cc98a", "outline_width": "0.2"})))
    return {"cours_eau.qml": river, "voie_ferree.qml": rail, "bois.qml": woods}


def main():
    def build():
        styles = {
        "friches.qml": friches_points(),
        "friches_emprises.qml": friches_polygons(),
        "routes.qml": roads(),
        "population_200m.qml": population(),
        "communes.qml": communes(),
        "tiers_lieux.qml": places(
            "kind",
            {"coworking": ("circle", "#7b1fa2"), "fablab": ("triangle", "#00897b"),
             "tiers-lieu mixte": ("star", "#5e35b1"), "médiation numérique": ("square", "#f9a825")},
            "tiers_lieux",
        ),
        "services.qml": places(
            "kind",
            {"France Services": ("square", "#0d47a1"), "médiathèque": ("circle", "#6d4c41"),
             "EPN": ("square", "#f9a825"), "mairie": ("pentagon", "#1565c0"), "lycée": ("triangle", "#546e7a"),
             "université": ("triangle", "#37474f")},
            "services",
        ),
        }
        styles.update(context_layers())
        return styles

    write_styles(build)

if __name__ == "__main__":
    main()
