"""Role facts: which profession spans describe which person (extract.roles), the profession
spans a role fact records (what `eval nerel` scores as WORKS_AS), and the profession spans
of deputies and acting office holders. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract


def _roles(text: str) -> set[tuple[str, str, str]]:
    """(person name, role, profession text) of every role fact."""
    ex = extract(text, "ru")
    return {
        (ex.entities[f.subject].name, f.attributes["role"], text[start:end])
        for f in ex.facts
        if f.type == "role"
        for _type, start, end in f.spans
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the name, with a comma or a dash, or with an adjective and a rank between
        (
            "Президент Казахстана, Касым-Жомарт Токаев, подписал закон.",
            {("Касым-Жомарт Токаев", "official", "Президент Казахстана")},
        ),
        (
            "Министр юстиции — Азамат Бекетаев.",
            {("Азамат Бекетаев", "official", "Министр юстиции")},
        ),
        (
            "Журналист из Каракалпакстана Даулетмурат Тажимуратов осуждён.",
            {("Даулетмурат Тажимуратов", "journalist", "Журналист")},
        ),
        # apposition after the name, adjectives allowed
        (
            "Ерлан Калиев — известный казахстанский правозащитник.",
            {("Ерлан Калиев", "human_rights_defender", "правозащитник")},
        ),
        # the complement of a linking verb or a post
        (
            "Сергей Иванов в 2020 году стал министром обороны.",
            {("Сергей Иванов", "official", "министром обороны")},
        ),
        (
            "Вчера Олег Петров освобождён от должности прокурора области.",
            {("Олег Петров", "prosecutor", "прокурора области")},
        ),
        (
            "Новым акимом города стал Нурлан Сапаров.",
            {("Нурлан Сапаров", "official", "акимом города")},
        ),
        # coordinated professions share the name; one fact per role
        (
            "Юрист и журналист Даулетмурат Тажимуратов осуждён.",
            {
                ("Даулетмурат Тажимуратов", "lawyer", "Юрист"),
                ("Даулетмурат Тажимуратов", "journalist", "журналист"),
            },
        ),
        # an acronym in brackets between the profession and the name
        (
            "Председатель Союза журналистов Казахстана (СЖК) Марат Ахметов заявил.",
            {("Марат Ахметов", "journalist", "Председатель Союза журналистов Казахстана")},
        ),
        # the object of a verb of appointing, the profession in the instrumental after it
        (
            "Президент назначил Нурлана Сапарова первым заместителем министра.",
            {("Нурлан Сапаров", "official", "первым заместителем министра")},
        ),
        (
            "Пока Ерлан Калиев остаётся главой департамента, ничего не изменится.",
            {("Ерлан Калиев", "other", "главой департамента")},
        ),
        # an honorary title: the profession is the bare head, without the country
        (
            "Умер народный артист Казахстана Асанали Ашимов.",
            {("Асанали Ашимов", "other", "артист")},
        ),
        # a complement that is the first word of a longer name runs to the name's end
        (
            "Представитель Министерства обороны Казахстана Игорь Миронов ответил.",
            {("Игорь Миронов", "other", "Представитель Министерства обороны Казахстана")},
        ),
        # a quoted name after the profession belongs to it, up to the closing quote
        (
            "Главный редактор газеты «Время» Игорь Мельцер задержан.",
            {("Игорь Мельцер", "journalist", "Главный редактор газеты «Время")},
        ),
        # «один из» and a plural profession after the name
        (
            "Умер Булат Аюханов, один из самых известных хореографов страны.",
            {("Булат Аюханов", "other", "хореографов страны")},
        ),
        # a plural profession before a list of names describes each of them
        (
            "Задержаны активисты Айгерим Тлеужан и Бейбарс Толымбеков.",
            {
                ("Айгерим Тлеужан", "activist", "активисты"),
                ("Бейбарс Толымбеков", "activist", "активисты"),
            },
        ),
        # a plural profession, then a dash or colon before the list
        (
            "Альбом записали музыканты оркестра — Иван Петров, Олег Сидоров и Анна Смирнова.",
            {
                ("Иван Петров", "other", "музыканты оркестра"),
                ("Олег Сидоров", "other", "музыканты оркестра"),
                ("Анна Смирнова", "other", "музыканты оркестра"),
            },
        ),
        (
            "Под следствием три бывших министров: Иван Петров (1990—1995 годы) и Олег Сидоров.",
            {("Иван Петров", "official", "министров"), ("Олег Сидоров", "official", "министров")},
        ),
        # «одна из» and a plural profession before one name
        (
            "Одна из солисток ансамбля Анна Смирнова ушла на пенсию.",
            {("Анна Смирнова", "other", "солисток ансамбля")},
        ),
        # the profession's own place or body left out of its span between it and the name
        (
            "Премьер-министр страны Иван Петров уехал.",
            {("Иван Петров", "official", "Премьер-министр страны")},
        ),
        (
            "Министр экономики области Анна Смирнова уволена.",
            {("Анна Смирнова", "official", "Министр экономики")},
        ),
        # linking verbs: «признана», «переизбран», «считается», «исполняет обязанности»
        (
            "Анна Смирнова признана лучшей актрисой года.",
            {("Анна Смирнова", "other", "актрисой")},
        ),
        (
            "Иван Петров переизбран председателем совета.",
            {("Иван Петров", "other", "председателем совета")},
        ),
        (
            "Иван Петров будет исполнять обязанности губернатора.",
            {("Иван Петров", "official", "губернатора")},
        ),
        # the profession in the instrumental, a linking verb, then the name
        (
            "Ранее министром финансов был Иван Петров.",
            {("Иван Петров", "official", "министром финансов")},
        ),
        # «первый» is part of a first deputy's profession only
        (
            "Иван Петров стал первым губернатором, ушедшим в отставку досрочно.",
            {("Иван Петров", "official", "губернатором")},
        ),
        (
            "Иван Петров назначен первым вице-президентом компании.",
            {("Иван Петров", "official", "первым вице-президентом компании")},
        ),
        # a deputy's office and a name in the genitive: the name holds the office
        (
            "Уволен помощник генпрокурора Ивана Петрова.",
            {("Иван Петров", "prosecutor", "генпрокурора")},
        ),
        # a new word of the lexicon
        (
            "Политолог и медиаменеджер Иван Петров найден мёртвым.",
            {("Иван Петров", "other", "Политолог"), ("Иван Петров", "other", "медиаменеджер")},
        ),
        # a name in the genitive after the profession says whose office it is, not who
        # holds it: the adviser is the subject («Дмитрия» is not the rare woman's name)
        (
            "Ерлан Калиев назначен советником президента страны Дмитрия Петрова.",
            {
                ("Ерлан Калиев", "official", "советником президента страны"),
                ("Дмитрий Петров", "official", "президента страны"),
            },
        ),
        # but a profession that agrees with the name after it is that name's, in a list
        (
            "Организации призвали освободить активистку Асель Нурову, лидера оппозиционной "
            "партии Марата Калиева и блогера Ерлана Сапарова.",
            {
                ("Асель Нурова", "activist", "активистку"),
                ("Марат Калиев", "opposition_politician", "лидера оппозиционной партии"),
                ("Ерлан Сапаров", "blogger", "блогера"),
            },
        ),
        # «одним из» after a linking verb
        (
            "Асель Нурова считается одной из самых известных журналисток страны.",
            {("Асель Нурова", "journalist", "журналисток страны")},
        ),
    ],
)
def test_role_links(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the name is in the genitive: the lawyer is someone else
        ("Адвокат Ивана Петрова обжаловал приговор.", set()),
        # a verb between the profession and the name
        ("Президент встретился с семьёй Ивана Петрова.", set()),
        # a singular profession is not shared along a list of names
        ("Встреча с министром Иваном Петровым и Сергеем Ивановым прошла.", {"Иван Петров"}),
        # a relative before the profession: the name in the nominative is the relative ...
        ("На премьеру пришла дочь известного писателя Мария Петрова.", set()),
        # ... in the genitive, the writer
        ("На премьеру пришла дочь известного писателя Ивана Петрова.", {"Иван Петров"}),
        # a plural profession before one name: the lawyers are someone's
        ("Адвокаты Мадели Сингха обжаловали приговор.", set()),
        # two names in a row: the profession is the second one's, the first is the client
        (
            "Адвокат Ивана Петрова Сергей Иванов обжаловал приговор.",
            {"Сергей Иванов"},
        ),
        # a relative before «экс-» and the profession, or before a linking verb
        ("Приехала супруга экс-президента Мария Петрова.", set()),
        ("Новой пассией экс-президента стала Мария Петрова.", set()),
        # after a relative, of two names in a row the first holds the office
        ("Жена президента Ивана Петрова Мария уехала.", {"Иван Петров"}),
        # a membership between the profession and the name
        (
            "Губернатор области член партии «Единство» Иван Петров заявил.",
            {"Иван Петров"},
        ),
        # a word for whose profession it is between: «обвиняемого», «семьи»
        ("Адвоката обвиняемого Ивана Петрова не пустили в СИЗО.", set()),
        ("Адвокат семьи Ивана Петрова обжаловал приговор.", set()),
        # a surname the dictionary does not know: the masculine verb says it is the genitive
        ("Адвокат Жыланбаева заявил, что приговор обжалуют.", set()),
        # a man's surname in the nominative after «осуждённой» is the lawyer himself
        ("Адвокат осуждённой Ринат Курманов обжаловал приговор.", {"Ринат Курманов"}),
        ("Адвокат Тлеужанова заявила, что приговор обжалуют.", {"Тлеужанова"}),
        # a relative before the first of coordinated professions: all are the father's
        ("На премьеру пришла дочь известного писателя, актёра и режиссёра Мария Петрова.", set()),
        # an apposition agrees with the name in case: the cameraman is not Petrov
        ("Он работал ассистентом у Ивана Петрова, главным оператором у Олега Сидорова.", set()),
    ],
)
def test_no_role_for_someone_elses_profession(text, named):
    assert {name for name, _role, _span in _roles(text)} == named


def test_profession_before_the_next_name_is_not_the_previous_ones():
    roles = _roles("Марат Жыланбаев, правозащитник Ержан Елшибаев и другие задержаны.")
    assert roles == {("Ержан Елшибаев", "human_rights_defender", "правозащитник")}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Пресс-секретарь президента России Дмитрий Смирнов ответил журналистам.",
            "Пресс-секретарь президента России",
        ),
        (
            "Заместитель министра обороны Алексей Ким уволен.",
            "Заместитель министра обороны",
        ),
        (
            "Исполняющим обязанности акима области назначен Ерлан Нурланов.",
            "Исполняющим обязанности акима области",
        ),
    ],
)
def test_deputy_and_acting_professions_are_one_span(text, span):
    ex = extract(text, "ru")
    assert span in {m.text for m in ex.mentions if m.type == "profession"}
    assert {text[s:e] for f in ex.facts if f.type == "role" for _t, s, e in f.spans} == {span}


def test_membership_word_gives_no_role_fact():
    ex = extract("Асель Нурланова, член партии «Алга, Казахстан!», вышла на пикет.", "ru")
    # the profession runs up to the quoted name, without its closing quote, as NEREL spans it
    assert "член партии «Алга, Казахстан!" in {
        m.text for m in ex.mentions if m.type == "profession"
    }
    assert [f for f in ex.facts if f.type == "role"] == []


def test_he_in_the_next_sentence_is_the_person_named_before():
    """«Он был назначен …» in a sentence that names nobody: the one person of the sentence
    before, the evidence running over both sentences."""
    text = "Иван Петров окончил университет в Омске. В 2001 году он был назначен прокурором."
    ex = extract(text, "ru")
    (fact,) = [f for f in ex.facts if f.type == "role"]
    assert ex.entities[fact.subject].name == "Иван Петров"
    assert text[fact.evidence[0] : fact.evidence[1]] == text


@pytest.mark.parametrize(
    "text",
    [
        # a bare profession in the next sentence is someone else's
        "Ивана Петрова задержали в Омске. Адвокат заявил о пытках.",
        # two people named before: whose it is is unclear
        "Иван Петров и Олег Сидоров окончили университет. Он был назначен прокурором.",
    ],
)
def test_no_role_carried_to_the_next_sentence(text):
    ex = extract(text, "ru")
    assert [f for f in ex.facts if f.type == "role"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В июле папа Франциск принял отставку.", {"папа"}),
        ("Визит Папы в Ирак перенесли.", {"Папы"}),
        ("Мой папа пришёл за мной.", set()),
        ("Его папа Иван пришёл за ним.", set()),
    ],
)
def test_pope_is_a_title_only_before_a_name_or_capitalised(text, expected):
    ex = extract(text, "ru")
    assert {m.text for m in ex.mentions if m.type == "profession"} == expected


def test_board_of_directors_is_no_director():
    """«совета директоров» names a board: «директоров» in it is no profession mention,
    while «председатель совета директоров» is one."""
    ex = extract("Председатель совета директоров банка Иван Петров уволен.", "ru")
    professions = {m.text for m in ex.mentions if m.type == "profession"}
    assert "директоров" not in professions
    assert "Председатель совета директоров банка" in professions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party or sex after the hyphen is no part of the profession
        ("Вчера сенатора-демократа Ивана Петрова обвинили.", {"сенатора"}),
        ("Писатель-сатирик Иван Петров умер.", {"Писатель-сатирик"}),
        ("Клуб премьер-лиги уволил тренера.", {"тренера"}),
        # fixed phrases: a government, a memorial, a holiday, a champion of a cause
        ("Совет министров Кубы собрался в среду.", set()),
        ("Цветы возложили к могиле Неизвестного солдата.", set()),
        ("В школе отметили День учителя.", set()),
        ("Он известный борец за свободу слова.", set()),
        # a crowd of activists, not one activist's work
        ("Активисты собрались у мэрии.", set()),
        ("Активист Иван Петров задержан.", {"Активист"}),
        # «премьера» after «экс-» is a premier, not a première
        ("Противники экс-премьера Ивана Петрова вышли на улицы.", {"премьера"}),
        # a degree, an honour and a series are no physicians; a doctor before a name is one
        ("Он получил степень доктора в Оксфорде.", set()),
        ("Композитор был почётным доктором университетов.", {"Композитор"}),
        ("Вышел новый сезон сериала «Доктор Кто».", set()),
        ("Вчера доктор Иван Петров уволен.", {"доктор"}),
        # an adjective that agrees with the noun after it in another reading than the
        # likely one: «военные преступления» are crimes
        ("Ему предъявили военные преступления.", set()),
        ("Военные захватили здание.", {"Военные"}),
        # «управляющий» with a complement is one mention, as «директор музея»
        ("Вчера управляющий фонда Иван Петров ушёл.", {"управляющий фонда"}),
        # representatives and members in the plural are a group, in the singular a post
        ("Представители прокуратуры отказались от комментариев.", set()),
        ("Вчера члены комиссии собрались.", set()),
        (
            "Представитель прокуратуры Иван Петров отказался от комментариев.",
            {"Представитель прокуратуры"},
        ),
    ],
)
def test_profession_words_in_compounds_fixed_phrases_and_crowds(text, expected):
    ex = extract(text, "ru")
    assert {m.text for m in ex.mentions if m.type == "profession"} == expected


def test_an_outlet_with_an_adjective_between_the_profession_and_the_name():
    text = "Суд вынес приговор журналистке местного издания «Азаттык» Гулзат Абдыкеримовой."
    assert _roles(text) == {("Гулзат Абдыкеримова", "journalist", "журналистке")}


def test_a_profession_coordinated_with_an_honorary_title_before_the_name():
    text = "Вчера умер актёр театра и кино, народный артист России Алексей Жаров."
    assert _roles(text) == {
        ("Алексей Жаров", "other", "актёр театра и кино"),
        ("Алексей Жаров", "other", "артист"),
    }


def test_a_profession_coordinated_with_an_honorary_title_and_its_country():
    text = "Скончалась народная артистка СССР, оперная певица Анна Мусина."
    assert _roles(text) == {
        ("Анна Мусина", "other", "артистка"),
        ("Анна Мусина", "other", "оперная певица"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # the name again in its own spelling, in brackets, before the apposition
        "Вчера умер Олег Мусин (Oleg Musin) — канадский фигурист.",
        # a comma and a dash
        "Им стал 48-летний Олег Мусин (Oleg Musin), — фигурист из Омска.",
    ],
)
def test_apposition_after_the_name_spelled_in_brackets(text):
    assert _roles(text) == {("Олег Мусин", "other", "фигурист")}


def test_a_list_of_names_each_after_its_professions():
    text = (
        "Авторами стали Олег Мусин (Oleg Musin), профессор экономики, "
        "президент фонда Иван Петров и другие."
    )
    roles = _roles(text)
    assert not {r for r in roles if r[0] == "Олег Мусин"}
    assert ("Иван Петров", "other", "профессор экономики") in roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective after «и» before the second of coordinated professions
        (
            "Бывший артист балета и российский военный Олег Мусин вышел на свободу.",
            {("Олег Мусин", "other", "артист балета"), ("Олег Мусин", "other", "военный")},
        ),
        # a hyphen with spaces for a dash between them
        (
            "Ведомством руководит бывший директор - доктор Анна Мусина.",
            {("Анна Мусина", "other", "директор"), ("Анна Мусина", "other", "доктор")},
        ),
    ],
)
def test_coordinated_professions_before_the_name(text, expected):
    assert _roles(text) == expected


def test_names_after_a_plural_profession_and_kak_are_each_one():
    text = "Он работал с такими режиссёрами, как Иван Петров, Олег Сидоров и Анна Мусина."
    assert _roles(text) == {
        ("Иван Петров", "other", "режиссёрами"),
        ("Олег Сидоров", "other", "режиссёрами"),
        ("Анна Мусина", "other", "режиссёрами"),
    }


def test_a_womans_name_the_dictionary_takes_for_a_mans_genitive_holds_the_profession():
    # «Мунира» is also Мунир's genitive; after «его адвокат» the name was read as hers
    text = "Об этом сообщила его адвокат Мунира Рахимова."
    assert {(name, role) for name, role, _ in _roles(text)} == {("Мунира Рахимова", "lawyer")}


@pytest.fixture
def rules_only(monkeypatch):
    """Role facts from the rules alone, without the trained model's guesses."""
    monkeypatch.setattr("pledgewatch.extract.role_model.role_model", lambda: None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the span of the profession leaves out the closing quote of the name in it
        (
            "Об этом сообщил директор компании «Арал Тауэрс», Ерлан Сапаров.",
            {("Ерлан Сапаров", "other", "директор компании «Арал Тауэрс")},
        ),
        (
            "Лидер группы «Ырыс», музыкант Нурлан Абдыкадыров выступил в Бишкеке.",
            {
                ("Нурлан Абдыкадыров", "other", "Лидер группы «Ырыс"),
                ("Нурлан Абдыкадыров", "other", "музыкант"),
            },
        ),
    ],
)
def test_a_profession_that_ends_in_a_quoted_name(rules_only, text, expected):
    assert _roles(text) == expected


