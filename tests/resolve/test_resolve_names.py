"""Person names: nominative forms of inflected mentions, keys across scripts, English
name candidates."""

from __future__ import annotations

import time

import pytest

from pledgewatch.resolve.names import (
    PersonName,
    english_name_candidates,
    is_person_name_like,
    name_key,
    normalize_person_name,
    surname_key,
)

# (mention, nominative full name, gender)
FORMS = [
    # a regnal number stays as written
    ("Елизаветы II", "Елизавета II", "femn"),
    ("Людовика XIV", "Людовик XIV", "masc"),
    # a woman with a Turkic surname that does not decline
    ("Айгерим Тлеужан", "Айгерим Тлеужан", "femn"),
    # a feminine -ова surname in every case
    ("Айгерим Тлеужанова", "Айгерим Тлеужанова", "femn"),
    ("Айгерим Тлеужановой", "Айгерим Тлеужанова", "femn"),
    ("Айгерим Тлеужанову", "Айгерим Тлеужанова", "femn"),
    ("Айгерим Тлеужановою", "Айгерим Тлеужанова", "femn"),
    # -ев surname, first name in the dictionary
    ("Марат Жыланбаев", "Марат Жыланбаев", "masc"),
    ("Марата Жыланбаева", "Марат Жыланбаев", "masc"),
    ("Марату Жыланбаеву", "Марат Жыланбаев", "masc"),
    ("Маратом Жыланбаевым", "Марат Жыланбаев", "masc"),
    ("Марате Жыланбаеве", "Марат Жыланбаев", "masc"),
    # first name not in the dictionary
    ("Ержана Елшибаева", "Ержан Елшибаев", "masc"),
    ("Ержану Елшибаеву", "Ержан Елшибаев", "masc"),
    ("Ержаном Елшибаевым", "Ержан Елшибаев", "masc"),
    ("Ержане Елшибаеве", "Ержан Елшибаев", "masc"),
    # consonant-final Turkic surname: declines for a man
    ("Темирлан Енсебек", "Темирлан Енсебек", "masc"),
    ("Темирлана Енсебека", "Темирлан Енсебек", "masc"),
    ("Темирлану Енсебеку", "Темирлан Енсебек", "masc"),
    ("Темирланом Енсебеком", "Темирлан Енсебек", "masc"),
    ("Темирлане Енсебеке", "Темирлан Енсебек", "masc"),
    ("Жанболата Мамая", "Жанболат Мамай", "masc"),
    ("Жанболату Мамаю", "Жанболат Мамай", "masc"),
    ("Жанболатом Мамаем", "Жанболат Мамай", "masc"),
    ("Жанболате Мамае", "Жанболат Мамай", "masc"),
    ("Думана Мухаммедкарима", "Думан Мухаммедкарим", "masc"),
    ("Думану Мухаммедкариму", "Думан Мухаммедкарим", "masc"),
    ("Думаном Мухаммедкаримом", "Думан Мухаммедкарим", "masc"),
    ("Кайрата Сатыбалды", "Кайрат Сатыбалды", "masc"),
    ("Кагаза Тажибека", "Кагаз Тажибек", "masc"),
    # women's names in and out of the dictionary
    ("Асель Жумабаевой", "Асель Жумабаева", "femn"),
    ("Асель Жумабаеву", "Асель Жумабаева", "femn"),
    ("Гульнары Бажкеновой", "Гульнара Бажкенова", "femn"),
    ("Гульнаре Бажкеновой", "Гульнара Бажкенова", "femn"),
    ("Гульнару Бажкенову", "Гульнара Бажкенова", "femn"),
    ("Гульнарой Бажкеновой", "Гульнара Бажкенова", "femn"),
    ("Улфатхоним Мамадшоевой", "Улфатхоним Мамадшоева", "femn"),
    ("Салтанат Нургалиевой", "Салтанат Нургалиева", "femn"),
    ("Ботагоз Исабаевой", "Ботагоз Исабаева", "femn"),
    ("Сауле Мухаметрахимовой", "Сауле Мухаметрахимова", "femn"),
    ("Алии Турусбековой", "Алия Турусбекова", "femn"),
    ("Айпери Асановой", "Айпери Асанова", "femn"),
    ("Инги Иманбай", "Инга Иманбай", "femn"),
    ("Макена Асанова", "Макена Асанова", "femn"),
    # the man's name with a woman's surname: the surname's ending decides the surname
    ("Бахытжан Торегожиной", "Бахытжан Торегожина", "femn"),
    ("Бахытжана Торегожиной", "Бахытжан Торегожина", "femn"),
    # more men
    ("Азимжана Аскарова", "Азимжан Аскаров", "masc"),
    ("Азимжаном Аскаровым", "Азимжан Аскаров", "masc"),
    ("Нурлана Асанова", "Нурлан Асанов", "masc"),
    ("Нурлана Асаинова", "Нурлан Асаинов", "masc"),
    ("Ерлана Калиева", "Ерлан Калиев", "masc"),
    ("Шавката Мирзиёева", "Шавкат Мирзиёев", "masc"),
    ("Нұрлана Асанова", "Нұрлан Асанов", "masc"),
    ("Эмомали Рахмона", "Эмомали Рахмон", "masc"),
    ("Рустамом Эмомали", "Рустам Эмомали", "masc"),
    # Kazakh spelling of a woman's name
    ("Әйгерім Тілеужан", "Әйгерім Тілеужан", "femn"),
    # -ский and other adjectival surnames, dictionary surnames, -ко
    ("Анны Маковской", "Анна Маковская", "femn"),
    ("Станислава Маковского", "Станислав Маковский", "masc"),
    ("Ивана Толстого", "Иван Толстой", "masc"),
    ("Алексея Навального", "Алексей Навальный", "masc"),
    ("Юлии Навальной", "Юлия Навальная", "femn"),
    ("Тараса Шевченко", "Тарас Шевченко", "masc"),
    ("Семёна Петрова", "Семён Петров", "masc"),
    # «Анне» is also the indeclinable Anne: the dative of Анна first
    ("Анне Смирновой", "Анна Смирнова", "femn"),
    # double surnames, double first names
    ("Зульфии Ахмедовой-Исмаиловой", "Зульфия Ахмедова-Исмаилова", "femn"),
    ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев", "masc"),
    # Turkic patronymics with a particle are kept as they are
    ("Макена Тажибек кызы", "Макена Тажибек кызы", "femn"),
    ("Макены Тажибек кызы", "Макена Тажибек кызы", "femn"),
    ("Азамата Жолдошбек уулу", "Азамат Жолдошбек уулу", "masc"),
    ("Бахтиёра Рузимурод угли", "Бахтиёр Рузимурод угли", "masc"),
    ("Нуржана Тоқтарұлы", "Нуржан Тоқтарұлы", "masc"),
    # Russian patronymics, official order, capitals
    ("Марата Токтаровича Жыланбаева", "Марат Токтарович Жыланбаев", "masc"),
    ("Жыланбаева Марата Токтаровича", "Марат Токтарович Жыланбаев", "masc"),
    ("Айгерим Маратовны Тлеужан", "Айгерим Маратовна Тлеужан", "femn"),
    ("ЖЫЛАНБАЕВ Марат", "Марат Жыланбаев", "masc"),
    # initials
    ("М. Жыланбаев", "М. Жыланбаев", "masc"),
    ("Жыланбаев М.", "М. Жыланбаев", "masc"),
    ("М.Т.Жыланбаеву", "М.Т. Жыланбаев", "masc"),
    ("Жыланбаева М.Т.", "М.Т. Жыланбаева", "femn"),  # nominative unless told otherwise
    ("ЖЫЛАНБАЕВ Марат Токтарович", "Марат Токтарович Жыланбаев", "masc"),
    ("Марата Токтаровича", "Марат Токтарович", "masc"),
    ("Марата Жыланбаева.", "Марат Жыланбаев", "masc"),
    ("«Марата Жыланбаева»", "Марат Жыланбаев", "masc"),
    ("ЖыланбаевуМ.Т.", "М.Т. Жыланбаев", "masc"),
    # a man's noun-like surname in «-ца» declines as the noun does
    ("Эмира Кустурицы", "Эмир Кустурица", "masc"),
    ("Эмира Кустурицу", "Эмир Кустурица", "masc"),
    ("Эмиру Кустурице", "Эмир Кустурица", "masc"),
    ("Готфрида Лейбница", "Готфрид Лейбниц", "masc"),
    ("Ивана Кравца", "Иван Кравец", "masc"),
    # a surname in «-ы» is the genitive of one in «-а», but Kazakh ones in «-лды» stay
    ("Ивана Гурбы", "Иван Гурба", "masc"),
    ("Барака Обамы", "Барак Обама", "masc"),
    # a particle written in lower case stays so
    ("Людвига ван Бетховена", "Людвиг ван Бетховен", "masc"),
    ("Шарля де Голля", "Шарль де Голль", "masc"),
    # one word
    ("Марата", "Марат", "masc"),
    ("Жыланбаева", "Жыланбаева", "femn"),
    ("Енсебека", "Енсебек", "masc"),
]


