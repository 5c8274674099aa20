"""Merge decisions as a log of judgements, and the records computed from it.

A judgement says that two entities are the same, not the same, or that it is unsure, who
said so and when. Nothing else changes when a judgement is recorded: the canonical id of
an entity is computed from the log, so every merge can be undone by a later judgement.

The rules (``compute_resolution``):

- For each pair of entities the latest judgement by a person wins; the resolver's own
  judgements (``decided_by`` starting with ``pledgewatch-``) count only for pairs no
  person has judged. Re-resolving never overrides a researcher.
- 'same' pairs are joined with union-find: researchers' in the order they were made,
  then the resolver's strongest first. A 'not same' pair is never joined, even through
  others: a join that would put two records judged 'not same' in one cluster is skipped.
  So ``split A B`` after ``merge A B`` separates them, and a chain A=B=C with 'A is not
  C' keeps A and B together and C apart.
- The survivor of a cluster is its oldest entity (then the lowest id): ids already cited
  keep pointing at the same record, and an absorbed id resolves to the survivor.
- 'unsure' pairs are the review queue ('possibly the same person') until someone decides.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pledgewatch.store.models import Entity, Judgement

SAME = "same"
NOT_SAME = "not_same"
UNSURE = "unsure"
DECISIONS = (SAME, NOT_SAME, UNSURE)
RESOLVER = "pledgewatch-resolver"

__all__ = [
    "DECISIONS",
    "NOT_SAME",
    "RESOLVER",
    "SAME",
    "UNSURE",
    "Decision",
    "JudgementError",
    "MergeCandidate",
    "MergeConflict",
    "Resolution",
    "canonical_id",
    "canonical_map",
    "compute_resolution",
    "is_automatic",
    "judgement_log",
    "load_resolution",
    "members",
    "merge",
    "pending_merge_candidates",
    "record_judgement",
    "split",
]


class JudgementError(ValueError):
    """A judgement that cannot be recorded (unknown entity, one entity with itself, two
    entity types, an unknown decision)."""


class MergeConflict(JudgementError):
    """A merge that earlier 'not same' judgements forbid."""

    def __init__(self, a: str, b: str, conflicts: list[Decision]):
        self.conflicts = conflicts
        pairs = "; ".join(f"{d.entity_a} / {d.entity_b} (#{d.id})" for d in conflicts)
        super().__init__(
            f"{a} and {b} stay apart: judged not the same: {pairs}. "
            "Merge those pairs first if that judgement was wrong."
        )


def is_automatic(decided_by: str) -> bool:
    return decided_by.startswith("pledgewatch-")


@dataclass(frozen=True)
class Decision:
    """One judgement as the rules read it (a row of the log, or one about to be)."""

    id: int
    entity_a: str
    entity_b: str
    decision: str
    decided_by: str
    decided_at: datetime
    score: float | None = None

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.entity_a, self.entity_b))

    @property
    def automatic(self) -> bool:
        return is_automatic(self.decided_by)

    @classmethod
    def of(cls, row: Judgement) -> Decision:
        return cls(
            row.id,
            row.entity_a,
            row.entity_b,
            row.decision,
            row.decided_by,
            _aware(row.decided_at),
            row.score,
        )


def _aware(value: datetime) -> datetime:
    """SQLite hands timestamps back without their zone: they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass
class Resolution:
    """Clusters computed from the log: ``canonical`` maps every entity of a cluster of two
    or more (survivor included) to its survivor; ``blocked`` holds the 'same' judgements a
    'not same' overrode; ``effective`` the decision in force for each judged pair."""

    canonical: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, list[str]] = field(default_factory=dict)
    blocked: list[Decision] = field(default_factory=list)
    effective: dict[frozenset[str], Decision] = field(default_factory=dict)
    negatives: dict[str, set[str]] = field(default_factory=dict)

    def canonical_id(self, entity_id: str) -> str:
        return self.canonical.get(entity_id, entity_id)

    def members(self, entity_id: str) -> list[str]:
        """The cluster's ids, survivor first (just ``entity_id`` when it is alone)."""
        return self.clusters.get(self.canonical_id(entity_id), [entity_id])

    def absorbed(self, entity_id: str) -> list[str]:
        return [m for m in self.members(entity_id) if m != self.canonical_id(entity_id)]

    def apart(self, a: str, b: str) -> list[Decision]:
        """The 'not same' decisions in force between the clusters of ``a`` and ``b``."""
        members_b = set(self.members(b))
        out = []
        for x in self.members(a):
            for y in self.negatives.get(x, ()):
                if y in members_b:
                    out.append(self.effective[frozenset((x, y))])
        return sorted(out, key=lambda d: d.id)


