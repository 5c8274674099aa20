"""Laws, article references, crimes and charges as extract() finds them: the spans NEREL
scores (LAW, CRIME, CONVICTED_OF) and the charge facts researchers review."""

import pytest

from pledgewatch.extract import extract


def spans(text: str, *types: str) -> set[str]:
    return {m.text for m in extract(text, "ru").mentions if m.type in types}


def charges(text: str) -> dict[str, list[str]]:
    """Subject name -> the crime spans of its charge facts."""
    extraction = extract(text, "ru")
    found = {}
    for fact in extraction.facts:
        if fact.type == "charge":
            name = extraction.entities[fact.subject].name
            found.setdefault(name, []).extend(text[a:b] for _, a, b in fact.spans)
    return found


# (text, mention types, texts that must be among their mentions)
PRESENT = [
    # a law by its subject, with the subject's complements
    (
        "Депутаты приняли закон о слежке за пользователями мессенджеров.",
        ("instrument",),
        {"закон о слежке за пользователями мессенджеров"},
    ),
    # a law named after a person
    ("Правозащитники потребовали отменить закон Яровой.", ("instrument",), {"закон Яровой"}),
    # a quoted title «О …» names the law; an official designation (a capitalized
    # «Федеральный закон», a country, date or number) is part of the name too
    (
        "Парламент изменил закон «О средствах массовой информации».",
        ("instrument",),
        {"О средствах массовой информации"},
    ),
    (
        "Лицензию отозвали по Федеральному закону «О банковской деятельности».",
        ("instrument",),
        {"Федеральному закону «О банковской деятельности»", "О банковской деятельности"},
    ),
    (
        "Штраф назначен в нарушение Закона Украины „О защите данных“.",
        ("instrument",),
        {"Закона Украины „О защите данных“", "О защите данных"},
    ),
    (
        "Президент подписал Федеральный закон от 03.04.2019 № 77-ФЗ о пенсиях.",
        ("instrument",),
        {"Федеральный закон от 03.04.2019 № 77-ФЗ", "№ 77-ФЗ"},
    ),
    (
        "Ему сократили срок согласно закону об амнистии от 2015 года.",
        ("instrument",),
        {"закону об амнистии от 2015 года", "закону об амнистии"},
    ),
    # codes other than the criminal one, by name or abbreviation, with their country
    (
        "Депутаты внесли поправки в Гражданский кодекс РФ и Налоговый кодекс.",
        ("instrument",),
        {"Гражданский кодекс РФ", "Гражданский кодекс", "Налоговый кодекс"},
    ),
    (
        "Разработаны поправки в Кодекс РФ об административных правонарушениях.",
        ("instrument",),
        {"Кодекс РФ об административных правонарушениях"},
    ),
    # an article of such a code, of a constitution or of a law, with its nested references
    (
        "Его задержали в порядке п. 1 ч. 2 ст. 29 УПК России.",
        ("legal_provision",),
        {"п. 1 ч. 2 ст. 29 УПК России", "ч. 2 ст. 29 УПК России", "ст. 29 УПК России"},
    ),
    (
        "Строительство нарушает ч. 7 ст. 105 Лесного кодекса.",
        ("legal_provision",),
        {"ч. 7 ст. 105 Лесного кодекса", "ст. 105 Лесного кодекса"},
    ),
    (
        "Министра уволили в соответствии с пунктом «д» статьи 83 Конституции Российской Федерации.",
        ("legal_provision",),
        {
            "пунктом «д» статьи 83 Конституции Российской Федерации",
            "статьи 83 Конституции Российской Федерации",
        },
    ),
    (
        "Жители потребовали соблюдать 42-ю статью Конституции.",
        ("legal_provision",),
        {"42-ю статью Конституции"},
    ),
    (
        "Лицензию отозвали на основании статьи 23 Закона «О банках».",
        ("legal_provision",),
        {"статьи 23 Закона «О банках»"},
    ),
    # a code named inside a law's title is a law of its own; a title cut short by an
    # ellipsis ends before it; several drafts by number are named by their titles
    (
        "Внесены законопроекты № 101-7 «О внесении изменений в Уголовный кодекс» и № 102-7.",
        ("instrument",),
        {"О внесении изменений в Уголовный кодекс", "Уголовный кодекс"},
    ),
    (
        "Вступили в силу изменения в ФЗ № 244 «О регулировании азартных игр…».",
        ("instrument",),
        {"ФЗ № 244 «О регулировании азартных игр…»", "О регулировании азартных игр"},
    ),
    # a law or a constitution of a place named with its kind
    (
        "Суд сослался на Конституцию штата Колорадо.",
        ("instrument",),
        {"Конституцию штата Колорадо"},
    ),
    # a law's subject with a name in a prepositional complement
    (
        "Согласно закону о гражданской службе в Российской Федерации, он прав.",
        ("instrument",),
        {"закону о гражданской службе в Российской Федерации"},
    ),
    # an article named by its offence
    ("Блогера допросили по статье о клевете.", ("legal_provision",), {"статье о клевете"}),
    # a constitution of one edition, of the country named, or with a country adjective
    (
        "Рада вернулась к Конституции 2004 года, а по чешской конституции он уходит.",
        ("instrument",),
        {"Конституции 2004 года", "чешской конституции"},
    ),
    # the code of a country the provisions grammar does not list, and the nested references
    (
        "Его осудили по ч. 3 ст. 424 УК Республики Беларусь.",
        ("legal_provision",),
        {"ч. 3 ст. 424 УК Республики Беларусь", "ст. 424 УК Республики Беларусь"},
    ),
    (
        "Его осудили по ч. 3 ст. 424 УК Республики Беларусь.",
        ("instrument",),
        {"УК Республики Беларусь"},
    ),
    # the title of an administrative offence names a law, not a crime
    (
        "Его оштрафовали по статье 19.7 КоАП РФ («Непредставление сведений в налоговый орган»).",
        ("legal_provision",),
        {"Непредставление сведений в налоговый орган"},
    ),
    # a charge word governs the offence, a few words after it
    (
        "Следователи обвинили Ивана Петрова в хищении бюджетных средств.",
        ("crime",),
        {"хищении бюджетных средств"},
    ),
    (
        "Возбуждено дело о мошенничестве в особо крупном размере.",
        ("crime",),
        {"мошенничестве в особо крупном размере"},
    ),
    # two offences joined by «и» are two crimes
    (
        "Бизнесмена обвиняют в контрабанде сигарет и отмывании денег.",
        ("crime",),
        {"контрабанде сигарет", "отмывании денег"},
    ),
    ("Его обвиняют в подготовке теракта.", ("crime",), {"подготовке теракта"}),
    # a country or organization may end the offence; a person never is part of it
    (
        "Её задержали по обвинению в шпионаже в пользу Казахстана.",
        ("crime",),
        {"шпионаже в пользу Казахстана"},
    ),
    # the act around a terrorist offence, with «публичное»
    ("Его задержали по подозрению в подготовке теракта.", ("crime",), {"подготовке теракта"}),
    (
        "Блогера осудили за публичное оправдание терроризма.",
        ("crime",),
        {"публичное оправдание терроризма"},
    ),
    (
        "Его обвиняют в пособничестве в совершении теракта.",
        ("crime",),
        {"пособничестве в совершении теракта"},
    ),
    # the offence without when it happened or how big it was
    ("Его обвиняют в масштабных финансовых махинациях.", ("crime",), {"финансовых махинациях"}),
    (
        "Четверых обвиняют в декабрьском групповом изнасиловании.",
        ("crime",),
        {"групповом изнасиловании"},
    ),
    # an offence with adjectives is also an offence by itself
    (
        "Суд признал его виновным в преднамеренном убийстве.",
        ("crime",),
        {"преднамеренном убийстве", "убийстве"},
    ),
    # how the offence was done, as the codes name it, is part of it
    (
        "Врача признали виновным в причинении смерти по неосторожности.",
        ("crime",),
        {"причинении смерти по неосторожности"},
    ),
    (
        "Его обвиняют в хулиганстве по мотивам религиозной ненависти.",
        ("crime",),
        {"хулиганстве по мотивам религиозной ненависти", "хулиганстве"},
    ),
    (
        "Его обвиняют в мошенничестве в особо крупных размерах.",
        ("crime",),
        {"мошенничестве в особо крупных размерах"},
    ),
    (
        "Его обвиняют в совершении федерального преступления.",
        ("crime",),
        {"совершении федерального преступления"},
    ),
    # the accuser between the charge word and the offence does not stop it
    (
        "Бизнесмен, обвиняемый властями США в хищении бюджетных средств, задержан.",
        ("crime",),
        {"хищении бюджетных средств"},
    ),
    # an article's gloss in straight quotes names the crime without them
    ('Возбуждено уголовное дело по статье 105 УК РФ ("убийство").', ("crime",), {"убийство"}),
    # a code's abbreviation the tagger takes for an organization is still the code
    ("Депутаты одобрили поправки в ГК в первом чтении.", ("instrument",), {"ГК"}),
    # a treaty by its subject, by its subject's abbreviation, by a capitalized adjective
    # (with «ООН» and a subject after «по») or by two names
    (
        "Между странами действует договор об экстрадиции преступников.",
        ("instrument",),
        {"договор об экстрадиции преступников"},
    ),
    ("Сенат одобрил договор по СНВ.", ("instrument",), {"договор по СНВ"}),
    ("Страна вышла из Римского статута в прошлом году.", ("instrument",), {"Римского статута"}),
    (
        "Суд признал нарушение Европейской конвенции по правам человека.",
        ("instrument",),
        {"Европейской конвенции по правам человека"},
    ),
    (
        "Делегаты Рамочной конвенции ООН по изменению климата собрались в Бонне.",
        ("instrument",),
        {"Рамочной конвенции ООН по изменению климата"},
    ),
    (
        "Историки обсудили пакт Молотова-Риббентропа.",
        ("instrument",),
        {"пакт Молотова-Риббентропа"},
    ),
    # an article of the law just named by its common noun alone
    (
        "Москва приняла избирательный кодекс. В статье 49 кодекса есть сроки агитации.",
        ("legal_provision",),
        {"статье 49 кодекса"},
    ),
    ("Жалоба касается второй статьи конвенции.", ("legal_provision",), {"второй статьи конвенции"}),
    # a named treaty's genitives and a coordinated subject; an organization's name after
    # the treaty is not the treaty's
    (
        "Страна нарушила статьи Всеобщей декларации прав человека и Международного пакта о "
        "гражданских и политических правах.",
        ("instrument",),
        {
            "Всеобщей декларации прав человека",
            "Международного пакта о гражданских и политических правах",
        },
    ),
    (
        "Узбекистан присоединился к Конвенции против пыток, а затем к Конвенции ООН против "
        "коррупции.",
        ("instrument",),
        {"Конвенции против пыток", "Конвенции ООН против коррупции"},
    ),
    # a decree by its title: the designation «Указ «О …»» as a whole, else the title
    (
        "Президент подписал Указ «О досрочном прекращении полномочий губернатора».",
        ("instrument",),
        {"Указ «О досрочном прекращении полномочий губернатора»"},
    ),
    (
        "Президент подписал указ «О досрочном прекращении полномочий губернатора».",
        ("instrument",),
        {"О досрочном прекращении полномочий губернатора"},
    ),
]


