"""The resolve stage: entity drafts of one document -> stored entities, and the resolver's
merge judgements between stored records.

A draft with a reference-data id is the entity of that id. Any other draft is the stored
entity with the same match key of one of its names (and, for people, a compatible
country), so «Марата Жыланбаева» and "Marat Zhylanbayev" land on one record. Drafts of one
document that name one person differently («Айгерим Тлеужан», «Айгерим Тлеужанову»,
«М. Жыланбаев» next to «Марат Жыланбаев») become one entity with both forms as aliases.

A new person or organization is then compared (``match.compare_persons``) with the stored
records that share a block key; the resolver records 'same' at or above ``AUTO_MERGE``
and 'unsure' in the review band (``judgements``). Entities are never merged in place:
export, show and the web app read the clusters from the judgement log, so a researcher
can split or join records and the decision survives re-ingesting and ``resolve_all``.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import Engine, bindparam, delete, inspect, select
from sqlalchemy.orm import Session, make_transient_to_detached, selectinload

from pledgewatch.extract.document import short_hash
from pledgewatch.extract.types import EntityDraft, Extraction
from pledgewatch.resolve.judgements import (
    NOT_SAME,
    RESOLVER,
    SAME,
    UNSURE,
    Decision,
    Resolution,
    load_resolution,
    record_judgement,
)
from pledgewatch.resolve.match import (
    AUTO_MERGE,
    REVIEW,
    MatchContext,
    OrganizationRecord,
    PersonRecord,
    block_keys,
    compare_organizations,
    compare_persons,
    organization_block_keys,
    organization_key,
)
from pledgewatch.resolve.names import name_key
from pledgewatch.resolve.translit import match_key
from pledgewatch.store.models import Alias, Entity, EntityBlock, Fact, Judgement, Mention

_PREFIX = {
    "person": "per",
    "organization": "org",
    "country": "cty",
    "location": "loc",
    "legal_provision": "law",
    "commitment": "cmt",
    "instrument": "ins",
}
MATCHED_TYPES = ("person", "organization")


@lru_cache(maxsize=65536)  # asked for every name of every draft, several times a document
def alias_key(entity_type: str, name: str) -> str:
    """The key aliases are looked up by: order-, case-form- and script-independent for
    people, without quotes and legal form for organizations."""
    if entity_type == "person":
        return name_key(name)
    if entity_type == "organization":
        return organization_key(name)
    return match_key(name)


def _identity_key(entity_type: str, name: str) -> str:
    # what ids were derived from before organization keys dropped legal forms: kept so
    # that re-ingesting gives the ids it always gave
    return name_key(name) if entity_type == "person" else match_key(name)


def entity_id(entity_type: str, identity: str) -> str:
    return f"{_PREFIX[entity_type]}_{short_hash(entity_type, identity)}"


def entity_blocks(entity_type: str, names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if entity_type == "person":
            keys |= block_keys(name)
        elif entity_type == "organization":
            keys |= organization_block_keys(name)
    return keys


# --- one document ---------------------------------------------------------------------------


@dataclass
class _DocumentState:
    """One document's resolution. What the database holds for the document's drafts is read
    up front, in a few queries for all of them (``_load_state``); what the resolution adds
    is kept here and written at the end (``_write_state``), aliases and blocks in one
    statement each. Nothing is flushed in between, so what was read stays the answer."""

    stored_by_key: dict[str, list[Entity]] = field(default_factory=dict)  # alias key -> entities
    rank: dict[str, int] = field(default_factory=dict)  # stored entity id -> oldest first
    stored_by_ref: dict[str, Entity] = field(default_factory=dict)
    asked_ids: set[str] = field(default_factory=set)  # the drafts' content ids, looked up
    taken_ids: set[str] = field(default_factory=set)  # those of them that are stored
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> {name: key}
    blocks: dict[str, set[str]] = field(default_factory=dict)  # id -> blocking keys
    by_key: dict[tuple[str, str], Entity] = field(default_factory=dict)  # resolved here
    new_ids: set[str] = field(default_factory=set)
    new_entities: list[Entity] = field(default_factory=list)  # inserted by _write_state
    alias_rows: list[dict] = field(default_factory=list)
    block_rows: list[dict] = field(default_factory=list)


def resolve(session: Session, extraction: Extraction) -> dict[str, Entity]:
    """Stored entity for each draft key of the extraction (created where none matches);
    new people and organizations are compared with the records they may be."""
    groups = _same_person_in_document(extraction)
    drafts: dict[str, EntityDraft] = {}
    for key, draft in extraction.entities.items():
        if groups.get(key, key) != key:
            continue
        others = [extraction.entities[k] for k, rep in groups.items() if rep == key and k != key]
        if others:
            names = [n for d in others for n in (d.name, *d.aliases)]
            draft = replace(draft, aliases=[*draft.aliases, *names])
        drafts[key] = draft
    entities: dict[str, Entity] = {}
    created: list[tuple[str, Entity]] = []
    with session.no_autoflush:  # one flush per document, not one per query
        state = _load_state(session, list(drafts.values()))
        for key, draft in drafts.items():
            entity, new = _resolve_draft(session, draft, state)
            entities[key] = entity
            if new and entity.type in MATCHED_TYPES:
                created.append((key, entity))
    _write_state(session, state)
    for key, rep in groups.items():
        entities[key] = entities[rep]
    if created:
        _match_new_entities(session, created, extraction, entities, state)
    return entities


def resolve_draft(session: Session, draft: EntityDraft) -> Entity:
    """The stored entity of one draft (created where none matches)."""
    with session.no_autoflush:
        state = _load_state(session, [draft])
        entity = _resolve_draft(session, draft, state)[0]
    _write_state(session, state)
    return entity


# The queries asked for every document, built once: building a select costs about as much
# as running it on a small database. ``ids``/``keys`` take a list of values. Those that
# read plain values are written on the tables' columns (``_ENTITIES``, ``_ALIASES``,
# ``_BLOCKS``), not the mapped classes: a Core select skips the ORM's work for each
# statement (its result rows are the same tuples).
_ENTITIES, _ALIASES, _BLOCKS = Entity.__table__.c, Alias.__table__.c, EntityBlock.__table__.c
_ENTITIES_BY_ALIAS_KEY = (
    select(Entity, Alias.key)
    .join(Alias, Alias.entity_id == Entity.id)
    .where(Alias.key.in_(bindparam("keys", expanding=True)))
    .order_by(Entity.created_at, Entity.id)
)
_ENTITIES_BY_REF = select(Entity).where(Entity.ref.in_(bindparam("keys", expanding=True)))
_STORED_IDS = select(_ENTITIES.id).where(_ENTITIES.id.in_(bindparam("ids", expanding=True)))
_ALIASES_OF = select(_ALIASES.entity_id, _ALIASES.name, _ALIASES.key).where(
    _ALIASES.entity_id.in_(bindparam("ids", expanding=True))
)
_BLOCKS_OF = select(_BLOCKS.entity_id, _BLOCKS.block).where(
    _BLOCKS.entity_id.in_(bindparam("ids", expanding=True))
)
_BLOCK_HOLDERS = (
    select(_BLOCKS.block, _BLOCKS.entity_id, _ENTITIES.type)
    .join(Entity.__table__, _ENTITIES.id == _BLOCKS.entity_id)
    .where(_BLOCKS.block.in_(bindparam("keys", expanding=True)))
)
_ALIAS_NAMES_OF = select(_ALIASES.entity_id, _ALIASES.name).where(
    _ALIASES.entity_id.in_(bindparam("ids", expanding=True))
)
_ORGANIZATIONS_WITH_ALIASES = (
    select(_ENTITIES.id, _ENTITIES.name, _ENTITIES.country, _ENTITIES.ref, _ALIASES.name)
    .outerjoin(Alias.__table__, _ALIASES.entity_id == _ENTITIES.id)
    .where(_ENTITIES.id.in_(bindparam("ids", expanding=True)))
)
# Core inserts of many rows in one statement (the ORM's bulk insert adds its own work)
_INSERT_ALIASES = Alias.__table__.insert()
_INSERT_BLOCKS = EntityBlock.__table__.insert()


def _load_state(session: Session, drafts: list[EntityDraft]) -> _DocumentState:
    """The stored entities the drafts may be (by alias key or reference id), with their
    aliases and blocks, and which of the drafts' content ids are taken: five queries."""
    state = _DocumentState()
    keys = set().union(*(_lookup_keys(d) for d in drafts if not d.ref))
    if keys:
        rows = session.execute(_ENTITIES_BY_ALIAS_KEY, {"keys": list(keys)})
        for entity, key in rows:
            state.rank.setdefault(entity.id, len(state.rank))
            state.stored_by_key.setdefault(key, []).append(entity)
    refs = {d.ref for d in drafts if d.ref}
    if refs:
        state.stored_by_ref = {
            e.ref: e for e in session.scalars(_ENTITIES_BY_REF, {"keys": list(refs)})
        }
    state.asked_ids = {_content_id(d) for d in drafts}
    state.taken_ids = set(session.scalars(_STORED_IDS, {"ids": list(state.asked_ids)}))
    found = {e.id: e for es in state.stored_by_key.values() for e in es}
    found.update((e.id, e) for e in state.stored_by_ref.values())
    if found:
        state.aliases = {entity_id: {} for entity_id in found}
        for entity_id, name, key in session.execute(_ALIASES_OF, {"ids": list(found)}):
            state.aliases[entity_id][name] = key
        matched = [i for i, e in found.items() if e.type in MATCHED_TYPES]
        state.blocks = {entity_id: set() for entity_id in matched}
        if matched:
            for entity_id, block in session.execute(_BLOCKS_OF, {"ids": matched}):
                state.blocks[entity_id].add(block)
    return state


