"""Organizations named by a common noun: «правительство», «полиция», «Верховный суд США»,
«министерства юстиции», «пресс-служба МВД».

natasha's NER tags proper names; NEREL also annotates the institutions a news text names
with a generic head noun, nested: the head alone where it names the institution of the
country in question («правительство», «парламента»), and the outer phrase with its genitive
complement («правительство Кубы», «министерству здравоохранения США»). Heads that never
name an institution alone («министерство», «пресс-служба», «суд») give only the phrase with
a complement, or with a name-like adjective before them («Хорошевский суд»,
«Следственного комитета»).

These spans carry no entity: «полиция» of one text is not «полиция» of another, so they are
typed spans for search and evaluation, never merged across documents or used as the
subject or object of a fact. The same holds for a country adjective with an institution
(«российские власти», «британской полиции»).

The module also holds the corrections of natasha's organization names that need no model:
the quoted name after a kind word (:func:`quoted_name`), unpaired quotes
(:func:`outer_quotes`), a swallowed bracket (:func:`bracketed_names`), an organization with
its place (:func:`extend_named_organizations`), a body with the organization it belongs to
(:func:`join_nested_organizations`: «Совета Безопасности ООН»), and organizations natasha
takes for places (:func:`add_named_bodies`: «Кремль», «ЕС»). National teams
(:func:`add_national_teams`) are typed spans like the generic heads, and a generic phrase
cut short of its complement is dropped (:func:`drop_cut_phrases`).

Other phrases NEREL spans as one organization are typed spans too: a body with the matter
it deals with after «по» (:func:`add_subject_complements`: «комитета Госдумы по обороне»),
a government named by its leader («правительство Нечаса»), armed forces and chambers of
parliament (:func:`add_armed_forces`), a governing body or a faculty with what it belongs
to (:func:`add_governing_bodies`, :func:`add_faculties`: «правления «Газпрома»»,
«юридический факультет МГУ»), and the acronym or Latin spelling in brackets after a name
(:func:`add_bracketed_acronyms`), which keeps the name's entity; so are military units
named by their number (:func:`add_numbered_units`: «2-й гвардейской армии») and
institutions named after a person (:func:`add_named_after`: «больнице имени Кащенко»). A
subdivision joined to the body it belongs to is one organization whose entity carries that
body (:func:`join_subdivisions`: «Главное управление МВД России по Москве», not
«Главное управление»), and a social network named as where something was written is a
product, not an organization (:func:`drop_platforms_written_in`). A body attached to an
organization with «при» is spanned with it (:func:`join_attached_bodies`), as are a
country's law enforcement, army and secret services (:func:`add_country_forces`: «армии
Египта»); adjectives natasha took for a whole name (:func:`drop_adjectives_alone`:
«Лондонский» of «Лондонский «Арсенал»»), a code of law's acronym and a Latin title with
its year (:func:`drop_codes_and_works`) are no organizations. A named organization's name
found again elsewhere in the text, also in another case, is a mention of it
(:func:`add_repeated_organizations`: «Freixenet», «Кировлеса»).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from pledgewatch import refdata
from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.numbers import may_match
from pledgewatch.extract.grammars.professions import is_title_word
from pledgewatch.extract.nlp import Analysis, Token
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.translit import match_key

# Heads that name an institution by themselves (lower-cased word forms).
_ALONE = re.compile(
    r"(?:правительств(?:о|а|у|ом|е)|полици(?:я|и|ю|ей)|парламент(?:|а|у|ом|е)"
    r"|госдум(?:а|ы|е|у|ой)|кремл(?:ь|я|ю|ем|е)|прокуратур(?:а|ы|е|у|ой)"
    r"|сенат(?:|а|у|ом|е)|кабмин(?:|а|у|ом|е)|мэри(?:я|и|ю|ей))"
)
# Acronyms of institutions (case-sensitive).
_ACRONYMS = frozenset(
    {"МВД", "ФСБ", "МИД", "ФБР", "ЦРУ", "МЧС", "ГИБДД", "ОМОН", "СВР", "ФСИН", "СИЗО"}
)
# A quoted name or a number after an acronym names one unit of it («СИЗО «Лефортово»», «СИЗО
# № 1»), which is a place as often as a body.
_UNIT_NAME = re.compile(r" ?[«\"№]")
# Heads that need a complement or a name-like adjective.
_NEEDS_COMPLEMENT = re.compile(
    r"(?:министерств\w*|администраци\w+|пресс-служб\w*|кабинет\w*|департамент\w*|посольств\w*"
    r"|комитет\w*|совет(?:|а|у|ом|е|ы|ов)|суд(?:|а|у|ом|е|ы|ов)|служб\w*"
    r"|управлени\w+|генштаб\w*|правительств\w+|парламент\w*|прокуратур\w+"
    r"|власт(?:ь|и|ей|ям|ями|ях)|ведомств(?:о|а|у|ом|е)|дум(?:а|ы|е|у|ой))"
)
# Adjectives that make a head a name wherever they stand («Верховный суд»).
_NAME_ADJECTIVES = re.compile(
    r"(?:верховн|конституционн|следственн|арбитражн|генеральн|федеральн|государственн"
    r"|высш|национальн|центральн|европейск|международн)\w+"
)
# Words before a bare head that make it part of a profession («главы правительства»,
# «сотрудники полиции»), which NEREL does not tag as an organization on its own.
_OWNER_WORDS = re.compile(r"(?:глав|председател|сотрудник|премьер|член|начальник)\w*")
_COMPLEMENT_TYPES = ("country", "location", "organization")
_FIXED_GENITIVE = frozenset({"министров", "директоров", "безопасности", "федерации"})
# Genitives that point back to a place named before («парламенте страны», «правительства
# республики»): the institution ends before them.
_ANAPHORIC_GENITIVE = frozenset({"страны", "республики", "города", "государства"})


def add_generic_organizations(doc: DocumentContext, analysis: Analysis) -> None:
    add_armed_forces(doc)
    add_numbered_units(doc)
    add_named_after(doc)
    mentions = _span_ends(doc, _COMPLEMENT_TYPES)
    persons = _span_ends(doc, ("person",))
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            known = _GENERIC_WORDS.get(token.text, _UNSEEN)
            if known is _UNSEEN:  # two regexes per distinct word, not per token
                known = _generic_word(token.text)
            if known is None:
                continue  # most words: neither a body nor one named by its complement
            word, acronym, alone = known
            if not acronym and token.pos not in ("NOUN", "PROPN"):
                continue
            if acronym and _UNIT_NAME.match(doc.text, token.end):
                continue
            if token.text[:1].isupper() and not acronym:
                _drop_head_taken_for_place(doc, token)
            if doc.covered(token.start, token.end, ("person", "country", "location")):
                continue
            if not alone and _ends_named(doc, token.end):
                continue  # «Федеральной таможенной службы»: natasha's name, extended later
            if _DUTY.search(doc.text, max(0, token.start - 16), token.end):
                continue  # «уволен с военной службы»: a duty, not an institution
            first = _prefix(tokens, i, relational=not alone)
            if _inside_name(doc, tokens[first].start, token.end):
                continue  # «Федеральная служба» of natasha's «Федеральная служба по надзору …»
            if _LAW_TITLE.search(doc.text, 0, tokens[first].start):
                continue  # «закон «О полиции»» names a law
            if word.startswith("власт") and first < i and _BRANCH.match(tokens[i - 1].text):
                continue  # «органы исполнительной власти»: a branch of power, not a body
            if word.startswith("служб") and first < i and tokens[first].text[:1].islower():
                continue  # «срочной службы», «экстренные службы»: no body's name
            if first < i and _is_management(word, tokens[i - 1].text):
                continue  # «муниципальное управление», «временная администрация»: no body
            if word.startswith("ведомств") and token.feats.get("Number") == "Plur":
                continue  # «силовые ведомства»: agencies in general; «оборонное ведомство» is one
            # «власти президента» is power, not authorities; «власти США» is joined below
            genitive = not alone and not word.startswith("власт")
            last = _genitive_end(tokens, i) if genitive else i
            start, end = tokens[first].start, tokens[last].end
            outer = _mention_after(doc.text, end, mentions)
            owned = i > 0 and _OWNER_WORDS.fullmatch(tokens[i - 1].text.lower())
            if outer is None and not owned and _LED_HEAD.match(word):
                outer = _leader_after(doc.text, end, persons, {t.start: t for t in tokens})
            if outer is not None:
                end = outer
            elif last == i + 1 and tokens[last].text.lower() == "директоров":
                continue  # «председатель совета директоров»: of a company named elsewhere
            named = first < i
            if alone and not named and not (owned and end == token.end):
                doc.add_span("organization", token.start, token.end)
            if end > tokens[i].end or named:
                if end > tokens[last].end and last > i:
                    doc.add_span("organization", start, tokens[last].end)
                doc.add_span("organization", start, end)
    add_governing_bodies(doc, analysis)
    add_subject_complements(doc, analysis)
    add_country_forces(doc)


def _drop_head_taken_for_place(doc: DocumentContext, token: Token) -> None:
    """Drops natasha's place that is only a capitalised head, as at the start of a sentence
    («Власти США арестовали …»: «Власти» is no place), so that the head is read as a body."""
    doc.spans = [
        s
        for s in doc.spans
        if not (s.type == "location" and (s.start, s.end) == (token.start, token.end))
    ]


# A country's law enforcement, army or secret services («правоохранительные органы
# Киргизии», «армии Египта», «спецслужб КНДР»): with the country they name that country's
# body, like «власти США»; without it, such bodies in general («сотрудник
# правоохранительных органов», «служил в армии»).
_COUNTRY_FORCES = re.compile(
    r"(?<![\w-])(?:[Пп]равоохранительн(?:ые|ых|ым|ыми) орган(?:ы|ов|ам|ами|ах)"
    r"|[Аа]рми(?:я|и|ю|ей)|[Сс]пецслужб(?:а|ы|е|у|ой|ам|ами|ах)?"
    r"|[Сс]ил(?:ы|ам|ами|ах)? безопасности|[Мм]орск(?:ая|ой|ую) пехот(?:а|ы|е|у|ой)"
    r"|[Бб]ерегов(?:ая|ой|ую) охран(?:а|ы|е|у|ой))(?= )"
)
_COUNTRY_FORCES_CUE = re.compile(r"равоохранительн|рми|пецслужб|безопасности|пехот|охран")


def add_country_forces(doc: DocumentContext) -> None:
    """A country's law enforcement, army or secret services, as one typed span without an
    entity; an army with its number is a unit of it («1-й армии США»), spanned by
    :func:`add_numbered_units`."""
    if not _COUNTRY_FORCES_CUE.search(doc.text):
        return
    countries = _span_ends(doc, ("country",))
    for match in _COUNTRY_FORCES.finditer(doc.text):
        end = countries.get(match.end() + 1)
        if end is None or not doc.text[match.end() + 1].isupper():
            continue  # «армии боснийских сербов»: a people's army, not a country's
        if _ORDINAL_BEFORE.search(doc.text, max(0, match.start() - 8), match.start()):
            continue
        doc.add_span("organization", match.start(), end)


_GENERIC_WORDS: dict[str, tuple[str, bool, bool] | None] = {}
_UNSEEN = object()


def _generic_word(text: str) -> tuple[str, bool, bool] | None:
    """(the word lower-cased, whether it is an acronym of a body, whether it names a body
    alone) for an acronym or a body that needs nothing after it («полиция»), or one named
    by its complement («министерство …»); None for any other word. Remembered per word
    as written."""
    word = text.lower()
    acronym = text in _ACRONYMS
    kind = (
        "alone"
        if _ALONE.fullmatch(word)
        else "relational"
        if _NEEDS_COMPLEMENT.fullmatch(word)
        else ""
    )
    alone = acronym or kind == "alone"
    known = (word, acronym, alone) if alone or kind == "relational" else None
    if len(_GENERIC_WORDS) > 200_000:
        _GENERIC_WORDS.clear()
    _GENERIC_WORDS[text] = known
    return known


# Bodies named only by what they belong to («аппарата правительства», «правления
# «Газпрома»», «политбюро ЦК КПСС»): without the organization after them they name
# nothing («спускаемый аппарат», «годы его правления»).
_BODY_OF = re.compile(r"(?:аппарат(?:|а|у|ом|е)|правлени(?:е|я|ю|ем|и)|политбюро|президиум\w*)")


def add_governing_bodies(doc: DocumentContext, analysis: Analysis) -> None:
    """A governing body with the organization it belongs to, as one span without an
    entity; an adjective before it belongs to it («центральный аппарат СК»)."""
    ends = _span_ends(doc, ("organization",))
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.pos != "NOUN" or not _BODY_OF.fullmatch(token.text.lower()):
                continue
            end = _mention_after(doc.text, token.end, ends)
            if end is not None:
                first = _prefix(tokens, i, relational=True)
                doc.add_span("organization", tokens[first].start, end)


# Management, not a body: «управление» after the kind of management («государственное и
# муниципальное управление», «системой автоматического управления», «опыт экономического
# управления»), and a temporary administration put in to run a bank («ввёл временную
# администрацию»); «областной государственной администрации» is a body.
_MANAGEMENT_KIND = re.compile(
    r"(?:государственн|муниципальн|экономическ|автоматическ|корпоративн|дистанционн)\w+",
    re.IGNORECASE,
)
_TEMPORARY = re.compile(r"временн\w+", re.IGNORECASE)


def _is_management(head: str, before: str) -> bool:
    """Whether ``head`` after the adjective ``before`` names management, not a body."""
    if head.startswith("управлени"):
        return bool(_MANAGEMENT_KIND.fullmatch(before))
    return head.startswith("администраци") and bool(_TEMPORARY.fullmatch(before))


# A noun of managing governs the instrumental («департамент управления программами»).
_GOVERNS_INSTRUMENTAL = re.compile(r"управлени[яе]")


# A head that is not an institution: the title of a law («закон «О полиции»») and a
# branch of power («органы исполнительной власти»).
_LAW_TITLE = re.compile(r"[«\"]О\s$")
_BRANCH = re.compile(
    r"(?:исполнительн|судебн|законодательн|государственн|представительн)\w+", re.IGNORECASE
)


# Bodies a text names by the person who leads them («правительство Нечаса», «администрации
# Клинтона», «кабинете Синдзо Абэ»); NEREL spans the name with the leader.
_LED_HEAD = re.compile(r"(?:правительств|администраци|кабинет)")


def _leader_after(text: str, end: int, persons: dict[int, int], starts: dict) -> int | None:
    """The end of a person named right after ``end`` in the genitive («правительства
    Тэтчер», «администрации президента Обамы»), not an apposition in the nominative
    («председатель правительства Владимир Путин» names the head, not the body)."""
    if text[end : end + 1] != " " or end + 1 not in persons:
        return None
    token = starts.get(end + 1)
    if token is None or token.feats.get("Case") not in ("Gen", None):
        return None
    return persons[end + 1]


# Bodies whose name goes on with the matter they deal with, after «по» («комитета по
# обороне», «Бюро по контролю за оборотом алкоголя, табачных изделий и оружия»); the heads
# in :data:`_SUBJECT_HEAD_NAMED` only in a name («Организация по запрещению химического
# оружия», not «организации по рекомендации совета»).
_SUBJECT_HEAD = re.compile(
    r"(?:комитет\w*|комисси\w+|департамент\w*|управлени\w+|трибунал\w*|бюро|агентств\w*"
    r"|совет(?:|а|у|ом|е|ы|ов))"
)
_SUBJECT_HEAD_NAMED = re.compile(
    r"(?:центр\w*|организаци\w+|служб\w*|групп\w*|фонд\w*|союз\w*|ассоциаци\w+|институт\w*)"
)
# What follows «по» without naming a matter («комиссия по словам», «по делу», «по итогам»;
# «по делам беженцев» does name one).
_NOT_SUBJECT = re.compile(
    r"(?:слов|данн|мнени|делу|обвинени|подозрени|итог|повод|всему|состояни|специальност|призыв"
    r"|рекомендаци|приглашени|инициатив|просьб|требовани|решени|приказ|указани|сравнени"
    r"|причин|случа|сообщени|информаци|оценк|сведени|результат|факт|стать|закон|телефон"
    r"|телевидени|радио|адрес|возвращени|окончани|истечени|поручени|предложени|согласи"
    r"|распоряжени|линии|ошибк|прибыти|запрос|округ)\w*"
)


def add_subject_complements(doc: DocumentContext, analysis: Analysis) -> None:
    """A body with the matter it deals with after «по», as one organization span:
    «думского комитета по обороне», «Комитет Сената США по международным отношениям». A
    name natasha ended inside the matter («Комиссия по вопросам» of «Комиссия по вопросам
    гражданства») or before it («Контактной группе») is carried on to its end, with its
    entity; a body named with its owner or place first keeps its span and gets the longer
    one as well."""
    places = _span_ends(doc, ("country", "location"))
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        for k in range(1, len(tokens) - 1):
            if tokens[k].text != "по" or _NOT_SUBJECT.fullmatch(tokens[k + 1].text.lower()):
                continue
            end = _subject_end(tokens, k, places)
            if end is None:
                continue
            before = tokens[k - 1]
            organizations = [s for s in doc.spans if s.type == "organization"]
            if any(s.start <= before.start and s.end == end for s in organizations):
                continue  # carried on already
            spans = [s for s in organizations if s.start < before.end and s.end < end]
            ending = [s for s in spans if s.end == before.end]
            cut = [s for s in spans if tokens[k].start < s.end and s.entity]
            if cut or any(s.entity and _is_subject_head(before) for s in ending):
                for span in cut or [s for s in ending if s.entity]:
                    _carry_on(doc, span, end)
                continue
            heads = [s for s in ending if _starts_with_head(doc, s)]
            if heads:  # the outermost body: «комитета Совета Федерации по …»
                outermost = min(s.start for s in ending)
                if any(s.start == outermost for s in heads):
                    doc.add_span("organization", outermost, end)
            elif before.pos in ("NOUN", "PROPN") and (
                _SUBJECT_HEAD.fullmatch(before.text.lower())
                or (before.text[:1].isupper() and _is_subject_head(before))
            ):
                first = _prefix(tokens, k - 1, relational=True)
                doc.add_span("organization", tokens[first].start, end)


def _is_subject_head(token: Token) -> bool:
    word = token.text.lower()
    return bool(_SUBJECT_HEAD.fullmatch(word) or _SUBJECT_HEAD_NAMED.fullmatch(word))


def _starts_with_head(doc: DocumentContext, span) -> bool:
    first = span.text.split(" ", 1)[0]
    return _is_subject_head(Token(0, 0, first, "NOUN", {}))


def _carry_on(doc: DocumentContext, span, end: int) -> None:
    """Carries a named organization's span on to ``end``; its entity gets the longer name
    (the words after the head stay as written in a nominative name as well)."""
    entity = doc.entity(span.entity)
    tail = doc.text[span.end : end]
    span.end, span.text = end, doc.text[span.start : end]
    if entity is not None and entity.ref is None:
        name = entity.name + tail
        span.entity = doc.add_entity(
            EntityDraft(f"organization:{match_key(name)}", "organization", name, entity.country)
        )


def _subject_end(tokens: list[Token], k: int, places: dict[int, int]) -> int | None:
    """The end of the matter after «по» at ``tokens[k]``: a noun in the dative, then
    genitives, nouns after «с» or «за» in the instrumental, and nouns joined by «и» or a
    comma in a case already seen («по контролю за оборотом алкоголя, табачных изделий и
    огнестрельного оружия»), «в сфере» or «в области» and what follows («по надзору в
    сфере связи»), up to a place that ends it («по делам бывшей Югославии»). None when no
    noun in the dative follows «по»."""
    last, seen, joined, governed = None, set(), False, None
    j = k + 1
    while j < len(tokens) and j - k <= 16:
        token = tokens[j]
        word = token.text
        # a place with an adjective before it belongs to the matter; a bare one names the
        # body's country («Комиссии по ценным бумагам США»), joined later
        if token.start in places and last is not None and tokens[j - 1].pos == "ADJ":
            return places[token.start]
        lower = word[:1].islower()
        participle = token.pos == "VERB" and token.feats.get("VerbForm") == "Part"
        if (token.pos == "ADJ" or participle) and lower:  # «по охране окружающей среды»
            j += 1
            continue
        if token.pos == "NOUN" and lower:
            case = token.feats.get("Case")
            if last is None:
                fits = case == "Dat"
            elif governed:
                fits = case == governed
            elif joined:
                fits = case in seen
            else:  # «по управлению зоной отчуждения»: the object of the matter, too
                fits = case == "Gen" or (case == "Ins" and tokens[last].feats.get("Case") == "Dat")
            if not fits:
                break
            seen.add(case)
            last, joined, governed = j, False, None
            j += 1
            continue
        if last is None or joined or governed:
            break
        following = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if word in ("и", ","):
            joined = True
        elif word in ("с", "со", "за"):
            governed = "Ins"
        elif word == "в" and following in ("сфере", "области"):
            governed = "Loc"
        else:
            break
        j += 1
    return tokens[last].end if last is not None else None


# The branches of a country's armed forces («вооружённых сил», «Военно-воздушных сил»,
# «сухопутными войсками»): «силы» and «войска» name a body only after these adjectives.
_ARMED_FORCES = re.compile(
    r"(?<![\w-])(?:[Вв]ооруж[её]нн|[Вв]оенно-воздушн|[Вв]оенно-морск|[Сс]ухопутн"
    r"|[Вв]оздушно-десантн)(?:ые|ых|ым|ыми) (?:сил(?:ы|ам|ами|ах)?|войск(?:а|ам|ами|ах)?)(?![\w-])"
)


# A chamber of a parliament («нижней палаты», «Верхняя палата парламента Казахстана»).
_CHAMBER = re.compile(
    r"(?<![\w-])[НнВв](?:ижн|ерхн)(?:яя|ей|юю|ие|их|ими|им) палат(?:а|ы|е|у|ой|ам|ами|ах)?(?![\w-])"
)


def add_armed_forces(doc: DocumentContext) -> None:
    """Armed forces and chambers of parliament named by a common noun phrase, as typed
    spans without an entity, with the parliament they belong to («нижней палаты
    парламента»); the country after armed forces is joined by
    :func:`extend_named_organizations`."""
    for match in _ARMED_FORCES.finditer(doc.text):
        start, end = match.span()
        if not any(s.type == "organization" and s.start == start for s in doc.spans):
            doc.add_span("organization", start, end)
    for match in _CHAMBER.finditer(doc.text):
        start, end = match.span()
        if any(s.type == "organization" and s.start == start for s in doc.spans):
            continue
        doc.add_span("organization", start, end)
        gap = re.match(r" (?:[а-яё]+(?:ого|его) )?парламент(?:а|ов)(?![\w-])", doc.text[end:])
        if gap is not None:
            doc.add_span("organization", start, end + gap.end())


# A military unit's number («1-й армии», «2-й гвардейской армии», «58-я армия»): the unit
# is named by the number with the kind of unit, and natasha's name of one («Украинского
# фронта» of «1-го Украинского фронта») starts after the number.
_ORDINAL = r"\d{1,3}-(?:й|я|го|м|ой|ю|е)"
_NUMBERED_UNIT = re.compile(
    rf"(?<![\w-]){_ORDINAL} (?:[А-ЯЁа-яё-]+(?:ой|ая|ую|ого|ий|ый|ым|ом|ей) ){{0,2}}"
    r"(?:(?:арми|дивизи)(?:я|и|ю|ей)|бригад(?:а|ы|е|у|ой)|(?:флот|фронт)(?:|а|у|ом|е))(?![\w-])"
)
_ORDINAL_BEFORE = re.compile(rf"(?<![\w-]){_ORDINAL} $")


def add_numbered_units(doc: DocumentContext) -> None:
    """Military units named by their number, as typed spans without an entity (every
    army has a «1-я армия»); a name natasha found after the number gets it."""
    for span in doc.spans:
        if span.type != "organization" or not span.text[:1].isupper():
            continue
        number = _ORDINAL_BEFORE.search(doc.text, max(0, span.start - 8), span.start)
        if number is not None:
            span.start, span.text = number.start(), doc.text[number.start() : span.end]
    for match in _NUMBERED_UNIT.finditer(doc.text):
        if not doc.covered(match.start(), match.end(), ("organization",)):
            doc.add_span("organization", match.start(), match.end())


# An institution named after a person, with its kind in lower case («больнице имени
# Кащенко», «институт им. Гнесиных», «театра имени Марии Ермоловой»): the whole phrase is
# its name. A capitalised word before the kind starts a name natasha finds herself
# («Литературный институт им. Горького»).
_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_NAMED_AFTER = re.compile(
    r"(?<![\w-])(?:театр|институт|больниц|училищ|университет|библиотек|музе|консерватори"
    r"|колледж|гимнази|госпитал|завод|фабрик)[а-яё]*"
    r"(?: [а-яё]+(?:ого|его|ой|ей|ых|их|ов|а|я|и|ы)){0,3}"  # «института русского языка»
    rf" (?:имени|им\.) ?(?:[А-ЯЁ]\.\s?){{0,2}}{_NAME}(?: {_NAME}| [IVX]+(?![\w-]))?"
)
_CAPITALISED_BEFORE = re.compile(r"[А-ЯЁA-Z][\w-]*\s$")


def add_named_after(doc: DocumentContext) -> None:
    """Institutions named after a person, as typed spans without an entity."""
    for match in _NAMED_AFTER.finditer(doc.text):
        start, end = match.span()
        if _CAPITALISED_BEFORE.search(doc.text, max(0, start - 30), start):
            continue
        if not doc.covered(start, start + 1, ("organization",)):
            doc.add_span("organization", start, end)


def drop_cut_phrases(doc: DocumentContext) -> None:
    """Drops a generic phrase cut short of the name or place that completes it: with
    «департамента здравоохранения Москвы» or «совета директоров «Газпрома»» found,
    «департамента здравоохранения» and «совета директоров» name nothing by themselves. A
    ministry or cabinet («министерства иностранных дел») is a name on its own and stays,
    as does a named organization with its place («МВД России» of «МВД России по Москве»).
    Subdivisions are joined to their bodies, named organizations found again where natasha
    missed their names (:func:`add_repeated_organizations`) or took them for a person's
    (:func:`drop_persons_on_quoted_names`), and platforms, codes of law and titles of
    works dropped first, as the last corrections of the organizations found."""
    join_subdivisions(doc)
    add_repeated_organizations(doc)
    drop_persons_on_quoted_names(doc)
    drop_platforms_written_in(doc)
    drop_codes_and_works(doc)
    spans = [s for s in doc.spans if s.type == "organization"]
    named = {s.start for s in spans if s.entity}
    longer: dict[int, int] = {}
    for span in spans:
        if span.entity is None:
            longer[span.start] = max(longer.get(span.start, 0), span.end)
    doc.spans = [
        s
        for s in doc.spans
        if not (
            s.type == "organization"
            and s.entity is None
            and " " in s.text
            and longer.get(s.start, 0) > s.end
            and s.start not in named
            and not _STANDALONE_HEAD.match(s.text)
        )
    ]


# What tells a repeated name for a product, a title or a treaty, not the organization: the
# thing's kind before it («автомобиля Honda», «логотип BTC-e», «премии «Эмми»», «договору
# СНВ»), a model after it («Honda CR-V», «Lockheed T-33»), or a list of quoted titles
# around it («Кролики и удавы», «Софичка», «Детство Чика»).
_PRODUCT_BEFORE = re.compile(
    r"(?:автомобил|автомашин|самол[её]т|водител|браузер|модел|договор|альбом|песн|сингл"
    r"|преми|статуэтк|анестетик|препарат|логотип|кинофестивал|фестивал|картин|фильм"
    r"|\w*бирж|\w*библиотек|\w*площадк|\w*хостинг)[а-яё]*"
    r"(?: по)?\s+[«\"'„(]*$"
    r"|(?<![\w-])\d+-(?:й|го|м|ом)\s+$",  # «40-го ММКФ»: a festival's edition
    re.IGNORECASE,
)
_MODEL_AFTER = re.compile(r"[»\"'“”]*\s[A-Z0-9][\w-]*")
_TITLE_LIST = re.compile(r"[»\"”](?:,| и) [«\"„]$")
_TITLE_LIST_AFTER = re.compile(r"[»\"”](?:,| и) [«\"„]")
_REPEATED_AMONG = (
    "organization",
    "person",
    "country",
    "location",
    "instrument",
    "legal_provision",
    "crime",
)


# How a one-word Russian name declines: the endings it may have in the text after the last
# letter of its stem, which that letter is, and the case endings of the same declension
# («Кировлес»/«Кировлеса», «Газпром»/«Газпромом», «Геометрия»/«Геометрии»).
_CONSONANT = "бвгджзклмнпрстфхцчшщ"
_DECLENSIONS = (
    (("", "а", "у", "е", "ом"), _CONSONANT, ("", "а", "у", "ом", "е")),
    (("а", "ы", "е", "у", "ой"), _CONSONANT, ("а", "ы", "е", "у", "ой")),
    (("я", "и", "е", "ю", "ей"), "и", ("я", "и", "ю", "ей")),
)
_ONE_RUSSIAN_WORD = re.compile(r"[А-ЯЁ][а-яё]{3,}")


def _case_forms(name: str) -> set[str]:
    """The other case forms of a one-word Russian name («Кировлес» -> «Кировлеса»,
    «Кировлесу», …); none for a name of more words, a Latin name or an acronym. A name in
    an oblique case gives the forms of each nominative it may come from («Кировлеса» those
    of «Кировлес» and of «Кировлеса»)."""
    if not _ONE_RUSSIAN_WORD.fullmatch(name):
        return set()
    forms = set()
    for found, stem_ends, endings in _DECLENSIONS:
        for ending in found:
            stem = name[: len(name) - len(ending)]
            if name.endswith(ending) and len(stem) > 2 and stem[-1] in stem_ends:
                forms.update(stem + e for e in endings)
    forms.discard(name)
    return forms


def add_repeated_organizations(doc: DocumentContext) -> None:
    """Every other occurrence of a named organization's name as written («Freixenet не будет
    переносить штаб-квартиру» after «компании Freixenet»), linked to the same organization:
    natasha tags a name in one sentence and misses it in the next. A repeat that is a
    product, a title or a treaty by its context (:data:`_PRODUCT_BEFORE`) is left alone."""
    forms: dict[str, str] = {}
    for span in doc.spans:
        if span.type != "organization" or not span.entity or len(span.text) < 3:
            continue
        if span.text[:1].isupper() and "\n" not in span.text:
            forms.setdefault(span.text, span.entity)
            for form in _case_forms(span.text):
                forms.setdefault(form, span.entity)
    text = doc.text
    for form in [f for f in forms if " " not in f and not f.isupper()]:
        if next(_whole_words(text, [form.lower()]), None):
            del forms[form]  # a common word («Банк «Пересвет»» and «в банке»)
    names = sorted(forms, key=len, reverse=True)  # the longest name where several start
    for start, end in _whole_words(text, names):
        if doc.covered(start, end, _REPEATED_AMONG):
            continue
        if (
            _PRODUCT_BEFORE.search(text, max(0, start - 40), start)
            or _MODEL_AFTER.match(text, end)
            or _TITLE_LIST.search(text, max(0, start - 5), start)
            or _TITLE_LIST_AFTER.match(text, end)
        ):
            continue
        doc.add_span("organization", start, end, forms[text[start:end]])


def _whole_words(text: str, names: list[str]):
    """The (start, end) of each occurrence of one of ``names`` as a whole word, neither a
    letter, a digit, «_» nor «-» on either side, in text order and not overlapping, the
    earlier of ``names`` where several start at one place: what
    ``re.finditer(r"(?<![\\w-])(?:name1|name2|…)(?![\\w-])", text)`` finds for the
    escaped names, without compiling a pattern per document («Кировлеса» in «акции
    Кировлеса», not in «Кировлесах»)."""
    found: dict[int, int] = {}  # start -> end, of the earliest name that starts there
    for name in names:
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if (
                at not in found
                and not (at and _word_char(text[at - 1]))
                and not (end < len(text) and _word_char(text[end]))
            ):
                found[at] = end
            at = text.find(name, at + 1)
    after = 0
    for start in sorted(found):
        if start >= after:
            after = found[start]
            yield start, after


def _word_char(char: str) -> bool:
    """What ``[\\w-]`` matches (``\\w`` of a str pattern: a letter, digit or «_»)."""
    return char.isalnum() or char in "_-"


def drop_persons_on_quoted_names(doc: DocumentContext) -> None:
    """A person natasha saw on an organization's quoted name («тренер клуба «Метеор»»,
    «компании «Стройинвест»») is that organization, and so are the person's other mentions
    in another case («Юристы Стройинвеста»): a quoted name that ends an organization's is
    no person's. So is a one-word person that is only another case of such a name, when the
    person rules left the quoted name itself alone («Против компании «Агрохолдинг» … Дело
    Агрохолдинга»)."""
    ends = {
        s.end: s.entity
        for s in doc.spans
        if s.type == "organization" and s.entity and doc.text[s.end : s.end + 1] in _QUOTE_CHARS
    }
    if not ends:
        return
    confused: dict[str, str] = {}  # the person's entity -> the organization's
    for span in doc.spans:
        if span.type != "person" or not span.entity or span.end not in ends:
            continue
        if span.start and doc.text[span.start - 1] in _QUOTE_CHARS:
            confused[span.entity] = ends[span.end]
    names = {
        s.text: confused[s.entity]
        for s in doc.spans
        if s.type == "person" and s.entity in confused and s.end in ends
    }
    for end, key in ends.items():  # the quoted names themselves («Агрохолдинг»)
        opened = max(doc.text.rfind(q, 0, end) for q in '«„“"')
        word = doc.text[opened + 1 : end]
        if opened >= 0 and _ONE_RUSSIAN_WORD.fullmatch(word):
            names.setdefault(word, key)
    forms = {form: key for name, key in names.items() for form in _case_forms(name)}
    kept = []
    for span in doc.spans:
        if span.type == "person" and span.entity in confused and span.end in ends:
            continue  # on the organization's own name
        if (
            span.type == "person"
            and span.text in forms
            and (span.entity in confused or " " not in span.text)
        ):
            span.type, span.entity = "organization", forms[span.text]
        kept.append(span)
    doc.spans = kept


# Subdivisions, which a text names with the body they belong to («Главное управление МВД
# России», «ГУ МВД», «Камского филиала Российского речного регистра», «Института археологии
# РАН»): every ministry has a «Главное управление», so the name alone names nothing a reader
# could find, and NEREL annotates only the whole phrase. Bodies in their own right stay
# («Совет Безопасности ООН», «ЦК КПСС», «Генеральной Ассамблеи ООН»).
_SUBDIVISION = re.compile(
    r"(?:управлени|отдел|филиал|генштаб|штаб|палат|школ|институт|академи|комитет|департамент"
    r"|коллеги|кафедр|факультет|президиум|синод|ячейк)[а-яё]*"
)
_SUBDIVISION_ACRONYMS = frozenset({"ГУ"})
_ADJECTIVE_WORD = re.compile(r"[а-яё-]+(?:ой|ый|ий|ая|ого|ому|ом|ое|ую|ые|ых|ей|ым|ее)")


def _is_subdivision(name: str) -> bool:
    """Whether ``name``'s head, the first word that is not an adjective, is a subdivision."""
    if name in _SUBDIVISION_ACRONYMS:
        return True
    words = name.lower().split()
    head = next((w for w in words if not _ADJECTIVE_WORD.fullmatch(w)), words[-1] if words else "")
    return bool(_SUBDIVISION.fullmatch(head))


