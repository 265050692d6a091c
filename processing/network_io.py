"""What the catchment algorithms share: network parameters, reading sites and population grids, messages.

Why a module of its own: ``catchment`` and ``coverage_gaps`` take the same network settings (schema,
mode, speed, tolerances, buffer) and read sites and population grids the same way; the core
(``core/network``) only sees numpy and shapely geometries in one projected CRS, and returns codes that are
turned into translated messages here. The network itself is read and its graph built in ``network_build``.
"""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..compat import (
    DISTANCE_METERS,
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    SOURCE_LINE,
    SOURCE_POLYGON,
    parameter_as_fields,
)
from ..core.network import (
    DEFAULT_BUFFER_M,
    DEFAULT_TOLERANCE_M,
    MAX_DISTANCE_M,
    NO_GEOMETRY,
    NOT_CONNECTED,
    OUTLINE_AUTO,
    OUTLINE_BUFFER,
    OUTLINE_GRID,
    TIED,
    NetworkError,
)
from ..core.network.resolution import FINE_REACH_M, MAX_LEVEL, SMOOTH_REACH_M
from ..core.network.rules import BDTOPO, BIKE, CAR, DEFAULT_SPEED_KMH, GENERIC, OSM, WALK
from ..translation import tr
from . import ogr_read
from .base import core_progress, show_decimals

NETWORK, SCHEMA, MODE, SPEED_KMH, SPEED_FIELD = "NETWORK", "SCHEMA", "MODE", "SPEED_KMH", "SPEED_FIELD"
TOLERANCE, SNAP_TOLERANCE, BUFFER, FILL_HOLES = "TOLERANCE", "SNAP_TOLERANCE", "BUFFER", "FILL_HOLES"
OUTLINE = "OUTLINE"
POPULATION, POPULATION_FIELD = "POPULATION", "POPULATION_FIELD"

SCHEMA_CHOICES = (None, OSM, BDTOPO, GENERIC)  # index 0: detect
MODE_CHOICES = (WALK, BIKE, CAR)
OUTLINE_CHOICES = (OUTLINE_AUTO, OUTLINE_BUFFER, OUTLINE_GRID)


def mode_label(mode: str) -> str:
    return {WALK: tr("on foot"), BIKE: tr("by bike"), CAR: tr("by car")}[mode]