def compute_resolution(
    decisions: Iterable[Decision], created: Mapping[str, object] | None = None
) -> Resolution:
    """Clusters from a judgement log (see the module docstring). ``created`` maps entity
    ids to a sortable age (their creation time); the oldest member survives."""
    ordered = sorted(decisions, key=lambda d: (d.decided_at, d.id))
    human: dict[frozenset[str], Decision] = {}
    automatic: dict[frozenset[str], Decision] = {}
    for d in ordered:
        if d.entity_a == d.entity_b:
            continue
        (automatic if d.automatic else human)[d.pair] = d
    effective = {**automatic, **human}
    negatives: dict[str, set[str]] = defaultdict(set)
    for pair, d in effective.items():
        if d.decision == NOT_SAME:
            a, b = tuple(pair)
            negatives[a].add(b)
            negatives[b].add(a)

    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    barred: dict[str, set[str]] = {}  # root -> entities judged not the same as a member

    def find(x: str) -> str:
        if x not in parent:
            parent[x] = x
            members[x] = {x}
            barred[x] = set(negatives.get(x, ()))
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    joins = [d for d in effective.values() if d.decision == SAME and not d.automatic]
    joins.sort(key=lambda d: (d.decided_at, d.id))
    automatic_joins = [d for d in effective.values() if d.decision == SAME and d.automatic]
    automatic_joins.sort(key=lambda d: (-(d.score or 0.0), d.decided_at, d.id))
    resolution = Resolution(effective=effective, negatives=dict(negatives))
    for d in joins + automatic_joins:
        ra, rb = find(d.entity_a), find(d.entity_b)
        if ra == rb:
            continue
        if members[rb] & barred[ra]:
            resolution.blocked.append(d)
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra] |= members.pop(rb)
        barred[ra] |= barred.pop(rb)

    def age(entity_id: str):
        value = (created or {}).get(entity_id)
        return (value is None, value if value is not None else 0, entity_id)

    for group in members.values():
        if len(group) < 2:
            continue
        ordered_group = sorted(group, key=age)
        survivor = ordered_group[0]
        resolution.clusters[survivor] = ordered_group
        for entity_id in group:
            resolution.canonical[entity_id] = survivor
    return resolution


# --- the log in the database -------------------------------------------------------------------

_CACHE = "pledgewatch.resolution"
# The last resolution computed per engine, with the log version it was computed from:
# ingest opens a session per document, and rereading the whole log for each of them costs
# more the more judgements there are.
_BY_ENGINE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_JUDGEMENTS = Judgement.__table__.c
# asked once per ingested document: built once, on the table's columns (a Core select
# skips the ORM's work per statement)
_LOG_VERSION = select(
    func.count(_JUDGEMENTS.id), func.max(_JUDGEMENTS.id), func.max(_JUDGEMENTS.decided_at)
)


def _log_version(session: Session) -> tuple:
    """What changes whenever the log does: row count, highest id and latest decision
    time (the time tells a judgement from another that reused the id of a rolled-back
    one)."""
    return tuple(session.execute(_LOG_VERSION).one())


def load_resolution(session: Session) -> Resolution:
    """The clusters in force, computed from the judgements table (cached, per session and
    per engine, until the log changes)."""
    session.flush()
    version = _log_version(session)
    cached = session.info.get(_CACHE)
    if cached and cached[0] == version:
        return cached[1]
    bind = session.get_bind()
    try:
        cached = _BY_ENGINE.get(bind)
    except TypeError:  # a bind that cannot be weakly referenced: no cache across sessions
        bind = None
    if cached and cached[0] == version:
        session.info[_CACHE] = cached
        return cached[1]
    rows = session.scalars(select(Judgement).order_by(Judgement.decided_at, Judgement.id)).all()
    decisions = [Decision.of(r) for r in rows]
    ids = {d.entity_a for d in decisions} | {d.entity_b for d in decisions}
    created = {}
    if ids:
        for entity_id, created_at in session.execute(
            select(Entity.id, Entity.created_at).where(Entity.id.in_(ids))
        ):
            created[entity_id] = _aware(created_at)
    resolution = compute_resolution(decisions, created)
    session.info[_CACHE] = (version, resolution)
    if bind is not None:
        _BY_ENGINE[bind] = (version, resolution)
    return resolution


def canonical_id(session: Session, entity_id: str) -> str:
    """The id of the record ``entity_id`` belongs to now (itself unless merged away)."""
    return load_resolution(session).canonical_id(entity_id)


def canonical_map(session: Session) -> dict[str, str]:
    """Every merged entity id (survivors included) -> its survivor's id."""
    return dict(load_resolution(session).canonical)


