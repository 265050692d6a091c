"""Cerema API Données foncières, Cartofriches: the friches of an area, with their outlines.

Documented by the Cerema's own client (``CEREMA/apifoncier``, ``apifoncier/endpoints/cartofriches.py``
and ``endpoints/base.py``) and the community client ``rcadot/py.apifoncier`` (``_http.py``), both read
in 2026; the host actually served is ``https://apidf-preprod.cerema.fr`` (see
``/work/shared/docs/french_data.md`` §2.2):

- ``GET {base}/cartofriches/geofriches/?in_bbox=lon_min,lat_min,lon_max,lat_max&page_size=500``: a GeoJSON
  ``FeatureCollection`` (WGS 84, MultiPolygon outlines) with Django REST framework paging keys
  ``count`` (total), ``next`` (absolute URL of the next page, ``null`` on the last) and ``previous``;
  each feature has an ``id`` (the site id) and ``properties`` in the CNIG friches names
  (``site_id``, ``site_nom``, ``comm_insee``…). The box must not exceed 1° x 1°; at least one location
  filter is required. No key is needed (``fields=all`` adds about 78 fields).
- Errors: HTTP 400 with ``{"detail": "…"}`` for a bad filter; 429 / 5xx when overloaded.
- Behind a reverse proxy the ``next`` link may come back in ``http://``: the scheme of the first request
  is kept, and a ``next`` link to another host is refused (it would leak the request elsewhere).

Pure Python.
"""

from __future__ import annotations

import math
from typing import List, Optional, Tuple
from urllib.parse import urlencode, urlparse

from . import ServiceChanged, feature_list, tiles

DEFAULT_BASE_URL = "https://apidf-preprod.cerema.fr"
SERVICE = "Cerema API Données foncières, Cartofriches (apidf-preprod.cerema.fr)"
ENDPOINT = "/cartofriches/geofriches/"
PAGE_SIZE = 500
MAX_BOX_DEG = 1.0
#: More pages than this for one box means the service ignores the paging (a loop).
MAX_PAGES = 400


def bbox_tiles(bbox_wgs84) -> list:
    """Boxes of at most 1° x 1° covering ``bbox_wgs84``, rounded outwards to 1e-5° so requests repeat."""
    minx, miny, maxx, maxy = bbox_wgs84
    out = []
    for t in tiles((minx, miny, maxx, maxy), MAX_BOX_DEG):
        out.append((math.floor(t[0] * 1e5) / 1e5, math.floor(t[1] * 1e5) / 1e5,
                    math.ceil(t[2] * 1e5) / 1e5, math.ceil(t[3] * 1e5) / 1e5))
    return out


def first_page_url(base_url: str, box, page_size: int = PAGE_SIZE) -> str:
    query = urlencode({"in_bbox": ",".join(f"{v:.5f}" for v in box), "page_size": int(page_size)}, safe=",")
    return (base_url or DEFAULT_BASE_URL).rstrip("/") + ENDPOINT + "?" + query


def next_page_url(next_link: Optional[str], first_url: str) -> Optional[str]:
    """The ``next`` link to follow, with the first request's scheme; ServiceChanged when it points to
    another host."""
    if not next_link:
        return None
    if not isinstance(next_link, str):
        raise ServiceChanged("the next link of a page is not a URL")
    first, link = urlparse(first_url), urlparse(next_link)
    if not link.netloc:  # a relative link
        return f"{first.scheme}://{first.netloc}{next_link if next_link.startswith('/') else '/' + next_link}"
    if link.netloc.lower() != first.netloc.lower():
        raise ServiceChanged(f"the next link {next_link} points to another host than {first.netloc}")
    return link._replace(scheme=first.scheme).geturl()


def parse_page(data) -> Tuple[List[dict], Optional[str], Optional[int], int]:
    """(features, next link, count, items of the array that were not features) of one page."""
    features = feature_list(data, "Cartofriches geofriches page")
    count = data.get("count")
    count = int(count) if isinstance(count, (int, float)) and not isinstance(count, bool) else None
    return features, data.get("next"), count, len(data["features"]) - len(features)


def site_key(feature: dict) -> str:
    """What identifies a site across boxes: ``site_id``, else the feature ``id``, else its geometry."""
    props = feature.get("properties") or {}
    for value in (props.get("site_id"), feature.get("id")):
        if value not in (None, ""):
            return str(value)
    import json

    return json.dumps(feature.get("geometry"), sort_keys=True)
