"""Person mentions natasha's NER misses or draws too wide, found from the ones it got.

- A name mentioned again where the tagger missed it (a headline «Обама назначит …», a
  caption line under a photo): the document's own names, full and surname alone, in the
  case forms a surname takes.
- The person a place or an institution is named after («театр имени Вахтангова», «НИИ им.
  Склифосовского», «Нобелевская премия»): a person mention without an entity, as the
  document is not about that person.
- A bare first name right after its profession («певицы Алсу»): a person named with the
  profession (:func:`name_by_profession`), where a first name alone has no entity.
- A word the tagger drew into a name («Шестидесятивосьмилетняя Руссефф», «Сама Тэтчер»),
  or left out of it (a Latin spelling in brackets right after it).

``mentions.add_russian_persons`` calls these; the role rules call
:func:`name_by_profession`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pledgewatch.extract.document import DocumentContext, Span
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.names import (
    PersonName,
    morph,
    name_key,
    normalize_person_name,
    surname_misread_as_locative,
)
from pledgewatch.resolve.translit import cyr_to_lat

# Endings a surname takes in the oblique cases, after a consonant (Путин: Путина, Путину,
# Путиным, Путине) and in place of a final vowel (Обама: Обамы, Обаме, Обаму, Обамой;
# Иванова: Ивановой, Иванову).
_AFTER_CONSONANT = ("а", "у", "ом", "ым", "е")
_IN_PLACE_OF_VOWEL = ("а", "ы", "и", "е", "у", "ой", "ей", "ю", "я")
# The adjective of a surname (Шукшин: «Шукшинские чтения», Сталин: «сталинских лагерях»).
_ADJECTIVE_ENDINGS = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими")
_INITIALS = r"(?:[А-ЯЁ][а-яё]?\.\s?)"  # «Д.», «Дж.»


def surname_forms(surname: str) -> set[str]:
    """The nominative and the oblique-case forms of a Russian-written surname. Names ending
    in «о», «и», «у», «ых», «их» (Порошенко, Гароццо, Черных) do not decline."""
    forms = {surname}
    if not surname[-1:].isalpha() or re.search(r"(?:[оиуэе]|[ыи]х)$", surname):
        return forms
    if surname[-1] in "ая":
        forms.update(surname[:-1] + ending for ending in _IN_PLACE_OF_VOWEL)
    elif surname[-1] not in "йь" and not surname[-1].isupper():
        forms.update(surname + ending for ending in _AFTER_CONSONANT)
    return forms


def surname_adjectives(surname: str) -> set[str]:
    """«Шукшинский», «шукшинских»: NEREL tags the adjective of a person's name as the
    person. Only for surnames ending in a consonant, the ones with a regular adjective."""
    if not re.search(r"[бвгджзклмнпрстфхцчшщ]$", surname) or surname.endswith("ск"):
        return set()
    stems = (surname + "ск", surname[0].lower() + surname[1:] + "ск")
    return {stem + ending for stem in stems for ending in _ADJECTIVE_ENDINGS}


def add_repeated_persons(doc: DocumentContext) -> None:
    """Every other occurrence of a name already found in the document: the same full name,
    or its surname in any case form, linked to the same person. A person named by a title
    and a first name («Королева Мадина») has no surname: the title is no name of theirs
    («Королевой страны её провозгласили в 1990 году»)."""
    forms: dict[str, str] = {}
    for span in doc.spans:
        if span.type != "person" or not span.entity:
            continue
        forms.setdefault(span.text, span.entity)
        entity = doc.entity(span.entity)
        if entity.attributes.get("title"):
            continue
        surname = normalize_person_name(entity.name).last
        if surname and len(surname) >= 3 and surname[0].isupper() and not surname.isupper():
            for form in surname_forms(surname) | surname_adjectives(surname):
                forms.setdefault(form, span.entity)
    # by first word, longest form first: a dictionary look-up per word of the text
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split()[0], []).append(form)
    if not by_first:
        return  # no name found: nothing to look for
    text = doc.text
    for match in _WORD.finditer(text):
        for form in by_first.get(match.group("word"), ()):
            start, end = match.start("word"), match.start("word") + len(form)
            if text.startswith(form, start) and not text[end : end + 1].isalnum():
                if quoted_alone(text, start, end):
                    break  # «станции метро «Войковская»» is named after Войков, not him
                if not doc.covered(match.start(), end, ("person",)):
                    doc.add_span("person", match.start(), end, forms[form])
                break


# A capitalised word right before a one-word name, with one space between («Геннадий
# Фисун», «Акселя Вебера»).
_WORD_BEFORE = re.compile(r"(?<![\w.-])([А-ЯЁ][а-яё]+) $")


def add_first_names(doc: DocumentContext) -> None:
    """A surname found alone (by the tagger or as a repeated name) with a first name right
    before it that the tagger left out: «Геннадий Фисун прокомментировал», «Вместо Акселя
    Вебера», «Дженнифер Лопес Мишель Обама». The mention takes in the first name. It stays
    with its entity when the entity has that first name or none; a different first name
    («Мишель» before the Обама of Барак Обама) is another person, of that full name.

    Only a word the dictionary reads first as a first name, in a case the surname can
    take, and no part of another mention («Слава Обаме!»: the dictionary reads «Слава»
    as a noun first)."""
    text = doc.text
    for span in list(doc.spans):
        if span.type != "person" or not span.entity or " " in span.text or "." in span.text:
            continue
        match = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
        if match is None or doc.covered(match.start(1), match.end(1), _ANY_MENTION):
            continue
        first = _first_name_before(match.group(1), span.text)
        if first is None:
            continue
        entity = doc.entity(span.entity)
        known_first = normalize_person_name(entity.name).first if entity else None
        span.start, span.text = match.start(1), text[match.start(1) : span.end]
        if known_first and name_key(known_first) != name_key(first):
            person = normalize_person_name(span.text)
            span.entity = doc.add_entity(
                EntityDraft(
                    f"person:{name_key(person.full)}",
                    "person",
                    person.full,
                    entity.country,
                    aliases=[cyr_to_lat(person.full)],
                )
            )


_ANY_MENTION = ("person", "organization", "country", "location", "profession")


def _first_name_before(word: str, surname: str) -> str | None:
    """The nominative of ``word`` when the dictionary's likeliest reading of it is a first
    name, in a case ``surname`` may be in («Акселя» before «Вебера»: аксель)."""
    parses = morph().parse(word)
    if not parses or "Name" not in parses[0].tag.grammemes:
        return None
    cases = {p.tag.case for p in morph().parse(surname)}
    for parse in parses:
        if "Name" in parse.tag.grammemes and parse.tag.case in cases:
            return parse.normal_form
    return None


# A word, with the initials before it («Д.Медведев»: they are part of the mention).
_WORD = re.compile(rf"(?<![\w.-]){_INITIALS}{{0,2}}(?P<word>\w+(?:-\w+)*)")


_NAME_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# A particle between the words of a name: «Людвига ван Бетховена», «Шарля де Голля».
_NAME_PARTICLE = r"(?:ван|фон|дер|де|ди|да|дель|ле|ла|бин|ибн)[^\S\n]+|(?:аль|эль|ад|ас)-"
_NAMESAKE = re.compile(
    r"(?<![\w-])(?:имени|им\.)\s*"
    rf"(?P<name>{_INITIALS}{{1,2}}{_NAME_WORD}"
    rf"|{_NAME_WORD}(?:[^\S\n]+(?:{_NAME_PARTICLE})?{_NAME_WORD}){{0,2}})"
    r"|(?<![\w-])(?P<prize>Нобелевск\w+|(?:Ленинск|Сталинск|Пулитцеровск|Букеровск)\w+"
    r"(?=\s+преми))"
)


def add_namesakes(doc: DocumentContext) -> None:
    """Persons a name is given after, as NEREL annotates them: «имени Чехова», «им. А.М.
    Горького», «Нобелевской премии», «Ленинской премии». Mentions without an entity."""
    for match in _NAMESAKE.finditer(doc.text):
        group = "name" if match.group("name") else "prize"
        start, end = match.span(group)
        if not doc.covered(start, end, ("person",)):
            doc.add_span("person", start, end)


_NOT_NAME_POS = frozenset({"ADJF", "VERB", "INFN", "NPRO", "ADVB"})
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})


def is_leading_non_name(word: str) -> bool:
    """A word before a name that is an adjective, verb or pronoun of the dictionary, not a
    name («Восьмидесятилетний Маккейн», «Сама Тэтчер», «Отрешить Соловьёва», «56-летний»).
    Judged on the dictionary alone, as inside a name span the tagger calls every word a
    proper noun; an age («Шестидесятивосьмилетняя») is the one unknown word let through,
    so that an unfamiliar first name (Думан) is never cut."""
    if word[:1].isdigit():
        return True
    age = "летн" in word.lower()
    return _dictionary_word(word, _NOT_NAME_POS, known=not age)


# A patronymic in any case: «Наилевич», «Филипповна», «Татьяне Васильевне».
_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+(?:ович|евич|ьич|овн|евн|ичн)(?:а|у|ем|е|ы|ой|ою)?")


def joins_split_name(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Whether two names the tagger found side by side, one space apart, are one person's
    full name it cut in two: «Айдар | Наилевич Губайдулин», «Суркова | Зоя Антоновна»,
    «Тихоновой | Татьяне Васильевне». Three words, one of them a patronymic, one name
    alone on its side, all three able to stand in one case and gender; two names in
    different cases are two people («дочери Кристины Ольга Алексеевна»), and two words
    without a patronymic may be («сын Джоли Мэддокс»)."""
    if text[left[1] : right[0]] != " ":
        return False
    words = [text[left[0] : left[1]].split(), text[right[0] : right[1]].split()]
    every = words[0] + words[1]
    if len(every) != 3 or min(len(w) for w in words) != 1:
        return False
    if sum(bool(_PATRONYMIC.fullmatch(w)) for w in every) != 1:
        return False
    common = None
    for word in every:
        forms = _case_genders(word)
        common = forms if common is None else common & forms
    return bool(common)


