"""The person and organization matcher: the labelled name pairs (data/name_pairs.yaml),
tables of hard cases, context, blocking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pledgewatch.resolve.match import (
    AUTO_MERGE,
    REVIEW,
    MatchContext,
    OrganizationRecord,
    PersonRecord,
    block_keys,
    candidate_pairs,
    compare_names,
    compare_organizations,
    compare_persons,
    organization_key,
    resolve_records,
    token_similarity,
)

DATA = Path(__file__).parent / "data" / "name_pairs.yaml"
PAIRS_FILE = yaml.safe_load(DATA.read_text(encoding="utf-8"))
PAIRS = PAIRS_FILE["pairs"]
SOURCES = PAIRS_FILE["sources"]

SAME_KINDS = {
    "case",
    "script",
    "spelling",
    "kazakh_letters",
    "patronymic",
    "surname_only",
    "initials",
    "surname_form",
    "first_name_form",
    "misspelling",
}
DIFFERENT_KINDS = {
    "family",
    "surname",
    "first_name",
    "similar_first_name",
    "similar_surname",
    "country",
    "same_document",
}
# Positives the matcher is not expected to merge on its own: a dropped -ов/-ұлы across
# documents goes to the review queue; a short first name, a misspelling, a second
# spelling a document explains (Билаш, «по документам — Бияш») are missed.
REVIEW_KINDS = {"surname_form"}
MISSED_KINDS = {"first_name_form", "misspelling"}
MISSED_PAIRS = {("Серикжана Бияша", "Серикжан Билаш")}


def score(row: dict) -> float:
    a = PersonRecord((row["a"],), row.get("country_a", row.get("country")))
    b = PersonRecord((row["b"],), row.get("country_b", row.get("country")))
    return compare_persons(a, b, MatchContext(same_document=bool(row.get("same_document"))))


def pair_id(row: dict) -> str:
    return f"{'same' if row['same'] else 'diff'}-{row['kind']}-{row['a']}|{row['b']}"


# --- the labelled pairs ----------------------------------------------------------------------


def test_pairs_file_is_large_varied_and_sourced():
    assert len(PAIRS) >= 300
    kinds_same = {r["kind"] for r in PAIRS if r["same"]}
    kinds_different = {r["kind"] for r in PAIRS if not r["same"]}
    assert kinds_same <= SAME_KINDS and kinds_different <= DIFFERENT_KINDS
    # hard negatives and hard positives of every kind the issue names
    assert {"family", "first_name", "similar_surname", "country"} <= kinds_different
    assert {"case", "script", "kazakh_letters", "patronymic", "initials"} <= kinds_same
    assert {"surname_only", "surname_form"} <= kinds_same
    for url in SOURCES.values():
        assert re.match(r"^https?://\S+$", url), url
    for row in PAIRS:
        sources = row["source"] if isinstance(row["source"], list) else [row["source"]]
        assert sources and all(s in SOURCES for s in sources), row
        assert isinstance(row["same"], bool) and row["a"] != row["b"], row
    assert len({tuple(sorted((r["a"], r["b"]))) for r in PAIRS}) == len(PAIRS)


def test_pairs_cover_scripts_and_all_countries():
    cyrillic = re.compile("[А-Яа-яЁё]")
    kazakh = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
    texts = [t for r in PAIRS for t in (r["a"], r["b"])]
    assert any(kazakh.search(t) for t in texts)
    assert any(cyrillic.search(t) for t in texts) and any(not cyrillic.search(t) for t in texts)
    countries = {r.get("country") for r in PAIRS} | {r.get("country_a") for r in PAIRS}
    assert {"KZ", "KG", "UZ", "TJ", "TM"} <= countries


def test_pairwise_precision_and_recall_meet_the_goals():
    scored = [(r, score(r)) for r in PAIRS]
    tp = sum(1 for r, s in scored if r["same"] and s >= AUTO_MERGE)
    fp = sum(1 for r, s in scored if not r["same"] and s >= AUTO_MERGE)
    fn = sum(1 for r, s in scored if r["same"] and s < AUTO_MERGE)
    assert tp / (tp + fp) >= 0.99
    assert tp / (tp + fn) >= 0.95


@pytest.mark.parametrize("row", [r for r in PAIRS if not r["same"]], ids=pair_id)
def test_different_people_are_never_merged(row):
    assert score(row) < AUTO_MERGE


@pytest.mark.parametrize(
    "row",
    [
        r
        for r in PAIRS
        if r["same"]
        and not (r["kind"] in REVIEW_KINDS and not r.get("same_document"))
        and r["kind"] not in MISSED_KINDS
        and (r["a"], r["b"]) not in MISSED_PAIRS
    ],
    ids=pair_id,
)
def test_one_person_in_any_form_is_merged(row):
    assert score(row) >= AUTO_MERGE


@pytest.mark.parametrize(
    "row",
    [r for r in PAIRS if r["same"] and r["kind"] in REVIEW_KINDS and not r.get("same_document")],
    ids=pair_id,
)
def test_a_dropped_surname_ending_across_documents_goes_to_review(row):
    assert REVIEW <= score(row) < AUTO_MERGE


# --- tables of hard cases ----------------------------------------------------------------------

# (a, b, same document, lowest score, highest score)
NAMES = [
    # six cases, both genders
    ("Айгерим Тлеужанова", "Айгерим Тлеужановою", False, 1.0, 1.0),
    ("Маратом Жыланбаевым", "Marat Zhylanbayev", False, 1.0, 1.0),
    ("Марате Жыланбаеве", "Марат Жыланбаев", False, 1.0, 1.0),
    ("Темирлану Енсебеку", "Temirlan Yensebek", False, 1.0, 1.0),
    # order: official "Surname First"
    ("Zhylanbayev Marat", "Марат Жыланбаев", False, 0.95, 1.0),
    # a man and a woman of one family are two people
    ("Aleksandr Aleksandrov", "Aleksandra Aleksandrova", False, 0.0, 0.5),
    ("Галым Нурпеисов", "Галия Нурпеисова", True, 0.0, 0.5),
    # Turkic patronymics: a son and a daughter of one father
    ("Максат Тажибек уулу", "Махабат Тажибек кызы", True, 0.0, 0.5),
    # Russian and Kazakh patronymic of one father agree; two fathers do not
    ("Нурсултан Абишевич Назарбаев", "Нұрсұлтан Әбішұлы Назарбаев", False, 1.0, 1.0),
    ("Нурсултан Абишевич Назарбаев", "Нурсултан Нурланович Назарбаев", False, 0.0, 0.3),
    # Uzbek o'g'li, qizi
    ("Akmal Rustam o'g'li", "Akmal Rustam oʻgʻli", False, 1.0, 1.0),
    ("Akmal Rustam o'g'li", "Akmal Rustamov", False, REVIEW, AUTO_MERGE - 0.01),
    # double-barrelled first name and surname
    ("Zhan-Aidar Karmenov", "Жанайдар Карменов", False, 0.95, 1.0),
    ("Айгуль Ахмедова-Исмаилова", "Айгуль Ахмедова", False, REVIEW, AUTO_MERGE - 0.01),
    # initials: one document merges, across documents a researcher decides
    ("М. Жыланбаев", "Марат Жыланбаев", True, AUTO_MERGE, 1.0),
    ("Жыланбаев М.", "Марат Жыланбаев", False, REVIEW, AUTO_MERGE - 0.01),
    ("Н. Жыланбаев", "Марат Жыланбаев", True, 0.0, 0.1),
    # a surname alone: the person named in full in the same document, nobody elsewhere
    ("Жыланбаеву", "Марат Жыланбаев", True, AUTO_MERGE, 1.0),
    ("Жыланбаеву", "Марат Жыланбаев", False, 0.0, REVIEW - 0.01),
    # two Нурлан with different surnames
    ("Нурлан Далибаев", "Нурлан Жауылбаев", True, 0.0, 0.5),
    # a different name one letter away is a different person
    ("Ержан Нурланов", "Ерлан Нурланов", False, 0.0, REVIEW - 0.01),
]


@pytest.mark.parametrize(("a", "b", "same_document", "low", "high"), NAMES)
def test_name_table(a, b, same_document, low, high):
    assert low <= compare_names(a, b, same_document) <= high


TOKENS = [
    ("tleujan", "tleujan", 1.0),
    ("tileujan", "tleujan", 0.93),  # Kazakh Тілеужан
    ("dauletmurat", "davletmurat", 0.97),  # в before a consonant
    ("muhametkarim", "muhamedkarim", 0.9),
    ("tleujan", "tleujanova", 0.85),
    ("nurpeisov", "nurpeisova", 0.3),  # a man and a woman
    ("nurlan", "nurjan", None),
]


@pytest.mark.parametrize(("a", "b", "expected"), TOKENS)
def test_token_similarity(a, b, expected):
    value = token_similarity(a, b)
    if expected is None:
        assert value < 0.5
    else:
        assert value == pytest.approx(expected)


# --- context ----------------------------------------------------------------------------------


def test_the_same_name_in_two_countries_needs_more_than_the_name():
    kz = PersonRecord.of("Ерлан Касымов", "KZ")
    kg = PersonRecord.of("Ерлан Касымов", "KG")
    unknown = PersonRecord.of("Erlan Kasymov")
    assert compare_persons(kz, kg) < REVIEW
    assert compare_persons(kz, unknown) >= AUTO_MERGE
    shared = frozenset({"gulnoza said", "ruslan miatiev"})
    kz_known = PersonRecord(("Ерлан Касымов",), "KZ", frozenset({"journalist"}), shared)
    kg_known = PersonRecord(("Ерлан Касымов",), "KG", frozenset({"journalist"}), shared)
    assert REVIEW <= compare_persons(kz_known, kg_known) < AUTO_MERGE


def test_roles_and_co_mentioned_people_move_the_score():
    base = compare_persons("Жыланбаев М.", "Марат Жыланбаев")
    judge = PersonRecord(("Жыланбаев М.",), "KZ", frozenset({"judge"}))
    activist = PersonRecord(("Марат Жыланбаев",), "KZ", frozenset({"activist"}))
    assert compare_persons(judge, activist) < base
    friends = frozenset({"doskaraev meirjan", "ablazov muhtar"})
    a = PersonRecord(("Жыланбаев М.",), "KZ", frozenset({"activist"}), friends)
    assert compare_persons(a, activist) > base
    # evidence around a name never makes two names one
    assert (
        compare_persons(
            PersonRecord(("Нурлан Далибаев",), "KZ", frozenset({"activist"}), friends),
            PersonRecord(("Нурлан Жауылбаев",), "KZ", frozenset({"activist"}), friends),
        )
        < REVIEW
    )


def test_records_compare_on_their_best_names():
    record = PersonRecord(("Айгерим Тлеужан", "Aigerim Tleuzhan", "Айгерим Тлеужанова"), "KZ")
    assert compare_persons(record, PersonRecord.of("Айгерим Тлеужановой", "KZ")) >= AUTO_MERGE
    assert compare_persons(record, "Әйгерім Тілеужан") >= AUTO_MERGE


# --- organizations ----------------------------------------------------------------------------

ORGANIZATIONS = [
    ("FIDH", "Международная федерация за права человека", 1.0, 1.0),
    ("Fédération internationale pour les droits humains", "FIDH", 1.0, 1.0),
    ("Международная федерация за права человека (FIDH)", "FIDH", 1.0, 1.0),
    ("ОО «Кадыр Касиет»", "Кадыр Касиет", 1.0, 1.0),
    ("Kadyr Kasiet", "«Кадыр Касиет»", 1.0, 1.0),
    ("Kylym Shamy Public Foundation", "ОФ «Кылым шамы»", 1.0, 1.0),
    ("Open Dialogue Foundation (ODF)", "ODF", 0.9, 1.0),
    ("Oyan, Qazaqstan!", "Оян, Казахстан", AUTO_MERGE, 1.0),
    ("FIDH", "OMCT", 0.0, 0.0),
    ("Международная правозащитная организация", "Amnesty International", 0.0, REVIEW - 0.01),
    (
        "Демократический выбор Казахстана",
        "Демократическая партия Казахстана",
        0.0,
        AUTO_MERGE - 0.01,
    ),
]


@pytest.mark.parametrize(("a", "b", "low", "high"), ORGANIZATIONS)
def test_organization_table(a, b, low, high):
    assert low <= compare_organizations(a, b) <= high


def test_organization_key_drops_quotes_legal_form_and_acronym():
    assert organization_key("ОФ «Кылым шамы»") == organization_key("Кылым шамы")
    assert organization_key("Kylym Shamy Public Foundation") == organization_key("Кылым Шамы")
    assert organization_key('ОО "Адил соз" (АС)') == organization_key("Адил Соз")


def test_reference_ids_decide():
    fidh = OrganizationRecord(("Some name",), ref="organization:fidh")
    assert compare_organizations(fidh, "FIDH") == 1.0
    assert compare_organizations(fidh, "OMCT") == 0.0


# --- blocking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("Айгерим Тлеужан", "Әйгерім Тілеужан", "Aigerim Tleuzhan", "Айгерим Тлеужановой"),
        ("Марат Жыланбаев", "Zhylanbayev Marat", "М. Жыланбаев", "Жыланбаеву"),
        ("Нургельды Халыкова", "Nurgeldi Halykow", "Н. Халыков"),
        ("Рысбек Сарсенбаев", "Рысбек Сарсенбай", "Рысбек Сарсенбайулы"),
    ],
)
def test_variants_share_a_block(names):
    blocks = [block_keys(n) for n in names]
    for other in blocks[1:]:
        assert blocks[0] & other, names


def test_resolve_records_clusters_without_comparing_all_pairs():
    forms = [
        ("Марат Жыланбаев", "KZ"),
        ("Марата Жыланбаева", None),
        ("Marat Zhylanbayev", "KZ"),
        ("Айгерим Тлеужан", "KZ"),
        ("Aigerim Tleuzhan", None),
        ("Нурлан Далибаев", "KZ"),
        ("Нурлан Жауылбаев", "KZ"),
        ("Дидар Кабаев", "KZ"),
    ]
    records = [PersonRecord((n,), c, id=f"r{i}") for i, (n, c) in enumerate(forms)]
    clusters = resolve_records(records)
    assert clusters.groups() == [["r0", "r1", "r2"], ["r3", "r4"], ["r5"], ["r6"], ["r7"]]
    pairs = list(candidate_pairs(records))
    assert len(pairs) < len(records) * (len(records) - 1) // 2


def test_a_first_name_with_a_middle_initial_meets_initials_only():
    # «Джон Р. Толкин» has a first name and an initial, «Дж. Р. Толкин» initials only;
    # comparing them once raised IndexError and stopped the document's ingest
    assert compare_names("Джон Р. Толкин", "Дж. Р. Толкин") >= 0.85
    assert compare_names("Дж. Р. Толкин", "Джон Р. Толкин") >= 0.85
    assert compare_names("Джон Р. Толкин", "П. Толкин") == 0.0


# German press writes ж and ш alike as sch, з and с alike as s outside vowels: the
# German spelling meets either letter, the two Cyrillic letters stay two names.
@pytest.mark.parametrize(
    ("german", "other"),
    [
        ("Kasym-Schomart Tokajew", "Касым-Жомарт Токаев"),
        ("Kassym-Schomart Tokajew", "Kassym-Jomart Tokayev"),
        ("Marat Schylanbajew", "Марат Жыланбаев"),
        ("Turar Schabarbaewa", "Турар Шабарбаева"),
        ("Schawkat Mirsijojew", "Шавкат Мирзиёев"),
        ("Schaken Atabajew", "Жакен Атабаев"),
        ("Schaken Atabajew", "Шакен Атабаев"),
    ],
)
def test_german_spelling_meets_either_letter(german, other):
    assert compare_names(german, other) >= AUTO_MERGE
    assert compare_names(other, german) >= AUTO_MERGE
    records = [PersonRecord((german,)), PersonRecord((other,))]
    assert list(candidate_pairs(records)) == [(0, 1)]  # the blocker files them together


def test_zh_and_sh_keep_names_apart_outside_german_spelling():
    assert compare_names("Жакен Атабаев", "Шакен Атабаев") < REVIEW
    assert compare_names("Zhaken Atabayev", "Shaken Atabayev") < REVIEW
    # two German spellings spell alike: Schaken is not made Жакен against Schaken
    assert compare_names("Schaken Atabajew", "Schaken Atabajew") == 1.0
    assert compare_names("Marat Schylanbajew", "Tolegen Jylanbaev") < REVIEW
