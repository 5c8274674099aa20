"""API schemas: what the JSON API returns and what the HTML pages render.

The record fields follow the JSON export (``report/export.py``): a document, entity or fact
here has the export's keys and ids, plus a few fields a reader of one page needs (names of
the entities a fact points to, titles of the documents its evidence is in).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Items matching the filters, on all pages.")
    limit: int
    offset: int


class DocumentOut(BaseModel):
    id: str
    source: str
    title: str | None
    language: str | None
    published: str | None = Field(description="ISO date, possibly partial (2024-03).")
    sha256: str
    ingested_at: datetime | None = None


class MentionOut(BaseModel):
    document: str
    start: int
    end: int
    text: str
    type: str = Field(description="An entity type, or a span type (profession, crime, …).")
    entity: str | None = None


class EvidenceOut(BaseModel):
    document: str
    start: int
    end: int
    quote: str
    document_title: str | None = None
    document_published: str | None = None


class ReviewOut(BaseModel):
    id: int
    fact: str
    decision: Literal["accept", "reject", "correct"]
    status_before: str
    status_after: str
    changes: dict[str, Any] = Field(description="field: [before, after]")
    note: str | None
    reviewer: str
    decided_at: datetime


class FactOut(BaseModel):
    id: str
    type: str
    subject: str | None
    object: str | None
    attributes: dict[str, Any]
    date: str | None
    status: str
    confidence: float
    evidence: list[EvidenceOut]
    spans: list[Any]
    extractor: str
    recorded_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    subject_name: str | None = None
    subject_type: str | None = None
    object_name: str | None = None
    object_type: str | None = None
    reviews: list[ReviewOut] | None = Field(
        None, description="Every decision on this fact, oldest first (on single-fact reads)."
    )


class DocumentDetail(DocumentOut):
    media_type: str
    extractor_version: str
    text: str
    mentions: list[MentionOut]
    facts: list[FactOut]
    entity_names: dict[str, str] = Field(description="id: name of every entity mentioned.")


class EntityOut(BaseModel):
    id: str
    type: str
    name: str
    aliases: list[str]
    country: str | None
    attributes: dict[str, Any]
    referents: list[str] = Field(
        default_factory=list, description="Ids of the records merged into this one."
    )


class DocumentCount(BaseModel):
    document: DocumentOut
    mentions: int


class TimelineItem(BaseModel):
    fact: str
    type: str
    date: str | None
    label: str
    status: str


class EntityDetail(EntityOut):
    status: Literal["held", "restricted", "released", "unknown"] | None = Field(
        None, description="A person's status now, derived from the dated facts."
    )
    facts: list[FactOut] = Field(description="Facts about this entity (it is the subject).")
    incoming: list[FactOut] = Field(
        description="Facts that point to it: demands for a person, charges under a provision, "
        "demands addressed to a country, commitments of an instrument."
    )
    timeline: list[TimelineItem]
    documents: list[DocumentCount]
    documents_total: int


class MentionContext(BaseModel):
    """A mention with the words around it: the text a researcher reads to tell two records
    apart. Raw text; whoever renders it escapes it."""

    document: str
    document_title: str | None
    before: str
    text: str
    after: str


class MergeSide(EntityOut):
    """One record of a 'possibly the same person' pair, as it stands now (merges applied)."""

    members: list[str] = Field(description="Ids merged into this record, the survivor first.")
    roles: list[str] = Field(description="Roles of its role facts that are not rejected.")
    documents_total: int
    contexts: list[MentionContext] = Field(description="A few mentions, one per document.")


class MergeCandidateDetail(BaseModel):
    judgement_id: int = Field(description="The resolver's 'unsure' judgement on the pair.")
    score: float | None
    decided_by: str
    decided_at: datetime
    a: MergeSide
    b: MergeSide


class DocumentHit(BaseModel):
    document: DocumentOut
    passage: str


class FacetValue(BaseModel):
    value: str
    count: int


class SearchOut(BaseModel):
    query: str
    filters: dict[str, str]
    entities: list[EntityOut]
    documents: Page[DocumentHit]
    facets: dict[str, list[FacetValue]] = Field(
        description="country, type (entity type mentioned), fact_type, language, year"
    )
    capped: bool = Field(
        False,
        description="The words match more documents than one search weighs (5,000): the "
        "total and the facets count those it weighed.",
    )


class CountryStats(BaseModel):
    country: str
    people_held: int
    open_demands: int
    documents_this_month: int


class StatsOut(BaseModel):
    month: str
    countries: list[CountryStats]
    latest: list[DocumentOut]
    documents: int
    entities: int
    facts: int
    suggested: int


class ReviewIn(BaseModel):
    """accept or reject as it stands, or correct: change fields, and accept."""

    decision: Literal["accept", "reject", "correct"]
    attributes: dict[str, Any] | None = Field(
        None, description="correct: the whole new attributes object."
    )
    date: str | None = Field(None, description="correct: ISO date, possibly partial; null clears.")
    subject: str | None = Field(None, description="correct: an entity id; null clears.")
    object: str | None = Field(None, description="correct: an entity id; null clears.")
    note: str | None = None


class BulkReviewIn(BaseModel):
    facts: list[str] = Field(min_length=1, max_length=500)
    decision: Literal["accept", "reject"]
    note: str | None = None


class BulkReviewOut(BaseModel):
    facts: list[FactOut]


class UploadResult(BaseModel):
    file: str
    status: Literal["added", "duplicate", "failed"]
    document: str | None = None
    error: str | None = None
    entities: int = 0
    facts: int = 0


class UserOut(BaseModel):
    name: str
    role: str
    active: bool
    created_at: datetime


class ErrorOut(BaseModel):
    detail: str
