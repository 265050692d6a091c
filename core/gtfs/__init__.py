"""Public-transport service from a GTFS feed: departures per stop, PTAL and ÖV-Güteklassen.

Modules, in the order the analysis uses them:

- ``feed``: reading a GTFS zip with pandas into typed, indexed tables (times in seconds, stop and trip
  indices instead of strings), with :class:`GtfsError` naming the file and the row of any defect;
- ``calendar``: services active on a date (calendar.txt and calendar_dates.txt), the feed's validity and
  a representative weekday;
- ``modes``: GTFS route types, basic and extended (100-1700), mapped to modes and to the mode groups of
  PTAL and of the ÖV-Güteklassen;
- ``service``: departure events in a time window (frequencies.txt expanded, trips of the previous service
  day after 24:00, no departure at a trip's last stop or where pickup_type is 1, platforms grouped under
  their station) and their per-stop and per-route summaries;
- ``ptal``: TfL's access index and PTAL band, the Swiss ÖV-Güteklassen, departures near a point;
- ``walk``: walking distances along a line network (bounded Dijkstra), for sites.

Pure Python (numpy, pandas, shapely, the standard library): no Qt, no QGIS. Problems are raised as
:class:`GtfsError` with a stable ``code`` and the values a message needs; the Processing adapters turn
them into translated sentences.
"""

from __future__ import annotations


class GtfsError(ValueError):
    """A defect of the feed or of the inputs: ``code``, the ``file`` and data ``row`` (1 = the first row
    after the header; ``None`` when the problem is not about one row) and the values a message needs."""

    def __init__(self, code: str, file: str = "", row=None, **params):
        super().__init__(code, file, row, params)
        self.code = code
        self.file = file
        self.row = row
        self.params = params

    @property
    def line(self):
        """The line of the file (the header is line 1), or None."""
        return None if self.row is None else int(self.row) + 1

    def __str__(self):
        where = self.file or ""
        if self.row is not None:
            where += f", row {self.row} (line {self.line})"
        details = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{where}: {self.code}" + (f" ({details})" if details else "")
