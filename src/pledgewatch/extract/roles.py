"""Which profession spans of a sentence describe which person: the links behind role facts
(and NEREL's WORKS_AS).

A profession is linked to a person when it stands

- right before the name, with at most a few words (adjectives, a rank, an organization,
  an acronym in brackets, a place or body its span left out, a membership) or a comma or
  dash between: «президент России Владимир Путин», «Президент России, Владимир Путин»,
  «Министр обороны — Иван Петров», «премьер-министр страны Иван Петров», «губернатор
  штата член партии Иван Петров»; or a comma after a place or before a description of
  the person with no verb in the profession's case («археолог из Омска, Иван Петров»,
  «писатель, уроженец города Омска Иван Петров»); or a longer name of a body that both
  the instrumental or dative bridge («главным менеджером фестиваля «Весна» Анной
  Петровой»);
- right after the name in apposition: «Иван Петров, министр обороны», «Иван Петров —
  известный российский актёр», «Иван Петров, один из лучших дирижёров», also after
  descriptions that are no profession («Иван Петров — великий поляк, выдающийся
  художник», «Иван Петров, соратник Олега Сидорова, премьер-министр»);
- after the name as the complement of a linking verb or a post: «Иван Петров стал мэром»,
  «Петров занимал пост министра», «освободил Петрова от должности губернатора»,
  «Петров остаётся главой холдинга», «Петрова признана лучшей актрисой», «Петров исполняет
  обязанности губернатора»; or in the instrumental after the object of a verb of
  appointing: «назначил Ивана Петрова первым заместителем»;
- before the name as the complement of such a verb: «Новым мэром стал Иван Петров»,
  «Министром финансов был Иван Петров».

Coordinated professions share the person («актриса и режиссёр Анна Петрова», «Петров,
директор и основатель компании»), and a plural profession before a list of names
describes each of them («актрисы Анна Петрова, Мария Иванова и Ольга Сидорова», also
after a colon or dash: «музыканты оркестра — Анна Петрова и Мария Иванова», or «среди
которых»: «писатели и критики, среди которых — Анна Петрова из Омска и …»), as does
one after «один из» («одна из солисток ансамбля Анна Петрова»). A seat on a legislature,
a government or a board is a profession too («член Совета Федерации», «член правления
банка»); a membership of a party or a union is not (its facts are memberships).
Of nested profession spans the outermost is linked («президент России», not
«президент»), which is what the annotation of NEREL links too, except a deputy's before
a name in the genitive, which holds the office inside it («помощник генпрокурора Ивана
Петрова»: Petrov is the prosecutor general).

A role fact is shown on a person's page, so a profession that belongs to someone else
next to the name is left out: a name in the genitive after a nominative profession
(«адвокат Ивана Петрова»), one name after a plural profession («адвокаты Сингха»), the
first of two names in a row («адвокат Гибсона Стивен Колодни»), a relative's name after
the profession («дочь писателя Мария Петрова»), a name after a word for whose profession
it is («адвоката обвиняемого Ивана Петрова», «адвокат семьи Ивана Петрова»), a
surname in an oblique case whose nominative the text gives («Адвокат Маркива», the man
named «Маркив» elsewhere), the second of two names after a profession the first agrees
with («"короля поп-музыки" Майкла Джексона Кэтрин»), a name after a participle's clause
(«адвокат, защищавший Ивана Петрова»). The subject of a verb of appointing
before a post («Петров назначил его на должность прокурора») and a name after a
preposition («До Петрова пост министра занимал …») hold no post after them.
A sentence without a name is linked to the person of the sentence before only through
«он» or «она» as the subject of a linking verb, or to the person named last in the three
sentences before through a linking verb with no subject at all («… Окончил университет.
С 2002 года был депутатом.»), and not when the verb's gender is not the name's
(:func:`carried_role_links`): a bare profession there is too often someone else's (on
NEREL train, two links in three were wrong; one that repeats the person's own word, one
in two).
"""

from __future__ import annotations

import re
from functools import cache

from pledgewatch.extract.document import DocumentContext, Span
from pledgewatch.extract.grammars.professions import honorary_title, is_deputy_word

_ADJECTIVE = r"[А-ЯЁа-яё-]+(?:ый|ий|ой|ым|им|ого|его|ая|яя|ую|юю|ей|ые|ие|ых|их|ыми|ими)"
# Words between a profession and the name after it: adjectives, a capitalised word (a
# rank, an organization natasha missed), an age, quotes, «из» or «от» before a place or
# party, English words; never a Russian verb («Президент встретился с семьёй Ивана
# Петрова»).
_GAP_WORD = (
    rf"(?:{_ADJECTIVE}|из|от|[a-z][\w-]*|[A-ZА-ЯЁ\d«»„“”\"'][\w\-«»„“”\"'.]*"
    r"|\([^()]{1,40}\))"  # an acronym in brackets: «администрации (ПНА) Махмуд Аббас»
)
_GAP_BEFORE_NAME = re.compile(rf"^\s*[,—–-]?\s*(?:{_GAP_WORD}\s+){{0,3}}$")
# A plural profession, then a colon or dash before a list of names («музыканты группы —
# Иван Петров, Олег Сидоров и Анна Смирнова», «пять экс-президентов: …»).
_GAP_BEFORE_LIST = re.compile(rf"^\s*(?:{_GAP_WORD}\s+){{0,3}}[:—–-]\s*$")
_AS_EXAMPLES = re.compile(r"^\s*,\s*как\s+$")
# A plural profession, then words that open a list of some of them: «писатели и критики,
# среди которых — Иван Петров и …», «музыканты, в том числе Анна Петрова», «артисты,
# такие как Иван Петров». The names are in the nominative whatever the plural's case.
_LIST_INTRO = re.compile(
    rf"^\s*(?:(?:{_GAP_WORD}|[а-яё-]+),?\s+){{0,4}}?,?\s*(?:среди\s+(?:которых|них)|"
    r"в\s+(?:том|их)\s+числе|такие,?\s+как)\s*(?:[:—–-]\s*)?$",
    re.IGNORECASE,
)
# «один из лучших дирижёров»: the profession in the plural after «один из».
_ONE_OF = r"(?:один|одн(?:а|о|им|ой|ого|ому|у))\s+из\s+(?:(?:самых|наиболее)\s+)?"
# «одна из солисток группы Анна Петрова»: a plural profession that is the name's own.
_ONE_OF_BEFORE = re.compile(rf"(?<![\w-]){_ONE_OF}(?:{_ADJECTIVE}\s+){{0,2}}$", re.IGNORECASE)
# A comma, bracket or dash after the name, then up to four adjectives or ages
# («Иван Петров — известный советский и российский актёр», «выдающийся»).
_APPOSITION = re.compile(
    rf"^\s*(?:\([^()]{{0,40}}\)\s*)?(?:,\s*[–—-]|[,(–—-])\s*(?:{_ONE_OF})?"
    rf"(?:(?:{_ADJECTIVE}|выдающ[а-яё]+|и|[\d-]+\w*)\s+){{0,4}}$"
)
_SPELLING_AFTER = re.compile(r"\s*\(([^()]{1,40})\)")
# A linking verb or a post, then at most two adjectives or ordinals, right before the
# profession.
_COPULA = (
    r"стал[аи]?|станет|становится|станут|являе?т?ся|являл[аи]?сь|являлся|являются|был[аи]?|"
    r"будет|назначен[аы]?|избран[аы]?|работал[аи]?|работает|служил[аи]?|служит|"
    r"занимал[аи]?|занимает|занимающ\w+|занимавш\w+|занял[аи]?|займ[её]т|как|качестве|"
    r"оста[её]тся|осталс[яь]|осталась|оставался|оставалась|"
    r"пост[ау]?|должност[ьи]|посту|"
    # «признана лучшей актрисой», «считается опытным политиком», «переизбран председателем»,
    # «исполняет обязанности губернатора», «присвоено звание полковника»
    r"признан[аы]?|назван[аы]?|счита(?:е|л|ю)\w*с[яь]|утвержд[её]н[аы]?|выбран[аы]?|"
    r"переизбран[аы]?|обязанност(?:и|ей)|звани[ея]"
)
_PREDICATE = re.compile(
    rf"(?:^|\s)(?:{_COPULA})\s+(?:{_ONE_OF})?(?:(?:{_ADJECTIVE}|\d+-\w+|более|наиболее)\s+){{0,2}}$",
    re.IGNORECASE,
)  # «стала 13-м президентом», «считается одним из самых известных журналистов»
# A participle of a linking verb after the name and a comma («Иван Петров, ранее работавший
# прокурором», «Анна Петрова, являющаяся депутатом»); kept apart from _PREDICATE, which the
# role model reads.
_PARTICIPLE = re.compile(
    r"^\s*,\s*(?:(?:ранее|прежде|давно|также|много\s+лет|долгое\s+время)\s+)?"
    r"(?:работа(?:вш|ющ)|служивш|являвш|являющ|ставш)\w*\s+"
    rf"(?:{_ONE_OF})?(?:(?:{_ADJECTIVE}|\d+-\w+)\s+){{0,2}}$",
    re.IGNORECASE,
)
# Up to five words after the verb: «Главным тренером стал тренер «академиков» Иван
# Петров», «Продюсером фильма выступил оскароносный актёр Иван Петров».
_PREDICATE_BEFORE = re.compile(
    r"^\s+(?:был[аи]?\s+)?(?:стал[аи]?|станет|станут|назначен[аы]?|избран[аы]?|будет|"
    r"выступил[аи]?|выступает)\s+(?:[\w«»\"'-]+\s+){0,5}$",
    re.IGNORECASE,
)
# «Министром финансов был Иван Петров», «Президентом становится Петров», «Исполняющим
# обязанности генсека является министр энергетики Иван Петров»: a linking verb between the
# profession, which must then be in the instrumental, and the name, up to five words (the
# name's own professions one word each) between the verb and the name.
_COPULA_BEFORE = re.compile(
    r"^\s+(?:был[аи]?|являл(?:ся|ась|и?сь)|явля(?:е|ю)тся|становится|становятся|"
    r"признан[аы]?|выбран[аы]?|переизбран[аы]?)\s+(?P<words>(?:[\w«»\"'-]+\s+){0,5})$",
    re.IGNORECASE,
)
# A preposition before a profession in the instrumental («с белым офицером»): the
# profession is no predicate's complement.
_GOVERNED = re.compile(
    rf"(?<![\w-])(?:с|со|под|над|за|перед|между)\s+(?:{_ADJECTIVE}\s+){{0,2}}$", re.IGNORECASE
)
# A verb of appointing before the name, the profession in the instrumental right after it
# («назначил Ивана Петрова первым заместителем», «после избрания Петрова президентом»).
_APPOINTED = re.compile(
    r"(?<![\w-])(?:назнач|утверд|избра|избир|переизбра|провозгласи|выдвину)\w*"
    r"(?:\s+[\w-]+){0,3}\s+$",
    re.IGNORECASE,
)
_APPOINTED_GAP = re.compile(rf"^\s+(?:(?:{_ADJECTIVE}|\d+-\w+)\s+){{0,2}}$")
_CLAUSE_BREAK = re.compile(r"[.;:!?«»\"]")
# the role link model (extract.role_model) reads the gap between a pair with these too
PREDICATE, CLAUSE_BREAK = _PREDICATE, _CLAUSE_BREAK
# A relative or companion before a profession: a name after it that is not in the
# genitive is theirs, not the profession's («дочь президента Иванка Трамп», «супруга
# музыканта Анна Петрова»; but «дочь президента Ивана Петрова» is the president's).
_KIN_BEFORE = re.compile(
    r"(?<![\w-])(?:дочь|дочерь?ю|дочери|сын\w{0,2}|жен[аыуе]|женой|муж\w{0,2}|супруг\w{0,2}|"
    r"мать|матер\w+|отец|отц\w+|брат\w{0,2}|сестр\w{1,2}|вдов\w{1,2}|внук\w{0,2}|"
    r"внучк\w+|племянни\w+|подруг\w+|друг[аоу]?|другом|друзья|друзей|невест\w+|пасси\w+|биограф|ассистент\w*|"
    r"помощница|родственни\w+|соратни\w+)"
    rf"\s+[«\"]?(?:(?:{_ADJECTIVE}|\d+-\w+)\s+){{0,2}}(?:экс-)?$",
    re.IGNORECASE,
)

