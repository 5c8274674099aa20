"""Mentions: people, organizations, places, legal provisions, instruments, and the typed
spans (profession, crime, penalty, date) the fact rules are built from.

Russian names come from natasha's NER, corrected where it is known to err (a bracketed
acronym swallowed into an organization, a summit tagged as an organization, generic words
such as СМИ tagged as organizations). Organizations, countries and instruments of the
reference data are also found by their names and aliases in any language, and English
person names by capitalised-name patterns checked against names already known.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container
from functools import cache

from pledgewatch import refdata
from pledgewatch.extract.crimes import out_of_charge_context
from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.countries import country_code as world_country_code
from pledgewatch.extract.grammars.countries import country_name as world_country_name
from pledgewatch.extract.grammars.countries import find_country_adjectives, find_country_names
from pledgewatch.extract.grammars.dates import find_date_mentions
from pledgewatch.extract.grammars.numbers import (
    case_sensitive,
    finditer,
    folded,
    lowered,
    may_match,
)
from pledgewatch.extract.grammars.offences import find_offences
from pledgewatch.extract.grammars.penalties import find_penalties
from pledgewatch.extract.grammars.places import find_city_adjectives
from pledgewatch.extract.grammars.professions import (
    acting_start,
    complement_end,
    coordinated_complement_end,
    find_professions,
    genitive_complement_end,
    honorary_title,
    is_title_word,
    noun_after_adjective_end,
    ordinal_complement_end,
    see_end,
)
from pledgewatch.extract.grammars.provisions import find_provision_refs
from pledgewatch.extract.grammars.triggers import EVENT_WORDS, GENERIC_ORGS, ROLE_WORDS
from pledgewatch.extract.nlp import Analysis, nominative_phrase
from pledgewatch.extract.organizations import (
    bracketed_names,
    leading_non_name,
    outer_quotes,
    quoted_name,
    reference_organization,
)
from pledgewatch.extract.persons import (
    STRAY_TAIL,
    add_first_names,
    add_namesakes,
    add_repeated_persons,
    initials_fit,
    is_common_word,
    is_leading_non_name,
    is_leading_person_noun,
    is_see_adjective,
    joins_split_name,
    latin_spelling_after,
    locative_misread,
    quoted_alone,
    sentence_initial,
    titled_entity,
)
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.names import (
    english_name_candidates,
    morph,
    name_key,
    normalize_person_name,
    surname_key,
)
from pledgewatch.resolve.translit import cyr_to_lat, match_key

# A callable the caller provides to recognise names already in the database:
# match key of a full name -> (canonical name, country) or None.
KnownNames = Callable[[str], tuple[str, str | None] | None]

_QUOTES = "«»„“”\"'"
_BRACKETED = re.compile(r"\(\s*([^()]+?)\s*\)")
_TURKIC_PATRONYMIC = re.compile(r"\s+(кызы|уулу|улы|ұлы|қызы|оглы|угли|огли)\b")
_EXCLAIMED_TAIL = re.compile(r",\s*[A-ZА-ЯЁ][\w-]+!")


def person_key(name: str) -> str:
    return f"person:{name_key(name)}"


# --- persons -------------------------------------------------------------------------------


def add_russian_persons(doc: DocumentContext, analysis: Analysis) -> None:
    """Full names first, so that a surname alone later in the text joins its full name."""
    full, partial = [], []
    for span in _joined_names(doc.text, analysis.spans):
        particle = _TURKIC_PATRONYMIC.match(doc.text, span.end)
        if particle:  # natasha leaves out «кызы» of «Махабат Тажибек кызы»
            span = type(span)(
                span.type, span.start, particle.end(), doc.text[span.start : particle.end()]
            )
        bracket = span.text.find("(")
        if bracket > 0:  # «Модибо Сидибе (Modibo Sidibe)»: the name and its Latin spelling
            cut = span.text[:bracket].rstrip()
            span = type(span)(span.type, span.start, span.start + len(cut), cut)
        # in natasha's span («Карсона Ёнга (Carson Yeung» of «(Carson Yeung, также …)») or
        # right after it
        latin = latin_spelling_after(doc.text, span.end)
        cut = span.text.rstrip(STRAY_TAIL)  # «Тим Томас)», «Ратко Младич'»
        if cut != span.text and cut:
            span = type(span)(span.type, span.start, span.start + len(cut), cut)
        if quoted_alone(doc.text, span.start, span.end):
            continue  # «станции метро «Войковская»», «форвард «Реала»»
        tokens = _span_tokens(analysis, span)
        while len(tokens) > 1 and (
            is_title_word(tokens[0].text)  # «Принц Филипп»
            or is_leading_non_name(tokens[0].text)  # «Сама Тэтчер»
            or is_leading_person_noun(doc.text, span.start, tokens[0].text, tokens[1].text)
            or is_see_adjective(doc.text, span.start, tokens[0].text)  # «Русенский Неофит»
        ):
            tokens = tokens[1:]
            span = type(span)(
                span.type, tokens[0].start, span.end, doc.text[tokens[0].start : span.end]
            )
        words = [t for t in tokens if t.text[:1].isalpha()]
        (full if len(words) >= 2 else partial).append((span, tokens, latin))

    surnames: dict[str, str] = {}
    first_names: dict[str, str] = {}
    named = [
        (_person_name(doc, analysis, span, tokens), span, latin) for span, tokens, latin in full
    ]
    named.sort(key=lambda item: item[0].first is None)  # «Д. Громов» after «Дмитрий Громов»
    for person, span, latin in named:
        if not (person.last or person.patronymic):  # «Махабат Тажибек кызы» has no surname
            continue
        known = surnames.get(surname_key(person))
        if known and initials_fit(person, doc.entity(known).name):
            doc.add_span("person", span.start, span.end, known)
            continue
        country = _sentence_country(doc, span.start)
        aliases = [cyr_to_lat(person.full)]
        if latin and doc.text[latin[0] : latin[1]] not in aliases:
            aliases.append(doc.text[latin[0] : latin[1]])
        key = doc.add_entity(
            EntityDraft(person_key(person.full), "person", person.full, country, aliases=aliases)
        )
        doc.add_span("person", span.start, span.end, key)
        if latin:
            doc.add_span("person", *latin, key)
        surnames.setdefault(surname_key(person), key)
        if person.first:
            first_names.setdefault(name_key(person.first), key)

    # A one-word name: the document's full-name person with that surname (or first name),
    # else a person of its own when the word is a surname or a single name («Мугабе»,
    # «Акихито»); a bare first name nobody in the document has is a mention without an
    # entity (one would merge unrelated people across documents).
    for span, tokens, latin in partial:
        if len(span.text.strip(".")) < 2 or is_title_word(span.text):
            continue  # «братья Х.»: an initial is no name, «Президент» a title
        if doc.covered(span.start, span.end, ("country",)):
            continue  # «Свазиленда»
        person = _person_name(doc, None, span, tokens)
        word = match_key(span.text)
        key = surnames.get(surname_key(person)) if person.last else None
        key = key or surnames.get(word) or first_names.get(word)
        if key is None and person.first:
            key = first_names.get(name_key(person.first))
        if key is None and sentence_initial(doc.text, span.start) and is_common_word(span.text):
            continue  # «Скриншот» under a picture; mid-sentence «Мадонна» is a name
        if key is None and tokens and tokens[0].feats.get("Number") == "Plur":
            continue  # «семья Скрипалей» is a family
        if key is None and person.first and not person.last:
            key = _titled_person(doc, span.start, person.first)
        if key is None and person.last and not person.first:
            country = _sentence_country(doc, span.start)
            key = doc.add_entity(
                EntityDraft(
                    person_key(person.full),
                    "person",
                    person.full,
                    country,
                    aliases=[cyr_to_lat(person.full)],
                )
            )
        doc.add_span("person", span.start, span.end, key)
        if latin and _ONE_NAME.fullmatch(span.text):  # «Юнас (Jonas)», not «Пикадилли-сёркус»
            doc.add_span("person", *latin, key)
    add_repeated_persons(doc)
    add_first_names(doc)
    add_namesakes(doc)


# One name, each part capitalised («Юнас», «ТиДжей», «Ким-Чен»).
_ONE_NAME = re.compile(r"[А-ЯЁ][А-ЯЁа-яё]*(?:-[А-ЯЁ][А-ЯЁа-яё]*)*")


def _joined_names(text: str, spans: list) -> list:
    """The tagger's person names, a full name it cut in two joined again («Айдар
    Наилевич Губайдулин» from «Айдар» and «Наилевич Губайдулин»)."""
    out: list = []
    for span in spans:
        if span.type != "PER":
            continue
        if out and joins_split_name(text, (out[-1].start, out[-1].end), (span.start, span.end)):
            first = out.pop()
            span = type(span)(span.type, first.start, span.end, text[first.start : span.end])
        out.append(span)
    return out


def _person_name(doc: DocumentContext, analysis: Analysis | None, span, tokens: list):
    """The nominative of a name the tagger found, in the case of a noun it stands in
    apposition to (``analysis`` given, for a full name); a surname in «-е» with no
    preposition before it is no locative («Модибо Сидибе», «Мугабе»)."""
    feats = [t.feats for t in tokens]
    case = _apposition_case(analysis, span.start) if analysis else None
    person = normalize_person_name(span.text, feats, case_hint=case)
    if locative_misread(doc.text, span.start, span.text, person):
        person = normalize_person_name(span.text, feats, case_hint="nomn")
    return person


# Titles a royal, a monarch or a cleric is named with by a first name alone («патриарх
# Кирилл», «принц Гарри», «Папа Франциск», «Папа римский Лукас»). Not those that are
# also names or surnames («Королева», «Султан», «Эмир», «Шейх»): «Королева Елизавета» may
# be Elizaveta Koroleva; a queen in lower case is one («королевы Мадины»).
_TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:(?i:(?:крон)?принц(?:есс)?|цариц|императриц|патриарх|митрополит"
    r"|архиепископ|епископ|архимандрит|игумен|иеромонах|герцог(?:ин)?|княгин|кардинал)"
    r"|королев)[а-яё]{0,3}"
    r"|(?i:пап[а-яё]{0,3}(?:\s+римск[а-яё]{2,3})?)"
    r"|(?i:император|корол|цар|княз)(?:ь|я|ю|[её]м|е|а|у|ом)?)\s+$"
)


def _titled_person(doc: DocumentContext, start: int, first: str) -> str | None:
    """A person named by a first name after a title of their own: an entity named with the
    title («Патриарх Кирилл»), so it stays apart from other people with that first name
    across documents. None without such a title (a bare first name is no entity)."""
    title = _TITLE_BEFORE.search(doc.text, max(0, start - 20), start)
    if title is None:
        return None
    lemma = morph().parse(title.group().split()[0].lower())[0].normal_form
    return titled_entity(doc, lemma, first)


# Words around a name that say it is a person: "to release Nurgeldi Halykov",
# "Nurgeldi Halykov was sentenced".
_EN_PERSON_BEFORE = re.compile(
    r"\b(release|free|freeing|releasing|detain(ed)?|arrest(ed)?|sentenced|convicted|"
    r"jailed|charged|acquitted|pardoned|defend(ed)?|represent(ed|s)?)\s+$",
    re.I,
)
_EN_PERSON_AFTER = re.compile(
    r",?\s+(who\s+)?(was|were|has been|had been|is|is being)\s+(detained|arrested|sentenced|"
    r"released|freed|charged|convicted|jailed|acquitted|pardoned|summoned|fined|placed)\b",
    re.I,
)

# English organization names that are not in the reference data: a run of capitalised
# words ending in a word that names an organization ("Steppe Media Watch").
_EN_ORGANIZATION = re.compile(
    r"\b((?:[A-Z][\w'’&-]+\s+){0,5}(?:Watch|Committee|Foundation|Fund|Centre|Center|Bureau|"
    r"Network|Union|Institute|Association|Initiative|Coalition|Council|Movement|Party|"
    r"Society|Alliance|Federation|Partnership|Service|Agency|Court|Ministry|Office))\b"
)
_EN_ORG_LEADING = {"The", "A", "An", "On", "In", "At", "By", "For", "From", "Its", "Their"}


def add_english_organizations(doc: DocumentContext) -> None:
    for match in _EN_ORGANIZATION.finditer(doc.text):
        start, end = match.span(1)
        words = doc.text[start:end].split()
        while words and words[0] in _EN_ORG_LEADING:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or doc.covered(start, end, ("organization", "country", "location")):
            continue
        name = " ".join(words)
        key = doc.add_entity(EntityDraft(f"organization:{match_key(name)}", "organization", name))
        doc.add_span("organization", start, end, key)


def add_english_persons(doc: DocumentContext, known: KnownNames | None) -> None:
    """Capitalised name sequences, kept when the name is already known (in any script)
    or a role word stands right before it ("activist Aigerim Tleuzhan")."""
    role_words = ROLE_WORDS["en"].values()
    surnames: dict[str, str] = {}
    for start, end, name in english_name_candidates(doc.text):
        if doc.covered(start, end, ("organization", "country", "location", "instrument")):
            continue
        key_text = name_key(name)
        found = known(key_text) if known else None
        before = doc.text[max(0, start - 60) : start]
        has_role = any(p.search(before[-40:]) for p in role_words)
        in_event = _EN_PERSON_BEFORE.search(before) or _EN_PERSON_AFTER.match(doc.text, end)
        if found is None and not has_role and not in_event:
            continue
        canonical, country = found if found else (name, None)
        country = country or _sentence_country(doc, start)
        aliases = [name] if name != canonical else []
        key = doc.add_entity(
            EntityDraft(person_key(canonical), "person", canonical, country, aliases=aliases)
        )
        doc.add_span("person", start, end, key)
        surnames.setdefault(surname_key(name), key)
    # a surname alone later on ("Zhylanbayev was ...")
    for match in re.finditer(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", doc.text):
        key = surnames.get(surname_key(match.group()))
        if key and not doc.covered(match.start(), match.end(), ("person",)):
            doc.add_span("person", match.start(), match.end(), key)


# --- organizations -------------------------------------------------------------------------


def add_russian_organizations(doc: DocumentContext, analysis: Analysis) -> None:
    for span in analysis.spans:
        if span.type != "ORG":
            continue
        start, end, text = span.start, span.end, span.text
        exclaimed = _EXCLAIMED_TAIL.match(doc.text, end)
        if exclaimed:  # natasha stops «Oyan, Qazaqstan!» at the comma
            end = exclaimed.end()
            text = doc.text[start:end]
        if EVENT_WORDS.search(doc.text[max(0, start - 12) : start]):
            continue  # «саммит «ЕС – Центральная Азия»» is an event, not an organization
        bracket = bracketed_names(text)
        name_end, bracketed, acronym = bracket or (len(text), [], None)
        end, text = start + name_end, text[:name_end]
        if text.endswith(".") and not re.search(r"(?<![\w-])\w{1,3}\.$", text):
            end, text = end - 1, text[:-1]  # «в Колумбийском университете.», «Би-би-си.»
        if text.endswith(")") and "(" not in text:
            end, text = end - 1, text[:-1]  # the closing bracket of a Latin name in brackets
        if not doc.text[start - 1 : start] or doc.text[start - 1] not in _QUOTES:
            lead = leading_non_name(text)  # «Флаг ИГИЛ», not the title «Доктор Кто»
            start, text = start + lead, text[lead:]
            if not text:
                continue
        if (
            _NOT_ORGANIZATION.fullmatch(text)
            or _FACILITY.match(text)
            or _TITLE_CUE.search(doc.text, max(0, start - _TITLE_WINDOW), start)
        ):
            continue  # a platform or the title of a film, album, cinema, brand
        if _is_generic(text) or doc.covered(start, end, ("organization", "instrument")):
            continue
        kind = _ORGANIZATION_KIND_BEFORE.search(doc.text, max(0, start - 60), start)
        if kind and doc.text[start - 1 : start] == "«" and text.count("«") <= text.count("»"):
            # «Правозащитный центр «Жолдас»»: natasha tags only the quoted name
            quoted_end = doc.text.find("»", end - 1)
            if quoted_end != -1 and quoted_end - end < 3:
                start, end = kind.start(), quoted_end + 1
                text = doc.text[start:end]
        start, end, quoted = _name_inside_quotes(doc, start, end)
        text = doc.text[start:end]
        tokens = [t for t in _span_tokens(analysis, span) if start <= t.start and t.end <= end]
        if kind and start < span.start:
            tokens = [
                t for s in analysis.sentences for t in s.tokens if start <= t.start and t.end <= end
            ]
        fixed = exclaimed or quoted or not tokens
        nominative = text if fixed else nominative_phrase(tokens)
        key = _organization_entity(doc, text, acronym, nominative)
        if key is None:
            continue
        doc.add_span("organization", start, end, key)
        for b_start, b_end in bracketed:  # «ХДС (Христианско-демократический союз)»
            doc.add_span("organization", span.start + b_start, span.start + b_end, key)
    add_quoted_organizations(doc, analysis)
    add_platform_companies(doc)


# A platform named as the company that runs it: «компании Twitter», «стартап Reddit»
# (not «написал в Twitter», where it is the product: :data:`_NOT_ORGANIZATION`).
_PLATFORM_COMPANY = re.compile(
    r"(?<![\w-])(?:[Кк]омпани(?:я|и|ю|ей)|[Сс]тартап(?:|а|у|ом|е))\s+[«\"]?"
    r"(?P<name>Twitter|Telegram|Tumblr|Reddit|eBay|Instagram|YouTube|WhatsApp|Skype|TikTok"
    r"|Weibo|WeChat|Тв[иі]ттер(?:|а|у|ом|е)|В[Кк]онтакте)(?![\w-])"
)


def add_platform_companies(doc: DocumentContext) -> None:
    """A social network or messenger after «компания» or «стартап» is the company: the
    organization that is fined, blocked or sold («штраф в отношении компании Twitter»)."""
    for match in finditer(_PLATFORM_COMPANY, doc.text):  # none without «омпани», «тартап»
        start, end = match.span("name")
        if doc.covered(start, end, ("organization", "person")):
            continue
        name = match.group("name")
        key = _organization_entity(doc, name, None, name)
        if key is not None:
            doc.add_span("organization", start, end, key)


# A word for a kind of organization, then its name in quotes: «газеты ''Newsday''»,
# «фонда «Свобода»», «телеканал "Аль-Джазира"», «группы «Кино»» (a band).
_KIND_QUOTED = re.compile(
    r"(?<![\w-])(?:газет|журнал|издани|агентств|телеканал|радиостанци|компани|банк|клуб|концерн"
    r"|холдинг|парти|движени|организаци|группировк|групп|фонд)\w*\s+(?:«|''|\"|„)"
    r"(?P<name>[^«»\"'“”\n]{2,60}?)(?:»|''|\"|“)",
    re.IGNORECASE,
)


# A Latin name in double apostrophes (wiki markup for italics), which a Russian news text
# gives to companies, media, bands and teams («сообщает ''Wall Street Journal''», «главы
# ''Samsung''»); titles of songs and films are told apart by the word before them
# (:data:`_TITLE_CUE`), and a translation after «англ.» is no name of its own.
_NOT_LATIN_ORGANIZATION = ("organization", "instrument", "person", "country", "location")
_LATIN_QUOTED = re.compile(
    r"''(?P<name>[A-Z][\w&.!’'-]*(?: (?:[A-Z0-9][\w&.!’'-]*|of|de|del|du|der|and|for|la|le|y|&))*)''",
    re.ASCII,
)
_GLOSS = re.compile(r"(?:англ|исп|фр|нем|итал|лат|порт)\.\s*$")


def add_quoted_organizations(doc: DocumentContext, analysis: Analysis) -> None:
    """Quoted names after a word for their kind that natasha missed, and Latin names in
    double apostrophes that natasha did not take for a person's."""
    persons = [(s.start, s.end) for s in analysis.spans if s.type == "PER"]
    for match in _LATIN_QUOTED.finditer(doc.text):
        start, end = match.span("name")
        name = match.group("name").strip()
        if doc.covered(start, end, _NOT_LATIN_ORGANIZATION) or _NOT_ORGANIZATION.fullmatch(name):
            continue
        if any(a < end and start < b for a, b in persons):
            continue
        if _TITLE_CUE.search(doc.text, max(0, start - _TITLE_WINDOW), start) or _GLOSS.search(
            doc.text, max(0, start - 10), match.start()
        ):
            continue
        key = _organization_entity(doc, name, None, name)
        if key is not None:
            doc.add_span("organization", start, end, key)
    for match in _KIND_QUOTED.finditer(doc.text):
        raw, (start, end) = match.group("name"), match.span("name")
        name = raw.strip()  # «фонда « Свобода »»: the span without the spaces
        if not name:
            continue
        start, end = start + len(raw) - len(raw.lstrip()), end - len(raw) + len(raw.rstrip())
        if doc.covered(start, end, ("organization", "instrument", "person")):
            continue
        if _TITLE_CUE.search(doc.text, max(0, start - _TITLE_WINDOW), start):
            continue
        key = _organization_entity(doc, name, None, name)
        if key is not None:
            doc.add_span("organization", start, end, key)


