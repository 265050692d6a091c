"""Base class of every algorithm of the ``friches`` provider.

Why: every algorithm shares the same group conventions, translation context, icon, dependency check
and help layout (the short help followed by each parameter's help), so each algorithm module only holds
its parameters and the call into ``core``.
"""

import functools
import traceback
from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.progress import Progress
from ..dependencies import install_command, missing_requirements
from ..translation import tr

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


class FrichesAlgorithm(QgsProcessingAlgorithm):
    """Common behaviour; subclasses define name(), displayName(), group ids, initAlgorithm, processAlgorithm.

    Outputs written to files are completed under temporary names and only take their final names once
    ``processAlgorithm`` has returned (:meth:`defer_commit`): a run that fails or is canceled, even after
    its first output is written, leaves every file of the user as it was.
    """

    #: icon file name in resources/icons
    ICON = "friches.svg"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None and not getattr(process, "commits_outputs", False):
            cls.processAlgorithm = _commit_outputs_after(process)

    def defer_commit(self, commit, discard) -> bool:
        """Run ``commit()`` when ``processAlgorithm`` returns, ``discard()`` if it raises; False (nothing
        deferred: the caller commits itself) outside a run."""
        deferred = getattr(self, "_deferred", None)
        if deferred is None:
            return False
        deferred.append((commit, discard))
        return True

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


    def canceled(self) -> QgsProcessingException:
        """The exception that ends a canceled run (raised, never a silent empty result that a chain of
        algorithms would take for a finished one)."""
        return QgsProcessingException(self.tr("Canceled."))


    # -- coordinate reference systems ------------------------------------------------------------------
    def warn_no_crs(self, feedback, layer_name: str, assumed) -> None:
        """One warning for a layer without CRS, naming it, what is assumed and what to do (never one
        message per feature)."""
        feedback.pushWarning(self.tr(
            "The layer '{layer}' has no coordinate reference system (CRS): its coordinates are read as {crs}. "
            "If they are in another CRS, set it in the layer's properties (Source › Assigned CRS) and run again."
        ).format(layer=layer_name, crs=crs_text(assumed)))

    def projected_crs_parameter(self, parameters, name, context, default="EPSG:2154"):
        """The CRS chosen in parameter ``name``, refused with a clear message when it is not a CRS QGIS
        knows (e.g. ``EPSG:999999``) or is geographic (degrees): never silently replaced. ``default``
        when the parameter is empty."""
        value = parameters.get(name)
        given = value not in (None, "") and not (isinstance(value, QgsCoordinateReferenceSystem) and not value.isValid()
                                                 and not value.authid())
        crs = self.parameterAsCrs(parameters, name, context)
        if not given:
            return QgsCoordinateReferenceSystem(default)
        description = self.parameterDefinition(name).description() if self.parameterDefinition(name) else name
        if not crs.isValid():
            raise QgsProcessingException(self.tr(
                "'{value}' given for '{param}' is not a coordinate reference system QGIS knows: choose one in the "
                "list, e.g. EPSG:2154 (Lambert-93)."
            ).format(value=_value_text(value), param=description))
        if crs.isGeographic():
            raise QgsProcessingException(self.tr(
                "'{param}' must be a projected CRS (in metres), not {crs} (in degrees): e.g. EPSG:2154 "
                "(Lambert-93) in metropolitan France."
            ).format(param=description, crs=crs_text(crs)))
        return crs


def _commit_outputs_after(process):
    """``processAlgorithm`` followed by the commits its outputs deferred (or their discard on error)."""
    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        self._deferred = []
        try:
            results = process(self, parameters, context, feedback)
        except BaseException as exc:
            deferred, self._deferred = self._deferred, None
            for _commit, discard in deferred:
                discard()
            # the exception outlives the run (Processing keeps it for its log): release the locals of the
            # frames it went through, among them open feature iterators, each holding one of the few
            # connections QGIS allows per file (after four canceled imports of one CSV the fifth waited
            # forever for a connection)
            traceback.clear_frames(exc.__traceback__)
            raise
        deferred, self._deferred = self._deferred, None
        for k, (commit, _discard) in enumerate(deferred):
            try:
                commit()
            except BaseException:
                for _c, discard in deferred[k + 1:]:
                    discard()
                raise
        return results

    run.commits_outputs = True
    return run


def crs_text(crs) -> str:
    """``EPSG:2154 (RGF93 v1 / Lambert-93)``: the code and the name a user recognises."""
    if crs is None or not crs.isValid():
        return tr("no CRS")
    code, name = crs.authid(), crs.description()
    if code and name:
        return f"{code} ({name})"
    return code or name or crs.toWkt()[:60]


def _value_text(value) -> str:
    if isinstance(value, QgsCoordinateReferenceSystem):
        return value.authid() or value.toWkt()[:60] or tr("an empty CRS")
    return str(value)


def assumed_crs(extent) -> QgsCoordinateReferenceSystem:
    """The CRS coordinates without one most likely are in: WGS 84 when the extent fits in degrees,
    else Lambert-93 (the import's rule for WKT and coordinate columns)."""
    if extent is not None and not extent.isNull() and -180.0 <= extent.xMinimum() <= extent.xMaximum() <= 180.0 \
            and -90.0 <= extent.yMinimum() <= extent.yMaximum() <= 90.0:
        return QgsCoordinateReferenceSystem("EPSG:4326")
    return QgsCoordinateReferenceSystem("EPSG:2154")


def core_progress(feedback, start: float = 0.0, end: float = 100.0) -> Progress:
    """A core :class:`Progress` reporting into ``feedback`` between ``start`` and ``end`` percent and
    canceled with it (the hook every long core loop checks)."""
    return Progress(lambda f: feedback.setProgress(start + (end - start) * f), feedback.isCanceled)


def show_decimals(param, decimals: int):
    """Show a number parameter with ``decimals`` digits in the dialog (QGIS shows six by default)."""
    param.setMetadata({**param.metadata(), "widget_wrapper": {"decimals": decimals}})
    return param
