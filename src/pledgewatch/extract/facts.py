"""Fact rules: from the mentions and trigger words of each sentence to suggested facts.

Every rule works inside one sentence (the evidence a researcher sees) and is the same for
Russian and English; only the trigger tables differ. A demand's scope (from «призвали» to
the end of the sentence) is excluded from the event rules, so «призвали освободить» is a
demand and never a release.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache

from pledgewatch import refdata
from pledgewatch.extract.crimes import governed_offences, governor_of
from pledgewatch.extract.document import DocumentContext, Span
from pledgewatch.extract.grammars.numbers import case_sensitive, lowered, may_match, parse_number
from pledgewatch.extract.grammars.penalties import find_measures, parse_term
from pledgewatch.extract.grammars.triggers import (
    ACQUITTAL,
    ADDRESSEE_WORDS,
    CHARGE,
    DEMAND,
    DEMAND_ACTIONS,
    DETENTION,
    DETENTION_REQUEST,
    EACH,
    MEMBERSHIP_WORDS,
    NEGATION,
    PENALTY_REQUEST,
    RELEASE,
    REQUESTED_VERB,
    SENTENCE,
    UNNAMED_DEMANDERS,
)
from pledgewatch.extract.mentions import document_country
from pledgewatch.extract.persons import name_by_profession
from pledgewatch.extract.role_model import MAX_CONFIDENCE, model_links
from pledgewatch.extract.roles import carried_role_links, may_be_genitive, outermost, role_links
from pledgewatch.extract.types import EntityDraft, FactDraft

_PRONOUN = {
    "ru": re.compile(r"\b(он|она|они|его|её|ее|ему|ей|им|их|него|неё|нее|нему|ней)\b", re.I),
    "en": re.compile(r"\b(he|she|they|him|her|them|his)\b", re.I),
}
# «Обоих задержали»: the two people the sentence before names.
_BOTH = {
    "ru": re.compile(r"(?<![\w-])(?:оба|обе|обоих|обеих|обоим|обеим|обоими|обеими)(?![\w-])", re.I),
    "en": re.compile(r"\bboth\b", re.I),
}
# «Каждый из них получил», «Все трое», «Они»: everyone the sentence before names.
_THEY = {
    "ru": re.compile(
        r"(?<![\w-])(?:(?:кажд\w+|любо\w+)\s+из\s+(?:них|осужд[её]нн\w+|подсудим\w+)|"
        r"вс(?:е|ех|ем|еми)\s+(?:трое|троих|четверо|четверых|пятеро|пятерых|они)|они|им"
        # «их» as an object, not «их адвокат»: before a preposition or a stop, which a
        # possessive never stands before («Полиция задержала их в субботу»)
        r"|их(?=\s+(?:в|во|на|по|за|под|до|после|с|со|из|к|ко)\s|\s*[,.;]))(?![\w-])",
        re.I,
    ),
    "en": re.compile(r"\b(?:each of them|all (?:three|four|five) of them|they)\b", re.I),
}
# People the sentence counts but does not name, other than those named before: «Ещё двое
# обвиняемых получили по три года», «Полиция задержала более 500 человек», «арестовала
# трёх братьев»; and one it calls only a man or a woman («суд приговорил к 10 годам
# мужчину, признав его виновным в …»).
_OTHERS = {
    "ru": re.compile(
        r"(?<![\w-])(?:(?:(?:ещё|еще)\s+(?:\w+\s+)?|остальн\w+\s+|други[ех]\s+)?"
        r"(?:двое|трое|четверо|пятеро|шестеро|остальные|другие)"
        r"|(?:\d[\d\s]*|двоих|троих|трёх|трех|четырёх|четырех|пяти|шести|десяти|нескольких"
        r"|сотен|сотни|тысяч|десятков|десятки)\s+(?:тысяч\s+)?"
        r"(?:человек|мужчин|женщин|братьев|подростков|студентов|активистов|участников)"
        r"|мужчину|женщину)(?![\w-])",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:two|three|four|five|six|the other|several)\s+(?:other\s+)?"
        r"(?:defendants|men|women|people|activists|journalists)\b",
        re.I,
    ),
}
# The singular ones: what refers back to the one person a charge or custody is about.
_PERSONAL_PRONOUN = {
    "ru": re.compile(r"\b(?:он|она|его|е[её]|ему|ей|него|н[её]е|нему|ней|ним|нем|н[её]м)\b", re.I),
    "en": re.compile(r"\b(?:he|she|him|her|his)\b", re.I),
}


def build_facts(doc: DocumentContext) -> None:
    # imported here, not at the top: allegations.py imports this module's helpers
    from pledgewatch.extract.allegations import allegation_facts, designation_facts

    lang = doc.language if doc.language in DEMAND else "en"
    last_persons: list[Span] = []
    demanded: list[Span] = []  # who demanded last, for «Фонд также призвал …», "It urged …"
    last_pair: list[Span] = []  # the last two people named in one sentence, for «обоих»
    last_group: list[Span] = []  # everyone that sentence names, for «каждый из них», «они»
    last_seen = -10
    described: dict[tuple[str, bool], Span | None] = {}  # (profession word, former) → person
    verdicts = _Verdicts()  # what the court said so far, for the sentences after
    counts_told = -10  # the last sentence that charged someone with counts it did not name
    anyone_named = False  # whether a sentence before named a person: the lead's nouns
    # the rules below add no person or crime spans: each sentence's are looked up once
    persons_in, crimes_in = _by_sentence(doc, "person"), _by_sentence(doc, "crime")
    for index in range(len(doc.sentences)):
        # a bare first name nobody in the document has is a mention without an entity
        persons = [p for p in persons_in[index] if p.entity]
        demand_start = _demand_facts(doc, index, lang, demanded)
        subjects = [p for p in persons if p.start < demand_start] if demand_start else persons
        lead = None if subjects or anyone_named else _lead_subject(doc, index, lang, persons_in)
        described_here = None  # the person a bare noun of the sentence means, named before
        if _only_the_court(doc, index, subjects, last_persons):
            # «Судья Анна Смирнова приговорила его к пяти годам»: «его» is the person of the
            # sentences before, not the judge
            subjects = last_persons
        elif defendant := _judge_chooses(doc, index, subjects):
            subjects = defendant  # «… тогда судья Джеймс Смит выбрал пожизненный срок»
        elif lead:
            subjects = [lead[0]]  # «Хакер из Тюмени осуждён за взлом сайтов» / … Андрея Кандыбы
        elif not subjects and _another(doc, index, lang):
            pass  # «Ещё один активист был оправдан», «… в отношении другого оппозиционера»
        elif not subjects and (referred := _described_person(doc, index, described)):
            subjects = [referred]  # «Продюсер Иван Петров …. Продюсера обвинили в …»
            described_here = referred
        elif not subjects and len(last_pair) == 2 and _BOTH[lang].search(doc.sentence_text(index)):
            subjects = last_pair  # «… Ильяса Сагинтаева и Жанар Мукашеву. Обоих задержали …»
        elif not subjects and len(last_group) > 1 and _THEY[lang].search(doc.sentence_text(index)):
            subjects = last_group  # «Петров, Сидоров и Иванова …. Каждый из них получил …»
        elif not subjects and _others(doc, index, lang):
            pass  # «Ещё двое обвиняемых получили по три года»: other people, not named
        elif (
            not subjects
            and last_persons
            and (_PRONOUN[lang].search(doc.sentence_text(index)) or index - last_seen <= 2)
            and not _someone_unnamed(doc, lang, last_seen, index)
        ):
            subjects = last_persons  # «Его обвиняют …», or the person of the sentence before
        # the victim of «он задержан по подозрению в покушении на Анатолия Чубайса» is not
        # who «он» is: the person of the sentence before is
        victims = _victims(doc, persons, crimes_in[index])
        if subjects and victims and all(p in victims for p in subjects):
            subjects = _victims_only(doc, index, crimes_in[index], victims, last_persons)
        roles_before = len(doc.extraction.facts)
        _role_facts(doc, index)
        _remember_roles(doc, doc.extraction.facts[roles_before:], persons, described)
        _membership_facts(doc, index, lang, persons)
        designation_facts(doc, index, lang)
        if not subjects:
            _unnamed_verdict(doc, index, lang, verdicts)
        facts_before = len(doc.extraction.facts)
        if subjects:
            limit = demand_start or doc.sentences[index][1]
            _detention_facts(doc, index, lang, subjects, limit)
            _restriction_facts(doc, index, lang, subjects, limit)
            _prison_facts(doc, index, lang, subjects, limit)
            listed = (
                index - 1 == counts_told
                and _LISTED[lang].match(doc.sentence_text(index))
                and all(p.start < doc.sentences[index][0] for p in subjects)
            )
            _charge_facts(doc, index, lang, subjects, limit, last_persons, bool(listed))
            _same_charges(doc, index, lang, subjects, limit)
            if next(iter(_matches(_COUNTS[lang], doc, index, limit)), None):
                counts_told = index
            _sentence_facts(doc, index, lang, subjects, limit, verdicts)
            _release_facts(doc, index, lang, subjects, limit)
            _acquittal_facts(doc, index, lang, subjects, limit)
            allegation_facts(doc, index, lang, subjects, limit, last_persons)
        if lead:  # the evidence runs on to the sentence that names the person
            _name_the_lead(doc, doc.extraction.facts[facts_before:], *lead)
        # the victim of «задержан по подозрению в покушении на Анатолия Чубайса» is not who
        # «приговорён к восьми годам» in the next sentence is about
        if named := [p for p in persons if p not in victims and not _caption(doc, p)]:
            anyone_named = True
            # «Робел Филлипос — приятель Джохара Царнаева — был выпущен. Его подозревают …»:
            # «его» is who the sentence is about, not whose friend or son he is
            about = [p for p in named if not _someones_relation(doc, p)]
            last_persons = about[-1:] or named[-1:]
            parties = [p for p in named if not _works_the_case(doc, index, p)] or named
            last_group = list({p.entity: p for p in parties}.values())
            last_pair = _pair(doc, last_group)
            last_seen = index
        elif described_here and any(
            f.subject == described_here.entity for f in doc.extraction.facts[facts_before:]
        ):
            # «Против бывшего президента выдвинуты обвинения …. Его также подозревают …»:
            # «его» is the president the sentence told of, not whoever was named last before
            last_persons, last_seen = [described_here], index
    _commitment_facts(doc, lang)


def _others(doc: DocumentContext, index: int, lang: str) -> bool:
    """Whether the sentence tells of people it counts but does not name (``_OTHERS``), not
    as the victims of an offence («обвинения в убийстве шести человек») nor after a pronoun
    for the person before («Его обвиняют в нападении, при котором пострадали 5 человек»).
    In English the words of ``_OTHERS`` count wherever they stand: a pronoun before them is
    mostly a possessive there («linked to her research, for which she interviewed several
    people who were later convicted»), and they are other people all the same."""
    start, end = doc.sentences[index]
    if lang != "ru":
        return bool(_OTHERS[lang].search(doc.text, start, end))
    crimes = doc.spans_in(index, "crime")
    return any(
        not any(c.start <= m.start() < c.end for c in crimes)
        and not _pronoun(doc).search(doc.text, start, m.start())
        for m in _OTHERS[lang].finditer(doc.text, start, end)
    )


# «Личность мужчины установлена»: a man or a woman the text has not named.
_UNNAMED = {
    "ru": re.compile(r"(?<![\w-])(?:мужчин|женщин)(?:а|ы|е|у|ой)(?![\w-])", re.IGNORECASE),
    "en": re.compile(r"\b(?:the|a|this|that)\s+(?:man|woman)\b", re.IGNORECASE),
}


def _someone_unnamed(doc: DocumentContext, lang: str, last_seen: int, index: int) -> bool:
    """Whether a sentence between the last one that named a person and this one tells of a
    man or a woman it does not name: «он» after «… разговор Анны Петровой с неким мужчиной.
    Личность мужчины установлена. Как выяснилось, он был арестован за …» is that man."""
    return any(
        _UNNAMED[lang].search(doc.sentence_text(k)) for k in range(max(0, last_seen + 1), index)
    )


# «Ещё один активист», «ещё одного человека», «другого оппозиционера»: someone besides the
# person the text is about.
_ANOTHER = re.compile(
    r"(?<![\w-])(?:(?:ещё|еще)\s+(?:один|одна|одного|одной|одному|одну)(?!\s+раз)"
    r"|друг(?:ой|ого|ому|ую|ая))\s+",
    re.IGNORECASE,
)


def _another(doc: DocumentContext, index: int, lang: str) -> bool:
    """Whether the sentence names someone else than the person before, by «ещё один» or
    «другой» and a word for a person: «Ещё один активист был оправдан», «Полиция задержала
    ещё одного ученика», «приговор в отношении другого оппозиционера»."""
    if lang != "ru":
        return False
    start, end = doc.sentences[index]
    matches = list(_ANOTHER.finditer(doc.text, start, end))
    if not matches:  # most sentences: the cheap test first
        return False
    nouns = {p.start for p in doc.spans_in(index, "profession")}
    nouns |= {p.start for p in _nationality_nouns(doc, index)}
    for match in matches:
        word = _WORD.match(doc.text, match.end(), end)
        if match.end() in nouns or word and _PERSON_WORD.fullmatch(word.group().lower()):
            return True
    return False


# Words for a person besides professions: «ещё одного человека», «ещё один ученик».
_PERSON_WORD = re.compile(
    r"(?:человек|мужчин|женщин|подозреваем|обвиняем|осужд[её]нн|задержанн|арестованн|ученик"
    r"|студент|гражданин|гражданк|житель|жительниц|участник|фигурант)\w{0,3}"
)


def _only_the_court(doc, index: int, subjects: list[Span], earlier: list[Span]) -> bool:
    """Whether the sentence names only who works the case (a judge, prosecutor or lawyer
    named as such) and refers by a personal pronoun to someone else, the person of the
    sentences before: «Судья Анна Смирнова приговорила его к пяти годам», «Адвокат Иван
    Петров сообщил, что его подзащитному назначили штраф»."""
    if not (
        subjects
        and earlier
        and all(_works_the_case(doc, index, p) for p in subjects)
        and not {p.entity for p in earlier} & {p.entity for p in subjects}
    ):
        return False
    pronoun = _pronoun(doc).search(doc.text, subjects[0].end, doc.sentences[index][1])
    if pronoun is None:
        return False
    # «Иван Петров …. Адвокат Анна Смирнова сообщила, что её задержали»: «её» is not Петров;
    # «её подзащитного» is the lawyer's own, whoever the client is
    gender = _PRONOUN_GENDER.get(pronoun.group().lower().replace("ё", "е"))
    if _CLIENT_AFTER.match(doc.text, pronoun.end()):
        gender = None
    return gender is None or any(_name_gender(p.text) in (gender, "?") for p in earlier)


def _judge_chooses(doc, index: int, subjects: list[Span]) -> list[Span]:
    """The defendant of the text, when the sentence names only the judge who chooses a
    penalty, with no one after the verb: «Присяжные не смогли договориться — тогда судья
    Джеймс Смит выбрал пожизненный срок» is the sentence of whoever the facts before
    charged or sentenced (not the last person named: often the victim)."""
    if not (
        subjects
        and all(_works_the_case(doc, index, p) for p in subjects)
        and _JUDGE_CHOOSES.match(doc.text, subjects[-1].end)
    ):
        return []
    judges = {p.entity for p in subjects}
    court = [
        f.subject
        for f in doc.extraction.facts
        if f.type in ("charge", "sentence") and f.subject and f.subject not in judges
    ]
    start = doc.sentences[index][0]
    named = [
        p
        for p in doc.spans
        if p.type == "person" and court and p.entity == court[-1] and p.start < start
    ]
    return [max(named, key=lambda p: p.start)] if named else []


_JUDGE_CHOOSES = re.compile(
    r"\s+(?:выбрал|назначил|определил)[аи]?\s+(?:(?:наказание|меру\s+наказания)\s+(?:в\s+виде\s+)?)?"
    r"(?=[\w-]+\s+(?:срок|лет|год|заключени|лишени))",
    re.IGNORECASE,
)
_CLIENT_AFTER = re.compile(r"\s+(?:подзащитн|клиент|доверител)", re.IGNORECASE)
# The gender a Russian personal pronoun tells (``None``: the plural or any).
_PRONOUN_GENDER = {
    **dict.fromkeys(("он", "его", "ему", "него", "нему", "ним", "нем"), "masc"),
    **dict.fromkeys(("она", "ее", "ей", "нее", "ней"), "femn"),
}


def _victims_only(doc, index, crimes, victims, last_persons) -> list[Span]:
    """Who a sentence that names only the victims of its offence is about: the person of
    the sentence before when a pronoun before the offence refers back to them («Он был
    задержан по подозрению в покушении на Анатолия Чубайса»), else no one («Задержан
    подозреваемый в убийстве Ивана Петрова» is not Петров's detention)."""
    first = min(c.start for c in crimes)
    start = doc.sentences[index][0]
    earlier = [p for p in last_persons if p.entity not in {v.entity for v in victims}]
    if earlier and not any(v.start < first for v in victims) and _pronoun_names(doc, start, first):
        return earlier
    return []


# Nouns a lead may name its person by, besides professions and nationalities.
_LEAD_NOUN = re.compile(
    r"(?<![\w-])(?:граждан(?:ин|ка)|жител[ья]|жительниц|уроженец|уроженк)\w*",
    re.IGNORECASE,
)
# Nouns for a person by their nationality, as lemmas («американца», «россиянку»).
_NATIONALITIES = frozenset(
    """
    россиянин россиянка американец американка канадец канадка британец британка англичанин
    англичанка австралиец австралийка пакистанец пакистанка украинец украинка белорус
    белоруска казах казашка узбек узбечка киргиз киргизка кыргыз таджик таджичка туркмен
    туркменка китаец китаянка японец японка кореец кореянка француз француженка немец немка
    итальянец итальянка испанец испанка поляк израильтянин израильтянка иранец иранка афганец
    сириец египтянин турок турчанка грузин грузинка армянин армянка азербайджанец чеченец
    чеченка эстонец латыш литовец мексиканец мексиканка кубинец швед шведка норвежец голландец
    бельгиец швейцарец австриец серб хорват чех болгарин румын молдаванин индиец ирландец
    шотландец палестинец иракец ливиец саудовец бразилец колумбиец венесуэлец вьетнамец
    """.split()
)
# «гражданин Беларуси», «гражданку США»: a citizen of the country named right after.
_CITIZEN = re.compile(r"(?<![\w-])граждан(?:ин|ина|ину|ином|ине|ка|ки|ку|кой|ке)\s+$", re.I)
_WORD = re.compile(r"[А-ЯЁа-яё-]+")


@cache
def _nationality_words() -> re.Pattern:
    """Words that may be a form of a nationality noun: those that begin as one does (every
    form keeps the first three letters: «немец», «немца»), the only ones worth parsing."""
    starts = "|".join(sorted({lemma[:3] for lemma in _NATIONALITIES}))
    return re.compile(rf"(?<![\w-])(?:{starts})[а-яё-]*", re.IGNORECASE)


def _nationality_nouns(doc: DocumentContext, index: int) -> list[Span]:
    """The sentence's singular nouns for a person by nationality («Американец»,
    «россиянку»), and citizens of a named country with the country («Гражданина Китая»)."""
    from pledgewatch.extract.nlp import _morph

    start, end = doc.sentences[index]
    found = []
    for country in doc.spans_in(index, "country"):
        citizen = _CITIZEN.search(doc.text, max(start, country.start - 12), country.start)
        if citizen:
            found.append(Span("nationality", citizen.start(), country.end, ""))
    for word in _nationality_words().finditer(doc.text, start, end):
        parse = _morph().parse(word.group().lower())[0]
        if parse.normal_form in _NATIONALITIES and parse.tag.number == "sing":
            found.append(Span("nationality", word.start(), word.end(), word.group()))
    return sorted(found, key=lambda s: s.start)


_LEAD_REACH = 4  # how many sentences after the lead's noun may first name its person


def _lead_subject(doc: DocumentContext, index: int, lang: str, persons_in):
    """Who a sentence of the lead, before anyone is named, is about, with the noun it names
    them by: «Многодетный хакер из Тюмени осуждён за взлом сайтов / Ноутбук / Суд вынес
    приговор Андрею Кандыбе», «Американец получил пожизненный срок за убийство. … 29-летний
    Джон Смит …». The person is the one named first in the four sentences after it (a
    caption names no one), when the sentence names them by a singular noun before its court
    word or right after it («приговорил украинского солдата к 24 годам»): a profession or a
    nationality, which NEREL links the relation to, or «житель», «подсудимый», which have no
    span; not a judge, lawyer or prosecutor, nor someone's relative, nor, after a sentence of
    the body, one the text describes otherwise (a headline's «солдат» may be the «боец» of
    the text). A headline counts only as a line of its own."""
    if index == 0:
        newline = doc.text.find("\n")
        if newline < 0 or len(doc.sentences) < 2 or doc.sentences[0][1] > newline + 1:
            return None
    court = next((m for p in (CHARGE[lang], SENTENCE[lang]) for m in _matches(p, doc, index)), None)
    if court is None:
        return None
    noun = _lead_noun(doc, index, court)
    if noun is None:
        return None
    for later in range(index + 1, min(index + 1 + _LEAD_REACH, len(doc.sentences))):
        named = [p for p in persons_in[later] if p.entity and not _caption(doc, p)]
        if named:
            first = named[0]
            if (
                _works_the_case(doc, later, first)
                or _someones_relation(doc, first)
                or _source(doc, first)
                or _SPEAKER_AFTER.match(doc.text, first.end)
                or index
                and _described_otherwise(doc, later, first, noun)
            ):
                return None  # «Как сообщила пресс-секретарь суда Анна Петрова, …»
            return first, noun
    return None


def _described_otherwise(doc: DocumentContext, index: int, person: Span, noun: Span) -> bool:
    """Whether the text names the person with a profession other than the lead's noun:
    «Суд приговорил активиста … . Приговор раскритиковал депутат Иван Петров» is about
    someone else (after a nationality, any profession is another's)."""
    word = _profession_word(noun.text) if noun.type == "profession" else None
    return any(
        0 <= person.start - p.end <= 2 and _profession_word(p.text) != word
        for p in doc.spans_in(index, "profession")
    )


def _lead_noun(doc: DocumentContext, index: int, court: re.Match) -> Span | None:
    """The singular noun of the lead sentence for its person: the first before the court word
    («житель Аризоны, пытавшийся убить члена Конгресса, предстал перед судом»), else one
    right after it with no offence between («осуждён за убийство журналиста» names a
    victim). A noun with no span of its own («житель», «подсудимый») is a span of no type."""
    start, end = _evidence(doc, index)
    nouns = [*_bare_professions(doc, index), *_nationality_nouns(doc, index)]
    nouns += [
        Span("", m.start(), m.end(), m.group())
        for pattern in (_PERSON_NOUN, _LEAD_NOUN)
        for m in pattern.finditer(doc.text, start, end)
    ]
    nouns = [n for n in nouns if not _plural(n.text)]
    before = [n for n in nouns if n.end <= court.start()]
    if before:
        return min(before, key=lambda n: (n.start, not n.type))
    crimes = doc.spans_in(index, "crime")
    after = [
        n
        for n in nouns
        if 0 <= n.start - court.end() <= 40
        and not any(court.end() <= c.start < n.start for c in crimes)
    ]
    return min(after, key=lambda n: (n.start, not n.type)) if after else None


def _plural(text: str) -> bool:
    """Whether a noun phrase's first word is plural («военных», «солдат»): a group, not the
    one person named next."""
    from pledgewatch.extract.nlp import _morph

    word = _WORD.search(text)
    return bool(word) and _morph().parse(word.group().lower())[0].tag.number == "plur"


def _caption(doc: DocumentContext, person: Span) -> bool:
    """Whether a «person» stands in a picture's caption, a line under the headline (the
    second or third of the text) that states nothing: a few words and no verb («Башня
    Монпарнас», «Вид Галифакса.», the emir's name above a report on a blogger). Whom a
    caption names, or seems to, is not whom the text is about."""
    first = doc.text.find("\n")
    if first < 0 or person.start < first:
        return False
    second = doc.text.find("\n", first + 1)
    third = doc.text.find("\n", second + 1) if second >= 0 else -1
    if third >= 0 and person.start > third:
        return False
    start = doc.text.rfind("\n", 0, person.start) + 1
    end = doc.text.find("\n", person.end)
    return _states_nothing(doc.text[start : end if end >= 0 else len(doc.text)])


_VERB_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


@cache
def _states_nothing(line: str) -> bool:
    """Whether a line is a few words with no verb: a caption, not a sentence."""
    from pledgewatch.extract.nlp import _morph

    words = _WORD.findall(line)
    return 0 < len(words) <= 8 and not any(
        _morph().parse(w.lower())[0].tag.POS in _VERB_POS for w in words
    )


def _name_the_lead(doc: DocumentContext, facts: list[FactDraft], person: Span, noun: Span):
    """The lead's facts: their evidence runs on to the sentence that names the person, and
    they keep the noun the lead names them by (a profession or a nationality), which NEREL
    links them to, in place of any other profession of the sentence («житель Аризоны,
    пытавшийся убить члена Конгресса», where the lead noun has no span)."""
    end = _evidence(doc, doc.sentence_index(person.start))[1]
    for fact in facts:
        fact.evidence = (fact.evidence[0], end)
        fact.spans = [s for s in fact.spans if s[0] != "profession"]
        if noun.type:
            fact.spans.append((noun.type, noun.start, noun.end))


# A name followed by a verb of saying is who tells the news: «Анна Петрова сообщила, что …»
_SPEAKER_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,[^,]{0,60},\s*)?(?:сообщил|заявил|рассказал|отметил|сказал|пишет|said|told"
    r"|says)\w*",
    re.IGNORECASE,
)


