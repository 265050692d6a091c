"""A GeoPackage written by ``friches:prepare_territory`` read back as the inputs of ``friches:full_analysis``.

Why: the prepared territory is the single input a planner gives the full analysis; every layer is found by
its name (``core/territory``), empty layers count as missing (their step is skipped, as for a layer not
given), and the clipped GTFS feed kept in the ``gtfs_feed`` table is written back to a zip for the run.
"""

from __future__ import annotations

import os
from typing import Dict, List, Tuple

from qgis.core import QgsProcessingException

from ..core import territory as names
from ..translation import tr


def layer_counts(path: str) -> Dict[str, int]:
    """Feature count of every table of a GeoPackage."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    if dataset is None:
        raise QgsProcessingException(tr("{path} is not a GeoPackage GDAL can open.").format(path=path))
    counts = {}
    for i in range(dataset.GetLayerCount()):
        layer = dataset.GetLayer(i)
        counts[layer.GetName()] = layer.GetFeatureCount()
    return counts


def extract_gtfs(path: str, folder: str) -> str:
    """The zip kept in the ``gtfs_feed`` table, written to ``folder``; '' when there is none."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(names.GTFS) if dataset is not None else None
    if layer is None:
        return ""
    feature = layer.GetNextFeature()
    if feature is None:
        return ""
    data = feature.GetFieldAsBinary("zip")
    if not data:
        return ""
    out = os.path.join(folder, "gtfs_prepared.zip")
    with open(out, "wb") as fh:
        fh.write(bytes(data))
    return out


def prepared_inputs(path: str, folder: str) -> Tuple[Dict[str, object], List[str]]:
    """({full_analysis parameter: value}, [names of the layers used]) of a prepared GeoPackage."""
    counts = layer_counts(path)

    def uri(table):
        return f"{path}|layername={table}"

    def present(table):
        return counts.get(table, 0) > 0

    params: Dict[str, object] = {}
    used: List[str] = []
    for param, table in (("INVENTORY", names.FRICHES), ("INVENTORY_POLYGONS", names.FRICHES_POLYGONS),
                         ("NETWORK", names.ROADS), ("POPULATION", names.POPULATION), ("PLACES", names.PLACES),
                         ("SERVICES", names.SERVICES), ("TERRITORY", names.COMMUNES)):
        if present(table):
            params[param] = uri(table)
            used.append(table)
    zones = next((t for t in names.ZONES if present(t)), None)
    if zones:
        params["ZONES"] = uri(zones)
        used.append(zones)
    prescriptions = [t for t in names.PRESCRIPTIONS if present(t)]
    if prescriptions:
        params["PRESCRIPTIONS"] = [uri(t) for t in prescriptions]
        used.extend(prescriptions)
    gtfs = extract_gtfs(path, folder) if present(names.GTFS) else ""
    if gtfs:
        params["GTFS"] = gtfs
        used.append(names.GTFS)
    return params, used