def _name_inside_quotes(doc: DocumentContext, start: int, end: int) -> tuple[int, int, bool]:
    """The span of the name itself: the quoted part after a lower-case kind or legal form
    («партии «Единая Россия»» -> «Единая Россия», which stays as written), else the span
    without unpaired outer quotes. The flag says the name is quoted."""
    text = doc.text[start:end]
    if doc.text[end : end + 1] in ("»", '"', "“", "”"):
        text += doc.text[end]  # natasha stopped before the closing quote
    quoted = quoted_name(text)
    if quoted is not None:
        return start + quoted[0], start + quoted[1], True
    head, tail = outer_quotes(doc.text[start:end])
    return start + head, end - tail, False


# The kind of organization before a quoted name, with the adjective that makes it part of
# the name: «Правозащитный центр «Жолдас»» (not «Член партии «Ак Жол»»).
_ORGANIZATION_KIND_BEFORE = re.compile(
    r"(?:[А-ЯЁ][\w-]*(?:ый|ий|ой|ая|ое|ые|ие|ого|ому|ым|им|ом|ую)\s+)?"
    r"(?:[Цц]ентр|[Фф]онд|[Дд]вижени|[Пп]арти|[Оо]бъединени|[Бб]юро|"
    r"[Аа]ссоциаци|[Сс]оюз(?!ник)|[Аа]льянс|[Ии]нститут)\w*\s*«$"
)
# Names natasha tags as organizations that NEREL does not: web platforms and the Internet.
_NOT_ORGANIZATION = re.compile(
    r"(?:YouTube|Instagram|Tumblr|Weibo|WeChat|TikTok|Интернет\w*|[Тт]в[иі]ттер\w*|Википеди\w+"
    r"|МКС|Сети|Сеть|Twitter|Telegram|WhatsApp|iTunes|Skype|Reddit|eBay|В[Кк]онтакте|ВК"
    r"|COVID-19|Covid-19"  # a disease natasha takes for a name
    r"|Новичо?к(?:|а|у|ом|е))",  # the nerve agent («отравлены «Новичком»»)
)
# Buildings and places natasha tags as organizations («Исаакиевский собор», «Саяно-Шушенской
# ГЭС», «Братском кладбище», «Боткинской больнице»): a facility word among the first three
# words, or a plant acronym.
_FACILITY = re.compile(
    r"(?:\S+\s+){0,2}(?:[Сс]обор|[Хх]рам|[Кк]ладбищ|[Дд]вор(?:ец|ц)|[Аа]эропорт|[Вв]окзал"
    r"|[Сс]тадион|[Пп]лощад|[Уу]лиц|[Пп]роспект|[Бб]ашн|[Мм]ост\b|[Дд]ом\w* [Кк]ультуры"
    r"|[Зз]ал(?:|а|е|у|ом)\b|\w+-холл|[Пп]арк\b|[Пп]арке\b|[Аа]рен|[Зз]ам(?:ок|к)"
    r"|космическ\w+ станци|[Бб]ольниц|[Гг]оспитал|[Кк]линик|[Мм]ечет|[Оо]тел[ьяюе])\w*.*"
    r"|.*\b(?:ГЭС|АЭС|ТЭЦ|ВДНХ)",
    re.DOTALL,
)
# Quoted names after a word that says they are a title, a venue, a place, a vessel, an award
# or an event, not an organization («в кинотеатрах «Звезда», «Космос» и «Юность»», «под
# торговыми марками «Раундап»», «на стадионе «Лужники»», «отеля «Премьер-палас»», «эсминцем
# «Опытный»», «премии «Эмми»», «турнира «Кубок Кремля»»).
_TITLE_CUE = re.compile(
    r"(?:(?:кинотеатр|марк|альбом|сингл|песн|фильм|картин|спектакл|истребител|самол[её]т|"
    r"книг|роман|клип|шоу|сериал|передач|программ|фестивал)\w*"
    r"|(?<![\w-])(?:стадион|отел|гостиниц|торгов\w+ (?:центр|комплекс)|аэропорт|космодром"
    r"|станци|эсминц|крейсер|корабл|судн|лайнер|яхт|парк|преми|наград|турнир|конкурс"
    r"|лент|вертол[её]т|автомобил|сочинени|произведени|стихотворени|поэм|повест|пьес"
    r"|хранилищ|телецентр|спортивн\w+ (?:центр|комплекс))[а-яё]*)"
    # what may stand between the word and the list: «картины, как «…»», «кинотеатрах сети
    # «Москино»: «…»», «песню] ''…''»
    r"(?:,?\s*(?:таки[ехм]\s+)?как|(?:(?:\s+[а-яё]+){1,2}\s+[«\"][^«»\"\n]{1,30}[»\"])?:|\])?\s*"
    r"(?:(?:[«\"]|'')[^«»\"\n]{1,40}(?:[»\"]|'')\s*(?:,|и)\s*)*(?:[«\"]|'')$",
)
# How far before a quoted name its title word is looked for: a list of titles is long.
_TITLE_WINDOW = 250