# «Ивана Петрова и активистку Анну Смирнову»: two people joined by «и», maybe with a word
# for each
_PAIR_GAP = re.compile(r"\s+(?:и|and)\s+(?:[а-яёa-z\d-]+\s+){0,2}")


def _pair(doc: DocumentContext, group: list[Span]) -> list[Span]:
    """Who «оба», «обоих» in the next sentence are: the last two people the sentence joins
    by «и» («Кадырбаев и Тажаяков побывали в квартире Царнаева»), or the two it names."""
    pairs = [
        [p, q]
        for p, q in zip(group, group[1:], strict=False)
        if _PAIR_GAP.fullmatch(doc.text[p.end : q.start])
    ]
    return pairs[-1] if pairs else group if len(group) == 2 else []


def _remember_roles(doc, facts: list[FactDraft], persons: list[Span], described: dict) -> None:
    """Notes the profession words of the sentence's role facts (the rules' own, not those
    carried from a sentence before) against the person they describe; a word said of two
    people («футболист Иван Петров … его другу, футболисту Сергею Сидорову») tells neither
    (None), and «футболиста» after it is whoever was named last."""
    for fact in facts:
        person = next((p for p in persons if p.entity == fact.subject), None)
        if fact.type != "role" or person is None or fact.confidence < 0.8:
            continue
        for _, start, end in fact.spans:
            key = (_profession_word(doc.text[start:end]), _former(doc, start, end))
            known = described.get(key, person)
            described[key] = person if known is not None and known.entity == person.entity else None


def _described_person(doc: DocumentContext, index: int, described: dict) -> Span | None:
    """The person a sentence without a name means by a bare profession noun before its
    first court or custody word, when an earlier sentence described someone by the same
    word («Бывший президент Египта Хосни Мубарак …. Против бывшего президента выдвинуты
    обвинения»): who «президента» is, rather than whoever was named last."""
    if not described:
        return None
    people = {}
    for profession in _bare_professions(doc, index):
        word = _profession_word(profession.text)
        former = _former(doc, profession.start, profession.end)
        # «бывший президент» is the one described as former, not the president in office
        person = described.get((word, former)) or described.get((word, not former))
        if person is not None:
            people[person.entity] = person
    return next(iter(people.values())) if len(people) == 1 else None


# «бывший президент», «экс-президент», «свергнутый президент»: who held the post before
_FORMER = re.compile(r"(?:бывш|свергнут|прежн|отставн)\w*\s+$|(?:экс|ex)-$|former\s+$", re.I)


def _former(doc: DocumentContext, start: int, end: int) -> bool:
    text = doc.text[start:end].lower()
    return text.startswith(("экс-", "ex-", "бывш", "former")) or bool(
        _FORMER.search(doc.text, max(0, start - 25), start)
    )


# Who works the case: a bare «адвокат», «судья» or «прокурор» in a sentence is not the one
# it charges or sentences («Судья приговорил его к пяти годам»).
_COURT_ROLES = frozenset({"lawyer", "judge", "prosecutor"})


def _works_the_case(doc: DocumentContext, index: int, person: Span) -> bool:
    """Is the person named as the judge, prosecutor or lawyer of the case («судья Анна
    Петрова»)? «Они», «обоих» in the next sentence are the parties, not them."""
    return any(
        o.data in _COURT_ROLES and 0 <= person.start - o.end <= 2
        for o in doc.spans_in(index, "profession")
    )


def _bare_professions(doc: DocumentContext, index: int) -> list[Span]:
    """The sentence's outermost profession spans with no name right after them, that can
    name a person the text has named before («футболиста», «экс-президента»), not a lawyer,
    judge or prosecutor of the case."""
    names = doc.spans_in(index, "person")
    professions = doc.spans_in(index, "profession")
    return [
        p
        for p in outermost(professions)
        if not any(0 <= q.start - p.end <= 2 for q in names)  # «журналиста Ивана Петрова»
        and not any(
            o.data in _COURT_ROLES and p.start <= o.start and o.end <= p.end for o in professions
        )
    ]


@cache
def _profession_word(text: str) -> str:
    """The lemma of a profession span's first word, without «экс-»: «экс-президента
    Египта» and «президент» give «президент»."""
    from pledgewatch.extract.nlp import _morph

    word = re.split(r"\s+", text.strip(), maxsplit=1)[0].lower().replace("ё", "е")
    word = re.sub(r"^(?:экс|ex)-", "", word)
    return _morph().parse(word)[0].normal_form


def _by_sentence(doc: DocumentContext, type: str) -> list[list[Span]]:
    """``doc.spans_in(index, type)`` of every sentence, in one pass over the spans."""
    found: list[list[Span]] = [[] for _ in doc.sentences]
    for span in doc.spans:
        if span.type == type and doc.sentences:
            index = doc.sentence_index(span.start)
            if doc.sentences[index][0] <= span.start < doc.sentences[index][1]:
                found[index].append(span)
    for spans in found:
        spans.sort(key=lambda s: s.start)
    return found


def _evidence(doc: DocumentContext, index: int) -> tuple[int, int]:
    start, end = doc.sentences[index]
    text = doc.text[start:end]
    return start + (len(text) - len(text.lstrip())), end - (len(text) - len(text.rstrip()))


def _matches(pattern: re.Pattern, doc: DocumentContext, index: int, limit: int | None = None):
    """The trigger's matches in the sentence, up to ``limit``; only their positions count,
    so an IGNORECASE trigger runs case-sensitively on the lower-cased text (faster)."""
    start, end = doc.sentences[index]
    end = min(end, limit) if limit else end
    fast = case_sensitive(pattern)
    if fast is None:
        yield from pattern.finditer(doc.text, start, end)
    elif may_match(fast, low := lowered(doc.text), start, end):  # most sentences: no trigger
        yield from fast.finditer(low, start, end)


def _nearest_date(doc: DocumentContext, index: int, offset: int) -> tuple[str | None, Span | None]:
    dates = [(d, v) for d in doc.spans_in(index, "date") if (v := _date_value(doc, index, d))]
    if not dates:
        return None, None
    best, value = min(dates, key=lambda dv: abs(dv[0].start - offset))
    return value, best


# «На следующий день», «через день», "the following day": the day after the event told just
# before.
_NEXT_DAY = re.compile(
    r"(?:(?:на|в)\s+следующий|на\s+другой)\s+день|через\s+(?:один\s+)?день|спустя\s+день"
    r"|д(?:нё|не)м\s+позже|(?:on\s+)?the\s+(?:following|next)\s+day|a\s+day\s+later",
    re.IGNORECASE,
)