def join_subdivisions(doc: DocumentContext) -> None:
    """A subdivision joined to the body it belongs to (by :func:`join_nested_organizations`)
    is one organization: its name alone is dropped, and its entity is carried on to the
    whole phrase («Главное управление» + « МВД России по Москве»), so that the subdivisions
    of different bodies stay apart. The body with its place inside the phrase («МВД
    России по Москве» of «ГУ МВД России по Москве») is not a mention of its own either."""
    organizations = [s for s in doc.spans if s.type == "organization"]
    starts = {s.start for s in organizations}
    dropped: set[int] = set()
    joined = []
    for span in organizations:
        entity = doc.entity(span.entity)
        if entity is None or entity.ref or span.end + 1 not in starts:
            continue
        if doc.text[span.end : span.end + 1] != " " or not _is_subdivision(span.text):
            continue
        outers = [s for s in organizations if s.start == span.start and s.end > span.end + 1]
        if not outers:
            continue
        outer = max(outers, key=lambda s: s.end)
        # the body was joined before its own place was («Управления … Главного управления»
        # + «Главного управления МВД по Москве»): the phrase goes on to that place
        if outer.entity is None:
            outer.end = max(
                (s.end for s in organizations if outer.start < s.start < outer.end < s.end),
                default=outer.end,
            )
            outer.text = doc.text[outer.start : outer.end]
            name = entity.name + doc.text[span.end : outer.end]
            outer.entity = doc.add_entity(
                EntityDraft(f"organization:{match_key(name)}", "organization", name, entity.country)
            )
        dropped.add(id(span))
        joined.append((span.end, outer.end))
    for after, end in joined:  # a subdivision's own phrase has its entity by now
        dropped.update(
            id(s)
            for s in organizations
            if s.start > after and s.end == end and s.entity is None and " по " in s.text
        )
    if dropped:
        doc.spans = [s for s in doc.spans if id(s) not in dropped]