def _is_generic(text: str) -> bool:
    folded = text.strip(_QUOTES + " ").lower()
    return folded in GENERIC_ORGS or len(folded) < 2


def _organization_entity(
    doc: DocumentContext, text: str, acronym: str | None, nominative: str
) -> str | None:
    known = (
        refdata.organization_by_alias(text)
        or refdata.organization_by_alias(nominative)
        or (refdata.organization_by_alias(acronym) if acronym else None)
    )
    if known is not None:
        return reference_organization(doc, known)
    name = nominative.strip(" ")
    if name.count("«") != name.count("»"):
        name = text
    name = name.strip(" ")
    if not name:
        return None
    # the span ends before the closing quote (as NEREL spans it), the name does not
    # («Фонд «Степной вестник» потребовал»: the foundation is «Фонд «Степной вестник»»)
    name += "»" * (name.count("«") - name.count("»"))
    attributes = {"acronym": acronym} if acronym else {}
    aliases = [acronym] if acronym else []
    return doc.add_entity(
        EntityDraft(
            f"organization:{match_key(name)}",
            "organization",
            name,
            None,
            aliases=aliases,
            attributes=attributes,
        )
    )


def add_gazetteer_organizations(doc: DocumentContext) -> None:
    """Reference organizations named anywhere in the text, in any language."""
    pattern, by_alias = _organization_gazetteer()
    # the lower-cased copy with a case-sensitive pattern: re scans it several times faster
    # than the text with an IGNORECASE one, with the same matches
    for match in pattern.finditer(lowered(doc.text)):
        start, end = match.span(1)
        if doc.covered(start, end, ("organization",)):
            continue
        org = by_alias[_fold(doc.text[start:end])]
        doc.add_span("organization", start, end, reference_organization(doc, org))


