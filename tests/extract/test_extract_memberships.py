"""Membership facts from the cues beyond «член партии»: plural cues with a list of
members, verbs of joining, party-only cues («представитель», «секретарь ЦК», «из»), an
adjective after «от», an age between the organization and the member; and the seats
(«член Совета Федерации») and spokesmen («представитель МВД») that are not membership."""

import pytest

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
