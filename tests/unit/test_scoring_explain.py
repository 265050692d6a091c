"""core.scoring.explain: French and English sentences for fixed sites, number formats, rules named."""

import pytest
from friches_tierslieux.core.scoring.explain import (
    explain_site as site_sentence,
)
from friches_tierslieux.core.scoring.explain import (
    explain_use as use_sentence,
)
from friches_tierslieux.core.scoring.explain import (
    fill,
    format_area,
    format_distance,
    format_number,
    format_population,
)
from friches_tierslieux.core.scoring.profile import default_profile
from friches_tierslieux.core.scoring.score import score_site
from scoring_builders import full_site

S = "\u00a0"  # no-break space


@pytest.fixture(scope="module")
def profile():
    return default_profile()


def sentences(profile, facts, use):
    result = score_site(profile, facts).uses[use]
    return use_sentence(profile, result, facts, "fr"), use_sentence(profile, result, facts, "en")


def test_number_formats():
    assert format_number(12400, "fr") == f"12{S}400" and format_number(12400, "en") == "12,400"
    assert format_number(1234567.5, "fr", 1) == f"1{S}234{S}567,5"
    assert format_population(12389, "fr") == f"12{S}400"
    assert format_population(842, "en") == "840" and format_population(37, "en") == "37"
    assert format_distance(352, "fr") == f"350{S}m" and format_distance(84, "fr") == f"85{S}m"
    assert format_distance(1240, "fr") == f"1,2{S}km" and format_distance(1240, "en") == f"1.2{S}km"
    assert format_distance(23600, "en") == f"24{S}km"
    assert format_area(120, "fr") == f"120{S}m²" and format_area(4583, "fr") == f"4{S}580{S}m²"
    assert format_area(51788, "fr") == f"5,2{S}ha" and format_area(51788, "en") == f"5.2{S}ha"


def test_templates_quote_facts_and_skip_when_one_is_missing():
    facts = {"d": 352.0, "name": "Gare", "etat": "dégradation moyenne", "owner": "public", "compat": "conditional"}
    assert fill("arrêt {name} à {d:m}", facts, "fr") == f"arrêt Gare à 350{S}m"
    assert fill("{etat:cnig}", facts, "en") == "moderate decay"
    assert fill("{etat:cnig}", facts, "fr") == "dégradation moyenne"
    assert fill("{owner:owner} owner", facts, "en") == "public owner"
    assert fill("{compat:compat}", facts, "fr") == "admis sous conditions"
    from friches_tierslieux.core.scoring.explain import _Missing

    with pytest.raises(_Missing):
        fill("{absent:m}", facts, "fr")


def test_fixed_site_sentences(profile):
    fr, en = sentences(profile, full_site(), "coworking")
    assert fr == (f"Coworking 80/100{S}: zone UA compatible, 11{S}400 habitants à 15{S}min à pied, "
                  f"arrêt Hôtel de Ville à 180{S}m{S}; points faibles{S}: Coworking du Martroi déjà à 650{S}m, "
                  f"peu d'habitants sans lieu existant (1{S}200 à 15{S}min)")
    assert en == (f"Coworking 80/100: zone UA compatible, 11,400 residents within 15{S}min on foot, "
                  f"stop Hôtel de Ville 180{S}m away; weak points: Coworking du Martroi already 650{S}m away, "
                  f"few residents without an existing place (1,200 within 15{S}min)")
    fr, en = sentences(profile, full_site(), "fablab")
    assert fr == (f"Fablab 76/100{S}: 620{S}m² de bâti, 11{S}400 habitants à 15{S}min à pied, Lycée Jean Moulin à "
                  f"800{S}m{S}; points faibles{S}: zone UA{S}: usage admis sous conditions, hors quartier prioritaire "
                  f"(le plus proche à 1,4{S}km)")
    assert en == (f"Fablab 76/100: 620{S}m² of floor area, 11,400 residents within 15{S}min on foot, Lycée Jean Moulin "
                  f"800{S}m away; weak points: zone UA: use allowed under conditions, outside priority neighbourhoods "
                  f"(nearest 1.4{S}km away)")


def test_the_brief_example_reads_as_planners_write(profile):
    facts = full_site(nearest_stop="Gare", nearest_stop_m=352.0, ptal="4", bati_surface=120.0, pop_walk=12389.0,
                      place_m_coworking=1000.0, new_pop=None, owner=None, bati_pollution="sans objet")
    fr, en = sentences(profile, facts, "coworking")
    assert fr == (f"Coworking 80/100{S}: zone UA compatible, 12{S}400 habitants à 15{S}min à pied, "
                  f"PTAL 4 (22 départs/h à moins de 500{S}m){S}; point faible{S}: 120{S}m² de bâti")
    assert en == (f"Coworking 80/100: zone UA compatible, 12,400 residents within 15{S}min on foot, PTAL 4 (22 "
                  f"departures/h within 500{S}m); weak point: 120{S}m² of floor area")


def test_blocking_rules_are_named(profile):
    fr, en = sentences(profile, full_site(sol_pollution_existe="pollution avérée"), "coworking")
    assert fr.startswith(f"Coworking 45/100 (plafonné{S}: pollution des sols avérée, non traitée){S}: ")
    assert en.startswith("Coworking 45/100 (capped: proven soil pollution, not treated): ")
    fr, en = sentences(profile, full_site(compat_fablab="incompatible"), "fablab")
    assert fr == f"Fablab{S}: usage exclu (zone UA incompatible)"
    assert en == "Fablab: use excluded (zone UA incompatible)"
    fr, _en = sentences(profile, full_site(compat_fablab="incompatible", zone_libelle=None), "fablab")
    assert fr == f"Fablab{S}: usage exclu (zonage incompatible)"  # the label when the zone is not known


def test_site_sentence_is_the_best_use_or_why_none(profile):
    facts = full_site()
    site = score_site(profile, facts)
    assert site_sentence(profile, site, facts, "fr") == use_sentence(profile, site.uses[site.best_use], facts, "fr")
    reconverted = full_site(site_statut="friche reconvertie")
    site = score_site(profile, reconverted)
    assert site_sentence(profile, site, reconverted, "fr") == f"Aucun usage retenu{S}: site déjà reconverti"
    assert site_sentence(profile, site, reconverted, "en") == "No use retained: site already reconverted"
    empty = score_site(profile, {})
    assert site_sentence(profile, empty, {}, "en") == "No use retained: no data to score this site"


def test_low_reliability_names_the_missing_criteria(profile):
    facts = {"site_statut": "friche sans projet", "bati_surface": 120.0, "bati_etat": "dégradation moyenne"}
    fr, en = sentences(profile, facts, "coworking")
    assert fr == (f"Coworking 51/100{S}: bâti{S}: dégradation moyenne, friche sans projet{S}; point faible{S}: "
                  f"120{S}m² de bâti{S}; fiabilité 18{S}% (sans données{S}: compatibilité du zonage, population à "
                  f"proximité, arrêt de transport en commun…)")
    assert en.endswith("reliability 18% (no data: zoning compatibility, population nearby, public transport stop…)")


def test_weights_change_the_strengths_quoted(profile):
    from friches_tierslieux.core.scoring.score import score_use

    facts = full_site()
    weights = {c.id: 0.0 for c in profile.use("coworking").criteria}
    weights.update({"centre": 5.0, "built_surface": 1.0})
    result = score_use(profile, "coworking", facts, weights)
    fr = use_sentence(profile, result, facts, "fr")
    assert fr == f"Coworking 100/100{S}: centre à 120{S}m (Hôtel de ville), 620{S}m² de bâti"