def _date_value(doc: DocumentContext, index: int, span: Span) -> str | None:
    """A date span's value; for «на следующий день», the day after the last full date of
    the sentence or the one before («В прошлую пятницу её задержали. На следующий день суд
    санкционировал арест»)."""
    if span.data.value or not _NEXT_DAY.fullmatch(span.text.strip()):
        return span.data.value
    earlier = [
        d
        for i in range(max(0, index - 1), index + 1)
        for d in doc.spans_in(i, "date")
        if d.end <= span.start and d.data.value and len(d.data.value) == 10
    ]
    if not earlier:
        return None
    day = datetime.date.fromisoformat(max(earlier, key=lambda d: d.start).data.value)
    return (day + datetime.timedelta(days=1)).isoformat()


def _negated(doc: DocumentContext, lang: str, start: int) -> bool:
    return bool(NEGATION[lang].search(doc.text[max(0, start - 20) : start + 30]))


def _requested(doc: DocumentContext, index: int, lang: str, trigger_start: int) -> bool:
    """The trigger is only asked for: «просил суд приговорить его», «ходатайствовало
    отправить его под домашний арест», "asked the court to place him under house arrest"."""
    return bool(REQUESTED_VERB[lang].search(doc.text, doc.sentences[index][0], trigger_start))


def _spans_of(*spans: Span | None) -> list[tuple[str, int, int]]:
    return [(s.type, s.start, s.end) for s in spans if s is not None]


def _referent(doc: DocumentContext, person: Span, target: Span) -> Span | None:
    """The profession or nationality noun by which the sentence of ``target`` names a person
    carried over from a sentence before («Месси …. Суд приговорил футболиста к 21 месяцу»,
    «СМИ обвинили россиянку в …»): the fact keeps it among its spans, so its evidence shows
    who «футболиста» is. None when the person is named in the sentence itself, when the last
    word before the target that can refer to them is a pronoun («Суд приговорил его …»), or
    when a clause of its own lies between («Президент заявил, что его осудят»)."""
    index = doc.sentence_index(target.start)
    start, end = doc.sentences[index]
    if start <= person.start < end:
        return None
    nouns = [*_bare_professions(doc, index), *_nationality_nouns(doc, index)]
    bare = [p for p in nouns if p.end <= target.start]
    if not bare:
        return None
    noun = max(bare, key=lambda p: p.start)
    if _pronoun(doc).search(doc.text, noun.end, target.start) or _OTHER_CLAUSE.search(
        doc.text, noun.end, target.start
    ):
        return None
    return noun


# --- role and membership -------------------------------------------------------------------


# A role told as past with adjectives between («бывший генеральный прокурор», "former
# chief judge"; ``_former`` takes the word right before), or retired after it («полковник
# ГРУ в отставке»).
_FORMER_WITH_ADJECTIVES = re.compile(
    r"(?:(?<![\w-])(?:бывш|прежн|отставн)[а-яё]{1,3}|(?<![\w-])former)\s+"
    r"(?:[\w-]+(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ую|юю|ей|ые|ие|ых|их|al)\s+){1,2}$",
    re.IGNORECASE,
)
_RETIRED_AFTER = re.compile(r"(?:\s+[А-ЯЁA-Z][\w-]*)?\s+в\s+отставке(?![\w-])", re.IGNORECASE)


def _told_as_past(doc: DocumentContext, profession: Span) -> bool:
    """Whether the text calls the profession past («бывший прокурор», «экс-президент»,
    «бывший генеральный прокурор», «полковник ГРУ в отставке», "former judge")."""
    start, end = profession.start, profession.end
    return bool(
        _former(doc, start, end)
        or _FORMER_WITH_ADJECTIVES.search(doc.text, max(0, start - 60), start)
        or _RETIRED_AFTER.match(doc.text, end, end + 40)
    )


def _role_attributes(doc: DocumentContext, role: str, professions: list[Span]) -> dict:
    """A role fact's attributes: the role, and ``period: former`` when the text calls every
    one of its profession spans past («бывший прокурор»); a role it does not date has no
    period (the text rarely says «нынешний», and a reviewer may set ``current``)."""
    if professions and all(_told_as_past(doc, p) for p in professions):
        return {"role": role, "period": "former"}
    return {"role": role}


def _role_facts(doc: DocumentContext, index: int) -> None:
    """One role fact per person and role, with every profession span that says it
    («актриса и режиссёр Анна Петрова»: one fact, two spans)."""
    organizations = doc.spans_in(index, "organization")
    grouped: dict[tuple[str, str], tuple[Span, list[Span]]] = {}
    links = role_links(doc, index)
    for person, profession, role in links:
        if person.entity is None and profession.end <= person.start:
            # «российской певицы Алсу»: a bare first name is the person the profession
            # names («Певица Алсу»), where it has no entity of its own
            person.entity = name_by_profession(doc, person, profession)
        if person.entity is None:
            continue
        key = (person.entity, role)
        grouped.setdefault(key, (person, []))[1].append(profession)
    # links the trained model adds (extract.role_model), the person maybe named in one of
    # the sentences before; not to a role the rules give the person in this sentence
    # already (the fact would be theirs, and a guessed span would pass for the rules')
    guessed: dict[tuple[str, str, int], tuple[float, list[Span]]] = {}
    for person, profession, role, probability in model_links(doc, index, links):
        first = doc.sentence_index(person.start)
        if first == index and (person.entity, role) in grouped:
            continue
        known = guessed.setdefault((person.entity, role, first), (probability, []))
        guessed[(person.entity, role, first)] = (max(known[0], probability), known[1])
        known[1].append(profession)
    for (subject, role), (person, professions) in grouped.items():
        employer = next(
            (
                o
                for o in organizations
                if professions[0].end <= o.start and o.end <= person.start and o.entity
            ),
            None,
        )  # «лидер партии «Алга, Казахстан!» Марат Жыланбаев»
        doc.add_fact(
            FactDraft(
                "role",
                subject,
                employer.entity if employer else None,
                attributes=_role_attributes(doc, role, professions),
                confidence=0.8,
                evidence=_evidence(doc, index),
                spans=_spans_of(*professions),
            )
        )
    for person, profession, role in carried_role_links(doc, index):
        # «Иван Петров родился в Омске. В 1981 году он был назначен епископом.»: the
        # evidence runs from the sentence that names the person, as a model link's does;
        # one fact with the model's guess for the same person and role («Работал
        # эквилибристом, позже стал клоуном»), at least the rule's 0.6 sure
        key = (person.entity, role, doc.sentence_index(person.start))
        probability, professions = guessed.get(key, (0.6, []))
        if all(p.start != profession.start for p in professions):
            professions = sorted([*professions, profession], key=lambda p: p.start)
        guessed[key] = (max(probability, 0.6), professions)
    for (subject, role, first), (probability, professions) in guessed.items():
        doc.add_fact(
            FactDraft(
                "role",
                subject,
                attributes=_role_attributes(doc, role, professions),
                # the model's probability (0.6 at least for a carried role), kept under the
                # rules' 0.8: a user can tell a guess
                confidence=round(min(probability, MAX_CONFIDENCE), 2),
                evidence=(_evidence(doc, first)[0], _evidence(doc, index)[1]),
                spans=_spans_of(*professions),
            )
        )


def _membership_facts(doc: DocumentContext, index: int, lang: str, persons: list[Span]) -> None:
    sentence_start, _ = doc.sentences[index]
    for org in doc.spans_in(index, "organization"):
        if org.entity is None:
            continue  # «полиция», «правительство Кубы»: no entity to be a member of
        window_start = max(sentence_start, org.start - 45)
        window = doc.text[window_start : org.start].rstrip("«»„“”\"' ") + " "
        cue = MEMBERSHIP_WORDS[lang].search(window) or _elected_from(window, lang)
        if cue is not None and _BODY_OF_MEMBERS.search(cue.group()):
            continue  # «член правления «Газпрома»» sits on a board, a position in a company
        if _SEAT.match(" " + doc.text[org.start : org.end]):
            continue  # «член Совета Федерации», «член Палаты представителей»: a seat
        cue = cue or _party_cue(doc, org, window, lang)
        if cue is None:
            continue
        cue_start = window_start + cue.start()
        full_end = max(o.end for o in doc.spans_in(index, "organization") if o.start == org.start)
        person = _closest_person(doc, persons, cue_start, full_end)  # «Компартии Кубы Иван»
        if person is None:
            continue
        spans = [("organization", org.start, full_end)]  # «партии Франции», not «партии»
        if _HEAD_WORD.match(cue.group()):
            spans.append(("position", cue_start, window_start + cue.end(1)))
        members = [person]
        if person.start >= org.end and _PLURAL_CUE.match(cue.group()):
            members = _listed_after(doc, persons, person)  # «участницы группы А и Б»
        for member in members:
            doc.add_fact(
                FactDraft(
                    "membership",
                    member.entity,
                    org.entity,
                    confidence=0.7,
                    evidence=_evidence(doc, index),
                    spans=spans,
                )
            )


# Cue words that make the member the organization's head or founder; the fact keeps the
# word as a ``position`` span, since a head is a member in a particular position.
_HEAD_WORD = re.compile(
    r"(?:лидер|председател|основател|соучредител|руководител|leader|chair|founder|co-founder)",
    re.IGNORECASE,
)


# «депутат от «Справедливой России» Илья Пономарёв», «Светлана Пеунова от партии «Воля»»,
# «кандидат от ЛДПР — Михаил Дегтярев»: elected or standing for the party that put them up.
# An adjective may stand between «от» and the party: «кандидат от оппозиционной партии»,
# «выдвигается от политического «Союза …»».
_FROM_PARTY = re.compile(
    r"\bот\s+(?:[а-яё-]+(?:ой|ей|ого|его)\s+)?(?:парти[ия]|фракци[ия]|блока)\s+$",
    re.IGNORECASE,
)
_FROM_ANY = re.compile(r"\bот\s+(?:[а-яё-]+(?:ой|ей|ого|его)\s+)?$", re.IGNORECASE)
_ELECTED = re.compile(
    r"\b(?:депутат|кандидат|сенатор|спикер|парламентари|член\w* парламента|избран|избира"
    r"|выдвину|выдвига|выдвижени|номинаци|баллотир)\w*\s+"
    r"(?:\S+\s+){0,3}от\s+(?:[а-яё-]+(?:ой|ей|ого|его)\s+)?$",
    re.IGNORECASE,
)


def _elected_from(window: str, lang: str) -> re.Match | None:
    """The «от» before a party when the person was elected or stands for it; a bare «от»
    only after a word for an elected office («письмо от Amnesty International» is not)."""
    if lang != "ru":
        return None
    return _FROM_PARTY.search(window) or (_ELECTED.search(window) and _FROM_ANY.search(window))


# Cues that make a person a member only of a party or a union, since with another
# organization they name a spokesman, an official, a student or a player («представитель
# МВД», «депутат Госдумы», «принят в МГУ», «Петров («Спартак»)»): «представитель
# Демократической партии», «депутат фракции «Яблоко»», «первый секретарь ЦК Компартии»,
# «Иван Петров из Либеральной партии», «Петрова приняли в Союз журналистов», «Иван Петров
# (КПРФ)».
_PARTY_CUE = re.compile(
    r"(?:\b(?:представител|депутат)\w*\s+|\bсекретар\w*\s+(?:ЦК\s+|[\w-]*кома\s+"
    r"|центрального\s+комитета\s+)?|(?<=\w)\s+(?:из|(?:принят\w*|приняли)\s+в)\s+"
    r"|(?<=\w)\s+\(\s*)"
    r"(?:парти\w+\s+|фракци\w+\s+|блока\s+)?$",
    re.IGNORECASE,
)
_PARTY_WORD = re.compile(r"(?i:парти|фракци|\bблок|\bсоюз|\bдвижени|\bфронт)|\bКП")


def _party_cue(doc, org: Span, window: str, lang: str) -> re.Match | None:
    """A party cue before ``org`` when the organization is a party: by its own name
    («Компартии», «КПРФ») or by the word before its quoted name («партии «Яблоко»»)."""
    cue = _PARTY_CUE.search(window) if lang == "ru" else None
    if cue is None:
        return None
    named = _PARTY_WORD.search(doc.text[org.start : org.end])
    return cue if named or cue.group().rstrip().endswith(("партии", "фракции", "блока")) else None


# Cues in the plural: every person listed right after the organization is a member.
_PLURAL_CUE = re.compile(r"(?:член|участни|сторонни|активист|кандидат)\w*[ыи]\s", re.I)


def _listed_after(doc, persons: list[Span], first: Span) -> list[Span]:
    members = [first]
    for person in persons:
        if person.start >= members[-1].end and _LIST_GAP.fullmatch(
            doc.text[members[-1].end : person.start]
        ):
            members.append(person)
    return members


# A body of the organization between the cue and the organization: a seat on a board.
_BODY_OF_MEMBERS = re.compile(r"\s(?:правлени|совет|комитет|президиум|бюро|коллеги)\w*", re.I)
# Such a body, or a chamber, as the organization itself: a seat, not a membership.
_SEAT = re.compile(
    r"\s(?:правлени|совет|комитет|президиум|бюро|коллеги|палат|сенат|парламент|конгресс"
    r"|\w*дум[аыеу]\b)\w*",
    re.I,
)

# What may stand between the organization and the person named after it («лидер партии X
# Иван Иванов», «от КПРФ — Иван Мельников», «члену ХДС (Христианско-демократический союз)
# Томасу Шеферу»), and between a person and the cue before the organization («Иван Иванов,
# член партии X», «Иванов — член партии X», «Ли Пэн был видным членом партии X»). A comma
# after the organization starts the next item of a list, an «и» before the cue another
# person.
_GAP_AFTER = re.compile(  # also «от партии X стал 57-летний Иван Иванов»
    r"[»\"“”]?(?:\s*\([^()\n]{1,80}\))?\s*(?:[—–-]\s*)?(?:стал[аи]?\s+)?(?:\d+-летн\w+\s+)?"
)
_GAP_BEFORE = re.compile(
    r"\s*[,—–-]?\s*(?:бывш\w+\s+)?(?:(?:был[аио]?|является|являлс[яь]|являлась|стал[аио]?"
    r"|избран[аоы]?|избирается|выдвигается|баллотируется)\s+(?:[а-яё]+\s+)?)?"
)


def _closest_person(doc, persons: list[Span], cue_start: int, org_end: int) -> Span | None:
    for person in persons:
        gap = doc.text[org_end : person.start]
        if person.start >= org_end and len(gap) <= 90 and _GAP_AFTER.fullmatch(gap):
            return person
    for person in persons:
        gap = doc.text[person.end : cue_start]
        if cue_start >= person.end and len(gap) <= 30 and _GAP_BEFORE.fullmatch(gap):
            if gap.strip() and _kin_of_someone(doc, person):
                return None  # «Анна, дочь Ивана Петрова, член партии …»: Анна is the member
            return person
    return None


# --- events --------------------------------------------------------------------------------


def _detention_facts(doc, index, lang, subjects, limit) -> None:
    """The most specific kind the sentence tells (house arrest > arrest > detention), and a
    less specific one only with a date of its own («Задержанный 3 марта блогер в среду
    помещён под стражу»: detained on 3 March, arrested on Wednesday)."""
    seen_kinds: set[str] = set()
    seen_dates: set[str | None] = set()
    for kind, pattern in DETENTION[lang].items():
        for match in _matches(pattern, doc, index, limit):
            if kind in seen_kinds or _negated(doc, lang, match.start()):
                continue
            date, date_span = _nearest_date(doc, index, match.start())
            if seen_kinds and (date is None or date in seen_dates):
                continue  # «задержали 5 мая и арестовали»: one event, the arrest
            if (
                DETENTION_REQUEST[lang].search(doc.text, doc.sentences[index][0], match.start())
                or _requested(doc, index, lang, match.start())
                or _refused_or_asked(doc, index, lang, match.start())
            ):
                continue  # «требовала оставить его под стражей», «суд отказался арестовать»
            if kind != "house_arrest" and _penalty_next_to(doc, index, match):
                continue  # «15 суток ареста», «арестован на 15 суток»: a sentence, not an arrest
            held = _detained(doc, index, subjects, match)
            if find_measures(doc.text, match.start(), match.end()):
                held = _held_in_custody(doc, index, subjects, match)
                if not held:
                    _measure_spans(doc, index, lang, match)  # named, of no one we know
                    continue
            if not held:
                continue
            seen_kinds.add(kind)
            seen_dates.add(date)
            measures = _measure_spans(doc, index, lang, match)
            measured = (
                _coordinated(doc, subjects, _person_for(subjects, measures[0])) if measures else []
            )
            places = doc.spans_in(index, "location")
            attributes = {"kind": kind}
            if places:
                attributes["place"] = doc.entity(places[0].entity).name
            for person in held:
                doc.add_fact(
                    FactDraft(
                        "detention",
                        person.entity,
                        attributes=dict(attributes),
                        date=date,
                        confidence=0.75 if len(subjects) == 1 else 0.55,
                        evidence=_evidence(doc, index),
                        spans=_spans_of(date_span, *(measures if person in measured else ())),
                    )
                )
            break


