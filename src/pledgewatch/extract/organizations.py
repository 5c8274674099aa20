"""Organizations named by a common noun: «правительство», «полиция», «Верховный суд США»,
«министерства юстиции», «пресс-служба МВД».

natasha's NER tags proper names; NEREL also annotates the institutions a news text names
with a generic head noun, nested: the head alone where it names the institution of the
country in question («правительство», «парламента»), and the outer phrase with its genitive
complement («правительство Кубы», «министерству здравоохранения США»). Heads that never
name an institution alone («министерство», «пресс-служба», «суд») give only the phrase with
a complement, or with a name-like adjective before them («Хорошевский суд»,
«Следственного комитета»).

These spans carry no entity: «полиция» of one text is not «полиция» of another, so they are
typed spans for search and evaluation, never merged across documents or used as the
subject or object of a fact.
"""

from __future__ import annotations

import re

from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.nlp import Analysis, Token

# Heads that name an institution by themselves (lower-cased word forms).
_ALONE = re.compile(
    r"(?:правительств(?:о|а|у|ом|е)|полици(?:я|и|ю|ей)|парламент(?:|а|у|ом|е)"
    r"|госдум(?:а|ы|е|у|ой)|кремл(?:ь|я|ю|ем|е)|прокуратур(?:а|ы|е|у|ой))"
)
# Acronyms of institutions (case-sensitive).
_ACRONYMS = frozenset(
    {"МВД", "ФСБ", "МИД", "ФБР", "ЦРУ", "МЧС", "ГИБДД", "ОМОН", "СВР", "ФСИН", "ЕСПЧ"}
)
# Heads that need a complement or a name-like adjective.
_NEEDS_COMPLEMENT = re.compile(
    r"(?:министерств\w*|администраци\w+|пресс-служб\w*|кабинет\w*|департамент\w*|посольств\w*"
    r"|комитет\w*|совет(?:|а|у|ом|е|ы|ов)|суд(?:|а|у|ом|е|ы|ов)|служб\w*"
    r"|управлени\w+|генштаб\w*|сенат(?:|а|у|ом|е)|правительств\w+|парламент\w*|прокуратур\w+"
    r"|власт(?:ь|и|ей|ям|ями|ях))"
)
# Adjectives that make a head a name wherever they stand («Верховный суд»).
_NAME_ADJECTIVES = re.compile(
    r"(?:верховн|конституционн|следственн|арбитражн|генеральн|федеральн|государственн"
    r"|высш|национальн|центральн|европейск|международн)\w+"
)
# Words before a bare head that make it part of a profession («главы правительства»,
# «сотрудники полиции»), which NEREL does not tag as an organization on its own.
_OWNER_WORDS = re.compile(r"(?:глав|председател|сотрудник|премьер|член|начальник)\w*")
_COMPLEMENT_TYPES = ("country", "location", "organization")
_FIXED_GENITIVE = frozenset({"министров", "директоров", "безопасности", "федерации"})


def add_generic_organizations(doc: DocumentContext, analysis: Analysis) -> None:
    mentions = {}
    for span in doc.spans:
        if span.type in _COMPLEMENT_TYPES:
            mentions[span.start] = max(mentions.get(span.start, 0), span.end)
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            word = token.text.lower()
            acronym = token.text in _ACRONYMS
            alone = acronym or bool(_ALONE.fullmatch(word))
            if not alone and not _NEEDS_COMPLEMENT.fullmatch(word):
                continue
            if not acronym and token.pos not in ("NOUN", "PROPN"):
                continue
            if doc.covered(token.start, token.end, ("person", "country", "location")):
                continue
            first = _prefix(tokens, i, sentence.start)
            last = _genitive_end(tokens, i) if not acronym else i
            start, end = tokens[first].start, tokens[last].end
            outer = _mention_after(doc.text, end, mentions)
            if outer is not None:
                end = outer
            named = first < i
            owned = i > 0 and _OWNER_WORDS.fullmatch(tokens[i - 1].text.lower())
            if alone and not named and not (owned and end == token.end):
                doc.add_span("organization", token.start, token.end)
            if end > tokens[i].end or named:
                if end > tokens[last].end and last > i:
                    doc.add_span("organization", start, tokens[last].end)
                doc.add_span("organization", start, end)


def _prefix(tokens: list[Token], i: int, sentence_start: int) -> int:
    """Index of the first name-like adjective before the head (the head itself if none)."""
    first = i
    while first > 0:
        previous = tokens[first - 1]
        if previous.pos != "ADJ":
            break
        word = previous.text
        capital = word[:1].isupper() and first - 1 > 0
        if not (capital or _NAME_ADJECTIVES.fullmatch(word.lower())):
            break
        first -= 1
    return first


def _genitive_end(tokens: list[Token], i: int) -> int:
    """Index of the last token of a genitive complement right after the head
    («министерства иностранных дел», «Совета Безопасности»), the head itself if none."""
    last, j, seen = i, i + 1, 0
    while j < len(tokens) and seen < 4:
        token = tokens[j]
        word = token.text
        if token.pos not in ("NOUN", "ADJ") or token.feats.get("Case") != "Gen":
            if word.lower() == "и" and last > i and j + 1 < len(tokens):
                j += 1
                continue
            break
        if word[:1].isupper() and word.lower() not in _FIXED_GENITIVE:
            break
        seen += 1
        if token.pos == "NOUN":
            last = j
        j += 1
    return last


def _mention_after(text: str, end: int, mentions: dict[int, int]) -> int | None:
    """The end of a country, place or organization named right after ``end``."""
    gap = re.match(r" [«\"]?", text[end : end + 2])
    if gap is None:
        return None
    start = end + gap.end()
    found = mentions.get(start) or mentions.get(end + 1)
    return found


def extend_named_organizations(doc: DocumentContext) -> None:
    """A named organization followed by the country or place it belongs to is annotated as
    one phrase («Следственного комитета Армении», «Верховного суда США»): the outer span is
    added (without an entity: the inner name keeps it)."""
    places = {}
    for span in doc.spans:
        if span.type in ("country", "location"):
            places[span.start] = max(places.get(span.start, 0), span.end)
    for span in [s for s in doc.spans if s.type == "organization" and s.entity]:
        end = places.get(span.end + 1) if doc.text[span.end : span.end + 1] == " " else None
        if end is not None:
            doc.add_span("organization", span.start, end)
