"""No regular expression applied to user data can backtrack (issue 12, point 1).

- The CNIG schema's patterns are compiled into linear-time checks (``core.linear_regex``, '|' lists split
  and matched item by item): they agree with Python's ``re`` wherever ``re`` is safe, and every pattern
  answers within a bound on adversarial texts of 10,000 characters (the real Grenoble row that froze QGIS
  among them).
- Every regular expression written in core/, processing/ and ui/ is found in the source and run on
  adversarial texts of 50,000 characters (long runs and repeated pairs of the characters that make
  patterns restart: spaces, brackets, quotes, backslashes, '|'...): each must answer within a bound that
  a quadratic search overshoots by far (the ones fixed here took 1 to 40 seconds on such texts).
- The loops that replaced the quadratic patterns give what the patterns gave (compared on generated
  texts with hypothesis).
"""

import ast
import itertools
import json
import re
import time
from pathlib import Path

import pytest
from friches_tierslieux.core import cnig_friches as cnig
from friches_tierslieux.core import inventory as inv
from friches_tierslieux.core import text as text_scan
from friches_tierslieux.core.linear_regex import PatternError, compile_linear
from friches_tierslieux.core.zoning import codes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "cnig" / "friches_schema.json").read_text(encoding="utf-8"))
PATTERNS = {f["name"]: f["constraints"]["pattern"] for f in SCHEMA["fields"] if f.get("constraints", {}).get("pattern")}

