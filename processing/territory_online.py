"""The online sources of ``friches:prepare_territory``: each one asked only when the user chose it.

Every request goes through :class:`~.web_request.WebClient` (QGIS's network manager, so the proxy and
authentication of QGIS apply; time-out, retries with back-off, disk cache, cancel). What to ask and how to
read the answer is in ``core/opendata`` (one module per service, with the documentation it follows); this
module pages through the answers, keeps each feature once, and turns a changed or refusing service into a
message that names it.
"""

from __future__ import annotations

import json
import os
from typing import List

from qgis.core import QgsProcessingException

from ..core.opendata import ServiceChanged, ServiceRefused, cartofriches_api, geo_api, overpass, transport_api, wfs
from ..core.web import WebError
from ..translation import tr
from .web_request import web_error_message


def _changed(service: str, url: str, exc: Exception) -> QgsProcessingException:
    return QgsProcessingException(tr(
        "The answer of the service {service} is not in its documented format ({detail}): {url}. The service may "
        "have changed: check its address.").format(service=service, detail=getattr(exc, "detail", str(exc)),
                                                    url=url))


def _refused(service: str, url: str, exc: Exception) -> QgsProcessingException:
    return QgsProcessingException(tr("The service {service} could not answer {url}: {detail}").format(
        service=service, url=url, detail=getattr(exc, "detail", str(exc))))


def _json(answer, service: str):
    """The decoded JSON of an answer; a body that is not JSON means the service changed (named)."""
    try:
        return answer.json(service)
    except WebError as exc:
        raise QgsProcessingException(web_error_message(exc)) from exc


def _skipped_warning(feedback, service: str, n: int, url: str) -> None:
    if n:
        feedback.pushWarning(tr("{service}: {n} item(s) of the answer are not features (null or not an object), "
                                "left out: {url}").format(service=service, n=n, url=url))


# --------------------------------------------------------------------------------------------------
# API Découpage administratif
# --------------------------------------------------------------------------------------------------


def fetch_communes(client, base_url: str, kind: str, codes: List[str], feedback) -> List[dict]:
    """The communes (with outlines in WGS 84) of INSEE ``codes`` or of the EPCI ``codes[0]``."""
    service = geo_api.SERVICE
    communes = []
    if kind == geo_api.EPCI:
        url = geo_api.epci_communes_url(base_url, codes[0])
        answer = client.get(service, url, accept_status=(404,))
        if answer.status == 404:
            raise QgsProcessingException(tr("The service {service} knows no EPCI with the SIREN code {code} ({url}).")
                                         .format(service=service, code=codes[0], url=url))
        data = _json(answer, service)
        try:
            communes, skipped = geo_api.parse_epci_communes(data, codes[0])
        except ServiceChanged as exc:
            raise _changed(service, url, exc) from exc
        _skipped_warning(feedback, service, skipped, url)
        if not communes:
            raise QgsProcessingException(tr("The service {service} lists no commune in the EPCI {code} ({url}).")
                                         .format(service=service, code=codes[0], url=url))
        return communes
    for code in codes:
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        url = geo_api.commune_url(base_url, code)
        answer = client.get(service, url, accept_status=(404,))
        if answer.status == 404:
            raise QgsProcessingException(tr("The service {service} knows no commune with the INSEE code {code} "
                                            "({url}).").format(service=service, code=code, url=url))
        data = _json(answer, service)
        try:
            communes.append(geo_api.parse_commune(data, code))
        except ServiceChanged as exc:
            raise _changed(service, url, exc) from exc
    return communes


# --------------------------------------------------------------------------------------------------
# Cerema API Données foncières (Cartofriches)
# --------------------------------------------------------------------------------------------------


def fetch_friches(client, base_url: str, bbox_wgs84, feedback) -> List[dict]:
    """Every Cartofriches site whose outline meets the box, page after page (``next`` links)."""
    service = cartofriches_api.SERVICE
    seen, features = set(), []
    for box in cartofriches_api.bbox_tiles(bbox_wgs84):
        url = cartofriches_api.first_page_url(base_url, box)
        first = url
        pages = 0
        while url:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            pages += 1
            if pages > cartofriches_api.MAX_PAGES:
                raise QgsProcessingException(tr(
                    "The service {service} keeps sending pages for {url}: its paging does not end. Check its "
                    "address.").format(service=service, url=first))
            data, _answer = client.get_json(service, url)
            try:
                page, next_link, count, skipped = cartofriches_api.parse_page(data)
                nxt = cartofriches_api.next_page_url(next_link, first)
            except ServiceChanged as exc:
                raise _changed(service, url, exc) from exc
            _skipped_warning(feedback, service, skipped, url)
            for feature in page:
                key = cartofriches_api.site_key(feature)
                if key not in seen:
                    seen.add(key)
                    features.append(feature)
            feedback.pushInfo(tr("{service}: {n} site(s) on page {page} ({total} announced).").format(
                service=service, n=len(page), page=pages, total=count if count is not None else "?"))
            if nxt == url:
                raise QgsProcessingException(tr(
                    "The service {service} keeps sending pages for {url}: its paging does not end. Check its "
                    "address.").format(service=service, url=first))
            url = nxt
    return features


