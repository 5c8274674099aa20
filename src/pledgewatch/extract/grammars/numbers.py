"""Numbers written in digits or in Russian and English words, as a regex fragment and a parser.

Russian number words inflect for case and gender (семь лет, к семи годам, семью годами), so
the table lists every form a sentencing report uses. Other grammars embed ``NUMBER_RE`` (a
fragment without capturing groups) and hand the matched text to ``parse_number``.

The word alternation is compiled as a trie (``word_alternation``): Python's ``re`` tries the
branches of a flat alternation one by one at every position, and with a few hundred number
forms that alone would cost more than the whole grammar budget.

This module also holds the few helpers every grammar uses (``FLAGS``, ``word_alternation``,
``lowered``, ``key_windows``, ``non_overlapping``): it is the one module they all import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

FLAGS = re.IGNORECASE | re.UNICODE


def _forms(stem: str, endings: str) -> list[str]:
    return [stem + ending for ending in endings.split(",")]


def _teen(stem: str) -> list[str]:
    # одиннадцать, одиннадцати, одиннадцатью; двадцать, двадцати, двадцатью
    return _forms(stem, "ать,ати,атью")


# value -> forms (nominative, genitive, dative, accusative, instrumental, prepositional;
# masculine, feminine and neuter where they differ). "ё" forms are added automatically.
RU_NUMBER_WORDS: dict[float, list[str]] = {
    1: "один одного одному одним одном одна одной одну одною одно".split(),
    1.5: "полтора полторы полутора".split(),
    2: "два две двух двум двумя".split(),
    3: "три трех трем тремя".split(),
    4: "четыре четырех четырем четырьмя".split(),
    5: "пять пяти пятью".split(),
    6: "шесть шести шестью".split(),
    7: "семь семи семью".split(),
    8: "восемь восьми восемью восьмью".split(),
    9: "девять девяти девятью".split(),
    10: "десять десяти десятью".split(),
    11: _teen("одиннадц"),
    12: _teen("двенадц"),
    13: _teen("тринадц"),
    14: _teen("четырнадц"),
    15: _teen("пятнадц"),
    16: _teen("шестнадц"),
    17: _teen("семнадц"),
    18: _teen("восемнадц"),
    19: _teen("девятнадц"),
    20: _teen("двадц"),
    30: _teen("тридц"),
    40: ["сорок", "сорока"],
    50: ["пятьдесят", "пятидесяти", "пятьюдесятью"],
    60: ["шестьдесят", "шестидесяти", "шестьюдесятью"],
    70: ["семьдесят", "семидесяти", "семьюдесятью"],
    80: ["восемьдесят", "восьмидесяти", "восемьюдесятью"],
    90: ["девяносто", "девяноста"],
    100: ["сто", "ста"],
    200: ["двести", "двухсот", "двумстам", "двумястами", "двухстах"],
    300: ["триста", "трехсот", "тремстам", "тремястами", "трехстах"],
    400: ["четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах"],
    500: _forms("пят", "ьсот,исот,истам,ьюстами,истах"),
    600: _forms("шест", "ьсот,исот,истам,ьюстами,истах"),
    700: _forms("сем", "ьсот,исот,истам,ьюстами,истах"),
    800: _forms("восем", "ьсот,истам,ьюстами,истах") + ["восьмисот", "восьмистам"],
    900: _forms("девят", "ьсот,исот,истам,ьюстами,истах"),
}

EN_NUMBER_WORDS: dict[float, list[str]] = {
    1: ["one"],
    2: ["two"],
    3: ["three"],
    4: ["four"],
    5: ["five"],
    6: ["six"],
    7: ["seven"],
    8: ["eight"],
    9: ["nine"],
    10: ["ten"],
    11: ["eleven"],
    12: ["twelve"],
    13: ["thirteen"],
    14: ["fourteen"],
    15: ["fifteen"],
    16: ["sixteen"],
    17: ["seventeen"],
    18: ["eighteen"],
    19: ["nineteen"],
    20: ["twenty"],
    30: ["thirty"],
    40: ["forty"],
    50: ["fifty"],
    60: ["sixty"],
    70: ["seventy"],
    80: ["eighty"],
    90: ["ninety"],
    100: ["hundred"],
}

# Multipliers: "500 тысяч тенге", "1,5 млн", "two million".
MULTIPLIER_WORDS: dict[float, list[str]] = {
    1_000: _forms("тысяч", "а,и,,у,ам,ами,ей,ах") + ["тыс", "thousand"],
    1_000_000: _forms("миллион", ",а,ов,у,ам,ами,ом,ах") + ["млн", "million"],
    1_000_000_000: _forms("миллиард", ",а,ов,у,ам,ами,ом,ах") + ["млрд", "billion"],
}


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _with_yo(words: list[str]) -> list[str]:
    """Add the "ё" spelling of forms like трех/трем/четырех (трёх, трём, четырёх)."""
    out = list(words)
    for word in words:
        for plain, yo in (
            ("трех", "трёх"),
            ("трем", "трём"),
            ("четырех", "четырёх"),
            ("четырем", "четырём"),
        ):
            if plain in word:
                out.append(word.replace(plain, yo))
    return out


_VALUES: dict[str, float] = {}
for _table in (RU_NUMBER_WORDS, EN_NUMBER_WORDS):
    for _value, _words in _table.items():
        for _word in _words:
            _VALUES[_fold(_word)] = _value
# Every number word in lower case ("ё" folded to "е"), for quick membership tests.
NUMBER_WORDS = frozenset(_VALUES)
_MULTIPLIERS: dict[str, float] = {
    _fold(word): value for value, words in MULTIPLIER_WORDS.items() for word in words
}


def word_alternation(words) -> str:
    """A non-capturing regex matching any of ``words``, built as a trie.

    The longest alternative is tried first at each branch, so ``пятью`` wins over ``пять``;
    callers add their own boundaries (``(?<!\\w)…(?!\\w)``).
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        branches.append(re.escape(char) + _trie_to_regex(node[char]))
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