def add_network_parameters(alg, advanced_start=True):
    """NETWORK, SCHEMA, MODE, SPEED_KMH, SPEED_FIELD and the advanced tolerances and buffer."""
    param = QgsProcessingParameterFeatureSource(NETWORK, tr("Road network"), [SOURCE_LINE])
    param.setHelp(tr(
        "Lines of the road network, in any CRS (a geographic one is reprojected to a projected CRS in metres). "
        "Every vertex is a node: OpenStreetMap ways need not be split at intersections; lines crossing without a "
        "shared vertex (bridges) are not connected."
    ))
    alg.addParameter(param)
    param = QgsProcessingParameterEnum(
        SCHEMA,
        tr("Network schema"),
        options=[
            tr("Detect from the fields"),
            tr("OpenStreetMap (highway, oneway, maxspeed)"),
            tr("IGN BD TOPO (nature, sens_de_circulation, vitesse_moyenne_vl)"),
            tr("Generic (every line, both ways, one speed)"),
        ],
        defaultValue=0,
    )
    param.setHelp(tr(
        "How to read the road attributes. Detection: a 'highway' field means OpenStreetMap (also read from GDAL's "
        "'other_tags'), 'nature' with 'sens_de_circulation' or 'vitesse_moyenne_vl' means BD TOPO, otherwise generic."
    ))
    alg.addParameter(param)
    param = QgsProcessingParameterEnum(
        MODE, tr("Travel mode"), options=[tr("Walk"), tr("Bike"), tr("Car")], defaultValue=0
    )
    param.setHelp(tr(
        "Walk: 4.8 km/h, one-way streets ignored, no motorways or trunk roads. Bike: 15 km/h (walking pace on "
        "footways and steps), one-way streets followed unless open to bikes, no motorways. Car: one-way streets "
        "followed, no footways, paths, steps or cycleways; speed from maxspeed or vitesse_moyenne_vl, else from "
        "the road class. Free-flow times: no congestion, no turn or crossing delays."
    ))
    alg.addParameter(param)
    param = QgsProcessingParameterNumber(
        SPEED_KMH, tr("Speed (km/h), replaces the default speeds"), type=NUMBER_DOUBLE, minValue=0.1, maxValue=200.0,
        optional=True,
    )
    param.setHelp(tr("Leave empty for the defaults: walk 4.8 km/h, bike 15 km/h, car from the road attributes."))
    show_decimals(param, 1)
    alg.addParameter(param)
    param = QgsProcessingParameterField(
        SPEED_FIELD, tr("Speed field (km/h), generic schema"), parentLayerParameterName=NETWORK,
        type=QgsProcessingParameterField.DataType.Numeric, optional=True,
    )
    param.setHelp(tr(
        "For a network in the generic schema: each line's speed; lines without a value take the mode's default."
    ))
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)
    param = QgsProcessingParameterNumber(
        TOLERANCE, tr("Largest distance from a site to the network (m, 0 = default of the mode)"),
        type=NUMBER_DOUBLE, minValue=0.0, defaultValue=0.0,
    )
    param.setHelp(tr(
        "A site farther than this from every road usable in the mode is reported as not connected (by name, with "
        "its distance) instead of getting an empty catchment. Defaults: 300 m on foot and by bike, 500 m by car. "
        "The distance between the site and the road is not counted as travel time."
    ))
    show_decimals(param, 0)
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)
    param = QgsProcessingParameterNumber(
        SNAP_TOLERANCE, tr("Snapping of dangling line ends (m)"), type=NUMBER_DOUBLE, minValue=0.0, maxValue=20.0,
        defaultValue=0.5,
    )
    param.setHelp(tr(
        "A line end touching nothing is joined to the nearest vertex within this distance (digitising gaps)."
    ))
    show_decimals(param, 1)
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)
    param = QgsProcessingParameterNumber(
        BUFFER, tr("Width around the reached roads (m)"), type=NUMBER_DOUBLE, minValue=1.0, maxValue=MAX_DISTANCE_M,
        defaultValue=DEFAULT_BUFFER_M,
    )
    param.setHelp(tr(
        "Polygons are the reached roads (edges crossing the time limit cut at the exact point) widened by this "
        "distance on each side. No point of a polygon is farther than this from a road reached in time, except "
        "in filled holes (see below), never more than 50 m; with the automatic outline, a site reaching very "
        "long roads gets twice, four or eight times this width (stated in the field max_dist_m)."
    ))
    show_decimals(param, 0)
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)
    param = QgsProcessingParameterEnum(
        OUTLINE, tr("Outline of the polygons"),
        options=[tr("Automatic (finer or coarser with the length of road reached)"),
                 tr("Finest, smooth (buffers around the roads)"), tr("Finest grid (10 m cells)")],
        defaultValue=0,
    )
    param.setHelp(tr(
        "Automatic: smooth buffers for a site reaching less than {smooth_walk} km of roads on foot ({smooth_bike} "
        "km by bike, never by car) where they do not crowd; otherwise a grid of 10 m cells with the width above, "
        "or, when the site "
        "reaches more than {walk} km of roads on foot ({bike} km by bike, {car} km by car), twice the width on "
        "20 m cells, and so on up to {walk_max} m on foot, {bike_max} m by bike, {car_max} m by car (for a 50 m "
        "width): the time to draw follows the size of the map, not the length of road. Finest, smooth: "
        "the reached roads widened by the width above with round joins, whatever the reach (slow for long "
        "drives). Finest grid: 10 m cells and the width above whatever the reach; edges follow the grid and lie "
        "on average about 40 m from the roads for a 50 m width. Each keeps every point within its width of a "
        "road reached in time."
    ).format(
        smooth_walk=f"{SMOOTH_REACH_M[WALK] / 1000:g}", smooth_bike=f"{SMOOTH_REACH_M[BIKE] / 1000:g}",
        **{mode: f"{FINE_REACH_M[mode] / 1000:g}" for mode in (WALK, BIKE, CAR)},
        **{f"{mode}_max": f"{DEFAULT_BUFFER_M * 2 ** MAX_LEVEL[mode]:g}" for mode in (WALK, BIKE, CAR)},
    ))
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)
    param = QgsProcessingParameterBoolean(
        FILL_HOLES, tr("Fill small holes (blocks surrounded by reached roads)"), defaultValue=True
    )
    param.setHelp(tr(
        "Fill a hole of a polygon only when every point of it lies within 50 m of a reached road (width minus the "
        "buffer), so city blocks count but parks, fields and rivers do not."
    ))
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)


