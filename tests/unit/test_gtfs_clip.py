"""core.territory.gtfs_clip on the real Cairns and New York feeds and on the hand-built feed with frequencies:
the clipped feed is valid (every reference resolves, every trip starts and ends on a timed stop time), and the
departures at every stop inside the area are those of the full feed, counted two ways: by the plugin's GTFS
reader (core.gtfs, with calendars, frequencies and trips past midnight) and by a plain count of the boarding
rows in the CSV files."""

import csv
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest
import shapely
from friches_tierslieux.core.gtfs.calendar import choose_date
from friches_tierslieux.core.gtfs.feed import read_feed
from friches_tierslieux.core.gtfs.service import Window, departures
from friches_tierslieux.core.progress import Canceled, Progress
from friches_tierslieux.core.territory import gtfs_clip
from gtfs_builders import write_feed

DATA = Path(__file__).resolve().parents[1] / "data" / "gtfs"


def tables(path):
    out = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            text = zf.read(name).decode("utf-8-sig")
            out[name.rsplit("/", 1)[-1]] = list(csv.DictReader(io.StringIO(text)))
    return out


def inside_box(lon0, lat0, lon1, lat1):
    box = shapely.box(lon0, lat0, lon1, lat1)
    return box, (lambda lon, lat: shapely.intersects_xy(box, lon, lat))


def check_valid(path):
    """GTFS references of the clipped feed resolve; first and last stop times of each trip are timed."""
    t = tables(path)
    for required in ("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"):
        assert required in t, required
    stops = {r["stop_id"] for r in t["stops.txt"]}
    trips = {r["trip_id"] for r in t["trips.txt"]}
    routes = {r["route_id"] for r in t["routes.txt"]}
    services = {r["service_id"] for r in t.get("calendar.txt", [])} | \
        {r["service_id"] for r in t.get("calendar_dates.txt", [])}
    assert all(r["stop_id"] in stops for r in t["stop_times.txt"])
    assert all(r["trip_id"] in trips for r in t["stop_times.txt"])
    assert all(r["route_id"] in routes for r in t["trips.txt"])
    assert all(r["service_id"] in services for r in t["trips.txt"])
    assert all(r.get("parent_station", "") in stops | {""} for r in t["stops.txt"])
    if "shapes.txt" in t:
        shapes = {r["shape_id"] for r in t["shapes.txt"]}
        assert all(r.get("shape_id", "") in shapes | {""} for r in t["trips.txt"])
    agencies = {r.get("agency_id", "") for r in t["agency.txt"]}
    assert all(r.get("agency_id", "") in agencies | {""} for r in t["routes.txt"])
    by_trip = {}
    for r in t["stop_times.txt"]:
        by_trip.setdefault(r["trip_id"], []).append(r)
    for rows in by_trip.values():
        rows.sort(key=lambda r: int(r["stop_sequence"]))
        for end in (rows[0], rows[-1]):
            assert end["arrival_time"].strip() or end["departure_time"].strip()
    assert set(by_trip) == trips  # no trip without stop times
    return t


def boarding_rows(t, stop_ids):
    """Plain count per stop of the rows where one can board: not a trip's last stop, not pickup_type 1."""
    last = {}
    for r in t["stop_times.txt"]:
        seq = int(r["stop_sequence"])
        if seq > last.get(r["trip_id"], -1):
            last[r["trip_id"]] = seq
    counts = dict.fromkeys(stop_ids, 0)
    for r in t["stop_times.txt"]:
        if r["stop_id"] in counts and int(r["stop_sequence"]) != last[r["trip_id"]] \
                and r.get("pickup_type", "").strip() != "1":
            counts[r["stop_id"]] += 1
    return counts


def departures_by_stop(path, date):
    feed = read_feed(path)
    events = departures(feed, date, Window(0, 30 * 3600))
    ids = feed.stops["stop_id"].to_numpy()
    out = {}
    for stop, time in zip(events.stop, events.time):
        out.setdefault(ids[stop], []).append(int(time))
    return {k: sorted(v) for k, v in out.items()}


