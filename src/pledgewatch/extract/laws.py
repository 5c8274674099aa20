"""Laws named as a whole: a code («УК РФ», «Уголовного кодекса», «КоАП», «Гражданский кодекс
РФ», «УПК»), a constitution («Конституции», «Конституции США», «чешской конституции») and a
law by its subject («закон о повышении пенсионного возраста»), its title («закон «О
полиции»», named by the title alone unless the phrase is an official designation:
«Федеральному закону «О полиции»», «Закона Украины «О …»», «Федеральный закон от 03.04.2017
№ 53-ФЗ») or after a person («закона Яровой»).

In the data model a law as a whole is an ``instrument`` (kind ``law``); an article of it is
a ``legal_provision``. A code written inside an article reference («статьи 174 УК РК») is
a mention of the code too, nested in the provision's mention, as NEREL annotates it. An
article of any other law («ч. 7 ст. 105 Лесного кодекса», «статьи 83 Конституции», «статьи
23 Федерального закона «О банках»») or one named by its offence («по статье о клевете») is
a ``legal_provision`` span without an entity: a mention, on which no charge is built.
Instruments of the reference data (``add_instruments``) win: a law span never overlaps one.

A treaty, a convention or a declaration («договор по СНВ», «Конвенции против пыток»,
«Всеобщей декларации прав человека») is an ``instrument`` of kind ``treaty``, and a decree
named by its title («Указ «О …»») one of kind ``decree``; an article of a law named by its
common noun alone («статье 49 кодекса») is a ``legal_provision`` span without an entity.
"""

from __future__ import annotations

import re

from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.numbers import finditer
from pledgewatch.extract.grammars.provisions import COUNTRIES
from pledgewatch.extract.nlp import nominative_phrase
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.translit import match_key

