"""core.scoring.score: weighted mean, reliability, rules, candidates, best use, ranks, re-scoring from the
details, and property checks over many random sites (better transit never lowers a score, an incompatible
zone never raises one)."""

import json

import numpy as np
import pytest
from friches_tierslieux.core.scoring import USES
from friches_tierslieux.core.scoring.normalize import normalize
from friches_tierslieux.core.scoring.profile import default_profile
from friches_tierslieux.core.scoring.score import (
    combine,
    condition_holds,
    details_json,
    parse_details,
    ranks,
    rescore,
    score_site,
    score_use,
    to_details,
)
from scoring_builders import full_site

PTAL_BANDS = ["0", "1a", "1b", "2", "3", "4", "5", "6a", "6b"]
COMPAT = ["compatible", "conditional", "incompatible", "unknown", None]
BATI_ETAT = ["dégradation inexistante ou faible", "dégradation moyenne", "dégradation hétérogène",
             "dégradation très importante", "inconnu", None]
SOL = ["pollution inexistante", "pollution traitée", "pollution peu probable", "pollution supposée",
       "pollution avérée", "inconnu", None]
BATI_POLLUTION = ["amiante", "plomb", "sans objet", "inconnu", None]
STATUT = ["friche sans projet", "friche potentielle", "friche avec projet", "friche reconvertie", "inconnu", None]
OWNER = ["public", "mixed", "private", None]


@pytest.fixture(scope="module")
def profile():
    return default_profile()


def random_site(rng):
    def maybe(value, p=0.15):
        return None if rng.random_sample() < p else value

    facts = {
        "site_id": f"S{rng.randint(10 ** 6)}",
        "site_statut": STATUT[rng.randint(len(STATUT))],
        "bati_etat": BATI_ETAT[rng.randint(len(BATI_ETAT))],
        "bati_surface": maybe(float(rng.choice([0, 50, 120, 300, 900, 2500, 8000, 30000]) * rng.uniform(0.5, 1.5))),
        "site_surface": maybe(float(rng.uniform(100, 120000))),
        "free_land_m2": maybe(float(rng.uniform(0, 5000))),
        "sol_pollution_existe": SOL[rng.randint(len(SOL))],
        "bati_pollution": BATI_POLLUTION[rng.randint(len(BATI_POLLUTION))],
        "owner": OWNER[rng.randint(len(OWNER))],
        "nearest_stop_m": maybe(float(rng.uniform(0, 3000))),
        "ptal": maybe(PTAL_BANDS[rng.randint(len(PTAL_BANDS))]),
        "dep_500m_h": maybe(float(rng.uniform(0, 40))),
        "pop_walk": maybe(float(rng.uniform(0, 30000))),
        "pop_car": maybe(float(rng.uniform(0, 60000)), 0.4),
        "new_pop": maybe(float(rng.uniform(0, 8000)), 0.4),
        "services_500m": maybe(int(rng.randint(0, 6))),
        "centre_m": maybe(float(rng.uniform(0, 6000))),
        "qpv_m": maybe(float(rng.choice([0.0, rng.uniform(0, 3000)])), 0.4),
        "school_m": maybe(float(rng.uniform(0, 6000))),
        "zone_libelle": "UX",
    }
    for use in USES:
        facts[f"compat_{use}"] = COMPAT[rng.randint(len(COMPAT))]
        facts[f"place_m_{use}"] = maybe(float(rng.uniform(0, 5000)), 0.3)
    return facts


def better_transit(rng, facts):
    out = dict(facts)
    if out["nearest_stop_m"] is not None:
        out["nearest_stop_m"] = float(rng.uniform(0, out["nearest_stop_m"]))
    if out["ptal"] is not None:
        out["ptal"] = PTAL_BANDS[rng.randint(PTAL_BANDS.index(out["ptal"]), len(PTAL_BANDS))]
    if out["dep_500m_h"] is not None:
        out["dep_500m_h"] = out["dep_500m_h"] + float(rng.uniform(0, 20))
    return out


