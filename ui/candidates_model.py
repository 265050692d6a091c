"""Rows of the *Candidates* panel: reading scored sites, re-ranking them with new weights, exporting them.

Why a module of its own: re-ranking is the core's formula (``core.scoring.score.rescore``) applied to the
``score_details`` that ``friches:score_candidates`` wrote, so it needs no analysis re-run and no widget;
the tests check it directly. The Qt side is a read-only table model over the ranked rows, a proxy that
can hide non-candidates, and the CSV / XLSX writers.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core import files
from ..core.scoring import USES
from ..core.scoring.explain import explain_use, format_number
from ..core.scoring.profile import Profile, ProfileError, default_profile, load_profile
from ..core.scoring.score import UseScore, parse_details, ranks, rescore
from ..core.text import without_parentheses
from ..translation import tr, ui_language
from .inventory_model import py_value
from .layer_table import FID_ROLE

#: Fields a layer needs to be listed by the panel.
SCORE_FIELDS = ("score_coworking", "score_fablab", "score_mediation")
DETAILS_FIELD = "score_details"
PROFILE_FIELD = "score_profile"
#: Fields read besides the details.
READ_FIELDS = ("site_id", "site_nom", "comm_nom", *SCORE_FIELDS, DETAILS_FIELD, PROFILE_FIELD)

COLUMNS = ("rank", "site_nom", "score", "candidate", "reliability", "explanation")
RANK_COLUMN, NAME_COLUMN, SCORE_COLUMN, CANDIDATE_COLUMN, RELIABILITY_COLUMN, EXPLANATION_COLUMN = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter


def ui_lang() -> str:
    """"fr" when QGIS runs in French (the explanations' language in the panel), else "en"."""
    return ui_language()


def use_labels() -> Dict[str, str]:
    """Translated names of the uses (literal tr() calls so that pylupdate finds them)."""
    return {"coworking": tr("Coworking"), "fablab": tr("Fablab"), "mediation": tr("Digital inclusion")}


def is_scored_layer(layer) -> bool:
    """A vector layer written by friches:score_candidates (the three score fields)."""
    try:
        names = layer.fields().names()
    except (AttributeError, RuntimeError):
        return False
    return all(name in names for name in SCORE_FIELDS)


@dataclass
class CandidateRow:
    """One scored site as read from the layer."""

    fid: int
    site_id: str = ""
    site_nom: str = ""
    comm_nom: str = ""
    stored: Dict[str, Optional[float]] = field(default_factory=dict)  # use -> score field value
    details: Optional[dict] = None

    @property
    def label(self) -> str:
        return self.site_nom or self.site_id or f"#{self.fid}"


@dataclass
class RankedRow:
    row: CandidateRow
    rank: int
    score: float
    candidate: bool
    reliability: Optional[float]
    explanation: str
    result: Optional[UseScore] = None


def _float(value) -> Optional[float]:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def read_rows(layer) -> List[CandidateRow]:
    """The scored sites of ``layer`` (edit buffer included), without geometries."""
    names = layer.fields().names()
    wanted = [name for name in READ_FIELDS if name in names]
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(wanted, layer.fields())
    rows = []
    for feature in layer.getFeatures(request):
        values = {name: py_value(feature[name]) for name in wanted}
        rows.append(CandidateRow(
            fid=feature.id(),
            site_id=str(values.get("site_id") or ""),
            site_nom=str(values.get("site_nom") or ""),
            comm_nom=str(values.get("comm_nom") or ""),
            stored={use: _float(values.get(f"score_{use}")) for use in USES},
            details=parse_details(values.get(DETAILS_FIELD)),
        ))
    return rows


def layer_profile(layer) -> Profile:
    """The profile a layer was scored with: the file named in ``score_profile`` when it still exists,
    else the shipped one."""
    if layer is not None and PROFILE_FIELD in layer.fields().names():
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setLimit(1)
        request.setSubsetOfAttributes([PROFILE_FIELD], layer.fields())
        for feature in layer.getFeatures(request):
            path = py_value(feature[PROFILE_FIELD])
            if path and str(path).lower().endswith(".json") and Path(str(path)).is_file():
                try:
                    return load_profile(str(path))
                except ProfileError:
                    break
    return default_profile()


def stored_weights(rows: Sequence[CandidateRow], use: str, profile: Profile) -> Dict[str, float]:
    """The weights the layer was scored with (first row's details), else the profile's."""
    for row in rows:
        entry = ((row.details or {}).get("u") or {}).get(use)
        if entry and entry.get("w"):
            return {cid: float(w or 0.0) for cid, w in entry["w"].items()}
    return profile.use(use).weights()


def criterion_ids(rows: Sequence[CandidateRow], use: str, profile: Profile) -> List[str]:
    """Criteria of ``use`` in the profile's order, then any other found in the details."""
    ids = [c.id for c in profile.use(use).criteria]
    for row in rows:
        entry = ((row.details or {}).get("u") or {}).get(use) or {}
        for cid in entry.get("w") or {}:
            if cid not in ids:
                ids.append(cid)
        break
    return ids


def rank_rows(rows: Sequence[CandidateRow], use: str, weights: Optional[Mapping[str, float]], profile: Profile,
              lang: str = "fr") -> List[RankedRow]:
    """The rows ranked for ``use`` with ``weights`` (None: as scored), best first, with their sentences.

    Rows without details keep their stored score (no re-ranking possible for them, no explanation).
    """
    missing = {c.id: c.missing for c in profile.use(use).criteria if c.missing is not None}
    results = []
    for row in rows:
        result = rescore(row.details, use, weights, missing) if row.details else None
        if result is not None:
            explanation = explain_use(profile, result, row.details.get("f") or {}, lang) if use in profile.uses else ""
            results.append((row, result.score, result.candidate, result.reliability, explanation, result))
        else:
            score = row.stored.get(use)
            results.append((row, score if score is not None else 0.0, False, None, "", None))
    order = ranks([r[1] for r in results], [r[3] if r[3] is not None else -1 for r in results],
                  [r[0].site_id or str(r[0].fid) for r in results])
    ranked = [RankedRow(row, rank, score, candidate, rel, text, result)
              for (row, score, candidate, rel, text, result), rank in zip(results, order)]
    ranked.sort(key=lambda r: r.rank)
    return ranked


def short_label(label: str) -> str:
    """A criterion label without its parenthesis, for a slider ("Public transport level")."""
    return without_parentheses(label).strip() or label


def count_text(ranked: Sequence[RankedRow], threshold: Optional[float]) -> str:
    n = sum(1 for r in ranked if r.candidate)
    total = len(ranked)
    if threshold is None:
        return tr("{n} candidate(s) of {total} sites").format(n=n, total=total)
    return tr("{n} candidate(s) of {total} sites · threshold {threshold}").format(
        n=n, total=total, threshold=f"{threshold:g}")


# -- export --------------------------------------------------------------------------------------------------

def export_table(ranked: Sequence[RankedRow], use: str, criteria: Sequence[str]):
    """``(header, rows)`` of the ranking as exported: identity, score, candidate, reliability, explanation,
    then each criterion's normalised value (0-1, empty when no data)."""
    header = ["rank", "site_id", "site_nom", "comm_nom", "use", "score", "candidate", "reliability", "explanation"]
    header += [f"c_{cid}" for cid in criteria]
    rows = []
    for r in ranked:
        values = r.result.values if r.result is not None else {}
        rows.append([
            r.rank, r.row.site_id, r.row.site_nom, r.row.comm_nom, use, round(r.score, 1), bool(r.candidate),
            None if r.reliability is None else round(r.reliability),
            r.explanation,
            *[None if values.get(cid) is None else round(float(values[cid]), 3) for cid in criteria],
        ])
    return header, rows


def write_csv(path, header, rows) -> None:
    """UTF-8 with a byte-order mark (Excel reads the accents), comma-separated, dot decimals; written
    under a temporary name and renamed when complete (a crash never leaves half a file)."""
    with files.atomic_path(path) as partial, open(partial, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v)
                             for v in row])


