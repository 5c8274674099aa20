"""Thin adapter over natasha: sentences, tokens with lemmas and morphology, NER spans.

Models ship in natasha's wheel and are loaded once per process. Syntax parsing is
skipped on purpose: it costs a third of natasha's time and our name normalizer
(resolve.names) does not need it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache


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
    lemma: str
    pos: str
    feats: dict


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
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
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
                Token(
                    t.start,
                    t.stop,
                    t.text,
                    self.lemma(t.text, t.pos or "X", t.feats or {}),
                    t.pos or "X",
                    t.feats or {},
                )
                for t in sent.tokens
            ]
            sentences.append(Sentence(sent.start, sent.stop, tokens))
        spans = [NerSpan(s.type, s.start, s.stop, s.text) for s in doc.spans]
        return Analysis(text, sentences, spans)


@cache
def russian_nlp() -> RussianNLP:
    return RussianNLP()