@cache
def _organization_gazetteer():
    by_alias = {}
    for org in refdata.organizations():
        names = [org.name_ru, org.name_en, org.acronym, *org.aliases]
        for name in names:
            if name and len(name) >= 3:
                by_alias[_fold(name)] = org
    # acronyms are matched case-sensitively (IPHR, not "iphr" inside a word)
    alternatives = sorted(by_alias, key=len, reverse=True)  # folded: lower case
    pattern = re.compile(
        r"(?<![\w])(" + "|".join(_alias_pattern(a) for a in alternatives) + r")(?![\w])"
    )
    return pattern, by_alias


def _alias_pattern(alias: str) -> str:
    parts = [re.escape(p) for p in alias.split()]
    return r"[«»„“”\"']?\s*".join(parts) if len(parts) == 1 else r"\s+".join(parts)


def _fold(text: str) -> str:
    return " ".join(
        folded(text.translate(str.maketrans("", "", _QUOTES))).replace("ё", "е").split()
    )


# --- places --------------------------------------------------------------------------------


def add_russian_places(doc: DocumentContext, analysis: Analysis) -> None:
    codes = [(ref.start, ref.end) for ref in _provision_refs(doc)]
    for span in analysis.spans:
        if span.type != "LOC" or any(s <= span.start < e for s, e in codes):
            continue  # «РК» of «УК РК» names the code, not a place
        tokens = _span_tokens(analysis, span)
        lemma = " ".join(t.lemma for t in tokens)
        _add_place(doc, span.start, span.end, lemma or span.text, nominative_phrase(tokens))
    add_country_names(
        doc, [(s.start, s.end) for s in analysis.spans if s.type == "PER" and " " in s.text]
    )
    for start, end, city in find_city_adjectives(doc.text):  # «московского», «Каннского»
        if not doc.covered(start, end, ("country", "location")):
            _add_place(doc, start, end, city)


def add_country_names(doc: DocumentContext, persons: list[tuple[int, int]]) -> None:
    """Country names the NER model left out, mostly inside another name («Банка России»,
    «УК РФ», «партия «Единая Россия»»), which NEREL tags COUNTRY as well; never inside a
    person's full name («Сальвадора Дали», «Мартин Куба»)."""
    for start, end, code in find_country_names(doc.text):
        in_person = any(s < end and start < e for s, e in persons)
        if not in_person and not doc.covered(start, end, ("country", "location", "person")):
            _add_world_country(doc, start, end, code)


def add_gazetteer_places(doc: DocumentContext) -> None:
    """Country and city names from the reference data (English text, and places natasha
    missed in Russian text)."""
    pattern, by_name = _place_gazetteer()
    for match in pattern.finditer(doc.text):
        if doc.covered(match.start(), match.end(), ("country", "location", "organization")):
            continue
        if folded(match.group()) in _GIVEN_NAME_PLACES and _NAME_AFTER.match(doc.text, match.end()):
            continue  # "Paris Hilton", "Sydney Schanberg": a first name, not the city
        _add_place(doc, match.start(), match.end(), by_name[folded(match.group())])


# English city names that are also first names, and what may follow such a city that is
# no surname ("Sydney Region", "Houston Chronicle" names the place or is its own name).
_GIVEN_NAME_PLACES = frozenset(
    {"paris", "sydney", "houston", "austin", "florence", "charlotte", "victoria", "madison"}
    | {"jackson", "lincoln", "orlando", "savannah", "adelaide", "alexandria", "phoenix"}
    | {"columbus", "dallas", "denver", "chelsea", "georgia", "regina", "kingston", "aurora"}
)
_NAME_AFTER = re.compile(
    r" (?!(?:Region|Oblast|Province|City|County|District|Court|Regional|State|Airport"
    r"|University|Street|Square|Times|Post|Chronicle|Herald|Agreement|Accords?|Club)\b)"
    r"[A-Z][a-z]+"
)


