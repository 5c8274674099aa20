"""Dates in Russian and English text, as ISO values that may be partial ("2024", "2024-01").

Absolute forms: «17 января 2024 года», «17.01.2024», «2024-01-17», «в январе 2022 года»,
«январских событий 2022 года», «в 2023 году», "17 January 2024", "January 17, 2024",
"in January 2022", "in 2023". Forms that need the document's date (``reference``, usually its
publication date) are skipped without one: a day and month without a year («4 апреля», "on
4 April": the reference year, or the year before when that would be more than 90 days after
the reference), and relative dates («вчера», «в понедельник» — the latest Monday on or
before the reference, «в прошлом году», «в прошлом месяце», "yesterday", "last year",
"on Monday").

Spans leave out the preposition («в январе 2022 года» → «январе 2022 года») and keep the
word «года»/«г.» after a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pledgewatch.extract.grammars.numbers import (
    FLAGS,
    NUMBER_RE,
    folded,
    key_windows,
    lowered,
    non_overlapping,
    parse_number,
    word_alternation,
)


@dataclass
class DateMatch:
    start: int
    end: int
    text: str
    value: str  # ISO: "2024-01-17", "2024-01" or "2024"


_RU_MONTH_FORMS = {
    1: ("январ", "ь,я,е,ю,ем,ём"),
    2: ("феврал", "ь,я,е,ю,ем,ём"),
    3: ("март", ",а,е,у,ом"),
    4: ("апрел", "ь,я,е,ю,ем"),
    5: ("ма", "й,я,е,ю,ем"),
    6: ("июн", "ь,я,е,ю,ем"),
    7: ("июл", "ь,я,е,ю,ем"),
    8: ("август", ",а,е,у,ом"),
    9: ("сентябр", "ь,я,е,ю,ем,ём"),
    10: ("октябр", "ь,я,е,ю,ем,ём"),
    11: ("ноябр", "ь,я,е,ю,ем,ём"),
    12: ("декабр", "ь,я,е,ю,ем,ём"),
}
_EN_MONTHS = {
    1: ["january", "jan"],
    2: ["february", "feb"],
    3: ["march", "mar"],
    4: ["april", "apr"],
    5: [],  # "May" is matched case-sensitively (not the verb "may")
    6: ["june", "jun"],
    7: ["july", "jul"],
    8: ["august", "aug"],
    9: ["september", "sept", "sep"],
    10: ["october", "oct"],
    11: ["november", "nov"],
    12: ["december", "dec"],
}
_RU_ABBREVIATIONS = {
    1: ["янв"],
    2: ["фев", "февр"],
    3: ["мар"],
    4: ["апр"],
    6: ["июн"],
    7: ["июл"],
    8: ["авг"],
    9: ["сен", "сент"],
    10: ["окт"],
    11: ["ноя", "нояб"],
    12: ["дек"],
}

MONTHS: dict[str, int] = {}
for _month, (_stem, _endings) in _RU_MONTH_FORMS.items():
    for _ending in _endings.split(","):
        MONTHS[_stem + _ending] = _month
for _month, _names in _EN_MONTHS.items():
    for _name in _names:
        MONTHS[_name] = _month
MONTHS["may"] = 5
_ABBREVIATIONS = {a: m for m, names in _RU_ABBREVIATIONS.items() for a in names}

_MONTH_RE = (
    r"(?:(?<![\w])(?:"
    + word_alternation(k for k in MONTHS if k != "may")
    + r"|(?-i:May))(?![\w])|(?<![\w])"
    + word_alternation(_ABBREVIATIONS)
    + r"\.)"
)
_YEAR = r"(?:1[1-9]|20)\d{2}(?![\d])"  # 1100–2099
_YEAR_WORD = r"(?:[\s\u00a0]*(?:(?:года|году|год)(?![\w])|г\.|г(?![\w]))|-(?:го|м|й)(?![\w]))"
_SP = r"[\s\u00a0]+"

# Rules that start with a digit run are tried where one starts; rules that start with a month
# name, where a month name is (see find_dates): scanning for anchors is cheaper than trying
# every pattern at every position.
_RULES: list[tuple[str, re.Pattern]] = [
    # not inside a URL or a file name («/2016-06-30/», «ik2017-02-21T08»)
    ("iso", re.compile(r"(?<![\w/-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/]|-\d)")),
    (
        "dotted",
        re.compile(
            rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>(?:19|20)\d{{2}}|\d{{2}})(?![\d]){_YEAR_WORD}?",
            FLAGS,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:-?(?:го|ого|е)|st|nd|rd|th)?(?:\s*[–—-]\s*\d{{1,2}})?"
            rf"(?:\s+of)?{_SP}(?P<m>{_MONTH_RE})(?:,?{_SP}(?P<y>{_YEAR}){_YEAR_WORD}?)?",
            FLAGS,
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"(?P<m>{_MONTH_RE}){_SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:,?{_SP}(?P<y>{_YEAR}))?",
            FLAGS,
        ),
    ),
    (
        "month_year",
        re.compile(rf"(?P<m>{_MONTH_RE})(?:\s+of)?,?{_SP}(?P<y>{_YEAR}){_YEAR_WORD}?", FLAGS),
    ),
    (
        "month_adjective",
        re.compile(
            r"(?<![\w])(?P<madj>январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|"
            rf"сентябрьск|октябрьск|ноябрьск|декабрьск)\w*(?:{_SP}[а-яё]+){{1,2}}?{_SP}(?P<y>{_YEAR})"
            rf"[\s\u00a0]*(?:года(?![\w])|г\.)",
            FLAGS,
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d.,])(?P<y>{_YEAR})(?:\s*[–—-]\s*(?:(?:19|20)\d{{2}}|\d{{2}})(?![\d]))?(?:-?м)?"
            r"[\s\u00a0]*(?:(?:года|году|год|годом|годах|годов|годы)(?![\w])|гг?\.|гг?(?![\w]))",
            FLAGS,
        ),
    ),
]

_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "среда": 2,
    "четверг": 3,
    "пятницу": 4,
    "пятница": 4,
    "субботу": 5,
    "суббота": 5,
    "воскресенье": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_DAYS = {
    "сегодня": 0,
    "вчера": -1,
    "позавчера": -2,
    "завтра": 1,
    "today": 0,
    "yesterday": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
}
_RELATIVE_RE = re.compile(
    r"(?<![\w])(?:"
    r"(?P<day>позавчера|вчера|сегодня|завтра|the\s+day\s+before\s+yesterday|yesterday|today|tomorrow)"
    r"|(?:в|во)\s+(?P<year_ru>(?:позапрошл|прошл|минувш|эт|текущ|нынешн|следующ|будущ)\w*\s+году)"
    r"|(?:в|во)\s+(?P<month_ru>(?:прошл|минувш|эт|текущ)\w*\s+месяце)"
    r"|(?:в|во)\s+(?P<weekday_ru>(?:(?:прошл|минувш)\w+\s+)?"
    r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))"
    r"|(?P<year_en>(?:last|this|next)\s+year|the\s+year\s+before\s+last)"
    r"|(?P<month_en>(?:last|this)\s+month)"
    r"|(?:on\s+)?(?P<weekday_en>(?:last\s+)?(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r")(?![\w])",
    FLAGS,
)


_DIGIT_RULES = ("iso", "dotted", "day_month", "year")
_MONTH_RULES = ("month_day", "month_year")
_RULE = dict(_RULES)
_DIGITS_RE = re.compile(r"\d+")
_MONTH_ANCHOR_RE = re.compile(word_alternation(list(MONTHS) + list(_ABBREVIATIONS)))
# "in 2023", "since 2019": a bare year in English after a preposition
_EN_YEAR_BEFORE_RE = re.compile(
    r"(?<![\w])(?:in|since|by|until|till|from|during|throughout|early|late|mid-?)\s+$", FLAGS
)
_EN_YEAR_RE = re.compile(rf"(?P<y>{_YEAR})(?![\w-])")
_ADJECTIVE_KEYS = ("январск", "февральск", "мартовск", "апрельск", "майск", "июньск", "июльск")
_ADJECTIVE_KEYS += ("августовск", "сентябрьск", "октябрьск", "ноябрьск", "декабрьск")
_RELATIVE_KEYS = (
    "вчера", "сегодня", "завтра", "году", "месяце", "понедельник", "вторник", "среду",
    "четверг", "пятницу", "субботу", "воскресенье", "yesterday", "today", "tomorrow", "year",
    "month", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


def find_dates(text: str, reference: date | None = None) -> list[DateMatch]:
    """Dates in ``text``, sorted and non-overlapping; ``reference`` resolves partial and
    relative dates (without it they are skipped)."""
    reference = _calendar_inner(reference)
    low = lowered(text)
    candidates: list[DateMatch] = []

    def add(kind: str, match: re.Match | None, span: tuple[int, int] | None = None) -> None:
        value = _absolute(kind, match, reference) if match else None
        if value:
            start, end = span or match.span()
            candidates.append(DateMatch(start, end, text[start:end], value))

    for digits in _DIGITS_RE.finditer(text):
        at = digits.start()
        for kind in _DIGIT_RULES:
            add(kind, _RULE[kind].match(text, at))
        if len(digits.group()) == 4 and _EN_YEAR_BEFORE_RE.search(text, max(0, at - 16), at):
            year = _EN_YEAR_RE.match(text, at)
            add("year", year, year.span() if year else None)
    for month in _MONTH_ANCHOR_RE.finditer(low):
        at = month.start()
        if at and low[at - 1].isalnum() or month.group() == "may" and text[at] != "M":
            continue
        for kind in _MONTH_RULES:
            add(kind, _RULE[kind].match(text, at))
    for lo, hi in key_windows(low, _ADJECTIVE_KEYS, 0, 60):
        for match in _RULE["month_adjective"].finditer(text, lo, hi):
            add("month_adjective", match)
    if reference is not None:
        for lo, hi in key_windows(low, _RELATIVE_KEYS, 40, 12):
            for match in _RELATIVE_RE.finditer(text, lo, hi):
                value = _relative(match, reference)
                if value and not _english_among_cyrillic(text, match):
                    start, end = match.span(match.lastgroup)
                    candidates.append(DateMatch(start, end, text[start:end], value))
    return non_overlapping((d.start - d.end, d.start, d.end, d) for d in candidates)


_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
_ANY_YEAR = date(2000, 12, 31)  # in a leap year: checks a day and month without a year


def _english_among_cyrillic(text: str, match: re.Match) -> bool:
    """English day words among Russian text («USA Today», «The Sunday People») are names,
    and so is a day word that ends a short quoted name (газета «Сегодня», «Россия сегодня»)."""
    start, end = match.span(match.lastgroup)
    if _QUOTED_NAME_RE.match(text, end) and _QUOTE_OPEN_RE.search(text, max(0, start - 30), start):
        return True
    return match.group(match.lastgroup).isascii() and bool(
        _CYRILLIC_RE.search(text, max(0, start - 30), min(len(text), end + 30))
    )


_QUOTED_NAME_RE = re.compile(r"[»\"”“]")
_QUOTE_OPEN_RE = re.compile(r"[«\"„“](?:[^\W\d]+[\s\u00a0]+)?$")


def _month(name: str) -> int | None:
    key = folded(name).replace("ё", "е").rstrip(".")
    return MONTHS.get(key) or _ABBREVIATIONS.get(key)


def _absolute(kind: str, match: re.Match, reference: date | None) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    if kind == "year":
        return f"{year:04d}"
    if kind == "month_adjective":
        month = _month(_ADJECTIVE_MONTHS[folded(groups["madj"])])
        return f"{year:04d}-{month:02d}"
    month = int(groups["m"]) if groups["m"].isdigit() else _month(groups["m"])
    if not month or not 1 <= month <= 12:
        return None
    if kind == "month_year":
        return f"{year:04d}-{month:02d}"
    day = int(groups["d"])
    if year is None:
        if reference is None:
            return None
        year = reference.year
        if _valid(year, month, day) and date(year, month, day) > reference + _AHEAD:
            year -= 1
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_ADJECTIVE_MONTHS = {
    "январск": "январь",
    "февральск": "февраль",
    "мартовск": "март",
    "апрельск": "апрель",
    "майск": "май",
    "июньск": "июнь",
    "июльск": "июль",
    "августовск": "август",
    "сентябрьск": "сентябрь",
    "октябрьск": "октябрь",
    "ноябрьск": "ноябрь",
    "декабрьск": "декабрь",
}


# A day and month without a year fall in the reference's year when that puts them at most
# this far after it (a hearing set for next month, «под домашний арест до 15 марта»), else in
# the year before.
_AHEAD = timedelta(days=90)


def _calendar_inner(reference: date | None) -> date | None:
    """No reference at the ends of the calendar (0001-01-01 stands for "no date" in some
    metadata): «вчера» or «в прошлом месяце» would fall outside it."""
    if reference is None or not date(2, 1, 1) <= reference <= date(9998, 12, 31):
        return None
    return reference


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _relative(match: re.Match, reference: date) -> str | None:
    group = match.lastgroup
    phrase = " ".join(folded(match.group(group)).split())
    if group == "day":
        return (reference + timedelta(days=_DAYS[phrase])).isoformat()
    if group in ("year_ru", "year_en"):
        if phrase.startswith(("позапрошл", "the year before last")):
            return str(reference.year - 2)
        if phrase.startswith(("прошл", "минувш", "last")):
            return str(reference.year - 1)
        if phrase.startswith(("следующ", "будущ", "next")):
            return str(reference.year + 1)
        return str(reference.year)
    if group in ("month_ru", "month_en"):
        if phrase.startswith(("прошл", "минувш", "last")):
            first = reference.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
        return f"{reference.year:04d}-{reference.month:02d}"
    words = phrase.split()
    weekday = _WEEKDAYS[words[-1]]
    back = (reference.weekday() - weekday) % 7
    if len(words) > 1 and back == 0:  # "в прошлый понедельник" said on a Monday
        back = 7
    return (reference - timedelta(days=back)).isoformat()


_ISO_DATETIME_RE = re.compile(
    r"(?<![\d])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?"
)


def parse_published(text: str) -> str | None:
    """The publication date in a dateline or a metadata value, as ISO (maybe partial).

    "2023-10-12T09:00:00+06:00" → "2023-10-12" (the local date as written),
    «12 октября 2023 г.» → "2023-10-12", "Thu, 12 Oct 2023 09:00:00 +0600" → "2023-10-12",
    «Октябрь 2023» → "2023-10".
    """
    if not text:
        return None
    iso = _ISO_DATETIME_RE.search(text)
    if iso and _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))):
        return f"{iso.group(1)}-{iso.group(2)}-{iso.group(3)}"
    dates = find_dates(text)
    full = [d for d in dates if len(d.value) == 10]
    if full:
        return full[0].value
    return dates[0].value if dates else None


# --- date mentions ---------------------------------------------------------------------------
#
# A date *mention* is the phrase that names a time, as NEREL annotates it: with its
# preposition and a leading weekday («в 2017 году», «с 10 апреля 2016 года», «в начале 2017
# года», «В воскресенье, 11 июня 2017 года»), a range as one phrase («с 1975 по 1977»), and
# also the dates whose value needs a reference date that the document does not have
# («10 апреля», «в мае», «в четверг», «сегодня»): their ``value`` is None. NEREL also calls
# durations dates («два года», «к [восьми годам] лишения свободы», «семилетний срок»), and
# so do these mentions, without a value; ages are not («ему было 50 лет», «Келли 52 года.»).
# A month or a day with the year in words («в октябре прошлого года», «26 октября с.г.»)
# takes its year from the reference date.
# ``find_dates`` (above) stays the grammar for values; facts take their dates from mentions
# with a value.

_MONTH_RU_RE = word_alternation(k for k in MONTHS if not k.isascii())
# «за 2019 год», «в течение 2019 года» name a year, not a duration of 2019 years
_A_YEAR = r"(?:\d+\s*[–—-]\s*)?(?:1\d|20)\d\d[\s\u00a0]+г"
_ABOUT = (
    r"(?:(?:чуть\s+|немногим\s+|не\s+)?(?:более|менее|больше|меньше|свыше|около|почти|примерно|"
    r"порядка)(?:\s+чем)?)"
)
# Each rule is (keys, before, after, pattern): it runs only from ``before`` characters before
# to ``after`` characters after an occurrence of one of its lower-case keys (see key_windows).
_MONTH_KEYS = ("январ", "феврал", "март", "апрел", "мая", "мае", "май", "маю", "маем", "июн")
_MONTH_KEYS += ("июл", "август", "сентябр", "октябр", "ноябр", "декабр")


def _windows(low: str, keys, before: int, after: int) -> list[tuple[int, int]]:
    """key_windows, where a word-initial key (see _word_initial) also finds the first word."""
    shifted = key_windows(_spaced(low), keys, before, after)
    return [(max(0, lo - 1), hi - 1) for lo, hi in shifted]


@lru_cache(maxsize=8)  # one string per text, so that key_windows' look-ups are cached
def _spaced(low: str) -> str:
    return " " + low


def _word_initial(*stems: str) -> tuple[str, ...]:
    """Keys for stems at the start of a word only: short stems like «дн» and «лет» occur
    inside many words («сегодня», «полет»), and every occurrence widens the windows."""
    return tuple(space + stem for stem in stems for space in (" ", "\u00a0", "\n"))


_UNIT_STEMS = (
    "лет",
    "год",
    "месяц",
    "недел",
    "дн",
    "день",
    "сут",
    "век",
    "столет",
    "десятилет",
    "пол",
)
_DURATION_KEYS = _word_initial(*_UNIT_STEMS)
_PHRASE_KEYS = _word_initial(*_UNIT_STEMS, "сезон", "весн", "осен", "зим", "ежегодн", "рождеств")
# «90-х», «70-е» and «годы», «гг», «годов прошлого века» after them
_DECADE = r"[1-9]0-(?:е|х|ые|ых)(?![\w])"
_DECADE_YEARS = (
    r"[\s\u00a0]+(?:год(?:ы|ах|ов|ами)?|гг)(?![\w])"
    r"(?:[\s\u00a0]+(?:прошлого|(?-i:XX|ХХ))[\s\u00a0]+(?:века|столетия))?"
)
_SEASON_WEEKDAY_KEYS = (
    "весн", "лет", "осен", "зим", "понедельн", "вторн", "сред", "четверг", "пятниц", "суббот",
    "воскресен",
)  # fmt: skip
_MENTION_RULES = [
    # «в мае», «с января», «в начале декабря»: a month alone after a preposition
    (
        _MONTH_KEYS,
        5,
        40,
        re.compile(
            rf"(?<=[\s\u00a0])(?P<m>{_MONTH_RU_RE})(?![\w])(?:\s*[–—-]\s*{_MONTH_RU_RE}(?![\w]))?"
            # not before a year («в мае 2020»), but before «55-летний»
            r"(?=(?:\s+(?:и|или)\s+\w+)?\s*[^\s\w]|\s+(?!\d+(?![\d]|-[а-яё]))|$)",
            FLAGS,
        ),
    ),
    # «во втором квартале 2014 года», «первого полугодия 2016 года»
    (
        ("квартал", "полугоди"),
        20,
        30,
        re.compile(
            r"(?<![\w])(?:перв|втор|трет|четв[её]рт|последн)\w+\s+(?:квартал|полугоди)\w*"
            rf"{_SP}(?P<y>{_YEAR}){_YEAR_WORD}?",
            FLAGS,
        ),
    ),
    # «в апреле-мае 2012 г.»
    (
        _MONTH_KEYS,
        20,
        40,
        re.compile(
            rf"(?<![\w]){_MONTH_RU_RE}\s*[–—-]\s*{_MONTH_RU_RE}{_SP}(?P<y>{_YEAR}){_YEAR_WORD}?",
            FLAGS,
        ),
    ),
    # «весной 2012 года», «летом»
    (
        ("весн", "лет", "осен", "зим"),
        5,
        25,
        re.compile(
            rf"(?<![\w])(?:весной|летом|осенью|зимой|весну|лето|осень|зиму|весны|лета|осени|зимы)"
            rf"(?:{_SP}(?P<y>{_YEAR}){_YEAR_WORD}?)",
            FLAGS,
        ),
    ),
    # «1980-е», «1990-х годах»
    (
        ("0-е", "0-х", "0-ы", "0е", "0х", "0ы"),
        6,
        20,
        re.compile(
            rf"(?<![\d])(?P<y>(?:19|20)\d0)-?(?:е|х|ые|ых)(?![\w])(?:{_SP}(?:год(?:ы|ах|ов|ами)?)(?![\w]))?",
            FLAGS,
        ),
    ),
    # «в 90-х», «в начале 90-х гг», «в 70-е годы», «70-х годов прошлого века»: a decade in two
    # digits, without a value (which century is not said); after a preposition, a part of
    # the decade or before «годы» (not «на 40-е место», «20-х числах»)
    (
        ("0-е", "0-х", "0-ы"),
        25,
        40,
        re.compile(
            r"(?:(?<![\w])(?:в|во|с|со|до|к|из|по|(?:начал|конц|середин)[аеыу])[\s\u00a0]+"
            rf"{_DECADE}(?:{_DECADE_YEARS})?|(?<![\w\d.,/-]){_DECADE}{_DECADE_YEARS})"
            r"(?![\s\u00a0]+(?:числ|мест|позици|ряд|номер))",
            FLAGS,
        ),
    ),
    # «в течение двух лет», «за последние 200 лет», «через несколько дней», «три года назад»,
    # «в течение полугода», «по истечении 180 дней», «в ближайшие 30 дней»
    (
        _DURATION_KEYS,
        90,
        20,
        re.compile(
            rf"(?<![\w])(?:(?:{_ABOUT}\s+)?(?:в\s+течени[еяи]|за|через|спустя|на\s+протяжении|по\s+истечении"
            r"|в(?=\s+(?:ближайш|последн)\w+\s+(?!год|дни|месяц|недел)))\s+"
            rf"(?:{_ABOUT}\s+)?"
            r"(?:(?:последн|ближайш|следующ|прошедш|перв|многи)\w+\s+)?"
            rf"(?:(?!{_A_YEAR})(?:\d+\s*[–—-]\s*)?(?:{NUMBER_RE}|нескольк\w+|пар[ыу]|двух|трех|трёх)\s+)?"
            r"(?:пол(?:года|угода)|лет|год(?:а|у|ом|ы|ов)?|месяц\w*|недел[июь]\w*|дн(?:я|ей|и)|день|сут\w+|десятилети\w+|"
            r"век(?:а|ов)?)"
            rf"|(?:{NUMBER_RE}|нескольк\w+|пар[ыу])\s+(?:лет|год(?:а)?|месяц\w*|недел\w+|дн(?:я|ей)|день)"
            r"\s+(?:назад|тому\s+назад))(?![\w])",
            FLAGS,
        ),
    ),
    # «на протяжении трёх сезонов», «в течение 20 сезонов»: seasons of a sport, counted
    (
        _word_initial("сезон"),
        60,
        10,
        re.compile(
            rf"(?<![\w])(?:в\s+течение|на\s+протяжении|за)\s+(?:{NUMBER_RE}|нескольк\w+|двух|тр[её]х)"
            r"\s+сезон(?:а|ов)(?![\w])",
            FLAGS,
        ),
    ),
    # fixed phrases
    (
        _PHRASE_KEYS,
        40,
        40,
        re.compile(
            r"(?<![\w])(?:(?:на|в|с)\s+(?:этой|прошлой|следующей|будущей|текущей|минувшей|нынешней|"
            r"прошедшей)\s+недел[еи]"
            r"|на\s+следующий\s+день|в\s+(?:тот|этот)\s+(?:же\s+)?день|на\s+днях|ежегодно"
            r"|(?:годом|месяцем|неделей|дн[её]м)\s+(?:позже|ранее|позднее)|до\s+нового\s+года"
            r"|на\s+рождество|в\s+последний\s+год|каждый\s+год"
            r"|(?:в|во|с|со)\s+(?:начал[аео]|конц[ае]|середин[еы])\s+(?:года|сезона)"  # «С начала года»
            r"|(?:(?:с|до|к)\s+)?(?:(?:лета|весны|осени|зимы)\s+)?"
            r"(?:прошлого|этого|текущего|следующего|нынешнего|минувшего|позапрошлого)\s+года"
            r"|в\s+(?:том|этом)\s+же\s+(?:году|месяце)"
            r"|(?:на|за)\s+(?:этот|прошлый|следующий|будущий|ближайший|текущий|минувший|эту|прошлую|"
            r"следующую|будущую|ближайшую|текущую)\s+(?:год|неделю|месяц)"  # «планы на ближайший год»
            r"|(?:в\s+)?(?:начале|конце|середине)\s+(?:(?:этого|прошлого|текущего|нынешнего|"
            r"следующего|минувшего)\s+(?:года|месяца|века)|(?:(?:этой|прошлой|минувшей|следующей)\s+)?"
            r"недели)"
            r"|в\s+(?:последние|ближайшие|разные|последующие|предстоящие)\s+"
            r"(?:годы|месяцы|дни|недели|десятилетия)"
            r"|в\s+(?:прошлом|этом|текущем|следующем|минувшем|позапрошлом)\s+(?:году|месяце|веке|сезоне)"
            r"|(?:до|к)\s+(?:конца|концу|началу|начала|середины|середине)\s+(?:(?:этого|текущего|"
            r"следующего|прошлого|нынешнего)\s+)?(?:года|месяца|сезона|недели|века|столетия)"
            r"|(?:весной|летом|осенью|зимой)\s+(?:прошлого|этого|текущего|нынешнего|следующего|"
            r"того\s+же)\s+года|(?:этим|прошлым|следующим)\s+(?:летом|весной)"
            r"|(?:этой|прошлой|следующей)\s+(?:весной|осенью|зимой)"
            r"|(?:(?:в|к|с|до)\s+)?(?:(?:перв|втор)\w+\s+половин\w+\s+)?(?-i:[IVXХ]+)(?:-?го)?\s+"
            r"(?:век|столети)\w*)(?![\w])",
            FLAGS,
        ),
    ),
    # «в минувшие выходные», «на прошлых выходных», «в выходные»: a weekend, with a
    # preposition or a word that says which (not «выходные данные»)
    (
        ("выходн",),
        40,
        20,
        re.compile(
            r"(?<![\w])(?:(?:в|на|все)\s+(?:(?:минувш|прошедш|прошл|ближайш|эт|нынешн|будущ|следующ|"
            r"предстоящ)\w+\s+)?|(?:минувш|прошедш|прошл|ближайш|нынешн|будущ|следующ|предстоящ)"
            r"\w+\s+)выходн(?:ые|ых)(?![\w])(?!\s+(?:данн|дн))",
            FLAGS,
        ),
    ),
    # «Весной артисту поставили диагноз», «завершит карьеру осенью»: a season alone (with a
    # year it is the rule above); «на пятницу», «к пятнице»: a weekday things are set for
    (
        _SEASON_WEEKDAY_KEYS,
        5,
        20,
        re.compile(
            r"(?<![\w])(?:весной|летом|осенью|зимой"
            r"|на\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
            r"|к\s+(?:понедельнику|вторнику|среде|четвергу|пятнице|субботе|воскресенью))(?![\w])",
            FLAGS,
        ),
    ),
    # "(on) the following day", "the next day", "a day later": the day after the one told
    # just before, like «на следующий день» (its value is the fact rules' to find)
    (
        ("following day", "next day", "day later"),
        20,
        4,
        re.compile(
            r"(?<![\w])(?:(?:on\s+)?the\s+(?:following|next)\s+day|a\s+day\s+later)(?![\w'’])",
            FLAGS,
        ),
    ),
]
# Words that are dates on their own and take no preposition into their span («в
# [декабрьском] заседании», «с [30-летним] стажем»): added after the left extension.
_WORD_RULES = [
    # «после июньской трагедии», «Октябрьской революции»: a month as an adjective
    # (capitalized, only before «революция»: «в Октябрьском» is a town, «Октябрьский
    # джамаат» a name)
    (
        _ADJECTIVE_KEYS,
        5,
        30,
        re.compile(
            rf"(?<![\w])(?-i:{'|'.join(_ADJECTIVE_KEYS)})\w*"
            rf"|(?<![\w])(?:{'|'.join(_ADJECTIVE_KEYS)})\w*(?=[\s\u00a0]+(?:[а-яё-]+[\s\u00a0]+)?революци)",
            FLAGS,
        ),
    ),
    # «семилетний срок», «40-летнюю карьеру», «трёхдневный траур»: a duration as an
    # adjective, before the nouns that take one («87-летний писатель» is an age)
    (
        ("летн", "дневн", "месячн", "недельн", "годичн"),
        25,
        60,
        re.compile(
            r"(?<![\w-])(?:(?:\d+-(?:ти|х)?|(?:одно|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|"
            r"девяти|десяти|одиннадцати|двенадцати|пятнадцати|двадцати|тридцати|сорока|"
            r"пятидесяти|ста))(?:летн|дневн|месячн|недельн)\w+|годичн\w+)"
            r"(?=\s+(?:(?:тюремн|военн)\w+\s+)?(?:срок|контракт|карьер|опыт|стаж|перерыв|траур|"
            r"заключени|служб|правлени|мораторий|моратори|запрет|период|отпуск|круиз|экспедици|"
            r"истори|войн|пребывани|деятельност|цикл|отсрочк|мандат|полномочи|отсутстви|"
            r"изгнани|эмиграци|наказани)\w*)",
            FLAGS,
        ),
    ),
    # seasons of a sport: «в сезонах 2002/03, 2004/05»
    (("/",), 6, 6, re.compile(rf"(?<![\w/])(?P<y>{_YEAR})/(?:{_YEAR}|\d{{2}}(?![\w/]))", FLAGS)),
    # a season of a sport as two years: «в сезоне 2017—2018», «сезона 1989-90»
    (
        ("сезон",),
        2,
        25,
        re.compile(
            r"(?:(?<=сезон[\s\u00a0])|(?<=сезона[\s\u00a0])|(?<=сезоне[\s\u00a0])|(?<=сезона-[\s\u00a0]))"
            rf"(?P<y>{_YEAR})[\s\u00a0]*[–—-][\s\u00a0]*(?:{_YEAR}|\d{{2}}(?![\w]))",
            FLAGS,
        ),
    ),
    # a year alone before a stop or a capital: «лауреат премии мира 1993.», «(1994, 1997)»,
    # «на Кубке конфедераций 2017, где»; after a preposition it is _BARE_YEAR_RE's
    (
        ("19", "20"),
        2,
        8,
        re.compile(
            r"(?<![\w\d.,/№:-])(?<![вс]\s)(?<!до\s)(?<!по\s)(?<!от\s)(?<!\d\s)"
            r"(?P<y>(?:19|20)\d\d)(?=\s*(?:[.;:)»\"!?]|,(?!\d)|\s+(?-i:[А-ЯЁA-Z])))(?!\.\d)",
            FLAGS,
        ),
    ),
    # the years of a list but the last: «в 2003, [2004] и 2005 годах», «[2013] и 2014 годов»
    (
        ("19", "20"),
        2,
        40,
        re.compile(
            r"(?<![\w\d.,/№:-])(?<![вс]\s)(?P<y>(?:19|20)\d\d)"
            r"(?=(?:\s*(?:,|и)\s*(?:19|20)\d\d)+\s+(?:год|гг))",
            FLAGS,
        ),
    ),
    # «COVID-19»: the year the disease is named after, part of a name (no value)
    (("covid-",), 1, 5, re.compile(r"(?<=COVID-)19(?![\w])", FLAGS)),
    # a year alone in brackets or glued to a name: «Ленинская премия (1970)», «(1993—2003)»,
    # «на ЧМ-2018»
    (
        ("(1", "(2", "-1", "-2"),
        2,
        20,
        re.compile(
            rf"(?<=\()(?P<y>{_YEAR})(?:\s*[–—-]\s*(?:{_YEAR}|\d{{2}}(?![\d])))?(?=\s*[),;])"
            rf"|(?<=[^\W\d]-)(?P<y2>{_YEAR})(?![\w-])",
            FLAGS,
        ),
    ),
]
# A year alone after a preposition: «в 1976», «с 2008 по 2010», «В 2008 участвовал», but
# not a quantity («в 2000 километрах», «до 1500 человек»)
_BARE_YEAR_RE = re.compile(
    r"(?<![\w])(?:в|с|со|до|к|по|от)[\s\u00a0](?P<y>(?:19|20)\d\d)(?:\s*[–—-]\s*(?:19|20)\d\d)?(?:-(?:го|м|й)(?![\w])|(?![\w.,\-–—]\d)"
    r"(?![\s\u00a0]*(?:%|(?:км|кило|метр|миль|фут|тонн|человек|люд|раз|рубл|руб|доллар|долл|"
    r"евро|тенге|сом|голос|экземпляр|штук|единиц|гектар|кв|млн|млрд|тыс|мест|страниц|"
    r"километр|градус))))",
    FLAGS,
)
_BARE_YEAR_RULE = ((" 1", " 2", "\u00a01", "\u00a02"), 5, 40, _BARE_YEAR_RE)

# Durations, which NEREL calls DATE too: «два года», «более 30 лет», «около года назад»,
# «на 6 месяцев», «до 15 лет», «от 8 до 20 лет» (also the term of a penalty: «к [восьми
# годам] лишения свободы»). They carry their own preposition, so the left extension of the
# dates above (which takes «к», NEREL leaves it out here) does not apply to them.
_DURATION_UNIT = (
    r"(?:лет|год(?:а|у|ом|ы|ов|ам|ами|ах)?|месяц(?:а|у|ем|ев|ы|ам|ами|ах)?|"
    r"недел(?:я|и|ю|ь|ей|ям|ями|ях)|д(?:ень|ня|ню|нём|нем|ней|ням|нями|нях|ни)|"
    r"сут(?:ки|ок|кам|ками|ках)|десятилети\w*|столети\w*|век(?:а|ов|у|ам)?)(?![\w])"
)
_QUANTITY = rf"(?:нескольк\w+|многи[ех]|считанн\w+|пар[ыу]|{NUMBER_RE})"
_DURATION_RE = re.compile(
    r"(?<![\w-])(?:(?:на|до|от\s+\S+\s+до|не\s+позднее|не\s+ранее)\s+)?"
    rf"(?:(?:{_ABOUT}\s+)?(?:(?:последн|ближайш|первы)\w+\s+)?"
    rf"(?:(?!{_A_YEAR})(?:\d+\s*[–—-]\s*)?{_QUANTITY}[\s\u00a0]+{_DURATION_UNIT}"
    rf"(?:[\s\u00a0]+(?:и[\s\u00a0]+)?{_QUANTITY}[\s\u00a0]+{_DURATION_UNIT})?"
    r"|пол(?:года|угода|века)(?![\w]))"
    rf"|{_ABOUT}\s+(?:года|месяца|недели|суток|дня|десятилетия|века)(?![\w])"
    r"|(?:долги|последни|ближайши|первы)\w\s+(?:годы|дни|месяцы|недели|сутки|десятилетия)(?![\w])"
    r"|(?:год|месяц|неделю)(?=\s+(?:назад|спустя))"
    r"|почти\s+(?:целую\s+|целый\s+)?(?:неделю|год|месяц|сутки)(?![\w])"  # «почти неделю»
    # «перенёс рассмотрение на год», «растянется на годы» (not «на год старше»)
    r"|(?<=на\s)(?:годы?|месяц|неделю|сутки)(?![\w])(?![\s\u00a0]+(?:старше|моложе|младше|"
    r"раньше|позже|позднее|больше|меньше|дольше|вперед|вперёд)))"
    r"(?:[ \u00a0]+(?:тому[ \u00a0]+)?назад|[ \u00a0]+(?-i:спустя|ранее|позже|позднее)(?![\w]))?",
    FLAGS,
)
# Ages, not durations: «в возрасте 87 лет», «ему исполнилось 50 лет», «старше 18 лет»,
# «в 15 лет он уехал», «Маттиас (43 года)», «Принцу Филиппу 97 лет.», «девочка 8 лет»
_AGE_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?:возрасте|исполнил(?:ся|ась|ось|ись)|исполнит(?:ся|ься)|исполняется|был[оа]?|"
    r"будет|сейчас|ему|ей|им|которому|которой|которым|младше|старше|моложе)"
    r"(?:\s+(?:бы|уже|лишь|всего|только))?\s+|\(\s*)"
    r"(?:\d+\s*(?:,|и)\s*)*$",  # «Им было 30, 20 и 19 лет»
    FLAGS,
)
# «до 18 лет», «от 13 до 16 лет» are ages unless a penalty is around («грозит до 10 лет
# лишения свободы») or the bound is too young for an age limit («сокращён до одного года»)
_BOUND_RE = re.compile(r"(?:до|от)\s", FLAGS)
_YOUNGEST_AGE_LIMIT = 12
_PENALTY_AFTER_RE = re.compile(
    r"\s+(?:лишени|тюрьм|тюремн|заключени|колони|ограничени|ареста|исправительн|принудительн|"
    r"обязательн|с\s+отбыванием)",
    FLAGS,
)
_PENALTY_BEFORE_RE = re.compile(
    r"(?<![\w])(?:грози\w*|светит|срок\w*|наказани\w*|кара\w+|составит|составляет|на)\s+$",
    FLAGS,
)
_AGE_AFTER_RE = re.compile(r"\s+(?:от\s+роду|жизни)(?![\w])", FLAGS)
# A bare «N лет» after «в», «с» («в 15 лет он уехал»), or after a name or a child and before
# a stop («Келли 52 года.»)
_AGE_BARE_BEFORE_RE = re.compile(r"(?<![\w-])(?:в|с)[\s\u00a0]+$", FLAGS)
_AGE_NAME_BEFORE_RE = re.compile(
    r"(?:(?:(?-i:[А-ЯЁ])\w+|девочк\w*|мальчик\w*|ребён\w*|ребен\w*),?|\)\s*,|[—–]|(?<!\d),)"
    r"[\s\u00a0]+$",  # also «Мишель Бачелет — 54 года, врач», «(S. Subramaniam), 35 лет,»
    FLAGS,
)
_NOT_BARE_RE = re.compile(
    r"(?:на|до|от|чуть|не\s|немногим|более|менее|больше|меньше|свыше|около|почти|примерно|порядка|последн|"
    r"ближайш|первы|долги)",
    FLAGS,
)
# «в свои 29 лет», «каждому по 21 году», «им 47 и 46 лет» (in digits): ages unless a penalty
# follows («по 5 лет лишения свободы») or comes before («осуждены на 20 и 10 лет», «получили
# по 5 лет»)
_AGE_EACH_RE = re.compile(
    r"(?:(?<![\w])в\s+свои|(?<![\w])по|(?<![\w.,])(?<!на\s)(?<!к\s)(?<!до\s)(?<!от\s)\d+\s+и)"
    r"[\s\u00a0]+$",
    FLAGS,
)
_SENTENCED_RE = re.compile(r"(?<![\w])(?:приговор|осужд|получ|назнач|дал[иа]?\s|дадут)", FLAGS)
_SINCE_RE = re.compile(r"(?:назад|спустя|ранее|позже|позднее)$", FLAGS)
_AGE_NAME_AFTER_RE = re.compile(r"[\s\u00a0]*[.,;()]")
# an age told after a name or a dash is a number of years: «Келли 52 года.»
_AGE_IN_YEARS_RE = re.compile(rf"(?!нескольк){NUMBER_RE}[\s\u00a0]+(?:лет|года?)", FLAGS)
# a difference of ages: «младше его на год», «на несколько месяцев старше»
_COMPARED_AFTER_RE = re.compile(r"[\s\u00a0]+(?:старше|моложе|младше)(?![\w])", FLAGS)
_COMPARED_RE = re.compile(
    r"(?<![\w])(?:старше|моложе|младше)(?:[\s\u00a0]+\w+)?[\s\u00a0]+$", FLAGS
)


def _is_age(text: str, start: int, end: int) -> bool:
    """Is the duration at ``start:end`` someone's age (NEREL's AGE, not a DATE)? A time ago
    («50 лет назад») never is; a bound («до 18 лет») is an age limit unless a penalty is
    near; a bare number of years is one after «было», «в», a name or a dash; a difference of
    ages is one too («младше его на год», «на несколько месяцев старше»)."""
    before = text[max(0, start - 30) : start]
    if _SINCE_RE.search(text, start, end):
        return False
    if _COMPARED_RE.search(before) or _COMPARED_AFTER_RE.match(text, end):
        return True
    if _BOUND_RE.match(text, start):
        words = text[start:end].split()
        bound = parse_number(words[-2]) if len(words) > 2 else None
        penalty = _PENALTY_AFTER_RE.match(text, end) or _PENALTY_BEFORE_RE.search(before)
        return bool(bound and bound >= _YOUNGEST_AGE_LIMIT and not penalty)
    if _AGE_BEFORE_RE.search(before) or _AGE_AFTER_RE.match(text, end):
        return True
    each = text[start : start + 1].isdigit() and _AGE_EACH_RE.search(before)
    if each and not (_PENALTY_AFTER_RE.match(text, end) or _SENTENCED_RE.search(before)):
        return True
    if _NOT_BARE_RE.match(text, start):
        return False
    if _AGE_BARE_BEFORE_RE.search(before):
        return True
    if not _AGE_IN_YEARS_RE.fullmatch(text, start, end):
        return False  # «— 878 дней.», «по всей вероятности, несколько месяцев,»
    return bool(_AGE_NAME_BEFORE_RE.search(before) and _AGE_NAME_AFTER_RE.match(text, end))


def _durations(text: str, low: str) -> list[DateMatch]:
    """Durations (see _DURATION_RE) that are not ages, without a value."""
    found = []
    for lo, hi in _windows(low, _DURATION_KEYS, 70, 20):
        for match in _DURATION_RE.finditer(text, lo, hi):
            start, end = match.span()
            if not _is_age(text, start, end):
                found.append(DateMatch(start, end, text[start:end], None))
    return found


# NEREL leaves out «начиная», «вплоть», «после» and «в ночь» («начиная [с 2013 года]», «в ночь
# [на 31 июля 2016 года]») and takes a weekday or «вчера» said with the date («в среду — 10
# июля 2013 года», «Вчера, 7 мая 2013 года»), but only before a day of the month.
_LEFT_RE = re.compile(
    r"(?<![\w])"
    r"(?P<weekday>(?:(?:в|во|на)\s+(?:(?:минувш|прошл|эт|следующ|ближайш)\w+\s+)?"
    r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|вчера|сегодня|завтра)"
    r"\s*(?:,|[–—-])?\s*)?"
    r"(?:(?:в|во|[сc]|со|до|на|по|через|от|за|к|ко|около|накануне|"  # a Latin «c» too
    r"не\s+позднее|не\s+ранее|примерно\s+в)\s+)?"
    r"(?:(?:начале|конце|середине|течение|первой\s+половине|второй\s+половине|"
    r"начала|конца|середины)\s+)?$",
    FLAGS,
)
# «с 5 по 21 августа», «со 2-го на 3-е ноября»: the first day of a range that names its month
# once
_FIRST_DAY_RE = re.compile(
    r"(?<![\w])(?:[сc]|со)[\s\u00a0]+\d{1,2}(?:-?(?:го|е))?[\s\u00a0]+(?:по|на|до)[\s\u00a0]+$",
    FLAGS,
)
# «в» before a day of the month («в 14 октября»), which is no Russian: NEREL leaves it out
_IN_BEFORE_DAY_RE = re.compile(r"во?[\s\u00a0]+", FLAGS)
_DAY_MONTH_RE = re.compile(rf"\d{{1,2}}[\s\u00a0]+{_MONTH_RU_RE}(?![\w])", FLAGS)
# «за день до этого», «более чем за месяц до того»
_BEFORE_THAT_RE = re.compile(r"[\s\u00a0]+до[\s\u00a0]+(?:этого|того)(?![\w])", FLAGS)
# «в конце 1980-х — начале 1990-х годов», «в конце октября — начале ноября»: one phrase; a
# bare dash between two dates does not join them (NEREL spans «1 июня 2013 года — 27 июля 2017
# года» as two dates more often than as one)
_DASH_RANGE_RE = re.compile(
    r"[\s\u00a0]+[–—-][\s\u00a0]+(?:начал[еао]|конц[еау]|середин[еыу])[\s\u00a0]+", FLAGS
)
_RANGE_GLUE_RE = re.compile(r"[\s\u00a0]*(?:[–—-]|по|до|и)[\s\u00a0]*$", FLAGS)
_RANGE_OPEN_RE = re.compile(r"(?<![\w])(?:с|со|от|между)[\s\u00a0]+$", FLAGS)


def find_date_mentions(text: str, reference: date | None = None) -> list[DateMatch]:
    """Date mentions of ``text`` (see above): sorted, non-overlapping; ``value`` is None
    where the text alone does not give one."""
    reference = _calendar_inner(reference)
    low = lowered(text)
    candidates: list[DateMatch] = list(find_dates(text, reference))

    def add(start: int, end: int, value: str | None) -> None:
        candidates.append(DateMatch(start, end, text[start:end], value))

    if reference is None:  # what find_dates skipped for want of a reference
        for digits in _DIGITS_RE.finditer(text):
            match = _RULE["day_month"].match(text, digits.start())
            if match and _absolute("day_month", match, _ANY_YEAR):  # not «31 июня»
                add(*match.span(), None)
        for lo, hi in key_windows(low, _RELATIVE_KEYS, 40, 12):
            for match in _RELATIVE_RE.finditer(text, lo, hi):
                if not _english_among_cyrillic(text, match):
                    add(*match.span(match.lastgroup), None)
    for match in _rule_matches(text, low, _MENTION_RULES):
        groups = match.groupdict()
        value = groups.get("y")
        if groups.get("m"):
            if not _LEFT_RE.search(text, max(0, match.start() - 40), match.start()).group():
                continue  # a month alone only after a preposition («в мае»)
            value = _month_of_reference_year(match, reference)
        add(*match.span(), value)
    for match in _rule_matches(text, low, [_BARE_YEAR_RULE]):
        add(match.start("y"), match.end(), match.group("y"))
    chosen = non_overlapping((d.start - d.end, d.start, d.end, d) for d in candidates)
    extended = [_extended(text, d, reference) for d in _ranges(text, chosen)]
    extended += _durations(text, low)
    for match in _rule_matches(text, low, _WORD_RULES):
        groups = match.groupdict()
        value = groups.get("y") or groups.get("y2")
        extended.append(DateMatch(*match.span(), match.group(), value))
    chosen = _joined(text, non_overlapping((d.start - d.end, d.start, d.end, d) for d in extended))
    values = [d for d in candidates if d.value]
    return [_with_value_inside(d, values) for d in chosen]


def _month_of_reference_year(match: re.Match, reference: date | None) -> str | None:
    """«в июле» in a text dated 10 September 2025: July 2025, the last July up to the text's
    date (a month told alone is most often one just past), kept partial («2025-07»). None
    without a date for the text, or for a range of months («в апреле-мае»)."""
    month = _month(match.group("m"))
    if reference is None or month is None or match.end() - match.end("m") > 0:
        return None
    year = reference.year if month <= reference.month else reference.year - 1
    return f"{year:04d}-{month:02d}"


# «бюджет следующего года» is a date by itself; after another mention it says which year
# that one is in: «[за 5 месяцев] этого года», «[с лета] прошлого года».
_YEAR_OF_RE = re.compile(
    r"(?:прошлого|этого|текущего|следующего|нынешнего|минувшего|позапрошлого)\s+года", FLAGS
)


def _joined(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    joined: list[DateMatch] = []
    for d in dates:
        before = joined[-1] if joined else None
        if (
            before is not None
            and text[before.end : d.start] == " "
            and _YEAR_OF_RE.fullmatch(d.text)
        ):
            value = before.value or d.value
            joined[-1] = DateMatch(before.start, d.end, text[before.start : d.end], value)
            continue
        joined.append(d)
    return joined


def _with_value_inside(d: DateMatch, values: list[DateMatch]) -> DateMatch:
    """A phrase without a value takes the one value found inside it: «в прошлом году» (a
    fixed phrase) holds «прошлом году», which the reference date resolves."""
    if d.value is not None:
        return d
    inside = {v.value for v in values if d.start <= v.start and v.end <= d.end}
    return DateMatch(d.start, d.end, d.text, inside.pop()) if len(inside) == 1 else d


def _rule_matches(text: str, low: str, rules) -> list[re.Match]:
    """Matches of ``(keys, before, after, pattern)`` rules, each run only around its keys."""
    found = []
    for keys, before, after, pattern in rules:
        for lo, hi in _windows(low, keys, before, after):
            found.extend(pattern.finditer(text, lo, hi))
    return found


def _ranges(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """«с 1975 по 1977», «с 1 марта 2011 по декабрь 2015»: one mention."""
    merged: list[DateMatch] = []
    for d in dates:
        if merged:
            last = merged[-1]
            gap = text[last.end : d.start]
            if (
                len(gap) <= 6
                and _RANGE_GLUE_RE.match(gap + "")
                and re.fullmatch(r"[\s\u00a0]*(?:[–—-]|по|до)[\s\u00a0]*", gap, FLAGS)
                and _RANGE_OPEN_RE.search(text, max(0, last.start - 10), last.start)
            ):
                merged[-1] = DateMatch(last.start, d.end, text[last.start : d.end], last.value)
                continue
            if _DASH_RANGE_RE.fullmatch(gap):
                merged[-1] = DateMatch(last.start, d.end, text[last.start : d.end], last.value)
                continue
        merged.append(d)
    return merged


# «в октябре прошлого года», «1 октября нынешнего года», «26 октября с.г.»: the year in words
_YEAR_IN_WORDS_RE = re.compile(
    r"[\s\u00a0]+(?:(?P<rel>прошлого|минувшего|позапрошлого|этого|нынешнего|текущего|"
    r"следующего|будущего)[\s\u00a0]+года|того[\s\u00a0]+же[\s\u00a0]+года|с\.[\s\u00a0]?г)(?![\w])",
    FLAGS,
)
_YEAR_OFFSETS = {"позапрошлого": -2, "прошлого": -1, "минувшего": -1, "следующего": 1}
_YEAR_OFFSETS["будущего"] = 1


def _with_year_in_words(text: str, d: DateMatch, reference: date | None) -> DateMatch:
    words = re.split(r"[\s\u00a0–—-]+", d.text.lower().replace("ё", "е"))
    last = MONTHS.get(words[-1]) if not words[-1].isascii() else None
    year = _YEAR_IN_WORDS_RE.match(text, d.end) if last else None
    if not year:
        return d
    month = next(MONTHS[w] for w in words if w in MONTHS)  # «в ноябре-декабре»: the first
    value = d.value
    if reference is not None and not year.group().strip().startswith("того"):
        number = reference.year + _YEAR_OFFSETS.get((year.group("rel") or "").lower(), 0)
        day = words[0] if len(words) == 2 and words[0].isdigit() else None
        value = f"{number:04d}-{month:02d}"
        if day and _valid(number, month, int(day)):
            value += f"-{int(day):02d}"
    end = year.end()
    return DateMatch(d.start, end, text[d.start : end], value)


def _extended(text: str, d: DateMatch, reference: date | None = None) -> DateMatch:
    d = _with_year_in_words(text, d, reference)
    start, end = d.start, d.end
    if d.text[:1].isdigit():
        first_day = _FIRST_DAY_RE.search(text, max(0, start - 20), start)
        if first_day:
            start = first_day.start()
    if re.match(r"(?:[^\W\d]+\s+)*за\s", d.text, FLAGS):
        before_that = _BEFORE_THAT_RE.match(text, end)
        end = before_that.end() if before_that else end
    left = _LEFT_RE.search(text, max(0, start - 60), start)
    if left and _IN_BEFORE_DAY_RE.fullmatch(left.group()) and _DAY_MONTH_RE.match(d.text):
        left = None  # «в 5 августа 1984 года»: a slip NEREL leaves out
    if left and left.group():
        day_first = d.text[:1].isdigit()
        start = left.start() if day_first or not left.group("weekday") else left.end("weekday")
    if text[end - 1 : end] == "." and re.search(r"(?<![а-яё])гг?\.$", text[max(0, end - 4) : end]):
        end -= 1  # «в 2013 г.»: the full stop may end the sentence too
    if (start, end) == (d.start, d.end):
        return d
    return DateMatch(start, end, text[start:end], d.value)