def _write_state(session: Session, state: _DocumentState) -> None:
    """Inserts the new entities and flushes the changed ones, then inserts the new aliases
    and blocks."""
    if state.new_entities:  # one Core statement: the unit of work costs more than the rows
        session.execute(Entity.__table__.insert(), [_entity_row(e) for e in state.new_entities])
        for entity in state.new_entities:  # stored now: the session holds them as loaded
            make_transient_to_detached(entity)
            session.add(entity)
        state.new_entities = []
    session.flush()
    if state.alias_rows:  # one statement each, not one ORM object per row
        session.execute(_INSERT_ALIASES, state.alias_rows)
        _expire_loaded_aliases(session, {row["entity_id"] for row in state.alias_rows})
    if state.block_rows:
        session.execute(_INSERT_BLOCKS, state.block_rows)


def _entity_row(entity: Entity) -> dict:
    """Every column of the entity's row, read off the table, so a column added to the model
    is never left out of this insert (``_resolve_draft`` sets them all)."""
    return {column.key: getattr(entity, column.key) for column in _ENTITY_COLUMNS}


_ENTITY_COLUMNS = tuple(Entity.__table__.columns)


def _expire_loaded_aliases(session: Session, entity_ids: set[str]) -> None:
    """An ``aliases`` collection a caller loaded before is reloaded on its next use, so it
    shows the aliases inserted past the ORM."""
    for entity in session.identity_map.values():
        if isinstance(entity, Entity) and entity.id in entity_ids:
            if "aliases" not in inspect(entity).unloaded:
                session.expire(entity, ["aliases"])


