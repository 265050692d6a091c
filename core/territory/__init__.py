"""A territory prepared for the analysis: its outline, the area around it, and the layers cut to that area.

``friches:prepare_territory`` writes one GeoPackage in Lambert-93 whose tables have the names below;
``friches:full_analysis`` finds each input by that name (``processing/prepared_gpkg.py``). The names are
those of the demo territory's GeoPackage, so a prepared territory and the demo load the same way.

Pure Python.
"""

from __future__ import annotations

#: The communes of the territory (code, nom, population, source), one polygon each.
COMMUNES = "communes"
#: The area every layer is cut to: the territory grown by the buffer (one polygon).
AREA = "territory_area"
#: Roads (BD TOPO troncon_de_route or OpenStreetMap ways), attributes as in the source.
ROADS = "routes"
#: Population grid cells (INSEE Filosofi 200 m), whole cells.
POPULATION = "population_200m"
#: The friches inventory imported by friches:import_inventory (CNIG fields, site_id) and its footprints.
FRICHES = "friches"
FRICHES_POLYGONS = "friches_emprises"
#: Rows of the friches source that the import rejected or changed (friches:import_inventory's report).
IMPORT_REPORT = "import_report"
#: Existing tiers-lieux and services.
PLACES = "tiers_lieux"
SERVICES = "services"
#: PLU layers (CNIG names, lower case).
ZONES = ("zone_urba", "secteur_cc")
PRESCRIPTIONS = ("prescription_surf", "prescription_lin", "prescription_pct")
INFORMATIONS = ("info_surf", "info_lin", "info_pct")
PLU_LAYERS = ZONES + PRESCRIPTIONS + INFORMATIONS
#: The clipped GTFS feed, a zip kept in a table (one row: name, zip bytes, counts).
GTFS = "gtfs_feed"
#: What came from where, what was missing, what was dropped.
REPORT = "prepare_report"

#: Default width of the area around the territory (m): catchments near the edge reach that far.
DEFAULT_BUFFER_M = 5000.0
LAMBERT_93 = "EPSG:2154"


def plu_role(name: str):
    """The CNIG PLU table a file or layer name stands for (``41175_ZONE_URBA_20140603`` -> ``zone_urba``),
    or None. Longest names first, so that ``PRESCRIPTION_SURF`` is not read as ``SURF``."""
    text = name.lower().replace("-", "_")
    for role in sorted(PLU_LAYERS, key=len, reverse=True):
        if role in text:
            return role
    return None
