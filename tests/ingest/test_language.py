"""detect_language on short texts in the region's languages, written for these tests."""

from __future__ import annotations

import socket

import pytest

from pledgewatch.ingest import language
from pledgewatch.ingest.language import detect_language, language_by_letters

DETECTED = [
    ("ru", "Суд приговорил вымышленного активиста к семи годам лишения свободы."),
    ("ru", "Правозащитники требуют освободить журналиста.\nЗаседание перенесли на май."),
    ("en", "The court sentenced the activist to seven years in prison."),
    ("en", "Human rights groups demand\nthe release of the journalist."),
    ("kk", "Адам құқықтары жөніндегі бюро мәлімдеме жасады."),
    ("kk", "Бүгін Алматыда күн жылы болды."),
    ("ky", "Кыргыз Республикасы эгемендүү, демократиялык, укуктук, светтик мамлекет."),
    ("uz", "Bugun Toshkentda havo issiq boʻldi."),
    ("uz", "Ўзбекистон Республикаси суверен демократик республика."),
    ("tg", "Имрӯз дар Душанбе ҳаво гарм буд."),
    ("tk", "Türkmenistan demokratik, hukuk we dünýewi döwletdir."),
    ("ru", "Суд в Астане оставил под стражей Қасыма Әлиева, сообщили его адвокаты."),
]


@pytest.mark.parametrize(
    ("expected", "text"),
    DETECTED,
    ids=[f"{code}-{number}" for number, (code, _) in enumerate(DETECTED)],
)
def test_detects_the_regions_languages(expected, text):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   \n ", "Да.", "12.03.2024 — 15:00", "https://example.org/very/long/path/to/a/page"],
    ids=["empty", "blank", "one word", "numbers", "url"],
)
def test_too_little_text_is_undetermined(text):
    assert detect_language(text) is None


def test_a_confident_guess_outside_the_region_is_returned_as_is():
    assert detect_language("Le tribunal a condamné le militant à sept ans de prison.") == "fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сот белсендіні жеті жылға бас бостандығынан айырды.", "kk"),
        ("Бүгүн Бишкекте аба ырайы жылуу болду.", "ky"),
        ("Суд фаъолро ба ҳафт соли зиндон маҳкум кард.", "tg"),
        ("Ўзбекистонда суд бўлди.", "uz"),
        ("Kazyýet aktiwisti ýedi ýyl azatlykdan mahrum etdi.", "tk"),
        ("Oʻzbekistonda sud boʻldi.", "uz"),
        ("Суд приговорил активиста.", None),
        ("The court fined the activist.", None),
        ("Some English words with қ inside.", None),  # the letter is not the text's alphabet
    ],
    ids=["kk", "ky", "tg", "uz-cyrillic", "tk", "uz-latin", "ru", "en", "en-with-kk-letter"],
)
def test_distinctive_letters(text, expected):
    assert language_by_letters(text) == expected


def test_uses_the_bundled_model_without_network_or_output(monkeypatch, capsys, caplog):
    def no_network(*args, **kwargs):
        raise AssertionError("language detection must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    language._detector.cache_clear()  # load the model again, under the guard
    assert detect_language("Суд приговорил активиста к семи годам.") == "ru"
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert not [record for record in caplog.records if record.levelname != "DEBUG"]


def test_model_is_loaded_once():
    detect_language("Суд приговорил активиста к семи годам.")
    first = language._detector()
    detect_language("The court fined the activist for a post.")
    assert language._detector() is first


def test_the_opening_of_a_long_document_decides():
    """Only the first ``SAMPLE_CHARS`` characters are read, so a long document costs no
    more than a short one: a Russian report with a long English appendix is Russian."""
    opening = "Суд в Ташкенте приговорил вымышленного блогера к трём годам колонии. "
    appendix = "The appendix quotes the full English statement of the defence lawyers. "
    russian = opening * (language.SAMPLE_CHARS // len(opening) + 1)
    assert detect_language(russian + appendix * 200) == "ru"
    assert detect_language(appendix * 200) == "en"
