"""The whole ingest of one file: acquire -> parse -> language -> extract -> resolve -> store.

``prepare`` is a pure function of the file (plus read access to known names) and may run
in worker processes; ``store_prepared`` writes one document and everything found in it
in one transaction, so an interrupted batch keeps every document stored before it.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import Session, sessionmaker

from pledgewatch.config import Settings
from pledgewatch.extract import EXTRACTOR, EXTRACTOR_VERSION, Extraction, dateline_date, extract
from pledgewatch.extract.document import short_hash
from pledgewatch.ingest.acquire import sha256_bytes
from pledgewatch.ingest.errors import FileTooLarge, IngestError
from pledgewatch.ingest.language import detect_language
from pledgewatch.ingest.parse import ParsedDocument, parse_bytes
from pledgewatch.resolve import known_person_lookup, resolve
from pledgewatch.store.db import get_engine, session_scope
from pledgewatch.store.models import Document, Entity, Evidence, Fact, Mention, SearchText
from pledgewatch.store.search import document_terms


@dataclass
class Prepared:
    path: str
    sha256: str
    data: bytes
    parsed: ParsedDocument
    language: str | None
    extraction: Extraction
    terms: str  # the search index's terms, computed here so that workers share the cost


@dataclass
class Outcome:
    path: str
    status: str  # added, duplicate, failed
    document_id: str | None = None
    error: str | None = None
    entities: int = 0
    facts: int = 0


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def document_id(sha256: str) -> str:
    return f"doc_{sha256[:16]}"


def read_checked(path: Path, settings: Settings) -> bytes:
    """The file's bytes, refused before reading when it is over the size limit."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise IngestError(path, "no such file or directory") from exc
    limit = settings.max_file_mb * 1024 * 1024
    if size > limit:
        raise FileTooLarge(
            path,
            f"file is {size / 1024 / 1024:.1f} MB, over the {settings.max_file_mb:g} MB limit "
            "(PLEDGEWATCH_MAX_FILE_MB)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc


def prepare(
    path: Path,
    settings: Settings,
    session: Session | None = None,
    before_lookup: Callable[[], object] | None = None,
) -> Prepared:
    """Reads, parses and extracts one file. ``session`` answers the English extractor's
    questions about names already stored; ``before_lookup``, when given, is called before
    each such question (to wait for the previous document's commit)."""
    data = read_checked(path, settings)
    parsed = parse_bytes(
        data,
        str(path),
        max_bytes=int(settings.max_file_mb * 1024 * 1024),
        max_chars=settings.max_text_chars,
    )
    text = parsed.text[: settings.max_text_chars]
    parsed.text = text
    parsed.published = parsed.published or dateline_date(text)
    language = detect_language(text)
    known = known_person_lookup(session) if session is not None else None
    if known is not None and before_lookup is not None:
        known = _after(before_lookup, known)
    extraction = extract(text, language, parsed.published, known)
    terms = document_terms(text)
    return Prepared(str(path), sha256_bytes(data), data, parsed, language, extraction, terms)


# Built once, on the table's columns: asked for every document, and a plain Core select
# skips the ORM's per-statement work (building it anew cost more than running it).
_DOCUMENT_BY_SHA256 = select(Document.__table__.c.id).where(
    Document.__table__.c.sha256 == bindparam("sha256")
)


def is_stored(session: Session, sha256: str) -> bool:
    return session.scalar(_DOCUMENT_BY_SHA256, {"sha256": sha256}) is not None


def store_prepared(session: Session, prepared: Prepared, settings: Settings) -> Outcome:
    if is_stored(session, prepared.sha256):
        return Outcome(prepared.path, "duplicate", document_id(prepared.sha256))
    now = datetime.now(UTC)
    parsed = prepared.parsed
    doc_id = document_id(prepared.sha256)
    # a Core insert: the ORM's unit of work costs more than the row, and nothing here
    # needs the Document object
    session.execute(
        Document.__table__.insert(),
        {
            "id": doc_id,
            "source": prepared.path,
            "title": parsed.title,
            "language": prepared.language,
            "published": parsed.published,
            "sha256": prepared.sha256,
            "media_type": parsed.media_type,
            "text": parsed.text,
            "original": prepared.data if settings.keep_originals else None,
            "ingested_at": now,
            "extractor_version": EXTRACTOR_VERSION,
        },
    )
    extraction = prepared.extraction
    entities = resolve(session, extraction)
    mention_rows = [
        {
            "document_id": doc_id,
            "entity_id": entities[m.entity].id if m.entity else None,
            "type": m.type,
            "start": m.start,
            "end": m.end,
            "text": m.text,
        }
        for m in extraction.mentions
    ]
    # Core inserts, one statement per table: the ORM would insert one row at a time (it
    # fetches each new id) or split the rows wherever a value is None
    if mention_rows:
        session.execute(Mention.__table__.insert(), mention_rows)
    fact_rows, evidence_rows = _fact_rows(doc_id, parsed.text, extraction, entities, now)
    if fact_rows:
        session.execute(Fact.__table__.insert(), fact_rows)
        session.execute(Evidence.__table__.insert(), evidence_rows)
    session.execute(SearchText.__table__.insert(), {"document_id": doc_id, "terms": prepared.terms})
    return Outcome(
        prepared.path,
        "added",
        doc_id,
        entities=len({e.id for e in entities.values()}),
        facts=len(fact_rows),
    )


def _fact_rows(
    document: str, text: str, extraction: Extraction, entities: dict[str, Entity], now: datetime
) -> tuple[list[dict], list[dict]]:
    """The rows of the document's facts and of their evidence, each fact once (its id
    derives from what it says and where)."""
    facts, evidence, seen = [], [], set()
    for draft in extraction.facts:
        subject = entities[draft.subject].id if draft.subject else None
        obj = entities[draft.object].id if draft.object else None
        start, end = draft.evidence
        fact_id = "fct_" + short_hash(
            document,
            draft.type,
            subject,
            obj,
            json.dumps(draft.attributes, sort_keys=True, ensure_ascii=False),
            start,
            end,
            length=16,
        )
        if fact_id in seen:
            continue
        seen.add(fact_id)
        facts.append(
            {
                "id": fact_id,
                "type": draft.type,
                "subject_id": subject,
                "object_id": obj,
                "attributes": draft.attributes,
                "date": draft.date,
                "status": "suggested",
                "confidence": round(draft.confidence, 3),
                "spans": [list(s) for s in draft.spans],
                "extractor": EXTRACTOR,
                "extractor_version": EXTRACTOR_VERSION,
                "recorded_at": now,
                "reviewed_by": None,
                "reviewed_at": None,
            }
        )
        evidence.append(
            {
                "fact_id": fact_id,
                "document_id": document,
                "start": start,
                "end": end,
                "quote": text[start:end],
            }
        )
    return facts, evidence


def ingest_one(engine: Engine, path: Path, settings: Settings) -> Outcome:
    """One file in one transaction; any error becomes a failed outcome naming the file."""
    try:
        with session_scope(engine) as session:
            prepared = prepare(path, settings, session)
            return store_prepared(session, prepared, settings)
    except Exception as exc:  # one broken file must never stop the others
        return _failed(path, exc)


def _failed(path: Path, exc: Exception) -> Outcome:
    if isinstance(exc, IngestError):
        return Outcome(str(path), "failed", error=str(exc))
    return Outcome(str(path), "failed", error=f"{path.name}: {type(exc).__name__}: {exc}")


def _after(wait: Callable[[], object], lookup):
    def lookup_after_wait(key: str):
        wait()
        return lookup(key)

    return lookup_after_wait


def _commit(session: Session, path: Path, outcome: Outcome) -> Outcome:
    try:
        session.commit()
        return outcome
    except Exception as exc:
        session.rollback()
        return _failed(path, exc)
    finally:
        session.close()


def _ingest_serially(
    engine: Engine, paths: Iterable[Path], settings: Settings
) -> Iterator[Outcome]:
    """``ingest_one`` for each path, the same transactions in the same order, except that
    each commit runs in a second thread while this one reads and extracts the next file:
    a commit is mostly a wait for the disk (``PRAGMA synchronous=FULL``), a few
    milliseconds a document that the extraction can use. Nothing of the next document
    touches the database before that commit has ended: its first statement waits for it,
    and so does the English extractor's look-up of stored names."""
    maker = sessionmaker(engine, expire_on_commit=False)
    pending: Future[Outcome] | None = None  # the previous document's commit
    session: Session | None = None  # the document being prepared and stored
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pledgewatch-commit") as committer:
        try:
            for path in paths:
                session = maker()
                waiting = pending
                try:
                    prepared = prepare(
                        path, settings, session, before_lookup=waiting and waiting.result
                    )
                except Exception as exc:
                    failed = _failed(path, exc)
                else:
                    failed = None
                if pending is not None:
                    done, pending = pending.result(), None
                    yield done
                if failed is None:
                    try:
                        outcome = store_prepared(session, prepared, settings)
                    except Exception as exc:
                        failed = _failed(path, exc)
                if failed is not None:
                    session.rollback()
                    session.close()
                    session = None
                    yield failed
                    continue
                pending = committer.submit(_commit, session, path, outcome)
                session = None
            if pending is not None:
                done, pending = pending.result(), None
                yield done
        finally:  # the iteration stopped early, or an error that is no failed document
            if session is not None:
                session.rollback()
                session.close()
            if pending is not None:
                pending.result()  # a document already stored is committed, not abandoned


def _prepare_in_worker(args) -> Prepared | Outcome:
    path, settings, url = args
    try:
        with session_scope(get_engine(url)) as session:
            return prepare(Path(path), settings, session)
    except IngestError as exc:
        return Outcome(str(path), "failed", error=str(exc))
    except Exception as exc:
        return Outcome(str(path), "failed", error=f"{Path(path).name}: {type(exc).__name__}: {exc}")


# The cyclic garbage collector's youngest generation is collected every 700 new container
# objects by default, and every tenth of those collections the next, and so on up: an
# ingest makes millions (parses, spans, rows), and the caches it fills (words, names) are
# what the older collections walk again and again. On the 300 benchmark documents the
# collector took 1.3 s of 23 s (five full collections); collected every 10,000 objects,
# about 0.5 s, none of them full. Reference counting frees most garbage at once either way.
COLLECT_EVERY = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The youngest generation's threshold at ``COLLECT_EVERY`` (at least) for the block,
    the previous thresholds after it."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], COLLECT_EVERY), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def ingest_paths(
    engine: Engine, paths: Iterable[Path], settings: Settings, workers: int = 1
) -> Iterator[Outcome]:
    """Ingests each path; yields one outcome per file as it is stored. The garbage
    collector runs less often meanwhile (``_fewer_collections``)."""
    with _fewer_collections():
        yield from _ingest_paths(engine, paths, settings, workers)


def _ingest_paths(
    engine: Engine, paths: Iterable[Path], settings: Settings, workers: int
) -> Iterator[Outcome]:
    if workers <= 1:
        yield from _ingest_serially(engine, paths, settings)
        return
    url = engine.url.render_as_string(hide_password=False)
    jobs = [(str(p), settings, url) for p in paths]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(_prepare_in_worker, jobs, chunksize=4):
            if isinstance(result, Outcome):
                yield result
                continue
            try:
                with session_scope(engine) as session:
                    yield store_prepared(session, result, settings)
            except Exception as exc:
                yield Outcome(result.path, "failed", error=f"{Path(result.path).name}: {exc}")
