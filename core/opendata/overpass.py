"""Overpass API: the OpenStreetMap ways with a ``highway`` tag in an area.

Documented by the Overpass API manual (wiki.openstreetmap.org "Overpass API/Overpass QL": settings
``[out:json][timeout:…]``, bounding box ``(south,west,north,east)``, ``out geom``) and observed answers
quoted by the python clients ``overpy`` and ``overpass`` (read in 2026):

- ``POST {url}`` with the form field ``data=<query>``; the query asked here is
  ``[out:json][timeout:T];way["highway"](s,w,n,e);out geom;``.
- Answer: ``{"version": 0.6, "generator": "Overpass API", "osm3s": {...}, "elements": [...]}``; each way
  is ``{"type": "way", "id": n, "bounds": {...}, "geometry": [{"lat": …, "lon": …}, …], "tags": {...}}``.
- A query stopped by the server (time or memory) still answers HTTP 200, with the elements found so far
  and ``"remark": "runtime error: Query timed out in \"query\" at line 1 after 25 seconds."``: such an
  answer is incomplete and refused, never used.
- HTTP 400 for a syntax error, 429 when the client's slots are used (retry later), 504 when the server
  is overloaded.
- An area is asked in boxes of ``TILE_DEG``; a way crossing two boxes comes twice and is kept once.

Pure Python.
"""

from __future__ import annotations

from typing import List, Optional, Tuple
from urllib.parse import urlencode

from . import ServiceChanged, ServiceRefused, tiles

DEFAULT_URL = "https://overpass-api.de/api/interpreter"
SERVICE = "Overpass API (OpenStreetMap)"
TILE_DEG = 0.1
#: The tags kept as fields, the ones the catchment reads first (core.network.rules.OSM_TAGS) then names.
TAGS = ("highway", "oneway", "maxspeed", "junction", "access", "foot", "bicycle", "motor_vehicle", "motorcar",
        "vehicle", "oneway:bicycle", "cycleway", "name", "ref", "service", "bridge", "tunnel")


def box_tiles(bbox_wgs84) -> list:
    return [tuple(round(v, 6) for v in t) for t in tiles(bbox_wgs84, TILE_DEG)]


def query(box, timeout_s: int = 180) -> str:
    minx, miny, maxx, maxy = box
    return f'[out:json][timeout:{int(timeout_s)}];way["highway"]({miny:.6f},{minx:.6f},{maxy:.6f},{maxx:.6f});out geom;'


def form_body(text: str) -> bytes:
    return urlencode({"data": text}).encode("ascii")


def parse(data) -> List[dict]:
    """The ways of an answer as ``{"id", "coords": [(lon, lat), …], "tags": {...}}``; ServiceRefused when
    the server stopped the query (``remark`` with a runtime error), ServiceChanged when there is no
    ``elements`` array."""
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise ServiceChanged("an Overpass JSON answer with an elements array was expected")
    remark = data.get("remark")
    if isinstance(remark, str) and "error" in remark.lower():
        raise ServiceRefused(remark[:300])
    ways = []
    for element in data["elements"]:
        if not isinstance(element, dict) or element.get("type") != "way":
            continue
        geometry = element.get("geometry")
        if not isinstance(geometry, list):
            continue
        coords = [(float(p["lon"]), float(p["lat"])) for p in geometry
                  if isinstance(p, dict) and isinstance(p.get("lon"), (int, float))
                  and isinstance(p.get("lat"), (int, float))]
        ways.append({"id": element.get("id"), "coords": coords, "tags": element.get("tags") or {}})
    return ways


def way_row(way: dict) -> Tuple[Optional[int], dict]:
    """(osm id, {field: value}) with the ``TAGS`` as fields (named as the tags, as the catchment reads
    them) and the other tags in ``other_tags`` as GDAL's OSM driver writes them (``"k"=>"v",…``)."""
    tags = {str(k): str(v) for k, v in (way.get("tags") or {}).items()}
    row = {t: tags.pop(t, None) for t in TAGS}
    if tags:
        row["other_tags"] = ",".join(
            '"{}"=>"{}"'.format(k.replace('"', '\\"'), v.replace('"', '\\"')) for k, v in sorted(tags.items()))
    else:
        row["other_tags"] = None
    way_id = way.get("id")
    return (int(way_id) if isinstance(way_id, (int, float)) else None), row
