"""The *Candidates* dock panel on a small scored layer built with the scoring core (as
``friches:score_candidates`` writes it): live re-ranking with the weight sliders, use switch, filter,
zoom and select, CSV and XLSX export read back, and clean disconnection."""

import csv

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

X0, Y0 = 660000.0, 6750000.0

# site_id, name, x, y, facts that differ from BASE
SITES = [
    ("S1", "Garage du Centre", 0, 0, {"nearest_stop_m": 90.0, "ptal": "3", "bati_surface": 120.0}),
    ("S2", "Grande halle", 1500, 300, {"nearest_stop_m": 950.0, "ptal": "1a", "bati_surface": 900.0,
                                       "bati_etat": "dégradation inexistante ou faible"}),
    ("S3", "Ancienne école", 600, -400, {}),
    ("S4", "Filature reconvertie", -800, 200, {"site_statut": "friche reconvertie"}),
    ("S5", "Usine polluée", 2200, -900, {"sol_pollution_existe": "pollution avérée", "bati_surface": 1200.0}),
]
BASE = {
    "site_statut": "friche sans projet", "bati_etat": "dégradation moyenne", "bati_surface": 500.0,
    "site_surface": 2000.0, "free_land_m2": 1500.0, "sol_pollution_existe": "pollution peu probable",
    "nearest_stop": "Mairie", "nearest_stop_m": 400.0, "ptal": "2", "dep_500m_h": 12.0,
    "compat_coworking": "compatible", "compat_fablab": "compatible", "compat_mediation": "compatible",
    "zone_libelle": "UA", "pop_walk": 9000.0, "pop_walk_min": "15\u00a0min", "pop_mode": "walk",
    "centre_m": 600.0, "place_m_coworking": 1200.0, "place_m_fablab": 2500.0, "place_m_mediation": 800.0,
}


def scored_layer(name="Candidats test"):
    """A point layer with the fields and values friches:score_candidates writes, from the scoring core."""
    from friches_tierslieux.compat import make_field
    from friches_tierslieux.core.scoring import USES
    from friches_tierslieux.core.scoring.explain import explain_site
    from friches_tierslieux.core.scoring.profile import default_profile
    from friches_tierslieux.core.scoring.score import details_json, ranks, score_site, to_details
    from friches_tierslieux.processing.score_candidates import OUTPUT_FIELDS

    profile = default_profile()
    layer = QgsVectorLayer("Point?crs=EPSG:2154", name, "memory")
    fields = QgsFields()
    for field_name in ("site_id", "site_nom", "comm_nom"):
        fields.append(make_field(field_name, "string"))
    for field_name, kind, length in OUTPUT_FIELDS:
        fields.append(make_field(field_name, kind, length))
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    all_facts = [dict(BASE, site_id=sid, site_nom=nom, **extra) for sid, nom, _x, _y, extra in SITES]
    results = [score_site(profile, f) for f in all_facts]
    keys = [f["site_id"] for f in all_facts]
    overall = ranks([r.best_score for r in results], [r.reliability for r in results], keys)
    per_use = {u: ranks([r.uses[u].score for r in results], [r.uses[u].reliability for r in results], keys)
               for u in USES}
    features = []
    for i, ((sid, nom, x, y, _extra), facts, result) in enumerate(zip(SITES, all_facts, results)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)))
        values = [sid, nom, "Ingeville"]
        values += [round(result.uses[u].score, 1) for u in USES]
        values += [result.best_use, round(result.best_score, 1), overall[i]]
        values += [per_use[u][i] for u in USES]
        values += [result.uses[u].candidate for u in USES]
        values += [round(result.reliability), explain_site(profile, result, facts, "fr"),
                   explain_site(profile, result, facts, "en"),
                   details_json(to_details(result, facts, 60.0, profile.candidate_min_reliability)), "default 1.0"]
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture()
def project(qgis_iface):
    qgis_iface.newProject()
    qgis_iface.messageBar().clear_messages()
    qgis_iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def layer(project):
    out = scored_layer()
    project.addMapLayer(out)
    return out


@pytest.fixture()
def dock(qgis_iface, layer):
    from friches_tierslieux.ui.candidates_dock import CandidatesDock

    widget = CandidatesDock(qgis_iface, qgis_iface.mainWindow())
    widget.resize(460, 900)
    yield widget
    widget.close_and_disconnect()
    widget.deleteLater()


