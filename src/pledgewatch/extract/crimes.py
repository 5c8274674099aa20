"""Crime spans beyond the human-rights categories of ``grammars.offences``: ordinary
offences of the hand-written lexicon ``data/offences.yaml`` («убийстве», «получении
взятки», «сексуальных домогательствах») and the noun phrase a charge word governs
(«обвиняют в хищении данных», «осуждён за хранение и перевозку санкционных продуктов»).

As NEREL annotates crimes, the offence noun with its adjectives is a span, and the whole
phrase with its genitive complement is another one around it, except where that complement
is the thing the act took or the target it went at («контрабанде наркотиков», «нападении
на отель»: only the whole). One person harmed is left out («изнасиловании женщины»); people
counted or an officer stay in («убийстве шести человек», «убийстве полицейского»). The
phrase takes the act's
object («хищении данных», «управлении автомобилем», «препятствовании работе
журналистов», «хищении данных о кредитных картах») and what it was for («для обхода
блокировок», «с целью получить лицензию»), and the participle clause a code words it with
(«…, повлекшем по неосторожности смерть человека»), not when or where it happened
(«убийстве в июле», «в день убийства»); each offence of a list is a span of its own («в
коррупции, незаконном обогащении и отмывании денег»), and «в совершении …» only wraps the
offence after it. An attack or a protest that no charge word governs («расследование
теракта», «прошли несогласованные акции», "detained at an unauthorized rally") is the event,
not a charge, and what an attempt was at («покушении на сбыт наркотиков») is no offence of
its own; nor is a word of a quoted search query («по запросу «Петров клевета»»). A deed told
as a clause after a verdict's «за то, что» is a crime from its verb to the next mark
(«приговорён к 20 годам тюрьмы за то, что он отдал приказ о пытках протестующих»).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.numbers import case_sensitive, lowered, may_match
from pledgewatch.extract.grammars.offences import OffenceMatch
from pledgewatch.extract.nlp import Analysis, Token, russian_nlp

# Words that make an offence word a charge: it follows «обвиняется в», «осуждён за» …
# («осуждать» is also to condemn: «осуждало насилие», «осуждающими геноцид»; only
# «осуждён», «осуждение» are a court's).
_CHARGE_CONTEXT = re.compile(
    r"(?<![\w-])(?:обвин\w*|подозр\w*|осужд(?!а)\w*|осуди\w*|приговор\w*|уголовн\w*|виновн\w*"
    r"|винов(?:ен|на|ны)|судим\w*|стать\w+|ст\.|задержан\w*|арестова\w*|привлеч\w*|инкриминир\w*|вменя\w*)",
    re.IGNORECASE,
)
# A word between a charge verb and «в» names whom it accuses («обвинила Маркива в …»); a
# preposition there starts a phrase of its own («обвиняемые на слушаниях в суде»).
_GAP_WORD = r"(?!(?:на|по|при|о|об|с|со|к|за|из|от|для|у|после|до)\s)[^\W\d]+"
# A charge word that governs the offence phrase right after it: «обвиняют в хищении»,
# «обвинила Маркива в причастности к убийству», «обвинён также в захвате заложников» (a
# few words between a verb and «в»), «признал доктора виновным в убийстве», «признался в
# употреблении кокаина», «по делу о госизмене» (an offence of the lexicon only), «осуждён
# за хулиганство», «штрафовать россиян за хранение …», «штраф, наложенный за нарушение …»,
# «срок за мошенничество», «штрафу в размере 500 тыс. юаней ($76 тыс.) за …»,
# «привлекался к административной ответственности за нарушения …» (not one taken for an
# attack, «взял ответственность за теракт»), «ему вменяется вербовка …» (the offence in
# the nominative); «в» may be «во» («виновным во взятке»).
_GOVERNOR = re.compile(
    r"(?<![\w-])(?:(?:обвиня\w*|обвин[её]н\w*|подозрева\w*|подозрени\w*|улич[её]н\w*"
    r"|признан\w*\s+виновн\w*|виновн\w*|винов(?:ен|на|ны)|оправдан\w*|вин[уы]"
    r"|призна(?:л|ла|ли|ет|ют)ся)\s+во?"
    rf"|(?:обвини\w*|обвиня\w*|обвин[её]н(?:[аоы]|н\w+)?|подозрева\w*|заподозри\w*|уличил\w*)"
    rf"(?:\s+{_GAP_WORD}){{0,3}}?\s+во?"
    rf"|признал\w*(?:\s+{_GAP_WORD}){{0,3}}?\s+виновн\w*\s+во?"
    r"|(?P<case>(?:дел[оауе]|делом)\s+об?)"
    r"|(?:осужд(?!а)\w*|осуди\w*|приговор\w*|арестова\w*|задержа\w*|судим\w*|наказа\w*"
    r"|о?штрафова\w*|наложенн\w*|отбыва\w*|посажен\w*|сидит|сидел\w*|сидевш\w*)"
    r"(?:\s+[^.,;:!?()]{1,40}?)?\s+за"
    r"|(?:срок\w*|тюрьм\w*|заключени\w*|свободы|колони\w*|режима|штраф\w*)\s+за"
    r"|штраф\w*\s+в\s+размере\s+[^;:!?\n]{1,50}?\s+за"
    r"|(?:уголовн|административн)\w*\s+ответственност\w*\s+за"
    r"|(?:вменя(?:ет|ют|ется|ются|лось|лись)|инкриминиру(?:ет|ют|ется|ются))"
    r"(?:\s+(?:ему|ей|им))?(?:\s+в\s+вину)?)\s+",
    re.IGNORECASE,
)
# Heads too general to be a crime by themselves («за преступление», «в связях»).
_GENERIC_HEADS = (
    *("преступлени", "правонарушени", "деяни", "связ", "действи", "дел", "том"),
    *("совершени", "попытк", "намерени", "причастност", "нарушени"),  # need what follows
    *("препятствовани", "воспрепятствовани", "уклонени"),  # «уклонении» (от уплаты налогов)
)
# Offences that news mostly report as the event itself: an offence only where a charge
# word governs them.
_EVENT_WORDS = re.compile(r"(?:теракт|террористическ\w+\s+акт)\w*")
# A protest named without the act of taking part in or holding it (the grammar's
# «несогласованный митинг», not «участие в несогласованном митинге»): the event, an
# offence only where a charge word governs it.
_ASSEMBLY = re.compile(
    r"(?:несанкционированн|несогласованн|незаконн)\w*\s|(?:unauthori[sz]ed|unsanctioned|illegal"
    r"|unpermitted)\s"
)
# The English words that make a protest an offence: «fined for an unauthorized rally»,
# «charged with an illegal assembly», «convicted of unsanctioned protests».
_EN_GOVERNOR = re.compile(
    r"(?<![\w-])(?:(?:charged|accused|convicted|suspected|guilty|acquitted)\s+(?:of|with)"
    r"|charges?\s+of|(?:fined|arrested|detained|jailed|sentenced|punished|prosecuted"
    r"|penali[sz]ed|imprisoned|tried)(?:\s+[^.,;:!?()]{1,40}?)?\s+(?:for|over))"
    r"\s+(?:(?:an?|the|his|her|their)\s+)?",
    re.IGNORECASE,
)
# Heads that only wrap an offence: «в совершении военных преступлений» names the offence
# after it, and it alone is the crime. «В причастности к убийству» stays whole: NEREL
# marks it so, and links the accused to the whole phrase.
_WRAPPERS = ("совершени",)
# What a general head governs when the phrase still names no offence: «в совершении
# преступления» (but «совершении федерального преступления» says which).
_GENERIC_OBJECT = re.compile(r"\s+(?:преступлени|правонарушени|деяни)\w*")
# Heads that are no offence at all: «обвинения в адрес министра», «обвинения в отношении
# Иванова», «в соответствии со статьёй», «в рамках дела», «в ходе следствия».
# A death is what an offence caused, not the offence: «подозреваемый в гибели студента».
_NOT_OFFENCE_HEADS = (
    *("адрес", "отношени", "соответстви", "рамк", "ход", "течени", "гибел"),
    "редакци",  # «обвинение в новой редакции»: the charge reworded
)
# Adjectives that say when, how big, how talked-about or how bad an offence was, not which
# offence («декабрьском групповом изнасиловании», «масштабных махинациях», «жестокое
# убийство», «фундаментальным мошенничеством»): left out of the span.
_NOT_QUALIFYING = re.compile(
    r"(?:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск"
    r"|октябрьск|ноябрьск|декабрьск|вчерашн|недавн|прошлогодн|резонансн|громк|скандальн"
    r"|масштабн|многочисленн|повсеместн|крупнейш|очередн|нашумевш|предыдущ|прежн"
    r"|фундаментальн|беспрецедентн|чудовищн|вопиющ|циничн|жесток|зверск|дерзк|грандиозн)\w*"
    r"|нов(?:ый|ая|ое|ые|ого|ой|ых|ому|ым|ыми|ом|ую)"
)
# Words before an offence that say when or where something happened: «в день убийства»,
# «на месте преступления», «после нападения» tell of the event, not of a charge.
_SETTING = re.compile(
    r"(?<![\w-])(?:(?:в|на)\s+(?:день|ночь|момент|месте|место)|во\s+время|после|до|накануне"
    r"|с\s+момента)\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)
# Prepositions that open a complement of an offence («покушении на сбыт наркотиков»,
# «участии в массовых беспорядках», «насилии над подростками»).
_PREPOSITIONS = frozenset({"к", "на", "над", "при", "с", "в", "против"})
# Prepositions that go on from the act's object to where it went or what it was against
# («вербовке молодёжи в ряды группировки», «продажу доступа к сетям», «скачивании
# документов с серверов», «ведении войны против государства»); not «на», «при», which after
# the object mostly say where or when («хищении денег на стройке»).
_OBJECT_PREPOSITIONS = frozenset({"к", "с", "в", "против"})
# Acts whose object follows «в» («участии в массовых беспорядках», «вступлении в сговор»,
# «вербовке в группировку»); after any other offence «в» says when or where.
_TAKES_V = (
    *("участи", "соучасти", "вступлени", "вербовк", "пособничеств", "содействи", "вовлечени"),
    *("шпионаж",),  # «в пользу Украины»
)
# An attack on a person's life, an offence where a charge word governs it, with or
# without the person after it («подозреваемый в покушении на мэра»).
_ATTEMPTS = frozenset({"покушение", "покушения", "покушению", "покушением", "покушении"})
# Victims whom the codes name in the offence: officers of the state («посягательство на
# жизнь сотрудника правоохранительных органов», «убийство полицейского»).
_OFFICERS = ("сотрудник", "полицейск", "представител", "милиционер")
_AGE = tuple("0123456789")
_LATIN_COMPOUND = re.compile(r"[A-Za-z0-9]+-([а-яё]+)")  # «71-летней»
# Offences against a person's honour, which name whom they offended («оскорбление эмира»).
_HONOUR = ("оскорблени", "унижени", "клевет")
# An attempt and what it was at («покушение на сбыт наркотиков», «попытка ограбления»).
_ATTEMPT = re.compile(r"(?:покушени|попытк|приготовлени)\w*\s+(?:на\s+|к\s+)?", re.IGNORECASE)
# Heads whose offence is an infinitive with its object («в попытке организовать мятеж»,
# «в намерении присоединиться к ИГИЛ»).
_TAKES_INFINITIVE = ("попытк", "намерени")
# Acts whose object is in the instrumental («управлении автомобилем», «торговле оружием»)
# or the dative («препятствовании деятельности избиркома», «содействии терроризму»).
_TAKES_CASE = {
    "Ins": ("управлени", "злоупотреблени", "распоряжени", "торговл", "владени"),
    "Dat": ("препятствовани", "воспрепятствовани", "содействи", "пособничеств"),
}
# Nouns whose content follows «о» («хищении данных о кредитных картах», «сбор сведений о
# военных объектах»): part of the object of the act.
_INFORMATION = ("информаци", "данн", "сведени")
# Nouns of an activity whose kind follows «по» with the dative («проведении незаконных
# операций по обналичиванию средств»): part of the object of the act.
_TAKES_PO = ("операци", "деятельност")
# Quotes around an object or a title inside a phrase («нарушение «режима самоизоляции»»).
_OPENING_QUOTES = frozenset({"«", '"', "„"})
# A plot, an offence with its aim after «с целью» («заговор с целью свержения власти»).
_CONSPIRACY = ("заговор", "сговор")
# Offences that the codes name with what they were committed in, after «при»
# («мошенничество при получении выплат», «мошенничество при голосовании»).
_TAKES_PRI = ("мошенничеств",)
# Acts whose object is followed by the one it went to, in the dative («продажа алкоголя
# несовершеннолетним», «передаче секретов иностранной разведке»).
_TAKES_RECIPIENT = ("продаж", "сбыт", "передач", "поставк")
# Prepositions that say for whom or what for an act with its object was done («продажу
# программ для обхода блокировок», «пропаганды гомосексуализма среди несовершеннолетних»).
_PURPOSE = frozenset({"для", "среди"})
_NAMES = ("person", "organization", "country", "location")
# The name of a body that fights an offence, by its capitalised first word: «Фонд борьбы с
# коррупцией», «Управление по противодействию экстремизму» (not «комиссия по борьбе с
# коррупцией», which NEREL marks a crime in).
_BODY_NAME = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+\s+(?:по\s+)?(?:борьб[аеыу]\s+с|противодействи[июя])\s+$"
)
_CONJUNCTIONS = frozenset({"и", "или", "либо"})
# Complicity in an offence, which is the charge with it («соучастие в вымогательстве»).
_COMPLICITY = re.compile(r"(?<![\w-])(?:соучасти|пособничеств)\w*\s+во?\s+$", re.IGNORECASE)
# An open quote after «запрос» (or English "search"/"query"), or after a list of quotes
# there, up to where an offence word starts: a search query quoted, not an act.
_SEARCH_QUERY = re.compile(
    r"(?<![\w-])(?:запрос\w*|query|queries|search(?:ed|ing)?(?:\s+for)?)"
    r"\s+(?:[«\"“][^«»\"“”\n]*[»\"”]\s*(?:,|и|или|and|or)?\s*)*[«\"“][^«»\"“”\n]*$",
    re.IGNORECASE,
)
# How an offence was done, which the criminal codes name as part of it («мошенничество в
# особо крупном размере», «грабёж группой лиц по предварительному сговору», «причинение
# смерти по неосторожности», «хулиганство по мотивам религиозной ненависти», «вождение в
# нетрезвом виде», «использование полномочий в личных целях», «взрыв в общественном месте»).
_QUALIFIERS = (
    r"(?:в\s+(?:особо\s+)?(?:крупн|значительн)\w+\s+размер\w*|группой\s+лиц"
    r"(?:\s+по\s+предварительному\s+сговору)?|по\s+предварительному\s+сговору"
    r"|организованной\s+группой|по\s+неосторожности|(?:первой|второй|третьей)\s+степени"
    r"|по\s+мотивам\s+(?:[а-яё]+\s+){0,2}?(?:ненависти|вражды)(?:\s+(?:и|или)\s+(?:ненависти|вражды))?"
    r"|по\s+(?:политическим|религиозным|национальным|расовым|корыстным|хулиганским)\s+мотивам"
    r"|на\s+(?:сексуальной|религиозной|национальной|расовой|бытовой)\s+почве"
    r"|в\s+(?:нетрезвом|пьяном)\s+виде|в\s+состоянии\s+(?:алкогольного\s+)?опьянения"
    r"|в\s+(?:личных|корыстных|собственных)\s+целях|в\s+общественн\w+\s+мест\w+"
    r")"
)
# in quotes of its own («хищении «в особо крупном размере»»), the closing quote is part of
# it; one that closes quotes opened before the offence is not («о «мошенничестве в особо
# крупном размере»»)
_QUALIFIER = re.compile(rf"\s+(?:[«\"]{_QUALIFIERS}[»\"]?|{_QUALIFIERS})(?![\w-])")
# The sum of an offence of money («получении взятки в размере 700 тысяч рублей»); after any
# other one a sum is the fine («оштрафовали за нарушение правил в размере 5 тысяч рублей»).
_SUM = re.compile(
    r"\s+в\s+размере\s+(?:(?:около|более|свыше)\s+)?\d[\d\s,.]*(?:\s*(?:тыс\.|тысяч\w*|млн\.?"
    r"|миллион\w*|млрд\.?|миллиард\w*))?\s+(?:рубл|доллар|евро|гривен|гривн|тенге|юан)\w*"
)
_OF_MONEY = re.compile(r"взятк|хищени|мошенничеств|растрат|присвоени|вымогательств|отмывани")
# A participle clause the criminal codes qualify an offence with («мошенничество,
# совершённое организованной группой», «…, повлекшее по неосторожности смерть человека»,
# «массовые беспорядки, сопровождавшиеся насилием»), up to the next mark; not one that
# says when («убийство, совершённое в 2013 году»). Material «содержащие признаки
# экстремизма» or «…признаки нарушения ст. 282 УК РФ» is the offence's object too, up to
# the article it names.
_CODE_CLAUSE = re.compile(
    r",\s+(?:(?:соверш[её]нн|повлекш|сопровождавш)\w*\s+[^\d,.;:()«»\"\n]*[^\d\s,.;:()«»\"\n]"
    r"|содерж(?:ащ|авш)\w*\s+признак\w*(?:\s+(?!ст\.|ч\.|стать)[^\W\d]+)*"
    r"(?:\s+(?:ч\.\s*\d+\s+)?(?:ст\.|стать\w+)\s*\d+(?:\.\d+)?(?:\s+(?:УК|КоАП)(?:\s+[А-ЯЁ]{2,3})?)?)?)"
    r"(?=\s*(?:[,.;:()«»\"\n]|$))"
)
# A deed a verdict was for, told as a clause of its own: «приговорён к 20 годам тюрьмы за
# то, что он отдал приказ о пытках», «оштрафован за то, что не убрал снег». The clause from
# its verb (after «он», «она») to the next mark is the crime, as NEREL marks it; «за то,
# чтобы» is what someone stands for, not a deed.
_DEED_CLAUSE = re.compile(r"то,\s+что\s+(?:(?:он|она|они)\s+)?(?=[а-яё])")
_DEED_END = re.compile(r"[,.;:!?()«»\"\n—–]")
_REFERENCE_WORD = re.compile(r"(?:част|стать|пункт)\w*")
_NOT_COMPLEMENT = re.compile(
    r"(?:год|течени|период|врем|ход|рамк|связи|отношени|адрес|момент|протяжени|фоне"
    r"|основани|территори)\w*"
)
# The offence an article names, in brackets or quotes after it: «статьи 104 (убийство)»,
# «статьи 214 «Вандализм»», «УК РФ (хулиганство и умышленное причинение …)»; the title of
# an article of the administrative code («ст. 20.3 КоАП РФ («Публичное демонстрирование
# …»)») names no crime.
_ARTICLE_GLOSS = re.compile(
    r"(?<![\w-])(?:стать\w*|ст\.|ч\.|част\w+)\s*№?\s*(?P<number>\d[\d.\-]*)"
    r"(?:\s*(?:,|и)\s*№?\s*\d[\d.\-]*)*"
    r"(?:\s+(?:УК|(?P<administrative>КоАП)|Уголовного\s+кодекса)(?:\s+[А-ЯЁ][\wЁё]*)?)?\s*"
    r"(?:\(\s*«?(?P<paren>[^()«»\n]{3,160}?)»?\s*\)|«(?P<quoted>[^«»\n]{3,160}?)»)",
    re.IGNORECASE,
)
# An article numbered by chapter and article below 100 («статья 20.2», «ст. 19.3») is one
# of an administrative code: the criminal codes' dotted numbers are above 100 («128.1»).
_ADMINISTRATIVE_NUMBER = re.compile(r"\d{1,2}\.\d")
# Adjectives that are part of an offence's name, not a qualification of it («сексуальные
# домогательства», «сексуальное насилие»).
_TERM_ADJECTIVES = ("сексуальн",)
# What turns an offence's stem into its doer: «шантаж-ист», «коррупци-онер».
_OFFENDER = re.compile(r"\w*(?:ист|ер|чик|щик)(?:а|у|ом|е|ы|ов|ам|ами|ах)?$")
_DETERMINERS = frozenset(
    {"этом", "этой", "этих", "том", "той", "тех", "своем", "своём", "своей", "его", "ее", "её"}
)


@cache
def _lexicon():
    text = resources.files("pledgewatch").joinpath("data/offences.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    stems = sorted(
        ((s["stem"], s["category"], s["anywhere"]) for s in data["stems"]),
        key=lambda s: -len(s[0]),
    )
    # one alternation (a group per phrase, its category by the group's name): one pass
    alternatives = "|".join(f"(?P<p{n}>{p['pattern']})" for n, p in enumerate(data["phrases"]))
    phrases = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    categories = {f"p{n}": p["category"] for n, p in enumerate(data["phrases"])}
    return stems, (phrases, categories)


@cache
def _stem_index():
    stems, _ = _lexicon()
    regex = re.compile("|".join(re.escape(s) for s, _, _ in stems))  # longest first
    return regex, {s: (c, a) for s, c, a in stems}


def governed_offences(doc: DocumentContext, start: int, end: int) -> list:
    """The crime spans between ``start`` and ``end`` that a charge word governs («обвиняют в
    хищении», «осуждён за хулиганство»): each is a charge by itself."""
    governors = list(_governors(doc.text, start, end))
    governed = {m.end() for m in governors}
    # «по делу о «мошенничестве, совершённом …»»: the offence a case names inside quotes
    governed |= {
        m.end() + 1
        for m in governors
        if m.group("case") and doc.text[m.end() : m.end() + 1] in _OPENING_QUOTES
    }
    return [s for s in doc.spans if s.type == "crime" and s.start in governed and s.end <= end]


def governor_of(doc: DocumentContext, crime) -> re.Match | None:
    """The charge word that governs a crime span of its sentence («обвинили» of «не обвинили
    в мошенничестве»), if any."""
    sentence_start = doc.sentences[doc.sentence_index(crime.start)][0]
    start = max(sentence_start, crime.start - 120)
    return next(
        (m for m in _governors(doc.text, start, crime.start) if m.end() == crime.start), None
    )


def _governors(text: str, start: int, end: int):
    """The matches of _GOVERNOR in ``text[start:end]``, found faster: case-sensitively in
    the lower-cased text, and not looked for where none of its words is."""
    fast = case_sensitive(_GOVERNOR)
    if fast is None:
        return _GOVERNOR.finditer(text, start, end)
    low = lowered(text)
    return fast.finditer(low, start, end) if may_match(fast, low, start, end) else ()


def out_of_charge_context(doc: DocumentContext, offence: OffenceMatch) -> bool:
    """A one-word offence of the lexicon that is an offence only next to a charge word
    («терроризм»: an ideology in a news report), with no charge word before it in its
    sentence; or an attack («теракт», «террористический акт») that no charge word
    governs."""
    word = offence.text.lower()
    if _search_query(doc.text, offence.start):
        return True
    sentence_start = doc.sentences[doc.sentence_index(offence.start)][0]
    if _EVENT_WORDS.fullmatch(word) or (
        offence.category == "unauthorized_assembly" and _ASSEMBLY.match(word)
    ):
        # «подозреваемого в теракте» is a charge; «расследование теракта», «инцидент
        # считается террористическим актом» tell of the attack, next to a charge word or
        # not; «прошли несогласованные акции», «визиты связаны с несогласованным митингом»
        # tell of the protest, which is no offence («осуждён за несогласованный митинг»,
        # «за участие в несогласованном митинге» are)
        governor = _EN_GOVERNOR if offence.text[:1].isascii() else _GOVERNOR
        start = max(sentence_start, offence.start - 80)
        return not any(
            m.end() == offence.start for m in governor.finditer(doc.text, start, offence.start)
        )
    if not word.isalpha():
        return False
    stem_regex, by_stem = _stem_index()
    stem = stem_regex.match(word)
    if stem is None or by_stem[stem.group()][1]:
        return False
    return not _CHARGE_CONTEXT.search(
        doc.text, max(sentence_start, offence.start - 60), offence.start
    )


def add_crime_phrases(doc: DocumentContext, analysis: Analysis) -> None:
    stems, phrases = _lexicon()
    stem_regex, by_stem = _stem_index()
    pattern, categories = phrases
    fast = case_sensitive(pattern)  # the same matches on the lower-cased text, faster
    for match in fast.finditer(lowered(doc.text)) if fast else pattern.finditer(doc.text):
        _add(doc, match.start(), match.end(), categories[match.lastgroup])
    glosses = []  # an offence word inside an article's gloss is no crime of its own
    for match in _ARTICLE_GLOSS.finditer(doc.text):
        group = "paren" if match.group("paren") else "quoted"
        start, end = match.span(group)
        inner = match.group(group)
        if len(inner) > 2 and inner[0] == inner[-1] == '"':  # «статье 105 УК РФ ("убийство")»
            inner, start, end = inner[1:-1], start + 1, end - 1
        if len(inner.split()) > 16 or re.fullmatch(r"[\d\s.,-]+", inner):
            continue
        if match.group("administrative") or _ADMINISTRATIVE_NUMBER.match(match.group("number")):
            # an administrative offence is no crime: NEREL marks its title as a LAW
            doc.add_span("legal_provision", start, end)
            continue
        category = _category(stems, inner.split()[0].lower()) or "other"
        _add(doc, start, end, category)
        glosses.append((start, end))
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        governed = set()
        # offence words inside a gloss or a governed complement («причастности к убийству»)
        inside = list(glosses)
        governors = {
            m.end(): bool(m.group("case"))
            for m in _governors(doc.text, sentence.start, sentence.end)
            if not _accuses_a_state(doc, m.start(), m.end())
        }
        for at, case in list(governors.items()):  # «признан виновным в «расовом профайлинге»»
            if doc.text[at : at + 1] in _OPENING_QUOTES:
                governors[at + 1] = case
            _add_deed(doc, tokens, at, sentence.end)
        for i, token in enumerate(tokens if governors else ()):
            if token.start in governors and token.pos in ("NOUN", "ADJ", "VERB"):
                k: int | None = i
                while k is not None:  # «в контрабанде наркотиков и отмывании денег»: each
                    head, end = _add_governed(doc, tokens, k, stems, governors[token.start])
                    if head is None:
                        break
                    governed.update(n for n in range(k, head + 1))
                    inside.append((tokens[head].end, end))
                    k = _next_conjunct(tokens, end, tokens[head])
        for i, token in enumerate(tokens):
            if token.pos != "NOUN" or i in governed:
                continue
            if token.text.lower().startswith(_CONSPIRACY) and "щик" not in token.text:
                # «заговоре с целью …» (not «заговорщики», who plotted)
                _add_conspiracy(doc, tokens, i, sentence.start)
                continue
            stem = stem_regex.match(token.text.lower())  # most nouns: none, the cheap test first
            if stem is None or _OFFENDER.match(token.text.lower(), stem.end()):
                continue  # «шантажисту», «коррупционер» are who did it
            if "-" in token.text[stem.end() :]:
                continue  # «допинг-пробе», «взлом-тест»: the first part of another word
            if any(start <= token.start < end for start, end in inside):
                continue
            category, anywhere = by_stem[stem.group()]
            if _EVENT_WORDS.fullmatch(token.text.lower()):
                continue  # not governed: the attack itself
            _extend_phrase(doc, tokens, i)
            if not anywhere and _inside_crime(doc, token):
                continue  # «пропаганду терроризма»: the act is the crime, not its object
            if _SETTING.search(doc.text, max(sentence.start, token.start - 40), token.start):
                continue  # «в день убийства»: when, not what
            if not anywhere and not _CHARGE_CONTEXT.search(
                doc.text, max(sentence.start, token.start - 60), token.start
            ):
                continue
            first = i
            while first > 0 and _modifier(tokens[first - 1], token):
                first -= 1
            if first > 0 and _title_word(tokens, first - 1, token):
                first -= 1  # «Умышленное убийство»: an article's title in quotes
            # and with what it governs: «хищении данных», «убийство полицейского»
            head, end = _phrase(tokens, i, strict=True)
            qualified = _qualifier(doc.text, tokens[first].start, end) if head == i else None
            end = qualified.end() if qualified else end
            if head != i or end == token.end or not _thing_object(tokens, i, end):
                _add(doc, tokens[first].start, token.end, category)
                _add_bare_head(doc, tokens, first, i, category)
            if head == i and end > token.end:
                _add(doc, tokens[first].start, end, category)
                _add_information(doc, tokens, first, head, end, category)
            complicity = _COMPLICITY.search(
                doc.text, max(sentence.start, tokens[first].start - 30), tokens[first].start
            )
            if complicity:  # «пунктам обвинения: соучастии в вымогательстве»
                _add(doc, complicity.start(), end if head == i else token.end, category)
    for span in [s for s in doc.spans if s.type == "crime"]:
        clause = _CODE_CLAUSE.match(doc.text, span.end)
        if clause:  # «нарушении правил охраны труда, повлекшем по неосторожности смерть …»
            category = span.data.category if isinstance(span.data, OffenceMatch) else "other"
            _add(doc, span.start, clause.end(), category)
    _drop_attempted(doc)
    crimes = {(s.start, s.end) for s in doc.spans if s.type == "crime"}
    glosses = [g for g in glosses if g in crimes]  # not one refused for a name inside
    if glosses:  # «(хулиганство и умышленное причинение …)»: one crime, the gloss's
        _categorize_glosses(doc, glosses)
        doc.spans = [s for s in doc.spans if s.type != "crime" or not _inside(s, glosses)]


def _add_deed(doc: DocumentContext, tokens: list[Token], at: int, end: int) -> None:
    """The deed of «осуждён за то, что он отдал приказ об аресте протестующих», when a charge
    word governs «за» at ``at``: the clause from its verb to the next mark (not «за то, что
    его …»: a clause whose subject is someone else starts with no verb)."""
    clause = _DEED_CLAUSE.match(doc.text, at, end)
    if clause is None:
        return
    first = next((k for k, t in enumerate(tokens) if t.start == clause.end()), None)
    if first is None:
        return
    verb = tokens[first + 1] if tokens[first].text == "не" and first + 1 < len(tokens) else None
    if verb is None:
        verb = tokens[first]
    if verb.pos != "VERB" or verb.feats.get("VerbForm", "Fin") != "Fin":
        return
    stop = _DEED_END.search(doc.text, verb.end, end)
    deed_end = len(doc.text[: stop.start() if stop else end].rstrip())
    if len(doc.text[tokens[first].start : deed_end].split()) >= 2:
        _add(doc, tokens[first].start, deed_end, "other")


def _drop_attempted(doc: DocumentContext) -> None:
    """What an attempt was at is no offence of its own: it was not done («покушении на сбыт
    наркотиков» is the crime, «сбыт наркотиков» inside it is none)."""
    crimes = [s for s in doc.spans if s.type == "crime"]
    inner = set()
    for span in crimes:
        attempt = _ATTEMPT.match(doc.text, span.start, span.end)
        if attempt and attempt.end() < span.end:
            inner.update(id(s) for s in crimes if s.start == attempt.end() and s.end <= span.end)
    if inner:
        doc.spans = [s for s in doc.spans if id(s) not in inner]


def _categorize_glosses(doc: DocumentContext, glosses: list[tuple[int, int]]) -> None:
    """A gloss whose first word gives no category takes the one of the offence inside it
    («(заговор с целью захвата власти)»: anti-constitutional), when there is one."""
    crimes = [s for s in doc.spans if s.type == "crime" and isinstance(s.data, OffenceMatch)]
    for gloss in (s for s in crimes if (s.start, s.end) in glosses):
        if gloss.data.category != "other":
            continue
        inner = {
            s.data.category
            for s in crimes
            if gloss.start <= s.start and s.end <= gloss.end and s is not gloss
        } - {"other"}
        if len(inner) == 1:
            gloss.data.category = inner.pop()


def _add_conspiracy(doc: DocumentContext, tokens: list[Token], i: int, start: int) -> None:
    """A conspiracy with its aim, next to a charge word, is an offence («обвинения: … и
    заговоре с целью совершения банковского мошенничества»); a plot without an aim is not
    («заговор провалился»)."""
    token = tokens[i]
    if [t.text for t in tokens[i + 1 : i + 3]] != ["с", "целью"]:
        return
    if any(s.type == "crime" and s.start <= token.start < s.end for s in doc.spans):
        return  # a charge word governs it already
    end = _purpose(tokens, i + 3)
    if end and _CHARGE_CONTEXT.search(doc.text, max(start, token.start - 60), token.start):
        _add(doc, token.start, end, "other")


def _extend_phrase(doc: DocumentContext, tokens: list[Token], i: int) -> None:
    """A phrase of the lexicon that ends in the offence word at token ``i`` («покушение на
    убийство») takes that word's genitive object as well, as a span of its own («покушение
    на убийство сотрудника полиции»)."""
    token = tokens[i]
    phrases = [
        s for s in doc.spans if s.type == "crime" and s.start < token.start and s.end == token.end
    ]
    if not phrases:
        return
    head, end = _phrase(tokens, i, strict=True)
    if head == i and end > token.end:
        for phrase in phrases:
            category = phrase.data.category if isinstance(phrase.data, OffenceMatch) else "other"
            _add(doc, phrase.start, end, category)


def _inside(span, glosses: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside one of ``glosses`` and is not all of it."""
    return any(
        a <= span.start and span.end <= b and (a, b) != (span.start, span.end) for a, b in glosses
    )


