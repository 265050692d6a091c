"""Settings shared by every PDF the plugin makes from a print layout (atlas, reports).

Why: QGIS 3.40 and later export layout text as outlines unless told otherwise, which leaves a PDF with
no searchable or copyable text and no fonts. A planner searches the atlas for a site's name and copies
figures from it, so every export asks for real text explicitly, whatever the version's default; the
fonts are then embedded (subset) by Qt's PDF engine.
"""

from qgis.core import Qgis, QgsLayoutExporter


def pdf_export_settings(dpi: int, georeference: bool = True) -> "QgsLayoutExporter.PdfExportSettings":
    """PDF export settings with real text, vector output where possible, metadata and georeference."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.simplifyGeometries = True
    settings.exportMetadata = True
    settings.appendGeoreference = georeference
    return settings
