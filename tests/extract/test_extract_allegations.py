"""Allegation facts (torture, beatings, denied medical care, incommunicado detention: who
suffered them, never who tells of them) and designation facts (an organization declared
extremist, terrorist, undesirable or a foreign agent). Example sentences are written for
these tests; the people and organizations are invented."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract


def allegations(text: str, language: str) -> set[tuple[str, str]]:
    """(victim's name, kind) of every allegation fact."""
    extraction = extract(text, language)
    return {
        (extraction.entities[f.subject].name, f.attributes["kind"])
        for f in extraction.facts
        if f.type == "allegation"
    }


def designations(text: str, language: str) -> set[tuple[str, str, str | None]]:
    """(organization's name, kind, date) of every designation fact."""
    extraction = extract(text, language)
    return {
        (extraction.entities[f.subject].name, f.attributes["kind"], f.date)
        for f in extraction.facts
        if f.type == "designation"
    }


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # the speaker tells of what was done to him
        (
            "Журналист Тимур Жаксылыков заявил, что во время допросов его избивали "
            "сотрудники полиции.",
            "ru",
            {("Тимур Жаксылыков", "ill_treatment")},
        ),
        # a rights defender tells of someone else: the victim is the one named after «что»
        (
            "Правозащитник Ерлан Бектуров сообщил, что Нурлан Асанов подвергался пыткам в СИЗО.",
            "ru",
            {("Нурлан Асанов", "torture")},
        ),
        # a lawyer's client, named after «подзащитного»
        (
            "Адвокат Айгуль Сапарова рассказала, что её подзащитного Ерлана Кадырова избили в "
            "изоляторе.",
            "ru",
            {("Ерлан Кадыров", "ill_treatment")},
        ),
        # «ему» in the next sentence is the blogger named before, not his wife
        (
            "Блогер Айдос Садыков был задержан в Алматы. По словам его жены, ему отказывают в "
            "медицинской помощи.",
            "ru",
            {("Айдос Садыков", "denial_of_medical_care")},
        ),
        (
            "Активистка Динара Ахметова содержится без связи с внешним миром с 5 мая.",
            "ru",
            {("Динара Ахметова", "incommunicado")},
        ),
        # «как сообщалось» is an aside, not a clause whose speaker is the victim
        (
            "Фермер Игорь Валов, как стало известно, был избит в отделе полиции и двое суток "
            "лишён доступа к адвокату.",
            "ru",
            {("Игорь Валов", "ill_treatment"), ("Игорь Валов", "other")},
        ),
        (
            "Relatives of activist Marat Ospanov said he has been denied medical care in "
            "pre-trial detention.",
            "en",
            {("Marat Ospanov", "denial_of_medical_care")},
        ),
        (
            "Activist Aigul Nurlanova was held incommunicado for two weeks after her arrest, "
            "her lawyer said.",
            "en",
            {("Aigul Nurlanova", "incommunicado")},
        ),
        # a relative clause about the person before it
        (
            "Ержан Досов, которого, по его словам, пытали в полиции, отказался от показаний.",
            "ru",
            {("Ержан Досов", "torture")},
        ),
        # «Ему» is the man detained in the sentence before, not his sister who tells of it
        (
            "Полиция задержала Ержана Досова. Ему отказывают в медицинской помощи, заявила его "
            "сестра Алия Досова.",
            "ru",
            {("Ержан Досов", "denial_of_medical_care")},
        ),
        # two people listed; not the one named after «вместе с»
        (
            "Иван Петров и Анна Смирнова подвергались пыткам в изоляторе.",
            "ru",
            {("Иван Петров", "torture"), ("Анна Смирнова", "torture")},
        ),
        (
            "Иван Петров, задержанный вместе с Анной Смирновой, подвергся пыткам.",
            "ru",
            {("Иван Петров", "torture")},
        ),
    ],
)
def test_an_allegation_is_about_who_suffered_it(text, language, expected):
    assert allegations(text, language) == expected


