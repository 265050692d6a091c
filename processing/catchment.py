"""``friches:catchment``: honest walking, cycling or driving catchments of sites, with their population.

Adapter only: reads the layers into shapely arrays (``network_io``), calls ``core.network`` (graph,
bounded search, polygons, population) and writes the two outputs. The method is described in
``core/network/isochrone.py`` and in the help below.
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
    QgsProcessingParameterString,
)

from ..compat import SOURCE_POINT, SOURCE_POLYGON, WKB_MULTIPOLYGON, make_field, parameter_as_fields
from ..core.progress import Canceled
from . import network_io as nio
from .base import FrichesAlgorithm
from .network_build import build_graph
from .sinks import OutputSink, WriteReport, add_report_parameter, site_sink_type
from .styles import style_on_completion


class CatchmentAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    TIMES = "TIMES"
    OUTPUT = "OUTPUT"
    OUTPUT_SITES = "OUTPUT_SITES"
    NOT_CONNECTED = "NOT_CONNECTED"

    ICON = "processing.svg"

    def name(self):
        return "catchment"

    def displayName(self):
        return self.tr("Catchment (isochrones and population)")

    def group(self):
        return self.tr("Catchment")

    def groupId(self):
        return "catchment"

    def tags(self):
        return self.tr("isochrone,catchment,service area,walk,bike,car,population,network,access").split(",")

    def help_text(self):
        return self.tr(
            "<p>For each site, the area reachable on the road network within each travel time, and the population "
            "living in it.</p>"
            "<p><b>Method.</b> Each site is tied to the nearest road usable in the mode (within a tolerance; a site "
            "too far away is reported by name and kept in the sites output with status 'not connected', never given "
            "an empty polygon silently). A travel-time search runs from the point where the site meets the road "
            "(a polygon site also starts from every network node inside it) and stops at the longest time. "
            "The polygon of a band is made of the roads reached within the time, edges crossing the limit being cut "
            "at the exact point reached, widened by a band on each side (so that the blocks along the streets, "
            "where people live, count). <b>No point of a polygon is farther than its band from a road actually "
            "reached in time</b> (field max_dist_m): no area is claimed across rivers, railways or fields the "
            "network does not cross. The band is 50 m, drawn as smooth buffers for a short reach (a walk in a "
            "town) and on a 10 m grid for a longer or crowded one, unless a site reaches so much road that this "
            "detail would cost seconds for nothing a map shows: a wider band on a "
            "coarser grid then (100 m and 20 m, 200 m and 40 m, 400 m and 80 m), never more than about one "
            "minute of travel in the mode (100 m on foot, 200 m by bike, 400 m by car). The finest drawing can "
            "be forced (advanced parameter 'Outline of the polygons', where the thresholds are given).</p>"
            "<p><b>Population</b>: the area-weighted share of each cell of the population grid inside the polygon "
            "(INSEE Filosofi 200 m grid by default: field 'ind').</p>"
            "<p><b>Outputs</b>: one polygon per site and time (fields site_id, minutes, population, max_dist_m), "
            "drawn largest first; the sites with one population field per time (pop_5min, pop_10min...) and their "
            "network status.</p>"
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Sites"), [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("Points or polygons (friches, tiers-lieux, candidate sites)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.SITE_ID_FIELD, self.tr("Site identifier field"), defaultValue="site_id",
            parentLayerParameterName=self.INPUT, optional=True,
        )
        param.setHelp(self.tr("Copied into the catchments as site_id; the feature id when the field is missing."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Site name field (for messages)"), parentLayerParameterName=self.INPUT,
            optional=True,
        )
        param.setHelp(self.tr("Used to name sites in warnings; by default site_nom, nom or name when present."))
        self.addParameter(param)
        nio.add_network_parameters(self)
        param = QgsProcessingParameterString(
            self.TIMES, self.tr("Travel times (minutes, comma-separated)"), defaultValue="5,10,15"
        )
        param.setHelp(self.tr("One polygon per site and time; all times come from one search per site."))
        self.addParameter(param)
        nio.add_population_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Catchments")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SITES, self.tr("Sites with population reached"))
        )
        add_report_parameter(self)
        self.addOutput(QgsProcessingOutputNumber(self.NOT_CONNECTED, self.tr("Sites not connected to the network")))

    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies(("shapely",))  # pandas is not needed: not imported (0.4 s on a first run)
        # imported here: they need shapely, which require_dependencies() has just checked
        from ..core.network.search import attach_sites
        sites_source = self.parameterAsSource(parameters, self.INPUT, context)
        if sites_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        network_source = self.parameterAsSource(parameters, nio.NETWORK, context)
        if network_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, nio.NETWORK))
        minutes = nio.parse_times(self.parameterAsString(parameters, self.TIMES, context))
        if minutes is None:
            raise QgsProcessingException(self.tr(
                "Travel times must be positive numbers of minutes separated by commas, e.g. 5,10,15 (got '{value}')."
            ).format(value=self.parameterAsString(parameters, self.TIMES, context)))
        settings = nio.NetworkSettings(self, parameters, context)
        id_fields = parameter_as_fields(self, parameters, self.SITE_ID_FIELD, context)
        name_fields = parameter_as_fields(self, parameters, self.NAME_FIELD, context)
        has_population = self.parameterAsSource(parameters, nio.POPULATION, context) is not None

        steps = QgsProcessingMultiStepFeedback(6 if has_population else 5, feedback)
        if feedback.isCanceled():  # canceled before the start: the steps only hear later cancels
            steps.cancel()
        crs = nio.analysis_crs(network_source, sites_source.sourceCrs(), context, steps)
        try:
            steps.setCurrentStep(0)
            graph = build_graph(self, parameters, network_source, crs, settings, context, steps)

            steps.setCurrentStep(1)
            steps.setProgressText(self.tr("Tying the sites to the network…"))
            features, geoms, site_ids, labels = nio.read_sites(
                sites_source, crs, context, id_fields[0] if id_fields else None,
                name_fields[0] if name_fields else None,
            )
            if not id_fields or id_fields[0] not in sites_source.fields().names():
                steps.pushInfo(self.tr("No site identifier field: the feature ids are used as site_id."))
            attachment = attach_sites(graph, geoms, settings.tolerance)
            not_connected = nio.warn_not_connected(steps, attachment, labels, settings, self.tr("Site"))
            steps.pushInfo(self.tr("{tied} of {total} sites tied to the network.").format(
                tied=int(attachment.tied.sum()), total=len(features)
            ))
            steps.setCurrentStep(2)
            steps.setProgressText(self.tr("Searching the network and drawing the catchments…"))
            polygons, max_distance = nio.draw_catchments(
                graph, attachment, [m * 60.0 for m in minutes], settings, steps
            )

            population = np.full(polygons.shape, np.nan)
            step = 3
            if has_population:
                steps.setCurrentStep(step)
                step += 1
                steps.setProgressText(self.tr("Counting the population…"))
                read = nio.read_population(self, parameters, context, steps, crs)
                index, cells_crs = read
                flat = polygons.ravel()
                if cells_crs != crs:
                    flat = nio.transform_shapely(flat, crs, cells_crs, context)
                population = index.population(flat, nio.core_progress(steps).part(0.5, 1.0)).reshape(polygons.shape)
        except Canceled:
            raise self.canceled() from None

        steps.setCurrentStep(step)
        steps.setProgressText(self.tr("Writing the catchments…"))
        dest_id = self._write_catchments(
            parameters, context, steps, polygons, population, minutes, site_ids, labels, settings, crs, max_distance
        )
        steps.setCurrentStep(step + 1)
        report = WriteReport(steps)
        sites_id = self._write_sites(
            parameters, context, steps, report, sites_source, features, geoms, population, minutes, attachment,
            settings, crs, site_ids
        )
        style_on_completion(context, dest_id, "catchment_bands", self.tr("Catchments"))
        results = {self.OUTPUT: dest_id, self.OUTPUT_SITES: sites_id, self.NOT_CONNECTED: not_connected}
        report.publish(self, parameters, context, results)
        return results

    def _write_catchments(self, parameters, context, feedback, polygons, population, minutes, site_ids, labels,
                          settings, crs, max_distance):
        fields = QgsFields()
        fields.append(make_field("site_id", "string", 80))
        fields.append(make_field("name", "string", 254))
        fields.append(make_field("mode", "string", 10))
        fields.append(make_field("minutes", "double"))
        fields.append(make_field("population", "double"))
        fields.append(make_field("area_ha", "double"))
        fields.append(make_field("max_dist_m", "double"))
        with OutputSink(self, parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs, feedback) as sink:
            # largest band first, so that smaller bands are drawn on top even without a style
            done = 0
            for b in reversed(range(len(minutes))):
                for i in range(polygons.shape[0]):
                    done += 1
                    nio.report_writing(feedback, done, polygons.size)
                    polygon = polygons[i, b]
                    if polygon is None:
                        continue
                    feature = QgsFeature(fields)
                    feature.setGeometry(nio.to_qgs(polygon))
                    pop = population[i, b]
                    feature.setAttributes([
                        site_ids[i], labels[i], settings.mode, float(minutes[b]),
                        None if np.isnan(pop) else round(float(pop), 1), round(polygon.area / 10000.0, 2),
                        float(max_distance[i]),
                    ])
                    sink.add(feature, i, site_ids[i])
        return sink.dest_id

    def _write_sites(self, parameters, context, feedback, report, source, features, geoms, population, minutes,
                     attachment, settings, crs, site_ids):
        added = [f"pop_{nio.minutes_label(m)}min" for m in minutes] + ["network_status", "network_dist_m"]
        fields = QgsFields()
        kept = []
        for i, field in enumerate(source.fields()):
            if field.name() not in added:
                fields.append(field)
                kept.append(i)
        for name in added[:-2]:
            fields.append(make_field(name, "double"))
        fields.append(make_field("network_status", "string", 120))
        fields.append(make_field("network_dist_m", "double"))
        sink_type = site_sink_type(source.wkbType(), (f.geometry() for f in features))
        with OutputSink(self, parameters, self.OUTPUT_SITES, context, fields, sink_type, crs, feedback,
                        report) as sink:
            for i, feature in enumerate(features):
                nio.report_writing(feedback, i, len(features))
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                attrs = feature.attributes()
                values = [attrs[k] for k in kept]
                for b in range(len(minutes)):
                    pop = population[i, b]
                    values.append(None if np.isnan(pop) else round(float(pop), 1))
                distance = attachment.distance[i]
                values.append(nio.site_status_text(attachment.status[i], distance, settings.tolerance))
                values.append(round(float(distance), 1) if np.isfinite(distance) else None)
                out.setAttributes(values)
                sink.add(out, feature.id(), site_ids[i])
        return sink.dest_id
