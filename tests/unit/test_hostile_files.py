"""Regression tests of issue 12, point 2, for the pure-Python readers: files built here the way the outside
campaign built them, each of which used to end in a raw traceback or in lost rows.

- encodings: UTF-16 (with and without mark), UTF-8 with mark, windows-1252, latin-1 (``core.encoding``);
- CSV rows longer than QGIS reads, quoted line breaks, short and long rows (``core.delimited``);
- GTFS: header-only stop_times.txt with frequencies.txt (IndexError), UTF-16 stops.txt (csv.Error), a
  member with a damaged local header (BadZipFile), a feed zipped twice;
- the scoring profile in latin-1 (UnicodeDecodeError), with 100,000 nested brackets (RecursionError),
  with ``inputs.services_radius_m`` as text (ValueError later);
- the zoning rules table in windows-1252;
- inventory rows: NaN and infinite coordinates (GEOSException), a 23-digit integer.
"""

import codecs
import json
import math
import time
import zipfile

import pytest
import shapely
from friches_tierslieux.core import delimited
from friches_tierslieux.core import encoding as enc
from friches_tierslieux.core import inventory as inv
from friches_tierslieux.core.gtfs import GtfsError, service
from friches_tierslieux.core.gtfs.calendar import choose_date
from friches_tierslieux.core.gtfs.feed import read_feed
from friches_tierslieux.core.scoring.profile import DEFAULT_PROFILE, ProfileError, load_profile
from friches_tierslieux.core.zoning import compatibility as cp
from gtfs_builders import STOPS, base_files, write_feed

TEXT = "site_id;site_nom\n75056_1;Café de l'Hôtel-Dieu\n75056_2;Friche « Écoles »\n"


# -- encodings ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "expected"), [
    (TEXT.encode("utf-16"), "UTF-16"),
    (TEXT.encode("utf-16-be"), "UTF-16BE"),
    (TEXT.encode("utf-16-le"), "UTF-16LE"),
    (TEXT.encode("utf-32"), "UTF-32"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8-SIG"),
    (TEXT.encode("utf-8"), "UTF-8"),
    (TEXT.encode("cp1252"), "windows-1252"),
    (TEXT.encode("latin-1") + b"\x81", "ISO-8859-1"),  # 0x81 is undefined in windows-1252
    (b"", "UTF-8"),
])
def test_encodings_are_recognised(data, expected):
    assert enc.sniff_encoding(data) == expected
    text, found = enc.decode(data)
    assert found == expected
    assert text.rstrip("\x81").replace("\ufeff", "") == (TEXT if data else "")


def test_a_utf8_character_cut_by_a_partial_read_is_still_utf8():
    data = ("é" * 100).encode("utf-8")[:-1]
    assert enc.sniff_encoding(data) == "UTF-8"


# -- CSV files QGIS cuts or garbles ---------------------------------------------------------------------------


def test_a_30_mb_line_is_read_whole_with_the_rows_around_it(tmp_path):
    ring = ",".join(f"{652000 + (k % 997) * 0.25:.2f} {6862000 + (k // 997) * 0.25:.2f}" for k in range(1_000_000))
    path = tmp_path / "huge.csv"
    path.write_text(f"site_id;geomsurf;site_nom\na;x;premier\nb;\"POLYGON (({ring}))\";énorme\nc;y;dernier\n",
                    encoding="utf-8")
    assert delimited.longest_line(str(path)) > max(delimited.PROVIDER_LINE_LIMIT, 20_000_000)
    table = delimited.DelimitedFile(str(path))
    assert table.delimiter == ";" and table.encoding == "UTF-8"
    rows = list(table.rows())
    assert [r for r, _v in rows] == [1, 2, 3]
    assert [v["site_nom"] for _r, v in rows] == ["premier", "énorme", "dernier"]
    assert len(rows[1][1]["geomsurf"]) == len(ring) + len("POLYGON (())")
    import csv

    assert csv.field_size_limit() == 131072  # the process-wide limit is given back


