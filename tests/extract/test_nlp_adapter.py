"""The natasha adapter (extract/nlp.py) drives natasha's models itself, for speed: its
tokens, sentences, morphology and NER spans must be what ``natasha.Doc`` gives."""

from __future__ import annotations

import numpy as np
import pytest

from pledgewatch.extract.nlp import (
    Sentence,
    Token,
    _first_line,
    _split_at_line_breaks,
    _viterbi,
    russian_nlp,
)

TEXTS = [
    "",
    " ",
    "\n\n",
    "   \n",
    "Суд",
    "Алматинский суд приговорил Марата Жыланбаева к семи годам лишения свободы. "
    "Его адвокат Айгерим Тлеужанова обжалует приговор в Верховном суде Казахстана.",
    "Заявление «Правозащитного центра»\nБишкек, 12 марта 2024 г.\n"
    "Сотрудники ГКНБ задержали журналиста Канышая Мамыркулова!  Его доставили в СИЗО-1.\n\n"
    "Human Rights Watch призвала власти Кыргызстана освободить его; ООН пока молчит…",
    "Т.е. 1) ст. 405 УК РК; 2) ст. 174 УК РК — «разжигание розни».",
]


def _natasha(text: str):
    """What the adapter did before: natasha's own document pipeline."""
    from natasha import Doc, Segmenter  # after pledgewatch.extract.nlp (pymorphy alias)

    nlp = russian_nlp()
    doc = Doc(text)
    doc.segment(Segmenter())
    doc.tag_morph(nlp.morph_tagger)
    doc.tag_ner(nlp.ner_tagger)
    sentences = []
    for sent in doc.sents:
        tokens = [Token(t.start, t.stop, t.text, t.pos or "X", t.feats or {}) for t in sent.tokens]
        sentences.extend(_split_at_line_breaks(text, Sentence(sent.start, sent.stop, tokens)))
    spans = [_first_line(s.type, s.start, s.text) for s in doc.spans]
    return sentences, spans


@pytest.mark.parametrize("text", TEXTS)
def test_analysis_is_what_natasha_doc_gives(text):
    analysis = russian_nlp().analyze(text)
    sentences, spans = _natasha(text)
    assert analysis.sentences == sentences
    assert analysis.spans == spans


def test_viterbi_is_slovnet_crf_decode():
    crf = russian_nlp().ner_tagger.infer.model.head.crf
    rng = np.random.default_rng(4)
    for length in (1, 2, 7, 60, 300):
        emissions = (rng.standard_normal((1, length, 8)) * 4).astype(np.float32)
        for case in (emissions, np.round(emissions)):  # rounded: ties, first index wins
            expected = crf.decode(case, np.ones((1, length), dtype=bool))[0].tolist()
            assert _viterbi(case[0], crf.transitions.array) == expected
