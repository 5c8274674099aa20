"""Organization mentions and membership facts: names natasha cuts or widens wrongly
(quotes, a kind word before a quoted name, a bracket), institutions named by a country
adjective, organizations natasha takes for places, buildings it takes for organizations,
an organization with its place, and membership cues («член», «от партии»)."""

import random
import re

import pytest

from pledgewatch.extract import extract
from pledgewatch.extract.organizations import (
    _whole_words,
    bracketed_names,
    leading_non_name,
    outer_quotes,
    quoted_name,
)


def organizations(text: str) -> set[str]:
    return {m.text for m in extract(text, "ru").mentions if m.type == "organization"}


# (text, organization mentions that must be found)
FOUND = [
    # the quoted name after a lower-case kind or a legal form, without its quotes
    ("Соловьёв был членом партии «Единая Россия» до 2010 года.", {"Единая Россия"}),
    ("Вчера ФК «Спартак» объявил об отставке тренера.", {"Спартак"}),
    ("Его завербовали в группировку «Исламское государство» (ИГИЛ).", {"ИГИЛ"}),
    # a country adjective and the institution it qualifies
    ("Российские власти и британская полиция не ответили на запрос.", {"Российские власти"}),
    ("Запрос направили японскому МИД и израильской армии.", {"японскому МИД"}),
    # organizations natasha tags as places
    ("Кремль заявил, что санкции ЕС незаконны.", {"Кремль", "ЕС"}),
    ("Об этом пишет «Ъ» со ссылкой на источники.", {"Ъ"}),
    (
        "Белый дом заявил, что единороссы поддержали талибов.",
        {"Белый дом", "единороссы", "талибов"},
    ),
    # an organization with its place, also after «по»
    ("Бывший глава МВД по Башкирии ушёл в отставку.", {"МВД по Башкирии"}),
    ("Верховный суд штата Нью-Йорк отклонил иск.", {"Верховный суд штата Нью-Йорк"}),
    # a name inside a generic body
    ("Об этом сообщила пресс-служба Кремля в среду.", {"пресс-служба Кремля", "Кремля"}),
    # a genitive that points back to the country is not part of the institution
    ("Он потерял большинство в парламенте страны и ушёл.", {"парламенте"}),
    # a body with the organization it belongs to, and both names
    (
        "Постоянный представитель выступил в Совете Безопасности ООН в пятницу.",
        {"Совете Безопасности ООН", "Совете Безопасности", "ООН"},
    ),
    ("В Кремле выступил бывший секретарь ЦК КПСС.", {"ЦК КПСС"}),
    # the place after an organization that already has one
    (
        "Дело возбудил Следственный комитет России по Челябинской области.",
        {"Следственный комитет России по Челябинской области", "Следственный комитет России"},
    ),
    # national teams, with the sport after «по»
    (
        "Сборная России по хоккею обыграла сборную Англии.",
        {"Сборная России по хоккею", "сборную Англии"},
    ),
    # an adjective that names a kind of government or police
    ("Законопроект одобрил сенат, сообщил сайт кабмина.", {"сенат", "кабмина"}),
    ("Коалиционное правительство ушло в отставку.", {"Коалиционное правительство"}),
    ("В России появится военная полиция.", {"военная полиция"}),
    # a ministry is a name with or without its country
    (
        "Об этом сообщили в министерстве иностранных дел Германии.",
        {"министерстве иностранных дел Германии", "министерстве иностранных дел"},
    ),
    # a government or administration named by its leader, in the genitive
    ("Парламент отправил в отставку правительство Петрова.", {"правительство Петрова"}),
    (
        "Он служил в администрации президента Джона Смита.",
        {"администрации президента Джона Смита"},
    ),
    # a body with the matter it deals with after «по»
    (
        "Законопроект внёс думский комитет по делам семьи, женщин и детей.",
        {"думский комитет по делам семьи, женщин и детей"},
    ),
    (
        "Решение принял комитет Сената США по иностранным делам.",
        {"комитет Сената США по иностранным делам"},
    ),
    (
        "Проверку провело Управление по контролю за оборотом табачных изделий и оружия.",
        {"Управление по контролю за оборотом табачных изделий и оружия"},
    ),
    (
        "Сайт закрыл департамент по надзору в сфере связи и массовых коммуникаций.",
        {"департамент по надзору в сфере связи и массовых коммуникаций"},
    ),
    # armed forces and a chamber of parliament named by a common noun phrase
    (
        "Он дослужился до полковника военно-воздушных сил Бразилии.",
        {"военно-воздушных сил Бразилии"},
    ),
    ("Законопроект поддержала нижняя палата парламента.", {"нижняя палата парламента"}),
    # natasha misses it at the start of a sentence
    ("Исламское государство взяло на себя ответственность.", {"Исламское государство"}),
    # a caption word or a title before a name is not part of it
    ("Флаг НАТО у входа. Представитель Минобороны заявил об этом.", {"НАТО", "Минобороны"}),
    # an acronym in brackets after the name natasha joined to a place
    (
        "Конституционный суд Молдавии (КС) приостановил полномочия президента.",
        {"КС", "Конституционный суд Молдавии"},
    ),
    # its Latin spelling in brackets, and the Latin name with its acronym
    ("Об этом сообщила газета «Бостон Кроникл» (Boston Chronicle).", {"Boston Chronicle"}),
    (
        "Наблюдатели Сети поддержки выборов (Zimbabwe Election Support Network, ZESN) "
        "осудили подсчёт.",
        {"ZESN"},
    ),
    # a band's name in quotes after «группа»
    ("Концерт группы «Ночные трамваи» перенесли.", {"Ночные трамваи"}),
    # a governing body with the organization it belongs to
    ("Он вошёл в правление «Роснефти» в мае.", {"правление «Роснефти»"}),
    ("Его перевели в центральный аппарат ФСБ.", {"центральный аппарат ФСБ"}),
    # a faculty with its university
    (
        "Он окончил юридический факультет Томского государственного университета.",
        {"юридический факультет Томского государственного университета"},
    ),
    # a military unit named by its number, and a name natasha found after the number
    ("Дед воевал в составе 3-й ударной армии.", {"3-й ударной армии"}),
    (
        "Войска 2-го Белорусского фронта вышли к реке.",
        {"2-го Белорусского фронта"},
    ),
    # a subdivision with the body it belongs to is one organization
    (
        "Проверку начало Главное управление МВД России по Самарской области.",
        {"Главное управление МВД России по Самарской области", "МВД России"},
    ),
    # a social network as a company
    ("Основатель Facebook подарил акции фонду.", {"Facebook"}),
    # an institution named after a person, with its kind in lower case
    ("Она много лет пела в хоре театра имени Ивана Франко.", {"театра имени Ивана Франко"}),
    (
        "Затем он поступил в институт русского языка им. Пушкина.",
        {"институт русского языка им. Пушкина"},
    ),
    # a list of companies after a title word and other words is not a list of titles
    (
        "Фильм поддержали компании: «Мосфильм», «Ленфильм» и «Сбербанк».",
        {"Мосфильм", "Ленфильм", "Сбербанк"},
    ),
    # a parliament's numbered convocation
    ("Законопроект внесли в Госдуму седьмого созыва весной.", {"Госдуму седьмого созыва"}),
    (
        "Он был депутатом Московской городской думы пятого и шестого созывов.",
        {"Московской городской думы пятого и шестого созывов"},
    ),
    # Latin names in double apostrophes: a newspaper, a company, a team
    ("По данным ''Daily Courier'', полиция задержала двоих.", {"Daily Courier"}),
    ("Контрольный пакет акций выкупила ''Northwind Capital'' в марте.", {"Northwind Capital"}),
    ("Он провёл пять сезонов в ''Ottawa Senators'' и ушёл.", {"Ottawa Senators"}),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_organization_mentions(text, expected):
    assert expected <= organizations(text)


# (text, organization mentions that must not be found)
ABSENT = [
    ("Соловьёв был членом партии «Единая Россия» до 2010 года.", {"партии «Единая Россия»"}),
    ("Вчера ФК «Спартак» объявил об отставке тренера.", {"ФК «Спартак»"}),
    ("Туристы посетили Исаакиевский собор и Саяно-Шушенскую ГЭС.", {"Исаакиевский собор"}),
    ("Его доставили в Боткинскую больницу в тяжёлом состоянии.", {"Боткинскую больницу"}),
    ("Он написал об этом в Twitter.", {"Twitter"}),
    ("Саммит «ЕС – Центральная Азия» прошёл в Самарканде.", {"ЕС"}),
    ("Он потерял большинство в парламенте страны и ушёл.", {"парламенте страны"}),
    # a Latin name after a Russian one is another name, not the owner
    ("Представители Минобороны BBC не ответили.", {"Минобороны BBC"}),
    # the player after his team is not part of it
    ("Гол за сборную Португалии забил Криштиану Роналду.", {"сборную Португалии Криштиану"}),
    ("Новое правительство собралось в понедельник.", {"Новое правительство"}),
    # a generic phrase cut short of the place that completes it
    (
        "Глава департамента здравоохранения Москвы уточнил детали.",
        {"департамента здравоохранения"},
    ),
    # the building, not the presidency
    ("Встреча прошла в Белом доме в пятницу.", {"Белом доме"}),
    # the person who heads a body is not part of its name
    (
        "Председатель правительства Иван Петров подписал указ.",
        {"правительства Иван Петров"},
    ),
    # «по» that does not name a matter, and what comes after the matter
    ("Комитет по данным агентства одобрил закон.", {"Комитет по данным агентства"}),
    (
        "Глава комитета по обороне Иван Петров выступил против.",
        {"комитета по обороне Иван Петров"},
    ),
    # a force that is not a body («сил» of strength)
    ("У него не осталось сил на работу.", {"сил"}),
    ("Флаг НАТО у входа. Представитель Минобороны заявил об этом.", {"Флаг НАТО"}),
    # a governing body named without the organization it belongs to
    ("Спускаемый аппарат приземлился в степи.", {"Спускаемый аппарат", "аппарат"}),
    # a disease natasha takes for a name
    ("Премьер-министр заболел COVID-19 и лёг в больницу.", {"COVID-19"}),
    # a Latin name in brackets that is not the spelling of the name before it
    ("Он снимал для журнала «Вокруг света» (Roberto Seba).", {"Roberto Seba"}),
    # a law's title, a branch of power, power itself, and a duty
    ("Депутаты приняли закон «О полиции» в первом чтении.", {"полиции"}),
    ("Письмо разослали органам исполнительной власти.", {"исполнительной власти"}),
    ("Реформа привела к усилению власти президента.", {"власти президента"}),
    ("Он проходил срочную службу в Омске.", {"срочную службу"}),
    # a board of directors of a company named elsewhere
    ("Он остался председателем совета директоров до мая.", {"совета директоров"}),
    # a subdivision's name alone, and its body's regional office inside the phrase
    (
        "В пресс-службе ГУ МВД России по Самарской области сообщили о задержании.",
        {"ГУ", "МВД России по Самарской области"},
    ),
    ("Он работал в Институте истории РАН до пенсии.", {"Институте истории"}),
    # a social network as the place where something was written
    ("Министр написал на своей странице в Facebook, что уходит.", {"Facebook"}),
    ("Он сообщил об этом в своём Фейсбуке вечером.", {"Фейсбуке"}),
    # quoted names of a stadium, a hotel, a ship, an award, a station: not organizations
    ("Матч прошёл на стадионе «Северный» при полных трибунах.", {"Северный"}),
    ("Встреча состоялась в отеле «Гранд Палас» в центре города.", {"Гранд Палас"}),
    ("Из порта вышел крейсер ''Admiral Hood'' с экипажем.", {"Admiral Hood"}),
    ("Фильм получил премию ''Golden Lion'' за режиссуру.", {"Golden Lion"}),
    ("Космонавты вернулись со станции «Заря» в четверг.", {"Заря"}),
    # a long list of titles, after a colon or «как»
    (
        "Фильмы покажут в кинотеатрах сети «Кинолюкс»: «Полёт», «Маяк», «Искорка», «Орбита»,"
        " «Рассвет», «Север», «Заря» и «Восход».",
        {"Маяк", "Искорка", "Орбита", "Рассвет", "Север", "Заря", "Восход"},
    ),
    ("Покажут такие картины, как «Огни гавани» и «Цирк».", {"Цирк", "Огни гавани"}),
    # «союзник» is not «союз»: the party is the quoted name alone
    ("Союзник «Партии свободы» получил три мандата.", {"Союзник «Партии свободы»"}),
    # an unnumbered convocation names no particular one
    ("Депутаты Госдумы нового созыва собрались впервые.", {"Госдумы нового созыва"}),
    # Latin titles of songs and albums, and a translation, in double apostrophes
    (
        "Его самые известные песни: ''Morning Rain'', ''Blue River''.",
        {"Morning Rain", "Blue River"},
    ),
    ("В 2016 году вышел альбом ''Silent Harbor'' на лейбле.", {"Silent Harbor"}),
    ("Актёр Джон Смит (англ. ''John Smith'') умер в пятницу.", {"John Smith"}),
    (
        "Поправку внесли в конституцию штата (''Colorado state constitution'').",
        {"Colorado state constitution"},
    ),
]


@pytest.mark.parametrize("text, absent", ABSENT)
def test_not_organization_mentions(text, absent):
    assert not absent & organizations(text)


def test_capitalised_kind_stays_part_of_the_name():
    ex = extract("Правозащитный центр «Жолдас» выступил с заявлением.", "ru")
    names = {e.name for e in ex.entities.values() if e.type == "organization"}
    assert "Правозащитный центр «Жолдас»" in names


def test_quoted_name_after_kind_is_the_entity_name():
    ex = extract("Соловьёв был членом партии «Единая Россия» до 2010 года.", "ru")
    names = {e.name for e in ex.entities.values() if e.type == "organization"}
    assert names == {"Единая Россия"}


def test_kremlin_is_an_organization_not_a_place():
    ex = extract("Кремль отказался от комментариев.", "ru")
    assert [m.type for m in ex.mentions if m.text == "Кремль"] == ["organization"]


def test_national_bodies_carry_no_entity():
    ex = extract("Российские власти не ответили на запрос.", "ru")
    spans = [m for m in ex.mentions if m.text == "Российские власти"]
    assert spans and spans[0].entity is None


def test_bracketed_full_name_is_its_own_mention_of_the_same_organization():
    ex = extract("Министр от ХДС (Христианско-демократический союз Германии) ушёл.", "ru")
    by_text = {m.text: m.entity for m in ex.mentions if m.type == "organization"}
    assert {"ХДС", "Христианско-демократический союз"} <= set(by_text)
    assert by_text["ХДС"] == by_text["Христианско-демократический союз"]


def test_place_after_a_reference_organization_names_it():
    ex = extract(
        "Суд вынес приговор Жанболату Мамаю, лидеру Демократической партии Казахстана.", "ru"
    )
    names = {e.name for e in ex.entities.values() if e.type == "organization"}
    assert "Демократическая партия Казахстана" in names
    assert "Демократическая партия" not in names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("партии «Единая Россия»", "Единая Россия"),
        ("ООО «Ромашка»", "Ромашка"),
        ("РИА «Новости»", "РИА «Новости»"),  # the agency's acronym is part of its name
        ("Правозащитный центр «Жолдас»", None),
        ("Единая Россия", None),
    ],
)
def test_quoted_name(text, expected):
    span = quoted_name(text)
    assert (text[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Исламское государство»", "Исламское государство"),
        ("''Samsung Group", "Samsung Group"),
        ("«Нур Отан»", "Нур Отан"),
        ("ФГУП «Главный центр»", "ФГУП «Главный центр»"),
    ],
)
def test_outer_quotes(text, expected):
    head, tail = outer_quotes(text)
    assert text[head : len(text) - tail] == expected