def write_xlsx(path, header, rows, weights: Mapping[str, float], sheet: str = "ranking") -> Optional[str]:
    """Write the ranking and a ``weights`` sheet with GDAL's XLSX driver; None when done, else the error."""
    from qgis.core import QgsFeature, QgsFields, QgsProject, QgsVectorLayer

    from ..compat import make_field

    kinds = {"rank": "int", "score": "double", "candidate": "bool", "reliability": "int"}
    fields = QgsFields()
    for name in header:
        fields.append(make_field(name, "double" if name.startswith("c_") else kinds.get(name, "string")))
    table = QgsVectorLayer("None", sheet, "memory")
    table.dataProvider().addAttributes(fields.toList())
    table.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(table.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    table.dataProvider().addFeatures(features)

    weights_layer = QgsVectorLayer("None", "weights", "memory")
    weights_layer.dataProvider().addAttributes([make_field("criterion", "string"), make_field("weight", "double")])
    weights_layer.updateFields()
    items = []
    for cid, weight in weights.items():
        feature = QgsFeature(weights_layer.fields())
        feature.setAttributes([cid, float(weight)])
        items.append(feature)
    weights_layer.dataProvider().addFeatures(items)

    context = QgsProject.instance().transformContext()
    partial = files.temporary_sibling(path)
    try:
        error = _write_xlsx_layers(partial, (table, weights_layer), context)
    except BaseException:
        files.remove(partial)
        raise
    if error is not None:
        files.remove(partial)
        return error
    try:
        files.commit(partial, path)
    except OSError as exc:
        files.remove(partial)
        return str(exc)
    return None


def _write_xlsx_layers(path, layers, context) -> Optional[str]:
    from qgis.core import QgsVectorFileWriter

    for i, layer in enumerate(layers):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "XLSX"
        options.fileEncoding = "UTF-8"
        options.layerName = layer.name()
        if i:
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if hasattr(QgsVectorFileWriter, "writeAsVectorFormatV3"):
            result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), context, options)
        else:  # pragma: no cover - QGIS < 3.20
            result = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), context, options)
        error, message = result[0], result[1]
        if error != QgsVectorFileWriter.WriterError.NoError:
            return message or str(error)
    return None


