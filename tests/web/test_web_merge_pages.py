"""The merge screens without JavaScript: the 'possibly the same person' queue, and merging
or splitting records from an entity's page. Each test starts from the web database plus
the later statement (webhelpers.LATER_STATEMENT) that puts one pair in the queue."""

from __future__ import annotations

import re

import pytest

from web.webhelpers import (
    LATER_STATEMENT,
    LATER_STATEMENT_NAME,
    csrf_of,
    ingest_files,
    login,
    make_client,
)

NEW_NAME = "Айгерим Тлеужанова"


def _store(db_path):
    from pledgewatch.store.db import open_store

    return open_store(str(db_path))


def pending_pairs(db_path) -> list[tuple[str, str]]:
    from pledgewatch.resolve.judgements import pending_merge_candidates
    from pledgewatch.store.db import session_scope

    with session_scope(_store(db_path)) as session:
        return [(c.entity_a, c.entity_b) for c in pending_merge_candidates(session)]


def names_of(db_path, *ids: str) -> list[str]:
    from pledgewatch.store.db import session_scope
    from pledgewatch.store.models import Entity

    with session_scope(_store(db_path)) as session:
        return [session.get(Entity, i).name for i in ids]


def decisions_by(db_path, name: str) -> list[tuple[str, str, str]]:
    from pledgewatch.resolve.judgements import judgement_log
    from pledgewatch.store.db import session_scope

    with session_scope(_store(db_path)) as session:
        log = judgement_log(session, decided_by=name)
        return [(j.decision, j.entity_a, j.entity_b) for j in log]


@pytest.fixture
def pair(web_db, tmp_path) -> tuple[str, str]:
    """The one pending pair, (the record on file, the new one)."""
    statement = tmp_path / LATER_STATEMENT_NAME
    statement.write_text(LATER_STATEMENT, encoding="utf-8")
    ingest_files(str(web_db), [statement])
    pairs = pending_pairs(web_db)
    assert len(pairs) == 1, pairs
    a, b = pairs[0]
    assert NEW_NAME in names_of(web_db, a, b)
    return a, b


def decide(client, a: str, b: str, decision: str):
    page = client.get("/review/merges").text
    return client.post(
        "/review/merges",
        data={"a": a, "b": b, "decision": decision, "csrf_token": csrf_of(page)},
    )


def test_queue_shows_the_pair_side_by_side_with_context(editor, web_db, pair):
    page = editor.get("/review/merges")
    assert page.status_code == 200
    for name in names_of(web_db, *pair):
        assert name in page.text
    for entity_id in pair:
        assert f'href="/entities/{entity_id}"' in page.text
    assert "<mark>Айгерим Тлеужановой</mark>" in page.text  # the mention, in its sentence
    assert re.search(r"Match score <strong>0\.\d\d</strong>", page.text)
    buttons = re.findall(r'<button type="submit" name="decision" value="(\w+)"', page.text)
    assert buttons == ["same", "not_same"]
    assert '<span class="count">1</span>' in page.text  # the pending count in the menu
    assert "may be one person: 1" in editor.get("/review").text

    editor.cookies.set("pw_lang", "ru")
    russian = editor.get("/review/merges").text
    assert "Возможно, один человек" in russian and ">Один человек</button>" in russian
    assert ">Разные люди</button>" in russian


def test_same_person_merges_the_records(editor, web_db, pair):
    response = decide(editor, *pair, "same")
    assert response.status_code == 303
    assert response.headers["location"] == "/review/merges?done=same"
    after = editor.get(response.headers["location"]).text
    assert "Merged: the two records are one now." in after
    assert "No pairs wait for a decision." in after
    assert pending_pairs(web_db) == []
    assert decisions_by(web_db, "editor") == [("same", *pair)]

    survivor, absorbed = pair  # the record on file is the older one: it survives
    moved = editor.get(f"/entities/{absorbed}")
    assert moved.status_code == 307 and moved.headers["location"] == f"/entities/{survivor}"
    page = editor.get(f"/entities/{survivor}").text
    merged_from = page[page.index("Merged from") :]
    assert NEW_NAME in merged_from and absorbed in merged_from
    assert f'name="member" value="{absorbed}"' in page  # its Split button
    # the record shows what its merged part brought: that statement and its spelling
    detail = editor.get(f"/api/v1/entities/{survivor}").json()
    sources = [d["document"]["source"] for d in detail["documents"]]
    assert any(s.endswith(LATER_STATEMENT_NAME) for s in sources), sources
    assert NEW_NAME in detail["aliases"] and absorbed in detail["referents"]


def test_not_the_same_leaves_the_queue_and_stays_out_after_resolve(editor, web_db, pair):
    from pledgewatch.resolve import resolve_all
    from pledgewatch.store.db import session_scope

    response = decide(editor, *pair, "not_same")
    assert response.status_code == 303
    after = editor.get(response.headers["location"]).text
    assert "Recorded: they stay two records." in after and NEW_NAME not in after
    assert decisions_by(web_db, "editor") == [("not_same", *pair)]

    with session_scope(_store(web_db)) as session:
        report = resolve_all(session)
    assert report.compared >= 1
    assert pending_pairs(web_db) == []
    assert NEW_NAME not in editor.get("/review/merges").text
    for entity_id in pair:
        assert editor.get(f"/entities/{entity_id}").status_code == 200  # two records