_COUNTRY = "|".join(COUNTRIES.values())
_CODE = re.compile(
    r"(?<![\w-])(?P<code>(?P<cc>УК(?!\s*[«\"„“])|Уголовн(?:ого|ый|ому|ым|ом)\s+[Кк]одекс(?:а|у|ом|е)?)"
    r"|(?P<ac>КоАП|КОАП|КРКоАП|Кодекс(?:а|у|ом|е)?(?:\s+(?:РФ|Российской\s+Федерации))?"
    r"\s+об\s+административных\s+правонарушениях))(?![\w-])"
    rf"(?:\s+(?P<country>{_COUNTRY})(?![\w-]))?"
)
# The other codes, named by their adjective («Гражданский кодекс», «Уголовно-процессуального
# кодекса РФ») or by an abbreviation that names nothing else («ГК РФ», «УПК»): a «ГК» before
# a name is a group of companies («ГК «ПИК»», «ГК Росатом»).
_OTHER_CODES = {
    "уголовно-процессуальн": "Уголовно-процессуальный кодекс",
    "гражданско-процессуальн": "Гражданский процессуальный кодекс",
    "гражданск": "Гражданский кодекс",
    "уголовно-исполнительн": "Уголовно-исполнительный кодекс",
    "арбитражно-процессуальн": "Арбитражный процессуальный кодекс",
    "налогов": "Налоговый кодекс",
    "таможенн": "Таможенный кодекс",
    "трудов": "Трудовой кодекс",
    "земельн": "Земельный кодекс",
    "жилищн": "Жилищный кодекс",
    "семейн": "Семейный кодекс",
    "бюджетн": "Бюджетный кодекс",
    "водн": "Водный кодекс",
    "воздушн": "Воздушный кодекс",
    "лесн": "Лесной кодекс",
    "градостроительн": "Градостроительный кодекс",
    "избирательн": "Избирательный кодекс",
    "морск": "Морской кодекс",
    "административн": "Административный кодекс",
}
_ABBREVIATIONS = {
    "ГК": "гражданск",
    "УПК": "уголовно-процессуальн",
    "ГПК": "гражданско-процессуальн",
}
_OTHER_CODE = re.compile(
    r"(?<![\w-])(?P<code>(?i:(?P<adj>"
    + "|".join(_OTHER_CODES)
    + r")(?:ый|ий|ой|ого|ому|ым|ом))\s+[Кк]одекс(?:а|у|ом|е)?"
    r"|(?P<abbr>УПК|ГПК|ГК(?!\s*[«\"„“])))(?![\w-])"
    rf"(?:\s+(?P<country>{_COUNTRY})(?![\w-]))?"
)
_CONSTITUTION = re.compile(r"(?<![\w-])[Кк]онституци(?:я|и|ю|ей|е)(?![\w-])")
# The constitution of one year («Конституции 2004 года») or of the country just named
# («Конституции страны»), and a country adjective before it («чешской конституции»).
_EDITION = re.compile(r"\s+(?:(?:в\s+редакции\s+)?\d{4}\s+года|страны)(?![\w-])")
_COUNTRY_ADJECTIVE = re.compile(r"(?<![\w-])[А-ЯЁа-яё]+ск(?:ая|ой|ую|ою)\s+$")
_LAW = re.compile(
    r"(?<![\w-])(?P<qualifier>(?:(?:[Фф]едеральн|[Кк]онституционн)\w+\s+)+)?"
    r"(?P<word>[Зз]акон(?:|а|у|ом|е|ы|ов|ам|ами|ах)"
    r"|[Зз]аконопроект(?:|а|у|ом|е|ы|ов|ам|ами|ах)|(?P<fz>ФЗ))(?![\w-])"
)
# What may stand between a law's word and its title, each making the phrase a designation
# of one act: its country («Закона Украины»), date («от 6 июля 2016 г.») and number («№
# 374-ФЗ», «N 244», «за номером 220666-6»).
_MONTHS = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_LAW_DATE = re.compile(
    rf"\s+от\s+(?:\d{{1,2}}\s+{_MONTHS}\s+|\d{{1,2}}\.\d{{1,2}}\.)?\d{{4}}(?:\s*(?:г\.|года)(?![\w]))?"
)
_LAW_NUMBER = re.compile(r"\s*(?P<number>(?:№|N)\s*\d[\w/.-]*\w|за\s+номером\s+\d[\d-]*\d)")
_LAW_COUNTRY = re.compile(r"\s+(?:СССР|Украины|Республики\s+Беларусь|Беларуси|Белоруссии)(?![\w-])")
_TITLE = re.compile(
    r"\s*(?:(?:№\s*[\w-]+|\d[\d-]*)\s*)?"
    r"(?:«(?P<title>[^«»\n]{3,200})»|„(?P<title2>[^„“\n]{3,200})“)"
)
# A title «О …» is also a mention of the law by itself («закон «О полиции»» → «О полиции»).
_SUBJECT_TITLE = re.compile(r"Об?\s")
_PLURAL = re.compile(r"(?:ы|ов|ам|ами|ах)$")
_SUBJECT = re.compile(r"\s+об?\s+")
# «закон о помиловании от 2006 года»: the year it was passed, as part of its name
_PASSED = re.compile(r"\s+от\s+\d{4}\s+года(?![\w])")
# A law named after a person («закона Яровой», «закон Димы Яковлева», «пакет Яровой»).
_NAMED_LAW = re.compile(
    r"(?<![\w-])(?:[Зз]акон(?:|а|у|ом|е)|[Зз]аконопроект(?:|а|у|ом|е)|[Пп]акет(?:|а|у|ом|е))"
    r"\s(?=[А-ЯЁ])"
)
# A code's abbreviation the tagger may take for an organization («поправки в ГК»)
_ABBREVIATION = re.compile(r"УК|УПК|ГПК|ГК|КоАП|КОАП")
_NAMES = {"CC": ("Уголовный кодекс", "Criminal Code"), "AC": ("КоАП", "Administrative Code")}


