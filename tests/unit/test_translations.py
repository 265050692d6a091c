"""Every user-facing string has a French translation, with the same placeholders."""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import update_translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}")


def _catalogue():
    tree = ET.parse(ROOT / "i18n" / "friches_tierslieux_fr.ts")
    out = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        out[message.findtext("source")] = (translation.text or "") if translation is not None else ""
    return out


def test_every_string_is_translated():
    strings = update_translations.collect_strings()
    catalogue = _catalogue()
    assert len(strings) > 10
    missing = [s for s in strings if not catalogue.get(s)]
    assert not missing, f"{len(missing)} untranslated strings, run `make ts` and translate: {missing[:10]}"


def test_placeholders_survive_translation():
    for source, translation in _catalogue().items():
        if translation:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source


def test_no_fstring_inside_tr():
    """An f-string inside tr() is never found in the catalogue: it must be tr('…{x}…').format(x=…)."""
    import ast

    offenders = []
    for path in update_translations.source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.JoinedStr):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name == "tr":
                    offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders
