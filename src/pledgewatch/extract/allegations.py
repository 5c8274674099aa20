"""Allegations and designations: «его избивали во время допросов», «организацию признали
экстремистской».

An allegation is a report that a person was tortured, beaten, denied medical care or held
incommunicado (kind ``other``: kept from their lawyer, «лишён доступа к адвокату»). It is mostly told by someone else (a lawyer, relatives, an NGO), so the
person it is about is the victim, never the speaker: «Адвокат сообщила, что её
подзащитного избивали» is about the lawyer's client. A designation is an organization
declared extremist, terrorist, undesirable or a foreign agent by the state.

Precision comes first: a denied allegation («не подвергался пыткам», «отрицает
применение пыток»), torture in general with no one it happened to, and the name of a body
or a treaty («Комитет против пыток», «Конвенция против пыток») make no fact.

The rules work inside one sentence and are called from ``facts.build_facts``, whose
helpers (evidence, dates, who works the case) they share.
"""

from __future__ import annotations

import re

from pledgewatch.extract.document import DocumentContext, Span
from pledgewatch.extract.facts import (
    _CLIENT_AFTER,
    _agrees,
    _coordinated,
    _evidence,
    _matches,
    _nearest_date,
    _source,
    _spans_of,
    _works_the_case,
)
from pledgewatch.extract.types import FactDraft

_FLAGS = re.IGNORECASE | re.UNICODE

# --- allegations ---------------------------------------------------------------------------