# Between coordinated professions: a comma, «и», «, а ныне», «, а затем» (one post after the
# other: «был министром финансов, а затем министром юстиции»), a dash, or nothing
# («начальник штаба, заместитель командующего генерал-лейтенант Иван Петров»); an honorary
# title's adjective before the second, which is the title's head («актёр театра и кино,
# народный артист России Иван Петров»: the profession span of the title is «артист»).
_COORDINATION = re.compile(
    r"^\s*(?:,|и|,\s*а (?:также|ныне|теперь)|,?\s*(?:а\s+)?(?:затем|потом|позже|позднее)"
    r"|,?\s*[—–]|\s-(?=\s))?\s*"
    r"(?:экс-|(?:народн|заслуженн)[а-яё]{2,3}\s+"
    rf"|(?<=и\s)(?:{_ADJECTIVE}\s+){{1,2}})?$"
)  # «и экс-министр», «артист балета и российский военный»
# A comma and adjectives between professions before a name («глава департамента,
# знаменитый изобретатель Иван Петров»).
_COMMA_ADJECTIVES = re.compile(rf"^\s*,\s*(?:{_ADJECTIVE}\s+){{1,2}}$")
_PLACE_FIRST = re.compile(r"^\s[A-ZА-ЯЁ][\w-]*(?:\s+(?:и\s+)?[A-ZА-ЯЁ][\w-]*)?(?=\s*,)")
# Between names of a list: a comma or «и», after the name in brackets or where the
# person is from («Иван Петров из Москвы, Анна Петрова из Омска и …»).
_LIST_OF_NAMES = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:\s+из\s+[А-ЯЁ][\w-]*(?:\s+[а-яё-]+)?)?"
    r"\s*(?:,|и|,\s*а также)\s*$"
)


_NAME_TYPES = ("organization", "location", "country")
_TYPES = ("person", "profession", *_NAME_TYPES)


def role_links(doc: DocumentContext, index: int) -> list[tuple[Span, Span, str]]:
    """(person, profession, role) of sentence ``index``, the profession the outermost of its
    nested spans, the role the most specific one among them («оппозиционный политик»: an
    opposition politician, not "other")."""
    found_in_sentence = doc.spans_in(index, *_TYPES)
    persons = [s for s in found_in_sentence if s.type == "person"]
    spans = [s for s in found_in_sentence if s.type == "profession" and s.data]
    spans += [seat for s in found_in_sentence if (seat := _seat(doc, s)) is not None]
    spans.sort(key=lambda s: s.start)
    professions = outermost(spans)
    names = [s for s in found_in_sentence if s.type in _NAME_TYPES]
    links: list[tuple[Span, Span]] = []
    by_person: dict[int, list[Span]] = {}
    for i, person in enumerate(persons):
        found = _before(doc, person, professions, names, persons, spans)
        found += _after(doc, person, professions, persons)
        if not found and i and by_person.get(i - 1):
            found = _shared_with_previous(doc, persons[i - 1], person, by_person[i - 1])
        by_person[i] = [p for p in found if _before_name(p, person)]
        links += [(person, p) for p in found]
    links += _named_after_predicate(doc, professions, persons)
    unique = {(p.start, f.start): (p, f) for p, f in links}
    return [(p, f, role_of(f, spans)) for p, f in unique.values()]


# A membership that is a seat on a body rather than in a party or a union: a post, which
# NEREL annotates as a profession too («член Совета Федерации», «член правления
# «Газпрома»», «члена Палаты представителей», «член бундестага»). The seats in a
# legislature or a government are an official's.
_SEAT_BODY = re.compile(
    r"^\S+\s+(?:[а-яё-]+(?:ого|его|ой|ей)\s+)?(?:правлени|совет|комитет|президиум|бюро"
    r"|коллеги|палат|сенат|парламент|конгресс|бундестаг|\w*дум[аыеу]|совфед|правительств"
    r"|политбюро|госсовет)",
    re.IGNORECASE,
)
_OFFICIALS_SEAT = re.compile(
    r"(?i:федераци|совфед|палат|сенат|парламент|конгресс|бундестаг|дум[аыеу]|правительств"
    r"|политбюро|госсовет)"
)
_PARTY_IN = re.compile(r"(?i:парти|фракци)")
_PARTY_AFTER = re.compile(r"[»\"]?\s*(?:[а-яё]+\s+){0,2}(?:парти|фракци|движени)", re.IGNORECASE)


def _seat(doc: DocumentContext, span: Span) -> Span | None:
    """A membership span that holds a seat (:data:`_SEAT_BODY`) as a profession span with
    its role; None for any other span («член партии», «член Союза писателей», «члена
    Высшего совета партии»)."""
    if span.type != "profession" or span.data or not _SEAT_BODY.match(span.text):
        return None
    if _PARTY_AFTER.match(doc.text, span.end) or _PARTY_IN.search(span.text):
        return None  # «члена Высшего совета партии», «член бюро совета партии»: a party's organ
    role = "official" if _OFFICIALS_SEAT.search(span.text) else "other"
    return Span(span.type, span.start, span.end, span.text, span.entity, role)


