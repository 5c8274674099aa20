"""Person and country mentions beyond what natasha's NER tags: a name repeated where the
tagger missed it, a name's adjective, the person an institution or a prize is named after,
bare first names (a mention without an entity), words the tagger drew into a name, country
names inside other names and in every case form, cities abroad and cities' adjectives."""

import pytest

from pledgewatch.evaluate.nerel import nerel_type
from pledgewatch.extract import extract
from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.countries import find_country_names
from pledgewatch.extract.persons import (
    STRAY_TAIL,
    add_first_names,
    is_leading_person_noun,
    joins_split_name,
    latin_spelling_after,
    locative_misread,
    quoted_alone,
    surname_adjectives,
    surname_forms,
)
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.names import PersonName


def mentions(text: str, type_: str) -> dict[str, str | None]:
    """Mention text -> entity name (None for a mention without an entity)."""
    extraction = extract(text, "ru")
    return {
        m.text: (extraction.entities[m.entity].name if m.entity else None)
        for m in extraction.mentions
        if m.type == type_
    }


def test_a_surname_repeated_in_a_headline_is_the_same_person():
    found = mentions(
        "Лукьянов выиграл выборы\n\nЮрист Андрей Лукьянов стал мэром Томска. "
        "Сторонники Лукьянова праздновали.",
        "person",
    )
    assert found["Лукьянов"] == found["Андрей Лукьянов"] == found["Лукьянова"]
    assert found["Лукьянов"] is not None


def test_initials_before_a_repeated_surname_are_part_of_the_mention():
    found = mentions("Премьер Дмитрий Громов подписал указ. Д.Громов уволил министра.", "person")
    assert "Д.Громов" in found and found["Д.Громов"] == found["Дмитрий Громов"]


def test_the_adjective_of_a_persons_name_is_that_person():
    found = mentions(
        "Писатель Василий Шукшин родился в Сростках. Там проходят Шукшинские чтения.",
        "person",
    )
    assert found.get("Шукшинские") == found["Василий Шукшин"]


def test_namesakes_and_prizes_are_person_mentions_without_an_entity():
    found = mentions(
        "Он учился в институте имени Гнесиных, играл в театре им. А.Н. Островского "
        "и получил Нобелевскую премию.",
        "person",
    )
    assert found.get("Гнесиных", "missing") is None
    assert found.get("А.Н. Островского", "missing") is None
    assert found.get("Нобелевскую", "missing") is None


def test_a_bare_first_name_is_a_mention_without_an_entity_and_no_fact_subject():
    extraction = extract("Вчера Мадина рассказала журналистам о суде.", "ru")
    persons = [m for m in extraction.mentions if m.type == "person"]
    assert [(m.text, m.entity) for m in persons] == [("Мадина", None)]
    assert all(f.subject is not None for f in extraction.facts)


@pytest.mark.parametrize(
    "text, mention, name",
    [
        ("Визит патриарха Кирилла длился два дня.", "Кирилла", "Патриарх Кирилл"),
        ("Принц Гарри прилетел в Лондон.", "Гарри", "Принц Гарри"),
        ("Он встретился с королём Карлом.", "Карлом", "Король Карл"),
        ("Папа римский Лукас посетил Астану.", "Лукас", "Папа Лукас"),
        ("Её принимала у себя кронпринцесса Мадина.", "Мадина", "Кронпринцесса Мадина"),
        # in lower case inside a sentence the queen is a title
        ("Портрет королевы Мадины висит в музее.", "Мадины", "Королева Мадина"),
        # a title that is also a surname: «Королева Мадина» may be Madina Koroleva
        ("Королева Мадина выступила на концерте.", "Мадина", None),
    ],
)
def test_a_bare_first_name_after_a_title_is_a_person_named_with_the_title(text, mention, name):
    found = mentions(text, "person")
    assert found.get(mention, "missing") == name