# Each trigger: (kind, pattern, whether a name before it is its victim). A name before a
# passive or reflexive form is who suffered it («Иванов подвергался пыткам», "Ivanov was
# beaten"); a name before an active verb may be who did it («Иванов избил соседа»), so
# those need a pronoun («его избивали»), a client («подзащитного пытали») or a name after
# («избили журналиста Ивана Петрова»).
_ALLEGATIONS: dict[str, list[tuple[str, re.Pattern, bool]]] = {
    "ru": [
        (kind, re.compile(r"(?<![\w-])" + pattern, _FLAGS), before)
        for kind, pattern, before in [
            (
                "torture",
                r"(?:подверга(?:лся|лась|лись|ется|ются)|подвергся|подверглась|подверглись"
                r"|подвергнут\w*)\s+(?:\w+\s+){0,2}?пытк\w*",
                True,
            ),
            ("torture", r"(?:подвергали|подвергают|подвергли)\s+(?:\w+\s+){0,2}?пытк\w*", False),
            ("torture", r"пыта(?:ли|ют)(?![\w-])", False),
            (
                "ill_treatment",
                r"(?:подверга(?:лся|лась|лись|ется|ются)|подвергся|подверглась|подверглись"
                r"|подвергнут\w*)\s+(?:\w+\s+){0,2}?(?:избиени\w*|насили\w*"
                r"|(?:жесток\w+|бесчеловечн\w+|унижающ\w+)\s+(?:\w+\s+)?обращени\w*)",
                True,
            ),
            ("ill_treatment", r"(?:был[аи]?\s+)?избит(?:а|ы|ый|ая|ого|ую|ой|ых)?(?![\w-])", True),
            ("ill_treatment", r"(?:избива(?:ли|ют)|избили)(?![\w-])", False),
            (
                "denial_of_medical_care",
                r"(?:отказыва\w*|отказа(?:ли|но|н|на|ны))\s+(?:\w+\s+){0,3}?в\s+(?:\w+\s+)?"
                r"(?:медицинск\w+\s+(?:помощ|уход)\w*|медпомощ\w*|лечени\w*)",
                True,
            ),
            (
                "denial_of_medical_care",
                r"(?:не\s+(?:оказыва|оказа|предоставля|получа|да[ёе]|даю)\w*|лиш(?:ен|ён|ена|ены"
                r"|или|ают|ил))\s+(?:\w+\s+){0,2}?(?:медицинск\w+\s+(?:помощ|уход)\w*|медпомощ\w*"
                r"|лечени\w*)",
                True,
            ),
            (
                "incommunicado",
                r"(?:содерж|удержива|наход|держ)\w*\s+(?:\w+\s+){0,3}?без\s+связи\s+с\s+"
                r"(?:внешним\s+миром|родственник\w*|семь[её]й|близкими)",
                True,
            ),
            ("incommunicado", r"инкоммуникадо", True),
            # «лишён доступа к адвокату», «не допускают адвоката»: no lawyer of their choice
            (
                "other",
                r"(?:лиш(?:ен|ён|ена|ены|или|ают|ил)\w*\s+(?:\w+\s+)?доступа\s+к\s+адвокат\w*"
                r"|не\s+(?:допуска|пуска)\w*\s+(?:\w+\s+){0,2}?адвокат\w*)",
                True,
            ),
        ]
    ],
    "en": [
        (kind, re.compile(r"\b" + pattern, _FLAGS), before)
        for kind, pattern, before in [
            ("torture", r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?tortured\b", True),
            ("torture", r"subjected\s+to\s+(?:\w+\s+)?torture\b", True),
            ("torture", r"tortured\s+(?=him\b|her\b)", False),
            (
                "ill_treatment",
                r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:beaten|ill-treated"
                r"|mistreated)\b"
                # not a match lost: "was beaten by Federer", "beaten in the final"
                r"(?!\s+(?:by\s+[A-Z]|in\s+(?:the\s+)?(?:final|semi|quarter|match|game|round"
                r"|race|election|vote)))",
                True,
            ),
            (
                "ill_treatment",
                r"subjected\s+to\s+(?:\w+\s+)?(?:beatings|ill-treatment|cruel|inhuman)",
                True,
            ),
            (
                "denial_of_medical_care",
                r"(?:denied|refused|deprived\s+of)\s+(?:\w+\s+){0,2}?(?:access\s+to\s+)?"
                r"(?:(?:adequate|proper|necessary)\s+)?(?:medical|medication|treatment"
                r"|health\s*care)",
                True,
            ),
            ("incommunicado", r"(?:held|kept|detained)\s+(?:\w+\s+){0,2}?incommunicado", True),
            (
                "other",
                r"(?:denied|refused|deprived\s+of)\s+(?:\w+\s+)?access\s+to\s+(?:a\s+|his\s+|her\s+)?"
                r"(?:lawyer|counsel|attorney)",
                True,
            ),
        ]
    ],
}

# A word every trigger of ``_ALLEGATIONS`` holds: a sentence without one has none.
_ANY_ALLEGATION = {
    "ru": re.compile(
        r"пыт|изби|насили|обращени|медицинск|медпомощ|лечени|без\s+связи|инкоммуникадо|адвокат",
        _FLAGS,
    ),
    "en": re.compile(
        r"tortur|beat|treat|medical|medication|health|incommunicado|lawyer|counsel|attorney"
        r"|cruel|inhuman",
        _FLAGS,
    ),
}

# What makes a trigger no report: a denial or a doubt in the words before it («не
# подвергался пыткам», «отрицает, что его избивали», "was not tortured", "could face
# torture"), or a name it stands in («Комитет против пыток», "Special Rapporteur on torture").
_DENIED = {
    "ru": re.compile(
        r"(?<![\w-])(?:не|нет|ни|никто)(?![\w-])|отрица\w*|опроверг\w*|отверг\w*|никаки\w*"
        r"|следов|угрож\w*|угроз\w*|риск\w*|опасност\w*|може\w*|могут|грози\w*|против\s*$"
        r"|вопрос\w*\s+о\s*$",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(?:not|never|no|deny|denied|denies|denying|rejected|dismissed|refuted|risk\w*"
        r"|could|may|might|threat\w*|against|on)\s*(?:\w+\s+){0,2}$"
        r"|\b(?:not|never|no|deny|denied|denies|denying|rejected|dismissed)\b",
        _FLAGS,
    ),
}
_DENIAL_REACH = 35  # how many characters before the trigger a denial may stand

# Where a new clause begins: what lies before it (the speaker) is not who the trigger is
# about. «Адвокат заявила, что …», «По словам матери: …», "He said that …".
_CLAUSE = re.compile(
    r",\s*(?:что|чтобы|будто|как(?!\s+(?:сообщ|стало|рассказ|заяв|пиш|отмет|сказа|утвержда)\w*)"
    r"|когда|где|поскольку|так\s+как|that|when|where|as)\b"
    r"|[:;]|(?<![\w-])(?:что|that)\b",
    _FLAGS,
)
# The client of a lawyer: «её подзащитного», «клиенту», "his client".
_CLIENT = re.compile(
    r"(?<![\w-])(?:подзащитн|доверител)\w*|\bclients?\b|(?<![\w-])клиент\w*", _FLAGS
)
# A pronoun that may name the victim: an object before or right after the trigger
# («его избивали», «ему отказывают», «пытали её»), or a subject before a passive form
# («он подвергался пыткам», "he was tortured").
_VICTIM_PRONOUN = {
    "ru": re.compile(
        r"(?<![\w-])(?:он|она|его|е[её]|ему|ей|него|н[её]е|нему|ней|ним|н[её]м)(?![\w-])", _FLAGS
    ),
    "en": re.compile(r"\b(?:he|she|him|her)\b", _FLAGS),
}
# «её сына избивали», "her son was beaten": the pronoun is whose relative the victim is.
_POSSESSED = re.compile(
    r"\s+(?:сын|дочь|дочер|брат|сестр|муж|мужа|жен|отц|отец|мат|родител|родствен|коллег"
    r"|сокамерник|соратник|son|daughter|brother|sister|husband|wife|father|mother|parents"
    r"|relatives?|colleagues?|cellmates?"
    # «по её словам»: whose words, not who suffered
    r"|словам|мнению|данным|информации|версии|words|account)",
    _FLAGS,
)
# «подзащитного Ивана Петрова», «подзащитного, блогера Ивана Петрова»
_APPOSITION = re.compile(r"\s*,?\s*(?:[а-яёa-z-]+\s+)?")
# A name after a preposition is no subject: «Иван Петров, задержанный вместе с Анной
# Смирновой, подвергся пыткам» is about Петров.
_OBLIQUE = re.compile(
    r"(?<![\w-])(?:с|со|у|к|ко|от|для|против|о|об|при|за|над|перед|без|вместо|кроме|with|by"
    r"|against|for|of|from|about)\s+(?:[а-яёa-z-]+\s+)?$",
    _FLAGS,
)
# «Иван Петров, которого избили …»: a relative clause about the person before it
_WHOM = re.compile(r"\s*,\s*(?:котор(?:ого|ую|ому|ой|ых|ым)|whom)(?![\w-])", _FLAGS)
_ONE_WORD = re.compile(r"\s*(?:\w+\s+)?")  # «пытали его», «избивали в СИЗО его»
_NAME_GAP = re.compile(r"[^,.;:!?()«»\"]{0,30}")  # «избили журналиста Ивана Петрова»


def allegation_facts(
    doc: DocumentContext,
    index: int,
    lang: str,
    subjects: list[Span],
    limit: int,
    earlier: list[Span],
) -> None:
    """Adds an allegation fact for each victim of each trigger of the sentence, up to
    ``limit`` (a demand's scope: «призвали расследовать пытки» reports nothing).
    ``subjects`` are who ``build_facts`` takes the sentence to be about, ``earlier`` the
    people named last in the sentences before (a lawyer's client, «его»)."""
    start, end = doc.sentences[index]
    if not _ANY_ALLEGATION[lang].search(doc.text, start, end):
        return  # most sentences: one search instead of each trigger's
    seen: set[tuple[str, str]] = set()
    for kind, pattern, before in _ALLEGATIONS[lang]:
        for match in _matches(pattern, doc, index, limit):
            if _not_a_report(doc, index, lang, match):
                continue
            victims = _victims(doc, index, lang, match, before, subjects, earlier)
            date, date_span = _date_near(doc, index, match)
            for person, confidence in victims:
                if (person.entity, kind) in seen:
                    continue
                seen.add((person.entity, kind))
                doc.add_fact(
                    FactDraft(
                        "allegation",
                        person.entity,
                        attributes={"kind": kind},
                        date=date,
                        confidence=confidence,
                        evidence=_evidence(doc, index),
                        spans=_spans_of(date_span),
                    )
                )


def _date_near(doc: DocumentContext, index: int, match: re.Match, reach: int = 60):
    """The date of the sentence nearest to the trigger, when it stands within ``reach``
    characters of it («с 6 октября ему отказывают …»); a date further away is another
    event's («Задержанный 3 марта …, он рассказал, что его избивали»)."""
    date, span = _nearest_date(doc, index, match.start())
    if span is None or abs(span.start - match.start()) > reach:
        return None, None
    return date, span


def _not_a_report(doc: DocumentContext, index: int, lang: str, match: re.Match) -> bool:
    """The trigger is denied, only feared, or part of a name («Конвенция против пыток»)."""
    if doc.covered(match.start(), match.end(), ("organization", "instrument", "law")):
        return True
    # «отрицает, что его избивали»: the denial may stand before the clause
    start = max(doc.sentences[index][0], match.start() - _DENIAL_REACH)
    window = doc.text[start : match.start()]
    return bool(_DENIED[lang].search(window))


def _clause_start(doc: DocumentContext, index: int, offset: int) -> int:
    """Where the clause of ``offset`` begins: after the last «, что», «:» before it."""
    sentence_start = doc.sentences[index][0]
    ends = [m.end() for m in _CLAUSE.finditer(doc.text, sentence_start, offset)]
    return ends[-1] if ends else sentence_start


def _victims(doc, index, lang, match, before, subjects, earlier) -> list[tuple[Span, float]]:
    """Who the trigger is about, each with the confidence of the link:

    - a lawyer's client («её подзащитного избивали»): the name right after the word, else
      the person named before who is no lawyer; none when the client is not named
      («о пытках своего подзащитного» told by the lawyer himself);
    - a name inside the trigger or right after it («отказывают Ивану Петрову в …»,
      «избили журналиста Ивана Петрова»);
    - a pronoun of the clause («его избивали», «пытали её»): the person it refers to;
    - for passive forms, the name before the trigger in its clause («По словам адвоката,
      Иван Петров подвергался пыткам»), unless it works the case or only tells the news.
    """
    sentence_start, sentence_end = doc.sentences[index]
    clause = _clause_start(doc, index, match.start())
    persons = [p for p in doc.spans_in(index, "person") if p.entity]
    client = _CLIENT.search(doc.text, clause, min(sentence_end, match.end() + 40))
    if client:
        named = [p for p in persons if _APPOSITION.fullmatch(doc.text, client.end(), p.start)]
        if named:
            return [(named[0], 0.7)]
        return [(p, 0.6) for p in _client_before(doc, index, subjects, earlier)]
    for person in persons:
        if match.start() <= person.start and _NAME_GAP.fullmatch(
            doc.text, match.end(), person.start
        ):
            if not _works_the_case(doc, index, person):
                return [(person, 0.7)]
            break
    relative = [p for p in persons if _WHOM.match(doc.text, p.end) and p.end < match.start()]
    if relative and not re.search(r"[.;:]", doc.text[relative[-1].end : match.start()]):
        return [(relative[-1], 0.7)]  # «Иван Петров, которого пытали в полиции, …»
    pronoun = _pronoun(doc, lang, clause, match)
    if pronoun:
        return _referent(doc, index, pronoun, persons, [*earlier, *subjects])
    if before:
        near = [
            p
            for p in persons
            if clause <= p.start < match.start()
            and not _works_the_case(doc, index, p)
            and not _source(doc, p)
            and not _OBLIQUE.search(doc.text, max(clause, p.start - 30), p.start)
        ]
        if near:
            # «Иван Петров и Анна Смирнова подвергались пыткам»: both
            return [(p, 0.7) for p in _coordinated(doc, near, near[-1])]
    return []


def _client_before(doc, index, subjects, earlier) -> list[Span]:
    """The lawyer's client named in the sentences before: the last person named there who
    is not described as a lawyer in the document."""
    start = doc.sentences[index][0]
    lawyers = {
        f.subject
        for f in doc.extraction.facts
        if f.type == "role" and f.attributes.get("role") == "lawyer"
    }
    candidates = [p for p in [*earlier, *subjects] if p.start < start and p.entity not in lawyers]
    return candidates[-1:]


def _pronoun(doc, lang, clause: int, match: re.Match) -> re.Match | None:
    """The personal pronoun that names the victim: the last one of the clause before the
    trigger, inside it or right after it; none when it only says whose relative the
    victim is («её сына избивали»)."""
    pattern = _VICTIM_PRONOUN[lang]
    found = list(pattern.finditer(doc.text, clause, match.end()))
    after = _ONE_WORD.match(doc.text, match.end())
    if not found and after:
        following = pattern.match(doc.text, after.end())
        found = [following] if following and following.start() - match.end() <= 12 else []
    if not found:
        return None
    pronoun = found[-1]
    if _POSSESSED.match(doc.text, pronoun.end()) or _CLIENT_AFTER.match(doc.text, pronoun.end()):
        return None
    return pronoun


def _referent(doc, index, pronoun: re.Match, persons, subjects) -> list[tuple[Span, float]]:
    """The person a pronoun refers to: the last one named before it in the sentence that
    agrees with it and does not work the case («Иван Петров рассказал, что его избивали»),
    else the person the sentences before were about («… Ему отказывают в медицинской
    помощи, заявила его сестра»)."""
    word = pronoun.group()
    before = [
        p
        for p in persons
        if p.end <= pronoun.start() and not _works_the_case(doc, index, p) and _agrees(doc, word, p)
    ]
    if before:
        return [(before[-1], 0.7)]
    start = doc.sentences[index][0]
    carried = [p for p in subjects if p.start < start and _agrees(doc, word, p)]
    return [(carried[-1], 0.6)] if carried else []


# --- designations --------------------------------------------------------------------------

# The kind of a designation by the word that names it, as the predicate of «признать»
# («признали экстремистским», «признан иноагентом») or an attribute («запрещённой в
# России террористической организации»).
_KINDS = {
    "ru": [
        ("extremist", r"экстремистск"),
        ("terrorist", r"террористическ"),
        ("undesirable", r"нежелательн"),
        # Kyrgyzstan's law of 2024 says «иностранный представитель»
        ("foreign_agent", r"(?:иностранн\w+\s+(?:агент|представител)|иноагент)"),
    ],
    "en": [
        ("extremist", r"extremist"),
        ("terrorist", r"terrorist"),
        ("undesirable", r"undesirable"),
        ("foreign_agent", r"foreign\s+agents?"),
    ],
}
# «признал движение «…» экстремистским», «организация признана нежелательной», «внесён в
# реестр иностранных агентов», "designated a terrorist organisation", "banned as extremist".
# The group ``kind`` is the word of the kind; what lies between the verb and it is checked
# by ``_designated_gap``.
_DESIGNATION = {
    "ru": re.compile(
        r"(?<![\w-])(?:призна(?:л|ла|ло|ли|на|но|ны|н|ют|ет|ть|нн\w*|вш\w*)"
        r"|объяв(?:ил|ила|или|лен\w*)|запрет(?:ил|ила|или)|запрещ[её]н\w*)(?![\w-])"
        r"(?P<gap>[^.;!?]{0,80}?)(?P<kind>(?:экстремистск|террористическ|нежелательн)(?:им|ой|ими"
        r"|ым|ыми)|(?:иностранн\w+\s+агент|иноагент)(?:ом|ами|ов)?)(?![\w-])"
        r"|(?<![\w-])(?:внес[её]н\w*|внесли|включ[её]н\w*|включили)(?![\w-])(?P<gap2>[^.;!?]{0,60}?)"
        r"\s+в\s+(?:\w+\s+)?(?:реестр|перечень|список)\w*\s+(?:\w+\s+)?"
        r"(?P<kind2>иностранн\w+\s+(?:агент|представител)\w*|иноагент\w*|экстремистск\w*|террористическ\w*"
        r"|нежелательн\w*)",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(?:designated|declared|recogni[sz]ed|labell?ed|branded|banned|outlawed|listed)\b"
        r"(?P<gap>[^.;!?]{0,80}?)\s+(?:as\s+)?(?:an?\s+|the\s+)?(?P<kind>extremist|terrorist"
        r"|undesirable|foreign\s+agents?)\b"
        r"|\b(?:added|included|placed)(?P<gap2>[^.;!?]{0,60}?)\s+(?:to|on|in)\s+(?:the\s+)?"
        r"(?:\w+\s+)?(?:register|list|registry)\s+of\s+(?P<kind2>foreign\s+agents|extremist"
        r"|terrorist|undesirable)",
        _FLAGS,
    ),
}
# What may stand between the verb and the kind besides the organization: its common noun,
# a pronoun for it, where and when, by whom. Anything else («признан виновным в участии в
# деятельности экстремистской организации») makes the kind no predicate of the verb.
_GAP_WORDS = {
    "ru": re.compile(
        r"(?:движени|организаци|объединени|групп|парти|фонд|издани|СМИ|компани|сообществ"
        r"|центр|сет|его|е[её]|их|был|было|была|были|в|во|на|территори|году|годом|году"
        r"|решени|суд|судом|официально|также|ранее|уже|как|и|ещё|еще|России|РФ|Казахстан"
        r"|Кыргызстан|Узбекистан|Таджикистан|Туркменистан|Беларус|республик)\w*",
        _FLAGS,
    ),
    "en": re.compile(
        r"(?:the|a|an|as|it|them|group|movement|organi[sz]ation|party|foundation|network"
        r"|outlet|media|was|were|has|had|have|been|by|in|court|also|officially|later|and"
        r"|Russia|Kazakhstan|Kyrgyzstan|Uzbekistan|Tajikistan|Turkmenistan|Belarus)\b",
        _FLAGS,
    ),
}
# «признанной экстремистской организации «…»»: only the organization's noun between.
_ORG_NOUN_GAP = re.compile(
    r"\s*(?:(?:организаци|движени|объединени|групп|парти|фонд|сообществ|organi[sz]ation"
    r"|group|movement|party)\w*\s+){0,2}[«\"“]?\s*",
    _FLAGS,
)
_YEAR = re.compile(r"\d{4}|\d{1,2}")
# Who designates: the court or ministry named before «признал» is not what it declares.
_AUTHORITY = re.compile(
    r"суд|министерств|минюст|прокуратур|генпрокуратур|мвд|фсб|кнб|гкнб|следствен|парламент"
    r"|правительств|роскомнадзор|court|ministry|prosecutor|government|parliament|department",
    _FLAGS,
)
_IT = {
    "ru": re.compile(r"(?<![\w-])(?:его|е[её]|их|оно|она|они)(?![\w-])", _FLAGS),
    "en": re.compile(r"\b(?:it|they|them)\b", _FLAGS),
}
# Undoing or refusing one: «отказал в признании», «отменил решение о признании», «не
# признан», "was not designated".
_UNDONE = {
    "ru": re.compile(
        r"(?<![\w-])(?:не|отказ\w*|отмен\w*|исключ\w*|оспор\w*|обжал\w*|просит|просил\w*"
        r"|требу\w*|предлож\w*|намерен\w*|хотят|может|могут)\s+(?:\w+\s+){0,2}$",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(?:not|never|no|overturned|revoked|to|could|may|might|seeks?|sought|proposed)"
        r"\s+(?:\w+\s+){0,2}$",
        _FLAGS,
    ),
}


def designation_facts(doc: DocumentContext, index: int, lang: str) -> None:
    """Adds a designation fact for the organization each designation of the sentence is
    about, dated by a date near the verb («в 2024 году его признали экстремистским»)."""
    for match in _matches(_DESIGNATION[lang], doc, index):
        kind_start = match.start("kind") if match.group("kind") else match.start("kind2")
        gap = "gap" if match.group("kind") else "gap2"
        if not _designated_gap(doc, lang, match, gap):
            continue
        if _UNDONE[lang].search(
            doc.text, max(doc.sentences[index][0], match.start() - 40), match.start()
        ):
            continue
        organization = _designated(doc, index, lang, match, kind_start)
        if organization is None:
            continue
        kind = next(
            k
            for k, stem in _KINDS[lang]
            if re.match(stem, match.group("kind") or match.group("kind2"), _FLAGS)
        )
        date, date_span = _date_near(doc, index, match)
        doc.add_fact(
            FactDraft(
                "designation",
                organization.entity,
                attributes={"kind": kind},
                date=date,
                confidence=0.7,
                evidence=_evidence(doc, index),
                spans=_spans_of(date_span),
            )
        )


def _designated_gap(doc: DocumentContext, lang: str, match: re.Match, group: str) -> bool:
    """Whether only the organization, its noun, a pronoun, a place or a date stand between
    the verb and the kind (see ``_GAP_WORDS``)."""
    start, end = match.span(group)
    text = doc.text[start:end]
    for span in doc.spans:  # an organization's or a date's own words may be anything
        if span.type in ("organization", "date", "location") and start <= span.start < end:
            a, b = span.start - start, min(span.end, end) - start
            text = text[:a] + " " * (b - a) + text[b:]
    text = re.sub(r"«[^»]*»|\"[^\"]*\"|“[^”]*”", " ", text)
    words = re.findall(r"[\w-]+", text)
    return all(_GAP_WORDS[lang].fullmatch(w) or _YEAR.fullmatch(w) for w in words)


def _designated(doc, index, lang, match: re.Match, kind_start: int) -> Span | None:
    """The organization a designation is about: one named between the verb and the kind
    («признал движение «…» экстремистским»), else right after the kind («признанной
    экстремистской организации «…»»), else right before the verb («Движение «…» признано
    …»), else the one a pronoun refers to («его признали экстремистским»). Never the court
    or ministry that designates."""
    organizations = [
        o for o in doc.spans_in(index, "organization") if o.entity and not _AUTHORITY.search(o.text)
    ]
    between = [o for o in organizations if match.start() <= o.start < kind_start]
    if between:
        return between[0]
    after = [o for o in organizations if 0 <= o.start - match.end() <= 40]
    if after and _ORG_NOUN_GAP.fullmatch(doc.text, match.end(), after[0].start):
        return after[0]
    clause = _clause_start(doc, index, match.start())
    before = [o for o in organizations if clause <= o.start and o.end <= match.start()]
    if before and re.fullmatch(
        r"[\s,(»\"]*(?:(?:был[аио]?|было|has\s+been|had\s+been|was|were|is|are|which|который"
        r"|которое|которая|которые|,)\s*){0,3}",
        doc.text[before[-1].end : match.start()],
        _FLAGS,
    ):
        return before[-1]
    if _IT[lang].search(doc.text, clause, kind_start):
        # the organization named last before, in this sentence or the one before
        start = doc.sentences[max(0, index - 1)][0]
        earlier = [
            o
            for o in doc.spans
            if o.type == "organization"
            and o.entity
            and start <= o.start < match.start()
            and not _AUTHORITY.search(o.text)
        ]
        if earlier:
            return max(earlier, key=lambda o: o.start)
    return None
