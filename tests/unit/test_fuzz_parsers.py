"""Property-based tests of the parsers (issue 12, point 3), without QGIS: hypothesis writes hostile inputs
and every case must keep the invariants of ``fuzz_support.case`` (ends within its bound; only the
module's own error, with a message, ever escapes) plus each family's own:

- ``cnig_rows``: any values (local dates and numbers, long '|' lists, huge fields, WKT oddities) through
  ``core.inventory``: every row imported or rejected with exactly one error, no coordinate that is not
  finite in what is kept;
- ``cnig_csv``: CSV files in any delimiter, encoding, with or without mark, quoted line breaks and huge
  fields, read by ``core.delimited``: every record comes back as written, then imports as above;
- ``gtfs``: a small valid feed with random defects (missing or empty files, bad times, unknown references,
  duplicated keys, zero or negative headways, other encodings, nested or non-zip archives) read and
  counted: only ``GtfsError``;
- ``profile``: the default scoring profile with random values put anywhere: only ``ProfileError``, and a
  profile that loads scores sites without error;
- ``rules``: zoning rules tables with random cells: only ``RulesError``, and rules that load evaluate;
- ``values``: the value parsers (dates, years, integers, decimals, times) on any text.
"""

from __future__ import annotations

import csv
import io
import json
import math
import textwrap
import zipfile

import shapely
from friches_tierslieux.core import delimited
from friches_tierslieux.core import inventory as inv
from friches_tierslieux.core.gtfs import GtfsError, service
from friches_tierslieux.core.gtfs.calendar import choose_date
from friches_tierslieux.core.gtfs.feed import parse_time, read_feed
from friches_tierslieux.core.scoring.profile import DEFAULT_PROFILE, ProfileError, load_profile
from friches_tierslieux.core.scoring.score import score_site
from friches_tierslieux.core.zoning import compatibility as cp
from fuzz_support import case, examples
from gtfs_builders import base_files
from hypothesis import assume, given
from hypothesis import strategies as st
from pyproj import Transformer

# -- strategies: CNIG values ----------------------------------------------------------------------------------

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éèêàçôûÉÈ'’«»€-_/.,;:|()[]{}\"\\\t\n\r"
DATES = ["05/03/2021", "2021-03-05", "5 mars 2021", "03.05.2021", "20210305", "2021-13-45", "31/02/2021",
         "2021-03-05T10:00:00Z", "0000-00-00", "99/99/9999", "1e5", "2021", "21/3/5", "NA", ""]
NUMBERS = ["1 234,5", "1.234,5", "1e5", "-0", "NaN", "inf", "-inf", "99999999999999999999999", "12 m²", "0x1F",
           "1_000", "１２３", "2147483648", "-2147483649", "3,0", " 42 ", "1e400", "N/A"]
WKT = ["POINT (2.35 48.85)", "POINT(48.85 2.35)", "POINT EMPTY", "POINT (nan nan)", "POINT (2.35 nan)",
       "POINT (inf 48.85)", "POINT (1e400 1)", "LINESTRING (0 0, 1 1)", "POINT Z (2.35 48.85 10)",
       "POINT M (2.35 48.85 1)", "POINT ZM (2.35 48.85 1 2)", "SRID=4326;POINT (2.35 48.85)",
       "POLYGON ((2.35 48.85, 2.36 48.86, 2.36 48.85, 2.35 48.86, 2.35 48.85))",  # bow-tie
       "POLYGON ((2.35 48.85, 2.36 48.85, 2.36 48.86, 2.35 48.85))", "POLYGON ((2.35 48.85, 2.36",
       "POLYGON ((2.35 48.85, 2.36 48.85, inf 48.86, 2.35 48.85))", "POLYGON EMPTY",
       "POLYGON ((0 0, 0 0, 0 0, 0 0))", "MULTIPOINT ((2.35 48.85), (2.36 48.86))", "MULTIPOINT EMPTY",
       "GEOMETRYCOLLECTION (POINT (2.35 48.85), POLYGON ((2.35 48.85, 2.36 48.85, 2.36 48.86, 2.35 48.85)))",
       "GEOMETRYCOLLECTION EMPTY", "CIRCULARSTRING (0 0, 1 1, 2 0)", "POINT (652000 6862000)",
       "POLYGON ((652000 6862000, 652100 6862000, 652100 6862100, 652000 6862000))", "POINT (1e300 1e300)",
       "POINT (-200 95)", "TIN (((0 0 0, 0 1 0, 1 1 0, 0 0 0)))", "NA", "", "POINT", "((((", ")"]