_ALL_WORDS = [
    w for table in (RU_NUMBER_WORDS, EN_NUMBER_WORDS) for ws in table.values() for w in ws
]
NUMBER_WORD_RE = r"(?<!\w)" + word_alternation(_with_yo(_ALL_WORDS)) + r"(?![\w])"
MULTIPLIER_RE = (
    r"(?<!\w)(?:"
    + word_alternation(w for ws in MULTIPLIER_WORDS.values() for w in ws if w != "тыс")
    + r"(?!\w)|тыс(?:\.|(?!\w)))"
)

# 500 000 / 500,000 (thousands groups of exactly three digits), else 7 / 7,5 / 7.5
DIGITS_RE = (
    r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d]|[.,]\d)|\d+(?:[.,]\d+)?)(?![\d])"
)
_HALF_RE = r"(?:\s+с\s+половиной|[\s-]+and[\s-]+a[\s-]+half)"

# A number: digits or a chain of number words (двадцати пяти, twenty-five), an optional
# multiplier (тысяч, млн, million) and an optional half (с половиной, and a half);
# also "half a"/"half an" (half a year). No capturing groups, so it can be embedded anywhere.
NUMBER_RE = (
    r"(?:(?<!\w)half[\s-]+an?(?!\w)"
    rf"|(?:{DIGITS_RE}|{NUMBER_WORD_RE}(?:[\s-]+{NUMBER_WORD_RE})*)"
    rf"{_HALF_RE}?(?:[\s\u00a0]+{MULTIPLIER_RE})?{_HALF_RE}?)"
)

_TOKEN_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d]|[.,]\d)|\d+(?:[.,]\d+)?|[^\W\d_]+\.?", FLAGS
)
_GROUPED_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+")
# Words that may appear inside a number expression without a value of their own.
_GLUE = {"с", "and", "a", "an"}
_HALVES = {"половиной", "half"}


