"""The ``friches`` Processing provider.

Registered from ``initProcessing()`` so that ``qgis_process`` sees the algorithms without a GUI.
Algorithms are created fresh in ``loadAlgorithms()`` (QGIS owns them afterwards).
"""

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr
from .acquisition_programme import AcquisitionProgrammeAlgorithm
from .catchment import CatchmentAlgorithm
from .coverage_gaps import CoverageGapsAlgorithm
from .export_atlas import ExportAtlasAlgorithm
from .full_analysis import FullAnalysisAlgorithm
from .import_inventory import ImportInventoryAlgorithm
from .inventory_at_date import InventoryAtDateAlgorithm
from .land_prices import LandPricesAlgorithm
from .load_gpu import LoadGpuAlgorithm
from .monitoring_indicators import MonitoringIndicatorsAlgorithm
from .monitoring_report import MonitoringReportAlgorithm
from .prepare_territory import PrepareTerritoryAlgorithm
from .score_candidates import ScoreCandidatesAlgorithm
from .select_sites import SelectSitesAlgorithm
from .site_costs import SiteCostsAlgorithm
from .transit_coverage import TransitCoverageAlgorithm
from .transit_service import TransitServiceAlgorithm
from .zoning_overlay import ZoningOverlayAlgorithm

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "friches.svg"
METADATA = Path(__file__).resolve().parent.parent / "metadata.txt"

#: Algorithm classes, in the order the toolbox lists them.
ALGORITHMS = (
    ImportInventoryAlgorithm,
    InventoryAtDateAlgorithm,
    MonitoringIndicatorsAlgorithm,
    MonitoringReportAlgorithm,
    TransitServiceAlgorithm,
    TransitCoverageAlgorithm,
    CatchmentAlgorithm,
    CoverageGapsAlgorithm,
    LoadGpuAlgorithm,
    ZoningOverlayAlgorithm,
    ScoreCandidatesAlgorithm,
    SelectSitesAlgorithm,
    LandPricesAlgorithm,
    SiteCostsAlgorithm,
    AcquisitionProgrammeAlgorithm,
    ExportAtlasAlgorithm,
    PrepareTerritoryAlgorithm,
    FullAnalysisAlgorithm,
)


def plugin_version() -> str:
    for line in METADATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    return ""


class FrichesProvider(QgsProcessingProvider):
    def id(self):
        return "friches"

    def name(self):
        return tr("Friches & Tiers-Lieux")

    def longName(self):
        return tr("Friches & Tiers-Lieux: friches inventory and tiers-lieux siting")

    def icon(self):
        return QIcon(str(ICON))

    def svgIconPath(self):
        return str(ICON)

    def versionInfo(self):
        return plugin_version()

    def loadAlgorithms(self):
        for cls in ALGORITHMS:
            self.addAlgorithm(cls())