# «Суд отказался отправить его под стражу», «отказал следствию в аресте»: no detention;
# but «отказался от показаний и был задержан» is one, after «и» (or «а», «но»).
_REFUSED = re.compile(
    r"(?<![\w-])отказа(?:л|ла|ли|лся|лась|лись|ться|вшись)(?![\w-])"
    r"(?:(?!\s(?:и|а|но|затем|после)\s)[^,.;:!?]){0,60}$",
    re.IGNORECASE,
)
# «Следователи просили отправить Петрова в СИЗО, а Сидорова под домашний арест»: the
# second measure, told without its verb after «, а», is asked for like the first.
_ASKED_TOO = re.compile(
    r"(?<![\w-])(?:запроси|проси|ходатайств|потребова|требу|требов)\w*\s[^.;:!?]{0,120}?"
    r",\s+а\s+(?![^,.;:!?]*(?<![\w-])[а-яё]+(?:ил|ал|ял|ел|ла|ли)(?![\w-]))[^,.;:!?]{0,60}$",
    re.IGNORECASE,
)


def _refused_or_asked(doc: DocumentContext, index: int, lang: str, start: int) -> bool:
    """Whether a detention trigger is one a court refused («суд отказался отправить
    чиновников под стражу») or the second of a request («просили отправить Петрова в СИЗО,
    а Сидорова под домашний арест»)."""
    if lang != "ru":
        return False
    sentence_start = doc.sentences[index][0]
    return bool(
        _REFUSED.search(doc.text, sentence_start, start)
        or _ASKED_TOO.search(doc.text, sentence_start, start)
    )


def _detained(doc, index: int, subjects: list[Span], match: re.Match) -> list[Span]:
    """Who a detention trigger is said of: the person named last before it in its clause,
    with those listed with them («Петров и Сидоров задержаны»), else the one named right
    after it with those listed after them («задержала Ивана Петрова и Сергея Сидорова»);
    never a source («По словам Анны Петровой, …», «…, сообщила Анна Петрова»), one in
    another clause («Анна Петрова заявила, что …»), a relative or a lawyer, judge or
    prosecutor of the case. People of the sentence before («Их задержали») are kept."""
    sentence_start, _ = doc.sentences[index]
    if not any(p.start >= sentence_start for p in subjects):
        return subjects
    trigger = Span("trigger", match.start(), match.end(), match.group())
    candidates = [
        p
        for p in subjects
        if _same_clause(doc, p, trigger, _OTHER_CLAUSE_OF_PENALTY)
        and not _kin_of_someone(doc, p)
        and not _excepted(doc, p)
        and not _source(doc, p)
        and not _works_the_case(doc, index, p)
    ]
    before = [p for p in candidates if p.start < match.start()]
    if before:
        return _coordinated(doc, candidates, before[-1])
    after = [p for p in candidates if p.start >= match.start()]
    return _listed_after(doc, after, after[0]) if after else []