@pytest.mark.parametrize("text, types, expected", PRESENT)
def test_spans_found(text, types, expected):
    assert expected <= spans(text, *types)


ABSENT = [
    # an attack reported as an event is not a charge
    ("Теракт в метро унёс жизни десяти человек.", ("crime",), {"Теракт"}),
    # a case about events, not about an offence
    ("Суд рассмотрел дело о январских событиях.", ("crime",), {"январских событиях"}),
    # «УК» of a management company is no criminal code
    ("Директор ООО УК «Жилсервис» уволился.", ("instrument",), {"УК"}),
    ("Бизнесмена обвиняют в контрабанде сигарет и отмывании денег.", ("crime",),
     {"контрабанде сигарет и отмывании денег"}),
    ("Его обвиняют в убийстве Ивана Петрова.", ("crime",), {"убийстве Ивана Петрова"}),
    # an offence word inside an article's gloss is not a second crime
    ("Его обвинили по ч. 1 ст. 30 УК РФ (попытка убийства).", ("crime",), {"убийства"}),
    # the act around a terrorist offence is the crime, not the offence word inside it
    ("Его задержали по подозрению в подготовке теракта.", ("crime",), {"теракта"}),
    ("Блогера осудили за публичное оправдание терроризма.", ("crime",), {"оправдание терроризма"}),
    # «в отношении», «в соответствии с» after a charge word open no offence
    ("Обвинения в отношении Ивана Петрова сняты.", ("crime",), {"отношении"}),
    ("Его обвиняют в соответствии со статьёй 6 Конституции.", ("crime",),
     {"соответствии со статьёй 6 Конституции", "соответствии"}),
    # when and how talked-about an offence was is not part of it
    ("Его обвиняют в масштабных финансовых махинациях.", ("crime",),
     {"масштабных финансовых махинациях"}),
    ("Четверых обвиняют в декабрьском групповом изнасиловании.", ("crime",),
     {"декабрьском групповом изнасиловании"}),
    # «ГК» before a name is a group of companies; a newspaper's article is no provision
    ("Акции ГК ПИК выросли.", ("instrument",), {"ГК"}),
    ("В статье о пытках журналист описал случаи в колониях.", ("legal_provision",),
     {"статье о пытках"}),
    # the nested article keyword after an ordinal or a part after the article is none
    ("Жители потребовали соблюдать 42-ю статью Конституции.", ("legal_provision",),
     {"статью Конституции"}),
    ("Внесены законопроекты № 101-7 «О внесении изменений в Уголовный кодекс» и № 102-7.",
     ("instrument",), {"законопроекты № 101-7"}),
    # a lower-case «федеральный закон» is described, not designated: the title names it
    ("Поправки внесены в федеральный закон «О полиции».", ("instrument",),
     {"федеральный закон «О полиции»"}),
    # a bare treaty word, a contract, a police report and a sentence-opening adjective name
    # no treaty
    ("Стороны подписали договор о покупке компании.", ("instrument",),
     {"договор о покупке компании"}),
    ("Клуб подписал соглашение о создании академии.", ("instrument",),
     {"соглашение о создании академии"}),
    ("Полиция составила протокол. Новый договор подписан.", ("instrument",),
     {"протокол", "Новый договор"}),
    ("Россия вышла из Римского статута Международного уголовного суда.", ("instrument",),
     {"Римского статута Международного уголовного суда"}),
    # the title a lower-case decree is signed with names it, not the common noun
    ("Президент подписал указ «О досрочном прекращении полномочий губернатора».",
     ("instrument",), {"указ «О досрочном прекращении полномочий губернатора»"}),
    # the qualified offence without its qualifier is no crime of its own
    ("Врача признали виновным в причинении смерти по неосторожности.", ("crime",),
     {"причинении смерти"}),
    # «сексуальных» is part of the offence's name; «уклонении» alone names nothing
    ("Её обвиняют в сексуальных домогательствах.", ("crime",), {"домогательствах"}),
    ("Бизнесмена обвиняют в уклонении от уплаты налогов.", ("crime",), {"уклонении"}),
    ('Возбуждено уголовное дело по статье 105 УК РФ ("убийство").', ("crime",),
     {'"убийство"'}),
    # a death is what an offence caused; a state accused is a political accusation
    ("Подозреваемый в гибели студента задержан.", ("crime",), {"гибели", "гибели студента"}),
    ("Власти США обвинили Иран в тайных поставках оружия в Йемен.", ("crime",),
     {"тайных поставках оружия", "поставках оружия"}),
    # the object of the act is no crime of its own
    ("Депутаты ввели уголовную ответственность за пропаганду терроризма.", ("crime",),
     {"терроризма"}),
    # «совершении преступления» says that, not which
    ("Подозреваемого в совершении преступления задержали.", ("crime",),
     {"совершении преступления"}),
]  # fmt: skip


