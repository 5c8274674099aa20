"""Merge pages: the 'possibly the same person' queue, and joining or splitting records from
an entity's page. Every decision is a judgement (``resolve.judgements``) by the signed-in
editor, so it can be undone and survives re-resolving."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from pledgewatch.resolve.judgements import (
    NOT_SAME,
    SAME,
    JudgementError,
    MergeConflict,
    canonical_id,
    members,
    merge,
    split,
)
from pledgewatch.store.models import Entity
from pledgewatch.store.search import search_entities
from pledgewatch.web import queries
from pledgewatch.web.api.common import not_found
from pledgewatch.web.deps import DbSession, Editor, PostedForm, Reader
from pledgewatch.web.pages.entities import render_entity
from pledgewatch.web.render import render

router = APIRouter()
PER_PAGE = 20


class Refused(Exception):
    """A decision the page did not record: an i18n message key, its values and the HTTP
    status (409 when earlier judgements forbid it, 422 when the request is wrong)."""

    def __init__(self, key: str, status_code: int = 422, **values) -> None:
        super().__init__(key)
        self.message = (key, values)
        self.status_code = status_code


def _judge(db, a: str, b: str, decision: str, by: str) -> None:
    """Records 'same' or 'not same' on two records; a refusal becomes a message the page
    shows in the reader's language."""
    try:
        if decision == SAME:
            merge(db, a, b, decided_by=by)
        elif decision == NOT_SAME:
            split(db, a, b, decided_by=by)
        else:
            raise Refused("merge_choose")
    except MergeConflict as exc:
        pairs = "; ".join(
            f"{_name(db, d.entity_a)} / {_name(db, d.entity_b)}" for d in exc.conflicts
        )
        raise Refused("merge_conflict", 409, pairs=pairs) from exc
    except JudgementError as exc:
        raise Refused("merge_refused", detail=str(exc)) from exc


def _name(db, entity_id: str) -> str:
    entity = db.get(Entity, entity_id)
    return f"{entity.name} ({entity_id})" if entity else entity_id


@router.get("/review/merges")
def merge_queue(
    request: Request,
    db: DbSession,
    principal: Reader,
    offset: Annotated[int, Query(ge=0)] = 0,
    done: str | None = None,
):
    return _render_queue(request, db, principal, offset, done=done)


def _render_queue(request, db, principal, offset, *, done=None, error=None, status_code=200):
    page = queries.merge_queue(db, limit=PER_PAGE, offset=offset)
    if offset and not page.items and page.total:  # the last pair of the last page was decided
        last = (page.total - 1) // PER_PAGE * PER_PAGE
        page = queries.merge_queue(db, limit=PER_PAGE, offset=last)
    return render(
        request,
        "review_merges.html",
        {
            "page": page,
            "params": dict(request.query_params),
            "pending_merges": page.total,
            "can_review": principal.can("editor"),
            "done": done,
            "error": error,
        },
        status_code,
    )


@router.post("/review/merges")
def decide_pair(request: Request, db: DbSession, principal: Editor, form: PostedForm):
    decision = str(form.get("decision") or "")
    offset = int(form["offset"]) if str(form.get("offset", "")).isdigit() else 0
    try:
        _judge(db, str(form.get("a") or ""), str(form.get("b") or ""), decision, principal.name)
    except Refused as exc:
        return _render_queue(
            request, db, principal, offset, error=exc.message, status_code=exc.status_code
        )
    db.commit()
    query = urlencode([("done", decision)] + ([("offset", offset)] if offset else []))
    return RedirectResponse(f"/review/merges?{query}", status_code=303)


def _other_record(db, entity: Entity, wanted: str) -> str:
    """The record an editor named in 'same person as': an id, or a name that finds exactly
    one other record of the same type."""
    wanted = wanted.strip()
    if not wanted:
        raise Refused("merge_need_other")
    if db.get(Entity, wanted) is not None:
        found = [wanted]
    else:
        own = set(members(db, entity.id))
        hits = search_entities(db, wanted, limit=20)
        found = list(
            dict.fromkeys(
                canonical_id(db, e.id) for e in hits if e.type == entity.type and e.id not in own
            )
        )
        if len(found) != 1:
            raise Refused("merge_ambiguous", name=wanted, count=len(found))
    if db.get(Entity, found[0]).type != entity.type:
        raise Refused("merge_types")
    if canonical_id(db, found[0]) == canonical_id(db, entity.id):
        raise Refused("merge_already_one")
    return found[0]


@router.post("/entities/{entity_id}/merge")
def merge_with(
    entity_id: str, request: Request, db: DbSession, principal: Editor, form: PostedForm
):
    entity = db.get(Entity, entity_id)
    if entity is None:
        raise not_found("entity", entity_id)
    try:
        other = _other_record(db, entity, str(form.get("other") or ""))
        _judge(db, entity_id, other, SAME, principal.name)
    except Refused as exc:
        return render_entity(
            request, db, principal, entity_id, error=exc.message, status_code=exc.status_code
        )
    db.commit()
    return RedirectResponse(f"/entities/{canonical_id(db, entity_id)}?done=merged", 303)


@router.post("/entities/{entity_id}/split")
def split_member(
    entity_id: str, request: Request, db: DbSession, principal: Editor, form: PostedForm
):
    survivor = canonical_id(db, entity_id)
    member = str(form.get("member") or "")
    try:
        if member == survivor or member not in members(db, survivor):
            raise Refused("split_not_member", member=member)
        _judge(db, survivor, member, NOT_SAME, principal.name)
    except Refused as exc:
        return render_entity(
            request, db, principal, survivor, error=exc.message, status_code=exc.status_code
        )
    db.commit()
    return RedirectResponse(f"/entities/{survivor}?done=split", 303)
