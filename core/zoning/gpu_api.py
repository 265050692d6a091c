"""The API Carto "module Urbanisme (GpU)" protocol: URLs, tiling, paging, responses.

Why pure: the network goes through QGIS (``processing/load_gpu.py`` uses QgsBlockingNetworkRequest so
that the user's proxy and authentication settings apply), but what to ask and how to read the answer
is plain logic, tested here without a network.

The service (APIC ``doc/gpu.yml``, OpenAPI 3.1, v2.10.2):
- ``GET {base}/{endpoint}?geom=<GeoJSON>&_limit=&_start=``, base ``https://apicarto.ign.fr/api/gpu``;
  endpoints ``zone-urba``, ``secteur-cc``, ``prescription-surf|lin|pct``, ``info-surf|lin|pct``,
  ``document``, ``municipality`` (which also takes ``insee``). ``geom`` is one GeoJSON Point, Polygon
  or MultiPolygon in WGS84 longitude / latitude, "with a reasonable number of points": we send
  rectangles, split into tiles of at most ``tile_deg`` degrees so that each answer stays small.
- Answers are GeoJSON FeatureCollections in WGS84 with ``totalFeatures`` (and ``numberMatched`` /
  ``numberReturned``); at most 5,000 features per request (``_limit``), the next ones with ``_start``.
  Paging stops when a page holds fewer features than asked, or when ``_start`` reaches the total.
- Errors: HTTP 400 ``{"code": 400, "message": {"geom": {"msg": …}}}`` for a bad parameter, 500 for an
  upstream problem. A parameter the service does not know is silently ignored and the *whole layer* is
  returned: this module only sends documented parameters (never ``insee`` to zone-urba: a commune is
  looked up with ``municipality?insee=`` and its bounding box queried).

Pure Python: no Qt, no QGIS.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence
from urllib.parse import quote, urlencode

from ..text import strip_tags

DEFAULT_BASE_URL = "https://apicarto.ign.fr/api/gpu"
#: The service's maximum page size.
MAX_LIMIT = 5000
#: Default tile size of extent queries (degrees, about 4 x 5.5 km in metropolitan France).
TILE_DEG = 0.05
#: Tiles never get smaller than this (degrees) so that a single point site still makes a polygon.
MIN_SPAN_DEG = 0.0005

#: Layers the plugin downloads: name in the GeoPackage → (endpoint, geometry kind).
LAYERS = {
    "zone_urba": ("zone-urba", "polygon"),
    "secteur_cc": ("secteur-cc", "polygon"),
    "prescription_surf": ("prescription-surf", "polygon"),
    "prescription_lin": ("prescription-lin", "line"),
    "prescription_pct": ("prescription-pct", "point"),
    "info_surf": ("info-surf", "polygon"),
    "info_lin": ("info-lin", "line"),
    "info_pct": ("info-pct", "point"),
}
LAYER_NAMES = tuple(LAYERS)

_COMMON = ("gid", "partition", "libelle")
_DOCUMENTED = {
    "zone-urba": ("gid", "partition", "libelle", "libelong", "typezone", "destdomi", "nomfic", "urlfic", "insee",
                  "datappro", "datvalid", "idurba"),
    "secteur-cc": ("gid", "partition", "libelle", "libelong", "typesect", "fermreco", "destdomi", "nomfic",
                   "urlfic", "insee", "datappro", "datvalid", "idurba"),
    "prescription": ("gid", "partition", "libelle", "txt", "typepsc", "stypepsc", "nomfic", "urlfic", "insee",
                     "datappro", "datvalid", "idurba"),
    "info": ("gid", "partition", "libelle", "txt", "typeinf", "stypeinf", "typep", "stypep", "nomfic", "urlfic",
             "insee", "datvalid", "idurba"),
}

# Error codes of GpuError (the adapter turns them into messages naming the URL and status).
BAD_REQUEST = "bad_request"
SERVER_ERROR = "server_error"
HTTP_ERROR = "http_error"
BAD_RESPONSE = "bad_response"
PAGING_IGNORED = "paging_ignored"
UNKNOWN_INSEE = "unknown_insee"
BAD_INSEE = "bad_insee"

#: Key of a parsed answer holding how many items of ``features`` were not features (``null``…).
SKIPPED_KEY = "_skipped_items"

_INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)


class GpuError(Exception):
    """A request failed or its answer cannot be read: ``code`` above, ``params`` (url, status, message)."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


