"""Laws named as a whole: a code («УК РФ», «Уголовного кодекса», «КоАП»), a constitution
(«Конституции», «Конституции США») and a law by its subject («закон о повышении
пенсионного возраста», «Федеральному закону «О полиции»», «закона Яровой»).

In the data model a law as a whole is an ``instrument`` (kind ``law``); an article of it is
a ``legal_provision``. A code written inside an article reference («статьи 174 УК РК») is
a mention of the code too, nested in the provision's mention, as NEREL annotates it.
Instruments of the reference data (``add_instruments``) win: a law span never overlaps one.
"""

from __future__ import annotations

import re

from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.grammars.provisions import COUNTRIES
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.translit import match_key

_COUNTRY = "|".join(COUNTRIES.values())
_CODE = re.compile(
    r"(?<![\w-])(?P<code>(?P<cc>УК|Уголовн(?:ого|ый|ому|ым|ом)\s+[Кк]одекс(?:а|у|ом|е)?)"
    r"|(?P<ac>КоАП|КОАП|КРКоАП))(?![\w-])"
    rf"(?:\s+(?P<country>{_COUNTRY})(?![\w-]))?"
)
_CONSTITUTION = re.compile(r"(?<![\w-])[Кк]онституци(?:я|и|ю|ей|е)(?![\w-])")
_LAW = re.compile(
    r"(?<![\w-])(?:(?:[Фф]едеральн|[Кк]онституционн)\w+\s+)*(?:[Зз]акон(?:|а|у|ом|е)"
    r"|[Зз]аконопроект(?:|а|у|ом|е))(?![\w-])"
)
_TITLE = re.compile(r"\s*(?:№\s*[\w-]+\s*)?«[^«»\n]{3,200}»")
_SUBJECT = re.compile(r"\s+об?\s+")
_NAMES = {"CC": ("Уголовный кодекс", "Criminal Code"), "AC": ("КоАП", "Administrative Code")}


def add_laws(doc: DocumentContext, tokens_at: dict) -> None:
    from pledgewatch.extract.mentions import _sentence_country

    places = {}
    for span in doc.spans:
        if span.type in ("country", "location"):
            places[span.start] = max(places.get(span.start, 0), span.end)
    for match in _CODE.finditer(doc.text):
        kind = "CC" if match.group("cc") else "AC"
        country_text = match.group("country")
        country = _country(country_text) if country_text else None
        country = country or _sentence_country(doc, match.start())
        name = f"{_NAMES[kind][0]} ({country})" if country else _NAMES[kind][0]
        key = _entity(doc, name, country, kind)
        _add(doc, match.start(), match.end("code"), key)
        if country_text:
            _add(doc, match.start(), match.end(), key)
    for match in _CONSTITUTION.finditer(doc.text):
        end = match.end()
        after = places.get(end + 1) if doc.text[end : end + 1] == " " else None
        country = _sentence_country(doc, match.start())
        key = _entity(doc, f"Конституция ({country})" if country else "Конституция", country)
        _add(doc, match.start(), end, key)
        if after is not None:
            _add(doc, match.start(), after, key)
    for match in _LAW.finditer(doc.text):
        end = _law_end(doc.text, match.end(), tokens_at)
        if end is None:
            continue
        text = " ".join(doc.text[match.start() : end].split())
        key = _entity(doc, text, _sentence_country(doc, match.start()))
        _add(doc, match.start(), end, key)


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
    return phrase_end if head is not None else None


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