def test_a_caption_word_is_not_a_person():
    assert "Скриншот" not in mentions("Скриншот\nНа сайте опубликовано видео.", "person")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Восьмидесятилетний Маккейн снова баллотируется.", "Маккейн"),
        ("Сама Тэтчер описывала дом как светлый.", "Тэтчер"),
        ("Журналист Думан Мухаммедкарим вел ютуб-канал.", "Думан Мухаммедкарим"),
    ],
)
def test_an_adjective_before_a_name_is_left_out_and_a_first_name_is_kept(text, name):
    assert name in mentions(text, "person")


def test_a_latin_spelling_in_brackets_after_a_name_is_the_same_person():
    found = mentions("Модель Джорджина Родригес (Georgina Rodríguez) приехала в Мадрид.", "person")
    assert found.get("Georgina Rodríguez") == found["Джорджина Родригес"]


def test_country_names_inside_other_names():
    found = mentions(
        "Он осуждён по статье 280 УК РФ. Банк России отозвал лицензию, «Единая Россия» промолчала.",
        "country",
    )
    assert {"РФ", "России", "Россия"} <= set(found)
    assert set(found.values()) == {"Россия"}


def test_country_names_in_every_case_form_and_only_capitalised():
    text = "Посол Южной Кореи прибыл в Соединённые Штаты; перу и Перу; US Open"
    assert [(text[a:b], code) for a, b, code in find_country_names(text)] == [
        ("Южной Кореи", "KR"),
        ("Соединённые Штаты", "US"),
        ("Перу", "PE"),
        ("US", "US"),
    ]


@pytest.mark.parametrize(
    "surname, form",
    [("Путин", "Путиным"), ("Обама", "Обамой"), ("Иванова", "Ивановой")],
)
def test_surname_forms(surname, form):
    assert form in surname_forms(surname)


def test_surnames_that_do_not_decline_keep_one_form():
    assert surname_forms("Порошенко") == {"Порошенко"}
    assert surname_adjectives("Обама") == set()


def test_a_city_adjective_is_the_city_and_a_region_adjective_is_not():
    found = mentions(
        "Судья московского суда оштрафовал его. Он живёт в Московской области.", "location"
    )
    assert found.get("московского") == "Москва"
    assert "Московской" not in found


def test_large_cities_abroad_are_typed_as_cities():
    extraction = extract("Митинг прошёл в Лондоне, а затем в Нью-Йорке.", "ru")
    places = {
        m.text: nerel_type(m, extraction.entities.get(m.entity or ""))
        for m in extraction.mentions
        if m.type == "location"
    }
    assert places == {"Лондоне": "CITY", "Нью-Йорке": "CITY"}


@pytest.mark.parametrize(
    "text, places",
    [
        # a city that is also a first name, before a surname, is no place
        ("Journalist Sydney Petrenko was detained in Almaty.", ["Almaty"]),
        ("Paris Nazarova spoke to the court in Bishkek.", ["Bishkek"]),
        # but it is a place on its own and before a word that names the place
        ("Activists in Sydney and Paris protested.", ["Sydney", "Paris"]),
        ("The Paris Agreement was signed in Paris.", ["Paris", "Paris"]),
    ],
)
def test_an_english_city_that_is_a_first_name(text, places):
    extraction = extract(text, "en")
    found = [m.text for m in sorted(extraction.mentions, key=lambda m: m.start)]
    assert [m for m in found if m in {"Almaty", "Bishkek", "Sydney", "Paris"}] == places


@pytest.mark.parametrize(
    "text, place",
    [
        ("Посол Соединённых Штатов Иван Петров прибыл в Алматы.", "Соединённых Штатов"),
        ("В Соединенных Штатах прошли акции в поддержку Ивана Петрова.", "Соединенных Штатах"),
    ],
)
def test_an_inflected_country_name_whose_lemma_fails_is_the_country(text, place):
    extraction = extract(text, "ru")
    found = {m.text: m.entity for m in extraction.mentions if m.type == "country"}
    assert found[place] == "country:US"


