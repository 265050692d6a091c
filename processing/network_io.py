"""What the catchment algorithms share: network parameters, reading layers into shapely arrays, messages.

Why a module of its own: ``catchment`` and ``coverage_gaps`` take the same network settings (schema,
mode, speed, tolerances, buffer) and read networks, sites and population grids the same way; the core
(``core/network``) only sees shapely geometries in one projected CRS, and returns codes that are turned
into translated messages here.
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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..compat import (
    DISTANCE_METERS,
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    SKIP_GEOMETRY_CHECKS,
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
from ..core.network.graph import BDTOPO, BIKE, CAR, DEFAULT_SPEED_KMH, GENERIC, OSM, WALK, detect_schema, schema_fields
from ..translation import tr
from .base import show_decimals

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
        "in filled holes (see below); never more than 50 m."
    ))
    show_decimals(param, 0)
    param.setFlags(param.flags() | FLAG_ADVANCED)
    alg.addParameter(param)
    param = QgsProcessingParameterEnum(
        OUTLINE, tr("Outline of the polygons"),
        options=[tr("Automatic (grid for dense or far-reaching roads)"), tr("Smooth (buffer around the roads)"),
                 tr("Fast (10 m grid)")],
        defaultValue=0,
    )
    param.setHelp(tr(
        "Smooth: the reached roads widened by the width above, with round joins. Fast: the same reach drawn on a "
        "10 m grid, several times faster where roads crowd (sidewalks mapped beside every street, a whole town "
        "reached by car); edges follow the grid and lie on average about 40 m from the roads for a 50 m width. "
        "Both keep every point within the width of a road reached in time. Automatic: the grid when most of the "
        "first sites' reached roads crowd, or when they reach more than 200 km of roads each (by car or bike), "
        "the same outline for every polygon of a run."
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
    """``catchments`` with the settings, saying which outline was drawn; an automatic choice is kept for
    the run's later calls. Raises ``Canceled``."""
    from ..core.network.isochrone import catchments  # shapely: imported only when an algorithm runs

    chosen = []
    polygons = catchments(
        graph, attachment, budgets, buffer_m=settings.buffer, fill_holes=settings.fill_holes,
        progress=core_progress(feedback), outline=settings.outline, chosen=chosen,
    )
    outline = chosen[0] if chosen else settings.outline
    settings.outline = outline  # later calls of the same run draw the same way
    if outline == OUTLINE_GRID:
        feedback.pushInfo(tr("Polygons drawn on a 10 m grid (dense or far-reaching roads, or asked for)."))
    elif chosen:
        feedback.pushInfo(tr("Polygons drawn as buffers around the reached roads."))
    return polygons


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


def _wkb(geometry):
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return bytes(geometry.asWkb())