@lru_cache(maxsize=8192)
def _case_genders(word: str) -> frozenset[tuple[str, str]]:
    """The (case, gender) pairs the dictionary reads ``word`` in, singular only."""
    out = set()
    for parse in morph().parse(word):
        tag = parse.tag
        if tag.number == "plur" or tag.case is None:
            continue
        both = tag.gender is None or "ms-f" in tag.grammemes
        for gender in ("masc", "femn") if both else (tag.gender,):
            out.add((tag.case, gender))
    return frozenset(out)


# What introduces a nickname or a call sign in quotes («под прозвищем «Руби»», «с
# позывным «Гордон»», «по кличке «Бабу»»).
_NICKNAME_CUE = re.compile(
    r"(?<![\w-])(?:прозвищ|позывн|псевдоним|кличк|ник|им[ея]н)[а-яё]*\s*[«\"“]$", re.I
)


def quoted_alone(text: str, start: int, end: int) -> bool:
    """A name that fills a pair of quotes by itself: a station, a club, an album or a
    company named after a person or with a name's form («станции метро «Войковская»»,
    «форвард «Реала»», «альбом «Жанна»»), not a person. A nickname or a call sign
    («под прозвищем «Руби»») is one, and so is a name's adjective in lower case
    («телевизор со «зворыкинским» телескопом»)."""
    if not (0 < start and text[start - 1] in '«"“' and text[end : end + 1] in '»"”'):
        return False
    if not text[start].isupper():
        return False
    return not _NICKNAME_CUE.search(text, max(0, start - 25), start)