@cache
def _place_gazetteer():
    by_name = {}
    for country in refdata.countries():
        for name in (country.name_en, *getattr(country, "aliases", ())):
            if name and name.isascii():
                by_name[folded(name)] = name
        for city in getattr(country, "cities", ()) or ():
            name_en = getattr(city, "name_en", None)
            if name_en:
                by_name[folded(name_en)] = name_en
    alternatives = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in alternatives) + r")\b", re.I)
    return pattern, by_name


# Possessives before a noun: a noun that has one takes no genitive owner after it
_POSSESSIVES = frozenset(
    "его её ее их мой моя моего моей моему моим моём мое наш наша нашего нашей нашему нашим "
    "нашем свой своя своего своей своему своим своём свое".split()
)


def _apposition_case(analysis: Analysis, start: int) -> str | None:
    """The case of a noun with a possessive right before a name («сообщила его адвокат
    Мунира Рахимова»): the name stands in apposition to it, in its case, and is not the
    genitive of someone the noun belongs to («адвокат Ивана Петрова»)."""
    sentence = analysis.sentence_at(start)
    if sentence is None:
        return None
    tokens = sentence.tokens
    index = next((i for i, t in enumerate(tokens) if t.start >= start), None)
    if index is None or index < 2:
        return None
    noun, owner = tokens[index - 1], tokens[index - 2]
    if noun.pos != "NOUN" or owner.text.lower() not in _POSSESSIVES:
        return None
    return noun.feats.get("Case")


def _span_tokens(analysis: Analysis, span) -> list:
    sentence = analysis.sentence_at(span.start)
    if sentence is None:
        return []
    return [t for t in sentence.tokens if span.start <= t.start and t.end <= span.end]


def _add_place(
    doc: DocumentContext, start: int, end: int, name: str, label: str | None = None
) -> None:
    country = refdata.country_by_name(name) or (label and refdata.country_by_name(label))
    if country is None:
        code = world_country_code(name, label, doc.text[start:end])
        if code is not None:
            _add_world_country(doc, start, end, code)
            return
    if country is not None:
        key = doc.add_entity(
            EntityDraft(
                f"country:{country.code}",
                "country",
                country.name_ru if doc.language == "ru" else country.name_en,
                country.code,
                aliases=[n for n in (country.name_ru, country.name_en) if n],
                ref=f"country:{country.code}",
            )
        )
        doc.add_span("country", start, end, key)
        return
    city = refdata.city_by_name(name) or (label and refdata.city_by_name(label))
    if city:
        label = city.name_ru if doc.language == "ru" else city.name_en
    else:
        label = label or name
    key = doc.add_entity(
        EntityDraft(
            f"location:{match_key(label)}",
            "location",
            label,
            city.country if city else None,
            aliases=[n for n in ((city.name_ru, city.name_en) if city else ()) if n and n != label],
        )
    )
    doc.add_span("location", start, end, key)


def _add_world_country(doc: DocumentContext, start: int, end: int, code: str) -> None:
    """A country the reference data does not list (grammars.countries knows them all)."""
    known = refdata.country(code) if code in _REFERENCE_CODES() else None
    if known is not None:
        names = (known.name_ru, known.name_en)
    else:
        names = (world_country_name(code, "ru"), world_country_name(code, "en"))
    name = names[0] if doc.language == "ru" else names[1]
    key = doc.add_entity(
        EntityDraft(
            f"country:{code}",
            "country",
            name,
            code,
            aliases=[n for n in names if n and n != name],
            ref=f"country:{code}" if known is not None else None,
        )
    )
    doc.add_span("country", start, end, key)


@cache
def _REFERENCE_CODES() -> frozenset[str]:  # noqa: N802
    return frozenset(c.code for c in refdata.countries())


def add_country_adjectives(doc: DocumentContext) -> None:
    """«итальянскому», «британской»: a country named by its adjective (NEREL tags these
    COUNTRY). Inside an organization's name too («Российская академия наук»), never
    inside a place name («Советского Союза»)."""
    for start, end, code in find_country_adjectives(doc.text):
        if not doc.covered(start, end, ("country", "location", "person")):
            _add_world_country(doc, start, end, code)


def _sentence_country(doc: DocumentContext, offset: int) -> str | None:
    """The country named in the sentence, if exactly one is; else the document's."""
    index = doc.sentence_index(offset)
    codes = {doc.entity(s.entity).country for s in doc.spans_in(index, "country")}
    codes.discard(None)
    if len(codes) == 1:
        return codes.pop()
    return document_country(doc)


def document_country(doc: DocumentContext) -> str | None:
    """The Central Asian country the document is mostly about, if any."""
    counts = Counter()
    for span in doc.spans:
        entity = doc.entity(span.entity)
        if span.type == "country" and entity and entity.country in refdata.REGION:
            counts[entity.country] += 1
        if span.type == "legal_provision" and entity and entity.country in refdata.REGION:
            counts[entity.country] += 2
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [(None, 0)]
    return best if not rest or n > rest[0][1] else None


# --- legal provisions, offences, instruments, typed spans ----------------------------------


def _provision_refs(doc: DocumentContext):
    if doc.provision_refs is None:
        doc.provision_refs = find_provision_refs(doc.text)
    return doc.provision_refs


def add_provisions(doc: DocumentContext) -> None:
    for ref in _provision_refs(doc):
        _extend_to_country(doc, ref)
        country = ref.country or _sentence_country(doc, ref.start)
        if not country and ref.code:
            # «ст. 20.2 КоАП» in a text whose country is unknown: a provision span without
            # an entity (no fact is built on it), and its parts
            doc.add_span("legal_provision", ref.start, ref.end, data=ref)
            for start, end in _provision_parts(ref) if len(ref.articles) == 1 else ():
                doc.add_span("legal_provision", start, end)
            continue
        for article in ref.articles:
            key = provision_entity(doc, country, article, code=ref.code)
            if key:
                doc.add_span("legal_provision", ref.start, ref.end, key, data=ref)
                if len(ref.articles) == 1:
                    for start, end in _provision_parts(ref):
                        doc.add_span("legal_provision", start, end, key)


def _extend_to_country(doc: DocumentContext, ref) -> None:
    """A code of a country the grammar does not list: «ст. 424 УК Республики Беларусь»
    ends with the country named right after the code, and belongs to it."""
    if ref.code is None or ref.country is not None or doc.text[ref.end : ref.end + 1] != " ":
        return
    for span in doc.spans:
        if span.type == "country" and span.start == ref.end + 1 and span.entity:
            ref.end, ref.country = span.end, doc.entity(span.entity).country
            ref.text = doc.text[ref.start : ref.end]
            return


_PART_KEYWORD = re.compile(r"(?<![\w])(?:ч\.|част(?:ь|и|ью))\s*\d", re.IGNORECASE)
_ARTICLE_KEYWORD = re.compile(
    r"(?<![\w])(?:ст\.|стать(?:я|и|е|ю|ей))\s*№?\s*\d+(?:[-.]\d+)*", re.IGNORECASE
)


def _provision_parts(ref) -> list[tuple[int, int]]:
    """The nested references NEREL also annotates, each from its keyword to the end of the
    reference: «ч. 4 ст. 132 УК РФ» and «ст. 132 УК РФ» inside «п. «б» ч. 4 ст. 132 УК РФ»;
    without a code, «части 2 статьи 104» and «статьи 104» inside «пункту 6 части 2 статьи
    104». The code alone («УК РФ») is a mention of the code (``laws.add_laws``), not of this
    article."""
    text, parts = ref.text, []
    article = _ARTICLE_KEYWORD.search(text)
    if article is None:
        return parts
    part = _PART_KEYWORD.search(text, 0, article.start())
    for keyword in (part, article):
        if keyword is not None and keyword.start() > 0:
            parts.append((ref.start + keyword.start(), ref.end))
    return parts


