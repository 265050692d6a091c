"""core.zoning.compatibility without QGIS: the shipped table, rule order, STECAL exception,
DESTOUI / DESTCDT / DESTNON, and the table's own checks."""

import pytest
from friches_tierslieux.core.zoning import codes
from friches_tierslieux.core.zoning import compatibility as cp
from friches_tierslieux.core.zoning import overlay as ov
from shapely.geometry import Point, box


def ctx(family, zone_type=None, zone="Z", **kw):
    zone_type = zone_type or (codes.FAMILY_TYPES[family] if family else "RNU")
    return cp.ZoneContext(family, zone_type, zone, **kw)


@pytest.fixture(scope="module")
def rules():
    return cp.default_rules()


def results(rules, context):
    return tuple(cp.evaluate(rules, use, context).result for use in cp.USES)


def test_family_defaults(rules):
    assert results(rules, ctx("u")) == ("compatible",) * 3
    assert results(rules, ctx("auc")) == ("compatible",) * 3
    assert results(rules, ctx("aus")) == ("conditional",) * 3
    assert results(rules, ctx("a")) == ("incompatible",) * 3
    assert results(rules, ctx("n")) == ("incompatible",) * 3
    assert results(rules, ctx(None)) == ("unknown",) * 3
    verdict = cp.evaluate(rules, "coworking", ctx("aus", zone="2AU"))
    assert "2AU" in verdict.reason_fr and "modification ou une révision" in verdict.reason_fr
    assert "2AU" in verdict.reason_en and verdict.reason("en_GB") == verdict.reason_en
    assert verdict.reason("fr_FR") == verdict.reason_fr


def test_stecal_and_listed_building_exceptions(rules):
    stecal = [("16", "03", 100.0, "STECAL")]
    assert results(rules, ctx("n", prescriptions=stecal)) == ("conditional",) * 3
    assert results(rules, ctx("a", prescriptions=stecal)) == ("conditional",) * 3
    verdict = cp.evaluate(rules, "fablab", ctx("n", zone="Nh", prescriptions=stecal))
    assert "STECAL" in verdict.reason_fr and "Nh" in verdict.reason_fr
    listed = [("16", "01", None, "bâtiment pouvant changer de destination (A/N)")]
    assert cp.evaluate(rules, "mediation", ctx("a", prescriptions=listed)).result == "conditional"
    # a STECAL means nothing in a U zone (already compatible)
    assert results(rules, ctx("u", prescriptions=stecal)) == ("compatible",) * 3


def test_destination_codes_decide_before_the_family(rules):
    # DESTNON bureau (53) and 34: coworking incompatible even in a U zone
    c = ctx("u", zone="UX", dest_non=("34", "53"))
    verdict = cp.evaluate(rules, "coworking", c)
    assert verdict.result == "incompatible" and "53 (bureau)" in verdict.reason_fr and "DESTNON" in verdict.reason_fr
    assert cp.evaluate(rules, "fablab", c).result == "compatible"
    # DESTCDT: conditional; DESTOUI: compatible even in an N zone (the regulation says so)
    assert cp.evaluate(rules, "fablab", ctx("u", dest_cdt=("51",))).result == "conditional"
    verdict = cp.evaluate(rules, "mediation", ctx("n", zone="Nl", dest_oui=("41", "44")))
    assert verdict.result == "compatible" and "41 (" in verdict.reason_fr
    # one code allowed, another forbidden: conditional, both named
    verdict = cp.evaluate(rules, "coworking", ctx("u", dest_oui=("34",), dest_non=("53",)))
    assert verdict.result == "conditional"
    assert "34 (" in verdict.reason_fr and "53 (bureau)" in verdict.reason_fr


def test_parent_destination_and_strictest_listing():
    assert cp.destination_status("53", oui=("50",), cdt=(), non=()) == "oui"
    assert cp.destination_status("53", oui=("50",), cdt=(), non=("53",)) == "non"  # the code beats its parent
    assert cp.destination_status("51", oui=(), cdt=(), non=("50",)) == "non"
    assert cp.destination_status("53", oui=("53",), cdt=("53",), non=()) == "cdt"  # listed twice: strictest
    assert cp.destination_status("41", oui=("53",), cdt=(), non=()) is None