def test_bracketed_names():
    text = "Королевского колледжа (King’s College London, KCL)"
    end, names, acronym = bracketed_names(text)
    assert text[:end] == "Королевского колледжа"
    assert [text[s:e] for s, e in names] == ["King’s College London", "KCL"]
    assert acronym == "KCL"
    assert bracketed_names("Фонда (ныне закрытого)") is None


def test_quoted_name_after_a_kind_word_natasha_missed():
    assert {"Newsday", "Огонёк"} <= organizations(
        "Он долго писал для газеты ''Newsday'' и журнала «Огонёк»."
    )


def test_echr_full_name_and_acronym_are_one_organization():
    ex = extract("Он обратился в Европейский суд по правам человека, а ЕСПЧ принял жалобу.", "ru")
    by_text = {m.text: m.entity for m in ex.mentions if m.type == "organization"}
    assert set(by_text) == {"Европейский суд по правам человека", "ЕСПЧ"}
    assert ex.entities[by_text["ЕСПЧ"]].name == "Европейский суд по правам человека"


def test_nested_and_team_spans_carry_no_entity_of_their_own():
    """«Совете Безопасности ООН» and «сборную Англии» are typed spans: the inner names keep
    their entities, and no new organization is made from the phrase."""
    text = "В Совете Безопасности ООН выступил тренер, которого уволила сборная Англии."
    ex = extract(text, "ru")
    spans = {m.text: m.entity for m in ex.mentions if m.type == "organization"}
    assert spans["Совете Безопасности ООН"] is None
    assert spans["сборная Англии"] is None
    assert spans["ООН"] is not None


