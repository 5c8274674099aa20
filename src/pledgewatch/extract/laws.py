"""Laws named as a whole: a code («УК РФ», «Уголовного кодекса», «КоАП»), a constitution
(«Конституции», «Конституции США») and a law by its subject («закон о повышении
пенсионного возраста», «Федеральному закону «О полиции»») or after a person («закона
Яровой»).

In the data model a law as a whole is an ``instrument`` (kind ``law``); an article of it is
a ``legal_provision``. A code written inside an article reference («статьи 174 УК РК») is
a mention of the code too, nested in the provision's mention, as NEREL annotates it.
Instruments of the reference data (``add_instruments``) win: a law span never overlaps one.
"""

from __future__ import annotations

import re

from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.numbers import finditer
from pledgewatch.extract.grammars.provisions import COUNTRIES
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.translit import match_key

_COUNTRY = "|".join(COUNTRIES.values())
_CODE = re.compile(
    r"(?<![\w-])(?P<code>(?P<cc>УК(?!\s*[«\"„“])|Уголовн(?:ого|ый|ому|ым|ом)\s+[Кк]одекс(?:а|у|ом|е)?)"
    r"|(?P<ac>КоАП|КОАП|КРКоАП))(?![\w-])"
    rf"(?:\s+(?P<country>{_COUNTRY})(?![\w-]))?"
)
_CONSTITUTION = re.compile(r"(?<![\w-])[Кк]онституци(?:я|и|ю|ей|е)(?![\w-])")
_LAW = re.compile(
    r"(?<![\w-])(?:(?:[Фф]едеральн|[Кк]онституционн)\w+\s+)*(?:[Зз]акон(?:|а|у|ом|е)"
    r"|[Зз]аконопроект(?:|а|у|ом|е))(?![\w-])"
)
# A law named after a person («закона Яровой», «закон Димы Яковлева», «пакет Яровой»).
_NAMED_LAW = re.compile(
    r"(?<![\w-])(?:[Зз]акон(?:|а|у|ом|е)|[Зз]аконопроект(?:|а|у|ом|е)|[Пп]акет(?:|а|у|ом|е))"
    r"\s(?=[А-ЯЁ])"
)
_TITLE = re.compile(r"\s*(?:(?:№\s*[\w-]+|\d[\d-]*)\s*)?«(?P<title>[^«»\n]{3,200})»")
# A title «О …» is also a mention of the law by itself («закон «О полиции»» → «О полиции»).
_SUBJECT_TITLE = re.compile(r"Об?\s")
_SUBJECT = re.compile(r"\s+об?\s+")
_NAMES = {"CC": ("Уголовный кодекс", "Criminal Code"), "AC": ("КоАП", "Administrative Code")}


def add_laws(doc: DocumentContext, tokens_at: dict) -> None:
    from pledgewatch.extract.mentions import _sentence_country

    places = {}
    for span in doc.spans:
        if span.type in ("country", "location"):
            places[span.start] = max(places.get(span.start, 0), span.end)
    for match in finditer(_CODE, doc.text):  # skipped where none of its words is
        kind = "CC" if match.group("cc") else "AC"
        country_text = match.group("country")
        country = _country(country_text) if country_text else None
        country = country or _sentence_country(doc, match.start())
        name = f"{_NAMES[kind][0]} ({country})" if country else _NAMES[kind][0]
        key = _entity(doc, name, country, kind)
        _add(doc, match.start(), match.end("code"), key)
        end = match.end() if country_text else _place_after(doc.text, match.end(), places)
        if end is not None:
            _add(doc, match.start(), end, key)  # «УК РФ», «УК Украины»
    for match in finditer(_CONSTITUTION, doc.text):  # skipped where none of its words is
        end = match.end()
        after = _place_after(doc.text, end, places)
        country = _sentence_country(doc, match.start())
        key = _entity(doc, f"Конституция ({country})" if country else "Конституция", country)
        _add(doc, match.start(), end, key)
        if after is not None:
            _add(doc, match.start(), after, key)
    for match in finditer(_LAW, doc.text):  # skipped where none of its words is
        end = _law_end(doc.text, match.end(), tokens_at)
        if end is None:
            continue
        text = " ".join(doc.text[match.start() : end].split())
        key = _entity(doc, text, _sentence_country(doc, match.start()))
        _add(doc, match.start(), end, key)
        title = _TITLE.match(doc.text, match.end())
        if title and _SUBJECT_TITLE.match(title.group("title")):
            _add(doc, title.start("title"), title.end("title"), key)
    persons = {s.start: s.end for s in doc.spans if s.type == "person"}
    for match in finditer(_NAMED_LAW, doc.text):  # skipped where none of its words is
        end = persons.get(match.end())
        if end is not None and _genitive(tokens_at.get(match.end())):
            text = " ".join(doc.text[match.start() : end].split())
            _add(doc, match.start(), end, _entity(doc, text, _sentence_country(doc, end)))


