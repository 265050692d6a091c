"""The facts a site is scored on, derived from the inventory, the analyses and optional layers.

Why a module of its own: the Processing algorithm only reads layers; deciding what a coded value means
(is this owner public? is this place a fablab?) and measuring distances to places are part of the
method, so they live here, tested without QGIS. Facts are plain values in a dict keyed by the names the
profile uses (``nearest_stop_m``, ``compat_coworking``, ``place_m_fablab``...); a fact that is None
has no data. The list of facts is in ``resources/profiles/README.md``.
"""

from __future__ import annotations

import math
import re
from typing import Iterable, Mapping, Optional, Sequence

import numpy as np

from ..cnig_friches import fold

#: Distance given to "no place of this kind in the layer" (m): far enough for any normalisation to
#: read it as "none nearby", finite so that it survives JSON.
NO_PLACE_M = 100_000.0

#: catpro3 owner categories (Cerema, Fichiers fonciers) held by public bodies: every ``P`` code (State,
#: region, department, intercommunality, commune, specific authorities) plus public land and development
#: bodies (EPF d'État and local, SPLA, EPA).
PUBLIC_OWNER_CODES = ("F2a", "F2b", "F4b", "F5b")
_CATPRO = re.compile(r"^[A-Z]\d[a-z]$")

#: Inventory fields copied as facts when present.
INVENTORY_FACTS = (
    "site_id", "site_nom", "comm_nom", "site_statut", "site_occupation", "site_type", "bati_etat",
    "bati_pollution", "bati_patrimoine", "sol_pollution_existe", "bati_surface", "bati_nombre", "site_surface",
    "unite_fonciere_surface", "proprio_type", "proprio_personne",
)
#: Fields of friches:transit_coverage.
TRANSIT_FACTS = ("nearest_stop", "nearest_stop_id", "nearest_stop_m", "nearest_stop_method", "dep_500m_h", "ptal_ai",
                 "ptal", "oev_class")
#: Fields of friches:zoning_overlay.
ZONING_FACTS = ("zone_libelle", "zone_type", "zone_family", "compat_coworking", "compat_fablab", "compat_mediation",
                "zoning_status")


def _words(text) -> str:
    """Folded text with every non-alphanumeric character as a space, padded: `` tiers lieu mixte ``."""
    return " " + re.sub(r"[^0-9a-z]+", " ", fold(str(text))).strip() + " "


def kind_matches(value, keywords: Iterable[str]) -> bool:
    """True when ``value`` (a kind, a label, a BPE code) contains one of ``keywords`` as whole words,
    case and accents ignored: "Tiers-lieu mixte" matches "tiers lieu"; "EPN" matches "epn"."""
    if value is None:
        return False
    text = _words(value)
    if not text.strip():
        return False
    return any(_words(k) in text for k in keywords if str(k).strip())


def owner_kind(proprio_type, proprio_personne=None) -> Optional[str]:
    """"public", "mixed" or "private" from catpro3 codes (``P5a|F6c``), else from ``proprio_personne``
    (only natural persons: private); None when unknown."""
    codes = [c.strip() for c in str(proprio_type or "").split("|") if c.strip()]
    codes = [c for c in codes if _CATPRO.match(c)]
    if codes:
        public = [c.startswith("P") or c in PUBLIC_OWNER_CODES for c in codes]
        if all(public):
            return "public"
        return "mixed" if any(public) else "private"
    persons = {fold(p) for p in str(proprio_personne or "").split("|") if p.strip()}
    if persons == {"personne physique"}:
        return "private"
    return None


def _number(value) -> Optional[float]:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def inventory_facts(attributes: Mapping[str, object]) -> dict:
    """Facts of the inventory fields: the fields themselves, the site area (``site_surface``, else the land
    unit's), the land left unbuilt (``free_land_m2``, a floor of the room for parking) and ``owner``."""
    facts = {name: attributes.get(name) for name in INVENTORY_FACTS if attributes.get(name) is not None}
    site = _number(attributes.get("site_surface"))
    if site is None or site <= 0:
        site = _number(attributes.get("unite_fonciere_surface"))
    facts["site_surface"] = site if site is not None and site > 0 else None
    built = _number(attributes.get("bati_surface"))
    facts["bati_surface"] = built
    if facts["site_surface"] is not None and built is not None:
        # floor area counts every storey, so this underestimates the unbuilt land: a cautious figure
        facts["free_land_m2"] = max(facts["site_surface"] - built, 0.0)
    else:
        facts["free_land_m2"] = None
    facts["owner"] = owner_kind(attributes.get("proprio_type"), attributes.get("proprio_personne"))
    return facts