def test_split_from_the_entity_page_separates_them(editor, web_db, pair):
    survivor, absorbed = pair
    decide(editor, survivor, absorbed, "same")
    page = editor.get(f"/entities/{survivor}").text
    response = editor.post(
        f"/entities/{survivor}/split", data={"member": absorbed, "csrf_token": csrf_of(page)}
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/entities/{survivor}?done=split"
    after = editor.get(response.headers["location"]).text
    assert "Split: that record stands on its own again." in after
    assert "Merged from" not in after
    assert editor.get(f"/entities/{absorbed}").status_code == 200

    wrong = editor.post(
        f"/entities/{survivor}/split", data={"member": absorbed, "csrf_token": csrf_of(page)}
    )
    assert wrong.status_code == 422 and "is not merged into this record" in wrong.text


def test_same_person_as_by_id_or_name_and_the_refusals(editor, web_db, pair):
    survivor, absorbed = pair
    page = editor.get(f"/entities/{absorbed}").text
    token = csrf_of(page)
    assert "Same person as…" in page

    refused = editor.post(f"/entities/{absorbed}/merge", data={"other": "", "csrf_token": token})
    assert refused.status_code == 422 and "Give the id or the name" in refused.text
    organization = re.search(r"/entities/(org_\w+)", editor.get("/entities?type=organization").text)
    across = editor.post(
        f"/entities/{absorbed}/merge", data={"other": organization.group(1), "csrf_token": token}
    )
    assert across.status_code == 422 and "Only records of one type" in across.text


def test_a_merge_that_earlier_decisions_forbid_is_explained(editor, web_db, pair):
    survivor, absorbed = pair
    people = re.findall(r'href="/entities/(per_\w+)"', editor.get("/entities?type=person").text)
    third = next(p for p in people if p not in pair)
    page = editor.get(f"/entities/{survivor}").text
    decide(editor, survivor, absorbed, "not_same")
    joined = editor.post(
        f"/entities/{survivor}/merge", data={"other": third, "csrf_token": csrf_of(page)}
    )
    assert joined.status_code == 303
    # the new record and the third one: one would bring in a record judged different
    conflict = editor.post(
        f"/entities/{absorbed}/merge", data={"other": third, "csrf_token": csrf_of(page)}
    )
    assert conflict.status_code == 409
    assert "Not merged: these records were judged not the same" in conflict.text
    assert NEW_NAME in conflict.text and 'role="alert"' in conflict.text
    assert editor.get(f"/entities/{absorbed}").status_code == 200


def test_same_person_as_a_name_finds_the_one_record(editor, web_db, pair):
    survivor, absorbed = pair
    page = editor.get(f"/entities/{absorbed}").text
    by_name = editor.post(
        f"/entities/{absorbed}/merge",
        data={"other": "Айгерим Тлеужан", "csrf_token": csrf_of(page)},
    )
    assert by_name.status_code == 303, by_name.text
    assert by_name.headers["location"] == f"/entities/{survivor}?done=merged"
    assert "Merged: the two records are one now." in editor.get(by_name.headers["location"]).text


def test_a_viewer_sees_the_queue_but_no_buttons_and_cannot_post(viewer, web_db, pair):
    survivor, absorbed = pair
    page = viewer.get("/review/merges")
    assert page.status_code == 200 and NEW_NAME in page.text
    assert 'name="decision"' not in page.text
    token = csrf_of(page.text)  # the sign-out form's: a valid token for this session
    refused = viewer.post(
        "/review/merges",
        data={"a": survivor, "b": absorbed, "decision": "same", "csrf_token": token},
    )
    assert refused.status_code == 403
    assert pending_pairs(web_db) == [pair]
    entity = viewer.get(f"/entities/{survivor}").text
    assert f"/entities/{survivor}/merge" not in entity and 'name="member"' not in entity
    assert (
        viewer.post(
            f"/entities/{survivor}/merge", data={"other": absorbed, "csrf_token": token}
        ).status_code
        == 403
    )

    editor = make_client(web_db)
    assert login(editor, "editor").status_code == 303
    decide(editor, survivor, absorbed, "same")
    entity = viewer.get(f"/entities/{survivor}").text
    assert "Merged from" in entity and NEW_NAME in entity and 'name="member"' not in entity
    assert (
        viewer.post(
            f"/entities/{survivor}/split", data={"member": absorbed, "csrf_token": token}
        ).status_code
        == 403
    )


def test_a_decision_without_the_right_csrf_token_is_refused(editor, web_db, pair):
    a, b = pair
    missing = editor.post("/review/merges", data={"a": a, "b": b, "decision": "same"})
    wrong = editor.post(
        "/review/merges", data={"a": a, "b": b, "decision": "same", "csrf_token": "forged"}
    )
    assert missing.status_code == 403 and wrong.status_code == 403
    no_merge = editor.post(f"/entities/{a}/merge", data={"other": b, "csrf_token": "forged"})
    assert no_merge.status_code == 403
    assert pending_pairs(web_db) == [pair]


def test_names_from_documents_are_shown_as_text(editor, web_db, pair):
    from pledgewatch.store.db import session_scope
    from pledgewatch.store.models import Entity

    survivor, absorbed = pair
    hostile = 'Айгерим <script>alert("x")</script> Тлеужанова'
    with session_scope(_store(web_db)) as session:
        session.get(Entity, absorbed).name = hostile
    page = editor.get("/review/merges").text
    assert "<script>alert" not in page
    assert "Айгерим &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Тлеужанова" in page
    decide(editor, survivor, absorbed, "same")
    entity = editor.get(f"/entities/{survivor}").text
    assert "<script>alert" not in entity and "&lt;script&gt;" in entity
