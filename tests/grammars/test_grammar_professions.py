"""Professions of the hand-written lexicon (pledgewatch.extract.grammars.professions), the
role words of pledgewatch.extract.grammars.triggers, and world countries by name and
adjective (pledgewatch.extract.grammars.countries)."""

import pytest

from pledgewatch.extract import extract
from pledgewatch.extract.grammars.countries import country_code, find_country_adjectives
from pledgewatch.extract.grammars.professions import (
    acting_start,
    complement_end,
    find_professions,
    genitive_complement_end,
    honorary_title,
    is_title_word,
)
from pledgewatch.extract.grammars.triggers import ROLE_WORDS

# (text, [(span from modifier, head, role, complement end text or None)])
PROFESSIONS = [
    ("президента США", [("президента", "президента", "official", None)]),
    (
        "министр иностранных дел России",
        [("министр", "министр", "official", "министр иностранных дел")],
    ),
    ("Главный тренер сборной", [("Главный тренер", "тренер", "other", "Главный тренер сборной")]),
    ("актёру театра", [("актёру", "актёру", "other", "актёру театра")]),
    ("глава государства", [("глава", "глава", "other", "глава государства")]),
    # «главного» reads first as a form of the noun «главное»; before a head it is a modifier
    ("главного тренера", [("главного тренера", "тренера", "other", None)]),
    ("генерал-лейтенант", [("генерал-лейтенант", "генерал-лейтенант", "other", None)]),
    ("журналистка", [("журналистка", "журналистка", "journalist", None)]),
    # two modifiers, and a modifier in the feminine
    (
        "главный исполнительный директор",
        [("главный исполнительный директор", "директор", "other", None)],
    ),
    ("оперная певица", [("оперная певица", "певица", "other", None)]),
    # a form whose likely reading is another word's (the verb «нападать»)
    ("нападающего", [("нападающего", "нападающего", "other", None)]),
]


@pytest.mark.parametrize("text, expected", PROFESSIONS)
def test_profession(text, expected):
    found = find_professions(text)
    got = []
    for m in found:
        end = complement_end(text, m.end)
        got.append(
            (
                text[m.start : m.end],
                text[m.head_start : m.end],
                m.role,
                text[m.start : end] if end else None,
            )
        )
    assert got == expected


@pytest.mark.parametrize(
    "text",
    ["после суда", "политику партии", "критики в адрес", "военной техники", "члены"],
)
def test_not_a_profession(text):
    # «после» is a form of «посол», «политику» of «политика»; «член» needs a complement
    assert [m for m in find_professions(text) if not m.needs_complement] == []


@pytest.mark.parametrize(
    "text, head, role",
    [
        ("Швея Анна Смирнова открыла ателье.", "Швея", "other"),
        ("Его встретил настоятель храма.", "настоятель", "other"),
        ("Кинематографисты вручили премию.", "Кинематографисты", "other"),
        ("Гособвинитель запросил пять лет.", "Гособвинитель", "prosecutor"),
        ("Юрисконсульт фирмы дал пояснения.", "Юрисконсульт", "lawyer"),
        ("Фотожурналист Олег Ким снимал протест.", "Фотожурналист", "journalist"),
        ("Замгубернатора Игорь Белов ушёл в отставку.", "Замгубернатора", "official"),
        ("Выставка керамиста Ивана Белова открылась.", "керамиста", "other"),
        ("Экоактивистка Анна Лис вышла на пикет.", "Экоактивистка", "other"),
    ],
)
def test_occupation_and_office_words(text, head, role):
    (match,) = find_professions(text)
    assert (text[match.head_start : match.end], match.role) == (head, role)


def test_needs_complement():
    (match,) = find_professions("сотрудник полиции")
    assert match.needs_complement and complement_end("сотрудник полиции", match.end) == 17


@pytest.mark.parametrize(
    "text, heads",
    [
        ("встреча с экс-президентом Грузии", ["президентом"]),  # NEREL leaves «экс-» out
        ("отставка бывшего премьера Италии", ["премьера"]),
        ("на посту премьера он пробыл год", ["премьера"]),
        ("премьера фильма состоялась вчера", []),  # a première
        ("политика правительства изменилась", []),  # politics
        ("тело 90-летнего политика нашли дома", ["политика"]),
        ("Папа римский Франциск прибыл в Астану", ["Папа римский"]),
        # an adjective used as a noun before a name or an acronym, not before a noun it
        # agrees with
        ("слова ведущего Ивана Петрова", ["ведущего"]),
        ("он стал ведущим КВН", ["ведущим"]),
        ("штаб военного округа", []),
    ],
)
def test_profession_heads_in_context(text, heads):
    assert [text[m.head_start : m.end] for m in find_professions(text)] == heads


def test_adjective_is_a_profession_mention_without_a_role():
    (match,) = find_professions("досрочные президентские выборы")
    assert (match.role, match.needs_complement) == (None, False)


@pytest.mark.parametrize(
    "text",
    [
        "губернаторские выборы",
        "депутатский мандат",
        # feminine and neuter forms too
        "итоги президентской кампании",
        "депутатское расследование",
    ],
)
def test_office_adjectives_are_mentions_without_a_role(text):
    (match,) = find_professions(text)
    assert (match.role, match.needs_complement) == (None, False)


