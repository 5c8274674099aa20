"""The natasha adapter (extract/nlp.py) drives natasha's models itself, for speed: its
tokens, sentences, morphology and NER spans must be what ``natasha.Doc`` gives."""

from __future__ import annotations

import numpy as np
import pytest

from pledgewatch.extract.nlp import (
    Sentence,
    Token,
    _bio_spans,
    _first_line,
    _split_at_line_breaks,
    _viterbi,
    russian_nlp,
    tokenize,
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


def test_bio_spans_are_slovnets():
    """The NER spans read from the tags as slovnet reads them, stray «I-» tags included."""
    from slovnet.bio import bio_spans
    from slovnet.token import find_tokens

    text = "Марат Жыланбаев и Айгерим Тлеужанова приехали в Алматы к юристам Amnesty International"
    words = text.split()
    tokens = list(find_tokens(text, words))
    vocab = ["<pad>", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    rng = np.random.default_rng(7)
    for _ in range(300):
        tags = [vocab[i] for i in rng.integers(0, len(vocab), len(words))]
        expected = [(s.type, s.start, s.stop) for s in bio_spans(tokens, tags)]
        assert _bio_spans(tokens, tags) == expected


def test_tokens_are_razdels():
    """The tokenizer skips work razdel throws away: the tokens and offsets stay razdel's,
    on punctuation, numbers, abbreviations and dashes glued to words as well."""
    import random

    from razdel import tokenize as razdel_tokenize

    pieces = list("абвТЕЖёЁxyZ09.,-–—_/:;!?…\"'«»()[]@#%*+=\n\t\u00a0½")
    pieces += ["т.е.", "1,5", "3/4", "ул.", "и т.д.", "...", "--", "e-mail", ":)", "Ст.405"]
    rng = random.Random(5)
    texts = [*TEXTS, "Т.е. 1,5 млн руб./год — см. ст. 19-1 УК РФ (ред. от 01.02.2024)…"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        expected = [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]
        assert [(t.start, t.stop, t.text) for t in tokenize(text)] == expected, text