def _add_governed(doc, tokens, i: int, stems, case: bool) -> tuple[int | None, int]:
    """The offence phrase a charge word governs, starting at token ``i``: the whole phrase
    and, when it is an offence of the lexicon or has nothing after it, its head alone;
    returns the index of its head (None when it names no offence) and where it ends."""
    while i < len(tokens) and _NOT_QUALIFYING.fullmatch(tokens[i].text):
        i += 1  # «в масштабных финансовых махинациях»: the span starts at «финансовых»
    head, end = _phrase(tokens, i)
    if head is None:
        return None, 0
    named = [s.end for s in doc.spans if s.type == "crime" and s.start == tokens[i].start]
    if named and max(named) > end:
        # a longer offence of the lexicon or grammar starts here («публичном распространении
        # заведомо ложных сведений»): the words the phrase ends on are none of their own
        return head, max(named)
    inner = [
        s.end for s in doc.spans if s.type == "crime" and tokens[head].end < s.start < end < s.end
    ]
    if inner:  # one that starts in the object reaches on: «организации злоупотребления
        end = max(inner)  # властью и служебными полномочиями»
    word = tokens[head].text.lower()
    qualified = _qualifier(doc.text, tokens[i].start, end)
    if qualified and end > tokens[head].end and _category(stems, word) is not None:
        # an offence of the lexicon with its object is one without how it was done too
        # («контрабанде наркотиков» of «… в значительном размере»)
        _add(doc, tokens[i].start, end, _category(stems, word))
    end = qualified.end() if qualified else end
    if word.startswith(_TAKES_INFINITIVE) and end == tokens[head].end:
        end = _infinitive_clause(tokens, head + 1) or end
    if word.startswith(_NOT_OFFENCE_HEADS) or tokens[head].feats.get("Animacy") == "Anim":
        return None, 0  # «за малолетним ребёнком»: a person is no offence
    if word.startswith(_WRAPPERS):
        inner = head + 1 + (head + 1 < len(tokens) and tokens[head + 1].text == "к")
        if _names_offence(doc, tokens, inner, stems):
            return _add_governed(doc, tokens, inner, stems, case)
    if word.startswith(_GENERIC_HEADS) and _GENERIC_OBJECT.fullmatch(
        doc.text, tokens[head].end, end
    ):
        return None, 0  # «в совершении преступления» names no offence
    category = _category(stems, word)
    if category is None and case and not _case_offence(tokens, i, head, end):
        # «по делу о январских событиях»: a case names an offence of the lexicon, or an
        # act it calls unlawful («по делу о незаконном изготовлении взрывчатки»)
        return None, 0
    if category is None and head == i and end == tokens[head].end and word not in _ATTEMPTS:
        # a bare word the lexicon does not know says too little: «обвинил её в
        # распространении», «обвиняют в организации» (of what?), «в расизме»; but «в
        # покушении» on a person named after it is an attempt on their life
        return None, 0
    if end > tokens[head].end:
        _add(doc, tokens[i].start, end, category or "other")
        _add_information(doc, tokens, i, head, end, category or "other")
        comma = next(
            (
                k
                for k in range(head + 1, len(tokens))
                if tokens[k].start >= end or tokens[k].text == ","
            ),
            None,
        )
        if comma is not None and tokens[comma].start < end and _genitive_list(tokens, comma):
            # the act with its first object is one too: «пропаганде насилия» of «пропаганде
            # насилия, жестокости и нацизма»
            _add(doc, tokens[i].start, tokens[comma - 1].end, category or "other")
    if _thing_object(tokens, head, end):
        return head, end  # «контрабанде наркотиков»: the act only with what it took
    if (category is not None or end == tokens[head].end) and not word.startswith(_GENERIC_HEADS):
        _add(doc, tokens[i].start, tokens[head].end, category or "other")
    if category is not None:
        _add_bare_head(doc, tokens, i, head, category)
    return head, end


