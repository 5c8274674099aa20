"""Penalties: span, kind, term and fine (pledgewatch.extract.grammars.penalties)."""

import pytest

from pledgewatch.extract.grammars.penalties import find_penalties

# (sentence, matched text, penalty, term_months, other fields that must hold)
PENALTIES = [
    # imprisonment
    ("Суд приговорил его к семи годам лишения свободы.", "семи годам лишения свободы", "imprisonment", 84, {}),
    ("Он получил семь лет лишения свободы.", "семь лет лишения свободы", "imprisonment", 84, {}),
    ("Ему дали 7 лет колонии общего режима.", "7 лет колонии общего режима", "imprisonment", 84, {}),
    ("приговорен к 7 годам колонии строгого режима", "7 годам колонии строгого режима", "imprisonment", 84, {}),
    ("осуждён к 10 годам лишения свободы, с отбыванием наказания в колонии особого режима",
     "10 годам лишения свободы, с отбыванием наказания в колонии особого режима", "imprisonment", 120, {}),
    ("приговорил к лишению свободы сроком на 5 лет с отбыванием в колонии общего режима",
     "лишению свободы сроком на 5 лет с отбыванием в колонии общего режима", "imprisonment", 60, {}),
    ("приговорил к 4 годам и 2 месяцам лишения свободы", "4 годам и 2 месяцам лишения свободы", "imprisonment", 50, {}),
    ("10\u00a0мая суд приговорил блогера к шести с половиной годам лишения свободы",
     "шести с половиной годам лишения свободы", "imprisonment", 78, {}),
    ("приговорен к пожизненному лишению свободы", "пожизненному лишению свободы", "imprisonment", None,
     {"life": True, "parole": None}),
    ("приговорен к пожизненному тюремному заключению без права досрочного освобождения",
     "пожизненному тюремному заключению без права досрочного освобождения", "imprisonment", None,
     {"life": True, "parole": False}),
    # parole ruled out after the span («без права на …» is not in it)
    ("осуждён к пожизненному заключению без права на условно-досрочное освобождение",
     "пожизненному заключению", "imprisonment", None, {"life": True, "parole": False}),
    ("Его приговорили к двум пожизненным срокам.", "пожизненным срокам", "imprisonment", None, {"life": True}),
    ("He was sentenced to life imprisonment without parole.", "life imprisonment", "imprisonment", None,
     {"life": True, "parole": False}),
    ("She was jailed for life.", "life", "imprisonment", None, {"life": True, "parole": None}),
    # «реальный срок» is imprisonment with its term untold, not a life term
    ("суд приговорил его к реальному лишению свободы", "реальному лишению свободы", "imprisonment", None,
     {"life": False}),
    # a bare term after a sentencing word: imprisonment, not explicit
    ("суд приговорил журналиста к семи с половиной годам.", "семи с половиной годам", "imprisonment", 90, {"explicit": False}),
    ("приговорен к полутора годам", "полутора годам", "imprisonment", 18, {"explicit": False}),
    ("приговорен к 3 годам и 6 месяцам", "3 годам и 6 месяцам", "imprisonment", 42, {"explicit": False}),
    ("приговорен к трем годам шести месяцам", "трем годам шести месяцам", "imprisonment", 42, {"explicit": False}),
    ("приговорен к восьми месяцам", "восьми месяцам", "imprisonment", 8, {"explicit": False}),
    ("к двадцати пяти годам", "двадцати пяти годам", "imprisonment", 300, {"explicit": False}),
    # the verb is all that makes a bare term a penalty, so it is part of the span
    ("Марат Иванов получил семь лет за взятку.", "получил семь лет", "imprisonment", 84, {"explicit": False}),
    ("В 2019 году его осудили на 10 лет.", "осудили на 10 лет", "imprisonment", 120, {"explicit": False}),
    # a term said as an adjective
    ("Он отбывает семилетний срок в колонии.", "семилетний срок", "imprisonment", 84, {}),
    ("Он получил 10-летний срок за взятку.", "10-летний срок", "imprisonment", 120, {}),
    ("Её приговорили к 35-летнему заключению.", "35-летнему заключению", "imprisonment", 420, {}),
    ("Она узнала о своём 10-летнем запрете на въезд.", "10-летнем запрете на въезд", "ban", 120, {}),
    # a prosecutor's request is still a penalty span (the fact builder tells it apart)
    ("прокурор запросил 9 лет", "9 лет", "imprisonment", 108, {"explicit": False}),
    ("Прокурор запросил для него 9 лет лишения свободы.", "9 лет лишения свободы", "imprisonment", 108, {"explicit": True}),
    # a statutory maximum
    ("Статья предусматривает до 7 лет лишения свободы.", "до 7 лет лишения свободы", "imprisonment", 84, {"upper_bound": True}),
    ("Ему грозило до 35-ти лет тюремного заключения.", "до 35-ти лет тюремного заключения", "imprisonment", 420,
     {"upper_bound": True}),
    # a range is counted by its upper bound, and is no definite term
    ("Обвинение настаивало на 4-5 годах заключения.", "4-5 годах заключения", "imprisonment", 60, {"upper_bound": True}),
    # what the court adds to the penalty belongs to it
    ("Его приговорили к 1 году лишения свободы условно с испытательным сроком 1 год.",
     "1 году лишения свободы условно с испытательным сроком 1 год", "suspended_sentence", 12, {}),
    ("Ему грозит до 10 лет лишения свободы с конфискацией имущества.",
     "до 10 лет лишения свободы с конфискацией имущества", "imprisonment", 120, {"upper_bound": True}),
    ("Суд назначил исправительные работы сроком на один год.", "исправительные работы сроком на один год", "other", 12, {}),
    ("Её приговорили к 3-м годам колонии.", "3-м годам колонии", "imprisonment", 36, {}),
    # per person
    ("приговорил четверых — каждого — к восьми годам лишения свободы.", "восьми годам лишения свободы",
     "imprisonment", 96, {"per_person": True}),
    ("Обоих осудили: каждого — к восьми годам лишения свободы.", "восьми годам лишения свободы",
     "imprisonment", 96, {"per_person": True}),
    ("Они получили по 7 лет лишения свободы.", "7 лет лишения свободы", "imprisonment", 84, {"per_person": True}),
    # restricted freedom
    ("приговорил блогера к пяти годам ограничения свободы", "пяти годам ограничения свободы", "restricted_freedom", 60, {}),
    ("назначили 5 лет ограничения свободы", "5 лет ограничения свободы", "restricted_freedom", 60, {}),
    # administrative arrest (days / 30, three decimals)
    ("Ему дали 15 суток ареста.", "15 суток ареста", "administrative_arrest", 0.5, {}),
    ("суд назначил 15 суток административного ареста за пикет", "15 суток административного ареста",
     "administrative_arrest", 0.5, {}),
    # the verb that makes the term an arrest is in the span, like «осудили на 10 лет»
    ("Активист арестован на 10 суток.", "арестован на 10 суток", "administrative_arrest", 0.333, {}),
    ("Суд арестовал на 10 суток.", "арестовал на 10 суток", "administrative_arrest", 0.333, {}),
    ("подвергнут административному аресту сроком на 10 суток", "административному аресту сроком на 10 суток",
     "administrative_arrest", 0.333, {}),
    # suspended
    ("приговорен к двум годам условно", "двум годам условно", "suspended_sentence", 24, {}),
    ("Ему дали два года условно.", "два года условно", "suspended_sentence", 24, {}),
    ("приговорен к двум годам лишения свободы условно", "двум годам лишения свободы условно",
     "suspended_sentence", 24, {}),
    ("назначил условный срок в 2 года", "условный срок в 2 года", "suspended_sentence", 24, {}),
    ("Суд назначил ему наказание условно.", "условно", "suspended_sentence", None, {}),
    # fines
    ("назначил штраф в размере 50 МРП", "штраф в размере 50 МРП", "fine", None, {"amount": 50, "currency": "MCI"}),
    ("штраф 50 МРП", "штраф 50 МРП", "fine", None, {"amount": 50, "currency": "MCI"}),
    ("приговорен к штрафу в 100 месячных расчетных показателей", "штрафу в 100 месячных расчетных показателей",
     "fine", None, {"amount": 100, "currency": "MCI"}),
    ("оштрафован на 100 МРП", "оштрафован на 100 МРП", "fine", None, {"amount": 100, "currency": "MCI"}),
    ("штраф 500 тысяч тенге", "штраф 500 тысяч тенге", "fine", None, {"amount": 500_000, "currency": "KZT"}),
    ("штраф в 20 тысяч сомов", "штраф в 20 тысяч сомов", "fine", None, {"amount": 20_000, "currency": "KGS"}),
    ("штраф 1000 сомони", "штраф 1000 сомони", "fine", None, {"amount": 1000, "currency": "TJS"}),
    ("штраф 5 млн сумов", "штраф 5 млн сумов", "fine", None, {"amount": 5_000_000, "currency": "UZS"}),
    ("штраф 100 манат", "штраф 100 манат", "fine", None, {"amount": 100, "currency": "TMT"}),
    ("штраф 30 тысяч рублей", "штраф 30 тысяч рублей", "fine", None, {"amount": 30_000, "currency": "RUB"}),
    ("штраф $500", "штраф $500", "fine", None, {"amount": 500, "currency": "USD"}),
    ("штраф 300 долларов", "штраф 300 долларов", "fine", None, {"amount": 300, "currency": "USD"}),
    ("назначили 50 МРП штрафа", "50 МРП штрафа", "fine", None, {"amount": 50, "currency": "MCI"}),
    ("его оштрафовали.", "оштрафовали", "fine", None, {"amount": None}),
    # a range or a maximum: the upper amount, marked as a bound
    ("грозит административный штраф в размере от 3 до 5 тысяч рублей",
     "административный штраф в размере от 3 до 5 тысяч рублей", "fine", None,
     {"amount": 5_000, "currency": "RUB", "upper_bound": True}),
    ("грозит штраф до 200 МРП", "штраф до 200 МРП", "fine", None,
     {"amount": 200, "currency": "MCI", "upper_bound": True}),
    ("назначен денежный штраф в 10 тысяч юаней", "денежный штраф в 10 тысяч юаней", "fine", None,
     {"amount": 10_000, "currency": "CNY"}),
    ("штраф в размере 2 тысяч долларов США", "штраф в размере 2 тысяч долларов США", "fine", None,
     {"amount": 2_000, "currency": "USD"}),
    # a statutory range counts by its upper bound, the bound in the span
    ("карается лишением свободы на срок от 5 до 10 лет.", "лишением свободы на срок от 5 до 10 лет",
     "imprisonment", 120, {"upper_bound": True}),
    ("закон предлагает лишать свободы на срок до 15 лет", "лишать свободы на срок до 15 лет",
     "imprisonment", 180, {"upper_bound": True}),
    # bans
    ("запрет заниматься журналистской деятельностью на 3 года",
     "запрет заниматься журналистской деятельностью на 3 года", "ban", 36, {}),
    ("с лишением права заниматься журналистской деятельностью сроком на 3 года",
     "лишением права заниматься журналистской деятельностью сроком на 3 года", "ban", 36, {}),
    # a ban on holding office said of the person, with no term after it
    ("Кроме того, ему пожизненно запрещено занимать государственные посты.",
     "пожизненно запрещено занимать государственные посты", "ban", None, {}),
    ("Ей на три года запрещено занимать государственные должности.",
     "запрещено занимать государственные должности", "ban", None, {}),
    # quotes, non-breaking spaces and dashes around do not matter
    ("«приговорил к семи\u00a0годам лишения\u00a0свободы»", "семи\u00a0годам лишения\u00a0свободы", "imprisonment", 84, {}),
    # English
    ("He was sentenced to seven years in prison.", "seven years in prison", "imprisonment", 84, {}),
    ("sentenced to a year in prison", "a year in prison", "imprisonment", 12, {}),
    ("He was jailed for seven years.", "seven years", "imprisonment", 84, {}),
    ("He was sentenced to seven years after a closed trial.", "seven years", "imprisonment", 84,
     {"explicit": False}),
    ("приговорен к полугоду лишения свободы", "полугоду лишения свободы", "imprisonment", 6, {}),
    ("sentenced to half a year in prison", "half a year in prison", "imprisonment", 6, {}),
    ("Суд приговорил его к 2,5 годам лишения свободы.", "2,5 годам лишения свободы", "imprisonment", 30, {}),
    ("seven and a half years in prison", "seven and a half years in prison", "imprisonment", 90, {}),
    ("A court sentenced him to seven and a half years.", "seven and a half years", "imprisonment", 90, {"explicit": False}),
    ("A 35-year-old journalist was sentenced to five years.", "five years", "imprisonment", 60, {"explicit": False}),
    ("he faces up to 10 years in prison", "up to 10 years in prison", "imprisonment", 120, {"upper_bound": True}),
    ("after serving his full four-year sentence", "four-year sentence", "imprisonment", 48, {"explicit": False}),
    ("five years of restricted freedom", "five years of restricted freedom", "restricted_freedom", 60, {}),
    ("restricted freedom for five years", "restricted freedom for five years", "restricted_freedom", 60, {}),
    ("15 days of administrative arrest", "15 days of administrative arrest", "administrative_arrest", 0.5, {}),
    ("a 15-day administrative arrest", "15-day administrative arrest", "administrative_arrest", 0.5, {}),
    ("He was arrested for 10 days.", "10 days", "administrative_arrest", 0.333, {}),
    ("a two-year suspended sentence", "two-year suspended sentence", "suspended_sentence", 24, {}),
    ("he got two years suspended", "two years suspended", "suspended_sentence", 24, {}),
    ("He received a suspended sentence.", "suspended sentence", "suspended_sentence", None, {}),
    ("He was fined 50 MCI.", "fined 50 MCI", "fine", None, {"amount": 50, "currency": "MCI"}),
    ("a fine of 100 monthly calculation indices", "a fine of 100 monthly calculation indices", "fine", None,
     {"amount": 100, "currency": "MCI"}),
    ("fined KZT 500,000", "fined KZT 500,000", "fine", None, {"amount": 500_000, "currency": "KZT"}),
    ("banned from practising journalism for three years", "banned from practising journalism for three years",
     "ban", 36, {}),
    ("Both were sentenced to eight years in prison each.", "eight years in prison", "imprisonment", 96,
     {"per_person": True}),
    # the death penalty, in Russian and English
    ("Суд приговорил его к смертной казни.", "смертной казни", "death", None, {}),
    ("Ему вынесли смертный приговор.", "смертный приговор", "death", None, {}),
    ("Смертные приговоры здесь выносят редко.", "Смертные приговоры", "death", None, {}),
    ("В 1937 году он был приговорён к смерти.", "приговорён к смерти", "death", None, {}),
    ("Трибунал приговорил его к расстрелу.", "расстрелу", "death", None, {}),
    ("осуждён к высшей мере наказания", "высшей мере наказания", "death", None, {}),
    ("He was sentenced to death in 2019.", "death", "death", None, {}),
    # a payment the court orders
    ("Суд приговорил его к выплате 300 тыс долларов потерпевшим.", "выплате 300 тыс долларов",
     "other", None, {"amount": 300000.0, "currency": "USD"}),
    ("Суд обязал компанию выплатить $5 млн истцу.", "выплатить $5 млн", "other", None,
     {"amount": 5000000.0}),
    ("Присяжные обязали его выплатить компенсацию в размере 2 миллионов долларов США.",
     "компенсацию в размере 2 миллионов долларов США", "other", None, {"amount": 2000000.0}),
    ("Суд приговорил его к выплате компенсаций потерпевшим.", "выплате компенсаций потерпевшим",
     "other", None, {}),
    ("The court sentenced Ivan Petrov to death.", "death", "death", None, {}),
    ("Kazakhstan abolished the death penalty in 2021.", "death penalty", "death", None, {}),
    ("Two death sentences were commuted.", "death sentences", "death", None, {}),
]  # fmt: skip


