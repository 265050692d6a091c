"""French open-data services read by ``friches:prepare_territory``: what to ask and how to read the answer.

One module per service, each documenting the request and answer formats it relies on and where they are
documented (the sources are also listed in ``docs/online_sources.md``):

- ``geo_api``: API Découpage administratif (geo.api.gouv.fr), commune and EPCI outlines;
- ``cartofriches_api``: Cerema API Données foncières, Cartofriches ``geofriches`` endpoint;
- ``wfs``: IGN Géoplateforme WFS 2.0.0, BD TOPO ``troncon_de_route``;
- ``overpass``: Overpass API (OpenStreetMap ways with a ``highway`` tag);
- ``transport_api``: transport.data.gouv.fr datasets API (GTFS feeds of an area).

The API Carto GPU module lives in ``core/zoning/gpu_api.py`` (used by ``friches:load_gpu``).

Pure Python: the network is done by ``processing/web_request.py``; these modules build URLs and read
decoded answers, raising :class:`ServiceChanged` when an answer is not in the documented format (so the
user is told that the service changed, not handed a traceback).
"""

from __future__ import annotations


class ServiceChanged(Exception):
    """An answer that is not in the documented format: ``detail`` says what was expected."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class ServiceRefused(Exception):
    """The service answered with an error of its own in a successful HTTP answer (Overpass ``remark``,
    a WFS ``ExceptionReport``): ``detail`` is its message."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def feature_list(collection, what: str) -> list:
    """The ``features`` of a GeoJSON FeatureCollection, only the items that are objects.

    A ``null`` (or any non-object) in the array is not a feature: it is left out here and counted by
    the caller as ``len(collection["features"]) - len(result)``. ServiceChanged when there is no array."""
    if not isinstance(collection, dict) or not isinstance(collection.get("features"), list):
        raise ServiceChanged(f"{what}: a GeoJSON FeatureCollection with a features array was expected")
    return [f for f in collection["features"] if isinstance(f, dict)]


def tiles(bbox, size: float) -> list:
    """Rectangles of at most ``size`` covering ``bbox`` (minx, miny, maxx, maxy), row by row."""
    import math

    minx, miny, maxx, maxy = (float(v) for v in bbox)
    nx = max(1, math.ceil((maxx - minx) / size - 1e-9))
    ny = max(1, math.ceil((maxy - miny) / size - 1e-9))
    dx, dy = (maxx - minx) / nx, (maxy - miny) / ny
    return [(minx + i * dx, miny + j * dy, minx + (i + 1) * dx, miny + (j + 1) * dy)
            for j in range(ny) for i in range(nx)]