# -- Qt models -----------------------------------------------------------------------------------------------

def column_headers() -> list:
    """Short headers (the dock is narrow); each has a tooltip with its full meaning."""
    return ["#", tr("Site"), tr("Score"), "✓", tr("Data"), tr("Explanation")]


class CandidatesTableModel(QAbstractTableModel):
    """Read-only table of :class:`RankedRow`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: List[RankedRow] = []
        self._headers = column_headers()
        self._lang = ui_lang()

    def set_rows(self, rows: Sequence[RankedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._lang = ui_lang()
        self.endResetModel()

    def rows(self) -> List[RankedRow]:
        return list(self._rows)

    def row_at(self, row: int) -> RankedRow:
        return self._rows[row]

    def row_of_fid(self, fid: int) -> int:
        for i, ranked in enumerate(self._rows):
            if ranked.row.fid == fid:
                return i
        return -1

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = (tr("Rank for this use with the weights shown"), tr("Name of the site (site_nom)"),
                    tr("Score from 0 to 100 with the weights shown"),
                    tr("Candidate: not excluded, score at least the threshold, enough data"),
                    tr("Reliability: share of the weights whose criteria have data"),
                    tr("Main strengths and weak points; hover a cell for the whole sentence"))
            return tips[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (RANK_COLUMN, SCORE_COLUMN, RELIABILITY_COLUMN):
            return ALIGN_RIGHT
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ranked = self._rows[index.row()]
        column = index.column()
        if role == FID_ROLE:
            return ranked.row.fid
        if column == RANK_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return ranked.rank
        elif column == NAME_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return ranked.row.label
            if role == SORT_ROLE:
                return ranked.row.label.lower()
            if role == Qt.ItemDataRole.ToolTipRole:
                parts = [ranked.row.label, ranked.row.site_id, ranked.row.comm_nom]
                return " · ".join(p for p in parts if p)
        elif column == SCORE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return format_number(round(ranked.score), self._lang)
            if role == SORT_ROLE:
                return ranked.score
        elif column == CANDIDATE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return "✔" if ranked.candidate else ""
            if role == SORT_ROLE:
                return int(ranked.candidate)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Candidate") if ranked.candidate else tr("Not a candidate")
        elif column == RELIABILITY_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                if ranked.reliability is None:
                    return ""
                return f"{format_number(round(ranked.reliability), self._lang)}\u00a0%"
            if role == SORT_ROLE:
                return ranked.reliability if ranked.reliability is not None else -1.0
        elif column == EXPLANATION_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return sentence_body(ranked.explanation)
            if role == SORT_ROLE:
                return ranked.explanation
            if role == Qt.ItemDataRole.ToolTipRole and ranked.explanation:
                return f"<p>{_html(ranked.explanation)}</p>"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (RANK_COLUMN, SCORE_COLUMN, RELIABILITY_COLUMN):
                return ALIGN_RIGHT
            if column == CANDIDATE_COLUMN:
                return ALIGN_CENTER
        return None


def sentence_body(text: str) -> str:
    """An explanation without its "Coworking 76/100 :" head (the table shows use and score already); a cap
    stays in front: "(plafonné : …) zone UA compatible…". A scan of the first "/100", not a regular
    expression (``^.*?/100\\s*(...)?\\s*:`` takes quadratic time on long runs of spaces)."""
    text = text or ""
    at = text.find("/100")
    if at < 0:
        return text
    k = _skip_spaces(text, at + 4)
    cap = ""
    if k < len(text) and text[k] == "(":
        close = text.find(")", k + 1)
        if close < 0:
            return text
        cap, k = text[k:close + 1], _skip_spaces(text, close + 1)
    if k >= len(text) or text[k] != ":":
        return text
    rest = text[_skip_spaces(text, k + 1):]
    return f"{cap} {rest}" if cap else rest


def _skip_spaces(text: str, k: int) -> int:
    while k < len(text) and text[k].isspace():
        k += 1
    return k


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CandidatesFilterProxy(QSortFilterProxyModel):
    """Optionally hides the sites that are not candidates; sorts on raw values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._candidates_only = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_candidates_only(self, value: bool) -> None:
        self._candidates_only = bool(value)
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        model = self.sourceModel()
        if model is None:
            return False
        return (not self._candidates_only) or model.row_at(source_row).candidate

    def visible_rows(self) -> List[RankedRow]:
        model = self.sourceModel()
        return [model.row_at(self.mapToSource(self.index(i, 0)).row()) for i in range(self.rowCount())]
