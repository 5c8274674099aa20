"""Who a charge, a sentence or a preventive measure is about: the person the fact rules link
to an offence, a penalty, custody or a travel ban, and the phrasings where the person named
nearby is someone else (an accuser, a victim, a source, the subject of another clause)."""

import pytest

from pledgewatch.extract import extract


def facts(text: str, fact_type: str) -> dict[str, list[dict]]:
    extraction = extract(text, "ru")
    found: dict[str, list[dict]] = {}
    for fact in extraction.facts:
        if fact.type == fact_type:
            name = extraction.entities[fact.subject].name
            spans = [text[a:b] for _, a, b in fact.spans]
            found.setdefault(name, []).append({**fact.attributes, "spans": spans})
    return found


# --- charges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, accused",
    [
        # the person named last before the offence, not a name inside a description of them
        (
            "Ярый противник министра Ивана Сидорова, Пётр Васильев, был признан виновным в мошенничестве.",
            {"Пётр Васильев"},
        ),
        # «обвинён» is a charge like «обвиняется»
        ("В 2019 году Пётр Васильев был обвинён в мошенничестве.", {"Пётр Васильев"}),
        ("Иван Петров был заподозрен в мошенничестве.", {"Иван Петров"}),
        # who accuses with a gerund is the accuser
        ("Министр Анна Петрова уволила заместителя, обвинив его в мошенничестве.", set()),
        # a person in another clause, before or after the offence
        ("Иван Петров заявил, что задержанных обвиняют в мошенничестве.", set()),
        (
            "Полиция подозревает двоих мужчин в мошенничестве, когда в городе был Иван Петров.",
            set(),
        ),
        # a plural participle names a group, not the person before it
        ("Иван Петров проверял организации, подозреваемые в мошенничестве.", set()),
    ],
)
def test_the_accused_is_the_person_of_the_offence_clause(text, accused):
    assert set(facts(text, "charge")) == accused


def test_a_clause_that_refers_back_to_the_person_keeps_them_accused():
    text = "Иван Петров заявил, что его обвиняют в мошенничестве."
    assert set(facts(text, "charge")) == {"Иван Петров"}


@pytest.mark.parametrize(
    "text, accused",
    [
        # the person of the sentence before, through a pronoun or a bare noun for them
        (
            "Ивана Петрова задержали в Алматы. Ему предъявили обвинение в мошенничестве.",
            {"Иван Петров"},
        ),
        ("Ивана Петрова задержали в Алматы. Журналиста обвиняют в мошенничестве.", {"Иван Петров"}),
        # … but not an offence the next sentence tells without referring back to them
        ("Иван Петров выступил на митинге. Возбуждено уголовное дело о мошенничестве.", set()),
    ],
)
def test_a_charge_is_carried_to_the_sentence_before_only_when_it_refers_back(text, accused):
    assert set(facts(text, "charge")) == accused


@pytest.mark.parametrize(
    "text, fact_type",
    [
        ("Анна Петрова сообщила, что её сына приговорили к пяти годам колонии.", "sentence"),
        ("Иван Петров заявил, что его брата обвиняют в мошенничестве.", "charge"),
        ("Иван Петров уехал из страны. Его брата обвиняют в мошенничестве.", "charge"),
    ],
)
def test_a_pronoun_that_says_whose_relative_is_meant_is_not_the_person(text, fact_type):
    assert facts(text, fact_type) == {}


def test_a_pronoun_after_an_unnamed_man_is_not_the_person_named_before():
    text = (
        "Есть запись разговора между Анной Петровой и неким мужчиной. Личность мужчины "
        "установлена. Как выяснилось, он был арестован за хранение крупной партии марихуаны."
    )
    assert facts(text, "charge") == {}
    text = (
        "Иван Петров давно известен полиции. Собеседники обсуждали выгоды. "
        "Как выяснилось, он был арестован за хранение крупной партии марихуаны."
    )
    assert set(facts(text, "charge")) == {"Иван Петров"}


def test_a_bare_profession_means_the_person_it_described_before():
    # the person named last (the businessman) is not who «бывшего президента» is
    text = (
        "Бывший президент Египта Хосни Мубарак доставлен в суд вместе с бизнесменом Хусейном "
        "Салемом. Против бывшего президента выдвигаются обвинения в коррупции."
    )
    accused = facts(text, "charge")
    assert set(accused) == {"Хосни Мубарак"}
    assert "президента" in accused["Хосни Мубарак"][0]["spans"]  # the word that names him


def test_a_profession_said_of_two_people_means_neither_but_the_one_named_last():
    # «футболист» describes both Нурланов and Джумабаев: «футболиста» is the one named last
    text = (
        "Футболист Азамат Нурланов женился в Бишкеке. Его жена приходится сестрой его другу, "
        "футболисту Эрлану Джумабаеву. С тех пор как Нурланов переехал в Алматы, он выиграл "
        "три кубка. В мае 2024 года суд Алматы приговорил футболиста к двум годам лишения "
        "свободы за уклонение от уплаты налогов."
    )
    assert set(facts(text, "sentence")) == {"Азамат Нурланов"}


def test_a_bare_lawyer_is_not_the_person_the_court_sentences():
    text = (
        "Адвокат Иван Петров защищает журналиста Сергея Сидорова. "
        "Адвокат заявил, что суд приговорил его к пяти годам колонии."
    )
    assert set(facts(text, "sentence")) == {"Сергей Сидоров"}


def test_a_penalty_the_judge_chooses_is_the_defendants_not_the_victims():
    text = (
        "Ивана Петрова обвинили в убийстве. Иван Петров убил Анну Сидорову в июне 2017 года. "
        "Присяжные не пришли к единому мнению — тогда судья Сергей Смирнов выбрал пожизненный "
        "срок без права условно-досрочного освобождения."
    )
    sentenced = facts(text, "sentence")
    assert set(sentenced) == {"Иван Петров"}
    assert sentenced["Иван Петров"][0]["spans"] == [
        "пожизненный срок без права условно-досрочного освобождения"
    ]
    # a judge who chooses the date of a hearing sentences no one
    text = "Ивана Петрова обвинили в убийстве. Судья Сергей Смирнов назначил заседание на май."
    assert facts(text, "sentence") == {}


def test_a_sentence_keeps_the_profession_word_that_names_the_person_of_the_sentence_before():
    text = (
        "Лионель Месси переехал в Испанию в детстве. "
        "Суд приговорил футболиста к 21 месяцу лишения свободы."
    )
    sentenced = facts(text, "sentence")
    assert set(sentenced) == {"Лионель Месси"}
    assert "футболиста" in sentenced["Лионель Месси"][0]["spans"]
    # named by a pronoun, the fact has no such word
    text = "Лионель Месси переехал в Испанию в детстве. Суд приговорил его к 21 месяцу лишения свободы."
    assert facts(text, "sentence")["Лионель Месси"][0]["spans"] == ["21 месяцу лишения свободы"]


# --- sentences ----------------------------------------------------------------------------


