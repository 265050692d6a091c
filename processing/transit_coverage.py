"""``friches:transit_coverage``: how well public transport serves each site, and the whole territory.

Why this shape: the indices (PTAL, ÖV-Güteklassen, departures within 500 m) and the walking distances are
computed in ``core.gtfs`` from plain arrays; this module turns the sites, the optional walking network and
the stops into coordinates of one projected CRS, calls the core, and writes the sites with their fields
and a styled grid of the same indices.
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRectangle,
    QgsWkbTypes,
)

from ..compat import (
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
    make_field,
)
from ..core.gtfs import GtfsError
from ..core.progress import Canceled
from .base import FrichesAlgorithm, assumed_crs, show_decimals
from .sinks import OutputSink, WriteReport, add_report_parameter, site_label, site_sink_type
from .styles import style_on_completion
from .transit_service import (
    GROUP_ID,
    add_gtfs_parameters,
    core_progress,
    date_parameter,
    format_hm,
    gtfs_error_message,
    read_gtfs,
    resolve_date,
    window_parameters,
)

GRID_STYLE = "ptal_grid"
#: Largest grid the algorithm writes (cells).
MAX_GRID_CELLS = 2_000_000
#: Grid cells computed at a time.
GRID_CHUNK = 20_000
#: Margin around the sites when no extent is given (m).
DEFAULT_MARGIN = 1000.0
#: Network search stops at this walking distance (m) when no stop is found before.
MAX_NETWORK_SEARCH = 10_000.0
#: Radius of dep_500m_h (m).
DEPARTURES_RADIUS = 500.0

METHOD_NETWORK = "network"
METHOD_STRAIGHT = "straight line"


class TransitCoverageAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    GTFS = "GTFS"
    DATE = "DATE"
    PEAK_START = "PEAK_START"
    PEAK_END = "PEAK_END"
    DAY_START = "DAY_START"
    DAY_END = "DAY_END"
    NETWORK = "NETWORK"
    GROUP_STATIONS = "GROUP_STATIONS"
    GRID_CELL = "GRID_CELL"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"
    OUTPUT_GRID = "OUTPUT_GRID"
    SERVICE_DATE = "SERVICE_DATE"
    GRID_CELLS = "GRID_CELLS"

    ICON = "processing.svg"

    # -- identity ---------------------------------------------------------------------------------------
    def name(self):
        return "transit_coverage"

    def displayName(self):
        return self.tr("Transit coverage of sites and territory (PTAL, ÖV classes)")

    def group(self):
        return self.tr("Transit coverage")

    def groupId(self):
        return GROUP_ID

    def tags(self):
        return ["GTFS", "PTAL", "ÖV-Güteklassen", self.tr("transit"), self.tr("public transport"),
                self.tr("accessibility"), self.tr("coverage"), self.tr("parking")]

    def shortDescription(self):
        return self.tr("Nearest stop, departures within 500 m, PTAL and ÖV class of each site and of a grid.")

    def help_text(self):
        return self.tr(
            "<p>Measures how well public transport serves each site, and the same indices on a grid of the "
            "territory, from a GTFS feed (departures counted as in <i>Transit service per stop</i>).</p>"
            "<p><b>Site fields</b>: <i>nearest_stop</i> (name) and <i>nearest_stop_id</i> of the nearest stop "
            "with a departure in the day or peak window; <i>nearest_stop_m</i>, the walking distance along "
            "the network when one is given, the straight line otherwise (<i>nearest_stop_method</i> says "
            "which: a site off the network, or with no stop within {search} km along it, falls back to "
            "the straight line); <i>dep_500m_h</i>, the vehicle journeys per hour of the peak window "
            "leaving from stops within 500 m (the distance French parking rules use; a bus calling at two "
            "nearby stops counts once); <i>ptal_ai</i> and <i>ptal</i>; <i>oev_class</i>. Polygons are "
            "measured from their point on surface (a point inside the polygon); their geometry is kept.</p>"
            "<p><b>PTAL</b> (Transport for London method): walking at 80 m/min to bus stops within 640 m and "
            "to rail, metro and tram stops within 960 m; for each route, the frequency f of its busier "
            "direction (direction_id; a feed without it counts both directions together) in the peak window "
            "(default 08:15-09:15); waiting time 0.5 × 60 / f plus 2 min "
            "(bus) or 0.75 min (rail, metro, tram); EDF = 30 / (walk + wait); each route once, at its best "
            "stop; per mode the best EDF plus half the others; the access index <i>ptal_ai</i> is the sum "
            "over modes and the band <i>ptal</i> is 0 (no service), 1a (up to 2.5), 1b (5), 2 (10), 3 (15), "
            "4 (20), 5 (25), 6a (40) or 6b (above 40).</p>"
            "<p><b>ÖV-Güteklassen</b> (Swiss ARE method, classes A to D): at each stop, the mean interval "
            "between departures over the day window (default 06:00-20:00) per direction, and the best mode "
            "(A: rail and metro, B: tram and funicular, C: bus and others) give a stop category I to V; the "
            "class follows from the category and the distance: up to 300, 500, 750 and 1000 m. The best "
            "class over the nearby stops wins; empty means no class.</p>"
            "<p><b>Grid</b>: square cells (100 m by default) over the extent (default: the sites plus 1 km), "
            "with ptal_ai, ptal, oev_class and dep_500m_h measured from each cell's centre in straight "
            "line, styled with the PTAL colours (dark blue: poor, to dark red: excellent). Set the cell "
            "size to 0 for no grid.</p>"
            "<p>Distances are computed in the sites' CRS when it is projected, otherwise in Lambert-93 "
            "(EPSG:2154) in metropolitan France and the local UTM zone elsewhere.</p>"
        ).format(search=int(MAX_NETWORK_SEARCH / 1000))

    # -- parameters -------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Sites"), [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("Points or polygons (polygons are measured from their point on surface)."))
        self.addParameter(param)
        add_gtfs_parameters(
            self, start_default="08:15", end_default="09:15", start_name=self.PEAK_START,
            end_name=self.PEAK_END, start_label=self.tr("Peak window start (HH:MM)"),
            end_label=self.tr("Peak window end (HH:MM)"))
        param = QgsProcessingParameterFeatureSource(
            self.NETWORK, self.tr("Walking network (lines)"), [SOURCE_LINE], optional=True)
        param.setHelp(self.tr("Optional street or footpath lines for walking distances from the sites; "
                              "without it, distances are straight lines. Lines must share a vertex to connect."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.GRID_CELL, self.tr("Grid cell size (m)"), type=NUMBER_DOUBLE, defaultValue=100.0, minValue=0.0)
        param.setHelp(self.tr("Side of the grid cells; 0 for no grid."))
        self.addParameter(show_decimals(param, 0))
        param = QgsProcessingParameterExtent(self.EXTENT, self.tr("Grid extent"), optional=True)
        param.setHelp(self.tr("Area covered by the grid; default: the sites' extent plus 1 km."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.DAY_START, self.tr("ÖV day window start (HH:MM)"),
                                             defaultValue="06:00")
        param.setHelp(self.tr("Start of the window of the ÖV-Güteklassen intervals (ARE: 06:00)."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterString(self.DAY_END, self.tr("ÖV day window end (HH:MM)"), defaultValue="20:00")
        param.setHelp(self.tr("End of the window of the ÖV-Güteklassen intervals (ARE: 20:00)."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(
            self.GROUP_STATIONS, self.tr("Group platforms under their parent station"), defaultValue=True)
        param.setHelp(self.tr("Count the platforms of a station as one stop."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites with transit coverage"))
        param.setHelp(self.tr("The sites with nearest_stop, nearest_stop_id, nearest_stop_m, nearest_stop_method, "
                              "dep_500m_h, ptal_ai, ptal, oev_class."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_GRID, self.tr("Transit coverage grid"), SOURCE_POLYGON, optional=True, createByDefault=True)
        param.setHelp(self.tr("Grid cells with ptal_ai, ptal, oev_class and dep_500m_h, in PTAL colours."))
        self.addParameter(param)
        add_report_parameter(self)
        self.addOutput(QgsProcessingOutputString(self.SERVICE_DATE, self.tr("Date analysed")))
        self.addOutput(QgsProcessingOutputNumber(self.GRID_CELLS, self.tr("Grid cells")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:
            window_parameters(self, parameters, context, self.PEAK_START, self.PEAK_END)
            window_parameters(self, parameters, context, self.DAY_START, self.DAY_END)
            date_parameter(self, parameters, context)
        except QgsProcessingException as exc:
            return False, str(exc)
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        from ..core.gtfs import ptal, service
        from ..core.gtfs.service import Window

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        path = self.parameterAsFile(parameters, self.GTFS, context)
        peak = window_parameters(self, parameters, context, self.PEAK_START, self.PEAK_END)
        day_window = window_parameters(self, parameters, context, self.DAY_START, self.DAY_END)
        day = date_parameter(self, parameters, context)
        group = self.parameterAsBool(parameters, self.GROUP_STATIONS, context)
        cell = self.parameterAsDouble(parameters, self.GRID_CELL, context)
        want_grid = cell > 0 and bool(parameters.get(self.OUTPUT_GRID, True))
        network_source = self.parameterAsSource(parameters, self.NETWORK, context)

        steps = QgsProcessingMultiStepFeedback(5, feedback)
        if feedback.isCanceled():  # canceled before the run: the step feedback would not know
            steps.cancel()
        # 1. the feed and its service -------------------------------------------------------------------
        feed = read_gtfs(self, path, steps)
        choice = resolve_date(self, feed, day, steps)
        steps.setCurrentStep(1)
        both = Window(min(peak.start, day_window.start), max(peak.end, day_window.end))
        try:
            events = service.departures(feed, choice.date, both, progress=core_progress(steps, 0, 60))
            peak_events = events.within(peak)
            day_events = events.within(day_window)
            summary = service.stop_summary(feed, events, group)
            route_freq = service.route_frequencies(feed, peak_events, group)
            loc_category = ptal.oev_category_of_locations(service.stop_intervals(feed, day_events, group))
            instances = service.location_instances(feed, peak_events, group)
        except Canceled:
            raise QgsProcessingException(self.tr("Cancelled.")) from None
        steps.pushInfo(self.tr(
            "{date}: {peak} departures in the peak window {ps}-{pe}, {day} in the day window {ds}-{de}.").format(
            date=choice.date.isoformat(), peak=len(peak_events), day=len(day_events), ps=format_hm(peak.start),
            pe=format_hm(peak.end), ds=format_hm(day_window.start), de=format_hm(day_window.end)))

        # 2. coordinates in one projected CRS -----------------------------------------------------------
        steps.setCurrentStep(2)
        site_crs = source.sourceCrs()
        if not site_crs.isValid():
            site_crs = assumed_crs(source.sourceExtent())
            self.warn_no_crs(steps, source.sourceName(), site_crs)
        sites = self._site_points(source, site_crs, context, steps)
        work_crs = working_crs(site_crs, sites["lonlat"])
        steps.pushInfo(self.tr("Distances measured in {crs}.").format(crs=work_crs.authid()))
        to_work = QgsCoordinateTransform(site_crs, work_crs, context.transformContext())
        site_xy = transform_points(to_work, sites["xy"])
        served = summary[summary["departures"] > 0]
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        stop_xy = transform_points(QgsCoordinateTransform(wgs84, work_crs, context.transformContext()),
                                   np.column_stack([served["lon"].to_numpy(), served["lat"].to_numpy()]))
        stop_loc = served.index.to_numpy().astype(np.int64)
        if not len(stop_loc):
            steps.pushWarning(self.tr("No stop has a departure in the windows on {date}: every index is 0.").format(
                date=choice.date.isoformat()))

        # 3. sites --------------------------------------------------------------------------------------
        steps.setCurrentStep(3)
        has_geom = ~np.isnan(site_xy).any(axis=1)
        valid_xy = site_xy[has_geom]
        n_valid = len(valid_xy)
        method = np.full(n_valid, METHOD_STRAIGHT, dtype=object)
        near_idx, near_d = ptal.nearest(valid_xy, stop_xy)
        pi, pj, pd_ = ptal.pairs_within(valid_xy, stop_xy, ptal.MAX_RADIUS)
        if network_source is not None and n_valid and len(stop_xy):
            pi, pj, pd_, near_idx, near_d, method = self._network_distances(
                network_source, context, work_crs, valid_xy, stop_xy, (pi, pj, pd_), near_idx, near_d, steps)
        site_values = ptal.summarize_points(n_valid, pi, stop_loc[pj] if len(pj) else pj, pd_, route_freq,
                                            loc_category, instances, peak.hours, DEPARTURES_RADIUS)
        names = served["stop_name"].to_numpy()
        ids = served["stop_id"].to_numpy()
        v_dep = site_values["dep_500m_h"].to_numpy()
        v_ai = site_values["ptal_ai"].to_numpy()
        v_band = site_values["ptal"].to_numpy()
        v_oev = site_values["oev_class"].to_numpy()

        new_fields = coverage_site_fields()
        out_fields = QgsProcessingUtils.combineFields(source.fields(), new_fields)
        report = WriteReport(steps)
        n_sites = len(sites["features"])
        with OutputSink(self, parameters, self.OUTPUT, context, out_fields,
                        site_sink_type(source.wkbType(), (f.geometry() for f in sites["features"])),
                        site_crs, steps, report) as sink:
            k = 0
            for n, feat in enumerate(sites["features"]):
                if steps.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled."))
                values = [None] * new_fields.count()
                if has_geom[n]:
                    j = int(near_idx[k])
                    values = [
                        str(names[j]) if j >= 0 else None,
                        str(ids[j]) if j >= 0 else None,
                        round(float(near_d[k]), 1) if j >= 0 else None,
                        str(method[k]) if j >= 0 else None,
                        round(float(v_dep[k]), 2),
                        float(v_ai[k]),
                        str(v_band[k]),
                        str(v_oev[k]) or None,
                    ]
                    k += 1
                out = QgsFeature(out_fields)
                out.setGeometry(feat.geometry())
                out.setAttributes(list(feat.attributes()) + values)
                sink.add(out, feat.id(), site_label(feat))
                steps.setProgress(100.0 * (n + 1) / max(1, n_sites))
        dest_id = sink.dest_id
        if n_valid < n_sites:
            steps.pushWarning(self.tr(
                "{n} site(s) without geometry, or whose coordinates cannot be transformed (check the layer's CRS): "
                "their transit fields are empty.").format(n=n_sites - n_valid))
        results = {self.OUTPUT: dest_id, self.SERVICE_DATE: choice.date.isoformat(), self.GRID_CELLS: 0}

        # 4-5. grid ---------------------------------------------------------------------------------------
        steps.setCurrentStep(4)
        if want_grid:
            extent = self._grid_extent(parameters, context, work_crs, valid_xy, cell)
            if extent is None:
                steps.pushWarning(self.tr("No grid: no extent given and no site to take it from."))
            else:
                grid_dest, n_cells = self._write_grid(
                    parameters, context, steps, extent, cell, work_crs, stop_xy, stop_loc, route_freq,
                    loc_category, instances, peak.hours)
                if grid_dest is not None:
                    results[self.OUTPUT_GRID] = grid_dest
                    results[self.GRID_CELLS] = n_cells
                    style_on_completion(context, grid_dest, GRID_STYLE)
        report.publish(self, parameters, context, results)
        steps.setProgress(100)
        return results

    # -- helpers ----------------------------------------------------------------------------------------
    def _site_points(self, source, crs, context, feedback):
        """Features, their measuring point (source CRS; NaN without geometry) and WGS84 position (the
        source's coordinates read in ``crs``)."""
        features, xy = [], []
        total = source.featureCount() or 1
        for n, feat in enumerate(source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS)):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled."))
            geom = feat.geometry()
            point = None
            if geom is not None and not geom.isNull() and not geom.isEmpty():
                point = geom.pointOnSurface()  # a polygon's inner point; a point itself; a multipoint's central one
            if point is not None and not point.isNull() and not point.isEmpty():
                p = point.asPoint()
                xy.append((p.x(), p.y()))
            else:
                xy.append((np.nan, np.nan))
            features.append(feat)
            if n % 200 == 0:
                feedback.setProgress(50.0 * n / total)
        xy = np.array(xy, dtype=float).reshape(-1, 2)
        ok = ~np.isnan(xy).any(axis=1)
        lonlat = np.zeros((0, 2))
        if ok.any():
            to_wgs = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
            lonlat = transform_points(to_wgs, xy[ok])
        return {"features": features, "xy": xy, "lonlat": lonlat}

    def _network_distances(self, network_source, context, work_crs, site_xy, stop_xy, straight, near_idx, near_d,
                           feedback):
        """Walking distances along NETWORK; sites it cannot place keep the straight-line values."""
        from ..core.gtfs import ptal
        from ..core.gtfs.walk import WalkNetwork, pairs_from_results

        if not network_source.sourceCrs().isValid():
            self.warn_no_crs(feedback, network_source.sourceName(), work_crs)
        lines = network_lines(self, network_source, work_crs, context, feedback)
        if not lines:
            feedback.pushWarning(self.tr("The walking network has no lines: straight-line distances are used."))
            return (*straight, near_idx, near_d, np.full(len(site_xy), METHOD_STRAIGHT, dtype=object))
        feedback.pushInfo(self.tr("Walking network: {n} lines.").format(n=len(lines)))
        try:
            network = WalkNetwork(lines)
            results = network.distances(site_xy, stop_xy, limit=ptal.MAX_RADIUS, max_search=MAX_NETWORK_SEARCH,
                                        progress=core_progress(feedback, 50, 95))
        except GtfsError as exc:
            raise QgsProcessingException(gtfs_error_message(self, exc)) from None
        except Canceled:
            raise QgsProcessingException(self.tr("Cancelled.")) from None
        pi, pj, pd_ = pairs_from_results(results)
        method = np.full(len(site_xy), METHOD_NETWORK, dtype=object)
        near_idx = near_idx.copy()
        near_d = near_d.copy()
        fallback = []
        for i, (_idx, _val, nj, nd) in enumerate(results):
            if nj >= 0:
                near_idx[i], near_d[i] = nj, nd
            else:
                fallback.append(i)
        if fallback:
            fb = np.array(fallback, dtype=np.int64)
            method[fb] = METHOD_STRAIGHT
            keep = ~np.isin(pi, fb)
            s_i, s_j, s_d = straight
            add = np.isin(s_i, fb)
            pi = np.concatenate([pi[keep], s_i[add]])
            pj = np.concatenate([pj[keep], s_j[add]])
            pd_ = np.concatenate([pd_[keep], s_d[add]])
            feedback.pushWarning(self.tr(
                "{n} site(s) reach no stop within {km} km along the network (off the network, or in a part of it "
                "not connected to any stop): straight-line distances are used for them.").format(
                n=len(fallback), km=int(MAX_NETWORK_SEARCH / 1000)))
        return pi, pj, pd_, near_idx, near_d, method

    def _grid_extent(self, parameters, context, work_crs, site_xy, cell):
        extent = None
        if parameters.get(self.EXTENT):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, work_crs)
            if rect is not None and not rect.isNull() and rect.width() > 0 and rect.height() > 0:
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        if extent is None and len(site_xy):
            extent = (site_xy[:, 0].min() - DEFAULT_MARGIN, site_xy[:, 1].min() - DEFAULT_MARGIN,
                      site_xy[:, 0].max() + DEFAULT_MARGIN, site_xy[:, 1].max() + DEFAULT_MARGIN)
        if extent is None:
            return None
        # aligned on multiples of the cell size, so grids of different runs coincide
        x0 = np.floor(extent[0] / cell) * cell
        y0 = np.floor(extent[1] / cell) * cell
        x1 = np.ceil(extent[2] / cell) * cell
        y1 = np.ceil(extent[3] / cell) * cell
        return x0, y0, x1, y1

    def _write_grid(self, parameters, context, feedback, extent, cell, work_crs, stop_xy, stop_loc, route_freq,
                    loc_category, instances, peak_hours):
        from ..core.gtfs import ptal

        x0, y0, x1, y1 = extent
        nx = int(round((x1 - x0) / cell))
        ny = int(round((y1 - y0) / cell))
        n_cells = nx * ny
        if n_cells > MAX_GRID_CELLS:
            raise QgsProcessingException(self.tr(
                "The grid would have {n} cells (more than {max}): choose larger cells or a smaller extent.").format(
                n=n_cells, max=MAX_GRID_CELLS))
        fields = grid_fields()
        with OutputSink(self, parameters, self.OUTPUT_GRID, context, fields, WKB_MULTIPOLYGON, work_crs, feedback,
                        required=False) as sink:
            if not sink.active:
                return None, 0
            feedback.pushInfo(self.tr("Grid: {nx} × {ny} cells of {cell} m.").format(nx=nx, ny=ny, cell=cell))
            # row by row from the north-west corner
            written = 0
            for begin in range(0, n_cells, GRID_CHUNK):
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled."))
                ids = np.arange(begin, min(n_cells, begin + GRID_CHUNK))
                row, col = ids // nx, ids % nx
                cx = x0 + (col + 0.5) * cell
                cy = y1 - (row + 0.5) * cell
                centres = np.column_stack([cx, cy])
                pi, pj, pd_ = ptal.pairs_within(centres, stop_xy, ptal.MAX_RADIUS)
                values = ptal.summarize_points(len(ids), pi, stop_loc[pj] if len(pj) else pj, pd_, route_freq,
                                               loc_category, instances, peak_hours, DEPARTURES_RADIUS)
                ai = values["ptal_ai"].to_numpy()
                band = values["ptal"].to_numpy()
                oev = values["oev_class"].to_numpy()
                dep = values["dep_500m_h"].to_numpy()
                half = cell / 2.0
                for m in range(len(ids)):
                    feat = QgsFeature(fields)
                    feat.setGeometry(QgsGeometry.fromRect(
                        QgsRectangle(cx[m] - half, cy[m] - half, cx[m] + half, cy[m] + half)))
                    feat.setAttributes([int(ids[m]), float(ai[m]), str(band[m]), str(oev[m]) or None,
                                        round(float(dep[m]), 2)])
                    sink.add(feat, int(ids[m]))
                written += len(ids)
                feedback.setProgress(100.0 * written / n_cells)
        dest_id = sink.dest_id
        return dest_id, written


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def coverage_site_fields():
    fields = QgsFields()
    fields.append(make_field("nearest_stop", "string"))
    fields.append(make_field("nearest_stop_id", "string"))
    fields.append(make_field("nearest_stop_m", "double"))
    fields.append(make_field("nearest_stop_method", "string"))
    fields.append(make_field("dep_500m_h", "double"))
    fields.append(make_field("ptal_ai", "double"))
    fields.append(make_field("ptal", "string"))
    fields.append(make_field("oev_class", "string"))
    return fields


