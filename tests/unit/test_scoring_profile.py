"""core.scoring.profile: the shipped profile is complete and documented; edited copies are checked."""

import copy
import json
from pathlib import Path

import pytest
from friches_tierslieux.core.scoring import USES
from friches_tierslieux.core.scoring.profile import (
    DEFAULT_PROFILE,
    ProfileError,
    default_profile,
    load_profile,
    profile_from_dict,
)

README = Path(DEFAULT_PROFILE).parent / "README.md"


@pytest.fixture(scope="module")
def data():
    return json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))


def test_default_profile_is_complete_and_documented():
    profile = default_profile()
    assert profile.name == "default" and profile.candidate_threshold == 60
    for use in USES:
        criteria = profile.use(use).criteria
        assert len(criteria) >= 10
        assert sum(c.weight for c in criteria) > 0
        for c in criteria:
            assert c.rationale_fr and c.rationale_en and c.source, (use, c.id)
            assert c.label_fr and c.label_en
            assert c.facts, (use, c.id)
    ids = {c.id for c in profile.use("coworking").criteria}
    assert {"zoning", "transit_stop", "transit_level", "population_walk", "same_kind", "built_surface",
            "soil_pollution", "access_car", "qpv"} <= ids
    assert {r.id for r in profile.rules} == {"reconverted", "zoning_incompatible", "soil_pollution_proven",
                                             "soil_pollution_proven_fablab", "no_building"}
    for rule in profile.rules:
        assert rule.rationale_fr and rule.rationale_en and rule.source


def test_readme_documents_every_criterion_and_rule():
    text = README.read_text(encoding="utf-8")
    profile = default_profile()
    for use in USES:
        for c in profile.use(use).criteria:
            assert f"`{c.id}`" in text, c.id
    for rule in profile.rules:
        assert f"`{rule.id}`" in text, rule.id
    assert "Mutafriches" in text and "reliability" in text.lower()


def _broken(data, path, value):
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


@pytest.mark.parametrize("path, value, message", [
    (("uses", "fablab"), KeyError, "fablab are missing"),
    (("uses", "coworking", "criteria", 1, "normalize", "points"), [[800, 0], [300, 1]],
     r"uses\.coworking\.criteria\[1\]\.normalize\.points\[1\]: x values must increase"),
    (("uses", "coworking", "criteria", 0, "weight"), -1, r"criteria\[0\]\.weight"),
    (("uses", "coworking", "criteria", 1, "id"), "zoning", "duplicate id"),
    (("uses", "coworking", "criteria", 0, "source"), "", r"criteria\[0\]\.source: is required"),
    (("uses", "mediation", "criteria", 0, "missing"), "zero", "missing"),
    (("rules", 0, "uses"), ["housing"], r"rules\[0\]\.uses"),
    (("rules", 0, "effect"), "penalise", "effect"),
    (("rules", 2, "cap"), 150, r"rules\[2\]\.cap"),
    (("rules", 0, "when"), {"fact": "x", "in": ["a"], "lte": 3}, "exactly one"),
    (("candidate_threshold",), "sixty", "candidate_threshold"),
])
def test_profile_errors_name_the_entry(data, path, value, message):
    with pytest.raises(ProfileError, match=message):
        profile_from_dict(_broken(data, path, value))


def test_load_profile_reports_file_problems(tmp_path, data):
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x",', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"bad\.json: not valid JSON \(line 1"):
        load_profile(bad)
    edited = _broken(data, ("uses", "coworking", "criteria", 0, "weight"), 5)
    edited["name"] = "équipe"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8-sig")  # a BOM from Windows editors
    profile = load_profile(path)
    assert profile.name == "équipe" and profile.use("coworking").criterion("zoning").weight == 5
    assert profile.path == str(path)


def test_zero_total_weight_is_refused(data):
    edited = copy.deepcopy(data)
    for c in edited["uses"]["fablab"]["criteria"]:
        c["weight"] = 0
    with pytest.raises(ProfileError, match="at least one weight"):
        profile_from_dict(edited)
