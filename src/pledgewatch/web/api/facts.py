"""/api/v1/facts: list (type, status, entity, document), one fact with its decisions, and a
review decision on one fact."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from pledgewatch.web import queries
from pledgewatch.web.api.common import NOT_FOUND, Limit, Offset, not_found
from pledgewatch.web.deps import DbSession, Editor, Reader
from pledgewatch.web.review import ReviewError, apply_review
from pledgewatch.web.schemas import FactOut, Page, ReviewIn

router = APIRouter(tags=["facts"])


@router.get(
    "/facts",
    summary="List facts",
    response_model=Page[FactOut],
    description="In review-queue order (oldest first); filter by type, status, subject, "
    "object, either (entity) or evidence document.",
)
def list_facts(
    db: DbSession,
    _: Reader,
    type: Annotated[str | None, Query(description="role, detention, charge, …")] = None,
    status: Annotated[str | None, Query(description="suggested, accepted, rejected")] = None,
    subject: Annotated[str | None, Query(description="Subject entity id.")] = None,
    object: Annotated[str | None, Query(description="Object entity id.")] = None,
    entity: Annotated[str | None, Query(description="Subject or object entity id.")] = None,
    document: Annotated[str | None, Query(description="Evidence document id.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[FactOut]:
    filters = queries.FactFilters(
        type=type, status=status, subject=subject, object=object, entity=entity, document=document
    )
    return queries.list_facts(db, filters, limit=limit, offset=offset)


@router.get(
    "/facts/{fact_id}",
    summary="One fact with its evidence and every review decision",
    response_model=FactOut,
    responses=NOT_FOUND,
)
def get_fact(fact_id: str, db: DbSession, _: Reader) -> FactOut:
    found = queries.get_fact(db, fact_id)
    if found is None:
        raise not_found("fact", fact_id)
    return found


@router.post(
    "/facts/{fact_id}/review",
    summary="Accept, reject or correct a fact",
    response_model=FactOut,
    description="Records who decided and when; a correction changes the given fields and "
    "accepts the fact. Needs the editor role.",
    responses={**NOT_FOUND, 422: {"description": "A value the vocabulary does not allow"}},
)
def review_fact(
    fact_id: str, decision: ReviewIn, request: Request, db: DbSession, principal: Editor
) -> FactOut:
    if queries.get_fact(db, fact_id) is None:
        raise not_found("fact", fact_id)
    try:
        apply_review(db, fact_id, decision, principal.user)
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from exc
    db.commit()
    request.app.state.stats_cache.invalidate()
    return queries.get_fact(db, fact_id)
