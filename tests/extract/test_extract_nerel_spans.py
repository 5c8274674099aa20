"""Spans extract() adds for NEREL-style measurement: outer and head professions, world
countries and their adjectives, titles stripped from names, one-word names, penalty heads,
nested parts of an article reference, date mentions with prepositions."""

import pytest

from pledgewatch.extract import extract


def spans(text: str, type_: str) -> set[str]:
    return {m.text for m in extract(text, "ru").mentions if m.type == type_}


# (text, mention type, texts that must be among that type's mentions)
CASES = [
    ("Президент США Джо Байден прибыл в Японию.", "profession", {"Президент", "Президент США"}),
    ("Президент США Джо Байден прибыл в Японию.", "country", {"США", "Японию"}),
    ("Итальянскому послу вручили ноту.", "country", {"Итальянскому"}),
    ("Принц Филипп Маунтбеттен посетил Лондон.", "person", {"Филипп Маунтбеттен"}),
    ("Принц Филипп Маунтбеттен посетил Лондон.", "profession", {"Принц"}),
    ("Роберт Мугабе ушёл в отставку. Мугабе было 93 года.", "person", {"Роберт Мугабе", "Мугабе"}),
    ("Суд приговорил его к 24 годам тюрьмы.", "penalty", {"24 годам тюрьмы", "тюрьмы"}),
    ("Ему назначили домашний арест.", "penalty", {"домашний арест"}),
    (
        "Его обвинили по пункту 6 части 2 статьи 104 УК РФ.",
        "legal_provision",
        {"пункту 6 части 2 статьи 104 УК РФ", "части 2 статьи 104 УК РФ", "статьи 104 УК РФ"},
    ),
    (
        "В Армении дело возбуждено по пункту 6 части 2 статьи 104.",
        "legal_provision",
        {"пункту 6 части 2 статьи 104", "части 2 статьи 104", "статьи 104"},
    ),
    # the head with its portfolio is a profession inside the phrase with the country
    (
        "Министр финансов Японии Кэндзи Ито прилетел в Париж.",
        "profession",
        {"Министр", "Министр финансов", "Министр финансов Японии"},
    ),
    # a name in straight quotes: the closing quote belongs to the profession
    ('Глава "Газпрома" Иван Петров выступил.', "profession", {'Глава "Газпрома"'}),
    # what a post is in charge of, where it is posted, the place it is elected from, and
    # the instrumental a commander takes
    (
        "Директор по маркетингу Анна Белова ушла из компании.",
        "profession",
        {"Директор по маркетингу"},
    ),
    (
        "Советник президента по национальной безопасности Олег Ким подал в отставку.",
        "profession",
        {"Советник президента по национальной безопасности"},
    ),
    (
        "Его назначили послом России в Японии.",
        "profession",
        {"послом России в Японии"},
    ),
    ("Сенатор от Техаса Джон Смит выступил.", "profession", {"Сенатор от Техаса"}),
    (
        "Командующий войсками округа Иван Соколов прибыл в Омск.",
        "profession",
        {"Командующий войсками округа"},
    ),
    # a country adjective in the complement goes on to its noun
    (
        "Суд вынес приговор бывшему командиру армии молдавских повстанцев Олегу Ткачу.",
        "profession",
        {"командиру армии молдавских повстанцев"},
    ),
    # a minister's whole portfolio, listed with commas and «и»
    (
        "Министр транспорта, связи и информатизации Пётр Орлов подал в отставку.",
        "profession",
        {"Министр транспорта, связи и информатизации"},
    ),
    (
        "Её назначили министром регионального планирования и строительства.",
        "profession",
        {"министром регионального планирования и строительства"},
    ),
    # a numbered unit or class is part of the post
    (
        "Начальник 12-го отдела полиции Олег Ким дал интервью.",
        "profession",
        {"Начальник 12-го отдела полиции"},
    ),
    (
        "Советник юстиции 3-го класса Анна Белова выступила.",
        "profession",
        {"Советник юстиции 3-го класса"},
    ),
    # adjectives joined by «и» and «связям с общественностью» in what a post is in charge of
    (
        "Председатель комитета по внутренним и внешним торговым связям Иван Лис ушёл.",
        "profession",
        {"Председатель комитета по внутренним и внешним торговым связям"},
    ),
    (
        "Директор по связям с общественностью Мария Зуева ответила на вопросы.",
        "profession",
        {"Директор по связям с общественностью"},
    ),
    # the see of a church title and the domain of a noble one
    (
        "Собор избрал митрополита Тверского и Кашинского Алексия.",
        "profession",
        {"митрополита", "митрополита Тверского и Кашинского"},
    ),
    ("Герцогиня Йоркская открыла больницу.", "profession", {"Герцогиня Йоркская"}),
    # a party's or a union's worker: the adjective is part of the profession
    ("Профсоюзный активист Олег Ким вышел на пикет.", "profession", {"Профсоюзный активист"}),
    ("В 2017 году он переехал в Москву.", "date", {"В 2017 году"}),
    (
        "В воскресенье, 11 июня 2017 года, прошёл митинг.",
        "date",
        {"В воскресенье, 11 июня 2017 года"},
    ),
]


