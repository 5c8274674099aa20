"""/api/v1/entities: list (type, country, name in any form), one entity with its facts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from pledgewatch.web import queries
from pledgewatch.web.api.common import NOT_FOUND, Limit, Offset, not_found
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.schemas import EntityDetail, EntityOut, Page

router = APIRouter(tags=["entities"])


@router.get(
    "/entities",
    summary="List entities",
    response_model=Page[EntityOut],
    description="By name; filter by type, country, or a name in any case form or script.",
)
def list_entities(
    db: DbSession,
    _: Reader,
    type: Annotated[str | None, Query(description="person, organization, …")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2")] = None,
    q: Annotated[str | None, Query(description="A name, any case form or script.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EntityOut]:
    return queries.list_entities(db, type=type, country=country, q=q, limit=limit, offset=offset)


@router.get(
    "/entities/{entity_id}",
    summary="One entity: aliases, facts about it, facts pointing to it, documents",
    response_model=EntityDetail,
    responses=NOT_FOUND,
)
def get_entity(
    entity_id: str,
    db: DbSession,
    _: Reader,
    documents_limit: Annotated[int, Query(ge=1, le=500)] = 50,
    documents_offset: Annotated[int, Query(ge=0)] = 0,
) -> EntityDetail:
    found = queries.get_entity(
        db, entity_id, documents_limit=documents_limit, documents_offset=documents_offset
    )
    if found is None:
        raise not_found("entity", entity_id)
    return found