def test_a_penalty_told_after_a_dated_verdict_takes_its_date():
    text = (
        "Алматы, 12 марта 2025 г.\n\nВ понедельник суд вынес приговор блогеру Ивану Петрову. "
        "Его признали виновным в мошенничестве. Суд назначил ему пять лет колонии."
    )
    extraction = extract(text, "ru")
    (sentence,) = [f for f in extraction.facts if f.type == "sentence"]
    assert sentence.date == "2025-03-10"


def test_the_victim_of_an_offence_is_neither_charged_nor_sentenced():
    text = (
        "Суд признал Ивана Петрова виновным в причинении смерти по неосторожности "
        "19-летнему студенту Сергею Смирнову и приговорил его к двум годам ограничения свободы."
    )
    assert set(facts(text, "sentence")) == {"Иван Петров"}
    assert set(facts(text, "charge")) == {"Иван Петров"}


def test_the_victim_named_last_is_not_the_person_of_the_next_sentence():
    text = (
        "Сергея Петрова задержали по подозрению в покушении на Анатолия Смирнова. "
        "В 2013 году приговорён к восьми годам колонии строгого режима."
    )
    assert set(facts(text, "sentence")) == {"Сергей Петров"}


@pytest.mark.parametrize(
    "text, sentenced",
    [
        ("В 2015 году к пожизненному заключению приговорён Иван Петров.", {"Иван Петров"}),
        (
            "Анна Смирнова рассказала, что по этому делу к пожизненному заключению приговорён Иван Петров.",
            {"Иван Петров"},
        ),
        (
            "Иван Петров отбывает срок по делу, по которому осуждён на 10 лет Олег Сидоров.",
            {"Олег Сидоров"},
        ),
    ],
)
def test_the_person_named_after_the_penalty_is_sentenced(text, sentenced):
    assert set(facts(text, "sentence")) == sentenced


@pytest.mark.parametrize(
    "text, sentenced",
    [
        # a clause inside a relative clause about the person, closed before their predicate
        (
            "Иван Петров, который заявил, что невиновен, был приговорён к пяти годам колонии.",
            {"Иван Петров"},
        ),
        (
            "Иван Петров, который признался в том, что работал на разведку, был приговорён к 20 годам тюрьмы.",
            {"Иван Петров"},
        ),
        # the clause names who is sentenced
        (
            "Иван Петров, который заявил, что Сергея Сидорова приговорили к пяти годам.",
            {"Сергей Сидоров"},
        ),
    ],
)
def test_a_relative_clause_about_the_person_does_not_part_them_from_the_penalty(text, sentenced):
    assert set(facts(text, "sentence")) == sentenced


def test_terms_handed_out_respectively_go_to_each_in_turn_or_to_no_one():
    text = (
        "Суд приговорил Ивана Петрова и Анну Смирнову к 5 и 3 годам лишения свободы соответственно."
    )
    found = facts(text, "sentence")
    assert {name: [f["term_months"] for f in got] for name, got in found.items()} == {
        "Иван Петров": [60],
        "Анна Смирнова": [36],
    }
    # three people and two terms: who got which is not told, so no one rather than the wrong one
    text = (
        "Суд приговорил Ивана Петрова, Анну Смирнову и Олега Козлова к 5 и 3 годам лишения "
        "свободы соответственно."
    )
    assert facts(text, "sentence") == {}


@pytest.mark.parametrize(
    "text, penalty, term",
    [
        ("Суд приговорил Ивана Петрова к смертной казни.", "death", None),
        ("Суд вынес Ивану Петрову смертный приговор.", "death", None),
        ("Суд приговорил Ивана Петрова к году лишения свободы.", "imprisonment", 12.0),
        ("Суд обязал Ивана Петрова выплатить штраф в размере 50 тысяч рублей.", "fine", None),
    ],
)
def test_sentences_without_a_numbered_term(text, penalty, term):
    (found,) = facts(text, "sentence")["Иван Петров"]
    assert (found["penalty"], found["term_months"]) == (penalty, term)


def test_a_sentence_that_is_only_possible_is_none():
    text = (
        "Если Ивана Петрова признают виновным, он может быть приговорён к пожизненному заключению."
    )
    assert facts(text, "sentence") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Иван Петров не был приговорён к лишению свободы.",
        "Потерпевший просит суд не выносить обвинительный приговор Ивану Петрову: штраф для него незначимое наказание.",
    ],
)
def test_a_negated_verdict_hands_out_no_penalty(text):
    assert facts(text, "sentence") == {}


@pytest.mark.parametrize(
    "text, penalties",
    [
        # the negation is of another penalty, or of a clause before the verdict
        (
            "Суд не назначил Ивану Петрову реальный срок, приговорив его к трём годам условно.",
            ["suspended_sentence"],
        ),
        ("Иван Петров не раскаялся и приговорён к пяти годам колонии.", ["imprisonment"]),
        (
            "Ивана Петрова не только приговорили к пяти годам колонии, но и оштрафовали на 100 тысяч рублей.",
            ["imprisonment", "fine"],
        ),
        # «не раз», «не впервые»: it happened, and not for the first time
        ("Иван Петров не раз был осуждён к пяти годам колонии.", ["imprisonment"]),
        ("Иван Петров не впервые приговорён к пяти годам колонии.", ["imprisonment"]),
    ],
)
def test_a_verdict_next_to_a_negation_of_something_else_is_kept(text, penalties):
    found = facts(text, "sentence")["Иван Петров"]
    assert [f["penalty"] for f in found] == penalties


@pytest.mark.parametrize(
    "text",
    [
        "Ивану Петрову так и не предъявили обвинений в убийстве.",
        "Ивана Петрова так и не обвинили в мошенничестве.",
    ],
)
def test_a_negated_charge_is_none(text):
    assert facts(text, "charge") == {}


def test_a_plea_of_not_guilty_keeps_the_charge():
    text = "Иван Петров не признал себя виновным в мошенничестве."
    assert set(facts(text, "charge")) == {"Иван Петров"}


def test_a_sentence_split_inside_brackets_is_one_and_the_name_before_them_is_sentenced():
    text = (
        "Суд приговорил бизнесмена Ивана Петрова (Ivan Petrov, также — Иван Петрофф; "
        "Иван Петроф) к шести годам тюремного заключения за мошенничество."
    )
    (found,) = facts(text, "sentence")["Иван Петров"]
    assert found["term_months"] == 72.0
    assert set(facts(text, "charge")) == {"Иван Петров"}


@pytest.mark.parametrize(
    "text, accused",
    [
        (
            "Генерал Иван Петров ушёл в отставку. С Ивана Петрова сняты все обвинения в халатности.",
            {"Иван Петров"},
        ),
        (
            "Иван Петров был признан невменяемым. С него сняли обвинение в убийстве.",
            {"Иван Петров"},
        ),
        # not who won the charges dropped, nor who decreed it
        (
            "Адвокату Ивану Петрову удалось добиться снятия обвинений в мошенничестве с компании.",
            set(),
        ),
        (
            "Президент Иван Петров издал указ, который предусматривал снятие обвинений в коррупции со всех чиновников.",
            set(),
        ),
    ],
)
def test_charges_dropped_are_of_whom_they_are_dropped_from(text, accused):
    assert set(facts(text, "charge")) == accused