# Who only tells the news: «по словам Анны Петровой», «как сообщил Иван Петров», «…,
# сообщила Анна Петрова», "according to Ivan Petrov".
_SOURCE_BEFORE = re.compile(
    r"(?<![\w-])(?:по\s+(?:словам|данным|информации|мнению)|со\s+слов|как\s+(?:сообщ|рассказ|заяв"
    r"|пиш|отмет|сказа|уточни|переда)\w*|according\s+to)"
    r"\s+(?:[^\s,.;:!?]+\s+){0,3}$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"[,»\"]\s*[—–-]?\s*(?:сообщ|рассказ|заяв|пиш|отмет|сказа|уточни|переда|said|says|told)\w*"
    r"\s+(?:[^\s,.;:!?]+\s+){0,3}$",
    re.IGNORECASE,
)


def _source(doc: DocumentContext, person: Span) -> bool:
    start = max(0, person.start - 60)
    return bool(
        _SOURCE_BEFORE.search(doc.text, start, person.start)
        or _SOURCE_AFTER.search(doc.text, start, person.start)
    )


def _held_in_custody(doc, index: int, subjects: list[Span], match: re.Match) -> list[Span]:
    """Who «находится под стражей» is said of: the person named right before it in its own
    clause («Анна Петрова, которая находится под арестом»), with those listed with them;
    never one in another clause («По словам Ивана Петрова, остальные 20 остаются под
    стражей») unless it refers back to them («…, фактически ему предстоит провести под
    стражей ещё год»). A person of the sentence before («Они остаются под стражей») is kept."""
    sentence_start, _ = doc.sentences[index]
    if not any(p.start >= sentence_start for p in subjects):
        return subjects
    before = [
        p
        for p in subjects
        if sentence_start <= p.start
        and p.end <= match.start()
        and (
            _CUSTODY_GAP.fullmatch(gap := doc.text[p.end : match.start()])
            or _pronoun(doc).search(gap.rsplit(",", 1)[-1])
        )
    ]
    return _coordinated(doc, subjects, before[-1]) if before else []


# Between a person and «находится под стражей»: no comma, or the comma of «, который».
_CUSTODY_GAP = re.compile(r"(?:[^,]*|\s*,\s*котор\w+[^,]*)", re.IGNORECASE)


def _measure_spans(doc: DocumentContext, index: int, lang: str, match: re.Match) -> list[Span]:
    """The penalty span the trigger itself names, a preventive measure («под домашним
    арестом»): kept on the detention of the person it is said of, so the measure stays
    linked to them without the detention becoming a sentence. None when the measure is
    only asked for («просили отправить под домашний арест»)."""
    if PENALTY_REQUEST[lang].search(doc.text, doc.sentences[index][0], match.start()):
        return []
    # custody the trigger names («находится под стражей», «под арестом») becomes a span
    for measure in find_measures(doc.text, match.start(), match.end()):
        if measure.kind == "custody":
            doc.add_span("penalty", measure.start, measure.end)
    return [
        p
        for p in doc.spans_in(index, "penalty")
        if p.data is None and p.start < match.end() and match.start() < p.end
    ]


def _restriction_facts(doc, index, lang, subjects, limit) -> None:
    """«Находится под подпиской о невыезде», «отпустили под подписку о невыезде»: a travel
    ban while the case goes on, for the person it is said of (and those listed with them);
    none when it is only asked for («просил избрать подписку о невыезде»)."""
    start, end = doc.sentences[index]
    for measure in find_measures(doc.text, start, limit):
        if measure.kind != "travel_ban" or _negated(doc, lang, measure.start):
            continue
        if REQUESTED_VERB[lang].search(doc.text, start, measure.start) or (
            PENALTY_REQUEST[lang].search(doc.text, start, measure.start)
        ):
            continue
        doc.add_span("penalty", measure.start, measure.end)
        date, _ = _nearest_date(doc, index, measure.start)
        for person in _coordinated(doc, subjects, _person_for(subjects, measure)):
            doc.add_fact(
                FactDraft(
                    "restriction",
                    person.entity,
                    attributes={"kind": "travel_ban"},
                    date=date,
                    confidence=0.7,
                    evidence=_evidence(doc, index),
                    spans=[("penalty", measure.start, measure.end)],
                )
            )
    for kind, pattern in _RESTRICTIONS.get(lang, ()):
        for match in _matches(pattern, doc, index, limit):
            if (
                _negated(doc, lang, match.start())
                or REQUESTED_VERB[lang].search(doc.text, start, match.start())
                or PENALTY_REQUEST[lang].search(doc.text, start, match.start())
                or _ASKED[lang].search(doc.text, start, match.start())
            ):
                continue  # «просил установить административный надзор»: only asked for
            trigger = Span("trigger", match.start(), match.end(), match.group())
            date, date_span = _nearest_date(doc, index, match.start())
            if (
                date_span is not None
                and max(date_span.start - trigger.end, trigger.start - date_span.end) > 40
            ):
                date = None  # «convicted in 2022 …, will remain under police supervision»
            for person in _coordinated(doc, subjects, _person_for(subjects, trigger)):
                doc.add_fact(
                    FactDraft(
                        "restriction",
                        person.entity,
                        attributes={"kind": kind},
                        date=date,
                        confidence=0.6,
                        evidence=_evidence(doc, index),
                    )
                )


_ASKED = {
    "ru": re.compile(r"(?<![\w-])(?:проси\w*|ходатайств\w*|требу\w*|призва\w*)", re.I),
    "en": re.compile(r"\b(?:ask\w*|request\w*|sought|seek\w*|urg\w+|call\w*\s+for)\b", re.I),
}
# Restrictions told in other words than a preventive measure: police or administrative
# supervision after a release, a ban on leaving the country.
_RESTRICTIONS = {
    "ru": [
        (
            "surveillance",
            re.compile(
                r"(?<![\w-])(?:под\s+(?:административн\w+\s+)?надзор\w*|"
                r"административн\w+\s+надзор\w*)",
                re.IGNORECASE,
            ),
        ),
        (
            "travel_ban",
            re.compile(
                r"(?<![\w-])(?:запрет\w*\s+на\s+выезд|запрещ\w+\s+(?:\w+\s+)?выезжать)",
                re.IGNORECASE,
            ),
        ),
    ],
    "en": [
        (
            "surveillance",
            re.compile(
                r"\bunder\s+(?:(?:police|administrative|probation)\s+)?(?:supervision|surveillance)\b",
                re.IGNORECASE,
            ),
        ),
        (
            "travel_ban",
            re.compile(
                r"\b(?:barred|banned|prohibited)\s+from\s+(?:leaving|travell?ing\s+abroad)\b"
                r"|\btravel\s+ban\b",
                re.IGNORECASE,
            ),
        ),
    ],
}


# Held in prison, said of the person: «находится в заключении», «сидит в тюрьме», «сидел
# за решёткой», «содержится в колонии». The place with its preposition is the penalty span,
# as NEREL mostly spans this phrase («в тюрьме», «за решёткой»). A stay told as over («провёл
# в заключении два года», «отсидел») is no detention: it is told after the release. A gerund
# («находясь в тюрьме, он записал обращение») is the circumstance of another clause, whose
# subject comes after it: none.
_IN_PRISON = re.compile(
    r"(?<![\w-])(?:находи\w*|находящ\w+|сид(?:ит|ел|ела|ели|ят|ящ\w+)"
    r"|содерж(?!ани)\w*)"
    r"\s+(?:[^\s,.;:!?]+\s+){0,3}?"
    r"(?P<place>в\s+(?:тюрьм[еу]|колони(?:и|ю)|заключении)|за\s+реш[её]ткой)(?![\w-])",
    re.IGNORECASE,
)


def _prison_facts(doc, index, lang, subjects, limit) -> None:
    """A detention of the person said to be held in prison (see ``_IN_PRISON``), with the
    place as its penalty span. Only what is or was so: no future or infinitive («может
    провести в тюрьме десятки лет», «вряд ли проведёт время за решёткой»), nothing asked
    for, and no prison the sentence hands out («приговорён к пяти годам лишения свободы в
    колонии»): that is a sentence."""
    if lang != "ru":
        return
    start, _ = doc.sentences[index]
    for match in _matches(_IN_PRISON, doc, index, limit):
        place = match.span("place")
        if (
            _negated(doc, lang, match.start())
            or _POSSIBLE["ru"].search(doc.text, max(start, match.start() - 30), match.start())
            or _requested(doc, index, lang, match.start())
            or PENALTY_REQUEST[lang].search(doc.text, start, match.start())
            or any(
                p.start < place[1] and place[0] < p.end
                for p in doc.spans_in(index, "penalty")
                if p.data is not None
            )
        ):
            continue
        named_here = any(p.start >= start for p in subjects)
        if not named_here and not _pronoun_names(doc, start, match.start()):
            continue  # «задержание гражданина Мексики, который провёл за решёткой 9 часов»
        held = _held_in_custody(doc, index, subjects, match)
        if not held:
            continue
        doc.add_span("penalty", *place)
        date, _ = _nearest_date(doc, index, match.start())
        for person in held:
            earlier = next(
                (
                    f
                    for f in doc.extraction.facts
                    if f.type == "detention"
                    and f.subject == person.entity
                    and f.evidence == _evidence(doc, index)
                ),
                None,
            )
            if earlier:  # «арестован и содержится в тюрьме»: one detention
                earlier.spans.append(("penalty", *place))
                continue
            doc.add_fact(
                FactDraft(
                    "detention",
                    person.entity,
                    attributes={"kind": "detention"},
                    date=date,
                    confidence=0.6,
                    evidence=_evidence(doc, index),
                    spans=[("penalty", *place)],
                )
            )


def _penalty_next_to(doc: DocumentContext, index: int, match: re.Match) -> bool:
    """An administrative arrest («арестован на 15 суток») right at the trigger; a custody
    term («взял под стражу на два месяца») is still a detention."""
    return any(
        p.start <= match.start() < p.end or 0 <= p.start - match.end() <= 6
        for p in doc.spans_in(index, "penalty")
        if p.data is not None and p.data.penalty == "administrative_arrest"
    )


# A charge told by its counts, not by its offences («предъявлено 11 обвинений», «обвинение,
# состоящее из нескольких пунктов»), and the next sentence that lists them («Среди них — …»).
_COUNTS = {
    "ru": re.compile(
        r"(?<![\w-])(?:предъяв\w+\s+(?:\S+\s+){0,2}?обвинени\w*|\d+\s+(?:пункт\w*\s+)?обвинени\w*"
        r"|обвинени\w*,?\s+(?:состоящ\w+|из)\s+(?:\S+\s+){0,2}?пункт\w*)",
        re.I,
    ),
    "en": re.compile(r"\b(?:charged\s+with|faces?|facing)\s+(?:\S+\s+)?counts\b", re.I),
}
_LISTED = {
    "ru": re.compile(r"\s*(?:Среди\s+них|В\s+их\s+числе|Один\s+из\s+них|В\s+том\s+числе)\b", re.I),
    "en": re.compile(r"\s*(?:Among\s+them|They\s+include|One\s+of\s+them)\b", re.I),
}

# «могут быть обвинены», "could be charged": only possible
_POSSIBLE = {
    "ru": re.compile(r"(?<![\w-])(?:может|могут|мог|могла|могли|могло)\s+(?:быть\s+)?$", re.I),
    "en": re.compile(r"\b(?:may|might|could|can)\s+(?:be\s+)?$", re.I),
}

# «не был приговорён к лишению свободы», «просит суд не выносить обвинительный приговор»,
# «так и не предъявили обвинений»: a court or charge word that «не» negates, up to two
# lowercase words before it, says nothing was handed out; not «не только приговорили …»,
# «не раз», «не впервые» (it happened, again) nor a «не» of a clause before it («не
# раскаялся и приговорён …»).
_NOT_BEFORE = {
    "ru": re.compile(
        r"(?<![\w-])[Нн]е\s+(?!(?:только|лишь|раз|однажды|впервые|единожды)\s)"
        r"(?:(?!(?:и|а|но)\s)[а-яё-]+\s+){0,2}$"
    ),
    "en": re.compile(r"\b(?:not|never)\s+(?:been\s+|be\s+)?$", re.I),
}
# The charge words whose negation leaves no charge: «не признал себя виновным» is a plea to
# a charge, «не был осуждён за …» tells of an acquittal, not of no charge.
_NEGATED_CHARGE = re.compile(r"обвин|предъяв|подозр|заподозр|charged|accused|suspected", re.I)


def _negated_trigger(doc: DocumentContext, lang: str, start: int) -> bool:
    """Whether «не» negates the trigger at ``start`` (``_NOT_BEFORE``): «Петров не был
    приговорён к лишению свободы», "he was not sentenced to prison"."""
    sentence_start = doc.sentences[doc.sentence_index(start)][0]
    return bool(_NOT_BEFORE[lang].search(doc.text[max(sentence_start, start - 40) : start]))


def _negated_governor(doc: DocumentContext, lang: str, crime: Span) -> bool:
    """Whether the charge word governing the crime is negated: «Петрова так и не обвинили в
    мошенничестве» (not «не признал себя виновным в …»)."""
    governor = governor_of(doc, crime)
    return bool(
        governor
        and _NEGATED_CHARGE.match(governor.group())
        and _negated_trigger(doc, lang, governor.start())
    )


# «признался в употреблении кокаина» is a confession, no charge: an offence only such a
# verb governs makes no charge fact (one told with a charge word too still does: «обвиняемый
# признался в убийстве»).
_ADMITTED = re.compile(r"(?<![\w-])призна(?:л|ла|ли|ет|ют|ё?т)ся\s+во?\s+$", re.IGNORECASE)
# «о высоких штрафах за нарушение карантина», «предусмотрены штрафы за …»: the fines the law
# sets for an offence charge no one with it (unlike «ему выписывали штрафы за нарушения ПДД»).
_FINES_IN_GENERAL = re.compile(
    r"(?<![\w-])(?:(?:высок|крупн|больш|серь[её]зн|огромн|значительн|повышенн|нов)\w*"
    r"|предусм\w*(?:\s+[\w-]+)?)\s+штраф(?:ы|ов|ах|ам|ами)\s+за\s+$",
    re.IGNORECASE,
)


# «предложили ввести уголовную ответственность за пропаганду …», «ужесточить
# ответственность за …»: a law proposed or changed charges no one with the offence.
_LIABILITY_IN_GENERAL = re.compile(
    r"(?<![\w-])(?:вв[её]\w*|введени\w*|установ\w*|предусм\w*|ужесточ\w*|усил\w*|смягч\w*"
    r"|отмен\w*)\s+(?:[\w-]+\s+){0,2}ответственност\w*\s+за\s+[«\"]?$",
    re.IGNORECASE,
)


# An article of a code's general part, by its title («статье 40 («Исполнитель
# преступления»)», «(Соучастие в преступлении)»): who did it and how, not an offence.
_GENERAL_PART = re.compile(
    r"[\s(«\"]*(?:исполнител|соучасти|соучастник|пособни|организатор|подстрекател"
    r"|приготовлени|неоконченн)\w*\s+(?:\w+\s+)?(?:к\s+|в\s+|на\s+)?преступлени",
    re.IGNORECASE,
)


def _general_part(doc: DocumentContext, target: Span) -> bool:
    """Whether the target is a general-part article by its title, or that title itself."""
    if target.type == "crime":
        return bool(_GENERAL_PART.match(target.text))
    return bool(_GENERAL_PART.match(doc.text, target.end, target.end + 60))


def _charge_facts(
    doc, index, lang, subjects, limit, earlier: list[Span] = (), listed: bool = False
) -> None:
    """Charge facts of the offences the sentence charges its subjects with; ``listed``: the
    sentence lists the counts of the charge told just before («Ему предъявлено 11
    обвинений. Среди них — геноцид и военные преступления»), each a charge of its subjects."""
    sentence_start = doc.sentences[index][0]
    triggers = list(_matches(CHARGE[lang], doc, index, limit))
    if (
        not listed
        and not triggers
        and not any(
            not _ADMITTED.search(doc.text, max(0, s.start - 20), s.start)
            and not _FINES_IN_GENERAL.search(doc.text, max(0, s.start - 50), s.start)
            and not _LIABILITY_IN_GENERAL.search(doc.text, max(0, s.start - 70), s.start)
            and not _negated_governor(doc, lang, s)
            for s in governed_offences(doc, sentence_start, limit)
        )
    ):
        return
    if triggers and all(
        _POSSIBLE[lang].search(doc.text, max(sentence_start, t.start() - 30), t.start())
        for t in triggers
    ):
        return  # «оба могут быть обвинены в …»: a charge that is only possible
    if triggers and all(
        _NEGATED_CHARGE.match(t.group()) and _negated_trigger(doc, lang, t.start())
        for t in triggers
    ):
        return  # «ему так и не предъявили обвинений в …»
    outer = _outer_crimes(doc, index, limit)
    # a crime nested in another («распространении» of «распространении ложной информации»)
    # is no charge of its own: it is part of the offence around it
    targets = [
        s
        for s in doc.spans_in(index, "legal_provision", "crime")
        if s.start < limit and (s.type != "crime" or s in outer) and not _general_part(doc, s)
    ]
    # the words for an article's offence are the article's charge, not one more charge
    glossed = [(t, a) for t in targets if (a := _glossed_article(doc, t, targets))]
    targets = [t for t in targets if not any(t is g for g, _ in glossed)]
    seen = set()
    for target in targets:
        provision = doc.entity(target.entity)
        if provision is not None:
            if provision.key in seen:
                continue
            seen.add(provision.key)
            attributes = {
                k: provision.attributes[k]
                for k in ("category", "article", "code")
                if provision.attributes.get(k)
            }
        elif target.type == "crime":
            attributes = {"category": target.data.category}
            if target.data.category in seen:
                continue
            seen.add(target.data.category)
        else:
            continue
        crime_spans = [
            s
            for s in outer
            if (s.entity == target.entity if provision is not None else s.entity is None)
            and (provision is not None or s.data.category == target.data.category)
        ] or [target]
        crime_spans += [g for g, article in glossed if article is target]
        accused = subjects if listed else _accused(doc, subjects, target, crime_spans, earlier)
        for person in accused:
            doc.add_fact(
                FactDraft(
                    "charge",
                    person.entity,
                    provision.key if provision else None,
                    attributes=dict(attributes),
                    date=_nearest_date(doc, index, target.start)[0],
                    confidence=0.75,
                    evidence=_evidence(doc, index),
                    spans=_spans_of(
                        *crime_spans, None if listed else _referent(doc, person, target)
                    ),
                )
            )


# Between an article and the words that name its offence: «посягательство … (статья 159»,
# «призывы к мятежу по статье 327», «Article 278 (mass riots)»
_GLOSS_GAP = re.compile(r"[\s(),:—–-]*(?:(?:за|по|for|under)\s+)?", re.I)


def _glossed_article(doc: DocumentContext, target: Span, targets: list[Span]) -> Span | None:
    """The article whose offence the words name, or None: «по статье 307 УК
    Таджикистана за публичные призывы к экстремистской деятельности» charges under article
    307 once, not once more under a bare category; an offence the category list does not
    know («other») glosses an article right beside it («посягательство на конституционный
    строй (статья 159 УК Узбекистана)»)."""
    if target.type != "crime":
        return None
    provision = doc.entity(target.entity)
    if provision is not None and provision.attributes.get("article"):
        return None
    category = provision.attributes.get("category") if provision else target.data.category
    code = (provision.attributes.get("code") or "") if provision else ""
    for other in targets:
        article = doc.entity(other.entity) if other.type == "legal_provision" else None
        if article is None or not article.attributes.get("article"):
            continue
        if category == article.attributes.get("category") and (
            article.attributes.get("code", "").startswith(code) or not code
        ):
            return other
        gap = (target.end, other.start) if target.end <= other.start else (other.end, target.start)
        if category in (None, "other") and _GLOSS_GAP.fullmatch(doc.text, *gap):
            return other
    return None


# «по тем же статьям», "on the same charges": the charges of the one charged before
_SAME_CHARGES = {
    "ru": re.compile(
        r"(?<![\w-])по\s+(?:тем\s+же|той\s+же|тому\s+же)\s+(?:стать\w+|обвинени\w+|пункт\w+)",
        re.I,
    ),
    "en": re.compile(r"\b(?:on|under)\s+the\s+same\s+(?:charges?|articles?|counts?)\b", re.I),
}


def _same_charges(doc, index, lang, subjects, limit) -> None:
    """«Его коллеги получили условные сроки по тем же статьям», "were given suspended
    sentences on the same charges": the people named before the words are charged with
    what the person charged last before them was."""
    match = next(iter(_matches(_SAME_CHARGES[lang], doc, index, limit)), None)
    if match is None:
        return
    people = [p for p in subjects if doc.sentences[index][0] <= p.start < match.start()]
    named = {p.entity for p in people}
    earlier = [f for f in doc.extraction.facts if f.type == "charge" and f.subject not in named]
    if not people or not earlier:
        return
    for fact in [f for f in earlier if f.subject == earlier[-1].subject]:
        for person in people:
            doc.add_fact(
                FactDraft(
                    "charge",
                    person.entity,
                    fact.object,
                    attributes=dict(fact.attributes),
                    confidence=0.6,
                    evidence=_evidence(doc, index),
                )
            )


def _accused(
    doc, subjects: list[Span], target: Span, crimes: list[Span], earlier: list[Span] = ()
) -> list[Span]:
    """The subjects a charge is about: the person named last before the offence (with those
    listed with them), never one named right after it, who is its victim («в покушении на
    Анатолия Чубайса», «в убийстве Ким Чен Нама»), nor one in another clause («…, где
    находился президент Иван Петров»). When the sentence names the accused by a pronoun
    before the offence and names no one before it, the accused is ``earlier``, the person of
    the sentences before («Его обвиняют в сокрытии улик против Ивана Петрова»)."""
    victims = _victims(doc, subjects, crimes)
    candidates = [
        p
        for p in subjects
        if p not in victims
        and _same_clause(doc, p, target)
        and not _kin_of_someone(doc, p)
        and not _excepted(doc, p)
        and not _witness(doc, p, target)
        and not _gloss(doc, p, subjects)
    ]
    index = doc.sentence_index(target.start)
    sentence_start, sentence_end = doc.sentences[index]
    named_before = [p for p in subjects if sentence_start <= p.start < target.start]
    if named_before and _searched(doc, subjects, named_before[-1], target):
        return []  # «обыски у Ивана Петрова связаны с делом о хищении»: a search, no charge
    if _DROPPED.search(doc.text, sentence_start, target.start):
        return _cleared(doc, candidates, sentence_start, target)
    if not _refers_back(doc, index, target.start):
        # the person of a sentence before is accused through «его», «ему», «он» («Ему
        # предъявлены обвинения в …») or a bare noun for them («Политика признали
        # виновным в …»); otherwise the offence is often someone else's, or done to that
        # person («Возбуждено дело об убийстве»)
        candidates = [p for p in candidates if sentence_start <= p.start < sentence_end]
    accuser = _accuser_verb(doc, target)
    if accuser is not None:
        after = [p for p in candidates if accuser.end() <= p.start < target.start]
        # «суд признал его виновным»: the person of a sentence before, never the accuser
        return after or [p for p in candidates if not sentence_start <= p.start < sentence_end]
    if len(candidates) > 1 and all(p.start < sentence_start for p in candidates):
        return candidates  # «Все они обвиняются в …»: everyone the sentence before names
    before = [p for p in candidates if p.start < target.start]
    if not before:
        if candidates and _pronoun_names(doc, sentence_start, target.start):
            return [p for p in earlier if p.start < sentence_start]
        return candidates
    if _PLURAL_PARTICIPLE.search(doc.text, before[-1].end, target.start):
        return []  # «проверки в организациях, подозреваемых в коррупции»: not the person
    # «Ярый противник Ивана Петрова, Сергей Сидоров, был признан виновным в хищении»: the
    # accused is the person named last before the offence, with those listed with them
    # («Петров и Сидоров обвиняются»), not everyone the sentence names before it
    return _coordinated(doc, before, before[-1])


# Charges dropped: «добиться снятия обвинений в …», «с Петрова сняты все обвинения в …».
_DROPPED = re.compile(
    r"(?<![\w-])(?:сня(?:ти|т|л)\w*|сним\w*)\s+(?:[^\s,.;:]+\s+){0,2}?обвинени\w*",
    re.IGNORECASE,
)
# Whom charges are dropped from: «с Ивана Петрова», «со всех», «с него».
_FROM = re.compile(r"(?<![\w-])со?\s+$", re.IGNORECASE)
_FROM_PRONOUN = re.compile(r"(?<![\w-])со?\s+(?:него|неё|нее|них)(?![\w-])", re.IGNORECASE)


def _cleared(doc, candidates: list[Span], sentence_start: int, target: Span) -> list[Span]:
    """Who the dropped charges were against: the person they were dropped from («С Ивана
    Петрова сняты все обвинения в …»; «с него» is the person of the sentences before), not
    the lawyer who won it nor whoever decreed it («Адвокату удалось добиться снятия
    обвинений в …», «указ предусматривал снятие обвинений в коррупции со всех чиновников»)."""
    if _FROM_PRONOUN.search(doc.text, sentence_start, target.start):
        return [p for p in candidates if p.start < sentence_start]
    return [p for p in candidates if _FROM.search(doc.text, max(0, p.start - 4), p.start)]


def _pronoun_names(doc: DocumentContext, start: int, end: int) -> bool:
    """Does a personal pronoun in ``start:end`` name the one the clause ending at ``end`` is
    about («Его обвиняют в …»), with no other clause opened after it («Он заявил, что …»)?"""
    pronouns = _person_pronouns(doc, start, end)
    return bool(pronouns) and not _OTHER_CLAUSE.search(doc.text, pronouns[-1].end(), end)


# A clause of its own between a person and the offence: the person is not who is accused
# («Иван Петров знает, как трудно арестованным за участие в митингах»; «обвиняют в
# нападении на отель, где отдыхал Иван Петров»), unless the clause refers back to them
# («Иван Петров заявил, что его обвиняют в клевете»). «…, который обвиняется» is the
# person's own clause, and so is «Петров признал участие в драке, но отверг обвинения в …»;
# a person after the offence, past «но» or «а», is the subject of the next clause.
_OTHER_CLAUSE = re.compile(
    r",\s*(?:что|как|чтобы|когда|если|хотя|где|куда|откуда|поскольку|потому)\b", re.IGNORECASE
)
# For a penalty, a relative clause opened by a preposition has its own subject too («дело,
# по которому осуждены Петров и Сидоров»); for a charge it often tells the person's act
# («опубликовал видео, в котором следствие усмотрело экстремизм»).
_OTHER_CLAUSE_OF_PENALTY = re.compile(
    _OTHER_CLAUSE.pattern + r"|,\s*(?:по|в|за|на|о|при|согласно)\s+котор\w+", re.IGNORECASE
)
# («, а также» goes on with a list: «Петрову, а также Сидорову суд назначил …»)
_NEXT_CLAUSE = re.compile(r",\s*(?:но|а(?!\s+также)|и(?!\s+также)|однако)\b", re.IGNORECASE)

# A plural participle right before the offence names a group, not the one person before it
# («организации, подозреваемые в коррупции»; «защищал обвиняемых в воровстве»).
_PLURAL_PARTICIPLE = re.compile(
    r"\b(?:обвиняем|подозреваем|осужденн|осуждённ)(?:ых|ым|ыми|ые)\s+(?:\S+\s+){0,2}$"
    r"|\b(?:обвиняем|подозреваем)(?:ых|ым|ыми|ые)\s+в\s+$",
    re.IGNORECASE,
)


def _pronoun(doc: DocumentContext) -> re.Pattern:
    return _PERSONAL_PRONOUN["ru" if doc.language == "ru" else "en"]


# The stems of words for a relative («сына», «дочери», «жён», «внучку»).
_KIN_STEMS = r"сын|дочь|дочер|отец|отц|мать|матер|брат|сестр|жена|жён|жен|муж|вдов|внук|внучк"
# «её сына», «его младшего брата»: a pronoun that says whose relative is meant, not the
# person it stands for.
_KIN_PRONOUN = re.compile(
    r"(?<![\w-])(?:его|е[её]|their|his|her)\s+(?:[^\s,.;:!?]+\s+)?"
    rf"(?:{_KIN_STEMS}|son|daughter|father|mother|brother|sister|wife|husband)\w{{0,2}}(?![\w-])",
    re.IGNORECASE,
)


def _person_pronouns(doc: DocumentContext, start: int, end: int) -> list[re.Match]:
    """The personal pronouns in ``start:end`` that stand for a person, not those that say
    whose relative is meant: «Иван Петров заявил, что его обвиняют в клевете» (him), not
    «…, что его брата обвиняют в клевете» (his brother)."""
    kin = [m.span() for m in _KIN_PRONOUN.finditer(doc.text, start, end)]
    return [
        p
        for p in _pronoun(doc).finditer(doc.text, start, end)
        if not any(a <= p.start() < b for a, b in kin)
    ]


# «Сын актрисы Анны Петровой не признал вину», «33-летнего Ивана Петрова, сына депутата
# Сергея Петрова, обвиняют»: a name after a word of kinship only says whose relative the
# accused is, unless a clause of its own follows it («Мать Ивана Петрова, обвиняемого в
# убийстве, …»).
_KIN_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_KIN_STEMS})\w{{0,3}}\s+(?:[^\s,.;:!?]+\s+){{0,3}}$", re.IGNORECASE
)