@pytest.mark.parametrize(("mention", "full", "gender"), FORMS)
def test_nominative(mention, full, gender):
    name = normalize_person_name(mention)
    assert (name.full, name.gender) == (full, gender), name


@pytest.mark.parametrize(("mention", "full", "_gender"), FORMS)
def test_nominative_is_stable(mention, full, _gender):
    assert normalize_person_name(full).full == full


@pytest.mark.parametrize("case", ["Nom", "Gen", "Dat", "Acc", "Ins", "Loc"])
def test_fixed_turkic_surname_in_every_case(case):
    # The tagger's case cannot make Тлеужан decline for a woman.
    feats = [{"Case": case, "Gender": "Fem"}] * 2
    assert normalize_person_name("Айгерим Тлеужан", feats).full == "Айгерим Тлеужан"
    assert normalize_person_name("Айгерим Тлеужан", case_hint=case).full == "Айгерим Тлеужан"


def test_parts():
    assert normalize_person_name("Марата Токтаровича Жыланбаева") == PersonName(
        "Марат", "Жыланбаев", "Токтарович", None
    )
    assert normalize_person_name("Жыланбаева М.Т.") == PersonName(None, "Жыланбаева", None, "М.Т.")
    assert normalize_person_name("Макены Тажибек кызы") == PersonName(
        "Макена", None, "Тажибек кызы", None
    )
    assert normalize_person_name(["Марата", "Жыланбаева"]).full == "Марат Жыланбаев"