def provision_entity(
    doc: DocumentContext, country: str | None, article: str, code: str | None = None
) -> str | None:
    provision = refdata.provision(country, article) if country else None
    if provision is None:
        if not country:
            return None
        name = f"{article} ({country})"
        return (
            doc.add_entity(
                EntityDraft(
                    f"legal_provision:{country}:{code or 'CC'}:{article}",
                    "legal_provision",
                    _provision_name(doc.language, article, country),
                    country,
                    attributes={"article": article, "code": f"{country}-{code or 'CC'}"},
                )
            )
            if name
            else None
        )
    return doc.add_entity(
        EntityDraft(
            f"legal_provision:ref:{provision.id}",
            "legal_provision",
            _provision_name(doc.language, provision.article, provision.country),
            provision.country,
            aliases=[
                _provision_name(
                    "en" if doc.language == "ru" else "ru", provision.article, provision.country
                )
            ],
            attributes=_provision_attributes(provision),
            ref=f"legal_provision:{provision.id}",
        )
    )


def _provision_attributes(provision) -> dict:
    attributes = {
        "code": provision.code,
        "article": provision.article,
        "category": provision.category,
        "title_ru": provision.title_ru,
        "title_en": provision.title_en,
    }
    if getattr(provision, "article_1997", None):
        attributes["article_1997"] = provision.article_1997
    return attributes


_CODE_NAMES = {
    "ru": {
        "KZ": "УК РК",
        "KG": "УК КР",
        "UZ": "УК РУз",
        "TJ": "УК РТ",
        "TM": "УК Туркменистана",
        "RU": "УК РФ",
    },
    "en": {
        "KZ": "Criminal Code of Kazakhstan",
        "KG": "Criminal Code of Kyrgyzstan",
        "UZ": "Criminal Code of Uzbekistan",
        "TJ": "Criminal Code of Tajikistan",
        "TM": "Criminal Code of Turkmenistan",
        "RU": "Criminal Code of Russia",
    },
}


def _provision_name(language: str, article: str, country: str) -> str:
    if language == "ru":
        return f"Статья {article} {_CODE_NAMES['ru'].get(country, 'УК ' + country)}"
    return (
        f"Article {article} of the {_CODE_NAMES['en'].get(country, 'Criminal Code of ' + country)}"
    )


def add_offences(doc: DocumentContext) -> None:
    """Offences named in words: a crime span, and the provision where the country is known
    (one article, or the group of articles of that category when there are several)."""
    for offence in find_offences(doc.text):
        if out_of_charge_context(doc, offence):
            continue
        country = _sentence_country(doc, offence.start)
        key = None
        if country:
            provisions = refdata.provisions_for_category(offence.category, country)
            if len(provisions) == 1:
                key = provision_entity(doc, country, provisions[0].article)
            elif provisions:
                key = _category_provision_entity(doc, country, offence.category, provisions)
        doc.add_span("crime", offence.start, offence.end, key, data=offence)


_CATEGORY_LABELS = {
    "extremism": ("экстремистская деятельность", "extremist activity"),
    "financing_extremism": ("финансирование экстремизма", "financing of extremism"),
    "terrorism": ("терроризм", "terrorism"),
    "inciting_discord": ("разжигание розни", "inciting discord"),
    "anti_constitutional": (
        "призывы к насильственному изменению конституционного строя",
        "calls for violent change of the constitutional order",
    ),
    "false_information": ("распространение ложной информации", "spreading false information"),
    "insulting_official": ("оскорбление представителя власти", "insulting an official"),
    "insulting_president": ("оскорбление президента", "insulting the president"),
    "mass_riots": ("массовые беспорядки", "mass riots"),
    "unauthorized_assembly": ("несанкционированные собрания", "unauthorized assembly"),
    "treason": ("государственная измена", "treason"),
    "fraud": ("мошенничество", "fraud"),
    "other": ("другое", "other"),
}


def _category_provision_entity(doc, country: str, category: str, provisions) -> str:
    """«Положения об экстремистской деятельности» name a group of articles, not one."""
    label_ru, label_en = _CATEGORY_LABELS[category]
    code_ru, code_en = (
        _CODE_NAMES["ru"].get(country, country),
        _CODE_NAMES["en"].get(country, country),
    )
    names = {"ru": f"{code_ru}: {label_ru}", "en": f"{code_en}: {label_en}"}
    name = names["ru" if doc.language == "ru" else "en"]
    return doc.add_entity(
        EntityDraft(
            f"legal_provision:category:{country}:{category}",
            "legal_provision",
            name,
            country,
            aliases=[n for n in names.values() if n != name],
            attributes={
                "code": provisions[0].code,
                "category": category,
                "articles": sorted({p.article for p in provisions}),
            },
            ref=f"legal_provision:{provisions[0].code}:category:{category}",
        )
    )


def add_instruments(doc: DocumentContext) -> None:
    pattern, by_alias = _instrument_gazetteer()
    fast = case_sensitive(pattern)  # the same matches on the lower-cased text, faster
    for match in fast.finditer(lowered(doc.text)) if fast else pattern.finditer(doc.text):
        instrument = by_alias[match.lastgroup]
        name = instrument.name_ru if doc.language == "ru" else instrument.name_en
        key = doc.add_entity(
            EntityDraft(
                f"instrument:ref:{instrument.id}",
                "instrument",
                name,
                None,
                aliases=[n for n in (instrument.name_ru, instrument.name_en) if n and n != name],
                attributes={
                    "date": instrument.date,
                    "parties": list(instrument.parties),
                    "kind": instrument.kind,
                },
                ref=f"instrument:{instrument.id}",
            )
        )
        doc.add_span("instrument", match.start(), match.end(), key, data=instrument)


@cache
def _instrument_gazetteer():
    aliases = {}
    for instrument in refdata.instruments():
        for alias in (instrument.name_ru, instrument.name_en, *instrument.aliases):
            if alias:
                aliases[_fold(alias)] = instrument
    by_group, alternatives = {}, []
    for n, alias in enumerate(sorted(aliases, key=len, reverse=True)):
        by_group[f"i{n}"] = aliases[alias]
        alternatives.append(f"(?P<i{n}>{_quote_tolerant(alias)})")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)
    return pattern, by_group


def _quote_tolerant(alias: str) -> str:
    """Quote- and inflection-tolerant: «саммита «ЕС – Центральная Азия»» matches the alias
    «саммит «ЕС – Центральная Азия»»."""
    words = [
        re.escape(w[:-2]) + r"\w{0,4}"
        if len(w) >= 5 and w.isalpha() and w.islower()
        else r"[-–—]\s*".join(re.escape(part) for part in w.split("-"))
        for w in re.findall(r"[\w-]+|[^\w\s«»„“”\"'–—-]+", alias)
    ]
    glue = r"[\s«»„“”\"'–—-]*"
    return glue.join(words)


def add_typed_spans(doc: DocumentContext, reference_date) -> None:
    penalties = find_penalties(doc.text)
    for penalty in penalties:
        doc.add_span("penalty", penalty.start, penalty.end, data=penalty)
    # the head of each penalty («24 годам тюрьмы» → «тюрьмы») and a few penalties named
    # without a term («домашний арест», «смертная казнь»), as NEREL annotates them: spans
    # without data, which the fact rules do not read
    fast = case_sensitive(_PENALTY_HEAD)  # the same matches on the lower-cased text, faster
    heads = fast.finditer(lowered(doc.text)) if fast else _PENALTY_HEAD.finditer(doc.text)
    for match in heads:
        inside = any(p.start <= match.start() and match.end() <= p.end for p in penalties)
        if inside or match.group("alone") and not _BARE_TERM.search(match.group("alone")):
            doc.add_span("penalty", match.start(), match.end())
    for date in find_date_mentions(doc.text, reference_date):
        doc.add_span("date", date.start, date.end, data=date)