# «его брат Хамза», «её младшая сестра Анна»: whose relative is said by a pronoun, and the
# name in the nominative is the relative themself (not «его брата Ивана Петрова»)
_OWN_KIN = re.compile(
    r"(?<![\w-])(?:его|е[её]|их|сво[йя])\s+(?:[^\s,.;:!?]+\s+)?"
    r"(?:брат|сестра|сын|дочь|отец|мать|жена|муж|вдова|внук|внучка)\s+$",
    re.IGNORECASE,
)

_OWN_CLAUSE_AFTER = re.compile(
    r"\s*,\s*(?:обвиняем|подозреваем|осужд[её]нн|задержанн|арестованн|котор)", re.IGNORECASE
)


# «Все обвиняемые, кроме Ивана Петрова, признаны виновными»: the one person it is not said of.
_EXCEPT_BEFORE = re.compile(
    r"(?<![\w-])(?:кроме(?!\s+того)|за\s+исключением|except(?:\s+for)?|apart\s+from)\s+"
    r"(?:[^\s,.;:!?]+\s+){0,2}$",
    re.IGNORECASE,
)


# «Ивана Петрова допросили в качестве свидетеля по делу о клевете»: a witness of the case
# is not who it charges.
_WITNESS = re.compile(
    r"(?<![\w-])(?:(?:в\s+качестве|как)\s+свидетел\w*|свидетел(?:ь|я|ю|ем|и|ей|ями)"
    r"|(?:as\s+a\s+)?witness(?:es)?)(?![\w-])",
    re.IGNORECASE,
)


def _witness(doc: DocumentContext, person: Span, target: Span) -> bool:
    """Is the person called a witness between their name and the offence? (One named
    after «свидетель» may still be charged: «Свидетель Иван Петров обвиняется в
    лжесвидетельстве».)"""
    return person.start < target.start and bool(_WITNESS.search(doc.text, person.end, target.start))


# Where a search took place: «провели обыск у Ивана Петрова», «обыски в квартире
# блогера Ивана Петрова», «обыск в офисе и у Ивана Петрова» (up to a few words between,
# none a verb: in «при обыске у соседей полиция задержала Ивана Петрова» he is not where)
_NOT_A_VERB = r"(?![а-яё]+(?:ал|ял|ил|ел|ла|ли|ло|ет|ют|ит|ат|ят)\s)[^\s,.;:!?]+\s+"
_SEARCHED_AT = re.compile(
    r"(?<![\w-])обыск\w*\s+(?:[^\s,.;:!?]+\s+){0,4}?"
    rf"(?:у|в\s+(?:квартир|дом|офис|кабинет|жилищ|помещени)\w*)\s+(?:{_NOT_A_VERB}){{0,4}}$",
    re.IGNORECASE,
)
# A charge word said of the person between their name and the offence: «обыск у Ивана
# Петрова, подозреваемого в мошенничестве» charges him all the same.
_CHARGED_BETWEEN = re.compile(
    r"(?<![\w-])(?:обвин|подозр|заподозр|инкримин|вменя|осужд|задерж|арестова)\w*", re.IGNORECASE
)


def _searched(doc: DocumentContext, subjects: list[Span], person: Span, target: Span) -> bool:
    """Is the person named only as whose home or office was searched in the case («Обыски
    у Ивана Петрова связаны с делом о хищении», «в квартире блогера Ивана Петрова прошли
    обыски по делу о клевете»)? A search charges no one; those listed with the person
    («обыск у Петрова и его заместителя Сидорова») are searched too."""
    if not person.start < target.start or _CHARGED_BETWEEN.search(
        doc.text, person.end, target.start
    ):
        return False
    first = _coordinated(doc, subjects, person)[0]
    sentence_start = doc.sentences[doc.sentence_index(person.start)][0]
    window = max(sentence_start, first.start - 80)
    if _SEARCHED_AT.search(doc.text, window, first.start):
        return True
    # «в квартире Ивана Петрова проходят обыски»: the search told after the place
    place = re.search(
        rf"(?<![\w-])в\s+(?:квартир|дом|офис|кабинет|жилищ)\w*\s+(?:{_NOT_A_VERB}){{0,4}}$",
        doc.text[window : first.start],
        re.IGNORECASE,
    )
    return bool(place) and bool(
        re.match(r"[^.;:!?]{0,40}?(?<![\w-])обыск", doc.text[person.end : target.start], re.I)
    )


def _excepted(doc: DocumentContext, person: Span) -> bool:
    return bool(_EXCEPT_BEFORE.search(doc.text, max(0, person.start - 50), person.start))


# Words for who someone is to another person, besides kin: «приятель Ивана Петрова».
_RELATION_BEFORE = re.compile(
    r"(?<![\w-])(?:приятел|друг|друз|подруг|знаком|сосед|коллег)"
    r"\w{0,4}\s+(?:[^\s,.;:!?]+\s+){0,2}$",
    re.IGNORECASE,
)


def _someones_relation(doc: DocumentContext, person: Span) -> bool:
    """Is the name only whose relative, friend or colleague someone is («сын Ивана Петрова»,
    «приятель Джохара Царнаева»)?"""
    return _word_before(doc, person, _KIN_BEFORE) or _word_before(doc, person, _RELATION_BEFORE)


def _word_before(doc: DocumentContext, person: Span, pattern: re.Pattern) -> bool:
    """Whether a word of ``pattern`` (kinship, friendship) stands just before the name and
    is not part of another name («лидер организации «Братья мусульмане» Мухаммед Мурси» is
    nobody's brother)."""
    word = pattern.search(doc.text, max(0, person.start - 60), person.start)
    return bool(word) and not _in_a_name(doc, word.start())


def _kin_of_someone(doc: DocumentContext, person: Span) -> bool:
    """Is the name only whose relative the person is («сын Анны Петровой»)? Not when a
    pronoun says whose relative the name is («его брат Хамза»)."""
    return (
        _word_before(doc, person, _KIN_BEFORE)
        and not _OWN_CLAUSE_AFTER.match(doc.text, person.end)
        and not _OWN_KIN.search(doc.text, max(0, person.start - 60), person.start)
    )


def _in_a_name(doc: DocumentContext, offset: int) -> bool:
    """Whether the word at ``offset`` belongs to a name: «Братья» of «лидер организации
    «Братья мусульмане» Мухаммед Мурси» is nobody's brother."""
    return doc.text[offset - 1 : offset] in ("«", '"', "„") or doc.covered(
        offset, offset + 1, ("organization",)
    )


def _refers_back(doc: DocumentContext, index: int, end: int) -> bool:
    """Does the sentence, before ``end``, name someone by a pronoun or by a bare profession or
    nationality noun with no name after it («Политика признали виновным», «СМИ обвинили
    россиянку в …», not «журналиста Ивана Петрова»)?"""
    start, _ = doc.sentences[index]
    lang = "ru" if doc.language == "ru" else "en"
    if _person_pronouns(doc, start, end):
        return True
    if _THEY[lang].search(doc.text, start, end) or _BOTH[lang].search(doc.text, start, end):
        return True  # «Все они обвиняются в …», «Обоих подозревают в …»
    persons = doc.spans_in(index, "person")
    nouns = [(m.start(), m.end()) for m in _PERSON_NOUN.finditer(doc.text, start, end)]
    nouns += [(p.start, p.end) for p in doc.spans_in(index, "profession") if p.end <= end]
    nouns += [(p.start, p.end) for p in _nationality_nouns(doc, index) if p.end <= end]
    return any(not any(0 <= q.start - noun_end <= 2 for q in persons) for _, noun_end in nouns)


# Nouns a text uses for a person it has named («Политика признали виновным»), besides the
# professions of the lexicon.
_PERSON_NOUN = re.compile(
    r"(?<![\w-])(?:политик|журналист|активист|блогер|оппозиционер|правозащитни|фигурант"
    r"|подсудим|осужденн|осуждённ|activist|journalist|blogger|politician|defendant)\w{0,4}(?![\w-])",
    re.IGNORECASE,
)


# A clause that tells when or where («…, когда в стране начались массовые беспорядки»).
_SETTING_CLAUSE = re.compile(r",\s*(?:когда|где|куда|откуда|when|where)\b", re.IGNORECASE)


def _same_clause(doc: DocumentContext, person: Span, target: Span, other=_OTHER_CLAUSE) -> bool:
    """Is no other clause opened between the person and the offence (or penalty)? A person
    of another sentence (carried over by «его») counts unless the offence stands in a clause
    of its own that does not refer back to them («Его подозревают в том, что он отдавал
    приказы о расправах, когда в стране начались массовые беспорядки»: not the riots)."""
    index = doc.sentence_index(target.start)
    start, end = doc.sentences[index]
    if not start <= person.start < end:
        clauses = list(_SETTING_CLAUSE.finditer(doc.text, start, target.start))
        return not clauses or bool(_person_pronouns(doc, clauses[-1].end(), target.start))
    if person.start < target.start:
        clause = other.search(doc.text, person.end, target.start)
        return (
            not clause
            or bool(_person_pronouns(doc, clause.end(), target.start))
            or _relative_closed(doc, person, target)
        )
    between = doc.text[target.end : person.start]
    return not (other.search(between) or _NEXT_CLAUSE.search(between))


# A relative clause about the person right after their name («Иван Петров, который …»)…
_RELATIVE_OF_PERSON = re.compile(r"\s*,\s*котор(?:ый|ая|ые)\s", re.IGNORECASE)
# … and, after its last comma, a predicate of a few lowercase words with no subject or
# conjunction of its own («, был приговорён к», «, признан виновным в»).
_OWN_PREDICATE = re.compile(
    r"\s*(?:(?!(?:что|чтобы|как|когда|если|где|котор\w*|а|но|и|он|она|они|его|её|ее|их)\s)"
    r"[а-яё]+\s+){1,4}"
)


def _relative_closed(doc: DocumentContext, person: Span, target: Span) -> bool:
    """Whether the clause between the person and the offence or penalty lies inside a
    relative clause about the person, closed before the person's own predicate: «Иван
    Петров, который заявил, что невиновен, был приговорён к пяти годам» (not «…, который
    заявил, что Сергея Сидорова приговорили к пяти годам»)."""
    if not _RELATIVE_OF_PERSON.match(doc.text, person.end):
        return False
    comma = doc.text.rfind(",", person.end, target.start)
    return bool(_OWN_PREDICATE.fullmatch(doc.text, comma + 1, target.start))


def _victims(doc, subjects: list[Span], crimes: list[Span]) -> list[Span]:
    """The subjects named right after an offence, who suffered it («в покушении на Анатолия
    Чубайса», «в убийстве Ким Чен Нама»)."""
    return [
        p
        for p in subjects
        if any(
            p.start >= c.end
            and _victim_gap(doc, c).fullmatch(doc.text[c.end : p.start])
            and (
                _victim_gap(doc, c) is _VICTIM_GAP
                or may_be_genitive(p.text)
                and not _NOMINATIVE_SURNAME.fullmatch(p.text)
            )
            for c in crimes
        )
    ]


# «Осуждённый за шпионаж Данилов»: a bare Russian surname in -ов, -ин is in the nominative
# (its genitive is «Данилова»), so after a nominative participle it is the one convicted.
_NOMINATIVE_SURNAME = re.compile(r"[А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын)")


def _victim_gap(doc: DocumentContext, crime: Span) -> re.Pattern:
    """After «обвиняемый в убийстве» the words before a name may be the accused's own
    («обвиняемый в убийстве бизнесмен Иван Петров»): only a name right after the offence is
    its victim there, and only in the genitive («обвиняемый в убийстве Ивана Петрова»; but
    «Обвиняемый в убийстве Иван Петров» is the accused)."""
    if _NOMINATIVE_PARTICIPLE.search(doc.text, max(0, crime.start - 40), crime.start):
        return _ADJACENT_VICTIM_GAP
    return _VICTIM_GAP


_NOMINATIVE_PARTICIPLE = re.compile(
    r"(?<![\w-])(?:обвиняем|подозреваем|осужд[её]нн|обвин[её]нн|задержанн|арестованн)"
    r"(?:ый|ая|ые)\s+(?:в|во|за)\s+$",
    re.IGNORECASE,
)


# «Анна Петрова обвинила Ивана Сидорова в клевете», «судья Анна Петрова признала Ивана
# Сидорова виновным», «Анна Петрова ушла, обвинив Ивана Сидорова в клевете»: who is named
# before a singular active verb (or gerund) of accusing or convicting is the accuser or the
# judge, the accused comes after it («Ивана Петрова обвинили в …», with no one named as
# accuser, is the accused; so is who «признал себя виновным»).
_ACCUSER_VERB = re.compile(
    r"\b(?:обвинил|обвинила|обвиняет|обвинял|обвиняла|обвинив|обвиняя"
    r"|признала?(?!\s+себя)(?=\s[^.;]{0,60}?виновн))\b",
    re.IGNORECASE,
)


def _accuser_verb(doc: DocumentContext, target: Span) -> re.Match | None:
    sentence_start, _ = doc.sentences[doc.sentence_index(target.start)]
    verbs = list(_ACCUSER_VERB.finditer(doc.text, sentence_start, target.start))
    return verbs[-1] if verbs else None


# «в покушении на Анатолия Чубайса», «в причинении смерти 19-летнему москвичу Ивану
# Петрову», «об убийстве в Лондоне Ивана Петрова», «на гражданку РФ Анну Петрову»: up to
# three lower-case words that describe the victim, a place or an abbreviation between.
_ADJACENT_VICTIM_GAP = re.compile(r"\s*(?:(?:на|против|над|в\s+отношении)\s+)?")
_VICTIM_GAP = re.compile(
    r"\s*(?:(?:на|против|над|в\s+отношении)\s+)?"
    r"(?:(?:[а-яё\d][а-яё\d-]*|в\s+[А-ЯЁ][а-яё-]+|[А-ЯЁ]{2,})\s+){0,3}"
)


@dataclass
class _Verdicts:
    """What the court said in the sentences so far, for the ones right after («В понедельник
    суд вынес приговор Ивану Петрову. … Суд назначил ему шесть лет условно»)."""

    dated: dict[str, tuple[int, str]] = field(default_factory=dict)  # person → sentence, date
    unnamed: tuple[int, str] | None = None  # a dated verdict that named no one yet
    sentenced: dict[str, int] = field(default_factory=dict)  # person → sentence of a penalty
    named: dict[str, Span] = field(default_factory=dict)  # person → their name there

    def sentenced_before(self, index: int) -> list[Span]:
        """Who a penalty was handed to in the sentence right before."""
        return [self.named[p] for p, at in self.sentenced.items() if at == index - 1]

    def date_for(self, person: str | None, index: int) -> str | None:
        """The date of a verdict about the person (or about no one named) up to two
        sentences before."""
        verdict = self.dated.get(person or "") or self.unnamed
        return verdict[1] if verdict and index - verdict[0] <= 2 else None

    def just_sentenced(self, person: str | None, index: int) -> bool:
        return index - self.sentenced.get(person or "", -9) <= 2


