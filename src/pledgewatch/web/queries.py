"""The one query layer of the web app: plain functions that read the record and return the
API schemas. The JSON API returns what these return; the HTML pages render the same
objects, so a page never shows what the API would not.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import String, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session, load_only, selectinload

from pledgewatch.model.vocab import REGION
from pledgewatch.report.export import document_record, entity_record, fact_record
from pledgewatch.report.show import describe_fact
from pledgewatch.resolve.judgements import (
    Resolution,
    canonical_map,
    load_resolution,
    pending_merge_candidates,
)
from pledgewatch.store.models import Document, Entity, Evidence, Fact, Mention, Review
from pledgewatch.store.search import (
    _fulltext_ids,
    _query_groups,
    matching_passage,
    member_ids,
    search_entities,
)
from pledgewatch.web import schemas
from pledgewatch.web.highlight import evidence_context
from pledgewatch.web.tracking import (
    STATUS_FACT_TYPES,
    StatusEvent,
    demand_is_open,
    person_status,
)

# Lists on one entity page are capped; the API's /facts and /documents page through all.
ENTITY_FACTS_LIMIT = 500
TIMELINE_TYPES = (
    "detention",
    "charge",
    "trial",
    "sentence",
    "acquittal",
    "allegation",
    "restriction",
    "release",
)
SEARCH_CANDIDATES = 5000  # most full-text hits one search considers for facets and paging

_DOC_LIST_COLUMNS = load_only(
    Document.id,
    Document.source,
    Document.title,
    Document.language,
    Document.published,
    Document.sha256,
    Document.ingested_at,
)


# --- documents -------------------------------------------------------------------------------


def document_out(doc: Document) -> schemas.DocumentOut:
    return schemas.DocumentOut(**document_record(doc), ingested_at=doc.ingested_at)


def _document_order():
    return (
        Document.published.desc().nulls_last(),
        Document.ingested_at.desc(),
        Document.id,
    )


@dataclass
class DocumentFilters:
    language: str | None = None
    country: str | None = None
    entity_type: str | None = None
    fact_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None

    def conditions(self) -> list:
        where = []
        if self.language:
            where.append(Document.language == self.language)
        if self.date_from:
            where.append(Document.published >= self.date_from)
        if self.date_to:
            # "2025-04" as an upper bound includes every day of April
            where.append(Document.published <= self.date_to + "\uffff")
        if self.country:
            where.append(
                exists().where(
                    Mention.document_id == Document.id,
                    Mention.entity_id == Entity.id,
                    Entity.country == self.country.upper(),
                )
            )
        if self.entity_type:
            where.append(
                exists().where(
                    Mention.document_id == Document.id,
                    Mention.entity_id == Entity.id,
                    Entity.type == self.entity_type,
                )
            )
        if self.fact_type:
            where.append(
                exists().where(
                    Evidence.document_id == Document.id,
                    Evidence.fact_id == Fact.id,
                    Fact.type == self.fact_type,
                    Fact.status != "rejected",
                )
            )
        if self.entity:
            where.append(
                exists().where(Mention.document_id == Document.id, Mention.entity_id == self.entity)
            )
        return where

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def list_documents(
    session: Session, filters: DocumentFilters, *, limit: int = 50, offset: int = 0
) -> schemas.Page[schemas.DocumentOut]:
    where = filters.conditions()
    total = session.scalar(select(func.count()).select_from(Document).where(*where)) or 0
    docs = session.scalars(
        select(Document)
        .options(_DOC_LIST_COLUMNS)
        .where(*where)
        .order_by(*_document_order())
        .limit(limit)
        .offset(offset)
    ).all()
    return schemas.Page(
        items=[document_out(d) for d in docs], total=total, limit=limit, offset=offset
    )


def get_document(session: Session, document_id: str) -> schemas.DocumentDetail | None:
    doc = session.get(Document, document_id)
    if doc is None:
        return None
    mentions = session.scalars(
        select(Mention)
        .where(Mention.document_id == doc.id)
        .order_by(Mention.start, Mention.end, Mention.type)
    ).all()
    facts = session.scalars(
        select(Fact)
        .options(selectinload(Fact.evidence))
        .where(Fact.id.in_(select(Evidence.fact_id).where(Evidence.document_id == doc.id)))
        .order_by(Fact.id)
    ).all()
    facts = sorted(
        facts,
        key=lambda f: (
            min((e.start for e in f.evidence if e.document_id == doc.id), default=0),
            f.id,
        ),
    )
    entity_ids = {m.entity_id for m in mentions if m.entity_id}
    names = dict(
        session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(entity_ids))).all()
    )
    return schemas.DocumentDetail(
        **document_out(doc).model_dump(),
        media_type=doc.media_type,
        extractor_version=doc.extractor_version,
        text=doc.text,
        mentions=[
            schemas.MentionOut(
                document=m.document_id,
                start=m.start,
                end=m.end,
                text=m.text,
                type=m.type,
                entity=m.entity_id,
            )
            for m in mentions
        ],
        facts=fact_outs(session, facts),
        entity_names=names,
    )


# --- facts -----------------------------------------------------------------------------------


def review_out(review: Review) -> schemas.ReviewOut:
    return schemas.ReviewOut(
        id=review.id,
        fact=review.fact_id,
        decision=review.decision,
        status_before=review.status_before,
        status_after=review.status_after,
        changes=review.changes or {},
        note=review.note,
        reviewer=review.reviewer,
        decided_at=review.decided_at,
    )


def fact_outs(
    session: Session, facts: Sequence[Fact], *, with_reviews: bool = False
) -> list[schemas.FactOut]:
    """Facts as the export writes them, with the names of the entities they point to and
    the titles of their evidence documents, read in two queries for the whole list."""
    entity_ids = {f.subject_id for f in facts} | {f.object_id for f in facts}
    entity_ids.discard(None)
    entities = {
        row.id: (row.name, row.type)
        for row in session.execute(
            select(Entity.id, Entity.name, Entity.type).where(Entity.id.in_(entity_ids))
        )
    }
    doc_ids = {e.document_id for f in facts for e in f.evidence}
    documents = {
        row.id: (row.title, row.published)
        for row in session.execute(
            select(Document.id, Document.title, Document.published).where(Document.id.in_(doc_ids))
        )
    }
    reviews: dict[str, list[schemas.ReviewOut]] = defaultdict(list)
    if with_reviews and facts:
        for review in session.scalars(
            select(Review)
            .where(Review.fact_id.in_([f.id for f in facts]))
            .order_by(Review.decided_at, Review.id)
        ):
            reviews[review.fact_id].append(review_out(review))
    out = []
    for fact in facts:
        record = fact_record(fact)
        record["evidence"] = [
            schemas.EvidenceOut(
                **e,
                document_title=documents.get(e["document"], (None, None))[0],
                document_published=documents.get(e["document"], (None, None))[1],
            )
            for e in record["evidence"]
        ]
        subject = entities.get(fact.subject_id, (None, None))
        obj = entities.get(fact.object_id, (None, None))
        out.append(
            schemas.FactOut(
                **record,
                subject_name=subject[0],
                subject_type=subject[1],
                object_name=obj[0],
                object_type=obj[1],
                reviews=reviews.get(fact.id, []) if with_reviews else None,
            )
        )
    return out


def get_fact(session: Session, fact_id: str) -> schemas.FactOut | None:
    fact = session.scalar(
        select(Fact).options(selectinload(Fact.evidence)).where(Fact.id == fact_id)
    )
    if fact is None:
        return None
    return fact_outs(session, [fact], with_reviews=True)[0]


@dataclass
class FactFilters:
    type: str | None = None
    status: str | None = None
    subject: str | None = None
    object: str | None = None
    entity: str | None = None
    document: str | None = None

    def conditions(self) -> list:
        where = []
        if self.type:
            where.append(Fact.type == self.type)
        if self.status:
            where.append(Fact.status == self.status)
        if self.subject:
            where.append(Fact.subject_id == self.subject)
        if self.object:
            where.append(Fact.object_id == self.object)
        if self.entity:
            where.append(or_(Fact.subject_id == self.entity, Fact.object_id == self.entity))
        if self.document:
            where.append(
                Fact.id.in_(select(Evidence.fact_id).where(Evidence.document_id == self.document))
            )
        return where

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def queue_order():
    """The review queue's order: oldest suggestion first, in the order it was found."""
    return (Fact.recorded_at, Fact.id)