@pytest.mark.parametrize("sentence, span, penalty, term_months, fields", PENALTIES)
def test_penalty(sentence, span, penalty, term_months, fields):
    matches = find_penalties(sentence)
    assert len(matches) == 1, matches
    match = matches[0]
    assert sentence[match.start : match.end] == match.text == span
    assert match.penalty == penalty
    assert match.term_months == (pytest.approx(term_months) if term_months is not None else None)
    for name, value in {
        "explicit": True,
        "per_person": False,
        "upper_bound": False,
        **fields,
    }.items():
        assert getattr(match, name) == value, name


@pytest.mark.parametrize(
    "sentence",
    [
        "Это было 5 лет назад.",
        "This happened two years ago.",
        "Он работает журналистом 10 лет.",
        "за последние пять лет по этой статье осуждены 30 человек",
        "к 2025 году власти обещали принять закон",
        "Блогер помещен под домашний арест на 2 месяца.",
        "суд продлил срок содержания под стражей на два месяца",
        "Суд арестовал его на два месяца.",  # pre-trial custody, not a penalty
        "условно-досрочное освобождение",
        "Это, условно говоря, компромисс.",
        "в 2023 году",
        "a 35-year-old journalist",
        "Статья в газете вышла 3 года спустя.",
        "Гол забит со штрафного удара.",  # a free kick, not a fine
        "Для проверки требуется десять дней.",
        "Продажа разрешена лицам до восемнадцати лет.",  # an age limit
        "назначены граждане не моложе 25 лет",
        "ему пожизненно запрещено занимать должности",  # a ban, not a life sentence
        "Суд назначил ему пожизненный запрет на въезд в страну.",  # a ban, no prison at all
        "He was banned for life from journalism.",
        "По закону чиновникам запрещено занимать руководящие должности в компаниях.",  # a rule
        "исправительные работы (условно или реально)",
        "Его избрали на очередной пятилетний срок.",  # a term of office
        "Пятилетний срок полномочий парламента истёк.",
        "Ожидается, что новый пятилетний срок станет для него последним.",
        "Он ушёл после двух пятилетних сроков.",
        "Авария привела к смерти двух человек.",  # a death, not a death sentence
        "расстрел демонстрантов в Андижане",  # a shooting, not a sentence
        "He was beaten to death in custody.",
        # a rate of conversion, not a term
        "День в СИЗО приравнивается к 1,5 дням в колонии.",
        "Этот срок эквивалентен 25 годам.",
        "Он работал там в 2001-2002 годах.",
        # a payment no court orders
        "Компания согласилась выплатить 3 млн долларов истцам.",
        "Суд постановил, что правительство должно выплатить 2 млн долларов семье погибших.",
    ],
)
def test_no_penalty(sentence):
    assert find_penalties(sentence) == []