def test_utf16_quoted_line_breaks_short_and_long_rows(tmp_path):
    path = tmp_path / "u16.csv"
    text = 'site_id,site_nom,,site_nom\n1,"deux\nlignes",x,y\n2\n\n3,a,b,c,d,e\n'
    path.write_bytes(text.encode("utf-16"))
    table = delimited.DelimitedFile(str(path))
    assert (table.encoding, table.delimiter) == ("UTF-16", ",")
    rows = dict(table.rows())
    assert table.names == ["site_id", "site_nom", "field_3", "site_nom_2"]
    assert rows[1] == {"site_id": "1", "site_nom": "deux\nlignes", "field_3": "x", "site_nom_2": "y"}
    assert rows[2] == {"site_id": "2", "site_nom": None, "field_3": None, "site_nom_2": None}
    assert rows[3]["site_nom_2"] == "c" and len(rows) == 3


def test_an_unknown_encoding_is_a_clear_error(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(delimited.DelimitedError) as info:
        delimited.DelimitedFile(str(path), encoding="klingon-8")
    assert info.value.code == "unreadable"


# -- GTFS -----------------------------------------------------------------------------------------------------

WINDOW = service.Window(7 * 3600, 19 * 3600)


def departures(path):
    feed = read_feed(path)
    return feed, service.departures(feed, choose_date(feed, None).date, WINDOW)


def test_header_only_stop_times_with_frequencies(tmp_path):
    path = write_feed(tmp_path / "f.zip", stop_times="trip_id,arrival_time,departure_time,stop_id,stop_sequence\n")
    feed, events = departures(path)
    assert len(feed.stop_times) == 0 and feed.frequencies is not None and len(feed.frequencies) == 2
    assert len(events) == 0


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-8-sig", "cp1252"])
def test_stops_in_other_encodings_read_like_utf8(tmp_path, codec):
    reference, ref_events = departures(write_feed(tmp_path / "ref.zip"))
    files = base_files()
    path = tmp_path / f"{codec}.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            import textwrap

            text = textwrap.dedent(text)
            zf.writestr(name, text.encode(codec) if name == "stops.txt" else text.encode("utf-8"))
    feed, events = departures(path)
    assert feed.stops["stop_name"].tolist() == reference.stops["stop_name"].tolist()
    assert "Écoles" in feed.stops["stop_name"].tolist()
    assert sorted(events.time.tolist()) == sorted(ref_events.time.tolist())
    codes = [code for code, _params in feed.warnings]
    assert ("other_encoding" in codes) == codec.startswith("utf-16")
    assert ("not_utf8" in codes) == (codec == "cp1252")
    assert STOPS  # the builder's text, used above through base_files()


def test_damaged_member_is_named(tmp_path):
    path = write_feed(tmp_path / "damaged.zip")
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo("stops.txt").header_offset
    data = bytearray(path.read_bytes())
    data[offset:offset + 4] = b"XXXX"  # the member's local header signature
    path.write_bytes(bytes(data))
    with pytest.raises(GtfsError) as info:
        read_feed(path)
    assert (info.value.code, info.value.file) == ("damaged_member", "stops.txt")


def test_corrupt_deflate_stream_is_named(tmp_path):
    path = write_feed(tmp_path / "corrupt.zip")
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("stop_times.txt")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(path.read_bytes())
    for k in range(start + 5, start + info.compress_size - 2):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(GtfsError) as error:
        read_feed(path)
    assert error.value.code in ("damaged_member", "bad_csv", "bad_encoding", "missing_column", "bad_time",
                                "unknown_trip", "unknown_stop", "bad_number", "empty_file")
    assert error.value.file == "stop_times.txt"


def test_feed_zipped_twice(tmp_path):
    inner = write_feed(tmp_path / "inner.zip")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "gtfs/inner.zip")
    with pytest.raises(GtfsError) as info:
        read_feed(outer)
    assert info.value.code == "nested_zip" and "inner.zip" in info.value.params["inner"]


# -- the scoring profile --------------------------------------------------------------------------------------