def add_population_parameters(alg, optional=True):
    param = QgsProcessingParameterFeatureSource(POPULATION, tr("Population grid"), [SOURCE_POLYGON], optional=optional)
    param.setHelp(tr(
        "Polygons with a population count, spread evenly over each polygon: by default the INSEE Filosofi 200 m "
        "grid (field 'ind'). A polygon covering 30 % of a cell counts 30 % of its population."
    ))
    alg.addParameter(param)
    param = QgsProcessingParameterField(
        POPULATION_FIELD, tr("Population field"), defaultValue="ind", parentLayerParameterName=POPULATION,
        type=QgsProcessingParameterField.DataType.Numeric, optional=True,
    )
    param.setHelp(tr("Count of people per polygon ('ind' in INSEE Filosofi)."))
    alg.addParameter(param)


class NetworkSettings:
    """The network parameters read once."""

    def __init__(self, alg, parameters, context):
        self.schema_choice = SCHEMA_CHOICES[alg.parameterAsEnum(parameters, SCHEMA, context)]
        self.mode = MODE_CHOICES[alg.parameterAsEnum(parameters, MODE, context)]
        speed = parameters.get(SPEED_KMH)
        self.speed_kmh = alg.parameterAsDouble(parameters, SPEED_KMH, context) if speed not in (None, "") else None
        fields = parameter_as_fields(alg, parameters, SPEED_FIELD, context)
        self.speed_field = fields[0] if fields else None
        tolerance = alg.parameterAsDouble(parameters, TOLERANCE, context)
        self.tolerance = tolerance if tolerance > 0 else DEFAULT_TOLERANCE_M[self.mode]
        self.snap = alg.parameterAsDouble(parameters, SNAP_TOLERANCE, context)
        self.buffer = min(MAX_DISTANCE_M, alg.parameterAsDouble(parameters, BUFFER, context))
        self.fill_holes = alg.parameterAsBoolean(parameters, FILL_HOLES, context)
        self.outline = OUTLINE_CHOICES[alg.parameterAsEnum(parameters, OUTLINE, context)]


def draw_catchments(graph, attachment, budgets, settings, feedback):
    """(polygons (sites, bands), per site the farthest a point of its polygons may lie from a road reached
    in time: NaN for a site not tied) drawn as the settings say; tells the user how. Raises ``Canceled``."""
    from ..core.network.isochrone import catchments  # shapely: imported only when an algorithm runs

    drawings = []
    polygons = catchments(
        graph, attachment, budgets, buffer_m=settings.buffer, fill_holes=settings.fill_holes,
        progress=core_progress(feedback), outline=settings.outline, drawings=drawings,
    )
    max_distance = np.array([d.max_distance(settings.fill_holes) if d is not None else np.nan for d in drawings])
    counts = {}
    for d in drawings:
        if d is not None:
            counts[d] = counts.get(d, 0) + 1
    for d in sorted(counts, key=lambda d: (d.outline, d.level)):
        if d.outline == OUTLINE_BUFFER:
            feedback.pushInfo(tr("{n} sites: polygons drawn as smooth buffers {width} m around the reached roads.")
                              .format(n=counts[d], width=f"{d.width_m:g}"))
        else:
            feedback.pushInfo(tr(
                "{n} sites: polygons drawn on a {cell} m grid, no point farther than {distance} m from a road "
                "reached in time."
            ).format(n=counts[d], cell=f"{d.cell_m:.3g}", distance=f"{d.max_distance(settings.fill_holes):g}"))
    return polygons, max_distance


# --- CRS ---------------------------------------------------------------------------------------


def _metric_projected(crs) -> bool:
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DISTANCE_METERS


def analysis_crs(network_source, sites_crs, context, feedback):
    """The network's CRS when it is projected in metres, otherwise the sites' one, Lambert-93 in
    metropolitan France, or the UTM zone of the network's centre (and say so)."""
    crs = network_source.sourceCrs()
    if _metric_projected(crs):
        return crs
    if sites_crs is not None and _metric_projected(sites_crs):
        chosen = sites_crs
    else:
        extent = network_source.sourceExtent()
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        try:
            transform = QgsCoordinateTransform(crs, wgs84, context.transformContext())
            centre = transform.transformBoundingBox(extent).center()
            lon, lat = centre.x(), centre.y()
        except Exception:  # an invalid CRS: fall back to Lambert-93
            lon, lat = 2.5, 46.5
        if -5.5 <= lon <= 10.0 and 41.0 <= lat <= 51.5:
            chosen = QgsCoordinateReferenceSystem("EPSG:2154")
        else:
            zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
            chosen = QgsCoordinateReferenceSystem(f"EPSG:{(32600 if lat >= 0 else 32700) + zone}")
    feedback.pushInfo(tr("The network's CRS ({crs}) is not projected in metres: the analysis runs in {chosen}.").format(
        crs=crs.authid() or crs.description(), chosen=chosen.authid()
    ))
    return chosen