@pytest.mark.parametrize("text, type_, expected", CASES)
def test_nerel_spans(text, type_, expected):
    assert expected <= spans(text, type_)


@pytest.mark.parametrize(
    "text, type_, absent",
    [
        ("После суда он уехал.", "profession", {"После"}),
        ("Принц Филипп Маунтбеттен посетил Лондон.", "person", {"Принц Филипп Маунтбеттен"}),
        ("Кэтрин пришла домой.", "person", {"Кэтрин"}),  # a bare first name: no entity
        # a place or body noun the name after it specifies is no title of its own
        ("Губернатор штата Техас Грег Смит прибыл.", "profession", {"Губернатор штата"}),
        # «замминистра» with its complement: the phrase, not the bare word
        ("Замминистра обороны Олег Ким уволен.", "profession", {"Замминистра"}),
        # a party after «от» is left out; «по совместительству» says how, not what of
        (
            "Депутат от «Единой России» Иван Петров выступил.",
            "profession",
            {"Депутат от «Единой России"},
        ),
        (
            "Директор по совместительству читает лекции.",
            "profession",
            {"Директор по совместительству"},
        ),
        # no span stops on an adjective of the noun after it
        (
            "Суд вынес приговор бывшему командиру армии молдавских повстанцев Олегу Ткачу.",
            "profession",
            {"командиру армии молдавских"},
        ),
        # after «и» the sentence goes on: no second field of the portfolio
        (
            "Она занимала пост министра финансов и сменила его на посту премьера.",
            "profession",
            {"министра финансов и сменила"},
        ),
        ("Сказал директор музея и археолог Иван Лис.", "profession", {"директор музея и археолог"}),
        # other heads keep their first complement, not a list after it
        (
            "Она работала дизайнером одежды, обуви и украшений.",
            "profession",
            {"дизайнером одежды, обуви и украшений"},
        ),
    ],
)
def test_nerel_spans_absent(text, type_, absent):
    assert not absent & spans(text, type_)


def test_role_fact_from_lexicon_profession():
    extraction = extract("Министр иностранных дел России Сергей Лавров прилетел в Анкару.", "ru")
    roles = [f for f in extraction.facts if f.type == "role"]
    assert [f.attributes["role"] for f in roles] == ["official"]
    assert roles[0].spans and roles[0].spans[0][0] == "profession"


def test_dates_without_value_do_not_date_facts():
    extraction = extract("В четверг журналист Иван Петров задержан в Алматы.", "ru")
    detentions = [f for f in extraction.facts if f.type == "detention"]
    assert detentions and all(f.date is None for f in detentions)
