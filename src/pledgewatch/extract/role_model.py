"""A small trained classifier for the person–profession links the role rules
(:mod:`pledgewatch.extract.roles`) leave out.

The rules link a profession to a name only in the few shapes they know («президент России
Владимир Путин», «Иван Петров, министр обороны», «Петров стал мэром») and so miss about
half of NEREL's WORKS_AS links. This model looks at every other pair of a person and a
profession (the outermost of its nested spans) in one Russian sentence, and at a
profession nobody in its sentence was linked to with the last mention of each of the two
or three persons named last in the five sentences before («Иван Петров умер. 81-летний
писатель …»), and scores each pair by logistic regression over hashed sparse features:
the words and punctuation between them (the whole gap when short, each word on its own,
whether a linking verb or a post stands right before the profession), the distance, their
order, other names and professions between, the cases, numbers and genders of the words at
both ends («адвокат Ивана Петрова»: a genitive name after a profession is someone else's;
a surname's ending where the dictionary does not know the name), what the rules linked
each of them to already, and for a person named before, how often and how early the text
names them. A pair whose linking verb right before the profession is of the other gender
than the name («Иван Петров … Работала прокурором») is not scored, nor a person of a
sentence before for a profession after «он» or «она» when that sentence names two or more
people («Иван Петров и Олег Сидоров окончили университет. Он был назначен прокурором.»). A link is added when
its probability is over the threshold chosen by cross-validation on NEREL train; the role
fact it makes carries that probability, below the rules' confidence, so a user can tell.
Only the first words of the two spans are looked up in the dictionary (the words between
are judged by their endings): dictionary look-ups were most of the model's cost.

The weights (``data/role_model.npz``) are trained by ``train/works_as.py`` on NEREL train
(Loukachevitch et al., "NEREL: A Russian Dataset with Nested Named Entities, Relations and
Events", RANLP 2021), with the project's own spans as candidates and NEREL's WORKS_AS
links as labels. Features are hashed with CRC-32 (stable across processes, unlike
``hash``), so the file holds one weight per bucket and no vocabulary.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
import zlib
from functools import cache
from pathlib import Path

import numpy as np

from pledgewatch.extract.document import DocumentContext, Span
from pledgewatch.extract.roles import (
    CLAUSE_BREAK,
    PREDICATE,
    STANDING_FOR,
    outermost,
    owner_word_in,
    relative_before,
    role_of,
    surname_gender,
    unclear_pronoun,
    verb_disagrees,
)

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "role_model.npz"
FEATURES_VERSION = 2  # bump when :func:`pair_features` changes: old weights no longer fit
# The rules' role facts have confidence 0.8; a model link stays below that whatever its
# probability.
MAX_CONFIDENCE = 0.75

_TOKEN = re.compile(r"[\w-]+|[^\w\s]")
_WORD = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*")
_OTHER_NAMES = ("organization", "location", "country")


class RoleModel:
    """Hashed-feature logistic regression: ``weights`` by bucket, a ``bias``, and the
    ``threshold`` over which a pair is linked."""

    def __init__(self, weights: np.ndarray, bias: float, threshold: float) -> None:
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.buckets = len(self.weights)
        self._table = self.weights.astype(np.float64).tolist()  # plain floats: faster to sum
        self._bucket_of: dict[str, int] = {}  # most feature strings recur from pair to pair

    def probability(self, features: list[str]) -> float:
        """The probability of a link; each bucket counts once, as in training."""
        known = self._bucket_of
        if len(known) > 200_000:
            known.clear()
        buckets = set()
        for feature in features:
            bucket = known.get(feature)
            if bucket is None:
                bucket = known[feature] = zlib.crc32(feature.encode("utf-8")) % self.buckets
            buckets.add(bucket)
        score = self.bias + sum(self._table[b] for b in buckets)
        return 1.0 / (1.0 + math.exp(-score))

    def save(self, path: Path) -> None:
        """Half-precision weights (65,536 buckets are 128 kB before compression) in an
        ``.npz`` that ``np.load`` reads. Written member by member with a fixed date, not by
        ``np.savez_compressed``, which stamps each member with the time of writing: so the
        same training run writes the same bytes, and a retrained file that changed nothing
        shows no diff."""
        arrays = {
            "weights": self.weights.astype(np.float16),
            "bias": np.float64(self.bias),
            "threshold": np.float64(self.threshold),
            "version": np.int64(FEATURES_VERSION),
        }
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, value in arrays.items():
                member = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
                member.compress_type = zipfile.ZIP_DEFLATED
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, np.asanyarray(value), allow_pickle=False)
                archive.writestr(member, buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> RoleModel:
        with np.load(path) as data:
            if int(data["version"]) != FEATURES_VERSION:
                raise ValueError(f"{path}: trained for features version {int(data['version'])}")
            return cls(data["weights"], float(data["bias"]), float(data["threshold"]))


@cache
def role_model() -> RoleModel | None:
    """The shipped model, loaded once per process (None when the file is missing: the
    rules alone then make the role facts)."""
    return RoleModel.load(MODEL_PATH) if MODEL_PATH.exists() else None


def bucket_ids(features: list[str], buckets: int) -> np.ndarray:
    """The features' buckets (as :meth:`RoleModel.probability` finds them), for training."""
    return np.fromiter(
        (zlib.crc32(f.encode("utf-8")) % buckets for f in features), np.int64, len(features)
    )