def _resolve_draft(
    session: Session, draft: EntityDraft, state: _DocumentState
) -> tuple[Entity, bool]:
    entity = _seen_in_document(draft, state) or _find(draft, state)
    created = entity is None
    if entity is None:
        entity = Entity(
            id=_free_id(session, draft, state),
            type=draft.type,
            name=draft.name,
            country=draft.country,
            attributes=dict(draft.attributes),
            ref=draft.ref,
            created_at=datetime.now(UTC),
        )
        state.new_entities.append(entity)  # inserted with the rest of the document
        state.new_ids.add(entity.id)
        state.aliases[entity.id] = {}
        state.blocks[entity.id] = set()
    else:
        if entity.country is None and draft.country:
            entity.country = draft.country
        merged = {**draft.attributes, **(entity.attributes or {})}
        if merged != entity.attributes:
            entity.attributes = merged
    added = _add_aliases(entity, [draft.name, *draft.aliases], state)
    for key in state.aliases[entity.id].values():
        state.by_key.setdefault((entity.type, key), entity)
    if entity.type in MATCHED_TYPES and (created or added):
        _add_blocks(entity, [entity.name, *added] if created else added, state)
    return entity, created


def _seen_in_document(draft: EntityDraft, state: _DocumentState) -> Entity | None:
    """An entity this document already resolved under one of the draft's names (its aliases
    are not written yet, so the database cannot answer)."""
    if draft.ref:
        return None  # reference ids are looked up directly
    for name in [draft.name, *draft.aliases]:
        entity = state.by_key.get((draft.type, alias_key(draft.type, name)))
        if entity is not None and not (
            draft.country and entity.country and draft.country != entity.country
        ):
            return entity
    return None