def order(dock):
    return [r.row.site_id for r in dock.ranked_rows()]


def set_use(dock, use):
    dock.use_combo.setCurrentIndex(dock.use_combo.findData(use))


def test_dock_finds_the_scored_layer_and_ranks_as_scored(dock, layer):
    assert dock.objectName() == "FrichesCandidatesDock"
    assert dock.layer is layer and dock.model.rowCount() == len(SITES)
    stored = sorted(layer.getFeatures(), key=lambda f: f["rank_coworking"])
    assert order(dock) == [f["site_id"] for f in stored]
    for ranked in dock.ranked_rows():
        feature = next(f for f in layer.getFeatures() if f["site_id"] == ranked.row.site_id)
        assert ranked.score == pytest.approx(feature["score_coworking"], abs=0.05)
        assert ranked.candidate == feature["candidate_coworking"]
    assert set(dock.sliders) >= {"zoning", "transit_stop", "built_surface", "population_walk"}
    assert "candidate(s) of 5 sites · threshold 60" in dock.count_label.text()
    assert dock.detail_label.text().startswith("<b>#1 ")


def test_weights_change_the_order_live_and_reset_restores_it(dock):
    before = order(dock)
    assert before.index("S2") >= 2  # the large hall 950 m from a stop (PTAL 1a) is not a top coworking site
    for cid in list(dock.sliders):
        dock.set_weight(cid, 0.0)
    dock.set_weight("built_surface", 5.0)
    after = order(dock)
    assert after[0] == "S2" and after != before  # on floor area alone it comes first (tie with S3: identifier)
    assert after[-1] == "S4"  # the reconverted site stays excluded whatever the weights
    top = dock.ranked_rows()[0]
    assert top.score == pytest.approx(100.0)
    assert ("de bâti" in top.explanation) or ("floor area" in top.explanation)
    assert dock.share_labels["built_surface"].text().startswith("100")
    # the sliders act through their own signal too (what a user's drag does)
    dock.sliders["transit_stop"].setValue(50)
    dock.rerank()
    assert dock.current_weights()["transit_stop"] == 5.0
    dock.reset_button.click()
    assert order(dock) == before
    assert dock.sliders["zoning"].value() == 20


def test_each_use_keeps_its_own_weights_and_rules(dock):
    dock.set_weight("built_surface", 0.0)
    set_use(dock, "mediation")
    assert dock.sliders["built_surface"].value() == 10  # médiation: its own profile weight (1)
    assert "public_owner" in dock.sliders and "schools" not in dock.sliders
    rows = {r.row.site_id: r for r in dock.ranked_rows()}
    assert rows["S4"].score == 0 and not rows["S4"].candidate and "exclu" in rows["S4"].explanation
    assert rows["S5"].score <= 45  # capped by the proven pollution
    set_use(dock, "coworking")
    assert dock.sliders["built_surface"].value() == 0


def test_candidates_only_filter(dock):
    total = dock.model.rowCount()
    candidates = [r for r in dock.model.rows() if r.candidate]
    dock.candidates_only_check.setChecked(True)
    assert dock.proxy.rowCount() == len(candidates) < total
    dock.candidates_only_check.setChecked(False)
    assert dock.proxy.rowCount() == total


