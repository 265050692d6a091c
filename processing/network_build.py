"""The road network read and its graph built once per session: reading in bulk, building, the session cache.

Why a module of its own: ``catchment``, ``coverage_gaps`` and the full analysis all need the graph of a
network layer for a mode. Reading a département's roads and building the graph takes a second or two, so the
graph is kept in the session cache (``core/network/cache.py``) under a key made of everything it was made from:

- the layer's source (provider, file, layer name), its subset string and the selection read;
- the file's size and modification time (a GeoPackage's write-ahead log included): saving an edit, or any
  other program writing the file, changes them;
- the analysis CRS and the snapping tolerance; the schema and the attribute fields read; the mode and the
  speeds (a speed for every road, a speed field).

A layer with unsaved edits is read through QGIS (its edit buffer) and never cached; memory layers, databases
and web services are not cached either: their data can change without a file date to tell.
"""

from __future__ import annotations

import hashlib
import time

from qgis.core import QgsProcessingException

from ..core.network import NetworkError
from ..core.network.cache import GRAPHS
from ..core.network.rules import (
    BDTOPO,
    OSM,
    code_array,
    code_values,
    concat_coded,
    detect_schema,
    required_field,
    schema_fields,
)
from ..translation import tr
from . import ogr_read
from .network_io import core_progress, mode_label, network_error_message, speed_summary

SCHEMA_NAMES = {OSM: "OpenStreetMap", BDTOPO: "BD TOPO"}


def schema_name(schema: str) -> str:
    return SCHEMA_NAMES.get(schema) or tr("generic")


def read_lines(alg, parameters, name, source, crs, wanted, context, feedback, progress=None):
    """(``LineArrays`` in ``crs``, attribute columns as ``CodedColumn``, how it was read: "gdal-arrow", "gdal"
    or "qgis") of parameter ``name``'s line layer; see ``ogr_read`` for which way. Raises ``Canceled``."""
    from ..core.network import lines as core_lines

    plan = ogr_read.ogr_plan(alg, parameters, name, context) if ogr_read.USE_GDAL else None
    report = progress or (lambda fraction: None)
    if plan is not None:
        parts, columns, read, arrow = [], {w: [] for w in wanted}, 0, False
        try:
            for batch in ogr_read.ogr_batches(plan, wanted, feedback, ogr_read.USE_ARROW):
                arrow = not isinstance(batch.wkb, list)
                parts.append(core_lines.from_wkb(batch.wkb))
                for w in wanted:
                    column = batch.columns[w]
                    columns[w].append(code_values(column) if isinstance(column, list) else code_array(column))
                read += batch.n
                if plan.expected > 0:
                    report(min(1.0, read / plan.expected))
            if plan.expected < 0 or read == plan.expected:
                lines = core_lines.concat(parts) if parts else core_lines.from_wkb([])
                if plan.crs != crs:
                    lines.xy = ogr_read.transform_xy(lines.xy, plan.crs, crs, context)
                columns = {w: concat_coded(c) if c else code_values([]) for w, c in columns.items()}
                return lines, columns, "gdal-arrow" if arrow else "gdal"
        except (LookupError, RuntimeError):  # the driver cannot do it as QGIS does: QGIS reads the layer
            pass
    parts, columns = [], {w: [] for w in wanted}
    for batch in ogr_read.qgis_batches(source, crs, context, wanted, feedback, check_validity=False,
                                       progress=report):
        parts.append(core_lines.from_wkb(batch.wkb))
        for w in wanted:
            columns[w].append(code_values(batch.columns[w]))
    lines = core_lines.concat(parts) if parts else core_lines.from_wkb([])
    return lines, {w: concat_coded(c) if c else code_values([]) for w, c in columns.items()}, "qgis"


def _source_key(alg, parameters, name, context, crs, settings, wanted):
    """The part of the cache key that says which lines were read, or None when the layer is not cached."""
    plan = ogr_read.ogr_plan(alg, parameters, name, context)
    if plan is None:
        return None
    stamp = ogr_read.file_stamp(plan.file)
    selection = None
    if plan.fids is not None:
        selection = hashlib.sha1(plan.fids.tobytes()).hexdigest()
    return ("ogr", plan.path, plan.layer_name, plan.layer_id, plan.subset, selection, stamp, crs.toWkt(),
            float(settings.snap), tuple(wanted))


