"""Reading GTFS zips: typed tables, times after 24:00, interpolation, and errors naming file and row."""

import zipfile

import numpy as np
import pytest
from friches_tierslieux.core.gtfs import GtfsError
from friches_tierslieux.core.gtfs.feed import format_time, parse_time, parse_time_strings, read_feed
from friches_tierslieux.core.gtfs.modes import mode_of_route_type
from friches_tierslieux.core.progress import Canceled, Progress
from gtfs_builders import STOP_TIMES, STOPS, TRIPS, replace_line, write_feed


def test_time_parsing_accepts_hours_past_24_and_short_hours():
    seconds, bad = parse_time_strings(["08:00:00", "25:10:00", " 7:05:09 ", "", "100:00:00", "8:60:00", "ab"])
    assert seconds[:3].tolist() == [28800, 90600, 25509]
    assert np.isnan(seconds[3]) and not bad[3]  # empty: allowed (non-timepoint)
    assert seconds[4] == 360000
    assert bad.tolist() == [False, False, False, False, False, True, True]
    # the fast byte path and the regular-expression path agree on what is a time
    seconds, bad = parse_time_strings(["08:61:00", "24:00:00", "07:5é:00", "0a:00:00", "07-00-00", "23:59:59"])
    assert bad.tolist() == [True, False, True, True, True, False]
    assert seconds[1] == 86400 and seconds[5] == 86399
    assert parse_time("08:15") == 29700 and parse_time("25:00") == 90000
    assert format_time(90600) == "25:10:00"
    with pytest.raises(ValueError):
        parse_time("8h15")


def test_base_feed_is_read_typed_and_indexed(tmp_path):
    feed = read_feed(write_feed(tmp_path / "f.zip"))
    assert list(feed.stops["stop_id"]) == ["S", "P1", "P2", "E", "A", "B", "C"]
    assert feed.stops["location_type"].tolist() == [1, 0, 0, 2, 0, 0, 0]  # empty = 0
    assert feed.stops["parent"].tolist() == [-1, 0, 0, 0, -1, -1, -1]
    assert feed.routes["mode"].tolist() == ["bus", "tram", "bus"]
    assert feed.trips["direction"].tolist() == [0, 1, 0, 0, 0, 0]
    st = feed.stop_times
    assert len(st) == 16
    # sorted by trip then sequence; N1's times past midnight kept as such
    n1 = feed.trips.index[feed.trips["trip_id"] == "N1"][0]
    rows = slice(st.trip_start[n1], st.trip_start[n1 + 1])
    assert st.time[rows].tolist() == [88200, 90600, 91800]
    assert st.boarding[rows].tolist() == [True, True, False]  # last stop is an arrival
    t2 = feed.trips.index[feed.trips["trip_id"] == "T2"][0]
    assert st.boarding[st.trip_start[t2]:st.trip_start[t2 + 1]].tolist() == [True, False, False]  # pickup_type 1
    assert feed.frequencies["exact_times"].tolist() == [0, 1]
    assert feed.frequencies["headway"].tolist() == [600, 900]
    assert feed.warnings == []


def test_feed_inside_a_folder_with_bom_and_spaces_in_header(tmp_path):
    path = tmp_path / "nested.zip"
    files = {
        "stops.txt": "\ufeffstop_id, stop_name ,stop_lat,stop_lon\nA,A,48,2\nB,B,48.1,2.1\n",
        "routes.txt": "route_id,route_type\nR,3\n",
        "trips.txt": "route_id,service_id,trip_id\nR,S,T\n",
        "stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT,8:00:00,8:00:00,A,1\n"
                          "T,08:10:00,08:10:00,B,2\n",
        "calendar_dates.txt": "service_id,date,exception_type\nS,20250304,1\n",
    }
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(f"gtfs_export/{name}", text)
    feed = read_feed(path)
    assert feed.stops["stop_name"].tolist() == ["A", "B"]
    assert feed.calendar is None and len(feed.calendar_dates) == 1
    assert feed.stop_times.time.tolist() == [28800, 29400]


def test_empty_intermediate_times_are_interpolated(tmp_path):
    st = replace_line(STOP_TIMES, "T1,08:10:00,08:10:00,P1,2,0\n", "T1,,,C,2,0\nT1,08:10:00,08:10:00,P1,3,0\n")
    st = replace_line(st, "T1,08:20:00,08:20:00,B,3,0", "T1,08:20:00,08:20:00,B,4,0")
    feed = read_feed(write_feed(tmp_path / "f.zip", stop_times=st))
    t1 = 0
    rows = slice(feed.stop_times.trip_start[t1], feed.stop_times.trip_start[t1 + 1])
    assert feed.stop_times.time[rows].tolist() == [28800, 29100, 29400, 30000]
    assert feed.warnings == [("interpolated_times", {"file": "stop_times.txt", "count": 1})]


