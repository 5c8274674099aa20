"""Short cuts that make the rules' regex scans faster without changing what they find
(pledgewatch.extract.grammars.numbers: case_sensitive, anchors, may_match, key_windows)."""

import re

import pytest

from pledgewatch.extract.grammars.numbers import (
    anchors,
    case_sensitive,
    finditer,
    folded,
    key_windows,
    lowered,
    may_match,
)

TEXT = (
    "Журналиста Ивана Петрова АРЕСТОВАЛИ в Омске. Суд Арестовал его на два месяца. "
    "Правозащитник Анна Сидорова назвала арест незаконным."
)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w-])арест\w*",
        r"\b(?:суд|правозащитни(?:к|ца))\b",
        r"(?<![\w-])(?P<who>журналист\w*)\s+\w+",
    ],
)
def test_case_sensitive_pattern_finds_the_same_on_lowered_text(pattern):
    original = re.compile(pattern, re.IGNORECASE)
    fast = case_sensitive(original)
    assert fast is not None and not fast.flags & re.IGNORECASE
    expected = [m.span() for m in original.finditer(TEXT)]
    assert expected
    assert [m.span() for m in fast.finditer(lowered(TEXT))] == expected
    # and inside one sentence, as the fact rules scan
    assert [m.span() for m in fast.finditer(lowered(TEXT), 45, 80)] == [
        m.span() for m in original.finditer(TEXT, 45, 80)
    ]


@pytest.mark.parametrize(
    "pattern, flags",
    [
        (r"арест\w*", 0),  # already case-sensitive
        (r"[А-Я]\w+", re.IGNORECASE),  # an upper-case letter to match
        (r"\u0430рест", re.IGNORECASE),  # a letter written as an escape
        (r"(?-i:Суд)|арест", re.IGNORECASE),  # case-sensitive in part
    ],
)
def test_case_sensitive_refuses_what_it_cannot_keep(pattern, flags):
    assert case_sensitive(re.compile(pattern, flags)) is None


def test_anchors_are_strings_every_match_contains():
    assert anchors(re.compile(r"(?<![\w-])арест\w*")) == ("арест",)
    assert anchors(re.compile(r"\b(?:суд(?:ья|ом)|прокурор\w*)\b")) == (
        "прокурор",
        "судом",
        "судья",
    )
    # the branch after a common beginning: «ЕС», «Евросоюз», not «Е»
    assert anchors(re.compile(r"(?<![\w-])(?:ЕС|Евросоюз\w*)")) == ("ЕС", "Евросоюз")
    assert anchors(re.compile(r"[Тт]алиб\w*")) == ("алиб",)
    # an optional word and a branch without a literal give nothing to look for
    assert anchors(re.compile(r"(?:бывш\w+\s+)?\w+")) is None
    assert anchors(re.compile(r"суд|\d+")) is None
    assert anchors(re.compile(r"суд", re.IGNORECASE)) is None


def test_lowered_text_folds_the_letters_ignorecase_equates():
    # «İ» lowers to two characters; re.IGNORECASE takes «İ», «ı», «ſ» for «i», «s» and the
    # old Cyrillic «ᲀ» for «в»: the case-sensitive scan finds what the IGNORECASE one finds
    text = "Задержан ᲀчера в İstanbul; ſentenced on Frıday."
    pattern = re.compile(r"вчера|istanbul|sentenced|friday", re.IGNORECASE)
    expected = [m.span() for m in pattern.finditer(text)]
    assert len(expected) == 4
    fast = case_sensitive(pattern)
    assert [m.span() for m in fast.finditer(lowered(text))] == expected
    assert [folded(m.group()) for m in pattern.finditer(text)] == [
        "вчера",
        "istanbul",
        "sentenced",
        "friday",
    ]


def test_may_match_looks_inside_the_range_only():
    pattern = re.compile(r"(?<![\w-])арест\w*")
    low = lowered(TEXT)
    assert may_match(pattern, low)
    first_sentence_end = low.index(".") + 1
    assert may_match(pattern, low, 0, first_sentence_end)
    assert not may_match(pattern, low, 0, 20)  # «Журналиста Ивана Пе»
    assert not may_match(re.compile(r"приговор\w*"), low)


def test_key_windows_are_the_same_when_asked_again():
    low = lowered(TEXT)
    spans = sorted(
        (max(0, m.start() - 5), min(len(low), m.end() + 10)) for m in re.finditer("арест|суд", low)
    )
    merged = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    assert key_windows(low, ("арест", "суд"), 5, 10) == merged
    assert key_windows(low, ("арест", "суд"), 5, 10) == merged  # from the cache


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_finditer_finds_what_the_pattern_finds(flags):
    pattern = re.compile(r"(?<![\w-])(?:арест\w*|суд)\b", flags)
    assert [m.span() for m in finditer(pattern, TEXT)] == [m.span() for m in pattern.finditer(TEXT)]
    assert list(finditer(re.compile(r"приговор\w*", flags), TEXT)) == []