# --- reading -------------------------------------------------------------------------------------


def to_qgs(geometry):
    import shapely

    out = QgsGeometry()
    if geometry is not None and not geometry.is_empty:
        out.fromWkb(shapely.to_wkb(geometry))
    return out


def transform_shapely(geoms, source_crs, dest_crs, context):
    """Reproject an array of shapely geometries with QGIS's transform."""
    import shapely

    if source_crs == dest_crs:
        return geoms
    transform = QgsCoordinateTransform(source_crs, dest_crs, context.transformContext())
    out = np.empty(len(geoms), dtype=object)
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            continue
        qgs = to_qgs(geom)
        qgs.transform(transform)
        out[i] = shapely.from_wkb(bytes(qgs.asWkb()))
    return out


def _read_polygons(alg, parameters, name, source, crs, field, context, feedback, progress):
    """(shapely polygons in ``crs``, values of ``field``) of a polygon layer: with GDAL when the file is
    already in ``crs`` and every polygon is valid (QGIS applies the context's invalid-geometry setting to the
    others), else through QGIS."""
    import shapely

    plan = ogr_read.ogr_plan(alg, parameters, name, context) if ogr_read.USE_GDAL else None
    if plan is not None and plan.crs == crs:
        try:
            geoms, values = [], []
            for batch in ogr_read.ogr_batches(plan, [field], feedback, ogr_read.USE_ARROW):
                wkb = batch.wkb
                if isinstance(wkb, np.ndarray) and wkb.dtype.kind == "V":
                    wkb = [bytes(w) for w in wkb]
                geoms.append(shapely.from_wkb(np.asarray(wkb, dtype=object), on_invalid="ignore"))
                column = batch.columns[field]
                values.append(np.ma.filled(np.ma.asarray(column, dtype=float), np.nan)
                              if not isinstance(column, list) else np.array([_to_float(v) for v in column]))
            geoms = np.concatenate(geoms) if geoms else np.zeros(0, dtype=object)
            values = np.concatenate(values) if values else np.zeros(0)
            valid = shapely.is_valid(geoms[shapely.is_geometry(geoms)]).all()
            if (plan.expected < 0 or len(geoms) == plan.expected) and valid:
                return geoms, values
        except (LookupError, RuntimeError, ValueError):
            pass
    geoms, values = [], []
    for batch in ogr_read.qgis_batches(source, crs, context, [field], feedback, progress=progress):
        geoms.append(shapely.from_wkb(np.array([w or None for w in batch.wkb], dtype=object), on_invalid="ignore"))
        values.append(np.array([_to_float(v) for v in batch.columns[field]], dtype=float))
    return (np.concatenate(geoms) if geoms else np.zeros(0, dtype=object),
            np.concatenate(values) if values else np.zeros(0))


def read_population(alg, parameters, context, feedback, analysis):
    """(CellIndex, CRS of the cells) or None when no population layer was given. Raises ``Canceled``.

    The cells are read in their own CRS when it is projected: the INSEE grid is a regular grid in
    EPSG:3035 and the exact fast method needs it unprojected (catchments are reprojected instead).
    """
    from ..core.network.population import CellIndex

    source = alg.parameterAsSource(parameters, POPULATION, context)
    if source is None:
        return None
    fields = parameter_as_fields(alg, parameters, POPULATION_FIELD, context)
    names = source.fields().names()
    field = fields[0] if fields else ("ind" if "ind" in names else None)
    if field is None or field not in names:
        raise QgsProcessingException(tr(
            "The population layer has no field '{field}': choose the field holding the number of people."
        ).format(field=field or "ind"))
    own = source.sourceCrs()
    cells_crs = own if _metric_projected(own) else analysis
    progress = core_progress(feedback).part(0.0, 0.5)
    geoms, values = _read_polygons(alg, parameters, POPULATION, source, cells_crs, field, context, feedback,
                                   progress.set)
    index = CellIndex(geoms, values)
    if not index.is_grid and cells_crs != analysis:
        geoms, values = _read_polygons(alg, parameters, POPULATION, source, analysis, field, context, feedback,
                                       progress.set)
        index = CellIndex(geoms, values)
        cells_crs = analysis
    feedback.pushInfo(tr("Population: {n} polygons, {total} people in field '{field}'{grid}.").format(
        n=len(index.values), total=round(index.total), field=field,
        grid=tr(" (regular grid: exact fast method)") if index.is_grid else "",
    ))
    return index, cells_crs


def _to_float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


# --- messages ------------------------------------------------------------------------------------


