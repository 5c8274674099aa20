"""Crime spans beyond the human-rights categories of ``grammars.offences``: ordinary
offences of the hand-written lexicon ``data/offences.yaml`` («убийстве», «получении
взятки», «сексуальных домогательствах») and the noun phrase a charge word governs
(«обвиняют в хищении данных», «осуждён за хранение и перевозку санкционных продуктов»).

As NEREL annotates crimes, the offence noun with its adjectives is a span, and the whole
phrase with its genitive complement is another one around it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.offences import OffenceMatch
from pledgewatch.extract.nlp import Analysis, Token

# Words that make an offence word a charge: it follows «обвиняется в», «осуждён за» …
_CHARGE_CONTEXT = re.compile(
    r"(?<![\w-])(?:обвин\w*|подозр\w*|осужд\w*|осуди\w*|приговор\w*|уголовн\w*|виновн\w*"
    r"|судим\w*|стать\w+|ст\.|задержан\w*|арестова\w*|привлеч\w*|инкриминир\w*|вменя\w*)",
    re.IGNORECASE,
)
# A charge word that governs the offence phrase right after it: «обвиняют в хищении»,
# «обвинила Маркива в причастности к убийству» (a few words between a verb and «в»),
# «признал доктора виновным в убийстве», «по делу о госизмене» (an offence of the lexicon
# only), «осуждён за хулиганство»,
# «срок за мошенничество».
_GOVERNOR = re.compile(
    r"(?<![\w-])(?:(?:обвиня\w*|обвин[её]н\w*|подозрева\w*|подозрени\w*|улич[её]н\w*"
    r"|признан\w*\s+виновн\w*|виновн\w*|оправдан\w*|вин[уы])\s+в"
    r"|(?:обвини\w*|обвиня\w*|подозрева\w*|заподозри\w*|уличил\w*)(?:\s+[^\W\d]+){0,3}?\s+в"
    r"|признал\w*(?:\s+[^\W\d]+){0,3}?\s+виновн\w*\s+в"
    r"|(?P<case>(?:дел[оауе]|делом)\s+об?)"
    r"|(?:осужд\w*|осуди\w*|приговор\w*|арестова\w*|задержа\w*|судим\w*|наказа\w*"
    r"|отбыва\w*|посажен\w*|сидит|сидел\w*)(?:\s+[^.,;:!?()]{1,40}?)?\s+за"
    r"|(?:срок\w*|тюрьм\w*|заключени\w*|свободы|колони\w*|режима|штраф\w*)\s+за)\s+",
    re.IGNORECASE,
)
# Heads too general to be a crime by themselves («за преступление», «в связях»).
_GENERIC_HEADS = (
    *("преступлени", "правонарушени", "деяни", "связ", "действи", "дел", "том"),
    *("совершени", "попытк", "намерени", "причастност", "нарушени"),  # need what follows
    *("препятствовани", "воспрепятствовани", "уклонени"),  # «уклонении» (от уплаты налогов)
)
# What a general head governs when the phrase still names no offence: «в совершении
# преступления» (but «совершении федерального преступления» says which).
_GENERIC_OBJECT = re.compile(r"\s+(?:преступлени|правонарушени|деяни)\w*")
# Heads that are no offence at all: «обвинения в адрес министра», «обвинения в отношении
# Иванова», «в соответствии со статьёй», «в рамках дела», «в ходе следствия».
# A death is what an offence caused, not the offence: «подозреваемый в гибели студента».
_NOT_OFFENCE_HEADS = ("адрес", "отношени", "соответстви", "рамк", "ход", "течени", "гибел")
# Adjectives that say when, how big or how talked-about an offence was, not which offence
# («декабрьском групповом изнасиловании», «масштабных махинациях»): left out of the span.
_NOT_QUALIFYING = re.compile(
    r"(?:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск"
    r"|октябрьск|ноябрьск|декабрьск|вчерашн|недавн|прошлогодн|резонансн|громк|скандальн"
    r"|масштабн|многочисленн|повсеместн|крупнейш|очередн|нашумевш)\w*"
)
# Prepositions that open a complement of an offence («покушении на сбыт наркотиков»,
# «участии в массовых беспорядках», «насилии над подростками»).
_PREPOSITIONS = frozenset({"к", "на", "над", "при", "с", "в", "против"})
_NAMES = ("person", "organization", "country", "location")
_CONJUNCTIONS = frozenset({"и", "или", "либо"})
# How an offence was done, which the criminal codes name as part of it («мошенничество в
# особо крупном размере», «грабёж группой лиц по предварительному сговору», «причинение
# смерти по неосторожности», «хулиганство по мотивам религиозной ненависти», «вождение в
# нетрезвом виде»).
_QUALIFIER = re.compile(
    r"\s+[«\"]?(?:в\s+(?:особо\s+)?(?:крупн|значительн)\w+\s+размер\w*|группой\s+лиц"
    r"(?:\s+по\s+предварительному\s+сговору)?|по\s+предварительному\s+сговору"
    r"|организованной\s+группой|по\s+неосторожности|(?:первой|второй|третьей)\s+степени"
    r"|по\s+мотивам\s+(?:[а-яё]+\s+){0,2}?(?:ненависти|вражды)(?:\s+(?:и|или)\s+(?:ненависти|вражды))?"
    r"|по\s+(?:политическим|религиозным|национальным|расовым|корыстным|хулиганским)\s+мотивам"
    r"|на\s+(?:сексуальной|религиозной|национальной|расовой|бытовой)\s+почве"
    r"|в\s+(?:нетрезвом|пьяном)\s+виде|в\s+состоянии\s+(?:алкогольного\s+)?опьянения)"
    r"[»\"]?(?![\w-])"
)
_NOT_COMPLEMENT = re.compile(r"(?:год|течени|период|врем|ход|рамк|связи|отношени|адрес)\w*")
# The offence an article names, in brackets or quotes after it: «статьи 104 (убийство)»,
# «статьи 214 «Вандализм»», «УК РФ (хулиганство и умышленное причинение …)»; the title of
# an article of the administrative code («ст. 20.3 КоАП РФ («Публичное демонстрирование
# …»)») names no crime.
_ARTICLE_GLOSS = re.compile(
    r"(?<![\w-])(?:стать\w*|ст\.|ч\.|част\w+)\s*№?\s*\d[\d.\-]*(?:\s*(?:,|и)\s*№?\s*\d[\d.\-]*)*"
    r"(?:\s+(?:УК|(?P<administrative>КоАП)|Уголовного\s+кодекса)(?:\s+[А-ЯЁ][\wЁё]*)?)?\s*"
    r"(?:\(\s*«?(?P<paren>[^()«»\n]{3,160}?)»?\s*\)|«(?P<quoted>[^«»\n]{3,160}?)»)",
    re.IGNORECASE,
)
# Adjectives that are part of an offence's name, not a qualification of it («сексуальные
# домогательства», «сексуальное насилие»).
_TERM_ADJECTIVES = ("сексуальн",)
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
    governed = {m.end() for m in _GOVERNOR.finditer(doc.text, start, end)}
    return [s for s in doc.spans if s.type == "crime" and s.start in governed and s.end <= end]


def out_of_charge_context(doc: DocumentContext, offence: OffenceMatch) -> bool:
    """A one-word offence of the lexicon that is an offence only next to a charge word
    («теракт», «терроризм»: the attack itself or an ideology in a news report), with no
    charge word before it in its sentence."""
    word = offence.text.lower()
    if not word.isalpha():
        return False
    stem_regex, by_stem = _stem_index()
    stem = stem_regex.match(word)
    if stem is None or by_stem[stem.group()][1]:
        return False
    sentence_start = doc.sentences[doc.sentence_index(offence.start)][0]
    return not _CHARGE_CONTEXT.search(
        doc.text, max(sentence_start, offence.start - 60), offence.start
    )


def add_crime_phrases(doc: DocumentContext, analysis: Analysis) -> None:
    stems, phrases = _lexicon()
    stem_regex, by_stem = _stem_index()
    pattern, categories = phrases
    for match in pattern.finditer(doc.text):
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
        if match.group("administrative"):
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
            for m in _GOVERNOR.finditer(doc.text, sentence.start, sentence.end)
            if not _accuses_a_state(doc, m.start(), m.end())
        }
        for i, token in enumerate(tokens):
            if token.start in governors and token.pos in ("NOUN", "ADJ", "VERB"):
                k: int | None = i
                while k is not None:  # «в контрабанде наркотиков и отмывании денег»: each
                    head, end = _add_governed(doc, tokens, k, stems, governors[token.start])
                    if head is None:
                        break
                    governed.update(n for n in range(k, head + 1))
                    inside.append((tokens[head].end, end))
                    k = _next_conjunct(tokens, end)
        for i, token in enumerate(tokens):
            if token.pos != "NOUN" or i in governed:
                continue
            if any(start <= token.start < end for start, end in inside):
                continue
            stem = stem_regex.match(token.text.lower())
            if stem is None:
                continue
            category, anywhere = by_stem[stem.group()]
            if not anywhere and _inside_crime(doc, token):
                continue  # «пропаганду терроризма»: the act is the crime, not its object
            if not anywhere and not _CHARGE_CONTEXT.search(
                doc.text, max(sentence.start, token.start - 60), token.start
            ):
                continue
            first = i
            while first > 0 and _modifier(tokens[first - 1], token):
                first -= 1
            _add(doc, tokens[first].start, token.end, category)
            _add_bare_head(doc, tokens, first, i, category)


def _add_governed(doc, tokens, i: int, stems, case: bool) -> tuple[int | None, int]:
    """The offence phrase a charge word governs, starting at token ``i``: the whole phrase
    and, when it is an offence of the lexicon or has nothing after it, its head alone;
    returns the index of its head (None when it names no offence) and where it ends."""
    while i < len(tokens) and _NOT_QUALIFYING.fullmatch(tokens[i].text):
        i += 1  # «в масштабных финансовых махинациях»: the span starts at «финансовых»
    head, end = _phrase(tokens, i)
    if head is None:
        return None, 0
    qualified = _QUALIFIER.match(doc.text, end)
    end = qualified.end() if qualified else end
    word = tokens[head].text.lower()
    if word.startswith(_NOT_OFFENCE_HEADS):
        return None, 0
    if word.startswith(_GENERIC_HEADS) and _GENERIC_OBJECT.fullmatch(
        doc.text, tokens[head].end, end
    ):
        return None, 0  # «в совершении преступления» names no offence
    category = _category(stems, word)
    if category is None and case:
        return None, 0  # «по делу о январских событиях»: a case names an offence or not
    if end > tokens[head].end:
        _add(doc, tokens[i].start, end, category or "other")
    if (category is not None or end == tokens[head].end) and not word.startswith(_GENERIC_HEADS):
        _add(doc, tokens[i].start, tokens[head].end, category or "other")
    if category is not None:
        _add_bare_head(doc, tokens, i, head, category)
    return head, end


def _add_bare_head(doc, tokens, first: int, head: int, category: str) -> None:
    """An offence of the lexicon with adjectives before it is also an offence by itself, as
    NEREL nests them («групповом изнасиловании» and «изнасиловании»), unless the adjective
    makes the term («сексуальных домогательствах»: «домогательствах» alone is no offence)."""
    word = tokens[head].text.lower()
    if word.startswith(_GENERIC_HEADS) or first == head:
        return
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


def _next_conjunct(tokens, end: int) -> int | None:
    """The token that starts the next offence after «и»/«или» at ``end``, if any."""
    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    if k + 1 < len(tokens) and tokens[k].text in _CONJUNCTIONS:
        if tokens[k + 1].pos in ("NOUN", "ADJ") and tokens[k + 1].text.islower():
            return k + 1
    return None


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


def _phrase(tokens: list[Token], i: int) -> tuple[int | None, int]:
    """The offence phrase starting at token ``i`` (adjectives, the noun, a genitive chain,
    «и» + another noun): the index of its first noun and where the phrase ends."""
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
        if token.text in _CONJUNCTIONS and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN":
            if tokens[k + 1].feats.get("Case") == tokens[head].feats.get("Case"):
                if end > tokens[head].end or (
                    _offence_word(tokens[head]) and _offence_word(tokens[k + 1])
                ):
                    break  # two offences: «контрабанде наркотиков и отмывании денег»
                k += 1  # one offence of two acts: «хранение и перевозку продуктов»
                continue
            if end > tokens[head].end and tokens[k + 1].feats.get("Case") == "Gen":
                k += 1  # «хранении оружия и боеприпасов»
                continue
        if token.pos == "NUM" and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN":
            k += 1
            continue
        if (
            token.feats.get("Case") == "Gen"
            and len(token.text) > 2  # not «ст.» of «нарушении ст. 275»
            and (
                (token.pos == "NOUN" or _adjective(token))
                and token.text.islower()
                or token.pos in ("NOUN", "PROPN", "ADJ")
                and _named_complement(token, tokens[k - 1])
            )
        ):
            if token.pos in ("NOUN", "PROPN"):
                end = token.end
            k += 1
            continue
        if token.text in _PREPOSITIONS and k + 1 < len(tokens) and end == tokens[head].end:
            sub, sub_end = _phrase(tokens, k + 1)
            if sub is not None and not _NOT_COMPLEMENT.match(tokens[sub].text.lower()):
                return head, sub_end
        if token.pos == "NOUN" and token.feats.get("Case") == tokens[head].feats.get("Case"):
            if tokens[k - 1].text in _CONJUNCTIONS:
                end = token.end
                k += 1
                continue
        break
    return head, end


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


def _add(doc: DocumentContext, start: int, end: int, category: str) -> None:
    if any(s.type in _NAMES and s.start <= start < s.end for s in doc.spans):
        return  # a word of a name («Фонд борьбы с коррупцией»); a name may end the crime
    if any(s.type == "person" and start < s.end and s.start < end for s in doc.spans):
        return  # a person inside is a victim or the offender, never part of the offence
    if any(s.type == "crime" and s.start == start and s.end == end for s in doc.spans):
        return
    doc.add_span("crime", start, end, data=OffenceMatch(start, end, doc.text[start:end], category))
