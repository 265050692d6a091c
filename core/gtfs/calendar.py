"""Which services run on a date, over which dates a feed is valid, and which weekday represents it.

Rules (GTFS reference):

- a service runs on date D when calendar.txt has it with D's weekday set and start_date <= D <=
  end_date, unless calendar_dates.txt removes it on D (exception_type 2); calendar_dates.txt adds a
  service on D with exception_type 1, whatever calendar.txt says (feeds without calendar.txt describe
  every date this way);
- the feed's validity runs from the earliest start_date / added date to the latest end_date / added date;
- the *representative weekday* is a Monday-to-Friday date inside the validity whose number of trips is
  the most common among the weekdays of the feed (so not a holiday with a reduced service nor an odd
  date with extra trips); among those, a Tuesday, Wednesday or Thursday, and the earliest. Only the
  first :data:`SEARCH_DAYS` days of the validity are examined.

Pure Python: numpy, pandas; no Qt, no QGIS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from . import GtfsError
from .feed import WEEKDAYS, Feed

#: Days of the validity examined to choose a representative weekday.
SEARCH_DAYS = 400


def _day(value) -> np.datetime64:
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[D]")
    if isinstance(value, (dt.date, dt.datetime)):
        return np.datetime64(value.strftime("%Y-%m-%d"), "D")
    return np.datetime64(str(value), "D")


def to_date(value: np.datetime64) -> dt.date:
    return dt.date.fromisoformat(str(np.datetime64(value, "D")))


#: Years a service date may take: the analysis looks at the day before and after, which year 1 and 9999 lack,
#: and no timetable runs outside these.
DATE_YEARS = (1900, 2199)


def parse_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY, in the years :data:`DATE_YEARS`; ValueError
    otherwise."""
    value = str(text).strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if DATE_YEARS[0] <= day.year <= DATE_YEARS[1]:
            return day
        break
    raise ValueError(f"not a service date: {text!r}")


def active_services(feed: Feed, day) -> np.ndarray:
    """Boolean array over ``feed.services``: True for the services running on ``day``."""
    day = _day(day)
    active = np.zeros(len(feed.services), dtype=bool)
    cal = feed.calendar
    if cal is not None and len(cal):
        weekday = WEEKDAYS[to_date(day).weekday()]
        runs = cal[weekday].to_numpy() & (cal["start"].to_numpy() <= day) & (day <= cal["end"].to_numpy())
        active[cal["service"].to_numpy()[runs]] = True
    cd = feed.calendar_dates
    if cd is not None and len(cd):
        on_day = cd["date"].to_numpy() == day
        exc = cd["exception_type"].to_numpy()
        services = cd["service"].to_numpy()
        active[services[on_day & (exc == 1)]] = True
        active[services[on_day & (exc == 2)]] = False
    return active


def active_trips(feed: Feed, day) -> np.ndarray:
    """Boolean array over ``feed.trips``: True for the trips whose service runs on ``day``."""
    services = active_services(feed, day)
    svc = feed.trips["service"].to_numpy()
    out = np.zeros(len(svc), dtype=bool)
    known = svc >= 0
    out[known] = services[svc[known]]
    return out


def validity(feed: Feed) -> Tuple[Optional[dt.date], Optional[dt.date]]:
    """First and last date any service runs according to calendar.txt and calendar_dates.txt."""
    starts, ends = [], []
    if feed.calendar is not None and len(feed.calendar):
        starts.append(feed.calendar["start"].min())
        ends.append(feed.calendar["end"].max())
    cd = feed.calendar_dates
    if cd is not None and len(cd):
        added = cd.loc[cd["exception_type"] == 1, "date"]
        if len(added):
            starts.append(added.min())
            ends.append(added.max())
    if not starts:
        return None, None
    return to_date(min(starts)), to_date(max(ends))


@dataclass
class DateChoice:
    """The date chosen for an analysis, and why (for the log)."""

    date: dt.date
    trips: int
    #: "given", "representative_weekday" or "busiest_day" (no weekday has service)
    reason: str
    first: Optional[dt.date] = None
    last: Optional[dt.date] = None
    weekdays_examined: int = 0
    weekdays_like_it: int = 0


def trips_per_day(feed: Feed, days) -> np.ndarray:
    """Number of trips running on each date of ``days`` (vectorised over services)."""
    svc = feed.trips["service"].to_numpy()
    counts = np.bincount(svc[svc >= 0], minlength=len(feed.services))
    return np.array([int(counts[active_services(feed, d)].sum()) for d in days], dtype=np.int64)


def representative_weekday(feed: Feed) -> DateChoice:
    """See the module docstring. Raises ``GtfsError("no_service")`` when no date has any trip."""
    first, last = validity(feed)
    if first is None:
        raise GtfsError("no_service", "calendar.txt")
    n_days = min((last - first).days + 1, SEARCH_DAYS)
    days = [first + dt.timedelta(days=i) for i in range(max(n_days, 0))]
    counts = trips_per_day(feed, days)
    weekday_idx = [i for i, d in enumerate(days) if d.weekday() < 5 and counts[i] > 0]
    if not weekday_idx:
        if not len(counts) or counts.max() == 0:
            raise GtfsError("no_service", "calendar.txt")
        best = int(np.argmax(counts))
        return DateChoice(days[best], int(counts[best]), "busiest_day", first, last, 0, 0)
    values, freq = np.unique(counts[weekday_idx], return_counts=True)
    # the most common number of trips; on a tie, the larger service
    modal = values[np.lexsort((values, freq))[-1]]
    like = [i for i in weekday_idx if counts[i] == modal]
    midweek = [i for i in like if days[i].weekday() in (1, 2, 3)]
    pick = (midweek or like)[0]
    return DateChoice(days[pick], int(counts[pick]), "representative_weekday", first, last,
                      len(weekday_idx), len(like))


def choose_date(feed: Feed, day=None) -> DateChoice:
    """``day`` when given (a date, "YYYY-MM-DD"...), otherwise the representative weekday."""
    first, last = validity(feed)
    if day is None or (isinstance(day, str) and not day.strip()):
        return representative_weekday(feed)
    if isinstance(day, str):
        day = parse_date(day)
    if isinstance(day, dt.datetime):
        day = day.date()
    count = int(trips_per_day(feed, [day])[0])
    return DateChoice(day, count, "given", first, last)
