"""/api/v1/reviews: the log of review decisions, and one decision on many facts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pledgewatch.store.models import Fact
from pledgewatch.web import queries
from pledgewatch.web.api.common import Limit, Offset
from pledgewatch.web.deps import DbSession, Editor, Reader
from pledgewatch.web.review import ReviewError, apply_bulk
from pledgewatch.web.schemas import BulkReviewIn, BulkReviewOut, Page, ReviewOut

router = APIRouter(tags=["reviews"])


@router.get(
    "/reviews",
    summary="List review decisions",
    response_model=Page[ReviewOut],
    description="Newest first; filter by fact or reviewer.",
)
def list_reviews(
    db: DbSession,
    _: Reader,
    fact: Annotated[str | None, Query(description="Fact id.")] = None,
    reviewer: Annotated[str | None, Query(description="User name.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ReviewOut]:
    return queries.list_reviews(db, fact=fact, reviewer=reviewer, limit=limit, offset=offset)


@router.post(
    "/reviews",
    summary="Accept or reject many facts at once",
    response_model=BulkReviewOut,
    description="All or none: an unknown fact id refuses the whole request. Needs the editor role.",
    responses={422: {"description": "An unknown fact id"}},
)
def bulk_review(
    body: BulkReviewIn, request: Request, db: DbSession, principal: Editor
) -> BulkReviewOut:
    try:
        apply_bulk(db, body.facts, body.decision, principal.user, body.note)
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from exc
    db.commit()
    request.app.state.stats_cache.invalidate()
    facts = db.scalars(
        select(Fact).options(selectinload(Fact.evidence)).where(Fact.id.in_(body.facts))
    ).all()
    return BulkReviewOut(facts=queries.fact_outs(db, facts))