def test_a_list_after_a_colon_makes_a_plural_of_a_form_that_may_be_singular():
    # «футболистки» is also the genitive singular
    text = "На сбор вызваны футболистки клуба «Алтай»: Айгерим Нурланова и Дана Сапарова."
    assert _roles(text) == {
        ("Айгерим Нурланова", "other", "футболистки клуба «Алтай"),
        ("Дана Сапарова", "other", "футболистки клуба «Алтай"),
    }


def test_a_biography_goes_on_without_the_subject(rules_only):
    """A sentence with no subject before its linking verb, after a date at most, is about
    the person named last, two sentences back here; the evidence runs from that one."""
    text = (
        "Нурлан Абдыкадыров родился в Оше. Окончил университет в Бишкеке. "
        "С 2002 года был депутатом городского совета."
    )
    ex = extract(text, "ru")
    (fact,) = [f for f in ex.facts if f.type == "role"]
    assert ex.entities[fact.subject].name == "Нурлан Абдыкадыров"
    assert [text[start:end] for _, start, end in fact.spans] == ["депутатом городского совета"]
    assert text[fact.evidence[0] : fact.evidence[1]] == text


@pytest.mark.parametrize(
    "text",
    [
        # the verb is a woman's, the name a man's
        "Нурлан Абдыкадыров родился в Оше. Работала прокурором.",
        # the name before is in the genitive: the friend is the subject
        "Давний друг Тимура Ахмедова уехал из страны. В 2005 году был назначен прокурором.",
        # a subject before the verb
        "Нурлан Абдыкадыров родился в Оше. Новый прокурор был назначен в мае.",
    ],
)
def test_no_role_for_a_subjectless_sentence_about_someone_else(rules_only, text):
    assert _roles(text) == set()


