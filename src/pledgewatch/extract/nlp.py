"""Thin adapter over natasha: sentences, tokens with lemmas and morphology, NER spans.

Models ship in natasha's wheel and are loaded once per process. Syntax parsing is
skipped on purpose: it costs a third of natasha's time and our name normalizer
(resolve.names) does not need it.

``analyze`` drives natasha's models itself instead of going through ``natasha.Doc``, for
speed (about 2.3 times faster), with the same tokens, sentences, tags and spans: checked on
all 840 NEREL texts and the samples, and in tests/extract/test_nlp_adapter.py. The text is
tokenized once (``Doc.tag_ner`` has slovnet tokenize the whole text a second time, with
the same razdel tokenizer), by razdel's rules without the split records razdel builds
and discards (``tokenize``); no intermediate record objects are built; NER spans are
read off razdel's token offsets (slovnet's ``find_tokens`` finds the same again); each
word's ids are looked up once; the convolutions build their window matrix with fast copies
(``_conv_layer``); the NER model's CRF is decoded with fewer numpy calls per word
(``_viterbi``); and the morphology model reads all sentences as one sequence instead of
padded batches of eight (``RussianNLP._tag_morph``). That last change alone is not bit
for bit: the matrix product rounds a little differently for a matrix of another shape, so
the morphology scores move by up to 4e-5, while the best tag of a word leads the next by
1.2e-4 at the very least over the NEREL texts (no tag changed there).
"""

from __future__ import annotations

import gc
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

import numpy as np  # noqa: E402
from natasha import (  # noqa: E402
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
)
from razdel import sentenize  # noqa: E402
from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit  # noqa: E402
from razdel.segmenters.tokenize import tokenize as _razdel_tokenize  # noqa: E402
from razdel.substring import find_substrings  # noqa: E402
from slovnet.bio import parse_bio  # noqa: E402
from slovnet.conll import parse_conll_tag  # noqa: E402
from slovnet.exec.encoders import WordShapeInput  # noqa: E402
from slovnet.shape import word_shape  # noqa: E402


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
        self.morph_vocab = MorphVocab()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self._lemmas: dict[tuple, str] = {}
        # word -> (word id, shape id), per encoder: each word's shape and vocabulary
        # lookups once, not once per tagger and occurrence
        self._codes: dict[int, dict[str, tuple[int, int]]] = {}
        self._tags: list[tuple[str, dict]] | None = None  # the morphology model's tags

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
        """What ``natasha.Doc`` gives after ``segment``, ``tag_morph`` and ``tag_ner``:
        razdel's tokens and sentences, each sentence's tokens tagged by the morphology
        model, the NER model run on the whole text's tokens."""
        tokens = list(tokenize(text))
        sentences = []
        for sent, words in self._tag_morph(tokens, list(sentenize(text)) if text else []):
            sentences.extend(_split_at_line_breaks(text, Sentence(sent.start, sent.stop, words)))
        spans = self._tag_ner(text, tokens) if text.strip() else []
        return Analysis(text, sentences, spans)

    def _tag_morph(self, tokens: list, sents: list) -> list[tuple[object, list[Token]]]:
        """The morphology model on all sentences at once, as one sequence with a padding
        word between sentences. slovnet tags batches of 8 sentences, each padded to the
        longest; the padding word's vectors are zeros (as is the convolution's own
        padding) and every layer zeroes padding positions again, so a sentence's tags
        do not depend on its neighbours, and one sequence spares the padding's work."""
        groups = _envelop(tokens, sents)
        infer = self.morph_tagger.infer
        encoder = infer.encoder
        word_ids: list[int] = []
        shape_ids: list[int] = []
        bounds = []
        codes = self._codes_for(encoder)
        for group in groups:
            if word_ids:
                word_ids.append(encoder.words_vocab.pad_id)
                shape_ids.append(encoder.shapes_vocab.pad_id)
            start = len(word_ids)
            for token in group:
                word_id, shape_id = _code(encoder, codes, token.text)
                word_ids.append(word_id)
                shape_ids.append(shape_id)
            bounds.append((start, len(word_ids)))
        if not word_ids:
            return [(sent, []) for sent in sents]
        word_id = np.array([word_ids])
        item = WordShapeInput(word_id, np.array([shape_ids]), word_id == encoder.words_vocab.pad_id)
        predicted = infer.model.head.decode(_forward(infer.model, item))[0]
        real = (~item.pad_mask[0]).tolist()  # plain lists: sliced per sentence below
        predicted = predicted.tolist()
        tag_of = self._tags_for(infer.decoder.tags_vocab)
        out = []
        for sent, group, (start, stop) in zip(sents, groups, bounds, strict=True):
            # slovnet keeps a sentence's first n tags, n its words not taken for padding;
            # a word past those gets no tag (natasha leaves it bare)
            size = sum(real[start:stop])
            tags = [tag_of[i] for i in predicted[start : start + size]]
            tags += [("X", {})] * (len(group) - len(tags))
            words = [
                Token(token.start, token.stop, token.text, pos or "X", feats)
                for token, (pos, feats) in zip(group, tags, strict=True)
            ]
            out.append((sent, words))
        return out

    def _tag_ner(self, text: str, tokens: list) -> list[NerSpan]:
        infer = self.ner_tagger.infer
        words = [t.text for t in tokens]
        tags: list[str] = []
        for item in self._encode(infer.encoder, [words]):  # one text: one batch of one
            pred = _forward(infer.model, item)
            if item.pad_mask.any():  # a word taken for padding: slovnet's own decoder
                paths = infer.model.head.crf.decode(pred, ~item.pad_mask)
            else:
                paths = [_viterbi(pred[0], infer.model.head.crf.transitions.array)]
            for path in infer.decoder(paths):
                tags.extend(path)
        # slovnet's find_tokens finds each word in the text from the previous word's end, as
        # razdel found these very tokens: their offsets are the ones it would give
        spans = _bio_spans(tokens, tags)
        return [_first_line(type_, start, text[start:stop]) for type_, start, stop in spans]

    def _tags_for(self, vocab) -> list[tuple[str, dict]]:
        """Tag id -> (part of speech, features), parsed once per process (the features
        dict is shared by every word of that tag; nothing changes it)."""
        if self._tags is None:
            self._tags = [parse_conll_tag(tag) for tag in vocab.items]
        return self._tags

    def _codes_for(self, encoder) -> dict[str, tuple[int, int]]:
        codes = self._codes.setdefault(id(encoder), {})
        if len(codes) > 200_000:
            codes.clear()
        return codes

    def _encode(self, encoder, items: list[list[str]]):
        """slovnet's ``WordShapeEncoder.__call__``: batches of word and shape ids."""
        codes = self._codes_for(encoder)
        pairs = []
        for words in items:
            word_ids, shape_ids = [], []
            for word in words:
                word_id, shape_id = _code(encoder, codes, word)
                word_ids.append(word_id)
                shape_ids.append(shape_id)
            pairs.append((word_ids, shape_ids))
        for first in range(0, len(pairs), encoder.batch_size):
            yield encoder.input(pairs[first : first + encoder.batch_size])


