"""Number words and digits → values (pledgewatch.extract.grammars.numbers)."""

import re

import pytest

from pledgewatch.extract.grammars.numbers import FLAGS, NUMBER_RE, parse_number

NUMBER = re.compile(NUMBER_RE, FLAGS)

# (text, value): each text is one whole number expression
NUMBERS = [
    # digits
    ("7", 7),
    ("7,5", 7.5),
    ("7.5", 7.5),
    ("15", 15),
    ("500 000", 500_000),
    ("500\u00a0000", 500_000),
    ("500,000", 500_000),
    ("1 000 000", 1_000_000),
    # Russian, every case and gender
    ("один", 1),
    ("одного", 1),
    ("одному", 1),
    ("одним", 1),
    ("одна", 1),
    ("одной", 1),
    ("одну", 1),
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("двум", 2),
    ("двумя", 2),
    ("три", 3),
    ("трех", 3),
    ("трёх", 3),
    ("трём", 3),
    ("тремя", 3),
    ("четыре", 4),
    ("четырёх", 4),
    ("четырьмя", 4),
    ("пять", 5),
    ("пяти", 5),
    ("пятью", 5),
    ("шести", 6),
    ("семи", 7),
    ("семью", 7),
    ("восьми", 8),
    ("восемью", 8),
    ("девяти", 9),
    ("десять", 10),
    ("десяти", 10),
    ("одиннадцать", 11),
    ("двенадцати", 12),
    ("пятнадцати", 15),
    ("девятнадцатью", 19),
    ("двадцать", 20),
    ("двадцати", 20),
    ("тридцать", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("пятьдесят", 50),
    ("пятидесяти", 50),
    ("девяноста", 90),
    ("сто", 100),
    ("ста", 100),
    ("двадцать пять", 25),
    ("двадцати пяти", 25),
    ("сто двадцать", 120),
    ("пятьсот", 500),
    ("пятисот", 500),
    # halves
    ("полтора", 1.5),
    ("полторы", 1.5),
    ("полутора", 1.5),
    ("семи с половиной", 7.5),
    ("двух с половиной", 2.5),
    # multipliers
    ("500 тысяч", 500_000),
    ("пятьсот тысяч", 500_000),
    ("1,5 млн", 1_500_000),
    ("два с половиной миллиона", 2_500_000),
    ("50 тыс.", 50_000),
    # English
    ("one", 1),
    ("seven", 7),
    ("twelve", 12),
    ("twenty", 20),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("one hundred twenty", 120),
    ("seven and a half", 7.5),
    ("one and a half", 1.5),
    ("half a", 0.5),
    ("half an", 0.5),
    ("2 million", 2_000_000),
    ("500 thousand", 500_000),
]


@pytest.mark.parametrize("text, value", NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", NUMBERS)
def test_number_re_matches_the_whole_expression(text, value):
    assert NUMBER.fullmatch(text), text


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("к семи с половиной годам", "семи с половиной"),
        ("штраф 500 тысяч тенге", "500 тысяч"),
        ("к двадцати пяти годам", "двадцати пяти"),
        ("a two-year suspended sentence", "two"),
        ("seven and a half years", "seven and a half"),
        ("half a year", "half a"),
    ],
)
def test_number_re_in_a_sentence(sentence, expected):
    match = NUMBER.search(sentence)
    assert match and sentence[match.start() : match.end()] == expected


@pytest.mark.parametrize(
    "text",
    ["", "статья", "лет", "пять-шесть", "two three", "года"],
)
def test_not_a_number(text):
    assert parse_number(text) is None


def test_a_and_an_are_one():
    # "a year", "an eight-month term": the article counts as one
    assert parse_number("a") == 1
    assert parse_number("an") == 1


@pytest.mark.parametrize("text", ["статья", "дочь", "одинокий", "пятый", "семья", "someone"])
def test_number_re_needs_whole_words(text):
    assert NUMBER.search(text) is None
