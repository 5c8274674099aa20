"""Membership facts from the cues beyond «член партии»: plural cues with a list of
members, verbs of joining, party-only cues («представитель», «секретарь ЦК», «из»), an
adjective after «от», an age between the organization and the member; and the seats
(«член Совета Федерации») and spokesmen («представитель МВД») that are not membership."""

import pytest

from pledgewatch.evaluate.nerel import extraction_items
from pledgewatch.extract import extract


def memberships(text: str) -> set[tuple[str, str]]:
    ex = extract(text, "ru")
    return {
        (ex.entities[f.subject].name, ex.entities[f.object].name)
        for f in ex.facts
        if f.type == "membership"
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural cue: each person listed after the organization
        (
            "Участницы панк-группы «Кукуруза» Анна Смирнова и Ольга Белова вышли на свободу.",
            {("Анна Смирнова", "Кукуруза"), ("Ольга Белова", "Кукуруза")},
        ),
        # verbs of joining
        (
            "В 1975 году Пётр Сидоров вступил в Коммунистическую партию.",
            {("Пётр Сидоров", "Коммунистическая партия")},
        ),
        (
            "Весной Анна Смирнова вошла в состав движения «Новая волна».",
            {("Анна Смирнова", "Новая волна")},
        ),
        # party-only cues
        (
            "Представитель Демократической партии Джон Смит заявил о победе.",
            {("Джон Смит", "Демократическая партия")},
        ),
        (
            "Иван Петров из Либеральной партии поддержал законопроект.",
            {("Иван Петров", "Либеральная партия")},
        ),
        # an adjective after «от», an age before the member
        (
            "Иван Петров выдвигается от политического «Союза за свободу».",
            {("Иван Петров", "Союз за свободу")},
        ),
        (
            "Кандидат от оппозиционной партии «Новый путь» 60-летний Иван Петров набрал 40%.",
            {("Иван Петров", "Новый путь")},
        ),
        (
            "Кандидат в президенты США от Демократической партии 68-летняя Анна Смит "
            "отменила турне.",
            {("Анна Смит", "Демократическая партия")},
        ),
        # other noun cues and endings
        (
            "Анна Смирнова стала кандидатом партии «Новый путь» на выборах мэра.",
            {("Анна Смирнова", "Новый путь")},
        ),
        (
            "Сторонником «Лиги» Лукой Петровым заинтересовалась полиция.",
            {("Лука Петров", "Лига")},
        ),
        # admitted to a union, a party in brackets, «стал» before the member
        (
            "В 1970 году Анну Смирнову приняли в Союз журналистов.",
            {("Анна Смирнова", "Союз журналистов")},
        ),
        (
            "Законопроект внесли Иван Мельников (КПРФ) и Анна Смирнова («Газпром»).",
            {("Иван Мельников", "КПРФ")},
        ),
        (
            "Кандидатом в президенты Франции от Социалистической партии стал 57-летний "
            "Жан Дюпон.",
            {("Жан Дюпон", "Социалистическая партия")},
        ),
    ],
)
def test_membership_cues(text, expected):
    assert expected <= memberships(text)


@pytest.mark.parametrize(
    "text",
    [
        # a spokesman of a ministry is its official, not a member
        "Представитель МВД Иван Петров сообщил о задержании.",
        # «от» without an elected office or a party word
        "Иван Петров получил письмо от Amnesty International.",
        # a board is a position in a company, not membership of it
        "Новым членом правления «Газпрома» стал Олег Петров.",
        # «и» before the cue: the member is someone else
        "Письмо подписали Ирина Яровая и член партии «Ак Жол».",
        # a seat in a chamber or a committee is a position, not membership
        "Член Совета Федерации Иван Петров подал в отставку.",
        # running for a seat, not for a party
        "Анна Смирнова, кандидат в Мосгордуму, была задержана.",
        # «кандидатура» is the proposal of a person, «участниками» after a hyphen a country
        "Фракция поддержала кандидатуру спикера Сената Анны Смирновой на пост премьера.",
        "Послание получил спецпредставитель по связям с государствами-участниками СНГ "
        "Иван Петров.",
        # taking part in an event is not membership of it
        "Участники акции «Стратегия-31» Иван Петров и Анна Смирнова были задержаны.",
        # leaving a party is not membership
        "Иван Петров вышел из Либеральной партии в прошлом году.",
        # a university admits students, a club in brackets is an employer
        "В 1970 году Анну Смирнову приняли в МГУ.",
        "Гол забил Иван Петров («Спартак»).",
        # the cue after a kinship apposition describes the daughter, not her father
        "Анна Петрова — дочь министра Ивана Петрова, член партии «Ак Жол», училась в Лондоне.",
    ],
)
def test_no_membership_fact(text):
    assert not memberships(text)


# --- cues of the first rules ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Депутат Госдумы от «Справедливой России» Илья Пономарёв выступил против.",
            ("Илья Пономарёв", "Справедливая Россия"),
        ),
        (
            "Документы подали Светлана Пеунова от партии «Воля» и другие кандидаты.",
            ("Светлана Пеунова", "Воля"),
        ),
        (
            "Член партии «Ак Жол» Иван Петров был задержан.",
            ("Иван Петров", "Ак Жол"),
        ),
        (
            "Иван Петров баллотируется от партии «Ак Жол».",
            ("Иван Петров", "Ак Жол"),
        ),
    ],
)
def test_membership_facts(text, expected):
    assert expected in memberships(text)


def test_head_of_organization_is_a_membership_but_not_nerel_member_of():
    ex = extract("Лидер партии «Ак Жол» Иван Петров был задержан.", "ru")
    assert {f.type for f in ex.facts} >= {"membership"}
    assert not {r for r in extraction_items(ex).relations if r[0] == "MEMBER_OF"}


def test_member_of_argument_is_the_full_organization_span():
    text = "Доминик Дюпон — член Социалистической партии Франции и кандидат."
    relations = extraction_items(extract(text, "ru")).relations
    start = text.index("Социалистической")
    organization = (start, start + len("Социалистической партии Франции"))
    assert any(r[0] == "MEMBER_OF" and r[2] == (organization,) for r in relations)


def test_party_named_with_its_country_is_one_entity():
    ex = extract("Иван Петров был видным членом Коммунистической партии Китая.", "ru")
    names = {e.name for e in ex.entities.values() if e.type == "organization"}
    assert names == {"Коммунистическая партия Китая"}
    assert memberships("Иван Петров был видным членом Коммунистической партии Китая.") == {
        ("Иван Петров", "Коммунистическая партия Китая")
    }


def test_membership_across_a_bracket_after_the_organization():
    text = "Члену ХДС (Христианско-демократический союз Германии) Томасу Шеферу было 54 года."
    assert ("Томас Шефер", "ХДС") in memberships(text)
