"""The JSON API in-process over HTTP, on a real SQLite file (and the real PostgreSQL server
for the round trip): ids are the export's, pages and filters, review decisions, upload,
authentication by personal API tokens, and an OpenAPI document that covers every route."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from web.webhelpers import (
    USERS,
    add_users,
    api_token,
    bearer,
    csrf_of,
    export_of,
    ingest_files,
    login,
    make_client,
)


@pytest.fixture
def editor_api(web_db):
    client = make_client(web_db)
    client.headers.update(bearer(api_token(web_db, "editor")))
    return client


def test_round_trip_on_sqlite_and_postgresql(database_url):
    """Documents, entities, facts, search and a review decision through the API, on each
    backend, with the export's ids."""
    ingest_files(
        database_url,
        [
            SAMPLES / "01_zhylanbayev-sentence-ru.txt",
            SAMPLES / "21_summit-pledges-statement-en.txt",
        ],
    )
    add_users(database_url)
    client = make_client(database_url)
    client.headers.update(bearer(api_token(database_url, "editor")))
    export = export_of(database_url)

    documents = client.get("/api/v1/documents").json()
    assert documents["total"] == 2
    assert {d["id"] for d in documents["items"]} == {d["id"] for d in export["documents"]}
    doc_id = export["documents"][0]["id"]
    detail = client.get(f"/api/v1/documents/{doc_id}").json()
    exported = next(d for d in export["documents"] if d["id"] == doc_id)
    assert {k: detail[k] for k in exported} == exported
    assert detail["mentions"] and detail["facts"]
    for mention in detail["mentions"]:
        assert detail["text"][mention["start"] : mention["end"]] == mention["text"]

    hits = client.get("/api/v1/search", params={"q": "Zhylanbayev"}).json()
    person = next(e for e in hits["entities"] if e["name"] == "Марат Жыланбаев")
    assert hits["documents"]["total"] == 2
    entity = client.get(f"/api/v1/entities/{person['id']}").json()
    assert "Marat Zhylanbayev" in entity["aliases"]
    assert entity["documents_total"] == 2

    fact = client.get("/api/v1/facts", params={"entity": person["id"], "type": "sentence"}).json()
    fact_id = fact["items"][0]["id"]
    decided = client.post(f"/api/v1/facts/{fact_id}/review", json={"decision": "accept"})
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "accepted"
    assert decided.json()["reviewed_by"] == "editor"
    log = client.get("/api/v1/reviews", params={"fact": fact_id}).json()
    assert [r["reviewer"] for r in log["items"]] == ["editor"]
    assert export_of(database_url)["facts"] != export["facts"]  # the export sees it too


def test_every_export_id_resolves(editor_api, web_db):
    export = export_of(web_db)
    for doc in export["documents"]:
        assert editor_api.get(f"/api/v1/documents/{doc['id']}").status_code == 200
    for entity in export["entities"][:40]:
        got = editor_api.get(f"/api/v1/entities/{entity['id']}").json()
        assert got["name"] == entity["name"] and got["aliases"] == entity["aliases"]
    for fact in export["facts"][:40]:
        got = editor_api.get(f"/api/v1/facts/{fact['id']}").json()
        assert got["evidence"][0]["quote"] == fact["evidence"][0]["quote"]


