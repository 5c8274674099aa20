"""Table-driven tests of the rules for generic organizations, ordinary crimes, laws as a
whole and the crime spans of charge and sentence facts."""

from __future__ import annotations

import pytest

from pledgewatch.evaluate.nerel import extraction_items, nerel_type
from pledgewatch.extract import extract


def _spans(text: str, type_: str) -> set[str]:
    ex = extract(text, "ru")
    return {m.text for m in ex.mentions if m.type == type_}


def _scored(text: str, nerel: str) -> set[str]:
    ex = extract(text, "ru")
    return {m.text for m in ex.mentions if nerel_type(m, ex.entities.get(m.entity or "")) == nerel}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Правительство Кубы отвергло обвинения.", {"Правительство", "Правительство Кубы"}, set()),
        ("Об этом сообщила полиция.", {"полиция"}, set()),
        ("Решение принял Верховный суд США.", {"Верховный суд США"}, {"суд"}),
        ("Об этом заявили в министерстве юстиции США.", {"министерстве юстиции США"}, set()),
        ("Его задержали сотрудники полиции.", set(), {"полиции"}),
        ("Прошли парламентские выборы.", set(), {"парламентские"}),
    ],
)
def test_generic_organizations(text, expected, absent):
    found = _scored(text, "ORGANIZATION")
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Его обвиняют в убийстве.", {"убийстве"}),
        ("Чиновник подозревается в получении взяток.", {"получении взяток"}),
        (
            "Певца обвиняют в сексуальном насилии над подростками.",
            {"сексуальном насилии над подростками"},
        ),
        ("Дело возбуждено по статье 104 (убийство).", {"убийство"}),
        (
            "Суд приговорил его к 5 годам за уклонение от уплаты налогов.",
            {"уклонение от уплаты налогов"},
        ),
        ("Следствие считает это хищением.", {"хищением"}),
    ],
)
def test_crimes(text, expected):
    assert expected <= _scored(text, "CRIME")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Убийство произошло вечером в центре города.", {"Убийство"}),
        ("Его осудили за преступление.", {"преступление"}),
    ],
)
def test_crimes_not_found(text, absent):
    assert not absent & _scored(text, "CRIME")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Дело возбуждено по статье 116 УК РФ.", {"УК", "УК РФ", "статье 116 УК РФ"}),
        ("Это противоречит Конституции.", {"Конституции"}),
        (
            "Путин подписал закон о повышении пенсионного возраста.",
            {"закон о повышении пенсионного возраста"},
        ),
        ("Принят Федеральный закон «О полиции».", {"Федеральный закон «О полиции»"}),
    ],
)
def test_laws(text, expected):
    assert expected <= _scored(text, "LAW")


def test_law_is_an_instrument_of_kind_law():
    ex = extract("Это противоречит Уголовному кодексу Казахстана.", "ru")
    laws = [m for m in ex.mentions if m.type == "instrument"]
    assert laws
    assert all(ex.entities[m.entity].attributes["kind"] == "law" for m in laws)


def test_bare_article_is_not_a_span_when_the_code_is_written():
    assert "статье 116" not in _scored("Его обвиняют по статье 116 УК РФ.", "LAW")


@pytest.mark.parametrize(
    ("text", "relation", "target"),
    [
        ("Ивана Петрова обвиняют в получении взяток.", "CONVICTED_OF", "получении взяток"),
        (
            "Суд приговорил Ивана Петрова к 5 годам лишения свободы за мошенничество.",
            "CONVICTED_OF",
            "мошенничество",
        ),
        (
            "Суд приговорил Ивана Петрова к 5 годам лишения свободы за мошенничество.",
            "PENALIZED_AS",
            "5 годам лишения свободы",
        ),
    ],
)
def test_relations(text, relation, target):
    items = extraction_items(extract(text, "ru"))
    targets = {text[t[0][0] : t[0][1]] for r, _p, t in items.relations if r == relation}
    assert target in targets
