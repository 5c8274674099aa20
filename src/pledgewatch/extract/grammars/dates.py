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

from pledgewatch.extract.grammars.numbers import (
    FLAGS,
    NUMBER_RE,
    key_windows,
    lowered,
    non_overlapping,
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
_YEAR = r"(?:19|20)\d{2}(?![\d])"
_YEAR_WORD = r"(?:[\s\u00a0]*(?:(?:года|году|год)(?![\w])|г\.|г(?![\w])))"
_SP = r"[\s\u00a0]+"

# Rules that start with a digit run are tried where one starts; rules that start with a month
# name, where a month name is (see find_dates): scanning for anchors is cheaper than trying
# every pattern at every position.
_RULES: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")),
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
            r"[\s\u00a0]*(?:(?:года|году|год|годом|годах|годов|годы)(?![\w])|г\.|г(?![\w]))",
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
                if value:
                    start, end = match.span(match.lastgroup)
                    candidates.append(DateMatch(start, end, text[start:end], value))
    return non_overlapping((d.start - d.end, d.start, d.end, d) for d in candidates)


def _month(name: str) -> int | None:
    key = name.lower().replace("ё", "е").rstrip(".")
    return MONTHS.get(key) or _ABBREVIATIONS.get(key)


def _absolute(kind: str, match: re.Match, reference: date | None) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    if kind == "year":
        return f"{year:04d}"
    if kind == "month_adjective":
        month = _month(_ADJECTIVE_MONTHS[groups["madj"].lower()])
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


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _relative(match: re.Match, reference: date) -> str | None:
    group = match.lastgroup
    phrase = " ".join(match.group(group).lower().split())
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
# («10 апреля», «в мае», «в четверг», «сегодня»): their ``value`` is None. ``find_dates``
# (above) stays the grammar for values; facts take their dates from mentions with a value.

_MONTH_RU_RE = word_alternation(k for k in MONTHS if not k.isascii())
_MENTION_RULES = [
    # «в мае», «с января», «в начале декабря»: a month alone after a preposition
    re.compile(
        rf"(?<=[\s\u00a0])(?P<m>{_MONTH_RU_RE})(?![\w])"
        r"(?=(?:\s+(?:и|или)\s+\w+)?\s*[^\s\w]|\s+(?!\d))",
        FLAGS,
    ),
    # «весной 2012 года», «летом»
    re.compile(
        rf"(?<![\w])(?:весной|летом|осенью|зимой|весну|лето|осень|зиму)(?:{_SP}(?P<y>{_YEAR}){_YEAR_WORD}?)",
        FLAGS,
    ),
    # «1980-е», «1990-х годах»
    re.compile(
        rf"(?<![\d])(?P<y>(?:19|20)\d0)-?(?:е|х|ые|ых)(?![\w])(?:{_SP}(?:год(?:ы|ах|ов|ами)?)(?![\w]))?",
        FLAGS,
    ),
    # «в течение двух лет», «за последние 200 лет», «через несколько дней», «три года назад»
    re.compile(
        r"(?<![\w])(?:(?:в\s+течение|за|через|спустя|на\s+протяжении)\s+"
        r"(?:(?:последн|ближайш|следующ|прошедш)\w+\s+)?"
        rf"(?:(?:{NUMBER_RE}|нескольк\w+|пар[ыу]|двух|трех|трёх)\s+)?"
        r"(?:лет|год(?:а|у|ом|ы|ов)?|месяц\w*|недел[июь]\w*|дн(?:я|ей|и)|день|сут\w+|десятилети\w+|"
        r"век(?:а|ов)?)"
        rf"|(?:{NUMBER_RE}|нескольк\w+|пар[ыу])\s+(?:лет|год(?:а)?|месяц\w*|недел\w+|дн(?:я|ей)|день)"
        r"\s+(?:назад|тому\s+назад))(?![\w])",
        FLAGS,
    ),
    # fixed phrases
    re.compile(
        r"(?<![\w])(?:(?:на|в)\s+(?:этой|прошлой|следующей|будущей|текущей)\s+неделе"
        r"|на\s+следующий\s+день|в\s+тот\s+же\s+день|в\s+этот\s+день|в\s+настоящее\s+время"
        r"|накануне(?=\s*[,.]|\s+(?:вечером|утром|днём|днем|в|на|он|она|они))"
        r"|в\s+последние\s+(?:годы|месяцы|дни|недели|десятилетия)"
        r"|в\s+(?:прошлом|этом|текущем|следующем|минувшем|позапрошлом)\s+(?:году|месяце|веке)"
        r"|в\s+(?:XX|XXI|XIX|XVIII)\s+век[еа])(?![\w])",
        FLAGS,
    ),
]
# A year alone after a preposition: «в 1976», «с 2008 по 2010»
_BARE_YEAR_RE = re.compile(
    rf"(?<![\w])(?:в|с|со|до|к|по|от)[\s\u00a0](?P<y>{_YEAR})(?![\w.,\-–—]\d)"
    r"(?![\s\u00a0]*(?!(?:по|до|и|или|[–—-])[\s\u00a0])[а-яёa-z%])",
    FLAGS,
)
_RELATIVE_ANY_RE = _RELATIVE_RE
_LEFT_RE = re.compile(
    r"(?<![\w])"
    r"(?:(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\s*,\s*)?"
    r"(?:(?:в|во|с|со|до|на|по|через|от|за|к|ко|около|после|накануне|начиная\s+с|вплоть\s+до|"
    r"не\s+позднее|не\s+ранее|примерно\s+в)\s+)?"
    r"(?:(?:начале|конце|середине|течение|первой\s+половине|второй\s+половине|"
    r"начала|конца|середины|ночь\s+на|ночь\s+с)\s+)?$",
    FLAGS,
)
_RANGE_GLUE_RE = re.compile(r"[\s\u00a0]*(?:[–—-]|по|до|и)[\s\u00a0]*$", FLAGS)
_RANGE_OPEN_RE = re.compile(r"(?<![\w])(?:с|со|от|между)[\s\u00a0]+$", FLAGS)


def find_date_mentions(text: str, reference: date | None = None) -> list[DateMatch]:
    """Date mentions of ``text`` (see above): sorted, non-overlapping; ``value`` is None
    where the text alone does not give one."""
    low = lowered(text)
    candidates: list[DateMatch] = list(find_dates(text, reference))

    def add(start: int, end: int, value: str | None) -> None:
        candidates.append(DateMatch(start, end, text[start:end], value))

    if reference is None:  # what find_dates skipped for want of a reference
        for digits in _DIGITS_RE.finditer(text):
            for kind in ("day_month",):
                match = _RULE[kind].match(text, digits.start())
                if match:
                    add(*match.span(), None)
        for lo, hi in key_windows(low, _RELATIVE_KEYS, 40, 12):
            for match in _RELATIVE_RE.finditer(text, lo, hi):
                add(*match.span(match.lastgroup), None)
    for rule in _MENTION_RULES:
        for match in rule.finditer(text):
            groups = match.groupdict()
            value = groups.get("y")
            if groups.get("m"):
                if not _LEFT_RE.search(text, max(0, match.start() - 40), match.start()).group():
                    continue  # a month alone only after a preposition («в мае»)
                value = None
            add(*match.span(), value)
    for match in _BARE_YEAR_RE.finditer(text):
        add(*match.span("y"), match.group("y"))
    chosen = non_overlapping((d.start - d.end, d.start, d.end, d) for d in candidates)
    extended = [_extended(text, d) for d in _ranges(text, chosen)]
    return non_overlapping((d.start - d.end, d.start, d.end, d) for d in extended)


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
        merged.append(d)
    return merged


def _extended(text: str, d: DateMatch) -> DateMatch:
    start, end = d.start, d.end
    left = _LEFT_RE.search(text, max(0, start - 60), start)
    if left and left.group():
        start = left.start()
    if text[end - 1 : end] == "." and re.search(r"(?<![а-яё])гг?\.$", text[max(0, end - 4) : end]):
        end -= 1  # «в 2013 г.»: the full stop may end the sentence too
    if (start, end) == (d.start, d.end):
        return d
    return DateMatch(start, end, text[start:end], d.value)