def test_subdivision_entity_is_named_with_its_body():
    """«Главное управление» of one ministry is not that of another: the entity carries the
    body it belongs to, so the two stay apart when documents are merged."""
    ex = extract("Сотрудник Главного управления МВД России по Москве задержан.", "ru")
    spans = {m.text: m.entity for m in ex.mentions if m.type == "organization"}
    outer = spans["Главного управления МВД России по Москве"]
    assert ex.entities[outer].name == "Главное управление МВД России по Москве"
    assert "Главного управления" not in spans


def test_party_members_in_the_plural_name_the_party():
    ex = extract("Единороссы проголосовали против, сообщили в партии «Единая Россия».", "ru")
    keys = {m.entity for m in ex.mentions if m.type == "organization" and m.entity}
    assert [ex.entities[k].name for k in keys] == ["Единая Россия"]


def test_name_cut_inside_its_matter_is_carried_on_with_its_entity():
    """natasha may end a name inside what follows «по» («Комиссия по вопросам» of
    «Комиссия по вопросам гражданства»): the span and the entity's name go on to its end."""
    text = "Бюро по контролю за оборотом алкоголя, табачных изделий и огнестрельного оружия начало проверку."
    ex = extract(text, "ru")
    spans = {m.text: m.entity for m in ex.mentions if m.type == "organization"}
    name = "Бюро по контролю за оборотом алкоголя, табачных изделий и огнестрельного оружия"
    assert name in spans
    entity = spans[name]
    assert entity is None or ex.entities[entity].name == name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Флаг НАТО", len("Флаг ")),
        ("Представитель Минобороны", len("Представитель ")),
        ("Здание «Газпрома»", len("Здание ")),
        ("Нашивка", len("Нашивка")),  # the whole span natasha took for a name
        ("Совет Федерации", 0),
        ("Банк России", 0),
        ("Флаг", len("Флаг")),
        ("Министерство обороны", 0),
        # a title noun before a body in lower case, not an adjective of the name
        ("Член общественного совета", len("Член ")),
        ("Военного совета", 0),
    ],
)
def test_leading_non_name(text, expected):
    assert leading_non_name(text) == expected


