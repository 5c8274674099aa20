"""Full-text search that finds inflected and transliterated forms.

Each document is indexed as *terms*: for every word its lemma and the script-independent
match key of that lemma (and of the word itself, for names the dictionary does not know),
so «Жыланбаев», «Жыланбаева» and "Zhylanbayev" all reach a text that says «Жыланбаева».
Queries go through the same analysis. Entities are also found by their aliases, and a
document that mentions a found entity is a hit even where the words differ. A record merged
into another (resolve/judgements.py) is found as the record it now belongs to, and the
documents of every record in that merge count as its documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from pledgewatch.resolve.translit import match_key
from pledgewatch.store.models import Alias, Document, Entity, Mention

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _morph():
    from pledgewatch.resolve.names import morph

    return morph()  # one analyser per process (each costs ~19 MB)


@lru_cache(maxsize=200_000)  # bounded: a long ingest meets new words without end
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one word: lowercase form, lemma(s), and their match keys."""
    return _lowercase_terms(word.lower().replace("ё", "е"))


@lru_cache(maxsize=200_000)  # «Суд», «суд» and «СУД» are analysed once
def _lowercase_terms(lower: str) -> tuple[str, ...]:
    terms = {lower}
    if any("а" <= c <= "я" for c in lower):
        for parse in _morph().parse(lower)[:2]:
            terms.add(parse.normal_form.replace("ё", "е"))
    for term in list(terms):
        key = match_key(term)
        if key:
            terms.add(key)
    return tuple(sorted(t for t in terms if t))


def document_terms(text: str) -> str:
    """Each distinct word once: a word's terms are already in when it recurs. The terms
    in the order they first occur, each once (``dict.fromkeys`` keeps the first)."""
    words = dict.fromkeys(_WORD.findall(text))
    return " ".join(dict.fromkeys(chain.from_iterable(map(word_terms, words))))


def _query_groups(query: str) -> list[tuple[str, ...]]:
    return [word_terms(m.group()) for m in _WORD.finditer(query)]


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@dataclass
class DocumentHit:
    document: Document
    passage: str


def search_documents(session: Session, query: str, limit: int = 50) -> list[DocumentHit]:
    groups = _query_groups(query)
    if not groups:
        return []
    ids = set(_fulltext_ids(session, groups, limit * 4))
    members = member_ids(session, search_entities(session, query, limit=20))
    if members:
        ids.update(
            session.scalars(
                select(Mention.document_id).where(Mention.entity_id.in_(members)).distinct()
            )
        )
    if not ids:
        return []
    documents = session.scalars(
        select(Document)
        .where(Document.id.in_(ids))
        .order_by(Document.published.desc().nulls_last(), Document.id)
        .limit(limit)
    ).all()
    return [DocumentHit(d, matching_passage(d.text, groups)) for d in documents]


def _fulltext_ids(session: Session, groups, limit: int) -> list[str]:
    if session.bind.dialect.name == "sqlite":
        expression = " AND ".join(
            "(" + " OR ".join(_fts_quote(t) for t in group) + ")" for group in groups
        )
        rows = session.execute(
            text("SELECT document_id FROM search_fts WHERE search_fts MATCH :q LIMIT :n"),
            {"q": expression, "n": limit},
        )
    else:
        expression = " & ".join(
            "(" + " | ".join(_pg_quote(t) for t in group) + ")" for group in groups
        )
        rows = session.execute(
            text(
                "SELECT document_id FROM search_text "
                "WHERE to_tsvector('simple', terms) @@ to_tsquery('simple', :q) LIMIT :n"
            ),
            {"q": expression, "n": limit},
        )
    return [row[0] for row in rows]


def _pg_quote(term: str) -> str:
    return "'" + term.replace("'", "''").replace("\\", "") + "'"


def search_entities(session: Session, query: str, limit: int = 20) -> list[Entity]:
    """Entities whose name or alias has the query's words (any case form, any script), each
    merged record once, as the record it was merged into."""
    return _survivors(session, _matching_entities(session, query, limit))[:limit]


def member_ids(session: Session, entities: list[Entity]) -> list[str]:
    """The ids of every record merged into ``entities`` (theirs included): the ids their
    mentions are stored under."""
    from pledgewatch.resolve.judgements import load_resolution

    resolution = load_resolution(session)
    return list(dict.fromkeys(m for e in entities for m in resolution.members(e.id)))


def _survivors(session: Session, entities: list[Entity]) -> list[Entity]:
    """``entities`` with each absorbed record replaced by its survivor, in order, once."""
    from pledgewatch.resolve.judgements import load_resolution

    resolution = load_resolution(session)
    wanted = list(dict.fromkeys(resolution.canonical_id(e.id) for e in entities))
    loaded = {e.id: e for e in entities}
    missing = [i for i in wanted if i not in loaded]
    if missing:
        loaded.update(
            (e.id, e) for e in session.scalars(select(Entity).where(Entity.id.in_(missing)))
        )
    return [loaded[i] for i in wanted if i in loaded]


def _matching_entities(session: Session, query: str, limit: int) -> list[Entity]:
    from pledgewatch.resolve.names import name_key

    keys = {match_key(query), name_key(query)}
    keys.discard("")
    entities = session.scalars(
        select(Entity)
        .where(Entity.id.in_(select(Alias.entity_id).where(Alias.key.in_(keys))))
        .order_by(Entity.id)
        .limit(limit)
    ).all()
    if entities:
        return list(entities)
    # one word (a surname alone, in any case form): any alias with that word among its words
    words = [w for w in query.split() if len(w) > 2]
    if len(words) != 1:
        return []
    wanted = {match_key(words[0]), name_key(words[0])} - {""}
    if not wanted:
        return []
    candidates = session.scalars(
        select(Entity)
        .where(
            Entity.id.in_(
                select(Alias.entity_id).where(or_(*(Alias.key.like(f"%{k}%") for k in wanted)))
            )
        )
        .order_by(Entity.id)
        .limit(limit * 5)
    ).all()
    return [
        e
        for e in candidates
        if any(wanted & {match_key(w) for w in a.name.split()} for a in e.aliases)
    ][:limit]


def matching_passage(text_: str, groups, width: int = 240) -> str:
    """The first stretch of text with a word of the query, for the results list."""
    wanted = {t for group in groups for t in group}
    for match in _WORD.finditer(text_):
        if wanted.intersection(word_terms(match.group())):
            start = max(0, match.start() - width // 3)
            end = min(len(text_), match.end() + 2 * width // 3)
            prefix = "…" if start else ""
            suffix = "…" if end < len(text_) else ""
            return prefix + " ".join(text_[start:end].split()) + suffix
    return " ".join(text_[:width].split()) + ("…" if len(text_) > width else "")


def count_documents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0