def _content_id(draft: EntityDraft) -> str:
    return entity_id(draft.type, draft.ref or _identity_key(draft.type, draft.name))


def _free_id(session: Session, draft: EntityDraft, state: _DocumentState) -> str:
    """The draft's content id; another person of the same name (another country) gets the
    id of its name and country, so the first keeps the id it always had."""
    identity = draft.ref or _identity_key(draft.type, draft.name)
    candidate = _content_id(draft)
    n = 0
    while candidate in state.new_ids or _is_stored(session, candidate, state):
        n += 1
        suffix = draft.country or "?"
        candidate = entity_id(draft.type, f"{identity}|{suffix}" + (f"|{n}" if n > 1 else ""))
    return candidate


def _is_stored(session: Session, entity_id: str, state: _DocumentState) -> bool:
    """Answered from what ``_load_state`` read; only a suffixed id (rare) costs a query."""
    if entity_id in state.asked_ids:
        return entity_id in state.taken_ids
    return session.get(Entity, entity_id) is not None


def _lookup_keys(draft: EntityDraft) -> set[str]:
    names = [draft.name, *draft.aliases]
    keys = {alias_key(draft.type, name) for name in names}
    if draft.type == "organization":
        keys |= {match_key(name) for name in names}  # keys stored before legal forms were dropped
    keys.discard("")
    return keys


def _find(draft: EntityDraft, state: _DocumentState) -> Entity | None:
    """The oldest stored entity of the draft's type with one of its keys (and a compatible
    country), or the one with its reference id."""
    if draft.ref:
        return state.stored_by_ref.get(draft.ref)
    candidates = {
        e.id: e
        for key in _lookup_keys(draft)
        for e in state.stored_by_key.get(key, ())
        if e.type == draft.type
    }
    for entity in sorted(candidates.values(), key=lambda e: state.rank[e.id]):
        if draft.country and entity.country and draft.country != entity.country:
            continue  # the same name in two countries needs more than the name
        return entity
    return None


def _add_aliases(entity: Entity, names: list[str], state: _DocumentState) -> list[str]:
    known = state.aliases[entity.id]
    added = []
    for name in names:
        name = " ".join(name.split())
        if name and name not in known:
            known[name] = alias_key(entity.type, name)
            state.alias_rows.append({"entity_id": entity.id, "name": name, "key": known[name]})
            added.append(name)
    return added


def _add_blocks(entity: Entity, names: list[str], state: _DocumentState) -> None:
    """Blocking keys of new names, minus those the entity has (stored, or added earlier in
    this document)."""
    have = state.blocks[entity.id]
    for block in sorted(entity_blocks(entity.type, names) - have):
        state.block_rows.append({"entity_id": entity.id, "block": block})
        have.add(block)