def default_data():
    return json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))


def test_profile_saved_in_latin1(tmp_path):
    data = default_data()
    data["uses"]["coworking"]["label_fr"] = "Coworking créé à l'hôtel"
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode("latin-1", errors="replace"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    profile = load_profile(path)
    assert profile.use("coworking").label_fr == "Coworking créé à l'hôtel"


def test_profile_of_100000_nested_brackets(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ProfileError, match="nested too deeply"):
        load_profile(path)
    assert time.perf_counter() - start < 10


def test_profile_conditions_nested_beyond_reason(tmp_path):
    data = default_data()
    when = {"fact": "zone_family", "in": ["A"]}
    for _ in range(30):
        when = {"any": [when]}
    data["rules"][0]["when"] = when
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"rules\[0\]\.when(\.any\[0\])+\.any: conditions nested"):
        load_profile(path)


@pytest.mark.parametrize(("inputs", "words"), [
    ({"services_radius_m": "500"}, "inputs.services_radius_m: must be a number"),
    ({"services_radius_m": -5}, "inputs.services_radius_m: must be a number between 1"),
    ({"services_radius_m": True}, "inputs.services_radius_m: must be a number"),
    ({"pop_walk_field": 15}, "inputs.pop_walk_field: must be the name of a field"),
    ({"pop_walk_field": " "}, "inputs.pop_walk_field: must be the name of a field"),
    ({"pop_wlak_field": "pop_15min"}, "inputs.pop_wlak_field: unknown input"),
    ([1, 2], "inputs: must be an object"),
])
def test_profile_inputs_are_type_checked(tmp_path, inputs, words):
    data = default_data()
    data["inputs"] = inputs
    path = tmp_path / "inputs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert words in str(info.value)


def test_default_profile_inputs_are_kept():
    profile = load_profile(None)
    assert profile.input("services_radius_m") == 500.0 and profile.input("pop_walk_field") == "pop_15min"


# -- the zoning rules table -----------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["cp1252", "utf-8", "utf-8-sig", "utf-16"])
def test_rules_table_in_other_encodings(tmp_path, codec):
    text = cp.RULES_PATH.read_text(encoding="utf-8")
    path = tmp_path / f"rules_{codec}.csv"
    path.write_bytes(text.encode(codec))
    rules = cp.read_rules(str(path))
    reference = cp.read_rules(str(cp.RULES_PATH))
    assert [(r.line, r.reason_fr) for r in rules] == [(r.line, r.reason_fr) for r in reference]
    assert any("réservé" in r.reason_fr for r in rules)


# -- inventory rows -------------------------------------------------------------------------------------------


def import_rows(rows):
    columns = sorted({k for row in rows for k in row})
    imp = inv.InventoryImport(inv.match_fields(columns))
    for n, row in enumerate(rows, start=1):
        imp.add_row(n, n, row)
    imp.orient(columns_geographic=True)
    imp.reproject({"layer": lambda g: g, "columns": lambda g: g})
    imp.finalise()
    return imp


@pytest.mark.parametrize("wkt", ["POINT (2.35 nan)", "POINT (inf 48.85)", "POINT (1e400 48.85)",
                                 "POLYGON ((2.35 48.85, 2.36 48.85, inf 48.86, 2.35 48.85))",
                                 "MULTIPOLYGON (((2 48, 3 48, 3 nan, 2 48)))"])
def test_non_finite_coordinates_are_reported_not_imported(wkt):
    rows = [{"site_id": "75056_1", "site_nom": "a", "geomsurf": wkt},
            {"site_id": "75056_2", "site_nom": "b", "geompoint": "POINT (2.35 48.85)"}]
    imp = import_rows(rows)
    assert len(imp.rows) == 2
    bad, good = imp.rows
    assert bad.rejected and [i.code for i in bad.issues if i.severity == inv.ERROR] == ["no_geometry"]
    assert any(i.code == "non_finite_coordinates" and i.field == "geomsurf" for i in bad.issues)
    assert not good.rejected
    for row in imp.kept_rows():
        assert all(math.isfinite(c) for c in shapely.get_coordinates(row.point).ravel())