@pytest.mark.parametrize("text, types, absent", ABSENT)
def test_spans_not_found(text, types, absent):
    assert not absent & spans(text, *types)


def test_a_crime_named_only_by_its_article_is_one_charge():
    text = "Ивана Петрова обвиняют в совершении преступления, предусмотренного ст. 174 УК РК."
    assert charges(text) == {"Иван Петров": ["ст. 174 УК РК"]}


def test_a_governed_offence_is_a_charge_without_another_charge_word():
    found = charges("Чиновника Бахыта Серикова уличили в получении взятки.")
    assert found == {"Бахыт Сериков": ["получении взятки"]}


def test_the_victim_named_after_the_offence_is_not_charged():
    found = charges("Сергея Иванова обвиняют в покушении на Петра Сидорова.")
    assert list(found) == ["Сергей Иванов"]


def test_each_of_two_offences_is_a_crime_span_of_the_charge():
    found = charges("Бизнесмена Армана Касымова обвиняют в контрабанде сигарет и отмывании денег.")
    assert sorted(found["Арман Касымов"]) == ["контрабанде сигарет", "отмывании денег"]


def test_persons_listed_together_share_a_sentence():
    extraction = extract(
        "Суд приговорил Арсена Ержанова и Данияра Сейткали к пяти годам лишения свободы.", "ru"
    )
    sentenced = {
        extraction.entities[f.subject].name for f in extraction.facts if f.type == "sentence"
    }
    assert sentenced == {"Арсен Ержанов", "Данияр Сейткали"}