# «Он был назначен епископом»: a pronoun as the subject, then a linking verb.
_SUBJECT_PRONOUN = re.compile(r"(?<![\w-])(?:[Оо]н|[Оо]на)(?![\w-])")
# What may open a sentence with no subject before its linking verb: a date or a span of
# years («В 2006 году назначен…», «С 1975 по 1977 работал…», «27 декабря 2011 года —
# назначен…»), and «был» of «был назначен». Any other word may be the subject («Новый
# министр был назначен…»).
_WHEN_ONLY = re.compile(
    r"^(?:[\s,—–-]|\d+(?:-[а-я]+)?|(?:с|со|в|во|по|до|после|от|к|настоящее|время|год\w*|гг?\."
    r"|был[аи]?"
    r"|январ\w*|феврал\w*|март\w*|апрел\w*|ма[яй]|июн\w*|июл\w*|август\w*|сентябр\w*"
    r"|октябр\w*|ноябр\w*|декабр\w*)(?![\w-]))*$",
    re.IGNORECASE,
)
# How many sentences back the person of a subjectless sentence may be named: a biography
# goes on without the name («Иван Петров родился в Омске. Окончил университет. С 2002 года
# был депутатом.»). «Он» stands for the person of the sentence right before.
_SUBJECTLESS_REACH = 3


def carried_role_links(doc: DocumentContext, index: int) -> list[tuple[Span, Span, str]]:
    """(person, profession, role) of a sentence that names nobody and goes on about the
    one person named last before it: «Иван Петров родился в Омске. В 1981 году он был
    назначен епископом.», «… Окончил семинарию. В 1981 году был назначен епископом.»
    Only «он» or «она» as the subject of a linking verb with the profession after it (the
    person then named in the sentence right before), or a linking verb with no subject at
    all, after a date at most: a bare profession in the next sentence is often someone
    else's («Ивана Петрова задержали. Адвокат заявил …»), and on NEREL train a profession
    that repeats the person's own word («…режиссёр Иван Петров. …у 88-летнего
    режиссёра…») was right only half the time."""
    if index == 0 or doc.spans_in(index, "person"):
        return []
    start, end = doc.sentences[index]
    spans = [s for s in doc.spans_in(index, "profession") if s.data]
    pronoun = _SUBJECT_PRONOUN.search(doc.text, start, end)
    if pronoun:
        subject_end, reach = pronoun.end(), 1
    else:
        subject_end, reach = start, _SUBJECTLESS_REACH
    after = [p for p in outermost(spans) if p.start >= subject_end]
    named = _named_before(doc, index, reach)
    if not after or not named:
        return []
    gap = doc.text[subject_end : after[0].start]
    predicate = _PREDICATE.search(gap)
    if not predicate or _CLAUSE_BREAK.search(gap) or len(gap.split()) > 8:
        return []
    if not pronoun and not _WHEN_ONLY.match(gap[: predicate.start()]):
        return []
    if not pronoun and (_genitive_only(named.text) or not _as_named(doc, named)):
        # «Давний друг Ивана Петрова уехал. Был назначен …» is about the friend («он»
        # may stand for a name in any case: «Ивана Петрова задержали. Он был …»)
        return []
    if verb_disagrees(doc, named, after[0]):
        return []  # «Иван Петров … Работала прокурором» is about someone else
    found = [after[0]]
    for later in after[1:]:
        if not _next_predicate(doc.text[found[-1].end : later.start]):
            break
        found.append(later)
    return [(named, p, role_of(p, spans)) for p in found]


# What joins a carried profession's clause to the next one of the same subject: «,
# позже в 1951 году стал клоуном», «и занимал должность заместителя».
_NEXT_CLAUSE = re.compile(
    r"^\s*,?\s*(?:(?:а|и|затем|позже|позднее|потом|впоследствии)(?![\w-])\s*)*", re.IGNORECASE
)


def _next_predicate(gap: str) -> bool:
    """Whether the gap between two professions opens a clause with the same subject and a
    linking verb before the second, after a date at most («Работал эквилибристом, позже в
    1951 году стал клоуном»)."""
    rest = gap[_NEXT_CLAUSE.match(gap).end() :]
    predicate = _PREDICATE.search(" " + rest)
    return bool(
        predicate
        and not _CLAUSE_BREAK.search(gap)
        and _WHEN_ONLY.match((" " + rest)[: predicate.start()])
    )


def _as_named(doc: DocumentContext, person: Span) -> bool:
    """Whether the mention ends in a word of the entity's name, in the nominative as that
    is: the subject of a sentence is named so («Нурлан Абдыкадыров», «Нурлан»), someone
    it is about in another case («друг Нурлана Абдыкадырова»)."""
    return person.text.split()[-1] in doc.entity(person.entity).name.split()


def verb_disagrees(doc: DocumentContext, person: Span, profession: Span) -> bool:
    """Whether a linking verb in the past right before the profession is of the other
    gender than the person's name («Иван Петров … Работала прокурором», «Анна Петрова …
    был назначен министром»): the profession is someone else's."""
    start = doc.sentences[doc.sentence_index(profession.start)][0]
    predicate = _PREDICATE.search(doc.text[max(start, profession.start - 60) : profession.start])
    if predicate is None or person.entity is None:
        return False
    verb_gender = _past_gender(predicate.group().split()[0].lower())
    name_gender = _name_gender(doc.entity(person.entity).name)
    return bool(verb_gender and name_gender and verb_gender != name_gender)


@cache
def _past_gender(word: str) -> str | None:
    """«masc» or «femn» of a verb in the past singular or a short participle («был»,
    «работала», «назначена»), None for any other word."""
    from pledgewatch.extract.nlp import _morph

    tag = _morph().parse(word)[0].tag
    if tag.POS in ("VERB", "PRTS") and tag.gender in ("masc", "femn") and tag.number == "sing":
        return tag.gender
    return None


_WOMANS_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_MANS_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


def surname_gender(name: str) -> str:
    """A Russian surname's gender by its ending in the nominative («Петрова»: femn), ``?``
    for others."""
    last = name.rsplit(None, 1)[-1].lower() if name.strip() else ""
    if _WOMANS_SURNAME.search(last):
        return "femn"
    return "masc" if _MANS_SURNAME.search(last) else "?"


@cache
def _name_gender(name: str) -> str | None:
    """The gender of a name in the nominative: of its first name where the dictionary
    knows it («Иван»), else of a Russian surname's ending («Нурлан Абдыкадыров»)."""
    from pledgewatch.extract.nlp import _morph

    words = name.split()
    genders = {
        p.tag.gender
        for p in _morph().parse(words[0])
        if "Name" in p.tag.grammemes and p.tag.case == "nomn" and p.score >= _RARE_NAME_READING
    }
    if len(genders) == 1:
        return genders.pop()
    if len(words) > 1:
        gender = surname_gender(name)
        return None if gender == "?" else gender
    return None


def _named_before(doc: DocumentContext, index: int, reach: int) -> Span | None:
    """The last mention of the one person the nearest of the ``reach`` sentences before
    ``index`` that names anyone names (None when it names two or more)."""
    for earlier in range(index - 1, max(-1, index - 1 - reach), -1):
        persons = doc.spans_in(earlier, "person")
        if persons:
            named = [p for p in persons if p.entity]
            return named[-1] if named and len({p.entity for p in named}) == 1 else None
    return None


def unclear_pronoun(doc: DocumentContext, index: int, profession: Span) -> bool:
    """Whether «он» or «она» before the profession in sentence ``index`` may stand for
    either of two or more people the sentence before names («Иван Петров и Олег Сидоров
    окончили университет. Он был назначен прокурором.»): then nobody of an earlier
    sentence gets the profession, neither by the rules nor by the model."""
    start = doc.sentences[index][0]
    if index == 0 or not _SUBJECT_PRONOUN.search(doc.text, start, profession.start):
        return False
    named = {p.entity for p in doc.spans_in(index - 1, "person") if p.entity}
    return len(named) > 1


def role_of(profession: Span, spans: list[Span]) -> str:
    roles = [s.data for s in spans if profession.start <= s.start and s.end <= profession.end]
    return next((r for r in roles if r != "other"), "other")


def outermost(professions: list[Span]) -> list[Span]:
    return [
        p
        for p in professions
        if not any(
            q is not p
            and q.start <= p.start
            and p.end <= q.end
            and q.end - q.start > p.end - p.start
            for q in professions
        )
    ]


def _before_name(profession: Span, person: Span) -> bool:
    return profession.end <= person.start


# The quote a profession's span leaves out at its end («генеральный директор «Знамени»»:
# the span ends before «»», as NEREL's does).
_CLOSING_QUOTE = {"«": "»", "„": "“", "“": "”", '"': '"'}


