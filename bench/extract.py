"""Extraction quality on NEREL, ours against plain natasha, on the same split in one run.

    .venv/bin/python bench/extract.py                      # the dev split, two tables
    .venv/bin/python bench/extract.py --json               # one JSON object on stdout
    .venv/bin/python bench/extract.py --limit 20           # the first 20 documents
    .venv/bin/python bench/extract.py --errors errors.jsonl  # also our misses and extras

Both sides are scored with exact spans (type, start, end) by pledgewatch.evaluate.nerel,
micro-averaged over documents. The baseline is natasha's Segmenter and NewsNERTagger only:
PER -> PERSON, ORG -> ORGANIZATION, LOC -> LOC (the union of COUNTRY, CITY,
STATE_OR_PROVINCE, LOCATION and DISTRICT, type-agnostic within it); natasha has no other
types and no relations, reported as n.a. Model loading is not timed on either side.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pledgewatch.evaluate.nerel import (
    ENTITY_TYPES,
    LOC,
    RELATION_TYPES,
    BratDocument,
    Items,
    evaluate,
    project_predictor,
    read_split,
    split_files,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPLIT = REPO.parent / "shared" / "data" / "nerel-v1.1" / "dev"
NATASHA_TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": LOC}
NATASHA_SCORED = ("PERSON", "ORGANIZATION", LOC)


def natasha_predictor():
    """Plain natasha: segmentation and NER, nothing else."""
    try:
        import pymorphy2  # noqa: F401  (natasha's own dependency, as installed)
    except Exception:  # pymorphy2 breaks on Python 3.11; pymorphy3 is its drop-in
        import pymorphy3

        sys.modules["pymorphy2"] = pymorphy3
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter = Segmenter()
    tagger = NewsNERTagger(NewsEmbedding())

    def predict(text: str) -> Items:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return Items({(NATASHA_TYPES[s.type], ((s.start, s.stop),)) for s in doc.spans})

    predict("Иван Петров приехал в Москву.")  # warm-up, not timed
    return predict


def natasha_json(result) -> dict:
    scored = result.as_json(NATASHA_SCORED, ())
    return {
        "entities": {t: scored["entities"].get(t) for t in (*ENTITY_TYPES, LOC)},
        "relations": dict.fromkeys(RELATION_TYPES),
        "docs_per_second": scored["docs_per_second"],
    }


def error_writer(handle):
    """Writes our misses (fn) and extras (fp) of one document as JSON lines, with the
    sentence-sized context around each."""

    def write(doc: BratDocument, gold: Items, pred: Items) -> None:
        for kind, items in (
            ("fn", gold.entities - pred.entities),
            ("fp", pred.entities - gold.entities),
        ):
            for type_, fragments in sorted(items, key=lambda i: i[1]):
                start, end = fragments[0][0], fragments[-1][1]
                row = {
                    "doc": doc.name,
                    "kind": kind,
                    "type": type_,
                    "start": start,
                    "end": end,
                    "text": " ".join(doc.text[a:b] for a, b in fragments),
                    "context": doc.text[max(0, start - 60) : end + 60].replace("\n", " "),
                    "overlaps": sorted(
                        f"{t}:{doc.text[f[0][0] : f[-1][1]]}"
                        for t, f in (pred.entities if kind == "fn" else gold.entities)
                        if f[0][0] < end and start < f[-1][1] and t != LOC
                    ),
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for kind, items in (
            ("fn", gold.relations - pred.relations),
            ("fp", pred.relations - gold.relations),
        ):
            for type_, arg1, arg2 in sorted(items):
                row = {
                    "doc": doc.name,
                    "kind": kind,
                    "type": type_,
                    "arg1": " ".join(doc.text[a:b] for a, b in arg1),
                    "arg2": " ".join(doc.text[a:b] for a, b in arg2),
                    "span": [arg1[0][0], arg2[0][0]],
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    return write


def _cells(score: dict | None) -> list[str]:
    if score is None:
        return ["n.a.", "n.a.", "n.a."]
    return [f"{score['p']:.3f}", f"{score['r']:.3f}", f"{score['f1']:.3f}"]


def print_tables(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:  # piped: do not squeeze the eight columns into 80
        console = Console(width=120)
    for section, title in (("entities", "entities"), ("relations", "relations")):
        table = Table(
            title=f"NEREL {result['split']} ({result['docs']} documents): {title}, exact spans"
        )
        table.add_column("Type", no_wrap=True)
        table.add_column("Support", justify="right")
        for side in ("ours", "natasha"):
            for name in ("P", "R", "F1"):
                table.add_column(f"{side} {name}", justify="right")
        for type_, ours in result["ours"][section].items():
            theirs = result["natasha"][section].get(type_)
            table.add_row(type_, str(ours["support"]), *_cells(ours), *_cells(theirs))
        console.print(table)
    console.print(
        f"documents per second (model loading excluded): ours "
        f"{result['ours']['docs_per_second']:.1f}, natasha segment+NER "
        f"{result['natasha']['docs_per_second']:.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "split",
        nargs="?",
        type=Path,
        default=DEFAULT_SPLIT,
        help=f"a NEREL split folder (default {DEFAULT_SPLIT})",
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    parser.add_argument("--errors", type=Path, help="write our misses and extras (JSON lines)")
    args = parser.parse_args(argv)
    if not split_files(args.split, args.limit):
        print(f"no NEREL .txt/.ann pairs in {args.split}", file=sys.stderr)
        return 2

    print("natasha (segment + NER)...", file=sys.stderr, flush=True)
    natasha = evaluate(read_split(args.split, args.limit), natasha_predictor())
    print("ours (pledgewatch extract)...", file=sys.stderr, flush=True)
    predict = project_predictor()
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as handle:
            ours = evaluate(read_split(args.split, args.limit), predict, error_writer(handle))
    else:
        ours = evaluate(read_split(args.split, args.limit), predict)

    result = {
        "split": str(args.split),
        "docs": ours.scorer.documents,
        "ours": ours.as_json(),
        "natasha": natasha_json(natasha),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_tables(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
