"""``friches:coverage_gaps``: who is out of reach of existing places, and what each candidate would add.

Adapter only: the method is in ``core/network/coverage.py`` (catchments from ``core/network/isochrone``).
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..compat import NUMBER_DOUBLE, SOURCE_POINT, SOURCE_POLYGON, WKB_MULTIPOLYGON, make_field, parameter_as_fields
from ..core.progress import Canceled
from . import network_io as nio
from .base import FrichesAlgorithm, show_decimals
from .network_build import build_graph
from .sinks import OutputSink, WriteReport, add_report_parameter, site_label, site_sink_type
from .styles import style_on_completion


class CoverageGapsAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID_FIELD = "CANDIDATE_ID_FIELD"
    TIME = "TIME"
    OUTPUT = "OUTPUT"
    OUTPUT_CANDIDATES = "OUTPUT_CANDIDATES"
    OUTPUT_COVERED = "OUTPUT_COVERED"
    TOTAL_POPULATION = "TOTAL_POPULATION"
    COVERED_POPULATION = "COVERED_POPULATION"
    UNCOVERED_POPULATION = "UNCOVERED_POPULATION"
    COVERED_PCT = "COVERED_PCT"

    ICON = "processing.svg"

    def name(self):
        return "coverage_gaps"

    def displayName(self):
        return self.tr("Coverage gaps (population out of reach)")

    def group(self):
        return self.tr("Catchment")

    def groupId(self):
        return "catchment"

    def tags(self):
        return self.tr("coverage,gaps,accessibility,tiers-lieux,France Services,population,catchment").split(",")

    def help_text(self):
        return self.tr(
            "<p>The areas and population that no existing place (tiers-lieux, France Services, libraries...) reaches "
            "within a travel time on the road network, and for each candidate site the population it would newly "
            "cover.</p>"
            "<p><b>Method.</b> The catchments of the existing places are computed as in the Catchment algorithm "
            "(honest polygons: no point farther than 50 m from a road reached in time) and merged. The uncovered "
            "population of a grid cell is its population times the share of its area outside the merged catchments. "
            "Gap areas are the populated cells minus the covered area. A candidate's new coverage is the population "
            "of its own catchment outside the covered area: each candidate is compared with the existing places "
            "only, not with the other candidates.</p>"
            "<p>Places or candidates too far from the network are reported by name and do not count.</p>"
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Existing places"), [SOURCE_POINT, SOURCE_POLYGON]
        )
        param.setHelp(self.tr("Places whose catchments count as covered (tiers-lieux, France Services...)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate sites"), [SOURCE_POINT, SOURCE_POLYGON], optional=True
        )
        param.setHelp(self.tr("Sites to rank by the population they would newly cover (friches...)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.CANDIDATE_ID_FIELD, self.tr("Candidate identifier field"), defaultValue="site_id",
            parentLayerParameterName=self.CANDIDATES, optional=True,
        )
        self.addParameter(param)
        nio.add_network_parameters(self)
        param = QgsProcessingParameterNumber(
            self.TIME, self.tr("Travel time (minutes)"), type=NUMBER_DOUBLE, minValue=0.5, maxValue=24 * 60,
            defaultValue=15.0,
        )
        self.addParameter(show_decimals(param, 1))
        nio.add_population_parameters(self, optional=False)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage gaps")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CANDIDATES, self.tr("Candidates with new coverage"), optional=True, createByDefault=True
        ))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COVERED, self.tr("Covered area"), optional=True, createByDefault=False
        ))
        add_report_parameter(self)
        for name, label in (
            (self.TOTAL_POPULATION, self.tr("Population of the grid")),
            (self.COVERED_POPULATION, self.tr("Population covered")),
            (self.UNCOVERED_POPULATION, self.tr("Population not covered")),
            (self.COVERED_PCT, self.tr("Share of the population covered (%)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies(("shapely",))  # pandas is not needed: not imported (0.4 s on a first run)
        # imported here: they need shapely, which require_dependencies() has just checked
        from ..core.network.coverage import covered_area, find_gaps, new_coverage
        from ..core.network.search import attach_sites
        places_source = self.parameterAsSource(parameters, self.INPUT, context)
        if places_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        network_source = self.parameterAsSource(parameters, nio.NETWORK, context)
        if network_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, nio.NETWORK))
        if self.parameterAsSource(parameters, nio.POPULATION, context) is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, nio.POPULATION))
        candidates_source = self.parameterAsSource(parameters, self.CANDIDATES, context)
        minutes = self.parameterAsDouble(parameters, self.TIME, context)
        settings = nio.NetworkSettings(self, parameters, context)
        label = nio.minutes_label(minutes)

        steps = QgsProcessingMultiStepFeedback(6, feedback)
        if feedback.isCanceled():  # canceled before the start: the steps only hear later cancels
            steps.cancel()
        crs = nio.analysis_crs(network_source, places_source.sourceCrs(), context, steps)
        try:
            steps.setCurrentStep(0)
            graph = build_graph(self, parameters, network_source, crs, settings, context, steps)

            steps.setCurrentStep(1)
            steps.setProgressText(self.tr("Searching the network and drawing the catchments…"))
            _features, place_geoms, _ids, place_labels = nio.read_sites(places_source, crs, context)
            attachment = attach_sites(graph, place_geoms, settings.tolerance)
            nio.warn_not_connected(steps, attachment, place_labels, settings, self.tr("Place"))
            polygons = nio.draw_catchments(graph, attachment, [minutes * 60.0], settings, steps)[0][:, 0]
            steps.setProgressText(self.tr("Merging the catchments…"))
            covered = covered_area(polygons)

            steps.setCurrentStep(2)
            steps.setProgressText(self.tr("Reading the population…"))
            index, cells_crs = nio.read_population(self, parameters, context, steps, crs)
            covered_cells = covered
            if covered is not None and cells_crs != crs:
                covered_cells = nio.transform_shapely(np.array([covered], dtype=object), crs, cells_crs, context)[0]

            steps.setCurrentStep(3)
            steps.setProgressText(self.tr("Finding the gaps…"))
            gaps = find_gaps(covered_cells, index, nio.core_progress(steps))
            gap_areas = gaps.areas
            if cells_crs != crs:
                gap_areas = nio.transform_shapely(gap_areas, cells_crs, crs, context)

            steps.setCurrentStep(4)
            candidates = None
            if candidates_source is not None:
                steps.setProgressText(self.tr("Catchments of the candidates…"))
                id_fields = parameter_as_fields(self, parameters, self.CANDIDATE_ID_FIELD, context)
                features, geoms, _cand_ids, labels = nio.read_sites(
                    candidates_source, crs, context, id_fields[0] if id_fields else None
                )
                cand_attachment = attach_sites(graph, geoms, settings.tolerance)
                nio.warn_not_connected(steps, cand_attachment, labels, settings, self.tr("Candidate"))
                cand_polys = nio.draw_catchments(graph, cand_attachment, [minutes * 60.0], settings, steps)[0][:, 0]
                if cells_crs != crs:
                    cand_polys = nio.transform_shapely(cand_polys, crs, cells_crs, context)
                total, new = new_coverage(index, covered_cells, cand_polys, nio.core_progress(steps))
                candidates = (features, total, new, cand_attachment)
        except Canceled:
            raise self.canceled() from None

        steps.setCurrentStep(5)
        steps.setProgressText(self.tr("Writing the results…"))
        dest_id = self._write_gaps(parameters, context, steps, gap_areas, gaps.area_population, crs)
        report = WriteReport(steps)
        candidates_id = None
        if candidates is not None:
            features, total, new, cand_attachment = candidates
            candidates_id = self._write_candidates(
                parameters, context, steps, report, candidates_source, features, total, new, label, cand_attachment,
                settings, crs
            )

        covered_id = None
        if parameters.get(self.OUTPUT_COVERED):
            fields = QgsFields()
            fields.append(make_field("minutes", "double"))
            fields.append(make_field("population", "double"))
            with OutputSink(self, parameters, self.OUTPUT_COVERED, context, fields, WKB_MULTIPOLYGON, crs, steps,
                            required=False) as sink:
                if sink.active and covered is not None:
                    feature = QgsFeature(fields)
                    feature.setGeometry(nio.to_qgs(covered))
                    feature.setAttributes([float(minutes), round(gaps.covered_population, 1)])
                    sink.add(feature)
            covered_id = sink.dest_id

        pct = 100.0 * gaps.covered_population / gaps.total_population if gaps.total_population > 0 else 0.0
        steps.pushInfo(self.tr(
            "{covered} of {total} people ({pct} %) live within {minutes} min {mode} of an existing place; "
            "{uncovered} do not."
        ).format(
            covered=round(gaps.covered_population), total=round(gaps.total_population), pct=round(pct, 1),
            minutes=f"{minutes:g}", mode=nio.mode_label(settings.mode), uncovered=round(gaps.uncovered_population),
        ))
        style_on_completion(context, dest_id, "coverage_gaps", self.tr("Coverage gaps"))
        results = {
            self.OUTPUT: dest_id,
            self.TOTAL_POPULATION: gaps.total_population,
            self.COVERED_POPULATION: gaps.covered_population,
            self.UNCOVERED_POPULATION: gaps.uncovered_population,
            self.COVERED_PCT: pct,
        }
        if candidates_id is not None:
            results[self.OUTPUT_CANDIDATES] = candidates_id
        if covered_id is not None:
            results[self.OUTPUT_COVERED] = covered_id
        report.publish(self, parameters, context, results)
        return results

    def _write_gaps(self, parameters, context, feedback, areas, populations, crs):
        fields = QgsFields()
        fields.append(make_field("gap_id", "int"))
        fields.append(make_field("population", "double"))
        fields.append(make_field("area_ha", "double"))
        order = np.argsort(-np.asarray(populations)) if len(populations) else []
        with OutputSink(self, parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs, feedback) as sink:
            for rank, k in enumerate(order, start=1):
                nio.report_writing(feedback, rank, len(order))
                if areas[k] is None:
                    continue
                feature = QgsFeature(fields)
                feature.setGeometry(nio.to_qgs(areas[k]))
                feature.setAttributes([rank, round(float(populations[k]), 1), round(areas[k].area / 10000.0, 2)])
                sink.add(feature, rank)
        return sink.dest_id

    def _write_candidates(self, parameters, context, feedback, report, source, features, total, new, label, attachment,
                          settings, crs):
        added = [f"pop_{label}min", f"new_pop_{label}min", "new_pop_rank", "network_status", "network_dist_m"]
        fields = QgsFields()
        kept = []
        for i, field in enumerate(source.fields()):
            if field.name() not in added:
                fields.append(field)
                kept.append(i)
        fields.append(make_field(added[0], "double"))
        fields.append(make_field(added[1], "double"))
        fields.append(make_field(added[2], "int"))
        fields.append(make_field(added[3], "string", 120))
        fields.append(make_field(added[4], "double"))
        ranks = {}
        valid = [i for i in range(len(new)) if not np.isnan(new[i])]
        for rank, i in enumerate(sorted(valid, key=lambda i: -new[i]), start=1):
            ranks[i] = rank
        sink_type = site_sink_type(source.wkbType(), (f.geometry() for f in features))
        with OutputSink(self, parameters, self.OUTPUT_CANDIDATES, context, fields, sink_type, crs, feedback, report,
                        required=False) as sink:
            if not sink.active:
                return None
            for i, feature in enumerate(features):
                nio.report_writing(feedback, i, len(features))
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                attrs = feature.attributes()
                distance = attachment.distance[i]
                out.setAttributes([attrs[k] for k in kept] + [
                    None if np.isnan(total[i]) else round(float(total[i]), 1),
                    None if np.isnan(new[i]) else round(float(new[i]), 1),
                    ranks.get(i),
                    nio.site_status_text(attachment.status[i], distance, settings.tolerance),
                    round(float(distance), 1) if np.isfinite(distance) else None,
                ])
                sink.add(out, feature.id(), site_label(feature))
        return sink.dest_id
