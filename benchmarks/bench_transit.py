"""Benchmark of the GTFS core (``core.gtfs``) against gtfs_kit, and at the scale of a regional feed.

What it measures, in one run:

1. **Agreement and speed against gtfs_kit** on the same feeds (the real Cairns and New York subway feeds
   of tests/data/gtfs, and the synthetic feed of step 2): reading the feed, then per-stop statistics of
   a representative weekday (gtfs_kit ``compute_stop_stats`` with its 07:00-19:00 headway window; our
   ``departures`` + ``stop_summary`` for 07:00-19:00). The counts are compared where both tools mean the
   same thing: gtfs_kit's ``num_trips`` (every stop time of the day's trips, arrivals included, no trip
   of the previous day) against our count in that comparison mode (``previous_day=False``,
   ``boarding_only=False``, the whole service day), and the stop times of gtfs_kit's
   ``get_stop_times(date)`` departing 07:00-19:00 against ours in the same mode and window.
2. **Scale**: a deterministic synthetic feed of about 2 million stop_times (benchmarks/out/, rebuilt when
   missing) is analysed in a fresh process that reports wall time and peak memory (ru_maxrss): read +
   date choice + departures + per-stop summary + per-route frequencies + ÖV intervals. Targets: under
   60 s and under 4 GB.

gtfs_kit needs pandas >= 2.2 and geopandas, which the plugin's venv (Debian's pandas 1.5) does not have:
run the benchmark from a separate venv (see benchmarks/README.md), e.g.::

    .venv-bench/bin/python benchmarks/bench_transit.py            # everything
    .venv/bin/python benchmarks/bench_transit.py --no-gtfs-kit    # our core only, pandas 1.5

Not run by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from plugin_package import use_plugin_package

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
DATA = ROOT / "tests" / "data" / "gtfs"
REAL_FEEDS = (DATA / "cairns_gtfs.zip", DATA / "nyc_subway_gtfs.zip")
SYNTHETIC = OUT / "synthetic_gtfs_2M.zip"


def _import_core():
    """The plugin package under its installed name (the repository root is the plugin folder)."""
    use_plugin_package()
    from friches_tierslieux.core.gtfs import calendar, service
    from friches_tierslieux.core.gtfs.feed import read_feed

    return read_feed, calendar, service


def peak_rss_mb():
    """Peak resident memory of this process in MB: VmHWM (reset by exec, unlike ru_maxrss which a child
    inherits from the parent that forked it), else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


# --------------------------------------------------------------------------------------------------
# Synthetic feed
# --------------------------------------------------------------------------------------------------