# A social network named as the place where something was written («написал в Facebook»,
# «на своей странице в Фейсбуке») is the platform, a product, not the company that runs it
# («основатель Facebook», «Facebook удалил аккаунт»).
_PLATFORM = re.compile(
    r"(?:Facebook|[Фф]ейсбук(?:|а|е|у|ом)|Twitter|Telegram|Tumblr|Reddit|Instagram|YouTube"
    r"|WhatsApp|TikTok|[Тт]в[иі]ттер(?:|а|е|у|ом)|В[Кк]онтакте)"
)
_WRITTEN_IN = re.compile(
    r"(?<![\w-])(?:в|во|на)\s+(?:(?:сво(?:ём|ем|ей)|личной|официальной)\s+)?"
    r"(?:(?:странице|аккаунте|блоге|группе)\s+(?:в|на)\s+)?$"
)


def drop_platforms_written_in(doc: DocumentContext) -> None:
    """Drops a social network named as the place where something was written."""
    doc.spans = [
        s
        for s in doc.spans
        if not (
            s.type == "organization"
            and _PLATFORM.fullmatch(s.text)
            and _WRITTEN_IN.search(doc.text, max(0, s.start - 40), s.start)
        )
    ]


# The acronym of a code of law alone («поправки к ГК», «4-й части ГК»), not a company
# named with it («ГК «Ростех»», «НК ЮКОС»), and a Latin title with its year in brackets, as
# in a list of albums or films («Silent Harbor Lights (1994)»).
_CODE = re.compile(r"(?:ГК|ГПК|УПК|АПК|КоАП|НК|ТК|ЖК)(?: РФ| России| Российской Федерации)?")
_NAME_AFTER = re.compile(r"\s*(?:[«\"„A-Z]|(?!РФ|Росси)[А-ЯЁ])")
_LATIN_TITLE = re.compile(r"[A-Z][\w’'&.,:!-]*(?: [\w’'&.,:!-]+)*")
_YEAR_AFTER = re.compile(r" \((?:19|20)\d\d\)")