@pytest.mark.parametrize(
    "text, language",
    [
        # denied, by the victim's side or by the authorities
        ("Следователи утверждают, что Нурлан Асанов не подвергался пыткам.", "ru"),
        ("Нурлан Асанов заявил, что его не избивали в СИЗО.", "ru"),
        ("Министерство внутренних дел отрицает применение пыток к Нурлану Асанову.", "ru"),
        # torture in general, told by a named person, is about no one
        (
            "Пытки в тюрьмах остаются широко распространённой практикой, заявил Ерлан Бектуров.",
            "ru",
        ),
        # a treaty's name
        (
            "Казахстан ратифицировал Конвенцию против пыток в 1998 году. Ерлан Бектуров "
            "выступил на конференции.",
            "ru",
        ),
        # who beat someone is not beaten
        ("Бакыт Алиев избил соседа во время ссоры.", "ru"),
        # the victim is her son, who is not named
        ("Мать Асель Нуркеновой рассказала, что её сына избивали в колонии.", "ru"),
        # the lawyer tells of his client's torture; the client is not named
        ("Адвокат Ерлан Кадыров рассказал журналистам о пытках своего подзащитного.", "ru"),
        # a match lost is no beating
        (
            "Journalist Daniyar Abenov was beaten by Timur Kenzhin in the final of the city "
            "chess tournament.",
            "en",
        ),
        # a risk, not a report
        ("Ержан Досов может подвергнуться пыткам в случае экстрадиции.", "ru"),
        # «пытались» is «tried», not «tortured»
        ("Ерлан Кадыров и Нурлан Асанов пытались выехать из страны.", "ru"),
    ],
)
def test_a_denied_or_general_allegation_makes_no_fact(text, language):
    assert allegations(text, language) == set()


def test_the_lawyers_unnamed_client_is_the_person_named_before():
    text = (
        "Следователи предъявили обвинение правозащитнику Фархаду Юсупову. Его адвокат Лола "
        "Азимова сообщила, что подзащитному отказывают в медицинской помощи."
    )
    assert allegations(text, "ru") == {("Фархад Юсупов", "denial_of_medical_care")}


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # the court that designates is not designated; the year dates the fact
        (
            "Верховный суд Казахстана в 2018 году признал движение «Демократический выбор "
            "Казахстана» экстремистским.",
            "ru",
            {("Демократический выбор Казахстана", "extremist", "2018")},
        ),
        (
            "Министерство юстиции признало фонд «Открытый диалог» нежелательной организацией.",
            "ru",
            {("Открытый диалог", "undesirable", None)},
        ),
        (
            "Ранее движение «Ак Жол» было признано террористическим в 2015 году.",
            "ru",
            {("Ак Жол", "terrorist", "2015")},
        ),
        # the kind before the organization's nouns
        (
            "Власти признали экстремистской организацией движение «Көк Жол» ещё в 2019 году.",
            "ru",
            {("Көк Жол", "extremist", "2019")},
        ),
        # «его» is the movement the sentence before names
        (
            "Айгуль Сапарова возглавляла движение «Жаңа Жол». В 2021 году его признали "
            "экстремистским.",
            "ru",
            {("Жаңа Жол", "extremist", "2021")},
        ),
    ],
)
def test_a_designation_is_about_the_organization_declared(text, language, expected):
    assert {(n.strip("«»"), k, d) for n, k, d in designations(text, language)} == expected


@pytest.mark.parametrize(
    "text, language",
    [
        # a person convicted of taking part in an extremist organization designates nothing
        (
            "Дина Сарсенова признана виновной в участии в деятельности экстремистской организации.",
            "ru",
        ),
        # only asked for
        ("Прокуратура требует признать движение «Көк Жол» экстремистским.", "ru"),
        # a refusal to designate
        ("Суд отказал в признании организации «Ак Жол» экстремистской.", "ru"),
        ("Суд не признал движение «Ак Жол» экстремистским.", "ru"),
        # the materials are declared extremist, not the channel that published them
        ("Суд признал экстремистскими материалы канала «Азаттык».", "ru"),
        # a person declared a foreign agent: the design keeps designations to organizations
        ("Министерство юстиции признало журналиста Ивана Петрова иностранным агентом.", "ru"),
    ],
)
def test_no_designation_without_an_organization_declared(text, language):
    assert designations(text, language) == set()