@pytest.mark.parametrize(
    "text, name",
    [
        # «его адвокат» has its owner: the name after it is the lawyer herself, in the
        # noun's case, not a man's genitive («Мунира» is also Мунир's genitive)
        ("Об этом в понедельник сообщила его адвокат Мунира Рахимова.", "Мунира Рахимова"),
        ("Её сестра Замира Алиева рассказала о задержании.", "Замира Алиева"),
        # without a possessive the name after the noun is the genitive of whose lawyer
        ("Об этом сообщила адвокат Ивана Петрова.", "Иван Петров"),
    ],
)
def test_a_name_after_a_noun_with_a_possessive_is_in_apposition_to_it(text, name):
    extraction = extract(text, "ru")
    assert [e.name for e in extraction.entities.values() if e.type == "person"] == [name]


def test_the_title_of_a_titled_person_is_no_surname_of_theirs():
    text = "Портрет королевы Мадины висит в музее. Королевой страны её провозгласили в 1990 году."
    assert "Королевой" not in mentions(text, "person")


@pytest.mark.parametrize(
    "text, mention",
    [
        # a noun for a relative or an agent at the start of a sentence names whose
        # relative or agent: the person is the name after it
        ("Экс-советник Трампа получил деньги от компаний.", "Трампа"),
        ("Пресс-агент Смитсона подтвердил эту информацию.", "Смитсона"),
        # the see of a cleric is no part of his name
        ("Патриархом стал митрополит Русенский Неофит.", "Неофит"),
    ],
)
def test_a_leading_noun_or_a_sees_adjective_is_left_out_of_a_name(text, mention):
    assert list(mentions(text, "person")) == [mention]


def test_a_noun_in_apposition_to_a_name_is_not_taken_for_its_owner():
    # «Израильтянка» agrees with the name: natasha's span is not cut
    assert not is_leading_person_noun("Израильтянка Наама Иссахар", 0, "Израильтянка", "Наама")
    assert is_leading_person_noun("Предшественник Кравцова ушёл", 0, "Предшественник", "Кравцова")
    # not at the start of a sentence: «премьер Салам Фаяд» is a name after a title
    assert not is_leading_person_noun("встретил Племянник Кравцова", 9, "Племянник", "Кравцова")


def _document(text: str) -> DocumentContext:
    return DocumentContext(text, "ru", None, [(0, len(text))])


@pytest.mark.parametrize(
    "text, surname, entity_name, mention, name",
    [
        # the same person: the entity keeps the mention, now with the first name
        (
            "Вместо Акселя Вебера главой банка станет другой.",
            "Вебера",
            "Аксель Вебер",
            "Акселя Вебера",
            "Аксель Вебер",
        ),
        # another first name is another person with that surname
        (
            "На концерте были Дженнифер Лопес Мишель Обама и другие.",
            "Обама",
            "Барак Обама",
            "Мишель Обама",
            "Мишель Обама",
        ),
        # «Слава» is first of all a noun: «Слава Обаме!» names no Слава
        ("Толпа кричала: Слава Обаме!", "Обаме", "Барак Обама", "Обаме", "Барак Обама"),
    ],
)
def test_a_first_name_right_before_a_surname_found_alone_joins_the_mention(
    text, surname, entity_name, mention, name
):
    doc = _document(text)
    key = doc.add_entity(EntityDraft(f"person:{entity_name}", "person", entity_name))
    start = text.index(surname)
    doc.add_span("person", start, start + len(surname), key)
    add_first_names(doc)
    (span,) = doc.spans
    assert (span.text, doc.entity(span.entity).name) == (mention, name)


@pytest.mark.parametrize(
    "left, right, joined",
    [
        ("Айдар", "Наилевич Губайдулин", True),
        ("Марина Филипповна", "Ходорковская", True),
        ("Тихоновой", "Татьяне Васильевне", True),
        # two people: a genitive and a nominative
        ("Кристины", "Ольга Алексеевна", False),
        # two words without a patronymic may be two people («сын Джоли Мэддокс»)
        ("Джоли", "Мэддокс", False),
    ],
)
def test_a_full_name_the_tagger_cut_in_two_is_joined(left, right, joined):
    text = f"{left} {right}"
    assert joins_split_name(text, (0, len(left)), (len(left) + 1, len(text))) is joined


