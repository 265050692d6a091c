"""Departures per stop on hand-built feeds: every expected number is worked out in the comments.

The base feed is described in tests/gtfs_builders.py.
"""

import datetime as dt

import numpy as np
import pytest
from friches_tierslieux.core.gtfs import calendar, service
from friches_tierslieux.core.gtfs.feed import read_feed
from friches_tierslieux.core.gtfs.service import Window
from friches_tierslieux.core.progress import Canceled, Progress
from gtfs_builders import CALENDAR_DATES, FREQUENCIES, STOP_TIMES, replace_line, write_feed

TUESDAY = dt.date(2025, 3, 4)
MONDAY = dt.date(2025, 3, 3)
MAY_DAY = dt.date(2025, 5, 1)  # Thursday: WK removed, HOL added
H = 3600


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    return read_feed(write_feed(tmp_path_factory.mktemp("gtfs") / "base.zip"))


def counts(feed, date, start, end, group=True, **kwargs):
    events = service.departures(feed, date, Window(start, end), **kwargs)
    summary = service.stop_summary(feed, events, group)
    return dict(zip(summary["stop_id"], summary["departures"].tolist())), summary


def test_daytime_counts_with_stations_frequencies_and_last_stops(feed):
    got, summary = counts(feed, TUESDAY, 7 * H, 19 * H)
    # A: T1 08:00 + F1's 10 runs (07:00..07:50 every 10 min, 08:00..08:45 every 15 min) = 11
    # S (P1 + P2): T1 at P1, F1's 10 runs at P1 (+5 min), T3 at P2 = 12; T2 at P1 has pickup_type 1
    # B: T2 08:30 (T1, F1 end at B: arrivals); C: only arrivals; E (entrance) is never listed
    assert got == {"S": 12, "A": 11, "B": 1, "C": 0}
    row = summary.set_index("stop_id").loc["S"]
    assert row["departures_per_hour"] == pytest.approx(1.0)
    assert row["mean_headway_min"] == pytest.approx(60.0)
    assert (row["routes"], row["route_names"], row["modes"]) == (2, "1, T", "tram, bus")
    c = summary.set_index("stop_id").loc["C"]
    assert np.isnan(c["mean_headway_min"]) and c["routes"] == 0 and c["route_names"] == ""


def test_platforms_without_grouping(feed):
    got, _ = counts(feed, TUESDAY, 7 * H, 19 * H, group=False)
    assert got == {"P1": 11, "P2": 1, "A": 11, "B": 1, "C": 0}  # stations and entrances are not listed


def test_frequencies_are_expanded_with_exclusive_end(feed):
    # window 07:30-08:30 at A: runs 07:30, 07:40, 07:50, 08:00, 08:15 + T1 08:00 = 6
    # at P1 (+5 min): 07:35, 07:45, 07:55, 08:05, 08:20 + T1 08:10 = 6
    got, _ = counts(feed, TUESDAY, 7 * H + 1800, 8 * H + 1800, group=False)
    assert got["A"] == 6 and got["P1"] == 6
    # whole day: 6 runs of the first period (08:00 belongs to the second one) + 4 = 10 at A, + T1
    got, _ = counts(feed, TUESDAY, 0, 30 * H, group=False, previous_day=False)
    assert got["A"] == 10 + 1 + 1  # + N1 at 24:30


def test_exact_times_zero_or_one_count_alike(tmp_path, feed):
    same = FREQUENCIES.replace(",1\n", ",0\n")
    other = read_feed(write_feed(tmp_path / "f.zip", frequencies=same))
    assert counts(other, TUESDAY, 7 * H, 19 * H)[0] == counts(feed, TUESDAY, 7 * H, 19 * H)[0]
    no_column = "trip_id,start_time,end_time,headway_secs\nF1,07:00:00,08:00:00,600\nF1,08:00:00,09:00:00,900\n"
    other = read_feed(write_feed(tmp_path / "g.zip", frequencies=no_column))
    assert counts(other, TUESDAY, 7 * H, 19 * H)[0] == counts(feed, TUESDAY, 7 * H, 19 * H)[0]


