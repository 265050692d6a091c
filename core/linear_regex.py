"""Regular expressions matched in linear time, for the patterns of data standards applied to user data.

Why not Python's ``re``: it backtracks. A pattern with nested or ambiguous quantifiers, such as the CNIG
friches standard's ``(?:(?:^|\\|)([A-Z]\\d[a-z]|)\\1+[A-Z]\\d[a-z])+$`` for '|' lists, takes time doubling
with every item when the last item is wrong: a real Cartofriches row with 31 owner types ending in
``NULL`` froze QGIS. Here a pattern is compiled to a Thompson automaton (one state per character test)
and simulated as a lazily built DFA: each character of the text costs one dictionary look-up once its
transition is known, and at most one pass over the automaton's states when it is new, so matching is
``O(len(text) × len(pattern))`` whatever the text holds.

What is supported is what standards' patterns use: literals, ``.``, classes ``[a-z0-9_]`` and ``[^|\\s]``,
the escapes ``\\d \\w \\s`` (and ``\\D \\W \\S``), groups ``(...)``, ``(?:...)``, ``(?P<name>...)``,
alternation, the quantifiers ``* + ? {m} {m,} {m,n}`` (lazy ones too: laziness does not change whether
a whole text matches) and the anchors ``^ $``. Backreferences and look-arounds, which no automaton can
match in linear time, raise :class:`PatternError`: the caller rewrites such a pattern (see
``core.cnig_friches`` for the standard's '|' lists).

Pure Python, standard library only.
"""

from __future__ import annotations

from typing import Callable, Dict, FrozenSet, List, Optional, Tuple

#: Largest number of copies a counted repetition ``{m,n}`` may expand to (keeps the automaton small).
MAX_REPEAT = 1000
#: Transitions kept in a compiled pattern's cache before it is emptied (bounds memory on huge alphabets).
MAX_CACHED_TRANSITIONS = 200_000


class PatternError(ValueError):
    """The pattern uses a construct that cannot be matched in linear time, or is malformed."""


# --------------------------------------------------------------------------------------------------
# Character tests
# --------------------------------------------------------------------------------------------------


def _is_digit(ch: str) -> bool:
    return ch.isdecimal()  # Python's \d in str patterns: Unicode decimal digits


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _is_space(ch: str) -> bool:
    return ch.isspace()


_CLASS_ESCAPES: Dict[str, Callable[[str], bool]] = {
    "d": _is_digit,
    "w": _is_word,
    "s": _is_space,
    "D": lambda ch: not _is_digit(ch),
    "W": lambda ch: not _is_word(ch),
    "S": lambda ch: not _is_space(ch),
}
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "0": "\0"}


class _CharSet:
    """One character test: single characters, ranges and escape classes, possibly negated."""

    __slots__ = ("chars", "negate", "ranges", "tests")

    def __init__(self, chars=(), ranges=(), tests=(), negate=False):
        self.chars = frozenset(chars)
        self.ranges = tuple(ranges)
        self.tests = tuple(tests)
        self.negate = negate

    def _hit(self, ch: str) -> bool:
        if ch in self.chars:
            return True
        if any(lo <= ch <= hi for lo, hi in self.ranges):
            return True
        return any(test(ch) for test in self.tests)

    def matches(self, ch: str, ignore_case: bool) -> bool:
        hit = self._hit(ch)
        if not hit and ignore_case:
            hit = self._hit(ch.lower()) or self._hit(ch.upper())
        return hit != self.negate


_ANY_BUT_NEWLINE = _CharSet(chars="\n", negate=True)


# --------------------------------------------------------------------------------------------------
# Parsing into a small syntax tree
# --------------------------------------------------------------------------------------------------
# Nodes: ("set", _CharSet) ("cat", [nodes]) ("alt", [nodes]) ("rep", node, min, max or None)
#        ("bol",) ("eol",) ("empty",)


