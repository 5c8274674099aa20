"""/api/v1/search: documents and entities for a query, with facets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from pledgewatch.web import queries
from pledgewatch.web.api.common import Limit, Offset
from pledgewatch.web.api.documents import DocumentFiltersDep
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.schemas import SearchOut

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Search documents and entities",
    response_model=SearchOut,
    description="Finds inflected forms (Жыланбаева → Жыланбаев) and other scripts "
    "(Zhylanbayev → Жыланбаев). Each document hit has the passage that matched; facets "
    "count all matching documents.",
)
def search(
    db: DbSession,
    _: Reader,
    filters: DocumentFiltersDep,
    q: Annotated[str, Query(max_length=200, description="Words or a name.")] = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchOut:
    return queries.search(db, q, filters, limit=limit, offset=offset)
