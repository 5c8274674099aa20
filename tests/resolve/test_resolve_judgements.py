"""Merge judgements: the rules that compute records from the log, and the whole path on a
real database (SQLite file and the PostgreSQL server): ingest, automatic merges, the
review queue, merge and split from the API and the CLI, export and show."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console
from sqlalchemy import select
from typer.testing import CliRunner

from pledgewatch.config import Settings
from pledgewatch.extract.types import EntityDraft
from pledgewatch.ingest.pipeline import ingest_paths
from pledgewatch.report.export import build_export, write_json
from pledgewatch.report.show import find_entity, render_entity
from pledgewatch.resolve import resolve_all, resolve_draft
from pledgewatch.resolve.judgements import (
    NOT_SAME,
    RESOLVER,
    SAME,
    UNSURE,
    Decision,
    JudgementError,
    MergeConflict,
    canonical_id,
    compute_resolution,
    judgement_log,
    members,
    merge,
    pending_merge_candidates,
    record_judgement,
    split,
)
from pledgewatch.store.db import open_store, session_scope
from pledgewatch.store.models import Entity, Judgement

T0 = datetime(2025, 4, 4, tzinfo=UTC)


def decision(n: int, a: str, b: str, what: str, by: str = "ana", score: float | None = None):
    return Decision(n, a, b, what, by, T0 + timedelta(minutes=n), score)


# --- the rules ----------------------------------------------------------------------------------


def test_same_joins_and_the_oldest_survives():
    created = {"b": 2, "a": 1, "c": 3}
    r = compute_resolution([decision(1, "c", "b", SAME), decision(2, "b", "a", SAME)], created)
    assert r.canonical_id("c") == r.canonical_id("b") == r.canonical_id("a") == "a"
    assert r.members("c") == ["a", "b", "c"]
    assert r.canonical_id("x") == "x" and r.members("x") == ["x"]


def test_a_later_not_same_splits_and_a_later_same_joins_again():
    log = [decision(1, "a", "b", SAME), decision(2, "a", "b", NOT_SAME)]
    assert compute_resolution(log).canonical_id("b") == "b"
    log.append(decision(3, "b", "a", SAME))
    assert compute_resolution(log).canonical_id("b") == "a"


def test_not_same_holds_through_chains():
    log = [
        decision(1, "a", "b", SAME),
        decision(2, "b", "c", SAME),
        decision(3, "a", "c", NOT_SAME),
    ]
    r = compute_resolution(log, {"a": 1, "b": 2, "c": 3})
    assert r.members("a") == ["a", "b"] and r.canonical_id("c") == "c"
    assert [d.id for d in r.blocked] == [2]
    assert [d.id for d in r.apart("b", "c")] == [3]


def test_a_researcher_outranks_the_resolver_whatever_the_order():
    log = [
        decision(1, "a", "b", NOT_SAME, by="ana"),
        decision(2, "a", "b", SAME, by=RESOLVER, score=0.99),
    ]
    assert compute_resolution(log).canonical_id("b") == "b"
    # the resolver's own later doubt withdraws its earlier merge
    log = [
        decision(1, "a", "b", SAME, by=RESOLVER, score=0.95),
        decision(2, "a", "b", NOT_SAME, by=RESOLVER, score=0.4),
    ]
    assert compute_resolution(log).canonical_id("b") == "b"


def test_the_resolver_joins_its_strongest_pairs_first():
    log = [
        decision(1, "a", "b", SAME, by=RESOLVER, score=0.91),
        decision(2, "b", "c", SAME, by=RESOLVER, score=0.99),
        decision(3, "a", "c", NOT_SAME, by="ana"),
    ]
    r = compute_resolution(log, {"a": 1, "b": 2, "c": 3})
    assert r.members("b") == ["b", "c"] and r.canonical_id("a") == "a"


def test_unsure_joins_nothing():
    r = compute_resolution([decision(1, "a", "b", UNSURE, by=RESOLVER, score=0.8)])
    assert r.canonical_id("b") == "b" and not r.clusters


# --- on a real database ---------------------------------------------------------------------------

DOCUMENTS = {
    "01-ru.txt": "Алматы, 11 июля 2023 года. Алматинский суд приговорил журналистку Айгерим "
    "Тлеужан к четырем годам лишения свободы по делу о захвате аэропорта. Адвокат Айнара "
    "Айдарханова заявила, что приговор будет обжалован. Тлеужан вины не признала.\n",
    "02-ru.txt": "Алматы, 18 ноября 2025 года. Журналистку Айгерим Тлеужанову, осужденную по "
    "делу о захвате аэропорта Алматы, госпитализировали. Айгерим Тлеужан жалуется на "
    "здоровье, сообщила ее адвокат Айнара Айдарханова.\n",
    "03-en.txt": "Almaty, 12 July 2023. A court in Kazakhstan sentenced journalist Aigerim "
    "Tleuzhan to four years in prison over the seizure of Almaty airport. Tleuzhan said she "
    "would appeal.\n",
    "04-ru.txt": "Бухара, 31 января 2023 года. Суд приговорил юриста и журналиста Даулетмурата "
    "Тажимуратова к 16 годам лишения свободы по делу о беспорядках в Каракалпакстане, "
    "Узбекистан.\n",
    "05-en.txt": "Nukus, 13 January 2023. In Uzbekistan, Karakalpak lawyer Dauletmurat "
    "Tojimuratov was sentenced to 16 years in prison.\n",
    "06-en.txt": "Human rights groups urged the authorities of Uzbekistan to release Karakalpak "
    "lawyer Dauletmurat Tazhimuratov, who is serving a 16-year sentence.\n",
}
LATER = {
    "07-ru.txt": "Алматы, 2 декабря 2025 года. Адвокат журналистки Айгерим Тлеужановой "
    "потребовала провести обследование.\n",
}


def _ingest(url: str, folder, names) -> None:
    engine = open_store(url)
    outcomes = list(ingest_paths(engine, [folder / n for n in sorted(names)], Settings()))
    assert all(o.status in ("added", "duplicate") for o in outcomes), outcomes


@pytest.fixture
def documents(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in {**DOCUMENTS, **LATER}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _people(url: str) -> dict[str, dict]:
    with session_scope(open_store(url)) as session:
        export = build_export(session)
    return {e["name"]: e for e in export["entities"] if e["type"] == "person"}, export


def test_export_has_one_person_per_person_with_every_spelling_and_document(database_url, documents):
    _ingest(database_url, documents, DOCUMENTS)
    people, export = _people(database_url)
    assert sorted(people) == ["Айгерим Тлеужан", "Айнара Айдарханова", "Даулетмурат Тажимуратов"]
    documents_by_name = {d["source"].rsplit("/", 1)[-1]: d["id"] for d in export["documents"]}

    def seen_in(person):
        return {m["document"] for m in person["mentions"]}

    tleuzhan = people["Айгерим Тлеужан"]
    assert {"Aigerim Tleuzhan", "Айгерим Тлеужанова"} <= set(tleuzhan["aliases"])
    assert seen_in(tleuzhan) == {
        documents_by_name[n] for n in ("01-ru.txt", "02-ru.txt", "03-en.txt")
    }
    texts = {m["text"] for m in tleuzhan["mentions"]}
    assert {"Айгерим Тлеужанову", "Айгерим Тлеужан", "Aigerim Tleuzhan", "Тлеужан"} <= texts

    tazhimuratov = people["Даулетмурат Тажимуратов"]
    assert {"Dauletmurat Tojimuratov", "Dauletmurat Tazhimuratov"} <= set(tazhimuratov["aliases"])
    assert seen_in(tazhimuratov) == {
        documents_by_name[n] for n in ("04-ru.txt", "05-en.txt", "06-en.txt")
    }
    assert tazhimuratov["country"] == "UZ"
    # the English spelling was merged by a judgement: its id resolves to the survivor
    assert len(tazhimuratov["referents"]) == 1
    with session_scope(open_store(database_url)) as session:
        absorbed = tazhimuratov["referents"][0]
        assert canonical_id(session, absorbed) == tazhimuratov["id"]
        log = judgement_log(session, tazhimuratov["id"])
        assert [(j.decision, j.decided_by) for j in log] == [(SAME, RESOLVER)]
        assert log[0].score >= 0.9
        assert [e.id for e in find_entity(session, absorbed)] == [tazhimuratov["id"]]
    ids = {e["id"] for e in export["entities"]}
    for fact in export["facts"]:
        assert fact["subject"] is None or fact["subject"] in ids
        assert fact["object"] is None or fact["object"] in ids
    assert any(f["subject"] == tazhimuratov["id"] for f in export["facts"])


def test_review_queue_merge_and_split_survive_reingest_and_resolve(database_url, documents):
    _ingest(database_url, documents, ["01-ru.txt", "07-ru.txt"])
    engine = open_store(database_url)
    with session_scope(engine) as session:
        candidates = pending_merge_candidates(session)
        assert len(candidates) == 1
        candidate = candidates[0]
        names = {session.get(Entity, i).name for i in (candidate.entity_a, candidate.entity_b)}
        assert names == {"Айгерим Тлеужан", "Айгерим Тлеужанова"}
        assert 0.7 <= candidate.score < 0.9
        older, newer = candidate.entity_a, candidate.entity_b
        merge(session, older, newer, decided_by="ana")
        assert pending_merge_candidates(session) == []
        assert members(session, newer) == [older, newer]
    people, _ = _people(database_url)
    assert "Айгерим Тлеужанова" not in people
    assert "Айгерим Тлеужанова" in people["Айгерим Тлеужан"]["aliases"]
    assert people["Айгерим Тлеужан"]["referents"] == [newer]

    # show the absorbed id: the survivor, with every member's names and documents
    with session_scope(engine) as session:
        console = Console(record=True, width=200)
        for entity in find_entity(session, newer):
            render_entity(session, entity, console)
        shown = console.export_text()
    assert older in shown and f"merged from: {newer}" in shown and "Тлеужанова" in shown
    assert "mentioned in 2 document(s)" in shown

    with session_scope(engine) as session:
        split(session, older, newer, decided_by="ana")
    people, _ = _people(database_url)
    assert {"Айгерим Тлеужан", "Айгерим Тлеужанова"} <= set(people)

    # re-ingesting, ingesting more and re-resolving keep the researcher's decision
    _ingest(database_url, documents, ["01-ru.txt", "07-ru.txt", "02-ru.txt", "03-en.txt"])
    with session_scope(engine) as session:
        report = resolve_all(session)
        assert report.compared >= 1
        assert canonical_id(session, newer) == newer
        assert pending_merge_candidates(session) == []
        assert [j.decision for j in judgement_log(session, newer, decided_by="ana")] == [
            SAME,
            NOT_SAME,
        ]
    people, _ = _people(database_url)
    assert "Айгерим Тлеужанова" in people and "Айгерим Тлеужан" in people


def _person(session, name: str, country: str | None = "KZ") -> str:
    draft = EntityDraft(f"person:{name}", "person", name, country)
    return resolve_draft(session, draft).id


def test_merge_refuses_what_a_split_forbids_and_bad_input(sqlite_url):
    engine = open_store(sqlite_url)
    with session_scope(engine) as session:
        a = _person(session, "Ерлан Касымов")
        b = _person(session, "Yerlan Kasymov", None)
        c = _person(session, "Ерлан Касымов", "KG")
        org = resolve_draft(session, EntityDraft("o", "organization", "Kylym Shamy")).id
        assert a != c and a == b  # one key, compatible countries: one entity already
        d = _person(session, "Е. Касымов")
        merge(session, a, d, decided_by="ana")
        split(session, d, c, decided_by="ana")
        with pytest.raises(MergeConflict) as refused:
            merge(session, a, c, decided_by="ana")
        assert d in str(refused.value) and c in str(refused.value)
        # merging the very pair a split separated overrides the split
        merge(session, d, c, decided_by="ana")
        assert canonical_id(session, c) == canonical_id(session, a)
        with pytest.raises(JudgementError):
            merge(session, a, a, decided_by="ana")
        with pytest.raises(JudgementError):
            merge(session, a, "per_nonexistent", decided_by="ana")
        with pytest.raises(JudgementError):
            merge(session, a, org, decided_by="ana")
        with pytest.raises(JudgementError):
            record_judgement(session, a, c, "maybe", decided_by="ana")


def test_export_is_deterministic_after_merges(sqlite_url, documents):
    _ingest(sqlite_url, documents, DOCUMENTS)
    outputs = []
    for _ in range(2):
        buffer = io.StringIO()
        with session_scope(open_store(sqlite_url)) as session:
            write_json(session, buffer)
        outputs.append(json.loads(buffer.getvalue()))
    assert outputs[0] == outputs[1]


# --- the CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli():
    """The main app with the resolve commands registered the way cli.py registers them
    (``app.add_typer(resolve_cli.app)``); taken off again afterwards if this added them."""
    from pledgewatch.cli import app
    from pledgewatch.resolve import cli as resolve_cli

    registered = any(g.typer_instance is resolve_cli.app for g in app.registered_groups)
    if not registered:
        app.add_typer(resolve_cli.app)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args), env={"COLUMNS": "200"})

    yield run
    if not registered:
        app.registered_groups[:] = [
            g for g in app.registered_groups if g.typer_instance is not resolve_cli.app
        ]


def test_cli_merge_split_judgements_resolve(cli, sqlite_url, documents):
    _ingest(sqlite_url, documents, ["01-ru.txt", "07-ru.txt"])
    with session_scope(open_store(sqlite_url)) as session:
        candidate = pending_merge_candidates(session)[0]
    a, b = candidate.entity_a, candidate.entity_b

    pending = cli("--db", sqlite_url, "judgements", "--pending")
    assert pending.exit_code == 0 and a in pending.output and b in pending.output

    merged = cli("--db", sqlite_url, "merge", a, b, "--by", "ana")
    assert merged.exit_code == 0, merged.output
    assert "same" in merged.output and b in merged.output

    log = cli("--db", sqlite_url, "judgements", "--entity", b)
    assert log.exit_code == 0 and "ana" in log.output and "unsure" in log.output
    assert "nothing awaits review" in cli("--db", sqlite_url, "judgements", "--pending").output

    separated = cli("--db", sqlite_url, "split", a, b, "--by", "ana")
    assert separated.exit_code == 0 and "not the same" in separated.output

    resolved = cli("--db", sqlite_url, "resolve")
    assert resolved.exit_code == 0, resolved.output
    assert "pairs compared" in resolved.output
    with session_scope(open_store(sqlite_url)) as session:
        assert canonical_id(session, b) == b
        rows = session.scalars(select(Judgement).order_by(Judgement.id)).all()
        assert [(r.decision, r.decided_by) for r in rows] == [
            (UNSURE, RESOLVER),
            (SAME, "ana"),
            (NOT_SAME, "ana"),
        ]

    missing = cli("--db", sqlite_url, "merge", a, "per_nonexistent")
    assert missing.exit_code == 1 and "no entity" in missing.output


def test_records_stored_before_blocks_existed_are_still_found(sqlite_url, documents):
    """A database upgraded to migration 0004 has entities without blocks."""
    from sqlalchemy import delete

    from pledgewatch.store.db import get_engine
    from pledgewatch.store.models import EntityBlock

    _ingest(sqlite_url, documents, ["04-ru.txt"])
    with session_scope(open_store(sqlite_url)) as session:
        session.execute(delete(EntityBlock))
    get_engine.cache_clear()  # the upgraded database is opened by a new process
    _ingest(sqlite_url, documents, ["05-en.txt"])
    people, _ = _people(sqlite_url)
    assert list(people) == ["Даулетмурат Тажимуратов"]
    assert "Dauletmurat Tojimuratov" in people["Даулетмурат Тажимуратов"]["aliases"]


def test_search_finds_a_merged_record_once_with_the_documents_of_all_its_parts(
    cli, database_url, documents
):
    from pledgewatch.store.search import search_documents, search_entities
    from pledgewatch.web.queries import list_entities

    _ingest(database_url, documents, ["01-ru.txt", "07-ru.txt"])
    with session_scope(open_store(database_url)) as session:
        candidate = pending_merge_candidates(session)[0]
        a, b = candidate.entity_a, candidate.entity_b
        merge(session, a, b, decided_by="ana")
        survivor = canonical_id(session, a)
        absorbed = ({a, b} - {survivor}).pop()
        for query in ("Тлеужан", "Тлеужановой", "Tleuzhanova"):
            assert [e.id for e in search_entities(session, query)] == [survivor], query
        sources = sorted(
            h.document.source.rsplit("/", 1)[-1] for h in search_documents(session, "Тлеужанова")
        )
        assert sources == ["01-ru.txt", "07-ru.txt"]
        listed = [e.id for e in list_entities(session, type="person", limit=100).items]
        assert survivor in listed and absorbed not in listed

    found = cli("--db", database_url, "search", "Тлеужановой")
    assert found.exit_code == 0, found.output
    assert survivor in found.output and absorbed not in found.output


def test_the_clusters_cached_for_an_engine_follow_the_log(sqlite_url):
    """Ingest opens a session per document and the clusters are kept between them: a
    judgement added in another session, or one rolled back and replaced by another with the
    same id, is seen by the next session all the same."""
    engine = open_store(sqlite_url)
    with session_scope(engine) as session:
        a = _person(session, "Айбек Нурланов")
        b = _person(session, "А. Нурланов")
        c = _person(session, "Айбек Нурлан")
    with session_scope(engine) as session:
        assert canonical_id(session, b) == b  # computed and kept for the engine
    with session_scope(engine) as session:
        merge(session, a, b, decided_by="ana")
    with session_scope(engine) as session:
        assert canonical_id(session, b) == a
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        merge(session, a, c, decided_by="ana")
        assert canonical_id(session, c) == a  # seen inside the transaction
        raise RuntimeError("rolled back")
    with session_scope(engine) as session:
        assert canonical_id(session, c) == c
        split(session, a, b, decided_by="ana")  # may take the id the rolled-back row had
    with session_scope(engine) as session:
        assert canonical_id(session, b) == b and canonical_id(session, c) == c