@pytest.mark.parametrize("feed_name, box", [
    ("cairns_gtfs.zip", (145.74, -16.95, 145.78, -16.90)),  # central Cairns
    ("nyc_subway_gtfs.zip", (-73.88, 40.85, -73.83, 40.91)),  # the Bronx end of line 2 (line 1 never goes there)
])
def test_real_feed_clipped_is_valid_and_keeps_departures(tmp_path, feed_name, box):
    full_path = DATA / feed_name
    polygon, inside = inside_box(*box)
    out = tmp_path / "clipped.zip"
    report = gtfs_clip.clip_feeds([str(full_path)], inside, str(out))
    clipped = check_valid(out)
    full = tables(full_path)
    inside_ids = {r["stop_id"] for r in full["stops.txt"]
                  if polygon.intersects(shapely.Point(float(r["stop_lon"]), float(r["stop_lat"])))}
    assert inside_ids and report.feeds[0].stops_inside == len(inside_ids)
    # the trips kept are exactly those calling inside
    calling = {r["trip_id"] for r in full["stop_times.txt"] if r["stop_id"] in inside_ids}
    assert {r["trip_id"] for r in clipped["trips.txt"]} == calling
    assert report.feeds[0].trips_kept == len(calling) < report.feeds[0].trips
    assert len(clipped["stops.txt"]) < len(full["stops.txt"])
    # departures inside: plain counts equal...
    assert boarding_rows(clipped, inside_ids) == boarding_rows(full, inside_ids)
    # ...and the reader's departures (times included) on the feed's representative day
    date = choose_date(read_feed(full_path)).date
    before, after = departures_by_stop(full_path, date), departures_by_stop(out, date)
    assert {s: before.get(s, []) for s in inside_ids} == {s: after.get(s, []) for s in inside_ids}
    assert sum(len(before.get(s, [])) for s in inside_ids) > 100


def test_untimed_stop_times_extend_to_the_next_timepoint(tmp_path):
    """Cairns has stop times without a time: an area holding only such a stop keeps, for each trip calling there,
    the stop times from the timed one before it to the timed one after it, nothing more."""
    full = tables(DATA / "cairns_gtfs.zip")
    untimed = next(r for r in full["stop_times.txt"] if not r["arrival_time"].strip())
    stop = next(r for r in full["stops.txt"] if r["stop_id"] == untimed["stop_id"])
    x, y = float(stop["stop_lon"]), float(stop["stop_lat"])
    polygon, inside = inside_box(x - 1e-5, y - 1e-5, x + 1e-5, y + 1e-5)
    out = tmp_path / "clipped.zip"
    gtfs_clip.clip_feeds([str(DATA / "cairns_gtfs.zip")], inside, str(out))
    clipped = check_valid(out)
    rows = sorted((r for r in full["stop_times.txt"] if r["trip_id"] == untimed["trip_id"]),
                  key=lambda r: int(r["stop_sequence"]))
    at = next(i for i, r in enumerate(rows) if r["stop_sequence"] == untimed["stop_sequence"])
    lo = max(i for i in range(at) if rows[i]["arrival_time"].strip() or rows[i]["departure_time"].strip())
    timed = [bool(r["arrival_time"].strip() or r["departure_time"].strip()) for r in rows]
    hi = min(i for i in range(at + 1, len(rows)) if timed[i])
    kept = sorted((r for r in clipped["stop_times.txt"] if r["trip_id"] == untimed["trip_id"]),
                  key=lambda r: int(r["stop_sequence"]))
    assert [r["stop_sequence"] for r in kept] == [r["stop_sequence"] for r in rows[lo:hi + 1]]
    assert any(not r["arrival_time"].strip() for r in kept)


