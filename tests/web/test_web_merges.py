"""Merging and splitting entity records through the API, in-process on a real SQLite file."""

from __future__ import annotations

from web.webhelpers import (
    LATER_STATEMENT,
    LATER_STATEMENT_NAME,
    api_token,
    bearer,
    ingest_files,
    login,
    make_client,
)


def _two_people(client) -> tuple[str, str]:
    people = client.get("/api/v1/entities", params={"type": "person", "limit": 200}).json()
    ids = [e["id"] for e in people["items"]]
    assert len(ids) >= 2
    return ids[0], ids[1]


def test_api_merge_split_round_trip(web_db):
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "editor")))
    queue = client.get("/api/v1/merges/pending").json()
    assert queue["total"] == len(queue["items"]) and queue["limit"] == 20
    a, b = _two_people(client)

    done = client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "same"})
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["decision"] == "same" and body["decided_by"] == "editor"
    assert body["canonical_a"] == body["canonical_b"]

    undone = client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "not_same"})
    assert undone.status_code == 200, undone.text
    assert undone.json()["canonical_a"] == a and undone.json()["canonical_b"] == b

    again = client.post("/api/v1/merges", json={"a": a, "b": a, "decision": "same"})
    assert again.status_code == 422
    bad = client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "maybe"})
    assert bad.status_code == 422


def test_api_merge_needs_editor(web_db):
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "viewer")))
    a, b = _two_people(client)
    assert client.get("/api/v1/merges/pending").status_code == 200
    refused = client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "same"})
    assert refused.status_code == 403


def test_openapi_documents_merges(web_db):
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "editor")))
    spec = client.get("/openapi.json")
    if spec.status_code != 200:
        spec = client.get("/api/v1/openapi.json")
    paths = spec.json()["paths"]
    post = next(v for k, v in paths.items() if k.endswith("/merges"))["post"]
    assert "MergeOut" in str(post["responses"]["200"])


def test_absorbed_entity_page_redirects_to_survivor(web_db):
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "editor")))
    a, b = _two_people(client)
    body = client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "same"}).json()
    survivor = body["canonical_a"]
    absorbed = b if survivor == a else a
    page = make_client(web_db)
    assert login(page, "viewer").status_code == 303
    moved = page.get(f"/entities/{absorbed}", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == f"/entities/{survivor}"
    assert page.get(f"/entities/{survivor}", follow_redirects=False).status_code == 200

    client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "not_same"})
    assert page.get(f"/entities/{absorbed}", follow_redirects=False).status_code == 200


def test_after_a_merge_lists_and_search_show_the_surviving_record_only(web_db):
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "editor")))
    a, b = _two_people(client)
    names = {
        e["id"]: e["name"]
        for e in client.get("/api/v1/entities", params={"type": "person", "limit": 200}).json()[
            "items"
        ]
    }
    body = client.post("/api/v1/merges", json={"a": a, "b": b, "decision": "same"}).json()
    survivor = body["canonical_a"]
    absorbed = b if survivor == a else a

    listed = client.get("/api/v1/entities", params={"type": "person", "limit": 200}).json()
    ids = [e["id"] for e in listed["items"]]
    assert survivor in ids and absorbed not in ids
    # the absorbed record's own name now finds the record it was merged into
    found = client.get("/api/v1/search", params={"q": names[absorbed]}).json()
    assert [e["id"] for e in found["entities"]] == [survivor]
    assert found["documents"]["total"] >= 1


def test_api_pending_pairs_name_both_records(web_db, tmp_path):
    statement = tmp_path / LATER_STATEMENT_NAME
    statement.write_text(LATER_STATEMENT, encoding="utf-8")
    ingest_files(str(web_db), [statement])
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "viewer")))
    queue = client.get("/api/v1/merges/pending").json()
    assert queue["total"] == 1
    pair = queue["items"][0]
    names = {pair["a"]["name"], pair["b"]["name"]}
    assert "Айгерим Тлеужанова" in names and len(names) == 2
    assert pair["score"] is not None and pair["a"]["documents_total"] >= 1
    assert any("Тлеужанов" in c["text"] for side in "ab" for c in pair[side]["contexts"])
    assert client.get("/api/v1/merges/pending", params={"offset": 1}).json()["items"] == []