def model_links(
    doc: DocumentContext, index: int, linked: list[tuple[Span, Span, str]]
) -> list[tuple[Span, Span, str, float]]:
    """(person, profession, role, probability) of the pairs the rules did not link
    (``linked``: their links in sentence ``index``) that the model puts over its threshold:
    a person and a profession of sentence ``index``, or a profession of it and a person of
    one of the five sentences before whom it does not name («Умер певец Иван Петров. …
    61-летний певец …» is caught by the rules; «Иван Петров умер. 61-летний певец …» by
    this). Russian only; a profession goes to one person at most, the likeliest."""
    model = role_model()
    if model is None or doc.language != "ru":
        return []
    best: dict[int, tuple[Span, Span, str, float]] = {}
    for person, profession, role, features in candidate_pairs(doc, index, linked):
        probability = model.probability(features)
        if probability < model.threshold:
            continue
        known = best.get(profession.start)
        if known is None or probability > known[3]:
            best[profession.start] = (person, profession, role, probability)
    return list(best.values())


def candidate_pairs(
    doc: DocumentContext, index: int, linked: list[tuple[Span, Span, str]]
) -> list[tuple[Span, Span, str, list[str]]]:
    """(person, profession, role, features) of every pair the model scores: a person with
    an entity and an outermost profession of sentence ``index`` that the rules did not
    link to them (nor to anyone else, for a person of a sentence before)."""
    spans = _sentence_spans(doc)[index]
    with_role = [s for s in spans if s.type == "profession" and s.data]
    if not with_role:
        return []
    persons = [s for s in spans if s.type == "person" and s.entity]
    professions = outermost(with_role)
    done = {(p.entity, f.start) for p, f, _ in linked}
    by_person: dict[str | None, int] = {}
    by_profession: dict[int, int] = {}
    for p, f, _ in linked:
        by_person[p.entity] = by_person.get(p.entity, 0) + 1
        by_profession[f.start] = by_profession.get(f.start, 0) + 1
    sentence = (doc.sentences[index][0], doc.sentences[index][1])
    found = []
    for profession in professions:
        if _BARRED.search(doc.text, max(0, profession.start - 80), profession.start):
            continue  # «ему запрещено работать журналистом»: what the person may not be
        if STANDING_FOR.search(doc.text, max(0, profession.start - 60), profession.start):
            continue  # «кандидатом на пост мэра стал Иван Петров»: a post stood for
        role = role_of(profession, with_role)
        # «дочь писателя Мария Петрова», «Мария Петрова, дочь писателя»: a relative's
        # profession, never the name's in the same sentence (the rules link «дочь
        # писателя Ивана Петрова» themselves)
        for person in [] if relative_before(doc, profession, professions) else persons:
            if (person.entity, profession.start) in done:
                continue
            if person.start < profession.end and profession.start < person.end:
                continue  # overlapping spans: «Патриарх Кирилл» read as one name
            if _owner_between(doc, profession, person) or verb_disagrees(doc, person, profession):
                continue  # «адвоката обвиняемого Ивана Петрова»: the client's name
            features = pair_features(
                doc, sentence, person, profession, spans, persons, professions,
                by_person.get(person.entity, 0), by_profession.get(profession.start, 0),
            )  # fmt: skip
            found.append((person, profession, role, features))
        if profession.start not in by_profession and not unclear_pronoun(doc, index, profession):
            for person, features in _earlier_persons(doc, index, profession, persons):
                found.append((person, profession, role, features))
    return found