@pytest.mark.parametrize(
    "text, name, alone",
    [
        ("Жители района станции метро «Войковская» собрали подписи.", "Войковская", True),
        ("Форвард «Реала» забил два гола.", "Реала", True),
        ("Его знали под прозвищем «Руби».", "Руби", False),
        ("Офицер с позывным «Гордон» уехал.", "Гордон", False),
        ("Памятник «Родина» стоит на холме.", "Родина", True),
    ],
)
def test_a_name_alone_in_quotes_is_no_person_but_a_nickname_is(text, name, alone):
    start = text.index(name)
    assert quoted_alone(text, start, start + len(name)) is alone


def test_a_namesake_stops_at_the_end_of_a_line():
    found = mentions("Открыта новая сцена театра имени Марии Ермоловой\nМосковский театр", "person")
    assert "Марии Ермоловой" in found


def test_a_names_adjective_in_quotes_is_still_the_person():
    text = "Завод выпускал приёмники со «зворыкинским» экраном."
    start = text.index("зворыкинским")
    assert not quoted_alone(text, start, start + len("зворыкинским"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Футболист Модибо Сидибе забил гол.", "Модибо Сидибе"),
        ("Вчера Мугабе уехал из страны.", "Мугабе"),
    ],
)
def test_a_surname_in_e_without_a_preposition_is_no_locative(text, name):
    extraction = extract(text, "ru")
    assert [e.name for e in extraction.entities.values() if e.type == "person"] == [name]


def test_a_surname_in_e_is_keyed_as_shown():
    extraction = extract("Футболист Модибо Сидибе забил гол.", "ru")
    assert [k for k, e in extraction.entities.items() if e.type == "person"] == [
        "person:modibo sidibe"
    ]


def test_a_surname_in_e_after_a_preposition_may_be_a_locative():
    person = PersonName(None, "Сидиб")  # «Сидибе» read as Сидиб's locative
    assert locative_misread("Он видел Сидибе.", 9, "Сидибе", person)
    assert not locative_misread("Писали о Сидибе.", 9, "Сидибе", person)


def test_a_namesake_runs_on_past_a_particle():
    found = mentions(
        "Фестиваль имени Людвига ван Бетховена открылся в Бонне, гости прилетели в аэропорт "
        "имени Шарля де Голля.",
        "person",
    )
    assert found.get("Людвига ван Бетховена", "missing") is None
    assert found.get("Шарля де Голля", "missing") is None


@pytest.mark.parametrize(
    "span, name",
    [("Мишель\xa0—", "Мишель"), ("Тимур \xad—", "Тимур"), ("Ратко Младич'", "Ратко Младич")],
)
def test_a_dash_or_a_quote_natasha_leaves_after_a_name_is_cut(span, name):
    assert span.rstrip(STRAY_TAIL) == name


@pytest.mark.parametrize(
    "text, name, latin",
    [
        # the Latin spelling first in the brackets, before a comma
        (
            "Суд оштрафовал бизнесмена Карсона Лина (Carson Lin, также известного как Лин Цзя).",
            "Карсона Лина",
            "Carson Lin",
        ),
        # after a name of one word
        ("Его сыновья Юнас (Jonas) и Маттиас (Mathias) молчали.", "Юнас", "Jonas"),
        # the full stop of «Jr.» is left out, as NEREL spans it
        (
            "Выборы выиграл Кен Бреннан (Ken Brennan Jr.), бывший судья.",
            "Кен Бреннан",
            "Ken Brennan Jr",
        ),
    ],
)
def test_a_latin_spelling_in_brackets_is_the_same_person(text, name, latin):
    found = mentions(text, "person")
    assert found[latin] == found[name]


def test_a_list_of_latin_pseudonyms_in_brackets_is_no_spelling_of_the_name():
    assert latin_spelling_after(" (Ishome, Shadowax)", 0) is None
    text = " (Carson Lin, также …)"
    assert latin_spelling_after(text, 0) == (2, 12)