def parse_number(text: str) -> float | None:
    """The value of a number expression, or None if ``text`` is not one.

    "7" → 7, "7,5" → 7.5, "500 000" → 500000, "двадцати пяти" → 25, "полутора" → 1.5,
    "семи с половиной" → 7.5, "500 тысяч" → 500000, "seven and a half" → 7.5,
    "twenty-five" → 25, "a"/"an" (as in "a year") → 1, "half a" → 0.5.
    """
    tokens = [_fold(t) for t in _TOKEN_RE.findall(text.replace("-", " "))]
    if not tokens:
        return None
    if tokens in (["a"], ["an"]):
        return 1.0
    if tokens in (["half"], ["half", "a"], ["half", "an"], ["a", "half"]):
        return 0.5
    total = 0.0
    current = 0.0
    seen_value = False
    last_word: float | None = None
    for token in tokens:
        if token[0].isdigit():
            if _GROUPED_RE.fullmatch(token):
                value = float(re.sub(r"[^\d]", "", token))
            else:
                value = float(token.replace(",", "."))
            current += value
            seen_value = True
        elif token.rstrip(".") in _MULTIPLIERS:
            current = (current if seen_value else 1.0) * _MULTIPLIERS[token.rstrip(".")]
            total += current
            current = 0.0
            last_word = None
            seen_value = True
        elif token in _VALUES:
            value = _VALUES[token]
            if value == 100 and 0 < current < 10:  # "two hundred"
                current *= 100
            elif last_word is not None and value >= last_word:
                return None  # "пять-шесть", "two three": a range or a list, not one number
            else:
                current += value
            last_word = value
            seen_value = True
        elif token in _HALVES:
            current += 0.5
        elif token in _GLUE:
            continue
        else:
            return None
    if not seen_value:
        return None
    return total + current


# --- helpers the other grammars share ------------------------------------------------


@lru_cache(maxsize=16)  # a document's text is lowered by one grammar after another
def lowered(text: str) -> str:
    """``text`` in lower case with the same length, so offsets carry over.

    The grammars find cheap anchors (unit words, month names, key stems) in this copy with
    case-sensitive patterns, which ``re`` scans several times faster than IGNORECASE ones,
    and run their full patterns only around the anchors.
    """
    low = folded(text)
    if len(low) != len(text):  # a letter that lowers to two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


# Letters that ``re.IGNORECASE`` takes for others while ``str.lower`` keeps them apart: the
# Turkish «İ» and «ı», the long «ſ», the old Cyrillic forms of «в», «д», «о», «с», «т», «ъ».
# Folded to those others, a word a case-insensitive pattern matched is found in the tables
# of lower-case words.
_FOLD = str.maketrans("İıſᲀᲁᲂᲃᲄᲅᲆ", "iisвдосттъ")
_TO_FOLD = re.compile("[İıſ\u1c80-\u1c86]")


def folded(text: str) -> str:
    """``text`` in lower case, as ``re.IGNORECASE`` compares it: «İstanbul» -> «istanbul»."""
    return (text.translate(_FOLD) if _TO_FOLD.search(text) else text).lower()


# Escapes and inline flags that may stand for an upper-case letter or turn IGNORECASE off
# in part of a pattern: such a pattern keeps its own flags.
_CASE_UNSAFE = re.compile(r"\\[uUxN0-7]|\(\?[a-zA-Z]*-|\(\?[aLu]")
# what is no letter to match: an escape («\\S»), a group's name («(?P<Name>»)
_NOT_LETTERS = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def case_sensitive(pattern: re.Pattern) -> re.Pattern | None:
    """The IGNORECASE ``pattern`` without the flag, to run on :func:`lowered` text with the
    same match positions (its letters are all lower case: «арест\\w*», not «[А-Я]»); None
    when that does not hold."""
    entry = _BY_PATTERN.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    fast = _case_sensitive(pattern)
    if len(_BY_PATTERN) > 4096:
        _BY_PATTERN.clear()
    _BY_PATTERN[id(pattern)] = (pattern, fast)
    return fast


# The fact rules ask for a pattern's case-sensitive copy and its anchors sentence after
# sentence, and hashing a compiled pattern (a functools cache key) hashes its whole code
# each time, microseconds for a long one: these caches go by the pattern's identity. Each
# entry holds its pattern, so no other object can take that id while the entry lasts.
_BY_PATTERN: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}
_SPANS_BY_PATTERN: dict[tuple[int, str], tuple[re.Pattern, list | None]] = {}


@lru_cache(maxsize=1024)
def _case_sensitive(pattern: re.Pattern) -> re.Pattern | None:
    if not pattern.flags & re.IGNORECASE or _CASE_UNSAFE.search(pattern.pattern):
        return None
    if any(c.isupper() for c in _NOT_LETTERS.sub("", pattern.pattern)):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