def drop_codes_and_works(doc: DocumentContext) -> None:
    """Drops a code of law's acronym and a Latin title with its year that natasha took for
    organizations."""
    doc.spans = [
        s
        for s in doc.spans
        if not (
            s.type == "organization"
            and (
                (_CODE.fullmatch(s.text) and not _NAME_AFTER.match(doc.text, s.end))
                or (_LATIN_TITLE.fullmatch(s.text) and _YEAR_AFTER.match(doc.text, s.end))
            )
        )
    ]


# Heads whose phrase with its genitive is a name in its own right, as is a national team
# with its country before the sport («сборной России» of «сборной России по хоккею»).
_STANDALONE_HEAD = re.compile(r"(?:министерств|кабинет|сборн)\w*", re.IGNORECASE)


_DUTY = re.compile(r"(?:военн|гражданск|государственн)\w+ служб\w*$")


def _inside_name(doc: DocumentContext, start: int, end: int) -> bool:
    """Whether a named organization starts at ``start`` and goes on past ``end``."""
    return any(
        s.type == "organization" and s.entity and s.start == start and s.end > end
        for s in doc.spans
    )


def _ends_named(doc: DocumentContext, end: int) -> bool:
    """Whether a named organization (one with an entity) ends at ``end``."""
    return any(s.type == "organization" and s.entity and s.end == end for s in doc.spans)