FEATURES = [
    # the tagger's features settle what the words alone leave open
    ("Жыланбаева", [{"Case": "Gen", "Gender": "Masc"}], {}, "Жыланбаев"),
    ("Жыланбаева", [{"Case": "Nom", "Gender": "Fem"}], {}, "Жыланбаева"),
    ("Жыланбаева М.Т.", None, {"case_hint": "Gen"}, "М.Т. Жыланбаев"),
    ("Жыланбаева М.Т.", None, {"gender_hint": "Masc"}, "М.Т. Жыланбаев"),
    ("Жыланбаевой", None, {"gender_hint": "femn"}, "Жыланбаева"),
    # feats of natasha's tokens, punctuation included: counted, not aligned
    ("М. Жыланбаева", [{"Case": "Gen", "Gender": "Masc"}, {}, {"Case": "Gen"}], {}, "М. Жыланбаев"),
    ("Марата Жыланбаева", [{"Case": "Gen"}, {"Case": "Gen"}], {}, "Марат Жыланбаев"),
]


@pytest.mark.parametrize(("mention", "feats", "hints", "full"), FEATURES)
def test_hints(mention, feats, hints, full):
    assert normalize_person_name(mention, feats, **hints).full == full


KNOWN_FAILURES = [
    # A first name missing from the dictionary and from FEMALE_NAMES, in -а, with an -ова
    # surname: read as a man's genitive (Назир Асанов), which is the likelier reading in
    # political cases. The tagger's features (Case=Nom) fix it.
    ("Дилфуза Асанова", "Дилфуза Асанова"),
]


