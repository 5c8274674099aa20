"""`pledgewatch eval nerel`: the BRAT reader, the mapping to NEREL types, the exact-span
scorer, and (where ../shared/data holds NEREL) a run on a few dev documents."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgewatch.evaluate.cli import eval_app
from pledgewatch.evaluate.nerel import (
    ENTITY_TYPES,
    LOC,
    RELATION_TYPES,
    Evaluation,
    Items,
    Scorer,
    evaluate,
    extraction_items,
    gold_items,
    location_type,
    nerel_type,
    parse_ann,
    read_document,
    read_split,
)
from pledgewatch.extract import extract
from pledgewatch.extract.types import EntityDraft, Extraction, FactDraft, MentionDraft

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "data" / "nerel-v1.1" / "dev"
needs_nerel = pytest.mark.skipif(
    not DEV.is_dir(),
    reason=f"NEREL is not available at {DEV} (it is never copied into the repository)",
)

TEXT = "Президент США Барак Обама посетил Москву. Суд приговорил Иванова к 5 годам тюрьмы."
ANN = "\n".join(
    [
        "T1\tPROFESSION 0 9\tПрезидент",
        "T2\tPROFESSION 0 13\tПрезидент США",  # nested: both kept
        "T3\tCOUNTRY 10 13\tСША",
        "T4\tPERSON 14 25\tБарак Обама",
        "T5\tCITY 34 40\tМоскву",
        "T6\tPENALTY 67 81\t5 годам тюрьмы",
        "T7\tPERSON 57 64\tИванова",
        "T8\tEVENT 0 9;26 33\tПрезидент посетил",  # discontinuous
        "R1\tWORKS_AS Arg1:T4 Arg2:T2",
        "R2\tPENALIZED_AS Arg1:T7 Arg2:T6",
        "R3\tWORKS_AS Arg1:T4 Arg2:T99",  # an argument that does not exist
        "E1\tEVENT:T8 Arg:T4",
        "A1\tNegation E1",
        "N1\tReference T4 Wikidata:Q76\tБарак Обама",
        "#1\tAnnotatorNotes T4\tnote",
        "По словам очевидцев пешеход",  # a stray text line, as in train/21013_text.ann
        "",
    ]
)


# --------------------------------------------------------------------------- reader


def test_reader_keeps_nested_discontinuous_and_relations():
    doc = parse_ann(ANN, "x", TEXT)
    assert set(doc.entities) == {f"T{i}" for i in range(1, 9)}
    assert doc.entities["T1"].fragments == ((0, 9),)
    assert doc.entities["T2"].fragments == ((0, 13),)
    assert doc.entities["T8"].fragments == ((0, 9), (26, 33))
    assert doc.entities["T8"].discontinuous
    assert [(r.type, r.arg1, r.arg2) for r in doc.relations] == [
        ("WORKS_AS", "T4", "T2"),
        ("PENALIZED_AS", "T7", "T6"),
    ]
    # the stray line and the relation to a missing entity; E/A/N/# lines are ignored
    assert doc.skipped_lines == 2
    for entity in doc.entities.values():
        assert " ".join(TEXT[a:b] for a, b in entity.fragments) == entity.text


def test_read_document_pairs_txt_and_ann_without_newline_translation(tmp_path):
    (tmp_path / "1_text.txt").write_bytes("Иван\r\nПетров".encode())
    (tmp_path / "1_text.ann").write_text("T1\tPERSON 6 12\tПетров\n", encoding="utf-8")
    (tmp_path / "2_text.txt").write_text("без разметки", encoding="utf-8")  # no .ann: skipped
    doc = read_document(tmp_path / "1_text.txt")
    assert doc.text[6:12] == "Петров"
    assert [d.name for d in read_split(tmp_path)] == ["1_text"]


def test_gold_items_add_the_loc_union():
    gold = gold_items(parse_ann(ANN, "x", TEXT))
    assert ("COUNTRY", ((10, 13),)) in gold.entities
    assert (LOC, ((10, 13),)) in gold.entities
    assert (LOC, ((34, 40),)) in gold.entities
    assert ("EVENT", ((0, 9), (26, 33))) in gold.entities
    assert ("WORKS_AS", ((14, 25),), ((0, 13),)) in gold.relations


# --------------------------------------------------------------------------- mapping


def _mention(type_: str, text: str = "x", entity: str | None = None) -> MentionDraft:
    return MentionDraft(type_, 0, len(text), text, entity)


@pytest.mark.parametrize(
    ("mention_type", "text", "entity", "expected"),
    [
        ("person", "Марата Жыланбаева", None, "PERSON"),
        ("organization", "КМБПЧ", None, "ORGANIZATION"),
        ("country", "Казахстане", None, "COUNTRY"),
        ("legal_provision", "статье 174 УК РК", None, "LAW"),
        ("crime", "разжигание розни", None, "CRIME"),
        ("penalty", "7 годам лишения свободы", None, "PENALTY"),
        ("date", "5 мая 2023 года", None, "DATE"),
        ("profession", "журналист", None, "PROFESSION"),
        ("event", "митинг", None, "EVENT"),
        # a city the reference data knows, by surface form or by the draft's name
        ("location", "Алматы", None, "CITY"),
        ("location", "Вашингтоне", EntityDraft("location:w", "location", "Вашингтон"), "CITY"),
        ("location", "Бишкеке", EntityDraft("location:b", "location", "Бишкек"), "CITY"),
        # a region by its name
        (
            "location",
            "Кировоградской области",
            EntityDraft("location:k", "location", "Кировоградская область"),
            "STATE_OR_PROVINCE",
        ),
        ("location", "Almaty Region", None, "STATE_OR_PROVINCE"),
        ("location", "Алтайском крае", None, "STATE_OR_PROVINCE"),
        # a region the reference data lists, without a region word
        ("location", "Колорадо", None, "STATE_OR_PROVINCE"),
        (
            "location",
            "Татарстане",
            EntityDraft("location:t", "location", "Татарстан"),
            "STATE_OR_PROVINCE",
        ),
        # a district is not a region
        ("location", "Приволжском федеральном округе", None, "LOCATION"),
        # anything else stays LOCATION (still scored in the LOC union)
        ("location", "Сибири", EntityDraft("location:s", "location", "Сибирь"), "LOCATION"),
        ("location", "Украине", None, "LOCATION"),
        ("location", "Европе", None, "LOCATION"),
        # no NEREL counterpart
        ("instrument", "совместной декларации", None, None),
        ("commitment", "свободы слова", None, None),
    ],
)
def test_mention_types_map_to_nerel(mention_type, text, entity, expected):
    assert nerel_type(_mention(mention_type, text), entity) == expected


def test_location_type_without_entity_uses_the_surface_form():
    assert location_type("Ташкент") == "CITY"
    assert location_type("Калорама") == "LOCATION"


def _extraction() -> tuple[Extraction, dict[str, tuple[int, int]]]:
    """Two sentences with hand-made mentions and facts, and the spans by name."""
    text = (
        "Журналист Иван Петров, член партии Ак Жол, арестован. "
        "Петров осуждён за клевету; через месяц суд назначил Петрову штраф."
    )
    s2 = text.index("Петров осуждён")

    def at(word: str, start: int = 0) -> tuple[int, int]:
        i = text.index(word, start)
        return i, i + len(word)

    person = "person:иван петров"
    org = "organization:ак жол"
    p1, p2, p3 = at("Иван Петров"), at("Петров", s2), at("Петрову", s2)
    prof, party = at("Журналист"), at("Ак Жол")
    crime, fine = at("клевету"), at("штраф")
    mentions = [
        MentionDraft("profession", *prof, "Журналист"),
        MentionDraft("person", *p1, "Иван Петров", person),
        MentionDraft("organization", *party, "Ак Жол", org),
        MentionDraft("person", *p2, "Петров", person),
        MentionDraft("crime", *crime, "клевету"),
        MentionDraft("person", *p3, "Петрову", person),
        MentionDraft("penalty", *fine, "штраф"),
        MentionDraft("location", 0, 4, "Журн"),  # a LOCATION: only in the LOC union
    ]
    first, second = (0, s2), (s2, len(text))
    facts = [
        FactDraft(
            "role",
            person,
            None,
            {"role": "journalist"},
            evidence=first,
            spans=[("profession", *prof)],
        ),
        FactDraft("membership", person, org, evidence=first),
        FactDraft(
            "charge",
            person,
            None,
            {"category": "other"},
            evidence=second,
            spans=[("crime", *crime)],
        ),
        FactDraft(
            "sentence",
            person,
            None,
            {"penalty": "fine"},
            evidence=second,
            spans=[("penalty", *fine)],
        ),
        FactDraft("detention", person, None, {"kind": "arrest"}, evidence=first),
    ]
    entities = {
        person: EntityDraft(person, "person", "Иван Петров"),
        org: EntityDraft(org, "organization", "Ак Жол"),
    }
    spans = dict(p1=p1, p2=p2, p3=p3, prof=prof, party=party, crime=crime, fine=fine)
    return Extraction(entities, mentions, facts), spans


def test_facts_map_to_relations_with_the_closest_person_in_the_evidence_sentence():
    extraction, s = _extraction()
    items = extraction_items(extraction)
    assert items.relations == {
        ("WORKS_AS", (s["p1"],), (s["prof"],)),
        ("MEMBER_OF", (s["p1"],), (s["party"],)),
        # «Петров осуждён за клевету»: the mention before the crime, not «Петрову» after it
        ("CONVICTED_OF", (s["p2"],), (s["crime"],)),
        # «Петрову штраф»: the mention right before the penalty
        ("PENALIZED_AS", (s["p3"],), (s["fine"],)),
    }
    assert ("PERSON", (s["p1"],)) in items.entities
    assert ("PROFESSION", (s["prof"],)) in items.entities
    assert ("LOCATION", ((0, 4),)) in items.entities
    assert (LOC, ((0, 4),)) in items.entities


def test_a_fact_without_the_subject_mentioned_in_its_sentence_gives_no_relation():
    extraction, _ = _extraction()
    extraction.mentions = [m for m in extraction.mentions if m.type != "person"]
    assert extraction_items(extraction).relations == set()


# --------------------------------------------------------------------------- scorer


def test_scorer_counts_exact_spans_per_type_micro_averaged():
    scorer = Scorer()
    # document 1: 2 of 3 persons exact, one off by a character; one extra organization
    scorer.add(
        Items({("PERSON", ((0, 5),)), ("PERSON", ((10, 15),)), ("PERSON", ((20, 25),))}),
        Items(
            {
                ("PERSON", ((0, 5),)),
                ("PERSON", ((10, 15),)),
                ("PERSON", ((20, 26),)),
                ("ORGANIZATION", ((30, 35),)),
            }
        ),
    )
    # document 2: one person found; right span, wrong type for the other
    scorer.add(
        Items({("PERSON", ((0, 5),)), ("PERSON", ((7, 9),))}),
        Items({("PERSON", ((0, 5),)), ("ORGANIZATION", ((7, 9),))}),
    )
    person = scorer.entity("PERSON")
    assert (person.tp, person.fp, person.fn) == (3, 1, 2)
    assert person.support == 5
    assert person.precision == pytest.approx(3 / 4)
    assert person.recall == pytest.approx(3 / 5)
    assert person.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    organization = scorer.entity("ORGANIZATION")
    assert (organization.tp, organization.fp, organization.fn) == (0, 2, 0)
    assert organization.f1 == 0.0
    assert scorer.entity("LAW").as_dict() == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 0}
    assert scorer.documents == 2


def test_a_discontinuous_gold_entity_only_counts_in_support():
    scorer = Scorer()
    scorer.add(
        Items({("ORGANIZATION", ((0, 5), (10, 15)))}),
        Items({("ORGANIZATION", ((0, 15),)), ("ORGANIZATION", ((10, 15),))}),
    )
    count = scorer.entity("ORGANIZATION")
    assert (count.tp, count.fp, count.fn, count.support) == (0, 2, 1, 1)


def test_loc_union_ignores_the_type_within_the_union():
    doc = parse_ann("T1\tCITY 0 6\tАлматы\nT2\tCOUNTRY 8 18\tКазахстан\n", "x", "")
    pred = extraction_items(
        Extraction(
            mentions=[
                MentionDraft("location", 0, 6, "Алматы"),  # CITY: right
                MentionDraft("location", 8, 18, "Казахстан"),  # LOCATION, gold COUNTRY
            ]
        )
    )
    scorer = Scorer()
    scorer.add(gold_items(doc), pred)
    assert scorer.entity(LOC).f1 == 1.0
    assert scorer.entity("CITY").f1 == 1.0
    assert scorer.entity("COUNTRY").recall == 0.0


def test_relations_need_the_type_and_both_argument_spans():
    scorer = Scorer()
    gold = Items(
        relations={("WORKS_AS", ((0, 5),), ((6, 15),)), ("MEMBER_OF", ((0, 5),), ((20, 25),))}
    )
    pred = Items(
        relations={("WORKS_AS", ((0, 5),), ((6, 15),)), ("MEMBER_OF", ((0, 4),), ((20, 25),))}
    )
    scorer.add(gold, pred)
    assert scorer.relation("WORKS_AS").f1 == 1.0
    member = scorer.relation("MEMBER_OF")
    assert (member.tp, member.fp, member.fn) == (0, 1, 1)


def test_evaluate_times_the_predictor_and_reports_the_json_shape():
    doc = parse_ann(ANN, "x", TEXT)
    result = evaluate([doc, doc], lambda text: Items({("PERSON", ((14, 25),))}))
    assert isinstance(result, Evaluation)
    assert result.scorer.documents == 2
    assert result.skipped_lines == 4
    report = result.as_json()
    assert list(report) == ["entities", "relations", "docs_per_second"]
    assert list(report["entities"]) == [*ENTITY_TYPES, LOC]
    assert list(report["relations"]) == list(RELATION_TYPES)
    assert report["entities"]["PERSON"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "support": 4}
    assert report["docs_per_second"] > 0


# --------------------------------------------------------------------------- command line


def test_eval_nerel_refuses_a_folder_without_annotations(tmp_path):
    result = CliRunner().invoke(eval_app, ["nerel", str(tmp_path), "--json"])
    assert result.exit_code == 2


@needs_nerel
def test_eval_nerel_on_five_dev_documents():
    result = CliRunner().invoke(eval_app, ["nerel", str(DEV), "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"entities", "relations", "docs_per_second"}
    assert set(ENTITY_TYPES) <= set(report["entities"])
    assert set(report["relations"]) == set(RELATION_TYPES)
    for score in [*report["entities"].values(), *report["relations"].values()]:
        assert set(score) == {"p", "r", "f1", "support"}
        assert 0.0 <= score["f1"] <= 1.0
    assert report["entities"]["PERSON"]["support"] > 0
    assert report["entities"]["PERSON"]["f1"] > 0.5
    assert report["docs_per_second"] > 0


@needs_nerel
def test_eval_nerel_prints_tables():
    result = CliRunner().invoke(eval_app, ["nerel", str(DEV), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "PERSON" in result.stdout and "WORKS_AS" in result.stdout
    assert "documents per second" in result.stdout


@needs_nerel
def test_bench_extract_reports_both_sides(capsys):
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "bench" / "extract.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main([str(DEV), "--limit", "2", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["docs"] == 2
    assert result["natasha"]["entities"]["PROFESSION"] is None
    assert result["natasha"]["relations"]["WORKS_AS"] is None
    assert set(result["natasha"]["entities"]["PERSON"]) == {"p", "r", "f1", "support"}
    assert (
        result["ours"]["entities"]["PERSON"]["support"]
        == (result["natasha"]["entities"]["PERSON"]["support"])
    )


@pytest.mark.parametrize(
    "gap, second, word",
    [
        # told with a pronoun: the subject's last mention before the sentence
        ("\n", "Суд приговорил его к пяти годам лишения свободы.", None),
        (" ", "Суд приговорил его к пяти годам лишения свободы.", None),
        # told with a profession noun the fact keeps, in a paragraph that has not named
        # the person: that noun, as NEREL links it
        ("\n", "Суд приговорил журналиста к пяти годам лишения свободы.", "журналиста"),
        # the same noun after the name in its paragraph refers back to it: the name
        (" ", "Суд приговорил журналиста к пяти годам лишения свободы.", None),
    ],
)
def test_a_sentence_without_the_name_links_the_word_that_names_the_person(gap, second, word):
    text = "Иван Петров вернулся домой." + gap + second
    person, s2 = "person:иван петров", text.index("Суд")
    name, penalty = (0, 11), (text.index("пяти"), len(text) - 1)
    spans = [("penalty", *penalty)]
    if "журналиста" in second:
        noun = text.index("журналиста")
        spans.append(("profession", noun, noun + len("журналиста")))
    extraction = Extraction(
        {person: EntityDraft(person, "person", "Иван Петров")},
        [
            MentionDraft("person", *name, "Иван Петров", person),
            MentionDraft("penalty", *penalty, text[slice(*penalty)]),
        ],
        [
            FactDraft(
                "sentence",
                person,
                None,
                {"penalty": "imprisonment"},
                evidence=(s2, len(text)),
                spans=spans,
            )
        ],
    )
    argument = tuple(spans[1][1:]) if word else name
    relations = extraction_items(extraction, text).relations
    assert relations == {("PENALIZED_AS", (argument,), (penalty,))}


def test_a_lead_that_names_the_person_by_a_nationality_links_that_noun():
    # the fact's evidence runs on to the sentence that names the person, but the lead
    # names them by the noun it keeps, as NEREL links it
    text = "Гражданина Казахстана приговорили к 5 годам тюрьмы\nСуд осудил Ивана Петрова."
    person = "person:иван петров"
    noun, penalty = (0, 21), (text.index("5 годам"), text.index("\n"))
    name = (text.index("Ивана"), len(text) - 1)
    extraction = Extraction(
        {person: EntityDraft(person, "person", "Иван Петров")},
        [MentionDraft("person", *name, "Ивана Петрова", person)],
        [
            FactDraft(
                "sentence",
                person,
                None,
                {"penalty": "imprisonment"},
                evidence=(0, len(text)),
                spans=[("penalty", *penalty), ("nationality", *noun)],
            )
        ],
    )
    assert extraction_items(extraction).relations == {("PENALIZED_AS", (noun,), (penalty,))}


def test_a_detention_counts_only_through_the_preventive_measure_it_records():
    text = "Иван Петров под домашним арестом. Ивана Петрова задержали."
    person, s2 = "person:иван петров", text.index("Ивана")
    first, second = (0, 11), (s2, s2 + 12)
    measure = (text.index("домашним"), text.index("."))
    facts = [
        FactDraft(
            "detention",
            person,
            None,
            {"kind": "house_arrest"},
            evidence=(0, s2),
            spans=[("penalty", *measure)],
        ),
        FactDraft("detention", person, None, {"kind": "detention"}, evidence=(s2, len(text))),
    ]
    extraction = Extraction(
        {person: EntityDraft(person, "person", "Иван Петров")},
        [
            MentionDraft("person", *first, "Иван Петров", person),
            MentionDraft("person", *second, "Ивана Петрова", person),
        ],
        facts,
    )
    assert extraction_items(extraction).relations == {("PENALIZED_AS", (first,), (measure,))}


def test_a_restriction_counts_through_its_measure_and_a_charge_told_with_a_pronoun_too():
    text = (
        "Иван Петров вернулся домой. "
        "Он под подпиской о невыезде, ему предъявили обвинение в клевете."
    )
    person, s2 = "person:иван петров", text.index("Он")
    name = (0, 11)
    measure = (text.index("подпиской"), text.index(","))
    crime = (text.index("клевете"), len(text) - 1)
    facts = [
        FactDraft(
            "restriction",
            person,
            None,
            {"kind": "travel_ban"},
            evidence=(s2, len(text)),
            spans=[("penalty", *measure)],
        ),
        FactDraft(
            "charge",
            person,
            None,
            {"category": "other"},
            evidence=(s2, len(text)),
            spans=[("crime", *crime)],
        ),
    ]
    extraction = Extraction(
        {person: EntityDraft(person, "person", "Иван Петров")},
        [MentionDraft("person", *name, "Иван Петров", person)],
        facts,
    )
    assert extraction_items(extraction).relations == {
        ("PENALIZED_AS", (name,), (measure,)),
        ("CONVICTED_OF", (name,), (crime,)),
    }


def test_a_subject_named_again_in_brackets_is_linked_by_the_name_outside_them():
    text = "Суд Гонконга признал бизнесмена Карсона Янга (Carson Yang) виновным в отмывании денег."
    relations = extraction_items(extract(text, "ru"), text).relations
    convicted = {
        (text[a[0][0] : a[0][1]], text[b[0][0] : b[0][1]])
        for t, a, b in relations
        if t == "CONVICTED_OF"
    }
    assert convicted == {("Карсона Янга", "отмывании денег")}


def test_a_subject_named_before_the_sentence_is_linked_by_the_name_outside_brackets():
    text = (
        "Суд вынес приговор Ивану Петрову за убийство. "
        "29-летний Иван Петров (Ivan Petrov) убил соседа в 2017 году. "
        "Присяжные не договорились, тогда судья Анна Смирнова выбрала пожизненный срок."
    )
    relations = extraction_items(extract(text, "ru"), text).relations
    penalized = {
        (text[a[0][0] : a[0][1]], text[b[0][0] : b[0][1]])
        for t, a, b in relations
        if t == "PENALIZED_AS"
    }
    assert ("Иван Петров", "пожизненный срок") in penalized
    assert ("Ivan Petrov", "пожизненный срок") not in penalized