def _prefix(tokens: list[Token], i: int, relational: bool) -> int:
    """Index of the first name-like adjective before the head (the head itself if none).
    With ``relational``, an adjective of place or function counts too («городской совет»,
    «исполнительного комитета», «столичного департамента»), but not «новый» or «бывший»."""
    first = i
    while first > 0:
        previous = tokens[first - 1]
        if previous.pos != "ADJ":
            break
        word = previous.text
        capital = word[:1].isupper() and first - 1 > 0
        related = relational and _RELATIONAL_ADJECTIVE.fullmatch(word)
        kind = _KIND_ADJECTIVES.fullmatch(word.lower())
        if not (capital or related or kind or _NAME_ADJECTIVES.fullmatch(word.lower())):
            break
        first -= 1
    return first


# Adjectives that name a kind of government, police or prosecution, and so belong to the
# institution even before a head that names one alone («коалиционное правительство»,
# «военной полиции», «областной прокуратуры»), unlike «новое» or «российское».
_KIND_ADJECTIVES = re.compile(
    r"(?:коалиционн|военн|местн|областн|столичн|краев|техническ|земельн)[а-яё]+"
)
# Lower-case adjectives in -ск-/-н- («городской», «окружного», «профильный»).
_RELATIONAL_ADJECTIVE = re.compile(
    r"[а-яё-]+(?:ск|н)(?:ий|ый|ой|ая|ое|ого|ому|ом|ую|ым|им|ые|ие|ых|их|ыми|ими)"
)


