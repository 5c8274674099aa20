"""HEAD answers like GET without the body, on pages and API routes alike (link checkers,
monitors and caches send it)."""

from __future__ import annotations

from web.webhelpers import api_token


def test_head_of_a_page_has_the_headers_of_get_and_no_body(viewer):
    got = viewer.get("/documents")
    head = viewer.head("/documents")
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]
    assert int(head.headers["content-length"]) > 0


def test_head_of_an_api_route_follows_get(client, web_db):
    assert client.head("/api/v1/documents").status_code == 401
    client.headers["Authorization"] = f"Bearer {api_token(web_db, 'viewer')}"
    document_id = client.get("/api/v1/documents").json()["items"][0]["id"]
    got = client.get(f"/api/v1/documents/{document_id}")
    head = client.head(f"/api/v1/documents/{document_id}")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == "application/json"
    assert int(head.headers["content-length"]) == len(got.content)
    assert client.head("/api/v1/documents/doc_missing").status_code == 404


def test_head_is_not_listed_as_an_operation_and_writes_stay_writes(viewer):
    spec = viewer.get("/openapi.json").json()
    assert not [path for path, operations in spec["paths"].items() if "head" in operations]
    assert viewer.head("/logout").status_code == 405  # a POST-only route has no GET to follow