def members(session: Session, entity_id: str) -> list[str]:
    """All ids of the record ``entity_id`` belongs to, the survivor first."""
    return list(load_resolution(session).members(entity_id))


def _check(session: Session, a: str, b: str, decision: str) -> tuple[Entity, Entity]:
    if decision not in DECISIONS:
        raise JudgementError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if a == b:
        raise JudgementError(f"{a} is one entity; a judgement needs two")
    found = []
    for entity_id in (a, b):
        entity = session.get(Entity, entity_id)
        if entity is None:
            raise JudgementError(f"no entity {entity_id!r}")
        found.append(entity)
    if found[0].type != found[1].type:
        raise JudgementError(
            f"{a} is a {found[0].type} and {b} a {found[1].type}: only records of one type merge"
        )
    return found[0], found[1]


def record_judgement(
    session: Session,
    a: str,
    b: str,
    decision: str,
    *,
    decided_by: str,
    score: float | None = None,
    decided_at: datetime | None = None,
) -> Judgement:
    """Appends one judgement to the log. Nothing else is changed."""
    _check(session, a, b, decision)
    if not decided_by or not decided_by.strip():
        raise JudgementError("a judgement needs the name of who made it")
    row = Judgement(
        entity_a=a,
        entity_b=b,
        decision=decision,
        score=None if score is None else round(float(score), 4),
        decided_by=decided_by.strip(),
        decided_at=decided_at or datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    session.info.pop(_CACHE, None)
    return row


def merge(
    session: Session, a: str, b: str, *, decided_by: str, score: float | None = None
) -> Judgement:
    """A researcher's 'same': ``a`` and ``b`` (and everything already merged with either)
    become one record. Raises ``MergeConflict`` when 'not same' judgements between the two
    records forbid it; a merge of the very pair a split separated overrides that split."""
    _check(session, a, b, SAME)
    now = datetime.now(UTC)
    rows = session.scalars(select(Judgement)).all()
    trial = compute_resolution([*map(Decision.of, rows), Decision(0, a, b, SAME, decided_by, now)])
    if trial.canonical_id(a) != trial.canonical_id(b):
        conflicts = [d for d in trial.apart(a, b) if d.pair != frozenset((a, b))]
        raise MergeConflict(a, b, conflicts)
    return record_judgement(session, a, b, SAME, decided_by=decided_by, score=score, decided_at=now)


def split(session: Session, a: str, b: str, *, decided_by: str) -> Judgement:
    """A researcher's 'not same': ``a`` and ``b`` are different records from now on,
    whatever merged them before (an earlier 'same' between them, or a chain of merges)."""
    return record_judgement(session, a, b, NOT_SAME, decided_by=decided_by)


@dataclass(frozen=True)
class MergeCandidate:
    """A pair in the review queue: 'possibly the same person'. ``entity_a``/``entity_b``
    are the records as they stand now (survivor ids); ``judgement_id`` is the 'unsure'
    judgement to answer with a 'same' or 'not same' on the same pair."""

    judgement_id: int
    entity_a: str
    entity_b: str
    score: float | None
    decided_by: str
    decided_at: datetime
    judged_a: str
    judged_b: str


def pending_merge_candidates(session: Session, limit: int | None = None) -> list[MergeCandidate]:
    """'Unsure' pairs nobody has answered whose records are still apart and not judged
    'not the same', strongest first (one per pair of records)."""
    resolution = load_resolution(session)
    seen: set[frozenset[str]] = set()
    out: list[MergeCandidate] = []
    for d in sorted(
        resolution.effective.values(), key=lambda d: (-(d.score or 0.0), d.decided_at, d.id)
    ):
        if d.decision != UNSURE:
            continue
        a, b = resolution.canonical_id(d.entity_a), resolution.canonical_id(d.entity_b)
        pair = frozenset((a, b))
        if a == b or pair in seen or resolution.apart(a, b):
            continue
        seen.add(pair)
        out.append(
            MergeCandidate(d.id, a, b, d.score, d.decided_by, d.decided_at, d.entity_a, d.entity_b)
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def judgement_log(
    session: Session, entity_id: str | None = None, decided_by: str | None = None
) -> list[Judgement]:
    """The judgements, oldest first; with ``entity_id`` those about any id of its record."""
    query = select(Judgement).order_by(Judgement.decided_at, Judgement.id)
    if entity_id is not None:
        ids = members(session, entity_id)
        query = query.where(or_(Judgement.entity_a.in_(ids), Judgement.entity_b.in_(ids)))
    if decided_by is not None:
        query = query.where(Judgement.decided_by == decided_by)
    return list(session.scalars(query))