def test_frequency_period_past_midnight(tmp_path):
    freq = "trip_id,start_time,end_time,headway_secs,exact_times\nF1,23:00:00,26:00:00,1800,0\n"
    feed = read_feed(write_feed(tmp_path / "f.zip", frequencies=freq))
    # Tuesday 00:00-03:00 sees Monday's runs at 24:00, 24:30, 25:00, 25:30 (26:00 excluded): 4 at A
    got, _ = counts(feed, TUESDAY, 0, 3 * H, group=False)
    assert got["A"] == 4 + 1  # + Monday's N1 at 24:30
    assert got["P1"] == 4 + 1  # 00:05 .. 01:35, + N1 at 25:10


def test_trips_after_midnight_belong_to_the_previous_service_day(feed):
    # Tuesday 00:00-02:00: Monday's N1 leaves A at 00:30 and P1 at 01:10
    got, _ = counts(feed, TUESDAY, 0, 2 * H)
    assert got == {"S": 1, "A": 1, "B": 0, "C": 0}
    # Monday: Sunday has no service
    got, _ = counts(feed, MONDAY, 0, 2 * H)
    assert got["A"] == 0
    # the same trip seen from its own service day, window past 24:00
    got, _ = counts(feed, TUESDAY, 24 * H, 26 * H)
    assert got["A"] == 1 and got["S"] == 1
    # comparison mode without previous-day trips
    got, _ = counts(feed, TUESDAY, 0, 2 * H, previous_day=False)
    assert got["A"] == 0


def test_calendar_dates_remove_and_add_services(feed):
    got, summary = counts(feed, MAY_DAY, 7 * H, 19 * H)
    assert got == {"S": 0, "A": 1, "B": 0, "C": 0}  # only HOL's T4 (route N, extended type 700: bus)
    assert summary.set_index("stop_id").loc["A", "modes"] == "bus"
    # Wednesday night's N1 (WK runs on 30 April) still leaves A at 00:30 on 1 May
    got, _ = counts(feed, MAY_DAY, 0, 2 * H)
    assert got["A"] == 1


def test_feed_with_calendar_dates_only(tmp_path):
    dates = "service_id,date,exception_type\nWK,20250304,1\nHOL,20250501,1\n"
    feed = read_feed(write_feed(tmp_path / "f.zip", calendar=None, calendar_dates=dates))
    assert feed.calendar is None
    assert counts(feed, TUESDAY, 7 * H, 19 * H)[0] == {"S": 12, "A": 11, "B": 1, "C": 0}
    assert counts(feed, dt.date(2025, 3, 5), 7 * H, 19 * H)[0]["A"] == 0
    assert counts(feed, dt.date(2025, 3, 5), 0, 2 * H)[0]["A"] == 1  # Tuesday's N1 after midnight
    assert calendar.validity(feed) == (TUESDAY, MAY_DAY)
    choice = calendar.choose_date(feed)
    assert choice.date == TUESDAY and choice.reason == "representative_weekday"


def test_counting_every_stop_time_for_comparisons(feed):
    got, _ = counts(feed, TUESDAY, 7 * H, 19 * H, group=False, boarding_only=False)
    # + T1 and 10 F1 arrivals at B, + T2 at P1 (no pickup) and at A, + T3 at C
    assert got == {"P1": 12, "P2": 1, "A": 12, "B": 12, "C": 1}


def test_loop_and_repeated_stop_rows(tmp_path):
    st = ("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
          "L1,10:00:00,10:00:00,A,1\nL1,10:10:00,10:10:00,B,2\nL1,10:20:00,10:20:00,A,3\n"
          "L1,10:20:00,10:21:00,A,4\nL1,10:30:00,10:30:00,C,5\n")
    trips = "route_id,service_id,trip_id,direction_id\nR1,WK,L1,0\n"
    feed = read_feed(write_feed(tmp_path / "f.zip", trips=trips, stop_times=st, frequencies=None))
    got, _ = counts(feed, TUESDAY, 7 * H, 19 * H, group=False)
    # a loop calls twice at A (10:00 and 10:21); the arrival row 10:20 at A is not a second departure
    assert got["A"] == 2 and got["B"] == 1 and got["C"] == 0