# --- preventive measures --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a search at someone's home or office charges no one
        "Следователи провели обыск у Ивана Петрова по делу о мошенничестве.",
        "В квартире блогера Ивана Петрова прошли обыски по делу о клевете.",
        # a law proposed charges no one with the offence it is about
        "Депутат Иван Петров предложил ввести уголовную ответственность за пропаганду наркотиков.",
    ],
)
def test_a_search_or_a_proposed_law_is_no_charge(text):
    assert facts(text, "charge") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Полиция провела обыск у Ивана Петрова, подозреваемого в мошенничестве.",
        # the search was at someone else's: the person is the one detained
        "При обыске у соседей полиция задержала Ивана Петрова по делу о мошенничестве.",
    ],
)
def test_a_search_at_someone_charged_keeps_the_charge(text):
    assert set(facts(text, "charge")) == {"Иван Петров"}


def test_the_people_of_a_case_named_in_quotes_are_charged_with_it():
    text = (
        "Суд продлил арест Ивану Петрову и Анне Смирновой. Оба проходят по делу о "
        "«мошенничестве в особо крупном размере»."
    )
    found = facts(text, "charge")
    assert set(found) == {"Иван Петров", "Анна Смирнова"}
    assert found["Анна Смирнова"][0]["spans"] == ["мошенничестве в особо крупном размере"]


@pytest.mark.parametrize(
    "text",
    [
        "Суд отказался отправить Ивана Петрова под стражу.",
        # the second measure of a request, told without its verb
        "Следователи просили отправить Анну Смирнову в СИЗО, а Ивана Петрова под домашний арест.",
    ],
)
def test_a_detention_refused_or_asked_for_in_a_list_is_none(text):
    assert "Иван Петров" not in facts(text, "detention")


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Следователи просили отправить Анну Смирнову в СИЗО, а суд отправил Ивана Петрова "
            "под домашний арест.",
            "house_arrest",
        ),
        ("Иван Петров отказался от показаний и был задержан.", "detention"),
    ],
)
def test_a_detention_after_a_request_or_a_refusal_of_its_own_is_kept(text, kind):
    assert [f["kind"] for f in facts(text, "detention")["Иван Петров"]] == [kind]


def test_custody_is_a_detention_that_records_the_measure():
    found = facts("Сейчас Иван Петров находится под стражей.", "detention")
    assert found == {"Иван Петров": [{"kind": "arrest", "spans": ["под стражей"]}]}
    found = facts("Надежда Петрова, которая находится под арестом, подала жалобу.", "detention")
    assert found["Надежда Петрова"][0]["spans"] == ["арестом"]


@pytest.mark.parametrize(
    "text",
    [
        "По словам Анны Смирновой, остальные задержанные остаются под стражей.",
        "Прокуратура просила оставить Ивана Петрова под стражей.",
        "Прокуратура подала ходатайство о содержании Ивана Петрова под стражей.",
    ],
)
def test_custody_said_of_someone_else_or_only_asked_for_is_none(text):
    assert facts(text, "detention") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Ивана Петрова задержали в Оше. Суд взял его под стражу на два месяца.",
        "Суд заключил журналиста Ивана Петрова под стражу.",
    ],
)
def test_taken_into_custody_with_the_person_between_the_words(text):
    assert [f["kind"] for f in facts(text, "detention")["Иван Петров"]][-1] == "arrest"


def test_both_are_the_two_people_the_sentence_before_names():
    text = (
        "Правозащитники потребовали освободить блогера Ивана Петрова и активистку Анну "
        "Смирнову. Обоих задержали в прошлом месяце."
    )
    assert set(facts(text, "detention")) == {"Иван Петров", "Анна Смирнова"}
    text = "Ивана Петрова и Анну Смирнову видели на митинге. Её задержали вечером."
    assert set(facts(text, "detention")) == {"Анна Смирнова"}


def test_each_of_the_people_the_sentence_before_names_gets_the_penalty():
    text = (
        "Астана, 12 марта 2025 г.\n\nВо вторник суд огласил приговор по делу двух блогеров. "
        "Иван Петров и Анна Смирнова признаны виновными в мошенничестве. "
        "Каждый из них получил по три года лишения свободы."
    )
    extraction = extract(text, "ru")
    sentenced = {
        extraction.entities[f.subject].name: (f.attributes["term_months"], f.date)
        for f in extraction.facts
        if f.type == "sentence"
    }
    # the date is the verdict's, told before anyone was named
    assert sentenced == {"Иван Петров": (36, "2025-03-11"), "Анна Смирнова": (36, "2025-03-11")}


def test_a_ban_told_after_the_sentence_is_a_sentence_too():
    text = (
        "Суд приговорил Ивана Петрова к трём годам ограничения свободы. "
        "Кроме того, ему запрещено заниматься журналистикой на два года."
    )
    penalties = {f["penalty"]: f["term_months"] for f in facts(text, "sentence")["Иван Петров"]}
    assert penalties == {"restricted_freedom": 36, "ban": 24}
    # without a sentence just before, a ban is no sentence («запрещено» is said of anyone)
    assert facts("Ивану Петрову запрещено заниматься журналистикой на два года.", "sentence") == {}


def test_a_ban_with_its_term_told_first_is_a_sentence_too():
    text = (
        "Суд приговорил Айжан Омарову к двум годам ограничения свободы. "
        "Кроме того, на три года ей запрещено заниматься журналистской деятельностью."
    )
    penalties = {f["penalty"]: f["term_months"] for f in facts(text, "sentence")["Айжан Омарова"]}
    assert penalties == {"restricted_freedom": 24, "ban": 36}


def test_the_next_day_is_the_day_after_the_event_told_before():
    text = (
        "Ош, 20 марта 2025 г.\n\n14 марта в Оше задержали блогера Ивана Петрова. "
        "На следующий день суд взял его под стражу на два месяца."
    )
    dates = {f["kind"]: f["date"] for f in _dated(text, "detention")}
    assert dates == {"detention": "2025-03-14", "arrest": "2025-03-15"}


def test_the_following_day_in_english_is_the_day_after_too():
    text = (
        "Police detained journalist Ivan Petrov in Almaty on 14 March 2024. "
        "The following day a court remanded him in custody for two months."
    )
    dates = {f["kind"]: f["date"] for f in _dated(text, "detention", "en")}
    assert dates == {"detention": "2024-03-14", "arrest": "2024-03-15"}


def _dated(text: str, fact_type: str, language: str = "ru") -> list[dict]:
    extraction = extract(text, language)
    return [{**f.attributes, "date": f.date} for f in extraction.facts if f.type == fact_type]


def test_a_court_sanctioning_her_arrest_is_an_arrest():
    text = "Анну Смирнову задержали в Оше. Суд санкционировал ее арест на два месяца."
    assert [f["kind"] for f in facts(text, "detention")["Анна Смирнова"]][-1] == "arrest"


def test_an_english_dateline_is_not_part_of_the_first_sentence():
    text = "Bishkek, 12 March 2025\n\nPolice detained journalist Ivan Petrov on Monday."
    extraction = extract(text, "en")
    (detention,) = [f for f in extraction.facts if f.type == "detention"]
    assert detention.date == "2025-03-10"  # Monday, not the dateline's date