# -- combining ----------------------------------------------------------------------------------------------

def test_combine_is_a_weighted_mean_over_the_criteria_with_data():
    weights = {"a": 2.0, "b": 1.0, "c": 1.0}
    assert combine({"a": 1.0, "b": 0.5, "c": 0.0}, weights) == pytest.approx((62.5, 62.5, 100.0))
    score, raw, reliability = combine({"a": 1.0, "b": 0.5, "c": None}, weights)
    assert score == pytest.approx(100 * 2.5 / 3) and reliability == pytest.approx(75.0)
    assert combine({"a": None, "b": None, "c": None}, weights) == (0.0, 0.0, 0.0)
    assert combine({"a": 1.0, "b": 1.0, "c": 1.0}, weights, cap=45) == pytest.approx((45.0, 100.0, 100.0))
    assert combine({"a": 1.0, "b": 1.0, "c": 1.0}, weights, excluded=True)[0] == 0.0
    assert combine({"a": 1.0, "b": 0.0}, {"a": 0.0, "b": 1.0})[0] == 0.0  # a weight 0 criterion does not count


def test_reliability_falls_with_missing_analyses_instead_of_failing(profile):
    complete = score_site(profile, full_site())
    assert complete.reliability > 85
    transit = ("nearest_stop", "nearest_stop_m", "ptal", "dep_500m_h")
    zoning = (*(f"compat_{u}" for u in USES), "zone_libelle")
    without_transit = score_site(profile, full_site(**dict.fromkeys(transit)))
    without_zoning = score_site(profile, full_site(**dict.fromkeys(zoning)))
    inventory_only = score_site(profile, {k: v for k, v in full_site().items() if k in (
        "site_id", "site_statut", "bati_etat", "bati_surface", "site_surface", "free_land_m2", "sol_pollution_existe",
        "bati_pollution", "owner")})
    assert complete.reliability > without_transit.reliability > inventory_only.reliability
    assert complete.reliability > without_zoning.reliability > inventory_only.reliability
    for result in (without_transit, without_zoning, inventory_only):
        for use in USES:
            assert 0 <= result.uses[use].score <= 100
    # the inventory alone gives a score, but too few criteria to make anyone a candidate (50 % minimum)
    assert all(r.reliability < 50 and not r.candidate and r.score > 0 for r in inventory_only.uses.values())
    assert score_site(profile, {}).reliability == 0.0 and score_site(profile, {}).best_use is None


def test_missing_value_from_the_profile_is_imputed_but_not_counted_as_data(profile):
    import dataclasses

    use = profile.use("coworking")
    criteria = tuple(dataclasses.replace(c, missing=0.0) if c.id == "transit_stop" else c for c in use.criteria)
    uses = {**profile.uses, "coworking": dataclasses.replace(use, criteria=criteria)}
    edited = dataclasses.replace(profile, uses=uses)
    facts = full_site(nearest_stop_m=None)
    plain, imputed = score_use(profile, "coworking", facts), score_use(edited, "coworking", facts)
    assert imputed.score < plain.score  # the missing stop counts as "far"
    assert imputed.reliability == plain.reliability  # and still as no data


# -- rules -------------------------------------------------------------------------------------------------

def test_reconverted_site_is_excluded_from_every_use(profile):
    site = score_site(profile, full_site(site_statut="friche reconvertie"))
    for use in USES:
        result = site.uses[use]
        assert result.excluded == ["reconverted"] and result.score == 0.0 and not result.candidate
        assert result.raw > 0  # still computed, for the record
    assert site.best_use is None and site.best_score == 0.0