# A preposition the locative case follows («о Путине», «при Сидибе»).
_LOCATIVE_PREPOSITION = re.compile(r"(?<![\w-])(?i:в|во|на|о|об|обо|при)\s+$")


def locative_misread(text: str, start: int, written: str, person: PersonName) -> bool:
    """Whether the surname of ``person`` was read as a locative in «-е» with no preposition
    before the name: «Модибо Сидибе», «Мугабе» are not the locatives of Сидиб, Мугаб (a
    locative always follows a preposition: «о Путине»); a surname in «-е» elsewhere does
    not decline, and the caller reads the name again as a nominative (the same rule keys
    a display name: :func:`pledgewatch.resolve.names.surname_misread_as_locative`)."""
    return surname_misread_as_locative(written, person) and not _LOCATIVE_PREPOSITION.search(
        text, max(0, start - 5), start
    )


def is_leading_person_noun(text: str, start: int, word: str, after: str) -> bool:
    """A noun for a person at the start of a sentence that the tagger drew into the name
    after it, whose relative or agent it names: «Сын А.Лукашенко взял …», «Экс-советник
    Трампа получил …», «Предшественник Кравцова …». A noun for a person (an animate
    reading) the dictionary knows only as an ordinary word, before an initial or a name it does not agree with (a
    noun in the name's case, gender and number stands in apposition: «Израильтянка
    Наама Иссахар» is left whole)."""
    if not sentence_initial(text, start):
        return False
    head = word.rsplit("-", 1)[-1]  # «Экс-советник», «Пресс-агент»: the noun after «-»
    parses = morph().parse(head.lower())[:3]
    if not parses or not all(p.is_known and p.tag.POS == "NOUN" for p in parses):
        return False
    persons = [p for p in parses if "anim" in p.tag.grammemes]  # «агент» is also a thing
    if not persons or not is_common_word(head.capitalize()):
        return False
    if re.fullmatch(r"[А-ЯЁ]", after):  # «Сын А.Лукашенко»
        return True
    return not any(_agree(noun.tag, name.tag) for noun in persons for name in morph().parse(after))


