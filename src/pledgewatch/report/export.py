"""Exports: the ``pledgewatch/1`` JSON contract (design.md) and CSV for spreadsheets.

Output is deterministic for the same database: everything is ordered by id. Merged
records (see ``resolve.judgements``) are exported once, under the surviving id, with the
names and mentions of every member; ``referents`` lists the absorbed ids, and facts name
survivors as subject and object.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pledgewatch.model.vocab import ENTITY_TYPES
from pledgewatch.resolve.judgements import load_resolution
from pledgewatch.store.models import Document, Entity, Fact, Mention

SCHEMA = "pledgewatch/1"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def document_record(doc: Document) -> dict:
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "language": doc.language,
        "published": doc.published,
        "sha256": doc.sha256,
    }


def entity_record(entity: Entity, mentions: list[Mention], absorbed: Sequence[Entity] = ()) -> dict:
    """One record; ``absorbed`` are the entities merged into ``entity`` (their names become
    aliases, their ids ``referents``; pass their mentions in ``mentions``)."""
    names = {a.name for e in (entity, *absorbed) for a in e.aliases}
    names |= {e.name for e in absorbed}
    attributes = {}
    for member in reversed((entity, *absorbed)):
        attributes.update(member.attributes or {})
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": sorted(names - {entity.name}),
        "country": entity.country or next((e.country for e in absorbed if e.country), None),
        "attributes": attributes,
        "referents": sorted(e.id for e in absorbed),
        "mentions": [
            {"document": m.document_id, "start": m.start, "end": m.end, "text": m.text}
            for m in sorted(mentions, key=lambda m: (m.document_id, m.start, m.end, m.id or 0))
        ],
    }


def fact_record(fact: Fact, canonical: Callable[[str], str] | None = None) -> dict:
    """One fact; ``canonical`` maps an entity id to its record's surviving id."""
    survivor = canonical or (lambda entity_id: entity_id)
    return {
        "id": fact.id,
        "type": fact.type,
        "subject": survivor(fact.subject_id) if fact.subject_id else None,
        "object": survivor(fact.object_id) if fact.object_id else None,
        "attributes": fact.attributes or {},
        "date": fact.date,
        "status": fact.status,
        "confidence": fact.confidence,
        "evidence": [
            {"document": e.document_id, "start": e.start, "end": e.end, "quote": e.quote}
            for e in fact.evidence
        ],
        "spans": fact.spans or [],
        "extractor": f"{fact.extractor}/{fact.extractor_version}",
        "recorded_at": _iso(fact.recorded_at),
        "reviewed_by": fact.reviewed_by,
        "reviewed_at": _iso(fact.reviewed_at),
    }


def build_export(session: Session) -> dict:
    resolution = load_resolution(session)
    canonical = resolution.canonical_id
    documents = session.scalars(select(Document).order_by(Document.id)).all()
    mentions_by_entity: dict[str, list[Mention]] = defaultdict(list)
    spans = []
    for mention in session.scalars(
        select(Mention).order_by(Mention.document_id, Mention.start, Mention.end, Mention.type)
    ):
        if mention.entity_id:
            mentions_by_entity[canonical(mention.entity_id)].append(mention)
        else:
            spans.append(
                {
                    "document": mention.document_id,
                    "type": mention.type,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                }
            )
    entities = session.scalars(
        select(Entity).options(selectinload(Entity.aliases)).order_by(Entity.id)
    ).all()
    by_id = {e.id: e for e in entities}
    facts = session.scalars(
        select(Fact).options(selectinload(Fact.evidence)).order_by(Fact.id)
    ).all()
    records = []
    for entity in entities:
        if canonical(entity.id) != entity.id:
            continue  # exported with its survivor
        absorbed = [by_id[i] for i in resolution.absorbed(entity.id) if i in by_id]
        records.append(entity_record(entity, mentions_by_entity.get(entity.id, []), absorbed))
    return {
        "schema": SCHEMA,
        "documents": [document_record(d) for d in documents],
        "entities": records,
        "facts": [fact_record(f, canonical) for f in facts],
        "spans": spans,
    }


def write_json(session: Session, out: IO[str]) -> None:
    json.dump(build_export(session), out, ensure_ascii=False, indent=2, sort_keys=False)
    out.write("\n")


def write_csv(session: Session, directory: Path) -> list[Path]:
    """documents.csv, one CSV per entity type, and facts.csv; returns the files written."""
    export = build_export(session)
    directory.mkdir(parents=True, exist_ok=True)
    names = {e["id"]: e["name"] for e in export["entities"]}
    written = []

    def write(name: str, header: list[str], rows: list[list]) -> None:
        path = directory / name
        # utf-8-sig so that spreadsheet programs read Cyrillic correctly
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)

    write(
        "documents.csv",
        ["id", "source", "title", "language", "published", "sha256"],
        [
            [d[k] for k in ("id", "source", "title", "language", "published", "sha256")]
            for d in export["documents"]
        ],
    )
    for entity_type in ENTITY_TYPES:
        rows = [
            [
                e["id"],
                e["name"],
                " | ".join(e["aliases"]),
                e["country"] or "",
                json.dumps(e["attributes"], ensure_ascii=False, sort_keys=True),
                len(e["mentions"]),
                len({m["document"] for m in e["mentions"]}),
            ]
            for e in export["entities"]
            if e["type"] == entity_type
        ]
        write(
            f"{entity_type}.csv",
            ["id", "name", "aliases", "country", "attributes", "mentions", "documents"],
            rows,
        )
    fact_rows = []
    for f in export["facts"]:
        evidence = f["evidence"][0] if f["evidence"] else {}
        attributes = f["attributes"]
        fact_rows.append(
            [
                f["id"],
                f["type"],
                f["subject"] or "",
                names.get(f["subject"], ""),
                f["object"] or "",
                names.get(f["object"], ""),
                json.dumps(attributes, ensure_ascii=False, sort_keys=True),
                f["date"] or "",
                f["status"],
                f["confidence"],
                evidence.get("document", ""),
                evidence.get("quote", ""),
            ]
        )
    write(
        "facts.csv",
        [
            "id",
            "type",
            "subject",
            "subject_name",
            "object",
            "object_name",
            "attributes",
            "date",
            "status",
            "confidence",
            "document",
            "evidence",
        ],
        fact_rows,
    )
    return written