# A profession someone is barred from or made to give up: a ban of a sentence («запрещено
# работать журналистом», «лишён права заниматься адвокатской деятельностью»), "banned from
# working as a journalist"; not a profession they hold.
_BARRED = re.compile(
    r"(?:запре(?:щ|т)\w*|лиш\w+\s+права|не\s+(?:может|вправе|имеет\s+права)|banned\s+from"
    r"|barred\s+from|prohibited\s+from)[\s,:;–—-]+(?:\w+[\s,]+){0,3}"
    r"(?:работать|быть|трудиться|служить|working|acting|serving|being)\s+(?:as\s+(?:an?\s+)?)?$",
    re.IGNORECASE,
)


def _owner_between(doc: DocumentContext, profession: Span, person: Span) -> bool:
    """A word for whose profession it is between them («обвиняемого», «семьи»): the rules
    leave the name after it out on purpose, and so does the model."""
    if not profession.end <= person.start <= profession.end + 60:
        return False
    return owner_word_in(doc.text[profession.end : person.start])


_WINDOW = 5  # sentences before the profession's in which a person is looked for
_TYPES = frozenset(("person", "profession", *_OTHER_NAMES))
# The spans of the last document's sentences, found in one pass: the model is asked about
# each sentence in turn, and ``doc.spans_in`` would go over all the spans each time. The
# fact rules add no spans, so the count tells a stale entry; one tuple, replaced whole.
_LAST: tuple = (None, None, 0, [])


def _sentence_spans(doc: DocumentContext) -> list[list[Span]]:
    """The person, profession and name spans of every sentence, each list by start."""
    global _LAST
    cached_doc, sentences, count, by_sentence = _LAST
    if cached_doc is doc and sentences is doc.sentences and count == len(doc.spans):
        return by_sentence
    by_sentence = [[] for _ in doc.sentences]
    for span in doc.spans:
        if span.type in _TYPES and doc.sentences:
            index = doc.sentence_index(span.start)
            if doc.sentences[index][0] <= span.start < doc.sentences[index][1]:
                by_sentence[index].append(span)
    for spans in by_sentence:
        spans.sort(key=lambda s: s.start)
    _LAST = (doc, doc.sentences, len(doc.spans), by_sentence)
    return by_sentence


def _earlier_persons(
    doc: DocumentContext, index: int, profession: Span, persons: list[Span]
) -> list[tuple[Span, list[str]]]:
    """The last mention of each person named in the sentences before and not in this
    one, with the features of linking them to the profession."""
    named_here = {p.entity for p in persons}
    latest: dict[str, tuple[int, Span]] = {}
    mentions: dict[str, int] = {}
    by_sentence = _sentence_spans(doc)
    for back in range(max(0, index - _WINDOW), index):
        for span in (s for s in by_sentence[back] if s.type == "person"):
            if span.entity and span.entity not in named_here:
                latest[span.entity] = (back, span)
                mentions[span.entity] = mentions.get(span.entity, 0) + 1
    if not latest:
        return []
    # the whole text's mentions so far: the person a report is about is named most
    so_far: dict[str, int] = {}
    for back in range(index):
        for span in by_sentence[back]:
            if span.type == "person" and span.entity:
                so_far[span.entity] = so_far.get(span.entity, 0) + 1
    most = max(so_far.values())
    first_named = next(
        (s.entity for spans in by_sentence for s in spans if s.type == "person" and s.entity),
        None,
    )
    recent = sorted(latest.values(), key=lambda item: -item[1].start)
    text = doc.text
    start, end = doc.sentences[index]
    head = _first_word(profession.text)
    prof_tag = _tag(head)
    lemma = _lemma(head)
    prof_gender = _gender(head)
    shared = [
        "X:bias",
        "X:ptag:" + prof_tag,
        "X:role:" + str(profession.data),
        "X:phead:" + head.lower(),
        "X:pbefore:" + _previous_word(text, start, profession.start),
        "X:pbeforeshape:" + _shape(_previous_token(text, start, profession.start)),
        "X:pafter:" + _next_word(text, profession.end, end),
        "X:finit:" + str(len(_TOKEN.findall(text[start : profession.start])) <= 2),
        f"X:named:{bool(persons)}",
        "X:follow:" + str(any(0 <= p.start - profession.end <= 2 for p in persons)),
        f"X:cap:{profession.text[:1].isupper()}",
    ]
    found = []
    # the likeliest two or three (two when the profession's own sentence names someone):
    # the model weighs the rank, and on NEREL train the wider choice (and window) added
    # links without losing precision
    for rank, (back, person) in enumerate(recent[: 2 if persons else 3]):
        if verb_disagrees(doc, person, profession):
            continue  # «Иван Петров … Работала прокурором»
        same = any(
            _lemma(_first_word(s.text)) == lemma
            for s in by_sentence[back]
            if s.type == "profession" and s.data
        )
        name_gender = _name_gender(_first_word(person.text))
        features = [
            *shared,
            f"X:dist:{index - back}",
            f"X:rank:{min(rank, 2)}",
            f"X:rankdist:{min(rank, 2)}{index - back}",
            f"X:ents:{min(len(recent), 3)}",
            f"X:mentions:{min(mentions[person.entity], 3)}",
            f"X:same:{same}",
            f"X:samerank:{same}{min(rank, 2)}",
            f"X:gender:{prof_gender}|{name_gender}",
            f"X:rolerank:{profession.data}{min(rank, 2)}",
            f"X:tagrank:{prof_tag}{min(rank, 2)}{same}",
            f"X:main:{mentions[person.entity] == max(mentions.values())}",
            f"X:docmain:{so_far[person.entity] == most}{min(rank, 2)}",
            f"X:docfirst:{person.entity == first_named}",
            f"X:sgender:{prof_gender}|{surname_gender(person.text)}",
        ]
        found.append((person, features))
    return found


