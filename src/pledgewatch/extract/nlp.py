"""Thin adapter over natasha: sentences, tokens with lemmas and morphology, NER spans.

Models ship in natasha's wheel and are loaded once per process. Syntax parsing is
skipped on purpose: it costs a third of natasha's time and our name normalizer
(resolve.names) does not need it.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache


def _alias_pymorphy() -> None:
    # natasha and yargy import pymorphy2, which breaks on Python 3.11; pymorphy3 is a
    # maintained drop-in with the same API.
    import pymorphy3

    sys.modules.setdefault("pymorphy2", pymorphy3)


_alias_pymorphy()

from natasha import (  # noqa: E402
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    Segmenter,
)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str
    feats: dict

    @property
    def lemma(self) -> str:
        """Computed on demand: lemmatizing every token costs a quarter of the analysis and
        only the tokens of place names need it."""
        return russian_nlp().lemma(self.text, self.pos, self.feats)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]


@dataclass(slots=True)
class NerSpan:
    type: str  # PER, ORG, LOC
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Analysis:
    text: str
    sentences: list[Sentence]
    spans: list[NerSpan]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (sentences are in text order and disjoint)."""
        index = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


class RussianNLP:
    def __init__(self) -> None:
        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self._lemmas: dict[tuple, str] = {}

    def lemma(self, word: str, pos: str, feats: dict) -> str:
        key = (word, pos, tuple(sorted(feats.items())))
        lemma = self._lemmas.get(key)
        if lemma is None:
            if pos in ("PUNCT", "NUM", "X", "SYM") or not word.isalpha():
                lemma = word.lower()
            else:
                from natasha.doc import DocToken

                token = DocToken(start=0, stop=len(word), text=word, pos=pos, feats=feats)
                token.lemmatize(self.morph_vocab)
                lemma = (token.lemma or word).lower()
            if len(self._lemmas) > 500_000:
                self._lemmas.clear()
            self._lemmas[key] = lemma
        return lemma

    def analyze(self, text: str) -> Analysis:
        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.tag_ner(self.ner_tagger)
        sentences = []
        for sent in doc.sents:
            tokens = [
                Token(t.start, t.stop, t.text, t.pos or "X", t.feats or {}) for t in sent.tokens
            ]
            sentences.extend(_split_at_line_breaks(text, Sentence(sent.start, sent.stop, tokens)))
        spans = [_first_line(s.type, s.start, s.text) for s in doc.spans]
        return Analysis(text, sentences, spans)


def _split_at_line_breaks(text: str, sentence: Sentence) -> list[Sentence]:
    """A line break ends a sentence: a title or a dateline is never part of the next one
    (natasha's segmenter joins lines that do not end in a full stop)."""
    pieces, current = [], []
    for token in sentence.tokens:
        if current and "\n" in text[current[-1].end : token.start]:
            pieces.append(current)
            current = []
        current.append(token)
    if current:
        pieces.append(current)
    if len(pieces) == 1:
        return [sentence]
    return [Sentence(p[0].start, p[-1].end, p) for p in pieces]


def _first_line(type_: str, start: int, span_text: str) -> NerSpan:
    """natasha lets a name run over a line break («Марата Жыланбаева\n\nАлматы»)."""
    line = span_text.split("\n", 1)[0].rstrip()
    return NerSpan(type_, start, start + len(line), line)


@cache
def russian_nlp() -> RussianNLP:
    return RussianNLP()


def _morph():
    from pledgewatch.resolve.names import morph

    return morph()  # one analyser per process (each costs ~19 MB)


_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def nominative_phrase(tokens: list[Token]) -> str:
    """«Центральной Азии» -> «Центральная Азия»: the head noun and the adjectives before it
    go to the nominative (adjectives agreeing with the head); words after the head, which
    are its complements («партнерство по правам человека»), stay as written."""
    head = next((i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")), None)
    if head is None or tokens[head].feats.get("Case") in (None, "Nom"):
        return _join(tokens, [t.text for t in tokens])
    number = "plur" if tokens[head].feats.get("Number") == "Plur" else "sing"
    head_word = _inflect(tokens[head], {"nomn", number})
    gender = None
    parsed = _pick(tokens[head])
    if parsed is not None and parsed.tag.gender:
        gender = parsed.tag.gender
    words = []
    for i, token in enumerate(tokens):
        if i < head and token.pos == "ADJ":
            grammemes = {"nomn", number} | ({gender} if gender and number == "sing" else set())
            words.append(_inflect(token, grammemes))
        elif i == head:
            words.append(head_word)
        else:
            words.append(token.text)
    return _join(tokens, words)


def _pick(token: Token):
    return _parse_in_case(token.text, _CASES.get(token.feats.get("Case", "")))


@lru_cache(maxsize=100_000)
def _parse_in_case(word: str, case: str | None):
    parses = _morph().parse(word)
    for parse in parses:
        if case is None or parse.tag.case == case:
            return parse
    return parses[0] if parses else None


def _inflect(token: Token, grammemes: set[str]) -> str:
    case = _CASES.get(token.feats.get("Case", ""))
    return _inflected(token.text, case, frozenset(grammemes))


@lru_cache(maxsize=100_000)
def _inflected(text: str, case: str | None, grammemes: frozenset[str]) -> str:
    """Cached: place names recur from document to document, and pymorphy's inflection
    costs more than the parse."""
    parse = _parse_in_case(text, case)
    inflected = parse.inflect(grammemes) if parse is not None else None
    if inflected is None:
        return text
    word = inflected.word
    if text[:1].isupper():
        word = word[:1].upper() + word[1:]
    if text.isupper() and len(text) > 1:
        word = word.upper()
    return word


def _join(tokens: list[Token], words: list[str]) -> str:
    """Words joined with the spacing of the original text."""
    out = []
    for i, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if i and token.start > tokens[i - 1].end:
            out.append(" ")
        out.append(word)
    return "".join(out)
