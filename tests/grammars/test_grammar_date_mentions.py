"""Date mentions as NEREL spans them (pledgewatch.extract.grammars.dates.find_date_mentions):
with the preposition and a leading weekday, ranges as one phrase (also those that name their
month once: «с 5 по 21 августа»), durations («в течение полугода»), and dates whose value
needs a reference date (value None without one); and what only looks like a date: a name
(«Октябрьский», газета «Сегодня») or an age («в свои 29 лет»)."""

from datetime import date

import pytest

from pledgewatch.extract.grammars.dates import find_date_mentions

WEDNESDAY = date(2024, 3, 13)

# (sentence, reference, mention texts with values)
MENTIONS = [
    ("Он родился в 2017 году.", None, [("в 2017 году", "2017")]),
    (
        "В воскресенье, 11 июня 2017 года он",
        None,
        [("В воскресенье, 11 июня 2017 года", "2017-06-11")],
    ),
    ("в начале 2017 года", None, [("в начале 2017 года", "2017")]),
    ("с 1975 по 1977 год", None, [("с 1975 по 1977 год", "1975")]),
    ("с 1 марта 2011 по декабрь 2015", None, [("с 1 марта 2011 по декабрь 2015", "2011-03-01")]),
    ("в 2013 г. он уехал", None, [("в 2013 г", "2013")]),
    ("в 2008г. он уехал", None, [("в 2008г", "2008")]),
    ("в мае он уехал", None, [("в мае", None)]),
    ("10 апреля суд", None, [("10 апреля", None)]),
    ("10 апреля суд", WEDNESDAY, [("10 апреля", "2024-04-10")]),
    ("в четверг, сообщил он", None, [("в четверг", None)]),
    ("в среду суд", WEDNESDAY, [("в среду", "2024-03-13")]),
    ("в прошлом году его осудили", WEDNESDAY, [("в прошлом году", "2023")]),
    ("в прошлом месяце", WEDNESDAY, [("в прошлом месяце", "2024-02")]),
    ("в 1980-х годах", None, [("в 1980-х годах", "1980")]),
    ("три года назад", None, [("три года назад", None)]),
    ("за последние 200 лет", None, [("за последние 200 лет", None)]),
    ("в 1976, а потом", None, [("в 1976", "1976")]),
    ("весной 2012 года", None, [("весной 2012 года", "2012")]),
    # NEREL leaves «начиная», «после», «в ночь» out and takes a weekday said with the date
    ("начиная с 2013 года", None, [("с 2013 года", "2013")]),
    ("в ночь на 31 июля 2016 года умер", None, [("на 31 июля 2016 года", "2016-07-31")]),
    ("в среду — 10 июля 2013 года", None, [("в среду — 10 июля 2013 года", "2013-07-10")]),
    ("Вчера, 7 мая 2013 года, суд", None, [("Вчера, 7 мая 2013 года", "2013-05-07")]),
    # the year in words
    ("В октябре прошлого года он уехал", None, [("В октябре прошлого года", None)]),
    ("В октябре прошлого года он уехал", WEDNESDAY, [("В октябре прошлого года", "2023-10")]),
    ("Суд 1 октября нынешнего года решил", WEDNESDAY, [("1 октября нынешнего года", "2024-10-01")]),
    ("26 октября с.г. суд", None, [("26 октября с.г", None)]),
    # years: ranges, «-м», earlier centuries, in brackets, glued to a name, seasons of a sport
    ("в 1999-2001 гг. работал", None, [("в 1999-2001 гг", "1999")]),
    ("в 1997-м", None, [("в 1997-м", "1997")]),
    ("в апреле 1945-го", None, [("в апреле 1945-го", "1945-04")]),
    ("в 1860 году", None, [("в 1860 году", "1860")]),
    ("В 2008 участвовал в съёмках", None, [("В 2008", "2008")]),
    ("Ленинская премия (1970)", None, [("1970", "1970")]),
    ("на ЧМ-2018 в Самаре", None, [("2018", "2018")]),
    ("в сезонах 2002/03 и 2004/05", None, [("2002/03", "2002"), ("2004/05", "2004")]),
    ("во втором квартале 2014 года", None, [("во втором квартале 2014 года", "2014")]),
    ("в апреле-мае 2012 г. он", None, [("в апреле-мае 2012 г", "2012")]),
    ("пандемия COVID-19", None, [("19", None)]),  # part of a name: no value for facts
    # months, weeks, centuries and seasons named without a number
    ("в ноябре-декабре", None, [("в ноябре-декабре", None)]),
    ("в конце прошлой недели", None, [("в конце прошлой недели", None)]),
    ("в том же году", None, [("в том же году", None)]),
    ("в ближайшие недели", None, [("в ближайшие недели", None)]),
    ("до конца года", None, [("до конца года", None)]),
    ("в XIV веке", None, [("в XIV веке", None)]),
    ("осенью прошлого года", None, [("осенью прошлого года", None)]),
    ("после июньской трагедии", None, [("июньской", None)]),
    # durations, which NEREL counts as dates (no value)
    ("Он провёл в колонии два года.", None, [("два года", None)]),
    ("Статья 174, 5 лет лишения свободы", None, [("5 лет", None)]),
    ("приговорён к восьми годам лишения свободы", None, [("восьми годам", None)]),
    ("грозит до 10 лет лишения свободы", None, [("до 10 лет", None)]),
    ("около года назад он уехал", None, [("около года назад", None)]),
    ("процесс займёт не более трёх лет.", None, [("не более трёх лет", None)]),
    ("получили 1 год 6 месяцев.", None, [("1 год 6 месяцев", None)]),
    ("отбывает семилетний срок", None, [("семилетний", None)]),
    ("с 30-летним стажем", None, [("30-летним", None)]),
    ("начнутся не позднее 14 дней со дня", None, [("не позднее 14 дней", None)]),
    # more
    ("C 1994 года он", None, [("C 1994 года", "1994")]),  # a Latin «C»
    ("в ноябре-декабре этого года", WEDNESDAY, [("в ноябре-декабре этого года", "2024-11")]),
    ("лауреат премии мира 1993. Он", None, [("1993", "1993")]),
    (
        "лучшая в 2003, 2004 и 2005 годах",
        None,
        [("в 2003", "2003"), ("2004", "2004"), ("2005 годах", "2005")],
    ),
    ("за 2019 год выручка выросла", None, [("за 2019 год", "2019")]),  # a year, not 2019 years
    ("годом позже он уехал", None, [("годом позже", None)]),
    ("в тот день шёл дождь", None, [("в тот день", None)]),
    (
        "«В прошлую пятницу, спустя один день»",
        None,
        [("В прошлую пятницу", None), ("спустя один день", None)],
    ),
    # spans as NEREL makes them: ranges naming their month once, durations
    # a range that names its month once takes its first day in
    ("Фестиваль пройдёт с 5 по 21 августа в парке.", None, [("с 5 по 21 августа", None)]),
    ("В ночь со 2-го на 3-е ноября он исчез.", None, [("со 2-го на 3-е ноября", None)]),
    (
        "Выставка открыта с 25 по 29 июля 2013 г. в музее.",
        None,
        [("с 25 по 29 июля 2013 г", "2013-07-29")],
    ),
    # a range from the end of one period to the start of the next
    (
        "Её открыли в конце 1980-х — начале 1990-х годов.",
        None,
        [("в конце 1980-х — начале 1990-х годов", "1980")],
    ),
    (
        "Спектакли пройдут в конце октября — начале ноября.",
        None,
        [("в конце октября — начале ноября", None)],
    ),
    # two full dates joined by a dash stay two mentions
    (
        "Он руководил отделом (1 июня 2013 года — 27 июля 2017 года).",
        None,
        [("1 июня 2013 года", "2013-06-01"), ("27 июля 2017 года", "2017-07-27")],
    ),
    # a season in the genitive before a year
    ("Завод простаивает с лета 2012 года.", None, [("с лета 2012 года", "2012")]),
    # durations
    ("Ответ дадут в течение полугода.", None, [("в течение полугода", None)]),
    ("За прошедшие полгода цены выросли.", None, [("За прошедшие полгода", None)]),
    ("Решение примут в течение 45-60 дней.", None, [("в течение 45-60 дней", None)]),
    ("Суд назначат в ближайшие 30 дней.", None, [("в ближайшие 30 дней", None)]),
    ("Иск подадут по истечении 180 дней.", None, [("по истечении 180 дней", None)]),
    ("За день до этого он уехал.", None, [("За день до этого", None)]),
    ("Более чем за месяц до того его задержали.", None, [("Более чем за месяц до того", None)]),
    # a month adjective: lower case, or capitalized before «революция»
    ("Отменили после Октябрьской революции.", None, [("Октябрьской", None)]),
    ("на декабрьском заседании суда", None, [("декабрьском", None)]),
    # a day word not in a name
    ("Об этом он сообщил сегодня.", WEDNESDAY, [("сегодня", "2024-03-13")]),
    # terms, not ages, after a sentence
    ("Оба получили по 5 лет.", None, [("5 лет", None)]),
    ("Братьям дали по 5 лет колонии.", None, [("5 лет", None)]),
    ("Их осудили на 20 и 10 лет соответственно.", None, [("10 лет", None)]),
    # fixed phrases without a unit word's key: «ежегодно», «на Рождество»
    ("Фестиваль проводится ежегодно в Канне.", None, [("ежегодно", None)]),
    ("Теракт готовили на Рождество.", None, [("на Рождество", None)]),
    ("Мы собираемся каждый год.", None, [("каждый год", None)]),
    # a year said relative to now, alone or as the year of the mention before it
    ("Он займётся подготовкой бюджета следующего года.", None, [("следующего года", None)]),
    ("За 5 месяцев этого года погибли 10 человек.", None, [("За 5 месяцев этого года", None)]),
    ("Шоу выходит с лета прошлого года.", None, [("с лета прошлого года", None)]),
    # the day after the one told before, in English as in Russian («на следующий день»)
    ("On the following day the court remanded him.", None, [("On the following day", None)]),
    ("The next day police searched his flat.", None, [("The next day", None)]),
    ("A day later he was released.", None, [("A day later", None)]),
    # decades in two digits (no value: the century is not said)
    ("Группа распалась в конце 80-х годов.", None, [("в конце 80-х годов", None)]),
    ("Фильм вернулся из начала 90-х на экраны.", None, [("начала 90-х", None)]),
    ("Завод строили в 70-е годы.", None, [("в 70-е годы", None)]),
    ("Музыка 60-х годов прошлого века звучит.", None, [("60-х годов прошлого века", None)]),
    # a week, a weekend, a weekday things are set for, a season alone
    ("На минувшей неделе суд отложил дело.", None, [("На минувшей неделе", None)]),
    ("Его ищут с прошлой недели.", None, [("с прошлой недели", None)]),
    ("Митинг прошёл в минувшие выходные.", None, [("в минувшие выходные", None)]),
    ("Его задержали на прошлых выходных.", None, [("на прошлых выходных", None)]),
    ("Заседание назначено на пятницу.", None, [("на пятницу", None)]),
    ("Ответ обещали дать к среде.", None, [("к среде", None)]),
    ("Весной его перевели в колонию.", None, [("Весной", None)]),
    # a century without a preposition, the start or the end of the year
    ("Это одна из тюрем XIX века.", None, [("XIX века", None)]),
    ("Картины первой половины XX века выставлены.", None, [("первой половины XX века", None)]),
    ("С начала года задержаны 40 человек.", None, [("С начала года", None)]),
    ("Он уйдёт в конце сезона.", None, [("в конце сезона", None)]),
    ("Музей закрыли полвека назад.", None, [("полвека назад", None)]),
    # more durations: «недель», «почти неделю», «на год», seasons of a sport counted
    ("Процесс длился несколько недель.", None, [("несколько недель", None)]),
    ("Арест продлили до двух недель.", None, [("до двух недель", None)]),
    ("Его держали почти неделю.", None, [("почти неделю", None)]),
    ("Суд перенёс рассмотрение на год.", None, [("на год", None)]),
    ("Он играет на протяжении трёх сезонов.", None, [("на протяжении трёх сезонов", None)]),
    ("Ответ дадут в течении десяти дней.", None, [("в течении десяти дней", None)]),
    # a season of a sport as two years; a month before a number that is no year
    ("Он играл в сезоне 2017—2018, а потом", None, [("2017—2018", "2017")]),
    ("В конце марта 55-летний судья ушёл.", None, [("В конце марта", None)]),
    # a duration after a dash or a comma that is not a number of years is no age
    ("Рекорд в космосе — 878 дней.", None, [("878 дней", None)]),
    (
        "Лечение займёт, видимо, несколько месяцев, сказал врач.",
        None,
        [("несколько месяцев", None)],
    ),
    # this, last or next year or week after «на», «за»
    ("Придётся менять планы на ближайший год.", None, [("на ближайший год", None)]),
    ("По данным за прошлый год, цены выросли.", None, [("за прошлый год", None)]),
    ("В разные годы он руководил судом.", None, [("В разные годы", None)]),
    # «в» before a day of the month is a slip NEREL leaves out; the value stays
    ("Он родился в 5 августа 1984 года.", None, [("5 августа 1984 года", "1984-08-05")]),
]


