"""What extraction produces for one document: entity drafts, mentions and fact drafts.

Everything keeps character offsets into the document text (``start`` inclusive,
``end`` exclusive), so every fact can show the sentence it came from.
Entity drafts are local to one document; ``resolve`` maps them to stored entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EntityDraft:
    key: str  # unique within one extraction, e.g. "person:марат жыланбаев"
    type: str  # one of vocab.ENTITY_TYPES
    name: str  # canonical form (nominative for Russian names)
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: list[str] = field(default_factory=list)  # other full forms (not inflections)
    attributes: dict = field(default_factory=dict)
    ref: str | None = None  # id in the reference data (provision, organization, instrument)


@dataclass
class MentionDraft:
    type: str  # an entity type or one of vocab.SPAN_TYPES
    start: int
    end: int
    text: str
    entity: str | None = None  # EntityDraft.key, for entity types


@dataclass
class FactDraft:
    type: str  # one of vocab.FACT_TYPES
    subject: str | None  # EntityDraft.key
    object: str | None = None  # EntityDraft.key
    attributes: dict = field(default_factory=dict)
    date: str | None = None  # ISO, may be partial: "2023", "2023-11", "2023-11-05"
    confidence: float = 0.5
    evidence: tuple[int, int] = (0, 0)  # the supporting sentence
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (span type, start, end)


@dataclass
class Extraction:
    entities: dict[str, EntityDraft] = field(default_factory=dict)
    mentions: list[MentionDraft] = field(default_factory=list)
    facts: list[FactDraft] = field(default_factory=list)
