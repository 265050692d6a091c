"""What ``score_candidates`` and ``select_sites`` share: reading layers into plain values and shapely
geometries, joining by ``site_id``, choosing a CRS in metres.

Why a module of its own: both algorithms read optional layers whose fields come in any case, join them
on a site identifier that may be text or a number, and measure in metres; the core (``core/scoring``)
only sees dicts and shapely geometries.
"""

from __future__ import annotations

import math
import re
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsWkbTypes,
)

from ..compat import DISTANCE_METERS
from ..core.cnig_friches import fold
from ..translation import tr
from .inventory_store import py_value

#: Fields tried, in order, for the name of a place, a service, a school, a town hall or a QPV.
NAME_CANDIDATES = ("site_nom", "name", "nom", "libelle", "nom_qp", "lib_qp", "nom_tl", "nomrs", "label", "code_qp")
#: Largest number of identifiers quoted in a warning.
MAX_QUOTED = 8


def site_key(value) -> Optional[str]:
    """A join key from an identifier: text stripped, ``12.0`` read as ``12``; None when empty."""
    value = py_value(value)
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    text = str(value).strip()
    return text or None


def find_field(names: Sequence[str], *wanted: str) -> Optional[str]:
    """The first of ``wanted`` among ``names``, case and accents ignored (the layer's own spelling)."""
    folded = {}
    for name in names:
        folded.setdefault(fold(name), name)
    for name in wanted:
        if name and fold(name) in folded:
            return folded[fold(name)]
    return None


def quote_list(items: Sequence[str]) -> str:
    shown = ", ".join(str(i) for i in list(items)[:MAX_QUOTED])
    return shown + ("…" if len(items) > MAX_QUOTED else "")


def metric_crs(crs, extent, context) -> QgsCoordinateReferenceSystem:
    """``crs`` when it is projected in metres; otherwise Lambert-93 in metropolitan France, or the UTM zone
    of the extent's centre."""
    if crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DISTANCE_METERS:
        return crs
    try:
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        centre = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(extent).center()
        lon, lat = centre.x(), centre.y()
    except Exception:  # an invalid CRS or extent: Lambert-93
        lon, lat = 2.5, 46.5
    if not (math.isfinite(lon) and math.isfinite(lat)) or (-5.5 <= lon <= 10.0 and 41.0 <= lat <= 51.5):
        return QgsCoordinateReferenceSystem("EPSG:2154")
    zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if lat >= 0 else 32700) + zone}")


def to_shapely(geometry):
    import shapely  # here, not at import: the plugin loads (and explains) without shapely

    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    try:
        geom = shapely.from_wkb(bytes(geometry.asWkb()), on_invalid="ignore")
    except Exception:  # an unreadable geometry counts as missing
        return None
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return geom


class Table:
    """The features of a layer: ids, shapely geometries (in ``crs`` when given) and attributes by name."""

    def __init__(self, fids, geoms, rows, names):
        self.fids = fids
        self.geoms = geoms
        self.rows = rows  # list of {field name: python value}
        self.names = names

    def __len__(self):
        return len(self.rows)

    def column(self, name: Optional[str]) -> Optional[list]:
        if not name:
            return None
        return [row.get(name) for row in self.rows]


def read_table(source, context, crs=None, fields: Optional[Sequence[str]] = None, geometry: bool = True,
               feedback=None) -> Optional[Table]:
    """Read ``source`` (a QgsProcessingFeatureSource); None when canceled. Invalid geometries are read
    as they are (no validity check: a bow-tie QPV is still a QPV) and repaired by shapely."""
    from ..compat import SKIP_GEOMETRY_CHECKS

    names = source.fields().names()
    wanted = names if fields is None else [n for n in fields if n in names]
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([names.index(n) for n in wanted])
    if not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    elif crs is not None and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    positions = [(n, names.index(n)) for n in wanted]
    fids, geoms, rows = [], [], []
    for i, feature in enumerate(source.getFeatures(request, SKIP_GEOMETRY_CHECKS)):
        if feedback is not None and i % 500 == 0 and feedback.isCanceled():
            return None
        attrs = feature.attributes()
        fids.append(feature.id())
        geoms.append(to_shapely(feature.geometry()) if geometry else None)
        rows.append({name: py_value(attrs[pos]) for name, pos in positions})
    return Table(fids, geoms, rows, wanted)


def index_by_id(table: Table, id_field: Optional[str]) -> Dict[str, dict]:
    """``{site key: attributes}`` (the first feature wins when an identifier repeats)."""
    out = {}
    if not id_field:
        return out
    for row in table.rows:
        key = site_key(row.get(id_field))
        if key is not None and key not in out:
            out[key] = row
    return out


_MINUTES = re.compile(r"^(new_)?pop_(\d+(?:[._]\d+)?)min$", re.IGNORECASE)


def minutes_fields(names: Sequence[str], new: bool = False) -> Dict[float, str]:
    """``{minutes: field}`` of the ``pop_<m>min`` fields (``new_pop_<m>min`` when ``new``)."""
    out = {}
    for name in names:
        match = _MINUTES.match(name)
        if match and bool(match.group(1)) == new:
            out[float(match.group(2).replace("_", "."))] = name
    return out


def choose_minutes_field(names: Sequence[str], wanted: str, new: bool = False):
    """``(field, minutes, exact)``: ``wanted`` when the layer has it, else the ``pop_<m>min`` field whose
    minutes are closest to those of ``wanted`` (the longest when ``wanted`` has none); (None, None, False)
    when the layer has no such field."""
    fields = minutes_fields(names, new)
    found = find_field(names, wanted) if wanted else None
    if found is not None:
        for minutes, name in fields.items():
            if name == found:
                return found, minutes, True
        return found, None, True
    if not fields:
        return None, None, False
    match = _MINUTES.match(wanted or "")
    if match:
        target = float(match.group(2).replace("_", "."))
        minutes = min(fields, key=lambda m: (abs(m - target), -m))
    else:
        minutes = max(fields)
    return fields[minutes], minutes, False


def minutes_text(minutes: Optional[float]) -> Optional[str]:
    if minutes is None:
        return None
    return f"{minutes:g}\u00a0min"


def missing_ids_warning(layer_label: str, missing: List[str]) -> str:
    return tr("{n} site(s) not found by identifier in the {layer} layer (their criteria count as missing data): "
              "{ids}").format(n=len(missing), layer=layer_label, ids=quote_list(missing))
