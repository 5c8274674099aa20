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
# A charge word that governs the offence phrase right after it.
_GOVERNOR = re.compile(
    r"(?<![\w-])(?:(?:обвиня\w*|обвин[её]н\w*|обвинил\w*|обвини\w*|подозрева\w*|подозрени\w*"
    r"|заподозр\w*|улич[её]н\w*|уличил\w*|признан\w*\s+виновн\w*|виновн\w*|оправдан\w*)\s+в"
    r"|(?:осужд\w*|осуди\w*|приговор\w*|арестова\w*|задержа\w*|судим\w*|наказа\w*"
    r"|отбыва\w*\s+срок|посажен\w*|сидит|сидел\w*)(?:\s+[^.,;:!?()]{1,40}?)?\s+за)\s+",
    re.IGNORECASE,
)
# Heads too general to be a crime by themselves («за преступление», «в связях»).
_GENERIC_HEADS = ("преступлени", "правонарушени", "деяни", "связ", "действи", "дел", "том")
# Prepositions that open a complement of an offence («покушении на сбыт наркотиков»,
# «участии в массовых беспорядках», «насилии над подростками»).
_PREPOSITIONS = frozenset({"к", "на", "над", "при", "с", "в", "против"})
_NOT_COMPLEMENT = re.compile(r"(?:год|течени|период|врем|ход|рамк|связи|отношени)\w*")
# The offence an article names, in brackets or quotes after it: «статьи 104 (убийство)»,
# «статьи 214 «Вандализм»», «УК РФ (хулиганство и умышленное причинение …)».
_ARTICLE_GLOSS = re.compile(
    r"(?<![\w-])(?:стать\w*|ст\.|ч\.|част\w+)\s*№?\s*\d[\d.\-]*(?:\s*(?:,|и)\s*№?\s*\d[\d.\-]*)*"
    r"(?:\s+(?:УК|КоАП|Уголовного\s+кодекса)(?:\s+[А-ЯЁ][\wЁё]*)?)?\s*"
    r"(?:\(\s*(?P<paren>[^()«»\n]{3,160}?)\s*\)|«(?P<quoted>[^«»\n]{3,160}?)»)",
    re.IGNORECASE,
)
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


def add_crime_phrases(doc: DocumentContext, analysis: Analysis) -> None:
    stems, phrases = _lexicon()
    stem_regex, by_stem = _stem_index()
    pattern, categories = phrases
    for match in pattern.finditer(doc.text):
        _add(doc, match.start(), match.end(), categories[match.lastgroup])
    for match in _ARTICLE_GLOSS.finditer(doc.text):
        group = "paren" if match.group("paren") else "quoted"
        inner = match.group(group)
        if len(inner.split()) <= 16 and not re.fullmatch(r"[\d\s.,-]+", inner):
            category = _category(stems, inner.split()[0].lower()) or "other"
            _add(doc, match.start(group), match.end(group), category)
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        governed = set()
        governors = {m.end() for m in _GOVERNOR.finditer(doc.text, sentence.start, sentence.end)}
        for i, token in enumerate(tokens):
            if token.start in governors and token.pos in ("NOUN", "ADJ", "VERB"):
                head, end = _phrase(tokens, i)
                if head is None:
                    continue
                word = tokens[head].text.lower()
                category = _category(stems, word)
                if end > tokens[head].end:
                    _add(doc, token.start, end, category or "other")
                if category is not None or (
                    end == tokens[head].end and not word.startswith(_GENERIC_HEADS)
                ):
                    _add(doc, token.start, tokens[head].end, category or "other")
                governed.add(head)
        for i, token in enumerate(tokens):
            if token.pos != "NOUN" or i in governed:
                continue
            stem = stem_regex.match(token.text.lower())
            if stem is None:
                continue
            category, anywhere = by_stem[stem.group()]
            if not anywhere and not _CHARGE_CONTEXT.search(
                doc.text, max(sentence.start, token.start - 60), token.start
            ):
                continue
            first = i
            while first > 0 and _modifier(tokens[first - 1], token):
                first -= 1
            _add(doc, tokens[first].start, token.end, category)


def _category(stems, word: str) -> str | None:
    return next((c for s, c, _ in stems if word.startswith(s)), None)


def _modifier(token: Token, head: Token) -> bool:
    """A lower-case adjective agreeing in case with the offence noun («групповом»)."""
    return (
        token.pos == "ADJ"
        and token.text.islower()
        and token.text not in _DETERMINERS
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
        if (
            token.text in ("и", "или", "либо")
            and k + 1 < len(tokens)
            and tokens[k + 1].pos == "NOUN"
        ):
            if tokens[k + 1].feats.get("Case") == tokens[head].feats.get("Case"):
                k += 1
                continue
        if token.pos == "NUM" and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN":
            k += 1
            continue
        if (
            (token.pos == "NOUN" or _adjective(token))
            and token.feats.get("Case") == "Gen"
            and token.text.islower()
        ):
            if token.pos == "NOUN":
                end = token.end
            k += 1
            continue
        if token.text in _PREPOSITIONS and k + 1 < len(tokens) and end == tokens[head].end:
            sub, sub_end = _phrase(tokens, k + 1)
            if sub is not None and not _NOT_COMPLEMENT.match(tokens[sub].text.lower()):
                return head, sub_end
        if token.pos == "NOUN" and token.feats.get("Case") == tokens[head].feats.get("Case"):
            if tokens[k - 1].text in ("и", "или", "либо"):
                end = token.end
                k += 1
                continue
        break
    return head, end


def _adjective(token: Token) -> bool:
    """A lower-case adjective or participle («отягчающими»)."""
    return (
        token.pos == "ADJ" or token.pos == "VERB" and "Case" in token.feats
    ) and token.text.islower()


def _add(doc: DocumentContext, start: int, end: int, category: str) -> None:
    if doc.covered(start, end, ("person", "organization", "country", "location")):
        return
    if any(s.type == "crime" and s.start == start and s.end == end for s in doc.spans):
        return
    doc.add_span("crime", start, end, data=OffenceMatch(start, end, doc.text[start:end], category))