ITEMS = ["G1a", "P5a", "NULL", "x", "", " ", "38185000AI0336", "5,748E+13", "C10.51A", "industriel", "autre",
         "['a', 'b']", "{a,b}"]


def long_list(draw_items, n):
    return "|".join(draw_items for _ in range(n))


text_values = st.one_of(
    st.text(alphabet=LATIN, max_size=40),
    st.sampled_from(DATES + NUMBERS + WKT + ITEMS),
    st.builds(lambda item, n: "|".join([item] * n), st.sampled_from(ITEMS), st.integers(1, 800)),
    st.builds(lambda ch, n: ch * n, st.sampled_from(list(" (|\"'[{a1")), st.integers(1_000, 60_000)),
    st.builds(lambda n: "[" * n + "]" * n, st.integers(1, 5_000)),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
CNIG_NAMES = ["site_id", "site_nom", "site_type", "site_identif_date", "site_actu_date", "site_url",
              "site_reconv_annee", "activite_code", "comm_insee", "bati_type", "bati_nombre", "bati_surface",
              "proprio_type", "proprio_personne", "unite_fonciere_surface", "unite_fonciere_refcad",
              "urba_zone_type", "urba_zone_formdomi", "desserte_distance", "geompoint", "geomsurf", "x", "y",
              "site_surface", "autre_colonne"]
rows_strategy = st.lists(st.dictionaries(st.sampled_from(CNIG_NAMES), text_values, max_size=12), min_size=0,
                         max_size=8)

TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)


def _reproject(geom):
    return shapely.transform(geom, lambda xy: shapely.get_coordinates(
        shapely.points(*TO_L93.transform(xy[:, 0], xy[:, 1]))))


def import_and_check(rows):
    """Run ``core.inventory`` on ``rows`` as the algorithm does and check the family's invariants."""
    columns = sorted({k for row in rows for k in row})
    imp = inv.InventoryImport(inv.match_fields(columns))
    for n, row in enumerate(rows, start=1):
        imp.add_row(n, n, row)
    degrees = imp.columns_look_like_degrees()
    imp.orient(columns_geographic=bool(degrees))
    identity = lambda g: g  # noqa: E731
    imp.reproject({"layer": identity, "columns": _reproject if degrees else identity})
    imp.finalise()
    imp.check_location(identity)
    assert len(imp.rows) == len(rows)
    assert len(imp.kept_rows()) + len(imp.rejected_rows()) == len(rows)
    for row in imp.rows:
        errors = [i for i in row.issues if i.severity == inv.ERROR]
        assert len(errors) == (1 if row.rejected else 0)
    for row in imp.kept_rows():
        assert row.point is not None and row.point.geom_type == "Point"
        for geom in (row.point, row.polygon):
            if geom is not None:
                assert all(math.isfinite(c) for c in shapely.get_coordinates(geom).ravel())
        assert row.values["site_id"]
    return imp


@examples(60)
@given(rows_strategy)
def test_fuzz_cnig_rows(rows):
    with case("cnig_rows", bound_s=30):
        import_and_check(rows)


# -- CNIG CSV files -------------------------------------------------------------------------------------------

CSV_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789éèàçôÉ«»’€'-_/.,;:|()\"\t\n\r"


@st.composite
def csv_files(draw):
    names = draw(st.lists(st.sampled_from(CNIG_NAMES), min_size=1, max_size=8, unique=True))
    cells = st.one_of(st.text(alphabet=CSV_ALPHABET, max_size=30), st.sampled_from(DATES + NUMBERS + WKT),
                      st.builds(lambda n: "POLYGON ((" + ", ".join(f"{652000 + k % 97} {6862000 + k // 97}"
                                                                   for k in range(n)) + ", 652000 6862000))",
                                st.integers(3, 40_000)))
    records = draw(st.lists(st.fixed_dictionaries({n: cells for n in names}), max_size=6))
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be"]))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    return names, records, delimiter, encoding, terminator