def _agree(noun, name) -> bool:
    """Whether a noun's tag and a name's agree in case, number and gender."""
    gender = name.gender is None or name.gender == noun.gender or "ms-f" in noun.grammemes
    return noun.case == name.case and noun.number == name.number and gender


# A cleric's title before his see's adjective and his name («митрополит Русенский
# Неофит», «епископ Вичугский Иосиф»): the adjective names the see, not the man.
_CLERIC_BEFORE = re.compile(
    r"(?<![\w-])(?i:митрополит|архиепископ|епископ|патриарх|католикос)[а-яё]{0,3}\s+$"
)
_SEE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё-]+(?:ск|цк)(?:ий|ого|ому|им|ом)")


def is_see_adjective(text: str, start: int, word: str) -> bool:
    """«Русенский» of «митрополит Русенский Неофит»: the adjective of a cleric's see right
    after his title, at the start of a name the tagger found."""
    return bool(
        _SEE_ADJECTIVE.fullmatch(word) and _CLERIC_BEFORE.search(text, max(0, start - 20), start)
    )


def is_common_word(word: str) -> bool:
    """A word the dictionary knows only as an ordinary word («Скриншот», «Невеста» at the
    start of a caption), never as a name («Вера», «Роза» may be either)."""
    return _dictionary_word(word)


@lru_cache(maxsize=65536)  # the same words come back (a parse costs ~0.1 ms)
def _dictionary_word(
    word: str, parts_of_speech: frozenset[str] | None = None, known: bool = True
) -> bool:
    parses = morph().parse(word)[:3]
    return bool(parses) and all(
        (p.is_known or not known)
        and (parts_of_speech is None or p.tag.POS in parts_of_speech)
        and not (_NAME_GRAMMEMES & p.tag.grammemes)
        for p in parses
    )


def initials_fit(person: PersonName, known_name: str) -> bool:
    """Whether ``person``, named by initials and surname («Д. Громов»), fits the first name
    of ``known_name``, the document's person with that surname (Дмитрий Громов)."""
    if person.first or not person.initials:
        return False
    first = normalize_person_name(known_name).first
    return bool(first) and first[:1] == person.initials[:1]


def sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(' \xa0«"„')
    return not before or before[-1] in "\n.!?:"


# What natasha sometimes leaves at the end of a name: «Тим Томас)», «Ратко Младич'»,
# the dash after it («Барака и Мишель — Саше …», a soft hyphen or a no-break space before).
STRAY_TAIL = ")'\"»”—– \xa0\xad"
# A Latin spelling in brackets, alone, or a full name first before a comma or a semicolon
# («Карсона Ёнга (Carson Yeung, также …)»; not a list of pseudonyms: «(Ishome, Shadowax)»).
_LATIN_WORD = r"[A-Za-z][^\W\d_]*\.?"
_LATIN_AFTER = re.compile(
    rf"\s*\(\s*([A-Z][^\W\d_]*\.?(?:[\s'’-]+{_LATIN_WORD}){{0,4}})\s*\)"
    rf"|\s*\(\s*([A-Z][^\W\d_]*\.?(?:[\s'’-]+{_LATIN_WORD}){{1,4}})\s*[,;]"
)


