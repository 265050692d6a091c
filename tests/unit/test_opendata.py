"""core.opendata: the request each service documents and the reading of its documented answers (including the
answers that are not: a changed format, null items, an Overpass runtime error, a WFS exception report)."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
from friches_tierslieux.core.opendata import (
    ServiceChanged,
    ServiceRefused,
    cartofriches_api,
    feature_list,
    geo_api,
    overpass,
    tiles,
    transport_api,
    wfs,
)

# -- API Découpage administratif -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("13210", ("communes", ["13210"])),
    ("13210, 13209;13211 13210", ("communes", ["13210", "13209", "13211"])),
    ("2a004", ("communes", ["2A004"])),
    ("3013", ("communes", ["03013"])),  # a leading zero lost by a spreadsheet
    ("200054807", ("epci", ["200054807"])),
])
def test_territory_codes(text, expected):
    assert geo_api.parse_territory(text) == expected


@pytest.mark.parametrize("text", ["", "Marseille", "200054807, 13210", "123456", "2C004"])
def test_territory_codes_refused(text):
    with pytest.raises(geo_api.TerritoryCodeError):
        geo_api.parse_territory(text)


def test_geo_api_urls_and_answers():
    url = urlparse(geo_api.commune_url("https://geo.api.gouv.fr/", "13210"))
    assert url.path == "/communes/13210"
    query = parse_qs(url.query)
    assert query["format"] == ["geojson"] and query["geometry"] == ["contour"]
    assert "codeEpci" in query["fields"][0]
    assert urlparse(geo_api.epci_communes_url(None, "200054807")).path == "/epcis/200054807/communes"
    feature = {"type": "Feature", "properties": {"code": "13210", "nom": "Marseille 10e Arrondissement",
                                                 "codeDepartement": "13", "codeRegion": "93", "population": 56000},
               "geometry": {"type": "Polygon", "coordinates": [[[5.4, 43.27], [5.43, 43.27], [5.43, 43.29],
                                                                [5.4, 43.27]]]}}
    commune = geo_api.parse_commune(feature, "13210")
    assert commune["code"] == "13210" and commune["code_departement"] == "13" and commune["population"] == 56000
    assert commune["code_epci"] is None
    communes, skipped = geo_api.parse_epci_communes({"type": "FeatureCollection", "features": [feature, None]},
                                                    "200054807")
    assert len(communes) == 1 and skipped == 1
    with pytest.raises(ServiceChanged):
        geo_api.parse_commune([feature], "13210")  # an array where a Feature is documented
    with pytest.raises(ServiceChanged):
        geo_api.parse_commune({"type": "Feature", "properties": {"code": "1"}, "geometry": {"type": "Point"}}, "1")


# -- Cartofriches ----------------------------------------------------------------------------------------------


def test_cartofriches_boxes_and_urls():
    boxes = cartofriches_api.bbox_tiles((4.9, 43.1, 6.4, 43.6))
    assert len(boxes) == 2 and all(b[2] - b[0] <= 1.0 + 1e-4 and b[3] - b[1] <= 1.0 + 1e-4 for b in boxes)
    url = urlparse(cartofriches_api.first_page_url("https://apidf-preprod.cerema.fr", boxes[0]))
    assert url.path == "/cartofriches/geofriches/"
    query = parse_qs(url.query)
    assert query["page_size"] == ["500"] and len(query["in_bbox"][0].split(",")) == 4


def test_cartofriches_paging_links():
    first = "https://apidf-preprod.cerema.fr/cartofriches/geofriches/?in_bbox=5,43,6,44&page_size=500"
    # behind the reverse proxy the next link comes back in http: the first request's scheme is kept
    assert cartofriches_api.next_page_url(
        "http://apidf-preprod.cerema.fr/cartofriches/geofriches/?in_bbox=5,43,6,44&page=2&page_size=500", first
    ).startswith("https://apidf-preprod.cerema.fr/")
    assert cartofriches_api.next_page_url(None, first) is None
    assert cartofriches_api.next_page_url("/cartofriches/geofriches/?page=2", first) == \
        "https://apidf-preprod.cerema.fr/cartofriches/geofriches/?page=2"
    with pytest.raises(ServiceChanged):
        cartofriches_api.next_page_url("https://elsewhere.example/?page=2", first)
    page = {"type": "FeatureCollection", "count": 3, "next": first + "&page=2", "previous": None,
            "features": [{"type": "Feature", "id": "13055_2502", "properties": {"site_id": "13055_2502"},
                          "geometry": None}, None]}
    features, nxt, count, skipped = cartofriches_api.parse_page(page)
    assert len(features) == 1 and count == 3 and skipped == 1 and nxt.endswith("page=2")
    assert cartofriches_api.site_key(features[0]) == "13055_2502"
    with pytest.raises(ServiceChanged):
        cartofriches_api.parse_page({"count": 0, "results": []})  # the non-geo endpoint's format


# -- WFS -------------------------------------------------------------------------------------------------------


def test_wfs_request_and_pages():
    boxes = wfs.box_tiles((890000, 6240000, 901000, 6247000))
    assert len(boxes) == 6
    query = parse_qs(urlparse(wfs.getfeature_url("https://data.geopf.fr/wfs/ows", boxes[0], 5000)).query)
    assert query["TYPENAMES"] == ["BDTOPO_V3:troncon_de_route"] and query["SRSNAME"] == ["EPSG:2154"]
    assert query["COUNT"] == ["5000"] and query["STARTINDEX"] == ["5000"] and query["BBOX"][0].endswith(",EPSG:2154")
    page = {"type": "FeatureCollection", "numberMatched": 7, "numberReturned": 2, "features": [
        {"type": "Feature", "id": "troncon_de_route.1", "properties": {"cleabs": "TRONROUT1", "nature": "Chemin"},
         "geometry": {"type": "LineString", "coordinates": [[0, 0, 1], [1, 1, 2]]}}, None]}
    features, matched, returned, skipped = wfs.parse_page(page)
    assert (len(features), matched, returned, skipped) == (1, 7, 2, 1)
    assert wfs.road_key(features[0]) == "TRONROUT1"
    wfs.expect_roads(features)
    with pytest.raises(ServiceChanged):
        wfs.expect_roads([{"properties": {"id": 1}}])


def test_wfs_exception_report():
    body = (b'<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" '
            b'version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="typeName">'
            b'<ows:ExceptionText>Feature type BDTOPO_V3:troncon unknown</ows:ExceptionText></ows:Exception>'
            b'</ows:ExceptionReport>')
    with pytest.raises(ServiceRefused) as err:
        wfs.check_body(body)
    assert "troncon unknown" in err.value.detail
    wfs.check_body(b'{"type": "FeatureCollection", "features": []}')
    assert wfs.exception_text(b"<html>not xml") is None


# -- Overpass --------------------------------------------------------------------------------------------------


def test_overpass_query_and_answer():
    text = overpass.query((5.38, 43.25, 5.46, 43.30), 180)
    assert text == '[out:json][timeout:180];way["highway"](43.250000,5.380000,43.300000,5.460000);out geom;'
    assert overpass.form_body(text).startswith(b"data=%5Bout%3Ajson%5D")
    answer = {"version": 0.6, "generator": "Overpass API", "osm3s": {}, "elements": [
        {"type": "way", "id": 42, "bounds": {}, "geometry": [{"lat": 43.26, "lon": 5.40}, {"lat": 43.27, "lon": 5.41}],
         "tags": {"highway": "residential", "oneway": "yes", "name": "Rue \"A\"", "surface": "asphalt"}},
        {"type": "node", "id": 1, "lat": 0, "lon": 0}]}
    ways = overpass.parse(answer)
    assert len(ways) == 1 and ways[0]["coords"] == [(5.40, 43.26), (5.41, 43.27)]
    way_id, row = overpass.way_row(ways[0])
    assert way_id == 42 and row["highway"] == "residential" and row["oneway"] == "yes"
    assert row["other_tags"] == '"surface"=>"asphalt"' and row["name"] == 'Rue "A"'
    timed_out = dict(answer, remark='runtime error: Query timed out in "query" at line 1 after 25 seconds.')
    with pytest.raises(ServiceRefused) as err:
        overpass.parse(timed_out)
    assert "timed out" in err.value.detail
    with pytest.raises(ServiceChanged):
        overpass.parse({"features": []})


# -- transport.data.gouv.fr ------------------------------------------------------------------------------------


def dataset(i, areas, resources, kind="public-transit"):
    return {"id": f"ds{i}", "title": f"Réseau {i}", "type": kind, "covered_area": areas, "resources": resources}


GTFS = {"format": "GTFS", "url": "https://transport.data.gouv.fr/resources/1/download", "is_available": True}


def test_transport_feeds_for_a_territory():
    territory = transport_api.Territory({"13210", "13209"}, {"200054807"}, {"13"}, {"93"})
    data = [
        dataset(1, [{"type": "commune", "insee": "13210", "nom": "Marseille 10e"}], [GTFS]),
        dataset(2, [{"type": "epci", "insee": "200054807", "nom": "Aix-Marseille"}],
                [GTFS, {"format": "NeTEx", "url": "x"}, dict(GTFS, is_available=False)]),
        dataset(3, [{"type": "region", "insee": "93", "nom": "PACA"}], [GTFS]),
        dataset(4, [{"type": "pays", "insee": "FR", "nom": "France"}], [GTFS]),
        dataset(5, [{"type": "commune", "insee": "75056", "nom": "Paris"}], [GTFS]),
        dataset(6, [{"type": "epci", "insee": "200054807"}], [GTFS], kind="bike-scooter-sharing"),
        dataset(7, {"type": "cities", "cities": [{"insee": "13209", "name": "Marseille 9e"}]}, [GTFS]),  # older form
        None,
    ]
    take, listed = transport_api.feeds_for(data, territory)
    assert [f.dataset_id for f in take] == ["ds1", "ds7", "ds2"]  # communes first, then the EPCI
    assert [f.level for f in take] == ["commune", "commune", "epci"]
    assert [f.dataset_id for f in listed] == ["ds3", "ds4"]  # region and national: listed only
    take, listed = transport_api.feeds_for(data, territory, wanted_ids=["ds3"])
    assert "ds3" in [f.dataset_id for f in take] and [f.dataset_id for f in listed] == ["ds4"]
    with pytest.raises(ServiceChanged):
        transport_api.feeds_for({"data": []}, territory)


# -- shared ----------------------------------------------------------------------------------------------------


def test_feature_list_and_tiles():
    assert feature_list({"features": [{"a": 1}, None, 3]}, "x") == [{"a": 1}]
    with pytest.raises(ServiceChanged):
        feature_list({"type": "FeatureCollection"}, "x")
    cells = tiles((0, 0, 10, 4), 3)
    assert len(cells) == 8 and cells[0] == (0, 0, 2.5, 2.0) and cells[-1][2:] == (10, 4)
    assert json.dumps(tiles((0, 0, 1, 1), 5)) == "[[0.0, 0.0, 1.0, 1.0]]"