def test_reserved_site_needs_a_real_share(rules):
    big = [("05", "02", 35.0, "emplacement réservé (ouvrage public)")]
    small = [("05", "01", 3.0, "emplacement réservé (voie publique)")]
    verdict = cp.evaluate(rules, "coworking", ctx("u", prescriptions=big))
    assert verdict.result == "conditional" and "35 %" in verdict.reason_fr
    assert cp.evaluate(rules, "coworking", ctx("u", prescriptions=small)).result == "compatible"


def test_fablab_in_residential_zone(rules):
    assert cp.evaluate(rules, "fablab", ctx("u", formdomi="0107")).result == "conditional"
    assert cp.evaluate(rules, "fablab", ctx("u", destdomi="01")).result == "conditional"
    assert cp.evaluate(rules, "coworking", ctx("u", formdomi="0107")).result == "compatible"
    assert cp.evaluate(rules, "fablab", ctx("u", formdomi="0201")).result == "compatible"


def test_carte_communale(rules):
    assert results(rules, ctx("u", "ZC")) == ("compatible",) * 3
    assert results(rules, ctx("u", "ZCa")) == ("compatible", "compatible", "conditional")
    verdict = cp.evaluate(rules, "coworking", ctx("n", "ZnC", zone="ZnC"))
    assert verdict.result == "conditional" and "changement de destination" in verdict.reason_fr


def test_site_evaluation_reports_other_zones(rules):
    zones = [
        ov.Zone(box(0, 0, 60, 100), "u", "U", libelle="UB"),
        ov.Zone(box(60, 0, 100, 100), "n", "N", libelle="N"),
    ]
    site = ov.overlay_sites([box(0, 0, 100, 100)], zones)[0]
    verdicts = cp.evaluate_site(rules, site)
    assert verdicts["coworking"].result == "compatible"
    (label, pct, result, reason_fr, _reason_en), = verdicts["coworking"].others
    assert (label, round(pct), result) == ("N", 40, "incompatible")
    stecal = ov.Overlay.make(box(0, 0, 100, 100), "PSC", "16", "03")
    site = ov.overlay_sites([Point(80, 50)], zones, [stecal])[0]
    assert cp.evaluate_site(rules, site)["fablab"].result == "conditional"
    assert cp.evaluate_site(rules, ov.overlay_sites([None], zones)[0]) == {}


def test_an_edited_table(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text(
        "# my rules\n"
        "priority,use,zone,condition,result,reason_fr,reason_en\n"
        "5,coworking|fablab,n,!stecal & inf:12,incompatible,Sursis {zone},Stay {zone}\n"
        "10,*,*,,compatible,Oui {zone} {missing},Yes\n",
        encoding="utf-8",
    )
    rules = cp.read_rules(str(path))
    assert [r.line for r in rules] == [3, 4]
    sursis = ctx("n", zone="N1", informations=[("12", "00", 100.0, "sursis à statuer")])
    assert cp.evaluate(rules, "coworking", sursis).reason_fr == "Sursis N1"
    assert cp.evaluate(rules, "mediation", sursis).result == "compatible"
    stecal = ctx("n", informations=sursis.informations, prescriptions=[("16", "03", 100.0, "STECAL")])
    assert cp.evaluate(rules, "coworking", stecal).result == "compatible"
    assert cp.evaluate(rules, "coworking", ctx("u", zone="UA")).reason_fr == "Oui UA "


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("1,*,*,,maybe,a,b", "bad_result"),
        ("x,*,*,,compatible,a,b", "bad_priority"),
        ("1,bakery,*,,compatible,a,b", "bad_use"),
        ("1,*,*,sunny:1,compatible,a,b", "unknown_condition"),
        ("1,*,*,dest_oui:,compatible,a,b", "missing_codes"),
    ],
)
def test_table_errors_name_the_line(tmp_path, row, code):
    path = tmp_path / "rules.csv"
    path.write_text("priority,use,zone,condition,result,reason_fr,reason_en\n" + row + "\n", encoding="utf-8")
    with pytest.raises(cp.RulesError) as err:
        cp.read_rules(str(path))
    assert err.value.code == code and err.value.params["line"] == 2


def test_table_structure_errors(tmp_path):
    with pytest.raises(cp.RulesError) as err:
        cp.read_rules(str(tmp_path / "none.csv"))
    assert err.value.code == "missing_file"
    path = tmp_path / "cols.csv"
    path.write_text("priority,use,result\n1,*,compatible\n", encoding="utf-8")
    with pytest.raises(cp.RulesError) as err:
        cp.read_rules(str(path))
    assert err.value.code == "missing_columns" and "condition" in err.value.params["columns"]
