"""Cut a text into segments for rendering: plain runs, mentions (linked to their entity
when they have one) and anchors where evidence sentences start. Segments carry raw text;
the template escapes it, so nothing from a document is ever written as markup."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pledgewatch.store.search import _WORD, word_terms
from pledgewatch.web.schemas import MentionOut


@dataclass
class Segment:
    text: str
    type: str | None = None  # mention or span type; None for plain text
    entity: str | None = None
    anchors: list[int] = field(default_factory=list)  # evidence starts at this segment


def _place(mentions: Iterable[MentionOut]) -> list[MentionOut]:
    """Non-overlapping mentions: entity mentions first (the longest where two start
    together), then typed spans where no entity mention is."""
    placed: list[MentionOut] = []
    taken: list[tuple[int, int]] = []

    def free(m: MentionOut) -> bool:
        return all(m.end <= s or m.start >= e for s, e in taken)

    ordered = sorted(mentions, key=lambda m: (m.entity is None, m.start, m.start - m.end))
    for mention in ordered:
        if mention.end > mention.start and free(mention):
            placed.append(mention)
            taken.append((mention.start, mention.end))
    return sorted(placed, key=lambda m: m.start)


def document_segments(
    text: str, mentions: Iterable[MentionOut], anchors: Iterable[int] = ()
) -> list[Segment]:
    placed = _place(m for m in mentions if 0 <= m.start < m.end <= len(text))
    # an anchor inside a mention moves to the mention's start
    anchor_at: dict[int, list[int]] = {}
    for anchor in sorted(set(anchors)):
        position = anchor
        for mention in placed:
            if mention.start < anchor < mention.end:
                position = mention.start
        anchor_at.setdefault(position, []).append(anchor)
    cuts = sorted({0, len(text), *anchor_at} | {p for m in placed for p in (m.start, m.end)})
    by_start = {m.start: m for m in placed}
    segments: list[Segment] = []
    inside: MentionOut | None = None
    for start, end in zip(cuts, cuts[1:], strict=False):
        if inside is not None and start >= inside.end:
            inside = None
        if start in by_start:
            inside = by_start[start]
        if inside is not None and start != inside.start:
            continue  # the rest of a mention was emitted with its start
        if inside is not None:
            segments.append(
                Segment(
                    text[inside.start : inside.end],
                    inside.type,
                    inside.entity,
                    anchor_at.get(start, []),
                )
            )
        else:
            segments.append(Segment(text[start:end], anchors=anchor_at.get(start, [])))
    return segments


def passage_segments(passage: str, query_groups: list[tuple[str, ...]]) -> list[Segment]:
    """A search result's passage with the words that match the query marked."""
    wanted = {t for group in query_groups for t in group}
    segments: list[Segment] = []
    position = 0
    for match in _WORD.finditer(passage):
        if wanted.intersection(word_terms(match.group())):
            if match.start() > position:
                segments.append(Segment(passage[position : match.start()]))
            segments.append(Segment(match.group(), type="hit"))
            position = match.end()
    if position < len(passage):
        segments.append(Segment(passage[position:]))
    return segments


def evidence_context(text: str, start: int, end: int, width: int = 300) -> tuple[str, str, str]:
    """(before, evidence, after) around an evidence span, cut at word boundaries."""
    before_start = max(0, start - width)
    after_end = min(len(text), end + width)
    before = text[before_start:start]
    after = text[end:after_end]
    if before_start > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if after_end < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, text[start:end], after
