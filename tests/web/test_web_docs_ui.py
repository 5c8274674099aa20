"""The interactive API reference at /docs: Swagger UI served from local files, under a
policy that allows its one inline script and nothing from another host."""

from __future__ import annotations

import base64
import hashlib
import re

from web.webhelpers import api_token, bearer, make_client


def local_references(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]*)"', html)


def directives(policy: str) -> dict[str, str]:
    pairs = (part.strip().partition(" ") for part in policy.split(";") if part.strip())
    return {name: value for name, _, value in pairs}


def test_the_docs_page_loads_only_assets_the_app_serves(viewer):
    page = viewer.get("/docs")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    references = local_references(page.text)
    assert any(url.endswith(".js") for url in references)
    assert any(url.endswith(".css") for url in references)
    for url in references:
        assert url.startswith("/") and not url.startswith("//"), url
        asset = viewer.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 0, url
    assert "'/openapi.json'" in page.text
    spec = viewer.get("/openapi.json").json()
    assert "/api/v1/documents" in spec["paths"]
    assert "/docs" not in spec["paths"]


def test_the_docs_page_allows_exactly_its_own_inline_script(viewer):
    page = viewer.get("/docs")
    policy = page.headers["content-security-policy"]
    assert "http" not in policy and "//" not in policy and "*" not in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    inline = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    assert len(inline) == 1 and "SwaggerUIBundle(" in inline[0]
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert directives(policy)["script-src"] == f"'self' 'sha256-{digest}'"

    ordinary = viewer.get("/documents").headers["content-security-policy"]
    assert directives(ordinary)["script-src"] == "'self'"
    assert {k: v for k, v in directives(policy).items() if k != "script-src"} == {
        k: v for k, v in directives(ordinary).items() if k != "script-src"
    }


def test_the_docs_page_and_its_schema_are_readable_where_the_api_is(web_db, client):
    assert client.get("/docs").headers["location"] == "/login?next=%2Fdocs"
    assert client.get("/api/v1/documents").status_code == 401
    schema = client.get("/openapi.json")  # JSON, like the API: 401, not the sign-in page
    assert schema.status_code == 401 and "paths" not in schema.json()
    assert schema.headers["www-authenticate"] == "Bearer"
    assert client.head("/openapi.json").status_code == 401
    public = make_client(web_db, anonymous_read=True)
    assert public.get("/api/v1/documents").status_code == 200
    assert public.get("/docs").status_code == 200
    assert "/api/v1/documents" in public.get("/openapi.json").json()["paths"]
    scripted = make_client(web_db)  # a personal API token reads the schema too
    scripted.headers.update(bearer(api_token(web_db, "viewer")))
    assert "/api/v1/documents" in scripted.get("/openapi.json").json()["paths"]