def read_features(source, crs, context, feedback=None, attributes=None, progress_from=0.0, progress_to=100.0,
                  check_validity=True):
    """(feature ids, shapely geometries in ``crs`` (None when missing), attribute dict name → list).

    ``check_validity=False`` for networks: a self-crossing or degenerate line is still a usable road, so the
    context's invalid-geometry setting (made for polygons) does not apply.
    """
    import shapely

    request = QgsFeatureRequest()
    names = source.fields().names()
    wanted = [n for n in (attributes or []) if n in names]
    request.setSubsetOfAttributes([names.index(n) for n in wanted])
    if crs is not None and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    total = source.featureCount()
    step = max(1, total // 50) if total and total > 0 else 5000
    ids, wkbs = [], []
    columns = {n: [] for n in wanted}
    positions = [(columns[n], names.index(n)) for n in wanted]
    curved = QgsWkbTypes.isCurvedType(source.wkbType())
    if check_validity:
        iterator = source.getFeatures(request)
    else:
        iterator = source.getFeatures(request, SKIP_GEOMETRY_CHECKS)
    for i, feature in enumerate(iterator):
        if feedback is not None and i % step == 0:
            if feedback.isCanceled():
                return None
            if total and total > 0:
                feedback.setProgress(progress_from + (progress_to - progress_from) * i / total)
        ids.append(feature.id())
        wkbs.append(_wkb(feature.geometry()) if curved else feature.geometry().asWkb().data())
        if positions:
            attrs = feature.attributes()
            for column, pos in positions:
                value = attrs[pos]
                column.append(None if isinstance(value, QVariant) else value)  # NULL stays a QVariant
    geoms = np.empty(len(wkbs), dtype=object)
    if wkbs:
        present = np.array([bool(w) for w in wkbs], dtype=bool)
        if present.any():
            geoms[present] = shapely.from_wkb([w for w in wkbs if w], on_invalid="ignore")
    return ids, geoms, columns


def read_file_directly(alg, parameters, name, context, crs, wanted, feedback=None):
    """(geometries, attribute dict) read straight from the file with GDAL's Arrow interface, or None.

    Why: reading a département's road network feature by feature through PyQGIS takes seconds (about
    3 s for 300,000 lines), reading the same file as Arrow batches a few tenths of a second. Only for a
    plain GDAL/OGR layer read whole, already in ``crs``, without filter, selection, subset string,
    unsaved edits, curves or several geometry columns; anything else returns None and is read by QGIS.
    """
    try:
        from osgeo import gdal, ogr
        from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry
    except ImportError:
        return None
    try:
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", "")
        ):
            return None
        layer = alg.parameterAsVectorLayer(parameters, name, context)
        if (layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isModified()
                or layer.crs() != crs):
            return None
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        dataset = gdal.OpenEx(parts.get("path", ""), gdal.OF_VECTOR | gdal.OF_READONLY)
        if dataset is None:
            return None
        if parts.get("layerName"):
            ogr_layer = dataset.GetLayerByName(parts["layerName"])
        else:
            ogr_layer = dataset.GetLayer(int(parts.get("layerId") or 0))
        if ogr_layer is None or not hasattr(ogr_layer, "GetArrowStreamAsNumPy"):
            return None
        definition = ogr_layer.GetLayerDefn()
        if definition.GetGeomFieldCount() != 1 or ogr.GT_IsNonLinear(ogr_layer.GetGeomType()):
            return None
        if ogr_layer.GetFeatureCount() != layer.featureCount():
            return None
        fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        if any(w not in fields for w in wanted):
            return None
        ogr_layer.SetIgnoredFields([f for f in fields if f not in wanted])
        geometry_name = ogr_layer.GetGeometryColumn() or "wkb_geometry"
        stream = ogr_layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO", "MAX_FEATURES_IN_BATCH=65536"])
        if stream is None:
            return None
        geoms, columns = [], {w: [] for w in wanted}
        for batch in stream:
            if feedback is not None and feedback.isCanceled():
                return None
            if geometry_name not in batch:
                return None
            geoms.append(_geometries_from_batch(batch[geometry_name]))
            for w in wanted:
                columns[w].extend(_values_from_batch(batch[w]))
        ogr_layer.SetIgnoredFields([])
        geometries = np.concatenate(geoms) if geoms else np.empty(0, dtype=object)
        return geometries, columns
    except Exception:  # any surprise from the driver: QGIS reads the layer instead
        return None


