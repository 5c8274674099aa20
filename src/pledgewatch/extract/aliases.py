"""Aliases a document states outright.

«Айгерим Тлеужан (по документам — Тлеужанова)», «Бияш, по документам — Бияш Жумабаева»,
"Marat Zhylanbayev, also known as …", «Фонд «Аманат», ранее — «Нур Отан»»: the document
says that two names are one person or one organization. Both names become one entity
draft (the other name recorded as an alias, its mention pointing to the same entity), so
that resolve stores one record with both spellings and finds it by either later.

Only a phrase that states identity counts, and only right after the name (a comma or an
opening bracket between): «по делу Бияш» or «по словам Бияш» say nothing about names. A
bare bracket, «Тлеужан (Тлеужанова)», counts only for a form of the same surname, as
brackets hold many other things (an age, a city, a party).
"""

from __future__ import annotations

import re

from pledgewatch.extract.document import DocumentContext, Span
from pledgewatch.extract.types import EntityDraft
from pledgewatch.resolve.match import is_gender_pair, token_similarity
from pledgewatch.resolve.names import PersonName, is_person_name_like, normalize_person_name
from pledgewatch.resolve.translit import cyr_to_lat, has_cyrillic, match_key

# Phrases that name the surname alone: the one word after them replaces the surname.
_SURNAME_CUES = (
    r"урожд[её]нн(?:ая|ой|ую|ый|ого|ому)|в\s+девичестве|девичья\s+фамилия|"
    r"настоящая\s+фамилия|n[ée]e"
)
_PERSON_CUES = (
    r"по\s+(?:документам|паспорту)|в\s+(?:документах|паспорте)|"
    r"(?:также\s+)?известн(?:ый|ая|ого|ой|ому|ым|ую)\s+(?:как|под\s+именем)|"
    r"в\s+(?:некоторых|других|ряде)\s+(?:источниках|публикаций|публикациях|СМИ)|"
    r"настоящее\s+имя|он\s+же|она\s+же|"
    r"(?:also\s+)?known\s+as|a\.\s?k\.\s?a\.|aka|also\s+(?:spelled|spelt|written)(?:\s+as)?|"
    r"real\s+name|" + _SURNAME_CUES
)
_ORGANIZATION_CUES = (
    r"(?:также\s+)?известн(?:ый|ая|ое|ого|ой|ому|ым|ую)\s+как|ранее|прежде|бывш(?:ее|ий|ая|\.)|"
    r"(?:also\s+)?known\s+as|formerly|previously|a\.\s?k\.\s?a\."
)
_DASH = r"\s*(?:[—–:-]\s*)?"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲҶ"
_NAME_WORD = rf"[{_UPPER}][\w'’ʻ-]*"
# Lower-case particles inside a name: "Jan van der Berg", "Abu Bakr al-Baghdadi", «Абу
# Бакр аль-Багдади», «Мохаммед бин Салман».
_PARTICLE = (
    r"(?:van|von|der|den|de|du|da|di|del|della|le|la|bin|ben|ibn|al|el|ad|ar|as|ash|at|az"
    r"|ван|фон|дер|де|ди|да|дель|ле|ла|бин|бен|ибн|аль|эль|ад|ар|ас|аш|ат|уль)"
)
# 1-4 capitalised words, particles between them, optionally quoted, then the end of the
# phrase
_NAME_RUN = (
    rf"[«\"“]?(?P<name>{_NAME_WORD}(?:\s(?:{_PARTICLE}[\s-])*{_NAME_WORD}){{0,3}})[»\"”]?"
    r"(?=\s*[),.;:!?]|\s+[a-zа-яё]|\s*$)"
)

_PERSON_STATED = re.compile(
    rf"(?:\s*[(,]\s*|\s+(?=(?:{_SURNAME_CUES})\s))(?P<cue>{_PERSON_CUES}){_DASH}{_NAME_RUN}",
)
_BRACKETED_WORD = re.compile(rf"\s*\(\s*(?P<name>{_NAME_WORD})\s*\)")
_ORGANIZATION_STATED = re.compile(
    rf"[»\"”)]*\s*[(,]\s*(?P<cue>{_ORGANIZATION_CUES}){_DASH}(?P<quote>[«\"“]?)"
)
_QUOTED = re.compile(r"«[^«»\n]{2,80}»|\"[^\"\n]{2,80}\"|“[^“”\n]{2,80}”")
_ACRONYM = re.compile(rf"[{_UPPER}][{_UPPER}\d&-]{{1,9}}\b")
_SURNAME_CUE = re.compile(_SURNAME_CUES, re.IGNORECASE)


def add_stated_aliases(doc: DocumentContext) -> None:
    """Joins each person or organization to the other name the document gives it."""
    for span in _last_spans(doc, "person"):
        _person_alias(doc, span)
    for span in _last_spans(doc, "organization"):
        _organization_alias(doc, span)


def _last_spans(doc: DocumentContext, type: str) -> list[Span]:
    """The longest span of the type ending at each offset (an organization and its
    nested parts end together), in text order."""
    by_end: dict[int, Span] = {}
    for span in doc.spans:
        if span.type == type and span.entity:
            known = by_end.get(span.end)
            if known is None or span.start < known.start:
                by_end[span.end] = span
    return [by_end[end] for end in sorted(by_end)]


# --- persons -------------------------------------------------------------------------------


