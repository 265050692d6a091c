"""Collect every translatable string of the plugin into i18n/friches_tierslieux_<lang>.ts.

Why not pylupdate5: it assigns each string the context of its enclosing class, while the plugin
translates everything in one context (``translation.CONTEXT``) through a module-level ``tr()``.
This script reads the code's syntax tree, finds ``tr("…")`` and ``self.tr("…")`` calls with a literal
first argument, and rewrites the .ts files keeping the translations already made. ``lrelease`` (Qt
Linguist tools) then builds the .qm that QGIS loads. ``--check`` only reports untranslated strings.

Usage: update_translations.py [--check] [--lang fr]
"""

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = "FrichesTiersLieux"
SKIP_DIRS = {".venv", ".pytest_pkg", "tests", "benchmarks", "scripts", "demo", "build", "dist", "out", ".git"}


def source_files():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts and rel.parts[0] in SKIP_DIRS:
            continue
        yield path


def collect_strings():
    """Ordered {source text: [(file, line), ...]} of every tr() call with a literal string."""
    found = {}
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name != "tr":
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, []).append((str(path.relative_to(ROOT)), node.lineno))
    return dict(sorted(found.items(), key=lambda kv: (kv[1][0][0], kv[1][0][1])))


def read_ts(path):
    """{source: translation} of the finished or unfinished translations already in ``path``."""
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.text:
            out[source] = translation.text
    return out


def write_ts(path, lang, strings, known):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{lang}">',
             "<context>", f"    <name>{CONTEXT}</name>"]
    # Messages sorted by source text, locations by file only: adding or moving code elsewhere leaves the
    # catalogue untouched, so branches that each add strings merge without conflicts.
    for source in sorted(strings, key=lambda s: (s.casefold(), s)):
        lines.append("    <message>")
        for file in sorted({file for file, _line in strings[source]}):
            lines.append(f'        <location filename="../{escape(file)}"/>')
        lines.append(f"        <source>{escape(source)}</source>")
        text = known.get(source)
        if text:
            lines.append(f"        <translation>{escape(text)}</translation>")
        else:
            lines.append('        <translation type="unfinished"></translation>')
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--check", action="store_true", help="report untranslated strings, write nothing")
    args = parser.parse_args(argv)
    ts_path = ROOT / "i18n" / f"friches_tierslieux_{args.lang}.ts"
    strings = collect_strings()
    known = read_ts(ts_path)
    missing = [s for s in strings if not known.get(s)]
    if args.check:
        for source in missing:
            print(f"untranslated: {source!r} ({strings[source][0][0]}:{strings[source][0][1]})")
        return 1 if missing else 0
    write_ts(ts_path, args.lang, strings, known)
    print(f"{ts_path.relative_to(ROOT)}: {len(strings)} strings, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