def add_laws(doc: DocumentContext, tokens_at: TokensAt) -> None:
    from pledgewatch.extract.mentions import _sentence_country

    places = {}
    for span in doc.spans:
        if span.type in ("country", "location"):
            places[span.start] = max(places.get(span.start, 0), span.end)
    for match in finditer(_CODE, doc.text):  # skipped where none of its words is
        kind = "CC" if match.group("cc") else "AC"
        country_text = match.group("country")
        country = _country(country_text) if country_text else None
        country = country or _sentence_country(doc, match.start())
        name = f"{_NAMES[kind][0]} ({country})" if country else _NAMES[kind][0]
        key = _entity(doc, name, country, kind)
        _add(doc, match.start(), match.end("code"), key)
        end = match.end() if country_text else _place_after(doc.text, match.end(), places)
        if end is not None:
            _add(doc, match.start(), end, key)  # «УК РФ», «УК Украины»
    for match in finditer(_OTHER_CODE, doc.text):  # skipped where none of its words is
        country_text = match.group("country")
        abbreviation = match.group("abbr")
        after = doc.text[match.end() : match.end() + 2].lstrip()
        if abbreviation == "ГК" and not country_text and after[:1].isupper():
            continue  # «ГК ПИК»: a group of companies
        stem = _ABBREVIATIONS.get(abbreviation) or match.group("adj").lower()
        country = _country(country_text) if country_text else None
        country = country or _sentence_country(doc, match.start())
        name = _OTHER_CODES[stem]
        key = _entity(doc, f"{name} ({country})" if country else name, country, stem)
        _add(doc, match.start(), match.end("code"), key)
        end = match.end() if country_text else _place_after(doc.text, match.end(), places)
        if end is not None:
            _add(doc, match.start(), end, key)  # «ГК РФ», «Налогового кодекса Украины»
    for match in finditer(_CONSTITUTION, doc.text):  # skipped where none of its words is
        end = match.end()
        after = _place_after(doc.text, end, places)
        country = _sentence_country(doc, match.start())
        key = _entity(doc, f"Конституция ({country})" if country else "Конституция", country)
        _add(doc, match.start(), end, key)
        if after is not None:
            _add(doc, match.start(), after, key)
        edition = _EDITION.match(doc.text, after or end)
        if edition:  # «Конституции 2004 года», «Конституции Украины в редакции 2004 года»
            _add(doc, match.start(), edition.end(), key)
        adjective = _COUNTRY_ADJECTIVE.search(doc.text, max(0, match.start() - 30), match.start())
        if adjective:  # «чешской конституции»
            _add(doc, adjective.start(), end, key)
    for match in finditer(_LAW, doc.text):  # skipped where none of its words is
        _add_law(doc, match, tokens_at, places)
    persons = {s.start: s.end for s in doc.spans if s.type == "person"}
    for match in finditer(_NAMED_LAW, doc.text):  # skipped where none of its words is
        end = persons.get(match.end())
        if end is not None and _genitive(tokens_at.get(match.end())):
            text = " ".join(doc.text[match.start() : end].split())
            _add(doc, match.start(), end, _entity(doc, text, _sentence_country(doc, end)))
    for match in finditer(_TREATY, doc.text):  # skipped where none of its words is
        _add_treaty(doc, match, tokens_at)
    for match in finditer(_DECREE, doc.text):  # skipped where none of its words is
        _add_decree(doc, match)
    for match in finditer(_ARTICLE_SUBJECT, doc.text):  # skipped where none of its words is
        _add_article_by_subject(doc, match, tokens_at)
    _add_article_references(doc)
    _add_article_of_bare_law(doc)


# A treaty, a convention or a declaration, by its word: named by its subject («договор об
# экстрадиции», «Конвенции о киберпреступности», «декларацию о независимости»), by the
# abbreviation of its subject («договор по СНВ», «договору СНВ», «соглашению СНВ»), by a
# capitalized adjective before it («Римского статута», «Киотскому протоколу», «Европейской
# конвенции по правам человека», «Рамочной конвенции ООН по изменению климата») or by two
# names («пакт Молотова-Риббентропа»). A bare «договор», «соглашение о создании …» (as
# often a contract) and «протокол» (as often a police report) name none.
_TREATY_FORMS = (
    r"[Дд]оговор(?:|а|у|ом|е|ы|ов)|[Кк]онвенци(?:я|и|ю|ей|е)|[Дд]екларац(?:ия|ии|ию|ией)"
    r"|[Пп]акт(?:|а|у|ом|е)|[Сс]оглашени(?:е|я|ю|ем|и)|[Сс]татут(?:|а|у|ом|е)"
    r"|[Пп]ротокол(?:|а|у|ом|е)"
)
_TREATY = re.compile(
    r"(?<![\w-])(?P<adjective>[А-ЯЁ][а-яё]+(?:ого|ому|ой|ую|ый|ий|ая|ым|ом|его|ему|ей|юю|яя|им|ем)\s+)?"
    rf"(?P<word>{_TREATY_FORMS})(?![\w-])"
)
# Words that name a treaty by their subject alone (not «соглашение», «статут», «протокол»)
_SUBJECT_TREATY = re.compile(r"[Дд]оговор|[Кк]онвенци|[Дд]екларац", re.IGNORECASE)
# «договор(у) (по|о) СНВ» (not the body of «Конвенции ООН …»), «пакт Молотова-Риббентропа»
_TREATY_ABBREVIATION = re.compile(r"\s+(?:(?:по|о)\s+)?(?!ООН)[А-ЯЁ]{3,}(?![\w-])")
# The subjects of a contract, not a treaty: «договор о покупке …», «о продаже», «о поставках»,
# «об аренде», «о займе», «о найме», «о переходе» (a player's)
_CONTRACT_SUBJECT = re.compile(
    r"\s+об?\s+(?:покупк|продаж|поставк|аренд|купл|приобретени|займ|кредит|найм|подряд"
    r"|переход|спонсорств|обслуживани)",
    re.IGNORECASE,
)
_TREATY_NAMES = re.compile(r"\s+[А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+(?![\w-])")
_TREATY_BODY = re.compile(r"\s+ООН(?![\w-])")
_TREATY_SUBJECT = re.compile(r"\s+(?:по|против)\s+")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*|\n\s*|[«\"„“(]\s*)$")