# «пятилетний срок» alone may be a term of office: a penalty only where the penalty grammar
# read one around it (a court or prison word near it)
_BARE_TERM = re.compile(r"летн\w+\s+срок\w*$", re.IGNORECASE)
_PENALTY_HEAD = re.compile(
    r"(?<![\w-])(?:(?P<alone>домашн\w+\s+арест\w*|смертн\w+\s+казн\w+"
    r"|(?:\d+-|пяти|семи|восьми|десяти|двух|тр[её]х|четыр[её]х|шести|девяти)летн\w+\s+"
    r"(?:срок\w*(?:\s+заключения)?|заключени\w+|запрет\w*(?:\s+на\s+въезд)?)"
    r"|тюремн\w+\s+(?:срок\w*|заключени\w+)|пожизненн\w+\s+(?:тюремн\w+\s+)?(?:срок\w*|заключени\w+)"
    r"|ограничени[яеию]\s+свободы|конфискаци\w+(?:\s+имущества)?|за\s+реш[её]тк(?:ой|у)"
    r"|(?:исправительн|обязательн|принудительн|общественн)\w+\s+работ\w*"
    r"|колони\w*\s+(?:общего|строгого|особого)\s+режима)"
    r"|(?:лишени(?:е|я|ю|ем|и)|лиш(?:ать|ить))\s+свободы|тюрьм[аыеу]|заключени[яю]|(?:исправительн\w+\s+)?колони[ияюей]+"
    r"(?:\s+(?:общего|строгого|особого)\s+режима)?"
    r"|(?:административн\w+\s+)?(?:ареста|штраф(?:а|у|ом|е|ы|ов|ам|ами|ах)?)|о?штрафова\w+)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def add_professions(doc: DocumentContext) -> None:
    for role, pattern in ROLE_WORDS[doc.language if doc.language in ROLE_WORDS else "en"].items():
        fast = case_sensitive(pattern)  # the same positions, faster
        if fast and not may_match(fast, lowered(doc.text)):
            continue
        matches = fast.finditer(lowered(doc.text)) if fast else pattern.finditer(doc.text)
        for match in matches:
            doc.add_span("profession", match.start(), match.end(), data=role)
    if doc.language == "ru":
        _add_lexicon_professions(doc)


_COMPLEMENT_TYPES = ("country", "organization", "location")


def _add_lexicon_professions(doc: DocumentContext) -> None:
    """Professions of the lexicon (grammars.professions): the head word («президента»), the
    head with its modifier («главный тренер») and the outer phrase with its genitive
    complement («президента США», «министр иностранных дел России», «сотрудник полиции»),
    each a profession span, as NEREL annotates them. Words that are professions only with a
    complement («глава», «сотрудник») give the outer phrase alone. A deputy's complement
    can be another profession with its own complement («заместитель министра обороны»),
    and «исполняющий обязанности» before a profession opens one more outer phrase. The
    outer phrase goes on over what the post is in charge of, where it is posted and the
    place it is elected from («директор по маркетингу», «посол России в Японии», «сенатор
    от Техаса»); a minister's portfolio gives a middle level («министр финансов»)."""
    starts, places, persons = {}, {}, set()
    for span in doc.spans:
        if span.type == "person":
            persons.add(span.start)
        if span.type in _COMPLEMENT_TYPES:
            starts[span.start] = max(starts.get(span.start, 0), span.end)
            if span.type != "organization":
                places[span.start] = max(places.get(span.start, 0), span.end)
    matches = [
        m for m in find_professions(doc.text) if not doc.covered(m.head_start, m.end, ("person",))
    ]
    outer_end: dict[int, int] = {}  # start of a match -> end of its outer phrase
    for match in reversed(matches):  # a deputy's complement is a later match
        end = match.end
        fixed = complement_end(doc.text, end)
        # the head with a fixed complement or a minister's portfolio is a profession of its
        # own inside a longer phrase («министр финансов» in «министр финансов США»), unless
        # the complement is an institution or a place, not a field: that one is the body
        # the name after it names or owns («губернатор штата Техас», «глава компании
        # «Лукойл»», «председатель правления «Сбербанка»»)
        portfolio = fixed is not None or _MINISTER.match(doc.text, match.head_start)
        # any genitive noun phrase after a noun («водитель автобуса»), none after an
        # adjective («президентских выборов»: no role, no complement needed)
        if fixed is None and (match.role or match.needs_complement):
            fixed = genitive_complement_end(doc.text, end)
        if fixed is not None:
            end = fixed
            if _MINISTER.match(doc.text, match.head_start):
                # the whole portfolio: «министр экономики, торговли и промышленности»
                end = coordinated_complement_end(doc.text, end) or end
        middle = end if portfolio and not _CLASS_NOUN.match(doc.text, match.end) else 0
        direct = starts.get(_next_word_start(doc.text, match.end), 0)
        if direct > end:  # «представитель Министерства обороны»: the name, not its first word
            end = direct
        after = _next_word_start(doc.text, end)
        if doc.text[after : after + 1] in ("«", '"', "„") and after + 1 in starts:
            after += 1  # «тренер «Челси»: up to the name, as NEREL spans it
        honorary = honorary_title(doc.text, match.start)
        if honorary:
            end = match.end
        elif after in starts:
            end = starts[after]
            if doc.text[after - 1 : after] == '"' and doc.text[end : end + 1] == '"':
                end += 1  # «глава "Газпрома"»: NEREL spans a straight closing quote, not «»
        elif match.deputy and end == match.end and after in outer_end:
            end = outer_end[after]
        elif end == match.end:
            end = _genitive_name_end(doc.text, end, (persons, outer_end)) or end
        if _next_word_start(doc.text, match.end) not in persons:
            # the see or domain of a church or noble title, a place adjective or not
            # («митрополит Ленинградский и Новгородский», «Патриарх Болгарский»)
            end = max(end, see_end(doc.text, match.head_start, match.end) or 0)
        if not honorary and (match.role or match.needs_complement):
            # «начальник 75-го отдела полиции», «советник юстиции 2-го класса»
            numbered = ordinal_complement_end(doc.text, end)
            if numbered is not None:
                end = starts.get(_next_word_start(doc.text, numbered), numbered)
        if not honorary and end > match.end:
            # a country or body that is an adjective of the next noun («командующий армии
            # боснийских сербов», «сотрудник производства сирийской компании …»): the
            # phrase goes on to the noun, and to the name after it
            noun_end = noun_after_adjective_end(doc.text, end)
            if noun_end is not None:
                end = starts.get(_next_word_start(doc.text, noun_end), noun_end)
        if not honorary:
            end = _post_tail_end(doc.text, match, end, starts, places)
        outer_end[match.start] = end
        if not match.needs_complement and (end == match.end or not match.relational):
            doc.add_span("profession", match.head_start, match.end, data=match.role)
        if match.start < match.head_start:  # «главный тренер», «генеральный секретарь»
            doc.add_span("profession", match.start, match.end, data=match.role)
        if end > match.end:
            doc.add_span("profession", match.start, end, data=match.role)
            if match.end < middle < end:
                doc.add_span("profession", match.start, middle, data=match.role)
        acting = acting_start(doc.text, match.start)
        if acting is not None:
            doc.add_span("profession", acting, end, data=match.role)


# One capitalised word between a profession and the name of the one who holds it, or
# another profession of theirs: «командир МКС космонавт Тимур Ахмедов»
_NAME_BETWEEN = re.compile(r" ([A-ZА-ЯЁ][\w-]*) (?=\w)")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}|[A-Za-z][\w-]*")


