"""Build every layer of Ingeville in order and write the three output files (the command line)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from shapely.geometry import LineString

from .friche_attributes import schema_field_names
from .friches import build_friches
from .geometry import to_l93
from .gtfs import build_gtfs
from .layout import design, rail_y, river_y
from .places import build_places
from .planning import build_communes, build_prescriptions, build_scot, build_zones
from .population import build_population
from .street_network import build_streets
from .territory import DEFAULT_OUT, EXTENT, INSEE_INGEVILLE
from .writers import write_csv_rows, write_gpkg, write_gtfs_zip


def generate(out: Path, verbose=True) -> dict:
    """Build every layer and write them into ``out``; returns the counts (also printed)."""
    out.mkdir(parents=True, exist_ok=True)

    def say(msg):
        if verbose:
            print(msg, flush=True)

    d = design()
    edges = build_streets(d)
    say(f"streets: {len(edges)} edges")
    zones = build_zones(d)
    surf, lin, pct = build_prescriptions(d, edges, zones)
    population = build_population(d, edges)
    friches = build_friches(d, edges, zones)
    tiers, services = build_places(d, edges)
    feed = build_gtfs(d, edges)

    routes = []
    for k, e in enumerate(edges, start=1):
        routes.append(
            {
                "geom": to_l93(e.geom), "id": k, "highway": e.highway, "name": e.name, "ref": e.ref,
                "oneway": e.oneway, "maxspeed": e.maxspeed, "junction": e.junction, "bridge": e.bridge,
            }
        )
    xs = np.arange(-EXTENT, EXTENT + 1, 40.0)
    layers = {
        "routes": routes,
        "population_200m": population,
        "zone_urba": zones,
        "prescription_surf": surf,
        "prescription_lin": lin,
        "prescription_pct": pct,
        "perimetre_scot": build_scot(d),
        "communes": build_communes(d),
        "tiers_lieux": tiers,
        "services": services,
        "cours_eau": [{"geom": to_l93(LineString([(x, river_y(x)) for x in xs])), "nom": "La Vernelle"}],
        "bois": [{"geom": to_l93(poly), "nom": name} for name, poly in sorted(d.forests.items())],
        "voie_ferree": [
            {
                "geom": to_l93(LineString([(x, rail_y(x)) for x in xs])),
                "nom": "Ligne de Valcourt à Bellegarde-sur-Vernelle",
            }
        ],
    }
    write_gpkg(out / "ingeville.gpkg", layers)
    write_csv_rows(out / "friches_ingeville.csv", schema_field_names(), friches)
    write_gtfs_zip(out / "gtfs_ingeville.zip", feed)
    counts = {
        "edges": len(edges),
        "cells": len(population),
        "population_ingeville": round(
            sum(
                c["ind"]
                for c in population
                if INSEE_INGEVILLE in [c["lcog_geo"][i : i + 5] for i in range(0, len(c["lcog_geo"]), 5)]
            )
        ),
        "population_total": round(sum(c["ind"] for c in population)),
        "zones": len(zones),
        "friches": len(friches),
        "stops": len(feed["stops.txt"]) - 1,
        "trips": len(feed["trips.txt"]) - 1,
        "stop_times": len(feed["stop_times.txt"]) - 1,
    }
    say(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Generate the Ingeville demo territory (deterministic).")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: demo/ingeville)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    generate(Path(args.out), verbose=not args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
