"""Trigger words for facts, per language, as declarative tables of regular expressions.

A trigger says *that* something happened (a detention, a sentence, a demand); the fact
builder then finds *who* and *what* among the sentence's mentions. Russian patterns are
written on word stems, so every case and tense form matches; where the difference between
a finite verb and an infinitive matters (`освобожден` is a release, `освободить` after
`призвали` is a demand), the pattern says which forms it accepts.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.UNICODE


def _compile(table: dict[str, str]) -> dict[str, re.Pattern]:
    return {key: re.compile(pattern, _FLAGS) for key, pattern in table.items()}


def _words(table: dict[str, str]) -> dict[str, re.Pattern]:
    """Like _compile, but a word never starts after a hyphen: «министр» is not a role
    word inside «премьер-министр»."""
    return _compile(
        {key: r"(?<![\w-])" + pattern.removeprefix(r"\b") for key, pattern in table.items()}
    )


# --- roles: the words before or after a name that say what the person does ------------

ROLE_WORDS: dict[str, dict[str, re.Pattern]] = {
    "ru": _words(
        {
            "human_rights_defender": r"\bправозащитни(к|ка|ку|ком|ке|ца|цы|цу|цей|це|ков|кам)\b",
            "activist": r"\bактивист(|а|у|ом|е|ка|ки|ку|кой|ке|ов|ам)\b",
            "blogger": r"\bблог+ер(|а|у|ом|е|ка|ки|ку|кой|ов|ам)\b",
            "journalist": r"\b(журналист(|а|у|ом|е|ка|ки|ку|кой|ке|ов|ам)|корреспондент(|а|у|ом|е|ка|ки|ку|кой)|редактор(|а|у|ом|е))\b",
            "lawyer": r"\b(адвокат(|а|у|ом|е|ов)|юрист(|а|у|ом|е|ка|ки|ку|кой))\b",
            "opposition_politician": r"\b(оппозиционер(|а|у|ом|е|ы|ов|ам|ами|ах|ка|ки|ке|ку|кой|ок|кам|ками|ках)\b|(лидер|председател|основател|руководител|глав)\w{0,3}\s+(\w+\s+)?(оппозиционн\w+\s+)?(парти|движени)\w*|оппозиционн\w+\s+политик\w*)",
            "judge": r"\bсудь(я|и|е|ю|ей)\b",
            "prosecutor": r"\bпрокурор(|а|у|ом|е)\b",
            "official": r"\b(чиновни(к|ка|ку|ком)|аким(|а|у|ом)|министр(|а|у|ом))\b",
        }
    ),
    "en": _words(
        {
            "human_rights_defender": r"\b(human[- ]rights (defender|activist|lawyer)s?|rights defenders?)\b",
            "activist": r"\b(civil society |civic |political )?activists?\b",
            "blogger": r"\b(satirical |video )?bloggers?\b",
            "journalist": r"\b(journalists?|reporters?|editors?|correspondents?)\b",
            "lawyer": r"\b(lawyers?|attorneys?|advocates?)\b",
            "opposition_politician": r"\b(opposition (party )?(politician|leader|figure|activist)s?|(leader|chair(man|woman)?|founder|head) of the (\w+ )?(opposition )?(party|movement))\b",
            "judge": r"\bjudges?\b",
            "prosecutor": r"\bprosecutors?\b",
            "official": r"\b(officials?|ministers?|akims?)\b",
        }
    ),
}

# Words before an organization that make the person next to it a member: a noun
# («участнице панк-группы», «кандидатом партии», «коллега по группе») or a verb of joining
# («вступил в Коммунистическую партию», «вошла в состав движения»). The word between the
# cue and the organization is never a preposition («кандидат в Мосгордуму» runs for a seat)
# nor an event («участники акции «Марш»» took part in it).
MEMBERSHIP_WORDS = {
    "ru": re.compile(
        r"(?<![\w-])(член\w{0,3}|участни\w{0,4}|сторонни\w{0,4}|активист\w{0,3}|лидер\w{0,2}|"
        r"председател\w{1,3}|основател\w{1,3}|соучредител\w{1,3}|руководител\w{1,3}|"
        r"кандидат(?!ур)\w{0,3}|коллег\w{0,2}\s+по|вступ\w+\s+в(?:\s+ряды)?|"
        r"(?:вош[её]л|вошл[аи]|вход\w{1,3})\s+в\s+(?:состав|ряды))\s+"
        r"(?!(?:в|во|на|от|по|из|за|при)\s|(?:акци|митинг|протест|пикет|марш|форум|конференц"
        r"|съезд|саммит|турнир|чемпионат|конкурс|фестивал|выбор|переговор|встреч)\w*\s)"
        r"([\w-]+\s+)?"
        r"(парти\w+|движени\w+|организаци\w+|объединени\w+|[\w-]*групп\w+)?\s*$",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(member|members|leader|chair|chairman|chairwoman|founder|co-founder|activist|supporter)s?"
        r"\s+of\s+(the\s+)?(\w+\s+)?(party|movement|organi[sz]ation|group)?\s*$",
        _FLAGS,
    ),
}

# --- events ------------------------------------------------------------------------------

DETENTION = {
    "ru": _compile(
        {
            "house_arrest": r"\b(помещ\w+|перевед\w+|отправ\w+)\s+под\s+домашн\w+\s+арест|\bдомашн\w+\s+арест\w*",
            "arrest": r"\b(арестован\w*|арестовал[аи]?|взят\w*\s+под\s+стражу|взял[аи]?\s+(?:[^\s,.;:]+\s+){0,3}?под\s+стражу|заключ\w+\s+(?:[^\s,.;:]+\s+){0,3}?под\s+стражу|(?:помещ|отправ)\w+\s+(?:[^\s,.;:]+\s+){0,3}?под\s+стражу|помещ\w+\s+в\s+сизо|санкционирова\w+\s+(?:[^\s,.;:]+\s+){0,2}?арест"
            # held in custody: «находится под стражей», «оставлен под арестом»
            r"|(?:находи|находя|находил|содерж(?!ани)|оста[вёенюл]|пробыл|провёл|провел|провест|держ)\w*\s+(?:\S+\s+){0,3}?под\s+(?:стражей|арестом))",
            # verbs only: «после задержания» looks back at a detention told elsewhere
            # and the participle: «Задержанный 3 марта блогер …»
            "detention": r"\b(задержан[аоы]?|задержал[аи]?|задержива\w+|задержанн(?:ый|ая|ого|ой|ому|ым|ую|ые|ых|ыми))\b",
        }
    ),
    "en": _compile(
        {
            "house_arrest": r"\b(placed|put|transferred) under house arrest\b",
            "arrest": r"\b(was|were|been|is) arrested\b|\barrested\b|\bremanded (\w+ )?in custody\b|\btaken into custody\b|\bpre-trial detention\b",
            "detention": r"\b(was|were|been|is|are) detained\b|\bdetained\b",
        }
    ),
}

CHARGE = {
    "ru": re.compile(
        r"\b(обвиня\w+|обвинени\w+|обвин[её]н\w*|предъяв\w+|возбуд\w+|возбужден\w+|подозрева\w+|"
        r"подозрени\w+|заподозр\w+|"
        r"привлеч\w+\s+к\s+(уголовной\s+)?ответственности|уголовн\w+\s+дел\w*|по\s+стать\w+|по\s+ст\.|"
        r"по\s+(ч\.|част\w+)\s*\d|осужд\w+|осужден\w*|признал\w*\s+(\w+\s+)?виновн\w+|признан\w*\s+виновн\w+)",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(charged|charges?|accused|indicted|criminal case|prosecuted|convicted|suspected|"
        r"found guilty|under (part \d+ of )?article)\b",
        _FLAGS,
    ),
}

SENTENCE = {
    "ru": re.compile(
        r"\b(приговор\w*|осужд\w+|осужден\w*|осудил\w*|дали(?!\w)|назнач\w+|определил\w*|выбрал\w*|вынес\w*|обязал\w*|признал\w*\s+виновн\w+|арестова[нл]\w*\s+(?:\w+\s+)?на|оштрафова\w+|"
        r"получил\w*\s+(?:по\s+)?((?:\w+\s+){0,2}срок|\d+|\w+\s+(год|лет))|отбыва\w+"
        # a term served: «вышел на свободу после десяти суток ареста»
        r"|вы(шел|шла|шли)\s+(на\s+свободу|из\s+\w+)\s+после)",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(sentenced|sentence[sd]?|convicted|jailed|hand(ed|s)|gave|gives|fined|found guilty|serving)\b",
        _FLAGS,
    ),
}

# A penalty someone only *asks for* is not a sentence.
PENALTY_REQUEST = {
    "ru": re.compile(
        r"\b(запроси\w*|проси\w*|прошу|потребова\w*|требу\w+|грозит|грозило|грозят|может\s+грозить|до\s+\w+\s+лет)\b",
        _FLAGS,
    ),
    "en": re.compile(r"\b(requested|asked for|sought|demanded|faces?|facing|up to)\b", _FLAGS),
}

# … nor is one a sentencing verb only names as asked for: «просил суд приговорить его к …».
# … and a detention that is only asked for is none: «просила суд отправить его под домашний
# арест», «ходатайствовало арестовать журналиста» (a request verb, then a verb of detaining).
DETENTION_REQUEST = {
    "ru": re.compile(
        r"\b(запроси|проси|ходатайств|потребова|требу|требов)\w*\s+(?:[^,.;:!?]{0,60}?\s)?"
        r"(отправить|поместить|перевести|арестовать|заключить|задержать|избрать|оставить|держать|содержать)\b"
        r"[^,.;:!?]{0,60}$",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(asked|requested|sought|urged)\b[^,.;:!?]{0,60}\bto\s+"
        r"(place|put|transfer|arrest|detain|remand)\b[^,.;:!?]{0,60}$",
        _FLAGS,
    ),
}

REQUESTED_VERB = {
    "ru": re.compile(
        r"\b(запроси|проси|прошу|потребова|требу|требов|ходатайств)\w*\s+(\w+\s+)?$"
        # … or only possible: «может быть приговорён к пожизненному заключению»
        r"|\b(может|могут|мог|могла|могли|могло)\s+(быть\s+)?$",
        _FLAGS,
    ),
    "en": re.compile(r"\b(asked|requested|urged)\s+(the\s+)?(\w+\s+)?to\s+$", _FLAGS),
}

RELEASE = {
    "ru": _compile(
        {
            "pardon": r"\bпомилова\w+|\bпо\s+помиловани\w+",
            "amnesty": r"\b(по\s+амнисти\w+|амнистирова\w+)",
            "early": r"\bусловно-досрочно\w*|\bудо\b",
            "end_of_term": r"\b(отбыв\s+(весь\s+)?срок|по\s+отбыти\w+|полностью\s+отбыв\w*)",
            "transfer_to_house_arrest": r"\bперевед\w+\s+под\s+домашн\w+\s+арест",
            "full": r"\b(освобожд[её]н\w*|освободил[аи]?|вы(шел|шла|шли)\s+на\s+свобод\w|выпущен\w*|выпустил[аи]?|оказал\w*\s+на\s+свобод\w|отпустил[аи]?)",
        }
    ),
    "en": _compile(
        {
            "pardon": r"\bpardon(ed|s)?\b",
            "amnesty": r"\b(under (an|the) amnesty|amnestied|amnesty(?! International))\b",
            "early": r"\b(early release|released early|parole[d]?)\b",
            "end_of_term": r"\b(after serving (his|her|their|the) (full )?([\w-]+ )?(sentence|term))\b",
            "transfer_to_house_arrest": r"\btransferred to house arrest\b",
            "full": r"\b(was|were|been|is|are) (released|freed)\b|\b(walked|went) free\b",
        }
    ),
}

# Acquittals: a court found the person not guilty.
ACQUITTAL = {
    "ru": re.compile(r"\b(оправда(л|ла|ли|н|на|ны)|оправдательн\w+\s+приговор\w*)\b", _FLAGS),
    "en": re.compile(r"\b(acquitted|acquittal|found not guilty)\b", _FLAGS),
}

# --- demands -----------------------------------------------------------------------------

DEMAND = {
    "ru": re.compile(
        r"\b(призва\w*|призыва\w*|призыв\w*|потребова\w*|требу\w+|требовани\w+|настаива\w+|"
        r"долж(ен|на|но|ны)|следует|обрати\w+\s+с\s+призывом|просим|просят|просил\w*)\b",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b(call(ed|s|ing)? (on|upon|for)|urg(e|ed|es|ing)|demand(ed|s|ing)?|must|should|appeal(ed|s)? to|ask(ed|s)?)\b",
        _FLAGS,
    ),
}

# The action verbs a demand asks for, in the order they are tried on each word.
DEMAND_ACTIONS = {
    "ru": _compile(
        {
            "drop_charges": r"\bсня\w*\s+(все\s+)?обвинени\w+|\bпрекрат\w+\s+(уголовное\s+)?(преследование|дело)\s+(в\s+отношении|против)",
            "release": r"\b(освободи\w*|освобождени\w+)\b",
            "repeal": r"\b(отмени\w*|отменя\w*|отмен[аеуы])\b",
            "amend": r"\b(пересмотре\w*|измени\w*|изменени\w+|внест\w*\s+изменени\w+|привест\w*\s+в\s+соответствие)\b",
            "abandon": r"\b(отказа\w+\s+от|отозва\w*|не\s+принима\w+)\b",
            "investigate": r"\b(расследова\w*|провест\w*\s+\w*\s*расследовани\w+)\b",
            "stop": r"\b(прекрати\w*|прекраща\w*|перестат\w*|перестан\w+|положить\s+конец)\b",
        }
    ),
    "en": _compile(
        {
            "drop_charges": r"\bdrop(ped)?\s+(all\s+)?(the\s+)?charges\b",
            "release": r"\b(release|free)\b",
            "repeal": r"\b(repeal|abolish|revoke)\b",
            "amend": r"\b(amend|revise|review|bring .{0,30} into line)\b",
            "abandon": r"\b(abandon|withdraw|drop)\b",
            "investigate": r"\b(investigate|investigation)\b",
            "stop": r"\b(stop|end|cease|put an end to)\b",
        }
    ),
}

# Unnamed demanders: the text names a group, not an organization.
UNNAMED_DEMANDERS = {
    "ru": re.compile(
        r"\b((международн\w+\s+)?правозащитн\w+\s+(организаци\w+|групп\w+)|правозащитник\w*|"
        r"эксперт\w*\s+оон|организаци\w+)\b",
        _FLAGS,
    ),
    "en": re.compile(
        r"\b((international\s+)?human rights (groups|organi[sz]ations|defenders)|rights groups|UN experts)\b",
        _FLAGS,
    ),
}

# Addressees: "власти Казахстана", "the authorities of Kyrgyzstan" are found through the
# country mentions; these words say the country is the addressee, not the subject.
ADDRESSEE_WORDS = {
    "ru": re.compile(
        r"\b(власт\w+|правительств\w+|президент\w*|руководств\w+|лидер\w*|государств\w+)\s*$",
        _FLAGS,
    ),
    "en": re.compile(r"\b(authorities|government|president|leaders?|on|upon)\s+(of\s+)?$", _FLAGS),
}

# Quantifier that makes one penalty apply to every person of the sentence.
# «каждого к восьми годам», «каждый из них получил», «получили по пять лет»
EACH = {
    "ru": re.compile(
        r"\bкажд(?:ый|ая|ого|ому|ой|ую|ым)\b|\bпо\s+(?:\d+|полтор|дв|тр|четыр|пят|шест|сем|"
        r"восем|девят|десят)\w*\s+(?:лет|год|месяц|сут)",
        _FLAGS,
    ),
    "en": re.compile(r"\beach\b", _FLAGS),
}

NEGATION = {
    "ru": re.compile(r"\b(не\s+был\w*|не\s+(задержан|арестован|освобожд|осужд)\w*)", _FLAGS),
    "en": re.compile(r"\b(not|never)\s+(been\s+)?(detained|arrested|released|sentenced)\b", _FLAGS),
}

# Words that open a summit or conference name which natasha tags as an organization.
EVENT_WORDS = re.compile(
    r"(саммит\w*|форум\w*|конференци\w+|встреч\w+|summit|forum|conference)\W{0,3}$", _FLAGS
)

# Organizations natasha proposes that are generic words, never entities.
GENERIC_ORGS = {
    "сми",
    "нпо",
    "нко",
    "оо",
    "лгбт",
    "лгбти",
    "лгбтк",
    "лгбтик",
    "лгбтик+",
    "лгбт+",
    "лгбтиq+",
    "сизо",
    "ук",
    "ук рк",
    "коап",
    "уголовный кодекс",
    "мрп",
    "ngo",
    "ngos",
    "media",
    "lgbt",
    "lgbtiq+",
}