def write_geojson(features: List[dict], path: str) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    return path


# --------------------------------------------------------------------------------------------------
# IGN Géoplateforme WFS
# --------------------------------------------------------------------------------------------------


def fetch_wfs_roads(client, base_url: str, bbox_l93, feedback, progress) -> List[dict]:
    """Every ``troncon_de_route`` meeting the box, box after box and page after page (STARTINDEX)."""
    service = wfs.SERVICE
    boxes = wfs.box_tiles(bbox_l93)
    seen, features = set(), []
    for k, box in enumerate(boxes):
        start = 0
        for _page in range(wfs.MAX_PAGES):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            url = wfs.getfeature_url(base_url, box, start)
            answer = client.get(service, url, accept_status=(400,))
            try:
                wfs.check_body(answer.body)
            except ServiceRefused as exc:
                raise _refused(service, url, exc) from exc
            if answer.status == 400:
                raise QgsProcessingException(tr("The service {service} refused the request (HTTP {status}) {url}")
                                             .format(service=service, status=answer.status, url=url))
            data = _json(answer, service)
            try:
                page, matched, returned, skipped = wfs.parse_page(data)
                wfs.expect_roads(page)
            except ServiceChanged as exc:
                raise _changed(service, url, exc) from exc
            _skipped_warning(feedback, service, skipped, url)
            new = 0
            for feature in page:
                key = wfs.road_key(feature)
                if key not in seen:
                    seen.add(key)
                    features.append(feature)
                    new += 1
            start += returned
            # a server may cap the page below COUNT: go on until numberMatched when it says it
            if returned == 0 or (matched is not None and start >= matched) \
                    or (matched is None and returned < wfs.PAGE_SIZE):
                break
            if not new:
                raise QgsProcessingException(tr(
                    "The service {service} at {url} ignores STARTINDEX: it cannot be paged past the first page. "
                    "Check its address.").format(service=service, url=url))
        progress.set((k + 1) / len(boxes))
    return features


# --------------------------------------------------------------------------------------------------
# Overpass API
# --------------------------------------------------------------------------------------------------


def fetch_overpass_roads(client, url: str, bbox_wgs84, timeout_s: float, feedback, progress) -> List[dict]:
    service = overpass.SERVICE
    url = url or overpass.DEFAULT_URL
    boxes = overpass.box_tiles(bbox_wgs84)
    seen, ways = set(), []
    for k, box in enumerate(boxes):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        query = overpass.query(box, int(max(25, timeout_s)))
        answer = client.post(service, url, overpass.form_body(query))
        data = _json(answer, service)
        try:
            found = overpass.parse(data)
        except ServiceRefused as exc:
            raise _refused(service, url, exc) from exc
        except ServiceChanged as exc:
            raise _changed(service, url, exc) from exc
        for way in found:
            if way["id"] not in seen and len(way["coords"]) >= 2:
                seen.add(way["id"])
                ways.append(way)
        progress.set((k + 1) / len(boxes))
    return ways


# --------------------------------------------------------------------------------------------------
# transport.data.gouv.fr
# --------------------------------------------------------------------------------------------------


def fetch_gtfs(client, base_url: str, territory: transport_api.Territory, wanted_ids, folder: str, feedback):
    """(downloaded [(path, label)], feeds listed but not taken) for the territory."""
    service = transport_api.SERVICE
    url = transport_api.datasets_url(base_url)
    data, _answer = client.get_json(service, url)
    try:
        take, listed = transport_api.feeds_for(data, territory, wanted_ids)
    except ServiceChanged as exc:
        raise _changed(service, url, exc) from exc
    for feed in listed:
        feedback.pushInfo(tr("{service}: feed {title} ({level}, dataset id {id}) also covers the territory; not "
                             "downloaded (it may repeat the local networks). Add its id to take it.").format(
            service=service, title=feed.title, level=feed.level, id=feed.dataset_id))
    downloaded = []
    for k, feed in enumerate(take):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        answer = client.get(service, feed.url, accept=b"application/zip, application/octet-stream, */*")
        if not answer.body.startswith(b"PK"):
            raise QgsProcessingException(tr(
                "The GTFS feed {title} listed by {service} is not a zip file ({url}).").format(
                title=feed.title, service=service, url=feed.url))
        path = os.path.join(folder, f"gtfs_{k + 1}.zip")
        with open(path, "wb") as fh:
            fh.write(answer.body)
        downloaded.append((path, f"{feed.title} ({feed.url})"))
        feedback.pushInfo(tr("{service}: GTFS feed {title} downloaded ({size} kB).").format(
            service=service, title=feed.title, size=len(answer.body) // 1024))
    return downloaded, listed