def sentences(text: str) -> dict[str, list[tuple[str, float | None]]]:
    """Subject name -> (penalty, term in months) of its sentence facts."""
    extraction = extract(text, "ru")
    found = {}
    for fact in extraction.facts:
        if fact.type == "sentence":
            name = extraction.entities[fact.subject].name
            found.setdefault(name, []).append(
                (fact.attributes["penalty"], fact.attributes["term_months"])
            )
    return found


@pytest.mark.parametrize(
    "text, expected",
    [
        # the sentencing verb opens the penalty span
        ("Марат Иванов получил семь лет за взятку.", {"Марат Иванов": [("imprisonment", 84)]}),
        ("В 2019 году Ивана Петрова осудили на 10 лет.", {"Иван Петров": [("imprisonment", 120)]}),
        # a term said as an adjective
        (
            "Иван Петров с 2015 года отбывает семилетний срок в колонии.",
            {"Иван Петров": [("imprisonment", 84)]},
        ),
        # a sentence the prosecutor asks the court to pass is no sentence
        ("Прокурор просил суд приговорить Ивана Петрова к двум годам ограничения свободы.", {}),
        (
            "Прокурор просил 10 лет, но суд приговорил Ивана Петрова к пяти годам лишения свободы.",
            {"Иван Петров": [("imprisonment", 60)]},
        ),
        # the victim named after the offence is not sentenced
        (
            "Иван Петров осуждён за покушение на Анатолия Чубайса к восьми годам колонии.",
            {"Иван Петров": [("imprisonment", 96)]},
        ),
    ],
)
def test_sentence_facts(text, expected):
    assert sentences(text) == expected