def make_synthetic_feed(path: Path, target_rows: int = 2_000_000, seed: int = 7) -> dict:
    """A deterministic regional feed: ~6000 stops (a tenth grouped in stations), bus, tram, metro and rail
    routes (basic and extended route types), weekday / Saturday / Sunday services with holidays, trips
    running past midnight, pickup_type 1 at some stops, a few frequency-based routes. Returns its size."""
    rng = np.random.default_rng(seed)
    n_stops = 6000
    lon0, lat0 = 4.85, 45.75
    lon = lon0 + rng.uniform(-0.25, 0.25, n_stops)
    lat = lat0 + rng.uniform(-0.18, 0.18, n_stops)
    n_stations = 300
    stop_ids = np.array([f"SP{i:05d}" for i in range(n_stops)], dtype=object)
    parent = np.array([""] * n_stops, dtype=object)
    grouped = rng.choice(n_stops, size=n_stations * 2, replace=False)
    for k, s in enumerate(grouped):
        parent[s] = f"ST{k // 2:04d}"
    stops = pd.DataFrame({
        "stop_id": np.concatenate([stop_ids, [f"ST{k:04d}" for k in range(n_stations)]]),
        "stop_name": np.concatenate([[f"Arrêt {i}" for i in range(n_stops)], [f"Gare {k}" for k in range(n_stations)]]),
        "stop_lat": np.round(np.concatenate([lat, lat[grouped[::2]]]), 6),
        "stop_lon": np.round(np.concatenate([lon, lon[grouped[::2]]]), 6),
        "location_type": np.concatenate([np.zeros(n_stops, int), np.ones(n_stations, int)]),
        "parent_station": np.concatenate([parent, [""] * n_stations]),
    })

    types = np.array([3] * 14 + [700, 704, 0, 900, 1, 401, 2, 109])
    n_stops_route = 40
    per_route_day = None
    routes, trips_rows, st_parts, freq_rows = [], [], [], []
    route_no = 0
    total = 0
    services = ("WK", "SA", "SU")
    service_share = (1.0, 0.5, 0.35)
    while total < target_rows:
        rtype = int(types[route_no % len(types)])
        rid = f"L{route_no:03d}"
        routes.append((rid, str(route_no + 1), f"Ligne {route_no + 1}", rtype))
        pattern = rng.choice(n_stops, size=n_stops_route, replace=False)
        pattern = pattern[np.argsort(lon[pattern])]
        hop = rng.integers(60, 150, size=n_stops_route - 1)
        offsets = np.concatenate([[0], np.cumsum(hop)])
        headway = int(rng.choice([300, 420, 600, 900, 1200]))
        frequency_based = route_no % 25 == 7
        for direction in (0, 1):
            pat = pattern if direction == 0 else pattern[::-1]
            for service, share in zip(services, service_share):
                h = int(headway / share)
                starts = np.arange(5 * 3600 + direction * 120, 25 * 3600 + 1800, h)
                if frequency_based:
                    tid = f"{rid}_{direction}_{service}_F"
                    trips_rows.append((rid, service, tid, direction))
                    freq_rows.append((tid, "05:00:00", "25:30:00", h, direction))
                    starts = np.array([0])
                    ids = np.array([tid], dtype=object)
                else:
                    ids = np.array([f"{rid}_{direction}_{service}_{k:03d}" for k in range(len(starts))], dtype=object)
                    trips_rows.extend((rid, service, t, direction) for t in ids)
                n = len(starts)
                dep = (starts[:, None] + offsets[None, :]).ravel()
                dwell = (rng.random(dep.shape) < 0.2) * 30
                part = pd.DataFrame({
                    "trip_id": np.repeat(ids, n_stops_route),
                    "arrival_time": dep,
                    "departure_time": dep + dwell,
                    "stop_id": np.tile(stop_ids[pat], n),
                    "stop_sequence": np.tile(np.arange(1, n_stops_route + 1), n),
                    "pickup_type": np.where(rng.random(dep.shape) < 0.02, 1, 0),
                })
                st_parts.append(part)
                total += len(part)
        route_no += 1
    del per_route_day
    stop_times = pd.concat(st_parts, ignore_index=True)
    # times as strings: each distinct value formatted once
    max_t = int(stop_times["departure_time"].max()) + 1
    table = np.array([f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}" for t in range(max_t)], dtype=object)
    stop_times["arrival_time"] = table[stop_times["arrival_time"].to_numpy()]
    stop_times["departure_time"] = table[stop_times["departure_time"].to_numpy()]

    routes = pd.DataFrame(routes, columns=["route_id", "route_short_name", "route_long_name", "route_type"])
    trips = pd.DataFrame(trips_rows, columns=["route_id", "service_id", "trip_id", "direction_id"])
    calendar = pd.DataFrame({
        "service_id": ["WK", "SA", "SU"],
        "monday": [1, 0, 0], "tuesday": [1, 0, 0], "wednesday": [1, 0, 0], "thursday": [1, 0, 0],
        "friday": [1, 0, 0], "saturday": [0, 1, 0], "sunday": [0, 0, 1],
        "start_date": ["20250106"] * 3, "end_date": ["20250704"] * 3,
    })
    holidays = ["20250421", "20250501", "20250508", "20250529", "20250609"]
    calendar_dates = pd.DataFrame({
        "service_id": ["WK"] * len(holidays) + ["SU"] * len(holidays),
        "date": holidays * 2,
        "exception_type": [2] * len(holidays) + [1] * len(holidays),
    })
    frequencies = pd.DataFrame(freq_rows, columns=["trip_id", "start_time", "end_time", "headway_secs", "dir"])
    frequencies["exact_times"] = frequencies.pop("dir")  # both kinds
    agency = pd.DataFrame({"agency_id": ["SYN"], "agency_name": ["Synthétique"], "agency_url": ["https://example.org"],
                           "agency_timezone": ["Europe/Paris"]})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, frame in (("agency", agency), ("stops", stops), ("routes", routes), ("trips", trips),
                            ("calendar", calendar), ("calendar_dates", calendar_dates),
                            ("frequencies", frequencies), ("stop_times", stop_times)):
            zf.writestr(f"{name}.txt", frame.to_csv(index=False))
    os.replace(tmp, path)
    return {"stops": len(stops), "routes": len(routes), "trips": len(trips), "stop_times": len(stop_times),
            "frequencies": len(frequencies)}


# --------------------------------------------------------------------------------------------------
# Measurements (each in a fresh process for an honest peak memory)
# --------------------------------------------------------------------------------------------------


def measure_ours(path: str, date: str = "") -> dict:
    read_feed, calendar, service = _import_core()
    t0 = time.perf_counter()
    feed = read_feed(path)
    t_read = time.perf_counter() - t0
    choice = calendar.choose_date(feed, date or None)
    window = service.Window(7 * 3600, 19 * 3600)
    events = service.departures(feed, choice.date, window)
    summary = service.stop_summary(feed, events)
    service.route_frequencies(feed, events)
    service.stop_intervals(feed, events)
    total = time.perf_counter() - t0
    return {"tool": "ours", "read_s": t_read, "total_s": total, "compute_s": total - t_read,
            "peak_rss_mb": peak_rss_mb(), "date": choice.date.isoformat(),
            "departures": int(summary["departures"].sum()), "stop_times": len(feed.stop_times),
            "pandas": pd.__version__}


def measure_gtfs_kit(path: str, date: str) -> dict:
    import gtfs_kit as gk

    t0 = time.perf_counter()
    feed = gk.read_feed(path, dist_units="km")
    t_read = time.perf_counter() - t0
    stats = gk.compute_stop_stats(feed, [date.replace("-", "")], headway_start_time="07:00:00",
                                  headway_end_time="19:00:00")
    total = time.perf_counter() - t0
    return {"tool": "gtfs_kit", "read_s": t_read, "total_s": total, "compute_s": total - t_read,
            "peak_rss_mb": peak_rss_mb(), "stops": len(stats), "version": gk.__version__}


def in_subprocess(kind: str, path: Path, date: str = "", repeat: int = 1) -> dict:
    """The measurement in fresh processes; the fastest of ``repeat`` runs (peak memory: the largest)."""
    best = None
    for _ in range(max(1, repeat)):
        out = subprocess.run([sys.executable, __file__, "--measure", kind, str(path), "--date", date],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-3000:])
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or result["total_s"] < best["total_s"]:
            peak = max(result["peak_rss_mb"], best["peak_rss_mb"]) if best else result["peak_rss_mb"]
            best = dict(result, peak_rss_mb=peak)
        else:
            best["peak_rss_mb"] = max(best["peak_rss_mb"], result["peak_rss_mb"])
    return best