# A decree by its title: «Указ «О досрочном прекращении полномочий губернатора …»», the
# designation, is named as a whole; in «подписал указ «О …»» only the title names it.
_DECREE = re.compile(r"(?<![\w-])(?P<word>[Уу]каз(?:|а|у|ом|е))(?=\s*[«„])")


def _add_decree(doc: DocumentContext, match: re.Match) -> None:
    """A decree span (an ``instrument`` of kind ``decree``) named by its title «О …»."""
    title = _TITLE.match(doc.text, match.end())
    if title is None:
        return
    group = "title" if title.group("title") is not None else "title2"
    if not _SUBJECT_TITLE.match(title.group(group)):
        return
    name = " ".join(doc.text[match.start() : title.end()].split())
    key = _entity(doc, name, None, kind="decree")
    if match.group("word")[0].isupper():
        _add(doc, match.start(), title.end(), key)
    else:
        _add(doc, title.start(group), title.end(group), key)


def _capitalized_treaty(text: str, start: int) -> bool:
    """A treaty's word capitalized inside a sentence is its name: «после ратификации
    Конвенции», «со дня принятия Декларации независимости»."""
    return text[start].isupper() and not _SENTENCE_START.search(text, max(0, start - 3), start)


def _genitives_end(doc: DocumentContext, start: int, end: int, tokens_at: TokensAt) -> int:
    """Where the genitives after a treaty's word end: «Декларации независимости Соединенных
    Штатов»; ``end`` (the word's) when none follows or they name an organization («Римского
    статута Международного уголовного суда»: the court's, not the treaty's name)."""
    located = tokens_at.get(start)
    after = _complements_end(located[0], end, prepositions=0) if located else end
    if any(s.type == "organization" and end < s.start < after for s in doc.spans):
        return end
    return after


def _add_treaty(doc: DocumentContext, match: re.Match, tokens_at: TokensAt) -> None:
    """A treaty span (an ``instrument`` of kind ``treaty``): see :data:`_TREATY`."""
    text, start, end = doc.text, match.start("word"), match.end()
    adjective = match.group("adjective")
    if adjective and not _SENTENCE_START.search(text, max(0, match.start() - 3), match.start()):
        start = match.start()  # «Римского статута», not «Новый договор …» opening a sentence
        end = _named_treaty_end(doc, start, end, tokens_at)
    elif named := _TREATY_ABBREVIATION.match(text, end) or _TREATY_NAMES.match(text, end):
        end = named.end()
    elif _capitalized_treaty(text, start):
        end = _named_treaty_end(doc, start, end, tokens_at)
    elif _SUBJECT_TREATY.match(match.group("word")) and not _CONTRACT_SUBJECT.match(text, end):
        end = _subject_end(text, end, tokens_at)  # not «договор о покупке …», a contract
        if end is None:
            return
    else:
        return
    name = _treaty_name(text, start, match.end("word"), end, tokens_at)
    # no country: a treaty is not the law of the state the sentence names («Казахстан
    # ратифицировал Конвенцию против пыток»)
    _add(doc, start, end, _entity(doc, name, None, kind="treaty"))


def _treaty_name(text: str, start: int, word_end: int, end: int, tokens_at: TokensAt) -> str:
    """The treaty's name with its word (and the adjective before it) in the nominative,
    so the treaty is one entity however the sentence declines it: «Конвенцию против пыток»
    → «Конвенция против пыток», «Римского статута» → «Римский статут»."""
    rest = " ".join(text[word_end:end].split())
    located = tokens_at.get(start)
    head = [t for t in located[0][located[1] :] if t.end <= word_end] if located else []
    written = " ".join(text[start:word_end].split())
    words = nominative_phrase(head) if head else written
    return f"{words} {rest}" if rest else words


def _named_treaty_end(doc: DocumentContext, start: int, end: int, tokens_at: TokensAt) -> int:
    """Where a named treaty ends: its body («ООН») and its subject, after «о/об», «по» or
    «против» («Конвенции ООН против коррупции», «Европейской конвенции по правам
    человека»), or its genitives («Всеобщей декларации прав человека»)."""
    text = doc.text
    body = _TREATY_BODY.match(text, end)
    end = body.end() if body else end
    by = _TREATY_SUBJECT.match(text, end)
    subject = _phrase_end(by.end(), tokens_at) if by else _subject_end(text, end, tokens_at)
    return subject or _genitives_end(doc, start, end, tokens_at)


# An article reference right before a law or instrument: «ч. 7 ст. 105 Лесного кодекса»,
# «пунктом «д» статьи 83 Конституции», «42-й статьи Конституции», «шестой статьёй
# Конституции Пакистана», «ст. 1273 ч. 4 ГК». (References to the criminal and administrative
# codes are the provisions grammar's: ``grammars.provisions``.)
_ARTICLE_FORMS = r"стать(?:я|и|е|ю|ей|ёй)"
_ORDINAL = (
    r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ая|ой|ую|ою|ей|ья|ьей|ью)"
)
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:(?:под)?пункт(?:а|у|ом|е)?\s*(?:«[а-я]»|[а-я](?![\w])|\d+(?:\.\d+)*)"
    r"|пп?\.\s*(?:«[а-я]»|[а-я](?![\w])|\d+(?:\.\d+)*))\s*,?\s+)*"
    r"(?:(?:част(?:ь|и|ью)|ч\.)\s*\d+\s*,?\s+)?"
    rf"(?:(?:{_ARTICLE_FORMS}|ст\.)\s*\d+(?:\.\d+)?|\d+(?:-(?:я|й|ой|ая|ей|ю))?\s+{_ARTICLE_FORMS}"
    rf"|{_ORDINAL}\s+{_ARTICLE_FORMS}|(?:\d+-(?:я|й|ой|ая|ю)|{_ORDINAL})\s+част(?:ь|и|ью))"
    r"(?:\s*,?\s*(?:ч\.|част(?:ь|и|ью))\s*\d+)?\s+$",
    re.IGNORECASE,
)
# The keywords inside a reference that start a reference of their own, up to the article's
# («ч. 2 ст. 29 …» and «ст. 29 …» in «п. 1 ч. 2 ст. 29 …»; not «ч. 4 …» of «ст. 1273 ч. 4 …»)
_REFERENCE_KEYWORD = re.compile(
    r"(?<![\w.])(?:(?:под)?пункт(?:а|у|ом|е)?|пп?\.|част(?:ь|и|ью)|ч\.)\s*(?:«[а-я]»|[а-я](?![\w])|\d)"
    rf"|(?P<article>(?<![\w.])(?:{_ARTICLE_FORMS}|ст\.)\s*\d)",
    re.IGNORECASE,
)


def _add_article_references(doc: DocumentContext) -> None:
    """A ``legal_provision`` span (with no entity: no charge is built on it) from an article
    reference to the end of the law or instrument it is in, and one from each of its inner
    keywords («ст. 29 УПК России» in «п. 1 ч. 2 ст. 29 УПК России»)."""
    instruments = [s for s in doc.spans if s.type == "instrument"]
    provisions = [s for s in doc.spans if s.type == "legal_provision"]
    for span in instruments:
        if any(o.start == span.start and o.end > span.end for o in instruments):
            continue  # «Конституции» of «Конституции Российской Федерации»
        window = doc.text[max(0, span.start - 90) : span.start]
        if "ст" not in window.lower():
            continue
        reference = _ARTICLE_BEFORE.search(window)
        if reference is None:
            continue
        start = span.start - len(window) + reference.start()
        if any(p.start < span.start and start < p.end for p in provisions):
            continue  # a criminal code's article: the provisions grammar has it
        doc.add_span("legal_provision", start, span.end)
        for keyword in _REFERENCE_KEYWORD.finditer(doc.text, start, span.start):
            if keyword.start() > start:
                doc.add_span("legal_provision", keyword.start(), span.end)
            if keyword.group("article"):
                break