# -- geometry -------------------------------------------------------------------------------------------

def _valid_index(geoms: Sequence) -> np.ndarray:
    return np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)


def nearest(sites: Sequence, targets: Sequence, names: Optional[Sequence] = None):
    """``(distances, names)`` from each site to the nearest target (metres in the geometries' CRS).

    A site without geometry gets None; when there is no target at all every site gets :data:`NO_PLACE_M`
    and no name.
    """
    n = len(sites)
    distances: list = [None] * n
    out_names: list = [None] * n
    site_ok = _valid_index(sites)
    target_ok = _valid_index(targets)
    if not target_ok.any():
        for i in np.flatnonzero(site_ok):
            distances[i] = NO_PLACE_M
        return distances, out_names
    import shapely  # here, not at import: the plugin loads (and explains) without shapely

    target_idx = np.flatnonzero(target_ok)
    tree = shapely.STRtree(np.asarray(targets, dtype=object)[target_idx])
    site_idx = np.flatnonzero(site_ok)
    if not len(site_idx):
        return distances, out_names
    pairs, dist = tree.query_nearest(np.asarray(sites, dtype=object)[site_idx], return_distance=True,
                                     all_matches=False)
    for (i_local, t_local), d in zip(pairs.T, dist):
        i = int(site_idx[i_local])
        t = int(target_idx[t_local])
        distances[i] = float(d)
        out_names[i] = (str(names[t]) if names is not None and names[t] is not None else None)
    return distances, out_names


def count_within(sites: Sequence, targets: Sequence, radius: float) -> list:
    """Number of targets within ``radius`` of each site (None for a site without geometry)."""
    n = len(sites)
    site_ok = _valid_index(sites)
    target_ok = _valid_index(targets)
    counts = np.zeros(n, dtype=int)
    if target_ok.any() and site_ok.any():
        import shapely

        target_idx = np.flatnonzero(target_ok)
        site_idx = np.flatnonzero(site_ok)
        tree = shapely.STRtree(np.asarray(targets, dtype=object)[target_idx])
        pairs = tree.query(np.asarray(sites, dtype=object)[site_idx], predicate="dwithin", distance=radius)
        if pairs.size:
            counts[site_idx] = np.bincount(pairs[0], minlength=len(site_idx))
    return [int(c) if ok else None for c, ok in zip(counts, site_ok)]


def kind_mask(kinds: Sequence, keywords: Iterable[str]) -> np.ndarray:
    keywords = tuple(keywords)
    return np.array([kind_matches(k, keywords) for k in kinds], dtype=bool)


def place_facts(sites: Sequence, places: Sequence, kinds: Optional[Sequence], names: Optional[Sequence],
                place_kinds: Mapping[str, Iterable[str]], uses: Iterable[str]) -> list:
    """Per site, ``place_m_<use>`` and ``place_name_<use>``: the nearest existing place of the same kind.

    Without ``kinds`` every place counts for every use. A use whose kind has no place in the layer gets
    :data:`NO_PLACE_M` (none nearby).
    """
    out = [{} for _ in sites]
    places = list(places)
    for use in uses:
        if kinds is None:
            mask = np.ones(len(places), dtype=bool)
        else:
            mask = kind_mask(kinds, place_kinds.get(use, (use,)))
        chosen = [p for p, keep in zip(places, mask) if keep]
        chosen_names = [n for n, keep in zip(names, mask) if keep] if names is not None else None
        distances, found = nearest(sites, chosen, chosen_names)
        for facts, d, name in zip(out, distances, found):
            facts[f"place_m_{use}"] = d
            facts[f"place_name_{use}"] = name
    return out


def qpv_facts(sites: Sequence, qpv: Sequence, names: Optional[Sequence]) -> list:
    """Per site, ``qpv_m`` (0 inside or touching a QPV), ``qpv_name`` and ``qpv_inside_name``."""
    distances, found = nearest(sites, qpv, names)
    out = []
    for d, name in zip(distances, found):
        inside = d is not None and d <= 0.0 and d != NO_PLACE_M
        out.append({"qpv_m": d, "qpv_name": name, "qpv_inside_name": name if inside else None})
    return out
