"""core.zoning.gpu_api without QGIS or network: URLs, tiles, paging past the 5,000 limit, errors,
schema inference, geometries."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
from friches_tierslieux.core.zoning import gpu_api as api


def page_server(total, honour_start=True, total_key="totalFeatures"):
    """A fake ``fetch`` serving ``total`` features in the documented format, recording the URLs."""
    calls = []

    def fetch(url):
        calls.append(url)
        query = parse_qs(urlparse(url).query)
        limit = min(int(query["_limit"][0]), api.MAX_LIMIT)
        start = int(query.get("_start", ["0"])[0]) if honour_start else 0
        ids = range(start, min(total, start + limit))
        body = {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "id": f"zone_urba.{i}",
                          "geometry": {"type": "Point", "coordinates": [2.0, 47.0]},
                          "properties": {"gid": i, "libelle": f"U{i}", "typezone": "U"}} for i in ids],
            total_key: total,
            "numberReturned": len(ids),
        }
        return 200, json.dumps(body).encode("utf-8")

    return fetch, calls


def test_build_url_encodes_the_geometry():
    geom = api.bbox_polygon((2.1, 47.8, 2.2, 47.9))
    url = api.build_url("https://apicarto.ign.fr/api/gpu/", "zone-urba", geom=geom, limit=5000, start=0)
    assert url.startswith("https://apicarto.ign.fr/api/gpu/zone-urba?geom=%7B%22type%22%3A%22Polygon%22")
    query = parse_qs(urlparse(url).query)
    assert json.loads(query["geom"][0]) == geom
    assert query["_limit"] == ["5000"] and query["_start"] == ["0"]
    assert " " not in url and "{" not in url
    assert api.build_url(api.DEFAULT_BASE_URL, "municipality", insee="45999") == \
        "https://apicarto.ign.fr/api/gpu/municipality?insee=45999"


def test_paging_past_the_limit():
    fetch, calls = page_server(12_000)
    reports = []
    features = api.fetch_all(fetch, "http://x", "zone-urba", geom=api.bbox_polygon((0, 0, 1, 1)),
                             on_page=reports.append)
    assert len(features) == 12_000 and len({f["properties"]["gid"] for f in features}) == 12_000
    assert [r.start for r in reports] == [0, 5000, 10000] and [r.returned for r in reports] == [5000, 5000, 2000]
    assert len(calls) == 3


def test_paging_stops_at_the_total_on_a_full_last_page():
    fetch, calls = page_server(10_000)
    assert len(api.fetch_all(fetch, "http://x", "zone-urba", limit=5000)) == 10_000
    assert len(calls) == 2  # no third request: _start reached totalFeatures
    fetch, calls = page_server(10_000, total_key="numberMatched")
    assert len(api.fetch_all(fetch, "http://x", "zone-urba", limit=5000)) == 10_000 and len(calls) == 2


def test_paging_without_total_stops_on_an_empty_page():
    fetch, calls = page_server(600, total_key="other")
    assert len(api.fetch_all(fetch, "http://x", "zone-urba", limit=200)) == 600
    assert len(calls) == 4  # 200, 200, 200, then an empty page


def test_page_size_is_capped_at_5000():
    fetch, calls = page_server(7000)
    api.fetch_all(fetch, "http://x", "zone-urba", limit=20_000)
    assert parse_qs(urlparse(calls[0]).query)["_limit"] == ["5000"]


def test_a_server_ignoring_start_does_not_loop():
    fetch, calls = page_server(12_000, honour_start=False)
    with pytest.raises(api.GpuError) as err:
        api.fetch_all(fetch, "http://x", "zone-urba")
    assert err.value.code == api.PAGING_IGNORED and len(calls) == 2


def test_errors():
    body = json.dumps({"code": 400, "message": {"geom": {"msg": "Géométrie invalide"}}}).encode()
    with pytest.raises(api.GpuError) as err:
        api.parse_response(400, body, "http://x/zone-urba")
    assert err.value.code == api.BAD_REQUEST and err.value.params["message"] == "geom: Géométrie invalide"
    assert err.value.params["url"] == "http://x/zone-urba" and err.value.params["status"] == 400
    with pytest.raises(api.GpuError) as err:
        api.parse_response(502, b"<html><body>Bad Gateway</body></html>")
    assert err.value.code == api.SERVER_ERROR and "Bad Gateway" in err.value.params["message"]
    with pytest.raises(api.GpuError) as err:
        api.parse_response(404, b"not here")
    assert err.value.code == api.HTTP_ERROR
    for body in (b"{oops", b'{"type": "Feature"}', b"\xff\xfe"):
        with pytest.raises(api.GpuError) as err:
            api.parse_response(200, body)
        assert err.value.code == api.BAD_RESPONSE


def test_tiles_cover_only_where_sites_are():
    one = api.tiles([(2.0, 47.0, 2.01, 47.01)], tile_deg=0.05)
    assert one == [(2.0, 47.0, 2.01, 47.01)]
    big = api.tiles([(2.0, 47.0, 2.12, 47.07)], tile_deg=0.05)
    assert len(big) == 6  # 3 x 2 cells, clipped to the box
    assert max(t[2] for t in big) == 2.12 and max(t[3] for t in big) == 47.07
    apart = api.tiles([(2.0, 47.0, 2.001, 47.001), (2.5, 47.5, 2.501, 47.501)], tile_deg=0.05)
    assert len(apart) == 2  # not the 11 x 11 cells between them
    assert api.tiles([]) == []
    grown = api.expand_bbox((2.0, 47.0, 2.0, 47.0), 0.0)
    assert grown[2] - grown[0] == pytest.approx(api.MIN_SPAN_DEG)


def test_request_key_is_stable():
    t = api.tiles([(2.0, 47.0, 2.12, 47.07)], 0.05)
    assert api.tiles_query(t, 0.05) == api.tiles_query(list(t), 0.05)
    assert api.tiles_query(t, 0.05) != api.tiles_query(t[:2], 0.05)
    key = api.request_key("http://x/", "zone_urba", "insee=45999")
    assert key == "http://x/zone-urba insee=45999"


def test_insee_codes():
    assert api.check_insee(" 45999 ") == "45999"
    assert api.check_insee("2a004") == "2A004"
    for bad in ("4599", "ABCDE", "", None):
        with pytest.raises(api.GpuError):
            api.check_insee(bad)


def test_commune_bbox():
    collection = {"features": [{"geometry": {"type": "Polygon", "coordinates": [[[2, 47], [3, 47], [3, 48], [2, 47]]]},
                                "properties": {"name": "Ingeville", "is_rnu": False}}]}
    assert api.commune_bbox(collection, "45999") == ((2.0, 47.0, 3.0, 48.0), "Ingeville", False)
    collection = {"features": [{"geometry": None, "properties": {"bbox": [2, 47, 3, 48], "is_rnu": True}}]}
    assert api.commune_bbox(collection, "45999")[0] == (2.0, 47.0, 3.0, 48.0)
    with pytest.raises(api.GpuError) as err:
        api.commune_bbox({"features": []}, "45999")
    assert err.value.code == api.UNKNOWN_INSEE


def test_schema_and_values():
    features = [
        {"properties": {"gid": 1, "libelle": "UA", "bbox": [1, 2, 3, 4], "area": 3, "fid": 9}},
        {"properties": {"gid": 2 ** 40, "libelle": None, "area": 2.5, "flag": True}},
    ]
    fields = api.infer_fields(features, api.documented_fields("zone-urba"))
    kinds = dict(fields)
    assert fields[0] == ("gid", "int64") and kinds["libelle"] == "string" and kinds["typezone"] == "string"
    assert kinds["bbox"] == "string" and kinds["area"] == "double" and kinds["flag"] == "bool"
    assert "fid_gpu" in kinds and "fid" not in kinds
    values = dict(zip([f for f, _ in fields], api.property_values(features[0], fields)))
    assert values["bbox"] == "[1, 2, 3, 4]" and values["area"] == 3.0 and values["fid_gpu"] == 9


def test_geometries_are_forced_to_the_layer_kind():
    poly = {"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}
    assert api.feature_geometry(poly, "polygon").geom_type == "MultiPolygon"
    assert api.feature_geometry(poly, "line") is None
    point = {"geometry": {"type": "Point", "coordinates": [1, 2]}}
    assert api.feature_geometry(point, "point").geom_type == "MultiPoint"
    assert api.feature_geometry({"geometry": None}, "point") is None
    assert api.feature_geometry({"geometry": {"type": "Point"}}, "point") is None


def test_dedupe_across_tiles():
    a = {"properties": {"gid": 1}}
    b = {"properties": {"gid": 2}}
    c = {"properties": {"libelle": "x"}, "geometry": None}
    assert api.dedupe([a, b, a, c, dict(c)]) == [a, b, c]


def test_null_items_in_the_features_array_are_left_out_and_counted():
    """Issue 12: an API Carto answer whose features array holds null raised AttributeError."""
    def fetch(url):
        query = parse_qs(urlparse(url).query)
        start = int(query["_start"][0])
        # 3 items a page (the page size asked), one of them null on the first page; 5 items in all
        items = [None, {"type": "Feature", "properties": {"gid": 1}, "geometry": None}, 7][:3] if start == 0 else \
            [{"type": "Feature", "properties": {"gid": 2}, "geometry": None}, None]
        return 200, json.dumps({"type": "FeatureCollection", "features": items, "totalFeatures": 5}).encode()

    pages = []
    features = api.fetch_all(fetch, api.DEFAULT_BASE_URL, "zone-urba", geom=api.bbox_polygon((2, 47, 2.1, 47.1)),
                             limit=3, on_page=pages.append)
    assert [f["properties"]["gid"] for f in features] == [1, 2]
    assert [(p.start, p.returned, p.skipped) for p in pages] == [(0, 1, 2), (3, 1, 1)]
    collection = api.parse_response(200, b'{"features": [null, null]}')
    assert collection["features"] == [] and collection[api.SKIPPED_KEY] == 2
    with pytest.raises(api.GpuError):  # no commune: a clear error, not an AttributeError
        api.commune_bbox(collection, "45999")
