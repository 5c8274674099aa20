"""Aliases a document states outright («по документам — …», "also known as …", «урождённая
…», «Тлеужан (Тлеужанова)»): one entity with both names, every mention linked to it. And
the export of an ingest: one person record carrying the stated spelling."""

from __future__ import annotations

import io
import json

import pytest

from pledgewatch.config import Settings
from pledgewatch.extract import extract
from pledgewatch.ingest.pipeline import ingest_paths
from pledgewatch.report.export import write_json
from pledgewatch.resolve.translit import match_key
from pledgewatch.store.db import open_store, session_scope


def _language(text: str) -> str:
    return "en" if text.isascii() else "ru"


def _entities_of(text: str, type_: str = "person"):
    extraction = extract(text, _language(text))
    entities = {k: e for k, e in extraction.entities.items() if e.type == type_}
    mentions = {m.text: m.entity for m in extraction.mentions if m.type == type_}
    return entities, mentions


STATED = [
    # (text, the mention that is the other name, canonical name, the alias it gives)
    (
        "Суд приговорил активистку Айгерим Тлеужан (по документам — Тлеужанова) к четырём годам.",
        "Тлеужанова",
        "Айгерим Тлеужан",
        "Айгерим Тлеужанова",
    ),
    (
        "Суд вынес приговор Айгерим Тлеужан (по документам — Тлеужановой).",
        "Тлеужановой",
        "Айгерим Тлеужан",
        "Айгерим Тлеужанова",
    ),
    (
        "Суд приговорил активистку Айгерим Тлеужан (Тлеужанова) к четырём годам.",
        "Тлеужанова",
        "Айгерим Тлеужан",
        "Айгерим Тлеужанова",
    ),
    (
        "Активистку Бияш, по документам — Бияш Жумабаева, задержали в Алматы.",
        "Бияш",
        "Бияш Жумабаева",
        None,  # her first name is no alias: the full name says it
    ),
    (
        "Журналист Марат Жыланбаев, известный как Марат Жылан, был задержан.",
        "Марат Жылан",
        "Марат Жыланбаев",
        "Марат Жылан",
    ),
    (
        "Правозащитница Гульмира Бекова, урождённая Исаева, была арестована.",
        "Исаева",
        "Гульмира Бекова",
        "Гульмира Исаева",
    ),
    (
        "Блогер Ержан Елшибаев (в некоторых источниках — Ельшибаев) осуждён.",
        "Ельшибаев",
        "Ержан Елшибаев",
        "Ержан Ельшибаев",
    ),
    (
        "Activist Aigerim Tleuzhan (also spelled Tleuzhanova) was sentenced.",
        "Tleuzhanova",
        "Aigerim Tleuzhan",
        "Aigerim Tleuzhanova",
    ),
    (
        "Blogger Marat Zhylanbayev, also known as Marat Zhylan, was arrested.",
        "Marat Zhylan",
        "Marat Zhylanbayev",
        "Marat Zhylan",
    ),
    (
        "Journalist Gulmira Bekova, née Isayeva, was detained.",
        "Isayeva",
        "Gulmira Bekova",
        "Gulmira Isayeva",
    ),
    ("Activist Aigerim Tleuzhan, a.k.a. Aika, was detained.", "Aika", "Aigerim Tleuzhan", "Aika"),
]


@pytest.mark.parametrize(("text", "other", "name", "alias"), STATED)
def test_a_stated_alias_joins_both_names_in_one_entity(text, other, name, alias):
    people, mentions = _entities_of(text)
    assert [e.name for e in people.values()] == [name]
    person = next(iter(people.values()))
    assert alias is None or alias in person.aliases
    assert mentions[other] == person.key


@pytest.mark.parametrize(
    ("text", "alias", "cut"),
    [
        (
            "Activist Ali Hassan, also known as Abu Bakr al-Baghdadi, was detained.",
            "Abu Bakr al-Baghdadi",
            "Abu Bakr",
        ),
        (
            "Журналист Марат Жыланбаев, известный как Абу Бакр аль-Багдади, был задержан.",
            "Абу Бакр Аль-Багдади",
            "Абу Бакр",
        ),
    ],
)
def test_a_stated_alias_runs_on_past_a_lower_case_particle(text, alias, cut):
    people, _mentions = _entities_of(text)
    (person,) = people.values()
    assert alias in [person.name, *person.aliases]
    assert cut not in person.aliases  # not the name cut at «al-», «аль-»


