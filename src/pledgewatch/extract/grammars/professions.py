"""Professions and positions («президент», «министр иностранных дел», «главный тренер»,
«сотрудник полиции») from the hand-written lexicon ``data/professions.yaml``.

Each lexicon lemma is expanded to its case and number forms with pymorphy3 once per
process, and the forms are matched as one trie-compiled alternation on the lower-cased
text (no per-token lemmatization). A match gives the head word and, when the text goes
on with a genitive complement, the outer phrase too, as NEREL annotates both
(«президента» and «президента США»): :func:`find_professions` returns the head matches
and :func:`complement_end` the end of a fixed complement. A head after «экс-» is the
profession without the prefix («экс-[президент]»); «исполняющий обязанности», «врио» and
«и. о.» before a profession belong to the outer phrase (:func:`acting_start`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

import yaml

from pledgewatch.extract.grammars.numbers import FLAGS, lowered, word_alternation


@dataclass
class ProfessionMatch:
    start: int  # the head word, or the modifier before it («главный тренер»)
    head_start: int
    end: int  # end of the head word
    role: str | None  # role of a role fact (see the lexicon); None: never a person's role
    needs_complement: bool = False
    deputy: bool = False  # takes another profession as its complement («советник президента»)
    relational: bool = False  # with a complement, not a profession mention alone («директор»)


class _Grammar(NamedTuple):
    head: re.Pattern
    modifier: re.Pattern
    complement: re.Pattern
    role_of: dict[str, tuple[str | None, bool]]  # form -> (role, needs a complement)
    deputies: set[str]
    relational: set[str]
    adjectival: set[str]  # forms of adjectives used as nouns («военного», «ведущий»)
    before_name: set[str]  # forms that are a title only before a name («Папа Франциск»)
    after_adjective: set[str]  # forms that are a profession after an adjective («китайский лидер»)


@cache
def _lexicon() -> dict:
    text = resources.files("pledgewatch").joinpath("data/professions.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _forms(lemma: str, strict: bool = True, genders: bool = False) -> set[str]:
    return _forms_and_pos(lemma, strict, genders)[0]


@cache
def _forms_and_pos(
    lemma: str, strict: bool = True, genders: bool = False
) -> tuple[set[str], str | None]:
    """The case and number forms of a lemma, and its part of speech. ``strict`` keeps only
    forms whose most likely reading is the lemma's, and of an adjective only the masculine
    and plural ones (a profession «военный», not «военной»): a modifier, which only counts
    right before a head, need neither («главного» reads first as a form of «главное»;
    «оперная певица»). ``genders`` keeps an adjective's feminine and neuter forms too
    (the office adjectives: «президентской кампании», «депутатское расследование»)."""
    from pledgewatch.extract.nlp import _morph

    lemma = lemma.lower().replace("ё", "е")
    forms = {lemma}
    parses = [p for p in _morph().parse(lemma) if p.normal_form.replace("ё", "е") == lemma]
    pos = parses[0].tag.POS if parses else None
    for parse in parses[:2]:
        if parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            continue
        for form in parse.lexeme:
            if form.tag.POS != parse.tag.POS or "Cmp2" in form.tag.grammemes:
                continue
            if (
                strict
                and not genders
                and form.tag.POS in ("ADJF", "PRTF")
                and not ({"masc", "plur"} & form.tag.grammemes)
            ):
                continue  # «военный», «военные», not «военной», «военное»
            word = form.word.replace("ё", "е")
            top = _morph().parse(word)[0].normal_form.replace("ё", "е")
            if word == lemma or top == lemma or not strict:
                forms.add(word)  # not «после» (a form of «посол»), «политике», «критики»
    return forms, pos


@cache
def _compiled() -> _Grammar:
    lexicon = _lexicon()
    role_of: dict[str, tuple[str | None, bool]] = {}
    for role, lemmas in (lexicon.get("words") or {}).items():
        for lemma in lemmas:
            for form in _forms(lemma):
                role_of.setdefault(form, (role, False))
    for role, forms in (lexicon.get("forms") or {}).items():
        for form in forms:
            role_of.setdefault(form.lower().replace("ё", "е"), (role, False))
    for lemma in lexicon.get("adjectives") or []:
        for form in _forms(lemma, genders=True):
            role_of.setdefault(form, (None, False))
    for lemma in lexicon.get("memberships") or []:
        for form in _forms(lemma):
            role_of.setdefault(form, (None, True))
    for lemma in lexicon.get("needs_complement") or []:
        for form in _forms(lemma):
            role_of.setdefault(form, ("other", True))
    before_name = set()
    for lemma in lexicon.get("before_name") or []:
        before_name.update(f for f in _forms(lemma) if f not in role_of)
    for form in before_name:
        role_of[form] = ("other", False)
    after_adjective = set()
    for lemma in lexicon.get("after_adjective") or []:
        after_adjective.update(_forms(lemma))
    deputies, relational = set(), set()
    for lemma in lexicon.get("deputies") or []:
        deputies.update(_forms(lemma))
    for lemma in lexicon.get("relational") or []:
        relational.update(_forms(lemma))
    adjectival = set()
    for lemmas in (lexicon.get("words") or {}).values():
        for lemma in lemmas:
            forms, pos = _forms_and_pos(lemma)
            if pos in ("ADJF", "PRTF"):
                adjectival.update(forms)
    modifiers = set()
    for lemma in lexicon.get("modifiers") or []:
        modifiers.update(_forms(lemma, strict=False))
    complements = [c.lower().replace("ё", "е") for c in lexicon.get("complements") or []]
    head = re.compile(
        rf"(?:(?<=экс-)|(?<![\w-]))(?P<word>{word_alternation(role_of)})"
        rf"(?!-лиг)(?:(?=-{_NOT_COMPOUND})|(?:-[а-я]+)?(?![\w-]))",
        FLAGS,
    )  # «писатель-сатирик», «художника-постановщика»: the compound is the mention
    # up to two: «главный исполнительный директор», «временный главный управляющий»
    modifier = re.compile(rf"(?<![\w-])(?:{word_alternation(modifiers)}\s+){{1,2}}$", FLAGS)
    complement = re.compile(rf"\s+(?:{word_alternation(complements)})(?![\w-])", FLAGS)
    return _Grammar(
        head,
        modifier,
        complement,
        role_of,
        deputies,
        relational,
        adjectival,
        before_name,
        after_adjective,
    )


# Second halves of a hyphenated compound that say what party, sex or standing the person
# has, not what they do: the profession is the head alone («сенатора-[демократа]»,
# «конгрессмены-республиканцы», «астронавтов-женщин»); «премьер-лиги» is no premier.
_NOT_COMPOUND = (
    r"(?:демократ|республиканц|коммунист|единорос|популист|женщин|мужчин"
    r"|афроамериканц|участни|победител|дебютант|перебежчи|предател|частни|матер|мать"
    r"|миллионер|миллиардер)"
)

_DOCTOR = ("доктор", "доктора", "доктору", "доктором", "докторе")

# Heads that are no one's profession in a fixed phrase: «Совет министров» names a
# government («Совета министров Кубы»), «Неизвестного солдата» a memorial, «День учителя»
# a holiday, «борец за свободу» a champion of a cause, «почётный доктор университета» and
# «степень доктора» an honour and a degree (while «доктор филологических наук» is the
# outer phrase NEREL annotates).
_FIXED_PHRASE_BEFORE = {
    "министров": re.compile(r"(?<![\w-])совет\w*\s+$"),
    "солдата": re.compile(r"(?<![\w-])неизвестного\s+$"),
    "учителя": re.compile(r"(?<![\w-])(?:день|дня|дню|днём|днем|дне)\s+$"),
    **dict.fromkeys(_DOCTOR, re.compile(r"(?<![\w-])(?:степен\w*|почетн\w+|звани\w+)\s+$")),
}
_FIXED_PHRASE_AFTER = {
    **{
        form: re.compile(r"\s+(?:за|против)\s")
        for form in ("борец", "борца", "борцу", "борцом", "борце", "борцы", "борцов")
    },
    **dict.fromkeys(_DOCTOR, re.compile(r"\s+кто(?!\w)")),  # «Доктор Кто», a series
}

# Plural forms that name a crowd or the players of a market, not people by their work:
# «активисты собрались у мэрии», «крупнейших игроков рынка», «владельцы квартир»; the
# singular («активист Иван Петров») and a plural before names («активисты Иван Петров и
# Олег Сидоров», «игроки «Зенита») stay professions.
_CAPITALISED_AFTER = re.compile(r"\s+[«\"„“]?[A-ZА-ЯЁ]")  # a name: «игроков НХЛ», «Ивана»
_CROWD_LEMMAS = ("активист", "игрок", "владелец", "предприниматель", "основатель")


# «представители прокуратуры», «члены партии»: a group of some body, seldom annotated
# even before a name («представители «Единой России»»), unlike the singular
_GROUP_LEMMAS = ("представитель", "член")


@cache
def _crowd_plurals(lemmas: tuple[str, ...] = _CROWD_LEMMAS) -> frozenset[str]:
    from pledgewatch.extract.nlp import _morph

    return frozenset(
        form.word.replace("ё", "е")
        for lemma in lemmas
        for form in _morph().parse(lemma)[0].lexeme
        if "plur" in form.tag.grammemes
    )


def find_professions(text: str) -> list[ProfessionMatch]:
    grammar = _compiled()
    low = lowered(text).replace("ё", "е")
    found = []
    for match in grammar.head.finditer(low):
        word = match.group("word")
        start = match.start()
        context = _CONTEXTUAL.get(word)
        if context and not context.search(low, max(0, match.start() - 30), match.end()):
            continue
        if word.startswith("директор") and _BOARD.search(low, max(0, start - 12), start):
            continue  # «совета директоров» is a board, its members no profession of theirs
        fixed = _FIXED_PHRASE_BEFORE.get(word)
        if fixed and fixed.search(low, max(0, start - 15), start):
            continue
        fixed = _FIXED_PHRASE_AFTER.get(word)
        if fixed and fixed.match(low, match.end()):
            continue
        if (
            word in _crowd_plurals()
            and match.end() - start == len(word)  # not «активисты-экологи»
            and not _CAPITALISED_AFTER.match(text, match.end())  # «активисты Иван и Олег»
        ):
            continue
        if word in _crowd_plurals(_GROUP_LEMMAS) and match.end() - start == len(word):
            continue
        if word in grammar.adjectival and _noun_in_same_case(text, low, match.end(), word):
            continue  # an adjective of the noun after it: «военного округа»
        if word in grammar.before_name and not _title_of_name(text, match.start(), match.end()):
            continue  # «папа пришёл за сыном» is a father
        role, needs = grammar.role_of[word]
        left = grammar.modifier.search(low, max(0, start - 45), start)
        if left is None and word in grammar.after_adjective:
            # «китайский лидер», «общественный деятель»: one profession with the adjective
            # (the head alone still needs a complement: «лидер партии»)
            left = _ADJECTIVE_BEFORE.search(low, max(0, start - 30), start)
        if left and _ORDINAL_FIRST.match(low, left.start()) and not _FIRST_DEPUTY.match(word):
            rest = _ORDINAL_FIRST.match(low, left.start()).end()
            left = grammar.modifier.search(low, rest, start) if rest < start else None
        found.append(
            ProfessionMatch(
                left.start() if left else start,
                match.start(),
                match.end(),
                role,
                needs,
                word in grammar.deputies,
                word in grammar.relational,
            )
        )
    return found


# The adjective before a head of the lexicon's ``after_adjective``: of a country, place or
# body («китайский», «палестинского», «кремлёвский») or of a field («политический»,
# «общественный»).
_ADJECTIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:[а-я-]+(?:ск|цк|вск)|политическ|общественн|государственн|религиозн"
    r"|духовн|культурн|партийн|профсоюзн|военн)(?:ий|ый|ого|ому|им|ым|ом|ие|ые|их|ых|ими|ыми)\s+$"
)


# «первый» belongs to a first deputy («первый заместитель министра», «первого
# вице-президента»); before other heads it is an ordinal outside the profession («стал
# первым губернатором, который…», «первый президент страны»).
_ORDINAL_FIRST = re.compile(r"перв\w+\s+")
_FIRST_DEPUTY = re.compile(r"(?:зам|вице|секретар)")


# Forms that are professions only in context: «премьера» (also a première) and «политика»
# (also politics) after an adjective in the masculine genitive («бывшего итальянского
# премьера», «94-летнего политика»), after a post («на посту премьера») or «экс-»
# («противники экс-премьера»).
_CONTEXTUAL = {
    word: re.compile(
        rf"(?:(?:[а-я-]+(?:ого|его)|пост|поста|посту|должность|должности)\s+|экс-){word}$",
        FLAGS,
    )
    for word in ("премьера", "политика")
}

_POSSESSIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:мо|тво|сво|наш|ваш)\w*\s+$|(?<![\w-])(?:его|её|ее|их)\s+$", re.IGNORECASE
)
_NAME_AFTER = re.compile(r"\s+[A-ZА-ЯЁ][a-zа-яё]")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*|\n\s*)[«\"„“]?$")


def _title_of_name(text: str, start: int, end: int) -> bool:
    """Whether a word of the lexicon's ``before_name`` is a title: a capitalised name
    follows («папа Франциск»), or it is capitalised itself inside a sentence («визит
    Папы в Ирак»)."""
    if _POSSESSIVE_BEFORE.search(text, max(0, start - 12), start):
        return False  # «его папа Иван»
    if _NAME_AFTER.match(text, end):
        return True
    return text[start].isupper() and not _SENTENCE_START.search(text, max(0, start - 3), start)


_BOARD = re.compile(r"(?<![\w-])совет\w*\s+$")

_ACTING = re.compile(
    r"(?<![\w-])(?:(?:временно\s+)?исполняющ\w+\s+обязанности|врио|и\.\s?о\.)\s+$", FLAGS
)


def acting_start(text: str, start: int) -> int | None:
    """Where «(временно) исполняющий обязанности», «врио» or «и. о.» right before
    ``start`` begins («исполняющий обязанности губернатора»)."""
    match = _ACTING.search(text, max(0, start - 45), start)
    return match.start() if match else None


_HONORARY = re.compile(r"(?<![\w-])(?:народн|заслуженн)\w+\s+$", FLAGS)


def honorary_title(text: str, start: int) -> bool:
    """Whether the profession at ``start`` opens an honorary title («народный артист
    России», «заслуженный врач РСФСР»): the title is an award, the profession in it the
    bare head («артист»), without the country after it."""
    return bool(_HONORARY.search(text, max(0, start - 20), start))


_NEXT_WORD = re.compile(r" ([а-яё][а-яё-]*)")
# Genitive nouns that are not what a profession is of («президент года», «тренер лет …»,
# «лучший футболист мира», «бомбардир турнира», «глава семьи»), or that NEREL leaves out
# of it («главный тренер команды»).
_NOT_COMPLEMENTS = frozenset(
    "года лет месяца месяцев дня дней недели суток века времени раза случае момента "
    "обязанности команды издания мира турнира чемпионата семьи".split()
)


def genitive_complement_end(text: str, end: int) -> int | None:
    """The end of a lower-case genitive noun phrase right after ``end``: up to two
    adjectives and up to three nouns («водитель автобуса», «начальник штаба округа»,
    «председатель правления фонда»); not another profession («адвокат журналиста»)."""
    role_of = _compiled().role_of
    found, adjectives, nouns = None, 0, 0
    while (match := _NEXT_WORD.match(text, end)) and nouns < 3:
        word = match.group(1).replace("ё", "е")
        if word == "и" and nouns and adjectives == 0:
            # «министр промышленности и энергетики»: a second noun of the complement
            following = _NEXT_WORD.match(text, match.end())
            if following is None or not _coordinated_noun(following.group(1), role_of):
                break
            end = match.end()
            continue
        if word in role_of or word in _NOT_COMPLEMENTS:
            break
        if adjectives < 2 and not nouns and "ADJF" in _genitive_parts(word):
            adjectives += 1
        elif "NOUN" in _genitive_parts(word):
            nouns += 1
            found = match.end()
        else:
            break
        end = match.end()
    return found


_LIST_COMMA = re.compile(r", ([а-яё][а-яё-]*)(?=[ ,])")
_AND = re.compile(r" (?:и|или)(?= )")


def coordinated_complement_end(text: str, end: int) -> int | None:
    """The end of the other fields a minister's portfolio ending at ``end`` is listed
    with: «министр экономики, торговли и промышленности», «министр экономического
    планирования и развития», «министра связи и массовых коммуникаций». Only a list
    that «и» closes, and only genitive nouns that are no profession («министра обороны и
    министра финансов»); None where none follows. Other heads keep their first
    complement, as NEREL spans them («дизайнер одежды, обуви и украшений», «лётчик
    самолёта и вертолёта»)."""
    role_of = _compiled().role_of
    listed = end
    while (comma := _LIST_COMMA.match(text, listed)) and _coordinated_noun(comma.group(1), role_of):
        listed = comma.end()
    conjunction = _AND.match(text, listed)
    if conjunction is None:
        return None
    return _genitive_phrase_end(text, conjunction.end(), role_of)


def _genitive_phrase_end(text: str, end: int, role_of: dict) -> int | None:
    """The end of a lower-case genitive noun phrase right after ``end``: up to two
    adjectives and a noun they agree with («массовых коммуникаций», «развития»)."""
    low = lowered(text)
    agrees = None
    for _ in range(3):
        match = _NEXT_WORD.match(text, end)
        if match is None or not text[match.start(1)].islower():
            return None
        word = low[match.start(1) : match.end(1)].replace("ё", "е")
        if word in role_of or word in _NOT_COMPLEMENTS or word.startswith("экс-"):
            return None
        pos = _likely_parse(word)[0]
        readings = {r for r in _readings(word) if r[0] == "gent"}
        if agrees is not None:
            readings &= agrees
        if pos == "NOUN":
            return match.end() if _noun_readings(word) & readings else None
        if pos != "ADJF" or "ADJF" not in _genitive_parts(word) or not readings:
            return None
        agrees, end = readings, match.end()
    return None


# Church and noble titles whose see or domain is an adjective after them («Патриарх
# Болгарский», «митрополита Ленинградского и Новгородского», «герцогиня Кембриджская»)
_SEE_TITLE = re.compile(
    r"(?:экс-)?(?:патриарх|митрополит|(?:архи)?епископ|экзарх|(?:эрц)?герцог|принц|княз|княгин"
    r"|граф|курфюрст)",
    re.IGNORECASE,
)
_SEE = re.compile(r" ([А-ЯЁ][а-яё]*(?:-[А-ЯЁ][а-яё]*)?(?:ск|цк)[а-яё]{2,3})(?![\w-])")
_SECOND_SEE = re.compile(r" и ([А-ЯЁ][а-яё]*(?:ск|цк)[а-яё]{2,3})(?![\w-])")


def see_end(text: str, head_start: int, end: int) -> int | None:
    """The end of the see or domain after a church or noble title ending at ``end``: a
    capitalised adjective that agrees with the title («митрополит Русенский», «Патриархом
    Болгарским», «принца Уэльского»), and a second one after «и» («епископ Тверской и
    Кашинский»). None where the title is not one of those or no such adjective follows
    («епископа Апостольской церкви»: the adjective is of the noun after it)."""
    head = text[head_start:end]
    if not _SEE_TITLE.match(head):
        return None
    readings = _noun_readings(head.lower().replace("ё", "е"))
    found = None
    for pattern in (_SEE, _SECOND_SEE):
        match = pattern.match(text, end)
        if match is None:
            break
        word = match.group(1).lower().replace("ё", "е")
        if _likely_parse(word.rsplit("-", 1)[-1])[0] != "ADJF":
            break
        if not readings & _readings(word.rsplit("-", 1)[-1]):
            break
        found = end = match.end()
    return found


_ORDINAL = re.compile(r" \d+-(?:го|й|ой|ого)(?= [а-яё])")


def ordinal_complement_end(text: str, end: int) -> int | None:
    """The end of a numbered unit, rank or term right after ``end``, which NEREL spans
    as part of the profession: «начальник 75-го отдела полиции», «советник юстиции
    2-го класса», «депутат 7-го созыва»."""
    ordinal = _ORDINAL.match(text, end)
    if ordinal is None:
        return None
    return genitive_complement_end(text, ordinal.end())


def _coordinated_noun(word: str, role_of: dict) -> bool:
    """Whether a word after «и» in a complement is a genitive noun of its own (not another
    profession, not an adjective that opens a new phrase)."""
    word = word.replace("ё", "е")
    if word.startswith("экс-") or word in role_of or word in _NOT_COMPLEMENTS:
        return False  # «водитель автобуса и экс-министр»: another profession
    return _likely_parse(word)[0] == "NOUN" and "NOUN" in _genitive_parts(word)


def _noun_in_same_case(text: str, low: str, end: int, word: str) -> bool:
    """Whether a lower-case noun that can be in the case of ``word`` follows ``end``: the
    word is then its adjective («военного округа»), not a noun of its own («ведущий
    программы» stays a host, and so do «ведущего Ивана Петрова», «ведущего КВН»: a name
    or an acronym is no noun the adjective agrees with). ``low`` is ``text`` lower-cased,
    offset for offset."""
    match = _NEXT_WORD.match(low, end)
    if match is None or not text[match.start(1)].islower():
        return False
    pos, case = _likely_parse(match.group(1))
    if pos != "NOUN":
        return False
    # not only the likely case: «военные преступления» reads first as a genitive
    # singular, and agrees with «военные» as a plural
    return case in _cases(word) or bool(_noun_readings(match.group(1)) & _readings(word))


@cache
def _readings(word: str) -> frozenset[tuple[str, str]]:
    """The (case, number) pairs ``word`` has a parse in."""
    from pledgewatch.extract.nlp import _morph

    return frozenset(
        (p.tag.case, p.tag.number) for p in _morph().parse(word) if p.tag.case and p.tag.number
    )


@cache
def _noun_readings(word: str) -> frozenset[tuple[str, str]]:
    """The (case, number) pairs ``word`` has a noun parse in."""
    from pledgewatch.extract.nlp import _morph

    return frozenset(
        (p.tag.case, p.tag.number)
        for p in _morph().parse(word)
        if p.tag.POS == "NOUN" and p.tag.case and p.tag.number
    )


@cache
def _likely_parse(word: str) -> tuple[str | None, str | None]:
    """The part of speech and case of the most likely parse."""
    from pledgewatch.extract.nlp import _morph

    tag = _morph().parse(word)[0].tag
    return tag.POS, tag.case


@cache
def _genitive_parts(word: str) -> frozenset[str]:
    """The parts of speech ``word`` has a genitive parse as: any parse, not only the most
    likely one, since the likely one is often another case («торговой палаты»: dative
    first) or a noun for an adjective («главного судьи»: «главное» first). None for a
    word most likely a preposition or conjunction («в», «и»: abbreviations parse as
    nouns)."""
    from pledgewatch.extract.nlp import _morph

    parses = _morph().parse(word)
    if parses[0].tag.POS not in ("NOUN", "ADJF"):
        return frozenset()
    return frozenset(p.tag.POS for p in parses if p.tag.case == "gent")


@cache
def _cases(word: str) -> frozenset[str]:
    from pledgewatch.extract.nlp import _morph

    return frozenset(p.tag.case for p in _morph().parse(word) if p.tag.case)


def complement_end(text: str, end: int) -> int | None:
    """The end of a fixed genitive complement right after ``end`` («иностранных дел»),
    with a second one after «и» up to its noun («министр сельского хозяйства и
    окружающей среды»)."""
    complement = _compiled().complement
    match = complement.match(lowered(text).replace("ё", "е"), end)
    if match is None:
        return None
    end = noun_after_adjective_end(text, match.end()) or match.end()
    # a second field after «и» («министр промышленности и энергетики»), not a word of
    # the sentence going on («министра финансов и сменившая его», «директор музея и
    # археолог»)
    conjunction = _AND.match(text, end)
    if conjunction is not None:
        end = _genitive_phrase_end(text, conjunction.end(), _compiled().role_of) or end
    return end


_LAST_WORD = re.compile(r"(?<![\w-])([а-яё][а-яё-]*)$")


def noun_after_adjective_end(text: str, end: int) -> int | None:
    """Where a genitive noun phrase ends when the phrase before ``end`` stops on one of
    its adjectives: «командующего армии боснийских» goes on to «сербов», «профессор
    экономики и социального» to «развития», «гендиректор российского международного
    агентства» to «агентства» (up to two more adjectives, then a lower-case noun the
    adjective agrees with). None where the last word is no genitive adjective, or no
    such noun follows («вице-президент страны и политический соперник»)."""
    last = _LAST_WORD.search(text, max(0, end - 40), end)
    if last is None:
        return None
    word = last.group(1).lower().replace("ё", "е")
    if _likely_parse(word)[0] != "ADJF" or "ADJF" not in _genitive_parts(word):
        return None
    agrees = {r for r in _readings(word) if r[0] == "gent"}
    low = lowered(text)
    for _ in range(3):  # up to two more adjectives, then the noun
        match = _NEXT_WORD.match(text, end)
        if match is None or not text[match.start(1)].islower():
            return None
        following = low[match.start(1) : match.end(1)].replace("ё", "е")
        pos, _case = _likely_parse(following)
        if pos == "NOUN":
            return match.end() if _noun_readings(following) & agrees else None
        if pos != "ADJF" or not _readings(following) & agrees:
            return None
        end = match.end()
    return None


# Words before a name that are titles or forms of address, not part of it (besides the
# lexicon's professions: «Принц Филипп», «Император Акихито», «Папа Франциск»).
_TITLES = {"папа", "мистер", "миссис", "мисс", "госпожа", "господин", "сэр", "леди", "лорд"}
_TITLES |= {"поп-звезда", "звезда", "экс-президент", "экс-премьер", "святой", "святая"}


def is_title_word(word: str) -> bool:
    """A profession or a title that natasha tends to keep at the start of a name."""
    word = word.lower().replace("ё", "е")
    return word in _TITLES or word in _compiled().role_of


def is_deputy_word(word: str) -> bool:
    """A head that takes another profession as its complement («советника», «помощник»,
    «пресс-секретарь»)."""
    return word.lower().replace("ё", "е") in _compiled().deputies
