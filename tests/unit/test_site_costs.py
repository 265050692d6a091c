"""The cost table (core/costs/cost_table.py) and the costs of a site per use (core/costs/site_costs.py).

The expected costs are computed here from the table's own values and the rules of
resources/costs/README.md, line by line.
"""

import copy
import json
from pathlib import Path

import pytest
from friches_tierslieux.core.costs import cost_table as ct
from friches_tierslieux.core.costs.site_costs import site_cost

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def table():
    return ct.load_table()


def test_every_default_value_has_a_source_and_is_marked_indicative(table):
    values = ct.all_values(table)
    assert len(values) >= 45
    for path, value in values.items():
        assert value.indicative is True, path
        assert value.source and all(s in table.sources for s in value.source), path
        assert value.note_fr and value.note_en, path
    for sid, source in table.sources.items():
        assert source["title"] and source["url"], sid
    data = json.loads(ct.DEFAULT_TABLE.read_text(encoding="utf-8"))
    assert data["indicative"] is True and data["vat"] == "HT"
    # the README documents every source
    readme = (ROOT / "resources" / "costs" / "README.md").read_text(encoding="utf-8")
    for word in ("Bénéfriches", "ADEME (2018)", "Effinergie", "CCI France", "Gazette", "ORIE", "Neo-nomade",
                 "indicative"):
        assert word in readme, word


def _broken(tmp_path, change):
    data = json.loads(ct.DEFAULT_TABLE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    path = tmp_path / "costs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    (lambda d: d["conversion_eur_m2"]["dégradation moyenne"]["fablab"].update(value=-5),
     "conversion_eur_m2.dégradation moyenne.fablab.value: must be a number ≥ 0"),
    (lambda d: d["energy_eur_m2"].pop("source"), "energy_eur_m2.source: every value needs its source"),
    (lambda d: d["energy_eur_m2"].update(source=["my_guess"]), "energy_eur_m2.source: unknown source(s) my_guess"),
    (lambda d: d["studies_share_of_works"].pop("indicative"), "studies_share_of_works.indicative"),
    (lambda d: d["depollution"]["polluted_share_of_site"].update(value=1.8), "a share between 0 and 1"),
    (lambda d: d["uses"].pop("fablab"), "uses.fablab: missing"),
    (lambda d: d["conversion_eur_m2"].pop("inconnu"), "conversion_eur_m2.inconnu: missing"),
    (lambda d: d.pop("public_access"), "public_access: missing section"),
])
def test_a_faulty_table_names_its_entry(tmp_path, change, message):
    with pytest.raises(ct.CostTableError) as err:
        ct.load_table(_broken(tmp_path, change))
    assert message in str(err.value)


def test_unreadable_tables(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ct.CostTableError, match="not valid JSON"):
        ct.load_table(bad)
    with pytest.raises(ct.CostTableError, match="cannot read"):
        ct.load_table(tmp_path / "missing.json")


def test_state_keys():
    assert ct.state_key("Dégradation MOYENNE") == "dégradation moyenne"
    assert ct.state_key("autre") == "inconnu"
    assert ct.state_key(None) == "inconnu"
    assert ct.state_key("sans objet") == "sans objet"


def v(item):
    return item.value


def test_a_building_with_asbestos_and_suspected_pollution(table):
    facts = {"bati_surface": 3210, "site_surface": 9996.35, "bati_etat": "dégradation hétérogène",
             "sol_pollution_existe": "pollution supposée", "bati_pollution": "amiante"}
    price = 1_000_000.0
    for use in ct.USES:
        cost = site_cost(table, facts, use, price)
        demolished = 3210 * v(table.demolition_share["dégradation hétérogène"])
        converted = min(3210 - demolished, v(table.max_floor_m2[use]))
        works = (demolished * v(table.demolition_eur_m2)
                 + converted * v(table.conversion["dégradation hétérogène"][use])
                 + converted * v(table.energy_eur_m2)
                 + (demolished + converted) * v(table.building_pollution["amiante"])
                 + 9996.35 * v(table.polluted_share) * v(table.depollution_eur_m2) * v(table.suspected_factor)
                 + v(table.access_fixed)
                 + (v(table.access_lift) if converted > v(table.lift_above_m2) else 0.0))
        works *= 1 + v(table.studies_share)
        assert cost.converted_m2 == pytest.approx(converted)
        assert cost.works == pytest.approx(works)
        assert cost.acquisition == pytest.approx(price * (1 + v(table.fees_share)))
        assert cost.total == pytest.approx(cost.acquisition + works)
        rent = table.rent_eur_m2_year[use].value
        assert cost.revenue == (None if rent is None else pytest.approx(rent * converted))
        assert cost.notes == ([] if rent is not None else ["no_rent"])
        assert sum(line.amount for line in cost.lines) == pytest.approx(cost.total)


def test_a_site_without_building_and_with_proven_pollution(table):
    facts = {"bati_surface": None, "site_surface": 13500, "bati_etat": "sans objet",
             "sol_pollution_existe": "pollution avérée", "bati_pollution": "sans objet"}
    cost = site_cost(table, facts, "fablab", None)
    built = v(table.new_build_floor_m2["fablab"])
    works = (built * v(table.conversion["sans objet"]["fablab"])
             + 13500 * v(table.polluted_share) * v(table.depollution_eur_m2) + v(table.access_fixed))
    assert cost.state == "sans objet" and "new_build" in cost.notes
    assert cost.works == pytest.approx(works * (1 + v(table.studies_share)))
    assert cost.line("energy") == 0 and cost.line("demolition") == 0
    # no price: no acquisition, no total (never guessed)
    assert cost.acquisition is None and cost.total is None and "no_price" in cost.notes


def test_what_is_not_known_is_said(table):
    facts = {"bati_surface": 800, "site_surface": None, "bati_etat": None, "sol_pollution_existe": "pollution avérée",
             "bati_pollution": "inconnu"}
    cost = site_cost(table, facts, "coworking", 100000)
    assert cost.state == "inconnu"
    assert {"unknown_state", "unknown_building_pollution", "no_site_area"} <= set(cost.notes)
    assert cost.line("depollution") == 0
    facts = {"bati_surface": 800, "site_surface": 2000, "bati_etat": "dégradation moyenne",
             "sol_pollution_existe": "", "bati_pollution": "plomb"}
    cost = site_cost(table, facts, "coworking", 100000)
    assert "unknown_soil" in cost.notes
    assert cost.line("plomb") == pytest.approx(800 * v(table.building_pollution["plomb"]))
    with pytest.raises(ValueError):
        site_cost(table, facts, "brasserie", 1)
