"""``friches:acquisition_programme``: which friches to acquire and convert in which year, within each
year's budget, to serve the most people (or the best scores): the multi-year investment programme.

Adapter only: reads the sites, their costs (cost table or a cost field), gains, budgets and the
population cells (``programme_io``), solves the programme exactly (``core/costs/programme``), explains
each site (``core/costs/programme_text``) and writes the sites, the years, the XLSX and the PDF
(``programme_report``). The method is documented in ``resources/costs/README.md``.
"""

from __future__ import annotations

import collections
import datetime as _dt

import numpy as np
from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    make_field,
    parameter_as_fields,
)
from ..core.costs import programme as pg
from ..core.costs import programme_text as ptext
from ..core.costs.cost_table import CostTableError, load_table
from ..core.costs.formatting import money
from ..core.costs.milp_process import MilpProcess, SolverError
from ..core.progress import Canceled
from ..translation import ui_language
from . import costs_io as cio
from . import programme_io as pio
from . import programme_report as report
from . import scoring_io as sio
from .base import FrichesAlgorithm, core_progress, show_decimals
from .sinks import write_file, write_rows
from .styles import style_on_completion

SITE_FIELDS = (
    ("prog_status", "string", 16), ("prog_order", "int", 0), ("prog_use", "string", 16), ("acq_year", "int", 0),
    ("works_year", "int", 0), ("acquisition_eur", "double", 0), ("works_eur", "double", 0),
    ("total_cost_eur", "double", 0), ("cumulative_spend_eur", "double", 0), ("revenue_eur_yr", "double", 0),
    ("own_gain", "double", 0), ("marginal_gain", "double", 0), ("new_pop", "double", 0), ("mandatory", "bool", 0),
    ("reason_code", "string", 32), ("reason_fr", "string", 0), ("reason_en", "string", 0),
)
YEAR_FIELDS = (
    ("year", "int"), ("budget_eur", "double"), ("available_eur", "double"), ("acquisitions_eur", "double"),
    ("works_eur", "double"), ("spend_eur", "double"), ("unspent_eur", "double"), ("cumulative_spend_eur", "double"),
    ("sites_acquired", "int"), ("sites_opened", "int"), ("new_pop", "double"), ("cumulative_pop", "double"),
    ("gain", "double"), ("revenue_eur", "double"),
)
USE_CHOICES = (None, "coworking", "fablab", "mediation")
LANGUAGES = ("fr", "en")
#: Time given to the explanations of the left-out sites, as a share of the solver's time limit.
EXPLAIN_SHARE = 0.4


class AcquisitionProgrammeAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    USE = "USE"
    CANDIDATES_ONLY = "CANDIDATES_ONLY"
    COSTS = "COSTS"
    PRICE_FIELD = "PRICE_FIELD"
    COST_FIELD = "COST_FIELD"
    ACQUISITION_FIELD = "ACQUISITION_FIELD"
    BUDGET = "BUDGET"
    BUDGET_TABLE = "BUDGET_TABLE"
    BUDGET_YEAR_FIELD = "BUDGET_YEAR_FIELD"
    BUDGET_AMOUNT_FIELD = "BUDGET_AMOUNT_FIELD"
    START_YEAR = "START_YEAR"
    YEARS = "YEARS"
    CARRY_OVER = "CARRY_OVER"
    DELAY = "DELAY"
    OBJECTIVE = "OBJECTIVE"
    OBJECTIVE_FIELD = "OBJECTIVE_FIELD"
    POPULATION_WEIGHT = "POPULATION_WEIGHT"
    POPULATION_SITE_FIELD = "POPULATION_SITE_FIELD"
    CATCHMENTS = "CATCHMENTS"
    CATCHMENT_ID_FIELD = "CATCHMENT_ID_FIELD"
    MINUTES = "MINUTES"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    EXISTING = "EXISTING"
    MANDATORY = "MANDATORY"
    EXCLUDED = "EXCLUDED"
    TIME_LIMIT = "TIME_LIMIT"
    EXPLAIN = "EXPLAIN"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    OUTPUT_YEARS = "OUTPUT_YEARS"
    OUTPUT_XLSX = "OUTPUT_XLSX"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"
    SELECTED = "SELECTED"
    SPEND = "SPEND"
    OBJECTIVE_VALUE = "OBJECTIVE_VALUE"
    GAP_PCT = "GAP_PCT"
    STATUS = "STATUS"
    POPULATION_COVERED = "POPULATION_COVERED"

    ICON = "processing.svg"

    def name(self):
        return "acquisition_programme"

    def displayName(self):
        return self.tr("Multi-year acquisition programme (budget)")

    def group(self):
        return self.tr("Costs and programme")

    def groupId(self):
        return "costs"

    def tags(self):
        return [self.tr("programme"), "PPI", "plan pluriannuel d'investissement", self.tr("budget"),
                self.tr("acquisition"), self.tr("optimisation"), "MILP", "HiGHS", "tiers-lieux"]

    def shortDescription(self):
        return self.tr("Which sites to acquire and convert in which year, within each year's budget, to serve the "
                       "most people: solved exactly, with the reason each good site is left out.")

    def help_text(self):
        return self.tr(
            "<p>Builds the multi-year investment programme (<i>plan pluriannuel d'investissement</i>): for each "
            "site, the year of its acquisition and the year of its conversion works, within each year's budget, "
            "to maximise the objective.</p>"
            "<p><b>Costs</b>: from the cost table (resources/costs/default.json or your copy: acquisition = the "
            "price estimate of Land prices + fees; works by building state and use, demolition, depollution, "
            "accessibility, energy, studies) or from a field of the sites with each site's own total cost. A site "
            "without a known cost is not programmed, and the output says so.</p>"
            "<p><b>Objective</b>: the population newly covered (counted once even when two sites reach the same "
            "people, from the catchments and the population grid; or the additive field of Coverage gaps), the "
            "score of the use, both weighted, or any numeric field.</p>"
            "<p><b>Rules</b>: the works start at the earliest the year after the acquisition (delay); each year's "
            "spend stays within its budget (or, with carry-over, the budgets cumulated so far); mandatory sites "
            "are in, excluded sites out; by default only the candidates of the use are considered.</p>"
            "<p><b>Method</b>: a mixed-integer programme solved exactly by HiGHS (scipy.optimize.milp), then, "
            "among the best programmes, the one that opens the places the earliest; the time limit stops the "
            "search and the gap says how far from the optimum the programme can be at most (0: proven optimum). "
            "Every site gets a reason: why it is in, and why a good candidate is left out (too expensive, "
            "phasing, mandatory sites first, the budget brings more elsewhere with the loss measured, people "
            "already covered by the programme).</p>"
            "<p><b>Outputs</b>: the sites with acq_year, works_year, costs, cumulative spend, marginal gain and "
            "reason; a table per year; an XLSX workbook and a 'Programme pluriannuel' PDF with a chart per "
            "year of the spend and the people covered, in French or English.</p>"
        )

    # -- parameters -------------------------------------------------------------------------------------
    def _advanced(self, param, decimals=None):
        param.setFlags(param.flags() | FLAG_ADVANCED)
        if decimals is not None:
            show_decimals(param, decimals)
        self.addParameter(param)

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Sites (scored, with land prices)"),
                                                    [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("The output of Land prices run on the scored sites (price_estimate_eur, best_use, "
                              "scores, candidates, CNIG fields)."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterField(self.SITE_ID_FIELD, self.tr("Site identifier field"),
                                                      defaultValue="site_id", parentLayerParameterName=self.INPUT,
                                                      optional=True))
        param = QgsProcessingParameterEnum(self.USE, self.tr("Use programmed"), options=[
            self.tr("The best use of each site"), "Coworking", "Fablab", self.tr("Digital inclusion")], defaultValue=0)
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.CANDIDATES_ONLY, self.tr("Only the candidates of the use"),
                                              defaultValue=True)
        param.setHelp(self.tr("Sites whose candidate_<use> field is false are left out (reason given); mandatory "
                              "sites are always considered."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.COSTS, self.tr("Cost table (JSON)"), behavior=FILE_BEHAVIOR_FILE,
                                           extension="json", optional=True)
        param.setHelp(self.tr("An edited copy of resources/costs/default.json; the shipped table (indicative "
                              "values) when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.PRICE_FIELD, self.tr("Purchase price field (€)"),
                                            defaultValue="price_estimate_eur", parentLayerParameterName=self.INPUT,
                                            optional=True, type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("The purchase price (Land prices' price_estimate_eur); fees of the cost table added."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.COST_FIELD, self.tr("Or: total cost field (€)"),
                                            parentLayerParameterName=self.INPUT, optional=True,
                                            type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("Each site's own total cost: replaces the cost table."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.ACQUISITION_FIELD, self.tr("Part of the total paid at acquisition "
                                                                            "(field, €)"),
                                            parentLayerParameterName=self.INPUT, optional=True,
                                            type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("With a total cost field: the part paid the year of the acquisition (0 when empty), "
                              "the rest the year of the works."))
        self._advanced(param)
        param = QgsProcessingParameterNumber(self.BUDGET, self.tr("Budget per year (€)"), type=NUMBER_DOUBLE,
                                             minValue=0.0, optional=True)
        param.setHelp(self.tr("The same budget every year of the horizon."))
        self.addParameter(show_decimals(param, 0))
        param = QgsProcessingParameterFeatureSource(self.BUDGET_TABLE, self.tr("Or: budgets by year (table)"),
                                                    [SOURCE_VECTOR], optional=True)
        param.setHelp(self.tr("A table (CSV, spreadsheet...) with one row per year: the year and its budget."))
        self.addParameter(param)
        self._advanced(QgsProcessingParameterField(self.BUDGET_YEAR_FIELD, self.tr("Year field of the budgets"),
                                                   defaultValue="year", parentLayerParameterName=self.BUDGET_TABLE,
                                                   optional=True))
        self._advanced(QgsProcessingParameterField(self.BUDGET_AMOUNT_FIELD, self.tr("Budget field of the budgets"),
                                                   defaultValue="budget", parentLayerParameterName=self.BUDGET_TABLE,
                                                   optional=True))
        param = QgsProcessingParameterNumber(self.START_YEAR, self.tr("First year"), type=NUMBER_INTEGER,
                                             minValue=1900, maxValue=2200, optional=True)
        param.setHelp(self.tr("Default: the first year of the budget table, else next year."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.YEARS, self.tr("Horizon (years)"), type=NUMBER_INTEGER,
                                             minValue=1, maxValue=50, optional=True, defaultValue=6)
        param.setHelp(self.tr("Default 6 (a municipal term); with a budget table and no horizon, the table's "
                              "years."))
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.CARRY_OVER, self.tr("Unspent budget carries over to the next "
                                                                       "year"), defaultValue=False)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.DELAY, self.tr("Years between acquisition and works"),
                                             type=NUMBER_INTEGER, minValue=0, maxValue=10, defaultValue=1)
        param.setHelp(self.tr("1: the conversion starts at the earliest the year after the acquisition."))
        self._advanced(param)
        param = QgsProcessingParameterEnum(self.OBJECTIVE, self.tr("Objective"), options=[
            self.tr("Population newly covered"), self.tr("Score of the use"), self.tr("Both, weighted"),
            self.tr("A numeric field")], defaultValue=0)
        self.addParameter(param)
        param = QgsProcessingParameterField(self.OBJECTIVE_FIELD, self.tr("Objective field"),
                                            parentLayerParameterName=self.INPUT, optional=True,
                                            type=QgsProcessingParameterField.DataType.Numeric)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.POPULATION_WEIGHT, self.tr("Weight of the population (both)"),
                                             type=NUMBER_DOUBLE, minValue=0.0, maxValue=1.0, defaultValue=0.5)
        param.setHelp(self.tr("Objective 'both' = w × population / the largest population of one site + (1 − w) × "
                              "score / 100, summed over the sites."))
        self._advanced(param, 2)
        param = QgsProcessingParameterField(self.POPULATION_SITE_FIELD, self.tr("Population field of the sites"),
                                            defaultValue="new_pop_15min", parentLayerParameterName=self.INPUT,
                                            optional=True, type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("Without catchments and grid: each site's new population (Coverage gaps); people "
                              "reached by two sites then count twice."))
        self._advanced(param)
        param = QgsProcessingParameterFeatureSource(self.CATCHMENTS, self.tr("Catchments of the sites"),
                                                    [SOURCE_POLYGON], optional=True)
        param.setHelp(self.tr("With the population grid: people are counted once however many sites reach them."))
        self.addParameter(param)
        self._advanced(QgsProcessingParameterField(self.CATCHMENT_ID_FIELD,
                                                   self.tr("Site identifier field of the catchments"),
                                                   defaultValue="site_id", parentLayerParameterName=self.CATCHMENTS,
                                                   optional=True))
        param = QgsProcessingParameterNumber(self.MINUTES, self.tr("Travel time band (minutes)"), type=NUMBER_DOUBLE,
                                             minValue=0.0, defaultValue=0.0)
        param.setHelp(self.tr("0: the longest band of the catchments."))
        self._advanced(param, 1)
        self.addParameter(QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population grid"),
                                                              [SOURCE_POLYGON], optional=True))
        self._advanced(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field of the grid"),
                                                   defaultValue="ind", parentLayerParameterName=self.POPULATION,
                                                   optional=True, type=QgsProcessingParameterField.DataType.Numeric))
        param = QgsProcessingParameterFeatureSource(self.EXISTING, self.tr("Area served by existing places"),
                                                    [SOURCE_POLYGON], optional=True)
        param.setHelp(self.tr("E.g. the covered area of Coverage gaps: people inside count as already served."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.MANDATORY, self.tr("Mandatory sites (identifiers)"), optional=True)
        param.setHelp(self.tr("Identifiers separated by commas or semicolons: these sites are in the programme."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.EXCLUDED, self.tr("Excluded sites (identifiers)"), optional=True)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.TIME_LIMIT, self.tr("Time limit of the solver (seconds)"),
                                             type=NUMBER_DOUBLE, minValue=1.0, defaultValue=20.0)
        param.setHelp(self.tr("When reached, the best programme found is kept and the gap says how far from the "
                              "optimum it can be. The explanations of the left-out sites get 40 % more."))
        self._advanced(param, 0)
        param = QgsProcessingParameterNumber(self.EXPLAIN, self.tr("Left-out sites examined one by one"),
                                             type=NUMBER_INTEGER, minValue=0, defaultValue=10)
        param.setHelp(self.tr("The best left-out sites are forced into the programme one at a time to measure what "
                              "it would lose."))
        self._advanced(param)
        self.addParameter(QgsProcessingParameterEnum(self.LANGUAGE, self.tr("Language of the documents"), options=[
            self.tr("Language of QGIS"), "Français", "English"], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title of the documents"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Programme (sites)")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_YEARS, self.tr("Programme by year"),
                                                            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_XLSX, self.tr("Programme (XLSX)"), fileFilter="XLSX (*.xlsx)", optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Programme pluriannuel (PDF)"), fileFilter="PDF (*.pdf)", optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PNG, self.tr("Chart of the programme (PNG)"), fileFilter="PNG (*.png)", optional=True,
            createByDefault=False))
        for name, label in ((self.SELECTED, self.tr("Sites in the programme")), (self.SPEND, self.tr("Spend (€)")),
                            (self.OBJECTIVE_VALUE, self.tr("Objective")), (self.GAP_PCT, self.tr("Gap (%)")),
                            (self.POPULATION_COVERED, self.tr("People newly covered"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString(self.STATUS, self.tr("Status of the solution")))

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        sites = sio.read_table(source, context, geometry=False, feedback=feedback)
        if sites is None:
            raise self.canceled()
        names = sites.names
        id_field = cio.field_choice(self, parameters, self.SITE_ID_FIELD, context, names, "site_id")
        keys = [sio.site_key(r.get(id_field)) if id_field else None for r in sites.rows]
        keys = [k or f"#{fid}" for k, fid in zip(keys, sites.fids)]
        duplicated = sorted(k for k, count in collections.Counter(keys).items() if count > 1)
        if duplicated:
            raise QgsProcessingException(self.tr("Site identifiers must be unique: {ids} appear several times in "
                                                 "{field}.").format(ids=sio.quote_list(duplicated), field=id_field))
        name_field = sio.find_field(names, *sio.NAME_CANDIDATES)
        site_names = [str(r.get(name_field) or "") if name_field else "" for r in sites.rows]
        lang = self._language(parameters, context)

        mandatory_ids = pio.parse_ids(self.parameterAsString(parameters, self.MANDATORY, context))
        excluded_ids = pio.parse_ids(self.parameterAsString(parameters, self.EXCLUDED, context))
        unknown = [k for k in mandatory_ids + excluded_ids if k not in keys]
        if unknown:
            raise QgsProcessingException(self.tr("Unknown site identifier(s) among the mandatory or excluded sites: "
                                                 "{ids}.").format(ids=sio.quote_list(unknown)))
        both = sorted(set(mandatory_ids) & set(excluded_ids))
        if both:
            raise QgsProcessingException(self.tr("Sites both mandatory and excluded: {ids}.").format(
                ids=sio.quote_list(both)))

        budgets = self._budgets(parameters, context, feedback)
        use_choice = USE_CHOICES[self.parameterAsEnum(parameters, self.USE, context)]
        uses = [pio.site_use(r, names, use_choice) for r in sites.rows]
        # a plain list of sites with their own costs: no use to read, every site is considered
        no_uses = use_choice is None and sio.find_field(names, "best_use") is None
        if no_uses and cio.field_choice(self, parameters, self.COST_FIELD, context, names, None) is None:
            raise QgsProcessingException(self.tr("The sites have no best_use field: choose the use to programme (the "
                                                 "cost table prices a use)."))
        costs, cost_label, table = self._costs(parameters, context, sites, names, uses)
        feedback.setProgress(10)

        # who is in the problem
        candidates_only = self.parameterAsBoolean(parameters, self.CANDIDATES_ONLY, context)
        mandatory = np.array([k in mandatory_ids for k in keys])
        excluded = np.array([k in excluded_ids for k in keys])
        pre_reason = {}
        no_candidate_field = False
        for i, row in enumerate(sites.rows):
            if mandatory[i]:
                continue
            if no_uses:
                continue
            flag = pio.is_candidate(row, names, uses[i])
            if uses[i] is None:
                pre_reason[i] = ptext.NO_USE
            elif candidates_only and flag is False:
                pre_reason[i] = ptext.NOT_CANDIDATE
            no_candidate_field |= flag is None
        if candidates_only and no_candidate_field:
            feedback.pushInfo(self.tr("No candidate_<use> field: every site with a use is considered."))
        for i in range(len(keys)):
            if i in pre_reason:
                continue
            if costs[i].acquisition is None or costs[i].works is None:
                if mandatory[i]:
                    raise QgsProcessingException(self.tr("The mandatory site {id} has no known cost ({why}): give its "
                                                         "price (Land prices) or a cost field.").format(
                        id=keys[i], why=costs[i].problem or self.tr("no purchase price")))
                pre_reason[i] = ptext.NO_COST
        for i in range(len(keys)):
            if mandatory[i] and uses[i] is None and not no_uses:
                raise QgsProcessingException(self.tr("The mandatory site {id} has no use to programme (best_use is "
                                                     "empty): choose the use.").format(id=keys[i]))
        no_cost = [keys[i] for i, r in pre_reason.items() if r == ptext.NO_COST]
        if no_cost:
            feedback.pushWarning(self.tr("{n} site(s) without a known cost are not programmed: {ids}.").format(
                n=len(no_cost), ids=sio.quote_list(no_cost)))
        active = [i for i in range(len(keys)) if i not in pre_reason]
        feedback.pushInfo(self.tr("{n} site(s) considered over {years} year(s) ({first}–{last}), total budget "
                                  "{budget}.").format(n=len(active), years=len(budgets.years), first=budgets.years[0],
                                                      last=budgets.years[-1],
                                                      budget=money(budgets.amounts.sum(), "en")))

        # objective
        gains, weight, coverage, unit, label = pio.read_objective(self, parameters, context, feedback, sites, names,
                                                                  uses, keys, active)
        problem = pg.Problem(
            acquisition=[costs[i].acquisition for i in active], works=[costs[i].works for i in active],
            budgets=budgets.amounts, gain=gains[active], mandatory=mandatory[active], excluded=excluded[active],
            delay=self.parameterAsInt(parameters, self.DELAY, context),
            carry_over=self.parameterAsBoolean(parameters, self.CARRY_OVER, context),
            cover=None if coverage is None else [coverage.cover[i] for i in active],
            cell_population=None if coverage is None else coverage.population, population_weight=weight)
        self._check_mandatory(problem, active, keys, budgets)
        self._warn_if_nothing_fits(feedback, problem, active, keys, budgets)
        feedback.setProgress(20)

        time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context)
        feedback.pushInfo(self.tr("Solving the programme (HiGHS, time limit {s} s)…").format(s=f"{time_limit:g}"))
        # the solves run in a child process that a cancel stops at once (scipy's milp cannot be interrupted)
        with MilpProcess(core_progress(feedback, 20, 60)) as solver:
            result = self._solve(problem, time_limit, solver, active, keys, budgets, feedback)
            feedback.setProgress(60)
            try:
                explanations = pg.explain(problem, result, range(problem.n), time_limit=min(5.0, time_limit / 4),
                                          max_examined=self.parameterAsInt(parameters, self.EXPLAIN, context),
                                          progress=core_progress(feedback, 60, 85),
                                          total_time=max(1.0, time_limit * EXPLAIN_SHARE), solver=solver)
            except Canceled:
                raise self.canceled() from None
            except SolverError as exc:
                raise QgsProcessingException(self.tr("The solver failed: {error}").format(error=str(exc))) from exc
        kind = self._objective_kind(parameters, context)
        people = "cells" if coverage is not None else ("field" if kind == "population" else None)
        rows, years = pio.programme_rows(problem, result, explanations, active, pre_reason, keys, site_names, uses,
                                         costs, budgets, people, unit, table, mandatory)
        self._log_programme(feedback, rows, years)
        feedback.setProgress(85)
        dest_id = self._write_sites(parameters, context, source, sites, rows, feedback)
        out = {self.OUTPUT: dest_id, self.SELECTED: int(result.selected.sum()),
               self.SPEND: float(sum(y.spend for y in years)), self.OBJECTIVE_VALUE: float(result.objective),
               self.GAP_PCT: 100.0 * float(result.gap), self.STATUS: result.status,
               self.POPULATION_COVERED: float(sum(y.new_pop or 0.0 for y in years))}
        feedback.setProgress(90)
        years_id = self._write_years(parameters, context, years, feedback)
        if years_id is not None:
            out[self.OUTPUT_YEARS] = years_id
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        style_on_completion(context, dest_id, "programme_sites_polygons" if polygons else "programme_sites")
        doc = report.ProgrammeReport(
            title=self.parameterAsString(parameters, self.TITLE, context) or "",
            sites=[rows[i] for i in range(len(keys))], years=years, objective=label, unit=unit,
            status=(ptext.status_text(result.status, result.gap, result.seconds, "fr"),
                    ptext.status_text(result.status, result.gap, result.seconds, "en")),
            objective_value=float(result.objective),
            population=None if people is None else out[self.POPULATION_COVERED],
            uncovered=None if coverage is None else coverage.uncovered, costs=cost_label,
            warning=(table.warning_fr, table.warning_en) if table else ("", ""), carry_over=problem.carry_over,
            delay=problem.delay, sources=[s["title"] for s in table.sources.values()] if table else [])
        feedback.setProgress(92)

        def check():
            if feedback.isCanceled():
                raise self.canceled()

        for name, writer in ((self.OUTPUT_XLSX, report.write_xlsx), (self.OUTPUT_PDF, report.write_pdf),
                             (self.OUTPUT_PNG, report.write_png)):
            path = self.parameterAsFileOutput(parameters, name, context)
            if parameters.get(name) and path:
                if feedback.isCanceled():
                    raise self.canceled()
                try:
                    if writer is report.write_pdf:
                        write_file(self, path, lambda partial: report.write_pdf(doc, partial, lang, check=check))
                    else:
                        write_file(self, path, lambda partial, writer=writer: writer(doc, partial, lang))
                except (RuntimeError, OSError) as exc:
                    raise QgsProcessingException(self.tr("Cannot write {path}: {error}").format(
                        path=path, error=str(exc))) from exc
                feedback.pushInfo(self.tr("Written: {path}").format(path=path))
                out[name] = path
        feedback.setProgress(100)
        return out

    def _solve(self, problem, time_limit, solver, active, keys, budgets, feedback):
        """The programme (status reported); a cancel raises at once, whatever the solver is doing."""
        try:
            result = pg.solve(problem, time_limit=time_limit, solver=solver)
        except Canceled:
            raise self.canceled() from None
        except SolverError as exc:
            raise QgsProcessingException(self.tr("The solver failed: {error}").format(error=str(exc))) from exc
        if result.status == pg.INFEASIBLE:
            ids = [keys[active[j]] for j in np.flatnonzero(problem.mandatory)]
            total = sum(problem.acquisition[j] + problem.works[j] for j in np.flatnonzero(problem.mandatory))
            raise QgsProcessingException(self.tr(
                "The mandatory sites {ids} do not fit together: they cost {total} in all for a budget of {budget} "
                "over the horizon, with works at the earliest {delay} year(s) after each acquisition. Raise the "
                "budgets, lengthen the horizon, allow carry-over, or make fewer sites mandatory.").format(
                ids=sio.quote_list(ids), total=money(total, "en"), budget=money(budgets.amounts.sum(), "en"),
                delay=problem.delay))
        if result.status == pg.NO_SOLUTION:
            raise QgsProcessingException(
                self.tr("No programme was found within the time limit ({s} s): raise it.").format(s=f"{time_limit:g}"))
        feedback.pushInfo(ptext.status_text(result.status, result.gap, result.seconds, ui_language()))
        if result.status == pg.TIME_LIMIT:
            feedback.pushWarning(self.tr("The time limit stopped the solver: the programme is at most {gap} % below "
                                         "the optimum.").format(gap=f"{100 * result.gap:.3g}"))
        return result

    # -- inputs -----------------------------------------------------------------------------------------
    def _language(self, parameters, context):
        choice = self.parameterAsEnum(parameters, self.LANGUAGE, context)
        return LANGUAGES[choice - 1] if choice in (1, 2) else ui_language()

    def _objective_kind(self, parameters, context):
        return pio.OBJECTIVES[self.parameterAsEnum(parameters, self.OBJECTIVE, context)]

    def _budgets(self, parameters, context, feedback) -> pio.Budgets:
        given_years = parameters.get(self.YEARS) not in (None, "")
        count = self.parameterAsInt(parameters, self.YEARS, context) if given_years else 0
        start = self.parameterAsInt(parameters, self.START_YEAR, context) if parameters.get(self.START_YEAR) not in (
            None, "") else None
        table_source = self.parameterAsSource(parameters, self.BUDGET_TABLE, context)
        has_budget = parameters.get(self.BUDGET) not in (None, "")
        if table_source is not None and has_budget:
            raise QgsProcessingException(self.tr("Give either a budget per year or a table of budgets, not both."))
        if table_source is not None:
            table = sio.read_table(table_source, context, geometry=False)
            fields = table_source.fields().names()
            year_field = cio.field_choice(self, parameters, self.BUDGET_YEAR_FIELD, context, fields, "year")
            amount_field = cio.field_choice(self, parameters, self.BUDGET_AMOUNT_FIELD, context, fields, "budget")
            if year_field is None or amount_field is None:
                raise QgsProcessingException(self.tr("The budget table needs a year field and a budget field (found: "
                                                     "{fields}).").format(fields=", ".join(fields)))
            budgets = pio.budgets_from_table(table, year_field, amount_field, start, count)
        elif has_budget:
            amount = self.parameterAsDouble(parameters, self.BUDGET, context)
            first = start or _dt.date.today().year + 1
            count = count or 6
            budgets = pio.Budgets(list(range(first, first + count)), np.full(count, amount, dtype=float))
        else:
            raise QgsProcessingException(self.tr("Give a budget per year or a table of budgets by year."))
        for note in budgets.notes:
            feedback.pushWarning(note)
        if not budgets.amounts.sum() > 0:
            raise QgsProcessingException(self.tr("The budgets are all 0 €: no site can be programmed."))
        return budgets

    def _costs(self, parameters, context, sites, names, uses):
        cost_field = cio.field_choice(self, parameters, self.COST_FIELD, context, names, None)
        if cost_field is not None:
            acq_field = cio.field_choice(self, parameters, self.ACQUISITION_FIELD, context, names, None)
            costs = [pio.costs_from_field(r, cost_field, acq_field) for r in sites.rows]
            label = (f"champ {cost_field}" + (f" (dont acquisition : {acq_field})" if acq_field else ""),
                     f"field {cost_field}" + (f" (acquisition part: {acq_field})" if acq_field else ""))
            return costs, label, None
        path = self.parameterAsFile(parameters, self.COSTS, context)
        try:
            table = load_table(path or None)
        except CostTableError as exc:
            raise QgsProcessingException(
                self.tr("The cost table cannot be used: {error}").format(error=str(exc))) from exc
        price_field = cio.field_choice(self, parameters, self.PRICE_FIELD, context, names, "price_estimate_eur")
        if price_field is None:
            raise QgsProcessingException(self.tr(
                "The sites have no purchase price field ({field}): run Land prices on them first, or give a total "
                "cost field.").format(field=(parameter_as_fields(self, parameters, self.PRICE_FIELD, context) or
                                             ["price_estimate_eur"])[0]))
        costs = [pio.costs_from_table(table, r, names, use, price_field) if use else pio.SiteCosts(None, None, None)
                 for r, use in zip(sites.rows, uses)]
        name = path or "resources/costs/default.json"
        label = (f"table {name} ({table.version}, valeurs indicatives HT {table.price_year or ''})",
                 f"table {name} ({table.version}, indicative values excl. VAT {table.price_year or ''})")
        return costs, label, table

    def _check_mandatory(self, problem, active, keys, budgets):
        for j in np.flatnonzero(problem.mandatory):
            ok, why = pg.fits_alone(problem, j)
            if ok:
                continue
            acq, works = problem.acquisition[j], problem.works[j]
            if why == pg.TOO_EXPENSIVE:
                limit = (money(budgets.amounts.sum(), "en") if problem.carry_over else
                         money(budgets.amounts.max(), "en"))
                raise QgsProcessingException(self.tr(
                    "The mandatory site {id} is above the budget: acquisition {acq} and works {works} for {which} of "
                    "{limit}. Raise the budget, allow carry-over, or remove it from the mandatory sites.").format(
                    id=keys[active[j]], acq=money(acq, "en"), works=money(works, "en"), limit=limit,
                    which=self.tr("a total budget") if problem.carry_over else self.tr("a largest yearly budget")))
            raise QgsProcessingException(self.tr(
                "The mandatory site {id} cannot be phased: its acquisition ({acq}) and then its works ({works}) "
                "{delay} year(s) later fit no pair of years of the horizon {first}–{last}.").format(
                id=keys[active[j]], acq=money(acq, "en"), works=money(works, "en"), delay=problem.delay,
                first=budgets.years[0], last=budgets.years[-1]))

    def _warn_if_nothing_fits(self, feedback, problem, active, keys, budgets):
        if problem.n == 0:
            feedback.pushWarning(self.tr("No site can be programmed (no candidate with a known cost)."))
            return
        if any(pg.fits_alone(problem, j)[0] for j in range(problem.n)):
            return
        totals = problem.acquisition + problem.works
        j = int(np.argmin(totals))
        feedback.pushWarning(self.tr(
            "The budget fits no site: the cheapest, {id}, costs {total} (acquisition {acq}, then works {works} a year "
            "later at the earliest) while the largest yearly budget is {budget}. The programme is empty; raise the "
            "budget, allow carry-over or lengthen the horizon.").format(
            id=keys[active[j]], total=money(totals[j], "en"), acq=money(problem.acquisition[j], "en"),
            works=money(problem.works[j], "en"), budget=money(budgets.amounts.max(), "en")))

    # -- outputs ----------------------------------------------------------------------------------------
    def _log_programme(self, feedback, rows, years):
        for row in sorted((r for r in rows.values() if r.status == "selected"), key=lambda r: r.order):
            feedback.pushInfo(self.tr("#{order} {name} ({id}): acquisition {acq}, works {works}, {total}.").format(
                order=row.order, name=row.name or row.site_id, id=row.site_id, acq=row.acq_year, works=row.works_year,
                total=money(row.total, "en")))
        for year in years:
            feedback.pushInfo(self.tr("{year}: spend {spend} of {budget}, {opened} place(s) opened.").format(
                year=year.year, spend=money(year.spend, "en"), budget=money(year.available, "en"), opened=year.opened))

    def _write_sites(self, parameters, context, source, sites, rows, feedback):
        def values(i):
            r = rows[i]
            return [r.status, r.order, r.use or None, r.acq_year, r.works_year, cio.rounded(r.acquisition, 0),
                    cio.rounded(r.works, 0), cio.rounded(r.total, 0), cio.rounded(r.cumulative, 0),
                    cio.rounded(r.revenue, 0), cio.rounded(r.gain, 3), cio.rounded(r.marginal, 3),
                    cio.rounded(r.new_pop, 1), r.mandatory, r.reason_code, r.reason_fr, r.reason_en]

        return cio.write_sites(self, parameters, self.OUTPUT, context, source, sites.fids, SITE_FIELDS, values,
                               feedback)

    def _write_years(self, parameters, context, years, feedback):
        fields = QgsFields()
        for name, kind in YEAR_FIELDS:
            fields.append(make_field(name, kind))
        rows = ([y.year, y.budget, round(y.available, 2), y.acquisitions, y.works, y.spend, round(y.unspent, 2),
                 y.cumulative, y.acquired, y.opened, y.new_pop, y.cumulative_pop, round(y.gain, 3), y.revenue]
                for y in years)
        return write_rows(self, parameters, self.OUTPUT_YEARS, context, fields, rows, feedback)

