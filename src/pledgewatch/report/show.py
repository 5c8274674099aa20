"""Plain-text views of the record for the CLI: one entity with the evidence behind each
fact, and a summary of what the database holds. Merged records (``resolve.judgements``)
show as one: an absorbed id shows its survivor, with the names, facts and documents of
every member."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from pledgewatch.resolve.judgements import load_resolution
from pledgewatch.store.models import Document, Entity, Fact, Mention
from pledgewatch.store.search import search_entities


def find_entity(session: Session, query: str) -> list[Entity]:
    """The records an id or a name points to (survivors, each once)."""
    entity = session.get(Entity, query.strip())
    if entity is None:
        return search_entities(session, query)
    return [session.get(Entity, load_resolution(session).canonical_id(entity.id)) or entity]


def describe_fact(fact: Fact, names: dict[str, str]) -> str:
    parts = [fact.type]
    attributes = dict(fact.attributes or {})
    for key in ("role", "period", "kind", "penalty", "action", "category", "theme"):
        if key in attributes:
            parts.append(str(attributes.pop(key)))
    if attributes.get("term_months") is not None:
        parts.append(f"{attributes.pop('term_months'):g} months")
    if attributes.get("life") is True:  # a life term: "sentence imprisonment life"
        parts.append("life")
        del attributes["life"]
    if attributes.get("parole") is False:
        parts.append("without parole")
        del attributes["parole"]
    if fact.object_id:
        parts.append(f"→ {names.get(fact.object_id, fact.object_id)}")
    rest = ", ".join(f"{k}={v}" for k, v in attributes.items() if v not in (None, ""))
    if rest:
        parts.append(f"({rest})")
    if fact.date:
        parts.append(f"[{fact.date}]")
    return " ".join(parts)


def render_entity(session: Session, entity: Entity, console: Console) -> None:
    resolution = load_resolution(session)
    entity = session.get(Entity, resolution.canonical_id(entity.id)) or entity
    member_ids = resolution.members(entity.id)
    members = [session.get(Entity, i) for i in member_ids]
    members = [m for m in members if m is not None]
    console.rule(f"{entity.name}  [dim]{entity.type} {entity.id}[/]")
    names = {a.name for m in members for a in m.aliases} | {m.name for m in members}
    aliases = sorted(names - {entity.name})
    country = entity.country or next((m.country for m in members if m.country), None)
    console.print(f"country: {country or '—'}", highlight=False)
    if len(member_ids) > 1:
        console.print(
            "merged from: " + ", ".join(i for i in member_ids if i != entity.id), highlight=False
        )
    if aliases:
        console.print("aliases: " + "; ".join(aliases), highlight=False, markup=False)
    if entity.attributes:
        for key, value in sorted(entity.attributes.items()):
            console.print(f"{key}: {value}", highlight=False, markup=False)
    facts = session.scalars(
        select(Fact)
        .options(selectinload(Fact.evidence))
        .where(or_(Fact.subject_id.in_(member_ids), Fact.object_id.in_(member_ids)))
        .order_by(Fact.date.nulls_last(), Fact.type, Fact.id)
    ).all()
    ids = {f.subject_id for f in facts} | {f.object_id for f in facts}
    ids.discard(None)
    survivors = {resolution.canonical_id(i) for i in ids}
    survivor_names = dict(
        session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(survivors))).all()
    )
    names = {i: survivor_names.get(resolution.canonical_id(i), i) for i in ids}
    console.print(f"facts: {len(facts)}")
    for fact in facts:
        who = "" if fact.subject_id in member_ids else f"{names.get(fact.subject_id, 'unnamed')}: "
        console.print(
            f"  • {who}{describe_fact(fact, names)}  [dim]{fact.status} {fact.confidence:.2f}[/]",
            highlight=False,
        )
        for evidence in fact.evidence:
            console.print(
                f"      “{' '.join(evidence.quote.split())}” ({evidence.document_id} "
                f"{evidence.start}–{evidence.end})",
                highlight=False,
                markup=False,
                style="italic",
            )
    documents = session.scalars(
        select(Mention.document_id).where(Mention.entity_id.in_(member_ids)).distinct()
    ).all()
    console.print(f"mentioned in {len(documents)} document(s): " + ", ".join(sorted(documents)))


def render_summary(session: Session, console: Console) -> None:
    documents = session.scalar(select(func.count()).select_from(Document)) or 0
    console.print(f"[bold]{documents}[/] documents")
    resolution = load_resolution(session)
    counts = Table("entity type", "count")
    for type_, n in session.execute(
        select(Entity.type, func.count()).group_by(Entity.type).order_by(Entity.type)
    ):
        counts.add_row(type_, str(n - _absorbed_count(session, resolution, type_)))
    console.print(counts)
    facts = Table("fact type", "count")
    for type_, n in session.execute(
        select(Fact.type, func.count()).group_by(Fact.type).order_by(Fact.type)
    ):
        facts.add_row(type_, str(n))
    console.print(facts)
    people = Table("person", "country", "facts", title="People")
    persons = {e.id: e for e in session.scalars(select(Entity).where(Entity.type == "person"))}
    names = dict(session.execute(select(Entity.id, Entity.name)).all())  # objects too
    names |= {i: names[s] for i, s in resolution.canonical.items() if s in names}
    facts_by_record: dict[str, list[Fact]] = {}
    for fact in session.scalars(
        select(Fact).where(Fact.subject_id.in_(persons)).order_by(Fact.type, Fact.id)
    ):
        facts_by_record.setdefault(resolution.canonical_id(fact.subject_id), []).append(fact)
    ordered = sorted(facts_by_record.items(), key=lambda kv: (-len(kv[1]), names[kv[0]]))
    for entity_id, facts_of in ordered:
        entity = persons[entity_id]
        country = entity.country or next(
            (persons[m].country for m in resolution.members(entity_id) if persons[m].country),
            None,
        )
        people.add_row(
            f"{entity.name}\n[dim]{entity_id}[/]",
            country or "—",
            "\n".join(sorted({describe_fact(f, names) for f in facts_of})),
        )
    console.print(people)


def _absorbed_count(session: Session, resolution, entity_type: str) -> int:
    absorbed = [i for i, s in resolution.canonical.items() if i != s]
    if not absorbed:
        return 0
    return (
        session.scalar(
            select(func.count())
            .select_from(Entity)
            .where(Entity.type == entity_type, Entity.id.in_(absorbed))
        )
        or 0
    )