def test_carried_links_of_one_role_are_one_fact():
    """Links carried to the same person and role, by the rule or the model, make one fact
    with every span: facts with the same evidence would be dropped as copies."""
    text = (
        "Нурлан Абдыкадыров окончил цирковое училище. "
        "Работал эквилибристом, позже в 1991 году стал клоуном."
    )
    ex = extract(text, "ru")
    facts = [f for f in ex.facts if f.type == "role"]
    assert len(facts) == 1
    assert {text[start:end] for _, start, end in facts[0].spans} == {"эквилибристом", "клоуном"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's adjective before «лидер», a field's before «деятель»
        (
            "Тройку замыкает казахстанский лидер Касым-Жомарт Токаев.",
            {("Касым-Жомарт Токаев", "other", "казахстанский лидер")},
        ),
        (
            "Выступил общественный деятель Нурлан Абдыкадыров.",
            {("Нурлан Абдыкадыров", "other", "общественный деятель")},
        ),
    ],
)
def test_leader_and_figure_after_an_adjective(text, expected):
    assert _roles(text) == expected


def test_leader_alone_is_no_profession():
    ex = extract("Вчера лидер сошёл с дистанции.", "ru")
    assert [m for m in ex.mentions if m.type == "profession"] == []


def test_a_plural_apposition_after_one_name_is_not_its(rules_only):
    text = "Среди соседей Нурлана Абдыкадырова — видные деятели Бишкека."
    assert _roles(text) == set()