def _sentence_facts(doc, index, lang, subjects, limit, verdicts: _Verdicts | None = None) -> None:
    """Sentence facts of the penalties the sentence hands out. A penalty told without a
    date, up to two sentences after a dated verdict about the same person, takes the
    verdict's date; a ban told right after a person's sentence is one too."""
    verdicts = _Verdicts() if verdicts is None else verdicts
    triggers = [m.span() for m in _matches(SENTENCE[lang], doc, index, limit)]
    sentence_start, _ = doc.sentences[index]
    if not triggers:
        # «Суд приговорил его к трём годам … . Кроме того, ему запрещено заниматься
        # журналистикой на два года»: a ban told right after the person's sentence; «ему»
        # is the one person sentenced in the sentence before, even when another was named
        # after them («… приговорил Петрова к семи годам по делу Анны Сидоровой»)
        recent = verdicts.sentenced_before(index)
        pronoun = _pronoun(doc).search(doc.text, sentence_start, limit)
        if (
            len(recent) == 1
            and pronoun
            and subjects
            and all(s.start < sentence_start for s in subjects)
            and _agrees(doc, pronoun.group(), recent[0])
        ):
            subjects = recent
        triggers = [
            (p.start, p.start)
            for p in doc.spans_in(index, "penalty")
            if p.data is not None
            and p.data.penalty == "ban"
            and p.start < limit
            and any(verdicts.just_sentenced(s.entity, index) for s in subjects)
        ]
        if not triggers:
            return
    provisions = {s.entity for s in doc.spans_in(index, "legal_provision") if s.entity}
    provision = provisions.pop() if len(provisions) == 1 else None
    # the victim of «приговорён за покушение на Анатолия Чубайса» is not sentenced
    victims = _victims(doc, subjects, doc.spans_in(index, "crime"))
    offenders = [p for p in subjects if p not in victims] or subjects
    verdict_date = _nearest_date(doc, index, triggers[0][0])[0]
    if verdict_date:
        verdicts.dated.update((p.entity or "", (index, verdict_date)) for p in offenders)
    for penalty in doc.spans_in(index, "penalty"):
        if penalty.start >= limit or penalty.data is None:
            continue
        before = [t for t in triggers if t[0] <= penalty.start]  # or opens it: «получил семь лет»
        anchor = before[-1][1] if before else sentence_start
        if (
            PENALTY_REQUEST[lang].search(doc.text[anchor : penalty.start])
            or before
            and _requested(doc, index, lang, before[-1][0])
            or not before
            and not _verb_after(doc, index, triggers, penalty)
            or before
            and _negated_trigger(doc, lang, before[-1][0])
        ):
            continue  # asked for, told with no verdict, or negated: «не был приговорён к …»
        match = penalty.data
        if match.upper_bound:
            continue  # «грозит до 7 лет»: the law's maximum, not a sentence
        attributes = {"penalty": match.penalty, "term_months": match.term_months}
        if match.life:  # «к пожизненному лишению свободы»: no term, for life
            attributes.update(life=True, **({} if match.parole is None else {"parole": False}))
        if match.amount is not None:
            attributes.update(amount=match.amount, currency=match.currency)
        each = match.per_person or EACH[lang].search(doc.text[anchor : penalty.end])
        people = _each(doc, offenders, penalty) if each else _sentenced(doc, offenders, penalty)
        if match.penalty == "other" and _PAYMENT.match(penalty.text):
            # «обязал компанию выплатить $78 млн Ивану Петрову»: who is named after a payment
            # is paid, not who pays
            people = [p for p in people if p.start < penalty.start]
        date, date_span = _nearest_date(doc, index, penalty.start)
        served = _SERVED.search(doc.text, max(sentence_start, penalty.start - 50), penalty.start)
        shared = _shared_term(doc, anchor, penalty)
        if _RESPECTIVELY.search(doc.text, anchor, doc.sentences[index][1]) and (
            len(people) > 1 or shared
        ):
            # «осуждены на 20 и 10 лет соответственно Петров и Сидоров»: the terms go to the
            # offenders in the order named, when there are as many of each
            if shared and len(offenders) == 2:
                for person, term in zip(offenders, (shared, match.term_months), strict=True):
                    doc.add_fact(
                        FactDraft(
                            "sentence",
                            person.entity,
                            provision,
                            attributes={**attributes, "term_months": term},
                            date=date or verdicts.date_for(person.entity, index),
                            confidence=0.6,
                            evidence=_evidence(doc, index),
                            spans=_spans_of(penalty),
                        )
                    )
            continue
        crimes = _outer_crimes(doc, index, limit)
        for person in people:
            verdicts.sentenced[person.entity or ""] = index
            verdicts.named[person.entity or ""] = person
            doc.add_fact(
                FactDraft(
                    "sentence",
                    person.entity,
                    provision,
                    attributes=dict(attributes),
                    # "freed on Friday after serving his sentence": not the verdict's day
                    date=_served_date(doc, penalty, date, date_span)
                    if served
                    else date or verdicts.date_for(person.entity, index),
                    confidence=0.8 if getattr(match, "explicit", True) else 0.6,
                    evidence=_evidence(doc, index),
                    spans=_spans_of(penalty, *crimes, _referent(doc, person, penalty)),
                )
            )
        for person, term in _gapped_terms(doc, index, offenders, penalty, limit):
            doc.add_fact(
                FactDraft(
                    "sentence",
                    person.entity,
                    provision,
                    attributes={"penalty": match.penalty, "term_months": term},
                    date=date or verdicts.date_for(person.entity, index),
                    confidence=0.6,
                    evidence=_evidence(doc, index),
                    spans=_spans_of(penalty, _referent(doc, person, penalty)),
                )
            )


_PAYMENT = re.compile(r"(?:выплат|компенсаци)", re.IGNORECASE)
_FEMININE_PRONOUN = re.compile(r"(?:она|е[её]|ей|н[её]е|ней|her|she)", re.IGNORECASE)


def _agrees(doc: DocumentContext, pronoun: str, person: Span) -> bool:
    """Can «ему» or «ей» mean the person, by the gender of their first name (when the
    dictionary knows it)?"""
    entity = doc.entity(person.entity)
    gender = _name_gender(entity.name if entity else person.text)
    if gender == "?":
        return True
    return (gender == "femn") == bool(_FEMININE_PRONOUN.fullmatch(pronoun))


@cache
def _name_gender(name: str) -> str:
    """The gender of a person's first name, ``?`` when the dictionary does not know it."""
    from pledgewatch.extract.nlp import _morph

    words = name.split()
    if not words:
        return "?"
    parses = _morph().parse(words[0].lower())
    genders = {p.tag.gender for p in parses if "Name" in p.tag.grammemes}
    return str(genders.pop()) if len(genders) == 1 and None not in genders else "?"


def _unnamed_verdict(doc: DocumentContext, index: int, lang: str, verdicts: _Verdicts) -> None:
    """A dated verdict that names no one yet («Во вторник суд огласил приговор по делу трёх
    активистов»): its date is for the penalties the next sentences hand out."""
    trigger = next(iter(_matches(SENTENCE[lang], doc, index)), None)
    if trigger is not None and (date := _nearest_date(doc, index, trigger.start())[0]):
        verdicts.unnamed = (index, date)


def _sentenced(doc: DocumentContext, offenders: list[Span], penalty: Span) -> list[Span]:
    """Who a penalty is given to: the person named last before it in its clause, with those
    listed with them («Петров и Сидоров осуждены на полтора года»); failing that, the one
    named after it («к пожизненному заключению приговорён Иван Петров», «по которому
    осуждён на 10 лет Иван Петров»); no one when every name is in another clause or a
    relative's («Сын Анны Петровой приговорён к девяти годам»)."""
    in_clause = [
        p
        for p in offenders
        if _same_clause(doc, p, penalty, _OTHER_CLAUSE_OF_PENALTY)
        and not _kin_of_someone(doc, p)
        and not _excepted(doc, p)
        and not _gloss(doc, p, offenders)
    ]
    before = [p for p in in_clause if p.start < penalty.start]
    if before:
        return _coordinated(doc, offenders, before[-1])
    after = [p for p in in_clause if p.start >= penalty.start]  # or inside: "fined Ivan Petrov $50"
    return after[:1]


# «Петров получил десять лет лишения свободы, Сидоров — восемь лет»: the verb and the kind
# of penalty left out after the dash are those of the penalty before.
_GAPPED_TERM = re.compile(
    r"\s*[—–]\s*(?P<term>(?:[\w-]+\s+){1,3}?(?:лет|года?|месяц(?:а|ев))"
    r"|(?:[\w-]+\s+){1,2}?(?:years?|months))(?=\s*(?:[,.;]|$))",
    re.IGNORECASE,
)
_GAPPED_PENALTIES = frozenset({"imprisonment", "restricted_freedom"})


def _gapped_terms(doc, index, offenders, penalty, limit) -> list[tuple[Span, float]]:
    match = penalty.data
    if match.penalty not in _GAPPED_PENALTIES or not match.term_months:
        return []
    others = [p.start for p in doc.spans_in(index, "penalty") if p.start >= penalty.end]
    stop = min([limit, *others])
    found = []
    for person in offenders:
        if not penalty.end < person.start < stop:
            continue
        gap = _GAPPED_TERM.match(doc.text, person.end, doc.sentences[index][1])
        parsed = gap and parse_term(gap.group("term"))
        if parsed and not parsed[1]:
            found.append((person, parsed[0]))
    return found


def _each(doc: DocumentContext, offenders: list[Span], penalty: Span) -> list[Span]:
    """Who «каждый», «по 15 суток», "each" gives the penalty to: every offender of the
    sentence but those another clause sets apart («Петров и Сидоров арестованы на 15 суток
    каждый, а Иванова оштрафована на 100 МРП»)."""
    return [
        p
        for p in offenders
        if not (
            _NEXT_CLAUSE.search(doc.text, penalty.end, p.start)
            if p.start >= penalty.end
            else _NEXT_CLAUSE.search(doc.text, p.end, penalty.start)
        )
    ] or offenders


# «осуждены на 20 и 10 лет соответственно»: terms handed out in the order of the names.
_RESPECTIVELY = re.compile(r"\b(?:соответственно|respectively)\b", re.IGNORECASE)
# «отбывает семилетний срок», "after serving his full three-year sentence": a term served,
# dated by its verdict, not by the day of the sentence that tells of it
_SERVED = re.compile(
    r"(?<![\w-])(?:отбы(?:ва|в|л|т)\w*|serv(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,3}$", re.I
)
# «отбывает семилетний срок, назначенный ему в ноябре 2023 года»: the verdict's date told
# with the term served
_IMPOSED = re.compile(r"^[\s,]*(?:назначенн|вынесенн|imposed|handed)\w*\b", re.IGNORECASE)


def _served_date(doc, penalty: Span, date: str | None, date_span: Span | None) -> str | None:
    """The date of a term being served: only one told as the day it was imposed, right
    after the term; the date of the sentence that tells of it is another event's."""
    if date is None or date_span is None or date_span.start < penalty.end:
        return None
    if not _IMPOSED.match(doc.text[penalty.end : date_span.start]):
        return None
    return date


_SHARED_UNIT = re.compile(r"(?<![\w-])(?P<number>[\w.,-]+)\s+(?:и|and)\s+$", re.IGNORECASE)
_TERM_NUMBER = re.compile(r"(?P<number>[\w.,-]+)\s+(?:лет|год|месяц|суток|year|month)", re.I)


def _shared_term(doc: DocumentContext, anchor: int, penalty: Span) -> float | None:
    """The first term of «к семи и пяти годам», in months: the number before «и» counted in
    the unit of the term after it; None when no number stands there."""
    before = _SHARED_UNIT.search(doc.text, max(anchor, penalty.start - 30), penalty.start)
    own = _TERM_NUMBER.match(penalty.text)
    if not before or not own or not penalty.data.term_months:
        return None
    first, second = parse_number(before.group("number")), parse_number(own.group("number"))
    if not first or not second:
        return None
    return round(first * penalty.data.term_months / second, 3)


def _outer_crimes(doc: DocumentContext, index: int, limit: int) -> list[Span]:
    """The sentence's crime spans before ``limit`` that no other crime span contains
    («убийстве 14 пограничников», not «убийстве» inside it)."""
    crimes = [c for c in doc.spans_in(index, "crime") if c.start < limit]
    return [
        c
        for c in crimes
        if not any(
            o is not c
            and o.start <= c.start
            and c.end <= o.end
            and (o.start, o.end) != (c.start, c.end)
            for o in crimes
        )
    ]


def _verb_after(doc: DocumentContext, index: int, triggers, penalty: Span) -> bool:
    """ "Семь лет лишения свободы получил…": a trigger shortly after the penalty, or closing
    it («на 1 год 5 месяцев осуждён»); not one that opens the next penalty («засчитывается
    за два дня ограничения свободы, назначенный ему год ограничения свободы»)."""
    others = [p for p in doc.spans_in(index, "penalty") if p.data is not None and p != penalty]
    return any(
        (0 <= t_start - penalty.end <= 40 or penalty.start < t_start < penalty.end)
        and not any(0 <= p.start - t_end <= 30 for p in others)
        for t_start, t_end in triggers
    )


def _gloss(doc: DocumentContext, person: Span, subjects: list[Span]) -> bool:
    """Whether the name stands in brackets right after another name of the sentence, as a
    spelling of it («Карсона Ёнга (Carson Yeung, также — Карсон Юнг; Карсон Ён) приговорили
    к …»): the one named before the brackets is who the court means."""
    opened = doc.text.rfind("(", 0, person.start)
    if opened < 0 or ")" in doc.text[opened : person.start]:
        return False
    return any(
        p.end <= opened and not doc.text[p.end : opened].strip() and p.entity != person.entity
        for p in subjects
    )


def _coordinated(doc: DocumentContext, subjects: list[Span], person: Span) -> list[Span]:
    """The person and those listed right before it: «Кокорин и Мамаев осуждены на полтора
    года» sentences both. A list closes with «и»: a name only a comma sets off before the
    person is another's («противник министра Ивана Сидорова, Пётр Васильев, был осуждён»)."""
    people = [person]
    for other in reversed([p for p in subjects if p.end <= person.start]):
        gap = doc.text[other.end : people[0].start]
        if not _LIST_GAP.fullmatch(gap) or (len(people) == 1 and gap.strip() == ","):
            break
        people.insert(0, other)
    return people


# «Петров и 54-летний Сидоров»: an age may stand before the next name of the list, and
# whose relative they are («Нуреддин Х. и его брат Хамза Х.»)
_LIST_GAP = re.compile(
    r"\s*(?:,|и|,\s*и|and|,\s*and)\s*(?:\d{1,3}-летн(?:ий|яя|его|ей|ему|им|юю|ие|их)\s+)?"
    r"(?:(?:его|е[её]|their|his|her)\s+(?:брат|сестр|сын|дочь|отец|мать|жена|муж|brother"
    r"|sister|son|daughter|father|mother|wife|husband)\w{0,3}\s+)?"
)


def _person_for(subjects: list[Span], target: Span) -> Span:
    before = [p for p in subjects if p.start < target.start]
    return before[-1] if before else subjects[0]


