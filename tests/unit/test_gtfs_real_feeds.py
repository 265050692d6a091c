"""On the real feeds gtfs_kit's source distribution ships (Cairns buses, New York subway lines 1 and 2),
the per-stop departure counts of the core agree exactly with a deliberately simple, row-by-row
computation written here with the csv module (it does not call the core).

The rules the reference applies are the GTFS reference's, written out plainly: a trip runs on day D when
calendar.txt has its weekday between start_date and end_date, unless calendar_dates.txt removes it that
day, or when calendar_dates.txt adds it; a trip of day D-1 leaves at its time minus 24 h; a stop time is
a departure unless it is the trip's last row, has pickup_type 1, or is followed by a row of the same
trip at the same stop; empty times are interpolated linearly by row between timed rows.
"""

import csv
import datetime as dt
import io
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from friches_tierslieux.core.gtfs import calendar, service
from friches_tierslieux.core.gtfs.feed import read_feed
from friches_tierslieux.core.gtfs.service import Window

DATA = Path(__file__).resolve().parents[1] / "data" / "gtfs"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
H = 3600


class Reference:
    """The feed read row by row with the csv module."""

    def __init__(self, path):
        self.zf = zipfile.ZipFile(path)
        names = {n.rsplit("/", 1)[-1]: n for n in self.zf.namelist()}
        self.names = names
        self.stops = {r["stop_id"]: r for r in self.rows("stops.txt")}
        self.trips = {r["trip_id"]: r for r in self.rows("trips.txt")}
        self.calendar = self.rows("calendar.txt")
        self.calendar_dates = self.rows("calendar_dates.txt")
        self.frequencies = defaultdict(list)
        for r in self.rows("frequencies.txt"):
            self.frequencies[r["trip_id"]].append(r)
        self.stop_times = defaultdict(list)
        for r in self.rows("stop_times.txt"):
            self.stop_times[r["trip_id"]].append(r)
        self.times = {}
        for trip_id, rows in self.stop_times.items():
            rows.sort(key=lambda r: int(r["stop_sequence"]))
            self.times[trip_id] = self._trip_times(rows)

    def rows(self, name):
        if name not in self.names:
            return []
        with self.zf.open(self.names[name]) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig"))
            return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in reader]

    @staticmethod
    def seconds(text):
        h, m, s = text.split(":")
        return int(h) * 3600 + int(m) * 60 + int(s)

    def _trip_times(self, rows):
        times = []
        for r in rows:
            text = r.get("departure_time") or r.get("arrival_time")
            times.append(self.seconds(text) if text else None)
        for i, t in enumerate(times):
            if t is None:
                p = max(k for k in range(i) if times[k] is not None)
                n = min(k for k in range(i + 1, len(times)) if times[k] is not None)
                times[i] = round(times[p] + (times[n] - times[p]) * (i - p) / (n - p))
        return times

    def runs(self, day):
        text = day.strftime("%Y%m%d")
        on = set()
        for r in self.calendar:
            if r[WEEKDAYS[day.weekday()]] == "1" and r["start_date"] <= text <= r["end_date"]:
                on.add(r["service_id"])
        for r in self.calendar_dates:
            if r["date"] == text:
                if r["exception_type"] == "1":
                    on.add(r["service_id"])
                else:
                    on.discard(r["service_id"])
        return on

    def location(self, stop_id, group):
        parent = self.stops[stop_id].get("parent_station", "")
        if group and parent and self.stops[parent].get("location_type") == "1":
            return parent
        return stop_id

    def departures(self, date, start, end, group=True):
        counts, routes = Counter(), defaultdict(set)
        days = [-1, 0] + ([1] if end > 24 * H else [])
        for k in days:
            running = self.runs(date + dt.timedelta(days=k))
            for trip_id, rows in self.stop_times.items():
                trip = self.trips[trip_id]
                if trip["service_id"] not in running:
                    continue
                first = self.times[trip_id][0]
                if trip_id in self.frequencies:
                    run_starts = []
                    for f in self.frequencies[trip_id]:
                        t = self.seconds(f["start_time"])
                        while t < self.seconds(f["end_time"]):
                            run_starts.append(t)
                            t += int(f["headway_secs"])
                else:
                    run_starts = [first]
                for run in run_starts:
                    for i, r in enumerate(rows):
                        if i == len(rows) - 1 or r.get("pickup_type") == "1":
                            continue
                        if rows[i + 1]["stop_id"] == r["stop_id"]:
                            continue
                        t = run + self.times[trip_id][i] - first + k * 24 * H
                        if start <= t < end:
                            loc = self.location(r["stop_id"], group)
                            counts[loc] += 1
                            routes[loc].add(trip["route_id"])
        return counts, {k: len(v) for k, v in routes.items()}


@pytest.fixture(scope="module", params=["cairns_gtfs.zip", "nyc_subway_gtfs.zip"])
def feeds(request):
    path = DATA / request.param
    return request.param, read_feed(path), Reference(path)


CASES = {
    "cairns_gtfs.zip": [
        (dt.date(2014, 5, 27), 7 * H, 19 * H),  # representative Tuesday
        (dt.date(2014, 6, 9), 0, 24 * H),  # Queen's birthday: weekday removed, Sunday service added
        (dt.date(2014, 5, 31), 5 * H, 6 * H + 1800),  # Saturday morning
        (dt.date(2014, 12, 26), 0, 30 * H),  # both weekday services removed
    ],
    "nyc_subway_gtfs.zip": [
        (dt.date(2024, 12, 17), 7 * H, 19 * H),
        (dt.date(2024, 12, 17), 0, 3 * H),  # Monday's trips after midnight
        (dt.date(2024, 12, 25), 0, 24 * H),  # Christmas: Sunday service
        (dt.date(2024, 12, 21), 23 * H, 27 * H),  # Saturday night, window past 24:00
    ],
}


@pytest.mark.parametrize("case", range(4))
@pytest.mark.parametrize("group", [True, False])
def test_departures_agree_with_row_by_row_reference(feeds, case, group):
    name, feed, ref = feeds
    date, start, end = CASES[name][case]
    expected, expected_routes = ref.departures(date, start, end, group)
    events = service.departures(feed, date, Window(start, end))
    summary = service.stop_summary(feed, events, group)
    got = {sid: n for sid, n in zip(summary["stop_id"], summary["departures"]) if n}
    assert got == dict(expected)
    got_routes = {sid: n for sid, n in zip(summary["stop_id"], summary["routes"]) if n}
    assert got_routes == expected_routes
    assert sum(got.values()) > 0 or (case == 3 and name == "cairns_gtfs.zip")


def test_real_feeds_have_what_the_cases_exercise(feeds):
    name, feed, _ref = feeds
    if name == "nyc_subway_gtfs.zip":
        assert (feed.stops["location_type"] == 1).sum() > 50  # stations with platforms
        assert feed.stop_times.time.max() > 27 * H  # times past 24:00
        assert calendar.choose_date(feed).date == dt.date(2024, 12, 17)
    else:
        assert feed.calendar_dates is not None and len(feed.calendar_dates) == 9
        assert calendar.choose_date(feed).date == dt.date(2014, 5, 27)
