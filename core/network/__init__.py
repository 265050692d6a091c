"""Road networks, bounded travel-time searches and catchment polygons, in numpy and shapely.

Modules, in the order the analysis uses them:

- ``graph``: road rules per travel mode (OpenStreetMap and IGN BD TOPO schemas) and the directed graph
  built from line geometries (a node at every vertex, dangling ends snapped within a tolerance);
- ``search``: sites tied to the nearest usable road, bounded multi-source Dijkstra;
- ``isochrone``: the reached pieces of the network (edges crossing the budget cut at the exact point)
  and the "honest" polygons buffered around them;
- ``grid_outline``: the same polygons drawn on a 10 m grid, for crowded networks;
- ``population``: area-weighted population of grid cells inside polygons;
- ``coverage``: areas and population out of reach of existing places, and what candidates would add.

Pure Python: no Qt, no QGIS. Errors are raised as :class:`NetworkError` with a code and parameters;
the Processing adapters turn them into translated messages. This module and ``graph`` import without
shapely, so the Processing provider loads (and says what is missing) where shapely is not installed.
"""


#: Width (metres) around the reached network, by default (see ``isochrone``).
DEFAULT_BUFFER_M = 50.0
#: Largest distance (metres) between a point of a polygon and the reached network, whatever the options.
MAX_DISTANCE_M = 50.0
#: Default distance (metres) within which a site is tied to the network, per mode (see ``search``).
DEFAULT_TOLERANCE_M = {"walk": 300.0, "bike": 300.0, "car": 500.0}
#: Ways of drawing the polygons (see ``isochrone.catchments``): buffers around the reached roads (smooth
#: outlines), a 10 m grid (fast where roads crowd, see ``grid_outline``), or chosen from the first sites.
OUTLINE_AUTO, OUTLINE_BUFFER, OUTLINE_GRID = "auto", "buffer", "grid"
#: Attachment status codes (see ``search``).
TIED, NOT_CONNECTED, NO_GEOMETRY = "ok", "not_connected", "no_geometry"


class NetworkError(ValueError):
    """A problem with the inputs, as a stable ``code`` plus the values a message needs (``params``)."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self):
        return f"{self.code}: {self.params}" if self.params else self.code