def _same_person_in_document(extraction: Extraction) -> dict[str, str]:
    """Draft key -> the key of the first draft in the document that is the same person
    («Айгерим Тлеужанову» and «Айгерим Тлеужан», «Мамай Ж.» and «Жанболат Мамай»)."""
    people = [
        (k, PersonRecord((d.name, *d.aliases), d.country))
        for k, d in extraction.entities.items()
        if d.type == "person" and not d.ref
    ]
    groups: dict[str, str] = {}
    context = MatchContext(same_document=True)
    for i, (key, record) in enumerate(people):
        if key in groups:
            continue
        for other_key, other_record in people[i + 1 :]:
            if other_key in groups:
                continue
            if compare_persons(record, other_record, context) >= AUTO_MERGE:
                groups[other_key] = key
    return groups


def _match_new_entities(
    session: Session,
    created: list[tuple[str, Entity]],
    extraction: Extraction,
    entities: dict[str, Entity],
    state: _DocumentState,
) -> None:
    """Compares each new person or organization with the stored records that share a block
    key, record by record (a merged record counts once, with all its names)."""
    _ensure_blocks(session)
    document_ids = {e.id for e in entities.values()}
    roles = _draft_roles(extraction)
    people_here = {name_key(d.name) for d in extraction.entities.values() if d.type == "person"}
    resolution: Resolution | None = None  # read when a new record first has candidates
    names_of = {e.id: _record_names(e.name, state.aliases[e.id]) for _, e in created}
    blocks_of = {e.id: entity_blocks(e.type, state.aliases[e.id] or [e.name]) for _, e in created}
    holders = _block_holders(session, set().union(*blocks_of.values()))
    records: dict[str, PersonRecord | OrganizationRecord] = {}  # survivor -> its record
    known_names: dict[str, tuple[str, ...]] = {}  # survivor -> its names, read once
    for key, entity in created:
        candidate_ids = {
            holder
            for block in blocks_of[entity.id]
            for holder, holder_type in holders.get(block, ())
            if holder_type == entity.type
        } - document_ids
        if not candidate_ids:
            continue
        if resolution is None:
            resolution = load_resolution(session)
        survivors = sorted({resolution.canonical_id(c) for c in candidate_ids})
        if entity.type == "person":
            own_key = name_key(entity.name)
            record = PersonRecord(
                names_of[entity.id],
                entity.country,
                frozenset(roles.get(key, ())),
                frozenset(people_here - {own_key}),
                entity.id,
            )
            # names first, from one query: the full record (roles, co-mentions: four
            # queries) only for candidates whose names alone could reach the review band
            unread = [s for s in survivors if s not in known_names]
            if unread:
                known_names.update(_names_of(session, resolution, unread))
            names = known_names
            promising = [
                s
                for s in survivors
                if compare_persons(
                    record, PersonRecord(names[s], None, frozenset(), frozenset(), s)
                )
                >= _NAMES_WORTH_A_LOOK
            ]
            for s in promising:
                if s not in records:
                    records[s] = _person_record(session, resolution, s)
            scored = [(compare_persons(record, records[s]), s) for s in promising]
        else:
            record = OrganizationRecord(names_of[entity.id], entity.country, entity.ref, entity.id)
            wanted = [s for s in survivors if s not in records]
            records.update(_organization_records(session, resolution, wanted))
            scored = [(compare_organizations(record, records[s]), s) for s in survivors]
        scored.sort(key=lambda x: (-x[0], x[1]))
        merged = False
        for score, survivor in scored:
            if score < REVIEW:
                break
            # one 'same' per new record: a record that matched two others must not bridge
            # records the resolver kept apart; the others wait for a researcher
            decision = SAME if score >= AUTO_MERGE and not merged else UNSURE
            merged = merged or decision == SAME
            record_judgement(
                session, survivor, entity.id, decision, decided_by=RESOLVER, score=score
            )


# Engines whose database was seen with a block for every record: the resolver writes blocks
# for each record it creates, so only a database upgraded to 0004 can lack them, and that
# upgrade happens before a process opens the store.
_FULLY_BLOCKED: weakref.WeakSet[Engine] = weakref.WeakSet()


