"""``friches:full_analysis``: the whole chain from the friches inventory to the atlas, in one run.

Why an algorithm calling the others (and not a shipped .model3): the chain has optional branches (no
GTFS feed, no PLU, no existing places) that a graphical model cannot skip, and an inventory that may be
a raw CNIG file (imported first) or an inventory already imported. Each step is the plugin's own
algorithm run as a child (``is_child_algorithm=True``) with sensible defaults, so any step can be rerun
alone or rebuilt in the modeler; the log says "Step k/N: ..." for each, and why a step is skipped.

Every output of every step is a table of one GeoPackage (``OUTPUT_GPKG``), which a project can load
as is (``scripts/run_demo.py`` does); a table of the same name is replaced, other tables are kept.

The inputs may come from one GeoPackage written by ``friches:prepare_territory`` (``PREPARED``): every
layer is then found by its name (``processing/prepared_gpkg.py``); an input also given explicitly wins.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameters,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    FLAG_NO_THREADING,
    NUMBER_INTEGER,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
)
from ..translation import tr
from .base import FrichesAlgorithm
from .export_atlas import DEFAULT_FILTER
from .prepared_gpkg import prepared_inputs
from .styles import StylePostProcessor

#: Tables written into OUTPUT_GPKG: (output name, table, style, layer name in the project).
TABLES = (
    ("SITES_SCORED", "sites_scored", "candidates", "Sites scored"),
    ("SELECTION", "selection", "selected_sites", "Selected sites"),
    ("CATCHMENT", "catchment_walk", "catchment_bands", "Walking catchments"),
    ("COVERAGE_GAPS", "coverage_gaps", "coverage_gaps", "Coverage gaps"),
    ("STOPS", "stops", "transit_stops", "Transit stops"),
    ("PTAL_GRID", "ptal_grid", "ptal_grid", "PTAL grid"),
    ("ZONING_SITES", "zoning_sites", "zoning_sites", "Sites with zoning"),
    ("ZONES", "zones", "zoning_zones", "Zoning"),
)


def table_label(name: str) -> str:
    """The translated display name of output ``name`` (literal tr() calls, so the catalogue has them)."""
    return {
        "SITES_SCORED": tr("Scored sites"),
        "SELECTION": tr("Selected sites"),
        "CATCHMENT": tr("Walking catchments"),
        "COVERAGE_GAPS": tr("Coverage gaps"),
        "STOPS": tr("Transit stops"),
        "PTAL_GRID": tr("PTAL grid"),
        "ZONING_SITES": tr("Sites with zoning"),
        "ZONES": tr("Zoning"),
    }[name]


#: Fields of an inventory already imported by friches:import_inventory.
IMPORTED_FIELDS = {"site_id", "surface_source"}
CANDIDATE_FIELDS = ("candidate_coworking", "candidate_fablab", "candidate_mediation")


def table_uri(gpkg: str, table: str, geometry: bool = True) -> str:
    """The sink definition writing ``table`` into ``gpkg`` (created or replaced)."""
    return "ogr:dbname='{path}' table=\"{table}\"{geom}".format(
        path=gpkg.replace("'", "\\'"), table=table, geom=" (geom)" if geometry else "")


def layer_uri(gpkg: str, table: str) -> str:
    return f"{gpkg}|layername={table}"


class FullAnalysisAlgorithm(FrichesAlgorithm):
    PREPARED = "PREPARED"
    INVENTORY = "INVENTORY"
    INVENTORY_POLYGONS = "INVENTORY_POLYGONS"
    SITE_FILTER = "SITE_FILTER"
    NETWORK = "NETWORK"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    TIMES = "TIMES"
    GTFS = "GTFS"
    GTFS_DATE = "GTFS_DATE"
    ZONES = "ZONES"
    PRESCRIPTIONS = "PRESCRIPTIONS"
    SCOT = "SCOT"
    PLACES = "PLACES"
    SERVICES = "SERVICES"
    TERRITORY = "TERRITORY"
    BACKGROUND = "BACKGROUND"
    PROFILE = "PROFILE"
    SELECT_K = "SELECT_K"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    MAX_PAGES = "MAX_PAGES"
    OUTPUT_GPKG = "OUTPUT_GPKG"
    OUTPUT_PDF = "OUTPUT_PDF"
    PAGES = "PAGES"
    SKIPPED = "SKIPPED"

    ICON = "processing.svg"

    STEP_COUNT = 10

    def name(self):
        return "full_analysis"

    def displayName(self):
        return self.tr("Full analysis: from the inventory to the atlas")

    def group(self):
        return self.tr("Map products")

    def groupId(self):
        return "products"

    def tags(self):
        return self.tr("chain,workflow,one click,analysis,atlas,inventory,catchment,PTAL,zoning,score").split(",")

    def flags(self):
        # the last step exports a layout, which must run in the main thread
        return super().flags() | FLAG_NO_THREADING

    def help_text(self):
        return self.tr(
            "<p>Runs the whole analysis in one go, with the default settings of each step, and writes every result "
            "into one GeoPackage and the site sheets into one PDF. The steps, as the log numbers them:</p><ol>"
            "<li>Import inventory (skipped when the inventory is already imported: it has site_id);</li>"
            "<li>Catchment on foot (5, 10, 15 min) with the population reached;</li>"
            "<li>Transit service per stop (skipped without GTFS feed);</li>"
            "<li>Transit coverage: PTAL and ÖV class of the sites and of a grid (skipped without GTFS feed);</li>"
            "<li>Zoning overlay (skipped without PLU zones);</li>"
            "<li>Coverage gaps around the existing tiers-lieux (skipped without places or population);</li>"
            "<li>Score candidates;</li>"
            "<li>Select sites: the candidates that together reach the most people not served (skipped without "
            "population);</li>"
            "<li>Styles of the results when they load in QGIS;</li>"
            "<li>Export the site sheets atlas: the candidate sites, best first, each saying whether it was "
            "selected.</li></ol>"
            "<p>A missing optional input skips its step with a line in the log, never an error. Tables of the "
            "GeoPackage: friches, friches_emprises and import_report (when imported), sites_catchment, "
            "catchment_walk, stops, sites_transit, ptal_grid, zoning_sites, zones, coverage_gaps, "
            "coverage_candidates, covered_area, sites_scored, candidates, selection, selection_log. A table of the "
            "same name is replaced, other tables are kept. Each step is also an algorithm of its own, to rerun "
            "with other settings.</p>"
        )

    # -- parameters -------------------------------------------------------------------------------------
    def _source(self, name, label, types, help_text, optional=True, advanced=False):
        param = QgsProcessingParameterFeatureSource(name, label, types, optional=optional)
        param.setHelp(help_text)
        if advanced:
            param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFile(self.PREPARED, self.tr("Prepared territory (GeoPackage)"),
                                           behavior=FILE_BEHAVIOR_FILE, extension="gpkg", optional=True)
        param.setHelp(self.tr(
            "A GeoPackage written by Prepare a territory: every input below is taken from it by its layer name "
            "(friches, routes, population_200m, zone_urba, prescription_*, tiers_lieux, services, communes, "
            "gtfs_feed). An input also given below wins."))
        self.addParameter(param)
        self._source(self.INVENTORY, self.tr("Friches inventory"), [SOURCE_VECTOR], self.tr(
            "A CNIG friches file or layer (imported first), or an inventory already imported (the friches layer "
            "of the inventory GeoPackage, with site_id). Needed unless a prepared territory holds it."))
        self._source(self.INVENTORY_POLYGONS, self.tr("Site footprints of an imported inventory"), [SOURCE_POLYGON],
                     self.tr("The friches_emprises layer, for an inventory already imported (drawn in the atlas)."))
        param = QgsProcessingParameterExpression(
            self.SITE_FILTER, self.tr("Sites to analyse (expression)"), parentLayerParameterName=self.INVENTORY,
            optional=True)
        param.setHelp(self.tr("Empty: every site. E.g. \"comm_insee\" = '45999' for one commune."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        self._source(self.NETWORK, self.tr("Road network"), [SOURCE_LINE], self.tr(
            "Streets and paths (OpenStreetMap, BD TOPO or generic lines): walking catchments and walking distances "
            "to the stops; also drawn under the atlas maps. Needed unless a prepared territory holds it."))
        self._source(self.POPULATION, self.tr("Population grid"), [SOURCE_POLYGON], self.tr(
            "INSEE Filosofi 200 m cells (or any polygons with a population): population reached, coverage gaps, "
            "selection."))
        param = QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), defaultValue="ind",
            parentLayerParameterName=self.POPULATION, optional=True,
            type=QgsProcessingParameterField.DataType.Numeric)
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TIMES, self.tr("Walking times (minutes, comma-separated)"),
                                             defaultValue="5,10,15")
        param.setHelp(self.tr("Catchment bands; the longest is used for the coverage gaps and the selection."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.GTFS, self.tr("GTFS feed (zip)"), behavior=FILE_BEHAVIOR_FILE,
                                           extension="zip", optional=True)
        param.setHelp(self.tr("Public transport timetable: stops, PTAL and ÖV classes (steps skipped without it)."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.GTFS_DATE, self.tr("Service date (YYYY-MM-DD)"), optional=True)
        param.setHelp(self.tr("Empty: a representative weekday of the feed."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        self._source(self.ZONES, self.tr("PLU zones (zone_urba)"), [SOURCE_POLYGON], self.tr(
            "CNIG zone_urba polygons (or secteur_cc): dominant zone and compatibility of each use."))
        param = QgsProcessingParameterMultipleLayers(self.PRESCRIPTIONS, self.tr("PLU prescriptions"), optional=True)
        param.setHelp(self.tr("CNIG prescription_surf / _lin / _pct layers."))
        self.addParameter(param)
        self._source(self.SCOT, self.tr("SCOT perimeter"), [SOURCE_POLYGON], self.tr("The SCOT covering the sites."))
        self._source(self.PLACES, self.tr("Existing tiers-lieux"), [SOURCE_POINT, SOURCE_POLYGON], self.tr(
            "Existing third places: coverage gaps, distance to the nearest place of the same kind, selection."))
        self._source(self.SERVICES, self.tr("Services and facilities"), [SOURCE_POINT, SOURCE_POLYGON], self.tr(
            "France Services, libraries, town halls, schools...: counted near each site by the scoring."))
        self._source(self.TERRITORY, self.tr("Territory (communes)"), [SOURCE_POLYGON], self.tr(
            "Drawn in the atlas' locator map."))
        param = QgsProcessingParameterMultipleLayers(self.BACKGROUND, self.tr("Other background layers of the atlas"),
                                                     optional=True)
        param.setHelp(self.tr("Rivers, railway, woods... drawn under the main map of each sheet."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.PROFILE, self.tr("Scoring profile (JSON)"), behavior=FILE_BEHAVIOR_FILE,
                                           extension="json", optional=True)
        param.setHelp(self.tr("An edited copy of resources/profiles/default.json; the shipped profile when empty."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.SELECT_K, self.tr("Number of sites to select"), type=NUMBER_INTEGER,
                                             minValue=0, defaultValue=5)
        param.setHelp(self.tr("Select sites: the K candidates that together reach the most people not served."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the sheets"),
            options=[self.tr("Language of QGIS"), "Français", "English"], defaultValue=0)
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TITLE, self.tr("Title in the page header"), optional=True)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.MAX_PAGES, self.tr("Largest number of pages (0 = no limit)"),
                                             type=NUMBER_INTEGER, minValue=0, defaultValue=0)
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterFileDestination(self.OUTPUT_GPKG, self.tr("Results (GeoPackage)"),
                                                      self.tr("GeoPackage (*.gpkg)"))
        param.setHelp(self.tr("Every step's output as a table; tables of the same name are replaced."))
        self.addParameter(param)
        param = QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("Site sheets atlas (PDF)"),
                                                      self.tr("PDF files (*.pdf)"), optional=True, createByDefault=True)
        self.addParameter(param)
        for name, _table, _style, _label in TABLES:
            self.addOutput(QgsProcessingOutputVectorLayer(name, table_label(name)))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Atlas pages")))
        self.addOutput(QgsProcessingOutputString(self.SKIPPED, self.tr("Steps skipped")))

    # -- run --------------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if parameters.get(self.PREPARED) in (None, ""):
            for name in (self.INVENTORY, self.NETWORK):
                if parameters.get(name) in (None, ""):
                    return False, self.tr("Give the friches inventory and the road network, or a prepared territory "
                                          "(GeoPackage) holding them.")
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):
        folder = tempfile.mkdtemp(prefix="friches_analysis_")
        try:
            return self._process(self._with_prepared(parameters, context, feedback, folder), context, feedback)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            # the run's state must not outlive it (the feedback and context belong to the caller)
            self._feedback = self._steps = self._context = self._processing = None

    def _process(self, parameters, context, feedback):
        from qgis import processing

        self.require_dependencies()
        gpkg = self.parameterAsFileOutput(parameters, self.OUTPUT_GPKG, context)
        if not gpkg:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_GPKG))
        if not gpkg.lower().endswith(".gpkg"):
            gpkg += ".gpkg"
        Path(gpkg).parent.mkdir(parents=True, exist_ok=True)
        pdf = ""
        if parameters.get(self.OUTPUT_PDF):
            pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        total = self.STEP_COUNT
        steps = QgsProcessingMultiStepFeedback(total, feedback)
        self._feedback, self._steps, self._total = feedback, steps, total
        self._step, self._step_text = 0, ""
        self._context, self._processing = context, processing
        self._skipped = []
        results = {name: None for name, *_rest in TABLES}

        def given(name):
            value = parameters.get(name)
            return value is not None and value != "" and value != []

        def source(name):
            return parameters.get(name) if given(name) else None

        population = source(self.POPULATION)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "ind"
        times = self.parameterAsString(parameters, self.TIMES, context) or "5,10,15"
        try:
            longest = max(float(t) for t in times.replace(";", ",").split(",") if t.strip())
        except ValueError as exc:
            raise QgsProcessingException(self.tr(
                "Walking times must be numbers of minutes separated by commas, e.g. 5,10,15 (got '{value}')."
            ).format(value=times)) from exc

        # 1. Inventory
        self._start(1, self.tr("inventory"))
        inventory = self.parameterAsSource(parameters, self.INVENTORY, context)
        if inventory is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INVENTORY))
        polygons = source(self.INVENTORY_POLYGONS)
        if set(inventory.fields().names()) >= IMPORTED_FIELDS:
            self._info(self.tr("The inventory is already imported (site_id): import skipped."))
            sites = parameters[self.INVENTORY]
        else:
            out = self._run("friches:import_inventory", {
                "INPUT": parameters[self.INVENTORY], "TARGET_CRS": "EPSG:2154", "INVENTORY": gpkg,
                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_POLYGONS": "TEMPORARY_OUTPUT",
                "REPORT": table_uri(gpkg, "import_report", geometry=False),
            }, self.tr("Import inventory"), required=("OUTPUT",))
            sites, polygons = out["OUTPUT"], out.get("OUTPUT_POLYGONS") or polygons
            self._info(self.tr("{n} sites imported, {r} rows rejected (see the import_report table).").format(
                n=out.get("IMPORTED"), r=out.get("REJECTED")))
            if not out.get("IMPORTED"):
                raise QgsProcessingException(self.tr(
                    "No site of the inventory could be imported ({r} rows rejected: see the import_report table of "
                    "{gpkg}): there is nothing to analyse.").format(r=out.get("REJECTED") or 0, gpkg=gpkg))
        self._require_geometry(sites, gpkg)
        site_filter = ""
        if given(self.SITE_FILTER):
            site_filter = self.parameterAsExpression(parameters, self.SITE_FILTER, context)
        if site_filter.strip():
            sites = self._run("native:extractbyexpression", {
                "INPUT": sites, "EXPRESSION": site_filter, "OUTPUT": "TEMPORARY_OUTPUT",
            }, self.tr("Sites to analyse"), required=("OUTPUT",))["OUTPUT"]
            count = self._count(sites)
            self._info(self.tr("{n} sites kept by the expression {expression}.").format(
                n=count, expression=site_filter))
            if not count:
                raise QgsProcessingException(self.tr("No site matches the expression {expression}.").format(
                    expression=site_filter))

        # 2. Catchment on foot
        self._start(2, self.tr("walking catchments and population reached"))
        params = {"INPUT": sites, "NETWORK": parameters[self.NETWORK], "MODE": 0, "TIMES": times,
                  "OUTPUT": table_uri(gpkg, "catchment_walk"), "OUTPUT_SITES": table_uri(gpkg, "sites_catchment")}
        if population is not None:
            params.update({"POPULATION": population, "POPULATION_FIELD": population_field})
        else:
            self._info(self.tr("No population grid: catchments without population."))
        out = self._run("friches:catchment", params, self.tr("Catchment"), required=("OUTPUT", "OUTPUT_SITES"))
        results["CATCHMENT"] = out["OUTPUT"]
        sites_catchment = sites = out["OUTPUT_SITES"]

        # 3-4. Transit
        gtfs = self.parameterAsFile(parameters, self.GTFS, context) if given(self.GTFS) else ""
        date = self.parameterAsString(parameters, self.GTFS_DATE, context) if given(self.GTFS_DATE) else ""
        transit_sites = None
        self._start(3, self.tr("transit service per stop"))
        if gtfs:
            params = {"GTFS": gtfs, "OUTPUT": table_uri(gpkg, "stops")}
            if date:
                params["DATE"] = date
            out = self._run("friches:transit_service", params, self.tr("Transit service"), required=("OUTPUT",))
            results["STOPS"] = out["OUTPUT"]
            self._start(4, self.tr("transit coverage (PTAL, ÖV classes)"))
            params = {"INPUT": sites, "GTFS": gtfs, "NETWORK": parameters[self.NETWORK],
                      "OUTPUT": table_uri(gpkg, "sites_transit"), "OUTPUT_GRID": table_uri(gpkg, "ptal_grid")}
            if date:
                params["DATE"] = date
            out = self._run("friches:transit_coverage", params, self.tr("Transit coverage"), required=("OUTPUT",))
            results["PTAL_GRID"] = out.get("OUTPUT_GRID")
            if not results["PTAL_GRID"]:
                self._info(self.tr("No PTAL grid: the sites give no extent to draw it on."))
            transit_sites = sites = out["OUTPUT"]
        else:
            self._skip(3, self.tr("no GTFS feed: transit service skipped."))
            self._start(4, self.tr("transit coverage (PTAL, ÖV classes)"))
            self._skip(4, self.tr("no GTFS feed: transit coverage skipped."))

        # 5. Zoning
        zoning_sites = None
        self._start(5, self.tr("zoning overlay"))
        if given(self.ZONES):
            params = {"INPUT": sites, "ZONES": parameters[self.ZONES], "OUTPUT": table_uri(gpkg, "zoning_sites"),
                      "OUTPUT_ZONES": table_uri(gpkg, "zones")}
            if given(self.PRESCRIPTIONS):
                params["PRESCRIPTIONS"] = parameters[self.PRESCRIPTIONS]
            if given(self.SCOT):
                params["SCOT"] = parameters[self.SCOT]
            out = self._run("friches:zoning_overlay", params, self.tr("Zoning overlay"), required=("OUTPUT",))
            results["ZONING_SITES"], results["ZONES"] = out["OUTPUT"], out.get("OUTPUT_ZONES")
            zoning_sites = sites = out["OUTPUT"]
        else:
            self._skip(5, self.tr("no PLU zones: zoning overlay skipped."))

        # 6. Coverage gaps
        coverage_candidates = covered = None
        self._start(6, self.tr("coverage gaps around the existing tiers-lieux"))
        if given(self.PLACES) and population is not None:
            out = self._run("friches:coverage_gaps", {
                "INPUT": parameters[self.PLACES], "CANDIDATES": sites_catchment, "NETWORK": parameters[self.NETWORK],
                "MODE": 0, "TIME": longest, "POPULATION": population, "POPULATION_FIELD": population_field,
                "OUTPUT": table_uri(gpkg, "coverage_gaps"), "OUTPUT_CANDIDATES": table_uri(gpkg, "coverage_candidates"),
                "OUTPUT_COVERED": table_uri(gpkg, "covered_area"),
            }, self.tr("Coverage gaps"), required=("OUTPUT",))
            results["COVERAGE_GAPS"] = out["OUTPUT"]
            coverage_candidates, covered = out.get("OUTPUT_CANDIDATES"), out.get("OUTPUT_COVERED")
            if out.get("COVERED_PCT") is not None:
                self._info(self.tr("{pct} % of the population lives within {minutes} min of an existing place.").format(
                    pct=round(float(out["COVERED_PCT"]), 1), minutes=f"{longest:g}"))
        else:
            self._skip(6, self.tr("no existing tiers-lieux or no population grid: coverage gaps skipped."))

        # 7. Scores
        scored = atlas_sites = None
        self._start(7, self.tr("scores per use (coworking, fablab, digital inclusion)"))
        if self._available("friches:score_candidates"):
            params = {"INPUT": sites, "CATCHMENT": sites_catchment, "OUTPUT": table_uri(gpkg, "sites_scored")}
            for key, value in (("TRANSIT", transit_sites), ("ZONING", zoning_sites), ("COVERAGE", coverage_candidates),
                               ("PLACES", source(self.PLACES)), ("SERVICES", source(self.SERVICES)),
                               ("PROFILE", self.parameterAsFile(parameters, self.PROFILE, context) or None)):
                if value:
                    params[key] = value
            out = self._run("friches:score_candidates", params, self.tr("Score candidates"), required=("OUTPUT",))
            scored = results["SITES_SCORED"] = out["OUTPUT"]
            self._info(self.tr("Candidates: {c} coworking, {f} fablab, {m} digital inclusion.").format(
                c=out.get("CANDIDATES_COWORKING"), f=out.get("CANDIDATES_FABLAB"), m=out.get("CANDIDATES_MEDIATION")))
        else:
            self._skip(7, self.tr("the algorithm friches:score_candidates is not available: scoring skipped."))

        # 8. Selection
        self._start(8, self.tr("selection of the sites that reach the most people not served"))
        k = self.parameterAsInt(parameters, self.SELECT_K, context)
        if scored is None:
            self._skip(8, self.tr("no scores: selection skipped."))
        elif population is None:
            self._skip(8, self.tr("no population grid: selection skipped."))
        elif not self._available("friches:select_sites"):
            self._skip(8, self.tr("the algorithm friches:select_sites is not available: selection skipped."))
        else:
            candidates = self._run("native:extractbyexpression", {
                "INPUT": scored, "EXPRESSION": DEFAULT_FILTER, "OUTPUT": table_uri(gpkg, "candidates")},
                self.tr("Candidates"), required=("OUTPUT",))["OUTPUT"]
            if not self._count(candidates):
                self._skip(8, self.tr("no candidate site: selection skipped."))
            else:
                params = {"INPUT": candidates, "PRIORITY_FIELD": "best_score", "CATCHMENTS": results["CATCHMENT"],
                          "MINUTES": longest, "POPULATION": population, "POPULATION_FIELD": population_field, "K": k,
                          "OUTPUT": table_uri(gpkg, "selection"),
                          "OUTPUT_LOG": table_uri(gpkg, "selection_log", geometry=False)}
                if covered:
                    params["EXISTING"] = covered
                out = self._run("friches:select_sites", params, self.tr("Select sites"), required=("OUTPUT",))
                results["SELECTION"] = out["OUTPUT"]
                # the sheets say whether and at which step each site was selected
                atlas_sites = self._run("native:joinattributestable", {
                    "INPUT": scored, "FIELD": "site_id", "INPUT_2": out["OUTPUT"], "FIELD_2": "site_id",
                    "FIELDS_TO_COPY": ["step", "marginal_pop"], "METHOD": 1, "DISCARD_NONMATCHING": False,
                    "PREFIX": "selection_", "OUTPUT": "TEMPORARY_OUTPUT",
                }, self.tr("Selection on the sheets"), quiet=True, required=("OUTPUT",))["OUTPUT"]
                self._info(self.tr("{n} sites selected, reaching {pop} people not served before.").format(
                    n=out.get("SELECTED"), pop=round(float(out.get("SELECTED_POPULATION") or 0))))

        # 9. Styles (when the results load in QGIS)
        self._start(9, self.tr("styles of the results"))
        self._load_styled(context, gpkg, results)

        # 10. Atlas
        pages = 0
        self._start(10, self.tr("site sheets atlas"))
        if not pdf:
            self._skip(10, self.tr("no PDF file asked: atlas skipped."))
        else:
            background = [parameters[self.NETWORK]]
            if given(self.BACKGROUND):
                background += list(parameters[self.BACKGROUND])
            params = {
                "INPUT": atlas_sites or scored or sites, "SITE_POLYGONS": polygons, "CATCHMENT": results["CATCHMENT"],
                "STOPS": results["STOPS"], "ZONES": results["ZONES"] or source(self.ZONES),
                "TERRITORY": source(self.TERRITORY), "BACKGROUND": background,
                "LANGUAGE": self.parameterAsEnum(parameters, self.LANGUAGE, context),
                "TITLE": self.parameterAsString(parameters, self.TITLE, context),
                "MAX_PAGES": self.parameterAsInt(parameters, self.MAX_PAGES, context), "OUTPUT_PDF": pdf,
            }
            out = self._run("friches:export_atlas", {k: v for k, v in params.items() if v not in (None, "")},
                            self.tr("Export atlas"), required=("OUTPUT_PDF",))
            pages = out.get("PAGES") or 0

        outputs = dict(results)
        outputs.update({self.OUTPUT_GPKG: gpkg, self.PAGES: pages, self.SKIPPED: "; ".join(self._skipped)})
        if pdf:
            outputs[self.OUTPUT_PDF] = pdf
        feedback.pushInfo(self.tr("Full analysis done: {gpkg}{pdf}.").format(
            gpkg=gpkg, pdf=self.tr(", atlas of {n} pages: {path}").format(n=pages, path=pdf) if pdf else ""))
        return outputs

    def _with_prepared(self, parameters, context, feedback, folder):
        """``parameters`` completed with the layers of the prepared territory (those given explicitly win)."""
        if parameters.get(self.PREPARED) in (None, ""):
            return parameters
        path = self.parameterAsFile(parameters, self.PREPARED, context)
        found, used = prepared_inputs(path, folder)
        feedback.pushInfo(self.tr("Prepared territory {path}: {layers}.").format(path=path, layers=", ".join(used)))
        merged = dict(found)
        merged.update({k: v for k, v in parameters.items() if v not in (None, "", [])})
        for name in (self.INVENTORY, self.NETWORK):
            if merged.get(name) in (None, ""):
                raise QgsProcessingException(self.tr("The prepared territory {path} has no {layer} layer with "
                                                     "features.").format(
                    path=path, layer="friches" if name == self.INVENTORY else "routes"))
        return merged

    # -- helpers ----------------------------------------------------------------------------------------
    def _start(self, k, text):
        if self._steps.isCanceled():
            raise self._canceled_at(text)
        self._step, self._step_text = k, text
        self._steps.setCurrentStep(k - 1)
        self._feedback.pushInfo("")
        self._feedback.pushInfo(self.tr("Step {k}/{n}: {text}").format(k=k, n=self._total, text=text))

    def _canceled_at(self, label):
        return QgsProcessingException(self.tr(
            "Canceled during step {k}/{n} ({step}): the steps before it are complete in the GeoPackage, nothing of "
            "this one was written.").format(k=self._step, n=self._total, step=label))

    def _require_geometry(self, sites, gpkg):
        """Stop with a clear message when no site has a geometry: every analysis needs one."""
        source = QgsProcessingParameters.parameterAsSource(self.parameterDefinition(self.INVENTORY), sites,
                                                           self._context)
        if source is None:
            return
        request = QgsFeatureRequest().setNoAttributes()
        for n, feature in enumerate(source.getFeatures(request, SKIP_GEOMETRY_CHECKS)):
            if feature.hasGeometry() and not feature.geometry().isEmpty():
                return
            if n % 1000 == 0 and self._steps.isCanceled():
                raise self._canceled_at(self._step_text)
        raise QgsProcessingException(self.tr(
            "No site of the inventory has a usable geometry ({n} site(s) read): there is nothing to analyse. Check "
            "the geometry of the inventory (or the import_report table of {gpkg}).").format(
            n=source.featureCount(), gpkg=gpkg))

    def _info(self, text):
        self._feedback.pushInfo("    " + text)

    def _skip(self, k, reason):
        self._feedback.pushInfo("    " + self.tr("Skipped: {reason}").format(reason=reason))
        self._skipped.append(self.tr("step {k}: {reason}").format(k=k, reason=reason))

    @staticmethod
    def _available(alg_id):
        return QgsApplication.processingRegistry().algorithmById(alg_id) is not None

    def _run(self, alg_id, params, label, quiet=False, required=()):
        """Run a child algorithm; ``quiet``: its messages are not logged (e.g. the join's unmatched rows).
        Every result is checked: a cancel ends the chain naming the step, a failure or a missing
        ``required`` output stops it naming the step (never a KeyError further on)."""
        if not self._available(alg_id):
            raise QgsProcessingException(self.tr("The algorithm {alg} is missing.").format(alg=alg_id))
        feedback = self._steps
        if quiet:
            feedback = QgsProcessingFeedback()
            self._steps.canceled.connect(feedback.cancel)
            if self._steps.isCanceled():
                feedback.cancel()
        try:
            out = self._processing.run(alg_id, params, context=self._context, feedback=feedback,
                                       is_child_algorithm=True)
        except QgsProcessingException as exc:
            if self._steps.isCanceled():
                raise self._canceled_at(label) from exc
            raise QgsProcessingException(self.tr("Step {k}/{n} ({step}) failed: {error}").format(
                k=self._step, n=self._total, step=label, error=str(exc))) from exc
        if self._steps.isCanceled():
            raise self._canceled_at(label)
        out = out or {}
        missing = [name for name in required if not out.get(name)]
        if missing:
            raise QgsProcessingException(self.tr(
                "Step {k}/{n} ({step}) ended without its output {outputs}: see its messages above.").format(
                k=self._step, n=self._total, step=label, outputs=", ".join(missing)))
        return out

    def _count(self, layer_ref):
        layer = layer_ref if isinstance(layer_ref, QgsVectorLayer) else \
            QgsProcessingUtils.mapLayerFromString(str(layer_ref), self._context)
        return layer.featureCount() if layer is not None else 0

    def _load_styled(self, context, gpkg, results):
        """Ask QGIS to load the main results styled (desktop only; nothing to do in qgis_process)."""
        if context.project() is None:
            return
        for name, table, style, _label in TABLES:
            if not results.get(name):
                continue
            uri = layer_uri(gpkg, table)
            details = QgsProcessingContext.LayerDetails(table_label(name), context.project(), name)
            details.setPostProcessor(StylePostProcessor.create(style, table_label(name)))
            context.addLayerToLoadOnCompletion(uri, details)
        self._info(self.tr("Run from the QGIS window, the results load in the project with the plugin's styles."))
