"""The resolve stage: entity drafts of one document -> stored entities.

A draft with a reference-data id is the entity of that id. Any other draft is matched by
the script-independent key of its name against the aliases of stored entities of the same
type (and, for people, a compatible country), so «Марат Жыланбаев» from one document and
"Marat Zhylanbayev" from another land on one record. Nothing is merged destructively here:
entities are only created or extended with aliases.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgewatch.extract.document import short_hash
from pledgewatch.extract.types import EntityDraft, Extraction
from pledgewatch.resolve.names import name_key
from pledgewatch.resolve.translit import match_key
from pledgewatch.store.models import Alias, Entity

_PREFIX = {
    "person": "per",
    "organization": "org",
    "country": "cty",
    "location": "loc",
    "legal_provision": "law",
    "commitment": "cmt",
    "instrument": "ins",
}


def alias_key(entity_type: str, name: str) -> str:
    return name_key(name) if entity_type == "person" else match_key(name)


def entity_id(entity_type: str, identity: str) -> str:
    return f"{_PREFIX[entity_type]}_{short_hash(entity_type, identity)}"


def resolve(session: Session, extraction: Extraction) -> dict[str, Entity]:
    """Stored entity for each draft key of the extraction (created where none matches)."""
    return {key: resolve_draft(session, draft) for key, draft in extraction.entities.items()}


def resolve_draft(session: Session, draft: EntityDraft) -> Entity:
    entity = _find(session, draft)
    if entity is None:
        identity = draft.ref or alias_key(draft.type, draft.name)
        entity = Entity(
            id=entity_id(draft.type, identity),
            type=draft.type,
            name=draft.name,
            country=draft.country,
            attributes=dict(draft.attributes),
            ref=draft.ref,
            created_at=datetime.now(UTC),
        )
        session.add(entity)
        session.flush()
    else:
        if entity.country is None and draft.country:
            entity.country = draft.country
        merged = {**draft.attributes, **(entity.attributes or {})}
        if merged != entity.attributes:
            entity.attributes = merged
    _add_aliases(session, entity, [draft.name, *draft.aliases])
    return entity


def _find(session: Session, draft: EntityDraft) -> Entity | None:
    if draft.ref:
        return session.scalars(select(Entity).where(Entity.ref == draft.ref)).first()
    keys = {alias_key(draft.type, name) for name in [draft.name, *draft.aliases]}
    keys.discard("")
    if not keys:
        return None
    candidates = session.scalars(
        select(Entity)
        .join(Alias, Alias.entity_id == Entity.id)
        .where(Entity.type == draft.type, Alias.key.in_(keys))
        .order_by(Entity.created_at, Entity.id)
    ).unique()
    for entity in candidates:
        if draft.country and entity.country and draft.country != entity.country:
            continue  # the same name in two countries needs more than the name
        return entity
    return None


def _add_aliases(session: Session, entity: Entity, names: list[str]) -> None:
    known = {a.name for a in entity.aliases}
    for name in names:
        name = " ".join(name.split())
        if name and name not in known:
            known.add(name)
            entity.aliases.append(Alias(name=name, key=alias_key(entity.type, name)))


def known_person_lookup(session: Session):
    """For English extraction: match key of a name -> (canonical name, country)."""

    def lookup(key: str) -> tuple[str, str | None] | None:
        row = session.execute(
            select(Entity.name, Entity.country)
            .join(Alias, Alias.entity_id == Entity.id)
            .where(Entity.type == "person", Alias.key == key)
            .order_by(Entity.created_at, Entity.id)
            .limit(1)
        ).first()
        return (row.name, row.country) if row else None

    return lookup
