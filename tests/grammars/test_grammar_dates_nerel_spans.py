"""Date mentions spanned as NEREL spans them, beyond test_grammar_date_mentions: ranges that
name their month once, durations with «в течение», «в ближайшие», «по истечении», and what
only looks like a date: a name (a town «Октябрьский», a newspaper «Сегодня») or an age («в
свои 29 лет»)."""

from datetime import date

import pytest

from pledgewatch.extract.grammars.dates import find_date_mentions

WEDNESDAY = date(2024, 3, 13)

# (sentence, reference, mention texts with values)
MENTIONS = [
    # a range that names its month once takes its first day in
    ("Фестиваль пройдёт с 5 по 21 августа в парке.", None, [("с 5 по 21 августа", None)]),
    ("В ночь со 2-го на 3-е ноября он исчез.", None, [("со 2-го на 3-е ноября", None)]),
    (
        "Выставка открыта с 25 по 29 июля 2013 г. в музее.",
        None,
        [("с 25 по 29 июля 2013 г", "2013-07-29")],
    ),
    # a range from the end of one period to the start of the next
    (
        "Её открыли в конце 1980-х — начале 1990-х годов.",
        None,
        [("в конце 1980-х — начале 1990-х годов", "1980")],
    ),
    (
        "Спектакли пройдут в конце октября — начале ноября.",
        None,
        [("в конце октября — начале ноября", None)],
    ),
    # two full dates joined by a dash stay two mentions
    (
        "Он руководил отделом (1 июня 2013 года — 27 июля 2017 года).",
        None,
        [("1 июня 2013 года", "2013-06-01"), ("27 июля 2017 года", "2017-07-27")],
    ),
    # a season in the genitive before a year
    ("Завод простаивает с лета 2012 года.", None, [("с лета 2012 года", "2012")]),
    # durations
    ("Ответ дадут в течение полугода.", None, [("в течение полугода", None)]),
    ("За прошедшие полгода цены выросли.", None, [("За прошедшие полгода", None)]),
    ("Решение примут в течение 45-60 дней.", None, [("в течение 45-60 дней", None)]),
    ("Суд назначат в ближайшие 30 дней.", None, [("в ближайшие 30 дней", None)]),
    ("Иск подадут по истечении 180 дней.", None, [("по истечении 180 дней", None)]),
    ("За день до этого он уехал.", None, [("За день до этого", None)]),
    ("Более чем за месяц до того его задержали.", None, [("Более чем за месяц до того", None)]),
    # a month adjective: lower case, or capitalized before «революция»
    ("Отменили после Октябрьской революции.", None, [("Октябрьской", None)]),
    ("на декабрьском заседании суда", None, [("декабрьском", None)]),
    # a day word not in a name
    ("Об этом он сообщил сегодня.", WEDNESDAY, [("сегодня", "2024-03-13")]),
    # terms, not ages, after a sentence
    ("Оба получили по 5 лет.", None, [("5 лет", None)]),
    ("Братьям дали по 5 лет колонии.", None, [("5 лет", None)]),
    ("Их осудили на 20 и 10 лет соответственно.", None, [("10 лет", None)]),
]


@pytest.mark.parametrize("sentence, reference, expected", MENTIONS)
def test_nerel_date_span(sentence, reference, expected):
    found = find_date_mentions(sentence, reference)
    assert [(d.text, d.value) for d in found] == expected
    assert all(sentence[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # a town and a group named after a month
        "Мечеть в городе Октябрьский закрыли.",
        "Лидер группировки «Октябрьский джамаат» задержан.",
        # a day word that ends a short quoted name
        "Как пишет газета «Сегодня», его уволили.",
        "Директор агентства «Россия сегодня» ушёл.",
        'Он выступил в программе "Сегодня" на канале.',
        # ages
        "В свои 29 лет он уже чемпион.",
        "Обоим сейчас по 31 году.",
        "Сёстрам 47 и 46 лет соответственно.",
    ],
)
def test_not_a_date_mention(sentence):
    assert find_date_mentions(sentence, WEDNESDAY) == []
