"""/api/v1/documents: list (filters, pages), one document with mentions and facts, upload."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile

from pledgewatch.web import queries
from pledgewatch.web.api.common import NOT_FOUND, Limit, Offset, not_found
from pledgewatch.web.deps import DbSession, Editor, Reader
from pledgewatch.web.schemas import DocumentDetail, DocumentOut, Page, UploadResult
from pledgewatch.web.upload import ingest_upload

router = APIRouter(tags=["documents"])
MAX_UPLOAD_FILES = 50


def document_filters(
    language: Annotated[str | None, Query(description="ISO 639-1 code: ru, en, …")] = None,
    country: Annotated[
        str | None, Query(description="Mentions an entity of this country (ISO code).")
    ] = None,
    type: Annotated[str | None, Query(description="Mentions an entity of this type.")] = None,
    fact_type: Annotated[
        str | None, Query(description="Has evidence for a fact of this type.")
    ] = None,
    date_from: Annotated[str | None, Query(description="Published on or after (ISO).")] = None,
    date_to: Annotated[str | None, Query(description="Published on or before (ISO).")] = None,
    entity: Annotated[str | None, Query(description="Mentions this entity (id).")] = None,
) -> queries.DocumentFilters:
    return queries.DocumentFilters(
        language=language,
        country=country,
        entity_type=type,
        fact_type=fact_type,
        date_from=date_from,
        date_to=date_to,
        entity=entity,
    )


DocumentFiltersDep = Annotated[queries.DocumentFilters, Depends(document_filters)]


@router.get(
    "/documents",
    summary="List documents",
    response_model=Page[DocumentOut],
    description="Newest publication first; filter by language, country, entity type, "
    "fact type, publication dates or a mentioned entity.",
)
def list_documents(
    db: DbSession, _: Reader, filters: DocumentFiltersDep, limit: Limit = 50, offset: Offset = 0
) -> Page[DocumentOut]:
    return queries.list_documents(db, filters, limit=limit, offset=offset)


@router.get(
    "/documents/{document_id}",
    summary="One document: text, mentions with offsets, facts with evidence",
    response_model=DocumentDetail,
    responses=NOT_FOUND,
)
def get_document(document_id: str, db: DbSession, _: Reader) -> DocumentDetail:
    found = queries.get_document(db, document_id)
    if found is None:
        raise not_found("document", document_id)
    return found


@router.post(
    "/documents",
    summary="Add documents (multipart upload, one result per file)",
    response_model=list[UploadResult],
    description="Same formats and limits as `pledgewatch ingest`: .txt, .md, .html, .htm, "
    ".pdf, .docx up to PLEDGEWATCH_MAX_FILE_MB each. Needs the editor role.",
    responses={413: {"description": "Request too large"}},
)
def upload_documents(
    request: Request,
    files: Annotated[list[UploadFile], File(description="One or more files.")],
    db: DbSession,
    principal: Editor,
) -> list[UploadResult]:
    settings = request.app.state.settings
    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(413, f"at most {MAX_UPLOAD_FILES} files per request")
    results = [
        ingest_upload(request.app.state.engine, f.filename or "upload", f.file, settings)
        for f in files
    ]
    request.app.state.stats_cache.invalidate()
    return results
