"""Penalties: prison terms, restricted freedom, suspended sentences, arrests, fines, bans.

A penalty is found around a *term* ("семь лет", "к 3 годам и 6 месяцам", "15-day"):
the words right after it say which penalty it is ("лишения свободы", "ограничения свободы",
"ареста", "условно", "in prison"), or, failing that, the words right before it do
("лишение свободы сроком на", "условный срок в", "запрет заниматься … на", "арестован на").
A term with neither but after a sentencing word ("к семи годам", "запросил 9 лет",
"sentenced to seven years") is imprisonment with ``explicit=False`` (administrative arrest
when it is counted in days). Fines are found around a currency ("штраф 50 МРП"), and a few
penalties stand without a term ("условно", "пожизненное лишение свободы", "штраф", the death
penalty: «к смертной казни», «к расстрелу», "sentenced to death"); "к году тюрьмы" is a year
said without its number.

Preventive measures ("под стражей", "под арестом", "подписка о невыезде") are not penalties:
:func:`find_measures` finds them for the fact builder, which records custody on a detention
and a travel ban as a restriction, never as a sentence.

Spans leave out the sentencing word and the preposition ("к семи годам лишения свободы" →
"семи годам лишения свободы") and start at the penalty word when it comes first
("условный срок в 2 года"), or at the «до» of a maximum ("до 7 лет лишения свободы", as
NEREL spans it); a bare term whose verb is all that makes it a penalty keeps the verb
("получил семь лет", "к 11 годам был приговорён"). Whether a match is a sentence, a prosecutor's request or a statutory maximum
(``upper_bound``: "до 7 лет", "штраф от 3 до 5 тысяч рублей") is for the fact builder to
decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgewatch.extract.grammars.numbers import (
    FLAGS,
    NUMBER_RE,
    NUMBER_WORDS,
    key_windows,
    lowered,
    non_overlapping,
    parse_number,
    word_alternation,
)


@dataclass
class PenaltyMatch:
    start: int
    end: int
    text: str
    penalty: str  # one of vocab.PENALTIES
    term_months: float | None = None  # 15 days = 0.5
    amount: float | None = None  # fines
    currency: str | None = None  # ISO 4217, or "MCI" (monthly calculation index, МРП)
    per_person: bool = False  # "каждого — к восьми годам", "each"
    explicit: bool = True  # False: the penalty word is missing and imprisonment is assumed
    upper_bound: bool = False  # "до 7 лет", "up to seven years": a maximum, not a term
    life: bool = False  # «пожизненное лишение свободы», "life imprisonment": no term to give
    parole: bool | None = None  # False: «без права условно-досрочного освобождения»


# --- terms --------------------------------------------------------------------------------

_UNITS = {
    "year": r"год(?:а|у|ом|ам|ами|ах)?|лет|years?",
    "month": r"месяц(?:а|у|ем|ев|ам|ами|ах)?|мес\.|months?",
    "week": r"недел(?:я|и|ю|ей|ь|ям|ями)|weeks?",
    "day": r"сут(?:ки|ок|кам|ками|ках)|д(?:ень|ня|ню|нём|нем|ней|ням|нями)|days?",
}
_MONTHS_PER_UNIT = {"year": 12.0, "month": 1.0, "week": 7 / 30, "day": 1 / 30}
_UNIT_RE = r"(?:" + "|".join(_UNITS.values()) + r")(?![\w])(?!-old)(?:['’]s?)?"
_UNIT_KIND_RE = {kind: re.compile(rf"(?:{body})(?![\w])", FLAGS) for kind, body in _UNITS.items()}

_HALF = r"(?:\s+с\s+половиной|[\s-]+and[\s-]+a[\s-]+half)"
_A = r"(?<![\w])an?(?=[\s-]+(?:year|month|week|day))"
_HALF_YEAR = r"(?<![\w])(?:пол(?:года|угода|угоду|годом)|half[\s-]a[\s-]year|half-year)(?![\w])"
# «35-ти лет», «2-х лет»: digits with the ending of the number word
_ENDING = r"(?:(?<=\d)-(?:ти|х|ми|м|и)(?![\w-]))?"
_PART = rf"(?:{_HALF_YEAR}|(?:{NUMBER_RE}|{_A}){_ENDING}(?:[\s\u00a0]+|-){_UNIT_RE}{_HALF}?)"
# «4-5 лет»: a range, counted by its upper bound
_RANGE = rf"(?P<range>(?:{NUMBER_RE}){_ENDING}\s*[-–]\s*(?=\d))?"
_TERM_RE = re.compile(
    rf"{_RANGE}{_PART}(?:(?:\s*,\s*|[\s\u00a0]+(?:и|and)[\s\u00a0]+|[\s\u00a0]+){_PART}){{0,2}}",
    FLAGS,
)
_PART_RE = re.compile(
    rf"(?P<half_year>{_HALF_YEAR})|(?P<num>{NUMBER_RE}|{_A}){_ENDING}(?:[\s\u00a0]+|-)(?P<unit>{_UNIT_RE})(?P<half>{_HALF})?",
    FLAGS,
)

# Unit words in lower case, for finding terms quickly (see _terms).
_UNIT_ANCHOR_RE = re.compile(
    word_alternation(
        ["год", "лет", "месяц", "мес.", "сут", "недел", "year", "month", "week", "day"]
        + ["день", "дня", "дню", "днём", "днем", "дней", "дням", "днями", "полгод", "полугод"]
    )
)
_NUMBER_TAILS = {"a", "an", "half", "половиной"}  # "a year", "seven and a half years"
_NUMBER_REACH = 60  # «двухсот пятидесяти тысяч», "seven-and-a-half"

# Limits that keep dates ("к 2025 году") and ages out of terms.
_MAX_MONTHS = 50 * 12


def parse_term(text: str) -> tuple[float, bool] | None:
    """(months, counted in days only) or None when the term is not plausible."""
    months = 0.0
    days_only = True
    for part in _PART_RE.finditer(text):
        if part.group("half_year"):
            months += 6
            days_only = False
            continue
        value = parse_number(part.group("num"))
        if value is None:
            return None
        if part.group("half"):
            value += 0.5
        kind = next(k for k, r in _UNIT_KIND_RE.items() if r.match(part.group("unit")))
        if kind == "year" and value > 50:
            return None
        days_only = days_only and kind == "day"
        months += value * _MONTHS_PER_UNIT[kind]
    if months <= 0 or months > _MAX_MONTHS:
        return None
    return round(months, 3), days_only


# --- the words after a term ---------------------------------------------------------------

_COLONY = (
    r"(?:исправительн\w+\s+|трудов\w+\s+)?колони(?:и|ю|я|ей)(?:-поселени[ия])?"
    r"(?:\s+(?:общего|строгого|особого|усиленного|максимальной|средней|минимальной|полной)"
    r"\s+(?:режима|безопасности))?"
)
_RIGHT_RE = re.compile(
    r"(?:\s*,?\s*(?:каждому|каждого|каждый|каждая|each))?"
    r"(?:\s+|-)(?:of\s+)?(?:"
    r"(?P<susp_pre>условн(?:ого|ому|ым)\s+(?:срока|лишения\s+свободы|заключения|наказания|осуждения)"
    r"|suspended(?:\s+(?:prison|jail))?(?:\s+(?:sentence|term))?(?![\w]))"
    r"|(?P<imp>(?:реального\s+|тюремного\s+)?(?:лишения\s+свободы|заключения|срока\s+заключения)"
    rf"|(?:(?:в|с\s+отбыванием(?:\s+наказания)?\s+в)\s+)?{_COLONY}"
    r"|(?:в\s+)?тюрьм(?:е|ы)"
    r"|imprisonment|incarceration|behind\s+bars"
    r"|in\s+(?:a\s+|the\s+)?(?:prison|jail|custody|(?:[\w-]+\s+){0,2}(?:penal\s+)?colony)"
    r"|(?:prison|jail)(?:\s+(?:term|sentence))?)"
    r"|(?P<rf>ограничения\s+свободы(?:\s+по\s+месту\s+(?:регистрации|жительства))?"
    r"|restrict(?:ed|ion\s+of)\s+(?:freedom|liberty)"
    r"|freedom\s+restriction|limitation\s+of\s+freedom)"
    r"|(?P<aa>(?:административного\s+)?ареста|(?:in\s+)?administrative\s+(?:arrest|detention))"
    r"|(?P<other>(?:исправительных|принудительных|обязательных|общественных)\s+работ"
    r"|(?:corrective|forced|compulsory|community)\s+(?:labou?r|work|service))"
    r"|(?P<ban>запрет(?:а|у|ом|е)?(?:\s+на\s+[^.;!?,]{0,40}?деятельност\w+|\s+заниматься\s+[^.;!?,]{0,40}?деятельност\w+)?"
    r"|лишения\s+права\s+[^.;!?,]{0,50}?деятельност\w+"
    # the term told first: «на три года ей запрещено заниматься общественной деятельностью»
    r"|(?:(?:ему|ей|им)\s+)?запрещ(?:ено|ен|ена|ены)\s+заниматься"
    r"(?:\s+[^\W\d]+(?:ой|ей))?\s+[^\W\d]+(?:ью|ой|ей|ом|ем)(?![\w-])"
    r"|ban(?:\s+on\s+[^.;!?,]{0,40}?(?:activit(?:y|ies)|journalism|profession))?(?![\w]))"
    r"|(?P<susp>условно(?![\w-])(?!\s+говоря)|on\s+probation)"
    r"|(?P<generic>(?:sentence|term)(?![\w]))"
    r")"
    rf"(?P<colony>\s*,?\s+с\s+отбыванием(?:\s+наказания)?\s+в\s+{_COLONY})?"
    r"(?P<trail_susp>\s*,?\s+(?:условно(?![\w-])(?!\s+говоря)|suspended(?![\w])))?"
    # what the court adds to the penalty: «с испытательным сроком 1 год», «с конфискацией
    # имущества»
    rf"(?:\s*,?\s+с\s+испытательным\s+сроком(?:\s+(?:в|на))?\s+{_PART})?"
    r"(?:\s*,?\s+с\s+конфискацией(?:\s+имущества)?)?",
    FLAGS,
)
_RIGHT_KINDS = {
    "susp_pre": "suspended_sentence",
    "imp": "imprisonment",
    "rf": "restricted_freedom",
    "aa": "administrative_arrest",
    "other": "other",
    "ban": "ban",
    "susp": "suspended_sentence",
    "generic": "imprisonment",
}
_EACH_AFTER_RE = re.compile(r"\s*,?\s*(?:каждому|каждого|каждый|каждая|each)(?![\w])", FLAGS)
_NOT_A_PENALTY_AFTER_RE = re.compile(
    r"\s+(?:назад|тому|спустя|подряд|ago|later|earlier|old|of\s+age|от\s+роду|стажа|опыта|"
    r"в\s+возрасте)(?![\w])",
    FLAGS,
)
# an age limit: «мужчинам в возрасте до 50 лет», «лицам до восемнадцати лет», «не моложе 25 лет»
_AGE_BEFORE_RE = re.compile(
    r"(?<![\w])(?:возрасте|младше|старше|моложе|лицам|детям|несовершеннолетн\w*)"
    r"(?:\s+(?:до|от))?\s+$",
    FLAGS,
)

# a rate of conversion, no penalty: «день в СИЗО приравнивается к 1,5 дням в колонии»,
# «пожизненное заключение, эквивалентное 25 годам»
_EQUIVALENT_BEFORE_RE = re.compile(
    r"(?<![\w])(?:приравн\w+|эквивалентн\w+|равн(?:ый|ое|ая|ым|ому|ой)|соответствующ\w+)\s+(?:к\s+)?$",
    FLAGS,
)

# --- the words before a term (each pattern ends where the term starts) --------------------

# «… на срок от 5 до 10 лет»: a range counts by its upper bound
_TAIL = (
    r"(?:\s+сроком)?(?:\s+(?:на|в|for|of|к))?(?:\s+срок)?(?:\s+от\s+[^\s.;!?]+)?"
    r"(?:\s+(?:до|up\s+to))?\s+$"
)
_W = r"(?:\s+[^\s.;!?]+)"  # one more word, inside the sentence
_LEFT_RULES: list[tuple[str, tuple[str, ...], re.Pattern, bool]] = [
    # (penalty or "skip"/"arrest"/"implicit", keys, pattern, does the span start at the
    # pattern). A rule is tried only when one of its lower-case keys is in the window.
    (
        "skip",
        (
            "арест",
            "страж",
            "испытательн",
            "arrest",
            "detention",
            "probation",
            "продлил",
            "extended",
        ),
        re.compile(
            r"(?:домашн\w+\s+арест\w*|под\s+стражу|под\s+стражей|испытательн\w+\s+срок\w*|"
            r"house\s+arrest|pre-?trial\s+detention|probation(?:ary)?(?:\s+period)?|"
            rf"продлил\w*{_W}{{0,3}}|extended{_W}{{0,3}}){_W}{{0,3}}?{_TAIL}",
            FLAGS,
        ),
        False,
    ),
    (
        "ban",
        ("запрет", "запрещ", "лишени", "ban", "barred", "prohibited"),
        re.compile(
            rf"(?<![\w])(?:запрет\w*|запрещ\w+\s+(?:\w+\s+)?занима\w+|лишени\w+\s+права|ban(?:ned)?|barred|prohibited)"
            rf"{_W}{{0,7}}?{_TAIL}",
            FLAGS,
        ),
        True,
    ),
    (
        "suspended_sentence",
        ("условн", "suspended"),
        re.compile(
            r"(?<![\w])(?:условн\w+\s+(?:срок\w*|наказани\w+|осуждени\w+|лишени\w+\s+свободы)"
            r"(?:\s+в\s+виде\s+лишения\s+свободы)?|условно|"
            rf"suspended\s+(?:prison\s+|jail\s+)?(?:sentence|term)|suspended){_TAIL}",
            FLAGS,
        ),
        True,
    ),
    (
        "administrative_arrest",
        ("административн", "administrative"),
        re.compile(
            rf"(?<![\w])(?:административн\w+\s+арест\w*|administrative\s+(?:arrest|detention)){_TAIL}",
            FLAGS,
        ),
        True,
    ),
    (
        "restricted_freedom",
        ("ограничени", "restrict", "limitation", "freedom restriction"),
        re.compile(
            r"(?<![\w])(?:ограничени\w+\s+свободы|restrict(?:ed|ion\s+of)\s+(?:freedom|liberty)|"
            rf"freedom\s+restriction|limitation\s+of\s+freedom){_TAIL}",
            FLAGS,
        ),
        True,
    ),
    (
        "other",
        ("работ",),
        re.compile(
            rf"(?<![\w])(?:исправительн|обязательн|принудительн)\w+\s+работ\w*{_TAIL}", FLAGS
        ),
        True,
    ),
    (
        "imprisonment",
        ("лиш", "тюремн", "imprisonment", "prison", "jail"),
        re.compile(
            r"(?<![\w])(?:(?:реальн\w+\s+)?(?:лишени\w+|лиш(?:ать|ить|ают|ит|ил)\w*)\s+свободы|тюремн\w+\s+(?:заключени\w+|срок\w*)|"
            r"imprisonment|(?:prison|jail)\s+(?:term|sentence)|in\s+(?:prison|jail)"
            rf"){_TAIL}",
            FLAGS,
        ),
        True,
    ),
    (
        "imprisonment",
        ("jailed", "imprisoned", "incarcerated"),
        re.compile(
            r"(?<![\w])(?:jailed|imprisoned|incarcerated)(?:\s+(?:for|to))?(?:\s+up\s+to)?\s+$",
            FLAGS,
        ),
        False,
    ),
    (
        "arrest",
        ("арестова", "задержа", "arrested", "detained"),
        re.compile(
            rf"(?<![\w])(?:арестова\w+|задержа\w+|arrested|detained){_W}{{0,3}}?\s+(?:на|for)\s+$",
            FLAGS,
        ),
        False,
    ),
    (
        "implicit",
        (),
        re.compile(
            r"(?:(?<![\w])к(?:\s+(?:более\s+чем|почти|около))?"
            r"|(?<![\w])(?:запр(?:осил|ашива)\w*|потребовал\w*|требу(?!ется|ются)\w+|(?:по)?просил\w*|просит|"
            r"назнач\w+|получ\w+|дали|дал|дала|присуди\w+|присужд\w+|грози\w*|грозя\w*|светит|"
            r"осужд[её]н\w*|осуди\w+|приговор[её]н\w*|приговори\w+|отбыва\w+|отсидел\w*|"
            r"sentenced|sentencing|sentences?\s+of|given|handed(?:\s+down)?|receiv\w+|got|"
            r"asked\s+for|request\w*|demand\w*|sought|seek\w*|fac(?:es?|ing)|serv\w+|terms?\s+of)"
            rf"{_W}{{0,4}}?(?:\s+(?:на|to|for))?)"
            r"(?:\s+(?:до|по|up\s+to))?\s+$",
            FLAGS,
        ),
        False,
    ),
]
_LEFT_WINDOW = 110
# The sentencing verb right before a bare term, which is all that says it is a penalty and so
# belongs to its span, as NEREL spans it: «получил семь лет», «осудили на 10 лет».
_VERB_BEFORE_BARE_TERM_RE = re.compile(
    r"(?<![\w])(?:получил\w*|дали|дал|дала|осужд[её]н\w*|осудил\w*)(?:\s+на)?\s+$", FLAGS
)
# … and the one right after it, with the preposition before the term: «к 11 годам был
# приговорён», «на 1 год 5 месяцев осуждён».
_VERB_AFTER_BARE_TERM_RE = re.compile(
    r"\s+(?:был[аио]?\s+)?(?:приговор[её]н|осужд[её]н)\w*(?![\w-])", FLAGS
)
# «арестован на 15 суток», «суд арестовал на 10 суток»: an administrative arrest told by the
# verb, which is in its span like «осуждены на полтора года».
_ARREST_VERB_BEFORE_RE = re.compile(r"(?<![\w])арестова\w*\s+на\s+$", FLAGS)
_PREPOSITION_BEFORE_RE = re.compile(r"(?<![\w])(?:к|на)\s+$", FLAGS)
_EACH_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?:кажд\w+|each)\s*[—–-]?\s*(?:(?:к|по|на|to)\s+)?(?:до\s+)?|(?<![\w])по\s+)$",
    FLAGS,
)
_UPPER_BOUND_RE = re.compile(r"(?<![\w])(?:до|up\s+to)\s+$", FLAGS)


# --- fines --------------------------------------------------------------------------------

CURRENCIES = {
    "MCI": r"МРП|MCI|MRP|месячн\w+\s+расч[её]тн\w+\s+показател\w+"
    r"|monthly\s+calculation\s+(?:index(?:es)?|indices|indicators?|units?)",
    "KZT": r"тенге|тг\.?|KZT|tenge|₸",
    "TJS": r"сомони|somoni|TJS",
    "KGS": r"сом(?:а|ов|ы)?|soms?|KGS",
    "UZS": r"сум(?:а|ов|ы)?|so['ʻ’]?ms?|soums?|sums|UZS",
    "TMT": r"манат\w*|manats?|TMT",
    "RUB": r"рубл(?:ь|я|ей|ям|ями)|руб\.?|RUB|r(?:o)?ubles?",
    "USD": r"доллар\w*(?:\s+США)?|долл\.?|USD|(?:US\s+)?dollars?|\$",
    "CNY": r"юан\w*|yuan|CNY",
    "EUR": r"евро|EUR|euros?|€",
}
_CURRENCY_RE = r"(?:" + "|".join(CURRENCIES.values()) + r")(?:(?<=\$)|(?<=\.)|(?![\w]))"
_CURRENCY_KIND = [(code, re.compile(rf"(?:{body})", FLAGS)) for code, body in CURRENCIES.items()]
_PREFIX_CURRENCY_RE = r"(?:\$|€|₸|USD|KZT|EUR|RUB|KGS|UZS|TJS|TMT)\s?"
_AMOUNT = (
    rf"(?:(?P<pre>{_PREFIX_CURRENCY_RE})(?P<a1>{NUMBER_RE})(?:\s*(?P<c1>{_CURRENCY_RE}))?"
    rf"|(?P<range>(?:от\s+)?{NUMBER_RE}\s*(?:до|[–—-])\s*)?(?P<a2>{NUMBER_RE})\s*(?P<c2>{_CURRENCY_RE}))"
)
# the noun «штраф» in its forms, not «штрафной» (a free kick) or «штрафстоянка»
_FINE_NOUN = r"штраф(?:а|у|ом|е|ы|ов|ам|ами|ах)?"
_FINE_WORD = (
    rf"(?<![\w])(?:(?:(?:административн|денежн|уголовн)\w+\s+)?{_FINE_NOUN}|о?штрафова\w+|fined|(?:a|the|of|to)\s+fines?"
    r"|fines?\s+of)(?![\w])"
)
_FINE_KEYS = ("штраф", "fine")
_FINE_RE = re.compile(rf"{_FINE_WORD}[^.;!?\d$€₸]{{0,40}}?{_AMOUNT}", FLAGS)
_FINE_AFTER_RE = re.compile(rf"(?<![\w]){_AMOUNT}\s+(?:{_FINE_NOUN}|fines?)(?![\w])", FLAGS)

# A payment the court orders («приговорил Петрова к выплате 200 тысяч рублей», «суд обязал
# его выплатить компенсацию в размере 5 млн рублей», «обязал компанию выплатить $78 млн»):
# a penalty of its own, spanned from the payment word before the amount, or from
# «компенсацию» before «в размере»; «выплате компенсаций потерпевшим» has no amount. Only
# after the court's «приговорил» or «обязал» in the clause: «согласилась выплатить» is a
# deal, «суд постановил, что правительство должно выплатить» the state's compensation.
_PAYMENT_RE = re.compile(
    r"(?<![\w])(?:(?:выплат(?:е|у|ить)\s+(?:ей\s+|ему\s+|им\s+)?"
    r"|компенсаци(?:ю|и|я)\s+(?:ущерба\s+)?в\s+размере\s+(?:около\s+|более\s+)?)"
    rf"(?=(?:{_PREFIX_CURRENCY_RE})?\d){_AMOUNT}(?:\s+США)?"
    r"|(?<=к\s|и\s)выплате\s+компенсаци\w+(?:\s+потерпевш\w+)?)",
    FLAGS,
)
_PAYMENT_KEYS = ("выплат", "компенсаци")
_COURT_ORDER_RE = re.compile(r"(?<![\w])(?:приговор\w+|обязал\w*)", FLAGS)


def _payment(text: str, match: re.Match) -> PenaltyMatch | None:
    if not _COURT_ORDER_RE.search(_clause_before(text, match.start(), 120)):
        return None
    if match.group("a1") or match.group("a2"):
        fine = _fine(text, match)
        if fine is None:
            return None
        fine.penalty = "other"
        return fine
    return _make(text, match.start(), match.end(), "other")


# --- penalties without a term -------------------------------------------------------------

# A term said as an adjective: «отбывает семилетний срок», «к 35-летнему заключению»,
# «10-летний запрет на въезд».
_YEARS_STEMS = {
    "одно": 1, "двух": 2, "тр[её]х": 3, "четыр[её]х": 4, "пяти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12,
    "пятнадцати": 15, "двадцати": 20, "двадцатипяти": 25, "тридцати": 30,
}  # fmt: skip
_ADJECTIVE_TERM_RE = re.compile(
    rf"(?<![\w-])(?:(?P<digits>\d{{1,2}})-|(?P<stem>{'|'.join(_YEARS_STEMS)}))летн\w+\s+"
    r"(?:(?P<ban>запрет\w*(?:\s+на\s+въезд)?)|срок\w*\s+(?:тюремного\s+)?заключения"
    r"|(?:тюремн\w+\s+)?заключени\w+|(?P<tenure>(?:тюремн\w+\s+)?срок\w*))(?![\w-])",
    FLAGS,
)
# «избран на пятилетний срок», «пятилетний срок полномочий»: a term of office
_TENURE_BEFORE_RE = re.compile(r"(?<![\w])на\s+(?:(?:очередн|втор|нов|трет)\w+\s+)?$", FLAGS)
_TENURE_AFTER_RE = re.compile(
    r"\s+(?:полномочи|служб|действи|давност|эксплуатаци|аренд|правлени|президентств|"
    r"пребывани|работ|контракт|мандат|обучени|хранени)",
    FLAGS,
)


# A bare «семилетний срок» is a prison term only after a word of the court or of prison
# («отбывает семилетний срок», «приговорён … получил пятилетний срок»); without one it is
# a term of office («новый пятилетний срок станет для него последним», «после двух
# пятилетних сроков»).
_PRISON_CONTEXT_RE = re.compile(
    r"(?<![\w])(?:отбыв|отбыл|отсид|сид(?:ит|ел|я)|приговор|осуд|осужд|получ|назнач|дали|дал\b"
    r"|заключ|тюр|колони|лишени)\w*",
    FLAGS,
)


def _adjective_term(text: str, match: re.Match) -> PenaltyMatch | None:
    if match.group("tenure") and (
        _TENURE_BEFORE_RE.search(text, max(0, match.start() - 20), match.start())
        or _TENURE_AFTER_RE.match(text, match.end())
        or not _PRISON_CONTEXT_RE.search(_clause_before(text, match.start(), 80))
    ):
        return None
    if match.group("digits"):
        years = int(match.group("digits"))
    else:
        stem = match.group("stem").lower()
        years = next(v for k, v in _YEARS_STEMS.items() if re.fullmatch(k, stem))
    penalty = "ban" if match.group("ban") else "imprisonment"
    return _make(text, match.start(), match.end(), penalty, term_months=years * 12.0)


def _clause_before(text: str, at: int, reach: int) -> str:
    """Up to ``reach`` characters before ``at``, from the start of their sentence."""
    before = text[max(0, at - reach) : at]
    return re.split(r"[.!?]\s", before)[-1]


# (penalty, keys, pattern): a pattern runs only on texts that contain one of its keys.
_STANDALONE: list[tuple[str, tuple[str, ...], re.Pattern]] = [
    (
        "suspended_sentence",
        ("условн", "suspended"),
        re.compile(
            r"(?<![\w-])(?:условн(?:ый|ого|ому|ым|ом)\s+(?:срок\w*|приговор\w*|наказани\w+)|"
            r"условн(?:ое|ого|ому|ым)\s+(?:наказани\w+|осуждени\w+|лишени\w+\s+свободы)|"
            r"условно(?![\w-])(?!\s+говоря|\s+или\s+реально)|suspended\s+(?:prison\s+|jail\s+)?(?:sentence|term)s?)",
            FLAGS,
        ),
    ),
    (
        "imprisonment",
        ("пожизненн", "life", "лишению свободы", "реальн", "тюремному"),
        re.compile(
            r"(?<![\w])(?:(?:(?:два|две|три|двух|тр[её]х)\s+)?"  # «два пожизненных срока»
            r"пожизненн(?!о(?![\w]))\w+(?![\w])(?:\s+(?:тюремн\w+\s+)?(?:лишени\w+\s+свободы|"
            r"заключени\w+|срок\w*)(?:\s+без\s+права\s+(?:на\s+)?(?:условно-)?досрочного\s+"
            r"освобождения)?)?"
            # «пожизненный запрет на въезд», «пожизненное лишение права …»: a ban, no prison
            r"(?!\s+(?:запрет|лишени\w+\s+прав))|"
            r"life\s+(?:imprisonment|sentence|term|in\s+prison)|"
            # "sentenced to life", "jailed for life (without parole)"; "banned for life" is a ban
            r"(?:(?<=\sto\s)|(?<=\sfor\s)(?<!banned\sfor\s)(?<!barred\sfor\s))life(?:\s+without\s+(?:the\s+possibility\s+of\s+)?"
            r"parole)?(?![\w-])|"
            r"(?<=к\s)(?:реальному\s+)?лишению\s+свободы|реальн\w+\s+(?:срок\w*|лишени\w+\s+свободы)"
            r"|(?<=к\s)тюремному\s+(?:сроку|заключению))",
            FLAGS,
        ),
    ),
    ("restricted_freedom", ("ограничению",), re.compile(r"(?<=к\s)ограничению\s+свободы", FLAGS)),
    (
        "administrative_arrest",
        ("административн", "administrative"),
        re.compile(
            r"(?<![\w])(?:административн\w+\s+арест\w*|administrative\s+(?:arrest|detention))",
            FLAGS,
        ),
    ),
    ("fine", _FINE_KEYS, re.compile(_FINE_WORD, FLAGS)),
    # the death penalty («приговорён к смертной казни», «вынес смертный приговор»,
    # «приговорён к смерти», «к расстрелу», «к высшей мере наказания», "death penalty");
    # «смерти» and «расстрел» alone are a death and a shooting, not a penalty
    (
        "death",
        ("смерт", "death", "расстрел", "высшей мере", "capital punishment"),
        re.compile(
            r"(?<![\w-])(?:смертн(?:ой|ая|ую|ый|ого|ому|ым|ом|ые|ых|ыми)\s+(?:казн\w+|приговор\w*)"
            r"|приговор[её]н\w{0,2}\s+к\s+смерти|(?<=к\s)(?:расстрелу|высшей\s+мере\s+наказания)"
            r"|death\s+(?:penalty|penalties|sentences?)|capital\s+punishment)(?![\w-])",
            FLAGS,
        ),
    ),
]

# A life term («к пожизненному лишению свободы», «два пожизненных срока», "life imprisonment",
# "sentenced to life") among the imprisonment words above, and the words that rule out
# parole, in its span or right after it («… без права условно-досрочного освобождения»,
# «без права на УДО», "life (imprisonment) without (the possibility of) parole").
_LIFE_RE = re.compile(r"пожизненн|(?<![\w-])life(?![\w-])", FLAGS)
_NO_PAROLE = (
    r"без\s+права\s+(?:на\s+)?(?:условно-?\s*)?досрочно(?:го|е)\s+освобождени[яе]"
    r"|без\s+права\s+на\s+УДО"
    r"|without\s+(?:the\s+)?(?:possibility|chance|right)\s+of\s+(?:early\s+release|parole)"
    r"|without\s+parole"
)
_NO_PAROLE_RE = re.compile(rf"(?:{_NO_PAROLE})(?![\w-])", FLAGS)
_NO_PAROLE_AFTER_RE = re.compile(rf"\s*,?\s*(?:{_NO_PAROLE})(?![\w-])", FLAGS)


def _life(text: str, penalty: str, match: re.Match) -> dict:
    """The fields of a life term: ``life`` («приговорён к пожизненному заключению», "jailed
    for life"), with ``parole=False`` when the text rules parole out («пожизненный срок без
    права условно-досрочного освобождения», "life imprisonment without parole"); none for
    another penalty or a term («к реальному лишению свободы»)."""
    if penalty != "imprisonment" or not _LIFE_RE.search(match.group()):
        return {}
    if _NO_PAROLE_RE.search(match.group()) or _NO_PAROLE_AFTER_RE.match(text, match.end()):
        return {"life": True, "parole": False}
    return {"life": True}


# "sentenced (Ivan Petrov) to death": the span is "death", as "seven years" is the span of
# "sentenced him to seven years"; "beaten to death" is no penalty.
_SENTENCED_TO_DEATH_RE = re.compile(
    r"(?<![\w])(?:sentenc(?:ed|ing)|condemn(?:ed|ing))(?:\s+[^\s.;!?]+){0,4}?\s+to\s+"
    r"(?P<death>death)(?![\w-])",
    FLAGS,
)

# A ban on holding office said of the person, with no term: «Кроме того, ему пожизненно
# запрещено занимать государственные посты», «ему в течение трёх лет запрещено занимать
# государственные должности»; «чиновникам запрещено занимать …» is a rule, no penalty.
_OFFICE_BAN_RE = re.compile(
    r"(?<![\w-])(?:ему|ей|им|него|неё|нее)\s+(?:[^\s.;!?,]+\s+){0,4}?"
    r"(?P<ban>(?:пожизненно\s+)?запрещ(?:ено|ен|ена|ены)\s+(?:\w+\s+)?занимать\s+"
    r"(?:(?:государственн|муниципальн|руководящ|выборн|публичн|определ[её]нн)\w+\s+)+"
    r"(?:должност\w*|пост(?:ы|ов)?))(?![\w-])",
    FLAGS,
)

# «к году тюрьмы», «назначенный ему год ограничения свободы»: «год» said without its number
# is one year when a penalty follows it (and never «года», which is «в течение года»).
_ONE_YEAR_RE = re.compile(
    r"(?<![\w-])(?:году|год)(?=\s+(?:тюрьм|лишени|заключени|тюремн|колони|ограничени))", FLAGS
)


def _one_year(text: str, match: re.Match) -> PenaltyMatch | None:
    right = _RIGHT_RE.match(text, match.end())
    if right is None or _right_kind(right) == "generic":
        return None
    kind = _RIGHT_KINDS[_right_kind(right)]
    if right.group("trail_susp"):
        kind = "suspended_sentence"
    return _make(text, match.start(), right.end(), kind, term_months=12.0)


# --- preventive measures ------------------------------------------------------------------


@dataclass
class MeasureMatch:
    """A preventive measure: what holds a person while a case goes on, not a penalty."""

    start: int
    end: int
    text: str
    kind: str  # "custody" («под стражей», «под арестом») or "travel_ban" («подписка о невыезде»)


# Spans as NEREL draws them: «под стражей» with its preposition, «арестом» of «под арестом»
# without it (like «домашним арестом»), «подпиской о невыезде».
_MEASURE_RE = re.compile(
    r"(?<![\w-])(?:(?P<custody>под\s+стражей)|под\s+(?P<arrest>арестом)"
    r"|(?P<travel_ban>подписк(?:ой|у|и|а)\s+о\s+невыезде))(?![\w-])",
    FLAGS,
)


def find_measures(text: str, start: int = 0, end: int | None = None) -> list[MeasureMatch]:
    """Preventive measures in ``text[start:end]``, in text order."""
    found = []
    for match in _MEASURE_RE.finditer(text, start, len(text) if end is None else end):
        group = next(g for g in ("custody", "arrest", "travel_ban") if match.group(g))
        kind = "travel_ban" if group == "travel_ban" else "custody"
        found.append(MeasureMatch(match.start(group), match.end(group), match.group(group), kind))
    return found


# --- search -------------------------------------------------------------------------------


def find_penalties(text: str) -> list[PenaltyMatch]:
    """Penalties in ``text``, sorted by position and non-overlapping."""
    low = lowered(text)
    candidates: list[tuple[int, PenaltyMatch]] = []
    for term in _terms(text, low):
        found = _penalty_at_term(text, low, term)
        if found:
            candidates.append(found)
    for lo, hi in key_windows(low, _FINE_KEYS, 80, 120):
        for regex in (_FINE_RE, _FINE_AFTER_RE):
            for match in regex.finditer(text, lo, hi):
                fine = _fine(text, match)
                if fine:
                    candidates.append((3, fine))
    for lo, hi in key_windows(low, _PAYMENT_KEYS, 30, 120):
        for match in _PAYMENT_RE.finditer(text, lo, hi):
            if payment := _payment(text, match):
                candidates.append((3 if payment.amount else 1, payment))
    for lo, hi in key_windows(low, ("летн",), 30, 40):
        for match in _ADJECTIVE_TERM_RE.finditer(text, lo, hi):
            if term := _adjective_term(text, match):
                candidates.append((3, term))
    for penalty, keys, regex in _STANDALONE:
        for lo, hi in key_windows(low, keys, 20, 90):  # «… без права досрочного освобождения»
            for match in regex.finditer(text, lo, hi):
                life = _life(text, penalty, match)
                candidates.append((1, _make(text, match.start(), match.end(), penalty, **life)))
    for lo, hi in key_windows(low, ("death",), 80, 10):
        for match in _SENTENCED_TO_DEATH_RE.finditer(text, lo, hi):
            candidates.append((1, _make(text, *match.span("death"), "death")))
    for lo, hi in key_windows(low, ("запрещ",), 60, 90):
        for match in _OFFICE_BAN_RE.finditer(text, lo, hi):
            candidates.append((1, _make(text, *match.span("ban"), "ban")))
    for lo, hi in key_windows(low, ("год",), 10, 90):
        for match in _ONE_YEAR_RE.finditer(text, lo, hi):
            if term := _one_year(text, match):
                candidates.append((3, term))
    # a term or an amount beats a bare word; then the longer span
    return non_overlapping(
        ((-priority, m.start - m.end), m.start, m.end, m) for priority, m in candidates
    )


def _terms(text: str, low: str):
    """Terms, found from their unit words: scanning for «лет»/«суток»/"years" is cheap, and
    the number before a unit is at most a few words long."""
    covered = 0
    for unit in _UNIT_ANCHOR_RE.finditer(low):
        at = unit.start()
        if at < covered or (at and low[at - 1].isalnum()) or not _number_before(low, at, unit):
            continue
        for term in _TERM_RE.finditer(text, max(0, at - _NUMBER_REACH)):
            if term.start() > at:
                break
            if term.end() > at:
                covered = term.end()
                yield term
                break


def _number_before(low: str, at: int, unit: re.Match) -> bool:
    """Is the word before the unit a number ("7", "семи", "half", "a")? Most «года», «лет»
    in a text are not terms ("в 2023 году" is, and is rejected later as too long)."""
    if unit.group().startswith("пол"):
        return True
    words = low[max(0, at - 30) : at].replace("-", " ").split()
    if not words:
        return False
    word = words[-1].replace("ё", "е")
    if word in ("ти", "х", "ми", "м", "и") and len(words) > 1 and words[-2][-1:].isdigit():
        return True  # «35-ти лет»
    return word[-1].isdigit() or word in NUMBER_WORDS or word in _NUMBER_TAILS


def _make(text: str, start: int, end: int, penalty: str, **fields) -> PenaltyMatch:
    return PenaltyMatch(start, end, text[start:end], penalty, **fields)


def _penalty_at_term(text: str, low: str, term: re.Match) -> tuple[int, PenaltyMatch] | None:
    parsed = parse_term(term.group())
    if parsed is None or _NOT_A_PENALTY_AFTER_RE.match(text, term.end()):
        return None
    if _AGE_BEFORE_RE.search(text, max(0, term.start() - 30), term.start()):
        return None
    if _EQUIVALENT_BEFORE_RE.search(text, max(0, term.start() - 30), term.start()):
        return None
    months, days_only = parsed
    start, end = term.start(), term.end()
    per_person = bool(_EACH_BEFORE_RE.search(text, max(0, start - 25), start))
    upper = _UPPER_BOUND_RE.search(text, max(0, start - 12), start)
    upper_bound = bool(upper) or bool(term.group("range"))
    penalty, explicit = None, True

    right = _RIGHT_RE.match(text, end)
    if right:
        kind = _right_kind(right)
        penalty = _RIGHT_KINDS[kind]
        explicit = kind != "generic"
        if right.group("trail_susp"):
            penalty = "suspended_sentence"
        end = right.end()
        per_person = per_person or bool(_EACH_AFTER_RE.match(right.group()))

    window = max(0, start - _LEFT_WINDOW)
    before = low[window:start]
    for rule, keys, pattern, extends in _LEFT_RULES:
        if keys and not any(key in before for key in keys):
            continue
        left = pattern.search(text, window, start)
        if not left:
            continue
        if penalty is not None:
            if rule in ("implicit", "skip"):
                continue
            if rule == "suspended_sentence" and penalty == "imprisonment":
                # "условно к двум годам лишения свободы"
                penalty, start = "suspended_sentence", left.start()
            elif rule == penalty and extends:
                # "лишению свободы сроком на 5 лет с отбыванием в колонии общего режима"
                start = left.start()
            break
        if rule == "skip":
            return None
        if rule == "arrest":
            if not days_only:
                return None
            penalty = "administrative_arrest"
            if verb := _ARREST_VERB_BEFORE_RE.search(text, window, start):
                start = verb.start()
        elif rule == "implicit":
            penalty = "administrative_arrest" if days_only else "imprisonment"
            explicit = False
            verb = _VERB_BEFORE_BARE_TERM_RE.search(text, window, start)
            if verb:
                start = verb.start()
        else:
            penalty = rule
            if extends:
                start = left.start()
        break
    if right is None and start == term.start() and (penalty is None or not explicit):
        verb = _VERB_AFTER_BARE_TERM_RE.match(text, end)
        preposition = _PREPOSITION_BEFORE_RE.search(text, max(0, start - 4), start)
        if verb and preposition:
            penalty = "administrative_arrest" if days_only else "imprisonment"
            explicit = False
            start, end = preposition.start(), verb.end()
    if penalty is None:
        return None
    if upper and start == term.start():
        start = upper.start()  # «грозит до 15 лет лишения свободы»: the bound is in the span
    if penalty == "imprisonment" and days_only:
        penalty = "administrative_arrest"  # "15 days in jail": criminal terms are never in days
    if _EACH_AFTER_RE.match(text, end):
        per_person = True
    match = _make(
        text,
        start,
        end,
        penalty,
        term_months=months,
        per_person=per_person,
        explicit=explicit,
        upper_bound=upper_bound,
    )
    return (3 if explicit else 2), match


def _right_kind(right: re.Match) -> str:
    for name in _RIGHT_KINDS:
        if right.group(name):
            return name
    return "generic"


def _fine(text: str, match: re.Match) -> PenaltyMatch | None:
    amount = parse_number(match.group("a1") or match.group("a2"))
    currency_text = match.group("c1") or match.group("c2") or match.group("pre")
    if amount is None or not currency_text:
        return None
    currency = next(
        (code for code, regex in _CURRENCY_KIND if regex.fullmatch(currency_text.strip())), None
    )
    if currency is None:
        return None
    # «штраф в размере от 3 до 5 тысяч рублей», «до 15 тысяч»: the maximum of a range
    at = match.start("a2")  # -1 for an amount after its currency sign
    upper = bool(match.group("range")) or (
        at >= 0 and bool(_UPPER_BOUND_RE.search(text, max(0, at - 12), at))
    )
    return _make(
        text,
        match.start(),
        match.end(),
        "fine",
        amount=amount,
        currency=currency,
        upper_bound=upper,
    )
