"""Trains the role link classifier (``pledgewatch.extract.role_model``) on NEREL train and
writes ``src/pledgewatch/data/role_model.npz``.

    .venv/bin/python train/works_as.py [/work/shared/data/nerel-v1.1/train] [--out PATH]

NEREL: Loukachevitch et al., "NEREL: A Russian Dataset with Nested Named Entities,
Relations and Events", RANLP 2021 (Russian Wikinews, BRAT standoff). Its texts are not in
this repository; the script reads them from the folder given.

Each training document is run through the extractor up to its facts; every pair the model
would score (``role_model.candidate_pairs``: a person and a profession the rules did not
link) is labelled by whether the WORKS_AS relation `eval nerel` would score for it (the
person's mention nearest the profession, as ``evaluate.nerel`` maps a role fact) is a gold
one. Logistic regression with an L2 penalty is fitted by full-batch Adam in numpy, so the
run is deterministic: the same data and code write the same bytes (``RoleModel.save`` fixes
the archive's dates), so rerunning it shows whether the shipped file is current. The
threshold is chosen on the training documents under cross-validation by document (each
fold scored by a model that did not see it): the highest one whose WORKS_AS F1 (rules plus
model links) is within ``F1_TOLERANCE`` of the best, since a wrong role on a person's page
costs more than a missing one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

import pledgewatch.extract as stage
from pledgewatch.evaluate.nerel import gold_items, read_split
from pledgewatch.extract.document import DocumentContext
from pledgewatch.extract.role_model import MODEL_PATH, RoleModel, bucket_ids, candidate_pairs
from pledgewatch.extract.roles import carried_role_links, role_links

DEFAULT_DATA = Path("/work/shared/data/nerel-v1.1/train")
BUCKETS = 1 << 16
L2 = 3.0
ITERATIONS = 250
FOLDS = 5
THRESHOLDS = np.round(np.arange(0.2, 0.8, 0.05), 2)
F1_TOLERANCE = 0.003  # cross-validated F1 differences smaller than this are noise

Relation = tuple[tuple[int, int], tuple[int, int]]


def analysed(text: str) -> DocumentContext:
    """The document's context as the fact rules get it: the extractor run with its fact
    stage replaced by one that keeps the context."""
    kept: list[DocumentContext] = []
    build_facts = stage.build_facts
    stage.build_facts = kept.append
    try:
        stage.extract(text, "ru")
    finally:
        stage.build_facts = build_facts
    return kept[0]


def _scored(doc: DocumentContext, entity: str | None, first: int, last: int, target) -> tuple:
    """The mention of ``entity`` in sentences ``first``..``last`` nearest ``target``: the
    person `eval nerel` links a role fact's profession to."""
    start, end = doc.sentences[first][0], doc.sentences[last][1]
    mentions = [
        (s.start, s.end)
        for s in doc.spans
        if s.type == "person" and s.entity == entity and start <= s.start < end
    ]
    return min(mentions, key=lambda m: (max(0, target[0] - m[1], m[0] - target[1]), m))


def document_examples(doc: DocumentContext, gold: set[Relation]):
    """(features, label, relation) of every candidate pair, and the relations the rules
    make."""
    rules: set[Relation] = set()
    examples = []
    for index in range(len(doc.sentences)):
        linked = role_links(doc, index)
        for person, profession, _ in linked:
            if person.entity:
                target = (profession.start, profession.end)
                rules.add((_scored(doc, person.entity, index, index, target), target))
        for person, profession, _ in carried_role_links(doc, index):
            target = (profession.start, profession.end)
            first = doc.sentence_index(person.start)
            rules.add((_scored(doc, person.entity, first, index, target), target))
        for person, profession, _, features in candidate_pairs(doc, index, linked):
            target = (profession.start, profession.end)
            first = doc.sentence_index(person.start)
            relation = (_scored(doc, person.entity, first, index, target), target)
            examples.append((features, int(relation in gold), relation))
    return examples, rules


def collect(folder: Path, limit: int | None = None):
    documents = []
    for brat in read_split(folder, limit):
        gold = {
            (arg1[0], arg2[0])
            for type_, arg1, arg2 in gold_items(brat).relations
            if type_ == "WORKS_AS"
        }
        examples, rules = document_examples(analysed(brat.text), gold)
        documents.append({"examples": examples, "rules": rules, "gold": gold})
    return documents


def matrix(features: list[list[str]]) -> tuple[np.ndarray, np.ndarray, int]:
    """The examples' feature buckets as (row, column) pairs of a sparse 0/1 matrix."""
    rows, columns = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for row, strings in enumerate(features):
        ids = np.unique(bucket_ids(strings, BUCKETS))
        rows.append(np.full(len(ids), row))
        columns.append(ids)
    return np.concatenate(rows), np.concatenate(columns), len(features)


