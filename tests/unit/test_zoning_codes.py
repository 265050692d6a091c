"""core.zoning.codes without QGIS: TYPEZONE (any case, legacy codes), carte communale sectors, labels."""

import pytest
from friches_tierslieux.core.zoning import codes


@pytest.mark.parametrize(
    ("typezone", "family", "zone_type", "note"),
    [
        ("U", "u", "U", ""),
        ("AUc", "auc", "AUc", ""),
        ("AUs", "aus", "AUs", ""),
        ("A", "a", "A", ""),
        ("N", "n", "N", ""),
        ("u", "u", "U", codes.NOTE_CASE),
        ("auc", "auc", "AUc", codes.NOTE_CASE),
        ("AUS", "aus", "AUs", codes.NOTE_CASE),
        (" N ", "n", "N", ""),
        ("Ah", "a", "A", codes.NOTE_LEGACY),
        ("AH", "a", "A", codes.NOTE_LEGACY),
        ("Nh", "n", "N", codes.NOTE_LEGACY),
        ("nd", "n", "N", codes.NOTE_LEGACY),
        ("AU", "aus", "AUs", codes.NOTE_AU),
        ("ZC", "u", "ZC", ""),
        ("Zc", "u", "ZC", codes.NOTE_CASE),
        ("ZCa", "u", "ZCa", ""),
        ("ZnC", "n", "ZnC", ""),
        ("RNU", None, "RNU", codes.NOTE_NOT_COVERED),
        ("99", None, "RNU", codes.NOTE_NOT_COVERED),
    ],
)
def test_typezone_values(typezone, family, zone_type, note):
    got = codes.classify_typezone(typezone, "X")
    assert (got.family, got.zone_type, got.note) == (family, zone_type, note)


@pytest.mark.parametrize(
    ("typezone", "libelle", "family", "zone_type"),
    [
        ("", "UA", "u", "U"),
        (None, "1AUh", "auc", "AUc"),
        ("", "2AU", "aus", "AUs"),
        ("?", "AUc", "auc", "AUc"),
        ("", "Ap", "a", "A"),
        ("", "Nl", "n", "N"),
        ("1AU", "", "auc", "AUc"),
        ("2AUx", "", "aus", "AUs"),
    ],
)
def test_typezone_falls_back_on_libelle(typezone, libelle, family, zone_type):
    got = codes.classify_typezone(typezone, libelle)
    assert (got.family, got.zone_type, got.note) == (family, zone_type, codes.NOTE_FROM_LIBELLE)


def test_zurnu_is_not_covered():
    got = codes.classify_typezone("U", "ZURNU")
    assert got.family is None and got.zone_type == "RNU" and not got.covered


def test_unknown_typezone():
    got = codes.classify_typezone("XYZ", "")
    assert got.family is None and got.note == codes.NOTE_UNKNOWN


@pytest.mark.parametrize(
    ("typesect", "libelle", "family", "zone_type"),
    [
        ("01", "ZC", "u", "ZC"),
        ("1", "", "u", "ZC"),
        (1, "", "u", "ZC"),
        ("02", "ZCa", "u", "ZCa"),
        ("2.0", "", "u", "ZCa"),
        ("03", "ZnC", "n", "ZnC"),
        ("99", "", None, "RNU"),
        ("", "ZC", "u", "ZC"),
        (None, "zca", "u", "ZCa"),
        ("", "ZNC", "n", "ZnC"),
        ("", "RNU", None, "RNU"),
        ("secteur constructible", "", "u", "ZC"),
        ("Secteur non constructible", "", "n", "ZnC"),
        ("réservé aux activités", "", "u", "ZCa"),
    ],
)
def test_carte_communale_sectors(typesect, libelle, family, zone_type):
    got = codes.classify_sector(typesect, libelle)
    assert (got.family, got.zone_type) == (family, zone_type)


def test_codes_are_normalised():
    assert codes.normalise_code(1) == "01"
    assert codes.normalise_code("5.0") == "05"
    assert codes.normalise_code("101", 4) == "0101"
    assert codes.normalise_code(None) == ""
    assert codes.split_code("5", "2") == ("05", "02")
    assert codes.split_code("05-02", None) == ("05", "02")
    assert codes.split_code("16", "") == ("16", "00")


def test_prescription_labels():
    assert codes.prescription_label("PSC", "16", "03") == "STECAL"
    assert codes.prescription_label("PSC", "01", "01") == "espace boisé classé"
    assert codes.prescription_label("psc", 5, 2) == "emplacement réservé (ouvrage public)"
    assert codes.prescription_label("PSC", "18", "00") == "OAP"
    assert codes.prescription_label("PSC", "05", "02", short=False) == "Emplacement réservé aux ouvrages publics"
    # an unknown sub-code takes its code's generic label; an unknown code stays readable
    assert codes.prescription_label("PSC", "05", "77") == "emplacement réservé"
    assert codes.prescription_label("PSC", "88", "01") == "prescription 88-01"
    assert codes.prescription_label("INF", "38", "00") == "secteur d'information sur les sols (SIS)"
    assert codes.prescription_label("INF", "12") == "sursis à statuer"


def test_every_main_code_of_the_standard_has_a_label():
    labels = codes.prescription_labels()
    for code in ("01", "02", "05", "07", "16", "18", "22", "25", "27", "29", "36", "50", "51", "99"):
        assert ("PSC", code, "00") in labels, code
    for code in ("02", "04", "05", "12", "14", "16", "38", "40", "99"):
        assert ("INF", code, "00") in labels, code


def test_destinations():
    assert codes.parse_destinations("32-34-41-42-43-46") == ("32", "34", "41", "42", "43", "46")
    assert codes.parse_destinations("53; 34 ,51|5") == ("05", "34", "51", "53")
    assert codes.parse_destinations(None) == ()
    assert codes.parse_destinations("NULL") == ()
    assert codes.parent_destination("53") == "50"
    assert codes.parent_destination("50") == "50"
    assert codes.parent_destination("99") == "99"
    assert codes.destination_label("53") == "bureau"
    assert codes.destination_label("0203", "FORMDOMI") == "activité bureaux"
    assert codes.destination_label("2", "DESTDOMI") == "activité"
    assert codes.destination_label("03", "TYPESECT").startswith("secteur non ouvert")
    assert codes.describe_destinations(["53", "34"]).startswith("53 (bureau), 34 (")