@pytest.mark.parametrize("sentence, reference, expected", MENTIONS)
def test_date_mention(sentence, reference, expected):
    found = find_date_mentions(sentence, reference)
    assert [(d.text, d.value) for d in found] == expected
    assert all(sentence[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "в 2000 километрах от города",
        "осуждены более 30 человек",
        "мая нет",
        "Для проверки требуется COVID-тест",
        "«Пальцем в глаз», 31 июня",  # no such day
        "см. https://example.org/2016-06-30/news",
        # ages are not dates
        "Ему было 50 лет.",
        "умер в возрасте 87 лет",
        "Келли 52 года.",
        "В доме жила девочка 8 лет.",
        "продажа лицам старше 18 лет",
        "в 15 лет он уехал",
        "87-летний писатель умер",
        "Мишель Бачелет — 54 года, врач.",
        "Им было 30, 20 и 19 лет.",
        "детям до 12 лет вход запрещён",
        "в жертву, 56 лет, стреляли",
        # names that end in a month or a day word, and ages after «в свои», «по»
        # a town and a group named after a month
        "Мечеть в городе Октябрьский закрыли.",
        "Лидер группировки «Октябрьский джамаат» задержан.",
        # a day word that ends a short quoted name
        "Как пишет газета «Сегодня», его уволили.",
        "Директор агентства «Россия сегодня» ушёл.",
        'Он выступил в программе "Сегодня" на канале.',
        # ages
        "В свои 29 лет он уже чемпион.",
        "Обоим сейчас по 31 году.",
        "Сёстрам 47 и 46 лет соответственно.",
        # a day's, not a day
        "He said the next day's hearing was postponed.",
        # a rank, days of a month, a book's imprint
        "Он занял 40-е место в рейтинге.",
        "Суд пройдёт в 20-х числах.",
        "Выходные данные сборника указаны.",
        # a difference of ages
        "Она младше его на год.",
        "Он на несколько месяцев старше коллеги.",
    ],
)
def test_no_date_mention(sentence):
    assert find_date_mentions(sentence) == []
    assert find_date_mentions(sentence, WEDNESDAY) == []  # «Сегодня» of a name has no value


def test_english_day_names_in_russian_text_are_names():
    found = find_date_mentions("по данным USA Today, в субботу", WEDNESDAY)
    assert [(d.text, d.value) for d in found] == [("в субботу", "2024-03-09")]
    english = find_date_mentions("The court ruled today.", WEDNESDAY)
    assert [(d.text, d.value) for d in english] == [("today", "2024-03-13")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Её приговорили в июле к двум годам.", "2025-07"),  # this year's July
        ("В декабре суд продлил арест.", "2024-12"),  # December is still ahead: last year's
        ("В сентябре её освободили.", "2025-09"),  # the text's own month
    ],
)
def test_a_month_told_alone_is_the_last_one_up_to_the_texts_date(text, value):
    (mention,) = [d for d in find_date_mentions(text, date(2025, 9, 10)) if "годам" not in d.text]
    assert mention.value == value
    assert find_date_mentions(text, None)[0].value is None  # no date for the text: no year