def test_several_penalties_in_one_sentence_are_sorted_and_separate():
    sentence = (
        "Суд приговорил его к 2 годам лишения свободы условно с испытательным сроком 3 года, "
        "а его брата — к 2 годам ограничения свободы и штрафу в 100 МРП."
    )
    found = [(m.text, m.penalty, m.term_months, m.amount) for m in find_penalties(sentence)]
    assert found == [
        (
            "2 годам лишения свободы условно с испытательным сроком 3 года",
            "suspended_sentence",
            24,
            None,
        ),
        ("2 годам ограничения свободы", "restricted_freedom", 24, None),
        ("штрафу в 100 МРП", "fine", None, 100),
    ]
    for match in find_penalties(sentence):
        assert sentence[match.start : match.end] == match.text


def test_spans_do_not_overlap():
    sentence = (
        "приговорил к лишению свободы сроком на 5 лет, назначил 15 суток ареста и штраф 50 МРП"
    )
    matches = find_penalties(sentence)
    assert [m.penalty for m in matches] == ["imprisonment", "administrative_arrest", "fine"]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


def test_a_term_a_penalty_is_only_likened_to_is_none():
    sentence = "Его приговорили к пожизненному заключению, эквивалентному 25 годам."
    assert [m.text for m in find_penalties(sentence)] == ["пожизненному заключению"]
