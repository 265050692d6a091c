"""Road networks, bounded travel-time searches and catchment polygons, in numpy and shapely.

Modules, in the order the analysis uses them:

- ``lines``: line geometries as flat numpy arrays, decoded from WKB in bulk;
- ``rules``: road rules per travel mode (OpenStreetMap and IGN BD TOPO schemas), from dictionary-coded
  attribute columns;
- ``graph``: the directed graph built from the lines (a node at every vertex, dangling ends snapped within
  a tolerance);
- ``cache``: built graphs kept for the session, within a memory budget;
- ``search``: sites tied to the nearest usable road, bounded multi-source Dijkstra;
- ``isochrone``: the reached pieces of the network (edges crossing the budget cut at the exact point)
  and the "honest" polygons drawn around them;
- ``resolution``: how finely each site's polygons are drawn, from the length of road it reaches;
- ``grid_outline``: polygons drawn on a grid, at a cost that follows the size of the map drawn;
- ``population``: area-weighted population of grid cells inside polygons;
- ``coverage``: areas and population out of reach of existing places, and what candidates would add.

Pure Python: no Qt, no QGIS. Errors are raised as :class:`NetworkError` with a code and parameters;
the Processing adapters turn them into translated messages. This module, ``rules``, ``lines``, ``graph``,
``resolution`` and ``cache`` import without shapely, so the Processing provider loads (and says what is
missing) where shapely is not installed.
"""


#: Width (metres) around the reached network, by default (see ``isochrone``).
DEFAULT_BUFFER_M = 50.0
#: Largest distance (metres) between a point of a polygon and the reached network at the finest level,
#: whatever the options (holes filled included); each coarser level doubles it (see ``resolution``).
MAX_DISTANCE_M = 50.0
#: Default distance (metres) within which a site is tied to the network, per mode (see ``search``).
DEFAULT_TOLERANCE_M = {"walk": 300.0, "bike": 300.0, "car": 500.0}
#: Ways of drawing the polygons (see ``isochrone.catchments``): a grid at the level each site's reach calls
#: for (automatic, see ``resolution``), smooth buffers around the reached roads or the 10 m grid at the
#: width asked for (the finest, whatever the reach).
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