def _add_information(doc, tokens, first: int, head: int, end: int, category: str) -> None:
    """The act with the information it took, without what the information was about, is
    an offence too («хищении данных» of «хищении данных о кредитных картах»)."""
    for k in range(head + 2, len(tokens)):
        if tokens[k].start >= end:
            return
        if tokens[k].text in ("о", "об") and tokens[k - 1].text.lower().startswith(_INFORMATION):
            _add(doc, tokens[first].start, tokens[k - 1].end, category)
            return


def _thing_object(tokens: list[Token], head: int, end: int) -> bool:
    """Whether the phrase headed by token ``head`` and ending at ``end`` goes on with the
    act's object, a thing in the genitive («контрабанде наркотиков», «хищении нефти»,
    «крышевании подпольных казино»): the act is then an offence only with what it took
    or harmed. A victim («убийстве полицейского»), an amount («хищении 15 миллионов») or
    how it was done («мошенничестве в особо крупном размере») leaves the act an offence
    by itself too, as NEREL nests them. So does the target of an attack after «на»
    («нападении на отель», «покушении на убийство»; not how, «шантаже на сексуальной
    почве», «хищении на сумму …»)."""
    if head + 2 < len(tokens) and tokens[head + 1].text == "на":
        how = {t.text for t in tokens[head + 2 : head + 4]} & {"почве", "сумму"}
        return tokens[head + 2].start < end and not how
    for token in tokens[head + 1 :]:
        if token.start >= end:
            return False
        if _adjective(token) and token.feats.get("Case") == "Gen":
            continue  # «подпольных» of «подпольных казино»
        return (
            token.pos == "NOUN"
            and token.text.islower()
            and token.feats.get("Case") == "Gen"
            and token.feats.get("Animacy") == "Inan"
            and not _may_be_animate(token.text)
        )
    return False


