"""A person's status and a demand's outcome, derived from facts (never typed in).

This is the small part of tracking the web pages need today (who is held now, which
demands are open); the fuller model of design.md (status as of any date, outcomes with
time to outcome) belongs in ``track/`` when that stage exists, and these functions move
there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

HELD, RESTRICTED, RELEASED, UNKNOWN = "held", "restricted", "released", "unknown"

# Fact types that change where a person is.
STATUS_FACT_TYPES = ("detention", "sentence", "restriction", "release", "acquittal")


@dataclass(frozen=True)
class StatusEvent:
    subject: str
    type: str
    date: str | None
    attributes: dict


def event_state(type_: str, attributes: dict) -> str | None:
    """The status one fact puts a person in, or None when it says nothing about it."""
    kind = attributes.get("kind")
    if type_ == "detention":
        return RESTRICTED if kind == "house_arrest" else HELD
    if type_ == "sentence":
        penalty = attributes.get("penalty")
        if penalty in ("imprisonment", "administrative_arrest", "death"):
            return HELD  # a death sentence: held on death row
        if penalty in ("restricted_freedom", "suspended_sentence", "ban"):
            return RESTRICTED
        return None
    if type_ == "restriction":
        return RESTRICTED
    if type_ == "release":
        return RESTRICTED if kind == "transfer_to_house_arrest" else RELEASED
    if type_ == "acquittal":
        return RELEASED
    return None


def person_status(events: Iterable[StatusEvent]) -> str:
    """Dated facts are read in date order and the last one decides. Undated facts cannot
    be placed: an undated release still ends a detention (releases follow arrests);
    otherwise they decide only when no dated fact does."""
    dated: list[tuple[str, int, str]] = []
    undated: set[str] = set()
    for event in events:
        state = event_state(event.type, event.attributes or {})
        if state is None:
            continue
        if event.date:
            # on the same date a release comes after the arrest it ends
            dated.append((event.date, 1 if state == RELEASED else 0, state))
        else:
            undated.add(state)
    state = max(dated)[2] if dated else None
    if RELEASED in undated:
        return RELEASED
    if state is None:
        for candidate in (HELD, RESTRICTED):
            if candidate in undated:
                return candidate
        return UNKNOWN
    return state


def demand_is_open(action: str | None, object_status: str | None) -> bool:
    """A demand to release (or drop the charges against) a person is met once the person
    is released; other demands stay open until outcome facts about laws exist."""
    if action in ("release", "drop_charges") and object_status == RELEASED:
        return False
    return True