def test_the_next_clause_of_a_subjectless_sentence_links_its_profession_too(rules_only):
    text = (
        "Нурлан Абдыкадыров родился в Оше. "
        "С 2002 года был депутатом городского совета, а в 2010 году стал мэром."
    )
    assert _roles(text) == {
        ("Нурлан Абдыкадыров", "official", "депутатом городского совета"),
        ("Нурлан Абдыкадыров", "official", "мэром"),
    }


def test_a_participle_of_a_linking_verb_after_the_name(rules_only):
    text = "Айдар Сейтов, ранее работавший прокурором, задержан в Алматы."
    assert _roles(text) == {("Айдар Сейтов", "prosecutor", "прокурором")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the station an unknown acronym names, before another profession and the name
        (
            "Вчера командир МКС космонавт Тимур Ахмедов вышел в открытый космос.",
            {
                ("Тимур Ахмедов", "other", "командир МКС"),
                ("Тимур Ахмедов", "other", "космонавт"),
            },
        ),
        # whose lawyer: a person of their own, left out of the profession
        (
            "Адвокат Рахимова Олег Савченко обжаловал приговор.",
            {("Олег Савченко", "lawyer", "Адвокат")},
        ),
    ],
)
def test_a_capitalised_genitive_between_the_profession_and_the_name(rules_only, text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a relative, a name whose last word is in the nominative is the relative's,
        # though its first word does not decline
        ("На приём пришла беременная подруга премьер-министра Джейн Уотсон.", set()),
        # of two names after a profession in the genitive, the first holds it
        (
            "Рукопись умершего в 1990 году писателя Ивана Петрова Бетти Смит передала в музей.",
            set(),
        ),
        # the subject of «назначил на должность» appoints; the post is someone else's
        (
            "Аким Ерлан Кошанов назначил его на должность заместителя акима.",
            {("Ерлан Кошанов", "Аким")},
        ),
        # a name after a preposition is not the subject of «занимал пост»
        ("До Ерлана пост генерального директора завода занимал Рустам Ильясов.", set()),
        # standing for a post is not holding it
        ("Ерлан Кошанов будет баллотироваться на пост акима Алматы.", set()),
        ("Нурлан Сапаров выставил свою кандидатуру на пост президента федерации.", set()),
        # an apposition after a companion's genitive name is not the companion's: it goes on
        # describing the first name
        (
            "Умер Рустам Ильясов, соратник Ерлана Кошанова, министр финансов в 1990-х годах.",
            {("Рустам Ильясов", "министр финансов")},
        ),
        # nor is a post after a description with a relative's name the first name's
        (
            "Айгерим Сапарова - сестра Нурлана Сапарова, занимавшего пост акима.",
            {("Нурлан Сапаров", "акима")},
        ),
        # but a kinship word that opens the clause is the name's own («Невеста» is Sapar's)
        (
            "Невеста Айгерим Сапарова, 20-летняя студентка университета, приехала в ЗАГС.",
            {("Айгерим Сапарова", "студентка университета")},
        ),
        # «Маркива» is the genitive of the «Маркив» of the sentence before: the lawyer's client
        (
            "Суд осудил блогера Нурлана Маркива. Маркив вину не признал. "
            "Адвокат Маркива заявил, что обжалует приговор.",
            {("Нурлан Маркив", "блогера")},
        ),
    ],
)
def test_no_rule_link_to_someone_elses_profession(rules_only, text, expected):
    assert {(name, span) for name, _role, span in _roles(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a seat on a legislature or a board is a post
        (
            "Член Совета Федерации от Павлодарской области Ерлан Кошанов поддержал закон.",
            {("Ерлан Кошанов", "official", "Член Совета Федерации от Павлодарской области")},
        ),
        (
            "Нурлан Сапаров, член правления «Жаркент-Банка», уволен.",
            {("Нурлан Сапаров", "other", "член правления «Жаркент-Банка»")},
        ),
        # a membership of a party or a union, or of a party's organ, is none
        ("Член партии «Алга» Нурлан Сапаров вышел на пикет.", set()),
        ("Слово взял член бюро политсовета партии Нурлан Сапаров.", set()),
    ],
)
def test_a_seat_on_a_body_is_a_role(rules_only, text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description of the person between the profession and the name
        (
            "Скончался писатель и общественный деятель, уроженец города Тараза Ерлан Кошанов.",
            {
                ("Ерлан Кошанов", "other", "писатель"),
                ("Ерлан Кошанов", "other", "общественный деятель"),
            },
        ),
        (
            "Награду вручили художественному руководителю театра, полному кавалеру ордена "
            "«Парасат» Нурлану Сапарову.",
            {("Нурлан Сапаров", "other", "художественному руководителю театра")},
        ),
        (
            "На раскопках выступил археолог из Тараза, Ерлан Кошанов.",
            {("Ерлан Кошанов", "other", "археолог")},
        ),
        # a clause between them is no description
        ("Слово взял адвокат, защищавший Ерлана Кошанова.", set()),
        # the body the profession is of, which natasha left out, bridged by the case
        (
            "Певица встретилась с главным менеджером Международного музыкального фестиваля "
            "«Жулдыз» Айгерим Сапаровой.",
            {("Айгерим Сапарова", "other", "главным менеджером")},
        ),
        # «, а ныне» coordinates two posts
        (
            "Выступил бывший вице-президент «Жаркент-Банка», а ныне член Совета Федерации "
            "Ерлан Кошанов.",
            {
                ("Ерлан Кошанов", "official", "вице-президент «Жаркент-Банка"),
                ("Ерлан Кошанов", "official", "член Совета Федерации"),
            },
        ),
    ],
)
def test_descriptions_between_a_profession_and_the_name(rules_only, text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # descriptions that are no profession before and between appositions
        (
            "Умер Ерлан Кошанов — великий казах, выдающийся художник, гуманист, один из самых "
            "известных композиторов страны.",
            {
                ("Ерлан Кошанов", "other", "художник"),
                ("Ерлан Кошанов", "other", "композиторов страны"),
            },
        ),
        (
            "Ерлан Кошанов — поэт, теоретик театра, художник.",
            {("Ерлан Кошанов", "other", "поэт"), ("Ерлан Кошанов", "other", "художник")},
        ),
        # a seat after the name, then a plural that opens the next clause
        (
            "Как заявил депутат Ерлан Кошанов, член комитета Сената по обороне, следователи "
            "ищут сообщников.",
            {
                ("Ерлан Кошанов", "official", "депутат"),
                ("Ерлан Кошанов", "official", "член комитета Сената по обороне"),
            },
        ),
        # adjectives after a comma between professions before the name
        (
            "В жюри вошёл глава департамента «Казтелекома», известный изобретатель Ерлан Кошанов.",
            {
                ("Ерлан Кошанов", "other", "глава департамента «Казтелекома»"),
                ("Ерлан Кошанов", "other", "изобретатель"),
            },
        ),
    ],
)
def test_descriptions_in_a_list_of_appositions_after_the_name(rules_only, text, expected):
    assert _roles(text) == expected


