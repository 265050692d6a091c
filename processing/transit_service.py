"""``friches:transit_service``: departures per stop in a time window, from a GTFS feed.

Why this shape: the method (service calendar, frequencies.txt, trips after midnight, what counts as a
departure, station grouping, modes) lives in ``core.gtfs`` and is unit-tested without QGIS; this module
reads the parameters, turns the core's error codes into translated messages that name the file and the
row, and writes the stops (and optionally the routes) as layers.

The helpers at the end (``gtfs_error_message``, ``core_progress``, ``read_gtfs``, ``resolve_date``) are
shared with ``friches:transit_coverage``.
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..compat import FILE_BEHAVIOR_FILE, SOURCE_LINE, SOURCE_POINT, WKB_MULTILINESTRING, WKB_POINT, make_field
from ..core.gtfs import GtfsError
from ..core.progress import Canceled
from .base import FrichesAlgorithm, core_progress
from .sinks import OutputSink
from .styles import style_on_completion

GROUP_ID = "transit"
STOPS_STYLE = "transit_stops"


class TransitServiceAlgorithm(FrichesAlgorithm):
    GTFS = "GTFS"
    DATE = "DATE"
    START_TIME = "START_TIME"
    END_TIME = "END_TIME"
    GROUP_STATIONS = "GROUP_STATIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_ROUTES = "OUTPUT_ROUTES"
    SERVICE_DATE = "SERVICE_DATE"
    STOPS = "STOPS"
    DEPARTURES = "DEPARTURES"

    ICON = "processing.svg"

    # -- identity ---------------------------------------------------------------------------------------
    def name(self):
        return "transit_service"

    def displayName(self):
        return self.tr("Transit service per stop (GTFS)")

    def group(self):
        return self.tr("Transit coverage")

    def groupId(self):
        return GROUP_ID

    def tags(self):
        return ["GTFS", self.tr("transit"), self.tr("public transport"), self.tr("frequency"),
                self.tr("headway"), self.tr("departures"), self.tr("stops")]

    def shortDescription(self):
        return self.tr("Counts the departures of every stop of a GTFS feed in a time window of a day.")

    def help_text(self):
        return self.tr(
            "<p>Reads a GTFS feed (zip) and counts, at every stop, the departures of a given day between "
            "a start and an end time, with the routes and modes that serve it.</p>"
            "<p><b>What counts as a departure</b>: a vehicle leaving a stop where passengers may board. "
            "Arrivals at a trip's last stop and stop times with pickup_type 1 (no pickup) are not "
            "departures. The window includes its start and excludes its end.</p>"
            "<p><b>Service day</b>: the services active on the date come from calendar.txt and "
            "calendar_dates.txt (added and removed dates; feeds with calendar_dates.txt only are read "
            "too). GTFS times may exceed 24:00: a trip of the day before at 25:10 leaves at 01:10 on "
            "the date and is counted there. Trips of frequencies.txt run every headway_secs from "
            "start_time while the start is before end_time (exact_times 0 or 1 alike); their template "
            "times are not counted as an extra trip. Stops with no time are interpolated between timed "
            "stops.</p>"
            "<p><b>Date</b>: when empty, a representative weekday inside the feed's validity: the first "
            "Tuesday, Wednesday or Thursday whose number of trips is the most common among weekdays "
            "(not a holiday). The date used is written in the log.</p>"
            "<p><b>Stops</b>: platforms are grouped under their parent station when asked (one point per "
            "station); stations without platforms, entrances, generic nodes and boarding areas are "
            "never listed (boarding areas count at their platform).</p>"
            "<p><b>Fields</b>: stop_id, stop_name, departures (in the window), departures_per_hour, "
            "mean_headway_min (window length / departures: the headway of a regular service with the "
            "same count; empty without departures), routes (distinct routes), route_names, modes "
            "(rail, metro, tram, bus... from route_type, extended codes 100-1700 included).</p>"
            "<p><b>Routes</b> (optional output): one line per route running on the date, from shapes.txt "
            "(or through its stops when the feed has no shapes), with its departures in the window "
            "(distinct vehicle journeys) and per hour.</p>"
            "<p>A malformed feed (a missing file or column, an unreadable time, a stop_times row "
            "pointing to an unknown stop or trip...) stops the algorithm with a message naming the file "
            "and the row.</p>"
        )

    # -- parameters -------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        add_gtfs_parameters(self, start_default="07:00", end_default="19:00")
        param = QgsProcessingParameterBoolean(
            self.GROUP_STATIONS, self.tr("Group platforms under their parent station"), defaultValue=True)
        param.setHelp(self.tr("One point per station (parent_station) instead of one per platform."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Stops with their service"), SOURCE_POINT)
        param.setHelp(self.tr("Points (EPSG:4326) with departures, departures_per_hour, mean_headway_min, "
                              "routes, route_names, modes."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.tr("Routes"), SOURCE_LINE, optional=True, createByDefault=False)
        param.setHelp(self.tr("Lines of the routes running on the date (from shapes.txt when present)."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputString(self.SERVICE_DATE, self.tr("Date analysed")))
        self.addOutput(QgsProcessingOutputNumber(self.STOPS, self.tr("Stops")))
        self.addOutput(QgsProcessingOutputNumber(self.DEPARTURES, self.tr("Departures")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:
            window_parameters(self, parameters, context, self.START_TIME, self.END_TIME)
            date_parameter(self, parameters, context)
        except QgsProcessingException as exc:
            return False, str(exc)
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        from ..core.gtfs import service

        path = self.parameterAsFile(parameters, self.GTFS, context)
        window = window_parameters(self, parameters, context, self.START_TIME, self.END_TIME)
        day = date_parameter(self, parameters, context)
        group = self.parameterAsBool(parameters, self.GROUP_STATIONS, context)
        want_routes = bool(parameters.get(self.OUTPUT_ROUTES))

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        if feedback.isCanceled():  # canceled before the run: the step feedback would not know
            steps.cancel()
        feed = read_gtfs(self, path, steps, with_shapes=want_routes)
        choice = resolve_date(self, feed, day, steps)

        steps.setCurrentStep(1)
        try:
            events = service.departures(feed, choice.date, window, progress=core_progress(steps, 0, 80))
            steps.setProgress(85)
            summary = service.stop_summary(feed, events, group_stations=group)
        except Canceled:
            raise QgsProcessingException(self.tr("Cancelled.")) from None
        steps.pushInfo(self.tr("{deps} departures at {stops} stops between {start} and {end}.").format(
            deps=int(summary["departures"].sum()), stops=int((summary["departures"] > 0).sum()),
            start=format_hm(window.start), end=format_hm(window.end)))

        steps.setCurrentStep(2)
        fields = stop_fields()
        crs = QgsCoordinateReferenceSystem("EPSG:4326")
        total = max(1, len(summary))
        with OutputSink(self, parameters, self.OUTPUT, context, fields, WKB_POINT, crs, steps) as sink:
            for n, row in enumerate(summary.itertuples(index=False)):
                if steps.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled."))
                feat = QgsFeature(fields)
                feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(row.lon), float(row.lat))))
                feat.setAttributes([
                    str(row.stop_id), str(row.stop_name), int(row.departures), float(row.departures_per_hour),
                    None if np.isnan(row.mean_headway_min) else float(row.mean_headway_min),
                    int(row.routes), str(row.route_names), str(row.modes),
                ])
                sink.add(feat, n + 1, str(row.stop_id))
                if n % 500 == 0:
                    steps.setProgress(80.0 * n / total)
        dest_id = sink.dest_id
        style_on_completion(context, dest_id, STOPS_STYLE)
        results = {
            self.OUTPUT: dest_id,
            self.SERVICE_DATE: choice.date.isoformat(),
            self.STOPS: len(summary),
            self.DEPARTURES: int(summary["departures"].sum()),
        }
        if want_routes:
            with OutputSink(self, parameters, self.OUTPUT_ROUTES, context, route_fields(), WKB_MULTILINESTRING, crs,
                            steps, required=False) as routes_sink:
                if routes_sink.active:
                    self._write_routes(feed, choice.date, events, routes_sink, parameters, steps)
            if routes_sink.dest_id is not None:
                results[self.OUTPUT_ROUTES] = routes_sink.dest_id
        steps.setProgress(100)
        return results

    def _write_routes(self, feed, date, events, sink, parameters, feedback):
        from ..core.gtfs import routes as core_routes

        try:
            lines = core_routes.route_lines(feed, date, events)
        except Canceled:
            raise QgsProcessingException(self.tr("Cancelled.")) from None
        fields = route_fields()
        hours = events.window.hours
        for row in lines.itertuples(index=False):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled."))
            feat = QgsFeature(fields)
            geom = QgsGeometry()
            geom.fromWkb(row.wkb)
            feat.setGeometry(geom)
            feat.setAttributes([
                str(row.route_id), str(row.name), str(row.long_name), str(row.mode), int(row.route_type),
                int(row.departures), float(row.departures / hours) if hours > 0 else None, str(row.geometry_from),
            ])
            sink.add(feat, None, str(row.route_id))


# --------------------------------------------------------------------------------------------------
# Shared with friches:transit_coverage
# --------------------------------------------------------------------------------------------------


def stop_fields():
    fields = QgsFields()
    fields.append(make_field("stop_id", "string"))
    fields.append(make_field("stop_name", "string"))
    fields.append(make_field("departures", "int"))
    fields.append(make_field("departures_per_hour", "double"))
    fields.append(make_field("mean_headway_min", "double"))
    fields.append(make_field("routes", "int"))
    fields.append(make_field("route_names", "string"))
    fields.append(make_field("modes", "string"))
    return fields


def route_fields():
    fields = QgsFields()
    fields.append(make_field("route_id", "string"))
    fields.append(make_field("route_name", "string"))
    fields.append(make_field("route_long_name", "string"))
    fields.append(make_field("mode", "string"))
    fields.append(make_field("route_type", "int"))
    fields.append(make_field("departures", "int"))
    fields.append(make_field("departures_per_hour", "double"))
    fields.append(make_field("geometry_from", "string"))
    return fields


def add_gtfs_parameters(alg, start_default, end_default, start_name=None, end_name=None,
                        start_label=None, end_label=None):
    """GTFS, DATE and the window's start and end: the parameters both transit algorithms share."""
    param = QgsProcessingParameterFile(
        alg.GTFS, alg.tr("GTFS feed (zip)"), behavior=FILE_BEHAVIOR_FILE, extension="zip")
    param.setHelp(alg.tr("A GTFS zip: stops, routes, trips, stop_times and calendar and/or calendar_dates."))
    alg.addParameter(param)
    param = QgsProcessingParameterString(alg.DATE, alg.tr("Date (YYYY-MM-DD)"), optional=True)
    param.setHelp(alg.tr("The service day analysed. Empty: a representative weekday inside the feed's "
                         "validity, written in the log."))
    alg.addParameter(param)
    param = QgsProcessingParameterString(
        start_name or alg.START_TIME, start_label or alg.tr("Start time (HH:MM)"), defaultValue=start_default)
    param.setHelp(alg.tr("Start of the time window, included (HH:MM or HH:MM:SS)."))
    alg.addParameter(param)
    param = QgsProcessingParameterString(
        end_name or alg.END_TIME, end_label or alg.tr("End time (HH:MM)"), defaultValue=end_default)
    param.setHelp(alg.tr("End of the time window, excluded (HH:MM or HH:MM:SS; may exceed 24:00, e.g. 25:00 "
                         "for 1 a.m. the next morning)."))
    alg.addParameter(param)