def test_a_travel_ban_is_a_restriction_not_a_detention():
    text = "Сейчас Иван Петров и Анна Смирнова находятся под подпиской о невыезде."
    found = facts(text, "restriction")
    expected = [{"kind": "travel_ban", "spans": ["подпиской о невыезде"]}]
    assert found == {"Иван Петров": expected, "Анна Смирнова": expected}
    assert facts(text, "detention") == {}


def test_a_travel_ban_only_asked_for_is_none():
    text = "Прокурор просил избрать Ивану Петрову меру пресечения в виде подписки о невыезде."
    assert facts(text, "restriction") == {}


def test_a_name_after_a_word_of_kinship_is_only_whose_relative_the_accused_is():
    assert facts("Сын актрисы Анны Петровой не признал вину в мошенничестве.", "charge") == {}
    assert facts("Сын актрисы Анны Петровой приговорён к девяти годам колонии.", "sentence") == {}
    text = "Мать рядового Ивана Петрова, обвиняемого в мошенничестве, подала жалобу."
    assert set(facts(text, "charge")) == {"Иван Петров"}


def test_a_word_of_kinship_inside_a_name_is_no_kinship():
    text = "Бывший лидер движения «Братья по вере» Иван Петров приговорён к десяти годам."
    assert set(facts(text, "sentence")) == {"Иван Петров"}


def test_the_victims_named_after_a_place_or_an_abbreviation_are_not_accused():
    text = (
        "Следователи возбудили дела об убийстве в Лондоне Ивана Петрова "
        "и о покушении на убийство гражданки РФ Анны Смирновой."
    )
    assert facts(text, "charge") == {}


@pytest.mark.parametrize(
    "text, penalty, term",
    [
        ("Также на 1 год 5 месяцев осуждён Иван Петров.", "imprisonment", 17.0),
        ("Иван Петров вышел на свободу после десяти суток ареста.", "administrative_arrest", 0.333),
    ],
)
def test_a_sentence_told_by_a_verb_after_the_term_or_by_the_release_that_ends_it(
    text, penalty, term
):
    (found,) = facts(text, "sentence")["Иван Петров"]
    assert (found["penalty"], found["term_months"]) == (penalty, term)


def test_a_name_after_an_accused_participle_is_the_accused_unless_right_after_the_offence():
    text = "Вчера обвиняемый в убийстве бизнесмен Иван Петров предстал перед судом."
    assert set(facts(text, "charge")) == {"Иван Петров"}
    text = "Вчера обвиняемый в убийстве Ивана Петрова предстал перед судом."
    assert facts(text, "charge") == {}


@pytest.mark.parametrize(
    "text, accused",
    [
        # a confession is no charge
        ("Иван Петров признался в мошенничестве.", set()),
        # unless a charge word says so too
        ("Обвиняемый в мошенничестве Иван Петров признался в мошенничестве.", {"Иван Петров"}),
        # after «обвиняемый в убийстве» a nominative name is the accused, a genitive one the
        # victim
        ("Обвиняемый в убийстве Иван Петров вчера был в суде.", {"Иван Петров"}),
        (
            "Обвиняемый в убийстве Ивана Петрова Сергей Сидоров вчера был в суде.",
            {"Сергей Сидоров"},
        ),
    ],
)
def test_confessions_and_victims_after_a_participle(text, accused):
    assert set(facts(text, "charge")) == accused


def test_an_age_before_the_next_name_keeps_the_list():
    text = "Иван Петров и 54-летний Олег Смирнов осуждены на три года колонии."
    assert set(facts(text, "sentence")) == {"Иван Петров", "Олег Смирнов"}


def test_they_are_the_parties_not_the_judge_who_named_them():
    text = (
        "Судья Анна Петрова решила, что 49-летний Иван Сидоров и 54-летний Олег Смирнов "
        "опасны. Теперь они останутся под стражей."
    )
    held = facts(text, "detention")
    assert set(held) == {"Иван Сидоров", "Олег Смирнов"}
    assert all(f["spans"] == ["под стражей"] for found in held.values() for f in found)


@pytest.mark.parametrize(
    "text, fact_type",
    [
        ("Вся группа обвиняемых, кроме Ивана Петрова, признана виновной в хулиганстве.", "charge"),
        ("Все подсудимые, кроме Ивана Петрова, приговорены к трём годам колонии.", "sentence"),
    ],
)
def test_the_one_person_excepted_is_neither_charged_nor_sentenced(text, fact_type):
    assert facts(text, fact_type) == {}


def test_besides_that_is_no_exception():
    text = "Кроме того Иван Петров приговорён к трём годам колонии."
    assert set(facts(text, "sentence")) == {"Иван Петров"}


def test_a_pronoun_before_the_offence_is_the_accused_not_a_name_after_it():
    text = (
        "Власти сообщили об аресте студента Ивана Петрова. Его обвиняют в сокрытии улик, "
        "свидетельствующих против одного из подозреваемых — Сергея Смирнова."
    )
    assert set(facts(text, "charge")) == {"Иван Петров"}
    # a pronoun in a clause of its own says nothing about who is accused
    text = "Иван Петров выступил в суде. Он сказал, что Сергея Смирнова обвиняют в мошенничестве."
    assert set(facts(text, "charge")) == {"Сергей Смирнов"}


@pytest.mark.parametrize(
    "text, span, term",
    [
        (
            "Суд признал Ивана Петрова виновным в нарушении порядка и арестовал на 10 суток.",
            "арестовал на 10 суток",
            0.333,
        ),
        ("Ивана Петрова арестовали на 15 суток.", "арестовали на 15 суток", 0.5),
    ],
)
def test_an_arrest_for_days_is_a_sentence_of_administrative_arrest(text, span, term):
    (found,) = facts(text, "sentence")["Иван Петров"]
    assert (found["penalty"], found["term_months"]) == ("administrative_arrest", term)
    assert found["spans"][0] == span
    # custody for months is a detention, no sentence
    assert facts("Суд арестовал Ивана Петрова на два месяца.", "sentence") == {}


def test_all_of_them_are_everyone_the_sentence_before_names():
    text = (
        "По делу проходят бывший директор Иван Петров, главный инженер Олег Смирнов и ведущий "
        "инженер Анна Сидорова. Все они обвиняются в нарушении правил охраны труда."
    )
    assert set(facts(text, "charge")) == {"Иван Петров", "Олег Смирнов", "Анна Сидорова"}


def test_both_are_the_two_joined_by_and_and_a_possible_charge_is_none():
    text = (
        "Полиция считает, что Иван Петров и Олег Смирнов побывали в квартире Сергея Сидорова. "
        "Обоих задержали в субботу."
    )
    assert set(facts(text, "detention")) == {"Иван Петров", "Олег Смирнов"}
    text = (
        "Полиция считает, что Иван Петров и Олег Смирнов побывали в квартире Сергея Сидорова. "
        "Оба могут быть обвинены в укрывательстве преступлений."
    )
    assert facts(text, "charge") == {}