def test_names_listed_after_among_them_are_each_the_plurals(rules_only):
    text = (
        "На форум приехали известные писатели и критики, среди которых — Ерлан Кошанов "
        "из Тараза и Нурлан Сапаров из Шымкента."
    )
    assert _roles(text) == {
        ("Ерлан Кошанов", "other", "писатели"),
        ("Нурлан Сапаров", "other", "писатели"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare first name right after its profession is a person named with it
        (
            "На концерт пришла дочь известной певицы Гульнур.",
            {("Певица Гульнур", "other", "певицы")},
        ),
        (
            "От второго брака с экономистом Натальей у него есть сын.",
            {("Экономист Наталья", "other", "экономистом")},
        ),
        # not a man's name after a woman's profession, nor one after a dash
        ("Сына герцога и герцогини Уэссекских Уильяма и Кейт назвали Томасом.", set()),
        ("В этот день старшей дочери губернатора — Малике — исполняется 14 лет.", set()),
        # nor the person a body is named after
        ("Погиб боец батальона имени шейха Мансура.", set()),
    ],
)
def test_a_bare_first_name_after_its_profession_is_named_with_it(rules_only, text, expected):
    assert _roles(text) == expected


def test_a_bare_first_name_stays_without_an_entity_elsewhere(rules_only):
    extraction = extract("Вчера Мадина рассказала журналистам о суде.", "ru")
    assert [m.entity for m in extraction.mentions if m.type == "person"] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in the genitive before «и является»: the verb is the clause subject's
        (
            "Десять лет Рустам Ильясов добивается освобождения Нурлана Сапарова "
            "и является членом комитета защиты.",
            set(),
        ),
        # a name every word of which ends in «а» is in no case of a profession in the
        # instrumental: the name after the body is whose it is
        ("Он был членом Комитета защиты Леонарда Кошанова.", set()),
        # a surname in the genitive after an instrumental, its nominative in the text
        (
            "Ерлан Кошанов пострадал. Погибший полицейский был охранником Кошанова.",
            set(),
        ),
    ],
)
def test_no_link_to_a_name_in_another_case(rules_only, text, expected):
    assert {(name, span) for name, _role, span in _roles(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name's own professions between the verb and the name count as one word each
        (
            "Новым главой департамента назначен первый заместитель председателя "
            "правления областного банка генерал-майор Ерлан Кошанов.",
            ("Ерлан Кошанов", "главой департамента"),
        ),
        # a linking verb with more words after it, the profession in the instrumental
        (
            "Исполняющим обязанности ректора является проректор по науке Айгерим Сапарова.",
            ("Айгерим Сапарова", "Исполняющим обязанности ректора"),
        ),
        # «, а затем» between two posts of one name
        (
            "Рустам Ильясов был министром финансов, а затем министром юстиции.",
            ("Рустам Ильясов", "министром юстиции"),
        ),
    ],
)
def test_more_words_between_a_post_and_its_holder(rules_only, text, expected):
    assert expected in {(name, span) for name, _role, span in _roles(text)}