class _Parser:
    def __init__(self, pattern: str):
        self.p = pattern
        self.i = 0

    def error(self, message: str) -> PatternError:
        return PatternError(f"{message} at position {self.i} of {self.p!r}")

    def peek(self) -> Optional[str]:
        return self.p[self.i] if self.i < len(self.p) else None

    def take(self) -> str:
        ch = self.p[self.i]
        self.i += 1
        return ch

    def parse(self):
        node = self.alternation()
        if self.i != len(self.p):
            raise self.error("unbalanced parenthesis")
        return node

    def alternation(self):
        branches = [self.concatenation()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.concatenation())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def concatenation(self):
        items = []
        while self.peek() is not None and self.peek() not in "|)":
            items.append(self.repetition())
        if not items:
            return ("empty",)
        return items[0] if len(items) == 1 else ("cat", items)

    def repetition(self):
        node = self.atom()
        while True:
            ch = self.peek()
            if ch in ("*", "+", "?"):
                self.i += 1
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
            elif ch == "{" and self._counted():
                low, high = self._counted_bounds()
            else:
                return node
            if node[0] in ("bol", "eol"):
                raise self.error("quantified anchor")
            if self.peek() == "?":  # lazy: the same set of whole-text matches
                self.i += 1
            elif self.peek() == "+":
                raise self.error("possessive quantifier")
            node = ("rep", node, low, high)

    def _counted(self) -> bool:
        j = self.p.find("}", self.i)
        if j < 0:
            return False
        body = self.p[self.i + 1:j]
        low, _, high = body.partition(",")
        return low.isdigit() and (high == "" or high.isdigit())

    def _counted_bounds(self) -> Tuple[int, Optional[int]]:
        j = self.p.find("}", self.i)
        body = self.p[self.i + 1:j]
        self.i = j + 1
        if "," in body:
            low_text, high_text = body.split(",", 1)
            low, high = int(low_text), (int(high_text) if high_text else None)
        else:
            low = high = int(body)
        if high is not None and high < low:
            raise self.error("bad repetition bounds")
        if max(low, high or 0) > MAX_REPEAT:
            raise self.error("repetition too large")
        return low, high

    def atom(self):
        ch = self.take()
        if ch == "(":
            return self.group()
        if ch == "[":
            return ("set", self.char_class())
        if ch == ".":
            return ("set", _ANY_BUT_NEWLINE)
        if ch == "^":
            return ("bol",)
        if ch == "$":
            return ("eol",)
        if ch == "\\":
            return self.escape()
        if ch in "*+?":
            raise self.error("nothing to repeat")
        return ("set", _CharSet(chars=ch))

    def group(self):
        if self.p.startswith("?:", self.i):
            self.i += 2
        elif self.p.startswith("?P<", self.i):
            end = self.p.find(">", self.i)
            if end < 0:
                raise self.error("bad group name")
            self.i = end + 1
        elif self.peek() == "?":
            raise self.error("look-around or inline flag (not linear-time)")
        node = self.alternation()
        if self.peek() != ")":
            raise self.error("missing )")
        self.i += 1
        return node

    def escape(self):
        if self.peek() is None:
            raise self.error("trailing backslash")
        ch = self.take()
        if ch in _CLASS_ESCAPES:
            return ("set", _CharSet(tests=(_CLASS_ESCAPES[ch],)))
        if ch.isdigit() and ch != "0":
            raise self.error("backreference (not linear-time)")
        if ch in "bBAZ":
            raise self.error(f"assertion \\{ch} (not supported)")
        return ("set", _CharSet(chars=self._escaped_char(ch)))

    def _escaped_char(self, ch: str) -> str:
        if ch in _CHAR_ESCAPES:
            return _CHAR_ESCAPES[ch]
        if ch in "xuU":
            size = {"x": 2, "u": 4, "U": 8}[ch]
            digits = self.p[self.i:self.i + size]
            if len(digits) != size or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise self.error(f"bad \\{ch} escape")
            self.i += size
            return chr(int(digits, 16))
        if ch.isalnum():
            raise self.error(f"unknown escape \\{ch}")
        return ch

    def char_class(self) -> _CharSet:
        negate = False
        if self.peek() == "^":
            negate = True
            self.i += 1
        chars, ranges, tests = set(), [], []
        first = True
        while True:
            ch = self.peek()
            if ch is None:
                raise self.error("unterminated character class")
            if ch == "]" and not first:
                self.i += 1
                break
            first = False
            self.i += 1
            if ch == "\\":
                if self.peek() is None:
                    raise self.error("trailing backslash")
                esc = self.take()
                if esc in _CLASS_ESCAPES:
                    tests.append(_CLASS_ESCAPES[esc])
                    continue
                if esc.isdigit() and esc != "0":
                    raise self.error("backreference in a class")
                ch = self._escaped_char(esc) if esc != "b" else "\b"
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                self.i += 1
                high = self.take()
                if high == "\\":
                    if self.peek() is None:
                        raise self.error("trailing backslash")
                    esc = self.take()
                    if esc in _CLASS_ESCAPES:
                        raise self.error("bad range")
                    high = self._escaped_char(esc)
                if high < ch:
                    raise self.error("bad range")
                ranges.append((ch, high))
            else:
                chars.add(ch)
        return _CharSet(chars, ranges, tests, negate)


# --------------------------------------------------------------------------------------------------
# Thompson automaton
# --------------------------------------------------------------------------------------------------
# State kinds: CHAR (test, next), SPLIT (nexts), BOL (next: only at the start), EOL (next: only at the
# end), MATCH.
_CHAR, _SPLIT, _BOL, _EOL, _MATCH = range(5)


