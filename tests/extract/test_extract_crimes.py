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
    ("Чиновника подозревают в хищении данных о клиентах банка.", {"хищении данных"}),
    # an offence word no charge word governs keeps its genitive object too
    ("Полиция раскрыла хищение нефти с трубопровода.", {"хищение нефти", "хищение"}),
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
        {"ограблении ювелирного магазина", "ограблении"},
    ),
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
    # a genitive object after a determiner; the next offence of the list after it
    (
        "Ему предъявлены обвинения в изнасиловании одной женщины и принуждении к сожительству.",
        {"изнасиловании одной женщины", "принуждении к сожительству"},
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