def test_frequencies_parent_stations_and_trips_after_midnight(tmp_path):
    """The hand-built feed: area around the station S and stop A only (B and C outside)."""
    full_path = write_feed(tmp_path / "full.zip", frequencies=(
        "trip_id,start_time,end_time,headway_secs,exact_times\n"
        "F1,07:00:00,08:00:00,600,0\nF1,08:00:00,09:00:00,900,1\n"))
    polygon, inside = inside_box(1.999, 47.9995, 2.0105, 48.0105)
    out = tmp_path / "clipped.zip"
    report = gtfs_clip.clip_feeds([str(full_path)], inside, str(out))
    clipped = check_valid(out)
    assert {r["stop_id"] for r in clipped["stops.txt"]} >= {"S", "P1", "P2", "A"}  # P1's station S kept
    assert {r["trip_id"] for r in clipped["frequencies.txt"]} == {"F1"}
    assert report.feeds[0].trips_kept == 6  # every trip calls at A, P1 or P2
    import datetime as dt

    for day in (dt.date(2025, 3, 12), dt.date(2025, 5, 1), dt.date(2025, 3, 13)):
        before, after = departures_by_stop(full_path, day), departures_by_stop(out, day)
        for stop in ("P1", "P2", "A"):
            assert before.get(stop, []) == after.get(stop, []), (day, stop)


def test_merged_feeds_get_prefixed_ids(tmp_path):
    _polygon, inside = inside_box(-180, -90, 180, 90)
    first = write_feed(tmp_path / "a.zip")
    second = write_feed(tmp_path / "b.zip")
    out = tmp_path / "merged.zip"
    report = gtfs_clip.clip_feeds([str(first), str(second)], inside, str(out))
    assert report.merged and len(report.feeds) == 2
    t = check_valid(out)
    trip_ids = {r["trip_id"] for r in t["trips.txt"]}
    assert {"f1_T1", "f2_T1"} <= trip_ids and len(trip_ids) == 12
    assert {r["parent_station"] for r in t["stops.txt"] if r["parent_station"]} == {"f1_S", "f2_S"}
    assert len({r["agency_id"] for r in t["agency.txt"]}) == 2  # one agency per feed, each with an id
    assert "feed_info.txt" not in t
    import datetime as dt

    merged = departures_by_stop(out, dt.date(2025, 3, 12))
    single = departures_by_stop(first, dt.date(2025, 3, 12))
    assert merged["f1_A"] == merged["f2_A"] == single["A"]


def test_nothing_inside_gives_an_empty_but_valid_feed(tmp_path):
    _polygon, inside = inside_box(10, 10, 11, 11)
    out = tmp_path / "empty.zip"
    report = gtfs_clip.clip_feeds([str(DATA / "cairns_gtfs.zip")], inside, str(out))
    assert report.trips_kept == 0 and report.stops_kept == 0
    t = tables(out)
    assert t["trips.txt"] == [] and t["stop_times.txt"] == []


def test_errors_and_cancel(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    _polygon, inside = inside_box(-180, -90, 180, 90)
    with pytest.raises(gtfs_clip.GtfsClipError) as err:
        gtfs_clip.clip_feeds([str(bad)], inside, str(tmp_path / "o.zip"))
    assert err.value.code == "not_a_zip" and err.value.feed == "bad.zip"
    missing = write_feed(tmp_path / "nostops.zip", stops=None)
    with pytest.raises(gtfs_clip.GtfsClipError) as err:
        gtfs_clip.clip_feeds([str(missing)], inside, str(tmp_path / "o.zip"))
    assert err.value.code == "missing_file" and err.value.params["file"] == "stops.txt"
    with pytest.raises(Canceled):
        gtfs_clip.clip_feeds([str(DATA / "cairns_gtfs.zip")], inside, str(tmp_path / "o.zip"),
                             progress=Progress(None, lambda: True))
    assert np.isfinite(1.0)