def test_click_selects_and_zooms(dock, layer, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    target = next(f for f in layer.getFeatures() if f["site_id"] == "S5")
    dock.select_fids([target.id()])
    assert layer.selectedFeatureIds() == [target.id()]
    extent = canvas.extent()
    assert extent.contains(target.geometry().asPoint()) and min(extent.width(), extent.height()) < 1000
    assert "Usine polluée" in dock.detail_label.text()
    other = next(f for f in layer.getFeatures() if f["site_id"] == "S2")
    layer.selectByIds([other.id()])  # selecting on the map selects the row
    assert dock.selected_fids() == [other.id()]
    dock.zoom_to_list()
    assert canvas.extent().contains(other.geometry().asPoint())


def test_export_csv_and_xlsx_read_back(dock, tmp_dir):
    for cid in list(dock.sliders):
        dock.set_weight(cid, 0.0)
    dock.set_weight("built_surface", 5.0)
    shown = order(dock)
    csv_path = dock.export(str(tmp_dir / "classement.csv"))
    assert csv_path is not None
    raw = (tmp_dir / "classement.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the accents
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["site_id"] for r in table] == shown
    assert table[0]["rank"] == "1" and table[0]["use"] == "coworking" and float(table[0]["score"]) == 100.0
    assert "c_built_surface" in table[0] and "explanation" in table[0]
    assert any(r["site_nom"] == "Usine polluée" for r in table)

    xlsx_path = dock.export(str(tmp_dir / "classement.xlsx"))
    assert xlsx_path is not None
    sheet = QgsVectorLayer(f"{xlsx_path}|layername=coworking", "sheet", "ogr")
    assert sheet.isValid() and sheet.featureCount() == len(SITES)
    features = sorted(sheet.getFeatures(), key=lambda f: f["rank"])
    assert [f["site_id"] for f in features] == shown
    assert features[0]["score"] == pytest.approx(100.0)
    weights = QgsVectorLayer(f"{xlsx_path}|layername=weights", "weights", "ogr")
    assert weights.isValid()
    assert {f["criterion"]: f["weight"] for f in weights.getFeatures()}["built_surface"] == pytest.approx(5.0)

    # the filter applies to the export too
    dock.candidates_only_check.setChecked(True)
    only = dock.export(str(tmp_dir / "candidats.csv"))
    with open(only, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == dock.proxy.rowCount()


def test_export_dialog_is_the_only_way_to_a_file(dock, tmp_dir, monkeypatch):
    from friches_tierslieux.ui import candidates_dock

    asked = {}

    def fake_dialog(parent, title, start, filters):
        asked["start"] = start
        return "", ""  # canceled: nothing written

    monkeypatch.setattr(candidates_dock.QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    assert dock.export_dialog("csv") is None
    assert asked["start"].endswith("candidats_coworking.csv")

    def chosen(parent, title, start, filters):
        return str(tmp_dir / "sans_extension"), ""

    monkeypatch.setattr(candidates_dock.QFileDialog, "getSaveFileName", staticmethod(chosen))
    path = dock.export_dialog("xlsx")
    assert path.endswith("sans_extension.xlsx") and (tmp_dir / "sans_extension.xlsx").exists()
    # the extension added after the dialog: an existing file is replaced only when the user says yes
    before = (tmp_dir / "sans_extension.xlsx").stat().st_mtime_ns
    no = candidates_dock.QMessageBox.StandardButton.No
    monkeypatch.setattr(candidates_dock.QMessageBox, "question", staticmethod(lambda *args: no))
    assert dock.export_dialog("xlsx") is None
    assert (tmp_dir / "sans_extension.xlsx").stat().st_mtime_ns == before
    yes = candidates_dock.QMessageBox.StandardButton.Yes
    monkeypatch.setattr(candidates_dock.QMessageBox, "question", staticmethod(lambda *args: yes))
    assert dock.export_dialog("xlsx").endswith("sans_extension.xlsx")


def test_unscored_layer_and_layer_added_later(qgis_iface, project):
    from friches_tierslieux.ui.candidates_dock import CandidatesDock

    plain = QgsVectorLayer("Point?crs=EPSG:2154&field=site_id:string", "friches", "memory")
    project.addMapLayer(plain)
    widget = CandidatesDock(qgis_iface, qgis_iface.mainWindow())
    assert widget.layer is None and widget.message_label.isVisibleTo(widget)
    assert not widget.csv_button.isEnabled()
    widget.set_layer(plain)
    assert "no score fields" in widget.message_label.text()
    widget.set_layer(None)
    scored = scored_layer("plus tard")
    project.addMapLayer(scored)
    assert widget.layer is scored and widget.model.rowCount() == len(SITES)
    project.removeMapLayer(scored.id())
    from qgis.core import QgsApplication

    for _ in range(3):
        QgsApplication.processEvents()
    assert widget.layer is None and widget.model.rowCount() == 0
    widget.close_and_disconnect()
    widget.deleteLater()


def test_close_and_disconnect_leaves_no_connection(dock, layer, project):
    assert dock._layer_connections and dock._project_connections
    dock.close_and_disconnect()
    assert not dock._layer_connections and not dock._project_connections
    layer.selectByIds([next(layer.getFeatures()).id()])
    project.removeAllMapLayers()
    assert dock.layer is None and dock.model.rowCount() == 0
