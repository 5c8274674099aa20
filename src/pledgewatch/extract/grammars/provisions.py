"""References to legal provisions: «ч. 2 ст. 174 УК РК», "Article 174(1) of the Criminal Code".

Which references are kept (a reference is an article keyword followed by numbers):

- tied to a criminal code (``code="CC"``) or an administrative-offences code (``code="AC"``)
  written right after it («ст. 174 УК РК», "Articles 405 and 258 of Kazakhstan's Criminal
  Code"), or, in English, right before it ("under Criminal Code Article 274"); the country
  comes from the code's name when it has one («УК РК» → KZ, «Уголовного кодекса» → None);
- tied to no code at all («по ст. 274»), with ``code=None``, only when its sentence also has a
  charge word (обвинение, осуждён, уголовное дело, charged, convicted, …) or the reference
  follows «по»/"under": a bare «статья 5» in a text about a law is not a charge;
- never when another law or instrument follows («статьи 5 Закона о СМИ», «статьи 19 Пакта»,
  "Article 19 of the ICCPR", «ст. 107 УПК»): those are dropped, not returned with a code.

A reference without a code that is listed together with a coded one inherits its code
(«ч. 2 ст. 174 и ч. 1 ст. 405 УК РК» gives two references, both KZ criminal code).
The article's title in quotes right after it is part of the reference («статьи 128.1 УК РФ
«Клевета»»), as NEREL annotates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pledgewatch.extract.grammars.numbers import FLAGS


@dataclass
class ProvisionRef:
    start: int
    end: int
    text: str
    articles: list[str] = field(default_factory=list)  # ["405", "258"], "244-1"
    part: str | None = None  # "1"; several parts joined by "," ("1,2")
    paragraph: str | None = None  # "2" or a letter «а»
    code: str | None = None  # "CC" criminal code, "AC" administrative offences code
    country: str | None = None  # ISO 3166-1 alpha-2 named in the code («УК РК» → "KZ")


_NUM = r"\d{1,4}(?:[-‑.]\d{1,3})?(?![\d])"
_LIST_GLUE = r"(?:\s*,\s*(?:(?:и|and)\s+)?|\s+(?:и|или|and|or|&)\s+)"
# "статьи 174 и 2 человека", "ст. 174, 2019 год": a number that counts something ends the list
_NOT_A_COUNT = r"(?!\s*(?:год|г\.|лет|человек|раз(?![\w])|years?|people|times))"
_ARTICLE_WORD = (
    r"(?:ст\.\s*ст\.|стст\.|ст\.|стать(?:я|и|е|ю|ей|ёй|ям|ями|ях)|статей"
    r"|articles?|arts?\.)"
)
_PART_WORD = r"(?:ч\.|част(?:ь|и|ью|ям|ями|ях)|parts?)"
_PARA_WORD = r"(?:пп?\.|пункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|subparagraph|paragraph|para\.|point)"
_OF = r"(?:\s+of(?:\s+the)?)?"

_REF_RE = re.compile(
    rf"(?<![\w])"
    rf"(?:(?P<para_kw>{_PARA_WORD})\s*(?P<para>\d+(?:{_LIST_GLUE}\d+)*|[«\"„“']?[а-яa-z][»\"“”']?(?![\w]))"
    rf"\s*,?{_OF}\s*)?"
    rf"(?:(?P<part_kw>{_PART_WORD})\s*(?P<part>\d+(?:{_LIST_GLUE}\d+)*)\s*,?{_OF}\s*)?"
    rf"{_ARTICLE_WORD}\s*(?P<articles>№?\s*{_NUM}(?:{_LIST_GLUE}№?\s*{_NUM}{_NOT_A_COUNT})*)"
    r"(?:\s*\(\s*(?P<paren_part>\d+)\s*\)(?:\s*\(\s*(?P<paren_para>\d+)\s*\))?)?"
    rf"(?:\s*\(\s*{_PART_WORD}\s*(?P<paren_part2>\d+)\s*\))?"
    # a part after the article is its own, not the next reference's («ч. 3 ст. 30, ч. 1 ст. 318»)
    rf"(?:\s*,?\s+{_PART_WORD}\s*(?P<post_part>\d+)(?![\w.]\d)(?!\s*,?\s*{_ARTICLE_WORD}))?",
    FLAGS,
)
_NUM_RE = re.compile(_NUM, FLAGS)

COUNTRIES = {
    "KZ": r"РК|Республики\s+Казахстан|Казахстана|Kazakhstan(?:['’]s)?|Kazakhstani|Kazakh",
    "KG": r"КР|Кыргызской\s+Республики|Кыргызстана|Киргизии|Kyrgyzstan(?:['’]s)?|Kyrgyz(?:\s+Republic)?",
    "UZ": r"РУз|Республики\s+Узбекистан|Узбекистана|Uzbekistan(?:['’]s)?|Uzbek",
    "TJ": r"РТ|Республики\s+Таджикистан|Таджикистана|Tajikistan(?:['’]s)?|Tajik",
    "TM": r"Туркменистана|Туркмении|Turkmenistan(?:['’]s)?|Turkmen",
    "RU": r"РФ|Российской\s+Федерации|России|Russian\s+Federation|Russia(?:['’]s)?|Russian",
}
_COUNTRY_RE = r"(?:" + "|".join(COUNTRIES.values()) + r")(?![\w])"
_COUNTRY_KIND = [
    (code, re.compile(rf"(?<![\w])(?:{body})(?![\w])", FLAGS)) for code, body in COUNTRIES.items()
]
_OF_COUNTRY = rf"(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?{_COUNTRY_RE})?"

_CODE_RE = re.compile(
    r"\s*,?(?:\s+of(?:\s+the)?)?\s*(?:"
    rf"(?P<cc>(?:УК|Уголовн(?:ого|ый|ому|ым|ом)\s+кодекс(?:а|у|ом|е)?)(?![\w])(?:\s+{_COUNTRY_RE})?"
    rf"|(?:{_COUNTRY_RE}\s+)?(?:Criminal|Penal)\s+Code{_OF_COUNTRY})"
    rf"|(?P<ac>(?:КоАП|КРКоАП)(?![\w])(?:\s+{_COUNTRY_RE})?"
    rf"|Кодекс(?:а|у|ом|е)?(?:\s+{_COUNTRY_RE})?\s+(?:об?\s+административн\w+\s+(?:правонарушени\w+|ответственност\w+)|о\s+правонарушениях)(?:\s+{_COUNTRY_RE})?"
    rf"|(?:{_COUNTRY_RE}\s+)?(?:Code\s+of\s+Administrative\s+(?:Offen[cs]es|Violations|Infractions)|Administrative\s+(?:Offen[cs]es\s+)?Code){_OF_COUNTRY})"
    r")",
    FLAGS,
)
_LEFT_CODE_RE = re.compile(
    rf"(?P<cc>(?:{_COUNTRY_RE}\s+)?(?:the\s+)?(?:Criminal|Penal)\s+Code{_OF_COUNTRY})"
    r"(?:['’]s)?\s*,?\s*$",
    FLAGS,
)
_OTHER_LAW_RE = re.compile(
    r"\s*,?(?:\s+of(?:\s+the)?)?\s*[«\"„“]?(?:"
    r"закон\w*|конституци\w+|гражданск\w+|трудов\w+|налогов\w+|уголовно-\w+|международн\w+|"
    r"всеобщ\w+|пакт\w*|конвенци\w+|декларац\w+|устав\w*|положени\w+|постановлени\w+|указ\w*|"
    r"правил\w*|регламент\w*|кодекс\w*|ГК|УПК|ГПК|АПК|УИК|НК|ТК|МПГПП|ЕКПЧ|"
    r"law|constitution|convention|covenant|declaration|act|code|charter|regulation\w*|"
    r"rules|decree|ICCPR|UDHR|ECHR|CRC|CEDAW|ICESCR|international|universal|European"
    r")(?![\w])",
    FLAGS,
)
_TITLE_RE = re.compile(r"[ \t\u00a0]*«(?P<title>[^«»\n]{3,160})»")
_CHAIN_RE = re.compile(r"\s*(?:,|;)?\s*(?:и|а\s+также|and|as\s+well\s+as)?\s*$", FLAGS)
_CHARGE_CONTEXT_RE = re.compile(
    r"(?<![\w])(?:обвин\w*|осужд\w*|осуди\w*|приговор\w*|уголовн\w*|преступлен\w*|возбуд\w+|"
    r"возбужд\w+|задержан\w*|арестова\w*|привлеч\w+|привлек\w*|квалифицир\w*|инкриминир\w*|"
    r"подозрева\w*|вменя\w*|charged|charges?|convicted|sentenced|criminal|prosecut\w*|indicted|"
    r"accused|suspected|offen[cs]es?)",
    FLAGS,
)
_UNDER_BEFORE_RE = re.compile(r"(?<![\w])(?:по|under)\s*$", FLAGS)
_SENTENCE_END_RE = re.compile(r"[.!?…](?=\s+[А-ЯЁA-Z«\"„“(])|\n")  # case-sensitive
_SENTENCE_WINDOW = 300


def find_provision_refs(text: str) -> list[ProvisionRef]:
    """Article references tied to a criminal or administrative code (see the module doc)."""
    found: list[tuple[ProvisionRef, bool]] = []  # (reference, has no code but may inherit one)
    for match in _REF_RE.finditer(text):
        ref, keep = _reference(text, match)
        if ref is not None:
            found.append((ref, keep))
    # a reference listed before a coded one takes its code: «ч. 2 ст. 174 и ч. 1 ст. 405 УК РК»
    for i in range(len(found) - 2, -1, -1):
        ref, _ = found[i]
        after, _ = found[i + 1]
        if ref.code is None and after.code and _CHAIN_RE.match(text[ref.end : after.start]):
            ref.code, ref.country = after.code, after.country
    return [ref for ref, keep in found if keep or ref.code]


def _reference(text: str, match: re.Match) -> tuple[ProvisionRef | None, bool]:
    start, end = match.start(), match.end()
    articles = _NUM_RE.findall(match.group("articles"))
    part = match.group("paren_part") or match.group("paren_part2") or match.group("post_part")
    if match.group("part"):
        part = ",".join(re.findall(r"\d+", match.group("part")))
    paragraph = match.group("para") or match.group("paren_para")
    if paragraph:
        paragraph = ",".join(re.findall(r"\d+", paragraph)) or paragraph.strip("«»\"„“”'")
    code = country = None
    coded = _CODE_RE.match(text, end)
    if coded:
        code = "CC" if coded.group("cc") else "AC"
        country = _country(coded.group())
        end = coded.end()
    else:
        left = _LEFT_CODE_RE.search(text, max(0, start - 80), start)
        if left and re.match(r"art", match.group(), FLAGS):
            code, country, start = "CC", _country(left.group()), left.start()
        elif _OTHER_LAW_RE.match(text, end):
            return None, False
    title = _TITLE_RE.match(text, end)
    if title and not _OTHER_LAW_RE.match(title.group("title")):
        end = title.end()  # «статьи 128.1 УК РФ «Клевета»»: the article's title is part of it
    ref = ProvisionRef(start, end, text[start:end], articles, part, paragraph, code, country)
    return ref, code is not None or _charge_context(text, start, end)


def _country(code_text: str) -> str | None:
    for country, regex in _COUNTRY_KIND:
        if regex.search(code_text):
            return country
    return None


def _charge_context(text: str, start: int, end: int) -> bool:
    """A charge word in the same sentence, or the reference follows «по»/"under"."""
    if _UNDER_BEFORE_RE.search(text, max(0, start - 10), start):
        return True
    left = max(0, start - _SENTENCE_WINDOW)
    for boundary in _SENTENCE_END_RE.finditer(text, left, start + 1):  # +1: see the capital
        left = boundary.end()
    right_match = _SENTENCE_END_RE.search(text, end, end + _SENTENCE_WINDOW)
    right = right_match.start() if right_match else min(len(text), end + _SENTENCE_WINDOW)
    return bool(
        _CHARGE_CONTEXT_RE.search(text, left, start) or _CHARGE_CONTEXT_RE.search(text, end, right)
    )