def pair_features(
    doc: DocumentContext,
    sentence: tuple[int, int],
    person: Span,
    profession: Span,
    spans: list[Span],
    persons: list[Span],
    professions: list[Span],
    person_links: int,
    profession_links: int,
) -> list[str]:
    """The feature strings of one pair (see the module docstring)."""
    text = doc.text
    before = profession.end <= person.start  # the profession first
    left, right = (profession, person) if before else (person, profession)
    order = "FP" if before else "PF"
    gap = text[left.end : right.start]
    tokens = _TOKEN.findall(gap)
    words = [t.lower() for t in tokens]
    features = ["bias:" + order, "dist:" + order + _bucket(len(tokens))]
    if len(tokens) <= 6:
        features.append("gap:" + order + " ".join(words))
        features.append("shape:" + order + " ".join(_shape(t) for t in tokens))
    else:
        features.append("shape:" + order + "long")
    if tokens:
        features += ["first:" + order + words[0], "last:" + order + words[-1]]
        features.append("firstshape:" + order + _shape(tokens[0]))
        features.append("lastshape:" + order + _shape(tokens[-1]))
    between = [s for s in spans if left.end <= s.start and s.end <= right.start]
    n_persons = sum(1 for s in between if s.type == "person")
    outermost = {id(p) for p in professions}
    n_professions = sum(1 for s in between if id(s) in outermost)
    n_names = sum(1 for s in between if s.type in _OTHER_NAMES)
    features += [
        f"persons:{order}{min(n_persons, 2)}",
        f"professions:{order}{min(n_professions, 2)}",
        f"names:{order}{min(n_names, 2)}",
        f"near:{order}{min(n_persons, 1)}{min(n_professions, 1)}",
    ]
    # the cases and numbers at both ends: a genitive name after a nominative profession
    # is the profession's owner, not its holder
    head = _first_word(profession.text)
    name = _first_word(person.text)
    prof_tag = _tag(head)
    name_tag = _name_tag(name)
    features += [
        "ptag:" + prof_tag,
        "ntag:" + name_tag,
        "pn:" + order + prof_tag + "|" + name_tag,
        "role:" + str(profession.data),
        "phead:" + head.lower(),
        "pn_cap:" + order + str(profession.text[:1].isupper()),
        f"gender:{order}{_gender(head)}|{_name_gender(name)}",
    ]
    # what follows the profession and what stands before each of them
    after_profession = text[profession.end : profession.end + 3]
    followed = any(0 <= p.start - profession.end <= 2 for p in persons)
    features.append(f"follow:{order}{followed}{person.start - profession.end in (1, 2)}")
    features.append("after:" + _shape_run(after_profession))
    features.append("pbefore:" + _previous_word(text, sentence[0], profession.start))
    features.append("nbefore:" + _previous_word(text, sentence[0], person.start))
    features.append("nafter:" + _next_word(text, person.end, sentence[1]))
    features.append(f"pinit:{text[sentence[0] : person.start].strip() == ''}")
    features.append(f"finit:{text[sentence[0] : profession.start].strip() == ''}")
    features.append(f"plinks:{min(person_links, 2)}|flinks:{min(profession_links, 1)}")
    features.append(f"plinks:{order}{min(person_links, 2)}{min(profession_links, 1)}")
    # is this the nearest person to the profession, the nearest profession to the person?
    others = [p for p in persons if p is not person and p.entity != person.entity]
    nearer_person = any(_distance(p, profession) < _distance(person, profession) for p in others)
    nearer_prof = any(
        _distance(f, person) < _distance(profession, person)
        for f in professions
        if f is not profession
    )
    features.append(f"nearest:{order}{not nearer_person}{not nearer_prof}")
    features.append(f"counts:{min(len(persons), 3)}{min(len(professions), 3)}")
    features.append(f"pn2:{order}{prof_tag}|{name_tag}|{_bucket(len(tokens))}")
    features.append(f"commas:{order}{min(words.count(','), 2)}{'и' in words}")
    features.append("pafter:" + order + _next_word(text, profession.end, sentence[1]))
    # each word between on its own, however long the gap: a verb of a post («назначен»,
    # «занимал»), «который», «у», a preposition; the first and last eight only
    for word in words[:8] + words[8:][-8:]:
        features.append("w:" + order + word)
    features.append(f"pred:{order}{bool(PREDICATE.search(gap))}{bool(CLAUSE_BREAK.search(gap))}")
    # a surname's ending shows its case where a first name's dictionary entry does not
    ending = _ending(person.text)
    features.append("nend:" + order + ending)
    features.append(f"pnend:{order}{prof_tag}|{ending}")
    return features