def _genitive_name_end(text: str, end: int, holders: tuple[Container[int], ...]) -> int | None:
    """The end of a capitalised genitive right after a profession ending at ``end`` and
    right before a person's name or another profession (``holders``: where they start):
    the country, body or station the profession is of, which NEREL spans as part of it.
    Not a person or a profession itself («режиссёра Эмира Алиева»), nor a first name in
    the nominative («режиссёр Бахтиёр Каримов», where the name recogniser split the name),
    which has no genitive singular reading."""
    match = _NAME_BETWEEN.match(text, end)
    if match is None or not any(match.end() in starts for starts in holders):
        return None
    if any(match.start(1) in starts for starts in holders):
        return None  # whose lawyer («адвокат Рахимова Олег Савченко»): NEREL spans it either way
    word = match.group(1)
    if not _ACRONYM.fullmatch(word) and not _genitive_singular(word.lower()):
        return None
    return match.end(1)


@cache
def _genitive_singular(word: str) -> bool:
    """Whether ``word`` has a reading as a noun in the genitive singular («Рахимова»,
    «Памира»; not «Бахтиёр», nor «Иванов», a genitive only in the plural)."""
    from pledgewatch.extract.nlp import _morph

    return any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "sing"
        for p in _morph().parse(word)
    )


# What a post is in charge of, where it is posted and whom it represents, after the head
# and its complement: «директор по маркетингу», «советник президента по национальной
# безопасности», «посол России в Японии», «постпред при ООН», «сенатор от Техаса»,
# «командующий войсками округа» (the instrumental a commander's or manager's post takes)
_IN_CHARGE_HEAD = re.compile(
    r"(?:зам|вице-|спец)?(?:директор|министр|советни|специалист|представител|эксперт"
    r"|менеджер|уполномоченн|комиссар|помощни|секретар|консультант|координатор"
    r"|заместител|гендиректор|руководител|начальни|председател|глав|член|тренер)",
    re.IGNORECASE,
)
_POSTED_HEAD = re.compile(
    r"(?:посл|постпред|полпред|представител|спецпредставител|(?:ген)?консул(?!ьт)|атташе"
    r"|командующ|поверенн)",
    re.IGNORECASE,
)
_ELECTED_HEAD = re.compile(
    r"(?:сенатор|депутат|член|кандидат|конгрессмен|конгрессвумен|вице-спикер|парламентари"
    r"|выборщик)",
    re.IGNORECASE,
)
_COMMANDING_HEAD = re.compile(r"(?:главно)?командующ|заведующ|управляющ", re.IGNORECASE)
_TAIL = re.compile(r" (по|в|при|от) (?=[«\"]?\w)|(?=\s+[а-яё])", re.IGNORECASE)
# «по» phrases that say how or why, not what of: «по словам», «по делу», «по профессии»
_NOT_IN_CHARGE = frozenset(
    "словам мнению данным информации сообщению сообщениям итогам поводу причине случаю "
    "приглашению просьбе требованию решению приказу указанию инициативе профессии "
    "образованию происхождению национальности телефону делу факту подозрению обвинению "
    "статье закону линии пути слухам оценкам подсчетам результатам сравнению отношению "
    "вине ошибке воле праву всей всему словам совместительству контракту".split()
)


def _post_tail_end(
    text: str, match, end: int, starts: dict[int, int], places: dict[int, int]
) -> int:
    """``end`` moved over what the post at ``match`` is in charge of («по маркетингу»),
    where it is posted («в Японии», «при ООН»), the place it is elected from («от
    Техаса»; not a party, which NEREL leaves out: «депутат от «Единой России»»), or the
    instrumental a commander takes («войсками»); ``end`` itself if none follows."""
    head = text[match.head_start : match.end]
    for _ in range(2):  # «кандидат в президенты США от Демократической партии»
        tail = _TAIL.match(text, end)
        if tail is None:
            break
        word = (tail.group(1) or "").lower()
        after = tail.end()
        if word == "по" and _IN_CHARGE_HEAD.match(head):
            found = _dative_phrase_end(text, after)
        elif word in ("в", "при") and _POSTED_HEAD.match(head):
            found = starts.get(after + (text[after] in '«"'), None)
        elif word == "от" and _ELECTED_HEAD.match(head):
            found = places.get(after)
        elif not word and end == match.end and _COMMANDING_HEAD.match(head):
            found = _instrumental_end(text, end)
        else:
            found = None
        if found is None:
            break
        if text[after] == '"' and text[found : found + 1] == '"':
            found += 1  # a straight closing quote, as above
        end = found
        fixed = genitive_complement_end(text, end)
        if fixed is not None:
            end = fixed
        following = _next_word_start(text, end)
        if following in starts:
            end = starts[following]
    return end


_TAIL_WORD = re.compile(r"\s*([а-яё][а-яё-]*)")


# «по связям с общественностью»: the one dative noun whose own complement NEREL spans
_PUBLIC_RELATIONS = re.compile(r"\s+с\s+общественностью(?![\w-])", re.IGNORECASE)


def _dative_phrase_end(text: str, start: int) -> int | None:
    """The end of a lower-case dative noun phrase at ``start`` (up to three adjectives,
    two of them maybe joined by «и», and a noun, and a second one after «и»):
    «маркетингу», «национальной безопасности», «науке и технологиям», «внешним и
    межрегиональным экономическим связям», «связям с общественностью»."""
    end, adjectives, found = start, 0, None
    while match := _TAIL_WORD.match(text, end):
        word = match.group(1).replace("ё", "е")
        if found is None and word in _NOT_IN_CHARGE:
            return None
        if found is not None:
            if word != "и":
                break
            following = _TAIL_WORD.match(text, match.end())
            if following is None or "NOUN" not in _case_parts(following.group(1), "datv"):
                break
            return following.end()
        parts = _case_parts(word, "datv")
        if "NOUN" in parts:
            found = match.end()
            public = _PUBLIC_RELATIONS.match(text, found)
            if public:
                return public.end()
        elif "ADJF" in parts and adjectives < 3:
            adjectives += 1
        elif word == "и" and adjectives and text[end : end + 1] == " ":
            pass  # «по внешним и межрегиональным связям»: the next adjective goes on
        else:
            return None
        end = match.end()
    return found


def _instrumental_end(text: str, end: int) -> int | None:
    """The end of a lower-case noun in the instrumental right after ``end``
    («командующий войсками», «заведующий отделением»)."""
    match = _TAIL_WORD.match(text, end)
    if match and text[end : end + 1] == " " and "NOUN" in _case_parts(match.group(1), "ablt"):
        return match.end()
    return None


@cache
def _case_parts(word: str, case: str) -> frozenset[str]:
    """The parts of speech ``word`` has a parse in ``case`` as (none for a word most
    likely a preposition, conjunction or verb)."""
    from pledgewatch.extract.nlp import _morph

    parses = _morph().parse(word)
    if parses[0].tag.POS not in ("NOUN", "ADJF"):
        return frozenset()
    return frozenset(p.tag.POS for p in parses if p.tag.case == case)


_MINISTER = re.compile(r"(?:зам|вице-)?министр", re.IGNORECASE)

# Complements that name an institution or a place, and «кандидат в президенты»
_CLASS_NOUN = re.compile(
    r"\s+(?:в\s+\w+|(?:компани|групп|штат|округ|город|област|регион|провинци|республик"
    r"|стран|холдинг|фонд|клуб|команд|сборн|банк|корпораци|концерн|театр|оркестр|музе"
    r"|университет|академи|институт|школ|больниц|церкв|епархи|арми|флот|департамент"
    r"|ведомств|министерств|администраци|парламент|государств|партии|движени|организаци"
    r"|предприяти|агентств|издательств|студи|телеканал|газет|журнал|сайт|сет|правительств"
    r"|правлени|генштаб|генерального\s+штаба|штаб)\w*)(?![\w-])",
    re.IGNORECASE,
)


def _next_word_start(text: str, end: int) -> int:
    """Where the next word starts when only one space separates it from ``end``."""
    return end + 1 if text[end : end + 1] == " " else -1