def _ensure_blocks(session: Session) -> None:
    """Blocks for records stored before blocks existed (a database upgraded to 0004). The
    search runs until it finds none, then never again for that engine: it reads every person
    and organization, which grows with the database."""
    engine = session.get_bind()
    if engine in _FULLY_BLOCKED or session.info.get("pledgewatch.blocks_checked"):
        return
    session.info["pledgewatch.blocks_checked"] = True
    missing = session.scalars(
        select(Entity)
        .options(selectinload(Entity.aliases))
        .where(
            Entity.type.in_(MATCHED_TYPES),
            ~select(EntityBlock.entity_id).where(EntityBlock.entity_id == Entity.id).exists(),
        )
    ).all()
    if not missing:
        _FULLY_BLOCKED.add(engine)  # only once seen complete: a rolled-back fill is redone
        return
    for entity in missing:
        for block in sorted(entity_blocks(entity.type, _names(entity))):
            session.add(EntityBlock(entity_id=entity.id, block=block))
    session.flush()


def _draft_roles(extraction: Extraction) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = defaultdict(set)
    for fact in extraction.facts:
        if fact.type == "role" and fact.subject and fact.attributes.get("role"):
            roles[fact.subject].add(fact.attributes["role"])
    return roles


def _names(entity: Entity) -> tuple[str, ...]:
    return _record_names(entity.name, [a.name for a in entity.aliases])


