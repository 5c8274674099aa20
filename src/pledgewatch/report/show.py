"""Plain-text views of the record for the CLI: one entity with the evidence behind each
fact, and a summary of what the database holds."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from pledgewatch.store.models import Document, Entity, Fact, Mention
from pledgewatch.store.search import search_entities


def find_entity(session: Session, query: str) -> list[Entity]:
    entity = session.get(Entity, query)
    if entity is not None:
        return [entity]
    return search_entities(session, query)


def describe_fact(fact: Fact, names: dict[str, str]) -> str:
    parts = [fact.type]
    attributes = dict(fact.attributes or {})
    for key in ("role", "kind", "penalty", "action", "category", "theme"):
        if key in attributes:
            parts.append(str(attributes.pop(key)))
    if attributes.get("term_months") is not None:
        parts.append(f"{attributes.pop('term_months'):g} months")
    if fact.object_id:
        parts.append(f"→ {names.get(fact.object_id, fact.object_id)}")
    rest = ", ".join(f"{k}={v}" for k, v in attributes.items() if v not in (None, ""))
    if rest:
        parts.append(f"({rest})")
    if fact.date:
        parts.append(f"[{fact.date}]")
    return " ".join(parts)


def render_entity(session: Session, entity: Entity, console: Console) -> None:
    console.rule(f"{entity.name}  [dim]{entity.type} {entity.id}[/]")
    aliases = sorted({a.name for a in entity.aliases} - {entity.name})
    console.print(f"country: {entity.country or '—'}", highlight=False)
    if aliases:
        console.print("aliases: " + "; ".join(aliases), highlight=False, markup=False)
    if entity.attributes:
        for key, value in sorted(entity.attributes.items()):
            console.print(f"{key}: {value}", highlight=False, markup=False)
    facts = session.scalars(
        select(Fact)
        .options(selectinload(Fact.evidence))
        .where(or_(Fact.subject_id == entity.id, Fact.object_id == entity.id))
        .order_by(Fact.date.nulls_last(), Fact.type, Fact.id)
    ).all()
    ids = {f.subject_id for f in facts} | {f.object_id for f in facts}
    ids.discard(None)
    names = dict(session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(ids))).all())
    console.print(f"facts: {len(facts)}")
    for fact in facts:
        who = "" if fact.subject_id == entity.id else f"{names.get(fact.subject_id, 'unnamed')}: "
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
        select(Mention.document_id).where(Mention.entity_id == entity.id).distinct()
    ).all()
    console.print(f"mentioned in {len(documents)} document(s): " + ", ".join(sorted(documents)))


def render_summary(session: Session, console: Console) -> None:
    documents = session.scalar(select(func.count()).select_from(Document)) or 0
    console.print(f"[bold]{documents}[/] documents")
    counts = Table("entity type", "count")
    for type_, n in session.execute(
        select(Entity.type, func.count()).group_by(Entity.type).order_by(Entity.type)
    ):
        counts.add_row(type_, str(n))
    console.print(counts)
    facts = Table("fact type", "count")
    for type_, n in session.execute(
        select(Fact.type, func.count()).group_by(Fact.type).order_by(Fact.type)
    ):
        facts.add_row(type_, str(n))
    console.print(facts)
    people = Table("person", "country", "facts", title="People")
    rows = session.execute(
        select(Entity.id, Entity.name, Entity.country, func.count(Fact.id))
        .join(Fact, Fact.subject_id == Entity.id)
        .where(Entity.type == "person")
        .group_by(Entity.id, Entity.name, Entity.country)
        .order_by(func.count(Fact.id).desc(), Entity.name)
    ).all()
    names = dict(session.execute(select(Entity.id, Entity.name)).all())
    for entity_id, name, country, _ in rows:
        facts_of = session.scalars(
            select(Fact).where(Fact.subject_id == entity_id).order_by(Fact.type, Fact.id)
        ).all()
        people.add_row(
            f"{name}\n[dim]{entity_id}[/]",
            country or "—",
            "\n".join(sorted({describe_fact(f, names) for f in facts_of})),
        )
    console.print(people)