def test_a_nan_point_beside_a_good_polygon_keeps_the_row():
    rows = [{"site_id": "75056_1", "site_nom": "a", "geompoint": "POINT (2.35 nan)",
             "geomsurf": "POLYGON ((2.35 48.85, 2.36 48.85, 2.36 48.86, 2.35 48.85))"},
            {"site_id": "75056_2", "site_nom": "b", "geompoint": "POINT (2.3555 48.8555)"}]
    imp = import_rows(rows)
    first = imp.rows[0]
    assert not first.rejected and first.point_from == "polygon"
    assert any(i.code == "non_finite_coordinates" and i.field == "geompoint" for i in first.issues)


def test_repair_of_an_unrepairable_polygon_reports_instead_of_raising():
    bad = shapely.Polygon([(0, 0), (1, 0), (math.inf, 1), (0, 0)])
    polygon, reason = inv.repair_polygon(bad)
    assert polygon is None and reason


@pytest.mark.parametrize(("value", "kept"), [
    ("99999999999999999999999", None), (str(2**31), None), (str(-(2**31) - 1), None),
    (str(2**31 - 1), 2**31 - 1), ("1 234", 1234), (1e30, None),
])
def test_integers_beyond_32_bits_are_reported_for_their_field(value, kept):
    issues = []
    values = inv.ValueChecker().normalise({"site_nom": "a", "bati_surface": value}, issues)
    assert values["bati_surface"] == kept
    out_of_range = [i for i in issues if i.code == "integer_out_of_range"]
    assert (len(out_of_range) == 1) == (kept is None)
    if out_of_range:
        assert out_of_range[0].field == "bati_surface" and out_of_range[0].action == inv.SET_NULL


# -- cases the property-based campaign found (tests/unit/test_fuzz_parsers.py) --------------------------------


def test_a_polygon_geos_cannot_repair_rejects_its_row():
    rows = [{"site_id": "75056_1", "site_nom": "a",
             "geomsurf": "POLYGON ((1e300 1e300, 1e300 1e300, 1e300 1e300, 1e300 1e300))"}]
    imp = inv.InventoryImport(inv.match_fields(["site_id", "site_nom", "geomsurf"]))
    imp.add_row(1, 1, rows[0])
    imp.reproject({"layer": lambda g: g, "columns": lambda g: g})
    imp.finalise()
    (row,) = imp.rows
    assert row.rejected and [i.code for i in row.issues if i.severity == inv.ERROR] == ["no_geometry"]
    assert any(i.code == "polygon_unrepairable" for i in row.issues)


def test_a_windows_1252_byte_after_the_first_megabyte(tmp_path):
    path = tmp_path / "late.csv"
    path.write_bytes(b"site_id;site_nom\n" + b"a;" + b"x" * 2_000_000 + b"\nb;caf\xe9\n")
    table = delimited.DelimitedFile(str(path))
    assert table.encoding == "windows-1252"
    assert [v["site_nom"] for _r, v in table.rows()][-1] == "café"


def test_years_given_as_dates_are_range_checked():
    import datetime as dt

    assert inv.parse_year(dt.date(2201, 1, 1)) is None and inv.parse_year(dt.date(1999, 5, 1)) == 1999


def test_profile_parts_text_of_the_wrong_type(tmp_path):
    data = default_data()
    data["uses"]["coworking"]["criteria"][0]["parts_text"] = ["a", "b"]
    path = tmp_path / "parts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"criteria\[0\]\.parts_text: must be an object"):
        load_profile(path)


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_service_dates_without_a_day_before_or_after(text):
    from friches_tierslieux.core.gtfs.calendar import parse_date

    with pytest.raises(ValueError, match="not a service date"):
        parse_date(text)


def test_an_empty_time_has_a_message():
    from friches_tierslieux.core.gtfs.feed import parse_time

    with pytest.raises(ValueError, match="not a time"):
        parse_time("")