def _person_alias(doc: DocumentContext, span: Span) -> None:
    primary = doc.entity(span.entity)
    stated = _PERSON_STATED.match(doc.text, span.end)
    if stated is not None:
        surname_only = bool(_SURNAME_CUE.fullmatch(stated.group("cue")))
        name = _alias_name(primary.name, stated.group("name"), surname_only)
    else:
        stated = _BRACKETED_WORD.match(doc.text, span.end)
        if stated is None or has_cyrillic(stated.group()) != has_cyrillic(primary.name):
            return  # a Latin spelling in brackets is the mentions' business
        name = _alias_name(primary.name, stated.group("name"), surname_only=False)
        if name is not None and not _same_family(primary.name, name):
            return
    start, end = stated.span("name")
    if not _name_like(name) or doc.covered(start, end, ("organization", "country", "location")):
        return
    _join(doc, span.entity, start, end, "person", _with_latin(name))


def _name_like(name: str | None) -> bool:
    """Not "Alga's" of "known as Alga's leader", nor "The Guardian" of "known as The
    Guardian's source": a Latin name of several words must look like a person's."""
    if not name or re.search(r"['’]s\b", name):
        return False
    words = _PARTICLES.sub("", name)  # "Abu Bakr al-Baghdadi" is judged as "Abu Bakr Baghdadi"
    return has_cyrillic(name) or len(name.split()) == 1 or is_person_name_like(words)


_PARTICLES = re.compile(rf"(?<=\s){_PARTICLE}(?:\s+|-)", re.IGNORECASE)


def _alias_name(primary: str, stated: str, surname_only: bool) -> str | None:
    """The full form of the stated name. A surname alone takes the first name of the
    person it follows (Айгерим Тлеужан, «по документам — Тлеужанова» → Айгерим
    Тлеужанова); any other word alone (a pseudonym) stays as it is."""
    if len(stated.split()) == 1:
        person = normalize_person_name(primary)
        if person.first and person.last:
            joined = normalize_person_name(f"{person.first} {stated}")
            if joined.last and (surname_only or _related_surnames(person.last, joined.last)):
                return PersonName(person.first, joined.last, person.patronymic).full
    return normalize_person_name(stated).full or None


def _related_surnames(a: str, b: str) -> bool:
    """Forms of one surname: Тлеужан/Тлеужанова, Бекова/Беков, Елшибаев/Ельшибаев."""
    ka, kb = match_key(a), match_key(b)
    return bool(ka and kb) and (is_gender_pair(ka, kb) or token_similarity(ka, kb) >= 0.85)


def _same_family(primary: str, alias: str) -> bool:
    first = normalize_person_name(primary)
    other = normalize_person_name(alias)
    return bool(first.last and other.last) and _related_surnames(first.last, other.last)


def _with_latin(name: str) -> list[str]:
    return [name, cyr_to_lat(name)] if has_cyrillic(name) else [name]


# --- organizations ---------------------------------------------------------------------------


def _organization_alias(doc: DocumentContext, span: Span) -> None:
    stated = _ORGANIZATION_STATED.match(doc.text, span.end)
    if stated is None:
        return
    at = stated.end() - len(stated.group("quote"))
    start, end, name = _organization_name_at(doc, at)
    if name is None:
        return
    _join(doc, span.entity, start, end, "organization", [name])


def _organization_name_at(doc: DocumentContext, at: int) -> tuple[int, int, str | None]:
    """An organization span starting at ``at`` (inside its quotes or not), else a quoted
    name or an acronym there."""
    for span in doc.spans:
        if span.type == "organization" and span.entity and at <= span.start <= at + 1:
            return span.start, span.end, doc.entity(span.entity).name
    for pattern in (_QUOTED, _ACRONYM):
        match = pattern.match(doc.text, at)
        if match:
            return match.start(), match.end(), match.group().strip('«»"“”')
    return at, at, None


# --- joining ---------------------------------------------------------------------------------


def _join(
    doc: DocumentContext, key: str, start: int, end: int, type: str, names: list[str]
) -> None:
    """One entity for the entity of ``key`` and the stated name at ``start:end``. A draft
    already mentioned there is folded into the better of the two (``_survivor``) and every
    mention follows; the names of the stated draft itself are dropped for ``names``, the
    full forms (its draft may be a surname alone, read as the wrong gender)."""
    others = {s.entity for s in doc.spans if s.type == type and s.entity and s.start == start}
    others.discard(key)
    if len(others) > 1:
        return
    if not others:
        _add_aliases(doc.entity(key), names)
        doc.add_span(type, start, end, key)
        return
    keep, drop = _survivor(doc, key, others.pop())
    if keep is None:
        return
    if drop == key:  # «Бияш, по документам — Бияш Жумабаева»: the full name is kept
        names = [*names, *_other_full_forms(doc.entity(key), doc.entity(keep))]
    _add_aliases(doc.entity(keep), names)
    for span in doc.spans:
        if span.entity == drop:
            span.entity = keep


def _other_full_forms(folded: EntityDraft, kept: EntityDraft) -> list[str]:
    """The folded draft's names, less a bare part of the kept name: «Бияш» of Бияш
    Жумабаева is her first name, and a first name alone as an alias would draw other
    documents' Бияш to her."""
    words = set(kept.name.split())
    return [n for n in (folded.name, *folded.aliases) if not set(n.split()) <= words]


def _add_aliases(draft: EntityDraft, names: list[str]) -> None:
    for name in names:
        if name != draft.name and name not in draft.aliases:
            draft.aliases.append(name)


def _survivor(doc: DocumentContext, a: str, b: str) -> tuple[str | None, str | None]:
    """(kept, folded): a reference-data entity wins; two of them stay apart (the reference
    data knows better than one sentence); otherwise the longer name wins, ``a`` on a tie."""
    first, second = doc.entity(a), doc.entity(b)
    if first.ref and second.ref:
        return None, None
    if second.ref or (not first.ref and len(second.name.split()) > len(first.name.split())):
        return b, a
    return a, b