def _past_closing_quote(profession: Span, gap: str) -> str:
    """The gap after a profession without the closing quote of a name its span opened
    («директор компании «Знамя», Иван Петров»: the gap is «, », not «», »)."""
    for opening, closing in _CLOSING_QUOTE.items():
        count = profession.text.count(opening)
        unclosed = count % 2 if opening == closing else count > profession.text.count(closing)
        if unclosed and gap.startswith(closing):
            return gap[1:]
    return gap


# A comma or dash alone between a profession and the name after it.
_PUNCTUATION_GAP = re.compile(r"^\s*[,—–-]\s*$")
# A name and a dash before a profession, up to two adjectives between («Иван Петров —
# лучший футболист, Олег Сидоров — тренер»): the profession is the first name's predicate.
_NAME_DASH_BEFORE = re.compile(rf"\s[—–-]\s+(?:{_ADJECTIVE}\s+){{0,2}}$")
# Standing for a post before it: «кандидатом на пост мэра станет …», «претендент на
# должность директора», «баллотироваться на пост президента».
_STANDING_FOR = re.compile(
    r"(?<![\w-])(?:кандидат|претендент|баллотир)\w*(?:\s+[\w-]+){0,2}\s+на\s+"
    rf"(?:(?:этот|эту|вакантн\w+)\s+)?(?:пост|должность|место)\s+(?:{_ADJECTIVE}\s+){{0,2}}$",
    re.IGNORECASE,
)
STANDING_FOR = _STANDING_FOR  # the role model skips such a post too
# «будучи» before a profession in the instrumental: the subject's, named after the comma
# («Будучи министром, Иван Петров …»).
_BEING = re.compile(rf"(?<![\w-])будучи\s+(?:{_ADJECTIVE}\s+){{0,2}}$", re.IGNORECASE)


def _owner_of_earlier(doc, nearest: Span, before: list[Span], person: Span) -> Span | None:
    """The profession right before ``nearest`` when ``nearest`` is in the genitive, its
    owner, and the name in the nominative («адвокат основателя компании Иван Петров»,
    «директор актрисы Анна Петрова»): the name holds that first profession, not the
    owner's; None otherwise («командующего округом генерал-полковника Ивана Петрова»: the
    name in the genitive too holds both)."""
    earlier = next(
        (p for p in before if p.end + 1 == nearest.start and doc.text[p.end] == " "), None
    )
    head = re.match(r"[А-ЯЁа-яё-]+", nearest.text)
    first = re.search(r"[А-ЯЁа-яё-]+(?![\w.])", person.text)
    if earlier is None or not head or not first or _likely_case(first.group()) != "nomn":
        return None
    cases = _singular_noun_cases(head.group())
    return earlier if cases and "nomn" not in cases and "gent" in cases else None


@cache
def _singular_noun_cases(word: str) -> frozenset[str]:
    """The cases of a word's singular readings («актрисы»: the genitive, not the plural
    nominative)."""
    from pledgewatch.extract.nlp import _morph

    return frozenset(
        p.tag.case for p in _morph().parse(word.lower()) if p.tag.case and "sing" in p.tag.grammemes
    )


def _clause_ends_after(doc, profession: Span, person: Span) -> bool:
    """Whether a comma or dash after the profession closes its clause, the name after it
    opening the next: the profession not in the nominative and the name not in its case
    («По данным сайта президента, Иван Петров родился …»; not «с музыкантами группы —
    Вадимом Петровым, …»), or the predicate of a name before it and a dash («Иван Петров
    — лучший футболист, Олег Сидоров — тренер»); not an apposition before the name
    («Президент России, Иван Петров, заявил»)."""
    if _BEING.search(doc.text, max(0, profession.start - 40), profession.start):
        return False  # «Будучи игроком клуба, Иван Петров …»: the name's own
    cases = _cases(profession.text.split()[0], "")
    first = re.search(r"[А-ЯЁа-яё-]+(?![\w.])", person.text)  # «Т.Комбсу»: the surname
    if cases and "nomn" not in cases and not (first and _likely_case(first.group()) in cases):
        return True
    dash = _NAME_DASH_BEFORE.search(doc.text, max(0, profession.start - 60), profession.start)
    return bool(dash) and any(
        s.type == "person" and 0 <= dash.start() - s.end <= 1
        for s in doc.spans_in(doc.sentence_index(profession.start), "person")
    )


def _between_has(spans: list[Span], start: int, end: int) -> bool:
    return any(start <= s.start and s.end <= end for s in spans)


def _before(doc, person: Span, professions, names, persons, spans) -> list[Span]:
    """The nearest profession before the name and those coordinated with it."""
    before = [p for p in professions if p.end <= person.start]
    if not before:
        return []
    nearest = max(before, key=lambda p: p.end)
    office = _office_of_deputy(nearest, spans, person)
    if office is not None:
        before = [office if p is nearest else p for p in before]
        nearest = office
    # a name right before the name is the client: «адвокат Гибсона Стивен Колодни»; but
    # after a relative it is the office holder: «жена президента Ивана Петрова Мария»
    between = [p for p in persons if nearest.end <= p.start and p.end <= person.start]
    if any(p.end + 1 < person.start for p in between):
        return []
    if between and _holds_in_oblique_case(nearest, between[0]):
        return []  # «мать "короля поп-музыки" Майкла Джексона Кэтрин»: the first name's
    if _client_of_next(doc, person, persons) and not _KIN_BEFORE.search(
        doc.text, max(0, nearest.start - 40), nearest.start
    ):
        return []
    if _kin_named(doc, nearest, person, bool(between)):
        return []
    gap = _past_closing_quote(
        nearest, doc.text[nearest.end : between[0].start if between else person.start]
    )
    holder = _owner_of_earlier(doc, nearest, before, person) if not between else None
    if holder is not None:
        # «менеджер музыканта Иван Петров»: Petrov is the manager, not the musician
        return [] if _kin_named(doc, holder, person, False) else [holder]
    if _PUNCTUATION_GAP.match(gap) and not between and _clause_ends_after(doc, nearest, person):
        return []  # «По словам советника губернатора, Иван Петров …»: a new clause's subject
    if _STANDING_FOR.search(doc.text, max(0, nearest.start - 60), nearest.start):
        return []  # «кандидат на пост мэра Иван Петров» does not hold the post
    for member in outermost(_memberships(doc, nearest.end, person.start)):
        gap = gap.replace(member.text, " ")  # «губернатор штата член партии Иван Петров»
    for name in names:  # organizations and places: «журналист из Каракалпакстана»
        if nearest.end <= name.start and name.end <= person.start:
            gap = gap.replace(name.text, " ")
    if owner_word_in(gap) and not _MAN_IN_NOMINATIVE.search(person.text):
        return []  # «адвоката обвиняемого Ивана Петрова» is Petrov's lawyer; in «Адвокат
        # осуждённой Ринат Курманов» the name in the nominative is the lawyer
    gap = _without_complement(gap)
    if any(_active_participle(w) for w in re.findall(r"[а-яё]+", gap)):
        return []  # «адвокат, защищавший Ивана Петрова» is not Petrov
    plural = _only_plural(nearest.text.split()[0])
    # a list after a colon or dash makes a plural of a form that may be singular too
    # («гандболистки клуба «Динамо»: Анна Петрова, Мария Иванова …»)
    listed = _is_plural(nearest.text.split()[0]) and _list_follows(doc, person, persons)
    # «с такими режиссёрами, как Иван Петров, Олег Сидоров и …»: the names after «как»
    # are examples of the plural, in the nominative whatever its case
    examples = listed and _AS_EXAMPLES.match(gap)
    # «писатели и критики, среди которых — Иван Петров»
    examples = examples or _is_plural(nearest.text.split()[0]) and _LIST_INTRO.match(gap)
    if not (
        _GAP_BEFORE_NAME.match(gap)
        or listed
        and _GAP_BEFORE_LIST.match(gap)
        or examples
        or not plural
        and person.entity
        and _described(gap, nearest)
        or _agreeing_across(gap, nearest, person)
    ):
        return []
    if not examples and (
        not (_agree(nearest.text, person.text) or _named_as_written(doc, person))
        or _genitive_by_verb(doc, nearest, person)
        or _declined_after_nominative(doc, nearest, person)
    ):
        return []  # «адвокат Ивана Петрова» is Petrov's lawyer, not Petrov
    if (
        plural
        and not (listed or examples)
        and not _ONE_OF_BEFORE.search(doc.text, 0, nearest.start)
    ):
        return []  # «адвокаты Сингха»: one name after a plural is their client's
    found = [nearest]
    for earlier in sorted(before, key=lambda p: -p.end):
        if earlier.end > found[-1].start:
            continue
        between_them = _past_closing_quote(earlier, doc.text[earlier.end : found[-1].start])
        if honorary_title(doc.text, earlier.start) and any(
            n.start == earlier.end + 1 and n.type != "organization" for n in names
        ):
            # the country of an honorary title, which its span leaves out: «народная
            # артистка СССР, оперная певица Анна Петрова»
            between_them = _PLACE_FIRST.sub("", between_them, count=1)
        if _COORDINATION.match(between_them) or _COMMA_ADJECTIVES.match(between_them):
            found.append(earlier)  # «глава департамента, знаменитый изобретатель Иван Петров»
    if len(found) > 1 and _kin_named(doc, found[-1], person, bool(between)):
        return []  # «дочь писателя, актёра и режиссёра Мария Петрова»: the father's
    return found