def latin_spelling_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of a name's Latin spelling in brackets right after it («Микаэль Арпон
    (Mickaël Harpon)»), if there is one; a full stop at its end is the abbreviation's,
    left out as NEREL does («(Ken Cockrel Jr.)»: Ken Cockrel Jr)."""
    match = _LATIN_AFTER.match(text, end)
    group = match and (1 if match.group(1) else 2)
    if not match or not is_latin_name(match.group(group)):
        return None
    start, stop = match.span(group)
    return start, stop - match.group(group).endswith(".")


def is_latin_name(text: str) -> bool:
    """A name in Latin script, accents allowed («Georgina Rodríguez»)."""
    return text[:1].isupper() and all(
        c.isascii() or not c.isalpha() or ord(c) < 0x250 for c in text
    )


def name_by_profession(doc: DocumentContext, person: Span, profession: Span) -> str | None:
    """The entity of a bare first name that a role rule links to the profession right
    before it («российской певицы Алсу», «с маркетологом Натальей», «Доктора Лизы»), named
    with that profession as a titled person is with the title: «Певица Алсу», «Маркетолог
    Наталья», «Доктор Лиза». A first name alone is no entity (it would merge unrelated
    people across documents); with the profession it is one person a user can look up.

    Only a word the dictionary knows as a first name, in the profession's case and
    nothing but spaces between them (not «дочери президента — Малии»), and not a man's
    name after a woman's profession («герцогини Кембриджских Уильяма и Кейт»). None
    otherwise, and for a mention that has an entity."""
    word = person.text
    if person.entity or not re.fullmatch(r"[А-ЯЁ][а-яё]+", word):
        return None
    if doc.text[profession.end : person.start].strip():
        return None
    if _NAMED_AFTER.search(doc.text, max(0, profession.start - 12), profession.end):
        return None  # «батальона имени шейха Мансура»: whom a body is named after
    if profession.text[:1].isupper() and _may_be_surname(profession.text.split()[0]):
        return None  # «Королева Мадина» may be Madina Koroleva
    head = _profession_head(profession.text)
    if head is None:
        return None
    lemma, gender, cases = head
    first = _first_name(word, cases, gender)
    if first is None:
        return None
    first = first.capitalize()
    for key, entity in doc.extraction.entities.items():
        # «генерала Аллена» in a text about Джон Аллен: his surname in a form the tagger
        # read as a first name
        if entity.type == "person" and normalize_person_name(entity.name).last == first:
            return key
    return titled_entity(doc, lemma, first)


def titled_entity(doc: DocumentContext, title: str, first: str) -> str:
    """The entity of a person named by a first name and a title or profession of their own
    («Патриарх Кирилл», «Певица Алсу»): named with both, so it stays apart from other people
    with that first name across documents; ``title`` is the title's lemma."""
    name = f"{title.capitalize()} {first}"
    return doc.add_entity(
        EntityDraft(
            f"person:{name_key(name)}",
            "person",
            name,
            aliases=[cyr_to_lat(name)],
            attributes={"title": title},
        )
    )


_NAMED_AFTER = re.compile(r"(?<![\w-])(?:имени|им\.)(?:\s|$)")


def _profession_head(text: str) -> tuple[str, str | None, frozenset[str]] | None:
    """The lemma, gender and cases of a profession's first noun («российско-британской
    певицы»: певица, femn, gent), None where it opens with no noun of the dictionary."""
    for word in re.findall(r"[А-ЯЁа-яё-]+", text)[:3]:
        parses = [p for p in morph().parse(word.lower()) if p.is_known]
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        if nouns and nouns[0] is parses[0]:
            cases = frozenset(p.tag.case for p in nouns if p.tag.case)
            return nouns[0].normal_form, nouns[0].tag.gender, cases
    return None


def _may_be_surname(word: str) -> bool:
    return any("Surn" in p.tag.grammemes for p in morph().parse(word))


def _first_name(word: str, cases: frozenset[str], gender: str | None) -> str | None:
    """The nominative of a first name in one of ``cases`` («Натальей»: наталья), not a
    man's after a woman's profession; None when the dictionary has no such reading."""
    for parse in morph().parse(word):
        tag = parse.tag
        if (
            "Name" in tag.grammemes
            and "sing" in tag.grammemes
            and tag.case in cases
            and parse.score >= 0.05
            and not (gender == "femn" and tag.gender == "masc")
        ):
            return parse.normal_form
    return None