@pytest.mark.parametrize(
    "text, found, absent",
    [
        # a place's adjective before a team or before the noun it qualifies is no name
        ("Манчестерский «Сити» продлил контракт с вратарём.", {"Сити"}, {"Манчестерский"}),
        ("Он учился в Оксфордском и Кембриджском университетах.", set(), {"Оксфордском"}),
        # a quoted adjective is a band's name
        ("Бывшая солистка группы «Блестящие» вышла замуж.", {"Блестящие"}, set()),
        # a code of law is no organization; a company named with a legal-form acronym is
        ("Депутаты предложили поправки к ГК о защите авторских прав.", set(), {"ГК"}),
        ("Поправки в ГК РФ одобрены в первом чтении.", set(), {"ГК", "ГК РФ"}),
        ("Глава ГК «Ростех» встретился с министром.", {"Ростех"}, set()),
        # a Latin title with its year in a list of albums
        (
            "Группа выпустила альбомы Silent Harbor Lights (1994) и Over The Grey Hills (1997).",
            set(),
            {"Silent Harbor Lights", "Over The Grey Hills"},
        ),
        # management, not a body
        (
            "Она окончила академию по специальности «государственное и муниципальное управление».",
            set(),
            {"муниципальное управление"},
        ),
        (
            "Центробанк назначил временную администрацию в страховой компании «Лотос».",
            set(),
            {"временную администрацию"},
        ),
        (
            "По информации следственного управления, дело возбуждено.",
            {"следственного управления"},
            set(),
        ),
        # a noun of managing with its object in the instrumental, then the ministry
        (
            "Она руководит департаментом управления проектами Минздрава.",
            {"департаментом управления проектами Минздрава"},
            {"департаментом управления"},
        ),
        # a country's law enforcement, army or secret services, not such bodies in general
        ("Армия объявила перемирие, сообщили представители армии Египта.", {"армии Египта"}, set()),
        ("Журналист выяснил, что агентом спецслужб США был его сосед.", {"спецслужб США"}, set()),
        ("Он воевал в армии сербских добровольцев.", set(), {"армии сербских"}),
        ("Танкисты 3-й армии США форсировали реку.", {"3-й армии США"}, {"армии США"}),
        ("Над базой пролетел вертолёт морской пехоты США.", {"морской пехоты США"}, set()),
        (
            "Протестующих разогнали иорданские силы безопасности.",
            {"иорданские силы безопасности"},
            set(),
        ),
        ("Демонстранты столкнулись с силами безопасности.", set(), {"силами безопасности"}),
        (
            "Правоохранительные органы Казахстана задержали трёх человек.",
            {"Правоохранительные органы Казахстана"},
            set(),
        ),
        ("Сотрудник правоохранительных органов задержан.", set(), {"правоохранительных органов"}),
        # a national team with its sport, and without it
        (
            "Вратарь сборной Латвии по хоккею получил травму.",
            {"сборной Латвии", "сборной Латвии по хоккею"},
            set(),
        ),
        # a city's or a region's duma, not thoughts
        (
            "Депутат городской думы Нижнекамска ушёл в отставку.",
            {"городской думы Нижнекамска"},
            set(),
        ),
        ("Его посещали тяжкие думы о прошлом.", set(), {"тяжкие думы", "думы"}),
        # a ministry named by its function, not agencies in general
        (
            "Представитель надзорного ведомства отказался от комментариев.",
            {"надзорного ведомства"},
            set(),
        ),
        ("Силовые ведомства вели слежку за ним.", set(), {"Силовые ведомства", "ведомства"}),
        # a body attached to an organization with «при» is named by the whole phrase
        (
            "Председатель Общественного совета при ГУ МВД России по Самарской области ушёл.",
            {"Общественного совета при ГУ МВД России по Самарской области"},
            set(),
        ),
        ("ФСБ при поддержке МВД задержала его.", {"ФСБ", "МВД"}, {"ФСБ при поддержке МВД"}),
    ],
)
def test_names_and_non_names(text, found, absent):
    names = organizations(text)
    assert found <= names
    assert not absent & names


