"""The review pages: the queue (with bulk decisions) and one fact at a time (accept,
reject, correct, skip; keyboard shortcuts in static/app.js)."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from pledgewatch.model.vocab import FACT_TYPES
from pledgewatch.store.models import Document, Entity
from pledgewatch.store.search import search_entities
from pledgewatch.web import queries
from pledgewatch.web.api.common import not_found
from pledgewatch.web.deps import DbSession, Editor, PostedForm, Reader
from pledgewatch.web.highlight import evidence_context
from pledgewatch.web.render import render
from pledgewatch.web.review import ReviewError, apply_bulk, apply_review, attribute_fields
from pledgewatch.web.schemas import ReviewIn

router = APIRouter()
PER_PAGE = 50


def _queue_filters(type: str | None, document: str | None) -> queries.FactFilters:
    return queries.FactFilters(type=type or None, document=document or None, status="suggested")


def _suffix(type: str | None, document: str | None, **extra) -> str:
    pairs = [(k, v) for k, v in (("type", type), ("document", document), *extra.items()) if v]
    return "?" + urlencode(pairs) if pairs else ""


@router.get("/review")
def queue(
    request: Request,
    db: DbSession,
    principal: Reader,
    type: str | None = None,
    document: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    done: str | None = None,
):
    filters = _queue_filters(type, document)
    page = queries.list_facts(db, filters, limit=PER_PAGE, offset=offset)
    return render(
        request,
        "review_queue.html",
        {
            "page": page,
            "params": dict(request.query_params),
            "fact_types": FACT_TYPES,
            "current_type": type or "",
            "document": document or "",
            "can_review": principal.can("editor"),
            "done": done,
            "suffix": _suffix(type, document),
            "pending_merges": queries.pending_merge_count(db),
        },
    )


@router.get("/review/next")
def next_fact(
    db: DbSession,
    _: Reader,
    type: str | None = None,
    document: str | None = None,
    after: str | None = None,
):
    target = queries.next_suggested(db, _queue_filters(type, document), after=after)
    if target is None:
        return RedirectResponse("/review" + _suffix(type, document), status_code=303)
    return RedirectResponse(f"/review/{target}" + _suffix(type, document), status_code=303)


@router.post("/review/bulk")
def bulk(request: Request, db: DbSession, principal: Editor, form: PostedForm):
    decision = form.get("decision")
    ids = [str(v) for v in form.getlist("fact")]
    suffix = _suffix(form.get("type"), form.get("document"))
    if decision not in ("accept", "reject") or not ids:
        return RedirectResponse("/review" + suffix, status_code=303)
    try:
        apply_bulk(db, ids, decision, principal.user)
    except ReviewError as exc:
        return render(
            request, "error.html", {"title_key": "error", "text_key": None, "detail": str(exc)}, 422
        )
    db.commit()
    request.app.state.stats_cache.invalidate()
    joiner = "&" if suffix else "?"
    return RedirectResponse(f"/review{suffix}{joiner}done={len(ids)}", status_code=303)


@router.get("/review/{fact_id}")
def one(
    fact_id: str,
    request: Request,
    db: DbSession,
    principal: Reader,
    type: str | None = None,
    document: str | None = None,
    done: str | None = None,
):
    fact = queries.get_fact(db, fact_id)
    if fact is None:
        raise not_found("fact", fact_id)
    return _render_one(request, db, principal, fact, type, document, done=done)


def _render_one(
    request, db, principal, fact, type, document, *, done=None, error=None, status_code=200
):
    contexts = []
    for evidence in fact.evidence:
        text = db.scalar(select(Document.text).where(Document.id == evidence.document))
        if text is not None:
            contexts.append((evidence, evidence_context(text, evidence.start, evidence.end)))
    return render(
        request,
        "review_fact.html",
        {
            "fact": fact,
            "contexts": contexts,
            "fields": attribute_fields(fact.type, fact.attributes),
            "choices": queries.entity_choices(db, fact),
            "can_review": principal.can("editor"),
            "type": type or "",
            "document": document or "",
            "suffix": _suffix(type, document),
            "skip_url": "/review/next" + _suffix(type, document, after=fact.id),
            "done": done,
            "error": error,
        },
        status_code,
    )


def _pick_entity(db, chosen: str, other: str) -> str | None:
    """The entity a correction names: typed text (an id or a name with exactly one match)
    wins over the list."""
    other = other.strip()
    if not other:
        return chosen or None
    if db.get(Entity, other) is not None:
        return other
    found = search_entities(db, other, limit=2)
    if len(found) != 1:
        raise ReviewError(f"{other!r} names {len(found)} entities; give an id")
    return found[0].id


@router.post("/review/{fact_id}")
def decide(fact_id: str, request: Request, db: DbSession, principal: Editor, form: PostedForm):
    type_, document = form.get("type") or None, form.get("document") or None
    fact = queries.get_fact(db, fact_id)
    if fact is None:
        raise not_found("fact", fact_id)
    decision = form.get("decision")
    try:
        if decision == "correct":
            attributes = {
                key[len("attr.") :]: str(value)
                for key, value in form.multi_items()
                if key.startswith("attr.")
            }
            review = ReviewIn(
                decision="correct",
                attributes=attributes,
                date=str(form.get("date") or "") or None,
                subject=_pick_entity(
                    db, str(form.get("subject") or ""), str(form.get("subject_other") or "")
                ),
                object=_pick_entity(
                    db, str(form.get("object") or ""), str(form.get("object_other") or "")
                ),
                note=str(form.get("note") or "") or None,
            )
        elif decision in ("accept", "reject"):
            review = ReviewIn(decision=decision, note=str(form.get("note") or "") or None)
        else:
            raise ReviewError("choose accept, reject or correct")
        apply_review(db, fact_id, review, principal.user)
    except ReviewError as exc:
        return _render_one(
            request, db, principal, fact, type_, document, error=str(exc), status_code=422
        )
    db.commit()
    request.app.state.stats_cache.invalidate()
    target = queries.next_suggested(db, _queue_filters(type_, document), after=fact_id)
    if target is None:
        return RedirectResponse("/review" + _suffix(type_, document, done="1"), status_code=303)
    return RedirectResponse(
        f"/review/{target}" + _suffix(type_, document, done=fact_id), status_code=303
    )
