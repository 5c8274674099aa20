"""Professions of the hand-written lexicon (pledgewatch.extract.grammars.professions) and
world countries by name and adjective (pledgewatch.extract.grammars.countries)."""

import pytest

from pledgewatch.extract.grammars.countries import country_code, find_country_adjectives
from pledgewatch.extract.grammars.professions import (
    complement_end,
    find_professions,
    is_title_word,
)

# (text, [(span from modifier, head, role, complement end text or None)])
PROFESSIONS = [
    ("президента США", [("президента", "президента", "official", None)]),
    (
        "министр иностранных дел России",
        [("министр", "министр", "official", "министр иностранных дел")],
    ),
    ("Главный тренер сборной", [("Главный тренер", "тренер", "other", "Главный тренер сборной")]),
    ("актёру театра", [("актёру", "актёру", "other", "актёру театра")]),
    ("глава государства", [("глава", "глава", "other", "глава государства")]),
    ("генерал-лейтенант", [("генерал-лейтенант", "генерал-лейтенант", "other", None)]),
    ("журналистка", [("журналистка", "журналистка", "journalist", None)]),
]


@pytest.mark.parametrize("text, expected", PROFESSIONS)
def test_profession(text, expected):
    found = find_professions(text)
    got = []
    for m in found:
        end = complement_end(text, m.end)
        got.append(
            (
                text[m.start : m.end],
                text[m.head_start : m.end],
                m.role,
                text[m.start : end] if end else None,
            )
        )
    assert got == expected


@pytest.mark.parametrize(
    "text",
    ["после суда", "политику партии", "критики в адрес", "военной техники", "члены"],
)
def test_not_a_profession(text):
    # «после» is a form of «посол», «политику» of «политика»; «член» needs a complement
    assert [m for m in find_professions(text) if not m.needs_complement] == []


def test_needs_complement():
    (match,) = find_professions("сотрудник полиции")
    assert match.needs_complement and complement_end("сотрудник полиции", match.end) == 17


@pytest.mark.parametrize(
    "word, expected",
    [("Принц", True), ("Император", True), ("Папа", True), ("Марат", False), ("Жыланбаев", False)],
)
def test_title_word(word, expected):
    assert is_title_word(word) is expected


@pytest.mark.parametrize(
    "name, code",
    [
        ("япония", "JP"),
        ("Соединенные Штаты", "US"),
        ("США", "US"),
        ("мали", "ML"),
        ("СССР", "SU"),
        ("Британия", "GB"),
        ("Алматы", None),
    ],
)
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    "text, expected",
    [
        ("итальянскому послу", [("итальянскому", "IT")]),
        ("Британской короне", [("Британской", "GB")]),
        ("российско-китайский договор", []),
        ("на русском языке", []),
        ("европейские страны", []),
    ],
)
def test_country_adjectives(text, expected):
    assert [(text[a:b], code) for a, b, code in find_country_adjectives(text)] == expected