def _genitive_end(tokens: list[Token], i: int) -> int:
    """Index of the last token of a genitive complement right after the head
    («министерства иностранных дел», «Совета Безопасности»), the head itself if none."""
    last, j, seen, instrumental = i, i + 1, 0, False
    while j < len(tokens) and seen < 4:
        token = tokens[j]
        word = token.text
        case = token.feats.get("Case")
        if token.pos not in ("NOUN", "ADJ") or not (
            case == "Gen" or (case == "Ins" and instrumental)
        ):
            if word.lower() == "и" and last > i and j + 1 < len(tokens):
                j += 1
                continue
            break
        if word[:1].isupper() and word.lower() not in _FIXED_GENITIVE:
            break
        if word in _ANAPHORIC_GENITIVE:
            break
        seen += 1
        if token.pos == "NOUN":
            last = j
            instrumental = case == "Ins" or bool(_GOVERNS_INSTRUMENTAL.fullmatch(word))
        j += 1
    return last


def _mention_after(text: str, end: int, mentions: dict[int, int]) -> int | None:
    """The end of a country, place or organization named right after ``end``, with the
    closing quote of a quoted name («совет директоров "Газпрома"»)."""
    gap = re.match(r" [«\"]?", text[end : end + 2])
    if gap is None:
        return None
    start = end + gap.end()
    if text[end + 1 : end + 2].islower():
        return None  # a country adjective («правительство британских консерваторов»)
    found = mentions.get(start) or mentions.get(end + 1)
    if found and gap.end() == 2 and text[found : found + 1] in ("»", '"'):
        found += 1
    return found


def extend_named_organizations(doc: DocumentContext) -> None:
    """An organization followed by the country or place it belongs to is annotated as one
    phrase («Следственного комитета Армении», «Верховного суда США», «МВД по Башкирии»):
    the outer span is added without an entity (the inner name keeps it), unless the two
    together name an organization of the reference data («Демократической партии
    Казахстана») or a party of that country («Коммунистической партии Китая»), which then
    becomes the entity of both. A parliament's numbered convocation is joined the same way
    («Госдумы шестого созыва»)."""
    places = _span_ends(doc, ("country", "location"))
    pending = [s for s in doc.spans if s.type == "organization"]
    while pending:  # the outer span may have a place of its own («СК России по Москве»)
        span = pending.pop()
        gap = _PLACE_GAP.match(doc.text, span.end)
        end = places.get(gap.end()) if gap else None
        if end is None:
            continue
        outer = doc.text[span.start : end]
        known = _reference_outer(doc, span, outer) or _national_party(doc, span, outer)
        if known is not None:
            span.entity = known  # «Демократическая партия» here is that party, not another
        added = doc.add_span("organization", span.start, end, known)
        if added is not None:
            pending.append(added)
    for span in [s for s in doc.spans if s.type == "organization"]:
        convocation = _CONVOCATION.match(doc.text, span.end)
        if convocation is not None:
            doc.add_span("organization", span.start, convocation.end())


# A parliament's convocation by its number («Госдумы шестого созыва», «городской думы
# четвёртого и пятого созывов»), which NEREL spans with the parliament; not «нового
# созыва», which names no particular one.
_ORDINAL_WORD = r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ого|ьего)"
_CONVOCATION = re.compile(rf" {_ORDINAL_WORD}(?:(?:,| и) {_ORDINAL_WORD})* созыв(?:а|ов)(?![\w-])")


# What follows an adjective natasha took for a whole name: the noun it qualifies in lower
# case («Кредитные карты»), a quoted name («Лондонский «Арсенал»»), or another adjective
# joined to it before a shared noun («Уральский и Сибирский комбинаты»).
_AFTER_ADJECTIVE = re.compile(
    r" (?:(?:и|или) [А-ЯЁ][а-яё-]+(?:ий|ый|ой|ая|ое|ые|ие|ого|ому|ом|ую|ых|их) |[а-яё]|[«\"„])"
)
# natasha's tag for a capitalised adjective of place is often PROPN: its suffix tells it.
_PLACE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё-]+[сц]к(?:ий|ой|ая|ое|ие|ого|ому|ом|ую|их|им|ими)")


def drop_adjectives_alone(doc: DocumentContext, tokens: dict[int, Token]) -> None:
    """Drops a capitalised name natasha found that is only adjectives, with the noun they
    qualify after it (a place's adjective before a team, a company or a thing: «Лондонский
    «Арсенал»», «Оксфордском и Стэнфордском университетах»): no organization is named
    without a noun. A quoted adjective is a name («группы «Блестящие»»), and so is one
    before another name («солист Большого Иван Петров»). ``tokens``: the document's
    tokens by their start."""
    dropped = set()
    for span in doc.spans:
        if span.type != "organization" or not span.text[:1].isupper():
            continue
        if span.start and doc.text[span.start - 1] in _QUOTE_CHARS:
            continue
        words, at = [], span.start
        while at < span.end:
            token = tokens.get(at)
            if token is None or not (token.pos == "ADJ" or _PLACE_ADJECTIVE.fullmatch(token.text)):
                break
            words.append(token)
            at = token.end + 1
        if not words or words[-1].end != span.end:
            continue
        if _AFTER_ADJECTIVE.match(doc.text, span.end):
            dropped.add(id(span))
    if dropped:
        doc.spans = [s for s in doc.spans if id(s) not in dropped]


def join_nested_organizations(doc: DocumentContext, analysis: Analysis) -> None:
    """A body followed by the organization it belongs to, in the genitive or as an
    acronym, is annotated as one phrase as well as the two names («Совета Безопасности
    ООН», «ГУ МВД России», «пресс-служба фракции ЛДПР»). The outer span gets no entity of
    its own: the two names keep theirs. A Latin name after a Russian one is left alone, as
    it is as often a separate name («ИГ Al-Hayat», «Минобороны BBC»)."""
    tokens = {t.start: t for s in analysis.sentences for t in s.tokens}
    drop_adjectives_alone(doc, tokens)
    add_faculties(doc, analysis)
    ends = _span_ends(doc, ("organization",))
    for span in [s for s in doc.spans if s.type == "organization"]:
        start = span.end + 1
        end = ends.get(start) if doc.text[span.end : start] == " " else None
        token = tokens.get(start)
        if end is None or token is None or not _belongs_to(token):
            continue
        doc.add_span("organization", span.start, end)
    join_attached_bodies(doc)
    add_subject_complements(doc, analysis)  # «Комитет Сената США» extended, then «по …»
    add_bracketed_acronyms(doc)


def join_attached_bodies(doc: DocumentContext) -> None:
    """A body attached to an organization with «при» is annotated as one phrase as well
    («Следственного комитета при прокуратуре РФ», «Высшей партийной школе при ЦК КПСС»),
    like a body with the organization it belongs to: the outer span gets no entity, the two
    names keep theirs. «при президенте» names no organization and is left alone."""
    if " при " not in doc.text:
        return
    ends = _span_ends(doc, ("organization",))
    for span in [s for s in doc.spans if s.type == "organization"]:
        if doc.text[span.end : span.end + 5] == " при " and span.end + 5 in ends:
            doc.add_span("organization", span.start, ends[span.end + 5])


# An acronym in brackets right after a name («Конституционный суд Молдавии (КС)»,
# «Комиссию по ценным бумагам и биржам (SEC)»), the name's Latin spelling («(Space
# Adventures)»), or both («(Zimbabwe Election Support Network, ZESN)»).
_LATIN_NAME = r"[A-Z][\w’'&.-]*(?: (?:[A-Z][\w’'&.-]*|of|de|du|der|and|for|la|le|&))+"
_ACRONYM_IN_BRACKETS = r"[A-ZА-ЯЁ][A-ZА-ЯЁа-я]?[A-ZА-ЯЁ]{1,7}"
_BRACKETED_ACRONYM = re.compile(
    rf"[»\"”]? \((?:(?P<latin>{_LATIN_NAME})(?:[,;] (?P<also>{_ACRONYM_IN_BRACKETS}))?"
    rf"|(?:[^()]{{3,80}}?[,;] )?(?P<acronym>{_ACRONYM_IN_BRACKETS}))\)"
)