@examples(40)
@given(csv_files())
def test_fuzz_cnig_csv(tmp_path_factory, spec):
    names, records, delimiter, encoding, terminator = spec
    buffer = io.StringIO()
    # Python's writer leaves a lone "\r" unquoted unless it ends lines with "\r\n": quote every cell then
    quoting = csv.QUOTE_MINIMAL if terminator == "\r\n" else csv.QUOTE_ALL
    writer = csv.DictWriter(buffer, fieldnames=names, delimiter=delimiter, lineterminator=terminator,
                            quoting=quoting)
    writer.writeheader()
    writer.writerows(records)
    path = tmp_path_factory.mktemp("csv") / "input.csv"
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:  # a character windows-1252 cannot write ("１２３"): not a file anyone has
        assume(False)
    path.write_bytes(data)
    with case("cnig_csv", bound_s=60):
        table = delimited.DelimitedFile(str(path), delimiter=delimiter)
        read = [values for _record, values in table.rows()]
        assert table.names == names
        assert read == records  # what was written comes back, record by record
        import_and_check(read)


# -- GTFS -----------------------------------------------------------------------------------------------------

GTFS_FILES = list(base_files())
JUNK = ["", "x", "25:99:00", "-1:00:00", "99999999999", "nan", "1e400", "\"", "\"\"\"", "a,b,c,d,e,f,g,h",
        "\ufeff", "NULL", "2025-01-01", "20251332", "−1", " ", "0", "-5"]


@st.composite
def gtfs_cases(draw):
    files = {name: textwrap.dedent(text) for name, text in base_files().items()}
    kind = draw(st.sampled_from(["mutate", "nested", "not_zip", "empty_zip"]))
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(GTFS_FILES))
        if name not in files:
            continue
        lines = files[name].splitlines() or [""]
        action = draw(st.sampled_from(["drop", "empty", "header_only", "cell", "row", "duplicate", "headway",
                                       "garbage"]))
        if action == "drop":
            del files[name]
            continue
        if action == "empty":
            files[name] = ""
        elif action == "header_only":
            files[name] = lines[0] + "\n"
        elif action in ("cell", "headway") and len(lines) > 1:
            k = draw(st.integers(1, len(lines) - 1))
            cells = lines[k].split(",")
            column = len(cells) - 2 if action == "headway" and name == "frequencies.txt" else \
                draw(st.integers(0, len(cells) - 1))
            cells[column] = draw(st.sampled_from(JUNK) | st.text(alphabet="0123456789:-.,\" ", max_size=10))
            lines[k] = ",".join(cells)
            files[name] = "\n".join(lines) + "\n"
        elif action == "row":
            lines.append(",".join(draw(st.sampled_from(JUNK)) for _ in lines[0].split(",")))
            files[name] = "\n".join(lines) + "\n"
        elif action == "duplicate" and len(lines) > 1:
            lines.append(lines[draw(st.integers(1, len(lines) - 1))])
            files[name] = "\n".join(lines) + "\n"
        elif action == "garbage":
            files[name] = files[name] + draw(st.text(alphabet=LATIN, max_size=60))
    encodings = {name: draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]))
                 for name in files}
    return kind, files, encodings


def _zip_bytes(files, encodings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text.encode(encodings[name], errors="replace"))
    return buffer.getvalue()


@examples(60)
@given(gtfs_cases())
def test_fuzz_gtfs(tmp_path_factory, spec):
    kind, files, encodings = spec
    path = tmp_path_factory.mktemp("gtfs") / "feed.zip"
    data = _zip_bytes(files, encodings)
    if kind == "nested":
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as zf:
            zf.writestr("feed/gtfs.zip", data)
        data = inner.getvalue()
    elif kind == "not_zip":
        data = data[: len(data) // 3]
    elif kind == "empty_zip":
        data = _zip_bytes({}, {})
    path.write_bytes(data)
    with case("gtfs", bound_s=30, expected=(GtfsError,)):
        feed = read_feed(path)
        choice = choose_date(feed, None)
        events = service.departures(feed, choice.date, service.Window(7 * 3600, 19 * 3600))
        summary = service.stop_summary(feed, events)
        service.route_frequencies(feed, events)
        assert len(summary) <= len(feed.stops)
        assert (summary["departures"] >= 0).all()


# -- scoring profile ------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, width=32)
    | st.text(alphabet=LATIN, max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(alphabet="abcdefxyz_", max_size=6),
                                                                      children, max_size=3),
    max_leaves=6,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _paths(value, (*prefix, k))


DEFAULT = json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))
PROFILE_PATHS = [p for p in _paths(DEFAULT) if p]
SITES = [
    {"site_id": "S1", "bati_surface": 620.0, "nearest_stop_m": 180.0, "ptal": "3", "pop_walk": 11400.0,
     "compat_coworking": "compatible", "compat_fablab": "conditional", "compat_mediation": "incompatible"},
    {"site_id": "S2"},
    {"site_id": "S3", "bati_surface": float("nan"), "nearest_stop_m": -5.0, "ptal": "zz", "pop_walk": 1e300},
]


