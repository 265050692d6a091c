"""Reading the geolocated DVF file ("Demandes de valeurs foncières géolocalisées", Etalab) into one clean
price per sale.

Why a module of its own: DVF is the only open record of what property actually sells for in France, but
a price cannot be read off one line. The file has one line per parcel and per premises of a sale (a
*mutation*, grouped by ``id_mutation``) and repeats the whole price ``valeur_fonciere`` on every line; a
premises on a parcel with two kinds of land appears twice with the same floor area; a sale may mix a
warehouse with a house. Summing prices or surfaces line by line would count a sale several times. This
module groups the lines of each mutation, checks them, keeps the sales that can serve as comparables for a
friche and reports every line or sale it leaves out, with the reason (nothing is dropped silently).

The published format (https://github.com/datagouv/dvf, README-CSV): comma separator, UTF-8, ISO dates,
decimal point, 40 columns among which ``id_mutation``, ``date_mutation``, ``numero_disposition``,
``nature_mutation`` (Vente, Vente en l'état futur d'achèvement, Vente terrain à bâtir, Adjudication,
Echange, Expropriation), ``valeur_fonciere``, ``code_commune``, ``id_parcelle``, ``code_type_local`` /
``type_local`` (1 Maison, 2 Appartement, 3 Dépendance, 4 Local industriel. commercial ou assimilé),
``surface_reelle_bati``, ``code_nature_culture`` / ``nature_culture`` (S sols, AB terrains a bâtir, T terres,
P prés, …), ``surface_terrain``, ``longitude``, ``latitude`` (WGS 84, empty when the parcel could not be
located). Files come per département or commune, often gzipped. Copies re-saved by a spreadsheet are read
too: ``;`` separator, decimal comma, Windows-1252 or doubly encoded UTF-8, dd/mm/yyyy dates.

Kinds of comparable sale:

- **premises** (``locaux``): at least one *Local industriel. commercial ou assimilé*, no house or
  flat (dependencies allowed). Floor area = the sum of ``surface_reelle_bati`` of its distinct premises
  (parcel, type, area); price per m² of floor = price / floor area (the price includes the land under it).
- **land** (``terrain``): no premises at all and only urban land (sols, terrains à bâtir, terrains
  d'agrément, jardins). Land area = the sum of ``surface_terrain`` of its distinct (parcel, kind of land);
  price per m² of land = price / land area.

Everything else (houses and flats, a warehouse sold with a house, garages alone, farmland and woods) is
not a comparable for a friche: counted in the report, not used.

Nothing is translated here: each problem is a :class:`ReportItem` with a ``code``; the QGIS side turns
codes into sentences. Pure Python: the standard library, numpy and pandas.
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..cnig_friches import fold
from ..progress import NullProgress
from . import KIND_LAND, KIND_PREMISES

#: The 40 columns of the published file, in order (datagouv/dvf README-CSV).
DVF_COLUMNS = (
    "id_mutation", "date_mutation", "numero_disposition", "nature_mutation", "valeur_fonciere",
    "adresse_numero", "adresse_suffixe", "adresse_nom_voie", "adresse_code_voie", "code_postal",
    "code_commune", "nom_commune", "code_departement", "ancien_code_commune", "ancien_nom_commune",
    "id_parcelle", "ancien_id_parcelle", "numero_volume", "lot1_numero", "lot1_surface_carrez",
    "lot2_numero", "lot2_surface_carrez", "lot3_numero", "lot3_surface_carrez", "lot4_numero",
    "lot4_surface_carrez", "lot5_numero", "lot5_surface_carrez", "nombre_lots", "code_type_local",
    "type_local", "surface_reelle_bati", "nombre_pieces_principales", "code_nature_culture", "nature_culture",
    "code_nature_culture_speciale", "nature_culture_speciale", "surface_terrain", "longitude", "latitude",
)
#: Columns the estimate cannot do without.
REQUIRED = ("id_mutation", "date_mutation", "nature_mutation", "valeur_fonciere", "code_commune", "type_local",
            "surface_reelle_bati", "surface_terrain", "longitude", "latitude")
#: Columns used when present.
OPTIONAL = ("numero_disposition", "id_parcelle", "code_type_local", "code_nature_culture", "nature_culture")


#: Kinds of transfer kept by default (folded): ordinary sales, sales of building land, auctions. Left
#: out: exchanges and expropriations (no market price), sales off-plan (new buildings, not friches).
DEFAULT_NATURES = ("vente", "vente terrain a batir", "adjudication")
#: Prices per m² outside these bounds are data errors or non-market sales (symbolic euro, a whole
#: business sold with its premises), by kind: premises per m² of floor, land per m² of land.
DEFAULT_PRICE_BOUNDS = {KIND_PREMISES: (30.0, 15000.0), KIND_LAND: (1.0, 3000.0)}

_PREMISES = "local industriel commercial ou assimile"
_HOUSING = ("maison", "appartement")
_DEPENDANCE = "dependance"
_TYPE_CODES = {"1": "maison", "2": "appartement", "3": _DEPENDANCE, "4": _PREMISES}
#: Urban land (code and folded label): sols, terrains à bâtir, terrains d'agrément, jardins.
_URBAN_LAND_CODES = {"S", "AB", "AG", "J"}
_URBAN_LAND_LABELS = {"sols", "terrains a batir", "terrains d agrement", "jardins"}

#: Actions of a report line (translated by the algorithm).
#: Lines read between two checks of the cancel button.
CHECK_EVERY = 5000

REJECTED = "rejected"  # a line or a sale that is wrong: not used
IGNORED = "ignored"  # not wrong, but not a comparable (or a second copy): not used
KEPT = "kept"  # used, with a note


class DvfError(ValueError):
    """A file that cannot be read as DVF; ``code`` and ``params`` say why (translated by the caller)."""

    def __init__(self, code: str, **params):
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass
class ReportItem:
    """One line of the report: a line or a sale left out or noted (``count`` > 1: a summary of many)."""

    code: str
    action: str
    line: Optional[int] = None
    id_mutation: Optional[str] = None
    field: str = ""
    value: str = ""
    count: int = 1


@dataclass
class DvfData:
    """The comparable sales of a DVF file and what happened to the rest."""

    #: one row per comparable sale: id_mutation, date, nature, price_eur, code_commune, kind, floor_m2,
    #: land_m2, area_m2 (the one the price is divided by), price_m2, lon, lat (NaN when not located),
    #: lines, first_line
    sales: pd.DataFrame
    report: List[ReportItem]
    encoding: str
    separator: str
    lines: int  # data lines read
    mutations: int  # distinct mutations read
    reference_date: Optional[_dt.date] = None
    start_date: Optional[_dt.date] = None
    notes: List[Tuple[str, dict]] = field(default_factory=list)  # file-level notes (code, params)

    def counts(self) -> Dict[str, int]:
        """Report lines by code (summaries count their ``count``)."""
        out: Dict[str, int] = {}
        for item in self.report:
            out[item.code] = out.get(item.code, 0) + item.count
        return out


# --------------------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------------------
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]")
_NOT_ALNUM = re.compile("[^a-z0-9]+")


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    elif data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith((".csv", ".txt"))]
            if not names:
                raise DvfError("no_csv_in_zip", path=str(path))
            data = archive.read(sorted(names)[0])
    return data


def decode(data: bytes) -> Tuple[str, str]:
    """``(text, encoding)``: UTF-8 (with or without BOM), else Windows-1252, else Latin-1; a UTF-8 file
    decoded and saved again as Windows-1252 (« DÃ©pendance ») is repaired ("utf-8 (double)")."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    if _MOJIBAKE.search(text):
        for codec in ("cp1252", "latin-1"):
            try:
                return text.encode(codec).decode("utf-8"), "utf-8 (double)"
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
    return text, encoding