# A profession, a comma, then more words about the same person before the name: «археолог
# из Омска, Иван Петров», «писатель, уроженец города Омска Иван Петров», «футболисту
# сборной, легендарному Ивану Петрову».
_DESCRIBED = re.compile(
    rf"^\s*(?P<before>(?:{_GAP_WORD}\s+){{0,3}}),\s*"
    r"(?P<words>(?:[\w«»\"'-][\w«»\"'.-]*(?:\s+|(?=,\s*$))){0,10})(?:,\s*)?$"
)


def _described(gap: str, profession: Span) -> bool:
    """Whether the gap between a profession and the name after it is a comma after a
    place («археолог из Омска, Иван Петров») or a description of the same person in the
    profession's case with no verb in it: «общественный деятель, уроженец города Омска
    Иван Петров», «руководителю театра, полному кавалеру ордена Ивану Петрову»; not
    «адвокат, защищавший Ивана Петрова»."""
    match = _DESCRIBED.match(gap)
    if match is None:
        return False
    words = re.findall(r"[А-ЯЁа-яё][а-яё-]*", match.group("words"))
    if not words:
        return "из" in match.group("before").split()  # «прокурор из Майами, Рено»
    if not _described_by(words[0]):
        return False  # «дирижёр оркестра, с 2007 года Иван Петров»
    if any(_clause_word(w.lower()) for w in words if w != "и"):
        return False
    return bool(_cases(profession.text.split()[0], "") & _cases(words[0], ""))


# Words between a profession in the instrumental, dative or prepositional and a name in
# the same case: the body or organization the profession is of, which natasha did not
# find («главным менеджером Международного музыкального фестиваля «Весна» Анной Петровой»).
_BODY_WORDS = re.compile(r"^\s*(?:[\w«»\"'„“”-][\w«»\"'„“”.-]*\s+){1,8}$")
_CASES_AGREEING = frozenset({"ablt", "datv"})
_OBLIQUE_NAME = re.compile(r"[^\W\d_]{2}(?:ой|ей|ом|ем)$")


def _agreeing_across(gap: str, profession: Span, person: Span) -> bool:
    """Whether a longer gap of no clause between a profession and a name is bridged by
    their case: the profession in the instrumental or dative only, which nothing between
    them can be the head of, and the name in that case and not in the nominative
    («главным менеджером фестиваля «Весна» Анной Петровой», «художественному руководителю
    театра Ивану Петрову»; not «менеджером фестиваля Ивана Петрова»). The name's case is
    its first name's, or its last word's where the first name does not decline
    («Айгерим Сапаровой»)."""
    lower = re.findall(r"(?<![\w-])[а-яё]+(?![\w-])", gap)
    if not _BODY_WORDS.match(gap) or any(_clause_word(w) for w in lower):
        return False
    words = re.findall(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*", person.text)
    if not words:
        return False
    name_cases = _name_cases(words[0])
    if "nomn" in name_cases and len(words) > 1:
        name_cases = _name_cases(words[-1])
    profession_cases = _cases(profession.text.split()[0], "")
    return bool(
        "nomn" not in name_cases
        and profession_cases <= _CASES_AGREEING
        and profession_cases & name_cases
    )


def _name_cases(word: str) -> frozenset[str]:
    """The cases a word of a name can be in: as a name where the dictionary knows it, else
    by its guessed forms, an oblique ending of which is no nominative («Соной»)."""
    if _known(word):
        return _cases(word, "Name") or _cases(word, "")
    cases = _cases(word, "")
    return cases - {"nomn"} if _OBLIQUE_NAME.search(word) else cases


@cache
def _active_participle(word: str) -> bool:
    """Whether the word reads first as an active participle of a verb other than «быть»
    («защищавший», «представляющий»; not «бывший» or «действующий», which name a post's
    time)."""
    from pledgewatch.extract.nlp import _morph

    parse = _morph().parse(word)[0]
    return (
        parse.tag.POS == "PRTF"
        and "actv" in parse.tag.grammemes
        and parse.normal_form not in ("быть", "действовать")
    )


@cache
def _described_by(word: str) -> bool:
    """Whether a description may open with the word: a noun or an adjective in lower case
    («уроженец», «легендарному»), not a preposition or a name."""
    from pledgewatch.extract.nlp import _morph

    return word.islower() and _morph().parse(word)[0].tag.POS in ("NOUN", "ADJF")


@cache
def _clause_word(word: str) -> bool:
    """A verb, participle, gerund, pronoun or conjunction of a clause («защищавший»,
    «который», «что»): a description after a comma that has one is not an apposition."""
    from pledgewatch.extract.nlp import _morph

    tag = _morph().parse(word)[0].tag
    return tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND", "NPRO", "CONJ", "PRED") or (
        "Apro" in tag.grammemes
    )


# Nouns after a profession that say whose it is and leave the name after them the
# profession's («адвокат семьи Ивана Петрова», «защитник обвиняемого Петрова» are someone
# else's), where a place or body does not («премьер-министр страны Иван Петров»).
_OWNER_NOUN = re.compile(
    r"(?:сем(?:ьи|ей|ья)|родн\w+|родственник\w*|обвиняем\w+|подзащитн\w+|задержанн\w+|"
    r"осужд[её]нн\w+|потерпевш\w+|погибш\w+|убит\w+|заявител\w+|истц\w+|ответчик\w*|"
    r"клиент\w*|пострадавш\w+|покойн\w+)$"
)
_LOWER_WORDS = re.compile(r"^(\s*)((?:[а-яё][а-яё-]*\s+){1,2})")


def owner_word_in(gap: str) -> bool:
    """Whether a word for whose profession it is stands in ``gap`` («обвиняемого», «семьи»)."""
    return any(_OWNER_NOUN.match(w) for w in re.findall(r"[а-яё-]+", gap))


def _without_complement(gap: str) -> str:
    """The gap between a profession and a name without up to two lower-case genitive
    nouns of a place or body right after the profession («министр экономики области Анна
    Петрова», «глава полиции района Иван Петров»), which are the profession's own
    complement that its span left out."""
    match = _LOWER_WORDS.match(gap)
    if match is None:
        return gap
    words = match.group(2).split()
    nouns = words[1:] if len(words) == 2 and _genitive_adjective(words[0]) else words
    if not all(_inanimate_genitive(w) and not _OWNER_NOUN.match(w) for w in nouns):
        return gap  # («журналистке местного издания «Азаттык» …»: an adjective may come first)
    return match.group(1) + gap[match.end() :]


@cache
def _inanimate_genitive(word: str) -> bool:
    from pledgewatch.extract.nlp import _morph

    parses = _morph().parse(word)
    return parses[0].tag.POS == "NOUN" and any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and "inan" in p.tag.grammemes for p in parses
    )


@cache
def _genitive_adjective(word: str) -> bool:
    from pledgewatch.extract.nlp import _morph

    parses = _morph().parse(word)
    return parses[0].tag.POS == "ADJF" and any(p.tag.case == "gent" for p in parses)


def _memberships(doc, start: int, end: int) -> list[Span]:
    """Membership phrases between ``start`` and ``end`` («член партии»): profession spans
    that give no role."""
    return [
        s
        for s in doc.spans
        if s.type == "profession" and not s.data and start <= s.start and s.end <= end
    ]


def _kin_named(doc, profession: Span, person: Span, second_name: bool) -> bool:
    """Whether a relative or companion before the profession is who the name after it
    is: «дочь писателя Мария Петрова», «пассией экс-президента стала Анна Петрова»,
    «дочь президента Ивана Петрова Мария». A name that may be in the genitive is the
    profession's («дочь писателя Ивана Петрова»), unless its last word reads as a
    nominative («подруга премьер-министра Кэрри Симондс»: :func:`_reads_as_genitive`)."""
    if not relative_before(doc, profession):
        return False
    if second_name or not may_be_genitive(person.text):
        return True
    # a relative in the genitive may be the profession's holder as well, the profession
    # their apposition («у него и его супруги певицы Бейонсе»)
    return not (_kin_in_genitive(doc, profession) or _reads_as_genitive(person.text))


_COMMA_BEFORE = re.compile(r",\s*$")