def test_route_frequencies_take_the_busier_direction(feed):
    events = service.departures(feed, TUESDAY, Window(8 * H, 9 * H))
    rf = service.route_frequencies(feed, events, group_stations=False)
    stop_ids = feed.stops["stop_id"].to_numpy()
    table = {(stop_ids[r.loc], feed.routes["route_id"].iat[r.route]): r.per_hour for r in rf.itertuples()}
    # A 08:00-09:00: R1 T1 (dir 0) = 1; R2 F1 runs 08:00, 08:15, 08:30, 08:45 = 4
    assert table[("A", "R1")] == 1 and table[("A", "R2")] == 4
    assert table[("B", "R1")] == 1  # T2, dir 1


def test_stop_intervals_for_oev(feed):
    events = service.departures(feed, TUESDAY, Window(6 * H, 20 * H))
    iv = service.stop_intervals(feed, events).set_index("loc")
    a = int(np.flatnonzero(feed.stops["stop_id"] == "A")[0])
    # A: R1 1 departure (dir 0), R2 10 (dir 0): 11 per direction over 840 min; tram -> group B
    assert iv.loc[a, "departures"] == 11
    assert iv.loc[a, "interval_min"] == pytest.approx(840 / 11)
    assert iv.loc[a, "group"] == "B"


def test_representative_weekday_skips_holidays(feed):
    choice = calendar.representative_weekday(feed)
    # WK runs 5 trips every weekday of 2025 except 1 May (1 trip): the first Tue-Thu is Wed 1 January
    assert choice.date == dt.date(2025, 1, 1)
    assert choice.trips == 5 and choice.reason == "representative_weekday"
    assert choice.weekdays_examined > 200 and choice.weekdays_like_it == choice.weekdays_examined - 1
    given = calendar.choose_date(feed, "2025-05-01")
    assert given.date == MAY_DAY and given.trips == 1 and given.reason == "given"


def test_representative_weekday_prefers_a_normal_midweek_day(tmp_path):
    # a feed starting on a Monday that is a holiday (reduced service), ending 3 weeks later
    cal = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n" \
          "WK,1,1,1,1,1,0,0,20250421,20250511\n"
    dates = "service_id,date,exception_type\nWK,20250422,2\nHOL,20250422,1\n"
    feed = read_feed(write_feed(tmp_path / "f.zip", calendar=cal, calendar_dates=dates))
    choice = calendar.representative_weekday(feed)
    assert choice.date == dt.date(2025, 4, 23)  # Wednesday; Tuesday 22 is the holiday


def test_events_carry_distinct_journeys(feed):
    events = service.departures(feed, TUESDAY, Window(0, 26 * H))
    # N1 of Monday (after midnight) and N1 of Tuesday are two journeys; F1's 10 runs are 10 journeys
    n1 = int(np.flatnonzero(feed.trips["trip_id"] == "N1")[0])
    f1 = int(np.flatnonzero(feed.trips["trip_id"] == "F1")[0])
    assert len(np.unique(events.instance[events.trip == n1])) == 2
    assert len(np.unique(events.instance[events.trip == f1])) == 10
    locs, offsets, inst = service.location_instances(feed, events)
    assert offsets[-1] == len(inst) and len(locs) == len(offsets) - 1


def test_departures_can_be_canceled(feed):
    with pytest.raises(Canceled):
        service.departures(feed, TUESDAY, Window(0, 24 * H), progress=Progress(None, lambda: True))


def test_boarding_area_counts_at_its_platform_and_entrance_rows_are_dropped(tmp_path):
    from gtfs_builders import STOPS

    stops = STOPS + "BA,Quai 1 zone A,,,4,P1\n"
    st = replace_line(STOP_TIMES, "T1,08:10:00,08:10:00,P1,2,0", "T1,08:10:00,08:10:00,BA,2,0")
    feed = read_feed(write_feed(tmp_path / "f.zip", stops=stops, stop_times=st))
    got, _ = counts(feed, TUESDAY, 7 * H, 19 * H, group=False)
    assert got["P1"] == 11 and "BA" not in got
    assert counts(feed, TUESDAY, 7 * H, 19 * H)[0]["S"] == 12


def test_unused_calendar_dates_rows_are_harmless(tmp_path):
    dates = CALENDAR_DATES + "GHOST,20250304,1\n"
    feed = read_feed(write_feed(tmp_path / "f.zip", calendar_dates=dates))
    assert counts(feed, TUESDAY, 7 * H, 19 * H)[0]["A"] == 11