def _spelled_alike(name: str, latin: str) -> bool:
    """Whether ``latin`` reads like a transliteration of ``name`` («Хьюстон Кроникл» and
    Houston Chronicle), not a translation or another name."""
    return SequenceMatcher(None, match_key(name), match_key(latin)).ratio() >= 0.6


def add_bracketed_acronyms(doc: DocumentContext) -> None:
    """The acronym or Latin name in brackets after an organization, as a mention of the
    same one."""
    organizations = [s for s in doc.spans if s.type == "organization"]
    ends: dict[int, object] = {}
    for span in organizations:  # the longest name ending there, with an entity if any
        known = ends.get(span.end)
        if known is None or (span.entity and not known.entity) or span.start < known.start:
            ends[span.end] = span
    for end, span in ends.items():
        match = _BRACKETED_ACRONYM.match(doc.text, end)
        if match is None:
            continue
        latin = match.group("latin")
        if latin and not match.group("also") and not _spelled_alike(span.text, latin):
            continue  # «Безумцы» (Mad Men), «журнале X» (John Smith): another name
        for group in ("latin", "also", "acronym"):
            start = match.start(group)
            if start < 0 or any(
                s.start == start and s.type in ("person", "country", "location") for s in doc.spans
            ):
                continue  # «(США)» is a place; natasha's «России (ВС)» is not
            entity = doc.entity(span.entity)
            if entity is not None and match.group(group) not in entity.aliases:
                entity.aliases.append(match.group(group))
            doc.add_span("organization", start, match.end(group), span.entity)


_FACULTY = re.compile(r"(?:факультет\w*|кафедр\w*)")


def add_faculties(doc: DocumentContext, analysis: Analysis) -> None:
    """A faculty or chair with the university it belongs to, as one span without an entity
    («юридический факультет Гарвардского университета», «кафедры экономики МГУ»); the
    faculty alone names nothing a reader could find."""
    ends = _span_ends(doc, ("organization",))
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.pos != "NOUN" or not _FACULTY.fullmatch(token.text.lower()):
                continue
            last = _genitive_end(tokens, i)
            after = tokens[last].end + 1
            if doc.text[tokens[last].end : after] == " " and after in ends:
                first = _prefix(tokens, i, relational=True)
                doc.add_span("organization", tokens[first].start, ends[after])


def _belongs_to(token: Token) -> bool:
    """Whether a name starting with ``token`` can name the owner of the body before it."""
    if not re.match(r"[А-ЯЁ]", token.text):
        return False
    return token.feats.get("Case") == "Gen" or token.text.isupper()


# Names of a kind that many countries have («Демократическая партия», «Национальный
# фронт»): with the country after them they name one organization.
_SHARED_KIND = re.compile(r"(?:партия|союз|фронт|движение|конгресс|лига|альянс|блок)")


def _national_party(doc: DocumentContext, span, outer: str) -> str | None:
    """An entity for «Коммунистическая партия Китая» when natasha named only
    «Коммунистическая партия», so that parties of different countries stay apart."""
    entity = doc.entity(span.entity)
    if entity is None or entity.ref or not _SHARED_KIND.fullmatch(entity.name.split()[-1]):
        return None
    name = entity.name + outer[len(span.text) :]
    return doc.add_entity(
        EntityDraft(f"organization:{match_key(name)}", "organization", name, None)
    )


def _span_ends(doc: DocumentContext, types: tuple[str, ...]) -> dict[int, int]:
    """Start -> the furthest end of the spans of ``types`` starting there, cut before a
    bracket natasha swallowed into a place («РФ (ФТС РФ)», «Лондона (King’s College)»)."""
    ends: dict[int, int] = {}
    for span in doc.spans:
        if span.type in types:
            bracket = span.text.find(" (")
            end = span.start + bracket if bracket > 0 else span.end
            ends[span.start] = max(ends.get(span.start, 0), end)
    return ends


def reference_organization(doc: DocumentContext, org) -> str:
    """The entity of an organization of the reference data, named in the document's language."""
    name = (org.name_ru if doc.language == "ru" else org.name_en) or org.name_en or org.name_ru
    aliases = [a for a in (org.name_ru, org.name_en, org.acronym) if a and a != name]
    attributes = {"acronym": org.acronym} if org.acronym else {}
    return doc.add_entity(
        EntityDraft(
            f"organization:ref:{org.id}",
            "organization",
            name,
            org.country,
            aliases=aliases,
            attributes=attributes,
            ref=f"organization:{org.id}",
        )
    )


# Between an organization and its place: a space, or «по» («МВД по Башкирии»), and the
# kind of place («Верховный суд штата Нью-Йорк», «ГУ МВД по г. Москве»).
_PLACE_GAP = re.compile(r" (?:по )?(?:(?:штата|города|г\.) ?)?")


def _reference_outer(doc: DocumentContext, span, outer: str) -> str | None:
    """The reference organization an organization and its place name together
    («Демократической партии Казахстана»: natasha's «Демократической партии» in the
    nominative, then the place as written), or None."""
    entity = doc.entity(span.entity)
    if entity is None:
        return None
    place = outer[len(span.text) :]
    org = refdata.organization_by_alias(entity.name + place)
    return reference_organization(doc, org) if org is not None else None


# A kind of organization in lower case, or a legal form, before a quoted name («партии
# «Единая Россия»», «ФК «Спартак»», «ООО «Ромашка»»): the organization is named by the
# quoted part, which is also what NEREL annotates. A capitalised kind belongs to the name
# («Правозащитный центр «Жолдас»») and is kept, as is a news agency's or broadcaster's
# acronym, which is part of its brand («РИА «Новости»», «ГТРК «Дон»»).
_QUOTE_CHARS = "«»„“”\"'"
_KIND_BEFORE_QUOTED = re.compile(
    r"(?:(?:[а-яё][а-яё-]*|[А-ЯЁ]{2,6})\s+){1,3}[«\"„“]+(?P<name>[^«»\"„“”]+?)[»\"“”]*"
)
_MEDIA_BEFORE_QUOTED = re.compile(r"(?:РИА|ИА|ТРК|ГТРК|РГТРК|ВГТРК) [«\"„“][^«»\"„“”]+[»\"“”]")


def quoted_name(text: str) -> tuple[int, int] | None:
    """Offsets (within ``text``) of the quoted name after a lower-case kind or a legal
    form (all of ``text`` after a news agency's acronym), or None when ``text`` is not of
    that shape."""
    if _MEDIA_BEFORE_QUOTED.fullmatch(text):
        return 0, len(text)
    match = _KIND_BEFORE_QUOTED.fullmatch(text)
    return match.span("name") if match else None


# Capitalised words natasha keeps at the start of an organization's name that name a
# thing or a person of it, not the organization: a caption («Флаг ИГИЛ», «Здание ФСБ»)
# or the first word of a sentence («Представитель Минобороны заявил», «Офис «Башинформа»»).
_THING_OF = re.compile(
    r"(?:флаг|знам[её]н|герб|логотип|эмблем|нашивк|здани|билет|вечеринк|журнал|принадлежност"
    r"|атриум|союзник|штаб-квартир|офис)\w*"
)


def leading_non_name(text: str) -> int:
    """How many characters to drop at the start of ``text``: a capitalised word for a
    thing, a title or a profession before a name that starts with a capital or a quote
    («Представитель Минобороны» -> «Минобороны»), a title noun before a body in lower case
    («Член общественного совета» -> «общественного совета»), all of them when it is the
    whole text (natasha's «Нашивка» before «ФНС России»), else 0."""
    match = re.match(r"([А-ЯЁ][а-яё-]+)(?: +(?=[A-ZА-ЯЁ«\"'])|$)", text)
    if match is None:
        # a title noun before a body in lower case («Член общественного совета»); not an
        # adjective, which belongs to the name («Военного совета»)
        title = re.match(r"([А-ЯЁ][а-яё-]+) +(?=[а-яё])", text)
        if title is None or _ADJECTIVE_WORD.fullmatch(title.group(1).lower()):
            return 0
        return title.end() if is_title_word(title.group(1)) else 0
    word = match.group(1)
    return match.end() if _THING_OF.fullmatch(word.lower()) or is_title_word(word) else 0


def outer_quotes(text: str) -> tuple[int, int]:
    """How many quote characters to drop at each end of a name: natasha may tag
    «Исламское государство»» with its closing quote but not the opening one, or
    «''Samsung Group''» with the opening ones only. Leading quotes always go; trailing ones
    stay when they close a quote opened inside the name («ФГУП «Главный центр»»)."""
    head = len(text) - len(text.lstrip(_QUOTE_CHARS))
    body = text.rstrip(_QUOTE_CHARS)
    tail = len(text) - len(body)
    inner = body[head:]
    if tail and (inner.count("«") > inner.count("»") or inner.count('"') % 2):
        tail = 0
    return head, tail