def _companion_named(doc, person: Span) -> bool:
    """Whether the name is in the genitive after a word of kinship or company in the
    nominative that is itself an apposition after a comma («умер Олег Сидоров, соратник
    Ивана Петрова, премьер-министр в 1990-х годах»): the apposition after the name goes on
    describing the companion (it is Sidorov's: :func:`_past_descriptions`). Not a kinship
    word that opens the clause («Невеста Анна Петрова, студентка …»), where the name after
    it is the companion's own."""
    found = _kin_word_before(doc, person.start)
    if found is None:
        return False
    kin, word = found
    return (
        bool(_COMMA_BEFORE.search(doc.text, max(0, kin.start() - 3), kin.start()))
        and "gent" not in _cases(word, "")
        and _reads_as_genitive(person.text)
    )


def _kin_word_before(doc, end: int) -> tuple[re.Match, str] | None:
    """The word of kinship or company right before ``end`` (its match, and the word in
    lower case), or None."""
    kin = _KIN_BEFORE.search(doc.text, max(0, end - 40), end)
    word = re.match(r"[а-яё]+", kin.group().lower()) if kin else None
    return (kin, word.group()) if word else None


def _kin_in_genitive(doc, profession: Span) -> bool:
    """Whether the word of kinship or company before the profession may be a genitive
    («супруги», «дочери», not «подруга» or «сын»)."""
    found = _kin_word_before(doc, profession.start)
    return found is not None and "gent" in _cases(found[1], "")


# How a word of a name the dictionary does not know ends: declined in the genitive
# («Смита»), like one that does not decline («Фэрроу», «Акисино», «Олесси»: «-и» is
# as often a nominative as a genitive), or neither («Симондс», «Ингрэм-Мур»: a nominative).
_GENITIVE_ENDING = re.compile(r"(?:[аяы]|[ое]й|[ое]го)$")
_UNDECLINED_ENDING = re.compile(r"[иоуеюэ]$")
# A surname the dictionary does not know that ends as a feminine adjective in the
# nominative («Липницкая», «Гуцкая»): its genitive ends in «-ой», never in «-ая».
_ADJECTIVE_SURNAME = re.compile(r"[ая]я$")


def _reads_as_genitive(person: str) -> bool:
    """Whether a name reads as one in the genitive, judged by its last word, which
    declines where any does: declined as a genitive («Майкла Джексона», «Ким Чен Ына»),
    or one that does not decline after nothing in the nominative («Мии Фэрроу», «принца
    Акисино»); not a last word in the nominative («Кэрри Симондс», «Ханна Ингрэм-Мур»,
    «Жермен Джексон»)."""
    words = re.findall(r"[А-ЯЁа-яё][А-ЯЁа-яё-]+", person)
    if not words:
        return True
    last = _genitive_kind(words[-1])
    return (
        last == "declined"
        or last == "fixed"
        and all(_genitive_kind(w) != "nominative" for w in words)
    )


@cache
def _genitive_kind(word: str) -> str:
    """How a word of a name reads: "declined" when it may be a genitive of its own
    ending, "nominative" when it may be a nominative of a word that declines («Джексон» as
    a man's surname) and not a genitive, "fixed" for a word that does not decline
    («Кэрри», «Марио»)."""
    from pledgewatch.extract.nlp import _morph

    if not _known(word):
        if _ADJECTIVE_SURNAME.search(word.lower()):
            return "nominative"  # «Липницкая»: a woman's surname declined as an adjective
        if _GENITIVE_ENDING.search(word.lower()):
            return "declined"
        return "fixed" if _UNDECLINED_ENDING.search(word.lower()) else "nominative"
    singular = [p.tag for p in _morph().parse(word.lower()) if "sing" in p.tag.grammemes]
    if any(t.case == "gent" and "Fixd" not in t.grammemes for t in singular):
        return "declined"
    if any(t.case == "nomn" and "Fixd" not in t.grammemes for t in singular):
        return "nominative"
    return "fixed"


def relative_before(doc: DocumentContext, profession: Span, professions: list[Span] = ()) -> bool:
    """A word of kinship or company right before the profession («дочь писателя», «пассией
    экс-президента»), or before the first of ``professions`` coordinated with it («дочь
    писателя, актёра и режиссёра»): the profession is someone else's, the relative's."""
    first = profession
    for earlier in sorted((p for p in professions if p.end <= first.start), key=lambda p: -p.end):
        if earlier.end > first.start:
            continue  # nested in the one before
        if not _COORDINATION.match(doc.text[earlier.end : first.start]):
            break
        first = earlier
    return bool(_KIN_BEFORE.search(doc.text, max(0, first.start - 40), first.start))


def _office_of_deputy(deputy: Span, spans: list[Span], person: Span) -> Span | None:
    """The office inside a deputy's profession when the name after it, in the genitive,
    is the office holder's: «помощника генпрокурора Ивана Петрова» makes Petrov the
    prosecutor general, not the aide («помощник генпрокурора Иван Петров» is the aide)."""
    deputy_head = any(is_deputy_word(w) for w in deputy.text.split()[:2])
    if not deputy_head or not _genitive_only(person.text):
        return None
    inner = [s for s in spans if deputy.start < s.start and s.end == deputy.end and s.data]
    return min(inner, key=lambda s: s.start) if inner else None


def _genitive_only(person: str) -> bool:
    """Whether a name's first word is a first name the dictionary knows only in oblique
    cases, the genitive among them («Ивана», not «Иван» or «Любовь»)."""
    first = re.match(r"[А-ЯЁа-яё-]+", person)
    if not first or not _known(first.group()):
        return False
    cases = _singular_cases(first.group())
    return "gent" in cases and "nomn" not in cases


# A first name's reading the dictionary gives less weight than this is left out: «Дмитрия»
# is a man's name in the genitive, not the rare woman's name in the nominative.
_RARE_NAME_READING = 0.05


@cache
def _singular_cases(word: str) -> frozenset[str]:
    """The cases of a first name's singular parses («Кристины»: genitive, not the plural
    nominative)."""
    from pledgewatch.extract.nlp import _morph

    return frozenset(
        p.tag.case
        for p in _morph().parse(word.lower())
        if p.tag.case
        and "Name" in p.tag.grammemes
        and "sing" in p.tag.grammemes
        and p.score >= _RARE_NAME_READING
    )


def _after(doc, person: Span, professions, persons) -> list[Span]:
    """A profession after the name in apposition or as the complement of a linking verb or
    a post, and those coordinated with it; not one that stands before the next name
    («Иван Петров, правозащитник Сергей Иванов»)."""
    after = [p for p in professions if p.start >= person.end]
    if not after:
        return []
    first = after[0]
    gap = doc.text[person.end : first.start]
    # the name again in brackets, in the original spelling, is no other person: «Олег
    # Мусин (Oleg Musin) — канадский фигурист»
    spelled = _SPELLING_AFTER.match(gap)
    others_from = person.end
    if spelled and any(
        p.start == person.end + spelled.start(1) and p.end == person.end + spelled.end(1)
        for p in persons
    ):
        others_from += spelled.end()
    # «Иван Петров — великий поляк, выдающийся художник», «Иван Петров, соратник Олега
    # Сидорова, премьер-министр»: descriptions of the name before its profession
    opening = _OPENING.match(doc.text, others_from, first.start)
    if opening:
        described = _past_descriptions(doc, opening.end(), first.start, persons)
        rest = opening.group() + " " + doc.text[described : first.start]
        if described > opening.end() and _APPOSITION.match(rest):
            gap, others_from = rest, described  # not «… — сестра Олега Петрова, занимавшего пост»
    if _between_has(persons, others_from, first.start) or _owned_by_next(first, persons):
        return []
    predicate = _PREDICATE.search(gap)
    if predicate:
        far = _CLAUSE_BREAK.search(gap[: predicate.start()]) or len(gap.split()) > 8
        if far and not _PRONOUN_SUBJECT_BEFORE.search(gap, 0, predicate.start() + 1):
            return []
        if _APPOINTER.search(gap, 0, predicate.start() + 1) or _AFTER_PREPOSITION.search(
            doc.text, max(0, person.start - 30), person.start
        ):
            return []  # «Петров назначил на пост министра …», «До Петрова пост министра занимал …»
        if _CANDIDACY.search(gap, 0, predicate.end()):
            return []  # «Петров выставил свою кандидатуру на пост мэра»: he does not hold it
        if (
            predicate.group().split()[0].lower() == "как"
            and _genitive_only(person.text)
            and _cases(first.text.split()[0], "") == {"nomn"}
        ):
            return []  # «в театр Олега Петрова как актёр»: «как» agrees with the subject
        if _AND_PREDICATE.match(gap) and person.entity and not _as_named(doc, person):
            return []  # «… ради освобождения Петрова и является членом комитета»: the
            # verb's subject is the first clause's, which a name in an oblique case is not
    elif _PARTICIPLE.match(gap):
        pass  # «Иван Петров, ранее работавший прокурором»
    elif _APPOSITION.match(gap):
        if not _agree(first.text, person.text):
            return []  # «у Ивана Петрова, режиссёром»: an apposition agrees in case
        if _companion_named(doc, person):
            return []  # «соратник Ивана Петрова, премьер-министр …» is the companion
        if _SOURCE_BEFORE.search(doc.text, max(0, person.start - 20), person.start) and (
            "gent" not in _cases(first.text.split()[0], "")
        ):
            return []  # «По словам Кабейо, президент принесёт присягу»: a new subject
        if _only_plural(first.text.split()[0]) and not _one_of_many(doc, person, persons, gap):
            return []  # «соседи Ивана Петрова — видные деятели города»: not him alone
    elif not _appointed(doc, person, gap):
        return []
    found = [first]
    for later in after[1:]:
        between = _past_closing_quote(found[-1], doc.text[found[-1].end : later.start])
        if not (_COORDINATION.match(between) or _listed_after(doc, found[-1], later, persons)):
            break
        if _only_plural(later.text.split()[0]) and not re.search(_ONE_OF, between, re.I):
            break  # «Иван Петров, член комитета, следователи подозревают …»: a new subject
        if _owned_by_next(later, persons):
            # «Иван Петров, профессор экономики, президент фонда Олег Сидоров»: a list of
            # names, each after its professions; those after the comma are the next one's
            return [] if _APPOSITION.match(gap) else found
        found.append(later)
    return found