def agreement(path: Path, date: str) -> dict:
    """Per-stop counts of gtfs_kit and ours in the comparison mode (see the module docstring).

    Stops where the two tools differ by design are set apart: stops served by frequencies.txt trips
    (gtfs_kit counts a template once, we expand it) and, for the 07-19 window, stops with stop times
    without a time (we interpolate them, gtfs_kit leaves them out of any window)."""
    import datetime as dt

    import gtfs_kit as gk

    read_feed, _calendar, service = _import_core()
    day = dt.date.fromisoformat(date)
    feed = read_feed(str(path))
    gfeed = gk.read_feed(str(path), dist_units="km")
    gst = gfeed.stop_times
    by_design = set()
    if gfeed.frequencies is not None and len(gfeed.frequencies):
        by_design |= set(gst.loc[gst["trip_id"].isin(gfeed.frequencies["trip_id"]), "stop_id"])
    untimed = set(gst.loc[gst["departure_time"].isna() | (gst["departure_time"] == ""), "stop_id"])

    def ours_counts(window):
        events = service.departures(feed, day, window, previous_day=False, boarding_only=False)
        summary = service.stop_summary(feed, events, group_stations=False)
        return {k: int(v) for k, v in zip(summary["stop_id"], summary["departures"]) if v}

    def compare(theirs, ours, aside):
        stops = (set(theirs) | set(ours)) - aside
        diff = sorted(s for s in stops if theirs.get(s, 0) != ours.get(s, 0))
        return {"stops": len(stops), "differ": len(diff), "examples": [(s, theirs.get(s, 0), ours.get(s, 0))
                                                                          for s in diff[:3]], "set_aside": len(aside)}

    # whole day: gtfs_kit num_trips vs ours counting every stop time of the day's own trips
    stats = gk.compute_stop_stats(gfeed, [date.replace("-", "")])
    theirs = dict(zip(stats["stop_id"], stats["num_trips"].astype(int)))
    whole = compare(theirs, ours_counts(service.Window(0, 10 ** 7)), by_design)
    # 07:00-19:00 stop times of gtfs_kit's get_stop_times (departure_time, parsed by gtfs_kit)
    st = gk.get_stop_times(gfeed, date.replace("-", ""))
    secs = st["departure_time"].map(gk.helpers.timestr_to_seconds)
    st = st[(secs >= 7 * 3600) & (secs < 19 * 3600)]
    theirs_w = st.groupby("stop_id").size().astype(int).to_dict()
    window = compare(theirs_w, ours_counts(service.Window(7 * 3600, 19 * 3600)), by_design | untimed)
    return {"whole_day": whole, "window_07_19": window,
            "frequencies_rows": 0 if feed.frequencies is None else len(feed.frequencies),
            "untimed_stops": len(untimed)}


