"""The fixed facts of the fictional territory: where it lies, its communes and codes, the seed."""

from __future__ import annotations

from pathlib import Path

#: The plugin folder (the repository root): the CNIG schema of the friches CSV is read from it.
ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "resources" / "cnig" / "friches_schema.json"
DEFAULT_OUT = ROOT / "demo" / "ingeville"

#: One seed for the whole territory; each layer derives its own generator from it and its name.
SEED = 20260901
#: Lambert-93 position of the town hall square (a 200 m grid corner), in the Loiret (about 2.47° E, 47.85° N).
X0, Y0 = 660_000.0, 6_750_000.0
#: Half-width of the square area the territory is drawn in (local metres).
EXTENT = 7000.0

INSEE_INGEVILLE = "45999"
# fmt: off
COMMUNES = {
    "45999": ("Ingeville", 30000.0),
    "45998": ("Montvallon", 2300.0),
    "45997": ("Saint-Aubin-les-Prés", 1600.0),
    "45996": ("Chaumont-la-Forêt", 950.0),
}
# fmt: on
#: Postcodes (fictional as well).
# fmt: off
POSTCODES = {"45999": "45990", "45998": "45991", "45997": "45992", "45996": "45993"}
# fmt: on
PLU_IDURBA = "45999_PLU_20190315"
PLU_DATVALID = "20190315"
SCOT_IDURBA = "200012345_SCOT_20180620"
SCOT_NAME = "SCOT du Pays d'Ingeville"
