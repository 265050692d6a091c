"""API Découpage administratif (geo.api.gouv.fr): commune and EPCI outlines.

Documented in the service's OpenAPI file ``definition.yml`` and its server (``datagouv/api-geo``,
``server.js``, read at commit 4aa0828 of 2026-03-30):

- ``GET {base}/communes/{code}?format=geojson&geometry=contour&fields=…``: one GeoJSON ``Feature`` whose
  geometry is the outline (Polygon or MultiPolygon, WGS 84) and whose properties are the asked fields
  (``nom``, ``code``, ``codeEpci``, ``codeDepartement``, ``codeRegion``, ``population``…). The code may
  be an arrondissement municipal (Paris, Lyon, Marseille: 13201…13216): ``/communes/{code}`` searches
  every type. Unknown code: HTTP 404 (body ``Not Found``).
- ``GET {base}/epcis/{siren}/communes?format=geojson&geometry=contour&fields=…``: a
  ``FeatureCollection`` of the EPCI's communes (communes, not arrondissements); unknown EPCI: HTTP 404.
- A malformed request: HTTP 400 with ``{code, message, description}`` or a plain text.

Pure Python.
"""

from __future__ import annotations

import re
from typing import List, Tuple
from urllib.parse import quote

from . import ServiceChanged, feature_list

DEFAULT_BASE_URL = "https://geo.api.gouv.fr"
SERVICE = "API Découpage administratif (geo.api.gouv.fr)"
FIELDS = "nom,code,codeEpci,codeDepartement,codeRegion,population"

COMMUNES = "communes"
EPCI = "epci"

_INSEE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_SIREN = re.compile(r"^\d{9}$")


#: Région of each département (INSEE Code officiel géographique since 2016), for territories given as a layer
#: whose communes carry only their INSEE code (transport.data.gouv.fr lists regional feeds by région).
_REGIONS = {
    "11": "75 77 78 91 92 93 94 95", "24": "18 28 36 37 41 45", "27": "21 25 39 58 70 71 89 90",
    "28": "14 27 50 61 76", "32": "02 59 60 62 80", "44": "08 10 51 52 54 55 57 67 68 88",
    "52": "44 49 53 72 85", "53": "22 29 35 56", "75": "16 17 19 23 24 33 40 47 64 79 86 87",
    "76": "09 11 12 30 31 32 34 46 48 65 66 81 82", "84": "01 03 07 15 26 38 42 43 63 69 73 74",
    "93": "04 05 06 13 83 84", "94": "2A 2B", "01": "971", "02": "972", "03": "973", "04": "974", "06": "976",
}
REGION_OF_DEPARTEMENT = {dep: region for region, deps in _REGIONS.items() for dep in deps.split()}


def departement_of(code: str):
    """The département of an INSEE commune code (``97x`` overseas, ``2A`` / ``2B`` Corsica), or None."""
    code = (code or "").strip().upper()
    if not _INSEE.match(code):
        return None
    return code[:3] if code.startswith("97") else code[:2]


class TerritoryCodeError(ValueError):
    """``value`` is neither INSEE commune codes nor one EPCI SIREN code."""

    def __init__(self, value: str):
        super().__init__(value)
        self.value = value


def parse_territory(text: str) -> Tuple[str, List[str]]:
    """(COMMUNES, [INSEE codes]) or (EPCI, [SIREN]) from a text such as ``13210, 13209`` or
    ``200054807``; items separated by commas, semicolons or spaces; INSEE codes upper-cased (2A/2B).
    A leading zero lost by a spreadsheet (``3013``) is given back. TerritoryCodeError otherwise."""
    items = [item for item in re.split(r"[,;\s]+", text or "") if item]
    if not items:
        raise TerritoryCodeError(text or "")
    codes = []
    for item in items:
        code = item.strip().upper()
        if len(code) == 4 and code.isdigit():
            code = "0" + code
        codes.append(code)
    if len(codes) == 1 and _SIREN.match(codes[0]):
        return EPCI, codes
    bad = [item for item, code in zip(items, codes) if not _INSEE.match(code)]
    if bad:
        raise TerritoryCodeError(", ".join(bad))
    return COMMUNES, list(dict.fromkeys(codes))


def commune_url(base_url: str, code: str) -> str:
    return "{}/communes/{}?format=geojson&geometry=contour&fields={}".format(
        (base_url or DEFAULT_BASE_URL).rstrip("/"), quote(code), FIELDS)


def epci_communes_url(base_url: str, siren: str) -> str:
    return "{}/epcis/{}/communes?format=geojson&geometry=contour&fields={}".format(
        (base_url or DEFAULT_BASE_URL).rstrip("/"), quote(siren), FIELDS)


def _commune(feature: dict, what: str) -> dict:
    """A commune as ``{code, nom, population, code_epci, code_departement, code_region, geometry}``."""
    geometry = feature.get("geometry")
    props = feature.get("properties")
    if not isinstance(props, dict) or not isinstance(geometry, dict) \
            or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise ServiceChanged(f"{what}: a Feature with a Polygon or MultiPolygon contour and properties was expected")
    code = str(props.get("code") or "")
    if not code:
        raise ServiceChanged(f"{what}: the commune has no code")
    population = props.get("population")
    return {
        "code": code,
        "nom": str(props.get("nom") or ""),
        "population": int(population) if isinstance(population, (int, float)) else None,
        "code_epci": str(props.get("codeEpci") or "") or None,
        "code_departement": str(props.get("codeDepartement") or "") or None,
        "code_region": str(props.get("codeRegion") or "") or None,
        "geometry": geometry,
    }


def parse_commune(data, code: str) -> dict:
    """The commune of a ``/communes/{code}`` answer (a Feature)."""
    if not isinstance(data, dict) or data.get("type") != "Feature":
        raise ServiceChanged(f"commune {code}: a GeoJSON Feature was expected")
    return _commune(data, f"commune {code}")


def parse_epci_communes(data, siren: str) -> Tuple[List[dict], int]:
    """(communes, items of the features array that were not features) of an ``/epcis/{siren}/communes``
    answer; an empty list is possible (the caller says so)."""
    features = feature_list(data, f"EPCI {siren}")
    return [_commune(f, f"EPCI {siren}") for f in features], len(data["features"]) - len(features)