def test_incompatible_zoning_excludes_that_use_only(profile):
    site = score_site(profile, full_site(compat_fablab="incompatible"))
    assert site.uses["fablab"].excluded == ["zoning_incompatible"] and site.uses["fablab"].score == 0
    assert not site.uses["coworking"].excluded and site.uses["coworking"].score > 60
    everywhere = score_site(profile, full_site(**{f"compat_{u}": "incompatible" for u in USES}))
    assert all(r.excluded == ["zoning_incompatible"] for r in everywhere.uses.values())
    unknown = score_site(profile, full_site(**{f"compat_{u}": "unknown" for u in USES}))
    assert not any(r.excluded for r in unknown.uses.values())  # an unknown verdict never excludes


def test_proven_soil_pollution_caps_every_use_below_the_threshold(profile):
    site = score_site(profile, full_site(sol_pollution_existe="pollution avérée"))
    for use in ("coworking", "mediation"):
        result = site.uses[use]
        assert result.raw > 60 and result.score == 45.0 and result.caps == ["soil_pollution_proven"]
        assert not result.candidate
    fablab = site.uses["fablab"]
    assert fablab.raw > 60 and fablab.score == 55.0 and fablab.caps == ["soil_pollution_proven_fablab"]
    assert not fablab.candidate
    treated = score_site(profile, full_site(sol_pollution_existe="pollution traitée"))
    assert not any(r.caps for r in treated.uses.values()) and treated.uses["coworking"].candidate


def test_no_building_caps_every_use(profile):
    for overrides in ({"bati_etat": "sans objet"}, {"bati_surface": 0.0}):
        site = score_site(profile, full_site(**overrides))
        assert all(r.score <= 40 and "no_building" in r.caps for r in site.uses.values())
    unknown_building = score_site(profile, full_site(bati_surface=None, bati_etat="inconnu"))
    assert not any(r.caps for r in unknown_building.uses.values())  # unknown never triggers a rule


def test_condition_language():
    facts = {"a": "Friche Reconvertie", "n": 12, "compat_fablab": "incompatible", "e": None}
    assert condition_holds({"fact": "a", "in": ["friche reconvertie"]}, facts, "x")
    assert condition_holds({"fact": "a", "not_in": ["autre"]}, facts, "x")
    assert condition_holds({"fact": "n", "lte": 12}, facts, "x") and not condition_holds({"fact": "n", "gte": 13},
                                                                                      facts, "x")
    assert condition_holds({"fact": "compat_{use}", "in": ["incompatible"]}, facts, "fablab")
    assert not condition_holds({"fact": "compat_{use}", "in": ["incompatible"]}, facts, "coworking")
    assert not condition_holds({"fact": "e", "in": [None, ""]}, facts, "x")
    assert not condition_holds({"fact": "e", "not_in": ["a"]}, facts, "x")
    assert condition_holds({"fact": "e", "missing": True}, facts, "x")
    assert condition_holds({"any": [{"fact": "e", "lte": 0}, {"fact": "n", "gte": 10}]}, facts, "x")
    assert not condition_holds({"all": [{"fact": "e", "lte": 0}, {"fact": "n", "gte": 10}]}, facts, "x")


# -- candidates, best use, ranks ----------------------------------------------------------------------------------

def test_candidates_best_use_and_threshold(profile):
    site = score_site(profile, full_site())
    scores = {u: r.score for u, r in site.uses.items()}
    assert site.best_use == max(scores, key=scores.get) and site.best_score == max(scores.values())
    for result in site.uses.values():
        assert result.candidate == (result.score >= 60 and result.reliability >= 50)
    strict = score_site(profile, full_site(), threshold=99)
    assert not any(r.candidate for r in strict.uses.values())
    lenient = score_site(profile, full_site(), threshold=0)
    assert all(r.candidate for r in lenient.uses.values())


def test_ranks_are_unique_and_break_ties_by_reliability_then_identifier():
    assert ranks([50, 80, 80, 80, 10], [90, 70, 95, 70, 100], ["e", "d", "c", "a", "b"]) == [4, 3, 1, 2, 5]
    assert ranks([], [], []) == []