def list_facts(
    session: Session, filters: FactFilters, *, limit: int = 50, offset: int = 0
) -> schemas.Page[schemas.FactOut]:
    where = filters.conditions()
    total = session.scalar(select(func.count()).select_from(Fact).where(*where)) or 0
    facts = session.scalars(
        select(Fact)
        .options(selectinload(Fact.evidence))
        .where(*where)
        .order_by(*queue_order())
        .limit(limit)
        .offset(offset)
    ).all()
    return schemas.Page(items=fact_outs(session, facts), total=total, limit=limit, offset=offset)


def next_suggested(
    session: Session, filters: FactFilters, *, after: str | None = None
) -> str | None:
    """The id of the next suggested fact in queue order (after ``after`` when given)."""
    where = [*filters.conditions(), Fact.status == "suggested"]
    if after:
        current = session.get(Fact, after)
        if current is not None:
            where.append(
                or_(
                    Fact.recorded_at > current.recorded_at,
                    and_(Fact.recorded_at == current.recorded_at, Fact.id > current.id),
                )
            )
    return session.scalar(select(Fact.id).where(*where).order_by(*queue_order()).limit(1))


def list_reviews(
    session: Session,
    *,
    fact: str | None = None,
    reviewer: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> schemas.Page[schemas.ReviewOut]:
    where = []
    if fact:
        where.append(Review.fact_id == fact)
    if reviewer:
        where.append(Review.reviewer == reviewer)
    total = session.scalar(select(func.count()).select_from(Review).where(*where)) or 0
    rows = session.scalars(
        select(Review)
        .where(*where)
        .order_by(Review.decided_at.desc(), Review.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return schemas.Page(
        items=[review_out(r) for r in rows], total=total, limit=limit, offset=offset
    )


# --- entities --------------------------------------------------------------------------------


def entity_out(entity: Entity) -> schemas.EntityOut:
    record = entity_record(entity, [])
    record.pop("mentions")
    return schemas.EntityOut(**record)


def list_entities(
    session: Session,
    *,
    type: str | None = None,
    country: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> schemas.Page[schemas.EntityOut]:
    absorbed = [a for a, survivor in canonical_map(session).items() if a != survivor]
    where = [Entity.id.not_in(id_set(session, absorbed))] if absorbed else []
    if type:
        where.append(Entity.type == type)
    if country:
        where.append(Entity.country == country.upper())
    if q:
        found = [e.id for e in search_entities(session, q, limit=200)]
        where.append(Entity.id.in_(found))
    total = session.scalar(select(func.count()).select_from(Entity).where(*where)) or 0
    entities = session.scalars(
        select(Entity)
        .options(selectinload(Entity.aliases))
        .where(*where)
        .order_by(Entity.name, Entity.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return schemas.Page(
        items=[entity_out(e) for e in entities], total=total, limit=limit, offset=offset
    )


def _status_events(facts: Iterable[Fact]) -> list[StatusEvent]:
    return [
        StatusEvent(f.subject_id or "", f.type, f.date, f.attributes or {})
        for f in facts
        if f.type in STATUS_FACT_TYPES and f.status != "rejected"
    ]


def get_entity(
    session: Session, entity_id: str, *, documents_limit: int = 50, documents_offset: int = 0
) -> schemas.EntityDetail | None:
    entity = session.scalar(
        select(Entity).options(selectinload(Entity.aliases)).where(Entity.id == entity_id)
    )
    if entity is None:
        return None
    # a record merged from several: the facts, documents and names of every part
    resolution = load_resolution(session)
    ids = resolution.members(entity.id)
    record = _cluster_record(session, resolution, entity.id)
    record.pop("mentions")
    fact_order = (Fact.date.nulls_last(), Fact.type, Fact.id)
    facts = session.scalars(
        select(Fact)
        .options(selectinload(Fact.evidence))
        .where(Fact.subject_id.in_(ids))
        .order_by(*fact_order)
        .limit(ENTITY_FACTS_LIMIT)
    ).all()
    pointing = [Fact.object_id.in_(ids)]
    if entity.type == "country" and entity.country:
        pointing.append(
            and_(
                Fact.type == "demand",
                Fact.attributes["addressee"].as_string() == entity.country,
            )
        )
    if entity.type == "instrument":
        names = [entity.id] + ([entity.ref] if entity.ref else [])
        pointing.append(Fact.attributes["instrument"].as_string().in_(names))
    incoming = session.scalars(
        select(Fact)
        .options(selectinload(Fact.evidence))
        .where(or_(*pointing), or_(Fact.subject_id.is_(None), Fact.subject_id.not_in(ids)))
        .order_by(*fact_order)
        .limit(ENTITY_FACTS_LIMIT)
    ).all()
    status = None
    timeline: list[schemas.TimelineItem] = []
    if entity.type == "person":
        status = person_status(_status_events(facts))
        names = dict.fromkeys(ids, record["name"])
        timeline = [
            schemas.TimelineItem(
                fact=f.id,
                type=f.type,
                date=f.date,
                label=describe_fact(f, names),
                status=f.status,
            )
            for f in sorted(
                (f for f in facts if f.type in TIMELINE_TYPES and f.status != "rejected"),
                key=lambda f: (f.date or "9999", TIMELINE_TYPES.index(f.type), f.id),
            )
        ]
    counts = session.execute(
        select(Mention.document_id, func.count())
        .where(Mention.entity_id.in_(ids))
        .group_by(Mention.document_id)
        .order_by(func.count().desc(), Mention.document_id)
        .limit(documents_limit)
        .offset(documents_offset)
    ).all()
    total = (
        session.scalar(
            select(func.count(func.distinct(Mention.document_id))).where(Mention.entity_id.in_(ids))
        )
        or 0
    )
    docs = {
        d.id: d
        for d in session.scalars(
            select(Document)
            .options(_DOC_LIST_COLUMNS)
            .where(Document.id.in_([row[0] for row in counts]))
        )
    }
    return schemas.EntityDetail(
        **record,
        status=status,
        facts=fact_outs(session, facts),
        incoming=fact_outs(session, incoming),
        timeline=timeline,
        documents=[
            schemas.DocumentCount(document=document_out(docs[doc_id]), mentions=n)
            for doc_id, n in counts
            if doc_id in docs
        ],
        documents_total=total,
    )


# --- search ----------------------------------------------------------------------------------


def search(
    session: Session,
    query: str,
    filters: DocumentFilters,
    *,
    limit: int = 20,
    offset: int = 0,
) -> schemas.SearchOut:
    """Documents and entities for ``query`` in any case form or script, narrowed by the
    filters, with counts per facet over every matching document (not only this page)."""
    query = " ".join(query.split())[:200]
    groups = _query_groups(query)
    entities = search_entities(session, query, limit=50) if query else []
    if filters.entity_type:
        entities = [e for e in entities if e.type == filters.entity_type]
    if filters.country:
        entities = [e for e in entities if e.country == filters.country.upper()]
    candidates: set[str] = set()
    capped = False
    if groups:
        fulltext = _fulltext_ids(session, groups, SEARCH_CANDIDATES)
        capped = len(fulltext) >= SEARCH_CANDIDATES
        candidates.update(fulltext)
    if entities:
        candidates.update(
            session.scalars(
                select(Mention.document_id)
                .where(Mention.entity_id.in_(member_ids(session, entities)))
                .distinct()
                .limit(SEARCH_CANDIDATES)
            )
        )
    if not query:
        hits_page: schemas.Page[schemas.DocumentHit] = schemas.Page(
            items=[], total=0, limit=limit, offset=offset
        )
        return schemas.SearchOut(
            query=query,
            filters=filters.as_dict(),
            entities=[],
            documents=hits_page,
            facets={},
        )
    where = [Document.id.in_(id_set(session, sorted(candidates))), *filters.conditions()]
    matching = select(Document.id).where(*where)
    total = session.scalar(select(func.count()).select_from(Document).where(*where)) or 0
    docs = session.scalars(
        select(Document).where(*where).order_by(*_document_order()).limit(limit).offset(offset)
    ).all()
    hits = [
        schemas.DocumentHit(document=document_out(d), passage=matching_passage(d.text, groups))
        for d in docs
    ]
    return schemas.SearchOut(
        query=query,
        filters=filters.as_dict(),
        entities=[entity_out(e) for e in entities],
        documents=schemas.Page(items=hits, total=total, limit=limit, offset=offset),
        facets=_facets(session, matching) if total else {},
        capped=capped,
    )


def id_set(session: Session, ids: list[str]):
    """A subquery of the given ids bound as one parameter (a JSON array on SQLite, an array
    on PostgreSQL): thousands of ids as separate parameters cost more to compile and bind
    than the queries that use them."""
    if session.bind.dialect.name == "sqlite":
        values = func.json_each(json.dumps(ids)).table_valued("value")
        return select(values.c.value)
    from sqlalchemy.dialects.postgresql import ARRAY

    return select(func.unnest(bindparam("ids", ids, type_=ARRAY(String))))


def _facets(session: Session, matching) -> dict[str, list[schemas.FacetValue]]:
    def values(rows) -> list[schemas.FacetValue]:
        return sorted(
            (schemas.FacetValue(value=str(v), count=n) for v, n in rows if v is not None),
            key=lambda f: (-f.count, f.value),
        )

    mentioned = (
        select(Mention.document_id, Entity.country, Entity.type)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.document_id.in_(matching))
        .subquery()
    )
    year = func.substr(Document.published, 1, 4)
    return {
        "country": values(
            session.execute(
                select(mentioned.c.country, func.count(func.distinct(mentioned.c.document_id)))
                .where(mentioned.c.country.is_not(None))
                .group_by(mentioned.c.country)
            )
        ),
        "type": values(
            session.execute(
                select(
                    mentioned.c.type, func.count(func.distinct(mentioned.c.document_id))
                ).group_by(mentioned.c.type)
            )
        ),
        "fact_type": values(
            session.execute(
                select(Fact.type, func.count(func.distinct(Evidence.document_id)))
                .join(Evidence, Evidence.fact_id == Fact.id)
                .where(Evidence.document_id.in_(matching), Fact.status != "rejected")
                .group_by(Fact.type)
            )
        ),
        "language": values(
            session.execute(
                select(Document.language, func.count())
                .where(Document.id.in_(matching))
                .group_by(Document.language)
            )
        ),
        "year": sorted(
            values(
                session.execute(
                    select(year, func.count()).where(Document.id.in_(matching)).group_by(year)
                )
            ),
            key=lambda f: f.value,
            reverse=True,
        ),
    }


# --- home ------------------------------------------------------------------------------------


def stats(session: Session, today: date | None = None) -> schemas.StatsOut:
    """Counts per country: people held now, open demands, documents of this month
    (published this month, or added this month when the publication date is unknown)."""
    today = today or datetime.now(UTC).date()
    month = today.strftime("%Y-%m")
    events: dict[str, list[StatusEvent]] = defaultdict(list)
    for subject, type_, date_, attributes in session.execute(
        select(Fact.subject_id, Fact.type, Fact.date, Fact.attributes).where(
            Fact.type.in_(STATUS_FACT_TYPES),
            Fact.status != "rejected",
            Fact.subject_id.is_not(None),
        )
    ):
        events[subject].append(StatusEvent(subject, type_, date_, attributes or {}))
    status = {subject: person_status(items) for subject, items in events.items()}
    demands = session.execute(
        select(Fact.object_id, Fact.attributes).where(
            Fact.type == "demand", Fact.status != "rejected"
        )
    ).all()
    ids = set(status) | {obj for obj, _ in demands if obj}
    countries = dict(
        session.execute(
            select(Entity.id, Entity.country).where(Entity.id.in_(ids), Entity.type == "person")
        ).all()
    )
    object_countries = dict(
        session.execute(
            select(Entity.id, Entity.country).where(
                Entity.id.in_({obj for obj, _ in demands if obj})
            )
        ).all()
    )
    held: dict[str, int] = defaultdict(int)
    for subject, state in status.items():
        if state == "held" and countries.get(subject):
            held[countries[subject]] += 1
    open_demands: dict[str, int] = defaultdict(int)
    for obj, attributes in demands:
        attributes = attributes or {}
        country = attributes.get("addressee") or object_countries.get(obj)
        if country and demand_is_open(attributes.get("action"), status.get(obj) if obj else None):
            open_demands[str(country).upper()] += 1
    month_start = datetime(today.year, today.month, 1, tzinfo=UTC)
    this_month = select(Document.id).where(
        or_(
            Document.published.like(f"{month}%"),
            and_(Document.published.is_(None), Document.ingested_at >= month_start),
        )
    )
    per_country = dict(
        session.execute(
            select(Entity.country, func.count(func.distinct(Mention.document_id)))
            .join(Entity, Entity.id == Mention.entity_id)
            .where(Mention.document_id.in_(this_month), Entity.country.is_not(None))
            .group_by(Entity.country)
        ).all()
    )
    shown = list(REGION) + sorted((set(held) | set(open_demands)) - set(REGION))
    latest = session.scalars(
        select(Document)
        .options(_DOC_LIST_COLUMNS)
        .order_by(Document.ingested_at.desc(), Document.id)
        .limit(10)
    ).all()

    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    return schemas.StatsOut(
        month=month,
        countries=[
            schemas.CountryStats(
                country=c,
                people_held=held.get(c, 0),
                open_demands=open_demands.get(c, 0),
                documents_this_month=per_country.get(c, 0),
            )
            for c in shown
        ],
        latest=[document_out(d) for d in latest],
        documents=count(Document),
        entities=count(Entity),
        facts=count(Fact),
        suggested=session.scalar(
            select(func.count()).select_from(Fact).where(Fact.status == "suggested")
        )
        or 0,
    )


def entity_choices(session: Session, fact: schemas.FactOut) -> list[schemas.EntityOut]:
    """Entities a reviewer may pick instead of a fact's subject or object: those mentioned
    in its evidence documents, plus the ones it points to now."""
    doc_ids = {e.document for e in fact.evidence}
    ids = set(
        session.scalars(
            select(Mention.entity_id)
            .where(Mention.document_id.in_(doc_ids), Mention.entity_id.is_not(None))
            .distinct()
        )
    )
    ids.update(i for i in (fact.subject, fact.object) if i)
    entities = session.scalars(
        select(Entity)
        .options(selectinload(Entity.aliases))
        .where(Entity.id.in_(ids))
        .order_by(Entity.type, Entity.name)
    ).all()
    return [entity_out(e) for e in entities]


# --- merges ----------------------------------------------------------------------------------

MENTION_CONTEXTS = 3  # mentions shown per record of a 'possibly the same person' pair
CONTEXT_WIDTH = 120  # characters shown either side of such a mention


def merge_queue(
    session: Session, *, limit: int = 20, offset: int = 0
) -> schemas.Page[schemas.MergeCandidateDetail]:
    """The 'possibly the same person' pairs, strongest first, each record with what a
    researcher needs to tell two people apart: names, country, roles, documents, and a few
    mentions in context."""
    candidates = pending_merge_candidates(session)
    resolution = load_resolution(session)
    items = [
        schemas.MergeCandidateDetail(
            judgement_id=c.judgement_id,
            score=c.score,
            decided_by=c.decided_by,
            decided_at=c.decided_at,
            a=merge_side(session, resolution, c.entity_a),
            b=merge_side(session, resolution, c.entity_b),
        )
        for c in candidates[offset : offset + limit]
    ]
    return schemas.Page(items=items, total=len(candidates), limit=limit, offset=offset)


def pending_merge_count(session: Session) -> int:
    return len(pending_merge_candidates(session))


def _cluster_record(session: Session, resolution: Resolution, entity_id: str) -> dict:
    """The export record of ``entity_id``'s cluster: every member's names as aliases."""
    ids = resolution.members(entity_id)
    loaded = {
        e.id: e
        for e in session.scalars(
            select(Entity).options(selectinload(Entity.aliases)).where(Entity.id.in_(ids))
        )
    }
    survivor = loaded[resolution.canonical_id(entity_id)]
    absorbed = [loaded[i] for i in ids if i in loaded and i != survivor.id]
    return entity_record(survivor, [], absorbed)


def merge_side(session: Session, resolution: Resolution, entity_id: str) -> schemas.MergeSide:
    ids = resolution.members(entity_id)
    record = _cluster_record(session, resolution, entity_id)
    record.pop("mentions")
    roles = {
        (attributes or {}).get("role")
        for attributes in session.scalars(
            select(Fact.attributes).where(
                Fact.type == "role", Fact.subject_id.in_(ids), Fact.status != "rejected"
            )
        )
    }
    documents_total = session.scalar(
        select(func.count(func.distinct(Mention.document_id))).where(Mention.entity_id.in_(ids))
    )
    return schemas.MergeSide(
        **record,
        members=ids,
        roles=sorted(r for r in roles if r),
        documents_total=documents_total or 0,
        contexts=mention_contexts(session, ids),
    )


def mention_contexts(
    session: Session,
    entity_ids: list[str],
    *,
    limit: int = MENTION_CONTEXTS,
    width: int = CONTEXT_WIDTH,
) -> list[schemas.MentionContext]:
    """The first mention of the entities in each of ``limit`` documents, with ``width``
    characters either side. Only that stretch of each text is read, never a whole text."""
    first_in_document = (
        select(func.min(Mention.id))
        .where(Mention.entity_id.in_(entity_ids))
        .group_by(Mention.document_id)
        .order_by(func.min(Mention.id))
        .limit(limit)
    )
    mentions = session.scalars(
        select(Mention).where(Mention.id.in_(first_in_document)).order_by(Mention.id)
    ).all()
    out = []
    margin = width + 1  # one more than shown, so that a cut text is marked as cut
    for mention in mentions:
        begin = max(0, mention.start - margin)
        fragment, title = session.execute(
            select(
                func.substr(Document.text, begin + 1, mention.end + margin - begin),
                Document.title,
            ).where(Document.id == mention.document_id)
        ).one()
        before, text, after = evidence_context(
            fragment or "", mention.start - begin, mention.end - begin, width
        )
        out.append(
            schemas.MentionContext(
                document=mention.document_id,
                document_title=title,
                before=before,
                text=text,
                after=after,
            )
        )
    return out


def merged_into(session: Session, entity_id: str) -> list[schemas.EntityOut]:
    """The records merged into ``entity_id`` (its cluster less the survivor), oldest first."""
    absorbed = load_resolution(session).absorbed(entity_id)
    loaded = {
        e.id: e
        for e in session.scalars(
            select(Entity).options(selectinload(Entity.aliases)).where(Entity.id.in_(absorbed))
        )
    }
    return [entity_out(loaded[i]) for i in absorbed if i in loaded]