# --------------------------------------------------------------------------------------------------
# Requests
# --------------------------------------------------------------------------------------------------


def documented_fields(endpoint: str) -> tuple:
    """Properties the API documents for an endpoint (the fields of an empty layer)."""
    if endpoint.startswith("prescription"):
        return _DOCUMENTED["prescription"]
    if endpoint.startswith("info"):
        return _DOCUMENTED["info"]
    return _DOCUMENTED.get(endpoint, _COMMON)


def check_insee(code: str) -> str:
    """The INSEE commune code, upper case (2A / 2B for Corsica); GpuError ``bad_insee`` otherwise."""
    text = (code or "").strip().upper()
    if not _INSEE_RE.match(text):
        raise GpuError(BAD_INSEE, value=code)
    return text


def endpoint_url(base_url: str, endpoint: str) -> str:
    return (base_url or DEFAULT_BASE_URL).rstrip("/") + "/" + endpoint.strip("/")


def bbox_polygon(bbox: Sequence[float], decimals: int = 6) -> dict:
    """A GeoJSON Polygon of a (minx, miny, maxx, maxy) rectangle, counter-clockwise, rounded."""
    minx, miny, maxx, maxy = (round(float(v), decimals) for v in bbox)
    return {"type": "Polygon",
            "coordinates": [[[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]]]}


def encode_geom(geom: dict) -> str:
    """Compact JSON of a GeoJSON geometry (the ``geom`` parameter before URL encoding)."""
    return json.dumps(geom, separators=(",", ":"))


def build_url(base_url: str, endpoint: str, geom: Optional[dict] = None, partition: Optional[str] = None,
              insee: Optional[str] = None, limit: Optional[int] = None, start: Optional[int] = None) -> str:
    """``{base}/{endpoint}?geom=…&_limit=…&_start=…`` with every value URL-encoded."""
    params = []
    if geom is not None:
        params.append(("geom", encode_geom(geom)))
    if partition:
        params.append(("partition", partition))
    if insee:
        params.append(("insee", insee))
    if limit is not None:
        params.append(("_limit", str(int(limit))))
    if start is not None:
        params.append(("_start", str(int(start))))
    url = endpoint_url(base_url, endpoint)
    return url + ("?" + urlencode(params, quote_via=quote, safe="") if params else "")


def expand_bbox(bbox: Sequence[float], margin: float, min_span: float = MIN_SPAN_DEG) -> tuple:
    """``bbox`` grown by ``margin`` on each side, and to at least ``min_span`` wide and high."""
    minx, miny, maxx, maxy = (float(v) for v in bbox)
    minx, miny, maxx, maxy = minx - margin, miny - margin, maxx + margin, maxy + margin
    if maxx - minx < min_span:
        cx = (minx + maxx) / 2
        minx, maxx = cx - min_span / 2, cx + min_span / 2
    if maxy - miny < min_span:
        cy = (miny + maxy) / 2
        miny, maxy = cy - min_span / 2, cy + min_span / 2
    return (minx, miny, maxx, maxy)