# -- details and re-scoring -------------------------------------------------------------------------------------

def test_details_round_trip_and_rescore_with_new_weights(profile):
    facts = full_site(sol_pollution_existe="pollution avérée", compat_fablab="incompatible")
    site = score_site(profile, facts)
    details = parse_details(details_json(to_details(site, facts, 60.0, profile.candidate_min_reliability)))
    assert details["f"]["site_nom"] == "Ancien garage du Centre" and details["t"] == 60.0
    for use in USES:
        again = rescore(details, use)
        assert again.score == pytest.approx(site.uses[use].score, abs=1e-3)
        assert again.reliability == pytest.approx(site.uses[use].reliability, abs=1e-6)
        assert again.candidate == site.uses[use].candidate and again.excluded == site.uses[use].excluded
    weights = {c.id: 0.0 for c in profile.use("mediation").criteria}
    weights["transit_stop"] = 1.0
    only_stop = rescore(details, "mediation", weights)
    assert only_stop.raw == pytest.approx(100.0) and only_stop.score == 45.0  # the cap stays
    assert rescore(details, "fablab", weights).score == 0.0  # the exclusion stays
    direct = score_use(profile, "coworking", facts, {**profile.use("coworking").weights(), "zoning": 10})
    assert rescore(details, "coworking", {"zoning": 10}).score == pytest.approx(direct.score, abs=1e-3)
    assert parse_details("") is None and parse_details("{bad") is None and parse_details(json.dumps([1])) is None


# -- properties over many random sites ---------------------------------------------------------------------------

def test_better_transit_never_lowers_a_score(profile):
    rng = np.random.RandomState(20240611)
    raised = 0
    for _ in range(400):
        facts = random_site(rng)
        before = score_site(profile, facts)
        improved = better_transit(rng, facts)
        after = score_site(profile, improved)
        for use in USES:
            assert after.uses[use].score >= before.uses[use].score - 1e-9, (use, facts, improved)
            assert after.uses[use].reliability == pytest.approx(before.uses[use].reliability)
            raised += after.uses[use].score > before.uses[use].score + 1e-6
        assert after.best_score >= before.best_score - 1e-9
    assert raised > 100  # the property is not vacuous


def test_an_incompatible_zone_never_raises_a_score(profile):
    rng = np.random.RandomState(7)
    for _ in range(400):
        facts = random_site(rng)
        before = score_site(profile, facts)
        for use in USES:
            after = score_site(profile, dict(facts, **{f"compat_{use}": "incompatible"}))
            assert after.uses[use].score == 0.0 and not after.uses[use].candidate
            assert after.uses[use].score <= before.uses[use].score
            for other in USES:
                if other != use:
                    assert after.uses[other].score == pytest.approx(before.uses[other].score)


def test_improving_any_criterion_never_lowers_the_score(profile):
    """For each criterion, a fact value with a higher normalised value never gives a lower score."""
    rng = np.random.RandomState(99)
    for _ in range(150):
        facts = random_site(rng)
        other = random_site(rng)
        for use in USES:
            base = score_use(profile, use, facts)
            criteria = profile.use(use).criteria
            for criterion in criteria:
                names = criterion.facts
                if any(set(names) & set(c.facts) for c in criteria if c is not criterion):
                    continue  # facts read by another criterion too (PTAL): covered by the transit test
                swapped = dict(facts, **{n: other.get(n) for n in names})
                old = normalize(criterion.normalize, facts)[0]
                new = normalize(criterion.normalize, swapped)[0]
                if old is None or new is None or new < old:
                    continue
                # the swap must not change a rule's verdict (rules read some of the same facts)
                after = score_use(profile, use, swapped)
                if after.excluded != base.excluded or after.caps != base.caps:
                    continue
                assert after.score >= base.score - 1e-9, (use, criterion.id)