def fit(x, y: np.ndarray, l2: float = L2, iterations: int = ITERATIONS):
    """Weights and bias of an L2-penalised logistic regression, by full-batch Adam."""
    rows, columns, n = x
    weights, bias = np.zeros(BUCKETS), 0.0
    m, v, mb, vb = np.zeros(BUCKETS), np.zeros(BUCKETS), 0.0, 0.0
    rate, beta1, beta2 = 0.1, 0.9, 0.999
    for t in range(1, iterations + 1):
        error = _sigmoid(np.bincount(rows, weights=weights[columns], minlength=n) + bias) - y
        grad = np.bincount(columns, weights=error[rows], minlength=BUCKETS) + l2 * weights
        grad_bias = error.sum()
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        weights -= rate * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + 1e-8)
        mb = beta1 * mb + (1 - beta1) * grad_bias
        vb = beta2 * vb + (1 - beta2) * grad_bias * grad_bias
        bias -= rate * (mb / (1 - beta1**t)) / (np.sqrt(vb / (1 - beta2**t)) + 1e-8)
    return weights, bias


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def predict(weights, bias, x) -> np.ndarray:
    rows, columns, n = x
    return _sigmoid(np.bincount(rows, weights=weights[columns], minlength=n) + bias)


def works_as_score(documents, probabilities: np.ndarray, threshold: float):
    """WORKS_AS (F1, P, R) of the rules' relations plus the model's over ``threshold``, a
    profession linked to its likeliest person only (as ``role_model.model_links`` does)."""
    tp = fp = support = 0
    position = 0
    for document in documents:
        best: dict[tuple[int, int], tuple[float, Relation]] = {}
        for _, _, relation in document["examples"]:
            p = probabilities[position]
            position += 1
            if p >= threshold and (relation[1] not in best or p > best[relation[1]][0]):
                best[relation[1]] = (p, relation)
        predicted = document["rules"] | {relation for _, relation in best.values()}
        tp += len(predicted & document["gold"])
        fp += len(predicted - document["gold"])
        support += len(document["gold"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def cross_validated(documents, folds: int = FOLDS) -> np.ndarray:
    """Every example's probability by a model fitted on the other folds' documents."""
    features, labels, fold_of = [], [], []
    for number, document in enumerate(documents):
        for strings, label, _ in document["examples"]:
            features.append(strings)
            labels.append(label)
            fold_of.append(number % folds)
    y, fold_of = np.array(labels, float), np.array(fold_of)
    probabilities = np.zeros(len(y))
    for fold in range(min(folds, len(documents))):
        held = fold_of == fold
        if held.all() or not held.any():
            continue
        rest = [f for f, h in zip(features, held, strict=True) if not h]
        fold_features = [f for f, h in zip(features, held, strict=True) if h]
        weights, bias = fit(matrix(rest), y[~held])
        probabilities[held] = predict(weights, bias, matrix(fold_features))
    return probabilities


def train(folder: Path, out: Path, limit: int | None = None, log=print) -> RoleModel:
    documents = collect(folder, limit)
    features = [f for d in documents for f, _, _ in d["examples"]]
    y = np.array([label for d in documents for _, label, _ in d["examples"]], float)
    log(f"{len(documents)} documents, {len(y)} candidate pairs, {int(y.sum())} of them gold")
    rules_only = works_as_score(documents, np.zeros(len(y)), 1.0)
    log("rules alone: F1 {:.3f} P {:.3f} R {:.3f}".format(*rules_only))
    probabilities = cross_validated(documents)
    scores = [(works_as_score(documents, probabilities, t), t) for t in THRESHOLDS]
    for (f1, precision, recall), threshold in scores:
        log(f"  threshold {threshold:.2f}: F1 {f1:.3f} P {precision:.3f} R {recall:.3f}")
    # a role is shown on a person's page: of thresholds as good as the best, the highest
    best = max(f1 for (f1, _, _), _ in scores)
    (f1, precision, recall), threshold = max(
        (s for s in scores if s[0][0] >= best - F1_TOLERANCE), key=lambda s: s[1]
    )
    log(f"threshold {threshold:.2f}: cross-validated F1 {f1:.3f} P {precision:.3f} R {recall:.3f}")
    weights, bias = fit(matrix(features), y)
    model = RoleModel(weights, bias, threshold)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    log(f"wrote {out}")
    return model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--limit", type=int, default=None, help="the first N documents only")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder (NEREL v1.1 train, BRAT .txt and .ann files)")
    train(args.data, args.out, args.limit)


if __name__ == "__main__":
    main()
