"""Styles of the outputs: the QML files of resources/styles, applied when a result loads in QGIS.

Why a post-processor: algorithms run in a background thread and must not touch layers in the project;
QGIS calls ``postProcessLayer`` in the main thread once the output is loaded, which is where styling
belongs (the pattern QuickOSM and ORS Tools use).
"""

from pathlib import Path

from qgis.core import QgsProcessingLayerPostProcessorInterface

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"


def style_path(name: str) -> Path:
    return STYLES / f"{name}.qml"


def apply_style(layer, name: str) -> bool:
    """Load ``resources/styles/<name>.qml`` onto ``layer``; False when there is no such style."""
    path = style_path(name)
    if layer is None or not path.exists():
        return False
    _message, ok = layer.loadNamedStyle(str(path))
    layer.triggerRepaint()
    return bool(ok)


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a named style to an output layer once QGIS has loaded it."""

    _keep = []  # QGIS does not take ownership: keep the instances alive until used

    def __init__(self, style_name: str, layer_name: str = ""):
        super().__init__()
        self.style_name = style_name
        self.layer_name = layer_name

    def postProcessLayer(self, layer, context, feedback):
        apply_style(layer, self.style_name)
        if self.layer_name:
            layer.setName(self.layer_name)

    @classmethod
    def create(cls, style_name: str, layer_name: str = ""):
        instance = cls(style_name, layer_name)
        cls._keep.append(instance)
        return instance


def style_on_completion(context, layer_id: str, style_name: str, layer_name: str = "") -> None:
    """Ask QGIS to style output ``layer_id`` when it is loaded on completion of the algorithm."""
    if context.willLoadLayerOnCompletion(layer_id):
        details = context.layerToLoadOnCompletionDetails(layer_id)
        details.setPostProcessor(StylePostProcessor.create(style_name, layer_name))