def build_graph(alg, parameters, network_source, crs, settings, context, feedback):
    """The graph of parameter ``NETWORK``'s layer for the settings' mode: from the session cache when the same
    layer, unchanged, was built before, else read (``read_lines``) and built. Reports progress over the read
    (60 %) and the build; raises ``Canceled`` and ``QgsProcessingException`` (a missing field, no usable
    line)."""
    from ..core.network.graph import Graph, build_network
    from ..core.network.rules import mode_rules
    from .network_io import NETWORK

    names = network_source.fields().names()
    schema = settings.schema_choice or detect_schema(names)
    missing = required_field(schema, names)
    if missing:
        raise QgsProcessingException(tr(
            "The road network '{layer}' has no field '{field}', which the {schema} schema needs: choose the schema "
            "of the layer (or the generic one), or a layer with this field."
        ).format(layer=network_source.sourceName(), field=missing, schema=schema_name(schema)))
    wanted = schema_fields(schema, names)
    if settings.speed_field and settings.speed_field not in wanted:
        wanted.append(settings.speed_field)
    source_key = _source_key(alg, parameters, NETWORK, context, crs, settings, wanted)
    key = None if source_key is None else (source_key, schema, settings.mode, settings.speed_kmh, settings.speed_field)
    GRAPHS.trim()  # the graphs kept have grown during their runs (search lists, trees)
    if key is not None:
        graph = GRAPHS.get(key)
        if graph is not None:
            feedback.pushInfo(tr(
                "Road network '{layer}' taken from this session's cache (read for an earlier run, unchanged since)."
            ).format(layer=network_source.sourceName()))
            _describe(feedback, graph, schema, settings)
            return graph
    progress = core_progress(feedback)
    base = GRAPHS.find(lambda k: k[0] == source_key) if source_key is not None else None
    started = time.perf_counter()
    if base is not None:  # the same network, cached for another mode: only the rules change
        network = base.network
        feedback.pushInfo(tr("Road network '{layer}' taken from this session's cache (built for another mode).")
                          .format(layer=network_source.sourceName()))
    else:
        if hasattr(feedback, "setProgressText"):
            feedback.setProgressText(tr("Reading the road network…"))
        lines, columns, how = read_lines(alg, parameters, NETWORK, network_source, crs, wanted, context, feedback,
                                         progress.part(0.0, 0.6).set)
        feedback.pushInfo(tr("Road network read in {seconds} s ({how}).").format(
            seconds=f"{time.perf_counter() - started:.1f}",
            how={"gdal-arrow": tr("GDAL, in columns"), "gdal": tr("GDAL, feature by feature"),
                 "qgis": tr("QGIS, feature by feature")}[how],
        ))
        if hasattr(feedback, "setProgressText"):
            feedback.setProgressText(tr("Building the graph…"))
        try:
            network = build_network(lines, tolerance=settings.snap, progress=progress.part(0.6, 0.95))
        except NetworkError as error:
            raise QgsProcessingException(network_error_message(error)) from error
        network.attributes = columns
    progress.check()
    try:
        rules = mode_rules(network.attributes, network.n_features, schema, settings.mode, settings.speed_kmh,
                           settings.speed_field)
    except NetworkError as error:
        raise QgsProcessingException(network_error_message(error)) from error
    if rules.n_open == 0:
        raise QgsProcessingException(tr(
            "No line of the network '{layer}' can be used {mode} with the {schema} schema: "
            "check the schema and the mode."
        ).format(layer=network_source.sourceName(), mode=mode_label(settings.mode), schema=schema_name(schema)))
    graph = Graph(network, rules)
    progress.set(1.0)
    if key is not None:
        shared = network.nbytes + sum(c.nbytes for c in network.attributes.values())
        GRAPHS.put(key, graph, graph.nbytes, shared=[(network, shared)])
    _describe(feedback, graph, schema, settings)
    return graph


def _describe(feedback, graph, schema, settings):
    network, rules = graph.network, graph.rules
    feedback.pushInfo(tr(
        "Network ({schema} schema): {lines} lines, {open} usable {mode}; {nodes} nodes, {segments} segments; "
        "{snapped} line ends snapped; {speed}."
    ).format(
        schema=schema_name(schema), lines=network.n_features, open=rules.n_open, mode=mode_label(settings.mode),
        nodes=network.n_nodes, segments=network.n_segments, snapped=network.n_snapped,
        speed=speed_summary(rules, settings.mode, settings.speed_kmh),
    ))

