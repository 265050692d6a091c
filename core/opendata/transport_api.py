"""transport.data.gouv.fr (Point d'accès national): the GTFS feeds that cover an area.

Documented by the platform's OpenAPI operations and serialisation (``etalab/transport-site``,
``apps/transport/lib/transport_web/api/controllers/datasets_controller.ex``, ``router.ex`` and
``apps/transport/lib/db/administrative_division.ex``, read at commit 06c2f3e of 2026-07-22):

- ``GET {base}/datasets``: a JSON array of datasets. Each has ``id`` (the data.gouv.fr id), ``title``,
  ``slug``, ``page_url``, ``type`` (``public-transit`` for timetables), ``covered_area`` (an array of
  administrative divisions ``{"type": "commune" | "epci" | "departement" | "region" | "pays",
  "insee": code, "nom": name}``) and ``resources`` (``{"id", "title", "format": "GTFS" | "NeTEx" | …,
  "url": stable download URL, "original_url", "is_available", …}``).
- Older answers described the area as one object (``{"type": "aom" | "region" | "cities" | "country",
  …, "cities": [{"insee"…}]}``): read too.
- ``GET {base}/datasets/{id}``: one dataset (same fields); 404 ``{"errors": "dataset not found"}``.

Which feeds to take: a dataset whose covered area names a commune of the territory or its EPCI serves
the territory's own network; departement, region and national datasets often aggregate those same local
networks (counting their departures twice), so they are listed for the user and taken only when named
explicitly (their ``id`` in the algorithm's parameter).

Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, List, Optional, Set

from . import ServiceChanged

DEFAULT_BASE_URL = "https://transport.data.gouv.fr/api"
SERVICE = "transport.data.gouv.fr"
LOCAL_LEVELS = ("commune", "epci")
LEVEL_ORDER = {"commune": 0, "epci": 1, "departement": 2, "region": 3, "pays": 4}


def datasets_url(base_url: str) -> str:
    return (base_url or DEFAULT_BASE_URL).rstrip("/") + "/datasets"


@dataclass
class Territory:
    """The codes an area is known by: communes, EPCI (SIREN), départements, régions."""

    communes: Set[str] = field(default_factory=set)
    epcis: Set[str] = field(default_factory=set)
    departements: Set[str] = field(default_factory=set)
    regions: Set[str] = field(default_factory=set)


@dataclass
class Feed:
    dataset_id: str
    title: str
    level: str  # the most local division of the dataset's area in the territory
    url: str
    resource_title: str
    page_url: str = ""


def _areas(dataset: dict) -> List[dict]:
    """The dataset's covered area as ``[{type, insee}]``, from the current array or the older object."""
    area = dataset.get("covered_area")
    if isinstance(area, list):
        return [a for a in area if isinstance(a, dict)]
    if isinstance(area, dict):
        kind = area.get("type")
        if kind == "cities":
            return [{"type": "commune", "insee": c.get("insee")} for c in area.get("cities") or []
                    if isinstance(c, dict)]
        if kind == "country":
            return [{"type": "pays", "insee": "FR"}]
        if kind == "aom":
            aom = area.get("aom") or {}
            return [{"type": "epci", "insee": aom.get("siren")}]
        if kind == "region":
            return [{"type": "region", "insee": (area.get("region") or {}).get("insee")}]
    return []


def dataset_level(dataset: dict, territory: Territory) -> Optional[str]:
    """The most local division through which the dataset covers the territory, or None."""
    found = []
    for area in _areas(dataset):
        kind, code = str(area.get("type") or ""), str(area.get("insee") or "")
        if (kind == "commune" and code in territory.communes) or (kind == "epci" and code in territory.epcis) \
                or (kind == "departement" and code in territory.departements) \
                or (kind == "region" and code in territory.regions) or kind == "pays":
            found.append(kind)
    return min(found, key=lambda k: LEVEL_ORDER.get(k, 9)) if found else None


def gtfs_resources(dataset: dict) -> List[dict]:
    resources = dataset.get("resources") or []
    return [r for r in resources if isinstance(r, dict) and str(r.get("format") or "").upper() == "GTFS"
            and r.get("is_available", True) is not False and (r.get("url") or r.get("original_url"))]


def feeds_for(data, territory: Territory, wanted_ids: Iterable[str] = ()) -> tuple:
    """(feeds to download, feeds listed only) for the territory: every GTFS resource of the public-transit
    datasets covering it at commune or EPCI level, plus those of the datasets whose id is in
    ``wanted_ids`` (any level); the others covering it are listed only. ServiceChanged when the answer is
    not an array of datasets."""
    if not isinstance(data, list):
        raise ServiceChanged("an array of datasets was expected")
    wanted = {str(i).strip() for i in wanted_ids if str(i).strip()}
    take, listed = [], []
    for dataset in data:
        if not isinstance(dataset, dict):
            continue
        dataset_id = str(dataset.get("id") or dataset.get("datagouv_id") or "")
        if dataset.get("type") not in (None, "public-transit") and dataset_id not in wanted:
            continue
        level = dataset_level(dataset, territory)
        if level is None and dataset_id not in wanted:
            continue
        for resource in gtfs_resources(dataset):
            feed = Feed(dataset_id, str(dataset.get("title") or dataset.get("slug") or dataset_id), level or "id",
                        str(resource.get("url") or resource.get("original_url")), str(resource.get("title") or ""),
                        str(dataset.get("page_url") or ""))
            (take if dataset_id in wanted or level in LOCAL_LEVELS else listed).append(feed)
    key = lambda f: (LEVEL_ORDER.get(f.level, 9), f.title)  # noqa: E731
    return sorted(take, key=key), sorted(listed, key=key)