#: A generous bound for one check (a linear check of 10,000 characters takes a few milliseconds; the
#: standard's own list patterns took minutes on 50 items).
BOUND_S = 2.0
#: Bound for one search by a regular expression of the code on 50,000 characters (linear: < 10 ms; the
#: quadratic patterns fixed here: 0.7 s to 40 s).
REGEX_BOUND_S = 0.4
FAST = settings(max_examples=150, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def timed(fn, *args):
    """(result, seconds): the best of up to three runs when the first is slow (a busy machine)."""
    best, result = None, None
    for _ in range(3):
        start = time.perf_counter()
        result = fn(*args)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
        if best < REGEX_BOUND_S / 4:
            break
    return result, best


# -- the schema's patterns ------------------------------------------------------------------------------------


def test_every_schema_pattern_compiles_to_a_linear_check():
    assert set(PATTERNS) >= {"proprio_type", "unite_fonciere_refcad", "activite_code", "bati_type", "site_url"}
    for name, pattern in PATTERNS.items():
        check = cnig.pattern_check(pattern)
        assert check.pattern == pattern, name
    lists = {name for name, p in PATTERNS.items() if cnig.pattern_check(p).is_list}
    assert lists == {"activite_code", "bati_type", "proprio_type", "proprio_personne", "unite_fonciere_refcad"}


def test_backreferences_are_refused_not_backtracked():
    with pytest.raises(PatternError):
        compile_linear(r"([A-Z]\d[a-z]|)\1+")
    with pytest.raises(PatternError):
        compile_linear(r"(?=a)a")


ITEM_SAMPLES = {
    "proprio_type": ("G1a", "P5a", "X1a", "Z4a"),
    "unite_fonciere_refcad": ("38185000AI0336", "030650000C0291", "2A0040000B0012"),
    "activite_code": ("C10.51A", "E38.11Z"),
    "bati_type": ("industriel", "secteur tertiaire"),
    "proprio_personne": ("personne morale", "inconnu"),
}


def adversarial_texts(name, length=10_000):
    """Texts of ``length`` characters that make backtracking matchers blow up on ``name``'s pattern."""
    items = ITEM_SAMPLES.get(name, ("a",))
    out = []
    for item in items:
        for bad in ("NULL", "", "x", " ", "|"):
            body = "|".join(itertools.islice(itertools.cycle([item]), length // (len(item) + 1)))
            out.append((body + "|" + bad)[:length])
            out.append((item * (length // len(item)) + bad)[:length])
    for char in " a1.|@:/-_(x":
        out.append(char * length)
        out.append(char * (length - 1) + "\x00")
    out.append("http://" + "a|http://" * (length // 9))
    out.append("a@" + "a." * (length // 2))
    out.append("a@" + "a" * length + "!")
    out.append("1|" * (length // 2) + "x")
    return out


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_schema_patterns_answer_within_a_bound_on_adversarial_texts(name):
    spec = cnig.field_spec(name)
    for text in adversarial_texts(name):
        start = time.perf_counter()
        cnig.matches_pattern(spec, text)
        assert time.perf_counter() - start < BOUND_S, (name, text[:40], len(text))


def test_the_grenoble_owner_types_that_froze_qgis():
    """Site 38185_28419 of the real Cartofriches sample: 31 owner types ending in NULL."""
    value = ("E1a|E2b|E2f|E3a|F1a|F2b|F4a|F6a|F6c|F7b|F7d|G1a|G1b|G1c|G2a|G2c|G2d|M1a|P1b|P3a|P4a|P4c|P5a|R1a|"
             "R2a|R5a|R7a|X1a|Z1a|Z2b|Z4a|NULL")
    spec = cnig.field_spec("proprio_type")
    start = time.perf_counter()
    assert not cnig.matches_pattern(spec, value)
    assert cnig.matches_pattern(spec, value.rsplit("|", 1)[0])
    assert time.perf_counter() - start < BOUND_S
    # 50 items ending with one bad item: Python's re never ended on this
    assert not cnig.matches_pattern(spec, "|".join(["G1a"] * 50 + ["NULL"]))


@pytest.mark.parametrize(("name", "good", "bad"), [
    ("proprio_type", ["G1a", "G1a|P5a", "X1a|Z4a|A1b"], ["", "G1", "g1a", "G1a|", "|G1a", "G1a||P5a", "G1a P5a"]),
    ("unite_fonciere_refcad", ["38185000AI0336", "030650000C0291|030650000C0292"], ["5,748E+13", "38185000AI033"]),
    ("activite_code", ["C10.51A", "C10.51A|E38.11Z"], ["10.51A", "C10.51"]),
    ("bati_type", ["industriel", "industriel|commercial"], ["Industriel", "industriel|usine"]),
    ("desserte_distance", ["100|250|1200"], ["100|250", "a|b|c"]),
    ("site_url", ["https://a.fr", "http://a.fr|https://b.fr/x"], ["a.fr", "http://a b"]),
    ("site_projet_url", ["https://a.fr/p", "contact@ville.fr"], ["ville.fr", "a@b"]),
])
def test_schema_checks_accept_and_refuse_like_the_standard(name, good, bad):
    spec = cnig.field_spec(name)
    for value in good:
        assert cnig.matches_pattern(spec, value), value
    for value in bad:
        assert not cnig.matches_pattern(spec, value), value


@FAST
@given(st.text(alphabet="G1aP5X|ZNUL ", max_size=30))
def test_list_checks_match_each_item_alone(text):
    """A '|' list is valid exactly when every item matches the item pattern (checked with Python's re on
    each short item, where it is safe)."""
    spec = cnig.field_spec("proprio_type")
    expected = all(re.fullmatch(r"[A-Z]\d[a-z]", part) for part in text.split("|"))
    assert cnig.matches_pattern(spec, text) == expected


SAFE_PATTERNS = [
    r"^(https?://[^|\s]*\|)*https?://[^|\s]*$",
    r"^(https?://[^|\s]*)|([\w\-\.]+@([\w-]+\.)+[\w-]{2,})$",
    r"\d{1,}\|\d{1,}\|\d{1,}",
    r"(?:(?:^|\|)(industriel|commercial|résidentiel|secteur tertiaire|inconnu|autre|sans objet))+$",
    r"[A-Z]\d\d.\d\d[A-Z]",
    r"(ab|a)*c?",
    r"a{2,3}(b|)x{0,2}",
    r"[^a-c\]]+[.]?",
]


@FAST
@given(st.sampled_from(SAFE_PATTERNS), st.text(alphabet="ab1|.c:/@hptsxé \n]-", max_size=25))
def test_the_linear_engine_agrees_with_python_re(pattern, text):
    assert compile_linear(pattern).fullmatch(text) == (re.fullmatch(pattern, text) is not None)


# -- every regular expression of the code ---------------------------------------------------------------------

_RE_FUNCTIONS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"}


def regexes_in_code():
    """(file, line, pattern, flags) of every regular expression literal in core/, processing/ and ui/:
    the first argument of ``re.<function>(...)`` and module constants named ``*_RE`` (given to pandas)."""
    found = []
    for folder in ("core", "processing", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                        and node.func.attr in _RE_FUNCTIONS and node.args
                        and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    flags = re.IGNORECASE if "IGNORECASE" in ast.unparse(node) else 0
                    found.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0].value, flags))
                elif (isinstance(node, ast.Assign) and len(node.targets) == 1
                      and isinstance(node.targets[0], ast.Name) and node.targets[0].id.endswith("_RE")
                      and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                    found.append((path.relative_to(ROOT).as_posix(), node.lineno, node.value.value, 0))
    return found


#: Characters that make a search restart and rescan: runs of them and repeated pairs of them.
_SINGLES = " \t1a.|(\"\\<>{:/-=,;_&!"
_PAIRS = " (\"\\|<1a.:"
_PREFIXES = ("", "1", "/100", "a:")


def regex_attacks(length=50_000):
    bodies = [c * length for c in _SINGLES]
    bodies += [(a + b) * (length // 2) for a, b in itertools.product(_PAIRS, repeat=2) if a != b]
    return [prefix + body + "\x00" for prefix in _PREFIXES for body in bodies]


def test_the_code_has_regular_expressions_to_audit():
    found = regexes_in_code()
    files = {f for f, *_ in found}
    assert len(found) >= 20 and {"core/inventory.py", "core/gtfs/feed.py", "core/zoning/codes.py"} <= files


@pytest.mark.parametrize(("where", "pattern", "flags"),
                         [(f"{f}:{line}", p, fl) for f, line, p, fl in regexes_in_code()])
def test_every_regular_expression_of_the_code_runs_in_linear_time(where, pattern, flags):
    regex = re.compile(pattern, flags)
    for text in regex_attacks():
        _, took = timed(regex.search, text)
        assert took < REGEX_BOUND_S, (where, pattern, repr(text[:12]), took)


# -- the loops that replaced quadratic patterns ---------------------------------------------------------------

SCAN_ALPHABET = "ab (x)\t)(<>\"\\=|:/10"


@FAST
@given(st.text(alphabet=SCAN_ALPHABET, max_size=30))
def test_without_parentheses_gives_what_the_pattern_gave(text):
    assert text_scan.without_parentheses(text) == re.sub(r"\s*\([^)]*\)", "", text)


@FAST
@given(st.text(alphabet=SCAN_ALPHABET, max_size=30))
def test_strip_tags_gives_what_the_pattern_gave(text):
    assert text_scan.strip_tags(text) == re.sub(r"<[^>]+>", " ", text) or "<>" in text


@FAST
@given(st.dictionaries(st.text(alphabet='ab:"\\ =>,', max_size=6), st.text(alphabet='ab:"\\ =>,', max_size=6),
                       max_size=4))
def test_parse_hstore_reads_what_gdal_writes(tags):
    def quote(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    text = ",".join(f"{quote(k)}=>{quote(v)}" for k, v in tags.items())
    assert text_scan.parse_hstore(text) == tags


@FAST
@given(st.text(alphabet="a |b ", max_size=30))
def test_tidy_list_gives_what_the_pattern_gave(text):
    assert inv._tidy_list(text.strip()) == re.sub(r"\s*\|\s*", "|", text.strip())


@FAST
@given(st.text(alphabet="0123 -_./\tx", max_size=12))
def test_split_code_reads_combined_codes_as_before(text):
    old = re.match(r"^(\d{1,2})\s*[-_./ ]\s*(\d{1,2})$", text)
    new = codes._COMBINED_CODE.match(text)
    if old:
        assert new and new.groups() == old.groups()
    elif new:  # the new pattern also takes tabs alone as the separator
        assert "\t" in text


@pytest.mark.parametrize("attack", [" " * 100_000 + "x", "(" * 100_000, "<" * 100_000, '"' + '\\"' * 50_000,
                                    "/100" + " " * 100_000 + "x", "a" + " " * 100_000 + "|" + " " * 100_000])
def test_the_scans_take_linear_time_on_long_runs(attack):
    for fn in (text_scan.without_parentheses, text_scan.strip_tags, text_scan.parse_hstore, inv._tidy_list,
               codes.split_code):
        _, took = timed(fn, attack)
        assert took < REGEX_BOUND_S, (fn.__name__, repr(attack[:10]))