@pytest.mark.parametrize(
    "route_type, mode",
    [(0, "tram"), (1, "metro"), (2, "rail"), (3, "bus"), (4, "ferry"), (5, "cable_tram"), (6, "aerial_lift"),
     (7, "funicular"), (11, "trolleybus"), (12, "monorail"), (100, "rail"), (102, "rail"), (109, "rail"),
     (116, "rail"), (200, "coach"), (202, "coach"), (400, "metro"), (401, "metro"), (402, "metro"),
     (405, "monorail"), (700, "bus"), (704, "bus"), (714, "bus"), (715, "bus"), (800, "trolleybus"),
     (900, "tram"), (906, "tram"), (1000, "ferry"), (1200, "ferry"), (1300, "aerial_lift"), (1400, "funicular"),
     (1500, "taxi"), (1700, "other"), (8, "other"), (9999, "other"), (None, "other")],
)
def test_route_types_map_to_modes(route_type, mode):
    assert mode_of_route_type(route_type) == mode


def _error(tmp_path, **overrides):
    with pytest.raises(GtfsError) as info:
        read_feed(write_feed(tmp_path / "bad.zip", **overrides))
    return info.value


def test_missing_required_file(tmp_path):
    err = _error(tmp_path, stops=None)
    assert (err.code, err.file) == ("missing_file", "stops.txt")
    err = _error(tmp_path, calendar=None, calendar_dates=None)
    assert (err.code, err.file, err.params["alternative"]) == ("missing_file", "calendar.txt", "calendar_dates.txt")


def test_unparsable_time_names_file_row_and_column(tmp_path):
    st = replace_line(STOP_TIMES, "T2,08:30:00,08:30:00,B,1,", "T2,08:3x:00,08:30:00,B,1,")
    err = _error(tmp_path, stop_times=st)
    assert (err.code, err.file, err.row, err.line) == ("bad_time", "stop_times.txt", 4, 5)
    assert err.params == {"column": "arrival_time", "value": "08:3x:00"}
    assert "stop_times.txt, row 4 (line 5)" in str(err)


def test_stop_times_pointing_to_unknown_stop_or_trip(tmp_path):
    err = _error(tmp_path, stop_times=replace_line(STOP_TIMES, "T3,08:05:00,08:05:00,P2", "T3,08:05:00,08:05:00,ZZ"))
    assert (err.code, err.file, err.row, err.params["value"]) == ("unknown_stop", "stop_times.txt", 7, "ZZ")
    err = _error(tmp_path, stop_times=STOP_TIMES + "GHOST,10:00:00,10:00:00,A,1,0\n")
    assert (err.code, err.row, err.params["value"]) == ("unknown_trip", 17, "GHOST")


def test_other_defects_are_named(tmp_path):
    err = _error(tmp_path, trips=replace_line(TRIPS, "R3,HOL,T4", "R9,HOL,T4"))
    assert (err.code, err.file, err.row) == ("unknown_route", "trips.txt", 4)
    err = _error(tmp_path, stops=STOPS + "A,Again,48,2,0,\n")
    assert (err.code, err.file, err.row) == ("duplicate_id", "stops.txt", 8)
    err = _error(tmp_path, stop_times=STOP_TIMES.replace("stop_id,", "stop,"))
    assert (err.code, err.file, err.params["column"]) == ("missing_column", "stop_times.txt", "stop_id")
    err = _error(tmp_path, stop_times=replace_line(STOP_TIMES, "T1,08:00:00,08:00:00,A", "T1,,,A"))
    assert (err.code, err.row, err.params["trip_id"]) == ("missing_time", 1, "T1")
    err = _error(tmp_path, frequencies="trip_id,start_time,end_time,headway_secs\nF1,07:00:00,08:00:00,0\n")
    assert (err.code, err.file, err.row, err.params["column"]) == ("bad_value", "frequencies.txt", 1, "headway_secs")
    err = _error(tmp_path, frequencies="trip_id,start_time,end_time,headway_secs\nF1,08:00:00,07:00:00,60\n")
    assert (err.code, err.row) == ("bad_period", 1)
    err = _error(tmp_path, stop_times=STOP_TIMES + 'T1,"09:00:00,09:00:00,A,9,0\n')
    assert (err.code, err.file, err.row) == ("bad_csv", "stop_times.txt", 17)
    err = _error(tmp_path, stops=replace_line(STOPS, "A,Mairie,48.0100", "A,Mairie,north"))
    assert (err.code, err.row, err.params["column"]) == ("bad_number", 5, "stop_lat")
    err = _error(tmp_path, calendar_dates="service_id,date,exception_type\nWK,2025-05-01,2\n")
    assert (err.code, err.file, err.row) == ("bad_date", "calendar_dates.txt", 1)


def test_not_a_zip(tmp_path):
    path = tmp_path / "feed.zip"
    path.write_text("not a zip")
    with pytest.raises(GtfsError) as info:
        read_feed(path)
    assert info.value.code == "not_a_zip"
    with pytest.raises(GtfsError) as info:
        read_feed(tmp_path / "nowhere.zip")
    assert info.value.code == "file_not_found"


def test_reading_can_be_canceled(tmp_path):
    path = write_feed(tmp_path / "f.zip")
    with pytest.raises(Canceled):
        read_feed(path, progress=Progress(None, lambda: True))
    seen = []
    read_feed(path, progress=Progress(seen.append, lambda: False))
    assert seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)
    assert seen == sorted(seen)