def key(text) -> str:
    """Folded form used to compare coded labels: lower case, no accents, punctuation as spaces
    (« Local industriel. commercial ou assimilé » → "local industriel commercial ou assimile")."""
    if text is None:
        return ""
    return _NOT_ALNUM.sub(" ", fold(str(text))).strip()


def _sniff_separator(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=lambda s: (counts[s], s == ","))


def _numbers(values: pd.Series) -> pd.Series:
    """Numbers written with a decimal point or comma, spaces as thousands separators; NaN otherwise."""
    text = values.astype(str).str.strip().str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    comma_only = text.str.contains(",", regex=False) & ~text.str.contains(".", regex=False)
    both = text.str.contains(",", regex=False) & text.str.contains(".", regex=False)
    text = text.where(~both, text.str.replace(".", "", regex=False))  # 1.234,56
    text = text.where(~(comma_only | both), text.str.replace(",", ".", regex=False))
    return pd.to_numeric(text.where(text != "", None), errors="coerce")


def _mapped(values: pd.Series, function) -> pd.Series:
    """``values.map(function)`` with ``function`` called once per distinct value (a DVF file repeats a few
    dozen labels over hundreds of thousands of lines)."""
    return values.map({value: function(value) for value in values.unique()})


def _dates(values: pd.Series) -> pd.Series:
    """ISO dates (yyyy-mm-dd), or dd/mm/yyyy as a spreadsheet writes them; NaT otherwise."""
    text = values.astype(str).str.strip()
    iso = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    french = pd.to_datetime(text.str.slice(0, 10), format="%d/%m/%Y", errors="coerce")
    return iso.fillna(french)