def site_status_text(status: str, distance: float, tolerance: float) -> str:
    if status == TIED:
        return tr("connected ({distance} m from the road)").format(distance=round(float(distance)))
    if status == NOT_CONNECTED:
        if not np.isfinite(distance):
            return tr("not connected: no road usable in this mode")
        return tr("not connected: {distance} m from the nearest road").format(distance=round(float(distance)))
    if status == NO_GEOMETRY:
        return tr("not connected: no geometry")
    return status


def network_error_message(error: NetworkError) -> str:
    messages = {
        "no_lines": tr("The road network has no line geometry."),
        "unknown_mode": tr("Unknown travel mode '{mode}'."),
        "unknown_schema": tr("Unknown network schema '{schema}'."),
    }
    template = messages.get(error.code)
    if template is None:
        return str(error)
    return template.format(**error.params)


def parse_times(text: str):
    """Minutes from '5,10,15' (also ';' or spaces), increasing; None when invalid."""
    values = []
    for piece in str(text or "").replace(";", ",").replace(" ", ",").split(","):
        if not piece.strip():
            continue
        try:
            value = float(piece.strip())
        except ValueError:
            return None
        if not value > 0 or value > 24 * 60:
            return None
        values.append(value)
    return sorted(set(values)) or None


def minutes_label(minutes: float) -> str:
    """'10' for 10.0, '7_5' for 7.5 (for field names such as pop_7_5min)."""
    text = f"{minutes:g}"
    return text.replace(".", "_")


def speed_summary(rules, mode, speed_kmh):
    counts = rules.speed_source_counts
    if speed_kmh:
        return tr("speed {speed} km/h everywhere").format(speed=speed_kmh)
    if mode != CAR:
        return tr("speed {speed} km/h").format(speed=DEFAULT_SPEED_KMH[mode])
    return tr("car speed from the speed field on {field} lines, from the road class on {table}").format(
        field=counts.get("field", 0), table=counts.get("table", 0)
    )


# --- sites ----------------------------------------------------------------------------------------


def read_sites(source, crs, context, id_field=None, name_field=None):
    """Sites in ``crs``: (features, shapely geometries, site ids, names).

    The site id is ``id_field``'s value, or the feature id when the field is missing or empty; the name
    (for messages) is ``name_field``'s value, else the first of site_nom, nom, name, else the site id.
    """
    import shapely

    names = source.fields().names()
    id_field = id_field if id_field in names else None
    if name_field not in names:
        name_field = next((n for n in ("site_nom", "nom", "name", "NOM", "Name") if n in names), None)
    request = QgsFeatureRequest()
    if crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    features, wkbs, ids, labels = [], [], [], []
    for feature in source.getFeatures(request):
        features.append(feature)
        wkbs.append(ogr_read.wkb_of(feature.geometry()))
        value = feature[id_field] if id_field else None
        if value is None or (hasattr(value, "isNull") and value.isNull()) or str(value) == "":
            value = feature.id()
        ids.append(str(value))
        label = feature[name_field] if name_field else None
        if label is None or (hasattr(label, "isNull") and label.isNull()) or str(label) == "":
            label = value
        labels.append(str(label))
    geoms = np.empty(len(wkbs), dtype=object)
    present = np.array([w is not None for w in wkbs], dtype=bool)
    if present.any():
        geoms[present] = shapely.from_wkb([w for w in wkbs if w is not None], on_invalid="ignore")
    return features, geoms, ids, labels


def warn_not_connected(feedback, attachment, labels, settings, what):
    """One warning per site that could not be tied to the network, or only to a small isolated piece of
    it; returns how many sites are not connected."""
    count = 0
    for i, status in enumerate(attachment.status):
        if status == TIED:
            if attachment.isolated is not None and attachment.isolated[i]:
                feedback.pushWarning(tr(
                    "{what} '{name}' is tied to a small piece of network cut off from the rest (no larger piece "
                    "within {tolerance} m): its catchment is small; check the network around it."
                ).format(what=what, name=labels[i], tolerance=round(settings.tolerance)))
            continue
        count += 1
        feedback.pushWarning(tr("{what} '{name}' is {status} (tolerance {tolerance} m, {mode}): no catchment.").format(
            what=what, name=labels[i], status=site_status_text(status, attachment.distance[i], settings.tolerance),
            tolerance=round(settings.tolerance), mode=mode_label(settings.mode),
        ))
    return count


def report_writing(feedback, done: int, total: int) -> None:
    """Progress of an output being written (every hundredth of it)."""
    if total > 0 and done % max(1, total // 100) == 0:
        feedback.setProgress(100.0 * done / total)