def window_parameters(alg, parameters, context, start_name, end_name):
    """The window of two time parameters, or a translated QgsProcessingException."""
    from ..core.gtfs.feed import parse_time
    from ..core.gtfs.service import Window

    values = []
    for name in (start_name, end_name):
        text = alg.parameterAsString(parameters, name, context)
        try:
            values.append(parse_time(text))
        except ValueError:
            raise QgsProcessingException(
                alg.tr("'{value}' is not a time: write HH:MM, e.g. 07:30.").format(value=text)) from None
    if values[1] <= values[0]:
        raise QgsProcessingException(alg.tr("The end time ({end}) must be after the start time ({start}).").format(
            start=format_hm(values[0]), end=format_hm(values[1])))
    return Window(values[0], values[1])


def date_parameter(alg, parameters, context):
    """The DATE parameter as a date, or None when empty."""
    from ..core.gtfs.calendar import parse_date

    text = (alg.parameterAsString(parameters, alg.DATE, context) or "").strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise QgsProcessingException(
            alg.tr("'{value}' is not a date: write YYYY-MM-DD, e.g. 2025-03-18.").format(value=text)) from None


def format_hm(seconds):
    seconds = int(seconds)
    return f"{seconds // 3600:02d}:{(seconds % 3600) // 60:02d}"