def _agreement_text(a):
    def one(label, c):
        text = f"{label}: {c['stops'] - c['differ']}/{c['stops']} stops identical"
        if c["differ"]:
            text += f" (e.g. stop, gtfs_kit, ours: {c['examples']})"
        return text + (f", {c['set_aside']} set aside" if c["set_aside"] else "")

    notes = []
    if a["frequencies_rows"]:
        notes.append(f"stops of frequencies.txt trips set aside: gtfs_kit ignores its {a['frequencies_rows']} rows")
    if a["untimed_stops"]:
        notes.append(f"07-19: {a['untimed_stops']} stops with untimed stop times set aside (we interpolate them)")
    return one("whole day", a["whole_day"]) + "; " + one("07-19", a["window_07_19"]) + (
        "\n" + " " * 36 + "; ".join(notes) if notes else "")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measure", nargs=2, metavar=("TOOL", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    parser.add_argument("--date", default="")
    parser.add_argument("--no-gtfs-kit", action="store_true", help="measure our core only")
    parser.add_argument("--rows", type=int, default=2_000_000, help="stop_times of the synthetic feed")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the synthetic feed")
    args = parser.parse_args(argv)

    if args.measure:
        kind, path = args.measure
        result = measure_ours(path, args.date) if kind == "ours" else measure_gtfs_kit(path, args.date)
        print(json.dumps(result))
        return 0

    use_kit = not args.no_gtfs_kit
    if use_kit:
        try:
            import gtfs_kit  # noqa: F401
        except ImportError:
            print("gtfs_kit is not installed in this Python: comparison skipped (see benchmarks/README.md)")
            use_kit = False

    synthetic = SYNTHETIC if args.rows == 2_000_000 else OUT / f"synthetic_gtfs_{args.rows}.zip"
    if args.rebuild or not synthetic.exists():
        t0 = time.perf_counter()
        info = make_synthetic_feed(synthetic, args.rows)
        print(f"synthetic feed {synthetic.name}: {info} built in {time.perf_counter() - t0:.1f} s "
              f"({synthetic.stat().st_size / 1e6:.1f} MB zipped)")

    print(f"\n{'feed':<26}{'tool':<10}{'read s':>9}{'stats s':>9}{'total s':>9}{'peak MB':>9}  notes")
    rows = []
    for path in (*REAL_FEEDS, synthetic):
        ours = in_subprocess("ours", path, repeat=args.repeat)
        line = (f"{path.name:<26}{'ours':<10}{ours['read_s']:>9.2f}{ours['compute_s']:>9.2f}{ours['total_s']:>9.2f}"
                f"{ours['peak_rss_mb']:>9.0f}  {ours['stop_times']} stop_times, date {ours['date']}, "
                f"{ours['departures']} departures 07-19, pandas {ours['pandas']}")
        print(line)
        row = {"feed": path.name, "ours": ours}
        if use_kit:
            kit = in_subprocess("gtfs_kit", path, ours["date"], repeat=args.repeat)
            print(f"{'':<26}{'gtfs_kit':<10}{kit['read_s']:>9.2f}{kit['compute_s']:>9.2f}{kit['total_s']:>9.2f}"
                  f"{kit['peak_rss_mb']:>9.0f}  gtfs_kit {kit['version']}; ratio gtfs_kit / ours: total "
                  f"{kit['total_s'] / ours['total_s']:.1f}x, stats {kit['compute_s'] / ours['compute_s']:.1f}x")
            agree = agreement(path, ours["date"])
            print(f"{'':<26}{'agree':<10}{_agreement_text(agree)}")
            row.update({"gtfs_kit": kit, "agreement": agree})
        rows.append(row)
    big = rows[-1]["ours"]
    ok = big["total_s"] < 60 and big["peak_rss_mb"] < 4096
    print(f"\nTarget on {big['stop_times']} stop_times: {big['total_s']:.1f} s (< 60 s) and "
          f"{big['peak_rss_mb']:.0f} MB (< 4096 MB): {'met' if ok else 'NOT MET'}")
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_transit.json").write_text(json.dumps(rows, indent=2, default=str))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