class _Nfa:
    def __init__(self):
        self.kind: List[int] = []
        self.test: List[Optional[_CharSet]] = []
        self.out: List[List[int]] = []

    def add(self, kind: int, test: Optional[_CharSet] = None) -> int:
        self.kind.append(kind)
        self.test.append(test)
        self.out.append([])
        return len(self.kind) - 1

    def build(self, node) -> Tuple[int, List[int]]:
        """(entry state, states whose ``out`` must be linked to what follows) for ``node``."""
        tag = node[0]
        if tag == "set":
            s = self.add(_CHAR, node[1])
            return s, [s]
        if tag in ("bol", "eol", "empty"):
            s = self.add({"bol": _BOL, "eol": _EOL, "empty": _SPLIT}[tag])
            return s, [s]
        if tag == "cat":
            entry, dangling = self.build(node[1][0])
            for child in node[1][1:]:
                child_entry, child_dangling = self.build(child)
                self.link(dangling, child_entry)
                dangling = child_dangling
            return entry, dangling
        if tag == "alt":
            s = self.add(_SPLIT)
            dangling = []
            for child in node[1]:
                child_entry, child_dangling = self.build(child)
                self.out[s].append(child_entry)
                dangling += child_dangling
            return s, dangling
        if tag == "rep":
            return self.repeat(node[1], node[2], node[3])
        raise PatternError(f"unknown node {tag}")

    def repeat(self, child, low: int, high: Optional[int]) -> Tuple[int, List[int]]:
        start = self.add(_SPLIT)
        dangling = [start]
        for _ in range(low):  # mandatory copies
            entry, child_dangling = self.build(child)
            self.link(dangling, entry)
            dangling = child_dangling
        if high is None:  # a loop: the last copy's exit may start another copy
            loop = self.add(_SPLIT)
            self.link(dangling, loop)
            entry, child_dangling = self.build(child)
            self.out[loop].append(entry)
            self.link(child_dangling, loop)
            return start, [loop]
        exits = []
        for _ in range(high - low):  # optional copies
            gate = self.add(_SPLIT)
            self.link(dangling, gate)
            exits.append(gate)
            entry, child_dangling = self.build(child)
            self.out[gate].append(entry)
            dangling = child_dangling
        return start, exits + dangling

    def link(self, states: List[int], target: int) -> None:
        for s in states:
            self.out[s].append(target)


# --------------------------------------------------------------------------------------------------
# The compiled pattern
# --------------------------------------------------------------------------------------------------


class LinearPattern:
    """A pattern compiled for linear-time whole-text matching (see the module docstring)."""

    def __init__(self, pattern: str, ignore_case: bool = False):
        self.pattern = pattern
        self.ignore_case = ignore_case
        tree = _Parser(pattern).parse()
        self._nfa = _Nfa()
        entry, dangling = self._nfa.build(tree)
        final = self._nfa.add(_MATCH)
        self._nfa.link(dangling, final)
        self._entry = entry
        self._final = final
        self._transitions: Dict[FrozenSet[int], Dict[str, FrozenSet[int]]] = {}
        self._cached = 0
        self._start = self._closure([entry], at_start=True, at_end=False)

    def _closure(self, states, at_start: bool, at_end: bool) -> FrozenSet[int]:
        kind, out = self._nfa.kind, self._nfa.out
        seen = set()
        stack = list(states)
        while stack:
            s = stack.pop()
            if s in seen:
                continue
            seen.add(s)
            k = kind[s]
            if k == _SPLIT or (k == _BOL and at_start) or (k == _EOL and at_end):
                stack.extend(out[s])
        return frozenset(seen)

    def _step(self, current: FrozenSet[int], ch: str) -> FrozenSet[int]:
        row = self._transitions.get(current)
        if row is not None:
            hit = row.get(ch)
            if hit is not None:
                return hit
        kind, test, out = self._nfa.kind, self._nfa.test, self._nfa.out
        moved = [out[s][0] for s in current if kind[s] == _CHAR and test[s].matches(ch, self.ignore_case)]
        nxt = self._closure(moved, at_start=False, at_end=False)
        if self._cached >= MAX_CACHED_TRANSITIONS:
            self._transitions.clear()
            self._cached = 0
        self._transitions.setdefault(current, {})[ch] = nxt
        self._cached += 1
        return nxt

    def _accepts(self, current: FrozenSet[int], at_start: bool) -> bool:
        return self._final in self._closure(current, at_start=at_start, at_end=True)

    def fullmatch(self, text: str) -> bool:
        """True when the whole of ``text`` matches (like ``re.fullmatch(...) is not None``)."""
        text = str(text)
        current = self._start
        for ch in text:
            current = self._step(current, ch)
            if not current:
                return False
        return self._accepts(current, at_start=not text)

    def __repr__(self):
        return f"LinearPattern({self.pattern!r})"


def compile_linear(pattern: str, ignore_case: bool = False) -> LinearPattern:
    """Compile ``pattern``; :class:`PatternError` when it uses a construct that is not linear-time."""
    return LinearPattern(pattern, ignore_case)