def test_attached_body_phrase_carries_no_entity_of_its_own():
    """The phrase with «при» is a typed span; the two names keep their entities."""
    ex = extract("Профессор Научного совета при Президиуме РАН выступил с лекцией.", "ru")
    spans = {m.text: m.entity for m in ex.mentions if m.type == "organization"}
    assert spans["Научного совета при Президиуме РАН"] is None
    assert spans["Президиуме РАН"] is not None


@pytest.mark.parametrize("text", ["В штаб пришёл СК", "Заявление опубликовал «Мемориал»"])
def test_a_text_that_ends_with_an_organization_is_read(text):
    # the name's last letter is the text's: nothing after it to look at for a quote
    assert organizations(text)


def test_a_quoted_name_after_its_kind_is_spanned_without_the_blanks_inside_the_quotes():
    text = "Статью перепечатал журнал ''\tSteppe Review''."
    spans = [m.text for m in extract(text, "ru").mentions if m.type == "organization"]
    assert spans == ["Steppe Review"]


def test_name_cut_before_its_closing_quote_is_closed():
    # natasha stops before the closing quote at the start of a sentence; the span stays
    # as NEREL spans it, the organization's name is whole
    ex = extract("Движение «Ак Жол» потребовало освободить журналиста.", "ru")
    names = {e.name for e in ex.entities.values() if e.type == "organization"}
    assert names == {"Движение «Ак Жол»"}