def grid_fields():
    fields = QgsFields()
    fields.append(make_field("cell_id", "int"))
    fields.append(make_field("ptal_ai", "double"))
    fields.append(make_field("ptal", "string"))
    fields.append(make_field("oev_class", "string"))
    fields.append(make_field("dep_500m_h", "double"))
    return fields


def transform_points(transform, xy):
    """Transform an (n, 2) array of coordinates (rows that fail become NaN)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    out = np.full_like(xy, np.nan)
    for i, (x, y) in enumerate(xy.tolist()):
        if np.isnan(x) or np.isnan(y):
            continue
        try:
            p = transform.transform(QgsPointXY(x, y))
        except Exception:  # QgsCsException: a point outside the CRS's area
            continue
        out[i] = (p.x(), p.y())
    return out


def working_crs(source_crs, lonlat):
    """The sites' CRS when projected; otherwise Lambert-93 in metropolitan France, else the UTM zone."""
    if source_crs.isValid() and not source_crs.isGeographic():
        return source_crs
    if not len(lonlat):
        return QgsCoordinateReferenceSystem("EPSG:2154")
    lon, lat = float(np.nanmean(lonlat[:, 0])), float(np.nanmean(lonlat[:, 1]))
    if -5.5 <= lon <= 10.0 and 41.0 <= lat <= 51.5:
        return QgsCoordinateReferenceSystem("EPSG:2154")
    zone = int((lon + 180.0) // 6.0) + 1
    code = (32600 if lat >= 0 else 32700) + min(max(zone, 1), 60)
    return QgsCoordinateReferenceSystem(f"EPSG:{code}")


def network_lines(alg, source, work_crs, context, feedback):
    """Coordinate arrays of every line part of ``source``, in ``work_crs``."""
    import shapely

    transform = QgsCoordinateTransform(source.sourceCrs(), work_crs, context.transformContext())
    wkbs = []
    total = source.featureCount() or 1
    request = QgsFeatureRequest().setNoAttributes()
    for n, feat in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            raise QgsProcessingException(alg.tr("Cancelled."))
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        geom = QgsGeometry(geom)
        if QgsWkbTypes.isCurvedType(geom.wkbType()):
            geom = QgsGeometry(geom.constGet().segmentize())
        try:
            geom.transform(transform)
        except Exception:  # QgsCsException
            continue
        wkbs.append(bytes(geom.asWkb()))
        if n % 1000 == 0:
            feedback.setProgress(50.0 * n / total)
    if not wkbs:
        return []
    geoms = shapely.force_2d(shapely.from_wkb(np.array(wkbs, dtype=object)))
    parts = shapely.get_parts(geoms)
    parts = parts[shapely.get_type_id(parts) == 1]  # LineStrings only (points or polygons are ignored)
    coords, index = shapely.get_coordinates(parts, return_index=True)
    if not len(coords):
        return []
    splits = np.flatnonzero(np.diff(index)) + 1
    return [c for c in np.split(coords, splits) if len(c) >= 2]