def _listed_after(doc, previous: Span, later: Span, persons: list[Span]) -> bool:
    """Whether ``later`` goes on a list of appositions after the name from ``previous``: a
    comma, then adjectives («поэт, литературный критик») or «один из» («художник, один из
    лучших композиторов»), maybe after descriptions that are no profession («драматург,
    теоретик театра, художник»; :func:`_past_descriptions`). Not before a name
    (:func:`_owned_by_next` is asked after) nor across one."""
    opening = re.compile(r"[»\"“”]?\s*,").match(doc.text, previous.end, later.start)
    if opening is None or _between_has(persons, previous.end, later.start):
        return False
    described = _past_descriptions(doc, opening.end(), later.start, persons)
    return bool(_APPOSITION.match(", " + doc.text[described : later.start]))


# A comma or a dash after a name, before an apposition.
_OPENING = re.compile(r"\s*(?:,\s*[–—-]|[,–—-])")
# One description between commas: «великий поляк,», «соратник Олега Сидорова,».
_DESCRIPTION = re.compile(r"\s*([^,;:.!?()«»\"\d]{1,60}?)\s*,")
_DESCRIPTIONS = 2


def _past_descriptions(doc, start: int, end: int, persons: list[Span]) -> int:
    """Where the words after a name's comma or dash go on after up to two descriptions of
    the name that are no profession, each closed by a comma, before ``end``: a noun or an
    adjective in lower case, at most five words, with no verb, pronoun or conjunction of a
    clause, and no other name but a companion's in the genitive («Иван Петров — великий
    поляк, выдающийся художник», «Иван Петров, соратник Олега Сидорова, премьер-министр»).
    ``start`` when there is none."""
    position = start
    for _ in range(_DESCRIPTIONS):
        item = _DESCRIPTION.match(doc.text, position, end)
        if item is None:
            break
        words = re.findall(r"[А-ЯЁа-яё][а-яё-]*", item.group(1))
        if not words or len(item.group(1).split()) > 5 or not _described_by(words[0]):
            break
        if any(_clause_word(w) for w in words if w.islower()):
            break
        inside = [p for p in persons if item.start(1) <= p.start and p.end <= item.end(1)]
        if any(
            not _KIN_BEFORE.search(doc.text, max(0, p.start - 40), p.start)
            or not _reads_as_genitive(p.text)
            for p in inside
        ):
            break  # «Иван Петров, друг Анна Петрова, …»: not a companion's genitive
        position = item.end()
    return position


def _one_of_many(doc, person: Span, persons: list[Span], gap: str) -> bool:
    """Whether a plural apposition after the name can be the name's: after «один из»
    («Иван Петров, один из лучших дирижёров») or the last of a list of names («Иван
    Петров и Анна Петрова — известные актёры»)."""
    return bool(re.search(_ONE_OF, gap, re.IGNORECASE)) or any(
        p.end <= person.start and _LIST_OF_NAMES.match(doc.text[p.end : person.start])
        for p in persons
    )


