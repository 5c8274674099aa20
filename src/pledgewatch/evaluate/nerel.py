"""Scoring the extractor against NEREL (Russian Wikinews, BRAT standoff annotation).

Three parts, each usable on its own:

- a BRAT reader (:func:`parse_ann`, :func:`read_document`, :func:`read_split`): entity lines
  ``T1<TAB>TYPE start end<TAB>text`` (discontinuous ones ``TYPE 0 5;10 15`` keep their
  fragments), relation lines ``R1<TAB>TYPE Arg1:T1 Arg2:T2``; events, attributes and notes
  (``E``, ``A``, ``N``, ``#``) are ignored, and a line that does not parse is skipped and
  counted. Nested entities are all kept.
- the mapping from the project's mentions and facts to NEREL types
  (:func:`nerel_type`, :func:`extraction_items`); see ``MENTION_TYPES`` and
  ``RELATION_RULES``.
- an exact-span scorer (:class:`Scorer`): an entity counts when its type, start and end are
  the gold ones (a discontinuous gold entity only when its fragments are the same, which in
  practice never happens, so it only counts in support); a relation counts when its type and
  both argument spans are exact. Counts are summed over documents (micro-average).
  ``LOC`` is the union of COUNTRY, CITY, STATE_OR_PROVINCE, LOCATION and DISTRICT, scored
  without regard to the type within the union (what natasha's LOC tag is comparable to).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pledgewatch import refdata
from pledgewatch.extract.types import EntityDraft, Extraction, MentionDraft

Fragments = tuple[tuple[int, int], ...]
EntityItem = tuple[str, Fragments]  # (type, fragments)
RelationItem = tuple[str, Fragments, Fragments]  # (type, arg1 fragments, arg2 fragments)

# The types `eval nerel` reports, in this order.
ENTITY_TYPES = (
    "PERSON",
    "ORGANIZATION",
    "COUNTRY",
    "CITY",
    "STATE_OR_PROVINCE",
    "PROFESSION",
    "LAW",
    "CRIME",
    "PENALTY",
    "DATE",
    "EVENT",
)
RELATION_TYPES = ("WORKS_AS", "MEMBER_OF", "CONVICTED_OF", "PENALIZED_AS")
LOC = "LOC"
LOC_UNION = frozenset({"COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION", "DISTRICT"})

# The project's mention and span types -> NEREL entity types. ``location`` is decided per
# mention by :func:`location_type`; an ``instrument`` by its kind (:data:`LAW_KINDS`);
# ``commitment`` has no counterpart.
MENTION_TYPES = {
    "person": "PERSON",
    "organization": "ORGANIZATION",
    "country": "COUNTRY",
    "legal_provision": "LAW",
    "crime": "CRIME",
    "penalty": "PENALTY",
    "date": "DATE",
    "profession": "PROFESSION",
    "event": "EVENT",
}

# Kinds of ``instrument`` scored as LAW: a law as a whole («УК РФ», «Конституции», «закон о
# …») and a treaty («договор по СНВ», «Конвенции о киберпреступности», «декларацию о
# независимости») and a decree by its title («Указ «О …»»), as NEREL annotates them; a
# summit's declaration (reference data) is not scored.
LAW_KINDS = frozenset({"law", "draft_law", "treaty", "decree"})

# Fact type -> (NEREL relation, span type of the second argument). The first argument is
# always the subject person's mention in the fact's evidence sentence closest to that span
# (for an event told with a noun, that noun: :data:`_REFERENTS`; with «его», the subject's
# last mention before the sentence: :data:`_EVENT_FACTS`); a detention counts only through the preventive measure it records
# («под домашним арестом», «под стражей»), a restriction through its measure («под
# подпиской о невыезде»); for ``membership`` the second argument is the organization span
# the fact was built from, and a membership as head or founder (a ``position`` span) is not
# scored (:func:`_membership_targets`).
RELATION_RULES = {
    "role": (("WORKS_AS", "profession"),),
    "membership": (("MEMBER_OF", "organization"),),
    "charge": (("CONVICTED_OF", "crime"),),
    "sentence": (("CONVICTED_OF", "crime"), ("PENALIZED_AS", "penalty")),
    "detention": (("PENALIZED_AS", "penalty"),),  # a preventive measure: «под домашним арестом»
    "restriction": (("PENALIZED_AS", "penalty"),),  # «под подпиской о невыезде»
}

# Words that make a place a region, on the lemmatized name or the surface form
# («Кировоградская область», «Московской области», "Almaty Region").
_REGION_WORDS = re.compile(
    r"(?<!\w)(област|кра[йяюе]\b|штат|провинци|губерни|округ|регион|"
    r"region|province|oblast|county|state\b)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- BRAT reader


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    fragments: Fragments
    text: str

    @property
    def discontinuous(self) -> bool:
        return len(self.fragments) > 1


@dataclass(frozen=True)
class GoldRelation:
    id: str
    type: str
    arg1: str  # GoldEntity.id
    arg2: str


@dataclass
class BratDocument:
    name: str
    text: str
    entities: dict[str, GoldEntity] = field(default_factory=dict)
    relations: list[GoldRelation] = field(default_factory=list)
    skipped_lines: int = 0  # lines of the .ann file that did not parse


_ENTITY_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_RELATION_LINE = re.compile(r"^(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)\s*$")
_IGNORED = ("E", "A", "N", "#", "M", "*")


def parse_ann(ann: str, name: str = "", text: str = "") -> BratDocument:
    """Parses the text of a ``.ann`` file. Relations whose arguments are not entities of
    the file are skipped (and counted with the lines that do not parse)."""
    doc = BratDocument(name, text)
    relations = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        if m := _ENTITY_LINE.match(line):
            fragments = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in m.group(3).split(";"))
            )
            doc.entities[m.group(1)] = GoldEntity(m.group(1), m.group(2), fragments, m.group(4))
        elif m := _RELATION_LINE.match(line):
            relations.append(GoldRelation(*m.groups()))
        elif line.startswith(_IGNORED) and "\t" in line:
            continue
        else:  # e.g. the stray text line in train/21013_text.ann
            doc.skipped_lines += 1
    for relation in relations:
        if relation.arg1 in doc.entities and relation.arg2 in doc.entities:
            doc.relations.append(relation)
        else:
            doc.skipped_lines += 1
    return doc


def read_document(txt: Path) -> BratDocument:
    """``name.txt`` and its ``name.ann`` (offsets are into the text as stored, so no
    newline translation)."""
    with open(txt, encoding="utf-8", newline="") as handle:
        text = handle.read()
    ann_path = txt.with_suffix(".ann")
    ann = ann_path.read_text(encoding="utf-8") if ann_path.exists() else ""
    return parse_ann(ann, txt.stem, text)


def split_files(directory: Path, limit: int | None = None) -> list[Path]:
    """The ``.txt`` files of a split folder that have an ``.ann`` next to them, sorted."""
    files = [p for p in sorted(Path(directory).glob("*.txt")) if p.with_suffix(".ann").exists()]
    return files[:limit] if limit is not None else files


def read_split(directory: Path, limit: int | None = None) -> Iterator[BratDocument]:
    for path in split_files(directory, limit):
        yield read_document(path)


# --------------------------------------------------------------------------- items


@dataclass
class Items:
    """What is scored for one document: typed entity spans and typed relations."""

    entities: set[EntityItem] = field(default_factory=set)
    relations: set[RelationItem] = field(default_factory=set)


def with_loc_union(entities: Iterable[EntityItem]) -> set[EntityItem]:
    """The items plus a ``LOC`` item for each span of a type in the LOC union."""
    items = set(entities)
    items |= {(LOC, fragments) for type_, fragments in items if type_ in LOC_UNION}
    return items


def gold_items(doc: BratDocument) -> Items:
    entities = {(e.type, e.fragments) for e in doc.entities.values()}
    relations = {
        (r.type, doc.entities[r.arg1].fragments, doc.entities[r.arg2].fragments)
        for r in doc.relations
    }
    return Items(with_loc_union(entities), relations)


def location_type(text: str, entity: EntityDraft | None = None) -> str:
    """CITY when the reference data knows the place as a city (by the entity draft's
    nominative name, its aliases, or the surface form); STATE_OR_PROVINCE when the name
    says it is a region («Кировоградская область», «Алтайский край», "Almaty Region") or
    the reference data lists it as one («Татарстан», «Колорадо», «ГБАО»); LOCATION
    otherwise. A district («Приволжский федеральный округ», «военного округа») is not a
    region, nor is «Соединённых Штатов» (its «штат» is the country's)."""
    names = [n for n in ([entity.name, *entity.aliases, text] if entity else [text]) if n]
    if any(refdata.city_by_name(n) for n in names):
        return "CITY"
    if any(refdata.region_by_name(n) for n in names):
        return "STATE_OR_PROVINCE"
    # the lemmatizer does not know every place: «в Претории», «из Невады»
    if refdata.city_by_name(text, inflected=True):
        return "CITY"
    if refdata.region_by_name(text, inflected=True):
        return "STATE_OR_PROVINCE"
    if any(re.search(r"округ|штат(?:ы|ов|ам|ами|ах)\b", n, re.IGNORECASE) for n in names):
        return "LOCATION"
    if any(_REGION_WORDS.search(n) for n in names):
        return "STATE_OR_PROVINCE"
    return "LOCATION"


def nerel_type(mention: MentionDraft, entity: EntityDraft | None = None) -> str | None:
    """The NEREL type of one of the project's mentions, or None when it has none."""
    if mention.type == "location":
        return location_type(mention.text, entity)
    if mention.type == "instrument":
        kind = entity.attributes.get("kind") if entity is not None else None
        return "LAW" if kind in LAW_KINDS else None
    return MENTION_TYPES.get(mention.type)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def extraction_items(extraction: Extraction, text: str = "") -> Items:
    """The NEREL items of one extraction: its mentions, and relations from its facts.
    With the ``text``, a subject named twice in a sentence is linked by the mention outside
    brackets («Карсона Ёнга (Carson Yeung)»), as NEREL links it."""
    entities = set()
    for mention in extraction.mentions:
        type_ = nerel_type(mention, extraction.entities.get(mention.entity or ""))
        if type_ is not None:
            entities.add((type_, ((mention.start, mention.end),)))

    relations = set()
    for fact in extraction.facts:
        rules = RELATION_RULES.get(fact.type)
        if not rules or fact.subject is None:
            continue
        start, end = fact.evidence
        if end <= start:  # no evidence sentence recorded: the whole text
            start, end = 0, 1 << 62

        def in_sentence(m: MentionDraft, key: str | None, s=start, e=end) -> bool:
            return m.entity == key and s <= m.start < e

        persons = [
            (m.start, m.end)
            for m in extraction.mentions
            if m.type == "person" and in_sentence(m, fact.subject)
        ]
        referent = [(s, e) for t, s, e in fact.spans if t in _REFERENTS]
        if fact.type in _EVENT_FACTS and (referent or not persons):
            # named in the sentence by a noun («приговорил футболиста», «Американец получил
            # пожизненный срок»), which NEREL links the relation to unless the paragraph
            # named the person before it, or else by a pronoun
            named = _named_in_paragraph(extraction, fact.subject, referent, text)
            persons = named or referent[:1] or _antecedent(extraction, fact.subject, start, text)
        if not persons:
            continue
        for relation, span_type in rules:
            if span_type == "organization":
                targets = _membership_targets(fact, extraction, in_sentence)
            else:
                targets = [(s, e) for t, s, e in fact.spans if t == span_type]
            for target in targets:
                person = min(
                    persons,
                    key=lambda p, t=target: (_in_brackets(text, p), _distance(p, t), p),
                )
                relations.add((relation, (person,), (target,)))
    return Items(with_loc_union(entities), relations)


def _in_brackets(text: str, span: tuple[int, int]) -> bool:
    """Whether the span stands inside brackets of its own line: «(Christopher Chaney)»."""
    start, end = span
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", opened, start) >= 0 or "\n" in text[opened:start]:
        return False
    closed = text.find(")", end)
    return closed >= 0 and "(" not in text[end:closed] and "\n" not in text[end:closed]


# Facts whose subject may be named only by a pronoun in the evidence («Суд приговорил его к
# пожизненному заключению»), the person having been named in a sentence before. A charge
# too: the fact rules carry its subject over only when the sentence refers back to them
# before the offence («Ему предъявлены обвинения в …», «Политика признали виновным в …»);
# carried over without that, a quarter of those relations were right on NEREL train.
_EVENT_FACTS = frozenset({"sentence", "detention", "restriction", "charge"})


# Spans of an event fact that name its person in the sentence by a noun: a profession
# («суд приговорил футболиста») or a nationality («СМИ обвинили россиянку в …»), also in a
# lead that names the person only in a sentence after it («Гражданина Китая приговорили к
# 5 годам тюрьмы»), where the noun, not the later name, is what NEREL links.
_REFERENTS = frozenset({"profession", "nationality"})


def _named_in_paragraph(
    extraction: Extraction, subject: str, nouns: list[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """The subject's last mention before the noun that names them in the sentence, when it
    stands in the noun's paragraph (its line): «Владимир Квачков — полковник в отставке. …
    Но в 2010 году полковник был снова задержан, а в 2013 году приговорён к восьми годам» is
    linked by the name, as NEREL does (all 9 such links on train name the person, 7 the
    noun too). A noun in a paragraph that has not named the person («В мае суд приговорил
    футболиста к 21 месяцу» on a line of its own) is linked itself, as is a lead's noun,
    told before the name."""
    if not nouns or not text:
        return []
    start = nouns[0][0]
    paragraph = text.rfind("\n", 0, start) + 1
    earlier = [
        (m.start, m.end)
        for m in extraction.mentions
        if m.type == "person" and m.entity == subject and paragraph <= m.start < start
    ]
    return [max(earlier)] if earlier else []


def _antecedent(
    extraction: Extraction, subject: str, before: int, text: str = ""
) -> list[tuple[int, int]]:
    """The subject's last mention before the evidence sentence, which NEREL links the
    relation to when the sentence itself says «его»; not one in brackets after the name
    («Брендт Кристенсен (Brendt Christensen)»)."""
    earlier = [
        (m.start, m.end)
        for m in extraction.mentions
        if m.type == "person" and m.entity == subject and m.start < before
    ]
    outside = [span for span in earlier if not _in_brackets(text, span)]
    return [max(outside or earlier)] if earlier else []


def _membership_targets(fact, extraction: Extraction, in_sentence) -> list[tuple[int, int]]:
    """The organization span of a membership fact for MEMBER_OF: the one it was built
    from (older facts: the object's mentions in the sentence). None for a head or founder
    (a ``position`` span: «лидер партии»), which NEREL keeps apart as HEADS_ORGANIZATION
    and FOUNDED_BY."""
    if any(t == "position" for t, _, _ in fact.spans):
        return []
    built_from = [(s, e) for t, s, e in fact.spans if t == "organization"]
    return built_from or [
        (m.start, m.end)
        for m in extraction.mentions
        if m.type == "organization" and fact.object and in_sentence(m, fact.object)
    ]


# --------------------------------------------------------------------------- scorer


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


def _count(by_type: dict[str, Count], gold: set, pred: set) -> None:
    for item in gold & pred:
        by_type[item[0]].tp += 1
    for item in pred - gold:
        by_type[item[0]].fp += 1
    for item in gold - pred:
        by_type[item[0]].fn += 1


@dataclass
class Scorer:
    """Exact-match counts per type, summed over documents (micro-average)."""

    entities: dict[str, Count] = field(default_factory=lambda: defaultdict(Count))
    relations: dict[str, Count] = field(default_factory=lambda: defaultdict(Count))
    documents: int = 0

    def add(self, gold: Items, pred: Items) -> None:
        _count(self.entities, gold.entities, pred.entities)
        _count(self.relations, gold.relations, pred.relations)
        self.documents += 1

    def entity(self, type_: str) -> Count:
        return self.entities.get(type_) or Count()

    def relation(self, type_: str) -> Count:
        return self.relations.get(type_) or Count()


@dataclass
class Evaluation:
    scorer: Scorer
    seconds: float  # time spent in the predictor (extraction), model loading excluded
    skipped_lines: int = 0

    @property
    def docs_per_second(self) -> float:
        return self.scorer.documents / self.seconds if self.seconds > 0 else 0.0

    def as_json(
        self,
        entity_types: Iterable[str] = (*ENTITY_TYPES, LOC),
        relation_types: Iterable[str] = RELATION_TYPES,
    ) -> dict:
        return {
            "entities": {t: self.scorer.entity(t).as_dict() for t in entity_types},
            "relations": {t: self.scorer.relation(t).as_dict() for t in relation_types},
            "docs_per_second": round(self.docs_per_second, 2),
        }


Predictor = Callable[[str], Items]


def evaluate(
    documents: Iterable[BratDocument],
    predict: Predictor,
    on_document: Callable[[BratDocument, Items, Items], None] | None = None,
) -> Evaluation:
    """Runs ``predict`` on every document's text and scores it; only the predictor's calls
    are timed."""
    scorer = Scorer()
    seconds = 0.0
    skipped = 0
    for doc in documents:
        started = time.perf_counter()
        pred = predict(doc.text)
        seconds += time.perf_counter() - started
        gold = gold_items(doc)
        scorer.add(gold, pred)
        skipped += doc.skipped_lines
        if on_document is not None:
            on_document(doc, gold, pred)
    return Evaluation(scorer, seconds, skipped)


def project_predictor(language: str = "ru") -> Predictor:
    """The project's extraction as a predictor, with its models loaded and its caches
    warmed on a short text first (so loading is not timed)."""
    from pledgewatch.extract import extract

    extract("Журналист Иван Петров арестован в Алматы 5 мая 2023 года по статье 174 УК РК.", "ru")

    def predict(text: str) -> Items:
        return extraction_items(extract(text, language), text)

    return predict