def read_gtfs(alg, path, feedback, with_shapes=False):
    """Read the feed (translated errors, warnings in the log)."""
    from ..core.gtfs.feed import read_feed

    feedback.pushInfo(alg.tr("Reading {path}…").format(path=path))
    try:
        feed = read_feed(path, progress=core_progress(feedback), with_shapes=with_shapes)
    except GtfsError as exc:
        raise QgsProcessingException(gtfs_error_message(alg, exc)) from None
    except Canceled:
        raise QgsProcessingException(alg.tr("Cancelled.")) from None
    feedback.pushInfo(alg.tr("{stops} stops, {routes} routes, {trips} trips, {times} stop times{freq}.").format(
        stops=len(feed.stops), routes=len(feed.routes), trips=len(feed.trips), times=len(feed.stop_times),
        freq=alg.tr(", {n} frequencies.txt periods").format(n=len(feed.frequencies))
        if feed.frequencies is not None else ""))
    for code, params in feed.warnings:
        feedback.pushWarning(gtfs_warning_message(alg, code, params))
    return feed


def resolve_date(alg, feed, day, feedback):
    """The date to analyse (given or representative), explained in the log."""
    from ..core.gtfs.calendar import choose_date

    try:
        choice = choose_date(feed, day)
    except GtfsError as exc:
        raise QgsProcessingException(gtfs_error_message(alg, exc)) from None
    first = choice.first.isoformat() if choice.first else "?"
    last = choice.last.isoformat() if choice.last else "?"
    weekday = (alg.tr("Monday"), alg.tr("Tuesday"), alg.tr("Wednesday"), alg.tr("Thursday"), alg.tr("Friday"),
               alg.tr("Saturday"), alg.tr("Sunday"))[choice.date.weekday()]
    if choice.reason == "given":
        feedback.pushInfo(alg.tr("Date analysed: {date} ({weekday}), {trips} trips run that day; the feed "
                                 "runs from {first} to {last}.").format(
            date=choice.date.isoformat(), weekday=weekday, trips=choice.trips, first=first, last=last))
        if choice.trips == 0:
            feedback.pushWarning(alg.tr("No trip runs on {date}: every count is 0. The feed runs from {first} "
                                        "to {last}.").format(date=choice.date.isoformat(), first=first, last=last))
    elif choice.reason == "representative_weekday":
        feedback.pushInfo(alg.tr(
            "Date analysed: {date} ({weekday}), a representative weekday of the feed (valid from {first} to "
            "{last}): {trips} trips, the most common number among the {n} weekdays examined ({like} weekdays "
            "have it).").format(date=choice.date.isoformat(), weekday=weekday, first=first, last=last,
                               trips=choice.trips, n=choice.weekdays_examined, like=choice.weekdays_like_it))
    else:
        feedback.pushWarning(alg.tr(
            "No weekday of the feed has any trip: analysing its busiest day, {date} ({weekday}, {trips} "
            "trips).").format(date=choice.date.isoformat(), weekday=weekday, trips=choice.trips))
    return choice