def test_quoted_names_in_brackets():
    text = "Sky Rivers («Небесные реки»"
    end, names, _ = bracketed_names(text)
    assert text[:end] == "Sky Rivers"
    assert [text[s:e] for s, e in names] == ["Небесные реки"]


def test_office_before_a_name_is_no_part_of_it():
    assert leading_non_name("Офис «Степного вестника»") == len("Офис ")


def test_nerve_agent_is_no_organization():
    text = "Следователи утверждают, что супруги были отравлены «Новичком» в мае."
    assert "Новичком" not in organizations(text)


def test_platform_after_company_is_the_company():
    text = "Суд оштрафовал компанию Telegram. Министр написал в Telegram, что не согласен."
    ex = extract(text, "ru")
    starts = [m.start for m in ex.mentions if m.type == "organization" and m.text == "Telegram"]
    assert starts == [text.index("Telegram")]  # not the messenger he wrote in
    assert "Reddit" in organizations("Он запустил стартап Reddit вместе с другом.")


def test_named_organization_repeated_elsewhere_in_the_text():
    text = (
        "Компания Vento представила новую модель.\nVento не будет переносить завод. "
        "Водитель автомобиля Vento не пострадал."
    )
    ex = extract(text, "ru")
    starts = [m.start for m in ex.mentions if m.type == "organization" and m.text == "Vento"]
    # the company twice, not the car in the third sentence
    assert starts == [text.index("Vento"), text.index("\nVento") + 1]