def test_the_counts_listed_after_the_charge_are_charges_of_its_person():
    text = (
        "Генералу Ивану Петрову предъявлено 11 обвинений. "
        "Среди них — геноцид и военные преступления."
    )
    (charge,) = facts(text, "charge")["Иван Петров"]
    assert charge["spans"] == ["геноцид", "военные преступления"]
    # a list that does not follow such a charge says nothing about who is charged
    text = "Иван Петров выступил в суде. Среди них — геноцид и военные преступления."
    assert facts(text, "charge") == {}


def test_a_penalty_a_lawyer_asks_for_in_the_first_person_is_no_sentence():
    text = (
        "Адвокат Ивана Петрова сказал: «Прошу назначить ему наказание в виде ограничения "
        "свободы на два года»."
    )
    assert facts(text, "sentence") == {}


def test_he_is_who_the_sentence_before_is_about_not_his_friend():
    text = (
        "Иван Петров — приятель Сергея Смирнова — был выпущен под залог. "
        "Его подозревают в даче ложных показаний."
    )
    assert set(facts(text, "charge")) == {"Иван Петров"}


@pytest.mark.parametrize(
    "second",
    [
        "Судья Анна Смирнова приговорила его к пяти годам лишения свободы.",
        "Адвокат Анна Смирнова сообщила, что её подзащитного приговорили к пяти годам колонии.",
    ],
)
def test_a_judge_or_lawyer_named_in_the_sentence_is_not_who_it_sentences(second):
    text = "Иван Петров обвинялся в поджоге склада. " + second
    assert set(facts(text, "sentence")) == {"Иван Петров"}


def test_a_pronoun_of_the_other_gender_is_not_the_man_named_before():
    # «её» cannot be Иван Петров: the sentence goes to no one rather than to him
    text = "Иван Петров вернулся домой. Адвокат Анна Смирнова сообщила, что её задержали."
    assert "Иван Петров" not in facts(text, "detention")


def test_a_lawyer_charged_himself_is_still_the_accused():
    text = "Иван Петров вернулся домой. Адвокат Анна Смирнова обвиняется в мошенничестве."
    assert set(facts(text, "charge")) == {"Анна Смирнова"}


@pytest.mark.parametrize(
    "second",
    [
        "Ещё один активист был оправдан судом по делу о клевете.",
        "Полиция также арестовала ещё одного человека по подозрению в поджоге.",
        "Аналогичный приговор к двум годам колонии вынесен в отношении другого активиста.",
    ],
)
def test_another_person_is_not_the_one_named_before(second):
    text = "Активист Иван Петров осуждён за хулиганство. " + second
    extraction = extract(text, "ru")
    later = text.index(second)
    assert not [f for f in extraction.facts if f.evidence[0] >= later and f.type != "role"]


@pytest.mark.parametrize(
    "second",
    [
        "Полиция задержала более 300 человек.",
        "Более двух тысяч человек были арестованы.",
        "Полиция арестовала трёх братьев, которых подозревают в поджоге.",
        "Суд приговорил к восьми годам колонии мужчину, признав его виновным в разбое.",
    ],
)
def test_people_counted_or_called_only_a_man_are_not_the_one_named_before(second):
    text = "Активист Иван Петров вышел на свободу. " + second
    extraction = extract(text, "ru")
    later = text.index(second)
    assert not [f for f in extraction.facts if f.evidence[0] >= later and f.type != "role"]


def test_people_counted_after_a_possessive_in_english_are_not_the_lawyer_named_before():
    # «her research» is no pronoun for whom the sentence is about: the several people
    # convicted are others, not the lawyer of the sentence before
    text = (
        "Journalist Anna Karimova was sentenced to eight years in prison. "
        "Her lawyer, Farhod Saidov, said the court had ignored the law. "
        "The case is linked to her research, for which she interviewed several people who "
        "were later convicted, including a former party leader, who received 27 years."
    )
    extraction = extract(text, "en")
    sentenced = {
        extraction.entities[f.subject].name for f in extraction.facts if f.type == "sentence"
    }
    assert sentenced == {"Anna Karimova"}


@pytest.mark.parametrize(
    "second, crime",
    [
        # the people an offence harmed, or counted after a pronoun for the person before
        ("Ему предъявили обвинение в убийстве шести человек.", "убийстве шести человек"),
        (
            "Его обвиняют в нападении на магазин, при котором пострадали пять человек.",
            "нападении на магазин",
        ),
    ],
)
def test_people_counted_as_victims_leave_the_charge_to_the_one_named_before(second, crime):
    text = "Иван Петров вернулся домой. " + second
    assert [f["spans"] for f in facts(text, "charge")["Иван Петров"]] == [[crime]]


def test_he_is_the_former_president_the_sentence_before_told_of():
    text = (
        "Бывший президент Египта Хосни Мубарак предстал перед судом. "
        "Бизнесмена Хусейна Салема будут судить заочно. "
        "Против бывшего президента выдвинуты обвинения в коррупции. "
        "Его также подозревают в хищении государственных средств."
    )
    assert set(facts(text, "charge")) == {"Хосни Мубарак"}


def test_an_offence_in_a_clause_of_when_or_where_is_no_charge_of_the_person_before():
    text = (
        "Иван Петров руководил полицией города. "
        "Его подозревают в превышении полномочий, когда в городе начались массовые беспорядки."
    )
    charged = facts(text, "charge")
    assert [f["spans"] for f in charged["Иван Петров"]] == [["превышении полномочий"]]


def test_a_former_president_is_the_one_described_as_former():
    text = (
        "Свергнутый президент Египта Мухаммед Мурси умер в суде. "
        "Президент Турции Реджеп Эрдоган выразил соболезнования. "
        "В 2015 году бывший президент был приговорён к 20 годам тюрьмы."
    )
    assert set(facts(text, "sentence")) == {"Мухаммед Мурси"}


def test_an_english_list_joined_by_and_is_sentenced_together():
    text = (
        "On Monday the court sentenced journalists Ivan Petrov and Anna Smirnova "
        "to three years in prison."
    )
    extraction = extract(text, "en")
    sentenced = {
        extraction.entities[f.subject].name for f in extraction.facts if f.type == "sentence"
    }
    assert sentenced == {"Ivan Petrov", "Anna Smirnova"}


def test_he_is_who_the_sentence_before_names_when_the_only_name_is_the_victim():
    text = (
        "Иван Петров — полковник в отставке. "
        "В 2005 году он был задержан по подозрению в покушении на Анатолия Смирнова."
    )
    assert set(facts(text, "charge")) == {"Иван Петров"}
    assert set(facts(text, "detention")) == {"Иван Петров"}
    # without a word that refers back, the victim is not detained, nor the person before
    text = (
        "Анатолий Смирнов погиб в 2005 году. Задержан подозреваемый в убийстве Анатолия Смирнова."
    )
    assert facts(text, "detention") == {}


def test_a_witness_of_the_case_is_not_charged():
    text = "Ивана Петрова допросили в качестве свидетеля по уголовному делу о клевете."
    assert facts(text, "charge") == {}
    text = "Иван Петров проходит свидетелем по делу о вымогательстве."
    assert facts(text, "charge") == {}
    # one called a witness before the name may still be charged
    text = "Свидетель по делу Иван Петров обвиняется в даче ложных показаний."
    assert set(facts(text, "charge")) == {"Иван Петров"}


