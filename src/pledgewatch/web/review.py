"""Review decisions: accept, reject or correct a suggested fact. Every decision is a
``Review`` row (who, when, what changed) and the fact keeps its latest reviewer; nothing is
deleted, and a decision can be revised by a later one.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgewatch.auth import now
from pledgewatch.model import vocab
from pledgewatch.store.models import Entity, Fact, Review, User
from pledgewatch.web.schemas import ReviewIn

# The attributes of each fact type (design.md), with the vocabulary of each enumerated one.
# Free-text attributes map to None.
FACT_ATTRIBUTES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "role": {"role": vocab.ROLES, "period": vocab.ROLE_PERIODS},
    "membership": {},
    "detention": {"kind": vocab.DETENTION_KINDS, "place": None},
    "charge": {"category": vocab.CHARGE_CATEGORIES, "article": None, "code": None},
    "trial": {"stage": vocab.TRIAL_STAGES, "case_number": None},
    "sentence": {
        "penalty": vocab.PENALTIES,
        "term_months": None,
        "amount": None,
        "currency": None,
        "life": vocab.YES_NO,
        "parole": vocab.YES_NO,
    },
    "acquittal": {},
    "allegation": {"kind": vocab.ALLEGATION_KINDS},
    "restriction": {"kind": vocab.RESTRICTION_KINDS},
    "release": {"kind": vocab.RELEASE_KINDS},
    "demand": {"action": vocab.DEMAND_ACTIONS, "addressee": None, "topic": None},
    "commitment": {"instrument": None, "theme": vocab.THEMES},
    "designation": {"kind": vocab.DESIGNATION_KINDS},
}
NUMERIC_ATTRIBUTES = ("term_months", "amount")
# Attributes stored as JSON booleans (a sentence's ``life`` and ``parole``); the form posts
# them as "true"/"false".
BOOLEAN_ATTRIBUTES = vocab.SENTENCE_FLAGS
_BOOLEANS = {"true": True, "false": False}
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DECISION_STATUS = {"accept": "accepted", "reject": "rejected", "correct": "accepted"}


class ReviewError(ValueError):
    """A decision that cannot be applied (unknown fact, bad value, unknown entity)."""


def attribute_fields(fact_type: str, attributes: dict) -> list[tuple[str, tuple[str, ...] | None]]:
    """The fields a correction form shows: the type's attributes, then any others the
    fact has."""
    fields = dict(FACT_ATTRIBUTES.get(fact_type, {}))
    for key in attributes:
        fields.setdefault(key, None)
    return list(fields.items())


def clean_attributes(fact_type: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """Checks enumerated values against the vocabularies; empty values drop the key."""
    known = FACT_ATTRIBUTES.get(fact_type, {})
    clean: dict[str, Any] = {}
    for key, value in attributes.items():
        key = str(key).strip()
        if not key:
            continue
        if isinstance(value, str):
            value = value.strip()
        if value in ("", None):
            continue
        if key in BOOLEAN_ATTRIBUTES:
            clean[key] = _boolean(key, value)
            continue
        choices = known.get(key)
        if choices is not None and value not in choices:
            raise ReviewError(f"{key}: {value!r} is not one of {', '.join(choices)}")
        if key in NUMERIC_ATTRIBUTES and isinstance(value, str):
            try:
                number = float(value.replace(",", "."))
            except ValueError as exc:
                raise ReviewError(f"{key}: {value!r} is not a number") from exc
            value = int(number) if number.is_integer() else number
        if key == "addressee":
            value = str(value).upper()
            if not re.fullmatch(r"[A-Z]{2}", value):
                raise ReviewError("addressee: a two-letter country code (KZ, KG, …)")
        clean[key] = value
    if clean.get("life") is True and clean.get("term_months") is not None:
        raise ReviewError("life: a life sentence has no term_months (leave the term empty)")
    return clean


def _boolean(key: str, value: Any) -> bool:
    """A yes/no attribute from the form ("true"/"false") or from JSON (true/false)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _BOOLEANS:
        return _BOOLEANS[value.lower()]
    raise ReviewError(f"{key}: {value!r} is not one of true, false")


def _entity_id(session: Session, value: str | None, field: str) -> str | None:
    if value in (None, ""):
        return None
    if session.get(Entity, value) is None:
        raise ReviewError(f"{field}: no entity with id {value!r}")
    return value


def apply_review(session: Session, fact_id: str, decision: ReviewIn, user: User) -> Fact:
    fact = session.scalar(select(Fact).where(Fact.id == fact_id))
    if fact is None:
        raise ReviewError(f"no fact with id {fact_id!r}")
    changes: dict[str, list] = {}
    if decision.decision == "correct":
        given = decision.model_fields_set
        if "attributes" in given and decision.attributes is not None:
            new = clean_attributes(fact.type, decision.attributes)
            # the form leaves out what is empty («term_months»: null): no change by itself
            stored = {k: v for k, v in (fact.attributes or {}).items() if v is not None}
            if new != stored:
                changes["attributes"] = [fact.attributes or {}, new]
        if "date" in given:
            new_date = (decision.date or "").strip() or None
            if new_date and not _DATE.match(new_date):
                raise ReviewError(
                    f"date: {new_date!r} is not an ISO date (2024, 2024-03, 2024-03-05)"
                )
            if new_date != fact.date:
                changes["date"] = [fact.date, new_date]
        for field, column in (("subject", "subject_id"), ("object", "object_id")):
            if field in given:
                new_id = _entity_id(session, getattr(decision, field), field)
                if new_id != getattr(fact, column):
                    changes[field] = [getattr(fact, column), new_id]
        for field, (_, after) in changes.items():
            setattr(fact, {"subject": "subject_id", "object": "object_id"}.get(field, field), after)
    moment = now()
    status_before = fact.status
    fact.status = DECISION_STATUS[decision.decision]
    fact.reviewed_by = user.name
    fact.reviewed_at = moment
    session.add(
        Review(
            fact_id=fact.id,
            decision=decision.decision,
            status_before=status_before,
            status_after=fact.status,
            changes=changes,
            note=(decision.note or "").strip() or None,
            reviewer=user.name,
            user_id=user.id,
            decided_at=moment,
        )
    )
    session.flush()
    return fact


def apply_bulk(
    session: Session, fact_ids: list[str], decision: str, user: User, note: str | None = None
) -> list[Fact]:
    """The same decision on many facts, in one transaction: all or none."""
    unique = list(dict.fromkeys(fact_ids))
    return [
        apply_review(session, fact_id, ReviewIn(decision=decision, note=note), user)
        for fact_id in unique
    ]