def test_a_cyrillic_alias_also_gets_its_latin_spelling():
    people, _ = _entities_of(
        "Суд приговорил активистку Айгерим Тлеужан (по документам — Тлеужанова) к четырём годам."
    )
    assert "Aigerim Tleuzhanova" in next(iter(people.values())).aliases


NOT_STATED = [
    # a phrase about a case or a source, not a name
    "Адвокат Марат Жыланбаев, по словам Айгерим Тлеужан, подал жалобу.",
    "Суд по делу Айгерим Тлеужан допросил Марата Жыланбаева.",
    # a bracket with a surname of another family is not the same person's name
    "Показания дали Айгерим Тлеужан (Ахметова) и Марат Жыланбаев.",
    # the cue followed by words that are no name
    "Activist Aigerim Tleuzhan, also known as a critic of the government, met blogger Marat Zhylanbayev.",
]


@pytest.mark.parametrize("text", NOT_STATED)
def test_phrases_that_state_no_identity_add_no_alias(text):
    people, mentions = _entities_of(text)
    assert len(set(mentions.values())) >= 2, mentions
    for person in people.values():  # its own name in the other script, nothing else
        assert {match_key(a) for a in person.aliases} <= {match_key(person.name)}


def test_a_phrase_about_a_role_is_no_name():
    people, _ = _entities_of(
        "Opposition leader Marat Zhylanbayev, known as Alga's founder, was arrested."
    )
    assert [p.aliases for p in people.values()] == [[]]


def test_an_organization_known_by_its_former_name():
    orgs, mentions = _entities_of(
        "Фонд «Аманат», ранее — «Нур Отан», заявил о поддержке.", "organization"
    )
    assert len(orgs) == 1
    org = next(iter(orgs.values()))
    assert "Нур Отан" in org.aliases
    assert mentions["Нур Отан"] == org.key


def test_an_organization_phrase_without_a_name_adds_nothing():
    orgs, _ = _entities_of(
        "Фонд «Аманат», ранее заявлявший о поддержке, провёл встречу.", "organization"
    )
    assert [o.aliases for o in orgs.values()] == [[]]


# --- end to end: ingest, then export --------------------------------------------------------

DOCUMENTS = {
    "a-ru.txt": "Алматы, 12 октября 2023 г.\n\nСуд приговорил активистку Айгерим Тлеужан "
    "(по документам — Тлеужанова) к четырём годам лишения свободы по статье 272 УК РК.\n",
    # court papers use the other surname form only
    "b-ru.txt": "Алматы, 20 ноября 2023 г.\n\nАпелляционная коллегия оставила в силе приговор "
    "в отношении Айгерим Тлеужановой.\n",
    "c-en.txt": "Almaty, 5 December 2023\n\nHuman rights groups call for the release of "
    "activist Aigerim Tleuzhan, who was sentenced to four years in prison in Kazakhstan.\n",
}


def test_ingest_and_export_show_one_person_with_both_spellings(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    engine = open_store(str(tmp_path / "pledgewatch.sqlite"))
    list(ingest_paths(engine, sorted(folder.iterdir()), Settings()))
    buffer = io.StringIO()
    with session_scope(engine) as session:
        write_json(session, buffer)
    export = json.loads(buffer.getvalue())
    people = [e for e in export["entities"] if e["type"] == "person"]
    assert len(people) == 1, [(p["name"], p["aliases"]) for p in people]
    person = people[0]
    assert person["name"] == "Айгерим Тлеужан"
    assert {"Айгерим Тлеужанова", "Aigerim Tleuzhan"} <= set(person["aliases"])
    assert {m["document"] for m in person["mentions"]} == {d["id"] for d in export["documents"]}
