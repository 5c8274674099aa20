"""A life sentence is ``imprisonment`` with ``life: true`` and no term («приговорён к
пожизненному лишению свободы», "sentenced to life"), so a reader can tell it from a term the
text did not give; ``parole: false`` when the text rules parole out."""

import pytest

from pledgewatch.extract import extract


def sentences(text: str, language: str = "ru") -> dict[str, dict]:
    extraction = extract(text, language)
    return {
        extraction.entities[f.subject].name: f.attributes
        for f in extraction.facts
        if f.type == "sentence"
    }


@pytest.mark.parametrize(
    "text, language, name, parole",
    [
        ("Суд приговорил Ивана Петрова к пожизненному лишению свободы.", "ru", "Иван Петров", None),
        (
            "Суд приговорил Ивана Петрова к пожизненному лишению свободы без права "
            "условно-досрочного освобождения.",
            "ru",
            "Иван Петров",
            False,
        ),
        ("Иван Петров получил пожизненный срок за убийство.", "ru", "Иван Петров", None),
        ("Ивана Петрова приговорили к двум пожизненным срокам.", "ru", "Иван Петров", None),
        ("Иван Петров получил два пожизненных срока за убийства.", "ru", "Иван Петров", None),
        (
            "Иван Петров приговорён к пожизненному заключению без права на досрочное освобождение.",
            "ru",
            "Иван Петров",
            False,
        ),
        ("A court sentenced John Smith to life imprisonment.", "en", "John Smith", None),
        ("John Smith was jailed for life without parole.", "en", "John Smith", False),
        ("John Smith was sentenced to two life sentences.", "en", "John Smith", None),
    ],
)
def test_a_life_sentence_says_life(text, language, name, parole):
    attributes = sentences(text, language)[name]
    assert attributes["penalty"] == "imprisonment" and attributes["life"] is True
    assert attributes["term_months"] is None
    assert attributes.get("parole") is parole


@pytest.mark.parametrize(
    "text, name",
    [
        ("Суд приговорил Ивана Петрова к семи годам лишения свободы.", "Иван Петров"),
        ("Суд приговорил Ивана Петрова к реальному лишению свободы.", "Иван Петров"),
    ],
)
def test_a_term_or_an_untold_term_is_not_life(text, name):
    attributes = sentences(text)[name]
    assert "life" not in attributes and "parole" not in attributes


def test_each_person_keeps_their_own_penalty():
    text = (
        "Суд приговорил Ивана Петрова к пожизненному заключению, а Олега Сидорова — "
        "к 12 годам лишения свободы."
    )
    found = sentences(text)
    assert found["Иван Петров"]["life"] is True
    assert found["Олег Сидоров"]["term_months"] == 144 and "life" not in found["Олег Сидоров"]


def test_a_lifelong_ban_is_no_life_imprisonment():
    text = "Суд назначил Ивану Петрову пожизненный запрет на въезд в страну."
    assert all(a["penalty"] != "imprisonment" for a in sentences(text).values())


def test_a_possible_life_sentence_is_no_sentence():
    text = "Если Ивана Петрова признают виновным, ему грозит пожизненное лишение свободы."
    assert sentences(text) == {}
