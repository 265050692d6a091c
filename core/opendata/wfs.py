"""IGN Géoplateforme WFS: BD TOPO ``troncon_de_route`` of an area, paged.

Documented by the IGN (``IGNF/cartes.gouv.fr-documentation``, ``guides-utilisateur/utiliser-les-services-
de-la-geoplateforme/diffusion/wfs.md``, ``limites-d-usage.md`` and ``tutoriels/ogr.md``, read in 2026) and
the OGC WFS 2.0.0 standard (GetFeature with ``COUNT`` / ``STARTINDEX`` paging):

- ``GET https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature
  &TYPENAMES=BDTOPO_V3:troncon_de_route&OUTPUTFORMAT=application/json&SRSNAME=EPSG:2154
  &BBOX=xmin,ymin,xmax,ymax,EPSG:2154&COUNT=5000&STARTINDEX=0``.
- The service is limited to 30 requests/s per IP (then HTTP 429 with a ``Retry-After`` header, 5 s)
  and to "about 5,000 objects" per request: an area is asked in boxes (``TILE_M``), each box page by
  page (``STARTINDEX`` += the features returned) until a page is short or ``numberMatched`` is reached.
  A road crossing two boxes comes twice and is kept once (by ``cleabs``).
- Answers (GeoServer's GeoJSON): a ``FeatureCollection`` with ``numberMatched``, ``numberReturned``
  (and ``totalFeatures``), features with ``id`` ``troncon_de_route.<n>``, a LineString geometry with Z in
  the asked CRS and the BD TOPO attributes as ``properties`` (``cleabs``, ``nature``,
  ``sens_de_circulation``, ``vitesse_moyenne_vl``…). In a projected ``SRSNAME`` the axis order is x, y.
- Errors: an OWS ``ExceptionReport`` in XML (HTTP 400, sometimes 200) with ``ExceptionText``.

Pure Python.
"""

from __future__ import annotations

from typing import List, Optional, Tuple
from urllib.parse import urlencode

from . import ServiceChanged, ServiceRefused, feature_list, tiles

DEFAULT_BASE_URL = "https://data.geopf.fr/wfs/ows"
SERVICE = "IGN Géoplateforme WFS (data.geopf.fr)"
TYPENAME = "BDTOPO_V3:troncon_de_route"
PAGE_SIZE = 5000
#: Side of the boxes an area is asked in (m, Lambert-93): about 5,000 roads in a dense town centre.
TILE_M = 5000.0
SRS = "EPSG:2154"
#: More pages than this for one box means the service ignores STARTINDEX (a loop).
MAX_PAGES = 200


def box_tiles(bbox_l93, size: float = TILE_M) -> list:
    return [tuple(round(v, 1) for v in t) for t in tiles(bbox_l93, size)]


def getfeature_url(base_url: str, box, start: int = 0, count: int = PAGE_SIZE, typename: str = TYPENAME) -> str:
    query = urlencode({
        "SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "GetFeature", "TYPENAMES": typename,
        "OUTPUTFORMAT": "application/json", "SRSNAME": SRS,
        "BBOX": ",".join(f"{v:.1f}" for v in box) + "," + SRS, "COUNT": int(count), "STARTINDEX": int(start),
    }, safe=",:")
    return (base_url or DEFAULT_BASE_URL) + ("&" if "?" in (base_url or "") else "?") + query


def exception_text(body: bytes) -> Optional[str]:
    """The ``ExceptionText`` of an OWS ExceptionReport, or None when the body is not one."""
    head = body[:2048].lstrip()
    if not head.startswith(b"<"):
        return None
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None
    if not root.tag.endswith("ExceptionReport"):
        return None
    texts = [el.text.strip() for el in root.iter() if el.tag.endswith("ExceptionText") and el.text]
    return "; ".join(texts) or "ExceptionReport"


def parse_page(data) -> Tuple[List[dict], Optional[int], int, int]:
    """(features, numberMatched or None, numberReturned, items of the array that were not features)."""
    features = feature_list(data, "WFS GetFeature answer")
    matched = data.get("numberMatched", data.get("totalFeatures"))
    matched = int(matched) if isinstance(matched, (int, float)) and not isinstance(matched, bool) else None
    returned = data.get("numberReturned")
    returned = int(returned) if isinstance(returned, (int, float)) else len(data["features"])
    return features, matched, returned, len(data["features"]) - len(features)


def check_body(body: bytes) -> None:
    """ServiceRefused with the exception text when the body is an OWS ExceptionReport."""
    text = exception_text(body)
    if text is not None:
        raise ServiceRefused(text)


def road_key(feature: dict) -> str:
    props = feature.get("properties") or {}
    value = props.get("cleabs") or feature.get("id")
    if value in (None, ""):
        import json

        return json.dumps(feature.get("geometry"), sort_keys=True)
    return str(value)


def expect_roads(features: List[dict]) -> None:
    """ServiceChanged when the features are not roads with BD TOPO attributes (the layer changed)."""
    for feature in features[:20]:
        props = feature.get("properties")
        if not isinstance(props, dict) or "nature" not in props:
            raise ServiceChanged("troncon_de_route features without the BD TOPO attribute 'nature'")
