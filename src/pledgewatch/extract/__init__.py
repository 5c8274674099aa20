"""The extract stage: ``extract(text, language, published) -> Extraction``."""

from __future__ import annotations

import re
from datetime import date

from pledgewatch.extract.aliases import add_stated_aliases
from pledgewatch.extract.crimes import add_crime_phrases
from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.facts import build_facts
from pledgewatch.extract.grammars.dates import parse_published
from pledgewatch.extract.laws import add_laws, tokens_at
from pledgewatch.extract.mentions import (
    KnownNames,
    add_country_adjectives,
    add_english_organizations,
    add_english_persons,
    add_gazetteer_organizations,
    add_gazetteer_places,
    add_instruments,
    add_offences,
    add_professions,
    add_provisions,
    add_russian_organizations,
    add_russian_persons,
    add_russian_places,
    add_typed_spans,
)
from pledgewatch.extract.organizations import (
    add_generic_organizations,
    add_named_bodies,
    add_national_bodies,
    add_national_teams,
    drop_cut_phrases,
    extend_named_organizations,
    join_nested_organizations,
)
from pledgewatch.extract.types import Extraction

EXTRACTOR = "pledgewatch-rules"
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["EXTRACTOR", "EXTRACTOR_VERSION", "Extraction", "KnownNames", "dateline_date", "extract"]


_SURROGATE = re.compile("[\ud800-\udfff]")


def extract(
    text: str,
    language: str | None,
    published: str | None = None,
    known: KnownNames | None = None,
) -> Extraction:
    """Mentions and suggested facts of one document. ``known`` recognises names already in
    the database (used for English text, where no NER model is available)."""
    # a lone surrogate (a broken pair from a JSON or Python caller; decoded uploads have
    # none) cannot be encoded for the dictionaries: one replacement character, offsets kept
    text = _SURROGATE.sub("\ufffd", text)
    language = (
        "ru" if language in (None, "ru", "kk", "ky", "uz", "tg") and _cyrillic(text) else "en"
    )
    reference = _reference_date(published, text)
    if language == "ru":
        from pledgewatch.extract.nlp import russian_nlp

        analysis = russian_nlp().analyze(text)
        sentences = [(s.start, s.end) for s in analysis.sentences]
        doc = DocumentContext(text, "ru", published, sentences)
        add_russian_places(doc, analysis)
        add_gazetteer_organizations(doc)
        add_russian_organizations(doc, analysis)
        add_provisions(doc)
        add_offences(doc)
        add_instruments(doc)
        add_russian_persons(doc, analysis)
        add_crime_phrases(doc, analysis)
        add_laws(doc, tokens_at(analysis))
        add_country_adjectives(doc)
        add_generic_organizations(doc, analysis)
        add_named_bodies(doc)
        add_national_bodies(doc)
        add_national_teams(doc)
        extend_named_organizations(doc)
        join_nested_organizations(doc, analysis)
        extend_named_organizations(doc)  # «ГУ МВД России» joined above, then «по Москве»
        drop_cut_phrases(doc)
    else:
        from razdel import sentenize

        sentences = [line for s in sentenize(text) for line in _lines(text, s.start, s.stop)]
        doc = DocumentContext(text, "en", published, sentences)
        add_gazetteer_places(doc)
        add_gazetteer_organizations(doc)
        add_english_organizations(doc)
        add_provisions(doc)
        add_offences(doc)
        add_instruments(doc)
        add_english_persons(doc, known)
    doc.join_sentences_split_inside_names()
    add_stated_aliases(doc)
    add_typed_spans(doc, reference)
    add_professions(doc)
    build_facts(doc)
    return doc.finish()


_CYRILLIC = re.compile("[\u0400-\u04ff]+")
_LATIN = re.compile("[A-Za-z]+")


def _cyrillic(text: str) -> bool:
    sample = text[:5000]
    cyrillic = sum(map(len, _CYRILLIC.findall(sample)))
    return cyrillic >= sum(map(len, _LATIN.findall(sample)))


def dateline_date(text: str) -> str | None:
    """The date of a dateline in the first short lines («Алматы, 12 октября 2023 г.»)."""
    short_lines = [line for line in text[:600].splitlines()[:6] if 0 < len(line) < 80]
    return next(filter(None, map(parse_published, short_lines)), None)


def _reference_date(published: str | None, text: str) -> date | None:
    """The date relative dates count from: the publication date, else a full date in the
    dateline («Алматы, 12 октября 2023 г.», "Almaty, 18 January 2024")."""
    published = published or dateline_date(text)
    if published and len(published) >= 10:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at its line breaks: a title or a dateline («Astana, 12 March 2025») is
    never part of the sentence after it (razdel joins lines that do not end in a full stop),
    as the Russian analysis does."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            pieces.append((start + match.start(), start + match.end()))
    return pieces or [(start, end)]
