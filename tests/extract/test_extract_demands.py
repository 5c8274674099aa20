"""Demand facts: who demands what about whom, addressed to which state. Example sentences
are written for these tests."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract


def demanders(text: str, language: str) -> set[tuple[str, str | None]]:
    """(action, name of who demands it) of every demand fact."""
    extraction = extract(text, language)
    return {
        (f.attributes["action"], extraction.entities[f.subject].name if f.subject else None)
        for f in extraction.facts
        if f.type == "demand"
    }


def demands(text: str, language: str) -> set[tuple[str, str]]:
    """(action, object name) of every demand fact with an object."""
    extraction = extract(text, language)
    return {
        (f.attributes["action"], extraction.entities[f.object].name)
        for f in extraction.facts
        if f.type == "demand" and f.object
    }


@pytest.mark.parametrize(
    "text, language, name",
    [
        (
            "Amnesty International urged Kazakhstan to drop all charges against journalist "
            "Ivan Petrov and to release him immediately.",
            "en",
            "Ivan Petrov",
        ),
        (
            "Правозащитники призвали власти Казахстана снять обвинения с журналиста Ивана "
            "Петрова и освободить его.",
            "ru",
            "Иван Петров",
        ),
    ],
)
def test_an_action_told_with_a_pronoun_is_about_the_people_of_the_action_before(
    text, language, name
):
    assert demands(text, language) == {("drop_charges", name), ("release", name)}


def test_a_pronoun_with_no_one_named_before_it_in_the_sentence_has_no_object():
    text = "Правозащитники призвали власти освободить их."
    assert demands(text, "ru") == set()


def test_the_body_a_demand_is_made_to_demands_nothing_and_a_noun_refers_back():
    text = (
        "Фонд «Правовая инициатива» потребовал освободить журналиста Ивана Петрова. "
        "Фонд также обратился к Генеральной прокуратуре Кыргызстана с призывом прекратить "
        "уголовное дело против блогера Анны Смирновой."
    )
    extraction = extract(text, "ru")
    subjects = {
        extraction.entities[f.subject].name if f.subject else None
        for f in extraction.facts
        if f.type == "demand"
    }
    assert len(subjects) == 1 and "Правовая инициатива" in next(iter(subjects))


def test_an_english_coalition_and_it_refer_back_to_the_organization():
    text = (
        "The Steppe Rights Network, a coalition of human rights groups, welcomed the ruling. "
        "The coalition urged the authorities of Kazakhstan to release journalist Ivan Petrov. "
        "It also called on the Parliament of Kazakhstan to repeal Article 174 of the Criminal Code."
    )
    assert demanders(text, "en") == {
        ("release", "Steppe Rights Network"),
        ("repeal", "Steppe Rights Network"),
    }


def test_an_article_of_a_law_named_in_words_makes_the_law_the_object():
    # the article is no provision the reference data knows, so the law it belongs to is
    # what the demand is about, not the words of the sentence
    text = "Правозащитники потребовали отменить статью 5 Закона о мирных собраниях."
    assert demands(text, "ru") == {("repeal", "Закон о мирных собраниях")}


def test_a_bare_profession_noun_in_a_demand_is_the_one_person_of_that_role():
    text = (
        "Журналист Ораз Бердыев приговорен к восьми годам лишения свободы. "
        "Правозащитный центр «Мемориал Азии» призвал власти Туркменистана освободить журналиста."
    )
    assert demands(text, "ru") == {("release", "Ораз Бердыев")}


def test_we_of_a_statement_is_the_organization_that_issued_it():
    text = (
        "Steppe Media Watch condemns the arrest of blogger Ivan Petrov in Almaty. "
        "We urge the authorities of Kazakhstan to release Petrov immediately."
    )
    assert demanders(text, "en") == {("release", "Steppe Media Watch")}