def _record_names(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """The canonical name first, then the other aliases in a stable order."""
    return (name, *sorted(set(aliases) - {name}))


def _block_holders(session: Session, blocks: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Block key -> (entity id, entity type) of every stored entity with that key."""
    holders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if blocks:
        for block, holder, holder_type in session.execute(_BLOCK_HOLDERS, {"keys": list(blocks)}):
            holders[block].append((holder, holder_type))
    return holders


# compare_persons returns the bare name score below 0.5, where context is not consulted
_NAMES_WORTH_A_LOOK = 0.5


def _names_of(
    session: Session, resolution: Resolution, survivors: list[str]
) -> dict[str, tuple[str, ...]]:
    """Every name of every member of each survivor, in one query."""
    member_of = {m: s for s in survivors for m in resolution.members(s)}
    names: dict[str, list[str]] = {s: [] for s in survivors}
    rows = session.execute(_ALIAS_NAMES_OF, {"ids": list(member_of)})
    for entity_id, name in rows:
        bucket = names[member_of[entity_id]]
        if name not in bucket:
            bucket.append(name)
    return {s: tuple(n) for s, n in names.items()}


def _person_record(session: Session, resolution: Resolution, survivor: str) -> PersonRecord:
    ids = resolution.members(survivor)
    members = session.scalars(
        select(Entity).options(selectinload(Entity.aliases)).where(Entity.id.in_(ids))
    ).all()
    names: list[str] = []
    for member in sorted(members, key=lambda e: ids.index(e.id)):
        names += [n for n in _names(member) if n not in names]
    country = next((m.country for m in members if m.id == survivor and m.country), None)
    country = country or next((m.country for m in members if m.country), None)
    roles = {
        (attributes or {}).get("role")
        for (attributes,) in session.execute(
            select(Fact.attributes).where(Fact.type == "role", Fact.subject_id.in_(ids))
        )
    }
    documents = select(Mention.document_id).where(Mention.entity_id.in_(ids))
    others = session.scalars(
        select(Entity.name)
        .join(Mention, Mention.entity_id == Entity.id)
        .where(Mention.document_id.in_(documents), Entity.type == "person", Entity.id.not_in(ids))
        .distinct()
    )
    return PersonRecord(
        tuple(names),
        country,
        frozenset(r for r in roles if r),
        frozenset(name_key(n) for n in others),
        survivor,
    )


def _organization_records(
    session: Session, resolution: Resolution, survivors: list[str]
) -> dict[str, OrganizationRecord]:
    """The records of ``survivors``; those that are one entity alone (most) from one query."""
    alone = [s for s in survivors if len(resolution.members(s)) == 1]
    records = {}
    if alone:  # rows, not ORM objects with their aliases: two queries fewer, no objects
        found: dict[str, tuple[str, str | None, str | None, list[str]]] = {}
        rows = session.execute(_ORGANIZATIONS_WITH_ALIASES, {"ids": alone})
        for entity_id, name, country, ref, alias in rows:
            entry = found.setdefault(entity_id, (name, country, ref, []))
            if alias is not None:
                entry[3].append(alias)
        for entity_id, (name, country, ref, aliases) in found.items():
            records[entity_id] = OrganizationRecord(
                _record_names(name, aliases), country, ref, entity_id
            )
    for survivor in survivors:
        if survivor not in records:
            records[survivor] = _organization_record(session, resolution, survivor)
    return records


def _organization_record(
    session: Session, resolution: Resolution, survivor: str
) -> OrganizationRecord:
    ids = resolution.members(survivor)
    members = session.scalars(
        select(Entity).options(selectinload(Entity.aliases)).where(Entity.id.in_(ids))
    ).all()
    names: list[str] = []
    for member in members:
        names += [n for n in _names(member) if n not in names]
    ref = next((m.ref for m in members if m.ref), None)
    country = next((m.country for m in members if m.country), None)
    return OrganizationRecord(tuple(names), country, ref, survivor)


def known_person_lookup(session: Session):
    """For English extraction: match key of a name -> (canonical name, country) of the
    record it belongs to (the survivor where records were merged)."""

    def lookup(key: str) -> tuple[str, str | None] | None:
        found = session.scalar(
            select(Entity.id)
            .join(Alias, Alias.entity_id == Entity.id)
            .where(Entity.type == "person", Alias.key == key)
            .order_by(Entity.created_at, Entity.id)
            .limit(1)
        )
        if found is None:
            return None
        survivor = session.get(Entity, load_resolution(session).canonical_id(found))
        return survivor.name, survivor.country

    return lookup


# --- the whole database --------------------------------------------------------------------


@dataclass
class ResolveReport:
    """What ``resolve_all`` did."""

    entities: int = 0
    compared: int = 0
    same: int = 0
    unsure: int = 0
    retracted: int = 0
    records_before: int = 0
    records_after: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


Progress = Callable[[str, int, int], None]  # (phase, done, total)


def resolve_all(session: Session, progress: Progress | None = None) -> ResolveReport:
    """Re-runs resolution over the whole database: alias keys and blocks are recomputed,
    every pair of records that share a block is compared again, and the resolver's
    judgements are brought in line with the scores ('same', 'unsure', or 'not same' where
    an earlier automatic merge no longer holds). A pair a researcher has judged is left
    alone. Returns counts."""
    report = ResolveReport()
    entities = session.scalars(
        select(Entity)
        .options(selectinload(Entity.aliases))
        .where(Entity.type.in_(MATCHED_TYPES))
        .order_by(Entity.created_at, Entity.id)
    ).all()
    report.entities = len(entities)
    _refresh_keys_and_blocks(session, entities, progress)
    before = load_resolution(session)
    report.records_before = len(entities) - sum(len(c) - 1 for c in before.clusters.values())
    log = _PairLog(session)
    for entity_type in MATCHED_TYPES:
        of_type = [e for e in entities if e.type == entity_type]
        report.by_type[entity_type] = len(of_type)
        _resolve_type(session, entity_type, of_type, log, report, progress)
    after = load_resolution(session)
    report.records_after = len(entities) - sum(len(c) - 1 for c in after.clusters.values())
    return report


def _refresh_keys_and_blocks(
    session: Session, entities: list[Entity], progress: Progress | None
) -> None:
    session.execute(delete(EntityBlock))
    total = len(entities)
    for n, entity in enumerate(entities, 1):
        for alias in entity.aliases:
            key = alias_key(entity.type, alias.name)
            if alias.key != key:
                alias.key = key
        for block in sorted(entity_blocks(entity.type, _names(entity))):
            session.add(EntityBlock(entity_id=entity.id, block=block))
        if progress and (n % 200 == 0 or n == total):
            progress("keys and blocks", n, total)
    session.flush()


class _PairLog:
    """The judgements per pair, to decide what the resolver should add."""

    def __init__(self, session: Session):
        self.human: dict[frozenset[str], Decision] = {}
        self.automatic: dict[frozenset[str], Decision] = {}
        for row in session.scalars(select(Judgement).order_by(Judgement.decided_at, Judgement.id)):
            d = Decision.of(row)
            (self.automatic if d.automatic else self.human)[d.pair] = d

    def add(self, row: Judgement) -> None:
        d = Decision.of(row)
        (self.automatic if d.automatic else self.human)[d.pair] = d


def _decide(
    session: Session, log: _PairLog, a: str, b: str, score: float, resolution: Resolution
) -> str | None:
    """Records the resolver's decision on one pair where it differs from its last one."""
    pair = frozenset((a, b))
    if pair in log.human:
        return None  # a researcher has decided
    desired = SAME if score >= AUTO_MERGE else UNSURE if score >= REVIEW else None
    last = log.automatic.get(pair)
    if desired is None:
        if last is None or last.decision == NOT_SAME:
            return None
        desired = NOT_SAME  # an earlier automatic merge or doubt no longer holds
    elif last is not None and last.decision == desired:
        return None
    if desired in (SAME, UNSURE) and any(not d.automatic for d in resolution.apart(a, b)):
        return None  # a researcher said these records are different (as they stood)
    row = record_judgement(session, a, b, desired, decided_by=RESOLVER, score=score)
    log.add(row)
    return desired


def _resolve_type(
    session: Session,
    entity_type: str,
    entities: list[Entity],
    log: _PairLog,
    report: ResolveReport,
    progress: Progress | None,
) -> None:
    by_id = {e.id: e for e in entities}
    blocks: dict[str, list[str]] = defaultdict(list)
    for entity_id, block in session.execute(
        select(EntityBlock.entity_id, EntityBlock.block).where(EntityBlock.entity_id.in_(by_id))
    ):
        blocks[block].append(entity_id)
    pairs: set[tuple[str, str]] = set()
    for block, ids in blocks.items():
        if block.startswith("s:") and len(ids) > 400:
            continue  # a very common surname: its first-letter blocks cover it
        ids = sorted(ids)
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pairs.add((ids[i], ids[j]))
    # pairs the resolver judged before are looked at again even if their blocks changed
    for pair in log.automatic:
        a, b = sorted(pair)
        if a in by_id and b in by_id:
            pairs.add((a, b))
    records = _records(session, entity_type, entities)
    total = len(pairs)
    resolution = load_resolution(session)
    for n, (a, b) in enumerate(sorted(pairs), 1):
        if entity_type == "person":
            score = compare_persons(records[a], records[b])
        else:
            score = compare_organizations(records[a], records[b])
        report.compared += 1
        decision = _decide(session, log, a, b, score, resolution)
        if decision is not None:
            if decision == SAME:
                report.same += 1
            elif decision == UNSURE:
                report.unsure += 1
            else:
                report.retracted += 1
        if progress and (n % 200 == 0 or n == total):
            progress(f"compare {entity_type} records", n, total)


def _records(session: Session, entity_type: str, entities: list[Entity]) -> dict[str, object]:
    if entity_type == "organization":
        return {e.id: OrganizationRecord(_names(e), e.country, e.ref, e.id) for e in entities}
    roles: dict[str, set[str]] = defaultdict(set)
    for subject, attributes in session.execute(
        select(Fact.subject_id, Fact.attributes).where(Fact.type == "role")
    ):
        if subject and (attributes or {}).get("role"):
            roles[subject].add(attributes["role"])
    documents: dict[str, set[str]] = defaultdict(set)
    in_document: dict[str, set[str]] = defaultdict(set)
    for document_id, entity_id in session.execute(
        select(Mention.document_id, Mention.entity_id)
        .where(Mention.type == "person", Mention.entity_id.is_not(None))
        .distinct()
    ):
        documents[entity_id].add(document_id)
        in_document[document_id].add(entity_id)
    keys = {e.id: name_key(e.name) for e in entities}
    records = {}
    for e in entities:
        co = {keys[o] for d in documents.get(e.id, ()) for o in in_document[d] if o in keys}
        records[e.id] = PersonRecord(
            _names(e), e.country, frozenset(roles.get(e.id, ())), frozenset(co - {keys[e.id]}), e.id
        )
    return records
