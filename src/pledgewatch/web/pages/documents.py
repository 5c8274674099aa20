"""Document pages: the list, and one document with its mentions highlighted and its facts
next to their evidence."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from pledgewatch.web import queries
from pledgewatch.web.api.common import not_found
from pledgewatch.web.api.documents import document_filters
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.highlight import document_segments
from pledgewatch.web.render import render

router = APIRouter()
PER_PAGE = 50


@router.get("/documents")
def document_list(
    request: Request,
    db: DbSession,
    _: Reader,
    filters: Annotated[queries.DocumentFilters, Depends(document_filters)],
    offset: Annotated[int, Query(ge=0)] = 0,
):
    page = queries.list_documents(db, filters, limit=PER_PAGE, offset=offset)
    return render(
        request,
        "documents.html",
        {"page": page, "params": dict(request.query_params), "filters": filters.as_dict()},
    )


@router.get("/documents/{document_id}")
def document_page(document_id: str, request: Request, db: DbSession, _: Reader):
    doc = queries.get_document(db, document_id)
    if doc is None:
        raise not_found("document", document_id)
    anchors = [e.start for f in doc.facts for e in f.evidence if e.document == doc.id]
    segments = document_segments(doc.text, doc.mentions, anchors)
    types = sorted({s.type for s in segments if s.type})
    return render(
        request, "document.html", {"doc": doc, "segments": segments, "mention_types": types}
    )