def test_pages_and_filters(editor_api, web_db):
    export = export_of(web_db)
    first = editor_api.get("/api/v1/documents", params={"limit": 2}).json()
    second = editor_api.get("/api/v1/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == len(export["documents"]) and len(first["items"]) == 2
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    english = editor_api.get("/api/v1/documents", params={"language": "en"}).json()
    assert english["total"] == sum(1 for d in export["documents"] if d["language"] == "en")
    people = editor_api.get("/api/v1/entities", params={"type": "person", "limit": 200}).json()
    assert people["total"] == sum(1 for e in export["entities"] if e["type"] == "person")
    assert all(e["type"] == "person" for e in people["items"])
    found = editor_api.get("/api/v1/entities", params={"q": "Zhylanbayev"}).json()
    assert "Марат Жыланбаев" in [e["name"] for e in found["items"]]
    demands = editor_api.get("/api/v1/facts", params={"type": "demand", "limit": 200}).json()
    assert demands["total"] == sum(1 for f in export["facts"] if f["type"] == "demand")
    assert editor_api.get("/api/v1/documents", params={"limit": 500}).status_code == 422


def test_unknown_ids_are_404(editor_api):
    for path in ("/api/v1/documents/doc_nope", "/api/v1/entities/per_nope", "/api/v1/facts/x"):
        response = editor_api.get(path)
        assert response.status_code == 404
        assert "no " in response.json()["detail"]


def test_openapi_documents_every_route(viewer):
    spec = viewer.get("/openapi.json").json()
    paths = spec["paths"]
    assert {
        "/api/v1/documents",
        "/api/v1/entities/{entity_id}",
        "/api/v1/search",
        "/api/v1/facts/{fact_id}/review",
        "/api/v1/reviews",
        "/api/v1/stats",
    } <= set(paths)
    assert all(p.startswith("/api/v1/") for p in paths), "HTML pages are not API routes"
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert schema, f"{method} {path} has no response model"
    assert "securitySchemes" not in spec or spec["securitySchemes"]


def test_api_needs_a_token_or_a_session(client, web_db):
    response = client.get("/api/v1/documents")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/v1/documents", headers=bearer("pw_wrong")).status_code == 401
    assert client.get("/api/v1/documents", headers={"Authorization": "Basic x"}).status_code == 401
    viewer = api_token(web_db, "viewer")
    assert client.get("/api/v1/documents", headers=bearer(viewer)).status_code == 200
    fact = client.get("/api/v1/facts", headers=bearer(viewer)).json()["items"][0]
    refused = client.post(
        f"/api/v1/facts/{fact['id']}/review", json={"decision": "accept"}, headers=bearer(viewer)
    )
    assert refused.status_code == 403
    assert client.get("/api/v1/me", headers=bearer(viewer)).json()["role"] == "viewer"


def test_session_cookie_writes_need_the_csrf_header(web_db):
    client = make_client(web_db)
    assert login(client, "editor").status_code == 303
    fact = client.get("/api/v1/facts").json()["items"][0]
    url = f"/api/v1/facts/{fact['id']}/review"
    assert client.post(url, json={"decision": "reject"}).status_code == 403
    token = csrf_of(client.get("/review").text)
    response = client.post(url, json={"decision": "reject"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    assert response.json()["status"] == "rejected"


def test_correction_checks_the_vocabulary_and_records_changes(editor_api, web_db):
    export = export_of(web_db)
    sentence = next(f for f in export["facts"] if f["type"] == "sentence")
    url = f"/api/v1/facts/{sentence['id']}/review"
    bad = editor_api.post(url, json={"decision": "correct", "attributes": {"penalty": "banana"}})
    assert bad.status_code == 422 and "banana" in bad.json()["detail"]
    assert (
        editor_api.post(url, json={"decision": "correct", "subject": "per_nobody"}).status_code
        == 422
    )
    assert (
        editor_api.post(url, json={"decision": "correct", "date": "29 ноября"}).status_code == 422
    )
    other = next(
        e for e in export["entities"] if e["type"] == "person" and e["id"] != sentence["subject"]
    )
    attributes = {**sentence["attributes"], "term_months": "60"}
    done = editor_api.post(
        url,
        json={
            "decision": "correct",
            "attributes": attributes,
            "date": "2023-11-29",
            "subject": other["id"],
            "note": "checked against the verdict",
        },
    ).json()
    assert done["status"] == "accepted" and done["subject"] == other["id"]
    assert done["attributes"]["term_months"] == 60 and done["date"] == "2023-11-29"
    [review] = done["reviews"]
    assert review["decision"] == "correct" and review["reviewer"] == "editor"
    assert review["changes"]["subject"] == [sentence["subject"], other["id"]]
    assert review["changes"]["date"] == [sentence["date"], "2023-11-29"]
    assert review["note"] == "checked against the verdict"


def test_bulk_review_is_all_or_none(editor_api, web_db):
    ids = [f["id"] for f in export_of(web_db)["facts"][:3]]
    refused = editor_api.post(
        "/api/v1/reviews", json={"facts": [*ids, "fct_nope"], "decision": "reject"}
    )
    assert refused.status_code == 422
    assert all(f["status"] == "suggested" for f in export_of(web_db)["facts"][:3])
    done = editor_api.post("/api/v1/reviews", json={"facts": ids, "decision": "reject"}).json()
    assert {f["id"] for f in done["facts"]} == set(ids)
    assert all(f["status"] == "rejected" and f["reviewed_by"] == "editor" for f in done["facts"])


def test_upload_through_the_api(web_db, tmp_path):
    client = make_client(web_db, max_file_mb=0.01)
    client.headers.update(bearer(api_token(web_db, "editor")))
    text = "Блогер Асхат Жексебаев приговорен к пяти годам лишения свободы.\n".encode()
    files = [
        ("files", ("new.txt", text, "text/plain")),
        ("files", ("../../etc/passwd.exe", b"MZ binary", "application/octet-stream")),
        ("files", ("big.txt", b"a" * 20_000, "text/plain")),
    ]
    results = client.post("/api/v1/documents", files=files).json()
    assert [r["status"] for r in results] == ["added", "failed", "failed"]
    assert results[0]["document"].startswith("doc_") and results[0]["facts"] >= 1
    assert results[1]["file"] == "passwd.exe" and "unsupported" in results[1]["error"].lower()
    assert "0.01 MB limit" in results[2]["error"]
    again = client.post("/api/v1/documents", files=[("files", ("same.txt", text, "text/plain"))])
    assert again.json()[0]["status"] == "duplicate"
    viewer = bearer(api_token(web_db, "viewer"))
    assert client.post("/api/v1/documents", files=files[:1], headers=viewer).status_code == 403


def test_stats_count_per_country(editor_api):
    stats = editor_api.get("/api/v1/stats").json()
    by_country = {c["country"]: c for c in stats["countries"]}
    assert {"KZ", "KG", "TJ", "TM", "UZ"} <= set(by_country)
    assert by_country["KZ"]["people_held"] >= 1  # Жыланбаев, sentenced to seven years
    assert by_country["KZ"]["open_demands"] >= 1
    assert by_country["KZ"]["documents_this_month"] >= 1
    assert stats["documents"] == len(stats["latest"]) or len(stats["latest"]) == 10


def test_users_are_hashed_with_argon2(web_db):
    import sqlite3

    with sqlite3.connect(web_db) as connection:
        hashes = dict(connection.execute("SELECT name, password_hash FROM users"))
    assert set(hashes) == set(USERS)
    assert all(h.startswith("$argon2id$") for h in hashes.values())
    assert not any(USERS[name][0] in h for name, h in hashes.items())
