"""Entity pages: the list, and one entity: a person's aliases, status, roles, timeline,
demands and documents; for other types, what points to them."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from pledgewatch.model.vocab import ENTITY_TYPES
from pledgewatch.resolve.judgements import canonical_id
from pledgewatch.web import queries
from pledgewatch.web.api.common import not_found
from pledgewatch.web.charts import timeline
from pledgewatch.web.deps import DbSession, Principal, Reader
from pledgewatch.web.i18n import Translator, language_of
from pledgewatch.web.render import render

router = APIRouter()
PER_PAGE = 50


@router.get("/entities")
def entity_list(
    request: Request,
    db: DbSession,
    _: Reader,
    type: str | None = None,
    country: str | None = None,
    q: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    page = queries.list_entities(db, type=type, country=country, q=q, limit=PER_PAGE, offset=offset)
    return render(
        request,
        "entities.html",
        {
            "page": page,
            "params": dict(request.query_params),
            "entity_types": ENTITY_TYPES,
            "current_type": type,
            "q": q or "",
        },
    )


def _group(facts) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for fact in facts:
        groups.setdefault(fact.type, []).append(fact)
    return list(groups.items())


@router.get("/entities/{entity_id}")
def entity_page(
    entity_id: str,
    request: Request,
    db: DbSession,
    principal: Reader,
    doffset: Annotated[int, Query(ge=0)] = 0,
    done: str | None = None,
):
    survivor = canonical_id(db, entity_id)
    if survivor != entity_id:  # merged away: the record it belongs to now
        url = request.url_for("entity_page", entity_id=survivor).include_query_params(
            **request.query_params
        )
        return RedirectResponse(str(url.path) + (f"?{url.query}" if url.query else ""), 307)
    return render_entity(request, db, principal, entity_id, doffset=doffset, done=done)


def render_entity(
    request: Request,
    db: Session,
    principal: Principal,
    entity_id: str,
    *,
    doffset: int = 0,
    done: str | None = None,
    error: tuple[str, dict] | None = None,
    status_code: int = 200,
):
    """An entity's page; ``done`` names a merge decision just made, ``error`` (a message
    key and its values) one refused: the merge forms post to pages/merges.py."""
    entity = queries.get_entity(db, entity_id, documents_limit=PER_PAGE, documents_offset=doffset)
    if entity is None:
        raise not_found("entity", entity_id)
    t = Translator(language_of(request))
    by_id = {f.id: f for f in entity.facts}
    chart = None
    if entity.type == "person":
        chart = timeline(
            [
                (
                    item.date or _report_date(by_id[item.fact]),
                    item.type,
                    _short_label(t, by_id[item.fact]),
                    f"#fact-{item.fact}",
                    not item.date,
                )
                for item in entity.timeline
                if item.fact in by_id
            ],
            title=t("timeline"),
        )
    timeline_ids = {item.fact for item in entity.timeline}
    roles = [f for f in entity.facts if f.type == "role" and f.status != "rejected"]
    demands_for = [f for f in entity.incoming if f.type == "demand"]
    other_facts = (
        [f for f in entity.facts if f.id not in timeline_ids and f not in roles]
        if entity.type == "person"
        else entity.facts
    )
    other_incoming = (
        [f for f in entity.incoming if f.type != "demand"]
        if entity.type == "person"
        else entity.incoming
    )
    return render(
        request,
        "entity.html",
        {
            "entity": entity,
            "chart": chart,
            "timeline_facts": [by_id[i.fact] for i in entity.timeline if i.fact in by_id],
            "roles": roles,
            "demands_for": demands_for,
            "facts_groups": _group(other_facts),
            "incoming_groups": _group(other_incoming),
            "params": dict(request.query_params),
            "doffset": doffset,
            "per_page": PER_PAGE,
            "merged_from": queries.merged_into(db, entity_id),
            "can_merge": principal.can("editor"),
            "done": done,
            "error": error,
        },
        status_code,
    )


def _report_date(fact) -> str | None:
    """For an event the text does not date: when the report about it was published."""
    dates = [e.document_published for e in fact.evidence if e.document_published]
    return min(dates) if dates else None


def _short_label(t: Translator, fact) -> str:
    words = [t.label(fact.type)]
    for key in ("kind", "penalty", "category"):
        if fact.attributes.get(key):
            words.append(t.label(fact.attributes[key]))
    months = fact.attributes.get("term_months")
    if isinstance(months, int | float):
        words.append(f"{months:g} {t.label('months')}")
    elif fact.attributes.get("life") is True:  # a life term: «лишение свободы пожизненно»
        words.append(t.label("life"))
    return " ".join(words)