def test_a_bare_surname_after_a_convicted_participle_is_the_convicted():
    assert set(facts("Осуждённый за шпионаж Данилов выйдет на свободу.", "charge")) == {"Данилов"}


def test_a_headline_that_names_no_one_is_about_the_person_the_text_names_first():
    text = (
        "Блогер из Тюмени осуждён за взлом восьми сайтов\n"
        "Ноутбук на столе\n"
        "Районный суд вынес приговор 36-летнему Андрею Кандыбину. Он признан виновным."
    )
    charged = facts(text, "charge")
    assert set(charged) == {"Андрей Кандыбин"}
    assert "взлом восьми сайтов" in charged["Андрей Кандыбин"][0]["spans"]
    # nor is it about the one who tells the news
    text = (
        "Журналист осуждён за мошенничество\n"
        "Как сообщила пресс-секретарь суда Анна Смирнова, журналист Иван Петров получил три года."
    )
    assert "Анна Смирнова" not in facts(text, "charge")
    # a headline with no noun for a person says nothing about who
    text = "Приговор за взлом сайтов вынесен\nСуд вынес приговор Андрею Кандыбину."
    assert "Андрей Кандыбин" not in facts(text, "charge")


def spans_of(text: str, fact_type: str) -> dict[str, list[list[tuple[str, str]]]]:
    """Each subject's facts of the type, as the (type, text) of their spans."""
    extraction = extract(text, "ru")
    found: dict[str, list[list[tuple[str, str]]]] = {}
    for fact in extraction.facts:
        if fact.type == fact_type:
            name = extraction.entities[fact.subject].name
            found.setdefault(name, []).append([(t, text[a:b]) for t, a, b in fact.spans])
    return found


@pytest.mark.parametrize(
    "headline, noun",
    [
        # a citizen of a named country, with the country
        (
            "Гражданина Казахстана приговорили к 5 годам тюрьмы за мошенничество",
            "Гражданина Казахстана",
        ),
        # a nationality noun
        ("Узбек получил пять лет тюрьмы за мошенничество", "Узбек"),
    ],
)
def test_a_headline_keeps_the_nationality_noun_it_names_the_person_by(headline, noun):
    text = (
        headline + "\nСхема мошенничества\n"
        "Районный суд приговорил Азамата Нурланова к 5 годам лишения свободы."
    )
    sentences = spans_of(text, "sentence")
    assert ("nationality", noun) in sentences["Азамат Нурланов"][0]


def test_a_lead_sentence_before_anyone_is_named_is_about_the_person_named_next():
    text = (
        "Убийце студентки вынесли приговор\n"
        "Здание районного суда\n"
        "Американец получил пожизненный срок за убийство студентки. "
        "Бывший студент похитил девушку. "
        "29-летний Джон Смит признал вину."
    )
    sentences = spans_of(text, "sentence")
    assert set(sentences) == {"Джон Смит"}
    assert ("nationality", "Американец") in sentences["Джон Смит"][0]
    # many people named by a plural noun are not the one named next
    text = "Двое узбеков осуждены за мошенничество\nСхема\nАзамат Нурланов признал вину."
    assert "Азамат Нурланов" not in facts(text, "charge")


@pytest.mark.parametrize(
    "text",
    [
        "Бишкек, 12 марта 2025 г.\n\n"
        "Суд приговорил активиста к пяти годам колонии. Приговор раскритиковал депутат Иван "
        "Петров.",
        "Бишкек, 12 марта 2025 г.\n\n"
        "Азербайджанец получил пять лет колонии. Приговор раскритиковал депутат Иван Петров.",
    ],
)
def test_a_lead_is_not_about_the_next_person_the_text_describes_otherwise(text):
    assert facts(text, "sentence") == {}


def test_the_lead_noun_is_the_first_before_the_court_word_not_the_victim():
    text = (
        "Стрелок предстал перед судом\n"
        "22-летний житель Оша, пытавшийся убить члена парламента, обвиняется в покушении на "
        "убийство.\n"
        "В понедельник Азамат Нурланов впервые предстал перед судом."
    )
    charged = spans_of(text, "charge")
    assert [s for s in charged["Азамат Нурланов"][0] if s[0] == "profession"] == []


@pytest.mark.parametrize(
    "caption",
    [
        "Памятник Манасу в Бишкеке.",  # a thing taken for a name
        "Мечеть Хазрет Султан.",  # a name in a line that states nothing
        "Нурсултан Абишев",  # a name alone on the line: the picture's, not the headline's
    ],
)
def test_a_caption_under_the_headline_is_not_the_person_it_is_about(caption):
    text = (
        "Журналист приговорён к двум годам тюрьмы\n"
        f"{caption}\n"
        "Районный суд приговорил Азамата Нурланова к двум годам тюрьмы."
    )
    assert set(facts(text, "sentence")) == {"Азамат Нурланов"}


def test_a_nationality_noun_refers_back_to_the_person_of_the_sentence_before():
    text = "Айгуль Сапарова была задержана в Лондоне. Британские СМИ обвинили казашку в шпионаже."
    charged = spans_of(text, "charge")
    assert ("nationality", "казашку") in charged["Айгуль Сапарова"][0]


def test_the_fines_the_law_sets_charge_no_one():
    text = (
        "Редакция будет рассказывать гражданам о высоких штрафах за нарушение карантина, "
        "— прокомментировал директор Азамат Нурланов."
    )
    assert facts(text, "charge") == {}
    # fines written out to a person are still for an offence of theirs
    text = (
        "Азамату Нурланову неоднократно выписывали штрафы за нарушение правил дорожного движения."
    )
    assert set(facts(text, "charge")) == {"Азамат Нурланов"}


@pytest.mark.parametrize(
    "text, held",
    [
        ("По словам Анны Смирновой, Иван Петров был задержан в Омске.", {"Иван Петров"}),
        ("Полиция задержала Ивана Петрова, сообщила Анна Смирнова.", {"Иван Петров"}),
        ("Анна Смирнова заявила, что Иван Петров задержан.", {"Иван Петров"}),
        ("Анна Смирнова заявила, что её задержали на границе.", {"Анна Смирнова"}),
        ("Полиция задержала Ивана Петрова и Сергея Сидорова.", {"Иван Петров", "Сергей Сидоров"}),
        (
            "Сергей Сидоров и его брат Иван Сидоров были арестованы.",
            {"Сергей Сидоров", "Иван Сидоров"},
        ),
        ("Сын Анны Смирновой задержан в Омске.", set()),
        ("Кроме Анны Смирновой, в Омске задержан Иван Петров.", {"Иван Петров"}),
    ],
)
def test_who_is_detained_is_the_person_of_the_clause_not_a_source_or_a_relative(text, held):
    assert set(facts(text, "detention")) == held


def test_a_suspended_term_received_after_a_deal_is_a_sentence():
    text = (
        "Иван Петров был задержан в 2017 году. "
        "Позже он заключил сделку со следствием и получил условный срок."
    )
    assert set(facts(text, "sentence")) == {"Иван Петров"}