def _where(alg, exc):
    if exc.row is not None:
        return alg.tr("GTFS file {file}, row {row} (line {line})").format(file=exc.file, row=exc.row, line=exc.line)
    if exc.file:
        return alg.tr("GTFS file {file}").format(file=exc.file)
    return alg.tr("GTFS feed")


def gtfs_error_message(alg, exc):
    """A translated sentence for a core GtfsError, naming the file and the row."""
    p = dict(exc.params)
    code = exc.code
    where = _where(alg, exc)
    texts = {
        "file_not_found": alg.tr("The GTFS file {path} does not exist."),
        "not_a_zip": alg.tr("{path} is not a zip file ({reason}): a GTFS feed is a zip of .txt files."),
        "nested_zip": alg.tr("{file} holds another zip ({inner}) instead of the feed's .txt files: unzip it once "
                             "and give the inner zip."),
        "damaged_member": alg.tr("{where}: the file is damaged inside the zip ({reason}); zip the feed again."),
        "missing_file": alg.tr("The feed has no {file}: it is required."),
        "missing_column": alg.tr("{where}: the required column '{column}' is missing."),
        "empty_file": alg.tr("{where}: the file is empty (no header)."),
        "bad_csv": alg.tr("{where}: the line cannot be read as CSV ({reason})."),
        "bad_encoding": alg.tr("{where}: the file is neither UTF-8 nor windows-1252 ({reason})."),
        "bad_time": alg.tr("{where}: '{value}' in {column} is not a time (HH:MM:SS)."),
        "bad_number": alg.tr("{where}: '{value}' in {column} is not a valid number."),
        "bad_date": alg.tr("{where}: '{value}' in {column} is not a date (YYYYMMDD)."),
        "bad_value": alg.tr("{where}: '{value}' is not an allowed value of {column}."),
        "bad_coordinates": alg.tr("{where}: the coordinates ({lat}, {lon}) are out of range."),
        "missing_value": alg.tr("{where}: {column} is empty but required."),
        "duplicate_id": alg.tr("{where}: {column} '{value}' appears twice."),
        "unknown_route": alg.tr("{where}: route_id '{value}' is not in routes.txt."),
        "unknown_trip": alg.tr("{where}: trip_id '{value}' is not in trips.txt."),
        "unknown_stop": alg.tr("{where}: stop_id '{value}' is not in stops.txt."),
        "missing_time": alg.tr("{where}: the first and last stops of trip '{trip_id}' must have a time."),
        "bad_period": alg.tr("{where}: end_time {end} is not after start_time {start}."),
        "no_service": alg.tr("{where}: no service runs on any date (calendar.txt and calendar_dates.txt)."),
        "empty_network": alg.tr("The walking network has no line with two points or more."),
    }
    if code == "missing_file" and p.get("alternative"):
        template = alg.tr("The feed has neither {file} nor {alternative}: one of them is required.")
    else:
        template = texts.get(code)
    if template is None:
        return alg.tr("{where}: invalid feed ({code}).").format(where=where, code=code)
    values = {"where": where, "file": exc.file, **p}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return alg.tr("{where}: invalid feed ({code}).").format(where=where, code=code)


def gtfs_warning_message(alg, code, params):
    texts = {
        "not_utf8": alg.tr("{file} is not UTF-8: read as windows-1252."),
        "other_encoding": alg.tr("{file} is not UTF-8: read as {encoding}."),
        "unknown_parent": alg.tr("{file}, row {row}: parent_station '{value}' is not a stop ({count} rows): "
                                 "those stops are not grouped."),
        "unknown_service": alg.tr("{file}, row {row}: service_id '{value}' is in no calendar ({count} trips): "
                                  "those trips never run."),
        "interpolated_times": alg.tr("{file}: {count} stop times without a time, interpolated between the "
                                     "timed stops of their trip."),
    }
    template = texts.get(code)
    if template is None:
        return f"{code}: {params}"
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{code}: {params}"
