"""Person resolution: pairwise quality on the labelled name pairs, and speed at scale.

    .venv/bin/python bench/resolve.py                 # both, as tables
    .venv/bin/python bench/resolve.py --json          # one JSON object on stdout
    .venv/bin/python bench/resolve.py --mentions 20000 --errors   # smaller; list misses

Quality: every pair of ``tests/resolve/data/name_pairs.yaml`` is scored by
``compare_persons`` with its countries and same-document flag; a pair is predicted 'same'
at or above ``AUTO_MERGE``. Precision, recall and F1 are over pairs; pairs in the review
band (``REVIEW`` up to ``AUTO_MERGE``) are counted apart, as the researcher sees them.

Speed: ``--mentions`` person mentions (100,000 by default) are made up from the first
names and surnames of the pairs file (surnames also derived from first names, as Central
Asian surnames are: Нурлан -> Нурланов, Асан -> Асанбаев) in Cyrillic case forms and
Latin spellings, for people in four countries. Resolving them is timed on one core as the
resolve stage does it: mentions with one match key and country are one record
(``name_key``), records are blocked (``block_keys``) and compared within blocks
(``compare_persons``), clusters joined with union-find. Pairwise precision and recall of
those clusters against the made-up truth are printed too (records that are one person
against records clustered together).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import yaml

from pledgewatch.resolve.match import (
    AUTO_MERGE,
    REVIEW,
    MatchContext,
    PersonRecord,
    candidate_pairs,
    compare_persons,
    resolve_records,
    token_similarity,
)
from pledgewatch.resolve.names import FEMALE_NAMES, name_key, normalize_person_name
from pledgewatch.resolve.translit import cyr_to_lat, has_cyrillic, latin_variants, match_key

REPO = Path(__file__).resolve().parent.parent
PAIRS = REPO / "tests" / "resolve" / "data" / "name_pairs.yaml"


# --- quality ---------------------------------------------------------------------------------


def pair_scores(path: Path = PAIRS) -> list[tuple[dict, float]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for row in data["pairs"]:
        a = PersonRecord((row["a"],), row.get("country_a", row.get("country")))
        b = PersonRecord((row["b"],), row.get("country_b", row.get("country")))
        context = MatchContext(same_document=bool(row.get("same_document")))
        out.append((row, compare_persons(a, b, context)))
    return out


def quality(scored: list[tuple[dict, float]]) -> dict:
    tp = sum(1 for r, s in scored if r["same"] and s >= AUTO_MERGE)
    fp = sum(1 for r, s in scored if not r["same"] and s >= AUTO_MERGE)
    fn = sum(1 for r, s in scored if r["same"] and s < AUTO_MERGE)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    review_same = sum(1 for r, s in scored if r["same"] and REVIEW <= s < AUTO_MERGE)
    review_different = sum(1 for r, s in scored if not r["same"] and REVIEW <= s < AUTO_MERGE)
    return {
        "pairs": len(scored),
        "same": sum(1 for r, _ in scored if r["same"]),
        "different": sum(1 for r, _ in scored if not r["same"]),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "false_merges": fp,
        "missed": fn,
        "review_band_same": review_same,
        "review_band_different": review_different,
    }


# --- speed -------------------------------------------------------------------------------------

# Kazakh, Kyrgyz and Uzbek men's names are mostly two parts: Нур+лан, Ер+жан, Жан+болат
NAME_HEADS = "Нур Ер Жан Мир Сер Асыл Бахыт Дау Ес Кай Сая Бол Ак Тил Ул Жас Ай Бек Ал Орын".split()
NAME_TAILS = "лан жан бек болат хан мурат бай тай сұлтан дар гали мухамед ат ым".split()
COUNTRIES = ("KZ", "KG", "UZ", "TJ")


def name_stock(path: Path = PAIRS) -> tuple[list[str], list[str], list[str]]:
    """(men's first names, women's first names, surnames) in Cyrillic, from the pairs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    men, women, surnames = set(), set(), set()
    for row in data["pairs"]:
        for text in (row["a"], row["b"]):
            if not has_cyrillic(text):
                continue
            person = normalize_person_name(text)
            if not person.first or not person.last or "-" in person.first:
                continue
            first = person.first
            if first.lower() in FEMALE_NAMES or person.gender == "femn":
                women.add(first)
            else:
                men.add(first)
            if person.gender == "masc":
                surnames.add(person.last)
    men |= {head + tail for head in NAME_HEADS for tail in NAME_TAILS}
    women |= {name.capitalize() for name in FEMALE_NAMES}
    women = {w for w in women if len(w) > 3}
    men = distinct(sorted(men))
    women = [w for w in distinct(sorted(women)) if not any(_alike(w, m) for m in men)]
    for first in list(men):
        # surnames are derived from fathers' names: Нурлан -> Нурланов, Асан -> Асанбаев
        if first[-1].lower() not in "аеёиоуыэюяй":
            surnames.update({first + "ов", first + "баев", first + "беков"})
    return men, women, distinct(sorted(surnames))


def _alike(a: str, b: str) -> bool:
    """Two spellings of one name (Болат/Булат, Мухаметкарим/Мухаммедкарим, Айнар/Айнара):
    made-up people must not differ only by those."""
    ka, kb = match_key(a), match_key(b)
    return token_similarity(ka, kb) >= 0.85 or ka.startswith(kb) or kb.startswith(ka)


def distinct(names: list[str]) -> list[str]:
    kept: list[str] = []
    for name in names:
        if not any(_alike(name, k) for k in kept):
            kept.append(name)
    return kept


