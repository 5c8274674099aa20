"""Odd but possible inputs never make the extractor fail, and every mention it returns is
a real slice of the text."""

import pytest

from pledgewatch.extract import extract
from pledgewatch.resolve.names import normalize_person_name


def _sane(text: str, language: str, published: str | None = None):
    extraction = extract(text, language, published)
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    return extraction


def test_a_name_hyphenated_at_a_line_break():
    # «Петров-» ends a line (a PDF's hyphenation): the name is read without the dangling hyphen
    extraction = _sane("Его зовут Иван Петров-\nСидоров, он журналист.", "ru")
    assert "Иван Петров" in [e.name for e in extraction.entities.values()]


@pytest.mark.parametrize(
    "name, first, last",
    [
        (".", None, None),
        ("...", None, None),
        ("Анны Петровой-", "Анна", "Петрова"),  # cut at a line end
        ("Анны -Петровой", "Анна", "Петрова"),
        ("Анны Петровой--Сидоровой", "Анна", "Петрова-Сидорова"),
    ],
)
def test_a_stray_full_stop_or_hyphen_is_no_part_of_a_name(name, first, last):
    person = normalize_person_name(name)
    assert (person.first, person.last) == (first, last)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_a_publication_date_at_the_ends_of_the_calendar(published):
    # «вчера» cannot be dated from a placeholder date; it stays a date mention without a value
    text = "Вчера суд арестовал Ивана Петрова. Заседание назначено на 4 апреля."
    extraction = _sane(text, "ru", published)
    assert "Вчера" in [m.text for m in extraction.mentions if m.type == "date"]


def test_a_place_with_a_turkish_capital_i():
    # «İ» lowers to two characters, and re.IGNORECASE takes it for «i»
    extraction = _sane("Protesters were detained in İstanbul on Monday.", "en")
    assert ("location", "İstanbul") in [(m.type, m.text) for m in extraction.mentions]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Journalists from ZİMBABWE and İRAN were detained.", "en"),
        ("The court ruled on Frıday, not on Wedneſday.", "en"),
        ("ᲀчера суд арестовал дирижерᲂм лидера ᲁᲀК.", "ru"),  # old forms of «в», «о», «д»
    ],
)
def test_letters_that_ignorecase_equates_with_others(text, language):
    _sane(text, language, "2024-03-13")


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "«", "»", "(", "СК", "ст. 174", "ст. 174 У", "😀", "\u200b", "әғқңөұүһі"],
)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_tiny_texts(text, language):
    _sane(text, language)


def test_a_lone_surrogate_is_read_as_a_replacement_character():
    # a broken surrogate pair from a JSON caller: the offsets of the rest stay as they were
    text = "Журналиста Ивана\ud800 Петрова задержали в Алматы."
    extraction = extract(text, "ru")
    places = [m for m in extraction.mentions if m.type == "location"]
    assert [text[m.start : m.end] for m in places] == ["Алматы"]