def _ending(name: str) -> str:
    """The last two letters of a name's last word, lower-cased («Петрову»: ``ву``)."""
    last = name.rsplit(None, 1)[-1] if name.strip() else ""
    return last[-2:].lower()


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _bucket(n: int) -> str:
    return str(n) if n <= 4 else "5-6" if n <= 6 else "7-10" if n <= 10 else "11+"


@cache
def _shape(token: str) -> str:
    """A short word as itself («и», «из», «как»), a longer one as its last two letters
    (what its case and part of speech show in: «~ый», «~ого», «~ся»), a capitalised word
    as ``Cap``, a number as ``D``, punctuation as itself. No dictionary look-up: parsing
    every word between two spans cost more than the rest of the model together."""
    if token[:1].isdigit():
        return "D"
    if not _WORD.match(token):
        return token if not token[:1].isalpha() else "Lat"
    if token[:1].isupper():
        return "Cap"
    return token if len(token) <= 3 else "~" + token[-2:]


def _shape_run(text: str) -> str:
    return "".join("a" if c.isalpha() else c for c in text)


def _previous_token(text: str, floor: int, offset: int) -> str:
    tokens = _TOKEN.findall(text[max(floor, offset - 30) : offset])
    return tokens[-1] if tokens else "^"


def _first_word(text: str) -> str:
    match = _WORD.search(text)
    return match.group() if match else ""


def _previous_word(text: str, floor: int, offset: int) -> str:
    tokens = _TOKEN.findall(text[max(floor, offset - 30) : offset])
    return tokens[-1].lower() if tokens else "^"


def _next_word(text: str, offset: int, ceiling: int) -> str:
    tokens = _TOKEN.findall(text[offset : min(ceiling, offset + 30)])
    return tokens[0].lower() if tokens else "$"


@cache
def _parses(word: str) -> list:
    """pymorphy's parses of a lower-cased word, once per word (the slow part)."""
    from pledgewatch.extract.nlp import _morph

    return _morph().parse(word)


@cache
def _tag(word: str) -> str:
    """Part of speech, case and number of a word's first parse («министра»: NOUN gent sing)."""
    if not word:
        return "-"
    tag = _parses(word.lower())[0].tag
    return f"{tag.POS}.{tag.case}.{tag.number}"


@cache
def _lemma(word: str) -> str:
    if not word:
        return ""
    return _parses(word.lower())[0].normal_form


@cache
def _gender(word: str) -> str:
    """The gender of a profession word («певица»: femn); ``?`` when it has none or several."""
    if not word:
        return "?"
    genders = {p.tag.gender for p in _parses(word.lower()) if p.tag.POS == "NOUN"}
    return genders.pop() if len(genders) == 1 and None not in genders else "?"


@cache
def _name_gender(word: str) -> str:
    """The gender of a first name, ``?`` when the dictionary does not know it as one."""
    if not word:
        return "?"
    genders = {p.tag.gender for p in _parses(word.lower()) if "Name" in p.tag.grammemes}
    return genders.pop() if len(genders) == 1 and None not in genders else "?"


@cache
def _name_tag(word: str) -> str:
    """The cases a first name can be in («Ивана»: gent/accs), or ``?`` for a word the
    dictionary does not know as a name (surnames and foreign names decline loosely)."""
    if not word:
        return "-"
    cases = sorted(
        {
            p.tag.case
            for p in _parses(word.lower())
            if p.tag.case and "Name" in p.tag.grammemes and "sing" in p.tag.grammemes
        }
    )
    return "/".join(cases) if cases else "?"
