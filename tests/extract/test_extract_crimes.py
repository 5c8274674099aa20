"""Where a crime span starts and ends, as extract() finds it (NEREL's CRIME convention):
the act with its object, without when or where it happened, each offence of a list on its
own, and no crime where a news report tells of an attack or a doer. Sentences are written
for these tests."""

import pytest

from pledgewatch.extract import extract


def crimes(text: str) -> set[str]:
    return {m.text for m in extract(text, "ru").mentions if m.type == "crime"}


# (text, crime spans that must be found)
PRESENT = [
    # an admission and «во» govern the offence like a charge word
    ("Боксёр признался в употреблении запрещённых веществ.", {"употреблении запрещённых веществ"}),
    ("Его признали виновным во взяточничестве.", {"взяточничестве"}),
    # a plural adjective with no noun after it is the object: «данных»
    ("Чиновника подозревают в хищении данных, сообщает газета.", {"хищении данных"}),
    # what the information is about is part of the object, a list of two included
    (
        "Хакера обвиняют в хищении сведений о банковских картах и иных личных данных.",
        {"хищении сведений о банковских картах и иных личных данных"},
    ),
    # an offence word no charge word governs keeps its genitive object too
    ("Полиция раскрыла хищение нефти с трубопровода.", {"хищение нефти"}),
    # «в совершении …» only wraps the offence that follows
    ("Его обвиняют в совершении военных преступлений.", {"военных преступлений"}),
    # a kind of crime named by its adjective, or by what it is against
    ("Генерала обвиняют в должностных преступлениях.", {"должностных преступлениях"}),
    (
        "Трибунал рассматривает преступления против человечества.",
        {"преступления против человечества"},
    ),
    (
        "Её задержали по подозрению в ограблении ювелирного магазина.",
        {"ограблении ювелирного магазина"},
    ),
    # the act alone is an offence too where what follows is whom it harmed: victims counted
    # or an officer stay in the phrase, one person does not
    ("Его обвиняют в убийстве шести человек.", {"убийстве", "убийстве шести человек"}),
    ("Его обвиняют в убийстве полицейского.", {"убийстве", "убийстве полицейского"}),
    ("Студента осудили за убийство китайской аспирантки.", {"убийство"}),
    (
        "Управляющего обвинили в попытке изнасилования горничной отеля.",
        {"попытке изнасилования"},
    ),
    # but an offence against honour names whom it offended
    ("Блогера осудили за оскорбление эмира.", {"оскорбление эмира"}),
    # the act with the information it took, and with what the information was about
    (
        "Хакера обвиняют в хищении сведений о банковских картах.",
        {"хищении сведений", "хищении сведений о банковских картах"},
    ),
    # the offence in the nominative after «вменяется», «инкриминируется»; each of a list
    (
        "Ему вменяется вербовка молодёжи в ряды террористической группировки и ведение войны "
        "против соседнего государства.",
        {
            "вербовка молодёжи в ряды террористической группировки",
            "ведение войны против соседнего государства",
        },
    ),
    (
        "Подсудимому инкриминируется использование оружия массового уничтожения.",
        {"использование оружия массового уничтожения"},
    ),
    # where the object went or came from is part of it
    (
        "Его приговорили за незаконную продажу доступа к услугам зарубежных сетей.",
        {"незаконную продажу доступа к услугам зарубежных сетей"},
    ),
    (
        "Его обвиняют в незаконном скачивании документов с серверов суда.",
        {"незаконном скачивании документов с серверов суда"},
    ),
    # a protest is an offence where a charge word governs it
    ("Его оштрафовали за несогласованный митинг.", {"несогласованный митинг"}),
    # each offence of a list is a crime of its own
    (
        "Его признали виновным в хулиганстве и нанесении побоев.",
        {"хулиганстве", "нанесении побоев"},
    ),
    (
        "Его обвиняют в незаконном обогащении и использовании служебного положения.",
        {"незаконном обогащении", "использовании служебного положения"},
    ),
    (
        "Бывшему министру предъявлены обвинения в коррупции, незаконном обогащении и отмывании "
        "денег.",
        {"коррупции", "незаконном обогащении", "отмывании денег"},
    ),
    (
        "Его признали виновным в организации нападений на журналистов и в похищениях людей.",
        {"похищениях людей"},
    ),
    # but two objects of one act are one crime
    (
        "Её обвинили в выведывании секретов военной авиации и подводного флота.",
        {"выведывании секретов военной авиации и подводного флота"},
    ),
    (
        "Власти предложили штрафовать граждан за хранение и продажу контрафактных лекарств.",
        {"хранение и продажу контрафактных лекарств"},
    ),
    # an object in the instrumental, and what the act was for
    (
        "Водителя уличили в управлении автомобилем в нетрезвом виде.",
        {"управлении автомобилем в нетрезвом виде"},
    ),
    (
        "Их обвиняют в создании препятствий для проведения расследования.",
        {"создании препятствий для проведения расследования"},
    ),
    # an object in the dative
    (
        "Его обвиняют в воспрепятствовании работе журналистов.",
        {"воспрепятствовании работе журналистов"},
    ),
    # a case about an offence of the lexicon inside the phrase names it
    ("Следователи возбудили дело о причастности к шпионажу.", {"причастности к шпионажу"}),
    # a case about an act it calls unlawful names an offence
    (
        "Против него возбуждено дело о незаконном пересечении границы.",
        {"незаконном пересечении границы"},
    ),
    # a genitive object after a determiner; the next offence of the list after it, also
    # after the one person harmed, who is no part of the offence
    (
        "Ему предъявлены обвинения в угоне одной машины и поджоге склада.",
        {"угоне одной машины", "поджоге склада"},
    ),
    (
        "Ему предъявлены обвинения в изнасиловании одной женщины и принуждении к сожительству.",
        {"изнасиловании", "принуждении к сожительству"},
    ),
    # an attack a charge word governs is the charge
    ("Подозреваемого в теракте задержали.", {"теракте"}),
    # a bare word of the lexicon is an offence by itself
    ("Его обвиняют в шантаже.", {"шантаже"}),
    # the offence inside an act ends before its victim
    (
        "Её приговорили по обвинению в соучастии в убийстве двух журналистов.",
        {"соучастии в убийстве"},
    ),
    # fakes spread, by the noun or by the adjective with its noun
    (
        "Его обвинили в распространении фейковых новостей о вирусе.",
        {"распространении фейковых новостей"},
    ),
    # the grammar's offence with «публичное»
    (
        "Блогера обвинили в публичном распространении заведомо ложных сведений.",
        {"публичном распространении заведомо ложных сведений"},
    ),
    # what an act was for, after «с целью»: an infinitive with its object, or an act
    (
        "Бизнесмена обвиняют во взятке с целью получить разрешение на строительство завода.",
        {"взятке с целью получить разрешение на строительство завода"},
    ),
    (
        "Их признали виновными в сговоре с целью совершения кражи.",
        {"сговоре с целью совершения кражи"},
    ),
    (
        "Мэра обвиняют в использовании служебного транспорта в личных целях.",
        {"использовании служебного транспорта в личных целях"},
    ),
    # offences the codes name, with all their words
    (
        "Ему предъявлено обвинение в умышленном причинении тяжкого вреда здоровью.",
        {"умышленном причинении тяжкого вреда здоровью"},
    ),
    (
        "Бухгалтера осудили за злоупотребление властью и служебным положением.",
        {"злоупотребление властью и служебным положением"},
    ),
    (
        "Его признали виновным в незаконном хранении оружия и боеприпасов.",
        {"незаконном хранении оружия и боеприпасов"},
    ),
    ("Дезертира разыскивают за уклонение от военной службы.", {"уклонение от военной службы"}),
    ("Его приговорили к году колонии за угон автомобиля.", {"угон автомобиля"}),
    ("Россиянина обвиняют в хакерской атаке на банк.", {"хакерской атаке"}),
    ("Задержаны семь человек, связанных с мошеннической схемой.", {"мошеннической схемой"}),
    (
        "Его обвиняют в мошенничестве при получении социальных выплат.",
        {"мошенничестве при получении социальных выплат"},
    ),
    # an offence of the lexicon with its object is one without how it was done too
    (
        "Суд признал её виновной в контрабанде наркотических средств в значительном размере.",
        {
            "контрабанде наркотических средств",
            "контрабанде наркотических средств в значительном размере",
        },
    ),
    # what kind of operations follows «по» with the dative
    (
        "Его обвиняют в проведении незаконных операций по обналичиванию похищенных средств.",
        {"проведении незаконных операций по обналичиванию похищенных средств"},
    ),
    # a fine with its amount governs the offence after «за»; a Latin abbreviation joined
    # to a Russian genitive is part of the object
    (
        "Программиста приговорили к штрафу в размере 300 тыс. рублей ($4 тыс.) за продажу "
        "доступа к услугам VPN-сетей.",
        {"продажу доступа к услугам VPN-сетей"},
    ),
    # so does an administrative or criminal liability
    (
        "Водитель не раз привлекался к административной ответственности за нарушения правил "
        "дорожного движения.",
        {"нарушения правил дорожного движения"},
    ),
    # an article's title in quotes starts with a capital
    (
        "Дело возбуждено по статье о тяжком преступлении — «Умышленное убийство».",
        {"Умышленное убийство"},
    ),
    # an article's gloss that lists two offences is one crime
    (
        "Их признали виновными по статьям 213 и 115 УК РФ (хулиганство и умышленное причинение "
        "лёгкого вреда здоровью).",
        {"хулиганство и умышленное причинение лёгкого вреда здоровью"},
    ),
    # to whom something was sold; a genitive object in quotes
    (
        "Законопроект вводит наказание за продажу алкоголя детям и подросткам.",
        {"продажу алкоголя детям и подросткам"},
    ),
    (
        "Мэр отменил штраф, наложенный за нарушение «режима самоизоляции».",
        {"нарушение «режима самоизоляции»"},
    ),
    # for whom one spied; what information was about, with no charge word governing it
    (
        "За шпионаж в пользу соседней страны его приговорили к 13 годам.",
        {"шпионаж в пользу соседней страны"},
    ),
    (
        "Суд приговорил его за роль в хищении сведений о клиентах банка.",
        {"хищении сведений о клиентах банка"},
    ),
    # a phrase of the lexicon takes the object of its last word
    (
        "Один из пунктов обвинения – покушение на убийство сотрудника полиции.",
        {"покушение на убийство", "покушение на убийство сотрудника полиции"},
    ),
    # the charge in quotes after the charge word; an offence of the lexicon inside the
    # object carries the phrase to its end
    ("Он был признан виновным в «незаконном заработке».", {"незаконном заработке"}),
    (
        "Акционера обвиняют в организации злоупотребления властью и служебными полномочиями.",
        {"организации злоупотребления властью и служебными полномочиями"},
    ),
    # a word between «обвинён» and «в»
    ("Он обвинён также в захвате заложников в 1995 году.", {"захвате заложников"}),
    # a conspiracy with its aim, next to a charge word
    (
        "По двум пунктам обвинения: вымогательстве и заговоре с целью совершения кражи.",
        {"заговоре с целью совершения кражи"},
    ),
    # what an act was for, when the purpose names something
    (
        "Его обвиняют в передаче координат для миномётной атаки.",
        {"передаче координат для миномётной атаки"},
    ),
    # the participle clause of a code's wording
    (
        "Все они обвиняются в нарушении правил охраны труда, повлекшем по неосторожности "
        "смерть человека.",
        {"нарушении правил охраны труда, повлекшем по неосторожности смерть человека"},
    ),
    # the sum of a bribe and the place of an attack qualify the offence
    (
        "Суд признал чиновника виновным в получении взятки в размере 300 тысяч рублей.",
        {"получении взятки в размере 300 тысяч рублей"},
    ),
    (
        "Ему вменяется организация взрыва в общественном месте.",
        {"организация взрыва в общественном месте"},
    ),
    # complicity in an offence is the charge, with no charge word next to it
    (
        "Он признал вину по двум пунктам: соучастии в вымогательстве и подлоге.",
        {"соучастии в вымогательстве"},
    ),
    # one act with a list of objects, and the act with its first object
    (
        "Группу заподозрили в пропаганде насилия, жестокости и нацизма.",
        {"пропаганде насилия, жестокости и нацизма", "пропаганде насилия"},
    ),
    # an attempt's object ends before the name of whose it is
    (
        "Министра обвинили в попытке опорочить репутацию президента Ивана Сидорова.",
        {"попытке опорочить репутацию президента"},
    ),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_crime_spans_found(text, expected):
    assert expected <= crimes(text)


# (text, crime spans that must not be found)
ABSENT = [
    ("Его обвиняют в совершении военных преступлений.", {"совершении военных преступлений"}),
    (
        "Его признали виновным в хулиганстве и нанесении побоев.",
        {"хулиганстве и нанесении побоев"},
    ),
    (
        "Её обвинили в выведывании секретов военной авиации и подводного флота.",
        {"подводного флота", "выведывании секретов военной авиации"},
    ),
    # when or where is not part of the offence
    ("Суд признал его виновным в убийстве в июле.", {"убийстве в июле"}),
    # the article after the object is not part of it
    (
        "Его задержали по делу о незаконном изготовлении оружия части 1 статьи 223 УК РФ.",
        {"незаконном изготовлении оружия части 1 статьи"},
    ),
    # an attack no charge word governs is the event, not a charge
    ("Следователи продолжают расследование теракта в аэропорту.", {"теракта"}),
    ("Инцидент признан террористическим актом.", {"террористическим актом"}),
    # the doer is no offence
    ("Шантажисту грозит срок.", {"Шантажисту"}),
    ("Коррупционера задержали.", {"Коррупционера"}),
    # a prepositional phrase between the charge word and «в» ends the charge
    ("Обвиняемые на слушаниях в районном суде молчали.", {"районном суде"}),
    # a person, or the charge reworded, is no offence
    (
        "Суд отказал ей в отсрочке наказания по уходу за малолетним ребёнком.",
        {"малолетним ребёнком"},
    ),
    ("Ему предъявили обвинение в новой редакции.", {"редакции", "новой редакции"}),
    # a bare word the lexicon does not know says too little
    ("Суд обвинил её в распространении.", {"распространении"}),
    (
        "Её приговорили по обвинению в соучастии в убийстве двух журналистов.",
        {"соучастии в убийстве двух журналистов"},
    ),
    ("Его обвинили в распространении фейковых новостей о вирусе.", {"распространении фейковых"}),
    # the grammar's phrase is the crime, not the words the charge word governs
    (
        "Блогера обвинили в публичном распространении заведомо ложных сведений.",
        {"публичном распространении"},
    ),
    # «с целью» alone says nothing of the aim
    (
        "Бизнесмена обвиняют во взятке с целью получить разрешение на строительство завода.",
        {"взятке с целью"},
    ),
    # the offences a gloss lists are not crimes beside it
    (
        "Их признали виновными по статьям 213 и 115 УК РФ (хулиганство и умышленное причинение "
        "лёгкого вреда здоровью).",
        {"хулиганство", "умышленное причинение лёгкого вреда здоровью"},
    ),
    # one word in quotes is irony, not the object
    ("Его обвинили в распространении «пропаганды» в сети.", {"распространении «пропаганды»"}),
    # when it happened, not a charge
    ("По версии обвинения, в день убийства он был дома.", {"убийства"}),
    (
        "Он отбывал срок за убийство, совершённое в 2013 году.",
        {"убийство, совершённое в 2013 году"},
    ),
    # a purpose of one bare word says too little
    (
        "Ему предъявлены обвинения в использовании номеров похищенных карт для покупки билетов.",
        {"использовании номеров похищенных карт для покупки"},
    ),
    # «обвинения» (the prosecution) is no charge word with a gap before «в»
    (
        "Представитель обвинения требовал меру пресечения в виде домашнего ареста.",
        {"виде домашнего ареста"},
    ),
    # a plot with no charge word near is no charge
    (
        "Раскрыт предполагаемый заговор с целью похищения министра.",
        {"заговор с целью похищения министра"},
    ),
    # to condemn is not to convict
    ("Движение издавна осуждало насилие и дистанцировалось от радикалов.", {"насилие"}),
    # the act alone is no offence of its own where it took a thing, or went at a target
    ("Его обвиняют в контрабанде наркотиков.", {"контрабанде"}),
    ("Полиция раскрыла хищение нефти с трубопровода.", {"хищение"}),
    ("Власти подозревают их в нападении на отель.", {"нападении"}),
    # one person harmed is not part of the offence, and the list goes on after them
    (
        "Ему предъявлены обвинения в изнасиловании одной женщины и принуждении к сожительству.",
        {"изнасиловании одной женщины"},
    ),
    ("Студента осудили за убийство китайской аспирантки.", {"убийство китайской аспирантки"}),
    # how it was done is not where the object went
    (
        "Его обвиняют в отмывании крупных сумм с помощью криптобиржи.",
        {"отмывании крупных сумм с помощью криптобиржи"},
    ),
    # what an attempt was at is not done, so no offence of its own
    ("Журналиста обвинили в покушении на сбыт наркотиков.", {"сбыт наркотиков"}),
    # a protest told of is an event, not an offence
    (
        "По субботам проходили согласованные и несогласованные акции протеста.",
        {"несогласованные акции"},
    ),
    ("Визиты полиции связаны с несогласованным митингом.", {"несогласованным митингом"}),
    # the name of a body that fights an offence
    ("Фонд борьбы с коррупцией\nВ Москве полиция пришла в штаб.", {"коррупцией"}),
    # an article's title in quotes is one name, not its head word too
    ("Дело возбуждено по статье 105 — «Умышленное убийство».", {"убийство"}),
    # when it happened is no part of the offence
    ("Свидетель рассказал о предыдущих изнасилованиях.", {"предыдущих изнасилованиях"}),
    # a quoted search query is words typed, not an offence
    (
        "По запросу «Петров клевета» и «законопроект клевета» поисковик ничего не находит.",
        {"клевета"},
    ),
    # how bad it was is no part of the offence
    (
        "Представитель оппозиции назвал выборы «фундаментальным мошенничеством».",
        {"фундаментальным мошенничеством"},
    ),
    # a list goes on only to a closing «и»: «сообщает» is no object
    ("Его обвиняют в хищении денег, сообщает агентство.", {"хищении денег, сообщает"}),
    # a sum that is a penalty is no part of the offence
    (
        "Его оштрафовали за нарушение правил в размере 5 тысяч рублей.",
        {"нарушение правил в размере 5 тысяч рублей"},
    ),
]


@pytest.mark.parametrize("text, absent", ABSENT)
def test_crime_spans_not_found(text, absent):
    assert not absent & crimes(text)


def test_an_article_of_an_administrative_code_by_its_number_names_no_crime():
    text = "Его оштрафовали по статье 19.3 («Неповиновение законному распоряжению полицейского»)."
    mentions = {(m.type, m.text) for m in extract(text, "ru").mentions}
    title = "Неповиновение законному распоряжению полицейского"
    assert ("legal_provision", title) in mentions
    assert ("crime", title) not in mentions


def test_a_gloss_takes_the_category_of_the_offence_it_names():
    text = (
        "Суд признал Ивана Петрова виновным по статье 159 Уголовного кодекса Узбекистана "
        "(заговор с целью захвата власти)."
    )
    extraction = extract(text, "ru")
    assert {m.text for m in extraction.mentions if m.type == "crime"} == {
        "заговор с целью захвата власти"
    }
    categories = {f.attributes.get("category") for f in extraction.facts if f.type == "charge"}
    assert categories == {"anti_constitutional"}


def english_crimes(text: str) -> set[str]:
    return {m.text for m in extract(text, "en").mentions if m.type == "crime"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was fined for an unauthorized rally.", {"unauthorized rally"}),
        (
            "Two activists were arrested on Monday for an unsanctioned picket.",
            {"unsanctioned picket"},
        ),
        (
            "She was charged with organizing an unauthorized rally.",
            {"organizing an unauthorized rally"},
        ),
        (
            "He was detained for taking part in an unsanctioned protest.",
            {"taking part in an unsanctioned protest"},
        ),
    ],
)
def test_an_english_protest_is_an_offence_where_a_charge_governs_it(text, expected):
    assert english_crimes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 40 people at an unauthorized rally in Minsk.",
        "Unauthorized rallies were held in ten cities.",
    ],
)
def test_an_english_protest_told_of_is_an_event(text):
    assert english_crimes(text) == set()
