"""Exports: the ``pledgewatch/1`` JSON contract (design.md) and CSV for spreadsheets.

Output is deterministic for the same database: everything is ordered by id.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pledgewatch.model.vocab import ENTITY_TYPES
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


def entity_record(entity: Entity, mentions: list[Mention]) -> dict:
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": sorted({a.name for a in entity.aliases} - {entity.name}),
        "country": entity.country,
        "attributes": entity.attributes or {},
        "mentions": [
            {"document": m.document_id, "start": m.start, "end": m.end, "text": m.text}
            for m in sorted(mentions, key=lambda m: (m.document_id, m.start, m.end))
        ],
    }


def fact_record(fact: Fact) -> dict:
    return {
        "id": fact.id,
        "type": fact.type,
        "subject": fact.subject_id,
        "object": fact.object_id,
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
    documents = session.scalars(select(Document).order_by(Document.id)).all()
    mentions_by_entity: dict[str, list[Mention]] = defaultdict(list)
    spans = []
    for mention in session.scalars(
        select(Mention).order_by(Mention.document_id, Mention.start, Mention.end, Mention.type)
    ):
        if mention.entity_id:
            mentions_by_entity[mention.entity_id].append(mention)
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
    facts = session.scalars(
        select(Fact).options(selectinload(Fact.evidence)).order_by(Fact.id)
    ).all()
    return {
        "schema": SCHEMA,
        "documents": [document_record(d) for d in documents],
        "entities": [entity_record(e, mentions_by_entity.get(e.id, [])) for e in entities],
        "facts": [fact_record(f) for f in facts],
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