def tokenize(text: str):
    """razdel's ``tokenize``, with its own atoms, rules and offsets, less the work it throws
    away. razdel builds a split record (with windows of three atoms either side) between
    every two atoms, but its segmenter asks the rules only where no character lies between
    the two (``not split.delimiter``) and splits wherever one does; here the record is
    built only where the rules are asked, the same record with the same buffer, so the
    chunks and their offsets are razdel's."""
    atoms = [Atom(m.start(), m.end(), m.lastgroup, m.group(0)) for m in ATOM.finditer(text)]
    if not atoms:
        return find_substrings([], text)
    window = _razdel_tokenize.split.window
    join = _razdel_tokenize.join
    chunks = []
    buffer = atoms[0].text
    for index in range(1, len(atoms)):
        atom = atoms[index]
        if atoms[index - 1].stop == atom.start:  # nothing between: razdel's rules decide
            split = TokenSplit(
                atoms[max(0, index - window) : index], "", atoms[index : index + window]
            )
            split.buffer = buffer
            if join(split):
                buffer += atom.text
                continue
        chunks.append(buffer)
        buffer = atom.text
    chunks.append(buffer)
    return find_substrings(chunks, text)


def _bio_spans(tokens: list, tags: list[str]) -> list[tuple[str, int, int]]:
    """slovnet's ``bio_spans`` as (type, start, stop), the same steps, with an outside word
    («O», most words) passed without parsing its tag."""
    spans = []
    previous = start = stop = None
    for token, tag in zip(tokens, tags, strict=False):  # slovnet zips them so
        part, type_ = ("O", None) if tag == "O" else parse_bio(tag)
        if part == "O":
            if previous:
                spans.append((previous, start, stop))
                previous = None
        elif part == "B":
            if previous:
                spans.append((previous, start, stop))
            previous = type_
            start = token.start
            stop = token.stop
        elif part == "I":
            stop = token.stop
    if previous:
        spans.append((previous, start, stop))
    return spans


def _code(encoder, codes: dict[str, tuple[int, int]], word: str) -> tuple[int, int]:
    """(word id, shape id) as slovnet's encoder gives them, remembered per word."""
    code = codes.get(word)
    if code is None:
        code = codes[word] = (
            encoder.words_vocab.encode(word.lower()),
            encoder.shapes_vocab.encode(word_shape(word)),
        )
    return code