# A law's common noun alone after an article reference: the law just named («В статье 49
# кодекса говорится …», «касающейся второй статьи конвенции»).
_BARE_LAW = re.compile(
    r"(?<![\w-])(?:кодекс(?:а|у|ом|е)?|конвенци(?:и|ю|ей|е)|закона|закону|законом|законе)(?![\w-])"
)


def _add_article_of_bare_law(doc: DocumentContext) -> None:
    """A ``legal_provision`` span (with no entity) from an article reference to the bare
    law noun after it: «статье 49 кодекса», «второй статье конвенции»."""
    for match in finditer(_BARE_LAW, doc.text):  # skipped where none of its words is
        window = doc.text[max(0, match.start() - 90) : match.start()]
        if "ст" not in window.lower():
            continue
        reference = _ARTICLE_BEFORE.search(window)
        if reference is None:
            continue
        start = match.start() - len(window) + reference.start()
        if not any(
            s.type in ("legal_provision", "instrument") and s.start < match.end() and start < s.end
            for s in doc.spans
        ):
            doc.add_span("legal_provision", start, match.end())


# An article named by the offence it is about («по статье о клевете», «уголовной статьи о
# клевете», «статья об оскорблении чувств верующих появилась в Уголовном кодексе»); «в
# статье о пытках журналист пишет» is a newspaper's.
_ARTICLE_SUBJECT = re.compile(
    r"(?<![\w-])(?P<criminal>[Уу]головн(?:ая|ой|ую|ою)\s+)?[Сс]тать(?:я|и|е|ю|ей|ёй)(?=\s+об?\s)"
)
_UNDER = re.compile(r"(?<![\w-])(?:по|против)\s+$", re.IGNORECASE)
_LEGAL_WORDS = re.compile(r"(?<![\w-])(?:[Кк]одекс|УК(?![\w])|КоАП|[Уу]головн|[Зз]акон)")


def _add_article_by_subject(doc: DocumentContext, match: re.Match, tokens_at: TokensAt) -> None:
    end = _subject_end(doc.text, match.end(), tokens_at)
    if end is None:
        return
    subject = _SUBJECT.match(doc.text, match.end()).end()
    sentence = doc.sentences[doc.sentence_index(match.start())]
    legal = (
        match.group("criminal")
        or _UNDER.search(doc.text, max(0, match.start() - 10), match.start())
        or any(s.type == "crime" and s.start == subject for s in doc.spans)
        and _LEGAL_WORDS.search(doc.text, sentence[0], sentence[1])
    )
    if legal:
        doc.add_span("legal_provision", match.start(), end)


def _genitive(located) -> bool:
    """The token (from ``tokens_at``) is in the genitive: «закона Яровой», not «законе
    Президент заявил»."""
    if located is None:
        return False
    tokens, i = located
    return tokens[i].feats.get("Case") == "Gen"


def _place_after(text: str, end: int, places: dict[int, int]) -> int | None:
    """The end of the country or place named right after a law («Конституции Испании»,
    «Конституции штата Колорадо»)."""
    kind = _PLACE_KIND.match(text, end)
    if kind and kind.end() in places:
        return places[kind.end()]
    return places.get(end + 1) if text[end : end + 1] == " " else None


_PLACE_KIND = re.compile(r" (?:штата|города|провинции|области|республики|земли) ")


def tokens_at(analysis) -> TokensAt:
    """Token start offset -> (its sentence's tokens, its index), by ``get``."""
    return TokensAt(analysis)


