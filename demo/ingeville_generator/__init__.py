"""Generate "Ingeville", the fictional demo territory of the plugin, deterministically.

Ingeville is a made-up town of about 30,000 inhabitants in the Loiret (Lambert-93, EPSG:2154), with
three small neighbouring communes. Everything here is invented: names, INSEE codes, people, buses.
The point is a territory that *looks* like a French town on a map and exercises every input of the
plugin with realistic quirks: a routable OSM-like street network, an INSEE Filosofi-like 200 m grid,
a GTFS feed with the pitfalls real feeds have, a PLU in the CNIG schema with a few invalid geometries
and legacy codes, and a CNIG friches CSV.

Run it with ``demo/generate_ingeville.py [--out DIR] [--quiet]`` (or ``python -m ingeville_generator``
from ``demo/``); it needs numpy, shapely 2 and GDAL's Python bindings.

The same command always writes the same files: every random draw comes from a generator seeded with
a fixed seed and the name of the layer it serves (so changing one layer leaves the others alone),
coordinates are rounded to the centimetre, and the zip and GeoPackage carry fixed dates.

How the town is built, one module per step, in this order:
1. ``layout``: the town's skeleton in local metres around the town hall: river, railway and station,
   historic centre, faubourgs, built-up envelope, industrial and commercial zones, equipment sites,
   villages and hamlets, commune boundaries.
2. ``street_network``: major roads first (``major_roads``: radial routes, boulevards, bypass), then
   local streets filled into each block between major roads with a style that depends on the district
   (``local_streets``: irregular grid in the centre, regular grids in the faubourgs, loops and
   cul-de-sacs in housing estates, large blocks in the industrial zone), ``rural_roads``, then
   ``noding`` so that edges meet at shared end nodes.
3. ``planning`` (PLU ``ZONE_URBA``, prescriptions, SCOT), ``population`` (Filosofi cells),
   ``friches`` and ``friche_attributes`` (CNIG CSV), ``places`` (tiers-lieux and services),
   ``bus_network`` and ``gtfs``; ``writers`` writes the files.
"""