def feminine(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname


def case_forms(first: str, surname: str, woman: bool) -> list[str]:
    """Nominative and a few oblique forms, written as Russian texts inflect names."""
    if woman:
        last = feminine(surname)
        forms = [f"{first} {last}"]
        if last.endswith("а"):
            stem = last[:-1]
            first_gen = first[:-1] + "ы" if first.endswith("а") else first
            forms += [
                f"{first_gen} {stem}ой",
                f"{first} {stem}у" if not first.endswith("а") else f"{first[:-1]}у {stem}у",
            ]
        return forms
    forms = [f"{first} {surname}"]
    if first[-1].lower() not in "аеёиоуыэюяйь":
        if surname.endswith(("ов", "ев", "ин")):
            forms += [f"{first}а {surname}а", f"{first}у {surname}у", f"{first}ом {surname}ым"]
        elif surname[-1].lower() not in "аеёиоуыэюяйь":
            forms += [f"{first}а {surname}а", f"{first}у {surname}у"]
    return forms


def make_mentions(n: int, seed: int = 7) -> list[tuple[str, str | None, int]]:
    """``n`` (text, country or None, person number) mentions of made-up people."""
    rng = random.Random(seed)
    men, women, surnames = name_stock()
    people = {}
    wanted = min(max(1, n // 5), (len(men) + len(women)) * len(surnames) // 2)
    while len(people) < wanted:
        woman = rng.random() < 0.3
        first = rng.choice(women if woman else men)
        surname = rng.choice(surnames)
        key = (first, surname)
        if key not in people:
            people[key] = (woman, rng.choice(COUNTRIES))
    mentions = []
    persons = list(people.items())
    for number, ((first, surname), (woman, country)) in enumerate(persons):
        nominative = f"{first} {feminine(surname) if woman else surname}"
        pool = case_forms(first, surname, woman)
        pool.append(cyr_to_lat(nominative))
        variants = sorted(latin_variants(nominative))
        pool.append(" ".join(w.capitalize() for w in rng.choice(variants).split()))
        for _ in range(5):
            mentions.append((rng.choice(pool), country if rng.random() < 0.7 else None, number))
    rng.shuffle(mentions)
    return mentions[:n]


def speed(n: int) -> dict:
    mentions = make_mentions(n)
    started = time.perf_counter()
    # one record per match key and country, as the resolve stage stores them
    records: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    truth: dict[tuple[str, str | None], Counter] = defaultdict(Counter)
    for text, country, person in mentions:
        key = (name_key(text), country)
        if text not in records[key]:
            records[key].append(text)
        truth[key][person] += 1
    keyed = time.perf_counter()
    keys = sorted(records, key=lambda k: (k[0], k[1] or ""))
    people = [PersonRecord(tuple(records[k]), k[1], id=f"r{i}") for i, k in enumerate(keys)]
    clusters = resolve_records(people)
    finished = time.perf_counter()
    # pairwise quality of the clusters against the made-up truth (records of one person)
    person_of = {f"r{i}": truth[k].most_common(1)[0][0] for i, k in enumerate(keys)}
    by_person: dict[int, list[str]] = defaultdict(list)
    for record, person in person_of.items():
        by_person[person].append(record)
    true_pairs = {frozenset(p) for group in by_person.values() for p in combinations(group, 2)}
    found_pairs = {frozenset(p) for g in clusters.groups() for p in combinations(g, 2)}
    tp = len(true_pairs & found_pairs)
    all_pairs = len(people) * (len(people) - 1) // 2
    compared = sum(1 for _ in candidate_pairs(people))
    return {
        "mentions": len(mentions),
        "people": len(by_person),
        "records": len(people),
        "candidate_pairs": compared,
        "all_pairs": all_pairs,
        "compared": clusters.compared,
        "clusters": len(clusters.groups()),
        "seconds_keys": round(keyed - started, 2),
        "seconds_total": round(finished - started, 2),
        "precision": round(tp / len(found_pairs), 4) if found_pairs else 1.0,
        "recall": round(tp / len(true_pairs), 4) if true_pairs else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000, help="mentions to resolve")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--errors", action="store_true", help="list the pairs scored wrong")
    args = parser.parse_args(argv)
    scored = pair_scores()
    result = {"pairs": quality(scored), "speed": speed(args.mentions)}
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    q, s = result["pairs"], result["speed"]
    print(f"name pairs: {q['pairs']} ({q['same']} same, {q['different']} different)")
    print(
        f"  precision {q['precision']:.3f}  recall {q['recall']:.3f}  F1 {q['f1']:.3f}"
        f"  (false merges {q['false_merges']}, missed {q['missed']};"
        f" in the review band: {q['review_band_same']} same, {q['review_band_different']} different)"
    )
    print(
        f"resolving {s['mentions']:,} mentions ({s['people']:,} people, {s['records']:,} records):"
        f" {s['seconds_total']:.1f} s on one core (match keys {s['seconds_keys']:.1f} s)"
    )
    print(
        f"  {s['candidate_pairs']:,} candidate pairs of {s['all_pairs']:,} ({s['compared']:,} compared),"
        f" {s['clusters']:,} clusters; pairwise precision {s['precision']:.3f} recall {s['recall']:.3f}"
    )
    if args.errors:
        for row, score in scored:
            wrong = (score >= AUTO_MERGE) != row["same"]
            if wrong:
                label = "missed" if row["same"] else "FALSE MERGE"
                print(f"  {label} {score:.2f} [{row['kind']}] {row['a']} | {row['b']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