def test_membership_word_needs_a_complement_and_gives_no_role():
    (match,) = find_professions("член партии")
    assert (match.role, match.needs_complement) == (None, True)


@pytest.mark.parametrize(
    "text, deputy",
    [("советник президента", True), ("пресс-секретарь главы", True), ("адвокат", False)],
)
def test_deputies_take_a_profession_as_complement(text, deputy):
    assert find_professions(text)[0].deputy is deputy


@pytest.mark.parametrize(
    "text, expected",
    [
        ("водитель автобуса попал в аварию", "водитель автобуса"),
        ("начальник штаба округа уволен", "начальник штаба округа"),
        ("учитель биологии из Караганды", "учитель биологии"),
        ("адвокат журналиста заявил", None),  # another profession: his client
        ("лучший тренер года Иван", None),
        ("министр Иван Петров", None),  # a name is no lower-case genitive
        # adjectives whose likely reading is another case or a noun
        ("лидер испанской торговой палаты выступил", "лидер испанской торговой палаты"),
        ("инженер городской больницы", "инженер городской больницы"),
        # a preposition or conjunction ends it («в», «и» also parse as abbreviations)
        ("тренер в Москве", None),
        ("исполняющий обязанности губернатора", None),
        ("тренер команды выиграл", None),  # NEREL leaves the team out of the profession
        # what a profession is the best of, or whose head one is, is no employer
        ("лучший футболист мира Иван", None),
        ("бомбардир турнира забил", None),
        ("глава семьи уехал", None),
        # two nouns joined by «и», not a second profession
        ("министр промышленности и энергетики уехал", "министр промышленности и энергетики"),
        ("водитель автобуса и экс-министр", "водитель автобуса"),
        ("директор завода и его заместитель", "директор завода"),
    ],
)
def test_genitive_complement(text, expected):
    match = find_professions(text)[0]
    end = genitive_complement_end(text, match.end)
    assert (text[match.start : end] if end else None) == expected


@pytest.mark.parametrize(
    "text, honorary",
    [
        ("народный артист России", True),
        ("Заслуженному врачу Казахстана", True),
        ("известный артист театра", False),
    ],
)
def test_honorary_title(text, honorary):
    match = find_professions(text)[0]
    assert honorary_title(text, match.start) is honorary


@pytest.mark.parametrize(
    "text, acting",
    [
        ("назначен временно исполняющим обязанности губернатора", "временно исполняющим"),
        ("врио губернатора области", "врио"),
        ("и. о. губернатора области", "и. о."),
        ("бывший губернатор области", None),
    ],
)
def test_acting_start(text, acting):
    governor = text.index("губернатор")
    assert acting_start(text, governor) == (text.index(acting) if acting else None)


@pytest.mark.parametrize(
    "word, expected",
    [("Принц", True), ("Император", True), ("Папа", True), ("Марат", False), ("Жыланбаев", False)],
)
def test_title_word(word, expected):
    assert is_title_word(word) is expected


# A role word is a whole word: «оппозиционерку» is one (and not «оппозиционер» cut out of
# it), «оппозиционерские настроения» and «оппозиционерство» are none.
@pytest.mark.parametrize(
    "text, words",
    [
        ("Оппозиционеры вышли на митинг.", ["Оппозиционеры"]),
        ("Суд оштрафовал оппозиционерку Анну Смирнову.", ["оппозиционерку"]),
        ("встреча с оппозиционерами", ["оппозиционерами"]),
        ("Власти подавляют оппозиционерские настроения.", []),
        ("Его обвинили в оппозиционерстве.", []),
    ],
)
def test_opposition_role_word_is_a_whole_word(text, words):
    pattern = ROLE_WORDS["ru"]["opposition_politician"]
    assert [m.group() for m in pattern.finditer(text)] == words


def test_opposition_role_word_in_an_oblique_case_gives_the_role():
    text = "Суд оштрафовал оппозиционерку Анну Смирнову."
    found = extract(text, "ru")
    professions = {text[m.start : m.end] for m in found.mentions if m.type == "profession"}
    assert professions == {"оппозиционерку"}
    assert [f.attributes["role"] for f in found.facts if f.type == "role"] == [
        "opposition_politician"
    ]
    adjective = extract("Власти подавляют оппозиционерские настроения.", "ru")
    assert not [m for m in adjective.mentions if m.type == "profession"]


@pytest.mark.parametrize(
    "name, code",
    [
        ("япония", "JP"),
        ("Соединенные Штаты", "US"),
        ("США", "US"),
        ("мали", "ML"),
        ("СССР", "SU"),
        ("Британия", "GB"),
        ("Алматы", None),
    ],
)
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    "text, expected",
    [
        ("итальянскому послу", [("итальянскому", "IT")]),
        ("Британской короне", [("Британской", "GB")]),
        ("российско-китайский договор", [("российско", "RU"), ("китайский", "CN")]),
        ("британский актёр сыграл", []),  # a nationality, not the state
        ("британский премьер прибыл", [("британский", "GB")]),
        ("на русском языке", []),
        ("европейские страны", []),
    ],
)
def test_country_adjectives(text, expected):
    assert [(text[a:b], code) for a, b, code in find_country_adjectives(text)] == expected
