"""Base class of every algorithm of the ``friches`` provider.

Why: every algorithm shares the same group conventions, translation context, icon, dependency check
and help layout (the short help followed by each parameter's help), so each algorithm module only holds
its parameters and the call into ``core``.
"""

from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..dependencies import install_command, missing_requirements
from ..translation import tr

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


class FrichesAlgorithm(QgsProcessingAlgorithm):
    """Common behaviour; subclasses define name(), displayName(), group ids, initAlgorithm, processAlgorithm."""

    #: icon file name in resources/icons
    ICON = "friches.svg"

    def tr(self, text):
        return tr(text)

    def createInstance(self):
        return type(self)()

    def icon(self):
        return QIcon(str(ICONS / self.ICON))

    def svgIconPath(self):
        return str(ICONS / self.ICON)

    def helpUrl(self):
        return "https://github.com/friches-tierslieux/friches_tierslieux#readme"

    def help_text(self) -> str:
        """The algorithm's own help, without the parameter list (override)."""
        return ""

    def shortHelpString(self):
        text = self.help_text()
        items = []
        for param in self.parameterDefinitions():
            if param.help():
                items.append(f"<li><b>{param.description()}</b>: {param.help()}</li>")
        if items:
            text += "<h3>" + self.tr("Parameters") + "</h3><ul>" + "".join(items) + "</ul>"
        return text

    def require_dependencies(self, modules=None):
        """Stop with a clear message when shapely or pandas (or only those of ``modules``) is missing (never a
        traceback)."""
        missing = missing_requirements(modules)
        if missing:
            reqs = [req for req, _why in missing]
            raise QgsProcessingException(
                self.tr(
                    "Friches & Tiers-Lieux needs Python packages that are missing: {missing}. "
                    "Install them with: {command}"
                ).format(
                    missing="; ".join(why for _req, why in missing), command=install_command(reqs)
                )
            )


def show_decimals(param, decimals: int):
    """Show a number parameter with ``decimals`` digits in the dialog (QGIS shows six by default)."""
    param.setMetadata({**param.metadata(), "widget_wrapper": {"decimals": decimals}})
    return param