@pytest.mark.xfail(reason="ambiguous without tagger features; see KNOWN_FAILURES", strict=True)
@pytest.mark.parametrize(("mention", "full"), KNOWN_FAILURES)
def test_known_failures(mention, full):
    assert normalize_person_name(mention).full == full


def test_known_failure_fixed_by_features():
    feats = [{"Case": "Nom", "Gender": "Fem"}] * 2
    assert normalize_person_name("Дилфуза Асанова", feats).full == "Дилфуза Асанова"


@pytest.mark.parametrize("first", ["Назира", "Мунира", "Малика", "Фарида"])
def test_a_listed_womans_name_is_hers_unless_the_tagger_reads_a_mans_genitive(first):
    # the dictionary also knows Назир, Мунир …: a man's genitive when the tagger says so
    assert normalize_person_name(f"{first} Асанова").full == f"{first} Асанова"
    genitive = [{"Case": "Gen", "Gender": "Masc"}] * 2
    assert normalize_person_name(f"{first} Асанова", genitive).full == f"{first[:-1]} Асанов"


def test_initials_only_and_empty():
    assert normalize_person_name("М.Т.") == PersonName(None, None, None, "М.Т.")
    assert normalize_person_name("") == PersonName(None, None)
    assert normalize_person_name("").full == ""


def test_latin_names_are_split_not_inflected():
    assert normalize_person_name("Marat Zhylanbayev") == PersonName("Marat", "Zhylanbayev")
    assert normalize_person_name("ZHYLANBAYEV Marat") == PersonName("Marat", "Zhylanbayev")
    kanykei = normalize_person_name("Kanykei Tajibek kyzy")
    assert (kanykei.first, kanykei.patronymic, kanykei.gender) == (
        "Kanykei",
        "Tajibek kyzy",
        "femn",
    )
    assert normalize_person_name("M. Zhylanbayev") == PersonName(None, "Zhylanbayev", None, "M.")


SAME_PERSON = [
    [
        "Марат Жыланбаев",
        "Марата Жыланбаева",
        "Marat Zhylanbayev",
        "Zhylanbayev Marat",
        "ZHYLANBAEV Marat",
        "Marat Jylanbaev",
        "Жыланбаева Марата Токтаровича",
    ],
    ["Ержан Елшибаев", "Ержана Елшибаева", "Yerzhan Yelshibayev", "Erzhan Elshibaev"],
    ["Темирлан Енсебек", "Темирлана Енсебека", "Temirlan Yensebek", "Temirlan Ensebek"],
    ["Айгерим Тлеужан", "Aigerim Tleuzhan", "Tleuzhan Aigerim"],
    ["Жанболат Мамай", "Жанболата Мамая", "Zhanbolat Mamay"],
    ["Думан Мухаммедкарим", "Думана Мухаммедкарима", "Duman Mukhammedkarim"],
    ["Макена Тажибек кызы", "Макены Тажибек кызы", "Makena Tajibek kyzy"],
    ["Рустам Акмал угли", "Рустама Акмал угли", "Rustam Akmal oʻgʻli", "Rustam Akmal o'g'li"],
    ["Эмир Кустурица", "Эмира Кустурицы", "Эмира Кустурицу"],
]


def test_name_key_of_a_display_name_in_e_is_its_nominative():
    """The entity of «Модибо Сидибе» (shown so) is keyed by Сидибе, not by Сидиб."""
    assert name_key("Модибо Сидибе") == name_key(PersonName("Модибо", "Сидибе"))


