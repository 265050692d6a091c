"""core.monitoring: periods, and every indicator on a small history whose figures are counted by hand."""

import datetime as dt

import pytest
import shapely
from friches_tierslieux.core import history as hist
from friches_tierslieux.core import monitoring as mon

UTC = dt.timezone.utc


def utc_midnight(day):
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def test_calendar_periods():
    years = mon.calendar_periods(dt.date(2022, 6, 3), dt.date(2024, 2, 1), "year", utc_midnight)
    assert [p.key for p in years] == ["2022", "2023", "2024"]
    assert years[0].first_day == dt.date(2022, 1, 1) and years[0].last_day == dt.date(2022, 12, 31)
    quarters = mon.calendar_periods(dt.date(2023, 11, 30), dt.date(2024, 8, 1), "quarter", utc_midnight)
    assert [p.key for p in quarters] == ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"]
    assert quarters[1].first_day == dt.date(2024, 1, 1) and quarters[1].next_day == dt.date(2024, 4, 1)
    assert quarters[0].end == quarters[1].start == dt.datetime(2024, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(("value", "day"), [
    (2021, dt.date(2021, 1, 1)), ("2023", dt.date(2023, 1, 1)), ("2024-05-06", dt.date(2024, 5, 6)),
    (dt.datetime(2024, 5, 6, 10), dt.date(2024, 5, 6)), (dt.date(2020, 2, 2), dt.date(2020, 2, 2)),
    ("", None), (None, None), ("bientôt", None), (12, None),
])
def test_opening_day(value, day):
    assert mon.opening_day(value) == day


def when(year, month, day):
    return dt.datetime(year, month, day, 10, tzinfo=UTC)


def story():
    """Three sites. S1 identified 2021-01-10, in the inventory from 2022-01-05 (sans projet), avec projet on
    2022-07-01, reconvertie on 2023-03-01; S2 identified 2022-03-01, added 2022-03-05 (potentielle), sans projet
    on 2023-05-05; S3 identified 2023-02-01, added 2023-02-10 (sans projet), deleted 2023-09-09."""
    p1 = shapely.Point(0, 0)
    outline1 = shapely.box(-100, -100, 100, 100)
    p2 = shapely.Point(1000, 0)
    p3 = shapely.Point(5000, 5000)
    events = [
        (when(2022, 1, 5), "S1", "_site", None, "present"),
        (when(2022, 1, 5), "S1", "site_statut", None, "friche sans projet"),
        (when(2022, 1, 5), "S1", "site_identif_date", None, "2021-01-10"),
        (when(2022, 1, 5), "S1", "site_surface", None, "20000.0"),
        (when(2022, 1, 5), "S1", "geom", None, shapely.to_wkb(p1, hex=True)),
        (when(2022, 1, 5), "S1", "emprise", None, shapely.to_wkb(outline1, hex=True)),
        (when(2022, 3, 5), "S2", "_site", None, "present"),
        (when(2022, 3, 5), "S2", "site_statut", None, "friche potentielle"),
        (when(2022, 3, 5), "S2", "site_identif_date", None, "2022-03-01"),
        (when(2022, 3, 5), "S2", "site_surface", None, "5000.0"),
        (when(2022, 3, 5), "S2", "geom", None, shapely.to_wkb(p2, hex=True)),
        (when(2022, 7, 1), "S1", "site_statut", "friche sans projet", "friche avec projet"),
        (when(2023, 2, 10), "S3", "_site", None, "present"),
        (when(2023, 2, 10), "S3", "site_statut", None, "friche sans projet"),
        (when(2023, 2, 10), "S3", "site_identif_date", None, "2023-02-01"),
        (when(2023, 2, 10), "S3", "geom", None, shapely.to_wkb(p3, hex=True)),
        (when(2023, 3, 1), "S1", "site_statut", "friche avec projet", "friche reconvertie"),
        (when(2023, 5, 5), "S2", "site_statut", "friche potentielle", "friche sans projet"),
        (when(2023, 9, 9), "S3", "_site", "present", None),
        (when(2023, 9, 9), "S3", "site_statut", "friche sans projet", None),
        (when(2023, 9, 9), "S3", "site_identif_date", "2023-02-01", None),
        (when(2023, 9, 9), "S3", "geom", shapely.to_wkb(p3, hex=True), None),
    ]
    rows = [hist.HistoryRow(i, *event[1:], event[0], "tech", "form") for i, event in enumerate(events, start=1)]
    rows = [hist.HistoryRow(r.id, r.site_id, r.field, r.old_value, r.new_value, r.changed_at, "tech", "form")
            for r in rows]
    current = {
        "S1": {"site_id": "S1", "site_statut": "friche reconvertie", "site_identif_date": dt.date(2021, 1, 10),
               "site_surface": 20000.0, "geom": shapely.to_wkb(p1, hex=True),
               "emprise": shapely.to_wkb(outline1, hex=True)},
        "S2": {"site_id": "S2", "site_statut": "friche sans projet", "site_identif_date": dt.date(2022, 3, 1),
               "site_surface": 5000.0, "geom": shapely.to_wkb(p2, hex=True), "emprise": None},
    }
    return current, rows


def parse(field, text):
    kind = {"site_surface": "double", "site_identif_date": "date"}.get(field, "string")
    return hist.value_from_text(text, kind)


def geometry(text):
    return shapely.from_wkb(bytes.fromhex(text)) if text else None


def test_indicators_per_year():
    current, rows = story()
    periods = mon.calendar_periods(dt.date(2022, 1, 1), dt.date(2023, 12, 31), "year", utc_midnight)
    places = [
        mon.Place(shapely.Point(50, 50), "inside S1's outline", dt.date(2023, 6, 1)),
        mon.Place(shapely.Point(1040, 0), "40 m from S2", dt.date(2022, 9, 1)),
        mon.Place(shapely.Point(1060, 0), "60 m from S2", dt.date(2023, 1, 15)),
        mon.Place(shapely.Point(9000, 9000), "no date", None),
    ]
    calls = []

    def population(indices):
        calls.append(tuple(indices))
        return 100.0 * len(indices)

    y2022, y2023 = mon.compute(periods, current, rows, parse, geometry, places, population)
    # end of 2022: S1 avec projet (2 ha), S2 potentielle (0.5 ha)
    assert y2022.sites == 2 and y2022.area_m2 == 25000.0
    assert y2022.by_status["avec_projet"] == 1 and y2022.by_status["potentielle"] == 1
    assert y2022.identified == 1  # S2 (S1 was identified in 2021)
    assert y2022.status_changes == 1 and y2022.transitions == {("sans_projet", "avec_projet"): 1}
    assert y2022.converted == 0
    assert y2022.to_project == 1 and y2022.median_days_to_project == (dt.date(2022, 7, 1) - dt.date(2021, 1, 10)).days
    assert y2022.places_opened == 1 and y2022.places_opened_on_friche == 1  # 40 m from S2
    assert y2022.places_open == 2 and y2022.population == 200.0  # the 2022 one and the one without a date
    # end of 2023: S3 came and went; S1 reconvertie, S2 sans projet
    assert y2023.sites == 2 and y2023.by_status["reconvertie"] == 1 and y2023.by_status["sans_projet"] == 1
    assert y2023.identified == 0  # S3 was identified in 2023 but is gone at the end of the year
    assert y2023.status_changes == 2 and y2023.converted == 1 and y2023.to_project == 0
    assert y2023.median_days_to_project is None
    assert y2023.places_opened == 2 and y2023.places_opened_on_friche == 1  # inside S1; the 60 m one is not
    assert y2023.places_open == 4 and y2023.population == 400.0
    assert [(c.site_id, c.old, c.new) for c in y2023.changes] == [
        ("S1", "friche avec projet", "friche reconvertie"), ("S2", "friche potentielle", "friche sans projet")]
    assert calls == [(1, 3), (0, 1, 2, 3)]


def test_quarters_add_up_to_the_year():
    current, rows = story()
    year = mon.compute(mon.calendar_periods(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year", utc_midnight),
                       current, rows, parse, geometry)[0]
    quarters = mon.compute(mon.calendar_periods(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "quarter",
                                                utc_midnight), current, rows, parse, geometry)
    assert sum(q.status_changes for q in quarters) == year.status_changes
    assert sum(q.converted for q in quarters) == year.converted
    assert quarters[-1].by_status == year.by_status
    assert [q.sites for q in quarters] == [3, 3, 2, 2]  # S3 deleted in September


def test_transitions_text():
    text = mon.transitions_text({("sans_projet", "avec_projet"): 3, ("potentielle", "sans_projet"): 1})
    assert text == "sans_projet → avec_projet: 3; potentielle → sans_projet: 1"