# An active verb of appointing between the name and a post: the name appoints, the post is
# the one's after it («Иван Петров выдвинул на пост министра Олега Сидорова», «Петров
# назначил его на должность прокурора»).
_APPOINTER = re.compile(
    r"(?<![\w-])(?:назначил|выдвинул|утвердил|избрал|рекомендовал|предложил|представил|"
    r"назначает|выдвигает|утверждает|предлагает)[аи]?\s",
    re.IGNORECASE,
)
# Standing for a post, not holding it: «Иван Петров будет баллотироваться на пост мэра»,
# «выставил свою кандидатуру на пост президента», «Петров — не единственный кандидат на пост».
_CANDIDACY = re.compile(
    r"(?<![\w-])(?:баллотир|кандидат|претенд|предложен)\w*(?:\s+[\w-]+){0,3}\s+"
    r"на\s+(?:этот\s+)?пост(?![\w-])",
    re.IGNORECASE,
)
# Whose words a name in the genitive gives: «по словам Ивана Петрова», «по мнению»,
# «по данным», «со слов». An apposition after it is in the genitive too («по словам Ивана
# Петрова, адвоката заявителя»).
_SOURCE_BEFORE = re.compile(
    r"(?<![\w-])(?:по\s+(?:словам|мнению|данным|сведениям|информации|оценке|версии)|со\s+слов)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# «и» before the linking verb after a name: a second predicate of the clause's subject.
_AND_PREDICATE = re.compile(r"\s*и\s")
# A preposition right before the name: the name is in an oblique case, not the subject of
# the linking verb or post after it («До Петрова пост министра занимал …»).
_AFTER_PREPOSITION = re.compile(
    r"(?<![\w-])(?:до|вместо|после|от|для|без|кроме|против|у|к|о|об|при|с|со|за|про)\s+$",
    re.IGNORECASE,
)
# «Иван Петров представляет штат в сенате, до этого он был прокурором»: the name's
# clause goes on with «он» as the subject of the linking verb.
_PRONOUN_SUBJECT_BEFORE = re.compile(
    r"(?<![\w-])(?:он|она)(?:\s+(?:также|тоже|уже|ещё|еще|сам|сама|ранее|затем|потом))?\s$"
)


def _appointed(doc, person: Span, gap: str) -> bool:
    """Whether the name is the object of a verb of appointing and the profession its
    instrumental complement right after it."""
    return bool(
        _APPOINTED_GAP.match(gap)
        and _APPOINTED.search(doc.text, max(0, person.start - 60), person.start)
    )


def _holds_in_oblique_case(profession: Span, first: Span) -> bool:
    """Whether the first of two names after a profession that is not in the nominative
    agrees with it, and so holds it («"короля поп-музыки" Майкла Джексона Кэтрин»); one in
    another case is whose office it is («пресс-секретарю президента Билла Клинтона Джо
    Локхарту»: the second name's)."""
    profession_cases = _cases(profession.text.split()[0], "")
    word = re.match(r"[А-ЯЁа-яё-]+", first.text)
    if "nomn" in profession_cases or not word or not _known(word.group()):
        return False
    return bool(profession_cases & _cases(word.group(), "Name"))


def _client_of_next(doc, person: Span, persons: list[Span]) -> bool:
    return any(p.start == person.end + 1 and doc.text[person.end] == " " for p in persons)


def _owned_by_next(profession: Span, persons: list[Span]) -> bool:
    """Whether a name right after the profession holds it («Иван Петров, правозащитник
    Сергей Иванов»); not one in a case the profession cannot agree with, which says whose
    office it is («Петров назначен советником президента Дмитрия Медведева»: Petrov is the
    adviser). «освободить Анну Петрову, лидера партии Ивана Иванова» stays Ivanov's."""
    return any(
        0 <= p.start - profession.end <= 2 and _agree(profession.text, p.text) for p in persons
    )


def _list_follows(doc, person: Span, persons: list[Span]) -> bool:
    return any(
        p.start >= person.end and _LIST_OF_NAMES.match(doc.text[person.end : p.start])
        for p in persons
    )


def _shared_with_previous(doc, previous: Span, person: Span, professions) -> list[Span]:
    """A plural profession before a list of names describes each name in it."""
    if not _LIST_OF_NAMES.match(doc.text[previous.end : person.start]):
        return []
    return [p for p in professions if _is_plural(p.text.split()[0])]


def _named_after_predicate(doc, professions, persons) -> list[tuple[Span, Span]]:
    """«Новым мэром стал Иван Петров»: the profession, a linking verb, the name."""
    links = []
    for profession in professions:
        person = next((p for p in persons if p.start >= profession.end), None)
        if person is None:
            continue
        gap = _collapsed(doc, profession.end, person.start, professions)
        if _genitive_only(person.text) or _kin_named(doc, profession, person, False):
            continue  # «Мэром стал адвокат Ивана Петрова»: Petrov is the client
        if _STANDING_FOR.search(doc.text, max(0, profession.start - 60), profession.start):
            continue  # «Кандидатом на пост мэра стал Иван Петров»: not the mayor
        copula = _COPULA_BEFORE.match(gap)
        words = copula.group("words").split() if copula else []
        if words and (
            _GOVERNED.search(doc.text, max(0, profession.start - 40), profession.start)
            or _agent_participle(words[0])
        ):
            # «при столкновении с офицером полиции был убит Иван Петров», «Полицейским был
            # задержан Иван Петров»: the instrumental is no post of the name's
            copula = None
        if _PREDICATE_BEFORE.match(gap) or (
            copula and "ablt" in _cases(profession.text.split()[0], "")
        ):
            links.append((person, profession))
    return links


@cache
def _agent_participle(word: str) -> bool:
    """A short passive participle whose instrumental is its agent («убит», «задержан»), not
    one of appointing whose instrumental is the post («назначен», «избран»)."""
    from pledgewatch.extract.nlp import _morph

    tag = _morph().parse(word.lower())[0].tag
    return tag.POS == "PRTS" and not _POST_PARTICIPLE.match(word)


_POST_PARTICIPLE = re.compile(
    r"(?i:назначен|утвержд[её]н|избран|переизбран|выбран|признан|провозглаш[её]н|объявлен)"
)


def _collapsed(doc, start: int, end: int, professions: list[Span]) -> str:
    """The text from ``start`` to ``end`` with each profession inside it one word: the
    name's own professions between a linking verb and the name count as one word each
    («Новым главкомом назначен командующий войсками Сибирского военного округа
    генерал-полковник Иван Петров»)."""
    parts, at = [], start
    for profession in professions:
        if start <= profession.start and profession.end <= end and profession.start >= at:
            parts += [doc.text[at : profession.start], "должность"]
            at = profession.end
    return "".join(parts) + doc.text[at:end]


def _named_as_written(doc: DocumentContext, person: Span) -> bool:
    """Whether the person's name was read in the nominative, as written: «его адвокат
    Мунира Рахимова», a woman's name the dictionary knows only as Мунир's genitive."""
    return bool(person.entity) and doc.entity(person.entity).name == person.text


def _agree(profession: str, person: str) -> bool:
    """Whether a profession and the name after it can be in the same case, as an apposition
    is («адвокат Ивана Петрова» cannot: it is Petrov's lawyer). Judged by the first name
    alone, and only when the dictionary knows it as one in an oblique case: surnames and
    foreign names parse too loosely, and a name that can be nominative may be one that does
    not decline («активистке Акмарал Джакибаевой»)."""
    profession_cases = _cases(profession.split()[0], "")
    if (
        profession_cases
        and profession_cases <= _OBLIQUE_ONLY
        and _A_FORMS.fullmatch(person)
        and " " in person
    ):
        return False  # «членом Комитета защиты Леонарда Пелтиера» (one word alone may not
        # decline: «принцу Тупута»; :func:`_declined_after_nominative` sees to it)
    first = re.match(r"[А-ЯЁа-яё-]+", person)
    known = first and _known(first.group())
    name_cases = _cases(first.group(), "Name") if known else frozenset()
    if not profession_cases or not name_cases or "nomn" in name_cases:
        return True
    return bool(profession_cases & name_cases)


# A profession in the instrumental, dative or prepositional alone («членом», «судье»), and
# a name every word of which ends in «а» or «я» («Леонарда Пелтиера», «Анна Петрова»): the
# name is a nominative or a genitive, never in the profession's case, whatever the
# dictionary makes of a first name it does not know or reads as a woman's too («Леонарда»).
_OBLIQUE_ONLY = frozenset({"ablt", "datv", "loct"})
_A_FORMS = re.compile(r"[А-ЯЁ][а-яё]*[ая](?:[\s-]+[А-ЯЁ][а-яё]*[ая])*")
_MAN_OR_WOMAN = re.compile(r"(?:ов|ев|ёв|ин|ын)а$")
_MAN_IN_NOMINATIVE = re.compile(r"[А-ЯЁ]\w*(?:ов|ев|ёв|ин|ын)$")  # «Ринат Курманов»
_WORD_AFTER = re.compile(r"\s+([а-яё]+)")


# The endings of a man's surname in an oblique case («Маркива», «Маркиву», «Маркивым»).
_OBLIQUE_ENDING = re.compile(r"(?:а|я|у|ю|ом|ем|ым)$")


def _declined_after_nominative(doc, profession: Span, person: Span) -> bool:
    """«Адвокат Маркива заявил», the person written «Маркив» elsewhere in the text: a
    surname in an oblique case after a profession in the nominative alone is whose it is
    (the client's), where the dictionary knows neither name to say so. The nominative must
    be in the text: the entity's name is guessed from the forms it has («Запата» read as
    Запат's genitive). A form that may be a woman's surname («-ова», «-ина») is left to
    :func:`_genitive_by_verb`. After a profession in the instrumental, dative or
    prepositional alone, a form in «-а» or «-я» («был охранником Мосийчука», the man named
    «Мосийчук» elsewhere) is the genitive whatever it ends in."""
    cases = _cases(profession.text.split()[0], "")
    if not person.entity or not (cases == {"nomn"} or cases and cases <= _OBLIQUE_ONLY):
        return False
    said = person.text.split()[-1]
    ending = _OBLIQUE_ENDING.search(said)
    if not ending or ending.start() < 3:
        return False
    if cases != {"nomn"}:
        if ending.group() not in ("а", "я"):
            return False  # «охраннику Мосийчуку» may be the guard: his case is the profession's
    elif _MAN_OR_WOMAN.search(said):
        return False  # «Панфилова» may be a woman's nominative, whatever «Панфилов» is
    stem = said[: ending.start()]
    return any(
        s.type == "person" and s.entity == person.entity and s.text.split()[-1] == stem
        for s in doc.spans
    )


def _genitive_by_verb(doc, profession: Span, person: Span) -> bool:
    """«Адвокат Жыланбаева заявил»: a surname that is a woman's nominative or a man's
    genitive (-ова, -ева, -ина), after a nominative profession and before a past verb in
    the masculine. The verb agrees with the profession, so the name is whose it is."""
    if not _MAN_OR_WOMAN.search(person.text) or "nomn" not in _cases(
        profession.text.split()[0], ""
    ):
        return False
    verb = _WORD_AFTER.match(doc.text, person.end)
    return bool(verb) and _masculine_past(verb.group(1))


@cache
def _masculine_past(word: str) -> bool:
    from pledgewatch.extract.nlp import _morph

    tag = _morph().parse(word)[0].tag
    return tag.POS == "VERB" and {"masc", "past"} <= tag.grammemes


def may_be_genitive(person: str) -> bool:
    """Whether a name can be in the genitive; a first name the dictionary does not know may
    («Фрэнка Помероя»)."""
    first = re.match(r"[А-ЯЁа-яё-]+", person)
    if not first or not _known(first.group()):
        return True
    cases = _cases(first.group(), "Name")
    return not cases or "gent" in cases


@cache
def _known(word: str) -> bool:
    from pledgewatch.extract.nlp import _morph

    return _morph().word_is_known(word.lower())


@cache
def _cases(word: str, grammeme: str) -> frozenset[str]:
    """The cases ``word`` can be in, of its parses with the ``grammeme`` (of all of them
    when it is empty)."""
    from pledgewatch.extract.nlp import _morph

    return frozenset(
        p.tag.case
        for p in _morph().parse(word.lower())
        if p.tag.case
        and (not grammeme or grammeme in p.tag.grammemes)
        and (grammeme != "Name" or p.score >= _RARE_NAME_READING)
    )


@cache
def _likely_case(word: str) -> str | None:
    """The case of the likeliest reading of a word («Владислав»: the nominative, though
    the dictionary has a rare genitive plural too)."""
    from pledgewatch.extract.nlp import _morph

    return _morph().parse(word.lower())[0].tag.case


@cache
def _only_plural(word: str) -> bool:
    """Whether every reading of ``word`` is plural («адвокаты», not «адвоката»)."""
    from pledgewatch.extract.nlp import _morph

    parses = _morph().parse(word.lower())
    return all("plur" in parse.tag.grammemes for parse in parses)


@cache
def _is_plural(word: str) -> bool:
    from pledgewatch.extract.nlp import _morph

    return any("plur" in parse.tag.grammemes for parse in _morph().parse(word.lower()))