def _one_victim(tokens: list[Token], k: int) -> bool:
    """Whether the genitive at token ``k`` (after its adjectives) is one person harmed
    («одной женщины», «своей 71-летней соседки»), which the offence's name leaves out; not
    victims counted or named as a group («шести человек», «местных чиновников»), which
    make it a graver offence, nor an officer («сотрудника полиции», «полицейского»),
    which makes it another one."""
    while k < len(tokens) and (
        _adjective(tokens[k])
        or tokens[k].pos == "DET"
        or tokens[k].text.startswith(_AGE)
        or tokens[k].text in ("одной", "одного")  # tagged a numeral at times
    ):
        k += 1
    if k >= len(tokens):
        return False
    token = tokens[k]
    return (
        token.pos == "NOUN"
        and token.text.islower()
        and token.feats.get("Case") == "Gen"
        and token.feats.get("Number") == "Sing"
        and not token.text.startswith(_OFFICERS)
        and (token.feats.get("Animacy") == "Anim" or _may_be_animate(token.text))
    )


def _compound_genitive(token: Token) -> bool:
    """A Latin abbreviation joined to a Russian noun in the genitive («VPN-сетей»,
    «IT-компаний»), which the tagger leaves without a case."""
    match = _LATIN_COMPOUND.fullmatch(token.text)
    return match is not None and any(
        {"NOUN", "gent"} in p.tag for p in russian_nlp().morph_vocab.parse(match.group(1))
    )


