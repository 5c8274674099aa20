"""The search page: documents and entities, facets, the matching passage of each hit."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from pledgewatch.store.search import _query_groups
from pledgewatch.web import queries
from pledgewatch.web.api.documents import document_filters
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.highlight import passage_segments
from pledgewatch.web.render import render

router = APIRouter()
PER_PAGE = 20
FACETS = ("country", "type", "fact_type", "language", "year")


@router.get("/search")
def search_page(
    request: Request,
    db: DbSession,
    _: Reader,
    filters: Annotated[queries.DocumentFilters, Depends(document_filters)],
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
):
    result = queries.search(db, q, filters, limit=PER_PAGE, offset=offset)
    groups = _query_groups(result.query)
    passages = {
        hit.document.id: passage_segments(hit.passage, groups) for hit in result.documents.items
    }
    params = dict(request.query_params)
    params.pop("offset", None)
    return render(
        request,
        "search.html",
        {
            "result": result,
            "passages": passages,
            "params": params,
            "facet_names": FACETS,
            "q": result.query,
        },
    )