# A release the sentence rules out: «пожизненный срок без права условно-досрочного
# освобождения», "life without (the possibility of) parole", "no parole".
_WITHOUT_RIGHT = {
    "ru": re.compile(r"без\s+(?:права|возможности)\s+(?:на\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE),
    "en": re.compile(
        r"\b(?:without\s+(?:the\s+)?(?:(?:possibility|chance|right)\s+of\s+)?|no\s+)$",
        re.IGNORECASE,
    ),
}


def _release_facts(doc, index, lang, subjects, limit) -> None:
    for kind, pattern in RELEASE[lang].items():
        first = next(iter(_matches(pattern, doc, index, limit)), None)
        if first and _WITHOUT_RIGHT[lang].search(
            doc.text, max(0, first.start() - 40), first.start()
        ):
            continue  # «без права условно-досрочного освобождения»: no release at all
        if _dated_event(doc, index, lang, subjects, limit, pattern, "release", {"kind": kind}):
            return  # the most specific kind wins: pardon > amnesty > early > ... > full


def _acquittal_facts(doc, index, lang, subjects, limit) -> None:
    _dated_event(doc, index, lang, subjects, limit, ACQUITTAL[lang], "acquittal", {})


def _dated_event(doc, index, lang, subjects, limit, pattern, fact_type, attributes) -> bool:
    """One fact per subject at the first, not negated, trigger of the sentence, dated by
    the date nearest to it; False when the sentence has no such trigger."""
    match = next(iter(_matches(pattern, doc, index, limit)), None)
    if match is None or _negated(doc, lang, match.start()):
        return False
    date, date_span = _nearest_date(doc, index, match.start())
    other = date_span and _OTHER_EVENT_BEFORE.search(
        doc.text, max(0, date_span.start - 40), date_span.start
    )
    if other and not other.start() <= match.start() < date_span.start:
        # «Юлдашев, осужденный в 2023 году …, помилован»: the year is the verdict's (not in
        # «задержанный блогер освобождён 10 мая», where the release stands between)
        date, date_span = None, None
    courtroom = fact_type == "release" and _IN_COURT[lang].search(doc.text, *doc.sentences[index])
    if (
        fact_type == "acquittal"
        and not date
        and _ACQUITTAL_NOUN.match(match.group())
        and any(f.type == "acquittal" for f in doc.extraction.facts)
    ):
        return True  # «Прокуратура обжалует оправдательный приговор»: the one told before
    for person in subjects:
        if attributes.get("kind") == "full" and not date and _told_before(doc, fact_type, person):
            continue  # «Родственники освобождённых …»: the release told before, nothing new
        # «Суд … освободил его из-под стражи в зале суда»: the day of the verdict
        day = date or (_verdict_date(doc, index, person) if courtroom else None)
        doc.add_fact(
            FactDraft(
                fact_type,
                person.entity,
                attributes=dict(attributes),
                date=day,
                confidence=0.75,
                evidence=_evidence(doc, index),
                spans=_spans_of(date_span),
            )
        )
    return True


# A date right after another event's word is that event's: «осужденный в 2023 году»,
# «признанного в 2004 году виновным», "convicted in 2023".
_OTHER_EVENT_BEFORE = re.compile(
    r"(?<![\w-])(?:осужд|приговор|признан|обвин[её]нн|задержан|арестован|convicted|sentenced"
    r"|found\s+guilty|arrested|detained)\w*"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# An acquittal named by a noun («оправдательный приговор», "the acquittal"): a reference to
# one told before, when there is one.
_ACQUITTAL_NOUN = re.compile(r"оправдательн|acquittal", re.IGNORECASE)
# Freed in the courtroom: on the day of the verdict.
_IN_COURT = {
    "ru": re.compile(r"(?<![\w-])в\s+зале\s+суда", re.IGNORECASE),
    "en": re.compile(r"\bin\s+(?:the\s+)?court(?:room)?\b", re.IGNORECASE),
}


def _verdict_date(doc: DocumentContext, index: int, person: Span) -> str | None:
    """The date of the last verdict (a sentence or an acquittal) told before: the person's,
    or else one told in the two sentences before (the person may be named there in a form
    not yet joined to their record: «оправдал Таалайбека Сыдыкова …. Суд … освободил его»)."""
    since = doc.sentences[max(0, index - 2)][0]
    verdicts = [
        f
        for f in doc.extraction.facts
        if f.type in ("sentence", "acquittal")
        and f.date
        and (f.subject == person.entity or f.evidence[0] >= since)
    ]
    return verdicts[-1].date if verdicts else None


def _told_before(doc: DocumentContext, fact_type: str, person: Span) -> bool:
    return any(f.type == fact_type and f.subject == person.entity for f in doc.extraction.facts)


# --- demands -------------------------------------------------------------------------------


def _demand_facts(
    doc: DocumentContext, index: int, lang: str, earlier: list[Span] | None = None
) -> int | None:
    """Adds the sentence's demand facts; returns where the demand's scope starts. An
    organization named as whom the demand is made to («обратился к Генеральной прокуратуре
    с призывом …») demands nothing; a sentence that names no demander but refers back to one
    («Фонд также призвал …», "The coalition urged …", "It called on …") is the demand of the
    organizations that demanded last (``earlier``, kept across sentences)."""
    earlier = [] if earlier is None else earlier
    trigger = next(iter(_matches(DEMAND[lang], doc, index)), None)
    if trigger is None:
        return None
    sentence_start, sentence_end = doc.sentences[index]
    actions = sorted(
        (m.start(), m.end(), action)
        for action, pattern in DEMAND_ACTIONS[lang].items()
        for m in pattern.finditer(doc.text, trigger.end(), sentence_end)
    )
    actions = _drop_overlapping(actions)
    if not actions:
        return None
    demanders = [
        s
        for s in doc.spans_in(index, "organization")
        if s.start < trigger.start()
        and s.entity
        and not _ADDRESSED[lang].search(doc.text, max(sentence_start, s.start - 30), s.start)
    ]  # an organization named by a common noun («полиция») has no entity and demands nothing
    unnamed = UNNAMED_DEMANDERS[lang].search(doc.text, sentence_start, trigger.start())
    if not demanders and not unnamed:
        if _BODY_PRONOUN[lang].match(doc.text, sentence_start):
            demanders = list(earlier)
        elif referred := _BODY_REFERRED[lang].search(doc.text, sentence_start, trigger.start()):
            demanders = list(earlier) or _described_body(doc, sentence_start, referred.group())
        elif _WE[lang].match(doc.text, sentence_start):
            demanders = list(earlier) or _author(doc)
    if demanders:
        earlier[:] = demanders
    addressee = _addressee(doc, index, lang, trigger.start())
    pending: list[str] = []
    named: list[Span] = []  # the people an earlier action of the sentence named
    for n, (_start, end, action) in enumerate(actions):
        scope_end = actions[n + 1][0] if n + 1 < len(actions) else sentence_end
        between = doc.text[end:scope_end]
        if n + 1 < len(actions) and re.fullmatch(r"\s*(или|либо|и|or|and)\b[\s\w]{0,20}", between):
            pending.append(action)  # «отменить или тщательно пересмотреть …»: same objects
            continue
        objects, topics = _demand_objects(doc, index, lang, action, end, scope_end)
        if not objects and named and action in _PERSON_ACTIONS and _THEM[lang].match(between):
            objects = named  # "to drop all charges against X and to release them"
        named = [o for o in objects if o.type == "person"] or named
        if not objects and not topics:
            continue
        for each_action in [*pending, action]:
            _add_demands(doc, index, each_action, demanders, unnamed, addressee, objects, topics)
        pending = []
    return trigger.start()


_PERSON_ACTIONS = frozenset({"release", "drop_charges", "investigate"})
# Whom a demand is made to, right before an organization: «обратился к прокуратуре»,
# «в адрес парламента», "appealed to the Prosecutor General's Office".
_ADDRESSED = {
    "ru": re.compile(r"(?<![\w-])(?:к|ко|в\s+адрес|перед)\s+(?:\w+\s+)?$", re.I),
    "en": re.compile(r"\b(?:to|on)\s+(?:the\s+)?$", re.I),
}
# A common noun or a pronoun for an organization named before: «Фонд также призвал»,
# «Организация требует», "The coalition urged", "It called on".
_BODY_REFERRED = {
    "ru": re.compile(
        r"(?<![\w-])(?:фонд|организаци|коалици|центр|бюро|комитет|движени|объединени|сеть|"
        r"правозащитн\w+\s+(?:организаци|центр))\w{0,3}(?![\w-])",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:the\s+(?:coalition|group|organi[sz]ation|foundation|network|centre|center|"
        r"committee|bureau|movement|NGO))\b",
        re.I,
    ),
}
# An action whose object is a pronoun for the people of the action before it.
_THEM = {
    "ru": re.compile(r"\s*(?:их|его|е[её]|них|него|н[её]е)(?![\w-])", re.I),
    "en": re.compile(r"\s*(?:them|him|her)\b", re.I),
}


_BODY_PRONOUN = {
    "ru": re.compile(r"\s*(?:он|она|оно|они)(?![\w-])", re.I),
    "en": re.compile(r"\s*(?:it|they)\b", re.I),
}


# "We urge …", «Мы призываем …»: the organization whose statement the text is
_WE = {
    "ru": re.compile(r"\s*Мы(?![\w-])"),
    "en": re.compile(r"\s*We\b"),
}


def _author(doc: DocumentContext) -> list[Span]:
    """The organization that opens one of the first sentences of the text, before the
    dateline's sentence or right after it ("Freedom Voices Initiative condemns …")."""
    for index in range(min(3, len(doc.sentences))):
        start = doc.sentences[index][0]
        for org in doc.spans_in(index, "organization"):
            if org.entity and re.fullmatch(r"\s*(?:The\s+)?", doc.text[start : org.start]):
                return [org]
    return []


def _described_body(doc: DocumentContext, before: int, noun: str) -> list[Span]:
    """The organization named last before ``before`` whose name or apposition holds the
    common noun («The Steppe Justice Network, a coalition of …» for "the coalition")."""
    stem = noun.lower().split()[-1][:5]
    for span in sorted(
        (s for s in doc.spans if s.type == "organization" and s.entity and s.end <= before),
        key=lambda s: -s.start,
    ):
        if stem in doc.text[span.start : span.end + 40].lower():
            return [span]
    return []


def _drop_overlapping(actions):
    """Of two actions at one place the longer wins ("drop all charges" over "drop")."""
    kept = []
    for action in sorted(actions, key=lambda a: (a[0], -a[1])):
        if kept and action[0] < kept[-1][1]:
            continue
        kept.append(action)
    return kept


def _demand_objects(doc, index, lang, action, start, end):
    types = {
        "release": ("person",),
        "drop_charges": ("person",),
        "investigate": ("person",),
        "repeal": ("legal_provision", "crime", "instrument"),
        "amend": ("legal_provision", "crime", "instrument"),
        "abandon": ("instrument", "legal_provision"),
    }.get(action, ())
    objects, seen = [], set()
    for span in doc.spans_in(index, *types):
        if start <= span.start < end and span.entity and span.entity not in seen:
            if span.type == "instrument" and _inside_provision(doc, span):
                continue  # «УК РК» of «статьи 174 УК РК»: the provision is the object
            seen.add(span.entity)
            objects.append(span)
    if any(o.type != "instrument" for o in objects):
        # «положения Уголовного кодекса, предусматривающие наказание за …»: the provisions
        # are the object, not the code they belong to (a law found by the law grammar)
        objects = [o for o in objects if o.type != "instrument" or doc.entity(o.entity).ref]
    if not objects and action in _PERSON_ACTIONS:
        objects = _person_by_role(doc, index, start, end)
    topics = []
    if not objects and action in ("stop", "abandon", "investigate", "repeal", "amend"):
        topics = _topics(doc, lang, start, end)
    return objects, topics


def _person_by_role(doc: DocumentContext, index: int, start: int, end: int) -> list[Span]:
    """«Корреспондент Мерген Ораздурдыев приговорён …. Инициатива призвала освободить
    журналиста»: the one person an earlier sentence gave that role is who the bare
    profession noun of the demand means."""
    for profession in doc.spans_in(index, "profession"):
        if not start <= profession.start < end or not isinstance(profession.data, str):
            continue
        holders = {
            f.subject
            for f in doc.extraction.facts
            if f.type == "role" and f.attributes.get("role") == profession.data
        }
        if len(holders) != 1:
            return []
        named = [
            p
            for p in doc.spans
            if p.type == "person" and p.entity in holders and p.end <= profession.start
        ]
        return named[-1:]
    return []


def _inside_provision(doc: DocumentContext, span: Span) -> bool:
    """Whether the law is part of a provision reference the reference data knows; an
    article of a law named in words («статью 5 Закона о митингах») has no entity, and the
    law stays the object."""
    return any(
        p.type == "legal_provision" and p.entity and p.start <= span.start and span.end <= p.end
        for p in doc.spans
    )


_TOPIC_SPLIT = {
    "ru": re.compile(
        r",?\s+и\s+(?=(?:преследовани|нападени|давлени|практик|злоупотреблени|криминализ|преследова|запрет|цензур|пытк|задержани|репресси)\w*)",
        re.I,
    ),
    "en": re.compile(
        r",?\s+and\s+(?=(?:the\s+)?(?:persecution|attacks?|harassment|pressure|practice|abuse|criminali[sz]|targeting|censorship|torture|detention|repression))",
        re.I,
    ),
}


_DANGLING = re.compile(r"(\s+(and|or|to|и|или|а также))+$", re.I)
_ATTRIBUTION = re.compile(r"[»”\"]\s*[,–—-]|\s[–—-]\s")


def _topics(doc, lang, start, end) -> list[tuple[int, int]]:
    """A practice to stop, as text: «нападения на ЛГБТИК+ сообщество и преследование НПО»
    gives two topics, split at «и» before a new practice noun."""
    text = doc.text[start:end]
    attribution = _ATTRIBUTION.search(text)  # «…», - заявили организации
    if attribution:
        text = text[: attribution.start()]
    stripped = _DANGLING.sub("", text.rstrip(' .,;:!»"”\n'))
    lead = len(stripped) - len(stripped.lstrip(" ,"))
    pieces, cursor = [], lead
    for match in _TOPIC_SPLIT[lang].finditer(stripped):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, len(stripped)))
    return [(start + a, start + b) for a, b in pieces if len(stripped[a:b].split()) >= 2]


def _add_demands(doc, index, action, demanders, unnamed, addressee, objects, topics) -> None:
    evidence = _evidence(doc, index)
    subjects = [d.entity for d in demanders] or [None]
    for subject in subjects:
        for obj in objects:
            attributes = {"action": action, "addressee": addressee or _country_of(doc, obj)}
            if subject is None and unnamed:
                attributes["demanded_by"] = unnamed.group().strip()
            doc.add_fact(
                FactDraft(
                    "demand",
                    subject,
                    obj.entity,
                    attributes=attributes,
                    confidence=0.8,
                    evidence=evidence,
                    spans=_spans_of(obj) if obj.type == "crime" else [],
                )
            )
        for start, end in topics:
            attributes = {
                "action": action,
                "addressee": addressee,
                "topic": " ".join(doc.text[start:end].split()),
            }
            if subject is None and unnamed:
                attributes["demanded_by"] = unnamed.group().strip()
            doc.add_fact(
                FactDraft(
                    "demand",
                    subject,
                    None,
                    attributes=attributes,
                    confidence=0.6,
                    evidence=evidence,
                )
            )


def _country_of(doc: DocumentContext, span: Span) -> str | None:
    entity = doc.entity(span.entity)
    return entity.country if entity else None


def _addressee(doc: DocumentContext, index: int, lang: str, trigger_start: int) -> str | None:
    countries = doc.spans_in(index, "country")
    for span in countries:
        if ADDRESSEE_WORDS[lang].search(doc.text[max(0, span.start - 30) : span.start]):
            return doc.entity(span.entity).country
    region = [s for s in countries if doc.entity(s.entity).country in refdata.REGION]
    if len(region) == 1:
        return doc.entity(region[0].entity).country
    if not doc.spans_in(index, "location"):
        return document_country(doc)
    return None


# --- commitments of an instrument -----------------------------------------------------------


def _commitment_facts(doc: DocumentContext, lang: str) -> None:
    """Commitments of an instrument named in the text, found in the sentence that names it
    and the two after it («В декларации … они заявили о приверженности свободе слова»),
    each linked to every Central Asian party of the instrument."""
    for span in (s for s in doc.spans if s.type == "instrument"):
        instrument = span.data
        if instrument is None or not instrument.commitments:
            continue
        first = doc.sentence_index(span.start)
        own = {c.id for c in instrument.commitments}
        for index in range(first, len(doc.sentences)):
            window_start, window_end = doc.sentences[index]
            sentence = doc.text[window_start:window_end]
            if index > first + 1 and not _INSTRUMENT_REFERENCE.search(sentence):
                continue  # later sentences count when they refer back to the instrument
            for match in refdata.find_commitments(sentence):
                start, end = window_start + match.start, window_start + match.end
                for commitment_id in match.commitments:
                    if commitment_id in own:
                        commitment = refdata.commitment(commitment_id)
                        _add_commitment(doc, lang, instrument, commitment, start, end)


_INSTRUMENT_REFERENCE = re.compile(
    r"\b(декларац\w+|обязательств\w*|приверженн\w+|пообеща\w+|declaration|pledge[sd]?|"
    r"commitments?|committed|promised?)\b",
    re.I,
)


def _add_commitment(doc, lang, instrument, commitment, start: int, end: int) -> None:
    name = commitment.text_ru if lang == "ru" else commitment.text_en
    key = doc.add_entity(
        EntityDraft(
            f"commitment:ref:{commitment.id}",
            "commitment",
            name,
            None,
            aliases=[n for n in (commitment.text_ru, commitment.text_en) if n and n != name],
            attributes={"instrument": instrument.id, "theme": commitment.theme},
            ref=f"commitment:{commitment.id}",
        )
    )
    doc.add_span("commitment", start, end, key)
    evidence = _evidence(doc, doc.sentence_index(start))
    for code in instrument.parties:
        if code not in refdata.REGION:
            continue
        country = refdata.country(code)
        country_key = doc.add_entity(
            EntityDraft(
                f"country:{code}",
                "country",
                country.name_ru if lang == "ru" else country.name_en,
                code,
                aliases=[n for n in (country.name_ru, country.name_en) if n],
                ref=f"country:{code}",
            )
        )
        doc.add_fact(
            FactDraft(
                "commitment",
                country_key,
                key,
                attributes={"instrument": instrument.id, "theme": commitment.theme},
                date=instrument.date,
                confidence=0.7,
                evidence=evidence,
                spans=[("commitment", start, end)],
            )
        )
