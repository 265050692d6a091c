"""Four years of Ingeville's inventory, replayed so that the follow-up report has something to show.

Everything here is fictional, like the rest of the demo. The inventory of ``friches_ingeville.csv`` is the
state *today*; this module writes the road that led to it, into the inventory GeoPackage, through the
plugin's own inventory store, so that the history is exactly what the triggers record:

- 17 January 2022: the first inventory (the 2021 survey) is imported by the planning department, with the
  sites identified by then, some of them at an earlier status (a site "avec projet" today was "sans
  projet", a converted one was "avec projet", some "sans projet" were only "potentielles");
- then each site identified later is added from the panel's form a few days after its identification date,
  and each site whose last update (``site_actu_date``) is after January 2022 gets its present values on that
  day (from the form, or from the 2024 Cartofriches update);
- three technicians take turns: a.durand (urbanisme), c.martin (EPF), s.benali (développement économique).

The replay only runs on a new inventory (no ``friches`` table yet in the GeoPackage): a second ``make demo``
keeps the inventory and its history, edits included. It also adds two tiers-lieux opened on former
friches (a coworking on the last site converted, a fablab on the last site that got a project, each two
months after that change) and an ``opening_date`` to every tiers-lieu, so that the report can count places
opened per period.

The replay ends exactly on the CSV's state: the import that ``make demo`` runs next finds every site
unchanged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

UTC = dt.timezone.utc
FIRST_IMPORT = dt.datetime(2022, 1, 17, 9, 30, tzinfo=UTC)
FIRST_IMPORT_SOURCE = "import: inventaire_friches_2022.csv"
UPDATE_2024_SOURCE = "import: cartofriches_maj_2024.csv"
TEAM = ("a.durand", "c.martin", "s.benali")
#: The two places opened on former friches during the replayed years: (kind, name pattern, status of the site).
NEW_PLACES = (
    ("coworking", "Coworking {site}", "friche reconvertie"),
    ("fablab", "Fablab {site}", "friche avec projet"),
)
#: A place opens this long after its site reached the status.
OPENING_DELAY = dt.timedelta(days=61)


def _day(value):
    return value if isinstance(value, dt.date) else None


def normalised_sites(csv_path: Path):
    """``{site_id: (values, point, polygon)}``: the CSV read by ``friches:import_inventory`` itself."""
    from friches_tierslieux.processing.inventory_store import py_value, to_shapely
    from qgis import processing
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(csv_path), "friches_ingeville", "ogr")
    result = processing.run("friches:import_inventory", {
        "INPUT": layer, "TARGET_CRS": "EPSG:2154", "OUTPUT": "memory:", "OUTPUT_POLYGONS": "memory:",
        "REPORT": "memory:"})
    polygons = {py_value(f["site_id"]): to_shapely(f.geometry()) for f in result["OUTPUT_POLYGONS"].getFeatures()}
    out = {}
    names = result["OUTPUT"].fields().names()
    for feature in result["OUTPUT"].getFeatures():
        values = {name: py_value(feature[name]) for name in names}
        for name, value in values.items():
            if hasattr(value, "toPyDate"):
                values[name] = value.toPyDate()
        out[values["site_id"]] = (values, to_shapely(feature.geometry()), polygons.get(values["site_id"]))
    return out


def timeline(site_id, values, number):
    """The successive states of one site: [(moment, values)], the last being ``values`` (today's)."""
    identified = _day(values.get("site_identif_date")) or FIRST_IMPORT.date()
    updated = _day(values.get("site_actu_date")) or identified
    birth = max(FIRST_IMPORT, dt.datetime.combine(identified + dt.timedelta(days=10), dt.time(10, 0), UTC))
    final_at = dt.datetime.combine(updated, dt.time(15, 0), UTC)
    if final_at <= birth + dt.timedelta(days=20):
        return [(birth, dict(values))]
    status = values.get("site_statut")
    earlier = dict(values, site_actu_date=birth.date())
    states = []
    if status == "friche reconvertie":
        start = dict(earlier, site_statut="friche sans projet", site_reconv_annee=None, site_reconv_type=None)
        states.append((birth, start))
        middle = birth + (final_at - birth) / 2
        states.append((middle, dict(start, site_statut="friche avec projet", site_actu_date=middle.date())))
    elif status == "friche avec projet":
        states.append((birth, dict(earlier, site_statut="friche sans projet")))
    elif status == "friche sans projet" and number % 2 == 0:
        states.append((birth, dict(earlier, site_statut="friche potentielle")))
    elif status == "inconnu":
        states.append((birth, dict(earlier, site_statut="friche sans projet")))
    else:  # same status: the occupation or the state of the buildings was unknown at first
        field = "site_occupation" if number % 3 else "bati_etat"
        states.append((birth, dict(earlier, **{field: "inconnu"})))
    states.append((final_at, dict(values)))
    return states


def replay(gpkg: Path, csv_path: Path, log=print, now=None):
    """Write the replayed history into ``gpkg`` (which must not hold an inventory yet); returns the number
    of history rows written, or 0 when the inventory already exists."""
    from friches_tierslieux.core.inventory import MergeDecision
    from friches_tierslieux.processing.inventory_location import parse_location
    from friches_tierslieux.processing.inventory_store import gpkg_layer_names, inventory_kinds, open_inventory
    from qgis.core import QgsCoordinateReferenceSystem

    if "friches" in gpkg_layer_names(str(gpkg)):
        log("   the inventory already exists: its history is kept, nothing replayed")
        return 0
    now = now or dt.datetime.now(UTC)
    sites = normalised_sites(csv_path)
    names = list(inventory_kinds())
    events = []  # (moment, order, site_id, values, is_birth)
    for number, (sid, (values, _point, _polygon)) in enumerate(sorted(sites.items())):
        for k, (moment, state) in enumerate(timeline(sid, values, number)):
            events.append((min(moment, now - dt.timedelta(minutes=5)), k, sid, state, k == 0))
    events.sort(key=lambda e: (e[0], e[2], e[1]))
    store = open_inventory(parse_location(str(gpkg)), QgsCoordinateReferenceSystem("EPSG:2154"))
    try:
        first = [(sid, MergeDecision("add", {n: state.get(n) for n in names}, list(names), sites[sid][1],
                                     sites[sid][2]))
                 for moment, _k, sid, state, birth in events if birth and moment == FIRST_IMPORT]
        store.apply(first, {}, FIRST_IMPORT_SOURCE, by=TEAM[0], at=FIRST_IMPORT)
        log(f"   {FIRST_IMPORT.date()}: first inventory, {len(first)} sites ({TEAM[0]})")
        turn = 0
        for moment, _k, sid, state, birth in events:
            if birth and moment == FIRST_IMPORT:
                continue
            who = TEAM[turn % len(TEAM)]
            turn += 1
            if birth:
                decision = MergeDecision("add", {n: state.get(n) for n in names}, list(names), sites[sid][1],
                                         sites[sid][2])
                store.apply([(sid, decision)], {}, "form", by=who, at=moment)
                continue
            record = store.read_sites([*names])[sid]
            changes = {n: state.get(n) for n in names if record.site.values.get(n) != state.get(n)}
            source = UPDATE_2024_SOURCE if moment.year == 2024 and turn % 2 else "form"
            store.save_site(sid, changes, record.version, source=source, by=who, at=moment)
            if "site_statut" in changes:
                log(f"   {moment.date()}: {sid} {record.site.values.get('site_statut')} → {state.get('site_statut')}"
                    f" ({who})")
        rows = len(store.read_history())
    finally:
        store.close()
    log(f"   history: {rows} rows from {FIRST_IMPORT.date()} to {events[-1][0].date()}")
    return rows


def _short_name(name):
    for prefix in ("Ancienne ", "Ancien ", "Anciens ", "Anciennes "):
        if name.startswith(prefix):
            return name[len(prefix):][:1].upper() + name[len(prefix):][1:]
    return name


def new_places(gpkg: Path, now=None):
    """The two places to add: on the site that most recently became ``friche reconvertie`` and on the one
    that most recently became ``friche avec projet`` (from the history), two months later."""
    from friches_tierslieux.processing.inventory_location import parse_location
    from friches_tierslieux.processing.inventory_store import open_inventory

    now = now or dt.datetime.now(UTC)
    store = open_inventory(parse_location(str(gpkg)), create=False)
    try:
        rows = store.read_history()
        sites = store.read_sites()
    finally:
        store.close()
    out, used = [], set()
    for kind, pattern, status in NEW_PLACES:
        changes = [r for r in rows if r.field == "site_statut" and r.new_value == status and r.old_value
                   and r.site_id in sites and r.site_id not in used]
        if not changes:
            continue
        change = max(changes, key=lambda r: (r.changed_at, r.id))
        used.add(change.site_id)
        site = sites[change.site_id].site
        opened = min((change.changed_at + OPENING_DELAY).date(), (now - dt.timedelta(days=1)).date())
        out.append((change.site_id, pattern.format(site=_short_name(site.values.get("site_nom") or "")), kind,
                    site.values.get("site_adresse") or "", site.values.get("comm_nom") or "", opened))
    return out


def add_places(gpkg: Path, log=print):
    """Give every tiers-lieu an ``opening_date`` (1 January of its opening_year) and add the two places
    opened on former friches (once)."""
    from osgeo import ogr

    places = new_places(gpkg)
    ds = ogr.Open(str(gpkg), 1)
    layer = ds.GetLayerByName("tiers_lieux")
    friches = ds.GetLayerByName("friches")
    if layer is None or friches is None:
        return 0
    definition = layer.GetLayerDefn()
    if definition.GetFieldIndex("opening_date") < 0:
        layer.CreateField(ogr.FieldDefn("opening_date", ogr.OFTDate))
    names = {feature.GetField("name") for feature in layer}
    ds.StartTransaction()
    for feature in layer:
        if feature.IsFieldNull("opening_date") and not feature.IsFieldNull("opening_year"):
            feature.SetField("opening_date", f"{feature.GetField('opening_year')}-01-01")
            layer.SetFeature(feature)
    added = 0
    for site_id, name, kind, address, commune, opened in places:
        if name in names:
            continue
        friches.SetAttributeFilter(f"site_id = '{site_id}'")
        site = friches.GetNextFeature()
        friches.SetAttributeFilter(None)
        if site is None:
            continue
        feature = ogr.Feature(layer.GetLayerDefn())
        for field, value in (("name", name), ("kind", kind), ("address", address), ("commune", commune),
                             ("insee", site_id[:5]), ("opening_year", opened.year),
                             ("opening_date", opened.isoformat())):
            feature.SetField(field, value)
        feature.SetGeometry(site.GetGeometryRef().Clone())
        layer.CreateFeature(feature)
        added += 1
        log(f"   {opened}: {name} opens on friche {site_id}")
    ds.CommitTransaction()
    ds = None
    return added