class TokensAt:
    """The token that starts at an offset, with its sentence's tokens and its index: what
    a dict over every token of the text gives, looked up in the one sentence that holds
    the offset (the rules ask about a few offsets of a document, not about every token)."""

    def __init__(self, analysis) -> None:
        self._analysis = analysis
        self._by_sentence: dict[int, dict[int, tuple[list, int]]] = {}

    def get(self, offset: int) -> tuple[list, int] | None:
        sentence = self._analysis.sentence_at(offset)
        if sentence is None:
            return None
        starts = self._by_sentence.get(id(sentence))
        if starts is None:
            tokens = sentence.tokens
            starts = self._by_sentence[id(sentence)] = {
                token.start: (tokens, i) for i, token in enumerate(tokens)
            }
        return starts.get(offset)


def _add_law(doc: DocumentContext, match: re.Match, tokens_at: TokensAt, places: dict) -> None:
    """A law by its word («закон», «законопроект», «Федеральный закон», «ФЗ») and what
    names it: a designation (country, date, number) and a quoted title, or «о/об» and its
    subject. A plain «закон «О полиции»» is named by the title alone, as NEREL has it: the
    common noun before a title is no part of the name, unless the phrase is an official
    designation («Федерального закона «О банках…»», «Закона Украины «О …»», «Федеральный
    закон от 03.04.2017 № 53-ФЗ»)."""
    from pledgewatch.extract.mentions import _sentence_country

    text, pos = doc.text, match.end()
    qualifier = match.group("qualifier")
    designated = bool(qualifier and qualifier[0].isupper() or match.group("fz"))
    plural = match.group("word") and _PLURAL.search(match.group("word"))
    if _ARTICLE_BEFORE.search(text, max(0, match.start() - 90), match.start()):
        designated = True  # «ст. 19 Закона «О гражданстве»»: the law an article is of
    place = _place_after(text, pos, places)
    country = _LAW_COUNTRY.match(text, pos)
    if place is not None or country:
        pos, designated = place if place is not None else country.end(), True
    date = _LAW_DATE.match(text, pos)
    if date:
        pos, designated = date.end(), True
    number = _LAW_NUMBER.match(text, pos)
    if number:
        pos, designated = number.end(), True
    title = _TITLE.match(text, pos)
    passed = None
    if plural and (title or number):  # «законопроекты № 1039101-6 «О …» и № …»: several
        designated, number, date = False, None, None
    if title:
        end = title.end()
    elif number:
        end = pos
    elif pos == match.end():
        end = _subject_end(text, pos, tokens_at)
        passed = _PASSED.match(text, end) if end is not None else None
    else:
        end = None
    if end is None:
        return
    name = _nominative(" ".join(text[match.start() : end].split()))
    key = _entity(doc, name, _sentence_country(doc, match.start()))
    group = ("title" if title.group("title") is not None else "title2") if title else None
    subject_title = bool(title and _SUBJECT_TITLE.match(title.group(group)))
    if designated or not subject_title:
        _add(doc, match.start(), end, key)
    if subject_title:  # without an ellipsis that cuts it short («…азартных игр…»)
        title_end = (
            title.end(group) - len(title.group(group)) + len(title.group(group).rstrip(".…"))
        )
        _add(doc, title.start(group), title_end, key)
    if number and date:  # «№ 53-ФЗ» of «Федеральный закон от 03.04.2017 № 53-ФЗ»
        _add(doc, number.start("number"), number.end("number"), key)
    if passed:
        _add(doc, match.start(), passed.end(), key)


# The head of a law's name in an oblique case: its qualifiers and its word («Федерального
# закона», «законопроектов»); what follows depends on the head and keeps its case.
_OBLIQUE_HEAD = re.compile(
    r"^(?P<qualifier>(?:(?:[Фф]едеральн|[Кк]онституционн)\w+\s+)*)"
    r"(?P<word>[Зз]акон(?:опроект)?)(?P<ending>\w*)(?![\w-])"
)


def _nominative(name: str) -> str:
    """The name of a law with its head in the nominative, so the law is one entity however
    the sentence declines it: «Закона о мирных собраниях» → «Закон о мирных собраниях»,
    «Федерального закона «О банках»» → «Федеральный закон «О банках»», «законопроектов о
    …» → «законопроекты о …»."""
    head = _OBLIQUE_HEAD.match(name)
    if head is None:
        return name
    plural = head.group("ending") in ("ы", "ов", "ам", "ами", "ах")
    qualifiers = [
        re.sub(r"(?<=льн|онн)\w+$", "ые" if plural else "ый", word)
        for word in head.group("qualifier").split()
    ]
    word = head.group("word") + ("ы" if plural else "")
    return " ".join([*qualifiers, word]) + name[head.end() :]