def union_bbox(bboxes: Iterable[Sequence[float]]) -> Optional[tuple]:
    boxes = list(bboxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def tiles(bboxes: Iterable[Sequence[float]], tile_deg: float = TILE_DEG, decimals: int = 6) -> list:
    """Rectangles of at most ``tile_deg`` degrees covering the given boxes: a grid over their union,
    keeping only the cells one of the boxes touches (sites far apart do not pull in the land between
    them), each cell clipped to the union. Rounded to ``decimals`` so that requests repeat exactly."""
    boxes = [tuple(float(v) for v in b) for b in bboxes]
    whole = union_bbox(boxes)
    if whole is None:
        return []
    tile_deg = float(tile_deg) if tile_deg and tile_deg > 0 else TILE_DEG
    minx, miny, maxx, maxy = whole
    nx = max(1, math.ceil((maxx - minx) / tile_deg - 1e-9))
    ny = max(1, math.ceil((maxy - miny) / tile_deg - 1e-9))
    out = []
    for iy in range(ny):
        y0 = miny + iy * tile_deg
        y1 = min(maxy, y0 + tile_deg)
        for ix in range(nx):
            x0 = minx + ix * tile_deg
            x1 = min(maxx, x0 + tile_deg)
            # cells are half-open [x0, x1) x [y0, y1) (closed on the last row / column), so that a box
            # ending exactly on a grid line does not pull in the next cell
            last_x, last_y = ix == nx - 1, iy == ny - 1
            if any((b[0] < x1 or (last_x and b[0] <= x1)) and b[2] >= x0
                   and (b[1] < y1 or (last_y and b[1] <= y1)) and b[3] >= y0 for b in boxes):
                out.append(tuple(round(v, decimals) for v in (x0, y0, x1, y1)))
    return out


def request_key(base_url: str, layer: str, query: str) -> str:
    """What identifies a download in the cache: service, layer and query (``insee=…`` or tiles)."""
    return f"{endpoint_url(base_url, LAYERS[layer][0])} {query}"


def tiles_query(tile_list: Sequence[Sequence[float]], tile_deg: float) -> str:
    """A short, stable description of a tiled extent query (for the cache)."""
    text = json.dumps([list(t) for t in tile_list], separators=(",", ":"))
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    whole = union_bbox(tile_list) or (0, 0, 0, 0)
    return "bbox={:.6f},{:.6f},{:.6f},{:.6f} tiles={} tile_deg={} #{}".format(
        *whole, len(tile_list), tile_deg, digest)


# --------------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------------


def _error_message(body: bytes) -> str:
    """The readable part of an error body: ``{"code":400,"message":{"geom":{"msg":"…"}}}``."""
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        text = body.decode("utf-8", errors="replace").strip()
        return strip_tags(text)[:300].strip()
    message = data.get("message", data) if isinstance(data, dict) else data
    if isinstance(message, dict):
        parts = []
        for key, value in message.items():
            if isinstance(value, dict):
                value = value.get("msg") or value.get("message") or json.dumps(value, ensure_ascii=False)
            parts.append(f"{key}: {value}")
        return "; ".join(parts)
    return str(message)[:300]


def parse_response(status: int, body: bytes, url: str = "") -> dict:
    """The FeatureCollection of an answer; GpuError for an HTTP error or an unreadable body."""
    status = int(status or 0)
    if status == 400:
        raise GpuError(BAD_REQUEST, url=url, status=status, message=_error_message(body))
    if status >= 500:
        raise GpuError(SERVER_ERROR, url=url, status=status, message=_error_message(body))
    if status >= 300 or (status and status < 200):
        raise GpuError(HTTP_ERROR, url=url, status=status, message=_error_message(body))
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise GpuError(BAD_RESPONSE, url=url, status=status, message=str(exc)[:200]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise GpuError(BAD_RESPONSE, url=url, status=status, message="no FeatureCollection")
    # a feature that is not an object (``null``, a number) cannot be read: it is counted, not kept
    features = data["features"]
    kept = [f for f in features if isinstance(f, dict)]
    data["features"] = kept
    data[SKIPPED_KEY] = len(features) - len(kept)
    return data


def total_features(collection: dict) -> Optional[int]:
    for key in ("totalFeatures", "numberMatched"):
        value = collection.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            return int(value)
    return None


def feature_key(feature: dict) -> str:
    """What makes a feature unique across pages and tiles: its ``gid`` (or ``id``), else a hash."""
    props = feature.get("properties") or {}
    for key in ("gid", "id"):
        value = props.get(key) if key in props else feature.get(key)
        if value not in (None, ""):
            return f"{key}:{value}"
    text = json.dumps([props, feature.get("geometry")], sort_keys=True, separators=(",", ":"))
    return "hash:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class PageReport:
    url: str
    start: int
    returned: int
    total: Optional[int]
    #: items of the page's ``features`` array that were not features (``null``…), left out
    skipped: int = 0


def fetch_all(fetch: Callable[[str], tuple], base_url: str, endpoint: str, geom: Optional[dict] = None,
              partition: Optional[str] = None, insee: Optional[str] = None, limit: int = MAX_LIMIT,
              on_page: Optional[Callable[[PageReport], None]] = None) -> list:
    """Every feature of one query, page after page.

    ``fetch(url)`` returns ``(http status, body bytes)``; each page asks ``_limit=limit`` (at most
    5,000) from ``_start``. Stops on a short page, at ``totalFeatures``, or on an empty page; a server
    that ignores ``_start`` (the same first feature again) raises ``paging_ignored`` instead of
    looping."""
    limit = max(1, min(int(limit or MAX_LIMIT), MAX_LIMIT))
    out = []
    start = 0
    first_key = None
    while True:
        url = build_url(base_url, endpoint, geom=geom, partition=partition, insee=insee, limit=limit, start=start)
        status, body = fetch(url)
        collection = parse_response(status, body, url)
        features = collection["features"]
        skipped = collection.get(SKIPPED_KEY, 0)
        returned = len(features) + skipped  # what the server sent, for the paging
        total = total_features(collection)
        if on_page is not None:
            on_page(PageReport(url, start, len(features), total, skipped))
        if features:
            key = feature_key(features[0])
            if start == 0:
                first_key = key
            elif key == first_key:
                raise GpuError(PAGING_IGNORED, url=url, status=status)
        out.extend(features)
        if returned < limit:
            break
        start += returned
        if total is not None and start >= total:
            break
    return out


def dedupe(features: Iterable[dict]) -> list:
    """Features without the repeats that overlapping tiles bring (first one kept)."""
    seen = set()
    out = []
    for feature in features:
        key = feature_key(feature)
        if key in seen:
            continue
        seen.add(key)
        out.append(feature)
    return out


def commune_bbox(collection: dict, insee: str) -> tuple:
    """(bbox, name, is_rnu) of a ``municipality?insee=`` answer; GpuError ``unknown_insee`` if empty."""
    features = collection.get("features") or []
    if not features:
        raise GpuError(UNKNOWN_INSEE, insee=insee)
    feature = features[0]
    props = feature.get("properties") or {}
    bbox = None
    geometry = feature.get("geometry")
    if geometry:
        from shapely.geometry import shape

        try:
            bbox = tuple(shape(geometry).bounds)
        except (ValueError, TypeError, AttributeError, KeyError):
            bbox = None
    if bbox is None or any(math.isnan(v) for v in bbox):
        raw = props.get("bbox") or feature.get("bbox")
        if isinstance(raw, str):
            raw = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", raw)]
        if raw and len(raw) >= 4:
            bbox = tuple(float(v) for v in raw[:4])
    if bbox is None:
        raise GpuError(UNKNOWN_INSEE, insee=insee)
    return bbox, str(props.get("name") or ""), bool(props.get("is_rnu"))


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------

#: Property names that cannot be fields of a GeoPackage layer as they are.
_RESERVED = {"fid": "fid_gpu", "geom": "geom_gpu", "geometry": "geometry_gpu"}


def field_name(name: str) -> str:
    return _RESERVED.get(str(name).lower(), str(name))


def infer_fields(features: Sequence[dict], documented: Sequence[str] = ()) -> list:
    """``[(field name, kind)]`` for the features' properties: documented properties first, then the
    others in order of appearance; kind ``int``, ``int64``, ``double``, ``bool`` or ``string`` (lists and
    objects, such as ``bbox``, are written as JSON text)."""
    order = list(dict.fromkeys(documented))
    kinds = {}
    for feature in features:
        for name, value in (feature.get("properties") or {}).items():
            if name not in order:
                order.append(name)
            if value is None:
                continue
            if isinstance(value, bool):
                kind = "bool"
            elif isinstance(value, int):
                kind = "int" if -(2**31) <= value < 2**31 else "int64"
            elif isinstance(value, float):
                kind = "double"
            else:
                kind = "string"
            previous = kinds.get(name)
            if previous is None or previous == kind:
                kinds[name] = kind
            elif {previous, kind} <= {"int", "int64"}:
                kinds[name] = "int64"
            elif {previous, kind} <= {"int", "int64", "double"}:
                kinds[name] = "double"
            else:
                kinds[name] = "string"
    seen = set()
    out = []
    for name in order:
        fname = field_name(name)
        if fname.lower() in seen:
            continue
        seen.add(fname.lower())
        out.append((fname, kinds.get(name, "string")))
    return out


def property_values(feature: dict, fields: Sequence[tuple]) -> list:
    """The feature's values in the order of ``fields`` (JSON text for lists and objects)."""
    props = {field_name(k): v for k, v in (feature.get("properties") or {}).items()}
    out = []
    for name, kind in fields:
        value = props.get(name)
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        elif value is not None and kind == "string" and not isinstance(value, str):
            value = str(value)
        elif value is not None and kind == "double" and not isinstance(value, bool):
            value = float(value)
        out.append(value)
    return out


def feature_geometry(feature: dict, kind: str):
    """The feature's geometry as a shapely multi-geometry of the layer's kind (polygon, line, point),
    or None when it is missing, unreadable or of another kind."""
    import shapely
    from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon, shape

    raw = feature.get("geometry")
    if not raw:
        return None
    try:
        geom = shape(raw)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None
    if geom.is_empty:
        return None
    wanted = {"polygon": ("Polygon", MultiPolygon), "line": ("LineString", MultiLineString),
              "point": ("Point", MultiPoint)}[kind]
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == wanted[0]]
    # geometry collections, nested multi-parts
    if not parts and geom.geom_type == "GeometryCollection":
        for sub in geom.geoms:
            parts.extend(p for p in shapely.get_parts(sub) if p.geom_type == wanted[0])
    return wanted[1](parts) if parts else None


def features_wkb(features: Sequence[dict], kind: str) -> list:
    """:func:`feature_geometry` for many features at once, as WKB (None where unusable): GeoJSON parsed
    by GEOS in one vectorised call (12,000 zones in a fraction of a second)."""
    import numpy as np
    import shapely

    n = len(features)
    out = [None] * n
    texts = []
    index = []
    for i, feature in enumerate(features):
        raw = feature.get("geometry")
        if raw:
            texts.append(json.dumps(raw, separators=(",", ":")))
            index.append(i)
    if not texts:
        return out
    geoms = shapely.from_geojson(np.array(texts, dtype=object), on_invalid="ignore")
    wanted_single, wanted_multi = {"polygon": (3, 6), "line": (1, 5), "point": (0, 4)}[kind]
    types = shapely.get_type_id(geoms)
    empty = shapely.is_empty(geoms) | (types < 0)
    single = np.flatnonzero((types == wanted_single) & ~empty)
    multi = np.flatnonzero((types == wanted_multi) & ~empty)
    maker = {"polygon": shapely.multipolygons, "line": shapely.multilinestrings, "point": shapely.multipoints}[kind]
    if len(single):
        wrapped = maker(geoms[single], indices=np.arange(len(single)))
        for j, wkb in zip(single, shapely.to_wkb(wrapped)):
            out[index[j]] = wkb
    if len(multi):
        for j, wkb in zip(multi, shapely.to_wkb(geoms[multi])):
            out[index[j]] = wkb
    for j in np.flatnonzero(~empty & (types != wanted_single) & (types != wanted_multi)):
        geom = feature_geometry(features[index[j]], kind)  # collections: the parts of the layer's kind
        out[index[j]] = shapely.to_wkb(geom) if geom is not None else None
    return out