def _genitive(located) -> bool:
    """The token (from ``tokens_at``) is in the genitive: «закона Яровой», not «законе
    Президент заявил»."""
    if located is None:
        return False
    tokens, i = located
    return tokens[i].feats.get("Case") == "Gen"


def _place_after(text: str, end: int, places: dict[int, int]) -> int | None:
    """The end of the country or place named right after a law («Конституции Испании»)."""
    return places.get(end + 1) if text[end : end + 1] == " " else None


def tokens_at(analysis) -> dict:
    """Token start offset -> (its sentence's tokens, its index)."""
    return {
        token.start: (sentence.tokens, i)
        for sentence in analysis.sentences
        for i, token in enumerate(sentence.tokens)
    }


def _law_end(text: str, end: int, tokens_at: dict) -> int | None:
    """Where the law's name ends: a quoted title, or «о/об» and a noun phrase."""
    title = _TITLE.match(text, end)
    if title:
        return title.end()
    subject = _SUBJECT.match(text, end)
    if subject is None:
        return None
    from pledgewatch.extract.crimes import _phrase

    located = tokens_at.get(subject.end())
    if located is None:
        return None
    tokens, i = located
    head, phrase_end = _phrase(tokens, i)
    if head is None:
        return None
    return _complements_end(tokens, phrase_end)


# Prepositions that open a complement of a law's subject («о слежке за абонентами», «о
# нормализации торговых отношений с Россией», «о сносе домов в Москве»).
_LAW_PREPOSITIONS = frozenset({"за", "с", "на", "в", "по", "для", "против", "от", "к"})


def _complements_end(tokens: list, end: int) -> int:
    """Where a law's subject ends once its complements are taken in: genitives, proper
    names included («о возвращении Конституции Украины»), and up to two prepositional
    phrases."""
    from pledgewatch.extract.crimes import _phrase

    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    prepositions = 0
    while k < len(tokens):
        token = tokens[k]
        if token.pos in ("NOUN", "PROPN", "ADJ") and token.feats.get("Case") == "Gen":
            end, k = (token.end if token.pos != "ADJ" else end), k + 1
            continue
        if token.text in _LAW_PREPOSITIONS and prepositions < 2 and k + 1 < len(tokens):
            nxt = tokens[k + 1]
            head, sub_end = _phrase(tokens, k + 1)
            if head is None and nxt.pos == "PROPN":
                head, sub_end = k + 1, nxt.end
            if head is not None:
                end, prepositions = sub_end, prepositions + 1
                k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
                continue
        break
    return end


def _country(text: str) -> str | None:
    for code, body in COUNTRIES.items():
        if re.fullmatch(body, text, re.IGNORECASE):
            return code
    return None


def _entity(doc: DocumentContext, name: str, country: str | None, code: str = "") -> str:
    return doc.add_entity(
        EntityDraft(
            f"instrument:law:{country or '-'}:{code or match_key(name)}",
            "instrument",
            name,
            country,
            attributes={"kind": "law"},
        )
    )


def _add(doc: DocumentContext, start: int, end: int, key: str) -> None:
    for span in doc.spans:
        if (
            span.type == "instrument"
            and span.entity != key
            and span.start < end
            and start < span.end
        ):
            return  # a reference instrument is named here
        if span.type in ("person", "organization") and span.start <= start and end <= span.end:
            return  # part of a name («Конституционный суд»)
    doc.add_span("instrument", start, end, key)