def _subject_end(text: str, end: int, tokens_at: TokensAt) -> int | None:
    """Where a law's subject ends: «о/об» and a noun phrase with its complements."""
    subject = _SUBJECT.match(text, end)
    if subject is None:
        return None
    return _phrase_end(subject.end(), tokens_at)


def _phrase_end(start: int, tokens_at: TokensAt) -> int | None:
    """Where the noun phrase at ``start`` ends with its complements: «повышении пенсионного
    возраста», «правам человека», «НКО»."""
    from pledgewatch.extract.crimes import _phrase

    located = tokens_at.get(start)
    if located is None:
        return None
    tokens, i = located
    if i + 2 < len(tokens) and tokens[i].pos == "ADJ" and tokens[i + 1].text == "и":
        if tokens[i + 2].pos == "ADJ":  # «о гражданских и политических правах»
            i += 2
    head, phrase_end = _phrase(tokens, i)
    if head is None:  # a name: «закон об НКО», «закон о Следственном комитете»
        head, phrase_end = _name_phrase(tokens, i)
    if head is None:
        return None
    return _complements_end(tokens, phrase_end)


# Prepositions that open a complement of a law's subject («о слежке за абонентами», «о
# нормализации торговых отношений с Россией», «о сносе домов в Москве»).
_LAW_PREPOSITIONS = frozenset({"за", "с", "на", "в", "по", "для", "против", "от", "к"})


def _complements_end(tokens: list, end: int, prepositions: int = 2) -> int:
    """Where a law's subject ends once its complements are taken in: genitives, proper
    names included («о возвращении Конституции Украины»), and up to ``prepositions``
    prepositional phrases."""
    from pledgewatch.extract.crimes import _phrase

    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    allowed, prepositions = prepositions, 0
    while k < len(tokens):
        token = tokens[k]
        if token.pos in ("NOUN", "PROPN", "ADJ") and token.feats.get("Case") == "Gen":
            end, k = (token.end if token.pos != "ADJ" else end), k + 1
            continue
        if token.text in _LAW_PREPOSITIONS and prepositions < allowed and k + 1 < len(tokens):
            head, sub_end = _phrase(tokens, k + 1)
            if head is None:  # a name: «в Российской Федерации», «в Консультативный совет»
                head, sub_end = _name_phrase(tokens, k + 1)
            if head is not None:
                end, prepositions = sub_end, prepositions + 1
                k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
                continue
        break
    return end


def _name_phrase(tokens: list, i: int) -> tuple[int | None, int]:
    """A capitalized noun phrase from token ``i``: adjectives in words and its noun."""
    j = i
    while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].text.isalpha():
        j += 1
    if j < len(tokens) and tokens[j].pos in ("NOUN", "PROPN") and tokens[i].text[:1].isupper():
        return j, tokens[j].end
    return None, 0


def _country(text: str) -> str | None:
    for code, body in COUNTRIES.items():
        if re.fullmatch(body, text, re.IGNORECASE):
            return code
    return None


def _entity(
    doc: DocumentContext, name: str, country: str | None, code: str = "", kind: str = "law"
) -> str:
    return doc.add_entity(
        EntityDraft(
            f"instrument:{kind}:{country or '-'}:{code or match_key(name)}",
            "instrument",
            name,
            country,
            attributes={"kind": kind},
        )
    )


def _reference(doc: DocumentContext, span) -> bool:
    entity = doc.entity(span.entity)
    return entity is None or entity.ref is not None


def _add(doc: DocumentContext, start: int, end: int, key: str) -> None:
    for span in doc.spans:
        if (
            span.type == "instrument"
            and span.entity != key
            and span.start < end
            and start < span.end
            and (_reference(doc, span) or not start <= span.start <= span.end <= end)
        ):
            return  # a reference instrument is named here, or another law across this one
        if span.type in ("person", "organization") and span.start <= start and end <= span.end:
            if not _ABBREVIATION.fullmatch(doc.text, start, end) or (span.start, span.end) != (
                start,
                end,
            ):
                return  # part of a name («Конституционный суд»)
    doc.add_span("instrument", start, end, key)
