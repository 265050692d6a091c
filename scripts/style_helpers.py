"""What the ``make_*styles.py`` scripts share: label settings and writing the QML files.

Every shipped style labels with the same look (dark text, white halo, shown below a scale) so the
project's layers read as one map.
"""

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsPalLayerSettings,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "styles"


def labels(expression, size=8.0, max_scale=25000, colour="#212121", placement=None):
    """Labels from ``expression``, shown at scales larger than 1:``max_scale``."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setPointSizeF(size)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.scaleVisibility = True
    settings.maximumScale = 0
    settings.minimumScale = max_scale
    if placement is not None:
        settings.placement = placement
    return QgsVectorLayerSimpleLabeling(settings)


def write_styles(build):
    """Start QGIS, save the layers of ``build()`` ({file name: layer}) as QML in resources/styles."""
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    for file_name, layer in build().items():
        message, ok = layer.saveNamedStyle(str(OUT / file_name))
        print(file_name, "ok" if ok else message)
    app.exitQgis()