# Heads that, after a country adjective, name that country's institution as one phrase
# («российские власти», «британской полиции», «израильская армия», «японский МИД»).
_NATIONAL_HEAD = re.compile(
    r" (?:власт(?:и|ей|ям|ями|ях)|арми(?:я|и|ю|ей)|правительств(?:о|а|у|ом|е)"
    r"|парламент(?:|а|у|ом|е)|полици(?:я|и|ю|ей)|прокуратур(?:а|ы|е|у|ой)"
    r"|посольств(?:о|а|у|ом|е)|сборн(?:ая|ой|ую)|сил(?:ы|ам|ами|ах)? безопасности|МИД|ВВС|ВМС)"
    r"(?![\w-])"
)

_ADJECTIVE = re.compile(r"(?:ий|ый|ая|ое|ие|ые|ого|ой|ому|ую|им|ым|ых|их|ими|ыми|ом)$")


def add_national_bodies(doc: DocumentContext) -> None:
    """A country adjective and the institution it qualifies, as one typed span without an
    entity (like the other generic heads: «российские власти» of one text is not
    necessarily those of another)."""
    for span in [s for s in doc.spans if s.type == "country" and _ADJECTIVE.search(s.text)]:
        head = _NATIONAL_HEAD.match(doc.text, span.end)
        if head is not None:
            doc.add_span("organization", span.start, head.end())


# «сборная» (with «команда») before the country it plays for, and the sport after «по»
# in the dative («сборной России по хоккею», «сборную Англии»).
_TEAM_HEAD = re.compile(r"(?<![\w-])[Сс]борн(?:ая|ой|ую|ые|ых|ым|ыми)(?: команд\w*)? ")
_TEAM_SPORT = re.compile(r" по (?:[а-яё]+(?:ой|ому) )?[а-яё]+(?:у|ю|е)(?![\w-])")


def add_national_teams(doc: DocumentContext) -> None:
    """A national team as one typed span without an entity, like the other institutions
    named by a common noun: «сборная России» of a football report is not that of a
    hockey one."""
    countries = _span_ends(doc, ("country",))
    for match in _TEAM_HEAD.finditer(doc.text):
        end = countries.get(match.end())
        if end is None:
            continue
        doc.add_span("organization", match.start(), end)
        sport = _TEAM_SPORT.match(doc.text, end)
        if sport is not None:  # «сборной России по хоккею», and «сборной России» in it
            doc.add_span("organization", match.start(), sport.end())


# Organizations natasha tags as places, or misses, in every inflected form: (pattern,
# Russian name, English name, acronym, country). «Кремль» and «ЕС» are the Russian
# presidency and the European Union as actors («Кремль заявил», «санкции ЕС»); «Ъ» in
# quotes is the usual short name of the newspaper «Коммерсантъ».
_NAMED_BODIES = (
    (r"Кремл(?:ь|я|ю|ём|ем|е)", "Кремль", "Kremlin", None, "RU"),
    (
        r"ЕС|Евросоюз(?:|а|у|ом|е)|Европейск(?:ий|ого|ому|им|ом) союз(?:|а|у|ом|е)",
        "Европейский союз",
        "European Union",
        "ЕС",
        None,
    ),
    (r"(?<=[«\"])Ъ(?=[»\"])", "Коммерсантъ", "Kommersant", None, "RU"),
    (
        r"ЕСПЧ|Европейск(?:ий|ого|ому|им|ом) суд(?:|а|у|ом|е) по правам человека",
        "Европейский суд по правам человека",
        "European Court of Human Rights",
        "ЕСПЧ",
        None,
    ),
    # the presidency as an actor («Белый дом заявил», «опубликовано Белым домом»), not the
    # building («в Белом доме», «перед Белым домом»)
    (
        r"Белый [Дд]ом|Белого [Дд]ома|Белому [Дд]ому"
        r"|(?<!перед )(?<!над )(?<!под )(?<!за )(?<!рядом с )(?<!между )Белым [Дд]омом",
        "Белый дом",
        "White House",
        None,
        "US",
    ),
    (r"Талибан(?:|а|у|ом|е)|[Тт]алиб(?:ы|ов|ам|ами|ах)", "Талибан", "Taliban", None, None),
    (r"Гоминьдан(?:|а|у|ом|е)", "Гоминьдан", "Kuomintang", None, "TW"),
    # natasha misses it in the nominative at the start of a sentence
    (
        r"Исламск(?:ое|ого|ому|им|ом) государств(?:о|а|у|ом|е)|ИГИЛ|ИГ",
        "Исламское государство",
        "Islamic State",
        "ИГИЛ",
        None,
    ),
    # members of a party in the plural stand for the party («единороссы проголосовали»)
    (r"[Ее]диноросс(?:ы|ов|ам|ами|ах)", "Единая Россия", "United Russia", None, "RU"),
)
_NAMED_BODY = re.compile(
    "|".join(f"(?<![\\w-])(?P<b{i}>{p[0]})(?![\\w-])" for i, p in enumerate(_NAMED_BODIES))
)


def add_named_bodies(doc: DocumentContext) -> None:
    """Organizations of :data:`_NAMED_BODIES`; a place or a person natasha saw at the same
    characters, or a shorter organization inside the name («Европейского суда» of
    «Европейского суда по правам человека»), is dropped, since the whole name is what the
    text names. A generic body around the name («пресс-служба Кремля») stays."""
    if not may_match(_NAMED_BODY, doc.text):
        return  # none of the names anywhere (most texts): no scan
    for match in _NAMED_BODY.finditer(doc.text):
        start, end = match.span()
        if any(
            s.type in ("organization", "instrument", "person")
            and s.start < end
            and start < s.end
            and not (start <= s.start and s.end <= end and s.type == "organization")
            and not (s.type == "person" and (s.start, s.end) == (start, end))
            and not _generic_around(s, start, end)
            for s in doc.spans
        ):
            continue
        _, name_ru, name_en, acronym, country = _NAMED_BODIES[int(match.lastgroup[1:])]
        name = name_ru if doc.language == "ru" else name_en
        aliases = [a for a in (name_ru, name_en, acronym) if a and a != name]
        key = doc.add_entity(
            EntityDraft(
                f"organization:{match_key(name)}",
                "organization",
                name,
                country,
                aliases=aliases,
                attributes={"acronym": acronym} if acronym else {},
            )
        )
        doc.spans = [  # natasha takes «Гоминьданом» for a person's name
            s
            for s in doc.spans
            if not (s.type in ("location", "organization") and s.start < end and start < s.end)
            and not (s.type == "person" and (s.start, s.end) == (start, end))
            or _generic_around(s, start, end)
        ]
        doc.add_span("organization", start, end, key)


def _generic_around(span, start: int, end: int) -> bool:
    """Whether ``span`` is a body without an entity that holds ``start``-``end`` and more."""
    return (
        span.type == "organization"
        and span.entity is None
        and span.start <= start
        and end <= span.end
        and (span.start, span.end) != (start, end)
    )


_BRACKET_TAIL = re.compile(r"\s*\(([^()]+?)\)?\s*$")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&+\-]{1,11}")


def bracketed_names(text: str) -> tuple[int, list[tuple[int, int]], str | None] | None:
    """natasha swallows the bracket after a name into its span: «ХДС (Христианско-
    демократический союз Германии)», «Королевского колледжа Лондона (King’s College London,
    KCL)», «Scat Airlines («Скат»)», where natasha stops before the closing quote). Returns
    where the name ends, the spans of the names inside the bracket (all offsets within
    ``text``, without their quotes) and the acronym among them; None when there is no
    bracket or it holds something other than names («(ныне …)»)."""
    tail = _BRACKET_TAIL.search(text)
    if tail is None or tail.start() == 0:
        return None
    names, acronym = [], None
    for piece in re.finditer(r"[^,]+", tail.group(1)):
        raw, strip = piece.group(), " " + _QUOTE_CHARS
        start = tail.start(1) + piece.start() + len(raw) - len(raw.lstrip(strip))
        end = tail.start(1) + piece.end() - (len(raw) - len(raw.rstrip(strip)))
        name = text[start:end]
        if not name[:1].isupper():
            return None
        if acronym is None and _ACRONYM.fullmatch(name):
            acronym = name
        names.append((start, end))
    return tail.start(), names, acronym
