"""``friches:select_sites``: the sites that, together, reach the most people not yet served by a place.

Adapter only: reads the candidates, their catchments, the existing places' catchments and the population
grid, turns them into "which cells does each candidate cover" (``core/scoring/covering``) and writes
the chosen sites in order with their marginal gain, and a log of every candidate's gain at each step.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..compat import (
    FLAG_ADVANCED,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_NO_GEOMETRY,
    make_field,
    parameter_as_fields,
)
from ..core.progress import Canceled
from ..core.scoring.covering import cells_in_polygons, greedy_cover
from . import scoring_io as sio
from .base import FrichesAlgorithm, assumed_crs, core_progress, show_decimals
from .sinks import OutputSink, WriteReport, add_report_parameter, source_sink_type
from .styles import style_on_completion

OUTPUT_FIELDS = (("step", "int"), ("marginal_pop", "double"), ("cumulative_pop", "double"),
                 ("share_of_uncovered", "double"))


def _truthy(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "t", "yes", "y", "oui", "vrai")
    try:
        return bool(value)
    except (TypeError, ValueError):
        return False


def _float(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


class SelectSitesAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    USE_FIELD = "USE_FIELD"
    PRIORITY_FIELD = "PRIORITY_FIELD"
    CATCHMENTS = "CATCHMENTS"
    CATCHMENT_ID_FIELD = "CATCHMENT_ID_FIELD"
    MINUTES = "MINUTES"
    EXISTING = "EXISTING"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    K = "K"
    TARGET = "TARGET"
    TARGET_PCT = "TARGET_PCT"
    OUTPUT = "OUTPUT"
    OUTPUT_LOG = "OUTPUT_LOG"
    SELECTED = "SELECTED"
    TOTAL_POPULATION = "TOTAL_POPULATION"
    UNCOVERED_POPULATION = "UNCOVERED_POPULATION"
    SELECTED_POPULATION = "SELECTED_POPULATION"
    SELECTED_PCT = "SELECTED_PCT"

    ICON = "processing.svg"

    def name(self):
        return "select_sites"

    def displayName(self):
        return self.tr("Select sites that best complete the network (maximal covering)")

    def group(self):
        return self.tr("Candidates")

    def groupId(self):
        return "candidates"

    def tags(self):
        return [self.tr("maximal covering"), self.tr("location"), self.tr("network of places"), "maillage",
                self.tr("population"), self.tr("catchment"), self.tr("candidates"), "tiers-lieux"]

    def shortDescription(self):
        return self.tr("Choose K sites, or as many as needed to reach a population target, that together reach the "
                       "most people no existing place reaches.")

    def help_text(self):
        return self.tr(
            "<p>Chooses among the candidate sites those which, together, reach the most people who live outside "
            "the catchment of every existing place: the sites that best complete the network of places "
            "(<i>maillage</i>).</p>"
            "<p><b>Method</b> (maximal covering location problem, Church and ReVelle 1974, solved greedily): each "
            "cell of the population grid counts by its representative point; a cell is served when that point "
            "lies in an existing place's catchment, covered by a candidate when it lies in the candidate's "
            "catchment (the polygons of Catchment for the chosen travel time). At each step the site adding the "
            "most people not yet served (by the existing places or the sites already chosen) is chosen; its "
            "<i>marginal_pop</i> is that gain. Gains never increase from one step to the next. The choice stops "
            "after K sites, when the target population is reached, or when no site adds anyone. Ties go to the "
            "higher priority field (e.g. the use's score), then to the site identifier.</p>"
            "<p><b>Outputs</b>: the chosen sites in order (step, marginal_pop, cumulative_pop, share_of_uncovered "
            "in % of the people not served at the start) and a log table with every remaining candidate's gain at "
            "every step, to see the runners-up.</p>"
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Candidate sites"),
                                                    [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("Sites with a site_id, e.g. the output of Score candidate sites."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.SITE_ID_FIELD, self.tr("Site identifier field"),
                                            defaultValue="site_id", parentLayerParameterName=self.INPUT,
                                            optional=True)
        self.addParameter(param)
        param = QgsProcessingParameterField(self.USE_FIELD, self.tr("Only sites where this field is true"),
                                            parentLayerParameterName=self.INPUT, optional=True)
        param.setHelp(self.tr("E.g. candidate_mediation: only the candidates for that use are considered."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.PRIORITY_FIELD, self.tr("Priority field (ties)"),
                                            parentLayerParameterName=self.INPUT, optional=True,
                                            type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("Between two sites with the same gain, the higher value wins (e.g. score_mediation)."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.CATCHMENTS, self.tr("Catchments of the candidates"),
                                                    [SOURCE_POLYGON])
        param.setHelp(self.tr("The Catchments output of Catchment run on the candidates (site_id, minutes)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.CATCHMENT_ID_FIELD, self.tr("Site identifier field of the catchments"),
                                            defaultValue="site_id", parentLayerParameterName=self.CATCHMENTS,
                                            optional=True)
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.MINUTES, self.tr("Travel time band (minutes)"), type=NUMBER_DOUBLE,
                                             minValue=0.0, defaultValue=0.0)
        param.setHelp(self.tr("The band of the catchments to use (field minutes); 0: the longest band present."))
        self.addParameter(show_decimals(param, 1))
        param = QgsProcessingParameterFeatureSource(self.EXISTING, self.tr("Catchments of the existing places"),
                                                    [SOURCE_POLYGON], optional=True)
        param.setHelp(self.tr("Areas already served (e.g. Catchment run on the existing tiers-lieux, same band); "
                              "without it, the whole population counts as not served."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population grid"), [SOURCE_POLYGON])
        param.setHelp(self.tr("Polygons with a population (INSEE Filosofi 200 m cells by default)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), defaultValue="ind",
                                            parentLayerParameterName=self.POPULATION, optional=True,
                                            type=QgsProcessingParameterField.DataType.Numeric)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.K, self.tr("Number of sites (0: no limit)"), type=NUMBER_INTEGER,
                                             minValue=0, defaultValue=5)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.TARGET, self.tr("Population target (people, optional)"),
                                             type=NUMBER_DOUBLE, minValue=0.0, optional=True)
        param.setHelp(self.tr("Stop as soon as the chosen sites reach this many people not served before."))
        self.addParameter(show_decimals(param, 0))
        param = QgsProcessingParameterNumber(self.TARGET_PCT, self.tr("Target share of the people not served (%)"),
                                             type=NUMBER_DOUBLE, minValue=0.0, maxValue=100.0, optional=True)
        param.setHelp(self.tr("Same as the population target, as a share of the people no existing place reaches."))
        self.addParameter(show_decimals(param, 1))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Selected sites")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LOG, self.tr("Gains at each step"), optional=True, createByDefault=True))
        add_report_parameter(self)
        for name, label in ((self.SELECTED, self.tr("Sites selected")),
                            (self.TOTAL_POPULATION, self.tr("Population of the grid")),
                            (self.UNCOVERED_POPULATION, self.tr("Population not served by existing places")),
                            (self.SELECTED_POPULATION, self.tr("Population newly served by the selection")),
                            (self.SELECTED_PCT, self.tr("Share of the people not served reached (%)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self._process(parameters, context, feedback)
        except Canceled:
            raise self.canceled() from None

    def _process(self, parameters, context, feedback):
        self.require_dependencies()
        import shapely  # here, not at import: the plugin loads (and explains) without shapely

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        catchments_source = self.parameterAsSource(parameters, self.CATCHMENTS, context)
        if catchments_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CATCHMENTS))
        population_source = self.parameterAsSource(parameters, self.POPULATION, context)
        if population_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.POPULATION))
        existing_source = self.parameterAsSource(parameters, self.EXISTING, context)

        id_field = self._field(parameters, self.SITE_ID_FIELD, context, source, "site_id")
        if id_field is None:
            raise QgsProcessingException(self.tr("The candidate sites have no identifier field (site_id)."))
        use_field = self._field(parameters, self.USE_FIELD, context, source, None)
        priority_field = self._field(parameters, self.PRIORITY_FIELD, context, source, None)
        catchment_id = self._field(parameters, self.CATCHMENT_ID_FIELD, context, catchments_source, "site_id")
        if catchment_id is None:
            raise QgsProcessingException(self.tr("The catchments have no site identifier field (site_id)."))
        pop_field = self._field(parameters, self.POPULATION_FIELD, context, population_source, "ind")
        if pop_field is None:
            raise QgsProcessingException(self.tr("The population grid has no population field (ind)."))

        # candidates
        sites = sio.read_table(source, context, geometry=False, feedback=feedback)
        if sites is None:
            raise self.canceled()
        candidates = []  # (key, fid, row)
        seen = set()
        no_id, repeated = [], []
        for fid, row in zip(sites.fids, sites.rows):
            key = sio.site_key(row.get(id_field))
            if use_field is not None and not _truthy(row.get(use_field)):
                continue
            if key is None:
                no_id.append(str(fid))
                continue
            if key in seen:
                repeated.append(key)
                continue
            seen.add(key)
            candidates.append((key, fid, row))
        if no_id:
            feedback.pushWarning(self.tr("{n} candidate(s) without {field} cannot be chosen (feature ids {ids}).")
                                 .format(n=len(no_id), field=id_field, ids=sio.quote_list(no_id)))
        if repeated:
            feedback.pushWarning(self.tr("{n} candidate(s) repeat an identifier already seen: only the first of each "
                                         "can be chosen ({ids}).").format(n=len(repeated),
                                                                          ids=sio.quote_list(repeated)))
        if not candidates:
            raise QgsProcessingException(self.tr("No candidate site to choose from (check the field {field}).").format(
                field=use_field or id_field))
        feedback.pushInfo(self.tr("{n} candidate site(s).").format(n=len(candidates)))

        # population cells, in their own CRS
        crs = population_source.sourceCrs()
        if not crs.isValid():
            crs = catchments_source.sourceCrs() if catchments_source.sourceCrs().isValid() else \
                assumed_crs(population_source.sourceExtent())
            self.warn_no_crs(feedback, population_source.sourceName(), crs)
        for layer in (catchments_source, existing_source):
            if layer is not None and not layer.sourceCrs().isValid():
                self.warn_no_crs(feedback, layer.sourceName(), crs)
        cells = sio.read_table(population_source, context, crs, [pop_field], feedback=feedback)
        if cells is None:
            raise self.canceled()
        points = list(shapely.point_on_surface(np.array(cells.geoms, dtype=object)))
        population = np.array([_float(r.get(pop_field)) or 0.0 for r in cells.rows], dtype=float)
        feedback.setProgress(20)

        # catchments of the candidates for the chosen band
        catch = sio.read_table(catchments_source, context, crs, feedback=feedback)
        if catch is None:
            raise self.canceled()
        minutes_field = sio.find_field(catch.names, "minutes")
        minutes = self.parameterAsDouble(parameters, self.MINUTES, context)
        band = self._band(catch, minutes_field, minutes, feedback)
        polygons = {}
        for geom, row in zip(catch.geoms, catch.rows):
            if geom is None:
                continue
            if band is not None and _float(row.get(minutes_field)) != band:
                continue
            key = sio.site_key(row.get(catchment_id))
            if key is not None:
                polygons.setdefault(key, []).append(geom)
        without = [key for key, _fid, _row in candidates if key not in polygons]
        if without:
            feedback.pushWarning(self.tr("{n} candidate(s) have no catchment for this band and cannot be chosen: "
                                         "{ids}").format(n=len(without), ids=sio.quote_list(without)))
        candidates = [c for c in candidates if c[0] in polygons]
        if not candidates:
            raise QgsProcessingException(self.tr("No candidate has a catchment in the catchments layer (joined by "
                                                 "{field}).").format(field=catchment_id))
        merged = []
        for key, _fid, _row in candidates:
            if feedback.isCanceled():
                raise self.canceled()
            merged.append(shapely.union_all(polygons[key]))
        cover = cells_in_polygons(merged, points, core_progress(feedback, 25, 50))
        feedback.setProgress(50)

        # existing places
        already = np.zeros(len(points), dtype=bool)
        if existing_source is not None:
            existing = sio.read_table(existing_source, context, crs, feedback=feedback)
            if existing is None:
                raise self.canceled()
            ex_minutes = sio.find_field(existing.names, "minutes")
            geoms = [g for g, row in zip(existing.geoms, existing.rows) if g is not None and (
                ex_minutes is None or band is None or _float(row.get(ex_minutes)) == band)]
            if not geoms and existing.geoms:
                feedback.pushWarning(self.tr("No existing catchment for {minutes} min: every existing catchment "
                                             "is used.").format(minutes=f"{band:g}"))
                geoms = [g for g in existing.geoms if g is not None]
            if geoms:
                served = cells_in_polygons([shapely.union_all(geoms)], points, core_progress(feedback, 50, 55))[0]
                already[served] = True

        # target
        target = self.parameterAsDouble(parameters, self.TARGET, context) if parameters.get(self.TARGET) not in (
            None, "") else 0.0
        uncovered_pop = float(population[~already].sum())
        if parameters.get(self.TARGET_PCT) not in (None, ""):
            pct = self.parameterAsDouble(parameters, self.TARGET_PCT, context)
            by_pct = uncovered_pop * pct / 100.0
            target = min(target, by_pct) if target else by_pct
        k = self.parameterAsInt(parameters, self.K, context)
        priority = None
        if priority_field is not None:
            priority = [(_float(row.get(priority_field)) if _float(row.get(priority_field)) is not None else -1e18)
                        for _key, _fid, row in candidates]
        # ties fall to the lower index: order candidates by identifier so that ties go to the smaller site_id
        order = sorted(range(len(candidates)), key=lambda i: candidates[i][0])
        candidates = [candidates[i] for i in order]
        cover = [cover[i] for i in order]
        if priority is not None:
            priority = [priority[i] for i in order]
        result = greedy_cover(cover, population, already, k=k or None, target=target or None, priority=priority,
                              progress=core_progress(feedback, 55, 80))
        feedback.setProgress(80)

        self._report(feedback, result, candidates, sites, target)
        report = WriteReport(feedback)
        dest_id = self._write_selected(parameters, context, feedback, report, source, result, candidates)
        log_id = self._write_log(parameters, context, feedback, result, candidates, sites)
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        style_on_completion(context, dest_id, "selected_sites_polygons" if polygons else "selected_sites")
        selected_pop = float(result.cumulative[-1]) if result.cumulative.size else 0.0
        out = {
            self.OUTPUT: dest_id,
            self.SELECTED: len(result.order),
            self.TOTAL_POPULATION: result.total_population,
            self.UNCOVERED_POPULATION: result.initially_uncovered,
            self.SELECTED_POPULATION: selected_pop,
            self.SELECTED_PCT: 100.0 * selected_pop / result.initially_uncovered if result.initially_uncovered else 0.0,
        }
        if log_id is not None:
            out[self.OUTPUT_LOG] = log_id
        report.publish(self, parameters, context, out)
        return out

    def _field(self, parameters, name, context, source, default):
        fields = parameter_as_fields(self, parameters, name, context)
        wanted = fields[0] if fields else default
        if not wanted:
            return None
        return sio.find_field(source.fields().names(), wanted)

    def _band(self, catch, minutes_field, minutes, feedback):
        if minutes_field is None:
            feedback.pushInfo(self.tr("The catchments have no minutes field: every polygon of a site is used."))
            return None
        bands = sorted({m for m in (_float(r.get(minutes_field)) for r in catch.rows) if m is not None})
        if not bands:
            return None
        if minutes and minutes > 0:
            if minutes not in bands:
                raise QgsProcessingException(
                    self.tr("The catchments have no {minutes} min band (bands: {bands}).").format(
                        minutes=f"{minutes:g}", bands=", ".join(f"{b:g}" for b in bands)))
            return minutes
        feedback.pushInfo(self.tr("Band used: {minutes} min.").format(minutes=f"{bands[-1]:g}"))
        return bands[-1]

    def _name(self, row):
        for name in ("site_nom", "name", "nom"):
            for key, value in row.items():
                if key.lower() == name and value:
                    return str(value)
        return ""

    def _report(self, feedback, result, candidates, sites, target):
        feedback.pushInfo(
            self.tr("{uncovered} of {total} people live outside every existing place's catchment.").format(
                uncovered=round(result.initially_uncovered), total=round(result.total_population)))
        for step, (i, gain, total, share) in enumerate(zip(result.order, result.gains, result.cumulative, result.share),
                                                       start=1):
            key, _fid, row = candidates[i]
            feedback.pushInfo(self.tr("Step {step}: {name} ({id}) adds {gain} people, {total} in all ({pct} % of those "
                                      "not served).").format(step=step, name=self._name(row) or key, id=key,
                                                             gain=round(gain), total=round(total),
                                                             pct=round(100 * share, 1)))
        if result.stop_reason == "no_gain":
            feedback.pushInfo(self.tr("No remaining candidate reaches anyone not yet served: the choice stops."))
        if target and result.reached_target is False:
            feedback.pushWarning(self.tr("The target of {target} people is not reached with these candidates.").format(
                target=round(target)))

    def _write_selected(self, parameters, context, feedback, report, source, result, candidates):
        added = [name for name, _kind in OUTPUT_FIELDS]
        fields = QgsFields()
        kept = []
        for i, field in enumerate(source.fields()):
            if field.name() not in added:
                fields.append(field)
                kept.append(i)
        for name, kind in OUTPUT_FIELDS:
            fields.append(make_field(name, kind))
        fids = [candidates[i][1] for i in result.order]
        request = QgsFeatureRequest().setFilterFids(fids)
        features = {f.id(): f for f in source.getFeatures(request, SKIP_GEOMETRY_CHECKS)}
        with OutputSink(self, parameters, self.OUTPUT, context, fields, source_sink_type(source), source.sourceCrs(),
                        feedback, report) as sink:
            for step, i in enumerate(result.order, start=1):
                key, fid, _row = candidates[i]
                feature = features.get(fid)
                if feature is None:
                    raise QgsProcessingException(self.tr(
                        "The selected site {site} is no longer in the candidates layer: it changed while it was "
                        "read.").format(site=key))
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                attrs = feature.attributes()
                out.setAttributes([attrs[k] for k in kept] + [
                    step, round(float(result.gains[step - 1]), 1), round(float(result.cumulative[step - 1]), 1),
                    round(100.0 * float(result.share[step - 1]), 2),
                ])
                sink.add(out, fid, key)
        return sink.dest_id

    def _write_log(self, parameters, context, feedback, result, candidates, sites):
        if not parameters.get(self.OUTPUT_LOG):
            return None
        fields = QgsFields()
        for name, kind, length in (("step", "int", 0), ("site_id", "string", 80), ("site_nom", "string", 254),
                                   ("marginal_pop", "double", 0), ("rank_in_step", "int", 0), ("chosen", "bool", 0)):
            fields.append(make_field(name, kind, length))
        chosen_at = {i: step for step, i in enumerate(result.order, start=1)}
        with OutputSink(self, parameters, self.OUTPUT_LOG, context, fields, WKB_NO_GEOMETRY, feedback=feedback,
                        required=False) as sink:
            if not sink.active:
                return None
            for n, entry in enumerate(result.log):
                feedback.setProgress(85 + 15.0 * n / max(1, len(result.log)))
                for rank, (i, gain) in enumerate(zip(entry.candidates, entry.gains), start=1):
                    key, fid, row = candidates[int(i)]
                    feature = QgsFeature(fields)
                    feature.setAttributes([entry.step, key, self._name(row), round(float(gain), 1), rank,
                                           chosen_at.get(int(i)) == entry.step])
                    sink.add(feature, fid, key)
        return sink.dest_id