def _envelop(tokens: list, sents: list) -> list[list]:
    """The tokens of each sentence (natasha.span.envelop_spans)."""
    groups, index = [], 0
    for sent in sents:
        chunk = []
        while index < len(tokens):
            token = tokens[index]
            index += 1
            if token.start < sent.start:
                continue
            if token.stop <= sent.stop:
                chunk.append(token)
            else:
                index -= 1
                break
        groups.append(chunk)
    return groups


def _forward(model, item):
    """slovnet's ``Tag.__call__`` (embedding, CNN encoder, head) on one encoded batch,
    with the convolutions of ``_conv_layer``."""
    x = _embed(model.emb, item.word_id, item.shape_id)  # batch x words x features
    for layer in model.encoder.layers:
        x = _conv_layer(layer, x, item.pad_mask)
    return model.head(x)


def _embed(emb, word_id, shape_id):
    """slovnet's ``WordShapeEmbedding``: navec's product-quantised word vectors (each
    of a word's 100 sub-vectors is one of 256 centroids) next to the shape's vector. The
    centroids are gathered with one ``take`` on the flattened codebook instead of
    indexing it with two arrays; the values are the same."""
    codes = emb.word.codes.array  # sub-vector x centroid x chunk
    parts, centroids, chunk = codes.shape
    indexes = emb.word.indexes.array[word_id.ravel()].astype(np.intp)
    indexes += np.arange(parts) * centroids
    words = np.take(codes.reshape(parts * centroids, chunk), indexes.ravel(), axis=0)
    words = words.reshape(*word_id.shape, parts * chunk)
    return np.concatenate((words, emb.shape(shape_id)), axis=-1)


def _conv_layer(layer, x, pad_mask):
    """One ``CNNEncoderLayer`` (convolution, ReLU, batch norm, padding zeroed) on
    batch x words x features, giving what slovnet gives bit for bit: the matrix of
    windows handed to the one matrix product is the same, element for element and in the
    same order (each row a window, features by kernel position), and the element-wise
    steps are the same operations. slovnet builds that matrix from a features-first copy
    with a strided view of three-element rows; here it is filled kernel position by
    kernel position from words-first rows, which numpy copies several times faster."""
    conv, norm = layer.conv, layer.norm
    filters, features, kernel = conv.weight.shape
    batch, words, _ = x.shape
    pad = conv.padding
    padded = np.zeros((batch, words + 2 * pad, features), dtype=x.dtype)
    padded[:, pad : pad + words] = x
    count = words + 2 * pad - kernel + 1
    windows = np.empty((batch, count, features, kernel), dtype=x.dtype)
    for k in range(kernel):
        windows[:, :, :, k] = padded[:, k : k + count]
    windows = windows.reshape(batch * count, features * kernel)
    weight = conv.weight.array.reshape(filters, features * kernel)
    out = (np.matmul(windows, weight.T) + conv.bias.array).reshape(batch, count, filters)
    out = out.clip(0)
    out = (out - norm.mean.array) / norm.std.array * norm.weight.array + norm.bias.array
    out[pad_mask] = 0
    return out


def _viterbi(emissions, transitions) -> list[int]:
    """The best tag path of one unpadded sequence (words x tags): slovnet's
    ``CRF.decode`` for a batch of one, the same additions in the same order, without the
    batch and mask bookkeeping that costs it a dozen numpy calls per word. The step matrix
    is next tag x previous tag, so that the scores add along rows without a column view
    per word (a sum of two numbers is the same either way round)."""
    score = emissions[0]
    to_from = np.ascontiguousarray(transitions.T)
    step = np.empty_like(to_from)  # next tag x previous tag
    history = []
    for column in emissions[1:, :, None]:  # each word's emissions as a column
        np.add(to_from, score, out=step)
        np.add(step, column, out=step)
        history.append(step.argmax(1))
        # the value at each argmax; ``step.max(1)`` is this reduction behind a Python call
        score = np.maximum.reduce(step, axis=1)
    tag = int(score.argmax())
    path = [tag]
    for best in reversed(history):
        tag = int(best[tag])
        path.append(tag)
    path.reverse()
    return path


def _split_at_line_breaks(text: str, sentence: Sentence) -> list[Sentence]:
    """A line break ends a sentence: a title or a dateline is never part of the next one
    (natasha's segmenter joins lines that do not end in a full stop)."""
    if sentence.tokens and "\n" not in text[sentence.start : sentence.end]:
        return [sentence]  # most sentences: no line break between any two of its tokens
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
    nlp = RussianNLP()
    # The models' vocabularies are some 100,000 Python objects that live as long as the
    # process: frozen, the collector no longer walks them in every full collection (each
    # took ~0.06 s, several per 100 documents). Garbage made so far is collected first.
    gc.collect()
    gc.freeze()
    return nlp


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