@st.composite
def profiles(draw):
    data = json.loads(json.dumps(DEFAULT))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PROFILE_PATHS))
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            if draw(st.booleans()) and isinstance(node, dict):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    return data, encoding


@examples(80)
@given(profiles())
def test_fuzz_profile(tmp_path_factory, spec):
    data, encoding = spec
    path = tmp_path_factory.mktemp("profile") / "profile.json"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode(encoding, errors="replace"))
    with case("profile", bound_s=20, expected=(ProfileError,)):
        profile = load_profile(path)
        for facts in SITES:
            site = score_site(profile, facts)
            for use_score in site.uses.values():
                assert 0.0 <= use_score.score <= 100.0 or math.isnan(use_score.score)


# -- zoning rules ---------------------------------------------------------------------------------------------

RULE_CELLS = {
    "priority": st.sampled_from(["10", "5.5", "-1", "x", "", "1e400", "nan"]),
    "use": st.sampled_from(["*", "coworking", "fablab|mediation", "garage", ""]),
    "zone": st.sampled_from(["*", "u|auc", "a", "none", "ZnC", "", "|||"]),
    "condition": st.one_of(st.sampled_from(["", "always", "stecal", "psc:05>=10", "dest_oui:53|34", "!inf:99",
                                            "dest_non:", "formdomi:01", "psc:02-01>=50&!stecal", "unknown:1",
                                            "psc:05>=", ":", "&&&", "destdomi:1" * 500]),
                           st.text(alphabet="abcdefpsc_:|&!>=.0123456789- ", max_size=40)),
    "result": st.sampled_from(["compatible", "conditional", "incompatible", "unknown", "oui", ""]),
    "reason_fr": st.text(alphabet=LATIN, max_size=30) | st.sampled_from(["Zone {zone} : {share} {codes}", "{"]),
    "reason_en": st.text(alphabet=LATIN, max_size=30),
}


@examples(60)
@given(st.lists(st.fixed_dictionaries(RULE_CELLS), min_size=0, max_size=6),
       st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_fuzz_rules(tmp_path_factory, rows, encoding):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(RULE_CELLS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("rules") / "rules.csv"
    path.write_bytes(("# comment\n" + buffer.getvalue()).encode(encoding, errors="replace"))
    with case("rules", bound_s=20, expected=(cp.RulesError,)):
        rules = cp.read_rules(str(path))
        for family in ("U", "AUc", "A", "N", None):
            context = cp.ZoneContext(family, family or "RNU", "Z", dest_oui=("53",), prescriptions=(
                ("05", "00", 12.0, "ER"), ("16", "03", None, "STECAL")))
            for use in cp.USES:
                verdict = cp.evaluate(rules, use, context)
                assert verdict.result in cp.RESULTS


# -- value parsers ------------------------------------------------------------------------------------------------


@examples(150)
@given(st.one_of(text_values, st.dates(), st.datetimes()))
def test_fuzz_values(value):
    with case("values", bound_s=5):
        date = inv.parse_date(value)
        assert date is None or 1 <= date.year <= 9999
        year = inv.parse_year(value)
        assert year is None or 1000 <= year <= 2200
        number, _rounded = inv.parse_integer(value)
        assert number is None or isinstance(number, int)
        decimal = inv.parse_float(value)
        assert decimal is None or math.isfinite(decimal)
        assert isinstance(inv.is_missing(value), bool)


@examples(100)
@given(st.one_of(st.text(alphabet="0123456789:. -+h", max_size=12), st.sampled_from(
    ["07:00", "7:0", "25:10:00", "99:99", "24:00:00", "999:59:59", "1000:00:00", "-1:00", "", ":", "07:60"])))
def test_fuzz_times(text):
    with case("values", bound_s=5, expected=(ValueError,)):
        seconds = parse_time(text)
        assert 0 <= seconds < 1000 * 3600