def _geometries_from_batch(array):
    import shapely

    if isinstance(array, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(array)
        array = np.array([None if m else bytes(v) for v, m in zip(array.data, mask)], dtype=object)
    return shapely.from_wkb(array, on_invalid="ignore")


def _values_from_batch(array):
    mask = np.ma.getmaskarray(array) if isinstance(array, np.ma.MaskedArray) else None
    data = array.data if isinstance(array, np.ma.MaskedArray) else array
    if data.dtype.kind == "S":
        values = [v.decode("utf-8", "replace") for v in data.tolist()]
    else:
        values = data.tolist()
    if mask is not None:
        values = [None if m else v for v, m in zip(values, mask.tolist())]
    return values


def read_network(source, crs, settings, context, feedback, direct=None):
    """(geometries, attributes, schema) of the network, in ``crs``.

    ``direct``: (algorithm, parameters, parameter name) to try reading the file directly first.
    """
    names = source.fields().names()
    schema = settings.schema_choice or detect_schema(names)
    wanted = schema_fields(schema, names)
    if settings.speed_field:
        wanted.append(settings.speed_field)
    if direct is not None:
        fast = read_file_directly(*direct, context, crs, wanted, feedback)
        if fast is not None:
            return fast[0], fast[1], schema
    read = read_features(source, crs, context, feedback, wanted, check_validity=False)
    if read is None:
        return None
    _ids, geoms, columns = read
    return geoms, columns, schema


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


def read_population(alg, parameters, context, feedback, analysis, progress_from, progress_to):
    """(CellIndex, CRS of the cells) or None when no population layer was given.

    The cells are read in their own CRS when it is projected: the INSEE grid is a regular grid in
    EPSG:3035 and the exact fast method needs it unprojected (catchments are reprojected instead).
    """
    import shapely

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
    fast = read_file_directly(alg, parameters, POPULATION, context, cells_crs, [field], feedback)
    if fast is not None and not shapely.is_valid(fast[0][shapely.is_geometry(fast[0])]).all():
        fast = None  # invalid polygons: let QGIS apply the context's invalid-geometry setting
    if fast is not None:
        geoms, columns = fast
    else:
        read = read_features(source, cells_crs, context, feedback, [field], progress_from, progress_to)
        if read is None:
            return None
        _ids, geoms, columns = read
    values = np.array([_to_float(v) for v in columns[field]], dtype=float)
    index = CellIndex(geoms, values)
    if not index.is_grid and cells_crs != analysis:
        read = read_features(source, analysis, context, feedback, [field], progress_from, progress_to)
        if read is None:
            return None
        _ids, geoms, columns = read
        values = np.array([_to_float(v) for v in columns[field]], dtype=float)
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


# --- graph and sites ---------------------------------------------------------------------------


def build_graph(network_source, crs, settings, context, feedback, direct=None):
    """Read the network and build the mode's graph; None when canceled."""
    from ..core.network.graph import Graph, build_network, mode_rules

    read = read_network(network_source, crs, settings, context, feedback, direct)
    if read is None:
        return None
    geoms, columns, schema = read
    schema_names = {OSM: "OpenStreetMap", BDTOPO: "BD TOPO", GENERIC: tr("generic")}
    try:
        network = build_network(geoms, tolerance=settings.snap)
        rules = mode_rules(columns, len(geoms), schema, settings.mode, settings.speed_kmh, settings.speed_field)
    except NetworkError as error:
        raise QgsProcessingException(network_error_message(error)) from error
    if rules.n_open == 0:
        raise QgsProcessingException(tr(
            "No line of the network '{layer}' can be used {mode} with the {schema} schema: "
            "check the schema and the mode."
        ).format(layer=network_source.sourceName(), mode=mode_label(settings.mode), schema=schema_names[schema]))
    graph = Graph(network, rules)
    feedback.pushInfo(tr(
        "Network ({schema} schema): {lines} lines, {open} usable {mode}; {nodes} nodes, {segments} segments; "
        "{snapped} line ends snapped; {speed}."
    ).format(
        schema=schema_names[schema], lines=len(geoms), open=rules.n_open, mode=mode_label(settings.mode),
        nodes=network.n_nodes, segments=network.n_segments, snapped=network.n_snapped,
        speed=speed_summary(rules, settings.mode, settings.speed_kmh),
    ))
    return graph


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
        wkbs.append(_wkb(feature.geometry()))
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


def core_progress(feedback):
    """A core Progress reporting to a (multi-step) feedback."""
    from ..core.progress import Progress

    return Progress(lambda f: feedback.setProgress(100.0 * f), feedback.isCanceled)
