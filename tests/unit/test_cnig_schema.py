"""The CNIG schema module reads the standard as published (checked against the raw JSON)."""

import json
import re

from friches_tierslieux.core import cnig_friches


def _raw():
    return json.loads(cnig_friches.SCHEMA_PATH.read_text(encoding="utf-8"))


def test_fields_follow_the_schema_file():
    raw = _raw()
    assert cnig_friches.field_names() == tuple(f["name"] for f in raw["fields"])
    assert cnig_friches.schema_version() == "v1.0.6"
    required = {f["name"] for f in raw["fields"] if f.get("constraints", {}).get("required")}
    assert set(cnig_friches.required_fields()) == required
    assert "geompoint" not in {s.name for s in cnig_friches.attribute_fields()}


def test_multi_valued_lists_are_read_from_patterns():
    spec = cnig_friches.field_spec("bati_type")
    assert spec.multi_values == ("industriel", "commercial", "résidentiel", "secteur tertiaire",
                                 "inconnu", "autre", "sans objet")
    # every allowed multi value matches the schema's own regular expression
    for value in spec.multi_values:
        assert re.fullmatch(spec.pattern, value)
    assert re.fullmatch(spec.pattern, "industriel|commercial")


def test_canonical_values_fold_case_accents_and_apostrophes():
    assert cnig_friches.canonical_value("site_type", "FRICHE D’HABITAT") == "friche d'habitat"
    assert cnig_friches.canonical_value("site_type", "  Friche   hospitaliere ") == "friche hospitalière"
    assert cnig_friches.canonical_value("site_type", "usine") is None
    assert cnig_friches.canonical_value("bati_type", "Industriel|COMMERCIAL") == "industriel|commercial"
    assert cnig_friches.canonical_value("bati_type", "industriel|usine") is None


def test_aliases_cover_shapefile_and_cartofriches_names():
    aliases = cnig_friches.field_aliases()
    assert aliases["siteid"] == "site_id"
    assert aliases["site_numero"] == "site_id"
    assert aliases["code_insee"] == "comm_insee"
    assert aliases["urbzontype"] == "urba_zone_type"
    targets = set(aliases.values())
    assert targets <= set(cnig_friches.field_names())
