"""/api/v1/merges: join two entity records or split them, and the 'possibly the same' queue."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from pledgewatch.resolve.judgements import (
    SAME,
    JudgementError,
    MergeConflict,
    load_resolution,
    merge,
    split,
)
from pledgewatch.web import queries
from pledgewatch.web.api.common import Limit, Offset
from pledgewatch.web.deps import DbSession, Editor, Reader
from pledgewatch.web.schemas import MergeCandidateDetail, Page

router = APIRouter(tags=["merges"])


class MergeIn(BaseModel):
    a: str = Field(description="Entity id.")
    b: str = Field(description="Entity id.")
    decision: Literal["same", "not_same"] = Field(description="'same' merges, 'not_same' splits.")


class MergeOut(BaseModel):
    judgement_id: int
    a: str
    b: str
    decision: str
    decided_by: str
    canonical_a: str = Field(description="The record `a` belongs to now.")
    canonical_b: str = Field(description="The record `b` belongs to now.")


@router.get(
    "/merges/pending",
    summary="Pairs of records that are possibly the same",
    response_model=Page[MergeCandidateDetail],
    description="Unanswered 'unsure' pairs of the resolver, strongest first, each record "
    "with its names, country, roles, document count and a few mentions in context (what "
    "the /review/merges page shows).",
)
def pending(
    db: DbSession, _: Reader, limit: Limit = 20, offset: Offset = 0
) -> Page[MergeCandidateDetail]:
    return queries.merge_queue(db, limit=limit, offset=offset)


@router.post(
    "/merges",
    summary="Judge two records the same person or not",
    response_model=MergeOut,
    description="'same' merges the two records, 'not_same' splits them. Needs the editor role.",
    responses={
        409: {"description": "Earlier 'not same' judgements forbid the merge"},
        422: {"description": "Unknown entity, one entity twice, or two entity types"},
    },
)
def judge(body: MergeIn, db: DbSession, principal: Editor) -> MergeOut:
    try:
        if body.decision == SAME:
            row = merge(db, body.a, body.b, decided_by=principal.name)
        else:
            row = split(db, body.a, body.b, decided_by=principal.name)
    except MergeConflict as exc:
        raise HTTPException(409, str(exc)) from exc
    except JudgementError as exc:
        raise HTTPException(422, str(exc)) from exc
    db.commit()
    resolution = load_resolution(db)
    return MergeOut(
        judgement_id=row.id,
        a=body.a,
        b=body.b,
        decision=row.decision,
        decided_by=row.decided_by,
        canonical_a=resolution.canonical_id(body.a),
        canonical_b=resolution.canonical_id(body.b),
    )