@pytest.mark.parametrize("names", SAME_PERSON, ids=lambda n: n[0])
def test_name_key_joins_forms_and_scripts(names):
    keys = {name_key(n) for n in names}
    assert len(keys) == 1, {n: name_key(n) for n in names}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Нурлан Асанов", "Нурлан Асаинов"),
        ("Жанболат Мамай", "Жанболат Мамаев"),
        ("Марат Жыланбаев", "Мурат Жыланбаев"),
        ("Нурлан Асанов", "Нуржан Асанов"),
        ("Ерлан Асанов", "Ержан Асанов"),
        ("Марат Жыланбаев", "Айгерим Жыланбаева"),
    ],
)
def test_name_key_keeps_people_apart(a, b):
    assert name_key(a) != name_key(b)


def test_kazakh_spelling_is_close():
    from rapidfuzz import fuzz

    a, b = name_key("Әйгерім Тілеужан"), name_key("Айгерим Тлеужан")
    assert a != b and fuzz.ratio(a, b) >= 85


def test_surname_key():
    assert surname_key("Марата Жыланбаева") == surname_key("Marat Zhylanbayev") == "jilanbaev"
    assert surname_key(normalize_person_name("Жыланбаева", [{"Case": "Gen"}])) == "jilanbaev"
    assert surname_key("Zhylanbayev") == "jilanbaev"
    assert surname_key("Айгерим Тлеужановой") == "tleujanova"
    assert surname_key("Макена Тажибек кызы") == "tajibek kizi"


NAME_LIKE = [
    ("Marat Zhylanbayev", True),
    ("Kassym-Jomart Tokayev", True),
    ("Kanykei Tajibek kyzy", True),
    ("Aigerim Tleuzhan", True),
    ("Akhmedova-Ismailova Zulfiya", True),
    ("M. Zhylanbayev", True),
    ("Marat", False),
    ("Marat Zhylanbayev Toktarovich Junior", False),
    ("Human Rights Watch", False),
    ("Kazakhstan International Bureau", False),
    ("Almaty City Court", False),
    ("Tuesday March", False),
    ("The Committee", False),
    ("President Tokayev", False),
    ("marat zhylanbayev", False),
    ("OSCE ODIHR", False),
    ("Марат Жыланбаев", False),
]


@pytest.mark.parametrize(("text", "expected"), NAME_LIKE)
def test_is_person_name_like(text, expected):
    assert is_person_name_like(text) is expected


STATEMENT = (
    "On 4 April 2025, Human Rights Watch and the Norwegian Helsinki Committee urged Kazakh "
    "President Kassym-Jomart Tokayev to free activist Marat Zhylanbayev, Aigerim Tleuzhan "
    "and M. Yensebek. Free Marat Zhylanbayev! The Almaty City Court sentenced Duman "
    "Mukhammedkarim. Kanykei Tajibek kyzy and Zhylanbayev's lawyer spoke at the Ulugbek "
    "Abdullaev Foundation. In Bishkek, Kamila Asanova said that Radio Free Europe reported it "
    "in January. Civil Rights Defenders, Freedom Now and IPHR wrote to Max Bokayev’s family."
)


def test_english_name_candidates():
    found = english_name_candidates(STATEMENT)
    assert [name for _, _, name in found] == [
        "Kassym-Jomart Tokayev",
        "Marat Zhylanbayev",
        "Aigerim Tleuzhan",
        "M. Yensebek",
        "Marat Zhylanbayev",
        "Duman Mukhammedkarim",
        "Kanykei Tajibek kyzy",
        "Kamila Asanova",
        "Max Bokayev",
    ]
    for start, end, name in found:
        assert STATEMENT[start:end] == name


def test_english_candidates_need_single_spaces():
    assert english_name_candidates("Marat\nZhylanbayev was held.") == []
    assert english_name_candidates("Marat  Zhylanbayev") == []


def test_cached_call_is_fast():
    mention, feats = "Марата Жыланбаева", [{"Case": "Gen"}, {"Case": "Gen"}]
    normalize_person_name(mention)
    normalize_person_name(mention, feats)
    n = 2000
    t0 = time.perf_counter()
    for _ in range(n):
        normalize_person_name(mention)
        normalize_person_name(mention, feats)
    per_call = (time.perf_counter() - t0) / (2 * n)
    assert per_call < 50e-6
