"""Scoring extracted facts against expected facts (the fixtures' ``expected.yaml``).

A predicted fact matches an expected one when the type is the same, the subject and object
are the same records (by canonical name, by any alias, or by the spelling written in the
document), every expected attribute has the expected value, and an expected date is the
same. Precision, recall and F1 are counted per fact type.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)

    @property
    def total(self) -> Score:
        total = Score()
        for score in self.by_type.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total


def _names(entity: dict | None) -> set[str]:
    if entity is None:
        return set()
    return {entity["name"], *entity["aliases"]} | {m["text"] for m in entity["mentions"]}


def _same_reference(expected: str | None, as_written: str | None, entity: dict | None) -> bool:
    if expected is None:
        return entity is None
    if entity is None:
        return False
    if ":" in expected and entity["type"] == "legal_provision":
        country, article = expected.split(":", 1)
        attributes = entity["attributes"]
        articles = {attributes.get("article"), *attributes.get("articles", [])}
        return entity["country"] == country and article in articles
    wanted = {expected, as_written} - {None}
    folded = {n.replace("ё", "е").lower().strip("«»\"' ") for n in _names(entity)}
    return any(w.replace("ё", "е").lower().strip("«»\"' ") in folded for w in wanted)


def _attributes_match(expected: dict, actual: dict) -> bool:
    for key, value in expected.items():
        got = actual.get(key)
        if key == "code" and isinstance(got, str) and isinstance(value, str):
            if not got.startswith(value):
                return False
        elif isinstance(value, int | float) and isinstance(got, int | float):
            if abs(value - got) > 1e-6:
                return False
        elif value != got:
            return False
    return True


def fact_matches(expected: dict, fact: dict, entities: dict[str, dict]) -> bool:
    if fact["type"] != expected["type"]:
        return False
    if not _same_reference(
        expected.get("subject"), expected.get("subject_as_written"), entities.get(fact["subject"])
    ):
        return False
    if (
        "object" in expected
        and fact["type"] != "role"
        and not _same_reference(
            expected.get("object"), expected.get("object_as_written"), entities.get(fact["object"])
        )
    ):
        return False
    if not _attributes_match(expected.get("attributes", {}), fact["attributes"]):
        return False
    return not (expected.get("date") and fact.get("date") != expected["date"])


def score_document(
    report: Report, name: str, expected: dict, facts: list[dict], entities: dict[str, dict]
) -> None:
    unmatched = list(facts)
    for wanted in expected.get("facts", []):
        match = next((f for f in unmatched if fact_matches(wanted, f, entities)), None)
        if match is None:
            report.by_type[wanted["type"]].fn += 1
            report.misses.append(f"{name}: {wanted}")
        else:
            unmatched.remove(match)
            report.by_type[wanted["type"]].tp += 1
    for fact in unmatched:
        report.by_type[fact["type"]].fp += 1
        subject = entities.get(fact["subject"], {}).get("name")
        report.extras.append(f"{name}: {fact['type']} {subject} {fact['attributes']}")
    for banned in expected.get("absent", []):
        if any(fact_matches(banned, f, entities) for f in facts):
            report.forbidden.append(f"{name}: {banned}")
