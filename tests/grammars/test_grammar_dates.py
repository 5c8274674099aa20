"""Dates as ISO values, partial where the text is (pledgewatch.extract.grammars.dates)."""

from datetime import date

import pytest

from pledgewatch.extract.grammars.dates import find_date_mentions, find_dates, parse_published

WEDNESDAY = date(2024, 3, 13)

# (sentence, reference date, matched text, value)
DATES = [
    ("Суд состоялся 17 января 2024 года.", None, "17 января 2024 года", "2024-01-17"),
    ("17 января 2024 г. суд вынес приговор", None, "17 января 2024 г.", "2024-01-17"),
    ("19\u00a0января 2025\u00a0года", None, "19\u00a0января 2025\u00a0года", "2025-01-19"),
    ("Активист задержан 17 января.", WEDNESDAY, "17 января", "2024-01-17"),
    ("Саммит прошел 4 апреля.", date(2025, 4, 11), "4 апреля", "2025-04-04"),
    (
        "Саммит прошел 4 апреля.",
        date(2024, 1, 2),
        "4 апреля",
        "2023-04-04",
    ),  # months ahead: last year
    ("Суд назначен на 4 апреля.", WEDNESDAY, "4 апреля", "2024-04-04"),  # weeks ahead: this year
    ("помещен под домашний арест до 15 марта", WEDNESDAY, "15 марта", "2024-03-15"),
    ("в январе 2022 года", None, "январе 2022 года", "2022-01"),
    ("по делу январских событий 2022 года", None, "январских событий 2022 года", "2022-01"),
    ("в 2023 году", None, "2023 году", "2023"),
    ("в 2023 г. он был задержан", None, "2023 г.", "2023"),
    ("дата: 17.01.2024", None, "17.01.2024", "2024-01-17"),
    ("дата: 2024-01-17", None, "2024-01-17", "2024-01-17"),
    ("В понедельник его задержали.", WEDNESDAY, "понедельник", "2024-03-11"),
    ("в среду суд вынес приговор", WEDNESDAY, "среду", "2024-03-13"),
    ("Вчера его задержали.", WEDNESDAY, "Вчера", "2024-03-12"),
    ("Сегодня суд вынес приговор.", WEDNESDAY, "Сегодня", "2024-03-13"),
    ("в прошлом году", WEDNESDAY, "прошлом году", "2023"),
    ("в этом году", WEDNESDAY, "этом году", "2024"),
    ("в прошлом месяце", WEDNESDAY, "прошлом месяце", "2024-02"),
    ("в прошлом месяце", date(2024, 1, 5), "прошлом месяце", "2023-12"),
    # English
    ("On 17 January 2024 he was detained.", None, "17 January 2024", "2024-01-17"),
    ("On January 17, 2024 he was detained.", None, "January 17, 2024", "2024-01-17"),
    ("He was arrested on 4 April.", date(2025, 4, 11), "4 April", "2025-04-04"),
    ("He was arrested on April 4th.", date(2025, 4, 11), "April 4th", "2025-04-04"),
    ("in January 2022", None, "January 2022", "2022-01"),
    ("In May 2023 he was arrested.", None, "May 2023", "2023-05"),
    ("He was first detained in 2023.", None, "2023", "2023"),
    ("He was arrested last year.", WEDNESDAY, "last year", "2023"),
    ("He was arrested on Monday.", WEDNESDAY, "Monday", "2024-03-11"),
    ("He was arrested yesterday.", WEDNESDAY, "yesterday", "2024-03-12"),
    ("last month", WEDNESDAY, "last month", "2024-02"),
]


@pytest.mark.parametrize("sentence, reference, span, value", DATES)
def test_date(sentence, reference, span, value):
    matches = find_dates(sentence, reference)
    assert len(matches) == 1, matches
    match = matches[0]
    assert sentence[match.start : match.end] == match.text == span
    assert match.value == value


@pytest.mark.parametrize(
    "sentence, reference",
    [
        ("Активист задержан 17 января.", None),  # no year and no reference
        ("В понедельник его задержали.", None),
        ("Вчера его задержали.", None),
        ("The court may decide on 5 counts.", WEDNESDAY),
        ("Статья 174, 5 лет лишения свободы", WEDNESDAY),
        ("осуждены более 30 человек", WEDNESDAY),
        ("He turned 2023 pages.", None),
    ],
)
def test_no_date(sentence, reference):
    assert find_dates(sentence, reference) == []


@pytest.mark.parametrize("reference", [date.min, date(1, 1, 2), date.max, date(9999, 12, 1)])
def test_a_reference_at_the_ends_of_the_calendar_resolves_nothing(reference):
    # 0001-01-01 is what some metadata holds for "no date"; «вчера» would fall before it
    text = "Вчера, в прошлом месяце, его задержали; суд назначен на 4 апреля. Yesterday."
    assert [d.value for d in find_dates(text, reference)] == []
    mentions = find_date_mentions(text, reference)
    assert "Вчера" in [d.text for d in mentions]
    assert all(d.value is None for d in mentions)


def test_dates_in_a_text_are_sorted_and_do_not_overlap():
    text = "Его задержали 17 января 2023 года, а в 2024 году, 4 апреля, осудили."
    found = [(d.text, d.value) for d in find_dates(text, date(2024, 5, 1))]
    assert found == [
        ("17 января 2023 года", "2023-01-17"),
        ("2024 году", "2024"),
        ("4 апреля", "2024-04-04"),
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("2023-10-12T09:00:00+06:00", "2023-10-12"),
        ("2023-10-12", "2023-10-12"),
        ("12 октября 2023 г.", "2023-10-12"),
        ("Алматы, 12 октября 2023 года", "2023-10-12"),
        ("Thu, 12 Oct 2023 09:00:00 +0600", "2023-10-12"),
        ("October 12, 2023", "2023-10-12"),
        ("12.10.2023 09:15", "2023-10-12"),
        ("Октябрь 2023", "2023-10"),
        ("", None),
        ("без даты", None),
    ],
)
def test_parse_published(text, value):
    assert parse_published(text) == value