def test_a_ban_right_after_the_sentence_is_of_the_one_sentenced_not_of_a_name_after_them():
    text = (
        "Суд приговорил Ивана Петрова к семи годам лишения свободы по делу Анны Сидоровой. "
        "Кроме того, ему пожизненно запрещено занимать государственные посты."
    )
    sentenced = facts(text, "sentence")
    assert set(sentenced) == {"Иван Петров"}
    assert {"penalty": "ban", "term_months": None} in [
        {k: f[k] for k in ("penalty", "term_months")} for f in sentenced["Иван Петров"]
    ]
    # «ей» is not him
    assert len(facts(text.replace("ему", "ей"), "sentence")["Иван Петров"]) == 1


@pytest.mark.parametrize(
    "text, held",
    [
        (
            "Блогер Иван Сидоров с 2019 года находится в заключении.",
            {"Иван Сидоров": ["в заключении"]},
        ),
        (
            "Бывший мэр Игорь Белов, который сидел за решёткой, вернулся в политику.",
            {"Игорь Белов": ["за решёткой"]},
        ),
        # a stay told as over, after the release: no detention
        ("Иван Петров помилован. Он провёл в заключении почти два года.", {}),
        # the pronoun of the sentence before; one detention with the prison as its span
        (
            "Пётр Васильев был задержан в мае. Сейчас он арестован и содержится в тюрьме.",
            {"Пётр Васильев": [[], ["в тюрьме"]]},
        ),
        # only possible, hedged, or a visit: no one is held
        ("Если его признают виновным, Олег Петров может провести в тюрьме десять лет.", {}),
        ("Олег Петров вряд ли проведёт время за решёткой.", {}),
        ("Анна Кузнецова навестила брата в тюрьме.", {}),
        # a relative clause about someone the text does not name
        (
            "Иван Петров рассказал о задержании туриста, который провёл за решёткой 9 часов.",
            {},
        ),
    ],
)
def test_who_is_held_in_prison_is_detained_with_the_prison_as_the_penalty_span(text, held):
    found = facts(text, "detention")
    assert set(found) == set(held)
    for name, spans in held.items():
        got = [f["spans"] for f in found[name]]
        assert got == (spans if isinstance(spans[0], list) else [spans])


def test_a_payment_the_court_orders_is_of_who_pays_not_of_who_is_paid():
    text = "Суд обязал Ивана Петрова выплатить 100 тысяч рублей Анне Смирновой."
    sentenced = facts(text, "sentence")
    assert set(sentenced) == {"Иван Петров"}
    assert sentenced["Иван Петров"][0]["amount"] == 100000.0
    assert facts("Суд обязал компанию выплатить $78 млн истцу Ивану Петрову.", "sentence") == {}


# --- an article and the words for its offence; terms told after a dash or in turn -------------


@pytest.mark.parametrize(
    "text",
    [
        # the words after the article name what it punishes: one charge, under the article
        "Блогер Фарход Саидов осужден по статье 307 УК Таджикистана за публичные призывы к "
        "осуществлению экстремистской деятельности.",
        # an offence the categories do not know, glossed by the article beside it
        "Журналисту Фарходу Саидову вменяют посягательство на конституционный строй "
        "(статья 159 УК Узбекистана).",
    ],
)
def test_an_offence_in_words_beside_its_article_is_one_charge(text):
    extraction = extract(text, "ru")
    charges = [f for f in extraction.facts if f.type == "charge"]
    assert charges and all(f.attributes.get("article") for f in charges)
    assert len({f.subject for f in charges}) == len(charges)


def test_a_term_after_a_dash_is_the_same_penalty_for_the_next_person():
    text = (
        "Суд приговорил участников акции: Бахыт Сеитов получил девять лет лишения свободы, "
        "его брат Ерлан Сеитов — шесть лет, а Мария Ким — два года ограничения свободы."
    )
    found = facts(text, "sentence")
    assert found["Бахыт Сеитов"][0]["term_months"] == 108
    assert [(f["penalty"], f["term_months"]) for f in found["Ерлан Сеитов"]] == [
        ("imprisonment", 72)
    ]
    assert [(f["penalty"], f["term_months"]) for f in found["Мария Ким"]] == [
        ("restricted_freedom", 24)
    ]


def test_terms_told_in_turn_go_to_the_people_in_the_order_named():
    text = (
        "Фарход Саидов и Рустам Назаров задержаны в 2020 году. Оба были приговорены к "
        "восьми и четырём годам лишения свободы соответственно."
    )
    found = facts(text, "sentence")
    assert [f["term_months"] for f in found["Фарход Саидов"]] == [96]
    assert [f["term_months"] for f in found["Рустам Назаров"]] == [48]


def test_each_does_not_reach_over_a_clause_about_someone_else():
    text = (
        "Активисты Серик Абенов и Данияр Кузембаев арестованы на 10 суток каждый, а "
        "пенсионерка Раиса Ибраева оштрафована на 30 МРП."
    )
    found = facts(text, "sentence")
    assert [f["penalty"] for f in found["Серик Абенов"]] == ["administrative_arrest"]
    assert [f["penalty"] for f in found["Данияр Кузембаев"]] == ["administrative_arrest"]
    assert [f["penalty"] for f in found["Раиса Ибраева"]] == ["fine"]


def test_a_term_being_served_is_not_dated_by_the_release():
    text = (
        "Blogger Ivan Petrov walked free on 12 May 2025 after serving his full three-year sentence."
    )
    extraction = extract(text, "en")
    sentences = [f for f in extraction.facts if f.type == "sentence"]
    releases = [f for f in extraction.facts if f.type == "release"]
    assert releases and releases[0].date == "2025-05-12"
    assert sentences and all(f.date is None for f in sentences)


def test_relatives_of_the_released_tell_no_second_release():
    text = (
        "Вчера по амнистии освобождены активист Фарход Саидов и блогер Рустам Назаров. "
        "Родственники освобожденных поблагодарили адвокатов."
    )
    extraction = extract(text, "ru")
    kinds = [f.attributes["kind"] for f in extraction.facts if f.type == "release"]
    assert kinds == ["amnesty", "amnesty"]


@pytest.mark.parametrize(
    "text, held",
    [
        # «их» as the object of the detention: everyone the sentence before named
        (
            "Суд оштрафовал активистов Серика Абенова и Данияра Кузембаева. "
            "Полиция задержала их в субботу на площади.",
            {"Серик Абенов", "Данияр Кузембаев"},
        ),
        # «их» before a noun is whose: not who was detained
        (
            "Суд оштрафовал активистов Серика Абенова и Данияра Кузембаева. "
            "Полиция задержала их водителя Марата Оспанова.",
            {"Марат Оспанов"},
        ),
    ],
)
def test_them_as_an_object_is_everyone_named_before(text, held):
    assert set(facts(text, "detention")) == held