@pytest.mark.parametrize(
    "text",
    [
        # the instrumental of a passive verb is its agent, not a post
        "Полицейским был задержан 20-летний Ерлан Кошанов.",
        # nor is one after a preposition
        "При столкновении с офицером полиции был ранен 20-летний Ерлан Кошанов.",
    ],
)
def test_no_post_from_an_agent_in_the_instrumental(rules_only, text):
    assert not any(
        span.lower().startswith(("полицейск", "офицер")) for _n, _r, span in _roles(text)
    )


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a comma after a profession in the genitive closes its clause: the name after it
        # is the next clause's subject
        (
            "По данным сайта президента Казахстана, Ерлан Кошанов родился в Караганде.",
            ("Ерлан Кошанов", "президента Казахстана"),
        ),
        # a profession after a name and a dash is that name's, not the next one's
        (
            "Лучшими названы: Ерлан Кошанов — лучший футболист, Айдар Сапаров — тренер.",
            ("Айдар Сапаров", "футболист"),
        ),
        # the name after «по словам» is in the genitive: a nominative after it is no
        # apposition of it
        (
            "По словам Кошанова, президент подпишет указ позднее.",
            ("Кошанов", "президент"),
        ),
        # a post someone stands for is not theirs
        (
            "Газета пишет, что кандидатом на пост главы фонда будет Ерлан Кошанов.",
            ("Ерлан Кошанов", "главы фонда"),
        ),
        # a profession in the genitive after another one is its owner: the name in the
        # nominative holds the first
        (
            "Об этом сообщил менеджер музыканта Ерлан Кошанов.",
            ("Ерлан Кошанов", "музыканта"),
        ),
        # «как» agrees with the subject, not with a name in the genitive before it
        (
            "Он пришёл в театр Олега Кошанова как актёр.",
            ("Олег Кошанов", "актёр"),
        ),
        # a woman's surname in «-ая» is a nominative: the relative before the profession is
        # who she is
        (
            "Об этом сообщила мать спортсменки Даниела Кошинская.",
            ("Даниела Кошинская", "спортсменки"),
        ),
    ],
)
def test_no_link_across_a_clause_or_to_a_post_stood_for(rules_only, text, absent):
    assert absent not in {(name, span) for name, _role, span in _roles(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nominative profession before a comma is an apposition of the name after it
        (
            "Президент Казахстана, Касым-Жомарт Токаев, подписал закон.",
            ("Касым-Жомарт Токаев", "Президент Казахстана"),
        ),
        # «будучи» makes the instrumental the subject's, named after the comma
        (
            "Будучи игроком клуба «Кайрат», Ерлан Кошанов выступал за сборную.",
            ("Ерлан Кошанов", "игроком клуба «Кайрат"),
        ),
        # a list of names in the profession's case after a dash
        (
            "Альбом он записал с музыкантами группы — Вадимом Сапаровым и Ерланом Кошановым.",
            ("Вадим Сапаров", "музыкантами группы"),
        ),
        # «по словам» with an apposition in the genitive
        (
            "По словам Ерлана Кошанова, адвоката заявителя, суд отказал.",
            ("Ерлан Кошанов", "адвоката заявителя"),
        ),
        # the owner's profession in the genitive between: the name holds the first one
        (
            "Об этом сообщил менеджер музыканта Ерлан Кошанов.",
            ("Ерлан Кошанов", "менеджер"),
        ),
        # a name in the genitive after a genitive profession holds it
        (
            "Об этом сообщил командующий войсками округа генерал-полковник Ерлан Кошанов.",
            ("Ерлан Кошанов", "генерал-полковник"),
        ),
        (
            "Это сказал пресс-секретарь президента Айдара Сапарова.",
            ("Айдар Сапаров", "президента"),
        ),
        # after the dash, the profession is the second name's
        (
            "Лучшими названы: Ерлан Кошанов — лучший футболист, Айдар Сапаров — тренер.",
            ("Айдар Сапаров", "тренер"),
        ),
    ],
)
def test_links_kept_across_a_comma(rules_only, text, expected):
    assert expected in {(name, span) for name, _role, span in _roles(text)}


def test_a_city_office_keeps_its_adjective(rules_only):
    """«городской прокурор» is one post, as «окружной прокурор» is."""
    assert ("Айдар Сапаров", "prosecutor", "Городской прокурор") in _roles(
        "Городской прокурор Айдар Сапаров подписал протест."
    )