@lru_cache(maxsize=1024)
def anchors(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which every match of a case-sensitive ``pattern`` contains
    («арест» of «(?<![\\w-])арест\\w*»); None when there are none. A text holding none of
    them has no match anywhere, so the pattern's scans can be skipped."""
    if pattern.flags & re.IGNORECASE:
        return None
    from re import _parser

    try:
        found = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a pattern this reading does not know: no short cut
        return None
    return tuple(sorted(found)) if found and all(found) else None


def _required(items) -> frozenset[str] | None:
    """The strings one of which a match of the parsed sequence ``items`` contains."""
    from re import _constants as c

    candidates, run = [_leading(items)], []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        if op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE or av[2] & re.IGNORECASE:
                continue
            candidates.append(_required(av[3]))
        elif op is c.BRANCH:
            parts = [_required(branch) for branch in av[1]]
            if all(parts):
                candidates.append(frozenset().union(*parts))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            candidates.append(_required(av[2]))
        elif op is c.IN and all(item_op is c.LITERAL for item_op, _ in av):
            candidates.append(frozenset(chr(char) for _, char in av))  # «[Тт]»
    if run:
        candidates.append(frozenset({"".join(run)}))
    candidates = [s for s in candidates if s and all(s)]
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _leading(items) -> frozenset[str] | None:
    """The strings one of which a match of ``items`` starts with: «ЕС», «Евросоюз» of
    «ЕС|Евросоюз», which re parses as «Е» and a branch."""
    from re import _constants as c

    run = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # takes no characters
        if op is c.BRANCH:
            parts = [_leading(branch) for branch in av[1]]
            if all(parts):
                return frozenset("".join(run) + part for s in parts for part in s)
        elif op is c.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
            inner = _leading(av[3])
            if inner:
                return frozenset("".join(run) + part for part in inner)
        break
    return frozenset({"".join(run)}) if run else None


def may_match(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None) -> bool:
    """False when ``pattern`` cannot match in ``text[start:end]``: none of its
    :func:`anchors` lies wholly inside."""
    entry = _SPANS_BY_PATTERN.get((id(pattern), text))
    if entry is not None and entry[0] is pattern:
        spans = entry[1]
    else:
        spans = _anchor_spans(pattern, text)  # per pattern and document, asked for one
        if len(_SPANS_BY_PATTERN) > 4096:  # sentence after another
            _SPANS_BY_PATTERN.clear()
        _SPANS_BY_PATTERN[(id(pattern), text)] = (pattern, spans)
    if spans is None:
        return True
    end = len(text) if end is None else end
    at = bisect.bisect_left(spans, (start,))
    while at < len(spans) and spans[at][0] < end:
        if spans[at][1] <= end:
            return True
        at += 1
    return False


def finditer(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)``, with no scan at all where none of the pattern's
    :func:`anchors` is in ``text`` (of its lower-cased copy for an IGNORECASE one)."""
    fast = case_sensitive(pattern)
    possible = may_match(fast, lowered(text)) if fast else may_match(pattern, text)
    return pattern.finditer(text) if possible else iter(())


def _anchor_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]] | None:
    found = anchors(pattern)
    if found is None:
        return None
    spans = []
    for anchor in found:
        at = text.find(anchor)
        while at != -1:
            spans.append((at, at + len(anchor)))
            at = text.find(anchor, at + 1)
    return sorted(spans)


def non_overlapping(candidates: Iterable[tuple[Any, int, int, T]]) -> list[T]:
    """From ``(rank, start, end, item)`` candidates, the items whose spans do not overlap,
    taking the lowest rank first, in text order."""
    starts: list[int] = []
    chosen: list[tuple[int, int, T]] = []
    for _, start, end, item in sorted(candidates, key=lambda c: (c[0], c[1])):
        at = bisect.bisect_left(starts, start)
        if at > 0 and chosen[at - 1][1] > start or at < len(chosen) and chosen[at][0] < end:
            continue
        starts.insert(at, start)
        chosen.insert(at, (start, end, item))
    return [item for _, _, item in chosen]


def key_windows(low: str, keys, before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches of ``low`` from ``before`` characters before to ``after`` characters
    after each occurrence of one of ``keys``: where a pattern that must contain a key can
    match. Scanning these instead of the whole text is what keeps the grammars fast."""
    spans = []
    for key in keys:
        for at in _occurrences(low, key):
            spans.append((max(0, at - before), min(len(low), at + len(key) + after)))
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


@lru_cache(maxsize=4096)  # the grammars' rules share keys: each is looked for once per text
def _occurrences(low: str, key: str) -> tuple[int, ...]:
    found = []
    at = low.find(key)
    while at != -1:
        found.append(at)
        at = low.find(key, at + len(key))
    return tuple(found)