@pytest.mark.parametrize(
    "text, language, charged",
    [
        (
            "Blogger Ivan Petrov was sentenced to six years for calling for mass riots under "
            "Article 278 of the Criminal Code of Kyrgyzstan. Fellow bloggers Anna Smirnova and "
            "Oleg Kozlov were given suspended sentences on the same charges.",
            "en",
            {"Ivan Petrov", "Anna Smirnova", "Oleg Kozlov"},
        ),
        (
            "Блогера Ивана Петрова осудили по статье 278 УК Кыргызстана. Его друг Олег Козлов "
            "получил условный срок по тем же статьям.",
            "ru",
            {"Иван Петров", "Олег Козлов"},
        ),
    ],
)
def test_the_same_charges_are_those_of_the_person_charged_before(text, language, charged):
    extraction = extract(text, language)
    found = {
        extraction.entities[f.subject].name: f.attributes.get("article")
        for f in extraction.facts
        if f.type == "charge"
    }
    assert found == dict.fromkeys(charged, "278")


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Через неделю суд отправил Ивана Петрова под стражу.", {"arrest"}),
        ("Анна Смирнова помещена под стражу на два месяца.", {"arrest"}),
        ("Задержанный в субботу блогер Иван Петров дал показания.", {"detention"}),
    ],
)
def test_sent_or_put_into_custody_and_the_participle_detained(text, kinds):
    assert {f["kind"] for found in facts(text, "detention").values() for f in found} == kinds


def test_a_detention_with_a_date_of_its_own_is_kept_beside_the_arrest():
    text = (
        "Ош, 10 марта 2025 г.\n\nЗадержанный 3 марта блогер Иван Петров в среду был помещен "
        "под стражу. Анну Смирнову задержали 4 марта и арестовали."
    )
    extraction = extract(text, "ru")
    found = {
        (extraction.entities[f.subject].name, f.attributes["kind"], f.date)
        for f in extraction.facts
        if f.type == "detention"
    }
    assert found == {
        ("Иван Петров", "detention", "2025-03-03"),
        ("Иван Петров", "arrest", "2025-03-05"),
        ("Анна Смирнова", "arrest", "2025-03-04"),  # one event, told with two verbs
    }


def test_a_term_served_keeps_the_date_it_was_imposed_on():
    text = "Петров отбывает семилетний срок, назначенный ему в ноябре 2023 года."
    (sentence,) = [f for f in extract(text, "ru").facts if f.type == "sentence"]
    assert sentence.date == "2023-11"


def test_a_also_goes_on_with_the_list_of_who_each_is_sentenced():
    text = (
        "Ивану Петрову, а также Олегу Сидорову и Сергею Смирнову суд назначил наказание, "
        "приговорив каждого — к восьми годам лишения свободы."
    )
    assert set(facts(text, "sentence")) == {"Иван Петров", "Олег Сидоров", "Сергей Смирнов"}


@pytest.mark.parametrize(
    "text, language, kinds",
    [
        (
            "После освобождения Иван Петров останется под административным надзором на год, "
            "ему запрещено выезжать за границу.",
            "ru",
            {"surveillance", "travel_ban"},
        ),
        (
            "Journalist Ivan Petrov will remain under police supervision for a year and is "
            "barred from leaving Kazakhstan.",
            "en",
            {"surveillance", "travel_ban"},
        ),
        # only asked for, or denied
        ("Прокурор просил установить над Иваном Петровым административный надзор.", "ru", set()),
        ("Prosecutors asked that journalist Ivan Petrov be barred from leaving.", "en", set()),
    ],
)
def test_supervision_and_a_ban_on_leaving_are_restrictions(text, language, kinds):
    extraction = extract(text, language)
    found = {f.attributes["kind"] for f in extraction.facts if f.type == "restriction"}
    assert found == kinds


def test_an_article_of_the_general_part_is_no_charge():
    # article 40 says who did it («Исполнитель преступления»), not what was done
    text = (
        "Ивана Петрова признали виновным по статье 40 («Исполнитель преступления») и части 3 "
        "статьи 278 УК КР."
    )
    charges = facts(text, "charge")["Иван Петров"]
    assert [c.get("article") for c in charges] == ["278"]
    # complicity in an offence is a charge
    assert facts("Ивана Петрова обвиняют в соучастии в вымогательстве.", "charge")


@pytest.mark.parametrize(
    "text",
    [
        "Иван Петров приговорён к пожизненному заключению без права на досрочное освобождение.",
        "Иван Петров убил соседа. Судья назначил ему пожизненный срок без права "
        "условно-досрочного освобождения.",
    ],
)
def test_a_life_term_without_parole_is_no_release(text):
    assert facts(text, "release") == {}
    assert facts(text, "sentence")["Иван Петров"][0]["penalty"] == "imprisonment"


@pytest.mark.parametrize(
    "text",
    ["Ivan Petrov was jailed for life without parole.", "Ivan Petrov was sentenced to life."],
)
def test_life_in_english_is_a_sentence_and_no_release(text):
    extraction = extract(text, "en")
    assert not [f for f in extraction.facts if f.type == "release"]
    (sentence,) = [f for f in extraction.facts if f.type == "sentence"]
    assert {k: sentence.attributes[k] for k in ("penalty", "term_months", "life")} == {
        "penalty": "imprisonment",
        "term_months": None,
        "life": True,
    }


def test_a_penalty_the_court_determined_is_a_sentence():
    text = "Иван Петров убил соседа. Суд определил ему наказание в виде восьми лет колонии."
    (sentence,) = facts(text, "sentence")["Иван Петров"]
    assert (sentence["penalty"], sentence["term_months"]) == ("imprisonment", 96)


def dated(text: str, fact_type: str) -> dict[str, list[str | None]]:
    extraction = extract(text, "ru")
    found: dict[str, list[str | None]] = {}
    for fact in extraction.facts:
        if fact.type == fact_type:
            found.setdefault(extraction.entities[fact.subject].name, []).append(fact.date)
    return found


def test_a_pardon_is_not_dated_by_the_year_of_the_verdict():
    text = "Блогер Иван Петров, осужденный в 2023 году к шести годам колонии, помилован."
    assert dated(text, "release") == {"Иван Петров": [None]}
    text = (
        "Суд освободил условно-досрочно блогера Ивана Петрова, признанного в 2021 году "
        "виновным в мошенничестве."
    )
    assert dated(text, "release") == {"Иван Петров": [None]}


def test_a_release_in_the_courtroom_is_dated_by_the_verdict():
    text = (
        "12 марта 2024 года суд приговорил Ивана Петрова и Олега Сидорова к двум годам "
        "условно. Оба были освобождены в зале суда."
    )
    assert dated(text, "release") == {"Иван Петров": ["2024-03-12"], "Олег Сидоров": ["2024-03-12"]}


def test_an_acquittal_named_again_by_its_noun_is_not_a_second_one():
    text = (
        "12 марта 2024 года суд оправдал активиста Ивана Петрова. "
        "Прокуратура заявила, что обжалует оправдательный приговор."
    )
    assert dated(text, "acquittal") == {"Иван Петров": ["2024-03-12"]}


def test_a_release_told_right_before_its_date_keeps_it():
    text = "Задержанный блогер Иван Петров освобождён 10 мая 2024 года."
    assert dated(text, "release") == {"Иван Петров": ["2024-05-10"]}