def _may_be_animate(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a genitive noun for a living being
    («аспирантки», which the tagger may take for a thing; not a surname's form)."""
    return any(
        {"NOUN", "anim", "gent"} in p.tag and "Surn" not in p.tag and "Name" not in p.tag
        for p in russian_nlp().morph_vocab.parse(word.lower())
    )


def _case_offence(tokens: list[Token], i: int, head: int, end: int) -> bool:
    """Whether the phrase a case is about (tokens ``i`` on, its head at ``head``, ending at
    ``end``) names an offence though its head is none of the lexicon: an act called
    unlawful, or an offence of the lexicon it governs («дело о причастности к шпионажу»)."""
    if tokens[i].text.lower().startswith("незаконн"):
        return True
    return any(_offence_word(t) for t in tokens[head + 1 :] if t.end <= end)


def _names_offence(doc, tokens, i: int, stems) -> bool:
    """Whether the phrase at token ``i`` is an offence by itself: a word of the lexicon
    heads it, or a crime span starts there."""
    while i < len(tokens) and _NOT_QUALIFYING.fullmatch(tokens[i].text):
        i += 1
    if i >= len(tokens):
        return False
    head, _ = _phrase(tokens, i)
    if head is not None and _category(stems, tokens[head].text.lower()) is not None:
        return True
    return any(s.type == "crime" and s.start == tokens[i].start for s in doc.spans)


def _add_bare_head(doc, tokens, first: int, head: int, category: str) -> None:
    """An offence of the lexicon with adjectives before it is also an offence by itself, as
    NEREL nests them («групповом изнасиловании» and «изнасиловании»), unless the adjective
    makes the term («сексуальных домогательствах»: «домогательствах» alone is no offence)."""
    word = tokens[head].text.lower()
    if word.startswith(_GENERIC_HEADS) or first == head:
        return
    if tokens[first].text[:1].isupper() and first > 0 and tokens[first - 1].text in _OPENING_QUOTES:
        return  # an article's title in quotes is one name: «Умышленное убийство»
    if not tokens[head - 1].text.lower().startswith(_TERM_ADJECTIVES):
        _add(doc, tokens[head].start, tokens[head].end, category)


def _accuses_a_state(doc: DocumentContext, start: int, end: int) -> bool:
    """«США обвинили Иран в поставках оружия», «критики обвиняют Китай в содержании …»: a
    country or organization accused right after the charge word is a political accusation,
    not a criminal charge (unlike the accuser in «обвиняемый властями США в …»)."""
    word = re.match(r"\w+\s+", doc.text[start:end])
    first = start + word.end() if word else end
    return any(s.type in ("country", "organization") and s.start == first for s in doc.spans)


def _inside_crime(doc: DocumentContext, token: Token) -> bool:
    """Whether a crime span already holds ``token`` after its first word."""
    return any(s.type == "crime" and s.start < token.start < s.end for s in doc.spans)


def _next_conjunct(tokens, end: int, head: Token) -> int | None:
    """The token that starts the next offence of a list at ``end``, if any: after «и»,
    «или», «и в», «а также в» («в организации нападений и в убийствах»), or a comma before
    a word in the case of ``head`` («в коррупции, незаконном обогащении и …»)."""
    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    if _one_victim(tokens, k):  # «в изнасиловании одной женщины и принуждении к …»
        k = next(n for n in range(k, len(tokens)) if tokens[n].pos == "NOUN") + 1
        end = tokens[k - 1].end
    k = _past_setting(tokens, k)  # «в геноциде в Сребренице в 1995 году, в организации …»
    comma = k < len(tokens) and tokens[k].text == ","
    if comma:
        k += 1
        k += k < len(tokens) and tokens[k].text in ("в", "во")  # «…, в организации нападений»
    if [t.text for t in tokens[k : k + 2]] == ["а", "также"]:
        k += 2
    if k < len(tokens) and tokens[k].text in _CONJUNCTIONS:
        k += 1
        k += k < len(tokens) and tokens[k].text in ("в", "во")
    if k >= len(tokens) or k == 0 or tokens[k - 1].end <= end:
        return None  # nothing joins the next word to the list
    word = tokens[k]
    if word.pos not in ("NOUN", "ADJ") or not word.text.islower():
        return None
    if tokens[k - 1].text in (",", "в", "во") and comma:
        if word.feats.get("Case") != head.feats.get("Case"):
            return None  # «в коррупции, сообщает …», «в хищении, в понедельник …»
    return k


def _past_setting(tokens, k: int) -> int:
    """The token after the place and year an offence is set in, from ``k``: «в Сребренице
    в 1995 году» of «виновен в геноциде в Сребренице в 1995 году, в организации …», so the
    list goes on after them. Only a name or a year: «в ходе осады» may say more of the
    offence itself."""
    while k + 1 < len(tokens) and tokens[k].text in ("в", "во"):
        word = tokens[k + 1]
        if word.text[:1].isupper() and word.pos == "PROPN":
            k += 2
        elif word.text.isdigit() and len(word.text) == 4:
            k += 2
            k += k < len(tokens) and tokens[k].text.lower() in ("году", "г", "г.")
            k += k < len(tokens) and tokens[k].text == "."
        else:
            break
    return k


def _offence_word(token: Token) -> bool:
    stems, _ = _lexicon()
    return _category(stems, token.text.lower()) is not None


def _category(stems, word: str) -> str | None:
    return next((c for s, c, _ in stems if word.startswith(s)), None)


def _modifier(token: Token, head: Token) -> bool:
    """A lower-case adjective agreeing in case with the offence noun («групповом»)."""
    return (
        token.pos == "ADJ"
        and token.text.islower()
        and token.text not in _DETERMINERS
        and not _NOT_QUALIFYING.fullmatch(token.text)
        and token.feats.get("Case") == head.feats.get("Case")
    )


def _title_word(tokens: list[Token], k: int, head: Token) -> bool:
    """A capitalised adjective agreeing with the offence noun that opens a quoted title or
    the sentence («105-й — «Умышленное убийство»»)."""
    token = tokens[k]
    return (
        token.pos == "ADJ"
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and (k == 0 or tokens[k - 1].text in ("«", '"', "„"))
        and token.feats.get("Case") == head.feats.get("Case")
        and not _NOT_QUALIFYING.fullmatch(token.text.lower())
    )


def _phrase(
    tokens: list[Token], i: int, strict: bool = False, nested: bool = False
) -> tuple[int | None, int]:
    """The offence phrase starting at token ``i`` (adjectives, the noun, a genitive chain,
    «и» + another noun): the index of its first noun and where the phrase ends. ``strict``:
    the genitive chain only, for an offence word no charge word governs, where what follows
    is as often the setting of a report («коррупции в городе», «убийство и грабёж»)."""
    j = i
    while j < len(tokens) and _adjective(tokens[j]):
        j += 1
    if j >= len(tokens) or tokens[j].pos != "NOUN" or not tokens[j].text.islower():
        return None, 0
    head = j
    end = tokens[head].end
    k = head + 1
    while k < len(tokens):
        token = tokens[k]
        if strict and (token.text in _CONJUNCTIONS or token.pos == "NUM"):
            break
        if token.text in _CONJUNCTIONS and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN":
            if tokens[k + 1].feats.get("Case") == tokens[head].feats.get("Case"):
                if (
                    end > tokens[head].end
                    or head > i
                    or _offence_word(tokens[head])
                    or _offence_word(tokens[k + 1])
                ):
                    break  # two offences: «контрабанде наркотиков и отмывании денег»,
                    # «хулиганстве и нанесении побоев», «незаконном обогащении и …»
                k += 1  # one offence of two acts: «хранение и перевозку продуктов»
                continue
            if end > tokens[head].end and tokens[k + 1].feats.get("Case") == "Gen":
                k += 1  # «хранении оружия и боеприпасов»
                continue
        if (
            token.text in _CONJUNCTIONS
            and end > tokens[head].end
            and k + 1 < len(tokens)
            and _adjective(tokens[k + 1])
            and tokens[k + 1].feats.get("Case") == "Gen"
        ):
            k += 1  # «секретов атомной энергетики и подводного флота»
            continue
        if token.pos == "NUM" and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN":
            k += 1
            continue
        if token.text == "," and tokens[k - 1].end == end > tokens[head].end:
            listed = _genitive_list(tokens, k)
            if listed is not None:  # «пропаганде насилия, жестокости и нацизма»
                end, k = tokens[listed - 1].end, listed
                continue
        if nested and token.pos == "NOUN" and token.feats.get("Animacy") == "Anim":
            break  # the victim of an offence inside an act: «соучастии в убийстве журналиста»
        if (
            (end == tokens[head].end or tokens[k - 1].end == end and _offence_word(tokens[k - 1]))
            and not tokens[head].text.lower().startswith(_HONOUR)
            and _one_victim(tokens, k)
        ):
            break  # «изнасиловании женщины», «убийстве соседки»: the offence, not whom
        if token.text in _OPENING_QUOTES and (closing := _quoted_genitive(tokens, k)):
            end = tokens[closing].end  # «нарушение «режима самоизоляции»»
            k = closing + 1
            continue
        if tokens[k - 1].pos == "NOUN" and _compound_genitive(token):
            end = token.end  # «продажу доступа к услугам VPN-сетей»
            k += 1
            continue
        if (
            token.feats.get("Case") == "Gen"
            and len(token.text) > 2  # not «ст.» of «нарушении ст. 275»
            and not _REFERENCE_WORD.match(token.text.lower())  # «… части 1 статьи 223»
            and (
                (token.pos in ("NOUN", "DET") or _adjective(token))
                and token.text.islower()
                or token.pos in ("NOUN", "PROPN", "ADJ")
                and _named_complement(token, tokens[k - 1])
            )
        ):
            if token.pos in ("NOUN", "PROPN") or _nominal_adjective(tokens, k):
                end = token.end  # an adjective with no noun after it is one: «данных»
            k += 1
            continue
        if token.text == "при" and end == tokens[head].end and k + 1 < len(tokens):
            if tokens[head].text.lower().startswith(_TAKES_PRI):
                sub, sub_end = _phrase(tokens, k + 1, nested=True)
                if sub is not None:  # «мошенничество при получении выплат»
                    return head, sub_end
        if token.text in ("о", "об") and tokens[k - 1].end == end and k + 1 < len(tokens):
            if tokens[k - 1].text.lower().startswith(_INFORMATION):
                sub, sub_end = _phrase(tokens, k + 1, nested=True)
                if sub is not None:  # «хищении данных о кредитных картах»
                    return head, _content_end(tokens, sub, sub_end)
        if token.text == "в" and k + 2 < len(tokens) and tokens[k + 1].text == "пользу":
            if end == tokens[head].end and tokens[head].text.lower().startswith(_TAKES_V):
                sub, sub_end = _phrase(tokens, k + 1, nested=True)
                if sub is not None and sub_end > tokens[k + 1].end:  # «шпионаж в пользу США»
                    return head, sub_end
        if strict:
            break
        if token.text == "по" and tokens[k - 1].end == end and k + 1 < len(tokens):
            if tokens[k - 1].text.lower().startswith(_TAKES_PO) and end > tokens[head].end:
                sub, sub_end = _phrase(tokens, k + 1, nested=True)
                if sub is not None and tokens[sub].feats.get("Case") == "Dat":
                    return head, sub_end  # «проведении операций по обналичиванию средств»
        if _case_object(tokens, head, k):
            k += 1  # «управлении автомобилем», «злоупотреблении служебными полномочиями»
            if token.pos == "NOUN":
                end = token.end
            continue
        if end > tokens[head].end and tokens[head].text.lower().startswith(_TAKES_RECIPIENT):
            if tokens[k - 1].end == end and (recipient := _recipient(tokens, k)):
                return head, recipient  # «продажу алкоголя детям и подросткам»
        if token.text == "с" and k + 2 < len(tokens) and tokens[k + 1].text == "целью":
            purpose = _purpose(tokens, k + 2)  # «в сговоре с целью совершения кражи»
            if purpose is None:
                break  # «с целью» and what the lexicon cannot read: not «целью» alone
            return head, purpose
        if token.text in _PURPOSE and end > tokens[head].end and k + 1 < len(tokens):
            sub, sub_end = _phrase(tokens, k + 1, nested=True)
            if sub is not None and (sub > k + 1 or sub_end > tokens[sub].end):
                return head, sub_end  # «создании препятствий для проведения следствия»;
            break  # not «… кредитных карт для покупки» (of what?)
        if (
            token.text in _PREPOSITIONS
            and k + 1 < len(tokens)
            and (
                end == tokens[head].end
                or token.text in _OBJECT_PREPOSITIONS
                and tokens[k - 1].end == end
                and tokens[k + 1].text != "помощью"  # how: «… денег с помощью биржи»
                and not nested
            )
        ):
            if token.text == "в" and not tokens[head].text.lower().startswith(_TAKES_V):
                break  # «убийстве в июле», «мошенничестве в авиакомпании»: when or where
            sub, sub_end = _phrase(tokens, k + 1, nested=True)
            if sub is not None and not _NOT_COMPLEMENT.match(tokens[sub].text.lower()):
                return head, sub_end
        if token.pos == "NOUN" and token.feats.get("Case") == tokens[head].feats.get("Case"):
            if tokens[k - 1].text in _CONJUNCTIONS:
                end = token.end
                k += 1
                continue
        break
    return head, end


def _genitive_list(tokens: list[Token], k: int) -> int | None:
    """Where a list of genitives that goes on at the comma at token ``k`` and closes with
    «и»/«или» and one more genitive ends (the index after it), or None: the objects of one
    act («пропаганде насилия, жестокости и нацизма»)."""

    def genitive(token: Token) -> bool:
        return (
            token.pos in ("NOUN", "ADJ")
            and token.text.islower()
            and token.feats.get("Case") == "Gen"
        )

    j = k + 1
    while j < len(tokens) and (genitive(tokens[j]) or tokens[j].text == ","):
        j += 1
    if j + 1 >= len(tokens) or tokens[j].text not in _CONJUNCTIONS or not genitive(tokens[j - 1]):
        return None
    j += 1
    while j < len(tokens) and genitive(tokens[j]):
        j += 1
    return j if tokens[j - 1].pos == "NOUN" and j - 1 > k else None


def _quoted_genitive(tokens: list[Token], k: int) -> int | None:
    """The closing quote of a genitive object in quotes opening at token ``k`` («режима
    самоизоляции», "эскадронов смерти"), if a few words and no other mark come first; one
    word in quotes is mostly irony («распространении «пропаганды»»)."""
    first = tokens[k + 1] if k + 1 < len(tokens) else None
    if first is None or first.feats.get("Case") != "Gen" or first.pos not in ("NOUN", "ADJ"):
        return None
    for n in range(k + 2, min(k + 7, len(tokens))):
        if tokens[n].text in ("»", '"', "“"):
            return n if n > k + 2 else None
        if tokens[n].pos == "PUNCT":
            return None
    return None


def _recipient(tokens: list[Token], k: int) -> int | None:
    """Where a dative naming whom something was sold or passed to ends, from token ``k``
    («несовершеннолетним», «детям и подросткам»), if one starts there."""
    end = None
    for n in range(k, len(tokens)):
        token = tokens[n]
        if token.feats.get("Case") == "Dat" and token.pos in ("NOUN", "ADJ"):
            if not token.text.islower():
                break
            end = token.end
        elif not (token.text in _CONJUNCTIONS and end is not None and n > k):
            break
    return end


def _content_end(tokens: list[Token], sub: int, end: int) -> int:
    """Where what information is about ends: the phrase headed by token ``sub`` ending at
    ``end``, and another in its case after «и» («о кредитных картах и иных личных
    данных»)."""
    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    if k + 1 < len(tokens) and tokens[k].text == "и":
        other, other_end = _phrase(tokens, k + 1, nested=True)
        if other is not None and _same_case(tokens[other], tokens[sub]):
            return other_end
    return end


def _same_case(token: Token, other: Token) -> bool:
    """Whether two nouns are in one case, where a plural of the adjective declension may be
    either of two with one form («о картах и личных данных»: «данных» read as genitive)."""
    cases = {token.feats.get("Case"), other.feats.get("Case")}
    return len(cases) == 1 or cases == {"Gen", "Loc"} and token.text.endswith(("ых", "их"))


def _purpose(tokens: list[Token], k: int) -> int | None:
    """Where the aim after «с целью» (at token ``k``) ends: an act with its object («с
    целью совершения банковского мошенничества») or an infinitive with its object («с
    целью получить лицензию на разработку месторождения»)."""
    if k >= len(tokens):
        return None
    if tokens[k].feats.get("VerbForm") == "Inf":
        sub, sub_end = _phrase(tokens, k + 1, nested=True)
        return sub_end if sub is not None else _infinitive_clause(tokens, k)
    sub, sub_end = _phrase(tokens, k, nested=True)
    return sub_end if sub is not None else None


def _infinitive_clause(tokens: list[Token], k: int) -> int | None:
    """Where an infinitive at token ``k`` and its object end («сместить правительство»,
    «присоединиться к ИГИЛ», «опорочить репутацию президента»), if it has one."""
    if k >= len(tokens) or tokens[k].feats.get("VerbForm") != "Inf":
        return None
    end = None
    for token in tokens[k + 1 : k + 7]:
        if token.pos == "PROPN" and end is not None and token.feats.get("Animacy") == "Anim":
            break  # a name after the object is whose it is: «… репутацию президента Петрова»
        if token.pos in ("NOUN", "PROPN"):
            end = token.end
        elif not (token.pos in ("ADJ", "DET") or token.text in _PREPOSITIONS and end is None):
            break
    return end


def _case_object(tokens: list[Token], head: int, k: int) -> bool:
    """Whether token ``k`` is a word of the object of an act that takes one in the
    instrumental or dative, right after the act («управлении автомобилем», «препятствовании
    деятельности избиркома») or after another word of it."""
    token = tokens[k]
    case = token.feats.get("Case")
    if case not in _TAKES_CASE or not token.text.islower():
        return False
    if token.pos != "NOUN" and not _adjective(token):
        return False
    if k == head + 1:
        return tokens[head].text.lower().startswith(_TAKES_CASE[case])
    return k - 1 > head and tokens[k - 1].feats.get("Case") == case


def _nominal_adjective(tokens: list[Token], k: int) -> bool:
    """An adjective used as a noun, with no noun after it: «хищении данных о картах» (a
    plural one: a singular one is more often waiting for its noun, «близкой к нему
    компании»)."""
    return (
        tokens[k].pos == "ADJ"
        and tokens[k].feats.get("Number") == "Plur"
        and (k + 1 == len(tokens) or tokens[k + 1].pos in ("PUNCT", "ADP", "CCONJ"))
    )


def _named_complement(token: Token, previous: Token) -> bool:
    """A capitalised genitive after a common noun that is not a person's name: «шпионаже в
    пользу Украины», «финансировании Исламского государства»; not the victim of
    «убийстве Ивана Петрова»."""
    return (
        previous.pos == "NOUN" and previous.text.islower() and token.feats.get("Animacy") != "Anim"
    )


def _adjective(token: Token) -> bool:
    """A lower-case adjective or participle («отягчающими»)."""
    return (
        token.pos == "ADJ" or token.pos == "VERB" and "Case" in token.feats
    ) and token.text.islower()


def _qualifier(text: str, start: int, end: int) -> re.Match | None:
    """How the offence ``text[start:end]`` was done, or the sum of an offence of money,
    right after it."""
    qualified = _QUALIFIER.match(text, end)
    if (
        qualified is None
        and text[end : end + 11] == " в размере "
        and _OF_MONEY.search(lowered(text), start, end)
    ):
        return _SUM.match(text, end)
    return qualified


def _search_query(text: str, start: int) -> bool:
    """Whether ``start`` is inside a quoted search query («по запросу «Иванов клевета»
    ничего не находится»): words typed into a search engine, not an act."""
    return _SEARCH_QUERY.search(text, max(0, start - 60), start) is not None


def _add(doc: DocumentContext, start: int, end: int, category: str) -> None:
    if _search_query(doc.text, start):
        return
    if any(s.type in _NAMES and s.start <= start < s.end for s in doc.spans):
        return  # a word of a name («Фонд борьбы с коррупцией»); a name may end the crime
    if _BODY_NAME.search(doc.text, max(0, start - 60), start):
        return  # the same, where no name was found («Фонд борьбы с коррупцией» on a line)
    if any(s.type == "person" and start < s.end and s.start < end for s in doc.spans):
        return  # a person inside is a victim or the offender, never part of the offence
    if any(s.type == "crime" and s.start == start and s.end == end for s in doc.spans):
        return
    doc.add_span("crime", start, end, data=OffenceMatch(start, end, doc.text[start:end], category))
