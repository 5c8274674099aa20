"""Date mentions as NEREL spans them (pledgewatch.extract.grammars.dates.find_date_mentions):
with the preposition and a leading weekday, ranges as one phrase, and dates whose value
needs a reference date (value None without one)."""

from datetime import date

import pytest

from pledgewatch.extract.grammars.dates import find_date_mentions

WEDNESDAY = date(2024, 3, 13)

# (sentence, reference, mention texts with values)
MENTIONS = [
    ("Он родился в 2017 году.", None, [("в 2017 году", "2017")]),
    (
        "В воскресенье, 11 июня 2017 года он",
        None,
        [("В воскресенье, 11 июня 2017 года", "2017-06-11")],
    ),
    ("в начале 2017 года", None, [("в начале 2017 года", "2017")]),
    ("с 1975 по 1977 год", None, [("с 1975 по 1977 год", "1975")]),
    ("с 1 марта 2011 по декабрь 2015", None, [("с 1 марта 2011 по декабрь 2015", "2011-03-01")]),
    ("в 2013 г. он уехал", None, [("в 2013 г", "2013")]),
    ("в 2008г. он уехал", None, [("в 2008г", "2008")]),
    ("в мае он уехал", None, [("в мае", None)]),
    ("10 апреля суд", None, [("10 апреля", None)]),
    ("10 апреля суд", WEDNESDAY, [("10 апреля", "2024-04-10")]),
    ("в четверг, сообщил он", None, [("в четверг", None)]),
    ("в среду суд", WEDNESDAY, [("в среду", "2024-03-13")]),
    ("в 1980-х годах", None, [("в 1980-х годах", "1980")]),
    ("три года назад", None, [("три года назад", None)]),
    ("за последние 200 лет", None, [("за последние 200 лет", None)]),
    ("в 1976, а потом", None, [("в 1976", "1976")]),
    ("весной 2012 года", None, [("весной 2012 года", "2012")]),
]


@pytest.mark.parametrize("sentence, reference, expected", MENTIONS)
def test_date_mention(sentence, reference, expected):
    found = find_date_mentions(sentence, reference)
    assert [(d.text, d.value) for d in found] == expected
    assert all(sentence[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "в 2000 километрах от города",
        "Статья 174, 5 лет лишения свободы",
        "осуждены более 30 человек",
        "мая нет",
    ],
)
def test_no_date_mention(sentence):
    assert find_date_mentions(sentence) == []
