"""A role the text calls past carries ``period: former`` («бывший прокурор»), so a person's
page does not show a former prosecutor as a prosecutor today; a role the text does not date
has no period."""

import pytest

from pledgewatch.extract import extract


def roles(text: str, language: str = "ru") -> dict[str, dict]:
    extraction = extract(text, language)
    return {
        extraction.entities[f.subject].name: f.attributes
        for f in extraction.facts
        if f.type == "role"
    }


@pytest.mark.parametrize(
    "text, language, name",
    [
        ("Бывший прокурор Алматы Иван Петров задержан.", "ru", "Иван Петров"),
        ("Экс-президент Кыргызстана Алмазбек Атамбаев освобождён.", "ru", "Алмазбек Атамбаев"),
        ("Бывший главный редактор газеты Анна Смирнова оштрафована.", "ru", "Анна Смирнова"),
        ("Полковник ГРУ в отставке Олег Кузнецов арестован.", "ru", "Олег Кузнецов"),
        ("The former head of the party, Farhod Saidov, received 27 years.", "en", "Farhod Saidov"),
    ],
)
def test_a_role_told_as_past_is_former(text, language, name):
    assert roles(text, language)[name]["period"] == "former"


@pytest.mark.parametrize(
    "text, language, name",
    [
        ("Журналист Иван Петров задержан в Алматы.", "ru", "Иван Петров"),
        # «бывший» of someone else in the sentence does not make this role past
        ("Адвокат Анна Смирнова защищает бывшего министра.", "ru", "Анна Смирнова"),
        ("Judge Anna Karimova read the verdict.", "en", "Anna Karimova"),
    ],
)
def test_a_role_the_text_does_not_date_has_no_period(text, language, name):
    assert "period" not in roles(text, language)[name]