# --------------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------------
def read_lines(path, progress=None) -> Tuple[pd.DataFrame, List[ReportItem], str, str]:
    """The lines of a DVF file as text columns (``line`` = line number in the file, the header being
    line 1), the lines that could not be read, the encoding and the separator. ``progress`` is checked
    for a cancel (:class:`~core.progress.Canceled`) every few thousand lines."""
    path = Path(path)
    if not path.exists():
        raise DvfError("not_found", path=str(path))
    text, encoding = decode(_read_bytes(path))
    if not text.strip():
        raise DvfError("empty_file", path=str(path))
    first = text.split("\n", 1)[0].rstrip("\r")
    separator = _sniff_separator(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header = [h.strip().strip('"').strip().lower() for h in next(reader)]
    header = [re.sub("^lot_([1-5])_", r"lot\1_", h) for h in header]
    folded = {key(h) for h in header}
    if "valeur fonciere" in folded and "no disposition" in folded:
        raise DvfError("raw_dgfip", path=str(path))
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DvfError("missing_columns", path=str(path), columns=missing, found=header[:12])
    wanted = [c for c in (*REQUIRED, *OPTIONAL) if c in header]
    positions = [header.index(c) for c in wanted]
    width = len(header)
    columns: Dict[str, list] = {c: [] for c in wanted}
    numbers: List[int] = []
    bad: List[ReportItem] = []
    for row in reader:
        if progress is not None and reader.line_num % CHECK_EVERY == 0:
            progress.check()
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            bad.append(ReportItem("bad_line", REJECTED, line=reader.line_num, field="",
                                  value=f"{len(row)}/{width}"))
            continue
        numbers.append(reader.line_num)
        for name, pos in zip(wanted, positions):
            columns[name].append(row[pos].strip())
    frame = pd.DataFrame(columns)
    frame.insert(0, "line", np.asarray(numbers, dtype=np.int64))
    for name in OPTIONAL:
        if name not in frame:
            frame[name] = ""
    return frame, bad, encoding, separator


def read_dvf(path, natures: Sequence[str] = DEFAULT_NATURES, years: Optional[float] = 5.0,
             reference_date: Optional[_dt.date] = None,
             price_bounds: Optional[Dict[str, Tuple[float, float]]] = None, progress=None) -> DvfData:
    """The comparable sales of the DVF file ``path``, with the report of every line or sale left out.

    ``natures``: kinds of transfer kept (compared folded: « Vente terrain à bâtir » = "vente terrain a
    batir"). ``years``: only sales within this many years before ``reference_date`` (default: the latest
    sale of the file, so that the same file always gives the same answer); None keeps every date.
    ``price_bounds``: ``{kind: (min, max)}`` € per m², sales outside are reported as absurd prices.
    """
    bounds = {**DEFAULT_PRICE_BOUNDS, **(price_bounds or {})}
    progress = progress or NullProgress()
    frame, report, encoding, separator = read_lines(path, progress)
    progress.set(0.4)
    lines_read = len(frame) + len(report)
    if frame.empty:
        raise DvfError("no_lines", path=str(path))

    # 1. lines without a mutation identifier, lines written twice
    no_id = frame["id_mutation"] == ""
    for line in frame.loc[no_id, "line"]:
        report.append(ReportItem("missing_id", REJECTED, line=int(line), field="id_mutation"))
    frame = frame[~no_id]
    content = [c for c in frame.columns if c != "line"]
    twice = frame.duplicated(subset=content, keep="first")
    for line, mid in zip(frame.loc[twice, "line"], frame.loc[twice, "id_mutation"]):
        report.append(ReportItem("duplicate_line", IGNORED, line=int(line), id_mutation=mid))
    frame = frame[~twice].copy()

    progress.check()
    # 2. values
    frame["price"] = _numbers(frame["valeur_fonciere"])
    frame["date"] = _dates(frame["date_mutation"])
    progress.check()
    frame["bati"] = _numbers(frame["surface_reelle_bati"]).fillna(0.0)
    frame["terrain"] = _numbers(frame["surface_terrain"]).fillna(0.0)
    progress.check()
    lon, lat = _numbers(frame["longitude"]), _numbers(frame["latitude"])
    progress.check()
    given = (frame["longitude"] != "") | (frame["latitude"] != "")
    valid = lon.between(-180, 180) & lat.between(-90, 90) & ~((lon == 0) & (lat == 0))
    for line, mid, x, y in zip(frame.loc[given & ~valid, "line"], frame.loc[given & ~valid, "id_mutation"],
                               frame.loc[given & ~valid, "longitude"], frame.loc[given & ~valid, "latitude"]):
        report.append(ReportItem("bad_coordinates", KEPT, line=int(line), id_mutation=mid,
                                 field="longitude, latitude", value=f"{x}, {y}"))
    frame["lon"], frame["lat"] = lon.where(valid), lat.where(valid)
    type_code = _mapped(frame["code_type_local"], lambda c: _TYPE_CODES.get(str(c).strip().split(".")[0], ""))
    type_label = _mapped(frame["type_local"], key)
    frame["type"] = type_label.where(type_label != "", type_code)
    culture_code = frame["code_nature_culture"].str.upper().str.strip()
    culture_label = _mapped(frame["nature_culture"], key)
    progress.check()
    frame["urban_land"] = culture_code.isin(_URBAN_LAND_CODES) | culture_label.isin(_URBAN_LAND_LABELS)
    frame["has_land"] = (culture_code != "") | (culture_label != "") | (frame["terrain"] > 0)
    frame["culture"] = culture_code.where(culture_code != "", culture_label)
    frame["nature"] = _mapped(frame["nature_mutation"], key)
    progress.set(0.6)

    progress.check()
    # 3. one row per mutation
    groups = frame.groupby("id_mutation", sort=False)
    first = groups.head(1).set_index("id_mutation")
    progress.check()
    agg = pd.DataFrame({
        "first_line": first["line"],
        "lines": groups.size(),
        "n_prices": groups["price"].nunique(dropna=False),
        "n_dates": groups["date_mutation"].nunique(),
        "price_eur": groups["price"].first(),
        "date": groups["date"].first(),
        "date_text": first["date_mutation"],
        "price_text": first["valeur_fonciere"],
        "nature": first["nature"],
        "nature_text": first["nature_mutation"],
        "code_commune": first["code_commune"],
        "lon": groups["lon"].mean(),
        "lat": groups["lat"].mean(),
    })
    progress.check()
    typed = frame.assign(
        is_premises=frame["type"] == _PREMISES, is_housing=frame["type"].isin(_HOUSING),
        is_dependance=frame["type"] == _DEPENDANCE,
        is_other=(frame["type"] != "") & ~frame["type"].isin((_PREMISES, _DEPENDANCE, *_HOUSING)),
        is_built=frame["type"] != "", land_ok=frame["urban_land"] | ~frame["has_land"],
    ).groupby("id_mutation", sort=False)
    flags = typed[["is_premises", "is_housing", "is_dependance", "is_other", "is_built", "land_ok"]].any()
    agg["premises"] = flags["is_premises"]
    agg["housing"] = flags["is_housing"]
    agg["other_type"] = flags["is_other"]
    agg["built"] = flags["is_built"]
    agg["dependance_only"] = flags["is_dependance"] & ~flags["is_premises"] & ~flags["is_housing"] & ~flags["is_other"]
    agg["all_urban_land"] = typed["land_ok"].all()
    progress.check()
    # distinct premises (parcel, type, area): a premises repeats for each kind of land of its parcel
    prem = frame[(frame["type"] == _PREMISES) & (frame["bati"] > 0)]
    prem = prem.drop_duplicates(subset=["id_mutation", "id_parcelle", "type", "bati"])
    agg["floor_m2"] = prem.groupby("id_mutation")["bati"].sum().reindex(agg.index).fillna(0.0)
    land = frame[frame["terrain"] > 0].drop_duplicates(subset=["id_mutation", "id_parcelle", "culture", "terrain"])
    agg["land_m2"] = land.groupby("id_mutation")["terrain"].sum().reindex(agg.index).fillna(0.0)
    progress.check()
    parcels = frame.groupby("id_mutation")["id_parcelle"].agg(lambda s: "|".join(sorted(set(s))))
    agg["parcels"] = parcels.reindex(agg.index)
    mutations = len(agg)

    def out(mask, code, action, field_name, values=None):
        rows = agg[mask]
        for k, (mid, row) in enumerate(rows.iterrows()):
            if k % CHECK_EVERY == 0:
                progress.check()
            value = "" if values is None else str(values(row))
            report.append(ReportItem(code, action, line=int(row["first_line"]), id_mutation=str(mid),
                                     field=field_name, value=value))
        return agg[~mask]

    def summary(mask, code, field_name, by):
        rows = agg[mask]
        for value, count in rows.groupby(by, sort=True).size().items():
            report.append(ReportItem(code, IGNORED, field=field_name, value=str(value), count=int(count)))
        return agg[~mask]

    progress.check()
    # 4. sales that are wrong
    agg = out(agg["n_prices"] > 1, "inconsistent_price", REJECTED, "valeur_fonciere", lambda r: r["price_text"])
    agg = out(agg["n_dates"] > 1, "inconsistent_date", REJECTED, "date_mutation", lambda r: r["date_text"])
    agg = out(agg["date"].isna(), "bad_date", REJECTED, "date_mutation", lambda r: r["date_text"])
    agg = out(~(agg["price_eur"] > 0), "no_price", REJECTED, "valeur_fonciere", lambda r: r["price_text"])

    progress.check()
    # 5. sales that are fine but not comparables: summaries
    natures_kept = {key(n) for n in natures}
    agg = summary(~agg["nature"].isin(natures_kept), "nature_excluded", "nature_mutation", "nature_text")
    reference = reference_date
    if reference is None and not agg.empty:
        reference = agg["date"].max().date()
    start = None
    if years is not None and reference is not None:
        start = (pd.Timestamp(reference) - pd.DateOffset(days=round(365.25 * float(years)))).date()
        old = (agg["date"] < pd.Timestamp(start)) | (agg["date"] > pd.Timestamp(reference))
        agg = summary(old, "out_of_period", "date_mutation", agg["date"].dt.year)
    kind = pd.Series("", index=agg.index, dtype=object)
    kind[agg["premises"] & ~agg["housing"]] = KIND_PREMISES
    kind[~agg["built"] & agg["all_urban_land"]] = KIND_LAND
    why = pd.Series("", index=agg.index, dtype=object)
    why[agg["premises"] & agg["housing"]] = "premises + housing"
    why[~agg["premises"] & agg["housing"]] = "housing"
    why[agg["dependance_only"]] = "dependance"
    why[(why == "") & ~agg["premises"] & agg["other_type"]] = "other premises"
    why[(why == "") & ~agg["built"] & ~agg["all_urban_land"]] = "farmland or woods"
    agg = agg.assign(kind=kind)
    agg = summary(agg["kind"] == "", "not_comparable", "type_local", why.reindex(agg.index))

    progress.check()
    # 6. duplicated sales (the same transfer under two identifiers, e.g. two files merged)
    signature = (agg["date"].astype(str) + "|" + agg["price_eur"].astype(str) + "|" + agg["parcels"].astype(str)
                 + "|" + agg["floor_m2"].astype(str) + "|" + agg["land_m2"].astype(str))
    twice = signature.duplicated(keep="first")
    first_of = dict(zip(signature[~twice], signature[~twice].index))
    agg = out(twice, "duplicate_mutation", IGNORED, "id_mutation", lambda r: first_of.get(signature[r.name], ""))

    progress.check()
    # 7. price per m²
    area = np.where(agg["kind"] == KIND_PREMISES, agg["floor_m2"], agg["land_m2"])
    agg = agg.assign(area_m2=area)
    agg = out(~(agg["area_m2"] > 0), "no_surface", REJECTED,
              "surface_reelle_bati / surface_terrain", lambda r: r["kind"])
    agg = agg.assign(price_m2=agg["price_eur"] / agg["area_m2"])
    low = agg["kind"].map(lambda k: bounds[k][0])
    high = agg["kind"].map(lambda k: bounds[k][1])
    absurd = (agg["price_m2"] < low) | (agg["price_m2"] > high)
    agg = out(absurd, "absurd_price", REJECTED, "valeur_fonciere",
              lambda r: f"{r['price_eur']:.0f} € / {r['area_m2']:.0f} m² = {r['price_m2']:.2f} €/m² ({r['kind']})")

    progress.check()
    # 8. located or not
    unlocated = agg["lon"].isna() | agg["lat"].isna()
    for k, (mid, row) in enumerate(agg[unlocated].iterrows()):
        if k % CHECK_EVERY == 0:
            progress.check()
        report.append(ReportItem("no_coordinates", KEPT, line=int(row["first_line"]), id_mutation=str(mid),
                                 field="longitude, latitude", value=str(row["code_commune"])))
    sales = agg.reset_index()[["id_mutation", "date", "nature_text", "price_eur", "code_commune", "kind", "floor_m2",
                               "land_m2", "area_m2", "price_m2", "lon", "lat", "lines", "first_line"]]
    sales = sales.rename(columns={"nature_text": "nature"}).reset_index(drop=True)
    sales["code_commune"] = sales["code_commune"].map(normalise_commune)
    progress.set(1.0)
    return DvfData(sales, report, encoding, separator, lines_read, mutations, reference, start)


def normalise_commune(code) -> str:
    """An INSEE code of 5 characters (« 3013 » written by a spreadsheet → "03013"; 2A/2B kept)."""
    text = str(code or "").strip().upper()
    if text.endswith(".0"):
        text = text[:-2]
    if text.isdigit() and len(text) < 5:
        text = text.zfill(5)
    return text