def test_the_accuser_named_before_the_verb_is_not_charged():
    found = charges("Анна Петрова обвинила Ивана Сидорова в клевете.")
    assert list(found) == ["Иван Сидоров"]


def test_the_judge_who_convicts_is_not_charged_but_who_pleads_guilty_is():
    found = charges("Судья Анна Петрова признала Ивана Сидорова виновным в мошенничестве.")
    assert list(found) == ["Иван Сидоров"]
    found = charges("Иван Петров признал себя виновным в мошенничестве.")
    assert list(found) == ["Иван Петров"]


def test_who_a_court_convicts_as_him_is_the_person_of_the_sentence_before():
    found = charges(
        "Правозащитник Иван Петров вышел на свободу. "
        "В 2022 году суд признал его виновным в мошенничестве."
    )
    assert list(found) == ["Иван Петров"]


def test_the_accused_named_before_an_impersonal_verb_is_charged():
    found = charges("Ивана Петрова обвинили в мошенничестве.")
    assert list(found) == ["Иван Петров"]


def test_house_arrest_is_a_detention_that_records_the_measure_for_its_person():
    text = (
        "Сейчас Арман Касымов находится под подпиской о невыезде, "
        "а Данияр Сейткали под домашним арестом."
    )
    extraction = extract(text, "ru")
    detentions = {
        extraction.entities[f.subject].name: [text[a:b] for t, a, b in f.spans if t == "penalty"]
        for f in extraction.facts
        if f.type == "detention"
    }
    assert detentions["Данияр Сейткали"] == ["домашним арестом"]
    assert detentions.get("Арман Касымов", []) == []
    assert not [f for f in extraction.facts if f.type == "sentence"]


@pytest.mark.parametrize(
    "text, held",
    [
        ("Прокуратура просила суд отправить Ивана Петрова под домашний арест.", False),
        ("Следствие ходатайствовало арестовать журналиста Ивана Петрова.", False),
        ("Prosecutors asked the court to place Ivan Petrov under house arrest.", False),
        ("Суд удовлетворил ходатайство и отправил Ивана Петрова под домашний арест.", True),
        ("Ивана Петрова отправили под домашний арест.", True),
        ("Police detained journalist Ivan Petrov in Almaty.", True),
    ],
)
def test_a_detention_only_asked_for_is_none(text, held):
    extraction = extract(text, None)
    assert any(f.type == "detention" for f in extraction.facts) is held


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Статья 5 Закона о мирных собраниях запрещает митинги. Депутаты предложили "
            "отменить Закон о мирных собраниях.",
            "Закон о мирных собраниях",
        ),
        (
            "Суд сослался на статью 12 Федерального закона «О средствах массовой информации».",
            "Федеральный закон «О средствах массовой информации»",
        ),
    ],
)
def test_a_law_is_named_in_the_nominative_however_the_sentence_declines_it(text, name):
    extraction = extract(text, "ru")
    laws = {e.name for e in extraction.entities.values() if e.type == "instrument"}
    assert laws == {name}


def test_a_treaty_is_one_entity_in_the_nominative_with_no_country():
    names = set()
    for text in (
        "Казахстан ратифицировал Конвенцию против пыток в 1998 году.",
        "Правозащитники напомнили о нормах Конвенции против пыток.",
    ):
        extraction = extract(text, "ru")
        treaties = [e for e in extraction.entities.values() if e.type == "instrument"]
        assert [(e.attributes["kind"], e.country) for e in treaties] == [("treaty", None)]
        names |= {(e.name, e.key) for e in treaties}
    assert len(names) == 1 and next(iter(names))[0] == "Конвенция против пыток"
