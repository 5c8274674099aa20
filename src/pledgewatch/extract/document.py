"""The working state of one document's extraction: its sentences, the entities and
typed spans found so far, and helpers the fact rules share."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from pledgewatch.extract.types import EntityDraft, Extraction, FactDraft, MentionDraft


@dataclass
class Span:
    type: str
    start: int
    end: int
    text: str
    entity: str | None = None  # EntityDraft key
    data: object = None  # the grammar match behind a typed span (penalty, date, ...)


@dataclass
class DocumentContext:
    text: str
    language: str
    published: str | None
    sentences: list[tuple[int, int]]
    extraction: Extraction = field(default_factory=Extraction)
    spans: list[Span] = field(default_factory=list)
    provision_refs: list | None = None  # the provisions grammar's matches, found once

    def __post_init__(self) -> None:
        self._sentence_starts = [start for start, _ in self.sentences]

    # --- entities and spans ----------------------------------------------------------

    def add_entity(self, draft: EntityDraft) -> str:
        known = self.extraction.entities.get(draft.key)
        if known is None:
            self.extraction.entities[draft.key] = draft
            return draft.key
        for alias in [draft.name, *draft.aliases]:
            if alias != known.name and alias not in known.aliases:
                known.aliases.append(alias)
        if known.country is None:
            known.country = draft.country
        for name, value in draft.attributes.items():
            known.attributes.setdefault(name, value)
        return known.key

    def add_span(
        self, type: str, start: int, end: int, entity: str | None = None, data: object = None
    ) -> Span | None:
        """Adds a mention unless one of the same type already covers the same characters."""
        for span in self.spans:  # compared field by field: no tuple built per span
            if (
                span.start == start
                and span.end == end
                and span.type == type
                and span.entity == entity
            ):
                return None
        span = Span(type, start, end, self.text[start:end], entity, data)
        self.spans.append(span)
        return span

    def covered(self, start: int, end: int, types: tuple[str, ...]) -> bool:
        return any(s.type in types and s.start < end and start < s.end for s in self.spans)

    def entity(self, key: str | None) -> EntityDraft | None:
        return self.extraction.entities.get(key) if key else None

    # --- sentences ---------------------------------------------------------------------

    def join_sentences_split_inside_names(self) -> None:
        """natasha ends a sentence at the «!» of «Алга, Казахстан!» or «Oyan, Qazaqstan!»;
        a sentence break right after a "!" that lies inside a name is no break. Nor is one
        inside brackets («приговорил Карсона Ёнга (Carson Yeung; Карсон Ён) к шести
        годам», «Павел Паршов (род. 28.07.1988)»): :func:`_inside_brackets`."""
        joined = [self.sentences[0]] if self.sentences else []
        for start, end in self.sentences[1:]:
            previous_start, previous_end = joined[-1]
            tail = self.text[previous_start:previous_end].rstrip()
            bang = previous_start + len(tail.rstrip("»”\"'")) - 1
            inside_name = tail.endswith(("!»", '!"', "!”", "!")) and any(
                s.start <= bang < s.end
                for s in self.spans
                if s.type in ("organization", "instrument", "location")
            )
            if inside_name or _inside_brackets(self.text, (previous_start, previous_end), end):
                joined[-1] = (previous_start, end)
            else:
                joined.append((start, end))
        self.sentences = joined
        self._sentence_starts = [start for start, _ in joined]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def spans_in(self, index: int, *types: str) -> list[Span]:
        start, end = self.sentences[index]
        return sorted(
            [s for s in self.spans if start <= s.start < end and s.type in types],
            key=_START,
        )

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    # --- facts -------------------------------------------------------------------------

    def add_fact(self, fact: FactDraft) -> None:
        for known in self.extraction.facts:
            if (
                known.type == fact.type
                and known.subject == fact.subject
                and known.object == fact.object
                and known.attributes == fact.attributes
                and known.evidence == fact.evidence
            ):
                return
        self.extraction.facts.append(fact)

    def finish(self) -> Extraction:
        """Mentions in text order; entity drafts that nothing mentions are dropped."""
        self.spans.sort(key=lambda s: (s.start, -s.end, s.type))
        self.extraction.mentions = [
            MentionDraft(s.type, s.start, s.end, s.text, s.entity) for s in self.spans
        ]
        used = {s.entity for s in self.spans if s.entity}
        for fact in self.extraction.facts:
            used.update(k for k in (fact.subject, fact.object) if k)
        self.extraction.entities = {k: v for k, v in self.extraction.entities.items() if k in used}
        return self.extraction


_START = attrgetter("start")


def _inside_brackets(text: str, previous: tuple[int, int], end: int) -> bool:
    """Whether a sentence break lies inside brackets: the previous sentence's last line
    opens a bracket it does not close, and the next sentence, on the same line, closes it
    before opening another («Карсона Ёнга (Carson Yeung; | Карсон Ён) к шести годам»,
    razdel breaking at the «;»; "(Wellington; | New South Wales)")."""
    previous_start, previous_end = previous
    line = text[previous_start:previous_end]
    line = line[line.rfind("\n") + 1 :]
    opened = line.rfind("(")
    if opened < 0 or ")" in line[opened:]:
        return False
    following = text[previous_end:end]
    closed = following.find(")")
    return closed >= 0 and "\n" not in following[:closed] and "(" not in following[:closed]


def short_hash(*parts: object, length: int = 12) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]
