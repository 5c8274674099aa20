"""Role facts: which profession spans describe which person (extract.roles), the profession
spans a role fact records (what `eval nerel` scores as WORKS_AS), and the profession spans
of deputies and acting office holders. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract


def _roles(text: str) -> set[tuple[str, str, str]]:
    """(person name, role, profession text) of every role fact."""
    ex = extract(text, "ru")
    return {
        (ex.entities[f.subject].name, f.attributes["role"], text[start:end])
        for f in ex.facts
        if f.type == "role"
        for _type, start, end in f.spans
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the name, with a comma or a dash, or with an adjective and a rank between
        (
            "Президент Казахстана, Касым-Жомарт Токаев, подписал закон.",
            {("Касым-Жомарт Токаев", "official", "Президент Казахстана")},
        ),
        (
            "Министр юстиции — Азамат Бекетаев.",
            {("Азамат Бекетаев", "official", "Министр юстиции")},
        ),
        (
            "Журналист из Каракалпакстана Даулетмурат Тажимуратов осуждён.",
            {("Даулетмурат Тажимуратов", "journalist", "Журналист")},
        ),
        # apposition after the name, adjectives allowed
        (
            "Ерлан Калиев — известный казахстанский правозащитник.",
            {("Ерлан Калиев", "human_rights_defender", "правозащитник")},
        ),
        # the complement of a linking verb or a post
        (
            "Сергей Иванов в 2020 году стал министром обороны.",
            {("Сергей Иванов", "official", "министром обороны")},
        ),
        (
            "Вчера Олег Петров освобождён от должности прокурора области.",
            {("Олег Петров", "prosecutor", "прокурора области")},
        ),
        (
            "Новым акимом города стал Нурлан Сапаров.",
            {("Нурлан Сапаров", "official", "акимом города")},
        ),
        # coordinated professions share the name; one fact per role
        (
            "Юрист и журналист Даулетмурат Тажимуратов осуждён.",
            {
                ("Даулетмурат Тажимуратов", "lawyer", "Юрист"),
                ("Даулетмурат Тажимуратов", "journalist", "журналист"),
            },
        ),
        # an acronym in brackets between the profession and the name
        (
            "Председатель Союза журналистов Казахстана (СЖК) Марат Ахметов заявил.",
            {("Марат Ахметов", "journalist", "Председатель Союза журналистов Казахстана")},
        ),
        # the object of a verb of appointing, the profession in the instrumental after it
        (
            "Президент назначил Нурлана Сапарова первым заместителем министра.",
            {("Нурлан Сапаров", "official", "первым заместителем министра")},
        ),
        (
            "Пока Ерлан Калиев остаётся главой департамента, ничего не изменится.",
            {("Ерлан Калиев", "other", "главой департамента")},
        ),
        # an honorary title: the profession is the bare head, without the country
        (
            "Умер народный артист Казахстана Асанали Ашимов.",
            {("Асанали Ашимов", "other", "артист")},
        ),
        # a complement that is the first word of a longer name runs to the name's end
        (
            "Представитель Министерства обороны Казахстана Игорь Миронов ответил.",
            {("Игорь Миронов", "other", "Представитель Министерства обороны Казахстана")},
        ),
        # a quoted name after the profession belongs to it, up to the closing quote
        (
            "Главный редактор газеты «Время» Игорь Мельцер задержан.",
            {("Игорь Мельцер", "journalist", "Главный редактор газеты «Время")},
        ),
        # «один из» and a plural profession after the name
        (
            "Умер Булат Аюханов, один из самых известных хореографов страны.",
            {("Булат Аюханов", "other", "хореографов страны")},
        ),
        # a plural profession before a list of names describes each of them
        (
            "Задержаны активисты Айгерим Тлеужан и Бейбарс Толымбеков.",
            {
                ("Айгерим Тлеужан", "activist", "активисты"),
                ("Бейбарс Толымбеков", "activist", "активисты"),
            },
        ),
    ],
)
def test_role_links(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the name is in the genitive: the lawyer is someone else
        ("Адвокат Ивана Петрова обжаловал приговор.", set()),
        # a verb between the profession and the name
        ("Президент встретился с семьёй Ивана Петрова.", set()),
        # a singular profession is not shared along a list of names
        ("Встреча с министром Иваном Петровым и Сергеем Ивановым прошла.", {"Иван Петров"}),
        # a relative before the profession: the name in the nominative is the relative ...
        ("На премьеру пришла дочь известного писателя Мария Петрова.", set()),
        # ... in the genitive, the writer
        ("На премьеру пришла дочь известного писателя Ивана Петрова.", {"Иван Петров"}),
        # a plural profession before one name: the lawyers are someone's
        ("Адвокаты Мадели Сингха обжаловали приговор.", set()),
        # two names in a row: the profession is the second one's, the first is the client
        (
            "Адвокат Ивана Петрова Сергей Иванов обжаловал приговор.",
            {"Сергей Иванов"},
        ),
    ],
)
def test_no_role_for_someone_elses_profession(text, named):
    assert {name for name, _role, _span in _roles(text)} == named


def test_profession_before_the_next_name_is_not_the_previous_ones():
    roles = _roles("Марат Жыланбаев, правозащитник Ержан Елшибаев и другие задержаны.")
    assert roles == {("Ержан Елшибаев", "human_rights_defender", "правозащитник")}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Пресс-секретарь президента России Дмитрий Смирнов ответил журналистам.",
            "Пресс-секретарь президента России",
        ),
        (
            "Заместитель министра обороны Алексей Ким уволен.",
            "Заместитель министра обороны",
        ),
        (
            "Исполняющим обязанности акима области назначен Ерлан Нурланов.",
            "Исполняющим обязанности акима области",
        ),
    ],
)
def test_deputy_and_acting_professions_are_one_span(text, span):
    ex = extract(text, "ru")
    assert span in {m.text for m in ex.mentions if m.type == "profession"}
    assert {text[s:e] for f in ex.facts if f.type == "role" for _t, s, e in f.spans} == {span}


def test_membership_word_gives_no_role_fact():
    ex = extract("Асель Нурланова, член партии «Алга, Казахстан!», вышла на пикет.", "ru")
    # the profession runs up to the quoted name, without its closing quote, as NEREL spans it
    assert "член партии «Алга, Казахстан!" in {
        m.text for m in ex.mentions if m.type == "profession"
    }
    assert [f for f in ex.facts if f.type == "role"] == []