def test_named_organization_repeated_in_another_case():
    text = "15 лет Полифонии\nИздательство «Полифония» выпустило сборник."
    assert "Полифонии" in organizations(text)


def test_capitalised_authorities_at_a_line_start_are_no_place():
    text = "Биткоины отправляли сторонникам боевиков\n\nВласти США арестовали жительницу Нью-Йорка."
    ex = extract(text, "ru")
    assert "Власти США" in {m.text for m in ex.mentions if m.type == "organization"}
    assert "Власти" not in {m.text for m in ex.mentions if m.type == "location"}


def test_quoted_company_name_taken_for_a_person_is_the_company():
    text = "Против компании «Агрохолдинг» возбудили дело. Дело Агрохолдинга передали в суд."
    ex = extract(text, "ru")
    assert not [m.text for m in ex.mentions if m.type == "person"]
    assert "Агрохолдинга" in {m.text for m in ex.mentions if m.type == "organization"}


@pytest.mark.parametrize(
    "text, names",
    [
        ("Кировлес и Кировлеса; акции Кировлесах, Кировлес-2, _Кировлес, 1Кировлес", ["Кировлес"]),
        ("Газпромом Газпром Газпрома", ["Газпромом", "Газпрома", "Газпром"]),
        ("ВТБ-24 и ВТБ 24, ВТБ", ["ВТБ 24", "ВТБ"]),
        ("аааа", ["ааа"]),  # overlapping occurrences, none a whole word
        ("ааа ааа", ["ааа"]),
        ("Банк «Пересвет» и в банке", ["банке", "Пересвет"]),
    ],
)
def test_whole_words_finds_what_the_regex_alternation_finds(text, names):
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    assert list(_whole_words(text, names)) == [m.span() for m in pattern.finditer(text)]


def test_whole_words_agrees_with_the_regex_on_random_texts():
    rng = random.Random(7)
    alphabet = "аб-_1 «»"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        names = ["".join(rng.choice("аб-") for _ in range(rng.randint(1, 3))) for _ in range(3)]
        names = sorted(dict.fromkeys(names), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
        assert list(_whole_words(text, names)) == [m.span() for m in pattern.finditer(text)]
