"""core.history: the inventory rebuilt at a moment from its history rows, geometry blobs, timestamps.

The rows are written here by hand the way the triggers write them (one row per changed field, a ``_site``
row for an addition or a deletion), for a small story whose state at each moment is known."""

import datetime as dt
import struct

import pytest
import shapely
from friches_tierslieux.core import history as hist

UTC = dt.timezone.utc


def at(day, hour=12):
    return dt.datetime(2024, 1, day, hour, tzinfo=UTC)


def rows_of(events):
    out = []
    for i, (moment, site, field, old, new) in enumerate(events, start=1):
        out.append(hist.HistoryRow(i, site, field, old, new, moment, "tester", "form"))
    return out


# A story: A added on the 1st (sans projet), B added on the 2nd, A's status changes on the 5th, B is deleted
# on the 8th, A is renamed A2 on the 10th, C is added on the 12th.
EVENTS = [
    (at(1), "A", "_site", None, "present"), (at(1), "A", "site_statut", None, "friche sans projet"),
    (at(1), "A", "site_nom", None, "Usine"), (at(1), "A", "site_surface", None, "1000.0"),
    (at(2), "B", "_site", None, "present"), (at(2), "B", "site_statut", None, "friche potentielle"),
    (at(2), "B", "site_nom", None, "Garage"),
    (at(5), "A", "site_statut", "friche sans projet", "friche avec projet"),
    (at(5), "A", "site_surface", "1000.0", "1200.5"),
    (at(8), "B", "_site", "present", None), (at(8), "B", "site_statut", "friche potentielle", None),
    (at(8), "B", "site_nom", "Garage", None),
    (at(10), "A2", "site_id", "A", "A2"),
    (at(12), "C", "_site", None, "present"), (at(12), "C", "site_nom", None, "Halle"),
]
CURRENT = {
    "A2": {"site_id": "A2", "site_statut": "friche avec projet", "site_nom": "Usine", "site_surface": 1200.5},
    "C": {"site_id": "C", "site_nom": "Halle"},
}


def parse(field, text):
    return hist.value_from_text(text, "double" if field == "site_surface" else "string")


@pytest.mark.parametrize(("moment", "expected"), [
    (at(1, 6), {}),
    (at(1, 13), {"A": {"site_id": "A", "site_statut": "friche sans projet", "site_nom": "Usine",
                        "site_surface": 1000.0}}),
    (at(3), {"A": {"site_id": "A", "site_statut": "friche sans projet", "site_nom": "Usine", "site_surface": 1000.0},
             "B": {"site_id": "B", "site_statut": "friche potentielle", "site_nom": "Garage"}}),
    (at(6), {"A": {"site_id": "A", "site_statut": "friche avec projet", "site_nom": "Usine", "site_surface": 1200.5},
             "B": {"site_id": "B", "site_statut": "friche potentielle", "site_nom": "Garage"}}),
    (at(9), {"A": {"site_id": "A", "site_statut": "friche avec projet", "site_nom": "Usine",
                   "site_surface": 1200.5}}),
    (at(11), {"A2": {"site_id": "A2", "site_statut": "friche avec projet", "site_nom": "Usine",
                     "site_surface": 1200.5}}),
    (at(20), CURRENT),
])
def test_state_at_each_moment_of_the_story(moment, expected):
    assert hist.state_at(CURRENT, rows_of(EVENTS), moment, parse) == expected


def test_a_change_at_the_moment_itself_is_included():
    assert hist.state_at(CURRENT, rows_of(EVENTS), at(5), parse)["A"]["site_statut"] == "friche avec projet"


def test_sites_older_than_the_history_keep_their_values():
    current = {**CURRENT, "OLD": {"site_id": "OLD", "site_nom": "Avant l'historique"}}
    assert hist.state_at(current, rows_of(EVENTS), at(1, 1), parse) == {"OLD": current["OLD"]}


def test_rows_are_undone_in_time_order_whatever_their_order_in_the_list():
    rows = rows_of(EVENTS)
    assert hist.state_at(CURRENT, list(reversed(rows)), at(3), parse) == hist.state_at(CURRENT, rows, at(3), parse)


def test_field_changes_leave_out_additions_and_deletions():
    changes = hist.field_changes(rows_of(EVENTS), "site_statut")
    assert [(c.site_id, c.old_value, c.new_value) for c in changes] == [
        ("A", "friche sans projet", "friche avec projet")]
    assert hist.field_changes(rows_of(EVENTS), "site_statut", at(6), at(20)) == []
    assert hist.history_start(rows_of(EVENTS)) == at(1)
    assert hist.last_change(rows_of(EVENTS), "A").changed_at == at(5)


def test_geopackage_blobs_and_wkb():
    point = shapely.Point(660000.5, 6750000.25)
    wkb = shapely.to_wkb(point, byte_order=1)
    # without envelope (as the plugin writes points), then with an XY envelope (as GDAL writes polygons)
    assert hist.wkb_from_hex(hist.gpkg_blob(wkb, 2154).hex()) == wkb
    with_envelope = b"GP" + bytes([0, 0b00000011]) + struct.pack("<i", 2154) + struct.pack("<4d", 1, 2, 3, 4) + wkb
    assert shapely.from_wkb(hist.wkb_from_hex(with_envelope.hex())).equals(point)
    empty = b"GP" + bytes([0, 0b00010001]) + struct.pack("<i", 2154) + wkb
    assert hist.wkb_from_hex(empty.hex()) is None
    assert hist.wkb_from_hex(wkb.hex()) == wkb
    assert hist.wkb_from_hex(None) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-01T10:00:00.123Z", dt.datetime(2024, 3, 1, 10, 0, 0, 123000, tzinfo=UTC)),
    ("2024-03-01T10:00:00.123456Z", dt.datetime(2024, 3, 1, 10, 0, 0, 123456, tzinfo=UTC)),
    ("2024-03-01 11:00:00+01", dt.datetime(2024, 3, 1, 10, 0, tzinfo=UTC)),
    ("2024-03-01 10:00:00.5+00:00", dt.datetime(2024, 3, 1, 10, 0, 0, 500000, tzinfo=UTC)),
])
def test_timestamps_of_both_databases(text, expected):
    assert hist.parse_timestamp(text) == expected


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("42000.0", "double", 42000.0), ("42000", "int", 42000), ("2024-05-01", "date", dt.date(2024, 5, 1)),
    ("true", "bool", True), ("0", "bool", False), ("1", "bool", True), (None, "int", None), ("x", "string", "x"),
])
def test_values_back_in_their_type(text, kind, value):
    assert hist.value_from_text(text, kind) == value
